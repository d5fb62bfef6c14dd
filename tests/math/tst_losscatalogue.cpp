// The loss catalogue against PyTorch: every row of tests/data/torch-losses.csv (made by
// scripts/make_loss_reference.py with torch 1.13 in float64: f, autograd's f′ and the double
// backward f″), kinks and flat regions consistent with the values, PyTorch's defaults, and the
// refusal of parameters outside their domains.

#include "activationcatalogue.h"
#include "losscatalogue.h"
#include "referenceparameters.h"

#include <QFile>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

constexpr double FTol = 1e-12;  // f and f′: |got − ref| ≤ tol·max(1, |ref|)
constexpr double D2Tol = 1e-9;  // f″

const QStringList ExpectedIds{
        QStringLiteral("mse_loss"),        QStringLiteral("l1_loss"),
        QStringLiteral("smooth_l1_loss"),  QStringLiteral("huber_loss"),
        QStringLiteral("binary_cross_entropy"), QStringLiteral("binary_cross_entropy_with_logits"),
        QStringLiteral("cross_entropy"),   QStringLiteral("nll_loss"),
        QStringLiteral("kl_div"),          QStringLiteral("soft_margin_loss"),
        QStringLiteral("hinge_embedding_loss"), QStringLiteral("poisson_nll_loss")};

struct Row
{
    QString id;
    QString params;
    double x = 0.0;
    double ref[3] = {0.0, 0.0, 0.0};
};

QList<Row> readTable(QString *error)
{
    QList<Row> out;
    QFile file(QStringLiteral(AE_TEST_DATA_DIR "/torch-losses.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = file.errorString();
        return {};
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.first().trimmed() != QByteArray("function,params,x,f,grad,grad2")) {
        *error = QStringLiteral("unexpected header");
        return {};
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList c = line.split(QLatin1Char(','));
        if (c.size() != 6) {
            *error = QStringLiteral("line %1 has %2 cells").arg(i + 1).arg(c.size());
            return {};
        }
        Row r;
        r.id = c[0];
        r.params = c[1];
        r.x = parseReferenceNumber(c[2]);
        for (int k = 0; k < 3; ++k)
            r.ref[k] = parseReferenceNumber(c[3 + k]);
        out << r;
    }
    return out;
}

/** Every (loss, parameters) of the reference table, plus each loss's defaults. */
QList<QPair<const ActivationSpec *, ParameterValues>> parameterSets()
{
    QList<QPair<const ActivationSpec *, ParameterValues>> out;
    for (const ActivationSpec &s : LossCatalogue::all())
        out.append({&s, s.defaults()});
    QString error;
    QSet<QString> seen;
    for (const Row &r : readTable(&error)) {
        const QString key = r.id + QLatin1Char('|') + r.params;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const ActivationSpec *s = LossCatalogue::find(r.id);
        if (s)
            out.append({s, parseReferenceParameters(*s, r.params)});
    }
    return out;
}

QString describe(const ActivationSpec &s, const ParameterValues &p) { return s.label(p); }

bool inFlatRegion(const QList<Interval> &flat, double x)
{
    for (const Interval &i : flat) {
        if (x >= i.from && x <= i.to)
            return true;
    }
    return false;
}

double worst[3] = {0.0, 0.0, 0.0};
QString worstWhere[3];

} // namespace

class TestLossCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsComplete();
    void defaultsArePyTorchs();
    void matchesPyTorch_data();
    void matchesPyTorch();
    void batchMatchesEvaluate();
    void flatRegionsHaveZeroGradient();
    void zeroGradientOnlyInFlatRegions();
    void kinksAreReal();
    void smoothBetweenKinks();
    void pytorchKinkConventions();
    void stableInTheTails();
    void nanInNanOut();
    void refusesInvalidParameters_data();
    void refusesInvalidParameters();
    void cleanupTestCase();
};

