// Sampling: torch.linspace, the adaptive plot sampler and the automatic y range.
#include "activationcatalogue.h"
#include "sampling.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(PlotViewport)

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QString hex(double v)
{
    return QString::asprintf("%a", v);
}

const ActivationSpec &spec(const QString &id)
{
    const ActivationSpec *s = ActivationCatalogue::find(id);
    if (!s)
        qFatal("no activation %s in the catalogue", qPrintable(id));
    return *s;
}

QString orderName(int order)
{
    return order == 0 ? QStringLiteral("f")
                      : (order == 1 ? QStringLiteral("f'") : QStringLiteral("f''"));
}

/** The y window a chart picks: the value range padded by 5 % (never empty). */
PlotViewport autoView(const ActivationSpec &s, int order, double xMin, double xMax, int widthPx,
                      int heightPx)
{
    Interval r = valueRange(s, s.defaults(), order, xMin, xMax);
    if (!(r.from <= r.to))
        r = { -1, 1 };
    double pad = 0.05 * r.length();
    if (pad <= 0)
        pad = std::max(0.5, 0.05 * std::abs(r.from));
    return PlotViewport { xMin, xMax, r.from - pad, r.to + pad, widthPx, heightPx, 0.25 };
}

// Curves the catalogue cannot give: NaN on half the axis, a pole, nothing finite at all.
Derivatives sqrtEvaluate(double x, const double *)
{
    const double r = std::sqrt(x);
    return { r, 0.5 / r, -0.25 / (r * x) };
}

Derivatives reciprocalEvaluate(double x, const double *)
{
    return { 1 / x, -1 / (x * x), 2 / (x * x * x) };
}

Derivatives nanEvaluate(double, const double *)
{
    return { NaN, NaN, NaN };
}

ActivationSpec fakeSpec(Derivatives (*evaluate)(double, const double *))
{
    ActivationSpec s;
    s.id = QStringLiteral("fake");
    s.evaluate = evaluate;
    return s;
}

/** How often x occurs among the points of the curve, and how often as a piece's first or last
 * point. */
struct Occurrences
{
    int total = 0;
    int pieceEnds = 0;
};

Occurrences occurrences(const PlotCurve &curve, double x)
{
    Occurrences o;
    for (const QList<QPointF> &piece : curve.pieces) {
        for (qsizetype i = 0; i < piece.size(); ++i) {
            if (piece[i].x() == x) {
                ++o.total;
                if (i == 0 || i == piece.size() - 1)
                    ++o.pieceEnds;
            }
        }
    }
    return o;
}

bool straddles(const PlotCurve &curve, double x)
{
    for (const QList<QPointF> &piece : curve.pieces) {
        for (qsizetype i = 1; i < piece.size(); ++i) {
            if (piece[i - 1].x() < x && x < piece[i].x())
                return true;
        }
    }
    return false;
}

} // namespace

class TestSampling : public QObject
{
    Q_OBJECT

private slots:
    void linspace_data();
    void linspace();
    void linspaceTutorialAsPrinted();
    void linspaceShape_data();
    void linspaceShape();

    void withinTolerance_data();
    void withinTolerance();
    void kinksAreSamples_data();
    void kinksAreSamples();
    void jumpsSplitTheCurve_data();
    void jumpsSplitTheCurve();
    void continuousKinksJoin_data();
    void continuousKinksJoin();
    void kinkAtViewEdge();
    void straightLinesNeedFewPoints_data();
    void straightLinesNeedFewPoints();
    void smoothCurvesNeedModestPoints_data();
    void smoothCurvesNeedModestPoints();
    void nonFiniteValuesSplitPieces();
    void invalidInputGivesNothing();
    void extremeViewsStayBounded_data();
    void extremeViewsStayBounded();

    void valueRange_data();
    void valueRange();
    void valueRangeWithoutFiniteValues();


    void cleanupTestCase();

private:
    double m_worstRatio = 0;
    QString m_worstRow;
    qsizetype m_segmentsChecked = 0;
};

