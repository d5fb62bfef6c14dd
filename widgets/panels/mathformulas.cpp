#include "mathformulas.h"

#include "formulatext.h"
#include "numbertext.h"
#include "scenemodel.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace {

// ---- a small typesetter on Qt's rich text ------------------------------------------------------
//
// Qt's rich text has tables but no inline blocks: a fraction or a brace is a table, and a table
// always starts a new line. So an expression that holds one becomes a one-row table whose cells
// hold the runs of text and the blocks side by side, each centred vertically, which puts a
// fraction bar level with the "=" beside it.

/** A piece of a formula: inline rich text, or a block (a table) that needs a cell of its own. */
struct Expr
{
    QString html;
    bool block = false;
    double height = 1.0; ///< in lines of text, to size braces
};

Expr text(const QString &html)
{
    return { html, false, 1.0 };
}

/** Spaces at the ends of a table cell would be dropped: they become non-breaking. */
QString keepEdgeSpaces(QString html)
{
    static const QString nbsp = QStringLiteral("&nbsp;");
    int lead = 0;
    while (lead < html.size() && html.at(lead) == QLatin1Char(' '))
        ++lead;
    int trail = 0;
    while (trail < html.size() - lead && html.at(html.size() - 1 - trail) == QLatin1Char(' '))
        ++trail;
    html = html.mid(lead, html.size() - lead - trail);
    return nbsp.repeated(lead) + html + nbsp.repeated(trail);
}

QString cell(const QString &html)
{
    return QStringLiteral("<td valign=\"middle\">") + html + QStringLiteral("</td>");
}

const QString &tableStart()
{
    static const QString start = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">");
    return start;
}

/** Parts side by side. */
Expr seq(const QList<Expr> &parts)
{
    Expr result;
    result.height = 0;
    for (const Expr &p : parts) {
        result.block = result.block || p.block;
        result.height = std::max(result.height, p.height);
    }
    if (!result.block) {
        for (const Expr &p : parts)
            result.html += p.html;
        return result;
    }
    QString cells;
    QString run;
    for (const Expr &p : parts) {
        if (p.block) {
            if (!run.isEmpty())
                cells += cell(keepEdgeSpaces(run));
            run.clear();
            cells += cell(p.html);
        } else {
            run += p.html;
        }
    }
    if (!run.isEmpty())
        cells += cell(keepEdgeSpaces(run));
    result.html = tableStart() + QStringLiteral("<tr>") + cells + QStringLiteral("</tr></table>");
    return result;
}

Expr seq(std::initializer_list<Expr> parts)
{
    return seq(QList<Expr>(parts));
}

/** A stacked fraction: the numerator's cell carries the bar as its bottom border. */
Expr frac(const Expr &numerator, const Expr &denominator)
{
    Expr e;
    e.block = true;
    e.height = numerator.height + denominator.height + 0.1;
    e.html = tableStart()
        + QStringLiteral("<tr><td align=\"center\" style=\"border-bottom: 1px solid; "
                         "padding: 0px 3px 1px 3px\">")
        + numerator.html
        + QStringLiteral("</td></tr><tr><td align=\"center\" style=\"padding: 1px 3px 0px 3px\">")
        + denominator.html + QStringLiteral("</td></tr></table>");
    return e;
}

/**
 * A brace of n lines built from U+23A7…U+23AA, which join into one stroke when the lines touch.
 * DejaVu Sans has them and ships with fonts-dejavu-core; a proportional line height below 100 %
 * lets the pieces overlap so that the brace can match the height of what it encloses.
 */
QString brace(double height)
{
    const double target = height + 0.15;
    int lines = std::max(3, int(std::ceil(target - 1e-9)));
    if (lines % 2 == 0)
        ++lines;
    const int lineHeight = std::clamp(int(std::lround(100.0 * target / lines)), 60, 100);
    const int extenders = (lines - 3) / 2;
    QStringList pieces;
    pieces << QStringLiteral("\u23A7");
    for (int i = 0; i < extenders; ++i)
        pieces << QStringLiteral("\u23AA");
    pieces << QStringLiteral("\u23A8");
    for (int i = 0; i < extenders; ++i)
        pieces << QStringLiteral("\u23AA");
    pieces << QStringLiteral("\u23A9");
    return QStringLiteral("<p style=\"font-family: 'DejaVu Sans'; font-style: normal; "
                          "margin: 0px; line-height: %1%; -qt-line-height-type: proportional\">")
               .arg(lineHeight)
        + pieces.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
}

