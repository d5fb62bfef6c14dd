#pragma once

// f, f′ and f″ of every catalogue activation, in closed form and float64.
//
// Derivatives at kinks follow PyTorch 1.13's autograd (see the catalogue), and every formula is
// chosen to keep full relative precision in the tails: a saturation band with ε = 1e-12 must see
// the true σ′(40) = 4.25e-18, not the 0 that σ(1 − σ) rounds to.

#include "activationcatalogue.h"

#include <cmath>
#include <limits>

namespace ActivationMath {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// PyTorch's SELU constants.
constexpr double SeluAlpha = 1.6732632423543772848170429916717;
constexpr double SeluScale = 1.0507009873554804934193349852946;

/** σ(x) and σ(−x) together, each with full relative precision. */
struct SigmoidPair
{
    double s;  // σ(x)
    double sm; // σ(−x) = 1 − σ(x), without the cancellation
};

inline SigmoidPair sigmoidPair(double x)
{
    if (x >= 0) {
        const double e = std::exp(-x);
        const double s = 1.0 / (1.0 + e);
        return {s, e * s};
    }
    const double e = std::exp(x);
    const double sm = 1.0 / (1.0 + e);
    return {e * sm, sm};
}

/** sech²(x) = 4e^(−2|x|)/(1 + e^(−2|x|))²: no cancellation, unlike 1 − tanh² x. */
inline double sech2(double x)
{
    const double e = std::exp(-2.0 * std::fabs(x));
    const double d = 1.0 + e;
    return 4.0 * e / (d * d);
}

/** log(1 + e^x) with Mächler's cutoffs: exact in both tails, never overflows. */
inline double softplusStable(double x)
{
    if (x <= -37.0)
        return std::exp(x);
    if (x <= 18.0)
        return std::log1p(std::exp(x));
    if (x <= 33.3)
        return x + std::exp(-x);
    return x;
}

/** x·x as an unevaluated sum hi + lo (exact, by fma). */
struct TwoProduct
{
    double hi;
    double lo;
};
inline TwoProduct square(double x)
{
    const double hi = x * x;
    return {hi, std::fma(x, x, -hi)};
}

/** e^(−x²/2) with x² carried exactly, so the tail keeps its relative precision. */
inline double gaussianKernel(double x)
{
    const TwoProduct q = square(x);
    return std::exp(-0.5 * q.hi) * (1.0 - 0.5 * q.lo);
}

// ---- the activations --------------------------------------------------------------------------

inline Derivatives identity(double x) { return {x, 1.0, 0.0}; }

inline Derivatives step(double x)
{
    // The perceptron's step has no derivative at 0: NaN there, 0 elsewhere.
    if (x == 0.0)
        return {0.0, NaN, NaN};
    return {x > 0 ? 1.0 : 0.0, 0.0, 0.0};
}

inline Derivatives sigmoid(double x)
{
    const SigmoidPair p = sigmoidPair(x);
    const double d1 = p.s * p.sm;
    // σ″ = σ′(1 − 2σ) = −σ′·tanh(x/2): the tanh form keeps precision near 0.
    return {p.s, d1, -d1 * std::tanh(0.5 * x)};
}

inline Derivatives tanh(double x)
{
    const double t = std::tanh(x);
    const double d1 = sech2(x);
    return {t, d1, -2.0 * t * d1};
}

inline Derivatives relu(double x)
{
    // relu′(0) = 0, as PyTorch's threshold_backward gives.
    return x > 0 ? Derivatives{x, 1.0, 0.0} : Derivatives{0.0, 0.0, 0.0};
}

inline Derivatives hardtanh(double x, double minVal, double maxVal)
{
    // PyTorch: gradient 0 where x ≤ min_val or x ≥ max_val, kinks included.
    if (x <= minVal)
        return {minVal, 0.0, 0.0};
    if (x >= maxVal)
        return {maxVal, 0.0, 0.0};
    return {x, 1.0, 0.0};
}

inline Derivatives relu6(double x) { return hardtanh(x, 0.0, 6.0); }

inline Derivatives leakyRelu(double x, double slope)
{
    // The x ≤ 0 branch holds at 0, so leaky_relu′(0) = slope. A zero slope must not turn −∞ into NaN.
    if (x > 0)
        return {x, 1.0, 0.0};
    return {slope == 0.0 ? 0.0 : slope * x, slope, 0.0};
}

inline Derivatives elu(double x, double alpha)
{
    // elu′(0) = alpha (the x ≤ 0 branch); PyTorch's double backward gives f″(0) = 0.
    if (x > 0)
        return {x, 1.0, 0.0};
    const double e = std::exp(x);
    return {alpha * std::expm1(x), alpha * e, x == 0.0 ? 0.0 : alpha * e};
}

inline Derivatives celu(double x, double alpha)
{
    // celu(x) = elu(x, alpha) with the input scaled by 1/alpha: celu′(0) = 1, f″(0) = 0.
    if (x > 0)
        return {x, 1.0, 0.0};
    const double u = x / alpha;
    const double e = std::exp(u);
    return {alpha * std::expm1(u), e, x == 0.0 ? 0.0 : e / alpha};
}

inline Derivatives selu(double x)
{
    if (x > 0)
        return {SeluScale * x, SeluScale, 0.0};
    const double e = SeluScale * SeluAlpha * std::exp(x);
    return {SeluScale * SeluAlpha * std::expm1(x), e, x == 0.0 ? 0.0 : e};
}

/** Φ(x) = erfc(−x/√2)/2, with the rounding of x/√2 corrected to first order. */
inline double normalCdf(double x)
{
    // 1/√2 as hi + lo, so z = −x/√2 is known to about 2⁻¹⁰⁶ relative.
    constexpr double InvSqrt2Hi = 0.70710678118654757;
    constexpr double InvSqrt2Lo = -4.8336466567264567e-17;
    constexpr double TwoOverSqrtPi = 1.1283791670955126;
    const double z = -x * InvSqrt2Hi;
    const double dz = std::fma(-x, InvSqrt2Hi, -z) - x * InvSqrt2Lo;
    const double c = std::erfc(z);
    // erfc(z + dz) ≈ erfc(z) − dz·(2/√π)·e^(−z²); matters in the far left tail, where
    // d log erfc / dz ≈ −2z amplifies the argument's rounding.
    if (z > 1.0)
        return 0.5 * (c - dz * TwoOverSqrtPi * std::exp(-z * z));
    return 0.5 * c;
}

inline Derivatives geluExact(double x)
{
    constexpr double InvSqrt2Pi = 0.3989422804014327;
    // Beyond |x| = 40, Φ is exactly 0 or 1 in float64 and the density underflows; x² would overflow.
    if (x > 40.0)
        return {x, 1.0, 0.0};
    if (x < -40.0)
        return {-0.0, 0.0, 0.0};
    const double cdf = normalCdf(x);
    const double pdf = InvSqrt2Pi * gaussianKernel(x);
    return {x * cdf, cdf + x * pdf, pdf * (2.0 - x * x)};
}

/** √(2/π)·(x + 0.044715·x³) as hi + lo, x³ and the sum carried in double-double for the tails. */
inline TwoProduct geluTanhInner(double x)
{
    constexpr double K0 = 0.79788456080286541;   // √(2/π)
    constexpr double K1 = 0.035677408136300125;  // √(2/π)·0.044715
    const TwoProduct q = square(x);
    const double x3 = q.hi * x;
    const double x3lo = std::fma(q.hi, x, -x3) + q.lo * x;
    const double t = K1 * x3;
    const double tlo = std::fma(K1, x3, -t) + K1 * x3lo;
    const double s = K0 * x;
    const double slo = std::fma(K0, x, -s);
    const double sum = s + t;
    // Two-sum of s and t, then add the low parts.
    const double bb = sum - s;
    const double err = (s - (sum - bb)) + (t - bb);
    const double lo = err + slo + tlo;
    const double hi = sum + lo;
    return {hi, lo - (hi - sum)};
}

inline Derivatives geluTanh(double x)
{
    // 0.5·x·(1 + tanh u) = x·σ(2u): the σ form avoids the cancellation of 1 + tanh u for x ≪ 0.
    constexpr double K0 = 0.79788456080286541;
    constexpr double K1 = 0.035677408136300125;
    // σ(2u) is exactly 0 or 1 in float64 long before |x| = 1e6, and x³ would overflow later on.
    if (x > 1e6)
        return {x, 1.0, 0.0};
    if (x < -1e6)
        return {-0.0, 0.0, 0.0};
    const TwoProduct uu = geluTanhInner(x);
    const double u = uu.hi;
    SigmoidPair p = sigmoidPair(2.0 * u);
    // σ(2(u + lo)) ≈ σ(2u)·(1 + 2·lo·σ(−2u)): in the tail σ(2u) ≈ e^(2u) magnifies u's rounding.
    p = {p.s * (1.0 + 2.0 * uu.lo * p.sm), p.sm * (1.0 - 2.0 * uu.lo * p.s)};
    const double du = K0 + 3.0 * K1 * x * x;
    const double d2u = 6.0 * K1 * x;
    const double ss = p.s * p.sm;            // σ(2u)·σ(−2u)
    const double sPrime = 2.0 * ss * du;     // d/dx σ(2u)
    // d²/dx² σ(2u) = 2·[σσ′·(1 − 2σ)]… written with σ(−2u) − σ(2u) = −tanh(u).
    const double sSecond = 2.0 * ss * (d2u - 2.0 * du * du * std::tanh(u));
    return {x * p.s, p.s + x * sPrime, 2.0 * sPrime + x * sSecond};
}

inline Derivatives silu(double x)
{
    if (x == -Inf)
        return {-0.0, 0.0, 0.0};
    if (x == Inf)
        return {Inf, 1.0, 0.0};
    const SigmoidPair p = sigmoidPair(x);
    const double ds = p.s * p.sm;
    // f′ = σ + x·σ′, f″ = σ′·(2 − x·tanh(x/2)).
    return {x * p.s, p.s + x * ds, ds * (2.0 - x * std::tanh(0.5 * x))};
}

inline Derivatives mish(double x)
{
    if (x == -Inf)
        return {-0.0, 0.0, 0.0};
    if (x == Inf)
        return {Inf, 1.0, 0.0};
    const double sp = softplusStable(x);
    const double t = std::tanh(sp);
    const SigmoidPair p = sigmoidPair(x);
    const double g = sech2(sp) * p.s; // sech²(sp)·σ(x), finite where the quoted closed form is NaN
    // Once g underflows (x > 372) f″ is 0; skip the product so that 0·∞ cannot make NaN.
    const double d2 = g == 0.0 ? 0.0 : g * (2.0 + x * (p.sm - 2.0 * t * p.s));
    return {x * t, t + x * g, d2};
}

inline Derivatives softplus(double x, double beta, double threshold)
{
    const double bx = beta * x;
    // PyTorch returns x where beta·x > threshold; its double backward already gives 0 at equality.
    if (bx > threshold)
        return {x, 1.0, 0.0};
    const SigmoidPair p = sigmoidPair(bx);
    return {softplusStable(bx) / beta, p.s, bx >= threshold ? 0.0 : beta * p.s * p.sm};
}

inline Derivatives softsign(double x)
{
    if (std::isinf(x))
        return {x > 0 ? 1.0 : -1.0, 0.0, x > 0 ? -0.0 : 0.0};
    const double d = 1.0 + std::fabs(x);
    const double inv = 1.0 / d;
    const double d1 = inv * inv;
    return {x * inv, d1, (x > 0 ? -2.0 : (x < 0 ? 2.0 : -0.0)) * d1 * inv};
}

inline Derivatives hardsigmoid(double x)
{
    // Gradient 1/6 on the open interval (−3, 3), 0 at and beyond the kinks.
    if (x <= -3.0)
        return {0.0, 0.0, 0.0};
    if (x >= 3.0)
        return {1.0, 0.0, 0.0};
    return {x / 6.0 + 0.5, 1.0 / 6.0, 0.0};
}

inline Derivatives hardswish(double x)
{
    // PyTorch's backward uses the middle branch x/3 + 1/2 on the closed interval [−3, 3]:
    // hardswish′(−3) = −0.5 and hardswish′(3) = 1.5. f″ is 1/3 on the open interval only.
    if (x < -3.0)
        return {0.0, 0.0, 0.0};
    if (x > 3.0)
        return {x, 1.0, 0.0};
    return {x * (x + 3.0) / 6.0, x / 3.0 + 0.5, (x == -3.0 || x == 3.0) ? 0.0 : 1.0 / 3.0};
}

inline Derivatives logsigmoid(double x)
{
    const SigmoidPair p = sigmoidPair(x);
    const double f = std::fmin(x, 0.0) - std::log1p(std::exp(-std::fabs(x)));
    return {f, p.sm, -p.s * p.sm};
}

inline Derivatives tanhshrink(double x)
{
    const double t = std::tanh(x);
    const double d2 = 2.0 * t * sech2(x);
    if (std::fabs(x) < 0.35) {
        // x − tanh x cancels near 0: its Taylor series x³/3 − 2x⁵/15 + … instead.
        static constexpr double C[] = {
            0.3333333333333333,      -0.13333333333333333,    0.05396825396825397,
            -0.021869488536155203,   0.008863235529902197,    -0.003592128036572481,
            0.0014558343870513183,   -0.000590027440945586,   0.00023912911424355248,
            -9.691537956929451e-05,  3.927832388331683e-05,   -1.5918905069328964e-05,
            6.451689215655431e-06,   -2.6147711512907546e-06, 1.0597268320104654e-06,
        };
        const double x2 = x * x;
        double s = 0.0;
        for (int k = int(std::size(C)) - 1; k >= 0; --k)
            s = s * x2 + C[k];
        return {x * x2 * s, t * t, d2};
    }
    return {x - t, t * t, d2};
}

inline Derivatives softshrink(double x, double lambd)
{
    // Gradient 0 on the closed interval [−lambd, lambd].
    if (x > lambd)
        return {x - lambd, 1.0, 0.0};
    if (x < -lambd)
        return {x + lambd, 1.0, 0.0};
    return {0.0, 0.0, 0.0};
}

inline Derivatives hardshrink(double x, double lambd)
{
    if (x > lambd || x < -lambd)
        return {x, 1.0, 0.0};
    return {0.0, 0.0, 0.0};
}

inline Derivatives threshold(double x, double threshold, double value)
{
    if (x > threshold)
        return {x, 1.0, 0.0};
    return {value, 0.0, 0.0};
}

} // namespace ActivationMath
