#pragma once

#include "activationfunction.h"

#include <vector>

/** E[φ(√q·z)²] and E[φ′(√q·z)²] over z ~ N(0, 1) at one q. */
struct GaussianMoments
{
    double phiSquared = 0.0;        ///< E[φ(√q·z)²]
    double derivativeSquared = 0.0; ///< E[φ′(√q·z)²]
};

/**
 * The Gaussian expectations of an activation φ the mean-field theory needs, by Gauss–Legendre
 * quadrature (Boost.Math's 20-point rule, nodes computed once) on panels of z split
 *  - at φ's kinks scaled by 1/√q (a jump or a kink never lies inside a panel),
 *  - at ±2^j/(|a|·√q), j = −6…6, where a is the affine map's input scale: the catalogue's
 *    activations change on the scale |x| ≈ 1, so these resolve a tanh that is almost a step
 *    (large q) as well as one that is almost linear (small q),
 *  - at z = 0, ±1, ±2, ±3, ±4, ±6, ±8, and truncated at |z| = 12, where the Gaussian weight
 *    e^(−72) leaves less than 1e-30 of any polynomially growing φ².
 * Both integrands are non-negative, so nothing cancels: the relative error is below 1e-10 for
 * the catalogue (checked against mpmath in tst_gaussianexpectation). A φ growing like e^(c·x)
 * (a typed expression) loses accuracy once its mass moves past |z| = 12, i.e. c·√q ≳ 6.
 *
 * At q = 0 the result is the limit q → 0⁺: E[φ²] = φ(0)², and E[φ′²] the mean of the squared
 * one-sided derivatives at 0 (relu: 1/2, where PyTorch's relu′(0) = 0 would give 0).
 *
 * Keeps its buffers between calls (no allocation per call for catalogue functions), so one
 * object must not be used by two threads at once.
 */
class GaussianExpectation
{
public:
    explicit GaussianExpectation(const ActivationFunction &phi);

    const ActivationFunction &activation() const { return m_phi; }
    /** Both expectations at q ≥ 0 (q = 0: the limit q → 0⁺); NaN for a negative or NaN q. */
    GaussianMoments at(double q) const;

private:
    ActivationFunction m_phi;
    QList<double> m_kinks;              ///< φ's kinks in x, when they do not depend on the range
    bool m_kinksDependOnRange = false;  ///< a typed expression whose kinks need a scan
    mutable std::vector<double> m_breaks; ///< the panels' ends in z, ascending
    mutable std::vector<double> m_weight; ///< Gauss weight × panel half-width × normal density
    mutable std::vector<double> m_x;      ///< √q·z at the nodes, panel after panel
    mutable std::vector<double> m_f;
    mutable std::vector<double> m_d1;
};
