#include "animationerrors.h"
#include "gifdecoder.h"
#include "referencenumbers.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

namespace {

/** The first four colours of the scene's palette: the default scene's step, sigmoid, tanh, relu. */
const QList<QRgb> DefaultCurveColors { qRgb(0x00, 0x72, 0xB2), qRgb(0xD5, 0x5E, 0x00),
                                       qRgb(0x00, 0x9E, 0x73), qRgb(0xCC, 0x79, 0xA7) };

/** Pixels within a small distance of colour: line pixels, not the light bands' tints. */
int pixelsNear(const QImage &image, QRgb color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            if (std::abs(qRed(p) - qRed(color)) + std::abs(qGreen(p) - qGreen(color))
                    + std::abs(qBlue(p) - qBlue(color))
                <= 24)
                ++count;
        }
    }
    return count;
}

} // namespace

// Runs the built activation-explorer binary (AE_APP_PATH) and checks its command line.
class TestAppCli : public QObject
{
    Q_OBJECT

private slots:
    void version();
    void help();
    void helpExamplesRun();
    void helpAllListsQtOptions();
    void survivesCorruptSettings_data();
    void survivesCorruptSettings();
    void unknownOption();

    void exportsEveryFormatWithoutDisplay_data();
    void exportsEveryFormatWithoutDisplay();
    void pngHasTheSizeAndTheCurves_data();
    void pngHasTheSizeAndTheCurves();
    void svgIsAnSvgDocument();
    void animatedGif();
    void csvDefaultScene();
    void csvOfLossesAndExpressions();
    void csvMatchesPyTorch_data();
    void csvMatchesPyTorch();
    void csvRepeatedFunction();
    void jsonReport();
    void networkReport();
    void qtOptionsStillWork();
    void refusesBadInput_data();
    void refusesBadInput();
    void refusesUnwritableOutput_data();
    void refusesUnwritableOutput();
    void exportsInChinese();
    void opensSessionForExport();
    void refusesBadSession_data();
    void refusesBadSession();

private:
    struct Result
    {
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments, const QProcessEnvironment &environment);
    static QProcessEnvironment headless();
    static QProcessEnvironment offscreen();
    static QProcessEnvironment englishOnly(QProcessEnvironment environment);
    /** Lines of stderr that the application wrote itself (not Qt's warnings). */
    static QStringList ownMessages(const Result &result);

    QTemporaryDir m_dir;
};

TestAppCli::Result TestAppCli::run(const QStringList &arguments,
                                   const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AE_APP_PATH), arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString();
        return result;
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

// The messages compared below are English: neither a Chinese system locale nor a language saved
// in the user's settings may change them.
QProcessEnvironment TestAppCli::englishOnly(QProcessEnvironment environment)
{
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       QDir::temp().filePath(QStringLiteral("ae-tst-app-cli-no-config")));
    return environment;
}

// No display of any kind: --help, --version and every export must not need one.
QProcessEnvironment TestAppCli::headless()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return englishOnly(environment);
}

QProcessEnvironment TestAppCli::offscreen()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return englishOnly(environment);
}

QStringList TestAppCli::ownMessages(const Result &result)
{
    QStringList own;
    const QStringList lines = result.err.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("activation-explorer: ")))
            own << line;
    }
    return own;
}

void TestAppCli::version()
{
    const Result result = run({ QStringLiteral("--version") }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("activation-explorer " AE_APP_VERSION));
}

void TestAppCli::help()
{
    const Result result = run({ QStringLiteral("--help") }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("Usage:")), qPrintable(result.out));
    for (const char *option :
         { "--version", "--functions <ids>", "--x-min <x>", "--x-max <x>",
           "--param <id.name=value>", "--epsilon <e>", "--export <file>", "--size <WxH>",
           "--scale <1|2>", "--samples <n>", "--at <x,x,...>", "--animate <name=A:B>",
           "--frames <n>", "--fps <f>", "--animate-mode <once|bounce>", ".pdf", ".gif",
           "loops forever" })
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
    // Read like a man page: a description, then the options, examples, exit status, files.
    qsizetype at = 0;
    for (const char *section : { "Usage: ", "With --export it writes the scene", "\nOptions:\n",
                                 "\nExamples:\n", "\nExit status:\n", "\nEnvironment:\n",
                                 "\nFiles:\n" }) {
        const qsizetype next = result.out.indexOf(QLatin1String(section));
        QVERIFY2(next >= at, section); // present, and in this order
        at = next;
    }
    QVERIFY(result.out.contains(QStringLiteral("\n  activation-explorer --functions sigmoid")));
    QVERIFY(result.out.contains(QStringLiteral("\n  2     Bad input")));
    QVERIFY(result.out.contains(
            QStringLiteral("\n  ~/.config/ActivationExplorer/activation-explorer.conf\n")));
    QVERIFY(result.out.endsWith(QLatin1Char('\n')));
    QVERIFY(result.err.isEmpty());
    // -h is --help.
    QCOMPARE(run({ QStringLiteral("-h") }, headless()).out, result.out);
}

