#include "softmax.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

double sum(const QList<double> &v)
{
    double total = 0;
    for (double x : v)
        total += x;
    return total;
}

// The textbook formula without the max-shift, in long double: a reference for moderate logits.
QList<double> naiveSoftmax(const QList<double> &z)
{
    long double total = 0;
    for (double x : z)
        total += std::exp(static_cast<long double>(x));
    QList<double> s;
    for (double x : z)
        s.append(double(std::exp(static_cast<long double>(x)) / total));
    return s;
}

} // namespace

class TestSoftmax : public QObject
{
    Q_OBJECT

private slots:
    void probabilitiesSumToOne_data()
    {
        QTest::addColumn<QList<double>>("z");
        QTest::newRow("two") << QList<double>{0, 1};
        QTest::newRow("three") << QList<double>{0, 1, -1};
        QTest::newRow("equal") << QList<double>{2, 2, 2, 2};
        QTest::newRow("eight") << QList<double>{-3, -2, -1, 0, 1, 2, 3, 4};
        QTest::newRow("spread") << QList<double>{-30, 0, 30};
        QTest::newRow("tiny") << QList<double>{1e-300, -1e-300};
    }
    void probabilitiesSumToOne()
    {
        QFETCH(QList<double>, z);
        const QList<double> s = softmax(z);
        QCOMPARE(s.size(), z.size());
        QVERIFY(std::abs(sum(s) - 1) <= 4e-16 * z.size());
        const QList<double> reference = naiveSoftmax(z);
        for (int i = 0; i < z.size(); ++i) {
            QVERIFY(s[i] >= 0 && s[i] <= 1);
            QVERIFY2(close(s[i], reference[i], 1e-14) || std::abs(s[i] - reference[i]) < 1e-300,
                     qPrintable(QString::number(s[i]) + QLatin1String(" vs ") + QString::number(reference[i])));
        }
    }

    void closedFormForTwoClasses()
    {
        // softmax(a, b)_0 = sigmoid(a − b).
        for (double d : {-5.0, -1.0, 0.0, 0.5, 3.0}) {
            const QList<double> s = softmax({d, 0});
            QVERIFY(close(s[0], 1 / (1 + std::exp(-d)), 1e-15));
            QVERIFY(close(s[1], 1 / (1 + std::exp(d)), 1e-15));
        }
        const QList<double> equal = softmax({0.7, 0.7, 0.7});
        for (double p : equal)
            QVERIFY(close(p, 1.0 / 3, 1e-15));
    }

    void shiftInvariant()
    {
        const QList<double> a = softmax({0, 1, -1});
        const QList<double> b = softmax({100, 101, 99});
        for (int i = 0; i < 3; ++i)
            QVERIFY(close(a[i], b[i], 1e-13));
    }

    void stableForHugeLogits()
    {
        // exp(1000) overflows: without the max-shift this would be inf/inf = NaN.
        const QList<double> s = softmax({1000, 999, -1000});
        QVERIFY(std::isfinite(s[0]) && std::isfinite(s[1]) && std::isfinite(s[2]));
        QVERIFY(close(s[0], 1 / (1 + std::exp(-1.0)), 1e-15));
        QVERIFY(close(s[1], 1 / (1 + std::exp(1.0)), 1e-15));
        QCOMPARE(s[2], 0.0);
        QVERIFY(std::abs(sum(s) - 1) < 1e-15);

        const QList<double> low = softmax({-1000, -1001});
        QVERIFY(close(low[0], 1 / (1 + std::exp(-1.0)), 1e-15));
        QVERIFY(close(low[1], 1 / (1 + std::exp(1.0)), 1e-15));

        const QList<double> same = softmax({1000, 1000});
        QCOMPARE(same[0], 0.5);
        QCOMPARE(same[1], 0.5);

        const QList<double> far = softmax({1e308, -1e308});
        QCOMPARE(far[0], 1.0);
        QCOMPARE(far[1], 0.0);
    }

