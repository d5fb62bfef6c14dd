// The manual: --help's examples, exit status and files, and the man page made from the same words.

#include "commandline.h"
#include "manual.h"

#include <QCommandLineParser>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestManual : public QObject
{
    Q_OBJECT

private slots:
    void optionHelpListsEveryOption();
    void optionHelpMatchesTheParser();
    void examplesAreValidCommandLines();
    void helpEpilogueHasEverySection();
    void helpEpilogueFitsTheTerminal();
    void roffEscape_data();
    void roffEscape();
    void manPageHasEverySection();
    void manPageHasEveryOptionAndExample();
    void manPageIsPlainRoff();
};

void TestManual::optionHelpListsEveryOption()
{
    const QList<OptionHelp> help = commandLineOptionHelp();
    QStringList names;
    for (const OptionHelp &option : help) {
        QVERIFY(!option.names.isEmpty());
        QVERIFY2(!option.description.isEmpty(), qPrintable(option.names.join(QLatin1Char(','))));
        names += option.names;
    }
    // The long names are exactly those the parser lists when it refuses an unknown option.
    const ParseResult refused = parseCommandLine({ QStringLiteral("ae"), QStringLiteral("--nope") });
    const QString list = refused.error.section(QStringLiteral("valid options: "), 1);
    QStringList known = list.split(QStringLiteral(", "));
    QStringList longNames;
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("--")))
            longNames << name;
    }
    known.sort();
    longNames.sort();
    QCOMPARE(longNames, known);
    QVERIFY(names.contains(QStringLiteral("-h")));
    QVERIFY(names.contains(QStringLiteral("-v")));
}

void TestManual::optionHelpMatchesTheParser()
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    describeCommandLineOptions(parser);
    const QString text = parser.helpText();
    for (const OptionHelp &option : commandLineOptionHelp()) {
        QString shown = option.names.join(QStringLiteral(", "));
        if (!option.valueName.isEmpty())
            shown += QStringLiteral(" <") + option.valueName + QLatin1Char('>');
        QVERIFY2(text.contains(shown), qPrintable(shown));
        // The description's first words, as QCommandLineParser wraps the rest.
        const QString start = option.description.section(QLatin1Char(' '), 0, 2);
        QVERIFY2(text.contains(start), qPrintable(start));
    }
}

void TestManual::examplesAreValidCommandLines()
{
    const QList<Manual::Entry> examples = Manual::examples();
    QVERIFY(examples.size() >= 4);
    int exports = 0;
    for (const Manual::Entry &example : examples) {
        const QStringList arguments = QProcess::splitCommand(example.term);
        QCOMPARE(arguments.value(0), Manual::programName());
        const ParseResult result = parseCommandLine(arguments);
        QVERIFY2(result.action == ParseResult::Action::Export
                     || result.action == ParseResult::Action::ShowGui,
                 qPrintable(example.term + QStringLiteral(": ") + result.error));
        exports += result.action == ParseResult::Action::Export;
        QVERIFY(!example.text.isEmpty());
    }
    QVERIFY(exports >= 3);
}

void TestManual::helpEpilogueHasEverySection()
{
    const QString text = Manual::helpEpilogue();
    for (const char *title : { "Examples:\n", "Exit status:\n", "Environment:\n", "Files:\n" })
        QVERIFY2(text.contains(QLatin1String(title)), title);
    QVERIFY(text.contains(QStringLiteral("  0     Success")));
    QVERIFY(text.contains(QStringLiteral("  2     Bad input")));
    QVERIFY(text.contains(
            QStringLiteral("  ~/.config/ActivationExplorer/activation-explorer.conf\n")));
    QVERIFY(text.contains(QStringLiteral("  XDG_CONFIG_HOME\n")));
    // Each example's command, once its continuation lines are joined again.
    QString joined = text;
    joined.replace(QRegularExpression(QStringLiteral(" \\\\\\n +")), QStringLiteral(" "));
    for (const Manual::Entry &example : Manual::examples())
        QVERIFY2(joined.contains(QStringLiteral("\n  ") + example.term + QLatin1Char('\n')),
                 qPrintable(example.term));
}

