// The parameter panel: sliders and spin boxes kept in sync with the scene, refused values
// explained and taken back, a combo box for a choice, and no rebuild while a value changes.

#include "numberspinbox.h"
#include "parameterpanel.h"
#include "scenemodel.h"
#include "sliderhandle.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <memory>

class TestParameterPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sliderMapping_data();
    void sliderMapping();
    void noFunctionSelected();
    void noParametersMessage();
    void sliderChangesTheModelAndTheSpinBox();
    void spinBoxChangesTheModelAndTheSlider();
    void valueBeyondTheSliderIsAccepted();
    void refusesValuesOutsideTheDomain_data();
    void refusesValuesOutsideTheDomain();
    void refusedSliderPositionSnapsBack();
    void choiceComboForGelu();
    void followsTheModel();
    void resetsToDefaults();
    void rebuildsOnlyWhenTheFunctionChanges();
    void followsItsFunctionWhenRowsMoveOrGo();
    void labelsExplainTheDomain();
    void unfinishedEditDiesWithThePanel();
    void sliderDragIsOneInteraction();
    void compactNarrowsEveryEditor();

private:
    int rowOf(const QString &id) const;
    template<typename T> T *child(const QString &name) const
    {
        return m_panel->findChild<T *>(name);
    }
    void typeInto(QDoubleSpinBox *spin, const QString &text);

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<ParameterPanel> m_panel;
};

void TestParameterPanel::initTestCase()
{
    // Numbers in the widgets follow the default locale; the expected texts are C's.
    QLocale::setDefault(QLocale::c());
}

void TestParameterPanel::init()
{
    m_scene = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu", "leaky_relu", "celu", "softplus",
                            "hardtanh", "gelu", "rrelu" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    m_panel = std::make_unique<ParameterPanel>();
    m_panel->setScene(m_scene.get());
    m_panel->resize(420, 240);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestParameterPanel::cleanup()
{
    m_panel.reset();
    m_scene.reset();
}

int TestParameterPanel::rowOf(const QString &id) const
{
    for (int r = 0; r < m_scene->rowCount(); ++r) {
        if (m_scene->function(r).spec->id == id)
            return r;
    }
    return -1;
}

void TestParameterPanel::typeInto(QDoubleSpinBox *spin, const QString &text)
{
    QVERIFY(spin);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

void TestParameterPanel::sliderMapping_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<int>("position");
    QTest::addColumn<double>("value");
    QTest::newRow("start") << 0.1 << 3.0 << 0 << 0.1;
    QTest::newRow("end") << 0.1 << 3.0 << 1000 << 3.0;
    QTest::newRow("middle") << -5.0 << 5.0 << 500 << 0.0;
    QTest::newRow("a tenth") << 0.0 << 1.0 << 100 << 0.1;
}

void TestParameterPanel::sliderMapping()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(int, position);
    QFETCH(double, value);
    QCOMPARE(ParameterPanel::sliderValue(lo, hi, position), value);
    QCOMPARE(ParameterPanel::sliderPosition(lo, hi, value), position);
    // Outside the slider range the position is clamped.
    QCOMPARE(ParameterPanel::sliderPosition(lo, hi, hi + 100), ParameterPanel::SliderSteps);
    QCOMPARE(ParameterPanel::sliderPosition(lo, hi, lo - 100), 0);
}

void TestParameterPanel::noFunctionSelected()
{
    QCOMPARE(m_panel->currentRow(), -1);
    QCOMPARE(child<QLabel>(QStringLiteral("parameterNote"))->text(),
             QStringLiteral("No function selected."));
    QVERIFY(!child<QPushButton>(QStringLiteral("parameterResetButton"))->isEnabled());
    QVERIFY(m_panel->findChildren<QSlider *>().isEmpty());
}

