#pragma once

#include "activationfunction.h"
#include "networksimulation.h"
#include "phasediagram.h"

#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <cstdint>
#include <optional>

class MeanFieldTheory;
class NumberSpinBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class QSlider;
class QSpinBox;
class QThread;
class QTimer;
class SceneModel;
class SimulationJob;
class XYChartWidget;
class XYRangeBars;
struct ChartAppearance;

/**
 * "Deep Network at Initialization": a fully connected network of the scene's selected activation
 * with weights N(0, σ_w²/N) and biases N(0, σ_b²). The mean-field theory's q^l and gradient norm
 * ratio r^l against the layer (lines), a seeded simulation's (dots, min–max over the seeds), the
 * histograms of h^l at four depths (Glorot & Bengio's figure) and the (σ_w², σ_b²) phase diagram
 * coloured by log χ with the critical line.
 *
 * The theory follows every change at once; the simulation runs on a worker thread after the
 * controls rest (Seeds runs, one after another), and a new change cancels it.
 */
class NetworkPanel : public QWidget
{
    Q_OBJECT

public:
    /** Simulations per setting: their mean is the dot, their min and max the bar. */
    static constexpr int Seeds = 4;
    /** Milliseconds the controls must rest before the simulation starts. */
    static constexpr int SimulationDelay = 400;
    /** The phase diagram's cells. */
    static constexpr int PhaseColumns = 60;
    static constexpr int PhaseRows = 40;
    static constexpr double MaxWeightVariance = 4.0;
    static constexpr double MaxBiasVariance = 0.5;

    explicit NetworkPanel(QWidget *parent = nullptr);
    ~NetworkPanel() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;
    /** The scene row whose function is φ (−1: none); followed when rows move. */
    void setCurrentRow(int row);
    int currentRow() const;

    double weightVariance() const { return m_weightVariance; }
    double biasVariance() const { return m_biasVariance; }
    int depth() const;
    int width() const;
    /** The simulation's batch of inputs B (64; tests make it smaller). */
    int batch() const { return m_batch; }
    void setWeightVariance(double v);
    void setBiasVariance(double v);
    void setDepth(int layers);
    void setWidth(int units);
    void setBatch(int inputs);
    /** The seeds of the simulations: first, first + 1, … (1 by default). */
    void setFirstSeed(std::uint64_t first);
    std::uint64_t firstSeed() const { return m_firstSeed; }
    /** Sets σ_w² and σ_b² from the preset with this id; false if there is none. */
    bool applyPreset(const QString &id);
    /** The preset the variances come from, or empty once a slider moved them. */
    QString presetId() const { return m_presetId; }

    /** φ, when the selected row holds an activation (or an expression); else why not in message(). */
    std::optional<ActivationFunction> activation() const { return m_phi; }
    /** Why there is nothing to show (a loss or nothing selected), or empty. */
    QString message() const;
    /** q*, χ₁, the phase in words and the critical σ_w² at this σ_b². */
    QString summary() const;
    /** The layers whose h^l the histograms show: 1, L/4, L/2, L (without repeats). */
    QList<int> histogramLayers() const;

    XYChartWidget *depthChart() const { return m_depthChart; }
    XYChartWidget *histogramChart() const { return m_histogramChart; }
    XYChartWidget *phaseChart() const { return m_phaseChart; }
    /** (l, log10 q^l) and (l, log10 r^l) of the theory; nulls, zeros and NaN left out. */
    QLineSeries *theoryVarianceSeries() const { return m_theoryVariance; }
    QLineSeries *theoryGradientSeries() const { return m_theoryGradient; }
    /** The simulations' means, (l, log10 mean), and their min–max bars. */
    QScatterSeries *simulatedVarianceSeries() const { return m_simVariance; }
    QScatterSeries *simulatedGradientSeries() const { return m_simGradient; }
    XYRangeBars *varianceSpread() const { return m_varianceSpread; }
    XYRangeBars *gradientSpread() const { return m_gradientSpread; }
    /** One outline per histogram layer: (h, share of the values in the bin). */
    QList<QLineSeries *> histogramSeries() const { return m_histograms; }
    QLineSeries *criticalLineSeries() const { return m_criticalLine; }
    QScatterSeries *currentSettingSeries() const { return m_current; }
    /** The phase diagram as computed (empty until the worker is done). */
    const PhaseDiagram &phaseDiagram() const { return m_phase; }

