// Each built-in lesson loads and shows what its text claims.

#include "lessons.h"
#include "scenemodel.h"

#include <QTest>

#include <cmath>

class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void everyLessonLoads();
    void stepHasZeroGradientEverywhere();
    void sigmoidSaturatesBeyondFourPointSix();
    void tanhCoincidesWithScaledSigmoid();
    void reluIsOneOrZero();
    void smoothRelusSaturateButDoNotDie();
    void hardVersionsHaveZeroBands();
    void failureLeavesSceneIntact();

private:
    SceneModel m_scene;
    void load(const char *id)
    {
        const Lesson *lesson = Lessons::find(QString::fromLatin1(id));
        QVERIFY(lesson);
        QString error;
        QVERIFY2(Lessons::apply(*lesson, m_scene, &error), qPrintable(error));
    }
};

void TestLessons::everyLessonLoads()
{
    QCOMPARE(Lessons::all().size(), 6);
    QStringList titles;
    for (const Lesson &lesson : Lessons::all()) {
        QString error;
        QVERIFY2(Lessons::apply(lesson, m_scene, &error), qPrintable(error));
        QCOMPARE(m_scene.rowCount(), lesson.functions.size());
        QCOMPARE(m_scene.xMin(), lesson.xMin);
        QCOMPARE(m_scene.xMax(), lesson.xMax);
        QVERIFY(!Lessons::text(lesson).isEmpty());
        titles << Lessons::title(lesson);
    }
    QVERIFY(titles.first().startsWith("1. "));
    QVERIFY(Lessons::find(u"nope") == nullptr);
}

void TestLessons::stepHasZeroGradientEverywhere()
{
    load("step-cannot-learn");
    const SaturationResult &s = m_scene.saturation(0);
    QCOMPARE(s.zeroFraction, 1.0);
    QCOMPARE(s.intervals.size(), 2); // split at 0, where there is no derivative
    QCOMPARE(s.intervals[0].to, 0.0);
    QVERIFY(std::isnan(m_scene.function(0).at(0.0).d1));
}

void TestLessons::sigmoidSaturatesBeyondFourPointSix()
{
    load("sigmoid-saturates");
    QCOMPARE(m_scene.samples().size(), 10); // torch.linspace(-100, 100, 10)
    const SaturationResult &s = m_scene.saturation(0);
    QCOMPARE(s.intervals.size(), 2);
    const double eps = m_scene.epsilon();
    const double boundary = std::log((1 + std::sqrt(1 - 4 * eps)) / (1 - std::sqrt(1 - 4 * eps)));
    QVERIFY(std::fabs(boundary - 4.585) < 1e-3);
    QVERIFY(std::fabs(s.intervals[0].to + boundary) < 1e-12 * boundary);
    QVERIFY(std::fabs(s.intervals[1].from - boundary) < 1e-12 * boundary);
    QVERIFY(s.saturatedFraction > 0.95);
    // sigmoid(100) is close to 1, not 0 (the tutorial's slip).
    QVERIFY(m_scene.function(0).at(100).f > 0.999999);
}

void TestLessons::tanhCoincidesWithScaledSigmoid()
{
    load("tanh-is-scaled-sigmoid");
    QCOMPARE(m_scene.function(1).label(), QString("2·sigmoid(2x) − 1"));
    for (int i = 0; i <= 800; ++i) {
        const double x = -4 + 0.01 * i;
        const Derivatives a = m_scene.function(0).at(x);
        const Derivatives b = m_scene.function(1).at(x);
        QVERIFY(std::fabs(a.f - b.f) <= 1e-12);
        QVERIFY(std::fabs(a.d1 - b.d1) <= 1e-12);
    }
    // And on the plotted curves: the y range is (−1, 1) for both.
    QVERIFY(m_scene.yRange(0).from > -1.2 && m_scene.yRange(0).to < 1.2);
}

void TestLessons::reluIsOneOrZero()
{
    load("relu-gradient");
    const SaturationResult &s = m_scene.saturation(0);
    QCOMPARE(s.intervals.size(), 1);
    QCOMPARE(s.intervals[0].kind, SaturationKind::Zero);
    QCOMPARE(s.intervals[0].from, -1.0);
    QCOMPARE(s.intervals[0].to, 0.0);
    QCOMPARE(m_scene.function(0).at(0.0).d1, 0.0);
    QCOMPARE(m_scene.function(0).at(0.5).d1, 1.0);
}

void TestLessons::smoothRelusSaturateButDoNotDie()
{
    load("smooth-relus");
    for (int r = 0; r < m_scene.rowCount(); ++r) {
        const SaturationResult &s = m_scene.saturation(r);
        QCOMPARE(s.zeroFraction, 0.0);
        QVERIFY2(!s.intervals.isEmpty(), qPrintable(m_scene.function(r).label()));
        QCOMPARE(s.intervals.first().from, -10.0);
        QCOMPARE(s.intervals.first().kind, SaturationKind::Saturated);
    }
    // gelu, silu and mish dip below 0 on the left.
    for (int r = 0; r < 3; ++r)
        QVERIFY(m_scene.function(r).at(-1.0).f < 0);
}

void TestLessons::hardVersionsHaveZeroBands()
{
    load("hard-approximations");
    QCOMPARE(m_scene.function(0).spec->id, QString("hardsigmoid"));
    const SaturationResult &hard = m_scene.saturation(0);
    QCOMPARE(hard.intervals.size(), 2);
    QCOMPARE(hard.intervals[0].to, -3.0);
    QCOMPARE(hard.intervals[1].from, 3.0);
    QCOMPARE(hard.zeroFraction, 0.5);
    QCOMPARE(m_scene.saturation(1).zeroFraction, 0.0); // sigmoid only saturates
    QCOMPARE(m_scene.saturation(4).intervals[0].to, -1.0); // hardtanh
    QCOMPARE(m_scene.saturation(5).zeroFraction, 0.0);     // tanh
}

void TestLessons::failureLeavesSceneIntact()
{
    QVERIFY(m_scene.setRange(-2, 3));
    m_scene.clear();
    QVERIFY(m_scene.addFunction("relu"));
    Lesson broken = Lessons::all().first();
    broken.functions = {{"no_such_function", {}, {}}};
    QString error;
    QVERIFY(!Lessons::apply(broken, m_scene, &error));
    QVERIFY(error.contains("no_such_function"));
    QCOMPARE(m_scene.rowCount(), 1);
    QCOMPARE(m_scene.xMin(), -2.0);
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
