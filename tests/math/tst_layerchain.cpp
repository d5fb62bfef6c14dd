#include "activationcatalogue.h"
#include "layerchain.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// The reference activations, written out here so that the test does not lean on the catalogue.
struct Reference
{
    double f;
    double d1;
};

Reference reference(const QString &id, double z)
{
    if (id == QLatin1String("sigmoid")) {
        // e^{−|z|} keeps both σ and σ′ accurate far into saturation.
        const double e = std::exp(-std::abs(z));
        const double s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        return {s, e / ((1 + e) * (1 + e))};
    }
    if (id == QLatin1String("tanh")) {
        const double t = std::tanh(z);
        const double c = std::cosh(z);
        return {t, 1 / (c * c)};
    }
    if (id == QLatin1String("relu"))
        return {z > 0 ? z : 0.0, z > 0 ? 1.0 : 0.0};
    return {z, 1.0}; // identity
}

const ActivationSpec &spec(const QString &id)
{
    const ActivationSpec *s = ActivationCatalogue::find(id);
    Q_ASSERT(s);
    return *s;
}

bool closeRelative(double actual, double expected, double tolerance)
{
    if (actual == expected)
        return true;
    return std::abs(actual - expected) <= tolerance * std::max(std::abs(actual), std::abs(expected));
}

} // namespace

class TestLayerChain : public QObject
{
    Q_OBJECT

private slots:
    void matchesProductOfDerivatives_data();
    void matchesProductOfDerivatives();
    void sigmoidFallsAtLeastAsFastAsQuarterPower_data();
    void sigmoidFallsAtLeastAsFastAsQuarterPower();
    void reluStaysOneOnTheActivePath_data();
    void reluStaysOneOnTheActivePath();
    void tanhAtZeroStaysOne();
    void deepSigmoidLogIsSumOfLogs_data();
    void deepSigmoidLogIsSumOfLogs();
    void zeroDerivativeGivesMinusInfinity();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
};

void TestLayerChain::matchesProductOfDerivatives_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("layers");

    QTest::newRow("sigmoid w=1 x=0 N=10") << "sigmoid" << 1.0 << 0.0 << 10;
    QTest::newRow("sigmoid w=2 x=-1 N=50") << "sigmoid" << 2.0 << -1.0 << 50;
    QTest::newRow("sigmoid w=-3 x=0.7 N=25") << "sigmoid" << -3.0 << 0.7 << 25;
    QTest::newRow("sigmoid w=4 x=5 N=1") << "sigmoid" << 4.0 << 5.0 << 1;
    QTest::newRow("tanh w=1 x=2 N=50") << "tanh" << 1.0 << 2.0 << 50;
    QTest::newRow("tanh w=1.5 x=-0.3 N=30") << "tanh" << 1.5 << -0.3 << 30;
    QTest::newRow("relu w=0.9 x=3 N=50") << "relu" << 0.9 << 3.0 << 50;
    QTest::newRow("relu w=1.1 x=0.5 N=20") << "relu" << 1.1 << 0.5 << 20;
    QTest::newRow("identity w=1.2 x=1 N=50") << "identity" << 1.2 << 1.0 << 50;
    QTest::newRow("identity w=-0.5 x=2 N=50") << "identity" << -0.5 << 2.0 << 50;
}

