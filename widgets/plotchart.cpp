#include "plotchart.h"

#include "scenemodel.h"

#include <QAreaSeries>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr qreal CurveWidth = 2.0;
constexpr qreal MarkerSize = 9.0;
constexpr int ZeroAlpha = 100; // hatch lines cover an eighth of the area: they may be stronger
constexpr int SaturatedAlpha = 34;
constexpr int ZeroVectorAlpha = 56;
constexpr int HatchPeriod = 8; // px between hatch lines, as Qt's own diagonal patterns
constexpr int HighlightAlpha = 64;
const QColor Background(Qt::white);

/** Numbers as a person reads them: 3 significant digits and a real minus sign. */
QString readable(double v, int digits = 3)
{
    if (std::fabs(v) < 1e-12)
        v = 0; // no "−0" or "1e-17" for values that are zero up to rounding
    QString s = QString::number(v, 'g', digits);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

/** 1, 2 or 5 × 10^k: the smallest such step giving at most `ticks` intervals over span. */
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

/** The ticks Qt's TicksDynamic draws (qtcharts chartvalueaxisx.cpp): summed up from the first. */
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

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

QString orderPrime(int order)
{
    return order == 0 ? QStringLiteral("f")
        : order == 1  ? QStringLiteral("f′")
                      : QStringLiteral("f″");
}

} // namespace

PlotChart::PlotChart(QGraphicsItem *parent)
    : QChart(parent)
{
    // Live data: animations would lag behind the sliders and cost a frame each.
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setBackgroundBrush(Background);
    setMargins(QMargins(4, 4, 8, 4));
    // On the right, one entry a line: names with parameters stay whole, where a bottom row
    // would cut them short.
    legend()->setAlignment(Qt::AlignRight);
    legend()->setReverseMarkers(true);
    legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    // The legend changes far less often than the curves: repaint it from a pixmap.
    legend()->setCacheMode(QGraphicsItem::DeviceCoordinateCache);

    m_axisX = new QValueAxis(this);
    m_axisY = new QValueAxis(this);
    addAxis(m_axisX, Qt::AlignBottom);
    addAxis(m_axisY, Qt::AlignLeft);
    QFont titleFont = m_axisX->titleFont();
    titleFont.setBold(false);
    titleFont.setItalic(true);
    for (QValueAxis *axis : { m_axisX, m_axisY }) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setMinorTickCount(0);
        axis->setTitleFont(titleFont);
        axis->setGridLineColor(QColor(0xDD, 0xDD, 0xDD));
        axis->setLinePenColor(QColor(0x88, 0x88, 0x88));
        axis->setLabelsColor(QColor(0x33, 0x33, 0x33));
    }
    m_axisX->setTitleText(QStringLiteral("x"));
    m_axisX->setRange(-6, 6);
    m_axisY->setRange(-1, 1);

    m_highlight = newBand();
    m_cursor = newLine();
    m_cursor->setPen(QPen(QColor(0x44, 0x44, 0x44, 200), 1.0, Qt::SolidLine));
    m_cursor->setName(QStringLiteral("cursor"));
    m_cursor->setVisible(false);
    m_highlight->setVisible(false);
    m_needsRestack = true;

    // The tick step depends on the plot's pixel size: readable spacing at any window size.
    connect(this, &QChart::plotAreaChanged, this, &PlotChart::updateTicks);
    // The band texture is laid out in the plot area's pixels.
    connect(this, &QChart::plotAreaChanged, this, &PlotChart::updateBandTexture);
    setPlotAreaBackgroundPen(Qt::NoPen);
    setContent(m_content);
    refresh();
}

PlotChart::~PlotChart() = default;

void PlotChart::setModel(SceneModel *model)
{
    if (m_model == model)
        return;
    if (m_modelConnection)
        disconnect(m_modelConnection);
    m_model = model;
    if (m_model)
        m_modelConnection = connect(m_model, &SceneModel::recomputed, this, &PlotChart::refresh);
    refresh();
}

SceneModel *PlotChart::model() const
{
    return m_model;
}

