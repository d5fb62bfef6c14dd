#include "activationkernels.h"

#include "catalogueentries.h"

#include <cmath>

#if defined(__x86_64__) && defined(__GNUC__)
#define AE_KERNELS_AVX2 1
#include <immintrin.h>
#endif

namespace {

using namespace ActivationMath;
using namespace ActivationKernels;

// gelu's two variants, which ActivationKernels::batch<Gelu> chooses between.
struct GeluExact
{
    static Derivatives scalar(double x, const double *) { return geluExact(x); }
};
struct GeluTanh
{
    static Derivatives scalar(double x, const double *) { return geluTanh(x); }
};

/**
 * K's scalar form over n points. Never inlined into the AVX2 loop: compiled for the baseline
 * processor (no fused multiply-adds), it agrees bit for bit with evaluate() at every point.
 */
template<typename K>
Q_NEVER_INLINE void scalarBatch(const double *p, const double *x, double *f, double *d1,
                                qsizetype n)
{
    CatalogueEntries::batch<&K::scalar>(p, x, f, d1, n);
}

#ifdef AE_KERNELS_AVX2

#define AE_AVX2 __attribute__((target("avx2,fma")))

// glibc's libmvec, four doubles at a time, within a few ulps of the scalar libm's results (at
// most 4 over their ranges here). glibc declares them only under __FAST_MATH__, which this build
// does not use; declared as the AVX2 functions they are (clang refuses an AVX argument otherwise).
extern "C" {
AE_AVX2 __m256d _ZGVdN4v_exp(__m256d);
AE_AVX2 __m256d _ZGVdN4v_expm1(__m256d);
AE_AVX2 __m256d _ZGVdN4v_log1p(__m256d);
AE_AVX2 __m256d _ZGVdN4v_erfc(__m256d);
}

/** f and f′ in four lanes. */
struct Lanes
{
    __m256d f;
    __m256d d1;
};

AE_AVX2 inline __m256d splat(double v) { return _mm256_set1_pd(v); }
AE_AVX2 inline __m256d add(__m256d a, __m256d b) { return _mm256_add_pd(a, b); }
AE_AVX2 inline __m256d sub(__m256d a, __m256d b) { return _mm256_sub_pd(a, b); }
AE_AVX2 inline __m256d mul(__m256d a, __m256d b) { return _mm256_mul_pd(a, b); }
AE_AVX2 inline __m256d div(__m256d a, __m256d b) { return _mm256_div_pd(a, b); }
/**
 * a·b rounded, and kept so: the compiler may not fuse it into an a·b + c later on. The
 * double-double formulas take a product's rounding error with an fma and need the product itself
 * to be the rounded one (g++ contracts a·b + c into an fma wherever it can).
 */
AE_AVX2 inline __m256d roundedMul(__m256d a, __m256d b)
{
    __m256d p = _mm256_mul_pd(a, b);
    __asm__("" : "+x"(p));
    return p;
}
/** a·b + c with one rounding, like std::fma. */
AE_AVX2 inline __m256d fma(__m256d a, __m256d b, __m256d c) { return _mm256_fmadd_pd(a, b, c); }
/** Lanes of mask (all bits set) take ifTrue, the others ifFalse. */
AE_AVX2 inline __m256d select(__m256d mask, __m256d ifTrue, __m256d ifFalse)
{
    return _mm256_blendv_pd(ifFalse, ifTrue, mask);
}
AE_AVX2 inline bool anyLane(__m256d mask) { return _mm256_movemask_pd(mask) != 0; }
AE_AVX2 inline __m256d absolute(__m256d v) { return _mm256_andnot_pd(splat(-0.0), v); }
/** −|v|: NaN stays NaN. */
AE_AVX2 inline __m256d negAbs(__m256d v) { return _mm256_or_pd(v, splat(-0.0)); }
/** Lanes holding a NaN or an infinity. */
AE_AVX2 inline __m256d nonFinite(__m256d v)
{
    return _mm256_cmp_pd(absolute(v), splat(Inf), _CMP_NLT_UQ);
}

/** σ(x) and σ(−x) from w = e^(−|x|), as sigmoidPair() computes them. */
struct SigmoidPair4
{
    __m256d s;
    __m256d sm;
};
AE_AVX2 inline SigmoidPair4 sigmoidPair(__m256d x, __m256d w)
{
    const __m256d near = div(splat(1.0), add(splat(1.0), w)); // σ(|x|)
    const __m256d far = mul(w, near);                         // σ(−|x|)
    const __m256d negative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_LT_OQ);
    return {select(negative, far, near), select(negative, near, far)};
}

