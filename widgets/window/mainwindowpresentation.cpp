// The main window's look: its theme, full screen and presentation mode with its strip of
// controls.
#include "mainwindow.h"

#include "chartwidget.h"
#include "demonstrationwindows.h"
#include "functionlistpanel.h"
#include "paneldock.h"
#include "parameterpanel.h"
#include "rangepanel.h"
#include "recorddrags.h"
#include "scenehistory.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>

void MainWindow::setTheme(Theme theme)
{
    QSettings().setValue(QStringLiteral("theme"), Themes::name(theme));
    m_theme = theme;
    applyTheme();
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
    m_demonstrations.setAppearance(look);
}

ChartAppearance MainWindow::chartAppearance() const
{
    return ChartAppearance::forTheme(m_theme, m_presentation);
}

void MainWindow::toggleFullScreen(bool on)
{
    if (on)
        showFullScreen();
    else
        showNormal();
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
        parameters->setCompact(true);
        parameters->setScene(m_scene);
        recordDragsAsOneStep(parameters, m_history);
        recordPlaybackAsOneStep(parameters, m_history, m_undoAction);
        parameters->setCurrentRow(m_functionList->currentRow());
        connect(m_functionList, &FunctionListPanel::currentRowChanged, parameters,
                &ParameterPanel::setCurrentRow);
        auto *range = new RangePanel(strip);
        range->setObjectName(QStringLiteral("stripRangePanel"));
        range->setCompact(true);
        range->setScene(m_scene);
        recordDragsAsOneStep(range, m_history);
        recordPlaybackAsOneStep(range, m_history, m_undoAction);
        layout->addWidget(parameters, 1);
        layout->addWidget(range, 2);
        m_controlsStrip = new PanelDock(
                tr("Presentation controls"),
                tr("The selected function's parameters, the x range and ε; F9 hides them"), this);
        m_controlsStrip->setObjectName(QStringLiteral("controlsStripDock"));
        m_controlsStrip->setAccessibleName(tr("Presentation controls"));
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
