// Exports without a window: PNG at 1× and 2×, with the curves and bands really drawn; SVG that
// is valid XML; and refusals that name the problem and leave existing files as they were.

#include "scenemodel.h"
#include "scenerenderer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

#include <unistd.h>

namespace {

/** Pixels within `tolerance` of colour c in every channel. */
int countNear(const QImage &image, QColor c, int tolerance)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            n += std::abs(qRed(line[x]) - c.red()) <= tolerance
                && std::abs(qGreen(line[x]) - c.green()) <= tolerance
                && std::abs(qBlue(line[x]) - c.blue()) <= tolerance;
        }
    }
    return n;
}

/**
 * Pixels that are white washed with colour c at an opacity between minAlpha and maxAlpha:
 * each channel moved from 255 toward c's by the same share.
 */
int washedPixels(const QImage &image, const QColor &c, double minAlpha, double maxAlpha)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    const int dr = 255 - c.red(), dg = 255 - c.green(), db = 255 - c.blue();
    const int dmax = std::max({ dr, dg, db });
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const int pr = 255 - qRed(line[x]), pg = 255 - qGreen(line[x]),
                      pb = 255 - qBlue(line[x]);
            const double a = double(std::max({ pr, pg, pb })) / dmax; // estimated alpha
            if (a < minAlpha || a > maxAlpha)
                continue;
            n += std::abs(pr - a * dr) <= 3 && std::abs(pg - a * dg) <= 3
                && std::abs(pb - a * db) <= 3;
        }
    }
    return n;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestSceneRenderer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void legendRowsForAnimationFrames();
    void pngAtRequestedSize_data();
    void pngAtRequestedSize();
    void everyCurveIsDrawnInItsColour();
    void bandsTintThePlot();
    void focusedBandsAndLanes();
    void allBandsOption();
    void layouts_data();
    void layouts();
    void leavesTheSceneAlone();
    void svgIsValidXml();
    void pdfIsOnePageWithText();
    void exportsBySuffix_data();
    void exportsBySuffix();
    void refusesUnknownSuffix();
    void refusesUnwritablePath();
    void refusesDirectory();
    void refusesBadSize();
    void darkExportUnlessWhite();
    void presentationExportHasThickerCurves();

private:
    std::unique_ptr<SceneModel> m_scene;
};

void TestSceneRenderer::init()
{
    m_scene = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
}

void TestSceneRenderer::cleanup()
{
    m_scene.reset();
}

void TestSceneRenderer::pngAtRequestedSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("scale");
    QTest::newRow("1600×900 1×") << QSize(1600, 900) << 1;
    QTest::newRow("1600×900 2×") << QSize(1600, 900) << 2;
    QTest::newRow("640×480 1×") << QSize(640, 480) << 1;
    QTest::newRow("640×480 2×") << QSize(640, 480) << 2;
}

void TestSceneRenderer::pngAtRequestedSize()
{
    QFETCH(QSize, size);
    QFETCH(int, scale);
    RenderOptions o;
    o.size = size;
    o.scale = scale;
    const QImage image = SceneRenderer::renderImage(*m_scene, o);
    QCOMPARE(image.size(), size * scale);
    QCOMPARE(image.devicePixelRatio(), qreal(scale));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.png"));
    QString error;
    QVERIFY2(SceneRenderer::exportImage(*m_scene, o, path, &error), qPrintable(error));
    QImage loaded(path);
    QCOMPARE(loaded.size(), size * scale);
    // Curves at 2× are as thick in pixels as twice the 1× ones, not drawn at 1× and stretched
    // (nor scaled twice): the sigmoid's colour covers about scale² as many pixels.
    const int hits = countNear(loaded, m_scene->function(1).color, 10);
    QVERIFY2(hits > 300 * scale, qPrintable(QString::number(hits)));
}

void TestSceneRenderer::everyCurveIsDrawnInItsColour()
{
    const QImage image = SceneRenderer::renderImage(*m_scene, RenderOptions());
    QVERIFY(!image.isNull());
    for (int row = 0; row < m_scene->rowCount(); ++row) {
        const int hits = countNear(image, m_scene->function(row).color, 10);
        QVERIFY2(
            hits > 300,
            qPrintable(
                QStringLiteral("%1: %2 pixels").arg(m_scene->function(row).label()).arg(hits)));
    }
    // A blank image would fail the above; so would one in a single colour.
    QVERIFY(countNear(image, Qt::white, 0) < image.width() * image.height());
}

