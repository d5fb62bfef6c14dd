// PlotChartAxes: where the tick labels and titles go, the room they ask for, and the pixels of
// the grid (crisp: one device pixel, no antialiasing).

#include "plotaxes.h"

#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <limits>

namespace {

PlotChartAxes::Axis axis(double min, double max, const QList<double> &ticks, const QString &title)
{
    PlotChartAxes::Axis a;
    a.min = min;
    a.max = max;
    a.ticks = ticks;
    for (double t : ticks)
        a.labels << QString::number(t);
    a.title = title;
    return a;
}

PlotChartAxes::Style style()
{
    PlotChartAxes::Style s;
    s.labelFont.setPointSizeF(10);
    s.titleFont.setPointSizeF(11);
    s.labels = Qt::black;
    s.titles = Qt::black;
    s.grid = QColor(200, 0, 0);
    s.axisLine = QColor(0, 0, 200);
    return s;
}

} // namespace

class TestPlotAxes : public QObject
{
    Q_OBJECT

private slots:
    void labelsSitUnderAndBesideTheirTicks();
    void crowdedLabelsAreLeftOut();
    void roomHoldsLabelsAndTitles();
    void noYLabelReachesBelowTheFloor();
    void gridIsCrispHairlines();
    void nothingForAnEmptyPlot();
};

void TestPlotAxes::labelsSitUnderAndBesideTheirTicks()
{
    PlotChartAxes axes(nullptr);
    axes.setStyle(style());
    const QRectF area(100, 20, 400, 300);
    axes.setAxes(area, axis(-2, 2, { -2, 0, 2 }, "x"), axis(0, 1, { 0, 0.5, 1 }, "f(x)"));
    const QList<PlotChartAxes::Label> labels = axes.labels();
    QCOMPARE(labels.size(), 6);
    // x: centred on x = −2, 0, 2, that is at the plot's left, middle and right; under the plot.
    const qreal xs[] = { 100, 300, 500 };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(labels[i].orientation, Qt::Horizontal);
        QCOMPARE(labels[i].rect.center().x(), xs[i]);
        QVERIFY(labels[i].rect.top() > area.bottom());
    }
    QCOMPARE(labels[1].text, QStringLiteral("0"));
    // y: from the bottom up, right-aligned left of the plot, centred on their ticks.
    const qreal ys[] = { 320, 170, 20 };
    for (int i = 0; i < 3; ++i) {
        const PlotChartAxes::Label &l = labels[3 + i];
        QCOMPARE(l.orientation, Qt::Vertical);
        QVERIFY(qAbs(l.rect.center().y() - ys[i]) < 0.01);
        QVERIFY(l.rect.right() < area.left());
        QVERIFY(qAbs(l.rect.right() - labels[3].rect.right()) < 0.01);
    }
    // Titles: x's under its labels, y's left of its labels, both centred on the plot.
    QVERIFY(axes.xTitleRect().top() >= labels[0].rect.bottom());
    QVERIFY(qAbs(axes.xTitleRect().center().x() - area.center().x()) < 0.01);
    QVERIFY(axes.yTitleRect().right() <= labels[3].rect.left());
    QVERIFY(qAbs(axes.yTitleRect().center().y() - area.center().y()) < 0.01);
    // Everything painted lies inside the item's bounds.
    for (const PlotChartAxes::Label &l : labels)
        QVERIFY(axes.boundingRect().contains(l.rect));
}

void TestPlotAxes::crowdedLabelsAreLeftOut()
{
    PlotChartAxes axes(nullptr);
    axes.setStyle(style());
    // 41 ticks across 100 px: labels 2.5 px apart cannot all be shown; the first is, and no two
    // that are shown touch.
    QList<double> ticks;
    for (int i = 0; i <= 40; ++i)
        ticks << 1000.0 + i;
    axes.setAxes(QRectF(50, 10, 100, 100), axis(1000, 1040, ticks, {}), axis(0, 1, { 0, 1 }, {}));
    QList<QRectF> shown;
    for (const PlotChartAxes::Label &l : axes.labels()) {
        if (l.orientation == Qt::Horizontal)
            shown << l.rect;
    }
    QVERIFY(shown.size() > 1);
    QVERIFY(shown.size() < 41);
    QCOMPARE(shown.first().center().x(), 50.0);
    for (int i = 1; i < shown.size(); ++i)
        QVERIFY(shown[i].left() > shown[i - 1].right());
}

