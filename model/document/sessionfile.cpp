#include "sessionfile.h"

#include "customfunctions.h"
#include "losscatalogue.h"
#include "numbertext.h"

#include "dataexport.h"
#include "lessons.h"
#include "scenemodel.h"

#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

/** Activations, then losses, for messages. */
QString allIds()
{
    return ActivationCatalogue::idList() + QStringLiteral(", ") + LossCatalogue::idList();
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

/** What a JSON value is, for "must be a number (got a string)". */
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(NumberText::roundTrip(value.toDouble()));
    case QJsonValue::String:
        return QStringLiteral("the string %1").arg(quoted(value.toString().left(40)));
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

/** The first problem found while reading, with the path of the key it is about. */
class Reader
{
public:
    QString error;

    bool fail(const QString &where, const QString &what)
    {
        if (error.isEmpty())
            error = where.isEmpty() ? what : where + QStringLiteral(": ") + what;
        return false;
    }

    bool required(const QJsonObject &object, const QString &where, const QString &key,
                  QJsonValue *value)
    {
        *value = object.value(key);
        if (value->isUndefined())
            return fail(where, QStringLiteral("missing"));
        return true;
    }

    bool finite(const QJsonValue &value, const QString &where, double *out)
    {
        if (!value.isDouble())
            return fail(where, QStringLiteral("must be a number (got %1)").arg(describe(value)));
        const double v = value.toDouble();
        if (!std::isfinite(v))
            return fail(where, QStringLiteral("must be a finite number"));
        *out = v;
        return true;
    }

    bool integer(const QJsonValue &value, const QString &where, int min, int max, int *out)
    {
        double v = 0;
        if (!finite(value, where, &v))
            return false;
        if (v != std::floor(v) || v < min || v > max)
            return fail(where,
                        QStringLiteral("must be a whole number between %1 and %2 (got %3)")
                            .arg(min)
                            .arg(max)
                            .arg(v == std::floor(v) && std::fabs(v) < 1e15
                                     ? QString::number(qint64(v), 10)
                                     : NumberText::roundTrip(v)));
        *out = int(v);
        return true;
    }

    bool object(const QJsonValue &value, const QString &where, QJsonObject *out)
    {
        if (!value.isObject())
            return fail(where, QStringLiteral("must be an object (got %1)").arg(describe(value)));
        *out = value.toObject();
        return true;
    }

    /** Refuses keys other than allowed, so a misspelt optional key is not silently dropped. */
    bool onlyKeys(const QJsonObject &object, const QString &where, const QStringList &allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                return fail(where.isEmpty() ? it.key() : where + QLatin1Char('.') + it.key(),
                            QStringLiteral("unknown key; valid keys: %1")
                                .arg(allowed.join(QLatin1String(", "))));
        }
        return true;
    }
};

QString byteLocation(const QByteArray &json, int offset)
{
    offset = std::clamp(offset, 0, int(json.size()));
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = offset - int(before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("byte %1 (line %2, column %3)").arg(offset).arg(line).arg(column);
}

bool readParameters(Reader &r, const QJsonValue &value, const QString &where,
                    const ActivationSpec &spec, ParameterValues *out)
{
    ParameterValues p = spec.defaults();
    if (value.isUndefined()) {
        *out = p;
        return true;
    }
    QJsonObject object;
    if (!r.object(value, where, &object))
        return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString at = where + QLatin1Char('.') + it.key();
        const int index = spec.parameterIndex(it.key());
        if (index < 0) {
            QStringList names;
            for (const ParameterSpec &parameter : spec.parameters)
                names << parameter.name;
            return r.fail(at, names.isEmpty()
                              ? QStringLiteral("%1 has no parameters").arg(spec.id)
                              : QStringLiteral("%1 has no such parameter; its parameters: %2")
                                    .arg(spec.id, names.join(QLatin1String(", "))));
        }
        const ParameterSpec &parameter = spec.parameters[index];
        if (parameter.domain == ParameterDomain::Choice) {
            const qsizetype choice = it.value().isString()
                ? parameter.choices.indexOf(it.value().toString())
                : -1;
            if (choice < 0)
                return r.fail(at, QStringLiteral("must be %1 (got %2)")
                                      .arg(parameter.domainText(), describe(it.value())));
            p[size_t(index)] = double(choice);
        } else {
            double v = 0;
            if (!r.finite(it.value(), at, &v))
                return false;
            const QString problem = parameter.check(v);
            if (!problem.isEmpty())
                return r.fail(at, problem);
            p[size_t(index)] = v;
        }
    }
    const QString problem = spec.validate(p);
    if (!problem.isEmpty())
        return r.fail(where, problem);
    *out = p;
    return true;
}

