#include "customfunctiondialog.h"

#include "errorlabel.h"

#include "activationcatalogue.h"
#include "customfunctions.h"
#include "expression.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QStringListModel>
#include <QVBoxLayout>

#include <cmath>

namespace {

/** Characters of the text shown either side of the error in the marker. */
constexpr int MarkerBefore = 36;
constexpr int MarkerAfter = 20;
/** Width of each preview column, in characters. */
constexpr int PreviewColumn = 14;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/** A number for the preview: 6 significant digits, a real minus sign, words for NaN and ∞. */
QString previewNumber(double v)
{
    if (std::isnan(v))
        return CustomFunctionDialog::tr("undefined");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == 0.0)
        v = 0.0; // no "-0"
    return QString::number(v, 'g', 6).replace(u'-', u'−');
}

/** One character as it may be shown in a monospace marker line. */
QChar printable(QChar c)
{
    if (c == u'\t' || c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
        || c.category() == QChar::Separator_Paragraph)
        return u' ';
    return c;
}

} // namespace

CustomFunctionDialog::CustomFunctionDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add Custom Function"));
    setAccessibleName(tr("Add custom function"));
    setAccessibleDescription(tr("Type a formula in x; it is checked and previewed as you type, "
                                "and Add puts it in the function list"));

    QLabel *intro = createIntro();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QLabel *fLabel = createField(mono);
    createStatusLines(mono);
    auto *examplesLabel = new QLabel(tr("Examples:"), this);
    QGridLayout *exampleGrid = createExampleButtons(mono);
    createButtonBox();
    createCompleter();
    layOut(intro, fLabel, examplesLabel, exampleGrid);

    setMinimumWidth(560);
    updateStatus();
    m_edit->setFocus();
}

QLabel *CustomFunctionDialog::createIntro()
{
    auto *intro = new QLabel(tr("Type f as an expression in <i>x</i>. Functions: every activation "
                                "by its id (sigmoid, softplus, relu…), exp, log, tanh, sqrt, abs, "
                                "min, max, pow…; single letters other than x and e are parameters."),
                             this);
    intro->setObjectName(QStringLiteral("expressionIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    return intro;
}

QLabel *CustomFunctionDialog::createField(const QFont &mono)
{
    auto *fLabel = new QLabel(tr("f(x) ="), this);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("expressionEdit"));
    m_edit->setPlaceholderText(tr("x * sigmoid(1.702 * x)"));
    m_edit->setAccessibleName(tr("Expression"));
    m_edit->setToolTip(tr("An expression in x, e.g. x * sigmoid(1.702 * x) or a * tanh(b * x).\n"
                          "Operators: + − * / ^ (or **); parentheses; numbers like 1.5 or 1e-3."));
    m_edit->setClearButtonEnabled(true);
    m_edit->setFont(mono);
    fLabel->setBuddy(m_edit);
    fLabel->setFont(mono);
    return fLabel;
}

void CustomFunctionDialog::createStatusLines(const QFont &mono)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("expressionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Expression status"));
    m_status->setToolTip(tr("Whether the text is an expression, and if not where it stops being one"));

    m_marker = new QLabel(this);
    m_marker->setObjectName(QStringLiteral("expressionMarker"));
    m_marker->setTextFormat(Qt::PlainText);
    m_marker->setFont(mono);
    m_marker->setAccessibleName(tr("Error position"));
    m_marker->setToolTip(tr("The caret points at the column where the expression stops making sense"));

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("expressionPreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setFont(mono);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setAccessibleName(tr("Preview of f and its derivative"));
    m_preview->setToolTip(tr("f(x) and f′(x) at a few points, with every named parameter at 1"));
}

QGridLayout *CustomFunctionDialog::createExampleButtons(const QFont &mono)
{
    // Examples: the expression itself on the button, so it also teaches the syntax.
    auto *exampleGrid = new QGridLayout;
    exampleGrid->setContentsMargins(0, 0, 0, 0);
    const QStringList texts = examples();
    const QStringList names = { tr("GELU, tanh-free approximation"), tr("Softplus"), tr("Mish"),
                                tr("Squared error of a sigmoid against a target y"),
                                tr("Scaled tanh with parameters a and b") };
    for (int i = 0; i < texts.size(); ++i) {
        auto *button = new QPushButton(texts.at(i), this);
        button->setObjectName(QStringLiteral("example%1").arg(i));
        button->setAutoDefault(false); // Enter in the field must never pick an example
        button->setFont(mono);
        button->setToolTip(tr("%1: fill the field with %2").arg(names.value(i), texts.at(i)));
        button->setAccessibleName(tr("Example: %1").arg(names.value(i)));
        const QString text = texts.at(i);
        connect(button, &QPushButton::clicked, this, [this, text] {
            setExpression(text);
            m_edit->setFocus();
        });
        exampleGrid->addWidget(button, i / 3, i % 3);
    }
    return exampleGrid;
}

