// The expression parser: text to tokens to the instructions of a compiled program (see
// expression_p.h), with a message naming the column and the valid choices for every error.

#include "expression_p.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace ExpressionDetail {

namespace {


enum class Tok { Number, Name, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, End };

struct Token
{
    Tok type = Tok::End;
    qsizetype pos = 0;
    qsizetype len = 0;
    double number = 0.0;
};

struct ParseFailure
{
    qsizetype position;
    QString message;
};

QString hex(char16_t c)
{
    return QStringLiteral("U+") + QStringLiteral("%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

bool isNameStart(char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char16_t c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char16_t c) { return c >= '0' && c <= '9'; }

/** The end of the number that starts at i (digits, a point, an exponent); negativeExponent says
 * whether its exponent is negative, which makes an out-of-range number an underflow. */
qsizetype numberEnd(const QString &text, qsizetype i, bool *negativeExponent)
{
    const qsizetype n = text.size();
    qsizetype j = i;
    while (j < n && isDigit(text[j].unicode()))
        ++j;
    if (j < n && text[j] == QLatin1Char('.')) {
        ++j;
        while (j < n && isDigit(text[j].unicode()))
            ++j;
    }
    *negativeExponent = false;
    if (j < n && (text[j] == QLatin1Char('e') || text[j] == QLatin1Char('E'))) {
        qsizetype k = j + 1;
        bool negative = false;
        if (k < n && (text[k] == QLatin1Char('+') || text[k] == QLatin1Char('-'))) {
            negative = text[k] == QLatin1Char('-');
            ++k;
        }
        // "2e" or "2e+": the number is 2, e is a name
        if (k < n && isDigit(text[k].unicode())) {
            j = k;
            while (j < n && isDigit(text[j].unicode()))
                ++j;
            *negativeExponent = negative;
        }
    }
    return j;
}

/** The number token text[i, j); throws ParseFailure when it is malformed or overflows. */
Token numberToken(const QString &text, qsizetype i, qsizetype j, bool negativeExponent)
{
    const std::string digits = text.mid(i, j - i).toStdString();
    double v = 0.0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc::result_out_of_range) {
        if (!negativeExponent)
            throw ParseFailure{i, QCoreApplication::translate(
                                          "Expression", "number out of range: %1 (at most about 1.8e308)")
                                          .arg(digits.size() > 24 ? QString::fromStdString(digits.substr(0, 24)) + QStringLiteral("…")
                                                                  : QString::fromStdString(digits))};
        v = 0.0; // underflow: 1e-999 is 0
    } else if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(v)) {
        throw ParseFailure{i, QCoreApplication::translate("Expression", "malformed number")};
    }
    Token t;
    t.type = Tok::Number;
    t.pos = i;
    t.len = j - i;
    t.number = v;
    return t;
}

/** Why character c at i has no place in an expression: thrown as a ParseFailure. */
[[noreturn]] void rejectCharacter(char16_t c, qsizetype i)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        throw ParseFailure{i, QCoreApplication::translate("Expression",
                                                          "control character %1 is not allowed")
                                      .arg(hex(c))};
    if (c == 0xfffd)
        throw ParseFailure{i, QCoreApplication::translate("Expression",
                                                          "invalid character U+FFFD (bytes that are not UTF-8, "
                                                          "or an unknown character)")};
    if (QChar::isSurrogate(c))
        throw ParseFailure{i, QCoreApplication::translate("Expression",
                                                          "invalid character %1 (a lone UTF-16 surrogate)")
                                      .arg(hex(c))};
    throw ParseFailure{i, QCoreApplication::translate("Expression", "unexpected character '%1' (%2)")
                                  .arg(QChar(c)).arg(hex(c))};
}

/** The operator or punctuation token at i (one character, or ** for ^). */
Token symbolToken(const QString &text, qsizetype i)
{
    const char16_t c = text[i].unicode();
    Token t;
    t.pos = i;
    t.len = 1;
    switch (c) {
    case '+': t.type = Tok::Plus; break;
    case '-': case u'\u2212': t.type = Tok::Minus; break;
    case '*':
        if (i + 1 < text.size() && text[i + 1] == QLatin1Char('*')) {
            t.type = Tok::Caret;
            t.len = 2;
        } else {
            t.type = Tok::Star;
        }
        break;
    case u'\u00B7': case u'\u00D7': case u'\u22C5': t.type = Tok::Star; break;
    case '/': case u'\u00F7': t.type = Tok::Slash; break;
    case '^': t.type = Tok::Caret; break;
    case '(': t.type = Tok::LParen; break;
    case ')': t.type = Tok::RParen; break;
    case ',': t.type = Tok::Comma; break;
    case u'\u03C0': t.type = Tok::Name; break; // π
    default:
        rejectCharacter(c, i);
    }
    return t;
}

