#include "commandline.h"

#include "customfunctions.h"
#include "losscatalogue.h"
#include "numbertext.h"

#include "language.h"
#include "networkexport.h"
#include "scenemodel.h"
#include "sessionfile.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

struct Option
{
    const char *name;
    const char *valueName;
    const char *example; ///< a valid value, for messages
    const char *description;
};

// The options that take a value, in the order --help lists them.
const Option options[] = {
    { "functions", "ids", "sigmoid,tanh,leaky_relu",
      "Comma-separated activation or loss ids, in order (default: step,sigmoid,tanh,relu)." },
    { "function-expr", "expression", "'x*sigmoid(1.702*x)'",
      "A function of your own, written in x: arithmetic, ^, exp, log, sqrt, abs, min, max, "
      "erf, tanh and friends, pi, e, and any activation by id, e.g. sigmoid(2*x); "
      "single letters other than x are parameters (value 1). Repeatable; added after "
      "--functions, or alone when --functions is not given." },
    { "x-min", "x", "-6", "Left end of the x range (default: -6)." },
    { "x-max", "x", "6", "Right end of the x range (default: 6)." },
    { "param", "id.name=value", "leaky_relu.negative_slope=0.2",
      "A parameter by PyTorch's name, for every instance of id (id#2 for the second only); "
      "repeatable. A choice takes its word: gelu.approximate=tanh." },
    { "epsilon", "e", "0.01",
      "Saturation threshold: |f'| < e counts as saturated (default: 0.01)." },
    { "open", "file", "lesson.json",
      "Open a saved session (a JSON file): its functions, parameters, ranges, epsilon, "
      "view and lesson. It cannot be combined with --functions, --param, --x-min, --x-max, "
      "--epsilon or --samples, which the session sets." },
    { "export", "file", "out.png",
      "Write the scene to file without a window; the format comes from the suffix: "
      ".png, .svg, .pdf (one page), .gif (an animation, with --animate), .csv or .json." },
    { "size", "WxH", "1600x900",
      "Image size in pixels (default: 1600x900); a PDF page is that size at 96 pixels per "
      "inch, 1600x900 making 1200x675 points." },
    { "scale", "1|2", "2",
      "Device pixels per pixel of a PNG or GIF (default: 1): 2 keeps the layout of --size with "
      "twice the pixels each way. SVG and PDF are vectors and take no --scale." },
    { "animate", "name=A:B", "leaky_relu.negative_slope=0:1",
      "Export an animated GIF (--export file.gif) whose frames sweep one value from A to B: a "
      "parameter named as in --param (id.name, id#2.name for the second instance only), "
      "x-min, x-max or epsilon (epsilon on a log scale). Frame i of n shows "
      "A + (B - A)*i/(n - 1). The GIF loops forever." },
    { "frames", "n", "40",
      "With --animate: the frames from A to B, both included, 1 to 1000 (default: 40; 1 "
      "shows A)." },
    { "fps", "f", "20",
      "With --animate: frames per second, 1 to 50 (default: 20); each frame shows for "
      "round(100/f) hundredths of a second, the GIF's unit." },
    { "animate-mode", "once|bounce", "bounce",
      "With --animate: once plays A to B, then starts again at A; bounce plays A to B and "
      "back, the frames A ... B ... down to the one after A, 2n - 2 in all, so neither end "
      "shows twice in a row when the GIF loops (default: once)." },
    { "samples", "n", "1001", "Points of the CSV's linspace over the x range (default: 1001)." },
    { "at", "x,x,...", "0,1e-8,-3", "The CSV's x values, instead of the linspace." },
    { "weight-variance", "v", "1.76",
      "With --network: the weight variance sigma_w^2, weights drawn from N(0, v/width) "
      "(default: 2, Kaiming)." },
    { "bias-variance", "v", "0.05", "With --network: the bias variance sigma_b^2 (default: 0)." },
    { "depth", "L", "50", "With --network: the number of layers, 1 to 1000 (default: 50)." },
    { "width", "N", "256", "With --network: units per layer, 2 to 4096 (default: 256)." },
    { "batch", "B", "64",
      "With --network: inputs the simulation sends through, 1 to 256 (default: 64)." },
    { "seed", "n", "1",
      "With --network: the simulation's random seed, 0 to 9007199254740991 (default: 1); the "
      "same seed gives the same numbers." },
    { "demo", "name", "layers",
      "Open the window on a demonstration: layers (Through the Layers), descent (Gradient "
      "Descent), softmax (Softmax and its Jacobian) or network (Deep Network at "
      "Initialization, of the selected activation). Not with --export." },
    { "lang", "language", "zh_CN",
      "Language of the window and of exported titles and legends: en or zh_CN "
      "(default: the one chosen in the View menu, else the system's)." },
};

