#include "scenerenderer.h"

#include "plotchart.h"
#include "scenemodel.h"
#include "scenerenderer_p.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPaintEngine>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace {

constexpr int MinSide = 64;
constexpr int MaxSide = 16384; // per side, after scaling; QImage and memory stay sane
constexpr int MaxScale = 4;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/** The charts an export shows and where, side by side or stacked, filling size. */
QList<SceneRendererPrivate::ChartPlacement> layoutCharts(const RenderOptions &o)
{
    QList<ChartContent> contents;
    if (o.overlay)
        contents << ChartContent::Overlay;
    else
        contents << ChartContent::Function << ChartContent::FirstDerivative;
    if (o.secondDerivative)
        contents << ChartContent::SecondDerivative;

    QList<SceneRendererPrivate::ChartPlacement> charts;
    const int n = int(contents.size());
    for (int i = 0; i < n; ++i) {
        QRectF r;
        if (o.orientation == Qt::Horizontal) {
            const double w = double(o.size.width()) / n;
            r = QRectF(i * w, 0, w, o.size.height());
        } else {
            const double h = double(o.size.height()) / n;
            r = QRectF(0, i * h, o.size.width(), h);
        }
        charts.append({ contents[i], r });
    }
    return charts;
}

SceneRendererPrivate::PaintSettings paintSettings(const RenderOptions &o)
{
    SceneRendererPrivate::PaintSettings settings;
    settings.bands = o.bands;
    settings.focusRow = o.focusRow;
    settings.allBands = o.allBands;
    settings.maxOrder = o.secondDerivative ? 2 : 1;
    settings.appearance = SceneRenderer::appearanceFor(o);
    settings.legendRows = o.legendRows;
    return settings;
}

} // namespace

namespace {

/** The checks renderSvg() and renderPdf() share: options, and a device to write to. */
bool checkVectorTarget(const RenderOptions &options, const QIODevice *device,
                       const QString &noDevice, QString *error)
{
    const QString problem = SceneRenderer::checkOptions(options);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    if (!device) {
        setError(error, noDevice);
        return false;
    }
    return true;
}

/** The background and the charts on a vector target (SVG generator, PDF writer) writing to
 * device; cannotWrite ("cannot write SVG: %1") takes the device's error. */
bool paintVector(QPaintDevice *target, const SceneModel &scene, const RenderOptions &options,
                 const QIODevice *device, const QString &cannotWrite, QString *error)
{
    QPainter painter;
    if (!painter.begin(target)) {
        setError(error, cannotWrite.arg(device->errorString()));
        return false;
    }
    painter.fillRect(QRect(QPoint(0, 0), options.size),
                     SceneRenderer::appearanceFor(options).background);
    SceneRendererPrivate::paintCharts(&painter, scene, layoutCharts(options), nullptr,
                                      paintSettings(options));
    if (!painter.end()) {
        setError(error, cannotWrite.arg(device->errorString()));
        return false;
    }
    return true;
}

} // namespace

