#pragma once

#include "activationcatalogue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

/**
 * A function of x typed by a person, e.g. "x * sigmoid(1.702 * x)" or "a * tanh(b * x)", parsed
 * once and evaluated with exact first and second derivatives (forward-mode automatic
 * differentiation to second order, Boost.Math autodiff's fvar<double, 2>; no finite differences).
 *
 * Grammar (whitespace is spaces and tabs):
 *
 *     expression := term (('+' | '-') term)*
 *     term       := unary (('*' | '/') unary)*
 *     unary      := ('-' | '+') unary | power              -x^2 is -(x^2), as in Python
 *     power      := primary (('^' | '**') unary)?          right-associative: 2^3^2 = 2^9
 *     primary    := number | name | name '(' arguments ')' | '(' expression ')'
 *     number     := 12 | 1.5 | .5 | 1e-3 | 2.5E+4
 *     name       := x | pi | e | a single letter other than x and e (a named parameter)
 *
 * Functions: exp log log1p expm1 sqrt abs sign erf erfc tanh sinh cosh sin cos tan asin acos atan
 * (one argument), pow min max (two), and every catalogue activation by its id (relu(x),
 * sigmoid(1.702*x), softplus(x), leaky_relu(x, 0.2)…): its first argument is the input, optional
 * further arguments set its parameters in the catalogue's order (they must not depend on x; left
 * out, the catalogue's defaults apply). A catalogue call uses the catalogue's own f, f′, f″, so
 * relu(x) has PyTorch's derivative 0 at 0. The Unicode signs − · × π of the catalogue's formulas
 * are accepted too.
 *
 * Points where a function is not differentiable follow PyTorch's autograd: abs′(0) = 0,
 * sign′ = 0, min and max at a tie split the gradient half and half (torch.maximum,
 * torch.minimum), pow(u, 0)′ = 0. Domain problems (log of a negative number, sqrt(-1), 0/0) give
 * NaN, never an exception.
 *
 * Hostile input is bounded: at most MaxLength characters, MaxDepth levels of nesting, MaxNodes
 * operations, MaxParameters named letters; numbers beyond the double range are an error.
 */
class Expression
{
public:
    static constexpr qsizetype MaxLength = 4096; ///< characters
    static constexpr int MaxDepth = 200;         ///< nested parentheses, calls, signs and powers
    static constexpr int MaxNodes = 4096;        ///< numbers, names and operations

    /** Why a text is not an expression: where (0-based index into the text) and what was expected. */
    struct Error
    {
        qsizetype position = -1; ///< index of the offending character in the text; −1: no error
        QString message;         ///< e.g. "expected ')' after the argument of sigmoid"

        bool isError() const { return position >= 0; }
        /** 1-based column of the offending character, as shown to the person typing. */
        qsizetype column() const { return position + 1; }
        /** "column 7: expected ')' after the argument of sigmoid"; empty when there is no error. */
        QString text() const;
    };

    /** An invalid expression (isValid() false; evaluate gives NaN). */
    Expression();

    /**
     * Parses text. On failure the result is invalid and *error (if given) says where and why;
     * on success *error is cleared. Cheap enough to call on every key press.
     */
    static Expression parse(const QString &text, Error *error = nullptr);

    bool isValid() const { return m_program != nullptr; }
    /** The text as parsed, trimmed. */
    QString text() const;
    /** The named parameters (single letters), sorted; index i reads p[i] in evaluate(). */
    QStringList parameterNames() const;
    /** Numbers, names and operations in the compiled program. */
    int nodeCount() const;

    /**
     * f, f′ and f″ at x (derivatives with respect to x). p holds a value per parameterNames()
     * entry; nullptr means 1.0 for each. NaN where the expression is undefined.
     */
    Derivatives evaluate(double x, const double *p = nullptr) const;

    /**
     * The x where a non-smooth function (abs, sign, min, max, a catalogue activation's kinks)
     * is reached by an argument that is affine in x, ascending, no duplicates. Non-smooth points
     * behind a non-affine argument (relu(x^2 - 1)) need a range: see the overload.
     */
    QList<double> kinks(const double *p = nullptr) const;
    /**
     * The kinks in [a, b]: the affine ones as above, and those behind a non-affine argument as
     * the roots of that argument's switch (x^2 - 1 for relu(x^2 - 1)), found by a scan of 1024
     * steps and bisection to neighbouring doubles. Best effort: two kinks within one step where
     * the switch does not change sign, or a switch that only touches its kink, can be missed.
     */
    QList<double> kinks(const double *p, double a, double b) const;

    /** The built-in function names (not the catalogue's), sorted. */
    static QStringList builtinFunctions();

    struct Program;

private:
    std::shared_ptr<const Program> m_program;
};
