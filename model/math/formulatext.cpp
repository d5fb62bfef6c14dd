#include "formulatext.h"

#include <QDebug>
#include <QHash>
#include <QStringList>

#include <algorithm>

namespace FormulaText {

namespace {

// ---- parsing -----------------------------------------------------------------------------------

class Parser
{
public:
    explicit Parser(QStringView markup) : m_s(markup) {}

    Parsed run()
    {
        Parsed result;
        result.formula = sequence(false, false);
        if (m_error.isEmpty() && m_pos < m_s.size())
            fail(QStringLiteral("unexpected '%1'").arg(m_s.at(m_pos)));
        result.error = m_error;
        if (!result.ok())
            result.formula.clear();
        return result;
    }

private:
    QStringView m_s;
    qsizetype m_pos = 0;
    QString m_error;

    bool failed() const { return !m_error.isEmpty(); }
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_s.size() ? m_s.at(m_pos + ahead) : QChar();
    }

    void fail(const QString &what, qsizetype at = -1)
    {
        if (failed())
            return;
        m_error = QStringLiteral("%1 at character %2 of \"%3\"")
                      .arg(what)
                      .arg((at < 0 ? m_pos : at) + 1)
                      .arg(m_s.toString());
    }

    static void appendText(Formula &f, const QString &text)
    {
        if (!f.empty() && f.back().kind == NodeKind::Text)
            f.back().text += text;
        else
            f.push_back(Node{NodeKind::Text, text, {}});
    }

    static void append(Formula &f, Formula more)
    {
        for (Node &n : more) {
            if (n.kind == NodeKind::Text)
                appendText(f, n.text);
            else
                f.push_back(std::move(n));
        }
    }

    /** Items up to the end, a closing brace (inGroup) or, in cases, "&" and "\\". */
    Formula sequence(bool inGroup, bool inCases)
    {
        Formula f;
        while (!atEnd() && !failed()) {
            const QChar c = peek();
            if (c == QLatin1Char('}')) {
                if (!inGroup)
                    fail(QStringLiteral("unbalanced '}'"));
                return f;
            }
            if (c == QLatin1Char('&') || (c == QLatin1Char('\\') && peek(1) == QLatin1Char('\\'))) {
                if (!inCases)
                    fail(QStringLiteral("'%1' outside \\cases")
                                 .arg(c == QLatin1Char('&') ? QStringLiteral("&")
                                                            : QStringLiteral("\\\\")));
                return f;
            }
            append(f, item());
        }
        return f;
    }

    /** "{…}" with its braces consumed. */
    Formula group()
    {
        const qsizetype open = m_pos;
        if (peek() != QLatin1Char('{')) {
            fail(QStringLiteral("'{' expected"));
            return {};
        }
        ++m_pos;
        Formula f = sequence(true, false);
        if (failed())
            return {};
        if (peek() != QLatin1Char('}')) {
            fail(QStringLiteral("unbalanced '{'"), open);
            return {};
        }
        ++m_pos;
        return f;
    }

    /** "{…}" taken verbatim (nested braces balanced), braces consumed. */
    QString raw()
    {
        const qsizetype open = m_pos;
        if (peek() != QLatin1Char('{')) {
            fail(QStringLiteral("'{' expected"));
            return {};
        }
        int depth = 0;
        for (qsizetype k = m_pos; k < m_s.size(); ++k) {
            if (m_s.at(k) == QLatin1Char('{'))
                ++depth;
            else if (m_s.at(k) == QLatin1Char('}') && --depth == 0) {
                const QString text = m_s.mid(m_pos + 1, k - m_pos - 1).toString();
                m_pos = k + 1;
                return text;
            }
        }
        fail(QStringLiteral("unbalanced '{'"), open);
        return {};
    }

    /** The argument of ^ or _: a group, a control word or one character. */
    Formula argument()
    {
        if (atEnd()) {
            fail(QStringLiteral("superscript or subscript without an argument"));
            return {};
        }
        if (peek() == QLatin1Char('{'))
            return group();
        if (peek() == QLatin1Char('}') || peek() == QLatin1Char('&')) {
            fail(QStringLiteral("superscript or subscript without an argument"));
            return {};
        }
        if (peek() == QLatin1Char('\\'))
            return item();
        const QChar c = peek();
        ++m_pos;
        return {letterOrText(QString(c))};
    }

