// Data exports: CSV values against PyTorch's reference table, numbers that round-trip, the JSON
// report's structure and values, and atomic writes that leave nothing broken behind on failure.

#include "dataexport.h"
#include "pointsofinterest.h"
#include "referenceparameters.h"
#include "scenemodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/** Identical doubles, telling 0 from −0 (NaN never occurs where this is used). */
bool sameBits(double a, double b)
{
    quint64 x = 0;
    quint64 y = 0;
    std::memcpy(&x, &a, sizeof a);
    std::memcpy(&y, &b, sizeof b);
    return x == y;
}

/** The CSV's lines, each split into fields; the trailing newline gives no empty line. */
QList<QList<QByteArray>> parseCsv(const QByteArray &csv)
{
    QList<QList<QByteArray>> rows;
    QList<QByteArray> lines = csv.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QByteArray &line : std::as_const(lines))
        rows << line.split(',');
    return rows;
}

double csvNumber(const QByteArray &field)
{
    return parseReferenceNumber(QString::fromLatin1(field));
}

/** One (function, parameters) group of the reference table. */
struct ReferenceGroup
{
    QString id;
    QString params;
    QList<double> x, f, grad, grad2;
};

QList<ReferenceGroup> referenceGroups()
{
    QFile file(QStringLiteral(AE_TEST_DATA_DIR "/torch-activations.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read the reference table: %s", qPrintable(file.errorString()));
    QList<ReferenceGroup> groups;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList c = line.split(QLatin1Char(','));
        if (c.size() != 6)
            qFatal("bad reference line: %s", qPrintable(line));
        if (groups.isEmpty() || groups.last().id != c[0] || groups.last().params != c[1])
            groups.append({ c[0], c[1], {}, {}, {}, {} });
        ReferenceGroup &g = groups.last();
        g.x << parseReferenceNumber(c[2]);
        g.f << parseReferenceNumber(c[3]);
        g.grad << parseReferenceNumber(c[4]);
        g.grad2 << parseReferenceNumber(c[5]);
    }
    return groups;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                               | QDir::NoDotAndDotDot);
}

QJsonObject parseJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("JSON does not parse: %s", qPrintable(error.errorString()));
    return document.object();
}

/** Where sigmoid′ = ε: ln((1 + s)/(1 − s)) with s = √(1 − 4ε), written so as not to cancel. */
double sigmoidBound(double eps)
{
    return 2 * std::log1p(std::sqrt(1 - 4 * eps)) - std::log(4 * eps);
}

} // namespace

class TestDataExport : public QObject
{
    Q_OBJECT

private slots:
    void exportNumber_data();
    void exportNumber();
    void numbersRoundTrip();

    void csvHeaderSuffixesRepeatedIds();
    void csvHasOneLinePerX();
    void csvQuotesExpressionNames();
    void csvOfEmptyScene();
    void csvMatchesPyTorch_data();
    void csvMatchesPyTorch();
    void csvStepHasNoDerivativeAtZero();
    void csvIncludesHiddenRows();

    void jsonStructure();
    void jsonParameters();
    void jsonSigmoidBoundsAreClosedForm_data();
    void jsonSigmoidBoundsAreClosedForm();
    void jsonReluIsZeroOnTheLeft();
    void jsonEqualsTheAnalysisExactly();
    void jsonPointsOfInterest();

    void writesNewFile();
    void replacesExistingFile();
    void refusesUnwritablePaths_data();
    void refusesUnwritablePaths();
    void failedWriteLeavesExistingFileIntact();
};

void TestDataExport::exportNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("-0");
    QTest::newRow("one") << 1.0 << QByteArray("1");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("0.25") << 0.25 << QByteArray("0.25");
    QTest::newRow("1/3") << 1.0 / 3.0 << QByteArray("0.3333333333333333");
    QTest::newRow("1e-8") << 1e-8 << QByteArray("1e-08");
    QTest::newRow("-1000") << -1000.0 << QByteArray("-1000");
    QTest::newRow("smallest subnormal")
        << std::numeric_limits<double>::denorm_min() << QByteArray("5e-324");
    QTest::newRow("largest") << std::numeric_limits<double>::max()
                             << QByteArray("1.7976931348623157e+308");
    QTest::newRow("nan") << NaN << QByteArray("nan");
    QTest::newRow("negative nan") << -NaN << QByteArray("nan");
    QTest::newRow("inf") << Inf << QByteArray("inf");
    QTest::newRow("-inf") << -Inf << QByteArray("-inf");
}

