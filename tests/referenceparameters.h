#pragma once

#include "activationcatalogue.h"
#include "referencenumbers.h"

#include <QStringList>

/** Parses a reference table's "name=value;name=value" (PyTorch's names; a choice takes its word). */
inline ParameterValues parseReferenceParameters(const ActivationSpec &spec, const QString &text)
{
    ParameterValues p = spec.defaults();
    const QStringList pairs = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        const QString value = pair.section(QLatin1Char('='), 1);
        const int i = spec.parameterIndex(name);
        if (i < 0)
            qFatal("unknown parameter %s for %s", qPrintable(name), qPrintable(spec.id));
        const ParameterSpec &ps = spec.parameters[i];
        p[size_t(i)] = ps.domain == ParameterDomain::Choice ? double(ps.choices.indexOf(value))
                                                            : parseReferenceNumber(value);
    }
    return p;
}
