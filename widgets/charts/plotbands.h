#pragma once

// Internal to aecharts: PlotChart's raster band texture.

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPixmap>
#include <QRectF>

/**
 * The band texture, drawn above the plot area's background and under the grid (Qt Charts: plot
 * area 0, shades 1, grid 2). A new texture repaints this item only, where
 * QChart::setPlotAreaBackgroundBrush() invalidates the chart's layout: a relayout and a second
 * paint of the whole chart on every slider step. drawTiledPixmap() also fills faster than the
 * plot area's texture brush did.
 */
class PlotChartBands final : public QGraphicsItem
{
public:
    explicit PlotChartBands(QGraphicsItem *parent);

    /** tile (one hatch period high, the plot wide) repeats downwards over rect. */
    void setTile(const QImage &tile, const QRectF &rect);

    /** The tile as built (for tests and the description of what is painted). */
    const QImage &tile() const { return m_image; }
    QRectF rect() const { return m_rect; }

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    QImage m_image;
    QPixmap m_tile;
    QRectF m_rect;
};

/** One band in the texture: its x extent and how it is filled. */
struct BandLayer
{
    double from, to;
    QColor color;
    int pattern; // 0: solid, 1: "/" hatch, -1: "\\" hatch
};

/**
 * The texture's tile: one hatch period high and width device pixels wide, background under
 * layers blended in order (later ones on top); column x shows x = xMin + (x + 0.5) · xPerPixel.
 */
QImage bandTile(const QList<BandLayer> &layers, int width, qreal dpr, const QColor &background,
                double xMin, double xPerPixel);
