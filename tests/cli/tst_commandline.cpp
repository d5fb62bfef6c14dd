// The command line: every option, every refusal with its exact message, and the scene it builds.

#include "animationerrors.h"
#include "commandline.h"
#include "losscatalogue.h"
#include "scenemodel.h"

#include <QCommandLineParser>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

Q_DECLARE_METATYPE(ParseResult::Action)
Q_DECLARE_METATYPE(ExportFormat)

namespace {

const QString Options = QStringLiteral(
    "--functions, --function-expr, --x-min, --x-max, --param, --epsilon, --open, --export, --size, "
    "--scale, --animate, --frames, --fps, --animate-mode, --samples, --at, --weight-variance, --bias-variance, --depth, --width, --batch, "
    "--seed, --demo, --lang, --help, --help-all, --version, --present, --network");

ParseResult parse(const QStringList &arguments)
{
    return parseCommandLine(QStringList { QStringLiteral("activation-explorer") } + arguments);
}

/** Parses arguments that must be valid; the caller checks the request. */
ExportRequest request(const QStringList &arguments)
{
    const ParseResult result = parse(arguments);
    if (result.action == ParseResult::Action::Error)
        qWarning("unexpected error: %s", qPrintable(result.error));
    return result.request;
}

ParameterValues defaults(const char *id)
{
    return ActivationCatalogue::find(QString::fromLatin1(id))->defaults();
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void actions_data();
    void actions();
    void exportFormat_data();
    void exportFormat();
    void functions();
    void range_data();
    void range();
    void parameters();
    void parameterForOneInstance();
    void choiceParameterTakesAWord();
    void epsilonSamplesSizeScale();
    void at();
    void lastValueWins();
    void present();
    void errors_data();
    void errors();
    void expressionsAndDemo();
    void network();
    void animation();
    void animationErrors_data();
    void animationErrors();
    void errorLeavesDefaultRequest();
    void buildsTheScene();
    void buildSceneReportsBadRequests();
    void buildSceneFillsMissingParameters();
    void buildsTheLargestSceneInOnePass();
    void randomArgumentsNeverCrash();
};

void TestCommandLine::present()
{
    QVERIFY(!parse({}).request.present);
    ParseResult result = parse({ "--present" });
    QCOMPARE(result.action, ParseResult::Action::ShowGui);
    QVERIFY(result.request.present);
    result = parse({ "--present", "--export", "out.png" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QVERIFY(result.request.present);
    result = parse({ "--present=yes" });
    QCOMPARE(result.action, ParseResult::Action::Error);
    QCOMPARE(result.error, QStringLiteral("--present takes no value"));

    QCommandLineParser parser;
    describeCommandLineOptions(parser);
    QVERIFY(parser.helpText().contains(QLatin1String("--present")));
}

void TestCommandLine::defaults()
{
    const ParseResult result = parse({});
    QCOMPARE(result.action, ParseResult::Action::ShowGui);
    QVERIFY(result.error.isEmpty());
    const ExportRequest &r = result.request;
    QCOMPARE(r.functions, (QStringList { "step", "sigmoid", "tanh", "relu" }));
    QCOMPARE(r.parameters.size(), 4);
    QCOMPARE(r.xMin, -6.0);
    QCOMPARE(r.xMax, 6.0);
    QCOMPARE(r.epsilon, 0.01);
    QCOMPARE(r.samples, 1001);
    QVERIFY(!r.at);
    QVERIFY(r.exportPath.isEmpty());
    QCOMPARE(r.format, ExportFormat::None);
    QCOMPARE(r.size, QSize(1600, 900));
    QCOMPARE(r.scale, 1);
}

void TestCommandLine::actions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<ParseResult::Action>("action");

    using A = ParseResult::Action;
    QTest::newRow("nothing") << QStringList {} << A::ShowGui;
    QTest::newRow("options, no export")
        << QStringList { "--functions", "elu", "--x-min", "-3" } << A::ShowGui;
    QTest::newRow("export") << QStringList { "--export", "out.png" } << A::Export;
    QTest::newRow("-h") << QStringList { "-h" } << A::ShowHelp;
    QTest::newRow("-?") << QStringList { "-?" } << A::ShowHelp;
    QTest::newRow("--help") << QStringList { "--help" } << A::ShowHelp;
    QTest::newRow("--help-all") << QStringList { "--help-all" } << A::ShowHelpAll;
    QTest::newRow("-v") << QStringList { "-v" } << A::ShowVersion;
    QTest::newRow("--version") << QStringList { "--version" } << A::ShowVersion;
    QTest::newRow("help beats version") << QStringList { "--version", "--help" } << A::ShowHelp;
    QTest::newRow("help after an export")
        << QStringList { "--export", "out.png", "--help" } << A::ShowHelp;
    // Someone adds --help to a command that failed: they get the help.
    QTest::newRow("help after an error")
        << QStringList { "--functions", "nope", "--help" } << A::ShowHelp;
    QTest::newRow("help after an unknown option")
        << QStringList { "--bogus", "--help" } << A::ShowHelp;
    QTest::newRow("help as a value is a value") << QStringList { "--export", "--help" } << A::Error;
    QTest::newRow("unknown option") << QStringList { "--bogus" } << A::Error;
}

void TestCommandLine::actions()
{
    QFETCH(QStringList, arguments);
    QFETCH(ParseResult::Action, action);
    const ParseResult result = parse(arguments);
    QCOMPARE(result.action, action);
    QCOMPARE(result.error.isEmpty(), action != ParseResult::Action::Error);
}

void TestCommandLine::exportFormat_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ExportFormat>("format");

    QTest::newRow("png") << "out.png" << ExportFormat::Png;
    QTest::newRow("svg") << "out.svg" << ExportFormat::Svg;
    QTest::newRow("pdf") << "out.pdf" << ExportFormat::Pdf;
    QTest::newRow("PDF") << "OUT.PDF" << ExportFormat::Pdf;
    QTest::newRow("csv") << "out.csv" << ExportFormat::Csv;
    QTest::newRow("json") << "out.json" << ExportFormat::Json;
    QTest::newRow("upper case") << "OUT.PNG" << ExportFormat::Png;
    QTest::newRow("folders and dots") << "/tmp/a.b/report.v2.json" << ExportFormat::Json;
    QTest::newRow("txt") << "out.txt" << ExportFormat::None;
    QTest::newRow("no suffix") << "out" << ExportFormat::None;
    QTest::newRow("jpg") << "out.jpg" << ExportFormat::None;
    QTest::newRow("suffix only on the folder") << "x.png/out" << ExportFormat::None;
}

void TestCommandLine::exportFormat()
{
    QFETCH(QString, path);
    QFETCH(ExportFormat, format);
    QCOMPARE(exportFormatForPath(path), format);
    const ParseResult result = parse({ "--export", path });
    if (format == ExportFormat::None) {
        QCOMPARE(result.action, ParseResult::Action::Error);
        return;
    }
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.exportPath, path);
    QCOMPARE(result.request.format, format);
}

