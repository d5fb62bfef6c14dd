// The chart a SceneModel is drawn into: series mirror the model's pieces, updates go through
// replace() into the same series and axes, bands and markers sit where the analysis says; lanes
// show every function's bands, full-height bands only the focused function's.

#include "plotchart.h"
#include "scenemodel.h"

#include <QAreaSeries>
#include <QGraphicsScene>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

class TestPlotChart : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void seriesMirrorModelPieces_data();
    void seriesMirrorModelPieces();
    void parameterChangeReplacesInSameSeries();
    void minimumLegendRowsKeepThePlotSize();
    void axesFollowModelRanges();
    void axisTitlesAndReadableTicks();
    void noNegativeZeroTicks_data();
    void noNegativeZeroTicks();
    void jumpGivesSeparateSeriesAndMarkers();
    void bandsMatchSaturationIntervals_data();
    void bandsMatchSaturationIntervals();
    void bandsCanBeHidden();
    void bandsPaintAsTextureOrVector();
    void highlightedInterval();
    void focusGivesOneFunctionFullHeightBands();
    void allBandsBringsBackEveryFunctionsBands();
    void lanesForEveryVisibleFunction();
    void lanesHaveRoomBelowTheData();
    void rangeChangesWhileALayoutIsPending();
    void rangesNearTheEndsOfDouble();
    void focusedCurveOnTopAndThicker();
    void seriesOnlyWhereSomethingIsDrawn();
    void legendCountsWhatItCannotName();
    void cutLegendNamesAreReadInTheTooltip();
    void openCirclesUnderFilledDots();
    void legendNamesOneEntryPerCurveAndBandKind_data();
    void legendNamesOneEntryPerCurveAndBandKind();
    void legendUnderThePlotWrapsLongNames();
    void namesArePlainText();
    void titlesAndReadableFonts();
    void hiddenRowLeavesChartAndLegend();
    void cursorAndTangent();
    void overlayShowsBothOrders();
    void secondDerivative();
    void rowsAddedAndRemoved();
    void rebindsToAnotherModel();
    void descriptionNamesFunctionsAndBands();
    void pointMarkersSitOnTheirPoints();
    void pointMarkerTextsAndPinning();

private:
    /** Legend entries that show, by name. */
    QStringList visibleLegendNames() const { return m_chart->legendTexts(); }
    int rowOf(const QString &id) const;
    /** Where the lowest y of the data lies on the scene (y grows downwards). */
    double dataBottomY() const
    {
        const QRectF area = m_chart->plotArea();
        const double yMin = m_chart->yAxis()->min();
        const double yMax = m_chart->yAxis()->max();
        return area.top() + (yMax - m_chart->dataYMin()) / (yMax - yMin) * area.height();
    }
    /** The series' places in the chart's paint order (later on top). */
    int stackIndex(const QAbstractSeries *series) const
    {
        return int(m_chart->series().indexOf(const_cast<QAbstractSeries *>(series)));
    }

    std::unique_ptr<SceneModel> m_model;
    std::unique_ptr<QGraphicsScene> m_scene;
    PlotChart *m_chart = nullptr; // owned by m_scene
};

void TestPlotChart::init()
{
    m_model = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_model->addFunction(QString::fromLatin1(id)));
    m_scene = std::make_unique<QGraphicsScene>();
    m_chart = new PlotChart;
    m_scene->addItem(m_chart);
    m_chart->layoutNow(QSizeF(800, 500));
    m_chart->setModel(m_model.get());
}

void TestPlotChart::cleanup()
{
    m_scene.reset();
    m_chart = nullptr;
    m_model.reset();
}

void TestPlotChart::minimumLegendRowsKeepThePlotSize()
{
    // An animation's frames reserve the rows their longest legend needs: the plot shrinks by
    // the rows reserved, and a legend that needs more takes them anyway.
    m_chart->layoutNow(QSizeF(800, 500));
    QCOMPARE(m_chart->legendRows(), 1);
    const QRectF one = m_chart->plotArea();
    m_chart->setMinimumLegendRows(3);
    m_chart->layoutNow(QSizeF(800, 500));
    QCOMPARE(m_chart->legendRows(), 1); // what the entries take, not the reservation
    const QRectF three = m_chart->plotArea();
    QVERIFY2(three.height() < one.height() - 20, qPrintable(QStringLiteral("%1 vs %2")
                                                           .arg(three.height()).arg(one.height())));
    QCOMPARE(three.top(), one.top());
    m_chart->setMinimumLegendRows(0);
    m_chart->layoutNow(QSizeF(800, 500));
    QCOMPARE(m_chart->plotArea(), one);
    // Narrow enough to wrap, the entries take their own rows whatever the minimum.
    m_chart->setMinimumLegendRows(1);
    m_chart->layoutNow(QSizeF(260, 500));
    QVERIFY(m_chart->legendRows() > 1);
}

int TestPlotChart::rowOf(const QString &id) const
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->function(r).spec->id == id)
            return r;
    }
    return -1;
}

void TestPlotChart::seriesMirrorModelPieces_data()
{
    QTest::addColumn<ChartContent>("content");
    QTest::addColumn<int>("order");
    QTest::newRow("f") << ChartContent::Function << 0;
    QTest::newRow("f′") << ChartContent::FirstDerivative << 1;
}

void TestPlotChart::seriesMirrorModelPieces()
{
    QFETCH(ChartContent, content);
    QFETCH(int, order);
    m_chart->setContent(content);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const PlotCurve &curve = m_model->curve(row, order);
        const QList<QLineSeries *> series = m_chart->curveSeries(row, order);
        QCOMPARE(series.size(), curve.pieces.size());
        for (int i = 0; i < series.size(); ++i) {
            QVERIFY(series[i]->isVisible());
            QVERIFY(series[i]->chart() == m_chart);
            QCOMPARE(series[i]->points(), curve.pieces[i]);
            QCOMPARE(series[i]->pen().color(), m_model->function(row).color);
        }
    }
}

void TestPlotChart::parameterChangeReplacesInSameSeries()
{
    QVERIFY(m_model->addFunction(QStringLiteral("leaky_relu")));
    const int row = m_model->rowCount() - 1;
    QValueAxis *x = m_chart->xAxis();
    QValueAxis *y = m_chart->yAxis();
    const QList<QAbstractAxis *> axes = m_chart->axes();
    const QList<QLineSeries *> before = m_chart->curveSeries(row, 0);
    QVERIFY(!before.isEmpty());
    const int seriesCount = int(m_chart->series().size());
    QSignalSpy replaced(before.first(), &QXYSeries::pointsReplaced);
    QSignalSpy added(before.first(), &QXYSeries::pointAdded);

    QVERIFY(m_model->setParameter(row, QStringLiteral("negative_slope"), 0.2));

    // The same axes and series objects; the curve arrived in one replace().
    QCOMPARE(m_chart->xAxis(), x);
    QCOMPARE(m_chart->yAxis(), y);
    QCOMPARE(m_chart->axes(), axes);
    QCOMPARE(m_chart->series().size(), seriesCount);
    QCOMPARE(m_chart->curveSeries(row, 0), before);
    QCOMPARE(replaced.count(), 1);
    QCOMPARE(added.count(), 0);
    QCOMPARE(before.first()->points(), m_model->curve(row, 0).pieces.first());
    // At x = −6 the curve is now −1.2.
    QCOMPARE(before.first()->points().first(), QPointF(-6, -1.2));
    QCOMPARE(before.first()->name(), QStringLiteral("leaky_relu (negative_slope 0.2)"));

    // A range change too.
    QVERIFY(m_model->setRange(-3, 2));
    QCOMPARE(m_chart->xAxis(), x);
    QCOMPARE(m_chart->series().size(), seriesCount);
    QCOMPARE(replaced.count(), 2);
}

