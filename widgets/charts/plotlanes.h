#pragma once

// Internal to aecharts: the saturation lanes along the bottom of PlotChart's plot area, and the
// caption beside them.

#include "theme.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsItem>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSizeF>

#include <array>

/** The lanes' height each and the room they take together, for a plot of plotHeight px. */
struct LaneGeometry
{
    qreal laneHeight = 0;
    qreal zone = 0;
};

LaneGeometry laneGeometry(int lanes, qreal plotHeight);

/**
 * The lanes along the bottom of the plot area: for each function, where f′ is zero (hatched,
 * strong) and where it is merely small (a lighter wash). Painted with a few rectangle fills per
 * frame; it sits over the grid and the band texture, under the axes and the series.
 */
class PlotChartLanes final : public QGraphicsItem
{
public:
    struct Lane
    {
        int row = -1;
        QColor color;
        std::array<QList<QPair<double, double>>, 2> extents; // zero, saturated
        bool operator==(const Lane &o) const
        {
            return row == o.row && color == o.color && extents == o.extents;
        }
    };

    PlotChartLanes(const ChartAppearance &look, QGraphicsItem *parent);

    void set(const QList<Lane> &lanes, double xMin, double xMax, const QSizeF &size,
             qreal laneHeight, bool vector, qreal dpr);

    const QList<Lane> &lanes() const { return m_lanes; }

    /** Lane `index`'s strip in item coordinates. */
    QRectF laneRect(int index) const;

    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_size); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    const QBrush &zeroBrush(const QColor &color);

    const ChartAppearance *m_look; // the chart's, which outlives its child items
    QList<Lane> m_lanes;
    double m_xMin = 0;
    double m_xMax = 1;
    QSizeF m_size;
    qreal m_laneHeight;
    bool m_vector = false;
    qreal m_dpr = 1;
    QHash<QRgb, QBrush> m_zeroBrushes;
};

/**
 * Beside the lanes, in the y axis' label column: says what the lanes are ("f′ ≈ 0") and hides any
 * y tick label there, which would give the lanes a y value they do not have. Over the axis item.
 */
class PlotChartLaneCaption final : public QGraphicsItem
{
public:
    PlotChartLaneCaption(const ChartAppearance &look, QGraphicsItem *parent);

    /** cover: what to hide, in item coordinates; text centred vertically on textBand. */
    void set(const QRectF &cover, const QRectF &textBand, const QString &text);

    QFont font() const { return m_font; }
    void setFontScale(qreal scale);
    QRectF boundingRect() const override { return m_cover; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    const ChartAppearance *m_look;
    QFont m_font;
    QRectF m_cover;
    QRectF m_textBand;
    QString m_text;
};
