// Accuracy of the smooth activations against an independent high-precision reference:
// tests/data/mpmath-activations.csv, made by scripts/make_mpmath_reference.py from each function's
// definition with mpmath (60+ digits), every value the float64 nearest the exact one.
//
// f and f′ must lie within 1e-13 relative of the reference wherever the reference is a normal
// double; where it is 0 or subnormal, within 1e-300 absolute. f″ is not the target: within
// 1e-10·max(1, |ref|). Both evaluate() and evaluateBatch() are checked: the batch once per point
// alone (n = 1: the scalar tail of a vector kernel) and once with all of a function's points in one
// call, every point in a group of four (the AVX2 lanes, where the processor has AVX2). NaN, ±inf,
// the kinks and the ends of each formula's range are also put in every lane of a group, where the
// batch must agree with evaluate(): exactly at NaN, ±inf and the kinks.

#include "activationcatalogue.h"
#include "activationkernels.h"

#include <QFile>
#include <QMap>
#include <QTest>
#include <QTextStream>

#include <cmath>
#include <limits>

namespace {

constexpr double RelTol = 1e-13;   // f and f′, where the reference is a normal double
constexpr double AbsTolTiny = 1e-300; // f and f′, where the reference is 0 or subnormal
constexpr double D2Tol = 1e-10;    // f″: |got − ref| ≤ D2Tol·max(1, |ref|)
constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct Row
{
    QString function;
    QString params;
    double x = 0.0;
    double ref[3] = {0.0, 0.0, 0.0}; // f, f′, f″
};

double parseDouble(const QString &s, bool *ok)
{
    const QString t = s.trimmed().toLower();
    *ok = true;
    if (t == u"nan")
        return std::numeric_limits<double>::quiet_NaN();
    if (t == u"inf" || t == u"+inf")
        return std::numeric_limits<double>::infinity();
    if (t == u"-inf")
        return -std::numeric_limits<double>::infinity();
    return t.toDouble(ok);
}

/** The reference table, read once. Fails (returns an error) rather than silently testing nothing. */
const QList<Row> &rows(QString *error = nullptr)
{
    static QString loadError;
    static const QList<Row> table = [] {
        QList<Row> out;
        QFile file(QStringLiteral(AE_TEST_DATA_DIR "/mpmath-activations.csv"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            loadError = QStringLiteral("cannot open %1").arg(file.fileName());
            return out;
        }
        QTextStream in(&file);
        const QString header = in.readLine();
        if (header != u"function,params,x,f,d1,d2") {
            loadError = QStringLiteral("unexpected header: %1").arg(header);
            return out;
        }
        int lineNo = 1;
        while (!in.atEnd()) {
            const QString line = in.readLine();
            ++lineNo;
            if (line.trimmed().isEmpty())
                continue;
            const QStringList cells = line.split(u',');
            if (cells.size() != 6) {
                loadError = QStringLiteral("line %1: %2 cells").arg(lineNo).arg(cells.size());
                return QList<Row>();
            }
            Row r;
            r.function = cells[0];
            r.params = cells[1];
            bool ok = true;
            r.x = parseDouble(cells[2], &ok);
            for (int k = 0; ok && k < 3; ++k)
                r.ref[k] = parseDouble(cells[3 + k], &ok);
            if (!ok) {
                loadError = QStringLiteral("line %1: bad number in %2").arg(lineNo).arg(line);
                return QList<Row>();
            }
            out.append(r);
        }
        return out;
    }();
    if (error)
        *error = loadError;
    return table;
}

/** Parameter values from `name=value;name=value`; a Choice takes the index of its word. */
bool parseParams(const ActivationSpec &spec, const QString &text, ParameterValues *p,
                 QString *error)
{
    *p = spec.defaults();
    if (text.isEmpty())
        return true;
    for (const QString &item : text.split(u';')) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq < 0) {
            *error = QStringLiteral("bad parameter '%1'").arg(item);
            return false;
        }
        const QString name = item.left(eq);
        const QString value = item.mid(eq + 1);
        const int idx = spec.parameterIndex(name);
        if (idx < 0 || idx >= MaxParameters) {
            *error = QStringLiteral("%1 has no parameter '%2'").arg(spec.id, name);
            return false;
        }
        const ParameterSpec &ps = spec.parameters.at(idx);
        if (ps.domain == ParameterDomain::Choice) {
            const qsizetype c = ps.choices.indexOf(value);
            if (c < 0) {
                *error = QStringLiteral("%1: '%2' is not one of %3")
                                 .arg(name, value, ps.choices.join(u", "));
                return false;
            }
            (*p)[idx] = double(c);
        } else {
            bool ok = false;
            (*p)[idx] = value.toDouble(&ok);
            if (!ok) {
                *error = QStringLiteral("%1: bad value '%2'").arg(name, value);
                return false;
            }
        }
    }
    return true;
}

