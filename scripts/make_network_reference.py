#!/usr/bin/env python3
"""Writes tests/data/network-reference.csv: an independent high-precision reference for the mean-field
theory of deep networks at initialization (model/network/meanfieldtheory.*), made with mpmath.

Columns: quantity,function,params,weight_variance,bias_variance,q,layer,value
  - `phi2`, `dphi2`: E[phi(sqrt(q) z)^2] and E[phi'(sqrt(q) z)^2] over z ~ N(0, 1) at q (the
    variances and layer are empty).
  - `q`: the variance map's q^layer, q^1 = sw + sb, q^{l+1} = sw E[phi^2] + sb.
  - `fixed_point`, `chi1`: q* approached by that iteration and chi_1 = sw E[phi'(sqrt(q*) z)^2].
  - `critical_weight_variance`: the smallest sw in (0, 10] with chi_1 = 1 at bias variance sb
    (on the critical line sw = 1/E[phi'^2] and q - E[phi^2]/E[phi'^2] = sb); `nan` where none.
  - `params` as in tests/data/torch-activations.csv (`name=value;...`, PyTorch's names).
Every value is repr() of the float64 nearest the high-precision one.

How: phi, phi' are the closed forms of scripts/make_mpmath_reference.py (imported, so both tables
share one definition of each function; relu and the piecewise ones are written here). Expectations
are mpmath.quad (tanh-sinh) on [-inf, inf] split at 0 and at each kink / sqrt(q), at 40 digits, and
checked against Gauss-Legendre quadrature at 50 digits (agreement to 1e-25 relative required). At q = 0
the expectation is the limit q -> 0+ (E[phi'^2]: the mean of the squared one-sided derivatives at 0).
The fixed point: 60 steps of the iteration, then mpmath.findroot from there (or 0 where the
iteration falls toward 0 and 0 is a fixed point, since findroot converges only slowly to a double root); the critical line: a
scan of q over 0 and 10^(k/4), k = -32..24, then findroot between sign changes (Anderson/Illinois).

Run:  /usr/bin/python3 scripts/make_network_reference.py   (Debian 12: python3-mpmath 1.2.1; about five
      minutes)
"""

import csv
import math
import os
import sys

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_mpmath_reference as ref  # noqa: E402

DPS = 40


def relu(x, p):
    return (x, mpf(1), mpf(0)) if x > 0 else (mpf(0), mpf(0), mpf(0))


def one_sided_derivatives_at_zero(fn, p):
    """phi' just left and right of 0: the limit q -> 0+ of E[phi'^2] is their squares' mean."""
    eps = mpf(10) ** (-(DPS + 10))
    return fn(-eps, p)[1], fn(eps, p)[1]


# (id, function, params as in the CSV, params for the math, kinks in x)
FUNCTIONS = {
    'relu': (relu, '', {}, [0]),
    'tanh': (ref.tanh_, '', {}, []),
    'sigmoid': (ref.sigmoid, '', {}, []),
    'selu': (ref.selu, '', {}, [0]),
    'gelu': (ref.gelu, 'approximate=none', {'approximate': 'none'}, []),
    'elu': (ref.elu, 'alpha=0.5', {'alpha': 0.5}, [0]),
    'softplus': (ref.softplus, 'beta=2.0;threshold=20.0', {'beta': 2.0, 'threshold': 20.0}, [10]),
}

Q_VALUES = [0.0, 1e-6, 0.01, 0.5, 1.0, 2.0, 10.0, 100.0, 1e4]

# (function, sw, sb): the q curve (10 layers), the fixed point and chi_1.
NETWORKS = [
    ('relu', 2.0, 0.0), ('relu', 1.0 / 3.0, 0.0), ('relu', 1.5, 0.1),
    ('tanh', 1.0, 0.0), ('tanh', 1.5, 0.05), ('tanh', 3.0, 0.5),
    ('sigmoid', 4.0, 0.1), ('selu', 1.0, 0.0), ('gelu', 2.0, 0.05),
    ('elu', 1.8, 0.1), ('softplus', 1.0, 0.0),
]
CURVE_LAYERS = 10

# (function, sb): the critical weight variance.
CRITICAL = [('relu', 0.0), ('tanh', 0.0), ('tanh', 0.05), ('tanh', 0.5), ('sigmoid', 0.0),
            ('selu', 0.0), ('gelu', 0.0), ('gelu', 0.05), ('elu', 0.05), ('softplus', 0.1)]


