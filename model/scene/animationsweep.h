#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class SceneModel;

/** What an animation sweeps: one parameter of a function, x min, x max or ε. */
struct AnimationTarget
{
    enum class Kind { Parameter, XMin, XMax, Epsilon };

    Kind kind = Kind::Parameter;
    QString functionId; ///< Parameter: the catalogue id, e.g. "leaky_relu"
    int instance = 0; ///< Parameter: 0 for every instance of functionId, n ≥ 1 for the n-th only
    QString parameter; ///< Parameter: PyTorch's name, e.g. "negative_slope"

    /** The name the command line uses: "leaky_relu.negative_slope", "leaky_relu#2.alpha",
     * "x-min", "x-max" or "epsilon". */
    QString name() const;
    /** The target a name stands for, without checking that the scene has it; nullopt if the
     * name has no such form. */
    static std::optional<AnimationTarget> fromName(const QString &name);

    bool operator==(const AnimationTarget &o) const
    {
        return kind == o.kind && functionId == o.functionId && instance == o.instance
            && parameter == o.parameter;
    }
};

/**
 * A sweep of one value of a scene over the frames of an animation: pure arithmetic, and how a
 * frame's value is applied to a SceneModel.
 *
 * Step i of n shows from + (to − from)·i/(n − 1), or from·(to/from)^(i/(n − 1)) for ε (a log
 * scale, as ε's slider); n = 1 shows from. The frames emitted are steps 0 … n−1 once, or for
 * Bounce steps 0 … n−1 then n−2 … 1: played in a loop, that is from → to → from with neither end
 * shown twice in a row (2n − 2 frames for n ≥ 2).
 */
struct AnimationSweep
{
    enum class Mode { Once, Bounce };

    static constexpr int MinFrames = 1;
    static constexpr int MaxFrames = 1000;
    static constexpr int DefaultFrames = 40;
    static constexpr int MinFps = 1;
    static constexpr int MaxFps = 50;
    static constexpr int DefaultFps = 20;

    AnimationTarget target;
    double from = 0;
    double to = 1;
    int frames = DefaultFrames; ///< steps from `from` to `to`, both included
    Mode mode = Mode::Once;

    /** Step's value, step in [0, frames − 1]. */
    double valueAt(int step) const;
    /** The steps the animation shows, in order (see the class comment). */
    QList<int> frameSteps() const;
    /** The values of frameSteps(). */
    QList<double> frameValues() const;

    /** Empty when every step's value can be applied to scene, else a message naming the problem
     * and the valid choices (names, the parameter's domain). scene is not changed. */
    QString check(const SceneModel &scene) const;
    /** Sets the target of scene to value; false with a message if the scene refuses it. */
    bool apply(SceneModel &scene, double value, QString *error = nullptr) const;

    /** Every name a sweep of scene may take: each number parameter of its functions
     * ("id.name", once per id), then x-min, x-max and epsilon. */
    static QStringList targetNames(const SceneModel &scene);
    /** The same for functions given by id. */
    static QStringList targetNames(const QStringList &functionIds);

    /** "once" or "bounce". */
    static QString modeName(Mode mode);
    static std::optional<Mode> modeFromName(const QString &name);
    /** A GIF frame's delay in hundredths of a second for fps frames a second: round(100/fps). */
    static int frameDelay(int fps);
};