// Every example --help prints runs as printed (an export's file goes to a temporary directory).
void TestAppCli::helpExamplesRun()
{
    const Result help = run({ QStringLiteral("--help") }, headless());
    QCOMPARE(help.exitCode, 0);
    QString examples = help.out.section(QStringLiteral("\nExamples:\n"), 1)
                               .section(QStringLiteral("\n\n"), 0, 0);
    examples.replace(QStringLiteral(" \\\n"), QStringLiteral(" ")); // continuation lines
    int exports = 0;
    const QStringList lines = examples.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("  activation-explorer")))
            continue; // what the example does
        QStringList arguments = QProcess::splitCommand(line);
        arguments.removeFirst();
        const qsizetype exportAt = arguments.indexOf(QStringLiteral("--export"));
        if (exportAt < 0)
            continue; // opens the window
        const QString path = m_dir.filePath(QStringLiteral("example-") + arguments[exportAt + 1]);
        arguments[exportAt + 1] = path;
        QFile::remove(path);
        const Result result = run(arguments, headless());
        QVERIFY2(result.exitCode == 0, qPrintable(line + QLatin1Char('\n') + result.err));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(line));
        ++exports;
    }
    QVERIFY2(exports >= 3, qPrintable(examples));
}

void TestAppCli::helpAllListsQtOptions()
{
    const Result result = run({ QStringLiteral("--help-all") }, headless());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("--functions <ids>")));
    QVERIFY(result.out.contains(QStringLiteral("-platform")));
}

void TestAppCli::survivesCorruptSettings_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the settings path is a directory

    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 256));
    QTest::newRow("binary garbage") << garbage;
    QTest::newRow("wrong types") << QByteArray(
            "[General]\nlastScene=@ByteArray(\xff\xfe{not json\nlanguage=@Variant(\\0\\0\\0\\x7f"
            "\\0garbage)\ntheme=@Rect(1 2 3)\nrecentFiles=@Size(\nstartPageShown=maybe\n"
            "whiteExports=@Point(x y)\n[\n=\n\\\\\\=\x01\x02\n");
    QTest::newRow("directory") << QByteArray();
}

// Settings that cannot be read do not stop the app: --version, an export and the window start.
void TestAppCli::survivesCorruptSettings()
{
    QFETCH(QByteArray, content);
    const QString config = m_dir.filePath(QStringLiteral("corrupt-config-%1")
                                                  .arg(QTest::currentDataTag())
                                                  .replace(QLatin1Char(' '), QLatin1Char('-')));
    const QString settings = config + QStringLiteral("/ActivationExplorer/activation-explorer.conf");
    QDir().mkpath(QFileInfo(settings).path());
    if (content.isEmpty()) {
        QVERIFY(QDir().mkpath(settings));
    } else {
        QFile file(settings);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    QProcessEnvironment environment = headless();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);

    const Result version = run({ QStringLiteral("--version") }, environment);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("activation-explorer " AE_APP_VERSION));

    const QString png = QDir(config).filePath(QStringLiteral("out.png"));
    const Result exported = run({ "--export", png, "--size", "320x200" }, environment);
    QVERIFY2(exported.exitStatus == QProcess::NormalExit, qPrintable(exported.err));
    QCOMPARE(ownMessages(exported), QStringList());
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(!QImage(png).isNull());

    // The window, offscreen: still up after the start (settings read, scene restored, start
    // page shown), then asked to quit.
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess window;
    window.setProcessEnvironment(environment);
    window.start(QStringLiteral(AE_APP_PATH), QStringList());
    QVERIFY(window.waitForStarted(10000));
    QVERIFY2(!window.waitForFinished(2500),
             qPrintable(QStringLiteral("exited with %1: %2")
                                .arg(window.exitCode())
                                .arg(QString::fromLocal8Bit(window.readAllStandardError()))));
    window.terminate();
    QVERIFY(window.waitForFinished(10000));
    const QString err = QString::fromLocal8Bit(window.readAllStandardError());
    QVERIFY2(!err.contains(QLatin1String("activation-explorer: ")), qPrintable(err));
}

void TestAppCli::unknownOption()
{
    const Result result = run({ QStringLiteral("--bogus-option") }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith(QStringLiteral("activation-explorer: unknown option "
                                                  "'--bogus-option'; valid options: --functions,")),
             qPrintable(result.err));
}

