// The scene model: rows, precise change signals, recomputation, and refusal of bad input with the
// scene left as it was.

#include "scenemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/** Everything a refused edit must leave as it was. */
struct Snapshot
{
    QStringList labels;
    QList<QColor> colors;
    QList<bool> visible;
    double xMin, xMax, epsilon;
    int sampleCount;
    QList<double> saturated;

    explicit Snapshot(const SceneModel &m)
        : xMin(m.xMin()), xMax(m.xMax()), epsilon(m.epsilon()), sampleCount(m.sampleCount())
    {
        for (int r = 0; r < m.rowCount(); ++r) {
            labels << m.function(r).label();
            colors << m.function(r).color;
            visible << m.function(r).visible;
            saturated << m.saturation(r).saturatedFraction + m.saturation(r).zeroFraction;
        }
    }
    bool operator==(const Snapshot &o) const
    {
        return labels == o.labels && colors == o.colors && visible == o.visible && xMin == o.xMin
                && xMax == o.xMax && epsilon == o.epsilon && sampleCount == o.sampleCount
                && saturated == o.saturated;
    }
};

} // namespace

class TestSceneModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsEmptyWithDefaults();
    void addsTutorialFunctions();
    void parameterChangeIsOneDataChanged();
    void parameterChangeRecomputesCurvesAndAnalysis();
    void rangeChangeRecomputesOnce();
    void epsilonChangesIntervals();
    void hiddenRowsHaveNoCurveAndLeaveYRange();
    void removesAndReorders();
    void colorsAreDistinct();
    void curvesAreContiguousFiniteBuffers();
    void secondDerivativeOnDemand();
    void fixedYRange();
    void affineMapRecomputesAndLabels();
    void assignCopiesEverything();
    void refusesBadInput_data();
    void refusesBadInput();
    void unknownParameterListsValidOnes();
    void batchRecomputesOnce();
    void addingARowSamplesThatRowAlone();
    void editsKeepCurvesConsistent();
    void epsilonKeepsCurves();
    void refusesMoreThanMaxFunctions();
    void plotSizePerOrder();

private:
    std::unique_ptr<SceneModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSceneModel::init()
{
    m_model = std::make_unique<SceneModel>();
    // Attached before the first change, so every signal the model sends is checked.
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSceneModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestSceneModel::startsEmptyWithDefaults()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->xMin(), -6.0);
    QCOMPARE(m_model->xMax(), 6.0);
    QCOMPARE(m_model->epsilon(), 0.01);
    QCOMPARE(m_model->sampleCount(), 1001);
    QCOMPARE(m_model->samples().size(), 1001);
    QCOMPARE(m_model->samples().first(), -6.0);
    QCOMPARE(m_model->samples().last(), 6.0);
}

void TestSceneModel::addsTutorialFunctions()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    for (const char *id : {"step", "sigmoid", "tanh", "relu"})
        QVERIFY(m_model->addFunction(QString::fromLatin1(id)));
    QCOMPARE(inserted.size(), 4);
    QCOMPARE(recomputed.size(), 4);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->data(m_model->index(1), SceneModel::IdRole).toString(), QString("sigmoid"));
    QCOMPARE(m_model->data(m_model->index(3), Qt::DisplayRole).toString(), QString("relu"));
    QCOMPARE(m_model->data(m_model->index(0), Qt::CheckStateRole).toInt(), int(Qt::Checked));
    // relu on [−6, 6]: f′ = 0 for x ≤ 0, exactly half the range.
    QCOMPARE(m_model->data(m_model->index(3), SceneModel::SaturatedFractionRole).toDouble(), 0.5);
    QCOMPARE(m_model->saturation(3).intervals.size(), 1);
    QCOMPARE(m_model->saturation(3).intervals[0].kind, SaturationKind::Zero);
    QCOMPARE(m_model->saturation(1).maxAbsGradient, 0.25);
    QVERIFY(m_model->curve(1, 0).pointCount() > 10);
    QVERIFY(m_model->curve(1, 1).pointCount() > 10);
}

