#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QUndoStack;
class SceneModel;

/**
 * Snapshot-based undo for a SceneModel: every change to the scene (functions, parameters, maps,
 * colours, visibility, range, ε, sample count) and to the lesson becomes one step on a
 * QUndoStack. A step holds the scene before and after as SessionFile JSON (the view and the plot
 * size left out: they are not edits), and undo/redo apply it through SessionFile::fromJson.
 *
 * Changes inside beginInteraction()/endInteraction() (one slider drag) that touch the same
 * setting merge into one step; outside an interaction every change is its own step. Changes
 * between beginBatch() and endBatch() (loading a lesson or a session) are recorded as one step
 * at endBatch().
 */
class SceneHistory : public QObject
{
    Q_OBJECT

public:
    explicit SceneHistory(QObject *parent = nullptr);
    ~SceneHistory() override;

    /** Follows scene (nullptr: none); the stack is cleared. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const { return m_scene; }

    QUndoStack *stack() const { return m_stack; }

    /** The lesson id stored with the scene; a change is recorded as a step ("Load lesson"). */
    void setLesson(const QString &lesson);
    QString lesson() const { return m_lesson; }

    /** One continuous interaction (a slider drag) starts/ends: its changes merge into one step. */
    void beginInteraction();
    void endInteraction();

    /** Several changes that are one step (nestable); the step is recorded at the outer end. */
    void beginBatch();
    void endBatch();

    /** Forgets every step; the scene as it is now is the base. */
    void clear();

    /** The snapshot compared against (SessionFile JSON without the view). */
    QByteArray snapshot() const { return m_snapshot; }

    /** Applies a snapshot to the scene without recording it (used by undo and redo). */
    void applySnapshot(const QByteArray &snapshot);

Q_SIGNALS:
    /** Undo or redo replaced the scene; lesson is the restored lesson id. */
    void snapshotApplied(const QString &lesson);

private:
    /** The scene as the snapshot object: SessionFile's document without the view. */
    QJsonObject snapshotObject() const;
    /** Makes the scene as it is now the snapshot compared against. */
    void resetSnapshot();
    void record();

    SceneModel *m_scene = nullptr;
    QUndoStack *m_stack = nullptr;
    QByteArray m_snapshot;
    QJsonObject m_snapshotObject; ///< m_snapshot, parsed: a slider step compares without parsing
    QString m_lesson;
    int m_interaction = 0;      ///< serial of the running interaction, 0 outside one
    int m_interactionSerial = 0;
    int m_batchDepth = 0;
    bool m_applying = false;
};
