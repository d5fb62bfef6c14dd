// Accuracy of the smooth activations against an independent high-precision reference:
// tests/data/mpmath-activations.csv, made by scripts/make_mpmath_reference.py from each function's
// definition with mpmath (60+ digits), every value the float64 nearest the exact one.
//
// f and f′ must lie within 1e-13 relative of the reference wherever the reference is a normal
// double; where it is 0 or subnormal, within 1e-300 absolute. f″ is not the target: within
// 1e-10·max(1, |ref|). Both evaluate() and, where there is one, evaluateBatch() are checked.

#include "activationcatalogue.h"

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

} // namespace

class TestActivationAccuracy : public QObject
{
    Q_OBJECT

private slots:
    void tableLoads();
    void accuracy_data();
    void accuracy();
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
}

QTEST_APPLESS_MAIN(TestActivationAccuracy)
#include "tst_activationaccuracy.moc"
