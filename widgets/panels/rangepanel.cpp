#include "rangepanel.h"

#include "numberspinbox.h"
#include "sliderplayer.h"

#include "errorlabel.h"
#include "scenemodel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int SpinDecimals = 6;
constexpr int YDecimals = 4;


QDoubleSpinBox *makeSpin(const QString &objectName, const QString &accessibleName,
                         const QString &toolTip, QWidget *parent)
{
    auto *spin = new NumberSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setDecimals(SpinDecimals);
    spin->setRange(-RangePanel::SpinLimit, RangePanel::SpinLimit);
    spin->setSingleStep(0.5);
    // Typed values go to the scene on Enter or focus out, not at every keystroke.
    spin->setKeyboardTracking(false);
    spin->setAccessibleName(accessibleName);
    spin->setToolTip(toolTip);
    return spin;
}

QSlider *makeXSlider(const QString &objectName, const QString &accessibleName,
                     const QString &toolTip, QWidget *parent)
{
    auto *slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(objectName);
    const int limit = RangePanel::XSliderLimit * RangePanel::XSliderTicksPerUnit;
    slider->setRange(-limit, limit);
    slider->setSingleStep(1);
    slider->setPageStep(RangePanel::XSliderTicksPerUnit);
    slider->setMinimumWidth(120);
    slider->setAccessibleName(accessibleName);
    slider->setToolTip(toolTip);
    return slider;
}

/** Sets a spin box's value only when it differs: QAbstractSpinBox repaints on every setValue(),
 * and with the group box behind it that was a dozen paints a slider step for nothing. */
void showValue(QDoubleSpinBox *spin, double value)
{
    // value() holds the value rounded to the box's decimals: compare like with like.
    if (spin->value() != spin->valueFromText(spin->textFromValue(value)))
        spin->setValue(value);
}

int xPosition(double x)
{
    const double limit = RangePanel::XSliderLimit;
    return int(std::lround(std::clamp(x, -limit, limit) * RangePanel::XSliderTicksPerUnit));
}

double xAt(int position)
{
    return double(position) / RangePanel::XSliderTicksPerUnit;
}

QString orderName(int order)
{
    switch (order) {
    case 0:
        return QStringLiteral("f");
    case 1:
        return QStringLiteral("f′");
    default:
        return QStringLiteral("f″");
    }
}

} // namespace

RangePanel::RangePanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Range and threshold"));
    setAccessibleDescription(
            tr("The charts' x range, their y ranges and the saturation threshold ε"));

    QWidget *xBox = createXRange();
    QWidget *yBox = createYRanges();
    QWidget *epsilonBox = createEpsilonRow();
    createErrorLabel();
    layOut(xBox, yBox, epsilonBox);
    connectControls();

    refresh();
}

