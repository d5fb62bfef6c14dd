#!/usr/bin/env python3
"""Times the explorer's default scene in matplotlib (Agg), the peer of bench_window.

The scene: step, sigmoid, tanh and relu; f and f' in two subplots side by side; 2000 points per
curve (numpy.linspace over the x range); bands where |f'| < eps = 0.01, hatched where f' = 0 and a
light wash where f' is merely small (axvspan over the sampled runs, so approximate to one sample);
the open and filled dots at the jumps; a grid; legends outside on the right; 16 x 9 in at 100 dpi
(1600 x 900 px). Jumps are drawn as breaks (a NaN at the jump), as the explorer draws them.

  bench_matplotlib.py [--quick] [--steps N] [--warmup N]
      A step moves x min by 0.1, swept between -10 and -2 from -6 (x max 6), as bench_window's
      slider steps do, and redraws with Line2D.set_data, new axvspans, set_xlim/set_ylim and
      fig.canvas.draw(). Prints median, p95, min, max and mean in ms, and last a line
      "RESULT matplotlib_step_ms <median> <p95> <min> <max>".
  bench_matplotlib.py --draw-once OUT.png
      Draws the scene at x in [-6, 6] once and saves it as a PNG: the script scripts/bench.sh
      times as a whole process against `activation-explorer --export`.

matplotlib comes from Debian's python3-matplotlib (apt-get install python3-matplotlib) and is used
only by this benchmark.
"""

import argparse
import math
import os
import platform
import statistics
import sys
import time

EPSILON = 0.01
POINTS = 2000
X_MAX = 6.0
DPI = 100
FIGSIZE = (16, 9)
# The scene's palette (SceneModel): Okabe-Ito blue, vermillion, bluish green, reddish purple.
COLORS = {"step": "#0072B2", "sigmoid": "#D55E00", "tanh": "#009E73", "relu": "#CC79A7"}
LINE_WIDTH = 2 * 72 / DPI  # 2 px, as the explorer's curves
ZERO_ALPHA = 100 / 255  # PlotChart's band alphas
SATURATED_ALPHA = 34 / 255


def evaluate(name, x, np):
    """f and f' of one function at x; a NaN at a jump so the line breaks there."""
    if name == "step":
        f = (x > 0).astype(float)
        d = np.zeros_like(x)
        jumps = [f]
    elif name == "sigmoid":
        f = 1.0 / (1.0 + np.exp(-x))
        d = f * (1.0 - f)
        jumps = []
    elif name == "tanh":
        f = np.tanh(x)
        d = 1.0 - f * f
        jumps = []
    else:  # relu
        f = np.maximum(x, 0.0)
        d = (x > 0).astype(float)
        jumps = [d]
    if x[0] <= 0 < x[-1]:
        i = int(np.argmax(x > 0))
        for y in jumps:
            y[i] = np.nan
    return f, d


def runs(mask, x, np):
    """The [from, to] x extents of the runs where mask is true, to the nearest sample."""
    if not mask.any():
        return []
    edges = np.flatnonzero(np.diff(mask.astype(np.int8)))
    starts = [0] if mask[0] else []
    ends = []
    for e in edges:
        if mask[e + 1]:
            starts.append(e + 1)
        else:
            ends.append(e)
    if mask[-1]:
        ends.append(len(mask) - 1)
    return [(x[a], x[b]) for a, b in zip(starts, ends)]


def padded(lo, hi):
    pad = 0.05 * (hi - lo)
    if pad <= 0:
        pad = max(0.5, 0.05 * abs(lo))
    return lo - pad, hi + pad


