#include "mainwindow.h"

#include "chartarea.h"
#include "chartwidget.h"
#include "dataexport.h"
#include "exportimagedialog.h"
#include "functionlistpanel.h"
#include "languagemenu.h"
#include "parameterpanel.h"
#include "recentfiles.h"
#include "sessionfile.h"
#include "rangepanel.h"
#include "formulapanel.h"
#include "lessonpanel.h"
#include "layerchainpanel.h"
#include "softmaxpanel.h"
#include "gradientdescentpanel.h"
#include "lessons.h"
#include "startpage.h"
#include "valuetablewidget.h"
#include "saturationpanel.h"
#include "scenemodel.h"
#include "scenehistory.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QHash>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QStatusBar>
#include <QDialog>
#include <QScopedValueRollback>
#include <QSettings>
#include <QUndoStack>
#include <QUndoView>
#include <QTabBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QString formatValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("—");
    return QString::number(v, 'g', 5);
}

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QString &tip, const QList<QKeySequence> &keys = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    action->setShortcuts(keys);
    return action;
}

/**
 * Makes every drag in widget (a panel's slider, a chart's pan) one undo step of history. Each
 * widget that edits the scene by dragging is wired by name: looking for sliders would find the
 * demonstration windows' too, which never touch the scene, and miss those a panel builds later.
 */
