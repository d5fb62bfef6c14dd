// The saturation panel: per visible function its bands at the analysis' bounds, the ε slider
// changing them, band selection reported upward, and hidden functions left out.

#include "rangepanel.h"
#include "saturationpanel.h"
#include "scenemodel.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QTreeView>

#include <cmath>
#include <memory>

namespace {

/** Where σ′(x) = σ(x)(1 − σ(x)) = ε: x = ±ln((1 + s)/(1 − s)), s = √(1 − 4ε). */
double sigmoidBound(double epsilon)
{
    const double s = std::sqrt(1 - 4 * epsilon);
    return std::log((1 + s) / (1 - s));
}

} // namespace

class TestSaturationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void formatting_data();
    void formatting();
    void listsEachVisibleFunction();
    void sigmoidBandsAtClosedFormBounds();
    void zeroBandsOfStepAndRelu();
    void epsilonSliderChangesTheIntervals();
    void explanationNamesEpsilon();
    void selectionEmitsIntervalSelected();
    void selectionSurvivesRecomputation();
    void hiddenFunctionsAreNotListed();
    void followsOrderAndColour();
    void numbersChangeInPlace();

private:
    QModelIndex functionIndex(int sceneRow, int column = SaturationPanel::NameColumn) const;
    QTreeView *view() const
    {
        return m_panel->findChild<QTreeView *>(QStringLiteral("saturationView"));
    }

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<SaturationPanel> m_panel;
};

void TestSaturationPanel::initTestCase()
{
    // Numbers in the widgets follow the default locale; the expected texts are C's.
    QLocale::setDefault(QLocale::c());
}

void TestSaturationPanel::init()
{
    m_scene = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    m_panel = std::make_unique<SaturationPanel>();
    m_panel->setScene(m_scene.get());
    m_panel->resize(640, 480);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestSaturationPanel::cleanup()
{
    m_panel.reset();
    m_scene.reset();
}

QModelIndex TestSaturationPanel::functionIndex(int sceneRow, int column) const
{
    const QAbstractItemModel *model = m_panel->intervalModel();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, column);
        if (i.data(SaturationPanel::FunctionRowRole).toInt() == sceneRow)
            return i;
    }
    return {};
}

void TestSaturationPanel::formatting_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("percent");
    QTest::newRow("0") << 0.0 << "0"
                       << "0 %";
    QTest::newRow("-0") << -0.0 << "0"
                        << "0 %";
    QTest::newRow("quarter") << 0.25 << "0.25"
                             << "25.0 %";
    QTest::newRow("bound") << -4.584863339122 << "-4.585"
                           << "";
    QTest::newRow("tiny") << 1e-7 << "1e-07"
                          << "< 0.1 %";
    QTest::newRow("whole") << 1.0 << "1"
                           << "100.0 %";
}

void TestSaturationPanel::formatting()
{
    QFETCH(double, value);
    QFETCH(QString, number);
    QFETCH(QString, percent);
    QCOMPARE(SaturationPanel::formatNumber(value), number);
    if (!percent.isEmpty())
        QCOMPARE(SaturationPanel::formatFraction(value), percent);
}

void TestSaturationPanel::listsEachVisibleFunction()
{
    const QAbstractItemModel *model = m_panel->intervalModel();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->columnCount(), int(SaturationPanel::ColumnCount));
    for (int row = 0; row < 4; ++row) {
        const QModelIndex name = model->index(row, SaturationPanel::NameColumn);
        QCOMPARE(name.data().toString(), m_scene->function(row).label());
        QCOMPARE(name.data(Qt::DecorationRole).value<QColor>(), m_scene->function(row).color);
        QCOMPARE(name.data(SaturationPanel::FunctionRowRole).toInt(), row);
        QCOMPARE(name.data(SaturationPanel::IntervalIndexRole).toInt(), -1);
        const SaturationResult &s = m_scene->saturation(row);
        QCOMPARE(model->index(row, SaturationPanel::ShareColumn)
                     .data(SaturationPanel::ValueRole)
                     .toDouble(),
                 s.zeroFraction + s.saturatedFraction);
        QCOMPARE(model->index(row, SaturationPanel::MaxGradientColumn)
                     .data(SaturationPanel::ValueRole)
                     .toDouble(),
                 s.maxAbsGradient);
        QCOMPARE(model->index(row, SaturationPanel::MaxGradientAtColumn)
                     .data(SaturationPanel::ValueRole)
                     .toDouble(),
                 s.maxAbsGradientAt);
    }
    // Bands are shown without a click.
    QVERIFY(view()->isExpanded(model->index(1, 0)));
}

