#include "activationcatalogue.h"
#include "saturation.h"

#include <QTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(SaturationInterval)

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

SaturationInterval zero(double from, double to)
{
    return { from, to, SaturationKind::Zero };
}

SaturationInterval saturated(double from, double to)
{
    return { from, to, SaturationKind::Saturated };
}

// The closed forms, rearranged so that none of them cancels for small ε.
// σ′(x) = ε at x = ln((1 + s)/(1 − s)) with s = √(1 − 4ε), and (1 + s)/(1 − s) = (1 + s)²/(4ε).
double sigmoidBound(double eps)
{
    return 2 * std::log1p(std::sqrt(1 - 4 * eps)) - std::log(4 * eps);
}

// tanh′(x) = ε at atanh(y) with y = √(1 − ε), and (1 + y)/(1 − y) = (1 + y)²/ε.
double tanhBound(double eps)
{
    return std::log1p(std::sqrt(1 - eps)) - 0.5 * std::log(eps);
}

double softsignBound(double eps)
{
    return 1 / std::sqrt(eps) - 1;
}

double tanhshrinkBound(double eps)
{
    return std::atanh(std::sqrt(eps));
}

ParameterValues parameters(const ActivationSpec &spec, const QList<double> &values)
{
    ParameterValues p = spec.defaults();
    for (qsizetype i = 0; i < values.size() && i < MaxParameters; ++i)
        p[size_t(i)] = values[i];
    return p;
}

QString describe(const QList<SaturationInterval> &intervals)
{
    QStringList parts;
    for (const SaturationInterval &i : intervals)
        parts << QStringLiteral("%1 [%2, %3]")
                     .arg(saturationKindName(i.kind), QString::number(i.from, 'g', 17),
                          QString::number(i.to, 'g', 17));
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// Empty when actual matches expected, kinds exactly and ends within relTol·max(1, |x|).
QString mismatch(const QList<SaturationInterval> &actual, const QList<SaturationInterval> &expected,
                 double relTol)
{
    const auto close = [relTol](double u, double v) {
        return u == v || std::abs(u - v) <= relTol * std::max(1.0, std::abs(v));
    };
    bool same = actual.size() == expected.size();
    for (qsizetype i = 0; same && i < actual.size(); ++i) {
        same = actual[i].kind == expected[i].kind && close(actual[i].from, expected[i].from)
            && close(actual[i].to, expected[i].to);
    }
    if (same)
        return {};
    return QStringLiteral("got %1, expected %2").arg(describe(actual), describe(expected));
}

} // namespace

class TestSaturation : public QObject
{
    Q_OBJECT

private slots:
    void closedFormBoundaries_data();
    void closedFormBoundaries();
    void kinkedIntervals_data();
    void kinkedIntervals();
    void narrowDips_data();
    void narrowDips();
    void underflowIsNotZero();
    void maxGradient_data();
    void maxGradient();
    void fractions_data();
    void fractions();
    void invariants_data();
    void invariants();
    void degenerateInput_data();
    void degenerateInput();
    void kindNames();
};

