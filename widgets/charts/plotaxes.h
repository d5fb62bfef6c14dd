#pragma once

// Internal to aecharts: PlotChart's axes as one item that paints them.

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QHash>
#include <QList>
#include <QMarginsF>
#include <QRectF>
#include <QStaticText>
#include <QString>

#include <limits>

/**
 * The grid, axis lines, tick marks, tick labels and axis titles of a PlotChart, painted by one
 * item. Qt Charts' own axes stay as the model (range, ticks, label format, fonts, colours,
 * titles: QValueAxis) but are hidden: they make an item per grid line, tick and label, and on
 * every range change lay out each label anew as an HTML document, which on a slider drag cost
 * about as much as the rest of the frame. Here a label is laid out once per text (QStaticText),
 * and the grid is drawn in one call, without antialiasing, on whole device pixels: crisp hairlines.
 *
 * Drawn at the grid's depth (Qt Charts: plot area 0, shades 1, grid 2, axes 3, series 4): above
 * the band texture, under the curves and the lanes' caption.
 */
class PlotChartAxes final : public QGraphicsItem
{
public:
    /** One axis as the chart's QValueAxis describes it. */
    struct Axis
    {
        double min = 0;
        double max = 1;
        QList<double> ticks;  ///< values, ascending, within [min, max]
        QStringList labels;   ///< one per tick
        QString title;
    };

    /** How it looks. */
    struct Style
    {
        QFont labelFont;
        QFont titleFont;
        QColor labels;
        QColor titles;
        QColor grid;
        QColor axisLine;
        qreal ruleWidth = 0; ///< 0: hairline (one device pixel)
        qreal devicePixelRatio = 1;

        bool operator==(const Style &o) const
        {
            return labelFont == o.labelFont && titleFont == o.titleFont && labels == o.labels
                    && titles == o.titles && grid == o.grid && axisLine == o.axisLine
                    && ruleWidth == o.ruleWidth && devicePixelRatio == o.devicePixelRatio;
        }
        bool operator!=(const Style &o) const { return !(*this == o); }
    };

    /** A tick label as painted: its text and where, in the chart's coordinates. */
    struct Label
    {
        Qt::Orientation orientation;
        QString text;
        QRectF rect;
    };

    explicit PlotChartAxes(QGraphicsItem *parent);

    void setStyle(const Style &style);
    const Style &style() const { return m_style; }

    /** The axes over plotArea (the chart's coordinates). */
    void setAxes(const QRectF &plotArea, const Axis &x, const Axis &y);

    /** y labels end above this (the chart's y; the lanes' shelf under it): none reaches in. */
    void setYLabelFloor(qreal y);
    /** The widest y label, painted or not. */
    qreal yLabelWidth() const;

    /** The room the labels and titles take outside the plot area: left and bottom. */
    QMarginsF room() const;

    /** The tick labels painted, in order: x from left to right, then y from bottom to top. */
    QList<Label> labels() const { return m_labels; }

    /** Where the titles are drawn (for tests): x's under its labels, y's turned, left of its. */
    QRectF xTitleRect() const { return m_xTitleRect; }
    QRectF yTitleRect() const { return m_yTitleRect; }

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    void layOut();
    const QStaticText &staticText(const QString &text) const;
    qreal labelWidth(const QString &text) const;
    qreal snap(qreal v) const;

    Style m_style;
    QRectF m_area;
    qreal m_yLabelFloor = std::numeric_limits<qreal>::infinity();
    Axis m_x;
    Axis m_y;
    QList<Label> m_labels;
    QRectF m_xTitleRect;
    QRectF m_yTitleRect;
    QRectF m_bounds;
    mutable QHash<QString, QStaticText> m_texts; // laid out once per text and label font
};