/** One line of a piecewise definition: the value and its condition, e.g. "if x > 0". */
struct Case
{
    Expr value;
    Expr condition;
};

/** A piecewise definition: a left brace, then values and conditions in aligned columns. */
Expr cases(const QList<Case> &rows)
{
    QString body;
    double height = 0;
    for (const Case &c : rows) {
        // Non-breaking spaces before the condition (a cell drops leading spaces): a gap that
        // scales with the font.
        body += QStringLiteral("<tr><td valign=\"middle\">") + c.value.html
            + QStringLiteral("</td><td valign=\"middle\">&nbsp;&nbsp;&nbsp;&nbsp;")
            + c.condition.html + QStringLiteral("</td></tr>");
        height += std::max(c.value.height, c.condition.height);
    }
    Expr e;
    e.block = true;
    e.height = height;
    e.html = tableStart()
        + QStringLiteral("<tr><td valign=\"middle\" style=\"padding-right: 4px\">") + brace(height)
        + QStringLiteral("</td><td valign=\"middle\">") + tableStart() + body
        + QStringLiteral("</table></td></tr></table>");
    return e;
}

// ---- symbols -----------------------------------------------------------------------------------

QString i(const QString &name)
{
    return QStringLiteral("<i>") + name + QStringLiteral("</i>");
}

QString i(const char *name)
{
    return i(QString::fromUtf8(name));
}

QString unbroken(const QString &html);

QString sup(const QString &html)
{
    return QStringLiteral("<sup>") + unbroken(html) + QStringLiteral("</sup>");
}

const QString X = QStringLiteral("<i>x</i>");
const QString Minus = QStringLiteral("\u2212");
const QString Dot = QStringLiteral(" \u00B7 ");
const QString Thin = QStringLiteral("\u2009"); // between factors, as in x σ(x)
const QString Sigma = QStringLiteral("<i>\u03C3</i>");

/** e to a power, e.g. ePower(QStringLiteral("−") + X). */
QString ePower(const QString &power)
{
    return i("e") + sup(power);
}

QString sigmaOf(const QString &arg)
{
    return Sigma + QLatin1Char('(') + arg + QLatin1Char(')');
}

QString lhs(const char *name, bool prime)
{
    return i(name) + (prime ? QStringLiteral("\u2032") : QString()) + QStringLiteral("(") + X
        + QStringLiteral(")");
}

Expr ifCase(const QString &condition)
{
    return text(MathFormulas::tr("if %1").arg(condition));
}

Expr otherwise()
{
    return text(MathFormulas::tr("otherwise"));
}

bool isTanhGelu(const QString &id, const ParameterValues &p)
{
    return id == QLatin1String("gelu") && p[0] == 1.0;
}

// ---- the catalogue's formulas, typeset from their markup (formulatext.h) ----------------------

Expr render(const FormulaText::Formula &formula);

Expr renderNode(const FormulaText::Node &n)
{
    using FormulaText::NodeKind;
    switch (n.kind) {
    case NodeKind::Text:
        return text(n.text.toHtmlEscaped());
    case NodeKind::Variable:
    case NodeKind::Parameter:
        return text(i(n.text.toHtmlEscaped()));
    case NodeKind::Superscript:
        return text(sup(render(n.parts[0]).html));
    case NodeKind::Subscript:
        return text(QStringLiteral("<sub>") + unbroken(render(n.parts[0]).html)
                    + QStringLiteral("</sub>"));
    case NodeKind::Fraction:
        return frac(render(n.parts[0]), render(n.parts[1]));
    case NodeKind::Cases: {
        QList<Case> rows;
        for (size_t r = 0; r + 1 < n.parts.size(); r += 2) {
            const FormulaText::Formula &condition = n.parts[r + 1];
            rows << Case { render(n.parts[r]),
                           FormulaText::isOtherwise(condition) ? otherwise()
                                                               : ifCase(render(condition).html) };
        }
        return cases(rows);
    }
    case NodeKind::Otherwise:
        return otherwise();
    case NodeKind::Undefined:
        return text(MathFormulas::tr("undefined"));
    case NodeKind::Dot:
        return text(Dot);
    case NodeKind::Product:
        return text(Thin);
    }
    return {};
}

