#include "valuetablemodel.h"

#include "numbertext.h"
#include "scenemodel.h"
#include "torchformat.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

namespace {

QString primes(int order)
{
    switch (order) {
    case 0:
        return {};
    case 1:
        return QStringLiteral("′");
    default:
        return QStringLiteral("″");
    }
}

} // namespace

ValueTableModel::ValueTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ValueTableModel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene) {
        // Rows coming, going or moving change the columns before the scene has recomputed; the
        // values of the rows that stay are already right, so follow at once.
        connect(m_scene, &QAbstractItemModel::rowsInserted, this, &ValueTableModel::refresh);
        connect(m_scene, &QAbstractItemModel::rowsRemoved, this, &ValueTableModel::refresh);
        connect(m_scene, &QAbstractItemModel::rowsMoved, this, &ValueTableModel::refresh);
        connect(m_scene, &QAbstractItemModel::modelReset, this, &ValueTableModel::refresh);
        connect(m_scene, &SceneModel::recomputed, this, &ValueTableModel::refresh);
        connect(m_scene, &QObject::destroyed, this, &ValueTableModel::refresh);
    }
    resetTo(visibleColumns(), m_scene ? int(m_scene->samples().size()) : 0);
}

void ValueTableModel::resetTo(const QList<Column> &columns, int rows)
{
    beginResetModel();
    m_columns = columns;
    m_rowCount = rows;
    m_formats = QList<std::optional<Format>>(m_columns.size());
    m_headerTexts.clear();
    for (int section = 0; section < m_columns.size(); ++section)
        m_headerTexts << headerText(section);
    endResetModel();
}

QList<ValueTableModel::Column> ValueTableModel::visibleColumns() const
{
    if (!m_scene)
        return {};
    QList<Column> columns { { -1, 0 } };
    for (int row = 0; row < m_scene->rowCount(); ++row) {
        if (!m_scene->function(row).visible)
            continue;
        for (int order = 0; order < OrdersPerFunction; ++order)
            columns.append({ row, order });
    }
    return columns;
}

void ValueTableModel::refresh()
{
    const QList<Column> columns = visibleColumns();
    const int rows = m_scene ? int(m_scene->samples().size()) : 0;
    if (columns != m_columns || rows != m_rowCount) {
        resetTo(columns, rows);
        return;
    }
    m_formats = QList<std::optional<Format>>(m_columns.size());
    if (m_columns.isEmpty())
        return;
    // Labels change with parameters and maps while the shape stays. Only a label that changed
    // is signalled: the view measures every section again for each signal, and a slider step
    // mostly changes numbers (tooltips are asked for when shown, so they need no signal).
    int firstChanged = -1;
    int lastChanged = -1;
    for (int section = 0; section < m_columns.size(); ++section) {
        QString text = headerText(section);
        if (text != m_headerTexts.value(section)) {
            m_headerTexts[section] = std::move(text);
            if (firstChanged < 0)
                firstChanged = section;
            lastChanged = section;
        }
    }
    if (firstChanged >= 0)
        emit headerDataChanged(Qt::Horizontal, firstChanged, lastChanged);
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, int(m_columns.size()) - 1),
                         { Qt::DisplayRole, Qt::EditRole });
}

int ValueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ValueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

bool ValueTableModel::isLive(const Column &c) const
{
    return m_scene && c.sceneRow < m_scene->rowCount();
}

double ValueTableModel::value(int row, int column) const
{
    if (row < 0 || row >= m_rowCount || column < 0 || column >= m_columns.size())
        return std::nan("");
    const Column c = m_columns.at(column);
    if (!isLive(c) || row >= m_scene->samples().size())
        return std::nan("");
    const double x = m_scene->samples().at(row);
    if (c.sceneRow < 0)
        return x;
    return m_scene->function(c.sceneRow).at(x).order(c.order);
}

QList<double> ValueTableModel::columnValues(int column) const
{
    if (column < 0 || column >= m_columns.size())
        return {};
    QList<double> values;
    values.reserve(m_rowCount);
    for (int row = 0; row < m_rowCount; ++row)
        values.append(value(row, column));
    return values;
}

QString ValueTableModel::tensorText(int column) const
{
    if (column < 0 || column >= m_columns.size())
        return {};
    return TorchFormat::tensor(columnValues(column));
}

namespace {

/**
 * The values of a column that decide how torch prints it. torch picks a tensor's format (integer,
 * fixed or scientific) from three facts only: the smallest and the largest non-zero finite
 * magnitude, and whether every non-zero finite value is an integer; and it pads every element to
 * the longest one, which is a largest or smallest magnitude of either sign, a zero, a nan or an
 * inf.
 * Printing a value together with these few witnesses prints it exactly as in the whole column.
 */
class WitnessCollector
{
public:
    void add(double v)
    {
        if (std::isnan(v)) {
            m_nan = true;
        } else if (std::isinf(v)) {
            (v > 0 ? m_posInf : m_negInf) = true;
        } else if (v == 0.0) {
            m_zero = true;
        } else {
            Extremes &e = v > 0 ? m_positive : m_negative;
            if (std::isnan(e.smallest) || std::fabs(v) < std::fabs(e.smallest))
                e.smallest = v;
            if (std::isnan(e.largest) || std::fabs(v) > std::fabs(e.largest))
                e.largest = v;
            if (std::isnan(m_fractional) && v != std::ceil(v))
                m_fractional = v;
        }
    }

