#pragma once

// Helpers the analyses of a curve share (saturation.cpp, pointsofinterest.cpp): the x just inside
// a smooth piece next to a kink, the grid that brackets sign changes, and the bracketing solver.

#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <utility>

namespace RootFinding {

/** Relative precision of a refined root: |x − x*| ≤ Precision·max(1, |x*|). */
constexpr double Precision = 1e-12;

/**
 * The x just inside a piece next to a kink, so the piece's own formula is evaluated, not
 * PyTorch's convention at the kink. A few ulps, not one: a kink like softplus' threshold/beta is
 * itself rounded, and the branch test in the formula may land on the other side of it.
 */
inline double insideOf(double kink, double towards)
{
    const double step = std::max(4 * std::numeric_limits<double>::epsilon() * std::abs(kink),
                                 std::numeric_limits<double>::min());
    return towards > kink ? kink + step : kink - step;
}

/** Beyond this width a uniform grid gets too coarse near the origin, where the features are. */
constexpr double WideWidth = 64;

/**
 * Appends to xs (empty) points ascending grid points over [lo, hi], both ends included; over a
 * range wider than WideWidth a grid uniform in asinh x is merged in.
 */
template<class Container> void appendScanGrid(double lo, double hi, int points, Container &xs)
{
    const double width = hi - lo;
    xs.append(lo);
    for (int i = 1; i < points - 1; ++i)
        xs.append(lo + width * i / (points - 1));
    if (width > WideWidth) {
        const double tLo = std::asinh(lo);
        const double tHi = std::asinh(hi);
        const auto uniformEnd = xs.size();
        for (int i = 1; i < points - 1; ++i) {
            const double x = std::sinh(tLo + (tHi - tLo) * i / (points - 1));
            if (x > lo && x < hi)
                xs.append(x);
        }
        std::inplace_merge(xs.begin() + 1, xs.begin() + uniformEnd, xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    }
    xs.append(hi);
}

/**
 * The root of g in [lo, hi], where g(lo) = glo and g(hi) = ghi differ in sign, refined by TOMS 748
 * to within Precision·max(1, |x|); null when g turns NaN inside or the solver gives up.
 */
template<class G>
std::optional<double> refineRoot(G g, double lo, double hi, double glo, double ghi)
{
    if (lo > hi) {
        std::swap(lo, hi);
        std::swap(glo, ghi);
    }
    // A tenth of the target width: the midpoint then lies well inside it.
    const auto narrow = [](double u, double v) {
        return std::abs(v - u)
            <= 0.1 * Precision * std::max(1.0, std::min(std::abs(u), std::abs(v)));
    };
    std::uintmax_t iterations = 200;
    try {
        const auto bracket
            = boost::math::tools::toms748_solve(g, lo, hi, glo, ghi, narrow, iterations);
        if (!narrow(bracket.first, bracket.second) && g(bracket.first) != 0
            && g(bracket.second) != 0)
            return std::nullopt;
        // An end where g is exactly 0 is the root itself.
        if (g(bracket.first) == 0)
            return bracket.first;
        if (g(bracket.second) == 0)
            return bracket.second;
        return bracket.first + 0.5 * (bracket.second - bracket.first);
    } catch (const std::exception &) {
        // Boost's evaluation_error: g turned NaN inside the bracket.
        return std::nullopt;
    }
}

} // namespace RootFinding
