#pragma once

#include "activationfunction.h"
#include "meanfieldtheory.h"
#include "networksettings.h"
#include "networksimulation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

/**
 * A deep network at initialization for one activation, as the command line exports it: the
 * mean-field theory of its depth curve and one seeded simulation.
 */
struct NetworkReport
{
    const ActivationSpec *spec = nullptr;
    ParameterValues parameters;
    NetworkSettings settings;
    std::uint64_t seed = 1;
    double epsilon = 0.01;
    QList<MeanFieldLayer> theory;                 ///< l = 1…L
    std::optional<double> fixedPoint;             ///< q*; null where it overflows or is none
    std::optional<double> chi1;                   ///< χ₁ at q*
    std::optional<double> criticalWeightVariance; ///< σ_w² on χ₁ = 1 at this σ_b²; null if none
    QList<SimulationLayer> simulation;            ///< l = 1…L
};

/** The largest seed a report takes: JSON numbers are exact up to 2^53 − 1. */
constexpr std::uint64_t MaxNetworkSeed = (std::uint64_t(1) << 53) - 1;

/**
 * Computes report for phi (a catalogue activation with its parameters, or a typed expression):
 * the theory, then the simulation with seed. False with *error set when the settings, ε or the
 * activation are refused (checkSimulation()).
 */
bool computeNetworkReport(const ActivationFunction &phi, const NetworkSettings &settings,
                          double epsilon, std::uint64_t seed, NetworkReport *report,
                          QString *error = nullptr);

/** The phase χ₁ puts a network in, as the JSON names it: "ordered", "critical", "chaotic". */
QString networkPhaseName(NetworkPhase phase);

/**
 * As indented JSON:
 * {"format": "activation-explorer-network", "version": 1, "id", "parameters", "weight_variance",
 *  "bias_variance", "depth", "width", "batch", "seed", "epsilon",
 *  "theory": {"fixed_point_q", "chi1", "phase", "critical_weight_variance",
 *             "layers": [{"layer", "q", "grad_norm_ratio"}, …]},
 *  "simulation": {"layers": [{"layer", "variance", "grad_norm_ratio", "saturated_fraction",
 *                             "zero_fraction", "dead_fraction"}, …]}}
 * A value that overflowed or does not exist is null; doubles round-trip.
 */
QByteArray networkToJson(const NetworkReport &report);

/**
 * One row per layer: "layer,q,grad_norm_ratio,sim_variance,sim_grad_norm_ratio,
 * saturated_fraction,zero_fraction,dead_fraction"; an empty field where the JSON has null.
 */
QByteArray networkToCsv(const NetworkReport &report);
