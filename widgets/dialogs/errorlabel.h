#pragma once

#include <QLabel>
#include <QString>

class QColor;
class QPalette;

/**
 * The line under an editor that says why the last value or action was refused: red text that
 * reads on the theme's background, word-wrapped, selectable, and hidden while there is nothing
 * to say. The red follows the palette: dark red on a light window, light red on a dark one.
 * The owner gives it an object name, an accessible name and a tool tip; the message itself is
 * also its accessible description.
 */
class ErrorLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ErrorLabel(QWidget *parent = nullptr);

    /** The red for error text on palette's window colour: contrast at least 4.5:1 (WCAG AA). */
    static QColor errorColor(const QPalette &palette);

    /** Shows message, or clears and hides the label when message is empty. */
    void setMessage(const QString &message);

    /** Clears and hides the label when ok, else shows error. Returns ok. */
    bool report(bool ok, const QString &error);

    /**
     * Calls attempt(&error), a setter that returns whether it took the value and otherwise says
     * why in error, and shows or clears that. Returns what attempt returned:
     *     m_error->apply([&](QString *error) { return m_scene->setEpsilon(e, error); });
     */
    template<class Attempt> bool apply(Attempt &&attempt)
    {
        QString error;
        const bool ok = attempt(&error);
        return report(ok, error);
    }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColor();
};
