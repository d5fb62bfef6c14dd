#pragma once

#include <QPointer>
#include <QString>

class QWidget;
class SceneModel;
struct ChartAppearance;

/**
 * The demonstrations' windows: separate, non-modal windows that do not touch the scene, so the
 * class can keep one open beside the main charts. Each is a child of the owner (a window of its
 * own, named "<name>Window"), created on first use, and follows the charts' look.
 */
class DemonstrationWindows
{
public:
    explicit DemonstrationWindows(QWidget *owner) : m_owner(owner) {}

    /**
     * Shows the window of the demonstration name ("layerChain", "gradientDescent", "softmax"
     * or "network"), made on first use with title and look, and raises it; nullptr if name is
     * unknown.
     */
    QWidget *open(const QString &name, const QString &title, const ChartAppearance &look);
    /** Gives the demonstration windows made so far the charts' look. */
    void setAppearance(const ChartAppearance &look);
    /**
     * The scene and its selected row, which the network demonstration takes its activation
     * from (the only one that reads the scene; it never changes it).
     */
    void setScene(SceneModel *scene);
    void setCurrentRow(int row);

private:
    QWidget *m_owner;
    QPointer<SceneModel> m_scene;
    int m_row = -1;
};
