#pragma once

#include <QDoubleSpinBox>

/** A spin box that writes 0.25, not 0.250000: trailing zeros and a lone decimal point dropped. */
class NumberSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    /** Compact: as wide as "-100.000", not as its whole range (±1e6 with six decimals); longer
     * values scroll. For a strip of controls that must fit a 1024-pixel projector. */
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    QString textFromValue(double value) const override;

private:
    QSize compacted(QSize hint) const;

    bool m_compact = false;
};

class QSlider;

/**
 * Ties a horizontal slider to a spin box over [from, to]: the slider moves in steps of
 * 1/ticksPerUnit and each follows the other; the spin box starts at value with two decimals.
 */
void bindSliderToSpinBox(QSlider *slider, NumberSpinBox *spin, double from, double to, double value,
                         double ticksPerUnit);
