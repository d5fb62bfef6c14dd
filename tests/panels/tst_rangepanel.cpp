// The range panel: x sliders and spin boxes both ways, refusal of min ≥ max, the log-scale ε
// slider and its text field, and fixing a chart's y range.

#include "numberspinbox.h"
#include "paintcounter.h"
#include "rangepanel.h"
#include "scenemodel.h"
#include "sliderhandle.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <cmath>
#include <memory>

class TestRangePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void epsilonMapping_data();
    void epsilonMapping();
    void epsilonMappingIsMonotonicAndRoundTrips();
    void showsTheModel();
    void sliderChangesTheRange();
    void spinBoxChangesTheRange();
    void modelRangeChangeMovesTheSliders();
    void refusesMinNotBelowMax_data();
    void refusesMinNotBelowMax();
    void epsilonSliderChangesTheModel();
    void epsilonTextAcceptsScientificNotation();
    void epsilonFollowsTheModel();
    void fixedYRange();
    void secondDerivativeRowFollowsMaxOrder();
    void widgetsHaveTooltipsAndNames();
    void unfinishedEditDiesWithThePanel();
    void unchangedBoxesDoNotRepaint();
    void compactPutsTheControlsInARow();
    void sliderDragIsOneInteraction();

private:
    template<typename T> T *child(const QString &name) const
    {
        T *w = m_panel->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    static void typeInto(QWidget *editor, const QString &text);

    std::unique_ptr<SceneModel> m_scene;
    std::unique_ptr<RangePanel> m_panel;
};

void TestRangePanel::initTestCase()
{
    // Numbers in the widgets follow the default locale; the expected texts are C's.
    QLocale::setDefault(QLocale::c());
}

void TestRangePanel::init()
{
    m_scene = std::make_unique<SceneModel>();
    for (const char *id : { "step", "sigmoid", "tanh", "relu" })
        QVERIFY(m_scene->addFunction(QString::fromLatin1(id)));
    m_panel = std::make_unique<RangePanel>();
    m_panel->setScene(m_scene.get());
    m_panel->resize(420, 360);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestRangePanel::cleanup()
{
    m_panel.reset();
    m_scene.reset();
}

void TestRangePanel::typeInto(QWidget *editor, const QString &text)
{
    QVERIFY(editor);
    editor->setFocus();
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(editor))
        spin->selectAll();
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

void TestRangePanel::epsilonMapping_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<double>("epsilon");
    QTest::newRow("left end") << 0 << 1e-6;
    QTest::newRow("right end") << 1000 << 0.25;
    // The geometric mean of 1e-6 and 0.25 sits in the middle of a log scale.
    QTest::newRow("middle") << 500 << 5e-4;
}

void TestRangePanel::epsilonMapping()
{
    QFETCH(int, position);
    QFETCH(double, epsilon);
    QCOMPARE(RangePanel::epsilonAt(position), epsilon);
    QCOMPARE(RangePanel::epsilonPosition(epsilon), position);
}

void TestRangePanel::epsilonMappingIsMonotonicAndRoundTrips()
{
    for (int i = 0; i <= RangePanel::EpsilonSteps; ++i) {
        const double e = RangePanel::epsilonAt(i);
        QVERIFY(e >= RangePanel::EpsilonMin && e <= RangePanel::EpsilonMax);
        if (i > 0)
            QVERIFY2(e > RangePanel::epsilonAt(i - 1), qPrintable(QString::number(i)));
        QCOMPARE(RangePanel::epsilonPosition(e), i);
    }
    // The default ε lands on a tick that reads within 1.5 % of it.
    const int p = RangePanel::epsilonPosition(0.01);
    QVERIFY(std::fabs(RangePanel::epsilonAt(p) / 0.01 - 1) < 0.015);
    QCOMPARE(RangePanel::epsilonPosition(1e-9), 0);
    QCOMPARE(RangePanel::epsilonPosition(3.0), RangePanel::EpsilonSteps);
}