bool readMap(Reader &r, const QJsonValue &value, const QString &where, AffineMap *out)
{
    AffineMap map;
    if (!value.isUndefined()) {
        QJsonObject object;
        if (!r.object(value, where, &object)
            || !r.onlyKeys(object, where,
                           { QStringLiteral("input_scale"), QStringLiteral("output_scale"),
                             QStringLiteral("output_shift") }))
            return false;
        const struct
        {
            const char *key;
            double *field;
        } fields[] = { { "input_scale", &map.inputScale },
                       { "output_scale", &map.outputScale },
                       { "output_shift", &map.outputShift } };
        for (const auto &f : fields) {
            const QJsonValue v = object.value(QLatin1String(f.key));
            if (!v.isUndefined()
                && !r.finite(v, where + QLatin1Char('.') + QLatin1String(f.key), f.field))
                return false;
        }
        const QString problem = map.check();
        if (!problem.isEmpty())
            return r.fail(where, problem);
    }
    *out = map;
    return true;
}

bool readFunction(Reader &r, const QJsonValue &value, const QString &where, SceneModel &scene)
{
    QJsonObject object;
    if (!r.object(value, where, &object)
        || !r.onlyKeys(object, where,
                       { QStringLiteral("id"), QStringLiteral("parameters"),
                         QStringLiteral("map"), QStringLiteral("color"),
                         QStringLiteral("visible") }))
        return false;
    const QString idWhere = where + QStringLiteral(".id");
    QJsonValue idValue;
    if (!r.required(object, idWhere, QStringLiteral("id"), &idValue))
        return false;
    if (!idValue.isString())
        return r.fail(idWhere, QStringLiteral("must be a string (got %1); valid ids: %2")
                                   .arg(describe(idValue), allIds()));
    const QString id = idValue.toString();
    if (id.startsWith(CustomFunctions::IdPrefix)) {
        // A function of one's own: its expression must still parse.
        QString problem;
        if (!CustomFunctions::intern(id.mid(CustomFunctions::IdPrefix.size()), &problem))
            return r.fail(idWhere, QStringLiteral("the expression of %1 does not parse: %2")
                                       .arg(quoted(id), problem));
    }
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    if (!spec)
        return r.fail(idWhere, QStringLiteral("unknown function %1; valid ids: %2, or an "
                                              "expression as \"expr:x * sigmoid(x)\"")
                                   .arg(quoted(id), allIds()));

    ParameterValues parameters {};
    AffineMap map;
    if (!readParameters(r, object.value(QLatin1String("parameters")),
                        where + QStringLiteral(".parameters"), *spec, &parameters)
        || !readMap(r, object.value(QLatin1String("map")), where + QStringLiteral(".map"), &map))
        return false;

    QString problem;
    const int row = scene.rowCount();
    if (!scene.insertFunction(row, id, parameters, &problem, map))
        return r.fail(where, problem);

    const QJsonValue color = object.value(QLatin1String("color"));
    if (!color.isUndefined()) {
        static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
        const QString colorWhere = where + QStringLiteral(".color");
        if (!color.isString() || !hex.match(color.toString()).hasMatch())
            return r.fail(colorWhere, QStringLiteral("must be a colour as \"#rrggbb\" (got %1)")
                                          .arg(describe(color)));
        const QColor c(QRgb(color.toString().mid(1).toUInt(nullptr, 16)));
        if (!scene.setColor(row, c, &problem))
            return r.fail(colorWhere, problem);
    }
    const QJsonValue visible = object.value(QLatin1String("visible"));
    if (!visible.isUndefined()) {
        if (!visible.isBool())
            return r.fail(where + QStringLiteral(".visible"),
                          QStringLiteral("must be true or false (got %1)").arg(describe(visible)));
        if (!scene.setVisible(row, visible.toBool(), &problem))
            return r.fail(where + QStringLiteral(".visible"), problem);
    }
    return true;
}

