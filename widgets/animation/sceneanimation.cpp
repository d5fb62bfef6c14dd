#include "sceneanimation.h"

#include "gifwriter.h"
#include "scenemodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/** c drawn at alpha over background: the colour a translucent band leaves. */
QColor over(const QColor &c, int alpha, const QColor &background)
{
    const double a = alpha / 255.0;
    const auto mix = [a](int x, int y) { return int(x * a + y * (1 - a) + 0.5); };
    return QColor(mix(c.red(), background.red()), mix(c.green(), background.green()),
                  mix(c.blue(), background.blue()));
}

} // namespace

namespace SceneAnimation {

QList<QRgb> palette(const SceneModel &scene, const RenderOptions &options)
{
    const ChartAppearance look = SceneRenderer::appearanceFor(options);
    QList<QColor> keys { look.text, look.labels, look.secondaryText, look.axis, look.grid,
                         look.plotBackground,
                         look.isDark() ? look.grid.lighter(130) : look.grid.darker(108) };
    QList<QColor> curves;
    for (int row = 0; row < scene.rowCount(); ++row) {
        if (scene.function(row).visible)
            curves << look.curveColor(scene.function(row).color);
    }
    keys << curves;
    // The bands' and lanes' washes (their alphas in plotchartseries.cpp and plotlanes.cpp).
    for (const QColor &c : std::as_const(curves)) {
        for (const int alpha : { 34, 52, 90, 135 })
            keys << over(c, alpha, look.plotBackground);
    }
    return GifWriter::rampPalette(keys, look.background);
}

QString check(const SceneModel &scene, const AnimationOptions &options)
{
    if (options.fps < AnimationSweep::MinFps || options.fps > AnimationSweep::MaxFps)
        return QCoreApplication::translate("SceneAnimation", "frames per second must be between %1 and %2 (got %3)")
                .arg(AnimationSweep::MinFps)
                .arg(AnimationSweep::MaxFps)
                .arg(options.fps);
    return options.sweep.check(scene);
}

bool renderGif(const SceneModel &scene, const AnimationOptions &options, QByteArray *gif,
               const Progress &progress, QString *error, bool *cancelled)
{
    if (cancelled)
        *cancelled = false;
    const QString problem = check(scene, options);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    const QString renderProblem = SceneRenderer::checkOptions(options.render);
    if (!renderProblem.isEmpty()) {
        setError(error, renderProblem);
        return false;
    }
    RenderOptions render = options.render;
    SceneModel copy;
    copy.assign(scene);
    // At scale 2 every frame has the same layout with twice the pixels each way.
    GifWriter writer(render.size * render.scale, palette(copy, render),
                     AnimationSweep::frameDelay(options.fps));
    const QList<double> values = options.sweep.frameValues();
    const int total = int(values.size());
    // Labels change length from frame to frame ("negative_slope 0.482759"): every frame's legend
    // takes the rows the longest needs, so the plots keep one size and the GIF does not jump.
    QString applyError;
    for (double value : values) {
        if (!options.sweep.apply(copy, value, &applyError)) {
            setError(error, applyError);
            return false;
        }
        render.legendRows = std::max(render.legendRows, SceneRenderer::legendRows(copy, render));
    }
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total)) {
            if (cancelled)
                *cancelled = true;
            setError(error, QCoreApplication::translate("SceneAnimation", "cancelled"));
            return false;
        }
        if (!options.sweep.apply(copy, values[i], &applyError)) {
            setError(error, applyError);
            return false;
        }
        const QImage frame = SceneRenderer::renderImage(copy, render);
        if (frame.isNull()) {
            setError(error, QCoreApplication::translate("SceneAnimation", "frame %1 could not be drawn at %2×%3 pixels")
                                    .arg(i + 1)
                                    .arg(render.size.width() * render.scale)
                                    .arg(render.size.height() * render.scale));
            return false;
        }
        if (!writer.addFrame(frame)) {
            setError(error, writer.errorString());
            return false;
        }
    }
    if (progress && !progress(total, total)) {
        if (cancelled)
            *cancelled = true;
        setError(error, QCoreApplication::translate("SceneAnimation", "cancelled"));
        return false;
    }
    const QByteArray bytes = writer.finish();
    if (bytes.isEmpty()) {
        setError(error, writer.errorString());
        return false;
    }
    if (gif)
        *gif = bytes;
    return true;
}

bool exportGif(const SceneModel &scene, const AnimationOptions &options, const QString &path,
               const Progress &progress, QString *error, bool *cancelled)
{
    if (cancelled)
        *cancelled = false;
    const QFileInfo info(path);
    if (info.isDir()) {
        setError(error, QCoreApplication::translate("SceneAnimation", "cannot write '%1': it is a directory").arg(path));
        return false;
    }
    if (!QFileInfo(info.absolutePath()).isDir()) {
        setError(error, QCoreApplication::translate("SceneAnimation", "cannot write '%1': the folder '%2' does not exist")
                                .arg(path, info.absolutePath()));
        return false;
    }
    // Opened first, so an unwritable place is refused before the frames are drawn; nothing
    // reaches path before commit().
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QCoreApplication::translate("SceneAnimation", "cannot write '%1': %2").arg(path, file.errorString()));
        return false;
    }
    QByteArray bytes;
    QString problem;
    if (!renderGif(scene, options, &bytes, progress, &problem, cancelled)) {
        file.cancelWriting();
        setError(error, QCoreApplication::translate("SceneAnimation", "cannot export '%1': %2").arg(path, problem));
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        setError(error, QCoreApplication::translate("SceneAnimation", "cannot write '%1': %2").arg(path, file.errorString()));
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace SceneAnimation