    void refusesBadLogits()
    {
        QString error;
        QVERIFY(softmax({1}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(softmax(QList<double>(9, 0.0), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(softmax({0, NaN}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("z1")));
        QVERIFY(softmax({Inf, 0}, &error).isEmpty());
        QVERIFY(softmaxJacobian({0, -Inf}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(!softmax({0, 1}, &error).isEmpty());
        QVERIFY(error.isEmpty());
        QVERIFY(!softmax(QList<double>(8, 1.0)).isEmpty());
    }

    void jacobianClosedForm_data()
    {
        QTest::addColumn<QList<double>>("z");
        QTest::newRow("three") << QList<double>{0, 1, -1};
        QTest::newRow("five") << QList<double>{0.3, -2, 1.5, 0, 4};
        QTest::newRow("eight") << QList<double>{-3, -2, -1, 0, 1, 2, 3, 4};
    }
    void jacobianClosedForm()
    {
        QFETCH(QList<double>, z);
        const QList<double> s = softmax(z);
        const SoftmaxMatrix J = softmaxJacobian(z);
        const int k = int(z.size());
        QCOMPARE(J.size(), k);
        for (int i = 0; i < k; ++i) {
            QCOMPARE(J[i].size(), k);
            double rowSum = 0;
            double columnSum = 0;
            for (int j = 0; j < k; ++j) {
                const double expected = i == j ? s[i] * (1 - s[i]) : -s[i] * s[j];
                QVERIFY(std::abs(J[i][j] - expected) < 1e-16);
                QCOMPARE(J[i][j], J[j][i]); // symmetric, bit for bit
                rowSum += J[i][j];
                columnSum += J[j][i];
            }
            QVERIFY2(std::abs(rowSum) < 1e-16, qPrintable(QString::number(rowSum)));
            QVERIFY(std::abs(columnSum) < 1e-16);
            QVERIFY(J[i][i] >= 0 && J[i][i] <= 0.25);
        }
    }

    void jacobianMatchesFiniteDifferences()
    {
        const QList<double> z{0.5, -1, 2, 0.25};
        const SoftmaxMatrix J = softmaxJacobian(z);
        const double h = 1e-5;
        for (int j = 0; j < z.size(); ++j) {
            QList<double> up = z;
            QList<double> down = z;
            up[j] += h;
            down[j] -= h;
            const QList<double> su = softmax(up);
            const QList<double> sd = softmax(down);
            for (int i = 0; i < z.size(); ++i) {
                const double fd = (su[i] - sd[i]) / (2 * h);
                QVERIFY2(std::abs(J[i][j] - fd) < 1e-9,
                         qPrintable(QStringLiteral("J%1%2 = %3, difference %4").arg(i).arg(j).arg(J[i][j]).arg(fd)));
            }
        }
    }

    void jacobianDiagonalKeepsPrecision()
    {
        // s_0 ≈ 1 − 2e-20: 1 − s_0 would round to 0, Σ_{j≠0} s_j does not.
        const QList<double> z{50, 4, 4};
        const QList<double> s = softmax(z);
        QCOMPARE(s[0], 1.0);
        const SoftmaxMatrix J = softmaxJacobian(z);
        const double expected = 2 * std::exp(-46.0); // s_0(1 − s_0) ≈ 1 − s_0 = 2e^{−46}/(1 + 2e^{−46})
        QVERIFY2(close(J[0][0], expected, 1e-13) && J[0][0] > 0, qPrintable(QString::number(J[0][0])));
        QVERIFY(std::abs(J[0][0] + J[0][1] + J[0][2]) <= 1e-15 * J[0][0]);
    }

    void jacobianFromProbabilities()
    {
        const SoftmaxMatrix J = softmaxJacobianFromProbabilities({0.5, 0.5});
        QCOMPARE(J, (SoftmaxMatrix{{0.25, -0.25}, {-0.25, 0.25}}));
    }

    void sweepValues()
    {
        const QList<double> z{123 /* ignored */, 1, -1};
        QString error;
        const SoftmaxSweep sweep = softmaxSweep(z, 0, -6, 6, 121, true, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(sweep.varied, 0);
        QCOMPARE(sweep.classes(), 3);
        QCOMPARE(sweep.x.size(), 121);
        QCOMPARE(sweep.x.first(), -6.0);
        QCOMPARE(sweep.x.last(), 6.0);
        QVERIFY(close(sweep.x[60], 0, 1e-15));
        QCOMPARE(sweep.derivatives.size(), 3);
        for (int j = 0; j < sweep.x.size(); ++j) {
            const QList<double> s = softmax({sweep.x[j], 1, -1});
            const SoftmaxMatrix J = softmaxJacobianFromProbabilities(s);
            double total = 0;
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(sweep.probabilities[i][j], s[i]);
                QVERIFY(std::abs(sweep.derivatives[i][j] - J[i][0]) < 1e-17);
                total += sweep.probabilities[i][j];
            }
            QVERIFY(std::abs(total - 1) < 1e-15);
        }
        // s_0 rises with z_0, the others fall; ∂s_0/∂z_0 > 0, the rest < 0.
        for (int j = 1; j < sweep.x.size(); ++j) {
            QVERIFY(sweep.probabilities[0][j] > sweep.probabilities[0][j - 1]);
            QVERIFY(sweep.probabilities[1][j] < sweep.probabilities[1][j - 1]);
            QVERIFY(sweep.derivatives[0][j] > 0);
            QVERIFY(sweep.derivatives[2][j] < 0);
        }
        const QList<QPointF> curve = sweep.probabilityCurve(1);
        QCOMPARE(curve.size(), 121);
        QCOMPARE(curve[10], QPointF(sweep.x[10], sweep.probabilities[1][10]));
        QCOMPARE(sweep.derivativeCurve(2).size(), 121);
        QVERIFY(sweep.probabilityCurve(3).isEmpty());
        QVERIFY(sweep.probabilityCurve(-1).isEmpty());

        // s_1 = s_0 where z_0 = z_1 = 1: at the crossing both are e/(2e + e^{−1}).
        const SoftmaxSweep cross = softmaxSweep(z, 0, 0, 2, 3);
        QVERIFY(cross.derivatives.isEmpty());
        QVERIFY(cross.derivativeCurve(0).isEmpty());
        QCOMPARE(cross.probabilities[0][1], cross.probabilities[1][1]);
        QVERIFY(close(cross.probabilities[0][1], std::exp(1.0) / (2 * std::exp(1.0) + std::exp(-1.0)), 1e-15));
    }

    void sweepOfOtherLogit()
    {
        const SoftmaxSweep sweep = softmaxSweep({0, 0, 0, 0}, 2, -1000, 1000, 5, true);
        QCOMPARE(sweep.x, (QList<double>{-1000, -500, 0, 500, 1000}));
        QCOMPARE(sweep.probabilities[2].first(), 0.0);
        QCOMPARE(sweep.probabilities[2][2], 0.25);
        QCOMPARE(sweep.probabilities[2].last(), 1.0);
        QCOMPARE(sweep.probabilities[0].last(), 0.0);
        QCOMPARE(sweep.derivatives[2][2], 0.25 * 0.75);
        QCOMPARE(sweep.derivatives[1][2], -0.25 * 0.25);
    }

    void sweepRefuses()
    {
        QString error;
        QVERIFY(softmaxSweep({0, 1}, 2, -1, 1, 10, false, &error).x.isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, -1, -1, 1, 10, false, &error).x.isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, 0, 1, 1, 10, false, &error).x.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, 0, 1, -1, 10, false, &error).x.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, 0, -Inf, 1, 10, false, &error).x.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, 0, -1, NaN, 10, false, &error).x.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, 0, -1, 1, 1, false, &error).x.isEmpty());
        QVERIFY(softmaxSweep({0, 1}, 0, -1, 1, MaxSoftmaxSamples + 1, false, &error).x.isEmpty());
        QVERIFY(softmaxSweep({0, NaN}, 0, -1, 1, 10, false, &error).x.isEmpty());
        QVERIFY(!error.isEmpty());
        // The varied logit's own value does not matter, even when it is not finite.
        QCOMPARE(softmaxSweep({NaN, 0}, 0, -1, 1, 2, false, &error).x.size(), 2);
        QVERIFY(error.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSoftmax)
#include "tst_softmax.moc"