void TestDataExport::exportNumber()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(::exportNumber(value), text);
}

void TestDataExport::numbersRoundTrip()
{
    // Random bit patterns cover every exponent, subnormals included; each must read back exactly.
    QRandomGenerator random(20240601);
    for (int i = 0; i < 200000; ++i) {
        const quint64 bits = random.generate64();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (std::isnan(v))
            continue;
        const QByteArray text = ::exportNumber(v);
        bool ok = false;
        const double back = text.toDouble(&ok);
        QVERIFY2(ok || std::isinf(v), text.constData());
        QVERIFY2(sameBits(back, v),
                 qPrintable(QStringLiteral("%1 reads back as %2")
                                .arg(QString::fromLatin1(text))
                                .arg(back, 0, 'g', 17)));
        QVERIFY2(text.size() <= 24, text.constData());
    }
}

void TestDataExport::csvHeaderSuffixesRepeatedIds()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("leaky_relu")));
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    QVERIFY(scene.insertFunction(2, QStringLiteral("leaky_relu"), { 0.2, 0 }));
    QVERIFY(scene.addFunction(QStringLiteral("leaky_relu")));

    QCOMPARE(functionKeys(scene),
             (QStringList { "leaky_relu", "sigmoid", "leaky_relu#2", "leaky_relu#3" }));
    const QByteArray csv = sceneToCsv(scene, { 0.0 });
    QCOMPARE(csv.left(csv.indexOf('\n')),
             QByteArray("x,leaky_relu,leaky_relu_grad,leaky_relu_grad2,"
                        "sigmoid,sigmoid_grad,sigmoid_grad2,"
                        "leaky_relu#2,leaky_relu#2_grad,leaky_relu#2_grad2,"
                        "leaky_relu#3,leaky_relu#3_grad,leaky_relu#3_grad2"));
}

void TestDataExport::csvQuotesExpressionNames()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("expr:max(x, 0)")));
    QVERIFY(scene.addFunction(QStringLiteral("mse_loss")));
    const QByteArray csv = sceneToCsv(scene, { -1.0, 2.0 });
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines[0],
             QByteArray("x,\"expr:max(x, 0)\",\"expr:max(x, 0)_grad\",\"expr:max(x, 0)_grad2\","
                        "mse_loss,mse_loss_grad,mse_loss_grad2"));
    // max(x, 0) is relu; mse_loss against target 0 is x², its gradient 2x.
    QCOMPARE(lines[1], QByteArray("-1,0,0,0,1,-2,2"));
    QCOMPARE(lines[2], QByteArray("2,2,1,0,4,4,2"));
}

void TestDataExport::csvHasOneLinePerX()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("tanh")));
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QVERIFY(scene.setSampleCount(1001));
    const QList<double> xs = scene.samples();
    const QByteArray csv = sceneToCsv(scene, xs);
    QVERIFY(csv.endsWith('\n'));
    QVERIFY(!csv.contains('\r'));
    const QList<QList<QByteArray>> rows = parseCsv(csv);
    QCOMPARE(rows.size(), xs.size() + 1);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), 7);
        // The x column is the linspace, exactly.
        QVERIFY(sameBits(csvNumber(rows[i][0]), xs[i - 1]));
        const Derivatives d = scene.function(1).spec->at(xs[i - 1], scene.function(1).parameters);
        QVERIFY(sameBits(csvNumber(rows[i][4]), d.f));
        QVERIFY(sameBits(csvNumber(rows[i][5]), d.d1));
        QVERIFY(sameBits(csvNumber(rows[i][6]), d.d2));
    }
    QCOMPARE(rows[1][0], QByteArray("-6"));
    QCOMPARE(rows.last()[0], QByteArray("6"));
}

void TestDataExport::csvOfEmptyScene()
{
    SceneModel scene;
    QCOMPARE(sceneToCsv(scene, { 1.0, 2.0 }), QByteArray("x\n1\n2\n"));
    QCOMPARE(sceneToCsv(scene, {}), QByteArray("x\n"));
}

