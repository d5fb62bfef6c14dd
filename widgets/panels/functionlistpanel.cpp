#include "functionlistpanel.h"

#include "customfunctiondialog.h"
#include "customfunctions.h"
#include "errorlabel.h"
#include "losscatalogue.h"

#include "scenemodel.h"

#include <QAction>
#include <QColorDialog>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QString entryText(const ActivationSpec &spec)
{
    //: A completer entry: the PyTorch id, then the display name
    return FunctionListPanel::tr("%1 — %2").arg(spec.id, spec.displayName);
}

QPushButton *makeButton(const QString &text, const QString &toolTip, const QString &objectName,
                        QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setToolTip(toolTip);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    button->setObjectName(objectName);
    return button;
}

/**
 * The list of the scene's functions. It shows names, colours and check boxes: a change of the
 * analysis alone (saturated fraction, largest |f′|, at every slider step) leaves it unpainted.
 */
class FunctionListView : public QListView
{
public:
    using QListView::QListView;

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles) override
    {
        const bool analysisOnly = !roles.isEmpty()
            && std::all_of(roles.begin(), roles.end(), [](int role) {
                   return role == SceneModel::SaturatedFractionRole
                       || role == SceneModel::MaxAbsGradientRole;
               });
        if (!analysisOnly)
            QListView::dataChanged(topLeft, bottomRight, roles);
    }
};

} // namespace

FunctionListPanel::FunctionListPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Function list"));
    setAccessibleDescription(tr("Add functions by name, show or hide them, and choose their "
                                "colours and order"));

    createSearchField();
    createAddButtons();
    createView();
    createErrorLabel();
    createEditButtons();
    QAction *removeAction = createRemoveAction();
    layOut();
    connectControls(removeAction);
    setFunctionKind(FunctionKind::Activation);

    updateButtons();
}

void FunctionListPanel::createSearchField()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("functionSearch"));
    m_search->setPlaceholderText(tr("Add a function…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Type part of a function's id or name, e.g. \"leaky\" or \"Swish\", "
                            "then press Enter or pick it from the list"));
    m_search->setAccessibleName(tr("Function to add"));

    m_entries = new QStringListModel(this);
    m_completer = new QCompleter(m_entries, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_search->setCompleter(m_completer);
}

void FunctionListPanel::createAddButtons()
{
    m_addButton = makeButton(tr("&Add"), tr("Add the function named in the search field"),
                             QStringLiteral("addButton"), this);
    m_customButton = makeButton(tr("C&ustom…"),
                                tr("Add a function of your own, written in x, e.g. x * sigmoid(1.702 * x)"),
                                QStringLiteral("customButton"), this);
}