void TestParameterPanel::noParametersMessage()
{
    m_panel->setCurrentRow(rowOf(QStringLiteral("sigmoid")));
    auto *note = child<QLabel>(QStringLiteral("parameterNote"));
    QCOMPARE(note->text(), QStringLiteral("sigmoid has no parameters."));
    QVERIFY(note->isVisible());
    QVERIFY(m_panel->findChildren<QSlider *>().isEmpty());
    QVERIFY(!child<QPushButton>(QStringLiteral("parameterResetButton"))->isEnabled());
    QVERIFY(
        child<QLabel>(QStringLiteral("parameterTitle"))->text().contains(QLatin1String("Sigmoid")));
}

void TestParameterPanel::sliderChangesTheModelAndTheSpinBox()
{
    const int row = rowOf(QStringLiteral("leaky_relu"));
    m_panel->setCurrentRow(row);
    auto *slider = child<QSlider>(QStringLiteral("negative_slopeSlider"));
    auto *spin = child<QDoubleSpinBox>(QStringLiteral("negative_slopeSpin"));
    QVERIFY(slider);
    QVERIFY(spin);
    QVERIFY(slider->isVisible());
    QVERIFY(spin->isVisible());
    QCOMPARE(slider->value(), 10); // 0.01 on a 0 … 1 slider
    QCOMPARE(spin->value(), 0.01);

    QSignalSpy changed(m_scene.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy recomputed(m_scene.get(), &SceneModel::recomputed);
    slider->setValue(200);
    QCOMPARE(m_scene->function(row).parameters[0], 0.2);
    QCOMPARE(spin->value(), 0.2);
    QCOMPARE(spin->text(), QStringLiteral("0.2"));
    // One change, one redraw: no echo from the spin box back into the scene.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(recomputed.count(), 1);

    // Every step of a drag is applied at once.
    slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(m_scene->function(row).parameters[0], 0.21);
    slider->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QCOMPARE(m_scene->function(row).parameters[0], 0.31);
    QCOMPARE(spin->value(), 0.31);
    QCOMPARE(changed.count(), 3);
    QVERIFY(m_panel->errorText().isEmpty());
}

void TestParameterPanel::spinBoxChangesTheModelAndTheSlider()
{
    const int row = rowOf(QStringLiteral("softplus"));
    m_panel->setCurrentRow(row);
    auto *slider = child<QSlider>(QStringLiteral("betaSlider"));
    QSignalSpy changed(m_scene.get(), &QAbstractItemModel::dataChanged);
    typeInto(child<QDoubleSpinBox>(QStringLiteral("betaSpin")), QStringLiteral("5.05"));
    QCOMPARE(m_scene->function(row).parameters[0], 5.05);
    QCOMPARE(slider->value(), 500); // 0.1 … 10
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_scene->function(row).parameters[1], 20.0);
}

void TestParameterPanel::valueBeyondTheSliderIsAccepted()
{
    const int row = rowOf(QStringLiteral("celu"));
    m_panel->setCurrentRow(row);
    typeInto(child<QDoubleSpinBox>(QStringLiteral("alphaSpin")), QStringLiteral("250"));
    QCOMPARE(m_scene->function(row).parameters[0], 250.0);
    QCOMPARE(child<QSlider>(QStringLiteral("alphaSlider"))->value(), ParameterPanel::SliderSteps);
    typeInto(child<QDoubleSpinBox>(QStringLiteral("alphaSpin")), QStringLiteral("-999999"));
    QCOMPARE(m_scene->function(row).parameters[0], -999999.0);
    QCOMPARE(child<QSlider>(QStringLiteral("alphaSlider"))->value(), 0);
}

void TestParameterPanel::refusesValuesOutsideTheDomain_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::newRow("celu alpha 0") << "celu"
                                  << "alpha"
                                  << "0"
                                  << "alpha must be a finite number ≠ 0";
    QTest::newRow("softplus beta -1") << "softplus"
                                      << "beta"
                                      << "-1"
                                      << "beta must be a finite number > 0";
    QTest::newRow("hardtanh min ≥ max") << "hardtanh"
                                        << "min_val"
                                        << "2"
                                        << "min_val (2) must be less than max_val (1)";
    QTest::newRow("hardtanh max ≤ min") << "hardtanh"
                                        << "max_val"
                                        << "-1"
                                        << "min_val (-1) must be less than max_val (-1)";
    QTest::newRow("rrelu lower > upper") << "rrelu"
                                         << "lower"
                                         << "0.5"
                                         << "must not exceed upper";
}

