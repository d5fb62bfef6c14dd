#include "expression.h"

#include <QCoreApplication>

#include <boost/math/differentiation/autodiff.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

using Jet = boost::math::differentiation::autodiff_fvar<double, 2>;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

enum class Op : unsigned char {
    Const, X, Param, Neg, Add, Sub, Mul, Div, Pow,
    // one argument
    Exp, Log, Log1p, Expm1, Sqrt, Abs, Sign, Erf, Erfc, Tanh, Sinh, Cosh, Sin, Cos, Tan, Asin, Acos, Atan,
    // two arguments
    Min, Max,
    Catalogue, ///< a catalogue activation: 1 + (up to its parameter count) arguments
};

struct Builtin
{
    const char *name;
    Op op;
    int arity;
};

// pow is the ^ operator with a name.
constexpr Builtin Builtins[] = {
    {"abs", Op::Abs, 1},   {"acos", Op::Acos, 1},   {"asin", Op::Asin, 1}, {"atan", Op::Atan, 1},
    {"cos", Op::Cos, 1},   {"cosh", Op::Cosh, 1},   {"erf", Op::Erf, 1},   {"erfc", Op::Erfc, 1},
    {"exp", Op::Exp, 1},   {"expm1", Op::Expm1, 1}, {"log", Op::Log, 1},   {"log1p", Op::Log1p, 1},
    {"max", Op::Max, 2},   {"min", Op::Min, 2},     {"pow", Op::Pow, 2},   {"sign", Op::Sign, 1},
    {"sin", Op::Sin, 1},   {"sinh", Op::Sinh, 1},   {"sqrt", Op::Sqrt, 1}, {"tan", Op::Tan, 1},
    {"tanh", Op::Tanh, 1},
};

const Builtin *findBuiltin(QStringView name)
{
    for (const Builtin &b : Builtins) {
        if (name == QLatin1String(b.name))
            return &b;
    }
    return nullptr;
}

/** A catalogue activation callable by id (not one shadowed by a built-in such as tanh). */
const ActivationSpec *findActivation(QStringView name)
{
    if (findBuiltin(name))
        return nullptr;
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        if (s.id == name)
            return &s;
    }
    return nullptr;
}

struct Instruction
{
    Op op = Op::Const;
    int argc = 0;          ///< operands taken from the stack
    int start = 0;         ///< index of the first instruction of this node's subtree
    int index = 0;         ///< Param: parameter index
    double value = 0.0;    ///< Const: the number
    const ActivationSpec *spec = nullptr; ///< Catalogue
    ParameterValues defaults{};           ///< Catalogue: spec->defaults()
    bool dependsOnX = false;
    bool affine = true;    ///< affine in x (constants included)
    qsizetype position = 0; ///< where in the text, for error messages
};

} // namespace

struct Expression::Program
{
    QString text;
    QStringList parameters;
    std::vector<Instruction> code;
    int maxStack = 0;
};

