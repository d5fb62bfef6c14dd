// Session files: a scene survives a save and a load field by field, and every bad file is
// refused with a message saying what and where, leaving the scene as it was.

#include "dataexport.h"
#include "lessons.h"
#include "scenemodel.h"
#include "sessionfile.h"
#include "losscatalogue.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

/** A scene that uses every field a session holds, none at its default. */
void buildRichScene(SceneModel &scene)
{
    QVERIFY(scene.setRange(-2.5, 7.125));
    QVERIFY(scene.setEpsilon(0.003));
    QVERIFY(scene.setSampleCount(257));
    QVERIFY(scene.setMaxOrder(2));
    QVERIFY(scene.setFixedYRange(0, Interval { -1.5, 2.0 / 3.0 }));
    QVERIFY(scene.setFixedYRange(2, Interval { -0.1, 0.1 }));

    const ActivationSpec *leaky = ActivationCatalogue::find(u"leaky_relu");
    ParameterValues p = leaky->defaults();
    p[0] = 0.1 + 0.2; // a number with no short decimal form
    QVERIFY(scene.insertFunction(0, QStringLiteral("leaky_relu"), p));
    QVERIFY(scene.insertFunction(1, QStringLiteral("sigmoid"), {}, nullptr,
                                 AffineMap { 2.0, 2.0, -1.0 }));
    const ActivationSpec *gelu = ActivationCatalogue::find(u"gelu");
    ParameterValues g = gelu->defaults();
    g[size_t(gelu->parameterIndex(u"approximate"))] = 1; // "tanh"
    QVERIFY(scene.insertFunction(2, QStringLiteral("gelu"), g));
    QVERIFY(scene.addFunction(QStringLiteral("hardtanh")));
    QVERIFY(scene.setParameters(3, { -0.5, 1.0 / 3.0 }));
    QVERIFY(scene.setColor(0, QColor(0x12, 0x34, 0x56)));
    QVERIFY(scene.setColor(2, QColor(0xab, 0xcd, 0xef)));
    QVERIFY(scene.setVisible(1, false));
}

void compareScenes(const SceneModel &actual, const SceneModel &expected)
{
    QCOMPARE(actual.rowCount(), expected.rowCount());
    for (int row = 0; row < expected.rowCount(); ++row) {
        const FunctionInstance &a = actual.function(row);
        const FunctionInstance &e = expected.function(row);
        QCOMPARE(a.spec->id, e.spec->id);
        QCOMPARE(a.parameters[0], e.parameters[0]);
        QCOMPARE(a.parameters[1], e.parameters[1]);
        QVERIFY(a.map == e.map);
        QCOMPARE(a.color, e.color);
        QCOMPARE(a.visible, e.visible);
    }
    QCOMPARE(actual.xMin(), expected.xMin());
    QCOMPARE(actual.xMax(), expected.xMax());
    QCOMPARE(actual.epsilon(), expected.epsilon());
    QCOMPARE(actual.sampleCount(), expected.sampleCount());
    QCOMPARE(actual.maxOrder(), expected.maxOrder());
    for (int order = 0; order <= SceneModel::MaxOrder; ++order) {
        QCOMPARE(actual.fixedYRange(order).has_value(), expected.fixedYRange(order).has_value());
        if (expected.fixedYRange(order))
            QVERIFY(*actual.fixedYRange(order) == *expected.fixedYRange(order));
    }
    QCOMPARE(actual.samples(), expected.samples());
}

QByteArray goodJson()
{
    SceneModel scene;
    buildRichScene(scene);
    return SessionFile::toJson(scene, QStringLiteral("sigmoid-saturates"));
}

