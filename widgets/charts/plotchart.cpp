#include "plotchart.h"

#include <QScopedValueRollback>

#include "axisticks.h"
#include "numbertext.h"
#include "plotaxes.h"
#include "plotbands.h"
#include "plotlanes.h"
#include "plotlegend.h"
#include "plotpoints.h"
#include "plotstyle.h"
#include "scenemodel.h"

#include <QAreaSeries>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

using AxisTicks::dynamicTicks;
using AxisTicks::niceStep;
using AxisTicks::yTickCount;

// Room around the legend under the plot (plotlegend.h), and the chart's margins.
constexpr qreal LegendSide = 8; // px free left and right of the legend
constexpr qreal LegendBottom = 6; // px under the legend
constexpr int BaseMargin = 4;
constexpr qreal TitleGap = 6; // under the chart's title

/** Numbers as a person reads them: 3 significant digits and a real minus sign. */
QString readable(double v, int digits = 3)
{
    if (std::fabs(v) < 1e-12)
        v = 0; // no "−0" or "1e-17" for values that are zero up to rounding
    QString s = QString::number(v, 'g', digits);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

/**
 * Sets an axis' range without a tick storm: Qt Charts draws every tick of TicksDynamic at once,
 * an item each, so a range a million times wider than the last one with the old interval still
 * set (a loss at a huge logit) made millions of items and hung (found by tst_monkey). The
 * interval is widened first; updateTicks() then chooses the real one.
 */
void setAxisRange(QValueAxis *axis, double min, double max)
{
    constexpr double MaxTicks = 200;
    // Qt Charts steps to its first tick from a whole number of intervals below the range: with
    // an end near ±1.8e308 that step overflows to −inf, and its minor-tick loop (+= interval
    // from −inf) never ends (tst_monkey seed 218: y data to 8e306, the lanes' shelf below it
    // reaching −1.7e308). The axis shows at most ±1e307; data beyond runs off the plot.
    constexpr double Reach = 1e307;
    min = std::clamp(min, -Reach, Reach);
    max = std::clamp(max, -Reach, Reach);
    const double span = max - min;
    // Qt Charts' domain and axis set each other's range without end (a stack overflow) when the
    // span overflows, [−1e308, 1e308] say, or is lost in rounding: keep the last range then.
    if (!std::isfinite(span) || !(span > 1e-12 * std::max(std::fabs(min), std::fabs(max))))
        return;
    if (axis->tickType() == QValueAxis::TicksDynamic
        && !(span / axis->tickInterval() <= MaxTicks))
        axis->setTickInterval(niceStep(span, 10));
    axis->setRange(min, max);
}

/** Hands the ticks AxisTicks chooses to axis, touching only what changed. */
void applyTicks(QValueAxis *axis, const AxisTicks::TickCounts &counts)
{
    const std::optional<AxisTicks::Ticks> ticks
        = AxisTicks::ticksFor(axis->min(), axis->max(), counts, axis->tickInterval());
    if (!ticks)
        return;
    if (axis->tickInterval() != ticks->step)
        axis->setTickInterval(ticks->step);
    if (axis->labelFormat() != ticks->labelFormat)
        axis->setLabelFormat(ticks->labelFormat);
    if (axis->tickAnchor() != ticks->anchor)
        axis->setTickAnchor(ticks->anchor);
}

/** What PlotChartAxes paints for axis: its range, ticks, labels (with a real minus) and title. */
PlotChartAxes::Axis axisOf(const QValueAxis &axis)
{
    PlotChartAxes::Axis a;
    a.min = axis.min();
    a.max = axis.max();
    a.title = axis.titleText();
    if (axis.tickInterval() > 0)
        a.ticks = dynamicTicks(a.min, a.max, axis.tickInterval(), axis.tickAnchor());
    const QByteArray format = axis.labelFormat().toLatin1();
    for (double t : std::as_const(a.ticks)) {
        QString text = QString::asprintf(format.constData(), t);
        text.replace(QLatin1Char('-'), QChar(0x2212));
        a.labels << text;
    }
    return a;
}

} // namespace

