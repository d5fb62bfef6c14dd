#!/usr/bin/env bash
# Smoke test of the real window: launches the app on the xcb platform under Xvfb, screenshots the
# screen, quits with Ctrl+Q and checks that the default scene's curves (step, sigmoid, tanh, relu)
# are drawn in their palette colours.
#
#   window_smoke.sh APP OUTDIR [WIDTHxHEIGHT]
#
# APP is the built activation-explorer; OUTDIR receives root.png (the whole Xvfb screen),
# window.png (the window alone), app.log and xvfb.log for inspection. WIDTHxHEIGHT sizes the window
# (default: the window's own default size). Exit 0: pass; 1: fail; 77: skipped, because xvfb-run or
# ImageMagick is missing (CTest's SKIP_RETURN_CODE). scripts/setup.sh installs both.
#
# Environment: AE_SMOKE_TIMEOUT (seconds to wait for the window, then for its curves; default 20).
set -euo pipefail

readonly skip_code=77
readonly screen='1600x1000x24'
# The first four colours of the scene palette (model/scene/scenemodel.cpp), one per default function.
readonly names=(step sigmoid tanh relu)
readonly colours=('#0072B2' '#D55E00' '#009E73' '#CC79A7')
# A curve must leave at least this many thin-line pixels of its colour in the window. At the
# default size each of them leaves 600 to 1,300; the colour swatches of the function list, the
# saturation panel and the legend are solid or tiny, and are not counted (see curve_pixels).
readonly min_curve_pixels=250

say() { printf 'window_smoke: %s\n' "$*"; }
die() { printf 'window_smoke: FAIL: %s\n' "$*" >&2; exit 1; }

# Pixels of colour $2 in image $1 that belong to thin lines: all pixels within 8% of the colour,
# minus those that survive a 5×5 morphological opening (filled squares, dots, wide swatches).
curve_pixels() {
    local image="$1" colour="$2" all solid
    all="$(convert "$image" -alpha off -fuzz 8% -fill black +opaque "$colour" \
        -fill white -opaque "$colour" -format '%[fx:round(mean*w*h)]' info:)"
    solid="$(convert "$image" -alpha off -fuzz 8% -fill black +opaque "$colour" \
        -fill white -opaque "$colour" -morphology Open Square:2 \
        -format '%[fx:round(mean*w*h)]' info:)"
    echo $((all - solid))
}

# Checks window.png; prints one line per curve and returns 1 when something is missing.
check_image() {
    local image="$1" ok=0 i n stats
    stats="$(convert "$image" -format '%k %[fx:standard_deviation]' info:)"
    read -r ncolours stddev <<<"$stats"
    if ((ncolours < 50)) || awk -v s="$stddev" 'BEGIN { exit !(s < 0.05) }'; then
        say "the window looks blank: $ncolours colours, standard deviation $stddev"
        ok=1
    fi
    for i in "${!names[@]}"; do
        n="$(curve_pixels "$image" "${colours[$i]}")"
        if ((n >= min_curve_pixels)); then
            say "  ${names[$i]} (${colours[$i]}): $n curve pixels"
        else
            say "  ${names[$i]} (${colours[$i]}): $n curve pixels, fewer than $min_curve_pixels"
            ok=1
        fi
    done
    return "$ok"
}

# The id of the app's visible top-level window, or nothing.
find_window() {
    local id
    if command -v xwininfo >/dev/null; then
        # Qt's main window carries the WM_CLASS ("activation-explorer" "activation-explorer").
        for id in $(xwininfo -root -tree 2>/dev/null | awk '/\("activation-explorer" "activation-explorer"\)/ { print $1 }'); do
            if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
                echo "$id"
                return
            fi
        done
    elif command -v xdotool >/dev/null; then
        xdotool search --onlyvisible --classname '^activation-explorer$' 2>/dev/null | head -n 1 || true
    fi
    return 0
}