void TestSceneRenderer::bandsTintThePlot()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    RenderOptions o;
    o.focusRow = 0; // as the command line does for a single function
    const QColor c = scene.function(0).color;
    const auto tinted = [c](const QImage &image) { return washedPixels(image, c, 0.05, 0.3); };
    const int with = tinted(SceneRenderer::renderImage(scene, o));
    o.bands = false;
    const int without = tinted(SceneRenderer::renderImage(scene, o));
    // Saturated where |x| > 4.6 of 12: about 20% of two plot areas of ~550×800 px.
    QVERIFY2(with > 50000, qPrintable(QString::number(with)));
    QVERIFY2(without < 5000, qPrintable(QString::number(without)));

    // A zero band (relu left of 0) is drawn too, and differently: hatching, not a wash.
    SceneModel relu;
    QVERIFY(relu.addFunction(QStringLiteral("relu")));
    o.bands = true;
    o.focusRow = 0;
    const QImage on = SceneRenderer::renderImage(relu, o);
    o.bands = false;
    const QImage off = SceneRenderer::renderImage(relu, o);
    const int whiteOn = countNear(on, Qt::white, 0);
    const int whiteOff = countNear(off, Qt::white, 0);
    QVERIFY2(whiteOff - whiteOn > 20000,
             qPrintable(QStringLiteral("%1 %2").arg(whiteOn).arg(whiteOff)));
}

void TestSceneRenderer::focusedBandsAndLanes()
{
    // The tutorial's four: only the focused function's bands fill the plot; every function has
    // its lane along the bottom.
    const QColor step = m_scene->function(0).color;
    const QColor sigmoid = m_scene->function(1).color;
    const QColor tanh = m_scene->function(2).color;
    const QColor relu = m_scene->function(3).color;
    RenderOptions o;
    o.focusRow = 1;
    const QImage focused = SceneRenderer::renderImage(*m_scene, o);
    // The sigmoid's full-height wash: |x| > 4.6 of 12, two plots of ~700×650 px.
    const int sigmoidBand = washedPixels(focused, sigmoid, 0.1, 0.3);
    QVERIFY2(sigmoidBand > 50000, qPrintable(QString::number(sigmoidBand)));
    // tanh saturates wider, but its band is not drawn: only its lane.
    const int tanhBand = washedPixels(focused, tanh, 0.05, 0.3);
    QVERIFY2(tanhBand < 5000, qPrintable(QString::number(tanhBand)));

    // Lanes: the saturated ones a stronger wash (sigmoid, tanh), the zero ones hatched in the
    // full colour (step everywhere, relu left of 0). None of it without bands.
    o.bands = false;
    const QImage none = SceneRenderer::renderImage(*m_scene, o);
    for (const QColor &c : { sigmoid, tanh }) {
        const int lanes = washedPixels(focused, c, 0.45, 0.6);
        const int without = washedPixels(none, c, 0.45, 0.6);
        QVERIFY2(lanes > without + 1000, // two lanes of ~160 × 4 px in each plot
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(c.name()).arg(lanes).arg(without)));
    }
    for (const QColor &c : { step, relu }) {
        const int lanes = countNear(focused, c, 12);
        const int without = countNear(none, c, 12);
        QVERIFY2(lanes > without + 1000, // a hatched lane in each plot
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(c.name()).arg(lanes).arg(without)));
    }

    // No focus: lanes only, no full-height band at all.
    o.bands = true;
    o.focusRow = -1;
    const QImage lanesOnly = SceneRenderer::renderImage(*m_scene, o);
    QVERIFY(washedPixels(lanesOnly, sigmoid, 0.1, 0.3) < 5000);
    QVERIFY(washedPixels(lanesOnly, sigmoid, 0.45, 0.6) > 1500);

    // Focus relu: its hatch over the left half instead.
    o.focusRow = 3;
    const QImage reluFocus = SceneRenderer::renderImage(*m_scene, o);
    QVERIFY(countNear(reluFocus, Qt::white, 0) < countNear(lanesOnly, Qt::white, 0) - 20000);
    QVERIFY(washedPixels(reluFocus, sigmoid, 0.1, 0.3) < 5000);
}

