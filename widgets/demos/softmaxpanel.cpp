#include "softmaxpanel.h"

#include "numberspinbox.h"
#include "xychartwidget.h"
#include "sliderplayer.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLinearGradient>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double SliderScale = 100; // sliders move in steps of 0.01
constexpr double DefaultLogits[MaxSoftmaxClasses] = {0, 1, -1, 0.5, -0.5, 2, -2, 1.5};
constexpr double DefaultFrom = -6;
constexpr double DefaultTo = 6;
constexpr int DefaultClasses = 3;

// Fixed, well separated colours: a class keeps its colour as k changes.
QColor classColour(int index)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
    return palette[index % int(std::size(palette))];
}

// "₀" … "₉": the subscript of a class index.
QString subscript(int i)
{
    QString text;
    for (QChar c : QString::number(i))
        text += QChar(0x2080 + c.digitValue());
    return text;
}

QString three(double v)
{
    QString text = QString::number(v, 'f', 3);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

void describe(QWidget *a, QWidget *b, const QString &name, const QString &tip)
{
    for (QWidget *w : {a, b}) {
        w->setAccessibleName(name);
        w->setToolTip(tip);
    }
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SoftmaxJacobianView

SoftmaxJacobianView::SoftmaxJacobianView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("jacobianView"));
    setAccessibleName(tr("Jacobian heat map"));
    setToolTip(tr("J_ij = ∂s_i/∂z_j = s_i(δ_ij − s_j): how probability s_i moves when logit z_j "
                  "grows. Red is positive, blue negative; every entry lies within ±0.25."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SoftmaxJacobianView::setMatrix(const SoftmaxMatrix &matrix)
{
    m_matrix = matrix;
    QStringList rows;
    for (int i = 0; i < size(); ++i) {
        QStringList cells;
        for (int j = 0; j < size(); ++j)
            cells << cellText(i, j);
        rows << cells.join(QStringLiteral(", "));
    }
    setAccessibleDescription(tr("Rows: %1").arg(rows.join(QStringLiteral("; "))));
    update();
}

double SoftmaxJacobianView::value(int i, int j) const
{
    if (i < 0 || j < 0 || i >= size() || j >= size())
        return std::numeric_limits<double>::quiet_NaN();
    return m_matrix[i][j];
}

QString SoftmaxJacobianView::cellText(int i, int j) const
{
    const double v = value(i, j);
    return std::isnan(v) ? QString() : three(v);
}

QColor SoftmaxJacobianView::colourFor(double value)
{
    // ColorBrewer's RdBu ends, through white: readable in print and on a projector.
    static const QColor negative(0x21, 0x66, 0xac);
    static const QColor positive(0xb2, 0x18, 0x2b);
    static const QColor middle(0xf7, 0xf7, 0xf7);
    if (std::isnan(value))
        return Qt::gray;
    const double t = std::clamp(value / ScaleLimit, -1.0, 1.0);
    return t < 0 ? mix(middle, negative, -t) : mix(middle, positive, t);
}

QColor SoftmaxJacobianView::textColourOn(const QColor &cell)
{
    const double luminance = 0.2126 * cell.redF() + 0.7152 * cell.greenF() + 0.0722 * cell.blueF();
    return luminance < 0.45 ? QColor(Qt::white) : QColor(0x11, 0x11, 0x11);
}

void SoftmaxJacobianView::setAppearance(const ChartAppearance &appearance)
{
    if (appearance == m_appearance)
        return;
    m_appearance = appearance;
    update();
}

QSize SoftmaxJacobianView::sizeHint() const { return {420, 360}; }
QSize SoftmaxJacobianView::minimumSizeHint() const { return {280, 240}; }

/** Where the parts of the heat map go in a widget of a given size, and their fonts. */
struct JacobianLayout
{
    QString title;
    QRect area; ///< the widget less its margin
    QFont titleFont, headerFont, labelFont, cellFont;
    QStringList legendLabels;
    int labelWidth = 0, barWidth = 18, rowHeader = 0, columnHeader = 0;
    int cell = 0, left = 0, top = 0, blockTop = 0;
    bool compact = false; ///< cell labels without their leading zero ("−.013")

    QRect grid(int k) const { return QRect(left, top, cell * k, cell * k); }
};

namespace {

/** The cell font: the largest (up to 30 px) that fits "−0.000" into a cell; where even 9 px is
 * too big, the labels drop their leading zero ("−.013"). */
void fitCellFont(JacobianLayout &l)
{
    l.cellFont = l.labelFont;
    l.cellFont.setPixelSize(std::clamp(int(l.cell * 0.26), 9, 30));
    const auto fits = [&](const QString &sample) {
        return QFontMetrics(l.cellFont).horizontalAdvance(sample) <= l.cell - 6;
    };
    while (l.cellFont.pixelSize() > 9 && !fits(QStringLiteral("−0.000")))
        l.cellFont.setPixelSize(l.cellFont.pixelSize() - 1);
    l.compact = !fits(QStringLiteral("−0.000"));
    if (l.compact) // "−.000" is shorter: give it back what it saves
        while (l.cellFont.pixelSize() < 14 && fits(QStringLiteral("−.0000")))
            l.cellFont.setPixelSize(l.cellFont.pixelSize() + 1);
}

} // namespace

void SoftmaxJacobianView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), m_appearance.background);
    const JacobianLayout l = layoutFor(rect());
    if (size() == 0) {
        p.setPen(m_appearance.text);
        p.setFont(l.titleFont);
        p.drawText(l.area, Qt::AlignHCenter | Qt::AlignTop, l.title);
        return;
    }
    paintHeaders(p, l);
    paintCells(p, l);
    paintScale(p, l);
}

