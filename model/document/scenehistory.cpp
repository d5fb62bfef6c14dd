#include "scenehistory.h"

#include "scenemodel.h"
#include "sessionfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopedValueRollback>
#include <QUndoCommand>
#include <QUndoStack>

namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

struct Change
{
    QString key;
    QString text;
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/** Which setting differs between two snapshots, coarsely. */
Change classify(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys;
    QString text;
    if (before.value(QLatin1String("lesson")) != after.value(QLatin1String("lesson")))
        return {QStringLiteral("lesson"), SceneHistory::tr("Load lesson")};

    const QJsonArray fb = before.value(QLatin1String("functions")).toArray();
    const QJsonArray fa = after.value(QLatin1String("functions")).toArray();
    if (fb.size() < fa.size()) {
        keys << QStringLiteral("functions");
        text = SceneHistory::tr("Add function");
    } else if (fb.size() > fa.size()) {
        keys << QStringLiteral("functions");
        text = SceneHistory::tr("Remove function");
    } else {
        for (qsizetype i = 0; i < fb.size(); ++i) {
            const QJsonObject b = fb.at(i).toObject();
            const QJsonObject a = fa.at(i).toObject();
            if (b == a)
                continue;
            if (b.value(QLatin1String("id")) != a.value(QLatin1String("id"))) {
                keys << QStringLiteral("functions");
                text = SceneHistory::tr("Change functions");
                break;
            }
            static const struct { const char *field; const char *text; } fields[] = {
                {"parameters", QT_TRANSLATE_NOOP("SceneHistory", "Change parameters")},
                {"map", QT_TRANSLATE_NOOP("SceneHistory", "Change scaling")},
                {"color", QT_TRANSLATE_NOOP("SceneHistory", "Change colour")},
                {"visible", QT_TRANSLATE_NOOP("SceneHistory", "Show or hide function")},
            };
            for (const auto &f : fields) {
                const QLatin1String field(f.field);
                if (b.value(field) != a.value(field)) {
                    keys << QStringLiteral("functions[%1].%2").arg(i).arg(field);
                    text = SceneHistory::tr(f.text);
                }
            }
        }
    }
    if (before.value(QLatin1String("x_min")) != after.value(QLatin1String("x_min"))
        || before.value(QLatin1String("x_max")) != after.value(QLatin1String("x_max"))) {
        keys << QStringLiteral("range");
        text = SceneHistory::tr("Change range");
    }
    if (before.value(QLatin1String("epsilon")) != after.value(QLatin1String("epsilon"))) {
        keys << QStringLiteral("epsilon");
        text = SceneHistory::tr("Change ε");
    }
    if (before.value(QLatin1String("sample_count")) != after.value(QLatin1String("sample_count"))) {
        keys << QStringLiteral("sample_count");
        text = SceneHistory::tr("Change sample count");
    }
    if (keys.size() == 1)
        return {keys.first(), text};
    return {QStringLiteral("scene"), SceneHistory::tr("Change scene")};
}

class SnapshotCommand : public QUndoCommand
{
public:
    static constexpr int Id = 0x5ce7e;

    SnapshotCommand(SceneHistory *history, QByteArray before, QByteArray after, QString key,
                    const QString &text, int interaction)
        : QUndoCommand(text)
        , m_history(history)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_key(std::move(key))
        , m_interaction(interaction)
    {
    }

    int id() const override { return Id; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const SnapshotCommand *>(other);
        if (m_interaction == 0 || next->m_interaction != m_interaction || next->m_key != m_key)
            return false;
        m_after = next->m_after;
        // A drag back to where it started changes nothing.
        setObsolete(m_after == m_before);
        return true;
    }

    void undo() override { m_history->applySnapshot(m_before); }

    void redo() override
    {
        // The change already happened when the command was pushed.
        if (m_first) {
            m_first = false;
            return;
        }
        m_history->applySnapshot(m_after);
    }

private:
    SceneHistory *m_history;
    QByteArray m_before;
    QByteArray m_after;
    QString m_key;
    int m_interaction;
    bool m_first = true;
};

} // namespace

SceneHistory::SceneHistory(QObject *parent)
    : QObject(parent)
    , m_stack(new QUndoStack(this))
{
}

SceneHistory::~SceneHistory()
{
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
}

void SceneHistory::setScene(SceneModel *scene)
{
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene) {
        // recomputed() closes every change of the scene once (a batch of them too), where the
        // item-model signals come once per row: one snapshot per change, not one per row.
        connect(m_scene, &SceneModel::recomputed, this, &SceneHistory::record);
        connect(m_scene, &QObject::destroyed, this, [this] {
            m_scene = nullptr;
            clear();
        });
    }
    clear();
}

void SceneHistory::setLesson(const QString &lesson)
{
    if (m_applying)
        return;
    m_lesson = lesson;
    record();
}

void SceneHistory::beginInteraction()
{
    m_interaction = ++m_interactionSerial;
}

void SceneHistory::endInteraction()
{
    m_interaction = 0;
}

void SceneHistory::beginBatch()
{
    ++m_batchDepth;
}

void SceneHistory::endBatch()
{
    if (m_batchDepth > 0 && --m_batchDepth == 0)
        record();
}

void SceneHistory::clear()
{
    m_stack->clear();
    resetSnapshot();
}

QJsonObject SceneHistory::snapshotObject() const
{
    if (!m_scene)
        return {};
    // The view (derivative order, frozen y ranges) belongs to the View menu, not to undo.
    QJsonObject root = SessionFile::toJsonObject(*m_scene, m_lesson);
    root.remove(QLatin1String("view"));
    return root;
}

void SceneHistory::resetSnapshot()
{
    m_snapshotObject = snapshotObject();
    m_snapshot = m_scene ? compact(m_snapshotObject) : QByteArray();
}

void SceneHistory::record()
{
    if (m_applying || m_batchDepth > 0 || !m_scene)
        return;
    // Every slider step lands here: the object is built once, serialised once, parsed never.
    QJsonObject nowObject = snapshotObject();
    QByteArray now = compact(nowObject);
    if (now == m_snapshot)
        return;
    const Change change = classify(m_snapshotObject, nowObject);
    m_snapshotObject = std::move(nowObject);
    QByteArray before = std::exchange(m_snapshot, now);
    m_stack->push(new SnapshotCommand(this, std::move(before), std::move(now), change.key,
                                      change.text, m_interaction));
}

void SceneHistory::applySnapshot(const QByteArray &snapshot)
{
    if (!m_scene)
        return;
    QJsonObject root = parse(snapshot);
    // Keep the scene's own view.
    root.insert(QStringLiteral("view"),
                SessionFile::toJsonObject(*m_scene).value(QLatin1String("view")));
    QString lesson;
    {
        QScopedValueRollback<bool> guard(m_applying, true);
        if (!SessionFile::fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact), *m_scene,
                                   &lesson))
            return;
        m_lesson = lesson;
        resetSnapshot();
        emit snapshotApplied(lesson);
    }
}
