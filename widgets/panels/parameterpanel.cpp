#include "parameterpanel.h"

#include "numberspinbox.h"
#include "sliderplayer.h"

#include "errorlabel.h"
#include "numbertext.h"
#include "scenemodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

/** Typed values may lie anywhere in the domain, far beyond the slider. */
constexpr double SpinLimit = 1e6;
constexpr int SpinDecimals = 6;

} // namespace

ParameterPanel::ParameterPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Parameters"));
    setAccessibleDescription(tr("A slider, a number field and a play button for each parameter of "
                                "the selected function"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("parameterTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setAccessibleName(tr("Function whose parameters are shown"));

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("parameterNote"));
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Parameter panel note"));

    m_formSlot = new QVBoxLayout;
    m_formSlot->setContentsMargins(0, 0, 0, 0);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("parameterError"));
    m_error->setAccessibleName(tr("Parameter message"));
    m_error->setToolTip(tr("Why the last value was refused; the previous value was kept"));

    m_resetButton = new QPushButton(tr("Reset to &defaults"), this);
    m_resetButton->setObjectName(QStringLiteral("parameterResetButton"));
    m_resetButton->setToolTip(tr("Set every parameter back to PyTorch's default"));
    m_resetButton->setAccessibleName(tr("Reset parameters to defaults"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_resetButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addLayout(m_formSlot);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_resetButton, &QPushButton::clicked, this, &ParameterPanel::resetToDefaults);

    refresh();
}

ParameterPanel::~ParameterPanel()
{
    // While QWidget's destructor deletes the children they still emit (a focus-out finishes an
    // edit, a model going away clears a selection), and this is no longer a ParameterPanel by then.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

double ParameterPanel::sliderValue(double sliderMin, double sliderMax, int position)
{
    if (position <= 0)
        return sliderMin;
    if (position >= SliderSteps)
        return sliderMax;
    return sliderMin + (sliderMax - sliderMin) * position / SliderSteps;
}

int ParameterPanel::sliderPosition(double sliderMin, double sliderMax, double value)
{
    if (!(sliderMax > sliderMin) || std::isnan(value))
        return 0;
    const double t = (value - sliderMin) / (sliderMax - sliderMin);
    return int(std::lround(std::clamp(t, 0.0, 1.0) * SliderSteps));
}

void ParameterPanel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    m_index = QPersistentModelIndex();
    if (m_scene) {
        connect(m_scene, &QAbstractItemModel::dataChanged, this, &ParameterPanel::onDataChanged);
        connect(m_scene, &QAbstractItemModel::rowsRemoved, this, &ParameterPanel::refresh);
        connect(m_scene, &QAbstractItemModel::modelReset, this, &ParameterPanel::refresh);
        connect(m_scene, &QObject::destroyed, this, &ParameterPanel::refresh);
    }
    m_error->setMessage({});
    refresh();
}

SceneModel *ParameterPanel::scene() const
{
    return m_scene;
}

void ParameterPanel::setCurrentRow(int row)
{
    const QModelIndex index
        = m_scene && row >= 0 && row < m_scene->rowCount() ? m_scene->index(row) : QModelIndex();
    if (index == m_index)
        return;
    m_index = index;
    m_error->setMessage({});
    refresh();
}

int ParameterPanel::currentRow() const
{
    return m_scene && m_index.isValid() ? m_index.row() : -1;
}

QString ParameterPanel::errorText() const
{
    return m_error->text();
}

void ParameterPanel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = currentRow();
    if (row >= topLeft.row() && row <= bottomRight.row())
        refresh();
}

void ParameterPanel::refresh()
{
    const int row = currentRow();
    const ActivationSpec *spec = row >= 0 ? m_scene->function(row).spec : nullptr;
    // Widgets are rebuilt only when another function is shown: a drag keeps its slider.
    if (spec != m_builtSpec || (!spec && !m_builtEmpty))
        rebuild(spec);
    updateValues();
}

