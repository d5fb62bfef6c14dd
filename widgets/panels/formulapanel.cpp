#include "formulapanel.h"

#include "mathformulas.h"
#include "pointsofinterest.h"
#include "scenemodel.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// Formulas must stay readable on a projector: never below 12 pt, and larger than the prose.
constexpr double MinFormulaPointSize = 12.0;
constexpr double FormulaScale = 1.4;
constexpr double MinNotePointSize = 11.0;
constexpr double NoteScale = 1.15;

QString num(double value)
{
    return MathFormulas::number(value, 4);
}

const QString X = QStringLiteral("<i>x</i>");

/** |f′(x)|, PyTorch's value at a kink. */
double absGradient(const ActivationFunction &g, double x)
{
    return std::abs(g.at(x).d1);
}

/**
 * An interval of [a, b] as a condition on x: "x ≤ 0", "x > 4.585", "−3 < x < 3". A side that
 * reaches an end of the range is left out when that end belongs to the interval.
 */
QString condition(double from, double to, double a, double b, bool includesFrom, bool includesTo)
{
    const auto op = [](bool inclusive, bool less) {
        // Non-breaking: a wrapped line must not split "x ≤ 0".
        return less ? (inclusive ? QStringLiteral("&nbsp;\u2264&nbsp;")
                                 : QStringLiteral("&nbsp;&lt;&nbsp;"))
                    : (inclusive ? QStringLiteral("&nbsp;\u2265&nbsp;")
                                 : QStringLiteral("&nbsp;&gt;&nbsp;"));
    };
    const bool openBelow = from <= a && includesFrom;
    const bool openAbove = to >= b && includesTo;
    if (openBelow && !openAbove)
        return X + op(includesTo, true) + num(to);
    if (openAbove && !openBelow)
        return X + op(includesFrom, false) + num(from);
    return num(from) + op(includesFrom, true) + X + op(includesTo, true) + num(to);
}

/** "for x < −4.595 and x > 4.595", or "on the whole range". */
QString where(const QStringList &conditions, bool wholeRange)
{
    if (wholeRange)
        return FormulaPanel::tr("on the whole range");
    QString list = conditions.value(0);
    for (int k = 1; k < conditions.size(); ++k) {
        list = k + 1 < conditions.size() ? FormulaPanel::tr("%1, %2").arg(list, conditions[k])
                                         : FormulaPanel::tr("%1 and %2").arg(list, conditions[k]);
    }
    return FormulaPanel::tr("for %1").arg(list);
}

bool sameValue(double u, double v)
{
    return std::abs(u - v) <= 1e-12 * std::max(std::abs(u), std::abs(v));
}

} // namespace

FormulaPanel::FormulaPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Formulas"));
    setAccessibleDescription(tr("The selected function and its derivative as formulas, and where "
                                "its gradient saturates or dies"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("formulaTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setAccessibleName(tr("Selected function"));
    m_title->setToolTip(tr("The function selected in the list, with the PyTorch call it follows"));

    m_equations = new QLabel(this);
    m_equations->setObjectName(QStringLiteral("formulaEquations"));
    m_equations->setTextFormat(Qt::RichText);
    m_equations->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_equations->setAccessibleName(tr("Function and derivative"));
    m_equations->setToolTip(tr("f(x) as PyTorch defines it and its derivative f′(x), which "
                               "backpropagation multiplies into every gradient"));

    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("formulaNotes"));
    m_notes->setTextFormat(Qt::RichText);
    m_notes->setWordWrap(true);
    m_notes->setAccessibleName(tr("Symbols, parameters and kinks"));
    m_notes->setToolTip(tr("What the symbols mean, the parameter values in use, and the value "
                           "PyTorch's autograd gives f′ where f has a kink"));

    m_gradientHeading = new QLabel(tr("Gradient"), this);
    m_gradientHeading->setObjectName(QStringLiteral("formulaGradientHeading"));
    QFont bold = m_gradientHeading->font();
    bold.setBold(true);
    m_gradientHeading->setFont(bold);

    m_gradientNote = new QLabel(this);
    m_gradientNote->setObjectName(QStringLiteral("formulaGradientNote"));
    m_gradientNote->setTextFormat(Qt::PlainText);
    m_gradientNote->setWordWrap(true);
    m_gradientNote->setAccessibleName(tr("Where the gradient vanishes"));
    m_gradientNote->setToolTip(
        tr("Where this function's gradient vanishes or saturates, in general"));

    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("formulaExplanation"));
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setWordWrap(true);
    m_explanation->setAccessibleName(tr("Saturation on the range"));
    m_explanation->setToolTip(
        tr("Computed for the current x range and ε: where |f′| < ε the update "
           "θ′ = θ − η·f′ barely moves θ, and where f′ = 0 not at all"));

    m_pointsHeading = new QLabel(tr("Points of interest"), this);
    m_pointsHeading->setObjectName(QStringLiteral("formulaPointsHeading"));
    m_pointsHeading->setFont(bold);

    m_points = new QLabel(this);
    m_points->setObjectName(QStringLiteral("formulaPoints"));
    m_points->setTextFormat(Qt::RichText);
    m_points->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_points->setAccessibleName(tr("Points of interest"));
    m_points->setAccessibleDescription(
        tr("Zeros, minima, maxima, inflections, peaks of |f′| and kinks of the selected function "
           "inside the x range, computed to 12 significant digits"));
    m_points->setToolTip(tr("Computed, not read off the plot: where f, f′ or f″ changes sign "
                            "inside the x range, the local maxima of |f′|, and the kinks with "
                            "the value PyTorch gives f′ there. At most 20 of each kind."));

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("formulaContent"));
    m_contentLayout = new QVBoxLayout(content);
    auto *layout = m_contentLayout;
    layout->addWidget(m_title);
    layout->addWidget(m_equations);
    layout->addWidget(m_notes);
    layout->addWidget(m_gradientHeading);
    layout->addWidget(m_gradientNote);
    layout->addWidget(m_explanation);
    layout->addWidget(m_pointsHeading);
    layout->addWidget(m_points);
    layout->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("formulaScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    updateFonts();
    refresh();
}