namespace SceneRendererPrivate {

/** The charts, in graphics (which owns them), drawing copy and laid out at their places. */
QList<PlotChart *> addCharts(QGraphicsScene &graphics, SceneModel &copy,
                             const QList<ChartPlacement> &charts, const PlotChart *like,
                             const PaintSettings &settings, bool vector, qreal ratio)
{
    QList<PlotChart *> plotCharts;
    for (const ChartPlacement &placement : charts) {
        auto *chart = new PlotChart;
        graphics.addItem(chart);
        chart->setVectorBands(vector);
        chart->setDevicePixelRatio(ratio);
        if (like) {
            chart->copySettings(*like);
        } else {
            chart->setBandsVisible(settings.bands);
            chart->setFocusRow(settings.focusRow);
            chart->setAllBands(settings.allBands);
            chart->setAppearance(settings.appearance);
        }
        chart->setMinimumLegendRows(settings.legendRows);
        chart->setContent(placement.content);
        chart->setModel(&copy);
        chart->setPos(placement.rect.topLeft());
        chart->layoutNow(placement.rect.size());
        plotCharts.append(chart);
    }
    return plotCharts;
}

int legendRows(const SceneModel &scene, const QList<ChartPlacement> &charts,
               const PaintSettings &settings)
{
    SceneModel copy;
    copy.assign(scene);
    copy.setMaxOrder(std::max(copy.maxOrder(), settings.maxOrder));
    QGraphicsScene graphics;
    int rows = 0;
    for (const PlotChart *chart : addCharts(graphics, copy, charts, nullptr, settings, false, 1.0))
        rows = std::max(rows, chart->legendRows());
    return rows;
}

void paintCharts(QPainter *painter, const SceneModel &scene, const QList<ChartPlacement> &charts,
                 const PlotChart *like, const PaintSettings &settings)
{
    if (charts.isEmpty())
        return;
    // A private copy: the export samples for its own pixel size and leaves the window's scene be.
    // Declared before the graphics scene, so the charts (owned by it) go first.
    SceneModel copy;
    copy.assign(scene);
    copy.setMaxOrder(std::max(copy.maxOrder(), settings.maxOrder));

    // SVG and PDF get bands as vector fills and the legend as text (no cached bitmap); raster
    // devices a texture at their own pixel ratio.
    const QPaintEngine *engine = painter->paintEngine();
    const bool vector = engine
        && (engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Pdf);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;

    QGraphicsScene graphics;
    const QList<PlotChart *> plotCharts
        = addCharts(graphics, copy, charts, like, settings, vector, ratio);
    // Re-sample for the plot area at this size; the charts follow the copy's recomputed().
    const QSize plot = plotCharts.first()->plotArea().size().toSize();
    if (plot.width() > 0 && plot.height() > 0)
        copy.setPlotSize(plot);
    for (int i = 0; i < plotCharts.size(); ++i)
        plotCharts[i]->layoutNow(charts[i].rect.size());

    QRectF all;
    for (const ChartPlacement &placement : charts)
        all = all.united(placement.rect);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    graphics.render(painter, all, all, Qt::IgnoreAspectRatio);
    painter->restore();
}

} // namespace SceneRendererPrivate

