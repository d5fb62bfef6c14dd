#include "activationbatch.h"

#include <algorithm>
#include <array>

void evaluateActivation(const ActivationFunction &phi, const double *x, double *f, double *d1,
                        qsizetype n)
{
    const ActivationSpec &spec = phi.spec();
    const double *p = phi.parameters().data();
    const AffineMap &map = phi.map();
    if (map.isIdentity()) {
        spec.evaluateBatch(p, x, f, d1, n);
        return;
    }
    const double a = map.inputScale;
    const double c = map.outputScale;
    const double ca = c * a;
    // a·x goes through a buffer on the stack, a chunk at a time.
    constexpr qsizetype Chunk = 256;
    std::array<double, Chunk> ax;
    for (qsizetype start = 0; start < n; start += Chunk) {
        const qsizetype m = std::min(Chunk, n - start);
        for (qsizetype i = 0; i < m; ++i)
            ax[size_t(i)] = a * x[start + i];
        spec.evaluateBatch(p, ax.data(), f + start, d1 + start, m);
        for (qsizetype i = 0; i < m; ++i) {
            f[start + i] = c * f[start + i] + map.outputShift;
            d1[start + i] = ca * d1[start + i];
        }
    }
}
