// The explorer window as a user drives it: sliders move curves and bands, ε changes the panel,
// hovering reads values, zooming moves the range sliders, and exports write what is on screen.

#include "accessibilitywalk.h"
#include "chartsettling.h"
#include "chartwidget.h"
#include "formulapanel.h"
#include "functionlistpanel.h"
#include "lessonpanel.h"
#include "lessons.h"
#include "startpage.h"
#include "valuetablemodel.h"
#include "valuetablewidget.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "plotchart.h"
#include "rangepanel.h"
#include "saturationpanel.h"
#include "scenemodel.h"
#include "sessionfile.h"
#include "scenehistory.h"
#include "sliderplayer.h"
#include "networkpanel.h"
#include "softmaxpanel.h"
#include "layerchainpanel.h"
#include "gradientdescentpanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QAreaSeries>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsView>
#include <QApplication>
#include <QWheelEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QValueAxis>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUndoView>
#include <QTabBar>
#include <QWindow>
#include <QXmlStreamReader>

#include <cmath>

namespace {

/** How many pixels are close to colour c. */
int pixelsNear(const QImage &image, const QColor &c, int tolerance = 40)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            if (std::abs(qRed(p) - c.red()) + std::abs(qGreen(p) - c.green())
                        + std::abs(qBlue(p) - c.blue())
                <= tolerance)
                ++count;
        }
    }
    return count;
}

QList<QPointF> firstPiece(const PlotChart *chart, int row, int order)
{
    const QList<QLineSeries *> series = chart->curveSeries(row, order);
    return series.isEmpty() ? QList<QPointF>{} : series.first()->points();
}

/**
 * The title a desktop shows: the one the window gives its platform window, then " — " and the
 * application's display name unless it ends with it already, as Qt's xcb plugin composes it
 * (QPlatformWindow::formatWindowTitle(); the offscreen platform shows no title, so the test
 * composes it the same way).
 */
QString shownTitle(const QWidget *window)
{
    const QString title = window->windowHandle() ? window->windowHandle()->title() : QString();
    const QString name = QGuiApplication::applicationDisplayName();
    return title.endsWith(name) ? title : title + QStringLiteral(" — ") + name;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithTheTutorialScene();
    void exportMenuOffersAnimation();
    void opensWithNothingToUndo();
    void titleNamesTheFile();
    void xSliderRedrawsCurvesAndBands();
    void parameterSliderRedrawsCurve();
    void epsilonSliderChangesPanelIntervals();
    void hoverReadsValuesOnAllCharts();
    void zoomUpdatesRangeSliders();
    void resetViewRestoresRange();
    void viewMenuTogglesCharts();
    void selectingAFunctionMovesTheBands();
    void allBandsActionAndExportOptions();
    void exportsPngOfRequestedSizeWithCurves();
    void exportsSvgCsvAndJson();
    void refusesUnknownSuffixAndUnwritablePath();
    void overwriteAsksFirst();
    void everyControlHasTooltipAndAccessibleName();
    void screenReaderFindsEveryControlNamedAndDescribed();
    void lessonsMenuLoadsEachLesson();
    void unknownLessonLeavesSceneIntact();
    void startPageStartsALesson();
    void formulaAndValuesFollowTheSelection();
    void quitShortcut();
    void themeActionSwitchesAndIsRemembered();
    void presentationModeTogglesFullScreenAndLook();
    void whiteExportsOption();
    void pointsOfInterestOption();
    void sessionSaveOpenRoundTrips();
    void messageBeforeShowDoesNotCoverTheReadOut();
    void badSessionsLeaveSceneUntouched_data();
    void badSessionsLeaveSceneUntouched();
    void recentFilesUpdateAndDropMissing();
    void openingAsksAboutUnsavedChanges();
    void modifiedFlagFollowsChangesAndSave();
    void restoreLastSceneAfterClose();
    void openingAFileIsAFreshStart();
    void fileShortcuts();
    void sliderDragIsOneUndoStep();
    void undoRestoresSceneBeforeLesson();
    void parameterDragIsOneUndoStep();
    void playingIsOneUndoStep();
    void chartPanIsOneUndoStep();
    void addRemoveRecolourAreUndoable();
    void demonstrationsOpenInTheirOwnWindows();
    void networkDemonstrationFollowsTheSelectedFunction();
    void demonstrationSlidersLeaveTheHistoryAlone();
    void lossViewKeepsItsOwnScene();
    void chartsShareTheWidthWithLongLabels();

private:
    /** A scene unlike the tutorial's: other functions, a parameter, a colour, range and ε. */
    void changeScene();
    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    // The theme and other choices go to QSettings: never the real user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    // As main() does: the platform adds it to every window's title.
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Activation Explorer"));
    QSettings().setValue(QStringLiteral("startPageShown"), true);
}

void TestMainWindow::init()
{
    m_window = new MainWindow;
    // Never a modal box in a test: unsaved changes are dropped unless a test says otherwise.
    m_window->setUnsavedQuestion(
            [](const QString &, QWidget *) { return MainWindow::UnsavedChoice::Discard; });
    m_window->resize(1600, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestMainWindow::exportMenuOffersAnimation()
{
    // Export → Animation (GIF)… comes right after the image export, which also writes PDF.
    const QList<QAction *> actions = m_window->findChild<QMenu *>("exportMenu")->actions();
    auto *image = m_window->findChild<QAction *>("exportImageAction");
    auto *animation = m_window->findChild<QAction *>("exportAnimationAction");
    QVERIFY(image && animation);
    QCOMPARE(actions.indexOf(animation), actions.indexOf(image) + 1);
    QVERIFY(image->text().contains("PDF"));
    QVERIFY(!animation->toolTip().isEmpty());
}

void TestMainWindow::startsWithTheTutorialScene()
{
    SceneModel *scene = m_window->scene();
    QCOMPARE(scene->rowCount(), 4);
    QStringList ids;
    for (int r = 0; r < scene->rowCount(); ++r)
        ids << scene->function(r).spec->id;
    QCOMPARE(ids, (QStringList{"step", "sigmoid", "tanh", "relu"}));
    QCOMPARE(scene->xMin(), -6.0);
    QCOMPARE(scene->xMax(), 6.0);
    QCOMPARE(scene->epsilon(), 0.01);
    QCOMPARE(m_window->windowTitle(), QString("Untitled[*]"));
    QVERIFY(!m_window->isWindowModified());
    // Both charts draw every function.
    for (ChartWidget *chart : {m_window->functionChart(), m_window->derivativeChart()}) {
        for (int r = 0; r < 4; ++r)
            QVERIFY(!chart->chart()->curveSeries(r, chart == m_window->functionChart() ? 0 : 1).isEmpty());
    }
    QVERIFY(m_window->secondDerivativeChart()->isHidden());
}

void TestMainWindow::opensWithNothingToUndo()
{
    // The scene a window opens on is its first state, not a step: a new user's first Ctrl+Z
    // must not take the tutorial scene apart (relu first).
    QUndoStack *stack = m_window->history()->stack();
    QCOMPARE(stack->count(), 0);
    QVERIFY(stack->isClean());
    QAction *undo = m_window->action("undoAction");
    QVERIFY(undo && !undo->isEnabled());
    const QByteArray opening = SessionFile::toJson(*m_window->scene());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    undo->trigger();
    stack->undo();
    QCOMPARE(SessionFile::toJson(*m_window->scene()), opening);
    QCOMPARE(m_window->scene()->rowCount(), 4);
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::titleNamesTheFile()
{
    // A scene never saved is "Untitled", with the "*" of a change after it, never the
    // application's name twice ("Activation Explorer* — Activation Explorer").
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*]"));
    QCOMPARE(m_window->windowHandle()->title(), QStringLiteral("Untitled"));
    QCOMPARE(shownTitle(m_window), QStringLiteral("Untitled — Activation Explorer"));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->history()->stack()->isClean());

    QVERIFY(m_window->scene()->setEpsilon(0.02));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_window->windowHandle()->title(), QStringLiteral("Untitled*"));
    QCOMPARE(shownTitle(m_window), QStringLiteral("Untitled* — Activation Explorer"));

    // Saved, or opened: the file's name.
    const QString path = m_dir.filePath("titled.json");
    QVERIFY(m_window->saveSession(path));
    QCOMPARE(m_window->windowFilePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("titled.json[*]"));
    QCOMPARE(shownTitle(m_window), QStringLiteral("titled.json — Activation Explorer"));
    QVERIFY(m_window->scene()->setEpsilon(0.03));
    QCOMPARE(shownTitle(m_window), QStringLiteral("titled.json* — Activation Explorer"));
    const QString other = m_dir.filePath("other.json");
    QVERIFY(m_window->saveSession(other));
    QVERIFY(m_window->openSession(path));
    QCOMPARE(shownTitle(m_window), QStringLiteral("titled.json — Activation Explorer"));

    // The last scene restored is no file of its own: untitled again.
    m_window->close(); // stores the scene, and takes the platform window away
    QVERIFY(m_window->restoreLastScene());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*]"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(shownTitle(m_window), QStringLiteral("Untitled — Activation Explorer"));
    QSettings().remove("recentFiles");
}

