#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <memory>

/**
 * Encodes QImage frames as a looping animated GIF with giflib, in memory.
 *
 * Every frame is mapped to one fixed palette (the nearest colour, remembered per colour seen),
 * so a chart's colours stay exact and its antialiasing needs only ramps towards the background
 * (rampPalette()). After the first frame, each frame is the rectangle that changed, with the
 * unchanged pixels in it transparent. The GIF loops forever (NETSCAPE2.0); every frame shows for
 * the same delay. No scene knowledge: SceneAnimation feeds it.
 */
class GifWriter
{
public:
    /** Colours a palette may hold: 256 less the one index kept for transparency. */
    static constexpr int MaxColors = 255;

    /** size: every frame's size in pixels; palette: 1 … MaxColors colours; delay: hundredths of a
     * second each frame shows. */
    GifWriter(QSize size, const QList<QRgb> &palette, int delay);
    ~GifWriter();
    GifWriter(const GifWriter &) = delete;
    GifWriter &operator=(const GifWriter &) = delete;

    /** Appends a frame of size() pixels (any format; alpha is ignored); false on error. */
    bool addFrame(const QImage &frame);
    /** Ends the GIF: its bytes, or empty on error (errorString() says why). */
    QByteArray finish();

    QSize size() const;
    int frameCount() const;
    QString errorString() const;

    /**
     * A palette of at most maxColors: background, each key colour, then for each key a ramp of
     * evenly spaced blends towards background (the colours antialiased edges take), as many
     * steps as the room allows. Duplicates are dropped.
     */
    static QList<QRgb> rampPalette(const QList<QColor> &keys, const QColor &background,
                                   int maxColors = MaxColors);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
