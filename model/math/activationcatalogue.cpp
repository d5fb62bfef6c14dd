#include "activationcatalogue.h"

#include "activationkernels.h"
#include "activationmath.h"
#include "catalogueentries.h"
#include "customfunctions.h"
#include "losscatalogue.h"
#include "numbertext.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace {

using namespace ActivationMath;

// ---- evaluation: a tag per activation (activationkernels.h), its closed form and its batch ------

using namespace CatalogueEntries;
namespace Kernel = ActivationKernels;

// ---- kinks and flat regions --------------------------------------------------------------------

QList<double> sortedUnique(QList<double> xs)
{
    xs.removeIf([](double x) { return !std::isfinite(x); });
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    return xs;
}

QList<double> noKinks(const double *) { return {}; }
QList<double> kinkAtZero(const double *) { return {0.0}; }
QList<double> kinksRelu6(const double *) { return {0.0, 6.0}; }
QList<double> kinksPlusMinus3(const double *) { return {-3.0, 3.0}; }
QList<double> kinksHardtanh(const double *p) { return sortedUnique({p[0], p[1]}); }
QList<double> kinksShrink(const double *p) { return sortedUnique({-p[0], p[0]}); }
QList<double> kinksThreshold(const double *p) { return {p[0]}; }
QList<double> kinksSoftplus(const double *p) { return sortedUnique({p[1] / p[0]}); }

QList<Interval> noFlat(const double *) { return {}; }
QList<Interval> flatEverywhere(const double *) { return {{-Inf, Inf}}; }
QList<Interval> flatNonPositive(const double *) { return {{-Inf, 0.0}}; }
QList<Interval> flatRelu6(const double *) { return {{-Inf, 0.0}, {6.0, Inf}}; }
QList<Interval> flatIfZeroSlope(const double *p)
{
    return p[0] == 0.0 ? QList<Interval>{{-Inf, 0.0}} : QList<Interval>{};
}
QList<Interval> flatRrelu(const double *p)
{
    return p[0] + p[1] == 0.0 ? QList<Interval>{{-Inf, 0.0}} : QList<Interval>{};
}
QList<Interval> flatHardtanh(const double *p) { return {{-Inf, p[0]}, {p[1], Inf}}; }
QList<Interval> flatHardsigmoid(const double *) { return {{-Inf, -3.0}, {3.0, Inf}}; }
QList<Interval> flatHardswish(const double *) { return {{-Inf, -3.0}}; }
QList<Interval> flatShrink(const double *p) { return {{-p[0], p[0]}}; }
QList<Interval> flatThreshold(const double *p) { return {{-Inf, p[0]}}; }

QString checkHardtanh(const double *p)
{
    if (p[0] < p[1])
        return {};
    return QStringLiteral("min_val (%1) must be less than max_val (%2)")
        .arg(NumberText::brief(p[0]), NumberText::brief(p[1]));
}

QString checkRrelu(const double *p)
{
    if (p[0] <= p[1])
        return {};
    return QStringLiteral("lower (%1) must not exceed upper (%2)")
        .arg(NumberText::brief(p[0]), NumberText::brief(p[1]));
}

// ---- the table ---------------------------------------------------------------------------------

/** The spec of the activation tagged K: evaluated by K::scalar, in bulk by its AVX2 kernel. */
template<typename K>
ActivationSpec spec(const char *id, const char *displayName, const char *torchName, const char *formula,
                    const char *derivative, const char *note, QList<ParameterSpec> parameters,
                    QList<double> (*kinks)(const double *), QList<Interval> (*flat)(const double *),
                    QString (*crossCheck)(const double *) = nullptr)
{
    return entry<&K::scalar, &ActivationKernels::batch<K>>(FunctionKind::Activation,
                       {id, displayName, torchName, formula, derivative, note}, Interval{-6.0, 6.0},
                       std::move(parameters), kinks, flat, crossCheck);
}

