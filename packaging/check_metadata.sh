#!/usr/bin/env bash
# desktop-file-validate on the desktop entry and appstreamcli validate on the AppStream metainfo,
# plus their agreement on the application id and the version. Exit 77 (skipped) where the
# validators are missing: scripts/setup.sh installs desktop-file-utils and appstream.
#
#   check_metadata.sh DESKTOP METAINFO APP_ID VERSION
set -uo pipefail
desktop=$1 metainfo=$2 id=$3 version=$4

missing=()
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || missing+=(appstream)
if ((${#missing[@]} > 0)); then
    echo "SKIPPED: not installed: ${missing[*]} (apt-get install ${missing[*]})"
    exit 77
fi

status=0
# desktop-file-validate exits 0 on warnings and hints: any output at all fails.
out="$(desktop-file-validate "$desktop" 2>&1)"
rc=$?
if [[ $rc -ne 0 || -n "$out" ]]; then
    echo "desktop-file-validate $desktop (exit $rc):"
    echo "$out"
    status=1
else
    echo "ok: desktop-file-validate"
fi

# Errors and warnings fail; info and pedantic notes do not.
if ! appstreamcli validate --no-net --explain "$metainfo"; then
    status=1
else
    echo "ok: appstreamcli validate --no-net"
fi

check() {
    if grep -q -F -- "$2" "$3"; then
        echo "ok: $1"
    else
        echo "MISMATCH: $1: '$2' not in $3"
        status=1
    fi
}
check "desktop Icon= is the id" "Icon=$id" "$desktop"
check "metainfo id" "<id>$id</id>" "$metainfo"
check "metainfo launchable is the desktop entry" \
    "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo"
check "metainfo release is the project version" "<release version=\"$version\"" "$metainfo"
[[ "$(basename "$desktop")" == "$id.desktop" ]] || { echo "MISMATCH: desktop file name"; status=1; }
exit $status