// The issue's example: leaky_relu's negative slope from 0 to 1, 40 frames at 20 per second.
void TestAppCli::animatedGif()
{
    const QString path = m_dir.filePath(QStringLiteral("sweep.gif"));
    QFile::remove(path);
    const Result result = run({ "--functions", "leaky_relu", "--animate",
                                "leaky_relu.negative_slope=0:1", "--frames", "40", "--fps", "20",
                                "--size", "800x450", "--export", path },
                              headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.size() < 2 * 1024 * 1024, qPrintable(QString::number(bytes.size())));
    const DecodedGif gif = decodeGif(bytes);
    QVERIFY(gif.ok);
    QCOMPARE(gif.size, QSize(800, 450));
    QCOMPARE(gif.frames.size(), 40);
    QCOMPARE(gif.delays, QList<int>(40, 5));
    QVERIFY(gif.loopsForever);
    QVERIFY(gif.frames.first() != gif.frames.last());

    // Bounce at 30 fps: 2 × 5 − 2 frames of round(100/30) = 3 hundredths; at --scale 2, twice
    // the pixels of --size each way.
    const QString bounce = m_dir.filePath(QStringLiteral("bounce.gif"));
    const Result bounced = run({ "--functions", "leaky_relu", "--animate", "x-max=6:2",
                                 "--frames", "5", "--fps", "30", "--animate-mode", "bounce",
                                 "--size", "320x180", "--scale", "2", "--export", bounce },
                               headless());
    QCOMPARE(bounced.exitCode, 0);
    QFile bounceFile(bounce);
    QVERIFY(bounceFile.open(QIODevice::ReadOnly));
    const DecodedGif frames = decodeGif(bounceFile.readAll());
    QVERIFY(frames.ok);
    QCOMPARE(frames.size, QSize(640, 360));
    QCOMPARE(frames.frames.size(), 8);
    QCOMPARE(frames.delays, QList<int>(8, 3));
}

void TestAppCli::exportsEveryFormatWithoutDisplay_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("start");

    QTest::newRow("png") << "scene.png" << QByteArray("\x89PNG\r\n\x1a\n");
    QTest::newRow("svg") << "scene.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "scene.pdf" << QByteArray("%PDF-");
    QTest::newRow("csv") << "scene.csv" << QByteArray("x,step,step_grad,step_grad2,sigmoid,");
    QTest::newRow("json") << "scene.json" << QByteArray("{");
    QTest::newRow("upper-case suffix") << "SCENE.PNG" << QByteArray("\x89PNG\r\n\x1a\n");
}

void TestAppCli::exportsEveryFormatWithoutDisplay()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, start);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(fileName);
    QFile::remove(path);

    const Result result = run({ "--export", path }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QVERIFY(file.size() > 1000);
    QCOMPARE(file.read(start.size()), start);
}

void TestAppCli::pngHasTheSizeAndTheCurves_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QSize>("pixels");

    QTest::newRow("default") << QStringList {} << QSize(1600, 900);
    QTest::newRow("800x450") << QStringList { "--size", "800x450" } << QSize(800, 450);
    QTest::newRow("800x450 at 2x")
        << QStringList { "--size", "800x450", "--scale", "2" } << QSize(1600, 900);
    QTest::newRow("tall") << QStringList { "--size=600x1000" } << QSize(600, 1000);
}

void TestAppCli::pngHasTheSizeAndTheCurves()
{
    QFETCH(QStringList, options);
    QFETCH(QSize, pixels);
    const QString path = m_dir.filePath(QStringLiteral("curves.png"));
    QFile::remove(path);
    const Result result = run(QStringList { "--export", path } + options, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);

    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), pixels);
    image = image.convertToFormat(QImage::Format_RGB32);
    // Not blank: many colours, and each default curve's colour on enough pixels to be a line.
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colors.insert(image.pixel(x, y));
    }
    QVERIFY2(colors.size() > 50, qPrintable(QString::number(colors.size())));
    for (const QRgb color : DefaultCurveColors) {
        const int count = pixelsNear(image, color);
        QVERIFY2(count > 100,
                 qPrintable(QStringLiteral("#%1: %2 pixels")
                                .arg(color & 0xffffff, 6, 16, QLatin1Char('0'))
                                .arg(count)));
    }
}