Expr render(const FormulaText::Formula &formula)
{
    QList<Expr> parts;
    for (const FormulaText::Node &n : formula)
        parts << renderNode(n);
    // A lone fraction or brace as it is: seq() would wrap it in a table of one cell.
    return parts.size() == 1 ? parts.first() : seq(parts);
}

/**
 * The right-hand side of f(x) = …, or of f′(x) = … when derivative is true, from the catalogue's
 * markup for these parameter values; empty for a typed expression, which has none.
 */
Expr rhs(const ActivationSpec &spec, const ParameterValues &p, bool derivative)
{
    const QString markup = spec.formulaMarkup(p, derivative);
    if (markup.isEmpty())
        return {};
    const FormulaText::Parsed parsed = FormulaText::parse(markup);
    if (!parsed.ok()) // tst_formulatext keeps the catalogue free of these
        return {};
    return render(parsed.formula);
}

QString equation(const QString &left, const Expr &right)
{
    if (right.html.isEmpty())
        return {};
    return seq({ text(left + QStringLiteral(" = ")), right }).html;
}

/**
 * Inline mathematics inside wrapped prose: a line may break between words, but not inside
 * "f′(0) = 0" or after the "/" of "1/(1 + e^−x)".
 */
QString unbroken(const QString &html)
{
    QString out;
    out.reserve(html.size() + 16);
    bool inTag = false;
    for (const QChar ch : html) {
        if (ch == QLatin1Char('<'))
            inTag = true;
        if (!inTag && ch == QLatin1Char(' ')) {
            out += QStringLiteral("&nbsp;");
            continue;
        }
        out += ch;
        if (ch == QLatin1Char('>'))
            inTag = false;
        else if (!inTag && ch == QLatin1Char('/'))
            out += QChar(0x2060); // word joiner
    }
    return out;
}

QString sigmaLegend()
{
    return MathFormulas::tr("where %1 is the logistic sigmoid")
        .arg(unbroken(sigmaOf(X) + QStringLiteral(" = 1/(1 + ") + ePower(Minus + X)
                      + QLatin1Char(')')));
}

QString logLegend()
{
    return MathFormulas::tr("log is the natural logarithm");
}

QString legend(const QString &id, const ParameterValues &p)
{
    QStringList parts;
    if (id == QLatin1String("silu") || id == QLatin1String("softplus")
        || id == QLatin1String("logsigmoid"))
        parts << sigmaLegend();
    if (id == QLatin1String("softplus") || id == QLatin1String("logsigmoid"))
        parts << logLegend();
    if (id == QLatin1String("mish")) {
        parts << MathFormulas::tr("where %1, sech = 1/cosh and %2")
                     .arg(unbroken(i("s") + QStringLiteral(" = softplus(") + X
                                   + QStringLiteral(") = log(1 + ") + ePower(X) + QLatin1Char(')')),
                          unbroken(sigmaOf(X) + QStringLiteral(" = 1/(1 + ") + ePower(Minus + X)
                                   + QLatin1Char(')')));
        parts << logLegend();
    }
    if (id == QLatin1String("gelu")) {
        if (isTanhGelu(id, p)) {
            const QString root = QStringLiteral("\u221A(2/\u03C0)");
            parts << MathFormulas::tr("where %1 and %2 (PyTorch's approximate='tanh')")
                         .arg(unbroken(i("u") + QStringLiteral(" = ") + root + QStringLiteral(" (")
                                       + X + QStringLiteral(" + 0.044715 ") + X
                                       + sup(QStringLiteral("3")) + QLatin1Char(')')),
                              unbroken(i("u") + QStringLiteral("\u2032 = ") + root
                                       + QStringLiteral(" (1 + 0.134145 ") + X
                                       + sup(QStringLiteral("2")) + QLatin1Char(')')));
        } else {
            parts << MathFormulas::tr("where %1 is the standard normal distribution function and "
                                      "%2 its density")
                         .arg(unbroken(QStringLiteral("\u03A6(") + X
                                       + QStringLiteral(") = \u00BD (1 + erf(") + X
                                       + QStringLiteral("/\u221A2))")),
                              unbroken(QStringLiteral("<i>\u03C6</i>(") + X + QStringLiteral(") = ")
                                       + ePower(Minus + X + QStringLiteral("\u00B2/2"))
                                       + QStringLiteral("/\u221A(2\u03C0)")));
        }
    }
    if (id == QLatin1String("selu"))
        parts << MathFormulas::tr("where %1 and %2 are fixed constants")
                     .arg(unbroken(i("alpha") + QStringLiteral(" \u2248 1.67326")),
                          unbroken(i("scale") + QStringLiteral(" \u2248 1.05070")));
    if (id == QLatin1String("rrelu"))
        parts << MathFormulas::tr(
                     "in evaluation (training=False) the negative slope is the mean of "
                     "%1 and %2")
                     .arg(unbroken(i("lower")), unbroken(i("upper")));
    return parts.join(QStringLiteral("; "));
}

