#include "axisticks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace AxisTicks {

double niceStep(double span, double ticks)
{
    const double raw = span / std::max(1.0, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : { 1.0, 2.0, 5.0 }) {
        if (m * magnitude >= raw * (1 - 1e-9))
            return m * magnitude;
    }
    return 10 * magnitude;
}

double xTickCount(double plotWidth, double fontScale)
{
    return std::clamp(plotWidth / (60 * std::max(1.0, fontScale)), 2.0, 14.0);
}

double yTickCount(double plotHeight, double fontScale)
{
    return std::clamp(plotHeight / (40 * std::max(1.0, fontScale)), 2.0, 20.0);
}

PlotTickCounts tickCounts(double plotWidth, double plotHeight, double fontScale)
{
    // The labels change the plot's size a little (the last x label's overhang, the y labels'
    // width), and the size picks the step: a size near a step's threshold would bounce between
    // two layouts, one per turn of the event loop, for ever. So the step in use stays while it
    // suits any size within a few pixels of this one (the overhang of half a label at most).
    constexpr double Slack = 24;
    if (!(plotWidth > 10 && plotHeight > 10))
        return { { 8, 8, 8 }, { 6, 6, 6 } };
    return { { xTickCount(plotWidth, fontScale), xTickCount(plotWidth - Slack, fontScale),
               xTickCount(plotWidth + Slack, fontScale) },
             { yTickCount(plotHeight, fontScale), yTickCount(plotHeight - Slack, fontScale),
               yTickCount(plotHeight + Slack, fontScale) } };
}

QList<double> dynamicTicks(double min, double max, double interval, double anchor)
{
    QList<double> ticks;
    const double ticksFromAnchor = (anchor - min) / interval;
    double value = anchor - std::floor(ticksFromAnchor) * interval;
    while (value <= max && ticks.size() < 1000) {
        ticks.append(value);
        value += interval;
    }
    return ticks;
}

/**
 * A tick anchor whose ticks Qt labels cleanly. Qt sums the interval up from the first tick, so
 * with 0.2 the tick at 0 comes out as −1.1e−16 and reads "-0.0", and the tick at the range's end
 * can be lost to rounding. Anchors a few units in the last place away from a multiple of the
 * interval shift where that rounding lands. The first anchor giving every tick, none of them
 * "-0.0", wins; failing that, the first without "-0.0" (an end tick may then be missing).
 * Usually the first anchor does; at worst a few thousand additions.
 */
double tickAnchor(double min, double max, double interval, int decimals)
{
    const double expected
        = std::floor(max / interval + 1e-9) - std::ceil(min / interval - 1e-9) + 1;
    const double halfUnit = 0.5 * std::pow(10.0, -decimals);
    const auto clean = [&](double anchor, bool allTicks) {
        const QList<double> ticks = dynamicTicks(min, max, interval, anchor);
        if (allTicks ? ticks.size() != expected : ticks.size() < expected - 1)
            return false;
        for (double t : ticks) {
            if (t < 0 && std::fabs(t) < halfUnit) // prints as "-0.0"
                return false;
        }
        return true;
    };
    for (bool allTicks : { true, false }) {
        for (double base : { 0.0, std::ceil(min / interval - 1e-9) * interval,
                             std::floor(max / interval + 1e-9) * interval }) {
            double up = base;
            double down = base;
            for (int k = 0; k < 16; ++k) {
                if (clean(up, allTicks))
                    return up;
                if (clean(down, allTicks))
                    return down;
                up = std::nextafter(up, std::numeric_limits<double>::infinity());
                down = std::nextafter(down, -std::numeric_limits<double>::infinity());
            }
        }
    }
    return 0;
}

int decimalsFor(double step)
{
    return std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 12);
}

QString labelFormat(int decimals)
{
    return QStringLiteral("%.%1f").arg(decimals);
}

std::optional<Ticks> ticksFor(double min, double max, const TickCounts &counts,
                              double currentStep)
{
    const double span = max - min;
    if (!(span > 0) || !std::isfinite(span))
        return std::nullopt;
    double step = niceStep(span, counts.ticks);
    if (currentStep != step && currentStep >= niceStep(span, counts.most) * (1 - 1e-9)
        && currentStep <= niceStep(span, counts.fewest) * (1 + 1e-9))
        step = currentStep;
    // At least four labelled ticks on a narrow chart too (three charts side by side): the
    // next nice step down, 5 → 2 → 1, while the span holds fewer than four.
    while (span / step < 4 && step > span / 14) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
        const double mantissa = std::round(step / magnitude);
        step = mantissa >= 5 ? 2 * magnitude : mantissa >= 2 ? magnitude : 0.5 * magnitude;
    }
    const int decimals = decimalsFor(step);
    return Ticks { step, decimals, labelFormat(decimals), tickAnchor(min, max, step, decimals) };
}

} // namespace AxisTicks