QWidget *RangePanel::createXRange()
{
    // ---- x range
    auto *xBox = new QGroupBox(tr("x range"), this);
    xBox->setToolTip(tr("The interval of x shown on both charts and analysed for saturation"));
    xBox->setAccessibleName(tr("x range"));
    auto *xMinLabel = new QLabel(tr("x mi&n"), xBox);
    auto *xMaxLabel = new QLabel(tr("x ma&x"), xBox);
    m_xMinSlider
        = makeXSlider(QStringLiteral("xMinSlider"), tr("x min slider"),
                      tr("Left end of the x range, from −%1 to %1").arg(XSliderLimit), xBox);
    m_xMaxSlider
        = makeXSlider(QStringLiteral("xMaxSlider"), tr("x max slider"),
                      tr("Right end of the x range, from −%1 to %1").arg(XSliderLimit), xBox);
    m_xMinSpin = makeSpin(QStringLiteral("xMinSpin"), tr("x min"),
                          tr("Left end of the x range; must be less than x max"), xBox);
    m_xMaxSpin = makeSpin(QStringLiteral("xMaxSpin"), tr("x max"),
                          tr("Right end of the x range; must be greater than x min"), xBox);
    xMinLabel->setBuddy(m_xMinSpin);
    xMaxLabel->setBuddy(m_xMaxSpin);
    xMinLabel->setToolTip(m_xMinSpin->toolTip());
    xMaxLabel->setToolTip(m_xMaxSpin->toolTip());
    m_xMinPlayer = new SliderPlayer(m_xMinSlider, tr("x min"), xBox);
    m_xMaxPlayer = new SliderPlayer(m_xMaxSlider, tr("x max"), xBox);
    // Each end sweeps up to the other, never past it.
    m_xMinPlayer->setBounds([this] {
        return std::pair { m_xMinSlider->minimum(),
                           m_scene ? xPosition(m_scene->xMax()) - 1 : m_xMinSlider->maximum() };
    });
    m_xMaxPlayer->setBounds([this] {
        return std::pair { m_scene ? xPosition(m_scene->xMin()) + 1 : m_xMaxSlider->minimum(),
                           m_xMaxSlider->maximum() };
    });
    auto *xGrid = new QGridLayout(xBox);
    xGrid->setColumnStretch(1, 1);
    xGrid->addWidget(xMinLabel, 0, 0);
    xGrid->addWidget(m_xMinSlider, 0, 1);
    xGrid->addWidget(m_xMinPlayer, 0, 2);
    xGrid->addWidget(m_xMinSpin, 0, 3);
    xGrid->addWidget(xMaxLabel, 1, 0);
    xGrid->addWidget(m_xMaxSlider, 1, 1);
    xGrid->addWidget(m_xMaxPlayer, 1, 2);
    xGrid->addWidget(m_xMaxSpin, 1, 3);
    return xBox;
}

QWidget *RangePanel::createYRanges()
{
    // ---- y ranges, one row per chart
    auto *yBox = new QGroupBox(tr("y range"), this);
    yBox->setToolTip(tr("Each chart fits its y axis to the visible curves unless you fix it"));
    yBox->setAccessibleName(tr("y range"));
    auto *yGrid = new QGridLayout(yBox);
    yGrid->setColumnStretch(0, 1);
    for (int order = 0; order <= SceneModel::MaxOrder; ++order)
        createYRow(order, yBox, yGrid);
    return yBox;
}

void RangePanel::createYRow(int order, QWidget *yBox, QGridLayout *yGrid)
{
    YRow row;
    row.order = order;
    const QString name = orderName(order);
    row.automatic = new QCheckBox(tr("Automatic y range for %1").arg(name), yBox);
    row.automatic->setObjectName(QStringLiteral("yAutomatic%1").arg(order));
    row.automatic->setToolTip(
        tr("Checked: the %1 chart fits its y axis to the visible curves. Unchecked: the "
           "current range is kept and can be edited.")
            .arg(name));
    row.automatic->setAccessibleName(tr("Automatic y range for %1").arg(name));
    row.min = makeSpin(QStringLiteral("yMinSpin%1").arg(order), tr("y min of %1").arg(name),
                       tr("Bottom of the %1 chart's y axis").arg(name), yBox);
    row.max = makeSpin(QStringLiteral("yMaxSpin%1").arg(order), tr("y max of %1").arg(name),
                       tr("Top of the %1 chart's y axis").arg(name), yBox);
    // An automatic range is padded by 5 %: four decimals show it without noise.
    row.min->setDecimals(YDecimals);
    row.max->setDecimals(YDecimals);
    row.label = new QLabel(tr("to"), yBox);
    row.label->setToolTip(row.automatic->toolTip());
    yGrid->addWidget(row.automatic, order, 0);
    yGrid->addWidget(row.min, order, 1);
    yGrid->addWidget(row.label, order, 2);
    yGrid->addWidget(row.max, order, 3);
    m_yRows << row;

    connect(row.automatic, &QCheckBox::toggled, this,
            [this, order](bool checked) { applyAutomatic(order, checked); });
    connect(row.min, &QDoubleSpinBox::valueChanged, this,
            [this, order](double value) { applyFixedY(order, true, value); });
    connect(row.max, &QDoubleSpinBox::valueChanged, this,
            [this, order](double value) { applyFixedY(order, false, value); });
}