void PlotChart::setContent(ChartContent content)
{
    const bool changed = content != m_content;
    m_content = content;
    m_axisY->setTitleText(content == ChartContent::Overlay
                              ? QStringLiteral("f(x) solid,  f′(x) dashed")
                              : valueName(content));
    if (changed) {
        for (RowSeries &r : m_rows)
            r.styled = false; // names and pens depend on the content
        refresh();
    }
}

void PlotChart::setBandsVisible(bool visible)
{
    if (visible == m_bandsVisible)
        return;
    m_bandsVisible = visible;
    refresh();
}

void PlotChart::setHighlightedInterval(int row, int index)
{
    if (row < 0 || index < 0)
        row = index = -1;
    if (row == m_highlightRow && index == m_highlightIndex)
        return;
    m_highlightRow = row;
    m_highlightIndex = index;
    if (m_model)
        updateHighlight(m_axisY->min(), m_axisY->max());
}

void PlotChart::setCursorX(std::optional<double> x)
{
    if (x && !std::isfinite(*x))
        x.reset();
    if (x == m_cursorX)
        return;
    m_cursorX = x;
    updateCursor(m_axisY->min(), m_axisY->max());
}

void PlotChart::copySettings(const PlotChart &other)
{
    m_bandsVisible = other.m_bandsVisible;
    m_highlightRow = other.m_highlightRow;
    m_highlightIndex = other.m_highlightIndex;
    m_cursorX = other.m_cursorX;
    if (m_content != other.m_content)
        setContent(other.m_content); // refreshes
    else
        refresh();
}

void PlotChart::layoutNow(const QSizeF &size)
{
    resize(size);
    // QGraphicsWidget lays out on a posted event; exports have no event loop turn to wait for.
    if (QGraphicsLayout *l = layout())
        l->activate();
    // The legend hides its entries from a series' arrival until its own layout runs.
    if (QGraphicsLayout *l = legend()->layout())
        l->activate();
}

QList<int> PlotChart::ordersOf(ChartContent content)
{
    switch (content) {
    case ChartContent::Function:
        return { 0 };
    case ChartContent::FirstDerivative:
        return { 1 };
    case ChartContent::SecondDerivative:
        return { 2 };
    case ChartContent::Overlay:
        return { 0, 1 };
    }
    return { 0 };
}

QString PlotChart::nameOf(ChartContent content)
{
    switch (content) {
    case ChartContent::Function:
        return QStringLiteral("f(x) chart");
    case ChartContent::FirstDerivative:
        return QStringLiteral("f′(x) chart");
    case ChartContent::SecondDerivative:
        return QStringLiteral("f″(x) chart");
    case ChartContent::Overlay:
        return QStringLiteral("f(x) and f′(x) chart");
    }
    return {};
}

QString PlotChart::valueName(ChartContent content)
{
    switch (content) {
    case ChartContent::Function:
        return QStringLiteral("f(x)");
    case ChartContent::FirstDerivative:
        return QStringLiteral("f′(x)");
    case ChartContent::SecondDerivative:
        return QStringLiteral("f″(x)");
    case ChartContent::Overlay:
        return QStringLiteral("f(x) and f′(x)");
    }
    return {};
}

QList<QLineSeries *> PlotChart::curveSeries(int row, int order) const
{
    const int slot = int(ordersOf(m_content).indexOf(order));
    if (row < 0 || row >= m_rows.size() || slot < 0)
        return {};
    const CurveSlot &s = m_rows[row].orderSlots[slot];
    return s.pieces.mid(0, s.used);
}

QScatterSeries *PlotChart::markerSeries(int row, int order, bool filled) const
{
    const int slot = int(ordersOf(m_content).indexOf(order));
    if (row < 0 || row >= m_rows.size() || slot < 0)
        return nullptr;
    const CurveSlot &s = m_rows[row].orderSlots[slot];
    return filled ? s.filled : s.open;
}

QAreaSeries *PlotChart::bandSeries(int row, SaturationKind kind) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return m_rows[row].bands[kind == SaturationKind::Zero ? 0 : 1];
}

