#include "softmax.h"

#include "numbertext.h"

#include <algorithm>
#include <cmath>

namespace {

// s = softmax(z) for logits already checked.
QList<double> probabilities(const QList<double> &z)
{
    const double top = *std::max_element(z.cbegin(), z.cend());
    QList<double> s(z.size());
    double sum = 0;
    for (int i = 0; i < z.size(); ++i) {
        s[i] = std::exp(z[i] - top); // ≤ 1, and exactly 1 for the largest logit: sum ≥ 1
        sum += s[i];
    }
    for (double &p : s)
        p /= sum;
    return s;
}

} // namespace

QString checkSoftmaxLogits(const QList<double> &z)
{
    if (z.size() < MinSoftmaxClasses || z.size() > MaxSoftmaxClasses)
        return QStringLiteral("softmax takes between %1 and %2 logits (got %3)")
                .arg(MinSoftmaxClasses)
                .arg(MaxSoftmaxClasses)
                .arg(z.size());
    for (int i = 0; i < z.size(); ++i)
        if (!std::isfinite(z[i]))
            return QStringLiteral("logit z%1 must be a finite number (got %2)")
                .arg(i)
                .arg(NumberText::brief(z[i]));
    return {};
}

QList<double> softmax(const QList<double> &z, QString *error)
{
    const QString reason = checkSoftmaxLogits(z);
    if (error)
        *error = reason;
    if (!reason.isEmpty())
        return {};
    return probabilities(z);
}

SoftmaxMatrix softmaxJacobianFromProbabilities(const QList<double> &s)
{
    const int k = int(s.size());
    SoftmaxMatrix J(k, QList<double>(k, 0.0));
    for (int i = 0; i < k; ++i) {
        double others = 0; // 1 − s_i without the cancellation
        for (int j = 0; j < k; ++j) {
            if (j == i)
                continue;
            others += s[j];
            J[i][j] = -s[i] * s[j];
        }
        J[i][i] = s[i] * others;
    }
    return J;
}

SoftmaxMatrix softmaxJacobian(const QList<double> &z, QString *error)
{
    const QList<double> s = softmax(z, error);
    if (s.isEmpty())
        return {};
    return softmaxJacobianFromProbabilities(s);
}

QList<QPointF> SoftmaxSweep::probabilityCurve(int i) const
{
    if (i < 0 || i >= probabilities.size())
        return {};
    QList<QPointF> points;
    points.reserve(x.size());
    for (int j = 0; j < x.size(); ++j)
        points.append(QPointF(x[j], probabilities[i][j]));
    return points;
}

QList<QPointF> SoftmaxSweep::derivativeCurve(int i) const
{
    if (i < 0 || i >= derivatives.size())
        return {};
    QList<QPointF> points;
    points.reserve(x.size());
    for (int j = 0; j < x.size(); ++j)
        points.append(QPointF(x[j], derivatives[i][j]));
    return points;
}

QString checkSoftmaxSweep(const QList<double> &z, int varied, double x0, double x1, int samples)
{
    // z_v is replaced by the sweep: only the other logits need to be finite.
    QList<double> fixed = z;
    if (varied >= 0 && varied < fixed.size())
        fixed[varied] = 0;
    if (const QString reason = checkSoftmaxLogits(fixed); !reason.isEmpty())
        return reason;
    if (varied < 0 || varied >= z.size())
        return QStringLiteral("the varied logit must be between z0 and z%1 (got %2)")
                .arg(z.size() - 1)
                .arg(varied);
    if (!std::isfinite(x0) || !std::isfinite(x1) || !(x0 < x1))
        return QStringLiteral("the range must be finite with x0 < x1 (got %1 to %2)")
            .arg(NumberText::brief(x0), NumberText::brief(x1));
    if (samples < 2 || samples > MaxSoftmaxSamples)
        return QStringLiteral("samples must be between 2 and %1 (got %2)").arg(MaxSoftmaxSamples).arg(samples);
    return {};
}

SoftmaxSweep softmaxSweep(const QList<double> &z, int varied, double x0, double x1, int samples,
                          bool withDerivatives, QString *error)
{
    const QString reason = checkSoftmaxSweep(z, varied, x0, x1, samples);
    if (error)
        *error = reason;
    if (!reason.isEmpty())
        return {};

    const int k = int(z.size());
    SoftmaxSweep sweep;
    sweep.varied = varied;
    sweep.x.reserve(samples);
    sweep.probabilities = QList<QList<double>>(k);
    for (QList<double> &row : sweep.probabilities)
        row.reserve(samples);
    if (withDerivatives) {
        sweep.derivatives = QList<QList<double>>(k);
        for (QList<double> &row : sweep.derivatives)
            row.reserve(samples);
    }
    QList<double> logits = z;
    for (int j = 0; j < samples; ++j) {
        // The last sample is exactly x1, not x0 + (n − 1)·h with its rounding.
        const double x = j == samples - 1 ? x1 : x0 + (x1 - x0) * (double(j) / (samples - 1));
        logits[varied] = x;
        const QList<double> s = probabilities(logits);
        sweep.x.append(x);
        for (int i = 0; i < k; ++i)
            sweep.probabilities[i].append(s[i]);
        if (withDerivatives) {
            // ∂s_i/∂z_v = s_i(δ_iv − s_v); for i = v, 1 − s_v as Σ_{j≠v} s_j.
            double others = 0;
            for (int i = 0; i < k; ++i)
                if (i != varied)
                    others += s[i];
            for (int i = 0; i < k; ++i)
                sweep.derivatives[i].append(i == varied ? s[i] * others : -s[i] * s[varied]);
        }
    }
    return sweep;
}
