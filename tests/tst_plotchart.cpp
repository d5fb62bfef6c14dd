// The chart a SceneModel is drawn into: series mirror the model's pieces, updates go through
// replace() into the same series and axes, bands and markers sit where the analysis says.

#include "plotchart.h"
#include "scenemodel.h"

#include <QAreaSeries>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
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
    void legendNamesOneEntryPerCurveAndBandKind();
    void hiddenRowLeavesChartAndLegend();
    void cursorAndTangent();
    void overlayShowsBothOrders();
    void secondDerivative();
    void rowsAddedAndRemoved();
    void rebindsToAnotherModel();
    void descriptionNamesFunctionsAndBands();

private:
    /** Legend entries that show, by name. */
    QStringList visibleLegendNames() const;
    int rowOf(const QString &id) const;

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

QStringList TestPlotChart::visibleLegendNames() const
{
    // Qt hides the legend as a whole from a series' arrival until the next layout.
    m_chart->layoutNow(QSizeF(800, 500));
    QStringList names;
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (const QLegendMarker *m : markers) {
        if (m->isVisible())
            names << m->label();
    }
    if (m_chart->legend()->reverseMarkers())
        std::reverse(names.begin(), names.end());
    return names;
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
    QCOMPARE(m_chart->yAxis()->min(), m_model->yRange(0).from);
    QCOMPARE(m_chart->yAxis()->max(), m_model->yRange(0).to);
    QVERIFY(m_model->setRange(-2, 10));
    QCOMPARE(m_chart->xAxis()->min(), -2.0);
    QCOMPARE(m_chart->xAxis()->max(), 10.0);
    m_chart->setContent(ChartContent::FirstDerivative);
    QCOMPARE(m_chart->yAxis()->min(), m_model->yRange(1).from);
    QCOMPARE(m_chart->yAxis()->max(), m_model->yRange(1).to);
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
                // Spans the whole y range, tinted in the curve's colour.
                const QList<QPointF> p = band->upperSeries()->points();
                QCOMPARE(p[1].y(), m_chart->yAxis()->max());
                QCOMPARE(p[0].y(), m_chart->yAxis()->min());
                QColor c = m_chart->bandBrush(row, kind).color();
                c.setAlpha(255);
                QCOMPARE(c, m_model->function(row).color);
                QVERIFY(m_chart->bandBrush(row, kind).color().alpha() < 255);
            }
        }
    }
    // Sigmoid saturates on both sides, relu is zero left of 0.
    const int sigmoid = rowOf(QStringLiteral("sigmoid"));
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
    QAreaSeries *band = m_chart->bandSeries(sigmoid, SaturationKind::Saturated);
    QVERIFY(band->isVisible());
    m_chart->setBandsVisible(false);
    QVERIFY(!band->isVisible());
    QVERIFY(!visibleLegendNames().contains(band->name()));
    m_chart->setBandsVisible(true);
    QVERIFY(band->isVisible());
    QVERIFY(visibleLegendNames().contains(band->name()));
}

void TestPlotChart::bandsPaintAsTextureOrVector()
{
    // Raster: the series stay (for the legend and the extents) but fill nothing; the plot area's
    // background carries all bands at once.
    const int relu = rowOf(QStringLiteral("relu"));
    QAreaSeries *zero = m_chart->bandSeries(relu, SaturationKind::Zero);
    QCOMPARE(zero->brush().style(), Qt::NoBrush);
    QVERIFY(m_chart->isPlotAreaBackgroundVisible());
    QCOMPARE(m_chart->plotAreaBackgroundBrush().style(), Qt::TexturePattern);
    const QImage tile = m_chart->plotAreaBackgroundBrush().textureImage();
    const QRectF area = m_chart->plotArea();
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
    m_chart->setBandsVisible(false);
    QVERIFY(!m_chart->isPlotAreaBackgroundVisible());
    m_chart->setBandsVisible(true);
    QVERIFY(tinted(0, tile.width()) > 0);

    // A device with twice the pixels gets a texture with twice the pixels.
    m_chart->setDevicePixelRatio(2);
    const QImage sharp = m_chart->plotAreaBackgroundBrush().textureImage();
    QCOMPARE(sharp.width(), int(std::ceil(area.width() * 2)));
    QCOMPARE(sharp.devicePixelRatio(), 2.0);

    // Vector (SVG): each band fills itself with its own brush.
    m_chart->setVectorBands(true);
    QCOMPARE(zero->brush().style(), Qt::SolidPattern); // patterns are unreliable in SVG viewers
    QCOMPARE(zero->brush().color().rgb(), m_model->function(relu).color.rgb());
    QAreaSeries *saturated
        = m_chart->bandSeries(rowOf(QStringLiteral("sigmoid")), SaturationKind::Saturated);
    QCOMPARE(saturated->brush(),
             m_chart->bandBrush(rowOf(QStringLiteral("sigmoid")), SaturationKind::Saturated));
    QVERIFY(zero->brush().color().alpha() > saturated->brush().color().alpha());
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

void TestPlotChart::legendNamesOneEntryPerCurveAndBandKind()
{
    const QStringList names = visibleLegendNames();
    const QStringList expected = {
        QStringLiteral("step"),
        QStringLiteral("sigmoid"),
        QStringLiteral("tanh"),
        QStringLiteral("relu"),
        // Legend labels are HTML, hence the entity.
        QStringLiteral("step: zero f′ = 0"),
        QStringLiteral("sigmoid: saturated |f′| &lt; ε"),
        QStringLiteral("tanh: saturated |f′| &lt; ε"),
        QStringLiteral("relu: zero f′ = 0"),
    };
    QCOMPARE(names, expected);

    QVERIFY(m_model->addFunction(QStringLiteral("leaky_relu")));
    QVERIFY(m_model->setParameter(4, QStringLiteral("negative_slope"), 0.2));
    QVERIFY(visibleLegendNames().contains(QStringLiteral("leaky_relu (negative_slope 0.2)")));
    // Exactly one entry for step although it is drawn in several pieces.
    QCOMPARE(visibleLegendNames().count(QStringLiteral("step")), 1);
}

void TestPlotChart::hiddenRowLeavesChartAndLegend()
{
    const int tanh = rowOf(QStringLiteral("tanh"));
    QVERIFY(m_model->setVisible(tanh, false));
    QVERIFY(m_chart->curveSeries(tanh, 0).isEmpty());
    const QStringList names = visibleLegendNames();
    QVERIFY(!names.contains(QStringLiteral("tanh")));
    QVERIFY(!names.contains(QStringLiteral("tanh: saturated |f′| &lt; ε")));
    QVERIFY(!m_chart->bandSeries(tanh, SaturationKind::Saturated)->isVisible());
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

QTEST_MAIN(TestPlotChart)
#include "tst_plotchart.moc"