void FunctionListPanel::createView()
{
    m_view = new FunctionListView(this);
    m_view->setObjectName(QStringLiteral("functionView"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    m_view->setToolTip(tr("The functions on the charts: the checkbox shows or hides a curve"));
    m_view->setAccessibleName(tr("Functions in the scene"));
    // An item view reports its own description to a screen reader, never its tool tip.
    m_view->setAccessibleDescription(m_view->toolTip());
}

void FunctionListPanel::createErrorLabel()
{
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("functionError"));
    m_error->setAccessibleName(tr("Function list message"));
    m_error->setToolTip(tr("Why the last action was refused"));
}

void FunctionListPanel::createEditButtons()
{
    m_removeButton = makeButton(tr("&Remove"), tr("Remove the selected function (Delete)"),
                                QStringLiteral("removeButton"), this);
    m_resetButton
        = makeButton(tr("Re&set to defaults"),
                     tr("Set the selected function's parameters back to PyTorch's defaults"),
                     QStringLiteral("resetButton"), this);
    m_colorButton = makeButton(tr("&Colour…"), tr("Choose the selected function's colour"),
                               QStringLiteral("colorButton"), this);
    m_upButton = makeButton(tr("Move &up"), tr("Move the selected function up the list"),
                            QStringLiteral("upButton"), this);
    m_downButton = makeButton(tr("Move &down"), tr("Move the selected function down the list"),
                              QStringLiteral("downButton"), this);
}

QAction *FunctionListPanel::createRemoveAction()
{
    auto *removeAction = new QAction(tr("Remove"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeAction);
    return removeAction;
}

void FunctionListPanel::layOut()
{
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_search, 1);
    addRow->addWidget(m_addButton);
    addRow->addWidget(m_customButton);

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_removeButton, 0, 0);
    buttons->addWidget(m_resetButton, 0, 1);
    buttons->addWidget(m_colorButton, 0, 2);
    buttons->addWidget(m_upButton, 1, 0);
    buttons->addWidget(m_downButton, 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(addRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
}

void FunctionListPanel::connectControls(QAction *removeAction)
{
    // Return with the popup open reaches both the field and the completer, which then writes the
    // picked entry into the field. Adding once that is over reads the final text, and the second
    // of the two requests finds the field empty.
    const auto addLater = [this] {
        QMetaObject::invokeMethod(this, &FunctionListPanel::addFromField, Qt::QueuedConnection);
    };
    connect(m_search, &QLineEdit::returnPressed, this, addLater);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, addLater);
    connect(m_addButton, &QPushButton::clicked, this, &FunctionListPanel::addFromField);
    connect(m_removeButton, &QPushButton::clicked, this, &FunctionListPanel::removeCurrent);
    connect(removeAction, &QAction::triggered, this, &FunctionListPanel::removeCurrent);
    connect(m_resetButton, &QPushButton::clicked, this, &FunctionListPanel::resetCurrent);
    connect(m_colorButton, &QPushButton::clicked, this, &FunctionListPanel::chooseColor);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    connect(m_customButton, &QPushButton::clicked, this, &FunctionListPanel::addCustom);
}

const QList<ActivationSpec> &FunctionListPanel::catalogue() const
{
    return m_kind == FunctionKind::Loss ? LossCatalogue::all() : ActivationCatalogue::all();
}

void FunctionListPanel::setFunctionKind(FunctionKind kind)
{
    m_kind = kind == FunctionKind::Loss ? FunctionKind::Loss : FunctionKind::Activation;
    QStringList entries;
    for (const ActivationSpec &spec : catalogue())
        entries << entryText(spec);
    m_entries->setStringList(entries);
    m_search->setPlaceholderText(m_kind == FunctionKind::Loss ? tr("Add a loss…")
                                                              : tr("Add a function…"));
}

void FunctionListPanel::setExpressionPicker(ExpressionPicker picker)
{
    m_expressionPicker = std::move(picker);
}

void FunctionListPanel::addCustom()
{
    if (!m_scene)
        return;
    QString expression;
    if (m_expressionPicker) {
        expression = m_expressionPicker(this);
    } else {
        CustomFunctionDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted || !dialog.acceptedSpec())
            return;
        expression = dialog.expression();
    }
    if (expression.trimmed().isEmpty())
        return;
    QString error;
    const ActivationSpec *spec = CustomFunctions::intern(expression, &error);
    if (!m_error->report(spec && m_scene->addFunction(spec->id, &error), error))
        return;
    setCurrentRow(m_scene->rowCount() - 1);
}

FunctionListPanel::~FunctionListPanel()
{
    // While QWidget's destructor deletes the children they still emit (a focus-out finishes an
    // edit, a model going away clears a selection), when this is a panel no more.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    if (m_boundSelection)
        disconnect(m_boundSelection, nullptr, this, nullptr);
}

