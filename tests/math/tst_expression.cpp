#include "activationcatalogue.h"
#include "expression.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

bool close(double actual, double expected, double tolerance = 1e-12)
{
    if (std::isnan(expected))
        return std::isnan(actual);
    if (std::isinf(expected))
        return actual == expected;
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

Expression parsed(const QString &text)
{
    Expression::Error error;
    const Expression e = Expression::parse(text, &error);
    if (!e.isValid())
        qWarning("%s: %s", qPrintable(text), qPrintable(error.text()));
    return e;
}

double sigma(double z) { return 1.0 / (1.0 + std::exp(-z)); }

using Closed = std::function<Derivatives(double)>;

} // namespace

Q_DECLARE_METATYPE(Closed)

class TestExpression : public QObject
{
    Q_OBJECT

private slots:
    void valuesAndDerivativesMatchClosedForms_data();
    void valuesAndDerivativesMatchClosedForms();
    void precedenceAndNumbers_data();
    void precedenceAndNumbers();
    void softplusByHandMatchesTheCatalogue();
    void catalogueCallsUseTheCataloguesDerivatives();
    void nonDifferentiablePointsFollowPyTorch();
    void parametersAreSortedLetters();
    void catalogueParametersAsArguments();
    void domainErrorsGiveNaN();
    void hostileInputIsAnError_data();
    void hostileInputIsAnError();
    void deepNestingIsAnErrorNotACrash();
    void thousandsOfTokensAreBounded();
    void deepOperandStacksEvaluate();
    void kinksOfAffineArguments();
    void kinksOfOtherArgumentsInARange();
    void errorTextNamesTheColumn();
};

void TestExpression::valuesAndDerivativesMatchClosedForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Closed>("closed");

    QTest::newRow("x*sigmoid(1.702*x)") << QStringLiteral("x*sigmoid(1.702*x)") << Closed([](double x) {
        const double k = 1.702;
        const double s = sigma(k * x);
        const double ds = s * (1 - s);
        return Derivatives{x * s, s + k * x * ds, 2 * k * ds + k * k * x * ds * (1 - 2 * s)};
    });
    QTest::newRow("x^3") << QStringLiteral("x^3") << Closed([](double x) {
        return Derivatives{x * x * x, 3 * x * x, 6 * x};
    });
    QTest::newRow("sin(x)*exp(x)") << QStringLiteral("sin(x) * exp(x)") << Closed([](double x) {
        const double s = std::sin(x), c = std::cos(x), e = std::exp(x);
        return Derivatives{s * e, (s + c) * e, 2 * c * e};
    });
    QTest::newRow("x*0.5*(1+erf(x/sqrt(2)))") << QStringLiteral("x * 0.5 * (1 + erf(x / sqrt(2)))") << Closed([](double x) {
        const double Phi = 0.5 * std::erfc(-x / std::sqrt(2.0));
        const double phi = std::exp(-x * x / 2) / std::sqrt(2 * M_PI);
        return Derivatives{x * Phi, Phi + x * phi, (2 - x * x) * phi};
    });
    QTest::newRow("1/(1+x^2)") << QStringLiteral("1 / (1 + x**2)") << Closed([](double x) {
        const double q = 1 + x * x;
        return Derivatives{1 / q, -2 * x / (q * q), (6 * x * x - 2) / (q * q * q)};
    });
    QTest::newRow("log1p(exp(x)) - expm1(x)") << QStringLiteral("log1p(exp(x)) - expm1(x)") << Closed([](double x) {
        const double s = sigma(x);
        return Derivatives{std::log1p(std::exp(x)) - std::expm1(x), s - std::exp(x), s * (1 - s) - std::exp(x)};
    });
    QTest::newRow("atan(x)+asin(x/10)") << QStringLiteral("atan(x) + asin(x/10)") << Closed([](double x) {
        const double q = 1 - x * x / 100;
        return Derivatives{std::atan(x) + std::asin(x / 10), 1 / (1 + x * x) + 0.1 / std::sqrt(q),
                           -2 * x / std::pow(1 + x * x, 2) + 0.01 * (x / 10) / std::pow(q, 1.5)};
    });
    QTest::newRow("2^x") << QStringLiteral("2^x") << Closed([](double x) {
        const double l = std::log(2.0), f = std::pow(2.0, x);
        return Derivatives{f, f * l, f * l * l};
    });
    QTest::newRow("x^x") << QStringLiteral("x^x") << Closed([](double x) {
        if (x <= 0)
            return Derivatives{std::pow(x, x), NaN, NaN};
        const double f = std::pow(x, x), g = std::log(x) + 1;
        return Derivatives{f, f * g, f * (g * g + 1 / x)};
    });
    QTest::newRow("cosh-sinh*tanh") << QStringLiteral("cosh(x) - sinh(x) * tanh(x)") << Closed([](double x) {
        // = sech x
        const double s = 1 / std::cosh(x), t = std::tanh(x);
        return Derivatives{s, -s * t, s * (t * t - s * s)};
    });
}

