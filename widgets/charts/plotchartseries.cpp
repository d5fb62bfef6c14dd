#include "plotchart.h"

// PlotChart's series: made when first needed, stacked, styled and fed from the model. The rest
// of the chart (axes, layout, lanes, legend, band texture, description) is in plotchart.cpp.

#include "plotstyle.h"
#include "scenemodel.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

using PlotStyle::withAlpha;

constexpr qreal FilledMarkerSize = 8.0;
// Larger than a filled dot: where another function's dot sits on an open circle (relu's f′(0)
// on step's), the dot shows inside the ring. Open circles are also drawn under all dots.
constexpr qreal OpenMarkerSize = 12.0;
// One function's bands (the focus) may be stronger than bands for all, which pile up.
constexpr int ZeroAlpha = 150; // hatch lines cover an eighth of the area: they may be stronger
constexpr int SaturatedAlpha = 52;
constexpr int ZeroAlphaAll = 100;
constexpr int SaturatedAlphaAll = 34;
constexpr int ZeroVectorAlpha = 60;
constexpr int HighlightAlpha = 64;

QString orderPrime(int order)
{
    return order == 0 ? QStringLiteral("f")
        : order == 1  ? QStringLiteral("f′")
                      : QStringLiteral("f″");
}

} // namespace

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

bool PlotChart::isShown(const QAbstractSeries *series)
{
    return series && series->isVisible();
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
    s->setMarkerSize(FilledMarkerSize);
    m_needsRestack = true;
    return s;
}

QAreaSeries *PlotChart::newBand(bool withLower)
{
    auto *upper = new QLineSeries;
    auto *lower = withLower ? new QLineSeries : nullptr;
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area);
    if (lower)
        lower->setParent(area);
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
            if (s)
                retireSeries(s);
        }
    }
    // A new row has no series yet: ensureRowSeries() makes those it needs, when it needs them.
    while (m_rows.size() < count)
        m_rows.append(RowSeries());
}

void PlotChart::retireSeries(QAbstractSeries *series)
{
    // Qt Charts (6.4) keeps the graphics item of a removed series until its deferred deletion,
    // still connected to the series' private "updated" signal, and that signal sets the item's
    // visibility from the series'. restack() removes and re-adds series, so an item left from
    // it is shown again by the next pen or points change and, were the series deleted now,
    // painted with a dangling series (a crash in LineChartItem::paint that tst_monkey found).
    // So: hide the series, make every such item follow, and delete the series only later.
    const auto hideStaleItems = [](QAbstractSeries *s) {
        s->setVisible(false);
        if (auto *xy = qobject_cast<QXYSeries *>(s)) {
            xy->setPointsVisible(!xy->pointsVisible()); // each change emits "updated"
            xy->setPointsVisible(!xy->pointsVisible());
        } else if (auto *area = qobject_cast<QAreaSeries *>(s)) {
            area->setPointsVisible(!area->pointsVisible());
            area->setPointsVisible(!area->pointsVisible());
        }
    };
    hideStaleItems(series);
    if (auto *area = qobject_cast<QAreaSeries *>(series)) {
        for (QLineSeries *bound : {area->upperSeries(), area->lowerSeries()}) {
            if (bound)
                hideStaleItems(bound);
        }
    }
    if (series->chart())
        removeSeries(series);
    series->deleteLater();
}

void PlotChart::ensurePieces(CurveSlot &slot, int count)
{
    while (slot.pieces.size() < count) {
        QLineSeries *s = newLine();
        s->setVisible(false);
        slot.pieces.append(s);
    }
}