void TestCommandLine::functions()
{
    const ExportRequest r = request({ "--functions", "sigmoid,tanh,leaky_relu" });
    QCOMPARE(r.functions, (QStringList { "sigmoid", "tanh", "leaky_relu" }));
    QCOMPARE(r.parameters,
             (QList<ParameterValues> { ::defaults("sigmoid"), ::defaults("tanh"),
                                       ::defaults("leaky_relu") }));

    QCOMPARE(request({ "--functions=gelu" }).functions, QStringList { "gelu" });
    QCOMPARE(request({ "--functions", " elu , selu" }).functions, (QStringList { "elu", "selu" }));
    QCOMPARE(request({ "--functions", "relu,relu,relu" }).functions,
             (QStringList { "relu", "relu", "relu" }));
}

void TestCommandLine::range_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");

    QTest::newRow("default") << QStringList {} << -6.0 << 6.0;
    QTest::newRow("negative value as next argument")
        << QStringList { "--x-min", "-3", "--x-max", "-1" } << -3.0 << -1.0;
    QTest::newRow("with =") << QStringList { "--x-min=-3.5", "--x-max=2e1" } << -3.5 << 20.0;
    QTest::newRow("only min") << QStringList { "--x-min", "0" } << 0.0 << 6.0;
    QTest::newRow("only max") << QStringList { "--x-max", "-5" } << -6.0 << -5.0;
    QTest::newRow("exact decimal")
        << QStringList { "--x-min", "0.1", "--x-max", "0.3" } << 0.1 << 0.3;
    QTest::newRow("spaces") << QStringList { "--x-min", " -1 " } << -1.0 << 6.0;
    QTest::newRow("narrow") << QStringList { "--x-min", "1", "--x-max", "1.000000001" } << 1.0
                            << 1.000000001;
    QTest::newRow("tiny numbers") << QStringList { "--x-min", "0", "--x-max", "5e-324" } << 0.0
                                  << 5e-324;
}

void TestCommandLine::range()
{
    QFETCH(QStringList, arguments);
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    const ParseResult result = parse(arguments);
    QCOMPARE(result.action, ParseResult::Action::ShowGui);
    QCOMPARE(result.request.xMin, xMin);
    QCOMPARE(result.request.xMax, xMax);
}

void TestCommandLine::parameters()
{
    const ExportRequest r = request({ "--functions", "sigmoid,leaky_relu,hardtanh,leaky_relu",
                                      "--param", "leaky_relu.negative_slope=0.2", "--param",
                                      "hardtanh.min_val=-2", "--param=hardtanh.max_val=0.5" });
    QCOMPARE(r.parameters.size(), 4);
    QCOMPARE(r.parameters[0], ::defaults("sigmoid"));
    // Without a number, a --param applies to every instance of the id.
    QCOMPARE(r.parameters[1][0], 0.2);
    QCOMPARE(r.parameters[3][0], 0.2);
    QCOMPARE(r.parameters[2][0], -2.0);
    QCOMPARE(r.parameters[2][1], 0.5);

    // Parameters given together pass the cross check that one at a time would fail.
    const ExportRequest shifted
        = request({ "--functions", "hardtanh", "--param", "hardtanh.min_val=3", "--param",
                    "hardtanh.max_val=4" });
    QCOMPARE(shifted.parameters[0], (ParameterValues { 3, 4 }));
}

void TestCommandLine::parameterForOneInstance()
{
    // id#2 targets the second instance only, and wins over a plain id in either order.
    for (const QStringList &order :
         { QStringList { "--param", "leaky_relu#2.negative_slope=0.2", "--param",
                         "leaky_relu.negative_slope=0.05" },
           QStringList { "--param", "leaky_relu.negative_slope=0.05", "--param",
                         "leaky_relu#2.negative_slope=0.2" } }) {
        const ExportRequest r = request(
            QStringList { "--functions", "leaky_relu,tanh,leaky_relu,leaky_relu" } + order);
        QCOMPARE(r.parameters.size(), 4);
        QCOMPARE(r.parameters[0][0], 0.05);
        QCOMPARE(r.parameters[1], ::defaults("tanh"));
        QCOMPARE(r.parameters[2][0], 0.2);
        QCOMPARE(r.parameters[3][0], 0.05);
    }
    QCOMPARE(request({ "--functions", "elu", "--param", "elu#1.alpha=2" }).parameters[0][0], 2.0);
}

