#pragma once

// What the expression parser (expressionparser.cpp) and the evaluator (expression.cpp) share:
// the instruction set of a compiled expression and its built-in functions. Private to
// model/math: not part of Expression's interface.

#include "activationcatalogue.h"
#include "expression.h"

#include <QStringView>

#include <memory>
#include <vector>

namespace ExpressionDetail {

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

inline const Builtin *findBuiltin(QStringView name)
{
    for (const Builtin &b : Builtins) {
        if (name == QLatin1String(b.name))
            return &b;
    }
    return nullptr;
}

/** A catalogue activation callable by id (not one shadowed by a built-in such as tanh). */
inline const ActivationSpec *findActivation(QStringView name)
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


/**
 * Parses text into a program, its parameters sorted by name. On a syntax error: null, and
 * *error (when given) says where and why.
 */
std::shared_ptr<Expression::Program> compile(const QString &text, Expression::Error *error);

} // namespace ExpressionDetail

struct Expression::Program
{
    QString text;
    QStringList parameters;
    std::vector<ExpressionDetail::Instruction> code;
    int maxStack = 0;
};
