#pragma once

#include "activationcatalogue.h"

#include <QList>
#include <QString>

/** The map x ↦ c·f(a·x) + d around an activation: input scale a, output scale c, shift d. */
struct AffineMap
{
    double inputScale = 1.0;  ///< a
    double outputScale = 1.0; ///< c
    double outputShift = 0.0; ///< d

    bool isIdentity() const { return inputScale == 1.0 && outputScale == 1.0 && outputShift == 0.0; }
    bool operator==(const AffineMap &o) const
    {
        return inputScale == o.inputScale && outputScale == o.outputScale && outputShift == o.outputShift;
    }
    bool operator!=(const AffineMap &o) const { return !(*this == o); }
    /** Empty when a is finite and ≠ 0 and c, d are finite; else the reason. */
    QString check() const;
    /** How the map reads around a name, e.g. "2·sigmoid(2x) − 1"; just name for the identity. */
    QString apply(const QString &name) const;
};

/**
 * One curve to draw and analyse: a catalogue activation with its parameters and an affine map.
 * Derivatives follow by the chain rule: g′ = c·a·f′(a·x), g″ = c·a²·f″(a·x).
 */
class ActivationFunction
{
public:
    ActivationFunction(const ActivationSpec &spec, const ParameterValues &parameters,
                       const AffineMap &map = {})
        : m_spec(&spec), m_parameters(parameters), m_map(map), m_identity(map.isIdentity())
    {
    }

    const ActivationSpec &spec() const { return *m_spec; }
    const ParameterValues &parameters() const { return m_parameters; }
    const AffineMap &map() const { return m_map; }

    /** g, g′ and g″ at x. */
    Derivatives at(double x) const
    {
        if (m_identity)
            return m_spec->evaluate(x, m_parameters.data());
        const double a = m_map.inputScale;
        const double c = m_map.outputScale;
        const Derivatives d = m_spec->evaluate(a * x, m_parameters.data());
        return {c * d.f + m_map.outputShift, c * a * d.d1, c * a * a * d.d2};
    }

    /** The activation's kinks mapped back through a (k/a), ascending. */
    QList<double> kinks() const;
    /** The kinks in [a, b], ascending; with those only a scan of the range finds (kinksWithin). */
    QList<double> kinks(double a, double b) const;
    /** Where g′ ≡ 0: the activation's flat regions mapped through a, or everywhere when c = 0. */
    QList<Interval> flatRegions() const;

private:
    const ActivationSpec *m_spec;
    ParameterValues m_parameters;
    AffineMap m_map;
    bool m_identity;
};
