#include "activationfunction.h"

#include "numbertext.h"

#include <algorithm>
#include <cmath>
#include <limits>

QString AffineMap::check() const
{
    if (!std::isfinite(inputScale) || inputScale == 0.0)
        return QStringLiteral("input scale must be a finite number ≠ 0 (got %1)")
            .arg(NumberText::brief(inputScale));
    if (!std::isfinite(outputScale))
        return QStringLiteral("output scale must be a finite number (got %1)")
            .arg(NumberText::brief(outputScale));
    if (!std::isfinite(outputShift))
        return QStringLiteral("output shift must be a finite number (got %1)")
            .arg(NumberText::brief(outputShift));
    return {};
}

QString AffineMap::apply(const QString &name) const
{
    if (isIdentity())
        return name;
    QString inner = inputScale == 1.0 ? QStringLiteral("x")
        : inputScale == -1.0
        ? QStringLiteral("−x")
        : NumberText::brief(inputScale).replace(QLatin1Char('-'), QChar(0x2212)) + QLatin1Char('x');
    QString text = name + QLatin1Char('(') + inner + QLatin1Char(')');
    if (outputScale != 1.0)
        text = (outputScale == -1.0
                    ? QStringLiteral("−")
                    : NumberText::brief(outputScale).replace(QLatin1Char('-'), QChar(0x2212))
                        + QChar(0x00B7))
            + text;
    if (outputShift > 0)
        text += QStringLiteral(" + ") + NumberText::brief(outputShift);
    else if (outputShift < 0)
        text += QStringLiteral(" − ") + NumberText::brief(-outputShift);
    return text;
}

QList<double> ActivationFunction::kinks(double a, double b) const
{
    QList<double> ks;
    for (const double k : kinks()) {
        if (k >= a && k <= b)
            ks << k;
    }
    if (!m_spec->kinksWithin || !(a < b))
        return ks;
    // The spec's x is a·x here.
    const double s = m_identity ? 1.0 : m_map.inputScale;
    const double from = std::min(a * s, b * s);
    const double to = std::max(a * s, b * s);
    for (const double k : m_spec->kinksWithin(m_parameters.data(), from, to)) {
        const double x = k / s;
        if (x >= a && x <= b)
            ks << x;
    }
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    return ks;
}

QList<double> ActivationFunction::kinks() const
{
    QList<double> ks = m_spec->kinks ? m_spec->kinks(m_parameters.data()) : QList<double>();
    if (m_identity || m_map.inputScale == 1.0)
        return ks;
    for (double &k : ks)
        k /= m_map.inputScale;
    std::sort(ks.begin(), ks.end());
    return ks;
}

QList<Interval> ActivationFunction::flatRegions() const
{
    constexpr double Inf = std::numeric_limits<double>::infinity();
    if (m_map.outputScale == 0.0)
        return {{-Inf, Inf}};
    QList<Interval> regions = m_spec->flatRegions ? m_spec->flatRegions(m_parameters.data()) : QList<Interval>();
    if (m_identity || m_map.inputScale == 1.0)
        return regions;
    const double a = m_map.inputScale;
    for (Interval &r : regions) {
        r = a > 0 ? Interval{r.from / a, r.to / a} : Interval{r.to / a, r.from / a};
    }
    std::sort(regions.begin(), regions.end(),
              [](const Interval &l, const Interval &r) { return l.from < r.from; });
    return regions;
}
