#pragma once

#include "activationcatalogue.h"
#include "sampling.h"
#include "saturation.h"

#include <QAbstractListModel>
#include <QColor>
#include <QSize>

#include <array>
#include <optional>

/** One function of the scene: a catalogue entry with its own parameters, colour and visibility. */
struct FunctionInstance
{
    const ActivationSpec *spec = nullptr;
    ParameterValues parameters{};
    AffineMap map;          ///< c·f(a·x) + d; the identity by default
    QColor color;
    bool visible = true;

    /** The curve this row draws: the activation with its parameters and map. */
    ActivationFunction function() const { return {*spec, parameters, map}; }
    /** g, g′, g″ at x, the map applied by the chain rule. */
    Derivatives at(double x) const { return function().at(x); }
    /** e.g. "leaky_relu (negative_slope 0.2)", or "2·sigmoid(2x) − 1" under a map. */
    QString label() const { return map.apply(spec->label(parameters)); }
};

/**
 * The functions on screen, one row each, plus the scene's x range, ε and sample count.
 *
 * Every change recomputes what it affects (a new row samples that row alone unless the y range
 * moves) and then emits recomputed() once. Between beginUpdate() and endUpdate() (or in an
 * UpdateBatch's life) edits defer that work: a batch of N inserts costs one pass and one signal.
 * Edits that would leave the scene invalid are refused with a message naming the problem and the
 * valid choices, and the scene stays as it was.
 */
class SceneModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString, e.g. "leaky_relu"
        LabelRole,                 ///< QString, e.g. "leaky_relu (negative_slope 0.2)"
        ColorRole,                 ///< QColor
        VisibleRole,               ///< bool
        ParametersRole,            ///< QVariantMap, PyTorch name → value
        AffineMapRole,             ///< QVariantList {a, c, d} of c·f(a·x) + d
        SaturatedFractionRole,     ///< double, share of the range with |f′| < ε (zero + saturated)
        MaxAbsGradientRole,        ///< double
    };
    Q_ENUM(Role)

    static constexpr int MaxOrder = 2;
    static constexpr int MinSampleCount = 2;
    static constexpr int MaxSampleCount = 1000000;
    /** The narrowest x range, relative to its larger end's magnitude. */
    static constexpr double MinRelativeWidth = 1e-12;
    /** The most functions a scene holds: more could be neither told apart nor drawn live. */
    static constexpr int MaxFunctions = 256;

    /** Defers recomputing and recomputed() to the end of its life (nestable); see beginUpdate(). */
    class UpdateBatch
    {
    public:
        explicit UpdateBatch(SceneModel &scene) : m_scene(scene) { m_scene.beginUpdate(); }
        ~UpdateBatch() { m_scene.endUpdate(); }
        UpdateBatch(const UpdateBatch &) = delete;
        UpdateBatch &operator=(const UpdateBatch &) = delete;

    private:
        SceneModel &m_scene;
    };

    explicit SceneModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    /** Appends a function with PyTorch's defaults and the next free colour. */
    bool addFunction(const QString &id, QString *error = nullptr);
    /** Inserts a function with the given parameters (and map) at row (0 … rowCount()). */
    bool insertFunction(int row, const QString &id, const ParameterValues &parameters,
                        QString *error = nullptr, const AffineMap &map = {});
    /** Sets one parameter by PyTorch's name. */
    bool setParameter(int row, const QString &name, double value, QString *error = nullptr);
    /** Sets all parameters of a row at once (checked together, e.g. min_val < max_val). */
    bool setParameters(int row, const ParameterValues &parameters, QString *error = nullptr);
    /** Sets the row's affine map c·f(a·x) + d (a ≠ 0, all finite). */
    bool setAffineMap(int row, const AffineMap &map, QString *error = nullptr);
    /** Back to PyTorch's defaults. */
    bool resetParameters(int row, QString *error = nullptr);
    bool setColor(int row, const QColor &color, QString *error = nullptr);
    bool setVisible(int row, bool visible, QString *error = nullptr);
    /** Removes every function. */
    void clear();
    /** Becomes a copy of other's functions and settings (for exports at another size). */
    void assign(const SceneModel &other);

    bool setRange(double xMin, double xMax, QString *error = nullptr);
    bool setEpsilon(double epsilon, QString *error = nullptr);
    bool setSampleCount(int count, QString *error = nullptr);
    /** The pixel size one chart's plot area has, for the plot sampler's 0.25 px tolerance;
     * the same for every derivative order. */
    bool setPlotSize(QSize pixels, QString *error = nullptr);
    /** The plot area of the chart that shows derivative `order` (f″ below f and f′ is wider). */
    bool setPlotSize(int order, QSize pixels, QString *error = nullptr);
    /** The highest derivative order that gets plot curves: 1 (f, f′) or 2 (f, f′, f″). */
    bool setMaxOrder(int order, QString *error = nullptr);
    /** Fixes the y range of one order's chart, or std::nullopt for automatic. */
    bool setFixedYRange(int order, std::optional<Interval> range, QString *error = nullptr);

    double xMin() const { return m_xMin; }
    double xMax() const { return m_xMax; }
    double epsilon() const { return m_epsilon; }
    int sampleCount() const { return m_sampleCount; }
    /** The plot size derivative `order` is sampled for. */
    QSize plotSize(int order = 0) const;
    int maxOrder() const { return m_maxOrder; }
    std::optional<Interval> fixedYRange(int order) const;

    const FunctionInstance &function(int row) const { return m_rows.at(row).function; }
    const SaturationResult &saturation(int row) const { return m_rows.at(row).saturation; }
    /** The plot curve of order 0 … maxOrder() for a row (empty pieces for a hidden row). */
    const PlotCurve &curve(int row, int order) const { return m_rows.at(row).curves.at(order); }
    /** The y range a chart of this order shows: fixed, or the visible curves' extent padded. */
    Interval yRange(int order) const { return m_yRanges.at(order); }
    /** torch.linspace(xMin, xMax, sampleCount), the x values of tables and data exports. */
    const QList<double> &samples() const { return m_samples; }

    /** Recomputes curves and analysis now (every setter already does). */
    void recompute();
    /** Holds back curve sampling and recomputed() until the matching endUpdate(); nestable. */
    void beginUpdate();
    /** Ends a beginUpdate(); the outermost one brings the curves up to date and signals once. */
    void endUpdate();

