// SliderPlayer: a slider's play button sweeps it once, in a loop or back and forth, at its
// speed, stops at any edit by the user, and plays together with others.

#include "parameterpanel.h"
#include "rangepanel.h"
#include "scenemodel.h"
#include "sliderplayer.h"

#include <QAccessible>
#include <QMenu>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

class TestSliderPlayer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void onceSweepsToTheEndAndStops();
    void loopWrapsAround();
    void backAndForthTurnsAtTheEnds();
    void speedScalesTheSweep();
    void startsOverOrTurnsBackAtTheEnd();
    void userEditsStopIt_data();
    void userEditsStopIt();
    void tabbingPastDoesNotStopIt();
    void buttonAndMenuControlIt();
    void realTimerReachesTheEnd();
    void severalPlayTogether();
    void stopAllStopsOnlyThatWindow();
    void hiddenItStops();
    void describedForScreenReaders();

    void parameterPanelPlaysIntoTheScene();
    void rangePanelPlaysEpsilonAndKeepsXMinBelowXMax();
    void oneSceneRecomputesOncePerTick();

private:
    QWidget *m_window = nullptr;
    QSlider *m_slider = nullptr;
    SliderPlayer *m_player = nullptr;
};

void TestSliderPlayer::init()
{
    m_window = new QWidget;
    m_slider = new QSlider(Qt::Horizontal, m_window);
    m_slider->setObjectName(QStringLiteral("testSlider"));
    m_slider->setRange(0, 1000);
    m_player = new SliderPlayer(m_slider, QStringLiteral("w"), m_window);
    m_window->show();
}

void TestSliderPlayer::cleanup()
{
    delete m_window;
    m_window = nullptr;
    QCOMPARE(SliderPlayer::playingCount(), 0);
}

void TestSliderPlayer::onceSweepsToTheEndAndStops()
{
    QSignalSpy playing(m_player, &SliderPlayer::playingChanged);
    QSignalSpy moved(m_slider, &QSlider::valueChanged);
    m_player->setMode(SliderPlayer::Mode::Once);
    m_slider->setValue(200);
    moved.clear();
    m_player->play();
    QVERIFY(m_player->isPlaying());
    QVERIFY(m_player->isChecked());
    QCOMPARE(playing.count(), 1);
    QCOMPARE(playing.at(0).at(0).toBool(), true);
    // 1000 positions in SweepMilliseconds at speed 1: a tenth of the time is 100 positions.
    m_player->advance(SliderPlayer::SweepMilliseconds / 10.0);
    QCOMPARE(m_slider->value(), 300);
    QVERIFY(moved.count() >= 1);
    m_player->advance(SliderPlayer::SweepMilliseconds);
    QCOMPARE(m_slider->value(), 1000);
    QVERIFY(!m_player->isPlaying());
    QVERIFY(!m_player->isChecked());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    // Stopped, the clock no longer moves it.
    m_player->advance(1000);
    QCOMPARE(m_slider->value(), 1000);
}

void TestSliderPlayer::loopWrapsAround()
{
    m_player->setMode(SliderPlayer::Mode::Loop);
    m_slider->setValue(900);
    m_player->play();
    m_player->advance(SliderPlayer::SweepMilliseconds / 5.0); // 200 positions: 100 past the end
    QCOMPARE(m_slider->value(), 100);
    QVERIFY(m_player->isPlaying());
    m_player->advance(SliderPlayer::SweepMilliseconds / 2.0);
    QCOMPARE(m_slider->value(), 600);
    m_player->stop();
    QVERIFY(!m_player->isPlaying());
}

void TestSliderPlayer::backAndForthTurnsAtTheEnds()
{
    m_player->setMode(SliderPlayer::Mode::BackAndForth);
    m_slider->setValue(900);
    m_player->play();
    m_player->advance(SliderPlayer::SweepMilliseconds / 5.0); // up 100, back 100
    QCOMPARE(m_slider->value(), 900);
    m_player->advance(SliderPlayer::SweepMilliseconds / 2.0); // on down
    QCOMPARE(m_slider->value(), 400);
    m_player->advance(SliderPlayer::SweepMilliseconds / 2.0); // to 0 and back up 100
    QCOMPARE(m_slider->value(), 100);
    QVERIFY(m_player->isPlaying());
}