void TestSceneModel::parameterChangeIsOneDataChanged()
{
    QVERIFY(m_model->addFunction("sigmoid"));
    QVERIFY(m_model->addFunction("leaky_relu"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    QVERIFY(m_model->setParameter(1, "negative_slope", 0.2));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>(), m_model->index(1));
    QCOMPARE(changed[0][1].value<QModelIndex>(), m_model->index(1));
    QVERIFY(changed[0][2].value<QList<int>>().contains(SceneModel::ParametersRole));
    QCOMPARE(recomputed.size(), 1);
    QCOMPARE(m_model->data(m_model->index(1)).toString(), QString("leaky_relu (negative_slope 0.2)"));
    QCOMPARE(m_model->data(m_model->index(1), SceneModel::ParametersRole).toMap().value("negative_slope").toDouble(), 0.2);
    // Setting the same value again changes nothing and says nothing.
    QVERIFY(m_model->setParameter(1, "negative_slope", 0.2));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(recomputed.size(), 1);
    QVERIFY(m_model->resetParameters(1));
    QCOMPARE(m_model->function(1).parameters[0], 0.01);
}

void TestSceneModel::parameterChangeRecomputesCurvesAndAnalysis()
{
    QVERIFY(m_model->addFunction("leaky_relu"));
    const PlotCurve before = m_model->curve(0, 1);
    // f′ on the negative side is the slope.
    QCOMPARE(before.pieces.first().first().y(), 0.01);
    QVERIFY(m_model->setParameter(0, "negative_slope", 0.3));
    const PlotCurve after = m_model->curve(0, 1);
    QCOMPARE(after.pieces.first().first().y(), 0.3);
    QCOMPARE(m_model->saturation(0).intervals.size(), 0);
    QVERIFY(m_model->setParameter(0, "negative_slope", 0.001));
    QCOMPARE(m_model->saturation(0).intervals.size(), 1);
    QCOMPARE(m_model->saturation(0).intervals[0].kind, SaturationKind::Saturated);
    QVERIFY(m_model->setParameter(0, "negative_slope", 0.0));
    QCOMPARE(m_model->saturation(0).intervals[0].kind, SaturationKind::Zero);
}

void TestSceneModel::rangeChangeRecomputesOnce()
{
    QVERIFY(m_model->addFunction("sigmoid"));
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    QSignalSpy range(m_model.get(), &SceneModel::rangeChanged);
    QVERIFY(m_model->setRange(-100, 100));
    QCOMPARE(recomputed.size(), 1);
    QCOMPARE(range.size(), 1);
    QCOMPARE(range[0][0].toDouble(), -100.0);
    const QList<QPointF> &first = m_model->curve(0, 0).pieces.first();
    QCOMPARE(first.first().x(), -100.0);
    QCOMPARE(m_model->curve(0, 0).pieces.last().last().x(), 100.0);
    QCOMPARE(m_model->samples().first(), -100.0);
    // The tutorial's torch.linspace(-100, 100, 10).
    QVERIFY(m_model->setSampleCount(10));
    QCOMPARE(m_model->samples().size(), 10);
    QVERIFY(std::fabs(m_model->samples()[1] - -77.7778) < 1e-4);
    // |σ′| < 0.01 beyond ±4.59: the saturated share of [−100, 100] is large.
    QVERIFY(m_model->saturation(0).saturatedFraction > 0.95);
}

void TestSceneModel::epsilonChangesIntervals()
{
    QVERIFY(m_model->addFunction("tanh"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    const double at001 = m_model->saturation(0).intervals.last().from;
    QVERIFY(m_model->setEpsilon(1e-4));
    QCOMPARE(recomputed.size(), 1);
    QCOMPARE(changed.size(), 1);
    const double at1e4 = m_model->saturation(0).intervals.last().from;
    QVERIFY(at1e4 > at001);
    QVERIFY(std::fabs(at1e4 - std::atanh(std::sqrt(1 - 1e-4))) < 1e-10);
}

void TestSceneModel::hiddenRowsHaveNoCurveAndLeaveYRange()
{
    QVERIFY(m_model->addFunction("sigmoid"));
    QVERIFY(m_model->addFunction("identity"));
    QVERIFY(m_model->yRange(0).to > 6.0);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(1), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!m_model->function(1).visible);
    QCOMPARE(m_model->curve(1, 0).pointCount(), 0);
    // Only sigmoid remains: y in (0, 1), padded.
    QVERIFY(m_model->yRange(0).to < 1.2);
    QVERIFY(m_model->yRange(0).from > -0.2);
}

void TestSceneModel::removesAndReorders()
{
    for (const char *id : {"step", "sigmoid", "tanh", "relu"})
        QVERIFY(m_model->addFunction(QString::fromLatin1(id)));
    QVERIFY(m_model->moveRow({}, 3, {}, 0));
    QCOMPARE(m_model->function(0).spec->id, QString("relu"));
    QCOMPARE(m_model->function(1).spec->id, QString("step"));
    QVERIFY(m_model->removeRow(1));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->function(1).spec->id, QString("sigmoid"));
    QVERIFY(!m_model->removeRow(7));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestSceneModel::colorsAreDistinct()
{
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_model->addFunction("relu"));
    QSet<QRgb> colors;
    for (int r = 0; r < m_model->rowCount(); ++r)
        colors.insert(m_model->function(r).color.rgb());
    QCOMPARE(colors.size(), 6);
    QVERIFY(m_model->setData(m_model->index(2), QColor(Qt::red), SceneModel::ColorRole));
    QCOMPARE(m_model->function(2).color, QColor(Qt::red));
    QString error;
    QVERIFY(!m_model->setColor(2, QColor(), &error));
    QVERIFY(!error.isEmpty());
}

void TestSceneModel::curvesAreContiguousFiniteBuffers()
{
    for (const ActivationSpec &s : ActivationCatalogue::all())
        QVERIFY(m_model->addFunction(s.id));
    for (int r = 0; r < m_model->rowCount(); ++r) {
        for (int order = 0; order <= 1; ++order) {
            const PlotCurve &c = m_model->curve(r, order);
            QVERIFY2(!c.pieces.isEmpty(), qPrintable(m_model->function(r).spec->id));
            for (const QList<QPointF> &piece : c.pieces) {
                for (const QPointF &p : piece)
                    QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
            }
        }
    }
    // A jump splits the curve: step's f has two pieces on [−6, 6].
    QCOMPARE(m_model->curve(1, 0).pieces.size(), 2);
}

void TestSceneModel::secondDerivativeOnDemand()
{
    QVERIFY(m_model->addFunction("tanh"));
    QCOMPARE(m_model->curve(0, 2).pointCount(), 0);
    QVERIFY(m_model->setMaxOrder(2));
    QVERIFY(m_model->curve(0, 2).pointCount() > 10);
    QString error;
    QVERIFY(!m_model->setMaxOrder(3, &error));
    QVERIFY(error.contains("derivative order"));
}

void TestSceneModel::fixedYRange()
{
    QVERIFY(m_model->addFunction("relu"));
    QVERIFY(m_model->setFixedYRange(0, Interval{-1, 2}));
    QCOMPARE(m_model->yRange(0), (Interval{-1, 2}));
    QVERIFY(m_model->setFixedYRange(0, std::nullopt));
    QVERIFY(m_model->yRange(0).to > 6.0);
    QString error;
    QVERIFY(!m_model->setFixedYRange(0, Interval{2, 1}, &error));
    QVERIFY(error.contains("must be less than"));
}

void TestSceneModel::affineMapRecomputesAndLabels()
{
    QVERIFY(m_model->addFunction("sigmoid"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    QVERIFY(m_model->setAffineMap(0, {2, 2, -1}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(recomputed.size(), 1);
    QCOMPARE(m_model->data(m_model->index(0)).toString(), QString("2·sigmoid(2x) − 1"));
    QCOMPARE(m_model->data(m_model->index(0), SceneModel::AffineMapRole).toList(),
             (QVariantList{2.0, 2.0, -1.0}));
    // Range (−1, 1) like tanh, and tanh's saturation boundary.
    QVERIFY(m_model->yRange(0).from < -0.99 && m_model->yRange(0).to > 0.99);
    QVERIFY(std::fabs(m_model->saturation(0).intervals.last().from - std::atanh(std::sqrt(0.99))) < 1e-12);
    QCOMPARE(m_model->function(0).at(0.5).f, 2 * (1 / (1 + std::exp(-1.0))) - 1);
    QString error;
    QVERIFY(!m_model->setAffineMap(0, {0, 1, 0}, &error));
    QCOMPARE(error, QString("sigmoid: input scale must be a finite number ≠ 0 (got 0)"));
    QCOMPARE(m_model->function(0).map, (AffineMap{2, 2, -1}));
}

void TestSceneModel::assignCopiesEverything()
{
    QVERIFY(m_model->addFunction("leaky_relu"));
    QVERIFY(m_model->addFunction("tanh"));
    QVERIFY(m_model->setParameter(0, "negative_slope", 0.2));
    QVERIFY(m_model->setVisible(1, false));
    QVERIFY(m_model->setRange(-3, 4));
    QVERIFY(m_model->setEpsilon(0.05));
    QVERIFY(m_model->setMaxOrder(2));
    QVERIFY(m_model->setFixedYRange(1, Interval{-2, 2}));
    SceneModel copy;
    QVERIFY(copy.addFunction("relu"));
    QVERIFY(copy.setRange(-100, 100));
    QSignalSpy recomputed(&copy, &SceneModel::recomputed);
    // Views answer modelReset at once (the current row, the charts' focus): by then every row,
    // curve and y range must already be the new scene's, not a mix of old and new.
    bool consistentAtReset = false;
    connect(&copy, &QAbstractItemModel::modelReset, this, [&] {
        consistentAtReset = copy.rowCount() == 2 && copy.yRange(0) == m_model->yRange(0)
                && copy.yRange(1) == m_model->yRange(1)
                && copy.curve(0, 0).pieces == m_model->curve(0, 0).pieces;
    });
    copy.assign(*m_model);
    QVERIFY(consistentAtReset);
    QCOMPARE(recomputed.size(), 1);
    QVERIFY(Snapshot(copy) == Snapshot(*m_model));
    QCOMPARE(copy.maxOrder(), 2);
    QCOMPARE(copy.yRange(1), (Interval{-2, 2}));
    QCOMPARE(copy.curve(0, 1).pieces, m_model->curve(0, 1).pieces);
    QVERIFY(copy.setPlotSize({3200, 1800}));
    QCOMPARE(m_model->plotSize(), QSize(800, 600));
}

void TestSceneModel::refusesBadInput_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<QString>("message");
    enum { Range, Epsilon, Samples, Param, Add };
    QTest::newRow("min = max") << int(Range) << "" << 1.0 << 1.0 << "x range: min (1) must be less than max (1)";
    QTest::newRow("min > max") << int(Range) << "" << 3.0 << -3.0 << "x range: min (3) must be less than max (-3)";
    QTest::newRow("nan end") << int(Range) << "" << NaN << 1.0 << "x range: min and max must be finite numbers (got nan, 1)";
    QTest::newRow("inf end") << int(Range) << "" << -1.0 << Inf << "x range: min and max must be finite numbers (got -1, inf)";
    QTest::newRow("a few ulps wide") << int(Range) << "" << 1.0 << 1.0000000000000002 << "x range: 1 to 1 is too narrow; its width must be at least 1e-12 × max(|min|, |max|)";
    QTest::newRow("wider than float64") << int(Range) << "" << -1e308 << 1e308 << "x range: -1e+308 to 1e+308 is too wide; its width must be a finite number";
    QTest::newRow("epsilon 0") << int(Epsilon) << "" << 0.0 << 0.0 << "epsilon must be a finite number > 0 (got 0)";
    QTest::newRow("epsilon nan") << int(Epsilon) << "" << NaN << 0.0 << "epsilon must be a finite number > 0 (got nan)";
    QTest::newRow("1 sample") << int(Samples) << "" << 1.0 << 0.0 << "sample count must be between 2 and 1000000 (got 1)";
    QTest::newRow("celu alpha 0") << int(Param) << "celu.alpha" << 0.0 << 0.0 << "celu: alpha must be a finite number ≠ 0 (got 0)";
    QTest::newRow("softplus beta 0") << int(Param) << "softplus.beta" << 0.0 << 0.0 << "softplus: beta must be a finite number > 0 (got 0)";
    QTest::newRow("hardtanh min ≥ max") << int(Param) << "hardtanh.min_val" << 1.0 << 0.0 << "hardtanh: min_val (1) must be less than max_val (1)";
    QTest::newRow("rrelu lower > upper") << int(Param) << "rrelu.lower" << 0.9 << 0.0 << "rrelu: lower (0.9) must not exceed upper (0.333333)";
    QTest::newRow("negative lambd") << int(Param) << "softshrink.lambd" << -0.1 << 0.0 << "softshrink: lambd must be a finite number ≥ 0 (got -0.1)";
    QTest::newRow("gelu approximation") << int(Param) << "gelu.approximate" << 5.0 << 0.0 << "gelu: approximate must be one of 'none', 'tanh' (got 5)";
    QTest::newRow("unknown id") << int(Add) << "swish" << 0.0 << 0.0 << "unknown function 'swish'; valid ids: " + ActivationCatalogue::idList();
}

void TestSceneModel::refusesBadInput()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(QString, message);
    for (const char *id : {"sigmoid", "celu", "softplus", "hardtanh", "rrelu", "softshrink", "gelu"})
        QVERIFY(m_model->addFunction(QString::fromLatin1(id)));
    QVERIFY(m_model->setRange(-4, 5));
    const Snapshot before(*m_model);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QString error;
    bool ok = true;
    switch (kind) {
    case 0:
        ok = m_model->setRange(a, b, &error);
        break;
    case 1:
        ok = m_model->setEpsilon(a, &error);
        break;
    case 2:
        ok = m_model->setSampleCount(int(a), &error);
        break;
    case 3: {
        const QString id = name.section('.', 0, 0);
        int row = -1;
        for (int r = 0; r < m_model->rowCount(); ++r)
            row = m_model->function(r).spec->id == id ? r : row;
        ok = m_model->setParameter(row, name.section('.', 1), a, &error);
        break;
    }
    case 4:
        ok = m_model->addFunction(name, &error);
        break;
    }
    QVERIFY(!ok);
    QCOMPARE(error, message);
    QCOMPARE(recomputed.size(), 0);
    QCOMPARE(changed.size(), 0);
    QVERIFY(Snapshot(*m_model) == before);
}

void TestSceneModel::unknownParameterListsValidOnes()
{
    QVERIFY(m_model->addFunction("softplus"));
    QVERIFY(m_model->addFunction("sigmoid"));
    QString error;
    QVERIFY(!m_model->setParameter(0, "alpha", 1.0, &error));
    QCOMPARE(error, QString("softplus has no parameter 'alpha'; its parameters: beta, threshold"));
    QVERIFY(!m_model->setParameter(1, "alpha", 1.0, &error));
    QCOMPARE(error, QString("sigmoid has no parameters (got 'alpha')"));
    QVERIFY(!m_model->setParameter(5, "beta", 1.0, &error));
    QCOMPARE(error, QString("no function at row 5: valid rows are 0 to 1"));
    QVERIFY(!m_model->insertFunction(9, "relu", {}, &error));
    QCOMPARE(error, QString("cannot insert at row 9: valid rows are 0 to 2"));
}

/** Every curve and y range of scene, as a scene built from scratch with its settings has them. */
void verifyMatchesFreshScene(const SceneModel &scene)
{
    SceneModel fresh;
    fresh.assign(scene);
    fresh.recompute(); // analyses and samples every row anew
    for (int order = 0; order <= scene.maxOrder(); ++order) {
        QCOMPARE(scene.yRange(order), fresh.yRange(order));
        for (int row = 0; row < scene.rowCount(); ++row) {
            QCOMPARE(scene.curve(row, order).pieces, fresh.curve(row, order).pieces);
            QCOMPARE(scene.curve(row, order).markers, fresh.curve(row, order).markers);
        }
    }
    for (int row = 0; row < scene.rowCount(); ++row)
        QCOMPARE(scene.saturation(row).intervals.size(), fresh.saturation(row).intervals.size());
}

void TestSceneModel::batchRecomputesOnce()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    {
        const SceneModel::UpdateBatch outer(*m_model);
        {
            const SceneModel::UpdateBatch inner(*m_model); // nested: only the outermost counts
            for (const char *id : {"step", "sigmoid", "tanh", "relu", "elu"})
                QVERIFY(m_model->addFunction(QString::fromLatin1(id)));
        }
        QVERIFY(m_model->setColor(0, Qt::red));
        QVERIFY(m_model->setVisible(2, false));
        QVERIFY(m_model->setRange(-3, 5));
        QVERIFY(m_model->setMaxOrder(2));
        // Rows are announced at once (views must see them); the curves and the signal wait.
        QCOMPARE(inserted.size(), 5);
        QCOMPARE(recomputed.size(), 0);
    }
    QCOMPARE(recomputed.size(), 1);
    QVERIFY(m_model->curve(1, 2).pointCount() > 10);
    QCOMPARE(m_model->curve(2, 0).pointCount(), 0); // hidden
    verifyMatchesFreshScene(*m_model);

    // A batch that only recolours signals once too, and one with no change not at all.
    {
        const SceneModel::UpdateBatch batch(*m_model);
        QVERIFY(m_model->setColor(1, Qt::green));
        QVERIFY(m_model->setColor(3, Qt::blue));
    }
    QCOMPARE(recomputed.size(), 2);
    { const SceneModel::UpdateBatch batch(*m_model); }
    QCOMPARE(recomputed.size(), 2);
}

void TestSceneModel::addingARowSamplesThatRowAlone()
{
    QVERIFY(m_model->addFunction("sigmoid"));
    QVERIFY(m_model->addFunction("tanh"));
    const QList<QPointF> sigmoid = m_model->curve(0, 0).pieces.at(0);
    const QList<QPointF> tanhGradient = m_model->curve(1, 1).pieces.at(0);
    // tanh already spans f ∈ (−1, 1) and f′ ∈ (0, 1]: another sigmoid moves no y range, so the
    // rows before keep the very curves they had (shared data, not a new sampling).
    QVERIFY(m_model->addFunction("sigmoid"));
    QCOMPARE(m_model->curve(0, 0).pieces.at(0).constData(), sigmoid.constData());
    QCOMPARE(m_model->curve(1, 1).pieces.at(0).constData(), tanhGradient.constData());
    QCOMPARE(m_model->curve(2, 0).pieces, m_model->curve(0, 0).pieces);
    verifyMatchesFreshScene(*m_model);
    // A parameter of one row resamples that row only: leaky_relu's f stays within tanh's −1 and
    // its own 6, its f′ within [0, 1], so no y range moves.
    QVERIFY(m_model->addFunction("leaky_relu"));
    const Interval yF = m_model->yRange(0);
    const Interval yGradient = m_model->yRange(1);
    const QList<QPointF> leaky = m_model->curve(3, 0).pieces.at(0);
    const QList<QPointF> tanhF = m_model->curve(1, 0).pieces.at(0);
    const QList<QPointF> tanhD = m_model->curve(1, 1).pieces.at(0);
    QVERIFY(m_model->setParameter(3, "negative_slope", 0.02));
    QCOMPARE(m_model->yRange(0), yF);
    QCOMPARE(m_model->yRange(1), yGradient);
    QVERIFY(m_model->curve(3, 0).pieces.at(0).constData() != leaky.constData());
    QCOMPARE(m_model->curve(1, 0).pieces.at(0).constData(), tanhF.constData());
    QCOMPARE(m_model->curve(1, 1).pieces.at(0).constData(), tanhD.constData());
    verifyMatchesFreshScene(*m_model);
    // A new y range resamples everyone: the sampler's tolerance is in pixels.
    QVERIFY(m_model->addFunction("selu")); // f up to 1.0507·6: the f chart's y range grows
    QVERIFY(m_model->yRange(0).to > yF.to);
    QVERIFY(m_model->curve(1, 0).pieces.at(0).constData() != tanhF.constData());
    verifyMatchesFreshScene(*m_model);
}

void TestSceneModel::editsKeepCurvesConsistent()
{
    // After any mix of edits, the incremental curves are the ones a fresh scene samples.
    QVERIFY(m_model->addFunction("sigmoid"));
    QVERIFY(m_model->addFunction("relu"));
    QVERIFY(m_model->addFunction("gelu"));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setVisible(1, false));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setVisible(1, true));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setAffineMap(0, {2, 2, -1}));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setMaxOrder(2));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setFixedYRange(1, Interval{-0.5, 0.5}));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setPlotSize({1920, 1080}));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->removeRows(0, 1));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setMaxOrder(1));
    QVERIFY(m_model->setMaxOrder(2));
    verifyMatchesFreshScene(*m_model);
    QVERIFY(m_model->setRange(-1, 2));
    verifyMatchesFreshScene(*m_model);
}