void TestLossCatalogue::catalogueIsComplete()
{
    QStringList ids;
    for (const ActivationSpec &s : LossCatalogue::all()) {
        ids << s.id;
        QCOMPARE(s.kind, FunctionKind::Loss);
        QVERIFY2(!s.displayName.isEmpty() && s.torchName.startsWith(QLatin1String("F.")) && !s.formula.isEmpty()
                         && !s.derivativeFormula.isEmpty() && !s.gradientNote.isEmpty(),
                 qPrintable(s.id));
        QVERIFY(s.evaluate && s.evaluateBatch && s.kinks && s.flatRegions);
        QVERIFY2(s.defaultRange.from < s.defaultRange.to, qPrintable(s.id));
        QVERIFY(s.parameters.size() <= MaxParameters);
        QVERIFY2(s.parameterIndex(u"target") >= 0, qPrintable(s.id));
        for (const ParameterSpec &p : s.parameters) {
            QVERIFY2(p.sliderMin < p.sliderMax, qPrintable(s.id + "." + p.name));
            QVERIFY2(p.check(p.defaultValue).isEmpty(), qPrintable(s.id + "." + p.name));
            QVERIFY2(p.check(p.sliderMin).isEmpty() && p.check(p.sliderMax).isEmpty(), qPrintable(s.id + "." + p.name));
            QVERIFY(!p.description.isEmpty());
            if (p.domain == ParameterDomain::Choice)
                QCOMPARE(p.sliderMax, double(p.choices.size() - 1));
        }
        QVERIFY2(s.validate(s.defaults()).isEmpty(), qPrintable(s.validate(s.defaults())));
        // Found through the catalogue everyone uses, and not an activation.
        QCOMPARE(ActivationCatalogue::find(s.id), &s);
        QVERIFY(LossCatalogue::find(s.id) == &s);
        QVERIFY(!ActivationCatalogue::idList().split(QLatin1String(", ")).contains(s.id));
    }
    QCOMPARE(ids, ExpectedIds);
    QCOMPARE(LossCatalogue::idList(), ExpectedIds.join(QLatin1String(", ")));
    QVERIFY(LossCatalogue::find(u"relu") == nullptr);
    QVERIFY(LossCatalogue::find(u"no_such_loss") == nullptr);
    QCOMPARE(ActivationCatalogue::find(u"binary_cross_entropy")->defaultRange, (Interval{0.0, 1.0}));
}

void TestLossCatalogue::defaultsArePyTorchs()
{
    const auto def = [](const char *id, const char *name) {
        const ActivationSpec *s = LossCatalogue::find(QString::fromLatin1(id));
        const int i = s ? s->parameterIndex(QString::fromLatin1(name)) : -1;
        if (i < 0)
            qFatal("%s has no %s", id, name);
        const ParameterSpec &p = s->parameters[i];
        return p.domain == ParameterDomain::Choice ? p.choices[int(p.defaultValue)] : QString::number(p.defaultValue, 'g', 17);
    };
    QCOMPARE(def("smooth_l1_loss", "beta"), QString("1"));
    QCOMPARE(def("huber_loss", "delta"), QString("1"));
    QCOMPARE(def("binary_cross_entropy_with_logits", "pos_weight"), QString("1"));
    QCOMPARE(def("cross_entropy", "label_smoothing"), QString("0"));
    QCOMPARE(def("kl_div", "log_target"), QString("False"));
    QCOMPARE(def("hinge_embedding_loss", "margin"), QString("1"));
    QCOMPARE(def("poisson_nll_loss", "log_input"), QString("True"));
    QCOMPARE(def("poisson_nll_loss", "full"), QString("False"));
    QCOMPARE(def("poisson_nll_loss", "eps"), QString("1e-08"));
    // PyTorch has no default target; ours show the typical curve.
    QCOMPARE(def("mse_loss", "target"), QString("0"));
    QCOMPARE(def("binary_cross_entropy", "target"), QString("1"));
    QCOMPARE(def("soft_margin_loss", "target"), QString("1"));
    QCOMPARE(def("hinge_embedding_loss", "target"), QString("-1"));
    QCOMPARE(def("cross_entropy", "num_classes"), QString("3"));
    QCOMPARE(def("cross_entropy", "target"), QString("0"));
}

void TestLossCatalogue::matchesPyTorch_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("f");
    QTest::addColumn<double>("grad");
    QTest::addColumn<double>("grad2");
    QString error;
    const QList<Row> rows = readTable(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 1280);
    QSet<QString> ids;
    for (const Row &r : rows) {
        ids.insert(r.id);
        QTest::addRow("%s(%s) x=%s", qPrintable(r.id), qPrintable(r.params), qPrintable(QString::number(r.x, 'g', 17)))
                << r.id << r.params << r.x << r.ref[0] << r.ref[1] << r.ref[2];
    }
    QCOMPARE(ids.size(), ExpectedIds.size()); // every loss has rows
}