void TestSliderPlayer::speedScalesTheSweep()
{
    QCOMPARE(SliderPlayer::speeds().first(), 0.25);
    QCOMPARE(SliderPlayer::speeds().last(), 4.0);
    m_player->setMode(SliderPlayer::Mode::Once);
    m_player->setSpeed(2.0);
    QCOMPARE(m_player->speed(), 2.0);
    m_player->setSpeed(3.0); // not offered: ignored
    QCOMPARE(m_player->speed(), 2.0);
    m_player->play();
    m_player->advance(SliderPlayer::SweepMilliseconds / 10.0);
    QCOMPARE(m_slider->value(), 200);
    m_player->setSpeed(0.25);
    m_player->advance(SliderPlayer::SweepMilliseconds / 10.0);
    QCOMPARE(m_slider->value(), 225);
}

void TestSliderPlayer::startsOverOrTurnsBackAtTheEnd()
{
    m_slider->setValue(1000);
    m_player->setMode(SliderPlayer::Mode::Once);
    m_player->play();
    QCOMPARE(m_slider->value(), 0); // a run from the start, not a run of nothing
    m_player->stop();

    m_slider->setValue(1000);
    m_player->setMode(SliderPlayer::Mode::BackAndForth);
    m_player->play();
    QCOMPARE(m_slider->value(), 1000);
    m_player->advance(SliderPlayer::SweepMilliseconds / 10.0);
    QCOMPARE(m_slider->value(), 900);
}

void TestSliderPlayer::userEditsStopIt_data()
{
    QTest::addColumn<QString>("edit");
    QTest::newRow("typed value") << "value";
    QTest::newRow("mouse press") << "mouse";
    QTest::newRow("arrow key") << "key";
    QTest::newRow("wheel") << "wheel";
    QTest::newRow("button pressed again") << "button";
}

void TestSliderPlayer::userEditsStopIt()
{
    QFETCH(QString, edit);
    m_player->setMode(SliderPlayer::Mode::Loop);
    m_player->play();
    m_player->advance(SliderPlayer::SweepMilliseconds / 10.0);
    QVERIFY(m_player->isPlaying());
    int expected = -1;
    if (edit == "value") {
        // What a spin box or undo does: the slider shows a value the player did not set.
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(700);
        expected = 700;
    } else if (edit == "mouse") {
        QTest::mousePress(m_slider, Qt::LeftButton);
        QTest::mouseRelease(m_slider, Qt::LeftButton);
    } else if (edit == "key") {
        QTest::keyClick(m_slider, Qt::Key_Right);
    } else if (edit == "wheel") {
        QWheelEvent wheel(QPointF(5, 5), m_slider->mapToGlobal(QPointF(5, 5)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_slider, &wheel);
    } else {
        m_player->click();
    }
    m_player->advance(SliderPlayer::SweepMilliseconds / 10.0);
    QVERIFY(!m_player->isPlaying());
    if (expected >= 0)
        QCOMPARE(m_slider->value(), expected); // the user's value wins
}

void TestSliderPlayer::tabbingPastDoesNotStopIt()
{
    m_player->play();
    QTest::keyClick(m_slider, Qt::Key_Tab);
    QTest::keyClick(m_slider, Qt::Key_Shift);
    QVERIFY(m_player->isPlaying());
    m_player->stop();
}

void TestSliderPlayer::buttonAndMenuControlIt()
{
    QVERIFY(m_player->isCheckable());
    QCOMPARE(m_player->popupMode(), QToolButton::MenuButtonPopup);
    m_player->click();
    QVERIFY(m_player->isPlaying());
    QVERIFY(m_player->toolTip().startsWith(QStringLiteral("Stop playing w")));
    m_player->click();
    QVERIFY(!m_player->isPlaying());
    QVERIFY(m_player->toolTip().startsWith(QStringLiteral("Play w")));

    // The menu: three modes, then five speeds, each a checkable choice.
    QMenu *menu = m_player->menu();
    QVERIFY(menu);
    QList<QAction *> actions;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            actions << a;
    }
    QCOMPARE(actions.size(), 3 + int(SliderPlayer::speeds().size()));
    actions[0]->trigger();
    QCOMPARE(m_player->mode(), SliderPlayer::Mode::Once);
    actions[1]->trigger();
    QCOMPARE(m_player->mode(), SliderPlayer::Mode::Loop);
    QVERIFY(actions[1]->isChecked() && !actions[0]->isChecked());
    actions.last()->trigger();
    QCOMPARE(m_player->speed(), 4.0);
    QVERIFY(m_player->toolTip().contains(QStringLiteral("4×")));
}

