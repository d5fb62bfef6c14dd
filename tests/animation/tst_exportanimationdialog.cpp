#include "accessibilitywalk.h"
#include "exportanimationdialog.h"
#include "scenemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestExportAnimationDialog : public QObject
{
    Q_OBJECT

private:
    /** Closes the message box accept() opens, once the event loop runs; its text goes to *text. */
    static void closeMessageBox(QString *text)
    {
        QTimer::singleShot(0, qApp, [text] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                *text = box->text();
                box->close();
            }
        });
    }

    SceneModel m_scene;

private slots:
    void initTestCase()
    {
        for (const char *id : { "leaky_relu", "elu", "gelu", "softplus" })
            QVERIFY(m_scene.addFunction(QString::fromLatin1(id)));
        QVERIFY(m_scene.setVisible(3, false));
    }

    void screenReaderFindsEveryControlNamedAndDescribed()
    {
        // As Orca reads the dialog through AT-SPI: every control named and described.
        ExportAnimationDialog dialog(m_scene, RenderOptions(), 1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList gaps = accessibilityGaps(&dialog);
        QVERIFY2(gaps.isEmpty(), qPrintable(gaps.join(QLatin1Char('\n'))));
    }

    void offersTheVisibleFunctionsParameters()
    {
        ExportAnimationDialog dialog(m_scene, RenderOptions(), 1);
        // The focused function first; gelu's approximate is a word, softplus is hidden.
        QCOMPARE(dialog.targetNames(),
                 (QStringList { "elu.alpha", "leaky_relu.negative_slope", "x-min", "x-max",
                                "epsilon" }));
        // Every control has an accessible name.
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                || qobject_cast<QLineEdit *>(w) || qobject_cast<QPushButton *>(w)) {
                if (qobject_cast<QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parent()))
                    continue; // a spin box's own editor
                // The button box's buttons are named by their text.
                const auto *button = qobject_cast<QPushButton *>(w);
                QVERIFY2(!w->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                         qPrintable(w->objectName()));
            }
        }
    }

    void optionsFromTheControls()
    {
        RenderOptions render;
        render.theme = Theme::Dark;
        render.size = QSize(800, 450);
        ExportAnimationDialog dialog(m_scene, render, 0);
        QVERIFY(dialog.setTarget(QStringLiteral("leaky_relu.negative_slope")));
        QVERIFY(!dialog.setTarget(QStringLiteral("softplus.beta")));
        dialog.findChild<QDoubleSpinBox *>(QStringLiteral("fromSpin"))->setValue(0);
        dialog.findChild<QDoubleSpinBox *>(QStringLiteral("toSpin"))->setValue(1);
        dialog.findChild<QSpinBox *>(QStringLiteral("framesSpin"))->setValue(12);
        dialog.findChild<QSpinBox *>(QStringLiteral("fpsSpin"))->setValue(25);
        dialog.findChild<QComboBox *>(QStringLiteral("modeCombo"))->setCurrentIndex(1);
        dialog.findChild<QSpinBox *>(QStringLiteral("widthSpin"))->setValue(640);
        dialog.findChild<QSpinBox *>(QStringLiteral("heightSpin"))->setValue(360);
        const AnimationOptions o = dialog.options();
        QCOMPARE(o.sweep.target.name(), QStringLiteral("leaky_relu.negative_slope"));
        QCOMPARE(o.sweep.from, 0.0);
        QCOMPARE(o.sweep.to, 1.0);
        QCOMPARE(o.sweep.frames, 12);
        QCOMPARE(o.sweep.mode, AnimationSweep::Mode::Bounce);
        QCOMPARE(o.fps, 25);
        QCOMPARE(o.render.size, QSize(640, 360));
        QCOMPARE(o.render.theme, Theme::Dark); // the window's look
        // Choosing ε proposes a positive range on its log scale; x min the left half.
        QVERIFY(dialog.setTarget(QStringLiteral("epsilon")));
        QVERIFY(dialog.options().sweep.from > 0 && dialog.options().sweep.to > 0);
        QVERIFY(dialog.setTarget(QStringLiteral("x-min")));
        QCOMPARE(dialog.options().sweep.from, -6.0);
        QCOMPARE(dialog.options().sweep.to, 0.0);
    }

    void acceptRefusesWhatTheExportWould()
    {
        ExportAnimationDialog dialog(m_scene, RenderOptions(), 0);
        dialog.setPath(QStringLiteral("/tmp/out.png"));
        QString text;
        closeMessageBox(&text);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(text.contains(QStringLiteral(".gif")), qPrintable(text));

        // x min swept past x max.
        dialog.setPath(QStringLiteral("/tmp/out.gif"));
        QVERIFY(dialog.setTarget(QStringLiteral("x-min")));
        dialog.findChild<QDoubleSpinBox *>(QStringLiteral("toSpin"))->setValue(10);
        closeMessageBox(&text);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(text.contains(QStringLiteral("x-min")), qPrintable(text));

        dialog.findChild<QDoubleSpinBox *>(QStringLiteral("toSpin"))->setValue(-2);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sweep.gif"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QWidget parent;
        ExportAnimationDialog dialog(m_scene, RenderOptions(), 0);
        dialog.findChild<QSpinBox *>(QStringLiteral("widthSpin"))->setValue(160);
        dialog.findChild<QSpinBox *>(QStringLiteral("heightSpin"))->setValue(90);
        // Cancel as soon as the progress dialog takes events (before the second frame).
        QTimer::singleShot(0, &parent, [&parent] {
            if (auto *progress = parent.findChild<QProgressDialog *>())
                progress->cancel();
        });
        QString error;
        bool cancelled = false;
        QVERIFY(!ExportAnimationDialog::exportWithProgress(&parent, m_scene, dialog.options(),
                                                           path, &error, &cancelled));
        QVERIFY(cancelled);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        old.close();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList { QStringLiteral("sweep.gif") });

        // Not cancelled, the file is replaced.
        QVERIFY2(ExportAnimationDialog::exportWithProgress(&parent, m_scene, dialog.options(),
                                                           path, &error, &cancelled),
                 qPrintable(error));
        QVERIFY(!cancelled);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY(old.readAll().startsWith("GIF89a"));
    }
};

QTEST_MAIN(TestExportAnimationDialog)
#include "tst_exportanimationdialog.moc"