QList<ActivationSpec> makeCatalogue()
{
    using D = ParameterDomain;
    const ParameterSpec approximate = choice(
            "approximate", 0, {QStringLiteral("none"), QStringLiteral("tanh")},
            QT_TRANSLATE_NOOP("ActivationCatalogue", "'none': exact x·Φ(x); 'tanh': the tanh approximation"));

    return {
        spec<Kernel::Identity>("identity", "Identity", "— (no activation)", R"(x)", R"(1)",
                         QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ = 1 everywhere: stacked linear layers stay one linear map."), {}, noKinks,
                         noFlat),
        spec<Kernel::Step>("step", "Step", "— (the perceptron's)", R"(\cases{1 & x > 0 \\ 0 & \otherwise})",
                     R"(\cases{0 & x ≠ 0 \\ \undefined & x = 0})",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ = 0 everywhere and undefined at 0: gradient descent cannot move it."), {},
                     kinkAtZero, flatEverywhere),
        spec<Kernel::Sigmoid>("sigmoid", "Sigmoid", "F.sigmoid", R"(σ(x) = \frac{1}{1 + e^{-x}})", R"(σ(x)(1 - σ(x)))",
                        QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ ≤ 0.25, and below 0.01 for |x| > 4.6: saturates on both sides."), {},
                        noKinks, noFlat),
        spec<Kernel::Tanh>("tanh", "Tanh", "F.tanh", R"(tanh x = \frac{e^x - e^{-x}}{e^x + e^{-x}})", R"(1 - tanh^2 x)",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ = 1 at 0 but below 0.01 for |x| > 3: saturates on both sides."), {}, noKinks,
                     noFlat),
        spec<Kernel::Relu>("relu", "ReLU", "F.relu", R"(max(0, x) = \cases{x & x > 0 \\ 0 & \otherwise})", R"(\cases{1 & x > 0 \\ 0 & x ≤ 0})",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ is 1 or 0: no saturation for x > 0, a dead zero gradient for x ≤ 0."), {},
                     kinkAtZero, flatNonPositive),
        spec<Kernel::Relu6>("relu6", "ReLU6", "F.relu6", R"(min(max(0, x), 6) = \cases{0 & x ≤ 0 \\ x & 0 < x < 6 \\ 6 & x ≥ 6})",
                      R"(\cases{1 & 0 < x < 6 \\ 0 & \otherwise})",
                      QT_TRANSLATE_NOOP("ActivationCatalogue", "Zero gradient below 0 and above 6: dead on both sides of the linear part."), {},
                      kinksRelu6, flatRelu6),
        spec<Kernel::LeakyRelu>("leaky_relu", "Leaky ReLU", "F.leaky_relu",
                          R"(\cases{x & x > 0 \\ \param{negative_slope}\cdot x & \otherwise})",
                          R"(\cases{1 & x > 0 \\ \param{negative_slope} & x ≤ 0})",
                          QT_TRANSLATE_NOOP("ActivationCatalogue", "The negative side keeps a small gradient, so units cannot die."),
                          {real("negative_slope", 0.01, D::Finite, 0.0, 1.0,
                                QT_TRANSLATE_NOOP("ActivationCatalogue", "slope for x ≤ 0"))},
                          kinkAtZero, flatIfZeroSlope),
        spec<Kernel::LeakyRelu>("prelu", "PReLU", "F.prelu", R"(\cases{x & x > 0 \\ \param{weight}\cdot x & \otherwise})",
                          R"(\cases{1 & x > 0 \\ \param{weight} & x ≤ 0})",
                          QT_TRANSLATE_NOOP("ActivationCatalogue", "Like leaky ReLU with a learned slope: gradient weight for x ≤ 0."),
                          {real("weight", 0.25, D::Finite, -1.0, 1.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "learned slope for x ≤ 0"))},
                          kinkAtZero, flatIfZeroSlope),
        spec<Kernel::Rrelu>("rrelu", "RReLU (eval)", "F.rrelu, training=False",
                      R"(\cases{x & x > 0 \\ \frac{\param{lower} + \param{upper}}{2}\cdot x & \otherwise})",
                      R"(\cases{1 & x > 0 \\ \frac{\param{lower} + \param{upper}}{2} & x ≤ 0})",
                      QT_TRANSLATE_NOOP("ActivationCatalogue", "In evaluation a leaky ReLU with the mean slope; no dead zone unless both are 0."),
                      {real("lower", 1.0 / 8.0, D::NonNegative, 0.0, 1.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "lower bound of the slope")),
                       real("upper", 1.0 / 3.0, D::NonNegative, 0.0, 1.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "upper bound of the slope"))},
                      kinkAtZero, flatRrelu, checkRrelu),
        spec<Kernel::Elu>("elu", "ELU", "F.elu", R"(\cases{x & x > 0 \\ \param{alpha}\cdot(e^x - 1) & \otherwise})",
                    R"(\cases{1 & x > 0 \\ \param{alpha}\cdot e^x & x ≤ 0})",
                    QT_TRANSLATE_NOOP("ActivationCatalogue", "Smooth negative side whose gradient alpha·eˣ fades below x ≈ −4.6 (alpha = 1)."),
                    {real("alpha", 1.0, D::Finite, 0.0, 3.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "value approached as x → −∞ is −alpha"))},
                    kinkAtZero, flatIfZeroSlope),
        spec<Kernel::Celu>("celu", "CELU", "F.celu", R"(max(0, x) + min(0, \param{alpha}\cdot(e^{x/\param{alpha}} - 1)))",
                     R"(\cases{1 & x > 0 \\ e^{x/\param{alpha}} & x ≤ 0})",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "Continuously differentiable ELU: the negative-side gradient exp(x/alpha) fades."),
                     {real("alpha", 1.0, D::NonZero, 0.1, 3.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "scale of the negative side"))},
                     kinkAtZero, noFlat),
        spec<Kernel::Selu>("selu", "SELU", "F.selu", R"(\param{scale}\cdot\cases{x & x > 0 \\ \param{alpha}\cdot(e^x - 1) & \otherwise})",
                     R"(\cases{\param{scale} & x > 0 \\ \param{scale}\cdot\param{alpha}\cdot e^x & x ≤ 0})",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "Self-normalising; the negative-side gradient fades like ELU's."), {},
                     kinkAtZero, noFlat),
        // approximate = 'tanh' (index 1): PyTorch's tanh form, u as in the legend.
        withVariant(spec<Kernel::Gelu>("gelu", "GELU", "F.gelu", R"(x\,Φ(x))", R"(Φ(x) + x\,φ(x))",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "Smooth ReLU: f′ dips slightly below 0 near x ≈ −0.75 and fades to 0 for x ≪ 0."),
                     {approximate}, noKinks, noFlat),
                    0, 1.0, R"(\frac{1}{2}\,x(1 + tanh u))",
                    R"(\frac{1}{2}(1 + tanh u) + \frac{1}{2}\,x(1 - tanh^2 u)\,u′)"),
        spec<Kernel::Silu>("silu", "SiLU (Swish)", "F.silu", R"(x\,σ(x))", R"(σ(x)(1 + x(1 - σ(x))))",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "Smooth ReLU: the negative side's gradient fades to 0, with a small dip below 0."),
                     {}, noKinks, noFlat),
        spec<Kernel::Mish>("mish", "Mish", "F.mish", R"(x\,tanh(softplus(x)))",
                     R"(tanh s + x\,σ(x) sech^2 s)",
                     QT_TRANSLATE_NOOP("ActivationCatalogue", "Smooth ReLU like SiLU: gradient near 1 for x > 0, fading to 0 for x ≪ 0."), {},
                     noKinks, noFlat),
        spec<Kernel::Softplus>("softplus", "Softplus", "F.softplus",
                         R"(\cases{\frac{1}{\param{beta}} log(1 + e^{\param{beta}\cdot x}) & \param{beta}\cdot x ≤ \param{threshold} \\ x & \otherwise})",
                         R"(\cases{σ(\param{beta}\cdot x) & \param{beta}\cdot x ≤ \param{threshold} \\ 1 & \otherwise})",
                         QT_TRANSLATE_NOOP("ActivationCatalogue", "Smooth ReLU: f′ = σ(beta·x) saturates towards 0 for x ≪ 0."),
                         {real("beta", 1.0, D::Positive, 0.1, 10.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "sharpness; → ReLU as beta grows")),
                          real("threshold", 20.0, D::Finite, 1.0, 50.0,
                               QT_TRANSLATE_NOOP("ActivationCatalogue", "above beta·x > threshold it returns x"))},
                         kinksSoftplus, noFlat),
        spec<Kernel::Softsign>("softsign", "Softsign", "F.softsign", R"(\frac{x}{1 + |x|})", R"(\frac{1}{(1 + |x|)^2})",
                         QT_TRANSLATE_NOOP("ActivationCatalogue", "Like tanh but with polynomial tails: f′ falls as 1/x², not exponentially."),
                         {}, kinkAtZero, noFlat), // f″ jumps from 2 to −2 at 0
        spec<Kernel::Hardtanh>("hardtanh", "Hardtanh", "F.hardtanh", R"(\cases{\param{min_val} & x < \param{min_val} \\ x & \param{min_val} ≤ x ≤ \param{max_val} \\ \param{max_val} & x > \param{max_val}})",
                         R"(\cases{1 & \param{min_val} < x < \param{max_val} \\ 0 & \otherwise})",
                         QT_TRANSLATE_NOOP("ActivationCatalogue", "Exactly zero gradient outside (min_val, max_val): hard saturation."),
                         {real("min_val", -1.0, D::Finite, -5.0, 0.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "lower clamp")),
                          real("max_val", 1.0, D::Finite, 0.0, 5.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "upper clamp"))},
                         kinksHardtanh, flatHardtanh, checkHardtanh),
        spec<Kernel::Hardsigmoid>("hardsigmoid", "Hardsigmoid", "F.hardsigmoid", R"(\cases{0 & x ≤ -3 \\ \frac{x}{6} + \frac{1}{2} & -3 < x < 3 \\ 1 & x ≥ 3})",
                            R"(\cases{\frac{1}{6} & -3 < x < 3 \\ 0 & \otherwise})",
                            QT_TRANSLATE_NOOP("ActivationCatalogue", "Piecewise-linear sigmoid: zero gradient outside (−3, 3)."), {},
                            kinksPlusMinus3, flatHardsigmoid),
        spec<Kernel::Hardswish>("hardswish", "Hardswish", "F.hardswish", R"(\cases{0 & x ≤ -3 \\ \frac{x(x + 3)}{6} & -3 < x < 3 \\ x & x ≥ 3})",
                          R"(\cases{0 & x < -3 \\ \frac{2x + 3}{6} & -3 ≤ x ≤ 3 \\ 1 & x > 3})",
                          QT_TRANSLATE_NOOP("ActivationCatalogue", "Zero gradient below −3. PyTorch gives −0.5 at −3 and 1.5 at 3 "
                          "(the middle branch on the closed interval)."),
                          {}, kinksPlusMinus3, flatHardswish),
        spec<Kernel::Logsigmoid>("logsigmoid", "LogSigmoid", "F.logsigmoid", R"(log σ(x) = -log(1 + e^{-x}))", R"(σ(-x) = \frac{1}{1 + e^x})",
                           QT_TRANSLATE_NOOP("ActivationCatalogue", "Gradient ≈ 1 for x ≪ 0 and saturates to 0 for x ≫ 0."), {}, noKinks,
                           noFlat),
        spec<Kernel::Tanhshrink>("tanhshrink", "Tanhshrink", "F.tanhshrink", R"(x - tanh x)", R"(tanh^2 x)",
                           QT_TRANSLATE_NOOP("ActivationCatalogue", "A narrow dip: f′ = tanh² x is tiny around 0 and close to 1 for |x| > 3."),
                           {}, noKinks, noFlat),
        spec<Kernel::Softshrink>("softshrink", "Softshrink", "F.softshrink",
                           R"(\cases{x - \param{lambd} & x > \param{lambd} \\ x + \param{lambd} & x < -\param{lambd} \\ 0 & \otherwise})",
                           R"(\cases{1 & |x| > \param{lambd} \\ 0 & \otherwise})",
                           QT_TRANSLATE_NOOP("ActivationCatalogue", "Exactly zero gradient on [−lambd, lambd]."),
                           {real("lambd", 0.5, D::NonNegative, 0.0, 3.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "half-width of the dead zone"))},
                           kinksShrink, flatShrink),
        spec<Kernel::Hardshrink>("hardshrink", "Hardshrink", "F.hardshrink", R"(\cases{x & |x| > \param{lambd} \\ 0 & \otherwise})",
                           R"(\cases{1 & |x| > \param{lambd} \\ 0 & \otherwise})",
                           QT_TRANSLATE_NOOP("ActivationCatalogue", "Exactly zero gradient on [−lambd, lambd], and a jump at ±lambd."),
                           {real("lambd", 0.5, D::NonNegative, 0.0, 3.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "half-width of the dead zone"))},
                           kinksShrink, flatShrink),
        spec<Kernel::Threshold>("threshold", "Threshold", "F.threshold", R"(\cases{x & x > \param{threshold} \\ \param{value} & \otherwise})",
                          R"(\cases{1 & x > \param{threshold} \\ 0 & \otherwise})",
                          QT_TRANSLATE_NOOP("ActivationCatalogue", "Zero gradient at and below the threshold, where it jumps to value."),
                          {real("threshold", 0.1, D::Finite, -5.0, 5.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "where the function switches")),
                           real("value", 20.0, D::Finite, -20.0, 20.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "output at and below threshold"))},
                          kinksThreshold, flatThreshold),
    };
}

} // namespace