void TestAppCli::svgIsAnSvgDocument()
{
    const QString path = m_dir.filePath(QStringLiteral("curves.svg"));
    const Result result = run({ "--export", path, "--size", "1200x700" }, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QXmlStreamReader xml(svg);
    QString root;
    QStringList strokes;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (root.isEmpty())
            root = xml.name().toString();
        strokes << xml.attributes().value(QLatin1String("stroke")).toString().toLower();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(root, QStringLiteral("svg"));
    for (const QRgb color : DefaultCurveColors) {
        const QString name = QColor(color).name();
        QVERIFY2(strokes.contains(name), qPrintable(name));
    }
}

void TestAppCli::csvDefaultScene()
{
    const QString path = m_dir.filePath(QStringLiteral("default.csv"));
    const Result result
        = run({ "--export", path, "--x-min", "-3", "--x-max", "3", "--samples", "7" }, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines[0],
             QByteArray("x,step,step_grad,step_grad2,sigmoid,sigmoid_grad,sigmoid_grad2,"
                        "tanh,tanh_grad,tanh_grad2,relu,relu_grad,relu_grad2"));
    // step and relu exactly, with nan where step has no derivative; sigmoid and tanh to 1e-14.
    QCOMPARE(lines[1].left(lines[1].indexOf(',', 7)), QByteArray("-3,0,0,0"));
    QVERIFY2(lines[1].endsWith(",0,0,0"), lines[1].constData());
    QVERIFY2(lines[4].startsWith("0,0,nan,nan,0.5,0.25,"), lines[4].constData());
    QVERIFY2(lines[7].startsWith("3,1,0,0,"), lines[7].constData());
    QVERIFY2(lines[7].endsWith(",3,1,0"), lines[7].constData());
    for (int i = 1; i <= 7; ++i) {
        const QList<QByteArray> c = lines[i].split(',');
        QCOMPARE(c.size(), 13);
        const double x = i - 4;
        QCOMPARE(c[0].toDouble(), x);
        const double sigmoid = 1 / (1 + std::exp(-x));
        QVERIFY2(closeToReference(c[4].toDouble(), sigmoid, 1e-14), c[4].constData());
        QVERIFY2(closeToReference(c[5].toDouble(), sigmoid * (1 - sigmoid), 1e-14), c[5].constData());
        QVERIFY2(closeToReference(c[7].toDouble(), std::tanh(x), 1e-14), c[7].constData());
        QVERIFY2(closeToReference(c[8].toDouble(), 1 - std::tanh(x) * std::tanh(x), 1e-14), c[8].constData());
    }
}

void TestAppCli::csvOfLossesAndExpressions()
{
    // Losses by id and functions of one's own, exported without a window.
    const QString path = m_dir.filePath(QStringLiteral("losses.csv"));
    const Result result = run({ "--functions", "huber_loss", "--function-expr",
                                "(sigmoid(x) - y)^2", "--x-min", "-2", "--x-max", "2",
                                "--samples", "3", "--export", path },
                              headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines[0], QByteArray("x,huber_loss,huber_loss_grad,huber_loss_grad2,"
                                  "expr:(sigmoid(x) - y)^2,expr:(sigmoid(x) - y)^2_grad,"
                                  "expr:(sigmoid(x) - y)^2_grad2"));
    // Huber (delta 1) at x = -2: 1.5, gradient -1; (σ(x) − 1)² at 0: 0.25, gradient −0.25.
    QVERIFY2(lines[1].startsWith("-2,1.5,-1,0,"), lines[1].constData());
    QVERIFY2(lines[2].startsWith("0,0,0,1,0.25,-0.25,"), lines[2].constData());
}

void TestAppCli::csvMatchesPyTorch_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<QStringList>("x");
    QTest::addColumn<QList<double>>("f");
    QTest::addColumn<QList<double>>("grad");
    QTest::addColumn<QList<double>>("grad2");

    QFile file(QStringLiteral(AE_TEST_DATA_DIR "/torch-activations.csv"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.errorString()));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("function,params,x,f,grad,grad2"));

    // One export per (function, parameters) group, at the table's own x values.
    QString id;
    QString params;
    QStringList x;
    QList<double> f, grad, grad2;
    int groups = 0;
    const auto flush = [&] {
        if (x.isEmpty())
            return;
        QStringList options;
        for (const QString &pair : params.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            options << id + QLatin1Char('.') + pair;
        QTest::addRow("%s(%s)", qPrintable(id), qPrintable(params))
            << id << options << x << f << grad << grad2;
        ++groups;
        x.clear();
        f.clear();
        grad.clear();
        grad2.clear();
    };
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList c = line.split(QLatin1Char(','));
        QCOMPARE(c.size(), 6);
        if (c[0] != id || c[1] != params) {
            flush();
            id = c[0];
            params = c[1];
        }
        x << c[2];
        f << parseReferenceNumber(c[3]);
        grad << parseReferenceNumber(c[4]);
        grad2 << parseReferenceNumber(c[5]);
    }
    flush();
    QCOMPARE(groups, 36);
}