void TestSceneModel::epsilonKeepsCurves()
{
    QVERIFY(m_model->addFunction("sigmoid"));
    const QList<QPointF> gradient = m_model->curve(0, 1).pieces.at(0);
    QSignalSpy recomputed(m_model.get(), &SceneModel::recomputed);
    QVERIFY(m_model->setEpsilon(0.1));
    QCOMPARE(recomputed.size(), 1);
    // ε moves the bands, not the curves: σ′ < 0.1 beyond |x| = 2·acosh(1/(2√0.1)).
    QCOMPARE(m_model->curve(0, 1).pieces.at(0).constData(), gradient.constData());
    const double edge = 2.0 * std::acosh(1.0 / (2.0 * std::sqrt(0.1)));
    QVERIFY(std::fabs(m_model->saturation(0).intervals.last().from - edge) < 1e-9);
}

void TestSceneModel::refusesMoreThanMaxFunctions()
{
    {
        const SceneModel::UpdateBatch batch(*m_model);
        for (int i = 0; i < SceneModel::MaxFunctions; ++i)
            QVERIFY(m_model->addFunction(i % 2 ? "sigmoid" : "relu"));
    }
    QCOMPARE(m_model->rowCount(), 256);
    const Snapshot before(*m_model);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QString error;
    QVERIFY(!m_model->addFunction("tanh", &error));
    QCOMPARE(error, QString("cannot add 'tanh': a scene holds at most 256 functions"));
    QVERIFY(!m_model->insertFunction(0, "tanh", {}, &error));
    QCOMPARE(inserted.size(), 0);
    QVERIFY(Snapshot(*m_model) == before);
    // Room again once one goes.
    QVERIFY(m_model->removeRows(0, 1));
    QVERIFY(m_model->addFunction("tanh", &error));
}