const char *const flagNames[] = { "help", "help-all", "version", "present", "network" };

const char presentDescription[]
    = "Presentation mode: full screen, large text, thick lines and high contrast (F11 in the "
      "window). With --export, the image gets that look.";

const char networkDescription[]
    = "A deep fully connected network at initialization for one activation (--functions or "
      "--function-expr): its mean-field theory and a seeded simulation, per layer. Needs "
      "--export: .json, .csv, or .png (the demonstration's depth chart, --size and --scale "
      "apply).";

/** The options that shape an animation, which only --animate takes. */
const char *const animationOptionNames[] = { "frames", "fps", "animate-mode" };

/** The options that describe a network, which only --network takes. */
const char *const networkOptionNames[]
    = { "weight-variance", "bias-variance", "depth", "width", "batch", "seed" };

const Option *findOption(QStringView name)
{
    for (const Option &option : options) {
        if (name == QLatin1String(option.name))
            return &option;
    }
    return nullptr;
}

QString optionList()
{
    QStringList names;
    for (const Option &option : options)
        names << QStringLiteral("--") + QLatin1String(option.name);
    for (const char *flag : flagNames)
        names << QStringLiteral("--") + QLatin1String(flag);
    return names.join(QLatin1String(", "));
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

/** The arguments sorted into options, before their values are checked. */
struct Scan
{
    bool help = false;
    bool helpAll = false;
    bool version = false;
    bool present = false;
    bool network = false;
    QHash<QString, QString> values; ///< the last value of each single-valued option
    QStringList params; ///< every --param, in order
    QStringList expressions; ///< every --function-expr, in order
    QString error; ///< the first problem

    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }
    bool has(const char *name) const { return values.contains(QLatin1String(name)); }
    QString value(const char *name) const { return values.value(QLatin1String(name)); }
};

Scan scan(const QStringList &arguments)
{
    Scan s;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        QString name;
        std::optional<QString> inlineValue;
        if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            name = eq < 0 ? arg.mid(2) : arg.mid(2, eq - 2);
            if (eq >= 0)
                inlineValue = arg.mid(eq + 1);
        } else if (arg == QLatin1String("-h") || arg == QLatin1String("-?")) {
            name = QStringLiteral("help");
        } else if (arg == QLatin1String("-v")) {
            name = QStringLiteral("version");
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            s.fail(QStringLiteral("unknown option %1; valid options: %2")
                       .arg(quoted(arg), optionList()));
            continue;
        } else {
            s.fail(QStringLiteral("unexpected argument %1; options start with --, e.g. "
                                  "--functions sigmoid,tanh (see --help)")
                       .arg(quoted(arg)));
            continue;
        }

        bool isFlag = false;
        for (const char *flag : flagNames)
            isFlag = isFlag || name == QLatin1String(flag);
        if (isFlag) {
            if (inlineValue) {
                s.fail(QStringLiteral("--%1 takes no value").arg(name));
                continue;
            }
            s.help = s.help || name == QLatin1String("help");
            s.helpAll = s.helpAll || name == QLatin1String("help-all");
            s.version = s.version || name == QLatin1String("version");
            s.present = s.present || name == QLatin1String("present");
            s.network = s.network || name == QLatin1String("network");
            continue;
        }

        const Option *option = findOption(name);
        if (!option) {
            s.fail(QStringLiteral("unknown option %1; valid options: %2")
                       .arg(quoted(QStringLiteral("--") + name), optionList()));
            continue;
        }
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else if (i + 1 < arguments.size()) {
            // Taken as is, even when it starts with '-': --x-min -6.
            value = arguments[++i];
        } else {
            s.fail(QStringLiteral("--%1 needs a value, e.g. --%1 %2")
                       .arg(name, QLatin1String(option->example)));
            continue;
        }
        if (name == QLatin1String("param"))
            s.params << value;
        else if (name == QLatin1String("function-expr"))
            s.expressions << value;
        else
            s.values.insert(name, value);
    }
    return s;
}

/** A finite double, or nullopt and a message "<what>: '<text>' is not a number". */
std::optional<double> toFinite(const QString &what, const QString &text, QString *error)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (ok && std::isfinite(v))
        return v;
    // toDouble() refuses 1e500 and 1e-400 as it refuses "abc"; tell them apart.
    static const QRegularExpression decimal(
        QStringLiteral("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$"));
    const QString problem = ok           ? QStringLiteral("is not a finite number")
        : decimal.match(text).hasMatch() ? QStringLiteral("is out of the range of double precision")
                                         : QStringLiteral("is not a number");
    *error = QStringLiteral("%1: %2 %3").arg(what, quoted(text), problem);
    return std::nullopt;
}

/** An integer in [min, max], or nullopt. */
std::optional<int> toInt(const QString &text, int min, int max)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (ok && v >= min && v <= max)
        return v;
    return std::nullopt;
}

