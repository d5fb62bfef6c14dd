// Prints how long the explorer window takes from a step of the x-min slider to the painted frame,
// for the default scene (step, sigmoid, tanh, relu; f and f′ charts; bands on) in a 1920 × 1080
// window on the offscreen raster platform. Figures, not a test: nothing here fails on a slow
// machine. scripts/bench.sh builds it in Release and compares it with matplotlib
// (scripts/bench_matplotlib.py).
//
// One step is what a drag of the slider does: QSlider::setValue() (valueChanged → RangePanel →
// SceneModel::setRange → recompute → recomputed() → every view updates), then the event loop runs
// as it would after the mouse event, until the repaint manager has painted the dirty widgets into
// the backing store and flushed it, and a further turn of the loop paints nothing. The frame time
// is from before setValue() to the end of the last turn that painted. On the offscreen platform
// the backing store is a QImage, so this is the whole cost of a frame except the compositor's.

#include "activationcatalogue.h"
#include "benchstatistics.h"
#include "chartwidget.h"
#include "functionlistpanel.h"
#include "gifwriter.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "plotchart.h"
#include "rangepanel.h"
#include "sceneanimation.h"
#include "scenemodel.h"
#include "sessionfile.h"
#include "sliderplayer.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QMetaEnum>
#include <QSignalBlocker>
#include <QSlider>
#include <QSysInfo>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

/** CPU time of this thread in ms: unlike the wall clock, it does not grow while other processes
 * have the CPU, so wall time well above it means the figures were disturbed. */
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/** How often the kernel took the CPU away from this process so far. */
long involuntarySwitches()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_nivcsw;
}

struct Options
{
    bool quick = false;
    int steps = 200;
    int warmup = 20;
    bool trace = false;
};

std::string cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return line.mid(line.indexOf(':') + 1).trimmed().toStdString();
        }
    }
    return QSysInfo::currentCpuArchitecture().toStdString();
}

std::string loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return "unknown";
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    return fields.mid(0, 3).join(' ').toStdString();
}

/** Runs the event loop for ms milliseconds: layouts, exposes and first paints settle. */
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/**
 * An application-wide event filter that sees every paint: which widgets paint in a frame, and
 * roughly how long each takes (until the next paint starts, or the turn of the loop ends).
 */
class PaintRecorder : public QObject
{
public:
    QWidget *fViewport = nullptr;
    QWidget *dViewport = nullptr;

    // Per step.
    int paints = 0;
    bool fPainted = false;
    bool dPainted = false;
    bool updateRequestSeen = false;
    Clock::time_point firstUpdateRequest;
    double fPaintMs = 0;
    double dPaintMs = 0;
    double otherPaintMs = 0;

    // Over the timed steps: which widgets painted, how often.
    bool tallying = false;
    // --trace: prints every event of a step (debugging where a second paint comes from).
    bool tracing = false;
    Clock::time_point traceStart;
    std::map<std::string, int> tally;

    void resetStep()
    {
        paints = 0;
        fPainted = dPainted = updateRequestSeen = false;
        fPaintMs = dPaintMs = otherPaintMs = 0;
        m_open = nullptr;
    }

    /** The turn of the event loop ended: the last paint of the turn ends here. */
    void endTurn() { closeOpen(Clock::now()); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (tracing) {
            std::printf("     %8.3f ms  %-28s %s\n", msBetween(traceStart, Clock::now()),
                        QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type()),
                        nameOf(watched).c_str());
        }
        if (event->type() == QEvent::UpdateRequest && watched->isWidgetType()) {
            if (!updateRequestSeen) {
                updateRequestSeen = true;
                firstUpdateRequest = Clock::now();
            }
        } else if (event->type() == QEvent::Paint && watched->isWidgetType()) {
            const auto now = Clock::now();
            closeOpen(now);
            m_open = watched;
            m_openSince = now;
            ++paints;
            if (watched == fViewport)
                fPainted = true;
            if (watched == dViewport)
                dPainted = true;
            if (tallying)
                ++tally[nameOf(watched)];
        }
        return false;
    }

