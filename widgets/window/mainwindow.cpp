// The main window's construction: the scene, its undo history and the charts on it, the trace
// read-out, the two views (activations, losses) and the lessons. Its docks, menus, files and
// look have files of their own (mainwindowdocks.cpp, mainwindowactions.cpp, mainwindowfiles.cpp,
// mainwindowpresentation.cpp).
#include "mainwindow.h"

#include "chartarea.h"
#include "chartwidget.h"
#include "functionlistpanel.h"
#include "lessonpanel.h"
#include "lessons.h"
#include "recorddrags.h"
#include "saturationpanel.h"
#include "scenehistory.h"
#include "sliderplayer.h"
#include "scenemodel.h"
#include "sessionfile.h"
#include "startpage.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QSizeGrip>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QString formatValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("—");
    return QString::number(v, 'g', 5);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new SceneModel(this))
{
    // Named after the session file, "Untitled" until there is one; setWindowModified() shows
    // whether the scene differs from it.
    updateWindowTitle();
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Activation Explorer"));
    setAccessibleDescription(tr("Activation functions and losses with their gradients, and where "
                                "the gradient vanishes"));
    installDefaultQuestions();
    m_lastExportDir = QDir::homePath();

    m_selection = new QItemSelectionModel(m_scene, this);
    m_history = new SceneHistory(this);
    m_history->setScene(m_scene);
    m_demonstrations.setScene(m_scene);
    connect(m_history, &SceneHistory::snapshotApplied, this, &MainWindow::showLessonText);

    createCharts();
    createDocks();
    createActions();
    // The theme chosen last, else the system's where the running Qt can tell.
    m_theme = Themes::fromName(QSettings().value(QStringLiteral("theme")).toString())
                      .value_or(Themes::systemTheme());
    applyTheme();

    createTraceLabel();
    connect(m_scene, &SceneModel::recomputed, this, &MainWindow::updateTrace);
    watchSceneChanges();
    loadDefaultScene();
    m_history->clear(); // the scene a window opens on is the first state, not a step
    setWindowModified(false);
    resize(defaultSize());
}

