#include "numberspinbox.h"

#include <QFontMetrics>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
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

void NumberSpinBox::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    updateGeometry();
}

QSize NumberSpinBox::sizeHint() const
{
    return compacted(QDoubleSpinBox::sizeHint());
}

QSize NumberSpinBox::minimumSizeHint() const
{
    return compacted(QDoubleSpinBox::minimumSizeHint());
}

QSize NumberSpinBox::compacted(QSize hint) const
{
    if (!m_compact)
        return hint;
    // QAbstractSpinBox makes room for the longer end of the range: take back what that needs
    // beyond the sample.
    const QFontMetrics metrics(font());
    const int range = std::max(metrics.horizontalAdvance(textFromValue(minimum())),
                               metrics.horizontalAdvance(textFromValue(maximum())));
    const int sample = metrics.horizontalAdvance(QStringLiteral("-100.000"));
    if (range > sample)
        hint.rwidth() -= range - sample;
    return hint;
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