void TestSaturationPanel::sigmoidBandsAtClosedFormBounds()
{
    const QAbstractItemModel *model = m_panel->intervalModel();
    const QModelIndex sigmoid = functionIndex(1);
    QVERIFY(sigmoid.isValid());
    QCOMPARE(model->rowCount(sigmoid), 2);
    const double bound = sigmoidBound(0.01);
    QVERIFY(std::fabs(bound - 4.584863339122) < 1e-9);

    const double expected[2][2] = { { -6, -bound }, { bound, 6 } };
    for (int i = 0; i < 2; ++i) {
        const QModelIndex kind = model->index(i, SaturationPanel::NameColumn, sigmoid);
        const QModelIndex from = model->index(i, SaturationPanel::FromColumn, sigmoid);
        const QModelIndex to = model->index(i, SaturationPanel::ToColumn, sigmoid);
        QCOMPARE(kind.data().toString(), QStringLiteral("saturated: |f′| < ε"));
        QCOMPARE(kind.data(SaturationPanel::IntervalIndexRole).toInt(), i);
        QCOMPARE(kind.data(SaturationPanel::FunctionRowRole).toInt(), 1);
        QVERIFY(std::fabs(from.data(SaturationPanel::ValueRole).toDouble() - expected[i][0])
                < 1e-9);
        QVERIFY(std::fabs(to.data(SaturationPanel::ValueRole).toDouble() - expected[i][1]) < 1e-9);
        QCOMPARE(from.data().toString(), SaturationPanel::formatNumber(expected[i][0]));
        QCOMPARE(to.data().toString(), SaturationPanel::formatNumber(expected[i][1]));
        const double share = model->index(i, SaturationPanel::ShareColumn, sigmoid)
                                 .data(SaturationPanel::ValueRole)
                                 .toDouble();
        QVERIFY(std::fabs(share - (6 - bound) / 12) < 1e-9);
    }
    // 4 significant digits, and the whole range's share and the largest |f′| = 0.25 at 0.
    QCOMPARE(model->index(1, SaturationPanel::FromColumn, sigmoid).data().toString(),
             QLocale().toString(4.585));
    QCOMPARE(functionIndex(1, SaturationPanel::ShareColumn).data().toString(),
             SaturationPanel::formatFraction(2 * (6 - bound) / 12));
    QCOMPARE(functionIndex(1, SaturationPanel::MaxGradientColumn).data().toString(),
             QLocale().toString(0.25));
    QCOMPARE(functionIndex(1, SaturationPanel::MaxGradientAtColumn).data().toString(),
             QLocale().toString(0));
}

void TestSaturationPanel::zeroBandsOfStepAndRelu()
{
    const QAbstractItemModel *model = m_panel->intervalModel();
    // The step's derivative does not exist at its jump: two zero bands meeting at 0.
    const QModelIndex step = functionIndex(0);
    QCOMPARE(model->rowCount(step), 2);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(model->index(i, 0, step).data().toString(), QStringLiteral("zero: f′ = 0"));
    QCOMPARE(model->index(0, SaturationPanel::FromColumn, step)
                 .data(SaturationPanel::ValueRole)
                 .toDouble(),
             -6.0);
    QCOMPARE(model->index(0, SaturationPanel::ToColumn, step)
                 .data(SaturationPanel::ValueRole)
                 .toDouble(),
             0.0);
    QCOMPARE(model->index(1, SaturationPanel::FromColumn, step)
                 .data(SaturationPanel::ValueRole)
                 .toDouble(),
             0.0);
    QCOMPARE(model->index(1, SaturationPanel::ToColumn, step)
                 .data(SaturationPanel::ValueRole)
                 .toDouble(),
             6.0);
    QCOMPARE(functionIndex(0, SaturationPanel::ShareColumn).data().toString(),
             QStringLiteral("100.0 %"));

    const QModelIndex relu = functionIndex(3);
    QCOMPARE(model->rowCount(relu), 1);
    QCOMPARE(model->index(0, 0, relu).data().toString(), QStringLiteral("zero: f′ = 0"));
    QCOMPARE(model->index(0, SaturationPanel::FromColumn, relu)
                 .data(SaturationPanel::ValueRole)
                 .toDouble(),
             -6.0);
    QCOMPARE(model->index(0, SaturationPanel::ToColumn, relu)
                 .data(SaturationPanel::ValueRole)
                 .toDouble(),
             0.0);
}

