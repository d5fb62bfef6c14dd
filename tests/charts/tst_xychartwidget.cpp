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

#include <cmath>

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

    // The heat map under the series: its left half green, its right half blue, over x ∈ [0, 2]
    // of an axis that shows [0, 4]: the plot's left quarter is green, its second blue, the
    // rest the plot's own background; a line on top stays on top.
    void plotImageLiesUnderTheSeries()
    {
        using Axis = XYChartWidget::Axis;
        XYChartWidget w;
        w.setRange(Axis::X, 0, 4);
        w.setRange(Axis::Y, 0, 1);
        QImage heat(2, 1, QImage::Format_RGB32);
        heat.setPixelColor(0, 0, QColor(0, 200, 0));
        heat.setPixelColor(1, 0, QColor(0, 0, 200));
        w.setPlotImage(heat, QRectF(0, 0, 2, 1));
        QCOMPARE(w.plotImage(), heat);
        QCOMPARE(w.plotImageValues(), QRectF(0, 0, 2, 1));
        QLineSeries *line = w.addLine(QStringLiteral("f"), {QColor(0xd6, 0x27, 0x28), 3});
        w.replace(line, {{0.2, 0.5}, {3.8, 0.5}});
        w.resize(500, 300);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QImage image = w.grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const QRectF area = w.plotArea();
        QVERIFY(area.width() > 200 && area.height() > 100);
        const auto at = [&](double x, double y) {
            return image.pixelColor(int((area.left() + x * area.width()) * dpr),
                                    int((area.bottom() - y * area.height()) * dpr));
        };
        const QColor green = at(0.05, 0.8); // near the edge: the smooth scaling keeps the cell's colour
        QVERIFY2(green.green() > 150 && green.red() < 60 && green.blue() < 60, qPrintable(green.name()));
        const QColor blue = at(0.45, 0.8);
        QVERIFY2(blue.blue() > 150 && blue.red() < 60 && blue.green() < 60, qPrintable(blue.name()));
        const QColor plain = at(0.8, 0.8);
        QVERIFY2(plain.lightness() > 200, qPrintable(plain.name())); // the light plot background
        const QColor onTop = at(0.1, 0.5);
        QVERIFY2(onTop.red() > 150 && onTop.green() < 100, qPrintable(onTop.name()));
        // A null image takes it away.
        w.setPlotImage(QImage(), QRectF());
        const QColor gone = w.grab().toImage().pixelColor(int((area.left() + 0.05 * area.width()) * dpr),
                                                           int((area.bottom() - 0.8 * area.height()) * dpr));
        QVERIFY2(gone.lightness() > 200, qPrintable(gone.name()));
    }

    // Error bars: vertical lines in axis values, drawn where the values say, not in the legend.
    void rangeBarsAreDrawnInAxisValues()
    {
        using Axis = XYChartWidget::Axis;
        XYChartWidget w;
        w.setRange(Axis::X, 0, 10);
        w.setRange(Axis::Y, 0, 10);
        XYRangeBars *bars = w.addRangeBars({QColor(0, 0, 220), 2});
        const double nan = std::nan("");
        w.setRangeBars(bars, {QLineF(5, 2, 5, 8), QLineF(7, nan, 7, 3)});
        QCOMPARE(w.rangeBars(bars), QList<QLineF>{QLineF(5, 2, 5, 8)}); // the NaN one left out
        QCOMPARE(w.legendNames(), QStringList());
        QVERIFY(w.rangeBarsPen(bars).widthF() >= 2 * w.appearance().curveWidth);
        w.resize(400, 400);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // A series renamed: the legend says the new name (the histograms' "layer 12").
        QLineSeries *named = w.addLine(QStringLiteral("layer 1"), {QColor(0, 0, 0)});
        w.setSeriesName(named, QStringLiteral("layer 12"));
        QTRY_COMPARE(w.legendNames(), QStringList{QStringLiteral("layer 12")}); // markers come later
        w.removeSeries(named);
        QImage image = w.grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const QRectF area = w.plotArea();
        const auto at = [&](const QImage &im, double x, double y) {
            return im.pixelColor(int((area.left() + x / 10 * area.width()) * dpr),
                                 int((area.bottom() - y / 10 * area.height()) * dpr));
        };
        QVERIFY2(at(image, 5, 5).blue() > 150 && at(image, 5, 5).red() < 100, qPrintable(at(image, 5, 5).name()));
        QVERIFY(at(image, 5, 9).lightness() > 200); // above the bar
        QVERIFY(at(image, 6, 5).lightness() > 200); // beside it
        // Dark theme: the pen follows it.
        w.setAppearance(ChartAppearance::forTheme(Theme::Dark, true));
        QCOMPARE(w.rangeBarsPen(bars).color(), w.appearance().curveColor(QColor(0, 0, 220)));
        w.removeRangeBars(bars);
        image = w.grab().toImage();
        QVERIFY(at(image, 5, 5).lightness() < 80); // the dark plot background again
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