/** Activations, then losses, for messages. */
QString functionIdList()
{
    return ActivationCatalogue::idList() + QStringLiteral("; losses: ") + LossCatalogue::idList();
}

bool parseFunctions(const QString &text, ExportRequest &request, QString *error)
{
    const QStringList ids = text.split(QLatin1Char(','));
    QStringList functions;
    for (const QString &raw : ids) {
        const QString id = raw.trimmed();
        if (id.isEmpty()) {
            *error = text.trimmed().isEmpty()
                ? QStringLiteral("--functions: no function given; valid ids: %1")
                      .arg(functionIdList())
                : QStringLiteral("--functions: empty id in %1; valid ids: %2")
                      .arg(quoted(text), functionIdList());
            return false;
        }
        if (!ActivationCatalogue::find(id)) {
            *error = QStringLiteral("--functions: unknown function %1; valid ids: %2")
                         .arg(quoted(id), functionIdList());
            return false;
        }
        functions << id;
    }
    request.functions = functions;
    return true;
}

/** One --param, split and checked against the catalogue. */
struct ParamSetting
{
    QString text; ///< as given, for messages
    QString id;
    int instance = 0; ///< 0: every instance of id; n ≥ 1: only the n-th
    int index = -1; ///< the parameter's index in the spec
    double value = 0;
};

/** A --param's value for parameter: a choice's name or a number in its domain. */
bool parseParamValue(const QString &where, const ParameterSpec &parameter, const QString &valueText,
                     double *value, QString *error)
{
    if (parameter.domain == ParameterDomain::Choice) {
        const qsizetype choice = parameter.choices.indexOf(valueText);
        if (choice < 0) {
            *error = QStringLiteral("%1: %2 must be %3 (got %4)")
                         .arg(where, parameter.name, parameter.domainText(), quoted(valueText));
            return false;
        }
        *value = double(choice);
        return true;
    }
    bool ok = false;
    *value = valueText.toDouble(&ok);
    if (!ok) {
        toFinite(where, valueText, error); // for its message
        return false;
    }
    const QString problem = parameter.check(*value);
    if (!problem.isEmpty()) {
        *error = where + QStringLiteral(": ") + problem;
        return false;
    }
    return true;
}

bool parseParam(const QString &text, const QStringList &functions, ParamSetting *setting,
                QString *error)
{
    const QString where = QStringLiteral("--param ") + text;
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (eq < 0 || dot < 0 || dot > eq) {
        *error = QStringLiteral("--param: %1 is not ID.NAME=VALUE, e.g. "
                                "--param leaky_relu.negative_slope=0.2")
                     .arg(quoted(text));
        return false;
    }
    const QString target = text.left(dot).trimmed();
    const QString name = text.mid(dot + 1, eq - dot - 1).trimmed();
    const QString valueText = text.mid(eq + 1).trimmed();

    QString id = target;
    int instance = 0;
    const qsizetype hash = target.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        id = target.left(hash);
        bool ok = false;
        instance = target.mid(hash + 1).toInt(&ok);
        if (!ok || instance < 1) {
            *error = QStringLiteral("%1: %2 is not an instance number; use %3 for every %3, "
                                    "%3#2 for the second")
                         .arg(where, quoted(target.mid(hash + 1)), id);
            return false;
        }
    }
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    if (!spec) {
        *error = QStringLiteral("%1: unknown function %2; valid ids: %3")
                     .arg(where, quoted(id), functionIdList());
        return false;
    }
    const int count = int(functions.count(id));
    if (count == 0) {
        *error = QStringLiteral("%1: %2 is not in --functions (%3)")
                     .arg(where, id, functions.join(QLatin1Char(',')));
        return false;
    }
    if (instance > count) {
        *error
            = QStringLiteral("%1: there is no %2#%3; --functions has %2 %4")
                  .arg(where, id)
                  .arg(instance)
                  .arg(count == 1 ? QStringLiteral("once") : QStringLiteral("%1 times").arg(count));
        return false;
    }
    const int index = spec->parameterIndex(name);
    if (index < 0) {
        QStringList names;
        for (const ParameterSpec &p : spec->parameters)
            names << p.name;
        *error = names.isEmpty()
            ? QStringLiteral("%1: %2 has no parameters").arg(where, id)
            : QStringLiteral("%1: %2 has no parameter %3; its parameters: %4")
                  .arg(where, id, quoted(name), names.join(QLatin1String(", ")));
        return false;
    }
    double value = 0;
    if (!parseParamValue(where, spec->parameters[index], valueText, &value, error))
        return false;
    *setting = { text, id, instance, index, value };
    return true;
}