void TestSaturationPanel::epsilonSliderChangesTheIntervals()
{
    RangePanel range;
    range.setScene(m_scene.get());
    auto *slider = range.findChild<QSlider *>(QStringLiteral("epsilonSlider"));
    QVERIFY(slider);
    const QAbstractItemModel *model = m_panel->intervalModel();

    // ε = 1e-6: σ′ stays above it on [−6, 6], and so does tanh′.
    slider->setValue(0);
    QCOMPARE(m_scene->epsilon(), 1e-6);
    for (int row : { 1, 2 }) {
        const QModelIndex f = functionIndex(row);
        QCOMPARE(model->rowCount(f), 1);
        QCOMPARE(model->index(0, 0, f).data(SaturationPanel::IntervalIndexRole).toInt(), -1);
        QVERIFY(model->index(0, 0, f).data().toString().startsWith(QLatin1String("no band")));
        QVERIFY(!(model->index(0, 0, f).flags() & Qt::ItemIsSelectable));
    }

    // A wider ε: the sigmoid's bands end at its closed-form bound for that ε.
    slider->setValue(900);
    const double e = m_scene->epsilon();
    const QModelIndex sigmoid = functionIndex(1);
    QCOMPARE(model->rowCount(sigmoid), 2);
    const double to = model->index(0, SaturationPanel::ToColumn, sigmoid)
                          .data(SaturationPanel::ValueRole)
                          .toDouble();
    QVERIFY2(std::fabs(to + sigmoidBound(e)) < 1e-9, qPrintable(QString::number(to)));
    QVERIFY(m_panel->explanation().contains(SaturationPanel::formatNumber(e)));
}

void TestSaturationPanel::explanationNamesEpsilon()
{
    const QString text = m_panel->explanation();
    QVERIFY(text.contains(QStringLiteral("θ′ = θ − η·f′")));
    QVERIFY(text.contains(QStringLiteral("ε = 0.01")));
    QVERIFY(m_scene->setEpsilon(1e-3));
    QVERIFY(m_panel->explanation().contains(QStringLiteral("ε = 0.001")));
}

void TestSaturationPanel::selectionEmitsIntervalSelected()
{
    QSignalSpy spy(m_panel.get(), &SaturationPanel::intervalSelected);
    QTreeView *tree = view();
    const QModelIndex band
        = m_panel->intervalModel()->index(1, SaturationPanel::FromColumn, functionIndex(1));
    const QRect rect = tree->visualRect(band);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 1);
    QCOMPARE(spy.last().at(1).toInt(), 1);

    // A function's own row is no band.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(functionIndex(2, SaturationPanel::ShareColumn)).center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toInt(), -1);
    QCOMPARE(spy.last().at(1).toInt(), -1);

    m_panel->selectInterval(3, 0);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.last().at(0).toInt(), 3);
    QCOMPARE(spy.last().at(1).toInt(), 0);

    // The keyboard moves from tanh's first band to its second.
    m_panel->selectInterval(2, 0);
    QCOMPARE(spy.last().at(1).toInt(), 0);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(spy.last().at(0).toInt(), 2);
    QCOMPARE(spy.last().at(1).toInt(), 1);

    tree->clearSelection();
    QCOMPARE(spy.last().at(0).toInt(), -1);
    QCOMPARE(spy.last().at(1).toInt(), -1);
    const int count = spy.count();
    m_panel->selectInterval(1, 7); // no such band
    QCOMPARE(spy.count(), count);
}