QString kink(const QString &id)
{
    const QString fp = i("f") + QStringLiteral("\u2032");
    const auto at
        = [&fp](const QString &x) { return fp + QLatin1Char('(') + x + QLatin1Char(')'); };
    const QString minus3 = Minus + QLatin1Char('3');

    if (id == QLatin1String("step"))
        return MathFormulas::tr("%1 jumps from 0 to 1 at %2, so %3 does not exist there (data "
                                "exports write nan).")
            .arg(unbroken(i("f")), unbroken(X + QStringLiteral(" = 0")),
                 unbroken(at(QStringLiteral("0"))));
    if (id == QLatin1String("relu"))
        return MathFormulas::tr("%1 in PyTorch.")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = 0")));
    if (id == QLatin1String("relu6"))
        return MathFormulas::tr("%1 and %2 in PyTorch.")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = 0")),
                 unbroken(at(QStringLiteral("6")) + QStringLiteral(" = 0")));
    if (id == QLatin1String("leaky_relu"))
        return MathFormulas::tr("%1 in PyTorch (the branch for %2).")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = ") + i("negative_slope")),
                 unbroken(X + QStringLiteral(" \u2264 0")));
    if (id == QLatin1String("prelu"))
        return MathFormulas::tr("%1 in PyTorch (the branch for %2).")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = ") + i("weight")),
                 unbroken(X + QStringLiteral(" \u2264 0")));
    if (id == QLatin1String("rrelu"))
        return MathFormulas::tr("%1 in PyTorch (the branch for %2).")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = (") + i("lower")
                          + QStringLiteral(" + ") + i("upper") + QStringLiteral(")/2")),
                 unbroken(X + QStringLiteral(" \u2264 0")));
    if (id == QLatin1String("elu"))
        return MathFormulas::tr("%1 in PyTorch (the branch for %2).")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = ") + i("alpha")),
                 unbroken(X + QStringLiteral(" \u2264 0")));
    if (id == QLatin1String("celu"))
        return MathFormulas::tr(
                   "%1 in PyTorch: both branches have slope 1 there, so %2 is continuous.")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = 1")), unbroken(fp));
    if (id == QLatin1String("selu"))
        return MathFormulas::tr("%1 in PyTorch (the branch for %2).")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = ") + i("scale") + Dot
                          + i("alpha") + QStringLiteral(" \u2248 1.7581")),
                 unbroken(X + QStringLiteral(" \u2264 0")));
    if (id == QLatin1String("softplus"))
        return MathFormulas::tr("At %1 PyTorch switches to %2: %3 only where %4 (strictly).")
            .arg(unbroken(i("beta") + Dot + X + QStringLiteral(" = ") + i("threshold")),
                 unbroken(X), unbroken(fp + QStringLiteral(" = 1")),
                 unbroken(i("beta") + Dot + X + QStringLiteral(" &gt; ") + i("threshold")));
    if (id == QLatin1String("softsign"))
        return MathFormulas::tr("%1: %2 is continuous at 0, only %3 jumps there.")
            .arg(unbroken(at(QStringLiteral("0")) + QStringLiteral(" = 1")), unbroken(fp),
                 unbroken(i("f") + QStringLiteral("\u2033")));
    if (id == QLatin1String("hardtanh"))
        return MathFormulas::tr("%1 in PyTorch.")
            .arg(unbroken(at(i("min_val")) + QStringLiteral(" = ") + at(i("max_val"))
                          + QStringLiteral(" = 0")));
    if (id == QLatin1String("hardsigmoid"))
        return MathFormulas::tr("%1 in PyTorch.")
            .arg(unbroken(at(minus3) + QStringLiteral(" = ") + at(QStringLiteral("3"))
                          + QStringLiteral(" = 0")));
    if (id == QLatin1String("hardswish"))
        return MathFormulas::tr(
                   "%1 and %2 in PyTorch: the middle branch holds on the closed interval "
                   "[%3, 3]. PyTorch has debated this (PR #148049 proposes 0 and 1); "
                   "the explorer follows PyTorch 1.13.")
            .arg(unbroken(at(minus3) + QStringLiteral(" = ") + Minus + QStringLiteral("0.5")),
                 unbroken(at(QStringLiteral("3")) + QStringLiteral(" = 1.5")), unbroken(minus3));
    if (id == QLatin1String("softshrink"))
        return MathFormulas::tr("%1 in PyTorch.")
            .arg(unbroken(at(QStringLiteral("\u00B1") + i("lambd")) + QStringLiteral(" = 0")));
    if (id == QLatin1String("hardshrink"))
        return MathFormulas::tr("%1 jumps at %2; %3 in PyTorch.")
            .arg(unbroken(i("f")), unbroken(X + QStringLiteral(" = \u00B1") + i("lambd")),
                 unbroken(at(QStringLiteral("\u00B1") + i("lambd")) + QStringLiteral(" = 0")));
    if (id == QLatin1String("threshold"))
        return MathFormulas::tr("%1 jumps at %2; %3 in PyTorch.")
            .arg(unbroken(i("f")), unbroken(X + QStringLiteral(" = ") + i("threshold")),
                 unbroken(at(i("threshold")) + QStringLiteral(" = 0")));
    return {};
}