QString ParameterSpec::domainText() const
{
    switch (domain) {
    case ParameterDomain::Finite:
        return QStringLiteral("any finite number");
    case ParameterDomain::Positive:
        return QStringLiteral("a finite number > 0");
    case ParameterDomain::NonNegative:
        return QStringLiteral("a finite number ≥ 0");
    case ParameterDomain::NonZero:
        return QStringLiteral("a finite number ≠ 0");
    case ParameterDomain::Choice: {
        QStringList quoted;
        for (const QString &c : choices)
            quoted << QLatin1Char('\'') + c + QLatin1Char('\'');
        return QStringLiteral("one of %1").arg(quoted.join(QLatin1String(", ")));
    }
    }
    return {};
}

QString ParameterSpec::check(double value) const
{
    bool ok = std::isfinite(value);
    switch (domain) {
    case ParameterDomain::Finite:
        break;
    case ParameterDomain::Positive:
        ok = ok && value > 0;
        break;
    case ParameterDomain::NonNegative:
        ok = ok && value >= 0;
        break;
    case ParameterDomain::NonZero:
        ok = ok && value != 0;
        break;
    case ParameterDomain::Choice:
        ok = ok && value >= 0 && value < choices.size() && value == std::floor(value);
        break;
    }
    if (ok)
        return {};
    return QStringLiteral("%1 must be %2 (got %3)")
        .arg(name, domainText(), NumberText::brief(value));
}

