#pragma once

#include <QtGlobal>

/**
 * AVX2 batch kernels of the catalogue activations: f and f′ over n points, four at a time.
 *
 * batch<K> has the signature of ActivationSpec::evaluateBatch (p: the parameter values, as the
 * catalogue orders them); K names the activation. On a processor with AVX2 and FMA the groups of
 * four go through vector code, the smooth functions through glibc's vector math library
 * (libmvec); a group with a NaN or an infinity (and, for some functions, a point that needs a
 * special branch), the last n % 4 points, and every point on a processor without AVX2 go through
 * the scalar closed forms of activationmath.h. So the conventions are theirs: NaN in gives NaN out,
 * ±inf gives the limits, the derivative at a kink is PyTorch's. The vector lanes compute the same
 * formulas (the stable ones: e^(−|x|), log1p, double-double arguments), the piecewise-linear
 * functions bit for bit, the smooth ones within a few ulps. Internal to the model library.
 */
namespace ActivationKernels {

// The activations with a kernel, and their parameters.
struct Identity;
struct Step;
struct Sigmoid;
struct Tanh;
struct Relu;
struct Relu6;
struct LeakyRelu; // negative_slope (prelu: weight)
struct Rrelu;     // lower, upper: the slope is their mean
struct Elu;       // alpha
struct Celu;      // alpha
struct Selu;
struct Gelu;      // approximate: 0 'none' (x·Φ(x)), 1 'tanh'
struct Silu;
struct Mish;
struct Softplus;  // beta, threshold
struct Hardtanh;  // min_val, max_val
struct Hardsigmoid;
struct Hardswish;
struct Logsigmoid;
struct Tanhshrink;
struct Softshrink; // lambd
struct Hardshrink; // lambd
struct Threshold;  // threshold, value

/** f and f′ of K at the n points x into f and d1; p holds K's parameter values. */
template<typename K>
void batch(const double *p, const double *x, double *f, double *d1, qsizetype n);

/** Whether this processor runs the vector path (AVX2 and FMA); else every point is scalar. */
bool vectorised();

} // namespace ActivationKernels