/**
 * e^u and e^u − 1 in the lanes of want, both with full relative precision: expm1 where
 * u ≥ −ln 2, exp below, where e^u − 1 ≤ −0.5 loses nothing. Each libmvec call is made only when a
 * lane needs it. The other lanes hold anything.
 */
struct ExpPair4
{
    __m256d e;
    __m256d em1;
};
AE_AVX2 inline ExpPair4 expAndExpm1(__m256d u, __m256d want)
{
    constexpr double Ln2 = 0.6931471805599453;
    const __m256d far = _mm256_and_pd(want, _mm256_cmp_pd(u, splat(-Ln2), _CMP_LT_OQ));
    const __m256d near = _mm256_andnot_pd(far, want);
    ExpPair4 r{_mm256_setzero_pd(), _mm256_setzero_pd()};
    if (anyLane(far)) {
        r.e = _ZGVdN4v_exp(u);
        r.em1 = sub(r.e, splat(1.0));
    }
    if (anyLane(near)) {
        const __m256d m = _ZGVdN4v_expm1(u);
        r.e = select(near, add(m, splat(1.0)), r.e);
        r.em1 = select(near, m, r.em1);
    }
    return r;
}

/**
 * tanh x and sech² x from one exponential: e^u and e^u − 1 at u = −2|x| (expAndExpm1, so expm1
 * only where |x| < ln 2 / 2), tanh|x| = −(e^u − 1)/(2 + e^u − 1) and sech² x = 4e^u/(1 + e^u)²,
 * as sech2() computes it. Neither cancels, and both are cheaper than libmvec's tanh.
 */
struct TanhPair4
{
    __m256d t;
    __m256d sech2;
};
AE_AVX2 inline TanhPair4 tanhPair(__m256d x)
{
    const __m256d all = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
    const ExpPair4 e = expAndExpm1(mul(splat(2.0), negAbs(x)), all);
    const __m256d tAbs = div(_mm256_xor_pd(e.em1, splat(-0.0)), add(splat(2.0), e.em1));
    const __m256d d = add(splat(1.0), e.e);
    return {_mm256_or_pd(tAbs, _mm256_and_pd(x, splat(-0.0))), div(mul(splat(4.0), e.e), mul(d, d))};
}

/** The vector form of K: Avx2<K>(p)(x) is f and f′ at four finite x. */
template<typename K>
struct Avx2;

/** The default: only the lanes with a NaN or an infinity need the scalar form. */
struct FiniteLanes
{
    AE_AVX2 static __m256d scalarLanes(__m256d x) { return nonFinite(x); }
};

template<>
struct Avx2<Sigmoid> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        const SigmoidPair4 p = sigmoidPair(x, _ZGVdN4v_exp(negAbs(x)));
        return {p.s, mul(p.s, p.sm)};
    }
};

template<>
struct Avx2<Tanh> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        const TanhPair4 t = tanhPair(x);
        return {t.t, t.sech2};
    }
};

/**
 * elu, celu and selu: slope·x for x > 0; for x ≤ 0 (the kink included) fScale·(e^u − 1) with
 * f′ = dScale·e^u, u = x/divisor. At 0, e^0 = expm1(0) + 1 = 1 exactly: f′(0) = dScale.
 */