void TestMainWindow::xSliderRedrawsCurvesAndBands()
{
    auto *slider = m_window->rangePanel()->findChild<QSlider *>("xMinSlider");
    QVERIFY(slider);
    const PlotChart *f = m_window->functionChart()->chart();
    QCOMPARE(firstPiece(f, 1, 0).first().x(), -6.0);
    const auto bandsBefore = PlotChart::bandExtents(f->bandSeries(1, SaturationKind::Saturated));
    QSignalSpy recomputed(m_window->scene(), &SceneModel::recomputed);
    slider->setValue(slider->value() - 20); // two units to the left
    QCOMPARE(recomputed.size(), 1);
    QCOMPARE(m_window->scene()->xMin(), -8.0);
    QCOMPARE(firstPiece(f, 1, 0).first().x(), -8.0);
    QCOMPARE(f->xAxis()->min(), -8.0);
    const auto bandsAfter = PlotChart::bandExtents(f->bandSeries(1, SaturationKind::Saturated));
    QVERIFY(!bandsAfter.isEmpty());
    QCOMPARE(bandsAfter.first().first, -8.0);
    QVERIFY(bandsAfter != bandsBefore);
    // The spin box follows the slider.
    QCOMPARE(m_window->rangePanel()->findChild<QDoubleSpinBox *>("xMinSpin")->value(), -8.0);
}

void TestMainWindow::parameterSliderRedrawsCurve()
{
    SceneModel *scene = m_window->scene();
    QVERIFY(scene->addFunction("leaky_relu"));
    m_window->functionList()->setCurrentRow(4);
    auto *slider = m_window->parameterPanel()->findChild<QSlider *>("negative_slopeSlider");
    QVERIFY(slider);
    const PlotChart *d = m_window->derivativeChart()->chart();
    QCOMPARE(firstPiece(d, 4, 1).first().y(), 0.01);
    slider->setValue(slider->maximum() / 2); // slope 0.5 on a 0…1 slider
    QCOMPARE(scene->function(4).parameters[0], 0.5);
    QCOMPARE(firstPiece(d, 4, 1).first().y(), 0.5);
    QCOMPARE(firstPiece(m_window->functionChart()->chart(), 4, 0).first().y(), -3.0);
}

void TestMainWindow::epsilonSliderChangesPanelIntervals()
{
    auto *slider = m_window->rangePanel()->findChild<QSlider *>("epsilonSlider");
    QVERIFY(slider);
    const QAbstractItemModel *panel = m_window->saturationPanel()->intervalModel();
    auto sigmoidBoundary = [panel] {
        for (int r = 0; r < panel->rowCount(); ++r) {
            const QModelIndex fn = panel->index(r, 0);
            if (fn.data(SaturationPanel::FunctionRowRole).toInt() == 1)
                return panel->index(0, SaturationPanel::ToColumn, fn).data(SaturationPanel::ValueRole).toDouble();
        }
        return std::nan("");
    };
    const double before = sigmoidBoundary();
    QVERIFY(std::fabs(before - -4.5848) < 1e-3);
    slider->setValue(RangePanel::epsilonPosition(0.05));
    QVERIFY(std::fabs(m_window->scene()->epsilon() - 0.05) < 1e-3);
    const double eps = m_window->scene()->epsilon();
    const double expected = -std::log((1 + std::sqrt(1 - 4 * eps)) / (1 - std::sqrt(1 - 4 * eps)));
    QVERIFY2(std::fabs(sigmoidBoundary() - expected) < 1e-9,
             qPrintable(QString("%1 vs %2 at ε %3").arg(sigmoidBoundary(), 0, 'g', 17).arg(expected, 0, 'g', 17).arg(eps)));
    QVERIFY(std::fabs(sigmoidBoundary() - before) > 1.0);
    QVERIFY2(m_window->saturationPanel()->explanation().contains(QString::number(eps)),
             qPrintable(m_window->saturationPanel()->explanation()));
}

void TestMainWindow::hoverReadsValuesOnAllCharts()
{
    ChartWidget *chart = m_window->functionChart();
    QSignalSpy moved(chart, &ChartWidget::cursorMoved);
    // Hover the middle of the f chart's plot area with a real mouse event.
    PlotChart *pc = chart->chart();
    auto *view = chart->findChild<QGraphicsView *>();
    QVERIFY(view);
    const QPoint centre = view->mapFromScene(pc->mapToPosition(QPointF(1.0, 0.5)));
    QTest::mouseMove(view->viewport(), centre);
    QTRY_VERIFY(!moved.isEmpty());
    const double x = moved.last().first().toDouble();
    QVERIFY(std::fabs(x - 1.0) < 0.05);
    QVERIFY(m_window->derivativeChart()->cursorX().has_value());
    QCOMPARE(*m_window->derivativeChart()->cursorX(), x);
    // The read-out shows f and f′ of each function at exactly that x.
    m_window->setCursorX(1.0);
    const QString text = m_window->traceText();
    QVERIFY2(text.contains("x = 1"), qPrintable(text));
    QVERIFY2(text.contains("sigmoid: f = 0.73106, f′ = 0.19661"), qPrintable(text));
    QVERIFY2(text.contains("tanh: f = 0.76159, f′ = 0.41997"), qPrintable(text));
    QVERIFY2(text.contains("relu: f = 1, f′ = 1"), qPrintable(text));
    // The tangent on the f chart has slope f′(1).
    const QList<QPointF> tangent = pc->tangentSeries(1)->points();
    QCOMPARE(tangent.size(), 2);
    const double slope = (tangent[1].y() - tangent[0].y()) / (tangent[1].x() - tangent[0].x());
    QVERIFY(std::fabs(slope - 0.19661193324148185) < 1e-9);
}

void TestMainWindow::zoomUpdatesRangeSliders()
{
    ChartWidget *chart = m_window->functionChart();
    QSignalSpy requested(chart, &ChartWidget::rangeRequested);
    auto *view = chart->findChild<QGraphicsView *>();
    QVERIFY(view);
    const QPoint at = view->mapFromScene(chart->chart()->mapToPosition(QPointF(0.0, 0.5)));
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QTRY_VERIFY(!requested.isEmpty());
    const double xMin = m_window->scene()->xMin();
    const double xMax = m_window->scene()->xMax();
    QVERIFY2(xMax - xMin < 12.0, qPrintable(QString("%1 %2").arg(xMin).arg(xMax)));
    auto *spin = m_window->rangePanel()->findChild<QDoubleSpinBox *>("xMinSpin");
    QVERIFY(std::fabs(spin->value() - xMin) < 0.01);
    auto *slider = m_window->rangePanel()->findChild<QSlider *>("xMinSlider");
    QCOMPARE(slider->value(), int(std::lround(xMin * RangePanel::XSliderTicksPerUnit)));
}

void TestMainWindow::resetViewRestoresRange()
{
    QVERIFY(m_window->scene()->setRange(-1, 2));
    m_window->action("resetViewAction")->trigger();
    QCOMPARE(m_window->scene()->xMin(), -6.0);
    QCOMPARE(m_window->scene()->xMax(), 6.0);
}

void TestMainWindow::viewMenuTogglesCharts()
{
    m_window->action("secondDerivativeAction")->setChecked(true);
    QVERIFY(m_window->secondDerivativeChart()->isVisible());
    QCOMPARE(m_window->scene()->maxOrder(), 2);
    QVERIFY(!m_window->secondDerivativeChart()->chart()->curveSeries(2, 2).isEmpty());
    m_window->action("overlayAction")->setChecked(true);
    QCOMPARE(m_window->functionChart()->content(), ChartContent::Overlay);
    QVERIFY(m_window->derivativeChart()->isHidden());
    m_window->action("bandsAction")->setChecked(false);
    QVERIFY(!m_window->functionChart()->bandsVisible());
}

