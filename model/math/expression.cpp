#include "expression.h"
#include "expression_p.h"

#include <QCoreApplication>

#include <boost/math/differentiation/autodiff.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace ExpressionDetail;

namespace {

using Jet = boost::math::differentiation::autodiff_fvar<double, 2>;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

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
    Expression result;
    result.m_program = ExpressionDetail::compile(text, error);
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

namespace {

/** Expression::kinks(): the x where a non-smooth instruction of the program switches. */
class KinkFinder
{
public:
    KinkFinder(const Expression::Program &program, const double *p, double a, double b)
        : m_program(program)
        , m_code(program.code)
        , m_p(p)
        , m_a(a)
        , m_b(b)
        , m_ranged(std::isfinite(a) && std::isfinite(b) && a < b)
    {
    }

    QList<double> find()
    {
        for (int i = 0; i < int(m_code.size()); ++i) {
            const Instruction &in = m_code[i];
            const bool nonSmooth = in.op == Op::Abs || in.op == Op::Sign || in.op == Op::Min
                    || in.op == Op::Max || in.op == Op::Catalogue;
            if (!nonSmooth || !in.dependsOnX)
                continue;
            if (hasAffineOperands(i)) {
                appendAffineKinks(i);
            } else if (m_ranged && m_scanBudget > 0) {
                // A budget of instructions run, so that a hostile expression (4096 nodes, abs
                // nested 200 deep) costs milliseconds, not seconds: the rest go unfound.
                const auto switches = [this](int j, double x, QList<double> &g) {
                    return this->switches(j, x, g);
                };
                appendRootsOfSwitches(switches, i, m_a, m_b, m_result);
            }
        }
        std::sort(m_result.begin(), m_result.end());
        m_result.erase(std::unique(m_result.begin(), m_result.end()), m_result.end());
        return m_result;
    }

private:
    /** Whether every operand of instruction i is affine in x: then its kinks have a closed
     * form, and its subtrees hold no other non-smooth function of x, so the runs cover each
     * instruction about once: linear in the program's size. */
    bool hasAffineOperands(int i) const
    {
        const Instruction &in = m_code[i];
        bool affine = true;
        for (int k = in.argc - 1, end = i; k >= 0; --k) {
            const Instruction &root = m_code[end - 1];
            affine = affine && root.affine;
            end = root.start;
        }
        return affine;
    }

    /** The kinks of instruction i in closed form, from its operands' values and slopes at 0. */
    void appendAffineKinks(int i)
    {
        const Instruction &in = m_code[i];
        m_stack.clear();
        run(m_program, in.start, i, 0.0, m_p, m_stack);
        if (int(m_stack.size()) != in.argc)
            return;
        Jet u = m_stack[0];
        QList<double> at; // kinks in terms of u
        if (in.op == Op::Min || in.op == Op::Max) {
            u = m_stack[0] - m_stack[1];
            at << 0.0;
        } else if (in.op == Op::Catalogue) {
            if (!activationKinks(in, at))
                return;
        } else {
            at << 0.0;
        }
        const double u0 = value(u);
        const double slope = u.derivative(1);
        if (slope == 0.0 || !std::isfinite(slope) || !std::isfinite(u0))
            return;
        for (const double k : at) {
            const double xk = (k - u0) / slope;
            if (std::isfinite(xk) && (!m_ranged || (xk >= m_a && xk <= m_b)))
                m_result << xk;
        }
    }

    /** A catalogue activation's kinks, for the parameters its call passes (on the stack after
     * its argument; they do not depend on x). False where they are out of its domain. */
    bool activationKinks(const Instruction &in, QList<double> &at) const
    {
        ParameterValues q = in.spec->defaults();
        for (int k = 1; k < in.argc; ++k)
            q[k - 1] = value(m_stack[k]);
        if (!in.spec->validate(q).isEmpty() || !in.spec->kinks)
            return false;
        at = in.spec->kinks(q.data());
        return true;
    }

    /** The operands of instruction i at x, and where its kinks lie in terms of them: g(x) is 0
     * at each kink (u − k for an activation's kink k, u − v for min and max, u for abs and
     * sign). False where the operands cannot be had. */
    bool switches(int i, double x, QList<double> &g)
    {
        const Instruction &in = m_code[i];
        m_scanBudget -= i - in.start + 1;
        if (m_scanBudget < 0)
            return false;
        m_stack.clear();
        run(m_program, in.start, i, x, m_p, m_stack);
        if (int(m_stack.size()) != in.argc)
            return false;
        g.clear();
        const double u = value(m_stack[0]);
        if (in.op == Op::Min || in.op == Op::Max) {
            g << u - value(m_stack[1]);
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
    }

    const Expression::Program &m_program;
    const std::vector<Instruction> &m_code;
    const double *m_p;
    double m_a;
    double m_b;
    bool m_ranged;
    qint64 m_scanBudget = 4'000'000;
    std::vector<Jet> m_stack;
    QList<double> m_result;
};

} // namespace

QList<double> Expression::kinks(const double *p, double a, double b) const
{
    if (!m_program)
        return {};
    try {
        return KinkFinder(*m_program, p, a, b).find();
    } catch (...) {
        return {};
    }
}

QStringList Expression::builtinFunctions()
{
    QStringList names;
    for (const Builtin &b : Builtins)
        names << QLatin1String(b.name);
    return names;
}