void TestLossCatalogue::matchesPyTorch()
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
    QVERIFY2(spec->validate(p).isEmpty(), qPrintable(spec->validate(p)));
    const Derivatives d = spec->at(x, p);

    if (id == QLatin1String("soft_margin_loss") && (std::isinf(f) || std::isnan(grad))) {
        // PyTorch's log1p(exp(−y·x)) overflows for y·x < −709 (inf, then NaN gradients); the
        // stable softplus gives the true |x| and f′ = −y.
        const double y = p[0] == 0 ? -1.0 : 1.0;
        QCOMPARE(d.f, -y * x);
        QCOMPARE(d.d1, -y);
        QCOMPARE(d.d2, 0.0);
        return;
    }

    const double refs[3] = {f, grad, grad2};
    const double got[3] = {d.f, d.d1, d.d2};
    const double tols[3] = {FTol, FTol, D2Tol};
    const char *names[3] = {"f", "f′", "f″"};
    for (int k = 0; k < 3; ++k) {
        const bool ok = std::isinf(refs[k]) ? got[k] == refs[k] : closeToReference(got[k], refs[k], tols[k]);
        QVERIFY2(ok, qPrintable(QString("%1 = %2, PyTorch %3").arg(names[k]).arg(got[k], 0, 'g', 17).arg(refs[k], 0, 'g', 17)));
        if (std::isfinite(refs[k])) {
            const double e = std::fabs(got[k] - refs[k]) / std::max(1.0, std::fabs(refs[k]));
            if (e > worst[k]) {
                worst[k] = e;
                worstWhere[k] = QStringLiteral("%1(%2) x=%3").arg(id, params).arg(x, 0, 'g', 17);
            }
        }
    }
}

void TestLossCatalogue::batchMatchesEvaluate()
{
    QList<double> xs{-1000, -40, -4, -1, -1e-8, 0, 1e-12, 0.3, 0.5, 1, 1.5, 4, 40, 1000, NaN};
    for (const auto &[spec, p] : parameterSets()) {
        QList<double> f(xs.size()), d1(xs.size());
        spec->evaluateBatch(p.data(), xs.constData(), f.data(), d1.data(), xs.size());
        for (qsizetype i = 0; i < xs.size(); ++i) {
            const Derivatives d = spec->at(xs[i], p);
            const bool same = (d.f == f[i] || (std::isnan(d.f) && std::isnan(f[i])))
                    && (d.d1 == d1[i] || (std::isnan(d.d1) && std::isnan(d1[i])));
            QVERIFY2(same, qPrintable(describe(*spec, p) + QString(" x=%1").arg(xs[i])));
        }
    }
}

void TestLossCatalogue::flatRegionsHaveZeroGradient()
{
    int regions = 0;
    for (const auto &[spec, p] : parameterSets()) {
        const QList<Interval> flat = spec->flatRegions(p.data());
        for (qsizetype i = 0; i < flat.size(); ++i) {
            const Interval &r = flat[i];
            QVERIFY(r.from <= r.to);
            if (i > 0)
                QVERIFY(flat[i - 1].to < r.from);
            QList<double> probes;
            const double a = std::isfinite(r.from) ? r.from : (std::isfinite(r.to) ? r.to - 1e6 : -1e6);
            const double b = std::isfinite(r.to) ? r.to : a + 1e6;
            probes << a << b;
            for (double t : {1e-9, 0.001, 0.25, 0.5, 0.999})
                probes << a + t * (b - a);
            for (double x : probes) {
                const Derivatives d = spec->at(x, p);
                QVERIFY2(d.d1 == 0.0 && d.d2 == 0.0, qPrintable(describe(*spec, p) + QString(" x=%1 f′=%2").arg(x).arg(d.d1)));
            }
            ++regions;
        }
    }
    QVERIFY(regions >= 5); // nll 1, kl_div target 0, hinge −1 (×3), bce with logits pos_weight 0
}

void TestLossCatalogue::zeroGradientOnlyInFlatRegions()
{
    // Outside the flat regions a zero f′ is an isolated point (a minimum), never a plateau.
    for (const auto &[spec, p] : parameterSets()) {
        const QList<Interval> flat = spec->flatRegions(p.data());
        const Interval range = spec->defaultRange;
        for (int i = 0; i <= 200; ++i) {
            const double x = range.from + (range.to - range.from) * i / 200.0;
            if (inFlatRegion(flat, x) || spec->at(x, p).d1 != 0.0)
                continue;
            const double h = 1e-3;
            QVERIFY2(inFlatRegion(flat, x - h) || inFlatRegion(flat, x + h)
                             || spec->at(x - h, p).d1 != 0.0 || spec->at(x + h, p).d1 != 0.0,
                     qPrintable(describe(*spec, p) + QString(": f′ = 0 around x=%1 but no flat region").arg(x)));
        }
    }
}

