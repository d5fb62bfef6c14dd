#include "startpage.h"

#include "lessons.h"

#include <QCommandLinkButton>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTextBoundaryFinder>
#include <QVBoxLayout>

namespace {

/** Wide enough for a title and a sentence per button, narrow enough to read on a wide screen. */
constexpr int MaxContentWidth = 820;
constexpr double WelcomeScale = 2.0;
constexpr double IntroScale = 1.2;
constexpr double ButtonScale = 1.25;

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("startContent"));
    content->setMaximumWidth(MaxContentWidth);

    m_welcome = new QLabel(content);
    m_welcome->setObjectName(QStringLiteral("startWelcome"));
    m_welcome->setWordWrap(true);
    m_welcome->setAlignment(Qt::AlignHCenter);
    m_intro = new QLabel(content);
    m_intro->setObjectName(QStringLiteral("startIntro"));
    m_intro->setWordWrap(true);
    m_intro->setAlignment(Qt::AlignHCenter);

    auto *column = new QVBoxLayout(content);
    column->addWidget(m_welcome);
    column->addWidget(m_intro);
    column->addSpacing(12);
    const QList<Lesson> &lessons = Lessons::all();
    for (const Lesson &lesson : lessons) {
        const QString id = QString::fromLatin1(lesson.id);
        auto *button = new QCommandLinkButton(content);
        button->setObjectName(QStringLiteral("lesson-") + id);
        connect(button, &QCommandLinkButton::clicked, this,
                [this, id] { emit lessonRequested(id); });
        column->addWidget(button);
        m_lessonButtons << button;
    }
    column->addSpacing(12);
    m_explore = new QCommandLinkButton(content);
    m_explore->setObjectName(QStringLiteral("explore"));
    connect(m_explore, &QCommandLinkButton::clicked, this, &StartPage::exploreRequested);
    column->addWidget(m_explore);
    column->addStretch(1);

    // Centred, and scrolling when presentation fonts make the list taller than the window.
    auto *centre = new QWidget;
    auto *row = new QHBoxLayout(centre);
    row->addStretch(1);
    row->addWidget(content, 100);
    row->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("startScroll"));
    scroll->setWidget(centre);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    applyFonts();
    retranslateUi();
}

QString StartPage::firstSentence(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
    const qsizetype end = finder.toNextBoundary();
    return (end > 0 ? text.left(end) : text).trimmed();
}

void StartPage::retranslateUi()
{
    setAccessibleName(tr("Start page"));
    m_welcome->setText(tr("Welcome to Activation Explorer"));
    m_welcome->setAccessibleName(tr("Welcome"));
    m_welcome->setToolTip(tr("Activation Explorer plots activation functions and their gradients"));
    m_intro->setText(tr("Each lesson loads a scene from the tutorial and explains what it shows. "
                        "Lessons stay in the Lessons menu, so you can come back to them."));
    m_intro->setAccessibleName(tr("How to start"));
    m_intro->setToolTip(m_welcome->toolTip());

    const QList<Lesson> &lessons = Lessons::all();
    for (int i = 0; i < m_lessonButtons.size(); ++i) {
        QCommandLinkButton *button = m_lessonButtons.at(i);
        const QString title = Lessons::title(lessons.at(i));
        const QString text = Lessons::text(lessons.at(i));
        button->setText(title);
        button->setDescription(firstSentence(text));
        button->setToolTip(text);
        button->setAccessibleName(title);
        button->setAccessibleDescription(text);
    }
    m_explore->setText(tr("Just explore"));
    m_explore->setDescription(
        tr("Open the explorer with its usual functions and choose your own."));
    m_explore->setToolTip(tr("Skip the lessons; they stay in the Lessons menu"));
    m_explore->setAccessibleName(tr("Just explore"));
    m_explore->setAccessibleDescription(m_explore->description());
}

void StartPage::applyFonts()
{
    QFont welcome = font();
    welcome.setPointSizeF(font().pointSizeF() * WelcomeScale);
    welcome.setBold(true);
    m_welcome->setFont(welcome);
    QFont intro = font();
    intro.setPointSizeF(font().pointSizeF() * IntroScale);
    m_intro->setFont(intro);
    // A command link button draws its title at a fixed 9 pt unless its font sets a size.
    QFont button = font();
    button.setPointSizeF(font().pointSizeF() * ButtonScale);
    for (QCommandLinkButton *b : std::as_const(m_lessonButtons))
        b->setFont(button);
    m_explore->setFont(button);
}

void StartPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        applyFonts();
    QWidget::changeEvent(event);
}