/** Splits text into tokens; throws ParseFailure for a character that has no place in an expression. */
std::vector<Token> tokenize(const QString &text)
{
    std::vector<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text[i + 1].unicode()))) {
            bool negativeExponent = false;
            const qsizetype j = numberEnd(text, i, &negativeExponent);
            tokens.push_back(numberToken(text, i, j, negativeExponent));
            i = j;
        } else if (isNameStart(c)) {
            qsizetype j = i + 1;
            while (j < n && isNameChar(text[j].unicode()))
                ++j;
            Token t;
            t.type = Tok::Name;
            t.pos = i;
            t.len = j - i;
            tokens.push_back(t);
            i = j;
        } else {
            tokens.push_back(symbolToken(text, i));
            i += tokens.back().len;
        }
    }
    Token end;
    end.type = Tok::End;
    end.pos = n;
    tokens.push_back(end);
    return tokens;
}

QString catalogueIds()
{
    QStringList ids;
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        if (!findBuiltin(s.id))
            ids << s.id;
    }
    return ids.join(QLatin1String(", "));
}

class Parser
{
public:
    Parser(const QString &text, std::vector<Token> tokens) : m_text(text), m_tokens(std::move(tokens)) {}

    void parse()
    {
        expression();
        const Token &t = peek();
        if (t.type != Tok::End) {
            if (t.type == Tok::RParen)
                fail(t.pos,
                     QCoreApplication::translate("Expression",
                                                 "unexpected ')' without a matching '('"));
            if (t.type == Tok::Comma)
                fail(t.pos,
                     QCoreApplication::translate("Expression",
                                                 "unexpected ',' outside a function's arguments"));
            if (t.type == Tok::Number || t.type == Tok::Name || t.type == Tok::LParen)
                fail(t.pos,
                     QCoreApplication::translate("Expression",
                                                 "expected an operator (+ - * / ^) or the end, "
                                                 "found %1 (write 2*x for a product)")
                         .arg(found(t)));
            fail(t.pos,
                 QCoreApplication::translate("Expression",
                                             "unexpected %1 after the end of the expression")
                     .arg(found(t)));
        }
    }

    std::vector<Instruction> code;
    QStringList parameters;

private:
    const QString &m_text;
    std::vector<Token> m_tokens;
    size_t m_next = 0;
    int m_depth = 0;

    [[noreturn]] void fail(qsizetype position, const QString &message) { throw ParseFailure{position, message}; }

    const Token &peek() const { return m_tokens[m_next]; }
    const Token &take() { return m_tokens[m_next++]; }
    QString tokenText(const Token &t) const { return t.type == Tok::End ? QString() : m_text.mid(t.pos, t.len); }

    QString found(const Token &t) const
    {
        if (t.type == Tok::End)
            return QCoreApplication::translate("Expression", "the end of the expression");
        const QString word = tokenText(t);
        return QStringLiteral("'%1'").arg(word.size() > 40 ? word.left(40) + QStringLiteral("…") : word);
    }

    void append(Instruction in)
    {
        if (int(code.size()) >= Expression::MaxNodes)
            fail(in.position,
                 QCoreApplication::translate(
                     "Expression",
                     "the expression is too large (more than %1 numbers, names and operations)")
                     .arg(Expression::MaxNodes));
        code.push_back(in);
    }

    /** An instruction taking the last argc subtrees as operands. */
    void emitOperation(Op op, int argc, qsizetype position, int extra = 0)
    {
        Instruction in;
        in.op = op;
        in.argc = argc;
        in.position = position;
        in.index = extra;
        // the operands' subtrees, last first
        std::vector<int> starts(argc);
        int end = int(code.size());
        for (int k = argc - 1; k >= 0; --k) {
            starts[k] = code[end - 1].start;
            end = starts[k];
        }
        in.start = argc > 0 ? starts[0] : int(code.size());
        bool dep[2] = {false, false};
        bool aff[2] = {true, true};
        bool anyDep = false;
        for (int k = 0; k < argc; ++k) {
            const Instruction &root = code[(k + 1 < argc ? starts[k + 1] : int(code.size())) - 1];
            if (k < 2) {
                dep[k] = root.dependsOnX;
                aff[k] = root.affine;
            }
            anyDep = anyDep || root.dependsOnX;
        }
        in.dependsOnX = anyDep;
        switch (op) {
        case Op::Neg: in.affine = aff[0]; break;
        case Op::Add: case Op::Sub: in.affine = aff[0] && aff[1]; break;
        case Op::Mul: in.affine = aff[0] && aff[1] && !(dep[0] && dep[1]); break;
        case Op::Div: in.affine = aff[0] && !dep[1]; break;
        default: in.affine = !anyDep; break;
        }
        if (op == Op::Pow)
            in.index = (dep[1] ? 1 : 0) | (dep[0] ? 2 : 0);
        append(in);
    }