void TestSaturation::closedFormBoundaries_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QList<double>>("params");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("eps");
    QTest::addColumn<QList<SaturationInterval>>("expected");

    const auto row = [](const QString &id, double a, double b, double eps,
                        const QList<SaturationInterval> &expected) {
        QTest::addRow("%s [%g, %g] eps=%g", qPrintable(id), a, b, eps)
            << id << QList<double>() << a << b << eps << expected;
    };

    for (double eps : { 1e-6, 1e-4, 0.01, 0.1, 0.2 }) {
        const double s = sigmoidBound(eps);
        row(QStringLiteral("sigmoid"), -20, 20, eps, { saturated(-20, -s), saturated(s, 20) });
        row(QStringLiteral("sigmoid"), -s - 3, s / 2, eps, { saturated(-s - 3, -s) });
        row(QStringLiteral("sigmoid"), -1000, 1000, eps,
            { saturated(-1000, -s), saturated(s, 1000) });

        const double t = tanhBound(eps);
        row(QStringLiteral("tanh"), -10, 10, eps, { saturated(-10, -t), saturated(t, 10) });
        row(QStringLiteral("tanh"), -0.3, 11.7, eps, { saturated(t, 11.7) });
        row(QStringLiteral("tanh"), -1000, 1000, eps, { saturated(-1000, -t), saturated(t, 1000) });

        const double w = softsignBound(eps);
        row(QStringLiteral("softsign"), -2 * w - 10, 2 * w + 10, eps,
            { saturated(-2 * w - 10, -w), saturated(w, 2 * w + 10) });
        row(QStringLiteral("softsign"), -w - 1, 0.7, eps, { saturated(-w - 1, -w) });
    }
    for (double eps : { 0.01, 1e-4, 1e-6 }) {
        const double c = tanhshrinkBound(eps);
        row(QStringLiteral("tanhshrink"), -6, 6, eps, { saturated(-c, c) });
        row(QStringLiteral("tanhshrink"), -5, 7, eps, { saturated(-c, c) });
        row(QStringLiteral("tanhshrink"), -1000, 3, eps, { saturated(-c, c) });
    }
    // ELU: f′ = alpha·eˣ below 0.
    row(QStringLiteral("elu"), -6, 6, 0.01, { saturated(-6, std::log(0.01)) });
    row(QStringLiteral("elu"), -30, 6, 1e-6, { saturated(-30, std::log(1e-6)) });
}

void TestSaturation::closedFormBoundaries()
{
    QFETCH(QString, id);
    QFETCH(QList<double>, params);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, eps);
    QFETCH(QList<SaturationInterval>, expected);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const SaturationResult r = analyseSaturation(*spec, parameters(*spec, params), a, b, eps);
    const QString why = mismatch(r.intervals, expected, 1e-12);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestSaturation::kinkedIntervals_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QList<double>>("params");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("eps");
    QTest::addColumn<QList<SaturationInterval>>("expected");

    const auto row = [](const char *name, const char *id, const QList<double> &params, double a,
                        double b, double eps, const QList<SaturationInterval> &expected) {
        QTest::newRow(name) << QString::fromLatin1(id) << params << a << b << eps << expected;
    };

    // Every end here is a kink or an end of the range, so it must come out exactly.
    row("relu", "relu", {}, -6, 6, 0.01, { zero(-6, 0) });
    row("relu range left of kink", "relu", {}, -6, -1, 0.01, { zero(-6, -1) });
    row("relu range right of kink", "relu", {}, 0.5, 6, 0.01, {});
    row("relu range ends at kink", "relu", {}, -6, 0, 0.01, { zero(-6, 0) });
    row("relu range starts at kink", "relu", {}, 0, 6, 0.01, {});
    row("relu6", "relu6", {}, -6, 12, 0.01, { zero(-6, 0), zero(6, 12) });
    row("relu6 default range", "relu6", {}, -6, 6, 0.01, { zero(-6, 0) });
    row("hardtanh", "hardtanh", {}, -6, 6, 0.01, { zero(-6, -1), zero(1, 6) });
    row("hardtanh min_val=-2 max_val=0.5", "hardtanh", { -2, 0.5 }, -6, 6, 0.01,
        { zero(-6, -2), zero(0.5, 6) });
    row("hardsigmoid", "hardsigmoid", {}, -6, 6, 0.01, { zero(-6, -3), zero(3, 6) });
    // Hardsigmoid's gradient is 1/6 in between: saturated for a large enough ε.
    row("hardsigmoid eps=0.2", "hardsigmoid", {}, -6, 6, 0.2,
        { zero(-6, -3), saturated(-3, 3), zero(3, 6) });
    row("softshrink lambd=0.5", "softshrink", { 0.5 }, -6, 6, 0.01, { zero(-0.5, 0.5) });
    row("softshrink lambd=0", "softshrink", { 0.0 }, -6, 6, 0.01, {});
    row("hardshrink lambd=0.5", "hardshrink", { 0.5 }, -6, 6, 0.01, { zero(-0.5, 0.5) });
    row("hardshrink lambd=0", "hardshrink", { 0.0 }, -6, 6, 0.01, {});
    row("threshold", "threshold", {}, -6, 6, 0.01, { zero(-6, 0.1) });
    row("threshold=-1 value=-3", "threshold", { -1, -3 }, -6, 6, 0.01, { zero(-6, -1) });
    // The step has no derivative at its jump (NaN, never below ε): two intervals, not one.
    row("step", "step", {}, -6, 6, 0.01, { zero(-6, 0), zero(0, 6) });
    row("step right of jump", "step", {}, 1, 6, 0.01, { zero(1, 6) });
    row("leaky_relu slope=0.001", "leaky_relu", { 0.001 }, -6, 6, 0.01, { saturated(-6, 0) });
    row("leaky_relu slope=0", "leaky_relu", { 0.0 }, -6, 6, 0.01, { zero(-6, 0) });
    row("leaky_relu default", "leaky_relu", {}, -6, 6, 0.01, {});
    row("elu alpha=0", "elu", { 0.0 }, -6, 6, 0.01, { zero(-6, 0) });
    // The hardswish dip around −1.5 lies on the grid; its ends do not.
    row("hardswish", "hardswish", {}, -6, 6, 0.01, { zero(-6, -3), saturated(-1.53, -1.47) });
    row("hardswish eps=1e-6", "hardswish", {}, -6, 6, 1e-6,
        { zero(-6, -3), saturated(-1.5 - 3e-6, -1.5 + 3e-6) });
    row("identity", "identity", {}, -6, 6, 0.01, {});
    row("identity eps above slope", "identity", {}, -6, 6, 1.5, { saturated(-6, 6) });
    // ε = 0: nothing is below it, not even a gradient of exactly zero.
    row("relu eps=0", "relu", {}, -6, 6, 0.0, {});
    row("relu eps=1e-300", "relu", {}, -6, 6, 1e-300, { zero(-6, 0) });
}

