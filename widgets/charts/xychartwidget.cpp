#include "xychartwidget.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QPainter>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// PlotChart's sizes, so that a demonstration reads like the main charts beside it.
constexpr qreal TitlePointSize = 14;
constexpr qreal LabelPointSize = 10.5;
constexpr qreal AxisTitlePointSize = 11;
constexpr qreal LegendPointSize = 10.5;
constexpr int Margin = 6;
constexpr int TitlePadding = 8; // QChart keeps a little room on either side of its title

// Markers grow with the lines, as PlotChart's do, but never shrink below their light size.
qreal markerScale(const ChartAppearance &a)
{
    return std::max(1.0, 0.375 * a.curveWidth);
}

QFont scaledFont(qreal pointSize, const ChartAppearance &a)
{
    QFont font;
    font.setPointSizeF(pointSize * a.fontScale);
    return font;
}

// Where Qt Charts stacks a chart's children (its ChartPresenter::ZValues): the plot area's
// background at 0, shades 1, grid 2, axes 3, series from 4 (lines 4, scatters 10).
constexpr qreal PlotImageZ = 0.5;
constexpr qreal RangeBarsZ = 3.5;

} // namespace

/** Something drawn in the plot area in axis values, clipped to it; a child of the chart. */
class XYOverlayItem : public QGraphicsItem
{
public:
    explicit XYOverlayItem(QGraphicsItem *parent) : QGraphicsItem(parent) { }

    /** The plot area and the axes' ranges it maps values through. */
    void place(const QRectF &plotArea, const QRectF &axisValues)
    {
        prepareGeometryChange();
        m_plotArea = plotArea;
        m_axisValues = axisValues;
        update();
    }
    QRectF boundingRect() const override { return m_plotArea; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        if (m_plotArea.isEmpty())
            return;
        painter->save();
        painter->setClipRect(m_plotArea);
        paintInPlot(painter);
        painter->restore();
    }

protected:
    /** Draws in pixels (toPixels()), clipped to the plot area. */
    virtual void paintInPlot(QPainter *painter) = 0;

    QPointF toPixels(QPointF value) const
    {
        const QRectF &v = m_axisValues;
        const double u = v.width() != 0 ? (value.x() - v.left()) / v.width() : 0;
        const double w = v.height() != 0 ? (value.y() - v.top()) / v.height() : 0;
        return {m_plotArea.left() + u * m_plotArea.width(), m_plotArea.bottom() - w * m_plotArea.height()};
    }
    QRectF m_plotArea;
    QRectF m_axisValues; // x min, y min, width, height: y upwards
};

class XYPlotImageItem : public XYOverlayItem
{
public:
    using XYOverlayItem::XYOverlayItem;
    QImage image;
    QRectF values;

protected:
    void paintInPlot(QPainter *painter) override
    {
        if (image.isNull())
            return;
        // A coarse grid of cells: smooth scaling blends neighbours instead of showing blocks.
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        const QPointF topLeft = toPixels(QPointF(values.left(), values.bottom()));
        const QPointF bottomRight = toPixels(QPointF(values.right(), values.top()));
        painter->drawImage(QRectF(topLeft, bottomRight), image);
    }
};

class XYRangeBars : public XYOverlayItem
{
public:
    using XYOverlayItem::XYOverlayItem;
    QList<QLineF> lines;
    QPen pen;

protected:
    void paintInPlot(QPainter *painter) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(pen);
        QList<QLineF> drawn;
        drawn.reserve(lines.size());
        for (const QLineF &l : lines)
            drawn.append(QLineF(toPixels(l.p1()), toPixels(l.p2())));
        painter->drawLines(drawn);
    }
};