QBrush PlotChart::bandBrush(int row, SaturationKind kind) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows[row].bandBrushes[kind == SaturationKind::Zero ? 0 : 1];
}

void PlotChart::setVectorBands(bool vector)
{
    if (vector == m_vectorBands)
        return;
    m_vectorBands = vector;
    for (RowSeries &r : m_rows)
        r.styled = false;
    m_textureKey.clear();
    refresh();
}

void PlotChart::setDevicePixelRatio(qreal ratio)
{
    if (!(ratio > 0) || ratio == m_devicePixelRatio)
        return;
    m_devicePixelRatio = ratio;
    updateBandTexture();
}

QList<QPair<double, double>> PlotChart::bandExtents(const QAreaSeries *band)
{
    QList<QPair<double, double>> extents;
    if (!band || !band->upperSeries() || !band->isVisible())
        return extents;
    const QList<QPointF> points = band->upperSeries()->points();
    // Each interval is four points: bottom-left, top-left, top-right, bottom-right.
    for (qsizetype i = 0; i + 3 < points.size(); i += 4)
        extents.append({ points[i].x(), points[i + 2].x() });
    return extents;
}

QLineSeries *PlotChart::tangentSeries(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].tangent : nullptr;
}

QLineSeries *PlotChart::newLine()
{
    auto *s = new QLineSeries(this);
    s->setPointsVisible(false);
    m_needsRestack = true;
    return s;
}

QScatterSeries *PlotChart::newScatter()
{
    auto *s = new QScatterSeries(this);
    s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    s->setMarkerSize(MarkerSize);
    m_needsRestack = true;
    return s;
}

QAreaSeries *PlotChart::newBand()
{
    auto *upper = new QLineSeries;
    auto *area = new QAreaSeries(upper);
    upper->setParent(area);
    area->setParent(this);
    area->setPen(Qt::NoPen);
    area->setVisible(false);
    m_needsRestack = true;
    return area;
}

void PlotChart::ensureRows(int count)
{
    while (m_rows.size() > count) {
        RowSeries r = m_rows.takeLast();
        QList<QAbstractSeries *> doomed;
        for (CurveSlot &slot : r.orderSlots) {
            for (QLineSeries *s : slot.pieces)
                doomed << s;
            doomed << slot.filled << slot.open;
        }
        doomed << r.bands[0] << r.bands[1] << r.tangent;
        for (QAbstractSeries *s : doomed) {
            if (!s)
                continue;
            m_legendSeries.remove(s);
            m_legendBrushes.remove(s);
            if (s->chart())
                removeSeries(s);
            delete s;
        }
    }
    while (m_rows.size() < count) {
        RowSeries r;
        for (CurveSlot &slot : r.orderSlots) {
            slot.filled = newScatter();
            slot.open = newScatter();
        }
        r.bands = { newBand(), newBand() };
        r.tangent = newLine();
        r.tangent->setVisible(false);
        m_rows.append(r);
    }
}

void PlotChart::ensurePieces(CurveSlot &slot, int count)
{
    while (slot.pieces.size() < count) {
        QLineSeries *s = newLine();
        s->setVisible(false);
        slot.pieces.append(s);
    }
}

