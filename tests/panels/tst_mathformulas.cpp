// The catalogue's formulas as rich text: every activation has f and f′, written like typeset
// mathematics (italic variables with PyTorch's parameter names, upright function names,
// superscripts, stacked fractions and braces as tables), with PyTorch's value at each kink.

#include "activationcatalogue.h"
#include "mathformulas.h"
#include "customfunctions.h"
#include "losscatalogue.h"
#include "scenemodel.h"

#include <QRegularExpression>
#include <QTest>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTranslator>

namespace {

QString plain(const QString &html)
{
    // Without the word joiners that keep "1/(1 + e^−x)" on one line.
    return QTextDocumentFragment::fromHtml(html).toPlainText().remove(QChar(0x2060));
}

/** Marks every string of the "MathFormulas" context, to see that the words are translatable. */
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "MathFormulas") != 0)
            return {};
        return QStringLiteral("«") + QString::fromUtf8(sourceText) + QStringLiteral("»");
    }
};

FunctionInstance instance(const char *id, const AffineMap &map = {})
{
    FunctionInstance fn;
    fn.spec = ActivationCatalogue::find(QString::fromLatin1(id));
    fn.parameters = fn.spec->defaults();
    fn.map = map;
    return fn;
}

} // namespace

class TestMathFormulas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void lossesAndExpressionsShowTheirFormula();
    void everyIdHasFormulas_data();
    void everyIdHasFormulas();
    void parametersAreItalicWithPyTorchNames_data();
    void parametersAreItalicWithPyTorchNames();
    void typesetting_data();
    void typesetting();
    void readsAsMathematics_data();
    void readsAsMathematics();
    void kinkNotes_data();
    void kinkNotes();
    void smoothFunctionsHaveNoKinkNote();
    void legendsExplainSymbols();
    void float32DeviationsFromPyTorchAreNamed();
    void geluFollowsApproximate();
    void affineMapByChainRule();
    void parametersShowTheirValues();
    void unknownIdIsEmpty();
    void wordsAreTranslatable();
    void rendersInATextDocument();
    void numbersUseARealMinus();
};

void TestMathFormulas::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestMathFormulas::everyIdHasFormulas_data()
{
    QTest::addColumn<QString>("id");
    for (const ActivationSpec &spec : ActivationCatalogue::all())
        QTest::newRow(qPrintable(spec.id)) << spec.id;
}

void TestMathFormulas::everyIdHasFormulas()
{
    QFETCH(QString, id);
    const QString f = MathFormulas::functionHtml(id);
    const QString d = MathFormulas::derivativeHtml(id);
    QVERIFY(!f.isEmpty());
    QVERIFY(!d.isEmpty());
    QVERIFY2(plain(f).simplified().startsWith(QStringLiteral("f(x) =")), qPrintable(plain(f)));
    QVERIFY2(plain(d).simplified().startsWith(QStringLiteral("f\u2032(x) =")),
             qPrintable(plain(d)));
    QVERIFY(f.contains(QStringLiteral("<i>x</i>")));

    // No code: no ASCII operators "^" and "*", no hyphen-minus, no "sqrt" or "exp(".
    const QString all = f + d + MathFormulas::legendHtml(id) + MathFormulas::kinkNote(id)
        + MathFormulas::instanceHtml(instance(qPrintable(id), { 2, 2, -1 }));
    QVERIFY2(!all.contains(QLatin1Char('^')), qPrintable(id));
    QVERIFY2(!all.contains(QLatin1Char('*')), qPrintable(id));
    const QString text = plain(f) + plain(d);
    QVERIFY2(!text.contains(QLatin1Char('-')), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("sqrt")));
    QVERIFY(!text.contains(QLatin1String("exp(")));

    // Function names stay upright.
    for (const char *name : { "tanh", "log", "max", "min", "erf", "sech", "softplus" }) {
        const QRegularExpression italic(
            QStringLiteral("<i>%1(</i>|[ (])").arg(QLatin1String(name)));
        QVERIFY2(!all.contains(italic), qPrintable(id + QLatin1Char(' ') + QLatin1String(name)));
    }
    // Balanced tables, cells and rows, so that nothing leaks into the text around a formula.
    for (const char *tag : { "table", "tr", "td", "i", "sup" }) {
        const QString open = QStringLiteral("<%1").arg(QLatin1String(tag));
        const QString close = QStringLiteral("</%1>").arg(QLatin1String(tag));
        const QRegularExpression opening(open + QStringLiteral("[ >]"));
        QCOMPARE(all.count(opening), all.count(close));
    }
}

