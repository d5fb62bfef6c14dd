#include "sceneanimation.h"
#include "scenemodel.h"

#include "gifdecoder.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestSceneAnimation : public QObject
{
    Q_OBJECT

private:
    static AnimationOptions slopeSweep(int frames, AnimationSweep::Mode mode, QSize size)
    {
        AnimationOptions o;
        o.render.size = size;
        o.render.focusRow = 0;
        o.sweep.target = *AnimationTarget::fromName(QStringLiteral("leaky_relu.negative_slope"));
        o.sweep.from = 0;
        o.sweep.to = 1;
        o.sweep.frames = frames;
        o.sweep.mode = mode;
        o.fps = 20;
        return o;
    }

    /** Pixels that differ between a and b inside r. */
    static int differences(const QImage &a, const QImage &b, const QRect &r)
    {
        int n = 0;
        for (int y = r.top(); y <= r.bottom(); ++y) {
            for (int x = r.left(); x <= r.right(); ++x)
                n += a.pixel(x, y) != b.pixel(x, y);
        }
        return n;
    }

    SceneModel m_scene;

private slots:
    void initTestCase() { QVERIFY(m_scene.addFunction(QStringLiteral("leaky_relu"))); }

    void sweepAt800x450()
    {
        const AnimationOptions o = slopeSweep(40, AnimationSweep::Mode::Once, QSize(800, 450));
        QByteArray bytes;
        QString error;
        QList<int> calls;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(SceneAnimation::renderGif(
                         m_scene, o, &bytes,
                         [&calls](int done, int total) {
                             calls << done;
                             return total == 40;
                         },
                         &error),
                 qPrintable(error));
        qInfo("40 frames at 800x450: %lld bytes in %lld ms", qlonglong(bytes.size()),
              qlonglong(timer.elapsed()));
        QCOMPARE(calls.size(), 41);
        QCOMPARE(calls.first(), 0);
        QCOMPARE(calls.last(), 40);
        QVERIFY2(bytes.size() < 2 * 1024 * 1024, qPrintable(QString::number(bytes.size())));

        const DecodedGif gif = decodeGif(bytes);
        QVERIFY(gif.ok);
        QCOMPARE(gif.size, QSize(800, 450));
        QCOMPARE(gif.frames.size(), 40);
        QCOMPARE(gif.delays, QList<int>(40, 5)); // round(100/20)
        QVERIFY(gif.loopsForever);
        // The f chart is the left half; its x < 0 side (slope 0 → 1) moved, its x > 0 side did
        // not. The plot spans roughly the middle of the chart's width.
        const QRect negative(60, 60, 120, 300);
        QVERIFY(differences(gif.frames.first(), gif.frames.last(), negative) > 100);
        // The frames are what SceneRenderer draws, up to the palette: the background is exact.
        const QImage first = SceneRenderer::renderImage(m_scene, o.render);
        QCOMPARE(gif.frames.first().pixel(2, 2), first.pixel(2, 2));
    }

    void bounce()
    {
        const AnimationOptions o = slopeSweep(6, AnimationSweep::Mode::Bounce, QSize(320, 180));
        QByteArray bytes;
        QString error;
        QVERIFY2(SceneAnimation::renderGif(m_scene, o, &bytes, {}, &error), qPrintable(error));
        const DecodedGif gif = decodeGif(bytes);
        QVERIFY(gif.ok);
        // Steps 0 1 2 3 4 5 4 3 2 1: B once, and A again only when the loop starts over.
        QCOMPARE(gif.frames.size(), 10);
        for (int k = 1; k <= 4; ++k)
            QCOMPARE(gif.frames[5 + k], gif.frames[5 - k]);
        QVERIFY(gif.frames[5] != gif.frames[0]);
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sweep.gif"));
        const AnimationOptions o = slopeSweep(10, AnimationSweep::Mode::Once, QSize(160, 90));
        const auto cancelAtThree = [](int done, int) { return done < 3; };
        QString error;
        bool cancelled = false;
        QVERIFY(!SceneAnimation::exportGif(m_scene, o, path, cancelAtThree, &error, &cancelled));
        QVERIFY(cancelled);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

        // An existing file stays as it was.
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY(!SceneAnimation::exportGif(m_scene, o, path, cancelAtThree, &error, &cancelled));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        old.close();

        // Not cancelled: written.
        QVERIFY2(SceneAnimation::exportGif(m_scene, o, path, {}, &error, &cancelled),
                 qPrintable(error));
        QVERIFY(!cancelled);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY(old.readAll().startsWith("GIF89a"));
    }

    void refusesBadOptions_data()
    {
        QTest::addColumn<int>("fps");
        QTest::addColumn<int>("frames");
        QTest::addColumn<QString>("problem");
        QTest::newRow("fps 0") << 0 << 10 << "between 1 and 50";
        QTest::newRow("fps 51") << 51 << 10 << "between 1 and 50";
        QTest::newRow("frames 0") << 20 << 0 << "between 1 and 1000";
    }

    void refusesBadOptions()
    {
        QFETCH(int, fps);
        QFETCH(int, frames);
        QFETCH(QString, problem);
        AnimationOptions o = slopeSweep(frames, AnimationSweep::Mode::Once, QSize(160, 90));
        o.fps = fps;
        QString error;
        QByteArray bytes;
        QVERIFY(!SceneAnimation::renderGif(m_scene, o, &bytes, {}, &error));
        QVERIFY2(error.contains(problem), qPrintable(error));
    }

    void framesMatchTheRenderer_data()
    {
        QTest::addColumn<int>("theme");
        QTest::addColumn<bool>("presentation");
        QTest::newRow("light") << int(Theme::Light) << false;
        QTest::newRow("dark") << int(Theme::Dark) << false;
        QTest::newRow("dark presentation") << int(Theme::Dark) << true;
    }

    void framesMatchTheRenderer()
    {
        // Six functions with their bands and lanes: the fixed palette keeps every colour and
        // the antialiasing close to what SceneRenderer draws.
        QFETCH(int, theme);
        QFETCH(bool, presentation);
        SceneModel scene;
        for (const char *id : { "sigmoid", "tanh", "relu", "gelu", "elu", "softplus" })
            QVERIFY(scene.addFunction(QString::fromLatin1(id)));
        AnimationOptions o;
        o.render.size = QSize(640, 360);
        o.render.theme = Theme(theme);
        o.render.presentation = presentation;
        o.sweep.target = *AnimationTarget::fromName(QStringLiteral("epsilon"));
        o.sweep.from = 1e-3;
        o.sweep.to = 0.2;
        o.sweep.frames = 2;
        QByteArray bytes;
        QString error;
        QVERIFY2(SceneAnimation::renderGif(scene, o, &bytes, {}, &error), qPrintable(error));
        const DecodedGif gif = decodeGif(bytes);
        QCOMPARE(gif.frames.size(), 2);
        SceneModel last;
        last.assign(scene);
        QVERIFY(last.setEpsilon(0.2));
        const QImage drawn = SceneRenderer::renderImage(last, o.render);
        const QImage &frame = gif.frames.last();
        qint64 total = 0;
        int worst = 0;
        for (int y = 0; y < drawn.height(); ++y) {
            for (int x = 0; x < drawn.width(); ++x) {
                const QRgb a = drawn.pixel(x, y);
                const QRgb b = frame.pixel(x, y);
                const int d = qAbs(qRed(a) - qRed(b)) + qAbs(qGreen(a) - qGreen(b))
                        + qAbs(qBlue(a) - qBlue(b));
                total += d;
                worst = std::max(worst, d);
            }
        }
        const double mean = double(total) / (drawn.width() * drawn.height());
        qInfo("mean |difference| %.3f (sum of channels), worst %d", mean, worst);
        QVERIFY2(mean < 1.5, qPrintable(QString::number(mean)));
        QVERIFY2(worst < 160, qPrintable(QString::number(worst)));
    }

    void paletteHoldsTheColours()
    {
        RenderOptions o;
        const QList<QRgb> p = SceneAnimation::palette(m_scene, o);
        QVERIFY(p.size() <= 255);
        const ChartAppearance look = SceneRenderer::appearanceFor(o);
        QVERIFY(p.contains(look.background.rgb()));
        QVERIFY(p.contains(look.text.rgb()));
        QVERIFY(p.contains(look.grid.rgb()));
        QVERIFY(p.contains(m_scene.function(0).color.rgb()));
    }
};

QTEST_MAIN(TestSceneAnimation)
#include "tst_sceneanimation.moc"
