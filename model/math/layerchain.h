#pragma once

#include "activationcatalogue.h"

#include <QList>
#include <QString>

/** The deepest chain the demonstration offers. */
constexpr int MaxChainLayers = 50;

/** One depth k of the chain y = f(w·…f(w·x)): h_k and |∂h_k/∂x|, also as log10. */
struct LayerChainPoint
{
    int depth = 0;             ///< k, from 1
    double value = 0;          ///< h_k = f(w·h_{k−1}), h_0 = x
    double gradient = 0;       ///< |∂h_k/∂x| = Π_{j≤k} |w·f′(w·h_{j−1})|; may underflow to 0
    double log10Gradient = 0;  ///< Σ_{j≤k} log10|w·f′(w·h_{j−1})|: finite where gradient underflows,
                               ///< −inf once a factor is exactly 0

    bool operator==(const LayerChainPoint &o) const
    {
        return depth == o.depth && value == o.value && gradient == o.gradient
                && log10Gradient == o.log10Gradient;
    }
};

/** Empty when the chain can be computed (parameters valid, w and x finite, 1 ≤ layers ≤ 50), else why. */
QString checkLayerChain(const ActivationSpec &spec, const ParameterValues &p, double w, double x,
                        int layers);

/** h_k and the gradient for k = 1…layers; empty, with *error set, when checkLayerChain refuses. */
QList<LayerChainPoint> layerChain(const ActivationSpec &spec, const ParameterValues &p, double w,
                                  double x, int layers, QString *error = nullptr);
