#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <optional>

class SceneModel;

/**
 * The value table: torch.linspace(xMin, xMax, sampleCount) of a scene down the rows, and across
 * the columns x, then f, f′ and f″ of every visible function.
 *
 * Each column is one tensor: its cells are printed the way PyTorch prints that tensor, with one
 * format for the whole column (sigmoid over linspace(−100, 100, 10) reads 3.7201e-44 … 1.0000e+00,
 * relu over linspace(−1, 1, 10) reads 0.0000 … 1.0000). DisplayRole is that text without torch's
 * padding; EditRole is the double. The table follows the scene: dataChanged when values change in
 * the same shape, a reset when rows or columns come or go.
 */
class ValueTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /** Where a column's numbers come from. */
    struct Column
    {
        int sceneRow = -1; ///< −1 for the x column
        int order = 0; ///< 0 = f, 1 = f′, 2 = f″
        bool operator==(const Column &o) const
        {
            return sceneRow == o.sceneRow && order == o.order;
        }
    };

    /** Derivative orders tabulated per function: f, f′ and f″. */
    static constexpr int OrdersPerFunction = 3;

    explicit ValueTableModel(QObject *parent = nullptr);

    /** Binds to scene (or nothing): disconnects the old one, connects the new one, resets once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const { return m_scene; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /** The source of a column (x, or a scene row and derivative order). */
    Column column(int column) const { return m_columns.value(column); }
    /** The value in a cell (NaN where a derivative does not exist or the cell is out of range). */
    double value(int row, int column) const;
    /** A whole column, in row order. */
    QList<double> columnValues(int column) const;
    /** The length in characters of the column's longest printed element, to which torch pads
     * every element: with a fixed-width font, the width the column needs. */
    int columnTextLength(int column) const;
    /** A column as torch prints it: "tensor([…], dtype=torch.float64)"; "" for no such column. */
    QString tensorText(int column) const;
    /**
     * The cells as tab-separated text: a header line with the columns' names, then one line per
     * row that has a selected cell, rows and columns in table order, unselected cells empty.
     * Numbers are written at full precision, the shortest text that reads back as the same double
     * (0.1, 3.7200759760208361e-44, nan, inf), not torch's four digits: a pasted table keeps
     * the values, and tensorText() is there for the printed look.
     */
    QString selectionAsTsv(const QModelIndexList &indexes) const;

private:
    /** The few values that decide how torch prints a column (see WitnessCollector). */
    struct Format
    {
        QList<double> witnesses;
        int textLength = 1;
    };

    void refresh();
    QList<Column> visibleColumns() const;
    bool isLive(const Column &c) const;
    const Format &columnFormat(int column) const;
    QString displayText(int column, double v) const;
    QString headerText(int section) const;
    /** A new shape: columns and rows anew, with a model reset. */
    void resetTo(const QList<Column> &columns, int rows);

    QPointer<SceneModel> m_scene;
    QList<Column> m_columns;
    QStringList m_headerTexts; ///< per column, as last signalled
    int m_rowCount = 0;
    mutable QList<std::optional<Format>> m_formats; ///< per column, computed on first display
};