void TestManual::helpEpilogueFitsTheTerminal()
{
    const QStringList lines = (Manual::helpDescription() + QLatin1Char('\n')
                               + Manual::helpEpilogue())
                                      .split(QLatin1Char('\n'));
    for (const QString &line : lines)
        QVERIFY2(line.size() <= 79, qPrintable(line));
    // The description keeps its paragraphs and its words.
    QString description = Manual::helpDescription();
    QCOMPARE(description.count(QStringLiteral("\n\n")), Manual::description().size() - 1);
    description.replace(QStringLiteral("\n\n"), QStringLiteral("\t"));
    description.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QCOMPARE(description.split(QLatin1Char('\t')), Manual::description());
}

void TestManual::roffEscape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("roff");
    QTest::newRow("plain") << "plain words" << "plain words";
    QTest::newRow("minus") << "--x-min -6" << "\\-\\-x\\-min \\-6";
    QTest::newRow("backslash") << "a\\b" << "a\\eb";
    QTest::newRow("leading dot") << ".png" << "\\&.png";
    QTest::newRow("leading quote") << "'x'" << "\\&'x'";
    QTest::newRow("inner dot and quote") << "f'(x) is 0." << "f'(x) is 0.";
    QTest::newRow("non-ASCII") << QStringLiteral("f\u2032 \u03b5") << "f\\[u2032] \\[u03B5]";
}

void TestManual::roffEscape()
{
    QFETCH(QString, text);
    QFETCH(QString, roff);
    QCOMPARE(Manual::roffEscape(text), roff);
}

void TestManual::manPageHasEverySection()
{
    const QString page = Manual::roff(commandLineOptionHelp(), QStringLiteral("1.2.3"),
                                      QStringLiteral("2026-01-02"));
    QVERIFY(page.contains(QStringLiteral(
            ".TH ACTIVATION\\-EXPLORER 1 \"2026-01-02\" \"activation\\-explorer 1.2.3\" "
            "\"User Commands\"\n")));
    QVERIFY(page.contains(QStringLiteral(".SH NAME\nactivation\\-explorer \\- plot activation")));
    qsizetype at = 0;
    for (const char *section : { "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES",
                                 "EXIT STATUS", "ENVIRONMENT", "FILES" }) {
        const qsizetype next = page.indexOf(QStringLiteral("\n.SH %1\n").arg(QLatin1String(section)));
        QVERIFY2(next > at, section); // present, and in this order
        at = next;
    }
    for (const QString &paragraph : Manual::description())
        QVERIFY(page.contains(Manual::roffEscape(paragraph)));
}

void TestManual::manPageHasEveryOptionAndExample()
{
    const QString page = Manual::roff(commandLineOptionHelp(), QStringLiteral("1"),
                                      QStringLiteral("2026-01-02"));
    QVERIFY(page.contains(QStringLiteral(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n")));
    QVERIFY(page.contains(
            QStringLiteral(".TP\n\\fB\\-\\-functions\\fR \\fIids\\fR\nComma\\-separated")));
    for (const OptionHelp &option : commandLineOptionHelp()) {
        QVERIFY2(page.contains(Manual::roffEscape(option.names.last())),
                 qPrintable(option.names.last()));
        QVERIFY(page.contains(Manual::roffEscape(option.description) + QLatin1Char('\n')));
    }
    for (const Manual::Entry &example : Manual::examples())
        QVERIFY(page.contains(QStringLiteral(".TP\n\\fB") + Manual::roffEscape(example.term)
                              + QStringLiteral("\\fR\n") + Manual::roffEscape(example.text)));
    for (const Manual::Entry &file : Manual::files())
        QVERIFY(page.contains(Manual::roffEscape(file.term)));
}

void TestManual::manPageIsPlainRoff()
{
    const QString page = Manual::roff(commandLineOptionHelp(), QStringLiteral("1"),
                                      QStringLiteral("2026-01-02"));
    static const QRegularExpression request(
            QStringLiteral("^\\.(TH|SH|TP|PP|br|nh|ad|\\\\\")( |$)"));
    const QStringList lines = page.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        for (const QChar c : line)
            QVERIFY2(c.unicode() < 0x80, qPrintable(line)); // non-ASCII goes as \[uXXXX]
        if (line.startsWith(QLatin1Char('.')))
            QVERIFY2(request.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(!line.startsWith(QLatin1Char('\'')), qPrintable(line));
    }
    QVERIFY(page.endsWith(QLatin1Char('\n')));
}

QTEST_GUILESS_MAIN(TestManual)
#include "tst_manual.moc"