JacobianLayout SoftmaxJacobianView::layoutFor(const QRect &bounds) const
{
    // The chart's fonts beside it: its title, its axis titles (bold, as headers), its labels.
    const ChartAppearance &a = m_appearance;
    JacobianLayout l;
    l.title = tr("Jacobian J_ij = ∂s_i/∂z_j");
    const int margin = 10;
    l.area = bounds.adjusted(margin, margin, -margin, -margin);
    l.titleFont = XYChartWidget::fittedTitleFont(a, l.title, l.area.width());
    l.headerFont = XYChartWidget::axisTitleFont(a);
    l.headerFont.setItalic(false);
    l.headerFont.setBold(true);
    l.labelFont = XYChartWidget::labelFont(a);
    const int k = size();
    if (k == 0)
        return l;

    // The legend's labels, the headers and the title around a square grid, all centred.
    const QFontMetrics titleMetrics(l.titleFont);
    const QFontMetrics headerMetrics(l.headerFont);
    const QFontMetrics legendMetrics(l.labelFont);
    l.legendLabels = QStringList{QLatin1Char('+') + three(ScaleLimit), QLatin1Char('+') + three(ScaleLimit / 2),
                                 three(0), three(-ScaleLimit / 2), three(-ScaleLimit)};
    for (const QString &label : std::as_const(l.legendLabels))
        l.labelWidth = std::max(l.labelWidth, legendMetrics.horizontalAdvance(label));
    const int legendWidth = 16 + l.barWidth + 6 + l.labelWidth;
    for (int i = 0; i < k; ++i)
        l.rowHeader = std::max(l.rowHeader, headerMetrics.horizontalAdvance(QStringLiteral("s") + subscript(i)));
    l.rowHeader += 10;
    l.columnHeader = headerMetrics.height() + 4;
    const int titleHeight = titleMetrics.height() + 8;
    l.cell = std::max(8, std::min((l.area.width() - l.rowHeader - legendWidth) / k,
                                  (l.area.height() - titleHeight - l.columnHeader) / k));
    const int gridSize = l.cell * k;
    const int blockWidth = l.rowHeader + gridSize + legendWidth;
    const int blockHeight = titleHeight + l.columnHeader + gridSize;
    l.left = l.area.left() + std::max(0, (l.area.width() - blockWidth) / 2) + l.rowHeader;
    l.blockTop = l.area.top() + std::max(0, (l.area.height() - blockHeight) / 2);
    l.top = l.blockTop + titleHeight + l.columnHeader;
    fitCellFont(l);
    return l;
}

