#!/usr/bin/env python3
"""Times PyTorch on the network tests/bench/bench_network.cpp simulates: tanh, width 256, depth 50,
batch 64, float64, one thread (torch.set_num_threads(1)), W ~ N(0, 1.5/N), b ~ N(0, 0.05), x ~ N(0, 1).

The weights are made with torch.randn outside the timing and without requires_grad; what is timed
is the forward chain of matmul + bias + tanh (the input requires grad, so the pre-activations do,
so autograd records it) and autograd's backward from a N(0, 1) delta^L made outside the timing,
with each layer's squared gradient norm read the way the simulation reports it. The C++ benchmark
also draws its weights inside the timing (its simulation regenerates them by design), so this
comparison favours PyTorch by that much.

Run:  /usr/bin/python3 scripts/bench_network_peer.py   (Debian 12: python3-torch 1.13.1)
"""

import statistics
import time

import torch

WIDTH, DEPTH, BATCH = 256, 50, 64
WEIGHT_VARIANCE, BIAS_VARIANCE = 1.5, 0.05
RUNS = 11


def main():
    torch.set_num_threads(1)
    torch.manual_seed(1)
    dtype = torch.float64
    # Column vectors as in the C++ simulation: h = W a + b with a of shape (N, B).
    weights = [torch.randn(WIDTH, WIDTH, dtype=dtype) * (WEIGHT_VARIANCE / WIDTH) ** 0.5
               for _ in range(DEPTH)]
    biases = [torch.randn(WIDTH, 1, dtype=dtype) * BIAS_VARIANCE ** 0.5 for _ in range(DEPTH)]
    x = torch.randn(WIDTH, BATCH, dtype=dtype, requires_grad=True)
    delta = torch.randn(WIDTH, BATCH, dtype=dtype)

    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
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
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    p95 = times[min(len(times) - 1, int(-(-0.95 * len(times) // 1)) - 1)]
    print(f'PyTorch {torch.__version__}, 1 thread: width {WIDTH}, depth {DEPTH}, batch {BATCH}, float64')
    print(f'   forward + backward  median {statistics.median(times):8.3f} ms  p95 {p95:8.3f} ms  '
          f'min {times[0]:8.3f} ms   (r^1 {ratios[0] / ratios[-1]:.4g}, q^1 {variances[0]:.4g})')


if __name__ == '__main__':
    main()
