#include "manual.h"

namespace Manual {

namespace {

constexpr int HelpWidth = 79; // QCommandLineParser's width for the option list

/** text wrapped at HelpWidth, every line indented by indent spaces. */
QString wrapped(const QString &text, int indent)
{
    const QString margin(indent, QLatin1Char(' '));
    QString out;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && indent + line.size() + 1 + word.size() > HelpWidth) {
            out += margin + line + QLatin1Char('\n');
            line.clear();
        }
        if (!line.isEmpty())
            line += QLatin1Char(' ');
        line += word;
    }
    if (!line.isEmpty())
        out += margin + line + QLatin1Char('\n');
    return out;
}

/**
 * A command line at indent, broken at spaces before HelpWidth with a shell's line continuation
 * (a trailing backslash) so that it can still be pasted; continuation lines are indented two more.
 */
QString wrappedCommand(const QString &command, int indent)
{
    QString out(indent, QLatin1Char(' '));
    int column = indent;
    const QStringList words = command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words[i];
        if (i > 0 && column + 1 + word.size() + 2 > HelpWidth) {
            out += QStringLiteral(" \\\n") + QString(indent + 2, QLatin1Char(' '));
            column = indent + 2;
        } else if (i > 0) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out + QLatin1Char('\n');
}

/** A section of entries: a short term (an exit status) shares its line, a long one stands alone. */
QString helpSection(const QString &title, const QList<Entry> &entries)
{
    QString out = title + QStringLiteral(":\n");
    for (const Entry &entry : entries) {
        if (entry.term.size() <= 4) {
            const QString text = wrapped(entry.text, 8);
            out += QStringLiteral("  ") + entry.term.leftJustified(6) + text.mid(8);
        } else {
            out += QStringLiteral("  ") + entry.term + QLatin1Char('\n') + wrapped(entry.text, 6);
        }
    }
    return out;
}

QString roffSection(const QString &title, const QList<Entry> &entries, bool boldTerms)
{
    QString out = QStringLiteral(".SH ") + title + QLatin1Char('\n');
    for (const Entry &entry : entries) {
        out += QStringLiteral(".TP\n");
        out += boldTerms ? QStringLiteral("\\fB") + roffEscape(entry.term) + QStringLiteral("\\fR\n")
                         : roffEscape(entry.term) + QLatin1Char('\n');
        out += roffEscape(entry.text) + QLatin1Char('\n');
    }
    return out;
}

} // namespace

QString programName()
{
    return QStringLiteral("activation-explorer");
}

QString summary()
{
    return QStringLiteral("plot activation functions, their derivatives, and where their "
                          "gradients vanish");
}

QStringList description()
{
    return {
        QStringLiteral("Activation functions as PyTorch defines them, their derivatives, and "
                       "where their gradients vanish."),
        QStringLiteral("Without --export it opens a window on the tutorial's scene (step, "
                       "sigmoid, tanh and relu over [-6, 6]), or on the scene the options "
                       "describe, or on the one it was last closed on."),
        QStringLiteral("With --export it writes the scene to a file and exits, without a window "
                       "or a display: an image (PNG, SVG or a one-page PDF), an animated GIF "
                       "of one value swept from A to B (--animate), the sampled values (CSV) or "
                       "a report of the saturated intervals (JSON)."),
    };
}

QList<Entry> examples()
{
    return {
        { QStringLiteral("activation-explorer"),
          QStringLiteral("Open the window on the tutorial's four functions, or on the scene it "
                         "was last closed on.") },
        { QStringLiteral("activation-explorer --functions sigmoid,tanh,leaky_relu "
                         "--param leaky_relu.negative_slope=0.2 --export out.png --size 1600x900"),
          QStringLiteral("Draw three functions, f beside f', as a 1600x900 PNG, without a "
                         "window.") },
        { QStringLiteral("activation-explorer --functions step,relu --at 0,1e-8,-3 "
                         "--export values.csv"),
          QStringLiteral("Write f, f' and f'' of step and relu at three points as CSV.") },
        { QStringLiteral("activation-explorer --functions sigmoid --x-min -100 --x-max 100 "
                         "--export report.json"),
          QStringLiteral("Report where sigmoid's gradient vanishes over [-100, 100]: the "
                         "intervals, the saturated fraction, the largest |f'| and the points of "
                         "interest (zeros, minima, maxima, inflections, gradient peaks, kinks).") },
        { QStringLiteral("activation-explorer --function-expr \"x*sigmoid(1.702*x)\" "
                         "--export own.svg"),
          QStringLiteral("Draw a function of your own as SVG.") },
        { QStringLiteral("activation-explorer --functions leaky_relu --animate "
                         "leaky_relu.negative_slope=0:1 --frames 40 --fps 20 --size 800x450 "
                         "--export sweep.gif"),
          QStringLiteral("An animated GIF of leaky_relu as its negative_slope goes from 0 to 1 "
                         "in 40 frames at 20 per second, looping forever (--animate-mode "
                         "bounce: there and back).") },
        { QStringLiteral("activation-explorer --functions sigmoid,tanh --export charts.pdf "
                         "--size 1600x900"),
          QStringLiteral("The charts as a 1200x675-point PDF page whose text (legend, axes) "
                         "stays text.") },
        { QStringLiteral("activation-explorer --network --functions tanh --weight-variance 1.76 "
                         "--bias-variance 0.05 --depth 50 --width 256 --seed 1 --export net.json"),
          QStringLiteral("A 50-layer tanh network at the edge of chaos: per layer, the "
                         "mean-field variance q and gradient norm ratio, and one seeded "
                         "simulation's, as JSON (.csv: one row per layer).") },
        { QStringLiteral("activation-explorer --demo layers --present"),
          QStringLiteral("Open the window on the Through the Layers demonstration, in "
                         "presentation mode.") },
        { QStringLiteral("activation-explorer --functions tanh --demo network"),
          QStringLiteral("Open the window on the Deep Network at Initialization "
                         "demonstration of tanh: its variance and gradients through the "
                         "layers, and its phase diagram of order and chaos.") },
    };
}

