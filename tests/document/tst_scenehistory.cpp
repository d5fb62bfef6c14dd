// Undo and redo of scene changes: each restores the exact scene, one interaction is one step.

#include "lessons.h"
#include "scenehistory.h"
#include "scenemodel.h"
#include "sessionfile.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

class TestSceneHistory : public QObject
{
    Q_OBJECT

private:
    SceneModel *m_scene = nullptr;
    SceneHistory *m_history = nullptr;

    QByteArray json() const { return SessionFile::toJson(*m_scene, m_history->lesson()); }

private Q_SLOTS:
    void init()
    {
        m_scene = new SceneModel(this);
        QVERIFY(m_scene->addFunction(QStringLiteral("sigmoid")));
        QVERIFY(m_scene->addFunction(QStringLiteral("leaky_relu")));
        QVERIFY(m_scene->addFunction(QStringLiteral("hardtanh")));
        m_history = new SceneHistory(this);
        m_history->setScene(m_scene);
    }

    void cleanup()
    {
        delete m_history;
        delete m_scene;
        m_history = nullptr;
        m_scene = nullptr;
    }

    void startsEmpty()
    {
        QCOMPARE(m_history->stack()->count(), 0);
        QVERIFY(!m_history->stack()->canUndo());
    }

    void eachChangeUndoesAndRedoes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("range") << "range";
        QTest::newRow("epsilon") << "epsilon";
        QTest::newRow("sampleCount") << "sampleCount";
        QTest::newRow("parameter") << "parameter";
        QTest::newRow("parameters") << "parameters";
        QTest::newRow("map") << "map";
        QTest::newRow("reset") << "reset";
        QTest::newRow("color") << "color";
        QTest::newRow("visible") << "visible";
        QTest::newRow("add") << "add";
        QTest::newRow("insert") << "insert";
        QTest::newRow("remove") << "remove";
        QTest::newRow("move") << "move";
        QTest::newRow("clear") << "clear";
        QTest::newRow("lesson") << "lesson";
    }

    void eachChangeUndoesAndRedoes()
    {
        QFETCH(QString, name);
        // A non-default parameter first, so that a reset changes something.
        QVERIFY(m_scene->setParameter(1, QStringLiteral("negative_slope"), 0.3));
        m_history->clear();
        const QByteArray before = json();
        const std::map<QString, std::function<bool()>> changes {
            {"range", [&] { return m_scene->setRange(-2.0, 3.5); }},
            {"epsilon", [&] { return m_scene->setEpsilon(0.05); }},
            {"sampleCount", [&] { return m_scene->setSampleCount(77); }},
            {"parameter",
             [&] { return m_scene->setParameter(1, QStringLiteral("negative_slope"), 0.2); }},
            {"parameters",
             [&] { return m_scene->setParameters(2, ParameterValues{-0.5, 2.0}); }},
            {"map", [&] { return m_scene->setAffineMap(0, AffineMap{2.0, 2.0, -1.0}); }},
            {"reset", [&] { return m_scene->resetParameters(1); }},
            {"color", [&] { return m_scene->setColor(0, QColor(Qt::magenta)); }},
            {"visible", [&] { return m_scene->setVisible(2, false); }},
            {"add", [&] { return m_scene->addFunction(QStringLiteral("tanh")); }},
            {"insert",
             [&] {
                 return m_scene->insertFunction(0, QStringLiteral("elu"), ParameterValues{0.5});
             }},
            {"remove", [&] { return m_scene->removeRows(1, 1); }},
            {"move", [&] { return m_scene->moveRows({}, 0, 1, {}, 3); }},
            {"clear", [&] { m_scene->clear(); return true; }},
            {"lesson",
             [&] {
                 const Lesson &lesson = Lessons::all().first();
                 m_history->beginBatch();
                 const bool ok = Lessons::apply(lesson, *m_scene);
                 m_history->setLesson(QString::fromLatin1(lesson.id));
                 m_history->endBatch();
                 return ok;
             }},
        };
        QVERIFY(changes.at(name)());
        const QByteArray after = json();
        QVERIFY(after != before);
        QCOMPARE(m_history->stack()->count(), 1);
        QVERIFY(!m_history->stack()->undoText().isEmpty());

        m_history->stack()->undo();
        QCOMPARE(json(), before);
        QCOMPARE(m_history->stack()->count(), 1); // applying is not recorded
        m_history->stack()->redo();
        QCOMPARE(json(), after);
        m_history->stack()->undo();
        QCOMPARE(json(), before);
        QCOMPARE(m_history->stack()->count(), 1);
    }

    void dragIsOneStep()
    {
        QVERIFY(m_scene->setRange(-4.0, 4.0));
        const QByteArray beforeDrag = json();
        QCOMPARE(m_history->stack()->count(), 1);
        m_history->beginInteraction();
        for (int i = 1; i <= 50; ++i)
            QVERIFY(m_scene->setRange(-4.0 + 0.05 * i, 4.0));
        m_history->endInteraction();
        const QByteArray afterDrag = json();
        QCOMPARE(m_history->stack()->count(), 2);
        QCOMPARE(m_history->stack()->undoText(), SceneHistory::tr("Change range"));
        m_history->stack()->undo();
        QCOMPARE(json(), beforeDrag);
        QCOMPARE(m_scene->xMin(), -4.0);
        m_history->stack()->redo();
        QCOMPARE(json(), afterDrag);
        QCOMPARE(m_scene->xMin(), -1.5);
    }

    void twoInteractionsAreTwoSteps()
    {
        const double start = m_scene->xMin();
        m_history->beginInteraction();
        for (int i = 1; i <= 10; ++i)
            QVERIFY(m_scene->setRange(start + 0.1 * i, m_scene->xMax()));
        m_history->endInteraction();
        const double middle = m_scene->xMin();
        m_history->beginInteraction();
        for (int i = 1; i <= 10; ++i)
            QVERIFY(m_scene->setRange(middle + 0.1 * i, m_scene->xMax()));
        m_history->endInteraction();
        QCOMPARE(m_history->stack()->count(), 2);
        m_history->stack()->undo();
        QCOMPARE(m_scene->xMin(), middle);
        m_history->stack()->undo();
        QCOMPARE(m_scene->xMin(), start);
    }

    void differentSettingsInOneInteractionAreSeparate()
    {
        m_history->beginInteraction();
        QVERIFY(m_scene->setRange(-3.0, 3.0));
        QVERIFY(m_scene->setEpsilon(0.02));
        QVERIFY(m_scene->setEpsilon(0.03));
        m_history->endInteraction();
        QCOMPARE(m_history->stack()->count(), 2);
    }

    void changesOutsideInteractionsAreSeparate()
    {
        const QByteArray start = json();
        for (int i = 1; i <= 5; ++i)
            QVERIFY(m_scene->setRange(-6.0 + i, 6.0));
        QCOMPARE(m_history->stack()->count(), 5);
        for (int i = 4; i >= 1; --i) {
            m_history->stack()->undo();
            QCOMPARE(m_scene->xMin(), -6.0 + i);
        }
        m_history->stack()->undo();
        QCOMPARE(json(), start);
    }

    void sameValueRecordsNothing()
    {
        QVERIFY(m_scene->setRange(m_scene->xMin(), m_scene->xMax()));
        QVERIFY(m_scene->setEpsilon(m_scene->epsilon()));
        QCOMPARE(m_history->stack()->count(), 0);
    }

    void addAndRemoveUndo()
    {
        const QByteArray three = json();
        QVERIFY(m_scene->addFunction(QStringLiteral("relu")));
        const QByteArray four = json();
        QVERIFY(m_scene->removeRows(0, 2));
        QCOMPARE(m_scene->rowCount(), 2);
        QCOMPARE(m_history->stack()->count(), 2);
        QCOMPARE(m_history->stack()->undoText(), SceneHistory::tr("Remove function"));
        m_history->stack()->undo();
        QCOMPARE(m_scene->rowCount(), 4);
        QCOMPARE(json(), four);
        QCOMPARE(m_history->stack()->undoText(), SceneHistory::tr("Add function"));
        m_history->stack()->undo();
        QCOMPARE(m_scene->rowCount(), 3);
        QCOMPARE(json(), three);
        m_history->stack()->redo();
        m_history->stack()->redo();
        QCOMPARE(m_scene->rowCount(), 2);
    }

    void batchOfChangesIsOneStep()
    {
        // A scene changed in one batch (a session, a lesson, the command line's functions) is
        // one step, recorded once: the history follows recomputed(), not each row's signals.
        const QByteArray before = json();
        QSignalSpy steps(m_history->stack(), &QUndoStack::indexChanged);
        {
            const SceneModel::UpdateBatch batch(*m_scene);
            for (int i = 0; i < 10; ++i)
                QVERIFY(m_scene->addFunction(QStringLiteral("relu")));
            QVERIFY(m_scene->setColor(0, Qt::red));
            QVERIFY(m_scene->removeRows(1, 1));
            QCOMPARE(m_history->stack()->count(), 0);
        }
        QCOMPARE(m_history->stack()->count(), 1);
        QCOMPARE(steps.size(), 1);
        QCOMPARE(m_history->stack()->undoText(), SceneHistory::tr("Add function"));
        m_history->stack()->undo();
        QCOMPARE(json(), before);
    }

    void plotSizeAndViewRecordNothing()
    {
        QVERIFY(m_scene->setPlotSize(QSize(300, 200)));
        QVERIFY(m_scene->setPlotSize(QSize(1200, 900)));
        QCOMPARE(m_history->stack()->count(), 0);
        // The view is left out of steps, and undo leaves it as it is.
        QVERIFY(m_scene->setMaxOrder(2));
        QVERIFY(m_scene->setRange(-1.0, 1.0));
        QCOMPARE(m_history->stack()->count(), 1);
        m_history->stack()->undo();
        QCOMPARE(m_scene->maxOrder(), 2);
        QCOMPARE(m_scene->plotSize(), QSize(1200, 900));
        QCOMPARE(m_scene->xMin(), -6.0);
    }

    void newChangeAfterUndoDropsRedo()
    {
        QVERIFY(m_scene->setEpsilon(0.05));
        m_history->stack()->undo();
        QVERIFY(m_history->stack()->canRedo());
        QVERIFY(m_scene->setEpsilon(0.02));
        QVERIFY(!m_history->stack()->canRedo());
        QCOMPARE(m_history->stack()->count(), 1);
        m_history->stack()->undo();
        QCOMPARE(m_scene->epsilon(), 0.01);
    }
};

QTEST_GUILESS_MAIN(TestSceneHistory)
#include "tst_scenehistory.moc"
