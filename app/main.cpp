#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("ActivationExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("activation-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Activation Explorer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Activation functions as PyTorch defines them, their derivatives, and where "
                       "their gradients vanish."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();

    // --help and --version answer without a display: a QCoreApplication needs no windowing system.
    // Anything else, including errors, goes through QApplication, which first takes Qt's own
    // options (-platform, -style, ...) out of the arguments.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (parser.parse(arguments) && (parser.isSet(helpOption) || parser.isSet(versionOption))) {
        QCoreApplication app(argc, argv);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    parser.process(app);

    MainWindow window;
    window.show();
    return QApplication::exec();
}