void PlotChart::restack()
{
    // Series paint in the order they were added: bands under curves, dots over them, the cursor
    // and tangents on top. New series join rarely (a row, or a curve with more pieces), so
    // re-adding them all then is cheaper than tracking stacking by hand.
    // Rows go in backwards and the legend lists markers in reverse: the legend then reads curves
    // first, in row order, then bands, and the first row's curve is drawn on top.
    QList<QAbstractSeries *> order;
    for (auto r = m_rows.crbegin(); r != m_rows.crend(); ++r)
        order << r->bands[1] << r->bands[0];
    order << m_highlight;
    for (auto r = m_rows.crbegin(); r != m_rows.crend(); ++r) {
        for (auto slot = r->orderSlots.crbegin(); slot != r->orderSlots.crend(); ++slot) {
            for (auto s = slot->pieces.crbegin(); s != slot->pieces.crend(); ++s)
                order << *s;
        }
    }
    for (auto r = m_rows.crbegin(); r != m_rows.crend(); ++r) {
        for (const CurveSlot &slot : r->orderSlots)
            order << slot.filled << slot.open;
    }
    for (auto r = m_rows.crbegin(); r != m_rows.crend(); ++r)
        order << r->tangent;
    order << m_cursor;

    const QList<QAbstractSeries *> current = series();
    for (QAbstractSeries *s : current)
        removeSeries(s);
    for (QAbstractSeries *s : std::as_const(order)) {
        addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    m_needsRestack = false;
}

void PlotChart::styleRow(int row, const QString &label, const QColor &color)
{
    RowSeries &r = m_rows[row];
    if (r.styled && r.label == label && r.color == color && r.styledRow == row)
        return;
    r.label = label;
    r.color = color;
    r.styledRow = row;
    r.styled = true;

    const QList<int> orders = ordersOf(m_content);
    for (int slotIndex = 0; slotIndex < int(r.orderSlots.size()); ++slotIndex) {
        CurveSlot &slot = r.orderSlots[slotIndex];
        const bool dashed = m_content == ChartContent::Overlay && slotIndex == 1;
        QPen pen(color, CurveWidth, dashed ? Qt::DashLine : Qt::SolidLine, Qt::SquareCap,
                 Qt::RoundJoin);
        // Legend labels are HTML: names are escaped ("<" would open a tag and vanish).
        QString name = label.toHtmlEscaped();
        if (slotIndex > 0 && slotIndex < orders.size())
            name = QStringLiteral("%1: %2").arg(orderPrime(orders[slotIndex]), name);
        for (QLineSeries *s : std::as_const(slot.pieces)) {
            s->setPen(pen);
            s->setName(name);
        }
        slot.filled->setPen(QPen(color, 1.5));
        slot.filled->setBrush(color);
        slot.filled->setName(name + QStringLiteral(" (value at x)"));
        slot.open->setPen(QPen(color, 2.0));
        slot.open->setBrush(Background);
        slot.open->setName(name + QStringLiteral(" (limit)"));
    }

    // Zero: f′ is exactly 0, drawn as hatching that reads as "nothing here" even in grey print;
    // rows alternate the direction, so two zero bands over each other cross-hatch instead of
    // hiding one another. Saturated: merely small, a light wash.
    const QBrush zero(withAlpha(color, ZeroAlpha), row % 2 ? Qt::FDiagPattern : Qt::BDiagPattern);
    r.bandBrushes = { zero, QBrush(withAlpha(color, SaturatedAlpha)) };
    // SVG viewers disagree on pattern fills (Qt's own renderer drops them): vector bands mark
    // "zero" by a denser wash instead.
    const QBrush zeroVector(withAlpha(color, ZeroVectorAlpha));
    r.bands[0]->setBrush(m_vectorBands ? zeroVector : QBrush(Qt::NoBrush));
    r.bands[1]->setBrush(m_vectorBands ? r.bandBrushes[1] : QBrush(Qt::NoBrush));
    for (QAreaSeries *band : r.bands)
        band->setPen(Qt::NoPen);
    r.bands[0]->setName(QStringLiteral("%1: zero f′ = 0").arg(label.toHtmlEscaped()));
    r.bands[1]->setName(QStringLiteral("%1: saturated |f′| &lt; ε").arg(label.toHtmlEscaped()));
    // Legend swatches: the band's own tint is too faint to see at 12 px.
    m_legendBrushes.insert(
        r.bands[0], m_vectorBands ? QBrush(withAlpha(color, 200)) : QBrush(color, zero.style()));
    m_legendBrushes.insert(r.bands[1], QBrush(withAlpha(color, 110)));

    r.tangent->setPen(QPen(color, 1.25, Qt::DashLine, Qt::FlatCap));
    r.tangent->setName(QStringLiteral("%1: tangent").arg(label.toHtmlEscaped()));
}

void PlotChart::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!m_paused && m_stale)
        refresh();
}

