#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include <optional>

class QApplication;

/** The application's colour theme: the window's palette and the charts' colours. */
enum class Theme { Light, Dark };

/** How a chart paints itself around its curves: colours, line widths and text size. */
struct ChartAppearance
{
    QColor background { Qt::white }; ///< behind the title, axes and legend
    QColor plotBackground { Qt::white }; ///< the plot area, under the bands
    QColor text { 0x22, 0x22, 0x22 }; ///< titles and the legend
    QColor labels { 0x33, 0x33, 0x33 }; ///< axis tick labels
    QColor secondaryText { 0x55, 0x55, 0x55 }; ///< the lanes' caption, generic legend swatches
    QColor grid { 0xDD, 0xDD, 0xDD };
    QColor axis { 0x88, 0x88, 0x88 };
    QColor cursor { 0x44, 0x44, 0x44, 200 }; ///< the trace cursor's vertical line
    qreal curveWidth = 2.0;
    qreal focusedCurveWidth = 3.25;
    qreal fontScale = 1.0; ///< multiplies every chart font's point size

    /** True when the plot area is dark, so dark curve colours need lifting. */
    bool isDark() const { return plotBackground.lightness() < 128; }
    /** color, or a light grey where it would vanish into a dark plot (Okabe–Ito's black). */
    QColor curveColor(const QColor &color) const;

    /** The charts of a theme; presentation: pure backgrounds, stronger text and grid, thick
     * lines and 1.5× text, for the back of a room. */
    static ChartAppearance forTheme(Theme theme, bool presentation = false);

    bool operator==(const ChartAppearance &o) const;
    bool operator!=(const ChartAppearance &o) const { return !(*this == o); }
};

namespace Themes {
/** How much presentation mode enlarges the charts' text. */
constexpr qreal PresentationFontScale = 1.5;
/** How much it enlarges the rest of the window's text: less, so the panels still fit beside
 * the charts on a 1600-pixel-wide screen. */
constexpr qreal PresentationUiFontScale = 1.25;

/** "light" or "dark", as stored in QSettings. */
QString name(Theme theme);
/** The theme a name (any case) stands for, or std::nullopt. */
std::optional<Theme> fromName(const QString &name);
/** The system's colour scheme where the running Qt can read it (6.5 and later), else Light. */
Theme systemTheme();

/** The full Fusion palette of a theme; presentation: pure white or black, strong text. */
QPalette palette(Theme theme, bool presentation = false);

/**
 * Sets the Fusion style, the theme's palette and the application font: the font as it was
 * before the first call, × PresentationUiFontScale in presentation mode.
 */
void apply(QApplication &app, Theme theme, bool presentation = false);
} // namespace Themes