void CustomFunctionDialog::createButtonBox()
{
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_addButton = m_buttons->button(QDialogButtonBox::Ok);
    m_addButton->setText(tr("&Add"));
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_addButton->setToolTip(tr("Add the function to the list (enabled once the expression is valid)"));
    m_addButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without adding a function"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomFunctionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CustomFunctionDialog::reject);
}

void CustomFunctionDialog::createCompleter()
{
    m_completer = new QCompleter(new QStringListModel(completionNames(), this), this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_edit);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &CustomFunctionDialog::insertCompletion);
    connect(m_edit, &QLineEdit::textEdited, this, &CustomFunctionDialog::completeWord);
    connect(m_edit, &QLineEdit::textChanged, this, &CustomFunctionDialog::updateStatus);
}

void CustomFunctionDialog::layOut(QLabel *intro, QLabel *fLabel, QLabel *examplesLabel,
                                  QGridLayout *exampleGrid)
{
    // The status under the field, then the marker, indented like the field's text and in the same
    // font, so that for a short text its caret sits under the very column in the field. Both keep
    // their room when empty so that the dialog does not jump as the text turns valid and invalid.
    const int textIndent = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_edit) + 2;
    m_marker->setContentsMargins(textIndent, 0, 0, 0);
    m_status->setContentsMargins(textIndent, 0, 0, 0);
    m_marker->setMinimumHeight(2 * m_marker->fontMetrics().lineSpacing());
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing());
    // A heading, three rows and the line naming the parameters' values.
    m_preview->setMinimumHeight(5 * m_preview->fontMetrics().lineSpacing());
    m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *field = new QGridLayout;
    field->setVerticalSpacing(2);
    field->addWidget(fLabel, 0, 0);
    field->addWidget(m_edit, 0, 1);
    field->addWidget(m_status, 1, 1);
    field->addWidget(m_marker, 2, 1);
    field->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addLayout(field);
    layout->addSpacing(6);
    layout->addWidget(m_preview);
    layout->addSpacing(6);
    layout->addWidget(examplesLabel);
    layout->addLayout(exampleGrid);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
}

QString CustomFunctionDialog::expression() const
{
    return m_edit->text();
}

void CustomFunctionDialog::setExpression(const QString &text)
{
    m_edit->setText(text); // textChanged updates the status, also when the text is the same
    updateStatus();
}

bool CustomFunctionDialog::isValid() const
{
    return m_valid;
}

QString CustomFunctionDialog::errorText() const
{
    return m_error;
}

QList<double> CustomFunctionDialog::previewPoints()
{
    return { -2.0, 0.0, 2.0 };
}

QStringList CustomFunctionDialog::examples()
{
    return { QStringLiteral("x * sigmoid(1.702 * x)"), QStringLiteral("log(1 + exp(x))"),
             QStringLiteral("x * tanh(softplus(x))"), QStringLiteral("(sigmoid(x) - y)^2"),
             QStringLiteral("a * tanh(b * x)") };
}

QStringList CustomFunctionDialog::completionNames()
{
    QStringList names = Expression::builtinFunctions();
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        names << spec.id;
    names << QStringLiteral("x") << QStringLiteral("pi") << QStringLiteral("e");
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    return names;
}

void CustomFunctionDialog::accept()
{
    m_accepted = nullptr;
    if (!m_valid)
        return;
    QString error;
    const ActivationSpec *spec = CustomFunctions::intern(m_edit->text(), &error);
    if (!spec) {
        m_error = error.isEmpty() ? tr("the expression could not be added") : error;
        showMessage(m_error, true);
        return;
    }
    m_accepted = spec;
    QDialog::accept();
}

void CustomFunctionDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_status)
        showMessage(m_status->text(), m_statusIsError); // the error colour follows the theme
}

void CustomFunctionDialog::showMessage(const QString &text, bool isError)
{
    m_statusIsError = isError;
    m_status->setText(text);
    QPalette pal = palette();
    if (isError) {
        const QColor errorColor = ErrorLabel::errorColor(pal);
        pal.setColor(QPalette::WindowText, errorColor);
        pal.setColor(QPalette::Text, errorColor);
    }
    m_status->setPalette(pal);
    m_marker->setPalette(pal);
    growToFit();
}

