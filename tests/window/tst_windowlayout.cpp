// The window on the screens a teacher meets: it fits the screen, the charts get most of it in
// good shapes, and nothing on them is cut. CTest runs this once per screen (1024×768, 1280×720,
// 1920×1080, 3840×2160 at QT_SCALE_FACTOR=2), each an offscreen screen of that size
// (QT_QPA_PLATFORM=offscreen:configfile=…). AE_LAYOUT_SHOTS names a folder for a picture of each
// case (scripts/layout_screenshots.sh keeps them in docs/).

#include "chartsettling.h"
#include "chartwidget.h"
#include "functionlistpanel.h"
#include "mainwindow.h"
#include "plotchart.h"
#include "scenemodel.h"

#include <QAction>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <memory>

namespace {

/** Labelled ticks on an axis: Qt Charts' dynamic ticks from the anchor, or a fixed count. */
int tickCount(const QValueAxis *axis)
{
    if (axis->tickType() != QValueAxis::TicksDynamic || !(axis->tickInterval() > 0))
        return axis->tickCount();
    const double step = axis->tickInterval();
    const double slack = 1e-9 * (axis->max() - axis->min());
    double t = axis->tickAnchor() + std::ceil((axis->min() - axis->tickAnchor()) / step) * step;
    int n = 0;
    for (; t <= axis->max() + slack && n < 1000; t += step)
        ++n;
    return n;
}

/** Every text the chart draws that Qt Charts cut short ("f′(x) — the gradie…", "…"). */
QStringList elidedTexts(const ChartWidget *chart)
{
    QStringList cut;
    const PlotChart *plot = chart->chart();
    for (QGraphicsItem *item : plot->scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item)) {
            const QString plain = text->toPlainText();
            if (text->isVisible()
                && (plain.contains(QChar(0x2026)) || plain.contains(QLatin1String("..."))))
                cut << plain;
        }
    }
    if (plot->drawnTitle() != plot->titleText())
        cut << plot->drawnTitle();
    for (const QString &entry : plot->legendDrawnTexts()) {
        if (entry.endsWith(QChar(0x2026)) && !entry.startsWith(QChar(0x2026)))
            cut << entry;
    }
    return cut;
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void firstLaunchFitsTheScreen();
    void chartsTakeTheRoom_data();
    void chartsTakeTheRoom();
    void savedGeometryIsKeptOnTheScreen();

private:
    std::unique_ptr<MainWindow> openWindow();
    QRect available() const { return QGuiApplication::primaryScreen()->availableGeometry(); }
    void shoot(QWidget *window, const QString &name);

    QTemporaryDir m_settingsDir;
};

void TestWindowLayout::initTestCase()
{
    // A first launch: no settings from another test or from the user. The four screen sizes run
    // as four processes of this executable, often at once (ctest -j): each keeps its settings in
    // a folder of its own, or one's clear() wipes the geometry another has just saved.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
        QSettings::setPath(format, QSettings::UserScope, m_settingsDir.path());
    QVERIFY2(QSettings().fileName().startsWith(m_settingsDir.path()),
             qPrintable(QSettings().fileName()));
}

void TestWindowLayout::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("startPageShown"), true);
}

std::unique_ptr<MainWindow> TestWindowLayout::openWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->fitToScreen();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    // The charts lay out, resample, lay out again (no plot size at all before the window shows).
    if (!QTest::qWaitFor([&] { return chartsSettled(*window); }))
        return nullptr;
    return window;
}

void TestWindowLayout::shoot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("AE_LAYOUT_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Named by the screen's pixels: 3840×2160 at scale 2 is 1920×1080 to Qt.
    const qreal ratio = window->devicePixelRatioF();
    const QSize s = QGuiApplication::primaryScreen()->size() * ratio;
    const QString file = QStringLiteral("%1/layout-%2x%3%4-%5.png")
                                 .arg(dir)
                                 .arg(s.width())
                                 .arg(s.height())
                                 .arg(ratio > 1 ? QStringLiteral("-scale%1").arg(ratio)
                                                : QString())
                                 .arg(name);
    QVERIFY(window->grab().save(file));
}

void TestWindowLayout::firstLaunchFitsTheScreen()
{
    const auto window = openWindow();
    QVERIFY(window);
    const QRect frame = window->frameGeometry();
    QVERIFY2(available().contains(frame),
             qPrintable(QStringLiteral("window %1,%2 %3×%4 on a screen of %5×%6")
                                .arg(frame.x()).arg(frame.y()).arg(frame.width())
                                .arg(frame.height()).arg(available().width())
                                .arg(available().height())));
    // It uses the screen: a first launch opens as large as the screen allows.
    QVERIFY(frame.width() >= 0.9 * available().width());
    QVERIFY(frame.height() >= 0.9 * available().height());
}

