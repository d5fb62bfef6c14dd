#pragma once

#include <QtGlobal>

/**
 * AVX2 batch kernels of the catalogue activations: f and f′ over n points, four at a time, for
 * the smooth activations whose scalar loop calls libm's exp, tanh, log1p or erfc per point.
 *
 * Each has the signature of ActivationSpec::evaluateBatch (p: the parameter values, as the
 * catalogue orders them). On a processor with AVX2 and FMA the groups of four go through glibc's
 * vector math library (libmvec); a group with a NaN or an infinity, the last n % 4 points, and
 * every point on a processor without AVX2 go through the scalar closed forms of activationmath.h,
 * so the conventions are theirs: NaN in gives NaN out, ±inf gives the limits, the derivative at a
 * kink is PyTorch's. The vector lanes compute the same formulas (the stable ones: e^(−|x|), log1p,
 * the tanhshrink series) within a few ulps of the scalar ones. Internal to the model library.
 */
namespace ActivationKernels {

void sigmoid(const double *p, const double *x, double *f, double *d1, qsizetype n);
void tanh(const double *p, const double *x, double *f, double *d1, qsizetype n);
/** p: alpha. */
void elu(const double *p, const double *x, double *f, double *d1, qsizetype n);
/** p: alpha. */
void celu(const double *p, const double *x, double *f, double *d1, qsizetype n);
void selu(const double *p, const double *x, double *f, double *d1, qsizetype n);
/** p: approximate (0: 'none', x·Φ(x); 1: 'tanh'). */
void gelu(const double *p, const double *x, double *f, double *d1, qsizetype n);
void silu(const double *p, const double *x, double *f, double *d1, qsizetype n);
void mish(const double *p, const double *x, double *f, double *d1, qsizetype n);
/** p: beta, threshold. */
void softplus(const double *p, const double *x, double *f, double *d1, qsizetype n);
void logsigmoid(const double *p, const double *x, double *f, double *d1, qsizetype n);
void tanhshrink(const double *p, const double *x, double *f, double *d1, qsizetype n);

/** Whether this processor runs the vector path (AVX2 and FMA); else every point is scalar. */
bool vectorised();

} // namespace ActivationKernels
