// Each built-in lesson loads and shows what its text claims.

#include "lessons.h"
#include "meanfieldtheory.h"
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
    void mseAfterSigmoidSaturatesBceWithLogitsDoesNot();
    void deepNetworkClaimsHold();
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
    QCOMPARE(Lessons::all().size(), 8);
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
    for (int i = 0; i < titles.size(); ++i) // numbered in teaching order
        QVERIFY2(titles[i].startsWith(QString("%1. ").arg(i + 1)), qPrintable(titles[i]));
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

// Lesson 8's numbers, from the mean-field theory of the network demonstration it sends to.
void TestLessons::deepNetworkClaimsHold()
{
    load("deep-network-init");
    const Lesson *lesson = Lessons::find(u"deep-network-init");
    QCOMPARE(lesson, &Lessons::all().last());
    QCOMPARE(m_scene.rowCount(), 2);
    QCOMPARE(m_scene.function(0).spec->id, QString("relu"));
    QCOMPARE(m_scene.function(1).spec->id, QString("tanh"));
    QCOMPARE(lesson->focusRow, 0); // relu selected: the demonstration opens on it
    const QString text = Lessons::text(*lesson);
    QVERIFY(text.contains(QString("Deep Network at Initialization")));

    const MeanFieldTheory relu(m_scene.function(0).function());
    // PyTorch's default σ_w² = 1/3 at zero bias: q′ = q/6.
    for (double q : {0.01, 1.0, 37.0})
        QVERIFY(std::abs(relu.nextVariance(1.0 / 3, 0, q) - q / 6) <= 1e-14 * q);
    QVERIFY(std::abs(std::pow(6.0, -10) - 1.7e-8) < 0.05e-8);
    // Its bias 1/(3N) holds q at 2/(5N), where χ₁ = 1/6.
    for (int n : {64, 256, 4096}) {
        const std::optional<double> q = relu.fixedPoint(1.0 / 3, 1.0 / (3.0 * n));
        QVERIFY(q);
        QVERIFY2(std::abs(*q - 2.0 / (5 * n)) <= 1e-9 * *q, qPrintable(QString::number(*q)));
        QVERIFY(std::abs(relu.chi1AtFixedPoint(1.0 / 3, *q) - 1.0 / 6) < 1e-12);
    }
    // Kaiming keeps q and the gradients: every layer as the first, χ₁ = 1.
    const QList<MeanFieldLayer> kaiming = relu.depthCurve(2, 0, 30);
    for (const MeanFieldLayer &l : kaiming) {
        QVERIFY(std::abs(*l.variance - 2) < 1e-12);
        QVERIFY(std::abs(*l.gradientNormRatio - 1) < 1e-12);
    }
    QVERIFY(std::abs(*relu.chi1(2, 0) - 1) < 1e-12);
    // tanh's edge of chaos at σ_b² = 0.05.
    const MeanFieldTheory tanh(m_scene.function(1).function());
    const double critical = *tanh.criticalWeightVariance(0.05);
    QVERIFY2(std::abs(critical - 1.76) < 0.005, qPrintable(QString::number(critical)));
    QCOMPARE(MeanFieldTheory::phase(*tanh.chi1(critical - 0.2, 0.05)), NetworkPhase::Ordered);
    QCOMPARE(MeanFieldTheory::phase(*tanh.chi1(critical + 0.2, 0.05)), NetworkPhase::Chaotic);
}

