#pragma once

#include "activationcatalogue.h"
#include "animationsweep.h"
#include "networksettings.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

class QCommandLineParser;
class SceneModel;

/** What --export writes, from the path's suffix (Gif: an animation, with --animate only). */
enum class ExportFormat { None, Png, Svg, Pdf, Gif, Csv, Json };

/** The command line's choices, checked: ids exist and parameters lie in their domains. */
struct ExportRequest
{
    QStringList functions { QStringLiteral("step"), QStringLiteral("sigmoid"),
                            QStringLiteral("tanh"), QStringLiteral("relu") };
    QList<ParameterValues> parameters; ///< one per function; PyTorch's defaults where not given
    double xMin = -6;
    double xMax = 6;
    double epsilon = 0.01;
    int samples = 1001; ///< points of the CSV's linspace
    std::optional<QList<double>> at; ///< explicit x values for the CSV instead of the linspace
    QString sessionPath; ///< --open: the scene comes from this session file instead
    QString exportPath; ///< empty: no export
    ExportFormat format = ExportFormat::None;
    QSize size { 1600, 900 }; ///< image size in logical pixels
    int scale = 1; ///< device pixels per logical pixel of an image: 1 or 2
    bool present = false; ///< --present: presentation mode, or its look in an image export
    QString language; ///< --lang as a Language code ("en", "zh_CN"); empty: not given
    QString demo; ///< --demo: a name of demonstrationNames() to open in the window; empty: none
    /// --network: export a deep network at initialization for the one function instead of a scene
    bool network = false;
    NetworkSettings networkSettings; ///< --weight-variance, --bias-variance, --depth, --width, --batch
    std::uint64_t seed = 1;          ///< --seed of the network's simulation
    /// --animate, --frames, --animate-mode: the sweep a GIF export shows (format Gif only)
    std::optional<AnimationSweep> animation;
    int fps = AnimationSweep::DefaultFps; ///< --fps of the GIF
};

/** The demonstrations --demo can open: layers, descent, softmax, network. */
QStringList demonstrationNames();

/** What the application should do with its command line. */
struct ParseResult
{
    enum class Action {
        ShowGui, ///< no --export: open the window; request holds the other options
        Export, ///< write request.exportPath without a window
        ShowHelp, ///< -h, -?, --help
        ShowHelpAll, ///< --help-all: also Qt's own options
        ShowVersion, ///< -v, --version
        Error, ///< bad input: report error and exit with CommandLine::ExitBadInput
    };

    Action action = Action::ShowGui;
    ExportRequest request;
    QString error; ///< names the problem and the valid choices
};

namespace CommandLine {
/** The exit code for bad input, including an export that cannot be written. */
constexpr int ExitBadInput = 2;
constexpr int MinImageSide = 16;
constexpr int MaxImageSide = 16384;
/** The most device pixels (width·scale × height·scale) an image export may allocate. */
constexpr qint64 MaxImagePixels = qint64(MaxImageSide) * MaxImageSide;
} // namespace CommandLine

/** Parses arguments (the first is the program's name); never prints, never exits. */
ParseResult parseCommandLine(const QStringList &arguments);

/** Adds the options parseCommandLine() knows to parser, for the text of --help. */
void describeCommandLineOptions(QCommandLineParser &parser);

/** One option as --help and the man page describe it. */
struct OptionHelp
{
    QStringList names; ///< "-h", "--help"
    QString valueName; ///< empty for a flag
    QString description;
};

/** Every option --help lists, Qt's own (-platform, …) aside, in --help's order. */
QList<OptionHelp> commandLineOptionHelp();

/** The format a path's suffix names (.png, .svg, .pdf, .gif, .csv, .json, any case), or None. */
ExportFormat exportFormatForPath(const QString &path);

/**
 * Makes scene hold exactly the request's functions, range, ε and sample count, or the session
 * file's scene with --open (scene untouched when the file is refused; lesson gets its lesson id).
 */
bool buildScene(const ExportRequest &request, SceneModel &scene, QString *error = nullptr,
                QString *lesson = nullptr);