void TestDataExport::csvMatchesPyTorch_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("params");
    QTest::addColumn<QList<double>>("x");
    QTest::addColumn<QList<double>>("f");
    QTest::addColumn<QList<double>>("grad");
    QTest::addColumn<QList<double>>("grad2");

    const QList<ReferenceGroup> groups = referenceGroups();
    QCOMPARE(groups.size(), 36);
    for (const ReferenceGroup &g : groups) {
        QTest::addRow("%s(%s)", qPrintable(g.id), qPrintable(g.params))
            << g.id << g.params << g.x << g.f << g.grad << g.grad2;
    }
}

void TestDataExport::csvMatchesPyTorch()
{
    QFETCH(QString, id);
    QFETCH(QString, params);
    QFETCH(QList<double>, x);
    QFETCH(QList<double>, f);
    QFETCH(QList<double>, grad);
    QFETCH(QList<double>, grad2);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY2(spec, qPrintable(id));
    // Another function first, so the columns are found by their header, not by position.
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("identity")));
    QString error;
    QVERIFY2(scene.insertFunction(1, id, parseReferenceParameters(*spec, params), &error), qPrintable(error));

    const QList<QList<QByteArray>> rows = parseCsv(sceneToCsv(scene, x));
    QCOMPARE(rows.size(), x.size() + 1);
    const QByteArray key = id == QLatin1String("identity") ? id.toLatin1() + "#2" : id.toLatin1();
    const qsizetype column = rows[0].indexOf(key);
    QCOMPARE(column, 4);
    QCOMPARE(rows[0][column + 1], key + "_grad");
    QCOMPARE(rows[0][column + 2], key + "_grad2");

    for (qsizetype i = 0; i < x.size(); ++i) {
        const QList<QByteArray> &row = rows[i + 1];
        const QString where
            = QStringLiteral("%1(%2) at x = %3").arg(id, params).arg(x[i], 0, 'g', 17);
        QVERIFY2(sameBits(csvNumber(row[0]), x[i]), qPrintable(where));
        const double gotF = csvNumber(row[column]);
        const double gotGrad = csvNumber(row[column + 1]);
        const double gotGrad2 = csvNumber(row[column + 2]);
        QVERIFY2(closeToReference(gotF, f[i], 1e-12),
                 qPrintable(where
                            + QStringLiteral(": f = %1, PyTorch %2")
                                  .arg(gotF, 0, 'g', 17)
                                  .arg(f[i], 0, 'g', 17)));
        // PyTorch 1.13's hardsigmoid backward uses the float32 constant 1/6 even in float64.
        const double gradTolerance
            = id == QLatin1String("hardsigmoid") && grad[i] != 0.0 ? 1e-8 : 1e-12;
        QVERIFY2(closeToReference(gotGrad, grad[i], gradTolerance),
                 qPrintable(where
                            + QStringLiteral(": f′ = %1, PyTorch %2")
                                  .arg(gotGrad, 0, 'g', 17)
                                  .arg(grad[i], 0, 'g', 17)));
        if (id == QLatin1String("mish") && std::isnan(grad2[i])) {
            // PyTorch's double backward of mish overflows to NaN at x = 1000; the true f″ ≈ 0.
            QVERIFY2(std::fabs(gotGrad2) < 1e-300, qPrintable(where));
            continue;
        }
        QVERIFY2(closeToReference(gotGrad2, grad2[i], 1e-9),
                 qPrintable(where
                            + QStringLiteral(": f″ = %1, PyTorch %2")
                                  .arg(gotGrad2, 0, 'g', 17)
                                  .arg(grad2[i], 0, 'g', 17)));
        // The identity column is exact everywhere.
        QVERIFY2(sameBits(csvNumber(row[1]), x[i]), qPrintable(where));
    }
}

void TestDataExport::csvStepHasNoDerivativeAtZero()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("step")));
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QCOMPARE(sceneToCsv(scene, { -1e-8, 0.0, 1e-8 }),
             QByteArray("x,step,step_grad,step_grad2,relu,relu_grad,relu_grad2\n"
                        "-1e-08,0,0,0,0,0,0\n"
                        "0,0,nan,nan,0,0,0\n"
                        "1e-08,1,0,0,1e-08,1,0\n"));
}

