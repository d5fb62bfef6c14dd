#pragma once

#include "chartwidget.h"
#include "pointsofinterest.h"
#include "saturation.h"
#include "theme.h"

#include <QBrush>
#include <QChart>
#include <QImage>
#include <QPointer>

#include <array>
#include <optional>

class QAreaSeries;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
struct BandLayer;
class PlotChartAxes;
class PlotChartBands;
class PlotChartLaneCaption;
class PlotChartLanes;
class PlotChartLegend;
class PlotChartPoints;
class SceneModel;

/**
 * One Qt Charts chart of a SceneModel: f, f′, f″ or f and f′ overlaid, with saturation bands,
 * markers at kinks and jumps, a trace cursor and tangent lines.
 *
 * Saturation is shown twice over. Every visible function gets a thin lane along the bottom of
 * the plot (a rug of where its gradient vanishes), in space kept free of curves; only the focused
 * function (the window's current row) gets full-height bands, so bands of several functions never
 * pile up into colours no legend explains. setAllBands() brings back bands for everyone.
 *
 * The only place besides ChartWidget and SceneRenderer that names Qt Charts. Series and axes are
 * created once and reused: an update of the model costs one QXYSeries::replace() per series.
 */
class PlotChart : public QChart
{
    Q_OBJECT

public:
    explicit PlotChart(QGraphicsItem *parent = nullptr);
    ~PlotChart() override;

    /** Binds to a model: disconnects the old one, connects the new one, refreshes once. */
    void setModel(SceneModel *model);
    SceneModel *model() const;

    void setContent(ChartContent content);
    ChartContent content() const { return m_content; }

    /** Shows or hides the saturation bands and lanes (the highlighted interval stays). */
    void setBandsVisible(bool visible);
    bool bandsVisible() const { return m_bandsVisible; }

    /**
     * The function drawn on top, a little thicker, with its full-height bands and its band kinds
     * in the legend; −1 (or a row the model does not have) for none: lanes only.
     */
    void setFocusRow(int row);
    int focusRow() const { return m_focusRow; }

    /** Full-height bands for every visible function instead of the focused one only. */
    void setAllBands(bool all);
    bool allBands() const { return m_allBands; }

    /** Draws interval `index` of row's saturation analysis stronger; (−1, −1) for none. */
    void setHighlightedInterval(int row, int index);

    /**
     * Markers at the visible functions' points of interest (findPointsOfInterest() on the open x
     * range): zeros, minima, maxima, inflections and kinks at (x, f) where the chart shows f,
     * gradient peaks and kinks at (x, f′) where it shows f′. Computed only while shown.
     */
    void setPointsVisible(bool visible);
    bool pointsVisible() const { return m_pointsVisible; }

    /** One marker of a point of interest. */
    struct PointMarker
    {
        int row = -1;
        PointKind kind = PointKind::Zero;
        int order = 0; ///< 0: at (x, f(x)); 1: at (x, f′(x))
        double x = 0;
        double y = 0; ///< f(x) or f′(x), by order
        QPointF position; ///< in chart coordinates
        QString text; ///< what its tooltip and pinned label say
        QColor color; ///< the curve's, as drawn
    };
    /** The markers drawn, row by row, ascending in x within a row. */
    const QList<PointMarker> &pointMarkers() const { return m_pointMarkers; }
    /** The marker at pos (chart coordinates, a few pixels' reach), or −1. */
    int pointMarkerAt(const QPointF &pos) const;
    /** The text of the marker at pos, e.g. "silu: minimum\nx = −1.27846\nf(x) = −0.278465", and
     * of any drawn on the same spot; empty where there is none. */
    QString pointToolTipAt(const QPointF &pos) const;
    /** Shows marker index's text in a label beside it, until another or −1 is pinned or the
     * markers change. */
    void setPinnedPoint(int index);
    int pinnedPoint() const;
    /** The pinned label's rectangle in chart coordinates (empty without one). */
    QRectF pinnedPointRect() const;

    /** The trace cursor's x, or std::nullopt to hide it and the tangents. */
    void setCursorX(std::optional<double> x);
    std::optional<double> cursorX() const { return m_cursorX; }

    /**
     * How bands are painted. Raster (the default): one opaque texture under the grid, built per
     * change at the device's pixel ratio, so a frame costs a copy instead of several translucent
     * full-plot fills. Vector: the band series fill themselves, for SVG.
     */
    void setVectorBands(bool vector);
    /** The legend takes at least rows rows: an animation's frames keep one plot size. */
    void setMinimumLegendRows(int rows);
    /** The rows the legend's entries take now (without the minimum). */
    int legendRows() const;
    bool vectorBands() const { return m_vectorBands; }
    /** The pixel ratio of the device the chart is painted on, for the band texture. */
    void setDevicePixelRatio(qreal ratio);

