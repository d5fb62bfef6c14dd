#pragma once

#include <QMenu>

class QActionGroup;

/** View → Language: one checkable action per interface language; remembers the choice. */
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    /** The QSettings key that holds the chosen language code. */
    static QString settingsKey();

signals:
    /** The user picked a language other than the current one; it is saved already. */
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);

    QActionGroup *m_group = nullptr;
};