/** The error measure used for a reference value: relative where it is a normal double, else
    absolute. */
double errorOf(double got, double ref)
{
    if (std::isnan(ref))
        return 0.0; // no derivative there: nothing to check
    if (std::isnan(got))
        return std::numeric_limits<double>::infinity();
    if (std::isinf(ref))
        return got == ref ? 0.0 : std::numeric_limits<double>::infinity();
    if (std::isnormal(ref))
        return std::fabs(got - ref) / std::fabs(ref);
    return std::fabs(got - ref); // 0 or subnormal
}

/** Empty if got is close enough to ref for derivative order k, else why not. */
QString check(int k, double got, double ref)
{
    if (std::isnan(ref))
        return QString();
    bool good = false;
    QString measure;
    if (k == 2) {
        const double tol = D2Tol * std::max(1.0, std::fabs(ref));
        good = !std::isnan(got) && std::fabs(got - ref) <= tol;
        measure = QStringLiteral("abs err %1 > %2").arg(std::fabs(got - ref), 0, 'g', 3).arg(tol);
    } else if (std::isnormal(ref) || std::isinf(ref)) {
        const double e = errorOf(got, ref);
        good = e <= RelTol;
        measure = QStringLiteral("rel err %1 > %2").arg(e, 0, 'g', 3).arg(RelTol);
    } else {
        const double e = errorOf(got, ref);
        good = e <= AbsTolTiny;
        measure = QStringLiteral("abs err %1 > %2 (reference not normal)")
                          .arg(e, 0, 'g', 3)
                          .arg(AbsTolTiny);
    }
    if (good)
        return QString();
    static const char *names[] = {"f", "f'", "f''"};
    return QStringLiteral("%1: got %2, expected %3, %4")
            .arg(QLatin1String(names[k]))
            .arg(got, 0, 'g', 17)
            .arg(ref, 0, 'g', 17)
            .arg(measure);
}

QString rowLabel(const Row &r)
{
    return QStringLiteral("%1(%2) x=%3").arg(r.function, r.params).arg(r.x, 0, 'g', 17);
}

/** The reference rows of one function and parameter setting, in table order. */
struct Group
{
    QString key; // "function" or "function(params)"
    QString function;
    QString params;
    QList<int> rows;
};

QList<Group> groups()
{
    QList<Group> out;
    const QList<Row> &table = rows();
    for (int i = 0; i < table.size(); ++i) {
        const Row &r = table.at(i);
        if (out.isEmpty() || out.last().function != r.function || out.last().params != r.params) {
            const QString key = r.params.isEmpty()
                    ? r.function
                    : QStringLiteral("%1(%2)").arg(r.function, r.params);
            out.append({key, r.function, r.params, {}});
        }
        out.last().rows.append(i);
    }
    return out;
}

/** Points per group of the vector kernels; a batch of a multiple of it has no scalar tail. */
constexpr qsizetype Lanes = 4;

/**
 * f and f′ at every x of xs from one evaluateBatch call, with xs padded by copies of its first
 * value to a multiple of four: every point lies in a group of four, none in the scalar tail.
 */
void batchInLanes(const ActivationSpec &spec, const ParameterValues &p, QList<double> xs,
                  QList<double> *f, QList<double> *d1)
{
    const qsizetype n = xs.size();
    while (!xs.isEmpty() && xs.size() % Lanes != 0)
        xs.append(xs.first());
    f->resize(xs.size());
    d1->resize(xs.size());
    spec.evaluateBatch(p.data(), xs.constData(), f->data(), d1->data(), xs.size());
    f->resize(n);
    d1->resize(n);
}

/** The errors of f and f′ from the batch in lanes over a group's rows, in row order. */
struct BatchErrors
{
    QList<double> f;
    QList<double> d1;
};