void TestRangePanel::showsTheModel()
{
    QCOMPARE(child<QSlider>(QStringLiteral("xMinSlider"))->value(), -60);
    QCOMPARE(child<QSlider>(QStringLiteral("xMaxSlider"))->value(), 60);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMinSpin"))->value(), -6.0);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin"))->value(), 6.0);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin"))->text(), QStringLiteral("6"));
    QCOMPARE(child<QSlider>(QStringLiteral("epsilonSlider"))->value(),
             RangePanel::epsilonPosition(0.01));
    QCOMPARE(child<QLineEdit>(QStringLiteral("epsilonEdit"))->text(), QStringLiteral("0.01"));
    QVERIFY(child<QCheckBox>(QStringLiteral("yAutomatic0"))->isChecked());
    QVERIFY(child<QCheckBox>(QStringLiteral("yAutomatic1"))->isChecked());
}

void TestRangePanel::sliderChangesTheRange()
{
    QSignalSpy range(m_scene.get(), &SceneModel::rangeChanged);
    QSignalSpy recomputed(m_scene.get(), &SceneModel::recomputed);
    child<QSlider>(QStringLiteral("xMinSlider"))->setValue(-35);
    QCOMPARE(m_scene->xMin(), -3.5);
    QCOMPARE(m_scene->xMax(), 6.0);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMinSpin"))->value(), -3.5);
    QCOMPARE(range.count(), 1);
    QCOMPARE(recomputed.count(), 1);

    child<QSlider>(QStringLiteral("xMaxSlider"))
        ->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(m_scene->xMax(), 6.1);
    child<QSlider>(QStringLiteral("xMaxSlider"))->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QCOMPARE(m_scene->xMax(), 7.1);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin"))->value(), 7.1);
    QCOMPARE(range.count(), 3);
    QVERIFY(m_panel->errorText().isEmpty());
}

void TestRangePanel::spinBoxChangesTheRange()
{
    typeInto(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin")), QStringLiteral("250"));
    QCOMPARE(m_scene->xMax(), 250.0);
    QCOMPARE(child<QSlider>(QStringLiteral("xMaxSlider"))->value(), 1000); // clamped
    typeInto(child<QDoubleSpinBox>(QStringLiteral("xMinSpin")), QStringLiteral("-0.125"));
    QCOMPARE(m_scene->xMin(), -0.125);
    QCOMPARE(child<QSlider>(QStringLiteral("xMinSlider"))->value(), -1);
}

void TestRangePanel::modelRangeChangeMovesTheSliders()
{
    // As a zoom or pan on a chart does it.
    QSignalSpy range(m_scene.get(), &SceneModel::rangeChanged);
    QVERIFY(m_scene->setRange(-2.5, 4.25));
    QCOMPARE(range.count(), 1); // no echo back into the scene
    QCOMPARE(child<QSlider>(QStringLiteral("xMinSlider"))->value(), -25);
    QCOMPARE(child<QSlider>(QStringLiteral("xMaxSlider"))->value(), 43);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMinSpin"))->value(), -2.5);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin"))->value(), 4.25);
    QCOMPARE(m_scene->xMax(), 4.25);
}

void TestRangePanel::refusesMinNotBelowMax_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("typed");
    QTest::newRow("min slider past max") << "xMinSlider"
                                         << "";
    QTest::newRow("min typed above max") << "xMinSpin"
                                         << "7";
    QTest::newRow("max typed equal to min") << "xMaxSpin"
                                            << "-6";
}