void TestDataExport::csvIncludesHiddenRows()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    QVERIFY(scene.addFunction(QStringLiteral("tanh")));
    QVERIFY(scene.setVisible(0, false));
    QCOMPARE(sceneToCsv(scene, { 0.0 }),
             QByteArray("x,sigmoid,sigmoid_grad,sigmoid_grad2,tanh,tanh_grad,tanh_grad2\n"
                        "0,0.5,0.25,-0,0,1,-0\n"));
}

void TestDataExport::jsonStructure()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("step")));
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    QVERIFY(scene.addFunction(QStringLiteral("tanh")));
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QVERIFY(scene.setRange(-5.5, 7.25));
    QVERIFY(scene.setEpsilon(0.02));

    const QByteArray json = sceneToJson(scene);
    QVERIFY2(json.contains("\n    \""), "indented");
    const QJsonObject report = parseJson(json);
    QCOMPARE(report.value("format").toString(), QStringLiteral("activation-explorer-report"));
    QCOMPARE(report.value("version").toInt(), 1);
    QCOMPARE(report.value("x_min").toDouble(), -5.5);
    QCOMPARE(report.value("x_max").toDouble(), 7.25);
    QCOMPARE(report.value("epsilon").toDouble(), 0.02);

    const QJsonArray functions = report.value("functions").toArray();
    QCOMPARE(functions.size(), 4);
    const QStringList ids { "step", "sigmoid", "tanh", "relu" };
    const QStringList keys { "id",
                             "intervals",
                             "label",
                             "max_abs_grad",
                             "parameters",
                             "points",
                             "saturated_fraction",
                             "saturated_fraction_total",
                             "zero_fraction" };
    for (int i = 0; i < 4; ++i) {
        const QJsonObject fn = functions[i].toObject();
        QCOMPARE(fn.keys(), keys);
        QCOMPARE(fn.value("id").toString(), ids[i]);
        QCOMPARE(fn.value("label").toString(), scene.function(i).label());
        QVERIFY(fn.value("parameters").isObject());
        const QJsonObject maxGrad = fn.value("max_abs_grad").toObject();
        QCOMPARE(maxGrad.keys(), (QStringList { "value", "x" }));
        QVERIFY(maxGrad.value("value").isDouble());
        QVERIFY(maxGrad.value("x").isDouble());
        const QJsonArray intervals = fn.value("intervals").toArray();
        QVERIFY(!intervals.isEmpty());
        for (const QJsonValue v : intervals) {
            const QJsonObject interval = v.toObject();
            QCOMPARE(interval.keys(), (QStringList { "from", "kind", "to" }));
            QVERIFY(interval.value("from").toDouble() < interval.value("to").toDouble());
            QVERIFY(interval.value("kind") == QLatin1String("zero")
                    || interval.value("kind") == QLatin1String("saturated"));
        }
        const double zero = fn.value("zero_fraction").toDouble();
        const double saturated = fn.value("saturated_fraction").toDouble();
        QCOMPARE(fn.value("saturated_fraction_total").toDouble(), zero + saturated);
    }
    // step: f′ = 0 everywhere (but at 0, where it has none).
    const QJsonObject step = functions[0].toObject();
    for (const QJsonValue interval : step.value("intervals").toArray())
        QCOMPARE(interval["kind"].toString(), QStringLiteral("zero"));
    QCOMPARE(step.value("intervals")[0]["from"].toDouble(), -5.5);
    QCOMPARE(step.value("zero_fraction").toDouble(), 1.0);
}

void TestDataExport::jsonParameters()
{
    SceneModel scene;
    QVERIFY(scene.insertFunction(0, QStringLiteral("leaky_relu"), { 0.2, 0 }));
    QVERIFY(scene.insertFunction(1, QStringLiteral("gelu"), { 1, 0 }));
    QVERIFY(scene.insertFunction(2, QStringLiteral("hardtanh"), { -2, 0.5 }));
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    QVERIFY(scene.addFunction(QStringLiteral("gelu")));

    const QJsonArray functions = parseJson(sceneToJson(scene)).value("functions").toArray();
    QCOMPARE(functions.size(), 5);
    QCOMPARE(functions[0]["parameters"].toObject(), (QJsonObject { { "negative_slope", 0.2 } }));
    QCOMPARE(functions[1]["parameters"].toObject(), (QJsonObject { { "approximate", "tanh" } }));
    QCOMPARE(functions[2]["parameters"].toObject(),
             (QJsonObject { { "min_val", -2.0 }, { "max_val", 0.5 } }));
    QCOMPARE(functions[3]["parameters"].toObject(), QJsonObject());
    QCOMPARE(functions[4]["parameters"].toObject(), (QJsonObject { { "approximate", "none" } }));
    QCOMPARE(functions[0]["label"].toString(), scene.function(0).label());
}