bool parseParams(const QStringList &texts, ExportRequest &request, QString *error)
{
    QList<ParamSetting> settings;
    for (const QString &text : texts) {
        ParamSetting setting;
        if (!parseParam(text, request.functions, &setting, error))
            return false;
        settings << setting;
    }
    request.parameters.clear();
    QHash<QString, int> seen;
    for (const QString &id : std::as_const(request.functions)) {
        const ActivationSpec *spec = ActivationCatalogue::find(id);
        const int instance = ++seen[id];
        ParameterValues p = spec->defaults();
        // Every instance first, then the numbered ones: id#2.x=… wins over id.x=… in any order.
        for (const bool numbered : { false, true }) {
            for (const ParamSetting &s : std::as_const(settings)) {
                if (s.id == id && (numbered ? s.instance == instance : s.instance == 0))
                    p[size_t(s.index)] = s.value;
            }
        }
        if (spec->crossCheck) {
            const QString problem = spec->crossCheck(p.data());
            if (!problem.isEmpty()) {
                const QString key
                    = instance == 1 ? id : id + QLatin1Char('#') + QString::number(instance);
                *error = QStringLiteral("--param %1: %2").arg(key, problem);
                return false;
            }
        }
        request.parameters << p;
    }
    return true;
}

bool parseRange(const Scan &s, ExportRequest &request, QString *error)
{
    constexpr double MinRelativeWidth = 1e-12;
    if (s.has("x-min")) {
        const std::optional<double> v
            = toFinite(QStringLiteral("--x-min"), s.value("x-min"), error);
        if (!v)
            return false;
        request.xMin = *v;
    }
    if (s.has("x-max")) {
        const std::optional<double> v
            = toFinite(QStringLiteral("--x-max"), s.value("x-max"), error);
        if (!v)
            return false;
        request.xMax = *v;
    }
    if (!(request.xMin < request.xMax)) {
        *error = QStringLiteral("--x-min (%1) must be less than --x-max (%2)")
                     .arg(NumberText::roundTrip(request.xMin), NumberText::roundTrip(request.xMax));
        return false;
    }
    if (!std::isfinite(request.xMax - request.xMin)) {
        *error = QStringLiteral("--x-min (%1) to --x-max (%2) is too wide a range: its width "
                                "must be a finite number")
                     .arg(NumberText::roundTrip(request.xMin), NumberText::roundTrip(request.xMax));
        return false;
    }
    // A range only a few ulps wide cannot be drawn: Qt Charts' axes never finish their ticks.
    const double magnitude = std::max(std::fabs(request.xMin), std::fabs(request.xMax));
    if (request.xMax - request.xMin < MinRelativeWidth * magnitude) {
        *error = QStringLiteral("--x-min (%1) to --x-max (%2) is too narrow a range: its width "
                                "must be at least 1e-12 × max(|x-min|, |x-max|)")
                     .arg(NumberText::roundTrip(request.xMin), NumberText::roundTrip(request.xMax));
        return false;
    }
    return true;
}

bool parseExport(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.has("export"))
        return true;
    const QString path = s.value("export");
    if (path.isEmpty()) {
        *error = QStringLiteral("--export: no file name given, e.g. --export out.png");
        return false;
    }
    const ExportFormat format = exportFormatForPath(path);
    if (format == ExportFormat::None) {
        *error = QStringLiteral("--export: cannot tell the format of %1; use a file name ending "
                                "in .png, .svg, .pdf, .gif (with --animate), .csv or .json")
                     .arg(quoted(path));
        return false;
    }
    request.exportPath = path;
    request.format = format;
    return true;
}

bool parseOpen(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.has("open"))
        return true;
    const QString path = s.value("open");
    if (path.isEmpty()) {
        *error = QStringLiteral("--open: no file name given, e.g. --open lesson.json");
        return false;
    }
    // The session is the whole scene: mixing in a second description would leave one of them
    // silently half-applied.
    QStringList clashes;
    for (const char *name : { "functions", "x-min", "x-max", "epsilon", "samples" }) {
        if (s.has(name))
            clashes << QStringLiteral("--") + QLatin1String(name);
    }
    if (!s.params.isEmpty())
        clashes << QStringLiteral("--param");
    if (!s.expressions.isEmpty())
        clashes << QStringLiteral("--function-expr");
    if (!clashes.isEmpty()) {
        *error = QStringLiteral("--open takes the whole scene from the session file; it cannot be "
                                "combined with %1")
                     .arg(clashes.join(QLatin1String(", ")));
        return false;
    }
    request.sessionPath = path;
    return true;
}

