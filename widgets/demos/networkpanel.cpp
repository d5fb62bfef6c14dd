#include "networkpanel.h"

#include "axisticks.h"
#include "initializationpreset.h"
#include "meanfieldtheory.h"
#include "numberspinbox.h"
#include "numbertext.h"
#include "scenemodel.h"
#include "simulationjob.h"
#include "xychartwidget.h"
#include "sliderplayer.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QHideEvent>
#include <QShowEvent>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace {

constexpr int HistogramBins = 40;
constexpr double PhaseColourRange = 0.5; // |log10 χ| at which the colours are full
const QColor VarianceColour(0x1f, 0x77, 0xb4); // q^l: blue
const QColor GradientColour(0xd6, 0x27, 0x28); // r^l: red
// The histograms' four depths, light to dark along the depth (viridis' steps).
const QColor HistogramColours[] = {QColor(0x35, 0xb7, 0x79), QColor(0x21, 0x91, 0x8c),
                                   QColor(0x3b, 0x52, 0x8b), QColor(0x44, 0x01, 0x54)};

double log10OrNaN(double v)
{
    return v > 0 && std::isfinite(v) ? std::log10(v) : std::numeric_limits<double>::quiet_NaN();
}

void describe(QWidget *a, QWidget *b, const QString &name, const QString &description,
              const QString &tip)
{
    for (QWidget *w : {a, b}) {
        w->setAccessibleName(name);
        w->setAccessibleDescription(description);
        w->setToolTip(tip);
    }
}

// An integer tick step (layers, decades) for at most about eight labels.
double tickStep(double span)
{
    return std::max(1.0, AxisTicks::niceStep(span, 8));
}

} // namespace

NetworkPanel::NetworkPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Deep network at initialization"));
    setAccessibleDescription(tr("A deep fully connected network of the selected activation at "
                                "initialization: theory and simulation of its variance and "
                                "gradients through the layers, histograms of its "
                                "pre-activations, and the phase diagram of order and chaos"));
    m_job = new SimulationJob(this);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(SimulationDelay);

    createControls();
    createCharts();
    layOut();
    connectControls();
    refreshActivation();
}

