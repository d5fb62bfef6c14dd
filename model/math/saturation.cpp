#include "saturation.h"

#include "rootfinding.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace {

struct Sample
{
    double x = 0;
    double d1 = 0;
    double d2 = 0;
};

// A few hundred points per smooth piece find every sign change of f′ − ε, f′ and f″ that is wider
// than a grid cell; the critical points (f″ = 0) and roots of f′ found between them catch the
// narrower dips. The default scene costs about 1700 evaluations (some 20 µs) this way.
constexpr int GridPoints = 257;
// Room on the stack for the grid (uniform plus asinh) and for the refined samples, so the usual
// analysis allocates nothing but its result.
constexpr qsizetype GridCapacity = 2 * qsizetype(GridPoints);
constexpr qsizetype SampleCapacity = 3 * qsizetype(GridPoints);

bool sameSign(double u, double v)
{
    return std::signbit(u) == std::signbit(v);
}

// Doubles mapped to unsigned integers in the same order. Bisecting those instead of the values
// reaches adjacent doubles in at most 64 steps at any scale, also across 0: boundaries and
// critical points come out to the last bit (a critical point of f′ off by 1e-13 would already
// show in the maximum of a cusp like softsign's).
quint64 orderKey(double x)
{
    quint64 bits;
    std::memcpy(&bits, &x, sizeof bits);
    return (bits >> 63) ? ~bits : bits | (quint64(1) << 63);
}

double fromOrderKey(quint64 key)
{
    const quint64 bits = (key >> 63) ? key & ~(quint64(1) << 63) : ~key;
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

class Analyser
{
public:
    Analyser(const ActivationFunction &fn, double epsilon)
        : m_fn(fn)
        , m_epsilon(epsilon)
    {
    }

    Sample at(double x) const
    {
        const Derivatives d = m_fn.at(x);
        return { x, d.d1, d.d2 };
    }
    // NaN (no derivative, as at the step's jump) is never below ε.
    bool saturated(double d1) const { return std::abs(d1) < m_epsilon; }

    /** Records |f′| at s for the maximum, as found at x; samples must come in ascending x. */
    void consider(const Sample &s, double x)
    {
        const double v = std::abs(s.d1);
        if (v > m_max) {
            m_max = v;
            // Subnormal x (from bisecting onto 0) and −0 read as 0.
            m_maxAt = std::abs(x) < std::numeric_limits<double>::min() ? 0.0 : x;
        }
    }
    void consider(const Sample &s) { consider(s, s.x); }
    bool hasMaximum() const { return m_max >= 0; }
    double maximum() const { return m_max; }
    double maximumAt() const { return m_maxAt; }

    /** Appends to runs the parts of the smooth piece [l, r] where |f′| < ε. */
    void analysePiece(double l, double r, bool leftIsKink, bool rightIsKink, QList<Interval> &runs);

private:
    void appendRootOfD1(const Sample &u, const Sample &v,
                        QVarLengthArray<Sample, SampleCapacity> &out) const;
    /** Narrows [lo, hi] to adjacent doubles, keeping onLoSide(lo) true and onLoSide(hi) false. */
    template<typename Predicate> void bisect(Sample &lo, Sample &hi, Predicate onLoSide) const;

    const ActivationFunction &m_fn;
    double m_epsilon;
    double m_max = -1;
    double m_maxAt = 0;
};

template<typename Predicate> void Analyser::bisect(Sample &lo, Sample &hi, Predicate onLoSide) const
{
    quint64 loKey = orderKey(lo.x);
    quint64 hiKey = orderKey(hi.x);
    while (hiKey - loKey > 1) {
        const quint64 midKey = loKey + (hiKey - loKey) / 2;
        const Sample mid = at(fromOrderKey(midKey));
        if (onLoSide(mid)) {
            lo = mid;
            loKey = midKey;
        } else {
            hi = mid;
            hiKey = midKey;
        }
    }
}

void Analyser::appendRootOfD1(const Sample &u, const Sample &v,
                              QVarLengthArray<Sample, SampleCapacity> &out) const
{
    // f′ changes sign: |f′| dips to zero in between, however narrowly.
    if (u.d1 != 0 && v.d1 != 0 && !std::isnan(u.d1) && !std::isnan(v.d1) && !sameSign(u.d1, v.d1)) {
        Sample lo = u;
        Sample hi = v;
        const bool loNegative = std::signbit(u.d1);
        bisect(lo, hi, [loNegative](const Sample &s) { return std::signbit(s.d1) == loNegative; });
        // Both sides of the root: a dip narrower than any bracket is still seen.
        if (lo.x > u.x)
            out.append(lo);
        if (hi.x < v.x)
            out.append(hi);
    }
}

void Analyser::analysePiece(double l, double r, bool leftIsKink, bool rightIsKink,
                            QList<Interval> &runs)
{
    const double lo = leftIsKink ? RootFinding::insideOf(l, r) : l;
    const double hi = rightIsKink ? RootFinding::insideOf(r, l) : r;
    if (!(lo < hi)) {
        // Narrower than the nudges: one sample decides for the whole piece.
        const Sample s = at(l + (r - l) / 2);
        consider(s);
        if (saturated(s.d1))
            runs.append({ l, r });
        return;
    }

    QVarLengthArray<double, GridCapacity> xs;
    RootFinding::appendScanGrid(lo, hi, GridPoints, xs);
    QVarLengthArray<Sample, GridCapacity> grid;
    for (double x : xs)
        grid.append(at(x));

    // Between consecutive samples of the refined list f′ is monotonic and keeps its sign, so
    // |f′| − ε changes sign at most once there.
    QVarLengthArray<Sample, SampleCapacity> samples;
    for (qsizetype i = 0; i + 1 < grid.size(); ++i) {
        const Sample &u = grid[i];
        const Sample &v = grid[i + 1];
        samples.append(u);
        if (u.d2 != 0 && v.d2 != 0 && !std::isnan(u.d2) && !std::isnan(v.d2)
            && !sameSign(u.d2, v.d2)) {
            // A critical point of f′: both doubles around it, for the maximum and for dips.
            Sample lo = u;
            Sample hi = v;
            const bool loNegative = std::signbit(u.d2);
            bisect(lo, hi,
                   [loNegative](const Sample &s) { return std::signbit(s.d2) == loNegative; });
            appendRootOfD1(u, lo, samples);
            if (lo.x > u.x)
                samples.append(lo);
            appendRootOfD1(lo, hi, samples);
            if (hi.x < v.x)
                samples.append(hi);
            appendRootOfD1(hi, v, samples);
            continue;
        }
        appendRootOfD1(u, v, samples);
    }
    samples.append(grid.last());

    bool inside = saturated(samples.first().d1);
    double runStart = l;
    // A value only approached towards a kink (relu's 1 at 0+) is reported at the kink.
    consider(samples.first(), l);
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const Sample &s = samples[i];
        consider(s, i + 1 == samples.size() ? r : s.x);
        const bool now = saturated(s.d1);
        if (now == inside)
            continue;
        // The run's ends are the outermost doubles where |f′| < ε still holds.
        Sample lo = samples[i - 1];
        Sample hi = s;
        const bool loInside = inside;
        bisect(lo, hi, [this, loInside](const Sample &m) { return saturated(m.d1) == loInside; });
        if (inside)
            runs.append({ runStart, lo.x });
        else
            runStart = hi.x;
        inside = now;
    }
    if (inside)
        runs.append({ runStart, r });
}

