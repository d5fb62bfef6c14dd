#include "simulationjob.h"

#include <QThread>

SimulationJob::SimulationJob(QObject *parent) : QObject(parent) { }

SimulationJob::~SimulationJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

QString SimulationJob::start(const ActivationFunction &phi, const NetworkSettings &settings,
                             double epsilon, std::uint64_t seed, const QList<int> &sampledLayers)
{
    if (m_thread)
        return tr("a simulation is already running");
    if (const QString reason = checkSimulation(phi, settings, epsilon); !reason.isEmpty())
        return reason;
    m_cancel = false;
    m_thread.reset(QThread::create([this, phi, settings, epsilon, seed, sampledLayers] {
        const SimulationResult result = simulateNetwork(
            phi, settings, epsilon, seed, [this](int done, int total) {
                // Queued to the job's thread; dropped if the job is gone by then.
                QMetaObject::invokeMethod(
                    this, [this, done, total] { Q_EMIT progress(done, total); },
                    Qt::QueuedConnection);
                return !m_cancel.load();
            },
            SimulationMemory(), sampledLayers);
        QMetaObject::invokeMethod(
            this, [this, result] { complete(result); }, Qt::QueuedConnection);
    }));
    m_thread->start();
    return {};
}

void SimulationJob::cancel()
{
    m_cancel = true;
}

void SimulationJob::complete(const SimulationResult &result)
{
    m_thread->wait();
    m_thread.reset();
    if (result.cancelled) {
        Q_EMIT cancelled();
        return;
    }
    m_layers = result.layers;
    m_samples = result.samples;
    Q_EMIT finished();
}
