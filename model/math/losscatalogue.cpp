#include "losscatalogue.h"

#include "activationmath.h"
#include "catalogueentries.h"
#include "numbertext.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

// Every loss with reduction 'none' on one element, as a function of its input x; the target and
// the options are parameters. Values and derivatives follow PyTorch 1.13's autograd in float64,
// kinks included (checked against tests/data/torch-losses.csv, made by
// scripts/make_loss_reference.py). Where PyTorch's own formula loses precision or overflows
// (soft_margin_loss's log1p(exp(−y·x)) for y·x < −709), the stable formula is used instead.

namespace {

using namespace ActivationMath;

using namespace CatalogueEntries;

/** A Choice parameter's index, clamped into [0, count − 1] (unvalidated values stay harmless). */
int choiceIndex(double v, int count)
{
    if (!(v >= 0))
        return 0;
    return std::min(int(v), count - 1);
}

/** ±1 from a target Choice {"-1", "1"}. */
double signTarget(double v) { return choiceIndex(v, 2) == 0 ? -1.0 : 1.0; }

/** c·v, but 0 when c is 0 (so an infinite v under a zero weight gives 0, not NaN). */
double weighted(double c, double v) { return c == 0.0 ? 0.0 : c * v; }

// ---- the losses --------------------------------------------------------------------------------

// p: target
Derivatives evMse(double x, const double *p)
{
    const double d = x - p[0];
    return {d * d, 2.0 * d, 2.0};
}

// p: target. PyTorch: |d|' = sgn(d), 0 at d = 0.
Derivatives evL1(double x, const double *p)
{
    const double d = x - p[0];
    return {std::fabs(d), d > 0 ? 1.0 : (d < 0 ? -1.0 : 0.0), 0.0};
}

// p: target, beta. PyTorch 1.13's kernels: 0.5·z²/beta for z = |d| < beta, else z − beta/2;
// the backward gives −1 for d ≤ −beta, 1 for d ≥ beta (so −1 at d = 0 when beta = 0), d/beta
// between; the double backward 1/beta for |d| < beta only.
Derivatives evSmoothL1(double x, const double *p)
{
    const double beta = p[1];
    const double d = x - p[0];
    const double z = std::fabs(d);
    const double f = z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
    const double d1 = d <= -beta ? -1.0 : (d >= beta ? 1.0 : d / beta);
    return {f, d1, z < beta ? 1.0 / beta : 0.0};
}

// p: target, delta. 0.5·d² for |d| < delta, else delta·(|d| − delta/2); f″ = 1 for |d| < delta.
Derivatives evHuber(double x, const double *p)
{
    const double delta = p[1];
    const double d = x - p[0];
    const double z = std::fabs(d);
    const double f = z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
    const double d1 = d < -delta ? -delta : (d > delta ? delta : d);
    return {f, d1, z < delta ? 1.0 : 0.0};
}

// binary_cross_entropy's clamp of the gradient's denominator: PyTorch's EPSILON = 1e-12 as a
// float (9.99999996e-13); its double backward adds the double 1e-12.
constexpr double BceGradEps = double(1e-12f);
constexpr double BceHessEps = 1e-12;

// p: target. PyTorch 1.13 on [0, 1] (it refuses other inputs: NaN here):
//   f   = (y − 1)·max(log(1 − x), −100) − y·max(log x, −100)
//   f′  = (x − y)/max((1 − x)·x, EPSILON)                      (binary_cross_entropy_backward)
//   f″  = (x² − 2xy + y)/((x + 1e-12)²·(1 − x + 1e-12)²)        (its double backward)
Derivatives evBce(double x, const double *p)
{
    if (!(x >= 0.0 && x <= 1.0))
        return {NaN, NaN, NaN};
    const double y = p[0];
    const double f = (y - 1.0) * std::max(std::log(1.0 - x), -100.0) - y * std::max(std::log(x), -100.0);
    const double d1 = (x - y) / std::max((1.0 - x) * x, BceGradEps);
    const double a = x + BceHessEps;
    const double b = 1.0 - x + BceHessEps;
    const double d2 = (x * x - 2.0 * x * y + y) / ((a * a) * (b * b));
    return {f, d1, d2};
}

// p: target, pos_weight. −[pw·y·log σ(x) + (1 − y)·log(1 − σ(x))] with log σ(x) = −softplus(−x):
// no cancellation in either tail.
Derivatives evBceLogits(double x, const double *p)
{
    const double y = p[0];
    const double pw = p[1];
    const SigmoidPair s = sigmoidPair(x);
    const double f = weighted(pw * y, softplusStable(-x)) + weighted(1.0 - y, softplusStable(x));
    const double d1 = (1.0 - y) * s.s - pw * y * s.sm;
    const double d2 = (pw * y + 1.0 - y) * (s.s * s.sm);
    return {f, d1, d2};
}

// p: num_classes (Choice "2".."5"), target (Choice "0".."4"), logit_1..logit_4, label_smoothing.
// z = (x, logit_1, …, logit_{k−1}); −log pᶜ = (m − zᶜ) + log1p(Σ_{c ≠ argmax} e^(zᶜ − m)).
// f = (1 − ε)·(−log p_t) + ε/k·Σᶜ(−log pᶜ), f′ = p₀ − (1 − ε)·[t = 0] − ε/k, f″ = p₀·(1 − p₀).
constexpr int CeMaxClasses = 5;

Derivatives evCrossEntropy(double x, const double *p)
{
    const int k = choiceIndex(p[0], CeMaxClasses - 1) + 2;
    const int t = choiceIndex(p[1], CeMaxClasses);
    if (t >= k)
        return {NaN, NaN, NaN};
    const double eps = p[6];
    double z[CeMaxClasses] = {x, p[2], p[3], p[4], p[5]};
    int top = 0;
    for (int c = 1; c < k; ++c) {
        if (z[c] > z[top])
            top = c;
    }
    const double m = z[top];
    double rest = 0.0;
    for (int c = 0; c < k; ++c) {
        if (c != top)
            rest += std::exp(z[c] - m);
    }
    const double logS = std::log1p(rest);
    const auto nlp = [&](int c) { return (m - z[c]) + logS; }; // −log pᶜ ≥ 0
    double f = (1.0 - eps) * nlp(t);
    if (eps != 0.0) {
        double sum = 0.0;
        for (int c = 0; c < k; ++c)
            sum += nlp(c);
        f += eps / k * sum;
    }
    // p₀ and 1 − p₀ each from its own exponentials, so neither cancels.
    const double p0 = std::exp(-nlp(0));
    double q0 = 0.0;
    for (int c = 1; c < k; ++c)
        q0 += std::exp(-nlp(c));
    // For target 0, p₀ − (1 − ε) = ε − (1 − p₀) = ε − q₀.
    const double d1 = (t == 0 ? eps - q0 : p0) - eps / k;
    return {f, d1, p0 * q0};
}

// p: target (Choice "0", "1"). x is input[0], the log-probability of class 0: the loss is −x when
// class 0 is the target; when it is not, x does not enter the loss (0, PyTorch's −input[1] with
// input[1] = 0).
Derivatives evNll(double x, const double *p)
{
    if (choiceIndex(p[0], 2) == 0)
        return {-x, -1.0, 0.0};
    return {0.0, 0.0, 0.0};
}

// p: target, log_target (Choice "False", "True"). PyTorch 1.13: xlogy(y, y) − y·x, so 0 where
// y = 0; with log_target: eʸ·(y − x).
Derivatives evKlDiv(double x, const double *p)
{
    const double y = p[0];
    if (choiceIndex(p[1], 2) == 1) {
        const double e = std::exp(y);
        return {e * (y - x), -e, 0.0};
    }
    const double ylogy = y == 0.0 ? 0.0 : y * std::log(y);
    return {ylogy - y * x, -y, 0.0};
}

// p: target (Choice "-1", "1"). log(1 + e^(−y·x)) = softplus(−y·x), stable for any x.
Derivatives evSoftMargin(double x, const double *p)
{
    const double y = signTarget(p[0]);
    const double z = -y * x;
    const SigmoidPair s = sigmoidPair(z);
    return {softplusStable(z), -y * s.s, s.s * s.sm};
}

// p: target (Choice "-1", "1"), margin. PyTorch: x for y = 1; max(0, margin − x) for y = −1,
// whose clamp passes the gradient where margin − x ≥ 0: f′ = −1 at x = margin itself.
Derivatives evHingeEmbedding(double x, const double *p)
{
    if (signTarget(p[0]) > 0)
        return {x, 1.0, 0.0};
    const double r = p[1] - x;
    return r >= 0 ? Derivatives{r, -1.0, 0.0} : Derivatives{0.0, 0.0, 0.0};
}

// p: target, log_input (Choice "False", "True"), full (Choice "False", "True"), eps.
// log_input: eˣ − t·x. Else x − t·log(x + eps): NaN where x + eps < 0 — and there PyTorch's
// autograd still returns 1 − t/(x + eps) and t/(x + eps)², which is what this gives too.
// full adds Stirling's t·log t − t + ½·log(2πt) where t > 1.
Derivatives evPoissonNll(double x, const double *p)
{
    const double t = p[0];
    Derivatives d;
    if (choiceIndex(p[1], 2) == 1) {
        const double e = std::exp(x);
        d = {e - t * x, e - t, e};
    } else {
        const double l = x + p[3];
        d = {x - t * std::log(l), 1.0 - t / l, t / (l * l)};
    }
    if (choiceIndex(p[2], 2) == 1 && t > 1.0)
        d.f += t * std::log(t) - t + 0.5 * std::log(2.0 * M_PI * t);
    return d;
}

// ---- kinks and flat regions --------------------------------------------------------------------

QList<double> sortedUnique(QList<double> xs)
{
    xs.removeIf([](double x) { return !std::isfinite(x); });
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    return xs;
}

QList<double> noKinks(const double *) { return {}; }
QList<double> kinkAtTarget(const double *p) { return {p[0]}; }
QList<double> kinksSmoothL1(const double *p)
{
    return p[1] == 0.0 ? QList<double>{p[0]} : sortedUnique({p[0] - p[1], p[0] + p[1]});
}
QList<double> kinksHuber(const double *p) { return sortedUnique({p[0] - p[1], p[0] + p[1]}); }

/** Where (1 − x)·x reaches BCE's gradient clamp: x(1 − x) = e at x = 2e/(1 + √(1 − 4e)). */
double bceClampEdge() { return 2.0 * BceGradEps / (1.0 + std::sqrt(1.0 - 4.0 * BceGradEps)); }

// The ends of [0, 1] (beyond them PyTorch refuses the input), the log clamp at e^(−100) (which
// only matters when y > 0; 1 − e^(−100) rounds to 1) and the edges of the gradient's clamp.
QList<double> kinksBce(const double *p)
{
    QList<double> ks{0.0, bceClampEdge(), 1.0 - bceClampEdge(), 1.0};
    if (p[0] > 0.0)
        ks << std::exp(-100.0);
    return sortedUnique(ks);
}
QList<double> kinksHinge(const double *p)
{
    return signTarget(p[0]) < 0 ? QList<double>{p[1]} : QList<double>{};
}
// With log_input False the loss ends at x = −eps (+∞ there, NaN below).
QList<double> kinksPoisson(const double *p)
{
    return choiceIndex(p[1], 2) == 0 ? QList<double>{-p[3]} : QList<double>{};
}

QList<Interval> noFlat(const double *) { return {}; }
// pos_weight·target = 0 with target = 1 leaves no term at all: the loss is 0 everywhere.
QList<Interval> flatBceLogits(const double *p)
{
    return p[0] == 1.0 && p[1] == 0.0 ? QList<Interval>{{-Inf, Inf}} : QList<Interval>{};
}
QList<Interval> flatNll(const double *p)
{
    return choiceIndex(p[0], 2) == 0 ? QList<Interval>{} : QList<Interval>{{-Inf, Inf}};
}
QList<Interval> flatKlDiv(const double *p)
{
    return choiceIndex(p[1], 2) == 0 && p[0] == 0.0 ? QList<Interval>{{-Inf, Inf}} : QList<Interval>{};
}
// Target −1: f′ = 0 for x > margin; at the margin itself PyTorch gives −1, so the closed
// interval starts at the next double.
QList<Interval> flatHinge(const double *p)
{
    if (signTarget(p[0]) > 0)
        return {};
    return {{std::nextafter(p[1], Inf), Inf}};
}

// ---- checks between parameters -----------------------------------------------------------------

QString checkProbabilityTarget(const double *p)
{
    if (p[0] >= 0.0 && p[0] <= 1.0)
        return {};
    return QStringLiteral("target (%1) must lie in [0, 1]: it is a probability")
        .arg(NumberText::brief(p[0]));
}

QString checkCrossEntropy(const double *p)
{
    const int k = int(p[0]) + 2;
    if (int(p[1]) >= k)
        return QStringLiteral("target (%1) must be less than num_classes (%2)").arg(int(p[1])).arg(k);
    if (!(p[6] >= 0.0 && p[6] <= 1.0))
        return QStringLiteral("label_smoothing (%1) must lie in [0, 1]")
            .arg(NumberText::brief(p[6]));
    return {};
}

QString checkKlDiv(const double *p)
{
    if (int(p[1]) == 1 || p[0] >= 0.0)
        return {};
    return QStringLiteral("target (%1) must be ≥ 0 when log_target is False: it is a probability")
        .arg(NumberText::brief(p[0]));
}

// ---- the table ---------------------------------------------------------------------------------

const QStringList FalseTrue{QStringLiteral("False"), QStringLiteral("True")};
const QStringList MinusPlusOne{QStringLiteral("-1"), QStringLiteral("1")};

template<EvaluateFn F>
ActivationSpec loss(const char *id, const char *displayName, const char *torchName, const char *formula,
                    const char *derivative, const char *note, Interval range, QList<ParameterSpec> parameters,
                    QList<double> (*kinks)(const double *), QList<Interval> (*flat)(const double *),
                    QString (*crossCheck)(const double *) = nullptr)
{
    return entry<F>(FunctionKind::Loss, {id, displayName, torchName, formula, derivative, note},
                    range, std::move(parameters), kinks, flat, crossCheck);
}

QList<ActivationSpec> makeCatalogue()
{
    using D = ParameterDomain;
    const auto target = [](double def, double lo, double hi) {
        return real("target", def, D::Finite, lo, hi, QT_TRANSLATE_NOOP("ActivationCatalogue", "the target y"));
    };
    const auto probabilityTarget = [](double def) {
        return real("target", def, D::Finite, 0.0, 1.0,
                    QT_TRANSLATE_NOOP("ActivationCatalogue", "the target probability y, in [0, 1]"));
    };
    const auto signTargetParameter = [](int def) {
        return choice("target", def, MinusPlusOne,
                      QT_TRANSLATE_NOOP("ActivationCatalogue", "the target y: −1 or 1"));
    };
    const Interval regression{-4.0, 4.0};
    const Interval logits{-6.0, 6.0};
    const Interval logProbabilities{-6.0, 0.0};

    return {
        loss<evMse>("mse_loss", "MSELoss", "F.mse_loss(x, target, reduction='none')", R"((x - \param{target})^2)",
                    R"(2(x - \param{target}))",
                    QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ = 2(x − target): large far away, vanishing only at the target."),
                    regression, {target(0.0, -3.0, 3.0)}, noKinks, noFlat),
        loss<evL1>("l1_loss", "L1Loss", "F.l1_loss(x, target, reduction='none')", R"(|x - \param{target}|)",
                   R"(\cases{sign(x - \param{target}) & x ≠ \param{target} \\ 0 & x = \param{target}})",
                   QT_TRANSLATE_NOOP("ActivationCatalogue", "|f′| = 1 everywhere except 0 at the target: it never shrinks near the minimum."),
                   regression, {target(0.0, -3.0, 3.0)}, kinkAtTarget, noFlat),
        loss<evSmoothL1>("smooth_l1_loss", "SmoothL1Loss", "F.smooth_l1_loss(x, target, reduction='none', beta=beta)",
                         R"(\cases{\frac{d^2}{2\param{beta}} & |d| < \param{beta} \\ |d| - \frac{\param{beta}}{2} & \otherwise}, d = x - \param{target})",
                         R"(\cases{\frac{d}{\param{beta}} & |d| < \param{beta} \\ sign(d) & \otherwise}, d = x - \param{target}; \text{PyTorch gives ±1 at |d| = beta (−1 at d = 0 when beta = 0)})",
                         QT_TRANSLATE_NOOP("ActivationCatalogue", "|f′| = 1 beyond beta from the target, shrinking linearly to 0 inside."),
                         regression,
                         {target(0.0, -3.0, 3.0),
                          real("beta", 1.0, D::NonNegative, 0.0, 3.0,
                               QT_TRANSLATE_NOOP("ActivationCatalogue", "half-width of the quadratic part; 0 gives L1"))},
                         kinksSmoothL1, noFlat),
        loss<evHuber>("huber_loss", "HuberLoss", "F.huber_loss(x, target, reduction='none', delta=delta)",
                      R"(\cases{½d^2 & |d| < \param{delta} \\ \param{delta}\cdot(|d| - \frac{\param{delta}}{2}) & \otherwise}, d = x - \param{target})",
                      R"(\cases{d & |d| < \param{delta} \\ \param{delta}\cdot sign(d) & \otherwise}, d = x - \param{target})",
                      QT_TRANSLATE_NOOP("ActivationCatalogue", "|f′| = delta beyond delta from the target, shrinking linearly to 0 inside."),
                      regression,
                      {target(0.0, -3.0, 3.0),
                       real("delta", 1.0, D::Positive, 0.05, 3.0,
                            QT_TRANSLATE_NOOP("ActivationCatalogue", "where the quadratic part turns linear"))},
                      kinksHuber, noFlat),
        loss<evBce>("binary_cross_entropy", "BCELoss", "F.binary_cross_entropy(x, target, reduction='none')",
                    R"(-[\param{target}\cdot log x + (1 - \param{target})\cdot log(1 - x)], \text{each log clamped at −100;} x ∈ [0, 1])",
                    R"(\frac{x - \param{target}}{max(x(1 - x), \text{1e-12})})",
                    QT_TRANSLATE_NOOP("ActivationCatalogue", "Steep near the wrong end: |f′| grows like 1/x, capped by PyTorch at |x − target|·1e12."),
                    Interval{0.0, 1.0}, {probabilityTarget(1.0)}, kinksBce, noFlat, checkProbabilityTarget),
        loss<evBceLogits>("binary_cross_entropy_with_logits", "BCEWithLogitsLoss",
                          "F.binary_cross_entropy_with_logits(x, target, reduction='none', pos_weight=pos_weight)",
                          R"(\param{pos_weight}\cdot\param{target}\cdot softplus(-x) + (1 - \param{target})\cdot softplus(x))",
                          R"((1 - \param{target})\cdot σ(x) - \param{pos_weight}\cdot\param{target}\cdot σ(-x))",
                          QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ tends to a constant when wrong and to 0 when right: no saturation on the wrong side."),
                          logits,
                          {probabilityTarget(1.0),
                           real("pos_weight", 1.0, D::NonNegative, 0.0, 5.0,
                                QT_TRANSLATE_NOOP("ActivationCatalogue", "weight of the positive term"))},
                          noKinks, flatBceLogits, checkProbabilityTarget),
        loss<evCrossEntropy>("cross_entropy", "CrossEntropyLoss",
                             "F.cross_entropy([x, logit_1, …], target, reduction='none', label_smoothing=label_smoothing)",
                             R"((1 - ε)(-log p_{\param{target}}) + \frac{ε}{k}Σ_c (-log p_c), p = softmax(x, \param{logit_1}, …, logit_{k-1}), ε = \param{label_smoothing}, k = \param{num_classes})",
                             R"(p_0 - (1 - ε)[\param{target} = 0] - \frac{ε}{k})",
                             QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ = p₀ − (1 − ε)[target = 0] − ε/k: bounded, vanishing when p₀ matches the smoothed target."),
                             logits,
                             {choice("num_classes", 1,
                                     {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")},
                                     QT_TRANSLATE_NOOP("ActivationCatalogue", "number of classes k; x is the logit of class 0")),
                              choice("target", 0,
                                     {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                      QStringLiteral("4")},
                                     QT_TRANSLATE_NOOP("ActivationCatalogue", "the target class, below num_classes")),
                              real("logit_1", 0.0, D::Finite, -6.0, 6.0, QT_TRANSLATE_NOOP("ActivationCatalogue", "logit of class 1")),
                              real("logit_2", 0.0, D::Finite, -6.0, 6.0,
                                   QT_TRANSLATE_NOOP("ActivationCatalogue", "logit of class 2 (used when num_classes > 2)")),
                              real("logit_3", 0.0, D::Finite, -6.0, 6.0,
                                   QT_TRANSLATE_NOOP("ActivationCatalogue", "logit of class 3 (used when num_classes > 3)")),
                              real("logit_4", 0.0, D::Finite, -6.0, 6.0,
                                   QT_TRANSLATE_NOOP("ActivationCatalogue", "logit of class 4 (used when num_classes = 5)")),
                              real("label_smoothing", 0.0, D::Finite, 0.0, 1.0,
                                   QT_TRANSLATE_NOOP("ActivationCatalogue", "share ε of the target spread over all classes, in [0, 1]"))},
                             noKinks, noFlat, checkCrossEntropy),
        loss<evNll>("nll_loss", "NLLLoss", "F.nll_loss([x, …], target, reduction='none')",
                    R"(\cases{-x & \param{target} = 0 \\ 0 & \otherwise}, x = log p_0)",
                    R"(\cases{-1 & \param{target} = 0 \\ 0 & \otherwise})",
                    QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ = −1 for the target class and exactly 0 for every other class."),
                    logProbabilities,
                    {choice("target", 0, {QStringLiteral("0"), QStringLiteral("1")},
                            QT_TRANSLATE_NOOP("ActivationCatalogue", "the target class; 0 is x's class, 1 another one"))},
                    noKinks, flatNll),
        // log_target = True (index 1): target is a log-probability.
        withVariant(loss<evKlDiv>("kl_div", "KLDivLoss", "F.kl_div(x, target, reduction='none', log_target=log_target)",
                      R"(\cases{\param{target}\cdot(log \param{target} - x) & \param{target} > 0 \\ 0 & \param{target} = 0})",
                      R"(-\param{target})",
                      QT_TRANSLATE_NOOP("ActivationCatalogue", "Linear in the log-probability x: f′ = −target is constant, 0 where target = 0."),
                      logProbabilities,
                      {real("target", 0.5, D::Finite, 0.0, 1.0,
                            QT_TRANSLATE_NOOP("ActivationCatalogue", "the target probability (≥ 0), or its log with log_target")),
                       choice("log_target", 0, FalseTrue,
                              QT_TRANSLATE_NOOP("ActivationCatalogue", "whether target is given as a log-probability"))},
                      noKinks, flatKlDiv, checkKlDiv),
                    1, 1.0, R"(e^{\param{target}}\cdot(\param{target} - x))",
                    R"(-e^{\param{target}})"),
        loss<evSoftMargin>("soft_margin_loss", "SoftMarginLoss", "F.soft_margin_loss(x, target, reduction='none')",
                           R"(log(1 + e^{-\param{target}\cdot x}))", R"(-\param{target}\cdot σ(-\param{target}\cdot x))",
                           QT_TRANSLATE_NOOP("ActivationCatalogue", "f′ → −target when wrong and fades to 0 once target·x ≫ 0."),
                           logits, {signTargetParameter(1)}, noKinks, noFlat),
        loss<evHingeEmbedding>("hinge_embedding_loss", "HingeEmbeddingLoss",
                               "F.hinge_embedding_loss(x, target, reduction='none', margin=margin)",
                               R"(\cases{x & \param{target} = 1 \\ max(0, \param{margin} - x) & \param{target} = -1})",
                               R"(\cases{1 & \param{target} = 1 \\ -1 & \param{target} = -1, x ≤ \param{margin} \\ 0 & \otherwise})",
                               QT_TRANSLATE_NOOP("ActivationCatalogue", "Target −1: exactly zero gradient once x > margin; target 1: f′ = 1 everywhere."),
                               regression,
                               {signTargetParameter(0),
                                real("margin", 1.0, D::Finite, -2.0, 4.0,
                                     QT_TRANSLATE_NOOP("ActivationCatalogue", "distance below which a target −1 costs"))},
                               kinksHinge, flatHinge),
        // log_input = False (index 0): x is the rate itself.
        withVariant(loss<evPoissonNll>("poisson_nll_loss", "PoissonNLLLoss",
                           "F.poisson_nll_loss(x, target, log_input=log_input, full=full, eps=eps, reduction='none')",
                           R"(e^x - \param{target}\cdot x \text{(+ Stirling’s term for target > 1 when full)})",
                           R"(e^x - \param{target})",
                           QT_TRANSLATE_NOOP("ActivationCatalogue", "log_input: f′ = eˣ − target grows fast for x ≫ 0 and tends to −target for x ≪ 0."),
                           regression,
                           {real("target", 2.0, D::NonNegative, 0.0, 10.0,
                                 QT_TRANSLATE_NOOP("ActivationCatalogue", "the target count (≥ 0)")),
                            choice("log_input", 1, FalseTrue,
                                   QT_TRANSLATE_NOOP("ActivationCatalogue", "True: x is the log of the rate; False: x is the rate")),
                            choice("full", 0, FalseTrue,
                                   QT_TRANSLATE_NOOP("ActivationCatalogue", "add Stirling's approximation term")),
                            real("eps", 1e-8, D::NonNegative, 0.0, 0.1,
                                 QT_TRANSLATE_NOOP("ActivationCatalogue", "added to x inside the log when log_input is False"))},
                           kinksPoisson, noFlat),
                    1, 0.0, R"(x - \param{target}\cdot log(x + \param{eps}) \text{(+ Stirling’s term for target > 1 when full)})",
                    R"(1 - \frac{\param{target}}{x + \param{eps}})"),
    };
}

} // namespace

const QList<ActivationSpec> &LossCatalogue::all()
{
    static const QList<ActivationSpec> catalogue = makeCatalogue();
    return catalogue;
}

const ActivationSpec *LossCatalogue::find(QStringView id)
{
    return findIn(all(), id);
}

QString LossCatalogue::idList()
{
    return idsOf(all());
}
