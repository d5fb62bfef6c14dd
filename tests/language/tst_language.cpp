// Language (model/language): the codes offered, names read from the system or the command line,
// and installing the translators that the library embeds. Qt Core only, like the library.

#include "language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Language::install(QStringLiteral("en")); }

    void offersEnglishAndSimplifiedChinese()
    {
        QCOMPARE(Language::codes(), (QStringList{QStringLiteral("en"), QStringLiteral("zh_CN")}));
        QCOMPARE(Language::nativeName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(Language::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
    }

    void normalise_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::newRow("zh_CN") << "zh_CN" << "zh_CN";
        QTest::newRow("zh-CN") << "zh-CN" << "zh_CN";
        QTest::newRow("zh") << "zh" << "zh_CN";
        QTest::newRow("zh_Hans_CN") << "zh_Hans_CN" << "zh_CN";
        QTest::newRow("ZH_cn, spaces") << " ZH_cn " << "zh_CN";
        QTest::newRow("en") << "en" << "en";
        QTest::newRow("en_US") << "en_US" << "en";
        QTest::newRow("zh_TW is not offered") << "zh_TW" << "";
        QTest::newRow("xx") << "xx" << "";
        QTest::newRow("empty") << "" << "";
    }

    void normalise()
    {
        QFETCH(QString, name);
        QFETCH(QString, code);
        QCOMPARE(Language::normalise(name), code);
    }

    void fromLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("code");
        QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China) << "zh_CN";
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << "en";
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << "en";
        QTest::newRow("C") << QLocale::c() << "en";
    }

    void fromLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, code);
        QCOMPARE(Language::fromLocale(locale), code);
    }

    void refusesUnknownLanguage()
    {
        QVERIFY(!Language::install(QStringLiteral("xx")));
        QCOMPARE(Language::current(), QStringLiteral("en"));
    }

    void installsTheEmbeddedTranslation()
    {
        // The .qm comes with this library: no widget library is linked here.
        const auto untitled = [] { return QCoreApplication::translate("MainWindow", "Untitled"); };
        QCOMPARE(untitled(), QStringLiteral("Untitled"));
        QVERIFY(Language::install(QStringLiteral("zh_CN")));
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        QCOMPARE(untitled(), QStringLiteral("未命名"));
        QVERIFY(Language::install(QStringLiteral("en")));
        QCOMPARE(Language::current(), QStringLiteral("en"));
        QCOMPARE(untitled(), QStringLiteral("Untitled"));
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
