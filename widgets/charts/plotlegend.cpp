#include "plotlegend.h"

#include "plotstyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

using PlotStyle::withAlpha;

namespace {

constexpr qreal SwatchWidth = 24;
constexpr qreal SwatchGap = 6;
constexpr qreal EntrySpacing = 20;

bool isBand(const PlotChart::LegendEntry &entry)
{
    return entry.kind == PlotChart::LegendEntry::ZeroBand
        || entry.kind == PlotChart::LegendEntry::SaturatedBand;
}

} // namespace

PlotChartLegend::PlotChartLegend(const ChartAppearance &look, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_look(&look)
{
    setZValue(5);
    setAcceptedMouseButtons(Qt::NoButton);
    m_font.setPointSizeF(PlotStyle::LegendPointSize);
    m_bold = m_font;
    m_bold.setBold(true);
    setVector(false);
}

void PlotChartLegend::setFontScale(qreal scale)
{
    m_font.setPointSizeF(PlotStyle::LegendPointSize * scale);
    m_bold = m_font;
    m_bold.setBold(true);
    update();
}

void PlotChartLegend::setVector(bool vector)
{
    m_vector = vector;
    // Entries change far less often than the curves: repaint from a pixmap on screen. Never
    // in SVG, whose text must stay text.
    setCacheMode(vector ? NoCache : DeviceCoordinateCache);
    update();
}

qreal PlotChartLegend::layoutFor(qreal width)
{
    QList<Placed> placed;
    const QFontMetricsF plain(m_font);
    m_rowHeight = std::ceil(std::max(plain.height(), 14.0)) + 4;
    if (width > 2 * SwatchWidth) {
        placed = measure(width);
        const QList<QList<int>> rows = flowRows(placed, width);
        placeRows(rows, placed, width);
        m_rows = int(rows.size());
        m_height = std::max(m_rows, m_minimumRows) * m_rowHeight;
    } else {
        m_rows = 0;
        m_height = 0;
    }
    prepareGeometryChange();
    m_width = m_height > 0 ? width : 0;
    m_placed = placed;
    updateToolTip();
    update();
    return m_height;
}

QList<PlotChartLegend::Placed> PlotChartLegend::measure(qreal width) const
{
    // Sizes first, eliding only what is wider than a whole row.
    QList<Placed> placed;
    const QFontMetricsF plain(m_font);
    const QFontMetricsF bold(m_bold);
    for (int i = 0; i < m_entries.size(); ++i) {
        const PlotChart::LegendEntry &e = m_entries[i];
        const QFontMetricsF &fm = e.emphasised ? bold : plain;
        QString text = e.text;
        qreal textWidth = fm.horizontalAdvance(text);
        const qreal room = width - SwatchWidth - SwatchGap;
        if (textWidth > room) {
            text = fm.elidedText(text, Qt::ElideRight, room);
            textWidth = fm.horizontalAdvance(text);
        }
        placed.append(Placed { i, QPointF(), SwatchWidth + SwatchGap + textWidth, text });
    }
    return placed;
}

QList<QList<int>> PlotChartLegend::flowRows(const QList<Placed> &placed, qreal width) const
{
    qreal total = 0;
    for (int i = 0; i < placed.size(); ++i)
        total += placed[i].width + (i > 0 ? EntrySpacing : 0);
    const bool oneRow = total <= width;
    QList<QList<int>> rows;
    qreal x = 0;
    for (int i = 0; i < placed.size(); ++i) {
        const PlotChart::LegendEntry &e = m_entries[i];
        const bool bandsStart = !oneRow && isBand(e) && i > 0 && !isBand(m_entries[i - 1]);
        if (rows.isEmpty() || bandsStart || x + EntrySpacing + placed[i].width > width) {
            rows.append(QList<int>());
            x = -EntrySpacing;
        }
        rows.last().append(i);
        x += EntrySpacing + placed[i].width;
    }
    return rows;
}

void PlotChartLegend::placeRows(const QList<QList<int>> &rows, QList<Placed> &placed,
                                qreal width) const
{
    for (int r = 0; r < rows.size(); ++r) {
        qreal rowWidth = -EntrySpacing;
        for (int i : rows[r])
            rowWidth += EntrySpacing + placed[i].width;
        qreal at = std::floor((width - rowWidth) / 2);
        for (int i : rows[r]) {
            placed[i].pos = QPointF(at, r * m_rowHeight);
            at += placed[i].width + EntrySpacing;
        }
    }
}

void PlotChartLegend::updateToolTip()
{
    // A name cut short to fit is read in full on the legend's tooltip.
    QStringList full;
    bool cut = false;
    for (const Placed &p : std::as_const(m_placed)) {
        full << m_entries[p.entry].text;
        cut = cut || p.text != m_entries[p.entry].text;
    }
    setToolTip(cut ? full.join(QLatin1Char('\n')) : QString());
}

QStringList PlotChartLegend::drawnTexts() const
{
    QStringList texts;
    for (const Placed &p : m_placed)
        texts << p.text;
    return texts;
}

void PlotChartLegend::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    for (const Placed &p : std::as_const(m_placed)) {
        const PlotChart::LegendEntry &e = m_entries[p.entry];
        const qreal cy = p.pos.y() + m_rowHeight / 2;
        const qreal x = p.pos.x();
        paintSwatch(painter, e, x, cy);
        painter->setFont(e.emphasised ? m_bold : m_font);
        painter->setPen(m_look->text);
        const qreal textX = x + SwatchWidth + SwatchGap;
        painter->drawText(QRectF(textX, p.pos.y(), p.width - (textX - x) + 2, m_rowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, p.text);
    }
}

void PlotChartLegend::paintSwatch(QPainter *painter, const PlotChart::LegendEntry &e, qreal x,
                                  qreal cy) const
{
    const QRectF box(x + 4, cy - 6.5, SwatchWidth - 8, 13);
    switch (e.kind) {
    case PlotChart::LegendEntry::Curve:
        painter->setPen(QPen(e.color,
                             (e.emphasised ? m_look->focusedCurveWidth : m_look->curveWidth)
                                 + 0.5,
                             Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(QPointF(x + 2, cy), QPointF(x + SwatchWidth - 2, cy));
        break;
    case PlotChart::LegendEntry::ZeroBand:
        painter->fillRect(box, m_look->background);
        painter->fillRect(box, withAlpha(e.color, 60));
        painter->fillRect(box,
                          m_vector ? QBrush(withAlpha(e.color, 200))
                                   : QBrush(e.color, Qt::BDiagPattern));
        painter->setPen(QPen(e.color, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
        break;
    case PlotChart::LegendEntry::SaturatedBand:
        painter->fillRect(box, withAlpha(e.color, 80));
        painter->setPen(QPen(withAlpha(e.color, 170), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
        break;
    case PlotChart::LegendEntry::More:
        break; // text only
    }
}
