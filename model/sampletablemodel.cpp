#include "sampletablemodel.h"

#include "scenemodel.h"

#include <cmath>

SampleTableModel::SampleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SampleTableModel::setSource(SceneModel *scene, int row)
{
    // Bind like a view binds to a model: drop the old connections, make the new ones, refresh once.
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    beginResetModel();
    m_scene = scene;
    m_row = row;
    m_rowCount = isBound() ? int(m_scene->samples().size()) : 0;
    endResetModel();
    if (!m_scene)
        return;
    connect(m_scene, &SceneModel::recomputed, this, &SampleTableModel::refresh);
    connect(m_scene, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { followRowsRemoved(first, last); });
    connect(m_scene, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { followRowsInserted(first, last); });
    connect(m_scene, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int end, const QModelIndex &, int destination) {
                followRowsMoved(start, end, destination);
            });
    connect(m_scene, &QAbstractItemModel::modelReset, this, [this] { setSource(m_scene, -1); });
}

int SampleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int SampleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double SampleTableModel::value(int row, int column) const
{
    if (!isBound() || row < 0 || row >= m_scene->samples().size())
        return std::nan("");
    const double x = m_scene->samples().at(row);
    if (column == XColumn)
        return x;
    const FunctionInstance &fn = m_scene->function(m_row);
    return fn.at(x).order(column - FColumn);
}

QVariant SampleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double v = value(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return std::isnan(v) ? QStringLiteral("nan") : QString::number(v, 'g', 6);
    case Qt::EditRole:
        return v;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section;
    switch (section) {
    case XColumn:
        return QStringLiteral("x");
    case FColumn:
        return QStringLiteral("f(x)");
    case D1Column:
        return QStringLiteral("f′(x)");
    case D2Column:
        return QStringLiteral("f″(x)");
    default:
        return {};
    }
}

void SampleTableModel::refresh()
{
    const int n = isBound() ? int(m_scene->samples().size()) : 0;
    if (n != m_rowCount) {
        beginResetModel();
        m_rowCount = n;
        endResetModel();
    } else if (n > 0) {
        emit dataChanged(index(0, 0), index(n - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::EditRole});
    }
}

void SampleTableModel::followRowsRemoved(int first, int last)
{
    if (m_row < first)
        return;
    if (m_row <= last) {
        setSource(m_scene, -1);
        return;
    }
    m_row -= last - first + 1;
}

void SampleTableModel::followRowsInserted(int first, int last)
{
    if (m_row >= first)
        m_row += last - first + 1;
}

void SampleTableModel::followRowsMoved(int start, int end, int destination)
{
    const int count = end - start + 1;
    if (m_row >= start && m_row <= end) {
        m_row = (destination > start ? destination - count : destination) + (m_row - start);
    } else {
        if (m_row > end)
            m_row -= count;
        const int to = destination > start ? destination - count : destination;
        if (m_row >= to)
            m_row += count;
    }
}

bool SampleTableModel::isBound() const
{
    return m_scene && m_row >= 0 && m_row < m_scene->rowCount();
}