private:
    /** "QSlider xMinSlider", "viewport of QTreeView saturationView", "f chart viewport". */
    std::string nameOf(QObject *o) const
    {
        if (o == fViewport)
            return "f chart viewport";
        if (o == dViewport)
            return "f' chart viewport";
        const auto describe = [](QObject *w) {
            std::string n = w->metaObject()->className();
            if (!w->objectName().isEmpty())
                n += " " + w->objectName().toStdString();
            return n;
        };
        // Qt's own parts (qt_scrollarea_viewport, qt_spinbox_lineedit) say little alone.
        const bool anonymous = o->objectName().isEmpty()
            && std::strcmp(o->metaObject()->className(), "QWidget") == 0;
        if ((anonymous || o->objectName().startsWith(QLatin1String("qt_"))) && o->parent()) {
            const QString part = o->objectName().startsWith(QLatin1String("qt_"))
                ? o->objectName().mid(3).section(QLatin1Char('_'), -1)
                : QString::fromLatin1(o->metaObject()->className());
            return part.toStdString() + " of " + describe(o->parent());
        }
        return describe(o);
    }

    void closeOpen(Clock::time_point now)
    {
        if (!m_open)
            return;
        const double ms = msBetween(m_openSince, now);
        if (m_open == fViewport)
            fPaintMs += ms;
        else if (m_open == dViewport)
            dPaintMs += ms;
        else
            otherPaintMs += ms;
        m_open = nullptr;
    }

    QObject *m_open = nullptr;
    Clock::time_point m_openSince;
};

/** Where the time of one step went, in ms. */
struct StepRecord
{
    double frame = 0; // setValue() to the end of the last turn that painted
    double frameCpu = 0; // the same span in this thread's CPU time
    double setValue = 0; // the synchronous part: model and every listener of its signals
    double analysis = 0; // setValue() to rangeChanged(): saturation analysis (+ dataChanged)
    double samplingAndF = 0; // rangeChanged() to the f chart's refreshed(): sampling + f chart
    double fPrime = 0; // f′ chart refresh
    double hidden = 0; // the hidden f″ chart's refresh
    double others = 0; // the other listeners of recomputed(): panels, trace, table
    double toPaint = 0; // setValue() returned to the first UpdateRequest: posted layouts etc.
    double painting = 0; // first UpdateRequest to the frame's end
    double fPaint = 0;
    double dPaint = 0;
    double otherPaint = 0;
    int turns = 0;
    int paints = 0;
    bool painted = false;
    bool moved = false; // the scene's x min became the slider's value
};

/** The slider positions of a drag: ±1 tick per step, back and forth between lo and hi. */
std::vector<int> dragPositions(int start, int lo, int hi, int count)
{
    std::vector<int> out;
    int p = start;
    int dir = -1;
    for (int i = 0; i < count; ++i) {
        if (p + dir < lo || p + dir > hi)
            dir = -dir;
        p += dir;
        out.push_back(p);
    }
    return out;
}

class WindowBench
{
public:
    explicit WindowBench(const Options &o)
        : m_options(o)
    {
    }

    int run();

private:
    bool setUp();
    StepRecord step(int position);
    StepRecord stepBy(const std::function<void()> &change);
    void benchPlaying();
    void benchSteps();
    void benchSceneSizes();
    void benchModelAlone();
    void benchParts();
    void benchGif();

    Options m_options;
    MainWindow *m_window = nullptr;
    SceneModel *m_scene = nullptr;
    QSlider *m_slider = nullptr;
    PaintRecorder m_recorder;
    std::vector<int> m_positions;
    int m_startPosition = 0;

    // Timestamps the signal connections below leave during a step.
    Clock::time_point m_tRange;
    Clock::time_point m_tChart[3];
    bool m_sawRange = false;
    bool m_sawChart[3] = { false, false, false };

    Stats m_frame;
    Stats m_model;
    QSize m_chartsPx; // the default scene's f and f' charts together
    Stats m_playFrame; // three sliders playing: one tick of the clock to the painted frame
    Stats m_catalogueFrame; // the 25 catalogue activations, f'' on, 1920 x 1080
    std::vector<Stats> m_catalogueBreakdown;
};

