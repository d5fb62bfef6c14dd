#include "sampling.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

QList<double> linspace(double start, double end, qsizetype steps)
{
    QList<double> result;
    if (steps <= 0)
        return result;
    result.reserve(steps);
    if (steps == 1) {
        result.append(start);
        return result;
    }
    // PyTorch's formula: the first half counts up from start, the second down from end, so both
    // ends are exact and a range symmetric about 0 gives exactly opposite values.
    const double step = (end - start) / double(steps - 1);
    const qsizetype halfway = steps / 2;
    for (qsizetype i = 0; i < steps; ++i)
        result.append(i < halfway ? start + step * double(i) : end - step * double(steps - 1 - i));
    return result;
}

qsizetype PlotCurve::pointCount() const
{
    qsizetype count = 0;
    for (const QList<QPointF> &piece : pieces)
        count += piece.size();
    return count;
}

bool PlotViewport::isValid() const
{
    return std::isfinite(xMax - xMin) && xMax > xMin && std::isfinite(yMax - yMin) && yMax > yMin
        && widthPx > 0 && heightPx > 0 && tolerancePx > 0 && std::isfinite(tolerancePx);
}

KinkValues kinkValues(const ActivationSpec &spec, const ParameterValues &p, int order, double x)
{
    return kinkValues(ActivationFunction(spec, p), order, x);
}

KinkValues kinkValues(const ActivationFunction &fn, int order, double x)
{
    constexpr double Inf = std::numeric_limits<double>::infinity();
    KinkValues result;
    result.left = fn.at(std::nextafter(x, -Inf)).order(order);
    result.value = fn.at(x).order(order);
    result.right = fn.at(std::nextafter(x, Inf)).order(order);
    return result;
}

namespace {

// A grid of this many cells, at least, starts every piece, so that refinement sees narrow
// features; about one cell per GridCellPx pixels for wide pieces (with 50 px cells, gelu's dip
// hid between two grid points in a [−40, 40] view).
constexpr int MinGridCells = 16;
constexpr int MaxGridCells = 256;
constexpr double GridCellPx = 25.0;
// Probes at 1/4, 1/2 and 3/4 underestimate the chord's worst error where the curvature changes
// across the segment (the error then peaks off-centre; tst_sampling's 20 probes per segment find
// up to 8 % more), so refinement aims below the tolerance.
constexpr double AcceptFraction = 0.75;
// Bisection halves the width each level; the minimum width stops it long before this.
constexpr int MaxDepth = 64;

/** The distance of probes from the chord of a segment, and whether they all lie off-window. */
class ChordCheck
{
public:
    ChordCheck(double x0, double y0, double x1, double y1, double low, double high)
        : m_x0(x0)
        , m_y0(y0)
        , m_slope((y1 - y0) / (x1 - x0))
        , m_low(low)
        , m_high(high)
        , m_finite(std::isfinite(y0) && std::isfinite(y1))
        , m_above(y0 > high && y1 > high)
        , m_below(y0 < low && y1 < low)
    {
    }

    void add(double x, double y)
    {
        m_finite = m_finite && std::isfinite(y);
        m_above = m_above && y > m_high;
        m_below = m_below && y < m_low;
        m_worst = std::max(m_worst, std::abs(y - (m_y0 + m_slope * (x - m_x0))));
    }

    /** True when the chord may stand for the curve: finite, off-window, or close enough. */
    bool accepts(double yScale, double tolerancePx) const
    {
        return m_finite && (m_above || m_below || m_worst * yScale <= tolerancePx);
    }

private:
    double m_x0;
    double m_y0;
    double m_slope;
    double m_low;
    double m_high;
    double m_worst = 0;
    bool m_finite;
    bool m_above;
    bool m_below;
};

/** Samples one curve piece by piece into a PlotCurve. */
class CurveSampler
{
public:
    CurveSampler(const ActivationFunction &fn, int order, const PlotViewport &view, PlotCurve &curve)
        : m_fn(fn)
        , m_order(order)
        , m_xScale(view.xScale())
        , m_yScale(view.yScale())
        , m_acceptPx(AcceptFraction * view.tolerancePx)
        , m_low(view.yMin - view.tolerancePx / view.yScale())
        , m_high(view.yMax + view.tolerancePx / view.yScale())
        , m_minWidth(std::max(MinSegmentPx / view.xScale(),
                              8 * std::numeric_limits<double>::epsilon()
                                  * std::max(std::abs(view.xMin), std::abs(view.xMax))))
        , m_curve(curve)
    {
    }

    double value(double x) const { return m_fn.at(x).order(m_order); }

    /** Ends the current piece and starts a new one at (x, y). */
    void startPiece(double x, double y)
    {
        closePiece();
        appendPoint(x, y);
    }

