#include "normalrandom.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace {

/** Φ(x), the standard normal CDF. */
double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

/** P(|Z| > t). */
double twoSidedTail(double t)
{
    return std::erfc(t / std::sqrt(2.0));
}

/** a and b the same bits (QCOMPARE on doubles is fuzzy). */
bool same(double a, double b)
{
    std::uint64_t x, y;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return x == y;
}

double f(double x)
{
    return std::exp(-0.5 * x * x);
}

} // namespace

class tst_NormalRandom : public QObject
{
    Q_OBJECT

    // 10⁶ draws of one stream, shared by the statistical tests (seeded: each test passes or
    // fails the same way on every run; the bounds are at p ≈ 0.001 or five standard errors).
    std::vector<double> m_draws;

private Q_SLOTS:
    void initTestCase()
    {
        NormalRandom r(NormalRandom::streamSeed(42, 0));
        m_draws.resize(1000000);
        r.fill(m_draws.data(), qsizetype(m_draws.size()), 1.0);
    }

    // The standard fixes mt19937_64's output: its first number for the default seed 5489 is
    // 14514284786278117030, so the first uniform is that >> 11 times 2^−53 on every platform.
    void uniformFromTheStandardEngine()
    {
        NormalRandom r(5489);
        QCOMPARE(r.uniform(), double(14514284786278117030ULL >> 11) * 0x1.0p-53);
    }

    // The same number as the ziggurat's first step: layer = the low 8 bits (166), the signed
    // uniform from the high 53, inside that layer's rectangle.
    void normalFromTheStandardEngine()
    {
        constexpr std::uint64_t bits = 14514284786278117030ULL;
        const int layer = int(bits & 0xFF);
        const double z = (double(bits >> 11) - 0x1.0p52) * 0x1.0p-52 * NormalRandom::layerEdge(layer);
        QVERIFY(std::abs(z) < NormalRandom::layerEdge(layer + 1));
        NormalRandom r(5489);
        QVERIFY(same(r.normal(), z));
    }

    // These bits on every machine with glibc's exp and log (the tables are compile-time
    // constants; exp and log decide only the rare wedge and tail draws): a change here changes
    // every simulation of every seed.
    void pinnedNumbers()
    {
        NormalRandom r(NormalRandom::streamSeed(1, 0));
        const double first[] = { -0x1.d86b66be31385p-3, -0x1.a67eb4137f796p-3, 0x1.2494733f84003p-1,
                                 -0x1.2ad45056a42fp-2,  -0x1.f73e87f21d2abp-1, 0x1.41b237c9f3267p-2 };
        for (const double want : first)
            QVERIFY(same(r.normal(), want));
        NormalRandom s(NormalRandom::streamSeed(2024, 7));
        double sum = 0;
        for (int i = 0; i < 1000000; ++i)
            sum += s.normal();
        QVERIFY(same(sum, -0x1.32f3ae1a5e00bp+10));
    }

    void sameSeedSameNumbers()
    {
        NormalRandom a(NormalRandom::streamSeed(7, 3));
        NormalRandom b(NormalRandom::streamSeed(7, 3));
        NormalRandom c(NormalRandom::streamSeed(7, 3));
        std::vector<double> x(1001), y(1001);
        a.fill(x.data(), qsizetype(x.size()), 0.5);
        b.fill(y.data(), qsizetype(y.size()), 0.5);
        QVERIFY(x == y);
        for (const double v : x)
            QVERIFY(same(v, 0.5 * c.normal())); // fill is scale·normal(), in order
    }

    void streamsDiffer()
    {
        QVERIFY(NormalRandom::streamSeed(7, 3) != NormalRandom::streamSeed(7, 4));
        QVERIFY(NormalRandom::streamSeed(7, 3) != NormalRandom::streamSeed(8, 3));
        QVERIFY(NormalRandom::streamSeed(0, 1) != NormalRandom::streamSeed(1, 0));
    }

    // The compile-time tables (exp, log, sqrt from + − × ÷) against the C library: each layer
    // has the area V, layer 0 (rectangle R·f(R) and the tail) too, the top layer ends at f = 1.
    void zigguratTable()
    {
        const int n = NormalRandom::Layers;
        const double r = NormalRandom::TailStart;
        const double v = NormalRandom::layerArea();
        const double tailArea = std::sqrt(M_PI / 2) * std::erfc(r / std::sqrt(2.0));
        QVERIFY(std::abs(r * f(r) + tailArea - v) <= 1e-14 * v);
        QVERIFY(same(NormalRandom::layerEdge(1), r));
        QVERIFY(std::abs(NormalRandom::layerEdge(0) * f(r) - v) <= 1e-14 * v);
        for (int i = 1; i < n; ++i) {
            const double x = NormalRandom::layerEdge(i);
            const double above = NormalRandom::layerEdge(i + 1);
            QVERIFY(above < x);
            const double area = x * ((i + 1 == n ? 1.0 : f(above)) - f(x));
            QVERIFY2(std::abs(area - v) <= 1e-11 * v,
                     qPrintable(QStringLiteral("layer %1: area %2, V %3").arg(i).arg(area, 0, 'g', 17).arg(v, 0, 'g', 17)));
            if (i + 1 < n)
                QVERIFY(std::abs(above - std::sqrt(-2 * std::log(f(x) + v / x))) <= 1e-13 * above);
        }
        QVERIFY(same(NormalRandom::layerEdge(n), 0.0));
        QVERIFY(std::isnan(NormalRandom::layerEdge(n + 1)));
        QVERIFY(std::isnan(NormalRandom::layerEdge(-1)));
    }