NetworkPanel::~NetworkPanel()
{
    stopPhaseDiagram();
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

// σ_w², σ_b², depth and width, each a slider with a spin box, the presets and the read-outs.
void NetworkPanel::createControls()
{
    // A variance: a slider in steps of 1/ticks with a spin box of more decimals, which holds
    // a preset's value (1/768) more closely than the slider can.
    const auto variance = [this](QSlider *&slider, NumberSpinBox *&spin, const char *name,
                                 double to, double value, double ticks, int decimals) {
        slider = new QSlider(this);
        slider->setObjectName(QLatin1String(name) + QStringLiteral("Slider"));
        spin = new NumberSpinBox(this);
        spin->setObjectName(QLatin1String(name) + QStringLiteral("Spin"));
        bindSliderToSpinBox(slider, spin, 0, to, value, ticks);
        spin->setDecimals(decimals);
        spin->setSingleStep(1 / ticks);
    };
    variance(m_weightSlider, m_weightSpin, "weightVariance", MaxWeightVariance, m_weightVariance, 100, 4);
    describe(m_weightSlider, m_weightSpin, tr("Weight variance σ_w²"),
             tr("σ_w², the variance of every weight times the layer's width N: W_ij ~ N(0, σ_w²/N)"),
             tr("σ_w²: weights are drawn from N(0, σ_w²/N)"));
    variance(m_biasSlider, m_biasSpin, "biasVariance", MaxBiasVariance, m_biasVariance, 1000, 6);
    describe(m_biasSlider, m_biasSpin, tr("Bias variance σ_b²"),
             tr("σ_b², the variance of every bias: b_i ~ N(0, σ_b²)"),
             tr("σ_b²: biases are drawn from N(0, σ_b²)"));

    // A count: a slider and a spin box over the same integers (tied in connectControls()).
    const auto count = [this](QSlider *&slider, QSpinBox *&spin, const char *name, int from,
                              int to, int value) {
        slider = new QSlider(Qt::Horizontal, this);
        slider->setObjectName(QLatin1String(name) + QStringLiteral("Slider"));
        spin = new QSpinBox(this);
        spin->setObjectName(QLatin1String(name) + QStringLiteral("Spin"));
        slider->setRange(from, to);
        spin->setRange(from, to);
        slider->setValue(value);
        spin->setValue(value);
    };
    count(m_depthSlider, m_depthSpin, "depth", 1, MaxNetworkDepth, 50);
    describe(m_depthSlider, m_depthSpin, tr("Depth L"),
             tr("L, the number of layers, from 1 to %1").arg(MaxNetworkDepth),
             tr("L, the number of layers"));
    count(m_widthSlider, m_widthSpin, "width", MinNetworkWidth, MaxNetworkWidth, 256);
    describe(m_widthSlider, m_widthSpin, tr("Width N"),
             tr("N, the units of every layer, from %1 to %2; the theory is the limit of large N, "
                "the simulation uses N")
                     .arg(MinNetworkWidth)
                     .arg(MaxNetworkWidth),
             tr("N, the units of every layer (the simulation's width)"));

    // The presets, with where their numbers come from.
    const struct { const char *id; QString text; QString tip; } presets[] = {
        {"pytorch_default", tr("PyTorch default"),
         tr("nn.Linear's own initialisation (reset_parameters): weights and biases "
            "U(±1/√N), so σ_w² = 1/3 and σ_b² = 1/(3N), which follows the width")},
        {"xavier_normal", tr("Xavier normal"),
         tr("Glorot & Bengio 2010, torch.nn.init.xavier_normal_: std 1/√N for equal widths, "
            "σ_w² = 1, no bias")},
        {"xavier_uniform", tr("Xavier uniform"),
         tr("Glorot & Bengio 2010, torch.nn.init.xavier_uniform_: U(±√(3/N)) for equal "
            "widths, σ_w² = 1, no bias")},
        {"kaiming_normal", tr("Kaiming"),
         tr("He et al. 2015, torch.nn.init.kaiming_normal_ for relu: std √(2/N), σ_w² = 2, "
            "no bias")},
        {"lecun_normal", tr("LeCun normal"),
         tr("LeCun et al. 1998, the partner of SELU (Klambauer et al. 2017): std 1/√N, "
            "σ_w² = 1, no bias")},
    };
    for (const auto &p : presets) {
        if (!InitializationPresets::find(QString::fromLatin1(p.id)))
            continue;
        auto *button = new QPushButton(p.text, this);
        button->setObjectName(QLatin1String(p.id) + QStringLiteral("Button"));
        button->setProperty("presetId", QLatin1String(p.id));
        button->setToolTip(p.tip);
        button->setAccessibleName(tr("Preset %1").arg(p.text));
        button->setAccessibleDescription(p.tip);
        button->setCheckable(true);
        m_presetButtons << button;
    }

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Fixed point and phase"));
    m_summary->setAccessibleDescription(tr("q*, χ₁, the phase in words and the critical σ_w²"));

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAccessibleName(tr("Why nothing is shown"));
    m_messageLabel->setStyleSheet(QStringLiteral("font-weight: bold"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("simulationProgress"));
    m_progress->setRange(0, 100);
    m_progress->setAccessibleName(tr("Simulation progress"));
    m_progress->setAccessibleDescription(tr("How far the %1 simulations of this setting are").arg(Seeds));
    m_progress->setMaximumWidth(200);
    m_simulationStatus = new QLabel(this);
    m_simulationStatus->setObjectName(QStringLiteral("simulationStatus"));
    m_simulationStatus->setAccessibleName(tr("Simulation status"));
}

void NetworkPanel::createCharts()
{
    using Axis = XYChartWidget::Axis;
    m_depthChart = new XYChartWidget(this);
    m_depthChart->setObjectName(QStringLiteral("depthChart"));
    m_depthChart->setTitle(tr("Variance q and gradient norm ratio r through the layers"));
    m_depthChart->setAxisTitle(Axis::X, tr("Layer l"));
    m_depthChart->setLabelFormat(Axis::X, QStringLiteral("%.0f"));
    m_depthChart->setAxisTitle(Axis::Y, tr("log₁₀ q and r"));
    m_depthChart->setLabelFormat(Axis::Y, QStringLiteral("%.0f"));
    m_varianceSpread = m_depthChart->addRangeBars({VarianceColour, 0.75});
    m_gradientSpread = m_depthChart->addRangeBars({GradientColour, 0.75});
    m_theoryVariance = m_depthChart->addLine(tr("qˡ (theory)"), {VarianceColour, 1.25});
    m_theoryGradient = m_depthChart->addLine(tr("rˡ (theory)"), {GradientColour, 1.25});
    XYSeriesStyle dots{VarianceColour};
    dots.markerSize = 6;
    m_simVariance = m_depthChart->addScatter(tr("qˡ (simulated)"), dots);
    dots.color = GradientColour;
    m_simGradient = m_depthChart->addScatter(tr("rˡ (simulated)"), dots);
    m_depthChart->setMinimumSize(360, 260);
    m_depthChart->setAccessibleText(
            tr("Variance and gradient against depth chart"),
            tr("log₁₀ of the pre-activations' variance q^l and of the gradient norm ratio "
               "r^l = E‖δ^l‖²/E‖δ^L‖² against the layer l: the mean-field theory as lines, the "
               "mean of %1 seeded simulations as dots with their minimum to maximum as vertical "
               "bars. Values that are 0, not finite or beyond the theory's overflow have no "
               "logarithm and are left out.")
                    .arg(Seeds));
    m_depthChart->setToolTip(tr("Lines: theory; dots and bars: simulations (mean, min–max). "
                                "Zeros and overflows are left out."));

    m_histogramChart = new XYChartWidget(this);
    m_histogramChart->setObjectName(QStringLiteral("histogramChart"));
    m_histogramChart->setTitle(tr("Histograms of hˡ"));
    m_histogramChart->setAxisTitle(Axis::X, tr("Pre-activation h"));
    m_histogramChart->setAxisTitle(Axis::Y, tr("Share"));
    m_histogramChart->setLabelFormat(Axis::Y, QStringLiteral("%.2f"));
    for (int i = 0; i < 4; ++i)
        m_histograms << m_histogramChart->addLine(QString(), {HistogramColours[i], 1.0});
    m_histogramChart->setMinimumSize(300, 240);
    m_histogramChart->setAccessibleText(
            tr("Histograms of the pre-activations chart"),
            tr("The share of the simulated pre-activations h^l in each of %1 bins, at layers 1, "
               "L/4, L/2 and L, pooled over the seeds (Glorot and Bengio's figure): a "
               "distribution that narrows with depth is a variance that vanishes. Values "
               "outside the drawn range are left out.")
                    .arg(HistogramBins));
    m_histogramChart->setToolTip(tr("How h^l is distributed at four depths, from the simulation"));

    m_phaseChart = new XYChartWidget(this);
    m_phaseChart->setObjectName(QStringLiteral("phaseChart"));
    m_phaseChart->setTitle(tr("Phase diagram: order and chaos"));
    m_phaseChart->setAxisTitle(Axis::X, tr("σ_w²"));
    m_phaseChart->setAxisTitle(Axis::Y, tr("σ_b²"));
    m_phaseChart->setRange(Axis::X, 0, MaxWeightVariance);
    m_phaseChart->setRange(Axis::Y, 0, MaxBiasVariance);
    // Few labels: presentation mode's large text must still fit under a third of the window.
    m_phaseChart->setTickInterval(Axis::X, 1);
    m_phaseChart->setTickInterval(Axis::Y, 0.25);
    m_phaseChart->setLabelFormat(Axis::X, QStringLiteral("%.0f"));
    m_phaseChart->setLabelFormat(Axis::Y, QStringLiteral("%.2f"));
    m_criticalLine = m_phaseChart->addLine(tr("χ₁ = 1"), {QColor(Qt::black), 1.25});
    XYSeriesStyle marker{QColor(0xff, 0xd7, 0x00)};
    marker.markerSize = 13;
    marker.outlined = true;
    m_current = m_phaseChart->addScatter(tr("this setting"), marker);
    m_phaseChart->setMinimumSize(300, 240);
    m_phaseChart->setAccessibleText(
            tr("Phase diagram chart"),
            tr("The plane of σ_w² from 0 to %1 and σ_b² from 0 to %2, coloured by log₁₀ χ "
               "from −0.5 or less (blue, ordered: gradients vanish) through 0 (white, critical) "
               "to 0.5 or more (red, chaotic: gradients explode), with the critical line χ₁ = 1 and a marker "
               "at the current setting. Where the variance grows without bound χ is the factor "
               "a deep layer multiplies gradients by; grey: no value.")
                    .arg(MaxWeightVariance)
                    .arg(MaxBiasVariance));
    m_phaseChart->setToolTip(tr("Blue: ordered, white: critical, red: chaotic; the line is χ₁ = 1"));
    m_phaseKey = new QLabel(tr("Colour: log₁₀ χ from −0.5 (blue, ordered) through 0 (white, "
                               "critical) to +0.5 (red, chaotic)"),
                            this);
    m_phaseKey->setObjectName(QStringLiteral("phaseKey"));
    m_phaseKey->setWordWrap(true);
    m_phaseKey->setAccessibleName(tr("Phase diagram colours"));
}

void NetworkPanel::layOut()
{
    // Two columns of sliders: the variances, then the shape; the charts keep the height.
    auto *form = new QGridLayout;
    const auto addRow = [this, form](int row, int column, const QString &label, QSlider *slider,
                                     QWidget *spin) {
        auto *text = new QLabel(label, this);
        text->setBuddy(spin);
        form->addWidget(text, row, 4 * column);
        form->addWidget(slider, row, 4 * column + 1);
        form->addWidget(new SliderPlayer(slider, label, this), row, 4 * column + 2);
        form->addWidget(spin, row, 4 * column + 3);
    };
    addRow(0, 0, tr("σ_w²"), m_weightSlider, m_weightSpin);
    addRow(1, 0, tr("σ_b²"), m_biasSlider, m_biasSpin);
    addRow(0, 1, tr("Depth L"), m_depthSlider, m_depthSpin);
    addRow(1, 1, tr("Width N"), m_widthSlider, m_widthSpin);
    form->setColumnStretch(1, 1);
    form->setColumnStretch(5, 1);
    form->setColumnMinimumWidth(4, 80);

    auto *presets = new QHBoxLayout;
    presets->addWidget(new QLabel(tr("Presets:"), this));
    for (QPushButton *b : m_presetButtons)
        presets->addWidget(b);
    presets->addStretch(1);

    auto *status = new QHBoxLayout;
    status->addWidget(m_summary, 1);
    status->addWidget(m_simulationStatus);
    status->addWidget(m_progress);

    auto *phase = new QVBoxLayout;
    phase->addWidget(m_phaseChart, 1);
    phase->addWidget(m_phaseKey);

    auto *charts = new QGridLayout;
    charts->addWidget(m_depthChart, 0, 0, 1, 2);
    charts->addWidget(m_histogramChart, 1, 0);
    charts->addLayout(phase, 1, 1);
    charts->setRowStretch(0, 5);
    charts->setRowStretch(1, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageLabel);
    layout->addLayout(charts, 1);
    layout->addLayout(status);
    layout->addLayout(presets);
    layout->addLayout(form);
}

void NetworkPanel::connectControls()
{
    // The slider writes its spin box with the spin box's signals blocked: follow both.
    const auto takeWeight = [this] {
        m_weightVariance = m_weightSpin->value();
        m_presetId.clear();
        settingsChanged();
    };
    connect(m_weightSlider, &QSlider::valueChanged, this, takeWeight);
    connect(m_weightSpin, &QDoubleSpinBox::valueChanged, this, takeWeight);
    const auto takeBias = [this] {
        m_biasVariance = m_biasSpin->value();
        m_presetId.clear();
        settingsChanged();
    };
    connect(m_biasSlider, &QSlider::valueChanged, this, takeBias);
    connect(m_biasSpin, &QDoubleSpinBox::valueChanged, this, takeBias);
    connect(m_depthSlider, &QSlider::valueChanged, m_depthSpin, &QSpinBox::setValue);
    connect(m_depthSpin, &QSpinBox::valueChanged, m_depthSlider, &QSlider::setValue);
    connect(m_depthSpin, &QSpinBox::valueChanged, this, &NetworkPanel::settingsChanged);
    connect(m_widthSlider, &QSlider::valueChanged, m_widthSpin, &QSpinBox::setValue);
    connect(m_widthSpin, &QSpinBox::valueChanged, m_widthSlider, &QSlider::setValue);
    connect(m_widthSpin, &QSpinBox::valueChanged, this, [this] {
        // PyTorch's default bias variance 1/(3N) follows the width.
        if (m_presetId == QLatin1String("pytorch_default"))
            applyPreset(m_presetId);
        else
            settingsChanged();
    });
    for (QPushButton *b : m_presetButtons)
        connect(b, &QPushButton::clicked, this,
                [this, b] { applyPreset(b->property("presetId").toString()); });

    connect(m_debounce, &QTimer::timeout, this, &NetworkPanel::startSimulation);
    connect(m_job, &SimulationJob::progress, this, [this](int done, int total) {
        const int all = Seeds * std::max(total, 1);
        m_progress->setValue(int(100.0 * (m_seed * total + done) / all));
    });
    connect(m_job, &SimulationJob::finished, this, &NetworkPanel::seedFinished);
    connect(m_job, &SimulationJob::cancelled, this, [this] {
        m_progress->setVisible(false);
        m_simulationStatus->clear();
        emit simulationCancelled();
        if (m_startWhenIdle) {
            m_startWhenIdle = false;
            startSimulation();
        }
    });
}

void NetworkPanel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    m_row = QPersistentModelIndex();
    if (m_scene) {
        // recomputed() ends every change, parameters and maps included; refreshActivation()
        // does nothing when φ stayed the same (a new range or ε).
        connect(m_scene, &SceneModel::recomputed, this, &NetworkPanel::refreshActivation);
        connect(m_scene, &QAbstractItemModel::modelReset, this, &NetworkPanel::refreshActivation);
        connect(m_scene, &QAbstractItemModel::rowsRemoved, this, &NetworkPanel::refreshActivation);
        connect(m_scene, &QObject::destroyed, this, &NetworkPanel::refreshActivation);
    }
    refreshActivation();
}

SceneModel *NetworkPanel::scene() const { return m_scene; }

void NetworkPanel::setCurrentRow(int row)
{
    m_row = m_scene && row >= 0 && row < m_scene->rowCount() ? QPersistentModelIndex(m_scene->index(row))
                                                              : QPersistentModelIndex();
    refreshActivation();
}

int NetworkPanel::currentRow() const { return m_scene && m_row.isValid() ? m_row.row() : -1; }

int NetworkPanel::depth() const { return m_depthSpin->value(); }
int NetworkPanel::width() const { return m_widthSpin->value(); }

void NetworkPanel::setWeightVariance(double v) { m_weightSpin->setValue(v); }
void NetworkPanel::setBiasVariance(double v) { m_biasSpin->setValue(v); }
void NetworkPanel::setDepth(int layers) { m_depthSpin->setValue(layers); }
void NetworkPanel::setWidth(int units) { m_widthSpin->setValue(units); }

void NetworkPanel::setBatch(int inputs)
{
    m_batch = std::clamp(inputs, 1, MaxNetworkBatch);
    settingsChanged();
}

bool NetworkPanel::applyPreset(const QString &id)
{
    const InitializationPreset *preset = InitializationPresets::find(id);
    if (!preset)
        return false;
    // The exact values, not the spin boxes' rounded ones.
    m_weightVariance = preset->weightVariance;
    m_biasVariance = preset->biasVariance(width());
    for (auto [slider, spin, value, scale] :
         {std::tuple{m_weightSlider, m_weightSpin, m_weightVariance, 100.0},
          std::tuple{m_biasSlider, m_biasSpin, m_biasVariance, 1000.0}}) {
        const QSignalBlocker blockSlider(slider);
        const QSignalBlocker blockSpin(spin);
        spin->setValue(value);
        slider->setValue(int(std::lround(value * scale)));
    }
    m_presetId = id;
    settingsChanged();
    return true;
}

QString NetworkPanel::message() const { return m_message; }
QString NetworkPanel::summary() const { return m_summary->text(); }

QList<int> NetworkPanel::histogramLayers() const
{
    const int l = depth();
    QList<int> layers;
    for (int at : {1, l / 4, l / 2, l})
        if (at >= 1 && !layers.contains(at))
            layers << at;
    return layers;
}

NetworkSettings NetworkPanel::settings() const
{
    NetworkSettings s;
    s.weightVariance = m_weightVariance;
    s.biasVariance = m_biasVariance;
    s.depth = depth();
    s.width = width();
    s.batch = m_batch;
    return s;
}

bool NetworkPanel::isSimulating() const { return m_job->isRunning(); }
bool NetworkPanel::isSimulationPending() const { return m_debounce->isActive(); }

void NetworkPanel::setAppearance(const ChartAppearance &appearance)
{
    for (XYChartWidget *chart : {m_depthChart, m_histogramChart, m_phaseChart})
        chart->setAppearance(appearance);
}

void NetworkPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (event->spontaneous())
        return; // minimised with its window: still open
    m_suspended = true;
    m_debounce->stop();
    m_startWhenIdle = false;
    m_simulationCurrent = false;
    if (m_job->isRunning())
        m_job->cancel();
    stopPhaseDiagram();
}

void NetworkPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_suspended)
        return;
    m_suspended = false;
    // Whatever changed meanwhile, and the phase diagram and simulations stopped on hiding.
    m_phi.reset();
    m_theory.reset();
    refreshActivation();
}

void NetworkPanel::refreshActivation()
{
    if (m_suspended)
        return;
    std::optional<ActivationFunction> phi;
    QString why;
    if (!m_scene || !m_row.isValid()) {
        why = tr("No function is selected. Select an activation in the function list: the "
                 "network uses it in every layer.");
    } else {
        const FunctionInstance &f = m_scene->function(m_row.row());
        if (f.spec->kind == FunctionKind::Loss)
            why = tr("%1 is a loss, not an activation: a network's layers need an activation. "
                     "Select one in the function list.")
                          .arg(f.spec->displayName);
        else
            phi = f.function();
    }
    const auto same = [](const std::optional<ActivationFunction> &a,
                         const std::optional<ActivationFunction> &b) {
        if (!a || !b)
            return !a && !b;
        return &a->spec() == &b->spec() && a->parameters() == b->parameters() && a->map() == b->map();
    };
    if (same(phi, m_phi) && why == m_message && (m_theory || !phi))
        return; // a new range or ε: nothing here depends on it
    m_phi = phi;
    m_message = why;
    m_messageLabel->setText(why);
    m_messageLabel->setVisible(!why.isEmpty());
    m_theory = phi ? std::make_unique<MeanFieldTheory>(*phi) : nullptr;
    startPhaseDiagram();
    settingsChanged();
}

