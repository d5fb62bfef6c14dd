#pragma once

#include <QDockWidget>

/**
 * A dock for one of the window's panels that a screen reader can describe.
 *
 * Qt 6.4's accessible interface for QDockWidget reports the title as the name and never a
 * description, whatever accessibleName() and accessibleDescription() hold. A PanelDock's own
 * interface (installed with the first one made) reports those two; its children are the dock's title buttons and panel, as
 * a plain widget's are.
 */
class PanelDock : public QDockWidget
{
    Q_OBJECT

public:
    /** title: the dock's title, and its accessible name until setAccessibleName() gives one;
     * description: what the panel is for, as accessibleDescription(). */
    PanelDock(const QString &title, const QString &description, QWidget *parent = nullptr);
};