/** goodJson() with one change made to its parsed document. */
QByteArray edited(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = QJsonDocument::fromJson(goodJson()).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

void editFunction(QJsonObject &root, int row, const std::function<void(QJsonObject &)> &edit)
{
    QJsonArray functions = root[QStringLiteral("functions")].toArray();
    QJsonObject f = functions[row].toObject();
    edit(f);
    functions[row] = f;
    root[QStringLiteral("functions")] = functions;
}

} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void roundTripThroughFile();
    void roundTripOfLossesAndExpressions();
    void documentShape();
    void optionalKeysTakeDefaults();
    void keepsPlotSize();
    void refusesBadDocument_data();
    void refusesBadDocument();
    void refusesUnreadableFile_data();
    void refusesUnreadableFile();
    void saveToUnwritablePathLeavesNoFile();
    void saveReplacesOldFile();
};

void TestSessionFile::roundTrip()
{
    SceneModel scene;
    buildRichScene(scene);
    const QByteArray json = SessionFile::toJson(scene, QStringLiteral("sigmoid-saturates"));

    SceneModel loaded;
    QAbstractItemModelTester tester(&loaded);
    QSignalSpy reset(&loaded, &QAbstractItemModel::modelReset);
    QSignalSpy recomputed(&loaded, &SceneModel::recomputed);
    QString lesson;
    QString error;
    QVERIFY2(SessionFile::fromJson(json, loaded, &lesson, &error), qPrintable(error));
    QCOMPARE(error, QString());
    QCOMPARE(lesson, QStringLiteral("sigmoid-saturates"));
    QCOMPARE(reset.count(), 1); // one assign(), not one signal per key
    QCOMPARE(recomputed.count(), 1);
    compareScenes(loaded, scene);
    // The curves follow from the fields; check them too, once.
    for (int row = 0; row < scene.rowCount(); ++row) {
        for (int order = 0; order <= scene.maxOrder(); ++order)
            QCOMPARE(loaded.curve(row, order).pieces.size(), scene.curve(row, order).pieces.size());
    }
    // Saving what was loaded writes the same document.
    QCOMPARE(SessionFile::toJson(loaded, lesson), json);

    // No lesson round-trips as empty.
    QVERIFY(SessionFile::fromJson(SessionFile::toJson(scene), loaded, &lesson, &error));
    QCOMPARE(lesson, QString());
}

void TestSessionFile::roundTripOfLossesAndExpressions()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("cross_entropy")));
    QVERIFY(scene.setParameter(0, QStringLiteral("label_smoothing"), 0.1));
    QVERIFY(scene.setParameter(0, QStringLiteral("logit_1"), 2.5));
    QVERIFY(scene.addFunction(QStringLiteral("expr:b * relu(x - a)")));
    QVERIFY(scene.setParameter(1, QStringLiteral("a"), -0.5));
    QVERIFY(scene.setParameter(1, QStringLiteral("b"), 3.0));
    const QByteArray json = SessionFile::toJson(scene);
    QVERIFY(json.contains("\"expr:b * relu(x - a)\""));

    SceneModel loaded;
    QString error;
    QVERIFY2(SessionFile::fromJson(json, loaded, nullptr, &error), qPrintable(error));
    QCOMPARE(loaded.rowCount(), 2);
    QCOMPARE(loaded.function(0).spec->kind, FunctionKind::Loss);
    QCOMPARE(loaded.function(0).parameters, scene.function(0).parameters);
    QCOMPARE(loaded.function(1).spec->kind, FunctionKind::Custom);
    QCOMPARE(loaded.function(1).parameters, scene.function(1).parameters);
    // 3·relu(x + 0.5): the values and PyTorch's derivative at the kink x = −0.5.
    QCOMPARE(loaded.function(1).at(1.0).f, 4.5);
    QCOMPARE(loaded.function(1).at(-0.5).d1, 0.0);
    QCOMPARE(SessionFile::toJson(loaded), json);
}

