#pragma once

#include <QPair>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QItemSelection;
class QLabel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;
class SceneModel;

/**
 * Where each visible function's gradient vanishes: its bands (|f′| < ε) with bounds and kind, the
 * share of the x range they cover, and the largest |f′| with its x. Selecting a band reports it, so
 * that the window can highlight it on the charts.
 */
class SaturationPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NameColumn, ///< the function's label, or a band's kind
        FromColumn, ///< a band's left end
        ToColumn, ///< a band's right end
        ShareColumn, ///< share of the x range: all bands of a function, or one band
        MaxGradientColumn, ///< largest |f′| of a function on the range
        MaxGradientAtColumn, ///< where it occurs
        ColumnCount
    };
    enum Role {
        FunctionRowRole = Qt::UserRole + 1, ///< int, the scene row (on every item of a row)
        IntervalIndexRole, ///< int, the band's index, −1 on a function's row
        ValueRole, ///< double, the unrounded number shown
    };

    explicit SaturationPanel(QWidget *parent = nullptr);
    ~SaturationPanel() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    /** The table shown: one row per visible function, its bands as children. */
    QAbstractItemModel *intervalModel() const;
    /** The line above the table that says what a band means for learning. */
    QString explanation() const;

    /** Selects a band (as if clicked); (−1, −1) or an unknown band clears the selection. */
    void selectInterval(int functionRow, int intervalIndex);

    /** A number with 4 significant digits in the user's locale. */
    static QString formatNumber(double value);
    /** A share of the range as a percentage, e.g. "23.6 %". */
    static QString formatFraction(double fraction);

Q_SIGNALS:
    /** A band was selected: scene row and index into SceneModel::saturation(row).intervals;
     *  (−1, −1) when no band is selected any more. */
    void intervalSelected(int functionRow, int intervalIndex);

private:
    void rebuild();
    // rebuild()'s steps.
    void updateExplanation();
    /** Appends a visible function's row, its bands as children; notes where the selection goes. */
    void appendFunctionRows(int row, int selectedRow, QList<QList<QStandardItem *>> &rows,
                            QPair<int, int> &restore);
    void showRows(const QList<QList<QStandardItem *>> &rows);
    void restoreSelection(QPair<int, int> restore);
    /** Puts rows' values into the tree's items when it has their shape; false if it has not. */
    bool updateInPlace(const QList<QList<QStandardItem *>> &rows);
    void onSelectionChanged();
    void report(int functionRow, int intervalIndex);

    QPointer<SceneModel> m_scene;
    QPersistentModelIndex m_selectedFunction;
    int m_selectedInterval = -1;
    int m_reportedRow = -1;
    int m_reportedInterval = -1;
    bool m_rebuilding = false;

    QLabel *m_explanation = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
};
