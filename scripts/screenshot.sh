#!/usr/bin/env bash
# Makes docs/screenshot.png, the README's picture of the real window: builds the app if needed,
# opens it on the xcb platform under Xvfb at 1600×1000, checks that the default scene's curves are
# drawn (tests/smoke/window_smoke.sh), quits it with Ctrl+Q and keeps the window's pixels.
#
#   scripts/screenshot.sh [WIDTHxHEIGHT]    default 1600x1000; the screen is 1600x1000
#
# Needs the packages of scripts/setup.sh (xvfb, xauth, imagemagick, x11-utils, xdotool).
# Environment: BUILD_DIR (default build/, configured with the default preset when it is missing).
set -euo pipefail

size="${1:-1600x1000}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$repo/build}"
app="$build_dir/app/activation-explorer"

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    if [[ -n "${BUILD_DIR:-}" ]]; then
        cmake -S "$repo" -B "$build_dir" -G Ninja
    else
        (cd "$repo" && cmake --preset default)
    fi
fi
cmake --build "$build_dir" --target activation-explorer --parallel "$(nproc 2>/dev/null || echo 2)"

shots="$build_dir/screenshot"
status=0
bash "$repo/tests/smoke/window_smoke.sh" "$app" "$shots" "$size" || status=$?
if ((status == 77)); then
    echo "screenshot.sh: install the missing packages (scripts/setup.sh installs them)" >&2
    exit 1
elif ((status != 0)); then
    echo "screenshot.sh: the window did not pass its smoke check; docs/screenshot.png is unchanged" >&2
    exit 1
fi

mkdir -p "$repo/docs"
# No metadata (no date), so that the file changes only when the pixels do.
convert "$shots/window.png" -strip -define png:compression-level=9 \
    -define png:exclude-chunks=date,time "PNG:$repo/docs/screenshot.png.tmp"
mv "$repo/docs/screenshot.png.tmp" "$repo/docs/screenshot.png"
echo "screenshot.sh: wrote docs/screenshot.png ($(identify -format '%wx%h' "$repo/docs/screenshot.png"))"
