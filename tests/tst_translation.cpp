#include "activationcatalogue.h"
#include "language.h"
#include "languagemenu.h"
#include "lessons.h"
#include "mainwindow.h"
#include "scenemodel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void qmIsEmbedded();
    void normalise_data();
    void normalise();
    void fromLocale_data();
    void fromLocale();
    void refusesUnknownLanguage();
    void menusInChinese();
    void lessonsInChinese();
    void modelTextsInChinese();
    void qtsOwnTranslations();
    void backToEnglish();
    void languageMenuRemembersChoice();

private:
    static QString menuTitle(const MainWindow &window, const char *objectName);

    QTemporaryDir m_config;
};

void TestTranslation::initTestCase()
{
    // The language menu writes QSettings: keep the user's own settings out of it.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("ActivationExplorerTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translation"));
}

void TestTranslation::cleanup()
{
    QVERIFY(Language::install(QStringLiteral("en")));
}

QString TestTranslation::menuTitle(const MainWindow &window, const char *objectName)
{
    const auto *menu = window.findChild<QMenu *>(QLatin1String(objectName));
    return menu ? menu->title() : QStringLiteral("(no %1)").arg(QLatin1String(objectName));
}

void TestTranslation::qmIsEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/activation-explorer_zh_CN.qm")));
}

void TestTranslation::normalise_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::newRow("zh_CN") << "zh_CN" << "zh_CN";
    QTest::newRow("zh-CN") << "zh-CN" << "zh_CN";
    QTest::newRow("zh") << "zh" << "zh_CN";
    QTest::newRow("zh_Hans_CN") << "zh_Hans_CN" << "zh_CN";
    QTest::newRow("en") << "en" << "en";
    QTest::newRow("en_US") << "en_US" << "en";
    QTest::newRow("zh_TW is not offered") << "zh_TW" << "";
    QTest::newRow("xx") << "xx" << "";
    QTest::newRow("empty") << "" << "";
}

void TestTranslation::normalise()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    QCOMPARE(Language::normalise(name), code);
}

void TestTranslation::fromLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("code");
    QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China) << "zh_CN";
    QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << "en";
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << "en";
    QTest::newRow("C") << QLocale::c() << "en";
}

void TestTranslation::fromLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, code);
    QCOMPARE(Language::fromLocale(locale), code);
}

void TestTranslation::refusesUnknownLanguage()
{
    QVERIFY(!Language::install(QStringLiteral("xx")));
    QCOMPARE(Language::current(), QStringLiteral("en"));
}

void TestTranslation::menusInChinese()
{
    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
    MainWindow window;
    QCOMPARE(menuTitle(window, "fileMenu"), QStringLiteral("文件(&F)"));
    QCOMPARE(menuTitle(window, "viewMenu"), QStringLiteral("视图(&V)"));
    QCOMPARE(menuTitle(window, "lessonsMenu"), QStringLiteral("课程(&L)"));
    QCOMPARE(menuTitle(window, "helpMenu"), QStringLiteral("帮助(&H)"));
    QCOMPARE(menuTitle(window, "languageMenu"), QStringLiteral("语言(&L)"));
    const QAction *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QCOMPARE(quit->text(), QStringLiteral("退出(&Q)"));
    // The language menu names each language in itself, and ticks the current one.
    const QAction *chinese = window.findChild<QAction *>(QStringLiteral("language_zh_CN"));
    const QAction *english = window.findChild<QAction *>(QStringLiteral("language_en"));
    QVERIFY(chinese && english);
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    QCOMPARE(english->text(), QStringLiteral("English"));
    QVERIFY(chinese->isChecked());
    QVERIFY(!english->isChecked());
}

void TestTranslation::lessonsInChinese()
{
    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    const QList<Lesson> &lessons = Lessons::all();
    QVERIFY(!lessons.isEmpty());
    QCOMPARE(Lessons::title(lessons.first()), QStringLiteral("1. 为什么阶跃函数无法学习"));
    // Every title and text has a translation: none comes back as its English source.
    for (const Lesson &lesson : lessons) {
        QVERIFY2(Lessons::title(lesson) != QString::fromUtf8(lesson.title), lesson.id);
        QVERIFY2(Lessons::text(lesson) != QString::fromUtf8(lesson.text), lesson.id);
    }
    QVERIFY(Lessons::text(*Lessons::find(QStringLiteral("sigmoid-saturates")))
                    .contains(QStringLiteral("梯度消失")));

    MainWindow window;
    const QAction *lesson = window.findChild<QAction *>(QStringLiteral("lesson_sigmoid-saturates"));
    QVERIFY(lesson);
    QCOMPARE(lesson->text(), QStringLiteral("2. Sigmoid 的饱和"));
}

void TestTranslation::modelTextsInChinese()
{
    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    const ActivationSpec *sigmoid = ActivationCatalogue::find(QStringLiteral("sigmoid"));
    QVERIFY(sigmoid);
    QVERIFY2(sigmoid->translatedGradientNote().contains(QStringLiteral("饱和")),
             qPrintable(sigmoid->translatedGradientNote()));
    for (const ActivationSpec &spec : ActivationCatalogue::all()) {
        QVERIFY2(spec.translatedGradientNote() != spec.gradientNote, qPrintable(spec.id));
        for (const ParameterSpec &p : spec.parameters)
            QVERIFY2(p.translatedDescription() != p.description, qPrintable(spec.id + p.name));
    }
    SceneModel scene;
    QString error;
    QVERIFY(!scene.setEpsilon(-1, &error));
    QVERIFY2(error.startsWith(QStringLiteral("ε 必须")), qPrintable(error));
}

void TestTranslation::qtsOwnTranslations()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(QDir(dir).filePath(QStringLiteral("qtbase_zh_CN.qm"))))
        QSKIP("Qt's own Chinese translations are not installed (qt6-translations-l10n)");
    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
}

void TestTranslation::backToEnglish()
{
    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    QVERIFY(Language::install(QStringLiteral("en")));
    QCOMPARE(Language::current(), QStringLiteral("en"));
    MainWindow window;
    QCOMPARE(menuTitle(window, "fileMenu"), QStringLiteral("&File"));
    QCOMPARE(menuTitle(window, "languageMenu"), QStringLiteral("&Language"));
    QCOMPARE(Lessons::title(Lessons::all().first()),
             QStringLiteral("1. Why the step function cannot learn"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestTranslation::languageMenuRemembersChoice()
{
    QSettings().remove(LanguageMenu::settingsKey());
    LanguageMenu menu;
    QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
    QAction *chinese = menu.findChild<QAction *>(QStringLiteral("language_zh_CN"));
    QAction *english = menu.findChild<QAction *>(QStringLiteral("language_en"));
    QVERIFY(chinese && english);
    QVERIFY(english->isChecked());
    chinese->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(LanguageMenu::settingsKey()).toString(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked());
    // The current language again: saved, but nothing to switch.
    english->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(QSettings().value(LanguageMenu::settingsKey()).toString(), QStringLiteral("en"));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
