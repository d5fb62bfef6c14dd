#include "animationsweep.h"

#include "activationcatalogue.h"
#include "numbertext.h"
#include "scenemodel.h"

#include <QCoreApplication>

#include <cmath>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/** The rows a parameter target changes: every instance of its id, or the n-th. */
QList<int> targetRows(const AnimationTarget &target, const SceneModel &scene)
{
    QList<int> rows;
    int seen = 0;
    for (int row = 0; row < scene.rowCount(); ++row) {
        if (scene.function(row).spec->id != target.functionId)
            continue;
        ++seen;
        if (target.instance == 0 || target.instance == seen)
            rows << row;
    }
    return rows;
}

QString number(double v)
{
    return NumberText::roundTrip(v);
}

} // namespace

QString AnimationTarget::name() const
{
    switch (kind) {
    case Kind::XMin:
        return QStringLiteral("x-min");
    case Kind::XMax:
        return QStringLiteral("x-max");
    case Kind::Epsilon:
        return QStringLiteral("epsilon");
    case Kind::Parameter:
        break;
    }
    const QString id = instance > 0
            ? functionId + QLatin1Char('#') + QString::number(instance)
            : functionId;
    return id + QLatin1Char('.') + parameter;
}

std::optional<AnimationTarget> AnimationTarget::fromName(const QString &text)
{
    const QString name = text.trimmed();
    AnimationTarget t;
    if (name == QLatin1String("x-min")) {
        t.kind = Kind::XMin;
        return t;
    }
    if (name == QLatin1String("x-max")) {
        t.kind = Kind::XMax;
        return t;
    }
    if (name == QLatin1String("epsilon")) {
        t.kind = Kind::Epsilon;
        return t;
    }
    // The last dot: parameter names have none, a custom function's id may ("expr:1.5*x").
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == name.size() - 1)
        return std::nullopt;
    QString id = name.left(dot);
    t.parameter = name.mid(dot + 1);
    const qsizetype hash = id.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        bool ok = false;
        t.instance = id.mid(hash + 1).toInt(&ok);
        if (!ok || t.instance < 1)
            return std::nullopt;
        id = id.left(hash);
    }
    if (id.isEmpty())
        return std::nullopt;
    t.functionId = id;
    return t;
}

double AnimationSweep::valueAt(int step) const
{
    if (frames <= 1 || step <= 0)
        return from;
    if (step >= frames - 1)
        return to; // exactly, not to within rounding
    const double t = double(step) / double(frames - 1);
    if (target.kind == AnimationTarget::Kind::Epsilon)
        return from * std::pow(to / from, t);
    return from + (to - from) * t;
}

QList<int> AnimationSweep::frameSteps() const
{
    QList<int> steps;
    for (int i = 0; i < frames; ++i)
        steps << i;
    if (mode == Mode::Bounce) {
        for (int i = frames - 2; i >= 1; --i)
            steps << i;
    }
    return steps;
}

QList<double> AnimationSweep::frameValues() const
{
    QList<double> values;
    for (const int step : frameSteps())
        values << valueAt(step);
    return values;
}