void TestSliderPlayer::realTimerReachesTheEnd()
{
    // Driven by the shared clock's timer, a run reaches its end value and stops by itself.
    m_player->setMode(SliderPlayer::Mode::Once);
    m_player->setSpeed(4.0);
    QSignalSpy playing(m_player, &SliderPlayer::playingChanged);
    m_player->play();
    QCOMPARE(SliderPlayer::playingCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_player->isPlaying(), 30000);
    QCOMPARE(m_slider->value(), m_slider->maximum());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(SliderPlayer::playingCount(), 0);
}

void TestSliderPlayer::severalPlayTogether()
{
    auto *other = new QSlider(Qt::Horizontal, m_window);
    other->setRange(-50, 50);
    auto *second = new SliderPlayer(other, QStringLiteral("b"), m_window);
    m_player->setMode(SliderPlayer::Mode::Once);
    second->setMode(SliderPlayer::Mode::Once);
    other->setValue(-50);
    m_player->play();
    second->play();
    QCOMPARE(SliderPlayer::playingCount(), 2);
    // Each sweeps its own slider, both on the same clock.
    QTRY_VERIFY_WITH_TIMEOUT(SliderPlayer::playingCount() == 0, 30000);
    QCOMPARE(m_slider->value(), 1000);
    QCOMPARE(other->value(), 50);
}

void TestSliderPlayer::stopAllStopsOnlyThatWindow()
{
    QWidget elsewhere;
    auto *slider = new QSlider(&elsewhere);
    auto *player = new SliderPlayer(slider, QStringLiteral("z"), &elsewhere);
    m_player->play();
    player->play();
    SliderPlayer::stopAll(m_window);
    QVERIFY(!m_player->isPlaying());
    QVERIFY(player->isPlaying());
    SliderPlayer::stopAll();
    QVERIFY(!player->isPlaying());
}

void TestSliderPlayer::hiddenItStops()
{
    m_player->play();
    m_player->hide();
    QVERIFY(!m_player->isPlaying());
    m_player->show();
    m_player->play();
    delete m_slider; // its slider gone, it stops rather than step a dangling pointer
    m_slider = nullptr;
    QVERIFY(!m_player->isPlaying());
    m_player->advance(100);
}

void TestSliderPlayer::describedForScreenReaders()
{
    QCOMPARE(m_player->accessibleName(), QStringLiteral("Play w"));
    QVERIFY(m_player->accessibleDescription().contains(QStringLiteral("back and forth")));
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(m_player);
    QVERIFY(iface);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Play w"));
    QVERIFY(!iface->text(QAccessible::Description).isEmpty());
    QVERIFY(iface->state().checkable);
    QVERIFY(!iface->state().checked);
    m_player->play();
    QVERIFY(iface->state().checked); // a screen reader hears it is playing
    m_player->stop();
    QCOMPARE(m_player->objectName(), QStringLiteral("testSliderPlayer"));
}

void TestSliderPlayer::parameterPanelPlaysIntoTheScene()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("leaky_relu")));
    ParameterPanel panel;
    panel.setScene(&scene);
    panel.setCurrentRow(0);
    SliderPlayer *player = panel.player(QStringLiteral("negative_slope"));
    QVERIFY(player);
    QCOMPARE(player->accessibleName(), QStringLiteral("Play negative_slope"));
    QSignalSpy started(&panel, &ParameterPanel::playbackStarted);
    QSignalSpy finished(&panel, &ParameterPanel::playbackFinished);
    QSignalSpy changed(&scene, &SceneModel::dataChanged);
    player->setMode(SliderPlayer::Mode::Once);
    player->play();
    player->advance(SliderPlayer::SweepMilliseconds / 2.0);
    QVERIFY(changed.count() >= 1);
    player->advance(SliderPlayer::SweepMilliseconds);
    // The catalogue's slider for negative_slope ends at its sliderMax.
    const ParameterSpec &spec = scene.function(0).spec->parameters[0];
    QCOMPARE(scene.function(0).parameters[0], spec.sliderMax);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);

    // Showing another function mid-sweep ends it, as one finished sweep.
    player->play();
    QVERIFY(scene.addFunction(QStringLiteral("elu")));
    panel.setCurrentRow(1);
    QCOMPARE(started.count(), 2);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(SliderPlayer::playingCount(), 0);
}

