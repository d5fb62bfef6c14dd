// The formula panel: the selected row's name, formulas and notes, and an explanation of where
// its gradient saturates or dies whose numbers are the scene's saturation result, following
// ε, parameters, the map and row moves. Pictures of the panel to look at, one per function:
// scripts/formula_screenshots.sh.

#include "formulapanel.h"
#include "mathformulas.h"
#include "scenemodel.h"

#include <QLabel>
#include <QScrollArea>
#include <QTest>
#include <QTextDocumentFragment>

#include <cmath>
#include <memory>

namespace {

/** Where σ′(x) = ε: x = ±ln((1 + s)/(1 − s)), s = √(1 − 4ε). */
double sigmoidBound(double epsilon)
{
    const double s = std::sqrt(1 - 4 * epsilon);
    return std::log((1 + s) / (1 - s));
}

QString plain(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText().remove(QChar(0x2060)).simplified();
}

QString n(double v)
{
    return MathFormulas::number(v, 4);
}

const QString Minus = QStringLiteral("\u2212");

} // namespace

class TestFormulaPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyWithoutSelection();
    void selectingRowsChangesTheText();
    void sigmoidExplanationMatchesSaturation();
    void reluHasADeadRegion();
    void hardswishDeadRegionExcludesTheKink();
    void stepIsZeroEverywhere();
    void identityNeverSaturates();
    void largestSlopeOnEveryPieceItHolds();
    void epsilonChangeUpdatesExplanation();
    void rangeChangeUpdatesExplanation();
    void parameterChangeUpdatesRow();
    void affineMapShowsChainRule();
    void followsRowMovesAndRemovals();
    void sceneSwapAndDestruction();
    void formulasAreLargeAndScale();
    void accessibleNamesAndTooltips();
    void lossesAndExpressionsShowTheirFormulas();
    void pointsOfInterestFollowTheScene();

private:
    QLabel *label(const char *name) const
    {
        return m_panel->findChild<QLabel *>(QString::fromLatin1(name));
    }

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<FormulaPanel> m_panel;
};

