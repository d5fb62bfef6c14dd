// An activation under the affine map c·f(a·x) + d: chain rule, kinks, flat regions, labels.

#include "activationfunction.h"
#include "saturation.h"
#include "sampling.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {
const ActivationSpec &spec(const char16_t *id) { return *ActivationCatalogue::find(id); }
constexpr double Inf = std::numeric_limits<double>::infinity();
} // namespace

class TestActivationFunction : public QObject
{
    Q_OBJECT

private slots:
    void identityMapIsTheActivation();
    void chainRule_data();
    void chainRule();
    void tanhIsTwoSigmoidOfTwoXMinusOne();
    void kinksAndFlatRegionsFollowTheInputScale();
    void saturationUsesTheMap();
    void labelsSayWhatIsDrawn();
    void refusesBadMaps();
};

void TestActivationFunction::identityMapIsTheActivation()
{
    const ActivationFunction fn(spec(u"gelu"), {1, 0});
    for (double x : {-3.0, -0.5, 0.0, 0.7, 4.0}) {
        const Derivatives a = fn.at(x), b = spec(u"gelu").at(x, {1, 0});
        QCOMPARE(a.f, b.f);
        QCOMPARE(a.d1, b.d1);
        QCOMPARE(a.d2, b.d2);
    }
}

void TestActivationFunction::chainRule_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("c");
    QTest::addColumn<double>("d");
    QTest::newRow("2·f(2x) − 1") << 2.0 << 2.0 << -1.0;
    QTest::newRow("f(−x)") << -1.0 << 1.0 << 0.0;
    QTest::newRow("0.5·f(3x) + 2") << 3.0 << 0.5 << 2.0;
    QTest::newRow("−f(0.25x)") << 0.25 << -1.0 << 0.0;
}

void TestActivationFunction::chainRule()
{
    QFETCH(double, a);
    QFETCH(double, c);
    QFETCH(double, d);
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        const ParameterValues p = s.defaults();
        const ActivationFunction fn(s, p, {a, c, d});
        for (double x : {-2.7, -0.9, 0.35, 1.3, 2.9}) {
            const Derivatives inner = s.at(a * x, p);
            const Derivatives g = fn.at(x);
            QCOMPARE(g.f, c * inner.f + d);
            QCOMPARE(g.d1, c * a * inner.d1);
            QCOMPARE(g.d2, c * a * a * inner.d2);
        }
        // And against a central difference of g itself, away from kinks.
        bool nearKink = false;
        for (double k : fn.kinks())
            nearKink = nearKink || std::fabs(k - 0.35) < 0.01;
        if (!nearKink && s.id != QLatin1String("step")) {
            const double h = 1e-6;
            const double fd = (fn.at(0.35 + h).f - fn.at(0.35 - h).f) / (2 * h);
            QVERIFY2(std::fabs(fd - fn.at(0.35).d1) < 1e-6 * std::max(1.0, std::fabs(fd)), qPrintable(s.id));
        }
    }
}

void TestActivationFunction::tanhIsTwoSigmoidOfTwoXMinusOne()
{
    // The tutorial's identity, lesson 3: the two curves coincide, and so do their gradients.
    const ActivationFunction scaled(spec(u"sigmoid"), {}, {2, 2, -1});
    const ActivationFunction tanh(spec(u"tanh"), {});
    for (int i = 0; i <= 1200; ++i) {
        const double x = -6 + 0.01 * i;
        QVERIFY(std::fabs(scaled.at(x).f - tanh.at(x).f) <= 1e-12);
        QVERIFY(std::fabs(scaled.at(x).d1 - tanh.at(x).d1) <= 1e-12);
        QVERIFY(std::fabs(scaled.at(x).d2 - tanh.at(x).d2) <= 1e-12);
    }
}

void TestActivationFunction::kinksAndFlatRegionsFollowTheInputScale()
{
    const ActivationFunction relu6(spec(u"relu6"), {}, {2, 1, 0});
    QCOMPARE(relu6.kinks(), (QList<double>{0, 3}));
    const ActivationFunction mirrored(spec(u"relu6"), {}, {-2, 1, 0});
    QCOMPARE(mirrored.kinks(), (QList<double>{-3, -0.0}));
    const QList<Interval> flat = mirrored.flatRegions();
    QCOMPARE(flat.size(), 2);
    QCOMPARE(flat[0].from, -Inf);
    QCOMPARE(flat[0].to, -3.0);
    QCOMPARE(flat[1].from, -0.0);
    QCOMPARE(flat[1].to, Inf);
    const ActivationFunction flattened(spec(u"sigmoid"), {}, {1, 0, 0.5});
    QCOMPARE(flattened.flatRegions().size(), 1);
}

void TestActivationFunction::saturationUsesTheMap()
{
    // |2·σ′(2x)·2| < ε is tanh's band: the boundary atanh(√(1 − ε)).
    const ActivationFunction scaled(spec(u"sigmoid"), {}, {2, 2, -1});
    const SaturationResult r = analyseSaturation(scaled, -6, 6, 0.01);
    QCOMPARE(r.intervals.size(), 2);
    const double boundary = std::atanh(std::sqrt(1 - 0.01));
    QVERIFY(std::fabs(r.intervals[1].from - boundary) < 1e-12 * boundary);
    QVERIFY(std::fabs(r.maxAbsGradient - 1.0) < 1e-15);
    // relu(−x): dead for x ≥ 0, a zero band.
    const SaturationResult mirrored = analyseSaturation(ActivationFunction(spec(u"relu"), {}, {-1, 1, 0}), -6, 6, 0.01);
    QCOMPARE(mirrored.intervals.size(), 1);
    QCOMPARE(mirrored.intervals[0].kind, SaturationKind::Zero);
    QCOMPARE(mirrored.intervals[0].from, 0.0);
    QCOMPARE(mirrored.intervals[0].to, 6.0);
    // The plot sampler draws the mapped curve, with relu(−x)'s kink at 0 exactly on a sample.
    PlotViewport view;
    const PlotCurve c = samplePlotCurve(ActivationFunction(spec(u"relu"), {}, {-1, 1, 0}), 0, view);
    QCOMPARE(c.pieces.first().first(), QPointF(-6, 6));
    bool kinkSampled = false;
    for (const QPointF &p : c.pieces.first())
        kinkSampled = kinkSampled || p.x() == 0.0;
    QVERIFY(kinkSampled);
}

void TestActivationFunction::labelsSayWhatIsDrawn()
{
    QCOMPARE(AffineMap{}.apply("sigmoid"), QString("sigmoid"));
    QCOMPARE((AffineMap{2, 2, -1}.apply("sigmoid")), QString("2·sigmoid(2x) − 1"));
    QCOMPARE((AffineMap{-1, 1, 0}.apply("relu")), QString("relu(−x)"));
    QCOMPARE((AffineMap{1, 0.5, 0.25}.apply("tanh")), QString("0.5·tanh(x) + 0.25"));
}

void TestActivationFunction::refusesBadMaps()
{
    QCOMPARE((AffineMap{0, 1, 0}.check()), QString("input scale must be a finite number ≠ 0 (got 0)"));
    QCOMPARE((AffineMap{1, Inf, 0}.check()), QString("output scale must be a finite number (got inf)"));
    QCOMPARE((AffineMap{1, 1, std::nan("")}.check()), QString("output shift must be a finite number (got nan)"));
    QVERIFY((AffineMap{-3, 0, 2}.check()).isEmpty());
}

QTEST_GUILESS_MAIN(TestActivationFunction)
#include "tst_activationfunction.moc"