void TestPlotChart::axesFollowModelRanges()
{
    QCOMPARE(m_chart->xAxis()->min(), -6.0);
    QCOMPARE(m_chart->xAxis()->max(), 6.0);
    // The data's range; the axis reaches further down by the lanes' room.
    QCOMPARE(m_chart->dataYMin(), m_model->yRange(0).from);
    QVERIFY(m_chart->yAxis()->min() < m_model->yRange(0).from);
    QCOMPARE(m_chart->yAxis()->max(), m_model->yRange(0).to);
    QVERIFY(m_model->setRange(-2, 10));
    QCOMPARE(m_chart->xAxis()->min(), -2.0);
    QCOMPARE(m_chart->xAxis()->max(), 10.0);
    m_chart->setContent(ChartContent::FirstDerivative);
    QCOMPARE(m_chart->dataYMin(), m_model->yRange(1).from);
    QCOMPARE(m_chart->yAxis()->max(), m_model->yRange(1).to);
    // Without bands there are no lanes and no room kept for them.
    m_chart->setBandsVisible(false);
    QCOMPARE(m_chart->yAxis()->min(), m_model->yRange(1).from);
}

void TestPlotChart::axisTitlesAndReadableTicks()
{
    QCOMPARE(m_chart->xAxis()->titleText(), QStringLiteral("x"));
    QCOMPARE(m_chart->yAxis()->titleText(), QStringLiteral("f(x)"));
    QCOMPARE(m_chart->xAxis()->tickType(), QValueAxis::TicksDynamic);
    // −6 … 6 across 800 px: a step of 1 or 2, labels without decimals.
    const double step = m_chart->xAxis()->tickInterval();
    QVERIFY2(step == 1 || step == 2, qPrintable(QString::number(step)));
    QCOMPARE(m_chart->xAxis()->labelFormat(), QStringLiteral("%.0f"));
    // f spans about −1.4 … 6.4 (relu reaches 6): a step of 1 or 2 over 2 to 12 ticks.
    const double yStep = m_chart->yAxis()->tickInterval();
    QVERIFY2(yStep == 1 || yStep == 2, qPrintable(QString::number(yStep)));
    QCOMPARE(m_chart->yAxis()->labelFormat(), QStringLiteral("%.0f"));
    // Without relu, about −1.1 … 1.1: 0.2 or 0.5 with one decimal.
    QVERIFY(m_model->setVisible(rowOf(QStringLiteral("relu")), false));
    const double smallStep = m_chart->yAxis()->tickInterval();
    QVERIFY2(smallStep == 0.2 || smallStep == 0.5, qPrintable(QString::number(smallStep)));
    QCOMPARE(m_chart->yAxis()->labelFormat(), QStringLiteral("%.1f"));

    m_chart->setContent(ChartContent::FirstDerivative);
    QCOMPARE(m_chart->yAxis()->titleText(), QStringLiteral("f′(x)"));
    m_chart->setContent(ChartContent::SecondDerivative);
    QCOMPARE(m_chart->yAxis()->titleText(), QStringLiteral("f″(x)"));

    QVERIFY(m_model->setRange(0, 0.01));
    QCOMPARE(m_chart->xAxis()->labelFormat(), QStringLiteral("%.3f"));
}

void TestPlotChart::noNegativeZeroTicks_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::newRow("−0.85 … 0.85") << -0.85 << 0.85;
    QTest::newRow("−1 … 1") << -1.0 << 1.0;
    QTest::newRow("−0.3 … 0.7") << -0.3 << 0.7;
    QTest::newRow("−0.07 … 0.05") << -0.07 << 0.05;
    QTest::newRow("−6 … 6") << -6.0 << 6.0;
    QTest::newRow("−0.8 … 0.8") << -0.8 << 0.8;
    QTest::newRow("−0.4 … 0.4") << -0.4 << 0.4;
    QTest::newRow("−0.9 … 0.7") << -0.9 << 0.7;
    QTest::newRow("−1.2 … 0.6") << -1.2 << 0.6;
    QTest::newRow("−0.08 … 0.08") << -0.08 << 0.08;
    QTest::newRow("−0.85 … 0.5") << -0.85 << 0.5; // 0.2 summed from −0.8: "-0.0" in Qt's way
    QTest::newRow("−0.81 … 0.45") << -0.81 << 0.45;
}

void TestPlotChart::noNegativeZeroTicks()
{
    // Qt adds the interval up from the first tick: 0.2 summed from −0.8 gives −5.6e−17 at zero,
    // which "%.1f" prints as "-0.0". The chart picks an anchor that avoids it.
    QFETCH(double, from);
    QFETCH(double, to);
    QVERIFY(m_model->setRange(from, to));
    QValueAxis *x = m_chart->xAxis();
    const double interval = x->tickInterval();
    const double anchor = x->tickAnchor();
    // Qt's own sum (qtcharts chartvalueaxisx.cpp), printed as Qt prints it.
    double v = anchor - std::floor((anchor - x->min()) / interval) * interval;
    QStringList labels;
    while (v <= x->max()) {
        labels << QString::asprintf(qPrintable(x->labelFormat()), v);
        v += interval;
    }
    QVERIFY2(!labels.isEmpty(), qPrintable(x->labelFormat()));
    for (const QString &label : labels)
        QVERIFY2(!QRegularExpression(QStringLiteral("^-0\\.?0*$")).match(label).hasMatch(),
                 qPrintable(labels.join(QLatin1Char(' '))));
    // Every multiple of the interval in the range gets a tick; at most one at an end of the
    // range may be lost where Qt's sum cannot give both it and a clean zero.
    const double all = std::floor(to / interval + 1e-9) - std::ceil(from / interval - 1e-9) + 1;
    QVERIFY2(labels.size() >= all - 1, qPrintable(labels.join(QLatin1Char(' '))));
}

void TestPlotChart::jumpGivesSeparateSeriesAndMarkers()
{
    const int step = rowOf(QStringLiteral("step"));
    const PlotCurve &curve = m_model->curve(step, 0);
    QVERIFY(curve.pieces.size() >= 2);
    const QList<QLineSeries *> series = m_chart->curveSeries(step, 0);
    QCOMPARE(series.size(), curve.pieces.size());
    // No series bridges the jump at 0.
    QVERIFY(series[0]->points().last().x() <= 0);
    QVERIFY(series[1]->points().first().x() >= 0);
    QCOMPARE(series[0]->points().last().y(), 0.0);
    QCOMPARE(series[1]->points().first().y(), 1.0);

    QList<QPointF> filled;
    QList<QPointF> open;
    for (const CurveMarker &m : curve.markers)
        (m.filled ? filled : open).append(QPointF(m.x, m.y));
    QVERIFY(!filled.isEmpty());
    QVERIFY(!open.isEmpty());
    QScatterSeries *f = m_chart->markerSeries(step, 0, true);
    QScatterSeries *o = m_chart->markerSeries(step, 0, false);
    QCOMPARE(f->points(), filled);
    QCOMPARE(o->points(), open);
    QVERIFY(f->isVisible());
    QCOMPARE(f->brush().color(), m_model->function(step).color);
    QCOMPARE(o->pen().color(), m_model->function(step).color);
    QCOMPARE(o->brush().color(), QColor(Qt::white));
}

void TestPlotChart::bandsMatchSaturationIntervals_data()
{
    QTest::addColumn<ChartContent>("content");
    QTest::newRow("f") << ChartContent::Function;
    QTest::newRow("f′") << ChartContent::FirstDerivative;
    QTest::newRow("overlay") << ChartContent::Overlay;
}