QString ParameterSpec::translatedDescription() const
{
    return QCoreApplication::translate("ActivationCatalogue", description.toUtf8().constData());
}

QString ActivationSpec::translatedGradientNote() const
{
    return QCoreApplication::translate("ActivationCatalogue", gradientNote.toUtf8().constData());
}

int ActivationSpec::parameterIndex(QStringView name) const
{
    for (int i = 0; i < parameters.size(); ++i) {
        if (parameters[i].name == name)
            return i;
    }
    return -1;
}

ParameterValues ActivationSpec::defaults() const
{
    ParameterValues p{};
    for (int i = 0; i < parameters.size(); ++i)
        p[i] = parameters[i].defaultValue;
    return p;
}

QString ActivationSpec::validate(const ParameterValues &p) const
{
    for (int i = 0; i < parameters.size(); ++i) {
        const QString problem = parameters[i].check(p[i]);
        if (!problem.isEmpty())
            return id + QStringLiteral(": ") + problem;
    }
    if (crossCheck) {
        const QString problem = crossCheck(p.data());
        if (!problem.isEmpty())
            return id + QStringLiteral(": ") + problem;
    }
    return {};
}

QString ActivationSpec::formulaMarkup(const ParameterValues &p, bool derivative) const
{
    for (const FormulaVariant &v : formulas) {
        if (v.parameter < 0 || (v.parameter < MaxParameters && p[v.parameter] == v.value))
            return derivative ? v.derivative : v.function;
    }
    return {};
}

