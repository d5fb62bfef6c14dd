#pragma once

#include "commandline.h"

#include <QList>
#include <QString>
#include <QStringList>

/**
 * The manual: what --help prints around its option list, and the man page activation-explorer(1),
 * made from the same words (the man page at build time, by packaging/manpage.cpp).
 */
namespace Manual {

/** A term and what it means: an example's command, an exit status, a file, a variable. */
struct Entry
{
    QString term;
    QString text;
};

QString programName(); ///< activation-explorer
QString summary(); ///< the NAME line's words after the dash
QStringList description(); ///< paragraphs, plain text
QList<Entry> examples(); ///< command lines, each with what it does
QList<Entry> exitStatus();
QList<Entry> environment();
QList<Entry> files(); ///< the settings file, under the XDG config directory

/** description() wrapped at 80 columns, for QCommandLineParser's application description. */
QString helpDescription();

/** EXAMPLES, EXIT STATUS, ENVIRONMENT and FILES as plain text, wrapped at 80 columns. */
QString helpEpilogue();

/** The man page in roff (man macros), section 1: NAME … FILES, options from options. */
QString roff(const QList<OptionHelp> &options, const QString &version, const QString &date);

/** text with roff's special characters escaped (backslash, minus, a leading dot or quote). */
QString roffEscape(const QString &text);

} // namespace Manual
