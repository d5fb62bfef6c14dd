#!/usr/bin/env python3
"""Times sigmoid f + f' over 1e6 float64 points in NumPy and in PyTorch autograd, on this machine.

The reference figures for bench_model's sigmoid row (scripts/bench.sh compares them):
  numpy:  s = 1/(1+np.exp(-x)); d = s*(1-s)                         (single-threaded)
  torch:  y = torch.sigmoid(x); y.backward(torch.ones_like(y))      (forward + backward;
          x = torch.linspace(-10, 10, 10**6, float64, requires_grad=True) made once, untimed)
Both report the median and the minimum in ms per 1e6 points. No BLAS is involved, so
OPENBLAS_CORETYPE and similar settings do not matter here.

  bench_peers.py [--quick] [--runs N]

The last lines are machine-readable: "RESULT <name> <median> <min>" in ms per 1e6 points
("nan nan" when not measured).
"""

import argparse
import os
import platform
import statistics
import sys
import time

N = 10**6
INSTALL_HINT = "not installed: apt-get install python3-numpy python3-torch"


def measure(work, warmup, runs):
    """Median and min in ms of `runs` timed calls after `warmup` untimed ones."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        work()
        times.append((time.perf_counter_ns() - t0) / 1e6)
    return statistics.median(times), min(times)


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average():
    try:
        with open("/proc/loadavg", encoding="utf-8") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def usable_cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count()


def bench_numpy(warmup, runs):
    try:
        import numpy as np
    except ImportError:
        print(f"numpy:  {INSTALL_HINT}")
        return None
    x = np.linspace(-10.0, 10.0, N, dtype=np.float64)

    def work():
        s = 1.0 / (1.0 + np.exp(-x))
        d = s * (1.0 - s)
        return s, d

    med, best = measure(work, warmup, runs)
    result = (med, best)
    print(f"numpy {np.__version__}: sigmoid f + f'            "
          f"median {med:8.3f} ms, min {best:8.3f} ms per 1e6 points")
    return result


def bench_torch(warmup, runs):
    try:
        import torch
    except ImportError:
        print(f"torch:  {INSTALL_HINT}")
        return None, None

    # x is made once, as NumPy's is; each run clears the gradient so backward does not accumulate.
    x = torch.linspace(-10, 10, N, dtype=torch.float64, requires_grad=True)

    def work():
        x.grad = None
        y = torch.sigmoid(x)
        y.backward(torch.ones_like(y))
        return x.grad

    default_threads = torch.get_num_threads()
    configs = [("default", default_threads), ("1", 1)]
    # PyTorch picks its default from the physical cores it detects, which can be fewer than nproc.
    if usable_cpus() not in (default_threads, 1):
        configs.append(("nproc", usable_cpus()))
    results = {}
    for label, threads in configs:
        torch.set_num_threads(threads)
        med, best = measure(work, warmup, runs)
        results[label] = (med, best)
        print(f"torch {torch.__version__}: autograd fwd + bwd, "
              f"{threads} thread{'s' if threads != 1 else ' '} ({label:>7}) "
              f"median {med:8.3f} ms, min {best:8.3f} ms per 1e6 points")

    # As written in the brief that set the goal, with linspace inside the timed block: for context.
    def work_with_linspace():
        xs = torch.linspace(-10, 10, N, dtype=torch.float64, requires_grad=True)
        y = torch.sigmoid(xs)
        y.backward(torch.ones_like(y))
        return xs.grad

    torch.set_num_threads(1)
    med, best = measure(work_with_linspace, warmup, runs)
    print(f"torch {torch.__version__}: linspace + fwd + bwd, 1 thread            "
          f"median {med:8.3f} ms, min {best:8.3f} ms per 1e6 points (context only)")
    torch.set_num_threads(default_threads)
    return results["1"], results["default"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke run")
    parser.add_argument("--runs", type=int, default=None, help="timed runs (default 51)")
    args = parser.parse_args()
    runs = args.runs or (7 if args.quick else 51)
    # glibc raises its mmap threshold only after the first large frees; until then every 8 MB
    # temporary costs fresh page faults, so warm up well past that.
    warmup = 10 if args.quick else 20

    print(f"peers on {cpu_model()}, nproc {usable_cpus()}, Python {platform.python_version()} "
          f"({sys.executable})")
    print(f"load average {load_average()}; median of {runs} runs after {warmup} warm-up")
    numpy_ms = bench_numpy(warmup, runs)
    torch1_ms, torch_default_ms = bench_torch(warmup, runs)

    def fmt(v):
        return "nan nan" if v is None else f"{v[0]:.4f} {v[1]:.4f}"

    print(f"RESULT numpy_sigmoid_ms {fmt(numpy_ms)}")
    print(f"RESULT torch_autograd_1thread_ms {fmt(torch1_ms)}")
    print(f"RESULT torch_autograd_default_ms {fmt(torch_default_ms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
