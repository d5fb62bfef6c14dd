#pragma once

// Reading the reference tables in tests/data: numbers as Python writes them, and the
// tolerance rule of tests/data/README.md.

#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <limits>

/** A number of a reference table: Python's repr, "nan", "inf" or "-inf"; a malformed one is fatal. */
inline double parseReferenceNumber(const QString &s)
{
    if (s == QLatin1String("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (s == QLatin1String("inf"))
        return std::numeric_limits<double>::infinity();
    if (s == QLatin1String("-inf"))
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok)
        qFatal("not a number in a reference table: %s", qPrintable(s));
    return v;
}

/** got agrees with ref within tol·max(1, |ref|); a NaN reference wants NaN. */
inline bool closeToReference(double got, double ref, double tol)
{
    if (std::isnan(ref))
        return std::isnan(got);
    return std::fabs(got - ref) <= tol * std::max(1.0, std::fabs(ref));
}