void TestDataExport::jsonSigmoidBoundsAreClosedForm_data()
{
    QTest::addColumn<double>("epsilon");
    QTest::newRow("ε 0.01") << 0.01;
    QTest::newRow("ε 0.1") << 0.1;
    QTest::newRow("ε 1e-3") << 1e-3;
    QTest::newRow("ε 0.2") << 0.2;
}

void TestDataExport::jsonSigmoidBoundsAreClosedForm()
{
    QFETCH(double, epsilon);
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    QVERIFY(scene.setRange(-6, 6));
    QVERIFY(scene.setEpsilon(epsilon));
    const QJsonObject sigmoid
        = parseJson(sceneToJson(scene)).value("functions").toArray().at(0).toObject();

    const double b = sigmoidBound(epsilon);
    const double s = std::sqrt(1 - 4 * epsilon);
    QVERIFY(std::fabs(b - std::log((1 + s) / (1 - s))) < 1e-12 * b);
    const QJsonArray intervals = sigmoid.value("intervals").toArray();
    if (b >= 6) {
        QVERIFY(intervals.isEmpty());
        return;
    }
    QCOMPARE(intervals.size(), 2);
    QCOMPARE(intervals[0]["from"].toDouble(), -6.0);
    QVERIFY(closeToReference(intervals[0]["to"].toDouble(), -b, 1e-12));
    QCOMPARE(intervals[0]["kind"].toString(), QStringLiteral("saturated"));
    QVERIFY(closeToReference(intervals[1]["from"].toDouble(), b, 1e-12));
    QCOMPARE(intervals[1]["to"].toDouble(), 6.0);
    QCOMPARE(intervals[1]["kind"].toString(), QStringLiteral("saturated"));

    QCOMPARE(sigmoid.value("zero_fraction").toDouble(), 0.0);
    QVERIFY(closeToReference(sigmoid.value("saturated_fraction").toDouble(), (6 - b) / 6, 1e-11));
    QVERIFY(closeToReference(sigmoid.value("saturated_fraction_total").toDouble(), (6 - b) / 6, 1e-11));
    QCOMPARE(sigmoid.value("max_abs_grad")["value"].toDouble(), 0.25);
    QCOMPARE(sigmoid.value("max_abs_grad")["x"].toDouble(), 0.0);
}

void TestDataExport::jsonReluIsZeroOnTheLeft()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QVERIFY(scene.setRange(-6, 6));
    const QJsonObject relu = parseJson(sceneToJson(scene)).value("functions")[0].toObject();
    const QJsonArray intervals = relu.value("intervals").toArray();
    QCOMPARE(intervals.size(), 1);
    QCOMPARE(intervals[0].toObject(),
             (QJsonObject { { "from", -6.0 }, { "to", 0.0 }, { "kind", "zero" } }));
    QCOMPARE(relu.value("zero_fraction").toDouble(), 0.5);
    QCOMPARE(relu.value("saturated_fraction").toDouble(), 0.0);
    QCOMPARE(relu.value("max_abs_grad").toObject(),
             (QJsonObject { { "value", 1.0 }, { "x", 0.0 } }));
}