void TestCommandLine::choiceParameterTakesAWord()
{
    const ExportRequest r
        = request({ "--functions", "gelu,gelu", "--param", "gelu#2.approximate=tanh" });
    QCOMPARE(r.parameters[0][0], 0.0);
    QCOMPARE(r.parameters[1][0], 1.0);
    QCOMPARE(
        request({ "--functions", "gelu", "--param", "gelu.approximate=none" }).parameters[0][0],
        0.0);
}

void TestCommandLine::epsilonSamplesSizeScale()
{
    const ExportRequest r = request({ "--epsilon", "1e-3", "--samples", "2", "--size", "640x480",
                                      "--scale", "2", "--export", "a.png" });
    QCOMPARE(r.epsilon, 1e-3);
    QCOMPARE(r.samples, 2);
    QCOMPARE(r.size, QSize(640, 480));
    QCOMPARE(r.scale, 2);

    QCOMPARE(request({ "--size", "16X16384" }).size, QSize(16, 16384));
    QCOMPARE(request({ "--samples", "1000000" }).samples, 1000000);
    QCOMPARE(request({ "--scale=1" }).scale, 1);
    // The largest allowed image: 16384² device pixels.
    QCOMPARE(request({ "--size", "8192x8192", "--scale", "2" }).size, QSize(8192, 8192));
    QCOMPARE(request({ "--size", "16384x16384" }).size, QSize(16384, 16384));
}

void TestCommandLine::at()
{
    const ExportRequest r = request({ "--export", "out.csv", "--at", "0,1e-8,-3, 2.5" });
    QVERIFY(r.at);
    QCOMPARE(*r.at, (QList<double> { 0, 1e-8, -3, 2.5 }));
    // Outside the x range is fine: the values are what the user asked for.
    QCOMPARE(*request({ "--export", "out.csv", "--at=-1000" }).at, QList<double> { -1000 });
}

