// The catalogue against PyTorch: every row of the reference table, the kink conventions for any
// parameter value, limits at ±inf, and the refusal of parameters outside their domains.

#include "activationcatalogue.h"
#include "referenceparameters.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

bool isKink(const ActivationSpec &spec, const ParameterValues &p, double x)
{
    return spec.kinks(p.data()).contains(x);
}

} // namespace

class TestActivationCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsComplete();
    void matchesPyTorch_data();
    void matchesPyTorch();
    void kinkConventionsHoldForAnyParameters();
    void celuGradientIsExactNotFloat32();
    void derivativesAreAnalytic();
    void nanInNanOut();
    void infinityGivesLimits_data();
    void infinityGivesLimits();
    void hugeInputsNeverNaN();
    void tailsKeepRelativePrecision_data();
    void tailsKeepRelativePrecision();
    void batchMatchesPointwise();
    void refusesParametersOutsideDomain_data();
    void refusesParametersOutsideDomain();
    void acceptsDefaults();
    void labelsNameParameters();
};

void TestActivationCatalogue::celuGradientIsExactNotFloat32()
{
    // A deliberate difference, like hardsigmoid′ = 1/6: PyTorch 1.13's celu backward is
    // elu_backward(…, 1.0/alpha.toFloat(), …), so for alpha = 0.3 its f′(−3) is
    // 0.3·(1/α₃₂)·e^(−3/α₃₂) = 4.5399946e-05 (torch.autograd, float64), not e^(−10).
    const ActivationSpec *celu = ActivationCatalogue::find(u"celu");
    QVERIFY(celu);
    const double exact = std::exp(-10.0); // 4.5399929762484854e-05
    const double pytorch = 4.5399946e-05;
    const double x = -3.0;
    const ParameterValues p { 0.3, 0 };
    const double single = double(float(0.3));
    const double torchFormula = 0.3 * (1.0 / single) * std::exp(x * (1.0 / single));
    QVERIFY(std::fabs(torchFormula - pytorch) < 1e-12); // the formula PyTorch computes
    const double d1 = celu->at(x, p).d1;
    QVERIFY2(std::fabs(d1 - exact) <= 1e-15 * exact,
             qPrintable(QString::number(d1, 'g', 17)));
    QVERIFY(std::fabs(pytorch - exact) > 3e-7 * exact); // the gap we keep on purpose
    double batchF = 0;
    double batchD1 = 0;
    celu->evaluateBatch(p.data(), &x, &batchF, &batchD1, 1);
    QCOMPARE(batchD1, d1);
    // With a float32 alpha (the default 1, or 2) PyTorch's value is the exact one.
    QCOMPARE(celu->at(-3.0, { 1.0, 0 }).d1, std::exp(-3.0));
    QVERIFY(std::fabs(celu->at(-3.0, { 2.0, 0 }).d1 - std::exp(-1.5)) <= 1e-16 * std::exp(-1.5) * 2);
}

void TestActivationCatalogue::catalogueIsComplete()
{
    const QStringList expected = {
        "identity", "step",        "sigmoid",   "tanh",       "relu",       "relu6",      "leaky_relu",
        "prelu",    "rrelu",       "elu",       "celu",       "selu",       "gelu",       "silu",
        "mish",     "softplus",    "softsign",  "hardtanh",   "hardsigmoid", "hardswish", "logsigmoid",
        "tanhshrink", "softshrink", "hardshrink", "threshold"};
    QStringList ids;
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        ids << s.id;
        QVERIFY2(!s.displayName.isEmpty() && !s.formula.isEmpty() && !s.derivativeFormula.isEmpty()
                         && !s.gradientNote.isEmpty(),
                 qPrintable(s.id));
        QVERIFY(s.evaluate && s.evaluateBatch && s.kinks && s.flatRegions);
        for (const ParameterSpec &p : s.parameters) {
            QVERIFY2(p.sliderMin < p.sliderMax, qPrintable(s.id + "." + p.name));
            QVERIFY2(p.check(p.defaultValue).isEmpty(), qPrintable(s.id + "." + p.name));
            QVERIFY2(p.check(p.sliderMin).isEmpty() && p.check(p.sliderMax).isEmpty(),
                     qPrintable(s.id + "." + p.name));
            QVERIFY(!p.description.isEmpty());
        }
        QVERIFY(s.parameters.size() <= MaxParameters);
    }
    QCOMPARE(ids, expected);
    QCOMPARE(ActivationCatalogue::find(u"leaky_relu")->parameters.at(0).name, QString("negative_slope"));
    QCOMPARE(ActivationCatalogue::find(u"leaky_relu")->parameters.at(0).defaultValue, 0.01);
    QVERIFY(ActivationCatalogue::find(u"no_such") == nullptr);
    QVERIFY(ActivationCatalogue::idList().contains(QLatin1String("hardswish")));
}

