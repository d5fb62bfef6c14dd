#include "gifwriter.h"

#include "gifdecoder.h"

#include <QPainter>
#include <QTest>

class TestGifWriter : public QObject
{
    Q_OBJECT

private:
    static QImage frame(QSize size, int bar)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0x00, 0x72, 0xB2), 3));
        p.drawLine(QPointF(0, bar), QPointF(size.width(), bar + 10));
        return image;
    }

private slots:
    void roundTrip()
    {
        const QSize size(120, 80);
        const QList<QRgb> palette
                = GifWriter::rampPalette({ QColor(0x00, 0x72, 0xB2) }, Qt::white);
        GifWriter writer(size, palette, 5);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(writer.addFrame(frame(size, 10 + 15 * i)), qPrintable(writer.errorString()));
        // An unchanged frame is still a frame.
        QVERIFY(writer.addFrame(frame(size, 55)));
        QCOMPARE(writer.frameCount(), 5);
        const QByteArray bytes = writer.finish();
        QVERIFY2(!bytes.isEmpty(), qPrintable(writer.errorString()));
        QVERIFY(bytes.startsWith("GIF89a"));

        const DecodedGif gif = decodeGif(bytes);
        QVERIFY(gif.ok);
        QCOMPARE(gif.size, size);
        QCOMPARE(gif.frames.size(), 5);
        QCOMPARE(gif.delays, QList<int>(5, 5));
        QVERIFY(gif.loopsForever);
        QCOMPARE(gif.colorCount, 256);
        // Each composed frame matches its source where the source has a palette colour.
        for (int i = 0; i < 5; ++i) {
            const QImage source = frame(size, 10 + 15 * std::min(i, 3));
            QCOMPARE(gif.frames[i].pixel(5, 70), source.pixel(5, 70)); // white
            const int y = 10 + 15 * std::min(i, 3) + 0;
            const QRgb s = source.pixel(1, y);
            const QRgb g = gif.frames[i].pixel(1, y);
            QVERIFY2(qAbs(qRed(s) - qRed(g)) + qAbs(qGreen(s) - qGreen(g))
                                     + qAbs(qBlue(s) - qBlue(g))
                             < 24,
                     qPrintable(QStringLiteral("frame %1: %2 vs %3")
                                        .arg(i)
                                        .arg(s, 0, 16)
                                        .arg(g, 0, 16)));
        }
        QVERIFY(gif.frames[0] != gif.frames[3]);
    }

    void palette()
    {
        const QColor blue(0x00, 0x72, 0xB2);
        const QColor orange(0xE6, 0x9F, 0x00);
        const QList<QRgb> p = GifWriter::rampPalette({ blue, orange, blue, Qt::white }, Qt::white);
        QCOMPARE(p.size(), GifWriter::MaxColors);
        QCOMPARE(p[0], qRgb(255, 255, 255));
        QCOMPARE(p[1], blue.rgb());
        QCOMPARE(p[2], orange.rgb());
        // A ramp halfway between blue and white is in it.
        bool half = false;
        for (const QRgb c : p)
            half = half || (qAbs(qRed(c) - 127) <= 2 && qAbs(qGreen(c) - 184) <= 2 && qAbs(qBlue(c) - 216) <= 2);
        QVERIFY(half);
        QCOMPARE(GifWriter::rampPalette({ blue }, Qt::white, 16).size(), 16);
    }

    void refusesBadInput()
    {
        GifWriter empty(QSize(10, 10), {}, 5);
        QVERIFY(!empty.addFrame(QImage(10, 10, QImage::Format_RGB32)));
        QVERIFY(!empty.errorString().isEmpty());

        GifWriter writer(QSize(10, 10), { qRgb(0, 0, 0) }, 5);
        QVERIFY(!writer.addFrame(QImage(11, 10, QImage::Format_RGB32)));
        QVERIFY(writer.errorString().contains(QStringLiteral("11×10")));
        QVERIFY(writer.finish().isEmpty());

        GifWriter none(QSize(10, 10), { qRgb(0, 0, 0) }, 5);
        QVERIFY(none.finish().isEmpty());
        QVERIFY(!none.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGifWriter)
#include "tst_gifwriter.moc"
