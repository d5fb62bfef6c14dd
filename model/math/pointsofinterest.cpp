#include "pointsofinterest.h"

#include "rootfinding.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

// Grid points over the range that bracket the sign changes: a feature narrower than
// (b − a)/4096 (or than the asinh grid's spacing near 0 on a wide range) can be missed.
constexpr int ScanPoints = 4097;
// f or f′ counts as continuous across a kink when its two sides agree this closely: a jump, even
// a small one such as softplus' e^−threshold at threshold/beta, is not passed through.
constexpr double ContinuityTolerance = 1e-9;

// By PointKind: the name in JSON exports and the one shown.
struct KindName
{
    const char *json;
    const char *display;
};
constexpr std::array<KindName, 6> KindNames { {
    { "zero", QT_TRANSLATE_NOOP("PointsOfInterest", "zero") },
    { "minimum", QT_TRANSLATE_NOOP("PointsOfInterest", "minimum") },
    { "maximum", QT_TRANSLATE_NOOP("PointsOfInterest", "maximum") },
    { "inflection", QT_TRANSLATE_NOOP("PointsOfInterest", "inflection") },
    { "gradient_peak", QT_TRANSLATE_NOOP("PointsOfInterest", "gradient peak") },
    { "kink", QT_TRANSLATE_NOOP("PointsOfInterest", "kink") },
} };

bool strictlyOpposite(double u, double v)
{
    return (u < 0 && v > 0) || (u > 0 && v < 0);
}

bool continuous(double u, double v)
{
    return std::abs(u - v) <= ContinuityTolerance * std::max({ 1.0, std::abs(u), std::abs(v) });
}

class Finder
{
public:
    explicit Finder(const ActivationFunction &fn)
        : m_fn(fn)
    {
    }

    /** Scans the samples of one smooth piece for sign changes of f, f′ and f″. */
    void scanPiece(const QList<double> &xs);
    /** The kink at k between the pieces ending at left and starting at right. */
    void kink(double k, double left, double right);

    QList<PointOfInterest> result();

private:
    void scanOrder(int order, const QList<double> &xs, const QList<Derivatives> &ds);
    /** f″ changes sign at x from rising: an inflection, and a gradient peak where |f′| peaks. */
    void addInflection(double x, const Derivatives &d, double d1Left, double d2Left, double d1Right,
                       double d2Right);
    void add(PointKind kind, double x, const Derivatives &d)
    {
        if (m_count[size_t(kind)]++ < MaxPointsPerKind)
            m_points.append({ kind, x, d.f, d.d1 });
    }
    bool full(PointKind kind) const { return m_count[size_t(kind)] >= MaxPointsPerKind; }

    const ActivationFunction &m_fn;
    QList<PointOfInterest> m_points;
    std::array<int, KindNames.size()> m_count {};
};

void Finder::scanPiece(const QList<double> &xs)
{
    QList<Derivatives> ds;
    ds.reserve(xs.size());
    for (const double x : xs)
        ds.append(m_fn.at(x));
    for (int order = 0; order <= 2; ++order)
        scanOrder(order, xs, ds);
}

void Finder::scanOrder(int order, const QList<double> &xs, const QList<Derivatives> &ds)
{
    const bool done = order == 0 ? full(PointKind::Zero)
        : order == 1             ? full(PointKind::Minimum) && full(PointKind::Maximum)
                                 : full(PointKind::Inflection) && full(PointKind::GradientPeak);
    if (done)
        return;
    const auto g = [this, order](double x) { return m_fn.at(x).order(order); };
    qsizetype last = -1; // the last sample where the value is finite and not 0
    for (qsizetype i = 0; i < xs.size(); ++i) {
        const double v = ds[i].order(order);
        if (std::isnan(v)) {
            last = -1;
            continue;
        }
        if (v == 0)
            continue;
        if (last >= 0 && strictlyOpposite(ds[last].order(order), v)) {
            const double u = ds[last].order(order);
            std::optional<double> root;
            if (i == last + 1)
                root = RootFinding::refineRoot(g, xs[last], xs[i], u, v);
            else if (i == last + 2)
                root = xs[last + 1]; // the one sample between, exactly 0
            // Two or more samples of 0 between: a flat stretch at 0, not a point.
            if (root) {
                const Derivatives d = m_fn.at(*root);
                if (order == 0)
                    add(PointKind::Zero, *root, d);
                else if (order == 1)
                    add(u < 0 ? PointKind::Minimum : PointKind::Maximum, *root, d);
                else
                    addInflection(*root, d, ds[last].d1, u, ds[i].d1, v);
            }
        }
        last = i;
    }
}

