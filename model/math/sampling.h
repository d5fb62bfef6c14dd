#pragma once

#include "activationcatalogue.h"
#include "activationfunction.h"

#include <QList>
#include <QPointF>

/** torch.linspace(start, end, steps) in float64: steps points including both ends. */
QList<double> linspace(double start, double end, qsizetype steps);

/** A dot on a curve at a kink or jump: filled for the value PyTorch returns there, open for the
 * other side's limit. */
struct CurveMarker
{
    double x = 0;
    double y = 0;
    bool filled = true;

    /** Exact equality of position and kind. */
    bool operator==(const CurveMarker &o) const
    {
        return x == o.x && y == o.y && filled == o.filled;
    }
};

/** A plotted curve: finite pieces (polylines) that must not be joined, and the markers at jumps. */
struct PlotCurve
{
    QList<QList<QPointF>> pieces;
    QList<CurveMarker> markers;

    /** The number of points over all pieces. */
    qsizetype pointCount() const;
};

/** The visible window in data units and its size in pixels. */
struct PlotViewport
{
    double xMin = -6;
    double xMax = 6;
    double yMin = -1;
    double yMax = 1;
    int widthPx = 800;
    int heightPx = 600;
    double tolerancePx = 0.25;

    /** True when both ranges are finite and non-empty and the pixel size is positive. */
    bool isValid() const;
    /** Exact equality: a curve sampled for one viewport is valid for an equal one. */
    bool operator==(const PlotViewport &o) const
    {
        return xMin == o.xMin && xMax == o.xMax && yMin == o.yMin && yMax == o.yMax
                && widthPx == o.widthPx && heightPx == o.heightPx && tolerancePx == o.tolerancePx;
    }
    bool operator!=(const PlotViewport &o) const { return !(*this == o); }
    /** Pixels per x unit. */
    double xScale() const { return widthPx / (xMax - xMin); }
    /** Pixels per y unit. */
    double yScale() const { return heightPx / (yMax - yMin); }
};

/** The value of derivative `order` at a point x and its one-sided limits there. */
struct KinkValues
{
    double left = 0; ///< the limit from below, evaluated at the next double below x
    double value = 0; ///< what PyTorch returns at x (NaN where there is no derivative)
    double right = 0; ///< the limit from above, evaluated at the next double above x
};

/** Derivative `order` at x and on either side of it. */
KinkValues kinkValues(const ActivationSpec &spec, const ParameterValues &p, int order, double x);
KinkValues kinkValues(const ActivationFunction &fn, int order, double x);

/** The narrowest segment samplePlotCurve() still bisects, in pixels. */
constexpr double MinSegmentPx = 1.0 / 64.0;

/** Adaptive samples of derivative `order` (0 = f, 1 = f′, 2 = f″) over the viewport's x range. */
PlotCurve samplePlotCurve(const ActivationSpec &spec, const ParameterValues &p, int order,
                          const PlotViewport &view);
/** The same for an activation under an affine map. */
PlotCurve samplePlotCurve(const ActivationFunction &fn, int order, const PlotViewport &view);

/** The smallest and largest finite value of derivative `order` over [a, b] (a coarse pass plus the
 * kinks' values and one-sided limits), for automatic y axes; both NaN when none is finite. */
Interval valueRange(const ActivationSpec &spec, const ParameterValues &p, int order, double a,
                    double b);
Interval valueRange(const ActivationFunction &fn, int order, double a, double b);
