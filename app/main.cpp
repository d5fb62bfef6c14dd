#include "commandline.h"
#include "dataexport.h"
#include "functionlistpanel.h"
#include "language.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "manual.h"
#include "networkchartexport.h"
#include "networkexport.h"
#include "sceneanimation.h"
#include "scenehistory.h"
#include "scenemodel.h"
#include "scenerenderer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QSettings>

#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

int fail(const QString &message)
{
    const QByteArray text
        = (QCoreApplication::applicationName() + QStringLiteral(": ") + message + QLatin1Char('\n'))
              .toUtf8();
    std::fputs(text.constData(), stderr);
    return CommandLine::ExitBadInput;
}

/**
 * Prints --help (QCommandLineParser's usage, description and options, then the manual's
 * examples, exit status, environment and files: the man page's words), --help-all or --version,
 * and exits.
 */
[[noreturn]] void showInformation(ParseResult::Action action)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Manual::helpDescription());
    parser.addHelpOption();
    parser.addVersionOption();
    describeCommandLineOptions(parser);
    if (action == ParseResult::Action::ShowVersion)
        parser.showVersion();
    if (action == ParseResult::Action::ShowHelpAll)
        parser.process(
            QStringList { QCoreApplication::arguments().value(0), QStringLiteral("--help-all") });
    const QByteArray text
        = (parser.helpText() + QLatin1Char('\n') + Manual::helpEpilogue()).toUtf8();
    std::fputs(text.constData(), stdout);
    std::fflush(stdout);
    std::exit(0);
}

int exportScene(const ExportRequest &request)
{
    SceneModel scene;
    QString error;
    if (!buildScene(request, scene, &error))
        return fail(error);
    bool written = false;
    switch (request.format) {
    case ExportFormat::Csv:
        written = writeFileAtomically(
            request.exportPath, sceneToCsv(scene, request.at.value_or(scene.samples())), &error);
        break;
    case ExportFormat::Json:
        written = writeFileAtomically(request.exportPath, sceneToJson(scene), &error);
        break;
    case ExportFormat::Png:
    case ExportFormat::Svg:
    case ExportFormat::Pdf:
    case ExportFormat::Gif: {
        RenderOptions options;
        options.size = request.size;
        options.scale = request.scale;
        // One function gets its full-height bands; several keep to their lanes.
        options.focusRow = scene.rowCount() == 1 ? 0 : -1;
        options.presentation = request.present;
        if (request.format != ExportFormat::Gif || !request.animation) {
            written = SceneRenderer::exportImage(scene, options, request.exportPath, &error);
            break;
        }
        AnimationOptions animation;
        animation.render = options;
        animation.sweep = *request.animation;
        animation.fps = request.fps;
        written = SceneAnimation::exportGif(scene, animation, request.exportPath, {}, &error);
        break;
    }
    case ExportFormat::None:
        error = QStringLiteral("nothing to export");
        break;
    }
    return written ? 0 : fail(error);
}

/** --network: the theory and simulation of a deep network for the one function, as a file. */
int exportNetwork(const ExportRequest &request)
{
    const ActivationSpec *spec = ActivationCatalogue::find(request.functions.value(0));
    if (!spec)
        return fail(QStringLiteral("--network: no function given"));
    const ActivationFunction phi(*spec, request.parameters.value(0, spec->defaults()));
    NetworkReport report;
    QString error;
    if (!computeNetworkReport(phi, request.networkSettings, request.epsilon, request.seed,
                              &report, &error))
        return fail(error);
    const QByteArray data = request.format == ExportFormat::Json ? networkToJson(report)
                                                                 : networkToCsv(report);
    return writeFileAtomically(request.exportPath, data, &error) ? 0 : fail(error);
}

/** --network with a .png: the demonstration's depth chart (needs a QApplication). */
int exportNetworkImage(const ExportRequest &request)
{
    SceneModel scene;
    QString error;
    if (!buildScene(request, scene, &error)
        || !exportNetworkChart(scene, request.networkSettings, request.seed, request.size,
                               request.scale, request.exportPath, &error))
        return fail(error);
    return 0;
}

