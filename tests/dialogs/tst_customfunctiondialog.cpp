#include "accessibilitywalk.h"
#include "activationcatalogue.h"
#include "customfunctiondialog.h"
#include "customfunctions.h"
#include "expression.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

class TestCustomFunctionDialog : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *edit(CustomFunctionDialog &d) { return d.findChild<QLineEdit *>(QStringLiteral("expressionEdit")); }
    static QLabel *status(CustomFunctionDialog &d) { return d.findChild<QLabel *>(QStringLiteral("expressionStatus")); }
    static QLabel *marker(CustomFunctionDialog &d) { return d.findChild<QLabel *>(QStringLiteral("expressionMarker")); }
    static QLabel *preview(CustomFunctionDialog &d) { return d.findChild<QLabel *>(QStringLiteral("expressionPreview")); }
    static QPushButton *addButton(CustomFunctionDialog &d) { return d.findChild<QPushButton *>(QStringLiteral("addButton")); }

    /** The expected parse error as the dialog should word it. */
    static QString expectedError(const QString &text)
    {
        Expression::Error e;
        Expression::parse(text, &e);
        return e.isError() ? QStringLiteral("column %1: %2").arg(e.column()).arg(e.message) : QString();
    }

    /** A preview cell as a number (the dialog writes a real minus sign). */
    static double cell(const QString &s)
    {
        if (s == QStringLiteral("undefined"))
            return std::nan("");
        QString t = s;
        t.replace(u'−', u'-');
        if (t == QStringLiteral("∞"))
            return INFINITY;
        if (t == QStringLiteral("-∞"))
            return -INFINITY;
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok)
            qWarning() << "not a number:" << s;
        return ok ? v : std::nan("");
    }

    static bool close(double a, double b)
    {
        if (std::isnan(a) || std::isnan(b))
            return std::isnan(a) && std::isnan(b);
        if (std::isinf(a) || std::isinf(b))
            return a == b;
        return std::abs(a - b) <= 1e-5 * std::max(1.0, std::abs(b));
    }

