#pragma once

#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>

/**
 * Where a slider's handle is drawn, in the slider's coordinates: what a test presses to start a
 * drag the way a user does. QSlider::initStyleOption() is protected, so the option is filled in
 * here as it fills it in.
 */
inline QRect sliderHandleRect(const QSlider *slider)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.subControls = QStyle::SC_None;
    option.activeSubControls = QStyle::SC_None;
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.tickPosition = slider->tickPosition();
    option.tickInterval = slider->tickInterval();
    option.upsideDown = slider->orientation() == Qt::Horizontal
            ? slider->invertedAppearance() != (option.direction == Qt::RightToLeft)
            : !slider->invertedAppearance();
    option.direction = Qt::LeftToRight; // upsideDown says it
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    if (slider->orientation() == Qt::Horizontal)
        option.state |= QStyle::State_Horizontal;
    return slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle,
                                           slider);
}
