#include "networksettings.h"

#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(NetworkSettings)

class tst_NetworkSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreValid() { QCOMPARE(checkNetworkSettings({}), QString()); }

    void messages_data()
    {
        QTest::addColumn<NetworkSettings>("settings");
        QTest::addColumn<QString>("message");
        const NetworkSettings ok;
        const auto with = [&](auto change) {
            NetworkSettings s = ok;
            change(s);
            return s;
        };
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("negative weight variance")
            << with([](NetworkSettings &s) { s.weightVariance = -0.5; })
            << QStringLiteral("weight variance σ_w² must be a finite number ≥ 0 (got -0.5)");
        QTest::newRow("infinite bias variance")
            << with([&](NetworkSettings &s) { s.biasVariance = inf; })
            << QStringLiteral("bias variance σ_b² must be a finite number ≥ 0 (got inf)");
        QTest::newRow("depth 0") << with([](NetworkSettings &s) { s.depth = 0; })
                                 << QStringLiteral("depth must be between 1 and 1000 (got 0)");
        QTest::newRow("depth 1001") << with([](NetworkSettings &s) { s.depth = 1001; })
                                    << QStringLiteral("depth must be between 1 and 1000 (got 1001)");
        QTest::newRow("width 1") << with([](NetworkSettings &s) { s.width = 1; })
                                 << QStringLiteral("width must be between 2 and 4096 (got 1)");
        QTest::newRow("width 4097") << with([](NetworkSettings &s) { s.width = 4097; })
                                    << QStringLiteral("width must be between 2 and 4096 (got 4097)");
        QTest::newRow("batch 0") << with([](NetworkSettings &s) { s.batch = 0; })
                                 << QStringLiteral("batch size must be between 1 and 256 (got 0)");
        QTest::newRow("batch 257") << with([](NetworkSettings &s) { s.batch = 257; })
                                   << QStringLiteral("batch size must be between 1 and 256 (got 257)");
        QTest::newRow("limits are valid")
            << with([](NetworkSettings &s) {
                   s.weightVariance = 0;
                   s.biasVariance = 0;
                   s.depth = 1000;
                   s.width = 2;
                   s.batch = 256;
               })
            << QString();
    }

    void messages()
    {
        QFETCH(NetworkSettings, settings);
        QFETCH(QString, message);
        QCOMPARE(checkNetworkSettings(settings), message);
    }
};

QTEST_GUILESS_MAIN(tst_NetworkSettings)
#include "tst_networksettings.moc"
