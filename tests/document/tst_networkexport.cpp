// The --network report: theory and simulation of a deep network as JSON and CSV, with nulls where
// a value overflowed or does not exist.

#include "activationcatalogue.h"
#include "networkexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

ActivationFunction activation(const char *id)
{
    const ActivationSpec *spec = ActivationCatalogue::find(QString::fromLatin1(id));
    Q_ASSERT(spec);
    return ActivationFunction(*spec, spec->defaults());
}

NetworkSettings small(double weightVariance, double biasVariance, int depth)
{
    NetworkSettings s;
    s.weightVariance = weightVariance;
    s.biasVariance = biasVariance;
    s.depth = depth;
    s.width = 64;
    s.batch = 8;
    return s;
}

} // namespace

class TestNetworkExport : public QObject
{
    Q_OBJECT

private slots:
    void kaimingReluAsJson();
    void leakyReluKeepsItsParameters();
    void overflowIsNull();
    void csvHasOneRowPerLayer();
    void refusesBadSettings();
};

void TestNetworkExport::kaimingReluAsJson()
{
    NetworkReport report;
    QString error;
    QVERIFY2(computeNetworkReport(activation("relu"), small(2, 0, 6), 0.01, 7, &report, &error),
             qPrintable(error));
    const QJsonObject root = QJsonDocument::fromJson(networkToJson(report)).object();
    QCOMPARE(root.value("format").toString(), QString("activation-explorer-network"));
    QCOMPARE(root.value("version").toInt(), 1);
    QCOMPARE(root.value("id").toString(), QString("relu"));
    QCOMPARE(root.value("weight_variance").toDouble(), 2.0);
    QCOMPARE(root.value("bias_variance").toDouble(), 0.0);
    QCOMPARE(root.value("depth").toInt(), 6);
    QCOMPARE(root.value("width").toInt(), 64);
    QCOMPARE(root.value("batch").toInt(), 8);
    QCOMPARE(root.value("seed").toInt(), 7);
    QCOMPARE(root.value("epsilon").toDouble(), 0.01);

    // Kaiming keeps a ReLU network's variance: q = 2 at every layer, χ₁ = 1, critical at σ_w² = 2.
    const QJsonObject theory = root.value("theory").toObject();
    QVERIFY(qAbs(theory.value("chi1").toDouble() - 1.0) < 1e-9);
    QCOMPARE(theory.value("phase").toString(), QString("critical"));
    QVERIFY(qAbs(theory.value("critical_weight_variance").toDouble() - 2.0) < 1e-9);
    const QJsonArray layers = theory.value("layers").toArray();
    QCOMPARE(layers.size(), 6);
    for (int l = 0; l < 6; ++l) {
        const QJsonObject layer = layers[l].toObject();
        QCOMPARE(layer.value("layer").toInt(), l + 1);
        QVERIFY(qAbs(layer.value("q").toDouble() - 2.0) < 1e-9);
        QVERIFY(qAbs(layer.value("grad_norm_ratio").toDouble() - 1.0) < 1e-9);
    }
    // The simulation: one entry per layer, ReLU's zero fraction about a half, the last ratio 1.
    const QJsonArray sim = root.value("simulation").toObject().value("layers").toArray();
    QCOMPARE(sim.size(), 6);
    for (int l = 0; l < 6; ++l) {
        const QJsonObject layer = sim[l].toObject();
        QCOMPARE(layer.value("layer").toInt(), l + 1);
        QVERIFY(layer.value("variance").toDouble() > 0);
        const double zero = layer.value("zero_fraction").toDouble();
        QVERIFY2(zero > 0.35 && zero < 0.65, qPrintable(QString::number(zero)));
        QCOMPARE(layer.value("saturated_fraction").toDouble(), zero); // |relu′| < ε only at 0
        QVERIFY(layer.contains("dead_fraction"));
    }
    QCOMPARE(sim[5].toObject().value("grad_norm_ratio").toDouble(), 1.0);
    // The same seed, the same file.
    NetworkReport again;
    QVERIFY(computeNetworkReport(activation("relu"), small(2, 0, 6), 0.01, 7, &again));
    QCOMPARE(networkToJson(again), networkToJson(report));
}