struct ExponentialLinear : FiniteLanes
{
    __m256d divisor;
    __m256d fScale;
    __m256d dScale;
    __m256d slope;
    bool divide;
    AE_AVX2 ExponentialLinear(double divisorValue, double f, double d, double s)
        : divisor(splat(divisorValue)), fScale(splat(f)), dScale(splat(d)), slope(splat(s)),
          divide(divisorValue != 1.0)
    {
    }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        const __m256d negative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_LE_OQ);
        const ExpPair4 e = expAndExpm1(divide ? div(x, divisor) : x, negative);
        return {select(negative, mul(fScale, e.em1), mul(slope, x)),
                select(negative, mul(dScale, e.e), slope)};
    }
};

template<>
struct Avx2<Elu> : ExponentialLinear
{
    // elu′(0) = alpha.
    AE_AVX2 explicit Avx2(const double *p) : ExponentialLinear(1.0, p[0], p[0], 1.0) { }
};

template<>
struct Avx2<Celu> : ExponentialLinear
{
    // elu of x/alpha, scaled back: celu′(0) = 1.
    AE_AVX2 explicit Avx2(const double *p) : ExponentialLinear(p[0], p[0], 1.0, 1.0) { }
};

template<>
struct Avx2<Selu> : ExponentialLinear
{
    // selu′(0) = scale·alpha.
    static constexpr double ScaleAlpha = SeluScale * SeluAlpha;
    AE_AVX2 explicit Avx2(const double *) : ExponentialLinear(1.0, ScaleAlpha, ScaleAlpha, SeluScale)
    {
    }
};

/** Lanes where |x| > limit, to be given the limits of a function that is x·F with F → 0 or 1. */
AE_AVX2 inline Lanes withLinearTails(__m256d x, double limit, Lanes inside)
{
    const __m256d right = _mm256_cmp_pd(x, splat(limit), _CMP_GT_OQ);
    const __m256d left = _mm256_cmp_pd(x, splat(-limit), _CMP_LT_OQ);
    const __m256d zero = _mm256_setzero_pd();
    return {select(right, x, select(left, splat(-0.0), inside.f)),
            select(right, splat(1.0), select(left, zero, inside.d1))};
}

template<>
struct Avx2<GeluExact> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // geluExact() and normalCdf(): Φ(x) = erfc(z)/2 with z = −x/√2 carried as z + dz, and the
        // density with x² carried exactly.
        constexpr double InvSqrt2Hi = 0.70710678118654757;
        constexpr double InvSqrt2Lo = -4.8336466567264567e-17;
        constexpr double TwoOverSqrtPi = 1.1283791670955126;
        constexpr double InvSqrt2Pi = 0.3989422804014327;
        const __m256d minusX = _mm256_xor_pd(x, splat(-0.0));
        const __m256d z = roundedMul(minusX, splat(InvSqrt2Hi));
        const __m256d dz = sub(fma(minusX, splat(InvSqrt2Hi), sub(_mm256_setzero_pd(), z)),
                               mul(x, splat(InvSqrt2Lo)));
        const __m256d c = _ZGVdN4v_erfc(z);
        const __m256d q = roundedMul(x, x);
        const __m256d qLo = fma(x, x, sub(_mm256_setzero_pd(), q));
        const __m256d kernel = mul(_ZGVdN4v_exp(mul(splat(-0.5), q)),
                                   sub(splat(1.0), mul(splat(0.5), qLo)));
        const __m256d pdf = mul(splat(InvSqrt2Pi), kernel);
        // The first-order correction erfc(z + dz) ≈ erfc(z) − dz·(2/√π)·e^(−z²), with e^(−x²/2)
        // for e^(−z²): they differ by a relative 1e-13 at most, on a term of 1e-13 at most.
        const __m256d corrected = sub(c, mul(mul(dz, splat(TwoOverSqrtPi)), kernel));
        const __m256d tail = _mm256_cmp_pd(z, splat(1.0), _CMP_GT_OQ);
        const __m256d cdf = mul(splat(0.5), select(tail, corrected, c));
        // Beyond |x| = 40, Φ is exactly 0 or 1 and the density underflows.
        return withLinearTails(x, 40.0, {mul(x, cdf), add(cdf, mul(x, pdf))});
    }
};