bool WindowBench::setUp()
{
    m_window = new MainWindow;
    m_window->resize(1920, 1080);
    m_window->show();
    settle(300);

    m_scene = m_window->scene();
    m_slider = m_window->rangePanel()->findChild<QSlider *>(QStringLiteral("xMinSlider"));
    if (!m_slider) {
        std::printf("no xMinSlider in the range panel\n");
        return false;
    }
    ChartWidget *charts[3] = { m_window->functionChart(), m_window->derivativeChart(),
                               m_window->secondDerivativeChart() };
    for (int i = 0; i < 2; ++i) {
        auto *view = charts[i]->findChild<QAbstractScrollArea *>();
        if (!view) {
            std::printf("chart %d has no view\n", i);
            return false;
        }
        (i == 0 ? m_recorder.fViewport : m_recorder.dViewport) = view->viewport();
    }
    qApp->installEventFilter(&m_recorder);

    // Connected after the window's own connections, so these run after theirs.
    QObject::connect(m_scene, &SceneModel::rangeChanged, [this] {
        if (!m_sawRange) {
            m_sawRange = true;
            m_tRange = Clock::now();
        }
    });
    for (int i = 0; i < 3; ++i) {
        QObject::connect(charts[i]->chart(), &PlotChart::refreshed, [this, i] {
            if (!m_sawChart[i]) {
                m_sawChart[i] = true;
                m_tChart[i] = Clock::now();
            }
        });
    }

    const QWindow *handle = m_window->windowHandle();
    std::printf("window:    %d x %d, %s, platform %s, device pixel ratio %g\n",
                m_window->width(), m_window->height(),
                handle && handle->isExposed() ? "exposed" : "NOT EXPOSED",
                qPrintable(QGuiApplication::platformName()), m_window->devicePixelRatioF());
    std::printf("charts:    f %d x %d, f' %d x %d (widgets); f'' chart %s; bands %s\n",
                charts[0]->width(), charts[0]->height(), charts[1]->width(), charts[1]->height(),
                charts[2]->isVisible() ? "shown" : "hidden",
                charts[0]->bandsVisible() && charts[1]->bandsVisible() ? "on" : "OFF");
    std::printf("scene:     %d functions (", m_scene->rowCount());
    for (int row = 0; row < m_scene->rowCount(); ++row)
        std::printf("%s%s", row ? ", " : "", qPrintable(m_scene->function(row).label()));
    std::printf("), x in [%g, %g], eps %g, plot size %d x %d px\n", m_scene->xMin(),
                m_scene->xMax(), m_scene->epsilon(), m_scene->plotSize().width(),
                m_scene->plotSize().height());
    m_startPosition = m_slider->value();
    m_chartsPx = QSize(charts[0]->width() + charts[1]->width(), charts[0]->height());
    return true;
}

StepRecord WindowBench::step(int position)
{
    StepRecord r = stepBy([this, position] { m_slider->setValue(position); });
    r.moved = m_scene->xMin() == double(position) / RangePanel::XSliderTicksPerUnit;
    return r;
}

StepRecord WindowBench::stepBy(const std::function<void()> &change)
{
    StepRecord r;
    m_recorder.resetStep();
    m_sawRange = false;
    for (bool &seen : m_sawChart)
        seen = false;

    const double cpu0 = threadCpuMs();
    const auto t0 = Clock::now();
    change();
    const auto tSet = Clock::now();

    // The event loop after the mouse event: turn it until the charts have painted and one more
    // turn paints nothing (a layout that lands a turn later would paint a second time).
    auto tLastPaint = tSet;
    int idle = 0;
    constexpr int MaxTurns = 200;
    for (r.turns = 0; r.turns < MaxTurns;) {
        const int before = m_recorder.paints;
        if (m_recorder.tracing)
            std::printf("   turn %d:\n", r.turns + 1);
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        m_recorder.endTurn();
        ++r.turns;
        if (m_recorder.paints != before) {
            tLastPaint = Clock::now();
            r.frameCpu = threadCpuMs() - cpu0;
            idle = 0;
        } else if (m_recorder.fPainted && m_recorder.dPainted && ++idle >= 2) {
            break;
        }
    }

    r.painted = m_recorder.fPainted && m_recorder.dPainted;
    r.paints = m_recorder.paints;
    r.frame = msBetween(t0, tLastPaint);
    r.setValue = msBetween(t0, tSet);
    if (m_sawRange && m_sawChart[0] && m_sawChart[1]) {
        r.analysis = msBetween(t0, m_tRange);
        r.samplingAndF = msBetween(m_tRange, m_tChart[0]);
        r.fPrime = msBetween(m_tChart[0], m_tChart[1]);
        const auto tLastChart = m_sawChart[2] ? m_tChart[2] : m_tChart[1];
        r.hidden = m_sawChart[2] ? msBetween(m_tChart[1], m_tChart[2]) : 0;
        r.others = msBetween(tLastChart, tSet);
    }
    if (m_recorder.updateRequestSeen) {
        r.toPaint = msBetween(tSet, m_recorder.firstUpdateRequest);
        r.painting = msBetween(m_recorder.firstUpdateRequest, tLastPaint);
    }
    r.fPaint = m_recorder.fPaintMs;
    r.dPaint = m_recorder.dPaintMs;
    r.otherPaint = m_recorder.otherPaintMs;
    return r;
}

