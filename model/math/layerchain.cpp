#include "layerchain.h"

#include "numbertext.h"

#include <cmath>
#include <limits>

QString checkLayerChain(const ActivationSpec &spec, const ParameterValues &p, double w, double x,
                        int layers)
{
    if (const QString reason = spec.validate(p); !reason.isEmpty())
        return reason;
    if (!std::isfinite(w))
        return QStringLiteral("weight w must be a finite number (got %1)")
            .arg(NumberText::brief(w));
    if (!std::isfinite(x))
        return QStringLiteral("input x must be a finite number (got %1)").arg(NumberText::brief(x));
    if (layers < 1 || layers > MaxChainLayers)
        return QStringLiteral("layers must be between 1 and %1 (got %2)").arg(MaxChainLayers).arg(layers);
    return {};
}

QList<LayerChainPoint> layerChain(const ActivationSpec &spec, const ParameterValues &p, double w,
                                  double x, int layers, QString *error)
{
    const QString reason = checkLayerChain(spec, p, w, x, layers);
    if (error)
        *error = reason;
    if (!reason.isEmpty())
        return {};

    QList<LayerChainPoint> points;
    points.reserve(layers);
    double h = x;
    double gradient = 1;
    double log10Gradient = 0;
    for (int k = 1; k <= layers; ++k) {
        const Derivatives d = spec.at(w * h, p);
        const double factor = std::abs(w * d.d1);
        gradient *= factor;
        // Summing logs keeps depth-50 products like 1e-800 readable on a log axis.
        log10Gradient += factor == 0 ? -std::numeric_limits<double>::infinity() : std::log10(factor);
        h = d.f;
        points.append({k, h, gradient, log10Gradient});
    }
    return points;
}