PlotChart::PlotChart(QGraphicsItem *parent)
    : QChart(parent)
{
    // Live data: animations would lag behind the sliders and cost a frame each.
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setMargins(QMargins(BaseMargin, BaseMargin, 2 * BaseMargin, BaseMargin));
    // Our own legend goes under the plot, wrapping: Qt's attached legend truncates a bottom row,
    // and on the right it took a third of the width.
    legend()->hide();
    m_legend = new PlotChartLegend(m_appearance, this);
    m_bandItem = new PlotChartBands(this);
    m_bandItem->setVisible(false);
    m_lanes = new PlotChartLanes(m_appearance, this);
    m_laneCaption = new PlotChartLaneCaption(m_appearance, this);
    m_laneCaption->setVisible(false);
    m_points = new PlotChartPoints(m_appearance, this);
    m_points->setVisible(false);
    connect(this, &QGraphicsWidget::geometryChanged, this, &PlotChart::onGeometryChanged);

    m_axisX = new QValueAxis(this);
    m_axisY = new QValueAxis(this);
    addAxis(m_axisX, Qt::AlignBottom);
    addAxis(m_axisY, Qt::AlignLeft);
    for (QValueAxis *axis : { m_axisX, m_axisY }) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setMinorTickCount(0);
        // A number cut to "..." tells nothing; the tick steps already keep labels apart.
        axis->setTruncateLabels(false);
        // The axes are the model; m_axes paints them (plotaxes.h says why). Hidden from the
        // start, Qt Charts never lays out their labels.
        axis->setVisible(false);
    }
    m_axes = new PlotChartAxes(this);
    // Our own title, like the axes: Qt's is cut to the width inside the margins, which now hold
    // the axes' labels; this one may use the chart's whole width.
    m_titleItem = new QGraphicsSimpleTextItem(this);
    m_titleItem->setZValue(5);
    m_axisX->setTitleText(QStringLiteral("x"));
    m_axisX->setRange(-6, 6);
    m_axisY->setRange(-1, 1);

    m_highlight = newBand();
    m_cursor = newLine();
    m_cursor->setName(QStringLiteral("cursor"));
    m_cursor->setVisible(false);
    m_highlight->setVisible(false);
    m_needsRestack = true;

    // Ticks, the room kept for the lanes, the band texture and the lanes all depend on the plot's
    // pixel size.
    connect(this, &QChart::plotAreaChanged, this, &PlotChart::onPlotAreaChanged);
    setPlotAreaBackgroundPen(Qt::NoPen);
    applyAppearance();
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
    m_axisY->setTitleText(content == ChartContent::Overlay ? tr("f(x) solid,  f′(x) dashed")
                                                           : valueName(content));
    updateAxesItem();
    if (m_titleText != titleOf(content)) {
        m_titleText = titleOf(content);
        layoutTitle();
    }
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

void PlotChart::setFocusRow(int row)
{
    row = std::max(row, -1);
    if (row == m_focusRow)
        return;
    m_focusRow = row;
    refresh(); // restyles and restacks the rows whose focus changed
}

void PlotChart::setAllBands(bool all)
{
    if (all == m_allBands)
        return;
    m_allBands = all;
    for (RowSeries &r : m_rows)
        r.styled = false; // lighter bands when they pile up
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
        updateHighlight();
}

void PlotChart::setCursorX(std::optional<double> x)
{
    if (x && !std::isfinite(*x))
        x.reset();
    if (x == m_cursorX)
        return;
    m_cursorX = x;
    updateCursor();
}

void PlotChart::setPointsVisible(bool visible)
{
    if (visible == m_pointsVisible)
        return;
    m_pointsVisible = visible;
    updatePoints();
}

int PlotChart::pointMarkerAt(const QPointF &pos) const
{
    return m_points->isVisible() ? m_points->markerAt(pos) : -1;
}

QString PlotChart::pointToolTipAt(const QPointF &pos) const
{
    return pointsTextAt(pointMarkerAt(pos));
}

QString PlotChart::pointsTextAt(int index) const
{
    if (index < 0 || index >= m_pointMarkers.size())
        return {};
    // Markers drawn on top of each other (relu's kink and silu's zero at the origin) speak
    // together, the one asked for first.
    QStringList texts { m_pointMarkers[index].text };
    const QPointF at = m_pointMarkers[index].position;
    for (int i = 0; i < m_pointMarkers.size(); ++i) {
        if (i != index && QLineF(m_pointMarkers[i].position, at).length() < 1.5)
            texts << m_pointMarkers[i].text;
    }
    return texts.join(QStringLiteral("\n\n"));
}

void PlotChart::setPinnedPoint(int index)
{
    if (index < 0 || index >= m_pointMarkers.size())
        index = -1;
    m_points->setPinned(index, pointsTextAt(index));
}

int PlotChart::pinnedPoint() const
{
    return m_points->pinned();
}

QRectF PlotChart::pinnedPointRect() const
{
    return m_points->pinnedRect();
}