bool readView(Reader &r, const QJsonValue &value, SceneModel &scene)
{
    if (value.isUndefined())
        return true;
    const QString where = QStringLiteral("view");
    QJsonObject view;
    if (!r.object(value, where, &view)
        || !r.onlyKeys(view, where, { QStringLiteral("max_order"), QStringLiteral("fixed_y") }))
        return false;
    QString problem;
    const QJsonValue maxOrder = view.value(QLatin1String("max_order"));
    if (!maxOrder.isUndefined()) {
        int order = 0;
        if (!r.integer(maxOrder, QStringLiteral("view.max_order"), 1, SceneModel::MaxOrder, &order))
            return false;
        if (!scene.setMaxOrder(order, &problem))
            return r.fail(QStringLiteral("view.max_order"), problem);
    }
    const QJsonValue fixedValue = view.value(QLatin1String("fixed_y"));
    if (fixedValue.isUndefined())
        return true;
    QJsonObject fixed;
    if (!r.object(fixedValue, QStringLiteral("view.fixed_y"), &fixed))
        return false;
    for (auto it = fixed.begin(); it != fixed.end(); ++it) {
        const QString at = QStringLiteral("view.fixed_y.") + it.key();
        bool ok = false;
        const int order = it.key().toInt(&ok);
        if (!ok || order < 0 || order > SceneModel::MaxOrder || it.key() != QString::number(order))
            return r.fail(at, QStringLiteral("unknown derivative order; valid keys: 0, 1, 2"));
        const QJsonArray pair = it.value().toArray();
        if (!it.value().isArray() || pair.size() != 2)
            return r.fail(at, QStringLiteral("must be an array [min, max] (got %1)")
                                  .arg(it.value().isArray()
                                           ? QStringLiteral("%1 values").arg(pair.size())
                                           : describe(it.value())));
        Interval range;
        if (!r.finite(pair[0], at + QStringLiteral("[0]"), &range.from)
            || !r.finite(pair[1], at + QStringLiteral("[1]"), &range.to))
            return false;
        if (!scene.setFixedYRange(order, range, &problem))
            return r.fail(at, problem);
    }
    return true;
}

/** Format and version first: a foreign or newer document gets that answer, not a key list. */
bool readFormatAndVersion(Reader &r, const QJsonObject &root)
{
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.isUndefined())
        return r.fail({}, QStringLiteral("not an Activation Explorer session (it has no "
                                         "'format' key)"));
    if (format.toString() != QLatin1String(SessionFile::Format))
        return r.fail({}, QStringLiteral("not an Activation Explorer session (format is %1)")
                              .arg(format.isString() ? quoted(format.toString())
                                                     : describe(format)));
    QJsonValue version;
    if (!r.required(root, QStringLiteral("version"), QStringLiteral("version"), &version))
        return false;
    double v = 0;
    if (!r.finite(version, QStringLiteral("version"), &v))
        return false;
    if (v != std::floor(v) || v < 1)
        return r.fail(QStringLiteral("version"),
                      QStringLiteral("%1 is not a version number").arg(NumberText::roundTrip(v)));
    if (v > SessionFile::Version)
        return r.fail({},
                      QStringLiteral("written by a newer version (version %1; this program "
                                     "reads version %2)")
                          .arg(NumberText::roundTrip(v))
                          .arg(SessionFile::Version));
    return true;
}