QString ActivationSpec::label(const ParameterValues &p) const
{
    // An expression of one's own goes by what was typed, not by its "expr:" id.
    const QString &name = kind == FunctionKind::Custom ? displayName : id;
    if (parameters.isEmpty())
        return name;
    QStringList parts;
    for (int i = 0; i < parameters.size(); ++i) {
        const ParameterSpec &s = parameters[i];
        const int choice = int(p[i]);
        const QString value
            = s.domain == ParameterDomain::Choice && choice >= 0 && choice < s.choices.size()
            ? s.choices[choice]
            : NumberText::brief(p[i]);
        parts << s.name + QLatin1Char(' ') + value;
    }
    return QStringLiteral("%1 (%2)").arg(name, parts.join(QLatin1String(", ")));
}

const QList<ActivationSpec> &ActivationCatalogue::all()
{
    static const QList<ActivationSpec> catalogue = makeCatalogue();
    return catalogue;
}

const ActivationSpec *ActivationCatalogue::find(QStringView id)
{
    if (const ActivationSpec *activation = findIn(all(), id))
        return activation;
    if (const ActivationSpec *loss = LossCatalogue::find(id))
        return loss;
    return CustomFunctions::find(id);
}

QString ActivationCatalogue::idList()
{
    return idsOf(all());
}