void TestMainWindow::selectingAFunctionMovesTheBands()
{
    // The current row (sigmoid at start) is every chart's focus: its bands fill the plots.
    const PlotChart *f = m_window->functionChart()->chart();
    const PlotChart *d = m_window->derivativeChart()->chart();
    QCOMPARE(m_window->functionList()->currentRow(), 1);
    for (const PlotChart *chart : {f, d}) {
        QCOMPARE(chart->focusRow(), 1);
        QVERIFY(PlotChart::isShown(chart->bandSeries(1, SaturationKind::Saturated)));
        QVERIFY(!PlotChart::isShown(chart->bandSeries(3, SaturationKind::Zero)));
        QVERIFY(!PlotChart::isShown(chart->bandSeries(2, SaturationKind::Saturated)));
        // Every function keeps its lane.
        QCOMPARE(chart->laneRows(), (QList<int>{0, 1, 2, 3}));
    }
    QVERIFY(f->legendTexts().contains("sigmoid: saturated |f′| < ε"));

    // Selecting relu in the list, as a user clicks it.
    auto *list = m_window->functionList()->findChild<QAbstractItemView *>();
    QVERIFY(list);
    const QModelIndex relu = list->model()->index(3, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
                      list->visualRect(relu).center());
    QCOMPARE(m_window->functionList()->currentRow(), 3);
    const PlotChart *second = m_window->secondDerivativeChart()->chart(); // hidden, follows too
    for (const PlotChart *chart : {f, d, second})
        QCOMPARE(chart->focusRow(), 3);
    for (const PlotChart *chart : {f, d}) {
        QVERIFY(PlotChart::isShown(chart->bandSeries(3, SaturationKind::Zero)));
        QCOMPARE(PlotChart::bandExtents(chart->bandSeries(3, SaturationKind::Zero)),
                 (QList<QPair<double, double>>{{-6.0, 0.0}}));
        QVERIFY(!PlotChart::isShown(chart->bandSeries(1, SaturationKind::Saturated)));
        // relu on top now.
        const QList<QAbstractSeries *> order = chart->series();
        const QAbstractSeries *reluCurve = chart->curveSeries(3, chart == f ? 0 : 1).first();
        for (int row = 0; row < 3; ++row) {
            for (QLineSeries *s : chart->curveSeries(row, chart == f ? 0 : 1))
                QVERIFY(order.indexOf(s) < order.indexOf(reluCurve));
        }
    }
    QVERIFY(f->legendTexts().contains("relu: zero f′ = 0"));
    QCOMPARE(m_window->renderOptions(QSize(800, 450)).focusRow, 3);

    // Removing the current function leaves a valid focus (the panel's new current row).
    m_window->functionList()->setCurrentRow(1);
    QVERIFY(m_window->scene()->removeRows(1, 1));
    const int current = m_window->functionList()->currentRow();
    QCOMPARE(f->focusRow(), current);
    QVERIFY(current < m_window->scene()->rowCount());
}

void TestMainWindow::allBandsActionAndExportOptions()
{
    QAction *all = m_window->action("allBandsAction");
    QVERIFY(all);
    QVERIFY(all->isCheckable());
    QVERIFY(!all->isChecked()); // off by default
    QVERIFY(!all->toolTip().isEmpty());
    QVERIFY(m_window->findChild<QMenu *>("viewMenu")->actions().contains(all));
    QVERIFY(!m_window->renderOptions(QSize(800, 450)).allBands);
    all->setChecked(true);
    for (ChartWidget *chart : {m_window->functionChart(), m_window->derivativeChart()}) {
        QVERIFY(chart->allBands());
        QVERIFY(PlotChart::isShown(chart->chart()->bandSeries(2, SaturationKind::Saturated)));
    }
    QVERIFY(m_window->renderOptions(QSize(800, 450)).allBands);
    // Without bands there is nothing to show for all.
    m_window->action("bandsAction")->setChecked(false);
    QVERIFY(!all->isEnabled());
    m_window->action("bandsAction")->setChecked(true);
    QVERIFY(all->isEnabled());
    all->setChecked(false);
    const PlotChart *f = m_window->functionChart()->chart();
    QVERIFY(!PlotChart::isShown(f->bandSeries(2, SaturationKind::Saturated)));

    // The export shows what the window shows: sigmoid's band, not tanh's.
    const RenderOptions o = m_window->renderOptions(QSize(1200, 700));
    QCOMPARE(o.focusRow, 1);
    QCOMPARE(o.allBands, false);
}

void TestMainWindow::exportsPngOfRequestedSizeWithCurves()
{
    const QString path = m_dir.filePath("window.png");
    QString error;
    QVERIFY2(m_window->exportTo(path, m_window->renderOptions(QSize(1200, 700), 2), &error),
             qPrintable(error));
    QImage image(path);
    QCOMPARE(image.size(), QSize(2400, 1400));
    image = image.convertToFormat(QImage::Format_RGB32);
    for (int r = 0; r < m_window->scene()->rowCount(); ++r) {
        const QColor c = m_window->scene()->function(r).color;
        QVERIFY2(pixelsNear(image, c) > 500, qPrintable(m_window->scene()->function(r).label()));
    }
}

void TestMainWindow::exportsSvgCsvAndJson()
{
    QString error;
    const QString svg = m_dir.filePath("w.svg");
    QVERIFY2(m_window->exportTo(svg, m_window->renderOptions(QSize(800, 500)), &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svgFile);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QLatin1String("svg"));

    QVERIFY(m_window->scene()->setSampleCount(5));
    const QString csv = m_dir.filePath("w.csv");
    QVERIFY2(m_window->exportTo(csv, {}, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines[0], QByteArray("x,step,step_grad,step_grad2,sigmoid,sigmoid_grad,sigmoid_grad2,"
                                  "tanh,tanh_grad,tanh_grad2,relu,relu_grad,relu_grad2"));
    QVERIFY2(lines[3].startsWith("0,0,nan,nan,0.5,0.25,"), lines[3].constData());

    const QString json = m_dir.filePath("w.json");
    QVERIFY2(m_window->exportTo(json, {}, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QVERIFY(jsonFile.readAll().contains("\"kind\": \"zero\""));
}

void TestMainWindow::refusesUnknownSuffixAndUnwritablePath()
{
    QString error;
    QVERIFY(!m_window->exportTo(m_dir.filePath("w.bmp"), {}, &error));
    QVERIFY2(error.contains(".png") && error.contains(".csv") && error.contains("bmp"), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath("w.bmp")));
    QVERIFY(!m_window->exportTo(m_dir.filePath("missing/dir/w.png"), m_window->renderOptions({400, 300}), &error));
    QVERIFY2(error.contains("missing"), qPrintable(error));
    QVERIFY(!m_window->exportTo(m_dir.path(), {}, &error)); // a directory, no suffix
    QVERIFY(!error.isEmpty());
}

void TestMainWindow::overwriteAsksFirst()
{
    const QString path = m_dir.filePath("keep.csv");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
    }
    QStringList asked;
    m_window->setOverwriteQuestion([&asked](const QString &p, QWidget *) {
        asked << p;
        return false;
    });
    QVERIFY(!m_window->exportInteractively(path, {}));
    QCOMPARE(asked, QStringList{path});
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious"));
    f.close();
    m_window->setOverwriteQuestion([](const QString &, QWidget *) { return true; });
    QVERIFY(m_window->exportInteractively(path, {}));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("x,step"));
}

void TestMainWindow::everyControlHasTooltipAndAccessibleName()
{
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QSlider *>(w)
                || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w)
                || qobject_cast<ChartWidget *>(w);
        if (!control || !w->isVisibleTo(m_window))
            continue;
        // Widgets that Qt builds inside others (a spin box's line edit, dock title buttons) are
        // described by their owner.
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
            continue;
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        if (w->inherits("QDockWidgetTitleButton") || w->inherits("QToolButton")
            || w->inherits("QHeaderView") || w->inherits("QTableCornerButton"))
            continue;
        const QString what = QString("%1 '%2' in %3")
                                     .arg(w->metaObject()->className(), w->objectName(),
                                          w->parentWidget() ? w->parentWidget()->metaObject()->className() : "");
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable("no accessible name: " + what));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable("no tooltip: " + what));
    }
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->isSeparator() || a->menu() || a->text().isEmpty())
            continue;
        QVERIFY2(!a->toolTip().isEmpty(), qPrintable(a->text()));
    }
}

void TestMainWindow::screenReaderFindsEveryControlNamedAndDescribed()
{
    // As Orca reads it through AT-SPI: the window, its docks, bars, views, charts and the chart
    // area's splitters, then the same in presentation mode with its strip.
    QStringList gaps = accessibilityGaps(m_window);
    QVERIFY2(gaps.isEmpty(), qPrintable(gaps.join(QLatin1Char('\n'))));
    m_window->action(QStringLiteral("presentationAction"))->trigger();
    QCoreApplication::processEvents();
    gaps = accessibilityGaps(m_window);
    QVERIFY2(gaps.isEmpty(), qPrintable(gaps.join(QLatin1Char('\n'))));
}