void TestAppCli::csvMatchesPyTorch()
{
    QFETCH(QString, id);
    QFETCH(QStringList, params);
    QFETCH(QStringList, x);
    QFETCH(QList<double>, f);
    QFETCH(QList<double>, grad);
    QFETCH(QList<double>, grad2);

    const QString path = m_dir.filePath(QStringLiteral("reference.csv"));
    QStringList arguments { "--functions", id, "--export", path, "--at", x.join(QLatin1Char(',')) };
    for (const QString &param : params)
        arguments << QStringLiteral("--param") << param;
    const Result result = run(arguments, headless());
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), x.size() + 1);
    QCOMPARE(lines[0], (QStringLiteral("x,%1,%1_grad,%1_grad2").arg(id).toLatin1()));
    for (qsizetype i = 0; i < x.size(); ++i) {
        const QList<QByteArray> c = lines[i + 1].split(',');
        QCOMPARE(c.size(), 4);
        const QString where = QStringLiteral("%1 at x = %2").arg(id, x[i]);
        QCOMPARE(parseReferenceNumber(QString::fromLatin1(c[0])), parseReferenceNumber(x[i]));
        const double gotF = parseReferenceNumber(QString::fromLatin1(c[1]));
        const double gotGrad = parseReferenceNumber(QString::fromLatin1(c[2]));
        const double gotGrad2 = parseReferenceNumber(QString::fromLatin1(c[3]));
        QVERIFY2(closeToReference(gotF, f[i], 1e-12), qPrintable(where + QStringLiteral(": f = ") + c[1]));
        // PyTorch 1.13's hardsigmoid backward uses the float32 constant 1/6 even in float64.
        const double gradTolerance
            = id == QLatin1String("hardsigmoid") && grad[i] != 0.0 ? 1e-8 : 1e-12;
        QVERIFY2(closeToReference(gotGrad, grad[i], gradTolerance),
                 qPrintable(where + QStringLiteral(": f′ = ") + c[2]));
        if (id == QLatin1String("mish") && std::isnan(grad2[i])) {
            // PyTorch's double backward of mish overflows to NaN at x = 1000; the true f″ ≈ 0.
            QVERIFY2(std::fabs(gotGrad2) < 1e-300, qPrintable(where));
            continue;
        }
        QVERIFY2(closeToReference(gotGrad2, grad2[i], 1e-9),
                 qPrintable(where + QStringLiteral(": f″ = ") + c[3]));
    }
}

void TestAppCli::csvRepeatedFunction()
{
    const QString path = m_dir.filePath(QStringLiteral("repeated.csv"));
    const Result result
        = run({ "--functions", "leaky_relu,leaky_relu", "--param",
                "leaky_relu#2.negative_slope=0.2", "--export", path, "--at", "-2,3" },
              headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("x,leaky_relu,leaky_relu_grad,leaky_relu_grad2,"
                        "leaky_relu#2,leaky_relu#2_grad,leaky_relu#2_grad2\n"
                        "-2,-0.02,0.01,0,-0.4,0.2,0\n"
                        "3,3,1,0,3,1,0\n"));
}

// A session file's scene exports exactly as the same scene given by options.
void TestAppCli::opensSessionForExport()
{
    const QString session = m_dir.filePath(QStringLiteral("good-session.json"));
    QFile file(session);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "activation-explorer-session", "version": 1,
        "functions": [
            {"id": "leaky_relu", "parameters": {"negative_slope": 0.2}, "color": "#123456"},
            {"id": "gelu", "parameters": {"approximate": "tanh"}, "visible": true},
            {"id": "sigmoid"}],
        "x_min": -3, "x_max": 3, "epsilon": 0.05, "sample_count": 7,
        "view": {"max_order": 2, "fixed_y": {"0": [-1, 4]}}, "lesson": "sigmoid-saturates"})");
    file.close();

    const QString fromSession = m_dir.filePath(QStringLiteral("from-session.csv"));
    Result result = run({ "--open", session, "--export", fromSession }, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);

    const QString fromOptions = m_dir.filePath(QStringLiteral("from-options.csv"));
    result = run({ "--functions", "leaky_relu,gelu,sigmoid", "--param",
                   "leaky_relu.negative_slope=0.2", "--param", "gelu.approximate=tanh",
                   "--x-min", "-3", "--x-max", "3", "--epsilon", "0.05", "--samples", "7",
                   "--export", fromOptions },
                 headless());
    QCOMPARE(result.exitCode, 0);

    QFile a(fromSession);
    QFile b(fromOptions);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray csv = a.readAll();
    QCOMPARE(csv.count('\n'), 8); // header and the session's 7 samples
    QVERIFY2(csv.startsWith("x,leaky_relu,"), csv.constData());
    QCOMPARE(csv, b.readAll());

    // --at works with a session, and so does an image export.
    const QString at = m_dir.filePath(QStringLiteral("session-at.csv"));
    result = run({ "--open", session, "--export", at, "--at", "-2" }, headless());
    QCOMPARE(result.exitCode, 0);
    const QString png = m_dir.filePath(QStringLiteral("session.png"));
    result = run({ "--open", session, "--export", png, "--size", "400x300" }, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QImage(png).size(), QSize(400, 300));
}

