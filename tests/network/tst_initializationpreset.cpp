#include "initializationpreset.h"

#include <QTest>

class tst_InitializationPreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variances_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("weightVariance");
        QTest::addColumn<double>("biasVariance");
        QTest::newRow("pytorch N=256") << "pytorch_default" << 256 << 1.0 / 3.0 << 1.0 / 768.0;
        QTest::newRow("pytorch N=3") << "pytorch_default" << 3 << 1.0 / 3.0 << 1.0 / 9.0;
        QTest::newRow("xavier normal") << "xavier_normal" << 256 << 1.0 << 0.0;
        QTest::newRow("xavier uniform") << "xavier_uniform" << 256 << 1.0 << 0.0;
        QTest::newRow("kaiming") << "kaiming_normal" << 256 << 2.0 << 0.0;
        QTest::newRow("lecun") << "lecun_normal" << 256 << 1.0 << 0.0;
    }

    void variances()
    {
        QFETCH(QString, id);
        QFETCH(int, width);
        QFETCH(double, weightVariance);
        QFETCH(double, biasVariance);
        const InitializationPreset *p = InitializationPresets::find(id);
        QVERIFY(p);
        QCOMPARE(p->weightVariance, weightVariance);
        QCOMPARE(p->biasVariance(width), biasVariance);
        QVERIFY(!p->name.isEmpty());
        QVERIFY(!p->source.isEmpty());
    }

    void pytorchDefaultFirstAndIdsUnique()
    {
        const QList<InitializationPreset> &all = InitializationPresets::all();
        QCOMPARE(all.size(), 5);
        QCOMPARE(all.first().id, QStringLiteral("pytorch_default"));
        QSet<QString> ids;
        for (const InitializationPreset &p : all)
            ids.insert(p.id);
        QCOMPARE(ids.size(), all.size());
        QVERIFY(!InitializationPresets::find(u"orthogonal"));
    }
};

QTEST_GUILESS_MAIN(tst_InitializationPreset)
#include "tst_initializationpreset.moc"
