// The Values tab: a, b and n bound to the scene both ways, refusals shown inline, the table of
// torch-printed values, and copying cells as TSV (Ctrl+C, context menu) or a column as a tensor.

#include "lessons.h"
#include "scenemodel.h"
#include "valuetablemodel.h"
#include "valuetablewidget.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFontMetricsF>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

class TestValueTableWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheLesson();
    void spinBoxesChangeTheScene();
    void refusesBadInput_data();
    void refusesBadInput();
    void followsTheScene();
    void columnsFollowVisibility();
    void columnsFitTheirText();
    void measuresOnlyWhenItsTabIsInFront();
    void ctrlCCopiesTsv();
    void contextMenuCopies();
    void copyAsTensor();
    void everyControlHasTooltipAndName();
    void unboundIsDisabled();

private:
    template<typename T> T *child(const QString &name) const
    {
        T *w = m_widget->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    static void typeInto(QAbstractSpinBox *spin, const QString &text);
    void selectCells(int top, int left, int bottom, int right);

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<ValueTableWidget> m_widget;
};

void TestValueTableWidget::initTestCase()
{
    // Numbers in the spin boxes follow the default locale; the expected texts are C's.
    QLocale::setDefault(QLocale::c());
}

void TestValueTableWidget::init()
{
    m_scene = std::make_unique<SceneModel>();
    QString error;
    QVERIFY2(Lessons::apply(*Lessons::find(u"sigmoid-saturates"), *m_scene, &error),
             qPrintable(error));
    m_widget = std::make_unique<ValueTableWidget>();
    m_widget->setScene(m_scene.get());
    m_widget->resize(760, 420);
    m_widget->show();
    m_widget->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
    QGuiApplication::clipboard()->clear();
}

void TestValueTableWidget::cleanup()
{
    m_widget.reset();
    m_scene.reset();
}

