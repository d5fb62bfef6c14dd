#include "scenemodel.h"

#include "numbertext.h"

#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/** Colour-blind-safe categorical colours (Okabe–Ito), readable on a projector. */
const QList<QColor> &palette()
{
    static const QList<QColor> colors = {
        QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
        QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
        QColor(0x00, 0x00, 0x00), QColor(0xF0, 0xE4, 0x42),
    };
    return colors;
}

/** Pads a value range by 5% on each side; a flat range gets a unit-wide window around it. */
Interval padded(Interval r)
{
    if (!(r.from <= r.to))
        return {-1.0, 1.0};
    const double span = r.to - r.from;
    if (span <= 1e-12 * std::max(1.0, std::fabs(r.from))) {
        const double half = std::max(0.5, 0.1 * std::fabs(r.from));
        return {r.from - half, r.to + half};
    }
    return {r.from - 0.05 * span, r.to + 0.05 * span};
}

} // namespace

SceneModel::SceneModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_samples = linspace(m_xMin, m_xMax, m_sampleCount);
    recomputeCurves();
}

int SceneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SceneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const FunctionInstance &fn = row.function;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return fn.label();
    case Qt::ToolTipRole:
        return QStringLiteral("%1: %2\n%3").arg(fn.spec->displayName, fn.spec->formula,
                                                fn.spec->gradientNote);
    case Qt::DecorationRole:
    case ColorRole:
        return fn.color;
    case Qt::CheckStateRole:
        return fn.visible ? Qt::Checked : Qt::Unchecked;
    case VisibleRole:
        return fn.visible;
    case IdRole:
        return fn.spec->id;
    case ParametersRole: {
        QVariantMap map;
        for (int i = 0; i < fn.spec->parameters.size(); ++i)
            map.insert(fn.spec->parameters[i].name, fn.parameters[i]);
        return map;
    }
    case AffineMapRole:
        return QVariantList{fn.map.inputScale, fn.map.outputScale, fn.map.outputShift};
    case SaturatedFractionRole:
        return row.saturation.zeroFraction + row.saturation.saturatedFraction;
    case MaxAbsGradientRole:
        return row.saturation.maxAbsGradient;
    default:
        return {};
    }
}

bool SceneModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    switch (role) {
    case Qt::CheckStateRole:
        return setVisible(index.row(), value.toInt() == Qt::Checked);
    case VisibleRole:
        return setVisible(index.row(), value.toBool());
    case Qt::DecorationRole:
    case ColorRole:
        return setColor(index.row(), value.value<QColor>());
    default:
        return false;
    }
}

Qt::ItemFlags SceneModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable
            | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> SceneModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(LabelRole, "label");
    names.insert(ColorRole, "color");
    names.insert(VisibleRole, "visible");
    names.insert(ParametersRole, "parameters");
    names.insert(AffineMapRole, "affineMap");
    names.insert(SaturatedFractionRole, "saturatedFraction");
    names.insert(MaxAbsGradientRole, "maxAbsGradient");
    return names;
}

bool SceneModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    recomputeCurves();
    return true;
}

bool SceneModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                          const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > m_rows.size() || destinationChild < 0
        || destinationChild > m_rows.size()
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    const QList<Row> moved = m_rows.mid(sourceRow, count);
    m_rows.remove(sourceRow, count);
    const int to = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_rows.insert(to + i, moved[i]);
    endMoveRows();
    // Order changes no curve; the views still hear once that the scene is settled.
    notifyRecomputed();
    return true;
}

bool SceneModel::addFunction(const QString &id, QString *error)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    if (!spec) {
        setError(error, SceneModel::tr("unknown function '%1'; valid ids: %2")
                                .arg(id, ActivationCatalogue::idList()));
        return false;
    }
    return insertFunction(int(m_rows.size()), id, spec->defaults(), error);
}

bool SceneModel::insertFunction(int row, const QString &id, const ParameterValues &parameters,
                                QString *error, const AffineMap &map)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    if (!spec) {
        setError(error, SceneModel::tr("unknown function '%1'; valid ids: %2")
                                .arg(id, ActivationCatalogue::idList()));
        return false;
    }
    if (row < 0 || row > m_rows.size()) {
        setError(error, SceneModel::tr("cannot insert at row %1: valid rows are 0 to %2")
                                .arg(row)
                                .arg(m_rows.size()));
        return false;
    }
    if (m_rows.size() >= MaxFunctions) {
        setError(error, SceneModel::tr("cannot add '%1': a scene holds at most %2 functions")
                                .arg(id)
                                .arg(MaxFunctions));
        return false;
    }
    QString problem = spec->validate(parameters);
    if (problem.isEmpty() && !map.check().isEmpty())
        problem = id + QStringLiteral(": ") + map.check();
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    Row r;
    r.function.spec = spec;
    r.function.parameters = parameters;
    r.function.map = map;
    r.function.color = nextColor();
    recomputeRow(r);
    beginInsertRows({}, row, row);
    m_rows.insert(row, r);
    endInsertRows();
    recomputeCurves();
    return true;
}