XYChartWidget::XYChartWidget(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new QChart;
    // Live data from sliders: animations would lag behind them and cost a frame each.
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(Margin, Margin, 2 * Margin, Margin));
    m_chart->setPlotAreaBackgroundVisible(true);
    m_chart->setPlotAreaBackgroundPen(Qt::NoPen);
    m_axisX = new QValueAxis(m_chart);
    m_axisY = new QValueAxis(m_chart);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_image = new XYPlotImageItem(m_chart);
    m_image->setZValue(PlotImageZ);
    connect(m_chart, &QChart::plotAreaChanged, this, &XYChartWidget::placeOverlays);
    connect(m_axisX, &QValueAxis::rangeChanged, this, &XYChartWidget::placeOverlays);
    connect(m_axisY, &QValueAxis::rangeChanged, this, &XYChartWidget::placeOverlays);

    m_view = new QChartView(m_chart, this); // the view's scene owns the chart
    m_view->setObjectName(QStringLiteral("xyChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);

    applyAppearance();
}

XYChartWidget::~XYChartWidget() = default;

void XYChartWidget::setTitle(const QString &title)
{
    m_title = title;
    fitTitle();
}

QString XYChartWidget::title() const { return m_title; }

// A long title in a half-width chart, or in presentation mode's large text, would be cut short
// ("Probabilities s = softm..."): smaller text first, then two lines.
void XYChartWidget::fitTitle()
{
    const qreal room = width() - 3 * Margin - 2 * TitlePadding;
    QFont font = fittedTitleFont(m_appearance, m_title, room);
    QString shown = m_title;
    const int space = m_title.size() / 2;
    const int left = m_title.lastIndexOf(QLatin1Char(' '), space);
    const int right = m_title.indexOf(QLatin1Char(' '), space);
    if (width() > 0 && QFontMetricsF(font).horizontalAdvance(m_title) > room && (left > 0 || right > 0)) {
        // Break at the space nearest the middle; the title is rich text then.
        const int at = left <= 0 || (right > 0 && right - space < space - left) ? right : left;
        const QString first = m_title.left(at);
        const QString second = m_title.mid(at + 1);
        font = fittedTitleFont(m_appearance, first.size() > second.size() ? first : second, room);
        shown = first.toHtmlEscaped() + QStringLiteral("<br>") + second.toHtmlEscaped();
    }
    m_chart->setTitleFont(font);
    m_chart->setTitle(shown);
}

void XYChartWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTitle();
}

QValueAxis *XYChartWidget::axis(Axis axis) const { return axis == Axis::X ? m_axisX : m_axisY; }

void XYChartWidget::setAxisTitle(Axis a, const QString &title) { axis(a)->setTitleText(title); }
QString XYChartWidget::axisTitle(Axis a) const { return axis(a)->titleText(); }
void XYChartWidget::setRange(Axis a, double min, double max) { axis(a)->setRange(min, max); }
double XYChartWidget::axisMin(Axis a) const { return axis(a)->min(); }
double XYChartWidget::axisMax(Axis a) const { return axis(a)->max(); }
void XYChartWidget::setLabelFormat(Axis a, const QString &format) { axis(a)->setLabelFormat(format); }
void XYChartWidget::applyNiceNumbers(Axis a) { axis(a)->applyNiceNumbers(); }

void XYChartWidget::setTickInterval(Axis a, double step)
{
    QValueAxis *ax = axis(a);
    ax->setTickType(QValueAxis::TicksDynamic);
    ax->setTickAnchor(0);
    ax->setTickInterval(step);
}

void XYChartWidget::setTickCount(Axis a, int count)
{
    QValueAxis *ax = axis(a);
    ax->setTickType(QValueAxis::TicksFixed);
    ax->setTickCount(count);
}

void XYChartWidget::setLegendAlignment(Qt::Alignment alignment)
{
    m_chart->legend()->setAlignment(alignment);
}

QLineSeries *XYChartWidget::addLine(const QString &name, const XYSeriesStyle &style)
{
    auto *series = new QLineSeries(m_chart);
    series->setName(name);
    attach(series, style);
    return series;
}

QScatterSeries *XYChartWidget::addScatter(const QString &name, const XYSeriesStyle &style)
{
    auto *series = new QScatterSeries(m_chart);
    series->setName(name);
    attach(series, style);
    return series;
}

void XYChartWidget::attach(QXYSeries *series, const XYSeriesStyle &style)
{
    m_chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    m_styles.insert(series, style);
    // After addSeries(): the chart's theme styles a series as it arrives.
    applyStyle(series, style);
    if (!style.inLegend)
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);
}