void PlotChart::refresh()
{
    if (m_paused) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_model) {
        clearAll();
        return;
    }
    const SceneModel &model = *m_model;
    const int rows = model.rowCount();
    ensureRows(rows);

    const QList<int> orders = ordersOf(m_content);
    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -yMin;
    for (int order : orders) {
        Interval y = order <= model.maxOrder() ? model.yRange(order) : Interval { -1, 1 };
        if (!(std::isfinite(y.from) && std::isfinite(y.to) && y.from < y.to))
            y = { -1, 1 };
        yMin = std::min(yMin, y.from);
        yMax = std::max(yMax, y.to);
    }

    // Make room in the pools first, so a restack happens before any data is handed over.
    for (int row = 0; row < rows; ++row) {
        for (int slot = 0; slot < orders.size(); ++slot) {
            const int order = orders[slot];
            if (order <= model.maxOrder())
                ensurePieces(m_rows[row].orderSlots[slot],
                             int(model.curve(row, order).pieces.size()));
        }
    }
    for (int row = 0; row < rows; ++row) {
        const FunctionInstance &fn = model.function(row);
        styleRow(row, fn.label(), fn.color);
    }
    if (m_needsRestack)
        restack();

    // Axes first: a range change makes every series recompute its geometry, and the empty or
    // unchanged ones are cheap; then each series gets its new points once.
    updateAxes(model.xMin(), model.xMax(), yMin, yMax);
    for (int row = 0; row < rows; ++row) {
        updateRow(row, yMin, yMax);
        updateBands(row, yMin, yMax);
    }
    updateBandTexture();
    updateHighlight(yMin, yMax);
    updateCursor(yMin, yMax);
    syncLegend();
    updateDescription();
    emit refreshed();
}

void PlotChart::clearAll()
{
    ensureRows(0);
    if (m_needsRestack)
        restack();
    updateBandTexture();
    m_highlight->setVisible(false);
    m_cursor->setVisible(false);
    syncLegend();
    updateDescription();
    emit refreshed();
}

void PlotChart::updateAxes(double xMin, double xMax, double yMin, double yMax)
{
    if (m_axisX->min() != xMin || m_axisX->max() != xMax)
        m_axisX->setRange(xMin, xMax);
    if (m_axisY->min() != yMin || m_axisY->max() != yMax)
        m_axisY->setRange(yMin, yMax);
    updateTicks();
}

void PlotChart::updateTicks()
{
    const QRectF area = plotArea();
    // At most one label per 60 px across and 40 px up; before the first layout, a typical chart.
    const double xTicks = area.width() > 10 ? std::clamp(area.width() / 60, 2.0, 14.0) : 8;
    const double yTicks = area.height() > 10 ? std::clamp(area.height() / 40, 2.0, 20.0) : 6;
    const auto apply = [](QValueAxis *axis, double maxTicks) {
        const double span = axis->max() - axis->min();
        if (!(span > 0) || !std::isfinite(span))
            return;
        const double step = niceStep(span, maxTicks);
        if (axis->tickInterval() != step)
            axis->setTickInterval(step);
        // Enough decimals for the step and no more: 0.5 → "%.1f", 2 → "%.0f".
        const int decimals = std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 12);
        const QString format = QStringLiteral("%.%1f").arg(decimals);
        if (axis->labelFormat() != format)
            axis->setLabelFormat(format);
        const double anchor = tickAnchor(axis->min(), axis->max(), step, decimals);
        if (axis->tickAnchor() != anchor)
            axis->setTickAnchor(anchor);
    };
    apply(m_axisX, xTicks);
    apply(m_axisY, yTicks);
}

