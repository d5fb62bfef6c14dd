// The catalogue's formulas as markup (formulatext.h): every activation and loss writes its f and
// f′ once; the plain Unicode in ActivationSpec::formula and derivativeFormula is rendered from it.

#include "activationcatalogue.h"
#include "formulatext.h"
#include "losscatalogue.h"

#include <QTest>

namespace {

QString plainFor(const char *id, bool derivative, const ParameterValues *p = nullptr)
{
    const ActivationSpec *spec = ActivationCatalogue::find(QString::fromLatin1(id));
    if (!spec)
        return QStringLiteral("<no %1>").arg(QLatin1String(id));
    return FormulaText::plainText(spec->formulaMarkup(p ? *p : spec->defaults(), derivative));
}

int countKind(const FormulaText::Formula &f, FormulaText::NodeKind kind)
{
    int n = 0;
    for (const FormulaText::Node &node : f) {
        n += node.kind == kind;
        for (const FormulaText::Formula &part : node.parts)
            n += countKind(part, kind);
    }
    return n;
}

} // namespace

class TestFormulaText : public QObject
{
    Q_OBJECT

private slots:
    void plainText_data();
    void plainText();
    void fieldsAreDerivedFromTheMarkup();
    void leakyReluNamesItsParameter();
    void geluFollowsApproximate();
    void lossVariantsFollowTheirChoice();
    void everyEntryHasStructuredFormulas();
    void structure();
    void errorsAreReported_data();
    void errorsAreReported();
};

void TestFormulaText::plainText_data()
{
    QTest::addColumn<QString>("markup");
    QTest::addColumn<QString>("plain");
    QTest::newRow("fraction") << QStringLiteral(R"(\frac{1}{1 + e^{-x}})")
                              << QStringLiteral("1/(1 + e⁻ˣ)");
    QTest::newRow("superscript word") << QStringLiteral(R"(e^{\param{target}})")
                                      << QStringLiteral("e^target");
    QTest::newRow("superscript group") << QStringLiteral(R"(e^{x/\param{alpha}})")
                                       << QStringLiteral("e^(x/alpha)");
    QTest::newRow("two cases") << QStringLiteral(R"(\cases{x & x > 0 \\ 0 & \otherwise})")
                               << QStringLiteral("x if x > 0, else 0");
    QTest::newRow("three cases")
        << QStringLiteral(R"(\cases{0 & x < -3 \\ \frac{2x + 3}{6} & -3 ≤ x ≤ 3 \\ 1 & x > 3})")
        << QStringLiteral("0 if x < −3; (2x + 3)/6 if −3 ≤ x ≤ 3; 1 if x > 3");
    QTest::newRow("cases in a product")
        << QStringLiteral(R"(\param{scale}\cdot\cases{x & x > 0 \\ 0 & \otherwise})")
        << QStringLiteral("scale·(x if x > 0, else 0)");
    QTest::newRow("cases after =") << QStringLiteral(R"(max(0, x) = \cases{x & x > 0 \\ 0 & \otherwise})")
                                   << QStringLiteral("max(0, x) = x if x > 0, else 0");
    QTest::newRow("fraction before a bracket") << QStringLiteral(R"(\frac{1}{2}(1 + u))")
                                               << QStringLiteral("(1/2)(1 + u)");
    QTest::newRow("denominator product") << QStringLiteral(R"(\frac{d^2}{2\param{beta}})")
                                         << QStringLiteral("d²/(2beta)");
    QTest::newRow("text verbatim") << QStringLiteral(R"(\text{1e-12 x})") << QStringLiteral("1e-12 x");
    QTest::newRow("subscript") << QStringLiteral(R"(p_0 + logit_{k-1})")
                               << QStringLiteral("p_0 + logit_{k−1}");
}

void TestFormulaText::plainText()
{
    QFETCH(QString, markup);
    QFETCH(QString, plain);
    const FormulaText::Parsed parsed = FormulaText::parse(markup);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(FormulaText::toPlainText(parsed.formula), plain);
}