/** True when an argument is one of the options QGuiApplication or QApplication take out. */
bool hasQtOption(const QStringList &arguments)
{
    static const QStringList qtOptions {
        QStringLiteral("platform"),      QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"),
        QStringLiteral("qmljsdebugger"), QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"),   QStringLiteral("qwindowtitle"),
        QStringLiteral("reverse"),       QStringLiteral("session"),
        QStringLiteral("display"),       QStringLiteral("geometry"),
        QStringLiteral("style"),         QStringLiteral("stylesheet"),
        QStringLiteral("widgetcount"),   QStringLiteral("nograb"),
        QStringLiteral("dograb"),        QStringLiteral("sync"),
    };
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QStringView arg = arguments[i];
        if (!arg.startsWith(QLatin1Char('-')))
            continue;
        arg = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
        arg = arg.left(arg.indexOf(QLatin1Char('='))); // the whole view when there is none
        if (qtOptions.contains(arg))
            return true;
    }
    return false;
}

/** --lang if given, else the language chosen in the View menu, else the system's. */
QString chosenLanguage(const ExportRequest &request)
{
    if (!request.language.isEmpty())
        return request.language;
    const QString saved = Language::normalise(
            QSettings().value(LanguageMenu::settingsKey()).toString());
    return saved.isEmpty() ? Language::fromLocale(QLocale::system()) : saved;
}

void watchLanguageMenu(MainWindow *window);

/** Replaces window by a new one in language code, on the same scene, where it was. */
void reopenInLanguage(MainWindow *window, const QString &code)
{
    Language::install(code);
    auto *next = new MainWindow;
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->scene()->assign(*window->scene());
    next->showLessonText(window->currentLesson());
    // The old window's steps go with it: Undo in the new one must not take the scene back to
    // the tutorial's, which it was built on.
    next->history()->clear();
    next->setWindowModified(window->isWindowModified());
    next->functionList()->setCurrentRow(window->functionList()->currentRow());
    next->restoreGeometry(window->saveGeometry());
    watchLanguageMenu(next);
    next->show();
    window->close();
}

void watchLanguageMenu(MainWindow *window)
{
    if (auto *menu = window->findChild<LanguageMenu *>()) {
        // Queued: the old window and its menu go away inside the new language's call.
        QObject::connect(
                menu, &LanguageMenu::languageChosen, window,
                [window](const QString &code) { reopenInLanguage(window, code); },
                Qt::QueuedConnection);
    }
}

/** True when the command line says what the scene is (--open, --functions, --x-min, …). */
bool describesScene(const QStringList &arguments)
{
    static const QStringList sceneOptions {
        QStringLiteral("--functions"), QStringLiteral("--x-min"),  QStringLiteral("--x-max"),
        QStringLiteral("--param"),     QStringLiteral("--epsilon"), QStringLiteral("--open"),
        QStringLiteral("--samples"),   QStringLiteral("--function-expr"),
    };
    for (const QString &arg : arguments) {
        const QString name = arg.section(QLatin1Char('='), 0, 0);
        if (sceneOptions.contains(name))
            return true;
    }
    return false;
}

bool asksForExport(const QStringList &arguments)
{
    for (const QString &arg : arguments) {
        if (arg == QLatin1String("--export") || arg.startsWith(QLatin1String("--export=")))
            return true;
    }
    return false;
}

} // namespace

QtMessageHandler previousMessageHandler = nullptr;

/** Drops Qt's notes that are not the user's concern: XDG_RUNTIME_DIR unset (usual under CI and
 * cron), and the offscreen platform's on size hints. */
void quietMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    // The offscreen platform's note on a widget shown to render an export (--network's chart).
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    if (previousMessageHandler)
        previousMessageHandler(type, context, message);
}

namespace {

/** The names QSettings, --version, the window title and the desktop entry go by. */
void setUpApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ActivationExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("activation-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Activation Explorer"));
    // The desktop entry's name, which Wayland compositors match the window against.
    QGuiApplication::setDesktopFileName(QStringLiteral(AE_APP_ID));
}

/**
 * Help, version, errors and CSV or JSON exports, which need no window: the exit status once one
 * of them has run, or std::nullopt when a QApplication must take the command line first.
 */