void TestSampling::linspace_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<qsizetype>("steps");
    QTest::addColumn<QList<double>>("expected");

    QTest::newRow("steps 0") << 0.0 << 1.0 << qsizetype(0) << QList<double>();
    QTest::newRow("negative steps") << 0.0 << 1.0 << qsizetype(-3) << QList<double>();
    QTest::newRow("steps 1") << 3.5 << 7.0 << qsizetype(1) << QList<double> { 3.5 };
    QTest::newRow("steps 2") << -6.0 << 6.0 << qsizetype(2) << QList<double> { -6.0, 6.0 };
    QTest::newRow("start = end") << 2.0 << 2.0 << qsizetype(3) << QList<double> { 2.0, 2.0, 2.0 };
    // The tutorial's torch.linspace(-100, 100, 10), by PyTorch's formula: the second half counts
    // down from the end, so it mirrors the first exactly.
    QTest::newRow("tutorial -100..100, 10")
        << -100.0 << 100.0 << qsizetype(10)
        << QList<double> { -0x1.9000000000000p+6, -0x1.371c71c71c71cp+6, -0x1.bc71c71c71c72p+5,
                           -0x1.0aaaaaaaaaaacp+5, -0x1.638e38e38e390p+3, 0x1.638e38e38e390p+3,
                           0x1.0aaaaaaaaaaacp+5,  0x1.bc71c71c71c72p+5,  0x1.371c71c71c71cp+6,
                           0x1.9000000000000p+6 };
    // These are also torch 1.13.1's own bits.
    QTest::newRow("-6..6, 17 (torch)")
        << -6.0 << 6.0 << qsizetype(17)
        << QList<double> { -6.0, -5.25, -4.5, -3.75, -3.0, -2.25, -1.5, -0.75, 0.0,
                           0.75, 1.5,   2.25, 3.0,   3.75, 4.5,   5.25, 6.0 };
    QTest::newRow("0.1..0.7, 7 (torch)")
        << 0.1 << 0.7 << qsizetype(7)
        << QList<double> { 0x1.999999999999ap-4, 0x1.999999999999ap-3, 0x1.3333333333333p-2,
                           0x1.9999999999999p-2, 0x1.0000000000000p-1, 0x1.3333333333333p-1,
                           0x1.6666666666666p-1 };
    QTest::newRow("descending 1..0, 5 (torch)")
        << 1.0 << 0.0 << qsizetype(5) << QList<double> { 1.0, 0.75, 0.5, 0.25, 0.0 };
}

void TestSampling::linspace()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(qsizetype, steps);
    QFETCH(QList<double>, expected);

    const QList<double> actual = ::linspace(start, end, steps);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QVERIFY2(actual[i] == expected[i],
                 qPrintable(QStringLiteral("[%1]: %2, expected %3")
                                .arg(i)
                                .arg(hex(actual[i]), hex(expected[i]))));
    }
}

void TestSampling::linspaceTutorialAsPrinted()
{
    // tensor([-100.0000, -77.7778, -55.5556, -33.3333, -11.1111, 11.1111, 33.3333, 55.5556,
    //         77.7778, 100.0000])
    const QList<double> printed = { -100.0,  -77.7778, -55.5556, -33.3333, -11.1111,
                                    11.1111, 33.3333,  55.5556,  77.7778,  100.0 };
    const QList<double> actual = ::linspace(-100, 100, 10);
    QCOMPARE(actual.size(), printed.size());
    for (qsizetype i = 0; i < actual.size(); ++i)
        QVERIFY2(std::abs(actual[i] - printed[i]) < 5e-5, qPrintable(QString::number(i)));
}

void TestSampling::linspaceShape_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<qsizetype>("steps");

    QTest::newRow("-6..6, 1601") << -6.0 << 6.0 << qsizetype(1601);
    QTest::newRow("-6..6, 16") << -6.0 << 6.0 << qsizetype(16);
    QTest::newRow("-100..100, 10") << -100.0 << 100.0 << qsizetype(10);
    QTest::newRow("-1000..1000, 2001") << -1000.0 << 1000.0 << qsizetype(2001);
    QTest::newRow("-0.3..0.3, 7") << -0.3 << 0.3 << qsizetype(7);
    QTest::newRow("-3.3..7.1, 37") << -3.3 << 7.1 << qsizetype(37);
    QTest::newRow("0..1, 11") << 0.0 << 1.0 << qsizetype(11);
    QTest::newRow("1e-300..1, 1000") << 1e-300 << 1.0 << qsizetype(1000);
}