    /** Colours, line widths and text size; the default is the light theme. */
    void setAppearance(const ChartAppearance &appearance);
    const ChartAppearance &appearance() const { return m_appearance; }

    /** How a band of row and kind is filled: hatched for zero, a light wash for saturated. */
    QBrush bandBrush(int row, SaturationKind kind) const;

    /** Takes content, bands, focus, highlight, cursor and appearance from another chart (for
     * exports). */
    void copySettings(const PlotChart &other);

    /** Redraws everything from the model now (the model's recomputed() already does). */
    void refresh();

    /** A paused chart (its view hidden) only notes that the model changed, and catches up once
     * when resumed: a hidden f″ chart costs nothing per slider step. */
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    /** Lays the chart out at size now, without waiting for the event loop. */
    void layoutNow(const QSizeF &size);

    /** False while a layout pass is still to come from the event loop: Qt's (a posted layout
     * request) or ours (relayoutSoon(), a queued plot-area adjustment). Until then plotArea()
     * may move; tests wait for this rather than for a fixed time. */
    bool isLayoutSettled() const;

    QValueAxis *xAxis() const { return m_axisX; }
    QValueAxis *yAxis() const { return m_axisY; }

    /** The derivative orders this content shows: {0}, {1}, {2} or {0, 1}. */
    static QList<int> ordersOf(ChartContent content);
    /** "f(x) chart", "f′(x) chart", … */
    static QString nameOf(ChartContent content);
    /** The headline over the chart: "f(x)", "f′(x) — the gradient", … */
    static QString titleOf(ChartContent content);
    /** The chart's title (titleOf() its content); drawnTitle() as painted, "…" if cut short. */
    QString titleText() const { return m_titleText; }
    QString drawnTitle() const;
    /** What the y axis shows in words: "f(x)", "f′(x)", "f″(x)", "f(x) and f′(x)". */
    static QString valueName(ChartContent content);

    /** The series drawing row's curve of `order`, one per piece, in order (used ones only). */
    QList<QLineSeries *> curveSeries(int row, int order) const;
    /** The dots at row's kinks for `order`: filled (PyTorch's value) or open (the other side);
     * nullptr until the row first has such a dot. */
    QScatterSeries *markerSeries(int row, int order, bool filled) const;
    /** Row's full-height band series of one kind; visible for the focused row only, unless
     * allBands(); nullptr until the row's bands are first shown. */
    QAreaSeries *bandSeries(int row, SaturationKind kind) const;
    /** The number of scene rows the chart draws. */
    int rowCount() const { return int(m_rows.size()); }
    /** True for a series that exists and is visible (markers, bands and tangents are made only
     * when first needed: each series costs Qt Charts' legend bookkeeping whether shown or not). */
    static bool isShown(const QAbstractSeries *series);
    /** The x extents [from, to] of the intervals a band series currently draws. */
    static QList<QPair<double, double>> bandExtents(const QAreaSeries *band);
    /** The raster band texture (not vectorBands()): one tile, one hatch period high and the plot
     * wide, repeated down the plot area from its top left under the grid; a null image while no
     * band is drawn. */
    QImage bandTexture() const;
    /** Whether the band texture is painted, and where (the plot area while it is). */
    bool isBandTextureVisible() const;
    QRectF bandTextureRect() const;
    QAreaSeries *highlightSeries() const { return m_highlight; }
    QLineSeries *cursorSeries() const { return m_cursor; }
    /** The tangent at the cursor for row (nullptr until the cursor first shows one). */
    QLineSeries *tangentSeries(int row) const;

    /** One entry of the legend under the plot, in plain text. */
    struct LegendEntry
    {
        enum Kind { Curve, ZeroBand, SaturatedBand, More }; ///< More: "… and 12 more" curves
        Kind kind = Curve;
        QString text;
        QColor color;
        bool emphasised = false; ///< the focused function's curve
        bool operator==(const LegendEntry &o) const
        {
            return kind == o.kind && text == o.text && color == o.color
                && emphasised == o.emphasised;
        }
    };
    /** At most this many curves are named in the legend; the rest are counted in one entry. */
    static constexpr int MaxLegendCurves = 12;
    /** What the legend lists, in order: curves in row order (at most MaxLegendCurves, the
     * focused one always among them, then a count of the others), then at most two band kinds. */
    QList<LegendEntry> legendEntries() const { return m_legendEntries; }
    /** The legend's texts alone. */
    QStringList legendTexts() const;
    /** The legend's texts as drawn now: a text too long for a row ends in "…". */
    QStringList legendDrawnTexts() const;
    /** The legend's tooltip: every name in full when one is cut short, else empty. */
    QString legendToolTip() const;
    /** The legend's place in chart coordinates (empty when it lists nothing). */
    QRectF legendRect() const;

