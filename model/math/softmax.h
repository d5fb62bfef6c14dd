#pragma once

#include <QList>
#include <QPointF>
#include <QString>

/** The fewest and the most classes the softmax demonstration takes. */
constexpr int MinSoftmaxClasses = 2;
constexpr int MaxSoftmaxClasses = 8;
/** The most samples a sweep takes. */
constexpr int MaxSoftmaxSamples = 100000;

/** A k×k matrix, row by row. */
using SoftmaxMatrix = QList<QList<double>>;

/** Empty when z can go through softmax (2 ≤ k ≤ 8, every logit finite), else why. */
QString checkSoftmaxLogits(const QList<double> &z);

/**
 * s = softmax(z), s_i = exp(z_i − max z) / Σ_j exp(z_j − max z): the max-shift keeps every
 * exponent ≤ 0, so logits of ±1000 neither overflow nor give 0/0. Empty, with *error set, when
 * checkSoftmaxLogits refuses.
 */
QList<double> softmax(const QList<double> &z, QString *error = nullptr);

/**
 * The Jacobian J_ij = ∂s_i/∂z_j = s_i(δ_ij − s_j) from probabilities s. The diagonal
 * s_i(1 − s_i) takes 1 − s_i as Σ_{j≠i} s_j, so that it keeps its relative precision where
 * s_i is close to 1 (1 − s_i would cancel). Symmetric; rows and columns sum to 0.
 */
SoftmaxMatrix softmaxJacobianFromProbabilities(const QList<double> &s);

/** J at the logits z; empty, with *error set, when checkSoftmaxLogits refuses. */
SoftmaxMatrix softmaxJacobian(const QList<double> &z, QString *error = nullptr);

/** The probabilities (and optionally J_iv = ∂s_i/∂z_v) as the logit z_v runs over [x0, x1]. */
struct SoftmaxSweep
{
    int varied = 0;                   ///< v, the index of the varied logit
    QList<double> x;                  ///< the n values of z_v, evenly from x0 to x1 (both included)
    QList<QList<double>> probabilities; ///< probabilities[i][j] = s_i at z_v = x[j]
    QList<QList<double>> derivatives;   ///< derivatives[i][j] = ∂s_i/∂z_v at x[j]; empty unless asked

    int classes() const { return int(probabilities.size()); }
    /** The points (x, s_i) of class i; empty for a bad i. */
    QList<QPointF> probabilityCurve(int i) const;
    /** The points (x, ∂s_i/∂z_v) of class i; empty for a bad i or without derivatives. */
    QList<QPointF> derivativeCurve(int i) const;
};

/** Empty when a sweep can run (valid logits, 0 ≤ v < k, finite x0 < x1, 2 ≤ n ≤ 100000), else why. */
QString checkSoftmaxSweep(const QList<double> &z, int varied, double x0, double x1, int samples);

/**
 * Sweeps z_v over [x0, x1] in `samples` evenly spaced values, the other logits as in z (z_v
 * itself is ignored). An empty sweep, with *error set, when checkSoftmaxSweep refuses.
 */
SoftmaxSweep softmaxSweep(const QList<double> &z, int varied, double x0, double x1, int samples,
                          bool withDerivatives = false, QString *error = nullptr);