void TestSampling::linspaceShape()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(qsizetype, steps);

    const QList<double> xs = ::linspace(start, end, steps);
    QCOMPARE(xs.size(), steps);
    QCOMPARE(hex(xs.first()), hex(start));
    QCOMPARE(hex(xs.last()), hex(end));
    for (qsizetype i = 1; i < steps; ++i)
        QVERIFY2(xs[i - 1] < xs[i], qPrintable(QString::number(i)));
    if (start != -end)
        return;
    // Symmetric ranges give exactly opposite values; the middle of an odd count is 0 up to
    // the rounding of (steps − 1)/2 steps.
    for (qsizetype i = 0; i < steps / 2; ++i)
        QVERIFY2(xs[i] == -xs[steps - 1 - i], qPrintable(QString::number(i)));
    if (steps % 2 == 1)
        QVERIFY(std::abs(xs[steps / 2]) <= 4 * std::numeric_limits<double>::epsilon() * end);
}

void TestSampling::withinTolerance_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");
    QTest::addColumn<PlotViewport>("view");

    struct Window
    {
        const char *name;
        double xMin, xMax;
        int widthPx, heightPx;
        bool autoY;
    };
    const Window windows[] = {
        { "default", -6, 6, 1600, 900, true },
        { "zoomed", -1.5, 2.5, 800, 600, true },
        { "wide", -40, 40, 1200, 500, true },
        { "close to 0", -0.02, 0.03, 600, 400, true },
        { "clipped to [-1, 1]", -6, 6, 1600, 900, false },
    };
    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        for (int order = 0; order <= 2; ++order) {
            for (const Window &w : windows) {
                const PlotViewport view = w.autoY
                    ? autoView(s, order, w.xMin, w.xMax, w.widthPx, w.heightPx)
                    : PlotViewport { w.xMin, w.xMax, -1, 1, w.widthPx, w.heightPx, 0.25 };
                const QString name = s.id + QLatin1Char(' ') + orderName(order) + QLatin1Char(' ')
                    + QLatin1String(w.name);
                QTest::newRow(qPrintable(name)) << s.id << order << view;
            }
        }
    }
}

void TestSampling::withinTolerance()
{
    QFETCH(QString, id);
    QFETCH(int, order);
    QFETCH(PlotViewport, view);

    const ActivationSpec &s = spec(id);
    const ParameterValues p = s.defaults();
    const PlotCurve curve = samplePlotCurve(s, p, order, view);
    QVERIFY(!curve.pieces.isEmpty());
    QCOMPARE(curve.pieces.first().first().x(), view.xMin);
    QCOMPARE(curve.pieces.last().last().x(), view.xMax);

    const double xScale = view.widthPx / (view.xMax - view.xMin);
    const double yScale = view.heightPx / (view.yMax - view.yMin);
    double worst = 0;
    double previousX = -std::numeric_limits<double>::infinity();
    for (const QList<QPointF> &piece : curve.pieces) {
        QVERIFY(piece.size() >= 2);
        QVERIFY(piece.first().x() >= previousX);
        previousX = piece.last().x();
        for (qsizetype i = 0; i < piece.size(); ++i) {
            QVERIFY2(std::isfinite(piece[i].y()), qPrintable(QString::number(piece[i].x())));
            if (i == 0)
                continue;
            const QPointF a = piece[i - 1];
            const QPointF b = piece[i];
            QVERIFY2(a.x() < b.x(), qPrintable(QString::number(a.x())));
            // The sampler stops bisecting at MinSegmentPx: such segments may cut corners.
            if ((b.x() - a.x()) * xScale <= 2 * MinSegmentPx)
                continue;
            for (int j = 1; j <= 20; ++j) {
                const double t = j / 21.0;
                const double x = a.x() + t * (b.x() - a.x());
                const double y = s.at(x, p).order(order);
                const double chord = a.y() + t * (b.y() - a.y());
                QVERIFY2(std::isfinite(y), qPrintable(QStringLiteral("f(%1) = %2").arg(x).arg(y)));
                const bool hidden
                    = (y > view.yMax && chord > view.yMax) || (y < view.yMin && chord < view.yMin);
                if (hidden)
                    continue;
                const double deviationPx = std::abs(y - chord) * yScale;
                worst = std::max(worst, deviationPx);
                QVERIFY2(deviationPx <= view.tolerancePx * (1 + 1e-9),
                         qPrintable(QStringLiteral("%1 px at x = %2 on [%3, %4]")
                                        .arg(deviationPx)
                                        .arg(x, 0, 'g', 17)
                                        .arg(a.x(), 0, 'g', 17)
                                        .arg(b.x(), 0, 'g', 17)));
            }
            ++m_segmentsChecked;
        }
    }
    if (worst / view.tolerancePx > m_worstRatio) {
        m_worstRatio = worst / view.tolerancePx;
        m_worstRow = QString::fromLatin1(QTest::currentDataTag());
    }
}

