#pragma once

#include "networksimulation.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

/**
 * Runs simulateNetwork on a worker thread for a window: progress while it runs, then finished()
 * (results in layers()) or cancelled(). One simulation at a time; destroying the job cancels a
 * running one and waits for its thread. Signals are emitted in the job's own thread.
 */
class SimulationJob : public QObject
{
    Q_OBJECT

public:
    explicit SimulationJob(QObject *parent = nullptr);
    ~SimulationJob() override;

    /**
     * Starts a simulation; empty when it started, else why not (invalid inputs, checkSimulation's
     * message, or one is already running). The activation is copied.
     */
    QString start(const ActivationFunction &phi, const NetworkSettings &settings, double epsilon,
                  std::uint64_t seed, const QList<int> &sampledLayers = {});
    /** Asks a running simulation to stop after its current layer; cancelled() follows. */
    void cancel();
    /** True from a successful start() until finished() or cancelled(). */
    bool isRunning() const { return bool(m_thread); }
    /** The last finished simulation's layers. */
    const QList<SimulationLayer> &layers() const { return m_layers; }
    /** The last finished simulation's h^l at the layers start() asked for. */
    const QList<LayerSamples> &samples() const { return m_samples; }

Q_SIGNALS:
    /** done of total steps (forward, recomputed and backward layers) are complete. */
    void progress(int done, int total);
    /** The simulation completed; layers() holds its result. */
    void finished();
    /** The simulation stopped at cancel(); layers() is unchanged. */
    void cancelled();

private:
    void complete(const SimulationResult &result);

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancel{false};
    QList<SimulationLayer> m_layers;
    QList<LayerSamples> m_samples;
};