void NetworkPanel::settingsChanged()
{
    for (QPushButton *b : m_presetButtons)
        b->setChecked(b->property("presetId").toString() == m_presetId);
    updateTheory();
    // A running simulation is of a setting that is gone: stop it, and start afresh once the
    // controls rest.
    if (m_job->isRunning())
        m_job->cancel();
    m_startWhenIdle = false;
    m_simulationCurrent = false;
    clearSimulation();
    if (m_phi) {
        m_debounce->start();
        m_simulationStatus->setText(tr("Simulation waits for the controls to rest"));
    } else {
        m_debounce->stop();
        m_simulationStatus->clear();
    }
}

void NetworkPanel::updateTheory()
{
    updatePhaseMarker();
    QList<QPointF> variance;
    QList<QPointF> gradient;
    if (!m_theory) {
        m_depthChart->replace(m_theoryVariance, variance);
        m_depthChart->replace(m_theoryGradient, gradient);
        m_summary->clear();
        fitDepthAxis();
        emit theoryUpdated();
        return;
    }
    const double w = m_weightVariance;
    const double b = m_biasVariance;
    const QList<MeanFieldLayer> curve = m_theory->depthCurve(w, b, depth());
    variance.reserve(curve.size());
    gradient.reserve(curve.size());
    for (const MeanFieldLayer &l : curve) {
        if (l.variance && std::isfinite(log10OrNaN(*l.variance)))
            variance.append(QPointF(l.layer, std::log10(*l.variance)));
        if (l.gradientNormRatio && std::isfinite(log10OrNaN(*l.gradientNormRatio)))
            gradient.append(QPointF(l.layer, std::log10(*l.gradientNormRatio)));
    }
    m_depthChart->replace(m_theoryVariance, variance);
    m_depthChart->replace(m_theoryGradient, gradient);
    m_depthChart->setPointsVisible(m_theoryVariance, variance.size() == 1);
    m_depthChart->setPointsVisible(m_theoryGradient, gradient.size() == 1);

    // The read-out: q*, χ₁ and the phase, or why there is no fixed point.
    QStringList parts;
    const std::optional<double> q = m_theory->fixedPoint(w, b);
    if (q) {
        const double chi = m_theory->chi1AtFixedPoint(w, *q);
        parts << tr("q* = %1, χ₁ = %2").arg(NumberText::display(*q, 4), NumberText::display(chi, 4));
        switch (MeanFieldTheory::phase(chi)) {
        case NetworkPhase::Ordered:
            parts << tr("ordered: gradients vanish with depth");
            break;
        case NetworkPhase::Critical:
            parts << tr("critical: gradients keep their size");
            break;
        case NetworkPhase::Chaotic:
            parts << tr("chaotic: gradients explode with depth");
            break;
        }
    } else {
        parts << tr("no fixed point q*: the variance grows without bound");
    }
    const std::optional<double> critical = m_theory->criticalWeightVariance(b);
    parts << (critical ? tr("critical σ_w² at σ_b² = %1: %2")
                                 .arg(NumberText::display(b, 4), NumberText::display(*critical, 4))
                       : tr("no critical σ_w² at σ_b² = %1").arg(NumberText::display(b, 4)));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    fitDepthAxis();
    emit theoryUpdated();
}

