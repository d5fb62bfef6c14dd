#include "initializationpreset.h"
#include "meanfieldtheory.h"
#include "networkpanel.h"
#include "numberspinbox.h"
#include "scenemodel.h"
#include "theme.h"
#include "xychartwidget.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

#include <cmath>

namespace {

// The test scene's rows.
constexpr int Relu = 0;
constexpr int Tanh = 1;
constexpr int Loss = 2;
constexpr int LeakyRelu = 3;

} // namespace

class TestNetworkPanel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_scene = new SceneModel(this);
        for (const char *id : {"relu", "tanh", "mse_loss", "leaky_relu"})
            QVERIFY2(m_scene->addFunction(QLatin1String(id)), id);
    }
    void cleanup() { delete m_scene; }

    void nothingSelectedSaysSo()
    {
        NetworkPanel panel;
        QVERIFY(panel.message().contains(QLatin1String("No function is selected")));
        QVERIFY(!panel.activation());
        QCOMPARE(panel.depthChart()->state(panel.theoryVarianceSeries()).count(), 0);
        QVERIFY(!panel.isSimulationPending());
        QVERIFY(panel.summary().isEmpty());
        auto *label = panel.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), panel.message());
    }

    void lossSelectedSaysSo()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Loss);
        QVERIFY2(panel.message().contains(QLatin1String("is a loss, not an activation")),
                 qPrintable(panel.message()));
        QVERIFY(!panel.activation());
        QCOMPARE(panel.depthChart()->state(panel.theoryVarianceSeries()).count(), 0);
        QCOMPARE(panel.phaseChart()->state(panel.currentSettingSeries()).count(), 0);
        // Back to an activation: the message goes and the theory is drawn.
        panel.setCurrentRow(Relu);
        QVERIFY(panel.message().isEmpty());
        QCOMPARE(panel.depthChart()->state(panel.theoryVarianceSeries()).count(), panel.depth());
    }

    // relu at Kaiming (σ_w² = 2, σ_b² = 0): q^l = 2 at every layer, r^l = 1, χ₁ = 1.
    void reluAtKaimingIsCritical()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Relu);
        QVERIFY(panel.applyPreset(QStringLiteral("kaiming_normal")));
        QCOMPARE(panel.activation()->spec().id, QStringLiteral("relu"));
        const QList<QPointF> q = panel.depthChart()->state(panel.theoryVarianceSeries()).points();
        const QList<QPointF> r = panel.depthChart()->state(panel.theoryGradientSeries()).points();
        QCOMPARE(q.size(), 50);
        QCOMPARE(r.size(), 50);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(q[i].x(), double(i + 1));
            QVERIFY(std::abs(q[i].y() - std::log10(2.0)) < 1e-9);
            QVERIFY(std::abs(r[i].y()) < 1e-9);
        }
        QVERIFY2(panel.summary().contains(QLatin1String("critical: gradients keep their size")),
                 qPrintable(panel.summary()));
        QVERIFY2(panel.summary().contains(QStringLiteral("χ₁ = 1")), qPrintable(panel.summary()));
        QVERIFY2(panel.summary().contains(QStringLiteral("critical σ_w² at σ_b² = 0: 2")),
                 qPrintable(panel.summary()));
        QCOMPARE(panel.phaseChart()->state(panel.currentSettingSeries()).points(),
                 QList<QPointF>{QPointF(2, 0)});
    }

    // PyTorch's default: σ_w² = 1/3 exactly (not the spin box's 0.3333), q shrinks by 1/6 a
    // layer until the bias 1/(3N) holds it at q* = 2/(5N).
    void pytorchDefaultShrinksVariance()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Relu);
        QVERIFY(panel.applyPreset(QStringLiteral("pytorch_default")));
        QCOMPARE(panel.weightVariance(), 1.0 / 3.0);
        QCOMPARE(panel.biasVariance(), 1.0 / (3.0 * 256));
        auto *slider = panel.findChild<QSlider *>(QStringLiteral("weightVarianceSlider"));
        auto *spin = panel.findChild<NumberSpinBox *>(QStringLiteral("weightVarianceSpin"));
        QVERIFY(slider && spin);
        QCOMPARE(slider->value(), 33);
        QCOMPARE(spin->value(), 0.3333);
        const QList<QPointF> q = panel.depthChart()->state(panel.theoryVarianceSeries()).points();
        QCOMPARE(q.size(), 50);
        // Layer 2: q² = q¹/6 + σ_b².
        const double q1 = 1.0 / 3 + 1.0 / 768;
        QVERIFY(std::abs(q[0].y() - std::log10(q1)) < 1e-9);
        QVERIFY(std::abs(q[1].y() - std::log10(q1 / 6 + 1.0 / 768)) < 1e-9);
        QVERIFY(std::abs(q.last().y() - std::log10(2.0 / (5 * 256))) < 1e-9);
        QVERIFY2(panel.summary().contains(QLatin1String("ordered: gradients vanish")),
                 qPrintable(panel.summary()));
        QCOMPARE(panel.presetId(), QStringLiteral("pytorch_default"));
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("pytorch_defaultButton"))->isChecked());
        // Its bias follows the width.
        panel.setWidth(1024);
        QCOMPARE(panel.biasVariance(), 1.0 / (3.0 * 1024));
        // A slider moved by hand leaves the preset.
        slider->setValue(150);
        QCOMPARE(panel.weightVariance(), 1.5);
        QVERIFY(panel.presetId().isEmpty());
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("pytorch_defaultButton"))->isChecked());
    }

    void presetButtonsSetTheSliders()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Tanh);
        auto *weight = panel.findChild<QSlider *>(QStringLiteral("weightVarianceSlider"));
        auto *bias = panel.findChild<QSlider *>(QStringLiteral("biasVarianceSlider"));
        QCOMPARE(panel.findChildren<QPushButton *>().size(), InitializationPresets::all().size());
        for (const InitializationPreset &p : InitializationPresets::all()) {
            auto *button = panel.findChild<QPushButton *>(p.id + QStringLiteral("Button"));
            QVERIFY2(button, qPrintable(p.id));
            QVERIFY(!button->toolTip().isEmpty());
            weight->setValue(5); // somewhere else first
            button->click();
            QCOMPARE(panel.weightVariance(), p.weightVariance);
            QCOMPARE(panel.biasVariance(), p.biasVariance(256));
            QCOMPARE(weight->value(), int(std::lround(100 * p.weightVariance)));
            QCOMPARE(bias->value(), int(std::lround(1000 * p.biasVariance(256))));
            QVERIFY(button->isChecked());
        }
        QVERIFY(!panel.applyPreset(QStringLiteral("orthogonal")));
    }

    void slidersUpdateTheCharts()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Tanh);
        QSignalSpy theory(&panel, &NetworkPanel::theoryUpdated);
        auto *depth = panel.findChild<QSlider *>(QStringLiteral("depthSlider"));
        QVERIFY(depth);
        depth->setValue(10);
        QCOMPARE(panel.depth(), 10);
        QVERIFY(theory.count() >= 1);
        QCOMPARE(panel.depthChart()->state(panel.theoryVarianceSeries()).count(), 10);
        QCOMPARE(panel.depthChart()->axisMax(XYChartWidget::Axis::X), 10.0);
        const QList<QPointF> before = panel.depthChart()->state(panel.theoryVarianceSeries()).points();
        auto *weight = panel.findChild<QSlider *>(QStringLiteral("weightVarianceSlider"));
        weight->setValue(300); // σ_w² = 3: tanh is chaotic there
        const QList<QPointF> after = panel.depthChart()->state(panel.theoryVarianceSeries()).points();
        QCOMPARE(after.size(), 10);
        QVERIFY(after.last().y() > before.last().y());
        QVERIFY2(panel.summary().contains(QLatin1String("chaotic: gradients explode")),
                 qPrintable(panel.summary()));
        QCOMPARE(panel.phaseChart()->state(panel.currentSettingSeries()).points(),
                 QList<QPointF>{QPointF(3, 0)});
        // The theory's own numbers: the last layer's q.
        const MeanFieldTheory t(*panel.activation());
        const QList<MeanFieldLayer> curve = t.depthCurve(3, 0, 10);
        QVERIFY(std::abs(after.last().y() - std::log10(*curve.last().variance)) < 1e-12);
        // Every change waits for the controls to rest before it simulates.
        QVERIFY(panel.isSimulationPending());

        // The theory is fast enough for every slider step: measured at the default size.
        depth->setValue(50);
        QElapsedTimer timer;
        timer.start();
        for (int v = 100; v < 140; ++v)
            weight->setValue(v);
        qInfo("theory update per σ_w² step (tanh, L = 50): %.2f ms", timer.nsecsElapsed() / 40e6);
    }

    // A scene parameter changes φ: the theory follows.
    void followsTheSceneParameters()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(LeakyRelu);
        const double before = panel.depthChart()->state(panel.theoryVarianceSeries()).points().last().y();
        QVERIFY(m_scene->setParameter(LeakyRelu, QStringLiteral("negative_slope"), 0.5));
        const double after = panel.depthChart()->state(panel.theoryVarianceSeries()).points().last().y();
        QVERIFY(after > before); // more of the negative side survives each layer
        QCOMPARE(panel.activation()->parameters()[0], 0.5);
        // A new range changes nothing here.
        QSignalSpy theory(&panel, &NetworkPanel::theoryUpdated);
        QVERIFY(m_scene->setRange(-3, 3));
        QCOMPARE(theory.count(), 0);
    }

    // Closed, the panel neither follows the scene nor simulates; shown again, it catches up.
    void aClosedPanelWaitsForTheNextShow()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(LeakyRelu);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.hide();
        QVERIFY(!panel.isSimulating() && !panel.isSimulationPending());
        QSignalSpy theory(&panel, &NetworkPanel::theoryUpdated);
        QVERIFY(m_scene->setParameter(LeakyRelu, QStringLiteral("negative_slope"), 0.5));
        QCOMPARE(theory.count(), 0);
        QCOMPARE(panel.activation()->parameters()[0], 0.01); // PyTorch's default, as before
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(theory.count(), 1);
        QCOMPARE(panel.activation()->parameters()[0], 0.5);
        QVERIFY(panel.isSimulationPending() || panel.isSimulating());
    }

    void simulationDrawsDotsAndHistograms()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Tanh);
        panel.setBatch(8);
        panel.setWidth(32);
        QSignalSpy finished(&panel, &NetworkPanel::simulationFinished);
        panel.setDepth(8);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        XYChartWidget *chart = panel.depthChart();
        const QList<QPointF> dots = chart->state(panel.simulatedVarianceSeries()).points();
        const QList<QLineF> bars = chart->rangeBars(panel.varianceSpread());
        QCOMPARE(dots.size(), 8);
        QCOMPARE(bars.size(), 8);
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(bars[i].x1(), dots[i].x());
            QVERIFY(bars[i].y1() <= dots[i].y() + 1e-12 && dots[i].y() <= bars[i].y2() + 1e-12);
            QVERIFY(bars[i].y1() < bars[i].y2()); // four seeds do differ
        }
        // The gradient ratio's last layer is 1 in every run: log 0, no spread.
        const QList<QPointF> r = chart->state(panel.simulatedGradientSeries()).points();
        QCOMPARE(r.size(), 8);
        QCOMPARE(r.last().y(), 0.0);
        // The simulation stays near the theory at the first layer (32 units, 4 × 8 inputs).
        const QList<QPointF> theory = chart->state(panel.theoryVarianceSeries()).points();
        QVERIFY(std::abs(dots.first().y() - theory.first().y()) < 0.1);
        // Histograms at layers 1, 2, 4 and 8, each summing to (nearly) all the values.
        QCOMPARE(panel.histogramLayers(), (QList<int>{1, 2, 4, 8}));
        QCOMPARE(panel.histogramChart()->legendNames(),
                 (QStringList{QStringLiteral("layer 1"), QStringLiteral("layer 2"),
                              QStringLiteral("layer 4"), QStringLiteral("layer 8")}));
        for (QLineSeries *s : panel.histogramSeries()) {
            const QList<QPointF> outline = panel.histogramChart()->state(s).points();
            QVERIFY(!outline.isEmpty());
            double total = 0;
            for (int i = 1; i + 1 < outline.size(); i += 2)
                total += outline[i].y();
            QVERIFY2(total > 0.99 && total <= 1 + 1e-9, qPrintable(QString::number(total)));
        }
        QVERIFY(!panel.isSimulating());
    }

    void aNewChangeCancelsTheRunningSimulation()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Relu);
        panel.setWidth(1024);
        panel.setDepth(400); // seconds per seed: it will still be running
        QSignalSpy cancelled(&panel, &NetworkPanel::simulationCancelled);
        QSignalSpy finished(&panel, &NetworkPanel::simulationFinished);
        QTRY_VERIFY_WITH_TIMEOUT(panel.isSimulating(), 10000);
        panel.setWidth(16);
        panel.setDepth(5);
        QVERIFY(!panel.isSimulating() || cancelled.count() == 0); // stopping, not yet stopped
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(panel.depthChart()->state(panel.simulatedVarianceSeries()).count(), 5);
    }

    // A seed that finishes just as its activation goes (a loss selected, the row removed) is
    // dropped, and no further seed starts without an activation (tst_monkey found a crash here:
    // the next seed dereferenced the activation that was gone).
    void aSeedFinishingAfterItsActivationWentIsDropped()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setWidth(2);
        panel.setBatch(1);
        for (int round = 0; round < 20; ++round) {
            panel.setCurrentRow(Relu);
            panel.setDepth(round % 2 ? 1 : 2);
            // One event at a time (QTRY's 50 ms steps would miss so short a run): the seed
            // starts in one turn of the loop and its result arrives in a later one.
            QElapsedTimer waited;
            waited.start();
            while (!panel.isSimulating() && waited.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QVERIFY(panel.isSimulating());
            // No event loop turn between: the worker may finish before the cancel reaches it.
            panel.setCurrentRow(Loss);
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isSimulating(), 10000);
            QVERIFY(!panel.activation());
            QCOMPARE(panel.depthChart()->state(panel.simulatedVarianceSeries()).count(), 0);
        }
        // And an activation again: its simulation runs to the end.
        QSignalSpy finished(&panel, &NetworkPanel::simulationFinished);
        panel.setCurrentRow(Tanh);
        QVERIFY(finished.wait(60000));
        QCOMPARE(panel.depthChart()->state(panel.simulatedVarianceSeries()).count(), panel.depth());
    }

    // Blue (ordered) left of the critical line, red (chaotic) right of it.
    void phaseDiagramColours()
    {
        NetworkPanel panel;
        QSignalSpy ready(&panel, &NetworkPanel::phaseDiagramReady);
        panel.setScene(m_scene);
        panel.setCurrentRow(Tanh);
        QVERIFY(ready.wait(60000));
        const QImage image = panel.phaseChart()->plotImage();
        QCOMPARE(image.size(), QSize(NetworkPanel::PhaseColumns, NetworkPanel::PhaseRows));
        QCOMPARE(panel.phaseChart()->plotImageValues(),
                 QRectF(0, 0, NetworkPanel::MaxWeightVariance, NetworkPanel::MaxBiasVariance));
        const auto colourAt = [&](double w, double b) {
            const int column = std::min(image.width() - 1, int(w / NetworkPanel::MaxWeightVariance * image.width()));
            const int line = std::max(0, image.height() - 1 - int(b / NetworkPanel::MaxBiasVariance * image.height()));
            return image.pixelColor(column, line);
        };
        // tanh's critical σ_w² is 1 at σ_b² = 0 and about 1.76 at 0.05.
        const QList<QPointF> line = panel.phaseChart()->state(panel.criticalLineSeries()).points();
        QVERIFY(line.size() > 10);
        QVERIFY(std::abs(line.first().x() - 1) < 1e-6);
        for (const QPointF &p : line) {
            if (p.x() > 0.5) {
                const QColor left = colourAt(p.x() - 0.4, p.y());
                QVERIFY2(left.blue() > left.red() + 10, qPrintable(left.name()));
            }
            if (p.x() < 3.5) {
                const QColor right = colourAt(p.x() + 0.4, p.y());
                QVERIFY2(right.red() > right.blue() + 10, qPrintable(right.name()));
            }
        }
        QCOMPARE(NetworkPanel::phaseColour(0), QColor(0xf7, 0xf7, 0xf7));
        QCOMPARE(NetworkPanel::phaseColour(std::nan("")), QColor(0x99, 0x99, 0x99));
        // relu: the one critical point (2, 0), drawn as a dot.
        panel.setCurrentRow(Relu);
        QVERIFY(ready.wait(60000));
        QCOMPARE(panel.phaseChart()->state(panel.criticalLineSeries()).count(), 1);
    }

    void darkAppearanceReachesTheCharts()
    {
        NetworkPanel panel;
        const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark, true);
        panel.setAppearance(dark);
        for (XYChartWidget *chart : {panel.depthChart(), panel.histogramChart(), panel.phaseChart()})
            QCOMPARE(chart->backgroundColor(), dark.background);
    }

    void everyControlAndChartIsNamed()
    {
        NetworkPanel panel;
        panel.setScene(m_scene);
        panel.setCurrentRow(Relu);
        int controls = 0;
        for (QWidget *w : panel.findChildren<QWidget *>()) {
            const QString name = w->objectName();
            if (name.endsWith(QLatin1String("Slider")) || name.endsWith(QLatin1String("Spin"))
                || name.endsWith(QLatin1String("Button"))) {
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(name));
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(name));
                QVERIFY2(!w->accessibleDescription().isEmpty(), qPrintable(name));
                ++controls;
            }
        }
        QCOMPARE(controls, 8 + InitializationPresets::all().size());
        for (XYChartWidget *chart : {panel.depthChart(), panel.histogramChart(), panel.phaseChart()}) {
            QVERIFY(!chart->accessibleName().isEmpty());
            QVERIFY(!chart->accessibleDescription().isEmpty());
        }
        QVERIFY(panel.depthChart()->accessibleDescription().contains(QLatin1String("left out")));
    }

private:
    SceneModel *m_scene = nullptr;
};

QTEST_MAIN(TestNetworkPanel)
#include "tst_networkpanel.moc"
