#pragma once

#include <QString>

/**
 * Numbers as text, one place for how the program writes a double. Each function is one way of
 * writing, for one kind of reader:
 *   brief      messages, ids and labels that need no locale: "0.1", "1e-07", "1.23457e+06"
 *   roundTrip  files and the command line: the shortest text that reads back as the same double
 *   localized  numbers shown in a panel: the user's locale, e.g. "1,5" in German
 *   display    numbers in typeset formulas: localized, no "−0", and a real minus sign (U+2212)
 * Not-a-number and the infinities read "nan", "inf" and "-inf" (localized: the locale's words).
 */
namespace NumberText {
/** The C locale with up to significantDigits significant digits ('g' format). */
QString brief(double value, int significantDigits = 6);
/** The C locale, the shortest text that reads back as the same double. */
QString roundTrip(double value);
/** The user's locale (QLocale()), up to significantDigits significant digits. */
QString localized(double value, int significantDigits = 6);
/**
 * As localized(), but zero never reads "−0", and where the locale's minus is the hyphen-minus
 * it becomes the real minus sign U+2212 (in the exponent too: "1e−07").
 */
QString display(double value, int significantDigits = 6);
} // namespace NumberText