FormulaPanel::~FormulaPanel()
{
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

void FormulaPanel::setScene(SceneModel *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    m_row = QPersistentModelIndex();
    if (m_scene) {
        // recomputed() ends every change (ε, range, parameters, map); dataChanged() names the row.
        connect(m_scene, &SceneModel::recomputed, this, &FormulaPanel::refresh);
        connect(m_scene, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (m_row.isValid() && topLeft.row() <= m_row.row()
                        && m_row.row() <= bottomRight.row())
                        refresh();
                });
        connect(m_scene, &QAbstractItemModel::modelReset, this, &FormulaPanel::refresh);
        connect(m_scene, &QAbstractItemModel::rowsRemoved, this, &FormulaPanel::refresh);
        connect(m_scene, &QAbstractItemModel::rowsMoved, this, &FormulaPanel::refresh);
        connect(m_scene, &QObject::destroyed, this, &FormulaPanel::refresh);
    }
    refresh();
}

SceneModel *FormulaPanel::scene() const
{
    return m_scene;
}

void FormulaPanel::setCurrentRow(int row)
{
    m_row = m_scene && row >= 0 && row < m_scene->rowCount()
        ? QPersistentModelIndex(m_scene->index(row))
        : QPersistentModelIndex();
    refresh();
}

int FormulaPanel::currentRow() const
{
    return m_scene && m_row.isValid() ? m_row.row() : -1;
}

QString FormulaPanel::titleText() const
{
    return QTextDocumentFragment::fromHtml(m_title->text()).toPlainText();
}

QString FormulaPanel::equationsHtml() const
{
    return m_equations->text();
}

QString FormulaPanel::notesHtml() const
{
    return m_notes->text();
}

QString FormulaPanel::gradientNote() const
{
    return m_gradientNote->text();
}

QString FormulaPanel::explanation() const
{
    return QTextDocumentFragment::fromHtml(m_explanation->text()).toPlainText();
}

QString FormulaPanel::pointsText() const
{
    return QTextDocumentFragment::fromHtml(m_points->text()).toPlainText().trimmed();
}