void XYChartWidget::removeSeries(QLineSeries *series) { remove(series); }
void XYChartWidget::removeSeries(QScatterSeries *series) { remove(series); }
void XYChartWidget::replace(QLineSeries *series, const QList<QPointF> &points) { series->replace(points); }
void XYChartWidget::replace(QScatterSeries *series, const QList<QPointF> &points) { series->replace(points); }
void XYChartWidget::setSeriesName(QLineSeries *series, const QString &name) { series->setName(name); }
void XYChartWidget::setPointsVisible(QLineSeries *series, bool visible) { series->setPointsVisible(visible); }

XYRangeBars *XYChartWidget::addRangeBars(const XYSeriesStyle &style)
{
    auto *bars = new XYRangeBars(m_chart);
    bars->setZValue(RangeBarsZ);
    m_rangeStyles.insert(bars, style);
    applyAppearance();
    placeOverlays();
    return bars;
}

void XYChartWidget::removeRangeBars(XYRangeBars *bars)
{
    if (m_rangeStyles.remove(bars))
        delete bars;
}

void XYChartWidget::setRangeBars(XYRangeBars *bars, const QList<QLineF> &lines)
{
    QList<QLineF> finite;
    finite.reserve(lines.size());
    for (const QLineF &l : lines)
        if (std::isfinite(l.x1()) && std::isfinite(l.y1()) && std::isfinite(l.x2()) && std::isfinite(l.y2()))
            finite.append(l);
    bars->lines = finite;
    bars->update();
}

QList<QLineF> XYChartWidget::rangeBars(const XYRangeBars *bars) const { return bars->lines; }
QPen XYChartWidget::rangeBarsPen(const XYRangeBars *bars) const { return bars->pen; }

void XYChartWidget::setPlotImage(const QImage &image, const QRectF &values)
{
    m_image->image = image;
    m_image->values = values;
    m_image->update();
}

QImage XYChartWidget::plotImage() const { return m_image->image; }
QRectF XYChartWidget::plotImageValues() const { return m_image->values; }

QRectF XYChartWidget::plotArea() const
{
    return m_view->mapFromScene(m_chart->mapToScene(m_chart->plotArea())).boundingRect().translated(m_view->pos());
}

void XYChartWidget::placeOverlays()
{
    const QRectF area = m_chart->plotArea();
    const QRectF values(m_axisX->min(), m_axisY->min(), m_axisX->max() - m_axisX->min(),
                        m_axisY->max() - m_axisY->min());
    m_image->place(area, values);
    for (auto it = m_rangeStyles.keyBegin(); it != m_rangeStyles.keyEnd(); ++it)
        (*it)->place(area, values);
}

namespace {

XYSeriesState stateOf(const QXYSeries *series)
{
    if (!series)
        return {};
    return XYSeriesState(series->name(), series->points(), series->pen(), series->isVisible());
}

} // namespace

// Overloads per series type: callers see QLineSeries and QScatterSeries only forward-declared,
// so they cannot convert them to QXYSeries themselves.
XYSeriesState XYChartWidget::state(const QLineSeries *series) const { return stateOf(series); }

XYSeriesState XYChartWidget::state(const QScatterSeries *series) const { return stateOf(series); }

namespace {

int countOfType(const QChart *chart, QAbstractSeries::SeriesType type)
{
    const QList<QAbstractSeries *> all = chart->series();
    return int(std::count_if(all.begin(), all.end(),
                             [type](const QAbstractSeries *s) { return s->type() == type; }));
}

} // namespace

int XYChartWidget::lineSeriesCount() const
{
    return countOfType(m_chart, QAbstractSeries::SeriesTypeLine);
}

int XYChartWidget::scatterSeriesCount() const
{
    return countOfType(m_chart, QAbstractSeries::SeriesTypeScatter);
}

QStringList XYChartWidget::legendNames() const
{
    QStringList names;
    for (const QLegendMarker *marker : m_chart->legend()->markers()) {
        if (marker->isVisible())
            names << marker->label();
    }
    return names;
}

QString XYChartWidget::drawnTitle() const { return m_chart->title(); }

