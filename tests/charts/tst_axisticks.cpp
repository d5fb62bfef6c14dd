#include "axisticks.h"

#include <QTest>

#include <cmath>

using namespace AxisTicks;

namespace {

/** True for 1, 2 or 5 × 10^k. */
bool isNice(double step)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double mantissa = step / magnitude;
    for (double m : { 1.0, 2.0, 5.0 }) {
        if (std::fabs(mantissa - m) < 1e-9)
            return true;
    }
    return false;
}

/** The labels Qt Charts would print for ticks. */
QStringList labels(const Ticks &ticks, double min, double max)
{
    QStringList texts;
    for (double t : dynamicTicks(min, max, ticks.step, ticks.anchor))
        texts << QString::asprintf(qPrintable(ticks.labelFormat), t);
    return texts;
}

} // namespace

class TestAxisTicks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceSteps_data();
    void niceSteps();
    void tickCountsFollowSizeAndText();
    void unsizedPlotGetsTypicalCounts();
    void defaultRangeAtWidths_data();
    void defaultRangeAtWidths();
    void narrowChartKeepsFourTicks();
    void stepInUseStaysWithinSlack();
    void tinyRange();
    void hugeRange();
    void labelFormats_data();
    void labelFormats();
    void noNegativeZeroLabel();
    void emptyOrInfiniteSpan();
};

void TestAxisTicks::niceSteps_data()
{
    QTest::addColumn<double>("span");
    QTest::addColumn<double>("ticks");
    QTest::addColumn<double>("step");
    QTest::newRow("12 in 10") << 12.0 << 10.0 << 2.0;
    QTest::newRow("12 in 2.5") << 12.0 << 2.5 << 5.0;
    QTest::newRow("10 in 10") << 10.0 << 10.0 << 1.0;
    QTest::newRow("2 in 5") << 2.0 << 5.0 << 0.5;
    QTest::newRow("7 in 1") << 7.0 << 1.0 << 10.0;
    QTest::newRow("3e-6 in 6") << 3e-6 << 6.0 << 5e-7;
    QTest::newRow("ticks below 1") << 4.0 << 0.25 << 5.0; // at least one interval
}

void TestAxisTicks::niceSteps()
{
    QFETCH(double, span);
    QFETCH(double, ticks);
    QFETCH(double, step);
    const double got = niceStep(span, ticks);
    QVERIFY2(std::fabs(got - step) <= 1e-12 * step, qPrintable(QString::number(got)));
    QVERIFY(span / got <= std::max(1.0, ticks) * (1 + 1e-9));
}

void TestAxisTicks::tickCountsFollowSizeAndText()
{
    QCOMPARE(xTickCount(600, 1), 10.0);
    QCOMPARE(xTickCount(600, 2), 5.0); // larger text: fewer labels
    QCOMPARE(xTickCount(60, 1), 2.0); // never fewer than two
    QCOMPARE(xTickCount(6000, 1), 14.0);
    QCOMPARE(yTickCount(400, 1), 10.0);
    QCOMPARE(yTickCount(400, 0.5), 10.0); // smaller text does not crowd them
    QCOMPARE(yTickCount(4000, 1), 20.0);

    const PlotTickCounts counts = tickCounts(600, 400, 1);
    QCOMPARE(counts.x.ticks, 10.0);
    QCOMPARE(counts.x.fewest, xTickCount(600 - 24, 1));
    QCOMPARE(counts.x.most, xTickCount(600 + 24, 1));
    QCOMPARE(counts.y.ticks, 10.0);
    QVERIFY(counts.y.fewest < counts.y.ticks && counts.y.ticks < counts.y.most);
}

void TestAxisTicks::unsizedPlotGetsTypicalCounts()
{
    for (const auto &[w, h] : { std::pair { 0.0, 0.0 }, { 600.0, 5.0 }, { 5.0, 400.0 } }) {
        const PlotTickCounts counts = tickCounts(w, h, 1);
        QCOMPARE(counts.x.ticks, 8.0);
        QCOMPARE(counts.x.fewest, 8.0);
        QCOMPARE(counts.x.most, 8.0);
        QCOMPARE(counts.y.ticks, 6.0);
    }
}

void TestAxisTicks::defaultRangeAtWidths_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("step");
    QTest::addColumn<QStringList>("labels");
    const QStringList byTwo { "-6", "-4", "-2", "0", "2", "4", "6" };
    QTest::newRow("600 px") << 600.0 << 2.0 << byTwo;
    QTest::newRow("1200 px") << 1200.0 << 1.0
                             << QStringList { "-6", "-5", "-4", "-3", "-2", "-1", "0",
                                              "1",  "2",  "3",  "4",  "5",  "6" };
    QTest::newRow("150 px") << 150.0 << 2.0 << byTwo; // 5 would give three ticks only
}

void TestAxisTicks::defaultRangeAtWidths()
{
    QFETCH(double, width);
    QFETCH(double, step);
    QFETCH(QStringList, labels);
    const std::optional<Ticks> ticks = ticksFor(-6, 6, tickCounts(width, 300, 1).x, 0);
    QVERIFY(ticks);
    QCOMPARE(ticks->step, step);
    QVERIFY(isNice(ticks->step));
    QCOMPARE(ticks->decimals, 0);
    QCOMPARE(ticks->labelFormat, QStringLiteral("%.0f"));
    QCOMPARE(::labels(*ticks, -6, 6), labels);
}