void TestSaturation::kinkedIntervals()
{
    QFETCH(QString, id);
    QFETCH(QList<double>, params);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, eps);
    QFETCH(QList<SaturationInterval>, expected);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const ParameterValues p = parameters(*spec, params);
    QVERIFY(spec->validate(p).isEmpty());
    const SaturationResult r = analyseSaturation(*spec, p, a, b, eps);
    // Zero intervals end exactly at kinks; a refined boundary (hardswish) within 1e-12.
    QString why = mismatch(r.intervals, expected, 1e-12);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    for (qsizetype i = 0; i < r.intervals.size(); ++i) {
        if (r.intervals[i].kind == SaturationKind::Zero)
            QVERIFY2(r.intervals[i] == expected[i], qPrintable(describe(r.intervals)));
    }
}

void TestSaturation::narrowDips_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("eps");
    QTest::addColumn<double>("rootLo");
    QTest::addColumn<double>("rootHi");

    // f′ crosses zero between rootLo and rootHi; |f′| < ε only on a sliver around the root,
    // far narrower than a grid cell.
    for (double eps : { 1e-4, 1e-6, 1e-9 }) {
        QTest::addRow("silu eps=%g", eps) << QStringLiteral("silu") << eps << -2.0 << -1.0;
        QTest::addRow("gelu eps=%g", eps) << QStringLiteral("gelu") << eps << -1.0 << -0.5;
        QTest::addRow("mish eps=%g", eps) << QStringLiteral("mish") << eps << -2.0 << -1.0;
    }
}