void WindowBench::benchSteps()
{
    const int steps = m_options.steps;
    const int warmup = m_options.warmup;
    // x min from −10 to −2 and back in 0.1 steps (one slider tick), starting at the default −6.
    const int lo = -10 * RangePanel::XSliderTicksPerUnit;
    const int hi = -2 * RangePanel::XSliderTicksPerUnit;
    m_positions = dragPositions(m_startPosition, lo, hi, warmup + steps);

    std::printf("\n1. Slider step to painted frame: xMinSlider.setValue() +/-1 tick (0.1 in x), "
                "x min swept\n   between %g and %g (x max %g), %d steps after %d warm-up; "
                "event loop turned until painted\n",
                double(lo) / RangePanel::XSliderTicksPerUnit,
                double(hi) / RangePanel::XSliderTicksPerUnit, m_scene->xMax(), steps, warmup);

    std::vector<StepRecord> records;
    long switchesBefore = 0;
    for (int i = 0; i < warmup + steps; ++i) {
        if (i == warmup)
            switchesBefore = involuntarySwitches();
        m_recorder.tallying = i >= warmup;
        const StepRecord r = step(m_positions[size_t(i)]);
        if (i >= warmup)
            records.push_back(r);
    }
    m_recorder.tallying = false;
    const long switches = involuntarySwitches() - switchesBefore;

    if (m_options.trace) {
        std::printf("   trace of one more step (setValue() at 0 ms):\n");
        m_recorder.tracing = true;
        m_recorder.traceStart = Clock::now();
        const StepRecord r = step(m_positions.back() - 1);
        m_recorder.tracing = false;
        std::printf("   frame %.3f ms, setValue() %.3f ms\n", r.frame, r.setValue);
    }

    auto column = [&](double StepRecord::*field) {
        std::vector<double> v;
        for (const StepRecord &r : records)
            v.push_back(r.*field);
        return statsOf(v);
    };
    int unpainted = 0;
    int unmoved = 0;
    int paints = 0;
    int turns = 0;
    for (const StepRecord &r : records) {
        unpainted += r.painted ? 0 : 1;
        unmoved += r.moved ? 0 : 1;
        paints += r.paints;
        turns += r.turns;
    }

    m_frame = column(&StepRecord::frame);
    printStatsHeader();
    printStatsRow("frame: setValue() to painted frame", m_frame);
    printStatsRow("  the same in thread CPU time (no waiting)", column(&StepRecord::frameCpu));
    std::printf("   breakdown (each column's own statistics; medians do not add up exactly):\n");
    printStatsRow("  setValue(), synchronous: model + listeners", column(&StepRecord::setValue));
    printStatsRow("    model: saturation analysis", column(&StepRecord::analysis));
    printStatsRow("    model sampling + f chart refresh", column(&StepRecord::samplingAndF));
    printStatsRow("    f' chart refresh", column(&StepRecord::fPrime));
    printStatsRow("    hidden f'' chart refresh", column(&StepRecord::hidden));
    printStatsRow("    other listeners (panels, trace, table)", column(&StepRecord::others));
    printStatsRow("  event loop before the first paint", column(&StepRecord::toPaint));
    printStatsRow("  painting (UpdateRequest to frame end)", column(&StepRecord::painting));
    printStatsRow("    f chart viewport paint", column(&StepRecord::fPaint));
    printStatsRow("    f' chart viewport paint", column(&StepRecord::dPaint));
    printStatsRow("    other widgets' paint + flush", column(&StepRecord::otherPaint));
    std::printf("   per step: %.2f paint events, %.2f turns of the event loop; %d steps painted "
                "no chart, %d left the scene's x min elsewhere\n",
                double(paints) / double(records.size()), double(turns) / double(records.size()),
                unpainted, unmoved);
    std::printf("   involuntary context switches during the %d steps: %ld%s\n", steps, switches,
                switches > steps / 10 ? " (other work took the CPU: p95 and max are inflated)"
                                      : "");
    std::printf("   widgets painted over the %d steps (paint events):", steps);
    size_t shown = 0;
    std::vector<std::pair<int, std::string>> byCount;
    for (const auto &[name, count] : m_recorder.tally)
        byCount.emplace_back(count, name);
    std::sort(byCount.rbegin(), byCount.rend());
    for (const auto &[count, name] : byCount) {
        std::printf("%s%s %d", shown % 3 ? ", " : "\n     ", name.c_str(), count);
        ++shown;
    }
    std::printf("\n");
    constexpr double goalMs = 8.0;
    std::printf("   goal p95 <= %.0f ms:  %s (p95 %.2f ms, median %.2f ms)\n", goalMs,
                m_frame.p95 <= goalMs ? "MET" : "MISSED", m_frame.p95, m_frame.median);
}