    bool isSimulating() const;
    /** True while the controls rest before a simulation. */
    bool isSimulationPending() const;
    /** The colour a cell with this log10 χ gets: blue ordered, white critical, red chaotic. */
    static QColor phaseColour(double log10Chi);

    /** The charts' colours, line widths and text size: the theme's, or presentation mode's. */
    void setAppearance(const ChartAppearance &appearance);

protected:
    /// Closed (hidden after being shown), the panel stops following the scene and stops its
    /// simulation: a closed demonstration costs the main window's frames nothing. Shown again,
    /// it catches up.
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

signals:
    /** The theory's curves and the summary were recomputed. */
    void theoryUpdated();
    /** All Seeds simulations finished and their dots and histograms are drawn. */
    void simulationFinished();
    /** A running simulation stopped because the setting changed. */
    void simulationCancelled();
    /** The phase diagram of the current activation is drawn. */
    void phaseDiagramReady();

private:
    void createControls();
    void createCharts();
    void layOut();
    void connectControls();

    /** The scene or its row changed: take φ again, and everything that depends on it. */
    void refreshActivation();
    /** σ_w², σ_b², L or N changed. */
    void settingsChanged();
    void updateTheory();
    void updatePhaseMarker();
    void startPhaseDiagram();
    void stopPhaseDiagram();
    void showPhaseDiagram(const PhaseDiagram &diagram);

    void clearSimulation();
    void startSimulation();
    void startSeed();
    void seedFinished();
    void showSimulation();
    void fitDepthAxis();
    NetworkSettings settings() const;

    // The scene and its row.
    QPointer<SceneModel> m_scene;
    QPersistentModelIndex m_row;
    std::optional<ActivationFunction> m_phi;
    std::unique_ptr<MeanFieldTheory> m_theory;
    QString m_message;

    // The setting: exact values (a preset's 1/3 is not the spin box's 0.3333).
    double m_weightVariance = 2.0;
    double m_biasVariance = 0.0;
    int m_batch = 64;
    QString m_presetId = QStringLiteral("kaiming_normal");

    QSlider *m_weightSlider = nullptr;
    NumberSpinBox *m_weightSpin = nullptr;
    QSlider *m_biasSlider = nullptr;
    NumberSpinBox *m_biasSpin = nullptr;
    QSlider *m_depthSlider = nullptr;
    QSpinBox *m_depthSpin = nullptr;
    QSlider *m_widthSlider = nullptr;
    QSpinBox *m_widthSpin = nullptr;
    QList<QPushButton *> m_presetButtons;
    QLabel *m_summary = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_phaseKey = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_simulationStatus = nullptr;

    XYChartWidget *m_depthChart = nullptr;
    QLineSeries *m_theoryVariance = nullptr;
    QLineSeries *m_theoryGradient = nullptr;
    QScatterSeries *m_simVariance = nullptr;
    QScatterSeries *m_simGradient = nullptr;
    XYRangeBars *m_varianceSpread = nullptr;
    XYRangeBars *m_gradientSpread = nullptr;
    XYChartWidget *m_histogramChart = nullptr;
    QList<QLineSeries *> m_histograms;
    XYChartWidget *m_phaseChart = nullptr;
    QLineSeries *m_criticalLine = nullptr;
    QScatterSeries *m_current = nullptr;

    // The simulation: Seeds runs of one job, one after another.
    SimulationJob *m_job = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_startWhenIdle = false;
    bool m_simulationCurrent = false; ///< the running seeds are of the settings shown now
    std::uint64_t m_firstSeed = 1;
    bool m_suspended = false; ///< hidden after being shown: scene changes wait for the next show
    int m_seed = 0;
    NetworkSettings m_running;
    QList<QList<SimulationLayer>> m_runs;
    QList<LayerSamples> m_samples; // pooled over the seeds, by layer

    // The phase diagram, computed on its own thread once per activation.
    PhaseDiagram m_phase;
    std::unique_ptr<QThread> m_phaseThread;
    std::shared_ptr<std::atomic<bool>> m_phaseCancel;
    int m_phaseGeneration = 0;
};