/** Range, ε, sample count and view: before the functions, so each function is analysed once. */
bool readSettings(Reader &r, const QJsonObject &root, SceneModel &scene)
{
    QJsonValue value;
    double xMin = 0;
    double xMax = 0;
    double epsilon = 0;
    int sampleCount = 0;
    QString problem;
    if (!r.required(root, QStringLiteral("x_min"), QStringLiteral("x_min"), &value)
        || !r.finite(value, QStringLiteral("x_min"), &xMin)
        || !r.required(root, QStringLiteral("x_max"), QStringLiteral("x_max"), &value)
        || !r.finite(value, QStringLiteral("x_max"), &xMax))
        return false;
    if (!scene.setRange(xMin, xMax, &problem))
        return r.fail(QStringLiteral("x_min, x_max"), problem);
    if (!r.required(root, QStringLiteral("epsilon"), QStringLiteral("epsilon"), &value)
        || !r.finite(value, QStringLiteral("epsilon"), &epsilon))
        return false;
    if (!scene.setEpsilon(epsilon, &problem))
        return r.fail(QStringLiteral("epsilon"), problem);
    if (!r.required(root, QStringLiteral("sample_count"), QStringLiteral("sample_count"), &value)
        || !r.integer(value, QStringLiteral("sample_count"), SceneModel::MinSampleCount,
                      SceneModel::MaxSampleCount, &sampleCount))
        return false;
    if (!scene.setSampleCount(sampleCount, &problem))
        return r.fail(QStringLiteral("sample_count"), problem);
    return readView(r, root.value(QLatin1String("view")), scene);
}

bool readFunctions(Reader &r, const QJsonObject &root, SceneModel &scene)
{
    QJsonValue value;
    if (!r.required(root, QStringLiteral("functions"), QStringLiteral("functions"), &value))
        return false;
    if (!value.isArray())
        return r.fail(QStringLiteral("functions"),
                      QStringLiteral("must be an array (got %1)").arg(describe(value)));
    const QJsonArray functions = value.toArray();
    if (functions.size() > SceneModel::MaxFunctions)
        return r.fail(QStringLiteral("functions"),
                      QStringLiteral("%1 functions; a scene holds at most %2")
                              .arg(functions.size())
                              .arg(SceneModel::MaxFunctions));
    for (qsizetype i = 0; i < functions.size(); ++i) {
        if (!readFunction(r, functions[i], QStringLiteral("functions[%1]").arg(i), scene))
            return false;
    }
    return true;
}

/** The lesson id, empty or absent for none; an unknown id is refused with the valid ones. */
bool readLesson(Reader &r, const QJsonObject &root, QString *lessonId)
{
    lessonId->clear();
    const QJsonValue lessonValue = root.value(QLatin1String("lesson"));
    if (lessonValue.isUndefined() || lessonValue.isNull())
        return true;
    if (!lessonValue.isString())
        return r.fail(QStringLiteral("lesson"),
                      QStringLiteral("must be a lesson id or empty (got %1)")
                          .arg(describe(lessonValue)));
    *lessonId = lessonValue.toString();
    if (!lessonId->isEmpty() && !Lessons::find(*lessonId)) {
        QStringList ids;
        for (const Lesson &l : Lessons::all())
            ids << QString::fromLatin1(l.id);
        return r.fail(QStringLiteral("lesson"),
                      QStringLiteral("unknown lesson %1; valid ids: %2")
                          .arg(quoted(*lessonId), ids.join(QLatin1String(", "))));
    }
    return true;
}

