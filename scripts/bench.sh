#!/usr/bin/env bash
# Builds bench_model in Release, runs it, times NumPy and PyTorch on the same machine, and
# compares the sigmoid f + f' figures with the goals.
#
#   scripts/bench.sh [--quick]
#
# Goals: our batch sigmoid no slower than 1.5x NumPy's vectorised sigmoid, and faster than
# PyTorch autograd's forward + backward (one thread; the default-threads figure is shown too).
# Figures only: a missed goal is reported, not turned into a failing exit status.
# Environment: BUILD_DIR (default build-bench), PYTHON (default /usr/bin/python3, Debian's,
# which sees python3-numpy and python3-torch even when another python3 comes first in PATH).
set -euo pipefail

usage() {
    sed -n '2,11s/^# \{0,1\}//p' "$0"
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

step "Building bench_model (Release) in $build_dir"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target bench_model

# Other work on the machine skews every figure (and wrecks multi-threaded ones): say so.
# /proc/loadavg's fourth field counts the tasks running right now, this shell's `read` included.
read -r _ _ _ running _ < /proc/loadavg || running=1/0
if (( ${running%/*} > 1 )); then
    printf 'bench.sh: warning: %s other tasks running; figures will be noisy\n' \
        "$(( ${running%/*} - 1 ))" >&2
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT

step "bench_model ${quick[*]:-}"
"$build_dir/tests/bench/bench_model" "${quick[@]}" | tee "$out"

step "Peers: $PYTHON scripts/bench_peers.py ${quick[*]:-}"
"$PYTHON" scripts/bench_peers.py "${quick[@]}" | tee -a "$out"

# RESULT <name> <median> <min>: ns per point equals ms per 1e6 points, so all share one unit.
result() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3, $4 }' "$out"; }

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
