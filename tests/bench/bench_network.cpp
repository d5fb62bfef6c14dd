// Times the model of "deep networks at initialization": the mean-field depth curve (q^l and r^l)
// at depth 50 and 1000, and a simulation's forward and backward pass at width 256, depth 50,
// batch 64, float64, one thread. scripts/bench_network_peer.py times PyTorch on the same network.

#include "benchstatistics.h"
#include "meanfieldtheory.h"
#include "networksimulation.h"

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
    printStatsRow("forward + backward (weights drawn inside)", timeRuns(11, [&] {
                      sink += simulateNetwork(phi, settings, 1e-3, 1).layers.first().variance;
                  }));
    std::printf("(checksum %g)\n", sink);
    return 0;
}
