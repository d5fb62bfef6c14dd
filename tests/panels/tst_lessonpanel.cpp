// The lesson panel: the current lesson's title and text, Previous / Next and the list, which
// report the user's choice upward; setCurrentLesson() shows a lesson without reporting.

#include "lessonpanel.h"
#include "lessons.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestLessonPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsWithNoLesson();
    void setCurrentLessonShowsWithoutSignal_data();
    void setCurrentLessonShowsWithoutSignal();
    void unknownIdShowsNone();
    void nextAndPrevious();
    void nextFromNothingStartsTheFirst();
    void listRequestsALesson();
    void textIsLargeAndWrapped();
    void everyControlHasTooltipAndName();

private:
    template<typename T> T *child(const QString &name) const
    {
        T *w = m_panel->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    static QString idAt(int i) { return QString::fromLatin1(Lessons::all().at(i).id); }

    std::unique_ptr<LessonPanel> m_panel;
};

void TestLessonPanel::init()
{
    m_panel = std::make_unique<LessonPanel>();
    m_panel->resize(420, 480);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestLessonPanel::cleanup()
{
    m_panel.reset();
}

void TestLessonPanel::startsWithNoLesson()
{
    QCOMPARE(m_panel->currentLesson(), QString());
    QCOMPARE(child<QComboBox>("lessonList")->currentIndex(), -1);
    QCOMPARE(child<QComboBox>("lessonList")->count(), Lessons::all().size());
    QVERIFY(!child<QPushButton>("lessonPrevious")->isEnabled());
    QVERIFY(child<QPushButton>("lessonNext")->isEnabled());
    QVERIFY(!child<QLabel>("lessonTitle")->text().isEmpty());
}

void TestLessonPanel::setCurrentLessonShowsWithoutSignal_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < Lessons::all().size(); ++i)
        QTest::newRow(Lessons::all().at(i).id) << i;
}

void TestLessonPanel::setCurrentLessonShowsWithoutSignal()
{
    QFETCH(int, index);
    const Lesson &lesson = Lessons::all().at(index);
    QSignalSpy requested(m_panel.get(), &LessonPanel::lessonRequested);
    m_panel->setCurrentLesson(idAt(index));
    QCOMPARE(requested.size(), 0);
    QCOMPARE(m_panel->currentLesson(), idAt(index));
    QCOMPARE(child<QLabel>("lessonTitle")->text(), Lessons::title(lesson));
    QCOMPARE(child<QLabel>("lessonText")->text(), Lessons::text(lesson));
    QCOMPARE(child<QComboBox>("lessonList")->currentIndex(), index);
    QCOMPARE(child<QComboBox>("lessonList")->currentData().toString(), idAt(index));
    QCOMPARE(child<QPushButton>("lessonPrevious")->isEnabled(), index > 0);
    QCOMPARE(child<QPushButton>("lessonNext")->isEnabled(), index + 1 < Lessons::all().size());
}

void TestLessonPanel::unknownIdShowsNone()
{
    m_panel->setCurrentLesson("sigmoid-saturates");
    m_panel->setCurrentLesson("no-such-lesson");
    QCOMPARE(m_panel->currentLesson(), QString());
    QCOMPARE(child<QComboBox>("lessonList")->currentIndex(), -1);
}

void TestLessonPanel::nextAndPrevious()
{
    m_panel->setCurrentLesson(idAt(1));
    QSignalSpy requested(m_panel.get(), &LessonPanel::lessonRequested);
    QTest::mouseClick(child<QPushButton>("lessonNext"), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.takeFirst().at(0).toString(), idAt(2));
    QCOMPARE(m_panel->currentLesson(), idAt(2));
    QCOMPARE(child<QLabel>("lessonTitle")->text(), Lessons::title(Lessons::all().at(2)));
    QTest::mouseClick(child<QPushButton>("lessonPrevious"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("lessonPrevious"), Qt::LeftButton);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), idAt(0));
    QVERIFY(!child<QPushButton>("lessonPrevious")->isEnabled());
    // At the end Next is disabled, and a click does nothing.
    m_panel->setCurrentLesson(idAt(int(Lessons::all().size()) - 1));
    requested.clear();
    QTest::mouseClick(child<QPushButton>("lessonNext"), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
}

void TestLessonPanel::nextFromNothingStartsTheFirst()
{
    QSignalSpy requested(m_panel.get(), &LessonPanel::lessonRequested);
    QTest::mouseClick(child<QPushButton>("lessonNext"), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QString("step-cannot-learn"));
}

void TestLessonPanel::listRequestsALesson()
{
    QSignalSpy requested(m_panel.get(), &LessonPanel::lessonRequested);
    auto *list = child<QComboBox>("lessonList");
    list->setFocus();
    // Keyboard selection in a closed combo box is a user choice: it emits activated().
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), idAt(0));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), QString("sigmoid-saturates"));
    QCOMPARE(m_panel->currentLesson(), QString("sigmoid-saturates"));
}

void TestLessonPanel::textIsLargeAndWrapped()
{
    m_panel->setCurrentLesson("sigmoid-saturates");
    auto *title = child<QLabel>("lessonTitle");
    auto *text = child<QLabel>("lessonText");
    QVERIFY(title->wordWrap());
    QVERIFY(text->wordWrap());
    QVERIFY(title->font().bold());
    QVERIFY(title->font().pointSizeF() > m_panel->font().pointSizeF() * 1.5);
    QVERIFY(text->font().pointSizeF() > m_panel->font().pointSizeF() * 1.2);
    // Wrapped to the panel's width: no horizontal scrolling.
    QVERIFY(text->width() <= m_panel->width());
    // A bigger panel font (presentation mode) makes the lesson bigger too.
    QFont big = m_panel->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    m_panel->setFont(big);
    QCOMPARE(text->font().pointSizeF(), big.pointSizeF() * LessonPanel::TextScale);
}

void TestLessonPanel::everyControlHasTooltipAndName()
{
    const QList<QWidget *> controls { child<QComboBox>("lessonList"),
                                      child<QPushButton>("lessonPrevious"),
                                      child<QPushButton>("lessonNext"),
                                      child<QLabel>("lessonTitle"), child<QLabel>("lessonText") };
    for (QWidget *w : controls) {
        QVERIFY(w);
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

QTEST_MAIN(TestLessonPanel)
#include "tst_lessonpanel.moc"