bool SceneModel::setParameter(int row, const QString &name, double value, QString *error)
{
    if (!checkRow(row, error))
        return false;
    const ActivationSpec *spec = m_rows[row].function.spec;
    const int i = spec->parameterIndex(name);
    if (i < 0) {
        QStringList names;
        for (const ParameterSpec &p : spec->parameters)
            names << p.name;
        setError(error, names.isEmpty()
                         ? SceneModel::tr("%1 has no parameters (got '%2')").arg(spec->id, name)
                         : SceneModel::tr("%1 has no parameter '%2'; its parameters: %3")
                                   .arg(spec->id, name, names.join(QLatin1String(", "))));
        return false;
    }
    ParameterValues p = m_rows[row].function.parameters;
    p[i] = value;
    return setParameters(row, p, error);
}

bool SceneModel::setParameters(int row, const ParameterValues &parameters, QString *error)
{
    if (!checkRow(row, error))
        return false;
    Row &r = m_rows[row];
    const QString problem = r.function.spec->validate(parameters);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    if (r.function.parameters == parameters)
        return true;
    r.function.parameters = parameters;
    recomputeRow(r);
    emitRowChanged(row, {Qt::DisplayRole, LabelRole, ParametersRole, SaturatedFractionRole,
                         MaxAbsGradientRole});
    recomputeCurves();
    return true;
}

bool SceneModel::setAffineMap(int row, const AffineMap &map, QString *error)
{
    if (!checkRow(row, error))
        return false;
    Row &r = m_rows[row];
    const QString problem = map.check();
    if (!problem.isEmpty()) {
        setError(error, r.function.spec->id + QStringLiteral(": ") + problem);
        return false;
    }
    if (r.function.map == map)
        return true;
    r.function.map = map;
    recomputeRow(r);
    emitRowChanged(row, {Qt::DisplayRole, LabelRole, AffineMapRole, SaturatedFractionRole,
                         MaxAbsGradientRole});
    recomputeCurves();
    return true;
}

bool SceneModel::resetParameters(int row, QString *error)
{
    if (!checkRow(row, error))
        return false;
    return setParameters(row, m_rows[row].function.spec->defaults(), error);
}

bool SceneModel::setColor(int row, const QColor &color, QString *error)
{
    if (!checkRow(row, error))
        return false;
    if (!color.isValid()) {
        setError(error, SceneModel::tr("not a valid colour"));
        return false;
    }
    if (m_rows[row].function.color == color)
        return true;
    m_rows[row].function.color = color;
    emitRowChanged(row, {Qt::DecorationRole, ColorRole});
    notifyRecomputed();
    return true;
}

bool SceneModel::setVisible(int row, bool visible, QString *error)
{
    if (!checkRow(row, error))
        return false;
    if (m_rows[row].function.visible == visible)
        return true;
    m_rows[row].function.visible = visible;
    emitRowChanged(row, {Qt::CheckStateRole, VisibleRole});
    // Hidden curves leave the automatic y range.
    recomputeCurves();
    return true;
}

void SceneModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    recomputeCurves();
}

void SceneModel::assign(const SceneModel &other)
{
    if (&other == this)
        return;
    beginResetModel();
    m_rows = other.m_rows;
    m_xMin = other.m_xMin;
    m_xMax = other.m_xMax;
    m_epsilon = other.m_epsilon;
    m_sampleCount = other.m_sampleCount;
    m_plotSizes = other.m_plotSizes;
    m_maxOrder = other.m_maxOrder;
    m_fixedY = other.m_fixedY;
    m_samples = other.m_samples;
    m_yRanges = other.m_yRanges;
    m_views = other.m_views; // the rows' curves come along, fresh for these viewports
    endResetModel();
    emit rangeChanged(m_xMin, m_xMax);
    emit epsilonChanged(m_epsilon);
    emit sampleCountChanged(m_sampleCount);
    recomputeCurves();
}

