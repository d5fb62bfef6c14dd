// libFuzzer target: bytes → arguments (split at NUL or newline) → parseCommandLine → for an export
// without --open, buildScene. Any crash, sanitizer report, hang, or an error without a message is
// a finding. --open is not followed: the fuzzer must not read arbitrary files (/dev/stdin hangs).
#include "commandline.h"
#include "scenemodel.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList arguments{QStringLiteral("activation-explorer")};
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == QChar(0) || text[i] == QLatin1Char('\n')) {
            arguments << text.mid(start, i - start);
            start = i + 1;
        }
    }
    const ParseResult result = parseCommandLine(arguments);
    if (result.action == ParseResult::Action::Error && result.error.isEmpty())
        std::abort();
    if (result.action != ParseResult::Action::Error && result.request.sessionPath.isEmpty()) {
        SceneModel scene;
        QString error;
        if (!buildScene(result.request, scene, &error) && error.isEmpty())
            std::abort();
    }
    return 0;
}
