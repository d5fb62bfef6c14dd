// Monkey test: thousands of random GUI events on a real MainWindow, reproducible from a seed.
//
//   AE_MONKEY_SEED=12345 ./tst_monkey      replays one seed (the failure message names it)
//   AE_MONKEY_EVENTS=20000 ./tst_monkey    events per seed (default 1000, 150 under ASan)
//   AE_MONKEY_TRACE=1 ./tst_monkey         prints each event as it happens
//
// Every item model in the window has a QAbstractItemModelTester; after each batch of events the
// scene, the function list and the charts must agree, and undo then redo must give back the same
// SessionFile JSON. Nothing that opens a modal dialog is chosen; should one open anyway, a
// watchdog fails the test with the seed and event index, and closes it.

#include "activationcatalogue.h"
#include "chartwidget.h"
#include "functionlistpanel.h"
#include "losscatalogue.h"
#include "mainwindow.h"
#include "plotchart.h"
#include "scenehistory.h"
#include "sliderplayer.h"
#include "scenemodel.h"
#include "sessionfile.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QElapsedTimer>
#include <QGraphicsView>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QRandomGenerator>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>

#include <memory>
#include <vector>

namespace {

// Each seed here once found a fault: 7 and 20261127 a resample inside Qt Charts' layout pass,
// 1 a y range set while the axis was still handing out the previous one (a stack overflow in
// Qt Charts), 99 a tool button's menu that blocked the test itself, 218 an axis reaching
// −1.7e308, where Qt Charts' tick loop starts from −inf and never ends (at event 726).
constexpr quint32 DefaultSeeds[] = {4242u, 7u, 20261127u, 1u, 99u, 218u};
// Under AddressSanitizer an event costs about ten times more: fewer by default.
#if defined(__SANITIZE_ADDRESS__)
constexpr int DefaultEvents = 150;
#else
constexpr int DefaultEvents = 1000;
#endif
constexpr int BatchSize = 25;
constexpr int MaxRows = 12;

// Actions that open a modal dialog, a file dialog, the clipboard or close the window.
const QStringList AvoidedActions = {
    "openAction", "saveAction", "saveAsAction", "exportImageAction", "exportAnimationAction",
    "exportDataAction",
    "exportReportAction", "copyImageAction", "quitAction", "aboutAction", "aboutQtAction",
    "startPageAction", "fullScreenAction", "presentationAction",
};

const QStringList Expressions = {
    "x * sigmoid(x)", "tanh(x) + 0.1*x", "x^2", "exp(-x^2)", "log(1 + exp(x))", "1/x",
    "sqrt(x)", "x / (1 + abs(x))", "sin(x)", "max(0, x)", "a*x", "x^", "((", "", "exp(exp(x))",
    "log(0*x)", "x*x*x*x*x*x*x*x*x*x*x", "1e308*x", "-x", "sigmoid(tanh(relu(x)))",
};

const QStringList TypedTexts = {
    "0", "1", "-1", "3.5", "1e-9", "-1e308", "1e400", "nan", "inf", "-inf", "abc", "", "0.0001",
    "12345678901234567890", "2,5", "-0", "  7  ", "1e", "−3",
};

/** The widget's object name, else its nearest named ancestor's ("xMinSpin/qt_spinbox_lineedit"). */
QString nameOf(const QObject *object)
{
    QString name = object->objectName();
    for (const QObject *p = object->parent(); p && (name.isEmpty() || name.startsWith("qt_"));
         p = p->parent()) {
        if (!p->objectName().isEmpty())
            name = p->objectName() + QLatin1Char('/')
                    + (name.isEmpty() ? QString::fromLatin1(object->metaObject()->className()) : name);
    }
    return name.isEmpty() ? QString::fromLatin1(object->metaObject()->className()) : name;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

class TestMonkey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void monkey_data();
    void monkey();

private:
    void attachTesters();
    bool checkInvariants(const char *when);
    void oneEvent();
    void dragSlider();
    void clickButton();
    void pressKey();
    void wheelOnChart();
    void typeInField();
    void chooseCombo();
    void openMenu();
    void triggerAction();
    void addFunction();
    void removeFunction();
    void resizeWindow();
    void clickTab();

    /** One of list's items, chosen by the seeded generator; list is not empty. */
    template<typename List>
    auto pick(const List &list)
    {
        return list.at(int(m_rng.bounded(quint32(list.size()))));
    }

    /** One of live<T>(), chosen by the seeded generator, or nullptr when there is none. */
    template<typename T>
    T *anyLive()
    {
        const QList<T *> all = live<T>();
        return all.isEmpty() ? nullptr : pick(all);
    }

    template<typename T>
    QList<T *> live() const
    {
        QList<T *> out;
        const QList<T *> all = m_window->findChildren<T *>();
        for (T *w : all) {
            if (w->isVisible() && w->isEnabled() && w->window() == m_window.data())
                out.append(w);
        }
        return out;
    }

    QString where() const
    {
        return QStringLiteral("seed %1, event %2 (replay: AE_MONKEY_SEED=%1 ./tst_monkey)")
                .arg(m_seed)
                .arg(m_event);
    }

    QPointer<MainWindow> m_window;
    QRandomGenerator m_rng;
    quint32 m_seed = 0;
    bool m_trace = qEnvironmentVariableIsSet("AE_MONKEY_TRACE"); ///< print every event
    int m_event = -1;
    QString m_lastStep;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QList<QPointer<QAbstractItemModel>> m_tested;
};

void TestMonkey::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(QStringLiteral("startPageShown"), true);
}

