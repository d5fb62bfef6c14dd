#include "gifwriter.h"

#include <QCoreApplication>
#include <QHash>

#include <gif_lib.h>

#include <algorithm>
#include <climits>

namespace {

int writeToByteArray(GifFileType *gif, const GifByteType *data, int length)
{
    static_cast<QByteArray *>(gif->UserData)->append(reinterpret_cast<const char *>(data), length);
    return length;
}

/** The smallest power of two ≥ n, at least 2 (a GIF colour table's sizes). */
int tableSize(int n)
{
    int size = 2;
    while (size < n)
        size *= 2;
    return size;
}

QRgb blend(QRgb a, QRgb b, double t)
{
    const auto mix = [t](int x, int y) { return int(x + (y - x) * t + 0.5); };
    return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

} // namespace

struct GifWriter::Private
{
    QSize size;
    QList<QRgb> palette;
    int delay = 0;
    int transparent = 0; ///< the index after the palette's colours
    QByteArray bytes;
    GifFileType *gif = nullptr;
    QString error;
    int frames = 0;
    QByteArray previous; ///< the last frame's indices, row by row
    QHash<QRgb, uchar> nearest;

    bool fail(const QString &message, int code = 0)
    {
        if (error.isEmpty()) {
            error = code ? QStringLiteral("%1 (giflib: %2)").arg(message,
                                   QString::fromLatin1(GifErrorString(code)))
                         : message;
        }
        return false;
    }

    bool failGif(const QString &message)
    {
        return fail(message, gif ? gif->Error : 0);
    }

    uchar lookup(QRgb colour)
    {
        colour |= 0xFF000000u;
        const auto it = nearest.constFind(colour);
        if (it != nearest.constEnd())
            return *it;
        // Weighted RGB distance: green counts most, as the eye sees it.
        int best = 0;
        long bestDistance = LONG_MAX;
        for (int i = 0; i < palette.size(); ++i) {
            const QRgb p = palette[i];
            const long dr = qRed(p) - qRed(colour);
            const long dg = qGreen(p) - qGreen(colour);
            const long db = qBlue(p) - qBlue(colour);
            const long distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        nearest.insert(colour, uchar(best));
        return uchar(best);
    }

    QByteArray quantize(const QImage &image)
    {
        QByteArray indices(qsizetype(size.width()) * size.height(), Qt::Uninitialized);
        uchar *out = reinterpret_cast<uchar *>(indices.data());
        QRgb last = 0;
        uchar lastIndex = lookup(last);
        for (int y = 0; y < size.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < size.width(); ++x) {
                // Long runs of one colour (the background) skip the hash.
                if (line[x] != last) {
                    last = line[x];
                    lastIndex = lookup(last);
                }
                *out++ = lastIndex;
            }
        }
        return indices;
    }

    bool begin()
    {
        int code = 0;
        gif = EGifOpen(&bytes, writeToByteArray, &code);
        if (!gif)
            return fail(QCoreApplication::translate("GifWriter", "cannot start the GIF"), code);
        EGifSetGifVersion(gif, true);
        const int count = tableSize(transparent + 1);
        QList<GifColorType> colours(count, GifColorType { 0, 0, 0 });
        for (int i = 0; i < palette.size(); ++i)
            colours[i] = { GifByteType(qRed(palette[i])), GifByteType(qGreen(palette[i])),
                           GifByteType(qBlue(palette[i])) };
        ColorMapObject *map = GifMakeMapObject(count, colours.data());
        if (!map)
            return fail(QCoreApplication::translate("GifWriter", "cannot make the GIF's colour table"));
        int depth = 1;
        while ((1 << depth) < count)
            ++depth;
        const int put = EGifPutScreenDesc(gif, size.width(), size.height(), depth, 0, map);
        GifFreeMapObject(map);
        if (put == GIF_ERROR)
            return failGif(QCoreApplication::translate("GifWriter", "cannot write the GIF's header"));
        // NETSCAPE2.0: loop forever (count 0).
        static const GifByteType netscape[] = "NETSCAPE2.0";
        static const GifByteType loop[] = { 1, 0, 0 };
        if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR
            || EGifPutExtensionBlock(gif, 11, netscape) == GIF_ERROR
            || EGifPutExtensionBlock(gif, 3, loop) == GIF_ERROR
            || EGifPutExtensionTrailer(gif) == GIF_ERROR)
            return failGif(QCoreApplication::translate("GifWriter", "cannot write the GIF's loop extension"));
        return true;
    }

