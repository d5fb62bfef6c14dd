// Build-time tool: writes activation-explorer(1) in roff, from the words of --help
// (model/manual.cpp and the options table of model/commandline.cpp).
//
//   ae-manpage VERSION DATE OUTPUT
#include "commandline.h"
#include "manual.h"

#include <QFile>
#include <QString>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 4) {
        std::fputs("usage: ae-manpage VERSION DATE OUTPUT\n", stderr);
        return 2;
    }
    const QString page = Manual::roff(commandLineOptionHelp(), QString::fromLocal8Bit(argv[1]),
                                      QString::fromLocal8Bit(argv[2]));
    QFile file(QString::fromLocal8Bit(argv[3]));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(page.toUtf8()) < 0 || !file.flush()) {
        std::fprintf(stderr, "ae-manpage: cannot write %s: %s\n", argv[3],
                     qPrintable(file.errorString()));
        return 1;
    }
    return 0;
}