bool SceneModel::setRange(double xMin, double xMax, QString *error)
{
    if (!std::isfinite(xMin) || !std::isfinite(xMax)) {
        setError(error,
                 SceneModel::tr("x range: min and max must be finite numbers (got %1, %2)")
                     .arg(NumberText::brief(xMin), NumberText::brief(xMax)));
        return false;
    }
    if (!(xMin < xMax)) {
        setError(error,
                 SceneModel::tr("x range: min (%1) must be less than max (%2)")
                     .arg(NumberText::brief(xMin), NumberText::brief(xMax)));
        return false;
    }
    if (!std::isfinite(xMax - xMin)) {
        setError(error,
                 SceneModel::tr("x range: %1 to %2 is too wide; its width must be a finite number")
                     .arg(NumberText::brief(xMin), NumberText::brief(xMax)));
        return false;
    }
    // A range a few ulps wide cannot be drawn or analysed: no axis can label it.
    if (xMax - xMin < MinRelativeWidth * std::max(std::fabs(xMin), std::fabs(xMax))) {
        setError(error,
                 SceneModel::tr("x range: %1 to %2 is too narrow; its width must be at least "
                                "1e-12 × max(|min|, |max|)")
                     .arg(NumberText::brief(xMin), NumberText::brief(xMax)));
        return false;
    }
    if (xMin == m_xMin && xMax == m_xMax)
        return true;
    m_xMin = xMin;
    m_xMax = xMax;
    m_samples = linspace(m_xMin, m_xMax, m_sampleCount);
    for (Row &r : m_rows)
        recomputeRow(r);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                         {SaturatedFractionRole, MaxAbsGradientRole});
    emit rangeChanged(m_xMin, m_xMax);
    recomputeCurves();
    return true;
}

bool SceneModel::setEpsilon(double epsilon, QString *error)
{
    if (!std::isfinite(epsilon) || !(epsilon > 0)) {
        setError(error,
                 SceneModel::tr("epsilon must be a finite number > 0 (got %1)")
                     .arg(NumberText::brief(epsilon)));
        return false;
    }
    if (epsilon == m_epsilon)
        return true;
    m_epsilon = epsilon;
    // ε moves the saturation bands only; the curves stay as they are.
    for (Row &r : m_rows)
        analyseRow(r);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                         {SaturatedFractionRole, MaxAbsGradientRole});
    emit epsilonChanged(m_epsilon);
    notifyRecomputed();
    return true;
}

bool SceneModel::setSampleCount(int count, QString *error)
{
    if (count < MinSampleCount || count > MaxSampleCount) {
        setError(error, SceneModel::tr("sample count must be between %1 and %2 (got %3)")
                                .arg(MinSampleCount)
                                .arg(MaxSampleCount)
                                .arg(count));
        return false;
    }
    if (count == m_sampleCount)
        return true;
    m_sampleCount = count;
    m_samples = linspace(m_xMin, m_xMax, m_sampleCount);
    emit sampleCountChanged(m_sampleCount);
    notifyRecomputed();
    return true;
}

bool SceneModel::setPlotSize(QSize pixels, QString *error)
{
    if (!checkPlotSize(pixels, error))
        return false;
    const std::array<QSize, MaxOrder + 1> all{pixels, pixels, pixels};
    if (all == m_plotSizes)
        return true;
    m_plotSizes = all;
    recomputeCurves();
    return true;
}

bool SceneModel::setPlotSize(int order, QSize pixels, QString *error)
{
    if (order < 0 || order > MaxOrder) {
        setError(error, SceneModel::tr("derivative order must be 0, 1 or 2 (got %1)").arg(order));
        return false;
    }
    if (!checkPlotSize(pixels, error))
        return false;
    if (pixels == m_plotSizes[order])
        return true;
    m_plotSizes[order] = pixels;
    recomputeCurves(); // resamples that order only: the others' viewports are unchanged
    return true;
}

bool SceneModel::checkPlotSize(QSize pixels, QString *error)
{
    if (pixels.width() >= 1 && pixels.height() >= 1 && pixels.width() <= 100000
        && pixels.height() <= 100000)
        return true;
    setError(error, SceneModel::tr("plot size must be between 1×1 and 100000×100000 pixels (got %1×%2)")
                            .arg(pixels.width())
                            .arg(pixels.height()));
    return false;
}

QSize SceneModel::plotSize(int order) const
{
    return m_plotSizes.at(std::clamp(order, 0, int(MaxOrder)));
}

bool SceneModel::setMaxOrder(int order, QString *error)
{
    if (order < 1 || order > MaxOrder) {
        setError(error, SceneModel::tr("derivative order must be 1 (f, f′) or 2 (f, f′, f″) (got %1)").arg(order));
        return false;
    }
    if (order == m_maxOrder)
        return true;
    m_maxOrder = order;
    recomputeCurves();
    return true;
}

