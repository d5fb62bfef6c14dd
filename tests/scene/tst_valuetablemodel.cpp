// The value table: torch.linspace rows, x then f, f′, f″ of each visible function, every column
// printed the way torch prints that tensor, following the scene; tensor text and TSV copies.

#include "lessons.h"
#include "scenemodel.h"
#include "torchformat.h"
#include "valuetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

class TestValueTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tutorialColumns_data();
    void tutorialColumns();
    void displayIsTorchsElementsTrimmed_data();
    void displayIsTorchsElementsTrimmed();
    void headersNameTheColumns();
    void editRoleIsTheDouble();
    void nanShownAsTorchDoes();
    void columnsFollowVisibility();
    void valuesChangeInPlace();
    void sampleCountResets();
    void followsRowsAndLessons();
    void tensorText();
    void selectionAsTsv();
    void tsvRoundTrips();
    void unboundIsEmpty();

private:
    /** Binds a fresh scene with one function over torch.linspace(a, b, n). */
    void bindOne(const QString &id, double a, double b, int n);
    QStringList displayColumn(int column) const;

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<ValueTableModel> m_table;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestValueTableModel::init()
{
    m_scene = std::make_unique<SceneModel>();
    m_table = std::make_unique<ValueTableModel>();
    // Attached before the first change, so every reset and dataChanged is checked.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_table.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_table->setScene(m_scene.get());
}

void TestValueTableModel::cleanup()
{
    m_tester.reset();
    m_table.reset();
    m_scene.reset();
}

void TestValueTableModel::bindOne(const QString &id, double a, double b, int n)
{
    m_scene->clear();
    QVERIFY(m_scene->addFunction(id));
    QVERIFY(m_scene->setRange(a, b));
    QVERIFY(m_scene->setSampleCount(n));
}

QStringList TestValueTableModel::displayColumn(int column) const
{
    QStringList texts;
    for (int row = 0; row < m_table->rowCount(); ++row)
        texts << m_table->data(m_table->index(row, column)).toString();
    return texts;
}

void TestValueTableModel::tutorialColumns_data()
{
    QTest::addColumn<QString>("lesson"); // a lesson id, or "" to build the scene from the row
    QTest::addColumn<QString>("function");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("expected");

    const QString one = QStringLiteral("1.0000e+00");
    // torch.sigmoid(torch.linspace(-100, 100, 10, dtype=torch.float64)). The tutorial printed
    // float32, where sigmoid(-100) underflows and the first element reads 0.0000e+00; float64
    // keeps 3.7201e-44 and the other nine elements print the same in both.
    const QStringList sigmoid { "3.7201e-44", "1.6655e-34", "7.4564e-25", "3.3382e-15",
                                "1.4945e-05", "9.9999e-01", one,          one,
                                one,          one };
    QTest::newRow("lesson sigmoid-saturates, f") << "sigmoid-saturates"
                                                 << "" << 0.0 << 0.0 << 0 << 1 << sigmoid;
    QTest::newRow("sigmoid over linspace(-100, 100, 10), f")
        << ""
        << "sigmoid" << -100.0 << 100.0 << 10 << 1 << sigmoid;
    QTest::newRow("sigmoid, x") << ""
                                << "sigmoid" << -100.0 << 100.0 << 10 << 0
                                << QStringList { "-100.0000", "-77.7778", "-55.5556", "-33.3333",
                                                 "-11.1111",  "11.1111",  "33.3333",  "55.5556",
                                                 "77.7778",   "100.0000" };
    // torch.tanh(torch.linspace(-1, 1, 10)); torch pads 0.1107 to " 0.1107", a cell does not.
    QTest::newRow("tanh over linspace(-1, 1, 10), f")
        << ""
        << "tanh" << -1.0 << 1.0 << 10 << 1
        << QStringList { "-0.7616", "-0.6514", "-0.5047", "-0.3215", "-0.1107",
                         "0.1107",  "0.3215",  "0.5047",  "0.6514",  "0.7616" };
    const QStringList relu { "0.0000", "0.0000", "0.0000", "0.0000", "0.0000",
                             "0.1111", "0.3333", "0.5556", "0.7778", "1.0000" };
    QTest::newRow("lesson relu-gradient, f") << "relu-gradient"
                                             << "" << 0.0 << 0.0 << 0 << 1 << relu;
    QTest::newRow("relu over linspace(-1, 1, 10), f") << ""
                                                      << "relu" << -1.0 << 1.0 << 10 << 1 << relu;
    // An all-integer tensor prints in torch's integer mode: tensor([0., 0., …, 1., 1.]).
    QTest::newRow("relu, f′") << ""
                              << "relu" << -1.0 << 1.0 << 10 << 2
                              << QStringList { "0.", "0.", "0.", "0.", "0.",
                                               "1.", "1.", "1.", "1.", "1." };
}

