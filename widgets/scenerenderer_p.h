#pragma once

// Internal to the widgets library: shared by SceneRenderer and ChartWidget::toImage().

#include "chartwidget.h"

#include <QList>
#include <QRectF>

class PlotChart;
class QPainter;
class SceneModel;

namespace SceneRendererPrivate {

/** One chart of an export and where it goes, in the painter's logical coordinates. */
struct ChartPlacement
{
    ChartContent content = ChartContent::Function;
    QRectF rect;
};

/**
 * Paints charts of scene into painter, each at its rect.
 *
 * Standalone QCharts in their own QGraphicsScene, laid out at once and re-sampled for their plot
 * area: a QChartView that was never shown draws axes but no curves, and its render() applies a
 * device pixel ratio twice. settings (may be null) gives bands, highlight and cursor; without it,
 * bands are on and there is no highlight or cursor. maxOrder raises the copy's derivative order.
 */
void paintCharts(QPainter *painter, const SceneModel &scene, const QList<ChartPlacement> &charts,
                 const PlotChart *settings, bool bands, int maxOrder);

} // namespace SceneRendererPrivate
