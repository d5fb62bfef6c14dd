// The function list: adding by search, refusing unknown names, removing, resetting, recolouring,
// showing and hiding, reordering, and a selection shared with other views.

#include "functionlistpanel.h"
#include "losscatalogue.h"
#include "paintcounter.h"
#include "scenemodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>

#include <memory>

class TestFunctionListPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsTheScene();
    void addsBySearch_data();
    void addsBySearch();
    void addsFromThePopup();
    void refusesUnknownName();
    void refusesAmbiguousFragment();
    void removes();
    void resetsToDefaults();
    void coloursThroughTheHook();
    void checkboxTogglesVisibility();
    void moves();
    void sharesTheSelectionModel();
    void reportsNoRowWhenEmptied();
    void widgetsHaveTooltipsAndNames();
    void offersLossesInTheLossView();
    void addsTypedExpressionsAndCustomFunctions();
    void repaintsForNamesNotForAnalysis();

private:
    QStringList ids() const;
    QPushButton *button(const char *name) const;
    void typeAndEnter(const QString &text);

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<FunctionListPanel> m_panel;
};

void TestFunctionListPanel::initTestCase()
{
    // Numbers in the widgets follow the default locale; the expected texts are C's.
    QLocale::setDefault(QLocale::c());
}

void TestFunctionListPanel::init()
{
    m_scene = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    m_panel = std::make_unique<FunctionListPanel>();
    m_panel->setScene(m_scene.get());
    m_panel->resize(360, 420);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestFunctionListPanel::cleanup()
{
    m_panel.reset();
    m_scene.reset();
}

QStringList TestFunctionListPanel::ids() const
{
    QStringList result;
    for (int r = 0; r < m_scene->rowCount(); ++r)
        result << m_scene->function(r).spec->id;
    return result;
}

QPushButton *TestFunctionListPanel::button(const char *name) const
{
    return m_panel->findChild<QPushButton *>(QString::fromLatin1(name));
}

void TestFunctionListPanel::typeAndEnter(const QString &text)
{
    auto *search = m_panel->findChild<QLineEdit *>(QStringLiteral("functionSearch"));
    QVERIFY(search);
    search->setFocus();
    search->clear();
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii)
        QTest::keyClicks(search, text);
    else
        search->insert(text); // QTest types ASCII only
    // With the popup open, keys reach the completer first, as they would for a user.
    QWidget *popup = search->completer()->popup();
    QTest::keyClick(popup->isVisible() ? popup : static_cast<QWidget *>(search), Qt::Key_Return);
    // The field adds once the completer is done with the key.
    QCoreApplication::processEvents();
}

void TestFunctionListPanel::listsTheScene()
{
    auto *view = m_panel->findChild<QListView *>(QStringLiteral("functionView"));
    QVERIFY(view);
    QCOMPARE(view->model(), m_scene.get());
    QCOMPARE(view->model()->rowCount(), 4);
    QCOMPARE(m_panel->selectionModel(), view->selectionModel());
    QCOMPARE(m_panel->selectionModel()->model(), m_scene.get());
    QCOMPARE(m_panel->currentRow(), -1);
    QVERIFY(!button("removeButton")->isEnabled());
}

void TestFunctionListPanel::addsBySearch_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("id");
    QTest::newRow("id") << "gelu"
                        << "gelu";
    QTest::newRow("id, other case") << "ELU"
                                    << "elu";
    QTest::newRow("display name") << "Leaky ReLU"
                                  << "leaky_relu";
    QTest::newRow("display name, lower case") << "leaky relu"
                                              << "leaky_relu";
    QTest::newRow("unique fragment of a display name") << "eaky r"
                                                       << "leaky_relu";
    QTest::newRow("unique fragment of an id") << "u6"
                                              << "relu6";
    QTest::newRow("fragment of several ids") << "shrink"
                                             << "";
    QTest::newRow("fragment of several names") << "swish"
                                               << "";
    QTest::newRow("completer entry") << "softplus — Softplus"
                                     << "softplus";
    QTest::newRow("surrounding spaces") << "  mish "
                                        << "mish";
}