/** "2x", "−x", "0.5x" for the argument a·x. */
QString scaledX(double a)
{
    if (a == 1.0)
        return X;
    if (a == -1.0)
        return Minus + X;
    return MathFormulas::number(a) + X;
}

/** A coefficient in front of a symbol: "", "−", "2 ". */
QString coefficient(double c)
{
    if (c == 1.0)
        return {};
    if (c == -1.0)
        return Minus;
    return MathFormulas::number(c) + Thin;
}

QString shift(double d)
{
    if (d > 0)
        return QStringLiteral(" + ") + MathFormulas::number(d);
    if (d < 0)
        return QLatin1Char(' ') + Minus + QLatin1Char(' ') + MathFormulas::number(-d);
    return {};
}

QString parenthesised(double v)
{
    return v < 0 ? QLatin1Char('(') + MathFormulas::number(v) + QLatin1Char(')')
                 : MathFormulas::number(v);
}

/** The map's rows: g(x) = c·f(a·x) + d and g′(x) = c·a·f′(a·x), with the row's numbers. */
QList<QPair<QString, QString>> mapRows(const FunctionInstance &fn)
{
    const AffineMap &m = fn.map;
    const double a = m.inputScale;
    const double c = m.outputScale;
    const double d = m.outputShift;
    const QString arg = QLatin1Char('(') + scaledX(a) + QLatin1Char(')');
    const QString f = i("f");
    const QString fp = i("f") + QStringLiteral("\u2032");

    QString g;
    QString gp;
    if (c == 0.0) {
        g = MathFormulas::number(d);
        gp = QStringLiteral("0");
    } else {
        g = coefficient(c) + f + arg + shift(d);
        // sigmoid and tanh also read with their own names, as in tanh(x) = 2σ(2x) − 1.
        const QString id = fn.spec->id;
        if (id == QLatin1String("sigmoid"))
            g += QStringLiteral(" = ") + coefficient(c) + Sigma + arg + shift(d);
        else if (id == QLatin1String("tanh"))
            g += QStringLiteral(" = ") + coefficient(c) + QStringLiteral("tanh") + arg + shift(d);
        gp = coefficient(c * a) + fp + arg;
        if (c != 1.0 && a != 1.0)
            gp = MathFormulas::number(c) + Dot + parenthesised(a) + Thin + fp + arg
                + QStringLiteral(" = ") + gp;
    }
    return { { i("g") + QStringLiteral("(") + X + QStringLiteral(")"), g },
             { i("g") + QStringLiteral("\u2032(") + X + QStringLiteral(")"), gp } };
}