void TestMainWindow::lessonsMenuLoadsEachLesson()
{
    for (const Lesson &lesson : Lessons::all()) {
        QAction *open = m_window->action(QStringLiteral("lesson_") + QLatin1String(lesson.id));
        QVERIFY(open);
        open->trigger();
        QCOMPARE(m_window->currentLesson(), QString::fromLatin1(lesson.id));
        QCOMPARE(m_window->scene()->rowCount(), lesson.functions.size());
        QCOMPARE(m_window->scene()->xMin(), lesson.xMin);
        QCOMPARE(m_window->lessonPanel()->currentLesson(), QString::fromLatin1(lesson.id));
        QCOMPARE(m_window->functionList()->currentRow(), lesson.focusRow);
    }
    // Lesson 3 draws tanh and 2·sigmoid(2x) − 1 on the f chart, and they coincide.
    QVERIFY(m_window->applyLesson("tanh-is-scaled-sigmoid"));
    const PlotChart *f = m_window->functionChart()->chart();
    QVERIFY(!f->curveSeries(0, 0).isEmpty() && !f->curveSeries(1, 0).isEmpty());
    QCOMPARE(m_window->scene()->function(1).label(), QString("2·sigmoid(2x) − 1"));
}

void TestMainWindow::unknownLessonLeavesSceneIntact()
{
    QString error;
    QVERIFY(!m_window->applyLesson("no-such-lesson", &error));
    QCOMPARE(error, QString("There is no lesson 'no-such-lesson'."));
    QCOMPARE(m_window->scene()->rowCount(), 4);
    QVERIFY(m_window->currentLesson().isEmpty());
}