    void enter(qsizetype position)
    {
        if (++m_depth > Expression::MaxDepth)
            fail(
                position,
                QCoreApplication::translate("Expression", "nested too deeply (more than %1 levels)")
                    .arg(Expression::MaxDepth));
    }

    void expression()
    {
        term();
        while (peek().type == Tok::Plus || peek().type == Tok::Minus) {
            const Token &op = take();
            term();
            emitOperation(op.type == Tok::Plus ? Op::Add : Op::Sub, 2, op.pos);
        }
    }

    void term()
    {
        unary();
        while (peek().type == Tok::Star || peek().type == Tok::Slash) {
            const Token &op = take();
            unary();
            emitOperation(op.type == Tok::Star ? Op::Mul : Op::Div, 2, op.pos);
        }
    }

    void unary()
    {
        enter(peek().pos);
        if (peek().type == Tok::Minus || peek().type == Tok::Plus) {
            const Token &op = take();
            unary();
            if (op.type == Tok::Minus)
                emitOperation(Op::Neg, 1, op.pos);
        } else {
            power();
        }
        --m_depth;
    }

    void power()
    {
        primary();
        if (peek().type == Tok::Caret) {
            const Token &op = take();
            unary();
            emitOperation(Op::Pow, 2, op.pos);
        }
    }

    void leaf(Instruction in, const Token &t)
    {
        in.start = int(code.size());
        in.position = t.pos;
        append(in);
    }

    void primary()
    {
        const Token &t = take();
        switch (t.type) {
        case Tok::Number: {
            Instruction in;
            in.op = Op::Const;
            in.value = t.number;
            leaf(in, t);
            return;
        }
        case Tok::LParen: {
            expression();
            const Token &close = peek();
            if (close.type != Tok::RParen)
                fail(close.pos,
                     QCoreApplication::translate(
                         "Expression", "expected ')' to close the '(' at column %1, found %2")
                         .arg(t.pos + 1)
                         .arg(found(close)));
            take();
            return;
        }
        case Tok::Name:
            name(t);
            return;
        case Tok::End:
            if (m_next == 1)
                fail(t.pos, QCoreApplication::translate(
                                    "Expression", "empty expression: type a function of x, e.g. x * sigmoid(x)"));
            fail(t.pos, QCoreApplication::translate("Expression",
                                                    "unexpected end of the expression: expected a number, x, "
                                                    "a parameter, a function or '('"));
        default:
            fail(t.pos,
                 QCoreApplication::translate(
                     "Expression", "expected a number, x, a parameter, a function or '(', found %1")
                     .arg(found(t)));
        }
    }

    void name(const Token &t)
    {
        const QString word = tokenText(t);
        if (peek().type == Tok::LParen) {
            call(t, word);
            return;
        }
        Instruction in;
        if (word == QLatin1String("x")) {
            in.op = Op::X;
            in.dependsOnX = true;
        } else if (word == QLatin1String("pi") || word == QStringLiteral("\u03C0")) {
            in.value = M_PI;
        } else if (word == QLatin1String("e")) {
            in.value = M_E;
        } else if (word.size() == 1 && word[0] != QLatin1Char('_')) {
            int index = int(parameters.indexOf(word));
            if (index < 0) {
                if (parameters.size() >= MaxParameters)
                    fail(t.pos,
                         QCoreApplication::translate(
                             "Expression",
                             "too many parameters: '%1' would be the %2th; at most %3 "
                             "single-letter parameters (%4 so far)")
                             .arg(word)
                             .arg(MaxParameters + 1)
                             .arg(MaxParameters)
                             .arg(parameters.join(QLatin1String(", "))));
                parameters << word;
                index = int(parameters.size()) - 1;
            }
            in.op = Op::Param;
            in.index = index;
        } else if (findBuiltin(word) || findActivation(word)) {
            const Token &next = peek();
            fail(next.pos,
                 QCoreApplication::translate("Expression",
                                             "expected '(' after the function name %1, found %2")
                     .arg(word, found(next)));
        } else {
            fail(t.pos,
                 QCoreApplication::translate("Expression",
                                             "unknown name '%1': use x, pi, e, a single-letter "
                                             "parameter (a, b, c…) or a function call")
                     .arg(word.size() > 40 ? word.left(40) + QStringLiteral("…") : word));
        }
        leaf(in, t);
    }