void TestValueTableWidget::typeInto(QAbstractSpinBox *spin, const QString &text)
{
    QVERIFY(spin);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

void TestValueTableWidget::selectCells(int top, int left, int bottom, int right)
{
    QTableView *view = m_widget->view();
    const QItemSelection range(view->model()->index(top, left),
                               view->model()->index(bottom, right));
    view->selectionModel()->setCurrentIndex(view->model()->index(top, left),
                                            QItemSelectionModel::NoUpdate);
    view->selectionModel()->select(range, QItemSelectionModel::ClearAndSelect);
}

void TestValueTableWidget::showsTheLesson()
{
    QCOMPARE(child<QDoubleSpinBox>("valueTableMin")->value(), -100.0);
    QCOMPARE(child<QDoubleSpinBox>("valueTableMax")->value(), 100.0);
    QCOMPARE(child<QDoubleSpinBox>("valueTableMin")->text(), QString("-100"));
    QCOMPARE(child<QSpinBox>("valueTableCount")->value(), 10);
    QCOMPARE(child<QLabel>("valueTableExpression")->text(),
             QString("x = torch.linspace(-100, 100, 10)"));
    QAbstractItemModel *model = m_widget->view()->model();
    QCOMPARE(model, m_widget->model());
    QCOMPARE(model->rowCount(), 10);
    QCOMPARE(model->columnCount(), 4);
    QCOMPARE(model->index(1, 1).data().toString(), QString("1.6655e-34"));
    QCOMPARE(model->index(9, 1).data().toString(), QString("1.0000e+00"));
    QVERIFY(m_widget->errorText().isEmpty());
    QVERIFY(!child<QLabel>("valueTableError")->isVisible());
}

void TestValueTableWidget::spinBoxesChangeTheScene()
{
    typeInto(child<QDoubleSpinBox>("valueTableMin"), "-1");
    QCOMPARE(m_scene->xMin(), -1.0);
    typeInto(child<QDoubleSpinBox>("valueTableMax"), "1");
    QCOMPARE(m_scene->xMax(), 1.0);
    typeInto(child<QSpinBox>("valueTableCount"), "11");
    QCOMPARE(m_scene->sampleCount(), 11);
    QCOMPARE(m_widget->model()->rowCount(), 11);
    QCOMPARE(m_widget->model()->index(5, 0).data().toString(), QString("0.0000"));
    QCOMPARE(child<QLabel>("valueTableExpression")->text(),
             QString("x = torch.linspace(-1, 1, 11)"));
    QVERIFY(m_widget->errorText().isEmpty());
}

void TestValueTableWidget::refusesBadInput_data()
{
    QTest::addColumn<QString>("spin");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("a above b") << "valueTableMin"
                               << "200"
                               << "must be less than max";
    QTest::newRow("a equals b") << "valueTableMin"
                                << "100"
                                << "must be less than max";
    QTest::newRow("b below a") << "valueTableMax"
                               << "-200"
                               << "must be less than max";
    QTest::newRow("one sample") << "valueTableCount"
                                << "1"
                                << "sample count must be between 2";
    QTest::newRow("too many samples") << "valueTableCount"
                                      << "5000000"
                                      << "sample count must be between 2 and 1000000";
}

void TestValueTableWidget::refusesBadInput()
{
    QFETCH(QString, spin);
    QFETCH(QString, text);
    QFETCH(QString, message);
    auto *editor = child<QAbstractSpinBox>(spin);
    typeInto(editor, text);
    QVERIFY2(m_widget->errorText().contains(message), qPrintable(m_widget->errorText()));
    QVERIFY(child<QLabel>("valueTableError")->isVisible());
    // The scene and the spin boxes keep the old values.
    QCOMPARE(m_scene->xMin(), -100.0);
    QCOMPARE(m_scene->xMax(), 100.0);
    QCOMPARE(m_scene->sampleCount(), 10);
    QCOMPARE(child<QDoubleSpinBox>("valueTableMin")->value(), -100.0);
    QCOMPARE(child<QDoubleSpinBox>("valueTableMax")->value(), 100.0);
    QCOMPARE(child<QSpinBox>("valueTableCount")->value(), 10);
    // The next accepted edit clears the message.
    typeInto(child<QSpinBox>("valueTableCount"), "12");
    QVERIFY(m_widget->errorText().isEmpty());
    QVERIFY(!child<QLabel>("valueTableError")->isVisible());
}

void TestValueTableWidget::followsTheScene()
{
    QVERIFY(m_scene->setRange(-2, 3));
    QCOMPARE(child<QDoubleSpinBox>("valueTableMin")->value(), -2.0);
    QCOMPARE(child<QDoubleSpinBox>("valueTableMax")->value(), 3.0);
    QVERIFY(m_scene->setSampleCount(5));
    QCOMPARE(child<QSpinBox>("valueTableCount")->value(), 5);
    QCOMPARE(m_widget->model()->rowCount(), 5);
    QCOMPARE(child<QLabel>("valueTableExpression")->text(),
             QString("x = torch.linspace(-2, 3, 5)"));
    QVERIFY(Lessons::apply(*Lessons::find(u"relu-gradient"), *m_scene));
    QCOMPARE(child<QDoubleSpinBox>("valueTableMin")->value(), -1.0);
    QCOMPARE(m_widget->model()->index(5, 1).data().toString(), QString("0.1111"));
}

void TestValueTableWidget::columnsFollowVisibility()
{
    QVERIFY(m_scene->addFunction("tanh"));
    QCOMPARE(m_widget->model()->columnCount(), 7);
    QVERIFY(m_scene->setVisible(0, false));
    QCOMPARE(m_widget->model()->columnCount(), 4);
    QCOMPARE(m_widget->model()->headerData(1, Qt::Horizontal).toString(), QString("tanh"));
}

void TestValueTableWidget::columnsFitTheirText()
{
    QVERIFY(Lessons::apply(*Lessons::find(u"tanh-is-scaled-sigmoid"), *m_scene));
    QVERIFY(m_scene->setRange(-1000, 1000)); // wider: scientific notation and a longer x
    QTableView *view = m_widget->view();
    QAbstractItemModel *model = view->model();
    // Columns are measured once the event loop has settled.
    QTRY_VERIFY(view->horizontalHeader()->sectionSize(0) > 0);
    QCoreApplication::processEvents();
    const QFontMetricsF metrics(view->font());
    for (int c = 0; c < model->columnCount(); ++c) {
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString text = model->index(r, c).data().toString();
            QVERIFY2(metrics.horizontalAdvance(text) + 6
                         <= view->horizontalHeader()->sectionSize(c),
                     qPrintable(QString("column %1 row %2: %3").arg(c).arg(r).arg(text)));
        }
    }
}