private slots:
    void screenReaderFindsEveryControlNamedAndDescribed()
    {
        // As Orca reads the dialog through AT-SPI: every control named and described.
        CustomFunctionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList gaps = accessibilityGaps(&dialog);
        QVERIFY2(gaps.isEmpty(), qPrintable(gaps.join(QLatin1Char('\n'))));
    }

    void widgetsAreThere()
    {
        CustomFunctionDialog d;
        QVERIFY(edit(d));
        QVERIFY(status(d));
        QVERIFY(marker(d));
        QVERIFY(preview(d));
        QVERIFY(addButton(d));
        QVERIFY(!edit(d)->placeholderText().isEmpty());
        QVERIFY(addButton(d)->text().contains(QStringLiteral("Add")));
        QVERIFY(!addButton(d)->isEnabled());
        QVERIFY(!d.isValid());
        QVERIFY(!d.acceptedSpec());
        // The empty field shows a hint, not an error.
        QVERIFY(!status(d)->text().isEmpty());
        QVERIFY(!status(d)->text().contains(QStringLiteral("column")));
        QVERIFY(!d.errorText().isEmpty());
    }

    void statusFollowsEveryKeystroke()
    {
        CustomFunctionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        edit(d)->setFocus();
        const QString typed = QStringLiteral("x * sigmoid(1.702 * x)");
        QStringList seen;
        int validCount = 0;
        for (int i = 0; i < typed.size(); ++i) {
            QTest::keyClicks(edit(d), typed.mid(i, 1));
            const QString prefix = typed.left(i + 1);
            QCOMPARE(d.expression(), prefix);
            const bool valid = Expression::parse(prefix).isValid();
            QCOMPARE(d.isValid(), valid);
            QCOMPARE(addButton(d)->isEnabled(), valid);
            QCOMPARE(d.errorText(), expectedError(prefix));
            if (valid) {
                ++validCount;
                QVERIFY2(status(d)->text().contains(QStringLiteral("f′")), qPrintable(status(d)->text()));
                QVERIFY(marker(d)->text().isEmpty());
            } else if (!prefix.trimmed().isEmpty()) {
                QCOMPARE(status(d)->text(), d.errorText());
                QVERIFY(!marker(d)->text().isEmpty());
            }
            seen << status(d)->text();
        }
        QVERIFY(d.isValid());
        QVERIFY(validCount >= 3); // "x", "x " and the complete text at least
        // The status changed as the text went valid → invalid → valid.
        QVERIFY(QSet<QString>(seen.begin(), seen.end()).size() >= 4);
    }

    void keyClicksWholeText()
    {
        CustomFunctionDialog d;
        QTest::keyClicks(edit(d), QStringLiteral("sigmoid(x"));
        QVERIFY(!d.isValid());
        QVERIFY(!addButton(d)->isEnabled());
        QTest::keyClicks(edit(d), QStringLiteral(")"));
        QVERIFY(d.isValid());
        QVERIFY(addButton(d)->isEnabled());
        QTest::keyClick(edit(d), Qt::Key_Backspace);
        QVERIFY(!d.isValid());
        QVERIFY(!addButton(d)->isEnabled());
    }

    void addButtonState_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("spaces") << QStringLiteral("   ") << false;
        QTest::newRow("x*") << QStringLiteral("x*") << false;
        QTest::newRow("unclosed") << QStringLiteral("sigmoid(x") << false;
        QTest::newRow("unknown function") << QStringLiteral("foo(x)") << false;
        QTest::newRow("5000 chars") << QStringLiteral("x+").repeated(2499) + QStringLiteral("xx") << false;
        QTest::newRow("5000 parens") << QStringLiteral("(").repeated(5000) << false;
        QTest::newRow("bad utf-8") << QString::fromUtf8("\xff\xfe\x80 x \xc3\x28") << false;
        QTest::newRow("huge number") << QStringLiteral("1e999 * x") << false;
        QTest::newRow("html") << QStringLiteral("<b>x</b>") << false;
        QTest::newRow("x") << QStringLiteral("x") << true;
        QTest::newRow("gelu") << QStringLiteral("x * sigmoid(1.702 * x)") << true;
        QTest::newRow("padded") << QStringLiteral("  relu(x)  ") << true;
        QTest::newRow("params") << QStringLiteral("a * tanh(b * x)") << true;
        QTest::newRow("unicode") << QStringLiteral("−x · π") << true;
        QTest::newRow("loss") << QStringLiteral("(sigmoid(x) - y)^2") << true;
    }

    void addButtonState()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        CustomFunctionDialog d;
        d.setExpression(text);
        QCOMPARE(d.expression(), text);
        QCOMPARE(d.isValid(), valid);
        QCOMPARE(addButton(d)->isEnabled(), valid);
        if (valid) {
            QVERIFY(d.errorText().isEmpty());
            QVERIFY(marker(d)->text().isEmpty());
        } else {
            Expression::Error e;
            Expression::parse(text, &e);
            QVERIFY(e.isError());
            QVERIFY2(d.errorText().startsWith(QStringLiteral("column %1: ").arg(e.column())),
                     qPrintable(d.errorText()));
            if (!text.trimmed().isEmpty()) {
                QCOMPARE(status(d)->text(), d.errorText());
                QVERIFY(!marker(d)->text().isEmpty());
                // The marker is an excerpt: short whatever the input, caret on the second line.
                const QStringList lines = marker(d)->text().split(u'\n');
                QCOMPARE(lines.size(), 2);
                QVERIFY(lines.at(0).size() <= 60);
                QVERIFY(lines.at(1).endsWith(u'^'));
                QVERIFY(lines.at(1).size() <= lines.at(0).size() + 1);
            }
            d.accept();
            QCOMPARE(d.result(), int(QDialog::Rejected));
            QVERIFY(!d.acceptedSpec());
        }
    }

    void errorNamesColumnAndMarksIt()
    {
        CustomFunctionDialog d;
        const QString text = QStringLiteral("x * sigmoid(1.702 * x");
        d.setExpression(text);
        QVERIFY(!d.isValid());
        QVERIFY2(d.errorText().startsWith(QStringLiteral("column 22: ")), qPrintable(d.errorText()));
        const QStringList lines = marker(d)->text().split(u'\n');
        QCOMPARE(lines.at(0), text);
        QCOMPARE(lines.at(1), QString(21, u' ') + u'^');

        d.setExpression(QStringLiteral("x * foo(x)"));
        QVERIFY(d.errorText().startsWith(QStringLiteral("column 5: ")));
        QCOMPARE(marker(d)->text().split(u'\n').at(1), QString(4, u' ') + u'^');

        // Far into a long text: the caret still sits under the offending character.
        const QString longText = QStringLiteral("x + ").repeated(50) + QStringLiteral("? + x + x + x + x + x + x + x");
        d.setExpression(longText);
        QVERIFY(!d.isValid());
        QVERIFY(d.errorText().startsWith(QStringLiteral("column 201: ")));
        const QStringList l = marker(d)->text().split(u'\n');
        QVERIFY(l.at(0).startsWith(u'…'));
        QVERIFY(l.at(0).endsWith(u'…'));
        const qsizetype caret = l.at(1).size() - 1;
        QCOMPARE(l.at(0).at(caret), QChar(u'?'));
    }

    void statusWhenValid()
    {
        CustomFunctionDialog d;
        d.setExpression(QStringLiteral("a * tanh(b * x)"));
        QVERIFY(status(d)->text().contains(QStringLiteral("a, b")));
        QVERIFY(status(d)->text().contains(QStringLiteral("f″")));
        d.setExpression(QStringLiteral("x"));
        QVERIFY(!status(d)->text().contains(QStringLiteral("parameters")));
    }

    void previewMatchesEvaluate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("gelu") << QStringLiteral("x * sigmoid(1.702 * x)");
        QTest::newRow("softplus") << QStringLiteral("log(1 + exp(x))");
        QTest::newRow("mish") << QStringLiteral("x * tanh(softplus(x))");
        QTest::newRow("params") << QStringLiteral("a * tanh(b * x) + c");
        QTest::newRow("nan") << QStringLiteral("log(x)");
        QTest::newRow("small") << QStringLiteral("1e-7 * x^3 - 1000 * x");
        QTest::newRow("relu") << QStringLiteral("relu(x)");
    }

    void previewMatchesEvaluate()
    {
        QFETCH(QString, text);
        CustomFunctionDialog d;
        d.setExpression(text);
        QVERIFY(d.isValid());
        const Expression expression = Expression::parse(text);
        const QList<double> xs = CustomFunctionDialog::previewPoints();
        QCOMPARE(xs, QList<double>({ -2.0, 0.0, 2.0 }));
        const QStringList rows = preview(d)->text().split(u'\n');
        QVERIFY(rows.size() >= 1 + xs.size());
        for (int i = 0; i < xs.size(); ++i) {
            const QStringList cells = rows.at(i + 1).split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(cells.size(), 3);
            QCOMPARE(cell(cells.at(0)), xs.at(i));
            const Derivatives expected = expression.evaluate(xs.at(i));
            QVERIFY2(close(cell(cells.at(1)), expected.f),
                     qPrintable(QStringLiteral("f(%1): %2 vs %3").arg(xs.at(i)).arg(cells.at(1)).arg(expected.f)));
            QVERIFY2(close(cell(cells.at(2)), expected.d1),
                     qPrintable(QStringLiteral("f′(%1): %2 vs %3").arg(xs.at(i)).arg(cells.at(2)).arg(expected.d1)));
        }
        if (!expression.parameterNames().isEmpty())
            QVERIFY(rows.last().contains(QStringLiteral("= 1")));
    }

    void previewEmptyWhenInvalid()
    {
        CustomFunctionDialog d;
        d.setExpression(QStringLiteral("x"));
        d.setExpression(QStringLiteral("x *"));
        const QStringList rows = preview(d)->text().split(u'\n');
        QCOMPARE(rows.size(), 4);
        for (int i = 1; i < rows.size(); ++i)
            QCOMPARE(rows.at(i).count(QStringLiteral("—")), 2);
    }

    void acceptInterns()
    {
        CustomFunctionDialog d;
        QSignalSpy accepted(&d, &QDialog::accepted);
        const QString text = QStringLiteral("  x * tanh(softplus(1.5 * x)) ");
        d.setExpression(text);
        QVERIFY(d.isValid());
        d.accept();
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        const ActivationSpec *spec = d.acceptedSpec();
        QVERIFY(spec);
        QCOMPARE(spec->id, QStringLiteral("expr:") + text.trimmed());
        QCOMPARE(spec->kind, FunctionKind::Custom);
        QCOMPARE(ActivationCatalogue::find(spec->id), spec);
        QCOMPARE(CustomFunctions::intern(text), spec);
    }

    void enterAddsOnlyWhenValid()
    {
        CustomFunctionDialog d;
        QSignalSpy accepted(&d, &QDialog::accepted);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        edit(d)->setFocus();
        QTest::keyClicks(edit(d), QStringLiteral("sigmoid(x"));
        QTest::keyClick(edit(d), Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(d.isVisible());
        QTest::keyClick(edit(d), Qt::Key_Enter);
        QCOMPARE(accepted.count(), 0);
        QTest::keyClicks(edit(d), QStringLiteral(")"));
        QVERIFY(d.isValid());
        QTest::keyClick(edit(d), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QVERIFY(d.acceptedSpec());
        QCOMPARE(d.acceptedSpec()->id, QStringLiteral("expr:sigmoid(x)"));
    }

    void cancelKeepsNothing()
    {
        CustomFunctionDialog d;
        d.setExpression(QStringLiteral("x^3"));
        d.reject();
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QVERIFY(!d.acceptedSpec());
    }

    void examplesFillTheField()
    {
        CustomFunctionDialog d;
        const QStringList examples = CustomFunctionDialog::examples();
        QVERIFY(examples.size() >= 4);
        QVERIFY(examples.contains(QStringLiteral("x * sigmoid(1.702 * x)")));
        for (int i = 0; i < examples.size(); ++i) {
            auto *button = d.findChild<QPushButton *>(QStringLiteral("example%1").arg(i));
            QVERIFY(button);
            QVERIFY(!button->autoDefault());
            QVERIFY(!button->toolTip().isEmpty());
            d.setExpression(QStringLiteral("x*"));
            button->click();
            QCOMPARE(d.expression(), examples.at(i));
            QVERIFY2(d.isValid(), qPrintable(examples.at(i) + QStringLiteral(": ") + d.errorText()));
            QVERIFY(addButton(d)->isEnabled());
        }
    }

    void completer()
    {
        const QStringList names = CustomFunctionDialog::completionNames();
        for (const char *name : { "sigmoid", "exp", "log", "tanh", "leaky_relu", "softplus", "x", "pi", "e" })
            QVERIFY2(names.contains(QLatin1String(name)), name);
        for (const ActivationSpec &spec : ActivationCatalogue::all())
            QVERIFY(names.contains(spec.id));

        CustomFunctionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        edit(d)->setFocus();
        QTest::keyClicks(edit(d), QStringLiteral("x * sigm"));
        auto *completer = d.findChild<QCompleter *>();
        QVERIFY(completer);
        QCOMPARE(completer->completionPrefix(), QStringLiteral("sigm"));
        QVERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), QStringLiteral("sigmoid"));
        // Choosing it replaces the word and opens the call.
        emit completer->activated(QStringLiteral("sigmoid"));
        QCOMPARE(d.expression(), QStringLiteral("x * sigmoid("));
        QCOMPARE(edit(d)->cursorPosition(), 12);
        QTest::keyClicks(edit(d), QStringLiteral("x)"));
        QVERIFY(d.isValid());
    }

    void looks()
    {
        // Renders both states; AE_SHOTS_DIR=<dir> saves them as PNGs to look at.
        const QString dir = qEnvironmentVariable("AE_SHOTS_DIR");
        CustomFunctionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const struct { const char *name; QString text; } states[] = {
            { "empty", QString() },
            { "valid", QStringLiteral("a * x * sigmoid(b * 1.702 * x)") },
            { "error", QStringLiteral("x * sigmoid(1.702 * x") },
            { "unknown", QStringLiteral("x * foo(x) + 1") },
            { "long", QStringLiteral("x + ").repeated(40) + QStringLiteral("sigmoid(x, ") + QStringLiteral("x + ").repeated(40) },
        };
        for (const auto &s : states) {
            d.setExpression(s.text);
            // growToFit() has laid the dialog out for the new texts already; the labels' own
            // layout requests are posted events: deliver them before measuring.
            QCoreApplication::processEvents();
            const QImage image = d.grab().toImage();
            QVERIFY(!image.isNull());
            QVERIFY(d.width() >= 500);
            // Nothing squeezed: the whole preview table and both marker lines fit, in every state.
            QVERIFY2(preview(d)->height() >= preview(d)->sizeHint().height(), s.name);
            QVERIFY2(marker(d)->height() >= 2 * marker(d)->fontMetrics().lineSpacing(), s.name);
            QVERIFY2(status(d)->height() >= status(d)->heightForWidth(status(d)->width()),
                     qPrintable(QStringLiteral("%1: %2 < %3 for %4").arg(QLatin1String(s.name)).arg(status(d)->height()).arg(status(d)->heightForWidth(status(d)->width())).arg(status(d)->text())));
            if (!dir.isEmpty())
                QVERIFY(image.save(dir + QStringLiteral("/customfunctiondialog-%1.png").arg(QLatin1String(s.name))));
        }
    }
};

QTEST_MAIN(TestCustomFunctionDialog)
#include "tst_customfunctiondialog.moc"