void FunctionListPanel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;

    // The view makes a selection model of its own on every setModel(); the old one is ours to
    // delete unless it is the shared one.
    QItemSelectionModel *old = m_view->selectionModel();
    m_view->setModel(scene);
    if (old && old != m_sharedSelection && old->parent() == m_view)
        old->deleteLater();

    if (m_scene) {
        const auto structureChanged = [this] {
            updateCurrent();
            updateButtons();
        };
        connect(m_scene, &QAbstractItemModel::rowsInserted, this, structureChanged);
        connect(m_scene, &QAbstractItemModel::rowsRemoved, this, structureChanged);
        connect(m_scene, &QAbstractItemModel::rowsMoved, this, structureChanged);
        // A reset (undo, redo, opening a session) keeps the current row where it still exists:
        // the function being edited stays selected.
        connect(m_scene, &QAbstractItemModel::modelAboutToBeReset, this,
                [this] { m_rowBeforeReset = currentRow(); });
        connect(m_scene, &QAbstractItemModel::modelReset, this, [this] {
            if (m_rowBeforeReset >= 0 && m_rowBeforeReset < m_scene->rowCount()
                && m_view->selectionModel()) {
                m_view->selectionModel()->setCurrentIndex(m_scene->index(m_rowBeforeReset),
                                                          QItemSelectionModel::ClearAndSelect);
            }
            m_rowBeforeReset = -1;
            // Views bound to the current row lost their index in the reset: tell them even when
            // the row number is the same.
            m_lastRow = -2;
            updateCurrent();
            updateButtons();
        });
        connect(m_scene, &QAbstractItemModel::layoutChanged, this, structureChanged);
    }
    bindSelection();
    m_error->setMessage({});
}

SceneModel *FunctionListPanel::scene() const
{
    return m_scene;
}

void FunctionListPanel::setSelectionModel(QItemSelectionModel *selection)
{
    if (m_sharedSelection == selection)
        return;
    m_sharedSelection = selection;
    if (!selection && m_scene && m_boundSelection && m_boundSelection->parent() != m_view) {
        // Back to a selection model of our own.
        m_view->setSelectionModel(new QItemSelectionModel(m_scene, m_view));
    }
    bindSelection();
}

QItemSelectionModel *FunctionListPanel::selectionModel() const
{
    return m_view->selectionModel();
}

int FunctionListPanel::currentRow() const
{
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!m_scene || !selection)
        return -1;
    const QModelIndex current = selection->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void FunctionListPanel::setCurrentRow(int row)
{
    QItemSelectionModel *selection = m_view->selectionModel();
    if (!m_scene || !selection)
        return;
    if (row < 0 || row >= m_scene->rowCount()) {
        selection->clear();
    } else {
        selection->setCurrentIndex(m_scene->index(row), QItemSelectionModel::ClearAndSelect);
    }
    updateCurrent();
}

void FunctionListPanel::setColorPicker(ColorPicker picker)
{
    m_colorPicker = std::move(picker);
}

QString FunctionListPanel::errorText() const
{
    return m_error->text();
}

bool FunctionListPanel::addFunction(const QString &text)
{
    if (!m_scene) {
        m_error->setMessage(tr("There is no scene to add a function to."));
        return false;
    }
    QString error;
    const QString id = resolve(text, &error);
    if (!m_error->report(!id.isEmpty() && m_scene->addFunction(id, &error), error))
        return false;
    setCurrentRow(m_scene->rowCount() - 1);
    return true;
}

void FunctionListPanel::addFromField()
{
    if (m_search->text().trimmed().isEmpty())
        return;
    if (addFunction(m_search->text()))
        m_search->clear();
}