void TestRangePanel::refusesMinNotBelowMax()
{
    QFETCH(QString, editor);
    QFETCH(QString, typed);
    QSignalSpy recomputed(m_scene.get(), &SceneModel::recomputed);
    if (typed.isEmpty())
        child<QSlider>(editor)->setValue(80);
    else
        typeInto(child<QWidget>(editor), typed);
    QCOMPARE(recomputed.count(), 0);
    QCOMPARE(m_scene->xMin(), -6.0);
    QCOMPARE(m_scene->xMax(), 6.0);
    QVERIFY2(m_panel->errorText().contains(QLatin1String("must be less than max")),
             qPrintable(m_panel->errorText()));
    QVERIFY(child<QLabel>(QStringLiteral("rangeError"))->isVisible());
    // Every editor shows the scene's range again.
    QCOMPARE(child<QSlider>(QStringLiteral("xMinSlider"))->value(), -60);
    QCOMPARE(child<QSlider>(QStringLiteral("xMaxSlider"))->value(), 60);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMinSpin"))->value(), -6.0);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin"))->value(), 6.0);

    child<QSlider>(QStringLiteral("xMinSlider"))->setValue(-50);
    QVERIFY(m_panel->errorText().isEmpty());
    QVERIFY(!child<QLabel>(QStringLiteral("rangeError"))->isVisible());
}

void TestRangePanel::epsilonSliderChangesTheModel()
{
    auto *slider = child<QSlider>(QStringLiteral("epsilonSlider"));
    auto *edit = child<QLineEdit>(QStringLiteral("epsilonEdit"));
    QSignalSpy epsilon(m_scene.get(), &SceneModel::epsilonChanged);
    slider->setValue(0);
    QCOMPARE(m_scene->epsilon(), 1e-6);
    QCOMPARE(edit->text(), QStringLiteral("1e-06"));
    slider->setValue(RangePanel::EpsilonSteps);
    QCOMPARE(m_scene->epsilon(), 0.25);
    QCOMPARE(edit->text(), QStringLiteral("0.25"));
    slider->setValue(500);
    QCOMPARE(m_scene->epsilon(), 5e-4);
    slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(m_scene->epsilon(), RangePanel::epsilonAt(510));
    QCOMPARE(epsilon.count(), 4);
}

void TestRangePanel::epsilonTextAcceptsScientificNotation()
{
    auto *slider = child<QSlider>(QStringLiteral("epsilonSlider"));
    typeInto(child<QLineEdit>(QStringLiteral("epsilonEdit")), QStringLiteral("1e-4"));
    QCOMPARE(m_scene->epsilon(), 1e-4);
    QCOMPARE(slider->value(), RangePanel::epsilonPosition(1e-4));
    typeInto(child<QLineEdit>(QStringLiteral("epsilonEdit")), QStringLiteral("0.002"));
    QCOMPARE(m_scene->epsilon(), 0.002);

    // 0 passes the field's validator but not the scene.
    QSignalSpy epsilon(m_scene.get(), &SceneModel::epsilonChanged);
    typeInto(child<QLineEdit>(QStringLiteral("epsilonEdit")), QStringLiteral("0"));
    QCOMPARE(epsilon.count(), 0);
    QCOMPARE(m_scene->epsilon(), 0.002);
    QVERIFY2(m_panel->errorText().contains(QLatin1String("epsilon must be")),
             qPrintable(m_panel->errorText()));
    QCOMPARE(child<QLineEdit>(QStringLiteral("epsilonEdit"))->text(), QStringLiteral("0.002"));
}

void TestRangePanel::epsilonFollowsTheModel()
{
    QVERIFY(m_scene->setEpsilon(0.05));
    QCOMPARE(child<QSlider>(QStringLiteral("epsilonSlider"))->value(),
             RangePanel::epsilonPosition(0.05));
    QCOMPARE(child<QLineEdit>(QStringLiteral("epsilonEdit"))->text(), QStringLiteral("0.05"));
}

