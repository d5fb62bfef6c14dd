#pragma once

#include <QString>
#include <QStringList>

/**
 * The session files opened or saved last, newest first, kept in QSettings under "recentFiles".
 * Paths are stored absolute and cleaned; a path appears once.
 */
namespace RecentFiles {
/** How many files the Open Recent menu lists. */
constexpr int Max = 8;
/** The QSettings key. */
inline constexpr char SettingsKey[] = "recentFiles";

/** The list, newest first, at most Max entries. */
QStringList list();
/** Puts path first (moving it up if listed), dropping the oldest beyond Max. */
QStringList add(const QString &path);
/** Takes path off the list. */
QStringList remove(const QString &path);
/** Empties the list. */
void clear();
} // namespace RecentFiles