void WindowBench::benchModelAlone()
{
    // The same steps with the scene's signals blocked: nothing but SceneModel::setRange().
    const double xMax = m_scene->xMax();
    const double restoreMin = m_scene->xMin();
    std::vector<double> times;
    {
        const QSignalBlocker blocker(m_scene);
        for (size_t i = 0; i < m_positions.size(); ++i) {
            const double x = double(m_positions[i]) / RangePanel::XSliderTicksPerUnit;
            const auto t0 = Clock::now();
            m_scene->setRange(x, xMax);
            const auto t1 = Clock::now();
            if (i >= size_t(m_options.warmup))
                times.push_back(msBetween(t0, t1));
        }
    }
    m_scene->setRange(restoreMin, xMax); // the views follow again
    settle(50);
    m_model = statsOf(times);
    std::printf("\n2. Parts alone (the same machine, right after; paints: paint events per call)\n");
    std::printf("   %-44s %8s %8s %8s %8s %8s %8s\n", "ms", "median", "p95", "min", "max", "mean",
                "paints");
    printStatsRow("SceneModel::setRange(), signals blocked", m_model);
}

void WindowBench::benchParts()
{
    const int runs = m_options.quick ? 21 : 101;
    const int warmup = 5;
    auto timeIt = [&](const char *name, auto &&work) {
        std::vector<double> v;
        int paints = 0;
        for (int i = 0; i < warmup + runs; ++i) {
            m_recorder.resetStep();
            const auto t0 = Clock::now();
            work();
            const auto t1 = Clock::now();
            if (i >= warmup)
                paints += m_recorder.paints;
            // Untimed: what the work left behind (scene updates, layouts) is done before the next.
            for (int k = 0; k < 5; ++k)
                QCoreApplication::processEvents(QEventLoop::AllEvents);
            if (i >= warmup)
                v.push_back(msBetween(t0, t1));
        }
        const Stats s = statsOf(v);
        std::printf("   %-44s %8.3f %8.3f %8.3f %8.3f %8.3f %8.1f\n", name, s.median, s.p95, s.min,
                    s.max, s.mean, double(paints) / runs);
    };
    ChartWidget *f = m_window->functionChart();
    ChartWidget *d = m_window->derivativeChart();
    ChartWidget *h = m_window->secondDerivativeChart();
    timeIt("PlotChart::refresh(), f chart, same data", [&] { f->chart()->refresh(); });
    timeIt("PlotChart::refresh(), f' chart, same data", [&] { d->chart()->refresh(); });
    timeIt("PlotChart::refresh(), hidden f'' chart", [&] { h->chart()->refresh(); });
    timeIt("f chart viewport repaint()", [&] { m_recorder.fViewport->repaint(); });
    timeIt("f' chart viewport repaint()", [&] { m_recorder.dViewport->repaint(); });
    timeIt("whole window repaint()", [&] { m_window->repaint(); });
    timeIt("f chart toImage() at its size (export path)",
           [&] { (void)f->toImage(f->size()); });
}

