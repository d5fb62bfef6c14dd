#pragma once

#include "activationcatalogue.h"

#include <QList>
#include <QPointF>
#include <QString>

/** One iterate of gradient descent: θ_k with ∂L/∂θ and L at θ_k. */
struct GradientDescentStep
{
    int step = 0;        ///< k, 0 for the start
    double theta = 0;    ///< θ_k
    double gradient = 0; ///< ∂L/∂θ at θ_k = (ŷ − y)·f′(θ_k·x)·x
    double loss = 0;     ///< L(θ_k) = ½(ŷ − y)², ŷ = f(θ_k·x)

    bool operator==(const GradientDescentStep &o) const
    {
        return step == o.step && theta == o.theta && gradient == o.gradient && loss == o.loss;
    }
};

/** What a run starts from: activation, fixed input x, target y, learning rate η and θ₀. */
struct GradientDescentSetup
{
    const ActivationSpec *spec = nullptr;
    ParameterValues parameters{};
    double x = 1;
    double target = 0;
    double learningRate = 0.1;
    double theta0 = 0;

    /** Empty when the run can start (an activation, valid parameters, finite numbers, η > 0), else why. */
    QString check() const;
};

/**
 * One neuron with one parameter, ŷ = f(θ·x), trained on L = ½(ŷ − y)² by θ ← θ − η·∂L/∂θ.
 * history() starts with θ₀ and grows by one entry per step().
 */
class GradientDescent
{
public:
    /** The most steps a run takes; step() refuses beyond, so an animation cannot grow memory forever. */
    static constexpr int MaxSteps = 100000;

    GradientDescent() = default;

    /** Starts a new run; on a refused setup returns the reason and keeps the current run. */
    QString setup(const GradientDescentSetup &setup);
    const GradientDescentSetup &currentSetup() const { return m_setup; }
    /** True once a setup was accepted. */
    bool isValid() const { return !m_history.isEmpty(); }

    /** Takes one step; false (and nothing recorded) without a setup, at MaxSteps or once θ is not finite. */
    bool step();
    /** Takes up to n steps; returns how many were taken. */
    int steps(int n);
    /** Back to θ₀ with the same setup. */
    void reset();

    /** θ_0 … θ_k with their gradient and loss. */
    const QList<GradientDescentStep> &history() const { return m_history; }
    /** The latest iterate (a default one without a setup). */
    GradientDescentStep current() const { return m_history.isEmpty() ? GradientDescentStep{} : m_history.last(); }

    /** L(θ) for the current setup (NaN without one). */
    double loss(double theta) const;
    /** ∂L/∂θ at θ for the current setup (NaN without one). */
    double gradient(double theta) const;

    /** `samples` points (θ, L(θ)) evenly over [from, to], leaving out non-finite losses;
     * empty, with *error set, for a bad range or without a setup. */
    QList<QPointF> lossCurve(double from, double to, int samples = 401, QString *error = nullptr) const;

private:
    GradientDescentStep evaluate(int k, double theta) const;

    GradientDescentSetup m_setup;
    QList<GradientDescentStep> m_history;
};
