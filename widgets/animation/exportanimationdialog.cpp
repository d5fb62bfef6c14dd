#include "exportanimationdialog.h"

#include "scenemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>

namespace {

constexpr double ValueLimit = 1e6;

} // namespace

ExportAnimationDialog::ExportAnimationDialog(const SceneModel &scene, const RenderOptions &render,
                                             int focusRow, QWidget *parent)
    : QDialog(parent)
    , m_scene(scene)
    , m_render(render)
{
    setWindowTitle(tr("Export Animation"));
    setAccessibleDescription(tr("Saves a sweep of one value as an animated GIF: what moves, from "
                                "where to where, the frames, the speed and the size"));
    setObjectName(QStringLiteral("exportAnimationDialog"));

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_target->setAccessibleName(tr("Value to animate"));
    m_target->setAccessibleDescription(
            tr("A parameter of a visible function, x min, x max or the threshold ε; each frame "
               "shows the next value from A to B"));
    m_target->setToolTip(m_target->accessibleDescription());
    // The focused function first, then the other visible ones, then the range and ε.
    QList<int> rows;
    if (focusRow >= 0 && focusRow < scene.rowCount() && scene.function(focusRow).visible)
        rows << focusRow;
    for (int row = 0; row < scene.rowCount(); ++row) {
        if (row != focusRow && scene.function(row).visible)
            rows << row;
    }
    for (const int row : std::as_const(rows)) {
        const FunctionInstance &fn = scene.function(row);
        int instance = 0;
        int count = 0;
        for (int r = 0; r < scene.rowCount(); ++r) {
            if (scene.function(r).spec->id == fn.spec->id) {
                ++count;
                if (r <= row)
                    ++instance;
            }
        }
        for (const ParameterSpec &p : fn.spec->parameters) {
            if (p.domain == ParameterDomain::Choice)
                continue;
            AnimationTarget t;
            t.functionId = fn.spec->id;
            t.instance = count > 1 ? instance : 0;
            t.parameter = p.name;
            const QString function = count > 1
                    ? tr("%1 #%2").arg(fn.spec->id).arg(instance)
                    : fn.spec->id;
            m_target->addItem(tr("%1: %2").arg(function, p.name), t.name());
        }
    }
    m_target->addItem(tr("x min"), QStringLiteral("x-min"));
    m_target->addItem(tr("x max"), QStringLiteral("x-max"));
    m_target->addItem(tr("Threshold ε (log scale)"), QStringLiteral("epsilon"));

    const auto makeValue = [this](const QString &name, const QString &description) {
        auto *spin = new QDoubleSpinBox(this);
        spin->setRange(-ValueLimit, ValueLimit);
        spin->setDecimals(6);
        spin->setAccessibleName(name);
        spin->setAccessibleDescription(description);
        spin->setToolTip(description);
        return spin;
    };
    m_from = makeValue(tr("From (A)"), tr("The value the first frame shows"));
    m_from->setObjectName(QStringLiteral("fromSpin"));
    m_to = makeValue(tr("To (B)"), tr("The value the last frame of the sweep shows"));
    m_to->setObjectName(QStringLiteral("toSpin"));

    const auto makeCount = [this](int min, int max, int value, const QString &name,
                                  const QString &description) {
        auto *spin = new QSpinBox(this);
        spin->setRange(min, max);
        spin->setValue(value);
        spin->setAccessibleName(name);
        spin->setAccessibleDescription(description);
        spin->setToolTip(description);
        return spin;
    };
    m_frames = makeCount(AnimationSweep::MinFrames, AnimationSweep::MaxFrames,
                         AnimationSweep::DefaultFrames, tr("Frames"),
                         tr("Frames from A to B, both included"));
    m_frames->setObjectName(QStringLiteral("framesSpin"));
    m_fps = makeCount(AnimationSweep::MinFps, AnimationSweep::MaxFps, AnimationSweep::DefaultFps,
                      tr("Frames per second"),
                      tr("How fast the GIF plays; each frame shows for round(100/fps) hundredths "
                         "of a second"));
    m_fps->setObjectName(QStringLiteral("fpsSpin"));

    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->addItem(tr("Once: A to B, then again from A"), int(AnimationSweep::Mode::Once));
    m_mode->addItem(tr("Bounce: A to B and back"), int(AnimationSweep::Mode::Bounce));
    m_mode->setAccessibleName(tr("Playback"));
    m_mode->setAccessibleDescription(
            tr("The GIF loops forever: once restarts at A, bounce goes back from B to A "
               "without showing either end twice"));
    m_mode->setToolTip(m_mode->accessibleDescription());

    m_width = makeCount(64, 4096, render.size.width(), tr("Width"),
                        tr("Width of the GIF in pixels"));
    m_width->setObjectName(QStringLiteral("widthSpin"));
    m_width->setSuffix(tr(" px"));
    m_height = makeCount(64, 4096, render.size.height(), tr("Height"),
                         tr("Height of the GIF in pixels"));
    m_height->setObjectName(QStringLiteral("heightSpin"));
    m_height->setSuffix(tr(" px"));
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(m_height);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setAccessibleName(tr("File name"));
    m_path->setAccessibleDescription(tr("Where to save the animated GIF"));
    m_path->setToolTip(m_path->accessibleDescription());
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Browse for a file"));
    browse->setAccessibleDescription(tr("Choose the file with a file dialog"));
    browse->setToolTip(browse->accessibleDescription());
    connect(browse, &QPushButton::clicked, this, &ExportAnimationDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Animate:"), m_target);
    form->addRow(tr("F&rom:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("Fra&mes:"), m_frames);
    form->addRow(tr("&Speed:"), m_fps);
    m_fps->setSuffix(tr(" fps"));
    form->addRow(tr("&Playback:"), m_mode);
    // Rows of two widgets: their labels need a buddy for the mnemonic (else the & shows).
    const auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(labelFor(tr("Si&ze:"), m_width), sizeRow);
    form->addRow(labelFor(tr("&File:"), m_path), pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Draw the frames and write the GIF"));
    buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without exporting"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportAnimationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportAnimationDialog::reject);
    form->addRow(buttons);

    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportAnimationDialog::targetChosen);
    targetChosen();
}

QString ExportAnimationDialog::path() const { return m_path->text().trimmed(); }
void ExportAnimationDialog::setPath(const QString &path) { m_path->setText(path); }

QStringList ExportAnimationDialog::targetNames() const
{
    QStringList names;
    for (int i = 0; i < m_target->count(); ++i)
        names << m_target->itemData(i).toString();
    return names;
}

bool ExportAnimationDialog::setTarget(const QString &name)
{
    const int index = m_target->findData(name);
    if (index < 0)
        return false;
    m_target->setCurrentIndex(index);
    targetChosen(); // the default range even when it was chosen already
    return true;
}

void ExportAnimationDialog::targetChosen()
{
    const std::optional<AnimationTarget> t
            = AnimationTarget::fromName(m_target->currentData().toString());
    if (!t)
        return;
    double from = 0;
    double to = 1;
    const double width = m_scene.xMax() - m_scene.xMin();
    switch (t->kind) {
    case AnimationTarget::Kind::XMin:
        from = m_scene.xMin();
        to = m_scene.xMin() + width / 2;
        break;
    case AnimationTarget::Kind::XMax:
        from = m_scene.xMax();
        to = m_scene.xMax() - width / 2;
        break;
    case AnimationTarget::Kind::Epsilon:
        from = 1e-4;
        to = 0.25;
        break;
    case AnimationTarget::Kind::Parameter:
        if (const ActivationSpec *spec = ActivationCatalogue::find(t->functionId)) {
            const int i = spec->parameterIndex(t->parameter);
            if (i >= 0) {
                from = spec->parameters[i].sliderMin;
                to = spec->parameters[i].sliderMax;
            }
        }
        break;
    }
    // ε lives between 1e-6 and 0.25; the others read well with four decimals.
    const int decimals = t->kind == AnimationTarget::Kind::Epsilon ? 6 : 4;
    m_from->setDecimals(decimals);
    m_to->setDecimals(decimals);
    m_from->setValue(from);
    m_to->setValue(to);
}

AnimationOptions ExportAnimationDialog::options() const
{
    AnimationOptions o;
    o.render = m_render;
    o.render.size = QSize(m_width->value(), m_height->value());
    o.render.scale = 1;
    if (const std::optional<AnimationTarget> t
        = AnimationTarget::fromName(m_target->currentData().toString()))
        o.sweep.target = *t;
    o.sweep.from = m_from->value();
    o.sweep.to = m_to->value();
    o.sweep.frames = m_frames->value();
    o.sweep.mode = AnimationSweep::Mode(m_mode->currentData().toInt());
    o.fps = m_fps->value();
    return o;
}

void ExportAnimationDialog::accept()
{
    if (path().isEmpty() || QFileInfo(path()).suffix().toLower() != QLatin1String("gif")) {
        QMessageBox::warning(this, tr("Export Animation"),
                             tr("Choose a file name ending in .gif (got '%1').").arg(path()));
        return;
    }
    const QString problem = SceneAnimation::check(m_scene, options());
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Export Animation"),
                             tr("This animation cannot be made: %1").arg(problem));
        return;
    }
    QDialog::accept();
}

void ExportAnimationDialog::browse()
{
    // The window asks about replacing an existing file once everything is chosen.
    const QString chosen = QFileDialog::getSaveFileName(
            this, tr("Export Animation"), path(), tr("GIF animation (*.gif)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

bool ExportAnimationDialog::exportWithProgress(QWidget *parent, const SceneModel &scene,
                                               const AnimationOptions &options,
                                               const QString &path, QString *error,
                                               bool *cancelled)
{
    QProgressDialog progress(tr("Drawing the frames of %1…").arg(QFileInfo(path).fileName()),
                             tr("Cancel"), 0, 1, parent);
    progress.setWindowTitle(tr("Export Animation"));
    progress.setObjectName(QStringLiteral("exportAnimationProgress"));
    progress.setAccessibleName(tr("Export progress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const auto step = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        // Paints the dialog and takes the Cancel click between frames.
        QApplication::processEvents();
        return !progress.wasCanceled();
    };
    const bool written = SceneAnimation::exportGif(scene, options, path, step, error, cancelled);
    progress.reset();
    return written;
}
