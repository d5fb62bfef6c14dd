#pragma once

#include <QString>

class QWidget;
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
     * Shows the window of the demonstration name ("layerChain", "gradientDescent" or
     * "softmax"), made on first use with title and look, and raises it; nullptr if name is
     * unknown.
     */
    QWidget *open(const QString &name, const QString &title, const ChartAppearance &look);
    /** Gives the demonstration windows made so far the charts' look. */
    void setAppearance(const ChartAppearance &look);

private:
    QWidget *m_owner;
};
