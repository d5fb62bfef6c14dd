#include "networkexport.h"

#include "dataexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace {

QJsonValue jsonNumber(std::optional<double> v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QByteArray csvNumber(std::optional<double> v)
{
    return v && std::isfinite(*v) ? exportNumber(*v) : QByteArray();
}

} // namespace

bool computeNetworkReport(const ActivationFunction &phi, const NetworkSettings &settings,
                          double epsilon, std::uint64_t seed, NetworkReport *report,
                          QString *error)
{
    const QString problem = checkSimulation(phi, settings, epsilon);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    NetworkReport r;
    r.spec = &phi.spec();
    r.parameters = phi.parameters();
    r.settings = settings;
    r.seed = seed;
    r.epsilon = epsilon;
    const MeanFieldTheory theory(phi);
    r.theory = theory.depthCurve(settings.weightVariance, settings.biasVariance, settings.depth);
    r.fixedPoint = theory.fixedPoint(settings.weightVariance, settings.biasVariance);
    if (r.fixedPoint)
        r.chi1 = theory.chi1AtFixedPoint(settings.weightVariance, *r.fixedPoint);
    r.criticalWeightVariance = theory.criticalWeightVariance(settings.biasVariance);
    const SimulationResult simulation = simulateNetwork(phi, settings, epsilon, seed);
    if (!simulation.error.isEmpty()) {
        if (error)
            *error = simulation.error;
        return false;
    }
    r.simulation = simulation.layers;
    *report = std::move(r);
    return true;
}

QString networkPhaseName(NetworkPhase phase)
{
    switch (phase) {
    case NetworkPhase::Ordered:
        return QStringLiteral("ordered");
    case NetworkPhase::Critical:
        return QStringLiteral("critical");
    case NetworkPhase::Chaotic:
        return QStringLiteral("chaotic");
    }
    return {};
}

QByteArray networkToJson(const NetworkReport &report)
{
    QJsonArray theoryLayers;
    for (const MeanFieldLayer &l : report.theory) {
        theoryLayers.append(QJsonObject {
            { QStringLiteral("layer"), l.layer },
            { QStringLiteral("q"), jsonNumber(l.variance) },
            { QStringLiteral("grad_norm_ratio"), jsonNumber(l.gradientNormRatio) },
        });
    }
    QJsonArray simulationLayers;
    for (const SimulationLayer &l : report.simulation) {
        simulationLayers.append(QJsonObject {
            { QStringLiteral("layer"), l.layer },
            { QStringLiteral("variance"), jsonNumber(l.variance) },
            { QStringLiteral("grad_norm_ratio"), jsonNumber(l.gradientNormRatio) },
            { QStringLiteral("saturated_fraction"), jsonNumber(l.saturatedFraction) },
            { QStringLiteral("zero_fraction"), jsonNumber(l.zeroFraction) },
            { QStringLiteral("dead_fraction"), jsonNumber(l.deadFraction) },
        });
    }
    const QJsonValue phase = report.chi1 && std::isfinite(*report.chi1)
            ? QJsonValue(networkPhaseName(MeanFieldTheory::phase(*report.chi1)))
            : QJsonValue(QJsonValue::Null);
    const QJsonObject theory {
        { QStringLiteral("fixed_point_q"), jsonNumber(report.fixedPoint) },
        { QStringLiteral("chi1"), jsonNumber(report.chi1) },
        { QStringLiteral("phase"), phase },
        { QStringLiteral("critical_weight_variance"), jsonNumber(report.criticalWeightVariance) },
        { QStringLiteral("layers"), theoryLayers },
    };
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("activation-explorer-network") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("id"), report.spec ? report.spec->id : QString() },
        { QStringLiteral("parameters"),
          report.spec ? parametersJson(*report.spec, report.parameters) : QJsonObject() },
        { QStringLiteral("weight_variance"), report.settings.weightVariance },
        { QStringLiteral("bias_variance"), report.settings.biasVariance },
        { QStringLiteral("depth"), report.settings.depth },
        { QStringLiteral("width"), report.settings.width },
        { QStringLiteral("batch"), report.settings.batch },
        { QStringLiteral("seed"), double(report.seed) }, // exact: at most MaxNetworkSeed
        { QStringLiteral("epsilon"), report.epsilon },
        { QStringLiteral("theory"), theory },
        { QStringLiteral("simulation"),
          QJsonObject { { QStringLiteral("layers"), simulationLayers } } },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray networkToCsv(const NetworkReport &report)
{
    QByteArray csv = "layer,q,grad_norm_ratio,sim_variance,sim_grad_norm_ratio,saturated_fraction,"
                     "zero_fraction,dead_fraction\n";
    const qsizetype rows = std::max(report.theory.size(), report.simulation.size());
    for (qsizetype i = 0; i < rows; ++i) {
        const MeanFieldLayer theory = report.theory.value(i);
        const SimulationLayer sim = i < report.simulation.size()
                ? report.simulation[i]
                : SimulationLayer { int(i + 1), NAN, NAN, NAN, NAN, NAN };
        csv += QByteArray::number(qlonglong(i + 1));
        for (const std::optional<double> v :
             { theory.variance, theory.gradientNormRatio, std::optional<double>(sim.variance),
               std::optional<double>(sim.gradientNormRatio),
               std::optional<double>(sim.saturatedFraction),
               std::optional<double>(sim.zeroFraction), std::optional<double>(sim.deadFraction) }) {
            csv += ',';
            csv += csvNumber(v);
        }
        csv += '\n';
    }
    return csv;
}
