#pragma once

#include <QList>
#include <QString>

/**
 * A weight initialisation scheme as the variances the mean-field theory needs: σ_w² (the weight
 * variance times the fan-in N) and σ_b², with where the numbers come from. Uniform schemes enter
 * through their variance; at large width the pre-activations are Gaussian either way.
 */
struct InitializationPreset
{
    QString id;                        ///< e.g. "kaiming_normal"
    QString name;                      ///< e.g. "Kaiming/He normal", in English
    QString source;                    ///< the definition the numbers come from, in English
    double weightVariance = 0.0;       ///< σ_w²
    double biasVarianceTimesWidth = 0.0; ///< σ_b²·N: σ_b² depends on the width only for PyTorch's default

    /** σ_b² at width N (fan-in N). */
    double biasVariance(int width) const { return biasVarianceTimesWidth / width; }
};

/** The presets, PyTorch's default nn.Linear first. */
namespace InitializationPresets {
const QList<InitializationPreset> &all();
/** The preset with this id, or nullptr. */
const InitializationPreset *find(QStringView id);
} // namespace InitializationPresets
