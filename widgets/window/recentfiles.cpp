#include "recentfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {

QString normalised(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QStringList store(QStringList files)
{
    files.removeDuplicates();
    while (files.size() > RecentFiles::Max)
        files.removeLast();
    QSettings().setValue(QLatin1String(RecentFiles::SettingsKey), files);
    return files;
}

} // namespace

namespace RecentFiles {

QStringList list()
{
    QStringList files;
    for (const QString &path : QSettings().value(QLatin1String(SettingsKey)).toStringList()) {
        if (!path.isEmpty() && !files.contains(path))
            files.append(path);
    }
    return files.mid(0, Max);
}

QStringList add(const QString &path)
{
    const QString file = normalised(path);
    QStringList files = list();
    files.removeAll(file);
    files.prepend(file);
    return store(files);
}

QStringList remove(const QString &path)
{
    QStringList files = list();
    files.removeAll(path);
    files.removeAll(normalised(path));
    return store(files);
}

void clear()
{
    QSettings().remove(QLatin1String(SettingsKey));
}

} // namespace RecentFiles