void TestSceneRenderer::allBandsOption()
{
    RenderOptions o;
    o.focusRow = 1;
    const int tanhAlone = washedPixels(SceneRenderer::renderImage(*m_scene, o),
                                       m_scene->function(2).color, 0.05, 0.3);
    o.allBands = true;
    const int tanhAll = washedPixels(SceneRenderer::renderImage(*m_scene, o),
                                     m_scene->function(2).color, 0.05, 0.3);
    // tanh alone saturates on 3 < |x| < 4.6 (sigmoid's band covers the rest of its band).
    QVERIFY2(tanhAll > tanhAlone + 20000,
             qPrintable(QStringLiteral("%1 %2").arg(tanhAlone).arg(tanhAll)));
}

void TestSceneRenderer::layouts_data()
{
    QTest::addColumn<bool>("overlay");
    QTest::addColumn<bool>("second");
    QTest::addColumn<Qt::Orientation>("orientation");
    QTest::newRow("side by side") << false << false << Qt::Horizontal;
    QTest::newRow("stacked") << false << false << Qt::Vertical;
    QTest::newRow("with f″") << false << true << Qt::Horizontal;
    QTest::newRow("overlay") << true << false << Qt::Horizontal;
    QTest::newRow("overlay and f″ stacked") << true << true << Qt::Vertical;
}

void TestSceneRenderer::layouts()
{
    QFETCH(bool, overlay);
    QFETCH(bool, second);
    QFETCH(Qt::Orientation, orientation);
    RenderOptions o;
    o.overlay = overlay;
    o.secondDerivative = second;
    o.orientation = orientation;
    const QImage image = SceneRenderer::renderImage(*m_scene, o);
    QCOMPARE(image.size(), o.size);
    QVERIFY(countNear(image, m_scene->function(2).color, 10) > 300);
}

void TestSceneRenderer::leavesTheSceneAlone()
{
    m_scene->setPlotSize(QSize(321, 123));
    QSignalSpy recomputed(m_scene.get(), &SceneModel::recomputed);
    RenderOptions o;
    o.secondDerivative = true;
    QVERIFY(!SceneRenderer::renderImage(*m_scene, o).isNull());
    QCOMPARE(recomputed.count(), 0);
    QCOMPARE(m_scene->plotSize(), QSize(321, 123));
    QCOMPARE(m_scene->maxOrder(), 1);
}

void TestSceneRenderer::svgIsValidXml()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(SceneRenderer::renderSvg(*m_scene, RenderOptions(), &buffer, &error),
             qPrintable(error));
    buffer.close();
    QVERIFY(bytes.contains("<svg"));
    QXmlStreamReader xml(bytes);
    bool sawSvg = false;
    int paths = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            sawSvg = sawSvg || xml.name() == QLatin1String("svg");
            paths += xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline");
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawSvg);
    QVERIFY(paths > 10);
    // The curves' colours are in it.
    QVERIFY(bytes.contains(m_scene->function(1).color.name().toLatin1()));
}

