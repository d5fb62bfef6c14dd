#pragma once

#include <QPointer>
#include <QToolButton>

#include <functional>
#include <utility>

#include <QSlider>

class QActionGroup;
class SceneModel;

/**
 * A play button for a slider, as Desmos has: pressed, it sweeps the slider at a chosen speed,
 * once to the end, looping, or back and forth, through the slider's own valueChanged(), so
 * whatever the slider drives follows live. Its menu sets the mode and the speed.
 *
 * The sweep stops at the end of a single run, when the button is pressed again, and at any
 * edit by the user: a press, key or wheel on the slider, or a value the slider shows that the
 * player did not set (a typed value, undo). Every playing player steps on one shared clock, so
 * several sliders playing at once move in the same frame.
 */
class SliderPlayer : public QToolButton
{
    Q_OBJECT

public:
    enum class Mode { Once, Loop, BackAndForth };

    /** A sweep from the slider's minimum to its maximum lasts this long at speed 1. */
    static constexpr int SweepMilliseconds = 5000;
    /** The clock's tick. Each tick advances by the time that really passed. */
    static constexpr int TickMilliseconds = 16;

    /** The slider positions a sweep may reach, [first, second]; by default the slider's range. */
    using Bounds = std::function<std::pair<int, int>()>;

    /** A player for slider; name is what it plays, as its accessible name and tool tip say. */
    SliderPlayer(QSlider *slider, const QString &name, QWidget *parent = nullptr);
    ~SliderPlayer() override;

    QSlider *slider() const { return m_slider; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /** The speeds the menu offers, slowest first: 0.25 to 4. */
    static QList<double> speeds();
    double speed() const { return m_speed; }
    /** One of speeds(); other values are ignored. */
    void setSpeed(double speed);
    /** The scene the slider drives, if any: in each tick of the clock the players of one scene
     * move inside one SceneModel update, so it recomputes and its views refresh once for all of
     * them, not once per slider. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;
    /** Narrows the sweep, e.g. x min below x max; asked again at every step. */
    void setBounds(Bounds bounds) { m_bounds = std::move(bounds); }

    bool isPlaying() const { return m_playing; }
    /** Starts from the slider's value toward its maximum (from the minimum when already there in
     * Once and Loop; back down in BackAndForth). */
    void play();
    /** Stops where it is. */
    void stop();

    /** Advances the sweep by milliseconds of play time, as the clock does at each tick. */
    void advance(double milliseconds);

    /** Advances every playing player by milliseconds, as one tick of the shared clock does. */
    static void tickAll(double milliseconds);
    /** With a manual clock the timer never runs and only tickAll() moves players: for a test or
     * a benchmark that times each tick itself. */
    static void setManualClock(bool manual);

    /** Stops every playing player that window contains, floating docks included (every one
     * when window is null). */
    static void stopAll(const QWidget *window = nullptr);
    /** How many players are playing now. */
    static int playingCount();

Q_SIGNALS:
    /** Play started (true) or stopped (false): one sweep, however long, is one edit. */
    void playingChanged(bool playing);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /** Hidden (its window closed, its row taken away), it stops; minimised, it plays on. */
    void hideEvent(QHideEvent *event) override;

private:
    void createMenu();
    void showState();
    void setPlaying(bool playing);
    std::pair<int, int> currentBounds() const;
    void showPosition();

    QPointer<QSlider> m_slider;
    /// The slider as the event filter compares it: a QSlider being destroyed is only a QObject
    /// by the time its last events arrive, which QPointer<QSlider>'s cast must not see.
    const QObject *m_watched = nullptr;
    QString m_name;
    QPointer<SceneModel> m_scene;
    Mode m_mode = Mode::BackAndForth;
    double m_speed = 1.0;
    Bounds m_bounds;
    bool m_playing = false;
    double m_position = 0; ///< where the sweep is, in slider positions (not rounded)
    int m_direction = 1;
    int m_shown = 0; ///< the slider value the player set last
    QActionGroup *m_modes = nullptr;
    QActionGroup *m_speeds = nullptr;
};
