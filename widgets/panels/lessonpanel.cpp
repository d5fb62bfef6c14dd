#include "lessonpanel.h"

#include "lessons.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

LessonPanel::LessonPanel(QWidget *parent)
    : QWidget(parent)
{
    m_previous = new QPushButton(this);
    m_previous->setObjectName(QStringLiteral("lessonPrevious"));
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_list = new QComboBox(this);
    m_list->setObjectName(QStringLiteral("lessonList"));
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(20);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long texts and big presentation fonts scroll instead of pushing the buttons away.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lessonScroll"));
    scroll->setWidget(m_text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addWidget(m_list, 1);
    navigation->addWidget(m_next);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(navigation);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);

    connect(m_list, &QComboBox::activated, this, &LessonPanel::request);
    connect(m_previous, &QPushButton::clicked, this, [this] { request(m_index - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { request(m_index + 1); });

    applyFonts();
    retranslateUi();
}

void LessonPanel::retranslateUi()
{
    setAccessibleName(tr("Lesson"));
    setAccessibleDescription(
            tr("The current lesson of the tutorial, with the previous and the next one"));
    m_previous->setText(tr("◀ &Previous"));
    m_previous->setToolTip(tr("Open the previous lesson"));
    m_previous->setAccessibleName(tr("Previous lesson"));
    m_next->setText(tr("&Next ▶"));
    m_next->setToolTip(tr("Open the next lesson"));
    m_next->setAccessibleName(tr("Next lesson"));
    m_list->setToolTip(tr("All lessons, in teaching order; choosing one loads its scene"));
    m_list->setAccessibleName(tr("Lessons"));
    m_list->setPlaceholderText(tr("Choose a lesson…"));
    m_title->setToolTip(tr("The lesson's title"));
    m_title->setAccessibleName(tr("Lesson title"));
    m_text->setToolTip(tr("What the lesson's scene shows"));
    m_text->setAccessibleName(tr("Lesson text"));

    // Titles and texts come translated from Lessons, so rebuild them in the new language.
    m_list->clear();
    const QList<Lesson> &lessons = Lessons::all();
    for (const Lesson &lesson : lessons)
        m_list->addItem(Lessons::title(lesson), QString::fromLatin1(lesson.id));
    showCurrent();
}

void LessonPanel::applyFonts()
{
    QFont title = font();
    title.setPointSizeF(font().pointSizeF() * TitleScale);
    title.setBold(true);
    m_title->setFont(title);
    QFont text = font();
    text.setPointSizeF(font().pointSizeF() * TextScale);
    m_text->setFont(text);
}

void LessonPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        applyFonts();
    QWidget::changeEvent(event);
}

void LessonPanel::setCurrentLesson(const QString &id)
{
    int index = -1;
    const QList<Lesson> &lessons = Lessons::all();
    for (int i = 0; i < lessons.size(); ++i) {
        if (id == QLatin1String(lessons.at(i).id))
            index = i;
    }
    if (index == m_index)
        return;
    m_index = index;
    showCurrent();
}

QString LessonPanel::currentLesson() const
{
    const QList<Lesson> &lessons = Lessons::all();
    return m_index >= 0 && m_index < lessons.size() ? QString::fromLatin1(lessons.at(m_index).id)
                                                    : QString();
}

void LessonPanel::showCurrent()
{
    const QList<Lesson> &lessons = Lessons::all();
    const bool valid = m_index >= 0 && m_index < lessons.size();
    m_list->setCurrentIndex(valid ? m_index : -1);
    m_previous->setEnabled(valid && m_index > 0);
    // With no lesson open, Next starts the first one.
    m_next->setEnabled(m_index + 1 < lessons.size());
    if (valid) {
        m_title->setText(Lessons::title(lessons.at(m_index)));
        m_text->setText(Lessons::text(lessons.at(m_index)));
    } else {
        m_title->setText(tr("No lesson open"));
        m_text->setText(tr("Choose a lesson above, or press Next to start with the first one. "
                           "Each lesson loads a scene from the tutorial and explains what it "
                           "shows."));
    }
}

void LessonPanel::request(int index)
{
    const QList<Lesson> &lessons = Lessons::all();
    if (index < 0 || index >= lessons.size())
        return;
    m_index = index;
    showCurrent();
    emit lessonRequested(QString::fromLatin1(lessons.at(index).id));
}