void TestExpression::valuesAndDerivativesMatchClosedForms()
{
    QFETCH(QString, text);
    QFETCH(Closed, closed);
    const Expression e = parsed(text);
    QVERIFY(e.isValid());
    for (double x = -4.0; x <= 4.0; x += 0.37) {
        if (text == QLatin1String("x^x") && x <= 0)
            continue;
        const Derivatives got = e.evaluate(x);
        const Derivatives want = closed(x);
        for (int n = 0; n < 3; ++n) {
            if (!close(got.order(n), want.order(n), 1e-11))
                QFAIL(qPrintable(QStringLiteral("x = %1, order %2: got %3, want %4")
                                         .arg(x).arg(n).arg(got.order(n), 0, 'g', 17).arg(want.order(n), 0, 'g', 17)));
        }
    }
}

void TestExpression::precedenceAndNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("expected");

    QTest::newRow("-x^2 is -(x^2)") << "-x^2" << 3.0 << -9.0;
    QTest::newRow("-2**2") << "-2**2" << 0.0 << -4.0;
    QTest::newRow("right-assoc") << "2^3^2" << 0.0 << 512.0;
    QTest::newRow("negative exponent") << "2^-1" << 0.0 << 0.5;
    QTest::newRow("(-x)^2") << "(-x)^2" << 3.0 << 9.0;
    QTest::newRow("1e-3") << "1e-3" << 0.0 << 0.001;
    QTest::newRow("2.5E+2") << "2.5E+2" << 0.0 << 250.0;
    QTest::newRow(".5") << ".5*x" << 4.0 << 2.0;
    QTest::newRow("5.") << "5.*x" << 2.0 << 10.0;
    QTest::newRow("1.e2") << "1.e2" << 0.0 << 100.0;
    QTest::newRow("2^-x^2 is 2^(-(x^2))") << "2^-x^2" << 2.0 << 1.0 / 16.0;
    QTest::newRow("x**-2") << "x**-2" << 2.0 << 0.25;
    QTest::newRow("largest double") << "1.7976931348623157e308" << 0.0 << 1.7976931348623157e308;
    QTest::newRow("left-assoc minus") << "10 - 4 - 3" << 0.0 << 3.0;
    QTest::newRow("left-assoc divide") << "8 / 4 / 2" << 0.0 << 1.0;
    QTest::newRow("mul before add") << "1 + 2 * x" << 3.0 << 7.0;
    QTest::newRow("pi and e") << "pi + e" << 0.0 << M_PI + M_E;
    QTest::newRow("unicode signs") << QStringLiteral("2·x − 1 × π") << 1.0 << 2.0 - M_PI;
    QTest::newRow("pow()") << "pow(x, 3)" << 2.0 << 8.0;
    QTest::newRow("min/max") << "max(min(x, 1), -1)" << 5.0 << 1.0;
    QTest::newRow("sign") << "sign(x)" << -2.0 << -1.0;
    QTest::newRow("underflow is 0") << "1e-999 + x" << 1.0 << 1.0;
    QTest::newRow("unary plus") << "+x" << 2.0 << 2.0;
    QTest::newRow("tabs") << "\tx\t+ 1" << 2.0 << 3.0;
}