void NetworkPanel::fitDepthAxis()
{
    using Axis = XYChartWidget::Axis;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const XYSeriesState &s : {m_depthChart->state(m_theoryVariance), m_depthChart->state(m_theoryGradient)})
        for (const QPointF &p : s.points()) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
    for (XYRangeBars *bars : {m_varianceSpread, m_gradientSpread})
        for (const QLineF &l : m_depthChart->rangeBars(bars)) {
            lo = std::min({lo, l.y1(), l.y2()});
            hi = std::max({hi, l.y1(), l.y2()});
        }
    if (!(lo <= hi)) {
        lo = -1;
        hi = 1;
    }
    const double bottom = std::floor(lo - 0.25);
    const double top = std::max(std::ceil(hi + 0.25), bottom + 1);
    const double step = tickStep(top - bottom);
    m_depthChart->setRange(Axis::Y, std::floor(bottom / step) * step, std::ceil(top / step) * step);
    m_depthChart->setTickInterval(Axis::Y, step);
    const int n = depth();
    m_depthChart->setRange(Axis::X, n > 1 ? 1 : 0, std::max(n, 2));
    m_depthChart->setTickInterval(Axis::X, tickStep(n));
}

void NetworkPanel::updatePhaseMarker()
{
    m_phaseChart->replace(m_current, m_phi ? QList<QPointF>{QPointF(m_weightVariance, m_biasVariance)}
                                           : QList<QPointF>());
}

