#include "sliderplayer.h"

#include "scenemodel.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHideEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QSlider>
#include <QStyle>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

/** The one clock every playing player steps on, so that sliders playing together move in the
 * same frame and the charts repaint once for all of them. */
struct PlaybackClock
{
    QPointer<QTimer> timer;
    QElapsedTimer elapsed;
    QList<SliderPlayer *> players;
    bool manual = false;

    void add(SliderPlayer *player)
    {
        if (players.contains(player))
            return;
        players << player;
        if (!timer) {
            // Parented to the application: it goes with it, never after it.
            timer = new QTimer(QCoreApplication::instance());
            timer->setInterval(SliderPlayer::TickMilliseconds);
            timer->setTimerType(Qt::PreciseTimer);
            QObject::connect(timer, &QTimer::timeout, timer, [this] { tick(); });
        }
        if (!manual && !timer->isActive()) {
            elapsed.start();
            timer->start();
        }
    }

    void remove(SliderPlayer *player)
    {
        players.removeAll(player);
        if (players.isEmpty() && timer)
            timer->stop();
    }

    void tick()
    {
        // A stall (a modal dialog, a slow frame) must not make the sweep jump: at most 0.1 s a step.
        advanceAll(std::min<double>(elapsed.restart(), 100.0));
    }

    void advanceAll(double milliseconds)
    {
        // A player may stop (and leave the list) while stepping.
        const QList<SliderPlayer *> now = players;
        // Three sliders of one scene playing: one recomputation and one refresh of its views.
        QList<QPointer<SceneModel>> scenes;
        for (SliderPlayer *player : now) {
            SceneModel *scene = player->scene();
            if (scene && !scenes.contains(scene)) {
                scenes << scene;
                scene->beginUpdate();
            }
        }
        for (SliderPlayer *player : now) {
            if (players.contains(player))
                player->advance(milliseconds);
        }
        for (const QPointer<SceneModel> &scene : std::as_const(scenes)) {
            if (scene)
                scene->endUpdate();
        }
    }
};

PlaybackClock &playbackClock()
{
    static PlaybackClock instance;
    return instance;
}

} // namespace

SliderPlayer::SliderPlayer(QSlider *slider, const QString &name, QWidget *parent)
    : QToolButton(parent)
    , m_slider(slider)
    , m_watched(slider)
    , m_name(name)
{
    setObjectName(slider->objectName() + QStringLiteral("Player"));
    setCheckable(true);
    setAutoRaise(true);
    setPopupMode(QToolButton::MenuButtonPopup);
    setAccessibleName(tr("Play %1").arg(name));
    setAccessibleDescription(
        tr("Sweeps %1 across its slider; the button's menu sets the speed and whether it plays "
           "once, loops or goes back and forth. Any edit of %1 stops it.")
            .arg(name));
    createMenu();
    showState();
    connect(this, &QToolButton::clicked, this, [this](bool checked) {
        if (checked)
            play();
        else
            stop();
    });
    slider->installEventFilter(this);
    connect(slider, &QObject::destroyed, this, &SliderPlayer::stop);
}

SliderPlayer::~SliderPlayer()
{
    // Silent: whoever deletes a playing player while it plays stops it first if it matters.
    playbackClock().remove(this);
}

void SliderPlayer::createMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(objectName() + QStringLiteral("Menu"));
    menu->setAccessibleName(tr("Play options for %1").arg(m_name));
    m_modes = new QActionGroup(this);
    const std::pair<Mode, QString> modes[] = {
        { Mode::Once, tr("Play &Once") },
        { Mode::Loop, tr("&Loop") },
        { Mode::BackAndForth, tr("&Back and Forth") },
    };
    for (const auto &[mode, text] : modes) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(mode == m_mode);
        action->setData(int(mode));
        m_modes->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] { setMode(mode); });
    }
    menu->addSeparator();
    m_speeds = new QActionGroup(this);
    for (double speed : speeds()) {
        //: A play speed: 0.5×, 2×
        QAction *action = menu->addAction(tr("%1×").arg(QLocale().toString(speed)));
        action->setCheckable(true);
        action->setChecked(speed == m_speed);
        action->setData(speed);
        m_speeds->addAction(action);
        connect(action, &QAction::triggered, this, [this, speed] { setSpeed(speed); });
    }
    setMenu(menu);
}

QList<double> SliderPlayer::speeds()
{
    return { 0.25, 0.5, 1.0, 2.0, 4.0 };
}

void SliderPlayer::setMode(Mode mode)
{
    m_mode = mode;
    for (QAction *action : m_modes->actions())
        action->setChecked(action->data().toInt() == int(mode));
    showState();
}

void SliderPlayer::setSpeed(double speed)
{
    if (!speeds().contains(speed))
        return;
    m_speed = speed;
    for (QAction *action : m_speeds->actions())
        action->setChecked(action->data().toDouble() == speed);
    showState();
}