std::optional<int> runWithoutWindow(int &argc, char **argv, const ParseResult &parsed,
                                    const QStringList &arguments)
{
    // Help, version, errors and data exports need no windowing system: a QCoreApplication will
    // do. Only Qt's own options (-platform, -style, …) need QApplication to take them out first.
    switch (parsed.action) {
    case ParseResult::Action::ShowHelp:
    case ParseResult::Action::ShowVersion: {
        QCoreApplication app(argc, argv);
        showInformation(parsed.action);
    }
    case ParseResult::Action::ShowHelpAll: {
        // QApplication adds Qt's GUI options (-platform, -style, …) to the list; offscreen, as
        // help needs no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        showInformation(parsed.action);
    }
    case ParseResult::Action::Error:
        if (!hasQtOption(arguments))
            return fail(parsed.error);
        break;
    case ParseResult::Action::Export:
        if (parsed.request.format == ExportFormat::Csv
            || parsed.request.format == ExportFormat::Json) {
            QCoreApplication app(argc, argv);
            Language::install(chosenLanguage(parsed.request));
            return parsed.request.network ? exportNetwork(parsed.request)
                                          : exportScene(parsed.request);
        }
        break;
    case ParseResult::Action::ShowGui:
        break;
    }
    return std::nullopt;
}

/**
 * A command line that was wrong only because of Qt's own options, parsed again once QApplication
 * has taken them out: the exit status if it is still wrong (help and version exit here), else
 * std::nullopt with parsed replaced.
 */
std::optional<int> reparseWithoutQtOptions(ParseResult &parsed)
{
    if (parsed.action != ParseResult::Action::Error)
        return std::nullopt;
    parsed = parseCommandLine(QCoreApplication::arguments());
    if (parsed.action == ParseResult::Action::Error)
        return fail(parsed.error);
    if (parsed.action != ParseResult::Action::Export
        && parsed.action != ParseResult::Action::ShowGui)
        showInformation(parsed.action);
    return std::nullopt;
}

/** The main window on the scene request describes, shown; nullptr with error if it fails. */
MainWindow *openWindow(const ExportRequest &request, QString *error)
{
    // On the heap: choosing another language replaces the window by one built in that language.
    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    // The window opens on the scene the command line describes (the tutorial's by default), or
    // on the session --open names.
    // Without either, it opens on the scene it was closed on, if that can still be read.
    const bool built = request.sessionPath.isEmpty()
            ? buildScene(request, *window->scene(), error)
            : window->openSession(request.sessionPath, error); // title, lesson, recent
    if (!built) {
        delete window;
        return nullptr;
    }
    if (window->scene()->rowCount() > 0)
        window->functionList()->setCurrentRow(window->scene()->rowCount() > 1 ? 1 : 0);
    if (!describesScene(QCoreApplication::arguments()))
        window->restoreLastScene();
    // Whatever the window opens on is where this run starts: unmodified, and nothing to undo
    // (a scene from the command line was recorded as a step from the tutorial's scene, which
    // Ctrl+Z went back to).
    window->setWindowModified(false);
    window->history()->clear();
    watchLanguageMenu(window);
    window->fitToScreen();
    window->show();
    if (request.present)
        window->setPresentationMode(true);
    if (!request.demo.isEmpty())
        window->openDemonstration(request.demo);
    else
        window->showStartPageOnFirstLaunch();
    return window;
}

/** Deletes whichever main windows are open now (a language switch replaces the first one). */
void deleteMainWindows()
{
    QList<MainWindow *> windows;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *main = qobject_cast<MainWindow *>(w))
            windows.append(main);
    }
    qDeleteAll(windows);
}

/** Everything that needs a QApplication: the window, and image exports; the exit status. */
int runWithApplication(int &argc, char **argv, ParseResult parsed, const QStringList &arguments)
{
    // An image export never needs a display: render offscreen unless a platform was chosen, so
    // a missing or dead DISPLAY cannot stop it.
    if (asksForExport(arguments) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    // The installed theme's icon where there is one, else the same SVG built in.
    QApplication::setWindowIcon(QIcon::fromTheme(
            QStringLiteral(AE_APP_ID),
            QIcon(QStringLiteral(":/icons/" AE_APP_ID ".svg"))));
    if (const std::optional<int> code = reparseWithoutQtOptions(parsed))
        return *code;
    Language::install(chosenLanguage(parsed.request));
    if (parsed.action == ParseResult::Action::Export)
        return parsed.request.network ? exportNetworkImage(parsed.request)
                                      : exportScene(parsed.request);

    QString error;
    if (!openWindow(parsed.request, &error))
        return fail(error);
    const int code = QApplication::exec();
    // Whichever window is open now (a language switch replaces it) goes before the application.
    deleteMainWindows();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    previousMessageHandler = qInstallMessageHandler(quietMessageHandler);
    setUpApplicationIdentity();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const ParseResult parsed = parseCommandLine(arguments);
    if (const std::optional<int> code = runWithoutWindow(argc, argv, parsed, arguments))
        return *code;
    return runWithApplication(argc, argv, parsed, arguments);
}