void TestFunctionListPanel::addsBySearch()
{
    QFETCH(QString, typed);
    QFETCH(QString, id);
    QSignalSpy current(m_panel.get(), &FunctionListPanel::currentRowChanged);
    const int before = m_scene->rowCount();
    typeAndEnter(typed);
    if (id.isEmpty()) {
        // "shrink" is in tanhshrink, softshrink and hardshrink, "swish" in SiLU (Swish) and
        // Hardswish: refused, not guessed.
        QCOMPARE(m_scene->rowCount(), before);
        QVERIFY2(m_panel->errorText().contains(QLatin1String("several")),
                 qPrintable(m_panel->errorText()));
        return;
    }
    QCOMPARE(m_scene->rowCount(), before + 1);
    QCOMPARE(m_scene->function(before).spec->id, id);
    QVERIFY(m_panel->errorText().isEmpty());
    // The new function becomes current, so its parameters can be edited next.
    QCOMPARE(m_panel->currentRow(), before);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().at(0).toInt(), before);
    QVERIFY(m_panel->findChild<QLineEdit *>(QStringLiteral("functionSearch"))->text().isEmpty());
}

void TestFunctionListPanel::addsFromThePopup()
{
    auto *search = m_panel->findChild<QLineEdit *>(QStringLiteral("functionSearch"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("HARDT"));
    QCompleter *completer = search->completer();
    QAbstractItemView *popup = completer->popup();
    QTRY_VERIFY(popup->isVisible());
    // Matching is by substring, in any case: "HARDT" finds "hardtanh — Hardtanh" only.
    QCOMPARE(completer->completionCount(), 1);
    QTest::keyClick(popup, Qt::Key_Down);
    QCOMPARE(search->text(), QStringLiteral("hardtanh — Hardtanh"));
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(ids().size(), 5);
    QCoreApplication::processEvents();
    QCOMPARE(ids().size(), 5); // once, not twice
    QCOMPARE(ids().last(), QStringLiteral("hardtanh"));
    QCOMPARE(search->text(), QString());

    // A fragment in the middle of a name and "Add" by the button.
    search->setText(QStringLiteral("logsig"));
    QTest::mouseClick(button("addButton"), Qt::LeftButton);
    QCOMPARE(ids().last(), QStringLiteral("logsigmoid"));
}

void TestFunctionListPanel::refusesUnknownName()
{
    QSignalSpy inserted(m_scene.get(), &QAbstractItemModel::rowsInserted);
    typeAndEnter(QStringLiteral("softmaxx"));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(ids(), QStringList({ "step", "sigmoid", "tanh", "relu" }));
    // The scene's own message, naming the valid ids.
    QVERIFY2(m_panel->errorText().contains(QLatin1String("unknown function 'softmaxx'")),
             qPrintable(m_panel->errorText()));
    QVERIFY(m_panel->errorText().contains(QLatin1String("leaky_relu")));
    auto *label = m_panel->findChild<QLabel *>(QStringLiteral("functionError"));
    QVERIFY(label->isVisible());
    // The typed text stays for correcting.
    QCOMPARE(m_panel->findChild<QLineEdit *>(QStringLiteral("functionSearch"))->text(),
             QStringLiteral("softmaxx"));

    // The next success clears the message.
    typeAndEnter(QStringLiteral("selu"));
    QVERIFY(m_panel->errorText().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestFunctionListPanel::refusesAmbiguousFragment()
{
    QVERIFY(!m_panel->addFunction(QStringLiteral("hard")));
    QCOMPARE(m_scene->rowCount(), 4);
    QVERIFY(m_panel->errorText().contains(QLatin1String("hardtanh")));
    QVERIFY(!m_panel->addFunction(QStringLiteral("   ")));
    QCOMPARE(m_scene->rowCount(), 4);
}

void TestFunctionListPanel::removes()
{
    m_panel->setCurrentRow(1);
    QVERIFY(button("removeButton")->isEnabled());
    QTest::mouseClick(button("removeButton"), Qt::LeftButton);
    QCOMPARE(ids(), QStringList({ "step", "tanh", "relu" }));

    // Delete in the list does the same.
    auto *view = m_panel->findChild<QListView *>(QStringLiteral("functionView"));
    m_panel->setCurrentRow(0);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(ids(), QStringList({ "tanh", "relu" }));
}

void TestFunctionListPanel::resetsToDefaults()
{
    QVERIFY(m_panel->addFunction(QStringLiteral("leaky_relu")));
    const int row = m_scene->rowCount() - 1;
    QVERIFY(m_scene->setParameter(row, QStringLiteral("negative_slope"), 0.2));
    QCOMPARE(m_panel->currentRow(), row);
    QVERIFY(button("resetButton")->isEnabled());
    QSignalSpy changed(m_scene.get(), &QAbstractItemModel::dataChanged);
    QTest::mouseClick(button("resetButton"), Qt::LeftButton);
    QCOMPARE(m_scene->function(row).parameters[0], 0.01);
    QCOMPARE(changed.count(), 1);

    // Nothing to reset on a function without parameters.
    m_panel->setCurrentRow(1);
    QVERIFY(!button("resetButton")->isEnabled());
}

void TestFunctionListPanel::coloursThroughTheHook()
{
    QColor offered;
    QColor answer(0x12, 0x34, 0x56);
    m_panel->setColorPicker([&](const QColor &initial, QWidget *parent) {
        offered = initial;
        Q_UNUSED(parent);
        return answer;
    });
    m_panel->setCurrentRow(2);
    const QColor before = m_scene->function(2).color;
    QTest::mouseClick(button("colorButton"), Qt::LeftButton);
    QCOMPARE(offered, before);
    QCOMPARE(m_scene->function(2).color, answer);
    QCOMPARE(m_scene->data(m_scene->index(2), Qt::DecorationRole).value<QColor>(), answer);

    // Cancelled: nothing changes.
    answer = QColor();
    QTest::mouseClick(button("colorButton"), Qt::LeftButton);
    QCOMPARE(m_scene->function(2).color, QColor(0x12, 0x34, 0x56));
}

void TestFunctionListPanel::checkboxTogglesVisibility()
{
    auto *view = m_panel->findChild<QListView *>(QStringLiteral("functionView"));
    m_panel->setCurrentRow(1);
    view->setFocus();
    QVERIFY(m_scene->function(1).visible);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!m_scene->function(1).visible);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(m_scene->function(1).visible);

    // A click on the check box itself.
    const QModelIndex index = m_scene->index(2);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features
        |= QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration;
    option.decorationSize = view->iconSize().isValid() ? view->iconSize() : QSize(16, 16);
    const QRect check
        = view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    QVERIFY(!check.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, check.center());
    QVERIFY(!m_scene->function(2).visible);
}

void TestFunctionListPanel::moves()
{
    QSignalSpy current(m_panel.get(), &FunctionListPanel::currentRowChanged);
    m_panel->setCurrentRow(0);
    QCOMPARE(current.count(), 1);
    QVERIFY(!button("upButton")->isEnabled());
    QVERIFY(button("downButton")->isEnabled());

    QTest::mouseClick(button("downButton"), Qt::LeftButton);
    QCOMPARE(ids(), QStringList({ "sigmoid", "step", "tanh", "relu" }));
    // The current function moves with its row.
    QCOMPARE(m_panel->currentRow(), 1);
    QCOMPARE(current.last().at(0).toInt(), 1);

    QTest::mouseClick(button("downButton"), Qt::LeftButton);
    QTest::mouseClick(button("downButton"), Qt::LeftButton);
    QCOMPARE(ids(), QStringList({ "sigmoid", "tanh", "relu", "step" }));
    QCOMPARE(m_panel->currentRow(), 3);
    QVERIFY(!button("downButton")->isEnabled());

    QTest::mouseClick(button("upButton"), Qt::LeftButton);
    QCOMPARE(ids(), QStringList({ "sigmoid", "tanh", "step", "relu" }));
    QCOMPARE(m_panel->currentRow(), 2);
    QCOMPARE(current.last().at(0).toInt(), 2);
}

void TestFunctionListPanel::sharesTheSelectionModel()
{
    QItemSelectionModel shared(m_scene.get());
    FunctionListPanel other;
    other.setSelectionModel(&shared); // before the scene: adopted once the scene is set
    other.setScene(m_scene.get());
    m_panel->setSelectionModel(&shared);
    QCOMPARE(m_panel->selectionModel(), &shared);
    QCOMPARE(other.selectionModel(), &shared);

    QSignalSpy spy(m_panel.get(), &FunctionListPanel::currentRowChanged);
    QSignalSpy otherSpy(&other, &FunctionListPanel::currentRowChanged);
    shared.setCurrentIndex(m_scene->index(3), QItemSelectionModel::ClearAndSelect);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 3);
    QCOMPARE(otherSpy.last().at(0).toInt(), 3);

    other.setCurrentRow(1);
    QCOMPARE(m_panel->currentRow(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 1);

    // Back to its own selection model.
    m_panel->setSelectionModel(nullptr);
    QVERIFY(m_panel->selectionModel() != &shared);
    QCOMPARE(m_panel->selectionModel()->model(), m_scene.get());
}

void TestFunctionListPanel::reportsNoRowWhenEmptied()
{
    m_panel->setCurrentRow(3);
    QSignalSpy current(m_panel.get(), &FunctionListPanel::currentRowChanged);
    m_scene->clear();
    QCOMPARE(m_panel->currentRow(), -1);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().at(0).toInt(), -1);
    QVERIFY(!button("removeButton")->isEnabled());
    QVERIFY(!button("colorButton")->isEnabled());

    m_panel->setScene(nullptr);
    QVERIFY(!m_panel->addFunction(QStringLiteral("relu")));
}

void TestFunctionListPanel::widgetsHaveTooltipsAndNames()
{
    const QList<QWidget *> widgets = m_panel->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!qobject_cast<QPushButton *>(w) && !qobject_cast<QLineEdit *>(w)
            && !qobject_cast<QListView *>(w) && !qobject_cast<QLabel *>(w))
            continue;
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}


