// ae_savehelper KIND PATH: saves a large session (KIND "session", with SessionFile::save) or CSV
// (KIND "csv", with writeFileAtomically) to PATH over and over, the new content and the old in
// turn, until it is killed. tst_savesafety kills it at random moments and reads PATH.
#include "bigscenes.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 || (args[1] != QLatin1String("session") && args[1] != QLatin1String("csv"))) {
        std::fprintf(stderr, "usage: ae_savehelper session|csv PATH\n");
        return 2;
    }
    const bool session = args[1] == QLatin1String("session");
    const QString path = args[2];
    SceneModel scenes[2];
    QByteArray csv[2];
    for (int v = 0; v < 2; ++v) {
        if (session)
            BigScenes::build(scenes[v], v, 6);
        else
            csv[v] = BigScenes::csv(v);
    }
    std::printf("ready\n");
    std::fflush(stdout);
    for (long i = 0;; ++i) {
        const int v = int((i + 1) % 2); // the new content first: the test wrote the old one
        QString error;
        const bool ok = session
                ? SessionFile::save(path, scenes[v], v == 0 ? QString() : QStringLiteral("sigmoid-saturates"), &error)
                : writeFileAtomically(path, csv[v], &error);
        if (!ok) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
}
