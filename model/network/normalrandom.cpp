#include "normalrandom.h"

#include <array>
#include <cmath>
#include <limits>

namespace {

std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Compile-time exp, log and sqrt from IEEE +, −, ×, ÷ alone: every compiler evaluates these
// constant expressions with correctly rounded double arithmetic, so the tables below are the same
// bits whatever the C library. Accurate to a few ulp on the ranges used (the tests compare them
// with std::exp, std::log and std::sqrt).
constexpr double Ln2High = 0x1.62e42fefa3800p-1; // ln 2 = Ln2High + Ln2Low, Ln2High·k exact
constexpr double Ln2Low = 0x1.ef35793c76730p-45;

/** e^x for x in [−60, 1]: x = k·ln 2 + r with |r| ≤ ln 2 / 2, Taylor in r, then 2^k. */
constexpr double constExp(double x)
{
    const double t = x * 1.4426950408889634; // x / ln 2
    const int k = int(t < 0 ? t - 0.5 : t + 0.5);
    const double r = (x - k * Ln2High) - k * Ln2Low;
    double p = 1;
    for (int n = 24; n >= 1; --n)
        p = 1 + r * p / n;
    for (int i = 0; i < k; ++i)
        p *= 2;
    for (int i = 0; i > k; --i)
        p *= 0.5;
    return p;
}

/** ln y for y > 0 (normal): y = m·2^e with m in [√½, √2], ln m = 2 atanh((m − 1)/(m + 1)). */
constexpr double constLog(double y)
{
    int e = 0;
    while (y < 0.70710678118654752) {
        y *= 2;
        --e;
    }
    while (y > 1.4142135623730950) {
        y *= 0.5;
        ++e;
    }
    const double s = (y - 1) / (y + 1);
    const double s2 = s * s;
    double series = 0; // s²/3 + s⁴/5 + …, 30 terms: s² ≤ 0.03
    for (int n = 30; n >= 1; --n)
        series = s2 * (1.0 / (2 * n + 1) + series);
    return e * Ln2High + (e * Ln2Low + (2 * s + 2 * s * series));
}

/** √x for x ≥ 0 (x ≤ 2^60): Newton from above, a fixed number of steps. */
constexpr double constSqrt(double x)
{
    if (x == 0)
        return 0;
    double y = x > 1 ? x : 1;
    for (int i = 0; i < 80; ++i)
        y = 0.5 * (y + x / y);
    return y;
}

constexpr double R = NormalRandom::TailStart;
constexpr int N = NormalRandom::Layers;

/**
 * V, the area of each layer: the base layer's rectangle R·f(R) plus the tail ∫_R^∞ f, which is
 * f(R)/(R + 1/(R + 2/(R + 3/(R + …)))) (Laplace's continued fraction, evaluated from depth 200).
 */
constexpr double layerAreaOf(double r)
{
    double fraction = r;
    for (int n = 200; n >= 1; --n)
        fraction = r + n / fraction;
    return constExp(-0.5 * r * r) * (r + 1 / fraction);
}

constexpr double V = layerAreaOf(R);

struct Ziggurat
{
    std::array<double, N + 1> x{}; ///< layer i spans [0, x_i] × [f(x_i), f(x_{i+1})]
    std::array<double, N + 1> f{}; ///< f(x_i) = e^{−x_i²/2}; f(x_0) is unused
};

/** x_1 = R, x_{i+1} = f⁻¹(f(x_i) + V/x_i), x_N = 0; x_0 = V/f(R) makes layer 0 hold its tail. */
constexpr Ziggurat makeZiggurat()
{
    Ziggurat z;
    z.x[0] = V / constExp(-0.5 * R * R);
    z.x[1] = R;
    z.f[1] = constExp(-0.5 * R * R);
    for (int i = 1; i < N - 1; ++i) {
        z.x[i + 1] = constSqrt(-2 * constLog(z.f[i] + V / z.x[i]));
        z.f[i + 1] = constExp(-0.5 * z.x[i + 1] * z.x[i + 1]);
    }
    z.x[N] = 0;
    z.f[N] = 1;
    z.f[0] = 0;
    return z;
}

constexpr Ziggurat Table = makeZiggurat();
static_assert(Table.x[N - 1] > 0.2152 && Table.x[N - 1] < 0.2153, "the ziggurat's top layer");

} // namespace

std::uint64_t NormalRandom::streamSeed(std::uint64_t seed, std::uint64_t stream)
{
    return splitMix64(splitMix64(seed) ^ stream);
}

double NormalRandom::layerEdge(int i)
{
    return i >= 0 && i <= N ? Table.x[size_t(i)] : std::numeric_limits<double>::quiet_NaN();
}

double NormalRandom::layerArea()
{
    return V;
}

// Beyond R (Marsaglia 1964): R + a with a = −ln(U₁)/R accepted when −2 ln(U₂) > a². U in (0, 1].
double NormalRandom::tail(bool negative)
{
    double a, b;
    do {
        a = -std::log(1 - uniform()) / R;
        b = -std::log(1 - uniform());
    } while (b + b < a * a);
    return negative ? -(R + a) : R + a;
}

inline double NormalRandom::draw()
{
    for (;;) {
        const std::uint64_t bits = m_engine();
        const unsigned i = unsigned(bits & 0xFF);
        // The high 53 bits as a signed uniform in [−1, 1): exact in double.
        const double u = (double(bits >> 11) - 0x1.0p52) * 0x1.0p-52;
        const double z = u * Table.x[i];
        if (std::abs(z) < Table.x[i + 1])
            return z; // inside the layer's rectangle under the curve (layer 0: |z| < R)
        if (i == 0)
            return tail(u < 0);
        // The wedge between the rectangle and the curve: a point uniform in the layer's strip.
        const double y = Table.f[i] + uniform() * (Table.f[i + 1] - Table.f[i]);
        if (y < std::exp(-0.5 * z * z))
            return z;
    }
}

double NormalRandom::normal()
{
    return draw();
}

void NormalRandom::fill(double *out, qsizetype n, double scale)
{
    for (qsizetype i = 0; i < n; ++i)
        out[i] = scale * draw();
}
