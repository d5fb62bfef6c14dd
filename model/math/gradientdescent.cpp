#include "gradientdescent.h"

#include "numbertext.h"

#include <cmath>
#include <limits>

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr int MaxCurveSamples = 100000;

} // namespace

QString GradientDescentSetup::check() const
{
    if (!spec)
        return QStringLiteral("no activation chosen");
    if (const QString reason = spec->validate(parameters); !reason.isEmpty())
        return reason;
    if (!std::isfinite(x))
        return QStringLiteral("input x must be a finite number (got %1)").arg(NumberText::brief(x));
    if (!std::isfinite(target))
        return QStringLiteral("target y must be a finite number (got %1)")
            .arg(NumberText::brief(target));
    if (!std::isfinite(learningRate) || learningRate <= 0)
        return QStringLiteral("learning rate η must be a finite number > 0 (got %1)")
            .arg(NumberText::brief(learningRate));
    if (!std::isfinite(theta0))
        return QStringLiteral("starting θ₀ must be a finite number (got %1)")
            .arg(NumberText::brief(theta0));
    return {};
}

QString GradientDescent::setup(const GradientDescentSetup &setup)
{
    if (QString reason = setup.check(); !reason.isEmpty())
        return reason;
    m_setup = setup;
    reset();
    return {};
}

GradientDescentStep GradientDescent::evaluate(int k, double theta) const
{
    const Derivatives d = m_setup.spec->at(theta * m_setup.x, m_setup.parameters);
    const double residual = d.f - m_setup.target;
    return {k, theta, residual * d.d1 * m_setup.x, 0.5 * residual * residual};
}

void GradientDescent::reset()
{
    m_history.clear();
    if (m_setup.spec)
        m_history.append(evaluate(0, m_setup.theta0));
}

bool GradientDescent::step()
{
    if (m_history.isEmpty() || m_history.size() > MaxSteps)
        return false;
    const GradientDescentStep &last = m_history.last();
    const double theta = last.theta - m_setup.learningRate * last.gradient;
    // A diverging run (η too large) stops at the last finite θ rather than filling the history with inf.
    if (!std::isfinite(theta))
        return false;
    m_history.append(evaluate(last.step + 1, theta));
    return true;
}

int GradientDescent::steps(int n)
{
    int taken = 0;
    while (taken < n && step())
        ++taken;
    return taken;
}

double GradientDescent::loss(double theta) const
{
    return m_setup.spec ? evaluate(0, theta).loss : NaN;
}

double GradientDescent::gradient(double theta) const
{
    return m_setup.spec ? evaluate(0, theta).gradient : NaN;
}

QList<QPointF> GradientDescent::lossCurve(double from, double to, int samples, QString *error) const
{
    QString reason;
    if (!m_setup.spec)
        reason = QStringLiteral("no activation chosen");
    else if (!std::isfinite(from) || !std::isfinite(to) || !(from < to))
        reason = QStringLiteral("θ range must be finite with from < to (got %1 … %2)")
                     .arg(NumberText::brief(from), NumberText::brief(to));
    else if (samples < 2 || samples > MaxCurveSamples)
        reason = QStringLiteral("samples must be between 2 and %1 (got %2)").arg(MaxCurveSamples).arg(samples);
    if (error)
        *error = reason;
    if (!reason.isEmpty())
        return {};

    QList<QPointF> points;
    points.reserve(samples);
    const double span = to - from;
    for (int i = 0; i < samples; ++i) {
        // Computed from the ends, not by accumulation, so the last sample is exactly `to`.
        const double theta = i == samples - 1 ? to : from + span * i / (samples - 1);
        const double l = loss(theta);
        if (std::isfinite(l))
            points.append({theta, l});
    }
    return points;
}
