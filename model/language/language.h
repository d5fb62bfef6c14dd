#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

/** The interface languages: their codes, the system's choice, and installing their translators. */
namespace Language {
/** The codes the interface offers, English first: "en", "zh_CN". */
QStringList codes();
/** A code from codes() for a name such as "zh_CN", "zh-CN", "zh", "en_US"; empty when unknown. */
QString normalise(const QString &name);
/** The language in its own words, for a menu: "English", "简体中文". */
QString nativeName(const QString &code);
/** The code closest to a locale: Chinese gives "zh_CN", everything else "en". */
QString fromLocale(const QLocale &locale);
/** Replaces the translators installed by an earlier call with those of code (Qt's own too). */
bool install(const QString &code);
/** The code last installed, "en" before any. */
QString current();
} // namespace Language
