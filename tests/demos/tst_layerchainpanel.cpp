#include "activationcatalogue.h"
#include "layerchain.h"
#include "layerchainpanel.h"
#include "theme.h"
#include "xychartwidget.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <cmath>

class TestLayerChainPanel : public QObject
{
    Q_OBJECT

private slots:
    void defaultSelection()
    {
        LayerChainPanel panel;
        const QStringList selected = panel.selectedActivations();
        QVERIFY(selected.contains(QStringLiteral("sigmoid")));
        QVERIFY(selected.contains(QStringLiteral("tanh")));
        QVERIFY(selected.contains(QStringLiteral("relu")));
        for (const char *id : {"sigmoid", "tanh", "relu"})
            QVERIFY2(panel.series(QLatin1String(id)), id);
        QCOMPARE(panel.selectedActivations().size(), 3);
    }

    void sliderChangesPointCount()
    {
        LayerChainPanel panel;
        auto *slider = panel.findChild<QSlider *>(QStringLiteral("layersSlider"));
        QVERIFY(slider);
        QSignalSpy spy(&panel, &LayerChainPanel::updated);
        slider->setValue(7);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(panel.layers(), 7);
        QCOMPARE(panel.chartWidget()->state(panel.series(QStringLiteral("sigmoid"))).count(), 7);
        QCOMPARE(panel.chartWidget()->state(panel.referenceSeries()).count(), 7);
        slider->setValue(42);
        QCOMPARE(panel.chartWidget()->state(panel.series(QStringLiteral("sigmoid"))).count(), 42);
        QCOMPARE(panel.chartWidget()->state(panel.referenceSeries()).count(), 42);
    }

    void sigmoidMatchesModel_data()
    {
        QTest::addColumn<int>("layers");
        QTest::addColumn<double>("w");
        QTest::addColumn<double>("x");
        QTest::newRow("N=10 w=1 x=0.5") << 10 << 1.0 << 0.5;
        QTest::newRow("N=50 w=1 x=0") << 50 << 1.0 << 0.0;
        QTest::newRow("N=30 w=3.5 x=-2") << 30 << 3.5 << -2.0;
    }
    void sigmoidMatchesModel()
    {
        QFETCH(int, layers);
        QFETCH(double, w);
        QFETCH(double, x);
        LayerChainPanel panel;
        panel.setLayers(layers);
        panel.setWeight(w);
        panel.setInput(x);
        const ActivationSpec *sigmoid = ActivationCatalogue::find(u"sigmoid");
        QVERIFY(sigmoid);
        const QList<LayerChainPoint> chain = layerChain(*sigmoid, sigmoid->defaults(), w, x, layers);
        const QList<QPointF> points = panel.chartWidget()->state(panel.series(QStringLiteral("sigmoid"))).points();
        QCOMPARE(points.size(), chain.size());
        for (int i = 0; i < chain.size(); ++i) {
            QCOMPARE(points[i].x(), double(chain[i].depth));
            QCOMPARE(points[i].y(), chain[i].log10Gradient);
        }
        // Sigmoid's derivative is at most 0.25, so with |w| ≤ 1 it stays under the reference.
        if (std::abs(w) <= 1) {
            const QList<QPointF> ref = panel.chartWidget()->state(panel.referenceSeries()).points();
            for (int i = 0; i < chain.size(); ++i)
                QVERIFY(points[i].y() <= ref[i].y() + 1e-12);
        }
    }

    void reluEndsWhereGradientIsZero()
    {
        LayerChainPanel panel;
        panel.setLayers(10);
        panel.setWeight(1);
        panel.setInput(-1); // relu′ is 0 from the first layer: log10 is −inf, no point drawn
        QCOMPARE(panel.chartWidget()->state(panel.series(QStringLiteral("relu"))).count(), 0);
        panel.setInput(1); // the active path: gradient 1, log10 0
        const QList<QPointF> points = panel.chartWidget()->state(panel.series(QStringLiteral("relu"))).points();
        QCOMPARE(points.size(), 10);
        for (const QPointF &p : points)
            QCOMPARE(p.y(), 0.0);
    }

    void checkingAddsSeries()
    {
        LayerChainPanel panel;
        panel.setSelectedActivations({QStringLiteral("sigmoid")});
        QCOMPARE(panel.selectedActivations(), QStringList{QStringLiteral("sigmoid")});
        QVERIFY(!panel.series(QStringLiteral("tanh")));
        auto *list = panel.findChild<QListWidget *>(QStringLiteral("activationList"));
        QVERIFY(list);
        const QList<QListWidgetItem *> tanh = list->findItems(
                ActivationCatalogue::find(u"tanh")->displayName, Qt::MatchExactly);
        QCOMPARE(tanh.size(), 1);
        tanh.first()->setCheckState(Qt::Checked);
        QVERIFY(panel.series(QStringLiteral("tanh")));
        QCOMPARE(panel.chartWidget()->state(panel.series(QStringLiteral("tanh"))).count(), panel.layers());
    }

    void darkAppearanceReachesTheChart()
    {
        LayerChainPanel panel;
        const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark, true);
        panel.setAppearance(dark);
        QCOMPARE(panel.chartWidget()->appearance(), dark);
        QCOMPARE(panel.chartWidget()->backgroundColor(), dark.background);
        QCOMPARE(panel.chartWidget()->state(panel.referenceSeries()).pen().color(), dark.secondaryText);
        QVERIFY(panel.chartWidget()->state(panel.series(QStringLiteral("sigmoid"))).pen().widthF() >= dark.curveWidth);
        // The chart keeps its name for screen readers.
        QCOMPARE(panel.chartWidget()->accessibleName(), QStringLiteral("Gradient against depth chart"));
    }

    void everyControlDescribed()
    {
        LayerChainPanel panel;
        for (QWidget *w : panel.findChildren<QWidget *>()) {
            if (w->objectName().endsWith(QLatin1String("Slider"))
                || w->objectName().endsWith(QLatin1String("Spin"))) {
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            }
        }
    }
};

QTEST_MAIN(TestLayerChainPanel)
#include "tst_layerchainpanel.moc"
