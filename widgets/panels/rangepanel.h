#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class ErrorLabel;
class QBoxLayout;
class QCheckBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSlider;
class SliderPlayer;
class SceneModel;

/**
 * The scene's view settings: x min and x max (slider and spin box each), the y range of each chart
 * (automatic, or frozen and editable), and the saturation threshold ε on a log-scale slider.
 * It follows the scene, so zooming and panning elsewhere move these sliders too.
 */
class RangePanel : public QWidget
{
    Q_OBJECT

public:
    /** x sliders span ±XSliderLimit in steps of 1/XSliderTicksPerUnit; spin boxes go further. */
    static constexpr int XSliderLimit = 100;
    static constexpr int XSliderTicksPerUnit = 10;
    static constexpr double SpinLimit = 1e6;
    /** The ε slider: EpsilonSteps ticks, uniform in log10 ε from EpsilonMin to EpsilonMax. */
    static constexpr int EpsilonSteps = 1000;
    static constexpr double EpsilonMin = 1e-6;
    static constexpr double EpsilonMax = 0.25;

    explicit RangePanel(QWidget *parent = nullptr);
    ~RangePanel() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    /** The message of the last refused edit ("" when the last edit was applied). */
    QString errorText() const;

    /** Compact: the x range and ε side by side, no y ranges (presentation mode's strip). */
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    /** The play buttons of x min, x max and ε. */
    SliderPlayer *xMinPlayer() const { return m_xMinPlayer; }
    SliderPlayer *xMaxPlayer() const { return m_xMaxPlayer; }
    SliderPlayer *epsilonPlayer() const { return m_epsilonPlayer; }

    /** ε at an ε-slider position, rounded to 3 significant digits (exact at both ends). */
    static double epsilonAt(int position);
    /** The ε-slider position nearest to epsilon, clamped to the slider. */
    static int epsilonPosition(double epsilon);

Q_SIGNALS:
    /** A slider is pressed: its changes to the scene until interactionFinished() are one drag
     * (one undo step). The spin boxes and the ε field make single changes and emit neither. */
    void interactionStarted();
    /** The slider pressed is released. */
    void interactionFinished();
    /** A play button starts a sweep of x min, x max or ε: its changes until playbackFinished()
     * are one undo step. Emitted once per player, so sweeps playing together nest. */
    void playbackStarted();
    /** That sweep ends. */
    void playbackFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct YRow
    {
        int order = 0;
        QLabel *label = nullptr;
        QCheckBox *automatic = nullptr;
        QDoubleSpinBox *min = nullptr;
        QDoubleSpinBox *max = nullptr;
    };

    bool m_compact = false;
    QBoxLayout *m_layout = nullptr;
    QWidget *m_yBox = nullptr;

    // The constructor's steps, in creation order (which is the tab order).
    QWidget *createXRange();
    QWidget *createYRanges();
    void createYRow(int order, QWidget *yBox, QGridLayout *yGrid);
    QWidget *createEpsilonRow();
    void createErrorLabel();
    void layOut(QWidget *xBox, QWidget *yBox, QWidget *epsilonBox);
    void connectControls();
    void connectPlayer(SliderPlayer *player);

    void fitEpsilonEdit();
    void refresh();
    void updateX();
    void updateY();
    void updateEpsilon();
    void applyRange(double xMin, double xMax);
    void applyAutomatic(int order, bool automatic);
    void applyFixedY(int order, bool isMin, double value);
    void applyEpsilon(double epsilon);
    void applyEpsilonText();

    QPointer<SceneModel> m_scene;

    QSlider *m_xMinSlider = nullptr;
    QDoubleSpinBox *m_xMinSpin = nullptr;
    QSlider *m_xMaxSlider = nullptr;
    QDoubleSpinBox *m_xMaxSpin = nullptr;
    QList<YRow> m_yRows;
    QSlider *m_epsilonSlider = nullptr;
    SliderPlayer *m_xMinPlayer = nullptr;
    SliderPlayer *m_xMaxPlayer = nullptr;
    SliderPlayer *m_epsilonPlayer = nullptr;
    QLineEdit *m_epsilonEdit = nullptr;
    ErrorLabel *m_error = nullptr;
};