void SoftmaxJacobianView::paintHeaders(QPainter &p, const JacobianLayout &l) const
{
    const ChartAppearance &a = m_appearance;
    const QRect grid = l.grid(size());
    p.setPen(a.text);
    p.setFont(l.titleFont);
    p.drawText(QRect(l.area.left(), l.blockTop, l.area.width(), QFontMetrics(l.titleFont).height()),
               Qt::AlignHCenter | Qt::AlignVCenter, l.title);
    p.setFont(l.headerFont);
    for (int i = 0; i < size(); ++i) {
        // The class's curve colour, a shade towards the text for contrast with the background.
        const QColor curve = a.curveColor(classColour(i));
        p.setPen(a.isDark() ? curve.lighter(125) : curve.darker(115));
        p.drawText(QRect(grid.left() - l.rowHeader, l.top + i * l.cell, l.rowHeader - 6, l.cell),
                   Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("s") + subscript(i));
        p.setPen(a.text);
        p.drawText(QRect(l.left + i * l.cell, l.top - l.columnHeader, l.cell, l.columnHeader - 4),
                   Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("z") + subscript(i));
    }
}

void SoftmaxJacobianView::paintCells(QPainter &p, const JacobianLayout &l) const
{
    const int k = size();
    const QRect grid = l.grid(k);
    p.setFont(l.cellFont);
    for (int i = 0; i < k; ++i) {
        for (int j = 0; j < k; ++j) {
            const QRect r(l.left + j * l.cell, l.top + i * l.cell, l.cell, l.cell);
            const QColor fill = colourFor(m_matrix[i][j]);
            p.fillRect(r, fill);
            p.setPen(textColourOn(fill));
            QString text = cellText(i, j);
            if (l.compact)
                text.remove(text.indexOf(QLatin1String("0.")), 1);
            p.drawText(r, Qt::AlignCenter, text);
        }
    }
    // Separators in the background colour, and a frame.
    p.setPen(QPen(m_appearance.background, 2));
    for (int i = 1; i < k; ++i) {
        p.drawLine(grid.left() + i * l.cell, grid.top(), grid.left() + i * l.cell, grid.bottom() + 1);
        p.drawLine(grid.left(), grid.top() + i * l.cell, grid.right() + 1, grid.top() + i * l.cell);
    }
    p.setPen(QPen(m_appearance.axis, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(grid.adjusted(0, 0, -1, -1));
}

void SoftmaxJacobianView::paintScale(QPainter &p, const JacobianLayout &l) const
{
    // The legend bar, from +¼ at the top to −¼ at the bottom.
    const QRect grid = l.grid(size());
    const QRect bar(grid.right() + 16, l.top, l.barWidth, grid.height());
    QLinearGradient gradient(bar.topLeft(), bar.bottomLeft());
    for (int s = 0; s <= 8; ++s)
        gradient.setColorAt(s / 8.0, colourFor(ScaleLimit * (1 - s / 4.0)));
    p.fillRect(bar, gradient);
    p.setPen(m_appearance.axis);
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setFont(l.labelFont);
    const QFontMetrics legendMetrics(l.labelFont);
    for (int s = 0; s < l.legendLabels.size(); ++s) {
        const int y = bar.top() + int(std::lround(s * (bar.height() - 1) / 4.0));
        p.setPen(m_appearance.axis);
        p.drawLine(bar.right(), y, bar.right() + 4, y);
        p.setPen(m_appearance.labels);
        p.drawText(QRect(bar.right() + 6, y - legendMetrics.height() / 2, l.labelWidth + 4,
                         legendMetrics.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, l.legendLabels[s]);
    }
}

// ---------------------------------------------------------------------------------------------
// SoftmaxPanel

SoftmaxPanel::SoftmaxPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Softmax"));
    setAccessibleDescription(tr("The probabilities softmax makes of a few logits, one logit "
                                "varied, and the Jacobian ∂s_i/∂z_j as a heat map"));
    ++m_hold;

    createSettingControls();
    createLogitRows();
    createResultViews();
    layOut();
    connectControls();

    syncClasses();
    --m_hold;
    refresh();
}

// k, the varied logit and the range it sweeps.
void SoftmaxPanel::createSettingControls()
{
    m_classesSpin = new QSpinBox(this);
    m_classesSpin->setObjectName(QStringLiteral("classesSpin"));
    m_classesSpin->setRange(MinSoftmaxClasses, MaxSoftmaxClasses);
    m_classesSpin->setValue(DefaultClasses);
    m_classesSpin->setAccessibleName(tr("Number of classes"));
    m_classesSpin->setToolTip(tr("k, the number of classes and logits z₀ … z_{k−1}"));

    m_variedCombo = new QComboBox(this);
    m_variedCombo->setObjectName(QStringLiteral("variedCombo"));
    m_variedCombo->setAccessibleName(tr("Varied logit"));
    m_variedCombo->setToolTip(tr("The logit z_v on the horizontal axis; the others stay fixed"));

    m_fromSpin = new NumberSpinBox(this);
    m_fromSpin->setObjectName(QStringLiteral("rangeFromSpin"));
    m_toSpin = new NumberSpinBox(this);
    m_toSpin->setObjectName(QStringLiteral("rangeToSpin"));
    for (NumberSpinBox *spin : {m_fromSpin, m_toSpin}) {
        spin->setRange(-LogitLimit, LogitLimit);
        spin->setDecimals(2);
        spin->setSingleStep(0.5);
        spin->setMinimumWidth(80);
    }
    m_fromSpin->setValue(DefaultFrom);
    m_toSpin->setValue(DefaultTo);
    m_fromSpin->setAccessibleName(tr("Range from"));
    m_fromSpin->setToolTip(tr("Where the varied logit's axis starts"));
    m_toSpin->setAccessibleName(tr("Range to"));
    m_toSpin->setToolTip(tr("Where the varied logit's axis ends"));
}

// A label, a slider and a spin box for each of the MaxSoftmaxClasses logits;
// syncClasses() shows the first k.
void SoftmaxPanel::createLogitRows()
{
    for (int i = 0; i < MaxSoftmaxClasses; ++i) {
        LogitRow row;
        row.label = new QLabel(this);
        row.slider = new QSlider(this);
        row.slider->setObjectName(QStringLiteral("logitSlider%1").arg(i));
        row.spin = new NumberSpinBox(this);
        row.spin->setObjectName(QStringLiteral("logitSpin%1").arg(i));
        bindSliderToSpinBox(row.slider, row.spin, -LogitLimit, LogitLimit, DefaultLogits[i], SliderScale);
        row.label->setBuddy(row.spin);
        row.player = new SliderPlayer(row.slider, QStringLiteral("z") + subscript(i), this);
        m_rows.append(row);
    }
}

// The read-out, the probability chart and the Jacobian heat map.
void SoftmaxPanel::createResultViews()
{
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("readoutLabel"));
    m_readout->setAccessibleName(tr("Probabilities and Jacobian read-out"));
    m_readout->setToolTip(tr("s at the current logits, and what the Jacobian's entries add up to"));
    m_readout->setWordWrap(true);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);

    using Axis = XYChartWidget::Axis;
    m_chart = new XYChartWidget(this);
    m_chart->setObjectName(QStringLiteral("softmaxChart"));
    m_chart->setLegendAlignment(Qt::AlignTop);
    m_chart->setLabelFormat(Axis::X, QStringLiteral("%g"));
    m_chart->setAxisTitle(Axis::Y, tr("probability s_i"));
    m_chart->setRange(Axis::Y, 0, 1);
    m_chart->setTickCount(Axis::Y, 6);
    m_chart->setLabelFormat(Axis::Y, QStringLiteral("%.1f"));
    XYSeriesStyle marker{QColor(), 1.0, Qt::DashLine};
    marker.inLegend = false;
    m_marker = m_chart->addLine(QString(), marker);
    m_chart->setMinimumSize(380, 280);
    const QString about = tr("s_i = exp(z_i) / Σ_j exp(z_j) as one logit varies; the dashed line "
                             "is its current value");
    m_chart->setAccessibleText(tr("Probabilities against the varied logit"), about);
    m_chart->setToolTip(about);

    m_jacobian = new SoftmaxJacobianView(this);
}