bool parseImageOptions(const Scan &s, ExportRequest &request, QString *error)
{
    using namespace CommandLine;
    if (s.has("size")) {
        const QString text = s.value("size").trimmed();
        const QStringList parts
            = text.split(QLatin1Char('x'), Qt::KeepEmptyParts, Qt::CaseInsensitive);
        bool okW = false;
        bool okH = false;
        const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
        if (!okW || !okH) {
            *error = QStringLiteral("--size: %1 is not WIDTHxHEIGHT, e.g. --size 1600x900")
                         .arg(quoted(s.value("size")));
            return false;
        }
        if (w < MinImageSide || w > MaxImageSide || h < MinImageSide || h > MaxImageSide) {
            *error = QStringLiteral("--size: width and height must each be between %1 and %2 "
                                    "(got %3x%4)")
                         .arg(MinImageSide)
                         .arg(MaxImageSide)
                         .arg(w)
                         .arg(h);
            return false;
        }
        request.size = QSize(w, h);
    }
    if (s.has("scale")) {
        const std::optional<int> scale = toInt(s.value("scale"), 1, 2);
        if (!scale) {
            *error
                = QStringLiteral("--scale: must be 1 or 2 (got %1)").arg(quoted(s.value("scale")));
            return false;
        }
        request.scale = *scale;
        if (request.format != ExportFormat::None && request.format != ExportFormat::Png
            && request.format != ExportFormat::Gif) {
            *error = QStringLiteral("--scale applies to a .png or .gif export, not %1: an .svg "
                                    "or .pdf is drawn in vectors and a .csv or .json has no "
                                    "pixels; leave --scale out")
                         .arg(quoted(request.exportPath));
            return false;
        }
    }
    const qint64 width = qint64(request.size.width()) * request.scale;
    const qint64 height = qint64(request.size.height()) * request.scale;
    if (width * height > MaxImagePixels) {
        *error = QStringLiteral("--size %1x%2 at --scale %3 makes a %4x%5 image; at most %6 pixels "
                                "are allowed")
                     .arg(request.size.width())
                     .arg(request.size.height())
                     .arg(request.scale)
                     .arg(width)
                     .arg(height)
                     .arg(MaxImagePixels);
        return false;
    }
    return true;
}

bool parseSampling(const Scan &s, ExportRequest &request, QString *error)
{
    if (s.has("samples")) {
        const std::optional<int> n
            = toInt(s.value("samples"), SceneModel::MinSampleCount, SceneModel::MaxSampleCount);
        if (!n) {
            *error = QStringLiteral("--samples: must be a whole number between %1 and %2 (got %3)")
                         .arg(SceneModel::MinSampleCount)
                         .arg(SceneModel::MaxSampleCount)
                         .arg(quoted(s.value("samples")));
            return false;
        }
        request.samples = *n;
    }
    if (!s.has("at"))
        return true;
    if (s.has("samples")) {
        *error = QStringLiteral("--at and --samples exclude each other: --at gives the x values "
                                "itself");
        return false;
    }
    if (request.format != ExportFormat::Csv) {
        *error = QStringLiteral("--at applies only to a CSV export, e.g. --export out.csv");
        return false;
    }
    const QString text = s.value("at");
    if (text.trimmed().isEmpty()) {
        *error = QStringLiteral("--at: no x values given, e.g. --at 0,1e-8,-3");
        return false;
    }
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() > SceneModel::MaxSampleCount) {
        *error = QStringLiteral("--at: at most %1 values (got %2)")
                     .arg(SceneModel::MaxSampleCount)
                     .arg(parts.size());
        return false;
    }
    QList<double> xs;
    xs.reserve(parts.size());
    for (const QString &part : parts) {
        const std::optional<double> x = toFinite(QStringLiteral("--at"), part, error);
        if (!x)
            return false;
        xs << *x;
    }
    request.at = xs;
    return true;
}

bool parseLanguage(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.has("lang"))
        return true;
    request.language = Language::normalise(s.value("lang"));
    if (request.language.isEmpty()) {
        *error = QStringLiteral("--lang: unknown language %1; valid choices: %2")
                     .arg(quoted(s.value("lang")), Language::codes().join(QLatin1String(", ")));
        return false;
    }
    return true;
}

bool parseEpsilon(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.has("epsilon"))
        return true;
    const std::optional<double> e
        = toFinite(QStringLiteral("--epsilon"), s.value("epsilon"), error);
    if (!e)
        return false;
    if (!(*e > 0)) {
        *error = QStringLiteral("--epsilon: must be a finite number > 0 (got %1)")
                     .arg(NumberText::roundTrip(*e));
        return false;
    }
    request.epsilon = *e;
    return true;
}

bool parseExpressions(const Scan &s, ExportRequest &request, QString *error)
{
    if (s.expressions.isEmpty())
        return true;
    if (!s.has("functions"))
        request.functions.clear();
    for (const QString &text : s.expressions) {
        QString problem;
        const ActivationSpec *spec = CustomFunctions::intern(text, &problem);
        if (!spec) {
            *error = QStringLiteral("--function-expr %1: %2").arg(quoted(text), problem);
            return false;
        }
        request.functions << spec->id;
    }
    return true;
}

