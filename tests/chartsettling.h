#pragma once

#include "chartwidget.h"
#include "mainwindow.h"
#include "plotchart.h"
#include "scenemodel.h"

/**
 * Whether the window's charts have settled after a change of their sizes: every shown chart is
 * laid out with no layout pass to come, and the scene is sampled for its plot area. That takes
 * several turns of the event loop: MainWindow applies new plot sizes once the loop is back
 * (rounded up to 32 px), the resample relabels the axes, and the charts lay out again. What tests
 * wait for after a resize instead of a fixed time.
 */
inline bool chartsSettled(const MainWindow &window)
{
    for (const ChartWidget *chart :
         { window.functionChart(), window.derivativeChart(), window.secondDerivativeChart() }) {
        if (chart->isHidden())
            continue;
        const QSize plot = chart->plotSize();
        if (plot.isEmpty() || !chart->chart()->isLayoutSettled())
            return false;
        for (int order : PlotChart::ordersOf(chart->content())) {
            const QSize sampled = window.scene()->plotSize(order);
            if (sampled.width() < plot.width() || sampled.width() >= plot.width() + 32
                || sampled.height() < plot.height() || sampled.height() >= plot.height() + 32)
                return false;
        }
    }
    return true;
}
