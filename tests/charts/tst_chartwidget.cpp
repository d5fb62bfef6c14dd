// The chart widget's input and outputs: hover, wheel zoom around the pointer, drag to pan,
// double-click to reset, arrow keys, the plot size it reports, accessibility and images.

#include "chartwidget.h"
#include "plotchart.h"
#include "scenemodel.h"

#include <QApplication>
#include <QAreaSeries>
#include <QGraphicsView>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <memory>

class TestChartWidget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hoverMovesCursorAndLeaves();
    void wheelZoomsAroundPointer();
    void dragPans();
    void doubleClickResets();
    void arrowKeysMoveCursor();
    void reportsPlotSize();
    void accessibleNameAndDescription();
    void followsSceneAndRebinds();
    void hiddenChartCatchesUpWhenShown();
    void focusAndAllBandsReachTheChart();
    void toImageAtSizeAndScale();
    void toImageShowsTheFocusedBands();
    void clickingAPointMarkerPinsIt();

private:
    /** A point in the viewport at fraction (fx, fy) of the plot area. */
    QPoint plotPoint(double fx, double fy) const;
    QWidget *viewport() const { return m_view->viewport(); }
    void sendMouse(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons);

    std::unique_ptr<SceneModel> m_model;
    std::unique_ptr<ChartWidget> m_widget;
    QGraphicsView *m_view = nullptr;
};

void TestChartWidget::init()
{
    m_model = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_model->addFunction(QString::fromLatin1(id)));
    m_widget = std::make_unique<ChartWidget>();
    m_widget->setScene(m_model.get());
    m_widget->resize(800, 500);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    m_view = m_widget->findChild<QGraphicsView *>();
    QVERIFY(m_view);
    QTRY_VERIFY(m_widget->chart()->plotArea().width() > 100);
}

void TestChartWidget::cleanup()
{
    m_widget.reset();
    m_model.reset();
    m_view = nullptr;
}

QPoint TestChartWidget::plotPoint(double fx, double fy) const
{
    const QRectF area = m_widget->chart()->plotArea();
    const QPointF p(area.left() + fx * area.width(), area.top() + fy * area.height());
    return m_view->mapFromScene(m_widget->chart()->mapToScene(p));
}

void TestChartWidget::sendMouse(QEvent::Type type, QPoint pos, Qt::MouseButton button,
                                Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, viewport()->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &event);
}

void TestChartWidget::hoverMovesCursorAndLeaves()
{
    QSignalSpy moved(m_widget.get(), &ChartWidget::cursorMoved);
    QSignalSpy left(m_widget.get(), &ChartWidget::cursorLeft);
    sendMouse(QEvent::MouseMove, plotPoint(0.75, 0.5), Qt::NoButton, Qt::NoButton);
    QCOMPARE(moved.count(), 1);
    const double x = moved.first().first().toDouble();
    QVERIFY2(std::fabs(x - 3.0) < 12.0 / m_widget->chart()->plotArea().width() * 2,
             qPrintable(QString::number(x)));
    QCOMPARE(m_widget->cursorX().value_or(-99), x);

    // Off the plot area (onto the legend below it): the cursor goes.
    const QRectF area = m_widget->chart()->plotArea();
    sendMouse(QEvent::MouseMove,
              m_view->mapFromScene(
                  m_widget->chart()->mapToScene(QPointF(area.center().x(), area.bottom() + 30))),
              Qt::NoButton, Qt::NoButton);
    QCOMPARE(left.count(), 1);
    QVERIFY(!m_widget->cursorX());

    // Leaving the widget altogether hides it too.
    sendMouse(QEvent::MouseMove, plotPoint(0.5, 0.5), Qt::NoButton, Qt::NoButton);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(viewport(), &leave);
    QCOMPARE(left.count(), 2);
}