void TestExpression::precedenceAndNumbers()
{
    QFETCH(QString, text);
    QFETCH(double, x);
    QFETCH(double, expected);
    const Expression e = parsed(text);
    QVERIFY(e.isValid());
    QVERIFY2(close(e.evaluate(x).f, expected), qPrintable(QString::number(e.evaluate(x).f, 'g', 17)));
}

void TestExpression::softplusByHandMatchesTheCatalogue()
{
    const ActivationSpec *softplus = ActivationCatalogue::find(u"softplus");
    QVERIFY(softplus);
    const Expression byHand = parsed(QStringLiteral("log(1 + exp(x))"));
    const Expression called = parsed(QStringLiteral("softplus(x)"));
    QVERIFY(byHand.isValid() && called.isValid());
    const ParameterValues p = softplus->defaults();
    for (double x = -6.0; x <= 6.0; x += 0.25) {
        const Derivatives want = softplus->at(x, p);
        const Derivatives a = byHand.evaluate(x);
        const Derivatives b = called.evaluate(x);
        for (int n = 0; n < 3; ++n) {
            QVERIFY2(close(a.order(n), want.order(n), 1e-12), qPrintable(QStringLiteral("by hand, x = %1, order %2").arg(x).arg(n)));
            QCOMPARE(b.order(n), want.order(n)); // the catalogue's own numbers, exactly
        }
    }
}

void TestExpression::catalogueCallsUseTheCataloguesDerivatives()
{
    // d/dx gelu(2x + 1) = 2 gelu′(2x + 1), d² = 4 gelu″(2x + 1), for every catalogue activation
    const QList<ActivationSpec> &all = ActivationCatalogue::all();
    for (const ActivationSpec &s : all) {
        if (s.id == QLatin1String("tanh"))
            continue; // the built-in tanh
        const Expression e = parsed(s.id + QStringLiteral("(2*x + 1)"));
        QVERIFY2(e.isValid(), qPrintable(s.id));
        const ParameterValues p = s.defaults();
        for (double x = -3.1; x <= 3.0; x += 0.5) {
            const Derivatives want = s.at(2 * x + 1, p);
            const Derivatives got = e.evaluate(x);
            QVERIFY2(close(got.f, want.f) && close(got.d1, 2 * want.d1) && close(got.d2, 4 * want.d2),
                     qPrintable(QStringLiteral("%1 at %2").arg(s.id).arg(x)));
        }
    }
}

void TestExpression::nonDifferentiablePointsFollowPyTorch()
{
    // relu typed by hand: PyTorch's relu′(0) = 0, from the catalogue
    Derivatives d = parsed(QStringLiteral("relu(x)")).evaluate(0.0);
    QCOMPARE(d.f, 0.0);
    QCOMPARE(d.d1, 0.0);
    QCOMPARE(parsed(QStringLiteral("relu(x)")).evaluate(0.5).d1, 1.0);
    // abs′(0) = 0 (torch.abs)
    d = parsed(QStringLiteral("abs(x)")).evaluate(0.0);
    QCOMPARE(d.f, 0.0);
    QCOMPARE(d.d1, 0.0);
    QCOMPARE(parsed(QStringLiteral("abs(x)")).evaluate(-2.0).d1, -1.0);
    // torch.maximum / torch.minimum split a tie's gradient half and half
    QCOMPARE(parsed(QStringLiteral("max(x, 1)")).evaluate(1.0).d1, 0.5);
    QCOMPARE(parsed(QStringLiteral("min(x, 1)")).evaluate(1.0).d1, 0.5);
    QCOMPARE(parsed(QStringLiteral("max(x, -x)")).evaluate(0.0).d1, 0.0);
    QCOMPARE(parsed(QStringLiteral("max(x, 1)")).evaluate(2.0).d1, 1.0);
    QCOMPARE(parsed(QStringLiteral("min(x, 1)")).evaluate(2.0).d1, 0.0);
    // sign′ = 0; pow(x, 2)′ = 0 and pow(x, 0)′ = 0 at 0 (not 0/0)
    QCOMPARE(parsed(QStringLiteral("sign(x)")).evaluate(0.0).d1, 0.0);
    d = parsed(QStringLiteral("x^2")).evaluate(0.0);
    QCOMPARE(d.d1, 0.0);
    QCOMPARE(d.d2, 2.0);
    d = parsed(QStringLiteral("x^0")).evaluate(0.0);
    QCOMPARE(d.f, 1.0);
    QCOMPARE(d.d1, 0.0);
    QCOMPARE(parsed(QStringLiteral("x^1")).evaluate(0.0).d2, 0.0);
    // integer powers of negative numbers are fine
    QCOMPARE(parsed(QStringLiteral("x^3")).evaluate(-2.0).d1, 12.0);
}

