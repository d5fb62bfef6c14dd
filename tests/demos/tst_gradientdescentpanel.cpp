#include "activationcatalogue.h"
#include "gradientdescent.h"
#include "gradientdescentpanel.h"
#include "theme.h"
#include "xychartwidget.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>

class TestGradientDescentPanel : public QObject
{
    Q_OBJECT

private:
    static QString number(double v) { return QString::number(v, 'g', 6); }

private slots:
    void startsAtTheta0()
    {
        GradientDescentPanel panel;
        panel.setActivation(QStringLiteral("sigmoid"));
        panel.setTheta0(1.5);
        QVERIFY(panel.descent().isValid());
        QCOMPARE(panel.descent().history().size(), 1);
        QCOMPARE(panel.descent().current().theta, 1.5);
        QVERIFY(panel.readout().contains(QStringLiteral("k = 0")));
        QVERIFY(panel.chartWidget()->state(panel.lossSeries()).count() > 100);
        QCOMPARE(panel.chartWidget()->state(panel.trajectorySeries()).count(), 1);
    }

    void stepAdvances()
    {
        GradientDescentPanel panel;
        panel.setActivation(QStringLiteral("tanh"));
        panel.setTheta0(0.5);
        panel.setLearningRate(0.5);
        panel.setTarget(0.8);
        panel.setInput(1);
        auto *step = panel.findChild<QPushButton *>(QStringLiteral("stepButton"));
        QVERIFY(step);
        QTest::mouseClick(step, Qt::LeftButton);
        QTest::mouseClick(step, Qt::LeftButton);
        QCOMPARE(panel.descent().current().step, 2);
        QCOMPARE(panel.chartWidget()->state(panel.trajectorySeries()).count(), 3);

        // θ after two steps by the closed form θ′ = θ − η·(tanh(θx) − y)·(1 − tanh²(θx))·x.
        double theta = 0.5;
        for (int k = 0; k < 2; ++k) {
            const double t = std::tanh(theta);
            theta -= 0.5 * (t - 0.8) * (1 - t * t);
        }
        QVERIFY(std::abs(panel.descent().current().theta - theta) < 1e-12);
        const GradientDescentStep now = panel.descent().current();
        QVERIFY2(panel.readout().contains(QStringLiteral("k = 2")), qPrintable(panel.readout()));
        QVERIFY2(panel.readout().contains(number(now.theta)), qPrintable(panel.readout()));
        QVERIFY(panel.readout().contains(number(now.gradient)));
        QVERIFY(panel.readout().contains(number(now.loss)));
    }

    void resetReturnsToTheta0()
    {
        GradientDescentPanel panel;
        panel.setActivation(QStringLiteral("relu"));
        panel.setTheta0(2);
        panel.setLearningRate(0.1);
        for (int i = 0; i < 5; ++i)
            QVERIFY(panel.stepOnce());
        QVERIFY(panel.descent().current().theta != 2);
        auto *reset = panel.findChild<QPushButton *>(QStringLiteral("resetButton"));
        QVERIFY(reset);
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(panel.descent().history().size(), 1);
        QCOMPARE(panel.descent().current().theta, 2.0);
        QVERIFY(panel.readout().contains(QStringLiteral("k = 0")));
        QCOMPARE(panel.chartWidget()->state(panel.trajectorySeries()).count(), 1);
    }

    void playAdvancesWithTheTimer()
    {
        GradientDescentPanel panel;
        panel.setSpeed(60);
        QSignalSpy spy(&panel, &GradientDescentPanel::runChanged);
        auto *play = panel.findChild<QPushButton *>(QStringLiteral("playButton"));
        QVERIFY(play);
        QCOMPARE(panel.descent().current().step, 0);
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(panel.isPlaying());
        QCOMPARE(panel.timer()->interval(), 1000 / 60);
        QTRY_VERIFY_WITH_TIMEOUT(panel.descent().current().step >= 3, 3000);
        auto *pause = panel.findChild<QPushButton *>(QStringLiteral("pauseButton"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!panel.isPlaying());
        // Paused is a stopped timer (isPlaying() above): whatever the event queue still holds
        // must not take another step.
        const int k = panel.descent().current().step;
        QCoreApplication::processEvents();
        QCOMPARE(panel.descent().current().step, k);
        QVERIFY(spy.count() >= 3);
    }

    void divergenceStopsWithAMessage()
    {
        GradientDescentPanel panel;
        panel.setActivation(QStringLiteral("identity"));
        panel.setTheta0(1);
        panel.setInput(3);
        panel.setTarget(-1);
        panel.setLearningRate(5); // θ′ = θ − 5·(3θ + 1)·3 = −44θ − 15: |θ| overflows
        int taken = 0;
        while (panel.stepOnce() && taken < 1000)
            ++taken;
        QVERIFY(taken < 1000);
        QVERIFY2(panel.message().contains(QStringLiteral("diverged")), qPrintable(panel.message()));
        QVERIFY(!panel.isPlaying());
    }

    void changingASliderRestarts()
    {
        GradientDescentPanel panel;
        panel.stepOnce();
        panel.setTheta0(-2);
        QCOMPARE(panel.descent().history().size(), 1);
        QCOMPARE(panel.descent().current().theta, -2.0);
    }

    void darkAppearanceReachesTheChart()
    {
        GradientDescentPanel panel;
        const ChartAppearance light = ChartAppearance::forTheme(Theme::Light);
        const double lightWidth = panel.chartWidget()->state(panel.lossSeries()).pen().widthF();
        const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark, true);
        panel.setAppearance(dark);
        QCOMPARE(panel.chartWidget()->appearance(), dark);
        QCOMPARE(panel.chartWidget()->backgroundColor(), dark.background);
        QCOMPARE(panel.chartWidget()->state(panel.lossSeries()).pen().widthF(), lightWidth * dark.curveWidth / light.curveWidth);
        QCOMPARE(panel.chartWidget()->accessibleName(), QStringLiteral("Loss curve with the descent"));
    }

    void everyControlDescribed()
    {
        GradientDescentPanel panel;
        for (QWidget *w : panel.findChildren<QWidget *>()) {
            const QString name = w->objectName();
            if (name.endsWith(QLatin1String("Slider")) || name.endsWith(QLatin1String("Spin"))
                || name.endsWith(QLatin1String("Button")) || name.endsWith(QLatin1String("Combo"))) {
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(name));
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(name));
            }
        }
    }
};

QTEST_MAIN(TestGradientDescentPanel)
#include "tst_gradientdescentpanel.moc"
