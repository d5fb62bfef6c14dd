#include "networksimulation.h"

#include "activationbatch.h"
#include "normalrandom.h"
#include "numbertext.h"

#include <Eigen/Core>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

constexpr std::uint64_t InputStream = 0;
constexpr std::uint64_t OutputGradientStream = MaxNetworkDepth + 1;

double finiteOrNaN(double v)
{
    return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
}

/** W^l and b^l of every layer: kept once drawn, or drawn again from the layer's stream. */
class Weights
{
public:
    Weights(const NetworkSettings &s, std::uint64_t seed, bool keep)
        : m_n(s.width), m_seed(seed),
          m_weightScale(std::sqrt(s.weightVariance / s.width)), m_biasScale(std::sqrt(s.biasVariance))
    {
        if (keep) {
            m_keptW.resize(size_t(s.depth));
            m_keptB.resize(size_t(s.depth));
        }
    }

    /** W^l; valid until the next call for another layer when the weights are not kept. */
    const Matrix &w(int l) { return ensure(l).first; }
    const Vector &b(int l) { return ensure(l).second; }

private:
    std::pair<const Matrix &, const Vector &> ensure(int l)
    {
        if (!m_keptW.empty()) {
            Matrix &w = m_keptW[size_t(l - 1)];
            Vector &b = m_keptB[size_t(l - 1)];
            if (w.size() == 0)
                draw(l, w, b);
            return {w, b};
        }
        if (m_current != l) {
            draw(l, m_w, m_b);
            m_current = l;
        }
        return {m_w, m_b};
    }

    void draw(int l, Matrix &w, Vector &b) const
    {
        w.resize(m_n, m_n);
        b.resize(m_n);
        NormalRandom random(NormalRandom::streamSeed(m_seed, std::uint64_t(l)));
        random.fill(w.data(), w.size(), m_weightScale);
        random.fill(b.data(), b.size(), m_biasScale);
    }

    int m_n;
    std::uint64_t m_seed;
    double m_weightScale;
    double m_biasScale;
    std::vector<Matrix> m_keptW;
    std::vector<Vector> m_keptB;
    Matrix m_w;
    Vector m_b;
    int m_current = 0;
};

Matrix randomMatrix(int rows, int columns, std::uint64_t seed, std::uint64_t stream)
{
    Matrix m(rows, columns);
    NormalRandom random(NormalRandom::streamSeed(seed, stream));
    random.fill(m.data(), m.size(), 1.0);
    return m;
}

/** Statistics of one layer from h^l and φ′(h^l). */
SimulationLayer statistics(int l, const Matrix &h, const Matrix &d, double epsilon)
{
    const double pairs = double(h.size());
    SimulationLayer s;
    s.layer = l;
    s.variance = finiteOrNaN(h.squaredNorm() / pairs);
    qint64 saturated = 0;
    qint64 zero = 0;
    qint64 dead = 0;
    std::vector<bool> alive(size_t(d.rows()), false);
    for (Eigen::Index b = 0; b < d.cols(); ++b) {
        for (Eigen::Index i = 0; i < d.rows(); ++i) {
            const double v = d(i, b);
            saturated += std::abs(v) < epsilon;
            zero += v == 0;
            if (v != 0)
                alive[size_t(i)] = true;
        }
    }
    for (const bool a : alive)
        dead += !a;
    s.saturatedFraction = double(saturated) / pairs;
    s.zeroFraction = double(zero) / pairs;
    s.deadFraction = double(dead) / double(d.rows());
    return s;
}

} // namespace

QString checkSimulation(const ActivationFunction &phi, const NetworkSettings &settings,
                        double epsilon)
{
    if (const QString reason = phi.spec().validate(phi.parameters()); !reason.isEmpty())
        return reason;
    if (const QString reason = phi.map().check(); !reason.isEmpty())
        return reason;
    if (const QString reason = checkNetworkSettings(settings); !reason.isEmpty())
        return reason;
    if (!(std::isfinite(epsilon) && epsilon >= 0))
        return QCoreApplication::translate("NetworkSettings",
                                           "saturation threshold ε must be a finite number ≥ 0 (got %1)")
            .arg(NumberText::brief(epsilon));
    return {};
}

