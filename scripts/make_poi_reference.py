#!/usr/bin/env python3
"""Writes tests/data/mpmath-points.csv: an independent high-precision reference for the points of
interest (model/math/pointsofinterest.h) of several activations on the open range (-6, 6).

Columns: function,params,x_min,x_max,kind,x,y,grad
  - `params` as in tests/data/mpmath-activations.csv (`name=value;...`, PyTorch's names).
  - `kind`: zero (f changes sign), minimum / maximum (f' changes sign, - to + / + to -),
    inflection (f'' changes sign), gradient_peak (an inflection where |f'| has a local maximum:
    sign(f')*f'' goes from + to -). Kinks themselves are not listed (their f' is PyTorch's
    convention, checked by tst_activationaccuracy and tst_pointsofinterest's closed forms).
  - a sign change across a kink where f is continuous counts at the kink (elu's zero at 0; an
    inflection there also needs f' continuous: softsign at 0); `grad` is then `nan`, as f' at a kink
    is PyTorch's convention and not checked against this table.
  - x, y = f(x), grad = f'(x) are repr() of the float64 nearest the exact value (17 significant
    digits or fewer, reading back exactly).

How: f, f', f'' are the closed forms of scripts/make_mpmath_reference.py (imported), plus
hardswish's polynomial pieces. Each function is sampled at 2401 points of (-6, 6) at 40 digits;
every strict sign change of f, f' or f'' between neighbours is bisected at 80 digits until the
bracket is below 1e-70 and checked again at 160 digits (the two roots must agree to 1e-60).

Run:  /usr/bin/python3 scripts/make_poi_reference.py   (Debian 12: python3-mpmath; a few seconds)
"""

import math
import os
import sys

from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_mpmath_reference as ref  # noqa: E402

X_MIN, X_MAX = -6.0, 6.0
SAMPLES = 2401


def hardswish(x, p):
    if x <= -3:
        return mpf(0), mpf(0), mpf(0)
    if x >= 3:
        return x, mpf(1), mpf(0)
    return x * (x + 3) / 6, (2 * x + 3) / 6, mpf(1) / 3


# (id, function, params as written, params for the math, kinks inside the range)
CONFIGS = [
    ('sigmoid', ref.sigmoid, '', {}, []),
    ('tanh', ref.tanh_, '', {}, []),
    ('gelu', ref.gelu, 'approximate=none', {'approximate': 'none'}, []),
    ('gelu', ref.gelu, 'approximate=tanh', {'approximate': 'tanh'}, []),
    ('silu', ref.silu, '', {}, []),
    ('mish', ref.mish, '', {}, []),
    ('softplus', ref.softplus, 'beta=1.0;threshold=20.0', {'beta': 1.0, 'threshold': 20.0}, []),
    ('softsign', ref.softsign, '', {}, [0.0]),
    ('logsigmoid', ref.logsigmoid, '', {}, []),
    ('tanhshrink', ref.tanhshrink, '', {}, []),
    ('elu', ref.elu, 'alpha=1.0', {'alpha': 1.0}, [0.0]),
    ('elu', ref.elu, 'alpha=0.5', {'alpha': 0.5}, [0.0]),
    ('celu', ref.celu, 'alpha=2.0', {'alpha': 2.0}, [0.0]),
    ('selu', ref.selu, '', {}, [0.0]),
    ('hardswish', hardswish, '', {}, [-3.0, 3.0]),
]

KIND_ORDER = ['zero', 'minimum', 'maximum', 'inflection', 'gradient_peak']


def values(fn, params, x, dps):
    with mp.workdps(dps):
        return fn(mpf(x), ref.mp_params(params))


def bisect(fn, params, order, lo, hi, dps, width):
    """The root of the order-th derivative in [lo, hi] (a strict sign change) at dps digits."""
    with mp.workdps(dps):
        lo, hi = mpf(lo), mpf(hi)
        p = ref.mp_params(params)
        slo = mp.sign(fn(lo, p)[order])
        while hi - lo > width:
            mid = (lo + hi) / 2
            s = mp.sign(fn(mid, p)[order])
            if s == 0:
                return mid
            if s == slo:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2


def sign(v):
    return 0 if v == 0 else (1 if v > 0 else -1)


def slope_of_abs_gradient(d):
    return sign(d[1]) * sign(d[2])