void TestActivationCatalogue::matchesPyTorch_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("f");
    QTest::addColumn<double>("grad");
    QTest::addColumn<double>("grad2");

    QFile file(QStringLiteral(AE_TEST_DATA_DIR "/torch-activations.csv"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.errorString()));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("function,params,x,f,grad,grad2"));
    int rows = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList c = line.split(QLatin1Char(','));
        QCOMPARE(c.size(), 6);
        QTest::addRow("%s(%s) x=%s", qPrintable(c[0]), qPrintable(c[1]), qPrintable(c[2]))
                << c[0] << c[1] << parseReferenceNumber(c[2]) << parseReferenceNumber(c[3]) << parseReferenceNumber(c[4])
                << parseReferenceNumber(c[5]);
        ++rows;
    }
    QCOMPARE(rows, 975);
}

void TestActivationCatalogue::matchesPyTorch()
{
    QFETCH(QString, id);
    QFETCH(QString, params);
    QFETCH(double, x);
    QFETCH(double, f);
    QFETCH(double, grad);
    QFETCH(double, grad2);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY2(spec, qPrintable(id));
    const ParameterValues p = parseReferenceParameters(*spec, params);
    QVERIFY(spec->validate(p).isEmpty());
    const Derivatives d = spec->at(x, p);

    QVERIFY2(closeToReference(d.f, f, 1e-12), qPrintable(QString("f = %1, PyTorch %2").arg(d.f, 0, 'g', 17).arg(f, 0, 'g', 17)));

    if (id == QLatin1String("hardsigmoid") && grad != 0.0) {
        // PyTorch 1.13's hardsigmoid_backward multiplies by the float32 constant 1/6
        // (0.1666666716337204) even in float64; f = x/6 + 1/2 has slope exactly 1/6.
        QCOMPARE(d.d1, 1.0 / 6.0);
        QVERIFY(closeToReference(d.d1, grad, 1e-8));
    } else {
        QVERIFY2(closeToReference(d.d1, grad, 1e-12),
                 qPrintable(QString("f′ = %1, PyTorch %2").arg(d.d1, 0, 'g', 17).arg(grad, 0, 'g', 17)));
    }

    if (id == QLatin1String("mish") && std::isnan(grad2)) {
        // PyTorch's double backward of mish overflows to NaN at x = 1000; the true f″ is
        // 1000·sech²(1000)·… ≈ 0 (underflows), which is what we return.
        QVERIFY(std::isfinite(d.d2));
        QVERIFY(std::fabs(d.d2) < 1e-300);
    } else {
        // At a kink f″ is a convention; we follow PyTorch's there too, so one tolerance serves.
        QVERIFY2(closeToReference(d.d2, grad2, 1e-9),
                 qPrintable(QString("f″ = %1, PyTorch %2 (kink: %3)")
                                    .arg(d.d2, 0, 'g', 17)
                                    .arg(grad2, 0, 'g', 17)
                                    .arg(isKink(*spec, p, x))));
    }
}

