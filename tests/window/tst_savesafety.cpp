// Nothing lost: a save killed half-way leaves the old file or the new one, never a torn one; a
// save that cannot happen (read-only folder or file system, a folder as the path, a full disk)
// says why and leaves the scene, the window and the old file as they were.

#include "bigscenes.h"

#include "mainwindow.h"
#include "scenemodel.h"
#include "sessionfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeRaw(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/** Mounts a tmpfs of `size` at dir; false where this user may not mount (not root, a container). */
bool mountTmpfs(const QString &dir, const QString &options)
{
    if (geteuid() != 0)
        return false;
    QProcess mount;
    mount.start(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), options,
                 QStringLiteral("tmpfs"), dir});
    return mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit
            && mount.exitCode() == 0;
}

bool remount(const QString &dir, const QString &options)
{
    return QProcess::execute(QStringLiteral("mount"),
                             {QStringLiteral("-o"), QStringLiteral("remount,") + options, dir})
            == 0;
}

void unmount(const QString &dir)
{
    QProcess::execute(QStringLiteral("umount"), {dir});
}

/** Unmounts the tmpfs when the test function ends, however it ends. */
struct MountGuard
{
    QString dir;
    ~MountGuard()
    {
        if (!dir.isEmpty())
            unmount(dir);
    }
};

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

class TestSaveSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void killedSaveLeavesOldOrNewFile_data();
    void killedSaveLeavesOldOrNewFile();
    void folderAsPathIsRefused();
    void readOnlyFolderIsRefused();
    void readOnlyFileSystemIsRefused();
    void fullDiskKeepsOldFileAndScene();

private:
    /** A failed save: error mentions path and `reason`, scene and window as before, old file kept. */
    void expectRefusedSave(const QString &path, const QStringList &reasons,
                           const QByteArray &oldContents);

    MainWindow *m_window = nullptr;
};

void TestSaveSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(QStringLiteral("startPageShown"), true);
}

void TestSaveSafety::init()
{
    m_window = new MainWindow;
    m_window->setErrorReport([](const QString &, const QString &, QWidget *) {});
}

void TestSaveSafety::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestSaveSafety::killedSaveLeavesOldOrNewFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("kills");
    const int kills = qEnvironmentVariableIsSet("AE_SAVE_KILLS")
            ? qEnvironmentVariableIntValue("AE_SAVE_KILLS")
            : 15;
    QTest::newRow("session (SessionFile::save)") << "session" << kills;
    QTest::newRow("csv (writeFileAtomically)") << "csv" << kills;
}

void TestSaveSafety::killedSaveLeavesOldOrNewFile()
{
    QFETCH(QString, kind);
    QFETCH(int, kills);
    const QByteArray contents[2] = {
        kind == QLatin1String("session") ? BigScenes::session(0) : BigScenes::csv(0),
        kind == QLatin1String("session") ? BigScenes::session(1) : BigScenes::csv(1),
    };
    QVERIFY(contents[0] != contents[1]);
    QVERIFY2(contents[0].size() > 40000, qPrintable(QString::number(contents[0].size())));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(kind == QLatin1String("session") ? "big.json" : "big.csv");
    // The seed is printed so that a failure can be replayed with AE_SAVE_SEED.
    bool seeded = false;
    const quint32 seed = qEnvironmentVariable("AE_SAVE_SEED").toUInt(&seeded);
    QRandomGenerator rng(seeded ? seed : 20261127u);
    int found[2] = {0, 0};
    int leftovers = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kills; ++i) {
        QVERIFY(writeFileAtomically(path, contents[0]));
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        helper.start(QStringLiteral(AE_SAVEHELPER_PATH), {kind, path});
        QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
        QVERIFY2(helper.waitForReadyRead(60000), "the helper did not get ready");
        QCOMPARE(helper.readLine().trimmed(), QByteArray("ready"));
        const int delay = int(rng.bounded(1u, 400u)); // ms: a few saves, cut at a random byte
        QThread::msleep(delay);
        QCOMPARE(helper.state(), QProcess::Running); // it must not have stopped by itself
        helper.kill(); // SIGKILL: no handler, no flush, no destructor runs
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        const QByteArray now = readAll(path);
        const int which = now == contents[0] ? 0 : now == contents[1] ? 1 : -1;
        if (which < 0) {
            QFAIL(qPrintable(QStringLiteral("kill %1 after %2 ms left a torn file of %3 bytes "
                                            "(old %4, new %5); replay with AE_SAVE_SEED=%6")
                                     .arg(i).arg(delay).arg(now.size())
                                     .arg(contents[0].size()).arg(contents[1].size())
                                     .arg(seeded ? seed : 20261127u)));
        }
        ++found[which];
        // And it reads back completely.
        if (kind == QLatin1String("session")) {
            QJsonParseError error {};
            QJsonDocument::fromJson(now, &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
            SceneModel scene;
            QString message;
            QVERIFY2(SessionFile::fromJson(now, scene, nullptr, &message), qPrintable(message));
        } else {
            QVERIFY(now.endsWith('\n'));
            QCOMPARE(now.count('\n'), 4001);
        }
        // A killed QSaveFile leaves its temporary file behind ("big.json.XXXXXX"): never the
        // target, and removed here so that each round starts clean.
        for (const QString &name : entries(dir.path())) {
            if (dir.filePath(name) != path) {
                ++leftovers;
                QVERIFY(QFile::remove(dir.filePath(name)));
            }
        }
    }
    qInfo("%d kills in %.1f s: old file %d times, new file %d times, never torn; "
          "%d temporary files left by the killed saves",
          kills, clock.elapsed() / 1000.0, found[0], found[1], leftovers);
}

