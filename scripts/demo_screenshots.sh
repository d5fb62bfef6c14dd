#!/usr/bin/env bash
# Makes the README's pictures of the demonstrations from the real windows: opens each one with
# --demo on the xcb platform under Xvfb, waits until it is mapped and painted, and keeps its pixels
# (docs/demo-layers.png, docs/demo-descent.png after ten steps, docs/demo-softmax.png,
# docs/demo-network.png: tanh, once its simulations and phase diagram are drawn).
#
#   scripts/demo_screenshots.sh
#
# Needs the packages of scripts/setup.sh (xvfb, xauth, imagemagick, x11-utils, xdotool).
# Environment: BUILD_DIR (default build/, which must hold a built app).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="${BUILD_DIR:-$repo/build}/app/activation-explorer"
[[ -x "$app" ]] || { echo "demo_screenshots.sh: build the app first ($app)" >&2; exit 1; }

if [[ -z "${AE_INSIDE_XVFB:-}" ]]; then
    AE_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=xcb
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/ActivationExplorer"
chmod 700 "$XDG_RUNTIME_DIR"
# A returning user: no start page over the window.
printf '[General]\nstartPageShown=true\n' >"$XDG_CONFIG_HOME/ActivationExplorer/activation-explorer.conf"

for demo in "layers:Through the Layers" "descent:Gradient Descent" "softmax:Softmax and its Jacobian" \
        "network:Deep Network at Initialization"; do
    name="${demo%%:*}" title="${demo#*:}"
    extra=()
    # The network demonstration shows the selected function: tanh, whose phase diagram has a
    # critical line, not just relu's one point.
    [[ "$name" == network ]] && extra=(--functions tanh)
    "$app" "${extra[@]}" --demo "$name" >"$work/$name.log" 2>&1 &
    pid=$!
    window=""
    for _ in $(seq 80); do
        window="$(xwininfo -root -tree | grep -F "\"$title — " | awk '{ print $1 }' | head -n 1 || true)"
        [[ -n "$window" ]] && break
        sleep 0.25
    done
    [[ -n "$window" ]] || { cat "$work/$name.log" >&2; echo "no '$title' window" >&2; exit 1; }
    sleep 2
    geometry="$(xwininfo -id "$window" | awk '
        /Absolute upper-left X/ { x = $NF } /Absolute upper-left Y/ { y = $NF }
        /Width:/ { w = $NF } /Height:/ { h = $NF }
        END { printf "%dx%d+%d+%d", w, h, x, y }')"
    if [[ "$name" == descent ]]; then
        # Ten steps of descent from the saturated start: the trajectory on the loss curve.
        for _ in $(seq 10); do
            xdotool mousemove --window "$window" 222 513 click 1
            sleep 0.15
        done
        sleep 1
    fi
    # Its four simulations start once the controls rest and take a few seconds on a busy machine.
    [[ "$name" == network ]] && sleep 8
    import -window root "$work/root.png"
    convert "$work/root.png" -crop "$geometry" +repage -strip -define png:exclude-chunks=date,time \
        "PNG:$repo/docs/demo-$name.png"
    echo "demo_screenshots.sh: wrote docs/demo-$name.png ($geometry)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
done
