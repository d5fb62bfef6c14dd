#!/usr/bin/env bash
# Makes pictures of the formula panel to look at, one per function, from the real window: opens
# the app on one function at a time on the xcb platform under Xvfb, floats its Formula dock (a
# double-click on the dock's title bar), makes it 720×640 and keeps its pixels as DIR/<id>.png.
# The functions: sigmoid, relu, leaky_relu, gelu, softplus, hardswish and 2·sigmoid(2x) − 1
# (2sigmoid2x-1.png, the chain rule's explanation), then any ids given after DIR.
#
#   scripts/formula_screenshots.sh DIR [ID...]
#
# Needs the packages of scripts/setup.sh (xvfb, xauth, imagemagick, x11-utils, xdotool).
# Environment: BUILD_DIR (default build/, which must hold a built app).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="${BUILD_DIR:-$repo/build}/app/activation-explorer"
[[ -x "$app" ]] || { echo "formula_screenshots.sh: build the app first ($app)" >&2; exit 1; }
if (($# < 1)); then
    echo "usage: scripts/formula_screenshots.sh DIR [ID...]" >&2
    exit 2
fi

if [[ -z "${AE_INSIDE_XVFB:-}" ]]; then
    mkdir -p "$1"
    out="$(cd "$1" && pwd)"
    shift
    # -noreset: the server stays up between one app and the next (a reset as the last client
    # left once refused the next one its connection).
    AE_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" "$0" "$out" "$@"
fi
out="$1"
shift

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=xcb
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/ActivationExplorer"
chmod 700 "$XDG_RUNTIME_DIR"
# A returning user: no start page over the window.
printf '[General]\nstartPageShown=true\n' >"$XDG_CONFIG_HOME/ActivationExplorer/activation-explorer.conf"

# The command line has no affine map: 2·sigmoid(2x) − 1 comes from a session file.
cat >"$work/2sigmoid2x-1.json" <<'EOF'
{
    "format": "activation-explorer-session",
    "version": 1,
    "x_min": -6,
    "x_max": 6,
    "epsilon": 0.01,
    "sample_count": 1001,
    "functions": [
        { "id": "sigmoid", "map": { "input_scale": 2, "output_scale": 2, "output_shift": -1 } }
    ]
}
EOF

# The Formula dock's title bar in the window's first-launch layout on this 1600×1000 screen (the
# layout of docs/screenshot.png), in the window's coordinates.
title_x=1300 title_y=787

# The id of the application's top-level window whose whole title matches the extended regular
# expression $1, once it is mapped.
find_window() {
    local window=""
    for _ in $(seq 80); do
        window="$(xwininfo -root -tree | grep -E "\"$1\": \(\"activation-explorer\"" |
            awk '{ print $1 }' | head -n 1 || true)"
        [[ -n "$window" ]] && break
        sleep 0.25
    done
    echo "$window"
}

# shoot NAME ARGUMENTS...: opens the app with ARGUMENTS (one function, selected) and writes
# $out/NAME.png.
shoot() {
    local name="$1"
    shift
    "$app" "$@" >"$work/$name.log" 2>&1 &
    local pid=$!
    local window dock geometry
    # "Activation Explorer", or "2sigmoid2x-1.json — Activation Explorer" with a session.
    window="$(find_window "([^\"]+ — )?Activation Explorer")"
    [[ -n "$window" ]] || { cat "$work/$name.log" >&2; echo "no window for $name" >&2; exit 1; }
    sleep 2 # laid out and painted
    xdotool mousemove --window "$window" "$title_x" "$title_y" click --repeat 2 --delay 100 1
    # A floating dock's title is its own and the application's.
    dock="$(find_window "Formula — Activation Explorer")"
    if [[ -z "$dock" ]]; then
        echo "formula_screenshots.sh: the Formula dock did not float; is its title bar still at" \
            "$title_x,$title_y of the window?" >&2
        exit 1
    fi
    xdotool windowmove "$dock" 0 0 windowsize "$dock" 720 640
    for _ in $(seq 40); do
        xwininfo -id "$dock" | grep -q "Width: 720" && xwininfo -id "$dock" | grep -q "Height: 640" &&
            break
        sleep 0.25
    done
    sleep 1 # painted at its new size
    geometry="$(xwininfo -id "$dock" | awk '
        /Absolute upper-left X/ { x = $NF } /Absolute upper-left Y/ { y = $NF }
        /Width:/ { w = $NF } /Height:/ { h = $NF }
        END { printf "%dx%d+%d+%d", w, h, x, y }')"
    import -window root "$work/root.png"
    convert "$work/root.png" -crop "$geometry" +repage -strip -define png:exclude-chunks=date,time \
        "PNG:$out/$name.png"
    echo "formula_screenshots.sh: wrote $out/$name.png ($geometry)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

for id in sigmoid relu leaky_relu gelu softplus hardswish; do
    shoot "$id" --functions "$id"
done
shoot 2sigmoid2x-1 --open "$work/2sigmoid2x-1.json"
for id in "$@"; do
    shoot "$id" --functions "$id"
done
