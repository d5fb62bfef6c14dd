#include "catalogueactivation.h"
#include "gaussianexpectation.h"
#include "networkreference.h"

#include <QTest>

#include <cmath>

namespace {

double relativeError(double got, double ref)
{
    return got == ref ? 0.0 : std::abs(got - ref) / std::abs(ref);
}

} // namespace

class tst_GaussianExpectation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void againstMpmath()
    {
        int rows = 0;
        double worst = 0;
        for (const NetworkReferenceRow &r : networkReference()) {
            if (r.quantity != QLatin1String("phi2") && r.quantity != QLatin1String("dphi2"))
                continue;
            const GaussianExpectation e(catalogueActivation(r.function, &r.parameters));
            const GaussianMoments m = e.at(r.q);
            const double got = r.quantity == QLatin1String("phi2") ? m.phiSquared : m.derivativeSquared;
            const double error = relativeError(got, r.value);
            worst = std::max(worst, error);
            QVERIFY2(error <= 1e-10, qPrintable(r.label() + QStringLiteral(": got %1, want %2")
                                                    .arg(got, 0, 'g', 17)
                                                    .arg(r.value, 0, 'g', 17)));
            ++rows;
        }
        QVERIFY(rows >= 90);
        qInfo("%d expectations, worst relative error %.2g", rows, worst);
    }

    // E[relu(√q z)²] = q/2 and E[relu′²] = 1/2 at every q, the limit q → 0⁺ included, although
    // PyTorch's relu′(0) = 0.
    void reluClosedForm_data()
    {
        QTest::addColumn<double>("q");
        for (const double q : {0.0, 1e-250, 1e-8, 0.3, 1.0, 7.0, 1e6, 1e150})
            QTest::addRow("q=%g", q) << q;
    }

    void reluClosedForm()
    {
        QFETCH(double, q);
        const GaussianMoments m = GaussianExpectation(catalogueActivation(QStringLiteral("relu"))).at(q);
        QVERIFY2(relativeError(m.phiSquared, q / 2) <= 1e-13 || (q == 0 && m.phiSquared == 0),
                 qPrintable(QString::number(m.phiSquared, 'g', 17)));
        QVERIFY2(relativeError(m.derivativeSquared, 0.5) <= 1e-13,
                 qPrintable(QString::number(m.derivativeSquared, 'g', 17)));
    }

    void affineMapScalesTheArgument()
    {
        // 2·tanh(3x) + 0: E[(2 tanh(3√q z))²] = 4·E[tanh(√(9q) z)²], and φ′ = 6·tanh′(3x).
        const ActivationSpec &tanh = *ActivationCatalogue::find(u"tanh");
        const GaussianExpectation mapped(ActivationFunction(tanh, tanh.defaults(), {3.0, 2.0, 0.0}));
        const GaussianExpectation plain(catalogueActivation(QStringLiteral("tanh")));
        const GaussianMoments a = mapped.at(0.7);
        const GaussianMoments b = plain.at(9 * 0.7);
        QVERIFY(relativeError(a.phiSquared, 4 * b.phiSquared) <= 1e-12);
        QVERIFY(relativeError(a.derivativeSquared, 36 * b.derivativeSquared) <= 1e-12);
    }

    // A typed expression is a φ like any other (the scene passes either as an ActivationFunction).
    void typedExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("id");
        QTest::newRow("silu") << "x*sigmoid(x)" << "silu";
        QTest::newRow("relu by max") << "max(x, 0)" << "relu";
        QTest::newRow("tanh by sigmoid") << "2*sigmoid(2*x) - 1" << "tanh";
    }

    void typedExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, id);
        const ActivationSpec *custom = ActivationCatalogue::find(QStringLiteral("expr:") + expression);
        QVERIFY(custom);
        const GaussianExpectation typed(ActivationFunction(*custom, custom->defaults()));
        const GaussianExpectation catalogue(catalogueActivation(id));
        for (const double q : {0.01, 1.0, 30.0}) {
            const GaussianMoments a = typed.at(q);
            const GaussianMoments b = catalogue.at(q);
            QVERIFY2(relativeError(a.phiSquared, b.phiSquared) <= 1e-12, qPrintable(QString::number(q)));
            QVERIFY2(relativeError(a.derivativeSquared, b.derivativeSquared) <= 1e-12,
                     qPrintable(QString::number(q)));
        }
    }

    void negativeQIsNaN()
    {
        const GaussianMoments m = GaussianExpectation(catalogueActivation(QStringLiteral("tanh"))).at(-1);
        QVERIFY(std::isnan(m.phiSquared));
        QVERIFY(std::isnan(m.derivativeSquared));
    }
};

QTEST_GUILESS_MAIN(tst_GaussianExpectation)
#include "tst_gaussianexpectation.moc"