void TestLossCatalogue::kinksAreReal()
{
    // At every listed kink f is cut off, or f′ or f″ jumps.
    int kinks = 0;
    for (const auto &[spec, p] : parameterSets()) {
        const QList<double> ks = spec->kinks(p.data());
        for (qsizetype i = 1; i < ks.size(); ++i)
            QVERIFY(ks[i - 1] < ks[i]);
        for (double k : ks) {
            QVERIFY(std::isfinite(k));
            if (spec->id == QLatin1String("binary_cross_entropy") && k != 0.0 && k != 1.0)
                continue; // the clamps at e^−100 and 1e-12: tested in pytorchKinkConventions
            const double h = 1e-6 * std::max(1.0, std::fabs(k));
            const Derivatives l = spec->at(k - h, p);
            const Derivatives r = spec->at(k + h, p);
            const bool cut = !std::isfinite(l.f) || !std::isfinite(r.f);
            const bool jump = std::fabs(l.d1 - r.d1) > 1e-3 || std::fabs(l.d2 - r.d2) > 1e-3;
            QVERIFY2(cut || jump, qPrintable(describe(*spec, p) + QString(": nothing happens at the kink %1").arg(k)));
            ++kinks;
        }
    }
    QVERIFY(kinks >= 20);
}

void TestLossCatalogue::smoothBetweenKinks()
{
    // Away from the listed kinks f′ and f″ agree with central differences: no kink is missing.
    for (const auto &[spec, p] : parameterSets()) {
        const QList<double> ks = spec->kinks(p.data());
        const Interval range = spec->defaultRange;
        const double h = 1e-5;
        for (int i = 0; i <= 80; ++i) {
            const double x = range.from + (range.to - range.from) * i / 80.0;
            bool nearKink = false;
            for (double k : ks)
                nearKink = nearKink || std::fabs(k - x) < 1e-3;
            if (nearKink)
                continue;
            const Derivatives l = spec->at(x - h, p), m = spec->at(x, p), r = spec->at(x + h, p);
            if (!std::isfinite(l.f) || !std::isfinite(r.f) || !std::isfinite(m.f))
                continue;
            const double fd1 = (r.f - l.f) / (2 * h);
            const double fd2 = (r.d1 - l.d1) / (2 * h);
            const QString where = describe(*spec, p) + QString(" x=%1").arg(x);
            QVERIFY2(std::fabs(fd1 - m.d1) <= 1e-5 * std::max(1.0, std::fabs(m.d1)),
                     qPrintable(where + QString(" f′ %1 vs %2").arg(m.d1).arg(fd1)));
            QVERIFY2(std::fabs(fd2 - m.d2) <= 1e-4 * std::max(1.0, std::fabs(m.d2)),
                     qPrintable(where + QString(" f″ %1 vs %2").arg(m.d2).arg(fd2)));
        }
    }
}