void TestCommandLine::lastValueWins()
{
    const ExportRequest r
        = request({ "--functions", "relu", "--functions", "elu", "--x-min", "-1", "--x-min", "-2",
                    "--param", "elu.alpha=2", "--param", "elu.alpha=3" });
    QCOMPARE(r.functions, QStringList { "elu" });
    QCOMPARE(r.xMin, -2.0);
    QCOMPARE(r.parameters[0][0], 3.0);
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString ids = ActivationCatalogue::idList() + "; losses: " + LossCatalogue::idList();

    // Syntax
    QTest::newRow("unknown option")
        << QStringList { "--bogus" } << "unknown option '--bogus'; valid options: " + Options;
    QTest::newRow("unknown option with value")
        << QStringList { "--bogus=3" } << "unknown option '--bogus'; valid options: " + Options;
    QTest::newRow("unknown short option")
        << QStringList { "-x" } << "unknown option '-x'; valid options: " + Options;
    QTest::newRow("the first problem is named")
        << QStringList { "--x-min", "abc", "--bogus" }
        << "unknown option '--bogus'; valid options: " + Options;
    QTest::newRow("argument") << QStringList { "out.png" }
                              << "unexpected argument 'out.png'; options start with --, e.g. "
                                 "--functions sigmoid,tanh (see --help)";
    QTest::newRow("missing value")
        << QStringList { "--x-min" } << "--x-min needs a value, e.g. --x-min -6";
    QTest::newRow("missing export") << QStringList { "--functions", "relu", "--export" }
                                    << "--export needs a value, e.g. --export out.png";
    QTest::newRow("missing param")
        << QStringList { "--param" }
        << "--param needs a value, e.g. --param leaky_relu.negative_slope=0.2";
    QTest::newRow("flag with a value")
        << QStringList { "--version=2" } << "--version takes no value";

    // Functions
    QTest::newRow("unknown id") << QStringList { "--functions", "sigmoid,tahn" }
                                << "--functions: unknown function 'tahn'; valid ids: " + ids;
    QTest::newRow("empty id") << QStringList { "--functions", "sigmoid,,tanh" }
                              << "--functions: empty id in 'sigmoid,,tanh'; valid ids: " + ids;
    QTest::newRow("no function") << QStringList { "--functions", "" }
                                 << "--functions: no function given; valid ids: " + ids;
    QTest::newRow("case matters") << QStringList { "--functions", "ReLU" }
                                  << "--functions: unknown function 'ReLU'; valid ids: " + ids;

    // Range
    QTest::newRow("x-min text") << QStringList { "--x-min", "abc" }
                                << "--x-min: 'abc' is not a number";
    QTest::newRow("x-max empty") << QStringList { "--x-max=" } << "--x-max: '' is not a number";
    QTest::newRow("x-min comma decimal")
        << QStringList { "--x-min", "-0,5" } << "--x-min: '-0,5' is not a number";
    QTest::newRow("x-max inf") << QStringList { "--x-max", "inf" }
                               << "--x-max: 'inf' is not a finite number";
    QTest::newRow("x-max nan") << QStringList { "--x-max", "nan" }
                               << "--x-max: 'nan' is not a finite number";
    QTest::newRow("x-min overflow") << QStringList { "--x-min", "-1e999" }
                                    << "--x-min: '-1e999' is out of the range of double precision";
    QTest::newRow("min > max") << QStringList { "--x-min", "6", "--x-max", "-6" }
                               << "--x-min (6) must be less than --x-max (-6)";
    QTest::newRow("min = max") << QStringList { "--x-min", "1.5", "--x-max", "1.5" }
                               << "--x-min (1.5) must be less than --x-max (1.5)";
    QTest::newRow("min above the default max")
        << QStringList { "--x-min", "7" } << "--x-min (7) must be less than --x-max (6)";
    QTest::newRow("too wide") << QStringList { "--x-min", "-1e308", "--x-max", "1e308" }
                              << "--x-min (-1e+308) to --x-max (1e+308) is too wide a range: its "
                                 "width must be a finite number";

    QTest::newRow("too narrow")
        << QStringList { "--x-min", "1", "--x-max", "1.0000000000000002" }
        << "--x-min (1) to --x-max (1.0000000000000002) is too narrow a range: its width must be "
           "at least 1e-12 × max(|x-min|, |x-max|)";
    QTest::newRow("too narrow, far from 0")
        << QStringList { "--x-min", "-1e6", "--x-max", "-999999.9999999999" }
        << "--x-min (-1e+06) to --x-max (-999999.9999999999) is too narrow a range: its width "
           "must be at least 1e-12 × max(|x-min|, |x-max|)";

    // Epsilon
    QTest::newRow("epsilon 0") << QStringList { "--epsilon", "0" }
                               << "--epsilon: must be a finite number > 0 (got 0)";
    QTest::newRow("epsilon negative") << QStringList { "--epsilon", "-0.1" }
                                      << "--epsilon: must be a finite number > 0 (got -0.1)";
    QTest::newRow("epsilon text") << QStringList { "--epsilon", "small" }
                                  << "--epsilon: 'small' is not a number";

    // Parameters
    QTest::newRow("param without name") << QStringList { "--param", "leaky_relu=0.2" }
                                        << "--param: 'leaky_relu=0.2' is not ID.NAME=VALUE, e.g. "
                                           "--param leaky_relu.negative_slope=0.2";
    QTest::newRow("param without value")
        << QStringList { "--param", "elu.alpha" }
        << "--param: 'elu.alpha' is not ID.NAME=VALUE, e.g. --param leaky_relu.negative_slope=0.2";
    QTest::newRow("param unknown id")
        << QStringList { "--param", "leaky.negative_slope=0.2" }
        << "--param leaky.negative_slope=0.2: unknown function 'leaky'; valid ids: " + ids;
    QTest::newRow("param for a function not shown")
        << QStringList { "--functions", "sigmoid,tanh", "--param", "elu.alpha=2" }
        << "--param elu.alpha=2: elu is not in --functions (sigmoid,tanh)";
    QTest::newRow("param for a function not in the defaults")
        << QStringList { "--param", "leaky_relu.negative_slope=0.2" }
        << "--param leaky_relu.negative_slope=0.2: leaky_relu is not in --functions "
           "(step,sigmoid,tanh,relu)";
    QTest::newRow("param of a function without any")
        << QStringList { "--functions", "relu", "--param", "relu.alpha=1" }
        << "--param relu.alpha=1: relu has no parameters";
    QTest::newRow("param unknown name")
        << QStringList { "--functions", "elu", "--param", "elu.beta=1" }
        << "--param elu.beta=1: elu has no parameter 'beta'; its parameters: alpha";
    QTest::newRow("param unknown name, two parameters")
        << QStringList { "--functions", "softplus", "--param", "softplus.alpha=1" }
        << "--param softplus.alpha=1: softplus has no parameter 'alpha'; its parameters: beta, "
           "threshold";
    QTest::newRow("param value text")
        << QStringList { "--functions", "elu", "--param", "elu.alpha=big" }
        << "--param elu.alpha=big: 'big' is not a number";
    QTest::newRow("param value empty")
        << QStringList { "--functions", "elu", "--param", "elu.alpha=" }
        << "--param elu.alpha=: '' is not a number";
    QTest::newRow("param outside its domain (≠ 0)")
        << QStringList { "--functions", "celu", "--param", "celu.alpha=0" }
        << "--param celu.alpha=0: alpha must be a finite number ≠ 0 (got 0)";
    QTest::newRow("param outside its domain (> 0)")
        << QStringList { "--functions", "softplus", "--param", "softplus.beta=-1" }
        << "--param softplus.beta=-1: beta must be a finite number > 0 (got -1)";
    QTest::newRow("param outside its domain (≥ 0)")
        << QStringList { "--functions", "softshrink", "--param", "softshrink.lambd=-0.5" }
        << "--param softshrink.lambd=-0.5: lambd must be a finite number ≥ 0 (got -0.5)";
    QTest::newRow("param not finite")
        << QStringList { "--functions", "leaky_relu", "--param", "leaky_relu.negative_slope=inf" }
        << "--param leaky_relu.negative_slope=inf: negative_slope must be any finite number (got "
           "inf)";
    QTest::newRow("param choice") << QStringList {
        "--functions", "gelu", "--param", "gelu.approximate=fast"
    } << "--param gelu.approximate=fast: approximate must be one of 'none', 'tanh' (got 'fast')";
    QTest::newRow("param choice by index")
        << QStringList { "--functions", "gelu", "--param", "gelu.approximate=1" }
        << "--param gelu.approximate=1: approximate must be one of 'none', 'tanh' (got '1')";
    QTest::newRow("params that conflict")
        << QStringList { "--functions", "hardtanh", "--param", "hardtanh.min_val=2" }
        << "--param hardtanh: min_val (2) must be less than max_val (1)";
    QTest::newRow("params that conflict, second instance")
        << QStringList { "--functions", "rrelu,rrelu", "--param", "rrelu#2.lower=0.5" }
        << "--param rrelu#2: lower (0.5) must not exceed upper (0.333333)";
    QTest::newRow("param instance beyond the count")
        << QStringList { "--functions", "leaky_relu,leaky_relu", "--param",
                         "leaky_relu#3.negative_slope=0.2" }
        << "--param leaky_relu#3.negative_slope=0.2: there is no leaky_relu#3; --functions has "
           "leaky_relu 2 times";
    QTest::newRow("param instance of a single function")
        << QStringList { "--functions", "elu", "--param", "elu#2.alpha=2" }
        << "--param elu#2.alpha=2: there is no elu#2; --functions has elu once";
    QTest::newRow("param instance 0")
        << QStringList { "--functions", "elu", "--param", "elu#0.alpha=2" }
        << "--param elu#0.alpha=2: '0' is not an instance number; use elu for every elu, elu#2 "
           "for the second";

    // Export
    QTest::newRow("export empty") << QStringList { "--export", "" }
                                  << "--export: no file name given, e.g. --export out.png";
    QTest::newRow("export txt") << QStringList { "--export", "out.txt" }
                                << "--export: cannot tell the format of 'out.txt'; use a file name "
                                   "ending in .png, .svg, .pdf, .gif (with --animate), .csv or .json";
    QTest::newRow("export without suffix")
        << QStringList { "--export", "out" }
        << "--export: cannot tell the format of 'out'; use a file "
           "name ending in .png, .svg, .pdf, .gif (with --animate), .csv or .json";

    // Size and scale
    const QString notSize
        = QStringLiteral("--size: '%1' is not WIDTHxHEIGHT, e.g. --size 1600x900");
    QTest::newRow("size one number") << QStringList { "--size", "1600" } << notSize.arg("1600");
    QTest::newRow("size no height") << QStringList { "--size", "1600x" } << notSize.arg("1600x");
    QTest::newRow("size words") << QStringList { "--size", "wide" } << notSize.arg("wide");
    QTest::newRow("size three numbers")
        << QStringList { "--size", "1x2x3" } << notSize.arg("1x2x3");
    QTest::newRow("size by star") << QStringList { "--size", "1600*900" }
                                  << notSize.arg("1600*900");
    const QString sizeBounds
        = QStringLiteral("--size: width and height must each be between 16 and 16384 (got %1)");
    QTest::newRow("size too small") << QStringList { "--size", "8x900" } << sizeBounds.arg("8x900");
    QTest::newRow("size too large")
        << QStringList { "--size", "1600x20000" } << sizeBounds.arg("1600x20000");
    QTest::newRow("size negative")
        << QStringList { "--size", "-1600x900" } << sizeBounds.arg("-1600x900");
    QTest::newRow("scale 3") << QStringList { "--scale", "3" }
                             << "--scale: must be 1 or 2 (got '3')";
    QTest::newRow("scale 1.5") << QStringList { "--scale", "1.5" }
                               << "--scale: must be 1 or 2 (got '1.5')";
    QTest::newRow("scale 0") << QStringList { "--scale", "0" }
                             << "--scale: must be 1 or 2 (got '0')";
    QTest::newRow("scale of a vector image")
        << QStringList { "--scale", "2", "--export", "a.svg" }
        << "--scale applies to a .png or .gif export, not 'a.svg': an .svg or .pdf is drawn in "
           "vectors and a .csv or .json has no pixels; leave --scale out";
    QTest::newRow("scale of data")
        << QStringList { "--export", "a.json", "--scale=1" }
        << "--scale applies to a .png or .gif export, not 'a.json': an .svg or .pdf is drawn in "
           "vectors and a .csv or .json has no pixels; leave --scale out";
    QTest::newRow("too many pixels")
        << QStringList { "--size", "16384x16384", "--scale", "2" }
        << "--size 16384x16384 at --scale 2 makes a 32768x32768 image; at most 268435456 "
           "pixels are allowed";

    // Samples and --at
    const QString samples
        = QStringLiteral("--samples: must be a whole number between 2 and 1000000 (got '%1')");
    QTest::newRow("samples 1") << QStringList { "--samples", "1" } << samples.arg("1");
    QTest::newRow("samples too many")
        << QStringList { "--samples", "1000001" } << samples.arg("1000001");
    QTest::newRow("samples exponent") << QStringList { "--samples", "1e3" } << samples.arg("1e3");
    QTest::newRow("samples text") << QStringList { "--samples", "many" } << samples.arg("many");
    QTest::newRow("at for a png") << QStringList { "--export", "a.png", "--at", "0" }
                                  << "--at applies only to a CSV export, e.g. --export out.csv";
    QTest::newRow("at without export")
        << QStringList { "--at", "0" }
        << "--at applies only to a CSV export, e.g. --export out.csv";
    QTest::newRow("at and samples")
        << QStringList { "--export", "a.csv", "--at", "0", "--samples", "5" }
        << "--at and --samples exclude each other: --at gives the x values itself";
    QTest::newRow("at text") << QStringList { "--export", "a.csv", "--at", "0,x,1" }
                             << "--at: 'x' is not a number";
    QTest::newRow("at empty") << QStringList { "--export", "a.csv", "--at", "" }
                              << "--at: no x values given, e.g. --at 0,1e-8,-3";
    QTest::newRow("at empty item")
        << QStringList { "--export", "a.csv", "--at", "0,,1" } << "--at: '' is not a number";
    QTest::newRow("at nan") << QStringList { "--export", "a.csv", "--at", "0,nan" }
                            << "--at: 'nan' is not a finite number";

    // Expressions and demonstrations
    QTest::newRow("expression unclosed")
        << QStringList { "--function-expr", "x*sigmoid(2*x" }
        << "--function-expr 'x*sigmoid(2*x': column 14: expected ')' after the argument of "
           "sigmoid, found the end of the expression";
    QTest::newRow("expression with --open")
        << QStringList { "--open", "a.json", "--function-expr", "x" }
        << "--open takes the whole scene from the session file; it cannot be combined with "
           "--function-expr";
    QTest::newRow("loss id")
        << QStringList { "--functions", "mse" }
        << "--functions: unknown function 'mse'; valid ids: " + ids;
    QTest::newRow("unknown demo") << QStringList { "--demo", "layer" }
                                  << "--demo: unknown demonstration 'layer'; valid names: "
                                     "layers, descent, softmax, network";
    QTest::newRow("demo with export")
        << QStringList { "--demo", "softmax", "--export", "a.png" }
        << "--demo opens a demonstration in the window; it cannot be combined with --export";

    // --network: one activation, a file, sizes and variances in their ranges
    QTest::newRow("network without export")
        << QStringList { "--network", "--functions", "relu" }
        << "--network writes a file: add --export net.json (.json, .csv or .png); to explore a "
           "network in the window, use --demo network";
    QTest::newRow("network of the default four")
        << QStringList { "--network", "--export", "n.json" }
        << "--network takes exactly one function, an activation given with --functions or "
           "--function-expr (got 4: step,sigmoid,tanh,relu), e.g. --network --functions tanh";
    QTest::newRow("network of two")
        << QStringList { "--network", "--functions", "relu,tanh", "--export", "n.json" }
        << "--network takes exactly one function, an activation given with --functions or "
           "--function-expr (got 2: relu,tanh), e.g. --network --functions tanh";
    QTest::newRow("network of a loss")
        << QStringList { "--network", "--functions", "mse_loss", "--export", "n.json" }
        << "--network: 'mse_loss' is a loss; a network needs an activation: "
               + ActivationCatalogue::idList();
    QTest::newRow("network of an unknown function")
        << QStringList { "--network", "--functions", "relux", "--export", "n.json" }
        << "--functions: unknown function 'relux'; valid ids: " + ids;
    QTest::newRow("negative weight variance")
        << QStringList { "--network", "--functions", "relu", "--weight-variance", "-1",
                         "--export", "n.json" }
        << "--weight-variance: must be a finite number >= 0 (got -1)";
    QTest::newRow("negative bias variance")
        << QStringList { "--network", "--functions", "relu", "--bias-variance", "-0.5",
                         "--export", "n.json" }
        << "--bias-variance: must be a finite number >= 0 (got -0.5)";
    QTest::newRow("depth 0")
        << QStringList { "--network", "--functions", "relu", "--depth", "0", "--export", "n.json" }
        << "--depth: must be a whole number between 1 and 1000 (got '0')";
    QTest::newRow("depth 1001")
        << QStringList { "--network", "--functions", "relu", "--depth", "1001", "--export",
                         "n.json" }
        << "--depth: must be a whole number between 1 and 1000 (got '1001')";
    QTest::newRow("width 1")
        << QStringList { "--network", "--functions", "relu", "--width", "1", "--export", "n.json" }
        << "--width: must be a whole number between 2 and 4096 (got '1')";
    QTest::newRow("width 4097")
        << QStringList { "--network", "--functions", "relu", "--width", "4097", "--export",
                         "n.json" }
        << "--width: must be a whole number between 2 and 4096 (got '4097')";
    QTest::newRow("batch 0")
        << QStringList { "--network", "--functions", "relu", "--batch", "0", "--export", "n.json" }
        << "--batch: must be a whole number between 1 and 256 (got '0')";
    QTest::newRow("batch 257")
        << QStringList { "--network", "--functions", "relu", "--batch", "257", "--export",
                         "n.json" }
        << "--batch: must be a whole number between 1 and 256 (got '257')";
    QTest::newRow("seed too large")
        << QStringList { "--network", "--functions", "relu", "--seed", "9007199254740992",
                         "--export", "n.json" }
        << "--seed: must be a whole number between 0 and 9007199254740991 "
           "(got '9007199254740992')";
    QTest::newRow("network as svg")
        << QStringList { "--network", "--functions", "relu", "--export", "n.svg" }
        << "--network exports .json, .csv or .png, not 'n.svg'";
    QTest::newRow("network option without network")
        << QStringList { "--functions", "relu", "--depth", "5", "--export", "n.json" }
        << "--depth applies only with --network, e.g. --network --functions tanh --depth 50 "
           "--export net.json";
    QTest::newRow("network and a session")
        << QStringList { "--network", "--open", "s.json", "--export", "n.json" }
        << "--network exports a network, not a scene; it cannot be combined with --open";

    // The scene's limit, refused before any work
    const QString sigmoids1000 = QStringList(1000, QStringLiteral("sigmoid")).join(',');
    QTest::newRow("1000 functions")
        << QStringList { "--functions", sigmoids1000, "--export", "a.png" }
        << "--functions: 1000 functions given; a scene holds at most 256";
    QTest::newRow("256 functions and an expression")
        << QStringList { "--functions", QStringList(256, QStringLiteral("relu")).join(','),
                         "--function-expr", "x" }
        << "--functions: 257 functions given; a scene holds at most 256";
}

