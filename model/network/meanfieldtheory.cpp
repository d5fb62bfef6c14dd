#include "meanfieldtheory.h"

#include <boost/math/tools/toms748_solve.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace {

// The fixed-point iteration hands over to the bracketing solver once a step moves q by less than
// this share of it, or after MaxIterations steps (a geometric approach to q* = 0 never slows down).
constexpr double HandOverStep = 1e-3;
constexpr int MaxIterations = 200;

// A gap F(q) − q below this share of q is within the quadrature's rounding (about 1e-15).
constexpr double Resolution = 1e-12;

// TOMS 748 stops when the bracket is this many bits narrow, or after this many evaluations.
constexpr int RootBits = 48;
constexpr std::uintmax_t MaxRootIterations = 200;

// criticalWeightVariance scans q = 0 and 10^(k/8) for k = MinExponent8…MaxExponent8.
constexpr int MinExponent8 = -64;
constexpr int MaxExponent8 = 48;

/** The root of g in [a, b], where g(a) and g(b) differ in sign; null if the solver gives up. */
template<class G>
std::optional<double> solve(G g, double a, double b, double ga, double gb)
{
    if (a > b) {
        std::swap(a, b);
        std::swap(ga, gb);
    }
    std::uintmax_t iterations = MaxRootIterations;
    try {
        const auto bracket = boost::math::tools::toms748_solve(
            g, a, b, ga, gb, boost::math::tools::eps_tolerance<double>(RootBits), iterations);
        return 0.5 * (bracket.first + bracket.second);
    } catch (const std::exception &) {
        // Boost's evaluation_error: g turned NaN inside the bracket.
        return std::nullopt;
    }
}

bool differInSign(double a, double b)
{
    return (a > 0 && b < 0) || (a < 0 && b > 0);
}

} // namespace

MeanFieldTheory::MeanFieldTheory(const ActivationFunction &phi) : m_expectation(phi) { }

double MeanFieldTheory::nextVariance(double weightVariance, double biasVariance, double q) const
{
    return weightVariance * moments(q).phiSquared + biasVariance;
}

QList<MeanFieldLayer> MeanFieldTheory::depthCurve(double weightVariance, double biasVariance,
                                                  int depth) const
{
    if (depth < 1)
        return {};
    QList<MeanFieldLayer> layers(depth);
    // E[φ′(√q^l z)²] goes into the gradient ratio's slot until the backward sweep uses it.
    double q = weightVariance + biasVariance;
    for (int l = 1; l <= depth; ++l) {
        MeanFieldLayer &layer = layers[l - 1];
        layer.layer = l;
        if (!(q <= Overflow))
            continue; // and so is every later q
        layer.variance = q;
        if (l == depth)
            break;
        const GaussianMoments m = moments(q);
        layer.gradientNormRatio = m.derivativeSquared;
        q = weightVariance * m.phiSquared + biasVariance;
    }

    std::optional<double> r = 1.0;
    layers[depth - 1].gradientNormRatio = r;
    for (int l = depth - 1; l >= 1; --l) {
        MeanFieldLayer &layer = layers[l - 1];
        if (r && layer.variance) {
            const double next = *r * weightVariance * *layer.gradientNormRatio;
            r = std::isfinite(next) ? std::optional<double>(next) : std::nullopt;
        } else {
            r.reset();
        }
        layer.gradientNormRatio = r;
    }
    return layers;
}

std::optional<double> MeanFieldTheory::fixedPoint(double weightVariance, double biasVariance) const
{
    const auto gap = [&](double q) { return nextVariance(weightVariance, biasVariance, q) - q; };

    double q = weightVariance + biasVariance;
    if (!(q <= Overflow))
        return std::nullopt;
    for (int i = 0; i < MaxIterations; ++i) {
        const double next = nextVariance(weightVariance, biasVariance, q);
        if (!(next <= Overflow))
            return std::nullopt;
        const double step = next - q;
        if (step == 0)
            return q;
        q = next;
        if (std::abs(step) <= HandOverStep * q)
            break;
    }

    // Bracket the root ahead of q in the direction the iteration moves, the step doubling.
    double a = q;
    double ga = gap(a);
    if (std::abs(ga) <= Resolution * a)
        return a; // the iteration stands still: relu at σ_w² = 2, σ_b² = 0 keeps every q

    double width = std::abs(ga);
    for (;;) {
        const double b = std::max(0.0, ga > 0 ? a + width : a - width);
        if (!(b <= Overflow))
            return std::nullopt;
        const double gb = gap(b);
        if (std::isnan(gb))
            return std::nullopt;
        if (std::abs(gb) <= Resolution * b) {
            // The map cannot be told from the identity here. Either b is as good as the root
            // (the gap shrank on the way), or the gap stayed as it was and only drowned in
            // rounding as q grew: relu at σ_w² = 2 with σ_b² > 0 adds σ_b² a layer for ever.
            if (std::abs(gb) < 0.5 * std::abs(ga))
                return b;
            return std::nullopt;
        }
        if (differInSign(ga, gb))
            return solve(gap, a, b, ga, gb);
        if (b == 0)
            return std::nullopt; // gap(0) = σ_w²·φ(0)² + σ_b² ≥ 0: only a NaN φ gets here
        a = b;
        ga = gb;
        width *= 2;
    }
}

double MeanFieldTheory::chi1AtFixedPoint(double weightVariance, double fixedPoint) const
{
    return weightVariance * moments(fixedPoint).derivativeSquared;
}

std::optional<double> MeanFieldTheory::chi1(double weightVariance, double biasVariance) const
{
    const std::optional<double> q = fixedPoint(weightVariance, biasVariance);
    if (!q)
        return std::nullopt;
    return chi1AtFixedPoint(weightVariance, *q);
}

NetworkPhase MeanFieldTheory::phase(double chi1)
{
    if (std::abs(chi1 - 1) <= CriticalTolerance)
        return NetworkPhase::Critical;
    return chi1 < 1 ? NetworkPhase::Ordered : NetworkPhase::Chaotic;
}

std::optional<double> MeanFieldTheory::criticalWeightVariance(double biasVariance) const
{
    // On the critical line: h(q) = q − E[φ²]/E[φ′²] − σ_b² = 0, σ_w² = 1/E[φ′²].
    const auto h = [&](double q) {
        const GaussianMoments m = moments(q);
        return q - m.phiSquared / m.derivativeSquared - biasVariance;
    };
    std::optional<double> best;
    const auto consider = [&](std::optional<double> q) {
        if (!q)
            return;
        const double w = 1 / moments(*q).derivativeSquared;
        if (w > 0 && w <= MaxCriticalWeightVariance && (!best || w < *best))
            best = w;
    };

    double previousQ = 0;
    double previousH = std::numeric_limits<double>::quiet_NaN();
    for (int k = MinExponent8 - 1; k <= MaxExponent8; ++k) {
        const double q = k < MinExponent8 ? 0.0 : std::pow(10.0, k / 8.0);
        const double hq = h(q);
        if (hq == 0)
            consider(q);
        else if (std::isfinite(hq) && std::isfinite(previousH) && differInSign(previousH, hq))
            consider(solve(h, previousQ, q, previousH, hq));
        previousQ = q;
        previousH = hq;
    }
    return best;
}
