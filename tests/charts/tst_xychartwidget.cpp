#include "theme.h"
#include "xychartwidget.h"

#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

namespace {

QValueAxis *axisOf(const XYChartWidget &w, Qt::Orientation orientation)
{
    return qobject_cast<QValueAxis *>(w.chart()->axes(orientation).value(0));
}

// The share of the pixels in a rectangle of the image that are darker than lightness 80.
double darkShare(const QImage &image, const QRect &rect)
{
    int dark = 0;
    int all = 0;
    for (int y = rect.top(); y <= rect.bottom(); y += 2)
        for (int x = rect.left(); x <= rect.right(); x += 2) {
            dark += image.pixelColor(x, y).lightness() < 80;
            ++all;
        }
    return all ? double(dark) / all : 0;
}

} // namespace

class TestXYChartWidget : public QObject
{
    Q_OBJECT

private slots:
    void axesAndTitles()
    {
        using Axis = XYChartWidget::Axis;
        XYChartWidget w;
        w.setTitle(QStringLiteral("Loss"));
        w.setAxisTitle(Axis::X, QStringLiteral("θ"));
        w.setAxisTitle(Axis::Y, QStringLiteral("L"));
        w.setRange(Axis::X, -2, 3);
        w.setRange(Axis::Y, 0, 1);
        w.setLabelFormat(Axis::Y, QStringLiteral("%.1f"));
        w.setTickInterval(Axis::X, 0.5);
        w.setTickCount(Axis::Y, 6);
        QCOMPARE(w.title(), QStringLiteral("Loss"));
        QCOMPARE(w.chart()->title(), QStringLiteral("Loss"));
        QCOMPARE(w.axisTitle(Axis::X), QStringLiteral("θ"));
        QValueAxis *x = axisOf(w, Qt::Horizontal);
        QValueAxis *y = axisOf(w, Qt::Vertical);
        QVERIFY(x && y);
        QCOMPARE(y->titleText(), QStringLiteral("L"));
        QCOMPARE(w.axisMin(Axis::X), -2.0);
        QCOMPARE(w.axisMax(Axis::X), 3.0);
        QCOMPARE(x->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(x->tickInterval(), 0.5);
        QCOMPARE(x->tickAnchor(), 0.0);
        QCOMPARE(y->tickType(), QValueAxis::TicksFixed);
        QCOMPARE(y->tickCount(), 6);
        QCOMPARE(y->labelFormat(), QStringLiteral("%.1f"));
        // Live data: nothing animates.
        QCOMPARE(w.chart()->animationOptions(), QChart::NoAnimation);
        auto *view = w.findChild<QChartView *>();
        QVERIFY(view);
        QVERIFY(view->renderHints().testFlag(QPainter::Antialiasing));
    }

    void replacePutsThePointsIntoTheSeries()
    {
        XYChartWidget w;
        QLineSeries *line = w.addLine(QStringLiteral("f"), {Qt::blue});
        QScatterSeries *dots = w.addScatter(QStringLiteral("dots"), {Qt::red});
        QCOMPARE(w.chart()->series().size(), 2);
        const QList<QPointF> points{{0, 1}, {1, 2}, {2, 0.5}};
        w.replace(line, points);
        w.replace(dots, points.mid(1));
        QCOMPARE(line->points(), points);
        QCOMPARE(dots->points(), points.mid(1));
        QCOMPARE(line->name(), QStringLiteral("f"));
        w.replace(line, {});
        QCOMPARE(line->count(), 0);

        w.removeSeries(line);
        QCOMPARE(w.chart()->series().size(), 1);
        QCOMPARE(w.chart()->series().first(), dots);
    }

    void stateReadsBackWhatIsDrawn()
    {
        // What the demonstrations' tests read instead of the Qt Charts series.
        XYChartWidget w;
        QCOMPARE(w.state(static_cast<QLineSeries *>(nullptr)).count(), 0);
        QLineSeries *line = w.addLine(QStringLiteral("f"), {Qt::blue});
        QScatterSeries *dots = w.addScatter(QStringLiteral("dots"), {Qt::red});
        w.addLine(QStringLiteral("g"), {Qt::green});
        QCOMPARE(w.lineSeriesCount(), 2);
        QCOMPARE(w.scatterSeriesCount(), 1);
        const QList<QPointF> points{{0, 1}, {1, 2}};
        w.replace(line, points);
        w.replace(dots, points.mid(1));
        const XYSeriesState l = w.state(line);
        QCOMPARE(l.name(), QStringLiteral("f"));
        QCOMPARE(l.points(), points);
        QCOMPARE(l.at(1), QPointF(1, 2));
        QCOMPARE(l.pen(), line->pen());
        QVERIFY(l.isVisible());
        QCOMPARE(w.state(dots).count(), 1);
        QCOMPARE(w.backgroundColor(), w.chart()->backgroundBrush().color());
        w.setTitle(QStringLiteral("Loss"));
        QCOMPARE(w.drawnTitle(), QStringLiteral("Loss"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.legendNames(), (QStringList{QStringLiteral("f"), QStringLiteral("dots"), QStringLiteral("g")}));
    }

    void seriesOutOfTheLegend()
    {
        XYChartWidget w;
        w.addLine(QStringLiteral("shown"), {Qt::blue});
        XYSeriesStyle hidden{Qt::gray};
        hidden.inLegend = false;
        w.addLine(QString(), hidden);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        int visible = 0;
        for (QLegendMarker *m : w.chart()->legend()->markers())
            visible += m->isVisible();
        QCOMPARE(visible, 1);
        QCOMPARE(w.legendNames(), QStringList{QStringLiteral("shown")});
    }

    void darkAppearanceRestylesTheChart()
    {
        XYChartWidget w;
        QLineSeries *line = w.addLine(QStringLiteral("f"), {QColor(0x1f, 0x77, 0xb4), 1.25});
        QLineSeries *black = w.addLine(QStringLiteral("g"), {Qt::black});
        QLineSeries *guide = w.addLine(QStringLiteral("ref"), {QColor(), 0.75, Qt::DashLine});
        XYSeriesStyle ringed{Qt::red};
        ringed.outlined = true;
        ringed.markerSize = 10;
        QScatterSeries *dot = w.addScatter(QStringLiteral("now"), ringed);

        const ChartAppearance light = ChartAppearance::forTheme(Theme::Light);
        QCOMPARE(w.appearance(), light);
        QCOMPARE(line->pen().widthF(), 1.25 * light.curveWidth);
        QCOMPARE(guide->pen().style(), Qt::DashLine);
        QCOMPARE(guide->pen().color(), light.secondaryText);
        QCOMPARE(black->pen().color(), QColor(Qt::black));
        QCOMPARE(w.chart()->backgroundBrush().color(), light.background);

        const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark);
        w.setAppearance(dark);
        QCOMPARE(w.appearance(), dark);
        QCOMPARE(w.chart()->backgroundBrush().color(), dark.background);
        QCOMPARE(w.chart()->plotAreaBackgroundBrush().color(), dark.plotBackground);
        QCOMPARE(w.chart()->titleBrush().color(), dark.text);
        QCOMPARE(w.chart()->legend()->labelColor(), dark.text);
        for (Qt::Orientation o : {Qt::Horizontal, Qt::Vertical}) {
            QValueAxis *axis = axisOf(w, o);
            QCOMPARE(axis->labelsColor(), dark.labels);
            QCOMPARE(axis->gridLineColor(), dark.grid);
            QCOMPARE(axis->linePenColor(), dark.axis);
            QCOMPARE(axis->titleBrush().color(), dark.text);
        }
        // Data colours stay, except black, which would vanish into the dark plot.
        QCOMPARE(line->pen().color(), QColor(0x1f, 0x77, 0xb4));
        QCOMPARE(black->pen().color(), dark.curveColor(Qt::black));
        QVERIFY(black->pen().color().lightness() > 200);
        QCOMPARE(guide->pen().color(), dark.secondaryText);
        QCOMPARE(dot->pen().color(), dark.plotBackground);
        QCOMPARE(dot->brush().color(), QColor(Qt::red));

        // Presentation: thick lines and bigger markers.
        const ChartAppearance presentation = ChartAppearance::forTheme(Theme::Dark, true);
        w.setAppearance(presentation);
        QCOMPARE(line->pen().widthF(), 1.25 * presentation.curveWidth);
        QCOMPARE(guide->pen().widthF(), 0.75 * presentation.curveWidth);
        QVERIFY(line->pen().widthF() > 1.25 * light.curveWidth);
        QVERIFY(dot->markerSize() > 10);
        QCOMPARE(w.chart()->backgroundBrush().color(), QColor(Qt::black));
    }

    void fontScaleEnlargesTheText()
    {
        XYChartWidget w;
        w.addLine(QStringLiteral("f"), {Qt::blue});
        const QFont title = w.chart()->titleFont();
        const QFont labels = axisOf(w, Qt::Horizontal)->labelsFont();
        const QFont axisTitle = axisOf(w, Qt::Vertical)->titleFont();
        const QFont legend = w.chart()->legend()->font();
        QVERIFY(title.bold());
        QVERIFY(axisTitle.italic());

        ChartAppearance big = ChartAppearance::forTheme(Theme::Light, true);
        QCOMPARE(big.fontScale, Themes::PresentationFontScale);
        w.setAppearance(big);
        QCOMPARE(w.chart()->titleFont().pointSizeF(), title.pointSizeF() * big.fontScale);
        QCOMPARE(axisOf(w, Qt::Horizontal)->labelsFont().pointSizeF(), labels.pointSizeF() * big.fontScale);
        QCOMPARE(axisOf(w, Qt::Vertical)->titleFont().pointSizeF(), axisTitle.pointSizeF() * big.fontScale);
        QCOMPARE(w.chart()->legend()->font().pointSizeF(), legend.pointSizeF() * big.fontScale);
        // The fonts a heat map beside the chart paints with are the same.
        QCOMPARE(XYChartWidget::titleFont(big), w.chart()->titleFont());
        QCOMPARE(XYChartWidget::labelFont(big).pointSizeF(), axisOf(w, Qt::Horizontal)->labelsFont().pointSizeF());
    }

    void longTitleShrinksThenWraps()
    {
        const QString title = QStringLiteral("Probabilities s = softmax(z) as z₀ varies");
        XYChartWidget w;
        w.setTitle(title);
        w.resize(900, 400);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const ChartAppearance light = ChartAppearance::forTheme(Theme::Light);
        QCOMPARE(w.chart()->title(), title); // room enough: as set, in the full size
        QCOMPARE(w.chart()->titleFont().pointSizeF(), XYChartWidget::titleFont(light).pointSizeF());

        w.resize(430, 400); // half of a small window: smaller text, still one line
        QCOMPARE(w.chart()->title(), title);
        QVERIFY(w.chart()->titleFont().pointSizeF() < XYChartWidget::titleFont(light).pointSizeF());
        QVERIFY(w.chart()->titleFont().pointSizeF() >= XYChartWidget::axisTitleFont(light).pointSizeF());

        w.setAppearance(ChartAppearance::forTheme(Theme::Light, true)); // 1.5× text: two lines
        const QStringList lines = w.chart()->title().split(QStringLiteral("<br>"));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.join(QLatin1Char(' ')), title);
        QCOMPARE(w.title(), title);
        w.resize(900, 400);
        QCOMPARE(w.chart()->title(), title);
    }

