// Points of interest computed rather than sampled: zeros, minima, maxima, inflections, gradient
// peaks and kinks on the open range, checked against closed forms and against an independent
// high-precision reference, tests/data/mpmath-points.csv (scripts/make_poi_reference.py): every
// point found, none more, each x within 1e-12·max(1, |x|).

#include "activationcatalogue.h"
#include "pointsofinterest.h"
#include "referenceparameters.h"

#include <QFile>
#include <QTest>
#include <QTextStream>

#include <cmath>

Q_DECLARE_METATYPE(PointKind)

namespace {

constexpr double Precision = 1e-12;
const double Pi = std::acos(-1.0);

ActivationFunction function(const char *id, const ParameterValues *p = nullptr,
                            const AffineMap &map = {})
{
    const ActivationSpec *spec = ActivationCatalogue::find(QString::fromLatin1(id));
    if (!spec)
        qFatal("no function %s", id);
    return { *spec, p ? *p : spec->defaults(), map };
}

QList<PointOfInterest> ofKind(const QList<PointOfInterest> &points, PointKind kind)
{
    QList<PointOfInterest> out;
    for (const PointOfInterest &p : points) {
        if (p.kind == kind)
            out << p;
    }
    return out;
}

bool within(double got, double want, double tol = Precision)
{
    return std::abs(got - want) <= tol * std::max(1.0, std::abs(want));
}

QString describe(const QList<PointOfInterest> &points)
{
    QStringList parts;
    for (const PointOfInterest &p : points)
        parts << QStringLiteral("%1@%2").arg(pointKindName(p.kind)).arg(p.x, 0, 'g', 17);
    return parts.join(QStringLiteral(", "));
}

PointKind kindFromName(const QString &name)
{
    for (PointKind k : { PointKind::Zero, PointKind::Minimum, PointKind::Maximum,
                         PointKind::Inflection, PointKind::GradientPeak, PointKind::Kink }) {
        if (pointKindName(k) == name)
            return k;
    }
    qFatal("unknown kind %s", qPrintable(name));
    return PointKind::Zero;
}

} // namespace

class TestPointsOfInterest : public QObject
{
    Q_OBJECT

private slots:
    void sigmoidPeaksAtZero();
    void tanhInflectsAtZero();
    void softplusHasNone();
    void reluKinkOnly();
    void leakyReluZeroIsAKink();
    void absoluteValueMinimumAtItsKink();
    void siluMinimum();
    void affineMapScalesThePeak();
    void wideRangeStillFindsTheMinimum();
    void openRangeExcludesItsEnds();
    void twentyOfEachKindAtMost();
    void emptyForBadRanges();
    void kindNames();
    void matchesMpmath_data();
    void matchesMpmath();
};

void TestPointsOfInterest::sigmoidPeaksAtZero()
{
    const QList<PointOfInterest> points = findPointsOfInterest(function("sigmoid"), -6, 6);
    QCOMPARE(describe(points), QStringLiteral("inflection@0, gradient_peak@0"));
    const PointOfInterest peak = points[1];
    QCOMPARE(peak.y, 0.5);
    QCOMPARE(peak.grad, 0.25);
}

void TestPointsOfInterest::tanhInflectsAtZero()
{
    // An odd range puts no grid point on 0: the roots are refined, not sampled.
    const QList<PointOfInterest> points = findPointsOfInterest(function("tanh"), -5, 6.3);
    QCOMPARE(points.size(), 3);
    QCOMPARE(points[0].kind, PointKind::Zero);
    QCOMPARE(points[1].kind, PointKind::Inflection);
    QCOMPARE(points[2].kind, PointKind::GradientPeak);
    for (const PointOfInterest &p : points)
        QVERIFY2(std::abs(p.x) <= Precision, qPrintable(describe(points)));
    QVERIFY(within(points[2].grad, 1.0));
}

void TestPointsOfInterest::softplusHasNone()
{
    QVERIFY(findPointsOfInterest(function("softplus"), -6, 6).isEmpty());
    QVERIFY(findPointsOfInterest(function("logsigmoid"), -6, 6).isEmpty());
}

void TestPointsOfInterest::reluKinkOnly()
{
    // f ≡ 0 left of the kink: no zero, no minimum; PyTorch's relu′(0) is 0.
    const QList<PointOfInterest> points = findPointsOfInterest(function("relu"), -6, 6);
    QCOMPARE(describe(points), QStringLiteral("kink@0"));
    QCOMPARE(points[0].y, 0.0);
    QCOMPARE(points[0].grad, 0.0);

    const QList<PointOfInterest> elu = findPointsOfInterest(function("elu"), -6, 6);
    QCOMPARE(describe(elu), QStringLiteral("zero@0, kink@0"));
    QCOMPARE(elu[1].grad, function("elu").at(0).d1);
}

