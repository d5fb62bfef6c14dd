#include "errorlabel.h"

#include <QColor>
#include <QEvent>
#include <QPalette>

ErrorLabel::ErrorLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    updateColor();
    hide();
}

QColor ErrorLabel::errorColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xFF, 0x8A, 0x80) : QColor(0xB0, 0x1C, 0x1C);
}

void ErrorLabel::setMessage(const QString &message)
{
    setText(message);
    setAccessibleDescription(message);
    setVisible(!message.isEmpty());
}

bool ErrorLabel::report(bool ok, const QString &error)
{
    setMessage(ok ? QString() : error);
    return ok;
}

void ErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // The theme changed (the window colour comes from the parent): pick the red again. Setting
    // the same colours again is no change, so this does not recurse.
    if (event->type() == QEvent::PaletteChange)
        updateColor();
}

void ErrorLabel::updateColor()
{
    QPalette pal = palette();
    const QColor red = errorColor(pal);
    if (pal.color(QPalette::WindowText) == red && pal.color(QPalette::Text) == red)
        return;
    pal.setColor(QPalette::WindowText, red);
    pal.setColor(QPalette::Text, red);
    setPalette(pal);
}
