#include "plotpoints.h"

#include "plotstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

constexpr qreal LabelPadding = 4;
constexpr qreal LabelGap = 6;

QPainterPath symbol(PointKind kind, const QPointF &c, qreal r)
{
    QPainterPath path;
    switch (kind) {
    case PointKind::Zero:
        path.addEllipse(c, r, r);
        break;
    case PointKind::Minimum:
        path.moveTo(c + QPointF(0, -r));
        path.lineTo(c + QPointF(r, 0.8 * r));
        path.lineTo(c + QPointF(-r, 0.8 * r));
        path.closeSubpath();
        break;
    case PointKind::Maximum:
        path.moveTo(c + QPointF(0, r));
        path.lineTo(c + QPointF(r, -0.8 * r));
        path.lineTo(c + QPointF(-r, -0.8 * r));
        path.closeSubpath();
        break;
    case PointKind::Inflection:
        path.moveTo(c + QPointF(0, -r));
        path.lineTo(c + QPointF(r, 0));
        path.lineTo(c + QPointF(0, r));
        path.lineTo(c + QPointF(-r, 0));
        path.closeSubpath();
        break;
    case PointKind::GradientPeak:
        path.addRect(QRectF(c - QPointF(0.8 * r, 0.8 * r), QSizeF(1.6 * r, 1.6 * r)));
        break;
    case PointKind::Kink:
        path.addRect(QRectF(c - QPointF(1.2 * r, 1.2 * r), QSizeF(2.4 * r, 2.4 * r)));
        break;
    }
    return path;
}

} // namespace

PlotChartPoints::PlotChartPoints(const ChartAppearance &look, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_look(&look)
{
    // Over the curves and the cursor, under nothing but the pinned label it paints itself.
    setZValue(20);
}

qreal PlotChartPoints::radius() const
{
    return 3.5 + m_look->curveWidth;
}

void PlotChartPoints::set(const QList<Marker> &markers, const QRectF &plotArea)
{
    prepareGeometryChange();
    m_markers = markers;
    m_plotArea = plotArea;
    if (m_pinned >= m_markers.size())
        m_pinned = -1;
    update();
}

int PlotChartPoints::markerAt(const QPointF &pos) const
{
    if (!m_plotArea.contains(pos))
        return -1;
    // A little more than the symbol: it is small, and a hand on a touchpad is not.
    const qreal reach = radius() + 3;
    int best = -1;
    qreal bestDistance = reach * reach;
    for (int i = 0; i < m_markers.size(); ++i) {
        const QPointF d = m_markers[i].position - pos;
        const qreal distance = QPointF::dotProduct(d, d);
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void PlotChartPoints::setPinned(int index, const QString &text)
{
    if (index < 0 || index >= m_markers.size())
        index = -1;
    prepareGeometryChange();
    m_pinned = index;
    m_pinnedText = index < 0 ? QString() : text;
    update();
}

QRectF PlotChartPoints::pinnedRect() const
{
    if (m_pinned < 0)
        return {};
    QFont font;
    font.setPointSizeF(PlotStyle::LabelPointSize * m_look->fontScale);
    const QSizeF text = QFontMetricsF(font)
                            .boundingRect(QRectF(0, 0, 1e4, 1e4), Qt::AlignLeft, m_pinnedText)
                            .size();
    const QSizeF size = text + QSizeF(2 * LabelPadding, 2 * LabelPadding);
    const QPointF at = m_markers[m_pinned].position;
    // Above and to the right of the marker; flipped where that leaves the plot.
    QRectF rect(at + QPointF(LabelGap, -LabelGap - size.height()), size);
    if (rect.right() > m_plotArea.right())
        rect.moveRight(at.x() - LabelGap);
    if (rect.top() < m_plotArea.top())
        rect.moveTop(at.y() + LabelGap);
    rect.moveLeft(std::max(rect.left(), m_plotArea.left()));
    rect.moveBottom(std::min(rect.bottom(), m_plotArea.bottom()));
    return rect;
}

QRectF PlotChartPoints::boundingRect() const
{
    // A marker on the plot's edge (a peak at the top of an automatic y range) is drawn whole.
    const qreal m = 1.2 * radius() + 3;
    return m_plotArea.adjusted(-m, -m, m, m).united(pinnedRect());
}

void PlotChartPoints::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_markers.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal r = radius();
    const QColor halo = m_look->plotBackground;
    // Points outside the y range (a fixed one) are not drawn; those on its edge are, whole.
    const QRectF inside = m_plotArea.adjusted(-0.5, -0.5, 0.5, 0.5);
    for (const Marker &m : m_markers) {
        if (!inside.contains(m.position))
            continue;
        const QPainterPath path = symbol(m.kind, m.position, r);
        const bool open = m.kind == PointKind::Zero || m.kind == PointKind::Kink;
        if (open) {
            // A ring or open square: a halo first, so it reads on top of its own curve.
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(halo, 4));
            painter->drawPath(path);
            painter->setPen(QPen(m.color, 2));
        } else {
            painter->setBrush(m.color);
            painter->setPen(QPen(halo, 1.25));
        }
        painter->drawPath(path);
    }
    if (m_pinned >= 0) {
        const QRectF rect = pinnedRect();
        painter->setPen(QPen(m_markers[m_pinned].color, 1.5));
        painter->setBrush(m_look->background);
        painter->drawRoundedRect(rect, 3, 3);
        QFont font;
        font.setPointSizeF(PlotStyle::LabelPointSize * m_look->fontScale);
        painter->setFont(font);
        painter->setPen(m_look->text);
        painter->drawText(rect.adjusted(LabelPadding, LabelPadding, -LabelPadding, -LabelPadding),
                          Qt::AlignLeft | Qt::AlignTop, m_pinnedText);
    }
    painter->restore();
}
