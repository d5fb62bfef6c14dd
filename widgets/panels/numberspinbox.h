#pragma once

#include <QDoubleSpinBox>

/** A spin box that writes 0.25, not 0.250000: trailing zeros and a lone decimal point dropped. */
class NumberSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

protected:
    QString textFromValue(double value) const override;
};

class QSlider;

/**
 * Ties a horizontal slider to a spin box over [from, to]: the slider moves in steps of
 * 1/ticksPerUnit and each follows the other; the spin box starts at value with two decimals.
 */
void bindSliderToSpinBox(QSlider *slider, NumberSpinBox *spin, double from, double to, double value,
                         double ticksPerUnit);