void PlotChart::updatePoints()
{
    m_pointMarkers.clear();
    const SceneModel *model = m_model;
    if (model && m_pointsVisible) {
        const QList<int> orders = ordersOf(m_content);
        const bool withF = orders.contains(0);
        const bool withGrad = orders.contains(1);
        for (int row = 0; row < model->rowCount() && (withF || withGrad); ++row) {
            const FunctionInstance &fn = model->function(row);
            if (!fn.visible)
                continue;
            const QChar f = fn.map.isIdentity() ? QLatin1Char('f') : QLatin1Char('g');
            const QColor color = m_appearance.curveColor(fn.color);
            for (const PointOfInterest &p :
                 findPointsOfInterest(fn.function(), model->xMin(), model->xMax())) {
                const bool kink = p.kind == PointKind::Kink;
                const auto add = [&](int order, double y) {
                    if (!std::isfinite(y))
                        return;
                    PointMarker m { row, p.kind, order, p.x, y, {}, {}, color };
                    m.text = tr("%1: %2\nx = %3\n%4 = %5")
                                 .arg(fn.label(), pointKindDisplayName(p.kind),
                                      NumberText::display(p.x),
                                      order == 0 ? QStringLiteral("%1(x)").arg(f)
                                                 : QStringLiteral("%1\u2032(x)").arg(f),
                                      NumberText::display(y));
                    m_pointMarkers.append(m);
                };
                if (withF && p.kind != PointKind::GradientPeak)
                    add(0, p.y);
                if (withGrad && (p.kind == PointKind::GradientPeak || kink))
                    add(1, p.grad);
            }
        }
    }
    layoutPoints();
}

void PlotChart::layoutPoints()
{
    const QRectF area = plotArea();
    const double xMin = m_axisX->min();
    const double xMax = m_axisX->max();
    const double yMin = m_axisY->min();
    const double yMax = m_axisY->max();
    const bool show = !m_pointMarkers.isEmpty() && area.width() > 0 && area.height() > 0
        && xMax > xMin && yMax > yMin;
    QList<PlotChartPoints::Marker> markers;
    if (show) {
        markers.reserve(m_pointMarkers.size());
        for (PointMarker &m : m_pointMarkers) {
            m.position = QPointF(area.left() + (m.x - xMin) / (xMax - xMin) * area.width(),
                                 area.top() + (yMax - m.y) / (yMax - yMin) * area.height());
            // The model may have changed since (a paused chart): what was computed is drawn.
            markers.append({ m.kind, m.position, m.color });
        }
    }
    const int pinned = m_points->pinned();
    m_points->set(markers, area);
    // A pinned label follows its marker through resizes and refreshes, its text too.
    if (pinned >= 0)
        m_points->setPinned(pinned < markers.size() ? pinned : -1, pointsTextAt(pinned));
    if (m_points->isVisible() != show)
        m_points->setVisible(show);
}

void PlotChart::copySettings(const PlotChart &other)
{
    m_bandsVisible = other.m_bandsVisible;
    m_pointsVisible = other.m_pointsVisible;
    m_focusRow = other.m_focusRow;
    if (m_allBands != other.m_allBands) {
        m_allBands = other.m_allBands;
        for (RowSeries &r : m_rows)
            r.styled = false;
    }
    m_highlightRow = other.m_highlightRow;
    m_highlightIndex = other.m_highlightIndex;
    m_cursorX = other.m_cursorX;
    if (m_appearance != other.m_appearance) {
        m_appearance = other.m_appearance;
        applyAppearance();
    }
    if (m_content != other.m_content)
        setContent(other.m_content); // refreshes
    else
        refresh();
}

void PlotChart::setAppearance(const ChartAppearance &appearance)
{
    if (appearance == m_appearance)
        return;
    m_appearance = appearance;
    applyAppearance();
    refresh();
}

void PlotChart::applyAppearance()
{
    const ChartAppearance &a = m_appearance;
    setBackgroundBrush(a.background);
    QFont title;
    title.setPointSizeF(PlotStyle::TitlePointSize * a.fontScale);
    title.setBold(true);
    // QChart's own title stays empty (layoutTitle()), its font and brush say how ours looks.
    setTitleFont(title);
    setTitleBrush(a.text);
    m_titleItem->setFont(title);
    m_titleItem->setBrush(a.text);
    layoutTitle();

    QFont titleFont = m_axisX->titleFont();
    titleFont.setBold(false);
    titleFont.setItalic(true);
    titleFont.setPointSizeF(PlotStyle::AxisTitlePointSize * a.fontScale);
    QFont labelFont = m_axisX->labelsFont();
    labelFont.setPointSizeF(PlotStyle::LabelPointSize * a.fontScale);
    for (QValueAxis *axis : { m_axisX, m_axisY }) {
        axis->setTitleFont(titleFont);
        axis->setTitleBrush(a.text);
        axis->setLabelsFont(labelFont);
        axis->setLabelsColor(a.labels);
    }
    applyRulePens();
    m_cursor->setPen(QPen(a.cursor, std::max(1.0, 0.5 * a.curveWidth), Qt::SolidLine));
    m_legend->setFontScale(a.fontScale);
    m_laneCaption->setFontScale(a.fontScale);
    m_lanes->update();
    for (RowSeries &r : m_rows)
        r.styled = false;
    m_textureKey.clear(); // its background colour
    layoutLegend();
}

