#include "plotchart.h"
#include "scenemodel.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QStyle>
#include <QTest>
#include <QValueAxis>

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void palettesDiffer();
    void darkPaletteIsDark();
    void presentationPaletteIsPure();
    void applySetsFusionAndFont();
    void chartAppearanceForThemes();
    void curveColorLiftsBlackOnDark();
    void chartTakesAppearance();
    void copySettingsCarriesAppearance();
};

void TestTheme::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Theme>("theme");
    QTest::newRow("light") << QStringLiteral("light") << true << Theme::Light;
    QTest::newRow("Dark any case") << QStringLiteral(" Dark") << true << Theme::Dark;
    QTest::newRow("unknown") << QStringLiteral("sepia") << false << Theme::Light;
}

void TestTheme::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(Theme, theme);
    const std::optional<Theme> parsed = Themes::fromName(name);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, theme);
        QCOMPARE(Themes::fromName(Themes::name(theme)), parsed);
    }
}

void TestTheme::palettesDiffer()
{
    const QPalette light = Themes::palette(Theme::Light);
    const QPalette dark = Themes::palette(Theme::Dark);
    QVERIFY(light.color(QPalette::Window) != dark.color(QPalette::Window));
    QVERIFY(light.color(QPalette::Base) != dark.color(QPalette::Base));
    QVERIFY(light.color(QPalette::Text) != dark.color(QPalette::Text));
    QVERIFY(Themes::palette(Theme::Light, true).color(QPalette::Window)
            != light.color(QPalette::Window));
}

void TestTheme::darkPaletteIsDark()
{
    const QPalette dark = Themes::palette(Theme::Dark);
    QVERIFY(dark.color(QPalette::Window).lightness() < 80);
    QVERIFY(dark.color(QPalette::Base).lightness() < 80);
    // Readable: text far from its background, in every role that carries text.
    QVERIFY(dark.color(QPalette::WindowText).lightness() > 180);
    QVERIFY(dark.color(QPalette::Text).lightness() > 180);
    QVERIFY(dark.color(QPalette::ButtonText).lightness() > 180);
    QVERIFY(dark.color(QPalette::ToolTipText).lightness()
            - dark.color(QPalette::ToolTipBase).lightness() > 100);
    const QPalette light = Themes::palette(Theme::Light);
    QVERIFY(light.color(QPalette::Window).lightness() > 200);
    QVERIFY(light.color(QPalette::WindowText).lightness() < 60);
}

void TestTheme::presentationPaletteIsPure()
{
    QCOMPARE(Themes::palette(Theme::Light, true).color(QPalette::Base), QColor(Qt::white));
    QCOMPARE(Themes::palette(Theme::Light, true).color(QPalette::Text), QColor(Qt::black));
    QCOMPARE(Themes::palette(Theme::Dark, true).color(QPalette::Window), QColor(Qt::black));
    QCOMPARE(Themes::palette(Theme::Dark, true).color(QPalette::WindowText), QColor(Qt::white));
}

void TestTheme::applySetsFusionAndFont()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QVERIFY(app);
    const qreal base = QApplication::font().pointSizeF();
    QVERIFY(base > 0);

    Themes::apply(*app, Theme::Dark, false);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             Themes::palette(Theme::Dark).color(QPalette::Window));
    QCOMPARE(QApplication::font().pointSizeF(), base);

    Themes::apply(*app, Theme::Light, true);
    QCOMPARE(QApplication::font().pointSizeF(), base * Themes::PresentationUiFontScale);
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));

    // Leaving presentation mode restores the font exactly, however often it is toggled.
    Themes::apply(*app, Theme::Light, true);
    Themes::apply(*app, Theme::Light, false);
    QCOMPARE(QApplication::font().pointSizeF(), base);
}

void TestTheme::chartAppearanceForThemes()
{
    const ChartAppearance light = ChartAppearance::forTheme(Theme::Light);
    const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark);
    QCOMPARE(light, ChartAppearance());
    QVERIFY(!light.isDark());
    QVERIFY(dark.isDark());
    QVERIFY(dark.text.lightness() > 180);
    QVERIFY(dark != light);

    const ChartAppearance present = ChartAppearance::forTheme(Theme::Light, true);
    QCOMPARE(present.plotBackground, QColor(Qt::white));
    QCOMPARE(present.text, QColor(Qt::black));
    QVERIFY(present.curveWidth > light.curveWidth);
    QVERIFY(present.focusedCurveWidth > light.focusedCurveWidth);
    QCOMPARE(present.fontScale, Themes::PresentationFontScale);
    QCOMPARE(ChartAppearance::forTheme(Theme::Dark, true).plotBackground, QColor(Qt::black));
}

void TestTheme::curveColorLiftsBlackOnDark()
{
    const QColor black(0, 0, 0);
    const QColor blue(0x00, 0x72, 0xB2);
    QCOMPARE(ChartAppearance::forTheme(Theme::Light).curveColor(black), black);
    QVERIFY(ChartAppearance::forTheme(Theme::Dark).curveColor(black).lightness() > 180);
    // Okabe–Ito's colours stay as they are.
    QCOMPARE(ChartAppearance::forTheme(Theme::Dark).curveColor(blue), blue);
}

void TestTheme::chartTakesAppearance()
{
    SceneModel scene;
    QVERIFY(scene.addFunction(QStringLiteral("sigmoid")));
    QGraphicsScene graphics;
    auto *chart = new PlotChart;
    graphics.addItem(chart);
    chart->setModel(&scene);
    chart->setFocusRow(0);
    chart->layoutNow(QSizeF(800, 500));
    const qreal labelSize = chart->xAxis()->labelsFont().pointSizeF();
    const qreal lineWidth = chart->curveSeries(0, 0).value(0)->pen().widthF();

    const ChartAppearance dark = ChartAppearance::forTheme(Theme::Dark);
    chart->setAppearance(dark);
    QCOMPARE(chart->appearance(), dark);
    QCOMPARE(chart->xAxis()->labelsColor(), dark.labels);
    QCOMPARE(chart->yAxis()->labelsColor(), dark.labels);
    QCOMPARE(chart->xAxis()->gridLineColor(), dark.grid);
    QCOMPARE(chart->backgroundBrush().color(), dark.background);
    QCOMPARE(chart->titleBrush().color(), dark.text);

    // Presentation: larger text and thicker curves.
    chart->setAppearance(ChartAppearance::forTheme(Theme::Dark, true));
    QCOMPARE(chart->backgroundBrush().color(), QColor(Qt::black));
    QCOMPARE(chart->xAxis()->labelsFont().pointSizeF(), labelSize * Themes::PresentationFontScale);
    QVERIFY(chart->curveSeries(0, 0).value(0)->pen().widthF() > lineWidth);

    chart->setAppearance(ChartAppearance());
    QCOMPARE(chart->xAxis()->labelsFont().pointSizeF(), labelSize);
    QCOMPARE(chart->curveSeries(0, 0).value(0)->pen().widthF(), lineWidth);
}

void TestTheme::copySettingsCarriesAppearance()
{
    PlotChart screen;
    screen.setAppearance(ChartAppearance::forTheme(Theme::Dark));
    PlotChart copy;
    copy.copySettings(screen);
    QCOMPARE(copy.appearance(), screen.appearance());
    QCOMPARE(copy.xAxis()->labelsColor(), screen.appearance().labels);
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
