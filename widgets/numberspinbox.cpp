#include "numberspinbox.h"

#include <QLocale>

QString NumberSpinBox::textFromValue(double value) const
{
    QLocale loc = locale();
    loc.setNumberOptions(loc.numberOptions() | QLocale::OmitGroupSeparator);
    QString text = loc.toString(value == 0 ? 0.0 : value, 'f', decimals()); // no "-0"
    const QString point = loc.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(loc.zeroDigit()))
            text.chop(loc.zeroDigit().size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}
