#!/usr/bin/python3
"""Writes tests/data/torch-losses.csv: PyTorch's losses on one element, f, f′ and f″ in float64.

Every row is one loss (its torch.nn.functional name), its parameters as name=value;name=value
(PyTorch's names; a choice written as its word, as LossCatalogue spells it), one input x, and
what PyTorch gives with reduction='none': the loss f, autograd's first derivative grad, and the
double backward grad2 (autograd of grad, create_graph=True).

Conventions:
  * An input torch refuses (binary_cross_entropy outside [0, 1] raises) gives f, grad and grad2
    all 'nan': the app draws a gap there.
  * Where grad does not depend on x at all, torch's grad has no graph and a double backward
    raises "does not require grad"; its second derivative is then 0 and the table says 0.0.
  * Numbers are Python's repr (round-trips exactly), or nan, inf, -inf.

Needs Debian 12's python3-torch (1.13): apt-get install -y python3-torch; run with /usr/bin/python3
from the repository root. The tests read only the CSV.
"""

import math
import os
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def T(v):
    return torch.tensor(v, dtype=torch.float64)


def evaluate(loss, x):
    """(f, grad, grad2) of loss at x, as autograd gives them."""
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    try:
        f = loss(xt)
    except RuntimeError:
        return (math.nan, math.nan, math.nan)
    (g,) = torch.autograd.grad(f, xt, create_graph=True)
    if g.requires_grad:
        (g2,) = torch.autograd.grad(g, xt, allow_unused=True)
        g2 = 0.0 if g2 is None else g2.item()
    else:
        g2 = 0.0
    return (f.item(), g.item(), g2)


# Inputs every loss sees: tails, zero, small and ordinary values.
GRID = [-1000.0, -40.0, -10.0, -4.0, -2.0, -1.5, -1.0, -0.5, -0.1, -1e-8, 0.0, 1e-8,
        0.1, 0.5, 1.0, 1.5, 2.0, 4.0, 10.0, 40.0, 1000.0]

# Probabilities for binary_cross_entropy: the boundaries, both clamps, and outside [0, 1].
PROBS = [-0.5, -1e-300, 0.0, 5e-324, 1e-300, 1e-50, 3e-44, 4e-44, 1e-20, 1e-13, 1e-12, 1e-6,
         0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-6, 1 - 1e-12, 1 - 1e-13, 1 - 2**-53,
         1.0, 1.0 + 2**-52, 1.5]


def near(*points):
    """The points and their neighbouring doubles (kinks are tested from both sides)."""
    out = []
    for p in points:
        out += [p, math.nextafter(p, -math.inf), math.nextafter(p, math.inf),
                p - 1e-3, p + 1e-3]
    return out


def fmt(v):
    return repr(float(v))


def params_text(items):
    return ';'.join(f'{k}={v}' for k, v in items)