QColor NetworkPanel::phaseColour(double log10Chi)
{
    if (!std::isfinite(log10Chi))
        return QColor(0x99, 0x99, 0x99);
    // Diverging: white at χ = 1, blue (ordered) below, red (chaotic) above, full at a factor
    // 10^±0.5 ≈ 3. The square root makes a χ near 1 (tanh's chaotic side at a large σ_b²) show.
    const QColor end = log10Chi < 0 ? QColor(0x21, 0x66, 0xac) : QColor(0xb2, 0x18, 0x2b);
    const double s = std::sqrt(std::min(std::abs(log10Chi), PhaseColourRange) / PhaseColourRange);
    const auto mix = [s](int from, int to) { return int(std::lround(from + s * (to - from))); };
    return QColor(mix(0xf7, end.red()), mix(0xf7, end.green()), mix(0xf7, end.blue()));
}

void NetworkPanel::stopPhaseDiagram()
{
    if (!m_phaseThread)
        return;
    m_phaseCancel->store(true);
    m_phaseThread->wait(); // a row of cells at most: a few tens of milliseconds
    m_phaseThread.reset();
}

void NetworkPanel::startPhaseDiagram()
{
    stopPhaseDiagram();
    ++m_phaseGeneration;
    m_phase = PhaseDiagram();
    m_phaseChart->setPlotImage(QImage(), QRectF());
    m_phaseChart->replace(m_criticalLine, {});
    if (!m_phi)
        return;
    // One activation's diagram takes up to a second or two (relu, whose q grows without bound
    // on the right half): on a thread of its own, once per activation, not per slider step.
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_phaseCancel = cancel;
    const ActivationFunction phi = *m_phi;
    const int generation = m_phaseGeneration;
    m_phaseThread.reset(QThread::create([this, phi, cancel, generation] {
        PhaseDiagram d = ::phaseDiagram(phi, PhaseColumns, PhaseRows, 41, MaxWeightVariance,
                                        MaxBiasVariance, cancel.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
                this,
                [this, d, generation] {
                    if (generation == m_phaseGeneration)
                        showPhaseDiagram(d);
                },
                Qt::QueuedConnection);
    }));
    m_phaseThread->start();
}

