#include "simulationjob.h"

#include <QSignalSpy>
#include <QTest>

namespace {

ActivationFunction relu()
{
    const ActivationSpec &spec = *ActivationCatalogue::find(u"relu");
    return {spec, spec.defaults()};
}

NetworkSettings settings(int width, int depth)
{
    NetworkSettings s;
    s.width = width;
    s.depth = depth;
    s.batch = 8;
    return s;
}

} // namespace

class tst_SimulationJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsToTheEnd()
    {
        SimulationJob job;
        QSignalSpy progress(&job, &SimulationJob::progress);
        QSignalSpy finished(&job, &SimulationJob::finished);
        QSignalSpy cancelled(&job, &SimulationJob::cancelled);
        QCOMPARE(job.start(relu(), settings(32, 6), 0.01, 1), QString());
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(10000));
        QVERIFY(!job.isRunning());
        QCOMPARE(cancelled.size(), 0);
        QCOMPARE(progress.size(), 6 + 5);
        QCOMPARE(progress.last().at(0).toInt(), 11);
        QCOMPARE(progress.last().at(1).toInt(), 11);
        for (qsizetype i = 0; i < progress.size(); ++i)
            QCOMPARE(progress.at(i).at(0).toInt(), int(i + 1));
        QCOMPARE(job.layers().size(), 6);
        QCOMPARE(job.layers(), simulateNetwork(relu(), settings(32, 6), 0.01, 1).layers);
        QVERIFY(job.samples().isEmpty());

        // The layers asked for come back as samples of h, the same as the function's.
        QCOMPARE(job.start(relu(), settings(32, 6), 0.01, 1, {2, 6}), QString());
        QVERIFY(finished.wait(10000));
        const SimulationResult direct =
            simulateNetwork(relu(), settings(32, 6), 0.01, 1, {}, {}, {2, 6});
        QCOMPARE(job.samples().size(), 2);
        QCOMPARE(job.samples().at(0).layer, 2);
        QCOMPARE(job.samples().at(1).values, direct.samples.at(1).values);
    }

    void cancels()
    {
        SimulationJob job;
        QSignalSpy finished(&job, &SimulationJob::finished);
        QSignalSpy cancelled(&job, &SimulationJob::cancelled);
        // Long enough (width 1024, depth 1000) that it cannot finish before cancel() lands.
        QCOMPARE(job.start(relu(), settings(1024, 1000), 0.01, 1), QString());
        job.cancel();
        QVERIFY(cancelled.wait(10000));
        QCOMPARE(finished.size(), 0);
        QVERIFY(!job.isRunning());
        QVERIFY(job.layers().isEmpty());
    }

    void refusesWhileRunningAndBadInput()
    {
        SimulationJob job;
        QCOMPARE(job.start(relu(), settings(1, 3), 0.01, 1),
                 QStringLiteral("width must be between 2 and 4096 (got 1)"));
        QVERIFY(!job.isRunning());
        QCOMPARE(job.start(relu(), settings(1024, 1000), 0.01, 1), QString());
        QCOMPARE(job.start(relu(), settings(8, 3), 0.01, 1),
                 QStringLiteral("a simulation is already running"));
        // The destructor cancels and waits.
    }
};

QTEST_GUILESS_MAIN(tst_SimulationJob)
#include "tst_simulationjob.moc"