void TestSaturation::narrowDips()
{
    QFETCH(QString, id);
    QFETCH(double, eps);
    QFETCH(double, rootLo);
    QFETCH(double, rootHi);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const ParameterValues p = spec->defaults();
    const auto d1 = [&](double x) { return spec->at(x, p).d1; };
    QVERIFY(d1(rootLo) * d1(rootHi) < 0);
    double lo = rootLo;
    double hi = rootHi;
    for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
        const double mid = (lo + hi) / 2;
        (d1(mid) * d1(lo) > 0 ? lo : hi) = mid;
    }
    const double root = (lo + hi) / 2;

    const SaturationResult r = analyseSaturation(*spec, p, -6, 6, eps);
    QList<SaturationInterval> dips;
    for (const SaturationInterval &i : r.intervals) {
        if (i.to > rootLo && i.from < rootHi)
            dips << i;
    }
    QVERIFY2(dips.size() == 1, qPrintable(describe(r.intervals)));
    const SaturationInterval dip = dips.first();
    QCOMPARE(dip.kind, SaturationKind::Saturated);
    QVERIFY(dip.from < root && root < dip.to);
    // f′ is nearly linear across the sliver: its ends lie where |f′| = ε.
    const double slope = std::abs(spec->at(root, p).d2);
    QVERIFY2(std::abs(dip.length() - 2 * eps / slope) <= 1e-3 * dip.length(),
             qPrintable(describe(dips)));
    QVERIFY(std::abs(d1(dip.from - dip.length())) >= eps);
    QVERIFY(std::abs(d1(dip.to + dip.length())) >= eps);
}

void TestSaturation::underflowIsNotZero()
{
    const ActivationSpec *spec = ActivationCatalogue::find(u"sigmoid");
    QVERIFY(spec);
    const ParameterValues p = spec->defaults();
    // The premise: σ′ underflows to exactly 0 here, yet it is no flat region.
    QCOMPARE(spec->at(-800, p).d1, 0.0);
    const SaturationResult r = analyseSaturation(*spec, p, -1000, -700, 0.01);
    const QList<SaturationInterval> expected = { saturated(-1000, -700) };
    QCOMPARE(r.intervals, expected);
    QCOMPARE(r.zeroFraction, 0.0);
    QCOMPARE(r.saturatedFraction, 1.0);
}

void TestSaturation::maxGradient_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("expectedMax");
    QTest::addColumn<double>("expectedAt");

    const double dsigmoid2 = 1 / (1 + std::exp(-2.0)) * (1 / (1 + std::exp(2.0)));
    QTest::newRow("sigmoid") << QStringLiteral("sigmoid") << -6.0 << 6.0 << 0.25 << 0.0;
    QTest::newRow("sigmoid, 0 off the grid")
        << QStringLiteral("sigmoid") << -5.0 << 7.0 << 0.25 << 0.0;
    QTest::newRow("sigmoid left end")
        << QStringLiteral("sigmoid") << 2.0 << 5.0 << dsigmoid2 << 2.0;
    QTest::newRow("sigmoid right end")
        << QStringLiteral("sigmoid") << -5.0 << -2.0 << dsigmoid2 << -2.0;
    QTest::newRow("tanh") << QStringLiteral("tanh") << -6.0 << 6.0 << 1.0 << 0.0;
    QTest::newRow("tanh, 0 off the grid") << QStringLiteral("tanh") << -3.3 << 8.1 << 1.0 << 0.0;
    QTest::newRow("tanh wide") << QStringLiteral("tanh") << -1000.0 << 1000.0 << 1.0 << 0.0;
    // Only approached at the kink (f′(0) = 0): reported there.
    QTest::newRow("relu") << QStringLiteral("relu") << -6.0 << 6.0 << 1.0 << 0.0;
    QTest::newRow("relu6") << QStringLiteral("relu6") << -6.0 << 6.0 << 1.0 << 0.0;
    QTest::newRow("relu range from kink") << QStringLiteral("relu") << 0.0 << 6.0 << 1.0 << 0.0;
    QTest::newRow("identity, leftmost") << QStringLiteral("identity") << -6.0 << 6.0 << 1.0 << -6.0;
    // PyTorch's convention at the kink (the middle branch, 1.5) is the largest value.
    QTest::newRow("hardswish") << QStringLiteral("hardswish") << -6.0 << 6.0 << 1.5 << 3.0;
    // NaN at the jump is ignored; 0 everywhere else, first at the left end.
    QTest::newRow("step") << QStringLiteral("step") << -6.0 << 6.0 << 0.0 << -6.0;
    // A critical point between grid points: x·tanh(x/2) = 2.
    QTest::newRow("silu") << QStringLiteral("silu") << -6.0 << 6.0 << 1.0998393201288669
                          << 2.3993572805154677;
}