void TestActivationCatalogue::kinkConventionsHoldForAnyParameters()
{
    // The derivative PyTorch returns at each kink, for random parameters in the domain.
    auto *rng = QRandomGenerator::global();
    auto uniform = [rng](double lo, double hi) { return lo + (hi - lo) * rng->generateDouble(); };
    for (int trial = 0; trial < 200; ++trial) {
        const double slope = uniform(-2, 2);
        QCOMPARE(ActivationCatalogue::find(u"leaky_relu")->at(0.0, {slope, 0}).d1, slope);
        QCOMPARE(ActivationCatalogue::find(u"prelu")->at(0.0, {slope, 0}).d1, slope);
        const double lo = uniform(0, 1), hi = lo + uniform(0, 1);
        QCOMPARE(ActivationCatalogue::find(u"rrelu")->at(0.0, {lo, hi}).d1, 0.5 * (lo + hi));
        const double alpha = uniform(0.05, 5);
        QCOMPARE(ActivationCatalogue::find(u"elu")->at(0.0, {alpha, 0}).d1, alpha);
        QCOMPARE(ActivationCatalogue::find(u"celu")->at(0.0, {alpha, 0}).d1, 1.0);
        QCOMPARE(ActivationCatalogue::find(u"celu")->at(0.0, {-alpha, 0}).d1, 1.0);
        const double mn = uniform(-5, 1), mx = mn + uniform(0.01, 5);
        const ActivationSpec *ht = ActivationCatalogue::find(u"hardtanh");
        QCOMPARE(ht->at(mn, {mn, mx}).d1, 0.0);
        QCOMPARE(ht->at(mx, {mn, mx}).d1, 0.0);
        QCOMPARE(ht->at(0.5 * (mn + mx), {mn, mx}).d1, 1.0);
        QCOMPARE(ht->kinks(ParameterValues{mn, mx}.data()), (QList<double>{mn, mx}));
        const double lambd = uniform(0, 3);
        for (const char16_t *id : {u"softshrink", u"hardshrink"}) {
            const ActivationSpec *s = ActivationCatalogue::find(id);
            QCOMPARE(s->at(lambd, {lambd, 0}).d1, 0.0);
            QCOMPARE(s->at(-lambd, {lambd, 0}).d1, 0.0);
            QCOMPARE(s->at(lambd * 1.01 + 1e-3, {lambd, 0}).d1, 1.0);
        }
        const double th = uniform(-5, 5), value = uniform(-20, 20);
        const ActivationSpec *t = ActivationCatalogue::find(u"threshold");
        QCOMPARE(t->at(th, {th, value}).d1, 0.0);
        QCOMPARE(t->at(th, {th, value}).f, value);
        QCOMPARE(t->kinks(ParameterValues{th, value}.data()), QList<double>{th});
        // softplus returns x only where beta·x > threshold, strictly.
        const double beta = uniform(0.1, 10), threshold = uniform(1, 30);
        const ActivationSpec *sp = ActivationCatalogue::find(u"softplus");
        const double switchAt = threshold / beta;
        QCOMPARE(sp->at(switchAt * 1.001, {beta, threshold}).f, switchAt * 1.001);
        QVERIFY(sp->at(switchAt * 0.999, {beta, threshold}).d1 < 1.0);
    }
    const Derivatives selu0 = ActivationCatalogue::find(u"selu")->at(0.0, {});
    QCOMPARE(selu0.d1, 1.0507009873554804934 * 1.6732632423543772848);
    QCOMPARE(ActivationCatalogue::find(u"relu")->at(0.0, {}).d1, 0.0);
    QCOMPARE(ActivationCatalogue::find(u"relu6")->at(6.0, {}).d1, 0.0);
    QCOMPARE(ActivationCatalogue::find(u"hardswish")->at(-3.0, {}).d1, -0.5);
    QCOMPARE(ActivationCatalogue::find(u"hardswish")->at(3.0, {}).d1, 1.5);
    QCOMPARE(ActivationCatalogue::find(u"hardsigmoid")->at(3.0, {}).d1, 0.0);
    QVERIFY(std::isnan(ActivationCatalogue::find(u"step")->at(0.0, {}).d1));
    QCOMPARE(ActivationCatalogue::find(u"step")->at(0.0, {}).f, 0.0);
}

