#pragma once

#include <QList>
#include <QSize>
#include <QWidget>

class QSplitter;

/**
 * The window's charts, arranged for the room they have: side by side where the area is wide,
 * one above the other where it is tall, and with three charts the first two side by side over
 * the third where neither row nor column keeps each chart at least 0.8 as wide as it is tall.
 * Activation curves are wide: a tall, narrow chart wastes the screen.
 *
 * Charts hidden with QWidget::hide() leave the arrangement; the user can still drag the splitter
 * handles between them.
 */
class ChartArea : public QWidget
{
    Q_OBJECT

public:
    enum class Arrangement {
        Row, ///< side by side
        Column, ///< one above the other
        Grid, ///< the first two side by side, the others below, each as wide as the area
    };
    Q_ENUM(Arrangement)

    /** The narrowest chart shape the automatic arrangement accepts, width over height. */
    static constexpr double MinAspect = 0.8;

    explicit ChartArea(QWidget *parent = nullptr);

    /** Appends a chart; the area owns it. */
    void addChart(QWidget *chart);
    /** Always one above the other (View → Stack Charts), whatever the shape of the area. */
    void setStacked(bool stacked);
    bool isStacked() const { return m_stacked; }
    Arrangement arrangement() const { return m_arrangement; }

    /** The arrangement that gives `charts` charts in an area of `size` their best shapes. */
    static Arrangement bestArrangement(QSize size, int charts);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rearrange();
    void shareEqually();
    /** Names every divider between charts for a screen reader (a splitter adds one per chart). */
    void describeDividers();
    QList<QWidget *> visibleCharts() const;

    QSplitter *m_outer = nullptr; ///< vertical: the first row, then whatever goes below it
    QSplitter *m_row = nullptr; ///< the first row (or, stacked, the whole column)
    QList<QWidget *> m_charts;
    Arrangement m_arrangement = Arrangement::Row;
    bool m_stacked = false;
    bool m_arranging = false;
    bool m_sharePending = true; ///< shareEqually() waits for the splitters' first resize
};