void TestMainWindow::startPageStartsALesson()
{
    m_window->showStartPage();
    auto *dialog = m_window->findChild<QDialog *>("startPageDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *page = dialog->findChild<StartPage *>();
    QVERIFY(page);
    emit page->lessonRequested("relu-gradient");
    QCOMPARE(m_window->currentLesson(), QString("relu-gradient"));
    QCOMPARE(m_window->scene()->function(0).spec->id, QString("relu"));
    QTRY_VERIFY(!m_window->findChild<QDialog *>("startPageDialog"));
}

void TestMainWindow::formulaAndValuesFollowTheSelection()
{
    m_window->functionList()->setCurrentRow(3);
    QVERIFY(m_window->formulaPanel()->titleText().contains("ReLU"));
    m_window->functionList()->setCurrentRow(1);
    QVERIFY(m_window->formulaPanel()->titleText().contains("Sigmoid"));
    QVERIFY(m_window->applyLesson("sigmoid-saturates"));
    const ValueTableModel *values = m_window->valueTable()->model();
    QCOMPARE(values->rowCount(), 10);
    QCOMPARE(values->index(1, 1).data().toString(), QString("1.6655e-34"));
}

void TestMainWindow::quitShortcut()
{
    QAction *quit = m_window->action("quitAction");
    QVERIFY(quit);
    QVERIFY(quit->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
    QSignalSpy triggered(quit, &QAction::triggered);
    QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(triggered.size(), 1);
    QTRY_VERIFY(!m_window->isVisible());
}

void TestMainWindow::themeActionSwitchesAndIsRemembered()
{
    QCOMPARE(m_window->theme(), Theme::Light);
    QAction *dark = m_window->action(QStringLiteral("themeDarkAction"));
    QAction *light = m_window->action(QStringLiteral("themeLightAction"));
    QVERIFY(dark && light);
    QVERIFY(light->isChecked());
    QVERIFY(dark->actionGroup() && dark->actionGroup()->isExclusive());

    dark->trigger();
    QCOMPARE(m_window->theme(), Theme::Dark);
    QVERIFY(dark->isChecked() && !light->isChecked());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    const ChartAppearance look = ChartAppearance::forTheme(Theme::Dark);
    for (ChartWidget *chart : { m_window->functionChart(), m_window->derivativeChart() }) {
        QCOMPARE(chart->chart()->appearance(), look);
        QCOMPARE(chart->chart()->xAxis()->labelsColor(), look.labels);
    }
    QCOMPARE(m_window->renderOptions(QSize(800, 450)).theme, Theme::Dark);
    QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));

    // A new window opens in the theme chosen last.
    delete m_window;
    m_window = new MainWindow;
    QCOMPARE(m_window->theme(), Theme::Dark);
    QVERIFY(m_window->action(QStringLiteral("themeDarkAction"))->isChecked());
    QCOMPARE(m_window->functionChart()->chart()->appearance(), look);

    m_window->action(QStringLiteral("themeLightAction"))->trigger();
    QCOMPARE(m_window->theme(), Theme::Light);
    QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("light"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QCOMPARE(m_window->functionChart()->chart()->appearance(), ChartAppearance());
}

void TestMainWindow::presentationModeTogglesFullScreenAndLook()
{
    QAction *present = m_window->action(QStringLiteral("presentationAction"));
    QAction *leave = m_window->action(QStringLiteral("leavePresentationAction"));
    QVERIFY(present && leave);
    QVERIFY(present->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    QVERIFY(!m_window->action(QStringLiteral("fullScreenAction"))
                     ->shortcuts()
                     .contains(QKeySequence(Qt::Key_F11)));
    QVERIFY(!leave->isEnabled()); // Esc belongs to everyone else outside presentation mode

    PlotChart *chart = m_window->functionChart()->chart();
    const int row = m_window->functionList()->currentRow();
    QVERIFY(row >= 0);
    const qreal width = chart->curveSeries(row, 0).value(0)->pen().widthF();
    const qreal font = QApplication::font().pointSizeF();

    present->trigger();
    QVERIFY(m_window->isPresentationMode());
    QVERIFY(m_window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(leave->isEnabled());
    QVERIFY(chart->curveSeries(row, 0).value(0)->pen().widthF() > width);
    QCOMPARE(QApplication::font().pointSizeF(), font * Themes::PresentationUiFontScale);
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));
    QVERIFY(m_window->renderOptions(QSize(800, 450)).presentation);
    // The charts get the room: every panel steps aside for one strip of controls, the selected
    // function's parameters, the x range and ε, which F9 hides and shows.
    for (const char *name : {"saturationDock", "formulaDock", "functionsDock", "rangeDock"})
        QVERIFY2(m_window->findChild<QDockWidget *>(name)->isHidden(), name);
    QDockWidget *strip = m_window->controlsStrip();
    QVERIFY(strip && strip->isVisible());
    QVERIFY(strip->findChild<QSlider *>(QStringLiteral("xMinSlider")));
    QVERIFY(strip->findChild<QSlider *>(QStringLiteral("epsilonSlider")));
    QVERIFY(!strip->accessibleName().isEmpty() && !strip->accessibleDescription().isEmpty());
    QVERIFY(!m_window->statusBar()->isVisible());
    // Its sliders move the scene (and a drag is one undo step, like the panels' own).
    strip->findChild<QSlider *>(QStringLiteral("xMinSlider"))->setValue(-40);
    QCOMPARE(m_window->scene()->xMin(), -4.0);
    QUndoStack *stack = m_window->history()->stack();
    const int steps = stack->count();
    auto *stripEpsilon = strip->findChild<QSlider *>(QStringLiteral("epsilonSlider"));
    stripEpsilon->setSliderDown(true);
    for (int i = 1; i <= 5; ++i)
        stripEpsilon->setValue(stripEpsilon->value() + 20);
    stripEpsilon->setSliderDown(false);
    QCOMPARE(stack->count(), steps + 1);
    // Its sliders keep their play buttons, and a sweep there is one undo step too.
    auto *stripPlayer = strip->findChild<SliderPlayer *>(QStringLiteral("epsilonSliderPlayer"));
    QVERIFY(stripPlayer && stripPlayer->isVisible());
    QVERIFY(strip->findChild<SliderPlayer *>(QStringLiteral("xMaxSliderPlayer")));
    stripPlayer->setMode(SliderPlayer::Mode::Once);
    stripPlayer->play();
    stripPlayer->advance(SliderPlayer::SweepMilliseconds);
    stripPlayer->advance(SliderPlayer::SweepMilliseconds);
    QVERIFY(!stripPlayer->isPlaying());
    QCOMPARE(m_window->scene()->epsilon(), RangePanel::EpsilonMax);
    QCOMPARE(stack->count(), steps + 2);
    QCOMPARE(stack->undoText(), QStringLiteral("Change ε"));
    QAction *controls = m_window->action(QStringLiteral("controlsStripAction"));
    QVERIFY(controls && controls->isEnabled());
    QVERIFY(controls->shortcuts().contains(QKeySequence(Qt::Key_F9)));
    controls->trigger();
    QVERIFY(strip->isHidden());
    controls->trigger();
    QVERIFY(strip->isVisible());

    leave->trigger(); // Esc
    QVERIFY(!m_window->findChild<QDockWidget *>("saturationDock")->isHidden());
    QVERIFY(!m_window->findChild<QDockWidget *>("formulaDock")->isHidden());
    QVERIFY(!m_window->findChild<QDockWidget *>("functionsDock")->isHidden());
    QVERIFY(strip->isHidden());
    QVERIFY(!controls->isEnabled());
    QVERIFY(m_window->statusBar()->isVisible());
    QVERIFY(!m_window->isPresentationMode());
    QVERIFY(!present->isChecked());
    QVERIFY(!m_window->windowState().testFlag(Qt::WindowFullScreen));
    QCOMPARE(chart->curveSeries(row, 0).value(0)->pen().widthF(), width);
    QCOMPARE(QApplication::font().pointSizeF(), font);

    // F11 again toggles it on and off.
    present->trigger();
    QVERIFY(m_window->isPresentationMode());
    present->trigger();
    QVERIFY(!m_window->isPresentationMode());
    QVERIFY(!m_window->windowState().testFlag(Qt::WindowFullScreen));
}

void TestMainWindow::whiteExportsOption()
{
    QAction *white = m_window->action(QStringLiteral("whiteExportsAction"));
    QVERIFY(white && white->isCheckable());
    QVERIFY(!white->isChecked()); // exports follow the theme unless asked
    QVERIFY(!m_window->renderOptions(QSize(800, 450)).whiteBackground);
    m_window->setTheme(Theme::Dark);
    const QString path = m_dir.filePath(QStringLiteral("dark.png"));
    QVERIFY(m_window->exportTo(path, m_window->renderOptions(QSize(800, 450))));
    QVERIFY(QImage(path).pixelColor(2, 2).lightness() < 60);
    white->setChecked(true);
    QVERIFY(m_window->renderOptions(QSize(800, 450)).whiteBackground);
    QVERIFY(m_window->exportTo(path, m_window->renderOptions(QSize(800, 450))));
    QCOMPARE(QImage(path).pixelColor(2, 2), QColor(Qt::white));
    white->setChecked(false);
    m_window->setTheme(Theme::Light);
}

void TestMainWindow::pointsOfInterestOption()
{
    QAction *points = m_window->action(QStringLiteral("pointsOfInterestAction"));
    QVERIFY(points && points->isCheckable());
    QVERIFY(!points->isChecked()); // markers cost a root search: off until asked for
    QVERIFY(m_window->functionChart()->chart()->pointMarkers().isEmpty());
    points->setChecked(true);
    QVERIFY(QSettings().value(QStringLiteral("pointsOfInterest")).toBool());
    for (ChartWidget *chart : { m_window->functionChart(), m_window->derivativeChart() })
        QVERIFY(chart->pointsVisible());
    // The tutorial scene: sigmoid's and tanh's inflections on f, their gradient peaks on f′.
    QVERIFY(!m_window->functionChart()->chart()->pointMarkers().isEmpty());
    bool peak = false;
    for (const PlotChart::PointMarker &m : m_window->derivativeChart()->chart()->pointMarkers())
        peak = peak || m.kind == PointKind::GradientPeak;
    QVERIFY(peak);
    // A new window remembers the choice.
    {
        MainWindow second;
        QVERIFY(second.action(QStringLiteral("pointsOfInterestAction"))->isChecked());
        QVERIFY(second.functionChart()->pointsVisible());
    }
    points->setChecked(false);
    QVERIFY(!QSettings().value(QStringLiteral("pointsOfInterest")).toBool());
    QVERIFY(m_window->functionChart()->chart()->pointMarkers().isEmpty());
}

void TestMainWindow::changeScene()
{
    SceneModel *scene = m_window->scene();
    scene->clear();
    QVERIFY(scene->addFunction("leaky_relu"));
    QVERIFY(scene->addFunction("tanh"));
    QVERIFY(scene->setParameter(0, "negative_slope", 0.2));
    QVERIFY(scene->setColor(1, QColor(10, 200, 30)));
    QVERIFY(scene->setRange(-3.0, 5.0));
    QVERIFY(scene->setEpsilon(0.05));
}

void TestMainWindow::messageBeforeShowDoesNotCoverTheReadOut()
{
    // `activation-explorer --open file` opens the session before the window is shown: its
    // "Opened …" must replace the trace read-out, not print over it.
    const QString path = m_dir.filePath("early.json");
    QString error;
    QVERIFY2(m_window->saveSession(path, &error), qPrintable(error));
    MainWindow window;
    QVERIFY2(window.openSession(path, &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *readOut = window.findChild<QLabel *>(QStringLiteral("traceLabel"));
    QVERIFY(readOut);
    QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Opened ")));
    QVERIFY(!readOut->isVisible());
}

void TestMainWindow::sessionSaveOpenRoundTrips()
{
    changeScene();
    QVERIFY(m_window->applyLesson(QString::fromLatin1(Lessons::all().front().id)));
    changeScene(); // the lesson's text stays, the scene is ours
    const QString lesson = m_window->currentLesson();
    const QByteArray saved = SessionFile::toJson(*m_window->scene(), lesson);
    const QString path = m_dir.filePath("round.json");
    QString error;
    QVERIFY2(m_window->saveSession(path, &error), qPrintable(error));
    QCOMPARE(m_window->sessionPath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("round.json[*]"));

    m_window->loadDefaultScene();
    QCOMPARE(m_window->scene()->rowCount(), 4);
    QVERIFY2(m_window->openSession(path, &error), qPrintable(error));
    SceneModel *scene = m_window->scene();
    QCOMPARE(scene->rowCount(), 2);
    QCOMPARE(QString(scene->function(0).spec->id), QString("leaky_relu"));
    QCOMPARE(QString(scene->function(1).spec->id), QString("tanh"));
    QCOMPARE(scene->function(0).parameters[0], 0.2);
    QCOMPARE(scene->function(1).color, QColor(10, 200, 30));
    QCOMPARE(scene->xMin(), -3.0);
    QCOMPARE(scene->xMax(), 5.0);
    QCOMPARE(scene->epsilon(), 0.05);
    QCOMPARE(m_window->currentLesson(), lesson);
    QCOMPARE(m_window->lessonPanel()->currentLesson(), lesson);
    QCOMPARE(SessionFile::toJson(*scene, m_window->currentLesson()), saved);
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::badSessionsLeaveSceneUntouched_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("expected");
    SceneModel scene;
    QVERIFY(scene.addFunction("sigmoid"));
    QByteArray future = SessionFile::toJson(scene);
    future.replace("\"version\": 1", "\"version\": 99");
    QTest::newRow("corrupt") << QByteArray("{ \"format\": \"activation-explorer-session\", ")
                             << QString();
    QTest::newRow("future") << future << QString("newer version");
    QTest::newRow("missing") << QByteArray() << QString();
}

void TestMainWindow::badSessionsLeaveSceneUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QString("bad_%1.json").arg(QTest::currentDataTag()));
    QFile::remove(path);
    if (!content.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    changeScene();
    const QByteArray before = SessionFile::toJson(*m_window->scene());
    QString error;
    QVERIFY(!m_window->openSession(path, &error));
    QVERIFY2(error.contains(QFileInfo(path).fileName()), qPrintable(error));
    if (!expected.isEmpty())
        QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(SessionFile::toJson(*m_window->scene()), before);
    QVERIFY(m_window->sessionPath().isEmpty());

    // The same through Open Recent: reported, and taken off the list.
    QSettings().setValue("recentFiles", QStringList{path});
    QStringList reports;
    m_window->setErrorReport([&reports](const QString &, const QString &message, QWidget *) {
        reports << message;
    });
    QVERIFY(!m_window->openRecentFile(path));
    QCOMPARE(reports.size(), 1);
    QVERIFY(reports.first().contains(QFileInfo(path).fileName()));
    QVERIFY(m_window->recentFiles().isEmpty());
    QCOMPARE(SessionFile::toJson(*m_window->scene()), before);
}

void TestMainWindow::openingAsksAboutUnsavedChanges()
{
    // Opening a file cannot be undone, so unsaved changes are asked about first.
    const QString other = m_dir.filePath("other.json");
    const QString mine = m_dir.filePath("mine.json");
    QVERIFY(m_window->saveSession(other));
    QVERIFY(m_window->saveSession(mine));
    QVERIFY(m_window->scene()->setEpsilon(0.05));
    QVERIFY(m_window->isWindowModified());
    const QByteArray edited = SessionFile::toJson(*m_window->scene());

    QStringList asked;
    MainWindow::UnsavedChoice answer = MainWindow::UnsavedChoice::Cancel;
    m_window->setUnsavedQuestion([&](const QString &name, QWidget *) {
        asked << name;
        return answer;
    });
    // Cancel: nothing opens, the edit stays.
    QVERIFY(!m_window->openRecentFile(other));
    QCOMPARE(asked, QStringList{"mine.json"});
    QCOMPARE(SessionFile::toJson(*m_window->scene()), edited);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(QFileInfo(m_window->sessionPath()).fileName(), QStringLiteral("mine.json"));

    // Save: the edit goes into mine.json, then other.json opens.
    answer = MainWindow::UnsavedChoice::Save;
    QVERIFY(m_window->openRecentFile(other));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(QFileInfo(m_window->sessionPath()).fileName(), QStringLiteral("other.json"));
    QCOMPARE(m_window->scene()->epsilon(), 0.01);
    QString error;
    SceneModel reread;
    QVERIFY2(SessionFile::load(mine, reread, nullptr, &error), qPrintable(error));
    QCOMPARE(reread.epsilon(), 0.05);

    // Nothing unsaved: no question.
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->openRecentFile(mine));
    QCOMPARE(asked.size(), 2);

    // Don't Save: the edit is dropped.
    answer = MainWindow::UnsavedChoice::Discard;
    QVERIFY(m_window->scene()->setEpsilon(0.2));
    QVERIFY(m_window->openRecentFile(other));
    QCOMPARE(asked.size(), 3);
    QCOMPARE(m_window->scene()->epsilon(), 0.01);
    QSettings().remove("recentFiles");
}

void TestMainWindow::recentFilesUpdateAndDropMissing()
{
    QSettings().remove("recentFiles");
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        paths << QFileInfo(m_dir.filePath(QString("recent%1.json").arg(i))).absoluteFilePath();
        QVERIFY(m_window->saveSession(paths.last()));
    }
    // Newest first, at most eight.
    QStringList expected;
    for (int i = 9; i >= 2; --i)
        expected << paths[i];
    QCOMPARE(m_window->recentFiles(), expected);
    auto *menu = m_window->findChild<QMenu *>("recentFilesMenu");
    QVERIFY(menu);
    QVERIFY(menu->isEnabled());
    auto *first = m_window->findChild<QAction *>("recentFile0");
    QVERIFY(first);
    QCOMPARE(first->data().toString(), paths[9]);

    // Opening one moves it up.
    QVERIFY(m_window->openRecentFile(paths[5]));
    QCOMPARE(m_window->recentFiles().first(), paths[5]);

    // A file gone since is reported and dropped; the rest stay.
    QVERIFY(QFile::remove(paths[7]));
    QStringList reports;
    m_window->setErrorReport([&reports](const QString &, const QString &message, QWidget *) {
        reports << message;
    });
    QVERIFY(!m_window->openRecentFile(paths[7]));
    QCOMPARE(reports.size(), 1);
    QVERIFY(!m_window->recentFiles().contains(paths[7]));
    QCOMPARE(m_window->recentFiles().size(), 7);
    QCOMPARE(m_window->sessionPath(), paths[5]);
    QSettings().remove("recentFiles");
}