/** --functions and --function-expr together within the scene's limit, refused before any work. */
bool checkFunctionCount(const ExportRequest &request, QString *error)
{
    if (request.functions.size() <= SceneModel::MaxFunctions)
        return true;
    *error = QStringLiteral("--functions: %1 functions given; a scene holds at most %2")
                 .arg(request.functions.size())
                 .arg(SceneModel::MaxFunctions);
    return false;
}

bool parseDemo(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.has("demo"))
        return true;
    const QString name = s.value("demo").trimmed();
    if (!demonstrationNames().contains(name)) {
        *error = QStringLiteral("--demo: unknown demonstration %1; valid names: %2")
                     .arg(quoted(name), demonstrationNames().join(QLatin1String(", ")));
        return false;
    }
    if (s.has("export")) {
        *error = QStringLiteral("--demo opens a demonstration in the window; it cannot be "
                                "combined with --export");
        return false;
    }
    request.demo = name;
    return true;
}

/** A network's variance option: a finite number ≥ 0. */
bool parseVariance(const Scan &s, const char *name, double *value, QString *error)
{
    if (!s.has(name))
        return true;
    const QString option = QStringLiteral("--") + QLatin1String(name);
    const std::optional<double> v = toFinite(option, s.value(name), error);
    if (!v)
        return false;
    if (!(*v >= 0)) {
        *error = QStringLiteral("%1: must be a finite number >= 0 (got %2)")
                     .arg(option, NumberText::roundTrip(*v));
        return false;
    }
    *value = *v;
    return true;
}

/** An option that takes a whole number in [min, max]: a network's size, --frames, --fps. */
bool parseWholeNumber(const Scan &s, const char *name, int min, int max, int *value,
                      QString *error)
{
    if (!s.has(name))
        return true;
    const std::optional<int> n = toInt(s.value(name), min, max);
    if (!n) {
        *error = QStringLiteral("--%1: must be a whole number between %2 and %3 (got %4)")
                     .arg(QLatin1String(name))
                     .arg(min)
                     .arg(max)
                     .arg(quoted(s.value(name)));
        return false;
    }
    *value = *n;
    return true;
}

/** The network's function: exactly one, an activation (a catalogue entry or an expression). */
bool checkNetworkFunction(const ExportRequest &request, QString *error)
{
    if (request.functions.size() != 1) {
        *error = QStringLiteral("--network takes exactly one function, an activation given with "
                                "--functions or --function-expr (got %1: %2), e.g. "
                                "--network --functions tanh")
                     .arg(request.functions.size())
                     .arg(request.functions.join(QLatin1Char(',')));
        return false;
    }
    const ActivationSpec *spec = ActivationCatalogue::find(request.functions.first());
    if (spec && spec->kind == FunctionKind::Loss) {
        *error = QStringLiteral("--network: %1 is a loss; a network needs an activation: %2")
                     .arg(quoted(spec->id), ActivationCatalogue::idList());
        return false;
    }
    return true;
}

bool parseNetwork(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.network) {
        for (const char *name : networkOptionNames) {
            if (s.has(name)) {
                *error = QStringLiteral("--%1 applies only with --network, e.g. --network "
                                        "--functions tanh --%1 %2 --export net.json")
                             .arg(QLatin1String(name), QLatin1String(findOption(QString::fromLatin1(name))->example));
                return false;
            }
        }
        return true;
    }
    QStringList clashes;
    for (const char *name : { "open", "at", "samples", "demo" }) {
        if (s.has(name))
            clashes << QStringLiteral("--") + QLatin1String(name);
    }
    if (!clashes.isEmpty()) {
        *error = QStringLiteral("--network exports a network, not a scene; it cannot be combined "
                                "with %1")
                     .arg(clashes.join(QLatin1String(", ")));
        return false;
    }
    if (!checkNetworkFunction(request, error))
        return false;
    NetworkSettings &n = request.networkSettings;
    if (!parseVariance(s, "weight-variance", &n.weightVariance, error)
        || !parseVariance(s, "bias-variance", &n.biasVariance, error)
        || !parseWholeNumber(s, "depth", 1, MaxNetworkDepth, &n.depth, error)
        || !parseWholeNumber(s, "width", MinNetworkWidth, MaxNetworkWidth, &n.width, error)
        || !parseWholeNumber(s, "batch", 1, MaxNetworkBatch, &n.batch, error))
        return false;
    if (s.has("seed")) {
        bool ok = false;
        const qulonglong seed = s.value("seed").trimmed().toULongLong(&ok);
        if (!ok || seed > MaxNetworkSeed) {
            *error = QStringLiteral("--seed: must be a whole number between 0 and %1 (got %2)")
                         .arg(MaxNetworkSeed)
                         .arg(quoted(s.value("seed")));
            return false;
        }
        request.seed = seed;
    }
    if (request.format == ExportFormat::None) {
        *error = QStringLiteral("--network writes a file: add --export net.json (.json, .csv or "
                                ".png); to explore a network in the window, use --demo network");
        return false;
    }
    if (request.format != ExportFormat::Json && request.format != ExportFormat::Csv
        && request.format != ExportFormat::Png) {
        *error = QStringLiteral("--network exports .json, .csv or .png, not %1")
                     .arg(quoted(request.exportPath));
        return false;
    }
    request.network = true;
    return true;
}

