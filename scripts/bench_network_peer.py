#!/usr/bin/env python3
"""Times PyTorch on the network tests/bench/bench_network.cpp simulates: tanh, width 256, depth 50,
batch 64, float64, one thread (torch.set_num_threads(1)), W ~ N(0, 1.5/N), b ~ N(0, 0.05), x ~ N(0, 1).

Two timings. "weights made outside": the weights are made with torch.randn outside the timing and
without requires_grad; what is timed is the forward chain of matmul + bias + tanh (the input
requires grad, so the pre-activations do, so autograd records it) and autograd's backward from a
N(0, 1) delta^L made outside the timing, with each layer's squared gradient norm read the way the
simulation reports it. "torch.randn inside": the same with every W, b, x and delta^L made by
torch.randn inside the timing, as the C++ simulation draws its own (it regenerates them from
(seed, layer) by design): the like-for-like comparison with bench_network's first row.

PyTorch's float64 matmul goes to the BLAS it links (Debian's python3-torch: libblas.so.3, which
Debian's alternatives point at one BLAS); the script names the BLAS library files it has mapped
and, for OpenBLAS, its build and kernel, so a run on reference BLAS (which would flatter us) or on
a threaded OpenBLAS shows. The last lines are for scripts/bench.sh:
"RESULT <name> <median> <p95> <min>" in ms.

Run:  /usr/bin/python3 scripts/bench_network_peer.py   (Debian 12: python3-torch 1.13.1)
"""

import ctypes
import os
import statistics
import time

import torch

WIDTH, DEPTH, BATCH = 256, 50, 64
WEIGHT_VARIANCE, BIAS_VARIANCE = 1.5, 0.05
RUNS = 21


def blas_in_use():
    """The BLAS files this process has mapped (after a float64 matmul), resolved through links,
    and OpenBLAS's own word on its build, kernel and threads when it is one of them."""
    a = torch.randn(64, 64, dtype=torch.float64)
    (a @ a).sum()
    paths = set()
    with open('/proc/self/maps') as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and 'blas' in os.path.basename(fields[5]).lower():
                paths.add(fields[5])
    lines = [f'{p} -> {os.path.realpath(p)}' if os.path.realpath(p) != p else p for p in sorted(paths)]
    openblas = ''
    for p in sorted(paths):
        if 'openblas' in os.path.realpath(p):
            try:
                lib = ctypes.CDLL(p)
                lib.openblas_get_config.restype = ctypes.c_char_p
                lib.openblas_get_corename.restype = ctypes.c_char_p
                openblas = (f'OpenBLAS: {lib.openblas_get_config().decode()}, kernel '
                            f'{lib.openblas_get_corename().decode()}, {lib.openblas_get_num_threads()} thread(s), '
                            f'{"serial build" if "openblas-serial" in os.path.realpath(p) else "NOT the serial build"}')
                break
            except (OSError, AttributeError):
                pass
    return lines, openblas or 'OpenBLAS: not in use (a reference BLAS would flatter the C++ side)'


def percentile95(times):
    times = sorted(times)
    return times[min(len(times) - 1, int(-(-0.95 * len(times) // 1)) - 1)]


def main():
    torch.set_num_threads(1)
    torch.manual_seed(1)
    dtype = torch.float64
    w_scale, b_scale = (WEIGHT_VARIANCE / WIDTH) ** 0.5, BIAS_VARIANCE ** 0.5

    def make():
        # Column vectors as in the C++ simulation: h = W a + b with a of shape (N, B).
        weights = [torch.randn(WIDTH, WIDTH, dtype=dtype) * w_scale for _ in range(DEPTH)]
        biases = [torch.randn(WIDTH, 1, dtype=dtype) * b_scale for _ in range(DEPTH)]
        x = torch.randn(WIDTH, BATCH, dtype=dtype, requires_grad=True)
        delta = torch.randn(WIDTH, BATCH, dtype=dtype)
        return weights, biases, x, delta

    def forward_backward(weights, biases, x, delta):
        hs = []
        a = x
        for w, b in zip(weights, biases):
            h = w @ a + b
            h.retain_grad()
            hs.append(h)
            a = torch.tanh(h)
        hs[-1].backward(delta)
        ratios = [float((h.grad ** 2).sum()) for h in hs]
        variances = [float((h.detach() ** 2).mean()) for h in hs]
        return ratios, variances

    made = make()
    outside, inside = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        ratios, variances = forward_backward(*made)
        outside.append((time.perf_counter() - start) * 1e3)
        start = time.perf_counter()
        forward_backward(*make())
        inside.append((time.perf_counter() - start) * 1e3)

    blas_files, openblas = blas_in_use()
    print(f'PyTorch {torch.__version__}, {torch.get_num_threads()} thread: width {WIDTH}, depth {DEPTH}, '
          f'batch {BATCH}, float64, {RUNS} runs')
    print(f'   BLAS mapped: {"; ".join(blas_files) or "none found"}')
    print(f'   {openblas}')
    for name, times in (('forward + backward (weights made outside)', outside),
                        ('forward + backward (torch.randn inside)', inside)):
        print(f'   {name:42s} median {statistics.median(times):8.3f} ms  p95 {percentile95(times):8.3f} ms  '
              f'min {min(times):8.3f} ms')
    print(f'   (r^1 {ratios[0] / ratios[-1]:.4g}, q^1 {variances[0]:.4g})')
    for key, times in (('torch_network_ms', outside), ('torch_network_randn_ms', inside)):
        print(f'RESULT {key} {statistics.median(times):.4f} {percentile95(times):.4f} {min(times):.4f}')


if __name__ == '__main__':
    main()