    /** The rows that have a lane, top to bottom (every visible row while bands are on). */
    QList<int> laneRows() const;
    /** Row's lane in chart coordinates, inside the bottom of the plot area; empty for none. */
    QRectF laneRect(int row) const;
    /** The x extents [from, to] of row's lane of one kind. */
    QList<QPair<double, double>> laneExtents(int row, SaturationKind kind) const;
    /** The lowest y of the data: the y axis reaches further down to make room for the lanes. */
    double dataYMin() const { return m_dataYMin; }

    /** A sentence of what the chart shows, for screen readers. */
    QString description() const { return m_description; }

Q_SIGNALS:
    /** The chart was redrawn; description() may have changed. */
    void refreshed();

private:
    struct CurveSlot
    {
        QList<QLineSeries *> pieces;
        int used = 0;
        QScatterSeries *filled = nullptr;
        QScatterSeries *open = nullptr;
    };
    struct RowSeries
    {
        std::array<CurveSlot, 2> orderSlots; // one per shown order
        std::array<QAreaSeries *, 2> bands {}; // zero, saturated
        std::array<QBrush, 2> bandBrushes;
        QLineSeries *tangent = nullptr;
        QString label;
        QColor color;
        int styledRow = -1;
        bool styledFocus = false;
        bool styled = false;
    };

    QLineSeries *newLine();
    QScatterSeries *newScatter();
    QAreaSeries *newBand(bool withLower = false);
    void ensureRows(int count);
    void retireSeries(QAbstractSeries *series);
    void ensurePieces(CurveSlot &slot, int count);
    void ensureRowSeries(int row);
    bool rowBandsShown(int row) const;
    void restack();
    void styleRow(int row, const QString &label, const QColor &color);
    void updateRow(int row);
    void updateBands(int row, double yMin, double yMax);
    void updateHighlight();
    void updateCursor();
    void updateAxes(double xMin, double xMax, double yMin, double yMax);
    void updateYRange();
    void updateTicks();
    void onPlotAreaChanged();
    void changeAxisRange(QValueAxis *axis, double min, double max);
    bool m_adjustingPlotArea = false;
    bool m_changingAxis = false; ///< inside an axis' setRange(): its signals are still going out
    bool m_adjustQueued = false; ///< a plot-area adjustment waits for the event loop
    void onGeometryChanged();
    void relayoutSoon();
    int effectiveFocus() const;
    bool bandsShown() const;
    double laneZoneHeight() const;
    void updateLanes();
    void updatePoints();
    void layoutPoints();
    /** The text of marker index and of those on the same spot, for its tooltip and label. */
    QString pointsTextAt(int index) const;
    void updateLegend();
    void layoutLegend();
    void updateBandTexture();
    QList<BandLayer> bandLayers() const;
    void updateDescription();
    void clearAll();
    void applyAppearance();
    void applyRulePens();
    void updateAxesItem();
    void updateMargins();
    void layoutTitle();

    QPointer<SceneModel> m_model;
    QMetaObject::Connection m_modelConnection;
    ChartContent m_content = ChartContent::Function;
    bool m_bandsVisible = true;
    int m_focusRow = -1;
    bool m_allBands = false;
    int m_stackedFocus = -1; // the focus the series were last stacked for
    int m_highlightRow = -1;
    int m_highlightIndex = -1;
    std::optional<double> m_cursorX;

    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QList<RowSeries> m_rows;
    QAreaSeries *m_highlight = nullptr;
    QLineSeries *m_cursor = nullptr;
    bool m_needsRestack = false;
    PlotChartAxes *m_axes = nullptr; // child item: paints the hidden QValueAxes
    qreal m_legendRoom = 0; // px under the x axis' title for the legend
    QGraphicsSimpleTextItem *m_titleItem = nullptr; // child item; Qt's title stays empty
    QString m_titleText;
    qreal m_titleRoom = 0; // px over the plot for the title
    PlotChartBands *m_bandItem = nullptr; // child item under the grid; paints the band texture
    PlotChartLanes *m_lanes = nullptr; // child item
    PlotChartLaneCaption *m_laneCaption = nullptr; // child item
    PlotChartLegend *m_legend = nullptr; // child item; Qt's own legend stays hidden
    PlotChartPoints *m_points = nullptr; // child item, over the series
    bool m_pointsVisible = false;
    QList<PointMarker> m_pointMarkers;
    QList<LegendEntry> m_legendEntries;
    double m_dataYMin = -1;
    double m_dataYMax = 1;
    QString m_description;
    bool m_vectorBands = false;
    bool m_paused = false;
    bool m_relayoutPending = false; ///< a queued extra layout pass (relayoutSoon)
    bool m_stale = false; // the model changed while paused
    qreal m_devicePixelRatio = 1;
    QList<double> m_textureKey; // what the current band texture was built from
    ChartAppearance m_appearance;
};
