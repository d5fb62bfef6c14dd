#include "languagemenu.h"

#include "language.h"

#include <QActionGroup>
#include <QSettings>

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    setAccessibleName(tr("Language menu"));
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    for (const QString &code : Language::codes()) {
        // Each language is named in itself, so that a reader of either finds their own.
        QAction *action = addAction(Language::nativeName(code));
        action->setObjectName(QStringLiteral("language_") + code);
        action->setCheckable(true);
        action->setChecked(code == Language::current());
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    }
}

QString LanguageMenu::settingsKey()
{
    return QStringLiteral("language");
}

void LanguageMenu::choose(const QString &code)
{
    QSettings().setValue(settingsKey(), code);
    if (code != Language::current())
        emit languageChosen(code);
}
