#!/usr/bin/env python3
"""Writes tests/data/mpmath-activations.csv: an independent high-precision reference for the smooth
activations, made with mpmath from each function's mathematical definition (not from PyTorch).

Columns: function,params,x,f,d1,d2
  - `params` has the format of tests/data/torch-activations.csv: `name=value;name=value` with
    PyTorch's argument names, empty for a function without parameters.
  - every value is repr() of the float64 nearest to the high-precision value (Python's float() of a
    60-digit decimal string, which rounds correctly); `0.0` means the true value is below half the
    smallest subnormal, and `inf` would mean it is above the largest double (no row has one).
    Values whose magnitude is below 2.2250738585072014e-308 (not normal doubles) cannot be checked
    relatively: the test checks std::isnormal on the reference and falls back to an absolute check.
  - `nan` marks a derivative that does not exist or is only a convention: softsign's f'' at 0, and
    softplus's f'' at its switch point beta*x == threshold (f and f' there are the log1p branch's,
    as in PyTorch).

How the values are made:
  - every x is a float64; it enters mpmath exactly as mpf(float).
  - f, f', f'' are closed forms derived by hand, written so that nothing cancels catastrophically
    (e.g. sigma(-x) rather than 1 - sigma(x), sech^2 rather than 1 - tanh^2).  The script checks them
    (a) against the naive definition and mpmath.diff at moderate x, at 120 digits, and
    (b) at every row, by evaluating again at twice the working precision and requiring agreement
    to far more digits than a double holds.
  - tanhshrink's x - tanh(x) cancels near 0; its working precision grows with -log10|x|.
  - softplus follows PyTorch's definition: x (f' = 1, f'' = 0) where beta*x > threshold strictly
    (beta*x is exact in float64 for the betas used here), else log1p(exp(beta*x))/beta.
  - gelu 'none' is 0.5*x*erfc(-x/sqrt(2)); gelu 'tanh' uses 0.044715 as the exact decimal.
  - selu's alpha and scale are the 32-digit decimals of PyTorch's documentation.
  - elu, celu, selu are sampled on their smooth pieces only (x != 0).

Points: 0, +-{1e-300, 1e-100, 1e-20, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5, 1, 2, 3, 5, 10, 18, 20, 25,
30, 33, 37, 40, 50, 100, 300, 700, 745, 1000, 1e5, 1e10, 1e100, 1e300}, 40 pseudo-random points in
[-50, 50] (fixed seed), extra points in 0.02..0.7 for tanhshrink (where an implementation switches
to a series) and the neighbours of softplus's switch point threshold/beta.
Points within 0.02 of a root of f' (gelu near -0.75179 ('none') / -0.75246 ('tanh'), silu near
-1.27846, mish near -1.19243) are never chosen: there f' is tiny and ill-conditioned, so a relative
check would measure the conditioning rather than the implementation.

Run:  /usr/bin/python3 scripts/make_mpmath_reference.py   (Debian 12: python3-mpmath 1.2.1; any
      working directory; takes a few seconds)
"""

import csv
import math
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

BASE_DPS = 60

SELU_ALPHA = '1.6732632423543772848170429916717'
SELU_SCALE = '1.0507009873554804934193349852946'
GELU_C = '0.044715'

# Roots of f' to keep away from (x values; |x - root| < ROOT_GAP is excluded for every function).
DERIVATIVE_ROOTS = [-0.75179, -0.75246, -1.27846, -1.19243]
ROOT_GAP = 0.02


# ---------------------------------------------------------------------------------------------
# Building blocks, exact in relative terms for any mpf x (mpmath has an unbounded exponent).

def sig(x):
    """sigma(x) = 1/(1 + e^-x); never cancels."""
    return 1 / (1 + mp.exp(-x))


def erfc_big(z):
    """erfc(z) that also works for |z| far beyond what mpmath's erfc accepts (it overflows a float
    inside for |z| around 1e150).  Asymptotic series for |z| >= 1e6: 6 terms leave < 1e-70."""
    if abs(z) < 1e6:
        return mp.erfc(z)
    if z < 0:
        return 2 - erfc_big(-z)
    s, term = mpf(1), mpf(1)
    for n in range(1, 7):
        term *= -(2 * n - 1) / (2 * z * z)
        s += term
    return mp.exp(-z * z) / (z * mp.sqrt(mp.pi)) * s


