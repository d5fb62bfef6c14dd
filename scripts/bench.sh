#!/usr/bin/env bash
# Builds the benchmarks and the app in Release, runs them, times the peers on the same machine,
# and compares the figures with the goals.
#
#   scripts/bench.sh [--quick]
#
# Model (bench_model): our batch sigmoid no slower than 1.5x NumPy's vectorised sigmoid, and
# faster than PyTorch autograd's forward + backward (one thread; default threads shown too);
# every catalogue function's batch f + f' at least as fast as PyTorch autograd's forward +
# backward of the same function, one thread, float64 (bench_peers.py times them all).
# Window (bench_window): slider step to painted frame in a 1920x1080 window, p95 <= 8 ms and
# >= 10x faster than matplotlib's set_data + canvas.draw() of the same scene at the size of our
# two charts (scripts/bench_matplotlib.py --size); 25 functions with f'' on, p95 <= 16 ms.
# Export: `activation-explorer --export x.png --size 1600x900` as a whole process <= 0.25 s,
# next to a matplotlib script drawing and saving the same figure (hyperfine when installed).
# Network (bench_network): a simulation's forward + backward at width 256, depth 50, batch 64,
# float64, one thread, no slower than PyTorch 1.13 on one thread doing the same
# (scripts/bench_network_peer.py): with the weights drawn inside the timing on both sides, and
# with PyTorch's made outside against ours less the time to draw them (an estimate).
# Figures only: a missed goal is reported, not turned into a failing exit status.
# Environment: BUILD_DIR (default build-bench), PYTHON (default /usr/bin/python3, Debian's,
# which sees python3-numpy, python3-torch and python3-matplotlib even when another python3
# comes first in PATH).
set -euo pipefail

usage() {
    sed -n '2,20s/^# \{0,1\}//p' "$0"
}

quick=()
case "${1:-}" in
    "") ;;
    --quick) quick=(--quick) ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="${BUILD_DIR:-$repo/build-bench}"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x /usr/bin/python3 ]]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi

step() { printf '==> %s\n' "$*"; }

step "Building bench_model, bench_window, bench_network and activation-explorer (Release) in $build_dir"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target bench_model bench_window bench_network activation-explorer