# Runs inside the Xvfb session.
inside_xvfb() {
    local app="$1" out="$2" size="$3" timeout="${AE_SMOKE_TIMEOUT:-20}"
    # The real platform, never the offscreen one that the other tests set.
    unset QT_QPA_PLATFORM WAYLAND_DISPLAY
    export QT_QPA_PLATFORM=xcb
    export XDG_RUNTIME_DIR="$out/runtime"
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    # Settings of our own, so the result never depends on the user's: a returning user, whose
    # start page does not cover the window.
    export XDG_CONFIG_HOME="$out/config"
    mkdir -p "$XDG_CONFIG_HOME/ActivationExplorer"
    printf '[General]\nstartPageShown=true\n' > "$XDG_CONFIG_HOME/ActivationExplorer/activation-explorer.conf"

    local args=()
    [[ -n "$size" ]] && args+=(-qwindowgeometry "$size+0+0")
    say "launching $app${args[*]:+ ${args[*]}} on $DISPLAY (screen $screen)"
    "$app" "${args[@]}" >"$out/app.log" 2>&1 &
    local pid=$!
    # Never leave the app behind, whatever happens below.
    trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT

    local deadline=$((SECONDS + timeout)) window=""
    if command -v xwininfo >/dev/null || command -v xdotool >/dev/null; then
        until [[ -n "$window" ]]; do
            kill -0 "$pid" 2>/dev/null || { cat "$out/app.log" >&2; die "the app exited before its window was mapped"; }
            ((SECONDS < deadline)) || { cat "$out/app.log" >&2; die "no window mapped after ${timeout} s"; }
            sleep 0.25
            window="$(find_window)"
        done
        say "window $window mapped after $((SECONDS + timeout - deadline)) s"
    else
        say "neither xwininfo (x11-utils) nor xdotool is installed: waiting 5 s instead of polling"
        sleep 5
        kill -0 "$pid" 2>/dev/null || { cat "$out/app.log" >&2; die "the app exited early"; }
    fi

    # Mapped is not painted yet: screenshot until the curves are there, or the time is up.
    local geometry="" passed=1 report
    deadline=$((SECONDS + timeout))
    while :; do
        sleep 0.5
        import -window root "$out/root.png" || die "import could not capture the screen $DISPLAY"
        if [[ -n "$window" ]] && command -v xwininfo >/dev/null; then
            geometry="$(xwininfo -id "$window" | awk '
                /Absolute upper-left X/ { x = $NF } /Absolute upper-left Y/ { y = $NF }
                /Width:/ { w = $NF } /Height:/ { h = $NF }
                END { printf "%dx%d+%d+%d", w, h, x, y }')"
        elif [[ -n "$window" ]]; then
            geometry="$(xdotool getwindowgeometry --shell "$window" | awk -F= '
                { v[$1] = $2 } END { printf "%dx%d+%d+%d", v["WIDTH"], v["HEIGHT"], v["X"], v["Y"] }')"
        fi
        if [[ -n "$geometry" ]]; then
            convert "$out/root.png" -crop "$geometry" +repage "$out/window.png"
        else
            cp "$out/root.png" "$out/window.png"
        fi
        if report="$(check_image "$out/window.png")"; then
            passed=0
            break
        fi
        ((SECONDS < deadline)) || break
    done
    say "screenshot: $out/root.png; window ${geometry:-(whole screen)}: $out/window.png"
    printf '%s\n' "$report"

    # Quit as a user would, and expect a clean exit.
    local quit_status=0
    if command -v xdotool >/dev/null && [[ -n "$window" ]]; then
        timeout 10 xdotool windowfocus --sync "$((window))" || true
        timeout 10 xdotool key --clearmodifiers ctrl+q || true
        local waited=0
        while kill -0 "$pid" 2>/dev/null && ((waited < 40)); do
            sleep 0.25
            waited=$((waited + 1))
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "Ctrl+Q did not quit the app within 10 s; killing it"
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
            quit_status=1
        else
            wait "$pid" || quit_status=$?
            say "after Ctrl+Q the app exited with status $quit_status"
        fi
    else
        say "xdotool is not installed: ending the app with SIGTERM instead of Ctrl+Q"
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    trap - EXIT

    if ((passed != 0)); then
        cat "$out/app.log" >&2
        die "the curves of the default scene are not all in the window (see $out/window.png)"
    fi
    if ((quit_status != 0)); then
        cat "$out/app.log" >&2
        die "the app did not quit cleanly"
    fi
    say "PASS"
}

if [[ "${1:-}" == --inside-xvfb ]]; then
    shift
    inside_xvfb "$@"
    exit 0
fi

(($# >= 2 && $# <= 3)) || { sed -n '6s/^# \{0,1\}//p' "$0" >&2; exit 2; }
app="$1"
out="$2"
size="${3:-}"
[[ -x "$app" ]] || die "$app is not an executable"
[[ -z "$size" || "$size" =~ ^[0-9]+x[0-9]+$ ]] || die "size must be WIDTHxHEIGHT, not $size"

missing=()
command -v xvfb-run >/dev/null || missing+=("xvfb-run (Debian package xvfb, with xauth)")
command -v xauth >/dev/null || missing+=("xauth (Debian package xauth)")
{ command -v import >/dev/null && command -v convert >/dev/null; } \
    || missing+=("import and convert (Debian package imagemagick)")
if ((${#missing[@]} > 0)); then
    say "SKIPPED: missing ${missing[*]}."
    say "Install with: sudo apt-get install xvfb xauth imagemagick x11-utils xdotool (scripts/setup.sh test does it)."
    exit "$skip_code"
fi

mkdir -p "$out"
out="$(cd "$out" && pwd)"
app="$(cd "$(dirname "$app")" && pwd)/$(basename "$app")"
rm -f "$out/root.png" "$out/window.png" "$out/app.log"
exec xvfb-run -a -e "$out/xvfb.log" -s "-screen 0 $screen" bash "${BASH_SOURCE[0]}" --inside-xvfb "$app" "$out" "$size"