template<typename Widget>
void recordDragsAsOneStep(Widget *widget, SceneHistory *history)
{
    QObject::connect(widget, &Widget::interactionStarted, history, &SceneHistory::beginInteraction);
    QObject::connect(widget, &Widget::interactionFinished, history, &SceneHistory::endInteraction);
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
    m_lastExportDir = QDir::homePath();

    m_selection = new QItemSelectionModel(m_scene, this);
    m_history = new SceneHistory(this);
    m_history->setScene(m_scene);
    connect(m_history, &SceneHistory::snapshotApplied, this, &MainWindow::showLessonText);

    createCharts();
    createDocks();
    createActions();
    // The theme chosen last, else the system's where the running Qt can tell.
    m_theme = Themes::fromName(QSettings().value(QStringLiteral("theme")).toString())
                      .value_or(Themes::systemTheme());
    applyTheme();

    m_traceLabel = new QLabel(this);
    m_traceLabel->setObjectName(QStringLiteral("traceLabel"));
    m_traceLabel->setAccessibleName(tr("Trace read-out"));
    m_traceLabel->setToolTip(tr("Values under the cursor: hover a chart or use the arrow keys"));
    m_traceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_traceLabel, 1);
    statusBar()->setAccessibleName(tr("Status bar"));

    connect(m_scene, &SceneModel::recomputed, this, &MainWindow::updateTrace);
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
    loadDefaultScene();
    m_history->clear(); // the scene a window opens on is the first state, not a step
    setWindowModified(false);
    resize(defaultSize());
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

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // The left panels run the full height; the saturation table sits under the charts only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);

    // Functions: the list, and below it the current function's parameters.
    auto *functionsBox = new QWidget(this);
    auto *functionsLayout = new QVBoxLayout(functionsBox);
    functionsLayout->setContentsMargins(4, 4, 4, 4);
    // Activations or losses: the two views share the charts, panels and exports.
    m_kindTabs = new QTabBar(functionsBox);
    m_kindTabs->setObjectName(QStringLiteral("functionKindTabs"));
    m_kindTabs->addTab(tr("Activations"));
    m_kindTabs->addTab(tr("Losses"));
    m_kindTabs->setTabToolTip(0, tr("Activation functions f(x) and their gradients (Alt+1)"));
    m_kindTabs->setTabToolTip(1, tr("Losses L(x) of one prediction or logit x, and ∂L/∂x (Alt+2)"));
    m_kindTabs->setAccessibleName(tr("Activations or losses"));
    m_kindTabs->setExpanding(true);
    m_kindTabs->setDrawBase(false);
    functionsLayout->addWidget(m_kindTabs);
    connect(m_kindTabs, &QTabBar::currentChanged, this, [this](int index) {
        setFunctionKind(index == 1 ? FunctionKind::Loss : FunctionKind::Activation);
    });
    m_functionList = new FunctionListPanel(functionsBox);
    m_functionList->setScene(m_scene);
    m_functionList->setSelectionModel(m_selection);
    m_parameters = new ParameterPanel(functionsBox);
    m_parameters->setScene(m_scene);
    recordDragsAsOneStep(m_parameters, m_history);
    // The list grows with the dock; the parameters take what their editors need, no more.
    functionsLayout->addWidget(m_functionList, 1);
    functionsLayout->addWidget(m_parameters, 0);
    connect(m_functionList, &FunctionListPanel::currentRowChanged, this, [this](int row) {
        m_parameters->setCurrentRow(row);
        m_formula->setCurrentRow(row);
        // The current function is the charts' focus: on top, with its bands full height.
        for (ChartWidget *chart : m_charts)
            chart->setFocusRow(row);
    });

    auto *functionsDock = new QDockWidget(tr("Functions"), this);
    functionsDock->setObjectName(QStringLiteral("functionsDock"));
    functionsDock->setAccessibleName(tr("Functions panel"));
    functionsDock->setWidget(functionsBox);
    addDockWidget(Qt::LeftDockWidgetArea, functionsDock);

    m_range = new RangePanel(this);
    m_range->setScene(m_scene);
    recordDragsAsOneStep(m_range, m_history);
    auto *rangeScroll = new QScrollArea(this);
    rangeScroll->setWidget(m_range);
    rangeScroll->setWidgetResizable(true);
    rangeScroll->setFrameShape(QFrame::NoFrame);
    // Never narrower than its controls: a clipped spin box is worse than a narrower chart.
    rangeScroll->setMinimumWidth(m_range->sizeHint().width() + 8);
    rangeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *rangeDock = new QDockWidget(tr("Range and threshold"), this);
    rangeDock->setObjectName(QStringLiteral("rangeDock"));
    rangeDock->setAccessibleName(tr("Range and threshold panel"));
    rangeDock->setWidget(rangeScroll);
    addDockWidget(Qt::LeftDockWidgetArea, rangeDock);

    m_saturation = new SaturationPanel(this);
    m_saturation->setScene(m_scene);
    auto *saturationDock = new QDockWidget(tr("Saturation"), this);
    saturationDock->setObjectName(QStringLiteral("saturationDock"));
    saturationDock->setAccessibleName(tr("Saturation panel"));
    saturationDock->setWidget(m_saturation);
    addDockWidget(Qt::BottomDockWidgetArea, saturationDock);
    connect(m_saturation, &SaturationPanel::intervalSelected, this, [this](int row, int index) {
        for (ChartWidget *chart : m_charts)
            chart->setHighlightedInterval(row, index);
    });

    // The numbers behind the charts, as torch prints them: for reading values off exactly, and
    // for screen readers, which Qt Charts tells nothing.
    m_values = new ValueTableWidget(this);
    m_values->setScene(m_scene);
    auto *valuesDock = new QDockWidget(tr("Values"), this);
    valuesDock->setObjectName(QStringLiteral("valuesDock"));
    valuesDock->setAccessibleName(tr("Values panel"));
    // The table's own layout changes with every value (column widths, the linspace line); a
    // scroll area keeps those layout requests from relaying out the whole window each step.
    auto *valuesScroll = new QScrollArea(this);
    valuesScroll->setObjectName(QStringLiteral("valuesScrollArea"));
    valuesScroll->setWidget(m_values);
    valuesScroll->setWidgetResizable(true);
    valuesScroll->setFrameShape(QFrame::NoFrame);
    valuesDock->setWidget(valuesScroll);
    addDockWidget(Qt::BottomDockWidgetArea, valuesDock);
    tabifyDockWidget(saturationDock, valuesDock);
    saturationDock->raise();

    // Under the charts too, beside the tables: the current function's formulas, the open
    // lesson's text and the history. A column of their own would take the charts' width for a
    // few lines of text; on a small screen they become tabs of the left column (fitToScreen()).
    m_formula = new FormulaPanel(this);
    m_formula->setScene(m_scene);
    auto *formulaDock = new QDockWidget(tr("Formula"), this);
    formulaDock->setObjectName(QStringLiteral("formulaDock"));
    formulaDock->setAccessibleName(tr("Formula panel"));
    formulaDock->setWidget(m_formula);
    // Beside the tables' tab group, not in it (splitDockWidget() would tab it there).
    addDockWidget(Qt::BottomDockWidgetArea, formulaDock, Qt::Horizontal);

    m_lesson = new LessonPanel(this);
    m_lessonDock = new QDockWidget(tr("Lesson"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setAccessibleName(tr("Lesson panel"));
    m_lessonDock->setWidget(m_lesson);
    addDockWidget(Qt::BottomDockWidgetArea, m_lessonDock);
    tabifyDockWidget(formulaDock, m_lessonDock);

    // Every step Edit → Undo can go back to; clicking one returns the scene to that state.
    auto *historyView = new QUndoView(m_history->stack());
    historyView->setObjectName(QStringLiteral("historyView"));
    historyView->setEmptyLabel(tr("Scene as opened"));
    historyView->setAccessibleName(tr("Undo history"));
    historyView->setToolTip(tr("Click a step to return the scene to it"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setAccessibleName(tr("History panel"));
    historyDock->setWidget(historyView);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    tabifyDockWidget(m_lessonDock, historyDock);
    formulaDock->raise();
    connect(m_lesson, &LessonPanel::lessonRequested, this,
            [this](const QString &id) { applyLesson(id); });

    // The charts are what the room looks at: give them most of the height.
    resizeDocks({saturationDock}, {210}, Qt::Vertical);
    resizeDocks({functionsDock}, {std::max(330, m_range->sizeHint().width() + 30)}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->setToolTipsVisible(true);

    QAction *openFile = makeAction(this, QStringLiteral("openAction"), tr("&Open…"),
                                   tr("Open a saved session: functions, parameters, range, ε "
                                      "and lesson"),
                                   QKeySequence::keyBindings(QKeySequence::Open));
    connect(openFile, &QAction::triggered, this, &MainWindow::openDialog);
    fileMenu->addAction(openFile);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    m_recentMenu->setToolTipsVisible(true);
    m_recentMenu->setAccessibleName(tr("Open Recent menu"));
    updateRecentMenu();
    QAction *save = makeAction(this, QStringLiteral("saveAction"), tr("&Save"),
                               tr("Save the scene to its session file"),
                               QKeySequence::keyBindings(QKeySequence::Save));
    connect(save, &QAction::triggered, this, &MainWindow::saveCurrent);
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (saveAsKeys.isEmpty()) // Windows and the offscreen platform bind nothing to SaveAs
        saveAsKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *saveAs = makeAction(this, QStringLiteral("saveAsAction"), tr("Save &As…"),
                                 tr("Save the scene to a new session file"), saveAsKeys);
    connect(saveAs, &QAction::triggered, this, &MainWindow::saveAsDialog);
    fileMenu->addActions({save, saveAs});
    fileMenu->addSeparator();

    QMenu *exportMenu = fileMenu->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu->setToolTipsVisible(true);

    QAction *exportImage = makeAction(this, QStringLiteral("exportImageAction"), tr("&Image (PNG, SVG)…"),
                                      tr("Save the charts as a PNG or SVG image"),
                                      {QKeySequence(Qt::CTRL | Qt::Key_E)});
    connect(exportImage, &QAction::triggered, this, &MainWindow::exportImageDialog);
    QAction *exportData = makeAction(this, QStringLiteral("exportDataAction"), tr("&Data (CSV)…"),
                                     tr("Save x, f, f′ and f″ of every function as CSV"));
    connect(exportData, &QAction::triggered, this,
            [this] { exportDataDialog(QStringLiteral("csv"), tr("CSV files (*.csv)")); });
    QAction *exportReport = makeAction(this, QStringLiteral("exportReportAction"),
                                       tr("&Report (JSON)…"),
                                       tr("Save the saturation analysis as JSON"));
    connect(exportReport, &QAction::triggered, this,
            [this] { exportDataDialog(QStringLiteral("json"), tr("JSON files (*.json)")); });
    exportMenu->addActions({exportImage, exportData, exportReport});
    exportMenu->addSeparator();
    m_whiteExportsAction = makeAction(this, QStringLiteral("whiteExportsAction"),
                                      tr("&White Background for Images"),
                                      tr("Export and copy images in the light look, whatever "
                                         "the theme (for print)"));
    m_whiteExportsAction->setCheckable(true);
    m_whiteExportsAction->setChecked(
            QSettings().value(QStringLiteral("whiteExports"), false).toBool());
    connect(m_whiteExportsAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("whiteExports"), on); });
    exportMenu->addAction(m_whiteExportsAction);

    QAction *copy = makeAction(this, QStringLiteral("copyImageAction"), tr("&Copy Image"),
                               tr("Copy the charts to the clipboard as an image"),
                               {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    connect(copy, &QAction::triggered, this, &MainWindow::copyImage);
    fileMenu->addAction(copy);
    fileMenu->addSeparator();

    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) // Windows and the offscreen platform bind nothing to Quit
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    QAction *quit = makeAction(this, QStringLiteral("quitAction"), tr("&Quit"),
                               tr("Quit Activation Explorer"), quitKeys);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    fileMenu->addAction(quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->setObjectName(QStringLiteral("editMenu"));
    editMenu->setToolTipsVisible(true);
    QAction *undo = m_history->stack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::keyBindings(QKeySequence::Undo));
    undo->setToolTip(tr("Undo the last change to the scene"));
    undo->setStatusTip(undo->toolTip());
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    QAction *redo = m_history->stack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts(redoKeys);
    redo->setToolTip(tr("Redo the change last undone"));
    redo->setStatusTip(redo->toolTip());
    editMenu->addActions({undo, redo});

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->setToolTipsVisible(true);
    m_secondDerivativeAction = makeAction(this, QStringLiteral("secondDerivativeAction"),
                                          tr("Show f″ Chart"),
                                          tr("Add a chart of the second derivative f″"),
                                          {QKeySequence(Qt::CTRL | Qt::Key_2)});
    m_overlayAction = makeAction(this, QStringLiteral("overlayAction"), tr("&Overlay f and f′"),
                                 tr("Draw f and f′ on one chart"),
                                 {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    m_stackedAction = makeAction(this, QStringLiteral("stackedAction"), tr("&Stack Charts"),
                                 tr("Put the charts above each other instead of side by side"));
    m_bandsAction = makeAction(this, QStringLiteral("bandsAction"), tr("Saturation &Bands"),
                               tr("Shade where |f′| < ε on the charts"),
                               {QKeySequence(Qt::CTRL | Qt::Key_B)});
    m_allBandsAction = makeAction(this, QStringLiteral("allBandsAction"),
                                  tr("Bands for &All Functions"),
                                  tr("Shade the bands of every function over the whole plot, not "
                                     "only those of the current function"));
    for (QAction *a : {m_secondDerivativeAction, m_overlayAction, m_stackedAction, m_bandsAction,
                       m_allBandsAction}) {
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, &MainWindow::updateChartLayout);
        viewMenu->addAction(a);
    }
    m_bandsAction->setChecked(true);
    viewMenu->addSeparator();
    auto *kinds = new QActionGroup(this);
    m_activationsAction = makeAction(this, QStringLiteral("activationsAction"), tr("&Activations"),
                                     tr("Plot activation functions and their gradients"),
                                     {QKeySequence(Qt::ALT | Qt::Key_1)});
    m_lossesAction = makeAction(this, QStringLiteral("lossesAction"), tr("&Losses"),
                                tr("Plot losses against the prediction or logit, and their gradients"),
                                {QKeySequence(Qt::ALT | Qt::Key_2)});
    for (QAction *a : {m_activationsAction, m_lossesAction}) {
        a->setCheckable(true);
        kinds->addAction(a);
        viewMenu->addAction(a);
    }
    m_activationsAction->setChecked(true);
    connect(m_activationsAction, &QAction::triggered, this,
            [this] { setFunctionKind(FunctionKind::Activation); });
    connect(m_lossesAction, &QAction::triggered, this,
            [this] { setFunctionKind(FunctionKind::Loss); });
    viewMenu->addSeparator();
    QAction *reset = makeAction(this, QStringLiteral("resetViewAction"), tr("&Reset View"),
                                tr("Back to x from −6 to 6 with automatic y ranges"),
                                {QKeySequence(Qt::CTRL | Qt::Key_0)});
    connect(reset, &QAction::triggered, this, &MainWindow::resetView);
    viewMenu->addAction(reset);
    m_fullScreenAction = makeAction(this, QStringLiteral("fullScreenAction"), tr("&Full Screen"),
                                    tr("Fill the screen with the window"));
    // F11 belongs to presentation mode, whatever the platform binds to full screen.
    QList<QKeySequence> fullScreenKeys = QKeySequence::keyBindings(QKeySequence::FullScreen);
    fullScreenKeys.removeAll(QKeySequence(Qt::Key_F11));
    if (!fullScreenKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)))
        fullScreenKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_fullScreenAction->setShortcuts(fullScreenKeys);
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, &MainWindow::toggleFullScreen);
    viewMenu->addAction(m_fullScreenAction);
    m_presentationAction = makeAction(this, QStringLiteral("presentationAction"),
                                      tr("&Presentation Mode"),
                                      tr("Full screen with large text, thick lines and high "
                                         "contrast, for a projector; F11 or Esc leaves it"),
                                      {QKeySequence(Qt::Key_F11)});
    m_presentationAction->setCheckable(true);
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    viewMenu->addAction(m_presentationAction);
    // Esc leaves presentation mode only: enabled there alone, so it takes Esc from no one else.
    m_leavePresentationAction = makeAction(this, QStringLiteral("leavePresentationAction"),
                                           tr("Leave Presentation Mode"),
                                           tr("Back to the normal window"),
                                           {QKeySequence(Qt::Key_Escape)});
    m_leavePresentationAction->setEnabled(false);
    connect(m_leavePresentationAction, &QAction::triggered, this,
            [this] { setPresentationMode(false); });
    addAction(m_leavePresentationAction);
    m_controlsStripAction = makeAction(this, QStringLiteral("controlsStripAction"),
                                       tr("Presentation &Controls"),
                                       tr("In presentation mode, show or hide the strip with the "
                                          "selected function's sliders, the x range and ε"),
                                       {QKeySequence(Qt::Key_F9)});
    m_controlsStripAction->setCheckable(true);
    m_controlsStripAction->setChecked(true);
    m_controlsStripAction->setEnabled(false);
    connect(m_controlsStripAction, &QAction::toggled, this, &MainWindow::showControlsStrip);
    viewMenu->addAction(m_controlsStripAction);
    QMenu *themeMenu = viewMenu->addMenu(tr("&Theme"));
    themeMenu->setObjectName(QStringLiteral("themeMenu"));
    auto *themeGroup = new QActionGroup(this);
    themeGroup->setExclusive(true);
    m_themeActions[0] = makeAction(this, QStringLiteral("themeLightAction"), tr("&Light"),
                                   tr("Dark text on light backgrounds"));
    m_themeActions[1] = makeAction(this, QStringLiteral("themeDarkAction"), tr("&Dark"),
                                   tr("Light text on dark backgrounds, the charts too"));
    for (int i = 0; i < 2; ++i) {
        const Theme theme = i == 0 ? Theme::Light : Theme::Dark;
        m_themeActions[i]->setCheckable(true);
        m_themeActions[i]->setData(Themes::name(theme));
        themeGroup->addAction(m_themeActions[i]);
        themeMenu->addAction(m_themeActions[i]);
        connect(m_themeActions[i], &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    viewMenu->addSeparator();
    QMenu *panels = viewMenu->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
    viewMenu->addMenu(new LanguageMenu(this));

    QMenu *lessonsMenu = menuBar()->addMenu(tr("&Lessons"));
    lessonsMenu->setObjectName(QStringLiteral("lessonsMenu"));
    lessonsMenu->setToolTipsVisible(true);
    for (const Lesson &lesson : Lessons::all()) {
        const QString id = QString::fromLatin1(lesson.id);
        QAction *open = makeAction(this, QStringLiteral("lesson_") + id, Lessons::title(lesson),
                                   Lessons::text(lesson).section(QLatin1Char('.'), 0, 0) + QLatin1Char('.'));
        connect(open, &QAction::triggered, this, [this, id] { applyLesson(id); });
        lessonsMenu->addAction(open);
    }
    lessonsMenu->addSeparator();
    QAction *start = makeAction(this, QStringLiteral("startPageAction"), tr("&Start Page…"),
                                tr("The welcome page with every lesson"));
    connect(start, &QAction::triggered, this, &MainWindow::showStartPage);
    lessonsMenu->addAction(start);

    // The demonstrations are separate, non-modal windows: they do not touch the scene, and the
    // class can keep one open beside the main charts. Each is created on first use.
    QMenu *demoMenu = menuBar()->addMenu(tr("&Demonstrations"));
    demoMenu->setObjectName(QStringLiteral("demonstrationsMenu"));
    demoMenu->setToolTipsVisible(true);
    auto addDemo = [this, demoMenu](const QString &name, const QString &text, const QString &tip,
                                    auto create) {
        QAction *action = makeAction(this, name + QStringLiteral("Action"), text, tip);
        connect(action, &QAction::triggered, this, [this, name, text, create] {
            auto *window = findChild<QWidget *>(name + QStringLiteral("Window"));
            if (!window) {
                auto *panel = create(this);
                panel->setAppearance(chartAppearance());
                window = panel;
                window->setWindowFlag(Qt::Window);
                window->setObjectName(name + QStringLiteral("Window"));
                window->setWindowTitle(QString(text).remove(QLatin1Char('&')).remove(QChar(0x2026)));
                // 900 × 680 and a frame would overflow a 1024 × 768 projector's free area: at most
                // nine tenths of it, centred in it.
                const QRect room = screen()->availableGeometry();
                window->resize(QSize(900, 680).boundedTo(room.size() * 0.9));
                window->move(room.center() - window->rect().center());
            }
            window->show();
            window->raise();
            window->activateWindow();
        });
        demoMenu->addAction(action);
    };
    addDemo(QStringLiteral("layerChain"), tr("Through the &Layers…"),
            tr("How |∂y/∂x| shrinks or survives through a chain of N layers"),
            [](QWidget *parent) { return new LayerChainPanel(parent); });
    addDemo(QStringLiteral("gradientDescent"), tr("&Gradient Descent…"),
            tr("One neuron learning one parameter, step by step, on its loss curve"),
            [](QWidget *parent) { return new GradientDescentPanel(parent); });
    addDemo(QStringLiteral("softmax"), tr("&Softmax and its Jacobian…"),
            tr("How the probabilities of k classes move with one logit, and ∂s/∂z as a heat map"),
            [](QWidget *parent) { return new SoftmaxPanel(parent); });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->setToolTipsVisible(true);
    QAction *about = makeAction(this, QStringLiteral("aboutAction"), tr("&About Activation Explorer"),
                                tr("Version and purpose of Activation Explorer"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    helpMenu->addAction(about);
    QAction *aboutQt = makeAction(this, QStringLiteral("aboutQtAction"), tr("About &Qt"),
                                  tr("Version and licence of the Qt libraries"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    helpMenu->addAction(aboutQt);

    for (QMenu *menu : {fileMenu, editMenu, exportMenu, viewMenu, panels, lessonsMenu, demoMenu, helpMenu})
        menu->setAccessibleName(menu->title().remove(QLatin1Char('&')) + tr(" menu"));
    menuBar()->setAccessibleName(tr("Main menu"));
}

bool MainWindow::openDemonstration(const QString &name)
{
    static const QHash<QString, QString> actions {
        { QStringLiteral("layers"), QStringLiteral("layerChainAction") },
        { QStringLiteral("descent"), QStringLiteral("gradientDescentAction") },
        { QStringLiteral("softmax"), QStringLiteral("softmaxAction") },
    };
    // findChild() with an empty name would match any action: look up known names only.
    QAction *open = actions.contains(name) ? action(actions.value(name)) : nullptr;
    if (!open)
        return false;
    open->trigger();
    return true;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
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

RenderOptions MainWindow::renderOptions(QSize size, int scale) const
{
    RenderOptions o;
    o.size = size;
    o.scale = scale;
    o.secondDerivative = m_secondDerivativeAction->isChecked();
    o.overlay = m_overlayAction->isChecked();
    o.bands = m_bandsAction->isChecked();
    o.focusRow = m_functionList->currentRow();
    o.allBands = m_allBandsAction->isChecked();
    o.orientation = m_stackedAction->isChecked() ? Qt::Vertical : Qt::Horizontal;
    o.theme = m_theme;
    o.presentation = m_presentation;
    o.whiteBackground = m_whiteExportsAction->isChecked();
    return o;
}

bool MainWindow::exportTo(const QString &path, const RenderOptions &options, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeFileAtomically(path, sceneToCsv(*m_scene, m_scene->samples()), error);
    if (suffix == QLatin1String("json"))
        return writeFileAtomically(path, sceneToJson(*m_scene), error);
    if (SceneRenderer::supportedSuffixes().contains(suffix))
        return SceneRenderer::exportImage(*m_scene, options, path, error);
    if (error)
        *error = tr("Cannot export to %1: unknown file type '%2'. Use .png, .svg, .csv or .json.")
                         .arg(QDir::toNativeSeparators(path), suffix);
    return false;
}

bool MainWindow::exportInteractively(const QString &path, const RenderOptions &options)
{
    if (QFileInfo::exists(path) && !m_askOverwrite(path, this))
        return false;
    QString error;
    if (!exportTo(path, options, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return false;
    }
    m_lastExportDir = QFileInfo(path).absolutePath();
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::exportImageDialog()
{
    ExportImageDialog dialog(this);
    dialog.setPath(QDir(m_lastExportDir).filePath(QStringLiteral("activations.png")));
    dialog.setImageSize(QSize(1600, 900));
    dialog.setWhiteBackground(m_whiteExportsAction->isChecked());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_whiteExportsAction->setChecked(dialog.whiteBackground());
    exportInteractively(dialog.path(), renderOptions(dialog.imageSize(), dialog.scale()));
}

void MainWindow::exportDataDialog(const QString &suffix, const QString &filter)
{
    // The file dialog does not ask about replacing a file; exportInteractively() does, once.
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), QDir(m_lastExportDir).filePath(QStringLiteral("activations.") + suffix),
            filter, nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    exportInteractively(path, renderOptions(QSize(1600, 900)));
}

void MainWindow::copyImage()
{
    const QSize size = m_chartArea->size().expandedTo(QSize(640, 360));
    const QImage image = SceneRenderer::renderImage(*m_scene, renderOptions(size, 1));
    QGuiApplication::clipboard()->setImage(image);
    statusBar()->showMessage(tr("Copied the charts (%1 × %2 pixels)").arg(image.width()).arg(image.height()),
                             5000);
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
        statusBar()->showMessage(problem, 8000);
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

void MainWindow::setTheme(Theme theme)
{
    QSettings().setValue(QStringLiteral("theme"), Themes::name(theme));
    m_theme = theme;
    applyTheme();
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    bool presentationLayoutPending = false;
    if (on) {
        m_stateBeforePresentation = windowState();
        m_geometryBeforePresentation = saveGeometry();
        // The room looks at the charts: every panel steps aside for one strip of the controls a
        // demonstration moves (F9 hides it too), and they come back as they were afterwards.
        m_docksBeforePresentation = saveState();
        for (QDockWidget *dock : findChildren<QDockWidget *>()) {
            if (dock != m_controlsStrip)
                dock->hide();
        }
        statusBar()->hide();
        presentationLayoutPending = true;
        // Without a window manager (a bare X server driving a projector, Xvfb) nobody else
        // makes the window fill the screen.
        if (QScreen *s = screen())
            setGeometry(s->geometry());
        showFullScreen();
    } else {
        if (m_stateBeforePresentation.testFlag(Qt::WindowFullScreen))
            showFullScreen();
        else if (m_stateBeforePresentation.testFlag(Qt::WindowMaximized))
            showMaximized();
        else
            showNormal();
        restoreGeometry(m_geometryBeforePresentation);
        restoreState(m_docksBeforePresentation);
        if (m_controlsStrip)
            m_controlsStrip->hide();
        statusBar()->show();
    }
    {
        const QSignalBlocker block(m_presentationAction);
        m_presentationAction->setChecked(on);
    }
    m_leavePresentationAction->setEnabled(on);
    m_controlsStripAction->setEnabled(on);
    applyTheme();
    if (presentationLayoutPending)
        showControlsStrip(m_controlsStripAction->isChecked());
}

void MainWindow::showControlsStrip(bool shown)
{
    if (!m_presentation)
        return;
    if (!m_controlsStrip && shown) {
        // Its own parameter and range panels on the same scene, laid out in a row: the charts
        // keep the screen's height. Their drags are undo steps like the docked panels'.
        auto *strip = new QWidget(this);
        auto *layout = new QHBoxLayout(strip);
        layout->setContentsMargins(4, 0, 4, 0);
        auto *parameters = new ParameterPanel(strip);
        parameters->setObjectName(QStringLiteral("stripParameterPanel"));
        parameters->setScene(m_scene);
        recordDragsAsOneStep(parameters, m_history);
        parameters->setCurrentRow(m_functionList->currentRow());
        connect(m_functionList, &FunctionListPanel::currentRowChanged, parameters,
                &ParameterPanel::setCurrentRow);
        auto *range = new RangePanel(strip);
        range->setObjectName(QStringLiteral("stripRangePanel"));
        range->setCompact(true);
        range->setScene(m_scene);
        recordDragsAsOneStep(range, m_history);
        layout->addWidget(parameters, 1);
        layout->addWidget(range, 2);
        m_controlsStrip = new QDockWidget(tr("Presentation controls"), this);
        m_controlsStrip->setObjectName(QStringLiteral("controlsStripDock"));
        m_controlsStrip->setAccessibleName(tr("Presentation controls"));
        m_controlsStrip->setAccessibleDescription(
                tr("The selected function's parameters, the x range and ε; F9 hides them"));
        m_controlsStrip->setFeatures(QDockWidget::NoDockWidgetFeatures);
        m_controlsStrip->setTitleBarWidget(new QWidget(m_controlsStrip)); // no title: no room
        m_controlsStrip->setWidget(strip);
        addDockWidget(Qt::BottomDockWidgetArea, m_controlsStrip);
    }
    if (m_controlsStrip) {
        m_controlsStrip->setVisible(shown);
        // As tall as its controls in the current font, no taller: the rest is the charts'.
        if (shown)
            resizeDocks({m_controlsStrip}, {m_controlsStrip->widget()->sizeHint().height()},
                        Qt::Vertical);
    }
}

ChartAppearance MainWindow::chartAppearance() const
{
    return ChartAppearance::forTheme(m_theme, m_presentation);
}

void MainWindow::applyTheme()
{
    m_themeActions[m_theme == Theme::Dark ? 1 : 0]->setChecked(true);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        Themes::apply(*app, m_theme, m_presentation);
    const ChartAppearance look = chartAppearance();
    for (ChartWidget *chart : m_charts)
        chart->setAppearance(look);
    // The demonstration windows that are open follow the charts.
    const auto follow = [&look](auto *demo) {
        if (demo)
            demo->setAppearance(look);
    };
    follow(findChild<LayerChainPanel *>(QStringLiteral("layerChainWindow")));
    follow(findChild<GradientDescentPanel *>(QStringLiteral("gradientDescentWindow")));
    follow(findChild<SoftmaxPanel *>(QStringLiteral("softmaxWindow")));
}

void MainWindow::toggleFullScreen(bool on)
{
    if (on)
        showFullScreen();
    else
        showNormal();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Activation Explorer"),
                       tr("<h3>Activation Explorer %1</h3>"
                          "<p>Activation functions as PyTorch defines them, their derivatives, and "
                          "where their gradients vanish.</p>")
                               .arg(QCoreApplication::applicationVersion()));
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

void MainWindow::afterSceneReplaced(const QString &lesson)
{
    showLessonText(lesson);
    if (m_scene->rowCount() > 0)
        m_functionList->setCurrentRow(m_scene->rowCount() > 1 ? 1 : 0);
    // The View menu decides how many derivatives the charts draw, whatever the file said.
    updateChartLayout();
    setWindowModified(false);
    updateWindowTitle();
    // A file opened or the last scene restored is a fresh start, as on launch: Undo must not
    // take the user back into the scene it replaced.
    m_history->clear();
}

bool MainWindow::openSession(const QString &path, QString *error)
{
    QString lesson;
    // One snapshot for the scene and its lesson, not one per change (afterSceneReplaced() then
    // forgets it); a session that fails to load leaves the scene and its history as they were.
    m_history->beginBatch();
    const bool loaded = SessionFile::load(path, *m_scene, &lesson, error);
    if (loaded)
        showLessonText(lesson);
    m_history->endBatch();
    if (!loaded)
        return false;
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    RecentFiles::add(m_sessionPath);
    updateRecentMenu();
    afterSceneReplaced(lesson);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_sessionPath)), 5000);
    return true;
}

bool MainWindow::saveSession(const QString &path, QString *error)
{
    if (!SessionFile::save(path, *m_scene, m_currentLesson, error))
        return false;
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    RecentFiles::add(m_sessionPath);
    updateRecentMenu();
    setWindowModified(false);
    updateWindowTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_sessionPath)), 5000);
    return true;
}

bool MainWindow::maybeSaveChanges()
{
    if (!isWindowModified())
        return true;
    const QString name = m_sessionPath.isEmpty() ? tr("Untitled") : QFileInfo(m_sessionPath).fileName();
    switch (m_askUnsaved(name, this)) {
    case UnsavedChoice::Save:
        return saveCurrent();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

bool MainWindow::openRecentFile(const QString &path)
{
    if (!maybeSaveChanges())
        return false;
    QString error;
    if (openSession(path, &error))
        return true;
    RecentFiles::remove(path);
    updateRecentMenu();
    m_reportError(tr("Open failed"),
                  error + QLatin1Char('\n') + tr("It has been removed from the recent files."),
                  this);
    return false;
}

QStringList MainWindow::recentFiles() const
{
    return RecentFiles::list();
}

void MainWindow::openDialog()
{
    if (!maybeSaveChanges())
        return;
    const QString dir = m_sessionPath.isEmpty() ? m_lastExportDir
                                                : QFileInfo(m_sessionPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Session"), dir,
            tr("Sessions (*.json)") + QStringLiteral(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openSession(path, &error))
        m_reportError(tr("Open failed"), error, this);
}

bool MainWindow::saveCurrent()
{
    if (m_sessionPath.isEmpty())
        return saveAsDialog();
    QString error;
    if (!saveSession(m_sessionPath, &error)) {
        m_reportError(tr("Save failed"), error, this);
        return false;
    }
    return true;
}

bool MainWindow::saveAsDialog()
{
    // The dialog adds .json to a bare name and asks before replacing a file, that name included.
    QFileDialog dialog(this, tr("Save Session"),
                       m_sessionPath.isEmpty()
                               ? QDir(m_lastExportDir).filePath(QStringLiteral("session.json"))
                               : m_sessionPath,
                       tr("Sessions (*.json)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    QString error;
    if (!saveSession(dialog.selectedFiles().constFirst(), &error)) {
        m_reportError(tr("Save failed"), error, this);
        return false;
    }
    return true;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear(); // deletes the actions, which the menu owns
    const QStringList files = RecentFiles::list();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        auto *item = makeAction(m_recentMenu, QStringLiteral("recentFile%1").arg(i),
                                QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                                QDir::toNativeSeparators(path));
        item->setData(path);
        connect(item, &QAction::triggered, this, [this, path] { openRecentFile(path); });
        m_recentMenu->addAction(item);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = makeAction(m_recentMenu, QStringLiteral("clearRecentFilesAction"),
                                    tr("&Clear Menu"), tr("Forget the recent files"));
        connect(clear, &QAction::triggered, this, [this] {
            RecentFiles::clear();
            updateRecentMenu();
        });
        m_recentMenu->addAction(clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateWindowTitle()
{
    // No title of our own: Qt makes it from the file path, its name and a [*] that
    // setWindowModified() turns into "*", and the platform adds " — " and the application's
    // display name (main() sets it). A title holding the application's name showed it twice
    // once modified ("Activation Explorer* — Activation Explorer"). A scene never saved takes
    // a name in its place, as Qt's own examples do.
    setWindowFilePath(m_sessionPath.isEmpty() ? tr("Untitled") : m_sessionPath);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The next start opens on this scene (see restoreLastScene()), in this place (fitToScreen()).
    QSettings settings;
    settings.setValue(QStringLiteral("lastScene"),
                      QString::fromUtf8(SessionFile::toJson(*m_scene, m_currentLesson)));
    settings.setValue(QStringLiteral("windowGeometry"),
                      m_presentation ? m_geometryBeforePresentation : saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::fitToScreen()
{
    QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const bool small = available.width() < 1400 || available.height() < 900;
    auto *rangeDock = findChild<QDockWidget *>(QStringLiteral("rangeDock"));
    auto *saturationDock = findChild<QDockWidget *>(QStringLiteral("saturationDock"));
    if (small && rangeDock) {
        // No room under the charts: the tables and texts become tabs of the left column, beside
        // the range controls, and the charts take the window's whole height.
        for (const char *name :
             {"saturationDock", "valuesDock", "formulaDock", "lessonDock", "historyDock"}) {
            if (auto *dock = findChild<QDockWidget *>(QLatin1String(name))) {
                addDockWidget(Qt::LeftDockWidgetArea, dock);
                tabifyDockWidget(rangeDock, dock);
            }
        }
        rangeDock->raise();
    } else if (saturationDock) {
        resizeDocks({saturationDock}, {std::clamp(available.height() / 5, 140, 280)}, Qt::Vertical);
        if (auto *formulaDock = findChild<QDockWidget *>(QStringLiteral("formulaDock")))
            resizeDocks({saturationDock, formulaDock}, {1, 1}, Qt::Horizontal); // halves
    }

    const QByteArray saved = QSettings().value(QStringLiteral("windowGeometry")).toByteArray();
    if (!saved.isEmpty() && restoreGeometry(saved)) {
        if (isMaximized() || isFullScreen())
            return;
        // Saved on another, larger screen: keep it inside this one, its frame too (a title bar
        // of about FrameAllowance until the window manager says); too large for it: maximised.
        constexpr int FrameAllowance = 40;
        const QRect room = available.adjusted(0, 0, 0, -FrameAllowance);
        QRect g = geometry();
        if (g.width() > room.width() || g.height() > room.height()) {
            setGeometry(available);
            setWindowState(windowState() | Qt::WindowMaximized);
            return;
        }
        if (g.right() > room.right())
            g.moveRight(room.right());
        if (g.bottom() > room.bottom())
            g.moveBottom(room.bottom());
        g.moveLeft(std::max(g.left(), room.left()));
        g.moveTop(std::max(g.top(), room.top() + FrameAllowance));
        setGeometry(g);
        return;
    }
    // First launch: the whole screen (a window manager maximises; without one, as under a bare
    // X server driving a projector, the geometry does it).
    setGeometry(available);
    setWindowState(windowState() | Qt::WindowMaximized);
}

bool MainWindow::restoreLastScene()
{
    QSettings settings;
    const QString json = settings.value(QStringLiteral("lastScene")).toString();
    if (json.isEmpty())
        return false;
    QString lesson;
    if (!SessionFile::fromJson(json.toUtf8(), *m_scene, &lesson)) {
        settings.remove(QStringLiteral("lastScene")); // it would fail every time
        return false;
    }
    m_sessionPath.clear();
    afterSceneReplaced(lesson); // the restored scene is where this run starts: nothing to undo
    return true;
}