void TestPlotChart::bandsMatchSaturationIntervals()
{
    QFETCH(ChartContent, content);
    m_chart->setContent(content);
    for (const QString &id : { QStringLiteral("sigmoid"), QStringLiteral("relu") }) {
        const int row = rowOf(id);
        m_chart->setFocusRow(row); // full-height bands are the focused function's
        for (SaturationKind kind : { SaturationKind::Zero, SaturationKind::Saturated }) {
            QList<QPair<double, double>> expected;
            for (const SaturationInterval &i : m_model->saturation(row).intervals) {
                if (i.kind == kind)
                    expected.append({ i.from, i.to });
            }
            QAreaSeries *band = m_chart->bandSeries(row, kind);
            QVERIFY(band);
            QCOMPARE(PlotChart::bandExtents(band), expected);
            QCOMPARE(band->isVisible(), !expected.isEmpty());
            if (!expected.isEmpty()) {
                // Spans the data's whole y range (the lanes lie below), tinted in the curve's
                // colour.
                const QList<QPointF> p = band->upperSeries()->points();
                QCOMPARE(p[1].y(), m_chart->yAxis()->max());
                QCOMPARE(p[0].y(), m_chart->dataYMin());
                QCOMPARE(band->lowerSeries()->points().first().y(), m_chart->dataYMin());
                QColor c = m_chart->bandBrush(row, kind).color();
                c.setAlpha(255);
                QCOMPARE(c, m_model->function(row).color);
                QVERIFY(m_chart->bandBrush(row, kind).color().alpha() < 255);
            }
        }
    }
    // Sigmoid saturates on both sides, relu is zero left of 0.
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    m_chart->setAllBands(true);
    const auto sat
        = PlotChart::bandExtents(m_chart->bandSeries(sigmoid, SaturationKind::Saturated));
    QCOMPARE(sat.size(), 2);
    QCOMPARE(sat[0].first, -6.0);
    QVERIFY(sat[0].second < -4 && sat[0].second > -5);
    QCOMPARE(sat[1].second, 6.0);
    const auto zero = PlotChart::bandExtents(
        m_chart->bandSeries(rowOf(QStringLiteral("relu")), SaturationKind::Zero));
    QCOMPARE(zero.size(), 1);
    QCOMPARE(zero[0].first, -6.0);
    QCOMPARE(zero[0].second, 0.0);
    // Zero and saturated look different.
    QVERIFY(m_chart->bandBrush(sigmoid, SaturationKind::Zero).style()
            != m_chart->bandBrush(sigmoid, SaturationKind::Saturated).style());

    // ε moves the band edges.
    QVERIFY(m_model->setEpsilon(0.1));
    const auto wider
        = PlotChart::bandExtents(m_chart->bandSeries(sigmoid, SaturationKind::Saturated));
    QCOMPARE(wider.size(), 2);
    QVERIFY(wider[0].second > sat[0].second);
}

void TestPlotChart::bandsCanBeHidden()
{
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    m_chart->setFocusRow(sigmoid);
    QAreaSeries *band = m_chart->bandSeries(sigmoid, SaturationKind::Saturated);
    QVERIFY(band->isVisible());
    QCOMPARE(m_chart->laneRows().size(), 4);
    m_chart->setBandsVisible(false);
    QVERIFY(!band->isVisible());
    QVERIFY(!visibleLegendNames().contains(band->name()));
    QVERIFY(m_chart->laneRows().isEmpty());
    QVERIFY(m_chart->laneRect(sigmoid).isEmpty());
    m_chart->setBandsVisible(true);
    QVERIFY(band->isVisible());
    QVERIFY(visibleLegendNames().contains(band->name()));
    QCOMPARE(m_chart->laneRows().size(), 4);
}

void TestPlotChart::bandsPaintAsTextureOrVector()
{
    // Raster: the series stay (for the legend and the extents) but fill nothing; one texture
    // over the plot area, under the grid, carries all bands at once. Not the plot area's
    // background brush: setting that relayouts the whole chart on every slider step.
    const int relu = rowOf(QStringLiteral("relu"));
    m_chart->setFocusRow(relu);
    QAreaSeries *zero = m_chart->bandSeries(relu, SaturationKind::Zero);
    QCOMPARE(zero->brush().style(), Qt::NoBrush);
    QVERIFY(m_chart->isBandTextureVisible());
    QVERIFY(!m_chart->isPlotAreaBackgroundVisible());
    const QImage tile = m_chart->bandTexture();
    QVERIFY(!tile.isNull());
    const QRectF area = m_chart->plotArea();
    QCOMPARE(m_chart->bandTextureRect(), area);
    QCOMPARE(tile.width(), int(std::ceil(area.width())));
    // relu's hatching sits left of x = 0 only: its colour appears in the left half.
    const auto tinted = [&](int x0, int x1) {
        int n = 0;
        for (int y = 0; y < tile.height(); ++y) {
            for (int x = x0; x < x1; ++x)
                n += tile.pixel(x, y) != QColor(Qt::white).rgb();
        }
        return n;
    };
    QVERIFY(tinted(0, tile.width() / 2) > 0);
    QCOMPARE(tinted(tile.width() / 2 + 2, tile.width()), 0);
    m_chart->setBandsVisible(false);
    QVERIFY(!m_chart->isBandTextureVisible());
    QVERIFY(m_chart->bandTexture().isNull());
    m_chart->setBandsVisible(true);
    QVERIFY(m_chart->isBandTextureVisible());
    QVERIFY(tinted(0, tile.width()) > 0);

    // A device with twice the pixels gets a texture with twice the pixels.
    m_chart->setDevicePixelRatio(2);
    const QImage sharp = m_chart->bandTexture();
    QCOMPARE(sharp.width(), int(std::ceil(area.width() * 2)));
    QCOMPARE(sharp.devicePixelRatio(), 2.0);

    // Vector (SVG): each band fills itself with its own brush.
    m_chart->setVectorBands(true);
    QCOMPARE(zero->brush().style(), Qt::SolidPattern); // patterns are unreliable in SVG viewers
    QCOMPARE(zero->brush().color().rgb(), m_model->function(relu).color.rgb());
    m_chart->setAllBands(true);
    QAreaSeries *saturated
        = m_chart->bandSeries(rowOf(QStringLiteral("sigmoid")), SaturationKind::Saturated);
    QCOMPARE(saturated->brush(),
             m_chart->bandBrush(rowOf(QStringLiteral("sigmoid")), SaturationKind::Saturated));
    QVERIFY(zero->brush().color().alpha() > saturated->brush().color().alpha());
    QVERIFY(!m_chart->isBandTextureVisible());
    QVERIFY(!m_chart->isPlotAreaBackgroundVisible());
    QCOMPARE(PlotChart::bandExtents(zero), (QList<QPair<double, double>> { { -6.0, 0.0 } }));
}

void TestPlotChart::highlightedInterval()
{
    QVERIFY(!m_chart->highlightSeries()->isVisible());
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    m_chart->setHighlightedInterval(sigmoid, 1);
    const SaturationInterval i = m_model->saturation(sigmoid).intervals.at(1);
    QVERIFY(m_chart->highlightSeries()->isVisible());
    QCOMPARE(PlotChart::bandExtents(m_chart->highlightSeries()),
             (QList<QPair<double, double>> { { i.from, i.to } }));
    // Stronger than the band it highlights.
    QVERIFY(m_chart->highlightSeries()->brush().color().alpha()
            > m_chart->bandBrush(sigmoid, SaturationKind::Saturated).color().alpha());
    m_chart->setHighlightedInterval(-1, -1);
    QVERIFY(!m_chart->highlightSeries()->isVisible());
    m_chart->setHighlightedInterval(sigmoid, 99); // no such interval
    QVERIFY(!m_chart->highlightSeries()->isVisible());
}

void TestPlotChart::focusGivesOneFunctionFullHeightBands()
{
    // No focus: no full-height bands at all, so none pile up; the plot area stays white.
    QCOMPARE(m_chart->focusRow(), -1);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (SaturationKind kind : { SaturationKind::Zero, SaturationKind::Saturated })
            QVERIFY(!PlotChart::isShown(m_chart->bandSeries(row, kind)));
    }
    QVERIFY(!m_chart->isBandTextureVisible());

    // The focus: its own bands only, and the texture holds its colour alone.
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    m_chart->setFocusRow(sigmoid);
    QCOMPARE(m_chart->focusRow(), sigmoid);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (SaturationKind kind : { SaturationKind::Zero, SaturationKind::Saturated }) {
            const bool expected = row == sigmoid && kind == SaturationKind::Saturated;
            QVERIFY2(PlotChart::isShown(m_chart->bandSeries(row, kind)) == expected,
                     qPrintable(m_model->function(row).label()));
        }
    }
    QVERIFY(m_chart->isBandTextureVisible());
    const QImage tile = m_chart->bandTexture().convertToFormat(QImage::Format_RGB32);
    const QColor c = m_model->function(sigmoid).color;
    int tinted = 0;
    for (int x = 0; x < tile.width(); ++x) {
        const QRgb p = tile.pixel(x, 0);
        if (p == QColor(Qt::white).rgb())
            continue;
        ++tinted;
        // White washed with the sigmoid's colour: each channel moved toward it, in proportion.
        const double a = double(255 - qBlue(p)) / (255 - c.blue());
        QVERIFY2(std::abs(255 - a * (255 - c.red()) - qRed(p)) <= 2
                     && std::abs(255 - a * (255 - c.green()) - qGreen(p)) <= 2,
                 qPrintable(QColor(p).name()));
    }
    QVERIFY(tinted > tile.width() / 10);

    // Moving the focus moves the bands.
    const int relu = rowOf(QStringLiteral("relu"));
    m_chart->setFocusRow(relu);
    QVERIFY(!PlotChart::isShown(m_chart->bandSeries(sigmoid, SaturationKind::Saturated)));
    QVERIFY(PlotChart::isShown(m_chart->bandSeries(relu, SaturationKind::Zero)));
    QCOMPARE(PlotChart::bandExtents(m_chart->bandSeries(relu, SaturationKind::Zero)),
             (QList<QPair<double, double>> { { -6.0, 0.0 } }));

    // A hidden focus, or one the model does not have, is no focus.
    QVERIFY(m_model->setVisible(relu, false));
    QVERIFY(!PlotChart::isShown(m_chart->bandSeries(relu, SaturationKind::Zero)));
    QVERIFY(!m_chart->isBandTextureVisible());
    QVERIFY(m_model->setVisible(relu, true));
    m_chart->setFocusRow(99);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(!PlotChart::isShown(m_chart->bandSeries(row, SaturationKind::Zero)));
    m_chart->setFocusRow(-5);
    QCOMPARE(m_chart->focusRow(), -1);
}