void PlotChart::applyRulePens()
{
    // One pixel wide. At a device pixel ratio of 1 that is the hairline pen (width 0), which is
    // also the fast one: a grid line of width 1 recomputes its stroked outline
    // (QGraphicsLineItem::boundingRect) whenever the axes move, and takes the stroker to paint.
    const qreal width = m_devicePixelRatio > 1 ? 1.0 : 0.0;
    for (QValueAxis *axis : { m_axisX, m_axisY }) {
        axis->setGridLinePen(QPen(m_appearance.grid, width));
        axis->setLinePen(QPen(m_appearance.axis, width));
    }
    updateAxesItem();
}

void PlotChart::layoutNow(const QSizeF &size)
{
    resize(size);
    layoutLegend(); // also when the size did not change
    // QGraphicsWidget lays out on a posted event; exports have no event loop turn to wait for.
    // The new plot area can change the y labels' width, so the margins: a second pass then.
    if (QGraphicsLayout *l = layout()) {
        for (int pass = 0; pass < 3 && !l->isActivated(); ++pass)
            l->activate();
    }
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
        return tr("f(x) chart");
    case ChartContent::FirstDerivative:
        return tr("f′(x) chart");
    case ChartContent::SecondDerivative:
        return tr("f″(x) chart");
    case ChartContent::Overlay:
        return tr("f(x) and f′(x) chart");
    }
    return {};
}

QString PlotChart::titleOf(ChartContent content)
{
    switch (content) {
    case ChartContent::Function:
        return tr("f(x)");
    case ChartContent::FirstDerivative:
        return tr("f′(x) — the gradient");
    case ChartContent::SecondDerivative:
        return tr("f″(x)");
    case ChartContent::Overlay:
        return tr("f(x) and f′(x)");
    }
    return {};
}

QString PlotChart::valueName(ChartContent content)
{
    switch (content) {
    case ChartContent::Function:
        return tr("f(x)");
    case ChartContent::FirstDerivative:
        return tr("f′(x)");
    case ChartContent::SecondDerivative:
        return tr("f″(x)");
    case ChartContent::Overlay:
        return tr("f(x) and f′(x)");
    }
    return {};
}

QStringList PlotChart::legendTexts() const
{
    QStringList texts;
    for (const LegendEntry &e : m_legendEntries)
        texts << e.text;
    return texts;
}

QStringList PlotChart::legendDrawnTexts() const
{
    return m_legend->drawnTexts();
}

QString PlotChart::legendToolTip() const
{
    return m_legend->toolTip();
}

QRectF PlotChart::legendRect() const
{
    return m_legend->mapRectToParent(m_legend->boundingRect());
}

QList<int> PlotChart::laneRows() const
{
    QList<int> rows;
    if (m_lanes->isVisible()) {
        for (const PlotChartLanes::Lane &lane : m_lanes->lanes())
            rows << lane.row;
    }
    return rows;
}

QRectF PlotChart::laneRect(int row) const
{
    const int index = int(laneRows().indexOf(row));
    return index < 0 ? QRectF() : m_lanes->mapRectToParent(m_lanes->laneRect(index));
}

QList<QPair<double, double>> PlotChart::laneExtents(int row, SaturationKind kind) const
{
    const int index = int(laneRows().indexOf(row));
    if (index < 0)
        return {};
    return m_lanes->lanes()[index].extents[kind == SaturationKind::Zero ? 0 : 1];
}

void PlotChart::setVectorBands(bool vector)
{
    if (vector == m_vectorBands)
        return;
    m_vectorBands = vector;
    for (RowSeries &r : m_rows)
        r.styled = false;
    m_textureKey.clear();
    m_legend->setVector(vector);
    refresh();
}

void PlotChart::setDevicePixelRatio(qreal ratio)
{
    if (!(ratio > 0) || ratio == m_devicePixelRatio)
        return;
    m_devicePixelRatio = ratio;
    applyRulePens();
    updateBandTexture();
    updateLanes();
}