void SliderPlayer::showState()
{
    setIcon(style()->standardIcon(m_playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const QString mode = m_modes->checkedAction() ? m_modes->checkedAction()->text().remove(u'&')
                                                  : QString();
    const QString speed = QLocale().toString(m_speed);
    //: Tool tip of a slider's play button: what, mode, speed
    setToolTip(m_playing ? tr("Stop playing %1 (%2, %3×)").arg(m_name, mode, speed)
                         : tr("Play %1 (%2, %3×); the arrow sets how").arg(m_name, mode, speed));
    const QSignalBlocker blocker(this);
    setChecked(m_playing);
}

std::pair<int, int> SliderPlayer::currentBounds() const
{
    std::pair<int, int> bounds { m_slider->minimum(), m_slider->maximum() };
    if (m_bounds) {
        const auto [lo, hi] = m_bounds();
        bounds = { std::max(bounds.first, lo), std::min(bounds.second, hi) };
    }
    return bounds;
}

void SliderPlayer::play()
{
    if (m_playing || !m_slider)
        return;
    const auto [lo, hi] = currentBounds();
    if (lo >= hi) {
        showState();
        return;
    }
    const int value = std::clamp(m_slider->value(), lo, hi);
    m_position = value;
    m_direction = 1;
    if (value >= hi) {
        if (m_mode == Mode::BackAndForth)
            m_direction = -1;
        else
            m_position = lo;
    }
    setPlaying(true);
    showPosition();
}

void SliderPlayer::stop()
{
    setPlaying(false);
}

void SliderPlayer::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    if (playing)
        playbackClock().add(this);
    else
        playbackClock().remove(this);
    showState();
    emit playingChanged(playing);
}

void SliderPlayer::advance(double milliseconds)
{
    if (!m_playing)
        return;
    if (!m_slider || m_slider->value() != m_shown) {
        stop(); // edited while playing: the user's value wins
        return;
    }
    const auto [lo, hi] = currentBounds();
    if (lo >= hi) {
        stop();
        return;
    }
    const double span = hi - lo;
    const double distance = milliseconds * m_speed * (m_slider->maximum() - m_slider->minimum())
                            / SweepMilliseconds;
    m_position += m_direction * distance;
    bool finished = false;
    switch (m_mode) {
    case Mode::Once:
        if (m_position >= hi) {
            m_position = hi;
            finished = true;
        }
        break;
    case Mode::Loop:
        if (m_position > hi)
            m_position = lo + std::fmod(m_position - hi, span);
        break;
    case Mode::BackAndForth:
        // Reflect at the ends (several times over, were a step longer than the sweep).
        while (m_position > hi || m_position < lo) {
            if (m_position > hi) {
                m_position = 2.0 * hi - m_position;
                m_direction = -1;
            } else {
                m_position = 2.0 * lo - m_position;
                m_direction = 1;
            }
        }
        break;
    }
    m_position = std::clamp(m_position, double(lo), double(hi));
    showPosition();
    if (finished)
        stop();
}

void SliderPlayer::showPosition()
{
    const int target = int(std::lround(m_position));
    if (m_slider->value() != target)
        m_slider->setValue(target);
    // What the slider shows after whatever it drives has answered (a refused value sends it back).
    m_shown = m_slider->value();
}

bool SliderPlayer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watched && m_playing) {
        // The user takes the slider: stopped before it moves, so that move is theirs.
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::Wheel:
            stop();
            break;
        case QEvent::KeyPress:
            switch (static_cast<QKeyEvent *>(event)->key()) {
            case Qt::Key_Tab:
            case Qt::Key_Backtab:
            case Qt::Key_Shift:
            case Qt::Key_Control:
            case Qt::Key_Alt:
            case Qt::Key_Meta:
                break; // moving on, not editing
            default:
                stop();
            }
            break;
        default:
            break;
        }
    }
    return QToolButton::eventFilter(watched, event);
}

void SliderPlayer::hideEvent(QHideEvent *event)
{
    if (!event->spontaneous())
        stop();
    QToolButton::hideEvent(event);
}

void SliderPlayer::stopAll(const QWidget *window)
{
    const QList<SliderPlayer *> playing = playbackClock().players;
    for (SliderPlayer *player : playing) {
        // Up the parents, not window(): a floating dock is a window of its own.
        const QWidget *ancestor = player;
        while (window && ancestor && ancestor != window)
            ancestor = ancestor->parentWidget();
        if (!window || ancestor)
            player->stop();
    }
}

void SliderPlayer::setScene(SceneModel *scene)
{
    m_scene = scene;
}

SceneModel *SliderPlayer::scene() const
{
    return m_scene;
}

void SliderPlayer::tickAll(double milliseconds)
{
    playbackClock().advanceAll(milliseconds);
}

void SliderPlayer::setManualClock(bool manual)
{
    PlaybackClock &clock = playbackClock();
    clock.manual = manual;
    if (clock.timer && manual)
        clock.timer->stop();
    else if (clock.timer && !clock.players.isEmpty()) {
        clock.elapsed.start();
        clock.timer->start();
    }
}

int SliderPlayer::playingCount()
{
    return int(playbackClock().players.size());
}