QString AnimationSweep::check(const SceneModel &scene) const
{
    const QString name = target.name();
    if (frames < MinFrames || frames > MaxFrames)
        return QCoreApplication::translate("AnimationSweep", "the number of frames must be between %1 and %2 (got %3)")
                .arg(MinFrames)
                .arg(MaxFrames)
                .arg(frames);
    if (!std::isfinite(from) || !std::isfinite(to))
        return QCoreApplication::translate("AnimationSweep", "%1: the range must be two finite numbers (got %2 to %3)")
                .arg(name, number(from), number(to));
    switch (target.kind) {
    case AnimationTarget::Kind::Epsilon:
        if (!(from > 0) || !(to > 0))
            return QCoreApplication::translate("AnimationSweep", "epsilon: both ends must be > 0, as epsilon is swept on a log scale "
                      "(got %1 to %2)")
                    .arg(number(from), number(to));
        break;
    case AnimationTarget::Kind::XMin:
    case AnimationTarget::Kind::XMax:
        break;
    case AnimationTarget::Kind::Parameter: {
        const QStringList valid = targetNames(scene);
        const QList<int> rows = targetRows(target, scene);
        if (rows.isEmpty())
            return QCoreApplication::translate("AnimationSweep", "cannot animate '%1': the scene has no %2; valid names: %3")
                    .arg(name,
                         target.instance > 0 ? target.functionId + QLatin1Char('#')
                                         + QString::number(target.instance)
                                             : target.functionId,
                         valid.join(QLatin1String(", ")));
        const ActivationSpec *spec = scene.function(rows.first()).spec;
        const int index = spec->parameterIndex(target.parameter);
        if (index < 0 || spec->parameters[index].domain == ParameterDomain::Choice)
            return QCoreApplication::translate("AnimationSweep", "cannot animate '%1': %2 has no number parameter '%3'; valid names: %4")
                    .arg(name, spec->id, target.parameter, valid.join(QLatin1String(", ")));
        const ParameterSpec &parameter = spec->parameters[index];
        for (int step = 0; step < frames; ++step) {
            const double v = valueAt(step);
            const QString problem = parameter.check(v);
            if (!problem.isEmpty())
                return QCoreApplication::translate("AnimationSweep", "%1 from %2 to %3: frame %4 (value %5): %6")
                        .arg(name, number(from), number(to))
                        .arg(step + 1)
                        .arg(number(v), problem);
        }
        break;
    }
    }
    // Whatever else the scene refuses (x min past x max, parameters that must keep an order).
    SceneModel copy;
    copy.assign(scene);
    const SceneModel::UpdateBatch batch(copy);
    for (int step = 0; step < frames; ++step) {
        QString problem;
        if (!apply(copy, valueAt(step), &problem))
            return QCoreApplication::translate("AnimationSweep", "%1 from %2 to %3: frame %4 (value %5): %6")
                    .arg(name, number(from), number(to))
                    .arg(step + 1)
                    .arg(number(valueAt(step)), problem);
    }
    return {};
}

bool AnimationSweep::apply(SceneModel &scene, double value, QString *error) const
{
    switch (target.kind) {
    case AnimationTarget::Kind::XMin:
        return scene.setRange(value, scene.xMax(), error);
    case AnimationTarget::Kind::XMax:
        return scene.setRange(scene.xMin(), value, error);
    case AnimationTarget::Kind::Epsilon:
        return scene.setEpsilon(value, error);
    case AnimationTarget::Kind::Parameter:
        break;
    }
    const QList<int> rows = targetRows(target, scene);
    if (rows.isEmpty()) {
        setError(error, QCoreApplication::translate("AnimationSweep", "the scene has no function %1").arg(target.functionId));
        return false;
    }
    for (const int row : rows) {
        if (!scene.setParameter(row, target.parameter, value, error))
            return false;
    }
    return true;
}

QStringList AnimationSweep::targetNames(const QStringList &functionIds)
{
    QStringList names;
    for (const QString &id : functionIds) {
        const ActivationSpec *spec = ActivationCatalogue::find(id);
        if (!spec)
            continue;
        for (const ParameterSpec &p : spec->parameters) {
            const QString name = id + QLatin1Char('.') + p.name;
            if (p.domain != ParameterDomain::Choice && !names.contains(name))
                names << name;
        }
    }
    names << QStringLiteral("x-min") << QStringLiteral("x-max") << QStringLiteral("epsilon");
    return names;
}

QStringList AnimationSweep::targetNames(const SceneModel &scene)
{
    QStringList ids;
    for (int row = 0; row < scene.rowCount(); ++row)
        ids << scene.function(row).spec->id;
    return targetNames(ids);
}

QString AnimationSweep::modeName(Mode mode)
{
    return mode == Mode::Bounce ? QStringLiteral("bounce") : QStringLiteral("once");
}

std::optional<AnimationSweep::Mode> AnimationSweep::modeFromName(const QString &name)
{
    if (name == QLatin1String("once"))
        return Mode::Once;
    if (name == QLatin1String("bounce"))
        return Mode::Bounce;
    return std::nullopt;
}

int AnimationSweep::frameDelay(int fps)
{
    if (fps <= 0)
        return 0;
    return int(std::lround(100.0 / fps));
}
