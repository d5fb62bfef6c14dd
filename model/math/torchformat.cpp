#include "torchformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

constexpr int Precision = 4;
constexpr int LineWidth = 80;

QString printf(const char *format, double v)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, v);
    return QString::fromLatin1(buffer);
}

QString nonFinite(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
}

/** torch/_tensor_str.py's _Formatter for a floating tensor. */
class Formatter
{
public:
    explicit Formatter(const QList<double> &values)
    {
        QList<double> nonzeroFinite;
        for (double v : values) {
            if (std::isfinite(v) && v != 0.0)
                nonzeroFinite.append(v);
        }
        if (nonzeroFinite.isEmpty())
            return; // integer mode, width 1: "0.", "nan"
        double lo = std::fabs(nonzeroFinite.first());
        double hi = lo;
        for (double v : nonzeroFinite) {
            lo = std::min(lo, std::fabs(v));
            hi = std::max(hi, std::fabs(v));
            if (v != std::ceil(v))
                m_intMode = false;
        }
        if (m_intMode) {
            m_sciMode = hi / lo > 1000.0 || hi > 1e8;
            for (double v : nonzeroFinite)
                m_width = std::max(m_width, int(m_sciMode ? sci(v).size() : printf("%.0f", v).size() + 1));
        } else {
            m_sciMode = hi / lo > 1000.0 || hi > 1e8 || lo < 1e-4;
            for (double v : nonzeroFinite)
                m_width = std::max(m_width, int(m_sciMode ? sci(v).size() : fixed(v).size()));
        }
    }

    int width() const { return m_width; }

    QString format(double v) const
    {
        QString text;
        if (!std::isfinite(v))
            text = nonFinite(v);
        else if (m_sciMode)
            text = sci(v);
        else if (m_intMode)
            text = printf("%.0f", v) + QLatin1Char('.');
        else
            text = fixed(v);
        return text.rightJustified(m_width, QLatin1Char(' '));
    }

private:
    static QString sci(double v) { return printf("%.4e", v); }
    static QString fixed(double v) { return printf("%.4f", v); }

    bool m_intMode = true;
    bool m_sciMode = false;
    int m_width = 1;
};

} // namespace

QStringList TorchFormat::elements(const QList<double> &values)
{
    const Formatter formatter(values);
    QStringList out;
    out.reserve(values.size());
    for (double v : values)
        out << formatter.format(v);
    return out;
}

QString TorchFormat::tensor(const QList<double> &values, bool float64)
{
    static_assert(Precision == 4, "the formats above print four digits");
    const Formatter formatter(values);
    const QStringList items = elements(values);
    constexpr int Indent = 7; // "tensor("
    const int perLine = std::max(1, (LineWidth - Indent) / (formatter.width() + 2));
    QStringList lines;
    for (qsizetype i = 0; i < items.size(); i += perLine)
        lines << items.mid(i, perLine).join(QLatin1String(", "));
    const QString separator = QLatin1String(",\n") + QString(Indent + 1, QLatin1Char(' '));
    QString text = QLatin1String("tensor([") + lines.join(separator) + QLatin1Char(']');
    if (float64)
        text += QLatin1String(", dtype=torch.float64");
    return text + QLatin1Char(')');
}