void TestFormulaText::fieldsAreDerivedFromTheMarkup()
{
    QCOMPARE(plainFor("sigmoid", false), QStringLiteral("σ(x) = 1/(1 + e⁻ˣ)"));
    QCOMPARE(plainFor("sigmoid", true), QStringLiteral("σ(x)(1 − σ(x))"));
    QCOMPARE(plainFor("relu", false), QStringLiteral("max(0, x) = x if x > 0, else 0"));
    QCOMPARE(plainFor("relu", true), QStringLiteral("1 if x > 0; 0 if x ≤ 0"));
    QCOMPARE(plainFor("hardswish", false),
             QStringLiteral("0 if x ≤ −3; x(x + 3)/6 if −3 < x < 3; x if x ≥ 3"));
    QCOMPARE(plainFor("softshrink", false),
             QStringLiteral("x − lambd if x > lambd; x + lambd if x < −lambd; else 0"));
    for (const ActivationSpec &spec : ActivationCatalogue::all()) {
        QCOMPARE(spec.formula, FormulaText::plainText(spec.formulaMarkup(spec.defaults(), false)));
        QCOMPARE(spec.derivativeFormula,
                 FormulaText::plainText(spec.formulaMarkup(spec.defaults(), true)));
    }
    const ActivationSpec &sigmoid = *ActivationCatalogue::find(QStringLiteral("sigmoid"));
    QCOMPARE(sigmoid.formula, QStringLiteral("σ(x) = 1/(1 + e⁻ˣ)"));
}

void TestFormulaText::leakyReluNamesItsParameter()
{
    QCOMPARE(plainFor("leaky_relu", false), QStringLiteral("x if x > 0, else negative_slope·x"));
    QCOMPARE(plainFor("leaky_relu", true), QStringLiteral("1 if x > 0; negative_slope if x ≤ 0"));
    QCOMPARE(plainFor("rrelu", false), QStringLiteral("x if x > 0, else (lower + upper)/2·x"));
    const ActivationSpec &leaky = *ActivationCatalogue::find(QStringLiteral("leaky_relu"));
    const FormulaText::Parsed parsed = FormulaText::parse(leaky.formulaMarkup(leaky.defaults(), false));
    QVERIFY(parsed.ok());
    QCOMPARE(countKind(parsed.formula, FormulaText::NodeKind::Parameter), 1);
}

void TestFormulaText::geluFollowsApproximate()
{
    const ActivationSpec &gelu = *ActivationCatalogue::find(QStringLiteral("gelu"));
    ParameterValues exact = gelu.defaults();
    ParameterValues tanhForm = exact;
    tanhForm[0] = 1; // approximate = 'tanh'
    QCOMPARE(plainFor("gelu", false, &exact), QStringLiteral("x·Φ(x)"));
    QCOMPARE(plainFor("gelu", true, &exact), QStringLiteral("Φ(x) + x·φ(x)"));
    QCOMPARE(plainFor("gelu", false, &tanhForm), QStringLiteral("1/2·x(1 + tanh u)"));
    QCOMPARE(plainFor("gelu", true, &tanhForm),
             QStringLiteral("(1/2)(1 + tanh u) + 1/2·x(1 − tanh² u)·u′"));
    QCOMPARE(gelu.formula, QStringLiteral("x·Φ(x)")); // the defaults: exact
}

void TestFormulaText::lossVariantsFollowTheirChoice()
{
    const ActivationSpec &kl = *LossCatalogue::find(QStringLiteral("kl_div"));
    ParameterValues p = kl.defaults();
    QVERIFY(FormulaText::plainText(kl.formulaMarkup(p, false)).contains(QStringLiteral("log target")));
    p[1] = 1; // log_target = True
    QCOMPARE(FormulaText::plainText(kl.formulaMarkup(p, true)), QStringLiteral("−e^target"));
    const ActivationSpec &poisson = *LossCatalogue::find(QStringLiteral("poisson_nll_loss"));
    p = poisson.defaults();
    QCOMPARE(FormulaText::plainText(poisson.formulaMarkup(p, true)), QStringLiteral("eˣ − target"));
    p[1] = 0; // log_input = False
    QCOMPARE(FormulaText::plainText(poisson.formulaMarkup(p, true)),
             QStringLiteral("1 − target/(x + eps)"));
}

