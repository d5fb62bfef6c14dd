#include "plotlanes.h"

#include "plotstyle.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

using PlotStyle::withAlpha;

namespace {

// Lanes: one strip per visible function along the bottom of the plot, in room the y axis keeps
// free of curves (flat saturated tails lie exactly there).
constexpr qreal LaneHeight = 7;
constexpr qreal LaneMinHeight = 3;
constexpr qreal LaneGap = 2;
constexpr qreal LanePadTop = 5;
constexpr qreal LanePadBottom = 3;
constexpr double LaneZoneMaxShare = 0.22; // of the plot's height, however many functions
constexpr int LaneSaturatedAlpha = 135;
constexpr int LaneTrackAlpha = 90;
constexpr int LaneHatchPeriod = 4;
constexpr int LaneHatchThickness = 2;

/** A tile of "/" lines, transparent between them, that repeats seamlessly. */
QImage hatchTile(const QColor &color, qreal dpr, int period, int thickness)
{
    const int p = std::max(2, int(std::lround(period * dpr)));
    const int t = std::max(1, int(std::lround(thickness * dpr)));
    QImage tile(p, p, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    const QRgb pixel = qPremultiply(color.rgba());
    for (int y = 0; y < p; ++y) {
        auto *line = reinterpret_cast<QRgb *>(tile.scanLine(y));
        for (int x = 0; x < p; ++x) {
            if ((x + y) % p < t)
                line[x] = pixel;
        }
    }
    tile.setDevicePixelRatio(dpr);
    return tile;
}

} // namespace

LaneGeometry laneGeometry(int lanes, qreal plotHeight)
{
    if (lanes <= 0)
        return {};
    const auto zoneFor = [lanes](qreal h) {
        return LanePadTop + lanes * h + (lanes - 1) * LaneGap + LanePadBottom;
    };
    const qreal maxZone = plotHeight * LaneZoneMaxShare;
    qreal h = LaneHeight;
    while (h > LaneMinHeight && zoneFor(h) > maxZone)
        h -= 1;
    return { h, zoneFor(h) };
}

PlotChartLanes::PlotChartLanes(const ChartAppearance &look, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_look(&look)
    , m_laneHeight(LaneHeight)
{
    setZValue(2.5); // Qt Charts: grid 2, axes 3, series 4
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void PlotChartLanes::set(const QList<Lane> &lanes, double xMin, double xMax, const QSizeF &size,
                         qreal laneHeight, bool vector, qreal dpr)
{
    if (lanes == m_lanes && xMin == m_xMin && xMax == m_xMax && size == m_size
        && laneHeight == m_laneHeight && vector == m_vector && dpr == m_dpr)
        return;
    if (size != m_size)
        prepareGeometryChange();
    if (dpr != m_dpr || vector != m_vector)
        m_zeroBrushes.clear();
    m_lanes = lanes;
    m_xMin = xMin;
    m_xMax = xMax;
    m_size = size;
    m_laneHeight = laneHeight;
    m_vector = vector;
    m_dpr = dpr;
    update();
}

QRectF PlotChartLanes::laneRect(int index) const
{
    return QRectF(0, LanePadTop + index * (m_laneHeight + LaneGap), m_size.width(), m_laneHeight);
}

void PlotChartLanes::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF all = boundingRect();
    if (all.isEmpty())
        return;
    // A shelf of its own: no grid lines or band hatching run through the lanes.
    painter->fillRect(all, m_look->plotBackground);
    painter->fillRect(QRectF(0, 0, all.width(), 1),
                      m_look->isDark() ? m_look->grid.lighter(130) : m_look->grid.darker(108));
    const double span = m_xMax - m_xMin;
    if (!(span > 0))
        return;
    const qreal w = all.width();
    const auto px = [&](double x) { return std::clamp((x - m_xMin) / span * w, 0.0, w); };
    for (int i = 0; i < m_lanes.size(); ++i) {
        const Lane &lane = m_lanes[i];
        const QRectF r = laneRect(i);
        // A faint track: the lane is there even where the function never saturates.
        painter->fillRect(QRectF(0, r.center().y() - 0.5, w, 1),
                          withAlpha(lane.color, LaneTrackAlpha));
        for (const auto &[from, to] : lane.extents[1]) {
            const qreal a = px(from);
            painter->fillRect(QRectF(a, r.top(), px(to) - a, r.height()),
                              withAlpha(lane.color, LaneSaturatedAlpha));
        }
        const QBrush &zero = zeroBrush(lane.color);
        for (const auto &[from, to] : lane.extents[0]) {
            const qreal a = px(from);
            const QRectF z(a, r.top(), px(to) - a, r.height());
            painter->fillRect(z, withAlpha(lane.color, LaneSaturatedAlpha));
            painter->fillRect(z, zero);
        }
    }
}

const QBrush &PlotChartLanes::zeroBrush(const QColor &color)
{
    auto it = m_zeroBrushes.find(color.rgba());
    if (it == m_zeroBrushes.end()) {
        // SVG viewers disagree on pattern and texture fills: solid there.
        const QBrush brush = m_vector
            ? QBrush(color)
            : QBrush(hatchTile(color, m_dpr, LaneHatchPeriod, LaneHatchThickness));
        it = m_zeroBrushes.insert(color.rgba(), brush);
    }
    return *it;
}

PlotChartLaneCaption::PlotChartLaneCaption(const ChartAppearance &look, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_look(&look)
{
    setZValue(3.5); // Qt Charts: axes 3, series 4
    setAcceptedMouseButtons(Qt::NoButton);
    m_font.setPointSizeF(PlotStyle::CaptionPointSize);
    m_font.setItalic(true);
}

void PlotChartLaneCaption::set(const QRectF &cover, const QRectF &textBand, const QString &text)
{
    if (cover == m_cover && textBand == m_textBand && text == m_text)
        return;
    prepareGeometryChange();
    m_cover = cover;
    m_textBand = textBand;
    m_text = text;
    update();
}

void PlotChartLaneCaption::setFontScale(qreal scale)
{
    m_font.setPointSizeF(PlotStyle::CaptionPointSize * scale);
    update();
}

void PlotChartLaneCaption::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->fillRect(m_cover, m_look->background);
    painter->setFont(m_font);
    painter->setPen(m_look->secondaryText);
    painter->drawText(m_textBand, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, m_text);
}