void TestSampling::kinksAreSamples_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");

    for (const ActivationSpec &s : ActivationCatalogue::all()) {
        if (!s.kinks || s.kinks(s.defaults().data()).isEmpty())
            continue;
        for (int order = 0; order <= 2; ++order)
            QTest::newRow(qPrintable(s.id + QLatin1Char(' ') + orderName(order))) << s.id << order;
    }
}

void TestSampling::kinksAreSamples()
{
    QFETCH(QString, id);
    QFETCH(int, order);

    // Wide enough for every default kink, softplus's switch at 20 included.
    const ActivationSpec &s = spec(id);
    const PlotViewport view = autoView(s, order, -8, 24, 1600, 900);
    const PlotCurve curve = samplePlotCurve(s, s.defaults(), order, view);
    for (const double k : s.kinks(s.defaults().data())) {
        QVERIFY(k > view.xMin && k < view.xMax);
        QVERIFY2(occurrences(curve, k).total >= 1, qPrintable(QString::number(k, 'g', 17)));
        QVERIFY(!straddles(curve, k));
    }
}

void TestSampling::jumpsSplitTheCurve_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");
    QTest::addColumn<double>("kink");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("right");
    QTest::addColumn<double>("filled"); // NaN: no filled marker
    QTest::addColumn<QList<double>>("open");

    QTest::newRow("step f at 0") << "step" << 0 << 0.0 << 0.0 << 1.0 << 0.0 << QList<double> { 1 };
    QTest::newRow("threshold f at 0.1")
        << "threshold" << 0 << 0.1 << 20.0 << 0.1 << 20.0 << QList<double> { 0.1 };
    QTest::newRow("hardshrink f at 0.5")
        << "hardshrink" << 0 << 0.5 << 0.0 << 0.5 << 0.0 << QList<double> { 0.5 };
    QTest::newRow("hardshrink f at -0.5")
        << "hardshrink" << 0 << -0.5 << -0.5 << 0.0 << 0.0 << QList<double> { -0.5 };
    QTest::newRow("relu f' at 0") << "relu" << 1 << 0.0 << 0.0 << 1.0 << 0.0 << QList<double> { 1 };
    QTest::newRow("hardtanh f' at -1")
        << "hardtanh" << 1 << -1.0 << 0.0 << 1.0 << 0.0 << QList<double> { 1 };
    QTest::newRow("hardtanh f' at 1")
        << "hardtanh" << 1 << 1.0 << 1.0 << 0.0 << 0.0 << QList<double> { 1 };
    QTest::newRow("relu6 f' at 0")
        << "relu6" << 1 << 0.0 << 0.0 << 1.0 << 0.0 << QList<double> { 1 };
    QTest::newRow("relu6 f' at 6")
        << "relu6" << 1 << 6.0 << 1.0 << 0.0 << 0.0 << QList<double> { 1 };
    QTest::newRow("hardsigmoid f' at 3")
        << "hardsigmoid" << 1 << 3.0 << 1 / 6.0 << 0.0 << 0.0 << QList<double> { 1 / 6.0 };
    // PyTorch's middle branch holds on the closed interval: −0.5 at −3 (the reference table).
    QTest::newRow("hardswish f' at -3")
        << "hardswish" << 1 << -3.0 << 0.0 << -0.5 << -0.5 << QList<double> { 0 };
    QTest::newRow("leaky_relu f' at 0")
        << "leaky_relu" << 1 << 0.0 << 0.01 << 1.0 << 0.01 << QList<double> { 1 };
    // No derivative at all: both sides are 0 and one open dot marks the hole.
    QTest::newRow("step f' at 0") << "step" << 1 << 0.0 << 0.0 << 0.0 << NaN << QList<double> { 0 };
}

