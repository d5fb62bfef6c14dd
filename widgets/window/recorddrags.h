#pragma once

#include "scenehistory.h"

#include <QObject>

/**
 * Makes every drag in widget (a panel's slider, a chart's pan) one undo step of history. Each
 * widget that edits the scene by dragging is wired by name: looking for sliders would find the
 * demonstration windows' too, which never touch the scene, and miss those a panel builds later.
 */
template<typename Widget>
void recordDragsAsOneStep(Widget *widget, SceneHistory *history)
{
    QObject::connect(widget, &Widget::interactionStarted, history, &SceneHistory::beginInteraction);
    QObject::connect(widget, &Widget::interactionFinished, history, &SceneHistory::endInteraction);
}