void TestFunctionListPanel::offersLossesInTheLossView()
{
    auto *completer = m_panel->findChild<QLineEdit *>(QStringLiteral("functionSearch"))->completer();
    QVERIFY(completer);
    const auto entries = [&] {
        QStringList list;
        for (int i = 0; i < completer->model()->rowCount(); ++i)
            list << completer->model()->index(i, 0).data().toString();
        return list;
    };
    QCOMPARE(entries().size(), ActivationCatalogue::all().size());
    m_panel->setFunctionKind(FunctionKind::Loss);
    QCOMPARE(m_panel->functionKind(), FunctionKind::Loss);
    QCOMPARE(entries().size(), LossCatalogue::all().size());
    QVERIFY(entries().first().startsWith(QLatin1String("mse_loss")));
    // A fragment is looked up among the losses; "huber" is one of them.
    typeAndEnter(QStringLiteral("huber"));
    QCOMPARE(ids().last(), QStringLiteral("huber_loss"));
    // An exact id of the other catalogue is still found.
    typeAndEnter(QStringLiteral("gelu"));
    QCOMPARE(ids().last(), QStringLiteral("gelu"));
    m_panel->setFunctionKind(FunctionKind::Activation);
    QCOMPARE(entries().size(), ActivationCatalogue::all().size());
}