void TestExpression::parametersAreSortedLetters()
{
    const Expression e = parsed(QStringLiteral("c + b * tanh(a * x)"));
    QVERIFY(e.isValid());
    QCOMPARE(e.parameterNames(), QStringList({"a", "b", "c"}));
    const double p[MaxParameters] = {2.0, 3.0, 0.5};
    const Derivatives d = e.evaluate(0.25, p);
    const double t = std::tanh(0.5);
    QVERIFY(close(d.f, 0.5 + 3 * t));
    QVERIFY(close(d.d1, 3 * 2 * (1 - t * t)));
    // nullptr: every parameter 1
    QVERIFY(close(e.evaluate(0.25).f, 1 + std::tanh(0.25)));
    // e is Euler's number, x the variable: neither is a parameter
    QCOMPARE(parsed(QStringLiteral("e * x")).parameterNames(), QStringList());
    // eight letters are fine, a ninth is not
    QCOMPARE(parsed(QStringLiteral("a+b+c+d+f+g+h+i*x")).parameterNames().size(), 8);
    Expression::Error error;
    QVERIFY(!Expression::parse(QStringLiteral("a+b+c+d+f+g+h+i+j*x"), &error).isValid());
    QCOMPARE(error.text(), QStringLiteral("column 17: too many parameters: 'j' would be the 9th; at most 8 single-letter parameters (a, b, c, d, f, g, h, i so far)"));
}

void TestExpression::catalogueParametersAsArguments()
{
    QCOMPARE(parsed(QStringLiteral("leaky_relu(x, 0.2)")).evaluate(-1.0).f, -0.2);
    QCOMPARE(parsed(QStringLiteral("leaky_relu(x)")).evaluate(-1.0).f, -0.01);
    const Expression e = parsed(QStringLiteral("leaky_relu(x, s)"));
    const double p[MaxParameters] = {0.3};
    QCOMPARE(e.evaluate(-2.0, p).d1, 0.3);
    // a parameter outside its domain: NaN, not undefined behaviour
    QVERIFY(std::isnan(parsed(QStringLiteral("gelu(x, 7)")).evaluate(1.0).f));
    QVERIFY(std::isnan(parsed(QStringLiteral("hardtanh(x, 2, 1)")).evaluate(1.0).f));
    QVERIFY(!std::isnan(parsed(QStringLiteral("gelu(x, 1)")).evaluate(1.0).f));
}

void TestExpression::domainErrorsGiveNaN()
{
    for (const char *text : {"log(-1)", "sqrt(-1)", "0/0", "asin(2)", "x^0.5", "log(x) * 0"}) {
        const Expression e = parsed(QLatin1String(text));
        QVERIFY2(e.isValid(), text);
        QVERIFY2(std::isnan(e.evaluate(-1.0).f), text);
    }
    QVERIFY(std::isinf(parsed(QStringLiteral("1/x")).evaluate(0.0).f));
    QVERIFY(std::isnan(parsed(QStringLiteral("x")).evaluate(NaN).f));
    QVERIFY(std::isnan(Expression().evaluate(1.0).f));
}

