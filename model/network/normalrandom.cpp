#include "normalrandom.h"

#include <cmath>

namespace {

std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

std::uint64_t NormalRandom::streamSeed(std::uint64_t seed, std::uint64_t stream)
{
    return splitMix64(splitMix64(seed) ^ stream);
}

double NormalRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u, v, s;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double m = std::sqrt(-2 * std::log(s) / s);
    m_spare = v * m;
    m_hasSpare = true;
    return u * m;
}

void NormalRandom::fill(double *out, qsizetype n, double scale)
{
    for (qsizetype i = 0; i < n; ++i)
        out[i] = scale * normal();
}