void PlotChart::ensureRowSeries(int row)
{
    // Every series costs Qt Charts a legend marker, kept in a graphics group whose bounding rect
    // it recomputes over all markers on each removal: a chart of many rows with every kind of
    // series made up front spent most of its time there. So a row gets a series only once it has
    // something to draw with it: a piece of curve, a dot at a kink, a band, a tangent.
    const SceneModel &model = *m_model;
    RowSeries &r = m_rows[row];
    const QList<int> orders = ordersOf(m_content);
    bool made = false;
    for (int slotIndex = 0; slotIndex < orders.size(); ++slotIndex) {
        const int order = orders[slotIndex];
        if (order > model.maxOrder())
            continue;
        CurveSlot &slot = r.orderSlots[slotIndex];
        const PlotCurve &curve = model.curve(row, order);
        const qsizetype pieces = slot.pieces.size();
        ensurePieces(slot, int(curve.pieces.size()));
        made = made || slot.pieces.size() != pieces;
        for (const CurveMarker &m : curve.markers) {
            QScatterSeries *&series = m.filled ? slot.filled : slot.open;
            if (!series) {
                series = newScatter();
                made = true;
            }
        }
    }
    if (!r.bands[0] && rowBandsShown(row)) {
        r.bands = { newBand(true), newBand(true) };
        made = true;
    }
    if (!r.tangent && m_cursorX && orders.contains(0) && model.function(row).visible) {
        r.tangent = newLine();
        r.tangent->setVisible(false);
        made = true;
    }
    if (made)
        r.styled = false; // the new series take the row's pens and names in styleRow()
}

bool PlotChart::rowBandsShown(int row) const
{
    return bandsShown() && m_model->function(row).visible
            && (m_allBands || row == effectiveFocus());
}

void PlotChart::restack()
{
    // Series paint in the order they were added: bands under curves, dots over them, the cursor
    // and tangents on top. Rows go in row order, each over the ones before, and the focused row
    // last, on top of all. Open circles go under every filled dot, so a dot (a value PyTorch
    // picks) is never hidden by another function's open circle at the same point. Re-adding all
    // series is cheaper than tracking stacking by hand, and happens only when a row or a curve
    // piece is added or the focus moves.
    const int focus = effectiveFocus();
    QList<const RowSeries *> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (row != focus)
            rows << &m_rows[row];
    }
    if (focus >= 0 && focus < m_rows.size())
        rows << &m_rows[focus];

    QList<QAbstractSeries *> order;
    for (const RowSeries *r : std::as_const(rows))
        order << r->bands[1] << r->bands[0];
    order << m_highlight;
    for (const RowSeries *r : std::as_const(rows)) {
        for (const CurveSlot &slot : r->orderSlots) {
            for (QLineSeries *s : slot.pieces)
                order << s;
        }
    }
    for (const RowSeries *r : std::as_const(rows)) {
        for (const CurveSlot &slot : r->orderSlots)
            order << slot.open;
    }
    for (const RowSeries *r : std::as_const(rows)) {
        for (const CurveSlot &slot : r->orderSlots)
            order << slot.filled;
    }
    for (const RowSeries *r : std::as_const(rows))
        order << r->tangent;
    order << m_cursor;
    order.removeAll(nullptr); // the series a row has not needed yet

    const QList<QAbstractSeries *> current = series();
    for (QAbstractSeries *s : current)
        removeSeries(s);
    for (QAbstractSeries *s : std::as_const(order)) {
        addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    m_needsRestack = false;
    m_stackedFocus = focus;
}

