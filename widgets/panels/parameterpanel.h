#pragma once

#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

class ErrorLabel;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class SliderPlayer;
class QVBoxLayout;
struct ActivationSpec;
struct ParameterSpec;
class SceneModel;

/**
 * The parameters of the scene's current function, each a slider over the catalogue's slider range
 * with a spin box for any value of its domain (or a combo box for a choice). Every movement is
 * applied to the scene at once; values the scene refuses are explained and taken back.
 */
class ParameterPanel : public QWidget
{
    Q_OBJECT

public:
    /** Slider ticks from a parameter's sliderMin to its sliderMax. */
    static constexpr int SliderSteps = 1000;

    explicit ParameterPanel(QWidget *parent = nullptr);
    ~ParameterPanel() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    /** Shows the parameters of this row of the scene; −1 shows none. */
    void setCurrentRow(int row);
    /** The row shown (it follows the function when rows move), or −1. */
    int currentRow() const;

    /** The play button of a parameter's slider, by name; nullptr for none shown. */
    SliderPlayer *player(const QString &parameter) const;

    /** Compact: narrower sliders and spin boxes, for presentation mode's strip. */
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    /** The message of the last refused edit ("" when the last edit was applied). */
    QString errorText() const;

    /** The parameter value at a slider position (linear from sliderMin to sliderMax). */
    static double sliderValue(double sliderMin, double sliderMax, int position);
    /** The slider position nearest to value, clamped to the slider. */
    static int sliderPosition(double sliderMin, double sliderMax, double value);

Q_SIGNALS:
    /** A parameter's slider is pressed: its changes to the scene until interactionFinished()
     * are one drag (one undo step). Spin boxes, choices and the reset button emit neither. */
    void interactionStarted();
    /** The slider pressed is released, or taken away while held (another function shown). */
    void interactionFinished();
    /** A parameter's play button starts a sweep: its changes until playbackFinished() are one
     * undo step. Emitted once per player, so sweeps playing together nest. */
    void playbackStarted();
    /** That sweep ends: at its end, by the user, or with its function no longer shown. */
    void playbackFinished();

private:
    struct Editor
    {
        int parameter = 0;
        QLabel *label = nullptr;
        QSlider *slider = nullptr;
        QDoubleSpinBox *spin = nullptr;
        QComboBox *choice = nullptr;
        SliderPlayer *player = nullptr;
    };

    void refresh();
    void rebuild(const ActivationSpec *spec);
    // rebuild()'s steps.
    void removeForm();
    void showHeading(const ActivationSpec &spec);
    void createForm(const ActivationSpec &spec);
    void createEditor(int i, const ParameterSpec &p, QGridLayout *grid);
    void createChoice(Editor &editor, const ParameterSpec &p, const QString &help,
                      QGridLayout *grid);
    void createSliderAndSpin(Editor &editor, const ParameterSpec &p, const QString &help,
                             QGridLayout *grid);
    void updateValues();
    void applyCompact(const Editor &editor) const;
    void apply(int parameter, double value);
    void resetToDefaults();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    QPointer<SceneModel> m_scene;
    QPersistentModelIndex m_index;
    const ActivationSpec *m_builtSpec = nullptr;
    bool m_builtEmpty = false;
    bool m_compact = false;
    QList<Editor> m_editors;

    QLabel *m_title = nullptr;
    QLabel *m_note = nullptr;
    QVBoxLayout *m_formSlot = nullptr;
    QWidget *m_form = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_resetButton = nullptr;
};
