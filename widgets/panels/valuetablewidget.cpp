#include "valuetablewidget.h"

#include "numberspinbox.h"

#include "errorlabel.h"
#include "numbertext.h"
#include "scenemodel.h"
#include "valuetablemodel.h"

#include <QAction>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int SpinDecimals = 6;
/** The n spin box accepts more than the scene does, so that the scene can say why it refuses. */
constexpr int SampleSpinLimit = 100 * SceneModel::MaxSampleCount;


/**
 * Sizes a column from the model's longest printed element instead of laying out every cell: torch
 * pads a column's elements to one length, and the cells use a fixed-width font.
 */
class ValueTableView : public QTableView
{
public:
    using QTableView::QTableView;

protected:
    int sizeHintForColumn(int column) const override
    {
        const auto *values = qobject_cast<const ValueTableModel *>(model());
        if (!values)
            return QTableView::sizeHintForColumn(column);
        // One character more than the longest element, so that digits do not touch the grid.
        const int chars = values->columnTextLength(column) + 1;
        // The style's text margin on each side of a cell, plus the grid line.
        const int margin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
        const QFontMetricsF metrics(font());
        return int(std::ceil(metrics.horizontalAdvance(QString(chars, QLatin1Char('0')))))
            + 2 * margin + (showGrid() ? 1 : 0);
    }
};

/** A number as Python code writes it: the shortest text that reads back as the same double. */
QString pythonNumber(double v)
{
    return NumberText::roundTrip(v == 0 ? 0.0 : v);
}

} // namespace

ValueTableWidget::ValueTableWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new ValueTableModel(this))
{
    createRangeEditors();
    createExpressionLabel();
    createView();
    createCopyActions();
    createCopyButtons();

    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("valueTableError"));

    layOut();
    connectControls();

    retranslateUi();
    refresh();
}

void ValueTableWidget::createRangeEditors()
{
    m_aLabel = new QLabel(this);
    m_bLabel = new QLabel(this);
    m_nLabel = new QLabel(this);

    m_aSpin = new NumberSpinBox(this);
    m_aSpin->setObjectName(QStringLiteral("valueTableMin"));
    m_bSpin = new NumberSpinBox(this);
    m_bSpin->setObjectName(QStringLiteral("valueTableMax"));
    for (QDoubleSpinBox *spin : { m_aSpin, m_bSpin }) {
        spin->setDecimals(SpinDecimals);
        spin->setRange(-SpinLimit, SpinLimit);
        spin->setSingleStep(1);
        // Typed values go to the scene on Enter or focus out, not at every keystroke.
        spin->setKeyboardTracking(false);
    }
    m_nSpin = new QSpinBox(this);
    m_nSpin->setObjectName(QStringLiteral("valueTableCount"));
    m_nSpin->setRange(0, SampleSpinLimit);
    m_nSpin->setKeyboardTracking(false);
    m_aLabel->setBuddy(m_aSpin);
    m_bLabel->setBuddy(m_bSpin);
    m_nLabel->setBuddy(m_nSpin);
}

void ValueTableWidget::createExpressionLabel()
{
    m_expression = new QLabel(this);
    m_expression->setObjectName(QStringLiteral("valueTableExpression"));
    m_expression->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_expression->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A stable minimum width: the text changes on every slider step, and a minimum size hint
    // that follows its width changes the window's minimum size, a relayout of the whole window
    // (and a propagateSizeHints() round trip to the window system) per step.
    m_expression->setMinimumWidth(m_expression->fontMetrics().horizontalAdvance(
        QStringLiteral("x = torch.linspace(-1000.25, 1000.25, 10000)")));
}

