#pragma once

#include "activationcatalogue.h"

/**
 * Functions typed as expressions in x ("x * sigmoid(1.702 * x)"), kept for the life of the
 * program so that a FunctionInstance may point at them like at a catalogue entry. A custom
 * function's id is "expr:" followed by its expression; its kind is FunctionKind::Custom.
 */
namespace CustomFunctions {
/** The prefix of a custom function's id. */
inline constexpr QStringView IdPrefix = u"expr:";

/** The spec for an id "expr:<expression>", parsed on first use; nullptr for any other id or a bad expression. */
const ActivationSpec *find(QStringView id);
/** The spec for an expression; nullptr and the reason (position, what was expected) if it does not parse. */
const ActivationSpec *intern(const QString &expression, QString *error = nullptr);
} // namespace CustomFunctions
