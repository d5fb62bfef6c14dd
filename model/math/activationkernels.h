#pragma once

#include "activationmath.h"

#include <QtGlobal>

/**
 * AVX2 batch kernels of the catalogue activations: f and f′ over n points, four at a time.
 *
 * batch<K> has the signature of ActivationSpec::evaluateBatch (p: the parameter values, as the
 * catalogue orders them); K is one of the tags below. On a processor with AVX2 and FMA the groups
 * of four go through vector code, the smooth functions through glibc's vector math library
 * (libmvec); a group with a NaN or an infinity (and, for some functions, a point that needs a
 * special branch), the last n % 4 points, and every point on a processor without AVX2 go through
 * the scalar closed forms of activationmath.h. So the conventions are theirs: NaN in gives NaN out,
 * ±inf gives the limits, the derivative at a kink is PyTorch's. The vector lanes compute the same
 * formulas (the stable ones: e^(−|x|), log1p, double-double arguments), the piecewise-linear
 * functions bit for bit, the smooth ones within a few ulps. Internal to the model library.
 */
namespace ActivationKernels {

// The catalogue activations, one tag each, with its parameters in the catalogue's order. A tag's
// scalar() is the closed form of activationmath.h: the catalogue's evaluate() (through
// CatalogueEntries::guarded) and what batch<K> falls back to.

namespace Math = ActivationMath;

struct Identity
{
    static Derivatives scalar(double x, const double *) { return Math::identity(x); }
};
struct Step
{
    static Derivatives scalar(double x, const double *) { return Math::step(x); }
};
struct Sigmoid
{
    static Derivatives scalar(double x, const double *) { return Math::sigmoid(x); }
};
struct Tanh
{
    static Derivatives scalar(double x, const double *) { return Math::tanh(x); }
};
struct Relu
{
    static Derivatives scalar(double x, const double *) { return Math::relu(x); }
};
struct Relu6
{
    static Derivatives scalar(double x, const double *) { return Math::relu6(x); }
};
struct LeakyRelu // negative_slope (prelu: weight)
{
    static Derivatives scalar(double x, const double *p) { return Math::leakyRelu(x, p[0]); }
};
struct Rrelu // lower, upper: the slope is their mean
{
    static double slope(const double *p) { return 0.5 * (p[0] + p[1]); }
    static Derivatives scalar(double x, const double *p) { return Math::leakyRelu(x, slope(p)); }
};
struct Elu // alpha
{
    static Derivatives scalar(double x, const double *p) { return Math::elu(x, p[0]); }
};
struct Celu // alpha
{
    static Derivatives scalar(double x, const double *p) { return Math::celu(x, p[0]); }
};
struct Selu
{
    static Derivatives scalar(double x, const double *) { return Math::selu(x); }
};
struct Gelu // approximate: 0 'none' (x·Φ(x)), 1 'tanh'
{
    static Derivatives scalar(double x, const double *p)
    {
        return p[0] == 0.0 ? Math::geluExact(x) : Math::geluTanh(x);
    }
};
struct Silu
{
    static Derivatives scalar(double x, const double *) { return Math::silu(x); }
};
struct Mish
{
    static Derivatives scalar(double x, const double *) { return Math::mish(x); }
};
struct Softplus // beta, threshold
{
    static Derivatives scalar(double x, const double *p) { return Math::softplus(x, p[0], p[1]); }
};
struct Softsign
{
    static Derivatives scalar(double x, const double *) { return Math::softsign(x); }
};
struct Hardtanh // min_val, max_val
{
    static Derivatives scalar(double x, const double *p) { return Math::hardtanh(x, p[0], p[1]); }
};
struct Hardsigmoid
{
    static Derivatives scalar(double x, const double *) { return Math::hardsigmoid(x); }
};
struct Hardswish
{
    static Derivatives scalar(double x, const double *) { return Math::hardswish(x); }
};
struct Logsigmoid
{
    static Derivatives scalar(double x, const double *) { return Math::logsigmoid(x); }
};
struct Tanhshrink
{
    static Derivatives scalar(double x, const double *) { return Math::tanhshrink(x); }
};
struct Softshrink // lambd
{
    static Derivatives scalar(double x, const double *p) { return Math::softshrink(x, p[0]); }
};
struct Hardshrink // lambd
{
    static Derivatives scalar(double x, const double *p) { return Math::hardshrink(x, p[0]); }
};
struct Threshold // threshold, value
{
    static Derivatives scalar(double x, const double *p) { return Math::threshold(x, p[0], p[1]); }
};

/** f and f′ of K at the n points x into f and d1; p holds K's parameter values. */
template<typename K>
void batch(const double *p, const double *x, double *f, double *d1, qsizetype n);

/** Whether this processor runs the vector path (AVX2 and FMA); else every point is scalar. */
bool vectorised();

} // namespace ActivationKernels