void TestSampling::jumpsSplitTheCurve()
{
    QFETCH(QString, id);
    QFETCH(int, order);
    QFETCH(double, kink);
    QFETCH(double, left);
    QFETCH(double, right);
    QFETCH(double, filled);
    QFETCH(QList<double>, open);

    const ActivationSpec &s = spec(id);
    const PlotViewport view = autoView(s, order, -8, 8, 1600, 900);
    const PlotCurve curve = samplePlotCurve(s, s.defaults(), order, view);

    // One piece ends on the left limit and the next starts on the right one: never a line
    // across the jump.
    int endsHere = 0;
    int startsHere = 0;
    for (qsizetype i = 0; i < curve.pieces.size(); ++i) {
        const QList<QPointF> &piece = curve.pieces[i];
        if (piece.last().x() == kink) {
            ++endsHere;
            QVERIFY2(std::abs(piece.last().y() - left) < 1e-12,
                     qPrintable(QString::number(piece.last().y())));
            QVERIFY(i + 1 < curve.pieces.size());
            QCOMPARE(curve.pieces[i + 1].first().x(), kink);
        }
        if (piece.first().x() == kink) {
            ++startsHere;
            QVERIFY2(std::abs(piece.first().y() - right) < 1e-12,
                     qPrintable(QString::number(piece.first().y())));
        }
    }
    QCOMPARE(endsHere, 1);
    QCOMPARE(startsHere, 1);
    QCOMPARE(occurrences(curve, kink).total, 2);
    QVERIFY(!straddles(curve, kink));

    QList<CurveMarker> markers;
    for (const CurveMarker &m : curve.markers) {
        if (m.x == kink)
            markers.append(m);
    }
    QCOMPARE(markers.size(), open.size() + (std::isnan(filled) ? 0 : 1));
    for (const CurveMarker &m : markers) {
        if (m.filled) {
            QCOMPARE(m.y, filled);
        } else {
            const bool expected = std::any_of(open.cbegin(), open.cend(),
                                              [&](double y) { return std::abs(m.y - y) < 1e-12; });
            QVERIFY2(expected, qPrintable(QString::number(m.y)));
        }
    }
}

void TestSampling::continuousKinksJoin_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");
    QTest::addColumn<double>("kink");

    QTest::newRow("relu f at 0") << "relu" << 0 << 0.0;
    QTest::newRow("relu6 f at 6") << "relu6" << 0 << 6.0;
    QTest::newRow("hardtanh f at -1") << "hardtanh" << 0 << -1.0;
    QTest::newRow("leaky_relu f at 0") << "leaky_relu" << 0 << 0.0;
    QTest::newRow("elu f at 0") << "elu" << 0 << 0.0;
    QTest::newRow("elu f' at 0") << "elu" << 1 << 0.0; // alpha = 1: both sides 1
    QTest::newRow("selu f at 0") << "selu" << 0 << 0.0;
    QTest::newRow("softshrink f at 0.5") << "softshrink" << 0 << 0.5;
    QTest::newRow("hardswish f at 3") << "hardswish" << 0 << 3.0;
    QTest::newRow("softplus f at 20") << "softplus" << 0 << 20.0; // a 2e-9 step: invisible
}

void TestSampling::continuousKinksJoin()
{
    QFETCH(QString, id);
    QFETCH(int, order);
    QFETCH(double, kink);

    const ActivationSpec &s = spec(id);
    const PlotViewport view = autoView(s, order, -8, 24, 1600, 900);
    const PlotCurve curve = samplePlotCurve(s, s.defaults(), order, view);
    const Occurrences o = occurrences(curve, kink);
    QCOMPARE(o.total, 1);
    QCOMPARE(o.pieceEnds, 0);
    for (const CurveMarker &m : curve.markers)
        QVERIFY2(m.x != kink, qPrintable(QString::number(m.y)));
}

