#include "animationsweep.h"
#include "scenemodel.h"

#include <QTest>

#include <cmath>

class TestAnimationSweep : public QObject
{
    Q_OBJECT

private:
    static AnimationSweep sweep(const QString &name, double from, double to, int frames,
                                AnimationSweep::Mode mode = AnimationSweep::Mode::Once)
    {
        AnimationSweep s;
        s.target = *AnimationTarget::fromName(name);
        s.from = from;
        s.to = to;
        s.frames = frames;
        s.mode = mode;
        return s;
    }

    static void addFunctions(SceneModel &scene, const QStringList &ids)
    {
        for (const QString &id : ids)
            QVERIFY(scene.addFunction(id));
    }

private slots:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("instance");
        QTest::addColumn<QString>("parameter");
        using K = AnimationTarget::Kind;
        QTest::newRow("parameter") << "leaky_relu.negative_slope" << int(K::Parameter)
                                   << "leaky_relu" << 0 << "negative_slope";
        QTest::newRow("second instance") << "elu#2.alpha" << int(K::Parameter) << "elu" << 2
                                         << "alpha";
        QTest::newRow("x-min") << "x-min" << int(K::XMin) << "" << 0 << "";
        QTest::newRow("x-max") << "x-max" << int(K::XMax) << "" << 0 << "";
        QTest::newRow("epsilon") << "epsilon" << int(K::Epsilon) << "" << 0 << "";
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(QString, id);
        QFETCH(int, instance);
        QFETCH(QString, parameter);
        const std::optional<AnimationTarget> t = AnimationTarget::fromName(name);
        QVERIFY(t);
        QCOMPARE(int(t->kind), kind);
        QCOMPARE(t->functionId, id);
        QCOMPARE(t->instance, instance);
        QCOMPARE(t->parameter, parameter);
        QCOMPARE(t->name(), name);
    }

    void malformedNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << "";
        QTest::newRow("no dot") << "leaky_relu";
        QTest::newRow("no parameter") << "leaky_relu.";
        QTest::newRow("no id") << ".alpha";
        QTest::newRow("bad instance") << "elu#0.alpha";
        QTest::newRow("x") << "x";
    }

    void malformedNames()
    {
        QFETCH(QString, name);
        QVERIFY(!AnimationTarget::fromName(name));
    }

    void values_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QList<double>>("expected");
        const int once = int(AnimationSweep::Mode::Once);
        const int bounce = int(AnimationSweep::Mode::Bounce);
        QTest::newRow("linear 5") << "leaky_relu.negative_slope" << 0.0 << 1.0 << 5 << once
                                  << QList<double> { 0, 0.25, 0.5, 0.75, 1 };
        QTest::newRow("downwards") << "x-max" << 6.0 << 2.0 << 3 << once
                                   << QList<double> { 6, 4, 2 };
        QTest::newRow("one frame shows A") << "x-min" << -6.0 << -1.0 << 1 << once
                                           << QList<double> { -6 };
        QTest::newRow("epsilon log") << "epsilon" << 1e-4 << 1e-1 << 4 << once
                                     << QList<double> { 1e-4, 1e-3, 1e-2, 1e-1 };
        // A → B → A in a loop: neither end twice in a row, 2n − 2 frames.
        QTest::newRow("bounce 4") << "leaky_relu.negative_slope" << 0.0 << 3.0 << 4 << bounce
                                  << QList<double> { 0, 1, 2, 3, 2, 1 };
        QTest::newRow("bounce 2") << "x-max" << 1.0 << 2.0 << 2 << bounce
                                  << QList<double> { 1, 2 };
        QTest::newRow("bounce 1") << "x-max" << 1.0 << 2.0 << 1 << bounce
                                  << QList<double> { 1 };
    }

    void values()
    {
        QFETCH(QString, name);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, frames);
        QFETCH(int, mode);
        QFETCH(QList<double>, expected);
        const AnimationSweep s = sweep(name, from, to, frames, AnimationSweep::Mode(mode));
        const QList<double> values = s.frameValues();
        QCOMPARE(values.size(), expected.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            QVERIFY2(std::fabs(values[i] - expected[i]) <= 1e-12 * std::max(1.0, std::fabs(expected[i])),
                     qPrintable(QStringLiteral("frame %1: %2, expected %3")
                                        .arg(i).arg(values[i]).arg(expected[i])));
        }
        // The ends are exact.
        QCOMPARE(s.valueAt(0), from);
        QCOMPARE(s.valueAt(frames - 1), frames == 1 ? from : to);
    }

    void bounceFrameCount()
    {
        const AnimationSweep s = sweep(QStringLiteral("x-max"), 1, 6, 40, AnimationSweep::Mode::Bounce);
        QCOMPARE(s.frameSteps().size(), 78);
        QCOMPARE(s.frameSteps().first(), 0);
        QCOMPARE(s.frameSteps().at(39), 39);
        QCOMPARE(s.frameSteps().last(), 1);
    }

    void frameDelay_data()
    {
        QTest::addColumn<int>("fps");
        QTest::addColumn<int>("delay");
        QTest::newRow("1") << 1 << 100;
        QTest::newRow("20") << 20 << 5;
        QTest::newRow("30") << 30 << 3;
        QTest::newRow("40") << 40 << 3; // 2.5 rounds away from zero
        QTest::newRow("50") << 50 << 2;
        QTest::newRow("15") << 15 << 7;
    }

    void frameDelay()
    {
        QFETCH(int, fps);
        QFETCH(int, delay);
        QCOMPARE(AnimationSweep::frameDelay(fps), delay);
    }

    void modes()
    {
        QCOMPARE(AnimationSweep::modeFromName(QStringLiteral("once")), AnimationSweep::Mode::Once);
        QCOMPARE(AnimationSweep::modeFromName(QStringLiteral("bounce")), AnimationSweep::Mode::Bounce);
        QVERIFY(!AnimationSweep::modeFromName(QStringLiteral("loop")));
        QCOMPARE(AnimationSweep::modeName(AnimationSweep::Mode::Bounce), QStringLiteral("bounce"));
    }

    void targetNames()
    {
        SceneModel scene;
        addFunctions(scene, { QStringLiteral("leaky_relu"), QStringLiteral("gelu"),
                              QStringLiteral("leaky_relu") });
        // gelu's approximate is a choice, not a number: not animatable.
        QCOMPARE(AnimationSweep::targetNames(scene),
                 (QStringList { QStringLiteral("leaky_relu.negative_slope"), QStringLiteral("x-min"),
                                QStringLiteral("x-max"), QStringLiteral("epsilon") }));
    }

    void applyChangesTheScene()
    {
        SceneModel scene;
        addFunctions(scene, { QStringLiteral("leaky_relu"), QStringLiteral("leaky_relu") });
        AnimationSweep s = sweep(QStringLiteral("leaky_relu.negative_slope"), 0, 1, 3);
        QVERIFY(s.apply(scene, 0.5));
        QCOMPARE(scene.function(0).parameters[0], 0.5);
        QCOMPARE(scene.function(1).parameters[0], 0.5);
        s.target = *AnimationTarget::fromName(QStringLiteral("leaky_relu#2.negative_slope"));
        QVERIFY(s.apply(scene, 0.25));
        QCOMPARE(scene.function(0).parameters[0], 0.5);
        QCOMPARE(scene.function(1).parameters[0], 0.25);
        s.target = *AnimationTarget::fromName(QStringLiteral("x-min"));
        QVERIFY(s.apply(scene, -2));
        QCOMPARE(scene.xMin(), -2.0);
        s.target = *AnimationTarget::fromName(QStringLiteral("x-max"));
        QVERIFY(s.apply(scene, 3));
        QCOMPARE(scene.xMax(), 3.0);
        s.target = *AnimationTarget::fromName(QStringLiteral("epsilon"));
        QVERIFY(s.apply(scene, 0.05));
        QCOMPARE(scene.epsilon(), 0.05);
    }

    void check_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("frames");
        QTest::addColumn<QString>("problem"); ///< a part of the message; empty: valid
        QTest::newRow("valid") << "leaky_relu.negative_slope" << 0.0 << 1.0 << 40 << "";
        QTest::newRow("valid epsilon") << "epsilon" << 1e-4 << 0.2 << 40 << "";
        QTest::newRow("unknown function") << "tanh.alpha" << 0.0 << 1.0 << 5
                                          << "valid names: leaky_relu.negative_slope, elu.alpha, "
                                             "x-min, x-max, epsilon";
        QTest::newRow("unknown parameter") << "elu.beta" << 0.0 << 1.0 << 5 << "valid names:";
        QTest::newRow("negative epsilon") << "epsilon" << -1.0 << 0.1 << 5 << "> 0";
        QTest::newRow("x-min past x-max") << "x-min" << -6.0 << 7.0 << 5 << "frame 5";
        QTest::newRow("frames 0") << "x-min" << -6.0 << -5.0 << 0 << "between 1 and 1000";
        QTest::newRow("frames 1001") << "x-min" << -6.0 << -5.0 << 1001 << "between 1 and 1000";
        QTest::newRow("not finite") << "x-min" << -qInf() << -5.0 << 3 << "finite";
    }

    void check()
    {
        QFETCH(QString, name);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, frames);
        QFETCH(QString, problem);
        SceneModel scene;
        addFunctions(scene, { QStringLiteral("leaky_relu"), QStringLiteral("elu") });
        const QString message = sweep(name, from, to, frames).check(scene);
        if (problem.isEmpty())
            QVERIFY2(message.isEmpty(), qPrintable(message));
        else
            QVERIFY2(message.contains(problem), qPrintable(message));
        // The scene is not touched.
        QCOMPARE(scene.xMin(), -6.0);
        QCOMPARE(scene.function(0).parameters[0], 0.01);
    }

    void checkUsesTheParameterDomain()
    {
        // A domain that excludes a value in the middle of the range is caught at that frame.
        SceneModel scene;
        addFunctions(scene, { QStringLiteral("celu") });
        const ActivationSpec *spec = scene.function(0).spec;
        const int i = spec->parameterIndex(u"alpha");
        QVERIFY(i >= 0);
        QCOMPARE(spec->parameters[i].domain, ParameterDomain::NonZero);
        const QString message = sweep(QStringLiteral("celu.alpha"), -1, 1, 3).check(scene);
        QVERIFY2(message.contains(QStringLiteral("frame 2")), qPrintable(message));
        QVERIFY(sweep(QStringLiteral("celu.alpha"), -1, 1, 4).check(scene).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnimationSweep)
#include "tst_animationsweep.moc"
