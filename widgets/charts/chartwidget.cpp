#include "chartwidget.h"

#include "plotchart.h"
#include "scenemodel.h"
#include "scenerenderer_p.h"

#include <QChartView>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

namespace {
/** Each wheel notch (120 units) narrows the range to this share, around the pointer. */
constexpr double ZoomPerNotch = 0.85;
/** An arrow key moves the cursor by this share of the range (Shift: ten times as far). */
constexpr double CursorStep = 1.0 / 200.0;
} // namespace

/** The QChartView inside: turns pointer and key input into ChartWidget's signals. */
class ChartWidgetView : public QChartView
{
public:
    ChartWidgetView(PlotChart *chart, ChartWidget *owner)
        : QChartView(chart, owner)
        , m_owner(owner)
    {
        setRenderHint(QPainter::Antialiasing);
        // All input is ours: the scene needs no hover tests against long curve outlines.
        setInteractive(false);
        setRubberBand(QChartView::NoRubberBand);
        setFocusPolicy(Qt::StrongFocus);
        viewport()->setMouseTracking(true);
        setFrameShape(QFrame::NoFrame);
        // Every item changes geometry on every update: a BSP index would be rebuilt each frame.
        scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    }

protected:
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (m_owner->m_panning && (event->buttons() & Qt::LeftButton))
            m_owner->panTo(event->position().toPoint());
        else
            m_owner->hoverAt(event->position().toPoint());
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        setFocus(Qt::MouseFocusReason);
        if (event->button() != Qt::LeftButton)
            return;
        // A click on a marker pins its coordinates beside it; anywhere else takes them away.
        const int marker = m_owner->pointMarkerAt(event->position().toPoint());
        m_owner->m_chart->setPinnedPoint(marker);
        if (marker < 0)
            m_owner->startPan(event->position().toPoint());
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_owner->endPan();
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton) {
            m_owner->endPan();
            emit m_owner->resetRequested();
        }
    }
    void wheelEvent(QWheelEvent *event) override
    {
        const int delta = event->angleDelta().y();
        if (delta == 0) {
            event->ignore();
            return;
        }
        const std::optional<double> at = m_owner->valueAt(event->position().toPoint());
        const QValueAxis *x = m_owner->m_chart->xAxis();
        m_owner->zoomAt(at.value_or(m_owner->cursorX().value_or((x->min() + x->max()) / 2)),
                        std::pow(ZoomPerNotch, delta / 120.0));
        event->accept();
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        const int factor = (event->modifiers() & Qt::ShiftModifier) ? 10 : 1;
        const QValueAxis *x = m_owner->m_chart->xAxis();
        const double centre = m_owner->cursorX().value_or((x->min() + x->max()) / 2);
        switch (event->key()) {
        case Qt::Key_Left:
            m_owner->stepCursor(-factor);
            break;
        case Qt::Key_Right:
            m_owner->stepCursor(factor);
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            m_owner->zoomAt(centre, ZoomPerNotch);
            break;
        case Qt::Key_Minus:
            m_owner->zoomAt(centre, 1 / ZoomPerNotch);
            break;
        case Qt::Key_Escape:
            m_owner->leave();
            break;
        default:
            QChartView::keyPressEvent(event);
            return;
        }
        event->accept();
    }
    bool viewportEvent(QEvent *event) override
    {
        if (event->type() == QEvent::Leave && !m_owner->m_panning)
            m_owner->leave();
        if (event->type() == QEvent::ToolTip) {
            // Over a marker its kind and coordinates, elsewhere the chart's help.
            const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
            const int marker = m_owner->pointMarkerAt(pos);
            if (marker >= 0) {
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                                   m_owner->m_chart->pointToolTipAt(
                                       m_owner->m_chart->pointMarkers()[marker].position),
                                   viewport());
                return true;
            }
        }
        return QChartView::viewportEvent(event);
    }

private:
    ChartWidget *m_owner;
};

ChartWidget::ChartWidget(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new PlotChart;
    m_view = new ChartWidgetView(m_chart, this); // the view's scene owns the chart
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
    setMinimumSize(240, 180);

    const QString help = tr("Hover to trace the curves; wheel to zoom, drag to pan, double-click "
                            "to reset the view; ←/→ move the cursor (Shift: faster), +/− zoom.");
    setToolTip(help);
    m_view->setToolTip(help);

    connect(m_chart, &PlotChart::refreshed, this, &ChartWidget::updateAccessibility);
    connect(m_chart, &QChart::plotAreaChanged, this, &ChartWidget::reportPlotSize);
    updateAccessibility();
}

ChartWidget::~ChartWidget() = default;

void ChartWidget::setScene(SceneModel *scene)
{
    m_chart->setModel(scene);
}

SceneModel *ChartWidget::scene() const
{
    return m_chart->model();
}

void ChartWidget::setContent(ChartContent content)
{
    m_chart->setContent(content);
    updateAccessibility();
}

ChartContent ChartWidget::content() const
{
    return m_chart->content();
}

QList<int> ChartWidget::ordersOf(ChartContent content)
{
    return PlotChart::ordersOf(content);
}

void ChartWidget::setBandsVisible(bool visible)
{
    m_chart->setBandsVisible(visible);
}

bool ChartWidget::bandsVisible() const
{
    return m_chart->bandsVisible();
}

void ChartWidget::setFocusRow(int row)
{
    m_chart->setFocusRow(row);
}

int ChartWidget::focusRow() const
{
    return m_chart->focusRow();
}

void ChartWidget::setAllBands(bool all)
{
    m_chart->setAllBands(all);
}

bool ChartWidget::allBands() const
{
    return m_chart->allBands();
}