void TestChartWidget::wheelZoomsAroundPointer()
{
    QSignalSpy range(m_widget.get(), &ChartWidget::rangeRequested);
    QSignalSpy started(m_widget.get(), &ChartWidget::interactionStarted); // a notch is one step
    const QPoint pos = plotPoint(0.25, 0.5); // x ≈ −3
    QSignalSpy moved(m_widget.get(), &ChartWidget::cursorMoved);
    sendMouse(QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
    const double x0 = moved.first().first().toDouble();

    QWheelEvent in(pos, viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                   Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport(), &in);
    QCOMPARE(range.count(), 1);
    const double a = range.first().at(0).toDouble();
    const double b = range.first().at(1).toDouble();
    // Narrower, and the x under the pointer stays where it was on screen.
    QVERIFY(b - a < 12);
    QVERIFY(std::fabs((x0 - a) / (b - a) - (x0 + 6) / 12) < 1e-9);
    QVERIFY(a <= x0 && x0 <= b);

    QWheelEvent out(pos, viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport(), &out);
    QCOMPARE(range.count(), 2);
    QVERIFY(range.last().at(1).toDouble() - range.last().at(0).toDouble() > 12);
    QCOMPARE(started.count(), 0);
}

void TestChartWidget::dragPans()
{
    QSignalSpy range(m_widget.get(), &ChartWidget::rangeRequested);
    // From press to release the drag is one interaction (the window makes it one undo step).
    QSignalSpy started(m_widget.get(), &ChartWidget::interactionStarted);
    QSignalSpy finished(m_widget.get(), &ChartWidget::interactionFinished);
    const QPoint from = plotPoint(0.5, 0.5);
    const double width = m_widget->chart()->plotArea().width();
    sendMouse(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 0);
    sendMouse(QEvent::MouseMove, from + QPoint(100, 20), Qt::NoButton, Qt::LeftButton);
    QCOMPARE(range.count(), 1);
    const double shift = 100 / width * 12;
    QVERIFY(std::fabs(range.last().at(0).toDouble() - (-6 - shift)) < 1e-9);
    QVERIFY(std::fabs(range.last().at(1).toDouble() - (6 - shift)) < 1e-9);

    // The model follows (as the window would); the drag keeps counting from the press.
    QVERIFY(m_model->setRange(range.last().at(0).toDouble(), range.last().at(1).toDouble()));
    sendMouse(QEvent::MouseMove, from + QPoint(-50, 0), Qt::NoButton, Qt::LeftButton);
    QCOMPARE(range.count(), 2);
    QVERIFY(std::fabs(range.last().at(0).toDouble() - (-6 + 50 / width * 12)) < 1e-9);
    QCOMPARE(finished.count(), 0);
    sendMouse(QEvent::MouseButtonRelease, from + QPoint(-50, 0), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);
    sendMouse(QEvent::MouseMove, from, Qt::NoButton, Qt::NoButton);
    QCOMPARE(range.count(), 2); // hovering after the release does not pan
    QCOMPARE(finished.count(), 1);
}

void TestChartWidget::doubleClickResets()
{
    QSignalSpy reset(m_widget.get(), &ChartWidget::resetRequested);
    QSignalSpy range(m_widget.get(), &ChartWidget::rangeRequested);
    QTest::mouseDClick(viewport(), Qt::LeftButton, Qt::NoModifier, plotPoint(0.5, 0.5));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(range.count(), 0);
}

void TestChartWidget::arrowKeysMoveCursor()
{
    QSignalSpy moved(m_widget.get(), &ChartWidget::cursorMoved);
    m_widget->setFocus();
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.last().first().toDouble(), 12.0 / 200); // from the middle, 1/200 of the range
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(moved.last().first().toDouble(), 2 * 12.0 / 200);
    QTest::keyClick(m_view, Qt::Key_Left);
    QTest::keyClick(m_view, Qt::Key_Left);
    QTest::keyClick(m_view, Qt::Key_Left);
    QCOMPARE(moved.count(), 5);
    QVERIFY(std::fabs(moved.last().first().toDouble() + 12.0 / 200) < 1e-12);
    QCOMPARE(m_widget->cursorX().value_or(99), moved.last().first().toDouble());

    // From a cursor the window set, clamped to the range.
    m_widget->setCursorX(5.99);
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(moved.last().first().toDouble(), 6.0);
}

void TestChartWidget::reportsPlotSize()
{
    QSignalSpy size(m_widget.get(), &ChartWidget::plotSizeChanged);
    m_widget->resize(1000, 600);
    QTRY_VERIFY(size.count() >= 1);
    const QSize reported = size.last().first().toSize();
    QCOMPARE(reported, m_widget->chart()->plotArea().size().toSize());
    QVERIFY(reported.width() > 700 && reported.height() > 300);
    QCOMPARE(m_widget->plotSize(), reported);
}