void TestMonkey::monkey_data()
{
    QTest::addColumn<quint32>("seed");
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("AE_MONKEY_SEED").toUInt(&ok);
    if (ok) {
        QTest::newRow(qPrintable(QString::number(seed))) << seed;
        return;
    }
    for (quint32 s : DefaultSeeds)
        QTest::newRow(qPrintable(QString::number(s))) << s;
}

void TestMonkey::attachTesters()
{
    QList<QAbstractItemModel *> models { m_window->scene() };
    for (QAbstractItemView *view : m_window->findChildren<QAbstractItemView *>())
        models.append(view->model());
    for (QCompleter *completer : m_window->findChildren<QCompleter *>()) {
        models.append(completer->model());
        models.append(completer->completionModel());
    }
    // The undo stack's model is the History panel's (a QUndoView): covered by the views.
    for (QAbstractItemModel *model : models) {
        if (!model)
            continue;
        bool seen = false;
        for (const QPointer<QAbstractItemModel> &t : m_tested)
            seen = seen || t == model;
        if (seen)
            continue;
        m_tested.append(model);
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
}

void TestMonkey::monkey()
{
    QFETCH(quint32, seed);
    m_seed = seed;
    m_rng.seed(seed);
    m_event = -1;
    const int events = envInt("AE_MONKEY_EVENTS", DefaultEvents);

    QSettings().clear();
    QSettings().setValue(QStringLiteral("startPageShown"), true);
    auto window = std::make_unique<MainWindow>();
    m_window = window.get();
    m_window->setErrorReport([](const QString &, const QString &, QWidget *) {});
    m_window->setOverwriteQuestion([](const QString &, QWidget *) { return false; });
    FunctionListPanel *list = m_window->functionList();
    list->setColorPicker([this](const QColor &, QWidget *) {
        return m_rng.bounded(4) == 0 ? QColor() : QColor::fromRgb(m_rng.generate() | 0xff000000u);
    });
    list->setExpressionPicker([this](QWidget *) {
        return pick(Expressions);
    });
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));

    // A modal dialog would block the test: fail with the seed, then close it. A tool button's
    // menu blocks too (QMenu::exec() in the button's press, seed 99): that is the user's to
    // close, so it is closed, as Escape would, once it has stayed open for a few ticks.
    QTimer watchdog;
    watchdog.setInterval(20);
    QPointer<QWidget> lastPopup;
    int popupTicks = 0;
    connect(&watchdog, &QTimer::timeout, this, [this, &lastPopup, &popupTicks] {
        QWidget *popup = QApplication::activePopupWidget();
        popupTicks = popup && popup == lastPopup ? popupTicks + 1 : 0;
        lastPopup = popup;
        if (popup && popupTicks >= 5)
            popup->close();
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        QTest::qFail(qPrintable(QStringLiteral("a modal %1 '%2' opened after %3 at %4")
                                        .arg(QString::fromLatin1(modal->metaObject()->className()),
                                             modal->windowTitle(), m_lastStep, where())),
                     __FILE__, __LINE__);
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
    });
    watchdog.start();

    m_testers.clear();
    m_tested.clear();
    attachTesters();
    QVERIFY(checkInvariants("at start"));

    QElapsedTimer clock;
    clock.start();
    for (m_event = 0; m_event < events; ++m_event) {
        oneEvent();
        if (QTest::currentTestFailed()) {
            qWarning("monkey failed after %s at %s", qPrintable(m_lastStep), qPrintable(where()));
            return;
        }
        if ((m_event + 1) % BatchSize == 0) {
            attachTesters();
            if (!checkInvariants("after a batch"))
                return;
        }
    }
    QVERIFY(checkInvariants("at the end"));
    qInfo("seed %u: %d events in %.1f s, %d rows, %d undo steps", seed, events,
          clock.elapsed() / 1000.0, m_window->scene()->rowCount(),
          m_window->history()->stack()->count());
    m_testers.clear();
    m_tested.clear();
    window.reset();
    QCoreApplication::processEvents();
}

