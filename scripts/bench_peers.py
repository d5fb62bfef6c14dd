#!/usr/bin/env python3
"""Times f + f' over 1e6 float64 points in NumPy and in PyTorch autograd, on this machine.

The reference figures for bench_model's section 1 (scripts/bench.sh compares them):
  numpy:  s = 1/(1+np.exp(-x)); d = s*(1-s)                         (sigmoid, single-threaded)
  torch:  y = torch.sigmoid(x); y.backward(torch.ones_like(y))      (forward + backward;
          x = torch.linspace(-10, 10, 10**6, float64, requires_grad=True) made once, untimed)
  torch, every catalogue function at its default parameters (gelu: approximate 'none' and
          'tanh'), forward + backward the same way, one thread.
All report the median and the minimum in ms per 1e6 points (= ns per point). No BLAS is
involved, so OPENBLAS_CORETYPE and similar settings do not matter here.

  bench_peers.py [--quick] [--runs N]

The last lines are machine-readable: "RESULT <name> <median> <min>" in ms per 1e6 points
("nan nan" when not measured), and per catalogue function
"RESULT torch_fwd_bwd_1thread <function> <median> <min>" in ns per point, the function named as
bench_model's "RESULT batch_ns_per_point" lines name it (gelu_none, gelu_tanh).
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


def torch_catalogue(torch):
    """(name, call) for every catalogue function at bench_model's parameters: PyTorch's defaults,
    and ours where PyTorch has none (prelu's weight 0.25, threshold 0.1 and value 20). The call is
    None where autograd has no derivative."""
    F = torch.nn.functional
    weight = torch.tensor([0.25], dtype=torch.float64)  # a constant: only x's gradient is wanted
    return [
        ("identity", lambda x: x),  # nn.Identity: backward accumulates the incoming gradient
        ("step", None),  # torch.heaviside: "the derivative for 'heaviside' is not implemented"
        ("sigmoid", torch.sigmoid),
        ("tanh", torch.tanh),
        ("relu", F.relu),
        ("relu6", F.relu6),
        ("leaky_relu", F.leaky_relu),
        ("prelu", lambda x: F.prelu(x, weight)),
        ("rrelu", lambda x: F.rrelu(x, training=False)),
        ("elu", F.elu),
        ("celu", F.celu),
        ("selu", F.selu),
        ("gelu_none", F.gelu),
        ("gelu_tanh", lambda x: F.gelu(x, approximate="tanh")),
        ("silu", F.silu),
        ("mish", F.mish),
        ("softplus", F.softplus),
        ("softsign", F.softsign),
        ("hardtanh", F.hardtanh),
        ("hardsigmoid", F.hardsigmoid),
        ("hardswish", F.hardswish),
        ("logsigmoid", F.logsigmoid),
        ("tanhshrink", F.tanhshrink),
        ("softshrink", F.softshrink),
        ("hardshrink", F.hardshrink),
        ("threshold", lambda x: F.threshold(x, 0.1, 20.0)),
    ]


def bench_torch_catalogue(warmup, runs):
    """ns per point of forward + backward for each catalogue function, one thread: a dict."""
    try:
        import torch
    except ImportError:
        return {}
    x = torch.linspace(-10, 10, N, dtype=torch.float64, requires_grad=True)
    default_threads = torch.get_num_threads()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}: autograd fwd + bwd per catalogue function, 1 thread, "
          f"float64, x = linspace(-10, 10, 1e6)")
    results = {}
    for name, fn in torch_catalogue(torch):
        if fn is None:
            print(f"   {name:<14} no derivative in autograd: not measured")
            continue

        def work(fn=fn):
            x.grad = None
            y = fn(x)
            y.backward(torch.ones_like(y))
            return x.grad

        med, best = measure(work, warmup, runs)
        results[name] = (med, best)
        print(f"   {name:<14} median {med:8.3f} ms, min {best:8.3f} ms per 1e6 points")
    torch.set_num_threads(default_threads)
    return results


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
    # One thread first: after the runs with more threads, PyTorch's idle OpenMP threads keep
    # spinning for a while and slow down the next figures on a 2-core machine.
    per_function = bench_torch_catalogue(warmup, runs)
    torch1_ms, torch_default_ms = bench_torch(warmup, runs)

    def fmt(v):
        return "nan nan" if v is None else f"{v[0]:.4f} {v[1]:.4f}"

    print(f"RESULT numpy_sigmoid_ms {fmt(numpy_ms)}")
    print(f"RESULT torch_autograd_1thread_ms {fmt(torch1_ms)}")
    print(f"RESULT torch_autograd_default_ms {fmt(torch_default_ms)}")
    for name, value in per_function.items():
        print(f"RESULT torch_fwd_bwd_1thread {name} {fmt(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