void TestFormulaText::everyEntryHasStructuredFormulas()
{
    QList<ActivationSpec> all = ActivationCatalogue::all();
    all += LossCatalogue::all();
    for (const ActivationSpec &spec : std::as_const(all)) {
        QVERIFY2(!spec.formulas.isEmpty(), qPrintable(spec.id));
        QCOMPARE(spec.formulas.last().parameter, -1); // something for every parameter value
        for (const FormulaVariant &v : spec.formulas) {
            for (const QString &markup : {v.function, v.derivative}) {
                const QString where = spec.id + QStringLiteral(": ");
                QVERIFY2(!markup.trimmed().isEmpty(), qPrintable(where + QStringLiteral("empty")));
                const FormulaText::Parsed parsed = FormulaText::parse(markup);
                QVERIFY2(parsed.ok(), qPrintable(where + parsed.error));
                QVERIFY2(!parsed.formula.empty(), qPrintable(where + markup));
                const QString plain = FormulaText::toPlainText(parsed.formula);
                QVERIFY2(!plain.trimmed().isEmpty(), qPrintable(where + markup));
                QVERIFY2(!plain.contains(QLatin1Char('\\')), qPrintable(where + plain));
            }
            // Parameters named in the markup exist.
            const std::function<void(const FormulaText::Formula &)> check
                = [&](const FormulaText::Formula &f) {
                      for (const FormulaText::Node &n : f) {
                          if (n.kind == FormulaText::NodeKind::Parameter
                              && n.text != QLatin1String("scale")
                              && !(spec.id == QLatin1String("selu") && n.text == QLatin1String("alpha")))
                              QVERIFY2(spec.parameterIndex(n.text) >= 0,
                                       qPrintable(spec.id + QStringLiteral(": ") + n.text));
                          for (const FormulaText::Formula &part : n.parts)
                              check(part);
                      }
                  };
            check(FormulaText::parse(v.function).formula);
            check(FormulaText::parse(v.derivative).formula);
        }
        QVERIFY2(!spec.formula.isEmpty() && !spec.derivativeFormula.isEmpty(), qPrintable(spec.id));
    }
}

void TestFormulaText::structure()
{
    using FormulaText::NodeKind;
    const FormulaText::Parsed parsed
        = FormulaText::parse(QStringLiteral(R"(tanh x = \frac{e^x - 1}{2}\cdot\cases{1 & x > 0 \\ 0 & \otherwise})"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const FormulaText::Formula &f = parsed.formula;
    QCOMPARE(int(f.size()), 6);
    QCOMPARE(f[0].kind, NodeKind::Text); // "tanh " upright
    QCOMPARE(f[0].text, QStringLiteral("tanh "));
    QCOMPARE(f[1].kind, NodeKind::Variable); // x italic
    QCOMPARE(f[3].kind, NodeKind::Fraction);
    QCOMPARE(int(f[3].parts.size()), 2);
    QCOMPARE(f[4].kind, NodeKind::Dot);
    QCOMPARE(f[5].kind, NodeKind::Cases);
    QCOMPARE(int(f[5].parts.size()), 4);
    QVERIFY(FormulaText::isOtherwise(f[5].parts[3]));
    QCOMPARE(countKind(f, NodeKind::Superscript), 1);
}

void TestFormulaText::errorsAreReported_data()
{
    QTest::addColumn<QString>("markup");
    QTest::addColumn<QString>("message");
    QTest::newRow("open brace") << QStringLiteral(R"(\frac{1}{1 + e^{-x})") << QStringLiteral("unbalanced '{'");
    QTest::newRow("close brace") << QStringLiteral("x}") << QStringLiteral("unbalanced '}' at character 2");
    QTest::newRow("unknown command") << QStringLiteral(R"(\sqrt{x})") << QStringLiteral("unknown command '\\sqrt'");
    QTest::newRow("& outside cases") << QStringLiteral("x & y") << QStringLiteral("outside \\cases");
    QTest::newRow("row without &") << QStringLiteral(R"(\cases{x \\ 0 & y})") << QStringLiteral("without '&'");
    QTest::newRow("open cases") << QStringLiteral(R"(\cases{x & y)") << QStringLiteral("unbalanced '{'");
    QTest::newRow("open param") << QStringLiteral(R"(\param{alpha)") << QStringLiteral("unbalanced '{'");
    QTest::newRow("frac with one part") << QStringLiteral(R"(\frac{1})") << QStringLiteral("'{' expected");
    QTest::newRow("bare superscript") << QStringLiteral("e^") << QStringLiteral("without an argument");
}

void TestFormulaText::errorsAreReported()
{
    QFETCH(QString, markup);
    QFETCH(QString, message);
    const FormulaText::Parsed parsed = FormulaText::parse(markup);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    QVERIFY2(parsed.error.contains(markup), qPrintable(parsed.error)); // says which formula
    QVERIFY(parsed.formula.empty());
}

QTEST_MAIN(TestFormulaText)
#include "tst_formulatext.moc"