template<>
struct Avx2<GeluTanh> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // geluTanh(): x·σ(2u), u = √(2/π)·(x + 0.044715·x³) in double-double as geluTanhInner().
        constexpr double K0 = 0.79788456080286541;
        constexpr double K1 = 0.035677408136300125;
        const __m256d zero = _mm256_setzero_pd();
        const __m256d k0 = splat(K0), k1 = splat(K1);
        const __m256d q = roundedMul(x, x);
        const __m256d qLo = fma(x, x, sub(zero, q));
        const __m256d x3 = roundedMul(q, x);
        const __m256d x3Lo = add(fma(q, x, sub(zero, x3)), mul(qLo, x));
        const __m256d t = roundedMul(k1, x3);
        const __m256d tLo = add(fma(k1, x3, sub(zero, t)), mul(k1, x3Lo));
        const __m256d s = roundedMul(k0, x);
        const __m256d sLo = fma(k0, x, sub(zero, s));
        const __m256d sum = add(s, t);
        const __m256d bb = sub(sum, s);
        const __m256d err = add(sub(s, sub(sum, bb)), sub(t, bb));
        const __m256d lo = add(add(err, sLo), tLo);
        const __m256d u = add(sum, lo);
        const __m256d uLo = sub(lo, sub(u, sum));

        const __m256d twoU = mul(splat(2.0), u);
        const SigmoidPair4 p0 = sigmoidPair(twoU, _ZGVdN4v_exp(negAbs(twoU)));
        // σ(2(u + lo)) ≈ σ(2u)·(1 + 2·lo·σ(−2u)).
        const __m256d twoLo = mul(splat(2.0), uLo);
        const __m256d sig = mul(p0.s, add(splat(1.0), mul(twoLo, p0.sm)));
        const __m256d sigMinus = mul(p0.sm, sub(splat(1.0), mul(twoLo, p0.s)));
        const __m256d du = add(k0, mul(mul(splat(3.0 * K1), x), x));
        const __m256d sPrime = mul(mul(splat(2.0), mul(sig, sigMinus)), du);
        // σ(2u) is exactly 0 or 1 long before |x| = 1e6, and x³ would overflow later on.
        return withLinearTails(x, 1e6, {mul(x, sig), add(sig, mul(x, sPrime))});
    }
};

template<>
struct Avx2<Silu> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        const SigmoidPair4 p = sigmoidPair(x, _ZGVdN4v_exp(negAbs(x)));
        return {mul(x, p.s), add(p.s, mul(x, mul(p.s, p.sm)))};
    }
};

template<>
struct Avx2<Mish> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // With w = e^(−|x|) ≤ 1, e^softplus(x) = 1 + e^x gives, without cancellation or overflow:
        //   x ≥ 0: tanh(sp) = (1 + 2w)/(1 + 2w + 2w²),   sech²(sp)·σ(x) = 4(1 + w)w²/(1 + 2w + 2w²)²
        //   x < 0: tanh(sp) = w(w + 2)/(w(w + 2) + 2),   sech²(sp)·σ(x) = 4(1 + w)w/(w(w + 2) + 2)²
        // f = x·tanh(sp), f′ = tanh(sp) + x·sech²(sp)·σ(x): one exp where mish() needs five calls.
        const __m256d one = splat(1.0), two = splat(2.0);
        const __m256d w = _ZGVdN4v_exp(negAbs(x));
        const __m256d positive = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_GE_OQ);
        const __m256d onePlus2w = fma(two, w, one);
        const __m256d wwPlus2w = mul(w, add(w, two));
        const __m256d num = select(positive, onePlus2w, wwPlus2w);
        const __m256d den = select(positive, fma(mul(two, w), w, onePlus2w), add(wwPlus2w, two));
        const __m256d t = div(num, den);
        const __m256d g = div(mul(mul(splat(4.0), add(one, w)), mul(w, select(positive, w, one))),
                              mul(den, den));
        return {mul(x, t), add(t, mul(x, g))};
    }
};

