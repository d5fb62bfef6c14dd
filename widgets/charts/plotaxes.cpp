#include "plotaxes.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace {

constexpr qreal TickLength = 4; // px outside the plot, as Qt Charts' ticks
constexpr qreal LabelGap = 2;   // between a tick's end and its label
constexpr qreal TitleGap = 4;   // between the labels and the axis title
constexpr qreal LabelSpacing = 4; // at least this between two x labels, else the later is skipped

} // namespace

PlotChartAxes::PlotChartAxes(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setZValue(2);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void PlotChartAxes::setStyle(const Style &style)
{
    if (style == m_style)
        return;
    if (style.labelFont != m_style.labelFont)
        m_texts.clear();
    m_style = style;
    layOut();
}

void PlotChartAxes::setAxes(const QRectF &plotArea, const Axis &x, const Axis &y)
{
    m_area = plotArea;
    m_x = x;
    m_y = y;
    layOut();
}

void PlotChartAxes::setYLabelFloor(qreal y)
{
    if (y == m_yLabelFloor)
        return;
    m_yLabelFloor = y;
    layOut();
}

qreal PlotChartAxes::yLabelWidth() const
{
    qreal width = 0;
    for (const QString &text : m_y.labels)
        width = std::max(width, labelWidth(text));
    return width;
}

QMarginsF PlotChartAxes::room() const
{
    const QFontMetricsF labels(m_style.labelFont);
    const QFontMetricsF titles(m_style.titleFont);
    const qreal left = TickLength + LabelGap + yLabelWidth()
            + (m_y.title.isEmpty() ? 0 : TitleGap + titles.height());
    const qreal bottom = TickLength + LabelGap + labels.height()
            + (m_x.title.isEmpty() ? 0 : TitleGap + titles.height());
    return QMarginsF(left, 0, 0, bottom);
}

void PlotChartAxes::layOut()
{
    prepareGeometryChange();
    m_labels.clear();
    const QFontMetricsF labels(m_style.labelFont);
    const QFontMetricsF titles(m_style.titleFont);
    const qreal height = labels.height();
    QRectF bounds = m_area;
    if (m_area.isEmpty() || !(m_x.max > m_x.min) || !(m_y.max > m_y.min)) {
        m_bounds = QRectF();
        m_xTitleRect = m_yTitleRect = QRectF();
        update();
        return;
    }

    // x: centred under each tick; a label that would touch the one before is left out.
    qreal lastRight = -1e300;
    for (qsizetype i = 0; i < m_x.ticks.size() && i < m_x.labels.size(); ++i) {
        const qreal px = m_area.left() + (m_x.ticks[i] - m_x.min) / (m_x.max - m_x.min) * m_area.width();
        const qreal w = labelWidth(m_x.labels[i]);
        const QRectF rect(px - w / 2, m_area.bottom() + TickLength + LabelGap, w, height);
        if (rect.left() < lastRight + LabelSpacing)
            continue;
        lastRight = rect.right();
        m_labels.append({ Qt::Horizontal, m_x.labels[i], rect });
        bounds |= rect;
    }
    // y: right-aligned left of each tick, from the bottom up; none over the one below, none
    // below the floor.
    const qreal yLabelWidth = this->yLabelWidth();
    qreal lastTop = m_yLabelFloor;
    for (qsizetype i = 0; i < m_y.ticks.size() && i < m_y.labels.size(); ++i) {
        const qreal py = m_area.bottom() - (m_y.ticks[i] - m_y.min) / (m_y.max - m_y.min) * m_area.height();
        const qreal w = labelWidth(m_y.labels[i]);
        const QRectF rect(m_area.left() - TickLength - LabelGap - w, py - height / 2, w, height);
        if (rect.bottom() > lastTop)
            continue;
        lastTop = rect.top();
        m_labels.append({ Qt::Vertical, m_y.labels[i], rect });
        bounds |= rect;
    }

    const qreal titleHeight = titles.height();
    m_xTitleRect = QRectF();
    if (!m_x.title.isEmpty()) {
        const qreal w = titles.horizontalAdvance(m_x.title);
        m_xTitleRect = QRectF(m_area.center().x() - w / 2,
                              m_area.bottom() + TickLength + LabelGap + height + TitleGap, w,
                              titleHeight);
        bounds |= m_xTitleRect;
    }
    m_yTitleRect = QRectF();
    if (!m_y.title.isEmpty()) {
        const qreal w = titles.horizontalAdvance(m_y.title); // along the axis, once turned
        m_yTitleRect = QRectF(m_area.left() - TickLength - LabelGap - yLabelWidth - TitleGap
                                      - titleHeight,
                              m_area.center().y() - w / 2, titleHeight, w);
        bounds |= m_yTitleRect;
    }
    // The tick marks and a hairline's half pixel.
    m_bounds = bounds.adjusted(-TickLength - 1, -1, 1, TickLength + 1);
    update();
}

const QStaticText &PlotChartAxes::staticText(const QString &text) const
{
    auto it = m_texts.find(text);
    if (it == m_texts.end()) {
        QStaticText st(text);
        st.setTextFormat(Qt::PlainText);
        st.setPerformanceHint(QStaticText::AggressiveCaching);
        st.prepare(QTransform(), m_style.labelFont);
        it = m_texts.insert(text, st);
    }
    return *it;
}

qreal PlotChartAxes::labelWidth(const QString &text) const
{
    return staticText(text).size().width();
}

qreal PlotChartAxes::snap(qreal v) const
{
    // On a whole device pixel: a one-pixel line without antialiasing is then one crisp row.
    const qreal dpr = m_style.devicePixelRatio > 0 ? m_style.devicePixelRatio : 1;
    return std::round(v * dpr) / dpr;
}

void PlotChartAxes::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_bounds.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const qreal left = snap(m_area.left());
    const qreal right = snap(m_area.right());
    const qreal top = snap(m_area.top());
    const qreal bottom = snap(m_area.bottom());

    // Grid: every tick inside the plot, in one call.
    QList<QLineF> grid;
    QList<QLineF> ticks;
    for (double t : std::as_const(m_x.ticks)) {
        const qreal px = snap(m_area.left() + (t - m_x.min) / (m_x.max - m_x.min) * m_area.width());
        if (px < left || px > right)
            continue;
        grid.append(QLineF(px, top, px, bottom));
        ticks.append(QLineF(px, bottom, px, bottom + TickLength));
    }
    for (double t : std::as_const(m_y.ticks)) {
        const qreal py = snap(m_area.bottom() - (t - m_y.min) / (m_y.max - m_y.min) * m_area.height());
        if (py < top || py > bottom)
            continue;
        grid.append(QLineF(left, py, right, py));
        ticks.append(QLineF(left - TickLength, py, left, py));
    }
    painter->setPen(QPen(m_style.grid, m_style.ruleWidth));
    painter->drawLines(grid);

    // The axis lines, left and bottom, with their ticks outside.
    ticks.append(QLineF(left, top, left, bottom));
    ticks.append(QLineF(left, bottom, right, bottom));
    painter->setPen(QPen(m_style.axisLine, m_style.ruleWidth));
    painter->drawLines(ticks);

    // Labels: laid out once per text on screen; as text (not glyph runs) in SVG and PDF.
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    painter->setFont(m_style.labelFont);
    painter->setPen(m_style.labels);
    const bool raster = painter->paintEngine()
            && painter->paintEngine()->type() == QPaintEngine::Raster;
    for (const Label &label : std::as_const(m_labels)) {
        if (raster)
            painter->drawStaticText(label.rect.topLeft(), staticText(label.text));
        else
            painter->drawText(label.rect, Qt::AlignCenter | Qt::TextDontClip, label.text);
    }

    painter->setFont(m_style.titleFont);
    painter->setPen(m_style.titles);
    if (!m_xTitleRect.isEmpty())
        painter->drawText(m_xTitleRect, Qt::AlignCenter | Qt::TextDontClip, m_x.title);
    if (!m_yTitleRect.isEmpty()) {
        painter->translate(m_yTitleRect.center());
        painter->rotate(-90);
        const QRectF turned(-m_yTitleRect.height() / 2, -m_yTitleRect.width() / 2,
                            m_yTitleRect.height(), m_yTitleRect.width());
        painter->drawText(turned, Qt::AlignCenter | Qt::TextDontClip, m_y.title);
    }
    painter->restore();
}