void TestFunctionListPanel::addsTypedExpressionsAndCustomFunctions()
{
    typeAndEnter(QStringLiteral("x * sigmoid(1.702 * x)"));
    QCOMPARE(ids().last(), QStringLiteral("expr:x * sigmoid(1.702 * x)"));
    QCOMPARE(m_panel->currentRow(), 4);
    QCOMPARE(m_scene->function(4).spec->kind, FunctionKind::Custom);
    QVERIFY(m_panel->errorText().isEmpty());

    // The Custom… button asks for an expression (a stand-in for the dialog here).
    QString answer = QStringLiteral("log(1 + exp(x))");
    m_panel->setExpressionPicker([&](QWidget *) { return answer; });
    button("customButton")->click();
    QCOMPARE(ids().last(), QStringLiteral("expr:log(1 + exp(x))"));
    QCOMPARE(m_scene->function(5).at(0).d1, 0.5);
    // Cancelled: nothing added, nothing said.
    answer.clear();
    button("customButton")->click();
    QCOMPARE(m_scene->rowCount(), 6);
    QVERIFY(m_panel->errorText().isEmpty());
    // A bad expression from the picker is refused with the parser's reason.
    answer = QStringLiteral("log(1 + exp(x)");
    button("customButton")->click();
    QCOMPARE(m_scene->rowCount(), 6);
    QVERIFY2(m_panel->errorText().contains(QLatin1String("column")), qPrintable(m_panel->errorText()));
}

void TestFunctionListPanel::repaintsForNamesNotForAnalysis()
{
    // A slider step changes every row's saturation analysis, which the list does not show: it
    // must not repaint for that; a new label or colour repaints it.
    PaintCounter counter;
    QWidget *viewport = m_panel->findChild<QListView *>(QStringLiteral("functionView"))->viewport();
    counter.watch(viewport);
    QCoreApplication::processEvents();
    counter.paints = 0;
    for (double x : { -5.0, -4.0, -3.0 }) {
        QVERIFY(m_scene->setRange(x, 6));
        QCoreApplication::processEvents();
    }
    QCOMPARE(counter.paints, 0);
    QVERIFY(m_scene->setColor(1, Qt::red));
    QTRY_VERIFY(counter.paints > 0);
}

QTEST_MAIN(TestFunctionListPanel)
#include "tst_functionlistpanel.moc"