void NetworkPanel::showPhaseDiagram(const PhaseDiagram &diagram)
{
    if (m_phaseThread) {
        m_phaseThread->wait();
        m_phaseThread.reset();
    }
    m_phase = diagram;
    QImage image(diagram.columns, diagram.rows, QImage::Format_RGB32);
    for (int row = 0; row < diagram.rows; ++row)
        for (int column = 0; column < diagram.columns; ++column)
            image.setPixelColor(column, diagram.rows - 1 - row, // the first line is the top
                                phaseColour(diagram.log10Chi.value(row * diagram.columns + column,
                                                                   std::nan(""))));
    m_phaseChart->setPlotImage(image, QRectF(diagram.weightFrom, diagram.biasFrom,
                                             diagram.weightTo - diagram.weightFrom,
                                             diagram.biasTo - diagram.biasFrom));
    m_phaseChart->replace(m_criticalLine, diagram.criticalLine);
    // relu's line is one point (σ_w² = 2 at σ_b² = 0): a dot shows it.
    m_phaseChart->setPointsVisible(m_criticalLine, diagram.criticalLine.size() < 3);
    emit phaseDiagramReady();
}

void NetworkPanel::clearSimulation()
{
    m_runs.clear();
    m_samples.clear();
    m_depthChart->replace(m_simVariance, {});
    m_depthChart->replace(m_simGradient, {});
    m_depthChart->setRangeBars(m_varianceSpread, {});
    m_depthChart->setRangeBars(m_gradientSpread, {});
    for (QLineSeries *s : m_histograms)
        m_histogramChart->replace(s, {});
    m_progress->setVisible(false);
}

void NetworkPanel::startSimulation()
{
    if (!m_phi)
        return;
    if (m_job->isRunning()) {
        // The cancelled run has not stopped yet: start when it has.
        m_job->cancel();
        m_startWhenIdle = true;
        return;
    }
    clearSimulation();
    m_simulationCurrent = true;
    m_seed = 0;
    m_running = settings();
    m_progress->setValue(0);
    m_progress->setVisible(true);
    startSeed();
}

void NetworkPanel::setFirstSeed(std::uint64_t first)
{
    if (first == m_firstSeed)
        return;
    m_firstSeed = first;
    settingsChanged();
}

void NetworkPanel::startSeed()
{
    if (!m_phi || !m_simulationCurrent)
        return;
    const double epsilon = m_scene ? m_scene->epsilon() : 0.01;
    const QString error = m_job->start(*m_phi, m_running, epsilon,
                                       m_firstSeed + std::uint64_t(m_seed),
                                       histogramLayers());
    if (!error.isEmpty()) {
        m_progress->setVisible(false);
        m_simulationStatus->setText(tr("No simulation: %1").arg(error));
        return;
    }
    m_simulationStatus->setText(tr("Simulating seed %1 of %2").arg(m_seed + 1).arg(Seeds));
}