class Scene:
    """The figure, its lines and legends made once; update() redraws it for a new x min."""

    NAMES = ("step", "sigmoid", "tanh", "relu")

    def __init__(self, plt, np, x_min):
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        self.np = np
        self.fig, (self.ax_f, self.ax_d) = plt.subplots(1, 2, figsize=FIGSIZE, dpi=DPI)
        self.lines = {}
        for ax, ylabel in ((self.ax_f, "f(x)"), (self.ax_d, "f\u2032(x)")):
            ax.set_xlabel("x", style="italic")
            ax.set_ylabel(ylabel, style="italic")
            ax.grid(True, color="#dddddd", linewidth=0.72)
            ax.set_axisbelow(True)
        for name in self.NAMES:
            c = COLORS[name]
            (lf,) = self.ax_f.plot([], [], color=c, lw=LINE_WIDTH, label=name)
            (ld,) = self.ax_d.plot([], [], color=c, lw=LINE_WIDTH, label=name)
            self.lines[name] = (lf, ld)
        # The dots at the jumps: step's f at 0 (value 0 filled, limit 1 open), relu's f' at 0.
        blue, pink = COLORS["step"], COLORS["relu"]
        self.ax_f.plot([0], [0], "o", ms=6.5, color=blue, zorder=5)
        self.ax_f.plot([0], [1], "o", ms=6.5, mfc="white", mec=blue, mew=1.5, zorder=5)
        self.ax_d.plot([0], [0], "o", ms=6.5, color=pink, zorder=5)
        self.ax_d.plot([0], [1], "o", ms=6.5, mfc="white", mec=pink, mew=1.5, zorder=5)
        self.ax_d.plot([0], [0], "o", ms=6.5, mfc="white", mec=blue, mew=1.5, zorder=5)

        # Legends as the explorer's: the curves, then one swatch per band kind shown.
        handles = [Line2D([], [], color=COLORS[n], lw=LINE_WIDTH, label=n) for n in self.NAMES]
        handles += [
            Patch(facecolor="none", edgecolor=COLORS["step"], hatch="////",
                  label="step: zero f\u2032 = 0"),
            Patch(color=COLORS["sigmoid"], alpha=0.45, label="sigmoid: saturated |f\u2032| < \u03b5"),
            Patch(color=COLORS["tanh"], alpha=0.45, label="tanh: saturated |f\u2032| < \u03b5"),
            Patch(facecolor="none", edgecolor=COLORS["relu"], hatch="\\\\\\\\",
                  label="relu: zero f\u2032 = 0"),
        ]
        for ax in (self.ax_f, self.ax_d):
            ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5),
                      frameon=False, fontsize=9)
        self.fig.subplots_adjust(left=0.04, right=0.86, wspace=0.55, top=0.97, bottom=0.08)
        self.spans = []
        self.update(x_min, draw=False)

    def update(self, x_min, draw=True):
        np = self.np
        x = np.linspace(x_min, X_MAX, POINTS)
        f_lo = d_lo = math.inf
        f_hi = d_hi = -math.inf
        for span in self.spans:
            span.remove()
        self.spans = []
        for row, name in enumerate(self.NAMES):
            f, d = evaluate(name, x, np)
            lf, ld = self.lines[name]
            lf.set_data(x, f)
            ld.set_data(x, d)
            f_lo, f_hi = min(f_lo, np.nanmin(f)), max(f_hi, np.nanmax(f))
            d_lo, d_hi = min(d_lo, np.nanmin(d)), max(d_hi, np.nanmax(d))
            c = COLORS[name]
            zero = d == 0
            saturated = (np.abs(d) < EPSILON) & ~zero
            for ax in (self.ax_f, self.ax_d):
                for a, b in runs(zero, x, np):
                    self.spans.append(ax.axvspan(
                        a, b, facecolor="none", edgecolor=c, alpha=ZERO_ALPHA, lw=0,
                        hatch="////" if row % 2 == 0 else "\\\\\\\\", zorder=0))
                for a, b in runs(saturated, x, np):
                    self.spans.append(ax.axvspan(a, b, color=c, alpha=SATURATED_ALPHA, lw=0,
                                                 zorder=0))
        for ax, (lo, hi) in ((self.ax_f, padded(f_lo, f_hi)), (self.ax_d, padded(d_lo, d_hi))):
            ax.set_xlim(x_min, X_MAX)
            ax.set_ylim(lo, hi)
        if draw:
            self.fig.canvas.draw()


