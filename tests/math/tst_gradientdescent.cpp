#include "activationcatalogue.h"
#include "gradientdescent.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

GradientDescentSetup makeSetup(const QString &id, double x, double y, double eta, double theta0)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    Q_ASSERT(spec);
    GradientDescentSetup s;
    s.spec = spec;
    s.parameters = spec->defaults();
    s.x = x;
    s.target = y;
    s.learningRate = eta;
    s.theta0 = theta0;
    return s;
}

bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

} // namespace

class TestGradientDescent : public QObject
{
    Q_OBJECT

private slots:
    void thetaFollowsClosedForm_data();
    void thetaFollowsClosedForm();
    void saturatedSigmoidBarelyMoves_data();
    void saturatedSigmoidBarelyMoves();
    void convergesOutsideSaturation_data();
    void convergesOutsideSaturation();
    void historyStartsAtThetaZeroAndResets();
    void refusedSetupKeepsTheRun();
    void divergenceStopsAtLastFiniteTheta();
    void lossCurveSamplesTheLoss();
    void refusesInvalidSetup_data();
    void refusesInvalidSetup();
    void refusesInvalidLossCurve_data();
    void refusesInvalidLossCurve();
};

void TestGradientDescent::thetaFollowsClosedForm_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("eta");
    QTest::addColumn<double>("theta0");
    QTest::addColumn<int>("steps");

    // With f(z) = z, θ_{k+1} − y/x = (1 − ηx²)(θ_k − y/x), so θ_k = y/x + (θ₀ − y/x)(1 − ηx²)^k.
    QTest::newRow("identity x=1 y=0 η=0.1") << "identity" << 1.0 << 0.0 << 0.1 << 5.0 << 100;
    QTest::newRow("identity x=2 y=3 η=0.05") << "identity" << 2.0 << 3.0 << 0.05 << -4.0 << 100;
    QTest::newRow("identity x=-1.5 y=1 η=0.3 (oscillates)") << "identity" << -1.5 << 1.0 << 0.3 << 2.0 << 60;
    QTest::newRow("identity x=1 y=1 η=2.5 (diverges)") << "identity" << 1.0 << 1.0 << 2.5 << 1.5 << 50;
    // relu is the identity while θ·x > 0; with 0 < ηx² < 1 and y/x of θ₀'s sign, θ never leaves it.
    QTest::newRow("relu x=1 y=1 η=0.1") << "relu" << 1.0 << 1.0 << 0.1 << 3.0 << 100;
    QTest::newRow("relu x=2 y=1 η=0.1") << "relu" << 2.0 << 1.0 << 0.1 << 0.1 << 100;
    QTest::newRow("relu x=-1 y=2 η=0.3") << "relu" << -1.0 << 2.0 << 0.3 << -0.5 << 100;
}

void TestGradientDescent::thetaFollowsClosedForm()
{
    QFETCH(QString, id);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, eta);
    QFETCH(double, theta0);
    QFETCH(int, steps);

    GradientDescent gd;
    QCOMPARE(gd.setup(makeSetup(id, x, y, eta, theta0)), QString());
    QCOMPARE(gd.steps(steps), steps);
    const QList<GradientDescentStep> &history = gd.history();
    QCOMPARE(history.size(), steps + 1);

    const double fixed = y / x;
    for (int k = 0; k <= steps; ++k) {
        const double theta = fixed + (theta0 - fixed) * std::pow(1 - eta * x * x, k);
        const GradientDescentStep &s = history[k];
        QCOMPARE(s.step, k);
        QVERIFY2(close(s.theta, theta, 1e-11),
                 qPrintable(QStringLiteral("θ_%1 = %2, expected %3").arg(k).arg(s.theta, 0, 'g', 17).arg(theta, 0, 'g', 17)));
        const double residual = s.theta * x - y;
        QVERIFY(close(s.gradient, residual * x, 1e-12));
        QVERIFY(close(s.loss, 0.5 * residual * residual, 1e-12));
    }
}

void TestGradientDescent::saturatedSigmoidBarelyMoves_data()
{
    QTest::addColumn<double>("theta0");
    QTest::addColumn<double>("maxMove");

    // σ′(10) ≈ 4.5e-5, so a hundred steps at η = 1 move θ by about 4.5e-3; deeper starts move less.
    QTest::newRow("θ0=10") << 10.0 << 5e-3;
    QTest::newRow("θ0=12") << 12.0 << 1e-3;
    QTest::newRow("θ0=15") << 15.0 << 1e-4;
    QTest::newRow("θ0=-15 (saturated at 0, y=0: already near)") << -15.0 << 1e-4;
}