void TestLayerChain::matchesProductOfDerivatives()
{
    QFETCH(QString, id);
    QFETCH(double, w);
    QFETCH(double, x);
    QFETCH(int, layers);

    const ActivationSpec &s = spec(id);
    QString error = QStringLiteral("unset");
    const QList<LayerChainPoint> chain = layerChain(s, s.defaults(), w, x, layers, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(chain.size(), layers);

    double h = x;
    double product = 1;
    for (int k = 1; k <= layers; ++k) {
        const Reference r = reference(id, w * h);
        product *= std::abs(w * r.d1);
        h = r.f;
        const LayerChainPoint &p = chain[k - 1];
        QCOMPARE(p.depth, k);
        QVERIFY2(closeRelative(p.value, h, 1e-12),
                 qPrintable(QStringLiteral("h_%1 = %2, expected %3").arg(k).arg(p.value, 0, 'g', 17).arg(h, 0, 'g', 17)));
        QVERIFY2(closeRelative(p.gradient, product, 1e-10),
                 qPrintable(QStringLiteral("gradient at depth %1 = %2, expected %3")
                                    .arg(k).arg(p.gradient, 0, 'g', 17).arg(product, 0, 'g', 17)));
        QVERIFY(std::abs(p.log10Gradient - std::log10(product)) <= 1e-9);
    }
}

void TestLayerChain::sigmoidFallsAtLeastAsFastAsQuarterPower_data()
{
    QTest::addColumn<double>("x");
    for (double x : {-10.0, -2.0, -0.5, 0.0, 0.5, 1.0, 3.0, 20.0})
        QTest::newRow(qPrintable(QStringLiteral("x=%1").arg(x))) << x;
}

void TestLayerChain::sigmoidFallsAtLeastAsFastAsQuarterPower()
{
    QFETCH(double, x);
    const ActivationSpec &s = spec(QStringLiteral("sigmoid"));
    const QList<LayerChainPoint> chain = layerChain(s, s.defaults(), 1.0, x, MaxChainLayers);
    QCOMPARE(chain.size(), MaxChainLayers);
    for (const LayerChainPoint &p : chain) {
        QVERIFY2(p.gradient <= std::pow(0.25, p.depth),
                 qPrintable(QStringLiteral("depth %1: %2 > 0.25^%1").arg(p.depth).arg(p.gradient)));
        QVERIFY(p.log10Gradient <= p.depth * std::log10(0.25) + 1e-12);
    }
}

void TestLayerChain::reluStaysOneOnTheActivePath_data()
{
    QTest::addColumn<double>("x");
    for (double x : {1e-300, 0.25, 1.0, 7.0, 1e6})
        QTest::newRow(qPrintable(QStringLiteral("x=%1").arg(x))) << x;
}

void TestLayerChain::reluStaysOneOnTheActivePath()
{
    QFETCH(double, x);
    const ActivationSpec &s = spec(QStringLiteral("relu"));
    const QList<LayerChainPoint> chain = layerChain(s, s.defaults(), 1.0, x, MaxChainLayers);
    QCOMPARE(chain.size(), MaxChainLayers);
    for (const LayerChainPoint &p : chain) {
        QCOMPARE(p.value, x);
        QCOMPARE(p.gradient, 1.0);
        QCOMPARE(p.log10Gradient, 0.0);
    }
}

void TestLayerChain::tanhAtZeroStaysOne()
{
    const ActivationSpec &s = spec(QStringLiteral("tanh"));
    const QList<LayerChainPoint> chain = layerChain(s, s.defaults(), 1.0, 0.0, MaxChainLayers);
    QCOMPARE(chain.size(), MaxChainLayers);
    for (const LayerChainPoint &p : chain) {
        QCOMPARE(p.value, 0.0);
        QCOMPARE(p.gradient, 1.0);
        QCOMPARE(p.log10Gradient, 0.0);
    }
}

void TestLayerChain::deepSigmoidLogIsSumOfLogs_data()
{
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("x");
    QTest::addColumn<bool>("underflows");

    QTest::newRow("w=1 x=0") << 1.0 << 0.0 << false;
    QTest::newRow("w=10 x=10") << 10.0 << 10.0 << false;
    // σ′(40) ≈ 4e-18: fifty factors of 40·σ′(40) ≈ 1.7e-16 give about 1e-780, below any double.
    QTest::newRow("w=40 x=10") << 40.0 << 10.0 << true;
    QTest::newRow("w=60 x=1") << 60.0 << 1.0 << true;
}

void TestLayerChain::deepSigmoidLogIsSumOfLogs()
{
    QFETCH(double, w);
    QFETCH(double, x);
    QFETCH(bool, underflows);

    const ActivationSpec &s = spec(QStringLiteral("sigmoid"));
    const QList<LayerChainPoint> chain = layerChain(s, s.defaults(), w, x, MaxChainLayers);
    QCOMPARE(chain.size(), MaxChainLayers);

    double h = x;
    double sumOfLogs = 0;
    for (int k = 0; k < MaxChainLayers; ++k) {
        const Reference r = reference(QStringLiteral("sigmoid"), w * h);
        sumOfLogs += std::log10(std::abs(w * r.d1));
        h = r.f;
    }
    const LayerChainPoint &deepest = chain.last();
    QVERIFY(std::isfinite(deepest.log10Gradient));
    QVERIFY2(std::abs(deepest.log10Gradient - sumOfLogs) <= 1e-9 * std::max(1.0, std::abs(sumOfLogs)),
             qPrintable(QStringLiteral("%1 vs %2").arg(deepest.log10Gradient, 0, 'g', 17).arg(sumOfLogs, 0, 'g', 17)));
    if (underflows) {
        QCOMPARE(deepest.gradient, 0.0);
        QVERIFY(deepest.log10Gradient < -330);
    } else {
        QVERIFY(deepest.gradient > 0);
    }
}

void TestLayerChain::zeroDerivativeGivesMinusInfinity()
{
    // relu at w·x < 0: the first factor is exactly 0, so every depth has gradient 0 and log −inf.
    const ActivationSpec &s = spec(QStringLiteral("relu"));
    const QList<LayerChainPoint> chain = layerChain(s, s.defaults(), 1.0, -1.0, 5);
    QCOMPARE(chain.size(), 5);
    for (const LayerChainPoint &p : chain) {
        QCOMPARE(p.value, 0.0);
        QCOMPARE(p.gradient, 0.0);
        QCOMPARE(p.log10Gradient, -Inf);
    }
}

void TestLayerChain::refusesInvalidInput_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("layers");
    QTest::addColumn<QString>("message");

    QTest::newRow("N=0") << "sigmoid" << NaN << 1.0 << 0.0 << 0
                         << "layers must be between 1 and 50 (got 0)";
    QTest::newRow("N=51") << "sigmoid" << NaN << 1.0 << 0.0 << 51
                          << "layers must be between 1 and 50 (got 51)";
    QTest::newRow("N=-3") << "tanh" << NaN << 1.0 << 0.0 << -3
                          << "layers must be between 1 and 50 (got -3)";
    QTest::newRow("w=nan") << "sigmoid" << NaN << NaN << 0.0 << 5
                           << "weight w must be a finite number (got nan)";
    QTest::newRow("w=inf") << "sigmoid" << NaN << Inf << 0.0 << 5
                           << "weight w must be a finite number (got inf)";
    QTest::newRow("x=-inf") << "relu" << NaN << 1.0 << -Inf << 5
                            << "input x must be a finite number (got -inf)";
    QTest::newRow("elu alpha=inf") << "elu" << Inf << 1.0 << 0.0 << 5
                                   << "elu: alpha must be any finite number (got inf)";
}

void TestLayerChain::refusesInvalidInput()
{
    QFETCH(QString, id);
    QFETCH(double, parameter);
    QFETCH(double, w);
    QFETCH(double, x);
    QFETCH(int, layers);
    QFETCH(QString, message);

    const ActivationSpec &s = spec(id);
    ParameterValues p = s.defaults();
    if (!std::isnan(parameter))
        p[0] = parameter;
    QCOMPARE(checkLayerChain(s, p, w, x, layers), message);
    QString error;
    QVERIFY(layerChain(s, p, w, x, layers, &error).isEmpty());
    QCOMPARE(error, message);
}

QTEST_GUILESS_MAIN(TestLayerChain)
#include "tst_layerchain.moc"