void TestSessionFile::roundTripThroughFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson.aesession.json"));
    SceneModel scene;
    buildRichScene(scene);
    QString error;
    QVERIFY2(SessionFile::save(path, scene, QStringLiteral("relu-gradient"), &error),
             qPrintable(error));
    SceneModel loaded;
    QString lesson;
    QVERIFY2(SessionFile::load(path, loaded, &lesson, &error), qPrintable(error));
    QCOMPARE(lesson, QStringLiteral("relu-gradient"));
    compareScenes(loaded, scene);
    // Only the session itself is left in the folder: no temporary file.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList { QStringLiteral("lesson.aesession.json") });
}

void TestSessionFile::documentShape()
{
    const QJsonObject root = QJsonDocument::fromJson(goodJson()).object();
    QCOMPARE(root[QStringLiteral("format")].toString(), QStringLiteral("activation-explorer-session"));
    QCOMPARE(root[QStringLiteral("version")].toInt(), 1);
    QCOMPARE(root[QStringLiteral("x_min")].toDouble(), -2.5);
    QCOMPARE(root[QStringLiteral("sample_count")].toInt(), 257);
    QCOMPARE(root[QStringLiteral("lesson")].toString(), QStringLiteral("sigmoid-saturates"));
    const QJsonObject view = root[QStringLiteral("view")].toObject();
    QCOMPARE(view[QStringLiteral("max_order")].toInt(), 2);
    const QJsonObject fixed = view[QStringLiteral("fixed_y")].toObject();
    QCOMPARE(fixed.keys(), (QStringList { QStringLiteral("0"), QStringLiteral("2") }));
    QCOMPARE(fixed[QStringLiteral("2")].toArray(), (QJsonArray { -0.1, 0.1 }));
    const QJsonArray functions = root[QStringLiteral("functions")].toArray();
    QCOMPARE(functions.size(), 4);
    const QJsonObject gelu = functions[2].toObject();
    QCOMPARE(gelu[QStringLiteral("id")].toString(), QStringLiteral("gelu"));
    // A choice is saved as its word, as PyTorch spells it.
    QCOMPARE(gelu[QStringLiteral("parameters")].toObject()[QStringLiteral("approximate")].toString(),
             QStringLiteral("tanh"));
    QCOMPARE(gelu[QStringLiteral("color")].toString(), QStringLiteral("#abcdef"));
    const QJsonObject sigmoid = functions[1].toObject();
    QCOMPARE(sigmoid[QStringLiteral("visible")].toBool(), false);
    const QJsonObject map = sigmoid[QStringLiteral("map")].toObject();
    QCOMPARE(map[QStringLiteral("input_scale")].toDouble(), 2.0);
    QCOMPARE(map[QStringLiteral("output_shift")].toDouble(), -1.0);
}

void TestSessionFile::optionalKeysTakeDefaults()
{
    const QByteArray json = R"({"format": "activation-explorer-session", "version": 1,
        "functions": [{"id": "elu"}], "x_min": -1, "x_max": 1, "epsilon": 0.5,
        "sample_count": 11})";
    SceneModel scene;
    QString lesson = QStringLiteral("stale");
    QString error;
    QVERIFY2(SessionFile::fromJson(json, scene, &lesson, &error), qPrintable(error));
    QCOMPARE(lesson, QString());
    QCOMPARE(scene.rowCount(), 1);
    QVERIFY(scene.function(0).parameters == scene.function(0).spec->defaults());
    QVERIFY(scene.function(0).map.isIdentity());
    QVERIFY(scene.function(0).visible);
    QVERIFY(scene.function(0).color.isValid());
    QCOMPARE(scene.maxOrder(), 1);
}

void TestSessionFile::keepsPlotSize()
{
    SceneModel scene;
    QVERIFY(scene.setPlotSize(QSize(333, 222)));
    QVERIFY(SessionFile::fromJson(goodJson(), scene));
    QCOMPARE(scene.plotSize(), QSize(333, 222));
}

