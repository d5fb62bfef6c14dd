#pragma once

#include "softmax.h"
#include "theme.h"

#include <QColor>
#include <QList>
#include <QWidget>

class NumberSpinBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QPainter;
struct JacobianLayout;
class QScatterSeries;
class QSlider;
class SliderPlayer;
class QSpinBox;
class XYChartWidget;

/**
 * The k×k Jacobian J_ij = ∂s_i/∂z_j of softmax as a heat map: one cell per entry, labelled with
 * its value to three decimals, on a colour scale diverging around 0 (blue below, red above) that
 * is fixed to ±0.25, the bound of every entry; row and column headers and a colour legend.
 */
class SoftmaxJacobianView : public QWidget
{
    Q_OBJECT

public:
    /** The ends of the colour scale: |J_ij| ≤ ¼ for every softmax. */
    static constexpr double ScaleLimit = 0.25;

    explicit SoftmaxJacobianView(QWidget *parent = nullptr);

    void setMatrix(const SoftmaxMatrix &matrix);
    const SoftmaxMatrix &matrix() const { return m_matrix; }
    /** k, the number of rows and columns. */
    int size() const { return int(m_matrix.size()); }
    /** J_ij, or NaN outside the matrix. */
    double value(int i, int j) const;
    /** The label of a cell: its value to three decimals, with a true minus sign; empty outside. */
    QString cellText(int i, int j) const;
    /** The colour of a value: white at 0, blue towards −¼, red towards +¼, clamped beyond. */
    static QColor colourFor(double value);
    /** Black or white, whichever reads better on a cell of that colour. */
    static QColor textColourOn(const QColor &cell);

    /** The background, text colours and text size of the charts beside it. */
    void setAppearance(const ChartAppearance &appearance);
    const ChartAppearance &appearance() const { return m_appearance; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    JacobianLayout layoutFor(const QRect &bounds) const;
    void paintHeaders(QPainter &p, const JacobianLayout &l) const;
    void paintCells(QPainter &p, const JacobianLayout &l) const;
    void paintScale(QPainter &p, const JacobianLayout &l) const;

    SoftmaxMatrix m_matrix;
    ChartAppearance m_appearance;
};

/**
 * "Softmax": the probabilities s = softmax(z) of k classes as one logit z_v varies, with a marker
 * at its current value, and the Jacobian ∂s/∂z at the current logits as a heat map.
 */
class SoftmaxPanel : public QWidget
{
    Q_OBJECT

public:
    /** Logits (and the range of the varied one) stay within ±LogitLimit. */
    static constexpr double LogitLimit = 10;
    /** The narrowest range of the varied logit. */
    static constexpr double MinRangeWidth = 0.5;
    /** Points on every probability curve. */
    static constexpr int Samples = 241;

    explicit SoftmaxPanel(QWidget *parent = nullptr);
    ~SoftmaxPanel() override;

    /** k, the number of classes (2…8). */
    int classes() const;
    /** v, the index of the logit on the horizontal axis. */
    int variedLogit() const;
    /** z_i (NaN for i outside 0…k−1). */
    double logit(int i) const;
    /** z_0 … z_{k−1}. */
    QList<double> logits() const;
    /** The range the varied logit sweeps. */
    double rangeFrom() const;
    double rangeTo() const;
    /** s = softmax(z) and J at the current logits, as shown. */
    QList<double> probabilities() const { return m_probabilities; }
    SoftmaxMatrix jacobian() const;
    /** The sweep behind the curves. */
    const SoftmaxSweep &sweep() const { return m_sweep; }
    /** The text under the chart: s and the Jacobian's sums and largest entry. */
    QString readout() const;

    /** Clamped to 2…8; the varied logit stays below k. */
    void setClasses(int k);
    /** Clamped to 0…k−1; the logit's value is clamped into the range. */
    void setVariedLogit(int v);
    /** Ignored for i outside 0…k−1 or a NaN; clamped to ±LogitLimit, the varied logit to the range. */
    void setLogit(int i, double value);
    /** Sets the logits from z_0 on (extra values are ignored). */
    void setLogits(const QList<double> &z);
    /** Ignored with a NaN; a reversed range is swapped, clamped to ±LogitLimit and widened to
     * MinRangeWidth. */
    void setRange(double from, double to);

    XYChartWidget *chartWidget() const { return m_chart; }
    /** The colours, line widths and text size of the chart and the heat map. */
    void setAppearance(const ChartAppearance &appearance);
    /** The curve (z_v, s_i) of class i, or nullptr for i outside 0…k−1. */
    QLineSeries *series(int i) const;
    /** The vertical line at the current value of the varied logit. */
    QLineSeries *markerSeries() const { return m_marker; }
    /** The dots (z_v, s_i) on the marker, one series per class; nullptr outside 0…k−1. */
    QScatterSeries *dotSeries(int i) const;
    SoftmaxJacobianView *jacobianView() const { return m_jacobian; }

signals:
    /** The curves, the marker and the Jacobian were recomputed. */
    void updated();

private:
    struct LogitRow
    {
        QLabel *label = nullptr;
        QSlider *slider = nullptr;
        SliderPlayer *player = nullptr;
        NumberSpinBox *spin = nullptr;
    };

    void createSettingControls();
    void createLogitRows();
    void createResultViews();
    void layOut();
    void connectControls();

    void syncClasses();
    void syncVaried();
    void applyRange(double from, double to);
    void setRowRange(int i, double lo, double hi);
    void refresh();

    QSpinBox *m_classesSpin = nullptr;
    QComboBox *m_variedCombo = nullptr;
    NumberSpinBox *m_fromSpin = nullptr;
    NumberSpinBox *m_toSpin = nullptr;
    QList<LogitRow> m_rows;
    QLabel *m_readout = nullptr;
    XYChartWidget *m_chart = nullptr;
    QList<QLineSeries *> m_series;
    QList<QScatterSeries *> m_dots;
    QLineSeries *m_marker = nullptr;
    SoftmaxJacobianView *m_jacobian = nullptr;
    SoftmaxSweep m_sweep;
    QList<double> m_probabilities;
    int m_varied = 0;
    int m_hold = 0; // > 0 while several controls change at once: refresh() waits
};