def expectation(fid, q, which, method='tanh-sinh'):
    fn, _, params, kinks = FUNCTIONS[fid]
    p = ref.mp_params(params)
    q = mpf(q)
    if q == 0:
        if which == 0:
            return fn(mpf(0), p)[0] ** 2
        left, right = one_sided_derivatives_at_zero(fn, p)
        return (left ** 2 + right ** 2) / 2
    s = mp.sqrt(q)
    points = sorted(set([mpf(0)] + [mpf(k) / s for k in kinks]))
    # Where the activation changes on its own scale |x| ~ 1, so that quad sees a near-step.
    points = sorted(set(points + [mpf(sign) * mpf(2) ** j / s for j in range(-4, 5) for sign in (-1, 1)]))
    density = lambda z: mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)
    # Beyond |z| = 60 the Gaussian weight, e^-1800, leaves nothing of any phi here (and spares
    # mpmath exponents of astronomic size at the ends of tanh-sinh's range).
    integrand = lambda z: fn(s * z, p)[which] ** 2 * density(z) if abs(z) < 60 else mpf(0)
    return mp.quad(integrand, [-mp.inf] + points + [mp.inf], method=method)


def checked_expectation(fid, q, which):
    with mp.workdps(DPS):
        a = expectation(fid, q, which)
    with mp.workdps(DPS + 10):
        b = expectation(fid, q, which, method='gauss-legendre')
    if abs(a - b) > mpf(10) ** -25 * abs(b):
        raise SystemExit(f'{fid} q={q} E[{which}]: {a} vs {b}')
    return a


def next_q(fid, sw, sb, q):
    return sw * expectation(fid, q, 0) + sb


def fixed_point(fid, sw, sb):
    q1 = mpf(sw) + sb
    q = q1
    for _ in range(60):
        q = next_q(fid, sw, sb, q)
    gap = next_q(fid, sw, sb, q) - q
    if abs(gap) <= mpf(10) ** -30 * q:
        return q  # reached (relu at sw = 2: every q is a fixed point)
    if gap < 0 and q < q1 and next_q(fid, sw, sb, mpf(0)) == 0:
        return mpf(0)  # falling toward the fixed point 0 (like 1/l where the slope there is 1)
    root = mp.findroot(lambda t: next_q(fid, sw, sb, t) - t, q, verify=False)
    if abs(next_q(fid, sw, sb, root) - root) > mpf(10) ** -30 * root:
        raise SystemExit(f'{fid} sw={sw} sb={sb}: no fixed point near {q}')
    return root


def critical_weight_variance(fid, sb):
    def h(q):
        return q - expectation(fid, q, 0) / expectation(fid, q, 1) - sb
    qs = [mpf(0)] + [mpf(10) ** (mpf(k) / 4) for k in range(-32, 25)]
    roots = []
    prev = None
    for q in qs:
        v = h(q)
        if v == 0:
            roots.append(q)
        elif prev is not None and prev[1] != 0 and (prev[1] < 0) != (v < 0):
            roots.append(mp.findroot(h, (prev[0], q), solver='anderson', verify=False))
        prev = (q, v)
    best = None
    for q in roots:
        w = 1 / expectation(fid, q, 1)
        if 0 < w <= 10 and (best is None or w < best):
            best = w
    return best


def num(v):
    return repr(math.nan) if v is None else repr(float(mp.nstr(v, 30)))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = os.path.join(root, 'tests', 'data', 'network-reference.csv')
    rows = []
    mp.dps = DPS
    for fid, (_, ptext, _, _) in FUNCTIONS.items():
        for q in Q_VALUES:
            for which, name in ((0, 'phi2'), (1, 'dphi2')):
                rows.append([name, fid, ptext, '', '', repr(q), '', num(checked_expectation(fid, q, which))])
    for fid, sw, sb in NETWORKS:
        ptext = FUNCTIONS[fid][1]
        q = mpf(sw) + sb
        for layer in range(1, CURVE_LAYERS + 1):
            rows.append(['q', fid, ptext, repr(sw), repr(sb), '', str(layer), num(q)])
            q = next_q(fid, sw, sb, q)
        qs = fixed_point(fid, sw, sb)
        rows.append(['fixed_point', fid, ptext, repr(sw), repr(sb), '', '', num(qs)])
        rows.append(['chi1', fid, ptext, repr(sw), repr(sb), '', '', num(sw * expectation(fid, qs, 1))])
    for fid, sb in CRITICAL:
        rows.append(['critical_weight_variance', fid, FUNCTIONS[fid][1], '', repr(sb), '', '',
                     num(critical_weight_variance(fid, sb))])
    with open(out_path, 'w', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['quantity', 'function', 'params', 'weight_variance', 'bias_variance', 'q', 'layer', 'value'])
        w.writerows(rows)
    print(f'{len(rows)} rows -> {out_path} (mpmath {mpmath.__version__}, {DPS} digits)', file=sys.stderr)


if __name__ == '__main__':
    main()