bool TestMonkey::checkInvariants(const char *when)
{
    // Close what the monkey left half-done: a slider held, a sweep playing, a menu open.
    for (QSlider *slider : m_window->findChildren<QSlider *>()) {
        if (slider->isSliderDown())
            slider->setSliderDown(false);
    }
    SliderPlayer::stopAll();
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    QCoreApplication::processEvents();

    const auto failed = [&](const QString &what) {
        QTest::qFail(qPrintable(QStringLiteral("%1 %2 (last step: %3) at %4")
                                        .arg(what, QString::fromLatin1(when), m_lastStep, where())),
                     __FILE__, __LINE__);
        return false;
    };
    SceneModel *scene = m_window->scene();
    const int rows = scene->rowCount();
    auto *view = m_window->functionList()->findChild<QListView *>(QStringLiteral("functionView"));
    if (!view || !view->model() || view->model()->rowCount() != rows)
        return failed(QStringLiteral("the function list does not show the scene's %1 rows").arg(rows));
    for (ChartWidget *chart : {m_window->functionChart(), m_window->derivativeChart(),
                               m_window->secondDerivativeChart()}) {
        if (!chart || chart->scene() != scene || chart->chart()->isPaused())
            continue;
        if (chart->chart()->rowCount() != rows) {
            return failed(QStringLiteral("%1 does not draw the scene's %2 rows")
                                  .arg(chart->objectName())
                                  .arg(rows));
        }
    }
    QUndoStack *stack = m_window->history()->stack();
    if (stack->canUndo()) {
        const QByteArray before = SessionFile::toJson(*scene, m_window->currentLesson());
        stack->undo();
        QCoreApplication::processEvents();
        stack->redo();
        QCoreApplication::processEvents();
        const QByteArray after = SessionFile::toJson(*scene, m_window->currentLesson());
        if (after != before) {
            return failed(QStringLiteral("undo then redo changed the scene (%1 → %2 bytes)")
                                  .arg(before.size())
                                  .arg(after.size()));
        }
    }
    return !QTest::currentTestFailed();
}

void TestMonkey::oneEvent()
{
    using Step = void (TestMonkey::*)();
    struct Weighted { Step step; int weight; const char *name; };
    static const Weighted steps[] = {
        {&TestMonkey::dragSlider, 20, "slider drag"},
        {&TestMonkey::clickButton, 12, "button click"},
        {&TestMonkey::pressKey, 16, "key press"},
        {&TestMonkey::wheelOnChart, 8, "wheel on a chart"},
        {&TestMonkey::typeInField, 8, "typed text"},
        {&TestMonkey::chooseCombo, 4, "combo box choice"},
        {&TestMonkey::openMenu, 3, "menu opened and closed"},
        {&TestMonkey::triggerAction, 6, "action triggered"},
        {&TestMonkey::addFunction, 8, "function added"},
        {&TestMonkey::removeFunction, 6, "function removed"},
        {&TestMonkey::resizeWindow, 2, "window resized"},
        {&TestMonkey::clickTab, 2, "tab clicked"},
    };
    int total = 0;
    for (const Weighted &s : steps)
        total += s.weight;
    int pick = int(m_rng.bounded(quint32(total)));
    for (const Weighted &s : steps) {
        if (pick < s.weight) {
            m_lastStep = QString::fromLatin1(s.name);
            (this->*s.step)();
            if (m_trace)
                qInfo("event %d: %s", m_event, qPrintable(m_lastStep));
            break;
        }
        pick -= s.weight;
    }
    QCoreApplication::processEvents();
}

