#include "layerchainpanel.h"

#include "activationcatalogue.h"
#include "layerchain.h"
#include "numberspinbox.h"
#include "xychartwidget.h"
#include "sliderplayer.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr double SliderScale = 100; // sliders move in steps of 0.01
constexpr int IdRole = Qt::UserRole;

// Fixed, well separated colours so that a curve keeps its colour when others are toggled.
QColor curveColour(int index)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf),
                                     QColor(0xbc, 0xbd, 0x22)};
    return palette[index % int(std::size(palette))];
}

// An integer step for power-of-ten ticks: at most about eight labels.
double tickStep(double span)
{
    for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0})
        if (span / step <= 8)
            return step;
    return std::ceil(span / 8 / 1000) * 1000;
}

} // namespace

LayerChainPanel::LayerChainPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Through the layers"));
    setAccessibleDescription(tr("How |∂y/∂x| changes through a chain of N layers of each chosen "
                                "activation, against 0.25^N"));

    createChainControls();
    createActivationList();
    createChart();
    layOut();
    connectControls();

    syncSeries();
    refresh();
}

// The chain: its depth N, the weight w and the input x, each a slider with a spin box.
void LayerChainPanel::createChainControls()
{
    m_layersSlider = new QSlider(Qt::Horizontal, this);
    m_layersSlider->setObjectName(QStringLiteral("layersSlider"));
    m_layersSlider->setRange(1, MaxChainLayers);
    m_layersSlider->setValue(20);
    m_layersSpin = new QSpinBox(this);
    m_layersSpin->setObjectName(QStringLiteral("layersSpin"));
    m_layersSpin->setRange(1, MaxChainLayers);
    m_layersSpin->setValue(20);
    connect(m_layersSlider, &QSlider::valueChanged, m_layersSpin, &QSpinBox::setValue);
    connect(m_layersSpin, &QSpinBox::valueChanged, m_layersSlider, &QSlider::setValue);
    for (QWidget *w : {static_cast<QWidget *>(m_layersSlider), static_cast<QWidget *>(m_layersSpin)}) {
        w->setToolTip(tr("N, the number of layers in the chain y = f(w·…f(w·x))"));
        w->setAccessibleName(tr("Number of layers"));
    }

    m_weightSlider = new QSlider(this);
    m_weightSlider->setObjectName(QStringLiteral("weightSlider"));
    m_weightSpin = new NumberSpinBox(this);
    m_weightSpin->setObjectName(QStringLiteral("weightSpin"));
    bindSliderToSpinBox(m_weightSlider, m_weightSpin, -4, 4, 1, SliderScale);
    for (QWidget *w : {static_cast<QWidget *>(m_weightSlider), static_cast<QWidget *>(m_weightSpin)}) {
        w->setToolTip(tr("w, the weight every layer multiplies its input by"));
        w->setAccessibleName(tr("Weight"));
    }

    m_inputSlider = new QSlider(this);
    m_inputSlider->setObjectName(QStringLiteral("inputSlider"));
    m_inputSpin = new NumberSpinBox(this);
    m_inputSpin->setObjectName(QStringLiteral("inputSpin"));
    bindSliderToSpinBox(m_inputSlider, m_inputSpin, -5, 5, 0.5, SliderScale);
    for (QWidget *w : {static_cast<QWidget *>(m_inputSlider), static_cast<QWidget *>(m_inputSpin)}) {
        w->setToolTip(tr("x, the input to the first layer"));
        w->setAccessibleName(tr("Input"));
    }
}

// The activations to compare, each checkable and in its curve's colour.
void LayerChainPanel::createActivationList()
{
    m_activations = new QListWidget(this);
    m_activations->setObjectName(QStringLiteral("activationList"));
    m_activations->setToolTip(tr("Check the activations to compare"));
    m_activations->setAccessibleName(tr("Activations to compare"));
    // An item view reports its own description to a screen reader, never its tool tip.
    m_activations->setAccessibleDescription(m_activations->toolTip());
    const QList<ActivationSpec> &all = ActivationCatalogue::all();
    for (int i = 0; i < all.size(); ++i) {
        auto *item = new QListWidgetItem(all[i].displayName, m_activations);
        item->setData(IdRole, all[i].id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool on = all[i].id == QLatin1String("sigmoid") || all[i].id == QLatin1String("tanh")
                || all[i].id == QLatin1String("relu");
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        item->setForeground(curveColour(i));
        item->setToolTip(all[i].translatedGradientNote());
    }
    m_activations->setMaximumWidth(200);
}

// The note under the chart (gradients that vanish, set-ups refused) and the chart.
void LayerChainPanel::createChart()
{
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("noteLabel"));
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Remarks on the curves"));

    using Axis = XYChartWidget::Axis;
    m_chart = new XYChartWidget(this);
    m_chart->setObjectName(QStringLiteral("layerChainChart"));
    m_chart->setTitle(tr("|∂y/∂x| through N layers"));
    m_chart->setAxisTitle(Axis::X, tr("Depth N"));
    m_chart->setLabelFormat(Axis::X, QStringLiteral("%.0f"));
    m_chart->setAxisTitle(Axis::Y, tr("|∂y/∂x| (log scale)"));
    // The series hold log10 values; the labels show them as powers of ten.
    m_chart->setLabelFormat(Axis::Y, QStringLiteral("1e%.0f"));
    m_reference = m_chart->addLine(tr("0.25^N"), {QColor(), 0.75, Qt::DashLine});
    m_chart->setMinimumSize(420, 300);
    const QString about = tr("log10 of |∂y/∂x| after each layer; a curve ends where the gradient is exactly 0");
    m_chart->setAccessibleText(tr("Gradient against depth chart"), about);
    m_chart->setToolTip(about);
}

