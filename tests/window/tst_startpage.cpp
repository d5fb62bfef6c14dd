// The start page: a welcome line, one big button per lesson (title and first sentence) and
// "Just explore", each reporting the choice upward.

#include "lessons.h"
#include "startpage.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestStartPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstSentence_data();
    void firstSentence();
    void oneButtonPerLesson();
    void clickingALessonRequestsIt_data();
    void clickingALessonRequestsIt();
    void justExplore();
    void keyboardActivates();
    void everyControlHasTooltipAndName();
    void fitsAProjectorWithoutSideScrolling();

private:
    std::unique_ptr<StartPage> m_page;
};

void TestStartPage::init()
{
    m_page = std::make_unique<StartPage>();
    m_page->resize(900, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestStartPage::cleanup()
{
    m_page.reset();
}

void TestStartPage::firstSentence_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("two sentences") << "One thing. Another."
                                   << "One thing.";
    QTest::newRow("decimal point") << "Below ε beyond |x| ≈ 4.6 here. Next."
                                   << "Below ε beyond |x| ≈ 4.6 here.";
    QTest::newRow("one sentence") << "Only this"
                                  << "Only this";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("Chinese") << "梯度为零。所以无法学习。"
                             << "梯度为零。";
    QTest::newRow("lesson 1") << QString(Lessons::all().at(0).text)
                              << "The perceptron fires when its weighted sum is positive: f(x) = 1 "
                                 "if x > 0, else 0.";
    QTest::newRow("lesson 2") << QString(Lessons::all().at(1).text)
                              << "σ(x) = 1/(1 + e⁻ˣ) squeezes every input into (0, 1).";
}

void TestStartPage::firstSentence()
{
    QFETCH(QString, text);
    QFETCH(QString, sentence);
    QCOMPARE(StartPage::firstSentence(text), sentence);
}

void TestStartPage::oneButtonPerLesson()
{
    const QList<Lesson> &lessons = Lessons::all();
    for (const Lesson &lesson : lessons) {
        auto *button
            = m_page->findChild<QCommandLinkButton *>(QStringLiteral("lesson-") + lesson.id);
        QVERIFY2(button, lesson.id);
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), Lessons::title(lesson));
        QCOMPARE(button->description(), StartPage::firstSentence(Lessons::text(lesson)));
        QCOMPARE(button->toolTip(), Lessons::text(lesson));
        // Big: taller than an ordinary push button line.
        QVERIFY(button->height() >= 2 * button->fontMetrics().height());
    }
    QCOMPARE(m_page->findChildren<QCommandLinkButton *>().size(), lessons.size() + 1);
    auto *welcome = m_page->findChild<QLabel *>(QStringLiteral("startWelcome"));
    QVERIFY(welcome);
    QVERIFY(welcome->text().contains("Welcome"));
}

void TestStartPage::clickingALessonRequestsIt_data()
{
    QTest::addColumn<QString>("id");
    for (const Lesson &lesson : Lessons::all())
        QTest::newRow(lesson.id) << QString::fromLatin1(lesson.id);
}

void TestStartPage::clickingALessonRequestsIt()
{
    QFETCH(QString, id);
    QSignalSpy requested(m_page.get(), &StartPage::lessonRequested);
    QSignalSpy explore(m_page.get(), &StartPage::exploreRequested);
    auto *button = m_page->findChild<QCommandLinkButton *>(QStringLiteral("lesson-") + id);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), id);
    QCOMPARE(explore.size(), 0);
}

void TestStartPage::justExplore()
{
    QSignalSpy requested(m_page.get(), &StartPage::lessonRequested);
    QSignalSpy explore(m_page.get(), &StartPage::exploreRequested);
    auto *button = m_page->findChild<QCommandLinkButton *>(QStringLiteral("explore"));
    QVERIFY(button);
    QVERIFY(button->text().contains("explore"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(explore.size(), 1);
    QCOMPARE(requested.size(), 0);
}

void TestStartPage::keyboardActivates()
{
    QSignalSpy requested(m_page.get(), &StartPage::lessonRequested);
    auto *button = m_page->findChild<QCommandLinkButton *>(QStringLiteral("lesson-relu-gradient"));
    QVERIFY(button);
    QCOMPARE(button->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QString("relu-gradient"));
}

void TestStartPage::everyControlHasTooltipAndName()
{
    for (QCommandLinkButton *b : m_page->findChildren<QCommandLinkButton *>()) {
        QVERIFY2(!b->toolTip().isEmpty(), qPrintable(b->objectName()));
        QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->objectName()));
        QVERIFY2(!b->accessibleDescription().isEmpty(), qPrintable(b->objectName()));
    }
    for (QLabel *l : m_page->findChildren<QLabel *>()) {
        QVERIFY2(!l->toolTip().isEmpty(), qPrintable(l->objectName()));
        QVERIFY2(!l->accessibleName().isEmpty(), qPrintable(l->objectName()));
    }
}

void TestStartPage::fitsAProjectorWithoutSideScrolling()
{
    // On a 1024 × 768 projector the window opens the page 720 pixels wide, less the dialog's
    // margins: every title shows whole and nothing scrolls sideways (a long lesson title once
    // made the buttons 800 pixels wide, cutting every description off at the right).
    m_page->resize(700, 540);
    auto *scroll = m_page->findChild<QScrollArea *>(QStringLiteral("startScroll"));
    QVERIFY(scroll);
    QTRY_COMPARE(scroll->viewport()->width() > 0, true);
    QCoreApplication::processEvents();
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
    for (const QCommandLinkButton *b : m_page->findChildren<QCommandLinkButton *>()) {
        QVERIFY2(b->width() >= b->sizeHint().width(), qPrintable(b->text()));
        QVERIFY2(b->geometry().right() < scroll->viewport()->width(), qPrintable(b->text()));
    }
}

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
