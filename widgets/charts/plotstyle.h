#pragma once

// Internal to aecharts: what PlotChart and its plot items (plotlanes.h, plotlegend.h) share in
// how they look.

#include <QColor>

namespace PlotStyle {

// Readable on a projector; multiplied by ChartAppearance::fontScale. Kept side by side so the
// sizes stay in proportion to one another.
constexpr qreal TitlePointSize = 14;
constexpr qreal LabelPointSize = 10.5;
constexpr qreal AxisTitlePointSize = 11;
constexpr qreal LegendPointSize = 10.5;
constexpr qreal CaptionPointSize = 9.5;

inline QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace PlotStyle