def softplus1(x):
    """log(1 + e^x) without cancellation: for x < 0 log1p of a small number."""
    return mp.log1p(mp.exp(x))


# ---------------------------------------------------------------------------------------------
# The functions: each returns (f, f', f'') as mpf; p is a dict of parameter values (mpf).

def sigmoid(x, p):
    s, t = sig(x), sig(-x)
    return s, s * t, -s * t * mp.tanh(x / 2)          # s'' = s t (t - s) = -s t tanh(x/2)


def tanh_(x, p):
    t, sech2 = mp.tanh(x), mp.sech(x) ** 2
    return t, sech2, -2 * t * sech2


def gelu(x, p):
    if p['approximate'] == 'none':
        Phi = erfc_big(-x / mp.sqrt(2)) / 2
        phi = mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)
        return x * Phi, Phi + x * phi, phi * (2 - x * x)
    # 0.5 x (1 + tanh u) = x sigma(2u);  u = k (x + c x^3)
    k, c = mp.sqrt(2 / mp.pi), mpf(GELU_C)
    u = k * (x + c * x ** 3)
    du = k * (1 + 3 * c * x * x)
    ddu = 6 * k * c * x
    s, t = sig(2 * u), sig(-2 * u)
    st = s * t
    f = x * s
    d1 = s + 2 * x * du * st
    d2 = 2 * st * (2 * du + x * ddu - 2 * x * du * du * mp.tanh(u))
    return f, d1, d2


def silu(x, p):
    s, t = sig(x), sig(-x)
    return x * s, s * (1 + x * t), s * t * (2 - x * mp.tanh(x / 2))


def mish(x, p):
    sp = softplus1(x)
    th, sech2 = mp.tanh(sp), mp.sech(sp) ** 2
    s, t = sig(x), sig(-x)
    f = x * th
    d1 = th + x * sech2 * s
    d2 = sech2 * s * (2 + x * (t - 2 * th * s))
    return f, d1, d2


def softplus(x, p):
    beta, threshold = p['beta'], p['threshold']
    bx = beta * x
    if bx > threshold:
        return x, mpf(1), mpf(0)
    s, t = sig(bx), sig(-bx)
    # At beta*x == threshold f jumps (by e^-threshold/beta): the switch is a kink of the catalogue,
    # and f'' there is only a convention (PyTorch's double backward gives 0): not checked.
    d2 = mp.nan if bx == threshold else beta * s * t
    return softplus1(bx) / beta, s, d2


def softsign(x, p):
    a = 1 + abs(x)
    d2 = mp.nan if x == 0 else -2 * mp.sign(x) / a ** 3
    return x / a, 1 / a ** 2, d2


def logsigmoid(x, p):
    s, t = sig(x), sig(-x)
    # log sigma(x) = -log1p(e^-x); for x < 0 that is x - log1p(e^x)
    f = -mp.log1p(mp.exp(-x)) if x >= 0 else x - mp.log1p(mp.exp(x))
    return f, t, -s * t


def tanhshrink(x, p):
    t, sech2 = mp.tanh(x), mp.sech(x) ** 2
    return x - t, t * t, 2 * t * sech2                 # 1 - sech^2 = tanh^2


def elu(x, p):
    a = p['alpha']
    if x > 0:
        return x, mpf(1), mpf(0)
    return a * mp.expm1(x), a * mp.exp(x), a * mp.exp(x)


def celu(x, p):
    a = p['alpha']
    if x > 0:
        return x, mpf(1), mpf(0)
    e = mp.exp(x / a)
    return a * mp.expm1(x / a), e, e / a


def selu(x, p):
    a, sc = mpf(SELU_ALPHA), mpf(SELU_SCALE)
    if x > 0:
        return sc * x, sc, mpf(0)
    return sc * a * mp.expm1(x), sc * a * mp.exp(x), sc * a * mp.exp(x)