void TestSaveSafety::expectRefusedSave(const QString &path, const QStringList &reasons,
                                       const QByteArray &oldContents)
{
    const QByteArray scene = SessionFile::toJson(*m_window->scene(), m_window->currentLesson());
    const QString sessionPath = m_window->sessionPath();
    const bool modified = m_window->isWindowModified();
    QString error;
    QVERIFY(!m_window->saveSession(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write '%1': ").arg(path)), qPrintable(error));
    bool named = false;
    for (const QString &reason : reasons)
        named = named || error.contains(reason);
    QVERIFY2(named, qPrintable(error + QStringLiteral(" — expected one of: ")
                               + reasons.join(QStringLiteral(" | "))));
    qInfo("%s", qPrintable(error));
    QCOMPARE(SessionFile::toJson(*m_window->scene(), m_window->currentLesson()), scene);
    QCOMPARE(m_window->sessionPath(), sessionPath);
    QCOMPARE(m_window->isWindowModified(), modified);
    if (!oldContents.isNull())
        QCOMPARE(readAll(path), oldContents);

    // The CSV export through the same writer gives the same kind of message.
    const QString csv = QFileInfo(path).isDir() ? path : path + QStringLiteral(".csv");
    QVERIFY(!m_window->exportTo(csv, m_window->renderOptions({400, 300}), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write '%1': ").arg(csv)), qPrintable(error));
}

void TestSaveSafety::folderAsPathIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("session.json"));
    QVERIFY(QDir().mkdir(folder));
    expectRefusedSave(folder, {QStringLiteral("it is a folder")}, QByteArray());
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(entries(folder).isEmpty());
}

void TestSaveSafety::readOnlyFolderIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkdir(folder));
    const QString path = folder + QStringLiteral("/session.json");
    QVERIFY(m_window->saveSession(path));
    const QByteArray old = readAll(path);
    m_window->scene()->addFunction(QStringLiteral("gelu"));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    if (writeRaw(folder + QStringLiteral("/probe"), "x"))
        QSKIP("a read-only folder is writable for this user (root); readOnlyFileSystemIsRefused "
              "covers the case");
    expectRefusedSave(path, {QStringLiteral("the folder '%1' is not writable").arg(folder)}, old);
}

void TestSaveSafety::readOnlyFileSystemIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mountPoint = dir.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkdir(mountPoint));
    if (!mountTmpfs(mountPoint, QStringLiteral("size=256k")))
        QSKIP("cannot mount a tmpfs here (needs root outside a restricted container)");
    MountGuard guard{mountPoint};
    const QString path = mountPoint + QStringLiteral("/session.json");
    QVERIFY(m_window->saveSession(path));
    const QByteArray old = readAll(path);
    m_window->scene()->addFunction(QStringLiteral("gelu"));
    QVERIFY(remount(mountPoint, QStringLiteral("ro")));
    // access(W_OK) fails with EROFS even for root: the folder check already catches it.
    expectRefusedSave(path,
                      {QStringLiteral("is not writable"), QStringLiteral("Read-only file system")},
                      old);
}

void TestSaveSafety::fullDiskKeepsOldFileAndScene()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mountPoint = dir.filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkdir(mountPoint));
    if (!mountTmpfs(mountPoint, QStringLiteral("size=64k")))
        QSKIP("cannot mount a tmpfs here (needs root outside a restricted container); "
              "tst_dataexport's RLIMIT_FSIZE test covers a write that stops half-way");
    MountGuard guard{mountPoint};
    const QString path = mountPoint + QStringLiteral("/session.json");
    QVERIFY(m_window->saveSession(path));
    const QByteArray old = readAll(path);
    // Fill what is left of the 64 kB, then change the scene.
    {
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(1024, 'f');
        while (filler.write(block) == block.size()) {
        }
    }
    m_window->scene()->addFunction(QStringLiteral("gelu"));
    expectRefusedSave(path, {QStringLiteral("No space left on device"),
                             QStringLiteral("could be written")},
                      old);
    // No temporary file is left behind to fill the disk further.
    QCOMPARE(entries(mountPoint), (QStringList{QStringLiteral("filler"), QStringLiteral("session.json")}));
}

QTEST_MAIN(TestSaveSafety)
#include "tst_savesafety.moc"