QWidget *RangePanel::createEpsilonRow()
{
    // ---- ε
    auto *epsilonBox = new QGroupBox(tr("Saturation threshold ε"), this);
    epsilonBox->setToolTip(
        tr("Where |f′| < ε the gradient counts as saturated: bands on the charts and rows in "
           "the saturation panel"));
    epsilonBox->setAccessibleName(tr("Saturation threshold"));
    auto *epsilonLabel = new QLabel(tr("&ε"), epsilonBox);
    m_epsilonSlider = new QSlider(Qt::Horizontal, epsilonBox);
    m_epsilonSlider->setObjectName(QStringLiteral("epsilonSlider"));
    m_epsilonSlider->setRange(0, EpsilonSteps);
    m_epsilonSlider->setSingleStep(EpsilonSteps / 100);
    m_epsilonSlider->setPageStep(EpsilonSteps / 10);
    m_epsilonSlider->setMinimumWidth(120);
    m_epsilonSlider->setAccessibleName(tr("ε slider (log scale)"));
    m_epsilonSlider->setToolTip(tr("ε on a log scale from 1e-6 to 0.25"));
    m_epsilonEdit = new QLineEdit(epsilonBox);
    m_epsilonEdit->setObjectName(QStringLiteral("epsilonEdit"));
    auto *validator = new QDoubleValidator(0.0, SpinLimit, 17, m_epsilonEdit);
    validator->setNotation(QDoubleValidator::ScientificNotation);
    m_epsilonEdit->setValidator(validator);
    m_epsilonEdit->setAccessibleName(tr("ε"));
    m_epsilonEdit->setToolTip(tr("ε > 0; scientific notation works, e.g. 1e-4"));
    fitEpsilonEdit();
    epsilonLabel->setBuddy(m_epsilonEdit);
    epsilonLabel->setToolTip(m_epsilonEdit->toolTip());
    m_epsilonPlayer = new SliderPlayer(m_epsilonSlider, tr("ε"), epsilonBox);
    auto *epsilonGrid = new QGridLayout(epsilonBox);
    epsilonGrid->setColumnStretch(1, 1);
    epsilonGrid->addWidget(epsilonLabel, 0, 0);
    epsilonGrid->addWidget(m_epsilonSlider, 0, 1);
    epsilonGrid->addWidget(m_epsilonPlayer, 0, 2);
    epsilonGrid->addWidget(m_epsilonEdit, 0, 3);
    return epsilonBox;
}

void RangePanel::createErrorLabel()
{
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("rangeError"));
    m_error->setAccessibleName(tr("Range message"));
    m_error->setToolTip(tr("Why the last value was refused; the previous value was kept"));
}

void RangePanel::layOut(QWidget *xBox, QWidget *yBox, QWidget *epsilonBox)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(xBox);
    layout->addWidget(yBox);
    layout->addWidget(epsilonBox);
    layout->addWidget(m_error);
    layout->addStretch(1);
    m_layout = layout;
    m_yBox = yBox;
}

void RangePanel::connectControls()
{
    connect(m_xMinSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_scene)
            applyRange(xAt(position), m_scene->xMax());
    });
    connect(m_xMaxSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_scene)
            applyRange(m_scene->xMin(), xAt(position));
    });
    connect(m_xMinSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_scene)
            applyRange(value, m_scene->xMax());
    });
    connect(m_xMaxSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_scene)
            applyRange(m_scene->xMin(), value);
    });
    connect(m_epsilonSlider, &QSlider::valueChanged, this,
            [this](int position) { applyEpsilon(epsilonAt(position)); });
    connect(m_epsilonEdit, &QLineEdit::editingFinished, this, &RangePanel::applyEpsilonText);
    for (QSlider *slider : {m_xMinSlider, m_xMaxSlider, m_epsilonSlider}) {
        connect(slider, &QSlider::sliderPressed, this, &RangePanel::interactionStarted);
        connect(slider, &QSlider::sliderReleased, this, &RangePanel::interactionFinished);
    }
    for (SliderPlayer *player : {m_xMinPlayer, m_xMaxPlayer, m_epsilonPlayer})
        connectPlayer(player);
}