# Naive definitions, only for the self-check at moderate x (evaluated at high precision).
NAIVE = {
    'sigmoid': lambda x, p: 1 / (1 + mp.exp(-x)),
    'tanh': lambda x, p: mp.tanh(x),
    'gelu': lambda x, p: (x * (1 + mp.erf(x / mp.sqrt(2))) / 2 if p['approximate'] == 'none' else
                          x * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (x + mpf(GELU_C) * x ** 3))) / 2),
    'silu': lambda x, p: x / (1 + mp.exp(-x)),
    'mish': lambda x, p: x * mp.tanh(mp.log(1 + mp.exp(x))),
    'softplus': lambda x, p: mp.log(1 + mp.exp(p['beta'] * x)) / p['beta'],
    'softsign': lambda x, p: x / (1 + abs(x)),
    'logsigmoid': lambda x, p: mp.log(1 / (1 + mp.exp(-x))),
    'tanhshrink': lambda x, p: x - mp.tanh(x),
    'elu': lambda x, p: x if x > 0 else p['alpha'] * (mp.exp(x) - 1),
    'celu': lambda x, p: max(0, x) + min(0, p['alpha'] * (mp.exp(x / p['alpha']) - 1)),
    'selu': lambda x, p: mpf(SELU_SCALE) * (x if x > 0 else mpf(SELU_ALPHA) * (mp.exp(x) - 1)),
}

# (id, function, params as written in the CSV, params for the math, x filter)
CONFIGS = [
    ('sigmoid', sigmoid, '', {}),
    ('tanh', tanh_, '', {}),
    ('gelu', gelu, 'approximate=none', {'approximate': 'none'}),
    ('gelu', gelu, 'approximate=tanh', {'approximate': 'tanh'}),
    ('silu', silu, '', {}),
    ('mish', mish, '', {}),
    ('softplus', softplus, 'beta=1.0;threshold=20.0', {'beta': 1.0, 'threshold': 20.0}),
    ('softplus', softplus, 'beta=2.0;threshold=10.0', {'beta': 2.0, 'threshold': 10.0}),
    ('softsign', softsign, '', {}),
    ('logsigmoid', logsigmoid, '', {}),
    ('tanhshrink', tanhshrink, '', {}),
    ('elu', elu, 'alpha=1.0', {'alpha': 1.0}),
    ('elu', elu, 'alpha=0.5', {'alpha': 0.5}),
    ('celu', celu, 'alpha=1.0', {'alpha': 1.0}),
    ('celu', celu, 'alpha=2.0', {'alpha': 2.0}),
    ('selu', selu, '', {}),
]
PIECEWISE = {'elu', 'celu', 'selu'}  # sampled on x != 0 only


def mp_params(p):
    return {k: (v if isinstance(v, str) else mpf(v)) for k, v in p.items()}


# ---------------------------------------------------------------------------------------------
# Points

def base_points():
    mags = [1e-300, 1e-100, 1e-20, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 18.0,
            20.0, 25.0, 30.0, 33.0, 37.0, 40.0, 50.0, 100.0, 300.0, 700.0, 745.0, 1000.0, 1e5, 1e10,
            1e100, 1e300]
    pts = [0.0] + mags + [-m for m in mags]
    rng = random.Random(20240611)
    rnd = []
    while len(rnd) < 40:
        x = rng.uniform(-50.0, 50.0)
        if all(abs(x - r) >= ROOT_GAP for r in DERIVATIVE_ROOTS):
            rnd.append(x)
    return pts + rnd


def extra_points(fid, params):
    if fid == 'tanhshrink':
        m = [0.02, 0.05, 0.0625, 0.07, 0.1 + 1e-9, 0.125, 0.15, 0.2, 0.25, 0.3 + 1e-9, 0.35, 0.4,
             0.45, 0.55, 0.6, 0.7]
        return m + [-v for v in m]
    if fid == 'softplus':
        s = params['threshold'] / params['beta']        # exact for the settings used
        return [math.nextafter(s, -math.inf), s, math.nextafter(s, math.inf),
                -s, s - 0.5, s + 0.5]
    return []


# ---------------------------------------------------------------------------------------------