void TestSampling::kinkAtViewEdge()
{
    // relu′ on [0, 6]: the curve starts on the right limit, the dots say what PyTorch returns.
    const ActivationSpec &relu = spec(QStringLiteral("relu"));
    PlotCurve curve
        = samplePlotCurve(relu, relu.defaults(), 1, { 0, 6, -0.5, 1.5, 800, 600, 0.25 });
    QCOMPARE(curve.pieces.size(), 1);
    QCOMPARE(curve.pieces.first().first(), QPointF(0, 1));
    QCOMPARE(curve.pieces.first().last(), QPointF(6, 1));
    QCOMPARE(curve.markers.size(), 2);
    QVERIFY(curve.markers.contains(CurveMarker { 0, 0, true }));
    QVERIFY(curve.markers.contains(CurveMarker { 0, 1, false }));

    // step on [−6, 0]: only the left side is in view, and it meets f(0) = 0: nothing to mark.
    const ActivationSpec &step = spec(QStringLiteral("step"));
    curve = samplePlotCurve(step, step.defaults(), 0, { -6, 0, -0.5, 1.5, 800, 600, 0.25 });
    QCOMPARE(curve.pieces.size(), 1);
    QCOMPARE(curve.pieces.first().last(), QPointF(0, 0));
    QVERIFY(curve.markers.isEmpty());
}

void TestSampling::straightLinesNeedFewPoints_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("maxPoints");

    QTest::newRow("identity f") << "identity" << 0 << 2;
    QTest::newRow("identity f'") << "identity" << 1 << 2;
    QTest::newRow("relu f") << "relu" << 0 << 3;
    QTest::newRow("relu f'") << "relu" << 1 << 4;
    QTest::newRow("step f") << "step" << 0 << 4;
    QTest::newRow("hardtanh f") << "hardtanh" << 0 << 4;
    QTest::newRow("relu6 f") << "relu6" << 0 << 4;
    QTest::newRow("threshold f") << "threshold" << 0 << 4;
    QTest::newRow("hardsigmoid f'") << "hardsigmoid" << 1 << 6;
}

void TestSampling::straightLinesNeedFewPoints()
{
    QFETCH(QString, id);
    QFETCH(int, order);
    QFETCH(int, maxPoints);

    const ActivationSpec &s = spec(id);
    const PlotViewport view = autoView(s, order, -6, 6, 1600, 900);
    const PlotCurve curve = samplePlotCurve(s, s.defaults(), order, view);
    QVERIFY2(curve.pointCount() <= maxPoints, qPrintable(QString::number(curve.pointCount())));
}

void TestSampling::smoothCurvesNeedModestPoints_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");

    for (const char *id : { "sigmoid", "tanh", "gelu", "silu", "softplus" }) {
        for (int order = 0; order <= 1; ++order) {
            QTest::newRow(qPrintable(QLatin1String(id) + QLatin1Char(' ') + orderName(order)))
                << QString::fromLatin1(id) << order;
        }
    }
}

void TestSampling::smoothCurvesNeedModestPoints()
{
    QFETCH(QString, id);
    QFETCH(int, order);

    const ActivationSpec &s = spec(id);
    const PlotViewport view = autoView(s, order, -6, 6, 1600, 900);
    const PlotCurve curve = samplePlotCurve(s, s.defaults(), order, view);
    qInfo("%s %s over [-6, 6] at 1600 x 900 px: %lld points", qPrintable(id),
          qPrintable(orderName(order)), qlonglong(curve.pointCount()));
    // One point per 4 px at most; a smooth curve needs far fewer than one per pixel.
    QVERIFY(curve.pointCount() >= 10);
    QVERIFY(curve.pointCount() <= 400);
}

void TestSampling::nonFiniteValuesSplitPieces()
{
    // √x: NaN left of 0; the curve starts within a sliver of a pixel right of 0.
    const ActivationSpec root = fakeSpec(sqrtEvaluate);
    const PlotViewport view { -2, 2, -0.5, 1.5, 800, 600, 0.25 };
    PlotCurve curve = samplePlotCurve(root, {}, 0, view);
    QCOMPARE(curve.pieces.size(), 1);
    const double xScale = view.widthPx / (view.xMax - view.xMin);
    QVERIFY(curve.pieces.first().first().x() >= 0);
    QVERIFY(curve.pieces.first().first().x() * xScale <= MinSegmentPx);
    QCOMPARE(curve.pieces.first().last().x(), 2.0);

    // 1/x: a pole at 0 (±inf there and NaN beyond the doubles' range) is never bridged.
    const ActivationSpec reciprocal = fakeSpec(reciprocalEvaluate);
    for (int order = 0; order <= 2; ++order) {
        curve = samplePlotCurve(reciprocal, {}, order, { -2, 2, -10, 10, 800, 600, 0.25 });
        QVERIFY(curve.pieces.size() >= 2);
        QVERIFY(!straddles(curve, 0));
        for (const QList<QPointF> &piece : curve.pieces) {
            for (const QPointF &point : piece)
                QVERIFY(std::isfinite(point.x()) && std::isfinite(point.y()));
        }
    }

    // Nothing finite: nothing to draw.
    curve = samplePlotCurve(fakeSpec(nanEvaluate), {}, 0, view);
    QVERIFY(curve.pieces.isEmpty());
    QCOMPARE(curve.pointCount(), 0);
}