void TestDataExport::jsonEqualsTheAnalysisExactly()
{
    // Every catalogue function on an awkward range: every double in the report reads back as the
    // very value the analysis computed.
    SceneModel scene;
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        QVERIFY(scene.addFunction(spec.id));
    QVERIFY(scene.setRange(-7.123456789012345, 5.1 / 3.0));
    QVERIFY(scene.setEpsilon(0.1 / 3.0));

    const QJsonObject report = parseJson(sceneToJson(scene));
    QVERIFY(sameBits(report.value("x_min").toDouble(), scene.xMin()));
    QVERIFY(sameBits(report.value("x_max").toDouble(), scene.xMax()));
    QVERIFY(sameBits(report.value("epsilon").toDouble(), scene.epsilon()));
    const QJsonArray functions = report.value("functions").toArray();
    QCOMPARE(functions.size(), scene.rowCount());
    for (int row = 0; row < scene.rowCount(); ++row) {
        const SaturationResult &expected = scene.saturation(row);
        const QJsonObject fn = functions[row].toObject();
        QCOMPARE(fn.value("id").toString(), scene.function(row).spec->id);
        const QJsonArray intervals = fn.value("intervals").toArray();
        QCOMPARE(intervals.size(), expected.intervals.size());
        for (qsizetype i = 0; i < intervals.size(); ++i) {
            QVERIFY(sameBits(intervals[i]["from"].toDouble(), expected.intervals[i].from));
            QVERIFY(sameBits(intervals[i]["to"].toDouble(), expected.intervals[i].to));
            QCOMPARE(intervals[i]["kind"].toString(),
                     saturationKindName(expected.intervals[i].kind));
        }
        QVERIFY(sameBits(fn.value("zero_fraction").toDouble(), expected.zeroFraction));
        QVERIFY(sameBits(fn.value("saturated_fraction").toDouble(), expected.saturatedFraction));
        QVERIFY(sameBits(fn.value("max_abs_grad")["value"].toDouble(), expected.maxAbsGradient));
        QVERIFY(sameBits(fn.value("max_abs_grad")["x"].toDouble(), expected.maxAbsGradientAt));
    }
}

void TestDataExport::writesNewFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY2(writeFileAtomically(path, "x\n1\n", &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("x\n1\n"));
    QCOMPARE(entries(dir.path()), QStringList { "out.csv" });
    // Readable by others as any new file is (the umask decides), not a temporary file's 0600.
    QVERIFY(file.permissions() & QFileDevice::ReadOwner);
    QVERIFY(file.permissions() & QFileDevice::WriteOwner);
}

void TestDataExport::replacesExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.json"));
    QVERIFY(writeFileAtomically(path, QByteArray(100000, 'a')));
    QVERIFY(writeFileAtomically(path, "short"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("short"));
    QCOMPARE(entries(dir.path()), QStringList { "report.json" });
}

void TestDataExport::refusesUnwritablePaths_data()
{
    QTest::addColumn<QString>("relativePath"); ///< inside a fresh temporary folder, or absolute
    QTest::addColumn<QString>("reason");

    QTest::newRow("a folder") << QStringLiteral("folder") << QStringLiteral("it is a folder");
    QTest::newRow("missing parent") << QStringLiteral("missing/out.csv")
                                    << QStringLiteral("the folder '%1/missing' does not exist");
    QTest::newRow("parent is a file") << QStringLiteral("existing.csv/out.csv")
                                      << QStringLiteral("'%1/existing.csv' is not a folder");
    QTest::newRow("empty path") << QString() << QStringLiteral("no file name given");
#ifdef Q_OS_LINUX
    // Nobody may create a file in /proc, though root passes the permission check.
    QTest::newRow("unwritable folder (/proc)")
        << QStringLiteral("/proc/activation-explorer-test.csv")
        << (QFileInfo(QStringLiteral("/proc")).isWritable()
                ? QStringLiteral(
                    "cannot create a file in the folder '/proc' (No such file or directory)")
                : QStringLiteral("the folder '/proc' is not writable"));
#endif
    QTest::newRow("read-only folder") << QStringLiteral("readonly/out.csv")
                                      << QStringLiteral("the folder '%1/readonly' is not writable");
}

