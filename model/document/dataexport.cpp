#include "dataexport.h"

#include "pointsofinterest.h"
#include "scenemodel.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <charconv>
#include <cmath>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QJsonArray pointsArray(const FunctionInstance &fn, double a, double b)
{
    QJsonArray points;
    for (const PointOfInterest &point : findPointsOfInterest(fn.function(), a, b)) {
        QJsonObject object {
            { QStringLiteral("kind"), pointKindName(point.kind) },
            { QStringLiteral("x"), point.x },
            { QStringLiteral("y"), point.y },
        };
        // Where the slope is the point: the peak's |f′|, PyTorch's f′ at a kink.
        if (point.kind == PointKind::GradientPeak || point.kind == PointKind::Kink)
            object.insert(QStringLiteral("grad"), point.grad);
        points.append(object);
    }
    return points;
}

QJsonObject functionObject(const FunctionInstance &fn, const SaturationResult &saturation, double a,
                           double b)
{
    QJsonArray intervals;
    for (const SaturationInterval &interval : saturation.intervals) {
        intervals.append(QJsonObject {
            { QStringLiteral("from"), interval.from },
            { QStringLiteral("to"), interval.to },
            { QStringLiteral("kind"), saturationKindName(interval.kind) },
        });
    }
    QJsonObject object {
        { QStringLiteral("id"), fn.spec->id },
        { QStringLiteral("label"), fn.label() },
        { QStringLiteral("parameters"), parametersJson(*fn.spec, fn.parameters) },
        { QStringLiteral("intervals"), intervals },
        { QStringLiteral("zero_fraction"), saturation.zeroFraction },
        { QStringLiteral("saturated_fraction"), saturation.saturatedFraction },
        { QStringLiteral("saturated_fraction_total"),
          saturation.zeroFraction + saturation.saturatedFraction },
        { QStringLiteral("max_abs_grad"),
          QJsonObject { { QStringLiteral("value"), saturation.maxAbsGradient },
                        { QStringLiteral("x"), saturation.maxAbsGradientAt } } },
        { QStringLiteral("points"), pointsArray(fn, a, b) },
    };
    if (!fn.map.isIdentity()) {
        // c·f(a·x) + d: the curve is not the bare activation, and a reader must know.
        object.insert(QStringLiteral("map"),
                      QJsonObject { { QStringLiteral("input_scale"), fn.map.inputScale },
                                    { QStringLiteral("output_scale"), fn.map.outputScale },
                                    { QStringLiteral("output_shift"), fn.map.outputShift } });
    }
    return object;
}

} // namespace

QJsonObject parametersJson(const ActivationSpec &spec, const ParameterValues &values)
{
    QJsonObject parameters;
    for (int i = 0; i < spec.parameters.size(); ++i) {
        const ParameterSpec &parameter = spec.parameters[i];
        const double value = values[size_t(i)];
        const int choice = int(value);
        if (parameter.domain == ParameterDomain::Choice && choice >= 0
            && choice < parameter.choices.size())
            parameters.insert(parameter.name, parameter.choices[choice]);
        else
            parameters.insert(parameter.name, value);
    }
    return parameters;
}

QByteArray exportNumber(double v)
{
    // "-nan" would not read back in every tool, and NaN's sign means nothing here.
    if (std::isnan(v))
        return QByteArrayLiteral("nan");
    // std::to_chars without a format gives the shortest text that parses back to v exactly.
    char buffer[32];
    const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QByteArray(buffer, int(result.ptr - buffer));
}

QStringList functionKeys(const SceneModel &scene)
{
    QStringList keys;
    QHash<QString, int> seen;
    for (int row = 0; row < scene.rowCount(); ++row) {
        const QString &id = scene.function(row).spec->id;
        const int n = ++seen[id];
        keys << (n == 1 ? id : id + QLatin1Char('#') + QString::number(n));
    }
    return keys;
}

QByteArray sceneToCsv(const SceneModel &scene, const QList<double> &xs)
{
    const int rows = scene.rowCount();
    QByteArray csv;
    // About 20 characters a number.
    csv.reserve(qsizetype(xs.size() + 1) * (1 + 3 * rows) * 20);

    // RFC 4180: a name with a comma, quote or line break (a custom expression such as
    // "expr:max(x, 0)") is quoted, its quotes doubled.
    const auto field = [](const QString &name) {
        QByteArray f = name.toUtf8();
        if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r'))
            f = '"' + f.replace("\"", "\"\"") + '"';
        return f;
    };
    csv += "x";
    for (const QString &key : functionKeys(scene)) {
        csv += ',' + field(key) + ',' + field(key + QStringLiteral("_grad")) + ','
            + field(key + QStringLiteral("_grad2"));
    }
    csv += '\n';

    for (const double x : xs) {
        csv += exportNumber(x);
        for (int row = 0; row < rows; ++row) {
            const FunctionInstance &fn = scene.function(row);
            const Derivatives d = fn.at(x);
            csv += ',';
            csv += exportNumber(d.f);
            csv += ',';
            csv += exportNumber(d.d1);
            csv += ',';
            csv += exportNumber(d.d2);
        }
        csv += '\n';
    }
    return csv;
}

QByteArray sceneToJson(const SceneModel &scene)
{
    QJsonArray functions;
    for (int row = 0; row < scene.rowCount(); ++row)
        functions.append(
            functionObject(scene.function(row), scene.saturation(row), scene.xMin(), scene.xMax()));
    const QJsonObject report {
        { QStringLiteral("format"), QStringLiteral("activation-explorer-report") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("x_min"), scene.xMin() },
        { QStringLiteral("x_max"), scene.xMax() },
        { QStringLiteral("epsilon"), scene.epsilon() },
        { QStringLiteral("functions"), functions },
    };
    return QJsonDocument(report).toJson(QJsonDocument::Indented);
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    const auto fail = [&](const QString &reason) {
        setError(error, QStringLiteral("cannot write '%1': %2").arg(path, reason));
        return false;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("no file name given"));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QStringLiteral("it is a folder"));
    // QSaveFile would only say "No such file or directory"; name the folder that is missing.
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return fail(QStringLiteral("the folder '%1' does not exist")
                        .arg(QDir::toNativeSeparators(folder.filePath())));
    if (!folder.isDir())
        return fail(QStringLiteral("'%1' is not a folder")
                        .arg(QDir::toNativeSeparators(folder.filePath())));

    const QString folderName = QDir::toNativeSeparators(folder.filePath());
    if (!folder.isWritable())
        return fail(QStringLiteral("the folder '%1' is not writable").arg(folderName));
    if (info.exists() && !info.isWritable())
        return fail(QStringLiteral("the file is read-only"));

    QSaveFile file(path);
    // Opening creates the temporary file beside path, so a failure here is about the folder.
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot create a file in the folder '%1' (%2)")
                        .arg(folderName, file.errorString()));
    // Flushing here keeps the reason: commit() clears the error string of a failed flush.
    const qint64 written = file.write(data);
    if (written != data.size() || !file.flush()) {
        // A short write (a full disk, a file size limit) may come without an error string.
        const QString reason = file.error() != QFileDevice::NoError
            ? file.errorString()
            : QStringLiteral("only %1 of %2 bytes could be written").arg(written).arg(data.size());
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}