    void imageFollowsTheTheme_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("presentation");
        QTest::newRow("light") << false << false;
        QTest::newRow("dark") << true << false;
        QTest::newRow("light presentation") << false << true;
        QTest::newRow("dark presentation") << true << true;
    }
    void imageFollowsTheTheme()
    {
        QFETCH(bool, dark);
        QFETCH(bool, presentation);
        XYChartWidget w;
        w.setTitle(QStringLiteral("A chart"));
        w.setRange(XYChartWidget::Axis::X, 0, 1);
        w.setRange(XYChartWidget::Axis::Y, 0, 1);
        w.replace(w.addLine(QStringLiteral("f"), {QColor(0xd6, 0x27, 0x28), 1.5}), {{0, 0}, {1, 1}});
        w.setAppearance(ChartAppearance::forTheme(dark ? Theme::Dark : Theme::Light, presentation));
        w.resize(400, 300);
        const QImage image = w.grab().toImage();
        QVERIFY(!image.isNull());
        const qreal dpr = image.devicePixelRatio();
        // A corner is the chart's background; the plot's upper left is its plot area (the line
        // runs from lower left to upper right).
        const QRect corner(0, 0, int(8 * dpr), int(8 * dpr));
        const QRect plot(int(100 * dpr), int(90 * dpr), int(40 * dpr), int(30 * dpr));
        QCOMPARE(darkShare(image, corner), dark ? 1.0 : 0.0);
        if (dark)
            QVERIFY2(darkShare(image, plot) > 0.9, "plot area");
        else
            QVERIFY2(darkShare(image, plot) < 0.1, "plot area");
        // The red curve is drawn.
        bool red = false;
        for (int y = 0; y < image.height() && !red; ++y)
            for (int x = 0; x < image.width() && !red; ++x) {
                const QColor c = image.pixelColor(x, y);
                red = c.red() > 180 && c.green() < 80 && c.blue() < 80;
            }
        QVERIFY(red);
    }

    void accessibleTextAndToolTip()
    {
        XYChartWidget w;
        w.setAccessibleText(QStringLiteral("Loss chart"), QStringLiteral("L over θ"));
        QCOMPARE(w.accessibleName(), QStringLiteral("Loss chart"));
        QCOMPARE(w.accessibleDescription(), QStringLiteral("L over θ"));
        auto *view = w.findChild<QChartView *>();
        QVERIFY(view);
        QCOMPARE(view->accessibleName(), QStringLiteral("Loss chart"));
        QCOMPARE(view->accessibleDescription(), QStringLiteral("L over θ"));
        // The view shows only its items' tooltips: the chart carries the widget's.
        w.setToolTip(QStringLiteral("help"));
        QCOMPARE(w.chart()->toolTip(), QStringLiteral("help"));
    }
};

QTEST_MAIN(TestXYChartWidget)
#include "tst_xychartwidget.moc"
