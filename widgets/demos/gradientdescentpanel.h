#pragma once

#include "gradientdescent.h"

#include <QWidget>

class NumberSpinBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QSlider;
class QTimer;
class XYChartWidget;
struct ChartAppearance;

/**
 * "Gradient descent": one neuron ŷ = f(θ·x) with one parameter, θ ← θ − η·∂L/∂θ animated step by
 * step, its trajectory drawn on the loss curve L(θ).
 */
class GradientDescentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GradientDescentPanel(QWidget *parent = nullptr);
    ~GradientDescentPanel() override;

    /** The run shown; history() holds θ_0 … θ_k. */
    const GradientDescent &descent() const { return m_descent; }
    QString activationId() const;
    double theta0() const;
    double learningRate() const;
    double target() const;
    double input() const;
    /** Steps per second while playing. */
    int speed() const;
    bool isPlaying() const;
    /** The k, θ, ∂L/∂θ, L line. */
    QString readout() const;
    /** Why the run stopped, or empty. */
    QString message() const;

    void setActivation(const QString &id);
    void setTheta0(double theta);
    void setLearningRate(double eta);
    void setTarget(double y);
    void setInput(double x);
    void setSpeed(int stepsPerSecond);

    XYChartWidget *chartWidget() const { return m_chart; }
    QLineSeries *lossSeries() const { return m_lossSeries; }
    QLineSeries *trajectorySeries() const { return m_trajectory; }
    QTimer *timer() const { return m_timer; }

    /** The chart's colours, line widths and text size: the theme's, or presentation mode's. */
    void setAppearance(const ChartAppearance &appearance);

public slots:
    void play();
    void pause();
    /** One step; false when the model refuses (divergence, the cap, no valid setup). */
    bool stepOnce();
    /** Back to θ₀. */
    void reset();

signals:
    /** The run changed: a step, a reset or a new setup. */
    void runChanged();

private:
    void createSetupControls();
    void createRunControls();
    void createChart();
    void layOut();
    void connectControls();

    void restart();
    void updateView();
    void updateLossCurve();
    void setMessage(const QString &text);

    GradientDescent m_descent;
    QComboBox *m_activation = nullptr;
    QSlider *m_thetaSlider = nullptr;
    NumberSpinBox *m_thetaSpin = nullptr;
    QSlider *m_etaSlider = nullptr;
    NumberSpinBox *m_etaSpin = nullptr;
    QSlider *m_targetSlider = nullptr;
    NumberSpinBox *m_targetSpin = nullptr;
    QSlider *m_inputSlider = nullptr;
    NumberSpinBox *m_inputSpin = nullptr;
    QSlider *m_speedSlider = nullptr;
    QPushButton *m_playButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_stepButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QLabel *m_readout = nullptr;
    QLabel *m_message = nullptr;
    QTimer *m_timer = nullptr;
    XYChartWidget *m_chart = nullptr;
    QLineSeries *m_lossSeries = nullptr;
    QLineSeries *m_trajectory = nullptr;
    QScatterSeries *m_trajectoryPoints = nullptr;
    QScatterSeries *m_currentPoint = nullptr;
    double m_curveFrom = 0;
    double m_curveTo = 0;
};
