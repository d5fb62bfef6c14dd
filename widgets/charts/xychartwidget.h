#pragma once

#include "theme.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QPen>
#include <QStringList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;
class XYPlotImageItem;
class XYRangeBars;

/** How one series of an XYChartWidget is drawn; its sizes grow with the appearance's curves. */
struct XYSeriesStyle
{
    /** Lifted where it would vanish into a dark plot; invalid: the appearance's secondary text,
     * for guides and markers that are not data. */
    QColor color;
    qreal width = 1; ///< lines: a multiple of ChartAppearance::curveWidth
    Qt::PenStyle penStyle = Qt::SolidLine;
    qreal markerSize = 8; ///< scatters: pixels at the light theme's curve width
    bool outlined = false; ///< scatters: a ring in the plot's colour, to stand out on a curve
    bool inLegend = true;
};

/** What one series of an XYChartWidget shows, read back without Qt Charts (tests, descriptions). */
class XYSeriesState
{
public:
    XYSeriesState() = default;
    XYSeriesState(const QString &name, const QList<QPointF> &points, const QPen &pen, bool visible)
        : m_name(name), m_points(points), m_pen(pen), m_visible(visible)
    {
    }
    QString name() const { return m_name; }
    QList<QPointF> points() const { return m_points; }
    qsizetype count() const { return m_points.size(); }
    QPointF at(qsizetype i) const { return m_points.at(i); }
    /** Lines: the line's pen; scatters: the marker's outline. */
    QPen pen() const { return m_pen; }
    bool isVisible() const { return m_visible; }

private:
    QString m_name;
    QList<QPointF> m_points;
    QPen m_pen;
    bool m_visible = false;
};

/**
 * A small chart of x–y series with explicit value axes, drawn in the theme's colours, line widths
 * and text size: the demonstration windows' chart, beside the scene's PlotChart.
 *
 * The only file besides PlotChart, ChartWidget and SceneRenderer that includes Qt Charts; callers
 * get series pointers to read, and style and fill them through this class.
 */
class XYChartWidget : public QWidget
{
    Q_OBJECT

public:
    enum class Axis { X, Y };

    explicit XYChartWidget(QWidget *parent = nullptr);
    ~XYChartWidget() override;

    void setTitle(const QString &title);
    QString title() const;

    void setAxisTitle(Axis axis, const QString &title);
    QString axisTitle(Axis axis) const;
    void setRange(Axis axis, double min, double max);
    double axisMin(Axis axis) const;
    double axisMax(Axis axis) const;
    /** A printf format for the tick labels, e.g. "%.1f". */
    void setLabelFormat(Axis axis, const QString &format);
    /** Ticks at every multiple of step (anchored at 0) instead of a fixed count. */
    void setTickInterval(Axis axis, double step);
    /** A fixed number of ticks spread over the range. */
    void setTickCount(Axis axis, int count);
    /** Widens the range to round tick values. */
    void applyNiceNumbers(Axis axis);

    void setLegendAlignment(Qt::Alignment alignment);

    /** A new line series on both axes, drawn last (on top). */
    QLineSeries *addLine(const QString &name, const XYSeriesStyle &style);
    /** A new scatter series on both axes, drawn last (on top). */
    QScatterSeries *addScatter(const QString &name, const XYSeriesStyle &style);
    // Overloads per series type: callers see the series only forward-declared.
    /** Takes a series of this chart off it and deletes it. */
    void removeSeries(QLineSeries *series);
    void removeSeries(QScatterSeries *series);
    /** All the points of a series at once: one QXYSeries::replace(). */
    void replace(QLineSeries *series, const QList<QPointF> &points);
    void replace(QScatterSeries *series, const QList<QPointF> &points);
    /** A series' name, as the legend shows it. */
    void setSeriesName(QLineSeries *series, const QString &name);
    /** Dots on a line's points (Qt Charts sizes them from the line's width). */
    void setPointsVisible(QLineSeries *series, bool visible);

    /**
     * Vertical bars from (x, low) to (x, high), e.g. a spread around dots: Qt Charts 6.4 has no
     * error bars. Drawn over the grid, under every series, in style's colour and width; never
     * in the legend. Owned by the chart; removeRangeBars() deletes them.
     */
    XYRangeBars *addRangeBars(const XYSeriesStyle &style);
    void removeRangeBars(XYRangeBars *bars);
    /** Each line from (x, low) to (x, high) in axis values; lines with a non-finite end are left out. */
    void setRangeBars(XYRangeBars *bars, const QList<QLineF> &lines);
    /** The bars as set (finite ones only). */
    QList<QLineF> rangeBars(const XYRangeBars *bars) const;
    /** The pen the bars are drawn with now. */
    QPen rangeBarsPen(const XYRangeBars *bars) const;

    /**
     * An image over the rectangle values (x: left → right, y: bottom → top, in axis values),
     * drawn in the plot area under the grid and every series, clipped to it: a heat map, which
     * Qt Charts 6.4 lacks. The image's first line is the top. A null image removes it.
     */
    void setPlotImage(const QImage &image, const QRectF &values);
    QImage plotImage() const;
    /** Where the plot image lies, in axis values (x, y, width, height; y upwards). */
    QRectF plotImageValues() const;
    /** The plot area in this widget's coordinates, e.g. to read a pixel of grab(). */
    QRectF plotArea() const;

    /** Colours, line widths and text size: the theme's, or presentation mode's. */
    void setAppearance(const ChartAppearance &appearance);
    const ChartAppearance &appearance() const { return m_appearance; }

    /** The name and description screen readers announce, on this widget and the view inside. */
    void setAccessibleText(const QString &name, const QString &description = QString());

    /** A series of this chart as it is drawn now. */
    XYSeriesState state(const QLineSeries *series) const;
    XYSeriesState state(const QScatterSeries *series) const;
    /** How many line series (or scatter series) the chart holds. */
    int lineSeriesCount() const;
    int scatterSeriesCount() const;
    /** The names the legend shows, in order (series kept out of it are not there). */
    QStringList legendNames() const;
    /** The title as drawn: fitted to the width, possibly on two lines ("<br>"). */
    QString drawnTitle() const;
    QFont drawnTitleFont() const;
    QColor backgroundColor() const;

    /** The chart inside, for the chart library's own tests. */
    QChart *chart() const { return m_chart; }

    /** The fonts of charts in an appearance, for widgets that paint beside one (heat maps). */
    static QFont titleFont(const ChartAppearance &appearance);
    static QFont axisTitleFont(const ChartAppearance &appearance);
    static QFont labelFont(const ChartAppearance &appearance);
    static QFont legendFont(const ChartAppearance &appearance);
    /** titleFont(), made smaller until text fits into width, down to the axis titles' size. */
    static QFont fittedTitleFont(const ChartAppearance &appearance, const QString &text, qreal width);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QValueAxis *axis(Axis axis) const;
    void attach(QXYSeries *series, const XYSeriesStyle &style);
    void remove(QXYSeries *series);
    void applyStyle(QXYSeries *series, const XYSeriesStyle &style);
    /** The overlays follow the plot area and the axes' ranges. */
    void placeOverlays();
    void applyAppearance();
    void fitTitle();

    QChart *m_chart = nullptr; // owned by the view's scene
    QChartView *m_view = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QString m_title; // as set: the chart's may be shrunk onto two lines
    QHash<QXYSeries *, XYSeriesStyle> m_styles;
    QHash<XYRangeBars *, XYSeriesStyle> m_rangeStyles;
    XYPlotImageItem *m_image = nullptr; // a child of the chart
    ChartAppearance m_appearance;
};
