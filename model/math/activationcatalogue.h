#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>

/** f, f′ and f″ of an activation at one x, in float64. */
struct Derivatives
{
    double f = 0.0;
    double d1 = 0.0;
    double d2 = 0.0;

    /** The component for a derivative order: 0 → f, 1 → f′, 2 → f″. */
    double order(int n) const { return n == 0 ? f : (n == 1 ? d1 : d2); }
};

/** A closed interval [from, to] on the x axis. */
struct Interval
{
    double from = 0.0;
    double to = 0.0;
    double length() const { return to - from; }
    bool operator==(const Interval &o) const { return from == o.from && to == o.to; }
};

/** Where a parameter's value may lie. */
enum class ParameterDomain {
    Finite,      ///< any finite number
    Positive,    ///< > 0 and finite
    NonNegative, ///< ≥ 0 and finite
    NonZero,     ///< ≠ 0 and finite
    Choice,      ///< one of ParameterSpec::choices; the value is the index
};

/** One parameter of an activation, with PyTorch's name and default. */
struct ParameterSpec
{
    QString name;              ///< PyTorch's argument name, e.g. "negative_slope"
    double defaultValue = 0.0; ///< PyTorch's default (the index for a Choice)
    ParameterDomain domain = ParameterDomain::Finite;
    double sliderMin = 0.0;    ///< a sensible slider range inside the domain
    double sliderMax = 1.0;
    QStringList choices;       ///< the words of a Choice parameter, e.g. {"none", "tanh"}
    QString description;       ///< one line for a tooltip, in English

    /** description in the current language (context "ActivationCatalogue"). */
    QString translatedDescription() const;

    /** The domain in words, e.g. "> 0" or "'none' or 'tanh'". */
    QString domainText() const;
    /** Empty when value lies in this parameter's own domain, else a message naming the domain. */
    QString check(double value) const;
};

/**
 * At most this many parameters per function: activations have at most two (softplus, hardtanh,
 * rrelu, threshold); losses (the target, the other logits of a softmax) and custom expressions
 * (named letters) need more.
 */
constexpr int MaxParameters = 8;
using ParameterValues = std::array<double, MaxParameters>;

/** What a spec describes: a catalogue activation, a loss of one element, or a typed expression. */
enum class FunctionKind {
    Activation, ///< ActivationCatalogue::all()
    Loss,       ///< LossCatalogue::all(): plotted against the input (prediction or logit)
    Custom,     ///< CustomFunctions: an expression in x, id "expr:<expression>"
};

/**
 * f and f′ of a catalogue entry in the markup of formulatext.h, e.g. "\frac{1}{1 + e^{-x}}", for
 * the parameter values where it applies: when parameter ≥ 0, only where that parameter has value
 * (gelu's approximate = 'tanh' is {0, 1, …}); parameter −1 applies always.
 */
struct FormulaVariant
{
    int parameter = -1;
    double value = 0.0;
    QString function;
    QString derivative;
};

/**
 * One function that can be plotted: PyTorch's definition plus what a person needs to see.
 * Activations come from ActivationCatalogue, losses from LossCatalogue, typed expressions from
 * CustomFunctions; all of them are found by id through ActivationCatalogue::find().
 */
struct ActivationSpec
{
    FunctionKind kind = FunctionKind::Activation;
    QString id;                 ///< PyTorch's identifier, e.g. "leaky_relu"
    QString displayName;        ///< e.g. "Leaky ReLU"
    QString torchName;          ///< e.g. "F.leaky_relu", or "—"
    /** f in Unicode, e.g. "max(0, x) = x if x > 0, else 0": formulas rendered for the defaults. */
    QString formula;
    QString derivativeFormula;  ///< f′ in Unicode, likewise
    /**
     * The catalogue's f and f′ as markup (formulatext.h), the one source of formula and
     * derivativeFormula and of the formula panel's typeset form: the first variant that applies
     * to the parameter values wins. Empty for typed expressions.
     */
    QList<FormulaVariant> formulas;
    QString gradientNote;       ///< one line on where the gradient vanishes or saturates, in English
    QList<ParameterSpec> parameters;
    /** The x range a plot of this function starts on (losses of probabilities: [0, 1]). */
    Interval defaultRange{-6.0, 6.0};

    /** f, f′, f″ at x for parameter values p (p has MaxParameters entries). */
    std::function<Derivatives(double x, const double *p)> evaluate;
    /** f and f′ over n points, for bulk work (same values as evaluate). */
    std::function<void(const double *p, const double *x, double *f, double *d1, qsizetype n)> evaluateBatch;
    /** Points where f, f′ or f″ is not smooth, ascending, no duplicates. */
    std::function<QList<double>(const double *p)> kinks;
    /**
     * Where the kinks depend on the range looked at (a typed expression's relu(x^2 - 1), found
     * by a scan of [a, b]): all kinks in [a, b], ascending. Empty: kinks is the whole story.
     */
    std::function<QList<double>(const double *p, double a, double b)> kinksWithin;
    /** Intervals (possibly unbounded, as ±inf) where f′ is identically zero, ascending. */
    std::function<QList<Interval>(const double *p)> flatRegions;
    /** Checks between parameters (min_val < max_val, lower ≤ upper); empty when fine. May be empty. */
    std::function<QString(const double *p)> crossCheck;

    /** gradientNote in the current language (context "ActivationCatalogue"). */
    QString translatedGradientNote() const;
    /** Index of the parameter with this PyTorch name, or −1. */
    int parameterIndex(QStringView name) const;
    /** PyTorch's defaults. */
    ParameterValues defaults() const;
    /** Empty when every value lies in its domain and the cross checks pass, else the reason. */
    QString validate(const ParameterValues &p) const;
    /** Evaluates at x with parameter values p. */
    Derivatives at(double x, const ParameterValues &p) const { return evaluate(x, p.data()); }
    /** The markup of f (or of f′) for parameter values p; empty without formulas. */
    QString formulaMarkup(const ParameterValues &p, bool derivative) const;
    /** A name with its non-default parameters, e.g. "leaky_relu (negative_slope 0.2)". */
    QString label(const ParameterValues &p) const;
};

/** Every activation the project offers, in the catalogue's order. */
namespace ActivationCatalogue {
const QList<ActivationSpec> &all();
/**
 * The function with this id, or nullptr: an activation, else a loss (LossCatalogue), else a
 * custom expression ("expr:x*sigmoid(x)", parsed and kept by CustomFunctions on first use).
 * The pointer stays valid for the life of the program.
 */
const ActivationSpec *find(QStringView id);
/** All ids, comma-separated, for error messages. */
QString idList();
} // namespace ActivationCatalogue