QImage PlotChart::bandTexture() const
{
    return m_bandItem->isVisible() ? m_bandItem->tile() : QImage();
}

bool PlotChart::isBandTextureVisible() const
{
    return m_bandItem->isVisible();
}

QRectF PlotChart::bandTextureRect() const
{
    return m_bandItem->rect();
}

int PlotChart::effectiveFocus() const
{
    const SceneModel *model = m_model;
    return model && m_focusRow >= 0 && m_focusRow < model->rowCount()
            && model->function(m_focusRow).visible
        ? m_focusRow
        : -1;
}

bool PlotChart::bandsShown() const
{
    // Saturation is about f′: nothing to mark on an f″ chart.
    return m_bandsVisible && m_content != ChartContent::SecondDerivative;
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
    for (int row = 0; row < rows; ++row)
        ensureRowSeries(row);
    for (int row = 0; row < rows; ++row) {
        const FunctionInstance &fn = model.function(row);
        styleRow(row, fn.label(), m_appearance.curveColor(fn.color));
    }
    if (m_needsRestack || m_stackedFocus != effectiveFocus())
        restack();

    // Axes first: a range change makes every series recompute its geometry, and the empty or
    // unchanged ones are cheap; then each series gets its new points once.
    updateAxes(model.xMin(), model.xMax(), yMin, yMax);
    for (int row = 0; row < rows; ++row) {
        updateRow(row);
        updateBands(row, yMin, yMax);
    }
    updateBandTexture();
    updateLanes();
    updatePoints();
    updateHighlight();
    updateCursor();
    updateLegend();
    updateDescription();
    emit refreshed();
}

void PlotChart::clearAll()
{
    ensureRows(0);
    if (m_needsRestack)
        restack();
    updateBandTexture();
    updateLanes();
    updatePoints();
    m_highlight->setVisible(false);
    m_cursor->setVisible(false);
    updateLegend();
    updateDescription();
    emit refreshed();
}

void PlotChart::updateAxes(double xMin, double xMax, double yMin, double yMax)
{
    // Qt Charts recurses without end on a range that is empty or not finite (NaN never equals
    // itself, so every "changed?" check says yes): keep the last good x range, and show a unit
    // y range rather than none.
    if (!(std::isfinite(xMin) && std::isfinite(xMax) && xMin < xMax))
        return;
    // So does a span that overflows or drowns in rounding (setAxisRange()).
    if (!(std::isfinite(yMin) && std::isfinite(yMax) && yMin < yMax)
        || !std::isfinite(yMax - yMin)
        || !(yMax - yMin > 1e-12 * std::max(std::fabs(yMin), std::fabs(yMax)))) {
        yMin = -1.0;
        yMax = 1.0;
    }
    if (m_axisX->min() != xMin || m_axisX->max() != xMax)
        changeAxisRange(m_axisX, xMin, xMax);
    m_dataYMin = yMin;
    m_dataYMax = yMax;
    updateYRange();
    updateTicks();
}

double PlotChart::laneZoneHeight() const
{
    int lanes = 0;
    if (m_model && bandsShown()) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            lanes += m_model->function(row).visible;
    }
    // Before the first layout, a typical plot's height.
    const qreal height = plotArea().height() > 20 ? plotArea().height() : 400;
    return laneGeometry(lanes, height).zone;
}

void PlotChart::updateYRange()
{
    // The y axis reaches below the data by the lanes' height in pixels: the lanes get a shelf
    // of their own, where no curve runs (a flat saturated tail lies right at the data's bottom).
    const double zone = laneZoneHeight();
    const qreal height = plotArea().height() > 20 ? plotArea().height() : 400;
    double low = m_dataYMin;
    if (zone > 0 && height > zone) {
        low = m_dataYMin - zone * (m_dataYMax - m_dataYMin) / (height - zone);
        // The caption hides tick labels beside the lanes, but one centred on the plot's bottom
        // edge would stick out under it: reach a little further down, so that it lies inside.
        const double unitsPerPixel = (m_dataYMax - low) / height;
        const double half = 0.5 * QFontMetricsF(m_axisY->labelsFont()).height() * unitsPerPixel;
        const double step = niceStep(m_dataYMax - low, yTickCount(height, m_appearance.fontScale));
        const double tick = std::ceil(low / step - 1e-9) * step;
        if (tick <= low + half)
            low = tick - 1.25 * half;
    }
    if (!std::isfinite(low) || !(low < m_dataYMax))
        low = m_dataYMin;
    if (m_axisY->min() != low || m_axisY->max() != m_dataYMax)
        changeAxisRange(m_axisY, low, m_dataYMax);
}

