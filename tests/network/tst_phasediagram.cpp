#include "catalogueactivation.h"
#include "meanfieldtheory.h"
#include "phasediagram.h"

#include <QTest>

#include <cmath>

class tst_PhaseDiagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // relu is homogeneous: χ = σ_w²/2 at every q, fixed point or not.
    void reluIsHalfTheWeightVariance()
    {
        const PhaseDiagram d = phaseDiagram(catalogueActivation(QStringLiteral("relu")), 8, 4);
        QCOMPARE(d.log10Chi.size(), 32);
        for (int row = 0; row < d.rows; ++row) {
            for (int column = 0; column < d.columns; ++column) {
                const QPointF at = d.cellCentre(column, row);
                const double got = d.log10Chi[row * d.columns + column];
                QVERIFY2(std::abs(got - std::log10(at.x() / 2)) < 1e-9,
                         qPrintable(QStringLiteral("%1, %2: %3").arg(at.x()).arg(at.y()).arg(got)));
            }
        }
        // The critical line is the one point σ_w² = 2 at σ_b² = 0.
        QCOMPARE(d.criticalLine.size(), 1);
        QVERIFY(std::abs(d.criticalLine.first().x() - 2) < 1e-9);
        QCOMPARE(d.criticalLine.first().y(), 0.0);
        QCOMPARE(d.log10ChiAt(1.0, 0.1), d.log10Chi[1 * 8 + 2]);
        QVERIFY(std::isnan(d.log10ChiAt(4.5, 0.1)));
    }

    // tanh: ordered left of the critical line, chaotic right of it; the cells agree with χ₁.
    void tanhEitherSideOfTheCriticalLine()
    {
        const ActivationFunction tanh = catalogueActivation(QStringLiteral("tanh"));
        const PhaseDiagram d = phaseDiagram(tanh, 20, 10, 11);
        QVERIFY(d.criticalLine.size() >= 6); // σ_b² up to 0.25 at least: σ_w² < 4
        QVERIFY(std::abs(d.criticalLine.first().x() - 1) < 1e-6);
        QVERIFY(std::abs(d.criticalLine[1].x() - 1.76) < 0.01); // σ_b² = 0.05
        const MeanFieldTheory theory(tanh);
        for (const QPointF &p : d.criticalLine)
            QVERIFY(std::abs(p.x() - *theory.criticalWeightVariance(p.y())) < 1e-12);
        // Each cell's sign: left of the critical σ_w² at its own σ_b² ordered, right chaotic.
        int ordered = 0;
        int chaotic = 0;
        for (int row = 0; row < d.rows; ++row) {
            for (int column = 0; column < d.columns; ++column) {
                const QPointF at = d.cellCentre(column, row);
                const double critical = *theory.criticalWeightVariance(at.y());
                const double got = d.log10Chi[row * d.columns + column];
                if (at.x() < critical - 0.1) {
                    QVERIFY2(got < 0, qPrintable(QStringLiteral("%1, %2").arg(at.x()).arg(at.y())));
                    ++ordered;
                } else if (at.x() > critical + 0.1) {
                    QVERIFY2(got > 0, qPrintable(QStringLiteral("%1, %2").arg(at.x()).arg(at.y())));
                    ++chaotic;
                }
            }
        }
        QVERIFY(ordered > 20 && chaotic > 20);
        // Away from the line the iteration has settled: χ is χ₁.
        for (const QPointF at : {d.cellCentre(2, 3), d.cellCentre(17, 6)}) {
            const double want = std::log10(*theory.chi1(at.x(), at.y()));
            QVERIFY(std::abs(d.log10ChiAt(at.x(), at.y()) - want) < 1e-6);
        }
    }

    void cancelStopsEarly()
    {
        const std::atomic<bool> cancel{true};
        const PhaseDiagram d =
            phaseDiagram(catalogueActivation(QStringLiteral("tanh")), 10, 10, 41, 4.0, 0.5, &cancel);
        QCOMPARE(d.log10Chi.size(), 10); // one row, then it stopped
        QVERIFY(d.criticalLine.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PhaseDiagram)
#include "tst_phasediagram.moc"