void TestExpression::hostileInputIsAnError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << "" << "column 1: empty expression: type a function of x, e.g. x * sigmoid(x)";
    QTest::newRow("blank") << "   " << "column 4: empty expression: type a function of x, e.g. x * sigmoid(x)";
    QTest::newRow("unclosed call") << "sigmoid(x" << "column 10: expected ')' after the argument of sigmoid, found the end of the expression";
    QTest::newRow("call then garbage") << "sigmoid(x x)" << "column 11: expected ')' after the argument of sigmoid, found 'x'";
    QTest::newRow("unclosed paren") << "(x + 1" << "column 7: expected ')' to close the '(' at column 1, found the end of the expression";
    QTest::newRow("stray paren") << "x)" << "column 2: unexpected ')' without a matching '('";
    QTest::newRow("stray comma") << "x, 1" << "column 2: unexpected ',' outside a function's arguments";
    QTest::newRow("implicit product") << "2x" << "column 2: expected an operator (+ - * / ^) or the end, found 'x' (write 2*x for a product)";
    QTest::newRow("dangling operator") << "x +" << "column 4: unexpected end of the expression: expected a number, x, a parameter, a function or '('";
    QTest::newRow("two operators") << "x * / 2" << "column 5: expected a number, x, a parameter, a function or '(', found '/'";
    QTest::newRow("unknown name") << "foo + x" << "column 1: unknown name 'foo': use x, pi, e, a single-letter parameter (a, b, c…) or a function call";
    QTest::newRow("function without (") << "sigmoid + x" << "column 9: expected '(' after the function name sigmoid, found '+'";
    QTest::newRow("wrong arity") << "min(x)" << "column 6: min takes 2 arguments, not 1";
    QTest::newRow("too many args") << "exp(x, 2)" << "column 6: exp takes 1 argument, not more";
    QTest::newRow("no args") << "relu()" << "column 6: relu takes 1 argument, not none";
    QTest::newRow("catalogue args") << "softplus(x, 1, 20, 3)" << "column 18: softplus takes 1 to 3 arguments, not more";
    QTest::newRow("parameter depends on x") << "leaky_relu(x, 0.1*x)" << "column 15: argument 2 of leaky_relu sets its parameter negative_slope and must not depend on x";
    QTest::newRow("huge number") << "1e999999 * x" << "column 1: number out of range: 1e999999 (at most about 1.8e308)";
    QTest::newRow("huge integer") << QString(400, QLatin1Char('9')) << "column 1: number out of range: 999999999999999999999999… (at most about 1.8e308)";
    QTest::newRow("invalid UTF-8") << QString::fromUtf8("x + \xff\xfe") << "column 5: invalid character U+FFFD (bytes that are not UTF-8, or an unknown character)";
    QTest::newRow("NUL") << QString::fromUtf8("x\0+1", 4) << "column 2: control character U+0000 is not allowed";
    QTest::newRow("newline") << "x\n+1" << "column 2: control character U+000A is not allowed";
    QTest::newRow("other unicode") << QStringLiteral("x + é") << "column 5: unexpected character 'é' (U+00E9)";
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << "column 1: invalid character U+D800 (a lone UTF-16 surrogate)";
    // the message goes on with every activation's id; checked by its start
    QTest::newRow("x as a function") << "x(2)" << "column 1: unknown function 'x'; functions: abs, acos, asin, atan, cos, cosh, erf, erfc, exp, expm1, log, log1p, max, min, pow, sign, sin, sinh, sqrt, tan, tanh; activations: identity, step, sigmoid, relu, ";
    QTest::newRow("too long") << QString(5000, QLatin1Char('x')) << "column 4097: the expression is too long: 5000 characters, at most 4096";
    QTest::newRow("too deep") << QString(250, QLatin1Char('(')) + QLatin1Char('x') + QString(250, QLatin1Char(')'))
                              << "column 201: nested too deeply (more than 200 levels)";
    QTest::newRow("too many signs") << QString(300, QLatin1Char('-')) + QLatin1Char('x')
                                    << "column 201: nested too deeply (more than 200 levels)";
    QTest::newRow("malformed number") << "1.2.3" << "column 4: expected an operator (+ - * / ^) or the end, found '.3' (write 2*x for a product)";
    QTest::newRow("lone dot") << "." << "column 1: unexpected character '.' (U+002E)";
    QTest::newRow("underscore") << "_ + x" << "column 1: unknown name '_': use x, pi, e, a single-letter parameter (a, b, c…) or a function call";
}