def cases():
    """(id, [(name, word)], loss(x), xs)."""
    out = []

    for t in (0.0, 1.5):
        out.append(('mse_loss', [('target', t)],
                    lambda x, t=t: F.mse_loss(x, T(t), reduction='none'), GRID + near(t)))
        out.append(('l1_loss', [('target', t)],
                    lambda x, t=t: F.l1_loss(x, T(t), reduction='none'), GRID + near(t)))

    for t, beta in ((0.0, 1.0), (0.5, 2.0), (0.0, 0.0), (1.0, 0.25)):
        out.append(('smooth_l1_loss', [('target', t), ('beta', beta)],
                    lambda x, t=t, b=beta: F.smooth_l1_loss(x, T(t), reduction='none', beta=b),
                    GRID + near(t - beta, t, t + beta)))

    for t, delta in ((0.0, 1.0), (0.5, 2.0), (-1.0, 0.25)):
        out.append(('huber_loss', [('target', t), ('delta', delta)],
                    lambda x, t=t, d=delta: F.huber_loss(x, T(t), reduction='none', delta=d),
                    GRID + near(t - delta, t, t + delta)))

    for t in (1.0, 0.0, 0.3, 0.5):
        out.append(('binary_cross_entropy', [('target', t)],
                    lambda x, t=t: F.binary_cross_entropy(x, T(t), reduction='none'), PROBS))

    for t, pw in ((1.0, 1.0), (0.0, 1.0), (0.3, 2.0), (0.7, 0.5), (1.0, 0.0)):
        out.append(('binary_cross_entropy_with_logits', [('target', t), ('pos_weight', pw)],
                    lambda x, t=t, pw=pw: F.binary_cross_entropy_with_logits(
                        x, T(t), reduction='none', pos_weight=T(pw)), GRID))

    # x is the logit of class 0; the other classes' logits are parameters.
    for k, t, others, ls in ((2, 0, [0.0], 0.0), (3, 1, [0.5, -1.0], 0.0),
                             (5, 4, [1.0, 2.0, -3.0, 0.5], 0.1), (3, 0, [0.0, 0.0], 0.2),
                             (4, 2, [3.0, -2.0, 1.0], 1.0), (2, 1, [-30.0], 0.05)):
        params = [('num_classes', str(k)), ('target', str(t))]
        params += [(f'logit_{i + 1}', v) for i, v in enumerate(others)]
        params.append(('label_smoothing', ls))

        def ce(x, k=k, t=t, others=others, ls=ls):
            z = torch.stack([x] + [T(v) for v in others]).unsqueeze(0)
            return F.cross_entropy(z, torch.tensor([t]), reduction='none', label_smoothing=ls)[0]
        out.append(('cross_entropy', params, ce, GRID))

    # x is the log-probability of class 0; the other class's input is 0.0, so a target of 1
    # gives −0.0: this element does not enter the loss.
    for t in (0, 1):
        def nll(x, t=t):
            z = torch.stack([x, T(0.0)]).unsqueeze(0)
            return F.nll_loss(z, torch.tensor([t]), reduction='none')[0]
        out.append(('nll_loss', [('target', str(t))], nll, GRID))

    for y, lt in ((0.5, False), (0.0, False), (1.0, False), (2.0, False), (1e-300, False),
                  (-1.5, True), (0.3, True)):
        out.append(('kl_div', [('target', y), ('log_target', str(lt))],
                    lambda x, y=y, lt=lt: F.kl_div(x, T(y), reduction='none', log_target=lt),
                    GRID))

    for t in (1, -1):
        out.append(('soft_margin_loss', [('target', str(t))],
                    lambda x, t=t: F.soft_margin_loss(x, T(float(t)), reduction='none'),
                    GRID + [-745.0, -709.0, 709.0, 745.0]))

    for t, m in ((-1, 1.0), (1, 1.0), (-1, -0.5), (-1, 0.0), (1, 2.5)):
        out.append(('hinge_embedding_loss', [('target', str(t)), ('margin', m)],
                    lambda x, t=t, m=m: F.hinge_embedding_loss(
                        x, T(float(t)), reduction='none', margin=m), GRID + near(m)))

    for t, li, full, eps in ((2.0, True, False, 1e-8), (3.0, True, True, 1e-8),
                             (0.0, True, False, 1e-8), (0.5, True, True, 1e-8),
                             (2.0, False, False, 1e-8), (5.0, False, True, 1e-8),
                             (0.0, False, False, 1e-8), (1.0, False, False, 0.1),
                             (2.0, False, False, 0.0)):
        params = [('target', t), ('log_input', str(li)), ('full', str(full)), ('eps', eps)]
        out.append(('poisson_nll_loss', params,
                    lambda x, t=t, li=li, full=full, eps=eps: F.poisson_nll_loss(
                        x, T(t), log_input=li, full=full, eps=eps, reduction='none'),
                    GRID + near(-eps) + [5e-324, 1e-300, 1e-12]))
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, 'tests', 'data', 'torch-losses.csv')
    rows = 0
    with open(path, 'w') as out:
        out.write('function,params,x,f,grad,grad2\n')
        for fid, params, loss, xs in cases():
            for x in sorted(set(xs)):
                f, g, g2 = evaluate(loss, x)
                out.write(','.join([fid, params_text(params), fmt(x), fmt(f), fmt(g), fmt(g2)]))
                out.write('\n')
                rows += 1
    print(f'{rows} rows for torch {torch.__version__} -> {path}', file=sys.stderr)


if __name__ == '__main__':
    main()
