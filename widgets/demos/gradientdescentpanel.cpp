#include "gradientdescentpanel.h"

#include "activationcatalogue.h"
#include "numberspinbox.h"
#include "numbertext.h"
#include "xychartwidget.h"
#include "sliderplayer.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr double SliderScale = 100; // sliders move in steps of 0.01
constexpr double DefaultFrom = -6;  // the loss curve's θ range before a trajectory widens it
constexpr double DefaultTo = 6;
constexpr double WidestTheta = 1e6; // beyond this the curve would be a flat line anyway
constexpr int MostMarkers = 300;    // markers on the trajectory; the line carries the rest

void describe(QWidget *a, QWidget *b, const QString &name, const QString &tip)
{
    for (QWidget *w : {a, b}) {
        w->setAccessibleName(name);
        w->setToolTip(tip);
    }
}

} // namespace

GradientDescentPanel::GradientDescentPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Gradient descent"));
    setAccessibleDescription(tr("One neuron learning by θ′ = θ − η·∂L/∂θ: play, pause, step or "
                                "reset the descent and watch θ on its loss curve"));

    createSetupControls();
    createRunControls();
    createChart();
    layOut();
    connectControls();

    restart();
}

// The neuron and its descent: the activation, θ₀, η, the target y and the input x.
void GradientDescentPanel::createSetupControls()
{
    m_activation = new QComboBox(this);
    m_activation->setObjectName(QStringLiteral("activationCombo"));
    m_activation->setAccessibleName(tr("Activation"));
    m_activation->setToolTip(tr("The activation f of the neuron ŷ = f(θ·x)"));
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        m_activation->addItem(spec.displayName, spec.id);
    m_activation->setCurrentIndex(std::max(0, m_activation->findData(QStringLiteral("sigmoid"))));

    m_thetaSlider = new QSlider(this);
    m_thetaSlider->setObjectName(QStringLiteral("thetaSlider"));
    m_thetaSpin = new NumberSpinBox(this);
    m_thetaSpin->setObjectName(QStringLiteral("thetaSpin"));
    bindSliderToSpinBox(m_thetaSlider, m_thetaSpin, -6, 6, 4, SliderScale);
    describe(m_thetaSlider, m_thetaSpin, tr("Starting θ"), tr("θ₀, where the descent starts"));

    m_etaSlider = new QSlider(this);
    m_etaSlider->setObjectName(QStringLiteral("etaSlider"));
    m_etaSpin = new NumberSpinBox(this);
    m_etaSpin->setObjectName(QStringLiteral("etaSpin"));
    bindSliderToSpinBox(m_etaSlider, m_etaSpin, 0.01, 5, 1, SliderScale);
    describe(m_etaSlider, m_etaSpin, tr("Learning rate"), tr("η in θ′ = θ − η·∂L/∂θ"));

    m_targetSlider = new QSlider(this);
    m_targetSlider->setObjectName(QStringLiteral("targetSlider"));
    m_targetSpin = new NumberSpinBox(this);
    m_targetSpin->setObjectName(QStringLiteral("targetSpin"));
    bindSliderToSpinBox(m_targetSlider, m_targetSpin, -1, 2, 0.2, SliderScale);
    describe(m_targetSlider, m_targetSpin, tr("Target y"), tr("y, the output the neuron should learn"));

    m_inputSlider = new QSlider(this);
    m_inputSlider->setObjectName(QStringLiteral("inputSlider"));
    m_inputSpin = new NumberSpinBox(this);
    m_inputSpin->setObjectName(QStringLiteral("inputSpin"));
    bindSliderToSpinBox(m_inputSlider, m_inputSpin, -3, 3, 1, SliderScale);
    describe(m_inputSlider, m_inputSpin, tr("Input x"), tr("x, the fixed input of the neuron"));
}

// The speed, the play/pause/step/reset buttons, the read-out, the status line and the timer.
void GradientDescentPanel::createRunControls()
{
    m_speedSlider = new QSlider(Qt::Horizontal, this);
    m_speedSlider->setObjectName(QStringLiteral("speedSlider"));
    m_speedSlider->setRange(1, 60);
    m_speedSlider->setValue(5);
    m_speedSlider->setAccessibleName(tr("Speed"));
    m_speedSlider->setToolTip(tr("Steps per second while playing"));

    auto makeButton = [this](const char *name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        return b;
    };
    m_playButton = makeButton("playButton", tr("Play"), tr("Take steps one after another"));
    m_pauseButton = makeButton("pauseButton", tr("Pause"), tr("Stop taking steps"));
    m_stepButton = makeButton("stepButton", tr("Step"), tr("Take one step θ′ = θ − η·∂L/∂θ"));
    m_resetButton = makeButton("resetButton", tr("Reset"), tr("Back to θ₀"));

    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("readoutLabel"));
    m_readout->setAccessibleName(tr("Current step"));
    m_readout->setToolTip(tr("The step k, θ_k, the gradient ∂L/∂θ and the loss L at θ_k"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setAccessibleName(tr("Run status"));
    m_message->setWordWrap(true);

    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("playTimer"));
}