void RangePanel::connectPlayer(SliderPlayer *player)
{
    connect(player, &SliderPlayer::playingChanged, this, [this](bool playing) {
        if (playing)
            emit playbackStarted();
        else
            emit playbackFinished();
    });
}

RangePanel::~RangePanel()
{
    // While QWidget's destructor deletes the children they still emit (a focus-out finishes an
    // edit, a model going away clears a selection), and this is no longer a RangePanel by then.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

void RangePanel::fitEpsilonEdit()
{
    // Room for "0.0001" at least and "0.000000000" at most, in the font in use.
    const QFontMetrics metrics = m_epsilonEdit->fontMetrics();
    m_epsilonEdit->setMinimumWidth(metrics.horizontalAdvance(QStringLiteral("0.00001")) + 16);
    m_epsilonEdit->setMaximumWidth(metrics.horizontalAdvance(QStringLiteral("0.000000000")) + 16);
}

void RangePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_epsilonEdit)
        fitEpsilonEdit(); // presentation mode's larger text
}

void RangePanel::setCompact(bool compact)
{
    m_compact = compact;
    m_layout->setDirection(compact ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    m_yBox->setVisible(!compact);
    // x max stays under x min: two rows are no taller than the parameters beside them, and the
    // strip, play buttons and all, fits a 1024-pixel projector.
    for (QSlider *slider : {m_xMinSlider, m_xMaxSlider, m_epsilonSlider})
        slider->setMinimumWidth(compact ? 60 : 120);
    for (QDoubleSpinBox *spin : {m_xMinSpin, m_xMaxSpin})
        static_cast<NumberSpinBox *>(spin)->setCompact(compact);
}

double RangePanel::epsilonAt(int position)
{
    if (position <= 0)
        return EpsilonMin;
    if (position >= EpsilonSteps)
        return EpsilonMax;
    const double lo = std::log10(EpsilonMin);
    const double hi = std::log10(EpsilonMax);
    const double epsilon = std::pow(10.0, lo + (hi - lo) * position / EpsilonSteps);
    // Three digits read well (0.00998), and a tick is 1.25 % wide, so the rounding keeps the tick.
    return QString::number(epsilon, 'g', 3).toDouble();
}

int RangePanel::epsilonPosition(double epsilon)
{
    if (!(epsilon > EpsilonMin))
        return 0;
    if (!(epsilon < EpsilonMax))
        return EpsilonSteps;
    const double lo = std::log10(EpsilonMin);
    const double hi = std::log10(EpsilonMax);
    return int(std::lround((std::log10(epsilon) - lo) / (hi - lo) * EpsilonSteps));
}

void RangePanel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    for (SliderPlayer *player : { m_xMinPlayer, m_xMaxPlayer, m_epsilonPlayer })
        player->setScene(scene);
    if (m_scene) {
        connect(m_scene, &SceneModel::rangeChanged, this, &RangePanel::updateX);
        connect(m_scene, &SceneModel::epsilonChanged, this, &RangePanel::updateEpsilon);
        // The automatic y ranges follow the curves, which change with every edit.
        connect(m_scene, &SceneModel::recomputed, this, &RangePanel::updateY);
        connect(m_scene, &QObject::destroyed, this, &RangePanel::refresh);
    }
    m_error->setMessage({});
    refresh();
}

SceneModel *RangePanel::scene() const
{
    return m_scene;
}

QString RangePanel::errorText() const
{
    return m_error->text();
}

