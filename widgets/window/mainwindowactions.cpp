// The main window's menus and their actions, one function per menu.
#include "mainwindow.h"

#include "chartwidget.h"
#include "demonstrationwindows.h"
#include "languagemenu.h"
#include "lessons.h"
#include "makeaction.h"
#include "parameterpanel.h"
#include "rangepanel.h"
#include "recorddrags.h"
#include "scenehistory.h"
#include "sliderplayer.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QHash>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>

void MainWindow::createActions()
{
    QList<QMenu *> menus = createFileMenu();
    menus << createEditMenu() << createViewMenu() << createLessonsMenu()
          << createDemonstrationsMenu() << createHelpMenu();
    for (QMenu *menu : std::as_const(menus))
        menu->setAccessibleName(menu->title().remove(QLatin1Char('&')) + tr(" menu"));
    menuBar()->setAccessibleName(tr("Main menu"));
    menuBar()->setAccessibleDescription(
            tr("File, Edit, View, Lessons, Demonstrations and Help"));
}

QList<QMenu *> MainWindow::createFileMenu()
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

    QMenu *exportMenu = createExportMenu(fileMenu);

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
    return {fileMenu, exportMenu};
}

QMenu *MainWindow::createExportMenu(QMenu *fileMenu)
{
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu->setToolTipsVisible(true);

    QAction *exportImage = makeAction(this, QStringLiteral("exportImageAction"), tr("&Image (PNG, SVG, PDF)…"),
                                      tr("Save the charts as a PNG or SVG image or a PDF page"),
                                      {QKeySequence(Qt::CTRL | Qt::Key_E)});
    connect(exportImage, &QAction::triggered, this, &MainWindow::exportImageDialog);
    QAction *exportAnimation = makeAction(this, QStringLiteral("exportAnimationAction"),
                                          tr("&Animation (GIF)…"),
                                          tr("Save an animated GIF of one parameter, x min, x max "
                                             "or ε swept from one value to another"));
    connect(exportAnimation, &QAction::triggered, this, &MainWindow::exportAnimationDialog);
    QAction *exportData = makeAction(this, QStringLiteral("exportDataAction"), tr("&Data (CSV)…"),
                                     tr("Save x, f, f′ and f″ of every function as CSV"));
    connect(exportData, &QAction::triggered, this,
            [this] { exportDataDialog(QStringLiteral("csv"), tr("CSV files (*.csv)")); });
    QAction *exportReport = makeAction(this, QStringLiteral("exportReportAction"),
                                       tr("&Report (JSON)…"),
                                       tr("Save the saturation analysis as JSON"));
    connect(exportReport, &QAction::triggered, this,
            [this] { exportDataDialog(QStringLiteral("json"), tr("JSON files (*.json)")); });
    exportMenu->addActions({exportImage, exportAnimation, exportData, exportReport});
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
    return exportMenu;
}

QMenu *MainWindow::createEditMenu()
{
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
    // A sweep still playing is the newest change: it ends as its step before Undo or Redo acts.
    QUndoStack *stack = m_history->stack();
    for (QAction *action : {undo, redo}) {
        const bool isUndo = action == undo;
        disconnect(action, &QAction::triggered, stack,
                   isUndo ? &QUndoStack::undo : &QUndoStack::redo);
        connect(action, &QAction::triggered, this, [this, stack, isUndo] {
            SliderPlayer::stopAll(this);
            isUndo ? stack->undo() : stack->redo();
        });
    }
    m_undoAction = undo;
    recordPlaybackAsOneStep(m_parameters, m_history, undo);
    recordPlaybackAsOneStep(m_range, m_history, undo);
    editMenu->addActions({undo, redo});
    return editMenu;
}

QList<QMenu *> MainWindow::createViewMenu()
{
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->setToolTipsVisible(true);
    createChartLayoutActions(viewMenu);
    viewMenu->addSeparator();
    createFunctionKindActions(viewMenu);
    viewMenu->addSeparator();
    createScreenActions(viewMenu);
    createThemeMenu(viewMenu);
    viewMenu->addSeparator();
    QMenu *panels = viewMenu->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
    viewMenu->addMenu(new LanguageMenu(this));
    return {viewMenu, panels};
}