Q_SIGNALS:
    /** Curves, y ranges and saturation results are fresh. Emitted once per change. */
    void recomputed();
    void rangeChanged(double xMin, double xMax);
    void epsilonChanged(double epsilon);
    void sampleCountChanged(int count);

private:
    struct Row
    {
        FunctionInstance function;
        SaturationResult saturation;
        std::array<PlotCurve, MaxOrder + 1> curves;
        /** valueRange() of each order over the x range, once asked for. */
        std::array<std::optional<Interval>, MaxOrder + 1> valueRanges;
        /** curves[order] was sampled for the scene's current viewport of that order. */
        std::array<bool, MaxOrder + 1> curveFresh{};
    };

    bool checkRow(int row, QString *error) const;
    static bool checkPlotSize(QSize pixels, QString *error);
    QColor nextColor() const;
    /** The row's saturation analysis for the scene's range and ε. */
    void analyseRow(Row &row) const;
    /** The row's function or the x range changed: analyse it again, its curves are stale. */
    void recomputeRow(Row &row) const;
    /** The curves or y ranges may have changed: bring them up to date (or later, in a batch). */
    void recomputeCurves();
    /** recomputed() now, or at the end of the batch. */
    void notifyRecomputed();
    Interval rowValueRange(Row &row, int order) const;
    void emitRowChanged(int row, const QList<int> &roles);

    QList<Row> m_rows;
    double m_xMin = -6.0;
    double m_xMax = 6.0;
    double m_epsilon = 0.01;
    int m_sampleCount = 1001;
    std::array<QSize, MaxOrder + 1> m_plotSizes{{{800, 600}, {800, 600}, {800, 600}}};
    int m_maxOrder = 1;
    std::array<std::optional<Interval>, MaxOrder + 1> m_fixedY;
    std::array<Interval, MaxOrder + 1> m_yRanges{};
    /** The viewport each order's fresh curves were sampled for. */
    std::array<std::optional<PlotViewport>, MaxOrder + 1> m_views;
    QList<double> m_samples;
    int m_updateDepth = 0;
    bool m_curvesPending = false;
    bool m_signalPending = false;
};
