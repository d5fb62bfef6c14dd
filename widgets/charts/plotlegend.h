#pragma once

// Internal to aecharts: PlotChart's own legend, under the plot.

#include "plotchart.h"

#include <QFont>
#include <QGraphicsItem>
#include <QList>

/**
 * The legend under the plot: entries flow left to right and wrap, whole names with their
 * parameters, centred; band kinds start a row of their own unless everything fits in one.
 * Plain text throughout (Qt's own legend reads labels as HTML and truncates a bottom row).
 */
class PlotChartLegend final : public QGraphicsItem
{
public:
    PlotChartLegend(const ChartAppearance &look, QGraphicsItem *parent);

    void setEntries(const QList<PlotChart::LegendEntry> &entries) { m_entries = entries; }

    /** Call layoutFor() next: the rows grow with the text. */
    void setFontScale(qreal scale);

    void setVector(bool vector);

    /** Lays the entries out in rows at most width wide; returns the height they take. */
    qreal layoutFor(qreal width);
    /** The rows the entries took at the last layoutFor(). */
    int rowCount() const { return m_rows; }
    /** Takes the height of at least rows rows (the entries at the top), so that the frames of an
     * animation, whose labels change, keep one layout. Call layoutFor() next. */
    void setMinimumRows(int rows) { m_minimumRows = rows; }

    QRectF boundingRect() const override { return QRectF(0, 0, m_width, m_height); }

    /** The entries' texts as drawn: elided where a whole row could not hold one. */
    QStringList drawnTexts() const;

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    struct Placed
    {
        int entry = 0;
        QPointF pos;
        qreal width = 0;
        QString text; // elided when wider than a row
    };

    QList<Placed> measure(qreal width) const;
    QList<QList<int>> flowRows(const QList<Placed> &placed, qreal width) const;
    void placeRows(const QList<QList<int>> &rows, QList<Placed> &placed, qreal width) const;
    void updateToolTip();
    void paintSwatch(QPainter *painter, const PlotChart::LegendEntry &e, qreal x, qreal cy) const;

    const ChartAppearance *m_look;
    QList<PlotChart::LegendEntry> m_entries;
    QList<Placed> m_placed;
    QFont m_font;
    QFont m_bold;
    qreal m_width = 0;
    qreal m_height = 0;
    qreal m_rowHeight = 18;
    int m_rows = 0;
    int m_minimumRows = 0;
    bool m_vector = false;
};
