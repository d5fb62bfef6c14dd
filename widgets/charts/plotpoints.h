#pragma once

// Internal to aecharts: the markers of PlotChart's points of interest, over the curves, and the
// label a click pins beside one of them.

#include "pointsofinterest.h"
#include "theme.h"

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

/**
 * Small symbols at the points of interest, one shape per kind: a ring for a zero, a triangle up
 * for a minimum and down for a maximum, a diamond for an inflection, a square for a peak of |f′|,
 * an open square round a kink. Positions are in the parent chart's coordinates; the item paints
 * for the points inside the plot area only (whole, also on its edge).
 */
class PlotChartPoints final : public QGraphicsItem
{
public:
    struct Marker
    {
        PointKind kind = PointKind::Zero;
        QPointF position;
        QColor color;
    };

    PlotChartPoints(const ChartAppearance &look, QGraphicsItem *parent);

    void set(const QList<Marker> &markers, const QRectF &plotArea);
    const QList<Marker> &markers() const { return m_markers; }

    /** The marker under pos (the nearest within its radius and a little more), or −1. */
    int markerAt(const QPointF &pos) const;
    /** Shows text in a label beside marker index; −1 for none. */
    void setPinned(int index, const QString &text);
    int pinned() const { return m_pinned; }
    /** The pinned label's rectangle (empty without one). */
    QRectF pinnedRect() const;

    qreal radius() const;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    const ChartAppearance *m_look; // the chart's, which outlives its child items
    QList<Marker> m_markers;
    QRectF m_plotArea;
    int m_pinned = -1;
    QString m_pinnedText;
};
