// libFuzzer target: bytes → SessionFile::fromJson; a document it accepts must survive
// toJson → fromJson → toJson unchanged. Any crash, sanitizer report, hang, a refusal without a
// reason, or a broken round trip is a finding.
#include "scenemodel.h"
#include "sessionfile.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    SceneModel scene;
    QString lesson;
    QString error;
    if (!SessionFile::fromJson(json, scene, &lesson, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const QByteArray saved = SessionFile::toJson(scene, lesson);
    SceneModel again;
    QString lessonAgain;
    if (!SessionFile::fromJson(saved, again, &lessonAgain, &error))
        std::abort();
    if (SessionFile::toJson(again, lessonAgain) != saved)
        std::abort();
    return 0;
}