void MainWindow::createChartLayoutActions(QMenu *viewMenu)
{
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

    // Markers cost a root search per function and update: off until asked for, then remembered.
    QAction *points = makeAction(this, QStringLiteral("pointsOfInterestAction"),
                                 tr("&Points of Interest"),
                                 tr("Mark zeros, minima, maxima, inflections and kinks on the f "
                                    "chart, gradient peaks and kinks on the f′ chart; hover or "
                                    "click a marker for its coordinates"),
                                 {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)});
    points->setCheckable(true);
    const auto showPoints = [this](bool on) {
        for (ChartWidget *chart : m_charts)
            chart->setPointsVisible(on);
    };
    points->setChecked(QSettings().value(QStringLiteral("pointsOfInterest"), false).toBool());
    showPoints(points->isChecked());
    connect(points, &QAction::toggled, this, [showPoints](bool on) {
        QSettings().setValue(QStringLiteral("pointsOfInterest"), on);
        showPoints(on);
    });
    viewMenu->addAction(points);
}

void MainWindow::createFunctionKindActions(QMenu *viewMenu)
{
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
}

void MainWindow::createScreenActions(QMenu *viewMenu)
{
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
}

void MainWindow::createThemeMenu(QMenu *viewMenu)
{
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
}

QMenu *MainWindow::createLessonsMenu()
{
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
    return lessonsMenu;
}

QMenu *MainWindow::createDemonstrationsMenu()
{
    // The demonstrations are separate, non-modal windows: they do not touch the scene, and the
    // class can keep one open beside the main charts. Each is created on first use.
    QMenu *demoMenu = menuBar()->addMenu(tr("&Demonstrations"));
    demoMenu->setObjectName(QStringLiteral("demonstrationsMenu"));
    demoMenu->setToolTipsVisible(true);
    auto addDemo = [this, demoMenu](const QString &name, const QString &text, const QString &tip) {
        QAction *action = makeAction(this, name + QStringLiteral("Action"), text, tip);
        const QString title = QString(text).remove(QLatin1Char('&')).remove(QChar(0x2026));
        connect(action, &QAction::triggered, this, [this, name, title] {
            m_demonstrations.open(name, title, chartAppearance());
        });
        demoMenu->addAction(action);
    };
    addDemo(QStringLiteral("layerChain"), tr("Through the &Layers…"),
            tr("How |∂y/∂x| shrinks or survives through a chain of N layers"));
    addDemo(QStringLiteral("gradientDescent"), tr("&Gradient Descent…"),
            tr("One neuron learning one parameter, step by step, on its loss curve"));
    addDemo(QStringLiteral("softmax"), tr("&Softmax and its Jacobian…"),
            tr("How the probabilities of k classes move with one logit, and ∂s/∂z as a heat map"));
    addDemo(QStringLiteral("network"), tr("Deep &Network at Initialization…"),
            tr("How the variance and the gradients of a deep network of the selected activation "
               "grow or vanish with depth, and where order turns into chaos"));
    return demoMenu;
}

QMenu *MainWindow::createHelpMenu()
{
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
    return helpMenu;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Activation Explorer"),
                       tr("<h3>Activation Explorer %1</h3>"
                          "<p>Activation functions as PyTorch defines them, their derivatives, and "
                          "where their gradients vanish.</p>")
                               .arg(QCoreApplication::applicationVersion()));
}

bool MainWindow::openDemonstration(const QString &name)
{
    static const QHash<QString, QString> actions {
        { QStringLiteral("layers"), QStringLiteral("layerChainAction") },
        { QStringLiteral("descent"), QStringLiteral("gradientDescentAction") },
        { QStringLiteral("softmax"), QStringLiteral("softmaxAction") },
        { QStringLiteral("network"), QStringLiteral("networkAction") },
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