void TestActivationCatalogue::derivativesAreAnalytic()
{
    // A finite difference cannot see below ~1e-13; the analytic σ′(40) can.
    const Derivatives d = ActivationCatalogue::find(u"sigmoid")->at(40.0, {});
    QVERIFY(std::fabs(d.d1 - 4.248354255291589e-18) <= 1e-13 * 4.248354255291589e-18);
    const Derivatives t = ActivationCatalogue::find(u"tanh")->at(20.0, {});
    QVERIFY(std::fabs(t.d1 - 1.6993417021166355e-17) <= 1e-13 * 1.6993417021166355e-17);
    // f″ consistent with f′ by a central difference in a smooth region (a sanity check only).
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        const ParameterValues p = s.defaults();
        for (double x : {-2.3, -0.7, 0.4, 1.9}) {
            if (!s.kinks(p.data()).isEmpty()) {
                bool nearKink = false;
                for (double k : s.kinks(p.data()))
                    nearKink = nearKink || std::fabs(k - x) < 0.01;
                if (nearKink)
                    continue;
            }
            const double h = 1e-5;
            const double fd1 = (s.at(x + h, p).f - s.at(x - h, p).f) / (2 * h);
            const double fd2 = (s.at(x + h, p).d1 - s.at(x - h, p).d1) / (2 * h);
            QVERIFY2(std::fabs(fd1 - s.at(x, p).d1) < 1e-7, qPrintable(s.id));
            QVERIFY2(std::fabs(fd2 - s.at(x, p).d2) < 1e-7, qPrintable(s.id));
        }
    }
}

void TestActivationCatalogue::nanInNanOut()
{
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        const Derivatives d = s.at(NaN, s.defaults());
        QVERIFY2(std::isnan(d.f) && std::isnan(d.d1) && std::isnan(d.d2), qPrintable(s.id));
    }
}

void TestActivationCatalogue::infinityGivesLimits_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("f");
    QTest::addColumn<double>("d1");
    auto row = [](const char *id, double x, double f, double d1) {
        QTest::addRow("%s(%g)", id, x) << QString::fromLatin1(id) << x << f << d1;
    };
    row("identity", Inf, Inf, 1);
    row("identity", -Inf, -Inf, 1);
    row("step", Inf, 1, 0);
    row("step", -Inf, 0, 0);
    row("sigmoid", Inf, 1, 0);
    row("sigmoid", -Inf, 0, 0);
    row("tanh", Inf, 1, 0);
    row("tanh", -Inf, -1, 0);
    row("relu", Inf, Inf, 1);
    row("relu", -Inf, 0, 0);
    row("relu6", Inf, 6, 0);
    row("leaky_relu", -Inf, -Inf, 0.01);
    row("prelu", -Inf, -Inf, 0.25);
    row("rrelu", -Inf, -Inf, 0.5 * (1.0 / 8 + 1.0 / 3));
    row("elu", -Inf, -1, 0);
    row("celu", -Inf, -1, 0);
    row("selu", -Inf, -1.0507009873554804934 * 1.6732632423543772848, 0);
    row("selu", Inf, Inf, 1.0507009873554804934);
    row("gelu", Inf, Inf, 1);
    row("gelu", -Inf, 0, 0);
    row("silu", Inf, Inf, 1);
    row("silu", -Inf, 0, 0);
    row("mish", Inf, Inf, 1);
    row("mish", -Inf, 0, 0);
    row("softplus", Inf, Inf, 1);
    row("softplus", -Inf, 0, 0);
    row("softsign", Inf, 1, 0);
    row("softsign", -Inf, -1, 0);
    row("hardtanh", Inf, 1, 0);
    row("hardtanh", -Inf, -1, 0);
    row("hardsigmoid", Inf, 1, 0);
    row("hardswish", Inf, Inf, 1);
    row("hardswish", -Inf, 0, 0);
    row("logsigmoid", Inf, 0, 0);
    row("logsigmoid", -Inf, -Inf, 1);
    row("tanhshrink", Inf, Inf, 1);
    row("tanhshrink", -Inf, -Inf, 1);
    row("softshrink", Inf, Inf, 1);
    row("hardshrink", -Inf, -Inf, 1);
    row("threshold", -Inf, 20, 0);
    row("threshold", Inf, Inf, 1);
}

void TestActivationCatalogue::infinityGivesLimits()
{
    QFETCH(QString, id);
    QFETCH(double, x);
    QFETCH(double, f);
    QFETCH(double, d1);
    const ActivationSpec *s = ActivationCatalogue::find(id);
    const Derivatives d = s->at(x, s->defaults());
    QCOMPARE(d.f, f);
    QCOMPARE(d.d1, d1);
    QVERIFY(!std::isnan(d.d2));
}