void TestSaturationPanel::selectionSurvivesRecomputation()
{
    QSignalSpy spy(m_panel.get(), &SaturationPanel::intervalSelected);
    m_panel->selectInterval(1, 1);
    QCOMPARE(spy.count(), 1);
    // The band moves with ε but stays the selected one: nothing new to report.
    QVERIFY(m_scene->setEpsilon(0.02));
    QCOMPARE(spy.count(), 1);
    const QModelIndexList selected = view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(SaturationPanel::IntervalIndexRole).toInt(), 1);

    // The sigmoid moves to the top: the same band, now of scene row 0.
    QVERIFY(m_scene->moveRows({}, 1, 1, {}, 0));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toInt(), 0);
    QCOMPARE(spy.last().at(1).toInt(), 1);

    // The band disappears: deselected.
    QVERIFY(m_scene->setEpsilon(1e-6));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.last().at(0).toInt(), -1);
    QCOMPARE(spy.last().at(1).toInt(), -1);
}

void TestSaturationPanel::hiddenFunctionsAreNotListed()
{
    QVERIFY(m_scene->setVisible(1, false));
    const QAbstractItemModel *model = m_panel->intervalModel();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(!functionIndex(1).isValid());
    // The rows still name scene rows.
    QCOMPARE(model->index(1, 0).data(SaturationPanel::FunctionRowRole).toInt(), 2);
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("tanh"));

    QSignalSpy spy(m_panel.get(), &SaturationPanel::intervalSelected);
    m_panel->selectInterval(2, 0);
    QCOMPARE(spy.last().at(0).toInt(), 2);
    // Hiding the selected function deselects its band.
    QVERIFY(m_scene->setVisible(2, false));
    QCOMPARE(spy.last().at(0).toInt(), -1);
    QCOMPARE(model->rowCount(), 2);

    QVERIFY(m_scene->setVisible(1, true));
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(functionIndex(1).isValid());
}

void TestSaturationPanel::followsOrderAndColour()
{
    QVERIFY(m_scene->setColor(3, QColor(Qt::darkRed)));
    QCOMPARE(functionIndex(3).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::darkRed));
    QVERIFY(m_scene->moveRows({}, 3, 1, {}, 0));
    QCOMPARE(m_panel->intervalModel()->index(0, 0).data().toString(), QStringLiteral("relu"));
    m_scene->clear();
    QCOMPARE(m_panel->intervalModel()->rowCount(), 0);
    m_panel->setScene(nullptr);
    QCOMPARE(m_panel->intervalModel()->rowCount(), 0);
}

void TestSaturationPanel::numbersChangeInPlace()
{
    // A slider step moves the bands' ends, not the tree's shape: the items take the new numbers
    // and the tree is not built again (no reset, no rows removed; indexes stay valid).
    const QAbstractItemModel *model = m_panel->intervalModel();
    const QPersistentModelIndex from
        = model->index(0, SaturationPanel::FromColumn, functionIndex(1)); // sigmoid's first band
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QVERIFY(m_scene->setRange(-7, 6));
    QVERIFY(from.isValid());
    QCOMPARE(from.data(SaturationPanel::ValueRole).toDouble(), -7.0);
    QCOMPARE(from.data().toString(), SaturationPanel::formatNumber(-7));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    // A band that appears changes the shape: then the tree is built anew, and right.
    QVERIFY(m_scene->setRange(-0.5, 0.5)); // sigmoid: no band near 0
    QVERIFY(removed.size() > 0);
    QCOMPARE(model->index(0, SaturationPanel::NameColumn, functionIndex(1)).data().toString(),
             QStringLiteral("no band: |f′| ≥ ε on the whole range"));
}

QTEST_MAIN(TestSaturationPanel)
#include "tst_saturationpanel.moc"
