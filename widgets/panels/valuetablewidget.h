#pragma once

#include <QPointer>
#include <QWidget>

class ErrorLabel;
class QAction;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableView;
class QToolButton;
class SceneModel;
class ValueTableModel;

/**
 * The Values tab: a, b and n of torch.linspace(a, b, n), bound to the scene's x range and sample
 * count, over a table of x and each visible function's f, f′ and f″ printed as torch prints them.
 * Ctrl+C copies the selected cells as tab-separated text; "Copy as tensor" copies the current
 * column as torch prints the whole tensor.
 */
class ValueTableWidget : public QWidget
{
    Q_OBJECT

public:
    /** The a and b spin boxes' limits; the scene checks everything else. */
    static constexpr double SpinLimit = 1e6;

    explicit ValueTableWidget(QWidget *parent = nullptr);
    ~ValueTableWidget() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    /** The table's model, owned by this widget. */
    ValueTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *copyTensorAction() const { return m_copyTensorAction; }

    /** The message of the last refused edit ("" when the last edit was applied). */
    QString errorText() const;

    /** Puts the selected cells (or the current one) on the clipboard as TSV; false if none. */
    bool copySelection();
    /** Puts the current column on the clipboard as torch prints it; false if there is none. */
    bool copyCurrentColumnAsTensor();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The constructor's steps, in creation order (which is the tab order).
    void createRangeEditors();
    void createExpressionLabel();
    void createView();
    void createCopyActions();
    void createCopyButtons();
    void layOut();
    void connectControls();

    void retranslateUi();
    void refresh();
    void updateRange();
    void updateSampleCount();
    void updateExpression();
    void updateActions();
    void applyRange(double xMin, double xMax);
    void applySampleCount(int count);
    void scheduleColumnResize();
    int currentColumn() const;

    QPointer<SceneModel> m_scene;
    ValueTableModel *m_model = nullptr;

    QLabel *m_aLabel = nullptr;
    QLabel *m_bLabel = nullptr;
    QLabel *m_nLabel = nullptr;
    QDoubleSpinBox *m_aSpin = nullptr;
    QDoubleSpinBox *m_bSpin = nullptr;
    QSpinBox *m_nSpin = nullptr;
    QLabel *m_expression = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_copyTensorButton = nullptr;
    ErrorLabel *m_error = nullptr;
    QTableView *m_view = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_copyTensorAction = nullptr;
    bool m_resizePending = false;
    bool m_resizeOnShow = false;
};
