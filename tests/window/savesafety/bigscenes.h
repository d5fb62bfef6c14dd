#pragma once
// The two large scenes tst_savesafety's helper saves in turn: "old" (variant 0) and "new" (1).

#include "activationcatalogue.h"
#include "dataexport.h"
#include "scenemodel.h"
#include "sessionfile.h"

#include <QByteArray>
#include <QList>

namespace BigScenes {

/** Every catalogue function, `copies` times over, the range and ε depending on the variant. */
inline void build(SceneModel &scene, int variant, int copies)
{
    scene.clear();
    for (int c = 0; c < copies; ++c) {
        for (const ActivationSpec &spec : ActivationCatalogue::all())
            scene.addFunction(spec.id);
    }
    scene.setRange(-6.0 - variant, 6.0 + 2 * variant);
    scene.setEpsilon(variant == 0 ? 0.01 : 0.05);
}

/** A session of a few hundred functions (about 100 kB). */
inline QByteArray session(int variant)
{
    SceneModel scene;
    build(scene, variant, 6);
    return SessionFile::toJson(scene, variant == 0 ? QString() : QStringLiteral("sigmoid-saturates"));
}

/** The CSV of every catalogue function at 4000 points (a few MB). */
inline QByteArray csv(int variant)
{
    SceneModel scene;
    build(scene, variant, 1);
    QList<double> xs;
    const int n = 4000;
    for (int i = 0; i < n; ++i)
        xs.append(scene.xMin() + (scene.xMax() - scene.xMin()) * i / (n - 1));
    return sceneToCsv(scene, xs);
}

} // namespace BigScenes
