#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/**
 * Numbers as PyTorch 1.13 prints a tensor with its default print options (precision 4, line
 * width 80): one formatter for the whole tensor, fixed (0.1111), scientific (1.6655e-34) or
 * integer (2.) by the same rules, and every element padded to one width.
 */
namespace TorchFormat {
/** Each value as it appears inside the printed tensor, padded to the common width. */
QStringList elements(const QList<double> &values);
/** The whole tensor, e.g. "tensor([0.0000, 0.1111,\n        1.0000], dtype=torch.float64)". */
QString tensor(const QList<double> &values, bool float64 = true);
} // namespace TorchFormat