void TestAxisTicks::narrowChartKeepsFourTicks()
{
    // Two ticks allowed would give a step of 5 or 10; the next nice steps down keep four.
    for (double span : { 1.0, 3.0, 7.0, 12.0, 40.0, 900.0 }) {
        const std::optional<Ticks> ticks = ticksFor(0, span, { 2, 2, 2 }, 0);
        QVERIFY(ticks);
        QVERIFY2(span / ticks->step >= 4 - 1e-9, qPrintable(QString::number(span)));
        QVERIFY(isNice(ticks->step));
        QVERIFY(dynamicTicks(0, span, ticks->step, ticks->anchor).size() >= 4);
    }
}

void TestAxisTicks::stepInUseStaysWithinSlack()
{
    // With 9 to 12 intervals allowed over [−6, 6], a step of 1 or 2 suits: 2 is chosen afresh,
    // but a step in use stays, so a size near the threshold does not bounce between layouts.
    const TickCounts counts { 10, 9, 12 };
    QCOMPARE(ticksFor(-6, 6, counts, 0)->step, 2.0);
    QCOMPARE(ticksFor(-6, 6, counts, 1)->step, 1.0);
    QCOMPARE(ticksFor(-6, 6, counts, 2)->step, 2.0);
    // A step that no size near this one would choose gives way.
    QCOMPARE(ticksFor(-6, 6, counts, 0.5)->step, 2.0);
    QCOMPARE(ticksFor(-6, 6, counts, 5)->step, 2.0);
}

void TestAxisTicks::tinyRange()
{
    const std::optional<Ticks> ticks = ticksFor(0, 3e-6, { 6, 6, 6 }, 0);
    QVERIFY(ticks);
    QCOMPARE(ticks->step, 5e-7);
    QCOMPARE(ticks->decimals, 7);
    QCOMPARE(ticks->labelFormat, QStringLiteral("%.7f"));
    const QStringList texts = labels(*ticks, 0, 3e-6);
    QCOMPARE(texts.first(), QStringLiteral("0.0000000"));
    QCOMPARE(texts.last(), QStringLiteral("0.0000030"));
    QCOMPARE(texts.size(), 7);
}

void TestAxisTicks::hugeRange()
{
    const std::optional<Ticks> ticks = ticksFor(-1e300, 1e300, { 10, 10, 10 }, 0);
    QVERIFY(ticks);
    QVERIFY(isNice(ticks->step));
    QCOMPARE(ticks->decimals, 0);
    const QList<double> values = dynamicTicks(-1e300, 1e300, ticks->step, ticks->anchor);
    QVERIFY(values.size() >= 4 && values.size() <= 11);

    // Decimals never run past 12, however small the step.
    QCOMPARE(decimalsFor(1e-20), 12);
}

void TestAxisTicks::labelFormats_data()
{
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("format");
    QTest::newRow("0.5") << 0.5 << QStringLiteral("%.1f");
    QTest::newRow("0.2") << 0.2 << QStringLiteral("%.1f");
    QTest::newRow("0.05") << 0.05 << QStringLiteral("%.2f");
    QTest::newRow("1") << 1.0 << QStringLiteral("%.0f");
    QTest::newRow("2") << 2.0 << QStringLiteral("%.0f");
    QTest::newRow("500") << 500.0 << QStringLiteral("%.0f");
}

void TestAxisTicks::labelFormats()
{
    QFETCH(double, step);
    QFETCH(QString, format);
    QCOMPARE(labelFormat(decimalsFor(step)), format);
}

void TestAxisTicks::noNegativeZeroLabel()
{
    // Summed up from −1 in steps of 0.2, the tick at 0 is −1.1e−16 and would read "-0.0".
    const std::optional<Ticks> ticks = ticksFor(-1, 1, { 10, 10, 10 }, 0);
    QVERIFY(ticks);
    QCOMPARE(ticks->step, 0.2);
    QCOMPARE(ticks->labelFormat, QStringLiteral("%.1f"));
    const QStringList texts = labels(*ticks, -1, 1);
    QVERIFY2(!texts.contains(QStringLiteral("-0.0")), qPrintable(texts.join(' ')));
    QVERIFY(texts.contains(QStringLiteral("0.0")));
    QCOMPARE(texts.first(), QStringLiteral("-1.0"));
    // No anchor near a multiple of 0.2 gives all eleven ticks without "-0.0" here: the clean
    // labels win, and the tick at the end may be lost (tickAnchor()'s fallback).
    QVERIFY(texts.size() >= 10);
    QCOMPARE(texts.mid(0, 10),
             QStringList({ "-1.0", "-0.8", "-0.6", "-0.4", "-0.2", "0.0", "0.2", "0.4", "0.6",
                           "0.8" }));
}

void TestAxisTicks::emptyOrInfiniteSpan()
{
    QVERIFY(!ticksFor(1, 1, { 10, 10, 10 }, 0));
    QVERIFY(!ticksFor(2, 1, { 10, 10, 10 }, 0));
    QVERIFY(!ticksFor(0, qInf(), { 10, 10, 10 }, 0));
    QVERIFY(!ticksFor(qQNaN(), 1, { 10, 10, 10 }, 0));
}

QTEST_APPLESS_MAIN(TestAxisTicks)
#include "tst_axisticks.moc"