    bool putFrame(const QByteArray &indices)
    {
        const int w = size.width();
        const int h = size.height();
        QRect box(0, 0, w, h);
        QByteArray pixels = indices;
        bool useTransparency = false;
        if (!previous.isEmpty()) {
            // Only the rectangle that changed, unchanged pixels in it transparent.
            int left = w, right = -1, top = h, bottom = -1;
            for (int y = 0; y < h; ++y) {
                const char *a = indices.constData() + qsizetype(y) * w;
                const char *b = previous.constData() + qsizetype(y) * w;
                if (std::equal(a, a + w, b))
                    continue;
                top = std::min(top, y);
                bottom = y;
                int x0 = 0;
                while (a[x0] == b[x0])
                    ++x0;
                int x1 = w - 1;
                while (a[x1] == b[x1])
                    --x1;
                left = std::min(left, x0);
                right = std::max(right, x1);
            }
            if (bottom < 0) // nothing changed: one transparent pixel
                box = QRect(0, 0, 1, 1);
            else
                box = QRect(QPoint(left, top), QPoint(right, bottom));
            pixels = QByteArray(qsizetype(box.width()) * box.height(), Qt::Uninitialized);
            for (int y = 0; y < box.height(); ++y) {
                const qsizetype from = qsizetype(box.top() + y) * w + box.left();
                for (int x = 0; x < box.width(); ++x) {
                    const char now = indices[from + x];
                    pixels[qsizetype(y) * box.width() + x]
                            = now == previous[from + x] ? char(transparent) : now;
                }
            }
            useTransparency = true;
        }
        GraphicsControlBlock control;
        control.DisposalMode = DISPOSE_DO_NOT; // the next frame draws over this one
        control.UserInputFlag = false;
        control.DelayTime = delay;
        control.TransparentColor = useTransparency ? transparent : NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        EGifGCBToExtension(&control, extension);
        if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, extension) == GIF_ERROR
            || EGifPutImageDesc(gif, box.left(), box.top(), box.width(), box.height(), false,
                                nullptr)
                    == GIF_ERROR)
            return failGif(QCoreApplication::translate("GifWriter", "cannot write frame %1").arg(frames + 1));
        for (int y = 0; y < box.height(); ++y) {
            auto *line = reinterpret_cast<GifPixelType *>(pixels.data()) + qsizetype(y) * box.width();
            if (EGifPutLine(gif, line, box.width()) == GIF_ERROR)
                return failGif(QCoreApplication::translate("GifWriter", "cannot write frame %1").arg(frames + 1));
        }
        previous = indices;
        ++frames;
        return true;
    }
};

GifWriter::GifWriter(QSize size, const QList<QRgb> &palette, int delay)
    : d(std::make_unique<Private>())
{
    d->size = size;
    d->palette = palette.mid(0, MaxColors);
    d->delay = std::clamp(delay, 0, 65535);
    d->transparent = int(d->palette.size());
    if (size.width() < 1 || size.height() < 1 || size.width() > 65535 || size.height() > 65535)
        d->fail(QCoreApplication::translate("GifWriter", "a GIF must be between 1×1 and 65535×65535 pixels (got %1×%2)")
                        .arg(size.width())
                        .arg(size.height()));
    else if (d->palette.isEmpty())
        d->fail(QCoreApplication::translate("GifWriter", "the GIF's palette has no colours"));
    else
        d->begin();
}

GifWriter::~GifWriter()
{
    if (d->gif)
        EGifCloseFile(d->gif, nullptr);
}

bool GifWriter::addFrame(const QImage &frame)
{
    if (!d->error.isEmpty())
        return false;
    if (frame.size() != d->size)
        return d->fail(QCoreApplication::translate("GifWriter", "frame %1 is %2×%3 pixels; the GIF is %4×%5")
                               .arg(d->frames + 1)
                               .arg(frame.width())
                               .arg(frame.height())
                               .arg(d->size.width())
                               .arg(d->size.height()));
    const QImage rgb = frame.format() == QImage::Format_RGB32 || frame.format() == QImage::Format_ARGB32
            ? frame
            : frame.convertToFormat(QImage::Format_RGB32);
    return d->putFrame(d->quantize(rgb));
}

QByteArray GifWriter::finish()
{
    if (!d->gif || !d->error.isEmpty())
        return {};
    if (d->frames == 0) {
        d->fail(QCoreApplication::translate("GifWriter", "the GIF has no frames"));
        return {};
    }
    int code = 0;
    const int closed = EGifCloseFile(d->gif, &code);
    d->gif = nullptr;
    if (closed == GIF_ERROR) {
        d->fail(QCoreApplication::translate("GifWriter", "cannot finish the GIF"), code);
        return {};
    }
    return d->bytes;
}

QSize GifWriter::size() const { return d->size; }
int GifWriter::frameCount() const { return d->frames; }
QString GifWriter::errorString() const { return d->error; }

QList<QRgb> GifWriter::rampPalette(const QList<QColor> &keys, const QColor &background,
                                   int maxColors)
{
    maxColors = std::clamp(maxColors, 1, MaxColors);
    QList<QRgb> palette;
    const auto add = [&palette, maxColors](QRgb c) {
        c |= 0xFF000000u;
        if (palette.size() < maxColors && !palette.contains(c))
            palette << c;
    };
    const QRgb bg = background.rgb();
    add(bg);
    QList<QRgb> distinct;
    for (const QColor &key : keys) {
        const QRgb c = key.rgb() | 0xFF000000u;
        if (c != (bg | 0xFF000000u) && !distinct.contains(c))
            distinct << c;
    }
    for (const QRgb c : std::as_const(distinct))
        add(c);
    if (distinct.isEmpty())
        return palette;
    // Even ramps from every key to the background, as many steps as fit.
    const int steps = std::max(0, int((maxColors - palette.size()) / distinct.size()));
    for (const QRgb c : std::as_const(distinct)) {
        for (int s = 1; s <= steps; ++s)
            add(blend(c, bg, double(s) / (steps + 1)));
    }
    return palette;
}