void TestLossCatalogue::pytorchKinkConventions()
{
    const auto at = [](const char *id, double x, std::initializer_list<std::pair<const char *, double>> values) {
        const ActivationSpec *s = LossCatalogue::find(QString::fromLatin1(id));
        ParameterValues p = s->defaults();
        for (const auto &[name, v] : values)
            p[size_t(s->parameterIndex(QString::fromLatin1(name)))] = v;
        return s->at(x, p);
    };
    // L1 at the target: 0. Smooth L1 / Huber at |d| = beta, delta: the outer slope, f″ = 0.
    QCOMPARE(at("l1_loss", 0.5, {{"target", 0.5}}).d1, 0.0);
    QCOMPARE(at("smooth_l1_loss", 1.0, {}).d1, 1.0);
    QCOMPARE(at("smooth_l1_loss", -1.0, {}).d1, -1.0);
    QCOMPARE(at("smooth_l1_loss", 1.0, {}).d2, 0.0);
    QCOMPARE(at("smooth_l1_loss", 0.0, {{"beta", 0.0}}).d1, -1.0); // PyTorch: d ≤ −beta → −1
    QCOMPARE(at("smooth_l1_loss", 2.5, {{"beta", 0.0}}).f, at("l1_loss", 2.5, {}).f);
    QCOMPARE(at("huber_loss", 3.0, {{"delta", 2.0}, {"target", 1.0}}).d1, 2.0);
    QCOMPARE(at("huber_loss", 3.0, {{"delta", 2.0}, {"target", 1.0}}).d2, 0.0);
    // Hinge, target −1: −1 at the margin itself, 0 just beyond.
    QCOMPARE(at("hinge_embedding_loss", 1.0, {}).d1, -1.0);
    QCOMPARE(at("hinge_embedding_loss", std::nextafter(1.0, 2.0), {}).d1, 0.0);
    QCOMPARE(LossCatalogue::find(u"hinge_embedding_loss")->flatRegions(LossCatalogue::find(u"hinge_embedding_loss")->defaults().data()).first().from,
             std::nextafter(1.0, 2.0));
    // BCE: NaN outside [0, 1]; at 0 the log's clamp gives 100 and the gradient's clamp −1e12.
    QVERIFY(std::isnan(at("binary_cross_entropy", -1e-300, {}).f));
    QVERIFY(std::isnan(at("binary_cross_entropy", 1.0 + 2e-16, {}).d1));
    QCOMPARE(at("binary_cross_entropy", 0.0, {}).f, 100.0);
    QCOMPARE(at("binary_cross_entropy", 1e-300, {}).f, 100.0);
    QVERIFY(at("binary_cross_entropy", 1e-43, {}).f < 100.0);
    QCOMPARE(at("binary_cross_entropy", 0.0, {}).d1, -1.0 / double(1e-12f));
    const ActivationSpec *bce = LossCatalogue::find(u"binary_cross_entropy");
    const QList<double> ks = bce->kinks(bce->defaults().data());
    QCOMPARE(ks.first(), 0.0);
    QCOMPARE(ks.last(), 1.0);
    QVERIFY(ks.contains(std::exp(-100.0)));
    // The gradient's clamp: (x − y)/1e-12 below the edge, (x − y)/(x(1 − x)) above it.
    double edge = 0;
    for (double k : ks)
        edge = (k > 1e-13 && k < 1e-11) ? k : edge;
    QVERIFY(edge > 0);
    QCOMPARE(at("binary_cross_entropy", edge * 0.5, {}).d1, (edge * 0.5 - 1.0) / double(1e-12f));
    QCOMPARE(at("binary_cross_entropy", edge * 2, {}).d1, (edge * 2 - 1.0) / ((1.0 - edge * 2) * (edge * 2)));
    // Poisson with log_input False ends at −eps.
    QCOMPARE(at("poisson_nll_loss", -1e-8, {{"log_input", 0}}).f, Inf);
    QVERIFY(std::isnan(at("poisson_nll_loss", -0.5, {{"log_input", 0}}).f));
}

void TestLossCatalogue::stableInTheTails()
{
    const auto spec = [](const char *id) { return LossCatalogue::find(QString::fromLatin1(id)); };
    // Cross entropy with far-apart logits: finite, exact.
    const ActivationSpec *ce = spec("cross_entropy");
    ParameterValues p = ce->defaults();
    const Derivatives big = ce->at(1e6, p);
    QCOMPARE(big.f, 0.0);
    QCOMPARE(big.d1, 0.0);
    const Derivatives small = ce->at(-1e6, p);
    QCOMPARE(small.f, 1e6 + std::log(2.0));
    QCOMPARE(small.d1, -1.0);
    // A gap of 40 keeps its e^−40 (σ(−40)-sized) loss, not the 0 a naive log(1 − p) would give.
    const Derivatives d40 = ce->at(40.0, p); // logits (40, 0, 0): f = log(1 + 2e^−40)
    QVERIFY(std::fabs(d40.f - 2 * std::exp(-40.0)) <= 1e-15 * 2 * std::exp(-40.0));
    QVERIFY(std::fabs(d40.d1 + 2 * std::exp(-40.0)) <= 1e-13 * 2 * std::exp(-40.0));
    // BCE with logits and soft margin: the tails of softplus.
    const ActivationSpec *bcel = spec("binary_cross_entropy_with_logits");
    QCOMPARE(bcel->at(-1000.0, bcel->defaults()).f, 1000.0);
    QVERIFY(std::fabs(bcel->at(40.0, bcel->defaults()).f - 4.248354255291589e-18) < 1e-30);
    const ActivationSpec *sm = spec("soft_margin_loss");
    QCOMPARE(sm->at(-1e5, sm->defaults()).f, 1e5);
    QCOMPARE(sm->at(-1e5, sm->defaults()).d1, -1.0);
    QVERIFY(std::fabs(sm->at(40.0, sm->defaults()).d1 + 4.248354255291589e-18) < 1e-30);
}