void TestSampling::invalidInputGivesNothing()
{
    const ActivationSpec &sigmoid = spec(QStringLiteral("sigmoid"));
    const ParameterValues p = sigmoid.defaults();
    QVERIFY(samplePlotCurve(sigmoid, p, 3, PlotViewport()).pieces.isEmpty());
    QVERIFY(samplePlotCurve(sigmoid, p, -1, PlotViewport()).pieces.isEmpty());
    QVERIFY(samplePlotCurve(sigmoid, p, 0, { 1, 1, 0, 1, 800, 600, 0.25 }).pieces.isEmpty());
    QVERIFY(samplePlotCurve(sigmoid, p, 0, { 0, 1, 1, 0, 800, 600, 0.25 }).pieces.isEmpty());
    QVERIFY(samplePlotCurve(sigmoid, p, 0, { 0, 1, 0, 1, 0, 600, 0.25 }).pieces.isEmpty());
    QVERIFY(
        samplePlotCurve(sigmoid, p, 0, { -1e308, 1e308, 0, 1, 800, 600, 0.25 }).pieces.isEmpty());
    QVERIFY(samplePlotCurve(sigmoid, p, 0, { 0, NaN, 0, 1, 800, 600, 0.25 }).pieces.isEmpty());
    QVERIFY(samplePlotCurve(sigmoid, p, 0, { 0, 1, 0, 1, 800, 600, 0 }).pieces.isEmpty());
    QVERIFY(!samplePlotCurve(sigmoid, p, 0, PlotViewport()).pieces.isEmpty());
}

void TestSampling::extremeViewsStayBounded_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");
    QTest::addColumn<PlotViewport>("view");

    struct Case
    {
        const char *name;
        PlotViewport view;
    };
    const Case cases[] = {
        { "x in [-1e6, 1e6]", { -1e6, 1e6, -2, 2, 1600, 900, 0.25 } },
        { "x in [-1e-12, 1e-12]", { -1e-12, 1e-12, -2, 2, 1600, 900, 0.25 } },
        { "x at 1e15, ulp 0.125", { 1e15, 1e15 + 4, -2, 2, 1600, 900, 0.25 } },
        { "x in [-1e300, 1e300]", { -1e300, 1e300, -2, 2, 1600, 900, 0.25 } },
        { "y in [-1e-12, 1e-12]", { -6, 6, -1e-12, 1e-12, 1600, 900, 0.25 } },
        { "y in [-1e300, 1e300]", { -6, 6, -1e300, 1e300, 1600, 900, 0.25 } },
        { "100000 px wide", { -6, 6, -2, 2, 100000, 900, 0.25 } },
        { "1 px", { -6, 6, -2, 2, 1, 1, 0.25 } },
        { "tolerance 1e-6 px", { -6, 6, -2, 2, 1600, 900, 1e-6 } },
    };
    for (const char *id : { "sigmoid", "relu", "step", "mish", "hardswish", "threshold" }) {
        for (int order = 0; order <= 2; ++order) {
            for (const Case &c : cases) {
                QTest::newRow(qPrintable(QLatin1String(id) + QLatin1Char(' ') + orderName(order)
                                         + QLatin1Char(' ') + QLatin1String(c.name)))
                    << QString::fromLatin1(id) << order << c.view;
            }
        }
    }
}