void TestChartWidget::accessibleNameAndDescription()
{
    QCOMPARE(m_widget->accessibleName(), QStringLiteral("f(x) chart"));
    QVERIFY(m_widget->accessibleDescription().contains(QStringLiteral("sigmoid")));
    QVERIFY(m_widget->accessibleDescription().contains(QStringLiteral("x from −6 to 6")));
    QVERIFY(!m_widget->toolTip().isEmpty());
    m_widget->setContent(ChartContent::FirstDerivative);
    QCOMPARE(m_widget->accessibleName(), QStringLiteral("f′(x) chart"));
    QVERIFY(m_model->setRange(-1, 4));
    QVERIFY2(m_widget->accessibleDescription().contains(QStringLiteral("x from −1 to 4")),
             qPrintable(m_widget->accessibleDescription()));
    QVERIFY(m_model->setVisible(1, false));
    QVERIFY(!m_widget->accessibleDescription().contains(QStringLiteral("sigmoid")));
}

void TestChartWidget::followsSceneAndRebinds()
{
    QVERIFY(m_model->setRange(-2, 2));
    QCOMPARE(m_widget->chart()->xAxis()->min(), -2.0);
    SceneModel other;
    QVERIFY(other.addFunction(QStringLiteral("gelu")));
    m_widget->setScene(&other);
    QCOMPARE(m_widget->scene(), &other);
    QCOMPARE(m_widget->chart()->xAxis()->min(), -6.0);
    QVERIFY(m_model->setRange(-1, 1)); // the old scene is disconnected
    QCOMPARE(m_widget->chart()->xAxis()->min(), -6.0);
    m_widget->setScene(nullptr);
}

void TestChartWidget::hiddenChartCatchesUpWhenShown()
{
    QSignalSpy refreshed(m_widget->chart(), &PlotChart::refreshed);
    m_widget->hide();
    QVERIFY(m_model->setRange(-3, 3));
    QVERIFY(m_model->setRange(-2, 2));
    QCOMPARE(refreshed.count(), 0); // nobody sees it: no work per change
    m_widget->show();
    QCOMPARE(refreshed.count(), 1); // one catch-up
    QCOMPARE(m_widget->chart()->xAxis()->min(), -2.0);
    QCOMPARE(m_widget->chart()->curveSeries(1, 0).first()->points(),
             m_model->curve(1, 0).pieces.first());

    // Hidden inside a window before that window was ever shown (as an f″ chart starts).
    QWidget window;
    auto *inner = new ChartWidget(&window);
    inner->setScene(m_model.get());
    inner->hide();
    window.show();
    QSignalSpy innerRefreshed(inner->chart(), &PlotChart::refreshed);
    QVERIFY(m_model->setRange(-1, 1));
    QCOMPARE(innerRefreshed.count(), 0);
    inner->show();
    QCOMPARE(innerRefreshed.count(), 1);
    QCOMPARE(inner->chart()->xAxis()->max(), 1.0);
}

void TestChartWidget::focusAndAllBandsReachTheChart()
{
    QCOMPARE(m_widget->focusRow(), -1);
    QVERIFY(!m_widget->allBands());
    m_widget->setFocusRow(3);
    QCOMPARE(m_widget->focusRow(), 3);
    QCOMPARE(m_widget->chart()->focusRow(), 3);
    QVERIFY(PlotChart::isShown(m_widget->chart()->bandSeries(3, SaturationKind::Zero)));
    QVERIFY(!PlotChart::isShown(m_widget->chart()->bandSeries(1, SaturationKind::Saturated)));
    m_widget->setAllBands(true);
    QVERIFY(m_widget->allBands());
    QVERIFY(PlotChart::isShown(m_widget->chart()->bandSeries(1, SaturationKind::Saturated)));
    // The description still names every function's bands: the lanes show them all.
    m_widget->setAllBands(false);
    QVERIFY2(m_widget->accessibleDescription().contains(QStringLiteral("sigmoid −6 to")),
             qPrintable(m_widget->accessibleDescription()));
}