void TestPointsOfInterest::leakyReluZeroIsAKink()
{
    // f changes sign across the kink and is continuous there: a zero at the kink, and the kink.
    const ActivationFunction fn = function("leaky_relu");
    const QList<PointOfInterest> points = findPointsOfInterest(fn, -6, 6);
    QCOMPARE(describe(points), QStringLiteral("zero@0, kink@0"));
    QCOMPARE(points[1].grad, fn.at(0).d1);
    // hardtanh crosses 0 on its linear piece; its kinks at ±1 are kinks only.
    QCOMPARE(describe(findPointsOfInterest(function("hardtanh"), -6, 6)),
             QStringLiteral("kink@-1, zero@0, kink@1"));
    // step jumps from 0 to 1: no zero.
    QCOMPARE(describe(findPointsOfInterest(function("step"), -6, 6)), QStringLiteral("kink@0"));
}

void TestPointsOfInterest::absoluteValueMinimumAtItsKink()
{
    // f′ jumps from −1 to 1: the minimum is the kink itself, not a root of f′ found in between.
    const ActivationFunction fn = function("expr:abs(x - 0.5)");
    QCOMPARE(describe(findPointsOfInterest(fn, -6, 6)), QStringLiteral("minimum@0.5, kink@0.5"));
    // softsign's f″ changes sign across its kink, f′ continuous: an inflection and a peak of |f′|.
    QCOMPARE(describe(findPointsOfInterest(function("softsign"), -6, 6)),
             QStringLiteral("zero@0, inflection@0, gradient_peak@0, kink@0"));
}

void TestPointsOfInterest::siluMinimum()
{
    const ActivationFunction fn = function("silu");
    const QList<PointOfInterest> minima
        = ofKind(findPointsOfInterest(fn, -6, 6), PointKind::Minimum);
    QCOMPARE(minima.size(), 1);
    const PointOfInterest m = minima[0];
    // f′ = 0 ⇔ 1 + x + eˣ = 0, and there f = x + 1.
    QVERIFY(within(m.x, -1.2784645427610738));
    QVERIFY(std::abs(1 + m.x + std::exp(m.x)) <= 1e-15);
    QVERIFY(std::abs(m.grad) <= 1e-15);
    QVERIFY(within(m.y, m.x + 1, 1e-15));
}

void TestPointsOfInterest::affineMapScalesThePeak()
{
    // 2·sigmoid(3x) + 1: the peak stays at 0, its |g′| is 2·3·0.25.
    const QList<PointOfInterest> peaks
        = ofKind(findPointsOfInterest(function("sigmoid", nullptr, { 3, 2, 1 }), -6, 6),
                 PointKind::GradientPeak);
    QCOMPARE(peaks.size(), 1);
    QCOMPARE(peaks[0].y, 2.0);
    QCOMPARE(peaks[0].grad, 1.5);
    // Under x ↦ −x silu's minimum moves to +1.278….
    const QList<PointOfInterest> minima = ofKind(
        findPointsOfInterest(function("silu", nullptr, { -1, 1, 0 }), -6, 6), PointKind::Minimum);
    QCOMPARE(minima.size(), 1);
    QVERIFY(within(minima[0].x, 1.2784645427610738));
}

void TestPointsOfInterest::wideRangeStillFindsTheMinimum()
{
    const QList<PointOfInterest> minima
        = ofKind(findPointsOfInterest(function("gelu"), -1e4, 1e4), PointKind::Minimum);
    QCOMPARE(minima.size(), 1);
    QVERIFY(within(minima[0].x, -0.7517915246935645));
}

void TestPointsOfInterest::openRangeExcludesItsEnds()
{
    QVERIFY(findPointsOfInterest(function("tanh"), 0, 1).isEmpty());
    QVERIFY(findPointsOfInterest(function("tanh"), -1, 0).isEmpty());
    QVERIFY(findPointsOfInterest(function("relu"), 0, 1).isEmpty());
    QVERIFY(findPointsOfInterest(function("relu"), -1, 0).isEmpty());
    // Just inside, it is found.
    QCOMPARE(describe(findPointsOfInterest(function("relu"), -1e-9, 1)), QStringLiteral("kink@0"));
}

void TestPointsOfInterest::twentyOfEachKindAtMost()
{
    // sin over (−100, 100): 63 zeros, 32 maxima, 32 minima; the first 20 of each, ascending.
    const QList<PointOfInterest> points = findPointsOfInterest(function("expr:sin(x)"), -100, 100);
    for (PointKind kind : { PointKind::Zero, PointKind::Minimum, PointKind::Maximum,
                            PointKind::Inflection, PointKind::GradientPeak })
        QCOMPARE(ofKind(points, kind).size(), MaxPointsPerKind);
    const QList<PointOfInterest> zeros = ofKind(points, PointKind::Zero);
    for (int k = 0; k < zeros.size(); ++k)
        QVERIFY2(within(zeros[k].x, (k - 31) * Pi), qPrintable(describe(zeros)));
    // The first maximum is −63π/2 (−98.96…), the first minimum −61π/2.
    QVERIFY(within(ofKind(points, PointKind::Maximum).first().x, -31.5 * Pi));
    QVERIFY(within(ofKind(points, PointKind::Minimum).first().x, -30.5 * Pi));
    QVERIFY(within(ofKind(points, PointKind::Maximum).last().x, 6.5 * Pi));
    for (int k = 1; k < points.size(); ++k)
        QVERIFY(points[k - 1].x <= points[k].x);
    // Gradient peaks of sin are its zeros: |cos| is 1 there.
    for (const PointOfInterest &p : ofKind(points, PointKind::GradientPeak))
        QVERIFY(within(std::abs(p.grad), 1.0));
}