void TestNetworkExport::leakyReluKeepsItsParameters()
{
    const ActivationSpec *spec = ActivationCatalogue::find(QStringLiteral("leaky_relu"));
    ParameterValues p = spec->defaults();
    p[0] = 0.2;
    NetworkReport report;
    QVERIFY(computeNetworkReport(ActivationFunction(*spec, p), small(1, 0, 3), 0.01, 1, &report));
    const QJsonObject root = QJsonDocument::fromJson(networkToJson(report)).object();
    QCOMPARE(root.value("parameters").toObject().value("negative_slope").toDouble(), 0.2);
    // q¹ = σ_w², then q^{l+1} = σ_w²·(1 + a²)/2·q^l for leaky ReLU.
    const QJsonArray layers = root.value("theory").toObject().value("layers").toArray();
    QVERIFY(qAbs(layers[1].toObject().value("q").toDouble() - 0.52) < 1e-9);
}

void TestNetworkExport::overflowIsNull()
{
    // σ_w² = 1e8 with ReLU: q grows 5e7-fold a layer, passes the theory's 1e200 by layer 27 and
    // double precision (the simulation's h²) by layer 42.
    NetworkReport report;
    QVERIFY(computeNetworkReport(activation("relu"), small(1e8, 0, 50), 0.01, 1, &report));
    const QJsonObject root = QJsonDocument::fromJson(networkToJson(report)).object();
    const QJsonArray layers = root.value("theory").toObject().value("layers").toArray();
    QCOMPARE(layers.size(), 50);
    QVERIFY(layers[0].toObject().value("q").isDouble());
    QVERIFY(layers[49].toObject().value("q").isNull());
    // No finite fixed point: null, and so χ₁ and the phase. The simulation's variance
    // overflows too: null, neither a number nor a string.
    QVERIFY(root.value("theory").toObject().value("fixed_point_q").isNull());
    QVERIFY(root.value("theory").toObject().value("chi1").isNull());
    QVERIFY(root.value("theory").toObject().value("phase").isNull());
    const QJsonArray sim = root.value("simulation").toObject().value("layers").toArray();
    QVERIFY(sim[49].toObject().value("variance").isNull());
    // In the CSV, an empty field.
    const QList<QByteArray> lines = networkToCsv(report).split('\n');
    QVERIFY(lines[50].startsWith("50,,"));
}

void TestNetworkExport::csvHasOneRowPerLayer()
{
    NetworkReport report;
    QVERIFY(computeNetworkReport(activation("tanh"), small(1.76, 0.05, 4), 0.01, 3, &report));
    const QByteArray csv = networkToCsv(report);
    QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray()); // ends with a line break
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QByteArray("layer,q,grad_norm_ratio,sim_variance,sim_grad_norm_ratio,"
                                  "saturated_fraction,zero_fraction,dead_fraction"));
    for (int l = 1; l <= 4; ++l) {
        const QList<QByteArray> fields = lines[l].split(',');
        QCOMPARE(fields.size(), 8);
        QCOMPARE(fields[0].toInt(), l);
        bool ok = false;
        QCOMPARE(fields[1].toDouble(&ok), *report.theory[l - 1].variance); // round-trips
        QVERIFY(ok);
        QCOMPARE(fields[3].toDouble(&ok), report.simulation[l - 1].variance);
        QVERIFY(ok);
    }
    // q¹ = σ_w² + σ_b².
    QCOMPARE(lines[1].split(',')[1].toDouble(), 1.76 + 0.05);
}

void TestNetworkExport::refusesBadSettings()
{
    NetworkReport report;
    QString error;
    NetworkSettings bad = small(-1, 0, 5);
    QVERIFY(!computeNetworkReport(activation("relu"), bad, 0.01, 1, &report, &error));
    QVERIFY2(error.contains("≥ 0"), qPrintable(error));
    bad = small(2, 0, 0);
    QVERIFY(!computeNetworkReport(activation("relu"), bad, 0.01, 1, &report, &error));
    QVERIFY2(error.contains("1000"), qPrintable(error));
    QVERIFY(report.theory.isEmpty()); // untouched
}

QTEST_MAIN(TestNetworkExport)
#include "tst_networkexport.moc"