void ParameterPanel::rebuild(const ActivationSpec *spec)
{
    m_builtSpec = spec;
    m_builtEmpty = !spec;
    removeForm();

    if (!spec) {
        m_title->setText(tr("Parameters"));
        m_title->setToolTip(tr("Select a function in the list to edit its parameters"));
        m_note->setText(tr("No function selected."));
        m_note->show();
        m_resetButton->setEnabled(false);
        return;
    }

    showHeading(*spec);
    if (spec->parameters.isEmpty()) {
        m_note->setText(tr("%1 has no parameters.").arg(spec->kind == FunctionKind::Custom ? spec->displayName : spec->id));
        m_note->show();
        return;
    }
    m_note->clear();
    m_note->hide();

    createForm(*spec);
}

void ParameterPanel::removeForm()
{
    // A slider deleted while held (its function removed or replaced by a shortcut mid-drag) never
    // reports its release: the drag ends here, or later edits of the same kind would join its
    // undo step.
    for (const Editor &editor : std::as_const(m_editors)) {
        if (editor.slider && editor.slider->isSliderDown()) {
            emit interactionFinished();
            break;
        }
    }
    // A sweep of a parameter no longer shown ends here, as one undo step.
    for (const Editor &editor : std::as_const(m_editors)) {
        if (editor.player)
            editor.player->stop();
    }
    m_editors.clear();
    // Nothing inside the old form is on the call stack: rebuilds come from the scene's structure
    // or from setCurrentRow(), never from one of the form's own editors.
    delete m_form;
    m_form = nullptr;
}

void ParameterPanel::showHeading(const ActivationSpec &spec)
{
    //: Heading of the parameter panel: PyTorch id, display name
    // A function of one's own is its expression; a catalogue entry is "id — name".
    m_title->setText(spec.kind == FunctionKind::Custom
                         ? spec.displayName
                         : tr("%1 — %2").arg(spec.id, spec.displayName));
    m_title->setToolTip(tr("f(x) = %1\nf′(x) = %2\n%3")
                            .arg(spec.formula, spec.derivativeFormula, spec.translatedGradientNote()));
    m_resetButton->setEnabled(!spec.parameters.isEmpty());
}

void ParameterPanel::createForm(const ActivationSpec &spec)
{
    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("parameterForm"));
    auto *grid = new QGridLayout(m_form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);

    for (int i = 0; i < spec.parameters.size(); ++i)
        createEditor(i, spec.parameters[i], grid);
    m_formSlot->addWidget(m_form);
    // A widget made after its parent was shown stays hidden until told otherwise.
    m_form->show();
}

void ParameterPanel::createEditor(int i, const ParameterSpec &p, QGridLayout *grid)
{
    Editor editor;
    editor.parameter = i;
    editor.label = new QLabel(p.name, m_form);
    editor.label->setObjectName(p.name + QStringLiteral("Label"));
    const QString help
        = tr("%1\nAllowed: %2. PyTorch's default: %3.")
              .arg(p.translatedDescription(), p.domainText(),
                   p.domain == ParameterDomain::Choice ? p.choices.value(int(p.defaultValue))
                                                       : NumberText::localized(p.defaultValue));
    editor.label->setToolTip(help);
    grid->addWidget(editor.label, i, 0);

    if (p.domain == ParameterDomain::Choice)
        createChoice(editor, p, help, grid);
    else
        createSliderAndSpin(editor, p, help, grid);
    m_editors << editor;
}

void ParameterPanel::createChoice(Editor &editor, const ParameterSpec &p, const QString &help,
                                  QGridLayout *grid)
{
    const int i = editor.parameter;
    editor.choice = new QComboBox(m_form);
    editor.choice->setObjectName(p.name + QStringLiteral("Choice"));
    editor.choice->addItems(p.choices);
    editor.choice->setToolTip(help);
    editor.choice->setAccessibleName(p.name);
    editor.label->setBuddy(editor.choice);
    grid->addWidget(editor.choice, i, 1, 1, 3);
    connect(editor.choice, &QComboBox::currentIndexChanged, this,
            [this, i](int index) { apply(i, index); });
}

