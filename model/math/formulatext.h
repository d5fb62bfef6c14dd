#pragma once

#include <QString>
#include <QStringView>

#include <vector>

/**
 * The catalogue's formulas as data: each entry (ActivationSpec::formulas) writes its f and f′ once,
 * in a tiny LaTeX-like markup, and two renderers turn the same parsed tree into text — plain
 * Unicode here (ActivationSpec::formula and derivativeFormula: the command line, tooltips) and rich
 * text for the formula panel (MathFormulas in the widgets).
 *
 * The markup, by example:
 *
 *     σ(x) = \frac{1}{1 + e^{-x}}
 *     \cases{x & x > 0 \\ \param{negative_slope}\cdot x & \otherwise}
 *
 * - Text is copied as written, spaces included. "-" becomes the minus sign U+2212; Unicode may be
 *   written directly (≤ ≥ ≠ σ Φ φ ε Σ ½ …).
 * - A lone lowercase letter (x, e, u, σ, φ, ε) is a variable and comes out italic in rich text;
 *   longer runs of letters (tanh, log, max, softplus) and capitals (Φ, Σ) stay upright.
 * - \param{name}: a PyTorch parameter name, italic (negative_slope, alpha).
 * - \text{words}: upright text taken verbatim: no italics, "-" stays a hyphen.
 * - a^b, a^{…}: superscript; a_b, a_{…}: subscript. Plain text uses Unicode superscripts where
 *   every character has one (e⁻ˣ, x²), else ^word or ^(…).
 * - \frac{numerator}{denominator}: a stacked fraction; plain text "a/b" with parentheses as needed.
 * - \cases{value & condition \\ value & condition …}: a piecewise definition; a condition reads
 *   "if …", and \otherwise stands for the last row's "otherwise". Plain text: "x if x > 0, else 0"
 *   for two rows ending in \otherwise, else the rows joined by "; ", parenthesised unless the
 *   cases are the whole formula or follow "= ".
 * - \undefined: the word "undefined" (as a value).
 * - \cdot: a product dot (" · " in rich text, "·" in plain text); \, : a product without a sign
 *   (a thin space in rich text, "·" in plain text).
 * - \sigma \phi \Phi \varepsilon \Sigma \le \ge \ne \pm \approx \infty \prime: those
 *   symbols; \{ \} \& \^ \_ : those characters as text.
 * - {…} alone groups without showing.
 * - A space right after a control word (\cdot x) is skipped, as in TeX.
 *
 * Words ("if", "otherwise", "undefined") are nodes, not text, so the rich-text renderer can
 * translate them.
 */
namespace FormulaText {

enum class NodeKind {
    Text,        ///< upright text
    Variable,    ///< a one-letter variable, italic
    Parameter,   ///< a PyTorch parameter name, italic
    Superscript, ///< parts[0]
    Subscript,   ///< parts[0]
    Fraction,    ///< parts[0] over parts[1]
    Cases,       ///< parts: value, condition, value, condition, …
    Otherwise,   ///< the word "otherwise" (as a condition in Cases)
    Undefined,   ///< the word "undefined"
    Dot,         ///< a product dot
    Product,     ///< a product without a sign
};

struct Node;
using Formula = std::vector<Node>;

struct Node
{
    NodeKind kind = NodeKind::Text;
    QString text;               ///< Text, Variable, Parameter
    std::vector<Formula> parts; ///< see NodeKind
};

struct Parsed
{
    Formula formula;
    QString error; ///< empty when the markup parsed, else what is wrong and where
    bool ok() const { return error.isEmpty(); }
};

/** The tree of markup; on an error, Parsed::error says what and at which character. */
Parsed parse(QStringView markup);

/** A formula as plain Unicode text, e.g. "1/(1 + e⁻ˣ)" or "x if x > 0, else 0". */
QString toPlainText(const Formula &formula);

/** parse() then toPlainText(); the markup itself (and a warning) when it does not parse. */
QString plainText(QStringView markup);

/** True for a Cases row's condition that is \otherwise. */
bool isOtherwise(const Formula &condition);

} // namespace FormulaText