SimulationResult simulateNetwork(const ActivationFunction &phi, const NetworkSettings &settings,
                                 double epsilon, std::uint64_t seed,
                                 const SimulationProgress &progress, const SimulationMemory &memory,
                                 const QList<int> &sampledLayers, qsizetype sampleLimit)
{
    SimulationResult result;
    result.error = checkSimulation(phi, settings, epsilon);
    if (!result.error.isEmpty())
        return result;

    const int n = settings.width;
    const int batch = settings.batch;
    const int depth = settings.depth;
    const double matrixBytes = double(n) * batch * sizeof(double);
    const bool keepWeights =
        double(depth) * (double(n) * n + n) * sizeof(double) <= double(memory.weightBytes);
    // Layers per segment: all of them when every φ′(h) fits, else ⌈√L⌉ (checkpoints + segment).
    const int k = double(depth) * matrixBytes <= double(memory.activationBytes)
        ? depth
        : int(std::ceil(std::sqrt(double(depth))));
    const int segments = (depth + k - 1) / k;
    const int total = depth + (depth - 1) + (segments - 1) * k;
    int done = 0;
    SimulationResult cancelled;
    cancelled.cancelled = true;
    const auto step = [&] {
        ++done;
        return !progress || progress(done, total);
    };

    Weights weights(settings, seed, keepWeights);
    std::vector<Matrix> checkpoints(static_cast<size_t>(segments)); // φ(h^{s·k}); s = 0 is x, drawn again
    std::vector<Matrix> derivatives(static_cast<size_t>(k));       // φ′(h^l) of the segment at hand
    Matrix a;
    Matrix h(n, batch);
    Matrix next(n, batch);

    // One layer forward: h = W^l a + b^l, then φ(h) into a and φ′(h) into d.
    const auto forward = [&](int l, Matrix &d) {
        h.noalias() = weights.w(l) * a;
        h.colwise() += weights.b(l);
        d.resize(n, batch);
        evaluateActivation(phi, h.data(), next.data(), d.data(), h.size());
        a.swap(next);
    };

    result.layers.reserve(depth);
    a = randomMatrix(n, batch, seed, InputStream);
    const int lastSegmentStart = (segments - 1) * k; // layers after it keep φ′ in the forward pass
    Matrix scratch;
    for (int l = 1; l <= depth; ++l) {
        Matrix &d = l > lastSegmentStart ? derivatives[size_t(l - lastSegmentStart - 1)] : scratch;
        forward(l, d);
        result.layers.append(statistics(l, h, d, epsilon));
        if (sampledLayers.contains(l)) {
            const qsizetype count = std::min<qsizetype>(std::max<qsizetype>(sampleLimit, 0), h.size());
            result.samples.append({l, QList<double>(h.data(), h.data() + count)});
        }
        if (l % k == 0 && l / k < segments)
            checkpoints[size_t(l / k)] = a;
        if (!step())
            return cancelled;
    }

    Matrix delta = randomMatrix(n, batch, seed, OutputGradientStream);
    const double outputNorm = delta.squaredNorm();
    result.layers[depth - 1].gradientNormRatio = 1.0;
    Matrix g(n, batch);
    for (int s = segments - 1; s >= 0; --s) {
        const int first = s * k + 1;
        if (s < segments - 1) {
            a = s == 0 ? randomMatrix(n, batch, seed, InputStream) : checkpoints[size_t(s)];
            for (int l = first; l < first + k; ++l) {
                forward(l, derivatives[size_t(l - first)]);
                if (!step())
                    return cancelled;
            }
        }
        for (int l = std::min(first + k - 1, depth - 1); l >= first; --l) {
            g.noalias() = weights.w(l + 1).transpose() * delta;
            delta = derivatives[size_t(l - first)].cwiseProduct(g);
            result.layers[l - 1].gradientNormRatio = finiteOrNaN(delta.squaredNorm() / outputNorm);
            if (!step())
                return cancelled;
        }
    }
    return result;
}
