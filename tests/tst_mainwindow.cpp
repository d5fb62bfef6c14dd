#include "mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void titleAndSize();
    void fileMenuHasQuit();
    void quitClosesTheWindow();
    void helpMenuHasAbout();
    void placeholderIsAccessible();

private:
    static QMenu *menuNamed(const MainWindow &window, const QString &objectName);
};

QMenu *TestMainWindow::menuNamed(const MainWindow &window, const QString &objectName)
{
    const QList<QAction *> menuActions = window.menuBar()->actions();
    for (QAction *action : menuActions) {
        if (action->menu() && action->menu()->objectName() == objectName)
            return action->menu();
    }
    return nullptr;
}

void TestMainWindow::titleAndSize()
{
    MainWindow window;
    QCOMPARE(window.windowTitle(), QStringLiteral("Activation Explorer"));
    QCOMPARE(window.size(), QSize(1200, 800));
}

void TestMainWindow::fileMenuHasQuit()
{
    MainWindow window;
    QMenu *fileMenu = menuNamed(window, QStringLiteral("fileMenu"));
    QVERIFY(fileMenu);
    QCOMPARE(fileMenu->title(), QStringLiteral("&File"));

    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QVERIFY(fileMenu->actions().contains(quit));
    QCOMPARE(quit->text(), QStringLiteral("&Quit"));
    QVERIFY2(quit->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)),
             qPrintable(QKeySequence::listToString(quit->shortcuts())));
    QVERIFY(!quit->toolTip().isEmpty());
}

void TestMainWindow::quitClosesTheWindow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QSignalSpy triggered(quit, &QAction::triggered);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Q));
    QCOMPARE(triggered.count(), 1);
    QVERIFY(!window.isVisible());
}

void TestMainWindow::helpMenuHasAbout()
{
    MainWindow window;
    QMenu *helpMenu = menuNamed(window, QStringLiteral("helpMenu"));
    QVERIFY(helpMenu);
    auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    QVERIFY(helpMenu->actions().contains(about));
    QCOMPARE(about->menuRole(), QAction::AboutRole);
}

void TestMainWindow::placeholderIsAccessible()
{
    MainWindow window;
    auto *label = qobject_cast<QLabel *>(window.centralWidget());
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("coming")));
    QVERIFY(!label->accessibleName().isEmpty());
    QVERIFY(!label->toolTip().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
