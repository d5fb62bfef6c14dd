#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include "theme.h"

class QIODevice;
class SceneModel;

/** What an image export shows and how large it is. */
struct RenderOptions
{
    QSize size { 1600, 900 }; ///< the image in device-independent pixels
    int scale = 1; ///< device pixel ratio: 2 gives an image of 2 × size pixels
    bool secondDerivative = false; ///< adds an f″ chart
    bool overlay = false; ///< f and f′ on one chart instead of two
    bool bands = true; ///< saturation bands: lanes for every function, full height for the focus
    int focusRow = -1; ///< the function drawn on top with full-height bands; −1: lanes only
    bool allBands = false; ///< full-height bands for every function
    Qt::Orientation orientation = Qt::Horizontal; ///< charts side by side, or stacked
    Theme theme = Theme::Light; ///< the charts' colours, as in the window
    bool presentation = false; ///< presentation mode's thick lines, large text, high contrast
    bool whiteBackground = false; ///< the light look whatever the theme, for print
    /// each chart's legend takes at least this many rows: an animation's frames, whose labels
    /// change length, keep one layout (SceneRenderer::legendRows() finds what they need)
    int legendRows = 0;
};

/**
 * Draws a scene's charts the way the window shows them, without a window or a display.
 *
 * The scene is copied and re-sampled for the export's plot size; the caller's scene is not touched.
 * Needs a QApplication (Qt Charts are graphics widgets), which may run on the offscreen platform.
 * PNG is raster at the scale's pixel ratio; SVG and PDF are vector, with "zero" bands as a
 * denser wash instead of hatching (pattern fills are not drawn alike by SVG viewers), and text
 * as text.
 */
namespace SceneRenderer {
/** A PDF page's pixels per inch: size pixels make a page of size × 72/96 points, rounded to
 * whole points. */
constexpr int PdfResolution = 96;
/** Empty when options can be drawn, else what is wrong and what is allowed (the size per side
 * after scaling, the scale). */
QString checkOptions(const RenderOptions &options);
/** The charts as an image of size × scale pixels with device pixel ratio scale; null on bad
 * options. */
QImage renderImage(const SceneModel &scene, const RenderOptions &options);
/** The charts as an SVG document written to device. */
bool renderSvg(const SceneModel &scene, const RenderOptions &options, QIODevice *device,
               QString *error = nullptr);
/** The charts as a one-page PDF written to device: the SVG's vector drawing, the page
 * size × 72/PdfResolution points (scale is ignored). */
bool renderPdf(const SceneModel &scene, const RenderOptions &options, QIODevice *device,
               QString *error = nullptr);
/** The most rows a legend of the charts takes for options, ignoring options.legendRows. */
int legendRows(const SceneModel &scene, const RenderOptions &options);
/** Writes a PNG, SVG or PDF (by the path's suffix) atomically; on failure names the path and reason. */
bool exportImage(const SceneModel &scene, const RenderOptions &options, const QString &path,
                 QString *error = nullptr);
/** The charts' look for options: the theme's, or the light one when whiteBackground. */
ChartAppearance appearanceFor(const RenderOptions &options);
/** The suffixes exportImage() understands, lower case, without dots. */
QStringList supportedSuffixes();
} // namespace SceneRenderer