void TestMainWindow::modifiedFlagFollowsChangesAndSave()
{
    QVERIFY(!m_window->isWindowModified());
    // A resize resamples but changes nothing the file holds.
    const QSize plot = m_window->functionChart()->plotSize();
    m_window->resize(1200, 800);
    QVERIFY(!chartsSettled(*m_window)); // laid out at once, resampled from the event loop
    QTRY_VERIFY(m_window->functionChart()->plotSize() != plot
                && chartsSettled(*m_window));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->scene()->setEpsilon(0.02));
    QVERIFY(m_window->isWindowModified());
    const QString path = m_dir.filePath("modified.json");
    QVERIFY(m_window->saveSession(path));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->scene()->setColor(0, QColor(1, 2, 3)));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->openSession(path));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->scene()->epsilon(), 0.02);
    QSettings().remove("recentFiles");
}

void TestMainWindow::restoreLastSceneAfterClose()
{
    QSettings().remove("lastScene");
    QVERIFY(!m_window->restoreLastScene());
    changeScene();
    const QByteArray scene = SessionFile::toJson(*m_window->scene(), m_window->currentLesson());
    m_window->close();

    delete m_window;
    m_window = new MainWindow;
    QCOMPARE(m_window->scene()->rowCount(), 4); // the constructor never restores
    QVERIFY(m_window->restoreLastScene());
    QCOMPARE(SessionFile::toJson(*m_window->scene(), m_window->currentLesson()), scene);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->sessionPath().isEmpty());
    // Where this run starts: Undo has nowhere to go.
    QUndoStack *stack = m_window->history()->stack();
    QCOMPARE(stack->count(), 0);
    QVERIFY(stack->isClean());
    QVERIFY(!m_window->action("undoAction")->isEnabled());

    // An unreadable entry keeps the tutorial and is forgotten.
    m_window->loadDefaultScene();
    QSettings().setValue("lastScene", QString("{ broken"));
    QVERIFY(!m_window->restoreLastScene());
    QCOMPARE(m_window->scene()->rowCount(), 4);
    QVERIFY(!QSettings().contains("lastScene"));
}

void TestMainWindow::openingAFileIsAFreshStart()
{
    changeScene();
    const QString path = m_dir.filePath("fresh.json");
    QVERIFY(m_window->saveSession(path));
    const QByteArray saved = SessionFile::toJson(*m_window->scene(), m_window->currentLesson());
    QUndoStack *stack = m_window->history()->stack();
    QVERIFY(stack->count() > 0); // saving keeps the steps before it
    m_window->loadDefaultScene();
    QVERIFY(m_window->scene()->setEpsilon(0.2));
    const int steps = stack->count();

    // A session that cannot be read changes nothing, its history neither.
    QVERIFY(!m_window->openSession(m_dir.filePath("missing.json")));
    QCOMPARE(stack->count(), steps);

    // One that can is a new start: nothing to undo into the scene it replaced.
    QVERIFY(m_window->openSession(path));
    QCOMPARE(stack->count(), 0);
    QVERIFY(stack->isClean());
    QAction *undo = m_window->action("undoAction");
    QVERIFY(!undo->isEnabled());
    undo->trigger();
    QCOMPARE(SessionFile::toJson(*m_window->scene(), m_window->currentLesson()), saved);
    // Its own changes are steps again.
    QVERIFY(m_window->scene()->setEpsilon(0.07));
    QCOMPARE(stack->count(), 1);
    undo->trigger();
    QCOMPARE(SessionFile::toJson(*m_window->scene(), m_window->currentLesson()), saved);
    QSettings().remove("recentFiles");
}