void SoftmaxPanel::layOut()
{
    auto *settings = new QHBoxLayout;
    auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    settings->addWidget(label(tr("Classes &k"), m_classesSpin));
    settings->addWidget(m_classesSpin);
    settings->addSpacing(16);
    settings->addWidget(label(tr("&Varied logit"), m_variedCombo));
    settings->addWidget(m_variedCombo);
    settings->addSpacing(16);
    settings->addWidget(label(tr("&Range from"), m_fromSpin));
    settings->addWidget(m_fromSpin);
    settings->addWidget(label(tr("to"), m_toSpin));
    settings->addWidget(m_toSpin);
    settings->addStretch(1);

    // The logits in two columns: z₀ z₂ z₄ … on the left, z₁ z₃ … on the right.
    auto *logitGrid = new QGridLayout;
    for (int i = 0; i < MaxSoftmaxClasses; ++i) {
        const int r = i / 2;
        const int c = (i % 2) * 5;
        logitGrid->addWidget(m_rows[i].label, r, c);
        logitGrid->addWidget(m_rows[i].slider, r, c + 1);
        logitGrid->addWidget(m_rows[i].player, r, c + 2);
        logitGrid->addWidget(m_rows[i].spin, r, c + 3);
    }
    logitGrid->setColumnStretch(1, 1);
    logitGrid->setColumnStretch(6, 1);
    logitGrid->setColumnMinimumWidth(4, 16);

    auto *top = new QHBoxLayout;
    top->addWidget(m_chart, 1);
    top->addWidget(m_jacobian, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_readout);
    layout->addLayout(settings);
    layout->addLayout(logitGrid);
}