QList<Entry> exitStatus()
{
    return {
        { QStringLiteral("0"),
          QStringLiteral("Success: the window was closed, the export was written, or the help "
                         "or the version was printed.") },
        { QStringLiteral("2"),
          QStringLiteral("Bad input: an unknown option, function id or parameter, a value "
                         "outside its domain, a session file that cannot be read, or an export "
                         "that cannot be written. A message on standard error names the problem "
                         "and the valid choices.") },
    };
}

QList<Entry> environment()
{
    return {
        { QStringLiteral("QT_QPA_PLATFORM"),
          QStringLiteral("Qt's platform plugin. The window needs a display (xcb or wayland); an "
                         "export renders offscreen unless this is set.") },
        { QStringLiteral("LC_ALL, LC_MESSAGES, LANG"),
          QStringLiteral("The language (en or zh_CN) when neither --lang nor the View menu "
                         "chose one.") },
        { QStringLiteral("XDG_CONFIG_HOME"),
          QStringLiteral("Where the settings file lives (default: ~/.config).") },
    };
}

QList<Entry> files()
{
    return {
        { QStringLiteral("~/.config/ActivationExplorer/activation-explorer.conf"),
          QStringLiteral("The settings: language, theme, recent sessions and the scene the "
                         "window was last closed on. Deleting it resets them; entries that "
                         "cannot be read are ignored.") },
    };
}

QString helpDescription()
{
    QStringList paragraphs;
    for (const QString &paragraph : description())
        paragraphs << wrapped(paragraph, 0).chopped(1);
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString helpEpilogue()
{
    QString examplesText = QStringLiteral("Examples:\n");
    for (const Entry &example : examples())
        examplesText += wrappedCommand(example.term, 2) + wrapped(example.text, 6);
    return examplesText + QLatin1Char('\n')
        + helpSection(QStringLiteral("Exit status"), exitStatus()) + QLatin1Char('\n')
        + helpSection(QStringLiteral("Environment"), environment()) + QLatin1Char('\n')
        + helpSection(QStringLiteral("Files"), files());
}

QString roffEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\e");
        else if (c == QLatin1Char('-'))
            out += QStringLiteral("\\-");
        else if (c.unicode() > 0x7f)
            out += QStringLiteral("\\[u%1]")
                       .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
        else
            out += c;
    }
    // A line may not start with a control character.
    if (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('\'')))
        out.prepend(QStringLiteral("\\&"));
    return out;
}

QString roff(const QList<OptionHelp> &options, const QString &version, const QString &date)
{
    const QString name = roffEscape(programName());
    QString out;
    out += QStringLiteral(".\\\" Generated from model/manual.cpp and model/commandline.cpp: "
                          "edit those, not this.\n");
    out += QStringLiteral(".TH %1 1 \"%2\" \"%3 %4\" \"User Commands\"\n")
               .arg(roffEscape(programName().toUpper()), date, name, roffEscape(version));
    // Commands and paths must not be hyphenated, nor spread over a justified line.
    out += QStringLiteral(".nh\n.ad l\n");
    out += QStringLiteral(".SH NAME\n%1 \\- %2\n").arg(name, roffEscape(summary()));
    out += QStringLiteral(".SH SYNOPSIS\n");
    out += QStringLiteral("\\fB%1\\fR [\\fIoptions\\fR]\n.br\n").arg(name);
    out += QStringLiteral("\\fB%1\\fR [\\fIoptions\\fR] \\fB\\-\\-export\\fR \\fIfile\\fR\n")
               .arg(name);
    out += QStringLiteral(".SH DESCRIPTION\n");
    const QStringList paragraphs = description();
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(".PP\n");
        out += roffEscape(paragraphs[i]) + QLatin1Char('\n');
    }
    out += QStringLiteral(".SH OPTIONS\n");
    for (const OptionHelp &option : options) {
        QStringList names;
        for (const QString &n : option.names)
            names << QStringLiteral("\\fB") + roffEscape(n) + QStringLiteral("\\fR");
        out += QStringLiteral(".TP\n") + names.join(QStringLiteral(", "));
        if (!option.valueName.isEmpty())
            out += QStringLiteral(" \\fI") + roffEscape(option.valueName) + QStringLiteral("\\fR");
        out += QLatin1Char('\n') + roffEscape(option.description) + QLatin1Char('\n');
    }
    out += QStringLiteral(".PP\nQt's own options (\\fB\\-platform\\fR, \\fB\\-style\\fR, ...) "
                          "are listed by \\fB\\-\\-help\\-all\\fR.\n");
    out += roffSection(QStringLiteral("EXAMPLES"), examples(), true);
    out += roffSection(QStringLiteral("EXIT STATUS"), exitStatus(), false);
    out += roffSection(QStringLiteral("ENVIRONMENT"), environment(), true);
    out += roffSection(QStringLiteral("FILES"), files(), false);
    return out;
}

} // namespace Manual