void TestActivationCatalogue::hugeInputsNeverNaN()
{
    const double xs[] = {1e308, -1e308, std::numeric_limits<double>::max(),
                         -std::numeric_limits<double>::max(), 1e154, -1e154, 1e200, -1e200,
                         1e10, -1e10, 745.2, -745.2, 710, -710, 5e-324, -5e-324, 0.0, -0.0};
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        QList<ParameterValues> settings = {s.defaults()};
        if (s.id == QLatin1String("gelu"))
            settings << ParameterValues{1, 0};
        if (s.id == QLatin1String("celu"))
            settings << ParameterValues{-0.5, 0};
        if (s.id == QLatin1String("softplus"))
            settings << ParameterValues{1e-3, 1e6} << ParameterValues{50, 1e300};
        for (const ParameterValues &p : settings) {
            for (double x : xs) {
                const Derivatives d = s.at(x, p);
                if (s.id == QLatin1String("step") && x == 0.0)
                    continue; // no derivative there, by definition
                QVERIFY2(!std::isnan(d.f) && !std::isnan(d.d1) && !std::isnan(d.d2),
                         qPrintable(QString("%1 at %2: %3 %4 %5").arg(s.label(p)).arg(x).arg(d.f).arg(d.d1).arg(d.d2)));
            }
        }
    }
}

void TestActivationCatalogue::tailsKeepRelativePrecision_data()
{
    // Values from mpmath at 50 digits (see scripts/make_mpmath_reference.py for the full table).
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("d1");
    QTest::newRow("sigmoid'(40)") << "sigmoid" << 40.0 << 4.248354255291589e-18;
    QTest::newRow("sigmoid'(-40)") << "sigmoid" << -40.0 << 4.248354255291589e-18;
    QTest::newRow("sigmoid'(700)") << "sigmoid" << 700.0 << 9.85967654375977e-305;
    QTest::newRow("tanh'(19.5)") << "tanh" << 19.5 << 4.6192896692063144e-17;
    QTest::newRow("logsigmoid'(40)") << "logsigmoid" << 40.0 << 4.248354255291589e-18;
}

void TestActivationCatalogue::tailsKeepRelativePrecision()
{
    QFETCH(QString, id);
    QFETCH(double, x);
    QFETCH(double, d1);
    const ActivationSpec *s = ActivationCatalogue::find(id);
    const double got = s->at(x, s->defaults()).d1;
    QVERIFY2(std::fabs(got - d1) <= 1e-12 * std::fabs(d1),
             qPrintable(QString("%1 vs %2").arg(got, 0, 'g', 17).arg(d1, 0, 'g', 17)));
}

void TestActivationCatalogue::batchMatchesPointwise()
{
    QList<double> xs;
    for (int i = 0; i <= 400; ++i)
        xs << -50.0 + 0.25 * i;
    xs << 0.0 << NaN << Inf << -Inf;
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        const ParameterValues p = s.defaults();
        QList<double> f(xs.size()), d1(xs.size());
        s.evaluateBatch(p.data(), xs.constData(), f.data(), d1.data(), xs.size());
        // The AVX2 kernels of the smooth functions (model/activationkernels.cpp) call libmvec,
        // whose functions may differ from the scalar libm's by a few ulps: they agree to 1e-13
        // (tst_activationaccuracy checks them against mpmath). The others do the pointwise
        // arithmetic lane by lane: bit for bit.
        static const QStringList vectorised = {"sigmoid", "tanh",     "elu",        "celu",
                                               "selu",    "gelu",     "silu",       "mish",
                                               "softplus", "logsigmoid", "tanhshrink"};
        const double tolerance = vectorised.contains(s.id) ? 1e-13 : 0.0;
        auto same = [tolerance](double a, double b) {
            if (std::isnan(a) || std::isnan(b))
                return std::isnan(a) && std::isnan(b);
            const double scale = std::isnormal(b) ? std::fabs(b) : 1e-287; // 1e-300 where b is tiny
            return a == b || std::fabs(a - b) <= tolerance * scale;
        };
        for (qsizetype i = 0; i < xs.size(); ++i) {
            const Derivatives d = s.at(xs[i], p);
            QVERIFY2(same(f[i], d.f), qPrintable(QString("%1 f at %2").arg(s.id).arg(xs[i])));
            QVERIFY2(same(d1[i], d.d1), qPrintable(QString("%1 f′ at %2").arg(s.id).arg(xs[i])));
        }
    }
}