    static Node letterOrText(const QString &run)
    {
        if (run.size() == 1 && run.at(0).isLetter() && run.at(0).isLower())
            return Node{NodeKind::Variable, run, {}};
        QString text = run;
        text.replace(QLatin1Char('-'), QChar(0x2212));
        return Node{NodeKind::Text, text, {}};
    }

    Formula item()
    {
        const QChar c = peek();
        if (c == QLatin1Char('{'))
            return group();
        if (c == QLatin1Char('^') || c == QLatin1Char('_')) {
            ++m_pos;
            Formula arg = argument();
            return {Node{c == QLatin1Char('^') ? NodeKind::Superscript : NodeKind::Subscript, {},
                         {std::move(arg)}}};
        }
        if (c == QLatin1Char('\\'))
            return control();
        if (c.isLetter()) {
            qsizetype end = m_pos;
            while (end < m_s.size() && m_s.at(end).isLetter())
                ++end;
            const QString run = m_s.mid(m_pos, end - m_pos).toString();
            m_pos = end;
            return {letterOrText(run)};
        }
        ++m_pos;
        return {letterOrText(QString(c))};
    }

    Formula control()
    {
        const qsizetype start = m_pos;
        ++m_pos; // the backslash
        if (atEnd()) {
            fail(QStringLiteral("'\\' at the end"), start);
            return {};
        }
        const QChar c = peek();
        if (!c.isLetter()) {
            ++m_pos;
            if (c == QLatin1Char(','))
                return {Node{NodeKind::Product, {}, {}}};
            if (QStringLiteral("{}&^_").contains(c))
                return {Node{NodeKind::Text, QString(c), {}}};
            fail(QStringLiteral("unknown escape '\\%1'").arg(c), start);
            return {};
        }
        qsizetype end = m_pos;
        while (end < m_s.size() && m_s.at(end).isLetter())
            ++end;
        const QString name = m_s.mid(m_pos, end - m_pos).toString();
        m_pos = end;
        while (peek() == QLatin1Char(' '))
            ++m_pos;

        static const QHash<QString, QString> symbols = {
            {QStringLiteral("sigma"), QStringLiteral("\u03C3")},
            {QStringLiteral("phi"), QStringLiteral("\u03C6")},
            {QStringLiteral("varepsilon"), QStringLiteral("\u03B5")},
            {QStringLiteral("Phi"), QStringLiteral("\u03A6")},
            {QStringLiteral("Sigma"), QStringLiteral("\u03A3")},
            {QStringLiteral("le"), QStringLiteral("\u2264")},
            {QStringLiteral("ge"), QStringLiteral("\u2265")},
            {QStringLiteral("ne"), QStringLiteral("\u2260")},
            {QStringLiteral("pm"), QStringLiteral("\u00B1")},
            {QStringLiteral("approx"), QStringLiteral("\u2248")},
            {QStringLiteral("infty"), QStringLiteral("\u221E")},
            {QStringLiteral("prime"), QStringLiteral("\u2032")},
        };
        if (symbols.contains(name))
            return {letterOrText(symbols.value(name))};
        if (name == QLatin1String("cdot"))
            return {Node{NodeKind::Dot, {}, {}}};
        if (name == QLatin1String("otherwise"))
            return {Node{NodeKind::Otherwise, {}, {}}};
        if (name == QLatin1String("undefined"))
            return {Node{NodeKind::Undefined, {}, {}}};
        if (name == QLatin1String("param")) {
            const QString text = raw();
            if (!failed() && text.isEmpty())
                fail(QStringLiteral("empty \\param"), start);
            return {Node{NodeKind::Parameter, text, {}}};
        }
        if (name == QLatin1String("text"))
            return {Node{NodeKind::Text, raw(), {}}};
        if (name == QLatin1String("frac")) {
            Formula numerator = group();
            Formula denominator = group();
            if (!failed() && (numerator.empty() || denominator.empty()))
                fail(QStringLiteral("\\frac with an empty part"), start);
            return {Node{NodeKind::Fraction, {}, {std::move(numerator), std::move(denominator)}}};
        }
        if (name == QLatin1String("cases"))
            return cases(start);
        fail(QStringLiteral("unknown command '\\%1'").arg(name), start);
        return {};
    }