/** --animate's A:B: two finite numbers. */
bool parseAnimationRange(const QString &text, const QString &rangeText, AnimationSweep &sweep,
                         QString *error)
{
    const QStringList ends = rangeText.split(QLatin1Char(':'));
    if (ends.size() != 2 || ends[0].trimmed().isEmpty() || ends[1].trimmed().isEmpty()) {
        *error = QStringLiteral("--animate: %1 has no range A:B after '=', e.g. "
                                "--animate leaky_relu.negative_slope=0:1")
                     .arg(quoted(text));
        return false;
    }
    const QString where = QStringLiteral("--animate ") + text;
    const std::optional<double> from = toFinite(where, ends[0].trimmed(), error);
    if (!from)
        return false;
    const std::optional<double> to = toFinite(where, ends[1].trimmed(), error);
    if (!to)
        return false;
    sweep.from = *from;
    sweep.to = *to;
    return true;
}

/** --animate, --frames, --fps, --animate-mode: a sweep for a GIF export, checked against the
 * scene the other options describe (with --open, at export time). */
bool parseAnimation(const Scan &s, ExportRequest &request, QString *error)
{
    if (!s.has("animate")) {
        for (const char *name : animationOptionNames) {
            if (s.has(name)) {
                *error = QStringLiteral("--%1 applies only with --animate, e.g. --animate "
                                        "leaky_relu.negative_slope=0:1 --%1 %2 --export sweep.gif")
                             .arg(QLatin1String(name),
                                  QLatin1String(findOption(QString::fromLatin1(name))->example));
                return false;
            }
        }
        if (request.format == ExportFormat::Gif) {
            *error = QStringLiteral("--export %1: a GIF is an animation; add --animate NAME=A:B, "
                                    "e.g. --animate leaky_relu.negative_slope=0:1 (for a still "
                                    "image use .png, .svg or .pdf)")
                         .arg(quoted(request.exportPath));
            return false;
        }
        return true;
    }
    const QString text = s.value("animate").trimmed();
    if (s.network) {
        *error = QStringLiteral("--animate sweeps a scene; it cannot be combined with --network");
        return false;
    }
    if (request.format != ExportFormat::Gif) {
        *error = request.format == ExportFormat::None
            ? QStringLiteral("--animate writes an animated GIF: add --export sweep.gif")
            : QStringLiteral("--animate writes an animated GIF, not %1: use a file name ending "
                             "in .gif, e.g. --export sweep.gif")
                  .arg(quoted(request.exportPath));
        return false;
    }
    AnimationSweep sweep;
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq < 0) {
        *error = QStringLiteral("--animate: %1 is not NAME=A:B, e.g. --animate "
                                "leaky_relu.negative_slope=0:1; names: %2")
                     .arg(quoted(text),
                          AnimationSweep::targetNames(request.functions).join(QLatin1String(", ")));
        return false;
    }
    const QString name = text.left(eq).trimmed();
    const std::optional<AnimationTarget> target = AnimationTarget::fromName(name);
    if (!target) {
        *error = QStringLiteral("--animate: unknown name %1; valid names: %2")
                     .arg(quoted(name),
                          AnimationSweep::targetNames(request.functions).join(QLatin1String(", ")));
        return false;
    }
    sweep.target = *target;
    if (!parseAnimationRange(text, text.mid(eq + 1), sweep, error))
        return false;
    if (!parseWholeNumber(s, "frames", AnimationSweep::MinFrames, AnimationSweep::MaxFrames,
                          &sweep.frames, error)
        || !parseWholeNumber(s, "fps", AnimationSweep::MinFps, AnimationSweep::MaxFps,
                             &request.fps, error))
        return false;
    if (s.has("animate-mode")) {
        const std::optional<AnimationSweep::Mode> mode
            = AnimationSweep::modeFromName(s.value("animate-mode").trimmed());
        if (!mode) {
            *error = QStringLiteral("--animate-mode: unknown mode %1; valid modes: once, bounce")
                         .arg(quoted(s.value("animate-mode")));
            return false;
        }
        sweep.mode = *mode;
    }
    // The names and domains against the scene itself; a session's scene is read at export.
    if (request.sessionPath.isEmpty()) {
        SceneModel scene;
        QString problem;
        if (!buildScene(request, scene, &problem)) {
            *error = problem;
            return false;
        }
        problem = sweep.check(scene);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("--animate %1: %2").arg(text, problem);
            return false;
        }
    }
    request.animation = sweep;
    return true;
}

} // namespace