void TestGradientDescent::saturatedSigmoidBarelyMoves()
{
    QFETCH(double, theta0);
    QFETCH(double, maxMove);

    GradientDescent gd;
    QCOMPARE(gd.setup(makeSetup(QStringLiteral("sigmoid"), 1.0, 0.0, 1.0, theta0)), QString());
    QCOMPARE(gd.steps(100), 100);
    const GradientDescentStep first = gd.history().first();
    const GradientDescentStep last = gd.current();
    QCOMPARE(last.step, 100);
    QVERIFY2(std::abs(last.theta - first.theta) < maxMove,
             qPrintable(QStringLiteral("θ moved by %1").arg(std::abs(last.theta - first.theta))));
    QVERIFY(last.loss <= first.loss);
    QVERIFY(first.loss - last.loss < 1e-5 * std::max(first.loss, 1e-300) + 1e-12);
}

void TestGradientDescent::convergesOutsideSaturation_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("eta");
    QTest::addColumn<double>("theta0");
    QTest::addColumn<double>("lossRatio");

    QTest::newRow("sigmoid θ0=0.5 y=0") << "sigmoid" << 0.0 << 1.0 << 0.5 << 0.05;
    QTest::newRow("sigmoid θ0=0 y=0") << "sigmoid" << 0.0 << 1.0 << 0.0 << 0.05;
    QTest::newRow("sigmoid θ0=-1 y=0.9") << "sigmoid" << 0.9 << 1.0 << -1.0 << 0.05;
    QTest::newRow("relu θ0=10 y=1") << "relu" << 1.0 << 0.5 << 10.0 << 1e-12;
    QTest::newRow("identity θ0=10 y=0") << "identity" << 0.0 << 0.5 << 10.0 << 1e-12;
    QTest::newRow("tanh θ0=0.5 y=-0.5") << "tanh" << -0.5 << 0.5 << 0.5 << 1e-6;
}

void TestGradientDescent::convergesOutsideSaturation()
{
    QFETCH(QString, id);
    QFETCH(double, y);
    QFETCH(double, eta);
    QFETCH(double, theta0);
    QFETCH(double, lossRatio);

    GradientDescent gd;
    QCOMPARE(gd.setup(makeSetup(id, 1.0, y, eta, theta0)), QString());
    QCOMPARE(gd.steps(100), 100);
    const double before = gd.history().first().loss;
    const double after = gd.current().loss;
    QVERIFY2(after <= lossRatio * before,
             qPrintable(QStringLiteral("loss %1 → %2").arg(before).arg(after)));
}

void TestGradientDescent::historyStartsAtThetaZeroAndResets()
{
    GradientDescent gd;
    QVERIFY(!gd.isValid());
    QVERIFY(!gd.step());
    QVERIFY(gd.history().isEmpty());
    QVERIFY(std::isnan(gd.loss(0)));

    QCOMPARE(gd.setup(makeSetup(QStringLiteral("identity"), 1.0, 2.0, 0.25, 6.0)), QString());
    QVERIFY(gd.isValid());
    QCOMPARE(gd.history().size(), 1);
    QCOMPARE(gd.current(), (GradientDescentStep{0, 6.0, 4.0, 8.0}));
    QVERIFY(gd.step());
    // θ₁ = 6 − 0.25·4 = 5; gradient (5 − 2)·1 = 3; loss ½·3² = 4.5.
    QCOMPARE(gd.current(), (GradientDescentStep{1, 5.0, 3.0, 4.5}));
    QCOMPARE(gd.steps(9), 9);
    QCOMPARE(gd.history().size(), 11);

    gd.reset();
    QCOMPARE(gd.history().size(), 1);
    QCOMPARE(gd.current(), (GradientDescentStep{0, 6.0, 4.0, 8.0}));
}

void TestGradientDescent::refusedSetupKeepsTheRun()
{
    GradientDescent gd;
    QCOMPARE(gd.setup(makeSetup(QStringLiteral("identity"), 1.0, 0.0, 0.5, 4.0)), QString());
    gd.steps(3);
    const QList<GradientDescentStep> before = gd.history();
    QCOMPARE(gd.setup(makeSetup(QStringLiteral("relu"), 1.0, 0.0, -1.0, 4.0)),
             QStringLiteral("learning rate η must be a finite number > 0 (got -1)"));
    QCOMPARE(gd.history(), before);
    QCOMPARE(gd.currentSetup().spec->id, QStringLiteral("identity"));
}

void TestGradientDescent::divergenceStopsAtLastFiniteTheta()
{
    GradientDescent gd;
    // θ is multiplied by 1 − 1e10 at every step and overflows after about 31 of them.
    QCOMPARE(gd.setup(makeSetup(QStringLiteral("identity"), 1.0, 0.0, 1e10, 1.0)), QString());
    const int taken = gd.steps(1000);
    QVERIFY(taken > 10);
    QVERIFY(taken < 1000);
    QVERIFY(std::isfinite(gd.current().theta));
    QVERIFY(!gd.step());
    QCOMPARE(gd.history().size(), taken + 1);
}