void TestPlotChart::allBandsBringsBackEveryFunctionsBands()
{
    m_chart->setFocusRow(rowOf(QStringLiteral("sigmoid")));
    const int tanh = rowOf(QStringLiteral("tanh"));
    QVERIFY(!PlotChart::isShown(m_chart->bandSeries(tanh, SaturationKind::Saturated)));
    const QBrush focusedWash
        = m_chart->bandBrush(rowOf(QStringLiteral("sigmoid")), SaturationKind::Saturated);
    m_chart->setAllBands(true);
    QVERIFY(m_chart->allBands());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (SaturationKind kind : { SaturationKind::Zero, SaturationKind::Saturated }) {
            bool has = false;
            for (const SaturationInterval &i : m_model->saturation(row).intervals)
                has = has || i.kind == kind;
            QCOMPARE(PlotChart::isShown(m_chart->bandSeries(row, kind)), has);
        }
    }
    // Lighter when they pile up than the focused function's alone.
    QVERIFY(m_chart->bandBrush(rowOf(QStringLiteral("sigmoid")), SaturationKind::Saturated)
                .color()
                .alpha()
            < focusedWash.color().alpha());
    // The legend names the kinds once, in grey, for all.
    QVERIFY(visibleLegendNames().contains(QStringLiteral("saturated |f′| < ε")));
    QVERIFY(visibleLegendNames().contains(QStringLiteral("zero f′ = 0")));
    m_chart->setAllBands(false);
    QVERIFY(!PlotChart::isShown(m_chart->bandSeries(tanh, SaturationKind::Saturated)));
}

void TestPlotChart::lanesForEveryVisibleFunction()
{
    // Whatever the focus: one lane per visible function, in row order, top to bottom.
    for (int focus : { -1, 1, 3 }) {
        m_chart->setFocusRow(focus);
        QCOMPARE(m_chart->laneRows(), (QList<int> { 0, 1, 2, 3 }));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (SaturationKind kind : { SaturationKind::Zero, SaturationKind::Saturated }) {
                QList<QPair<double, double>> expected;
                for (const SaturationInterval &i : m_model->saturation(row).intervals) {
                    if (i.kind == kind)
                        expected.append({ i.from, i.to });
                }
                QCOMPARE(m_chart->laneExtents(row, kind), expected);
            }
        }
    }
    const QRectF area = m_chart->plotArea();
    QRectF previous;
    for (int row : m_chart->laneRows()) {
        const QRectF lane = m_chart->laneRect(row);
        QVERIFY(!lane.isEmpty());
        // Thin strips across the whole plot, inside its bottom.
        QVERIFY2(lane.height() >= 3 && lane.height() <= 8,
                 qPrintable(QString::number(lane.height())));
        QCOMPARE(lane.left(), area.left());
        QCOMPARE(lane.width(), area.width());
        QVERIFY(area.contains(lane));
        if (!previous.isNull())
            QVERIFY(lane.top() >= previous.bottom());
        previous = lane;
    }

    // A hidden function has no lane; ε moves the lanes' edges as the bands'.
    const int tanh = rowOf(QStringLiteral("tanh"));
    QVERIFY(m_model->setVisible(tanh, false));
    QCOMPARE(m_chart->laneRows(), (QList<int> { 0, 1, 3 }));
    QVERIFY(m_chart->laneRect(tanh).isEmpty());
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    const auto before = m_chart->laneExtents(sigmoid, SaturationKind::Saturated);
    QVERIFY(m_model->setEpsilon(0.1));
    QVERIFY(m_chart->laneExtents(sigmoid, SaturationKind::Saturated).first().second
            > before.first().second);

    // f″ is not about |f′|: no lanes, no bands.
    m_chart->setContent(ChartContent::SecondDerivative);
    QVERIFY(m_chart->laneRows().isEmpty());
}

void TestPlotChart::lanesHaveRoomBelowTheData()
{
    // The lanes lie below the lowest y of the data, so no curve runs through them: a flat
    // saturated tail (tanh at −1 on f, everything at 0 on f′) sits right at the data's bottom.
    for (ChartContent content : { ChartContent::Function, ChartContent::FirstDerivative }) {
        m_chart->setContent(content);
        m_chart->layoutNow(QSizeF(800, 500));
        const QRectF area = m_chart->plotArea();
        const double dataBottom = dataBottomY();
        const QRectF first = m_chart->laneRect(m_chart->laneRows().first());
        const QRectF last = m_chart->laneRect(m_chart->laneRows().last());
        QVERIFY2(first.top() >= dataBottom,
                 qPrintable(QStringLiteral("%1 %2").arg(first.top()).arg(dataBottom)));
        QVERIFY(last.bottom() <= area.bottom());
        // …and take a small share of the plot.
        QVERIFY(area.bottom() - dataBottom < 0.25 * area.height());
        // Curves stay above the lanes.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (QLineSeries *s :
                 m_chart->curveSeries(row, content == ChartContent::Function ? 0 : 1)) {
                for (const QPointF &p : s->points())
                    QVERIFY(p.y() >= m_chart->dataYMin());
            }
        }
    }
}