void NetworkPanel::seedFinished()
{
    // A run of a setting that is gone, which finished before the cancel reached it (or of an
    // activation no longer selected): drop it, and start the run that waited, if one did.
    if (!m_simulationCurrent || !m_phi) {
        if (m_startWhenIdle) {
            m_startWhenIdle = false;
            startSimulation();
        }
        return;
    }
    m_runs << m_job->layers();
    for (const LayerSamples &s : m_job->samples()) {
        auto it = std::find_if(m_samples.begin(), m_samples.end(),
                               [&s](const LayerSamples &t) { return t.layer == s.layer; });
        if (it == m_samples.end())
            m_samples << s;
        else
            it->values << s.values;
    }
    if (++m_seed < Seeds) {
        startSeed();
        return;
    }
    showSimulation();
}

void NetworkPanel::showSimulation()
{
    m_progress->setVisible(false);
    m_simulationStatus->setText(tr("%1 simulations at N = %2, B = %3")
                                        .arg(Seeds)
                                        .arg(m_running.width)
                                        .arg(m_running.batch));
    // Per layer: the mean over the seeds as a dot, their min and max as a bar; in log10.
    QList<QPointF> varianceDots;
    QList<QPointF> gradientDots;
    QList<QLineF> varianceBars;
    QList<QLineF> gradientBars;
    const int layers = m_runs.isEmpty() ? 0 : int(m_runs.first().size());
    for (int i = 0; i < layers; ++i) {
        for (const bool isVariance : {true, false}) {
            double sum = 0;
            double lo = std::numeric_limits<double>::infinity();
            double hi = -lo;
            int count = 0;
            for (const QList<SimulationLayer> &run : m_runs) {
                const double v = isVariance ? run[i].variance : run[i].gradientNormRatio;
                if (!(v > 0 && std::isfinite(v)))
                    continue;
                sum += v;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                ++count;
            }
            if (count == 0)
                continue; // zeros and NaN have no logarithm: left out
            const double l = m_runs.first()[i].layer;
            (isVariance ? varianceDots : gradientDots).append(QPointF(l, std::log10(sum / count)));
            (isVariance ? varianceBars : gradientBars)
                    .append(QLineF(l, std::log10(lo), l, std::log10(hi)));
        }
    }
    m_depthChart->replace(m_simVariance, varianceDots);
    m_depthChart->replace(m_simGradient, gradientDots);
    m_depthChart->setRangeBars(m_varianceSpread, varianceBars);
    m_depthChart->setRangeBars(m_gradientSpread, gradientBars);
    fitDepthAxis();

    // The histograms on one axis: ±3.5 of the widest layer's standard deviation, so a layer
    // whose variance vanished is a spike at 0 beside the others.
    double spread = 0;
    for (const LayerSamples &s : std::as_const(m_samples)) {
        double squares = 0;
        for (const double v : s.values)
            squares += v * v;
        if (!s.values.isEmpty() && std::isfinite(squares))
            spread = std::max(spread, std::sqrt(squares / s.values.size()));
    }
    const double range = spread > 0 && std::isfinite(3.5 * spread) ? 3.5 * spread : 1.0;
    const double binWidth = 2 * range / HistogramBins;
    double top = 0;
    std::sort(m_samples.begin(), m_samples.end(),
              [](const LayerSamples &a, const LayerSamples &b) { return a.layer < b.layer; });
    for (int i = 0; i < m_histograms.size(); ++i) {
        QList<QPointF> outline;
        if (i < m_samples.size()) {
            const LayerSamples &s = m_samples[i];
            QList<double> counts(HistogramBins, 0.0);
            for (const double v : s.values) {
                const double at = (v + range) / binWidth;
                if (at >= 0 && at < HistogramBins)
                    counts[int(at)] += 1;
            }
            outline.reserve(2 * HistogramBins + 2);
            outline.append(QPointF(-range, 0));
            for (int bin = 0; bin < HistogramBins; ++bin) {
                const double share = s.values.isEmpty() ? 0 : counts[bin] / s.values.size();
                top = std::max(top, share);
                outline.append(QPointF(-range + bin * binWidth, share));
                outline.append(QPointF(-range + (bin + 1) * binWidth, share));
            }
            outline.append(QPointF(range, 0));
            m_histogramChart->setSeriesName(m_histograms[i], tr("layer %1").arg(s.layer));
        }
        m_histogramChart->replace(m_histograms[i], outline);
    }
    using Axis = XYChartWidget::Axis;
    m_histogramChart->setRange(Axis::X, -range, range);
    m_histogramChart->setRange(Axis::Y, 0, top > 0 ? std::min(1.0, top * 1.1) : 1.0);
    m_histogramChart->applyNiceNumbers(Axis::Y); // round ticks: 0.05, 0.1, …
    m_histogramChart->applyNiceNumbers(Axis::X);
    emit simulationFinished();
}