QString mapLegend(const FunctionInstance &fn)
{
    const AffineMap &m = fn.map;
    const QString a = i("a");
    const QString c = i("c");
    const QString d = i("d");
    const QString general = i("g") + QStringLiteral("(") + X + QStringLiteral(") = ") + c + Thin
        + i("f") + QLatin1Char('(') + a + X + QStringLiteral(") + ") + d;
    const QString chain = i("g") + QStringLiteral("\u2032(") + X + QStringLiteral(") = ") + c + Thin
        + a + Thin + i("f") + QStringLiteral("\u2032(") + a + X + QLatin1Char(')');
    const QString values = QStringLiteral("%1 = %2, %3 = %4, %5 = %6")
                               .arg(unbroken(a), unbroken(MathFormulas::number(m.inputScale)),
                                    unbroken(c), unbroken(MathFormulas::number(m.outputScale)),
                                    unbroken(d), unbroken(MathFormulas::number(m.outputShift)));
    return MathFormulas::tr("%1 with %2; by the chain rule %3")
        .arg(unbroken(general), unbroken(values), unbroken(chain));
}

/** Rows "left = right" with the "=" signs aligned, as in a typeset derivation. */
QString alignedRows(const QList<QPair<QString, Expr>> &rows)
{
    // The gap between rows is an empty line in a smaller font rather than padding in pixels, so
    // that it grows with the font (presentation mode) and braces of adjacent rows never touch.
    static const QString gap = QStringLiteral(
        "<tr><td colspan=\"3\" style=\"font-size: small\"><span style=\"font-size: small\">"
        "&nbsp;</span></td></tr>");
    QString body;
    for (const auto &row : rows) {
        if (!body.isEmpty())
            body += gap;
        body += QStringLiteral("<tr><td align=\"right\" valign=\"middle\">")
            + keepEdgeSpaces(row.first)
            + QStringLiteral("</td><td valign=\"middle\">&nbsp;=&nbsp;</td><td valign=\"middle\">")
            + row.second.html + QStringLiteral("</td></tr>");
    }
    return tableStart() + body + QStringLiteral("</table>");
}

/**
 * Where the explorer's exact value and PyTorch 1.13's float64 autograd differ on purpose: PyTorch
 * rounds a constant to float32 inside a backward formula; empty where they agree.
 */
QString deviation(const QString &id, const ParameterValues &p)
{
    const QString fp = i("f") + QStringLiteral("\u2032");
    if (id == QLatin1String("hardsigmoid"))
        return MathFormulas::tr("%1 exactly on (%2, 3). PyTorch 1.13's backward multiplies by "
                                "the float32 constant 0.16666667163…; the explorer keeps 1/6.")
            .arg(unbroken(fp + QStringLiteral(" = 1/6")), Minus + QLatin1Char('3'));
    if (id == QLatin1String("celu")) {
        // derivatives.yaml: elu_backward(…, 1.0/alpha.toFloat(), …): a float32 alpha is exact.
        const double alpha = p[0];
        const double rounded = double(float(alpha));
        if (rounded == alpha)
            return {};
        const double perUnitX = std::abs(1.0 / rounded - 1.0 / alpha);
        return MathFormulas::tr("%1 exactly. PyTorch 1.13's backward divides by %2 rounded to "
                                "float32 (%3), so its %4 is off by about |%5|·%6 relative for "
                                "%7; the explorer keeps the exact value.")
            .arg(unbroken(fp + QStringLiteral(" = e<sup>") + X + QStringLiteral("/") + i("alpha")
                          + QStringLiteral("</sup>")),
                 i("alpha"), QString::number(rounded, 'g', 9), fp, X,
                 MathFormulas::number(perUnitX, 2),
                 unbroken(X + QStringLiteral(" \u2264 0")));
    }
    return {};
}