def to_double(v):
    return float(mp.nstr(v, 40)) if not mp.isnan(v) else math.nan


def points_of(fid, fn, params, kinks):
    out = []
    edges = [X_MIN] + kinks + [X_MAX]
    xs = [X_MIN + (X_MAX - X_MIN) * i / (SAMPLES - 1) for i in range(SAMPLES)]
    for left, right in zip(edges, edges[1:]):
        # The piece's own formula up to its ends (1e-30 inside a kink).
        lo = left + 1e-30 if left in kinks else left
        hi = right - 1e-30 if right in kinks else right
        piece = [lo] + [x for x in xs if lo < x < hi] + [hi]
        samples = [values(fn, params, x, 40) for x in piece]
        for order in range(3):
            for (u, du), (v, dv) in zip(zip(piece, samples), zip(piece[1:], samples[1:])):
                if sign(du[order]) * sign(dv[order]) >= 0:
                    continue
                root = bisect(fn, params, order, u, v, 80, mpf(10) ** -70)
                check = bisect(fn, params, order, u, v, 160, mpf(10) ** -140)
                if abs(root - check) > mpf(10) ** -60:
                    raise SystemExit(f'{fid} {params}: root of order {order} unstable')
                d = values(fn, params, check, 160)
                y, g = to_double(d[0]), to_double(d[1])
                if order == 0:
                    out.append(('zero', check, y, g))
                elif order == 1:
                    out.append(('minimum' if sign(du[1]) < 0 else 'maximum', check, y, g))
                else:
                    out.append(('inflection', check, y, g))
                    if slope_of_abs_gradient(du) > 0 and slope_of_abs_gradient(dv) < 0:
                        out.append(('gradient_peak', check, y, g))
        # Exactly-zero samples between opposite signs (the grid hits 0 for odd functions).
        for order in range(3):
            for i in range(1, len(piece) - 1):
                a, m, b = samples[i - 1][order], samples[i][order], samples[i + 1][order]
                if m == 0 and sign(a) * sign(b) < 0:
                    d = samples[i]
                    x = mpf(piece[i])
                    kind = ['zero', 'minimum' if sign(a) < 0 else 'maximum', 'inflection'][order]
                    out.append((kind, x, to_double(d[0]), to_double(d[1])))
                    if order == 2 and slope_of_abs_gradient(samples[i - 1]) > 0 \
                            and slope_of_abs_gradient(samples[i + 1]) < 0 and d[1] != 0:
                        out.append(('gradient_peak', x, to_double(d[0]), to_double(d[1])))
    for k in kinks:
        l = values(fn, params, mpf(k) - mpf(10) ** -30, 60)
        r = values(fn, params, mpf(k) + mpf(10) ** -30, 60)
        f_cont = abs(l[0] - r[0]) < mpf(10) ** -20
        d1_cont = abs(l[1] - r[1]) < mpf(10) ** -20
        y = to_double(values(fn, params, k, 60)[0])
        if f_cont and sign(l[0]) * sign(r[0]) < 0:
            out.append(('zero', mpf(k), y, math.nan))
        if f_cont and sign(l[1]) * sign(r[1]) < 0:
            out.append(('minimum' if sign(l[1]) < 0 else 'maximum', mpf(k), y, math.nan))
        if f_cont and d1_cont and sign(l[2]) * sign(r[2]) < 0:
            out.append(('inflection', mpf(k), y, math.nan))
            if slope_of_abs_gradient(l) > 0 and slope_of_abs_gradient(r) < 0:
                out.append(('gradient_peak', mpf(k), y, math.nan))
    out.sort(key=lambda t: (t[1], KIND_ORDER.index(t[0])))
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = os.path.join(root, 'tests', 'data', 'mpmath-points.csv')
    rows = []
    for fid, fn, ptext, params, kinks in CONFIGS:
        for kind, x, y, g in points_of(fid, fn, params, kinks):
            rows.append([fid, ptext, repr(X_MIN), repr(X_MAX), kind, repr(to_double(x)), repr(y),
                         repr(g)])
    ref.write_table(out_path, ['function', 'params', 'x_min', 'x_max', 'kind', 'x', 'y', 'grad'],
                    rows)
    print(f'{len(rows)} rows -> {out_path}', file=sys.stderr)


if __name__ == '__main__':
    main()