void TestSampling::extremeViewsStayBounded()
{
    QFETCH(QString, id);
    QFETCH(int, order);
    QFETCH(PlotViewport, view);

    // Whatever the zoom, the work stays bounded and nothing but finite, ascending points comes out.
    const ActivationSpec &s = spec(id);
    const PlotCurve curve = samplePlotCurve(s, s.defaults(), order, view);
    QVERIFY(curve.pointCount() <= 64 * qsizetype(view.widthPx) + 1000);
    double previousX = -std::numeric_limits<double>::infinity();
    for (const QList<QPointF> &piece : curve.pieces) {
        QVERIFY(piece.size() >= 2);
        for (const QPointF &point : piece) {
            QVERIFY(std::isfinite(point.y()));
            QVERIFY(point.x() >= previousX);
            QVERIFY(point.x() >= view.xMin && point.x() <= view.xMax);
            previousX = point.x();
        }
    }
}

void TestSampling::valueRange_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("order");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("tolerance");

    // Extremes from mpmath at 30 digits; parabolic refinement finds the interior ones to ~1e-11.
    QTest::newRow("sigmoid f") << "sigmoid" << 0 << -6.0 << 6.0 << 0.00247262315663477433
                               << 0.997527376843365226 << 1e-15;
    QTest::newRow("sigmoid f, reversed")
        << "sigmoid" << 0 << 6.0 << -6.0 << 0.00247262315663477433 << 0.997527376843365226 << 1e-15;
    QTest::newRow("sigmoid f'") << "sigmoid" << 1 << -6.0 << 6.0 << 0.00246650929136004782 << 0.25
                                << 1e-15;
    QTest::newRow("tanh f'") << "tanh" << 1 << -6.0 << 6.0 << 2.45765474053327013e-5 << 1.0
                             << 1e-15;
    QTest::newRow("gelu f") << "gelu" << 0 << -3.0 << 3.0 << -0.169971207479903662
                            << 2.99595030590510972 << 1e-10;
    QTest::newRow("silu f") << "silu" << 0 << -6.0 << 6.0 << -0.278464542761073795
                            << 5.98516426106019135 << 1e-10;
    QTest::newRow("step f") << "step" << 0 << -1.0 << 1.0 << 0.0 << 1.0 << 0.0;
    QTest::newRow("step f'") << "step" << 1 << -1.0 << 1.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("relu f'") << "relu" << 1 << -1.0 << 1.0 << 0.0 << 1.0 << 0.0;
    QTest::newRow("relu6 f") << "relu6" << 0 << -2.0 << 8.0 << 0.0 << 6.0 << 0.0;
    QTest::newRow("threshold f") << "threshold" << 0 << -1.0 << 1.0 << 0.1 << 20.0 << 1e-15;
    QTest::newRow("identity f, a point") << "identity" << 0 << 2.0 << 2.0 << 2.0 << 2.0 << 0.0;
}

void TestSampling::valueRange()
{
    QFETCH(QString, id);
    QFETCH(int, order);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, tolerance);

    const ActivationSpec &s = spec(id);
    const Interval range = ::valueRange(s, s.defaults(), order, a, b);
    QVERIFY2(std::abs(range.from - from) <= tolerance,
             qPrintable(QString::number(range.from, 'g', 17)));
    QVERIFY2(std::abs(range.to - to) <= tolerance, qPrintable(QString::number(range.to, 'g', 17)));
    // Never wider than the truth: every value it reports is one the function takes (or a limit).
    QVERIFY(range.from >= from - tolerance);
    QVERIFY(range.to <= to + tolerance);
}

void TestSampling::valueRangeWithoutFiniteValues()
{
    const Interval none = ::valueRange(fakeSpec(sqrtEvaluate), {}, 0, -2, -1);
    QVERIFY(std::isnan(none.from));
    QVERIFY(std::isnan(none.to));
    const Interval invalid = ::valueRange(spec(QStringLiteral("sigmoid")), {}, 3, -1, 1);
    QVERIFY(std::isnan(invalid.from));
    // √x on [−2, 4]: only the non-negative half counts (the coarse pass does not find 0 itself).
    const Interval half = ::valueRange(fakeSpec(sqrtEvaluate), {}, 0, -2, 4);
    QVERIFY(half.from >= 0 && half.from < 0.25);
    QCOMPARE(half.to, 2.0);
}

void TestSampling::cleanupTestCase()
{
    qInfo("plot tolerance: %lld segments checked at 20 points each; worst deviation %.3f of the "
          "tolerance (%s)",
          qlonglong(m_segmentsChecked), m_worstRatio, qPrintable(m_worstRow));
}

QTEST_APPLESS_MAIN(TestSampling)

#include "tst_sampling.moc"