void GradientDescentPanel::createChart()
{
    using Axis = XYChartWidget::Axis;
    const QColor blue(0x1f, 0x77, 0xb4);
    const QColor orange(0xff, 0x7f, 0x0e);
    const QColor red(0xd6, 0x27, 0x28);
    m_chart = new XYChartWidget(this);
    m_chart->setObjectName(QStringLiteral("lossChart"));
    m_chart->setTitle(tr("Loss L(θ) = ½(f(θ·x) − y)² and the descent"));
    m_chart->setAxisTitle(Axis::X, tr("θ"));
    m_chart->setAxisTitle(Axis::Y, tr("L(θ)"));
    m_lossSeries = m_chart->addLine(tr("L(θ)"), {blue, 1.25});
    m_trajectory = m_chart->addLine(tr("θ_k"), {orange, 0.75});
    XYSeriesStyle iterates{orange};
    iterates.markerSize = 7;
    iterates.inLegend = false;
    m_trajectoryPoints = m_chart->addScatter(QString(), iterates);
    XYSeriesStyle current{red};
    current.markerSize = 12;
    current.outlined = true;
    m_currentPoint = m_chart->addScatter(tr("current θ"), current);
    m_chart->setMinimumSize(420, 300);
    const QString about = tr("The loss over θ, with the iterates θ_k drawn on it");
    m_chart->setAccessibleText(tr("Loss curve with the descent"), about);
    m_chart->setToolTip(about);
}

void GradientDescentPanel::layOut()
{
    auto *form = new QFormLayout;
    // The descent's own speed slider has no play button: it is the pace of Play below.
    auto row = [this](QSlider *slider, QWidget *spin) {
        auto *box = new QHBoxLayout;
        box->addWidget(slider, 1);
        box->addWidget(new SliderPlayer(slider, slider->accessibleName(), this));
        box->addWidget(spin);
        return box;
    };
    form->addRow(tr("Activation"), m_activation);
    form->addRow(tr("Start θ₀"), row(m_thetaSlider, m_thetaSpin));
    form->addRow(tr("Learning rate η"), row(m_etaSlider, m_etaSpin));
    form->addRow(tr("Target y"), row(m_targetSlider, m_targetSpin));
    form->addRow(tr("Input x"), row(m_inputSlider, m_inputSpin));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_playButton);
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_stepButton);
    buttons->addWidget(m_resetButton);
    buttons->addSpacing(12);
    buttons->addWidget(new QLabel(tr("Speed"), this));
    buttons->addWidget(m_speedSlider, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_readout);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addLayout(form);
}

void GradientDescentPanel::connectControls()
{
    connect(m_playButton, &QPushButton::clicked, this, &GradientDescentPanel::play);
    connect(m_pauseButton, &QPushButton::clicked, this, &GradientDescentPanel::pause);
    connect(m_stepButton, &QPushButton::clicked, this, [this] { stepOnce(); });
    connect(m_resetButton, &QPushButton::clicked, this, &GradientDescentPanel::reset);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!stepOnce())
            pause();
    });
    connect(m_speedSlider, &QSlider::valueChanged, this,
            [this](int v) { m_timer->setInterval(1000 / std::max(1, v)); });
    m_timer->setInterval(1000 / speed());
    connect(m_activation, &QComboBox::currentIndexChanged, this, &GradientDescentPanel::restart);
    for (QSlider *s : {m_thetaSlider, m_etaSlider, m_targetSlider, m_inputSlider})
        connect(s, &QSlider::valueChanged, this, &GradientDescentPanel::restart);
}

GradientDescentPanel::~GradientDescentPanel() = default;

QString GradientDescentPanel::activationId() const { return m_activation->currentData().toString(); }
double GradientDescentPanel::theta0() const { return m_thetaSpin->value(); }
double GradientDescentPanel::learningRate() const { return m_etaSpin->value(); }
double GradientDescentPanel::target() const { return m_targetSpin->value(); }
double GradientDescentPanel::input() const { return m_inputSpin->value(); }
int GradientDescentPanel::speed() const { return m_speedSlider->value(); }
bool GradientDescentPanel::isPlaying() const { return m_timer->isActive(); }
QString GradientDescentPanel::readout() const { return m_readout->text(); }
QString GradientDescentPanel::message() const { return m_message->text(); }

void GradientDescentPanel::setAppearance(const ChartAppearance &appearance)
{
    m_chart->setAppearance(appearance);
}

void GradientDescentPanel::setActivation(const QString &id)
{
    const int i = m_activation->findData(id);
    if (i >= 0)
        m_activation->setCurrentIndex(i);
}
void GradientDescentPanel::setTheta0(double theta) { m_thetaSpin->setValue(theta); }
void GradientDescentPanel::setLearningRate(double eta) { m_etaSpin->setValue(eta); }
void GradientDescentPanel::setTarget(double y) { m_targetSpin->setValue(y); }
void GradientDescentPanel::setInput(double x) { m_inputSpin->setValue(x); }
void GradientDescentPanel::setSpeed(int stepsPerSecond) { m_speedSlider->setValue(stepsPerSecond); }

