#pragma once

#include "activationcatalogue.h"
#include "formulatext.h"

#include <cmath>
#include <limits>

/**
 * The pieces both catalogues (ActivationCatalogue, LossCatalogue) build their entries from: the
 * NaN guard around a closed-form evaluator, its scalar batch loop, parameter specs and the spec
 * itself. Internal to the model library.
 */
namespace CatalogueEntries {

using EvaluateFn = Derivatives (*)(double, const double *);
using BatchFn = void (*)(const double *, const double *, double *, double *, qsizetype);

/** F at x, but NaN in gives NaN out for f, f′ and f″. */
template<EvaluateFn F>
Derivatives guarded(double x, const double *p)
{
    if (std::isnan(x)) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};
    }
    return F(x, p);
}

/** f and f′ over n points, one guarded<F> call each. */
template<EvaluateFn F>
void batch(const double *p, const double *x, double *f, double *d1, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i) {
        const Derivatives d = guarded<F>(x[i], p);
        f[i] = d.f;
        d1[i] = d.d1;
    }
}

/** A real parameter with its domain and slider range. */
inline ParameterSpec real(const char *name, double def, ParameterDomain domain, double lo,
                          double hi, const char *description)
{
    ParameterSpec s;
    s.name = QString::fromLatin1(name);
    s.defaultValue = def;
    s.domain = domain;
    s.sliderMin = lo;
    s.sliderMax = hi;
    s.description = QString::fromUtf8(description);
    return s;
}

/** A Choice parameter: the value is the index of one of words. */
inline ParameterSpec choice(const char *name, int def, QStringList words, const char *description)
{
    ParameterSpec s;
    s.name = QString::fromLatin1(name);
    s.defaultValue = def;
    s.domain = ParameterDomain::Choice;
    s.sliderMin = 0;
    s.sliderMax = words.size() - 1;
    s.choices = std::move(words);
    s.description = QString::fromUtf8(description);
    return s;
}

/** The texts of a spec, UTF-8 literals as the tables write them. */
struct Texts
{
    const char *id;
    const char *displayName;
    const char *torchName;
    const char *formula;    ///< f in the markup of formulatext.h
    const char *derivative; ///< f′ in that markup
    const char *note;
};

/** formula and derivativeFormula rendered from the markup that applies to the defaults. */
inline void derivePlainFormulas(ActivationSpec &s)
{
    const ParameterValues p = s.defaults();
    s.formula = FormulaText::plainText(s.formulaMarkup(p, false));
    s.derivativeFormula = FormulaText::plainText(s.formulaMarkup(p, true));
}

/** s with other markup for f and f′ where parameter number `parameter` has `value`. */
inline ActivationSpec withVariant(ActivationSpec s, int parameter, double value, const char *formula,
                                  const char *derivative)
{
    s.formulas.prepend({parameter, value, QString::fromUtf8(formula), QString::fromUtf8(derivative)});
    derivePlainFormulas(s);
    return s;
}

/** A catalogue spec evaluated by guarded<F>, in bulk by B. */
template<EvaluateFn F, BatchFn B = &batch<F>>
ActivationSpec entry(FunctionKind kind, const Texts &t, Interval range,
                     QList<ParameterSpec> parameters, QList<double> (*kinks)(const double *),
                     QList<Interval> (*flat)(const double *),
                     QString (*crossCheck)(const double *) = nullptr)
{
    ActivationSpec s;
    s.kind = kind;
    s.id = QString::fromLatin1(t.id);
    s.displayName = QString::fromUtf8(t.displayName);
    s.torchName = QString::fromUtf8(t.torchName);
    s.formulas = {{-1, 0.0, QString::fromUtf8(t.formula), QString::fromUtf8(t.derivative)}};
    s.gradientNote = QString::fromUtf8(t.note);
    s.parameters = std::move(parameters);
    derivePlainFormulas(s);
    s.defaultRange = range;
    s.evaluate = &guarded<F>;
    s.evaluateBatch = B;
    s.kinks = kinks;
    s.flatRegions = flat;
    if (crossCheck)
        s.crossCheck = crossCheck;
    return s;
}

/** The spec with this id in list, or nullptr. */
inline const ActivationSpec *findIn(const QList<ActivationSpec> &list, QStringView id)
{
    for (const ActivationSpec &s : list) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

/** The ids of list, comma-separated, for error messages. */
inline QString idsOf(const QList<ActivationSpec> &list)
{
    QStringList ids;
    for (const ActivationSpec &s : list)
        ids << s.id;
    return ids.join(QLatin1String(", "));
}

} // namespace CatalogueEntries