void PlotChart::updateRow(int row, double yMin, double yMax)
{
    Q_UNUSED(yMin)
    Q_UNUSED(yMax)
    const SceneModel &model = *m_model;
    RowSeries &r = m_rows[row];
    const FunctionInstance &fn = model.function(row);
    const QList<int> orders = ordersOf(m_content);
    for (int slotIndex = 0; slotIndex < int(r.orderSlots.size()); ++slotIndex) {
        CurveSlot &slot = r.orderSlots[slotIndex];
        static const PlotCurve none;
        const int order = slotIndex < orders.size() ? orders[slotIndex] : -1;
        const PlotCurve &curve = order >= 0 && order <= model.maxOrder() && fn.visible
            ? model.curve(row, order)
            : none;
        const int pieces = int(curve.pieces.size());
        for (int i = 0; i < pieces; ++i) {
            QLineSeries *s = slot.pieces[i];
            s->replace(curve.pieces[i]);
            if (!s->isVisible())
                s->setVisible(true);
        }
        for (int i = pieces; i < slot.used; ++i) {
            QLineSeries *s = slot.pieces[i];
            s->replace(QList<QPointF>());
            s->setVisible(false);
        }
        slot.used = pieces;
        // One entry per function: in the overlay the axis title says which line is f′.
        for (int i = 0; i < slot.pieces.size(); ++i) {
            if (i == 0 && pieces > 0 && slotIndex == 0)
                m_legendSeries.insert(slot.pieces[i]);
            else
                m_legendSeries.remove(slot.pieces[i]);
        }

        QList<QPointF> filled;
        QList<QPointF> open;
        for (const CurveMarker &m : curve.markers)
            (m.filled ? filled : open).append(QPointF(m.x, m.y));
        for (auto [series, points] :
             { std::pair { slot.filled, &filled }, std::pair { slot.open, &open } }) {
            if (series->points() != *points)
                series->replace(*points);
            const bool show = !points->isEmpty();
            if (series->isVisible() != show)
                series->setVisible(show);
        }
    }
}

void PlotChart::updateBands(int row, double yMin, double yMax)
{
    const SceneModel &model = *m_model;
    RowSeries &r = m_rows[row];
    const FunctionInstance &fn = model.function(row);
    const bool show = m_bandsVisible && fn.visible && m_content != ChartContent::SecondDerivative;
    std::array<QList<QPointF>, 2> points;
    if (show) {
        for (const SaturationInterval &i : model.saturation(row).intervals) {
            QList<QPointF> &p = points[i.kind == SaturationKind::Zero ? 0 : 1];
            p << QPointF(i.from, yMin) << QPointF(i.from, yMax) << QPointF(i.to, yMax)
              << QPointF(i.to, yMin);
        }
    }
    for (int k = 0; k < 2; ++k) {
        QAreaSeries *band = r.bands[k];
        const bool visible = !points[k].isEmpty();
        if (visible && band->upperSeries()->points() != points[k])
            band->upperSeries()->replace(points[k]);
        if (band->isVisible() != visible)
            band->setVisible(visible);
        if (visible)
            m_legendSeries.insert(band);
        else
            m_legendSeries.remove(band);
    }
}

void PlotChart::updateHighlight(double yMin, double yMax)
{
    const SceneModel *model = m_model;
    bool visible = false;
    if (model && m_highlightRow >= 0 && m_highlightRow < model->rowCount()
        && m_content != ChartContent::SecondDerivative) {
        const FunctionInstance &fn = model->function(m_highlightRow);
        const QList<SaturationInterval> &intervals = model->saturation(m_highlightRow).intervals;
        if (fn.visible && m_highlightIndex >= 0 && m_highlightIndex < intervals.size()) {
            const SaturationInterval &i = intervals[m_highlightIndex];
            const QList<QPointF> points {
                { i.from, yMin }, { i.from, yMax }, { i.to, yMax }, { i.to, yMin }
            };
            if (m_highlight->upperSeries()->points() != points)
                m_highlight->upperSeries()->replace(points);
            if (m_highlight->brush().color() != withAlpha(fn.color, HighlightAlpha)) {
                m_highlight->setBrush(withAlpha(fn.color, HighlightAlpha));
                m_highlight->setPen(QPen(fn.color, 1.5));
            }
            m_highlight->setName(
                QStringLiteral("%1: selected interval").arg(fn.label().toHtmlEscaped()));
            visible = true;
        }
    }
    if (m_highlight->isVisible() != visible)
        m_highlight->setVisible(visible);
    syncLegend();
}

