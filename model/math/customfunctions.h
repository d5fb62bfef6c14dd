#pragma once

#include "activationcatalogue.h"
#include "expression.h"

/**
 * Functions typed as expressions in x ("x * sigmoid(1.702 * x)"), kept for the life of the
 * program so that a FunctionInstance may point at them like at a catalogue entry. A custom
 * function's id is "expr:" followed by its expression; its kind is FunctionKind::Custom.
 *
 * The grammar and the limits are Expression's. To check text as it is typed, call
 * Expression::parse() (or check() here): it keeps nothing. intern() keeps every distinct
 * expression for good, so call it once the person confirms.
 */
namespace CustomFunctions {
/** The prefix of a custom function's id. */
inline constexpr QStringView IdPrefix = u"expr:";
/** At most this many distinct expressions are kept; intern() refuses more. */
inline constexpr int MaxInterned = 10000;

/** The spec for an id "expr:<expression>", parsed on first use; nullptr for any other id or a bad expression. */
const ActivationSpec *find(QStringView id);
/** The spec for an expression; nullptr and the reason (position, what was expected) if it does not parse. */
const ActivationSpec *intern(const QString &expression, QString *error = nullptr);
/** Like intern() but keeps nothing: the error with its position (Error::isError() false when fine). */
Expression::Error check(const QString &expression);
} // namespace CustomFunctions
