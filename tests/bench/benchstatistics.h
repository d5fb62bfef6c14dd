#pragma once

// The statistics of repeated timings that bench_model and bench_window print: one definition, so
// that their medians mean the same and scripts/bench.sh reads both alike.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

/** Median, 95th percentile (nearest rank), min, max and mean of a sample, in its unit. */
struct Stats
{
    double median = std::nan("");
    double p95 = std::nan("");
    double min = std::nan("");
    double max = std::nan("");
    double mean = std::nan("");
};

/** The statistics of v; all NaN when v is empty. An odd count gives a true median. */
inline Stats statsOf(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    s.p95 = v[size_t(std::ceil(0.95 * double(n))) - 1];
    s.min = v.front();
    s.max = v.back();
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(n);
    return s;
}

/** The column heads of printStatsRow(), for timings in ms. */
inline void printStatsHeader()
{
    std::printf("   %-44s %8s %8s %8s %8s %8s\n", "ms", "median", "p95", "min", "max", "mean");
}

/** One row of a table under printStatsHeader(). */
inline void printStatsRow(const char *name, const Stats &s)
{
    std::printf("   %-44s %8.3f %8.3f %8.3f %8.3f %8.3f\n", name, s.median, s.p95, s.min, s.max,
                s.mean);
}