    /** Samples (x0, x1]; (x0, y0) is already the last point, y1 is the value to end on. */
    void sampleInterval(double x0, double y0, double x1, double y1)
    {
        const double widthPx = (x1 - x0) * m_xScale;
        int cells = MinGridCells;
        while (cells < MaxGridCells && cells * GridCellPx < widthPx)
            cells *= 2;
        while (cells > 2 && widthPx / cells < 4 * MinSegmentPx)
            cells /= 2;

        m_gridX[0] = x0;
        m_gridY[0] = y0;
        const double width = x1 - x0;
        for (int i = 1; i < cells; ++i) {
            m_gridX[i] = x0 + width * (double(i) / cells);
            m_gridY[i] = value(m_gridX[i]);
        }
        m_gridX[cells] = x1;
        m_gridY[cells] = y1;

        // Depth first over halves of the grid; a run of two cells goes on to bisection.
        struct Run
        {
            int from;
            int to;
        };
        std::array<Run, 16> stack;
        int top = 0;
        stack[top++] = { 0, cells };
        while (top > 0) {
            const Run run = stack[--top];
            if (run.to - run.from == 2) {
                const int mid = run.from + 1;
                refine(m_gridX[run.from], m_gridY[run.from], m_gridX[mid], m_gridY[mid],
                       m_gridX[run.to], m_gridY[run.to]);
                continue;
            }
            ChordCheck check(m_gridX[run.from], m_gridY[run.from], m_gridX[run.to], m_gridY[run.to],
                             m_low, m_high);
            for (int i = run.from + 1; i < run.to; ++i)
                check.add(m_gridX[i], m_gridY[i]);
            if (check.accepts(m_yScale, m_acceptPx)) {
                appendPoint(m_gridX[run.to], m_gridY[run.to]);
                continue;
            }
            const int mid = (run.from + run.to) / 2;
            stack[top++] = { mid, run.to };
            stack[top++] = { run.from, mid };
        }
    }

    void finish() { closePiece(); }

private:
    struct Segment
    {
        double x0, y0, xm, ym, x1, y1;
        int depth;
    };

    void refine(double x0, double y0, double xm, double ym, double x1, double y1)
    {
        int top = 0;
        m_stack[top++] = { x0, y0, xm, ym, x1, y1, 0 };
        while (top > 0) {
            const Segment s = m_stack[--top];
            const double xq1 = s.x0 + 0.5 * (s.xm - s.x0);
            const double xq3 = s.xm + 0.5 * (s.x1 - s.xm);
            const bool tooNarrow = s.x1 - s.x0 <= m_minWidth || s.depth >= MaxDepth
                || !(xq1 > s.x0 && xq1 < s.xm && xq3 > s.xm && xq3 < s.x1);
            if (tooNarrow) {
                // Never draw across a non-finite value, however narrow the gap.
                if (!std::isfinite(s.ym))
                    closePiece();
                appendPoint(s.x1, s.y1);
                continue;
            }
            const double q1 = value(xq1);
            const double q3 = value(xq3);
            ChordCheck check(s.x0, s.y0, s.x1, s.y1, m_low, m_high);
            check.add(xq1, q1);
            check.add(s.xm, s.ym);
            check.add(xq3, q3);
            if (check.accepts(m_yScale, m_acceptPx)) {
                appendPoint(s.x1, s.y1);
                continue;
            }
            m_stack[top++] = { s.xm, s.ym, xq3, q3, s.x1, s.y1, s.depth + 1 };
            m_stack[top++] = { s.x0, s.y0, xq1, q1, s.xm, s.ym, s.depth + 1 };
        }
    }

    void appendPoint(double x, double y)
    {
        if (!std::isfinite(y)) {
            closePiece();
            return;
        }
        if (m_piece.isEmpty())
            m_piece.reserve(256);
        m_piece.append(QPointF(x, y));
    }

    void closePiece()
    {
        // A lone point draws nothing: a polyline needs two.
        if (m_piece.size() >= 2)
            m_curve.pieces.append(std::move(m_piece));
        m_piece = QList<QPointF>();
    }

    const ActivationFunction &m_fn;
    int m_order;
    double m_xScale;
    double m_yScale;
    double m_acceptPx;
    double m_low;
    double m_high;
    double m_minWidth;
    PlotCurve &m_curve;
    QList<QPointF> m_piece;
    std::array<double, MaxGridCells + 1> m_gridX;
    std::array<double, MaxGridCells + 1> m_gridY;
    std::array<Segment, MaxDepth + 2> m_stack;
};

/** Whether two values are one height on screen. */
struct ScreenTolerance
{
    double yScale;
    double tolerancePx;

