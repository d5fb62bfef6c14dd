#pragma once

#include "activationfunction.h"

#include <QList>
#include <QPointF>

#include <atomic>

/** A grid of cells over (σ_w², σ_b²) and the log χ₁ of each (see phaseDiagram). */
struct PhaseDiagram
{
    double weightFrom = 0.0; ///< σ_w² at the grid's left edge
    double weightTo = 4.0;   ///< σ_w² at its right edge
    double biasFrom = 0.0;   ///< σ_b² at its bottom edge
    double biasTo = 0.5;     ///< σ_b² at its top edge
    int columns = 0;         ///< cells along σ_w²
    int rows = 0;            ///< cells along σ_b²
    /** log10 χ of cell (column, row) at index row·columns + column, row 0 at σ_b² = biasFrom;
     * NaN where it is not finite. */
    QList<double> log10Chi;
    /** (σ_w², σ_b²) on the critical line χ₁ = 1, ascending in σ_b², where one exists. */
    QList<QPointF> criticalLine;

    /** The centre of a cell in (σ_w², σ_b²). */
    QPointF cellCentre(int column, int row) const;
    /** log10 χ of the cell that holds (σ_w², σ_b²), or NaN outside the grid. */
    double log10ChiAt(double weightVariance, double biasVariance) const;
};

/** Layers phaseDiagram() follows the variance map through before it settles for q^l. */
constexpr int PhaseDiagramDepth = 100;

/**
 * The phase diagram of φ: at each cell's centre χ = σ_w²·E[φ′(√q z)²] at the variance a deep
 * network settles to, i.e. q^l iterated from q¹ until it converges (relative change below 1e-10:
 * then q ≈ q* and χ = χ₁) or for PhaseDiagramDepth layers, or until q passes 1e100. Where q grows
 * without bound (relu at σ_w² > 2) there is no q* and χ is the factor a layer multiplies
 * gradients by deep in the network; near the critical line, where the iteration converges only
 * like 1/l, χ is within a few percent of χ₁. The exact critical line χ₁ = 1 comes from
 * MeanFieldTheory::criticalWeightVariance at criticalPoints values of σ_b².
 *
 * Cheaper than MeanFieldTheory::chi1 per cell (that polishes q* and searches long for a fixed
 * point that is not there), but still up to a second for 60 × 40 cells: meant for a worker
 * thread, which can stop it through cancel (the result is then incomplete).
 */
PhaseDiagram phaseDiagram(const ActivationFunction &phi, int columns, int rows,
                          int criticalPoints = 41, double weightTo = 4.0, double biasTo = 0.5,
                          const std::atomic<bool> *cancel = nullptr);
