#pragma once

#include <QtGlobal>

#include <cstdint>
#include <random>

/**
 * Standard normal numbers that are the same on every platform for a given seed: std::mt19937_64
 * (fully specified by the C++ standard), its 64-bit output turned into a double in [0, 1) as
 * (u >> 11)·2^−53, and Marsaglia's polar method. std::normal_distribution and
 * std::generate_canonical are implementation-defined, so neither is used. The polar method needs
 * only IEEE arithmetic, sqrt (exact) and log, glibc's within an ulp: two C libraries whose log
 * rounds differently could differ in the last bit of some numbers.
 */
class NormalRandom
{
public:
    /** A generator for one stream of a seed (streamSeed). */
    explicit NormalRandom(std::uint64_t seed) : m_engine(seed) { }

    /**
     * The seed of stream number stream of a master seed: SplitMix64 of both, so that neighbouring
     * seeds and streams give unrelated generators and any stream can be regenerated alone.
     */
    static std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream);

    /** A uniform number in [0, 1) with 53 random bits. */
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    /** A standard normal number. */
    double normal();
    /** n normal numbers with standard deviation scale, in order. */
    void fill(double *out, qsizetype n, double scale);

private:
    std::mt19937_64 m_engine;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};