void TestParameterPanel::refusesValuesOutsideTheDomain()
{
    QFETCH(QString, id);
    QFETCH(QString, parameter);
    QFETCH(QString, typed);
    QFETCH(QString, message);

    const int row = rowOf(id);
    m_panel->setCurrentRow(row);
    auto *spin = child<QDoubleSpinBox>(parameter + QStringLiteral("Spin"));
    auto *slider = child<QSlider>(parameter + QStringLiteral("Slider"));
    QVERIFY(spin);
    const ParameterValues before = m_scene->function(row).parameters;
    const double shown = spin->value();
    const int position = slider->value();

    QSignalSpy changed(m_scene.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy recomputed(m_scene.get(), &SceneModel::recomputed);
    typeInto(spin, typed);

    QCOMPARE(changed.count(), 0);
    QCOMPARE(recomputed.count(), 0);
    QVERIFY(m_scene->function(row).parameters == before);
    QVERIFY2(m_panel->errorText().contains(message), qPrintable(m_panel->errorText()));
    auto *label = child<QLabel>(QStringLiteral("parameterError"));
    QVERIFY(label->isVisible());
    QVERIFY(label->palette().color(QPalette::WindowText).red() > 150);
    // The editors show the scene's value again.
    QCOMPARE(spin->value(), shown);
    QCOMPARE(slider->value(), position);

    // The next accepted value clears the message.
    slider->triggerAction(QAbstractSlider::SliderSingleStepSub);
    QVERIFY(m_panel->errorText().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestParameterPanel::refusedSliderPositionSnapsBack()
{
    // hardtanh's sliders meet at 0: min_val 0 with max_val 0 is refused.
    const int row = rowOf(QStringLiteral("hardtanh"));
    m_panel->setCurrentRow(row);
    QVERIFY(m_scene->setParameter(row, QStringLiteral("max_val"), 0.0));
    auto *slider = child<QSlider>(QStringLiteral("min_valSlider"));
    slider->setValue(ParameterPanel::SliderSteps);
    QCOMPARE(m_scene->function(row).parameters[0], -1.0);
    QCOMPARE(slider->value(), 800); // −1 on −5 … 0
    QVERIFY(!m_panel->errorText().isEmpty());
}

void TestParameterPanel::choiceComboForGelu()
{
    const int row = rowOf(QStringLiteral("gelu"));
    m_panel->setCurrentRow(row);
    QVERIFY(m_panel->findChildren<QSlider *>().isEmpty());
    auto *combo = child<QComboBox>(QStringLiteral("approximateChoice"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->itemText(0), QStringLiteral("none"));
    QCOMPARE(combo->itemText(1), QStringLiteral("tanh"));
    QCOMPARE(combo->currentIndex(), 0);

    combo->setCurrentIndex(1);
    QCOMPARE(m_scene->function(row).parameters[0], 1.0);
    QCOMPARE(m_scene->function(row).label(), QStringLiteral("gelu (approximate tanh)"));

    QVERIFY(m_scene->resetParameters(row));
    QCOMPARE(combo->currentIndex(), 0);
}

void TestParameterPanel::followsTheModel()
{
    const int row = rowOf(QStringLiteral("leaky_relu"));
    m_panel->setCurrentRow(row);
    QVERIFY(m_scene->setParameter(row, QStringLiteral("negative_slope"), 0.75));
    QCOMPARE(child<QSlider>(QStringLiteral("negative_slopeSlider"))->value(), 750);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("negative_slopeSpin"))->value(), 0.75);
    // Another row's change leaves this one alone.
    QVERIFY(m_scene->setParameter(rowOf(QStringLiteral("celu")), QStringLiteral("alpha"), 2.0));
    QCOMPARE(child<QSlider>(QStringLiteral("negative_slopeSlider"))->value(), 750);
}

void TestParameterPanel::resetsToDefaults()
{
    const int row = rowOf(QStringLiteral("softplus"));
    m_panel->setCurrentRow(row);
    QVERIFY(m_scene->setParameters(row, { 3.0, 7.0 }));
    auto *reset = child<QPushButton>(QStringLiteral("parameterResetButton"));
    QVERIFY(reset->isEnabled());
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(m_scene->function(row).parameters[0], 1.0);
    QCOMPARE(m_scene->function(row).parameters[1], 20.0);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("thresholdSpin"))->value(), 20.0);
}