void TestExpression::hostileInputIsAnError()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    Expression::Error got;
    const Expression e = Expression::parse(text, &got);
    QVERIFY(!e.isValid());
    QVERIFY(got.isError());
    QVERIFY(got.position >= 0 && got.position <= text.size());
    if (QTest::currentDataTag() == QLatin1String("x as a function"))
        QVERIFY2(got.text().startsWith(error), qPrintable(got.text()));
    else
        QCOMPARE(got.text(), error);
    QVERIFY(std::isnan(e.evaluate(0.0).f));
}

void TestExpression::deepNestingIsAnErrorNotACrash()
{
    Expression::Error error;
    QVERIFY(!Expression::parse(QString(100000, QLatin1Char('(')), &error).isValid());
    QVERIFY(error.isError());
    // below the length limit, only the depth limit stops it
    const QString deep = QString(4000, QLatin1Char('('));
    QVERIFY(!Expression::parse(deep, &error).isValid());
    QVERIFY2(error.message.startsWith(QLatin1String("nested too deeply")), qPrintable(error.text()));
    QVERIFY(!Expression::parse(QStringLiteral("exp(").repeated(1000), &error).isValid());
    QVERIFY2(error.message.startsWith(QLatin1String("nested too deeply")), qPrintable(error.text()));
    QVERIFY(!Expression::parse(QStringLiteral("2^").repeated(1000) + QLatin1Char('x'), &error).isValid());
    QVERIFY2(error.message.startsWith(QLatin1String("nested too deeply")), qPrintable(error.text()));
    // just inside the limit is fine
    const QString ok = QString(150, QLatin1Char('(')) + QLatin1Char('x') + QString(150, QLatin1Char(')'));
    QVERIFY(Expression::parse(ok).isValid());
}

void TestExpression::thousandsOfTokensAreBounded()
{
    // 2048 terms: 4095 nodes, just inside the limits; evaluates to 2048·x
    const QString sum = QStringLiteral("x+").repeated(2047) + QLatin1Char('x');
    const Expression e = parsed(sum);
    QVERIFY(e.isValid());
    QCOMPARE(e.nodeCount(), 4095);
    QCOMPARE(e.evaluate(1.0).f, 2048.0);
    QCOMPARE(e.evaluate(1.0).d1, 2048.0);
    Expression::Error error;
    QVERIFY(!Expression::parse(sum + QStringLiteral("+1"), &error).isValid()); // 4097 characters
}

void TestExpression::deepOperandStacksEvaluate()
{
    // 1 + (1 + (… (1 + x^2))): 60 operands wait on the stack at once (beyond the inline buffer)
    QString text = QStringLiteral("x^2");
    for (int i = 0; i < 60; ++i)
        text = QStringLiteral("1 + (%1)").arg(text);
    const Expression e = parsed(text);
    QVERIFY(e.isValid());
    const Derivatives d = e.evaluate(3.0);
    QCOMPARE(d.f, 69.0);
    QCOMPARE(d.d1, 6.0);
    QCOMPARE(d.d2, 2.0);
}

void TestExpression::kinksOfAffineArguments()
{
    QCOMPARE(parsed(QStringLiteral("relu(2*x - 1)")).kinks(), QList<double>({0.5}));
    QCOMPARE(parsed(QStringLiteral("abs(x + 3) + max(x, 1)")).kinks(), QList<double>({-3.0, 1.0}));
    QCOMPARE(parsed(QStringLiteral("exp(hardtanh(x / 2))")).kinks(), QList<double>({-2.0, 2.0}));
    QCOMPARE(parsed(QStringLiteral("hardtanh(x, -a, a)")).kinks(std::array<double, 8>{3.0}.data()),
             QList<double>({-3.0, 3.0}));
    QCOMPARE(parsed(QStringLiteral("x * sigmoid(x)")).kinks(), QList<double>());
    QCOMPARE(parsed(QStringLiteral("relu(x^2 - 1)")).kinks(), QList<double>()); // needs a range
    QCOMPARE(parsed(QStringLiteral("relu(5)")).kinks(), QList<double>());
}

