// The sample table: torch.linspace rows of x, f, f′, f″ for one scene function, following the scene.

#include "sampletablemodel.h"
#include "scenemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

class TestSampleTableModel : public QObject
{
    Q_OBJECT

private slots:
    void tabulatesLinspace();
    void followsSceneChanges();
    void followsRowMovesAndRemoval();
    void nanWhereNoDerivative();
};

void TestSampleTableModel::tabulatesLinspace()
{
    SceneModel scene;
    SampleTableModel table;
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(scene.addFunction("sigmoid"));
    QVERIFY(scene.setRange(-100, 100));
    QVERIFY(scene.setSampleCount(10));
    table.setSource(&scene, 0);
    QCOMPARE(table.rowCount(), 10);
    QCOMPARE(table.columnCount(), 4);
    QCOMPARE(table.headerData(SampleTableModel::D1Column, Qt::Horizontal).toString(), QString("f′(x)"));
    // The tutorial's torch.sigmoid(torch.linspace(-100, 100, 10)): 1.6655e-34 at x = −77.78.
    QCOMPARE(table.value(0, SampleTableModel::XColumn), -100.0);
    QCOMPARE(table.value(9, SampleTableModel::XColumn), 100.0);
    QVERIFY(std::fabs(table.value(1, SampleTableModel::FColumn) / 1.6655e-34 - 1) < 1e-4);
    QVERIFY(std::fabs(table.value(4, SampleTableModel::FColumn) / 1.4945e-05 - 1) < 1e-4);
    // σ′ = σ(x)σ(−x) stays positive in the tail where σ(1 − σ) would round to 0.
    QVERIFY(table.value(9, SampleTableModel::D1Column) > 0);
    QCOMPARE(table.data(table.index(0, 0)).toString(), QString("-100"));
}

void TestSampleTableModel::followsSceneChanges()
{
    SceneModel scene;
    SampleTableModel table;
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(scene.addFunction("leaky_relu"));
    table.setSource(&scene, 0);
    QCOMPARE(table.rowCount(), 1001);
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
    QVERIFY(scene.setParameter(0, "negative_slope", 0.5));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(table.value(0, SampleTableModel::FColumn), -3.0);
    QVERIFY(scene.setSampleCount(11));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(table.rowCount(), 11);
    QCOMPARE(table.value(5, SampleTableModel::XColumn), 0.0);
    QCOMPARE(table.value(5, SampleTableModel::D1Column), 0.5); // PyTorch: the slope at 0
}

void TestSampleTableModel::followsRowMovesAndRemoval()
{
    SceneModel scene;
    SampleTableModel table;
    for (const char *id : {"step", "sigmoid", "tanh", "relu"})
        QVERIFY(scene.addFunction(QString::fromLatin1(id)));
    table.setSource(&scene, 2); // tanh
    QVERIFY(scene.moveRow({}, 2, {}, 0));
    QCOMPARE(table.sourceRow(), 0);
    QVERIFY(scene.moveRow({}, 3, {}, 0));
    QCOMPARE(table.sourceRow(), 1);
    QCOMPARE(scene.function(table.sourceRow()).spec->id, QString("tanh"));
    QVERIFY(scene.removeRow(0));
    QCOMPARE(table.sourceRow(), 0);
    QVERIFY(scene.addFunction("relu"));
    QCOMPARE(scene.function(table.sourceRow()).spec->id, QString("tanh"));
    QVERIFY(scene.removeRow(0));
    QCOMPARE(table.sourceRow(), -1);
    QCOMPARE(table.rowCount(), 0);
}

void TestSampleTableModel::nanWhereNoDerivative()
{
    SceneModel scene;
    QVERIFY(scene.addFunction("step"));
    QVERIFY(scene.setSampleCount(3));
    SampleTableModel table;
    table.setSource(&scene, 0);
    QVERIFY(std::isnan(table.value(1, SampleTableModel::D1Column)));
    QCOMPARE(table.data(table.index(1, SampleTableModel::D1Column)).toString(), QString("nan"));
    QCOMPARE(table.value(2, SampleTableModel::FColumn), 1.0);
}

QTEST_GUILESS_MAIN(TestSampleTableModel)
#include "tst_sampletablemodel.moc"