bool readDocument(Reader &r, const QJsonObject &root, SceneModel &scene, QString *lesson)
{
    QString lessonId;
    if (!readFormatAndVersion(r, root) || !readSettings(r, root, scene)
        || !readFunctions(r, root, scene) || !readLesson(r, root, &lessonId))
        return false;
    if (lesson)
        *lesson = lessonId;
    return true;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QByteArray SessionFile::toJson(const SceneModel &scene, const QString &lesson)
{
    return QJsonDocument(toJsonObject(scene, lesson)).toJson(QJsonDocument::Indented);
}

QJsonObject SessionFile::toJsonObject(const SceneModel &scene, const QString &lesson)
{
    QJsonArray functions;
    for (int row = 0; row < scene.rowCount(); ++row) {
        const FunctionInstance &f = scene.function(row);
        QJsonObject parameters;
        for (qsizetype i = 0; i < f.spec->parameters.size(); ++i) {
            const ParameterSpec &p = f.spec->parameters[i];
            const double v = f.parameters[size_t(i)];
            parameters.insert(p.name, p.domain == ParameterDomain::Choice
                                  ? QJsonValue(p.choices.value(qsizetype(v)))
                                  : QJsonValue(v));
        }
        functions.append(QJsonObject {
            { QStringLiteral("id"), f.spec->id },
            { QStringLiteral("parameters"), parameters },
            { QStringLiteral("map"),
              QJsonObject { { QStringLiteral("input_scale"), f.map.inputScale },
                            { QStringLiteral("output_scale"), f.map.outputScale },
                            { QStringLiteral("output_shift"), f.map.outputShift } } },
            { QStringLiteral("color"), f.color.name(QColor::HexRgb) },
            { QStringLiteral("visible"), f.visible },
        });
    }
    QJsonObject fixed;
    for (int order = 0; order <= SceneModel::MaxOrder; ++order) {
        if (const std::optional<Interval> range = scene.fixedYRange(order))
            fixed.insert(QString::number(order), QJsonArray { range->from, range->to });
    }
    return QJsonObject {
        { QStringLiteral("format"), QLatin1String(Format) },
        { QStringLiteral("version"), Version },
        { QStringLiteral("functions"), functions },
        { QStringLiteral("x_min"), scene.xMin() },
        { QStringLiteral("x_max"), scene.xMax() },
        { QStringLiteral("epsilon"), scene.epsilon() },
        { QStringLiteral("sample_count"), scene.sampleCount() },
        { QStringLiteral("view"),
          QJsonObject { { QStringLiteral("max_order"), scene.maxOrder() },
                        { QStringLiteral("fixed_y"), fixed } } },
        { QStringLiteral("lesson"), lesson },
    };
}

bool SessionFile::fromJson(const QByteArray &json, SceneModel &scene, QString *lesson,
                           QString *error)
{
    if (json.trimmed().isEmpty()) {
        setError(error, QStringLiteral("the file is empty"));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error, QStringLiteral("not valid JSON at %1: %2%3")
                            .arg(byteLocation(json, parseError.offset), parseError.errorString(),
                                 parseError.offset >= json.size()
                                     ? QStringLiteral(" (the file ends early: is it truncated?)")
                                     : QString()));
        return false;
    }
    if (!document.isObject()) {
        setError(error, QStringLiteral("not an Activation Explorer session (the document is an "
                                       "array, not an object)"));
        return false;
    }

    SceneModel loaded;
    for (int order = 0; order <= SceneModel::MaxOrder; ++order)
        loaded.setPlotSize(order, scene.plotSize(order));
    Reader r;
    QString lessonId;
    bool read = false;
    {
        // The curves are sampled once, when everything is read, not once per function.
        const SceneModel::UpdateBatch batch(loaded);
        read = readDocument(r, document.object(), loaded, &lessonId);
    }
    if (!read) {
        setError(error, r.error);
        return false;
    }
    scene.assign(loaded);
    if (lesson)
        *lesson = lessonId;
    return true;
}

bool SessionFile::save(const QString &path, const SceneModel &scene, const QString &lesson,
                       QString *error)
{
    return writeFileAtomically(path, toJson(scene, lesson), error);
}

bool SessionFile::load(const QString &path, SceneModel &scene, QString *lesson, QString *error)
{
    const auto fail = [&](const QString &reason) {
        setError(error, QStringLiteral("cannot open session '%1': %2").arg(path, reason));
        return false;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("no file name given"));
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (info.isDir())
        return fail(QStringLiteral("it is a folder"));
    if (info.size() > MaxFileSize)
        return fail(QStringLiteral("at %1 bytes it is too large to be a session (at most %2)")
                        .arg(info.size())
                        .arg(MaxFileSize));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    // One byte over the limit tells a file that grew after the check (or a pipe) from a session.
    const QByteArray json = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(file.errorString());
    if (json.size() > MaxFileSize)
        return fail(QStringLiteral("too large to be a session (at most %1 bytes)").arg(MaxFileSize));
    QString problem;
    if (!fromJson(json, scene, lesson, &problem))
        return fail(problem);
    return true;
}