void TestCommandLine::expressionsAndDemo()
{
    // Alone, the expressions are the scene; after --functions they are added to it.
    ParseResult result = parse({ "--function-expr", " x*sigmoid(1.702*x) ", "--function-expr",
                                 "(sigmoid(x) - y)^2", "--demo", "descent" });
    QCOMPARE(result.action, ParseResult::Action::ShowGui);
    QCOMPARE(result.request.functions,
             (QStringList { "expr:x*sigmoid(1.702*x)", "expr:(sigmoid(x) - y)^2" }));
    QCOMPARE(result.request.demo, QString("descent"));
    // Every demonstration's name is accepted, the deep network's among them.
    for (const QString &name : demonstrationNames()) {
        const ParseResult demo = parse({ "--functions", "relu,tanh", "--demo", name });
        QCOMPARE(demo.action, ParseResult::Action::ShowGui);
        QCOMPARE(demo.request.demo, name);
    }
    QVERIFY(demonstrationNames().contains("network"));
    result = parse({ "--functions", "relu,mse_loss", "--function-expr", "max(x, 0)",
                     "--export", "a.csv" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.functions, (QStringList { "relu", "mse_loss", "expr:max(x, 0)" }));
    SceneModel scene;
    QString error;
    QVERIFY2(buildScene(result.request, scene, &error), qPrintable(error));
    QCOMPARE(scene.rowCount(), 3);
    QCOMPARE(scene.function(1).spec->kind, FunctionKind::Loss);
    QCOMPARE(scene.function(2).spec->kind, FunctionKind::Custom);
    // max(x, 0) is relu: the same values, and PyTorch's split gradient at the tie.
    QCOMPARE(scene.function(2).function().at(-2).f, 0.0);
    QCOMPARE(scene.function(2).function().at(3).d1, 1.0);
}

void TestCommandLine::network()
{
    ParseResult result = parse({ "--network", "--functions", "tanh", "--weight-variance", "1.76",
                                 "--bias-variance", "0.05", "--depth", "50", "--width", "256",
                                 "--seed", "1", "--export", "net.json" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QVERIFY(result.request.network);
    QCOMPARE(result.request.functions, QStringList { "tanh" });
    QCOMPARE(result.request.networkSettings.weightVariance, 1.76);
    QCOMPARE(result.request.networkSettings.biasVariance, 0.05);
    QCOMPARE(result.request.networkSettings.depth, 50);
    QCOMPARE(result.request.networkSettings.width, 256);
    QCOMPARE(result.request.networkSettings.batch, 64); // the default
    QCOMPARE(result.request.seed, std::uint64_t(1));
    QCOMPARE(result.request.format, ExportFormat::Json);
    // --param and --batch as elsewhere, a typed expression, CSV.
    result = parse({ "--network", "--functions", "leaky_relu", "--param",
                     "leaky_relu.negative_slope=0.2", "--batch", "8", "--export", "n.csv" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.parameters.value(0).at(0), 0.2);
    QCOMPARE(result.request.networkSettings.batch, 8);
    QCOMPARE(result.request.format, ExportFormat::Csv);
    result = parse({ "--network", "--function-expr", "x*sigmoid(x)", "--export", "n.json" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.functions, QStringList { "expr:x*sigmoid(x)" });
    // Without --network, a scene export as before.
    result = parse({ "--functions", "relu", "--export", "n.json" });
    QVERIFY(!result.request.network);
}

void TestCommandLine::animation()
{
    QCOMPARE(exportFormatForPath("sweep.gif"), ExportFormat::Gif);
    QCOMPARE(exportFormatForPath("SWEEP.GIF"), ExportFormat::Gif);
    ParseResult result = parse({ "--functions", "leaky_relu", "--animate",
                                 "leaky_relu.negative_slope=0:1", "--frames", "40", "--fps", "20",
                                 "--size", "800x450", "--export", "sweep.gif" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.format, ExportFormat::Gif);
    QVERIFY(result.request.animation);
    const AnimationSweep &sweep = *result.request.animation;
    QCOMPARE(sweep.target.name(), QString("leaky_relu.negative_slope"));
    QCOMPARE(sweep.from, 0.0);
    QCOMPARE(sweep.to, 1.0);
    QCOMPARE(sweep.frames, 40);
    QCOMPARE(sweep.mode, AnimationSweep::Mode::Once);
    QCOMPARE(result.request.fps, 20);
    QCOMPARE(result.request.size, QSize(800, 450));

    // Defaults, x-min with negative ends, bounce, epsilon, the second instance.
    result = parse({ "--animate=x-min=-6:-1", "--animate-mode", "bounce", "--export", "a.gif" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.animation->target.kind, AnimationTarget::Kind::XMin);
    QCOMPARE(result.request.animation->from, -6.0);
    QCOMPARE(result.request.animation->to, -1.0);
    QCOMPARE(result.request.animation->frames, AnimationSweep::DefaultFrames);
    QCOMPARE(result.request.animation->mode, AnimationSweep::Mode::Bounce);
    QCOMPARE(result.request.fps, AnimationSweep::DefaultFps);
    result = parse({ "--animate", "epsilon=1e-4:0.1", "--frames", "1", "--export", "e.gif" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.animation->target.kind, AnimationTarget::Kind::Epsilon);
    QCOMPARE(result.request.animation->frames, 1);
    result = parse({ "--functions", "elu,elu", "--animate", "elu#2.alpha=0:2", "--export",
                     "e.gif" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    QCOMPARE(result.request.animation->target.instance, 2);
    // Without --animate: no sweep.
    QVERIFY(!parse({ "--export", "a.png" }).request.animation);
}

void TestCommandLine::animationErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    addAnimationErrorRows();
}

void TestCommandLine::animationErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ParseResult result = parse(arguments);
    QCOMPARE(result.action, ParseResult::Action::Error);
    QCOMPARE(result.error, message);
    QVERIFY(!result.request.animation);
}

void TestCommandLine::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ParseResult result = parse(arguments);
    QCOMPARE(result.action, ParseResult::Action::Error);
    QCOMPARE(result.error, message);
    QCOMPARE(CommandLine::ExitBadInput, 2);
}

void TestCommandLine::errorLeavesDefaultRequest()
{
    const ParseResult result = parse({ "--functions", "elu", "--x-min", "abc" });
    QCOMPARE(result.action, ParseResult::Action::Error);
    QCOMPARE(result.request.functions, ExportRequest().functions);
    QVERIFY(result.request.parameters.isEmpty());
}

void TestCommandLine::buildsTheScene()
{
    const ExportRequest r = request(
        { "--functions", "sigmoid,leaky_relu,leaky_relu,gelu", "--x-min", "-3", "--x-max", "4.5",
          "--param", "leaky_relu#2.negative_slope=0.2", "--param", "gelu.approximate=tanh",
          "--epsilon", "0.05", "--samples", "11", "--export", "out.csv" });
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("relu"))); // replaced, not kept
    QString error;
    QVERIFY2(buildScene(r, scene, &error), qPrintable(error));
    QCOMPARE(scene.rowCount(), 4);
    QCOMPARE(scene.function(0).spec->id, QStringLiteral("sigmoid"));
    QCOMPARE(scene.function(1).parameters, ::defaults("leaky_relu"));
    QCOMPARE(scene.function(2).parameters[0], 0.2);
    QCOMPARE(scene.function(3).label(), QStringLiteral("gelu (approximate tanh)"));
    QCOMPARE(scene.xMin(), -3.0);
    QCOMPARE(scene.xMax(), 4.5);
    QCOMPARE(scene.epsilon(), 0.05);
    QCOMPARE(scene.sampleCount(), 11);
    QCOMPARE(scene.samples().size(), 11);
    QCOMPARE(scene.samples().first(), -3.0);
    QCOMPARE(scene.samples().last(), 4.5);
    for (int row = 0; row < scene.rowCount(); ++row)
        QVERIFY(scene.function(row).visible);
}

void TestCommandLine::buildSceneReportsBadRequests()
{
    SceneModel scene;
    ExportRequest r;
    r.functions = QStringList { "nope" };
    QString error;
    QVERIFY(!buildScene(r, scene, &error));
    QCOMPARE(error, "unknown function 'nope'; valid ids: " + ActivationCatalogue::idList());

    r = ExportRequest();
    r.xMin = 2;
    r.xMax = 1;
    QVERIFY(!buildScene(r, scene, &error));
    QCOMPARE(error, QStringLiteral("x range: min (2) must be less than max (1)"));

    r = ExportRequest();
    r.functions = QStringList { "celu" };
    r.parameters = { ParameterValues { 0, 0 } };
    QVERIFY(!buildScene(r, scene, &error));
    QCOMPARE(error, QStringLiteral("celu: alpha must be a finite number ≠ 0 (got 0)"));
}

void TestCommandLine::buildsTheLargestSceneInOnePass()
{
    // 256 functions, the scene's limit, build with one recomputed() for the whole scene.
    const ParseResult result
            = parse({ "--functions",
                      QStringList(SceneModel::MaxFunctions, QStringLiteral("sigmoid")).join(','),
                      "--export", "a.csv" });
    QCOMPARE(result.action, ParseResult::Action::Export);
    SceneModel scene;
    QSignalSpy recomputed(&scene, &SceneModel::recomputed);
    QString error;
    QVERIFY2(buildScene(result.request, scene, &error), qPrintable(error));
    QCOMPARE(scene.rowCount(), SceneModel::MaxFunctions);
    QCOMPARE(recomputed.size(), 1);
    QCOMPARE(scene.curve(255, 1).pieces, scene.curve(0, 1).pieces);
}

void TestCommandLine::buildSceneFillsMissingParameters()
{
    // A request made in code may leave the parameters out: PyTorch's defaults apply.
    ExportRequest r;
    r.functions = QStringList { "elu", "softplus" };
    SceneModel scene;
    QVERIFY(buildScene(r, scene));
    QCOMPARE(scene.rowCount(), 2);
    QCOMPARE(scene.function(0).parameters, ::defaults("elu"));
    QCOMPARE(scene.function(1).parameters, ::defaults("softplus"));
}

void TestCommandLine::randomArgumentsNeverCrash()
{
    // Pieces of valid and invalid arguments in random order: every result is either an error
    // with a message or a request that builds a scene.
    const QStringList pieces { "--functions",
                               "sigmoid,relu",
                               "elu,elu",
                               "--x-min",
                               "--x-max",
                               "-6",
                               "6",
                               "1e308",
                               "nan",
                               "--param",
                               "elu.alpha=2",
                               "elu#2.alpha=0",
                               "hardtanh.min_val=5",
                               "--epsilon",
                               "0",
                               "0.5",
                               "--export",
                               "a.csv",
                               "b.png",
                               "c.txt",
                               "--size",
                               "16x16",
                               "0x0",
                               "--scale",
                               "2",
                               "--samples",
                               "3",
                               "--at",
                               "1,2",
                               "",
                               "=",
                               "--",
                               "-",
                               "--help=",
                               "--x-min=",
                               "#",
                               "." };
    QRandomGenerator random(7);
    for (int i = 0; i < 20000; ++i) {
        QStringList arguments;
        const int n = random.bounded(8);
        for (int k = 0; k < n; ++k)
            arguments << pieces[random.bounded(int(pieces.size()))];
        const ParseResult result = parse(arguments);
        if (result.action == ParseResult::Action::Error) {
            QVERIFY2(!result.error.isEmpty(), qPrintable(arguments.join(' ')));
            continue;
        }
        QVERIFY2(result.error.isEmpty(), qPrintable(arguments.join(' ')));
        if (result.action != ParseResult::Action::ShowGui
            && result.action != ParseResult::Action::Export)
            continue;
        QCOMPARE(result.request.parameters.size(), result.request.functions.size());
        if (i % 50 == 0) {
            SceneModel scene;
            QString error;
            QVERIFY2(buildScene(result.request, scene, &error),
                     qPrintable(arguments.join(' ') + QStringLiteral(": ") + error));
        }
    }
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
