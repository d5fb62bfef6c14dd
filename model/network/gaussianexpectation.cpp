#include "gaussianexpectation.h"

#include "activationbatch.h"

#include <boost/math/quadrature/gauss.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

using Rule = boost::math::quadrature::gauss<double, 20>;
constexpr size_t NodesPerPanel = 20;

// Where the Gaussian's own scale splits the line; the last is the truncation.
constexpr double GaussianBreaks[] = {1, 2, 3, 4, 6, 8, 12};
constexpr double Truncation = 12;
// ±2^j, j = MinScale…MaxScale: the activation's own scale, in x.
constexpr int MinScale = -6;
constexpr int MaxScale = 6;

// The smallest q the limit q → 0⁺ is taken at: √q·z stays a normal double for |z| ≥ 1e-8, and
// every catalogue activation is linear on each side of 0 far beyond 1e-150.
constexpr double TinyQ = 1e-300;

constexpr double InvSqrtTwoPi = 0.398942280401432677939946059934381868;

} // namespace

GaussianExpectation::GaussianExpectation(const ActivationFunction &phi)
    : m_phi(phi), m_kinksDependOnRange(bool(phi.spec().kinksWithin))
{
    if (!m_kinksDependOnRange)
        m_kinks = phi.kinks();
    const size_t breaks = 2 * (std::size(GaussianBreaks) + (MaxScale - MinScale + 1)) + 1
        + size_t(m_kinks.size());
    m_breaks.reserve(breaks);
    const size_t nodes = breaks * NodesPerPanel;
    for (std::vector<double> *v : {&m_weight, &m_x, &m_f, &m_d1})
        v->resize(nodes);
}

GaussianMoments GaussianExpectation::at(double q) const
{
    if (!(q >= 0)) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan};
    }
    const double s = std::sqrt(std::max(q, TinyQ));

    // The panels' ends in z, inside [−Truncation, Truncation].
    m_breaks.clear();
    const auto addBreak = [this](double z) {
        if (std::abs(z) < Truncation)
            m_breaks.push_back(z);
    };
    m_breaks.push_back(-Truncation);
    m_breaks.push_back(Truncation);
    m_breaks.push_back(0);
    for (const double g : GaussianBreaks) {
        addBreak(g);
        addBreak(-g);
    }
    const double xScale = 1 / std::abs(m_phi.map().inputScale);
    for (int j = MinScale; j <= MaxScale; ++j) {
        const double z = std::ldexp(xScale, j) / s;
        addBreak(z);
        addBreak(-z);
    }
    const QList<double> kinks =
        m_kinksDependOnRange ? m_phi.kinks(-Truncation * s, Truncation * s) : m_kinks;
    for (const double k : kinks)
        addBreak(k / s);
    std::sort(m_breaks.begin(), m_breaks.end());
    m_breaks.erase(std::unique(m_breaks.begin(), m_breaks.end()), m_breaks.end());

    // The nodes of every panel, then φ and φ′ at all of them in one batch.
    const size_t panels = m_breaks.size() - 1;
    const size_t n = panels * NodesPerPanel;
    if (m_x.size() < n) {
        for (std::vector<double> *v : {&m_weight, &m_x, &m_f, &m_d1})
            v->resize(n);
    }
    const auto &abscissa = Rule::abscissa();
    const auto &weights = Rule::weights();
    size_t i = 0;
    for (size_t p = 0; p < panels; ++p) {
        const double mid = 0.5 * (m_breaks[p] + m_breaks[p + 1]);
        const double half = 0.5 * (m_breaks[p + 1] - m_breaks[p]);
        for (size_t k = 0; k < abscissa.size(); ++k) {
            for (const double sign : {-1.0, 1.0}) {
                const double z = mid + sign * half * abscissa[k];
                m_weight[i] = weights[k] * half * InvSqrtTwoPi * std::exp(-0.5 * z * z);
                m_x[i] = s * z;
                ++i;
            }
        }
    }
    evaluateActivation(m_phi, m_x.data(), m_f.data(), m_d1.data(), qsizetype(n));

    GaussianMoments m;
    for (size_t j = 0; j < n; ++j) {
        m.phiSquared += m_weight[j] * m_f[j] * m_f[j];
        m.derivativeSquared += m_weight[j] * m_d1[j] * m_d1[j];
    }
    if (q == 0) {
        const double f0 = m_phi.at(0).f;
        m.phiSquared = f0 * f0;
    }
    return m;
}