BatchErrors batchErrors(const Group &g, QStringList *failures)
{
    BatchErrors out;
    const ActivationSpec *spec = ActivationCatalogue::find(g.function);
    ParameterValues p;
    QString error;
    if (!spec || !parseParams(*spec, g.params, &p, &error)) {
        *failures << QStringLiteral("%1: %2").arg(g.key, spec ? error : QStringLiteral("unknown"));
        return out;
    }
    QList<double> xs;
    for (int i : g.rows)
        xs << rows().at(i).x;
    QList<double> f, d1;
    batchInLanes(*spec, p, xs, &f, &d1);
    for (qsizetype k = 0; k < xs.size(); ++k) {
        const Row &r = rows().at(g.rows.at(k));
        const double got[2] = {f.at(k), d1.at(k)};
        for (int order = 0; order < 2; ++order) {
            const QString why = check(order, got[order], r.ref[order]);
            if (!why.isEmpty())
                *failures << rowLabel(r) + QStringLiteral(": evaluateBatch in lanes ") + why;
        }
        out.f << errorOf(got[0], r.ref[0]);
        out.d1 << errorOf(got[1], r.ref[1]);
    }
    return out;
}

/** Identical doubles: both NaN, or equal with the same sign (so 0 and −0 differ). */
bool identical(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

/** Within 1e-13 relative of evaluate()'s value where that is a normal double, else 1e-300. */
bool agrees(double got, double expected)
{
    if (identical(got, expected))
        return true;
    if (std::isnan(got) || std::isnan(expected) || std::isinf(got) || std::isinf(expected))
        return false;
    const double tol = std::isnormal(expected) ? RelTol * std::fabs(expected) : AbsTolTiny;
    return std::fabs(got - expected) <= tol;
}

/** Where a formula changes branch or a libm function meets its limits. */
QList<double> specialPoints(const ActivationSpec &spec, const ParameterValues &p)
{
    constexpr double Max = std::numeric_limits<double>::max();
    constexpr double Min = std::numeric_limits<double>::min();
    constexpr double Denorm = std::numeric_limits<double>::denorm_min();
    QList<double> xs = {0.0, -0.0, Denorm, -Denorm, Min, -Min, 1e-300, -1e-300, 1e-8, -1e-8,
                        0.35, -0.35, std::nextafter(0.35, 0.0), -std::nextafter(0.35, 0.0),
                        0.6931471805599453, -0.6931471805599453, 18.0, 33.3, 37.0, -37.0, 40.0,
                        -40.0, std::nextafter(40.0, 41.0), -std::nextafter(40.0, 41.0), 354.0,
                        372.0, 709.0, 710.0, -708.0, -745.0, -746.0, 1e6, -1e6,
                        std::nextafter(1e6, 2e6), -std::nextafter(1e6, 2e6), 1e154, -1e154, 1e300,
                        -1e300, Max, -Max};
    for (double k : spec.kinks(p.data()))
        xs << k << std::nextafter(k, -Inf) << std::nextafter(k, Inf);
    return xs;
}

} // namespace

class TestActivationAccuracy : public QObject
{
    Q_OBJECT

private slots:
    void tableLoads();
    void accuracy_data();
    void accuracy();
    void accuracyInLanes_data();
    void accuracyInLanes();
    void specialPointsInLanes_data();
    void specialPointsInLanes();
    void maxErrors();
};

void TestActivationAccuracy::tableLoads()
{
    QString error;
    const QList<Row> &table = rows(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(table.size() > 1000);
    // Every function in the table is in the catalogue.
    for (const Row &r : table)
        QVERIFY2(ActivationCatalogue::find(r.function), qPrintable(r.function));
}

void TestActivationAccuracy::accuracy_data()
{
    QTest::addColumn<int>("index");
    const QList<Row> &table = rows();
    for (int i = 0; i < table.size(); ++i)
        QTest::newRow(qPrintable(rowLabel(table.at(i)))) << i;
}

void TestActivationAccuracy::accuracy()
{
    QFETCH(int, index);
    const Row &r = rows().at(index);
    const ActivationSpec *spec = ActivationCatalogue::find(r.function);
    QVERIFY2(spec, qPrintable(QStringLiteral("no activation '%1'").arg(r.function)));
    ParameterValues p;
    QString error;
    QVERIFY2(parseParams(*spec, r.params, &p, &error), qPrintable(error));

    QStringList failures;
    const Derivatives d = spec->at(r.x, p);
    for (int k = 0; k < 3; ++k) {
        const QString why = check(k, d.order(k), r.ref[k]);
        if (!why.isEmpty())
            failures << why;
    }
    if (spec->evaluateBatch) {
        double f = 0.0, d1 = 0.0;
        spec->evaluateBatch(p.data(), &r.x, &f, &d1, 1);
        const double got[2] = {f, d1};
        for (int k = 0; k < 2; ++k) {
            const QString why = check(k, got[k], r.ref[k]);
            if (!why.isEmpty())
                failures << QStringLiteral("evaluateBatch ") + why;
        }
    }
    QVERIFY2(failures.isEmpty(),
             qPrintable(rowLabel(r) + QStringLiteral(": ") + failures.join(QStringLiteral("; "))));
}

void TestActivationAccuracy::accuracyInLanes_data()
{
    qInfo("evaluateBatch: %s", ActivationKernels::vectorised()
                  ? "AVX2 kernels (libmvec) in groups of four, scalar tail"
                  : "scalar only (this processor lacks AVX2 or FMA)");
    QTest::addColumn<int>("group");
    const QList<Group> all = groups();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(qPrintable(all.at(i).key)) << i;
}

void TestActivationAccuracy::accuracyInLanes()
{
    QFETCH(int, group);
    const Group g = groups().at(group);
    QVERIFY(g.rows.size() >= Lanes);
    QStringList failures;
    batchErrors(g, &failures);
    QVERIFY2(failures.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 rows: ").arg(failures.size()).arg(g.rows.size())
                        + failures.mid(0, 5).join(QStringLiteral("; "))));
}

