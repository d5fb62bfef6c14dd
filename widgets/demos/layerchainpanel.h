#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

class NumberSpinBox;
class QLabel;
class QLineSeries;
class QListWidget;
class QSlider;
class QSpinBox;
class XYChartWidget;
struct ChartAppearance;

/**
 * "Through the layers": log10|∂y/∂x| of the chain y = f(w·…f(w·x)) against its depth N,
 * one curve per checked activation, with 0.25^N for reference.
 */
class LayerChainPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LayerChainPanel(QWidget *parent = nullptr);
    ~LayerChainPanel() override;

    int layers() const;
    double weight() const;
    double input() const;
    /** The ids of the checked activations, in the catalogue's order. */
    QStringList selectedActivations() const;

    void setLayers(int n);
    void setWeight(double w);
    void setInput(double x);
    /** Checks exactly these activations (unknown ids are ignored). */
    void setSelectedActivations(const QStringList &ids);

    /** The curve of a checked activation, or nullptr. Its points are (N, log10|∂h_N/∂x|). */
    QLineSeries *series(const QString &id) const;
    /** The reference line (N, log10 0.25^N). */
    QLineSeries *referenceSeries() const { return m_reference; }
    XYChartWidget *chartWidget() const { return m_chart; }

    /** The chart's colours, line widths and text size: the theme's, or presentation mode's. */
    void setAppearance(const ChartAppearance &appearance);

signals:
    /** The curves were recomputed. */
    void updated();

private:
    void createChainControls();
    void createActivationList();
    void createChart();
    void layOut();
    void connectControls();

    void syncSeries();
    void refresh();

    QSlider *m_layersSlider = nullptr;
    QSpinBox *m_layersSpin = nullptr;
    QSlider *m_weightSlider = nullptr;
    NumberSpinBox *m_weightSpin = nullptr;
    QSlider *m_inputSlider = nullptr;
    NumberSpinBox *m_inputSpin = nullptr;
    QListWidget *m_activations = nullptr;
    QLabel *m_note = nullptr;
    XYChartWidget *m_chart = nullptr;
    QLineSeries *m_reference = nullptr;
    QHash<QString, QLineSeries *> m_series;
};