void PlotChart::changeAxisRange(QValueAxis *axis, double min, double max)
{
    const QScopedValueRollback<bool> guard(m_changingAxis, true);
    setAxisRange(axis, min, max);
}

void PlotChart::onPlotAreaChanged()
{
    // The y range depends on the plot's height (room for the lanes), and the range's labels on
    // the y axis change the plot's width: a range that toggles a label's width would bounce
    // between two layouts for ever. One adjustment per layout change, no re-entry.
    if (m_adjustingPlotArea || m_changingAxis) {
        // The texture, the lanes and the markers still follow the plot (none changes the layout).
        updateBandTexture();
        updateLanes();
        layoutPoints();
        // A new layout in the middle of an axis' setRange() (refresh() moved the axes): that
        // axis is still handing its range to the series' domains, one after the other, and a
        // range set now would be undone by the domains still to come, which hand the old one
        // back and lay out again: Qt Charts 6.4 then bounces the two ranges until the stack
        // overflows (tst_monkey seed 1). Adjust once the axis is done, from the event loop.
        if (!m_adjustingPlotArea && !m_adjustQueued) {
            m_adjustQueued = true;
            QMetaObject::invokeMethod(this, [this] {
                m_adjustQueued = false;
                onPlotAreaChanged();
            }, Qt::QueuedConnection);
        }
        return;
    }
    const QScopedValueRollback<bool> guard(m_adjustingPlotArea, true);
    const double low = m_axisY->min();
    updateYRange();
    updateTicks();
    updateBandTexture();
    updateLanes();
    layoutPoints();
    if (m_axisY->min() != low) {
        updateHighlight();
        updateCursor();
    }
}

void PlotChart::onGeometryChanged()
{
    layoutTitle();
    layoutLegend();
    relayoutSoon();
}

void PlotChart::relayoutSoon()
{
    // Qt Charts 6.4 can keep a plot area computed for an earlier size or margins when a layout
    // pass changes the axes' labels while it runs (our y range follows the plot's height): the
    // plot then ends past the chart or short of it. One more pass, once the event loop is back,
    // settles it; nothing here changes the size, so this does not repeat by itself.
    if (m_relayoutPending)
        return;
    m_relayoutPending = true;
    QMetaObject::invokeMethod(this, [this] {
        m_relayoutPending = false;
        if (QGraphicsLayout *l = layout())
            l->invalidate();
    }, Qt::QueuedConnection);
}

bool PlotChart::isLayoutSettled() const
{
    const QGraphicsLayout *l = layout();
    return !m_relayoutPending && !m_adjustQueued && (!l || l->isActivated());
}

void PlotChart::updateTicks()
{
    const QRectF area = plotArea();
    // At most one label per 60 px across and 40 px up (more with larger text); before the first
    // layout, a typical chart.
    const AxisTicks::PlotTickCounts counts
        = AxisTicks::tickCounts(area.width(), area.height(), m_appearance.fontScale);
    applyTicks(m_axisX, counts.x);
    applyTicks(m_axisY, counts.y);
    updateAxesItem();
}

void PlotChart::updateAxesItem()
{
    if (!m_axes)
        return; // during construction
    PlotChartAxes::Style style;
    style.labelFont = m_axisX->labelsFont();
    style.titleFont = m_axisX->titleFont();
    style.labels = m_axisX->labelsColor();
    style.titles = m_axisX->titleBrush().color();
    style.grid = m_axisX->gridLinePen().color();
    style.axisLine = m_axisX->linePen().color();
    style.ruleWidth = m_axisX->gridLinePen().widthF();
    style.devicePixelRatio = m_devicePixelRatio;
    m_axes->setStyle(style);
    m_axes->setAxes(plotArea(), axisOf(*m_axisX), axisOf(*m_axisY));
    updateMargins();
}

void PlotChart::layoutTitle()
{
    if (!m_titleItem)
        return; // during construction
    const QFontMetricsF fm(m_titleItem->font());
    const qreal available = size().width() - 2 * BaseMargin;
    const QString text = available > 0
            ? fm.elidedText(m_titleText, Qt::ElideRight, available)
            : m_titleText;
    if (m_titleItem->text() != text)
        m_titleItem->setText(text);
    m_titleItem->setPos(std::round((size().width() - fm.horizontalAdvance(text)) / 2), BaseMargin);
    m_titleRoom = m_titleText.isEmpty() ? 0 : fm.height() + TitleGap;
    updateMargins();
}

QString PlotChart::drawnTitle() const
{
    return m_titleItem->text();
}