    // Moments and tails of 10⁶ draws, each within five standard errors: mean 1/√n, variance
    // √(2/n), fourth moment √(96/n), the share beyond kσ √(p(1 − p)/n). Beyond 3σ (2700
    // expected) and 4σ (63) the draws come from the wedges and the tail beyond R = 3.654.
    void standardNormalMoments()
    {
        const double n = double(m_draws.size());
        double sum = 0, sum2 = 0, sum4 = 0;
        int beyond[5] = {};
        for (const double z : m_draws) {
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
            for (int k = 1; k <= 4; ++k)
                beyond[k] += std::abs(z) > k;
        }
        QVERIFY(std::abs(sum / n) < 5 / std::sqrt(n));
        QVERIFY(std::abs(sum2 / n - 1) < 5 * std::sqrt(2.0 / n));
        QVERIFY(std::abs(sum4 / n - 3) < 5 * std::sqrt(96.0 / n));
        for (int k = 1; k <= 4; ++k) {
            const double p = twoSidedTail(k);
            QVERIFY2(std::abs(beyond[k] / n - p) < 5 * std::sqrt(p * (1 - p) / n),
                     qPrintable(QStringLiteral("beyond %1σ: %2 of %3, expected %4")
                                    .arg(k).arg(beyond[k]).arg(n).arg(p * n)));
        }
        // Beyond R only the tail algorithm draws: its mean excess over R is 1/R-ish (Mills).
        double excess = 0;
        int count = 0;
        for (const double z : m_draws) {
            if (std::abs(z) > NormalRandom::TailStart) {
                excess += std::abs(z) - NormalRandom::TailStart;
                ++count;
            }
        }
        const double r = NormalRandom::TailStart;
        const double q = 0.5 * twoSidedTail(r);
        const double wantExcess = f(r) / std::sqrt(2 * M_PI) / q - r; // E[Z − R | Z > R]
        QVERIFY(count > 150);
        // The excess is about exponential with mean ≈ 0.25, so its standard deviation too.
        QVERIFY2(std::abs(excess / count - wantExcess) < 5 * wantExcess / std::sqrt(double(count)),
                 qPrintable(QStringLiteral("mean excess beyond R %1, expected %2").arg(excess / count).arg(wantExcess)));
    }

    // Kolmogorov–Smirnov against Φ over the 10⁶ draws: √n·D below 1.95 (p ≈ 0.001).
    void kolmogorovSmirnov()
    {
        std::vector<double> sorted = m_draws;
        std::sort(sorted.begin(), sorted.end());
        const double n = double(sorted.size());
        double d = 0;
        for (size_t i = 0; i < sorted.size(); ++i) {
            const double cdf = normalCdf(sorted[i]);
            d = std::max({ d, (double(i) + 1) / n - cdf, cdf - double(i) / n });
        }
        QVERIFY2(std::sqrt(n) * d < 1.95, qPrintable(QStringLiteral("√n·D = %1").arg(std::sqrt(n) * d)));
    }

    // Chi-square over 160 bins of width 0.05 on [−4, 4] and the two tails (the ziggurat's fine
    // structure: 256 layers, each wedge a curve): below the 0.999 quantile with 161 degrees of
    // freedom (Wilson–Hilferty), about 223.
    void chiSquare()
    {
        constexpr int Bins = 160;
        constexpr double Low = -4, Width = 0.05;
        std::vector<double> observed(Bins + 2, 0.0);
        for (const double z : m_draws) {
            const int bin = z < Low ? 0 : z >= -Low ? Bins + 1 : 1 + std::min(Bins - 1, int((z - Low) / Width));
            observed[size_t(bin)] += 1;
        }
        const double n = double(m_draws.size());
        double chi2 = 0;
        for (int b = 0; b < Bins + 2; ++b) {
            const double lo = b == 0 ? -INFINITY : Low + (b - 1) * Width;
            const double hi = b == Bins + 1 ? INFINITY : Low + b * Width;
            const double expected = n * ((std::isinf(hi) ? 1.0 : normalCdf(hi)) - (std::isinf(lo) ? 0.0 : normalCdf(lo)));
            chi2 += (observed[size_t(b)] - expected) * (observed[size_t(b)] - expected) / expected;
        }
        const double k = Bins + 1;
        const double z999 = 3.090232306167813;
        const double critical = k * std::pow(1 - 2 / (9 * k) + z999 * std::sqrt(2 / (9 * k)), 3);
        QVERIFY2(chi2 < critical, qPrintable(QStringLiteral("χ² = %1 over %2 degrees of freedom (0.999: %3)")
                                                 .arg(chi2).arg(k).arg(critical)));
    }
};

QTEST_GUILESS_MAIN(tst_NormalRandom)
#include "tst_normalrandom.moc"