void PlotChart::updateCursor(double yMin, double yMax)
{
    const SceneModel *model = m_model;
    const bool show
        = model && m_cursorX && *m_cursorX >= m_axisX->min() && *m_cursorX <= m_axisX->max();
    if (show) {
        const QList<QPointF> line { { *m_cursorX, yMin }, { *m_cursorX, yMax } };
        if (m_cursor->points() != line)
            m_cursor->replace(line);
    }
    if (m_cursor->isVisible() != show)
        m_cursor->setVisible(show);

    const bool tangents = show && ordersOf(m_content).contains(0);
    const double xMin = m_axisX->min();
    const double xMax = m_axisX->max();
    for (int row = 0; row < m_rows.size(); ++row) {
        QLineSeries *t = m_rows[row].tangent;
        QList<QPointF> line;
        if (tangents && row < model->rowCount() && model->function(row).visible) {
            const FunctionInstance &fn = model->function(row);
            const double x0 = *m_cursorX;
            const Derivatives d = fn.spec->at(x0, fn.parameters);
            const double m = d.d1;
            if (std::isfinite(d.f) && std::isfinite(m)) {
                // The part of y = f(x0) + m (x − x0) inside the view, so no segment reaches far
                // outside the plot (the chart would still clip, but huge coordinates cost).
                double a = xMin;
                double b = xMax;
                if (m != 0) {
                    const double t1 = x0 + (yMin - d.f) / m;
                    const double t2 = x0 + (yMax - d.f) / m;
                    a = std::max(a, std::min(t1, t2));
                    b = std::min(b, std::max(t1, t2));
                } else if (d.f < yMin || d.f > yMax) {
                    b = a - 1;
                }
                if (a < b)
                    line = { { a, d.f + m * (a - x0) }, { b, d.f + m * (b - x0) } };
            }
        }
        if (t->points() != line)
            t->replace(line);
        const bool visible = !line.isEmpty();
        if (t->isVisible() != visible)
            t->setVisible(visible);
    }
    syncLegend();
}

void PlotChart::syncLegend()
{
    // Qt shows a marker for every series and re-shows it whenever its series becomes visible:
    // keep one entry per curve and per band kind, none for extra pieces, dots or helpers.
    const QList<QLegendMarker *> markers = legend()->markers();
    for (QLegendMarker *marker : markers) {
        // Always set: isVisible() also reads false while Qt hides the whole legend until its
        // next layout, so it cannot tell whether this marker was hidden on purpose.
        marker->setVisible(marker->series() && marker->series()->isVisible()
                           && m_legendSeries.contains(marker->series()));
        const auto brush = m_legendBrushes.constFind(marker->series());
        if (brush != m_legendBrushes.cend() && marker->brush() != *brush) {
            // A shape of its own: "from series" would draw the series' faint brush instead.
            marker->setShape(QLegend::MarkerShapeRectangle);
            marker->setBrush(*brush);
            marker->setPen(QPen(brush->color(), 1));
        }
    }
}

void PlotChart::updateDescription()
{
    QString text;
    const SceneModel *model = m_model;
    if (!model) {
        text = QStringLiteral("No scene.");
    } else {
        QStringList names;
        QStringList zero;
        QStringList saturated;
        for (int row = 0; row < model->rowCount(); ++row) {
            const FunctionInstance &fn = model->function(row);
            if (!fn.visible)
                continue;
            names << fn.label();
            QStringList z;
            QStringList s;
            for (const SaturationInterval &i : model->saturation(row).intervals) {
                const QString range
                    = QStringLiteral("%1 to %2").arg(readable(i.from), readable(i.to));
                (i.kind == SaturationKind::Zero ? z : s) << range;
            }
            if (!z.isEmpty())
                zero << QStringLiteral("%1 %2").arg(fn.label(), z.join(QStringLiteral(", ")));
            if (!s.isEmpty())
                saturated << QStringLiteral("%1 %2").arg(fn.label(), s.join(QStringLiteral(", ")));
        }
        const QString what = names.isEmpty() ? QStringLiteral("No functions shown")
                                             : names.join(QStringLiteral(", "));
        text = QStringLiteral("%1 on x from %2 to %3, %4 from %5 to %6")
                   .arg(what, readable(model->xMin()), readable(model->xMax()),
                        valueName(m_content), readable(m_axisY->min()), readable(m_axisY->max()));
        if (m_bandsVisible && m_content != ChartContent::SecondDerivative && !names.isEmpty()) {
            text += saturated.isEmpty()
                ? QStringLiteral("; no saturated bands")
                : QStringLiteral("; saturated bands (|f′| < %1): %2")
                      .arg(readable(model->epsilon()), saturated.join(QStringLiteral("; ")));
            text += zero.isEmpty()
                ? QStringLiteral("; no zero bands")
                : QStringLiteral("; zero bands (f′ = 0): %1").arg(zero.join(QStringLiteral("; ")));
        }
        text += QLatin1Char('.');
    }
    m_description = text;
}