void GradientDescentPanel::play()
{
    if (!m_descent.isValid())
        return;
    setMessage(QString());
    m_timer->start();
    m_playButton->setEnabled(false);
    m_pauseButton->setEnabled(true);
}

void GradientDescentPanel::pause()
{
    m_timer->stop();
    m_playButton->setEnabled(m_descent.isValid());
    m_pauseButton->setEnabled(false);
}

bool GradientDescentPanel::stepOnce()
{
    if (!m_descent.step()) {
        const GradientDescentStep now = m_descent.current();
        if (!m_descent.isValid())
            setMessage(tr("No run: the setup was refused."));
        else if (now.step >= GradientDescent::MaxSteps)
            setMessage(tr("Stopped after %1 steps, the most a run takes.").arg(GradientDescent::MaxSteps));
        else
            setMessage(tr("Stopped: θ diverged (θ_%1 = %2). Try a smaller η.")
                           .arg(now.step)
                           .arg(NumberText::brief(now.theta)));
        pause();
        return false;
    }
    const GradientDescentStep now = m_descent.current();
    if (now.gradient == 0)
        setMessage(tr("∂L/∂θ is exactly 0: θ cannot move any more."));
    else if (!std::isfinite(now.theta))
        setMessage(tr("θ is no longer finite: the descent diverged. Try a smaller η."));
    updateView();
    return true;
}

void GradientDescentPanel::reset()
{
    pause();
    m_descent.reset();
    setMessage(QString());
    updateLossCurve();
    updateView();
}

void GradientDescentPanel::restart()
{
    pause();
    GradientDescentSetup setup;
    setup.spec = ActivationCatalogue::find(activationId());
    if (setup.spec)
        setup.parameters = setup.spec->defaults();
    setup.x = input();
    setup.target = target();
    setup.learningRate = learningRate();
    setup.theta0 = theta0();
    const QString error = m_descent.setup(setup);
    setMessage(error);
    m_curveFrom = m_curveTo = 0; // forces a new loss curve
    updateLossCurve();
    updateView();
}

void GradientDescentPanel::updateLossCurve()
{
    double from = DefaultFrom;
    double to = DefaultTo;
    for (const GradientDescentStep &s : m_descent.history()) {
        if (std::isfinite(s.theta) && std::abs(s.theta) <= WidestTheta) {
            from = std::min(from, s.theta - 1);
            to = std::max(to, s.theta + 1);
        }
    }
    if (from == m_curveFrom && to == m_curveTo)
        return;
    m_curveFrom = from;
    m_curveTo = to;
    const QList<QPointF> curve = m_descent.lossCurve(from, to);
    m_chart->replace(m_lossSeries, curve);
    double top = 0;
    for (const QPointF &p : curve)
        top = std::max(top, p.y());
    using Axis = XYChartWidget::Axis;
    m_chart->setRange(Axis::X, from, to);
    m_chart->setRange(Axis::Y, 0, top > 0 ? top * 1.08 : 1);
    m_chart->applyNiceNumbers(Axis::Y);
}

void GradientDescentPanel::updateView()
{
    const QList<GradientDescentStep> &history = m_descent.history();
    // A widened trajectory needs the curve under it.
    if (!history.isEmpty()) {
        const double theta = history.last().theta;
        if (std::isfinite(theta) && std::abs(theta) <= WidestTheta
            && (theta < m_curveFrom + 0.5 || theta > m_curveTo - 0.5))
            updateLossCurve();
    }
    QList<QPointF> path;
    path.reserve(history.size());
    for (const GradientDescentStep &s : history)
        if (std::isfinite(s.theta) && std::isfinite(s.loss))
            path.append(QPointF(s.theta, s.loss));
    m_chart->replace(m_trajectory, path);
    m_chart->replace(m_trajectoryPoints,
                     path.size() <= MostMarkers ? path : path.mid(path.size() - MostMarkers));
    m_chart->replace(m_currentPoint, path.isEmpty() ? QList<QPointF>() : QList<QPointF>{path.last()});

    if (m_descent.isValid()) {
        const GradientDescentStep now = m_descent.current();
        m_readout->setText(tr("k = %1    θ = %2    ∂L/∂θ = %3    L = %4")
                               .arg(now.step)
                               .arg(NumberText::brief(now.theta), NumberText::brief(now.gradient),
                                    NumberText::brief(now.loss)));
    } else {
        m_readout->setText(QString());
    }
    m_playButton->setEnabled(m_descent.isValid() && !m_timer->isActive());
    m_pauseButton->setEnabled(m_timer->isActive());
    m_stepButton->setEnabled(m_descent.isValid());
    m_resetButton->setEnabled(m_descent.isValid());
    emit runChanged();
}

void GradientDescentPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}