void TestParameterPanel::rebuildsOnlyWhenTheFunctionChanges()
{
    const int row = rowOf(QStringLiteral("leaky_relu"));
    m_panel->setCurrentRow(row);
    QPointer<QSlider> slider = child<QSlider>(QStringLiteral("negative_slopeSlider"));
    for (int position = 0; position <= 1000; position += 50)
        slider->setValue(position);
    QVERIFY(m_scene->resetParameters(row));
    QVERIFY(m_scene->setRange(-3, 3));
    QVERIFY(slider);
    QCOMPARE(child<QSlider>(QStringLiteral("negative_slopeSlider")), slider.data());

    m_panel->setCurrentRow(rowOf(QStringLiteral("softplus")));
    QVERIFY(!slider); // gone with its function
    QVERIFY(child<QSlider>(QStringLiteral("betaSlider")));
    QCOMPARE(m_panel->findChildren<QSlider *>().size(), 2);
}

void TestParameterPanel::followsItsFunctionWhenRowsMoveOrGo()
{
    const int row = rowOf(QStringLiteral("celu"));
    m_panel->setCurrentRow(row);
    QVERIFY(m_scene->moveRows({}, row, 1, {}, 0));
    QCOMPARE(m_panel->currentRow(), 0);
    QVERIFY(child<QSlider>(QStringLiteral("alphaSlider")));
    child<QSlider>(QStringLiteral("alphaSlider"))->setValue(1000);
    QCOMPARE(m_scene->function(0).parameters[0], 3.0);

    QVERIFY(m_scene->removeRows(0, 1));
    QCOMPARE(m_panel->currentRow(), -1);
    QCOMPARE(child<QLabel>(QStringLiteral("parameterNote"))->text(),
             QStringLiteral("No function selected."));

    m_panel->setCurrentRow(rowOf(QStringLiteral("hardtanh")));
    m_scene.reset();
    QCOMPARE(m_panel->currentRow(), -1);
    QVERIFY(m_panel->findChildren<QSlider *>().isEmpty());
}