void TestPlotAxes::roomHoldsLabelsAndTitles()
{
    PlotChartAxes axes(nullptr);
    axes.setStyle(style());
    const QRectF area(100, 20, 400, 300);
    axes.setAxes(area, axis(-2, 2, { -2, 0, 2 }, "x"), axis(0, 1000, { 0, 1000 }, "f(x)"));
    const QMarginsF room = axes.room();
    // The widest y label, "1000", and the turned title fit left of the plot; the x labels and
    // title under it.
    qreal left = area.left();
    for (const PlotChartAxes::Label &l : axes.labels())
        left = std::min(left, l.rect.left());
    left = std::min(left, axes.yTitleRect().left());
    QVERIFY2(area.left() - room.left() <= left + 0.01,
             qPrintable(QStringLiteral("%1 %2").arg(room.left()).arg(left)));
    QVERIFY(area.bottom() + room.bottom() >= axes.xTitleRect().bottom() - 0.01);
    // Without titles, less room.
    axes.setAxes(area, axis(-2, 2, { -2, 0, 2 }, {}), axis(0, 1000, { 0, 1000 }, {}));
    QVERIFY(axes.room().left() < room.left());
    QVERIFY(axes.room().bottom() < room.bottom());
}

void TestPlotAxes::noYLabelReachesBelowTheFloor()
{
    // The lanes' shelf under y = 300: the label of 0 (at 320) would reach in, 0.5's and 1's not.
    PlotChartAxes axes(nullptr);
    axes.setStyle(style());
    axes.setAxes(QRectF(100, 20, 400, 300), axis(-2, 2, { 0 }, {}), axis(0, 1, { 0, 0.5, 1 }, {}));
    axes.setYLabelFloor(300);
    QStringList texts;
    for (const PlotChartAxes::Label &l : axes.labels()) {
        if (l.orientation == Qt::Vertical) {
            texts << l.text;
            QVERIFY(l.rect.bottom() <= 300);
        }
    }
    QCOMPARE(texts, (QStringList { "0.5", "1" }));
    // The room still holds the widest label, shown or not.
    QVERIFY(axes.yLabelWidth() > 0);
    axes.setYLabelFloor(std::numeric_limits<qreal>::infinity());
    QCOMPARE(axes.labels().size(), 4);
}

void TestPlotAxes::gridIsCrispHairlines()
{
    QGraphicsScene scene;
    auto *axes = new PlotChartAxes(nullptr);
    scene.addItem(axes);
    axes->setStyle(style());
    // Ticks at x = 0.3 (px 130.x) and y = 0.5 (px 170): lines land on whole pixels.
    axes->setAxes(QRectF(100.4, 20, 400, 300), axis(0, 1, { 0.3 }, {}), axis(0, 1, { 0.5 }, {}));
    QImage image(600, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing); // as the chart view paints
        scene.render(&p, QRectF(0, 0, 600, 400), QRectF(0, 0, 600, 400));
    }
    const QRgb grid = QColor(200, 0, 0).rgb();
    const int gx = int(std::lround(100.4 + 0.3 * 400));
    // One column of the grid's colour, white beside it: no antialiased smear.
    QCOMPARE(image.pixel(gx, 100), grid);
    QCOMPARE(image.pixel(gx - 1, 100), QColor(Qt::white).rgb());
    QCOMPARE(image.pixel(gx + 1, 100), QColor(Qt::white).rgb());
    QCOMPARE(image.pixel(300, 170), grid);
    QCOMPARE(image.pixel(300, 169), QColor(Qt::white).rgb());
    QCOMPARE(image.pixel(300, 171), QColor(Qt::white).rgb());
    // The axis lines, left and bottom, in theirs.
    const QRgb axisLine = QColor(0, 0, 200).rgb();
    QCOMPARE(image.pixel(100, 200), axisLine);
    QCOMPARE(image.pixel(300, 320), axisLine);
    // Labels are drawn: dark pixels under the x tick and left of the y tick.
    int dark = 0;
    for (int y = 322; y < 345; ++y) {
        for (int x = gx - 12; x <= gx + 12; ++x)
            dark += qGray(image.pixel(x, y)) < 128;
    }
    QVERIFY2(dark > 5, qPrintable(QString::number(dark)));
}

void TestPlotAxes::nothingForAnEmptyPlot()
{
    PlotChartAxes axes(nullptr);
    axes.setStyle(style());
    axes.setAxes(QRectF(), axis(0, 1, { 0, 1 }, "x"), axis(0, 1, { 0, 1 }, "y"));
    QVERIFY(axes.labels().isEmpty());
    QVERIFY(axes.boundingRect().isEmpty());
    // An empty range: nothing either (no division by zero).
    axes.setAxes(QRectF(0, 0, 100, 100), axis(1, 1, { 1 }, "x"), axis(0, 1, { 0 }, "y"));
    QVERIFY(axes.labels().isEmpty());
}

QTEST_MAIN(TestPlotAxes)
#include "tst_plotaxes.moc"
