#pragma once

#include "activationcatalogue.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class ErrorLabel;
class QAction;
class QCompleter;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStringListModel;
class SceneModel;

/**
 * The scene's functions as a list: visibility checkbox, colour swatch and label per row, a search
 * field that adds any catalogue function, and buttons to remove, reset, recolour and reorder.
 */
class FunctionListPanel : public QWidget
{
    Q_OBJECT

public:
    /** Asks for a colour starting from initial; an invalid QColor means cancelled. */
    using ColorPicker = std::function<QColor(const QColor &initial, QWidget *parent)>;

    explicit FunctionListPanel(QWidget *parent = nullptr);
    ~FunctionListPanel() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    /** Shares a selection model with other views of this scene; nullptr: back to our own. */
    void setSelectionModel(QItemSelectionModel *selection);
    QItemSelectionModel *selectionModel() const;

    /** The current function's row, or −1. */
    int currentRow() const;
    void setCurrentRow(int row);

    /** Replaces the colour dialog, e.g. in tests; an empty function restores QColorDialog. */
    void setColorPicker(ColorPicker picker);

    /**
     * Adds the function named by text: an id or display name (any case), a completer entry, or a
     * fragment that matches exactly one function. On failure shows the reason and adds nothing.
     */
    bool addFunction(const QString &text);

    /**
     * Which catalogue the search field offers: activations (the default) or losses. Any id can
     * still be added by typing it; an expression in x that names no catalogue entry
     * ("x * sigmoid(x)") is added as a custom function.
     */
    void setFunctionKind(FunctionKind kind);
    FunctionKind functionKind() const { return m_kind; }

    /** Replaces the "Custom…" dialog, e.g. in tests: returns the expression, or "" if cancelled. */
    using ExpressionPicker = std::function<QString(QWidget *parent)>;
    void setExpressionPicker(ExpressionPicker picker);

    /** The message under the list ("" when the last action succeeded). */
    QString errorText() const;

Q_SIGNALS:
    /** The current function changed (also when it moved to another row); −1 when none. */
    void currentRowChanged(int row);

private:
    // The constructor's steps, in creation order (which is the tab order).
    void createSearchField();
    void createAddButtons();
    void createView();
    void createErrorLabel();
    void createEditButtons();
    QAction *createRemoveAction();
    void layOut();
    void connectControls(QAction *removeAction);

    void addFromField();
    void addCustom();
    const QList<ActivationSpec> &catalogue() const;
    void removeCurrent();
    void resetCurrent();
    void chooseColor();
    void moveCurrent(int delta);
    void bindSelection();
    void updateCurrent();
    void updateButtons();
    QString resolve(const QString &text, QString *error) const;

    QPointer<SceneModel> m_scene;
    QPointer<QItemSelectionModel> m_sharedSelection;
    QPointer<QItemSelectionModel> m_boundSelection;
    int m_rowBeforeReset = -1; ///< the current row while the scene resets
    ColorPicker m_colorPicker;
    ExpressionPicker m_expressionPicker;
    FunctionKind m_kind = FunctionKind::Activation;
    QPushButton *m_customButton = nullptr;
    int m_lastRow = -1;

    QLineEdit *m_search = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_entries = nullptr;
    QPushButton *m_addButton = nullptr;
    QListView *m_view = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_colorButton = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_downButton = nullptr;
};
