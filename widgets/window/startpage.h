#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;

/**
 * What the first launch shows: a welcome line, each lesson as a large button with its title and
 * first sentence, and "Just explore". The window decides when to show it and remembers that it
 * has; this page only reports the choice.
 */
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    /** The first sentence of a text (any language), trimmed; the whole text if it has one. */
    static QString firstSentence(const QString &text);

Q_SIGNALS:
    /** The user picked a lesson; the window applies it and leaves the start page. */
    void lessonRequested(const QString &id);
    /** The user wants the explorer without a lesson. */
    void exploreRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFonts();

    QLabel *m_welcome = nullptr;
    QLabel *m_intro = nullptr;
    QList<QCommandLinkButton *> m_lessonButtons; ///< in Lessons::all() order
    QCommandLinkButton *m_explore = nullptr;
};