void WindowBench::benchPlaying()
{
    // Play buttons, each alone and then three at once, as a teacher might: x max back and forth,
    // ε looping and the focused function's first parameter back and forth. One tick of the
    // shared clock advances each by the clock's interval; the frame is timed to the paint.
    // The default scene's functions have no parameters: elu joins for this part, focused.
    const int before = m_window->functionList()->currentRow();
    m_scene->addFunction(QStringLiteral("elu"));
    const int focus = m_scene->rowCount() - 1;
    m_window->functionList()->setCurrentRow(focus);
    settle(200);
    const QString parameter = m_scene->function(focus).spec->parameters.first().name;
    SliderPlayer *xMax = m_window->rangePanel()->xMaxPlayer();
    SliderPlayer *epsilon = m_window->rangePanel()->epsilonPlayer();
    SliderPlayer *alpha = m_window->parameterPanel()->player(parameter);
    if (!alpha) {
        std::printf("\n3. Playing: no play button for %s\n", qPrintable(parameter));
        return;
    }
    const QByteArray start = SessionFile::toJson(*m_scene);
    // Each tick is timed here, to its paint: the players' own timer stays out of it.
    SliderPlayer::setManualClock(true);
    const auto play = [&](const QList<SliderPlayer *> &players) {
        SessionFile::fromJson(start, *m_scene);
        m_window->functionList()->setCurrentRow(focus);
        settle(100);
        for (SliderPlayer *p : players) {
            p->setMode(p == epsilon ? SliderPlayer::Mode::Loop : SliderPlayer::Mode::BackAndForth);
            p->play();
        }
        std::vector<double> frames;
        int turns = 0;
        int paints = 0;
        for (int i = 0; i < m_options.warmup + m_options.steps; ++i) {
            m_recorder.tallying = players.size() > 1 && i >= m_options.warmup;
            const StepRecord r
                    = stepBy([] { SliderPlayer::tickAll(SliderPlayer::TickMilliseconds); });
            if (i >= m_options.warmup) {
                frames.push_back(r.frame);
                turns += r.turns;
                paints += r.paints;
            }
        }
        const bool allPlaying = SliderPlayer::playingCount() == int(players.size());
        if (m_options.trace && players.size() > 1) {
            std::printf("   trace of one more tick with all three (the tick at 0 ms):\n");
            m_recorder.tracing = true;
            m_recorder.traceStart = Clock::now();
            const StepRecord r
                    = stepBy([] { SliderPlayer::tickAll(SliderPlayer::TickMilliseconds); });
            m_recorder.tracing = false;
            std::printf("   frame %.3f ms, tick %.3f ms\n", r.frame, r.setValue);
        }
        SliderPlayer::stopAll();
        const Stats st = statsOf(frames);
        std::printf("   %-22s %10.3f %10.3f %10.3f %10.3f %8.1f %8.1f  %s\n",
                    players.size() == 1 ? qPrintable(players.first()->accessibleName())
                                        : "all three",
                    st.median, st.p95, st.min, st.max, double(turns) / m_options.steps,
                    double(paints) / m_options.steps, allPlaying ? "" : "(one stopped early)");
        return st;
    };
    std::printf("\n3. Playing: one %d ms clock tick of each playing slider to the painted frame, "
                "%d ticks after %d warm-up\n   (elu added and focused)\n",
                SliderPlayer::TickMilliseconds, m_options.steps, m_options.warmup);
    std::printf("   %-22s %10s %10s %10s %10s %8s %8s\n", "ms", "median", "p95", "min", "max",
                "turns", "paints");
    for (SliderPlayer *p : { xMax, epsilon, alpha })
        play({ p });
    m_recorder.tally.clear();
    m_playFrame = play({ xMax, epsilon, alpha });
    m_recorder.tallying = false;
    std::printf("   widgets painted over the %d ticks with all three:", m_options.steps);
    int shown = 0;
    for (const auto &[name, count] : m_recorder.tally)
        std::printf("%s%s %d", shown++ % 3 ? ", " : "\n     ", name.c_str(), count);
    std::printf("\n");
    std::printf("   goal with all three, p95 <= %d ms (one tick):  %s\n",
                SliderPlayer::TickMilliseconds,
                m_playFrame.p95 <= SliderPlayer::TickMilliseconds ? "met" : "NOT met");
    SliderPlayer::setManualClock(false);
    SessionFile::fromJson(start, *m_scene);
    m_scene->removeRows(focus, 1);
    m_window->functionList()->setCurrentRow(before);
    settle(200);
}