void TestSaturation::maxGradient()
{
    QFETCH(QString, id);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, expectedMax);
    QFETCH(double, expectedAt);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const SaturationResult r = analyseSaturation(*spec, spec->defaults(), a, b, 0.01);
    QVERIFY2(std::abs(r.maxAbsGradient - expectedMax) <= 1e-15 * std::max(1.0, expectedMax),
             qPrintable(QString::number(r.maxAbsGradient, 'g', 17)));
    // Critical points are bisected down to adjacent doubles.
    QVERIFY2(std::abs(r.maxAbsGradientAt - expectedAt)
                 <= 1e-12 * std::max(1.0, std::abs(expectedAt)),
             qPrintable(QString::number(r.maxAbsGradientAt, 'g', 17)));
    QVERIFY(r.maxAbsGradientAt >= a && r.maxAbsGradientAt <= b);
    // Away from kinks the reported x is where that value is: PyTorch's own f′ there.
    if (!spec->kinks(spec->defaults().data()).contains(r.maxAbsGradientAt))
        QCOMPARE(std::abs(spec->at(r.maxAbsGradientAt, spec->defaults()).d1), r.maxAbsGradient);
}

void TestSaturation::fractions_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QList<double>>("params");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("eps");
    QTest::addColumn<double>("zeroFraction");
    QTest::addColumn<double>("saturatedFraction");

    const auto row = [](const char *name, const char *id, const QList<double> &params, double a,
                        double b, double eps, double zeroShare, double saturatedShare) {
        QTest::newRow(name) << QString::fromLatin1(id) << params << a << b << eps << zeroShare
                            << saturatedShare;
    };
    row("relu", "relu", {}, -6, 6, 0.01, 0.5, 0);
    row("leaky_relu slope=0.001", "leaky_relu", { 0.001 }, -6, 6, 0.01, 0, 0.5);
    row("hardtanh", "hardtanh", {}, -6, 6, 0.01, 10.0 / 12, 0);
    row("hardtanh min_val=-2 max_val=0.5", "hardtanh", { -2, 0.5 }, -6, 6, 0.01, 9.5 / 12, 0);
    row("hardsigmoid", "hardsigmoid", {}, -6, 6, 0.01, 0.5, 0);
    row("threshold", "threshold", {}, -6, 6, 0.01, 6.1 / 12, 0);
    row("step", "step", {}, -6, 6, 0.01, 1, 0);
    row("identity", "identity", {}, -6, 6, 0.01, 0, 0);
    row("sigmoid", "sigmoid", {}, -6, 6, 0.01, 0, 2 * (6 - sigmoidBound(0.01)) / 12);
    row("tanh", "tanh", {}, -6, 6, 0.01, 0, 2 * (6 - tanhBound(0.01)) / 12);
    row("tanh range inside the band", "tanh", {}, 10, 20, 0.01, 0, 1);
    row("sigmoid range outside the band", "sigmoid", {}, -1, 1, 0.01, 0, 0);
    row("sigmoid eps=1e-300", "sigmoid", {}, -6, 6, 1e-300, 0, 0);
    row("tanh eps=1e-300", "tanh", {}, -30, 30, 1e-300, 0, 0);
    row("softsign eps=1e-12", "softsign", {}, -100, 100, 1e-12, 0, 0);
}

