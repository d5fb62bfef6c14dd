#pragma once

#include <QAbstractTableModel>
#include <QPointer>

class SceneModel;

/**
 * x, f, f′ and f″ of one scene function at torch.linspace(xMin, xMax, sampleCount): the data
 * behind value tables, data exports and the charts' accessible tables.
 */
class SampleTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { XColumn, FColumn, D1Column, D2Column, ColumnCount };
    Q_ENUM(Column)

    explicit SampleTableModel(QObject *parent = nullptr);

    /** Binds to a scene and one of its rows (−1 for none); follows the scene's changes. */
    void setSource(SceneModel *scene, int row);
    SceneModel *scene() const { return m_scene; }
    int sourceRow() const { return m_row; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The value in a cell as a double (NaN where a derivative does not exist). */
    double value(int row, int column) const;

private:
    void refresh();
    void followRowsRemoved(int first, int last);
    void followRowsInserted(int first, int last);
    void followRowsMoved(int start, int end, int destination);
    bool isBound() const;

    QPointer<SceneModel> m_scene;
    int m_row = -1;
    int m_rowCount = 0;
};
