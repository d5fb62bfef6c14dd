// Prints how long the model's hot paths take on this machine: the batch evaluation of f and f′,
// the plot sampler, the saturation analysis and a whole scene recompute. Figures, not a test:
// nothing here fails on a slow machine. scripts/bench.sh builds it in Release and compares the
// sigmoid figure with NumPy and PyTorch (scripts/bench_peers.py).

#include "activationcatalogue.h"
#include "benchstatistics.h"
#include "customfunctions.h"
#include "dataexport.h"
#include "sampling.h"
#include "saturation.h"
#include "scenemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSize>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace {

struct Options
{
    bool quick = false;
};

/** How often each kind of measurement runs: warm-up runs are discarded. */
struct Plan
{
    int batchWarmup = 2;
    int batchRuns = 15;
    int sampleWarmup = 5;
    int sampleRuns = 51;
    int sceneWarmup = 10;
    int sceneRuns = 201;
};

Plan planFor(const Options &o)
{
    if (!o.quick)
        return {};
    return { 1, 3, 1, 5, 2, 21 };
}

/** Median and minimum of repeated runs, in nanoseconds. */
struct Timing
{
    double medianNs = 0;
    double minNs = 0;
};

/** Runs work `warmup` times untimed, then `runs` times timed (odd runs give a true median). */
template<typename Work> Timing measure(int warmup, int runs, Work &&work)
{
    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < warmup; ++i)
        work();
    std::vector<double> ns;
    ns.reserve(size_t(runs));
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        work();
        const auto t1 = Clock::now();
        ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
    const Stats s = statsOf(std::move(ns));
    return { s.median, s.min };
}

// Results feed this sink so the optimiser cannot drop the work being timed.
volatile double g_sink = 0;

std::string cpuModel()
{
    // /proc files report size 0, so read them whole rather than testing atEnd().
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return line.mid(line.indexOf(':') + 1).trimmed().toStdString();
        }
    }
    return QSysInfo::currentCpuArchitecture().toStdString();
}

/** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
std::string loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return "unknown";
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    return fields.mid(0, 3).join(' ').toStdString();
}

/** What `nproc` prints: the CPUs this process may run on. */
int usableCpus()
{
#ifdef Q_OS_LINUX
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return CPU_COUNT(&set);
#endif
    return QThread::idealThreadCount();
}

