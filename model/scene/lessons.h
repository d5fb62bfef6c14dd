#pragma once

#include "activationfunction.h"

#include <QList>
#include <QString>

class SceneModel;

/** A built-in scene with a short text: one step of the tutorial the project grew from. */
struct Lesson
{
    struct Function
    {
        const char *id;
        QList<QPair<const char *, double>> parameters; ///< PyTorch names; defaults elsewhere
        AffineMap map;
    };

    const char *id;    ///< stable, for sessions and the command line, e.g. "sigmoid-saturates"
    const char *title; ///< English source; Lessons::title() translates it
    const char *text;  ///< English source; Lessons::text() translates it
    QList<Function> functions;
    double xMin = -6;
    double xMax = 6;
    double epsilon = 0.01;
    int sampleCount = 1001; ///< the value table's torch.linspace(xMin, xMax, sampleCount)
    int focusRow = 0;       ///< the function whose bands and parameters are shown
};

namespace Lessons {
/** The lessons in teaching order. */
const QList<Lesson> &all();
/** The lesson with this id, or nullptr. */
const Lesson *find(QStringView id);
/** The title and text in the current language. */
QString title(const Lesson &lesson);
QString text(const Lesson &lesson);
/** Replaces the scene's functions and settings with the lesson's; false with the reason. */
bool apply(const Lesson &lesson, SceneModel &scene, QString *error = nullptr);
} // namespace Lessons