void WindowBench::benchSceneSizes()
{
    // The same drag with N functions (the catalogue's activations in turn: N = 25 is all of
    // them), f, f' and f'' charts, in a 1920 x 1080 window: what one more function costs a frame.
    const int steps = m_options.quick ? 20 : 60;
    const int warmup = 10;
    QList<QString> ids;
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        ids << spec.id;
    m_window->resize(1920, 1080);
    if (QAction *second = m_window->action(QStringLiteral("secondDerivativeAction")))
        second->setChecked(true);
    settle(200);

    std::printf("\n4. Scene size: slider step to painted frame with N functions (the %d catalogue "
                "activations in turn),\n   f, f' and f'' charts, window %d x %d, %d steps after %d "
                "warm-up\n",
                int(ids.size()), m_window->width(), m_window->height(), steps, warmup);
    std::printf("   %6s %10s %10s %13s %13s %10s %10s %8s\n", "N", "median ms", "p95 ms",
                "median/fn ms", "p95/fn ms", "setValue", "painting", "paints");
    for (const int n : { 1, 4, 25, 100 }) {
        {
            const SceneModel::UpdateBatch batch(*m_scene);
            m_scene->clear();
            for (int i = 0; i < n; ++i)
                m_scene->addFunction(ids[i % ids.size()]);
            m_scene->setRange(-6.0, 6.0);
        }
        settle(200);
        const std::vector<int> positions = dragPositions(
                m_slider->value(), -10 * RangePanel::XSliderTicksPerUnit,
                -2 * RangePanel::XSliderTicksPerUnit, warmup + steps);
        std::vector<StepRecord> records;
        int paints = 0;
        for (int i = 0; i < warmup + steps; ++i) {
            const StepRecord r = step(positions[size_t(i)]);
            if (i >= warmup) {
                records.push_back(r);
                paints += r.paints;
            }
        }
        const auto column = [&records](double StepRecord::*field) {
            std::vector<double> v;
            for (const StepRecord &r : records)
                v.push_back(r.*field);
            return statsOf(v);
        };
        const Stats st = column(&StepRecord::frame);
        if (n == int(ids.size())) {
            m_catalogueFrame = st;
            m_catalogueBreakdown = { column(&StepRecord::analysis),
                                     column(&StepRecord::samplingAndF),
                                     column(&StepRecord::fPrime), column(&StepRecord::hidden),
                                     column(&StepRecord::others), column(&StepRecord::fPaint),
                                     column(&StepRecord::dPaint),
                                     column(&StepRecord::otherPaint) };
        }
        // setValue: the model and every listener, synchronously; painting: the frame's paints.
        std::printf("   %6d %10.3f %10.3f %13.4f %13.4f %10.3f %10.3f %8.1f\n", n, st.median,
                    st.p95, st.median / n, st.p95 / n, column(&StepRecord::setValue).median,
                    column(&StepRecord::painting).median, double(paints) / steps);
    }
    std::printf("   where the %d-function frame goes:\n", int(ids.size()));
    printStatsHeader();
    const char *parts[] = { "model: saturation analysis", "model sampling + f chart refresh",
                            "f' chart refresh", "f'' chart refresh",
                            "other listeners (panels, trace, table)", "f chart viewport paint",
                            "f' chart viewport paint", "other widgets' paint + flush" };
    for (size_t i = 0; i < m_catalogueBreakdown.size(); ++i)
        printStatsRow(parts[i], m_catalogueBreakdown[i]);
    constexpr double goalMs = 16.0;
    std::printf("   goal with all %d activations and f'' on, p95 <= %.0f ms:  %s (p95 %.2f ms)\n",
                int(ids.size()), goalMs, m_catalogueFrame.p95 <= goalMs ? "MET" : "MISSED",
                m_catalogueFrame.p95);
}

void WindowBench::benchGif()
{
    // The animation: leaky_relu's negative slope 0 → 1, 40 frames at 800 x 450, drawn
    // and encoded (SceneAnimation), then the encoding alone (GifWriter on frames drawn before).
    const int runs = m_options.quick ? 3 : 7;
    SceneModel scene;
    scene.addFunction(QStringLiteral("leaky_relu"));
    AnimationOptions o;
    o.render.size = QSize(800, 450);
    o.render.focusRow = 0;
    o.sweep.target = *AnimationTarget::fromName(QStringLiteral("leaky_relu.negative_slope"));
    o.sweep.from = 0;
    o.sweep.to = 1;
    o.sweep.frames = 40;
    std::vector<double> whole;
    qsizetype bytes = 0;
    for (int i = 0; i < runs; ++i) {
        QByteArray gif;
        const auto t0 = Clock::now();
        SceneAnimation::renderGif(scene, o, &gif);
        whole.push_back(msBetween(t0, Clock::now()));
        bytes = gif.size();
    }
    QList<QImage> frames;
    SceneModel copy;
    copy.assign(scene);
    for (const double v : o.sweep.frameValues()) {
        o.sweep.apply(copy, v);
        frames << SceneRenderer::renderImage(copy, o.render);
    }
    const QList<QRgb> palette = SceneAnimation::palette(scene, o.render);
    std::vector<double> encode;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        GifWriter writer(o.render.size, palette, AnimationSweep::frameDelay(o.fps));
        for (const QImage &frame : std::as_const(frames))
            writer.addFrame(frame);
        (void)writer.finish();
        encode.push_back(msBetween(t0, Clock::now()));
    }
    std::printf("\n5. Animated GIF, 40 frames at 800 x 450 (leaky_relu negative_slope 0 -> 1), "
                "%lld bytes\n", qlonglong(bytes));
    printStatsHeader();
    printStatsRow("drawn + encoded (SceneAnimation::renderGif)", statsOf(whole));
    printStatsRow("encoded only (GifWriter, 40 frames)", statsOf(encode));
}