void ValueTableWidget::createView()
{
    m_view = new ValueTableView(this);
    m_view->setObjectName(QStringLiteral("valueTableView"));
    // In a tabbed dock behind another tab the table stays "visible" but is not seen; its first
    // paint once its tab comes forward is when the deferred measuring happens.
    m_view->viewport()->installEventFilter(this);
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Digits line up in a fixed-width font, as in a Python console; the headers keep the UI font.
    QFont cellFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    cellFont.setPointSizeF(std::max(cellFont.pointSizeF(), font().pointSizeF()));
    m_view->setFont(cellFont);
    m_view->horizontalHeader()->setFont(font());
    m_view->verticalHeader()->setFont(font());
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

void ValueTableWidget::createCopyActions()
{
    m_copyAction = new QAction(this);
    m_copyAction->setObjectName(QStringLiteral("valueTableCopy"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyTensorAction = new QAction(this);
    m_copyTensorAction->setObjectName(QStringLiteral("valueTableCopyTensor"));
    m_copyTensorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C)); // Ctrl+Shift+C copies the chart image
    m_copyTensorAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // On the view only: its context menu lists them, and the shortcuts work where the cells are.
    m_view->addAction(m_copyAction);
    m_view->addAction(m_copyTensorAction);
    connect(m_copyAction, &QAction::triggered, this, [this] { copySelection(); });
    connect(m_copyTensorAction, &QAction::triggered, this, [this] { copyCurrentColumnAsTensor(); });
}

void ValueTableWidget::createCopyButtons()
{
    m_copyButton = new QToolButton(this);
    m_copyButton->setDefaultAction(m_copyAction);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copyTensorButton = new QToolButton(this);
    m_copyTensorButton->setDefaultAction(m_copyTensorAction);
    m_copyTensorButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
}

void ValueTableWidget::layOut()
{
    auto *form = new QHBoxLayout;
    form->addWidget(m_aLabel);
    form->addWidget(m_aSpin);
    form->addSpacing(8);
    form->addWidget(m_bLabel);
    form->addWidget(m_bSpin);
    form->addSpacing(8);
    form->addWidget(m_nLabel);
    form->addWidget(m_nSpin);
    form->addSpacing(16);
    form->addWidget(m_expression, 1);
    form->addWidget(m_copyButton);
    form->addWidget(m_copyTensorButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
}

void ValueTableWidget::connectControls()
{
    connect(m_aSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_scene)
            applyRange(value, m_scene->xMax());
    });
    connect(m_bSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_scene)
            applyRange(m_scene->xMin(), value);
    });
    connect(m_nSpin, &QSpinBox::valueChanged, this, &ValueTableWidget::applySampleCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ValueTableWidget::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ValueTableWidget::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        scheduleColumnResize();
        updateActions();
    });
    // A new range can switch a column from fixed to scientific notation, which is wider.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            &ValueTableWidget::scheduleColumnResize);
}

ValueTableWidget::~ValueTableWidget()
{
    // While QWidget's destructor deletes the children they still emit (a focus-out finishes an
    // edit), and this is no longer a ValueTableWidget by then.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

void ValueTableWidget::retranslateUi()
{
    setAccessibleName(tr("Value table"));
    setAccessibleDescription(tr("f, f′ and f″ of the visible functions at evenly spaced x from a "
                                "to b, to read or copy"));

    m_aLabel->setText(tr("&a (x min)"));
    m_bLabel->setText(tr("&b (x max)"));
    m_nLabel->setText(tr("&n (samples)"));
    m_aSpin->setAccessibleName(tr("a, the first x value"));
    m_aSpin->setToolTip(tr("a in torch.linspace(a, b, n): the first x value and the left end of "
                           "the x range; must be less than b"));
    m_bSpin->setAccessibleName(tr("b, the last x value"));
    m_bSpin->setToolTip(tr("b in torch.linspace(a, b, n): the last x value and the right end of "
                           "the x range; must be greater than a"));
    m_nSpin->setAccessibleName(tr("n, the number of samples"));
    m_nSpin->setToolTip(tr("n in torch.linspace(a, b, n): the number of rows, from %1 to %2")
                            .arg(SceneModel::MinSampleCount)
                            .arg(SceneModel::MaxSampleCount));
    m_aLabel->setToolTip(m_aSpin->toolTip());
    m_bLabel->setToolTip(m_bSpin->toolTip());
    m_nLabel->setToolTip(m_nSpin->toolTip());
    m_expression->setAccessibleName(tr("The x values as PyTorch code"));
    m_expression->setToolTip(tr("The rows' x values are this PyTorch tensor; the other columns "
                                "are printed as PyTorch prints each column as a tensor"));

    m_copyAction->setText(tr("&Copy"));
    m_copyAction->setToolTip(
        tr("Copy the selected cells as tab-separated text with a header line, at full "
           "precision (%1)")
            .arg(m_copyAction->shortcut().toString(QKeySequence::NativeText)));
    m_copyTensorAction->setText(tr("Copy as &tensor"));
    m_copyTensorAction->setToolTip(
        tr("Copy the current column as PyTorch prints it: tensor([…], dtype=torch.float64) "
           "(%1)")
            .arg(m_copyTensorAction->shortcut().toString(QKeySequence::NativeText)));
    m_copyButton->setAccessibleName(tr("Copy the selected cells"));
    m_copyTensorButton->setAccessibleName(tr("Copy the current column as a tensor"));

    m_view->setAccessibleName(tr("Values of x, f, f′ and f″"));
    m_view->setToolTip(
        tr("x down the rows; f, f′ and f″ of each visible function across. Select "
           "cells and press %1 to copy them.")
            .arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    m_view->setAccessibleDescription(m_view->toolTip());
    m_error->setAccessibleName(tr("Value table message"));
    m_error->setToolTip(tr("Why the last value was refused; the previous value was kept"));
}

void ValueTableWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ValueTableWidget::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene) {
        connect(m_scene, &SceneModel::rangeChanged, this, &ValueTableWidget::updateRange);
        connect(m_scene, &SceneModel::sampleCountChanged, this,
                &ValueTableWidget::updateSampleCount);
        connect(m_scene, &QObject::destroyed, this, &ValueTableWidget::refresh);
    }
    m_model->setScene(scene);
    m_error->setMessage({});
    refresh();
}