void ChartWidget::setHighlightedInterval(int row, int index)
{
    m_chart->setHighlightedInterval(row, index);
}

void ChartWidget::setCursorX(std::optional<double> x)
{
    m_chart->setCursorX(x);
}

std::optional<double> ChartWidget::cursorX() const
{
    return m_chart->cursorX();
}

void ChartWidget::setAppearance(const ChartAppearance &appearance)
{
    m_chart->setAppearance(appearance);
    // The view's own background shows while the chart resizes.
    m_view->setBackgroundBrush(appearance.background);
}

QImage ChartWidget::toImage(QSize size, qreal devicePixelRatio) const
{
    if (size.width() < 1 || size.height() < 1 || !(devicePixelRatio > 0))
        return {};
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(m_chart->appearance().background);
    QPainter painter(&image);
    const SceneModel *model = m_chart->model();
    SceneModel empty;
    SceneRendererPrivate::PaintSettings settings;
    settings.maxOrder = m_chart->content() == ChartContent::SecondDerivative ? 2 : 1;
    SceneRendererPrivate::paintCharts(&painter, model ? *model : empty,
                                      { { m_chart->content(), QRectF(QPointF(0, 0), size) } },
                                      m_chart, settings);
    painter.end();
    return image;
}

bool ChartWidget::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::Hide:
    case QEvent::HideToParent: // hidden before the window was first shown: no Hide comes
        // Nobody sees it: follow the model again when shown.
        m_chart->setPaused(true);
        break;
    case QEvent::Show:
        m_chart->setPaused(false);
        m_chart->setDevicePixelRatio(devicePixelRatio());
        break;
    case QEvent::Resize:
    case QEvent::ScreenChangeInternal:
        // The band texture is built at the screen's pixel ratio.
        m_chart->setDevicePixelRatio(devicePixelRatio());
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

void ChartWidget::setPointsVisible(bool visible)
{
    m_chart->setPointsVisible(visible);
}

bool ChartWidget::pointsVisible() const
{
    return m_chart->pointsVisible();
}

int ChartWidget::pointMarkerAt(const QPoint &viewPos) const
{
    return m_chart->pointMarkerAt(m_chart->mapFromScene(m_view->mapToScene(viewPos)));
}

void ChartWidget::hoverAt(const QPoint &viewPos)
{
    const std::optional<double> x = valueAt(viewPos);
    if (!x) {
        leave();
        return;
    }
    m_hovering = true;
    setCursorX(x);
    emit cursorMoved(*x);
}

void ChartWidget::leave()
{
    if (!m_hovering && !cursorX())
        return;
    m_hovering = false;
    setCursorX(std::nullopt);
    emit cursorLeft();
}

void ChartWidget::zoomAt(double x, double factor)
{
    const double xMin = m_chart->xAxis()->min();
    const double xMax = m_chart->xAxis()->max();
    if (!std::isfinite(x) || !(factor > 0))
        return;
    const double newMin = x - (x - xMin) * factor;
    const double newMax = x + (xMax - x) * factor;
    if (newMin < newMax && std::isfinite(newMin) && std::isfinite(newMax))
        emit rangeRequested(newMin, newMax);
}

void ChartWidget::startPan(const QPoint &viewPos)
{
    if (!valueAt(viewPos))
        return;
    m_panning = true;
    m_panStart = viewPos;
    m_panMin = m_chart->xAxis()->min();
    m_panMax = m_chart->xAxis()->max();
    m_view->viewport()->setCursor(Qt::ClosedHandCursor);
    emit interactionStarted();
}

void ChartWidget::panTo(const QPoint &viewPos)
{
    const double width = m_chart->plotArea().width();
    if (!m_panning || !(width > 0))
        return;
    // Measured from the press, in pixels: the range moves under the pointer as the model follows.
    const double delta = (viewPos.x() - m_panStart.x()) / width * (m_panMax - m_panMin);
    if (delta != 0)
        emit rangeRequested(m_panMin - delta, m_panMax - delta);
}

void ChartWidget::endPan()
{
    if (!m_panning)
        return;
    m_panning = false;
    m_view->viewport()->unsetCursor();
    emit interactionFinished();
}

bool ChartWidget::stepCursor(int steps)
{
    const double xMin = m_chart->xAxis()->min();
    const double xMax = m_chart->xAxis()->max();
    const double step = (xMax - xMin) * CursorStep;
    const double from = cursorX().value_or((xMin + xMax) / 2);
    const double x = std::clamp(from + steps * step, xMin, xMax);
    setCursorX(x);
    emit cursorMoved(x);
    return true;
}

std::optional<double> ChartWidget::valueAt(const QPoint &viewPos) const
{
    const QPointF chartPos = m_chart->mapFromScene(m_view->mapToScene(viewPos));
    const QRectF area = m_chart->plotArea();
    if (!(area.width() > 0) || !area.contains(chartPos))
        return std::nullopt;
    const double xMin = m_chart->xAxis()->min();
    const double xMax = m_chart->xAxis()->max();
    return xMin + (chartPos.x() - area.left()) / area.width() * (xMax - xMin);
}

void ChartWidget::updateAccessibility()
{
    const QString name = PlotChart::nameOf(m_chart->content());
    const QString description = m_chart->description();
    if (accessibleName() != name) {
        setAccessibleName(name);
        m_view->setAccessibleName(name);
    }
    if (accessibleDescription() != description) {
        setAccessibleDescription(description);
        m_view->setAccessibleDescription(description);
    }
}

void ChartWidget::reportPlotSize()
{
    const QSize size = m_chart->plotArea().size().toSize();
    if (size == m_plotSize || size.width() < 1 || size.height() < 1)
        return;
    m_plotSize = size;
    emit plotSizeChanged(size);
}
