#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class ActivationFunction;
class QLabel;
class QScrollArea;
class QVBoxLayout;
class SceneModel;
struct Interval;
struct SaturationResult;

/**
 * The selected function as mathematics: its name, f(x) and f′(x) typeset (and g, g′ under an
 * affine map), what the symbols mean, PyTorch's value at the kinks, the catalogue's note on the
 * gradient, and where the gradient saturates or dies on the scene's range for the scene's ε.
 */
class FormulaPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FormulaPanel(QWidget *parent = nullptr);
    ~FormulaPanel() override;

    /** Binds to scene (or nothing): disconnects the old one, connects the new, refreshes once. */
    void setScene(SceneModel *scene);
    SceneModel *scene() const;

    /** Shows this scene row (−1 or an unknown row: nothing); it follows the row when rows move. */
    void setCurrentRow(int row);
    /** The row shown, or −1. */
    int currentRow() const;

    /** The texts shown, for tests and accessibility: title, equations, notes, explanation. */
    QString titleText() const;
    QString equationsHtml() const;
    QString notesHtml() const;
    QString gradientNote() const;
    /** The saturation explanation as plain text. */
    QString explanation() const;
    /** The points of interest as plain text, one a line, e.g. "minimum x = −1.278, f = −0.2785". */
    QString pointsText() const;

    /**
     * Where row's gradient saturates or dies on the scene's range, from the scene's saturation
     * result, as rich text, e.g. "With ε = 0.01 on [−6, 6]: |f′| < ε for x < −4.595 and
     * x > 4.595 (23.4 % of the range). Largest |f′| = 0.25 at x = 0."
     */
    static QString saturationExplanation(const SceneModel &scene, int row);
    /**
     * row's points of interest on the scene's open range (findPointsOfInterest) as a rich-text
     * table: kind, x, f there, and f′ for gradient peaks and kinks; "none" when there are none.
     */
    static QString pointsOfInterestHtml(const SceneModel &scene, int row);
    /** A share of the range as a percentage, e.g. "23.4 %". */
    static QString formatFraction(double fraction);

protected:
    void changeEvent(QEvent *event) override;

private:
    // saturationExplanation()'s steps: the zero and saturated bands, then the largest |f′|.
    static QStringList bandExplanations(const SaturationResult &s, const ActivationFunction &g,
                                        double a, double b, double epsilon, const QString &prime,
                                        const QString &AbsFPrime);
    /** "" when the largest |f′| is 0 or not finite. */
    static QString largestGradientExplanation(const SaturationResult &s,
                                              const ActivationFunction &g, double a, double b,
                                              const QString &AbsFPrime);
    /** The pieces of [a, b] between g's kinks where |g′| is m throughout, merged across kinks. */
    static QList<Interval> gradientPlateaus(const ActivationFunction &g, double a, double b,
                                            double m);

    void refresh();
    void updateFonts();

    QPointer<SceneModel> m_scene;
    QPersistentModelIndex m_row;
    bool m_updatingFonts = false;

    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_contentLayout = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_equations = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_gradientHeading = nullptr;
    QLabel *m_gradientNote = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_pointsHeading = nullptr;
    QLabel *m_points = nullptr;
};