void Finder::addInflection(double x, const Derivatives &d, double d1Left, double d2Left,
                           double d1Right, double d2Right)
{
    add(PointKind::Inflection, x, d);
    // The slope of |f′| is sign(f′)·f″: a peak where it goes from + to −.
    const auto slope
        = [](double d1, double d2) { return d1 == 0 ? 0.0 : std::copysign(1.0, d1) * d2; };
    if (slope(d1Left, d2Left) > 0 && slope(d1Right, d2Right) < 0 && d.d1 != 0)
        add(PointKind::GradientPeak, x, d);
}

void Finder::kink(double k, double left, double right)
{
    const Derivatives l = m_fn.at(RootFinding::insideOf(k, left));
    const Derivatives r = m_fn.at(RootFinding::insideOf(k, right));
    const Derivatives at = m_fn.at(k);
    const bool fContinuous = continuous(l.f, r.f);
    if (fContinuous && strictlyOpposite(l.f, r.f))
        add(PointKind::Zero, k, at);
    if (fContinuous && strictlyOpposite(l.d1, r.d1))
        add(l.d1 < 0 ? PointKind::Minimum : PointKind::Maximum, k, at);
    if (fContinuous && continuous(l.d1, r.d1) && strictlyOpposite(l.d2, r.d2))
        addInflection(k, at, l.d1, l.d2, r.d1, r.d2);
    add(PointKind::Kink, k, at);
}

QList<PointOfInterest> Finder::result()
{
    // Within a piece each kind comes in ascending x, and the pieces in order: sorting is stable.
    std::stable_sort(m_points.begin(), m_points.end(),
                     [](const PointOfInterest &u, const PointOfInterest &v) {
                         return u.x < v.x || (u.x == v.x && u.kind < v.kind);
                     });
    return m_points;
}

} // namespace

QList<PointOfInterest> findPointsOfInterest(const ActivationFunction &fn, double a, double b)
{
    if (!fn.spec().evaluate || !(a < b) || !std::isfinite(a) || !std::isfinite(b)
        || !std::isfinite(b - a))
        return {};

    QList<double> kinks;
    for (const double k : fn.kinks(a, b)) {
        if (k > a && k < b)
            kinks.append(k);
    }
    QList<double> grid;
    grid.reserve(2 * ScanPoints);
    RootFinding::appendScanGrid(a, b, ScanPoints, grid);

    Finder finder(fn);
    double left = a;
    for (qsizetype next = 0; next <= kinks.size(); ++next) {
        const bool rightIsKink = next < kinks.size();
        const double right = rightIsKink ? kinks[next] : b;
        // The range's own ends are sampled: a root exactly there gives 0, never a sign change.
        const double lo = next > 0 ? RootFinding::insideOf(left, right) : left;
        const double hi = rightIsKink ? RootFinding::insideOf(right, left) : right;
        if (lo < hi) {
            QList<double> xs { lo };
            auto it = std::upper_bound(grid.cbegin(), grid.cend(), lo);
            for (; it != grid.cend() && *it < hi; ++it)
                xs.append(*it);
            xs.append(hi);
            finder.scanPiece(xs);
        }
        if (rightIsKink)
            finder.kink(right, left, next + 1 < kinks.size() ? kinks[next + 1] : b);
        left = right;
    }

    QList<PointOfInterest> points = finder.result();
    // A root refined onto an end of the range is not inside it.
    points.removeIf([a, b](const PointOfInterest &p) { return !(p.x > a && p.x < b); });
    return points;
}

QString pointKindName(PointKind kind)
{
    return QString::fromLatin1(KindNames[size_t(kind)].json);
}

QString pointKindDisplayName(PointKind kind)
{
    return QCoreApplication::translate("PointsOfInterest", KindNames[size_t(kind)].display);
}