void TestLessons::mseAfterSigmoidSaturatesBceWithLogitsDoesNot()
{
    load("mse-vs-bce-logits");
    const Lesson *lesson = Lessons::find(u"mse-vs-bce-logits");
    QCOMPARE(lesson, &Lessons::all().at(6)); // after the activations: the gradients of losses
    QCOMPARE(m_scene.rowCount(), 2);
    QCOMPARE(lesson->focusRow, 0); // the MSE row, whose saturated bands show
    const FunctionInstance &mse = m_scene.function(0);
    const FunctionInstance &bce = m_scene.function(1);
    QCOMPARE(mse.spec->kind, FunctionKind::Custom);
    QCOMPARE(mse.spec->id, QString("expr:(sigmoid(x) - y)^2"));
    QCOMPARE(mse.spec->parameterIndex(u"y"), 0);
    QCOMPARE(mse.parameters[0], 1.0);
    QCOMPARE(bce.spec->kind, FunctionKind::Loss);
    QCOMPARE(bce.spec->id, QString("binary_cross_entropy_with_logits"));
    QCOMPARE(bce.parameters[bce.spec->parameterIndex(u"target")], 1.0);
    QCOMPARE(bce.parameters[bce.spec->parameterIndex(u"pos_weight")], 1.0);
    QVERIFY(mse.map.isIdentity() && bce.map.isIdentity());
    QCOMPARE(m_scene.xMin(), -8.0);
    QCOMPARE(m_scene.xMax(), 8.0);
    const double eps = m_scene.epsilon();
    QCOMPARE(eps, 0.01);

    // Closed forms, y = 1: with s = σ(x) and 1 − s = σ(−x),
    // MSE∘σ = (s − 1)², its x-gradient 2(s − 1)·s(1 − s); BCE = softplus(−x), its gradient s − 1.
    const auto sigmoid = [](double x) { return 1 / (1 + std::exp(-x)); };
    for (double x : {-8.0, -6.0, -5.0, -2.0, -0.5, 0.0, 0.7, 2.0, 4.0, 8.0}) {
        const double s = sigmoid(x);
        const double oneMinusS = sigmoid(-x);
        const Derivatives m = mse.at(x);
        const Derivatives b = bce.at(x);
        QVERIFY2(std::fabs(m.f - oneMinusS * oneMinusS) <= 1e-12, qPrintable(QString::number(x)));
        QVERIFY2(std::fabs(m.d1 - 2 * (-oneMinusS) * s * oneMinusS) <= 1e-12, qPrintable(QString::number(x)));
        QVERIFY2(std::fabs(b.f - std::log1p(std::exp(-x))) <= 1e-12, qPrintable(QString::number(x)));
        QVERIFY2(std::fabs(b.d1 - (-oneMinusS)) <= 1e-12, qPrintable(QString::number(x)));
    }

    // At x = −8 the prediction σ(−8) ≈ 0.00034 is completely wrong, yet MSE∘σ barely moves it:
    // 2(σ(−8) − 1)·σ′(−8) ≈ −0.00067, while BCE with logits pushes with σ(−8) − 1 ≈ −0.99966.
    const double s8 = sigmoid(-8);
    const double mseExact = 2 * (s8 - 1) * s8 * (1 - s8);
    QVERIFY(std::fabs(mseExact + 6.702504975e-4) < 1e-12);
    QVERIFY(std::fabs(mse.at(-8).d1 - mseExact) <= 1e-12 * std::fabs(mseExact));
    QVERIFY(std::fabs(mse.at(-8).d1) < eps);
    QVERIFY(std::fabs(bce.at(-8).d1 - (s8 - 1)) <= 1e-15);
    QVERIFY(std::fabs(bce.at(-8).d1 + 0.99966465) < 1e-8);
    // On the whole left half BCE's gradient stays between −1 and −0.5.
    for (int i = 0; i <= 800; ++i) {
        const double d1 = bce.at(-8 + 0.01 * i).d1;
        QVERIFY(d1 >= -1 && d1 <= -0.5);
    }

    // Where |2σ(1 − σ)²| = ε: x ≈ −5.283 on the left and x ≈ 2.535 on the right.
    const auto boundary = [&](double lo, double hi) {
        const auto g = [&](double x) { return 2 * sigmoid(x) * sigmoid(-x) * sigmoid(-x) - eps; };
        const bool gLoNegative = g(lo) < 0;
        for (int i = 0; i < 200; ++i) {
            const double mid = (lo + hi) / 2;
            ((g(mid) < 0) == gLoNegative ? lo : hi) = mid;
        }
        return lo;
    };
    const double left = boundary(-8, -1);
    const double right = boundary(1, 8);
    QVERIFY(std::fabs(left + 5.2831) < 1e-4);
    QVERIFY(std::fabs(right - 2.5347) < 1e-4);

    // MSE∘σ: a saturated band on the left (the wrong side) and one on the right.
    const SaturationResult &m = m_scene.saturation(0);
    QCOMPARE(m.zeroFraction, 0.0);
    QCOMPARE(m.intervals.size(), 2);
    QCOMPARE(m.intervals[0].kind, SaturationKind::Saturated);
    QCOMPARE(m.intervals[0].from, -8.0);
    QVERIFY2(std::fabs(m.intervals[0].to - left) < 1e-9, qPrintable(QString::number(m.intervals[0].to, 'g', 17)));
    QCOMPARE(m.intervals[1].kind, SaturationKind::Saturated);
    QVERIFY2(std::fabs(m.intervals[1].from - right) < 1e-9, qPrintable(QString::number(m.intervals[1].from, 'g', 17)));
    QCOMPARE(m.intervals[1].to, 8.0);
    // Its steepest point: |f′| = 2σ(1 − σ)² peaks at σ = 1/3, x = −ln 2, with 8/27.
    QVERIFY(std::fabs(m.maxAbsGradient - 8.0 / 27) < 1e-9);
    QVERIFY(std::fabs(m.maxAbsGradientAt + std::log(2.0)) < 1e-3);

    // BCE with logits: no band on the left; it fades only where the prediction is right,
    // beyond σ(−x) = ε, x = ln((1 − ε)/ε) ≈ 4.595.
    const SaturationResult &b = m_scene.saturation(1);
    QCOMPARE(b.zeroFraction, 0.0);
    QCOMPARE(b.intervals.size(), 1);
    QCOMPARE(b.intervals[0].kind, SaturationKind::Saturated);
    const double bceBoundary = std::log((1 - eps) / eps);
    QVERIFY(std::fabs(bceBoundary - 4.595) < 1e-3);
    QVERIFY2(std::fabs(b.intervals[0].from - bceBoundary) < 1e-12 * bceBoundary,
             qPrintable(QString::number(b.intervals[0].from, 'g', 17)));
    QCOMPARE(b.intervals[0].to, 8.0);
    for (const SaturationInterval &band : b.intervals)
        QVERIFY(band.from > 0);
    QVERIFY(std::fabs(b.maxAbsGradient - (1 - s8)) < 1e-12);
    QCOMPARE(b.maxAbsGradientAt, -8.0);
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
