#pragma once

// The activation φ of the network tests: a catalogue entry by id, at its defaults or given values.

#include "activationfunction.h"

/** The catalogue function id with parameter values p (PyTorch's defaults when p is null). */
inline ActivationFunction catalogueActivation(const QString &id, const ParameterValues *p = nullptr)
{
    const ActivationSpec *spec = ActivationCatalogue::find(id);
    if (!spec)
        qFatal("unknown function %s", qPrintable(id));
    return {*spec, p ? *p : spec->defaults()};
}