void TestActivationAccuracy::specialPointsInLanes_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("params");
    // Every catalogue function at its defaults and at each choice of a Choice parameter…
    for (const ActivationSpec &spec : ActivationCatalogue::all()) {
        bool hasChoice = false;
        for (const ParameterSpec &ps : spec.parameters) {
            if (ps.domain != ParameterDomain::Choice)
                continue;
            hasChoice = true;
            for (const QString &c : ps.choices) {
                const QString params = ps.name + QLatin1Char('=') + c;
                QTest::addRow("%s(%s)", qPrintable(spec.id), qPrintable(params)) << spec.id << params;
            }
        }
        if (!hasChoice)
            QTest::newRow(qPrintable(spec.id)) << spec.id << QString();
    }
    // …and the parameters that move a kernel's branches: negative and zero alpha, other thresholds.
    const char *const settings[][2] = {
        {"elu", "alpha=0.5"},      {"elu", "alpha=0"},        {"elu", "alpha=-0.5"},
        {"celu", "alpha=2"},       {"celu", "alpha=-1.5"},    {"celu", "alpha=0.1"},
        {"softplus", "beta=2;threshold=10"}, {"softplus", "beta=0.5;threshold=3"},
        {"softplus", "beta=10;threshold=1"}, {"softplus", "beta=1;threshold=-5"},
    };
    for (const auto &s : settings)
        QTest::addRow("%s(%s)", s[0], s[1]) << QString::fromLatin1(s[0]) << QString::fromLatin1(s[1]);
}

void TestActivationAccuracy::specialPointsInLanes()
{
    QFETCH(QString, function);
    QFETCH(QString, params);
    const ActivationSpec *spec = ActivationCatalogue::find(function);
    QVERIFY(spec);
    ParameterValues p;
    QString error;
    QVERIFY2(parseParams(*spec, params, &p, &error), qPrintable(error));

    // Each special point in each of the four lanes of a group, among ordinary points.
    const QList<double> kinks = spec->kinks(p.data());
    QList<double> specials = {NaN, -NaN, Inf, -Inf};
    specials << specialPoints(*spec, p);
    const double filler[Lanes] = {0.5, -2.5, 3.0, -7.5};
    QList<double> xs;
    for (double s : std::as_const(specials)) {
        for (qsizetype lane = 0; lane < Lanes; ++lane) {
            for (qsizetype k = 0; k < Lanes; ++k)
                xs << (k == lane ? s : filler[k]);
        }
    }
    QList<double> f(xs.size()), d1(xs.size());
    spec->evaluateBatch(p.data(), xs.constData(), f.data(), d1.data(), xs.size());

    QStringList failures;
    for (qsizetype i = 0; i < xs.size(); ++i) {
        const double x = xs.at(i);
        const Derivatives d = spec->at(x, p);
        // NaN, ±inf and the kinks: evaluate()'s conventions, bit for bit.
        const bool exact = !std::isfinite(x) || kinks.contains(x);
        const double got[2] = {f.at(i), d1.at(i)};
        const double want[2] = {d.f, d.d1};
        for (int order = 0; order < 2; ++order) {
            if (exact ? identical(got[order], want[order]) : agrees(got[order], want[order]))
                continue;
            failures << QStringLiteral("%1 at x=%2 (lane %3%4): batch %5, evaluate() %6")
                                .arg(order == 0 ? QStringLiteral("f") : QStringLiteral("f'"))
                                .arg(x, 0, 'g', 17)
                                .arg(i % Lanes)
                                .arg(exact ? QStringLiteral(", must be identical") : QString())
                                .arg(got[order], 0, 'g', 17)
                                .arg(want[order], 0, 'g', 17);
        }
    }
    QVERIFY2(failures.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2: ").arg(failures.size()).arg(2 * xs.size())
                        + failures.mid(0, 6).join(QStringLiteral("; "))));
}

