#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace {

QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

// Owned here rather than by the application: install() swaps them as a pair.
std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

void remove(std::unique_ptr<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator.get());
        translator.reset();
    }
}

} // namespace

namespace Language {

QStringList codes()
{
    return { QStringLiteral("en"), QStringLiteral("zh_CN") };
}

QString normalise(const QString &name)
{
    QString n = name.trimmed();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (n.compare(QLatin1String("en"), Qt::CaseInsensitive) == 0
        || n.startsWith(QLatin1String("en_"), Qt::CaseInsensitive))
        return QStringLiteral("en");
    // Simplified Chinese only: zh, zh_CN, zh_Hans, zh_Hans_CN, zh_SG.
    static const QStringList chinese { QStringLiteral("zh"), QStringLiteral("zh_CN"),
                                       QStringLiteral("zh_Hans"), QStringLiteral("zh_Hans_CN"),
                                       QStringLiteral("zh_SG") };
    for (const QString &c : chinese) {
        if (n.compare(c, Qt::CaseInsensitive) == 0)
            return QStringLiteral("zh_CN");
    }
    return {};
}

QString nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString fromLocale(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool install(const QString &code)
{
    remove(appTranslator());
    remove(qtTranslator());
    currentCode() = QStringLiteral("en");
    const QString normalised = normalise(code);
    if (normalised.isEmpty())
        return false;
    if (normalised == QLatin1String("en"))
        return true;

    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/activation-explorer_") + normalised))
        return false;
    QCoreApplication::installTranslator(app.get());
    appTranslator() = std::move(app);
    // Qt's own dialogs and buttons (OK, Cancel, …), where Qt's translations are installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + normalised,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    currentCode() = normalised;
    return true;
}

QString current()
{
    return currentCode();
}

} // namespace Language