void TestSessionFile::refusesBadDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    const QByteArray good = goodJson();
    const QString ids = ActivationCatalogue::idList() + ", " + LossCatalogue::idList()
        + ", or an expression as \"expr:x * sigmoid(x)\"";

    QTest::newRow("empty") << QByteArray() << "the file is empty";
    QTest::newRow("only spaces") << QByteArray(" \n\t") << "the file is empty";
    QTest::newRow("corrupt") << QByteArray("{\n  \"format\": \"activation-explorer-session\",\n"
                                           "  \"version\": 1,,\n}")
                             << "not valid JSON at byte 61 (line 3, column 17): unterminated object";
    {
        const QByteArray truncated = good.left(good.size() / 2);
        QJsonParseError e;
        QJsonDocument::fromJson(truncated, &e);
        QVERIFY(e.error != QJsonParseError::NoError);
        const int line = int(truncated.left(e.offset).count('\n')) + 1;
        const int column = e.offset - int(truncated.left(e.offset).lastIndexOf('\n') + 1) + 1;
        QTest::newRow("truncated")
            << truncated
            << QStringLiteral("not valid JSON at byte %1 (line %2, column %3): %4 (the file ends "
                              "early: is it truncated?)")
                   .arg(e.offset)
                   .arg(line)
                   .arg(column)
                   .arg(e.errorString());
    }
    QTest::newRow("bare NaN") << QByteArray(R"({"x_min": NaN})")
                              << "not valid JSON at byte 10 (line 1, column 11): illegal number";
    QTest::newRow("an array") << QByteArray("[1, 2]")
                              << "not an Activation Explorer session (the document is an array, "
                                 "not an object)";
    QTest::newRow("foreign object") << QByteArray(R"({"name": "package", "version": "1.0"})")
                                    << "not an Activation Explorer session (it has no 'format' key)";
    QTest::newRow("foreign format") << QByteArray(R"({"format": "geojson", "version": 1})")
                                    << "not an Activation Explorer session (format is 'geojson')";
    QTest::newRow("format not a string")
        << QByteArray(R"({"format": 3})")
        << "not an Activation Explorer session (format is the number 3)";
    QTest::newRow("future version")
        << edited([](QJsonObject &r) { r[QStringLiteral("version")] = 7; })
        << "written by a newer version (version 7; this program reads version 1)";
    QTest::newRow("version as a string")
        << edited([](QJsonObject &r) { r[QStringLiteral("version")] = QStringLiteral("1"); })
        << "version: must be a number (got the string '1')";
    QTest::newRow("version 0")
        << edited([](QJsonObject &r) { r[QStringLiteral("version")] = 0; })
        << "version: 0 is not a version number";
    QTest::newRow("no version")
        << edited([](QJsonObject &r) { r.remove(QStringLiteral("version")); })
        << "version: missing";
    QTest::newRow("no x_min") << edited([](QJsonObject &r) { r.remove(QStringLiteral("x_min")); })
                              << "x_min: missing";
    QTest::newRow("x_min a string")
        << edited([](QJsonObject &r) { r[QStringLiteral("x_min")] = QStringLiteral("-6"); })
        << "x_min: must be a number (got the string '-6')";
    QTest::newRow("x_max NaN string")
        << edited([](QJsonObject &r) { r[QStringLiteral("x_max")] = QStringLiteral("NaN"); })
        << "x_max: must be a number (got the string 'NaN')";
    QTest::newRow("x_max null") << edited([](QJsonObject &r) { r[QStringLiteral("x_max")] = QJsonValue(); })
                                << "x_max: must be a number (got null)";
    QTest::newRow("x_min > x_max")
        << edited([](QJsonObject &r) { r[QStringLiteral("x_min")] = 10; })
        << "x_min, x_max: x range: min (10) must be less than max (7.125)";
    QTest::newRow("epsilon 0") << edited([](QJsonObject &r) { r[QStringLiteral("epsilon")] = 0; })
                               << "epsilon: epsilon must be a finite number > 0 (got 0)";
    // Qt's parser refuses numbers beyond double precision itself, and says where.
    QTest::newRow("epsilon 1e999")
        << QByteArray(good).replace("\"epsilon\": 0.003", "\"epsilon\": 1e999")
        << "not valid JSON at byte 22 (line 2, column 21): illegal number";
    QTest::newRow("sample_count fractional")
        << edited([](QJsonObject &r) { r[QStringLiteral("sample_count")] = 10.5; })
        << "sample_count: must be a whole number between 2 and 1000000 (got 10.5)";
    QTest::newRow("sample_count too large")
        << edited([](QJsonObject &r) { r[QStringLiteral("sample_count")] = 1e7; })
        << "sample_count: must be a whole number between 2 and 1000000 (got 10000000)";
    QTest::newRow("view.max_order 3")
        << edited([](QJsonObject &r) {
               r[QStringLiteral("view")] = QJsonObject { { QStringLiteral("max_order"), 3 } };
           })
        << "view.max_order: must be a whole number between 1 and 2 (got 3)";
    QTest::newRow("fixed_y order 5")
        << edited([](QJsonObject &r) {
               r[QStringLiteral("view")] = QJsonObject { { QStringLiteral("fixed_y"),
                   QJsonObject { { QStringLiteral("5"), QJsonArray { 0, 1 } } } } };
           })
        << "view.fixed_y.5: unknown derivative order; valid keys: 0, 1, 2";
    QTest::newRow("fixed_y reversed")
        << edited([](QJsonObject &r) {
               r[QStringLiteral("view")] = QJsonObject { { QStringLiteral("fixed_y"),
                   QJsonObject { { QStringLiteral("1"), QJsonArray { 1, 0 } } } } };
           })
        << "view.fixed_y.1: y range: min (1) must be less than max (0), both finite";
    QTest::newRow("fixed_y one value")
        << edited([](QJsonObject &r) {
               r[QStringLiteral("view")] = QJsonObject { { QStringLiteral("fixed_y"),
                   QJsonObject { { QStringLiteral("0"), QJsonArray { 1 } } } } };
           })
        << "view.fixed_y.0: must be an array [min, max] (got 1 values)";
    QTest::newRow("fixed_y string bound")
        << edited([](QJsonObject &r) {
               r[QStringLiteral("view")] = QJsonObject { { QStringLiteral("fixed_y"),
                   QJsonObject { { QStringLiteral("0"), QJsonArray { 0, QStringLiteral("inf") } } } } };
           })
        << "view.fixed_y.0[1]: must be a number (got the string 'inf')";
    QTest::newRow("functions not an array")
        << edited([](QJsonObject &r) { r[QStringLiteral("functions")] = QJsonObject(); })
        << "functions: must be an array (got an object)";
    QTest::newRow("function not an object")
        << edited([](QJsonObject &r) {
               QJsonArray f = r[QStringLiteral("functions")].toArray();
               f[1] = QStringLiteral("sigmoid");
               r[QStringLiteral("functions")] = f;
           })
        << "functions[1]: must be an object (got the string 'sigmoid')";
    QTest::newRow("unknown id")
        << edited([](QJsonObject &r) {
               editFunction(r, 2, [](QJsonObject &f) { f[QStringLiteral("id")] = QStringLiteral("foo"); });
           })
        << "functions[2].id: unknown function 'foo'; valid ids: " + ids;
    QTest::newRow("expression that does not parse")
        << edited([](QJsonObject &r) {
               editFunction(r, 1, [](QJsonObject &f) { f[QStringLiteral("id")] = QStringLiteral("expr:log(1 + x"); });
           })
        << "functions[1].id: the expression of 'expr:log(1 + x' does not parse: column 10: "
           "expected ')' after the argument of log, found the end of the expression";
    QTest::newRow("no id")
        << edited([](QJsonObject &r) {
               editFunction(r, 0, [](QJsonObject &f) { f.remove(QStringLiteral("id")); });
           })
        << "functions[0].id: missing";
    QTest::newRow("unknown parameter")
        << edited([](QJsonObject &r) {
               editFunction(r, 0, [](QJsonObject &f) {
                   f[QStringLiteral("parameters")] = QJsonObject { { QStringLiteral("alpha"), 1 } };
               });
           })
        << "functions[0].parameters.alpha: leaky_relu has no such parameter; its parameters: "
           "negative_slope";
    {
        const ActivationSpec *softplus = ActivationCatalogue::find(u"softplus");
        const int beta = softplus->parameterIndex(u"beta");
        QVERIFY(beta >= 0);
        QTest::newRow("parameter out of domain")
            << edited([](QJsonObject &r) {
                   editFunction(r, 0, [](QJsonObject &f) {
                       f[QStringLiteral("id")] = QStringLiteral("softplus");
                       f[QStringLiteral("parameters")]
                           = QJsonObject { { QStringLiteral("beta"), 0 } };
                   });
               })
            << "functions[0].parameters.beta: " + softplus->parameters[beta].check(0);
    }
    QTest::newRow("parameter as a string")
        << edited([](QJsonObject &r) {
               editFunction(r, 0, [](QJsonObject &f) {
                   f[QStringLiteral("parameters")]
                       = QJsonObject { { QStringLiteral("negative_slope"), QStringLiteral("NaN") } };
               });
           })
        << "functions[0].parameters.negative_slope: must be a number (got the string 'NaN')";
    QTest::newRow("unknown choice")
        << edited([](QJsonObject &r) {
               editFunction(r, 2, [](QJsonObject &f) {
                   f[QStringLiteral("parameters")]
                       = QJsonObject { { QStringLiteral("approximate"), QStringLiteral("erf") } };
               });
           })
        << "functions[2].parameters.approximate: must be "
               + ActivationCatalogue::find(u"gelu")->parameters[0].domainText()
               + " (got the string 'erf')";
    QTest::newRow("parameters cross-check")
        << edited([](QJsonObject &r) {
               editFunction(r, 3, [](QJsonObject &f) {
                   f[QStringLiteral("parameters")] = QJsonObject {
                       { QStringLiteral("min_val"), 2 }, { QStringLiteral("max_val"), 1 } };
               });
           })
        << "functions[3].parameters: hardtanh: min_val (2) must be less than max_val (1)";
    QTest::newRow("map a = 0")
        << edited([](QJsonObject &r) {
               editFunction(r, 1, [](QJsonObject &f) {
                   f[QStringLiteral("map")] = QJsonObject { { QStringLiteral("input_scale"), 0 } };
               });
           })
        << "functions[1].map: " + AffineMap { 0, 1, 0 }.check();
    QTest::newRow("map unknown key")
        << edited([](QJsonObject &r) {
               editFunction(r, 1, [](QJsonObject &f) {
                   f[QStringLiteral("map")] = QJsonObject { { QStringLiteral("scale"), 2 } };
               });
           })
        << "functions[1].map.scale: unknown key; valid keys: input_scale, output_scale, "
           "output_shift";
    QTest::newRow("bad colour")
        << edited([](QJsonObject &r) {
               editFunction(r, 0, [](QJsonObject &f) { f[QStringLiteral("color")] = QStringLiteral("red"); });
           })
        << "functions[0].color: must be a colour as \"#rrggbb\" (got the string 'red')";
    QTest::newRow("visible a number")
        << edited([](QJsonObject &r) {
               editFunction(r, 3, [](QJsonObject &f) { f[QStringLiteral("visible")] = 1; });
           })
        << "functions[3].visible: must be true or false (got the number 1)";
    QTest::newRow("unknown lesson")
        << edited([](QJsonObject &r) { r[QStringLiteral("lesson")] = QStringLiteral("nope"); })
        << [] {
               QStringList lessonIds;
               for (const Lesson &l : Lessons::all())
                   lessonIds << QString::fromLatin1(l.id);
               return "lesson: unknown lesson 'nope'; valid ids: "
                   + lessonIds.join(QLatin1String(", "));
           }();
    QTest::newRow("lesson a number")
        << edited([](QJsonObject &r) { r[QStringLiteral("lesson")] = 3; })
        << "lesson: must be a lesson id or empty (got the number 3)";
    QTest::newRow("257 functions")
        << edited([](QJsonObject &r) {
               QJsonArray functions;
               for (int i = 0; i < 257; ++i)
                   functions.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("relu") } });
               r[QStringLiteral("functions")] = functions;
           })
        << "functions: 257 functions; a scene holds at most 256";
}

