#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

/**
 * The current lesson's title and text in a size a projector shows, with Previous and Next and a
 * list of all lessons. Picking one shows it here and asks the window to apply it to the scene.
 */
class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    /** Title and text sizes relative to the panel's font, so presentation mode scales them too. */
    static constexpr double TitleScale = 1.6;
    static constexpr double TextScale = 1.3;

    explicit LessonPanel(QWidget *parent = nullptr);

    /** Shows the lesson with this id ("" or an unknown id: none) without emitting anything. */
    void setCurrentLesson(const QString &id);
    /** The id of the lesson shown, "" for none. */
    QString currentLesson() const;

Q_SIGNALS:
    /** The user picked a lesson (list, Previous or Next); the window applies it to the scene. */
    void lessonRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFonts();
    void showCurrent();
    void request(int index);

    int m_index = -1; ///< into Lessons::all()
    QComboBox *m_list = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};