void TestRangePanel::fixedYRange()
{
    auto *automatic = child<QCheckBox>(QStringLiteral("yAutomatic1"));
    auto *yMin = child<QDoubleSpinBox>(QStringLiteral("yMinSpin1"));
    auto *yMax = child<QDoubleSpinBox>(QStringLiteral("yMaxSpin1"));
    const Interval automaticRange = m_scene->yRange(1);
    QVERIFY(!yMin->isEnabled());
    QCOMPARE(yMin->value(), automaticRange.from);
    QCOMPARE(yMax->value(), automaticRange.to);

    // Unchecking freezes what is shown now.
    QTest::mouseClick(automatic, Qt::LeftButton, {}, QPoint(8, automatic->height() / 2));
    QVERIFY(!automatic->isChecked());
    QVERIFY(m_scene->fixedYRange(1).has_value());
    QCOMPARE(*m_scene->fixedYRange(1), automaticRange);
    QVERIFY(yMin->isEnabled());
    QVERIFY(!m_scene->fixedYRange(0).has_value());

    // A frozen range ignores the curves; an automatic one follows them.
    const Interval fBefore = m_scene->yRange(0);
    QVERIFY(m_scene->setRange(-1, 1));
    QCOMPARE(m_scene->yRange(1), automaticRange);
    QVERIFY(!(m_scene->yRange(0) == fBefore));

    typeInto(yMax, QStringLiteral("2"));
    QCOMPARE(m_scene->fixedYRange(1)->to, 2.0);
    QCOMPARE(m_scene->fixedYRange(1)->from, automaticRange.from);
    typeInto(yMin, QStringLiteral("-0.5"));
    QCOMPARE(m_scene->yRange(1).from, -0.5);

    // min ≥ max is refused and the spin box shows the scene's value again.
    typeInto(yMin, QStringLiteral("3"));
    QCOMPARE(m_scene->fixedYRange(1)->from, -0.5);
    QCOMPARE(yMin->value(), -0.5);
    QVERIFY2(m_panel->errorText().contains(QLatin1String("y range")),
             qPrintable(m_panel->errorText()));

    automatic->setChecked(true);
    QVERIFY(!m_scene->fixedYRange(1).has_value());
    QVERIFY(!yMin->isEnabled());
    QCOMPARE(yMin->value(), m_scene->yRange(1).from);
    QVERIFY(m_panel->errorText().isEmpty());

    // A range fixed elsewhere shows here too.
    QVERIFY(m_scene->setFixedYRange(0, Interval { -3, 3 }));
    QVERIFY(!child<QCheckBox>(QStringLiteral("yAutomatic0"))->isChecked());
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("yMaxSpin0"))->value(), 3.0);
}

void TestRangePanel::secondDerivativeRowFollowsMaxOrder()
{
    auto *automatic = child<QCheckBox>(QStringLiteral("yAutomatic2"));
    QVERIFY(automatic->isHidden());
    QVERIFY(m_scene->setMaxOrder(2));
    QVERIFY(!automatic->isHidden());
    automatic->setChecked(false);
    QVERIFY(m_scene->fixedYRange(2).has_value());
}

void TestRangePanel::widgetsHaveTooltipsAndNames()
{
    const QList<QWidget *> widgets = m_panel->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!qobject_cast<QSlider *>(w) && !qobject_cast<QAbstractSpinBox *>(w)
            && !qobject_cast<QLineEdit *>(w) && !qobject_cast<QCheckBox *>(w))
            continue;
        if (w->parent() && qobject_cast<QAbstractSpinBox *>(w->parent()))
            continue; // a spin box's own line edit
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestRangePanel::unfinishedEditDiesWithThePanel()
{
    auto *edit = child<QLineEdit>(QStringLiteral("epsilonEdit"));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("0.2"));
    // The focus-out while the panel is destroyed must not reach a half-destroyed panel.
    m_panel.reset();
    QCOMPARE(m_scene->epsilon(), 0.01);
}

void TestRangePanel::unchangedBoxesDoNotRepaint()
{
    // A slider step moves x min: x max's box shows the same number and must not repaint (a
    // spin box repaints on every setValue(), and its group box with it: a dozen paints a step).
    PaintCounter counter;
    auto *xMax = child<QDoubleSpinBox>(QStringLiteral("xMaxSpin"));
    counter.watch(xMax, true);
    QCoreApplication::processEvents();
    counter.paints = 0;
    for (double x : { -5.0, -4.0, -3.5 }) {
        QVERIFY(m_scene->setRange(x, m_scene->xMax()));
        QCoreApplication::processEvents();
    }
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("xMinSpin"))->value(), -3.5);
    QCOMPARE(counter.paints, 0);
}