void TestMathFormulas::parametersAreItalicWithPyTorchNames_data()
{
    everyIdHasFormulas_data();
}

void TestMathFormulas::parametersAreItalicWithPyTorchNames()
{
    QFETCH(QString, id);
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    const QString html = MathFormulas::functionHtml(id) + MathFormulas::derivativeHtml(id);
    for (const ParameterSpec &p : spec->parameters) {
        if (p.domain == ParameterDomain::Choice)
            continue; // gelu's approximate chooses the formula, it is not in it
        QVERIFY2(html.contains(QStringLiteral("<i>%1</i>").arg(p.name)), qPrintable(p.name));
    }
}

void TestMathFormulas::typesetting_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("derivative");
    QTest::addColumn<QStringList>("needs");

    const QString sup = QStringLiteral("<sup>");
    const QString table = QStringLiteral("<table");
    const QString border = QStringLiteral("border-bottom"); // a stacked fraction's bar
    const QString brace = QStringLiteral("\u23A7"); // a piecewise definition's brace
    const QString sigma = QStringLiteral("<i>\u03C3</i>");

    QTest::newRow("sigmoid f") << "sigmoid" << false << QStringList { sup, table, border, sigma };
    QTest::newRow("sigmoid f'") << "sigmoid" << true << QStringList { sigma };
    QTest::newRow("tanh f") << "tanh" << false
                            << QStringList { sup, border, QStringLiteral("tanh ") };
    QTest::newRow("tanh f'") << "tanh" << true
                             << QStringList { QStringLiteral("tanh<sup>2</sup>") };
    QTest::newRow("step f") << "step" << false << QStringList { brace };
    QTest::newRow("relu f") << "relu" << false << QStringList { brace, QStringLiteral("max(0, ") };
    QTest::newRow("relu f'") << "relu" << true << QStringList { brace, QStringLiteral("\u2264 0") };
    QTest::newRow("relu6 f") << "relu6" << false
                             << QStringList { brace, QStringLiteral("min(max(") };
    QTest::newRow("leaky_relu f")
        << "leaky_relu" << false
        << QStringList { brace, QStringLiteral("<i>negative_slope</i> \u00B7 <i>x</i>") };
    QTest::newRow("rrelu f'") << "rrelu" << true << QStringList { brace, border };
    QTest::newRow("elu f") << "elu" << false
                           << QStringList { brace, sup, QStringLiteral("<i>alpha</i>") };
    QTest::newRow("celu f") << "celu" << false
                            << QStringList { sup, QStringLiteral("<i>x</i>/\u2060<i>alpha</i>") };
    QTest::newRow("selu f") << "selu" << false
                            << QStringList { brace, QStringLiteral("<i>scale</i>") };
    QTest::newRow("gelu f") << "gelu" << false << QStringList { QStringLiteral("\u03A6(") };
    QTest::newRow("gelu f'") << "gelu" << true << QStringList { QStringLiteral("<i>\u03C6</i>(") };
    QTest::newRow("silu f") << "silu" << false << QStringList { sigma };
    QTest::newRow("mish f") << "mish" << false << QStringList { QStringLiteral("tanh(softplus(") };
    QTest::newRow("mish f'") << "mish" << true
                             << QStringList { QStringLiteral("sech<sup>2</sup>") };
    QTest::newRow("softplus f") << "softplus" << false
                                << QStringList { brace, border, sup, QStringLiteral("log(1 + ") };
    QTest::newRow("softplus f'") << "softplus" << true << QStringList { brace, sigma };
    QTest::newRow("softsign f") << "softsign" << false
                                << QStringList { border, QStringLiteral("|<i>x</i>|") };
    QTest::newRow("softsign f'") << "softsign" << true << QStringList { border, sup };
    QTest::newRow("hardtanh f") << "hardtanh" << false
                                << QStringList { brace, QStringLiteral("<i>min_val</i>") };
    QTest::newRow("hardsigmoid f") << "hardsigmoid" << false << QStringList { brace, border };
    QTest::newRow("hardswish f") << "hardswish" << false << QStringList { brace, border };
    QTest::newRow("hardswish f'")
        << "hardswish" << true
        << QStringList { brace, border,
                         QStringLiteral("\u2212") + QStringLiteral("3 \u2264 <i>x</i> \u2264 3") };
    QTest::newRow("logsigmoid f") << "logsigmoid" << false
                                  << QStringList { QStringLiteral("log "), sigma, sup };
    QTest::newRow("tanhshrink f'")
        << "tanhshrink" << true << QStringList { QStringLiteral("tanh<sup>2</sup>") };
    QTest::newRow("softshrink f") << "softshrink" << false
                                  << QStringList { brace, QStringLiteral("<i>lambd</i>") };
    QTest::newRow("hardshrink f") << "hardshrink" << false << QStringList { brace };
    QTest::newRow("threshold f") << "threshold" << false
                                 << QStringList { brace, QStringLiteral("<i>value</i>") };
}

