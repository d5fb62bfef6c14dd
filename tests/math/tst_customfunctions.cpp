#include "activationcatalogue.h"
#include "activationfunction.h"
#include "customfunctions.h"
#include "sampling.h"

#include <QTest>

#include <cmath>

class TestCustomFunctions : public QObject
{
    Q_OBJECT

private slots:
    void internKeepsOneSpecPerExpression();
    void specDescribesTheExpression();
    void parametersBecomeSliders();
    void catalogueFindFallsBackToCustom();
    void badExpressionsGiveTheReason();
    void batchMatchesEvaluate();
    void worksInsideAnActivationFunction();
    void kinksBehindOtherArgumentsReachThePlot();
};

void TestCustomFunctions::internKeepsOneSpecPerExpression()
{
    QString error = QStringLiteral("stale");
    const ActivationSpec *a = CustomFunctions::intern(QStringLiteral("x * sigmoid(1.702 * x)"), &error);
    QVERIFY(a);
    QVERIFY(error.isEmpty());
    const ActivationSpec *b = CustomFunctions::intern(QStringLiteral("  x * sigmoid(1.702 * x) "));
    QCOMPARE(a, b);
    QVERIFY(CustomFunctions::intern(QStringLiteral("x*sigmoid(1.702*x)")) != a); // another text
}

void TestCustomFunctions::specDescribesTheExpression()
{
    const ActivationSpec *s = CustomFunctions::intern(QStringLiteral(" x * tanh(softplus(x)) "));
    QVERIFY(s);
    QCOMPARE(s->kind, FunctionKind::Custom);
    QCOMPARE(s->id, QStringLiteral("expr:x * tanh(softplus(x))"));
    QCOMPARE(s->displayName, QStringLiteral("x * tanh(softplus(x))"));
    QCOMPARE(s->formula, QStringLiteral("x * tanh(softplus(x))"));
    QVERIFY(!s->derivativeFormula.isEmpty());
    QVERIFY(s->parameters.isEmpty());
    // the same numbers as the catalogue's mish
    const ActivationSpec *mish = ActivationCatalogue::find(u"mish");
    QVERIFY(mish);
    const ParameterValues p = s->defaults();
    for (double x = -5.0; x <= 5.0; x += 0.5) {
        const Derivatives got = s->at(x, p);
        const Derivatives want = mish->at(x, mish->defaults());
        QVERIFY2(std::abs(got.f - want.f) < 1e-12, qPrintable(QString::number(x)));
        QVERIFY2(std::abs(got.d1 - want.d1) < 1e-12, qPrintable(QString::number(x)));
        QVERIFY2(std::abs(got.d2 - want.d2) < 1e-11, qPrintable(QString::number(x)));
    }
    QVERIFY(s->flatRegions(p.data()).isEmpty());
    // softplus switches to x at its threshold (20): the catalogue's kink, found through the call
    QCOMPARE(s->kinks(p.data()), QList<double>({20.0}));
    QVERIFY(s->validate(p).isEmpty());
}

void TestCustomFunctions::parametersBecomeSliders()
{
    const ActivationSpec *s = CustomFunctions::intern(QStringLiteral("b * relu(x - a)"));
    QVERIFY(s);
    QCOMPARE(s->parameters.size(), 2);
    QCOMPARE(s->parameters[0].name, QStringLiteral("a"));
    QCOMPARE(s->parameters[1].name, QStringLiteral("b"));
    for (const ParameterSpec &p : s->parameters) {
        QCOMPARE(p.defaultValue, 1.0);
        QCOMPARE(p.domain, ParameterDomain::Finite);
        QVERIFY(p.sliderMin < 0.0 && p.sliderMax > 1.0);
    }
    QCOMPARE(s->parameterIndex(u"b"), 1);
    ParameterValues p = s->defaults();
    p[0] = 2.0;
    p[1] = 3.0;
    QCOMPARE(s->at(5.0, p).f, 9.0);
    QCOMPARE(s->at(5.0, p).d1, 3.0);
    QCOMPARE(s->kinks(p.data()), QList<double>({2.0}));
    QCOMPARE(s->label(p), QStringLiteral("b * relu(x - a) (a 2, b 3)"));
    p[0] = std::nan("");
    QVERIFY(!s->validate(p).isEmpty());
}

