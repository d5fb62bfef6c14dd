#pragma once

#include "activationcatalogue.h"
#include "activationfunction.h"

#include <QList>
#include <QString>

/** Why the gradient is small on an interval: exactly zero there, or merely below ε. */
enum class SaturationKind { Zero, Saturated };

/** A maximal part of [a, b] where |f′| < ε: "zero" where f′ ≡ 0 there, else "saturated". */
struct SaturationInterval
{
    double from = 0;
    double to = 0;
    SaturationKind kind = SaturationKind::Saturated;

    double length() const { return to - from; }
    bool operator==(const SaturationInterval &o) const
    {
        return from == o.from && to == o.to && kind == o.kind;
    }
    bool operator!=(const SaturationInterval &o) const { return !(*this == o); }
};

/** Where the gradient of one activation vanishes on [a, b], and how large it gets. */
struct SaturationResult
{
    QList<SaturationInterval> intervals; ///< ascending, disjoint except for shared ends
    double zeroFraction = 0; ///< share of [a, b] labelled zero
    double saturatedFraction = 0; ///< share labelled saturated
    double maxAbsGradient = 0; ///< largest |f′| on [a, b] (NaN ignored)
    double maxAbsGradientAt = 0; ///< where it occurs (leftmost on ties; the kink when
                                 ///< only approached there, as relu's 1 at 0)
};

/** The intervals of [a, b] where |f′(x)| < epsilon, each boundary refined to 1e-12 relative. */
SaturationResult analyseSaturation(const ActivationSpec &spec, const ParameterValues &p, double a,
                                   double b, double epsilon);

/** The same for an activation under an affine map. */
SaturationResult analyseSaturation(const ActivationFunction &fn, double a, double b, double epsilon);

/** "zero" or "saturated", as in JSON exports. */
QString saturationKindName(SaturationKind kind);
