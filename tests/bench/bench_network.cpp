// Times the model of "deep networks at initialization": the mean-field depth curve (q^l and r^l)
// at depth 50 and 1000, and a simulation's forward and backward pass at width 256, depth 50,
// batch 64, float64, one thread. scripts/bench_network_peer.py times PyTorch on the same network.
//
// The simulation draws its weights inside (it regenerates them from (seed, layer) by design, and
// its API takes no weights), so "weights already drawn" is the difference of two measured
// medians: the whole simulation less drawing the same numbers (every W^l, b^l, x and δ^L) alone.
// The last lines are for scripts/bench.sh: "RESULT <name> <median> <p95> <min>" in ms.

#include "benchstatistics.h"
#include "meanfieldtheory.h"
#include "networksimulation.h"
#include "normalrandom.h"

#include <QElapsedTimer>

#include <cstdio>
#include <vector>

namespace {

template<class F>
Stats timeRuns(int runs, F f)
{
    std::vector<double> ms;
    ms.reserve(size_t(runs));
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        f();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return statsOf(ms);
}

} // namespace

int main()
{
    const ActivationSpec &tanh = *ActivationCatalogue::find(u"tanh");
    const ActivationFunction phi(tanh, tanh.defaults());
    const MeanFieldTheory theory(phi);
    double sink = 0;

    std::printf("Mean-field theory, tanh, σ_w² = 1.5, σ_b² = 0.05 (q^l and r^l of every layer)\n");
    printStatsHeader();
    for (const int depth : {50, 1000}) {
        const Stats s = timeRuns(depth == 50 ? 201 : 41, [&] {
            sink += *theory.depthCurve(1.5, 0.05, depth).first().gradientNormRatio;
        });
        const QByteArray name = QByteArray("depth curve, depth ") + QByteArray::number(depth);
        printStatsRow(name.constData(), s);
    }
    printStatsRow("fixed point q*, χ₁", timeRuns(41, [&] { sink += *theory.chi1(1.5, 0.05); }));
    printStatsRow("critical σ_w² at σ_b² = 0.05",
                  timeRuns(11, [&] { sink += *theory.criticalWeightVariance(0.05); }));

    NetworkSettings settings;
    settings.weightVariance = 1.5;
    settings.biasVariance = 0.05;
    settings.width = 256;
    settings.depth = 50;
    settings.batch = 64;
    std::printf("\nSimulation, tanh, width 256, depth 50, batch 64, float64, one thread\n");
    printStatsHeader();
    const Stats simulation = timeRuns(21, [&] {
        sink += simulateNetwork(phi, settings, 1e-3, 1).layers.first().variance;
    });
    printStatsRow("forward + backward (weights drawn inside)", simulation);
    // What the simulation draws: every layer's W^l (N²) and b^l (N), x and δ^L (N × B each).
    std::vector<double> w(size_t(settings.width) * size_t(settings.width) + size_t(settings.width));
    std::vector<double> xd(size_t(settings.width) * size_t(settings.batch));
    const Stats drawing = timeRuns(21, [&] {
        for (int l = 1; l <= settings.depth; ++l) {
            NormalRandom random(NormalRandom::streamSeed(1, std::uint64_t(l)));
            random.fill(w.data(), qsizetype(w.size()), 0.1);
            sink += w.back();
        }
        for (const std::uint64_t stream : { std::uint64_t(0), std::uint64_t(MaxNetworkDepth + 1) }) {
            NormalRandom random(NormalRandom::streamSeed(1, stream));
            random.fill(xd.data(), qsizetype(xd.size()), 1.0);
            sink += xd.back();
        }
    });
    printStatsRow("drawing those weights, x and δ^L alone", drawing);
    std::printf("   %-44s %8.3f   (difference of medians)\n", "weights already drawn (estimate)",
                simulation.median - drawing.median);
    std::printf("(checksum %g)\n", sink);
    std::printf("RESULT network_simulation_ms %.4f %.4f %.4f\n", simulation.median, simulation.p95,
                simulation.min);
    std::printf("RESULT network_drawing_ms %.4f %.4f %.4f\n", drawing.median, drawing.p95,
                drawing.min);
    return 0;
}
