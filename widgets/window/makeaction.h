#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>

/** An action named objectName (tests and openDemonstration() find it by that name), whose tip
 * is both its tool tip and its status tip. Used by the main window's menus. */
inline QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                           const QString &tip, const QList<QKeySequence> &keys = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    action->setShortcuts(keys);
    return action;
}
