#pragma once

#include <QDialog>
#include <QList>

class QCompleter;
class QDialogButtonBox;
class QFont;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
struct ActivationSpec;

/**
 * Asks for a function of x typed as an expression ("x * sigmoid(1.702 * x)") and adds it as a
 * custom function (CustomFunctions::intern) when the person presses Add.
 *
 * The expression is parsed on every key press: below the field a status line says either where
 * the text stops being an expression ("column 12: expected ')' …", in the error colour, with the
 * offending column marked by a caret under an excerpt of the text) or what was understood
 * ("f(x) with parameters a, b — exact f′ and f″"), and a small table previews f and f′ at
 * x = −2, 0, 2 (named parameters at 1). Add stays disabled, and Enter does nothing, until the
 * expression is valid. A completer offers function names as a word is typed; example buttons
 * fill the field.
 */
class CustomFunctionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CustomFunctionDialog(QWidget *parent = nullptr);

    /** The text as typed (not trimmed). */
    QString expression() const;
    void setExpression(const QString &text);
    /** True when the current text parses as an expression. */
    bool isValid() const;
    /**
     * The parse error as "column N: what was expected"; empty when valid. For an empty field the
     * status line shows a hint instead, but this still names the error.
     */
    QString errorText() const;
    /** The spec interned when Add was pressed; nullptr before that or after a refusal. */
    const ActivationSpec *acceptedSpec() const { return m_accepted; }

    /** The x values of the preview table, in order. */
    static QList<double> previewPoints();
    /** The examples the buttons fill in. */
    static QStringList examples();
    /** The names the completer offers: built-in functions, catalogue ids, x, pi, e; sorted. */
    static QStringList completionNames();

    /** Interns the expression; stays open showing the reason if that fails or the text is invalid. */
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's steps, in creation order (which is the tab order).
    QLabel *createIntro();
    /** The expression field; returns its "f(x) =" label. */
    QLabel *createField(const QFont &mono);
    /** The status, error marker and preview lines under the field. */
    void createStatusLines(const QFont &mono);
    QGridLayout *createExampleButtons(const QFont &mono);
    void createButtonBox();
    void createCompleter();
    void layOut(QLabel *intro, QLabel *fLabel, QLabel *examplesLabel, QGridLayout *exampleGrid);

    void updateStatus();
    void showMessage(const QString &text, bool isError);
    void growToFit();
    void completeWord();
    void insertCompletion(const QString &name);
    /** The identifier characters just before the cursor, and where they start. */
    QString wordBeforeCursor(int *start = nullptr) const;

    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_marker = nullptr;
    QLabel *m_preview = nullptr;
    QCompleter *m_completer = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_addButton = nullptr;
    bool m_valid = false;
    bool m_statusIsError = false;
    QString m_error;
    const ActivationSpec *m_accepted = nullptr;
};
