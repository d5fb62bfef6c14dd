#pragma once

#include "activationfunction.h"

#include <QList>
#include <QString>

/** What makes a point of a curve worth marking. */
enum class PointKind { Zero, Minimum, Maximum, Inflection, GradientPeak, Kink };

/** One point of interest of a curve: where, f there and f′ there (PyTorch's value at a kink). */
struct PointOfInterest
{
    PointKind kind = PointKind::Zero;
    double x = 0;
    double y = 0; ///< f(x)
    double grad = 0; ///< f′(x)

    bool operator==(const PointOfInterest &o) const
    {
        return kind == o.kind && x == o.x && y == o.y && grad == o.grad;
    }
};

/** At most this many points of one kind are reported, the first in ascending x. */
constexpr int MaxPointsPerKind = 20;

/**
 * The points of interest of fn inside the open range (a, b), ascending in x (ties in the order of
 * PointKind), computed rather than sampled: each x within 1e-12·max(1, |x|) of the true one.
 *
 * - Zero: f changes sign strictly, from negative to positive or back. A stretch where f ≡ 0 (relu
 *   left of 0) is not a zero; neither is a jump of f across 0.
 * - Minimum, Maximum: f′ changes sign (− to +, + to −); a point where f′ only touches 0 is neither.
 * - Inflection: f″ changes sign.
 * - GradientPeak: a local maximum of |f′|, i.e. an inflection where sign(f′)·f″, the slope of |f′|,
 *   goes from + to −. The largest |f′| of the range (SaturationResult) may instead be at an end or
 *   on a linear piece; it is not repeated here.
 * - Kink: every kink or jump of the catalogue (ActivationFunction::kinks) with f and f′ as PyTorch
 *   gives them there.
 * At a kink the sign changes are judged between the two pieces: f changing sign across a kink
 * where f is continuous is a zero there (leaky_relu at 0 is both a zero and a kink); f′ changing
 * sign across it, f continuous, a minimum or maximum there (as |x| at 0); f″ changing sign across
 * it, f and f′ continuous, an inflection (softsign at 0), and a gradient peak when |f′| peaks.
 * At most MaxPointsPerKind of each kind. Empty unless a < b are finite.
 */
QList<PointOfInterest> findPointsOfInterest(const ActivationFunction &fn, double a, double b);

/** "zero", "minimum", "maximum", "inflection", "gradient_peak" or "kink", as in JSON exports. */
QString pointKindName(PointKind kind);

/** The kind in the interface language (context "PointsOfInterest"), e.g. "gradient peak". */
QString pointKindDisplayName(PointKind kind);