void TestSliderPlayer::rangePanelPlaysEpsilonAndKeepsXMinBelowXMax()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    RangePanel panel;
    panel.setScene(&scene);
    QSignalSpy started(&panel, &RangePanel::playbackStarted);
    QSignalSpy finished(&panel, &RangePanel::playbackFinished);

    SliderPlayer *epsilon = panel.epsilonPlayer();
    epsilon->setMode(SliderPlayer::Mode::Once);
    epsilon->play();
    epsilon->advance(SliderPlayer::SweepMilliseconds * 2.0);
    QCOMPARE(scene.epsilon(), RangePanel::EpsilonMax);
    QVERIFY(!epsilon->isPlaying());

    // x min sweeps up to just below x max, never past it: no refused value on the way.
    QVERIFY(scene.setRange(-6, 2));
    SliderPlayer *xMin = panel.xMinPlayer();
    xMin->setMode(SliderPlayer::Mode::Once);
    xMin->play();
    xMin->advance(SliderPlayer::SweepMilliseconds * 2.0);
    QVERIFY(!xMin->isPlaying());
    QCOMPARE(scene.xMin(), 2.0 - 1.0 / RangePanel::XSliderTicksPerUnit);
    QCOMPARE(scene.xMax(), 2.0);
    QVERIFY(panel.errorText().isEmpty());

    SliderPlayer *xMax = panel.xMaxPlayer();
    xMax->setMode(SliderPlayer::Mode::BackAndForth);
    xMax->play();
    xMax->advance(SliderPlayer::SweepMilliseconds * 0.6);
    QVERIFY(scene.xMax() > scene.xMin());
    xMax->stop();
    QCOMPARE(started.count(), 3);
    QCOMPARE(finished.count(), 3);
}

void TestSliderPlayer::oneSceneRecomputesOncePerTick()
{
    // x max, ε and elu's alpha playing together: each tick moves all three and the scene
    // recomputes once, with all three values in place, instead of once per slider.
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("elu")));
    RangePanel range;
    range.setScene(&scene);
    ParameterPanel parameters;
    parameters.setScene(&scene);
    parameters.setCurrentRow(0);
    SliderPlayer *alpha = parameters.player(QStringLiteral("alpha"));
    QVERIFY(alpha);
    QCOMPARE(alpha->scene(), &scene);
    QCOMPARE(range.xMaxPlayer()->scene(), &scene);
    QCOMPARE(range.epsilonPlayer()->scene(), &scene);

    SliderPlayer::setManualClock(true);
    for (SliderPlayer *p : { range.xMaxPlayer(), range.epsilonPlayer(), alpha })
        p->play();
    QCOMPARE(SliderPlayer::playingCount(), 3);
    QList<std::tuple<double, double, double>> seen;
    connect(&scene, &SceneModel::recomputed, this, [&] {
        seen << std::tuple { scene.xMax(), scene.epsilon(), scene.function(0).parameters[0] };
    });
    const double xMax = scene.xMax();
    const double epsilon = scene.epsilon();
    const double alphaValue = scene.function(0).parameters[0];
    SliderPlayer::tickAll(200);
    QCOMPARE(seen.size(), 1);
    QVERIFY(std::get<0>(seen[0]) != xMax);
    QVERIFY(std::get<1>(seen[0]) != epsilon);
    QVERIFY(std::get<2>(seen[0]) != alphaValue);
    SliderPlayer::tickAll(200);
    QCOMPARE(seen.size(), 2);
    SliderPlayer::stopAll();
    SliderPlayer::setManualClock(false);

    // The scene gone, its players play on without it.
    range.setScene(nullptr);
    QCOMPARE(range.xMaxPlayer()->scene(), nullptr);
}

QTEST_MAIN(TestSliderPlayer)
#include "tst_sliderplayer.moc"
