#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QStyleFactory>
#include <QStyleHints>
#include <QVariant>

namespace {

// The font the application had before the first apply(): presentation mode scales it, and
// switching back restores it exactly instead of dividing a rounded size.
constexpr char BaseFontProperty[] = "ae_baseFont";

struct PaletteColors
{
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight,
        highlightedText, toolTipBase, toolTipText, placeholder, link, linkVisited, light, midlight,
        mid, dark, shadow, disabledText;
};

PaletteColors colorsFor(Theme theme, bool presentation)
{
    if (theme == Theme::Dark && presentation)
        return { Qt::black,          Qt::white,          Qt::black,          QColor(0x1A, 0x1A, 0x1A),
                 Qt::white,          QColor(0x1E, 0x1E, 0x1E), Qt::white, QColor(0x66, 0xAA, 0xFF),
                 Qt::black,          QColor(0x1E, 0x1E, 0x1E), Qt::white, QColor(0xA0, 0xA0, 0xA0),
                 QColor(0x80, 0xC0, 0xFF), QColor(0xD0, 0x9C, 0xFF), QColor(0x60, 0x60, 0x60),
                 QColor(0x40, 0x40, 0x40), QColor(0x30, 0x30, 0x30), QColor(0x10, 0x10, 0x10),
                 Qt::black,          QColor(0x90, 0x90, 0x90) };
    if (theme == Theme::Dark)
        return { QColor(0x2B, 0x2B, 0x2B), QColor(0xE6, 0xE6, 0xE6), QColor(0x1E, 0x1E, 0x1E),
                 QColor(0x26, 0x26, 0x26), QColor(0xE6, 0xE6, 0xE6), QColor(0x35, 0x35, 0x35),
                 QColor(0xE6, 0xE6, 0xE6), QColor(0x2F, 0x7F, 0xD5), Qt::white,
                 QColor(0x3A, 0x3A, 0x3A), QColor(0xE6, 0xE6, 0xE6), QColor(0x8A, 0x8A, 0x8A),
                 QColor(0x6C, 0xB4, 0xFF), QColor(0xC0, 0x8C, 0xF0), QColor(0x50, 0x50, 0x50),
                 QColor(0x40, 0x40, 0x40), QColor(0x2E, 0x2E, 0x2E), QColor(0x1A, 0x1A, 0x1A),
                 QColor(0x0A, 0x0A, 0x0A), QColor(0x80, 0x80, 0x80) };
    if (presentation)
        return { Qt::white,          Qt::black,          Qt::white,          QColor(0xF0, 0xF0, 0xF0),
                 Qt::black,          QColor(0xEE, 0xEE, 0xEE), Qt::black, QColor(0x00, 0x50, 0xB0),
                 Qt::white,          QColor(0xFF, 0xFF, 0xE8), Qt::black, QColor(0x60, 0x60, 0x60),
                 QColor(0x00, 0x40, 0xA0), QColor(0x60, 0x20, 0x90), Qt::white,
                 QColor(0xE0, 0xE0, 0xE0), QColor(0xA0, 0xA0, 0xA0), QColor(0x70, 0x70, 0x70),
                 Qt::black,          QColor(0x70, 0x70, 0x70) };
    return { QColor(0xEF, 0xEF, 0xEF), QColor(0x1E, 0x1E, 0x1E), Qt::white,
             QColor(0xF5, 0xF5, 0xF5), QColor(0x1E, 0x1E, 0x1E), QColor(0xEF, 0xEF, 0xEF),
             QColor(0x1E, 0x1E, 0x1E), QColor(0x30, 0x8C, 0xC6), Qt::white,
             QColor(0xFF, 0xFF, 0xDC), Qt::black, QColor(0x80, 0x80, 0x80),
             QColor(0x00, 0x5A, 0xB4), QColor(0x80, 0x40, 0xA0), Qt::white,
             QColor(0xE3, 0xE3, 0xE3), QColor(0xA0, 0xA0, 0xA0), QColor(0x80, 0x80, 0x80),
             Qt::black, QColor(0x90, 0x90, 0x90) };
}

} // namespace