template<>
struct Avx2<Softplus>
{
    __m256d beta;
    __m256d threshold;
    AE_AVX2 explicit Avx2(const double *p) : beta(splat(p[0])), threshold(splat(p[1])) { }
    /** NaN, ±inf, and the kink beta·x = threshold: its conventions are the scalar form's. */
    AE_AVX2 __m256d scalarLanes(__m256d x) const
    {
        return _mm256_or_pd(nonFinite(x), _mm256_cmp_pd(mul(beta, x), threshold, _CMP_EQ_OQ));
    }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // log(1 + e^(bx)) = max(bx, 0) + log1p(e^(−|bx|)); x itself where bx > threshold.
        const __m256d bx = mul(beta, x);
        const __m256d w = _ZGVdN4v_exp(negAbs(bx));
        const __m256d sp = add(_mm256_max_pd(bx, _mm256_setzero_pd()), _ZGVdN4v_log1p(w));
        const SigmoidPair4 p = sigmoidPair(bx, w);
        const __m256d linear = _mm256_cmp_pd(bx, threshold, _CMP_GT_OQ);
        return {select(linear, x, div(sp, beta)), select(linear, splat(1.0), p.s)};
    }
};

template<>
struct Avx2<Logsigmoid> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // log σ(x) = min(x, 0) − log1p(e^(−|x|)); f′ = σ(−x).
        const __m256d w = _ZGVdN4v_exp(negAbs(x));
        const __m256d f = sub(_mm256_min_pd(x, _mm256_setzero_pd()), _ZGVdN4v_log1p(w));
        return {f, sigmoidPair(x, w).sm};
    }
};

template<>
struct Avx2<Softsign> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // softsign()'s arithmetic: x/(1 + |x|) as x·(1/(1 + |x|)), f′ = (1/(1 + |x|))².
        const __m256d inv = div(splat(1.0), add(splat(1.0), absolute(x)));
        return {mul(x, inv), mul(inv, inv)};
    }
};

template<>
struct Avx2<Tanhshrink>
{
    AE_AVX2 explicit Avx2(const double *) { }
    /** NaN, ±inf, and |x| < 0.35, where x − tanh x cancels and tanhshrink() sums its series. */
    AE_AVX2 static __m256d scalarLanes(__m256d x)
    {
        return _mm256_or_pd(nonFinite(x), _mm256_cmp_pd(absolute(x), splat(0.35), _CMP_LT_OQ));
    }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        const __m256d t = tanhPair(x).t; // one exp: |x| ≥ 0.35 > ln 2 / 2 here
        return {sub(x, t), mul(t, t)};
    }
};

// The piecewise-linear functions: the scalar forms' comparisons and arithmetic, lane by lane, so
// bit for bit the same values, kinks included.

template<>
struct Avx2<Identity> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const { return {x, splat(1.0)}; }
};

template<>
struct Avx2<Step> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // No derivative at 0.
        const __m256d zero = _mm256_setzero_pd();
        return {_mm256_and_pd(_mm256_cmp_pd(x, zero, _CMP_GT_OQ), splat(1.0)),
                select(_mm256_cmp_pd(x, zero, _CMP_EQ_OQ), splat(NaN), zero)};
    }
};

template<>
struct Avx2<Relu> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // relu′(0) = 0; relu(−0) = +0.
        const __m256d positive = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_GT_OQ);
        return {_mm256_and_pd(positive, x), _mm256_and_pd(positive, splat(1.0))};
    }
};

template<>
struct Avx2<Hardtanh> : FiniteLanes
{
    __m256d minVal;
    __m256d maxVal;
    AE_AVX2 explicit Avx2(const double *p) : Avx2(p[0], p[1]) { }
    AE_AVX2 Avx2(double lo, double hi) : minVal(splat(lo)), maxVal(splat(hi)) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // Gradient 0 at and beyond the kinks; min_val wins where the two would overlap.
        const __m256d low = _mm256_cmp_pd(x, minVal, _CMP_LE_OQ);
        const __m256d high = _mm256_cmp_pd(x, maxVal, _CMP_GE_OQ);
        return {select(low, minVal, select(high, maxVal, x)),
                _mm256_andnot_pd(_mm256_or_pd(low, high), splat(1.0))};
    }
};