void MainWindow::installDefaultQuestions()
{
    m_askOverwrite = [](const QString &path, QWidget *parentWidget) {
        return QMessageBox::question(parentWidget, tr("Replace file?"),
                                     tr("%1 already exists. Do you want to replace it?")
                                             .arg(QDir::toNativeSeparators(path)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                == QMessageBox::Yes;
    };
    m_reportError = [](const QString &title, const QString &message, QWidget *parentWidget) {
        QMessageBox::warning(parentWidget, title, message);
    };
    m_askUnsaved = [](const QString &name, QWidget *parentWidget) {
        QMessageBox box(QMessageBox::Warning, tr("Save changes?"),
                        tr("The changes to %1 are not saved.").arg(name),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                        parentWidget);
        box.setInformativeText(tr("Opening another file replaces this scene, and Undo cannot "
                                  "bring it back."));
        box.setDefaultButton(QMessageBox::Save);
        switch (box.exec()) {
        case QMessageBox::Save:
            return UnsavedChoice::Save;
        case QMessageBox::Discard:
            return UnsavedChoice::Discard;
        default:
            return UnsavedChoice::Cancel;
        }
    };
}

void MainWindow::showStatusMessage(const QString &message, int ms)
{
    if (isVisible()) {
        statusBar()->showMessage(message, ms);
        return;
    }
    // Opened from the command line before show(): the first turn of the event loop comes after.
    QTimer::singleShot(0, this, [this, message, ms] { statusBar()->showMessage(message, ms); });
}

void MainWindow::createTraceLabel()
{
    m_traceLabel = new QLabel(this);
    m_traceLabel->setObjectName(QStringLiteral("traceLabel"));
    m_traceLabel->setAccessibleName(tr("Trace read-out"));
    m_traceLabel->setToolTip(tr("Values under the cursor: hover a chart or use the arrow keys"));
    m_traceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_traceLabel, 1);
    statusBar()->setAccessibleName(tr("Status bar"));
    statusBar()->setAccessibleDescription(
            tr("Messages, and f and f′ at the x under the pointer or the keyboard cursor"));
    // The corner grip is a control too: a screen reader names it.
    if (auto *grip = statusBar()->findChild<QSizeGrip *>()) {
        grip->setAccessibleName(tr("Resize the window"));
        grip->setAccessibleDescription(tr("Drag to make the window larger or smaller"));
    }
}

void MainWindow::watchSceneChanges()
{
    // Any change the user can save marks the window modified; the analysis' own updates
    // (saturation, gradients after a resample) do not.
    const auto markModified = [this] { setWindowModified(true); };
    connect(m_scene, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                for (int role : roles) {
                    if (role != SceneModel::SaturatedFractionRole
                        && role != SceneModel::MaxAbsGradientRole)
                        return setWindowModified(true);
                }
                if (roles.isEmpty())
                    setWindowModified(true);
            });
    connect(m_scene, &QAbstractItemModel::rowsInserted, this, markModified);
    connect(m_scene, &QAbstractItemModel::rowsRemoved, this, markModified);
    connect(m_scene, &QAbstractItemModel::rowsMoved, this, markModified);
    connect(m_scene, &QAbstractItemModel::modelReset, this, markModified);
    connect(m_scene, &QAbstractItemModel::modelReset, this, &MainWindow::syncFunctionKind);
    connect(m_scene, &QAbstractItemModel::rowsInserted, this, &MainWindow::syncFunctionKind);
    connect(m_scene, &QAbstractItemModel::rowsRemoved, this, &MainWindow::syncFunctionKind);
    connect(m_scene, &SceneModel::rangeChanged, this, markModified);
    connect(m_scene, &SceneModel::epsilonChanged, this, markModified);
    connect(m_scene, &SceneModel::sampleCountChanged, this, markModified);
}
MainWindow::~MainWindow()
{
    // Children still emit while they are torn down (a chart reports the pointer leaving); none of
    // that may reach this half-destroyed window.
    for (ChartWidget *chart : m_charts)
        disconnect(chart, nullptr, this, nullptr);
    disconnect(m_scene, nullptr, this, nullptr);
    disconnect(m_functionList, nullptr, this, nullptr);
    disconnect(m_saturation, nullptr, this, nullptr);
    disconnect(m_lesson, nullptr, this, nullptr);
    disconnect(m_history, nullptr, this, nullptr);
    m_history->setScene(nullptr);
}

void MainWindow::loadDefaultLossScene()
{
    {
        const SceneModel::UpdateBatch batch(*m_scene); // the views refresh once
        m_scene->clear();
        m_scene->setRange(-4.0, 4.0);
        for (const char *id : {"mse_loss", "l1_loss", "huber_loss", "binary_cross_entropy_with_logits"})
            m_scene->addFunction(QString::fromLatin1(id));
    }
    m_functionList->setCurrentRow(0);
}

void MainWindow::setFunctionKind(FunctionKind kind)
{
    kind = kind == FunctionKind::Loss ? FunctionKind::Loss : FunctionKind::Activation;
    if (kind == m_kind) {
        showFunctionKind();
        return;
    }
    // Each view keeps its own scene: coming back finds it as it was left. The switch is one
    // undo step.
    m_viewScenes[m_kind == FunctionKind::Loss] = SessionFile::toJson(*m_scene, m_currentLesson);
    const QByteArray saved = m_viewScenes[kind == FunctionKind::Loss];
    m_kind = kind;
    SliderPlayer::stopAll(this); // a sweep ends as its own step first
    m_history->beginBatch();
    QString lesson;
    if (saved.isEmpty() || !SessionFile::fromJson(saved, *m_scene, &lesson)) {
        lesson.clear();
        if (kind == FunctionKind::Loss)
            loadDefaultLossScene();
        else
            loadDefaultScene();
    }
    showLessonText(lesson);
    m_history->endBatch();
    if (m_scene->rowCount() > 0 && m_functionList->currentRow() < 0)
        m_functionList->setCurrentRow(0);
    showFunctionKind();
}

void MainWindow::syncFunctionKind()
{
    // After undo, redo, a lesson or a session the view follows the scene: losses alone are the
    // loss view; any activation is the activation view; custom functions alone change nothing.
    bool activations = false;
    bool losses = false;
    for (int row = 0; row < m_scene->rowCount(); ++row) {
        activations = activations || m_scene->function(row).spec->kind == FunctionKind::Activation;
        losses = losses || m_scene->function(row).spec->kind == FunctionKind::Loss;
    }
    if (activations)
        m_kind = FunctionKind::Activation;
    else if (losses)
        m_kind = FunctionKind::Loss;
    showFunctionKind();
}

