#include "paneldock.h"

#include <QAccessible>
#include <QAccessibleWidget>

namespace {

/** A panel dock as a screen reader reads it: a window named by its title, with its description. */
class AccessiblePanelDock : public QAccessibleWidget
{
public:
    explicit AccessiblePanelDock(QWidget *dock)
        : QAccessibleWidget(dock, QAccessible::Window)
    {
    }

    QString text(QAccessible::Text t) const override
    {
        const QWidget *dock = widget();
        switch (t) {
        case QAccessible::Name:
            // "&Functions" reads as "Functions".
            return dock->accessibleName().isEmpty()
                    ? QString(dock->windowTitle()).remove(QLatin1Char('&'))
                    : dock->accessibleName();
        case QAccessible::Description:
            return dock->accessibleDescription();
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

QAccessibleInterface *panelDockFactory(const QString &className, QObject *object)
{
    // Asked for each class up the hierarchy: "PanelDock" comes before Qt's own "QDockWidget".
    if (className == QLatin1String("PanelDock") && object && object->isWidgetType())
        return new AccessiblePanelDock(static_cast<QWidget *>(object));
    return nullptr;
}

} // namespace

PanelDock::PanelDock(const QString &title, const QString &description, QWidget *parent)
    : QDockWidget(title, parent)
{
    QAccessible::installFactory(panelDockFactory); // once: a factory installed twice is ignored
    setAccessibleDescription(description);
}