void PlotChart::styleRow(int row, const QString &label, const QColor &color)
{
    RowSeries &r = m_rows[row];
    const bool focused = row == effectiveFocus();
    if (r.styled && r.label == label && r.color == color && r.styledRow == row
        && r.styledFocus == focused)
        return;
    r.label = label;
    r.color = color;
    r.styledRow = row;
    r.styledFocus = focused;
    r.styled = true;

    const QList<int> orders = ordersOf(m_content);
    // Thick presentation lines would swallow the dots at kinks.
    const qreal markerScale = std::max(1.0, 0.375 * m_appearance.curveWidth);
    for (int slotIndex = 0; slotIndex < int(r.orderSlots.size()); ++slotIndex) {
        CurveSlot &slot = r.orderSlots[slotIndex];
        const bool dashed = m_content == ChartContent::Overlay && slotIndex == 1;
        QPen pen(color, focused ? m_appearance.focusedCurveWidth : m_appearance.curveWidth,
                 dashed ? Qt::DashLine : Qt::SolidLine, Qt::SquareCap, Qt::RoundJoin);
        // Plain text: the legend is ours and draws names as they are.
        QString name = label;
        if (slotIndex > 0 && slotIndex < orders.size())
            name = QStringLiteral("%1: %2").arg(orderPrime(orders[slotIndex]), name);
        for (QLineSeries *s : std::as_const(slot.pieces)) {
            s->setPen(pen);
            s->setName(name);
        }
        if (slot.filled) {
            slot.filled->setPen(QPen(color, 1.5));
            slot.filled->setBrush(color);
            slot.filled->setMarkerSize(FilledMarkerSize * markerScale);
            slot.filled->setName(name + tr(" (value at x)"));
        }
        if (slot.open) {
            slot.open->setPen(QPen(color, 2.0));
            slot.open->setBrush(m_appearance.plotBackground);
            slot.open->setMarkerSize(OpenMarkerSize * markerScale);
            slot.open->setName(name + tr(" (limit)"));
        }
    }

    // Zero: f′ is exactly 0, drawn as hatching that reads as "nothing here" even in grey print;
    // rows alternate the direction, so two zero bands over each other (all bands on) cross-hatch
    // instead of hiding one another. Saturated: merely small, a light wash.
    const QBrush zero(withAlpha(color, m_allBands ? ZeroAlphaAll : ZeroAlpha),
                      row % 2 ? Qt::FDiagPattern : Qt::BDiagPattern);
    r.bandBrushes
        = { zero, QBrush(withAlpha(color, m_allBands ? SaturatedAlphaAll : SaturatedAlpha)) };
    // SVG viewers disagree on pattern fills (Qt's own renderer drops them): vector bands mark
    // "zero" by a denser wash instead.
    const QBrush zeroVector(withAlpha(color, ZeroVectorAlpha));
    if (r.bands[0]) {
        r.bands[0]->setBrush(m_vectorBands ? zeroVector : QBrush(Qt::NoBrush));
        r.bands[1]->setBrush(m_vectorBands ? r.bandBrushes[1] : QBrush(Qt::NoBrush));
        for (QAreaSeries *band : r.bands)
            band->setPen(Qt::NoPen);
        r.bands[0]->setName(tr("%1: zero f′ = 0").arg(label));
        r.bands[1]->setName(tr("%1: saturated |f′| < ε").arg(label));
    }
    if (r.tangent) {
        r.tangent->setPen(QPen(color, 1.25 * markerScale, Qt::DashLine, Qt::FlatCap));
        r.tangent->setName(tr("%1: tangent").arg(label));
    }
}

void PlotChart::updateRow(int row)
{
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
            // The model keeps a row's curve (the same shared list) until it resamples that row,
            // so an unchanged piece compares equal at once and its series is left alone.
            if (s->points() != curve.pieces[i])
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

        QList<QPointF> filled;
        QList<QPointF> open;
        for (const CurveMarker &m : curve.markers)
            (m.filled ? filled : open).append(QPointF(m.x, m.y));
        for (auto [series, points] :
             { std::pair { slot.filled, &filled }, std::pair { slot.open, &open } }) {
            // A scatter with nothing to show is hidden, never emptied: Qt 6.4's scatter item
            // keeps the old points of a hidden series, and restyling it (setPen) then reads
            // point −1 of the empty series and crashes (XYChart::offGridStatusVector).
            if (points->isEmpty()) {
                if (series && series->isVisible())
                    series->setVisible(false);
                continue;
            }
            Q_ASSERT(series); // ensureRowSeries() made it
            if (series->points() != *points)
                series->replace(*points);
            if (!series->isVisible())
                series->setVisible(true);
        }
    }
}