    bool same(double a, double b) const
    {
        return std::isfinite(a) && std::isfinite(b) && std::abs(a - b) * yScale <= tolerancePx;
    }
};

/** True when the curve runs through PyTorch's value at the kink with no visible step. */
bool continuousAt(const KinkValues &values, bool hasLeft, bool hasRight,
                  const ScreenTolerance &screen)
{
    return std::isfinite(values.value) && (!hasLeft || screen.same(values.left, values.value))
        && (!hasRight || screen.same(values.right, values.value));
}

/** The dots at a kink where the curve is not continuous. */
void addKinkMarkers(QList<CurveMarker> &markers, double k, const KinkValues &values, bool hasLeft,
                    bool hasRight, const ScreenTolerance &screen)
{
    if (std::isfinite(values.value))
        markers.append({ k, values.value, true });
    const bool leftOpen
        = hasLeft && std::isfinite(values.left) && !screen.same(values.left, values.value);
    const bool rightOpen
        = hasRight && std::isfinite(values.right) && !screen.same(values.right, values.value);
    if (leftOpen)
        markers.append({ k, values.left, false });
    // Both sides at one height (a hole, like the step's f′ at 0) get one open dot.
    if (rightOpen && !(leftOpen && screen.same(values.left, values.right)))
        markers.append({ k, values.right, false });
}

} // namespace

PlotCurve samplePlotCurve(const ActivationSpec &spec, const ParameterValues &p, int order,
                          const PlotViewport &view)
{
    return samplePlotCurve(ActivationFunction(spec, p), order, view);
}

PlotCurve samplePlotCurve(const ActivationFunction &fn, int order, const PlotViewport &view)
{
    PlotCurve curve;
    if (!fn.spec().evaluate || order < 0 || order > 2 || !view.isValid())
        return curve;

    CurveSampler sampler(fn, order, view, curve);
    const ScreenTolerance screen { view.yScale(), view.tolerancePx };

    // The kinks split the range into intervals, each sampled on its own, so that every kink is
    // a sample and the curve is cut where it jumps.
    const QList<double> kinks = fn.kinks(view.xMin, view.xMax);
    double x0 = view.xMin;
    double y0 = sampler.value(x0);
    bool newPiece = true;
    for (const double k : kinks) {
        if (!(k >= view.xMin && k <= view.xMax))
            continue;
        const bool hasLeft = k > view.xMin;
        const bool hasRight = k < view.xMax;
        if (hasLeft && k <= x0)
            continue;
        const KinkValues values = kinkValues(fn, order, k);
        const bool continuous = continuousAt(values, hasLeft, hasRight, screen);
        if (!continuous)
            addKinkMarkers(curve.markers, k, values, hasLeft, hasRight, screen);
        if (hasLeft) {
            if (newPiece)
                sampler.startPiece(x0, y0);
            sampler.sampleInterval(x0, y0, k, continuous ? values.value : values.left);
        }
        x0 = k;
        y0 = continuous ? values.value : values.right;
        newPiece = !continuous || !hasLeft;
    }
    if (x0 < view.xMax) {
        if (newPiece)
            sampler.startPiece(x0, y0);
        sampler.sampleInterval(x0, y0, view.xMax, sampler.value(view.xMax));
    }
    sampler.finish();
    return curve;
}

Interval valueRange(const ActivationSpec &spec, const ParameterValues &p, int order, double a,
                    double b)
{
    return valueRange(ActivationFunction(spec, p), order, a, b);
}

Interval valueRange(const ActivationFunction &fn, int order, double a, double b)
{
    constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    if (!fn.spec().evaluate || order < 0 || order > 2 || !std::isfinite(a) || !std::isfinite(b))
        return { NaN, NaN };
    if (a > b)
        std::swap(a, b);

    const auto value = [&](double x) { return fn.at(x).order(order); };
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const auto include = [&](double y) {
        if (std::isfinite(y)) {
            low = std::min(low, y);
            high = std::max(high, y);
        }
    };

    constexpr int Cells = 128;
    const double width = b - a;
    const double h = width / Cells;
    double y2 = NaN; // two samples back
    double y1 = NaN; // the previous sample
    for (int i = 0; i <= Cells; ++i) {
        const double x = i == Cells ? b : a + width * (double(i) / Cells);
        const double y = value(x);
        include(y);
        // A sample above (or below) both neighbours brackets an extremum: successive parabolic
        // interpolation, twice, takes it to near full precision for a handful of evaluations.
        const bool peak = y1 > y2 && y1 >= y;
        const bool trough = y1 < y2 && y1 <= y;
        if (i >= 2 && (peak || trough) && std::isfinite(y)) {
            double centre = x - h;
            double step = h;
            double yl = y2;
            double yc = y1;
            double yr = y;
            for (int iteration = 0;; ++iteration) {
                const double curvature = yl - 2 * yc + yr;
                const double offset = 0.5 * step * (yl - yr) / curvature;
                if (!(std::abs(offset) < step))
                    break;
                centre += offset;
                yc = value(centre);
                include(yc);
                step /= 16;
                if (iteration == 1 || centre - step < a || centre + step > b)
                    break;
                yl = value(centre - step);
                yr = value(centre + step);
                include(yl);
                include(yr);
            }
        }
        y2 = y1;
        y1 = y;
    }

    for (const double k : fn.kinks(a, b)) {
        const KinkValues kv = kinkValues(fn, order, k);
        include(kv.value);
        if (k > a)
            include(kv.left);
        if (k < b)
            include(kv.right);
    }
    if (low > high)
        return { NaN, NaN };
    return { low, high };
}