void TestValueTableWidget::measuresOnlyWhenItsTabIsInFront()
{
    // Behind another tab of its dock area the table is visible to Qt but not seen: measuring its
    // columns (every row of the scene) waits until its tab comes forward.
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("charts")));
    auto *front = new QDockWidget(QStringLiteral("Saturation"), &window);
    front->setWidget(new QLabel(QStringLiteral("saturation")));
    auto *behind = new QDockWidget(QStringLiteral("Values"), &window);
    auto *values = new ValueTableWidget;
    values->setScene(m_scene.get());
    behind->setWidget(values);
    window.addDockWidget(Qt::BottomDockWidgetArea, front);
    window.addDockWidget(Qt::BottomDockWidgetArea, behind);
    window.tabifyDockWidget(front, behind);
    front->raise();
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *view = values->view();
    QVERIFY(view->isVisible() && view->visibleRegion().isEmpty());
    // A measurement is a zero timer, a posted event: one turn of the event loop would run it.
    QCoreApplication::processEvents();
    const int before = view->horizontalHeader()->sectionSize(1);
    QVERIFY(m_scene->setRange(-1e6, 1e6)); // scientific notation: wider columns
    QCoreApplication::processEvents();
    QCOMPARE(view->horizontalHeader()->sectionSize(1), before);
    behind->raise();
    const QFontMetricsF metrics(view->font());
    const QString text = view->model()->index(0, 1).data().toString();
    QTRY_VERIFY2(metrics.horizontalAdvance(text) + 6 <= view->horizontalHeader()->sectionSize(1),
                 qPrintable(text));
}

void TestValueTableWidget::ctrlCCopiesTsv()
{
    selectCells(0, 0, 2, 1);
    QTableView *view = m_widget->view();
    view->setFocus();
    QVERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QString expected
        = m_widget->model()->selectionAsTsv(view->selectionModel()->selectedIndexes());
    QVERIFY(expected.startsWith("x\tsigmoid\n-100\t"));
    QCOMPARE(expected.count('\n'), 4);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestValueTableWidget::contextMenuCopies()
{
    QTableView *view = m_widget->view();
    QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(view->actions().contains(m_widget->copyAction()));
    QVERIFY(view->actions().contains(m_widget->copyTensorAction()));
    QCOMPARE(m_widget->copyAction()->shortcut(), QKeySequence(QKeySequence::Copy));
    selectCells(4, 1, 5, 3);
    QVERIFY(m_widget->copyAction()->isEnabled());
    m_widget->copyAction()->trigger();
    const QStringList lines = QGuiApplication::clipboard()->text().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QString("sigmoid\tsigmoid′\tsigmoid″"));
    QVERIFY(lines.at(1).startsWith("1.494")); // σ(−11.1) at full precision
}

void TestValueTableWidget::copyAsTensor()
{
    m_widget->view()->clearSelection();
    m_widget->view()->setCurrentIndex({});
    QVERIFY(!m_widget->copyTensorAction()->isEnabled());
    QVERIFY(!m_widget->copyCurrentColumnAsTensor());
    selectCells(3, 1, 3, 1);
    QVERIFY(m_widget->copyTensorAction()->isEnabled());
    QTableView *view = m_widget->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);
    const QString text = QGuiApplication::clipboard()->text();
    QCOMPARE(text, m_widget->model()->tensorText(1));
    QVERIFY(text.startsWith("tensor([3.7201e-44, 1.6655e-34, 7.4564e-25,"));
    QVERIFY(text.endsWith("dtype=torch.float64)"));
}

void TestValueTableWidget::everyControlHasTooltipAndName()
{
    const QList<QWidget *> controls {
        child<QDoubleSpinBox>("valueTableMin"), child<QDoubleSpinBox>("valueTableMax"),
        child<QSpinBox>("valueTableCount"),     child<QLabel>("valueTableExpression"),
        child<QLabel>("valueTableError"),       m_widget->view()
    };
    for (QWidget *w : controls) {
        QVERIFY(w);
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    const QList<QToolButton *> buttons = m_widget->findChildren<QToolButton *>();
    QCOMPARE(buttons.size(), 2);
    for (QToolButton *b : buttons) {
        QVERIFY(!b->text().isEmpty());
        QVERIFY(!b->toolTip().isEmpty());
        QVERIFY(!b->accessibleName().isEmpty());
    }
    for (QLabel *label : m_widget->findChildren<QLabel *>()) {
        if (label->buddy())
            QVERIFY2(!label->toolTip().isEmpty(), qPrintable(label->text()));
    }
}

void TestValueTableWidget::unboundIsDisabled()
{
    m_widget->setScene(nullptr);
    QVERIFY(!child<QDoubleSpinBox>("valueTableMin")->isEnabled());
    QVERIFY(!child<QSpinBox>("valueTableCount")->isEnabled());
    QCOMPARE(m_widget->model()->rowCount(), 0);
    m_widget->setScene(m_scene.get());
    m_scene.reset();
    QCOMPARE(m_widget->model()->rowCount(), 0);
    QVERIFY(!child<QDoubleSpinBox>("valueTableMin")->isEnabled());
}

QTEST_MAIN(TestValueTableWidget)
#include "tst_valuetablewidget.moc"
