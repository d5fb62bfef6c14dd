#pragma once

#include "activationcatalogue.h"

/**
 * PyTorch's losses on one element (reduction 'none'), each as a function of its input — the
 * prediction, probability or logit x — with the target and the loss's options as parameters.
 * Specs have kind FunctionKind::Loss; f is the loss, f′ and f″ its derivatives in x.
 */
namespace LossCatalogue {
const QList<ActivationSpec> &all();
/** The loss with this id, or nullptr. */
const ActivationSpec *find(QStringView id);
/** All ids, comma-separated, for error messages. */
QString idList();
} // namespace LossCatalogue
