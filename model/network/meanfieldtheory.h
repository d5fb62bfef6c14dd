#pragma once

#include "gaussianexpectation.h"

#include <QList>

#include <optional>

/** Where a network at initialization sits, by χ₁ (MeanFieldTheory::phase). */
enum class NetworkPhase {
    Ordered,  ///< χ₁ < 1: gradients vanish with depth
    Critical, ///< |χ₁ − 1| ≤ MeanFieldTheory::CriticalTolerance
    Chaotic,  ///< χ₁ > 1: gradients explode with depth
};

/** One layer l of the mean-field depth curve. */
struct MeanFieldLayer
{
    int layer = 0;                           ///< l, from 1
    std::optional<double> variance;          ///< q^l; null once q passed MeanFieldTheory::Overflow
    std::optional<double> gradientNormRatio; ///< r^l = E‖δ^l‖² / E‖δ^L‖²; null when not finite
};

/**
 * The mean-field theory of a deep fully connected network at initialization (Poole et al. 2016,
 * Schoenholz et al. 2017) for one activation φ: the variance map
 * q¹ = σ_w² + σ_b², q^{l+1} = σ_w²·E[φ(√q^l z)²] + σ_b², its fixed point q*, the slope
 * χ₁ = σ_w²·E[φ′(√q* z)²] that decides between order and chaos, and the gradient norms of
 * backpropagation. Expectations over z ~ N(0, 1) come from GaussianExpectation; the derivative is
 * PyTorch's at kinks, and at q = 0 every expectation is the limit q → 0⁺.
 *
 * Not thread-safe (the quadrature keeps its buffers): one object per thread.
 */
class MeanFieldTheory
{
public:
    /** q above this counts as overflow: the curve is null from there on. */
    static constexpr double Overflow = 1e200;
    /** χ₁ within this of 1 is critical. */
    static constexpr double CriticalTolerance = 1e-3;
    /** The largest σ_w² criticalWeightVariance() looks at. */
    static constexpr double MaxCriticalWeightVariance = 10;

    explicit MeanFieldTheory(const ActivationFunction &phi);

    /** E[φ(√q z)²] and E[φ′(√q z)²] at q ≥ 0. */
    GaussianMoments moments(double q) const { return m_expectation.at(q); }
    /** σ_w²·E[φ(√q z)²] + σ_b²: the variance of the next layer's pre-activations. */
    double nextVariance(double weightVariance, double biasVariance, double q) const;

    /**
     * q^l and r^l for l = 1…depth (r^depth = 1, r^l = r^{l+1}·σ_w²·E[φ′(√q^l z)²]). r^l depends
     * on q^l…q^{depth−1}: it is null when one of them is, or when the product is not finite.
     * Arguments as checkNetworkSettings() accepts them; empty for depth < 1.
     */
    QList<MeanFieldLayer> depthCurve(double weightVariance, double biasVariance, int depth) const;

    /**
     * q*: the root of q = σ_w²·E[φ(√q z)²] + σ_b² that the iteration from q¹ approaches, polished
     * by a bracketing solver (TOMS 748) because near criticality the iteration converges only
     * like 1/l. May be 0; null where the iteration, or the search for a bracket, passes Overflow,
     * or where F(q) − q stays put while q grows until it is lost in rounding (no fixed point:
     * relu at σ_w² = 2 with σ_b² > 0 grows by σ_b² a layer for ever).
     */
    std::optional<double> fixedPoint(double weightVariance, double biasVariance) const;
    /** χ₁ = σ_w²·lim_{q→q*} E[φ′(√q z)²] at a fixed point q* ≥ 0. */
    double chi1AtFixedPoint(double weightVariance, double fixedPoint) const;
    /** χ₁ at fixedPoint(σ_w², σ_b²); null where the fixed point is. */
    std::optional<double> chi1(double weightVariance, double biasVariance) const;
    /** The phase χ₁ puts the network in. */
    static NetworkPhase phase(double chi1);

    /**
     * The smallest σ_w² in (0, MaxCriticalWeightVariance] with χ₁ = 1 at bias variance σ_b²: on
     * the critical line σ_w² = 1/E[φ′(√q z)²] and q − E[φ(√q z)²]/E[φ′(√q z)²] = σ_b², solved for
     * q ≥ 0 (q = 0 as the limit) by a scan of q over [0, 1e6] and TOMS 748. Null if there is none.
     * relu: 2 at σ_b² = 0, none for σ_b² > 0; tanh: 1 at σ_b² = 0, about 1.76 at σ_b² = 0.05.
     */
    std::optional<double> criticalWeightVariance(double biasVariance) const;

private:
    GaussianExpectation m_expectation;
};
