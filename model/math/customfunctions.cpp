#include "customfunctions.h"

#include <QMutex>
#include <QMutexLocker>

#include <map>
#include <memory>

namespace {

struct Registry
{
    QMutex mutex;
    /** Keyed by the trimmed expression; the specs never move and are never freed. */
    std::map<QString, std::unique_ptr<const ActivationSpec>> specs;
};

Registry &registry()
{
    static Registry *r = new Registry; // never destroyed: specs outlive every static user
    return *r;
}

std::unique_ptr<const ActivationSpec> makeSpec(const Expression &expression)
{
    auto spec = std::make_unique<ActivationSpec>();
    const QString text = expression.text();
    spec->kind = FunctionKind::Custom;
    spec->id = CustomFunctions::IdPrefix.toString() + text;
    spec->displayName = text;
    spec->torchName.clear(); // not a PyTorch function: nothing to name
    spec->formula = text;
    spec->derivativeFormula = QStringLiteral("exact (automatic differentiation)");
    spec->gradientNote = QStringLiteral("a typed expression; f′ and f″ by automatic differentiation");
    for (const QString &name : expression.parameterNames()) {
        ParameterSpec p;
        p.name = name;
        p.defaultValue = 1.0;
        p.domain = ParameterDomain::Finite;
        p.sliderMin = -5.0;
        p.sliderMax = 5.0;
        p.description = QStringLiteral("a named parameter of the expression");
        spec->parameters << p;
    }
    spec->evaluate = [expression](double x, const double *p) { return expression.evaluate(x, p); };
    spec->evaluateBatch = [expression](const double *p, const double *x, double *f, double *d1, qsizetype n) {
        for (qsizetype i = 0; i < n; ++i) {
            const Derivatives d = expression.evaluate(x[i], p);
            f[i] = d.f;
            d1[i] = d.d1;
        }
    };
    spec->kinks = [expression](const double *p) { return expression.kinks(p); };
    spec->kinksWithin = [expression](const double *p, double a, double b) {
        return expression.kinks(p, a, b);
    };
    // Claims that f′ ≡ 0 must be exact; an expression makes none.
    spec->flatRegions = [](const double *) { return QList<Interval>(); };
    return spec;
}

} // namespace

const ActivationSpec *CustomFunctions::find(QStringView id)
{
    if (!id.startsWith(IdPrefix))
        return nullptr;
    return intern(id.mid(IdPrefix.size()).toString());
}

const ActivationSpec *CustomFunctions::intern(const QString &expression, QString *error)
{
    const QString key = expression.trimmed();
    Registry &r = registry();
    {
        QMutexLocker lock(&r.mutex);
        const auto it = r.specs.find(key);
        if (it != r.specs.end()) {
            if (error)
                error->clear();
            return it->second.get();
        }
    }
    Expression::Error problem;
    const Expression parsed = Expression::parse(expression, &problem);
    if (!parsed.isValid()) {
        if (error)
            *error = problem.text();
        return nullptr;
    }
    QMutexLocker lock(&r.mutex);
    auto it = r.specs.find(key);
    if (it == r.specs.end()) {
        if (int(r.specs.size()) >= MaxInterned) {
            if (error)
                *error = QStringLiteral("too many custom functions (at most %1)").arg(MaxInterned);
            return nullptr;
        }
        it = r.specs.emplace(key, makeSpec(parsed)).first;
    }
    if (error)
        error->clear();
    return it->second.get();
}

Expression::Error CustomFunctions::check(const QString &expression)
{
    Expression::Error problem;
    Expression::parse(expression, &problem);
    return problem;
}