void TestExpression::kinksOfOtherArgumentsInARange()
{
    // Behind a non-affine argument the kinks are the roots of that argument in the range:
    // exact where the root is a double, within a couple of ulps otherwise.
    const auto near = [](const QList<double> &got, const QList<double> &want) {
        if (got.size() != want.size())
            return false;
        for (int i = 0; i < got.size(); ++i) {
            if (!(std::fabs(got[i] - want[i]) <= 4e-16 * std::max(1.0, std::fabs(want[i]))))
                return false;
        }
        return true;
    };
    const double pi = 3.141592653589793;
    QCOMPARE(parsed(QStringLiteral("relu(x^2 - 1)")).kinks(nullptr, -3, 3), QList<double>({-1.0, 1.0}));
    QCOMPARE(parsed(QStringLiteral("relu(x^2 - 1)")).kinks(nullptr, 0, 3), QList<double>({1.0}));
    QCOMPARE(parsed(QStringLiteral("relu(x^2 - 1)")).kinks(nullptr, 2, 3), QList<double>());
    QVERIFY(near(parsed(QStringLiteral("abs(sin(x))")).kinks(nullptr, -4, 4), {-pi, 0.0, pi}));
    QVERIFY(near(parsed(QStringLiteral("max(x^3, 2)")).kinks(nullptr, -5, 5), {std::cbrt(2.0)}));
    // an activation's own kinks, through a non-affine argument: hardtanh at ±1 of x^2 - 3
    QVERIFY(near(parsed(QStringLiteral("hardtanh(x^2 - 3)")).kinks(nullptr, -6, 6),
                 {-2.0, -std::sqrt(2.0), std::sqrt(2.0), 2.0}));
    // a parameter moves them: relu(x^2 - a) at ±√a
    QVERIFY(near(parsed(QStringLiteral("relu(x^2 - a)")).kinks(std::array<double, 8>{2.0}.data(), -3, 3),
                 {-std::sqrt(2.0), std::sqrt(2.0)}));
    // affine kinks are kept to the range too, and smooth expressions have none
    QCOMPARE(parsed(QStringLiteral("relu(x - 1) + relu(x^2 - 4)")).kinks(nullptr, -1, 3),
             QList<double>({1.0, 2.0}));
    QCOMPARE(parsed(QStringLiteral("x * sigmoid(x^2)")).kinks(nullptr, -6, 6), QList<double>());
    // no range, no scan
    QCOMPARE(parsed(QStringLiteral("relu(x^2 - 1)")).kinks(nullptr, 3, -3), QList<double>());

    // A hostile expression, abs nested 80 deep around 2000 nodes, would cost ~1.6e8 runs of
    // instructions; a budget of 4e6 stops the scans after the innermost, which finds ±1.
    QString hostile = QStringLiteral("x^2-1");
    for (int i = 0; i < 500; ++i)
        hostile += QStringLiteral("+0*x");
    hostile = QStringLiteral("abs(").repeated(80) + hostile + QStringLiteral(")").repeated(80);
    const Expression e = parsed(hostile);
    QVERIFY(e.isValid());
    QVERIFY(e.nodeCount() > 1900);
    QCOMPARE(e.kinks(nullptr, -3, 3), QList<double>({-1.0, 1.0}));
}

void TestExpression::errorTextNamesTheColumn()
{
    Expression::Error error;
    QVERIFY(Expression::parse(QStringLiteral("x"), &error).isValid());
    QVERIFY(!error.isError());
    QVERIFY(error.text().isEmpty());
    QVERIFY(!Expression::parse(QStringLiteral("x * sigmoid(x"), &error).isValid());
    QCOMPARE(error.position, 13);
    QCOMPARE(error.column(), 14);
    QCOMPARE(error.message, QStringLiteral("expected ')' after the argument of sigmoid, found the end of the expression"));
}

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