namespace {

// ---- evaluation ---------------------------------------------------------------------------------

double value(const Jet &j) { return j.derivative(0); }

/** g(u) from g(u0), g′(u0), g″(u0): the chain rule to second order, in fvar arithmetic. */
Jet compose(const Jet &u, double g0, double g1, double g2)
{
    const double g[3] = {g0, g1, g2};
    return u.apply_derivatives(2, [&g](size_t i) { return g[i]; });
}

double signOf(double v) { return std::isnan(v) ? NaN : (v > 0.0 ? 1.0 : (v < 0.0 ? -1.0 : 0.0)); }

/** u^y for a y that does not depend on x; pow(u, 0)′ = 0 and pow(0, 2)′ = 0 as in PyTorch. */
Jet powConstantExponent(const Jet &u, double y)
{
    const double u0 = value(u);
    const double f = std::pow(u0, y);
    const double d1 = y == 0.0 ? 0.0 : y * std::pow(u0, y - 1.0);
    const double d2 = (y == 0.0 || y == 1.0) ? 0.0 : y * (y - 1.0) * std::pow(u0, y - 2.0);
    return compose(u, f, d1, d2);
}

Jet unary(Op op, const Jet &u)
{
    using std::exp;
    const double u0 = value(u);
    switch (op) {
    case Op::Exp: {
        const double e = std::exp(u0);
        return compose(u, e, e, e);
    }
    case Op::Log:
        return compose(u, std::log(u0), 1.0 / u0, -1.0 / (u0 * u0));
    case Op::Log1p: {
        const double q = 1.0 + u0;
        return compose(u, std::log1p(u0), 1.0 / q, -1.0 / (q * q));
    }
    case Op::Expm1: {
        const double e = std::exp(u0);
        return compose(u, std::expm1(u0), e, e);
    }
    case Op::Sqrt: {
        const double s = std::sqrt(u0);
        return compose(u, s, 0.5 / s, -0.25 / (s * u0));
    }
    case Op::Abs: // PyTorch: abs′(0) = 0
        return compose(u, std::fabs(u0), signOf(u0), std::isnan(u0) ? NaN : 0.0);
    case Op::Sign:
        return compose(u, signOf(u0), 0.0, 0.0);
    case Op::Erf:
    case Op::Erfc: {
        // erf′ = 2/√π e^(−u²), erf″ = −2u erf′
        const double d = 2.0 / std::sqrt(M_PI) * std::exp(-u0 * u0);
        const double s = op == Op::Erf ? 1.0 : -1.0;
        return compose(u, op == Op::Erf ? std::erf(u0) : std::erfc(u0), s * d, s * -2.0 * u0 * d);
    }
    case Op::Tanh: {
        const double t = std::tanh(u0);
        const double d = 1.0 - t * t;
        return compose(u, t, d, -2.0 * t * d);
    }
    case Op::Sinh:
        return compose(u, std::sinh(u0), std::cosh(u0), std::sinh(u0));
    case Op::Cosh:
        return compose(u, std::cosh(u0), std::sinh(u0), std::cosh(u0));
    case Op::Sin:
        return compose(u, std::sin(u0), std::cos(u0), -std::sin(u0));
    case Op::Cos:
        return compose(u, std::cos(u0), -std::sin(u0), -std::cos(u0));
    case Op::Tan: {
        const double t = std::tan(u0);
        const double d = 1.0 + t * t;
        return compose(u, t, d, 2.0 * t * d);
    }
    case Op::Asin:
    case Op::Acos: {
        // asin′ = 1/√(1 − u²), asin″ = u/(1 − u²)^(3/2); acos = π/2 − asin
        const double q = 1.0 - u0 * u0;
        const double d1 = 1.0 / std::sqrt(q);
        const double d2 = u0 * d1 / q;
        const double s = op == Op::Asin ? 1.0 : -1.0;
        return compose(u, op == Op::Asin ? std::asin(u0) : std::acos(u0), s * d1, s * d2);
    }
    case Op::Atan: {
        const double q = 1.0 + u0 * u0;
        return compose(u, std::atan(u0), 1.0 / q, -2.0 * u0 / (q * q));
    }
    default:
        return Jet(NaN);
    }
}

/** min or max; a tie splits the gradient in half (torch.minimum, torch.maximum); NaN wins. */
Jet minMax(bool isMax, const Jet &u, const Jet &v)
{
    const double a = value(u);
    const double b = value(v);
    if (std::isnan(a) || std::isnan(b))
        return Jet(NaN);
    if (a == b)
        return (u + v) * 0.5;
    return (a > b) == isMax ? u : v;
}

Jet power(const Instruction &in, const Jet &base, const Jet &exponent)
{
    // in.index: bit 0 set when the exponent depends on x, bit 1 when the base does.
    const bool exponentVaries = in.index & 1;
    const bool baseVaries = in.index & 2;
    if (!exponentVaries)
        return powConstantExponent(base, value(exponent));
    const double b = value(base);
    if (!baseVaries) {
        // b^v = e^(v ln b)
        const double f = std::pow(b, value(exponent));
        const double l = std::log(b);
        return compose(exponent, f, f * l, f * l * l);
    }
    // u^v = e^(v ln u), NaN for u < 0 as in PyTorch for a non-integer exponent
    return unary(Op::Exp, exponent * unary(Op::Log, base));
}

/** A stack of at most N jets without a heap allocation, for the usual small expression. */
template<size_t N>
class SmallStack
{
public:
    size_t size() const { return m_size; }
    void clear() { m_size = 0; }
    void push_back(const Jet &j) { m_items[m_size++] = j; }
    template<typename T>
    void emplace_back(T v) { m_items[m_size++] = Jet(v); }
    void pop_back() { --m_size; }
    void resize(size_t n) { m_size = n; }
    Jet &back() { return m_items[m_size - 1]; }
    Jet &front() { return m_items[0]; }
    Jet &operator[](size_t i) { return m_items[i]; }

private:
    std::array<Jet, N> m_items;
    size_t m_size = 0;
};
constexpr size_t SmallStackSize = 32;

/** Runs code[from, to) and leaves the results on stack. */
template<typename Stack>
void run(const Expression::Program &program, int from, int to, double x, const double *p, Stack &stack)
{
    const std::vector<Instruction> &code = program.code;
    ParameterValues catalogueParameters{};
    for (int i = from; i < to; ++i) {
        const Instruction &in = code[i];
        switch (in.op) {
        case Op::Const:
            stack.emplace_back(in.value);
            break;
        case Op::X:
            stack.push_back(boost::math::differentiation::make_fvar<double, 2>(x));
            break;
        case Op::Param:
            stack.emplace_back(p ? p[in.index] : 1.0);
            break;
        case Op::Neg:
            stack.back() = -stack.back();
            break;
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
        case Op::Pow:
        case Op::Min:
        case Op::Max: {
            const Jet b = stack.back();
            stack.pop_back();
            Jet &a = stack.back();
            switch (in.op) {
            case Op::Add: a = a + b; break;
            case Op::Sub: a = a - b; break;
            case Op::Mul: a = a * b; break;
            case Op::Div: a = a / b; break;
            case Op::Pow: a = power(in, a, b); break;
            case Op::Min: a = minMax(false, a, b); break;
            default: a = minMax(true, a, b); break;
            }
            break;
        }
        case Op::Catalogue: {
            const ActivationSpec &spec = *in.spec;
            catalogueParameters = in.defaults;
            const size_t first = stack.size() - size_t(in.argc);
            for (int k = 1; k < in.argc; ++k)
                catalogueParameters[k - 1] = value(stack[first + k]);
            const Jet u = stack[first];
            stack.resize(first + 1);
            // A parameter outside its domain (gelu's approximate = 7) is undefined: NaN.
            if (in.argc > 1 && !spec.validate(catalogueParameters).isEmpty()) {
                stack.back() = Jet(NaN);
                break;
            }
            const Derivatives g = spec.evaluate(value(u), catalogueParameters.data());
            stack.back() = compose(u, g.f, g.d1, g.d2);
            break;
        }
        default:
            stack.back() = unary(in.op, stack.back());
            break;
        }
    }
}

// ---- parsing ------------------------------------------------------------------------------------

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
        Token t;
        t.pos = i;
        t.len = 1;
        if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text[i + 1].unicode()))) {
            qsizetype j = i;
            while (j < n && isDigit(text[j].unicode()))
                ++j;
            if (j < n && text[j] == QLatin1Char('.')) {
                ++j;
                while (j < n && isDigit(text[j].unicode()))
                    ++j;
            }
            bool negativeExponent = false;
            if (j < n && (text[j] == QLatin1Char('e') || text[j] == QLatin1Char('E'))) {
                qsizetype k = j + 1;
                if (k < n && (text[k] == QLatin1Char('+') || text[k] == QLatin1Char('-'))) {
                    negativeExponent = text[k] == QLatin1Char('-');
                    ++k;
                }
                if (k < n && isDigit(text[k].unicode())) {
                    j = k;
                    while (j < n && isDigit(text[j].unicode()))
                        ++j;
                } else {
                    negativeExponent = false; // "2e" or "2e+": the number is 2, e is a name
                }
            }
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
            t.type = Tok::Number;
            t.number = v;
            t.len = j - i;
            tokens.push_back(t);
            i = j;
            continue;
        }
        if (isNameStart(c)) {
            qsizetype j = i + 1;
            while (j < n && isNameChar(text[j].unicode()))
                ++j;
            t.type = Tok::Name;
            t.len = j - i;
            tokens.push_back(t);
            i = j;
            continue;
        }
        switch (c) {
        case '+': t.type = Tok::Plus; break;
        case '-': case u'\u2212': t.type = Tok::Minus; break;
        case '*':
            if (i + 1 < n && text[i + 1] == QLatin1Char('*')) {
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
        tokens.push_back(t);
        i += t.len;
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

// ---- Expression -----------------------------------------------------------------------------------

QString Expression::Error::text() const
{
    if (!isError())
        return {};
    return QCoreApplication::translate("Expression", "column %1: %2").arg(column()).arg(message);
}

Expression::Expression() = default;

Expression Expression::parse(const QString &text, Error *error)
{
    if (error)
        *error = Error();
    Expression result;
    try {
        if (text.size() > MaxLength)
            throw ParseFailure{MaxLength,
                               QCoreApplication::translate(
                                       "Expression", "the expression is too long: %1 characters, at most %2")
                                       .arg(text.size()).arg(MaxLength)};
        Parser parser(text, tokenize(text));
        parser.parse();
        auto program = std::make_shared<Program>();
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
        result.m_program = std::move(program);
    } catch (const ParseFailure &failure) {
        if (error) {
            error->position = std::clamp<qsizetype>(failure.position, 0, text.size());
            error->message = failure.message;
        }
    }
    return result;
}

QString Expression::text() const
{
    return m_program ? m_program->text : QString();
}

QStringList Expression::parameterNames() const
{
    return m_program ? m_program->parameters : QStringList();
}

int Expression::nodeCount() const
{
    return m_program ? int(m_program->code.size()) : 0;
}

Derivatives Expression::evaluate(double x, const double *p) const
{
    if (!m_program)
        return {NaN, NaN, NaN};
    try {
        const auto evaluate = [&](auto &stack) -> Derivatives {
            run(*m_program, 0, int(m_program->code.size()), x, p, stack);
            if (stack.size() != 1)
                return {NaN, NaN, NaN};
            const Jet &r = stack.front();
            return {r.derivative(0), r.derivative(1), r.derivative(2)};
        };
        if (size_t(m_program->maxStack) <= SmallStackSize) {
            SmallStack<SmallStackSize> stack;
            return evaluate(stack);
        }
        std::vector<Jet> stack;
        stack.reserve(size_t(m_program->maxStack));
        return evaluate(stack);
    } catch (...) {
        return {NaN, NaN, NaN};
    }
}

namespace {

/**
 * The x in [a, b] where a switch g(x) of instruction i (see Expression::kinks) is 0: g on a grid
 * of ScanPoints, then bisection of every sign change down to neighbouring doubles. A root that
 * is a double is found exactly (bisection lands on it), else one of its two neighbours. Zeros
 * that only touch 0 are found where they fall on the grid.
 */
constexpr int ScanPoints = 1024;

template<typename Switches>
void appendRootsOfSwitches(const Switches &switches, int i, double a, double b, QList<double> &out)
{
    QList<double> g;
    QList<double> previous;
    double xPrevious = a;
    for (int n = 0; n <= ScanPoints; ++n) {
        const double x = n == ScanPoints ? b : a + (b - a) * n / ScanPoints;
        if (!switches(i, x, g)) {
            previous.clear();
            continue;
        }
        for (int j = 0; j < g.size(); ++j) {
            if (g[j] == 0.0) {
                out << x;
                continue;
            }
            if (previous.size() != g.size() || !(previous[j] * g[j] < 0))
                continue;
            // a sign change in (xPrevious, x): bisect
            double lo = xPrevious;
            double hi = x;
            const bool risingAtLo = previous[j] < 0;
            QList<double> h;
            for (int step = 0; step < 200; ++step) {
                const double mid = lo + 0.5 * (hi - lo);
                if (mid <= lo || mid >= hi)
                    break;
                if (!switches(i, mid, h) || j >= h.size() || !std::isfinite(h[j]))
                    break;
                if (h[j] == 0.0) {
                    lo = hi = mid;
                    break;
                }
                if ((h[j] < 0) == risingAtLo)
                    lo = mid;
                else
                    hi = mid;
            }
            out << (lo == hi ? lo : lo + 0.5 * (hi - lo));
        }
        previous = g;
        xPrevious = x;
    }
}

} // namespace

QList<double> Expression::kinks(const double *p) const
{
    return kinks(p, std::numeric_limits<double>::quiet_NaN(),
                 std::numeric_limits<double>::quiet_NaN());
}

QList<double> Expression::kinks(const double *p, double a, double b) const
{
    QList<double> result;
    if (!m_program)
        return result;
    const bool ranged = std::isfinite(a) && std::isfinite(b) && a < b;
    qint64 scanBudget = 4'000'000;
    const std::vector<Instruction> &code = m_program->code;
    try {
        std::vector<Jet> stack;
        // A catalogue activation's kinks, for the parameters its call passes (on the stack
        // after its argument; they do not depend on x). False where they are out of its domain.
        const auto activationKinks = [&](const Instruction &in, QList<double> &at) {
            ParameterValues q = in.spec->defaults();
            for (int k = 1; k < in.argc; ++k)
                q[k - 1] = value(stack[k]);
            if (!in.spec->validate(q).isEmpty() || !in.spec->kinks)
                return false;
            at = in.spec->kinks(q.data());
            return true;
        };
        // The operands of instruction i at x, and where its kinks lie in terms of them: g(x) is
        // 0 at each kink (u − k for an activation's kink k, u − v for min and max, u for abs and
        // sign). Returns false where the operands cannot be had.
        const auto switches = [&](int i, double x, QList<double> &g) {
            const Instruction &in = code[i];
            scanBudget -= i - in.start + 1;
            if (scanBudget < 0)
                return false;
            stack.clear();
            run(*m_program, in.start, i, x, p, stack);
            if (int(stack.size()) != in.argc)
                return false;
            g.clear();
            const double u = value(stack[0]);
            if (in.op == Op::Min || in.op == Op::Max) {
                g << u - value(stack[1]);
            } else if (in.op == Op::Catalogue) {
                QList<double> at;
                if (!activationKinks(in, at))
                    return false;
                for (const double k : at)
                    g << u - k;
            } else {
                g << u;
            }
            return true;
        };
        for (int i = 0; i < int(code.size()); ++i) {
            const Instruction &in = code[i];
            const bool nonSmooth = in.op == Op::Abs || in.op == Op::Sign || in.op == Op::Min
                    || in.op == Op::Max || in.op == Op::Catalogue;
            if (!nonSmooth || !in.dependsOnX)
                continue;
            // Affine operands: the kinks in closed form. Their subtrees hold no other non-smooth
            // function of x, so the runs below cover each instruction at most once or so:
            // linear in the program's size.
            bool affine = true;
            for (int k = in.argc - 1, end = i; k >= 0; --k) {
                const Instruction &root = code[end - 1];
                affine = affine && root.affine;
                end = root.start;
            }
            if (!affine) {
                // A budget of instructions run, so that a hostile expression (4096 nodes, abs
                // nested 200 deep) costs milliseconds, not seconds: the rest go unfound.
                if (ranged && scanBudget > 0)
                    appendRootsOfSwitches(switches, i, a, b, result);
                continue;
            }
            // the operands' values and slopes at x = 0
            stack.clear();
            run(*m_program, in.start, i, 0.0, p, stack);
            if (int(stack.size()) != in.argc)
                continue;
            Jet u = stack[0];
            QList<double> at; // kinks in terms of u
            if (in.op == Op::Min || in.op == Op::Max) {
                u = stack[0] - stack[1];
                at << 0.0;
            } else if (in.op == Op::Catalogue) {
                if (!activationKinks(in, at))
                    continue;
            } else {
                at << 0.0;
            }
            const double u0 = value(u);
            const double slope = u.derivative(1);
            if (slope == 0.0 || !std::isfinite(slope) || !std::isfinite(u0))
                continue;
            for (const double k : at) {
                const double xk = (k - u0) / slope;
                if (std::isfinite(xk) && (!ranged || (xk >= a && xk <= b)))
                    result << xk;
            }
        }
    } catch (...) {
        return {};
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

QStringList Expression::builtinFunctions()
{
    QStringList names;
    for (const Builtin &b : Builtins)
        names << QLatin1String(b.name);
    return names;
}