void TestActivationCatalogue::refusesParametersOutsideDomain_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("p0");
    QTest::addColumn<double>("p1");
    QTest::addColumn<QString>("message");
    QTest::newRow("celu alpha 0") << "celu" << 0.0 << 0.0 << "celu: alpha must be a finite number ≠ 0 (got 0)";
    QTest::newRow("softplus beta 0") << "softplus" << 0.0 << 20.0 << "softplus: beta must be a finite number > 0 (got 0)";
    QTest::newRow("softplus beta -1") << "softplus" << -1.0 << 20.0 << "softplus: beta must be a finite number > 0 (got -1)";
    QTest::newRow("softplus threshold inf") << "softplus" << 1.0 << Inf << "softplus: threshold must be any finite number (got inf)";
    QTest::newRow("hardtanh min = max") << "hardtanh" << 1.0 << 1.0 << "hardtanh: min_val (1) must be less than max_val (1)";
    QTest::newRow("hardtanh min > max") << "hardtanh" << 2.0 << -1.0 << "hardtanh: min_val (2) must be less than max_val (-1)";
    QTest::newRow("rrelu lower > upper") << "rrelu" << 0.5 << 0.25 << "rrelu: lower (0.5) must not exceed upper (0.25)";
    QTest::newRow("rrelu lower < 0") << "rrelu" << -0.1 << 0.25 << "rrelu: lower must be a finite number ≥ 0 (got -0.1)";
    QTest::newRow("softshrink lambd < 0") << "softshrink" << -0.5 << 0.0 << "softshrink: lambd must be a finite number ≥ 0 (got -0.5)";
    QTest::newRow("hardshrink lambd nan") << "hardshrink" << NaN << 0.0 << "hardshrink: lambd must be a finite number ≥ 0 (got nan)";
    QTest::newRow("gelu approximate 2") << "gelu" << 2.0 << 0.0 << "gelu: approximate must be one of 'none', 'tanh' (got 2)";
    QTest::newRow("leaky_relu slope inf") << "leaky_relu" << -Inf << 0.0 << "leaky_relu: negative_slope must be any finite number (got -inf)";
    QTest::newRow("elu alpha nan") << "elu" << NaN << 0.0 << "elu: alpha must be any finite number (got nan)";
}

void TestActivationCatalogue::refusesParametersOutsideDomain()
{
    QFETCH(QString, id);
    QFETCH(double, p0);
    QFETCH(double, p1);
    QFETCH(QString, message);
    QCOMPARE(ActivationCatalogue::find(id)->validate({p0, p1}), message);
}

void TestActivationCatalogue::acceptsDefaults()
{
    for (const ActivationSpec &s : ActivationCatalogue::all())
        QVERIFY2(s.validate(s.defaults()).isEmpty(), qPrintable(s.id));
    QVERIFY(ActivationCatalogue::find(u"celu")->validate({-2.0, 0}).isEmpty());
    QVERIFY(ActivationCatalogue::find(u"softshrink")->validate({0.0, 0}).isEmpty());
    QVERIFY(ActivationCatalogue::find(u"rrelu")->validate({0.2, 0.2}).isEmpty());
}

void TestActivationCatalogue::labelsNameParameters()
{
    QCOMPARE(ActivationCatalogue::find(u"leaky_relu")->label({0.2, 0}), QString("leaky_relu (negative_slope 0.2)"));
    QCOMPARE(ActivationCatalogue::find(u"gelu")->label({1, 0}), QString("gelu (approximate tanh)"));
    QCOMPARE(ActivationCatalogue::find(u"sigmoid")->label({}), QString("sigmoid"));
    QCOMPARE(ActivationCatalogue::find(u"softplus")->label({1, 20}), QString("softplus (beta 1, threshold 20)"));
}

QTEST_GUILESS_MAIN(TestActivationCatalogue)
#include "tst_activationcatalogue.moc"
