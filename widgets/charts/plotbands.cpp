#include "plotbands.h"

#include <QPainter>

PlotChartBands::PlotChartBands(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setZValue(0.5);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void PlotChartBands::setTile(const QImage &tile, const QRectF &rect)
{
    if (rect != m_rect)
        prepareGeometryChange();
    m_image = tile;
    m_tile = QPixmap::fromImage(tile);
    m_rect = rect;
    update();
}

void PlotChartBands::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_tile.isNull() && !m_rect.isEmpty())
        painter->drawTiledPixmap(m_rect, m_tile);
}