template<>
struct Avx2<Relu6> : Avx2<Hardtanh>
{
    AE_AVX2 explicit Avx2(const double *) : Avx2<Hardtanh>(0.0, 6.0) { }
};

template<>
struct Avx2<LeakyRelu> : FiniteLanes
{
    __m256d slope;
    bool flat; // a zero slope gives 0, never −0
    AE_AVX2 explicit Avx2(const double *p) : Avx2(p[0]) { }
    AE_AVX2 explicit Avx2(double s) : slope(splat(s)), flat(s == 0.0) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // The x ≤ 0 branch holds at 0: leaky_relu′(0) = slope.
        const __m256d positive = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_GT_OQ);
        const __m256d left = flat ? _mm256_setzero_pd() : mul(slope, x);
        return {select(positive, x, left), select(positive, splat(1.0), slope)};
    }
};

template<>
struct Avx2<Rrelu> : Avx2<LeakyRelu>
{
    AE_AVX2 explicit Avx2(const double *p) : Avx2<LeakyRelu>(Rrelu::slope(p)) { }
};

template<>
struct Avx2<Hardsigmoid> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // Gradient 1/6 on the open interval (−3, 3).
        const __m256d low = _mm256_cmp_pd(x, splat(-3.0), _CMP_LE_OQ);
        const __m256d high = _mm256_cmp_pd(x, splat(3.0), _CMP_GE_OQ);
        const __m256d middle = add(div(x, splat(6.0)), splat(0.5));
        return {select(low, _mm256_setzero_pd(), select(high, splat(1.0), middle)),
                _mm256_andnot_pd(_mm256_or_pd(low, high), splat(1.0 / 6.0))};
    }
};

template<>
struct Avx2<Hardswish> : FiniteLanes
{
    AE_AVX2 explicit Avx2(const double *) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // The middle branch on the closed interval [−3, 3]: f′(−3) = −0.5, f′(3) = 1.5.
        const __m256d zero = _mm256_setzero_pd();
        const __m256d low = _mm256_cmp_pd(x, splat(-3.0), _CMP_LT_OQ);
        const __m256d high = _mm256_cmp_pd(x, splat(3.0), _CMP_GT_OQ);
        const __m256d middleF = div(mul(x, add(x, splat(3.0))), splat(6.0));
        const __m256d middleD = add(div(x, splat(3.0)), splat(0.5));
        return {select(low, zero, select(high, x, middleF)),
                select(low, zero, select(high, splat(1.0), middleD))};
    }
};

template<>
struct Avx2<Softshrink> : FiniteLanes
{
    __m256d lambd;
    AE_AVX2 explicit Avx2(const double *p) : lambd(splat(p[0])) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // Gradient 0 on the closed interval [−lambd, lambd].
        const __m256d above = _mm256_cmp_pd(x, lambd, _CMP_GT_OQ);
        const __m256d below = _mm256_cmp_pd(x, _mm256_xor_pd(lambd, splat(-0.0)), _CMP_LT_OQ);
        return {select(above, sub(x, lambd), select(below, add(x, lambd), _mm256_setzero_pd())),
                _mm256_and_pd(_mm256_or_pd(above, below), splat(1.0))};
    }
};

template<>
struct Avx2<Hardshrink> : FiniteLanes
{
    __m256d lambd;
    AE_AVX2 explicit Avx2(const double *p) : lambd(splat(p[0])) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        const __m256d outside
                = _mm256_or_pd(_mm256_cmp_pd(x, lambd, _CMP_GT_OQ),
                               _mm256_cmp_pd(x, _mm256_xor_pd(lambd, splat(-0.0)), _CMP_LT_OQ));
        return {_mm256_and_pd(outside, x), _mm256_and_pd(outside, splat(1.0))};
    }
};

