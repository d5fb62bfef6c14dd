#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Activation Explorer"));
    setObjectName(QStringLiteral("mainWindow"));

    m_placeholder = new QLabel(tr("The activation explorer window is coming.\n"
                                  "Activation functions, their derivatives and the regions where "
                                  "gradients vanish will be shown here."),
                               this);
    m_placeholder->setObjectName(QStringLiteral("placeholderLabel"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setAccessibleName(tr("Placeholder"));
    m_placeholder->setAccessibleDescription(
        tr("This area will hold the activation function charts."));
    m_placeholder->setToolTip(tr("The explorer window arrives in a later version."));
    setCentralWidget(m_placeholder);

    createActions();
    resize(defaultSize());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->setAccessibleName(tr("File menu"));
    fileMenu->setToolTipsVisible(true);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    // Windows and the offscreen platform bind nothing to QKeySequence::Quit: fall back to Ctrl+Q.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty())
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setShortcuts(quitKeys);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_quitAction->setToolTip(tr("Quit Activation Explorer"));
    m_quitAction->setStatusTip(m_quitAction->toolTip());
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    fileMenu->addAction(m_quitAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->setAccessibleName(tr("Help menu"));
    helpMenu->setToolTipsVisible(true);

    m_aboutAction = new QAction(tr("&About Activation Explorer"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setToolTip(tr("Version and purpose of Activation Explorer"));
    m_aboutAction->setStatusTip(m_aboutAction->toolTip());
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    helpMenu->addAction(m_aboutAction);

    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"));
    aboutQtAction->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    aboutQtAction->setToolTip(tr("Version and licence of the Qt libraries"));
    aboutQtAction->setStatusTip(aboutQtAction->toolTip());
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    menuBar()->setAccessibleName(tr("Main menu"));
    statusBar()->setAccessibleName(tr("Status bar"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Activation Explorer"),
        tr("<h3>Activation Explorer %1</h3>"
           "<p>Plots activation functions as PyTorch defines them, with their first and second "
           "derivatives, and shows where their gradients vanish or saturate.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}