void TestSessionFile::refusesBadDocument()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("tanh")));
    QVERIFY(scene.setRange(-1, 3));
    const QByteArray before = SessionFile::toJson(scene);
    QAbstractItemModelTester tester(&scene);
    QSignalSpy reset(&scene, &QAbstractItemModel::modelReset);
    QSignalSpy recomputed(&scene, &SceneModel::recomputed);
    QString lesson = QStringLiteral("relu-gradient");
    QString error;
    QVERIFY(!SessionFile::fromJson(json, scene, &lesson, &error));
    QCOMPARE(error, message);
    // Untouched: same document, no signal, the lesson left as it was.
    QCOMPARE(SessionFile::toJson(scene), before);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(recomputed.count(), 0);
    QCOMPARE(lesson, QStringLiteral("relu-gradient"));

    // Through a file, the message is the same, after the path.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    QVERIFY(!SessionFile::load(path, scene, &lesson, &error));
    QCOMPARE(error, QStringLiteral("cannot open session '%1': %2").arg(path, message));
    QCOMPARE(SessionFile::toJson(scene), before);
}

void TestSessionFile::refusesUnreadableFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "missing.json" << "no such file";
    QTest::newRow("in a missing folder") << "nowhere/s.json" << "no such file";
    QTest::newRow("a folder") << "folder.json" << "it is a folder";
    QTest::newRow("no name") << "" << "no file name given";
}

