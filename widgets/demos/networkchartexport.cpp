#include "networkchartexport.h"

#include "dataexport.h"
#include "networkpanel.h"
#include "xychartwidget.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QEventLoop>
#include <QImage>
#include <QPainter>

bool exportNetworkChart(SceneModel &scene, const NetworkSettings &settings, std::uint64_t seed,
                        const QSize &size, int scale, const QString &path, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString problem = checkNetworkSettings(settings); !problem.isEmpty())
        return fail(problem);

    NetworkPanel panel;
    panel.setAttribute(Qt::WA_DontShowOnScreen);
    panel.setScene(&scene);
    panel.setCurrentRow(0);
    if (!panel.activation())
        return fail(panel.message());
    QEventLoop loop;
    QObject::connect(&panel, &NetworkPanel::simulationFinished, &loop, &QEventLoop::quit);
    QObject::connect(&panel, &NetworkPanel::simulationCancelled, &loop, &QEventLoop::quit);
    panel.setFirstSeed(seed);
    panel.setWeightVariance(settings.weightVariance);
    panel.setBiasVariance(settings.biasVariance);
    panel.setWidth(settings.width);
    panel.setBatch(settings.batch);
    panel.setDepth(settings.depth);
    panel.show();
    loop.exec(); // the simulations start once the settings rest, and finish

    // The chart alone, at the size asked for.
    XYChartWidget *chart = panel.depthChart();
    chart->setParent(nullptr);
    chart->setAttribute(Qt::WA_DontShowOnScreen);
    chart->resize(size);
    chart->show();
    for (int turn = 0; turn < 3; ++turn)
        QCoreApplication::processEvents(); // the chart's layout
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(chart->backgroundColor());
    {
        QPainter painter(&image);
        chart->render(&painter);
    }
    delete chart;

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return writeFileAtomically(path, png, error);
}