void TestGradientDescent::lossCurveSamplesTheLoss()
{
    GradientDescent gd;
    QCOMPARE(gd.setup(makeSetup(QStringLiteral("sigmoid"), 1.0, 0.0, 1.0, 10.0)), QString());
    QString error = QStringLiteral("unset");
    const QList<QPointF> curve = gd.lossCurve(-12.0, 12.0, 241, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(curve.size(), 241);
    QCOMPARE(curve.first().x(), -12.0);
    QCOMPARE(curve.last().x(), 12.0);
    QCOMPARE(curve[120].x(), 0.0);
    QCOMPARE(curve[120].y(), 0.125); // ½·σ(0)² = ½·¼
    for (const QPointF &p : curve) {
        const double s = 1 / (1 + std::exp(-p.x()));
        QVERIFY(close(p.y(), 0.5 * s * s, 1e-14));
        QCOMPARE(p.y(), gd.loss(p.x()));
    }
    // The trajectory lies on the curve: every iterate's loss is L(θ_k).
    gd.steps(5);
    for (const GradientDescentStep &s : gd.history())
        QCOMPARE(s.loss, gd.loss(s.theta));
}

void TestGradientDescent::refusesInvalidSetup_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("eta");
    QTest::addColumn<double>("theta0");
    QTest::addColumn<QString>("message");

    QTest::newRow("no activation") << QString() << NaN << 1.0 << 0.0 << 0.1 << 0.0
                                   << "no activation chosen";
    QTest::newRow("x=nan") << "sigmoid" << NaN << NaN << 0.0 << 0.1 << 0.0
                           << "input x must be a finite number (got nan)";
    QTest::newRow("y=inf") << "sigmoid" << NaN << 1.0 << Inf << 0.1 << 0.0
                           << "target y must be a finite number (got inf)";
    QTest::newRow("η=0") << "sigmoid" << NaN << 1.0 << 0.0 << 0.0 << 0.0
                         << "learning rate η must be a finite number > 0 (got 0)";
    QTest::newRow("η=-0.5") << "relu" << NaN << 1.0 << 0.0 << -0.5 << 0.0
                            << "learning rate η must be a finite number > 0 (got -0.5)";
    QTest::newRow("η=inf") << "relu" << NaN << 1.0 << 0.0 << Inf << 0.0
                           << "learning rate η must be a finite number > 0 (got inf)";
    QTest::newRow("η=nan") << "relu" << NaN << 1.0 << 0.0 << NaN << 0.0
                           << "learning rate η must be a finite number > 0 (got nan)";
    QTest::newRow("θ0=-inf") << "tanh" << NaN << 1.0 << 0.0 << 0.1 << -Inf
                             << "starting θ₀ must be a finite number (got -inf)";
    QTest::newRow("elu alpha=nan") << "elu" << NaN << 1.0 << 0.0 << 0.1 << 0.0
                                   << "elu: alpha must be any finite number (got nan)";
}

void TestGradientDescent::refusesInvalidSetup()
{
    QFETCH(QString, id);
    QFETCH(double, parameter);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, eta);
    QFETCH(double, theta0);
    QFETCH(QString, message);

    GradientDescentSetup s;
    if (!id.isEmpty()) {
        s = makeSetup(id, x, y, eta, theta0);
        if (id == QLatin1String("elu"))
            s.parameters[0] = parameter;
    } else {
        s.x = x;
        s.target = y;
        s.learningRate = eta;
        s.theta0 = theta0;
    }
    QCOMPARE(s.check(), message);
    GradientDescent gd;
    QCOMPARE(gd.setup(s), message);
    QVERIFY(!gd.isValid());
    QVERIFY(!gd.step());
}

void TestGradientDescent::refusesInvalidLossCurve_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << 1.0 << 1.0 << 10 << "θ range must be finite with from < to (got 1 … 1)";
    QTest::newRow("reversed") << 2.0 << -2.0 << 10 << "θ range must be finite with from < to (got 2 … -2)";
    QTest::newRow("nan") << NaN << 1.0 << 10 << "θ range must be finite with from < to (got nan … 1)";
    QTest::newRow("inf") << 0.0 << Inf << 10 << "θ range must be finite with from < to (got 0 … inf)";
    QTest::newRow("1 sample") << 0.0 << 1.0 << 1 << "samples must be between 2 and 100000 (got 1)";
    QTest::newRow("too many") << 0.0 << 1.0 << 100001
                              << "samples must be between 2 and 100000 (got 100001)";
}

void TestGradientDescent::refusesInvalidLossCurve()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, samples);
    QFETCH(QString, message);

    GradientDescent gd;
    QString error;
    QVERIFY(gd.lossCurve(0, 1, 10, &error).isEmpty());
    QCOMPARE(error, QStringLiteral("no activation chosen"));

    QCOMPARE(gd.setup(makeSetup(QStringLiteral("sigmoid"), 1.0, 0.0, 1.0, 0.0)), QString());
    QVERIFY(gd.lossCurve(from, to, samples, &error).isEmpty());
    QCOMPARE(error, message);
}

QTEST_GUILESS_MAIN(TestGradientDescent)
#include "tst_gradientdescent.moc"
