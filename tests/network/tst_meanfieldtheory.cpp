#include "catalogueactivation.h"
#include "meanfieldtheory.h"
#include "networkreference.h"

#include <QTest>

#include <cmath>

namespace {

bool closeRelative(double got, double want, double tolerance)
{
    return got == want || std::abs(got - want) <= tolerance * std::abs(want);
}

QString describe(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("null");
}

} // namespace

class tst_MeanFieldTheory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reluAtKaimingKeepsTheVariance()
    {
        const MeanFieldTheory theory(catalogueActivation(QStringLiteral("relu")));
        const QList<MeanFieldLayer> curve = theory.depthCurve(2.0, 0.0, 50);
        QCOMPARE(curve.size(), 50);
        for (const MeanFieldLayer &l : curve) {
            QVERIFY(l.variance && closeRelative(*l.variance, 2.0, 1e-12));
            QVERIFY(l.gradientNormRatio && closeRelative(*l.gradientNormRatio, 1.0, 1e-11));
        }
        QCOMPARE(curve.last().layer, 50);
        const std::optional<double> chi = theory.chi1(2.0, 0.0);
        QVERIFY(chi && closeRelative(*chi, 1.0, 1e-13));
        QCOMPARE(MeanFieldTheory::phase(*chi), NetworkPhase::Critical);
        const std::optional<double> critical = theory.criticalWeightVariance(0.0);
        QVERIFY2(critical && closeRelative(*critical, 2.0, 1e-12), qPrintable(describe(critical)));
    }

    void reluAtPytorchDefaultShrinksBySixth()
    {
        const MeanFieldTheory theory(catalogueActivation(QStringLiteral("relu")));
        const QList<MeanFieldLayer> curve = theory.depthCurve(1.0 / 3.0, 0.0, 30);
        for (int l = 1; l < curve.size(); ++l)
            QVERIFY(closeRelative(*curve[l].variance, *curve[l - 1].variance / 6, 1e-12));
        // r^l = (σ_w²/2)^(L−l) = 6^−(L−l)
        QVERIFY(closeRelative(*curve.first().gradientNormRatio, std::pow(6.0, -29), 1e-11));
        QCOMPARE(theory.fixedPoint(1.0 / 3.0, 0.0), std::optional<double>(0.0));
        // At q* = 0 the limit counts: χ₁ = σ_w²/2, not σ_w²·relu′(0)² = 0.
        QVERIFY(closeRelative(*theory.chi1(1.0 / 3.0, 0.0), 1.0 / 6.0, 1e-13));
        QCOMPARE(MeanFieldTheory::phase(1.0 / 6.0), NetworkPhase::Ordered);
    }

    void seluIsSelfNormalising()
    {
        const MeanFieldTheory theory(catalogueActivation(QStringLiteral("selu")));
        const std::optional<double> q = theory.fixedPoint(1.0, 0.0);
        QVERIFY2(q && closeRelative(*q, 1.0, 1e-9), qPrintable(describe(q)));
        const std::optional<double> chi = theory.chi1(1.0, 0.0);
        QVERIFY2(chi && closeRelative(*chi, 1.0716, 1e-4), qPrintable(describe(chi)));
        QCOMPARE(MeanFieldTheory::phase(*chi), NetworkPhase::Chaotic);
    }

    void tanhCriticalLine()
    {
        const MeanFieldTheory theory(catalogueActivation(QStringLiteral("tanh")));
        const std::optional<double> atZero = theory.criticalWeightVariance(0.0);
        QVERIFY2(atZero && closeRelative(*atZero, 1.0, 1e-12), qPrintable(describe(atZero)));
        const std::optional<double> withBias = theory.criticalWeightVariance(0.05);
        QVERIFY2(withBias && std::abs(*withBias - 1.76) < 0.01, qPrintable(describe(withBias)));
        // On the critical line χ₁ is 1.
        const std::optional<double> chi = theory.chi1(*withBias, 0.05);
        QVERIFY2(chi && std::abs(*chi - 1) < 1e-8, qPrintable(describe(chi)));
        QCOMPARE(MeanFieldTheory::phase(*chi), NetworkPhase::Critical);
    }

    // Every quantity of tests/data/network-reference.csv: q curves, q*, χ₁ and the critical σ_w².
    void againstMpmath()
    {
        int rows = 0;
        for (const NetworkReferenceRow &r : networkReference()) {
            const MeanFieldTheory theory(catalogueActivation(r.function, &r.parameters));
            std::optional<double> got;
            double tolerance = 1e-10;
            if (r.quantity == QLatin1String("q")) {
                got = theory.depthCurve(r.weightVariance, r.biasVariance, r.layer).last().variance;
            } else if (r.quantity == QLatin1String("fixed_point")) {
                got = theory.fixedPoint(r.weightVariance, r.biasVariance);
                tolerance = 1e-9; // the root of a map whose slope may be near 1
            } else if (r.quantity == QLatin1String("chi1")) {
                got = theory.chi1(r.weightVariance, r.biasVariance);
                tolerance = 1e-9;
            } else if (r.quantity == QLatin1String("critical_weight_variance")) {
                got = theory.criticalWeightVariance(r.biasVariance);
                tolerance = 1e-9;
            } else {
                continue;
            }
            ++rows;
            if (std::isnan(r.value)) {
                QVERIFY2(!got, qPrintable(r.label() + QStringLiteral(": got ") + describe(got)));
                continue;
            }
            const bool ok = got
                && (r.value == 0 ? std::abs(*got) <= 1e-12 : closeRelative(*got, r.value, tolerance));
            QVERIFY2(ok, qPrintable(r.label() + QStringLiteral(": got %1, want %2")
                                                    .arg(describe(got))
                                                    .arg(r.value, 0, 'g', 17)));
        }
        QVERIFY(rows >= 100);
    }

    void overflowIsNull()
    {
        const MeanFieldTheory theory(catalogueActivation(QStringLiteral("relu")));
        // q^l = 4·2^(l−1) passes 1e200 at l = 664.
        const QList<MeanFieldLayer> curve = theory.depthCurve(4.0, 0.0, 1000);
        const int first = 1 + int(std::ceil(std::log2(1e200 / 4)));
        QVERIFY(curve[first - 2].variance);
        for (int l = first; l <= 1000; ++l)
            QVERIFY2(!curve[l - 1].variance, qPrintable(QString::number(l)));
        // r^l needs q^l…q^999: null below the top, 1 at the top.
        QCOMPARE(curve.last().gradientNormRatio, std::optional<double>(1.0));
        QVERIFY(!curve.first().gradientNormRatio);
        QVERIFY(!theory.fixedPoint(4.0, 0.0));
        QVERIFY(!theory.chi1(4.0, 0.0));
        // No fixed point at all: relu at σ_w² = 2 with a bias grows by σ_b² per layer for ever.
        QVERIFY(!theory.fixedPoint(2.0, 0.1));
    }

    void phases()
    {
        QCOMPARE(MeanFieldTheory::phase(0.5), NetworkPhase::Ordered);
        QCOMPARE(MeanFieldTheory::phase(1 - 0.5 * MeanFieldTheory::CriticalTolerance),
                 NetworkPhase::Critical);
        QCOMPARE(MeanFieldTheory::phase(1 + 2 * MeanFieldTheory::CriticalTolerance),
                 NetworkPhase::Chaotic);
    }

    void noCriticalLine()
    {
        // relu with a bias: χ₁ = σ_w²/2 while q grows without bound; sigmoid: 1/E[σ′²] ≥ 16 > 10.
        QVERIFY(!MeanFieldTheory(catalogueActivation(QStringLiteral("relu"))).criticalWeightVariance(0.1));
        QVERIFY(!MeanFieldTheory(catalogueActivation(QStringLiteral("sigmoid"))).criticalWeightVariance(0.0));
    }
};

QTEST_GUILESS_MAIN(tst_MeanFieldTheory)
#include "tst_meanfieldtheory.moc"
