#pragma once

// Internal to the widgets library: shared by SceneRenderer and ChartWidget::toImage().

#include "chartwidget.h"
#include "theme.h"

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

/** How the charts of an export show bands, when no on-screen chart lends its settings. */
struct PaintSettings
{
    bool bands = true;
    int focusRow = -1; ///< full-height bands and the top of the stack; −1: lanes only
    bool allBands = false;
    int maxOrder = 1; ///< raises the copy's derivative order
    ChartAppearance appearance;
    int legendRows = 0; ///< the least rows each legend takes
};

/**
 * Paints charts of scene into painter, each at its rect.
 *
 * Standalone QCharts in their own QGraphicsScene, laid out at once and re-sampled for their plot
 * area: a QChartView that was never shown draws axes but no curves, and its render() applies a
 * device pixel ratio twice. like (may be null) lends bands, focus, highlight, cursor and
 * appearance;
 * without it, settings say how bands show, with no highlight or cursor.
 */
void paintCharts(QPainter *painter, const SceneModel &scene, const QList<ChartPlacement> &charts,
                 const PlotChart *like, const PaintSettings &settings);

/** The most rows a legend of the charts takes, laid out as paintCharts() would, unpainted. */
int legendRows(const SceneModel &scene, const QList<ChartPlacement> &charts,
               const PaintSettings &settings);

} // namespace SceneRendererPrivate