void TestPlotChart::rangeChangesWhileALayoutIsPending()
{
    // A new x range whose y labels change the axis' width lays the chart out in the middle of
    // the y axis' setRange(), while Qt Charts still hands the old range to one series' domain
    // after another. Setting the y range for the new plot height right there made the domains
    // still to come hand the old one back, and the two bounced until the stack overflowed
    // (tst_monkey seed 1). The adjustment now waits for the event loop; once it has run, the
    // lanes have their room below the data again.
    QVERIFY(m_model->addFunction(QStringLiteral("selu")));
    QVERIFY(m_model->addFunction(QStringLiteral("softplus")));
    QRandomGenerator rng(1);
    static const double ends[][2] = { { -40, 79.3 }, { -6, 6 }, { -0.5, 0.25 }, { -3, 900 },
                                      { 2, 3 }, { -1000, 1000 }, { -9.7, 4.1 } };
    for (int i = 0; i < 200; ++i) {
        // A new size waits for QGraphicsWidget's posted layout; the range change comes first.
        m_chart->resize(QSizeF(300 + rng.bounded(900), 200 + rng.bounded(600)));
        const auto &range = ends[rng.bounded(int(std::size(ends)))];
        QVERIFY(m_model->setRange(range[0], range[1]));
        if (rng.bounded(3) == 0)
            QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();

    const QRectF area = m_chart->plotArea();
    const double yMin = m_chart->yAxis()->min();
    const double yMax = m_chart->yAxis()->max();
    const double dataBottom = dataBottomY();
    const QRectF first = m_chart->laneRect(m_chart->laneRows().first());
    QVERIFY2(first.top() >= dataBottom - 0.5,
             qPrintable(QStringLiteral("lanes from %1, data down to %2").arg(first.top()).arg(dataBottom)));
    // The same as a chart laid out at that size from the start.
    auto *fresh = new PlotChart;
    m_scene->addItem(fresh);
    fresh->setModel(m_model.get());
    fresh->layoutNow(m_chart->size());
    QCoreApplication::processEvents();
    QCOMPARE(fresh->plotArea(), area);
    QCOMPARE(fresh->yAxis()->min(), yMin);
    QCOMPARE(fresh->yAxis()->max(), yMax);
}

void TestPlotChart::rangesNearTheEndsOfDouble()
{
    // Qt Charts steps to its first tick a whole number of intervals below the range: from an
    // end near −1.8e308 that overflowed to −inf, and its minor-tick loop stepped from −inf for
    // ever (tst_monkey seed 218, 3000 events). The axis shows at most ±1e307 (the rest is off
    // the plot), and each range gets a handful of ticks inside it.
    static const double ranges[][2] = { { -1.7140251899286106e+308, 8.1620247139457655e+306 },
                                        { 1e307, 1.5e308 }, { -1.7e308, 8e306 },
                                        { -6, 6 }, { -1.7e308, -1e308 }, { 1e308, 1.7e308 },
                                        { -1.79e308, 1e-300 }, { -1, 1 } };
    for (const auto &r : ranges) {
        QVERIFY(m_model->setRange(r[0], r[1]));
        QCoreApplication::processEvents();
        const QValueAxis *x = m_chart->xAxis();
        const double lo = std::clamp(r[0], -1e307, 1e307);
        const double hi = std::clamp(r[1], -1e307, 1e307);
        if (lo < hi) {
            QCOMPARE(x->min(), lo);
            QCOMPARE(x->max(), hi);
        }
        // Where Qt Charts puts the first tick, and how many follow (chartvalueaxisx.cpp).
        const double interval = x->tickInterval();
        const double first = x->tickAnchor()
                - std::floor((x->tickAnchor() - x->min()) / interval) * interval;
        const double count = std::floor((x->max() - first) / interval) + 1;
        QVERIFY2(std::isfinite(first) && first >= x->min() && first <= x->max() && count >= 2
                     && count <= 20,
                 qPrintable(QStringLiteral("first tick %1, %2 ticks on [%3, %4]")
                                    .arg(first).arg(count).arg(x->min()).arg(x->max())));
    }
}

void TestPlotChart::focusedCurveOnTopAndThicker()
{
    // Rows in row order, each over the ones before: relu's zero part over step's line.
    m_chart->setFocusRow(-1);
    const auto topOf = [this](int row) {
        int top = -1;
        for (QLineSeries *s : m_chart->curveSeries(row, 0))
            top = std::max(top, stackIndex(s));
        return top;
    };
    const auto bottomOf = [this](int row) {
        int bottom = std::numeric_limits<int>::max();
        for (QLineSeries *s : m_chart->curveSeries(row, 0))
            bottom = std::min(bottom, stackIndex(s));
        return bottom;
    };
    for (int row = 1; row < m_model->rowCount(); ++row)
        QVERIFY(bottomOf(row) > topOf(row - 1));
    const qreal normal = m_chart->curveSeries(0, 0).first()->pen().widthF();

    // The focus goes on top of all, a little thicker; the others keep their order beneath.
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    m_chart->setFocusRow(sigmoid);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (row != sigmoid)
            QVERIFY2(bottomOf(sigmoid) > topOf(row), qPrintable(QString::number(row)));
    }
    QVERIFY(bottomOf(rowOf(QStringLiteral("relu"))) > topOf(rowOf(QStringLiteral("step"))));
    for (QLineSeries *s : m_chart->curveSeries(sigmoid, 0))
        QVERIFY(s->pen().widthF() > normal);
    QCOMPARE(m_chart->curveSeries(0, 0).first()->pen().widthF(), normal);
    // A row without kinks has no dot series at all; its full-height bands stay under every curve.
    QVERIFY(!m_chart->markerSeries(sigmoid, 0, true) && !m_chart->markerSeries(sigmoid, 0, false));
    QVERIFY(stackIndex(m_chart->bandSeries(sigmoid, SaturationKind::Saturated)) < bottomOf(0));

    // Moving the focus restacks and restyles, the data stays; step's dots go over every curve.
    const int step = rowOf(QStringLiteral("step"));
    m_chart->setFocusRow(step);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (row != step)
            QVERIFY(bottomOf(step) > topOf(row));
        QVERIFY(stackIndex(m_chart->markerSeries(step, 0, true)) > topOf(row));
    }
    QCOMPARE(m_chart->curveSeries(sigmoid, 0).first()->pen().widthF(), normal);
    QCOMPARE(m_chart->curveSeries(step, 0).first()->points(),
             m_model->curve(step, 0).pieces.first());
}

void TestPlotChart::openCirclesUnderFilledDots()
{
    // f′ at 0: step's f′ does not exist there (open circle), relu's is 0 (PyTorch's pick, a dot).
    // The dot shows inside the ring: the ring is larger, and drawn first, whoever has focus.
    m_chart->setContent(ChartContent::FirstDerivative);
    const int step = rowOf(QStringLiteral("step"));
    const int relu = rowOf(QStringLiteral("relu"));
    QScatterSeries *ring = m_chart->markerSeries(step, 1, false);
    QScatterSeries *dot = m_chart->markerSeries(relu, 1, true);
    QVERIFY(ring->points().contains(QPointF(0, 0)));
    QVERIFY(dot->points().contains(QPointF(0, 0)));
    QVERIFY(ring->markerSize() > dot->markerSize());
    for (int focus : { -1, step, relu }) {
        m_chart->setFocusRow(focus);
        QVERIFY(stackIndex(ring) < stackIndex(dot));
        // Markers over every curve.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (QLineSeries *s : m_chart->curveSeries(row, 1))
                QVERIFY(stackIndex(s) < stackIndex(ring));
        }
    }
}

void TestPlotChart::legendNamesOneEntryPerCurveAndBandKind_data()
{
    QTest::addColumn<int>("focus");
    QTest::addColumn<bool>("allBands");
    QTest::addColumn<QStringList>("bandEntries");
    // Plain text: "<", not "&lt;". The focused function's kinds in its name; a kind only
    // others have (the zero lanes of step and relu) once, in grey.
    QTest::newRow("focus sigmoid") << 1 << false
                                   << QStringList { QStringLiteral("zero f′ = 0"),
                                                    QStringLiteral("sigmoid: saturated |f′| < ε") };
    QTest::newRow("focus relu") << 3 << false
                                << QStringList { QStringLiteral("relu: zero f′ = 0"),
                                                 QStringLiteral("saturated |f′| < ε") };
    QTest::newRow("no focus") << -1 << false
                              << QStringList { QStringLiteral("zero f′ = 0"),
                                               QStringLiteral("saturated |f′| < ε") };
    QTest::newRow("all bands") << 1 << true
                               << QStringList { QStringLiteral("zero f′ = 0"),
                                                QStringLiteral("saturated |f′| < ε") };
}

void TestPlotChart::legendNamesOneEntryPerCurveAndBandKind()
{
    QFETCH(int, focus);
    QFETCH(bool, allBands);
    QFETCH(QStringList, bandEntries);
    m_chart->setFocusRow(focus);
    m_chart->setAllBands(allBands);
    const QStringList expected = QStringList { QStringLiteral("step"), QStringLiteral("sigmoid"),
                                               QStringLiteral("tanh"), QStringLiteral("relu") }
        + bandEntries;
    QCOMPARE(visibleLegendNames(), expected);
    // The focused curve's entry stands out; band swatches in the focus' colour or grey.
    const QList<PlotChart::LegendEntry> entries = m_chart->legendEntries();
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(entries[i].kind, PlotChart::LegendEntry::Curve);
        QCOMPARE(entries[i].emphasised, i == focus);
        QCOMPARE(entries[i].color, m_model->function(i).color);
    }
    for (int i = 4; i < entries.size(); ++i) {
        const bool named = entries[i].text.contains(QLatin1Char(':'));
        QCOMPARE(entries[i].color == m_model->function(std::max(focus, 0)).color, named);
    }
    QCOMPARE(entries[4].kind, PlotChart::LegendEntry::ZeroBand);
    QCOMPARE(entries[5].kind, PlotChart::LegendEntry::SaturatedBand);

    QVERIFY(m_model->addFunction(QStringLiteral("leaky_relu")));
    QVERIFY(m_model->setParameter(4, QStringLiteral("negative_slope"), 0.2));
    QVERIFY(visibleLegendNames().contains(QStringLiteral("leaky_relu (negative_slope 0.2)")));
    // Exactly one entry for step although it is drawn in several pieces.
    QCOMPARE(visibleLegendNames().count(QStringLiteral("step")), 1);
    // No bands, no band entries.
    m_chart->setBandsVisible(false);
    QCOMPARE(visibleLegendNames().size(), 5);
}