void PlotChart::updateBands(int row, double yMin, double yMax)
{
    const SceneModel &model = *m_model;
    RowSeries &r = m_rows[row];
    const bool show = rowBandsShown(row);
    if (!r.bands[0])
        return; // never shown yet, so nothing to hide either
    std::array<QList<QPointF>, 2> points;
    std::array<QList<QPointF>, 2> floor;
    if (show) {
        for (const SaturationInterval &i : model.saturation(row).intervals) {
            const int k = i.kind == SaturationKind::Zero ? 0 : 1;
            points[k] << QPointF(i.from, yMin) << QPointF(i.from, yMax) << QPointF(i.to, yMax)
                      << QPointF(i.to, yMin);
            floor[k] << QPointF(i.from, yMin) << QPointF(i.from, yMin) << QPointF(i.to, yMin)
                     << QPointF(i.to, yMin);
        }
    }
    for (int k = 0; k < 2; ++k) {
        QAreaSeries *band = r.bands[k];
        const bool visible = !points[k].isEmpty();
        if (visible && band->upperSeries()->points() != points[k]) {
            band->upperSeries()->replace(points[k]);
            // Without a lower edge at the data's bottom, an area fills down to the plot's
            // bottom between intervals: over the lanes.
            band->lowerSeries()->replace(floor[k]);
        }
        if (band->isVisible() != visible)
            band->setVisible(visible);
    }
}

void PlotChart::updateHighlight()
{
    const SceneModel *model = m_model;
    bool visible = false;
    if (model && m_highlightRow >= 0 && m_highlightRow < model->rowCount()
        && m_content != ChartContent::SecondDerivative) {
        const FunctionInstance &fn = model->function(m_highlightRow);
        const QList<SaturationInterval> &intervals = model->saturation(m_highlightRow).intervals;
        if (fn.visible && m_highlightIndex >= 0 && m_highlightIndex < intervals.size()) {
            const SaturationInterval &i = intervals[m_highlightIndex];
            // Full height, through the lanes too: it points at its own piece of lane.
            const double yMin = m_axisY->min();
            const double yMax = m_axisY->max();
            const QList<QPointF> points {
                { i.from, yMin }, { i.from, yMax }, { i.to, yMax }, { i.to, yMin }
            };
            if (m_highlight->upperSeries()->points() != points)
                m_highlight->upperSeries()->replace(points);
            const QColor color = m_appearance.curveColor(fn.color);
            if (m_highlight->brush().color() != withAlpha(color, HighlightAlpha)) {
                m_highlight->setBrush(withAlpha(color, HighlightAlpha));
                m_highlight->setPen(QPen(color, 1.5));
            }
            m_highlight->setName(tr("%1: selected interval").arg(fn.label()));
            visible = true;
        }
    }
    if (m_highlight->isVisible() != visible)
        m_highlight->setVisible(visible);
}

void PlotChart::updateCursor()
{
    const SceneModel *model = m_model;
    const bool show
        = model && m_cursorX && *m_cursorX >= m_axisX->min() && *m_cursorX <= m_axisX->max();
    if (show) {
        const QList<QPointF> line { { *m_cursorX, m_axisY->min() },
                                    { *m_cursorX, m_axisY->max() } };
        if (m_cursor->points() != line)
            m_cursor->replace(line);
    }
    if (m_cursor->isVisible() != show)
        m_cursor->setVisible(show);

    const bool tangents = show && ordersOf(m_content).contains(0);
    if (tangents) {
        // The first time the cursor shows, the visible rows get their tangent series.
        for (int row = 0; row < m_rows.size() && row < model->rowCount(); ++row) {
            if (!m_rows[row].tangent && model->function(row).visible) {
                ensureRowSeries(row);
                const FunctionInstance &fn = model->function(row);
                styleRow(row, fn.label(), m_appearance.curveColor(fn.color));
            }
        }
        if (m_needsRestack)
            restack();
    }
    const double xMin = m_axisX->min();
    const double xMax = m_axisX->max();
    // Tangents stay out of the lanes' shelf.
    const double yMin = m_dataYMin;
    const double yMax = m_axisY->max();
    for (int row = 0; row < m_rows.size(); ++row) {
        QLineSeries *t = m_rows[row].tangent;
        if (!t)
            continue; // a row never shown with the cursor on has none to hide
        QList<QPointF> line;
        if (tangents && row < model->rowCount() && model->function(row).visible) {
            const FunctionInstance &fn = model->function(row);
            const double x0 = *m_cursorX;
            const Derivatives d = fn.at(x0); // with the row's affine map
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
}
