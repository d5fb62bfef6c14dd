#pragma once

// Where an axis' ticks go and how their labels read, as plain arithmetic: no Qt Charts here, so
// the choice is tested on numbers alone and PlotChart only hands the result to its QValueAxis.

#include <QList>
#include <QString>

#include <optional>

namespace AxisTicks {

/** 1, 2 or 5 × 10^k: the smallest such step giving at most `ticks` intervals over span. */
double niceStep(double span, double ticks);

/** At most one x label per 60 px at the normal text size (more with larger text). */
double xTickCount(double plotWidth, double fontScale);

/** At most one y label per 40 px at the normal text size (more with larger text: Qt Charts cuts
 * a label that is taller than the gap between ticks to "..."). */
double yTickCount(double plotHeight, double fontScale);

/** How many intervals an axis may show: `ticks` for its size now; a step already in use stays
 * while it suits any size between the sizes giving `fewest` and `most`. */
struct TickCounts
{
    double ticks = 0;
    double fewest = 0;
    double most = 0;
};

struct PlotTickCounts
{
    TickCounts x;
    TickCounts y;
};

/** The tick counts for a plot area of width × height px (a typical chart before the first
 * layout, when either is 10 px or less). */
PlotTickCounts tickCounts(double plotWidth, double plotHeight, double fontScale);

/** The ticks Qt's TicksDynamic draws (qtcharts chartvalueaxisx.cpp): summed up from the first. */
QList<double> dynamicTicks(double min, double max, double interval, double anchor);

/**
 * A tick anchor whose ticks Qt labels cleanly (no "-0.0", no end tick lost to rounding); see
 * axisticks.cpp.
 */
double tickAnchor(double min, double max, double interval, int decimals);

/** Enough decimals for step and no more: 0.5 → 1, 2 → 0 (at most 12). */
int decimalsFor(double step);

/** The printf format of labels with that many decimals: 1 → "%.1f". */
QString labelFormat(int decimals);

/** What a QValueAxis with TicksDynamic needs: interval, label format and anchor. */
struct Ticks
{
    double step = 0;
    int decimals = 0;
    QString labelFormat;
    double anchor = 0;
};

/**
 * The ticks for an axis over [min, max] allowed `counts`, where currentStep is the interval the
 * axis has now (kept when it still suits, so a size near a threshold does not bounce between
 * two layouts). At least four labelled ticks where the counts allow up to 14. std::nullopt for a
 * span that is empty or not finite.
 */
std::optional<Ticks> ticksFor(double min, double max, const TickCounts &counts,
                              double currentStep);

} // namespace AxisTicks