    QList<double> witnesses() const
    {
        QList<double> out;
        for (double w : { m_positive.smallest, m_positive.largest, m_negative.smallest,
                          m_negative.largest, m_fractional }) {
            if (!std::isnan(w))
                out.append(w);
        }
        if (m_zero)
            out.append(0.0); // "0." in integer mode is longer than the width-1 default
        if (m_nan)
            out.append(std::nan(""));
        if (m_posInf)
            out.append(HUGE_VAL);
        if (m_negInf)
            out.append(-HUGE_VAL);
        return out;
    }

private:
    struct Extremes
    {
        double smallest = std::nan("");
        double largest = std::nan("");
    };
    Extremes m_positive;
    Extremes m_negative;
    double m_fractional = std::nan("");
    bool m_zero = false;
    bool m_nan = false;
    bool m_posInf = false;
    bool m_negInf = false;
};

} // namespace

const ValueTableModel::Format &ValueTableModel::columnFormat(int column) const
{
    std::optional<Format> &cached = m_formats[column];
    if (cached)
        return *cached;
    const Column c = m_columns.at(column);
    // One pass over the rows serves all columns of a function: at() gives f, f′ and f″ together.
    QList<int> siblings;
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).sceneRow == c.sceneRow && !m_formats.at(i))
            siblings.append(i);
    }
    std::vector<WitnessCollector> collectors(siblings.size());
    if (isLive(c)) {
        const QList<double> &xs = m_scene->samples();
        const int n = std::min(m_rowCount, int(xs.size()));
        for (int row = 0; row < n; ++row) {
            const double x = xs.at(row);
            if (c.sceneRow < 0) {
                collectors[0].add(x);
                continue;
            }
            const Derivatives d = m_scene->function(c.sceneRow).at(x);
            for (size_t k = 0; k < collectors.size(); ++k)
                collectors[k].add(d.order(m_columns.at(siblings.at(int(k))).order));
        }
    }
    for (size_t k = 0; k < collectors.size(); ++k) {
        Format format;
        format.witnesses = collectors[k].witnesses();
        int length = 1;
        const QStringList printed = TorchFormat::elements(format.witnesses);
        for (const QString &element : printed)
            length = std::max(length, int(element.size()));
        format.textLength = length;
        m_formats[siblings.at(int(k))] = format;
    }
    return *cached;
}

int ValueTableModel::columnTextLength(int column) const
{
    if (column < 0 || column >= m_columns.size())
        return 0;
    return columnFormat(column).textLength;
}

QString ValueTableModel::displayText(int column, double v) const
{
    QList<double> values { v };
    values += columnFormat(column).witnesses;
    // torch pads every element to the column's width; a table cell aligns by itself.
    return TorchFormat::elements(values).first().trimmed();
}

QVariant ValueTableModel::data(const QModelIndex &index, int role) const
{
    // Views and QAbstractItemModelTester ask about the invalid index: an empty answer, no warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.column(), value(index.row(), index.column()));
    case Qt::EditRole:
        return value(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

Qt::ItemFlags ValueTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QString ValueTableModel::headerText(int section) const
{
    const Column c = m_columns.value(section);
    if (c.sceneRow < 0)
        return QStringLiteral("x");
    if (!isLive(c))
        return {};
    QString label = m_scene->function(c.sceneRow).label();
    if (c.order == 0)
        return label;
    // "sigmoid′", but "(2·sigmoid(2x) − 1)′": the prime belongs to the whole expression.
    static const QRegularExpression plainName(QStringLiteral("^\\w+$"));
    const QString base
        = plainName.match(label).hasMatch() ? label : QLatin1Char('(') + label + QLatin1Char(')');
    return base + primes(c.order);
}

QVariant ValueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rowCount)
            return {};
        if (role == Qt::DisplayRole)
            return section; // the tensor index, from 0 as in Python
        if (role == Qt::ToolTipRole)
            return tr("Index %1 of the tensor").arg(section);
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const Column c = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return headerText(section);
    case Qt::ToolTipRole:
        if (c.sceneRow < 0) {
            return m_scene ? tr("x = torch.linspace(%1, %2, %3)")
                                 .arg(NumberText::roundTrip(m_scene->xMin()),
                                      NumberText::roundTrip(m_scene->xMax()))
                                 .arg(m_scene->sampleCount())
                           : QString();
        }
        if (!isLive(c))
            return {};
        switch (c.order) {
        case 0:
            return tr("The values of %1").arg(m_scene->function(c.sceneRow).label());
        case 1:
            return tr("The first derivative (gradient) of %1")
                .arg(m_scene->function(c.sceneRow).label());
        default:
            return tr("The second derivative of %1").arg(m_scene->function(c.sceneRow).label());
        }
    default:
        return {};
    }
}

QString ValueTableModel::selectionAsTsv(const QModelIndexList &indexes) const
{
    // std::map and std::set keep rows and columns in table order.
    std::map<int, std::set<int>> cells; // row → its selected columns
    std::set<int> columns;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.model() != this || index.row() >= m_rowCount
            || index.column() >= m_columns.size())
            continue;
        cells[index.row()].insert(index.column());
        columns.insert(index.column());
    }
    if (cells.empty())
        return {};
    QStringList lines;
    QStringList header;
    for (int column : columns)
        header << headerText(column);
    lines << header.join(QLatin1Char('\t'));
    for (const auto &[row, selected] : cells) {
        QStringList fields;
        for (int column : columns)
            fields << (selected.count(column) ? NumberText::roundTrip(value(row, column))
                                              : QString());
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
