// libFuzzer target: bytes → QString (UTF-8, and UTF-16 when the length is even) → Expression::parse
// → on success, evaluate and look for kinks at a few x. Any crash, sanitizer report, hang or broken
// promise (an error without a position, an expression beyond the limits) is a finding.
#include "expression.h"

#include <QString>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void check(const QString &text)
{
    Expression::Error error;
    const Expression e = Expression::parse(text, &error);
    if (!e.isValid()) {
        require(error.isError());
        require(error.position >= 0 && error.position <= text.size());
        require(!error.message.isEmpty());
        require(std::isnan(e.evaluate(0.0).f));
        return;
    }
    require(!error.isError());
    require(text.size() <= Expression::MaxLength);
    require(e.parameterNames().size() <= MaxParameters);
    require(e.nodeCount() > 0 && e.nodeCount() <= Expression::MaxNodes);
    const double p[MaxParameters] = {1.0, -0.5, 2.0, 0.0, 3.0, -2.0, 0.25, 7.0};
    const double inf = std::numeric_limits<double>::infinity();
    for (const double x : {-3.0, -1.0, -0.0, 0.0, 0.5, 1.0, 2.5, 30.0, inf, -inf, std::nan("")}) {
        const Derivatives d = e.evaluate(x, p);
        (void)d;
    }
    (void)e.evaluate(0.5);
    const QList<double> kinks = e.kinks(p);
    for (qsizetype i = 1; i < kinks.size(); ++i)
        require(kinks[i - 1] < kinks[i]);
    // with a range: the scan behind non-affine arguments too, inside the range, ascending
    const QList<double> within = e.kinks(p, -10.0, 10.0);
    for (qsizetype i = 0; i < within.size(); ++i) {
        require(within[i] >= -10.0 && within[i] <= 10.0);
        require(i == 0 || within[i - 1] < within[i]);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    check(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (size % 2 == 0)
        check(QString::fromUtf16(reinterpret_cast<const char16_t *>(data), qsizetype(size / 2)));
    return 0;
}
