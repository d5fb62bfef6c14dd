#!/usr/bin/env bash
# Builds the .deb with CPack, checks its control fields and contents, unpacks it with dpkg -x into
# a temporary root and runs the unpacked binary from there: --version, and a headless PNG export.
# Exit 77 (skipped) where dpkg-deb, dpkg-shlibdeps (dpkg-dev) or file is missing.
#
#   check_deb.sh CPACK BUILD_DIR VERSION APP_ID HARDENING(ON|OFF)
set -uo pipefail
cpack=$1 build=$2 version=$3 id=$4 hardening=${5:-ON}

missing=()
command -v dpkg-deb >/dev/null || missing+=(dpkg)
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
command -v file >/dev/null || missing+=(file)
if ((${#missing[@]} > 0)); then
    echo "SKIPPED: not installed: ${missing[*]} (apt-get install ${missing[*]})"
    exit 77
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

start=$SECONDS
if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    fail "cpack -G DEB"
fi
debs=("$tmp"/out/*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || { cat "$tmp/cpack.log"; fail "expected one .deb in $tmp/out"; }
deb="${debs[0]}"
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in $((SECONDS - start)) s"

dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends
field() { dpkg-deb --field "$deb" "$1"; }
[[ "$(field Package)" == activation-explorer ]] || fail "Package is not activation-explorer"
[[ "$(field Version)" == "$version" ]] || fail "Version is not $version"
[[ "$(field Section)" == science ]] || fail "Section is not science"
[[ -n "$(field Maintainer)" ]] || fail "no Maintainer"
depends="$(field Depends)"
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 libc6 libstdc++6; do
    [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

contents="$(dpkg-deb --contents "$deb")"
for path in ./usr/bin/activation-explorer ./usr/share/applications/$id.desktop \
    ./usr/share/metainfo/$id.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/$id.svg \
    ./usr/share/icons/hicolor/48x48/apps/$id.png ./usr/share/man/man1/activation-explorer.1.gz \
    ./usr/share/doc/activation-explorer/copyright ./usr/share/doc/activation-explorer/changelog.gz; do
    grep -q -F " $path" <<<"$contents" || fail "the package lacks $path"
done

# Debian's own checks of a package: no error, no warning, and every hardening flag (those are
# only "info" tags) unless the build turned them off (the sanitizer build). Skipped where lintian
# is missing.
if command -v lintian >/dev/null; then
    wanted='^[EW]: '
    [[ "$hardening" == OFF ]] || wanted='^[EW]: |: hardening-'
    tags="$(lintian -I --tag-display-limit 0 "$deb" 2>&1 | grep -E "$wanted" || true)"
    [[ -z "$tags" ]] || fail "lintian:"$'\n'"$tags"
    echo "ok: lintian reports no error and no warning (hardening checked: $hardening)"
else
    echo "lintian not installed: the package's policy checks are skipped"
fi

# The changelog is this version's.
changelog_version="$(dpkg-parsechangelog -l "$(dirname "$0")/changelog" -S Version 2>/dev/null)"
[[ "$changelog_version" == "$version" ]] \
    || fail "packaging/changelog is for '$changelog_version', the project is $version"

root="$tmp/root"
dpkg -x "$deb" "$root" || fail "dpkg -x"
app="$root/usr/bin/activation-explorer"
[[ -x "$app" ]] || fail "no executable $app"
if command -v readelf >/dev/null; then
    ! readelf -d "$app" | grep -E -q "RPATH|RUNPATH" || fail "the binary has an RPATH: $(readelf -d "$app" | grep -E "RPATH|RUNPATH")"
fi

# No user settings, no display, English messages.
export XDG_CONFIG_HOME="$tmp/config" LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY

out="$("$app" --version)" || fail "--version exited with $?"
[[ "$out" == "activation-explorer $version" ]] || fail "--version printed '$out'"
echo "ok: $out"

png="$tmp/out.png"
QT_QPA_PLATFORM=offscreen "$app" --functions sigmoid,tanh,relu --export "$png" --size 400x300 \
    || fail "the export exited with $?"
[[ -s "$png" ]] || fail "no $png"
[[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] || fail "$png is not a PNG"
echo "ok: headless export, $(stat -c %s "$png") bytes"
echo "total $((SECONDS - start)) s"