def to_double(v):
    """The float64 nearest to v (correct rounding through a 60-digit decimal), or nan."""
    if mp.isnan(v):
        return math.nan
    return float(mp.nstr(v, 60))


def evaluate(fn, x, params, dps):
    with mp.workdps(dps):
        return fn(mpf(x), mp_params(params))


def working_dps(fid, x):
    if x == 0:
        return BASE_DPS
    e = math.log10(abs(x))
    if fid == 'tanhshrink' and e < 0:
        # x - tanh x ~ x^3/3 cancels about 2*log10(1/|x|) digits (3x: a margin).
        return BASE_DPS + int(-3 * e) + 10
    # For large |x| an exponent like x^2/2 or x^3 must be exact to the units for e^-(...) to have
    # its leading digits right (only matters for values that round to 0 anyway).
    return BASE_DPS + max(0, int(3 * e) + 10)


TINY = mpf('1e-400')


def checked_row(fid, fn, params, x):
    """(f, d1, d2) as doubles, after checking the value at twice the precision agrees."""
    dps = working_dps(fid, x)
    lo = evaluate(fn, x, params, dps)
    hi = evaluate(fn, x, params, 2 * dps)
    out = []
    for a, b in zip(lo, hi):
        with mp.workdps(2 * dps):
            if mp.isnan(a) or mp.isnan(b):
                if not (mp.isnan(a) and mp.isnan(b)):
                    raise SystemExit(f'{fid} {params} x={x!r}: nan at one precision only')
                out.append(math.nan)
                continue
            if abs(a) < TINY and abs(b) < TINY and mp.sign(a) == mp.sign(b):
                # Far below the subnormals: both round to the same signed zero, and mpmath's
                # mantissa of e^-(1e600) is not worth checking.
                out.append(to_double(b))
                continue
            if b != 0 and abs(a - b) > abs(b) * mpf(10) ** (-(BASE_DPS - 15)):
                raise SystemExit(f'{fid} {params} x={x!r}: {a} vs {b} at {dps}/{2 * dps} digits')
            if b == 0 and a != 0:
                raise SystemExit(f'{fid} {params} x={x!r}: {a} vs exact 0')
        out.append(to_double(b))
    return out


def self_check():
    """Closed forms against the naive definition and mpmath.diff, at moderate x."""
    xs = [-7.3, -3.1, -1.6, -0.4, -0.05, 0.03, 0.3, 0.9, 1.7, 2.6, 4.4, 6.2, 9.7]
    with mp.workdps(120):
        for fid, fn, _, params in CONFIGS:
            p = mp_params(params)
            for xf in xs:
                x = mpf(xf)
                if fid == 'softplus' and p['beta'] * x > p['threshold']:
                    continue
                f, d1, d2 = fn(x, p)
                naive = lambda t: NAIVE[fid](t, p)
                ref = [naive(x), mp.diff(naive, x, 1), mp.diff(naive, x, 2)]
                for name, a, b in zip(('f', 'd1', 'd2'), (f, d1, d2), ref):
                    if abs(a - b) > mpf(10) ** -60 * max(1, abs(b)):
                        raise SystemExit(f'self-check {fid} {params} x={xf}: {name} {a} vs {b}')


def write_table(path, header, rows):
    """A reference table: a header line, then the rows, '\\n' line ends (scripts import this)."""
    with open(path, 'w', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = os.path.join(root, 'tests', 'data', 'mpmath-activations.csv')
    self_check()
    rows = []
    common = base_points()
    for fid, fn, ptext, params in CONFIGS:
        xs = common + extra_points(fid, params)
        if fid in PIECEWISE:
            xs = [x for x in xs if x != 0.0]
        for x in sorted(set(xs)):
            f, d1, d2 = checked_row(fid, fn, params, x)
            rows.append([fid, ptext, repr(x), repr(f), repr(d1), repr(d2)])
    write_table(out_path, ['function', 'params', 'x', 'f', 'd1', 'd2'], rows)
    print(f'{len(rows)} rows -> {out_path} (mpmath {mpmath.__version__}, '
          f'{BASE_DPS} digits and more, checked at twice that)', file=sys.stderr)


if __name__ == '__main__':
    main()
