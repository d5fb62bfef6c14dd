#include "softmax.h"
#include "softmaxpanel.h"
#include "theme.h"
#include "xychartwidget.h"

#include <QComboBox>
#include <QImage>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// The line series on the chart (the marker included), whatever their role.
int lineSeriesOnChart(const SoftmaxPanel &panel)
{
    return panel.chartWidget()->lineSeriesCount();
}

} // namespace

class TestSoftmaxPanel : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        SoftmaxPanel panel;
        QCOMPARE(panel.classes(), 3);
        QCOMPARE(panel.variedLogit(), 0);
        QCOMPARE(panel.logits(), (QList<double>{0, 1, -1}));
        QCOMPARE(panel.rangeFrom(), -6.0);
        QCOMPARE(panel.rangeTo(), 6.0);
        QVERIFY(panel.series(0) && panel.series(1) && panel.series(2));
        QVERIFY(!panel.series(3));
        QVERIFY(!panel.series(-1));
        QCOMPARE(lineSeriesOnChart(panel), 4);
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).name(), QStringLiteral("s₀"));
        QCOMPARE(panel.chartWidget()->state(panel.series(2)).name(), QStringLiteral("s₂"));
        QVERIFY(panel.chartWidget()->state(panel.series(0)).pen().color() != panel.chartWidget()->state(panel.series(1)).pen().color());
        QVERIFY(panel.chartWidget()->state(panel.series(1)).pen().color() != panel.chartWidget()->state(panel.series(2)).pen().color());
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).count(), SoftmaxPanel::Samples);
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).at(0).x(), -6.0);
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).at(SoftmaxPanel::Samples - 1).x(), 6.0);
        QCOMPARE(panel.jacobianView()->size(), 3);
        QVERIFY(panel.findChild<QSpinBox *>(QStringLiteral("classesSpin")));
        QVERIFY(panel.findChild<QComboBox *>(QStringLiteral("variedCombo")));
        QVERIFY(panel.findChild<SoftmaxJacobianView *>(QStringLiteral("jacobianView")));
        // Only the probability curves are in the legend.
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.chartWidget()->legendNames().size(), 3);
    }

    void curvesMatchTheModel()
    {
        SoftmaxPanel panel;
        panel.setLogits({0, 0.5, -2});
        const SoftmaxSweep expected = softmaxSweep({0, 0.5, -2}, 0, -6, 6, SoftmaxPanel::Samples);
        for (int i = 0; i < 3; ++i) {
            const QList<QPointF> points = panel.chartWidget()->state(panel.series(i)).points();
            QCOMPARE(points, expected.probabilityCurve(i));
        }
        // Along the curves the probabilities sum to 1.
        for (int j = 0; j < SoftmaxPanel::Samples; j += 20) {
            double total = 0;
            for (int i = 0; i < 3; ++i)
                total += panel.chartWidget()->state(panel.series(i)).at(j).y();
            QVERIFY(std::abs(total - 1) < 1e-15);
        }
    }

    void classesChangeSeries()
    {
        SoftmaxPanel panel;
        QSignalSpy spy(&panel, &SoftmaxPanel::updated);
        panel.setClasses(5);
        QCOMPARE(panel.classes(), 5);
        QVERIFY(spy.count() >= 1);
        QCOMPARE(panel.logits().size(), 5);
        QVERIFY(panel.series(4));
        QVERIFY(!panel.series(5));
        QCOMPARE(lineSeriesOnChart(panel), 6);
        QCOMPARE(panel.jacobianView()->size(), 5);
        QCOMPARE(panel.probabilities().size(), 5);
        QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("variedCombo"))->count(), 5);
        QVERIFY(!panel.findChild<QSlider *>(QStringLiteral("logitSlider5"))->isVisibleTo(&panel));
        QVERIFY(panel.findChild<QSlider *>(QStringLiteral("logitSlider4"))->isVisibleTo(&panel));

        panel.setVariedLogit(4);
        QCOMPARE(panel.variedLogit(), 4);
        panel.setClasses(2);
        QCOMPARE(panel.classes(), 2);
        QCOMPARE(panel.variedLogit(), 1); // clamped below k
        QCOMPARE(lineSeriesOnChart(panel), 3);
        QCOMPARE(panel.jacobianView()->size(), 2);
        QVERIFY(!panel.series(2));

        // Through the spin box, as a user would.
        auto *spin = panel.findChild<QSpinBox *>(QStringLiteral("classesSpin"));
        spy.clear();
        spin->setValue(8);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(panel.jacobianView()->size(), 8);
        QCOMPARE(panel.chartWidget()->state(panel.series(7)).count(), SoftmaxPanel::Samples);
    }

    void classesClamp()
    {
        SoftmaxPanel panel;
        panel.setClasses(100);
        QCOMPARE(panel.classes(), MaxSoftmaxClasses);
        panel.setClasses(-3);
        QCOMPARE(panel.classes(), MinSoftmaxClasses);
        panel.setVariedLogit(7);
        QCOMPARE(panel.variedLogit(), 1);
        panel.setVariedLogit(-2);
        QCOMPARE(panel.variedLogit(), 0);
    }

    void jacobianMatchesTheModel()
    {
        SoftmaxPanel panel;
        panel.setClasses(4);
        panel.setLogits({0.3, -1.2, 2, 0.5});
        const QList<double> z = panel.logits();
        const SoftmaxMatrix J = softmaxJacobian(z);
        const SoftmaxJacobianView *view = panel.jacobianView();
        QCOMPARE(view->matrix(), J);
        QCOMPARE(panel.jacobian(), J);
        QCOMPARE(panel.probabilities(), softmax(z));
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j) {
                QCOMPARE(view->value(i, j), J[i][j]);
                const QString text = view->cellText(i, j);
                QVERIFY(std::abs(QString(text).replace(QChar(0x2212), QLatin1Char('-')).toDouble() - J[i][j]) <= 0.0005);
            }
        }
        QCOMPARE(view->cellText(0, 0), QString::number(J[0][0], 'f', 3));
        QVERIFY(view->cellText(0, 1).startsWith(QChar(0x2212)));
        QVERIFY(std::isnan(view->value(4, 0)));
        QVERIFY(view->cellText(-1, 0).isEmpty());
        QVERIFY(panel.readout().contains(QStringLiteral("0.25")));
        QVERIFY(panel.readout().contains(QStringLiteral("sum")));
    }

    void colourScale()
    {
        const QColor zero = SoftmaxJacobianView::colourFor(0);
        const QColor positive = SoftmaxJacobianView::colourFor(0.25);
        const QColor negative = SoftmaxJacobianView::colourFor(-0.25);
        QVERIFY(zero.lightness() > 230);
        QVERIFY(positive.red() > positive.blue());
        QVERIFY(negative.blue() > negative.red());
        QCOMPARE(SoftmaxJacobianView::colourFor(1), positive); // clamped
        QCOMPARE(SoftmaxJacobianView::colourFor(-1), negative);
        // Text stays readable: white on the dark ends, dark on the pale middle.
        QCOMPARE(SoftmaxJacobianView::textColourOn(positive), QColor(Qt::white));
        QCOMPARE(SoftmaxJacobianView::textColourOn(negative), QColor(Qt::white));
        QVERIFY(SoftmaxJacobianView::textColourOn(zero).lightness() < 50);
    }

    void logitsUpdateLive()
    {
        SoftmaxPanel panel;
        QSignalSpy spy(&panel, &SoftmaxPanel::updated);
        auto *slider = panel.findChild<QSlider *>(QStringLiteral("logitSlider1"));
        QVERIFY(slider);
        slider->setValue(250); // z₁ = 2.5
        QCOMPARE(spy.count(), 1);
        QCOMPARE(panel.logit(1), 2.5);
        QCOMPARE(panel.probabilities(), softmax({0, 2.5, -1}));
        QCOMPARE(panel.jacobian(), softmaxJacobian({0, 2.5, -1}));
        QCOMPARE(panel.chartWidget()->state(panel.series(1)).points(), softmaxSweep({0, 2.5, -1}, 0, -6, 6, SoftmaxPanel::Samples).probabilityCurve(1));

        // The varied logit moves the marker and the dots, not the curves.
        const QList<QPointF> before = panel.chartWidget()->state(panel.series(0)).points();
        panel.setLogit(0, 1.5);
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).points(), before);
        QCOMPARE(panel.chartWidget()->state(panel.markerSeries()).points(), (QList<QPointF>{{1.5, 0}, {1.5, 1}}));
        const QList<double> s = softmax({1.5, 2.5, -1});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(panel.chartWidget()->state(panel.dotSeries(i)).points(), QList<QPointF>{QPointF(1.5, s[i])});
    }

    void variedLogitSwitches()
    {
        SoftmaxPanel panel;
        panel.setVariedLogit(2);
        QCOMPARE(panel.variedLogit(), 2);
        QVERIFY(panel.chartWidget()->drawnTitle().contains(QStringLiteral("z₂")));
        QCOMPARE(panel.chartWidget()->state(panel.markerSeries()).at(0).x(), -1.0);
        QCOMPARE(panel.chartWidget()->state(panel.series(2)).points(), softmaxSweep({0, 1, -1}, 2, -6, 6, SoftmaxPanel::Samples).probabilityCurve(2));
        // s₂ rises along its own logit.
        QVERIFY(panel.chartWidget()->state(panel.series(2)).points().last().y() > panel.chartWidget()->state(panel.series(2)).points().first().y());
    }

    void badValuesClamp()
    {
        SoftmaxPanel panel;
        QSignalSpy spy(&panel, &SoftmaxPanel::updated);
        panel.setLogit(1, 1e9);
        QCOMPARE(panel.logit(1), SoftmaxPanel::LogitLimit);
        panel.setLogit(1, -1e9);
        QCOMPARE(panel.logit(1), -SoftmaxPanel::LogitLimit);
        spy.clear();
        panel.setLogit(1, NaN);
        panel.setLogit(5, 1); // no such logit with k = 3
        panel.setLogit(-1, 1);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(panel.logit(1), -SoftmaxPanel::LogitLimit);
        QVERIFY(std::isnan(panel.logit(5)));

        // The varied logit stays inside the range.
        panel.setLogit(0, 8);
        QCOMPARE(panel.logit(0), 6.0);
        panel.setRange(-2, 3);
        QCOMPARE(panel.logit(0), 3.0);
        QCOMPARE(panel.chartWidget()->state(panel.markerSeries()).at(0).x(), 3.0);
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).at(0).x(), -2.0);
        QCOMPARE(panel.chartWidget()->state(panel.series(0)).points().last().x(), 3.0);

        // A reversed range is swapped, a huge one clamped, an empty one widened.
        panel.setRange(4, -4);
        QCOMPARE(panel.rangeFrom(), -4.0);
        QCOMPARE(panel.rangeTo(), 4.0);
        panel.setRange(-1e6, 1e6);
        QCOMPARE(panel.rangeFrom(), -SoftmaxPanel::LogitLimit);
        QCOMPARE(panel.rangeTo(), SoftmaxPanel::LogitLimit);
        panel.setRange(1, 1);
        QCOMPARE(panel.rangeTo() - panel.rangeFrom(), SoftmaxPanel::MinRangeWidth);
        QVERIFY(panel.rangeFrom() <= 1 && panel.rangeTo() >= 1);
        panel.setRange(50, 60);
        QCOMPARE(panel.rangeTo(), SoftmaxPanel::LogitLimit);
        QCOMPARE(panel.rangeTo() - panel.rangeFrom(), SoftmaxPanel::MinRangeWidth);
        spy.clear();
        panel.setRange(NaN, 1);
        QCOMPARE(spy.count(), 0);

        // Extreme logits still give finite probabilities that sum to 1.
        panel.setRange(-10, 10);
        panel.setLogits({10, -10, 10});
        double total = 0;
        for (double p : panel.probabilities()) {
            QVERIFY(std::isfinite(p));
            total += p;
        }
        QVERIFY(std::abs(total - 1) < 1e-15);
    }

    void rangeSpinBoxesKeepOrder()
    {
        SoftmaxPanel panel;
        auto *from = panel.findChild<QDoubleSpinBox *>(QStringLiteral("rangeFromSpin"));
        auto *to = panel.findChild<QDoubleSpinBox *>(QStringLiteral("rangeToSpin"));
        QVERIFY(from && to);
        from->setValue(7); // past "to": "to" moves along
        QCOMPARE(panel.rangeFrom(), 7.0);
        QCOMPARE(panel.rangeTo(), 7.5);
        to->setValue(-3); // below "from": "from" moves along
        QCOMPARE(panel.rangeTo(), -3.0);
        QCOMPARE(panel.rangeFrom(), -3.5);
    }

    void paints()
    {
        SoftmaxPanel panel;
        panel.setClasses(8);
        panel.resize(900, 680);
        const QImage image = panel.grab().toImage();
        QVERIFY(!image.isNull());
        const QImage heat = panel.jacobianView()->grab().toImage();
        // The heat map shows the red of a positive diagonal somewhere.
        bool red = false;
        for (int y = 0; y < heat.height() && !red; y += 2)
            for (int x = 0; x < heat.width() && !red; x += 2) {
                const QColor c = heat.pixelColor(x, y);
                red = c.red() > 180 && c.blue() < 150 && c.green() < 150;
            }
        QVERIFY(red);
    }

    void darkAppearanceReachesChartAndHeatMap()
    {
        SoftmaxPanel panel;
        const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark);
        panel.setAppearance(dark);
        QCOMPARE(panel.chartWidget()->appearance(), dark);
        QCOMPARE(panel.chartWidget()->backgroundColor(), dark.background);
        QCOMPARE(panel.chartWidget()->state(panel.markerSeries()).pen().color(), dark.secondaryText);
        QCOMPARE(panel.jacobianView()->appearance(), dark);
        QCOMPARE(panel.chartWidget()->accessibleName(), QStringLiteral("Probabilities against the varied logit"));
        // The heat map paints its background dark now: its top left corner, above the title.
        panel.resize(900, 680);
        const QImage heat = panel.jacobianView()->grab().toImage();
        QVERIFY(heat.pixelColor(2, 2).lightness() < 60);
        panel.setAppearance(ChartAppearance::forTheme(Theme::Light));
        QVERIFY(panel.jacobianView()->grab().toImage().pixelColor(2, 2).lightness() > 200);
    }

    // AE_SOFTMAX_PNG=dir saves the pictures there (docs/softmax.png is the four-class one).
    void picture_data()
    {
        QTest::addColumn<int>("k");
        QTest::newRow("softmax") << 4;
        QTest::newRow("softmax-3") << 3;
        QTest::newRow("softmax-8") << 8;
    }
    void picture()
    {
        QFETCH(int, k);
        SoftmaxPanel panel;
        panel.setClasses(k);
        if (k == 4)
            panel.setLogits({0.8, 1, -1, 0.5});
        panel.resize(900, 680);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QImage image = panel.grab().toImage();
        QCOMPARE(image.size() / image.devicePixelRatio(), QSize(900, 680));
        const QString dir = qEnvironmentVariable("AE_SOFTMAX_PNG");
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + QLatin1Char('/') + QLatin1String(QTest::currentDataTag()) + QLatin1String(".png")));
    }
};

QTEST_MAIN(TestSoftmaxPanel)
#include "tst_softmaxpanel.moc"