void SoftmaxPanel::connectControls()
{
    for (const LogitRow &row : std::as_const(m_rows))
        connect(row.slider, &QSlider::valueChanged, this, &SoftmaxPanel::refresh);
    connect(m_classesSpin, &QSpinBox::valueChanged, this, [this] {
        ++m_hold;
        syncClasses();
        --m_hold;
        refresh();
    });
    connect(m_variedCombo, &QComboBox::currentIndexChanged, this, [this] {
        ++m_hold;
        syncVaried();
        --m_hold;
        refresh();
    });
    connect(m_fromSpin, &QDoubleSpinBox::valueChanged, this, [this](double from) {
        applyRange(from, std::max(m_toSpin->value(), from + MinRangeWidth));
    });
    connect(m_toSpin, &QDoubleSpinBox::valueChanged, this, [this](double to) {
        applyRange(std::min(m_fromSpin->value(), to - MinRangeWidth), to);
    });
}

SoftmaxPanel::~SoftmaxPanel() = default;

int SoftmaxPanel::classes() const { return m_classesSpin->value(); }
int SoftmaxPanel::variedLogit() const { return m_varied; }
double SoftmaxPanel::rangeFrom() const { return m_fromSpin->value(); }
double SoftmaxPanel::rangeTo() const { return m_toSpin->value(); }
QString SoftmaxPanel::readout() const { return m_readout->text(); }
SoftmaxMatrix SoftmaxPanel::jacobian() const { return m_jacobian->matrix(); }