def import_matplotlib():
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    return matplotlib, plt, np


def draw_once(path):
    _, plt, np = import_matplotlib()
    scene = Scene(plt, np, -6.0)
    scene.fig.savefig(path, dpi=DPI)
    return 0


def drag_positions(start, lo, hi, count):
    """Slider ticks of a drag: +/-1 per step, back and forth between lo and hi (bench_window's)."""
    out, p, direction = [], start, -1
    for _ in range(count):
        if p + direction < lo or p + direction > hi:
            direction = -direction
        p += direction
        out.append(p)
    return out


def stats(values):
    v = sorted(values)
    p95 = v[math.ceil(0.95 * len(v)) - 1]
    return statistics.median(v), p95, v[0], v[-1], statistics.fmean(v)


def load_average():
    try:
        with open("/proc/loadavg", encoding="utf-8") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def bench_steps(steps, warmup):
    try:
        matplotlib, plt, np = import_matplotlib()
    except ImportError:
        print("matplotlib: not installed: apt-get install python3-matplotlib")
        print("RESULT matplotlib_step_ms nan nan nan nan")
        return 0
    print(f"matplotlib {matplotlib.__version__} (Agg), numpy {np.__version__}, "
          f"Python {platform.python_version()} ({sys.executable})")
    print(f"machine {cpu_model()}; load average {load_average()}")
    print(f"scene: step, sigmoid, tanh, relu; f and f' side by side, bands (eps {EPSILON}), "
          f"legends; {FIGSIZE[0]}x{FIGSIZE[1]} in at {DPI} dpi; {POINTS} points per curve")
    ticks = 10  # per unit of x, as the explorer's slider
    positions = drag_positions(-6 * ticks, -10 * ticks, -2 * ticks, warmup + steps)
    scene = Scene(plt, np, -6.0)
    scene.fig.canvas.draw()
    times = []
    for i, p in enumerate(positions):
        t0 = time.perf_counter_ns()
        scene.update(p / ticks)
        t1 = time.perf_counter_ns()
        if i >= warmup:
            times.append((t1 - t0) / 1e6)
    w, h = scene.fig.canvas.get_width_height()
    med, p95, lo, hi, mean = stats(times)
    print(f"step of x min (set_data, axvspans, limits, canvas.draw()), {w}x{h} px, "
          f"{steps} steps after {warmup} warm-up:")
    print(f"   ms    median {med:8.3f}   p95 {p95:8.3f}   min {lo:8.3f}   max {hi:8.3f}   "
          f"mean {mean:8.3f}")
    print(f"RESULT matplotlib_step_ms {med:.4f} {p95:.4f} {lo:.4f} {hi:.4f}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 steps, for a smoke run")
    parser.add_argument("--steps", type=int, default=None, help="timed steps (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps first (default 20)")
    parser.add_argument("--draw-once", metavar="OUT.png",
                        help="draw the scene once, save it as a PNG and exit")
    parser.add_argument("--size", metavar="WxH", default="1600x900",
                        help="the figure in pixels, e.g. the explorer's two charts together "
                             "(default 1600x900)")
    args = parser.parse_args()
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        if width < 64 or height < 64:
            raise ValueError
    except ValueError:
        parser.error(f"--size must be WIDTHxHEIGHT in pixels, each at least 64 (got {args.size!r})")
    global FIGSIZE
    FIGSIZE = (width / DPI, height / DPI)
    if args.draw_once:
        return draw_once(args.draw_once)
    steps = args.steps or (50 if args.quick else 200)
    if steps < 1 or args.warmup < 0:
        parser.error("--steps must be >= 1 and --warmup >= 0")
    return bench_steps(steps, args.warmup)


if __name__ == "__main__":
    sys.exit(main())
