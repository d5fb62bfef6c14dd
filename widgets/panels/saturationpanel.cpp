#include "saturationpanel.h"

#include "scenemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString kindText(SaturationKind kind)
{
    return kind == SaturationKind::Zero ? SaturationPanel::tr("zero: f′ = 0")
                                        : SaturationPanel::tr("saturated: |f′| < ε");
}

QStandardItem *numberItem(double value)
{
    auto *item = new QStandardItem(SaturationPanel::formatNumber(value));
    item->setData(value, SaturationPanel::ValueRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *fractionItem(double fraction)
{
    auto *item = new QStandardItem(SaturationPanel::formatFraction(fraction));
    item->setData(fraction, SaturationPanel::ValueRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

/** Fills a row to ColumnCount items, each knowing its scene row and band. */
QList<QStandardItem *> completeRow(QList<QStandardItem *> items, int functionRow, int interval,
                                   const QString &toolTip, Qt::ItemFlags flags)
{
    while (items.size() < SaturationPanel::ColumnCount)
        items << new QStandardItem;
    for (QStandardItem *item : std::as_const(items)) {
        item->setData(functionRow, SaturationPanel::FunctionRowRole);
        item->setData(interval, SaturationPanel::IntervalIndexRole);
        item->setToolTip(toolTip);
        item->setFlags(flags);
    }
    return items;
}

} // namespace

SaturationPanel::SaturationPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Saturation"));
    setAccessibleDescription(tr("Where each function's gradient is zero or below ε: the intervals "
                                "and their share of the x range"));

    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("saturationExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setAccessibleName(tr("What the bands mean for learning"));
    m_explanation->setToolTip(
        tr("Gradient descent changes a parameter θ by −η·f′ times the upstream gradient: "
           "where f′ is tiny, so is the step"));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({ tr("Function / band"), tr("From"), tr("To"),
                                         tr("Share of range"), tr("Largest |f′|"), tr("at x") });
    m_model->setHeaderData(ShareColumn, Qt::Horizontal,
                           tr("For a function: the part of the x range in any band; for a band: "
                              "its own width"),
                           Qt::ToolTipRole);
    m_model->setHeaderData(MaxGradientColumn, Qt::Horizontal,
                           tr("The largest |f′| of the function on the x range"), Qt::ToolTipRole);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("saturationView"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    // The numbers' columns fit their contents once per update (rebuild()), not at every item's
    // change, which with ResizeToContents measured the whole tree again for each of them.
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    // The names take the room the numbers leave, so no "|f′| < ε" is cut and no gap is left.
    m_view->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    // Room for "-4.585" with a gap, so that neighbouring numbers do not run together.
    m_view->header()->setMinimumSectionSize(
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("-88.888")) + 16);
    for (int column = FromColumn; column < ColumnCount; ++column)
        m_model->setHeaderData(column, Qt::Horizontal, int(Qt::AlignRight | Qt::AlignVCenter),
                               Qt::TextAlignmentRole);
    m_view->setAccessibleName(tr("Saturated intervals"));
    m_view->setToolTip(tr("Select a band to highlight it on the charts"));
    m_view->setAccessibleDescription(
            tr("Each function's bands: where they lie, how wide they are, and whether f′ is "
               "zero or only small there; select one to highlight it on the charts"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SaturationPanel::onSelectionChanged);

    rebuild();
}

SaturationPanel::~SaturationPanel()
{
    // While QWidget's destructor deletes the children they still emit (a focus-out finishes an
    // edit, a model going away clears a selection), and this is no longer a SaturationPanel by
    // then.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

void SaturationPanel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    m_selectedFunction = QPersistentModelIndex();
    m_selectedInterval = -1;
    if (m_scene) {
        // Every change of the scene ends in recomputed(): visibility, colour, order, ε, range.
        connect(m_scene, &SceneModel::recomputed, this, &SaturationPanel::rebuild);
        connect(m_scene, &QAbstractItemModel::modelReset, this, &SaturationPanel::rebuild);
        connect(m_scene, &QObject::destroyed, this, &SaturationPanel::rebuild);
    }
    rebuild();
}

SceneModel *SaturationPanel::scene() const
{
    return m_scene;
}

QAbstractItemModel *SaturationPanel::intervalModel() const
{
    return m_model;
}

QString SaturationPanel::explanation() const
{
    return m_explanation->text();
}

QString SaturationPanel::formatNumber(double value)
{
    if (value == 0)
        value = 0; // no "-0"
    return QLocale().toString(value, 'g', 4);
}

QString SaturationPanel::formatFraction(double fraction)
{
    const double percent = 100 * fraction;
    if (percent == 0)
        return tr("%1 %").arg(QLocale().toString(0));
    if (percent < 0.1)
        return tr("< %1 %").arg(QLocale().toString(0.1, 'f', 1));
    return tr("%1 %").arg(QLocale().toString(percent, 'f', 1));
}

void SaturationPanel::rebuild()
{
    m_rebuilding = true;

    updateExplanation();

    // Where the selection goes: (function row, interval index), or interval −1 for the function.
    QPair<int, int> restore(-1, -2);
    const int selectedRow = m_scene && m_selectedFunction.isValid() ? m_selectedFunction.row() : -1;
    QList<QList<QStandardItem *>> rows;

    for (int row = 0; m_scene && row < m_scene->rowCount(); ++row) {
        const FunctionInstance &fn = m_scene->function(row);
        if (!fn.visible)
            continue;
        appendFunctionRows(row, selectedRow, rows, restore);
    }
    showRows(rows);
    restoreSelection(restore);
    m_rebuilding = false;
    if (m_selectedInterval >= 0)
        report(m_selectedFunction.row(), m_selectedInterval);
    else
        report(-1, -1);
}

void SaturationPanel::updateExplanation()
{
    const QString epsilon = m_scene ? formatNumber(m_scene->epsilon()) : QStringLiteral("–");
    m_explanation->setText(
        tr("Bands where |f′| < ε = %1. In a band the update θ′ = θ − η·f′ barely moves θ "
           "(where f′ = 0, not at all), so learning stalls there.")
            .arg(epsilon));
}

void SaturationPanel::appendFunctionRows(int row, int selectedRow,
                                         QList<QList<QStandardItem *>> &rows,
                                         QPair<int, int> &restore)
{
    const Qt::ItemFlags selectable = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const FunctionInstance &fn = m_scene->function(row);
    const SaturationResult &s = m_scene->saturation(row);
    const double width = m_scene->xMax() - m_scene->xMin();

    auto *name = new QStandardItem(fn.label());
    name->setData(fn.color, Qt::DecorationRole);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    const QString functionTip
        = tr("%1: %2 of [%3, %4] has |f′| < ε; the largest |f′| is %5, at x = %6.\n%7")
              .arg(fn.label(), formatFraction(s.zeroFraction + s.saturatedFraction),
                   formatNumber(m_scene->xMin()), formatNumber(m_scene->xMax()),
                   formatNumber(s.maxAbsGradient), formatNumber(s.maxAbsGradientAt),
                   fn.spec->translatedGradientNote());
    const QList<QStandardItem *> top
        = completeRow({ name, new QStandardItem, new QStandardItem,
                        fractionItem(s.zeroFraction + s.saturatedFraction),
                        numberItem(s.maxAbsGradient), numberItem(s.maxAbsGradientAt) },
                      row, -1, functionTip, selectable);
    rows.append(top);

    for (int i = 0; i < s.intervals.size(); ++i) {
        const SaturationInterval &band = s.intervals[i];
        const QString tip = band.kind == SaturationKind::Zero
            ? tr("From x = %1 to %2, f′ = 0: θ does not move at all")
                  .arg(formatNumber(band.from), formatNumber(band.to))
            : tr("From x = %1 to %2, 0 < |f′| < ε: θ moves very little")
                  .arg(formatNumber(band.from), formatNumber(band.to));
        auto *kind = new QStandardItem(kindText(band.kind));
        name->appendRow(completeRow({ kind, numberItem(band.from), numberItem(band.to),
                                      fractionItem(width > 0 ? band.length() / width : 0) },
                                    row, i, tip, selectable));
        if (row == selectedRow && i == m_selectedInterval)
            restore = { int(rows.size()) - 1, i };
    }
    if (s.intervals.isEmpty()) {
        auto *none = new QStandardItem(tr("no band: |f′| ≥ ε on the whole range"));
        QFont italic = none->font();
        italic.setItalic(true);
        none->setFont(italic);
        name->appendRow(completeRow({ none }, row, -1,
                                    tr("Gradient descent gets a usable gradient everywhere"),
                                    Qt::ItemIsEnabled));
    }
    if (row == selectedRow && m_selectedInterval < 0)
        restore = { int(rows.size()) - 1, -1 };
}

void SaturationPanel::showRows(const QList<QList<QStandardItem *>> &rows)
{
    if (!updateInPlace(rows)) {
        // Functions or bands came or went: the tree anew.
        m_model->removeRows(0, m_model->rowCount());
        for (const QList<QStandardItem *> &top : std::as_const(rows))
            m_model->appendRow(top);
        m_view->expandAll();
    }
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column != NameColumn)
            m_view->resizeColumnToContents(column);
    }
}

void SaturationPanel::restoreSelection(QPair<int, int> restore)
{
    QModelIndex restoreIndex;
    if (restore.first >= 0) {
        const QModelIndex top = m_model->index(restore.first, NameColumn);
        restoreIndex = restore.second < 0 ? top : m_model->index(restore.second, NameColumn, top);
    }

    // The same band stays selected while the curves change under it.
    if (restoreIndex.isValid() && restoreIndex != m_view->selectionModel()->currentIndex()) {
        m_view->selectionModel()->setCurrentIndex(
            restoreIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else if (!restoreIndex.isValid()) {
        m_selectedFunction = QPersistentModelIndex();
        m_selectedInterval = -1;
    }
}

bool SaturationPanel::updateInPlace(const QList<QList<QStandardItem *>> &rows)
{
    // A slider step changes numbers, not the tree's shape: then the items take the new values
    // (QStandardItem::setData() signals only real changes) and the view keeps its layout, where
    // a new tree made it lay out, measure and expand every row again at every step.
    if (rows.size() != m_model->rowCount())
        return false;
    for (int r = 0; r < rows.size(); ++r) {
        const QStandardItem *fresh = rows[r].first();
        const QStandardItem *old = m_model->item(r, NameColumn);
        if (rows[r].size() != m_model->columnCount() || !old
            || fresh->rowCount() != old->rowCount() || fresh->columnCount() != old->columnCount())
            return false;
    }
    static const int roles[] = { Qt::DisplayRole,  Qt::DecorationRole, Qt::FontRole,
                                 Qt::ToolTipRole,  Qt::TextAlignmentRole, ValueRole,
                                 FunctionRowRole,  IntervalIndexRole };
    const auto copy = [](const QStandardItem *from, QStandardItem *to) {
        if (!from || !to)
            return;
        for (int role : roles)
            to->setData(from->data(role), role);
        if (to->flags() != from->flags())
            to->setFlags(from->flags());
    };
    for (int r = 0; r < rows.size(); ++r) {
        QStandardItem *oldName = m_model->item(r, NameColumn);
        const QStandardItem *freshName = rows[r].first();
        for (int c = 0; c < rows[r].size(); ++c)
            copy(rows[r][c], m_model->item(r, c));
        for (int i = 0; i < freshName->rowCount(); ++i) {
            for (int c = 0; c < freshName->columnCount(); ++c)
                copy(freshName->child(i, c), oldName->child(i, c));
        }
    }
    for (const QList<QStandardItem *> &row : rows)
        qDeleteAll(row); // the name items take their children with them
    return true;
}

void SaturationPanel::selectInterval(int functionRow, int intervalIndex)
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex top = m_model->index(r, NameColumn);
        if (top.data(FunctionRowRole).toInt() != functionRow)
            continue;
        const QModelIndex band = intervalIndex >= 0 && intervalIndex < m_model->rowCount(top)
            ? m_model->index(intervalIndex, NameColumn, top)
            : QModelIndex();
        if (band.isValid() && band.data(IntervalIndexRole).toInt() == intervalIndex) {
            m_view->selectionModel()->setCurrentIndex(
                band, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(band);
            return;
        }
    }
    m_view->selectionModel()->clear();
}

void SaturationPanel::onSelectionChanged()
{
    if (m_rebuilding)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(NameColumn);
    if (rows.isEmpty() || !m_scene) {
        m_selectedFunction = QPersistentModelIndex();
        m_selectedInterval = -1;
        report(-1, -1);
        return;
    }
    const int functionRow = rows.constFirst().data(FunctionRowRole).toInt();
    const int interval = rows.constFirst().data(IntervalIndexRole).toInt();
    m_selectedFunction = m_scene->index(functionRow);
    m_selectedInterval = interval;
    if (interval >= 0)
        report(functionRow, interval);
    else
        report(-1, -1);
}

void SaturationPanel::report(int functionRow, int intervalIndex)
{
    if (functionRow == m_reportedRow && intervalIndex == m_reportedInterval)
        return;
    m_reportedRow = functionRow;
    m_reportedInterval = intervalIndex;
    emit intervalSelected(functionRow, intervalIndex);
}
