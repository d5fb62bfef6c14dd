#pragma once

// Reading tests/data/network-reference.csv (scripts/make_network_reference.py).

#include "activationcatalogue.h"
#include "referenceparameters.h"

#include <QFile>
#include <QList>
#include <QTextStream>

/** One row: a quantity of the mean-field theory for one activation. */
struct NetworkReferenceRow
{
    QString quantity; ///< phi2, dphi2, q, fixed_point, chi1, critical_weight_variance
    QString function; ///< the catalogue id
    QString params;   ///< as written, "name=value;…"
    ParameterValues parameters{};
    double weightVariance = 0;
    double biasVariance = 0;
    double q = 0;
    int layer = 0;
    double value = 0;

    QString label() const
    {
        return QStringLiteral("%1 %2(%3) sw=%4 sb=%5 q=%6 l=%7")
            .arg(quantity, function, params)
            .arg(weightVariance)
            .arg(biasVariance)
            .arg(q)
            .arg(layer);
    }
};

/** The rows of the reference table; a missing or malformed table is fatal. */
inline QList<NetworkReferenceRow> networkReference()
{
    QFile file(QStringLiteral(AE_TEST_DATA_DIR "/network-reference.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QTextStream in(&file);
    in.readLine(); // header
    QList<NetworkReferenceRow> rows;
    const auto number = [](const QString &s) { return s.isEmpty() ? 0.0 : parseReferenceNumber(s); };
    while (!in.atEnd()) {
        const QStringList c = in.readLine().split(QLatin1Char(','));
        if (c.size() != 8)
            qFatal("malformed row in network-reference.csv");
        NetworkReferenceRow r;
        r.quantity = c[0];
        r.function = c[1];
        r.params = c[2];
        const ActivationSpec *spec = ActivationCatalogue::find(r.function);
        if (!spec)
            qFatal("unknown function %s", qPrintable(r.function));
        r.parameters = parseReferenceParameters(*spec, r.params);
        r.weightVariance = number(c[3]);
        r.biasVariance = number(c[4]);
        r.q = number(c[5]);
        r.layer = c[6].isEmpty() ? 0 : c[6].toInt();
        r.value = parseReferenceNumber(c[7]);
        rows << r;
    }
    return rows;
}