void TestLossCatalogue::nanInNanOut()
{
    for (const ActivationSpec &s : LossCatalogue::all()) {
        const Derivatives d = s.at(NaN, s.defaults());
        QVERIFY2(std::isnan(d.f) && std::isnan(d.d1) && std::isnan(d.d2), qPrintable(s.id));
    }
}

void TestLossCatalogue::refusesInvalidParameters_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("params");
    QTest::addColumn<QString>("message"); // empty: accepted

    QTest::newRow("beta < 0") << "smooth_l1_loss" << "beta=-1" << "smooth_l1_loss: beta must be a finite number ≥ 0 (got -1)";
    QTest::newRow("beta = 0") << "smooth_l1_loss" << "beta=0" << "";
    QTest::newRow("delta = 0") << "huber_loss" << "delta=0" << "huber_loss: delta must be a finite number > 0 (got 0)";
    QTest::newRow("target nan") << "mse_loss" << "target=nan" << "mse_loss: target must be any finite number (got nan)";
    QTest::newRow("bce target > 1") << "binary_cross_entropy" << "target=1.5"
                                    << "binary_cross_entropy: target (1.5) must lie in [0, 1]: it is a probability";
    QTest::newRow("bce target 0") << "binary_cross_entropy" << "target=0" << "";
    QTest::newRow("logits target < 0") << "binary_cross_entropy_with_logits" << "target=-0.1"
                                       << "binary_cross_entropy_with_logits: target (-0.1) must lie in [0, 1]: it is a probability";
    QTest::newRow("pos_weight < 0") << "binary_cross_entropy_with_logits" << "pos_weight=-2"
                                    << "binary_cross_entropy_with_logits: pos_weight must be a finite number ≥ 0 (got -2)";
    QTest::newRow("class out of range") << "cross_entropy" << "num_classes=3;target=3"
                                        << "cross_entropy: target (3) must be less than num_classes (3)";
    QTest::newRow("class in range") << "cross_entropy" << "num_classes=4;target=3" << "";
    QTest::newRow("label_smoothing > 1") << "cross_entropy" << "label_smoothing=1.5"
                                         << "cross_entropy: label_smoothing (1.5) must lie in [0, 1]";
    QTest::newRow("label_smoothing < 0") << "cross_entropy" << "label_smoothing=-0.1"
                                         << "cross_entropy: label_smoothing (-0.1) must lie in [0, 1]";
    QTest::newRow("label_smoothing 1") << "cross_entropy" << "label_smoothing=1" << "";
    QTest::newRow("kl negative target") << "kl_div" << "target=-0.5"
                                        << "kl_div: target (-0.5) must be ≥ 0 when log_target is False: it is a probability";
    QTest::newRow("kl negative log target") << "kl_div" << "target=-0.5;log_target=True" << "";
    QTest::newRow("poisson negative target") << "poisson_nll_loss" << "target=-1"
                                             << "poisson_nll_loss: target must be a finite number ≥ 0 (got -1)";
    QTest::newRow("poisson eps < 0") << "poisson_nll_loss" << "eps=-1e-8"
                                     << "poisson_nll_loss: eps must be a finite number ≥ 0 (got -1e-08)";
    QTest::newRow("margin negative") << "hinge_embedding_loss" << "margin=-1" << "";
}

void TestLossCatalogue::refusesInvalidParameters()
{
    QFETCH(QString, id);
    QFETCH(QString, params);
    QFETCH(QString, message);
    const ActivationSpec *s = LossCatalogue::find(id);
    QVERIFY(s);
    QCOMPARE(s->validate(parseReferenceParameters(*s, params)), message);
}

void TestLossCatalogue::cleanupTestCase()
{
    // A margin target ±1 is a Choice: anything else is refused by its domain.
    const ActivationSpec *sm = LossCatalogue::find(u"soft_margin_loss");
    ParameterValues p = sm->defaults();
    p[0] = 2;
    QCOMPARE(sm->validate(p), QString("soft_margin_loss: target must be one of '-1', '1' (got 2)"));
    const char *names[3] = {"f", "f′", "f″"};
    for (int k = 0; k < 3; ++k)
        qInfo("worst %s error against PyTorch: %.3g·max(1, |ref|) at %s", names[k], worst[k], qPrintable(worstWhere[k]));
}

QTEST_GUILESS_MAIN(TestLossCatalogue)
#include "tst_losscatalogue.moc"
