#pragma once

#include <QString>

/** The widest layer a network may have (N). */
constexpr int MaxNetworkWidth = 4096;
/** The narrowest layer a network may have. */
constexpr int MinNetworkWidth = 2;
/** The deepest network (L). */
constexpr int MaxNetworkDepth = 1000;
/** The largest batch of inputs a simulation pushes through (B). */
constexpr int MaxNetworkBatch = 256;

/**
 * A fully connected network at initialization: width N, depth L, weights W^l_ij ~ N(0, σ_w²/N),
 * biases b^l_i ~ N(0, σ_b²), and the batch of B inputs x ~ N(0, 1) a simulation uses.
 */
struct NetworkSettings
{
    double weightVariance = 2.0; ///< σ_w²
    double biasVariance = 0.0;   ///< σ_b²
    int width = 256;             ///< N
    int depth = 50;              ///< L
    int batch = 64;              ///< B
};

/**
 * Empty when the settings are valid (σ_w², σ_b² finite and ≥ 0, 1 ≤ L ≤ 1000, 2 ≤ N ≤ 4096,
 * 1 ≤ B ≤ 256), else a message naming the valid range, translated (context "NetworkSettings").
 */
QString checkNetworkSettings(const NetworkSettings &settings);