void TestActivationAccuracy::maxErrors()
{
    // Prints, per function and parameter setting, the largest error of f, f′ and f″ and where it
    // happens: relative over the rows whose reference is a normal double, absolute over the rest.
    struct Worst
    {
        double rel[3] = {0, 0, 0};
        double relAt[3] = {0, 0, 0};
        double absTiny[3] = {0, 0, 0};
        int rows = 0;
    };
    QMap<QString, Worst> worst;
    QStringList order;
    for (const Row &r : rows()) {
        const ActivationSpec *spec = ActivationCatalogue::find(r.function);
        QVERIFY(spec);
        ParameterValues p;
        QString error;
        QVERIFY2(parseParams(*spec, r.params, &p, &error), qPrintable(error));
        const Derivatives d = spec->at(r.x, p);
        const QString key = r.params.isEmpty() ? r.function
                                               : QStringLiteral("%1(%2)").arg(r.function, r.params);
        if (!worst.contains(key))
            order << key;
        Worst &w = worst[key];
        ++w.rows;
        for (int k = 0; k < 3; ++k) {
            const double ref = r.ref[k];
            if (std::isnan(ref))
                continue;
            const double e = errorOf(d.order(k), ref);
            if (std::isnormal(ref) || std::isinf(ref)) {
                if (e > w.rel[k] || std::isnan(e)) {
                    w.rel[k] = e;
                    w.relAt[k] = r.x;
                }
            } else {
                w.absTiny[k] = std::max(w.absTiny[k], e);
            }
        }
    }
    qInfo("max error against mpmath: relative (at x) where the reference is a normal double; "
          "absolute where it is 0 or subnormal");
    const auto where = [](double e, double x) {
        return e == 0.0 ? QStringLiteral("exact") : QStringLiteral("x=%1").arg(x, 0, 'g', 4);
    };
    for (const QString &key : std::as_const(order)) {
        const Worst &w = worst[key];
        qInfo("%-34s %4d rows  f %.2e (%-9s) f' %.2e (%-9s) f'' %.2e (%-9s)  "
              "tiny abs: f %.1e f' %.1e",
              qPrintable(key), w.rows, w.rel[0], qPrintable(where(w.rel[0], w.relAt[0])),
              w.rel[1], qPrintable(where(w.rel[1], w.relAt[1])), w.rel[2],
              qPrintable(where(w.rel[2], w.relAt[2])), w.absTiny[0], w.absTiny[1]);
    }

    // The same rows through evaluateBatch, all of a function's points in groups of four.
    qInfo("evaluateBatch in lanes (%s): max relative error where the reference is a normal double",
          ActivationKernels::vectorised() ? "AVX2" : "scalar");
    for (const Group &g : groups()) {
        QStringList failures;
        const BatchErrors e = batchErrors(g, &failures);
        double worst[2] = {0, 0};
        double at[2] = {0, 0};
        for (qsizetype k = 0; k < e.f.size(); ++k) {
            const Row &r = rows().at(g.rows.at(k));
            const double err[2] = {e.f.at(k), e.d1.at(k)};
            for (int order = 0; order < 2; ++order) {
                const double ref = r.ref[order];
                if ((std::isnormal(ref) || std::isinf(ref)) && err[order] > worst[order]) {
                    worst[order] = err[order];
                    at[order] = r.x;
                }
            }
        }
        qInfo("%-34s f %.2e (%-9s) f' %.2e (%-9s)", qPrintable(g.key), worst[0],
              qPrintable(where(worst[0], at[0])), worst[1], qPrintable(where(worst[1], at[1])));
    }
}

QTEST_APPLESS_MAIN(TestActivationAccuracy)
#include "tst_activationaccuracy.moc"
