#pragma once

#include "sceneanimation.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class SceneModel;

/**
 * Asks what to animate (a number parameter of a visible function, x min, x max or ε), from A to
 * B in how many frames, how fast, once or there and back, at what size and into which GIF.
 * accept() refuses what the export would refuse, with the reason; exportWithProgress() then
 * writes the file under a cancellable progress dialog.
 */
class ExportAnimationDialog : public QDialog
{
    Q_OBJECT

public:
    /** render: the charts' look (theme, layout, bands) the frames take; its size is the
     * dialog's default. focusRow: the function whose first parameter is chosen at first. */
    ExportAnimationDialog(const SceneModel &scene, const RenderOptions &render, int focusRow,
                          QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    /** The names offered, in order, as AnimationTarget::name() gives them. */
    QStringList targetNames() const;
    /** Chooses a target by name, and its default range; false if it is not offered. */
    bool setTarget(const QString &name);
    /** What the controls say, as SceneAnimation takes it. */
    AnimationOptions options() const;

    void accept() override;

    /** Writes options' GIF to path with a progress dialog over parent; false with error on
     * failure, or with cancelled set when the user cancelled (no file is left behind then, and
     * an existing one is untouched). */
    static bool exportWithProgress(QWidget *parent, const SceneModel &scene,
                                   const AnimationOptions &options, const QString &path,
                                   QString *error, bool *cancelled);

private:
    void targetChosen();
    void browse();

    const SceneModel &m_scene;
    RenderOptions m_render;
    QComboBox *m_target = nullptr;
    QDoubleSpinBox *m_from = nullptr;
    QDoubleSpinBox *m_to = nullptr;
    QSpinBox *m_frames = nullptr;
    QSpinBox *m_fps = nullptr;
    QComboBox *m_mode = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QLineEdit *m_path = nullptr;
};