void PlotChart::updateBandTexture()
{
    const QRectF area = plotArea();
    const double xMin = m_axisX->min();
    const double xMax = m_axisX->max();
    const qreal dpr = m_devicePixelRatio;
    const int width = int(std::ceil(area.width() * dpr));

    // The texture depends on the bands, their colours, the range and the plot's pixels only.
    QList<double> key { area.left(), area.top(), area.width(), dpr, xMin, xMax };
    struct Layer
    {
        double from, to;
        QColor color;
        int pattern; // 0: solid, 1: "/" hatch, -1: "\\" hatch
    };
    QList<Layer> layers;
    if (!m_vectorBands && m_model && width > 0 && xMax > xMin) {
        // Painted as the series would be: the last row first, so the first row ends on top.
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            const RowSeries &r = m_rows[row];
            for (int k = 1; k >= 0; --k) {
                if (!r.bands[k]->isVisible())
                    continue;
                const QBrush &brush = r.bandBrushes[k];
                const int pattern = brush.style() == Qt::BDiagPattern ? 1
                    : brush.style() == Qt::FDiagPattern               ? -1
                                                                      : 0;
                for (const auto &[from, to] : bandExtents(r.bands[k])) {
                    layers.append({ from, to, brush.color(), pattern });
                    key << from << to << brush.color().rgba() << pattern;
                }
            }
        }
    }
    if (key == m_textureKey)
        return;
    m_textureKey = key;
    if (layers.isEmpty()) {
        setPlotAreaBackgroundVisible(false);
        return;
    }

    // One period of hatching high, the plot wide, opaque: the brush repeats it downwards.
    const int period = std::max(1, int(std::lround(HatchPeriod * dpr)));
    const int thickness = std::max(1, int(std::lround(dpr)));
    QImage tile(width, period, QImage::Format_RGB32);
    tile.fill(Background);
    const double xPerPixel = (xMax - xMin) / (area.width() * dpr);
    for (const Layer &layer : std::as_const(layers)) {
        // Columns whose centre lies in the band.
        const int first = std::max(0, int(std::ceil((layer.from - xMin) / xPerPixel - 0.5)));
        const int last = std::min(width - 1, int(std::floor((layer.to - xMin) / xPerPixel - 0.5)));
        const int a = layer.color.alpha();
        const int cr = layer.color.red() * a;
        const int cg = layer.color.green() * a;
        const int cb = layer.color.blue() * a;
        for (int y = 0; y < period; ++y) {
            auto *line = reinterpret_cast<QRgb *>(tile.scanLine(y));
            for (int x = first; x <= last; ++x) {
                if (layer.pattern != 0) {
                    // "/" runs up to the right: x + y constant (y grows downwards).
                    const int phase = layer.pattern > 0 ? (x + y) % period
                                                        : ((x - y) % period + period) % period;
                    if (phase >= thickness)
                        continue;
                }
                const QRgb p = line[x];
                line[x] = qRgb((qRed(p) * (255 - a) + cr) / 255, (qGreen(p) * (255 - a) + cg) / 255,
                               (qBlue(p) * (255 - a) + cb) / 255);
            }
        }
    }
    tile.setDevicePixelRatio(dpr);
    QBrush brush(tile);
    brush.setTransform(QTransform::fromTranslate(area.left(), area.top()));
    setPlotAreaBackgroundBrush(brush);
    setPlotAreaBackgroundVisible(true);
}