void TestParameterPanel::labelsExplainTheDomain()
{
    m_panel->setCurrentRow(rowOf(QStringLiteral("softplus")));
    auto *label = child<QLabel>(QStringLiteral("betaLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("beta"));
    QVERIFY(label->toolTip().contains(QLatin1String("sharpness")));
    QVERIFY(label->toolTip().contains(QLatin1String("> 0")));
    const QList<QWidget *> editors = m_panel->findChildren<QWidget *>();
    for (QWidget *w : editors) {
        if (qobject_cast<QSlider *>(w) || qobject_cast<QDoubleSpinBox *>(w)
            || qobject_cast<QPushButton *>(w)) {
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }
}

void TestParameterPanel::unfinishedEditDiesWithThePanel()
{
    const int row = rowOf(QStringLiteral("leaky_relu"));
    m_panel->setCurrentRow(row);
    auto *spin = child<QDoubleSpinBox>(QStringLiteral("negative_slopeSpin"));
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("0.5"));
    // The focus-out while the panel is destroyed must not reach a half-destroyed panel.
    m_panel.reset();
    QCOMPARE(m_scene->function(row).parameters[0], 0.01);
}

void TestParameterPanel::sliderDragIsOneInteraction()
{
    // A slider held from press to release is one interaction (the window makes it one undo
    // step); steps, typed values, choices and the reset button are single changes.
    const int row = rowOf(QStringLiteral("leaky_relu"));
    m_panel->setCurrentRow(row);
    QSignalSpy started(m_panel.get(), &ParameterPanel::interactionStarted);
    QSignalSpy finished(m_panel.get(), &ParameterPanel::interactionFinished);
    auto *slider = child<QSlider>(QStringLiteral("negative_slopeSlider"));
    QVERIFY(slider);
    const QPoint handle = sliderHandleRect(slider).center();
    QTest::mousePress(slider, Qt::LeftButton, {}, handle);
    QVERIFY(slider->isSliderDown());
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 0);
    for (int dx : { 10, 20, 30 })
        QTest::mouseMove(slider, handle + QPoint(dx, 0));
    QVERIFY(m_scene->function(row).parameters[0] > 0.01); // the drag moved the slope
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle + QPoint(30, 0));
    QVERIFY(!slider->isSliderDown());
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);

    // The sliders built for another function report theirs too.
    m_panel->setCurrentRow(rowOf(QStringLiteral("hardtanh")));
    for (const char *name : { "min_valSlider", "max_valSlider" }) {
        started.clear();
        finished.clear();
        auto *s = child<QSlider>(QLatin1String(name));
        QVERIFY(s);
        s->setSliderDown(true);
        s->setSliderPosition(s->sliderPosition() + (s->sliderPosition() > 0 ? -10 : 10));
        QCOMPARE(started.count(), 1);
        QCOMPARE(finished.count(), 0);
        s->setSliderDown(false);
        QVERIFY2(started.count() == 1 && finished.count() == 1, name);
    }

    started.clear();
    finished.clear();
    child<QSlider>(QStringLiteral("max_valSlider"))
            ->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    typeInto(child<QDoubleSpinBox>(QStringLiteral("max_valSpin")), QStringLiteral("2"));
    child<QPushButton>(QStringLiteral("parameterResetButton"))->click();
    m_panel->setCurrentRow(rowOf(QStringLiteral("gelu")));
    auto *choice = m_panel->findChild<QComboBox *>();
    QVERIFY(choice);
    choice->setCurrentIndex(1 - choice->currentIndex());
    QCOMPARE(started.count(), 0);
    QCOMPARE(finished.count(), 0);

    // A slider taken away while held (another function shown) still ends its interaction:
    // else every later edit of the same kind would join its undo step.
    m_panel->setCurrentRow(row);
    slider = child<QSlider>(QStringLiteral("negative_slopeSlider"));
    slider->setSliderDown(true);
    QCOMPARE(started.count(), 1);
    m_panel->setCurrentRow(rowOf(QStringLiteral("celu")));
    QCOMPARE(finished.count(), 1);
}

QTEST_MAIN(TestParameterPanel)
void TestParameterPanel::compactNarrowsEveryEditor()
{
    // Presentation mode's strip: narrower sliders and spin boxes, also for editors built later.
    m_panel->setCurrentRow(rowOf(QStringLiteral("leaky_relu")));
    auto *spin = child<NumberSpinBox>(QStringLiteral("negative_slopeSpin"));
    auto *slider = child<QSlider>(QStringLiteral("negative_slopeSlider"));
    QVERIFY(spin && slider);
    const int wide = spin->sizeHint().width();
    m_panel->setCompact(true);
    QVERIFY(m_panel->isCompact());
    QVERIFY(spin->isCompact());
    QVERIFY(spin->sizeHint().width() < wide);
    QCOMPARE(slider->minimumWidth(), 60);
    m_panel->setCurrentRow(rowOf(QStringLiteral("celu")));
    auto *alpha = child<NumberSpinBox>(QStringLiteral("alphaSpin"));
    QVERIFY(alpha && alpha->isCompact());
    QCOMPARE(child<QSlider>(QStringLiteral("alphaSlider"))->minimumWidth(), 60);
    m_panel->setCompact(false);
    QVERIFY(!alpha->isCompact());
    QCOMPARE(child<QSlider>(QStringLiteral("alphaSlider"))->minimumWidth(), 120);
}

#include "tst_parameterpanel.moc"