void CustomFunctionDialog::growToFit()
{
    // A wrapped label's height depends on the width, which a shown window's layout does not
    // make it grow for: a long message ("unknown function 'foo'; functions: …") would squeeze
    // the preview and the text around it.
    if (!isVisible() || !layout())
        return;
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void CustomFunctionDialog::updateStatus()
{
    const QString text = m_edit->text();
    Expression::Error error;
    const Expression parsed = Expression::parse(text, &error);
    m_valid = parsed.isValid();
    m_error = m_valid ? QString() : tr("column %1: %2").arg(error.column()).arg(error.message);
    m_addButton->setEnabled(m_valid);

    QStringList rows;
    rows << QStringLiteral("%1%2%3")
                .arg(tr("x"), PreviewColumn / 2)
                .arg(tr("f(x)"), PreviewColumn)
                .arg(tr("f′(x)"), PreviewColumn);
    for (double x : previewPoints()) {
        QString f = QStringLiteral("—"), d1 = QStringLiteral("—");
        if (m_valid) {
            const Derivatives d = parsed.evaluate(x);
            f = previewNumber(d.f);
            d1 = previewNumber(d.d1);
        }
        rows << QStringLiteral("%1%2%3")
                    .arg(previewNumber(x), PreviewColumn / 2)
                    .arg(f, PreviewColumn)
                    .arg(d1, PreviewColumn);
    }
    if (m_valid && !parsed.parameterNames().isEmpty())
        rows << tr("  (with %1 = 1)").arg(parsed.parameterNames().join(QStringLiteral(" = ")));
    m_preview->setText(rows.join(u'\n'));

    if (m_valid) {
        m_marker->clear();
        const QStringList params = parsed.parameterNames();
        showMessage(params.isEmpty()
                        ? tr("f(x) of x alone — exact f′ and f″ by automatic differentiation")
                        : tr("f(x) with parameters %1 — exact f′ and f″ by automatic differentiation")
                              .arg(params.join(QStringLiteral(", "))),
                    false);
        m_edit->setAccessibleDescription(m_status->text());
        return;
    }
    if (text.trimmed().isEmpty()) {
        m_marker->clear();
        showMessage(tr("Type an expression in x, or pick an example below."), false);
        m_edit->setAccessibleDescription(m_status->text());
        return;
    }

    // An excerpt of the text around the error with a caret under the offending column.
    const qsizetype pos = qBound<qsizetype>(0, error.position, text.size());
    qsizetype from = qMax<qsizetype>(0, pos - MarkerBefore);
    if (from > 0 && text.at(from).isLowSurrogate())
        ++from;
    qsizetype to = qMin<qsizetype>(text.size(), pos + MarkerAfter);
    if (to < text.size() && to > 0 && text.at(to - 1).isHighSurrogate())
        ++to;
    QString line;
    if (from > 0)
        line += u'…';
    const qsizetype caretColumn = line.size() + (pos - from);
    for (qsizetype i = from; i < to; ++i)
        line += printable(text.at(i));
    if (to < text.size())
        line += u'…';
    m_marker->setText(line + u'\n' + QString(caretColumn, u' ') + u'^');
    showMessage(m_error, true);
    m_edit->setAccessibleDescription(m_error);
}

QString CustomFunctionDialog::wordBeforeCursor(int *start) const
{
    const QString text = m_edit->text();
    int end = m_edit->cursorPosition();
    int begin = end;
    while (begin > 0 && isWordChar(text.at(begin - 1)))
        --begin;
    if (start)
        *start = begin;
    // A word must start with a letter ("1e5" is a number, not a name).
    if (begin == end || !text.at(begin).isLetter())
        return {};
    return text.mid(begin, end - begin);
}

void CustomFunctionDialog::completeWord()
{
    const QString word = wordBeforeCursor();
    const int cursor = m_edit->cursorPosition();
    const bool atWordEnd = cursor >= m_edit->text().size() || !isWordChar(m_edit->text().at(cursor));
    if (word.size() < 2 || !atWordEnd) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    // Nothing to offer when the only candidate is the word itself.
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1
            && m_completer->currentCompletion().compare(word, Qt::CaseInsensitive) == 0)) {
        m_completer->popup()->hide();
        return;
    }
    // Under the word being typed (approximately: a long text may have scrolled), kept inside the field.
    int start = 0;
    wordBeforeCursor(&start);
    const int width = m_completer->popup()->sizeHintForColumn(0)
                      + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8;
    const int left = m_edit->fontMetrics().horizontalAdvance(m_edit->text().left(start));
    const int x = qBound(0, left, qMax(0, m_edit->width() - width));
    m_completer->complete(QRect(x, 0, width, m_edit->height()));
}

void CustomFunctionDialog::insertCompletion(const QString &name)
{
    int start = 0;
    wordBeforeCursor(&start);
    QString text = m_edit->text();
    const int cursor = m_edit->cursorPosition();
    QString insert = name;
    const bool isConstant = name == QStringLiteral("x") || name == QStringLiteral("pi")
                            || name == QStringLiteral("e");
    if (!isConstant && (cursor >= text.size() || text.at(cursor) != u'('))
        insert += u'(';
    text.replace(start, cursor - start, insert);
    m_edit->setText(text);
    m_edit->setCursorPosition(start + insert.size());
}
