#include "numbertext.h"

#include <QLocale>
#include <QTest>

#include <limits>

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
const QString Minus = QStringLiteral("\u2212");

} // namespace

class TestNumberText : public QObject
{
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale::c()); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void brief_data();
    void brief();
    void briefSignificantDigits();
    void roundTrip_data();
    void roundTrip();
    void roundTripReadsBack();
    void localizedFollowsTheLocale();
    void displayUsesARealMinus();
    void displayKeepsTheLocalesOwnMinus();
};

void TestNumberText::brief_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("0.1") << 0.1 << "0.1";
    QTest::newRow("1e-7") << 1e-7 << "1e-07";
    QTest::newRow("-2.5") << -2.5 << "-2.5";
    QTest::newRow("1234567") << 1234567.0 << "1.23457e+06";
    QTest::newRow("123456") << 123456.0 << "123456";
    QTest::newRow("1/3") << 1.0 / 3 << "0.333333";
    QTest::newRow("0") << 0.0 << "0";
    QTest::newRow("-0") << -0.0 << "0"; // Qt writes no sign on zero
    QTest::newRow("nan") << NaN << "nan";
    QTest::newRow("inf") << Inf << "inf";
    QTest::newRow("-inf") << -Inf << "-inf";
}

void TestNumberText::brief()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(NumberText::brief(value), text);
}

void TestNumberText::briefSignificantDigits()
{
    QCOMPARE(NumberText::brief(1.0 / 3, 3), QStringLiteral("0.333"));
    QCOMPARE(NumberText::brief(1234567.0, 9), QStringLiteral("1234567"));
}

void TestNumberText::roundTrip_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("0.1") << 0.1 << "0.1";
    QTest::newRow("1e-7") << 1e-7 << "1e-07";
    QTest::newRow("-2.5") << -2.5 << "-2.5";
    QTest::newRow("1234567") << 1234567.0 << "1234567";
    QTest::newRow("1/3") << 1.0 / 3 << "0.3333333333333333";
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("nan") << NaN << "nan";
    QTest::newRow("inf") << Inf << "inf";
    QTest::newRow("-inf") << -Inf << "-inf";
}

void TestNumberText::roundTrip()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(NumberText::roundTrip(value), text);
}

void TestNumberText::roundTripReadsBack()
{
    for (double v : {0.1, 1.0 / 3, -2.5e-300, 1.7976931348623157e308, 4.9e-324}) {
        bool ok = false;
        QCOMPARE(NumberText::roundTrip(v).toDouble(&ok), v);
        QVERIFY(ok);
    }
}

void TestNumberText::localizedFollowsTheLocale()
{
    QCOMPARE(NumberText::localized(-2.5), QStringLiteral("-2.5"));
    QCOMPARE(NumberText::localized(1234567.0), QStringLiteral("1.23457e+06"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(NumberText::localized(-2.5), QStringLiteral("-2,5"));
    QCOMPARE(NumberText::localized(0.125, 2), QStringLiteral("0,13"));
}

void TestNumberText::displayUsesARealMinus()
{
    QCOMPARE(NumberText::display(-2.5), Minus + QStringLiteral("2.5"));
    QCOMPARE(NumberText::display(1e-7), QStringLiteral("1e") + Minus + QStringLiteral("07"));
    QCOMPARE(NumberText::display(0.1), QStringLiteral("0.1"));
    QCOMPARE(NumberText::display(-0.0), QStringLiteral("0"));
    QCOMPARE(NumberText::display(1.0 / 3, 4), QStringLiteral("0.3333"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(NumberText::display(-2.5), Minus + QStringLiteral("2,5"));
}

void TestNumberText::displayKeepsTheLocalesOwnMinus()
{
    // Swedish writes its own minus sign (U+2212) already: nothing to replace.
    const QLocale swedish(QLocale::Swedish, QLocale::Sweden);
    QLocale::setDefault(swedish);
    QCOMPARE(NumberText::display(-2.5), swedish.toString(-2.5, 'g', 6));
}

QTEST_GUILESS_MAIN(TestNumberText)
#include "tst_numbertext.moc"