void TestSessionFile::refusesUnreadableFile()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.json")));
    const QString path = name.isEmpty() ? QString() : dir.filePath(name);
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    const QByteArray before = SessionFile::toJson(scene);
    QString error;
    QVERIFY(!SessionFile::load(path, scene, nullptr, &error));
    QCOMPARE(error, QStringLiteral("cannot open session '%1': %2").arg(path, reason));
    QCOMPARE(SessionFile::toJson(scene), before);
}

void TestSessionFile::saveToUnwritablePathLeavesNoFile()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    const QStringList paths { dir.filePath(QStringLiteral("missing/s.json")),
                              dir.filePath(QStringLiteral("file/s.json")), dir.path() };
    for (const QString &path : paths) {
        QString error;
        QVERIFY2(!SessionFile::save(path, scene, {}, &error), qPrintable(path));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write '%1': ").arg(path)),
                 qPrintable(error));
    }
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList { QStringLiteral("file") });

    // A read-only folder; root writes anyway, so the check only means something for others.
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("locked")));
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    if (QFileInfo(locked).isWritable())
        return;
    QString error;
    QVERIFY(!SessionFile::save(locked + QStringLiteral("/s.json"), scene, {}, &error));
    QVERIFY(QDir(locked).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner);
}

void TestSessionFile::saveReplacesOldFile()
{
    // Saving over a session replaces it whole.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    SceneModel scene;
    buildRichScene(scene);
    QVERIFY(SessionFile::save(path, scene, {}));
    const QByteArray first = SessionFile::toJson(scene);
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QVERIFY(SessionFile::save(path, scene, {}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), SessionFile::toJson(scene));
    QVERIFY(first != SessionFile::toJson(scene));
}

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