    /** f without the spaces around it, as a cell of \cases holds it. */
    static Formula trimmed(Formula f)
    {
        if (!f.empty() && f.front().kind == NodeKind::Text) {
            QString &t = f.front().text;
            qsizetype k = 0;
            while (k < t.size() && t.at(k) == QLatin1Char(' '))
                ++k;
            t.remove(0, k);
            if (t.isEmpty())
                f.erase(f.begin());
        }
        if (!f.empty() && f.back().kind == NodeKind::Text) {
            QString &t = f.back().text;
            while (t.endsWith(QLatin1Char(' ')))
                t.chop(1);
            if (t.isEmpty())
                f.pop_back();
        }
        return f;
    }

    Formula cases(qsizetype start)
    {
        const qsizetype open = m_pos;
        if (peek() != QLatin1Char('{')) {
            fail(QStringLiteral("'{' expected after \\cases"));
            return {};
        }
        ++m_pos;
        Node node{NodeKind::Cases, {}, {}};
        while (!failed()) {
            Formula value = trimmed(sequence(true, true));
            if (failed())
                return {};
            if (peek() != QLatin1Char('&')) {
                fail(atEnd() ? QStringLiteral("unbalanced '{'") : QStringLiteral("a \\cases row without '&'"),
                     atEnd() ? open : m_pos);
                return {};
            }
            ++m_pos;
            Formula condition = trimmed(sequence(true, true));
            if (failed())
                return {};
            if (value.empty() || condition.empty()) {
                fail(QStringLiteral("a \\cases row with an empty value or condition"));
                return {};
            }
            node.parts.push_back(std::move(value));
            node.parts.push_back(std::move(condition));
            if (peek() == QLatin1Char('}')) {
                ++m_pos;
                break;
            }
            if (peek() == QLatin1Char('&')) {
                fail(QStringLiteral("a second '&' in a \\cases row"));
                return {};
            }
            if (atEnd()) {
                fail(QStringLiteral("unbalanced '{'"), open);
                return {};
            }
            m_pos += 2; // "\\"
            while (peek() == QLatin1Char(' '))
                ++m_pos;
        }
        Q_UNUSED(start)
        return {std::move(node)};
    }
};

// ---- plain text --------------------------------------------------------------------------------

QString superscriptChars(const QString &s)
{
    static const QHash<QChar, QChar> map = {
        {QLatin1Char('0'), QChar(0x2070)}, {QLatin1Char('1'), QChar(0x00B9)},
        {QLatin1Char('2'), QChar(0x00B2)}, {QLatin1Char('3'), QChar(0x00B3)},
        {QLatin1Char('4'), QChar(0x2074)}, {QLatin1Char('5'), QChar(0x2075)},
        {QLatin1Char('6'), QChar(0x2076)}, {QLatin1Char('7'), QChar(0x2077)},
        {QLatin1Char('8'), QChar(0x2078)}, {QLatin1Char('9'), QChar(0x2079)},
        {QLatin1Char('+'), QChar(0x207A)}, {QChar(0x2212), QChar(0x207B)},
        {QLatin1Char('x'), QChar(0x02E3)},
    };
    QString out;
    for (const QChar c : s) {
        if (!map.contains(c))
            return {};
        out += map.value(c);
    }
    return out;
}

bool isWord(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

/** Whether s has, outside brackets, a space or an operator that binds looser than "/". */
bool looseAtTop(const QString &s)
{
    int depth = 0;
    for (const QChar c : s) {
        if (c == QLatin1Char('(') || c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char(')') || c == QLatin1Char(']'))
            --depth;
        else if (depth == 0 && QStringLiteral(" +\u2212\u00B7/,=").contains(c))
            return true;
    }
    return false;
}

QString plainSequence(const Formula &f, bool whole);

QString plainNode(const Node &n, bool whole, const QString &before)
{
    switch (n.kind) {
    case NodeKind::Text:
    case NodeKind::Variable:
    case NodeKind::Parameter:
        return n.text;
    case NodeKind::Dot:
    case NodeKind::Product:
        return QStringLiteral("\u00B7");
    case NodeKind::Otherwise:
        return QStringLiteral("otherwise");
    case NodeKind::Undefined:
        return QStringLiteral("undefined");
    case NodeKind::Superscript: {
        const QString inner = plainSequence(n.parts[0], false);
        const QString chars = superscriptChars(inner);
        if (!chars.isEmpty())
            return chars;
        return isWord(inner) ? QLatin1Char('^') + inner : QStringLiteral("^(") + inner + QLatin1Char(')');
    }
    case NodeKind::Subscript: {
        const QString inner = plainSequence(n.parts[0], false);
        return isWord(inner) ? QLatin1Char('_') + inner : QStringLiteral("_{") + inner + QLatin1Char('}');
    }
    case NodeKind::Fraction: {
        QString numerator = plainSequence(n.parts[0], false);
        QString denominator = plainSequence(n.parts[1], false);
        if (looseAtTop(numerator))
            numerator = QLatin1Char('(') + numerator + QLatin1Char(')');
        // "2beta" would read as 2 times beta after the slash: bracketed too.
        const bool product = !denominator.isEmpty() && denominator.at(0).isDigit()
                && std::any_of(denominator.begin(), denominator.end(), [](QChar c) { return c.isLetter(); });
        if (looseAtTop(denominator) || product)
            denominator = QLatin1Char('(') + denominator + QLatin1Char(')');
        return numerator + QLatin1Char('/') + denominator;
    }
    case NodeKind::Cases: {
        QStringList rows;
        bool endsOtherwise = false;
        for (size_t r = 0; r + 1 < n.parts.size(); r += 2) {
            const QString value = plainSequence(n.parts[r], false);
            endsOtherwise = isOtherwise(n.parts[r + 1]);
            rows << (endsOtherwise ? QStringLiteral("else ") + value
                                   : value + QStringLiteral(" if ") + plainSequence(n.parts[r + 1], false));
        }
        const QString text = rows.size() == 2 && endsOtherwise ? rows.join(QStringLiteral(", "))
                                                               : rows.join(QStringLiteral("; "));
        if (whole || before.endsWith(QLatin1String("= ")))
            return text;
        return QLatin1Char('(') + text + QLatin1Char(')');
    }
    }
    return {};
}

QString plainSequence(const Formula &f, bool whole)
{
    QString out;
    for (size_t k = 0; k < f.size(); ++k) {
        QString piece = plainNode(f[k], whole && f.size() == 1, out);
        // "1/2(1 + u)" or "1/2x" would be ambiguous: the fraction in parentheses.
        if (f[k].kind == NodeKind::Fraction && k + 1 < f.size()) {
            const QString next = plainNode(f[k + 1], false, out + piece);
            if (!next.isEmpty() && (next.at(0) == QLatin1Char('(') || next.at(0).isLetterOrNumber()))
                piece = QLatin1Char('(') + piece + QLatin1Char(')');
        }
        out += piece;
    }
    return out;
}

} // namespace

bool isOtherwise(const Formula &condition)
{
    return condition.size() == 1 && condition.front().kind == NodeKind::Otherwise;
}

Parsed parse(QStringView markup)
{
    return Parser(markup).run();
}

QString toPlainText(const Formula &formula)
{
    return plainSequence(formula, true);
}

QString plainText(QStringView markup)
{
    const Parsed parsed = parse(markup);
    if (!parsed.ok()) {
        qWarning().noquote() << "formula markup:" << parsed.error;
        return markup.toString();
    }
    return toPlainText(parsed.formula);
}

} // namespace FormulaText