void TestValueTableModel::tutorialColumns()
{
    QFETCH(QString, lesson);
    QFETCH(QString, function);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(int, n);
    QFETCH(int, column);
    QFETCH(QStringList, expected);

    if (lesson.isEmpty()) {
        bindOne(function, a, b, n);
    } else {
        const Lesson *l = Lessons::find(lesson);
        QVERIFY(l);
        QString error;
        QVERIFY2(Lessons::apply(*l, *m_scene, &error), qPrintable(error));
    }
    QCOMPARE(m_table->rowCount(), expected.size());
    QCOMPARE(displayColumn(column), expected);
}

void TestValueTableModel::displayIsTorchsElementsTrimmed_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<int>("n");
    QTest::newRow("sigmoid tails") << "sigmoid" << -100.0 << 100.0 << 10;
    QTest::newRow("gelu 1001") << "gelu" << -6.0 << 6.0 << 1001;
    QTest::newRow("elu wide") << "elu" << -1000.0 << 1000.0 << 101;
    QTest::newRow("step") << "step" << -3.0 << 3.0 << 7;
    QTest::newRow("hardtanh") << "hardtanh" << -3.0 << 3.0 << 13;
    QTest::newRow("softplus tiny") << "softplus" << -1e-6 << 1e-6 << 5;
    QTest::newRow("relu all zero") << "relu" << -3.0 << -1.0 << 3;
    QTest::newRow("leaky_relu huge") << "leaky_relu" << -1e6 << 1e5 << 7;
}

void TestValueTableModel::displayIsTorchsElementsTrimmed()
{
    // The table formats one cell at a time; it must agree with printing the whole column.
    QFETCH(QString, function);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(int, n);
    bindOne(function, a, b, n);
    QCOMPARE(m_table->columnCount(), 4);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        QStringList torch = TorchFormat::elements(m_table->columnValues(column));
        // torch pads the elements to one width (nan and inf may stick out), which sizes the column.
        int longest = 0;
        for (const QString &s : std::as_const(torch))
            longest = std::max(longest, int(s.size()));
        QCOMPARE(m_table->columnTextLength(column), longest);
        for (QString &s : torch)
            s = s.trimmed();
        QCOMPARE(displayColumn(column), torch);
    }
}

void TestValueTableModel::headersNameTheColumns()
{
    QVERIFY(m_scene->addFunction("sigmoid"));
    QVERIFY(m_scene->insertFunction(1, "tanh", ActivationCatalogue::find(u"tanh")->defaults(),
                                    nullptr, AffineMap { 2, 2, -1 }));
    QCOMPARE(m_table->columnCount(), 7);
    QStringList headers;
    for (int c = 0; c < m_table->columnCount(); ++c)
        headers << m_table->headerData(c, Qt::Horizontal).toString();
    const QString mapped = m_scene->function(1).label();
    QCOMPARE(headers,
             (QStringList { "x", "sigmoid", "sigmoid′", "sigmoid″", mapped, "(" + mapped + ")′",
                            "(" + mapped + ")″" }));
    QVERIFY(m_table->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString().contains("sigmoid"));
    QCOMPARE(m_table->headerData(0, Qt::Vertical).toInt(), 0);
    QCOMPARE(m_table->column(0).sceneRow, -1);
    QCOMPARE(m_table->column(5).sceneRow, 1);
    QCOMPARE(m_table->column(5).order, 1);
}

