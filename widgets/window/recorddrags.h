#pragma once

#include "scenehistory.h"
#include "sliderplayer.h"

#include <QAction>
#include <QUndoStack>

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

/**
 * Makes every sweep a play button of widget plays one undo step of history, holding the end
 * state: the steps in between are not recorded. Sweeps playing together end as one step. Undo
 * stays enabled while one plays: it ends the sweep as its step, then undoes it.
 */
template<typename Widget>
void recordPlaybackAsOneStep(Widget *widget, SceneHistory *history, QAction *undo)
{
    QObject::connect(widget, &Widget::playbackStarted, history, [history, undo] {
        history->beginBatch();
        undo->setEnabled(true);
    });
    QObject::connect(widget, &Widget::playbackFinished, history, [history, undo] {
        history->endBatch();
        undo->setEnabled(history->stack()->canUndo() || SliderPlayer::playingCount() > 0);
    });
}