void TestAppCli::refusesBadSession_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: no file at all
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("reason"); // after "cannot open session '<path>': "

    const QByteArray head = R"({"format": "activation-explorer-session", "version": 1, )";
    QTest::newRow("unknown id")
        << head + R"("functions": [{"id": "sigmoid"}, {"id": "foo"}], "x_min": -1, "x_max": 1,
                     "epsilon": 0.01, "sample_count": 5})"
        << QStringList() << "functions[1].id: unknown function 'foo'; valid ids: ";
    QTest::newRow("future version")
        << QByteArray(R"({"format": "activation-explorer-session", "version": 7})")
        << QStringList() << "written by a newer version (version 7; this program reads version 1)";
    QTest::newRow("corrupt") << QByteArray("{\"format\": ") << QStringList()
                             << "not valid JSON at byte 11 (line 1, column 12): ";
    QTest::newRow("foreign") << QByteArray(R"({"type": "FeatureCollection"})") << QStringList()
                             << "not an Activation Explorer session (it has no 'format' key)";
    QTest::newRow("missing file") << QByteArray() << QStringList() << "no such file";
    QTest::newRow("missing file, no export") << QByteArray() << QStringList { "--no-export" }
                                             << "no such file";
}

void TestAppCli::refusesBadSession()
{
    QFETCH(QByteArray, contents);
    QFETCH(QStringList, extra);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString session = dir.filePath(QStringLiteral("bad.json"));
    if (!contents.isEmpty()) {
        QFile file(session);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    const QString out = dir.filePath(QStringLiteral("out.csv"));
    QStringList arguments { "--open", session };
    if (!extra.contains(QStringLiteral("--no-export")))
        arguments << "--export" << out;
    // Without --export the window would open: offscreen, where it is refused before showing.
    const Result result = run(arguments, extra.isEmpty() ? headless() : offscreen());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 2);
    const QString prefix
        = QStringLiteral("activation-explorer: cannot open session '%1': ").arg(session);
    QVERIFY2(result.err.startsWith(prefix + reason), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFile::exists(out));
}