QString FormulaPanel::pointsOfInterestHtml(const SceneModel &scene, int row)
{
    if (row < 0 || row >= scene.rowCount())
        return {};
    const FunctionInstance &fn = scene.function(row);
    const QList<PointOfInterest> points
        = findPointsOfInterest(fn.function(), scene.xMin(), scene.xMax());
    if (points.isEmpty())
        return tr("None inside (%1, %2).").arg(num(scene.xMin()), num(scene.xMax()));
    const QChar f = fn.map.isIdentity() ? QLatin1Char('f') : QLatin1Char('g');
    const QString cell = QStringLiteral("<td style=\"padding-right: 12px\">%1</td>");
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    for (const PointOfInterest &p : points) {
        html += QStringLiteral("<tr>") + cell.arg(pointKindDisplayName(p.kind).toHtmlEscaped())
            + cell.arg(X + QStringLiteral("&nbsp;=&nbsp;") + num(p.x))
            + cell.arg(QStringLiteral("<i>%1</i>&nbsp;=&nbsp;%2").arg(QString(f), num(p.y)));
        if (p.kind == PointKind::GradientPeak || p.kind == PointKind::Kink)
            html += cell.arg(
                QStringLiteral("<i>%1</i>\u2032&nbsp;=&nbsp;%2").arg(QString(f), num(p.grad)));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString FormulaPanel::formatFraction(double fraction)
{
    const double percent = 100 * fraction;
    if (percent == 0)
        return tr("%1 %").arg(QLocale().toString(0));
    if (percent < 0.1)
        return tr("< %1 %").arg(QLocale().toString(0.1, 'f', 1));
    return tr("%1 %").arg(QLocale().toString(percent, 'f', 1));
}

QString FormulaPanel::saturationExplanation(const SceneModel &scene, int row)
{
    if (row < 0 || row >= scene.rowCount())
        return {};
    const FunctionInstance &fn = scene.function(row);
    const SaturationResult &s = scene.saturation(row);
    const ActivationFunction g = fn.function();
    const double a = scene.xMin();
    const double b = scene.xMax();
    const double epsilon = scene.epsilon();
    // Under a map the curve is g(x) = c·f(a·x) + d, as the formulas above name it.
    const QString prime = QStringLiteral("<i>%1</i>\u2032").arg(fn.map.isIdentity() ? 'f' : 'g');
    const QString AbsFPrime = QLatin1Char('|') + prime + QLatin1Char('|');

    QStringList parts = bandExplanations(s, g, a, b, epsilon, prime, AbsFPrime);
    const QString largest = largestGradientExplanation(s, g, a, b, AbsFPrime);
    if (!largest.isEmpty())
        parts << largest;

    return tr("With ε = %1 on [%2, %3]: %4.")
        .arg(num(epsilon), num(a), num(b), parts.join(QStringLiteral("; ")));
}

QStringList FormulaPanel::bandExplanations(const SaturationResult &s, const ActivationFunction &g,
                                           double a, double b, double epsilon,
                                           const QString &prime, const QString &AbsFPrime)
{
    QStringList zero;
    QStringList saturated;
    for (const SaturationInterval &band : s.intervals) {
        const bool isZero = band.kind == SaturationKind::Zero;
        // An end of a zero band belongs to it when f′ there (PyTorch's value at a kink) is 0
        // too; a saturated band is open inside the range, its ends being where |f′| reaches ε.
        const auto inside = [&](double x) {
            return isZero ? absGradient(g, x) == 0
                          : (x <= a || x >= b) && absGradient(g, x) < epsilon;
        };
        (isZero ? zero : saturated)
            << condition(band.from, band.to, a, b, inside(band.from), inside(band.to));
    }

    QStringList parts;
    if (!zero.isEmpty()) {
        const bool wholeRange = zero.size() == 1 && s.zeroFraction >= 1;
        const QString region = s.zeroFraction >= 1 ? tr("nothing can be learned")
            : zero.size() == 1                     ? tr("a dead region")
                                                   : tr("dead regions");
        parts << tr("%1 = 0 exactly %2 (%3 of the range): %4")
                     .arg(prime, where(zero, wholeRange), formatFraction(s.zeroFraction), region);
    }
    if (!saturated.isEmpty()) {
        const bool wholeRange = saturated.size() == 1 && s.saturatedFraction >= 1;
        parts << tr("%1 &lt; ε %2 (%3 of the range)")
                     .arg(AbsFPrime, where(saturated, wholeRange),
                          formatFraction(s.saturatedFraction));
    }
    if (zero.isEmpty() && saturated.isEmpty())
        parts << tr("%1 ≥ ε on the whole range").arg(AbsFPrime);
    return parts;
}

QString FormulaPanel::largestGradientExplanation(const SaturationResult &s,
                                                 const ActivationFunction &g, double a, double b,
                                                 const QString &AbsFPrime)
{
    // The largest |f′|: one point for a smooth f; for a piecewise-linear one the pieces where it
    // is attained throughout (ReLU's x > 0, both outer pieces of softshrink).
    const double m = s.maxAbsGradient;
    if (!(std::isfinite(m) && m > 0))
        return {};
    const QString largest = AbsFPrime + QStringLiteral("&nbsp;=&nbsp;") + num(m);
    const QList<Interval> plateaus = gradientPlateaus(g, a, b, m);
    if (plateaus.isEmpty()) {
        return tr("largest %1 at %2")
            .arg(largest, X + QStringLiteral("&nbsp;=&nbsp;") + num(s.maxAbsGradientAt));
    }
    QStringList conditions;
    bool wholeRange = false;
    for (const Interval &p : std::as_const(plateaus)) {
        const bool withLo = sameValue(absGradient(g, p.from), m);
        const bool withHi = sameValue(absGradient(g, p.to), m);
        wholeRange = wholeRange || (p.from <= a && p.to >= b && withLo && withHi);
        conditions << condition(p.from, p.to, a, b, withLo, withHi);
    }
    return tr("largest %1 %2").arg(largest, where(conditions, wholeRange));
}

QList<Interval> FormulaPanel::gradientPlateaus(const ActivationFunction &g, double a, double b,
                                               double m)
{
    QList<double> breaks { a };
    for (double k : g.kinks(a, b)) {
        if (k > a && k < b)
            breaks << k;
    }
    breaks << b;
    QList<Interval> plateaus;
    for (int k = 0; k + 1 < breaks.size(); ++k) {
        const double lo = breaks[k];
        const double hi = breaks[k + 1];
        bool plateau = hi > lo;
        for (double t : { 0.1, 0.3, 0.5, 0.7, 0.9 })
            plateau = plateau && sameValue(absGradient(g, lo + t * (hi - lo)), m);
        if (!plateau)
            continue;
        if (!plateaus.isEmpty() && plateaus.last().to == lo
            && sameValue(absGradient(g, lo), m))
            plateaus.last().to = hi; // continues through a kink where f′ keeps its value
        else
            plateaus << Interval { lo, hi };
    }
    return plateaus;
}

void FormulaPanel::changeEvent(QEvent *event)
{
    // Presentation mode enlarges the panel's font: the formulas follow.
    if (event->type() == QEvent::FontChange && !m_updatingFonts)
        updateFonts();
    QWidget::changeEvent(event);
}

void FormulaPanel::updateFonts()
{
    m_updatingFonts = true;
    const QFont base = font();
    const double basePoints = base.pointSizeF() > 0 ? base.pointSizeF() : 10.0;

    QFont formula = base;
    formula.setFamilies({ QStringLiteral("DejaVu Serif"), QStringLiteral("Times New Roman"),
                          QStringLiteral("serif") });
    formula.setPointSizeF(std::max(MinFormulaPointSize, FormulaScale * basePoints));
    m_equations->setFont(formula);

    QFont notes = formula;
    notes.setPointSizeF(std::max(MinNotePointSize, NoteScale * basePoints));
    m_notes->setFont(notes);

    QFont prose = base;
    prose.setPointSizeF(std::max(MinNotePointSize, NoteScale * basePoints));
    m_gradientNote->setFont(prose);
    m_explanation->setFont(prose);
    m_points->setFont(prose);
    QFont heading = prose;
    heading.setBold(true);
    m_gradientHeading->setFont(heading);
    m_pointsHeading->setFont(heading);

    QFont title = base;
    title.setBold(true);
    title.setPointSizeF(std::max(MinFormulaPointSize, FormulaScale * basePoints));
    m_title->setFont(title);
    // Gaps between the parts grow with the font too.
    m_contentLayout->setSpacing(QFontMetrics(prose).height() / 2);
    m_updatingFonts = false;
}

void FormulaPanel::refresh()
{
    const int row = currentRow();
    if (!m_scene || row < 0) {
        m_title->setText(tr("No function selected"));
        m_equations->clear();
        m_notes->clear();
        m_gradientHeading->hide();
        m_gradientNote->clear();
        m_explanation->clear();
        m_pointsHeading->hide();
        m_points->clear();
        m_equations->setAccessibleDescription({});
        return;
    }
    const FunctionInstance &fn = m_scene->function(row);
    const ActivationSpec &spec = *fn.spec;

    // The parameter values are in the notes; a map is named here, e.g. "2·sigmoid(2x) − 1".
    QString title = spec.displayName.toHtmlEscaped();
    if (!fn.map.isIdentity())
        title += QStringLiteral(" <span style=\"font-weight: normal\">\u2014 %1</span>")
                     .arg(fn.map.apply(spec.id).toHtmlEscaped());
    // "(F.relu)", or the catalogue's own "— (no activation)" for functions PyTorch lacks.
    const QString torch = spec.torchName.isEmpty() || spec.torchName.startsWith(QStringLiteral("\u2014"))
        ? spec.torchName
        : QStringLiteral("(%1)").arg(spec.torchName);
    if (!torch.isEmpty())
        title += QStringLiteral(" <span style=\"font-weight: normal; font-size: small\">%1</span>")
                     .arg(torch.toHtmlEscaped());
    m_title->setText(title);

    const QString equations = MathFormulas::equationsHtml(fn);
    if (m_equations->text() != equations)
        m_equations->setText(equations);
    // Screen readers get the catalogue's one-line Unicode form.
    m_equations->setAccessibleDescription(
        tr("f(x) = %1; f′(x) = %2").arg(spec.formula, spec.derivativeFormula));

    const QString notes = MathFormulas::notesHtml(fn);
    if (m_notes->text() != notes)
        m_notes->setText(notes);
    m_notes->setVisible(!notes.isEmpty());

    m_gradientHeading->show();
    m_gradientNote->setText(spec.translatedGradientNote());
    const QString explanation = saturationExplanation(*m_scene, row);
    if (m_explanation->text() != explanation)
        m_explanation->setText(explanation);

    m_pointsHeading->show();
    const QString points = pointsOfInterestHtml(*m_scene, row);
    if (m_points->text() != points)
        m_points->setText(points);
}