namespace {

/** A poppler tool's output for path; fails the test loudly where the tool is missing. */
QString popplerOutput(const char *tool, const QStringList &arguments)
{
    const QString program = QString::fromLocal8Bit(tool);
    if (program.isEmpty() || program.endsWith(QLatin1String("-NOTFOUND"))) {
        qWarning("poppler-utils not found (pdfinfo, pdftotext): apt-get install poppler-utils, "
                 "or run scripts/setup.sh");
        return {};
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

void TestSceneRenderer::pdfIsOnePageWithText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.pdf"));
    RenderOptions o;
    o.size = QSize(800, 450);
    QString error;
    QVERIFY2(SceneRenderer::exportImage(*m_scene, o, path, &error), qPrintable(error));
    QVERIFY(readAll(path).startsWith("%PDF-"));

    const QString info = popplerOutput(AE_PDFINFO, { path });
    QVERIFY2(!info.isEmpty(), "pdfinfo failed or is missing (apt-get install poppler-utils)");
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
    // 800×450 pixels at 96 per inch: 600×337.5 points, which Qt's PDF writer rounds to whole
    // points.
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+600 x 338 pts"))),
             qPrintable(info));

    // Text stays text: the legend's names (not a cached bitmap) and the axes' titles.
    const QString text = popplerOutput(AE_PDFTOTEXT, { path, QStringLiteral("-") });
    QVERIFY2(!text.isEmpty(), "pdftotext failed or is missing (apt-get install poppler-utils)");
    for (const char *name : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY2(text.contains(QLatin1String(name)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("f(x)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("f′(x)")), qPrintable(text));
}

void TestSceneRenderer::exportsBySuffix_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("svg");
    QTest::newRow("pdf") << QStringLiteral("out.pdf") << false;
    QTest::newRow("png") << QStringLiteral("out.png") << false;
    QTest::newRow("PNG") << QStringLiteral("OUT.PNG") << false;
    QTest::newRow("svg") << QStringLiteral("out.svg") << true;
    QTest::newRow("Svg") << QStringLiteral("out.Svg") << true;
}

void TestSceneRenderer::exportsBySuffix()
{
    QFETCH(QString, name);
    QFETCH(bool, svg);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    writeFile(path, "old"); // an existing file is replaced whole
    QString error;
    RenderOptions o;
    o.size = QSize(800, 450);
    QVERIFY2(SceneRenderer::exportImage(*m_scene, o, path, &error), qPrintable(error));
    const QByteArray bytes = readAll(path);
    if (svg) {
        QVERIFY(bytes.contains("<svg"));
    } else if (name.endsWith(QLatin1String(".pdf"))) {
        QVERIFY(bytes.startsWith("%PDF-"));
    } else {
        QVERIFY(bytes.startsWith("\x89PNG"));
        QCOMPARE(QImage::fromData(bytes).size(), QSize(800, 450));
    }
    // Nothing else left behind (no temporary files).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { name });
}

void TestSceneRenderer::refusesUnknownSuffix()
{
    QTemporaryDir dir;
    for (const QString &name : { QStringLiteral("out.bmp"), QStringLiteral("out") }) {
        const QString path = dir.filePath(name);
        writeFile(path, "keep");
        QString error;
        QVERIFY(!SceneRenderer::exportImage(*m_scene, RenderOptions(), path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral(".png")) && error.contains(QStringLiteral(".svg")),
                 qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("keep"));
    }
}

void TestSceneRenderer::refusesUnwritablePath()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/out.png"));
    QString error;
    QVERIFY(!SceneRenderer::exportImage(*m_scene, RenderOptions(), missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY(!QFile::exists(missing));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));

    // Nobody may create files in /proc, not even root.
    const QString proc = QStringLiteral("/proc/activation-explorer-test.png");
    error.clear();
    QVERIFY(!SceneRenderer::exportImage(*m_scene, RenderOptions(), proc, &error));
    QVERIFY2(error.contains(proc), qPrintable(error));

    if (geteuid() == 0)
        QSKIP("root writes into read-only directories");
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(locked));
    const QString path = locked + QStringLiteral("/out.png");
    writeFile(path, "keep");
    QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    error.clear();
    const bool ok = SceneRenderer::exportImage(*m_scene, RenderOptions(), path, &error);
    QFile::setPermissions(locked,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!ok);
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readAll(path), QByteArray("keep"));
    QCOMPARE(QDir(locked).entryList(QDir::Files | QDir::Hidden),
             QStringList { QStringLiteral("out.png") });
}

void TestSceneRenderer::refusesDirectory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("looks-like.png"));
    QVERIFY(QDir().mkpath(path));
    QString error;
    QVERIFY(!SceneRenderer::exportImage(*m_scene, RenderOptions(), path, &error));
    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("directory")),
             qPrintable(error));
    QVERIFY(QFileInfo(path).isDir());
}

void TestSceneRenderer::refusesBadSize()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.png"));
    RenderOptions o;
    o.size = QSize(10, 10);
    QString error;
    QVERIFY(!SceneRenderer::exportImage(*m_scene, o, path, &error));
    QVERIFY2(error.contains(QStringLiteral("size")), qPrintable(error));
    QVERIFY(SceneRenderer::renderImage(*m_scene, o).isNull());
    o.size = QSize(1600, 900);
    o.scale = 0;
    QVERIFY(!SceneRenderer::exportImage(*m_scene, o, path, &error));
    QVERIFY2(error.contains(QStringLiteral("scale")), qPrintable(error));
    o.scale = 1;
    o.size = QSize(100000, 900);
    QVERIFY(!SceneRenderer::exportImage(*m_scene, o, path, &error));
    QVERIFY(!QFile::exists(path));
}