void TestAppCli::jsonReport()
{
    const QString path = m_dir.filePath(QStringLiteral("report.json"));
    const Result result
        = run({ "--functions", "sigmoid,tanh,leaky_relu,gelu", "--x-min", "-6", "--x-max", "6",
                "--param", "leaky_relu.negative_slope=0.2", "--param", "gelu.approximate=tanh",
                "--epsilon", "0.01", "--export", path },
              headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(report.value("format").toString(), QStringLiteral("activation-explorer-report"));
    QCOMPARE(report.value("version").toInt(), 1);
    QCOMPARE(report.value("x_min").toDouble(), -6.0);
    QCOMPARE(report.value("x_max").toDouble(), 6.0);
    QCOMPARE(report.value("epsilon").toDouble(), 0.01);
    const QJsonArray functions = report.value("functions").toArray();
    QCOMPARE(functions.size(), 4);
    QCOMPARE(functions[2]["parameters"].toObject(), (QJsonObject { { "negative_slope", 0.2 } }));
    QCOMPARE(functions[3]["parameters"].toObject(), (QJsonObject { { "approximate", "tanh" } }));

    // sigmoid′ = ε at ±ln((1 + s)/(1 − s)), s = √(1 − 4ε).
    const double s = std::sqrt(1 - 4 * 0.01);
    const double b = std::log((1 + s) / (1 - s));
    const QJsonArray intervals = functions[0]["intervals"].toArray();
    QCOMPARE(intervals.size(), 2);
    QCOMPARE(intervals[0]["from"].toDouble(), -6.0);
    QVERIFY(closeToReference(intervals[0]["to"].toDouble(), -b, 1e-12));
    QCOMPARE(intervals[0]["kind"].toString(), QStringLiteral("saturated"));
    QVERIFY(closeToReference(intervals[1]["from"].toDouble(), b, 1e-12));
    QCOMPARE(intervals[1]["to"].toDouble(), 6.0);
    QCOMPARE(functions[0]["max_abs_grad"].toObject(),
             (QJsonObject { { "value", 0.25 }, { "x", 0.0 } }));
    // leaky_relu with slope 0.2 never gets below ε.
    QVERIFY(functions[2]["intervals"].toArray().isEmpty());
}

void TestAppCli::qtOptionsStillWork()
{
    // Qt's own options are taken out before ours are read.
    const QString path = m_dir.filePath(QStringLiteral("qt-options.png"));
    const Result result
        = run({ "-platform", "offscreen", "--export", path, "--size", "320x200" }, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QImage(path).size(), QSize(320, 200));

    const Result bad
        = run({ "-platform", "offscreen", "--export", path, "--size", "3x2" }, headless());
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(ownMessages(bad),
             QStringList { "activation-explorer: --size: width and height must each be between 16 "
                           "and 16384 (got 3x2)" });
}

void TestAppCli::networkReport()
{
    // The issue's example, smaller: tanh near the edge of chaos, JSON then CSV.
    const QString json = m_dir.filePath(QStringLiteral("net.json"));
    Result result = run({ "--network", "--functions", "tanh", "--weight-variance", "1.76",
                          "--bias-variance", "0.05", "--depth", "12", "--width", "64", "--batch",
                          "16", "--seed", "1", "--export", json },
                        headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(report.value("format").toString(), QStringLiteral("activation-explorer-network"));
    QCOMPARE(report.value("id").toString(), QStringLiteral("tanh"));
    QCOMPARE(report.value("depth").toInt(), 12);
    QCOMPARE(report.value("seed").toInt(), 1);
    const QJsonObject theory = report.value("theory").toObject();
    QCOMPARE(theory.value("layers").toArray().size(), 12);
    // Schoenholz et al.'s critical line: σ_w² ≈ 1.76 at σ_b² = 0.05, so χ₁ ≈ 1.
    QVERIFY(qAbs(theory.value("critical_weight_variance").toDouble() - 1.76) < 0.01);
    QVERIFY(qAbs(theory.value("chi1").toDouble() - 1.0) < 0.01);
    QCOMPARE(report.value("simulation").toObject().value("layers").toArray().size(), 12);

    const QString csv = m_dir.filePath(QStringLiteral("net.csv"));
    result = run({ "--network", "--functions", "relu", "--depth", "3", "--width", "16",
                   "--export", csv },
                 headless());
    QCOMPARE(result.exitCode, 0);
    QFile table(csv);
    QVERIFY(table.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = table.readAll().split('\n');
    QCOMPARE(lines.size(), 5); // header, 3 layers, the last line break
    QVERIFY(lines[0].startsWith("layer,q,grad_norm_ratio,sim_variance"));
    QVERIFY(lines[1].startsWith("1,2,")); // Kaiming: q¹ = σ_w² = 2

    // .png: the demonstration's depth chart at --size, theory and simulations drawn.
    const QString png = m_dir.filePath(QStringLiteral("net.png"));
    result = run({ "--network", "--functions", "tanh", "--depth", "10", "--width", "32",
                   "--batch", "8", "--size", "800x450", "--export", png },
                 headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(800, 450));
    int blue = 0;
    int red = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            blue += c.blue() > 150 && c.red() < 90 && c.green() < 160;
            red += c.red() > 170 && c.green() < 80 && c.blue() < 80;
        }
    }
    QVERIFY2(blue > 200 && red > 200, qPrintable(QStringLiteral("%1 %2").arg(blue).arg(red)));
}

void TestAppCli::refusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString ids = QStringLiteral(
        "identity, step, sigmoid, tanh, relu, relu6, leaky_relu, prelu, rrelu, elu, celu, "
        "selu, gelu, silu, mish, softplus, softsign, hardtanh, hardsigmoid, hardswish, "
        "logsigmoid, tanhshrink, softshrink, hardshrink, threshold; losses: mse_loss, l1_loss, "
        "smooth_l1_loss, huber_loss, binary_cross_entropy, binary_cross_entropy_with_logits, "
        "cross_entropy, nll_loss, kl_div, soft_margin_loss, hinge_embedding_loss, "
        "poisson_nll_loss");

    QTest::newRow("network: negative variance")
        << QStringList { "--network", "--functions", "tanh", "--bias-variance", "-1", "--export",
                         "a.csv" }
        << "--bias-variance: must be a finite number >= 0 (got -1)";
    QTest::newRow("network: depth over 1000")
        << QStringList { "--network", "--functions", "tanh", "--depth", "5000", "--export",
                         "a.csv" }
        << "--depth: must be a whole number between 1 and 1000 (got '5000')";
    QTest::newRow("network: two functions")
        << QStringList { "--network", "--functions", "tanh,relu", "--export", "a.csv" }
        << "--network takes exactly one function, an activation given with --functions or "
           "--function-expr (got 2: tanh,relu), e.g. --network --functions tanh";
    QTest::newRow("unknown id") << QStringList { "--functions", "sigmoid,swish", "--export",
                                                 "a.png" }
                                << "--functions: unknown function 'swish'; valid ids: " + ids;
    QTest::newRow("unknown parameter")
        << QStringList { "--functions",          "leaky_relu", "--param",
                         "leaky_relu.slope=0.2", "--export",   "a.png" }
        << "--param leaky_relu.slope=0.2: leaky_relu has no parameter 'slope'; its parameters: "
           "negative_slope";
    QTest::newRow("parameter outside its domain")
        << QStringList { "--functions",     "softplus", "--param",
                         "softplus.beta=0", "--export", "a.csv" }
        << "--param softplus.beta=0: beta must be a finite number > 0 (got 0)";
    QTest::newRow("choice outside its words")
        << QStringList { "--functions",          "gelu",     "--param",
                         "gelu.approximate=erf", "--export", "a.json" }
        << "--param gelu.approximate=erf: approximate must be one of 'none', 'tanh' (got 'erf')";
    QTest::newRow("unknown suffix")
        << QStringList { "--export", "a.jpg" }
        << "--export: cannot tell the format of 'a.jpg'; use a file name "
           "ending in .png, .svg, .pdf, .gif (with --animate), .csv or .json";
    QTest::newRow("bad size") << QStringList { "--export", "a.png", "--size", "big" }
                              << "--size: 'big' is not WIDTHxHEIGHT, e.g. --size 1600x900";
    QTest::newRow("size out of bounds")
        << QStringList { "--export", "a.png", "--size", "100000x10" }
        << "--size: width and height must each be between 16 and "
           "16384 (got 100000x10)";
    QTest::newRow("min ≥ max") << QStringList {
        "--export", "a.png", "--x-min", "2", "--x-max", "-2"
    } << "--x-min (2) must be less than --x-max (-2)";
    QTest::newRow("not a number") << QStringList { "--export", "a.csv", "--x-min", "abc" }
                                  << "--x-min: 'abc' is not a number";
    QTest::newRow("epsilon ≤ 0") << QStringList { "--export", "a.csv", "--epsilon", "-1" }
                                 << "--epsilon: must be a finite number > 0 (got -1)";
    QTest::newRow("missing value")
        << QStringList { "--export" } << "--export needs a value, e.g. --export out.png";
    QTest::newRow("argument") << QStringList { "out.png" }
                              << "unexpected argument 'out.png'; options start with --, e.g. "
                                 "--functions sigmoid,tanh (see --help)";
    QTest::newRow("unknown language")
        << QStringList { "--lang", "xx", "--export", "a.png" }
        << "--lang: unknown language 'xx'; valid choices: en, zh_CN";
    QTest::newRow("--open with --x-min")
        << QStringList { "--open", "s.json", "--x-min", "-2", "--param", "elu.alpha=2",
                         "--export", "a.csv" }
        << "--open takes the whole scene from the session file; it cannot be combined with "
           "--x-min, --param";
    QTest::newRow("--open without a name") << QStringList { "--open=", "--export", "a.csv" }
                                           << "--open: no file name given, e.g. --open lesson.json";
    QTest::newRow("bad expression")
        << QStringList { "--function-expr", "log(x", "--export", "a.png" }
        << "--function-expr 'log(x': column 6: expected ')' after the argument of log, found the "
           "end of the expression";
    QTest::newRow("unknown demonstration") << QStringList { "--demo", "relu" }
                                           << "--demo: unknown demonstration 'relu'; valid "
                                              "names: layers, descent, softmax, network";
    QTest::newRow("bad input without export")
        << QStringList { "--functions", "nope" }
        << "--functions: unknown function 'nope'; valid ids: " + ids;

    // --animate, --frames, --fps, --animate-mode and .gif: every refusal, as the parser's test
    addAnimationErrorRows();
}

