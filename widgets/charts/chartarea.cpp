#include "chartarea.h"

#include <QEvent>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

/** The shape a chart of activation curves reads best at, width over height. */
constexpr double IdealAspect = 1.6;
/** Below this height (logical px) a chart's title, legend and axis leave its plot too little. */
constexpr double ComfortableHeight = 300;

struct Shape
{
    double width;
    double height;
};

/** How far the worst of these chart shapes is from the ideal; a shape below the minimum aspect
 * loses, and a short chart pays for the height it lacks. */
double badness(std::initializer_list<Shape> shapes)
{
    double worst = 0;
    for (const Shape &s : shapes) {
        const double a = s.width / s.height;
        if (!(a > 0) || !std::isfinite(a))
            return 1e9;
        double b = std::abs(std::log(a / IdealAspect));
        if (a < ChartArea::MinAspect)
            b += 10;
        if (s.height < ComfortableHeight)
            b += 2 * (ComfortableHeight / s.height - 1);
        worst = std::max(worst, b);
    }
    return worst;
}

} // namespace

ChartArea::ChartArea(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chartArea"));
    m_outer = new QSplitter(Qt::Vertical, this);
    m_outer->setObjectName(QStringLiteral("chartSplitter"));
    m_outer->setChildrenCollapsible(false);
    m_row = new QSplitter(Qt::Horizontal, m_outer);
    m_row->setObjectName(QStringLiteral("chartRowSplitter"));
    m_row->installEventFilter(this);
    m_outer->installEventFilter(this);
    m_row->setChildrenCollapsible(false);
    m_outer->addWidget(m_row);
    m_outer->setAccessibleName(tr("Charts"));
    m_outer->setAccessibleDescription(tr("The charts, arranged to fit the window; drag a divider "
                                         "to share the room between them differently"));
    m_row->setAccessibleName(tr("Chart row"));
    m_row->setAccessibleDescription(
            tr("Charts side by side, or one above the other when that fits the window better"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_outer);
}

void ChartArea::addChart(QWidget *chart)
{
    m_charts.append(chart);
    m_row->addWidget(chart);
    chart->installEventFilter(this);
    rearrange();
    describeDividers();
}

void ChartArea::describeDividers()
{
    // A splitter makes a handle per widget; the first is never shown.
    for (QSplitter *splitter : { m_row, m_outer }) {
        for (int i = 1; i < splitter->count(); ++i) {
            QWidget *handle = splitter->handle(i);
            handle->setAccessibleName(tr("Chart divider"));
            handle->setAccessibleDescription(
                    tr("Drag to give the charts on either side more or less room"));
        }
    }
}

void ChartArea::setStacked(bool stacked)
{
    if (stacked == m_stacked)
        return;
    m_stacked = stacked;
    rearrange();
}

ChartArea::Arrangement ChartArea::bestArrangement(QSize size, int charts)
{
    if (charts <= 1 || size.isEmpty())
        return Arrangement::Row;
    const double w = size.width();
    const double h = size.height();
    const double n = charts;
    Arrangement best = Arrangement::Row;
    double bestBadness = badness({ { w / n, h } });
    const double column = badness({ { w, h / n } });
    if (column < bestBadness) {
        best = Arrangement::Column;
        bestBadness = column;
    }
    if (charts >= 3) {
        // Two rows: the first two charts over the others, which share the width.
        const double grid = badness({ { w / 2, h / 2 }, { w / (n - 2), h / 2 } });
        if (grid < bestBadness)
            best = Arrangement::Grid;
    }
    return best;
}

void ChartArea::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rearrange();
}

bool ChartArea::eventFilter(QObject *watched, QEvent *event)
{
    if (m_sharePending && event->type() == QEvent::Resize && (watched == m_row || watched == m_outer))
        shareEqually();
    // A chart shown or hidden (f″ on, overlay) changes what there is to arrange.
    if (!m_arranging && (event->type() == QEvent::ShowToParent
                         || event->type() == QEvent::HideToParent)
        && m_charts.contains(static_cast<QWidget *>(watched)))
        rearrange();
    return QWidget::eventFilter(watched, event);
}

QList<QWidget *> ChartArea::visibleCharts() const
{
    QList<QWidget *> shown;
    for (QWidget *chart : m_charts) {
        if (!chart->isHidden())
            shown.append(chart);
    }
    return shown;
}

void ChartArea::rearrange()
{
    if (m_arranging)
        return;
    const QList<QWidget *> shown = visibleCharts();
    const Arrangement next
        = m_stacked ? Arrangement::Column : bestArrangement(size(), int(shown.size()));
    // Where each chart belongs: the first row, or below it (the grid's later charts).
    QList<QWidget *> below;
    if (next == Arrangement::Grid)
        below = shown.mid(2);
    const Qt::Orientation rowOrientation
        = next == Arrangement::Column ? Qt::Vertical : Qt::Horizontal;
    bool moved = false;
    for (QWidget *chart : std::as_const(m_charts)) {
        QSplitter *home = below.contains(chart) ? m_outer : m_row;
        if (chart->parentWidget() != home)
            moved = true;
    }
    if (next == m_arrangement && !moved && m_row->orientation() == rowOrientation)
        return;

    m_arranging = true;
    m_arrangement = next;
    m_row->setOrientation(rowOrientation);
    for (QWidget *chart : std::as_const(m_charts)) {
        // Moving a widget between splitters reparents it, which forgets an explicit hide().
        const bool hidden = chart->isHidden();
        if (below.contains(chart))
            m_outer->addWidget(chart);
        else
            m_row->addWidget(chart); // appends in order: the charts keep their sequence
        chart->setVisible(!hidden);
        // Growing or shrinking, the charts of a splitter share the change equally (not by
        // their size hints, which follow what each chart drew last).
        QSplitter *home = below.contains(chart) ? m_outer : m_row;
        home->setStretchFactor(home->indexOf(chart), 1);
    }
    shareEqually();
    describeDividers();
    m_arranging = false;
}

void ChartArea::shareEqually()
{
    // The row and each chart below it get the same height, the charts of a row the same width.
    // A splitter not laid out yet (before the window is shown) keeps no sizes, and would share
    // its first real length by the charts' size hints: this waits for that first resize
    // (eventFilter()).
    m_sharePending = m_row->width() <= 1 || m_outer->height() <= 1;
    if (m_sharePending)
        return;
    for (QSplitter *splitter : { m_row, m_outer }) {
        const int count = splitter->count();
        const int length = splitter->orientation() == Qt::Horizontal ? splitter->width()
                                                                     : splitter->height();
        splitter->setSizes(QList<int>(count, std::max(1, length / std::max(1, count))));
    }
}