void TestMathFormulas::typesetting()
{
    QFETCH(QString, id);
    QFETCH(bool, derivative);
    QFETCH(QStringList, needs);
    const QString html
        = derivative ? MathFormulas::derivativeHtml(id) : MathFormulas::functionHtml(id);
    for (const QString &need : std::as_const(needs))
        QVERIFY2(html.contains(need), qPrintable(need + QStringLiteral(" in ") + html));
}

void TestMathFormulas::readsAsMathematics_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("derivative");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("relu") << "relu" << false
                          << QStringList { QStringLiteral("max(0, x)"), QStringLiteral("if x > 0"),
                                           QStringLiteral("otherwise") };
    QTest::newRow("leaky_relu") << "leaky_relu" << false
                                << QStringList { QStringLiteral("if x > 0"),
                                                 QStringLiteral("negative_slope \u00B7 x"),
                                                 QStringLiteral("otherwise") };
    QTest::newRow("leaky_relu'") << "leaky_relu" << true
                                 << QStringList { QStringLiteral("negative_slope"),
                                                  QStringLiteral("if x \u2264 0") };
    QTest::newRow("sigmoid") << "sigmoid" << false
                             << QStringList { QStringLiteral("\u03C3(x) ="),
                                              QStringLiteral("1 + e\u2212x") };
    QTest::newRow("sigmoid'") << "sigmoid" << true
                              << QStringList { QStringLiteral("\u03C3(x)(1 \u2212 \u03C3(x))") };
    QTest::newRow("hardswish'") << "hardswish" << true
                                << QStringList { QStringLiteral("2x + 3"),
                                                 QStringLiteral("if x < \u22123"),
                                                 QStringLiteral("if x > 3") };
}

void TestMathFormulas::readsAsMathematics()
{
    QFETCH(QString, id);
    QFETCH(bool, derivative);
    QFETCH(QStringList, phrases);
    const QString text
        = plain(derivative ? MathFormulas::derivativeHtml(id) : MathFormulas::functionHtml(id))
              .simplified();
    for (const QString &phrase : std::as_const(phrases))
        QVERIFY2(text.contains(phrase), qPrintable(phrase + QStringLiteral(" in ") + text));
}

void TestMathFormulas::kinkNotes_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("relu") << "relu"
                          << QStringList { QStringLiteral("f\u2032(0) = 0"),
                                           QStringLiteral("PyTorch") };
    QTest::newRow("relu6") << "relu6" << QStringList { QStringLiteral("f\u2032(6) = 0") };
    QTest::newRow("leaky_relu") << "leaky_relu"
                                << QStringList { QStringLiteral("f\u2032(0) = negative_slope"),
                                                 QStringLiteral("PyTorch") };
    QTest::newRow("prelu") << "prelu" << QStringList { QStringLiteral("f\u2032(0) = weight") };
    QTest::newRow("elu") << "elu" << QStringList { QStringLiteral("f\u2032(0) = alpha") };
    QTest::newRow("selu") << "selu" << QStringList { QStringLiteral("1.7581") };
    QTest::newRow("hardswish") << "hardswish"
                               << QStringList { QStringLiteral("f\u2032(\u22123) = \u22120.5"),
                                                QStringLiteral("f\u2032(3) = 1.5"),
                                                QStringLiteral("PyTorch") };
    QTest::newRow("hardsigmoid") << "hardsigmoid"
                                 << QStringList { QStringLiteral(
                                        "f\u2032(\u22123) = f\u2032(3) = 0") };
    QTest::newRow("hardtanh") << "hardtanh" << QStringList { QStringLiteral("f\u2032(min_val)") };
    QTest::newRow("step") << "step" << QStringList { QStringLiteral("nan") };
    QTest::newRow("softplus") << "softplus" << QStringList { QStringLiteral("threshold") };
    QTest::newRow("threshold") << "threshold"
                               << QStringList { QStringLiteral("f\u2032(threshold) = 0") };
}

