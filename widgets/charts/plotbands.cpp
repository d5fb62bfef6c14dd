#include "plotbands.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int HatchPeriod = 8; // px between hatch lines, as Qt's own diagonal patterns

} // namespace

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

QImage bandTile(const QList<BandLayer> &layers, int width, qreal dpr, const QColor &background,
                double xMin, double xPerPixel)
{
    // One period of hatching high, the plot wide, opaque: the brush repeats it downwards.
    const int period = std::max(1, int(std::lround(HatchPeriod * dpr)));
    const int thickness = std::max(1, int(std::lround(dpr)));
    QImage tile(width, period, QImage::Format_RGB32);
    tile.fill(background);
    for (const BandLayer &layer : std::as_const(layers)) {
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
    return tile;
}