void ParameterPanel::createSliderAndSpin(Editor &editor, const ParameterSpec &p,
                                         const QString &help, QGridLayout *grid)
{
    const int i = editor.parameter;
    editor.slider = new QSlider(Qt::Horizontal, m_form);
    editor.slider->setObjectName(p.name + QStringLiteral("Slider"));
    editor.slider->setRange(0, SliderSteps);
    editor.slider->setSingleStep(SliderSteps / 100);
    editor.slider->setPageStep(SliderSteps / 10);
    editor.slider->setMinimumWidth(120);
    editor.slider->setToolTip(tr("%1 from %2 to %3; type any allowed value in the box")
                                  .arg(p.name, NumberText::localized(p.sliderMin),
                                       NumberText::localized(p.sliderMax)));
    editor.slider->setAccessibleName(tr("%1 slider").arg(p.name));

    editor.spin = new NumberSpinBox(m_form);
    editor.spin->setObjectName(p.name + QStringLiteral("Spin"));
    editor.spin->setDecimals(SpinDecimals);
    editor.spin->setRange(-SpinLimit, SpinLimit);
    editor.spin->setSingleStep((p.sliderMax - p.sliderMin) / 100);
    // Typed values go to the scene on Enter or focus out, not at every keystroke.
    editor.spin->setKeyboardTracking(false);
    editor.spin->setToolTip(help);
    editor.spin->setAccessibleName(p.name);
    editor.label->setBuddy(editor.spin);

    editor.player = new SliderPlayer(editor.slider, p.name, m_form);
    editor.player->setScene(m_scene);
    connect(editor.player, &SliderPlayer::playingChanged, this, [this](bool playing) {
        if (playing)
            emit playbackStarted();
        else
            emit playbackFinished();
    });

    applyCompact(editor);
    grid->addWidget(editor.slider, i, 1);
    grid->addWidget(editor.player, i, 2);
    grid->addWidget(editor.spin, i, 3);

    const double lo = p.sliderMin;
    const double hi = p.sliderMax;
    connect(editor.slider, &QSlider::valueChanged, this,
            [this, i, lo, hi](int position) { apply(i, sliderValue(lo, hi, position)); });
    connect(editor.spin, &QDoubleSpinBox::valueChanged, this,
            [this, i](double value) { apply(i, value); });
    connect(editor.slider, &QSlider::sliderPressed, this,
            &ParameterPanel::interactionStarted);
    connect(editor.slider, &QSlider::sliderReleased, this,
            &ParameterPanel::interactionFinished);
}

void ParameterPanel::setCompact(bool compact)
{
    m_compact = compact;
    for (const Editor &editor : std::as_const(m_editors))
        applyCompact(editor);
}

void ParameterPanel::applyCompact(const Editor &editor) const
{
    if (!editor.slider)
        return;
    editor.slider->setMinimumWidth(m_compact ? 60 : 120);
    static_cast<NumberSpinBox *>(editor.spin)->setCompact(m_compact);
}

SliderPlayer *ParameterPanel::player(const QString &parameter) const
{
    for (const Editor &editor : m_editors) {
        if (editor.player && m_builtSpec
            && m_builtSpec->parameters[editor.parameter].name == parameter)
            return editor.player;
    }
    return nullptr;
}

void ParameterPanel::updateValues()
{
    const int row = currentRow();
    if (row < 0 || !m_builtSpec)
        return;
    const FunctionInstance &fn = m_scene->function(row);
    for (const Editor &editor : std::as_const(m_editors)) {
        const ParameterSpec &p = m_builtSpec->parameters[editor.parameter];
        const double value = fn.parameters[editor.parameter];
        if (editor.choice) {
            const QSignalBlocker blocker(editor.choice);
            editor.choice->setCurrentIndex(int(value));
            continue;
        }
        {
            const QSignalBlocker blocker(editor.slider);
            editor.slider->setValue(sliderPosition(p.sliderMin, p.sliderMax, value));
        }
        {
            const QSignalBlocker blocker(editor.spin);
            editor.spin->setValue(value);
        }
    }
}

void ParameterPanel::apply(int parameter, double value)
{
    const int row = currentRow();
    if (row < 0 || !m_builtSpec)
        return;
    const QString name = m_builtSpec->parameters[parameter].name;
    m_error->apply([&](QString *error) { return m_scene->setParameter(row, name, value, error); });
    // Also when unchanged or refused: an unchanged value emits nothing, yet the other editor must
    // still agree, and a refused one goes back to the scene's value.
    updateValues();
}

void ParameterPanel::resetToDefaults()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_error->apply([&](QString *error) { return m_scene->resetParameters(row, error); });
    updateValues();
}