QStringList demonstrationNames()
{
    return { QStringLiteral("layers"), QStringLiteral("descent"), QStringLiteral("softmax"),
             QStringLiteral("network") };
}

ParseResult parseCommandLine(const QStringList &arguments)
{
    ParseResult result;
    const Scan s = scan(arguments);
    // Help and version answer even when something else is wrong, as people add them to a
    // command that failed.
    if (s.help || s.helpAll || s.version) {
        result.action = s.helpAll ? ParseResult::Action::ShowHelpAll
            : s.help              ? ParseResult::Action::ShowHelp
                                  : ParseResult::Action::ShowVersion;
        return result;
    }

    ExportRequest &request = result.request;
    request.present = s.present;
    QString error = s.error;
    const bool ok = error.isEmpty() && parseOpen(s, request, &error)
        && (!s.has("functions") || parseFunctions(s.value("functions"), request, &error))
        && parseExpressions(s, request, &error) && checkFunctionCount(request, &error)
        && parseParams(s.params, request, &error) && parseRange(s, request, &error)
        && parseEpsilon(s, request, &error) && parseExport(s, request, &error)
        && parseImageOptions(s, request, &error) && parseSampling(s, request, &error)
        && parseLanguage(s, request, &error) && parseDemo(s, request, &error)
        && parseNetwork(s, request, &error) && parseAnimation(s, request, &error);
    if (!ok) {
        result.action = ParseResult::Action::Error;
        result.error = error;
        result.request = ExportRequest();
        return result;
    }
    result.action = request.format == ExportFormat::None ? ParseResult::Action::ShowGui
                                                         : ParseResult::Action::Export;
    return result;
}

void describeCommandLineOptions(QCommandLineParser &parser)
{
    for (const Option &option : options) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(option.name),
                                            QString::fromUtf8(option.description),
                                            QString::fromLatin1(option.valueName)));
    }
    parser.addOption(QCommandLineOption(QStringLiteral("present"),
                                        QString::fromUtf8(presentDescription)));
    parser.addOption(QCommandLineOption(QStringLiteral("network"),
                                        QString::fromUtf8(networkDescription)));
}

QList<OptionHelp> commandLineOptionHelp()
{
    // The same words as QCommandLineParser's help, version and help-all options.
    QList<OptionHelp> help {
        { { QStringLiteral("-h"), QStringLiteral("--help") }, {},
          QStringLiteral("Displays help on commandline options.") },
        { { QStringLiteral("--help-all") }, {},
          QStringLiteral("Displays help including Qt specific options.") },
        { { QStringLiteral("-v"), QStringLiteral("--version") }, {},
          QStringLiteral("Displays version information.") },
    };
    for (const Option &option : options) {
        help.append({ { QStringLiteral("--") + QLatin1String(option.name) },
                      QString::fromLatin1(option.valueName), QString::fromUtf8(option.description) });
    }
    help.append({ { QStringLiteral("--present") }, {}, QString::fromUtf8(presentDescription) });
    help.append({ { QStringLiteral("--network") }, {}, QString::fromUtf8(networkDescription) });
    return help;
}

ExportFormat exportFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    if (suffix == QLatin1String("gif"))
        return ExportFormat::Gif;
    if (suffix == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (suffix == QLatin1String("json"))
        return ExportFormat::Json;
    return ExportFormat::None;
}

bool buildScene(const ExportRequest &request, SceneModel &scene, QString *error, QString *lesson)
{
    if (!request.sessionPath.isEmpty())
        return SessionFile::load(request.sessionPath, scene, lesson, error);
    if (lesson)
        lesson->clear();
    // One pass over the curves and one recomputed() for the whole scene, not one per function.
    const SceneModel::UpdateBatch batch(scene);
    scene.clear();
    // Range, ε and sample count first, so that each function is analysed once.
    if (!scene.setRange(request.xMin, request.xMax, error)
        || !scene.setEpsilon(request.epsilon, error)
        || !scene.setSampleCount(request.samples, error))
        return false;
    for (qsizetype i = 0; i < request.functions.size(); ++i) {
        const QString &id = request.functions[i];
        const ActivationSpec *spec = ActivationCatalogue::find(id);
        const ParameterValues p = i < request.parameters.size()
            ? request.parameters[i]
            : (spec ? spec->defaults() : ParameterValues {});
        if (!scene.insertFunction(scene.rowCount(), id, p, error))
            return false;
    }
    return true;
}
