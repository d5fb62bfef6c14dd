#pragma once

#include "activationcatalogue.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class SceneModel;

/** The shortest text that reads back as exactly v ("0.1", "1e-08"); "nan", "inf" or "-inf". */
QByteArray exportNumber(double v);

/** A function's parameters for a JSON report: {name: number, or the word of a choice}. */
QJsonObject parametersJson(const ActivationSpec &spec, const ParameterValues &values);

/** One name per row: the id, and from its second occurrence on "<id>#2", "<id>#3", … */
QStringList functionKeys(const SceneModel &scene);

/**
 * f, f′ and f″ of every row at each x, as CSV: a header "x,<key>,<key>_grad,<key>_grad2,…" with
 * the keys of functionKeys(), then one line per x. Numbers round-trip; "nan" where a value is NaN.
 */
QByteArray sceneToCsv(const SceneModel &scene, const QList<double> &xs);

/**
 * The scene's saturation analysis as an indented JSON report:
 * {"format": "activation-explorer-report", "version": 1, "x_min", "x_max", "epsilon",
 *  "functions": [{"id", "label", "parameters": {name: number, or the word of a choice},
 *                 "intervals": [{"from", "to", "kind": "zero" | "saturated"}],
 *                 "zero_fraction", "saturated_fraction", "saturated_fraction_total",
 *                 "max_abs_grad": {"value", "x"},
 *                 "points": [{"kind", "x", "y", and "grad" for gradient_peak and kink}]}]}
 * saturated_fraction counts the "saturated" intervals only; saturated_fraction_total adds the
 * "zero" ones (the share of the range where |f′| < ε). points are findPointsOfInterest() on the
 * open range (x_min, x_max), ascending in x: kind "zero", "minimum", "maximum", "inflection",
 * "gradient_peak" or "kink", y = f(x), grad = f′(x) (PyTorch's value at a kink; null where it has
 * none, as at step's jump). Doubles round-trip.
 */
QByteArray sceneToJson(const SceneModel &scene);

/**
 * Writes data to path through a temporary file that replaces path only once complete, so a
 * failure leaves an existing file as it was and no partial file behind. On failure returns false
 * and sets *error to a message naming the path and the reason.
 */
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error = nullptr);