void TestSceneRenderer::darkExportUnlessWhite()
{
    RenderOptions o;
    o.size = QSize(800, 450);
    o.theme = Theme::Dark;
    const ChartAppearance dark = SceneRenderer::appearanceFor(o);
    QVERIFY(dark.isDark());
    const QImage image = SceneRenderer::renderImage(*m_scene, o);
    QVERIFY(!image.isNull());
    // The margins and most of the plot are the dark background; nothing is white.
    QCOMPARE(image.pixelColor(2, 2), dark.background);
    QCOMPARE(image.pixelColor(image.width() - 3, image.height() - 3), dark.background);
    QVERIFY(countNear(image, dark.background, 2) > image.width() * image.height() / 2);
    QCOMPARE(countNear(image, Qt::white, 0), 0);
    // The curves keep their colours (black, lifted to a light grey, is not among these four).
    for (int row = 0; row < m_scene->rowCount(); ++row)
        QVERIFY(countNear(image, m_scene->function(row).color, 10) > 300);

    o.whiteBackground = true;
    const QImage white = SceneRenderer::renderImage(*m_scene, o);
    QCOMPARE(white.pixelColor(2, 2), QColor(Qt::white));
    QVERIFY(countNear(white, Qt::white, 0) > white.width() * white.height() / 2);
    QCOMPARE(countNear(white, dark.background, 2), 0);

    // SVG too: the background rectangle is the theme's.
    o.whiteBackground = false;
    QByteArray svg;
    QBuffer buffer(&svg);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(SceneRenderer::renderSvg(*m_scene, o, &buffer));
    QVERIFY(svg.contains(dark.background.name().toLatin1()));
}

void TestSceneRenderer::presentationExportHasThickerCurves()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    const QColor c = scene.function(0).color;
    RenderOptions o;
    o.bands = false;
    const int normal = countNear(SceneRenderer::renderImage(scene, o), c, 10);
    o.presentation = true;
    const QImage present = SceneRenderer::renderImage(scene, o);
    const int thick = countNear(present, c, 10);
    QVERIFY2(thick > normal * 3 / 2, qPrintable(QStringLiteral("%1 %2").arg(normal).arg(thick)));
    QCOMPARE(present.pixelColor(2, 2), QColor(Qt::white));
}

QTEST_MAIN(TestSceneRenderer)
void TestSceneRenderer::legendRowsForAnimationFrames()
{
    // leaky_relu's label grows with its slope's digits: at 720 px "negative_slope 0" fits one
    // row beside relu, "negative_slope 0.482759" wraps to one more. A frame drawn with the rows
    // the longest needs has the plot size of that frame; reserving no more than it needs changes
    // nothing.
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("leaky_relu")));
    QVERIFY(scene.addFunction(QStringLiteral("relu")));
    QVERIFY(scene.setParameter(0, QStringLiteral("negative_slope"), 0.0));
    RenderOptions o;
    o.size = QSize(720, 405);
    const int shortRows = SceneRenderer::legendRows(scene, o);
    QVERIFY(shortRows >= 1);
    const QImage shortOwn = SceneRenderer::renderImage(scene, o);

    QVERIFY(scene.setParameter(0, QStringLiteral("negative_slope"), 14.0 / 29.0));
    const int longRows = SceneRenderer::legendRows(scene, o);
    QCOMPARE(longRows, shortRows + 1);
    const QImage longOwn = SceneRenderer::renderImage(scene, o);
    o.legendRows = longRows;
    QCOMPARE(SceneRenderer::legendRows(scene, o), longRows); // the reservation is not counted
    QCOMPARE(SceneRenderer::renderImage(scene, o), longOwn);

    QVERIFY(scene.setParameter(0, QStringLiteral("negative_slope"), 0.0));
    QCOMPARE(SceneRenderer::legendRows(scene, o), shortRows);
    QVERIFY(SceneRenderer::renderImage(scene, o) != shortOwn); // a smaller plot, the long frame's
    // Bad options: nothing to lay out.
    o.size = QSize(0, 0);
    QCOMPARE(SceneRenderer::legendRows(scene, o), 0);
}

#include "tst_scenerenderer.moc"
