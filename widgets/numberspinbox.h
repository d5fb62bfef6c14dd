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