void TestDataExport::refusesUnwritablePaths()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, reason);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("readonly")));
    QVERIFY(writeFileAtomically(dir.filePath(QStringLiteral("existing.csv")), "old"));
    QFile::setPermissions(dir.filePath(QStringLiteral("readonly")),
                          QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dir.filePath(QStringLiteral("readonly")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner);
    });
    if (relativePath.startsWith(QLatin1String("readonly"))) {
        QFile probe(dir.filePath(QStringLiteral("readonly/probe")));
        if (probe.open(QIODevice::WriteOnly))
            QSKIP("a read-only folder is writable for this user (root); /proc covers the case");
    }

    const QStringList before = entries(dir.path());
    const QString path = relativePath.isEmpty() || QDir::isAbsolutePath(relativePath)
        ? relativePath
        : dir.filePath(relativePath);
    QString error;
    QVERIFY(!writeFileAtomically(path, "new data", &error));
    QCOMPARE(error,
             QStringLiteral("cannot write '%1': %2")
                 .arg(path, QString(reason).replace(QLatin1String("%1"), dir.path())));

    // Nothing new, nothing changed.
    QCOMPARE(entries(dir.path()), before);
    QVERIFY(entries(dir.filePath(QStringLiteral("folder"))).isEmpty());
    QVERIFY(entries(dir.filePath(QStringLiteral("readonly"))).isEmpty());
    QFile existing(dir.filePath(QStringLiteral("existing.csv")));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("old"));
}

void TestDataExport::failedWriteLeavesExistingFileIntact()
{
#ifdef Q_OS_LINUX
    // A file size limit makes the write itself fail half-way, for any user: the disk-full case.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(writeFileAtomically(path, "old contents\n"));

    rlimit saved {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString error;
    const bool written = writeFileAtomically(path, QByteArray(1 << 20, 'x'), &error);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written);
    QVERIFY2(error.startsWith(QStringLiteral("cannot write '%1': ").arg(path)), qPrintable(error));
    // The reason is errno's text, or the count of what could be written; never "Unknown error".
    QVERIFY2(!error.contains(QLatin1String("Unknown error")), qPrintable(error));
    QVERIFY2(error.size() > QStringLiteral("cannot write '%1': ").arg(path).size() + 3,
             qPrintable(error));
    QCOMPARE(entries(dir.path()), QStringList { "out.csv" });
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old contents\n"));
#else
    QSKIP("needs RLIMIT_FSIZE");
#endif
}

void TestDataExport::jsonPointsOfInterest()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("silu")));
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QVERIFY(scene.addFunction(QStringLiteral("step")));
    QVERIFY(scene.setRange(-6, 6));
    const QJsonArray functions = parseJson(sceneToJson(scene)).value("functions").toArray();

    // silu on (−6, 6): its inflections (gradient peaks too), minimum and zero, ascending.
    const QJsonArray silu = functions[0]["points"].toArray();
    QStringList kinds;
    for (const QJsonValue point : silu)
        kinds << point["kind"].toString();
    QCOMPARE(kinds,
             (QStringList { "inflection", "gradient_peak", "minimum", "zero", "inflection",
                            "gradient_peak" }));
    const QJsonObject minimum = silu[2].toObject();
    QCOMPARE(minimum.keys(), (QStringList { "kind", "x", "y" }));
    // mpmath: x* = −1.27846454276107379510…, f(x*) = x* + 1.
    QVERIFY(std::abs(minimum["x"].toDouble() + 1.2784645427610738) <= 1e-12 * 1.28);
    QVERIFY(std::abs(minimum["y"].toDouble() + 0.2784645427610738) <= 1e-12);
    // Numbers read back as the very values computed.
    const QList<PointOfInterest> points
        = findPointsOfInterest(scene.function(0).function(), scene.xMin(), scene.xMax());
    QCOMPARE(points.size(), silu.size());
    QVERIFY(sameBits(minimum["x"].toDouble(), points[2].x));
    QVERIFY(sameBits(minimum["y"].toDouble(), points[2].y));
    QCOMPARE(silu[1].toObject().keys(), (QStringList { "grad", "kind", "x", "y" }));
    QVERIFY(sameBits(silu[1]["grad"].toDouble(), points[1].grad));

    // relu: its kink alone, with PyTorch's relu′(0) = 0.
    QCOMPARE(functions[1]["points"].toArray(),
             (QJsonArray { QJsonObject {
                 { "kind", "kink" }, { "x", 0.0 }, { "y", 0.0 }, { "grad", 0.0 } } }));
    // step's jump has no derivative: grad is null.
    const QJsonObject jump = functions[2]["points"][0].toObject();
    QCOMPARE(jump["kind"].toString(), QStringLiteral("kink"));
    QVERIFY(jump["grad"].isNull());
}

QTEST_GUILESS_MAIN(TestDataExport)
#include "tst_dataexport.moc"
