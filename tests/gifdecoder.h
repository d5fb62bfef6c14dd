#pragma once

// Test helper (tests/animation, tests/cli): a GIF read back with giflib (DGifOpen/DGifSlurp), its frames composed as a viewer
// shows them (each frame drawn over the last, transparent pixels left as they were).

#include <QByteArray>
#include <QImage>
#include <QList>

#include <gif_lib.h>

#include <cstring>

struct DecodedGif
{
    bool ok = false;
    QSize size;
    QList<QImage> frames; ///< composed, full size
    QList<int> delays; ///< hundredths of a second
    QList<int> disposals;
    bool loopsForever = false;
    int colorCount = 0; ///< of the global colour table
};

inline DecodedGif decodeGif(const QByteArray &bytes)
{
    struct Reader
    {
        const QByteArray *bytes;
        qsizetype at;
    } reader { &bytes, 0 };
    const auto read = [](GifFileType *gif, GifByteType *out, int n) -> int {
        auto *r = static_cast<Reader *>(gif->UserData);
        const int count = int(std::min<qsizetype>(n, r->bytes->size() - r->at));
        std::memcpy(out, r->bytes->constData() + r->at, size_t(count));
        r->at += count;
        return count;
    };
    DecodedGif result;
    int error = 0;
    GifFileType *gif = DGifOpen(&reader, read, &error);
    if (!gif)
        return result;
    if (DGifSlurp(gif) != GIF_OK) {
        DGifCloseFile(gif, &error);
        return result;
    }
    result.size = QSize(gif->SWidth, gif->SHeight);
    const ColorMapObject *global = gif->SColorMap;
    result.colorCount = global ? global->ColorCount : 0;
    for (int e = 0; e < gif->ExtensionBlockCount; ++e) {
        const ExtensionBlock &b = gif->ExtensionBlocks[e];
        if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11
            && std::memcmp(b.Bytes, "NETSCAPE2.0", 11) == 0 && e + 1 < gif->ExtensionBlockCount) {
            const ExtensionBlock &data = gif->ExtensionBlocks[e + 1];
            result.loopsForever = data.ByteCount == 3 && data.Bytes[0] == 1 && data.Bytes[1] == 0
                && data.Bytes[2] == 0;
        }
    }
    QImage canvas(result.size, QImage::Format_RGB32);
    canvas.fill(Qt::black);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage &image = gif->SavedImages[i];
        GraphicsControlBlock control;
        DGifSavedExtensionToGCB(gif, i, &control);
        result.delays << control.DelayTime;
        result.disposals << control.DisposalMode;
        const ColorMapObject *map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : global;
        const GifImageDesc &d = image.ImageDesc;
        for (int y = 0; y < d.Height; ++y) {
            for (int x = 0; x < d.Width; ++x) {
                const int index = image.RasterBits[y * d.Width + x];
                if (index == control.TransparentColor)
                    continue;
                const GifColorType c = map->Colors[index];
                canvas.setPixel(d.Left + x, d.Top + y, qRgb(c.Red, c.Green, c.Blue));
            }
        }
        result.frames << canvas.copy();
    }
    // A loop application extension is saved with the first image in giflib's slurp.
    if (gif->ImageCount > 0 && !result.loopsForever) {
        const SavedImage &first = gif->SavedImages[0];
        for (int e = 0; e + 1 < first.ExtensionBlockCount; ++e) {
            const ExtensionBlock &b = first.ExtensionBlocks[e];
            if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11
                && std::memcmp(b.Bytes, "NETSCAPE2.0", 11) == 0) {
                const ExtensionBlock &data = first.ExtensionBlocks[e + 1];
                result.loopsForever = data.ByteCount == 3 && data.Bytes[0] == 1
                    && data.Bytes[1] == 0 && data.Bytes[2] == 0;
            }
        }
    }
    DGifCloseFile(gif, &error);
    result.ok = true;
    return result;
}