    void call(const Token &t, const QString &word)
    {
        const Builtin *builtin = findBuiltin(word);
        const ActivationSpec *spec = builtin ? nullptr : findActivation(word);
        if (!builtin && !spec) {
            fail(
                t.pos,
                QCoreApplication::translate("Expression",
                                            "unknown function '%1'; functions: %2; activations: %3")
                    .arg(word.size() > 40 ? word.left(40) + QStringLiteral("…") : word,
                         Expression::builtinFunctions().join(QLatin1String(", ")), catalogueIds()));
        }
        const int minArgs = builtin ? builtin->arity : 1;
        const int maxArgs = builtin ? builtin->arity : 1 + int(spec->parameters.size());
        const Token &open = take(); // '('
        enter(open.pos);
        int argc = 0;
        if (peek().type == Tok::RParen) {
            fail(peek().pos,
                 QCoreApplication::translate("Expression", "%1 takes %2, not none")
                     .arg(word, argumentCount(minArgs, maxArgs)));
        }
        while (true) {
            const int start = int(code.size());
            expression();
            ++argc;
            if (spec && argc > 1 && code.back().dependsOnX)
                fail(code[start].position,
                     QCoreApplication::translate(
                         "Expression",
                         "argument %1 of %2 sets its parameter %3 and must not depend on x")
                         .arg(argc)
                         .arg(word, spec->parameters[argc - 2].name));
            const Token &next = peek();
            if (next.type == Tok::RParen) {
                if (argc < minArgs)
                    fail(next.pos,
                         QCoreApplication::translate("Expression", "%1 takes %2, not %3")
                             .arg(word, argumentCount(minArgs, maxArgs))
                             .arg(argc));
                take();
                break;
            }
            if (next.type == Tok::Comma) {
                if (argc >= maxArgs)
                    fail(next.pos,
                         QCoreApplication::translate("Expression", "%1 takes %2, not more")
                             .arg(word, argumentCount(minArgs, maxArgs)));
                take();
                continue;
            }
            if (maxArgs == 1)
                fail(next.pos,
                     QCoreApplication::translate("Expression",
                                                 "expected ')' after the argument of %1, found %2")
                         .arg(word, found(next)));
            fail(next.pos,
                 QCoreApplication::translate(
                     "Expression", "expected ',' or ')' after argument %1 of %2, found %3")
                     .arg(argc)
                     .arg(word, found(next)));
        }
        --m_depth;
        if (builtin) {
            emitOperation(builtin->op, argc, t.pos);
        } else {
            emitOperation(Op::Catalogue, argc, t.pos);
            code.back().spec = spec;
            code.back().defaults = spec->defaults();
        }
    }

    static QString argumentCount(int minArgs, int maxArgs)
    {
        if (minArgs == maxArgs)
            return minArgs == 1
                ? QCoreApplication::translate("Expression", "1 argument")
                : QCoreApplication::translate("Expression", "%1 arguments").arg(minArgs);
        return QCoreApplication::translate("Expression", "%1 to %2 arguments")
            .arg(minArgs)
            .arg(maxArgs);
    }
};

} // namespace

std::shared_ptr<Expression::Program> compile(const QString &text, Expression::Error *error)
{
    if (error)
        *error = Expression::Error();
    try {
        if (text.size() > Expression::MaxLength)
            throw ParseFailure{Expression::MaxLength,
                               QCoreApplication::translate(
                                       "Expression", "the expression is too long: %1 characters, at most %2")
                                       .arg(text.size()).arg(Expression::MaxLength)};
        Parser parser(text, tokenize(text));
        parser.parse();
        auto program = std::make_shared<Expression::Program>();
        program->text = text.trimmed();
        // Parameters sorted by name; the code refers to them by index.
        QStringList sorted = parser.parameters;
        std::sort(sorted.begin(), sorted.end());
        for (Instruction &in : parser.code) {
            if (in.op == Op::Param)
                in.index = int(sorted.indexOf(parser.parameters[in.index]));
        }
        program->parameters = sorted;
        program->code = std::move(parser.code);
        int depth = 0;
        for (const Instruction &in : program->code) {
            depth += in.op == Op::Const || in.op == Op::X || in.op == Op::Param ? 1 : 1 - in.argc;
            program->maxStack = std::max(program->maxStack, depth);
        }
        return program;
    } catch (const ParseFailure &failure) {
        if (error) {
            error->position = std::clamp<qsizetype>(failure.position, 0, text.size());
            error->message = failure.message;
        }
    }
    return nullptr;
}

} // namespace ExpressionDetail