void TestMathFormulas::kinkNotes()
{
    QFETCH(QString, id);
    QFETCH(QStringList, phrases);
    const QString text = plain(MathFormulas::kinkNote(id));
    for (const QString &phrase : std::as_const(phrases))
        QVERIFY2(text.contains(phrase), qPrintable(phrase + QStringLiteral(" in ") + text));
}

void TestMathFormulas::smoothFunctionsHaveNoKinkNote()
{
    for (const char *id :
         { "identity", "sigmoid", "tanh", "gelu", "silu", "mish", "logsigmoid", "tanhshrink" })
        QVERIFY2(MathFormulas::kinkNote(QString::fromLatin1(id)).isEmpty(), id);
    // Every function with a kink in f′ has a note.
    for (const ActivationSpec &spec : ActivationCatalogue::all()) {
        if (!spec.kinks(spec.defaults().data()).isEmpty())
            QVERIFY2(!MathFormulas::kinkNote(spec.id).isEmpty(), qPrintable(spec.id));
    }
}

void TestMathFormulas::float32DeviationsFromPyTorchAreNamed()
{
    // PyTorch 1.13's celu backward divides by float32(alpha): for alpha = 0.3 its f′(−3) is
    // 4.5399946e-05, the exact e^(−10) is 4.5399930e-05. The notes say so; a float32 alpha
    // (the default 1) gives PyTorch the exact value too, and no note.
    FunctionInstance celu = instance("celu");
    QVERIFY(!plain(MathFormulas::notesHtml(celu)).contains(QStringLiteral("float32")));
    celu.parameters[0] = 0.3;
    const QString text = plain(MathFormulas::notesHtml(celu));
    QVERIFY2(text.contains(QStringLiteral("rounded to float32 (0.300000012)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("|x|·1.3e−07 relative")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("the explorer keeps the exact value")), qPrintable(text));
    const QString hard = plain(MathFormulas::notesHtml(instance("hardsigmoid")));
    QVERIFY2(hard.contains(QStringLiteral("float32 constant 0.16666667163")), qPrintable(hard));
}

void TestMathFormulas::legendsExplainSymbols()
{
    for (const char *id : { "silu", "softplus", "logsigmoid", "mish" }) {
        const QString text = plain(MathFormulas::legendHtml(QString::fromLatin1(id)));
        QVERIFY2(text.contains(QStringLiteral("where \u03C3(x) = 1/(1 + e\u2212x)"))
                     || text.contains(QStringLiteral("\u03C3(x) = 1/(1 + e\u2212x)")),
                 qPrintable(text));
    }
    QVERIFY(plain(MathFormulas::legendHtml(QStringLiteral("gelu")))
                .contains(QStringLiteral("\u03A6(x) =")));
    QVERIFY(plain(MathFormulas::legendHtml(QStringLiteral("selu")))
                .contains(QStringLiteral("alpha \u2248 1.67326")));
    QVERIFY(MathFormulas::legendHtml(QStringLiteral("relu")).isEmpty());
}

void TestMathFormulas::geluFollowsApproximate()
{
    const ActivationSpec &gelu = *ActivationCatalogue::find(QStringLiteral("gelu"));
    ParameterValues tanhForm = gelu.defaults();
    tanhForm[0] = 1;
    const QString exact = MathFormulas::functionHtml(gelu, gelu.defaults());
    const QString approx = MathFormulas::functionHtml(gelu, tanhForm);
    QVERIFY(exact.contains(QStringLiteral("\u03A6")));
    QVERIFY(plain(approx).contains(QStringLiteral("tanh u")));
    QVERIFY(
        plain(MathFormulas::derivativeHtml(gelu, tanhForm)).contains(QStringLiteral("u\u2032")));

    FunctionInstance fn = instance("gelu");
    fn.parameters = tanhForm;
    const QString notes = plain(MathFormulas::notesHtml(fn));
    QVERIFY2(notes.contains(QStringLiteral("0.044715")), qPrintable(notes));
    QVERIFY(notes.contains(QStringLiteral("approximate = 'tanh'")));
}

void TestMathFormulas::affineMapByChainRule()
{
    const FunctionInstance plainSigmoid = instance("sigmoid");
    QVERIFY(MathFormulas::mapHtml(plainSigmoid).isEmpty());
    QVERIFY(!plain(MathFormulas::instanceHtml(plainSigmoid)).contains(QStringLiteral("g(x)")));

    // tanh(x) = 2σ(2x) − 1
    const FunctionInstance fn = instance("sigmoid", { 2, 2, -1 });
    const QString map = plain(MathFormulas::mapHtml(fn)).simplified();
    QVERIFY2(map.contains(QStringLiteral("g(x) = 2 f(2x) \u2212 1")), qPrintable(map));
    QVERIFY2(map.contains(QStringLiteral("= 2 \u03C3(2x) \u2212 1")), qPrintable(map));
    QVERIFY2(map.contains(QStringLiteral("g\u2032(x) = 2 \u00B7 2 f\u2032(2x) = 4 f\u2032(2x)")),
             qPrintable(map));
    const QString all = plain(MathFormulas::instanceHtml(fn)).simplified();
    QVERIFY(all.contains(QStringLiteral("f(x) =")));
    QVERIFY(all.contains(QStringLiteral("g(x) =")));
    QVERIFY2(all.contains(QStringLiteral("chain rule")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("a = 2, c = 2, d = \u22121")));

    // A negative input scale is bracketed in the product, and c = 1 drops out.
    const QString mirrored
        = plain(MathFormulas::mapHtml(instance("relu", { -1, 1, 0 }))).simplified();
    QVERIFY2(mirrored.contains(QStringLiteral("g(x) = f(\u2212x)")), qPrintable(mirrored));
    QVERIFY2(mirrored.contains(QStringLiteral("g\u2032(x) = \u2212f\u2032(\u2212x)")),
             qPrintable(mirrored));
    const QString scaled
        = plain(MathFormulas::mapHtml(instance("tanh", { -2, 3, 0.5 }))).simplified();
    QVERIFY2(scaled.contains(QStringLiteral(
                 "3 \u00B7 (\u22122) f\u2032(\u22122x) = \u22126 f\u2032(\u22122x)")),
             qPrintable(scaled));
    QVERIFY(scaled.contains(QStringLiteral("+ 0.5")));
    // c = 0 leaves a constant.
    const QString flat = plain(MathFormulas::mapHtml(instance("relu", { 1, 0, 2 }))).simplified();
    QVERIFY2(flat.contains(QStringLiteral("g(x) = 2"))
                 && flat.contains(QStringLiteral("g\u2032(x) = 0")),
             qPrintable(flat));
}

void TestMathFormulas::parametersShowTheirValues()
{
    FunctionInstance fn = instance("leaky_relu");
    fn.parameters[0] = 0.2;
    const QString notes = plain(MathFormulas::notesHtml(fn));
    QVERIFY2(notes.contains(QStringLiteral("negative_slope = 0.2")), qPrintable(notes));
    fn = instance("hardtanh");
    QVERIFY(plain(MathFormulas::notesHtml(fn))
                .contains(QStringLiteral("min_val = \u22121, max_val = 1")));
    QVERIFY(MathFormulas::parametersHtml(*instance("relu").spec, {}).isEmpty());
}

void TestMathFormulas::unknownIdIsEmpty()
{
    QVERIFY(MathFormulas::functionHtml(QStringLiteral("nope")).isEmpty());
    QVERIFY(MathFormulas::derivativeHtml(QStringLiteral("nope")).isEmpty());
    QVERIFY(MathFormulas::legendHtml(QStringLiteral("nope")).isEmpty());
    QVERIFY(MathFormulas::kinkNote(QStringLiteral("nope")).isEmpty());
    QVERIFY(MathFormulas::instanceHtml(FunctionInstance {}).isEmpty());
}

void TestMathFormulas::wordsAreTranslatable()
{
    MarkingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const QString relu = plain(MathFormulas::functionHtml(QStringLiteral("relu")));
    const QString kink = plain(MathFormulas::kinkNote(QStringLiteral("hardswish")));
    const QString legend = plain(MathFormulas::legendHtml(QStringLiteral("silu")));
    QCoreApplication::removeTranslator(&translator);

    QVERIFY2(relu.contains(QStringLiteral("«if »")) || relu.contains(QStringLiteral("«if")),
             qPrintable(relu));
    QVERIFY(relu.contains(QStringLiteral("«otherwise»")));
    QVERIFY(kink.startsWith(QStringLiteral("«")));
    QVERIFY(legend.startsWith(QStringLiteral("«")));
    // And back to English without the translator.
    QVERIFY(
        !plain(MathFormulas::functionHtml(QStringLiteral("relu"))).contains(QStringLiteral("«")));
}

void TestMathFormulas::rendersInATextDocument()
{
    // Every formula lays out to a sensible size: a table that swallowed its neighbours or a
    // brace that ran away would show here.
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(14);
    const double line = QFontMetricsF(font).lineSpacing();
    for (const ActivationSpec &spec : ActivationCatalogue::all()) {
        QTextDocument doc;
        doc.setDefaultFont(font);
        doc.setHtml(MathFormulas::functionHtml(spec.id));
        const QSizeF size = doc.size();
        QVERIFY2(size.height() > line && size.height() < 7 * line, qPrintable(spec.id));
        QVERIFY2(doc.idealWidth() < 40 * line, qPrintable(spec.id));
    }
}

void TestMathFormulas::numbersUseARealMinus()
{
    QCOMPARE(MathFormulas::number(-1.5), QStringLiteral("\u22121.5"));
    QCOMPARE(MathFormulas::number(-0.0), QStringLiteral("0"));
    QCOMPARE(MathFormulas::number(4.59512, 4), QStringLiteral("4.595"));
}

void TestMathFormulas::lossesAndExpressionsShowTheirFormula()
{
    // Losses are typeset from the catalogue's markup like activations, with their parameters
    // in italics.
    for (const ActivationSpec &loss : LossCatalogue::all()) {
        const QString fHtml = MathFormulas::functionHtml(loss, loss.defaults());
        const QString f = plain(fHtml).simplified();
        const QString d = plain(MathFormulas::derivativeHtml(loss, loss.defaults())).simplified();
        QVERIFY2(f.startsWith(QStringLiteral("f(x) = ")) && f.size() > 8, qPrintable(loss.id + f));
        QVERIFY2(d.startsWith(QStringLiteral("f′(x) = ")) && d.size() > 9, qPrintable(loss.id + d));
        QVERIFY2(fHtml.contains(QStringLiteral("<i>x</i>")), qPrintable(loss.id));
        QVERIFY2(!fHtml.contains(QLatin1Char('\\')), qPrintable(loss.id)); // no markup left
    }
    const QString huber = plain(MathFormulas::functionHtml(QStringLiteral("huber_loss"))).simplified();
    QVERIFY2(huber.contains(QStringLiteral("if |d| < delta")) && huber.contains(QStringLiteral("otherwise")),
             qPrintable(huber));
    QVERIFY(MathFormulas::functionHtml(QStringLiteral("huber_loss")).contains(QStringLiteral("<i>delta</i>")));
    // No typeset form for an expression of one's own: its formula, escaped, after "f(x) =".
    const ActivationSpec *custom = CustomFunctions::intern(QStringLiteral("x < 1 ? 0 : 1"));
    QVERIFY(!custom); // not the grammar: no spec
    custom = CustomFunctions::intern(QStringLiteral("min(x, 1) * a"));
    QVERIFY(custom);
    QCOMPARE(plain(MathFormulas::functionHtml(*custom, custom->defaults())),
             QStringLiteral("f(x) = min(x, 1) * a"));
    QCOMPARE(custom->label(custom->defaults()), QStringLiteral("min(x, 1) * a (a 1)"));
}

QTEST_MAIN(TestMathFormulas)
#include "tst_mathformulas.moc"
