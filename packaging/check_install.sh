#!/usr/bin/env bash
# cmake --install into a temporary prefix, then checks that every file is where GNUInstallDirs
# puts it: the binary, the desktop entry, the icons (SVG and PNGs at their sizes), the AppStream
# metainfo, the man page (gzipped; groff, where installed, formats it without a warning), and
# the copyright and changelog under share/doc.
#
#   check_install.sh BUILD_DIR APP_ID "16 32 ..."
set -euo pipefail
build=$1 id=$2 sizes=$3

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/usr"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; exit 1; }

status=0
expect() {
    if [[ -f "$prefix/$1" ]]; then
        echo "ok: $1"
    else
        echo "MISSING: $1"
        status=1
    fi
}
expect bin/activation-explorer
expect share/applications/$id.desktop
expect share/metainfo/$id.metainfo.xml
expect share/icons/hicolor/scalable/apps/$id.svg
expect share/man/man1/activation-explorer.1.gz
expect share/doc/activation-explorer/copyright
expect share/doc/activation-explorer/changelog.gz
[[ -x "$prefix/bin/activation-explorer" ]] || { echo "bin/activation-explorer is not executable"; status=1; }

for size in $sizes; do
    png="share/icons/hicolor/${size}x${size}/apps/$id.png"
    expect "$png"
    [[ -f "$prefix/$png" ]] || continue
    # A PNG's width and height: big-endian 32-bit numbers at bytes 16 and 20.
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$prefix/$png")
    w=$(((w0 << 24) | (w1 << 16) | (w2 << 8) | w3))
    h=$(((h0 << 24) | (h1 << 16) | (h2 << 8) | h3))
    if [[ "$w" != "$size" || "$h" != "$size" ]]; then
        echo "WRONG SIZE: $png is ${w}x${h}"
        status=1
    fi
done

# Nothing is installed that the list above does not know of.
unexpected="$(cd "$prefix" && find . -type f | sed 's|^\./||' | grep -v -E \
    "^(bin/activation-explorer|share/applications/$id\.desktop|share/metainfo/$id\.metainfo\.xml|share/icons/hicolor/[^/]+/apps/$id\.(svg|png)|share/man/man1/activation-explorer\.1\.gz|share/doc/activation-explorer/(copyright|changelog\.gz))$" || true)"
if [[ -n "$unexpected" ]]; then
    echo "UNEXPECTED FILES:"
    echo "$unexpected"
    status=1
fi

man="$tmp/activation-explorer.1"
gzip -t "$prefix/share/man/man1/activation-explorer.1.gz" && gzip -dc "$prefix/share/man/man1/activation-explorer.1.gz" >"$man" \
    || { echo "the man page is not a gzip file"; status=1; }
gzip -dc "$prefix/share/doc/activation-explorer/changelog.gz" | head -1 | grep -q "^activation-explorer (" \
    || { echo "the changelog is not a gzipped Debian changelog"; status=1; }
for section in NAME SYNOPSIS DESCRIPTION OPTIONS EXAMPLES "EXIT STATUS" ENVIRONMENT FILES; do
    grep -q "^\.SH $section\$" "$man" || { echo "man page: no section $section"; status=1; }
done
if command -v groff >/dev/null; then
    warnings="$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$man" 2>&1 || true)"
    if [[ -n "$warnings" ]]; then
        echo "groff warns about the man page:"
        echo "$warnings"
        status=1
    fi
else
    echo "groff not installed: the man page's roff is not checked"
fi
exit $status