void RangePanel::refresh()
{
    const bool bound = m_scene;
    const QList<QWidget *> editors = findChildren<QWidget *>();
    for (QWidget *w : editors) {
        if (w != m_error)
            w->setEnabled(bound);
    }
    updateX();
    updateY();
    updateEpsilon();
}

void RangePanel::updateX()
{
    if (!m_scene)
        return;
    const QSignalBlocker b1(m_xMinSlider);
    const QSignalBlocker b2(m_xMaxSlider);
    const QSignalBlocker b3(m_xMinSpin);
    const QSignalBlocker b4(m_xMaxSpin);
    m_xMinSlider->setValue(xPosition(m_scene->xMin()));
    m_xMaxSlider->setValue(xPosition(m_scene->xMax()));
    showValue(m_xMinSpin, m_scene->xMin());
    showValue(m_xMaxSpin, m_scene->xMax());
}

void RangePanel::updateY()
{
    if (!m_scene)
        return;
    for (const YRow &row : std::as_const(m_yRows)) {
        const bool shown = row.order <= m_scene->maxOrder();
        row.automatic->setVisible(shown);
        row.min->setVisible(shown);
        row.label->setVisible(shown);
        row.max->setVisible(shown);
        const std::optional<Interval> fixed = m_scene->fixedYRange(row.order);
        const Interval y = fixed ? *fixed : m_scene->yRange(row.order);
        const QSignalBlocker b1(row.automatic);
        const QSignalBlocker b2(row.min);
        const QSignalBlocker b3(row.max);
        row.automatic->setChecked(!fixed);
        row.min->setEnabled(bool(fixed));
        row.max->setEnabled(bool(fixed));
        row.label->setEnabled(bool(fixed));
        showValue(row.min, y.from);
        showValue(row.max, y.to);
    }
}

void RangePanel::updateEpsilon()
{
    if (!m_scene)
        return;
    const QSignalBlocker b1(m_epsilonSlider);
    const QSignalBlocker b2(m_epsilonEdit);
    m_epsilonSlider->setValue(epsilonPosition(m_scene->epsilon()));
    m_epsilonEdit->setText(m_epsilonEdit->locale().toString(m_scene->epsilon(), 'g', 6));
}

void RangePanel::applyRange(double xMin, double xMax)
{
    m_error->apply([&](QString *error) { return m_scene->setRange(xMin, xMax, error); });
    // Also after a refusal: the widget the user moved goes back to the scene's value.
    updateX();
}

void RangePanel::applyAutomatic(int order, bool automatic)
{
    if (!m_scene)
        return;
    // Unchecking freezes what the chart shows now.
    const std::optional<Interval> range
        = automatic ? std::nullopt : std::optional<Interval>(m_scene->yRange(order));
    m_error->apply([&](QString *error) { return m_scene->setFixedYRange(order, range, error); });
    updateY();
}

void RangePanel::applyFixedY(int order, bool isMin, double value)
{
    if (!m_scene)
        return;
    Interval range = m_scene->fixedYRange(order).value_or(m_scene->yRange(order));
    (isMin ? range.from : range.to) = value;
    m_error->apply([&](QString *error) { return m_scene->setFixedYRange(order, range, error); });
    updateY();
}

void RangePanel::applyEpsilon(double epsilon)
{
    if (!m_scene)
        return;
    m_error->apply([&](QString *error) { return m_scene->setEpsilon(epsilon, error); });
    updateEpsilon();
}

void RangePanel::applyEpsilonText()
{
    if (!m_scene)
        return;
    const QString text = m_epsilonEdit->text().trimmed();
    bool ok = false;
    double epsilon = m_epsilonEdit->locale().toDouble(text, &ok);
    if (!ok)
        epsilon = QLocale::c().toDouble(text, &ok);
    if (!ok) {
        m_error->setMessage(tr("ε: \"%1\" is not a number").arg(text));
        updateEpsilon();
        return;
    }
    if (epsilon == m_scene->epsilon()) {
        updateEpsilon();
        return;
    }
    applyEpsilon(epsilon);
}