namespace SceneRenderer {

QString checkOptions(const RenderOptions &o)
{
    if (o.scale < 1 || o.scale > MaxScale)
        return QCoreApplication::translate("SceneRenderer", "scale must be 1 to %1 (got %2)").arg(MaxScale).arg(o.scale);
    const qint64 w = qint64(o.size.width()) * o.scale;
    const qint64 h = qint64(o.size.height()) * o.scale;
    if (o.size.width() < MinSide || o.size.height() < MinSide || w > MaxSide || h > MaxSide)
        return QCoreApplication::translate("SceneRenderer", "image size must be between %1×%1 and %2×%2 pixels after scaling "
                              "(got %3×%4 at scale %5)")
            .arg(MinSide)
            .arg(MaxSide)
            .arg(o.size.width())
            .arg(o.size.height())
            .arg(o.scale);
    return {};
}

ChartAppearance appearanceFor(const RenderOptions &options)
{
    return ChartAppearance::forTheme(options.whiteBackground ? Theme::Light : options.theme,
                                     options.presentation);
}

int legendRows(const SceneModel &scene, const RenderOptions &options)
{
    if (!checkOptions(options).isEmpty())
        return 0;
    SceneRendererPrivate::PaintSettings settings = paintSettings(options);
    settings.legendRows = 0;
    return SceneRendererPrivate::legendRows(scene, layoutCharts(options), settings);
}

QStringList supportedSuffixes()
{
    return { QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf") };
}

QImage renderImage(const SceneModel &scene, const RenderOptions &options)
{
    if (!checkOptions(options).isEmpty())
        return {};
    // Opaque: faster to paint and to encode, and a PNG without an alpha channel.
    QImage image(options.size * options.scale, QImage::Format_RGB32);
    if (image.isNull())
        return {};
    image.setDevicePixelRatio(options.scale);
    image.fill(appearanceFor(options).background);
    QPainter painter(&image);
    SceneRendererPrivate::paintCharts(&painter, scene, layoutCharts(options), nullptr,
                                      paintSettings(options));
    painter.end();
    return image;
}

bool renderSvg(const SceneModel &scene, const RenderOptions &options, QIODevice *device,
               QString *error)
{
    if (!checkVectorTarget(options, device,
                           QCoreApplication::translate("SceneRenderer", "no device to write the SVG to"),
                           error))
        return false;
    QSvgGenerator generator;
    generator.setOutputDevice(device);
    generator.setSize(options.size);
    generator.setViewBox(QRect(QPoint(0, 0), options.size));
    // The charts' fonts are laid out for 96 dpi (as on screen); so must the SVG's text be.
    generator.setResolution(96);
    generator.setTitle(QStringLiteral("Activation Explorer"));
    generator.setDescription(QStringLiteral("Activation functions and their derivatives"));
    return paintVector(&generator, scene, options, device,
                       QCoreApplication::translate("SceneRenderer", "cannot write SVG: %1"), error);
}

bool renderPdf(const SceneModel &scene, const RenderOptions &options, QIODevice *device,
               QString *error)
{
    if (!checkVectorTarget(options, device,
                           QCoreApplication::translate("SceneRenderer", "no device to write the PDF to"),
                           error))
        return false;
    QPdfWriter writer(device);
    // One page the size of the image at 96 pixels per inch (as the SVG's text): 1600×900 pixels
    // make a 1200×675-point page (Qt rounds a page to whole points). The painter then works in
    // those pixels, as for the SVG.
    writer.setResolution(PdfResolution);
    const QSizeF points = QSizeF(options.size) * 72.0 / PdfResolution;
    writer.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(QStringLiteral("Activation Explorer"));
    writer.setCreator(QStringLiteral("Activation Explorer"));
    return paintVector(&writer, scene, options, device,
                       QCoreApplication::translate("SceneRenderer", "cannot write PDF: %1"), error);
}

bool exportImage(const SceneModel &scene, const RenderOptions &options, const QString &path,
                 QString *error)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (!supportedSuffixes().contains(suffix)) {
        setError(error,
                 QCoreApplication::translate("SceneRenderer", "cannot export '%1': unknown image format %2; valid suffixes: "
                                ".png, .svg, .pdf")
                     .arg(path,
                          suffix.isEmpty() ? QStringLiteral("(no suffix)")
                                           : QStringLiteral("'.%1'").arg(info.suffix())));
        return false;
    }
    if (info.isDir()) {
        setError(error, QCoreApplication::translate("SceneRenderer", "cannot write '%1': it is a directory").arg(path));
        return false;
    }
    const QString problem = checkOptions(options);
    if (!problem.isEmpty()) {
        setError(error, QCoreApplication::translate("SceneRenderer", "cannot export '%1': %2").arg(path, problem));
        return false;
    }

    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir()) {
        setError(error,
                 QCoreApplication::translate("SceneRenderer", "cannot write '%1': the folder '%2' does not exist")
                     .arg(path, folder.filePath()));
        return false;
    }
    // QSaveFile writes a temporary file beside the target and renames it on commit(): a failure
    // anywhere leaves no half-written file, and an existing one stays as it was. Opened first, so
    // an unwritable place is refused before the rendering.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QCoreApplication::translate("SceneRenderer", "cannot write '%1': %2").arg(path, file.errorString()));
        return false;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf")) {
        QString vectorError;
        const bool drawn = suffix == QLatin1String("svg")
                ? renderSvg(scene, options, &buffer, &vectorError)
                : renderPdf(scene, options, &buffer, &vectorError);
        if (!drawn) {
            file.cancelWriting();
            setError(error, QCoreApplication::translate("SceneRenderer", "cannot export '%1': %2").arg(path, vectorError));
            return false;
        }
    } else {
        const QImage image = renderImage(scene, options);
        if (image.isNull() || !image.save(&buffer, "PNG")) {
            file.cancelWriting();
            setError(error,
                     QCoreApplication::translate("SceneRenderer", "cannot export '%1': the %2×%3 image could not be made")
                         .arg(path)
                         .arg(options.size.width() * options.scale)
                         .arg(options.size.height() * options.scale));
            return false;
        }
    }
    buffer.close();
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        setError(error, QCoreApplication::translate("SceneRenderer", "cannot write '%1': %2").arg(path, file.errorString()));
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace SceneRenderer
