#!/usr/bin/env bash
# Makes docs/layout/*.png: the window on each screen tests/window/tst_windowlayout.cpp checks (1024×768,
# 1280×720, 1920×1080, 3840×2160 at scale 2), normal and in presentation mode, f″ off and on, as
# the test sees them (offscreen screens of those sizes, a first launch with empty settings).
#
#   scripts/layout_screenshots.sh
#
# Environment: BUILD_DIR (default build/, configured with the default preset when it is missing).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$repo/build}"
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    (cd "$repo" && cmake --preset default)
fi
cmake --build "$build_dir" --target tst_windowlayout --parallel "$(nproc 2>/dev/null || echo 2)"

shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
for screen in 1024x768 1280x720 1920x1080 3840x2160; do
    scale=1
    [[ "$screen" == 3840x2160 ]] && scale=2
    QT_SCALE_FACTOR="$scale" AE_LAYOUT_SHOTS="$shots" \
        QT_QPA_PLATFORM="offscreen:configfile=$build_dir/tests/window/screen-$screen.json" \
        "$build_dir/tests/window/tst_windowlayout" chartsTakeTheRoom >/dev/null ||
        echo "layout_screenshots.sh: the layout test failed on $screen (pictures kept anyway)" >&2
done

mkdir -p "$repo/docs/layout"
for png in "$shots"/*.png; do
    # No metadata (no date), so that a file changes only when its pixels do.
    convert "$png" -strip -define png:compression-level=9 -define png:exclude-chunks=date,time \
        "PNG:$repo/docs/layout/$(basename "$png")"
done
ls "$repo/docs/layout"
