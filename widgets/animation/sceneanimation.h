#pragma once

#include "animationsweep.h"
#include "scenerenderer.h"

#include <QByteArray>
#include <QList>
#include <QRgb>
#include <QString>

#include <functional>

class SceneModel;

/** An animated GIF of a sweep: what to draw, how fast, and how often it is written. */
struct AnimationOptions
{
    /// the charts' look and size, as for a still image; at scale 2 each frame keeps the layout
    /// with twice the pixels each way
    RenderOptions render;
    AnimationSweep sweep;
    int fps = AnimationSweep::DefaultFps; ///< AnimationSweep::MinFps … MaxFps
};

/**
 * Renders a sweep frame by frame through SceneRenderer and encodes it with GifWriter.
 *
 * The scene is copied; each frame applies its value to the copy and renders it. progress is
 * called before the first frame and after each (done, total); returning false cancels.
 */
namespace SceneAnimation {
/** Called with frames done and the total; return false to cancel. */
using Progress = std::function<bool(int done, int total)>;

/** The fixed palette of scene's frames: the look's colours, every function's colour and band
 * tints, and ramps from each to the background for antialiasing. */
QList<QRgb> palette(const SceneModel &scene, const RenderOptions &options);
/** Empty when options can be rendered for scene, else the problem (sweep, fps, size). */
QString check(const SceneModel &scene, const AnimationOptions &options);
/** The GIF's bytes; false with error when the options are wrong, it fails or is cancelled. */
bool renderGif(const SceneModel &scene, const AnimationOptions &options, QByteArray *gif,
               const Progress &progress = {}, QString *error = nullptr,
               bool *cancelled = nullptr);
/** Writes the GIF to path atomically: on failure or cancel, no file is left and an existing one
 * stays as it was. */
bool exportGif(const SceneModel &scene, const AnimationOptions &options, const QString &path,
               const Progress &progress = {}, QString *error = nullptr,
               bool *cancelled = nullptr);
} // namespace SceneAnimation
