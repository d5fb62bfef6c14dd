#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

// Runs the built activation-explorer binary (AE_APP_PATH) and checks its command line.
class TestAppCli : public QObject
{
    Q_OBJECT

private slots:
    void version();
    void help();
    void unknownOption();

private:
    struct Result
    {
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments, const QProcessEnvironment &environment);
    static QProcessEnvironment headless();
    static QProcessEnvironment offscreen();
};

TestAppCli::Result TestAppCli::run(const QStringList &arguments,
                                   const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AE_APP_PATH), arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString();
        return result;
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

// No display of any kind: --help and --version must not need one.
QProcessEnvironment TestAppCli::headless()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return environment;
}

QProcessEnvironment TestAppCli::offscreen()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

void TestAppCli::version()
{
    const Result result = run({ QStringLiteral("--version") }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("activation-explorer " AE_APP_VERSION));
}

void TestAppCli::help()
{
    const Result result = run({ QStringLiteral("--help") }, headless());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("Usage:")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("--version")), qPrintable(result.out));
}

void TestAppCli::unknownOption()
{
    const Result result = run({ QStringLiteral("--bogus-option") }, offscreen());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.err));
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(QStringLiteral("bogus-option")), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestAppCli)
#include "tst_app_cli.moc"
