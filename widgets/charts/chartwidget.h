#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <QWidget>

#include <optional>

class PlotChart;
class SceneModel;
struct ChartAppearance;

/** What one chart shows. */
enum class ChartContent {
    Function, ///< f
    FirstDerivative, ///< f′
    SecondDerivative, ///< f″ (needs SceneModel::setMaxOrder(2))
    Overlay, ///< f and f′ on one chart
};

/**
 * A live chart of a SceneModel: curves, saturation bands, trace cursor with tangents.
 *
 * It never changes the model: hovering, zooming, panning and double-clicking are reported as
 * signals, and the window decides what happens (usually a SceneModel::setRange()).
 */
class ChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ChartWidget(QWidget *parent = nullptr);
    ~ChartWidget() override;

    /** Binds to a scene: disconnects the old one, connects the new one, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    void setContent(ChartContent content);
    ChartContent content() const;
    /** The derivative orders a chart of this content draws: {0}, {1}, {2} or {0, 1}. */
    static QList<int> ordersOf(ChartContent content);

    void setBandsVisible(bool visible);
    bool bandsVisible() const;

    /**
     * The function drawn on top, with full-height bands and named in the legend; −1 for none.
     * Every visible function keeps a thin lane of its bands along the bottom of the plot.
     */
    void setFocusRow(int row);
    int focusRow() const;

    /** Full-height bands for every function, not only the focused one. */
    void setAllBands(bool all);
    bool allBands() const;

    /**
     * Markers at the points of interest of the visible functions (zeros, extrema, inflections,
     * gradient peaks, kinks); hovering one shows its kind and coordinates, a click pins them
     * beside it until the next click elsewhere.
     */
    void setPointsVisible(bool visible);
    bool pointsVisible() const;

    /** Draws interval `index` of row's saturation analysis stronger; (−1, −1) for none. */
    void setHighlightedInterval(int row, int index);

    /** Shows the trace cursor (and, on the f chart, the tangents) at x; std::nullopt hides it. */
    void setCursorX(std::optional<double> x);
    std::optional<double> cursorX() const;

    /** Colours, line widths and text size of the chart (the theme's, or presentation's). */
    void setAppearance(const ChartAppearance &appearance);

    /** The chart alone at size (device-independent pixels), re-sampled for that size. */
    QImage toImage(QSize size, qreal devicePixelRatio = 1) const;

    /** The plot area's size in pixels, as last reported by plotSizeChanged(). */
    QSize plotSize() const { return m_plotSize; }

    /** The chart inside, for tests and the renderer; the rest of the app does not need it. */
    PlotChart *chart() const { return m_chart; }

protected:
    bool event(QEvent *event) override;

Q_SIGNALS:
    /** The pointer or an arrow key moved the trace cursor to x. */
    void cursorMoved(double x);
    /** The pointer left the plot area. */
    void cursorLeft();
    /** The wheel zoomed or a drag panned: the x range the user asks for. */
    void rangeRequested(double xMin, double xMax);
    /** A double-click asks for the default view. */
    void resetRequested();
    /** The plot area changed size (forward it to SceneModel::setPlotSize()). */
    void plotSizeChanged(QSize size);
    /** A drag to pan starts: the ranges it requests until interactionFinished() are one drag
     * (one undo step). Wheel zooms and double-clicks are single requests and emit neither. */
    void interactionStarted();
    /** The drag to pan ends (the button is released). */
    void interactionFinished();

private:
    friend class ChartWidgetView;

    void hoverAt(const QPoint &viewPos);
    void leave();
    void zoomAt(double x, double factor);
    void startPan(const QPoint &viewPos);
    void panTo(const QPoint &viewPos);
    void endPan();
    bool stepCursor(int steps);
    std::optional<double> valueAt(const QPoint &viewPos) const;
    /** The point-of-interest marker under viewPos, or −1. */
    int pointMarkerAt(const QPoint &viewPos) const;
    void updateAccessibility();
    void reportPlotSize();

    class ChartWidgetView *m_view = nullptr;
    PlotChart *m_chart = nullptr; // owned by the view's scene
    QSize m_plotSize;
    bool m_panning = false;
    QPoint m_panStart;
    double m_panMin = 0;
    double m_panMax = 0;
    bool m_hovering = false;
};
