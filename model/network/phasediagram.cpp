#include "phasediagram.h"

#include "meanfieldtheory.h"

#include <cmath>
#include <limits>

QPointF PhaseDiagram::cellCentre(int column, int row) const
{
    return {weightFrom + (column + 0.5) * (weightTo - weightFrom) / columns,
            biasFrom + (row + 0.5) * (biasTo - biasFrom) / rows};
}

double PhaseDiagram::log10ChiAt(double weightVariance, double biasVariance) const
{
    const double u = (weightVariance - weightFrom) / (weightTo - weightFrom);
    const double v = (biasVariance - biasFrom) / (biasTo - biasFrom);
    if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1) || columns < 1 || rows < 1)
        return std::numeric_limits<double>::quiet_NaN();
    const int column = std::min(columns - 1, int(u * columns));
    const int row = std::min(rows - 1, int(v * rows));
    return log10Chi.value(qsizetype(row) * columns + column, std::numeric_limits<double>::quiet_NaN());
}

PhaseDiagram phaseDiagram(const ActivationFunction &phi, int columns, int rows, int criticalPoints,
                          double weightTo, double biasTo, const std::atomic<bool> *cancel)
{
    PhaseDiagram d;
    d.weightTo = weightTo;
    d.biasTo = biasTo;
    d.columns = std::max(columns, 0);
    d.rows = std::max(rows, 0);
    const auto stopped = [cancel] { return cancel && cancel->load(); };
    const MeanFieldTheory theory(phi);
    d.log10Chi.reserve(qsizetype(d.columns) * d.rows);
    for (int row = 0; row < d.rows; ++row) {
        for (int column = 0; column < d.columns; ++column) {
            const QPointF at = d.cellCentre(column, row);
            const double w = at.x();
            const double b = at.y();
            double q = w + b;
            for (int l = 1; l < PhaseDiagramDepth && std::isfinite(q) && q <= 1e100; ++l) {
                const double next = theory.nextVariance(w, b, q);
                const bool settled = std::abs(next - q) <= 1e-10 * q;
                q = next;
                if (settled)
                    break;
            }
            const double chi = std::isfinite(q) ? theory.chi1AtFixedPoint(w, q) : std::nan("");
            d.log10Chi.append(chi > 0 && std::isfinite(chi) ? std::log10(chi)
                                                            : std::numeric_limits<double>::quiet_NaN());
        }
        if (stopped())
            return d;
    }
    for (int i = 0; i < criticalPoints && !stopped(); ++i) {
        const double b = criticalPoints > 1 ? biasTo * i / (criticalPoints - 1) : 0.0;
        if (const std::optional<double> w = theory.criticalWeightVariance(b); w && *w <= weightTo)
            d.criticalLine.append(QPointF(*w, b));
    }
    return d;
}