void TestMonkey::dragSlider()
{
    QSlider *slider = anyLive<QSlider>();
    if (!slider)
        return;
    m_lastStep = QStringLiteral("drag of %1").arg(nameOf(slider));
    const QPointer<QSlider> guard(slider);
    slider->setSliderDown(true); // sliderPressed: the drag becomes one undo step
    const int moves = 1 + int(m_rng.bounded(6u));
    for (int i = 0; i < moves && guard; ++i) {
        const int span = slider->maximum() - slider->minimum();
        slider->setSliderPosition(slider->minimum()
                                  + (span > 0 ? int(m_rng.bounded(quint32(span) + 1)) : 0));
        QCoreApplication::processEvents();
    }
    if (guard)
        slider->setSliderDown(false);
}

void TestMonkey::clickButton()
{
    QAbstractButton *button = anyLive<QAbstractButton>();
    if (!button)
        return;
    m_lastStep = QStringLiteral("click on %1 '%2'").arg(nameOf(button), button->text());
    if (m_rng.bounded(2u))
        QTest::mouseClick(button, Qt::LeftButton);
    else
        button->click();
}

void TestMonkey::pressKey()
{
    struct Key { Qt::Key key; Qt::KeyboardModifiers mods; };
    static const Key keys[] = {
        {Qt::Key_Z, Qt::ControlModifier}, {Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier},
        {Qt::Key_Y, Qt::ControlModifier}, {Qt::Key_1, Qt::AltModifier},
        {Qt::Key_2, Qt::AltModifier},     {Qt::Key_B, Qt::ControlModifier},
        {Qt::Key_2, Qt::ControlModifier}, {Qt::Key_0, Qt::ControlModifier},
        {Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier},
        {Qt::Key_Left, Qt::NoModifier},   {Qt::Key_Right, Qt::NoModifier},
        {Qt::Key_Up, Qt::NoModifier},     {Qt::Key_Down, Qt::NoModifier},
        {Qt::Key_Left, Qt::ShiftModifier}, {Qt::Key_PageUp, Qt::NoModifier},
        {Qt::Key_Home, Qt::NoModifier},   {Qt::Key_End, Qt::NoModifier},
        {Qt::Key_Delete, Qt::NoModifier}, {Qt::Key_Tab, Qt::NoModifier},
        {Qt::Key_Escape, Qt::NoModifier}, {Qt::Key_Space, Qt::NoModifier},
        {Qt::Key_Return, Qt::NoModifier},
    };
    const Key &k = keys[m_rng.bounded(quint32(std::size(keys)))];
    // Arrows half the time on a chart (they move the trace cursor), else where the focus is.
    QWidget *target = QApplication::focusWidget();
    if (m_rng.bounded(2u) || !target || target->window() != m_window) {
        const QList<ChartWidget *> charts = live<ChartWidget>();
        if (!charts.isEmpty()) {
            ChartWidget *chart = pick(charts);
            auto *view = chart->findChild<QGraphicsView *>();
            target = view ? static_cast<QWidget *>(view) : chart;
            target->setFocus();
        }
    }
    if (!target)
        target = m_window;
    m_lastStep = QStringLiteral("key %1 (modifiers %2) on %3")
                         .arg(QKeySequence(k.key).toString())
                         .arg(int(k.mods))
                         .arg(nameOf(target));
    QTest::keyClick(target, k.key, k.mods);
}

void TestMonkey::wheelOnChart()
{
    ChartWidget *chart = anyLive<ChartWidget>();
    if (!chart)
        return;
    auto *view = chart->findChild<QGraphicsView *>();
    if (!view)
        return;
    QWidget *viewport = view->viewport();
    const QPoint at(int(m_rng.bounded(quint32(std::max(1, viewport->width())))),
                    int(m_rng.bounded(quint32(std::max(1, viewport->height())))));
    static const int deltas[] = {120, -120, 240, -360, 15, -15, 1200};
    const int delta = deltas[m_rng.bounded(quint32(std::size(deltas)))];
    m_lastStep = QStringLiteral("wheel %1 on %2").arg(delta).arg(chart->objectName());
    QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    if (m_rng.bounded(4u) == 0) // a drag (pan) now and then, or a double click (reset)
        QTest::mouseDClick(viewport, Qt::LeftButton, Qt::NoModifier, at);
}