void TestPointsOfInterest::emptyForBadRanges()
{
    const ActivationFunction fn = function("tanh");
    QVERIFY(findPointsOfInterest(fn, 1, -1).isEmpty());
    QVERIFY(findPointsOfInterest(fn, 1, 1).isEmpty());
    QVERIFY(findPointsOfInterest(fn, -qInf(), 1).isEmpty());
    QVERIFY(findPointsOfInterest(fn, qQNaN(), 1).isEmpty());
    QVERIFY(findPointsOfInterest(fn, -1.7e308, 1.7e308).isEmpty());
}

void TestPointsOfInterest::kindNames()
{
    QCOMPARE(pointKindName(PointKind::Zero), QStringLiteral("zero"));
    QCOMPARE(pointKindName(PointKind::Minimum), QStringLiteral("minimum"));
    QCOMPARE(pointKindName(PointKind::Maximum), QStringLiteral("maximum"));
    QCOMPARE(pointKindName(PointKind::Inflection), QStringLiteral("inflection"));
    QCOMPARE(pointKindName(PointKind::GradientPeak), QStringLiteral("gradient_peak"));
    QCOMPARE(pointKindName(PointKind::Kink), QStringLiteral("kink"));
    QCOMPARE(pointKindDisplayName(PointKind::GradientPeak), QStringLiteral("gradient peak"));
}

void TestPointsOfInterest::matchesMpmath_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("params");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<QList<PointOfInterest>>("expected");

    QFile file(QStringLiteral(AE_TEST_DATA_DIR "/mpmath-points.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QTextStream in(&file);
    const QString header = in.readLine();
    if (header != u"function,params,x_min,x_max,kind,x,y,grad")
        qFatal("unexpected header: %s", qPrintable(header));
    struct Group
    {
        QString id, params;
        double a = 0, b = 0;
        QList<PointOfInterest> points;
    };
    QList<Group> groups;
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(u',');
        if (cells.size() != 8)
            continue;
        const double a = parseReferenceNumber(cells[2]);
        const double b = parseReferenceNumber(cells[3]);
        if (groups.isEmpty() || groups.last().id != cells[0] || groups.last().params != cells[1])
            groups.append({ cells[0], cells[1], a, b, {} });
        groups.last().points.append({ kindFromName(cells[4]), parseReferenceNumber(cells[5]),
                                      parseReferenceNumber(cells[6]),
                                      parseReferenceNumber(cells[7]) });
    }
    QVERIFY(groups.size() >= 12);
    for (const Group &g : std::as_const(groups)) {
        QTest::addRow("%s %s", qPrintable(g.id), qPrintable(g.params))
            << g.id << g.params << g.a << g.b << g.points;
    }
}

void TestPointsOfInterest::matchesMpmath()
{
    QFETCH(QString, id);
    QFETCH(QString, params);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(QList<PointOfInterest>, expected);

    const ActivationSpec *spec = ActivationCatalogue::find(id);
    QVERIFY(spec);
    const ActivationFunction fn(*spec, parseReferenceParameters(*spec, params));
    QList<PointOfInterest> got = findPointsOfInterest(fn, a, b);
    got.removeIf([](const PointOfInterest &p) { return p.kind == PointKind::Kink; });
    QCOMPARE(describe(got).count(u'@'), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const PointOfInterest &e = expected[i];
        const PointOfInterest &g = got[i];
        const QString what = QStringLiteral("%1: got %2 (y %3, grad %4), want %5 (y %6, grad %7)")
                                 .arg(pointKindName(e.kind))
                                 .arg(g.x, 0, 'g', 17)
                                 .arg(g.y, 0, 'g', 17)
                                 .arg(g.grad, 0, 'g', 17)
                                 .arg(e.x, 0, 'g', 17)
                                 .arg(e.y, 0, 'g', 17)
                                 .arg(e.grad, 0, 'g', 17);
        QCOMPARE(g.kind, e.kind);
        QVERIFY2(within(g.x, e.x), qPrintable(what));
        QVERIFY2(within(g.y, e.y), qPrintable(what));
        // NaN: the point is a kink, where f′ is PyTorch's convention.
        if (!std::isnan(e.grad))
            QVERIFY2(within(g.grad, e.grad), qPrintable(what));
    }
}

QTEST_GUILESS_MAIN(TestPointsOfInterest)
#include "tst_pointsofinterest.moc"
