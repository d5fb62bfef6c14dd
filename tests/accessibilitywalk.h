#pragma once

#include <QAccessible>
#include <QAccessibleInterface>
#include <QStringList>
#include <QWidget>

#include <functional>

/**
 * What a screen reader finds unnamed or undescribed in a window: it walks the accessibility tree
 * from the window down, as Qt's AT-SPI bridge hands it to Orca, and lists every control, chart,
 * view, bar and panel that is showing and lacks a name or a description there (not only on the
 * widget: an item view reports its own accessibleDescription, never its tool tip).
 *
 * Text is its own name (labels, cells, headers and the items of lists and menus are read by
 * their text), so those are not asked for more; the cells of item views are not walked, and an
 * unnamed plain container is only walked through.
 * Each entry says the role, the name and the path from the window.
 */
inline QStringList accessibilityGaps(QWidget *window)
{
    QStringList gaps;
    const auto roleName = [](QAccessible::Role role) {
        return QString::number(int(role), 16);
    };
    const auto exempt = [](QAccessible::Role role) {
        switch (role) {
        case QAccessible::StaticText:
        case QAccessible::Cell:
        case QAccessible::ListItem:
        case QAccessible::TreeItem:
        case QAccessible::RowHeader:
        case QAccessible::ColumnHeader:
        case QAccessible::Row:
        case QAccessible::Column:
        case QAccessible::MenuItem:
        case QAccessible::PopupMenu:
        case QAccessible::Separator:
        case QAccessible::ScrollBar:
        // Qt 6.4's tab bar reports its current tab as its name and never a description; its
        // tabs are what is read, and they are checked.
        case QAccessible::PageTabList:
        case QAccessible::Grouping: // a group box is read by its title
        case QAccessible::Whitespace:
        case QAccessible::Indicator:
            return true;
        default:
            return false;
        }
    };
    std::function<void(QAccessibleInterface *, const QString &, int)> walk
            = [&](QAccessibleInterface *node, const QString &path, int depth) {
                  if (!node || !node->isValid() || depth > 60)
                      return;
                  const QAccessible::State state = node->state();
                  if (state.invisible || state.offscreen)
                      return;
                  const QAccessible::Role role = node->role();
                  const QString name = node->text(QAccessible::Name);
                  const QString here = path + QStringLiteral(" > ")
                          + (name.isEmpty() ? QStringLiteral("(0x%1)").arg(roleName(role)) : name);
                  // A plain container without a name is passed through; one with a name (a
                  // chart) is described like any control.
                  const bool container = (role == QAccessible::Client
                                          || role == QAccessible::Pane)
                          && name.isEmpty();
                  if (!exempt(role) && !container
                      && (name.trimmed().isEmpty()
                          || node->text(QAccessible::Description).trimmed().isEmpty())) {
                      QString who = node->object() ? QString::fromLatin1(
                                            node->object()->metaObject()->className())
                                                   : QStringLiteral("?");
                      if (node->object() && !node->object()->objectName().isEmpty())
                          who += QLatin1Char(' ') + node->object()->objectName();
                      gaps << QStringLiteral("role 0x%1 %2 (%3) at %4")
                                      .arg(roleName(role),
                                           name.isEmpty() ? QStringLiteral("without a name")
                                                          : QStringLiteral("'%1' without a "
                                                                           "description")
                                                                    .arg(name),
                                           who, here);
                  }
                  // The cells of a list, table or tree are read by their text.
                  if (role == QAccessible::List || role == QAccessible::Table
                      || role == QAccessible::Tree)
                      return;
                  for (int i = 0; i < node->childCount(); ++i)
                      walk(node->child(i), here, depth + 1);
              };
    walk(QAccessible::queryAccessibleInterface(window), window->windowTitle(), 0);
    return gaps;
}