# Other work on the machine skews every figure (and wrecks multi-threaded ones): say so.
# /proc/loadavg's fourth field counts the tasks running right now, this shell's `read` included.
read -r _ _ _ running _ < /proc/loadavg || running=1/0
if (( ${running%/*} > 1 )); then
    printf 'bench.sh: warning: %s other tasks running; figures will be noisy\n' \
        "$(( ${running%/*} - 1 ))" >&2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="$tmp/figures"

step "bench_model ${quick[*]:-}"
"$build_dir/tests/bench/bench_model" "${quick[@]}" | tee "$out"

step "Peers: $PYTHON scripts/bench_peers.py ${quick[*]:-}"
"$PYTHON" scripts/bench_peers.py "${quick[@]}" | tee -a "$out"

step "bench_network"
"$build_dir/tests/bench/bench_network" | tee -a "$out" ||
    printf 'bench.sh: bench_network failed (exit %s)\n' "$?" | tee -a "$out"

step "Peer: $PYTHON scripts/bench_network_peer.py"
"$PYTHON" scripts/bench_network_peer.py | tee -a "$out" ||
    printf 'bench.sh: bench_network_peer.py failed (exit %s)\n' "$?" | tee -a "$out"

step "bench_window ${quick[*]:-}"
# The window renders offscreen (bench_window picks offscreen itself when QT_QPA_PLATFORM is unset).
# A crash here (the window is under active development) must not cost the rest of the figures.
"$build_dir/tests/bench/bench_window" "${quick[@]}" | tee -a "$out" ||
    printf 'bench.sh: bench_window failed (exit %s)\n' "$?" | tee -a "$out"

# matplotlib draws the same scene at the size of our two charts in that window.
charts_px="$(awk '$1 == "RESULT" && $2 == "window_charts_px" { print $3 "x" $4 }' "$out")"
step "Peer: $PYTHON scripts/bench_matplotlib.py ${quick[*]:-} --size ${charts_px:-1600x900}"
"$PYTHON" scripts/bench_matplotlib.py "${quick[@]}" --size "${charts_px:-1600x900}" | tee -a "$out" ||
    printf 'bench.sh: bench_matplotlib.py failed (exit %s)\n' "$?" | tee -a "$out"

# Whole-process timing: hyperfine when installed, else a loop over date +%s%N. Both print
# "RESULT <name> <median> <min> <mean>" in seconds into $out.
if [[ ${#quick[@]} -gt 0 ]]; then runs=3 warmups=1; else runs=10 warmups=2; fi
time_process() {
    local name="$1"
    shift
    if command -v hyperfine >/dev/null; then
        local cmd
        cmd="$(printf '%q ' "$@")"
        if ! hyperfine -N --style basic --warmup "$warmups" --runs "$runs" \
            --export-json "$tmp/$name.json" -n "$name" "$cmd"; then
            echo "$name: the command failed: $*"
            return 0
        fi
        "$PYTHON" -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("RESULT %s %.4f %.4f %.4f" % (sys.argv[2], r["median"], r["min"], r["mean"]))' \
            "$tmp/$name.json" "$name" | tee -a "$out"
    else
        local i t0 t1 times=()
        for ((i = 0; i < warmups; i++)); do "$@" >/dev/null 2>&1 || true; done
        for ((i = 0; i < runs; i++)); do
            t0=$(date +%s%N)
            if ! "$@" >/dev/null 2>&1; then
                echo "$name: the command failed: $*"
                return 0
            fi
            t1=$(date +%s%N)
            times+=("$(( (t1 - t0) / 1000 ))")
        done
        printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
            { t[NR] = $1 / 1e6; sum += t[NR] }
            END {
                med = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
                printf "%s: %d runs (no hyperfine: apt-get install hyperfine)\n", name, NR
                printf "RESULT %s %.4f %.4f %.4f\n", name, med, t[1], sum / NR
            }' | tee -a "$out"
    fi
}

step "Whole process: PNG export of the default scene at 1600x900, $runs runs after $warmups warm-up"
# No display: the app would pick offscreen itself; set it so a DISPLAY in the environment does not
# turn this into an X11 measurement.
QT_QPA_PLATFORM=offscreen time_process export_ours \
    "$build_dir/app/activation-explorer" --export "$tmp/ours.png" --size 1600x900
MPLBACKEND=Agg time_process export_matplotlib \
    "$PYTHON" scripts/bench_matplotlib.py --draw-once "$tmp/matplotlib.png"

step "Whole process: exports of N sigmoids (CSV, and PNG at 1600x900), $runs runs after $warmups warm-up"
# Cost must grow with the scene, not faster: 250 functions at most about 10x what 25 cost.
for n in 25 250; do
    ids="$(printf 'sigmoid%.0s,' $(seq "$n"))"
    for format in csv png; do
        QT_QPA_PLATFORM=offscreen time_process "export_${n}_$format" \
            "$build_dir/app/activation-explorer" --functions "${ids%,}" --export "$tmp/n$n.$format"
    done
done

# RESULT <name> <median> <min>: ns per point equals ms per 1e6 points, so all share one unit.
result() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3, $4 }' "$out"; }
# RESULT <name> <fields...>: all of them.
results() { awk -v k="$1" '$1 == "RESULT" && $2 == k { $1 = ""; $2 = ""; print substr($0, 3) }' "$out"; }

step "Comparison: sigmoid f + f' over 1e6 float64 points (ms per 1e6 points)"
{
    echo "ours $(result sigmoid_batch_ns_per_point)"
    echo "numpy $(result numpy_sigmoid_ms)"
    echo "torch1 $(result torch_autograd_1thread_ms)"
    echo "torchdef $(result torch_autograd_default_ms)"
} | awk '
function missing(k) { return !(k in med) || med[k] == "" || med[k] == "nan" }
function line(name, k, goal, ok) {
    printf "  %-30s %8.3f %8.3f   %6.2fx %6.2fx   %-15s %s\n", name, med[k], lo[k],
        med["ours"] / med[k], lo["ours"] / lo[k], goal, ok ? "MET" : "MISSED"
}
{ med[$1] = $2; lo[$1] = $3 }
END {
    if (missing("ours")) { print "  bench_model printed no sigmoid figure"; exit }
    printf "  %-30s %8s %8s   %7s %7s   %s\n", "", "median", "min", "ratio", "ratio",
        "goal, judged on medians (ratio = ours/peer)"
    printf "  %-30s %8.3f %8.3f\n", "ours: evaluateBatch, 1 thread", med["ours"], lo["ours"]
    if (missing("numpy")) print "  numpy: not measured (apt-get install python3-numpy)"
    else line("numpy vectorised", "numpy", "<= 1.5x numpy", med["ours"] <= 1.5 * med["numpy"])
    if (missing("torch1")) print "  torch: not measured (apt-get install python3-torch)"
    else {
        line("torch autograd, 1 thread", "torch1", "< torch", med["ours"] < med["torch1"])
        line("torch autograd, default thr.", "torchdef", "< torch (info)",
            med["ours"] < med["torchdef"])
    }
}'

step "Comparison: f + f' per catalogue function vs PyTorch autograd fwd + bwd, 1 thread, float64 (ns per point)"
awk '
$1 == "RESULT" && $2 == "batch_ns_per_point" { order[++n] = $3; ours[$3] = $4; oursMin[$3] = $5 }
$1 == "RESULT" && $2 == "torch_fwd_bwd_1thread" { torch[$3] = $4; torchMin[$3] = $5 }
END {
    if (n == 0) { print "  bench_model printed no per-function figures"; exit }
    printf "  %-14s %9s %9s   %9s %9s   %7s   %s\n", "function", "ours med", "ours min",
        "torch med", "torch min", "ratio", "goal: ours <= torch, judged on medians (ratio = ours/torch)"
    met = 0; missed = ""; peers = 0
    for (i = 1; i <= n; i++) {
        k = order[i]
        if (!(k in torch) || torch[k] == "nan") {
            printf "  %-14s %9.3f %9.3f   %9s %9s   %7s   %s\n", k, ours[k], oursMin[k], "-", "-",
                "", "no PyTorch figure"
            continue
        }
        peers++
        ok = ours[k] <= torch[k]
        if (ok) met++; else missed = missed " " k
        printf "  %-14s %9.3f %9.3f   %9.3f %9.3f   %6.2fx   %s\n", k, ours[k], oursMin[k],
            torch[k], torchMin[k], ours[k] / torch[k], ok ? "MET" : "MISSED"
    }
    if (peers == 0) { print "  torch: not measured (apt-get install python3-torch)"; exit }
    printf "  %d of %d functions at least as fast as PyTorch%s\n", met, peers,
        missed == "" ? "" : "; missed:" missed
}' "$out"

step "Comparison: network simulation vs PyTorch, width 256, depth 50, batch 64, float64, 1 thread (ms)"
{
    echo "ours $(results network_simulation_ms)"
    echo "draw $(results network_drawing_ms)"
    echo "torch $(results torch_network_ms)"
    echo "torchrandn $(results torch_network_randn_ms)"
} | awk '
function missing(k) { return !(k in med) || med[k] == "" || med[k] == "nan" }
{ med[$1] = $2; p95[$1] = $3; lo[$1] = $4 }
END {
    if (missing("ours")) { print "  bench_network printed no simulation figure"; exit }
    if (missing("torch")) { print "  torch: not measured (apt-get install python3-torch)"; exit }
    printf "  %-52s %8s %8s %8s   %7s   %s\n", "", "median", "p95", "min", "ratio",
        "goal: simulation <= PyTorch, on medians (ratio = ours/torch)"
    printf "  %-52s %8.3f %8.3f %8.3f\n", "ours: forward + backward, weights drawn inside",
        med["ours"], p95["ours"], lo["ours"]
    printf "  %-52s %8.3f %8.3f %8.3f   %6.2fx   %s\n", "torch: the same, torch.randn inside",
        med["torchrandn"], p95["torchrandn"], lo["torchrandn"], med["ours"] / med["torchrandn"],
        med["ours"] <= med["torchrandn"] ? "MET" : "MISSED"
    if (missing("draw")) exit
    est = med["ours"] - med["draw"]
    printf "  %-52s %8.3f %8s %8s\n", "ours: weights already drawn (less drawing, estimate)",
        est, "-", "-"
    printf "  %-52s %8.3f %8.3f %8.3f   %6.2fx   %s\n", "torch: weights made outside the timing",
        med["torch"], p95["torch"], lo["torch"], est / med["torch"],
        est <= med["torch"] ? "MET" : "MISSED"
}'

step "Comparison: slider step to painted frame vs matplotlib set_data + canvas.draw() (ms)"
{
    echo "ours $(results window_frame_ms)"
    echo "mpl $(results matplotlib_step_ms)"
} | awk '
function missing(k) { return !(k in med) || med[k] == "" || med[k] == "nan" }
{ med[$1] = $2; p95[$1] = $3; lo[$1] = $4; hi[$1] = $5 }
END {
    if (missing("ours")) { print "  bench_window printed no frame figure"; exit }
    printf "  %-38s %8s %8s %8s %8s\n", "", "median", "p95", "min", "max"
    printf "  %-38s %8.3f %8.3f %8.3f %8.3f\n", "ours: step to painted frame, 1920x1080",
        med["ours"], p95["ours"], lo["ours"], hi["ours"]
    printf "  %-38s %-35s %s\n", "goal: p95 <= 8 ms", "", (p95["ours"] <= 8 ? "MET" : "MISSED")
    if (missing("mpl")) { print "  matplotlib: not measured (apt-get install python3-matplotlib)"; exit }
    printf "  %-38s %8.3f %8.3f %8.3f %8.3f\n", "matplotlib: step, Agg, same px",
        med["mpl"], p95["mpl"], lo["mpl"], hi["mpl"]
    printf "  %-38s %7.2fx %7.2fx\n", "matplotlib / ours", med["mpl"] / med["ours"],
        p95["mpl"] / p95["ours"]
    printf "  %-38s %-35s %s\n", "goal: >= 10x faster, on p95", "",
        (p95["mpl"] >= 10 * p95["ours"] ? "MET" : "MISSED")
}'

step "Comparison: PNG export of the default scene as a whole process (s)"
{
    echo "ours $(results export_ours)"
    echo "mpl $(results export_matplotlib)"
} | awk '
function missing(k) { return !(k in med) || med[k] == "" || med[k] == "nan" }
{ med[$1] = $2; lo[$1] = $3; mean[$1] = $4 }
END {
    if (missing("ours")) { print "  the export was not timed"; exit }
    printf "  %-46s %8s %8s %8s\n", "", "median", "min", "mean"
    printf "  %-46s %8.3f %8.3f %8.3f\n", "ours: activation-explorer --export (CLI)",
        med["ours"], lo["ours"], mean["ours"]
    if (!missing("mpl")) {
        printf "  %-46s %8.3f %8.3f %8.3f\n", "matplotlib: draw and savefig, python3 script",
            med["mpl"], lo["mpl"], mean["mpl"]
        printf "  %-46s %7.2fx %7.2fx %7.2fx\n", "matplotlib / ours", med["mpl"] / med["ours"],
            lo["mpl"] / lo["ours"], mean["mpl"] / mean["ours"]
    }
    printf "  %-46s %-26s %s\n", "goal: ours <= 0.25 s, on the median", "",
        (med["ours"] <= 0.25 ? "MET" : "MISSED")
}'

step "Comparison: whole-process exports of N sigmoids (s, medians)"
{
    for key in export_25_csv export_250_csv export_25_png export_250_png; do
        echo "$key $(result "$key")"
    done
} | awk '
{ med[$1] = $2 }
END {
    if (med["export_25_csv"] == "" || med["export_250_png"] == "") { print "  exports not measured"; exit }
    printf "  %-6s %10s %10s %8s   %s\n", "", "N = 25", "N = 250", "ratio", "goals: 250 <= 10x 25; CSV <= 1 s, PNG <= 2 s"
    split("csv png", formats, " ")
    for (i = 1; i <= 2; i++) {
        f = formats[i]
        a = med["export_25_" f]; b = med["export_250_" f]
        limit = f == "csv" ? 1 : 2
        printf "  %-6s %10.3f %10.3f %7.2fx   %s\n", f, a, b, b / a,
            (b <= 10 * a && b <= limit) ? "MET" : "MISSED"
    }
}'