QFont XYChartWidget::drawnTitleFont() const { return m_chart->titleFont(); }

QColor XYChartWidget::backgroundColor() const { return m_chart->backgroundBrush().color(); }

void XYChartWidget::remove(QXYSeries *series)
{
    if (!m_styles.remove(series))
        return;
    m_chart->removeSeries(series);
    delete series;
}

void XYChartWidget::applyStyle(QXYSeries *series, const XYSeriesStyle &style)
{
    const ChartAppearance &a = m_appearance;
    const QColor color = style.color.isValid() ? a.curveColor(style.color) : a.secondaryText;
    if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
        scatter->setMarkerSize(style.markerSize * markerScale(a));
        scatter->setBrush(color);
        scatter->setPen(style.outlined ? QPen(a.plotBackground, 1.5 * markerScale(a))
                                       : QPen(color, 1));
    } else {
        series->setPen(QPen(color, style.width * a.curveWidth, style.penStyle));
    }
}

void XYChartWidget::setAppearance(const ChartAppearance &appearance)
{
    if (appearance == m_appearance)
        return;
    m_appearance = appearance;
    applyAppearance();
}

void XYChartWidget::applyAppearance()
{
    const ChartAppearance &a = m_appearance;
    m_chart->setBackgroundBrush(a.background);
    m_chart->setPlotAreaBackgroundBrush(a.plotBackground);
    m_view->setBackgroundBrush(a.background);
    fitTitle();
    m_chart->setTitleBrush(a.text);
    for (QValueAxis *ax : {m_axisX, m_axisY}) {
        ax->setTitleFont(axisTitleFont(a));
        ax->setTitleBrush(a.text);
        ax->setLabelsFont(labelFont(a));
        ax->setLabelsColor(a.labels);
        ax->setGridLineColor(a.grid);
        ax->setMinorGridLineColor(a.grid);
        ax->setLinePenColor(a.axis);
    }
    m_chart->legend()->setFont(legendFont(a));
    m_chart->legend()->setLabelColor(a.text);
    for (auto it = m_styles.cbegin(); it != m_styles.cend(); ++it)
        applyStyle(it.key(), it.value());
    for (auto it = m_rangeStyles.cbegin(); it != m_rangeStyles.cend(); ++it) {
        const QColor color = it.value().color.isValid() ? a.curveColor(it.value().color) : a.secondaryText;
        it.key()->pen = QPen(color, it.value().width * a.curveWidth, it.value().penStyle, Qt::FlatCap);
        it.key()->update();
    }
}

void XYChartWidget::setAccessibleText(const QString &name, const QString &description)
{
    setAccessibleName(name);
    setAccessibleDescription(description);
    m_view->setAccessibleName(name);
    m_view->setAccessibleDescription(description);
}

bool XYChartWidget::event(QEvent *event)
{
    // The view hands tooltip events to its scene and never passes them up: only an item's
    // tooltip shows over the chart.
    if (event->type() == QEvent::ToolTipChange)
        m_chart->setToolTip(toolTip());
    return QWidget::event(event);
}

QFont XYChartWidget::titleFont(const ChartAppearance &appearance)
{
    QFont font = scaledFont(TitlePointSize, appearance);
    font.setBold(true);
    return font;
}

QFont XYChartWidget::fittedTitleFont(const ChartAppearance &appearance, const QString &text, qreal width)
{
    QFont font = titleFont(appearance);
    const qreal smallest = AxisTitlePointSize * appearance.fontScale;
    while (font.pointSizeF() > smallest && QFontMetricsF(font).horizontalAdvance(text) > width)
        font.setPointSizeF(std::max(smallest, font.pointSizeF() - 0.5));
    return font;
}

QFont XYChartWidget::axisTitleFont(const ChartAppearance &appearance)
{
    QFont font = scaledFont(AxisTitlePointSize, appearance);
    font.setItalic(true);
    return font;
}

QFont XYChartWidget::labelFont(const ChartAppearance &appearance)
{
    return scaledFont(LabelPointSize, appearance);
}

QFont XYChartWidget::legendFont(const ChartAppearance &appearance)
{
    return scaledFont(LegendPointSize, appearance);
}