void TestValueTableModel::editRoleIsTheDouble()
{
    bindOne("sigmoid", -100, 100, 10);
    const QVariant v = m_table->data(m_table->index(1, 1), Qt::EditRole);
    QCOMPARE(v.typeId(), QMetaType::Double);
    const double x = -100 + 200.0 / 9;
    QCOMPARE(m_table->data(m_table->index(1, 0), Qt::EditRole).toDouble(), x);
    QCOMPARE(v.toDouble(), 1 / (1 + std::exp(-x)));
    // σ′ = σ(1 − σ) in the tail.
    QVERIFY(std::fabs(m_table->value(1, 2) / 1.6655e-34 - 1) < 1e-4);
    QCOMPARE(m_table->data(m_table->index(0, 0), Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
}

void TestValueTableModel::nanShownAsTorchDoes()
{
    // step has no derivative at 0: NaN, which torch prints as "nan" in its column's width.
    bindOne("step", -1, 1, 3);
    QVERIFY(std::isnan(m_table->value(1, 2)));
    QCOMPARE(m_table->data(m_table->index(1, 2)).toString(), QString("nan"));
    QCOMPARE(m_table->data(m_table->index(0, 2)).toString(), QString("0."));
    QVERIFY(std::isnan(m_table->data(m_table->index(1, 2), Qt::EditRole).toDouble()));
}

void TestValueTableModel::columnsFollowVisibility()
{
    for (const char *id : { "step", "sigmoid", "tanh" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    QCOMPARE(m_table->columnCount(), 10);
    QSignalSpy reset(m_table.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_scene->setVisible(1, false));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_table->columnCount(), 7);
    QCOMPARE(m_table->headerData(4, Qt::Horizontal).toString(), QString("tanh"));
    QCOMPARE(m_table->column(4).sceneRow, 2);
    QVERIFY(m_scene->setVisible(0, false));
    QVERIFY(m_scene->setVisible(2, false));
    QCOMPARE(m_table->columnCount(), 1); // x stays
    QVERIFY(m_scene->setVisible(1, true));
    QCOMPARE(m_table->columnCount(), 4);
    QCOMPARE(m_table->headerData(1, Qt::Horizontal).toString(), QString("sigmoid"));
}

void TestValueTableModel::valuesChangeInPlace()
{
    QVERIFY(m_scene->addFunction("leaky_relu"));
    QVERIFY(m_scene->setSampleCount(10));
    QSignalSpy reset(m_table.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_table.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy headers(m_table.get(), &QAbstractItemModel::headerDataChanged);
    QVERIFY(m_scene->setParameter(0, "negative_slope", 0.5));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_table->index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_table->index(9, 3));
    QCOMPARE(m_table->value(0, 1), -3.0);
    QVERIFY(!headers.isEmpty());
    QCOMPARE(m_table->headerData(1, Qt::Horizontal).toString(), m_scene->function(0).label());
    // The labels that changed, not x's (a view measures every signalled section again).
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.first().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(headers.first().at(1).toInt(), 1);
    QCOMPARE(headers.first().at(2).toInt(), m_table->columnCount() - 1);

    QVERIFY(m_scene->setRange(-1, 1));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(headers.size(), 1); // numbers changed, no label did
    QCOMPARE(m_table->value(9, 0), 1.0);
    // A new range can change a column's format: the cache must not keep the old one.
    QCOMPARE(m_table->data(m_table->index(9, 0)).toString(), QString("1.0000"));
}

void TestValueTableModel::sampleCountResets()
{
    QVERIFY(m_scene->addFunction("relu"));
    QSignalSpy reset(m_table.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_scene->setSampleCount(11));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_table->rowCount(), 11);
    QCOMPARE(m_table->value(5, 0), 0.0);
    QVERIFY(!m_scene->setSampleCount(1));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_table->rowCount(), 11);
}

void TestValueTableModel::followsRowsAndLessons()
{
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    QCOMPARE(m_table->columnCount(), 13);
    QVERIFY(m_scene->moveRow({}, 2, {}, 0));
    QCOMPARE(m_table->headerData(1, Qt::Horizontal).toString(), QString("tanh"));
    QVERIFY(m_scene->removeRow(0));
    QCOMPARE(m_table->columnCount(), 10);
    QCOMPARE(m_table->headerData(1, Qt::Horizontal).toString(), QString("step"));

    // Lesson 6 replaces the whole scene.
    QVERIFY(Lessons::apply(*Lessons::find(u"hard-approximations"), *m_scene));
    QCOMPARE(m_table->columnCount(), 1 + 6 * 3);
    QCOMPARE(m_table->rowCount(), 1001);
    m_scene->clear();
    QCOMPARE(m_table->columnCount(), 1);
    QCOMPARE(m_table->rowCount(), 1001);
}

void TestValueTableModel::tensorText()
{
    bindOne("relu", -1, 1, 10);
    QCOMPARE(m_table->tensorText(1),
             QString("tensor([0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.1111, 0.3333, 0.5556, "
                     "0.7778,\n        1.0000], dtype=torch.float64)"));
    QCOMPARE(m_table->tensorText(1), TorchFormat::tensor(m_table->columnValues(1)));
    QCOMPARE(m_table->tensorText(99), QString());
    bindOne("sigmoid", -100, 100, 10);
    QVERIFY(m_table->tensorText(1).startsWith("tensor([3.7201e-44, 1.6655e-34,"));
}

void TestValueTableModel::selectionAsTsv()
{
    bindOne("relu", -1, 1, 10);
    // Given out of order, with a hole: rows 5 and 9, columns x and f; row 9's f not selected.
    const QModelIndexList selection { m_table->index(9, 0), m_table->index(5, 1),
                                      m_table->index(5, 0) };
    const double x5 = m_table->value(5, 0);
    QCOMPARE(m_table->selectionAsTsv(selection),
             QString("x\trelu\n%1\t%1\n1\t\n")
                 .arg(QString::number(x5, 'g', QLocale::FloatingPointShortest)));
    QCOMPARE(m_table->selectionAsTsv({}), QString());
}

void TestValueTableModel::tsvRoundTrips()
{
    bindOne("sigmoid", -100, 100, 10);
    QModelIndexList all;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        for (int c = 0; c < m_table->columnCount(); ++c)
            all << m_table->index(r, c);
    }
    const QStringList lines = m_table->selectionAsTsv(all).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 11);
    QCOMPARE(lines.first(), QString("x\tsigmoid\tsigmoid′\tsigmoid″"));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QStringList fields = lines.at(r + 1).split('\t');
        QCOMPARE(fields.size(), 4);
        for (int c = 0; c < 4; ++c) {
            bool ok = false;
            QCOMPARE(fields.at(c).toDouble(&ok), m_table->value(r, c)); // bit for bit
            QVERIFY(ok);
        }
    }
    // 17 significant digits at most, not torch's 4.
    QVERIFY(lines.at(1).split('\t').at(1).startsWith("3.72007597602083"));
}

void TestValueTableModel::unboundIsEmpty()
{
    m_table->setScene(nullptr);
    QCOMPARE(m_table->rowCount(), 0);
    QCOMPARE(m_table->columnCount(), 0);
    QCOMPARE(m_table->tensorText(0), QString());
    {
        SceneModel scene;
        QVERIFY(scene.addFunction("tanh"));
        m_table->setScene(&scene);
        QCOMPARE(m_table->columnCount(), 4);
    }
    // The scene is gone: the table empties instead of reading freed memory.
    QCOMPARE(m_table->rowCount(), 0);
    QCOMPARE(m_table->columnCount(), 0);
}

QTEST_GUILESS_MAIN(TestValueTableModel)
#include "tst_valuetablemodel.moc"