void TestMonkey::typeInField()
{
    QLineEdit *field = anyLive<QLineEdit>();
    if (!field)
        return;
    const QString text = field->objectName() == QLatin1String("functionSearch") && m_rng.bounded(2u)
            ? pick(Expressions)
            : pick(TypedTexts);
    m_lastStep = QStringLiteral("typed '%1' in %2").arg(text, nameOf(field));
    const QPointer<QLineEdit> guard(field);
    field->setFocus();
    field->selectAll();
    // QTest types ASCII only ("−3" has a U+2212 minus): the rest goes in as one text event.
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii)
        QTest::keyClicks(field, text);
    else
        QTest::sendKeyEvent(QTest::KeyAction::Click, field, Qt::Key_unknown, text, Qt::NoModifier);
    if (guard)
        QTest::keyClick(field, m_rng.bounded(3u) ? Qt::Key_Return : Qt::Key_Tab);
    if (QWidget *popup = QApplication::activePopupWidget()) // the completer's list
        QTest::keyClick(popup, Qt::Key_Escape);
}

void TestMonkey::chooseCombo()
{
    QComboBox *combo = anyLive<QComboBox>();
    if (!combo)
        return;
    if (combo->count() == 0)
        return;
    const int index = int(m_rng.bounded(quint32(combo->count())));
    m_lastStep = QStringLiteral("choice %1 of %2").arg(index).arg(nameOf(combo));
    combo->setCurrentIndex(index);
}

void TestMonkey::openMenu()
{
    const QList<QAction *> menus = m_window->menuBar()->actions();
    if (menus.isEmpty())
        return;
    QAction *entry = pick(menus);
    QMenu *menu = entry->menu();
    if (!menu)
        return;
    m_lastStep = QStringLiteral("menu %1 opened").arg(menu->objectName());
    menu->popup(m_window->mapToGlobal(QPoint(20, 20)));
    QCoreApplication::processEvents();
    // Move through it with the arrows, but never press Return: some entries open dialogs.
    const int moves = int(m_rng.bounded(5u));
    for (int i = 0; i < moves && menu->isVisible(); ++i)
        QTest::keyClick(menu, Qt::Key_Down);
    if (menu->isVisible())
        QTest::keyClick(menu, Qt::Key_Escape);
    if (menu->isVisible())
        menu->close();
}

void TestMonkey::triggerAction()
{
    QList<QAction *> actions;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->isEnabled() && !a->menu() && !a->isSeparator()
            && !AvoidedActions.contains(a->objectName()))
            actions.append(a);
    }
    if (actions.isEmpty())
        return;
    QAction *action = pick(actions);
    m_lastStep = QStringLiteral("action %1 '%2'").arg(action->objectName(), action->text());
    action->trigger();
    // The demonstrations open windows of their own: close them again.
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top != m_window && top->isVisible() && !top->inherits("QMenu")
            && top->objectName().endsWith(QLatin1String("Window")))
            top->close();
    }
}

void TestMonkey::addFunction()
{
    if (m_window->scene()->rowCount() >= MaxRows)
        return removeFunction();
    QString text;
    switch (m_rng.bounded(4u)) {
    case 0:
    case 1: {
        const QList<ActivationSpec> &all = ActivationCatalogue::all();
        text = pick(all).id;
        break;
    }
    case 2: {
        const QList<ActivationSpec> &all = LossCatalogue::all();
        text = pick(all).id;
        break;
    }
    default:
        text = pick(Expressions);
    }
    m_lastStep = QStringLiteral("addFunction('%1')").arg(text);
    m_window->functionList()->addFunction(text);
}

void TestMonkey::removeFunction()
{
    FunctionListPanel *list = m_window->functionList();
    const int rows = m_window->scene()->rowCount();
    if (rows == 0)
        return;
    list->setCurrentRow(int(m_rng.bounded(quint32(rows))));
    auto *remove = list->findChild<QAbstractButton *>(QStringLiteral("removeButton"));
    m_lastStep = QStringLiteral("remove row %1").arg(list->currentRow());
    if (remove && remove->isEnabled())
        remove->click();
}

void TestMonkey::resizeWindow()
{
    const QSize size(300 + int(m_rng.bounded(1500u)), 200 + int(m_rng.bounded(1000u)));
    m_lastStep = QStringLiteral("resize to %1×%2").arg(size.width()).arg(size.height());
    m_window->resize(size);
}

void TestMonkey::clickTab()
{
    QTabBar *bar = anyLive<QTabBar>();
    if (!bar)
        return;
    if (bar->count() == 0)
        return;
    const int index = int(m_rng.bounded(quint32(bar->count())));
    m_lastStep = QStringLiteral("tab %1 of %2").arg(index).arg(nameOf(bar));
    QTest::mouseClick(bar, Qt::LeftButton, Qt::NoModifier, bar->tabRect(index).center());
}

QTEST_MAIN(TestMonkey)
#include "tst_monkey.moc"