void PlotChart::updateMargins()
{
    // Room for the axes' labels and titles (painted outside the plot) and the legend under them.
    const QMarginsF room = m_axes ? m_axes->room() : QMarginsF();
    const QMargins margins(BaseMargin + int(std::ceil(room.left())),
                           BaseMargin + int(std::ceil(m_titleRoom)), 2 * BaseMargin,
                           BaseMargin + int(std::ceil(room.bottom() + m_legendRoom)));
    if (this->margins() != margins) {
        setMargins(margins);
        relayoutSoon();
    }
}

void PlotChart::updateLanes()
{
    QList<PlotChartLanes::Lane> lanes;
    const SceneModel *model = m_model;
    if (model && bandsShown()) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const FunctionInstance &fn = model->function(row);
            if (!fn.visible)
                continue;
            PlotChartLanes::Lane lane;
            lane.row = row;
            lane.color = m_appearance.curveColor(fn.color);
            for (const SaturationInterval &i : model->saturation(row).intervals)
                lane.extents[i.kind == SaturationKind::Zero ? 0 : 1].append({ i.from, i.to });
            lanes.append(lane);
        }
    }
    const QRectF area = plotArea();
    const LaneGeometry g = laneGeometry(int(lanes.size()), area.height());
    const double yMin = m_axisY->min();
    const double yMax = m_axisY->max();
    const auto yToPixel
        = [&](double y) { return area.top() + (yMax - y) / (yMax - yMin) * area.height(); };
    // The shelf runs from the data's bottom to the plot's (a little more than the lanes need
    // when updateYRange() moved the axis' end off a tick).
    const qreal zoneTop
        = yMax > yMin ? std::min(yToPixel(m_dataYMin), area.bottom() - g.zone) : area.bottom();
    const bool show = !lanes.isEmpty() && area.width() > 0 && zoneTop > area.top();
    if (show) {
        m_lanes->setPos(area.left(), zoneTop);
        m_lanes->set(lanes, m_axisX->min(), m_axisX->max(),
                     QSizeF(area.width(), area.bottom() - zoneTop), g.laneHeight, m_vectorBands,
                     m_devicePixelRatio);
    } else {
        m_lanes->set(lanes, m_axisX->min(), m_axisX->max(), QSizeF(), g.laneHeight, m_vectorBands,
                     m_devicePixelRatio);
    }
    if (m_lanes->isVisible() != show)
        m_lanes->setVisible(show);

    if (show) {
        // No y label reaches into the shelf (the axes leave those out); the caption covers the
        // tick marks beside the lanes and says what they are.
        m_axes->setYLabelFloor(zoneTop);
        const qreal labelWidth = m_axes->yLabelWidth();
        const qreal coverTop = zoneTop + 1;
        const QString text = tr("f′ ≈ 0");
        const qreal textWidth = QFontMetricsF(m_laneCaption->font()).horizontalAdvance(text);
        // Tick marks and labels sit within labelWidth + 12 px left of the axis line.
        const qreal right = area.left() - 1;
        const qreal left
            = std::max(qreal(BaseMargin), right - std::max(labelWidth + 12, textWidth + 6));
        const QRectF cover(left, coverTop, right - left, area.bottom() + 1 - coverTop);
        const QRectF band(left, zoneTop, right - left - 5, area.bottom() - zoneTop);
        m_laneCaption->setPos(0, 0);
        m_laneCaption->set(cover, band, text);
    }
    if (!show)
        m_axes->setYLabelFloor(std::numeric_limits<qreal>::infinity());
    if (m_laneCaption->isVisible() != show)
        m_laneCaption->setVisible(show);
}