void TestSaturation::fractions()
{
    QFETCH(QString, id);
    QFETCH(QList<double>, params);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, eps);
    QFETCH(double, zeroFraction);
    QFETCH(double, saturatedFraction);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const SaturationResult r = analyseSaturation(*spec, parameters(*spec, params), a, b, eps);
    QVERIFY2(std::abs(r.zeroFraction - zeroFraction) <= 1e-12,
             qPrintable(QString::number(r.zeroFraction, 'g', 17)));
    QVERIFY2(std::abs(r.saturatedFraction - saturatedFraction) <= 1e-12,
             qPrintable(QString::number(r.saturatedFraction, 'g', 17)));
    if (zeroFraction == 0 && saturatedFraction == 0)
        QVERIFY2(r.intervals.isEmpty(), qPrintable(describe(r.intervals)));
}

void TestSaturation::invariants_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QList<double>>("params");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("eps");

    struct Variant
    {
        QString id;
        QList<double> params;
    };
    QList<Variant> variants;
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        variants.append({ spec.id, {} });
    variants.append({ QStringLiteral("leaky_relu"), { 0.0 } });
    variants.append({ QStringLiteral("elu"), { 0.0 } });
    variants.append({ QStringLiteral("celu"), { 2.0 } });
    variants.append({ QStringLiteral("softplus"), { 50.0, 20.0 } });
    variants.append({ QStringLiteral("softplus"), { 2.0, 10.0 } });
    variants.append({ QStringLiteral("hardtanh"), { -2.0, 0.5 } });
    variants.append({ QStringLiteral("softshrink"), { 0.0 } });
    variants.append({ QStringLiteral("hardshrink"), { 0.0 } });
    variants.append({ QStringLiteral("threshold"), { -1.0, -3.0 } });
    variants.append({ QStringLiteral("gelu"), { 1.0 } });

    for (const Variant &v : std::as_const(variants)) {
        QStringList values;
        for (double value : v.params)
            values << QString::number(value);
        const QString name = values.isEmpty()
            ? v.id
            : QStringLiteral("%1 (%2)").arg(v.id, values.join(QStringLiteral(", ")));
        for (double eps : { 0.2, 0.01, 1e-6 }) {
            for (const auto &[a, b] : { std::pair(-6.0, 6.0), std::pair(-60.0, 40.0) }) {
                QTest::addRow("%s [%g, %g] eps=%g", qPrintable(name), a, b, eps)
                    << v.id << v.params << a << b << eps;
            }
        }
    }
}