void TestSceneModel::plotSizePerOrder()
{
    // Each order is sampled for the chart that shows it: a wider f″ chart resamples f″ alone.
    QVERIFY(m_model->addFunction("tanh"));
    QVERIFY(m_model->setMaxOrder(2));
    const QList<QPointF> f = m_model->curve(0, 0).pieces.at(0);
    const QList<QPointF> f2 = m_model->curve(0, 2).pieces.at(0);
    QVERIFY(m_model->setPlotSize(2, QSize(1600, 400)));
    QCOMPARE(m_model->plotSize(2), QSize(1600, 400));
    QCOMPARE(m_model->plotSize(0), QSize(800, 600));
    QCOMPARE(m_model->curve(0, 0).pieces.at(0).constData(), f.constData());
    QVERIFY(m_model->curve(0, 2).pieces.at(0).constData() != f2.constData());
    verifyMatchesFreshScene(*m_model);
    QString error;
    QVERIFY(!m_model->setPlotSize(3, QSize(10, 10), &error));
    QCOMPARE(error, QString("derivative order must be 0, 1 or 2 (got 3)"));
    QVERIFY(!m_model->setPlotSize(1, QSize(0, 10), &error));
    QCOMPARE(error, QString("plot size must be between 1×1 and 100000×100000 pixels (got 0×10)"));
    QCOMPARE(m_model->plotSize(1), QSize(800, 600));
    // The whole-scene setter sets every order.
    QVERIFY(m_model->setPlotSize(QSize(640, 480)));
    QCOMPARE(m_model->plotSize(2), QSize(640, 480));
}

QTEST_GUILESS_MAIN(TestSceneModel)
#include "tst_scenemodel.moc"