void TestFormulaPanel::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestFormulaPanel::init()
{
    m_scene = std::make_unique<SceneModel>();
    for (const char *id : { "sigmoid", "relu", "leaky_relu", "hardswish", "step", "identity" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    m_panel = std::make_unique<FormulaPanel>();
    m_panel->setScene(m_scene.get());
    m_panel->resize(640, 560);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestFormulaPanel::cleanup()
{
    m_panel.reset();
    m_scene.reset();
}

void TestFormulaPanel::emptyWithoutSelection()
{
    QCOMPARE(m_panel->currentRow(), -1);
    QVERIFY(m_panel->equationsHtml().isEmpty());
    QVERIFY(m_panel->explanation().isEmpty());
    QVERIFY(!m_panel->titleText().isEmpty()); // "No function selected"
    m_panel->setCurrentRow(99);
    QCOMPARE(m_panel->currentRow(), -1);
}

void TestFormulaPanel::lossesAndExpressionsShowTheirFormulas()
{
    QVERIFY(m_scene->addFunction(QStringLiteral("huber_loss")));
    QVERIFY(m_scene->addFunction(QStringLiteral("expr:(sigmoid(x) - y)^2")));
    m_panel->setCurrentRow(6);
    QVERIFY(m_panel->titleText().contains(QStringLiteral("HuberLoss")));
    // Typeset from the catalogue's markup: the same words and symbols as the plain formula.
    const QString huber = plain(m_panel->equationsHtml()).simplified();
    for (const char *phrase : {"if |d| < delta", "otherwise", "d = x \u2212 target", "sign(d)"})
        QVERIFY2(huber.contains(QString::fromUtf8(phrase)), qPrintable(huber));
    QVERIFY(m_panel->equationsHtml().contains(QStringLiteral("<i>delta</i>")));
    m_panel->setCurrentRow(7);
    // The expression as typed, no "(—)" after it, and both rows filled in.
    QVERIFY2(m_panel->titleText().startsWith(QStringLiteral("(sigmoid(x) - y)^2")),
             qPrintable(m_panel->titleText()));
    QVERIFY(!m_panel->titleText().contains(QStringLiteral("\u2014")));
    const QString custom = plain(m_panel->equationsHtml());
    QVERIFY2(custom.contains(QStringLiteral("f(x) = (sigmoid(x) - y)^2")), qPrintable(custom));
    QVERIFY2(custom.contains(QStringLiteral("f\u2032(x) = ")), qPrintable(custom));
    QVERIFY2(!custom.contains(QStringLiteral("f\u2032(x) = \n")), qPrintable(custom));
}

void TestFormulaPanel::selectingRowsChangesTheText()
{
    m_panel->setCurrentRow(0);
    QCOMPARE(m_panel->currentRow(), 0);
    QVERIFY(m_panel->titleText().contains(QStringLiteral("Sigmoid")));
    const QString sigmoid = m_panel->equationsHtml();
    QVERIFY(sigmoid.contains(QStringLiteral("\u03C3")));
    QCOMPARE(m_panel->gradientNote(), m_scene->function(0).spec->gradientNote);
    const QString sigmoidExplanation = m_panel->explanation();

    m_panel->setCurrentRow(1);
    QVERIFY(m_panel->titleText().contains(QStringLiteral("ReLU")));
    QVERIFY(m_panel->equationsHtml() != sigmoid);
    QVERIFY(plain(m_panel->equationsHtml()).contains(QStringLiteral("max(0, x)")));
    QVERIFY(plain(m_panel->notesHtml()).contains(QStringLiteral("f\u2032(0) = 0 in PyTorch")));
    QVERIFY(m_panel->explanation() != sigmoidExplanation);
    QCOMPARE(m_panel->gradientNote(), m_scene->function(1).spec->gradientNote);

    m_panel->setCurrentRow(2);
    QVERIFY(plain(m_panel->equationsHtml()).contains(QStringLiteral("negative_slope \u00B7 x")));
    QVERIFY(plain(m_panel->notesHtml()).contains(QStringLiteral("negative_slope = 0.01")));

    // What is shown is what the labels show.
    QCOMPARE(label("formulaEquations")->text(), m_panel->equationsHtml());
    QCOMPARE(label("formulaEquations")->textFormat(), Qt::RichText);

    m_panel->setCurrentRow(-1);
    QVERIFY(m_panel->equationsHtml().isEmpty());
}

void TestFormulaPanel::sigmoidExplanationMatchesSaturation()
{
    m_panel->setCurrentRow(0);
    const SaturationResult &s = m_scene->saturation(0);
    QCOMPARE(s.intervals.size(), 2);
    const QString text = m_panel->explanation();

    QVERIFY2(text.startsWith(QStringLiteral("With \u03B5 = 0.01 on [\u22126, 6]:")),
             qPrintable(text));
    const QString expected
        = QStringLiteral("|f\u2032| < \u03B5 for x < %1 and x > %2 (%3 of the range)")
              .arg(n(s.intervals[0].to), n(s.intervals[1].from),
                   FormulaPanel::formatFraction(s.saturatedFraction));
    QVERIFY2(text.contains(expected), qPrintable(text + QStringLiteral("\nexpected: ") + expected));
    // The scene's numbers are the closed form's.
    QCOMPARE(n(s.intervals[1].from), n(sigmoidBound(0.01)));
    QVERIFY(text.contains(QStringLiteral("x < \u22124.585 and x > 4.585")));
    QVERIFY2(text.contains(QStringLiteral("largest |f\u2032| = %1 at x = %2")
                               .arg(n(s.maxAbsGradient), n(s.maxAbsGradientAt))),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("largest |f\u2032| = 0.25 at x = 0")));
}

void TestFormulaPanel::reluHasADeadRegion()
{
    m_panel->setCurrentRow(1);
    const SaturationResult &s = m_scene->saturation(1);
    const QString text = m_panel->explanation();
    QVERIFY2(
        text.contains(
            QStringLiteral("f\u2032 = 0 exactly for x \u2264 0 (%1 of the range): a dead region")
                .arg(FormulaPanel::formatFraction(s.zeroFraction))),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("50.0 %")));
    // ReLU's largest slope is the whole right half, not one point.
    QVERIFY2(text.contains(QStringLiteral("largest |f\u2032| = 1 for x > 0")), qPrintable(text));
}

void TestFormulaPanel::hardswishDeadRegionExcludesTheKink()
{
    // PyTorch's f′(−3) = −0.5, so the zero band stops short of −3; f′ crosses 0 at −1.5.
    m_panel->setCurrentRow(3);
    const SaturationResult &s = m_scene->saturation(3);
    const QString text = m_panel->explanation();
    QVERIFY2(text.contains(QStringLiteral("f\u2032 = 0 exactly for x < \u22123")),
             qPrintable(text));
    QVERIFY(!s.intervals.isEmpty());
    for (const SaturationInterval &band : s.intervals) {
        if (band.kind == SaturationKind::Saturated) {
            QVERIFY2(text.contains(QStringLiteral("%1 < x < %2").arg(n(band.from), n(band.to))),
                     qPrintable(text));
        }
    }
    QVERIFY(text.contains(QStringLiteral("\u22121.53 < x < \u22121.47")));
    // PyTorch's f′(3) = 1.5 is the largest slope, at the kink itself.
    QVERIFY2(text.contains(QStringLiteral("largest |f\u2032| = 1.5 at x = 3")), qPrintable(text));
}

void TestFormulaPanel::stepIsZeroEverywhere()
{
    m_panel->setCurrentRow(4);
    const QString text = m_panel->explanation();
    QVERIFY2(text.contains(QStringLiteral("f\u2032 = 0 exactly")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("100.0 %")));
    QVERIFY(!text.contains(QStringLiteral("largest")));
    QVERIFY(plain(m_panel->notesHtml()).contains(QStringLiteral("does not exist")));
}

void TestFormulaPanel::identityNeverSaturates()
{
    m_panel->setCurrentRow(5);
    const QString text = m_panel->explanation();
    QVERIFY2(text.contains(QStringLiteral("|f\u2032| \u2265 \u03B5 on the whole range")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("largest |f\u2032| = 1 on the whole range")),
             qPrintable(text));
}

void TestFormulaPanel::largestSlopeOnEveryPieceItHolds()
{
    SceneModel scene;
    for (const char *id : { "softshrink", "relu6", "hardtanh", "tanhshrink" })
        QVERIFY(scene.addFunction(QString::fromLatin1(id)));
    QVERIFY(scene.setRange(-10, 10));
    const auto text
        = [&scene](int row) { return plain(FormulaPanel::saturationExplanation(scene, row)); };
    // Both outer pieces of softshrink, and its dead zone closed at ±lambd (PyTorch's f′ = 0 there).
    QVERIFY2(
        text(0).contains(QStringLiteral("largest |f\u2032| = 1 for x < \u22120.5 and x > 0.5")),
        qPrintable(text(0)));
    QVERIFY(
        text(0).contains(QStringLiteral("f\u2032 = 0 exactly for \u22120.5 \u2264 x \u2264 0.5")));
    // relu6: dead on both sides, slope 1 strictly between the kinks.
    QVERIFY2(text(1).contains(
                 QStringLiteral("f\u2032 = 0 exactly for x \u2264 0 and x \u2265 6 (70.0 % of the "
                                "range): dead regions")),
             qPrintable(text(1)));
    QVERIFY(text(1).contains(QStringLiteral("largest |f\u2032| = 1 for 0 < x < 6")));
    QVERIFY(text(2).contains(QStringLiteral("largest |f\u2032| = 1 for \u22121 < x < 1")));
    // A smooth function saturated up to the range's end, with its largest slope at the ends.
    QVERIFY2(text(3).contains(QStringLiteral("|f\u2032| < \u03B5 for \u2212")),
             qPrintable(text(3)));
    QVERIFY(text(3).contains(QStringLiteral("largest |f\u2032| = 1 at x = \u221210")));

    // The step: zero on the whole range but for its jump.
    m_panel->setCurrentRow(4);
    QVERIFY2(m_panel->explanation().contains(
                 QStringLiteral("f\u2032 = 0 exactly for x < 0 and x > 0 (100.0 % "
                                "of the range): nothing can be learned")),
             qPrintable(m_panel->explanation()));
}

void TestFormulaPanel::epsilonChangeUpdatesExplanation()
{
    m_panel->setCurrentRow(0);
    const QString before = m_panel->explanation();
    QVERIFY(m_scene->setEpsilon(0.1));
    const QString after = m_panel->explanation();
    QVERIFY(after != before);
    QVERIFY2(after.startsWith(QStringLiteral("With \u03B5 = 0.1 on")), qPrintable(after));
    const SaturationResult &s = m_scene->saturation(0);
    QCOMPARE(n(s.intervals[1].from), n(sigmoidBound(0.1)));
    QVERIFY2(after.contains(QStringLiteral("x > %1").arg(n(sigmoidBound(0.1)))), qPrintable(after));
    QVERIFY(after.contains(FormulaPanel::formatFraction(s.saturatedFraction)));
    QCOMPARE(after, plain(FormulaPanel::saturationExplanation(*m_scene, 0)));
}

void TestFormulaPanel::rangeChangeUpdatesExplanation()
{
    m_panel->setCurrentRow(0);
    QVERIFY(m_scene->setRange(-100, 100));
    const QString text = m_panel->explanation();
    QVERIFY2(text.contains(QStringLiteral("on [\u2212100, 100]")), qPrintable(text));
    QVERIFY(text.contains(FormulaPanel::formatFraction(m_scene->saturation(0).saturatedFraction)));
    QVERIFY(text.contains(QStringLiteral("95.4 %")));
}

void TestFormulaPanel::parameterChangeUpdatesRow()
{
    m_panel->setCurrentRow(2);
    QVERIFY2(
        plain(m_panel->explanation()).contains(QStringLiteral("\u2265 \u03B5 on the whole range")),
        qPrintable(m_panel->explanation()));
    QVERIFY(m_scene->setParameter(2, QStringLiteral("negative_slope"), 0.0));
    QVERIFY2(m_panel->explanation().contains(QStringLiteral("f\u2032 = 0 exactly for x \u2264 0")),
             qPrintable(m_panel->explanation()));
    QVERIFY(plain(m_panel->notesHtml()).contains(QStringLiteral("negative_slope = 0")));
    QVERIFY(m_scene->setParameter(2, QStringLiteral("negative_slope"), 0.2));
    QVERIFY(plain(m_panel->notesHtml()).contains(QStringLiteral("negative_slope = 0.2")));
    QVERIFY(m_panel->explanation().contains(QStringLiteral("on the whole range")));
}

void TestFormulaPanel::affineMapShowsChainRule()
{
    m_panel->setCurrentRow(0);
    QVERIFY(m_scene->setAffineMap(0, { 2, 2, -1 }));
    const QString equations = plain(m_panel->equationsHtml());
    QVERIFY2(equations.contains(QStringLiteral("g(x) = 2 f(2x) \u2212 1 = 2 \u03C3(2x) \u2212 1")),
             qPrintable(equations));
    QVERIFY(
        equations.contains(QStringLiteral("g\u2032(x) = 2 \u00B7 2 f\u2032(2x) = 4 f\u2032(2x)")));
    QVERIFY(m_panel->titleText().contains(QStringLiteral("2\u00B7sigmoid(2x) \u2212 1")));
    // The explanation is about g′ = 4σ′(2x): max 1 at 0, saturated beyond half sigmoid's bound.
    const QString text = m_panel->explanation();
    QVERIFY2(text.contains(QStringLiteral("largest |g\u2032| = 1 at x = 0")), qPrintable(text));
    const SaturationResult &s = m_scene->saturation(0);
    QVERIFY2(text.contains(QStringLiteral("x > %1").arg(n(s.intervals.last().from))),
             qPrintable(text));
}

void TestFormulaPanel::followsRowMovesAndRemovals()
{
    m_panel->setCurrentRow(1); // relu
    QVERIFY(m_scene->removeRows(0, 1));
    QCOMPARE(m_panel->currentRow(), 0);
    QVERIFY(m_panel->titleText().contains(QStringLiteral("ReLU")));
    QVERIFY(m_scene->moveRows({}, 0, 1, {}, 3));
    QCOMPARE(m_panel->currentRow(), 2);
    QVERIFY(m_panel->titleText().contains(QStringLiteral("ReLU")));
    QVERIFY(m_scene->removeRows(2, 1));
    QCOMPARE(m_panel->currentRow(), -1);
    QVERIFY(m_panel->equationsHtml().isEmpty());
    m_panel->setCurrentRow(0);
    m_scene->clear();
    QCOMPARE(m_panel->currentRow(), -1);
}

void TestFormulaPanel::sceneSwapAndDestruction()
{
    m_panel->setCurrentRow(0);
    SceneModel other;
    QVERIFY(other.addFunction(QStringLiteral("tanh")));
    m_panel->setScene(&other);
    QCOMPARE(m_panel->currentRow(), -1);
    m_panel->setCurrentRow(0);
    QVERIFY(m_panel->titleText().contains(QStringLiteral("Tanh")));
    // The old scene no longer drives the panel.
    QVERIFY(m_scene->setEpsilon(0.2));
    QVERIFY(m_panel->explanation().contains(QStringLiteral("\u03B5 = 0.01")));

    auto doomed = std::make_unique<SceneModel>();
    QVERIFY(doomed->addFunction(QStringLiteral("relu")));
    m_panel->setScene(doomed.get());
    m_panel->setCurrentRow(0);
    doomed.reset();
    QCOMPARE(m_panel->scene(), nullptr);
    QCOMPARE(m_panel->currentRow(), -1);
    QVERIFY(m_panel->equationsHtml().isEmpty());
}

void TestFormulaPanel::formulasAreLargeAndScale()
{
    m_panel->setCurrentRow(0);
    QLabel *equations = label("formulaEquations");
    QVERIFY(equations->font().pointSizeF() >= 12);
    const double before = equations->font().pointSizeF();
    QFont big = m_panel->font();
    big.setPointSizeF(24);
    m_panel->setFont(big);
    QVERIFY(equations->font().pointSizeF() >= 24);
    QVERIFY(equations->font().pointSizeF() > before);
    QVERIFY(label("formulaExplanation")->font().pointSizeF() >= 24);
}

void TestFormulaPanel::accessibleNamesAndTooltips()
{
    m_panel->setCurrentRow(1);
    QVERIFY(!m_panel->accessibleName().isEmpty());
    for (const char *name : { "formulaTitle", "formulaEquations", "formulaNotes",
                              "formulaGradientNote", "formulaExplanation", "formulaPoints" }) {
        QLabel *l = label(name);
        QVERIFY2(l, name);
        QVERIFY2(!l->accessibleName().isEmpty(), name);
        QVERIFY2(!l->toolTip().isEmpty(), name);
    }
    QVERIFY(!label("formulaPoints")->accessibleDescription().isEmpty());
    // Screen readers get the one-line form of the formulas.
    QVERIFY(
        label("formulaEquations")->accessibleDescription().contains(QStringLiteral("max(0, x)")));
}

void TestFormulaPanel::pointsOfInterestFollowTheScene()
{
    QVERIFY(m_panel->pointsText().isEmpty());
    // sigmoid: one inflection at 0, which is also the peak of |f′|.
    m_panel->setCurrentRow(0);
    QCOMPARE(m_panel->pointsText().simplified(),
             QStringLiteral("inflection x = 0 f = 0.5 gradient peak x = 0 f = 0.5 f\u2032 = 0.25"));
    QVERIFY(label("formulaPoints")->isVisibleTo(m_panel.get()));
    // relu: its kink, with PyTorch's relu′(0) = 0.
    m_panel->setCurrentRow(1);
    QCOMPARE(m_panel->pointsText().simplified(), QStringLiteral("kink x = 0 f = 0 f\u2032 = 0"));
    // hardswish: the minimum of x(x + 3)/6 at −1.5, its zero at 0 and its kinks at ±3, where
    // PyTorch's f′ is the middle piece's x/3 + 1/2.
    m_panel->setCurrentRow(3);
    QCOMPARE(m_panel->pointsText().simplified(),
             QStringLiteral("kink x = %1 f = 0 f\u2032 = %2 minimum x = %3 f = %4 zero x = 0 f = 0 "
                            "kink x = 3 f = 3 f\u2032 = 1.5")
                 .arg(n(-3), n(-0.5), n(-1.5), n(-0.375)));
    // The range is open: a range that ends at the kink leaves it out.
    QVERIFY(m_scene->setRange(-6, -3));
    QCOMPARE(m_panel->pointsText(), QStringLiteral("None inside (%1, %2).").arg(n(-6), n(-3)));
    QVERIFY(m_scene->setRange(-6, 6));
    // A parameter: leaky_relu with slope −0.5 has a minimum at its kink.
    m_panel->setCurrentRow(2);
    QCOMPARE(m_panel->pointsText().simplified(),
             QStringLiteral("zero x = 0 f = 0 kink x = 0 f = 0 f\u2032 = 0.01"));
    QVERIFY(m_scene->setParameter(2, QStringLiteral("negative_slope"), -0.5));
    QCOMPARE(m_panel->pointsText().simplified(),
             QStringLiteral("minimum x = 0 f = 0 kink x = 0 f = 0 f\u2032 = %1").arg(n(-0.5)));
    // Under a map the curve is g.
    QVERIFY(m_scene->setAffineMap(0, AffineMap { 2, 3, 0 }));
    m_panel->setCurrentRow(0);
    QVERIFY2(m_panel->pointsText().contains(QStringLiteral("g\u2032 = 1.5")),
             qPrintable(m_panel->pointsText()));
    m_panel->setCurrentRow(-1);
    QVERIFY(m_panel->pointsText().isEmpty());
}

QTEST_MAIN(TestFormulaPanel)
#include "tst_formulapanel.moc"