bool SceneModel::setFixedYRange(int order, std::optional<Interval> range, QString *error)
{
    if (order < 0 || order > MaxOrder) {
        setError(error, SceneModel::tr("derivative order must be 0, 1 or 2 (got %1)").arg(order));
        return false;
    }
    if (range && (!std::isfinite(range->from) || !std::isfinite(range->to) || !(range->from < range->to))) {
        setError(error,
                 SceneModel::tr("y range: min (%1) must be less than max (%2), both finite")
                     .arg(NumberText::brief(range->from), NumberText::brief(range->to)));
        return false;
    }
    m_fixedY[order] = range;
    recomputeCurves();
    return true;
}

std::optional<Interval> SceneModel::fixedYRange(int order) const
{
    return order >= 0 && order <= MaxOrder ? m_fixedY[order] : std::nullopt;
}

void SceneModel::recompute()
{
    for (Row &r : m_rows)
        recomputeRow(r);
    recomputeCurves();
}

void SceneModel::beginUpdate()
{
    ++m_updateDepth;
}

void SceneModel::endUpdate()
{
    if (m_updateDepth == 0 || --m_updateDepth > 0)
        return;
    if (m_curvesPending)
        recomputeCurves();
    else if (m_signalPending)
        notifyRecomputed();
}

void SceneModel::notifyRecomputed()
{
    if (m_updateDepth > 0) {
        m_signalPending = true;
        return;
    }
    m_signalPending = false;
    emit recomputed();
}

bool SceneModel::checkRow(int row, QString *error) const
{
    if (row >= 0 && row < m_rows.size())
        return true;
    setError(error, m_rows.isEmpty()
                     ? SceneModel::tr("no function at row %1: the scene is empty").arg(row)
                     : SceneModel::tr("no function at row %1: valid rows are 0 to %2")
                               .arg(row)
                               .arg(m_rows.size() - 1));
    return false;
}

QColor SceneModel::nextColor() const
{
    const QList<QColor> &colors = palette();
    for (const QColor &c : colors) {
        bool used = false;
        for (const Row &r : m_rows)
            used = used || r.function.color == c;
        if (!used)
            return c;
    }
    return colors.at(m_rows.size() % colors.size());
}

void SceneModel::analyseRow(Row &row) const
{
    row.saturation = analyseSaturation(row.function.function(), m_xMin, m_xMax,
                                       m_epsilon);
}

void SceneModel::recomputeRow(Row &row) const
{
    analyseRow(row);
    row.valueRanges = {};
    row.curveFresh = {};
}

Interval SceneModel::rowValueRange(Row &row, int order) const
{
    std::optional<Interval> &v = row.valueRanges[order];
    if (!v)
        v = valueRange(row.function.function(), order, m_xMin, m_xMax);
    return *v;
}

void SceneModel::recomputeCurves()
{
    if (m_updateDepth > 0) {
        m_curvesPending = true;
        return;
    }
    m_curvesPending = false;
    for (int order = 0; order <= MaxOrder; ++order) {
        if (order > m_maxOrder) {
            for (Row &r : m_rows) {
                r.curves[order] = {};
                r.curveFresh[order] = false;
            }
            m_views[order].reset();
            continue;
        }
        Interval y{0.0, -1.0}; // empty until a visible curve widens it
        if (m_fixedY[order]) {
            y = *m_fixedY[order];
        } else {
            for (Row &r : m_rows) {
                if (!r.function.visible)
                    continue;
                const Interval v = rowValueRange(r, order);
                if (!(v.from <= v.to))
                    continue;
                y = y.from <= y.to ? Interval{std::min(y.from, v.from), std::max(y.to, v.to)} : v;
            }
            y = padded(y);
        }
        m_yRanges[order] = y;
        PlotViewport view;
        view.xMin = m_xMin;
        view.xMax = m_xMax;
        view.yMin = y.from;
        view.yMax = y.to;
        view.widthPx = m_plotSizes[order].width();
        view.heightPx = m_plotSizes[order].height();
        // The sampler's tolerance is in pixels: a new viewport makes every curve stale. Under an
        // unchanged one only new, edited or shown rows are sampled, so one edit costs one row.
        if (m_views[order] != view) {
            m_views[order] = view;
            for (Row &r : m_rows)
                r.curveFresh[order] = false;
        }
        for (Row &r : m_rows) {
            if (!r.function.visible) {
                r.curves[order] = {};
                r.curveFresh[order] = false;
            } else if (!r.curveFresh[order]) {
                r.curves[order] = samplePlotCurve(r.function.function(), order, view);
                r.curveFresh[order] = true;
            }
        }
    }
    notifyRecomputed();
}

void SceneModel::emitRowChanged(int row, const QList<int> &roles)
{
    const QModelIndex i = index(row);
    emit dataChanged(i, i, roles);
}