void TestRangePanel::compactPutsTheControlsInARow()
{
    // Compact (presentation mode's strip): the x range and ε side by side, no y ranges; x max
    // stays under x min, and the spin boxes are narrow, so the strip fits 1024 pixels.
    const int tall = m_panel->sizeHint().height();
    auto *xMin = child<NumberSpinBox>(QStringLiteral("xMinSpin"));
    auto *xMax = child<NumberSpinBox>(QStringLiteral("xMaxSpin"));
    auto *epsilon = child<QLineEdit>(QStringLiteral("epsilonEdit"));
    const int wideSpin = xMin->sizeHint().width();
    m_panel->setCompact(true);
    QVERIFY(m_panel->isCompact());
    QVERIFY(m_panel->sizeHint().height() < tall / 2);
    QVERIFY(xMin->isCompact() && xMax->isCompact());
    QVERIFY(xMin->sizeHint().width() < wideSpin);
    // Still room for "-100.000".
    QVERIFY(xMin->sizeHint().width() > xMin->fontMetrics().horizontalAdvance(QStringLiteral("-100.000")));
    QTRY_VERIFY(epsilon->mapTo(m_panel.get(), QPoint()).x() > xMax->mapTo(m_panel.get(), QPoint()).x());
    QVERIFY(xMax->mapTo(m_panel.get(), QPoint()).y() > xMin->mapTo(m_panel.get(), QPoint()).y());
    QVERIFY(!child<QCheckBox>(QStringLiteral("yAutomatic0"))->isVisible());
    m_panel->setCompact(false);
    QVERIFY(!xMin->isCompact());
    QTRY_VERIFY(epsilon->mapTo(m_panel.get(), QPoint()).y() > xMax->mapTo(m_panel.get(), QPoint()).y());
}

void TestRangePanel::sliderDragIsOneInteraction()
{
    // A slider held from press to release is one interaction (the window makes it one undo
    // step); steps, clicks and typed values are single changes and start none.
    QSignalSpy started(m_panel.get(), &RangePanel::interactionStarted);
    QSignalSpy finished(m_panel.get(), &RangePanel::interactionFinished);
    auto *slider = child<QSlider>(QStringLiteral("xMinSlider"));
    QVERIFY(slider);
    const QPoint handle = sliderHandleRect(slider).center();
    QTest::mousePress(slider, Qt::LeftButton, {}, handle);
    QVERIFY(slider->isSliderDown());
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 0);
    for (int dx : { 10, 20, 30 })
        QTest::mouseMove(slider, handle + QPoint(dx, 0));
    QVERIFY(m_scene->xMin() > -6.0); // the drag moved x min
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 0);
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle + QPoint(30, 0));
    QVERIFY(!slider->isSliderDown());
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);

    // Every slider of the panel, x max and ε too; in the compact layout as well.
    m_panel->setCompact(true);
    for (const char *name : { "xMinSlider", "xMaxSlider", "epsilonSlider" }) {
        started.clear();
        finished.clear();
        auto *s = child<QSlider>(QLatin1String(name));
        QVERIFY(s);
        s->setSliderDown(true);
        s->setSliderPosition(s->sliderPosition() + 10);
        QCOMPARE(started.count(), 1);
        QCOMPARE(finished.count(), 0);
        s->setSliderDown(false);
        QVERIFY2(started.count() == 1 && finished.count() == 1, name);
    }

    started.clear();
    finished.clear();
    slider->triggerAction(QAbstractSlider::SliderPageStepAdd);
    child<QSlider>(QStringLiteral("epsilonSlider"))->setValue(200);
    typeInto(child<QDoubleSpinBox>(QStringLiteral("xMaxSpin")), QStringLiteral("9"));
    typeInto(child<QLineEdit>(QStringLiteral("epsilonEdit")), QStringLiteral("0.02"));
    QCOMPARE(m_scene->xMax(), 9.0);
    QCOMPARE(m_scene->epsilon(), 0.02);
    QCOMPARE(started.count(), 0);
    QCOMPARE(finished.count(), 0);
}

QTEST_MAIN(TestRangePanel)
#include "tst_rangepanel.moc"