void printHeader(const Options &o, const Plan &plan)
{
    std::printf("Activation Explorer model benchmark%s\n", o.quick ? " (--quick)" : "");
    std::printf("date:      %s\n",
                qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    std::printf("machine:   %s, nproc %d, %s\n", cpuModel().c_str(), usableCpus(),
                qPrintable(QSysInfo::prettyProductName()));
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
    std::printf("load avg:  %s\n", loadAverage().c_str());
    std::printf("build:     %s, Qt %s, %s\n", compiler, qVersion(), assertions);
    std::printf("timing:    steady_clock; median and min of %d runs after %d warm-up "
                "(plot: %d/%d, scene: %d/%d)\n\n",
                plan.batchRuns, plan.batchWarmup, plan.sampleRuns, plan.sampleWarmup,
                plan.sceneRuns, plan.sceneWarmup);
}

/** One catalogue entry with a particular parameter set, and the name it is printed under. */
struct Variant
{
    const ActivationSpec *spec = nullptr;
    ParameterValues params {};
    std::string name;
};

/** Every catalogue function at its defaults, plus each choice of a Choice parameter (gelu). */
std::vector<Variant> catalogueVariants()
{
    std::vector<Variant> out;
    for (const ActivationSpec &spec : ActivationCatalogue::all()) {
        const ParameterValues defaults = spec.defaults();
        int choiceIndex = -1;
        for (int i = 0; i < spec.parameters.size(); ++i) {
            if (spec.parameters.at(i).domain == ParameterDomain::Choice) {
                choiceIndex = i;
                break;
            }
        }
        if (choiceIndex < 0) {
            out.push_back({ &spec, defaults, spec.id.toStdString() });
            continue;
        }
        const ParameterSpec &choice = spec.parameters.at(choiceIndex);
        for (int c = 0; c < choice.choices.size(); ++c) {
            ParameterValues p = defaults;
            p[size_t(choiceIndex)] = c;
            out.push_back(
                { &spec, p, (spec.id + QLatin1Char(' ') + choice.choices.at(c)).toStdString() });
        }
    }
    return out;
}

/** Times every variant's batch over the 1e6 points and prints one RESULT line each; returns the
    sigmoid timing, for the comparison with NumPy. */
Timing benchBatch(const Plan &plan, const std::vector<Variant> &variants)
{
    constexpr qsizetype n = 1000000;
    const std::vector<double> x = [] {
        const QList<double> xs = linspace(-10.0, 10.0, n);
        return std::vector<double>(xs.begin(), xs.end());
    }();
    std::vector<double> f(static_cast<size_t>(n)), d1(static_cast<size_t>(n));

    std::printf("1. f + f' over 1e6 points, x = linspace(-10, 10), default parameters\n");
    std::printf("   %-22s %12s %12s %14s\n", "function", "median ns/pt", "min ns/pt",
                "median ms/1e6");
    Timing sigmoid;
    std::vector<Timing> perFunction;
    for (const Variant &v : variants) {
        const Timing t = measure(plan.batchWarmup, plan.batchRuns, [&] {
            v.spec->evaluateBatch(v.params.data(), x.data(), f.data(), d1.data(), n);
            g_sink = g_sink + f[size_t(n / 2)] + d1[size_t(n / 3)];
        });
        std::printf("   %-22s %12.2f %12.2f %14.3f\n", v.name.c_str(), t.medianNs / n, t.minNs / n,
                    t.medianNs / 1e6);
        if (v.spec->id == QLatin1String("sigmoid"))
            sigmoid = t;
        perFunction.push_back(t);
    }

    // The same work through evaluate(), which also computes f″: what a caller pays without the
    // batch entry point.
    if (const ActivationSpec *sigmoid = ActivationCatalogue::find(u"sigmoid")) {
        const ParameterValues p = sigmoid->defaults();
        const Timing t = measure(plan.batchWarmup, plan.batchRuns, [&] {
            for (qsizetype i = 0; i < n; ++i) {
                const Derivatives d = sigmoid->evaluate(x[size_t(i)], p.data());
                f[size_t(i)] = d.f;
                d1[size_t(i)] = d.d1;
            }
            g_sink = g_sink + f[size_t(n / 2)] + d1[size_t(n / 3)];
        });
        std::printf("   %-22s %12.2f %12.2f %14.3f\n", "sigmoid (evaluate())", t.medianNs / n,
                    t.minNs / n, t.medianNs / 1e6);
    }
    // Typed expressions: parsed once, then f, f′, f″ by automatic differentiation per point.
    for (const char *text : { "x * sigmoid(1.702 * x)", "log(1 + exp(x))" }) {
        const ActivationSpec *custom = CustomFunctions::intern(QString::fromLatin1(text));
        if (!custom)
            continue;
        const ParameterValues p = custom->defaults();
        const Timing t = measure(plan.batchWarmup, plan.batchRuns, [&] {
            custom->evaluateBatch(p.data(), x.data(), f.data(), d1.data(), n);
            g_sink = g_sink + f[size_t(n / 2)] + d1[size_t(n / 3)];
        });
        std::printf("   %-22s %12.2f %12.2f %14.3f\n", text, t.medianNs / n, t.minNs / n,
                    t.medianNs / 1e6);
    }
    // For scripts/bench.sh, next to scripts/bench_peers.py's PyTorch figures: median and min in
    // ns per point, the function named without spaces (gelu_none).
    for (size_t i = 0; i < variants.size(); ++i) {
        std::string name = variants[i].name;
        std::replace(name.begin(), name.end(), ' ', '_');
        std::printf("RESULT batch_ns_per_point %s %.4f %.4f\n", name.c_str(),
                    perFunction[i].medianNs / n, perFunction[i].minNs / n);
    }
    std::printf("\n");
    return sigmoid;
}

/** The chart's y range for one curve: valueRange padded by 5 % (never empty). */
Interval paddedRange(const Variant &v, int order, double a, double b)
{
    Interval r = valueRange(*v.spec, v.params, order, a, b);
    if (!std::isfinite(r.from) || !std::isfinite(r.to))
        r = { -1.0, 1.0 };
    double pad = 0.05 * r.length();
    if (pad <= 0)
        pad = std::max(0.5, 0.05 * std::abs(r.from));
    return { r.from - pad, r.to + pad };
}

void benchSampler(const Plan &plan, const std::vector<Variant> &variants)
{
    constexpr double a = -6.0, b = 6.0;
    constexpr int widthPx = 1600, heightPx = 900;
    constexpr double tolerancePx = 0.25;

    std::printf("2. Plot sampler, default view: x in [%g, %g], %d x %d px, tolerance %g px,\n"
                "   y range = valueRange padded 5 %%\n",
                a, b, widthPx, heightPx, tolerancePx);
    std::printf("   %-22s %10s %9s %7s %7s   %10s %9s %7s %7s\n", "function", "f med us",
                "f min us", "points", "pieces", "f' med us", "f' min us", "points", "pieces");
    double total = 0;
    int totalPoints = 0;
    for (const Variant &v : variants) {
        std::printf("   %-22s", v.name.c_str());
        for (int order = 0; order <= 1; ++order) {
            const Interval y = paddedRange(v, order, a, b);
            const PlotViewport view { a, b, y.from, y.to, widthPx, heightPx, tolerancePx };
            PlotCurve curve;
            const Timing t = measure(plan.sampleWarmup, plan.sampleRuns, [&] {
                curve = samplePlotCurve(*v.spec, v.params, order, view);
                g_sink = g_sink + curve.pointCount();
            });
            total += t.medianNs;
            totalPoints += curve.pointCount();
            std::printf(" %10.1f %9.1f %7d %7d%s", t.medianNs / 1e3, t.minNs / 1e3,
                        int(curve.pointCount()), int(curve.pieces.size()), order == 0 ? "  " : "");
        }
        std::printf("\n");
    }
    std::printf("   %-22s %10.1f us for all %zu x 2 curves, %d points\n\n", "total (medians)",
                total / 1e3, variants.size(), totalPoints);
}

void benchScene(const Plan &plan)
{
    const QStringList ids = { QStringLiteral("step"), QStringLiteral("sigmoid"),
                              QStringLiteral("tanh"), QStringLiteral("relu") };
    constexpr double a = -6.0, b = 6.0, epsilon = 0.01;
    const QSize plotSize(1600, 900);

    std::printf("3. Default scene: %s; x in [%g, %g], eps %g, plot %d x %d px\n",
                qPrintable(ids.join(QStringLiteral(", "))), a, b, epsilon, plotSize.width(),
                plotSize.height());

    SceneModel scene;
    QString error;
    for (const QString &id : ids) {
        if (!scene.addFunction(id, &error)) {
            std::printf("   cannot add %s: %s\n\n", qPrintable(id), qPrintable(error));
            return;
        }
    }
    if (!scene.setRange(a, b, &error) || !scene.setEpsilon(epsilon, &error)
        || !scene.setPlotSize(plotSize, &error)) {
        std::printf("   cannot set up the scene: %s\n\n", qPrintable(error));
        return;
    }

    const Timing t = measure(plan.sceneWarmup, plan.sceneRuns, [&] {
        scene.recompute();
        g_sink = g_sink + scene.saturation(0).saturatedFraction;
    });
    int points = 0;
    for (int row = 0; row < scene.rowCount(); ++row)
        for (int order = 0; order <= scene.maxOrder(); ++order)
            points += int(scene.curve(row, order).pointCount());
    constexpr double goalNs = 1e6;
    std::printf("   scene.recompute():   median %8.1f us, min %8.1f us   (%d curves, %d points)\n",
                t.medianNs / 1e3, t.minNs / 1e3, scene.rowCount() * (scene.maxOrder() + 1), points);
    std::printf("   1 ms goal:           %s (median %.2f ms)\n",
                t.medianNs <= goalNs ? "MET" : "MISSED", t.medianNs / 1e6);

    std::printf("   analyseSaturation alone:\n");
    double total = 0;
    for (const QString &id : ids) {
        const ActivationSpec *spec = ActivationCatalogue::find(id);
        const ParameterValues p = spec->defaults();
        SaturationResult r;
        const Timing ts = measure(plan.sceneWarmup, plan.sceneRuns, [&] {
            r = analyseSaturation(*spec, p, a, b, epsilon);
            g_sink = g_sink + r.maxAbsGradient;
        });
        total += ts.medianNs;
        std::printf("     %-10s median %8.1f us, min %8.1f us   (%d intervals, %.4f zero + "
                    "%.4f saturated)\n",
                    qPrintable(id), ts.medianNs / 1e3, ts.minNs / 1e3, int(r.intervals.size()),
                    r.zeroFraction, r.saturatedFraction);
    }
    std::printf("     %-10s median %8.1f us (sum of medians)\n\n", "all four", total / 1e3);
}

/** N functions, the catalogue's activations in turn, added in one batch. */
bool fillScene(SceneModel &scene, const QStringList &ids, int n, QString *error = nullptr)
{
    const SceneModel::UpdateBatch batch(scene);
    scene.clear();
    for (int i = 0; i < n; ++i) {
        if (!scene.addFunction(ids[i % ids.size()], error))
            return false;
    }
    return true;
}

void benchSceneSizes(const Plan &plan)
{
    QStringList ids;
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        ids << spec.id;
    const QSize plotSize(1600, 900);
    std::printf("4. Scene size: N functions (the %d catalogue activations in turn), x in [-6, 6], "
                "plot %d x %d px,\n   f, f' and f''; medians, and per function (/fn)\n",
                int(ids.size()), plotSize.width(), plotSize.height());
    std::printf("   %5s %11s %9s %11s %9s %11s %9s %11s %9s %10s\n", "N", "build ms", "/fn us",
                "1 by 1 ms", "/fn us", "setRange ms", "/fn us", "csv ms", "/fn us", "+1 fn us");
    for (const int n : { 1, 4, 25, 100, SceneModel::MaxFunctions }) {
        const int runs = n >= 100 ? std::max(3, plan.batchRuns / 3) : plan.batchRuns;
        const int warmup = 1;
        SceneModel scene;
        scene.setPlotSize(plotSize);
        scene.setMaxOrder(2);
        // A whole scene at once (command line, session file, lesson): one batch.
        const Timing build = measure(warmup, runs, [&] {
            fillScene(scene, ids, n);
            g_sink = g_sink + scene.yRange(0).to;
        });
        // The same functions added one at a time, each a change of its own (the window's search
        // field): a row costs its own sampling unless it widens a y range.
        const Timing oneByOne = measure(warmup, runs, [&] {
            scene.clear();
            for (int i = 0; i < n; ++i)
                scene.addFunction(ids[i % ids.size()]);
            g_sink = g_sink + scene.yRange(0).to;
        });
        // A slider step of x min: every row is analysed and sampled again.
        bool wide = false;
        const Timing range = measure(warmup, runs, [&] {
            wide = !wide;
            scene.setRange(wide ? -6.5 : -6.0, 6.0);
            g_sink = g_sink + scene.yRange(1).to;
        });
        QByteArray csv;
        const Timing toCsv = measure(warmup, runs, [&] {
            csv = sceneToCsv(scene, scene.samples());
            g_sink = g_sink + double(csv.size());
        });
        // One more function on top of N (then removed): what a single addition costs.
        const Timing addOne = measure(warmup, runs, [&] {
            scene.addFunction(QStringLiteral("sigmoid"));
            scene.removeRows(scene.rowCount() - 1, 1);
        });
        std::printf("   %5d %11.3f %9.1f %11.3f %9.1f %11.3f %9.1f %11.3f %9.1f %10.1f\n", n,
                    build.medianNs / 1e6, build.medianNs / 1e3 / n, oneByOne.medianNs / 1e6,
                    oneByOne.medianNs / 1e3 / n, range.medianNs / 1e6, range.medianNs / 1e3 / n,
                    toCsv.medianNs / 1e6, toCsv.medianNs / 1e3 / n, addOne.medianNs / 1e3);
    }
    SceneModel scene;
    QString error;
    const bool refused = !fillScene(scene, ids, 1000, &error);
    std::printf("   %5d %s\n\n", 1000,
                refused ? qPrintable(QStringLiteral("refused: ") + error) : "accepted");
}

void usage(std::FILE *out, const char *argv0)
{
    std::fprintf(out,
                 "usage: %s [--quick]\n"
                 "Prints timings of the model's hot paths. Build in Release (scripts/bench.sh).\n"
                 "  --quick   fewer repetitions, for a smoke run\n",
                 argv0);
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            options.quick = true;
        } else if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) {
            usage(stdout, argv[0]);
            return 0;
        } else {
            std::fprintf(stderr, "bench_model: unknown option %s\n", argv[i]);
            usage(stderr, argv[0]);
            return 2;
        }
    }
    // SceneModel is a QObject; an application object keeps Qt's assumptions valid.
    QCoreApplication app(argc, argv);
    const Plan plan = planFor(options);

    printHeader(options, plan);
    const std::vector<Variant> variants = catalogueVariants();
    const Timing sigmoid = benchBatch(plan, variants);
    benchSampler(plan, variants);
    benchScene(plan);
    benchSceneSizes(plan);

    // One machine-readable line for scripts/bench.sh: median and min, ns per point.
    std::printf("RESULT sigmoid_batch_ns_per_point %.4f %.4f\n", sigmoid.medianNs / 1e6,
                sigmoid.minNs / 1e6);
    return 0;
}