void TestSaturation::invariants()
{
    QFETCH(QString, id);
    QFETCH(QList<double>, params);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, eps);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const ParameterValues p = parameters(*spec, params);
    QVERIFY(spec->validate(p).isEmpty());
    const SaturationResult r = analyseSaturation(*spec, p, a, b, eps);
    const QString shown = describe(r.intervals);
    const auto d1 = [&](double x) { return spec->at(x, p).d1; };
    const auto below = [&](double x) { return std::abs(d1(x)) < eps; };
    const QList<double> kinks = spec->kinks(p.data());
    const QList<Interval> flat = spec->flatRegions(p.data());
    const auto nearKink = [&](double x) {
        for (double k : kinks) {
            if (std::abs(x - k) <= 1e-9 * std::max(1.0, std::abs(k)))
                return true;
        }
        return false;
    };

    // Ascending, inside [a, b], not degenerate; the fractions are their shares.
    double zeroLength = 0;
    double saturatedLength = 0;
    for (qsizetype i = 0; i < r.intervals.size(); ++i) {
        const SaturationInterval &s = r.intervals[i];
        QVERIFY2(a <= s.from && s.from < s.to && s.to <= b, qPrintable(shown));
        if (i > 0)
            QVERIFY2(r.intervals[i - 1].to <= s.from, qPrintable(shown));
        (s.kind == SaturationKind::Zero ? zeroLength : saturatedLength) += s.length();
        if (s.kind == SaturationKind::Zero) {
            bool inFlat = false;
            for (const Interval &f : flat)
                inFlat = inFlat || (f.from <= s.from && s.to <= f.to);
            QVERIFY2(inFlat, qPrintable(shown));
        }
        // Just outside a refined end (neither a kink nor an end of the range) |f′| ≥ ε.
        const double delta = 1e-9;
        if (s.from > a && !nearKink(s.from) && (i == 0 || r.intervals[i - 1].to != s.from))
            QVERIFY2(!below(s.from - delta * std::max(1.0, std::abs(s.from))), qPrintable(shown));
        if (s.to < b && !nearKink(s.to)
            && (i + 1 == r.intervals.size() || r.intervals[i + 1].from != s.to))
            QVERIFY2(!below(s.to + delta * std::max(1.0, std::abs(s.to))), qPrintable(shown));
    }
    QVERIFY(std::abs(r.zeroFraction - zeroLength / (b - a)) <= 1e-15);
    QVERIFY(std::abs(r.saturatedFraction - saturatedLength / (b - a)) <= 1e-15);
    QVERIFY(r.zeroFraction + r.saturatedFraction <= 1 + 1e-15);

    // On a dense grid, |f′| < ε exactly where an interval says so (away from kinks and ends).
    const int n = 4001;
    for (int i = 0; i < n; ++i) {
        const double x = a + (b - a) * i / (n - 1);
        if (nearKink(x))
            continue;
        bool inside = false;
        bool nearEnd = false;
        for (const SaturationInterval &s : r.intervals) {
            inside = inside || (s.from <= x && x <= s.to);
            nearEnd = nearEnd || std::abs(x - s.from) <= 1e-9 * std::max(1.0, std::abs(x))
                || std::abs(x - s.to) <= 1e-9 * std::max(1.0, std::abs(x));
        }
        if (nearEnd)
            continue;
        QVERIFY2(below(x) == inside,
                 qPrintable(QStringLiteral("x = %1, f′ = %2: %3")
                                .arg(x, 0, 'g', 17)
                                .arg(d1(x), 0, 'g', 17)
                                .arg(shown)));
        // The maximum bounds every sample and is PyTorch's own value where reported.
        if (!std::isnan(d1(x)))
            QVERIFY(std::abs(d1(x)) <= r.maxAbsGradient);
    }
    if (!kinks.contains(r.maxAbsGradientAt))
        QCOMPARE(std::abs(d1(r.maxAbsGradientAt)), r.maxAbsGradient);
}

void TestSaturation::degenerateInput_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("eps");

    QTest::newRow("empty range") << 1.0 << 1.0 << 0.01;
    QTest::newRow("reversed range") << 6.0 << -6.0 << 0.01;
    QTest::newRow("NaN end") << NaN << 6.0 << 0.01;
    QTest::newRow("infinite end") << -6.0 << Inf << 0.01;
    QTest::newRow("NaN eps") << -6.0 << 6.0 << NaN;
    QTest::newRow("negative eps") << -6.0 << 6.0 << -1.0;
}

void TestSaturation::degenerateInput()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, eps);

    const ActivationSpec *spec = ActivationCatalogue::find(u"relu");
    QVERIFY(spec);
    const SaturationResult r = analyseSaturation(*spec, spec->defaults(), a, b, eps);
    QVERIFY(r.intervals.isEmpty());
    QCOMPARE(r.zeroFraction, 0.0);
    QCOMPARE(r.saturatedFraction, 0.0);
}

void TestSaturation::kindNames()
{
    QCOMPARE(saturationKindName(SaturationKind::Zero), QStringLiteral("zero"));
    QCOMPARE(saturationKindName(SaturationKind::Saturated), QStringLiteral("saturated"));
}

QTEST_GUILESS_MAIN(TestSaturation)
#include "tst_saturation.moc"