double SoftmaxPanel::logit(int i) const
{
    if (i < 0 || i >= classes())
        return std::numeric_limits<double>::quiet_NaN();
    return m_rows[i].spin->value();
}

QList<double> SoftmaxPanel::logits() const
{
    QList<double> z;
    for (int i = 0; i < classes(); ++i)
        z.append(m_rows[i].spin->value());
    return z;
}

void SoftmaxPanel::setClasses(int k) { m_classesSpin->setValue(std::clamp(k, MinSoftmaxClasses, MaxSoftmaxClasses)); }

void SoftmaxPanel::setVariedLogit(int v) { m_variedCombo->setCurrentIndex(std::clamp(v, 0, classes() - 1)); }

void SoftmaxPanel::setLogit(int i, double value)
{
    if (i < 0 || i >= classes() || std::isnan(value))
        return;
    m_rows[i].spin->setValue(std::clamp(value, m_rows[i].spin->minimum(), m_rows[i].spin->maximum()));
}

void SoftmaxPanel::setLogits(const QList<double> &z)
{
    ++m_hold;
    for (int i = 0; i < std::min(int(z.size()), classes()); ++i)
        setLogit(i, z[i]);
    --m_hold;
    refresh();
}

void SoftmaxPanel::setRange(double from, double to)
{
    if (std::isnan(from) || std::isnan(to))
        return;
    if (from > to)
        std::swap(from, to);
    applyRange(from, to);
}

void SoftmaxPanel::setAppearance(const ChartAppearance &appearance)
{
    m_chart->setAppearance(appearance);
    m_jacobian->setAppearance(appearance);
}

QLineSeries *SoftmaxPanel::series(int i) const
{
    return i >= 0 && i < m_series.size() ? m_series[i] : nullptr;
}

QScatterSeries *SoftmaxPanel::dotSeries(int i) const
{
    return i >= 0 && i < m_dots.size() ? m_dots[i] : nullptr;
}

// Shows the rows, the series and the combo's entries of the first k logits.
void SoftmaxPanel::syncClasses()
{
    const int k = classes();
    for (int i = 0; i < MaxSoftmaxClasses; ++i) {
        m_rows[i].label->setVisible(i < k);
        m_rows[i].slider->setVisible(i < k);
        m_rows[i].player->setVisible(i < k);
        if (i >= k)
            m_rows[i].player->stop(); // a class taken away stops its sweep
        m_rows[i].spin->setVisible(i < k);
    }
    while (m_series.size() > k) {
        m_chart->removeSeries(m_series.takeLast());
        m_chart->removeSeries(m_dots.takeLast());
    }
    while (m_series.size() < k) {
        const int i = int(m_series.size());
        m_series.append(m_chart->addLine(QStringLiteral("s") + subscript(i), {classColour(i), 1.5}));
        XYSeriesStyle dot{classColour(i)};
        dot.markerSize = 11;
        dot.outlined = true;
        dot.inLegend = false;
        m_dots.append(m_chart->addScatter(QString(), dot));
    }
    {
        const QSignalBlocker block(m_variedCombo);
        const int keep = std::min(m_variedCombo->currentIndex() < 0 ? m_varied : m_variedCombo->currentIndex(), k - 1);
        m_variedCombo->clear();
        for (int i = 0; i < k; ++i)
            m_variedCombo->addItem(QStringLiteral("z") + subscript(i));
        m_variedCombo->setCurrentIndex(std::max(0, keep));
    }
    syncVaried();
}

