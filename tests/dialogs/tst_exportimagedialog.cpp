// ExportImageDialog: the path, size, scale and background it offers, PDF among the formats, the
// scale only for PNG, and labels whose mnemonics reach their fields.

#include "accessibilitywalk.h"
#include "exportimagedialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

class TestExportImageDialog : public QObject
{
    Q_OBJECT

private slots:
    void settingsRoundTrip()
    {
        ExportImageDialog dialog;
        dialog.setPath(QStringLiteral("  /tmp/charts.pdf "));
        dialog.setImageSize(QSize(800, 450));
        dialog.setScale(2);
        dialog.setWhiteBackground(true);
        QCOMPARE(dialog.path(), QStringLiteral("/tmp/charts.pdf"));
        QCOMPARE(dialog.imageSize(), QSize(800, 450));
        QCOMPARE(dialog.scale(), 2);
        QVERIFY(dialog.whiteBackground());
        dialog.setScale(1);
        QCOMPARE(dialog.scale(), 1);
    }

    void acceptsEachImageFormat_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("png") << "a.png";
        QTest::newRow("svg") << "a.SVG";
        QTest::newRow("pdf") << "a.pdf";
    }

    void acceptsEachImageFormat()
    {
        QFETCH(QString, path);
        ExportImageDialog dialog;
        dialog.setPath(path);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void scaleOnlyForPixels()
    {
        // SVG and PDF have no pixels to double: the scale is greyed out while the path names one,
        // and its description says why.
        ExportImageDialog dialog;
        auto *scale = dialog.findChild<QComboBox *>(QStringLiteral("scaleCombo"));
        QVERIFY(scale);
        dialog.setPath(QStringLiteral("charts.png"));
        QVERIFY(scale->isEnabled());
        dialog.setPath(QStringLiteral("charts.PDF"));
        QVERIFY(!scale->isEnabled());
        QVERIFY2(scale->accessibleDescription().contains(QLatin1String("vectors")),
                 qPrintable(scale->accessibleDescription()));
        dialog.setPath(QStringLiteral("charts.svg"));
        QVERIFY(!scale->isEnabled());
        dialog.setPath(QStringLiteral("charts.png"));
        QVERIFY(scale->isEnabled());
        QVERIFY(scale->accessibleDescription().contains(QLatin1String("twice the pixels")));
    }

    void screenReaderFindsEveryControlNamedAndDescribed()
    {
        // As Orca reads the dialog through AT-SPI: every control named and described.
        ExportImageDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList gaps = accessibilityGaps(&dialog);
        QVERIFY2(gaps.isEmpty(), qPrintable(gaps.join(QLatin1Char('\n'))));
    }

    void mnemonicsReachTheirFields()
    {
        // A label showing "&File:" as is has no buddy: every label with a mnemonic needs one.
        ExportImageDialog dialog;
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(labels.size() >= 4);
        for (const QLabel *label : labels) {
            if (!label->text().contains(u'&'))
                continue;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
        const auto *file = [&]() -> const QLabel * {
            for (const QLabel *label : labels) {
                if (label->text() == QLatin1String("&File:"))
                    return label;
            }
            return nullptr;
        }();
        QVERIFY(file);
        QVERIFY(qobject_cast<QLineEdit *>(file->buddy()));
    }
};

QTEST_MAIN(TestExportImageDialog)
#include "tst_exportimagedialog.moc"
