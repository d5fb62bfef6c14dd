#pragma once

#include <QtGlobal>

#include <cstdint>
#include <random>

/**
 * Standard normal numbers that are the same on every platform for a given seed: std::mt19937_64
 * (fully specified by the C++ standard) and Marsaglia and Tsang's ziggurat (2000) with 256
 * layers. std::normal_distribution and std::generate_canonical are implementation-defined, so
 * neither is used.
 *
 * Each normal starts from one 64-bit output u of the engine: its low 8 bits pick a layer i, its
 * high 53 bits a signed uniform in [−1, 1) (((u >> 11) − 2^52)·2^−52), times the layer's edge
 * x_i. About 98.5 % of the draws stop there, with one multiplication and one comparison. The
 * rest test the wedge against exp(−z²/2) with a second uniform, or (layer 0) draw from the tail
 * beyond R = 3.6541528853610088 by Marsaglia's exponential method (two logs a try).
 *
 * Reproducibility: the tables (x_i and e^{−x_i²/2}) are computed at compile time from R alone with
 * IEEE +, −, ×, ÷ only (series for exp and log, Newton for sqrt, a continued fraction for the
 * tail's area: normalrandom.cpp), so they do not depend on the C library. The numbers use
 * std::exp (about one draw in 70, to accept or reject a wedge point: only the comparison's outcome
 * counts) and std::log (about one in 3900, the tail's value): the same seed gives bit-identical
 * numbers on every machine whose C library rounds exp and log alike (glibc's are the same on
 * every x86-64 and within an ulp); two C libraries could differ at most in those rare numbers.
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
    /** n normal numbers with standard deviation scale, in order: scale·normal() each. */
    void fill(double *out, qsizetype n, double scale);

    /** The ziggurat's layers, and where its tail starts (R). */
    static constexpr int Layers = 256;
    static constexpr double TailStart = 3.6541528853610088;
    /**
     * The ziggurat's table, for tests: x_i for i = 0…Layers (x_0 = V/f(R) the base layer's
     * width with its tail, x_1 = R, …, x_Layers = 0) with f(x) = e^{−x²/2}, and V the area of
     * every layer (layerArea()). Out of range: NaN.
     */
    static double layerEdge(int i);
    static double layerArea();

private:
    double draw();
    double tail(bool negative);

    std::mt19937_64 m_engine;
};
