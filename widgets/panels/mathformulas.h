#pragma once

#include "activationcatalogue.h"

#include <QCoreApplication>
#include <QString>

struct FunctionInstance;

/**
 * The catalogue's formulas as rich text that reads like typeset mathematics, in the subset of HTML
 * that QLabel and QTextDocument render: italic variables with PyTorch's parameter names, upright
 * function names, superscripts, stacked fractions and brace-style piecewise definitions built from
 * nested tables (Qt's rich text has no MathML). f and f′ are typeset from the catalogue's own markup
 * (ActivationSpec::formulas, notation in formulatext.h), the same source as the plain text of
 * ActivationSpec::formula; the legends, kink notes and map rows are written here.
 *
 * Sizes are relative to the font of the widget that shows the text, so the formulas scale with it.
 * Every word goes through tr() in the "MathFormulas" context.
 */
class MathFormulas
{
    Q_DECLARE_TR_FUNCTIONS(MathFormulas)

public:
    /** "f(x) = …" for a catalogue id with PyTorch's defaults; empty for an unknown id. */
    static QString functionHtml(const QString &id);
    /** "f′(x) = …" for a catalogue id with PyTorch's defaults; empty for an unknown id. */
    static QString derivativeHtml(const QString &id);
    /** f for given parameter values (gelu's approximate picks the exact or the tanh form). */
    static QString functionHtml(const ActivationSpec &spec, const ParameterValues &parameters);
    /** f′ for given parameter values. */
    static QString derivativeHtml(const ActivationSpec &spec, const ParameterValues &parameters);
    /** What the symbols mean, e.g. "where σ(x) = 1/(1 + e^−x) …"; empty when nothing needs it. */
    static QString legendHtml(const QString &id);
    /** PyTorch's f′ at each kink in words, e.g. "f′(0) = 0 in PyTorch."; empty for smooth f. */
    static QString kinkNote(const QString &id);
    /** The parameter values in use, e.g. "negative_slope = 0.2"; empty without parameters. */
    static QString parametersHtml(const ActivationSpec &spec, const ParameterValues &parameters);
    /** For a map c·f(a·x) + d: g(x) and g′(x) by the chain rule; empty for the identity map. */
    static QString mapHtml(const FunctionInstance &function);
    /** One scene row's f, f′ (and under a map g, g′) as rows with their "=" signs aligned. */
    static QString equationsHtml(const FunctionInstance &function);
    /** One scene row's notes as paragraphs: legend, the map's chain rule, parameters, kinks. */
    static QString notesHtml(const FunctionInstance &function);
    /** Everything for one scene row: equationsHtml() followed by notesHtml(). */
    static QString instanceHtml(const FunctionInstance &function);

    /** A number as the formulas print it: up to 6 significant digits and a real minus sign. */
    static QString number(double value, int significantDigits = 6);
};
