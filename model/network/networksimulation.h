#pragma once

#include "activationfunction.h"
#include "networksettings.h"

#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>

/** What a simulation measured at one layer l (statistics over the N units × B inputs). */
struct SimulationLayer
{
    int layer = 0;                  ///< l, from 1
    double variance = 0.0;          ///< mean of (h^l_{i,b})²; NaN when not finite
    double gradientNormRatio = 0.0; ///< Σ_b‖δ^l_b‖² / Σ_b‖δ^L_b‖²; NaN when not finite
    double saturatedFraction = 0.0; ///< share of (unit, input) pairs with |φ′(h)| < ε
    double zeroFraction = 0.0;      ///< share of (unit, input) pairs with φ′(h) = 0
    double deadFraction = 0.0;      ///< share of units with φ′(h) = 0 for every input of the batch

    bool operator==(const SimulationLayer &o) const
    {
        return layer == o.layer && variance == o.variance && gradientNormRatio == o.gradientNormRatio
            && saturatedFraction == o.saturatedFraction && zeroFraction == o.zeroFraction
            && deadFraction == o.deadFraction;
    }
};

/** How much memory a simulation may keep across layers (see simulateNetwork). */
struct SimulationMemory
{
    std::size_t activationBytes = std::size_t(512) << 20; ///< for φ′(h) and checkpoints
    std::size_t weightBytes = std::size_t(256) << 20;     ///< for keeping every W^l, b^l
};

/** The most values of h^l a simulation returns per sampled layer, unless asked otherwise. */
constexpr qsizetype DefaultSampleLimit = 65536;

/** Called after each layer's step: true to go on, false to cancel. total stays fixed. */
using SimulationProgress = std::function<bool(int done, int total)>;

/** The pre-activations h^l of one layer, as a simulation drew them (see simulateNetwork). */
struct LayerSamples
{
    int layer = 0;          ///< l, from 1
    QList<double> values;   ///< h^l_{i,b}, input after input (column-major N × B), at most the limit
};

/** The outcome of simulateNetwork. */
struct SimulationResult
{
    QList<SimulationLayer> layers; ///< l = 1…L; empty when refused or cancelled
    QList<LayerSamples> samples;   ///< h^l at the layers asked for, ascending; empty when cancelled
    QString error;                 ///< why the inputs were refused; empty otherwise
    bool cancelled = false;        ///< the progress callback asked to stop
};

/**
 * Empty when a simulation can run (the activation's parameters and map valid, the settings as
 * checkNetworkSettings() wants them, ε finite and ≥ 0), else why.
 */
QString checkSimulation(const ActivationFunction &phi, const NetworkSettings &settings,
                        double epsilon);

/**
 * One seeded network at initialization, float64: the batch x (N × B, N(0, 1)) forward through
 * h¹ = W¹x + b¹, h^{l+1} = W^{l+1}φ(h^l) + b^{l+1}, then backward from δ^L with N(0, 1) entries
 * through δ^l = φ′(h^l) ⊙ (W^{l+1}ᵀ δ^{l+1}). φ′ is PyTorch's at kinks.
 *
 * Reproducible: every random number comes from NormalRandom, stream 0 for x, stream l for layer
 * l (W^l column by column, then b^l), stream MaxNetworkDepth + 1 for δ^L, so a layer's weights
 * can be regenerated alone. Same seed and build: bit-identical results; on another CPU Eigen's
 * products may round differently (vector width, FMA), the random numbers do not.
 *
 * Memory is bounded whatever the size (all W at 4096² × 1000 would be 134 GB, all h 8 GB):
 *  - weights: every W^l, b^l is kept when L·(N² + N) doubles fit memory.weightBytes, else each
 *    is regenerated from its stream when needed (one N × N buffer);
 *  - activations: φ′(h^l) of every layer is kept when L·N·B doubles fit memory.activationBytes,
 *    else φ(h) is kept every k = ⌈√L⌉ layers and each segment's φ′(h) recomputed in the backward
 *    pass: at most ⌈L/k⌉ + k ≤ 64 matrices of N × B (512 MiB at the largest size);
 *  - besides: six N × B work matrices (48 MiB at the largest size) and, when the weights are
 *    not kept, one N × N (128 MiB).
 * So with the default budgets a simulation holds at most about 0.85 GB.
 *
 * progress, if given, is called after each forward, recomputed and backward layer; returning
 * false cancels (the result then has cancelled set and no layers). Refused inputs: error set.
 *
 * sampledLayers asks for the values of h^l at those layers (ids outside 1…L and repeats are
 * ignored), e.g. for histograms: the first sampleLimit of the N·B values each, taken in the
 * forward pass, so they cost no recomputation and the statistics do not change.
 */
SimulationResult simulateNetwork(const ActivationFunction &phi, const NetworkSettings &settings,
                                 double epsilon, std::uint64_t seed,
                                 const SimulationProgress &progress = {},
                                 const SimulationMemory &memory = {},
                                 const QList<int> &sampledLayers = {},
                                 qsizetype sampleLimit = DefaultSampleLimit);