void MainWindow::showFunctionKind()
{
    const bool loss = m_kind == FunctionKind::Loss;
    const QSignalBlocker blockTabs(m_kindTabs);
    m_kindTabs->setCurrentIndex(loss ? 1 : 0);
    if (m_lossesAction) {
        m_lossesAction->setChecked(loss);
        m_activationsAction->setChecked(!loss);
    }
    m_functionList->setFunctionKind(m_kind);
}

void MainWindow::loadDefaultScene()
{
    {
        const SceneModel::UpdateBatch batch(*m_scene); // the views refresh once
        m_scene->clear();
        for (const char *id : {"step", "sigmoid", "tanh", "relu"})
            m_scene->addFunction(QString::fromLatin1(id));
        m_scene->setRange(-6.0, 6.0);
    }
    m_functionList->setCurrentRow(1);
}

void MainWindow::createCharts()
{
    m_chartArea = new ChartArea(this);
    const ChartContent contents[3] = {ChartContent::Function, ChartContent::FirstDerivative,
                                      ChartContent::SecondDerivative};
    for (int i = 0; i < 3; ++i) {
        auto *chart = new ChartWidget(m_chartArea);
        chart->setObjectName(QStringLiteral("chart%1").arg(i));
        chart->setContent(contents[i]);
        chart->setScene(m_scene);
        if (i == 2)
            chart->hide(); // f″ waits for View → Second Derivative
        m_chartArea->addChart(chart);
        m_charts[i] = chart;
        connect(chart, &ChartWidget::cursorMoved, this,
                [this](double x) { setCursorX(x); });
        connect(chart, &ChartWidget::cursorLeft, this, [this] { setCursorX(std::nullopt); });
        connect(chart, &ChartWidget::rangeRequested, this, [this](double a, double b) {
            // Zooming past what float64 can resolve is refused by the model; nothing to report.
            m_scene->setRange(a, b);
        });
        connect(chart, &ChartWidget::resetRequested, this, &MainWindow::resetView);
        recordDragsAsOneStep(chart, m_history);
    }
    // Each chart's plot area sets the sampling resolution of the orders it shows (two charts
    // over one: the f″ chart below is twice as wide as the others). Rounded up to 32 px:
    // sampling for a slightly larger plot only makes the curve finer, and a size that shifts by a
    // label's width (new y range → new labels → new plot width) then cannot feed back into
    // another resample. The guard stops any re-entry that remains.
    // The size arrives from inside Qt Charts' layout pass, itself often inside an axis's range
    // change: resampling there would refresh every chart in the middle of Qt Charts' own signal
    // emission, and its axes and domains then bounce two y ranges until the stack overflows. So
    // the newest sizes are applied once the event loop is back, in one batch.
    const auto plotSizeChanged = [this] {
        const auto roundUp = [](int v) { return (std::max(v, 1) + 31) / 32 * 32; };
        for (const ChartWidget *chart : m_charts) {
            if (chart->isHidden() || chart->plotSize().isEmpty())
                continue;
            const QSize size(roundUp(chart->plotSize().width()), roundUp(chart->plotSize().height()));
            for (int order : ChartWidget::ordersOf(chart->content()))
                m_pendingPlotSizes[size_t(order)] = size;
        }
        if (m_plotSizeQueued)
            return;
        m_plotSizeQueued = true;
        QMetaObject::invokeMethod(this, [this] {
            m_plotSizeQueued = false;
            if (m_settingPlotSize)
                return;
            const QScopedValueRollback<bool> guard(m_settingPlotSize, true);
            const SceneModel::UpdateBatch batch(*m_scene);
            for (int order = 0; order <= SceneModel::MaxOrder; ++order) {
                if (m_pendingPlotSizes[size_t(order)].isValid())
                    m_scene->setPlotSize(order, m_pendingPlotSizes[size_t(order)]);
            }
        }, Qt::QueuedConnection);
    };
    for (ChartWidget *chart : m_charts)
        connect(chart, &ChartWidget::plotSizeChanged, this, plotSizeChanged);
    setCentralWidget(m_chartArea);
}