template<>
struct Avx2<Threshold> : FiniteLanes
{
    __m256d threshold;
    __m256d value;
    AE_AVX2 explicit Avx2(const double *p) : threshold(splat(p[0])), value(splat(p[1])) { }
    AE_AVX2 Lanes operator()(__m256d x) const
    {
        // Gradient 0 at and below the threshold.
        const __m256d above = _mm256_cmp_pd(x, threshold, _CMP_GT_OQ);
        return {select(above, x, value), _mm256_and_pd(above, splat(1.0))};
    }
};

/** Groups of four through Avx2<K>, the groups that need it and the tail through K's scalar form. */
template<typename K>
AE_AVX2 void batchAvx2(const double *p, const double *x, double *f, double *d1, qsizetype n)
{
    const Avx2<K> kernel(p);
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d v = _mm256_loadu_pd(x + i);
        if (anyLane(kernel.scalarLanes(v))) {
            scalarBatch<K>(p, x + i, f + i, d1 + i, 4);
            continue;
        }
        const Lanes r = kernel(v);
        _mm256_storeu_pd(f + i, r.f);
        _mm256_storeu_pd(d1 + i, r.d1);
    }
    scalarBatch<K>(p, x + i, f + i, d1 + i, n - i);
}

bool haveAvx2()
{
    static const bool have = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }();
    return have;
}

#endif // AE_KERNELS_AVX2

/** K's batch: the AVX2 kernel where the processor has it, else the scalar form. */
template<typename K>
void run(const double *p, const double *x, double *f, double *d1, qsizetype n)
{
#ifdef AE_KERNELS_AVX2
    if (haveAvx2()) {
        batchAvx2<K>(p, x, f, d1, n);
        return;
    }
#endif
    scalarBatch<K>(p, x, f, d1, n);
}

} // namespace

namespace ActivationKernels {

template<typename K>
void batch(const double *p, const double *x, double *f, double *d1, qsizetype n)
{
    run<K>(p, x, f, d1, n);
}

template<>
void batch<Gelu>(const double *p, const double *x, double *f, double *d1, qsizetype n)
{
    if (p[0] == 0.0)
        run<GeluExact>(p, x, f, d1, n);
    else
        run<GeluTanh>(p, x, f, d1, n);
}

template void batch<Identity>(const double *, const double *, double *, double *, qsizetype);
template void batch<Step>(const double *, const double *, double *, double *, qsizetype);
template void batch<Sigmoid>(const double *, const double *, double *, double *, qsizetype);
template void batch<Tanh>(const double *, const double *, double *, double *, qsizetype);
template void batch<Relu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Relu6>(const double *, const double *, double *, double *, qsizetype);
template void batch<LeakyRelu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Rrelu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Elu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Celu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Selu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Silu>(const double *, const double *, double *, double *, qsizetype);
template void batch<Mish>(const double *, const double *, double *, double *, qsizetype);
template void batch<Softplus>(const double *, const double *, double *, double *, qsizetype);
template void batch<Softsign>(const double *, const double *, double *, double *, qsizetype);
template void batch<Hardtanh>(const double *, const double *, double *, double *, qsizetype);
template void batch<Hardsigmoid>(const double *, const double *, double *, double *, qsizetype);
template void batch<Hardswish>(const double *, const double *, double *, double *, qsizetype);
template void batch<Logsigmoid>(const double *, const double *, double *, double *, qsizetype);
template void batch<Tanhshrink>(const double *, const double *, double *, double *, qsizetype);
template void batch<Softshrink>(const double *, const double *, double *, double *, qsizetype);
template void batch<Hardshrink>(const double *, const double *, double *, double *, qsizetype);
template void batch<Threshold>(const double *, const double *, double *, double *, qsizetype);

bool vectorised()
{
#ifdef AE_KERNELS_AVX2
    return haveAvx2();
#else
    return false;
#endif
}

} // namespace ActivationKernels
