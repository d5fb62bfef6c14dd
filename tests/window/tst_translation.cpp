#include "activationcatalogue.h"
#include "expression.h"
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
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void qmIsEmbedded();
    void menusInChinese();
    void lessonsInChinese();
    void modelTextsInChinese();
    void expressionErrorsInChinese_data();
    void expressionErrorsInChinese();
    void expressionMessagesTranslated();
    void qtsOwnTranslations();
    void backToEnglish();
    void languageMenuRemembersChoice();

private:
    static QString menuTitle(const MainWindow &window, const char *objectName);
    static bool hasChinese(const QString &text);

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

bool TestTranslation::hasChinese(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

void TestTranslation::qmIsEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/activation-explorer_zh_CN.qm")));
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
    QCOMPARE(window.windowTitle(), QStringLiteral("未命名[*]")); // a scene never saved
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

void TestTranslation::expressionErrorsInChinese_data()
{
    // The expression; the column; texts the Chinese message must still hold (names, tokens); the
    // English message, unchanged once English is back.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("details");
    QTest::addColumn<QString>("english");
    QTest::newRow("unclosed call")
        << "sigmoid(x" << 10 << QStringList { "sigmoid", "')'", "表达式结尾" }
        << "expected ')' after the argument of sigmoid, found the end of the expression";
    QTest::newRow("unknown function")
        << "foo(x)" << 1 << QStringList { "'foo'", "abs, acos", "sigmoid, relu" }
        << "unknown function 'foo'; functions: abs, acos, asin, atan, cos, cosh, erf, erfc, exp, "
           "expm1, log, log1p, max, min, pow, sign, sin, sinh, sqrt, tan, tanh; activations: "
            + ActivationCatalogue::all().first().id;
    QTest::newRow("argument count") << "min(x)" << 6 << QStringList { "min", "2 个参数", "1 个" }
                                    << "min takes 2 arguments, not 1";
    QTest::newRow("argument range")
        << "softplus(x, 1, 20, 3)" << 18 << QStringList { "softplus", "1 到 3 个参数" }
        << "softplus takes 1 to 3 arguments, not more";
    QTest::newRow("unexpected character")
        << "x $ 2" << 3 << QStringList { "'$'", "U+0024" } << "unexpected character '$' (U+0024)";
    QTest::newRow("empty") << "" << 1 << QStringList { "x * sigmoid(x)" }
                           << "empty expression: type a function of x, e.g. x * sigmoid(x)";
}

void TestTranslation::expressionErrorsInChinese()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QStringList, details);
    QFETCH(QString, english);

    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    Expression::Error error;
    QVERIFY(!Expression::parse(text, &error).isValid());
    QCOMPARE(error.column(), column);
    QVERIFY2(hasChinese(error.message), qPrintable(error.message));
    for (const QString &detail : details)
        QVERIFY2(error.message.contains(detail),
                 qPrintable(error.message + QStringLiteral(" | ") + detail));
    // No English fragment is left in the composed message ("argument", "the end of", "found").
    QVERIFY2(!error.message.contains(
                 QRegularExpression(QStringLiteral("\\b(argument|arguments|the|found|takes)\\b"))),
             qPrintable(error.message));
    QCOMPARE(error.text(), QStringLiteral("第 %1 列：%2").arg(column).arg(error.message));

    QVERIFY(Language::install(QStringLiteral("en")));
    QVERIFY(!Expression::parse(text, &error).isValid());
    QVERIFY2(error.message.startsWith(english), qPrintable(error.message));
    QCOMPARE(error.text(), QStringLiteral("column %1: %2").arg(column).arg(error.message));
}

void TestTranslation::expressionMessagesTranslated()
{
    // The committed .ts, read from the source tree: every message of the expression parser has a
    // finished translation with the same placeholders and technical tokens as its source, and the
    // embedded .qm gives that translation.
    QFile ts(QStringLiteral(AE_TS_FILE));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int messages = 0;
    QVERIFY(Language::install(QStringLiteral("zh_CN")));
    const QRegularExpression placeholder(QStringLiteral("%\\d+"));
    const auto placeholders = [&placeholder](const QString &text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found << it.next().captured();
        found.sort();
        found.removeDuplicates();
        return found;
    };
    // Kept as they are in the translation whenever the source has them.
    const QStringList tokens = { "'('",     "')'",     "','",   "U+FFFD", "2*x",
                                 "1.8e308", "sigmoid", "UTF-8", "UTF-16", "+ - * / ^" };
    const QStringList words = { "x", "pi", "e" }; // as words: not the e of "e.g." or "1.8e308"
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")
                   && context == QLatin1String("Expression")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString translation = xml.readElementText();
            QVERIFY2(type.isEmpty(),
                     qPrintable(QStringLiteral("%1 translation: %2").arg(type, source)));
            QVERIFY2(hasChinese(translation), qPrintable(source));
            QVERIFY2(placeholders(translation) == placeholders(source),
                     qPrintable(source + QStringLiteral(" → ") + translation));
            for (const QString &token : tokens) {
                if (source.contains(token))
                    QVERIFY2(translation.contains(token),
                             qPrintable(token + QStringLiteral(" in ") + translation));
            }
            for (const QString &word : words) {
                const QRegularExpression re(QStringLiteral("(^|[^\\w.])%1($|[^\\w.])").arg(word));
                if (source.contains(re))
                    QVERIFY2(translation.contains(re),
                             qPrintable(word + QStringLiteral(" in ") + translation));
            }
            QCOMPARE(QCoreApplication::translate("Expression", source.toUtf8().constData()),
                     translation);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // The parser's 32 messages and fragments, each once.
    QCOMPARE(messages, 32);
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