void TestMainWindow::fileShortcuts()
{
    QCOMPARE(m_window->action("openAction")->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(m_window->action("saveAction")->shortcut(), QKeySequence(QKeySequence::Save));
    QVERIFY(!m_window->action("saveAsAction")->shortcut().isEmpty());
    QCOMPARE(m_window->action("overlayAction")->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
}

void TestMainWindow::sliderDragIsOneUndoStep()
{
    QAction *undo = m_window->action("undoAction");
    QAction *redo = m_window->action("redoAction");
    QVERIFY(undo && redo);
    QCOMPARE(undo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(!undo->toolTip().isEmpty());
    QVERIFY(!redo->toolTip().isEmpty());
    QVERIFY(!undo->isEnabled()); // the opening scene is not a step

    auto *slider = m_window->rangePanel()->findChild<QSlider *>("xMinSlider");
    QVERIFY(slider);
    const QByteArray before = SessionFile::toJson(*m_window->scene());
    QCOMPARE(m_window->scene()->xMin(), -6.0);
    // A drag: pressed, moved through several values, released.
    slider->setSliderDown(true);
    for (int i = 1; i <= 8; ++i)
        slider->setValue(slider->value() - 5);
    slider->setSliderDown(false);
    QCOMPARE(m_window->scene()->xMin(), -10.0);
    const QByteArray after = SessionFile::toJson(*m_window->scene());
    QCOMPARE(m_window->history()->stack()->count(), 1);
    QVERIFY(undo->isEnabled());

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->scene()->xMin(), -6.0);
    QCOMPARE(SessionFile::toJson(*m_window->scene()), before);
    QCOMPARE(slider->value(), -60); // the slider follows
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_window->scene()->xMin(), -10.0);
    QCOMPARE(SessionFile::toJson(*m_window->scene()), after);

    // A second drag is a second step.
    slider->setSliderDown(true);
    slider->setValue(slider->value() + 10);
    slider->setValue(slider->value() + 10);
    slider->setSliderDown(false);
    QCOMPARE(m_window->history()->stack()->count(), 2);
    undo->trigger();
    QCOMPARE(m_window->scene()->xMin(), -10.0);
}

void TestMainWindow::undoRestoresSceneBeforeLesson()
{
    QVERIFY(m_window->scene()->setEpsilon(0.05));
    const QByteArray before = SessionFile::toJson(*m_window->scene(), m_window->currentLesson());
    const QString lessonBefore = m_window->currentLesson();
    const QString id = QString::fromLatin1(Lessons::all().first().id);
    QVERIFY(m_window->applyLesson(id));
    QCOMPARE(m_window->currentLesson(), id);
    const QByteArray lessonScene = SessionFile::toJson(*m_window->scene(), id);
    QVERIFY(lessonScene != before);
    QCOMPARE(m_window->history()->stack()->count(), 2); // ε, then the lesson: one step
    m_window->action("undoAction")->trigger();
    QCOMPARE(SessionFile::toJson(*m_window->scene(), m_window->currentLesson()), before);
    QCOMPARE(m_window->currentLesson(), lessonBefore);
    m_window->action("redoAction")->trigger();
    QCOMPARE(SessionFile::toJson(*m_window->scene(), m_window->currentLesson()), lessonScene);
    QCOMPARE(m_window->currentLesson(), id);
}

void TestMainWindow::parameterDragIsOneUndoStep()
{
    // The parameter panel builds its sliders for the current function: they must be tied to the
    // history too, and a drag through many values is still one step.
    SceneModel *scene = m_window->scene();
    QVERIFY(scene->addFunction("leaky_relu"));
    m_window->history()->clear();
    m_window->functionList()->setCurrentRow(4);
    QCoreApplication::processEvents();
    auto *slider = m_window->parameterPanel()->findChild<QSlider *>("negative_slopeSlider");
    QVERIFY(slider);
    const QByteArray before = SessionFile::toJson(*scene);
    slider->setSliderDown(true);
    for (int v = 1; v <= 10; ++v)
        slider->setValue(slider->maximum() * v / 20);
    slider->setSliderDown(false);
    QCOMPARE(scene->function(4).parameters[0], 0.5);
    QCOMPARE(m_window->history()->stack()->count(), 1);
    QVERIFY(m_window->history()->stack()->undoText() == QStringLiteral("Change parameters"));
    m_window->action("undoAction")->trigger();
    QCOMPARE(scene->function(4).parameters[0], 0.01);
    QCOMPARE(SessionFile::toJson(*scene), before);
    // The panel shows the restored value (its sliders may have been rebuilt).
    QCOMPARE(m_window->functionList()->currentRow(), 4);
    slider = m_window->parameterPanel()->findChild<QSlider *>("negative_slopeSlider");
    QVERIFY(slider);
    QCOMPARE(slider->value(), qRound(0.01 * slider->maximum()));
}

void TestMainWindow::playingIsOneUndoStep()
{
    // Two sweeps playing at once, a parameter and ε: one undo step holding where they ended.
    SceneModel *scene = m_window->scene();
    QVERIFY(scene->addFunction("leaky_relu"));
    m_window->functionList()->setCurrentRow(4);
    m_window->history()->clear();
    QUndoStack *stack = m_window->history()->stack();
    const QByteArray before = SessionFile::toJson(*scene);
    SliderPlayer *slope = m_window->parameterPanel()->player(QStringLiteral("negative_slope"));
    SliderPlayer *epsilon = m_window->rangePanel()->epsilonPlayer();
    QVERIFY(slope && epsilon);
    slope->setMode(SliderPlayer::Mode::Once);
    epsilon->setMode(SliderPlayer::Mode::Loop);
    slope->play();
    epsilon->play();
    for (int i = 0; i < 4; ++i) {
        slope->advance(SliderPlayer::SweepMilliseconds / 8.0);
        epsilon->advance(SliderPlayer::SweepMilliseconds / 8.0);
    }
    // The charts and the saturation panel follow live; the history waits for the end.
    const double midSlope = scene->function(4).parameters[0];
    QVERIFY(midSlope > 0.3);
    QCOMPARE(stack->count(), 0);
    slope->advance(SliderPlayer::SweepMilliseconds);
    QVERIFY(!slope->isPlaying());
    QCOMPARE(scene->function(4).parameters[0], scene->function(4).spec->parameters[0].sliderMax);
    QCOMPARE(stack->count(), 0); // ε still plays
    const double epsilonBeforeUndo = scene->epsilon();
    QVERIFY(epsilonBeforeUndo != 0.01);

    // Undo while ε plays: the sweep stops, is recorded as its step, and that step is undone.
    m_window->action("undoAction")->trigger();
    QVERIFY(!epsilon->isPlaying());
    QCOMPARE(SliderPlayer::playingCount(), 0);
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->index(), 0);
    QCOMPARE(SessionFile::toJson(*scene), before);
    m_window->action("redoAction")->trigger();
    QCOMPARE(scene->function(4).parameters[0], scene->function(4).spec->parameters[0].sliderMax);
    QCOMPARE(scene->epsilon(), epsilonBeforeUndo);

    // A sweep nobody stops ends as a step of its own, after which the user's drag is another.
    epsilon->setMode(SliderPlayer::Mode::Once);
    epsilon->play();
    epsilon->advance(2.0 * SliderPlayer::SweepMilliseconds);
    QCOMPARE(stack->count(), 2);
    QCOMPARE(scene->epsilon(), RangePanel::EpsilonMax);
}

void TestMainWindow::chartPanIsOneUndoStep()
{
    // Dragging a chart sideways asks for a new range at every move: still one step.
    ChartWidget *chart = m_window->functionChart();
    auto *view = chart->findChild<QGraphicsView *>();
    QVERIFY(view);
    QTRY_VERIFY(chart->chart()->plotArea().width() > 100);
    const QPoint from
            = view->mapFromScene(chart->chart()->mapToScene(chart->chart()->plotArea().center()));
    const auto send = [view](QEvent::Type type, QPoint pos, Qt::MouseButton button,
                             Qt::MouseButtons buttons) {
        QMouseEvent event(type, pos, view->viewport()->mapToGlobal(pos), button, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &event);
    };
    const QByteArray before = SessionFile::toJson(*m_window->scene());
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int dx : {20, 40, 60, 80})
        send(QEvent::MouseMove, from + QPoint(dx, 0), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, from + QPoint(80, 0), Qt::LeftButton, Qt::NoButton);
    QVERIFY(m_window->scene()->xMin() < -6.0);
    QUndoStack *stack = m_window->history()->stack();
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->undoText(), QStringLiteral("Change range"));
    m_window->action("undoAction")->trigger();
    QCOMPARE(SessionFile::toJson(*m_window->scene()), before);
}

void TestMainWindow::addRemoveRecolourAreUndoable()
{
    SceneModel *scene = m_window->scene();
    FunctionListPanel *list = m_window->functionList();
    list->setColorPicker([](const QColor &, QWidget *) { return QColor(10, 200, 30); });
    const QByteArray opening = SessionFile::toJson(*scene);

    QVERIFY(list->addFunction("elu"));
    QCOMPARE(scene->rowCount(), 5);
    list->setCurrentRow(0);
    list->findChild<QAbstractButton *>("colorButton")->click();
    QCOMPARE(scene->function(0).color, QColor(10, 200, 30));
    list->setCurrentRow(2);
    list->findChild<QAbstractButton *>("removeButton")->click();
    QCOMPARE(scene->rowCount(), 4);
    const QByteArray last = SessionFile::toJson(*scene);

    QUndoStack *stack = m_window->history()->stack();
    QCOMPARE(stack->count(), 3);
    auto *view = m_window->findChild<QUndoView *>("historyView");
    QVERIFY(view);
    // Behind its tab the panel follows no stack (no work while out of sight); raised, every step.
    auto *formulaDock = m_window->findChild<QDockWidget *>("formulaDock");
    auto *historyDock = m_window->findChild<QDockWidget *>("historyDock");
    QVERIFY(formulaDock && historyDock);
    // (A tab behind another stays visible to Qt, moved out of the window: the signal tells.)
    formulaDock->raise();
    QTRY_COMPARE(view->stack(), nullptr);
    historyDock->raise();
    QTRY_COMPARE(view->stack(), stack);
    QCOMPARE(view->model()->rowCount(), 4); // the opening scene, then the three steps

    QAction *undo = m_window->action("undoAction");
    undo->trigger(); // the removal
    QCOMPARE(scene->rowCount(), 5);
    QCOMPARE(scene->function(2).spec->id, QString("tanh"));
    undo->trigger(); // the colour
    QVERIFY(scene->function(0).color != QColor(10, 200, 30));
    undo->trigger(); // the addition
    QCOMPARE(SessionFile::toJson(*scene), opening);
    QVERIFY(!undo->isEnabled());

    // Clicking a step in the History panel goes straight to it.
    stack->setIndex(3);
    QCOMPARE(SessionFile::toJson(*scene), last);
}