void TestPlotChart::legendUnderThePlotWrapsLongNames()
{
    QVERIFY(m_model->addFunction(QStringLiteral("leaky_relu")));
    QVERIFY(m_model->setParameter(4, QStringLiteral("negative_slope"), 0.2));
    m_chart->setFocusRow(1);
    // Under the plot, not beside it: the plot keeps nearly the chart's whole width.
    m_chart->layoutNow(QSizeF(800, 500));
    QRectF legend = m_chart->legendRect();
    QVERIFY(!legend.isEmpty());
    QVERIFY2(m_chart->plotArea().width() > 0.8 * 800,
             qPrintable(QString::number(m_chart->plotArea().width())));
    QVERIFY(legend.top() > m_chart->plotArea().bottom());
    QVERIFY(legend.bottom() <= 500);
    const qreal wide = legend.height();

    // Narrow: more rows, still inside the chart, still under the x axis.
    m_chart->layoutNow(QSizeF(360, 500));
    legend = m_chart->legendRect();
    QVERIFY2(legend.height() > wide,
             qPrintable(QStringLiteral("%1 %2").arg(legend.height()).arg(wide)));
    QVERIFY(legend.left() >= 0 && legend.right() <= 360);
    QVERIFY(legend.bottom() <= 500);
    QVERIFY(legend.top() > m_chart->plotArea().bottom());
    QVERIFY(m_chart->plotArea().height() > 150);

    // What the legend paints: the long name whole, not cut short.
    QImage image(360, 500, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    m_scene->render(&painter, QRectF(0, 0, 360, 500), QRectF(0, 0, 360, 500));
    painter.end();
    const QRect strip = legend.toAlignedRect().intersected(image.rect());
    int rightmostInk = -1;
    int leftmostInk = image.width();
    for (int y = strip.top(); y <= strip.bottom(); ++y) {
        for (int x = strip.left(); x <= strip.right(); ++x) {
            if (qGray(image.pixel(x, y)) < 128) {
                rightmostInk = std::max(rightmostInk, x);
                leftmostInk = std::min(leftmostInk, x);
            }
        }
    }
    QVERIFY(leftmostInk > 0 && rightmostInk < 359); // nothing runs off the edges
}

void TestPlotChart::namesArePlainText()
{
    // Series names are for other code (tests, screen readers): plain text, never HTML.
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    m_chart->setFocusRow(sigmoid); // its bands are made once they are shown
    QCOMPARE(m_chart->bandSeries(sigmoid, SaturationKind::Saturated)->name(),
             QStringLiteral("sigmoid: saturated |f′| < ε"));
    QCOMPARE(m_chart->bandSeries(sigmoid, SaturationKind::Zero)->name(),
             QStringLiteral("sigmoid: zero f′ = 0"));
    for (const QString &text : visibleLegendNames())
        QVERIFY2(!text.contains(QLatin1Char('&')), qPrintable(text));
    // Qt's own legend, which reads names as HTML, is not used.
    QVERIFY(!m_chart->legend()->isVisible());
}

void TestPlotChart::titlesAndReadableFonts()
{
    QCOMPARE(m_chart->titleText(), QStringLiteral("f(x)"));
    m_chart->setContent(ChartContent::FirstDerivative);
    QCOMPARE(m_chart->titleText(), QStringLiteral("f′(x) — the gradient"));
    m_chart->setContent(ChartContent::SecondDerivative);
    QCOMPARE(m_chart->titleText(), QStringLiteral("f″(x)"));
    m_chart->setContent(ChartContent::Overlay);
    QCOMPARE(m_chart->titleText(), QStringLiteral("f(x) and f′(x)"));
    // A headline, and ticks a projector audience can read.
    QVERIFY(m_chart->titleFont().bold());
    QVERIFY(m_chart->titleFont().pointSizeF() > m_chart->xAxis()->labelsFont().pointSizeF());
    for (QValueAxis *axis : { m_chart->xAxis(), m_chart->yAxis() })
        QVERIFY(axis->labelsFont().pointSizeF() >= 10);
}

void TestPlotChart::hiddenRowLeavesChartAndLegend()
{
    const int tanh = rowOf(QStringLiteral("tanh"));
    m_chart->setFocusRow(tanh);
    QVERIFY(visibleLegendNames().contains(QStringLiteral("tanh: saturated |f′| < ε")));
    QVERIFY(m_model->setVisible(tanh, false));
    QVERIFY(m_chart->curveSeries(tanh, 0).isEmpty());
    const QStringList names = visibleLegendNames();
    QVERIFY(!names.contains(QStringLiteral("tanh")));
    QVERIFY(!names.contains(QStringLiteral("tanh: saturated |f′| < ε")));
    QVERIFY(!PlotChart::isShown(m_chart->bandSeries(tanh, SaturationKind::Saturated)));
    QVERIFY(m_model->setVisible(tanh, true));
    QVERIFY(!m_chart->curveSeries(tanh, 0).isEmpty());
    QVERIFY(visibleLegendNames().contains(QStringLiteral("tanh")));
}

void TestPlotChart::cursorAndTangent()
{
    QVERIFY(!m_chart->cursorSeries()->isVisible());
    m_chart->setCursorX(0.5);
    QVERIFY(m_chart->cursorSeries()->isVisible());
    const QList<QPointF> line = m_chart->cursorSeries()->points();
    QCOMPARE(line.size(), 2);
    QCOMPARE(line[0].x(), 0.5);
    QCOMPARE(line[1].x(), 0.5);

    // The sigmoid's tangent: through (0.5, σ(0.5)) with slope σ′(0.5), inside the view.
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    QLineSeries *t = m_chart->tangentSeries(sigmoid);
    QVERIFY(t->isVisible());
    const QList<QPointF> p = t->points();
    QCOMPARE(p.size(), 2);
    const double s = 1 / (1 + std::exp(-0.5));
    const double slope = (p[1].y() - p[0].y()) / (p[1].x() - p[0].x());
    QVERIFY(std::fabs(slope - s * (1 - s)) < 1e-12);
    QVERIFY(std::fabs(p[0].y() + slope * (0.5 - p[0].x()) - s) < 1e-12);
    for (const QPointF &q : p) {
        QVERIFY(q.x() >= m_chart->xAxis()->min() && q.x() <= m_chart->xAxis()->max());
        QVERIFY(q.y() >= m_chart->yAxis()->min() - 1e-12
                && q.y() <= m_chart->yAxis()->max() + 1e-12);
    }
    // A row with an affine map: tanh(x) = 2σ(2x) − 1, so its tangent is tanh's.
    QVERIFY(m_model->addFunction(QStringLiteral("sigmoid")));
    const int mapped = m_model->rowCount() - 1;
    QVERIFY(m_model->setAffineMap(mapped, AffineMap { 2.0, 2.0, -1.0 }));
    const QList<QPointF> q = m_chart->tangentSeries(mapped)->points();
    QCOMPARE(q.size(), 2);
    const double th = std::tanh(0.5);
    QVERIFY(std::fabs((q[1].y() - q[0].y()) / (q[1].x() - q[0].x()) - (1 - th * th)) < 1e-9);
    QVERIFY(std::fabs(q[0].y() + (1 - th * th) * (0.5 - q[0].x()) - th) < 1e-9);
    QVERIFY(m_model->removeRows(mapped, 1));

    // No tangent where f′ does not exist (step at 0 is a jump); none in the legend.
    m_chart->setCursorX(0.0);
    QVERIFY(!visibleLegendNames().contains(t->name()));

    // The f′ chart has the cursor but no tangents.
    m_chart->setContent(ChartContent::FirstDerivative);
    QVERIFY(m_chart->cursorSeries()->isVisible());
    QVERIFY(!m_chart->tangentSeries(sigmoid)->isVisible());

    m_chart->setCursorX(std::nullopt);
    QVERIFY(!m_chart->cursorSeries()->isVisible());
}

void TestPlotChart::overlayShowsBothOrders()
{
    m_chart->setContent(ChartContent::Overlay);
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    QCOMPARE(m_chart->curveSeries(sigmoid, 0).first()->points(),
             m_model->curve(sigmoid, 0).pieces.first());
    QCOMPARE(m_chart->curveSeries(sigmoid, 1).first()->points(),
             m_model->curve(sigmoid, 1).pieces.first());
    QCOMPARE(m_chart->curveSeries(sigmoid, 1).first()->pen().style(), Qt::DashLine);
    const QStringList names = visibleLegendNames();
    // One entry per function; the y axis title tells solid f from dashed f′.
    QCOMPARE(names.count(QStringLiteral("sigmoid")), 1);
    QVERIFY(!names.contains(QStringLiteral("f′: sigmoid")));
    QVERIFY(m_chart->yAxis()->titleText().contains(QStringLiteral("dashed")));
    // One y range holding both.
    QVERIFY(m_chart->yAxis()->min() <= std::min(m_model->yRange(0).from, m_model->yRange(1).from));
    QVERIFY(m_chart->yAxis()->max() >= std::max(m_model->yRange(0).to, m_model->yRange(1).to));

    m_chart->setContent(ChartContent::Function);
    QVERIFY(m_chart->curveSeries(sigmoid, 1).isEmpty());
    QVERIFY(visibleLegendNames().contains(QStringLiteral("sigmoid")));
    QVERIFY(!visibleLegendNames().contains(QStringLiteral("f′: sigmoid")));
}

void TestPlotChart::secondDerivative()
{
    m_chart->setContent(ChartContent::SecondDerivative);
    const int tanh = rowOf(QStringLiteral("tanh"));
    QVERIFY(m_chart->curveSeries(tanh, 2).isEmpty()); // the model computes f″ only on demand
    QVERIFY(m_model->setMaxOrder(2));
    QCOMPARE(m_chart->curveSeries(tanh, 2).size(), m_model->curve(tanh, 2).pieces.size());
    QCOMPARE(m_chart->curveSeries(tanh, 2).first()->points(),
             m_model->curve(tanh, 2).pieces.first());
    QCOMPARE(m_chart->yAxis()->min(), m_model->yRange(2).from);
}

void TestPlotChart::rowsAddedAndRemoved()
{
    QVERIFY(m_model->addFunction(QStringLiteral("gelu")));
    QCOMPARE(m_chart->curveSeries(4, 0).first()->points(), m_model->curve(4, 0).pieces.first());
    QVERIFY(m_model->removeRows(0, 2));
    QCOMPARE(m_model->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(m_chart->curveSeries(row, 0).first()->points(),
                 m_model->curve(row, 0).pieces.first());
        QCOMPARE(m_chart->curveSeries(row, 0).first()->name(), m_model->function(row).label());
        QCOMPARE(m_chart->curveSeries(row, 0).first()->pen().color(), m_model->function(row).color);
    }
    QVERIFY(!m_chart->curveSeries(3, 0).size());
    QCOMPARE(visibleLegendNames().count(QStringLiteral("step")), 0);
    m_model->clear();
    QVERIFY(visibleLegendNames().isEmpty());
}

void TestPlotChart::rebindsToAnotherModel()
{
    SceneModel other;
    QVERIFY(other.addFunction(QStringLiteral("elu")));
    m_chart->setModel(&other);
    QCOMPARE(m_chart->curveSeries(0, 0).first()->points(), other.curve(0, 0).pieces.first());
    QVERIFY(visibleLegendNames().contains(other.function(0).label()));
    QVERIFY(!visibleLegendNames().contains(QStringLiteral("sigmoid")));
    // The old model no longer reaches the chart.
    QVERIFY(m_model->setRange(-1, 1));
    QCOMPARE(m_chart->xAxis()->min(), -6.0);
    m_chart->setModel(nullptr);
    QVERIFY(visibleLegendNames().isEmpty());
}

void TestPlotChart::descriptionNamesFunctionsAndBands()
{
    QSignalSpy refreshed(m_chart, &PlotChart::refreshed);
    const QString d = m_chart->description();
    QVERIFY2(d.startsWith(QStringLiteral("step, sigmoid, tanh, relu on x from −6 to 6")),
             qPrintable(d));
    QVERIFY2(d.contains(QStringLiteral("saturated bands")), qPrintable(d));
    QVERIFY2(d.contains(QStringLiteral("relu −6 to 0")), qPrintable(d));
    QVERIFY(m_model->setRange(-2, 3));
    QVERIFY(refreshed.count() >= 1);
    QVERIFY2(m_chart->description().contains(QStringLiteral("x from −2 to 3")),
             qPrintable(m_chart->description()));
}

void TestPlotChart::seriesOnlyWhereSomethingIsDrawn()
{
    // Every series costs Qt Charts bookkeeping (a legend marker whose removal is linear in their
    // number): a row gets only the series it draws with. 100 sigmoids: one curve each.
    m_chart->setModel(nullptr); // a chart new to the scene: no rows pooled from the last one
    {
        const SceneModel::UpdateBatch batch(*m_model);
        m_model->clear();
        for (int i = 0; i < 100; ++i)
            QVERIFY(m_model->addFunction(QStringLiteral("sigmoid")));
    }
    m_chart->setModel(m_model.get());
    QCOMPARE(m_chart->rowCount(), 100);
    const auto count = [this] {
        int n = 0;
        for (QAbstractSeries *s : m_chart->series())
            n += s != m_chart->highlightSeries() && s != m_chart->cursorSeries();
        return n;
    };
    QCOMPARE(count(), 100);
    QVERIFY(!m_chart->markerSeries(5, 0, true) && !m_chart->tangentSeries(5));
    // Focus: that row's two bands. Cursor: a tangent for each visible row.
    m_chart->setFocusRow(7);
    QCOMPARE(count(), 102);
    QVERIFY(PlotChart::isShown(m_chart->bandSeries(7, SaturationKind::Saturated)));
    QVERIFY(!m_chart->bandSeries(6, SaturationKind::Saturated));
    QVERIFY(m_model->setVisible(3, false));
    m_chart->setCursorX(0.5);
    QCOMPARE(count(), 102 + 99);
    QVERIFY(PlotChart::isShown(m_chart->tangentSeries(7)));
    QVERIFY(!m_chart->tangentSeries(3));
    // A row with a jump gets its dots, styled in its colour.
    QVERIFY(m_model->addFunction(QStringLiteral("step")));
    QScatterSeries *dots = m_chart->markerSeries(100, 0, true);
    QVERIFY(PlotChart::isShown(dots));
    QCOMPARE(dots->brush().color(), m_model->function(100).color);
    QCOMPARE(dots->points(), QList<QPointF>({ QPointF(0, 0) }));
}

void TestPlotChart::legendCountsWhatItCannotName()
{
    {
        const SceneModel::UpdateBatch batch(*m_model);
        m_model->clear();
        for (int i = 0; i < 30; ++i)
            QVERIFY(m_model->addFunction(i % 2 ? QStringLiteral("tanh") : QStringLiteral("sigmoid")));
    }
    const auto curves = [this] {
        QStringList names;
        for (const PlotChart::LegendEntry &e : m_chart->legendEntries()) {
            if (e.kind == PlotChart::LegendEntry::Curve)
                names << e.text;
        }
        return names;
    };
    QCOMPARE(curves().size(), PlotChart::MaxLegendCurves - 1);
    QVERIFY(m_chart->legendTexts().contains(QStringLiteral("… and 19 more")));
    // The focused function is always named (bold), even far down the list.
    m_chart->setFocusRow(25);
    QCOMPARE(curves().size(), PlotChart::MaxLegendCurves - 1);
    QCOMPARE(m_chart->legendEntries().at(PlotChart::MaxLegendCurves - 2).text, QStringLiteral("tanh"));
    QVERIFY(m_chart->legendEntries().at(PlotChart::MaxLegendCurves - 2).emphasised);
    // The legend stays within a few rows, the plot keeps most of the chart.
    QVERIFY(m_chart->legendRect().height() < 0.25 * m_chart->size().height());
    QVERIFY(m_chart->plotArea().height() > 0.5 * m_chart->size().height());
    // Hidden rows are neither named nor counted; at 12 or fewer, all are named.
    for (int row = 12; row < 30; ++row)
        QVERIFY(m_model->setVisible(row, false));
    QCOMPARE(curves().size(), 12);
    QVERIFY(!m_chart->legendTexts().join(QLatin1Char('|')).contains(QStringLiteral("more")));
}

void TestPlotChart::cutLegendNamesAreReadInTheTooltip()
{
    QVERIFY(m_model->addFunction(QStringLiteral("rrelu"))); // "rrelu (lower 0.125, upper 0.333333)"
    const QString name = m_model->function(m_model->rowCount() - 1).label();
    QVERIFY(m_chart->legendToolTip().isEmpty()); // 800 px: every name fits
    m_chart->layoutNow(QSizeF(240, 400));
    QVERIFY(m_chart->legendDrawnTexts().join(QLatin1Char('|')).contains(QChar(0x2026)));
    QVERIFY2(m_chart->legendToolTip().split(QLatin1Char('\n')).contains(name),
             qPrintable(m_chart->legendToolTip()));
    m_chart->layoutNow(QSizeF(900, 500));
    QVERIFY(m_chart->legendToolTip().isEmpty());
}

void TestPlotChart::pointMarkersSitOnTheirPoints()
{
    // Off by default: nothing computed, nothing drawn.
    QVERIFY(!m_chart->pointsVisible());
    QVERIFY(m_chart->pointMarkers().isEmpty());

    QVERIFY(m_model->addFunction(QStringLiteral("silu")));
    const int silu = m_model->rowCount() - 1;
    for (int row = 0; row < silu; ++row)
        QVERIFY(m_model->setVisible(row, row == rowOf(QStringLiteral("relu"))));
    m_chart->setPointsVisible(true);
    const auto markersOf = [this](int row, PointKind kind) {
        QList<PlotChart::PointMarker> out;
        for (const PlotChart::PointMarker &m : m_chart->pointMarkers()) {
            if (m.row == row && m.kind == kind)
                out << m;
        }
        return out;
    };
    // The f chart: silu's minimum at (x*, f(x*)); no gradient peaks there.
    const QList<PlotChart::PointMarker> minima = markersOf(silu, PointKind::Minimum);
    QCOMPARE(minima.size(), 1);
    QVERIFY(std::abs(minima[0].x + 1.2784645427610738) < 1e-12 * 1.28);
    QVERIFY(std::abs(minima[0].y + 0.2784645427610738) < 1e-12);
    QCOMPARE(minima[0].order, 0);
    QVERIFY(markersOf(silu, PointKind::GradientPeak).isEmpty());
    QCOMPARE(markersOf(silu, PointKind::Inflection).size(), 2);
    QCOMPARE(markersOf(silu, PointKind::Zero).size(), 1);
    // Positions map back to the data: through the chart's own mapping of a curve series.
    QLineSeries *curve = m_chart->curveSeries(silu, 0).first();
    for (const PlotChart::PointMarker &m : m_chart->pointMarkers()) {
        const QPointF value = m_chart->mapToValue(m.position, curve);
        QVERIFY2(std::abs(value.x() - m.x) < 1e-9 * 12, qPrintable(m.text));
        QVERIFY2(std::abs(value.y() - m.y) < 1e-9 * 8, qPrintable(m.text));
        QVERIFY(m_chart->plotArea().contains(m.position));
    }
    // relu's kink at (0, 0); hidden rows have no markers.
    const QList<PlotChart::PointMarker> kinks
        = markersOf(rowOf(QStringLiteral("relu")), PointKind::Kink);
    QCOMPARE(kinks.size(), 1);
    QCOMPARE(QPointF(kinks[0].x, kinks[0].y), QPointF(0, 0));
    // silu's zero lies on the same spot: the tooltip names both.
    const QString both = m_chart->pointToolTipAt(kinks[0].position);
    QVERIFY2(both.contains(QStringLiteral("relu: kink"))
                 && both.contains(QStringLiteral("silu: zero")),
             qPrintable(both));
    QVERIFY(markersOf(rowOf(QStringLiteral("sigmoid")), PointKind::Inflection).isEmpty());

    // The f′ chart: gradient peaks and kinks at (x, f′).
    m_chart->setContent(ChartContent::FirstDerivative);
    const QList<PlotChart::PointMarker> peaks = markersOf(silu, PointKind::GradientPeak);
    QCOMPARE(peaks.size(), 2);
    for (const PlotChart::PointMarker &m : peaks) {
        QCOMPARE(m.order, 1);
        QCOMPARE(m.y, m_model->function(silu).at(m.x).d1);
    }
    QVERIFY(markersOf(silu, PointKind::Minimum).isEmpty());
    QCOMPARE(markersOf(rowOf(QStringLiteral("relu")), PointKind::Kink).size(), 1);
    // Overlay: both.
    m_chart->setContent(ChartContent::Overlay);
    QCOMPARE(markersOf(silu, PointKind::GradientPeak).size(), 2);
    QCOMPARE(markersOf(silu, PointKind::Minimum).size(), 1);

    // They follow the range; the positions follow a resize.
    m_chart->setContent(ChartContent::Function);
    QVERIFY(m_model->setRange(-1, 6));
    QVERIFY(markersOf(silu, PointKind::Minimum).isEmpty());
    const QPointF before = markersOf(silu, PointKind::Zero).first().position;
    m_chart->layoutNow(QSizeF(600, 400));
    const QPointF after = markersOf(silu, PointKind::Zero).first().position;
    QVERIFY(before != after);
    QVERIFY(std::abs(m_chart->mapToValue(after, curve).x()) < 1e-9);

    // Paused (its view hidden), the chart keeps what it drew while the rows go; a resize then
    // moves those markers without asking the model about rows it no longer has (tst_monkey).
    m_chart->setPaused(true);
    const qsizetype drawn = m_chart->pointMarkers().size();
    m_model->clear();
    m_chart->layoutNow(QSizeF(700, 450));
    QCOMPARE(m_chart->pointMarkers().size(), drawn);
    m_chart->setPaused(false);
    QVERIFY(m_chart->pointMarkers().isEmpty());

    m_chart->setPointsVisible(false);
    QVERIFY(m_chart->pointMarkers().isEmpty());
    QCOMPARE(m_chart->pointMarkerAt(after), -1);
}

void TestPlotChart::pointMarkerTextsAndPinning()
{
    QLocale::setDefault(QLocale::c());
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(m_model->setVisible(row, row == sigmoid));
    m_chart->setContent(ChartContent::FirstDerivative);
    m_chart->setPointsVisible(true);
    QCOMPARE(m_chart->pointMarkers().size(), 1);
    const PlotChart::PointMarker peak = m_chart->pointMarkers().first();
    QCOMPARE(peak.kind, PointKind::GradientPeak);
    const QString text = QStringLiteral("sigmoid: gradient peak\nx = 0\nf\u2032(x) = 0.25");
    QCOMPARE(peak.text, text);
    // The tooltip answers within a few pixels of the marker, and nowhere else.
    QCOMPARE(m_chart->pointToolTipAt(peak.position + QPointF(3, -2)), text);
    QVERIFY(m_chart->pointToolTipAt(peak.position + QPointF(40, 0)).isEmpty());
    QCOMPARE(m_chart->pointMarkerAt(peak.position), 0);

    // Pinned: a label beside the marker, inside the plot, until unpinned.
    QCOMPARE(m_chart->pinnedPoint(), -1);
    QVERIFY(m_chart->pinnedPointRect().isEmpty());
    m_chart->setPinnedPoint(0);
    QCOMPARE(m_chart->pinnedPoint(), 0);
    const QRectF label = m_chart->pinnedPointRect();
    QVERIFY(!label.isEmpty());
    QVERIFY(m_chart->plotArea().contains(label));
    QVERIFY(QLineF(label.center(), peak.position).length() < 200);
    m_chart->setPinnedPoint(-1);
    QVERIFY(m_chart->pinnedPointRect().isEmpty());

    // Under a map the curve is g; the text follows a parameter change.
    QVERIFY(m_model->setAffineMap(sigmoid, AffineMap { 2, 1, 0 }));
    QVERIFY2(m_chart->pointMarkers().first().text.endsWith(QStringLiteral("g\u2032(x) = 0.5")),
             qPrintable(m_chart->pointMarkers().first().text));
}

QTEST_MAIN(TestPlotChart)
#include "tst_plotchart.moc"
