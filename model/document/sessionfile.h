#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class SceneModel;

/**
 * The whole scene as a JSON document: functions with their parameters, maps, colours and
 * visibility, the x range, ε, the sample count, the view and the lesson.
 *
 * Reading is all or nothing: the document is checked into a scene built aside, and only a
 * document that passes every check replaces the caller's scene. Errors name what is wrong and
 * where, e.g. "functions[2].id: unknown function 'foo'; valid ids: …".
 */
namespace SessionFile {
/** The value of the "format" key. */
inline constexpr char Format[] = "activation-explorer-session";
/** The version this program writes, and the newest it reads. */
constexpr int Version = 1;
/** Files larger than this are not sessions (a session of 100 functions is a few kB). */
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

/** The scene and lesson id (empty for none) as an indented JSON document. */
QByteArray toJson(const SceneModel &scene, const QString &lesson = {});
/** The same document as a JSON object, for callers that look inside it (undo history). */
QJsonObject toJsonObject(const SceneModel &scene, const QString &lesson = {});
/** Replaces scene by the document's (keeping scene's plot size); untouched on failure. */
bool fromJson(const QByteArray &json, SceneModel &scene, QString *lesson = nullptr,
              QString *error = nullptr);
/** Writes toJson() to path atomically (QSaveFile): an old file survives a failed save. */
bool save(const QString &path, const SceneModel &scene, const QString &lesson,
          QString *error = nullptr);
/** Reads path with fromJson(); errors start with the path. */
bool load(const QString &path, SceneModel &scene, QString *lesson = nullptr,
          QString *error = nullptr);
} // namespace SessionFile