QList<double> kinksWithin(const ActivationFunction &fn, double a, double b)
{
    return fn.kinks(a, b);
}

// Splits a run of |f′| < ε into the parts inside a flat region (f′ ≡ 0, "zero") and the rest.
void appendLabelled(const Interval &run, const QList<Interval> &flat,
                    QList<SaturationInterval> &out)
{
    const auto append = [&out](double from, double to, SaturationKind kind) {
        if (from < to)
            out.append({ from, to, kind });
    };
    double cursor = run.from;
    for (const Interval &region : flat) {
        if (region.to < cursor || region.from > run.to)
            continue;
        const double from = std::max(region.from, cursor);
        const double to = std::min(region.to, run.to);
        if (!(from <= to))
            continue;
        append(cursor, from, SaturationKind::Saturated);
        append(from, to, SaturationKind::Zero);
        cursor = std::max(cursor, to);
    }
    append(cursor, run.to, SaturationKind::Saturated);
}

} // namespace

// [a, b] must be finite with a < b (and b − a finite), otherwise the result is empty. An epsilon
// that is not positive finds no intervals, only the maximum.
SaturationResult analyseSaturation(const ActivationSpec &spec, const ParameterValues &p, double a,
                                   double b, double epsilon)
{
    return analyseSaturation(ActivationFunction(spec, p), a, b, epsilon);
}

SaturationResult analyseSaturation(const ActivationFunction &fn, double a, double b, double epsilon)
{
    SaturationResult result;
    result.maxAbsGradientAt = a;
    if (!fn.spec().evaluate || !(a < b) || !std::isfinite(b - a))
        return result;

    Analyser analyser(fn, epsilon);
    const QList<double> kinks = kinksWithin(fn, a, b);

    // Runs of |f′| < ε, piece by piece; a run continues across a kink only when PyTorch's f′ at
    // the kink itself is below ε too (the step's NaN there splits its flat halves).
    QList<Interval> runs;
    double left = a;
    bool leftIsKink = !kinks.isEmpty() && kinks.first() == a;
    bool kinkSaturated = false;
    if (leftIsKink) {
        const Sample k = analyser.at(a);
        analyser.consider(k);
    }
    qsizetype next = leftIsKink ? 1 : 0;
    while (left < b) {
        const bool rightIsKink = next < kinks.size();
        const double right = rightIsKink ? kinks[next] : b;
        QList<Interval> pieceRuns;
        analyser.analysePiece(left, right, leftIsKink, rightIsKink, pieceRuns);
        for (const Interval &run : std::as_const(pieceRuns)) {
            if (!runs.isEmpty() && kinkSaturated && runs.last().to == left && run.from == left)
                runs.last().to = run.to;
            else
                runs.append(run);
        }
        if (rightIsKink) {
            const Sample k = analyser.at(right);
            analyser.consider(k);
            kinkSaturated = analyser.saturated(k.d1);
        }
        left = right;
        leftIsKink = rightIsKink;
        ++next;
    }

    const QList<Interval> flat = fn.flatRegions();
    for (const Interval &run : std::as_const(runs))
        appendLabelled(run, flat, result.intervals);

    double zero = 0;
    double saturated = 0;
    for (const SaturationInterval &interval : std::as_const(result.intervals))
        (interval.kind == SaturationKind::Zero ? zero : saturated) += interval.length();
    result.zeroFraction = zero / (b - a);
    result.saturatedFraction = saturated / (b - a);
    if (analyser.hasMaximum()) {
        result.maxAbsGradient = analyser.maximum();
        result.maxAbsGradientAt = analyser.maximumAt();
    }
    return result;
}

QString saturationKindName(SaturationKind kind)
{
    switch (kind) {
    case SaturationKind::Zero:
        return QStringLiteral("zero");
    case SaturationKind::Saturated:
        return QStringLiteral("saturated");
    }
    return QString();
}
