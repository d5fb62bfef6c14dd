// Tensors printed the way PyTorch 1.13 prints them: the tutorial's outputs, character for character.

#include "sampling.h"
#include "torchformat.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {
QList<double> map(const QList<double> &xs, double (*f)(double))
{
    QList<double> out;
    for (double x : xs)
        out << f(x);
    return out;
}
double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }
double relu(double x) { return x > 0 ? x : 0.0; }
double tanhOf(double x) { return std::tanh(x); }
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();
} // namespace

class TestTorchFormat : public QObject
{
    Q_OBJECT

private slots:
    void tutorialOutputs_data();
    void tutorialOutputs();
    void modes_data();
    void modes();
};

void TestTorchFormat::tutorialOutputs_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("printed");
    // Printed by PyTorch 1.13.1 (Debian 12) for the same float64 tensors.
    QTest::newRow("linspace(-100, 100, 10)")
            << linspace(-100, 100, 10)
            << "tensor([-100.0000,  -77.7778,  -55.5556,  -33.3333,  -11.1111,   11.1111,\n"
               "          33.3333,   55.5556,   77.7778,  100.0000], dtype=torch.float64)";
    QTest::newRow("sigmoid(linspace(-100, 100, 10))")
            << map(linspace(-100, 100, 10), sigmoid)
            << "tensor([3.7201e-44, 1.6655e-34, 7.4564e-25, 3.3382e-15, 1.4945e-05, 9.9999e-01,\n"
               "        1.0000e+00, 1.0000e+00, 1.0000e+00, 1.0000e+00], dtype=torch.float64)";
    QTest::newRow("relu(linspace(-1, 1, 10))")
            << map(linspace(-1, 1, 10), relu)
            << "tensor([0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.1111, 0.3333, 0.5556, 0.7778,\n"
               "        1.0000], dtype=torch.float64)";
    QTest::newRow("linspace(-6, 6, 25)")
            << linspace(-6, 6, 25)
            << "tensor([-6.0000, -5.5000, -5.0000, -4.5000, -4.0000, -3.5000, -3.0000, -2.5000,\n"
               "        -2.0000, -1.5000, -1.0000, -0.5000,  0.0000,  0.5000,  1.0000,  1.5000,\n"
               "         2.0000,  2.5000,  3.0000,  3.5000,  4.0000,  4.5000,  5.0000,  5.5000,\n"
               "         6.0000], dtype=torch.float64)";
}

void TestTorchFormat::tutorialOutputs()
{
    QFETCH(QList<double>, values);
    QFETCH(QString, printed);
    QCOMPARE(TorchFormat::tensor(values), printed);
}

void TestTorchFormat::modes_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("printed");
    QTest::newRow("integers") << QList<double>{0, 1, 2} << "tensor([0., 1., 2.], dtype=torch.float64)";
    QTest::newRow("large integers") << QList<double>{0, 1, 2e9} << "tensor([0.0000e+00, 1.0000e+00, 2.0000e+09], dtype=torch.float64)";
    QTest::newRow("non-finite") << QList<double>{NaN, 1.5, -Inf} << "tensor([   nan, 1.5000,   -inf], dtype=torch.float64)";
    QTest::newRow("negative zero") << QList<double>{-0.0, 0.5} << "tensor([-0.0000, 0.5000], dtype=torch.float64)";
    QTest::newRow("small") << QList<double>{1e-5, 0.5} << "tensor([1.0000e-05, 5.0000e-01], dtype=torch.float64)";
    QTest::newRow("zeros") << QList<double>{0, 0, 0} << "tensor([0., 0., 0.], dtype=torch.float64)";
    QTest::newRow("nan and integers") << QList<double>{NaN, 1, 2} << "tensor([nan, 1., 2.], dtype=torch.float64)";
    QTest::newRow("tanh float32 style")
            << map(linspace(-1, 1, 10), tanhOf)
            << "tensor([-0.7616, -0.6514, -0.5047, -0.3215, -0.1107,  0.1107,  0.3215,  0.5047,\n"
               "         0.6514,  0.7616], dtype=torch.float64)";
}

void TestTorchFormat::modes()
{
    QFETCH(QList<double>, values);
    QFETCH(QString, printed);
    QCOMPARE(TorchFormat::tensor(values), printed);
}

QTEST_GUILESS_MAIN(TestTorchFormat)
#include "tst_torchformat.moc"