void TestMainWindow::demonstrationsOpenInTheirOwnWindows()
{
    QVERIFY(!m_window->openDemonstration("softmaxes"));
    const struct { const char *name; const char *window; } demos[] = {
        { "layers", "layerChainWindow" },
        { "descent", "gradientDescentWindow" },
        { "softmax", "softmaxWindow" },
        { "network", "networkWindow" },
    };
    for (const auto &demo : demos) {
        QVERIFY(m_window->openDemonstration(demo.name));
        auto *window = m_window->findChild<QWidget *>(demo.window);
        QVERIFY2(window, demo.name);
        QVERIFY(window->isWindow());
        QVERIFY(window->isVisible());
        QVERIFY(window->windowTitle().size() > 3);
        const QStringList gaps = accessibilityGaps(window);
        QVERIFY2(gaps.isEmpty(), qPrintable(gaps.join(QLatin1Char('\n'))));
        // Opening it again raises the same window rather than a second one.
        QVERIFY(m_window->openDemonstration(demo.name));
        QCOMPARE(m_window->findChildren<QWidget *>(demo.window).size(), 1);
        // Every slider of the demonstration plays (the descent's own pace aside), and a sweep
        // moves what the slider drives, never the scene's history.
        const QList<SliderPlayer *> players = window->findChildren<SliderPlayer *>();
        QVERIFY2(!players.isEmpty(), demo.name);
        for (QSlider *slider : window->findChildren<QSlider *>()) {
            if (slider->objectName() == QLatin1String("speedSlider"))
                continue;
            const bool played = std::any_of(players.begin(), players.end(), [slider](SliderPlayer *p) {
                return p->slider() == slider;
            });
            QVERIFY2(played, qPrintable(slider->objectName()));
        }
        SliderPlayer *first = players.first();
        QVERIFY(first->accessibleName().startsWith(QStringLiteral("Play ")));
        const int steps = m_window->history()->stack()->count();
        const int from = first->slider()->value();
        first->setMode(SliderPlayer::Mode::Once);
        first->play();
        first->advance(SliderPlayer::SweepMilliseconds / 4.0);
        QVERIFY(first->slider()->value() != from);
        QCOMPARE(m_window->history()->stack()->count(), steps);
        window->close();
        QVERIFY(!first->isPlaying()); // a closed window stops its sweeps
    }
    QVERIFY(qobject_cast<SoftmaxPanel *>(m_window->findChild<QWidget *>("softmaxWindow")));
    QVERIFY(qobject_cast<LayerChainPanel *>(m_window->findChild<QWidget *>("layerChainWindow")));
    QVERIFY(qobject_cast<GradientDescentPanel *>(m_window->findChild<QWidget *>("gradientDescentWindow")));
}

void TestMainWindow::networkDemonstrationFollowsTheSelectedFunction()
{
    SceneModel *scene = m_window->scene();
    int relu = -1;
    int tanh = -1;
    for (int row = 0; row < scene->rowCount(); ++row) {
        if (scene->function(row).spec->id == QLatin1String("relu"))
            relu = row;
        if (scene->function(row).spec->id == QLatin1String("tanh"))
            tanh = row;
    }
    QVERIFY(relu >= 0 && tanh >= 0);
    m_window->functionList()->setCurrentRow(relu);
    // From the menu, as a person opens it.
    QAction *open = m_window->action("networkAction");
    QVERIFY(open);
    QVERIFY(m_window->findChild<QMenu *>("demonstrationsMenu")->actions().contains(open));
    open->trigger();
    auto *panel = qobject_cast<NetworkPanel *>(m_window->findChild<QWidget *>("networkWindow"));
    QVERIFY(panel);
    QVERIFY(panel->isWindow());
    QCOMPARE(panel->windowTitle(), QString("Deep Network at Initialization"));
    QCOMPARE(panel->activation()->spec().id, QString("relu"));
    m_window->functionList()->setCurrentRow(tanh);
    QCOMPARE(panel->activation()->spec().id, QString("tanh"));
    panel->close();
}

void TestMainWindow::demonstrationSlidersLeaveTheHistoryAlone()
{
    // The demonstrations' sliders edit no scene: holding one must not turn the scene's own
    // changes meanwhile into one drag.
    for (const char *demo : {"layers", "descent", "softmax", "network"})
        QVERIFY(m_window->openDemonstration(demo));
    // Another function chosen: a window that looked for its sliders again now would find the
    // demonstrations' too.
    m_window->functionList()->setCurrentRow(0);
    QCoreApplication::processEvents();
    QList<QSlider *> held;
    for (const char *name : {"layerChainWindow", "gradientDescentWindow", "softmaxWindow", "networkWindow"}) {
        auto *window = m_window->findChild<QWidget *>(name);
        QVERIFY2(window, name);
        const QList<QSlider *> sliders = window->findChildren<QSlider *>();
        QVERIFY2(!sliders.isEmpty(), name);
        held << sliders;
    }
    for (QSlider *slider : held)
        slider->setSliderDown(true);
    QUndoStack *stack = m_window->history()->stack();
    QCOMPARE(stack->count(), 0);
    QVERIFY(m_window->scene()->setEpsilon(0.02));
    QVERIFY(m_window->scene()->setEpsilon(0.03));
    QCOMPARE(stack->count(), 2); // two changes, two steps
    for (QSlider *slider : held)
        slider->setSliderDown(false);
    m_window->action("undoAction")->trigger();
    QCOMPARE(m_window->scene()->epsilon(), 0.02);
}

void TestMainWindow::lossViewKeepsItsOwnScene()
{
    SceneModel *scene = m_window->scene();
    QVERIFY(scene->setEpsilon(0.02));
    const QByteArray activations = SessionFile::toJson(*scene);
    auto *tabs = m_window->findChild<QTabBar *>("functionKindTabs");
    QVERIFY(tabs);
    QCOMPARE(tabs->currentIndex(), 0);

    // The tab, the menu and Alt+2 all switch to the losses.
    tabs->setCurrentIndex(1);
    QCOMPARE(m_window->functionKind(), FunctionKind::Loss);
    QVERIFY(m_window->action("lossesAction")->isChecked());
    QCOMPARE(m_window->functionList()->functionKind(), FunctionKind::Loss);
    QCOMPARE(scene->rowCount(), 4);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(scene->function(row).spec->kind, FunctionKind::Loss);
    QCOMPARE(scene->function(0).spec->id, QString("mse_loss"));
    QCOMPARE(scene->xMin(), -4.0);
    // The charts draw the losses: MSE against target 0 is x², its gradient 2x.
    const PlotChart *d = m_window->derivativeChart()->chart();
    QCOMPARE(firstPiece(d, 0, 1).first(), QPointF(-4.0, -8.0));
    // Its own edits stay with it.
    QVERIFY(scene->setParameter(0, "target", 1.0));
    const QByteArray losses = SessionFile::toJson(*scene);

    QTest::keyClick(m_window, Qt::Key_1, Qt::AltModifier);
    m_window->action("activationsAction")->trigger();
    QCOMPARE(m_window->functionKind(), FunctionKind::Activation);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(SessionFile::toJson(*scene), activations);
    m_window->action("lossesAction")->trigger();
    QCOMPARE(SessionFile::toJson(*scene), losses);

    // Undo goes back through the switches, and the view follows the scene.
    m_window->action("undoAction")->trigger();
    QCOMPARE(m_window->functionKind(), FunctionKind::Activation);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(SessionFile::toJson(*scene), activations);
    m_window->action("undoAction")->trigger();
    QCOMPARE(m_window->functionKind(), FunctionKind::Loss);
    QCOMPARE(SessionFile::toJson(*scene), losses);
}

void TestMainWindow::chartsShareTheWidthWithLongLabels()
{
    // Long legend entries (binary_cross_entropy_with_logits with its parameters) once left the
    // f chart laid out for a narrower size than it had.
    SceneModel *scene = m_window->scene();
    scene->clear();
    QVERIFY(scene->addFunction(QStringLiteral("expr:(sigmoid(x) - y)^2")));
    QVERIFY(scene->addFunction(QStringLiteral("binary_cross_entropy_with_logits")));
    QVERIFY(scene->setRange(-8, 8));
    // The charts lay out for the new size, the scene resamples for their plot areas, and the new
    // axis labels lay them out again.
    const QSize plot = m_window->functionChart()->plotSize();
    m_window->resize(1500, 950);
    QVERIFY(!chartsSettled(*m_window));
    QTRY_VERIFY(m_window->functionChart()->plotSize() != plot
                && chartsSettled(*m_window));
    const QRectF f = m_window->functionChart()->chart()->plotArea();
    const QRectF d = m_window->derivativeChart()->chart()->plotArea();
    QVERIFY2(std::abs(f.height() - d.height()) < 30, qPrintable(QString::number(f.height()) + " vs " + QString::number(d.height())));
    QVERIFY2(std::abs(f.width() - d.width()) < 40, qPrintable(QString::number(f.width()) + " vs " + QString::number(d.width())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