QString paragraph(const QString &html)
{
    return QStringLiteral("<p style=\"margin-top: 0px; margin-bottom: 6px\">") + html
        + QStringLiteral("</p>");
}

} // namespace

QString MathFormulas::functionHtml(const QString &id)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    return spec ? functionHtml(*spec, spec->defaults()) : QString();
}

QString MathFormulas::derivativeHtml(const QString &id)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    return spec ? derivativeHtml(*spec, spec->defaults()) : QString();
}

QString MathFormulas::functionHtml(const ActivationSpec &spec, const ParameterValues &parameters)
{
    // Expressions of one's own have no typeset form: their formula as written.
    Expr right = rhs(spec, parameters, false);
    if (right.html.isEmpty())
        right = text(spec.formula.toHtmlEscaped());
    return equation(lhs("f", false), right);
}

QString MathFormulas::derivativeHtml(const ActivationSpec &spec, const ParameterValues &parameters)
{
    Expr right = rhs(spec, parameters, true);
    if (right.html.isEmpty())
        right = text(spec.derivativeFormula.toHtmlEscaped());
    return equation(lhs("f", true), right);
}

QString MathFormulas::legendHtml(const QString &id)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    return spec ? legend(id, spec->defaults()) : QString();
}

QString MathFormulas::kinkNote(const QString &id)
{
    return kink(id);
}

QString MathFormulas::parametersHtml(const ActivationSpec &spec, const ParameterValues &parameters)
{
    QStringList parts;
    for (int k = 0; k < spec.parameters.size() && k < MaxParameters; ++k) {
        const ParameterSpec &s = spec.parameters[k];
        const int choice = int(parameters[k]);
        const QString value
            = s.domain == ParameterDomain::Choice && choice >= 0 && choice < s.choices.size()
            ? QLatin1Char('\'') + s.choices[choice] + QLatin1Char('\'')
            : number(parameters[k]);
        parts << i(s.name) + QStringLiteral(" = ") + value;
    }
    if (parts.isEmpty())
        return {};
    return tr("Parameters: %1").arg(parts.join(QStringLiteral(", ")));
}

QString MathFormulas::mapHtml(const FunctionInstance &function)
{
    if (!function.spec || function.map.isIdentity())
        return {};
    QList<QPair<QString, Expr>> rows;
    for (const auto &row : mapRows(function))
        rows << qMakePair(row.first, text(row.second));
    return alignedRows(rows);
}

QString MathFormulas::equationsHtml(const FunctionInstance &function)
{
    if (!function.spec)
        return {};
    const ActivationSpec &spec = *function.spec;
    // Expressions of one's own have no typeset form: their formula as written.
    const auto side = [&](bool derivative) {
        const Expr typeset = rhs(spec, function.parameters, derivative);
        return typeset.html.isEmpty()
            ? text((derivative ? spec.derivativeFormula : spec.formula).toHtmlEscaped())
            : typeset;
    };
    QList<QPair<QString, Expr>> rows = {
        { lhs("f", false), side(false) },
        { lhs("f", true), side(true) },
    };
    if (!function.map.isIdentity()) {
        for (const auto &row : mapRows(function))
            rows << qMakePair(row.first, text(row.second));
    }
    return alignedRows(rows);
}

QString MathFormulas::notesHtml(const FunctionInstance &function)
{
    if (!function.spec)
        return {};
    const ActivationSpec &spec = *function.spec;
    QStringList notes;
    const QString legendText = legend(spec.id, function.parameters);
    if (!legendText.isEmpty())
        notes << legendText;
    if (!function.map.isIdentity())
        notes << mapLegend(function);
    const QString params = parametersHtml(spec, function.parameters);
    if (!params.isEmpty())
        notes << params;
    const QString kinkText = kink(spec.id);
    if (!kinkText.isEmpty())
        notes << kinkText;
    const QString deviationText = deviation(spec.id, function.parameters);
    if (!deviationText.isEmpty())
        notes << deviationText;
    QString html;
    for (const QString &note : std::as_const(notes))
        html += paragraph(note);
    return html;
}

QString MathFormulas::instanceHtml(const FunctionInstance &function)
{
    return equationsHtml(function) + notesHtml(function);
}

QString MathFormulas::number(double value, int significantDigits)
{
    return NumberText::display(value, significantDigits);
}