void TestAppCli::refusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err, QStringLiteral("activation-explorer: ") + message + QLatin1Char('\n'));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFile::exists(QStringLiteral("a.png")) && !QFile::exists(QStringLiteral("a.csv")));
    QVERIFY(!QFile::exists(QStringLiteral("a.gif")));
}

void TestAppCli::refusesUnwritableOutput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("png") << "missing/out.png";
    QTest::newRow("svg") << "missing/out.svg";
    QTest::newRow("csv") << "missing/out.csv";
    QTest::newRow("json") << "missing/out.json";
    QTest::newRow("a folder (csv)") << "folder.csv";
    QTest::newRow("a folder (png)") << "folder.png";
}

void TestAppCli::refusesUnwritableOutput()
{
    QFETCH(QString, fileName);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.csv")));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.png")));
    const QString path = dir.filePath(fileName);

    const Result result = run({ "--export", path }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 2);
    const QStringList own = ownMessages(result);
    QCOMPARE(own.size(), 1);
    // The path and a reason after it.
    const QString prefix = QStringLiteral("activation-explorer: cannot write '%1': ").arg(path);
    QVERIFY2(own[0].startsWith(prefix) && own[0].size() > prefix.size() + 3, qPrintable(own[0]));
    // Nothing half-written left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList { "folder.csv", "folder.png" }));
}

// --lang zh_CN titles the exported charts in Chinese: the same scene, different pixels.
void TestAppCli::exportsInChinese()
{
    const QString english = m_dir.filePath(QStringLiteral("english.png"));
    const QString chinese = m_dir.filePath(QStringLiteral("chinese.png"));
    const QStringList options { "--size", "800x450" };
    Result result = run(QStringList { "--lang", "en", "--export", english } + options, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    result = run(QStringList { "--lang", "zh_CN", "--export", chinese } + options, headless());
    QCOMPARE(ownMessages(result), QStringList());
    QCOMPARE(result.exitCode, 0);
    const QImage en(english);
    const QImage zh(chinese);
    QVERIFY(!en.isNull() && !zh.isNull());
    QCOMPARE(zh.size(), QSize(800, 450));
    QVERIFY(en != zh);

    // An export error comes in the chosen language too.
    const QString folder = m_dir.filePath(QStringLiteral("missing/out.png"));
    result = run({ "--lang", "zh_CN", "--export", folder }, headless());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("无法")), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestAppCli)
#include "tst_app_cli.moc"