void TestCustomFunctions::catalogueFindFallsBackToCustom()
{
    const ActivationSpec *s = ActivationCatalogue::find(u"expr:relu(x) + 1");
    QVERIFY(s);
    QCOMPARE(s->kind, FunctionKind::Custom);
    QCOMPARE(s, CustomFunctions::find(u"expr:relu(x) + 1"));
    QCOMPARE(s, CustomFunctions::intern(QStringLiteral("relu(x) + 1")));
    QCOMPARE(s->at(2.0, s->defaults()).f, 3.0);
    QVERIFY(!ActivationCatalogue::find(u"expr:relu(x"));
    QVERIFY(!CustomFunctions::find(u"relu"));
    QVERIFY(ActivationCatalogue::find(u"relu"));
    QCOMPARE(ActivationCatalogue::find(u"relu")->kind, FunctionKind::Activation);
}

void TestCustomFunctions::badExpressionsGiveTheReason()
{
    QString error;
    QVERIFY(!CustomFunctions::intern(QStringLiteral("x * sigmoid(x"), &error));
    QCOMPARE(error, QStringLiteral("column 14: expected ')' after the argument of sigmoid, found the end of the expression"));
    QVERIFY(!CustomFunctions::intern(QString(), &error));
    QVERIFY(error.startsWith(QLatin1String("column 1: empty expression")));
    const Expression::Error check = CustomFunctions::check(QStringLiteral("2 +* x"));
    QVERIFY(check.isError());
    QCOMPARE(check.column(), 4);
    QVERIFY(!CustomFunctions::check(QStringLiteral("2 * x")).isError());
}

void TestCustomFunctions::batchMatchesEvaluate()
{
    const ActivationSpec *s = CustomFunctions::intern(QStringLiteral("a * log(x) + abs(x)"));
    QVERIFY(s);
    const ParameterValues p = s->defaults();
    const double x[5] = {-1.0, 0.0, 0.5, 1.0, 2.0};
    double f[5], d1[5];
    s->evaluateBatch(p.data(), x, f, d1, 5);
    for (int i = 0; i < 5; ++i) {
        const Derivatives d = s->at(x[i], p);
        QVERIFY((std::isnan(d.f) && std::isnan(f[i])) || d.f == f[i]);
        QVERIFY((std::isnan(d.d1) && std::isnan(d1[i])) || d.d1 == d1[i]);
    }
    QVERIFY(std::isnan(f[0])); // log(-1): a gap in the plot
}

void TestCustomFunctions::worksInsideAnActivationFunction()
{
    const ActivationSpec *s = CustomFunctions::intern(QStringLiteral("relu(x - 1)"));
    QVERIFY(s);
    const ActivationFunction fn(*s, s->defaults(), AffineMap{2.0, 3.0, 0.0});
    QCOMPARE(fn.at(1.0).f, 3.0);
    QCOMPARE(fn.at(1.0).d1, 6.0);
    QCOMPARE(fn.kinks(), QList<double>({0.5}));
}

void TestCustomFunctions::kinksBehindOtherArgumentsReachThePlot()
{
    // relu(x^2 - 1): f′ = 2x·relu′(x^2 - 1) jumps at x = ±1 (0 inside, ±2 outside). PyTorch's
    // relu′(0) = 0 gives f′(±1) = 0: a filled dot at 0 and an open circle at the other limit.
    const ActivationSpec *s = CustomFunctions::intern(QStringLiteral("relu(x^2 - 1)"));
    QVERIFY(s);
    const ActivationFunction fn(*s, s->defaults());
    QCOMPARE(fn.kinks(-3, 3), QList<double>({-1.0, 1.0}));
    // through an input scale a: the kinks of relu((a·x)^2 - 1) are at ±1/a
    const ActivationFunction scaled(*s, s->defaults(), AffineMap{-4.0, 1.0, 0.0});
    QCOMPARE(scaled.kinks(-3, 3), QList<double>({-0.25, 0.25}));

    PlotViewport view;
    view.xMin = -3;
    view.xMax = 3;
    view.yMin = -7;
    view.yMax = 7;
    const PlotCurve curve = samplePlotCurve(fn, 1, view);
    QCOMPARE(curve.pieces.size(), 3); // cut at both jumps
    // The open circles show the limits from outside, evaluated at the next double: ±2(1 + ulp).
    const auto has = [&](double x, double y, bool filled) {
        for (const CurveMarker &m : curve.markers) {
            if (m.x == x && m.filled == filled && std::fabs(m.y - y) <= 1e-15)
                return true;
        }
        return false;
    };
    QVERIFY(has(1.0, 0.0, true));
    QVERIFY(has(1.0, 2.0, false));
    QVERIFY(has(-1.0, 0.0, true));
    QVERIFY(has(-1.0, -2.0, false));
    QCOMPARE(curve.markers.size(), 4);
}

QTEST_GUILESS_MAIN(TestCustomFunctions)
#include "tst_customfunctions.moc"