QColor ChartAppearance::curveColor(const QColor &color) const
{
    // Only the dark themes need it: Okabe–Ito's black would vanish into the plot.
    if (isDark() && color.lightness() < 40)
        return QColor(0xEE, 0xEE, 0xEE);
    return color;
}

ChartAppearance ChartAppearance::forTheme(Theme theme, bool presentation)
{
    ChartAppearance a; // light
    if (theme == Theme::Dark) {
        a.background = QColor(0x1E, 0x1E, 0x1E);
        a.plotBackground = a.background;
        a.text = QColor(0xE6, 0xE6, 0xE6);
        a.labels = QColor(0xD0, 0xD0, 0xD0);
        a.secondaryText = QColor(0xA8, 0xA8, 0xA8);
        a.grid = QColor(0x3E, 0x3E, 0x3E);
        a.axis = QColor(0x90, 0x90, 0x90);
        a.cursor = QColor(0xCC, 0xCC, 0xCC, 200);
    }
    if (presentation) {
        const bool dark = theme == Theme::Dark;
        a.background = dark ? Qt::black : Qt::white;
        a.plotBackground = a.background;
        a.text = dark ? Qt::white : Qt::black;
        a.labels = a.text;
        a.secondaryText = dark ? QColor(0xD0, 0xD0, 0xD0) : QColor(0x30, 0x30, 0x30);
        a.grid = dark ? QColor(0x58, 0x58, 0x58) : QColor(0xB8, 0xB8, 0xB8);
        a.axis = a.text;
        a.cursor = dark ? QColor(0xFF, 0xFF, 0xFF, 220) : QColor(0, 0, 0, 220);
        a.curveWidth = 4.0;
        a.focusedCurveWidth = 6.0;
        a.fontScale = Themes::PresentationFontScale;
    }
    return a;
}

bool ChartAppearance::operator==(const ChartAppearance &o) const
{
    return background == o.background && plotBackground == o.plotBackground && text == o.text
        && labels == o.labels && secondaryText == o.secondaryText && grid == o.grid
        && axis == o.axis && cursor == o.cursor && curveWidth == o.curveWidth
        && focusedCurveWidth == o.focusedCurveWidth && fontScale == o.fontScale;
}

namespace Themes {

QString name(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

std::optional<Theme> fromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("light"))
        return Theme::Light;
    if (n == QLatin1String("dark"))
        return Theme::Dark;
    return std::nullopt;
}

Theme systemTheme()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark)
        return Theme::Dark;
#endif
    return Theme::Light;
}

QPalette palette(Theme theme, bool presentation)
{
    const PaletteColors c = colorsFor(theme, presentation);
    QPalette p;
    for (QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? c.disabledText : c.text;
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, disabled ? c.disabledText : c.windowText);
        p.setColor(group, QPalette::Base, disabled ? c.window : c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, c.button);
        p.setColor(group, QPalette::ButtonText, disabled ? c.disabledText : c.buttonText);
        p.setColor(group, QPalette::BrightText, Qt::red);
        p.setColor(group, QPalette::Highlight, disabled ? c.mid : c.highlight);
        p.setColor(group, QPalette::HighlightedText, c.highlightedText);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
        p.setColor(group, QPalette::PlaceholderText, c.placeholder);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.linkVisited);
        p.setColor(group, QPalette::Light, c.light);
        p.setColor(group, QPalette::Midlight, c.midlight);
        p.setColor(group, QPalette::Mid, c.mid);
        p.setColor(group, QPalette::Dark, c.dark);
        p.setColor(group, QPalette::Shadow, c.shadow);
    }
    return p;
}

void apply(QApplication &app, Theme theme, bool presentation)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion); // the application takes ownership
    QApplication::setPalette(palette(theme, presentation));

    QVariant stored = app.property(BaseFontProperty);
    if (!stored.isValid()) {
        stored = QVariant::fromValue(QApplication::font());
        app.setProperty(BaseFontProperty, stored);
    }
    QFont font = stored.value<QFont>();
    if (presentation) {
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * PresentationUiFontScale);
        else
            font.setPixelSize(qRound(font.pixelSize() * PresentationUiFontScale));
        font.setWeight(QFont::Medium);
    }
    QApplication::setFont(font);
}

} // namespace Themes