void PlotChart::updateLegend()
{
    QList<LegendEntry> entries;
    const SceneModel *model = m_model;
    if (model) {
        const int focus = effectiveFocus();
        QList<int> drawn;
        for (int row = 0; row < model->rowCount() && row < m_rows.size(); ++row) {
            if (model->function(row).visible && m_rows[row].orderSlots[0].used > 0)
                drawn << row;
        }
        // A legend of hundreds of names would leave no room for the plot: the first ones and the
        // focused one are named, the others counted.
        QList<int> named = drawn.mid(0, MaxLegendCurves);
        if (drawn.size() > MaxLegendCurves) {
            named = drawn.mid(0, MaxLegendCurves - 1);
            if (drawn.contains(focus) && !named.contains(focus))
                named.last() = focus;
        }
        for (int row : std::as_const(named)) {
            const FunctionInstance &fn = model->function(row);
            entries.append({ LegendEntry::Curve, fn.label(), m_appearance.curveColor(fn.color),
                             row == focus });
        }
        if (named.size() < drawn.size()) {
            entries.append({ LegendEntry::More,
                             tr("… and %n more", nullptr, int(drawn.size() - named.size())),
                             m_appearance.secondaryText, false });
        }
        if (bandsShown()) {
            // Each kind the lanes show, named once: as the focused function's when it has that
            // kind (its colour and name, as its full-height bands), else in grey for all.
            std::array<bool, 2> focusKinds {};
            std::array<bool, 2> anyKinds {};
            for (int row = 0; row < model->rowCount(); ++row) {
                if (!model->function(row).visible)
                    continue;
                for (const SaturationInterval &i : model->saturation(row).intervals) {
                    const int k = i.kind == SaturationKind::Zero ? 0 : 1;
                    anyKinds[k] = true;
                    if (row == focus)
                        focusKinds[k] = true;
                }
            }
            for (int k = 0; k < 2; ++k) {
                if (!anyKinds[k])
                    continue;
                const bool named = !m_allBands && focusKinds[k];
                const QString what = k == 0 ? tr("zero f′ = 0") : tr("saturated |f′| < ε");
                entries.append(
                    { k == 0 ? LegendEntry::ZeroBand : LegendEntry::SaturatedBand,
                      named ? tr("%1: %2").arg(model->function(focus).label(), what) : what,
                      named ? m_appearance.curveColor(model->function(focus).color)
                            : m_appearance.secondaryText,
                      false });
            }
        }
    }
    if (entries == m_legendEntries)
        return;
    m_legendEntries = entries;
    m_legend->setEntries(entries);
    layoutLegend();
}

void PlotChart::setMinimumLegendRows(int rows)
{
    m_legend->setMinimumRows(rows);
    layoutLegend();
}

int PlotChart::legendRows() const
{
    return m_legend->rowCount();
}

void PlotChart::layoutLegend()
{
    const qreal width = size().width() - 2 * LegendSide;
    const qreal height
        = m_legendEntries.isEmpty() ? m_legend->layoutFor(0) : m_legend->layoutFor(width);
    m_legend->setPos(LegendSide, size().height() - LegendBottom - height);
    m_legendRoom = height > 0 ? height + LegendBottom : 0;
    updateMargins();
}

void PlotChart::updateDescription()
{
    QString text;
    const SceneModel *model = m_model;
    if (!model) {
        text = tr("No scene.");
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
        const QString what = names.isEmpty() ? tr("No functions shown")
                                             : names.join(QStringLiteral(", "));
        text = QStringLiteral("%1 on x from %2 to %3, %4 from %5 to %6")
                   .arg(what, readable(model->xMin()), readable(model->xMax()),
                        valueName(m_content), readable(m_dataYMin), readable(m_axisY->max()));
        if (bandsShown() && !names.isEmpty()) {
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

    // The texture depends on the bands, their colours, the range and the plot's pixels only; the
    // height is where the item repeats it down to (not clipped by the plot area as a brush was).
    QList<double> key { area.left(), area.top(), area.width(), area.height(), dpr, xMin, xMax };
    QList<BandLayer> layers;
    if (!m_vectorBands && m_model && width > 0 && xMax > xMin) {
        layers = bandLayers();
        for (const BandLayer &layer : std::as_const(layers))
            key << layer.from << layer.to << layer.color.rgba() << layer.pattern;
    }
    if (key == m_textureKey)
        return;
    m_textureKey = key;
    if (layers.isEmpty()) {
        m_bandItem->setVisible(false);
        return;
    }
    const double xPerPixel = (xMax - xMin) / (area.width() * dpr);
    m_bandItem->setTile(
        bandTile(layers, width, dpr, m_appearance.plotBackground, xMin, xPerPixel), area);
    m_bandItem->setVisible(true);
}

QList<BandLayer> PlotChart::bandLayers() const
{
    // Painted as the series would be: in row order, the focused row last, on top.
    QList<BandLayer> layers;
    QList<int> rows;
    const int focus = effectiveFocus();
    for (int row = 0; row < m_rows.size(); ++row) {
        if (row != focus)
            rows << row;
    }
    if (focus >= 0 && focus < m_rows.size())
        rows << focus;
    for (int row : std::as_const(rows)) {
        const RowSeries &r = m_rows[row];
        for (int k = 1; k >= 0; --k) {
            if (!isShown(r.bands[k]))
                continue;
            const QBrush &brush = r.bandBrushes[k];
            const int pattern = brush.style() == Qt::BDiagPattern ? 1
                : brush.style() == Qt::FDiagPattern               ? -1
                                                                  : 0;
            for (const auto &[from, to] : bandExtents(r.bands[k]))
                layers.append({ from, to, brush.color(), pattern });
        }
    }
    return layers;
}