int WindowBench::run()
{
    if (!setUp())
        return 1;
    benchSteps();
    benchModelAlone();
    benchParts();
    benchPlaying(); // on the default scene, before the scene sizes replace it
    benchSceneSizes();
    benchGif();

    std::printf("\nRESULT window_frame_ms %.4f %.4f %.4f %.4f\n", m_frame.median, m_frame.p95,
                m_frame.min, m_frame.max);
    std::printf("RESULT window_model_ms %.4f %.4f %.4f %.4f\n", m_model.median, m_model.p95,
                m_model.min, m_model.max);
    // The two charts together as the default scene had them, for a peer drawing the same
    // scene at the same pixel size.
    std::printf("RESULT window_charts_px %d %d\n", m_chartsPx.width(), m_chartsPx.height());
    std::printf("RESULT window_play_frame_ms %.4f %.4f %.4f %.4f\n", m_playFrame.median,
                m_playFrame.p95, m_playFrame.min, m_playFrame.max);
    std::printf("RESULT window_catalogue_frame_ms %.4f %.4f %.4f %.4f\n", m_catalogueFrame.median,
                m_catalogueFrame.p95, m_catalogueFrame.min, m_catalogueFrame.max);
    delete m_window;
    return 0;
}

void usage(std::FILE *out, const char *argv0)
{
    std::fprintf(out,
                 "usage: %s [--quick] [--steps N] [--warmup N] [--trace]\n"
                 "Times a step of the x-min slider to the painted frame in a 1920 x 1080 window\n"
                 "(offscreen unless QT_QPA_PLATFORM says otherwise). Build in Release "
                 "(scripts/bench.sh).\n"
                 "  --quick      50 steps, fewer repetitions, for a smoke run\n"
                 "  --steps N    timed steps (default 200)\n"
                 "  --warmup N   untimed steps first (default 20)\n"
                 "  --trace      also prints every event of one extra step and one extra play tick\n",
                 argv0);
}

bool parseCount(const char *text, int *out)
{
    char *end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (!text[0] || *end || v < 1 || v > 100000)
        return false;
    *out = int(v);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    bool stepsGiven = false;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--quick") == 0) {
            options.quick = true;
        } else if (std::strcmp(argv[i], "--steps") == 0 && hasValue
                   && parseCount(argv[i + 1], &options.steps)) {
            stepsGiven = true;
            ++i;
        } else if (std::strcmp(argv[i], "--warmup") == 0 && hasValue
                   && parseCount(argv[i + 1], &options.warmup)) {
            ++i;
        } else if (std::strcmp(argv[i], "--trace") == 0) {
            options.trace = true;
        } else if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) {
            usage(stdout, argv[0]);
            return 0;
        } else {
            std::fprintf(stderr, "bench_window: bad argument %s\n", argv[i]);
            usage(stderr, argv[0]);
            return 2;
        }
    }
    if (options.quick && !stepsGiven)
        options.steps = 50;

    // No display needed: the offscreen platform paints into a QImage backing store.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

#if defined(__clang__)
    const char *compiler = "clang " __clang_version__;
#elif defined(__GNUC__)
    const char *compiler = "g++ " __VERSION__;
#else
    const char *compiler = "unknown compiler";
#endif
#ifdef NDEBUG
    const char *assertions = "NDEBUG";
#else
    const char *assertions = "assertions on (not a Release build?)";
#endif
    std::printf("Activation Explorer window benchmark%s\n", options.quick ? " (--quick)" : "");
    std::printf("date:      %s\n",
                qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    std::printf("machine:   %s, %s\n", cpuModel().c_str(),
                qPrintable(QSysInfo::prettyProductName()));
    std::printf("load avg:  %s\n", loadAverage().c_str());
    std::printf("build:     %s, Qt %s, %s\n", compiler, qVersion(), assertions);

    WindowBench bench(options);
    return bench.run();
}