QString FunctionListPanel::resolve(const QString &text, QString *error) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty()) {
        *error = tr("Type a function's id or name to add it.");
        return {};
    }
    // Exact ids and names of every catalogue first, then fragments of the one on offer.
    for (const QList<ActivationSpec> *list : { &ActivationCatalogue::all(), &LossCatalogue::all() }) {
        for (const ActivationSpec &spec : *list) {
            if (wanted.compare(spec.id, Qt::CaseInsensitive) == 0
                || wanted.compare(spec.displayName, Qt::CaseInsensitive) == 0
                || wanted.compare(entryText(spec), Qt::CaseInsensitive) == 0)
                return spec.id;
        }
    }
    if (wanted.startsWith(CustomFunctions::IdPrefix))
        return wanted;
    const QList<ActivationSpec> &all = catalogue();
    for (const ActivationSpec &spec : all) {
        if (wanted.compare(spec.id, Qt::CaseInsensitive) == 0
            || wanted.compare(spec.displayName, Qt::CaseInsensitive) == 0
            || wanted.compare(entryText(spec), Qt::CaseInsensitive) == 0)
            return spec.id;
    }
    QStringList matches;
    for (const ActivationSpec &spec : all) {
        if (spec.id.contains(wanted, Qt::CaseInsensitive)
            || spec.displayName.contains(wanted, Qt::CaseInsensitive))
            matches << spec.id;
    }
    if (matches.size() == 1)
        return matches.constFirst();
    if (matches.size() > 1) {
        *error = tr("\"%1\" matches several functions: %2. Pick one from the list.")
                     .arg(wanted, matches.join(QLatin1String(", ")));
        return {};
    }
    // A formula in x ("x * sigmoid(x)", "log(1 + exp(x))") is a function of one's own.
    if (!CustomFunctions::check(wanted).isError())
        return CustomFunctions::IdPrefix.toString() + wanted;
    // No match at all: the scene refuses it and names the valid ids.
    return wanted;
}

void FunctionListPanel::removeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_scene->removeRows(row, 1);
    m_error->setMessage({});
}

void FunctionListPanel::resetCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_error->apply([&](QString *error) { return m_scene->resetParameters(row, error); });
}

void FunctionListPanel::chooseColor()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const FunctionInstance &fn = m_scene->function(row);
    const QColor initial = fn.color;
    QColor chosen;
    if (m_colorPicker) {
        chosen = m_colorPicker(initial, this);
    } else {
        chosen = QColorDialog::getColor(initial, this, tr("Colour of %1").arg(fn.label()));
    }
    // The dialog may run an event loop in which the row went away.
    if (!chosen.isValid() || !m_scene || row >= m_scene->rowCount())
        return;
    m_error->apply([&](QString *error) { return m_scene->setColor(row, chosen, error); });
}

void FunctionListPanel::moveCurrent(int delta)
{
    const int row = currentRow();
    if (row < 0)
        return;
    const int target = row + delta;
    if (target < 0 || target >= m_scene->rowCount())
        return;
    // moveRows takes the row before which the moved row lands, counted before the move.
    m_scene->moveRows({}, row, 1, {}, delta < 0 ? target : target + 1);
    updateCurrent();
    updateButtons();
}

void FunctionListPanel::bindSelection()
{
    if (m_sharedSelection && m_scene) {
        if (m_sharedSelection->model() == m_scene)
            m_view->setSelectionModel(m_sharedSelection);
        else
            qWarning("FunctionListPanel: the shared selection model is on another model");
    }

    QItemSelectionModel *selection = m_view->selectionModel();
    if (m_boundSelection != selection) {
        if (m_boundSelection)
            disconnect(m_boundSelection, nullptr, this, nullptr);
        m_boundSelection = selection;
        if (selection) {
            connect(selection, &QItemSelectionModel::currentChanged, this, [this] {
                updateCurrent();
                updateButtons();
            });
        }
    }
    updateCurrent();
    updateButtons();
}

void FunctionListPanel::updateCurrent()
{
    const int row = currentRow();
    if (row == m_lastRow)
        return;
    m_lastRow = row;
    emit currentRowChanged(row);
}

void FunctionListPanel::updateButtons()
{
    const int row = currentRow();
    const int count = m_scene ? m_scene->rowCount() : 0;
    const bool has = row >= 0 && row < count;
    m_addButton->setEnabled(m_scene);
    m_customButton->setEnabled(m_scene);
    m_search->setEnabled(m_scene);
    m_removeButton->setEnabled(has);
    m_resetButton->setEnabled(has && !m_scene->function(row).spec->parameters.isEmpty());
    m_colorButton->setEnabled(has);
    m_upButton->setEnabled(has && row > 0);
    m_downButton->setEnabled(has && row + 1 < count);
}