// The varied logit's slider runs over the range (it moves the marker), the others over ±LogitLimit.
void SoftmaxPanel::syncVaried()
{
    const int v = std::max(0, m_variedCombo->currentIndex());
    m_varied = v;
    for (int i = 0; i < MaxSoftmaxClasses; ++i) {
        const QString name = QStringLiteral("z") + subscript(i);
        if (i == v) {
            setRowRange(i, rangeFrom(), rangeTo());
            m_rows[i].label->setText(tr("%1 (varied)").arg(name));
            describe(m_rows[i].slider, m_rows[i].spin, tr("Logit %1, varied").arg(name),
                     tr("%1, the varied logit: its value is the dashed line on the chart").arg(name));
        } else {
            setRowRange(i, -LogitLimit, LogitLimit);
            m_rows[i].label->setText(name);
            describe(m_rows[i].slider, m_rows[i].spin, tr("Logit %1").arg(name),
                     tr("%1, the logit of class %2").arg(name).arg(i));
        }
        QFont f = m_rows[i].label->font();
        f.setBold(i == v);
        m_rows[i].label->setFont(f);
    }
    m_chart->setAxisTitle(XYChartWidget::Axis::X, tr("varied logit z%1").arg(subscript(v)));
    m_chart->setTitle(tr("Probabilities s = softmax(z) as z%1 varies").arg(subscript(v)));
}

void SoftmaxPanel::setRowRange(int i, double lo, double hi)
{
    const LogitRow &row = m_rows[i];
    // The spin box clamps its value and the slider follows it.
    row.spin->setRange(lo, hi);
    row.slider->setRange(int(std::lround(lo * SliderScale)), int(std::lround(hi * SliderScale)));
}

void SoftmaxPanel::applyRange(double from, double to)
{
    from = std::clamp(from, -LogitLimit, LogitLimit);
    to = std::clamp(to, -LogitLimit, LogitLimit);
    if (to - from < MinRangeWidth) {
        const double middle = std::clamp((from + to) / 2, -LogitLimit + MinRangeWidth / 2,
                                         LogitLimit - MinRangeWidth / 2);
        from = middle - MinRangeWidth / 2;
        to = middle + MinRangeWidth / 2;
    }
    ++m_hold;
    {
        const QSignalBlocker a(m_fromSpin);
        const QSignalBlocker b(m_toSpin);
        m_fromSpin->setValue(from);
        m_toSpin->setValue(to);
    }
    setRowRange(m_varied, rangeFrom(), rangeTo());
    --m_hold;
    refresh();
}

void SoftmaxPanel::refresh()
{
    if (m_hold > 0)
        return;
    const QList<double> z = logits();
    const int k = int(z.size());
    const int v = m_varied;
    QString error;
    m_probabilities = softmax(z, &error);
    m_sweep = softmaxSweep(z, v, rangeFrom(), rangeTo(), Samples, false, &error);
    const SoftmaxMatrix J = softmaxJacobianFromProbabilities(m_probabilities);
    m_jacobian->setMatrix(J);

    const double x = z.value(v);
    for (int i = 0; i < m_series.size(); ++i) {
        m_chart->replace(m_series[i], m_sweep.probabilityCurve(i));
        m_chart->replace(m_dots[i], i < m_probabilities.size() ? QList<QPointF>{QPointF(x, m_probabilities[i])}
                                                               : QList<QPointF>());
    }
    m_chart->replace(m_marker, {QPointF(x, 0), QPointF(x, 1)});
    m_chart->setRange(XYChartWidget::Axis::X, rangeFrom(), rangeTo());

    QStringList values;
    int largest = 0;
    for (int i = 0; i < k; ++i) {
        values << three(m_probabilities.value(i));
        if (J[i][i] > J[largest][largest])
            largest = i;
    }
    QStringList shown;
    for (double zi : z)
        shown << QString::number(zi, 'g', 4).replace(QLatin1Char('-'), QChar(0x2212));
    QStringList lines;
    lines << tr("At z = (%1):   s = (%2)").arg(shown.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
    lines << tr("Every row and column of J sums to 0: the probabilities always sum to 1. "
                "Largest entry J%1%1 = s%1(1 − s%1) = %2 ≤ 0.25.")
                     .arg(subscript(largest), three(J[largest][largest]));
    if (!error.isEmpty())
        lines << error;
    m_readout->setText(lines.join(QLatin1Char('\n')));
    emit updated();
}