void TestChartWidget::toImageAtSizeAndScale()
{
    const QSize plotSize = m_model->plotSize();
    const QImage one = m_widget->toImage(QSize(600, 400));
    QCOMPARE(one.size(), QSize(600, 400));
    const QImage two = m_widget->toImage(QSize(600, 400), 2);
    QCOMPARE(two.size(), QSize(1200, 800));
    QCOMPARE(two.devicePixelRatio(), 2.0);
    // The sigmoid's colour is in it: curves were drawn, not only axes.
    const QRgb sigmoid = m_model->function(1).color.rgb();
    int hits = 0;
    for (int y = 0; y < two.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(two.constScanLine(y));
        for (int x = 0; x < two.width(); ++x)
            hits += (line[x] & 0xFFFFFF) == (sigmoid & 0xFFFFFF);
    }
    QVERIFY2(hits > 200, qPrintable(QString::number(hits)));
    // The window's scene is not touched by the export's re-sampling.
    QCOMPARE(m_model->plotSize(), plotSize);
    QVERIFY(m_widget->toImage(QSize(0, 10)).isNull());
}

void TestChartWidget::toImageShowsTheFocusedBands()
{
    // The image looks like the widget: the focused function's bands full height, none else.
    const QColor relu = m_model->function(3).color;
    const QColor sigmoid = m_model->function(1).color;
    // A light wash or hatch of c over white, well inside the plot (above the lanes).
    const auto washed = [](const QImage &image, const QColor &c) {
        int n = 0;
        for (int y = image.height() / 5; y < image.height() / 2; ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y);
                const int dr = 255 - qRed(p), dg = 255 - qGreen(p), db = 255 - qBlue(p);
                const int cr = 255 - c.red(), cg = 255 - c.green(), cb = 255 - c.blue();
                const int cmax = std::max({ cr, cg, cb });
                const double a = double(std::max({ dr, dg, db })) / cmax;
                if (a < 0.08 || a > 0.75)
                    continue;
                n += std::abs(dr - a * cr) <= 4 && std::abs(dg - a * cg) <= 4
                    && std::abs(db - a * cb) <= 4;
            }
        }
        return n;
    };
    m_widget->setFocusRow(1);
    QImage image = m_widget->toImage(QSize(600, 400)).convertToFormat(QImage::Format_RGB32);
    const int sigmoidWash = washed(image, sigmoid);
    QVERIFY2(sigmoidWash > 2000, qPrintable(QString::number(sigmoidWash)));
    const int reluBefore = washed(image, relu);
    m_widget->setFocusRow(3);
    image = m_widget->toImage(QSize(600, 400)).convertToFormat(QImage::Format_RGB32);
    const int reluHatch = washed(image, relu);
    QVERIFY2(reluHatch > reluBefore + 1000,
             qPrintable(QStringLiteral("%1 %2").arg(reluBefore).arg(reluHatch)));
    QVERIFY2(washed(image, sigmoid) < sigmoidWash / 4,
             qPrintable(QString::number(washed(image, sigmoid))));
}

void TestChartWidget::clickingAPointMarkerPinsIt()
{
    m_widget->setPointsVisible(true);
    QVERIFY(m_widget->pointsVisible());
    PlotChart *chart = m_widget->chart();
    // sigmoid's inflection at (0, 0.5) on the f chart.
    int marker = -1;
    for (int i = 0; i < chart->pointMarkers().size(); ++i) {
        const PlotChart::PointMarker &m = chart->pointMarkers()[i];
        if (m.kind == PointKind::Inflection && m_model->function(m.row).spec->id == u"sigmoid")
            marker = i;
    }
    QVERIFY(marker >= 0);
    const QPoint pos
        = m_view->mapFromScene(chart->mapToScene(chart->pointMarkers()[marker].position));
    QSignalSpy started(m_widget.get(), &ChartWidget::interactionStarted);
    sendMouse(QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton);
    sendMouse(QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton);
    // Pinned, and no pan began.
    QCOMPARE(chart->pinnedPoint(), marker);
    QVERIFY(!chart->pinnedPointRect().isEmpty());
    QCOMPARE(started.count(), 0);
    // A click elsewhere takes the label away (and starts a drag as ever).
    sendMouse(QEvent::MouseButtonPress, plotPoint(0.9, 0.9), Qt::LeftButton, Qt::LeftButton);
    sendMouse(QEvent::MouseButtonRelease, plotPoint(0.9, 0.9), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(chart->pinnedPoint(), -1);
    QCOMPARE(started.count(), 1);
    m_widget->setPointsVisible(false);
    QVERIFY(chart->pointMarkers().isEmpty());
}

QTEST_MAIN(TestChartWidget)
#include "tst_chartwidget.moc"
