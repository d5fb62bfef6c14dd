#pragma once

#include "networksettings.h"

#include <QSize>
#include <QString>

#include <cstdint>

class SceneModel;

/**
 * `--network --export net.png`: the Deep Network at Initialization demonstration's depth chart
 * (log q^l and r^l against l: theory as lines, NetworkPanel::Seeds simulations from seed on as
 * dots with their spread) for the scene's first function, at size (logical px) × scale, written
 * atomically to path. Runs the simulations first (an event loop until they finish). False with
 * *error set when the function is not an activation, the settings are refused or the file cannot
 * be written.
 */
bool exportNetworkChart(SceneModel &scene, const NetworkSettings &settings, std::uint64_t seed,
                        const QSize &size, int scale, const QString &path,
                        QString *error = nullptr);
