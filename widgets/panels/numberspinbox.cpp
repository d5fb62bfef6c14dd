#include "numberspinbox.h"

#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

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

void bindSliderToSpinBox(QSlider *slider, NumberSpinBox *spin, double from, double to, double value,
                         double ticksPerUnit)
{
    slider->setOrientation(Qt::Horizontal);
    slider->setRange(int(std::lround(from * ticksPerUnit)), int(std::lround(to * ticksPerUnit)));
    spin->setRange(from, to);
    spin->setDecimals(2);
    spin->setSingleStep(0.1);
    spin->setValue(value);
    spin->setMinimumWidth(80); // room for "-6.00" beside the arrows
    slider->setValue(int(std::lround(value * ticksPerUnit)));
    QObject::connect(slider, &QSlider::valueChanged, spin, [spin, ticksPerUnit](int v) {
        const QSignalBlocker block(spin);
        spin->setValue(v / ticksPerUnit);
    });
    QObject::connect(spin, &QDoubleSpinBox::valueChanged, slider, [slider, ticksPerUnit](double v) {
        slider->setValue(int(std::lround(v * ticksPerUnit)));
    });
}