void MainWindow::updateChartLayout()
{
    const bool overlay = m_overlayAction->isChecked();
    const bool second = m_secondDerivativeAction->isChecked();
    m_scene->setMaxOrder(second ? 2 : 1);
    m_charts[0]->setContent(overlay ? ChartContent::Overlay : ChartContent::Function);
    m_charts[1]->setVisible(!overlay);
    m_charts[2]->setVisible(second);
    m_chartArea->setStacked(m_stackedAction->isChecked());
    m_allBandsAction->setEnabled(m_bandsAction->isChecked());
    for (ChartWidget *chart : m_charts) {
        chart->setBandsVisible(m_bandsAction->isChecked());
        chart->setAllBands(m_allBandsAction->isChecked());
    }
}

void MainWindow::setCursorX(std::optional<double> x)
{
    m_cursorX = x;
    for (ChartWidget *chart : m_charts)
        chart->setCursorX(x);
    updateTrace();
}

void MainWindow::updateTrace()
{
    if (!m_cursorX) {
        m_traceText.clear();
        m_traceLabel->setText(tr("Hover a chart to read f(x) and f′(x); arrow keys move the cursor."));
        return;
    }
    const double x = *m_cursorX;
    QStringList parts{QStringLiteral("x = %1").arg(formatValue(x))};
    for (int row = 0; row < m_scene->rowCount(); ++row) {
        const FunctionInstance &fn = m_scene->function(row);
        if (!fn.visible)
            continue;
        const Derivatives d = fn.at(x);
        parts << tr("%1: f = %2, f′ = %3").arg(fn.label(), formatValue(d.f), formatValue(d.d1));
    }
    m_traceText = parts.join(QStringLiteral("   "));
    m_traceLabel->setText(m_traceText);
}

void MainWindow::resetView()
{
    m_scene->setRange(-6.0, 6.0);
    for (int order = 0; order <= SceneModel::MaxOrder; ++order)
        m_scene->setFixedYRange(order, std::nullopt);
}

bool MainWindow::applyLesson(const QString &id, QString *error)
{
    const Lesson *lesson = Lessons::find(id);
    QString problem;
    SliderPlayer::stopAll(this); // a sweep ends as its own step first
    m_history->beginBatch(); // the lesson's scene and its id are one undo step
    if (!lesson)
        problem = tr("There is no lesson '%1'.").arg(id);
    else if (!Lessons::apply(*lesson, *m_scene, &problem))
        problem = tr("The lesson could not be loaded: %1").arg(problem);
    else
        m_history->setLesson(id);
    m_history->endBatch();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        showStatusMessage(problem, 8000);
        return false;
    }
    m_currentLesson = id;
    m_functionList->setCurrentRow(lesson->focusRow);
    m_lesson->setCurrentLesson(id);
    m_lessonDock->show();
    m_lessonDock->raise();
    return true;
}

void MainWindow::showStartPage()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("startPageDialog"));
    dialog->setWindowTitle(tr("Welcome to Activation Explorer"));
    auto *page = new StartPage(dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(page);
    connect(page, &StartPage::lessonRequested, dialog, [this, dialog](const QString &id) {
        applyLesson(id);
        dialog->accept();
    });
    connect(page, &StartPage::exploreRequested, dialog, &QDialog::accept);
    // Inside the window, and inside the screen on a projector of 1024 × 768 or 1280 × 720.
    QSize size(720, 560);
    if (QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.85);
    dialog->resize(size.boundedTo(this->size() * 0.9).expandedTo(QSize(400, 300)));
    dialog->show();
}

void MainWindow::showStartPageOnFirstLaunch()
{
    QSettings settings;
    if (settings.value(QStringLiteral("startPageShown"), false).toBool())
        return;
    settings.setValue(QStringLiteral("startPageShown"), true);
    showStartPage();
}

void MainWindow::showLessonText(const QString &id)
{
    m_currentLesson = Lessons::find(id) ? id : QString();
    m_history->setLesson(m_currentLesson);
    m_lesson->setCurrentLesson(m_currentLesson);
    if (!m_currentLesson.isEmpty()) {
        m_lessonDock->show();
        m_lessonDock->raise();
    }
}
