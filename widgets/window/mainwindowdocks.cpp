// The main window's panels as docks, and how they fit the screen.
#include "mainwindow.h"

#include "chartwidget.h"
#include "formulapanel.h"
#include "functionlistpanel.h"
#include "lessonpanel.h"
#include "paneldock.h"
#include "parameterpanel.h"
#include "rangepanel.h"
#include "recorddrags.h"
#include "saturationpanel.h"
#include "scenehistory.h"
#include "valuetablewidget.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QTabBar>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // The left panels run the full height; the saturation table sits under the charts only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    QDockWidget *functionsDock = createFunctionsDock();
    createRangeDock();
    QDockWidget *saturationDock = createTableDocks();
    createTextDocks();

    // The charts are what the room looks at: give them most of the height.
    resizeDocks({saturationDock}, {210}, Qt::Vertical);
    resizeDocks({functionsDock}, {std::max(330, m_range->sizeHint().width() + 30)}, Qt::Horizontal);
}

QDockWidget *MainWindow::createFunctionsDock()
{
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
        m_demonstrations.setCurrentRow(row); // the network demonstration's activation
        // The current function is the charts' focus: on top, with its bands full height.
        for (ChartWidget *chart : m_charts)
            chart->setFocusRow(row);
    });

    auto *functionsDock = new PanelDock(
            tr("Functions"),
            tr("The functions on the charts, and the parameters of the selected one"), this);
    functionsDock->setObjectName(QStringLiteral("functionsDock"));
    functionsDock->setAccessibleName(tr("Functions panel"));
    functionsDock->setWidget(functionsBox);
    addDockWidget(Qt::LeftDockWidgetArea, functionsDock);
    return functionsDock;
}

void MainWindow::createRangeDock()
{
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
    auto *rangeDock = new PanelDock(
            tr("Range and threshold"),
            tr("The charts' x range, their y ranges and the saturation threshold ε"), this);
    rangeDock->setObjectName(QStringLiteral("rangeDock"));
    rangeDock->setAccessibleName(tr("Range and threshold panel"));
    rangeDock->setWidget(rangeScroll);
    addDockWidget(Qt::LeftDockWidgetArea, rangeDock);
}

QDockWidget *MainWindow::createTableDocks()
{
    m_saturation = new SaturationPanel(this);
    m_saturation->setScene(m_scene);
    auto *saturationDock = new PanelDock(
            tr("Saturation"),
            tr("Where each function's gradient is zero or below ε, interval by interval"), this);
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
    auto *valuesDock = new PanelDock(
            tr("Values"), tr("f, f′ and f″ of the visible functions at chosen x, to read or copy"),
            this);
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
    return saturationDock;
}

void MainWindow::createTextDocks()
{
    // Under the charts too, beside the tables: the current function's formulas, the open
    // lesson's text and the history. A column of their own would take the charts' width for a
    // few lines of text; on a small screen they become tabs of the left column (fitToScreen()).
    m_formula = new FormulaPanel(this);
    m_formula->setScene(m_scene);
    auto *formulaDock = new PanelDock(
            tr("Formula"),
            tr("The selected function's formulas, its kinks and its points of interest"), this);
    formulaDock->setObjectName(QStringLiteral("formulaDock"));
    formulaDock->setAccessibleName(tr("Formula panel"));
    formulaDock->setWidget(m_formula);
    // Beside the tables' tab group, not in it (splitDockWidget() would tab it there).
    addDockWidget(Qt::BottomDockWidgetArea, formulaDock, Qt::Horizontal);

    m_lesson = new LessonPanel(this);
    m_lessonDock = new PanelDock(tr("Lesson"), tr("The text of the open lesson"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setAccessibleName(tr("Lesson panel"));
    m_lessonDock->setWidget(m_lesson);
    addDockWidget(Qt::BottomDockWidgetArea, m_lessonDock);
    tabifyDockWidget(formulaDock, m_lessonDock);

    // Every step Edit → Undo can go back to; clicking one returns the scene to that state.
    auto *historyView = new QUndoView;
    historyView->setObjectName(QStringLiteral("historyView"));
    // Every push, also one merged into a drag's step, resets QUndoView's model, which lays out
    // and measures the whole list again: one line each, so measure one; and none while the
    // panel is out of sight (a tab behind another), so a drag's frames don't pay for it.
    historyView->setUniformItemSizes(true);
    historyView->setEmptyLabel(tr("Scene as opened"));
    historyView->setAccessibleName(tr("Undo history"));
    historyView->setToolTip(tr("Click a step to return the scene to it"));
    historyView->setAccessibleDescription(
            tr("Every change to the scene, oldest first; select a step to return the scene to it"));
    auto *historyDock = new PanelDock(
            tr("History"), tr("Every change to the scene, to go back to any of them"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setAccessibleName(tr("History panel"));
    historyDock->setWidget(historyView);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    tabifyDockWidget(m_lessonDock, historyDock);
    connect(historyDock, &QDockWidget::visibilityChanged, historyView,
            [this, historyView](bool visible) {
                historyView->setStack(visible ? m_history->stack() : nullptr);
            });
    formulaDock->raise();
    connect(m_lesson, &LessonPanel::lessonRequested, this,
            [this](const QString &id) { applyLesson(id); });
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