SceneModel *ValueTableWidget::scene() const
{
    return m_scene;
}

QString ValueTableWidget::errorText() const
{
    return m_error->text();
}

void ValueTableWidget::refresh()
{
    const bool bound = m_scene;
    for (QWidget *w : { static_cast<QWidget *>(m_aSpin), static_cast<QWidget *>(m_bSpin),
                        static_cast<QWidget *>(m_nSpin) })
        w->setEnabled(bound);
    updateRange();
    updateSampleCount();
    updateActions();
}

void ValueTableWidget::updateRange()
{
    if (m_scene) {
        const QSignalBlocker b1(m_aSpin);
        const QSignalBlocker b2(m_bSpin);
        m_aSpin->setValue(m_scene->xMin());
        m_bSpin->setValue(m_scene->xMax());
    }
    updateExpression();
}

void ValueTableWidget::updateSampleCount()
{
    if (m_scene) {
        const QSignalBlocker b(m_nSpin);
        m_nSpin->setValue(m_scene->sampleCount());
    }
    updateExpression();
}

void ValueTableWidget::updateExpression()
{
    // Python code, so C-locale numbers whatever the interface language.
    m_expression->setText(
        m_scene ? QStringLiteral("x = torch.linspace(%1, %2, %3)")
                      .arg(pythonNumber(m_scene->xMin()), pythonNumber(m_scene->xMax()))
                      .arg(m_scene->sampleCount())
                : QString());
}

void ValueTableWidget::updateActions()
{
    const bool hasCells
        = m_view->selectionModel()->hasSelection() || m_view->currentIndex().isValid();
    m_copyAction->setEnabled(hasCells);
    m_copyTensorAction->setEnabled(currentColumn() >= 0);
}

void ValueTableWidget::applyRange(double xMin, double xMax)
{
    m_error->apply([&](QString *error) { return m_scene->setRange(xMin, xMax, error); });
    // Also after a refusal: the spin box goes back to the scene's value.
    updateRange();
}

void ValueTableWidget::applySampleCount(int count)
{
    if (!m_scene)
        return;
    m_error->apply([&](QString *error) { return m_scene->setSampleCount(count, error); });
    updateSampleCount();
}

void ValueTableWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_resizeOnShow) {
        m_resizeOnShow = false;
        scheduleColumnResize();
    }
}

bool ValueTableWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Paint && m_resizeOnShow) {
        m_resizeOnShow = false;
        scheduleColumnResize();
    }
    return QWidget::eventFilter(watched, event);
}

void ValueTableWidget::scheduleColumnResize()
{
    // Measuring reads every row of the scene: not while the tab is hidden, nor while it is
    // behind another tab of its dock (visible to Qt, but nothing of it on screen).
    if (!isVisible() || visibleRegion().isEmpty()) {
        m_resizeOnShow = true;
        return;
    }
    // A slider drag changes the values many times per event loop pass: measure once.
    if (m_resizePending)
        return;
    m_resizePending = true;
    QTimer::singleShot(0, this, [this] {
        m_resizePending = false;
        m_view->resizeColumnsToContents();
    });
}

int ValueTableWidget::currentColumn() const
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        return current.column();
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? -1 : selected.first().column();
}

bool ValueTableWidget::copySelection()
{
    QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && m_view->currentIndex().isValid())
        cells << m_view->currentIndex();
    const QString text = m_model->selectionAsTsv(cells);
    if (text.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(text);
    return true;
}

bool ValueTableWidget::copyCurrentColumnAsTensor()
{
    const QString text = m_model->tensorText(currentColumn());
    if (text.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(text);
    return true;
}
