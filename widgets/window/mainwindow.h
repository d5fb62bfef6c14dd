#pragma once

#include "activationcatalogue.h"
#include "demonstrationwindows.h"

#include "scenerenderer.h"
#include "theme.h"

#include <QMainWindow>

#include <array>
#include <functional>
#include <optional>

class ChartArea;
class ChartWidget;
class FunctionListPanel;
class ParameterPanel;
class QAction;
class QDockWidget;
class QItemSelectionModel;
class QLabel;
class QMenu;
class RangePanel;
class FormulaPanel;
class LessonPanel;
class ValueTableWidget;
class SaturationPanel;
class SceneModel;
class SceneHistory;
class QTabBar;

/**
 * The explorer: f and f′ charts side by side, the function list with its parameters, the range
 * and ε controls, and the saturation panel, all views of one SceneModel.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** Asks whether to replace an existing file; tests replace the question box. */
    using OverwriteQuestion = std::function<bool(const QString &path, QWidget *parent)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The size a new window has until fitToScreen() sizes it for its screen. */
    static QSize defaultSize() { return {1400, 860}; }
    /**
     * Fits the window to its screen, before it is first shown: the geometry saved when a window
     * was last closed, kept inside the screen's available area, or on first launch all of that
     * area (maximised). On a screen smaller than 1400 × 900 the panels under the charts become
     * tabs of the left column, so the charts keep the window's whole height.
     */
    void fitToScreen();

    /** The scene every view shows. */
    SceneModel *scene() const { return m_scene; }
    /** Undo and redo of every change to the scene and lesson (Edit menu, Ctrl+Z, Ctrl+Shift+Z). */
    SceneHistory *history() const { return m_history; }
    /** Which view the window shows: activations or losses (View menu, the tabs, Alt+1 / Alt+2). */
    FunctionKind functionKind() const { return m_kind; }
    /** Switches the view; each view keeps its own scene, and the switch is one undo step. */
    void setFunctionKind(FunctionKind kind);
    /** MSE, L1, Huber and BCE with logits against the target 0 or 1, x from −4 to 4. */
    void loadDefaultLossScene();
    /** Opens a demonstration in its own window: "layers", "descent", "softmax" or "network";
     * false if unknown. */
    bool openDemonstration(const QString &name);
    /** The tutorial's four functions, step, sigmoid, tanh and relu, over [−6, 6]. */
    void loadDefaultScene();

    ChartWidget *functionChart() const { return m_charts[0]; }
    ChartWidget *derivativeChart() const { return m_charts[1]; }
    ChartWidget *secondDerivativeChart() const { return m_charts[2]; }
    FunctionListPanel *functionList() const { return m_functionList; }
    ParameterPanel *parameterPanel() const { return m_parameters; }
    RangePanel *rangePanel() const { return m_range; }
    SaturationPanel *saturationPanel() const { return m_saturation; }

    /** The render options that reproduce the window's charts at size. */
    RenderOptions renderOptions(QSize size, int scale = 1) const;
    /**
     * Writes the scene to path, the format from its suffix: .png, .svg or .pdf (the charts as on
     * screen), .csv (the curves at the scene's linspace), .json (the saturation report).
     */
    bool exportTo(const QString &path, const RenderOptions &options, QString *error = nullptr);
    /** The trace read-out: x, then f(x) and f′(x) of every visible function. */
    QString traceText() const { return m_traceText; }
    /** Moves the shared trace cursor (std::nullopt hides it). */
    void setCursorX(std::optional<double> x);
    /** Back to x ∈ [−6, 6] and automatic y ranges. */
    void resetView();

    void setOverwriteQuestion(OverwriteQuestion question) { m_askOverwrite = std::move(question); }
    /** Asks, then exports, then reports a failure in a message box; used by the Export menu. */
    bool exportInteractively(const QString &path, const RenderOptions &options);

    QAction *action(const QString &objectName) const;

    /** The window's and the charts' theme; remembered in QSettings under "theme". */
    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    /** Full screen with large text, thick lines and a high-contrast palette; F11 or Esc leaves. */
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    /** Presentation mode's strip under the charts: the selected function's sliders, the x range
     * and ε (nullptr until presentation mode first opens it). */
    QDockWidget *controlsStrip() const { return m_controlsStrip; }
    /** What the charts look like now: the theme's, in presentation mode its presentation look. */
    ChartAppearance chartAppearance() const;

    /** Loads a built-in lesson by id into the scene and shows its text; false with the reason. */
    bool applyLesson(const QString &id, QString *error = nullptr);
    /** The lesson last loaded (its id), or empty. */
    QString currentLesson() const { return m_currentLesson; }
    /** The welcome page with every lesson, as a window of its own. */
    void showStartPage();
    /** Shows the start page if this user has never seen it (remembered in QSettings). */
    void showStartPageOnFirstLaunch();

    FormulaPanel *formulaPanel() const { return m_formula; }
    LessonPanel *lessonPanel() const { return m_lesson; }
    ValueTableWidget *valueTable() const { return m_values; }

    /** Shows a failure to the user (a warning box by default); tests replace it. */
    using ErrorReport = std::function<void(const QString &title, const QString &message,
                                           QWidget *parent)>;
    void setErrorReport(ErrorReport report) { m_reportError = std::move(report); }

    /** What to do with unsaved changes before another file replaces the scene. */
    enum class UnsavedChoice { Save, Discard, Cancel };
    /** Asks it (a question box by default: Save, Don't Save, Cancel); tests replace it. */
    using UnsavedQuestion = std::function<UnsavedChoice(const QString &name, QWidget *parent)>;
    void setUnsavedQuestion(UnsavedQuestion question) { m_askUnsaved = std::move(question); }
    /**
     * Before the scene is replaced by a file (which cannot be undone): true when there is
     * nothing unsaved, the user chose not to keep it, or saved it; false to leave it as it is.
     */
    bool maybeSaveChanges();

    /**
     * Replaces the scene by the session in path and shows its lesson's text; on success the
     * file becomes the window's file, goes first in Open Recent, the window is unmodified and
     * there is nothing to undo (a fresh start). On failure the scene and its undo history stay
     * as they were and error names the path and what is wrong.
     */
    bool openSession(const QString &path, QString *error = nullptr);
    /**
     * Writes the scene and lesson to path (atomically); on success the file becomes the
     * window's file, goes first in Open Recent and the window is unmodified. Undo still goes
     * back through the steps before the save.
     */
    bool saveSession(const QString &path, QString *error = nullptr);
    /** The session file last opened or saved (absolute), or empty. */
    QString sessionPath() const { return m_sessionPath; }
    /** Opens a file of the Open Recent menu; one that fails is reported and taken off. */
    bool openRecentFile(const QString &path);
    /** The Open Recent menu's files, newest first. */
    QStringList recentFiles() const;
    /**
     * Replaces the scene by the one stored when a window was last closed, with nothing to undo;
     * false (scene kept, nothing shown) when there is none or it cannot be read, which is then
     * forgotten.
     */
    bool restoreLastScene();
    /** Shows a lesson's text in the lesson panel without touching the scene ("": none). */
    void showLessonText(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void openDialog();
    bool saveCurrent();
    bool saveAsDialog();
    void updateRecentMenu();
    void updateWindowTitle();
    /** A message on the status bar for ms: now, or once the window is shown (QStatusBar hides
     * the trace read-out for a message only while it is visible, so one shown before would
     * print over it). */
    void showStatusMessage(const QString &message, int ms);
    void afterSceneReplaced(const QString &lesson);
    // Construction, in steps (mainwindow.cpp).
    void installDefaultQuestions();
    void createCharts();
    void createTraceLabel();
    void watchSceneChanges();
    // The docks (mainwindowdocks.cpp).
    void createDocks();
    QDockWidget *createFunctionsDock();
    void createRangeDock();
    QDockWidget *createTableDocks();
    void createTextDocks();
    // The menus and their actions (mainwindowactions.cpp): each returns the menus it made.
    void createActions();
    QList<QMenu *> createFileMenu();
    QMenu *createExportMenu(QMenu *fileMenu);
    QMenu *createEditMenu();
    QList<QMenu *> createViewMenu();
    void createChartLayoutActions(QMenu *viewMenu);
    void createFunctionKindActions(QMenu *viewMenu);
    void createScreenActions(QMenu *viewMenu);
    void createThemeMenu(QMenu *viewMenu);
    QMenu *createLessonsMenu();
    QMenu *createDemonstrationsMenu();
    QMenu *createHelpMenu();
    void updateChartLayout();
    void updateTrace();
    void exportImageDialog();
    void exportAnimationDialog();
    void exportDataDialog(const QString &suffix, const QString &filter);
    void copyImage();
    void showAbout();
    void toggleFullScreen(bool on);
    void applyTheme();

    SceneModel *m_scene = nullptr;
    SceneHistory *m_history = nullptr;
    FunctionKind m_kind = FunctionKind::Activation;
    QByteArray m_viewScenes[2]; ///< the scene each view (activations, losses) was left with
    QTabBar *m_kindTabs = nullptr;
    QAction *m_activationsAction = nullptr;
    QAction *m_undoAction = nullptr; ///< enabled while a sweep plays, to end and undo it
    QAction *m_lossesAction = nullptr;
    void syncFunctionKind();
    void showFunctionKind();
    QItemSelectionModel *m_selection = nullptr;
    ChartArea *m_chartArea = nullptr;
    ChartWidget *m_charts[3] = {nullptr, nullptr, nullptr};
    FunctionListPanel *m_functionList = nullptr;
    ParameterPanel *m_parameters = nullptr;
    RangePanel *m_range = nullptr;
    SaturationPanel *m_saturation = nullptr;
    ValueTableWidget *m_values = nullptr;
    FormulaPanel *m_formula = nullptr;
    LessonPanel *m_lesson = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    QString m_currentLesson;
    /** The newest plot size of each derivative order's chart, applied once the event loop is
     * back (invalid until a chart showing that order reports one). */
    std::array<QSize, 3> m_pendingPlotSizes{};
    bool m_plotSizeQueued = false;
    bool m_settingPlotSize = false;
    QByteArray m_docksBeforePresentation;
    QLabel *m_traceLabel = nullptr;
    QString m_traceText;
    std::optional<double> m_cursorX;
    OverwriteQuestion m_askOverwrite;
    UnsavedQuestion m_askUnsaved;
    ErrorReport m_reportError;
    QString m_sessionPath;
    QMenu *m_recentMenu = nullptr;
    QString m_lastExportDir;

    QAction *m_secondDerivativeAction = nullptr;
    QAction *m_overlayAction = nullptr;
    QAction *m_stackedAction = nullptr;
    QAction *m_bandsAction = nullptr;
    QAction *m_allBandsAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_themeActions[2] = {nullptr, nullptr}; // light, dark
    QAction *m_presentationAction = nullptr;
    QAction *m_leavePresentationAction = nullptr;
    /** Presentation mode's one strip of controls (F9 shows or hides it), made on first use. */
    QDockWidget *m_controlsStrip = nullptr;
    QAction *m_controlsStripAction = nullptr;
    void showControlsStrip(bool shown);
    QAction *m_whiteExportsAction = nullptr;
    Theme m_theme = Theme::Light;
    bool m_presentation = false;
    /** The Demonstrations menu's windows, children of this window. */
    DemonstrationWindows m_demonstrations{this};
    Qt::WindowStates m_stateBeforePresentation;
    QByteArray m_geometryBeforePresentation;
};
