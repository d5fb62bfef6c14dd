#include "errorlabel.h"

#include <QPalette>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace {

// WCAG 2 relative luminance and contrast ratio.
double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette paletteWith(const QColor &window, const QColor &text)
{
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, window);
    p.setColor(QPalette::Text, text);
    return p;
}

const QPalette Light = paletteWith(QColor(0xFF, 0xFF, 0xFF), QColor(0x00, 0x00, 0x00));
const QPalette LightGrey = paletteWith(QColor(0xEF, 0xEF, 0xEF), QColor(0x00, 0x00, 0x00));
const QPalette Dark = paletteWith(QColor(0x1E, 0x1E, 0x1E), QColor(0xFF, 0xFF, 0xFF));
const QPalette DarkGrey = paletteWith(QColor(0x35, 0x35, 0x35), QColor(0xFF, 0xFF, 0xFF));

} // namespace

class TestErrorLabel : public QObject
{
    Q_OBJECT

private slots:
    void startsHiddenAndEmpty();
    void setMessageShowsAndClears();
    void reportShowsTheErrorOnlyWhenRefused();
    void applyCallsTheSetter();
    void colourDependsOnTheBackground();
    void colourIsReadable_data();
    void colourIsReadable();
    void colourFollowsAThemeChange();
};

void TestErrorLabel::startsHiddenAndEmpty()
{
    QWidget window;
    auto *label = new ErrorLabel(&window);
    window.show();
    QVERIFY(label->text().isEmpty());
    QVERIFY(!label->isVisible());
    QVERIFY(label->wordWrap());
    QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
}

void TestErrorLabel::setMessageShowsAndClears()
{
    QWidget window;
    auto *label = new ErrorLabel(&window);
    window.show();
    label->setMessage(QStringLiteral("epsilon must be > 0"));
    QCOMPARE(label->text(), QStringLiteral("epsilon must be > 0"));
    QCOMPARE(label->accessibleDescription(), QStringLiteral("epsilon must be > 0"));
    QVERIFY(label->isVisible());
    label->setMessage({});
    QVERIFY(label->text().isEmpty());
    QVERIFY(label->accessibleDescription().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestErrorLabel::reportShowsTheErrorOnlyWhenRefused()
{
    QWidget window;
    auto *label = new ErrorLabel(&window);
    window.show();
    QVERIFY(!label->report(false, QStringLiteral("refused")));
    QCOMPARE(label->text(), QStringLiteral("refused"));
    QVERIFY(label->isVisible());
    // Taken: whatever error text came along, the label clears.
    QVERIFY(label->report(true, QStringLiteral("stale")));
    QVERIFY(label->text().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestErrorLabel::applyCallsTheSetter()
{
    QWidget window;
    auto *label = new ErrorLabel(&window);
    window.show();
    double stored = 1;
    const auto setPositive = [&stored](double v, QString *error) {
        if (!(v > 0)) {
            *error = QStringLiteral("must be > 0 (got %1)").arg(v);
            return false;
        }
        stored = v;
        return true;
    };
    QVERIFY(!label->apply([&](QString *error) { return setPositive(-2, error); }));
    QCOMPARE(stored, 1.0);
    QCOMPARE(label->text(), QStringLiteral("must be > 0 (got -2)"));
    QVERIFY(label->isVisible());
    QVERIFY(label->apply([&](QString *error) { return setPositive(3, error); }));
    QCOMPARE(stored, 3.0);
    QVERIFY(label->text().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestErrorLabel::colourDependsOnTheBackground()
{
    const QColor onLight = ErrorLabel::errorColor(Light);
    const QColor onDark = ErrorLabel::errorColor(Dark);
    QVERIFY(onLight != onDark);
    // Red in both: the red channel leads.
    for (const QColor &c : { onLight, onDark })
        QVERIFY(c.red() > c.green() && c.red() > c.blue());
    // Darker than the light background, lighter than the dark one.
    QVERIFY(luminance(onLight) < luminance(onDark));
}

void TestErrorLabel::colourIsReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("white") << Light;
    QTest::newRow("light grey") << LightGrey;
    QTest::newRow("dark") << Dark;
    QTest::newRow("dark grey") << DarkGrey;
}

void TestErrorLabel::colourIsReadable()
{
    QFETCH(QPalette, palette);
    QWidget window;
    window.setPalette(palette);
    auto *label = new ErrorLabel(&window);
    const QColor text = label->palette().color(QPalette::WindowText);
    QCOMPARE(text, ErrorLabel::errorColor(palette));
    QCOMPARE(label->palette().color(QPalette::Text), text);
    // WCAG AA for normal text.
    const double ratio = contrast(text, palette.color(QPalette::Window));
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
}

void TestErrorLabel::colourFollowsAThemeChange()
{
    QWidget window;
    window.setPalette(Light);
    auto *label = new ErrorLabel(&window);
    new QVBoxLayout(&window);
    window.layout()->addWidget(label);
    label->setMessage(QStringLiteral("refused"));
    window.show();
    QCOMPARE(label->palette().color(QPalette::WindowText), ErrorLabel::errorColor(Light));

    window.setPalette(Dark); // the window's palette reaches the label as a PaletteChange
    QCOMPARE(label->palette().color(QPalette::Window), Dark.color(QPalette::Window));
    QCOMPARE(label->palette().color(QPalette::WindowText), ErrorLabel::errorColor(Dark));

    window.setPalette(Light);
    QCOMPARE(label->palette().color(QPalette::WindowText), ErrorLabel::errorColor(Light));
}

QTEST_MAIN(TestErrorLabel)
#include "tst_errorlabel.moc"
