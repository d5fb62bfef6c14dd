#include "normalrandom.h"

#include <QTest>

#include <cmath>
#include <vector>

class tst_NormalRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The standard fixes mt19937_64's output: its first number for the default seed 5489 is
    // 14514284786278117030, so the first uniform is that >> 11 times 2^−53 on every platform.
    void uniformFromTheStandardEngine()
    {
        NormalRandom r(5489);
        QCOMPARE(r.uniform(), double(14514284786278117030ULL >> 11) * 0x1.0p-53);
    }

    void sameSeedSameNumbers()
    {
        NormalRandom a(NormalRandom::streamSeed(7, 3));
        NormalRandom b(NormalRandom::streamSeed(7, 3));
        std::vector<double> x(1001), y(1001);
        a.fill(x.data(), qsizetype(x.size()), 0.5);
        b.fill(y.data(), qsizetype(y.size()), 0.5);
        QVERIFY(x == y);
    }

    void streamsDiffer()
    {
        QVERIFY(NormalRandom::streamSeed(7, 3) != NormalRandom::streamSeed(7, 4));
        QVERIFY(NormalRandom::streamSeed(7, 3) != NormalRandom::streamSeed(8, 3));
        QVERIFY(NormalRandom::streamSeed(0, 1) != NormalRandom::streamSeed(1, 0));
    }

    void standardNormalMoments()
    {
        NormalRandom r(NormalRandom::streamSeed(42, 0));
        constexpr int n = 200000;
        double sum = 0, sum2 = 0, sum4 = 0;
        int beyond2 = 0;
        for (int i = 0; i < n; ++i) {
            const double z = r.normal();
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
            beyond2 += std::abs(z) > 2;
        }
        // Five standard errors: mean 1/√n, variance √(2/n), fourth moment √(96/n), tail share.
        QVERIFY(std::abs(sum / n) < 5 / std::sqrt(double(n)));
        QVERIFY(std::abs(sum2 / n - 1) < 5 * std::sqrt(2.0 / n));
        QVERIFY(std::abs(sum4 / n - 3) < 5 * std::sqrt(96.0 / n));
        const double tail = 0.04550026389635842; // P(|Z| > 2)
        QVERIFY(std::abs(double(beyond2) / n - tail) < 5 * std::sqrt(tail * (1 - tail) / n));
    }
};

QTEST_GUILESS_MAIN(tst_NormalRandom)
#include "tst_normalrandom.moc"
