#include "numbertext.h"

#include <QLocale>

namespace NumberText {

QString brief(double value, int significantDigits)
{
    return QString::number(value, 'g', significantDigits);
}

QString roundTrip(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString localized(double value, int significantDigits)
{
    return QLocale().toString(value, 'g', significantDigits);
}

QString display(double value, int significantDigits)
{
    if (value == 0)
        value = 0; // no "−0"
    const QLocale locale;
    QString s = locale.toString(value, 'g', significantDigits);
    if (locale.negativeSign() == QLatin1String("-"))
        s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

} // namespace NumberText