void LayerChainPanel::layOut()
{
    auto *form = new QFormLayout;
    auto row = [this](QSlider *slider, QWidget *spin) {
        auto *box = new QHBoxLayout;
        box->addWidget(slider, 1);
        box->addWidget(new SliderPlayer(slider, slider->accessibleName(), this));
        box->addWidget(spin);
        return box;
    };
    form->addRow(tr("Layers N"), row(m_layersSlider, m_layersSpin));
    form->addRow(tr("Weight w"), row(m_weightSlider, m_weightSpin));
    form->addRow(tr("Input x"), row(m_inputSlider, m_inputSpin));

    auto *side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Activations"), this));
    side->addWidget(m_activations, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_chart, 1);
    top->addLayout(side);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(form);
    layout->addWidget(m_note);
}

void LayerChainPanel::connectControls()
{
    connect(m_layersSlider, &QSlider::valueChanged, this, &LayerChainPanel::refresh);
    connect(m_weightSlider, &QSlider::valueChanged, this, &LayerChainPanel::refresh);
    connect(m_inputSlider, &QSlider::valueChanged, this, &LayerChainPanel::refresh);
    connect(m_activations, &QListWidget::itemChanged, this, [this] {
        syncSeries();
        refresh();
    });
}

LayerChainPanel::~LayerChainPanel() = default;

int LayerChainPanel::layers() const { return m_layersSlider->value(); }
double LayerChainPanel::weight() const { return m_weightSpin->value(); }
double LayerChainPanel::input() const { return m_inputSpin->value(); }

void LayerChainPanel::setLayers(int n) { m_layersSlider->setValue(n); }
void LayerChainPanel::setWeight(double w) { m_weightSpin->setValue(w); }
void LayerChainPanel::setInput(double x) { m_inputSpin->setValue(x); }

QStringList LayerChainPanel::selectedActivations() const
{
    QStringList ids;
    for (int i = 0; i < m_activations->count(); ++i)
        if (m_activations->item(i)->checkState() == Qt::Checked)
            ids << m_activations->item(i)->data(IdRole).toString();
    return ids;
}

void LayerChainPanel::setSelectedActivations(const QStringList &ids)
{
    {
        const QSignalBlocker block(m_activations);
        for (int i = 0; i < m_activations->count(); ++i) {
            QListWidgetItem *item = m_activations->item(i);
            item->setCheckState(ids.contains(item->data(IdRole).toString()) ? Qt::Checked
                                                                            : Qt::Unchecked);
        }
    }
    syncSeries();
    refresh();
}

void LayerChainPanel::setAppearance(const ChartAppearance &appearance)
{
    m_chart->setAppearance(appearance);
}

QLineSeries *LayerChainPanel::series(const QString &id) const
{
    return m_series.value(id, nullptr);
}

void LayerChainPanel::syncSeries()
{
    const QStringList wanted = selectedActivations();
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!wanted.contains(it.key())) {
            m_chart->removeSeries(it.value());
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
    const QList<ActivationSpec> &all = ActivationCatalogue::all();
    for (int i = 0; i < all.size(); ++i) {
        if (!wanted.contains(all[i].id) || m_series.contains(all[i].id))
            continue;
        m_series.insert(all[i].id, m_chart->addLine(all[i].displayName, {curveColour(i), 1.25}));
    }
}

void LayerChainPanel::refresh()
{
    const int n = layers();
    double lo = 0;
    double hi = 0;
    QStringList refused;
    QStringList vanished;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        const ActivationSpec *spec = ActivationCatalogue::find(it.key());
        QList<QPointF> points;
        QString error;
        if (spec) {
            const QList<LayerChainPoint> chain =
                    layerChain(*spec, spec->defaults(), weight(), input(), n, &error);
            points.reserve(chain.size());
            for (const LayerChainPoint &p : chain) {
                // log10 of an exact zero is −inf: the curve ends there.
                if (!std::isfinite(p.log10Gradient)) {
                    vanished << spec->displayName;
                    break;
                }
                points.append(QPointF(p.depth, p.log10Gradient));
                lo = std::min(lo, p.log10Gradient);
                hi = std::max(hi, p.log10Gradient);
            }
            if (!error.isEmpty())
                refused << spec->displayName + QStringLiteral(": ") + error;
        }
        m_chart->replace(it.value(), points);
        m_chart->setPointsVisible(it.value(), n <= 20);
    }

    QList<QPointF> reference;
    reference.reserve(n);
    for (int k = 1; k <= n; ++k)
        reference.append(QPointF(k, k * std::log10(0.25)));
    lo = std::min(lo, n * std::log10(0.25));
    m_chart->replace(m_reference, reference);

    using Axis = XYChartWidget::Axis;
    m_chart->setRange(Axis::X, n > 1 ? 1 : 0, std::max(n, 2));
    m_chart->setTickInterval(Axis::X, tickStep(n));
    const double bottom = std::floor(lo);
    const double top = std::max(std::ceil(hi), bottom + 1);
    const double step = tickStep(top - bottom);
    m_chart->setTickInterval(Axis::Y, step);
    // A little headroom so that a gradient of exactly 1 (relu's) is not drawn on the frame.
    m_chart->setRange(Axis::Y, std::floor(bottom / step) * step, hi + std::max(0.3, 0.04 * (top - bottom)));

    QStringList notes;
    if (!vanished.isEmpty())
        notes << tr("The gradient is exactly 0 from some depth on for: %1.").arg(vanished.join(QStringLiteral(", ")));
    notes << refused;
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    emit updated();
}