void TestWindowLayout::chartsTakeTheRoom_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("second");
    QTest::addColumn<double>("share");
    QTest::addColumn<QString>("focus"); // a function added and selected; its parameters show
    QTest::newRow("window") << false << false << 0.5 << QString();
    QTest::newRow("window, f″") << false << true << 0.5 << QString();
    QTest::newRow("presentation") << true << false << 0.75 << QString();
    QTest::newRow("presentation, f″") << true << true << 0.75 << QString();
    // The longest parameter name, with its slider, play button and spin box in the strip.
    QTest::newRow("presentation, leaky_relu") << true << false << 0.75 << "leaky_relu";
}

void TestWindowLayout::chartsTakeTheRoom()
{
    QFETCH(bool, presentation);
    QFETCH(bool, second);
    QFETCH(double, share);
    QFETCH(QString, focus);
    const auto window = openWindow();
    QVERIFY(window);
    if (!focus.isEmpty()) {
        QVERIFY(window->scene()->addFunction(focus));
        window->functionList()->setCurrentRow(window->scene()->rowCount() - 1);
    }
    // f″ or presentation mode gives the charts other sizes: they settle again for those.
    const QSize before = window->functionChart()->size();
    window->action(QStringLiteral("secondDerivativeAction"))->setChecked(second);
    if (presentation)
        window->setPresentationMode(true);
    QTRY_VERIFY((!(second || presentation) || window->functionChart()->size() != before)
                && chartsSettled(*window));
    shoot(window.get(), QStringLiteral("%1%2%3").arg(presentation ? "presentation" : "window",
                                                     second ? "-f2" : "",
                                                     focus.isEmpty() ? QString() : "-" + focus));

    const QRect screen = available();
    QVERIFY2(screen.contains(window->frameGeometry()),
             qPrintable(QStringLiteral("window %1×%2, at least %3×%4")
                                .arg(window->frameGeometry().width())
                                .arg(window->frameGeometry().height())
                                .arg(window->minimumSizeHint().width())
                                .arg(window->minimumSizeHint().height())));
    double area = 0;
    int shown = 0;
    for (ChartWidget *chart : { window->functionChart(), window->derivativeChart(),
                                window->secondDerivativeChart() }) {
        if (!chart->isVisible())
            continue;
        ++shown;
        const QRect r(chart->mapTo(window.get(), QPoint()), chart->size());
        const QString what = QStringLiteral("%1 at %2×%3").arg(chart->accessibleName())
                                     .arg(r.width()).arg(r.height());
        QVERIFY2(window->rect().contains(r), qPrintable(what + QStringLiteral(": off the window")));
        area += double(r.width()) * r.height();
        // Activation curves are wide: no tall, narrow charts.
        QVERIFY2(r.width() >= 0.8 * r.height(), qPrintable(what));
        const int ticks = tickCount(chart->chart()->xAxis());
        QVERIFY2(ticks >= 4, qPrintable(what + QStringLiteral(": %1 x ticks").arg(ticks)));
        const QStringList cut = elidedTexts(chart);
        QVERIFY2(cut.isEmpty(), qPrintable(what + QStringLiteral(": cut: ") + cut.join(" | ")));
    }
    QCOMPARE(shown, second ? 3 : 2);
    // Each order's curves are sampled for the chart that shows them (f″ below f and f′ is wider).
    for (ChartWidget *chart : { window->functionChart(), window->derivativeChart(),
                                window->secondDerivativeChart() }) {
        if (!chart->isVisible())
            continue;
        for (int order : PlotChart::ordersOf(chart->content())) {
            const QSize sampled = window->scene()->plotSize(order);
            QVERIFY2(sampled.width() >= chart->plotSize().width()
                             && sampled.width() < chart->plotSize().width() + 32
                             && sampled.height() >= chart->plotSize().height(),
                     qPrintable(QStringLiteral("order %1 sampled for %2×%3, its chart's plot %4×%5")
                                        .arg(order).arg(sampled.width()).arg(sampled.height())
                                        .arg(chart->plotSize().width())
                                        .arg(chart->plotSize().height())));
        }
    }
    const double covered = area / (double(screen.width()) * screen.height());
    qInfo("charts cover %.1f %% of the screen", 100 * covered);
    QVERIFY2(covered >= share,
             qPrintable(QStringLiteral("the charts cover %1 % of the screen").arg(100 * covered)));
    if (presentation)
        window->setPresentationMode(false);
}

void TestWindowLayout::savedGeometryIsKeptOnTheScreen()
{
    // Closed on a larger screen, opened on this one: the window stays within it.
    {
        MainWindow big;
        big.setGeometry(QRect(available().topLeft() + QPoint(300, 200), available().size() * 2));
        big.show();
        QVERIFY(QTest::qWaitForWindowExposed(&big));
        big.close();
    }
    QVERIFY(!QSettings().value(QStringLiteral("windowGeometry")).toByteArray().isEmpty());
    const auto window = openWindow();
    QVERIFY(window);
    QVERIFY2(available().contains(window->frameGeometry()),
             qPrintable(QStringLiteral("%1,%2 %3×%4")
                                .arg(window->x()).arg(window->y())
                                .arg(window->width()).arg(window->height())));
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
