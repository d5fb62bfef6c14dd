#include "networksettings.h"

#include "numbertext.h"

#include <QCoreApplication>

#include <cmath>

namespace {

QString checkVariance(const char *what, double v)
{
    if (std::isfinite(v) && v >= 0)
        return {};
    return QCoreApplication::translate("NetworkSettings", "%1 must be a finite number ≥ 0 (got %2)")
        .arg(QCoreApplication::translate("NetworkSettings", what), NumberText::brief(v));
}

QString checkCount(const char *what, int value, int min, int max)
{
    if (value >= min && value <= max)
        return {};
    return QCoreApplication::translate("NetworkSettings", "%1 must be between %2 and %3 (got %4)")
        .arg(QCoreApplication::translate("NetworkSettings", what))
        .arg(min)
        .arg(max)
        .arg(value);
}

} // namespace

QString checkNetworkSettings(const NetworkSettings &settings)
{
    for (const QString &reason :
         {checkVariance(QT_TRANSLATE_NOOP("NetworkSettings", "weight variance σ_w²"),
                        settings.weightVariance),
          checkVariance(QT_TRANSLATE_NOOP("NetworkSettings", "bias variance σ_b²"),
                        settings.biasVariance),
          checkCount(QT_TRANSLATE_NOOP("NetworkSettings", "depth"), settings.depth, 1,
                     MaxNetworkDepth),
          checkCount(QT_TRANSLATE_NOOP("NetworkSettings", "width"), settings.width,
                     MinNetworkWidth, MaxNetworkWidth),
          checkCount(QT_TRANSLATE_NOOP("NetworkSettings", "batch size"), settings.batch, 1,
                     MaxNetworkBatch)}) {
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}
