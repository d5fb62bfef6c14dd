#include "demonstrationwindows.h"

#include "gradientdescentpanel.h"
#include "layerchainpanel.h"
#include "networkpanel.h"
#include "scenemodel.h"
#include "softmaxpanel.h"

#include <QRect>
#include <QScreen>
#include <QWidget>

namespace {

/** A new panel of the demonstration name, with the look; nullptr if name is unknown. */
QWidget *createPanel(const QString &name, QWidget *parent, const ChartAppearance &look)
{
    const auto made = [&look](auto *panel) {
        panel->setAppearance(look);
        return panel;
    };
    if (name == QLatin1String("layerChain"))
        return made(new LayerChainPanel(parent));
    if (name == QLatin1String("gradientDescent"))
        return made(new GradientDescentPanel(parent));
    if (name == QLatin1String("softmax"))
        return made(new SoftmaxPanel(parent));
    if (name == QLatin1String("network"))
        return made(new NetworkPanel(parent));
    return nullptr;
}

} // namespace

QWidget *DemonstrationWindows::open(const QString &name, const QString &title,
                                    const ChartAppearance &look)
{
    auto *window = m_owner->findChild<QWidget *>(name + QStringLiteral("Window"));
    if (!window) {
        window = createPanel(name, m_owner, look);
        if (!window)
            return nullptr;
        window->setWindowFlag(Qt::Window);
        window->setObjectName(name + QStringLiteral("Window"));
        window->setWindowTitle(title);
        if (auto *network = qobject_cast<NetworkPanel *>(window)) {
            network->setScene(m_scene);
            network->setCurrentRow(m_row);
        }
        // 900 × 680 and a frame would overflow a 1024 × 768 projector's free area: at most
        // nine tenths of it, centred in it.
        const QRect room = m_owner->screen()->availableGeometry();
        // The deep network's three charts and four sliders need more room.
        const QSize wanted = name == QLatin1String("network") ? QSize(1180, 900) : QSize(900, 680);
        window->resize(wanted.boundedTo(room.size() * 0.9));
        window->move(room.center() - window->rect().center());
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void DemonstrationWindows::setAppearance(const ChartAppearance &look)
{
    const auto follow = [&look](auto *demo) {
        if (demo)
            demo->setAppearance(look);
    };
    follow(m_owner->findChild<LayerChainPanel *>(QStringLiteral("layerChainWindow")));
    follow(m_owner->findChild<GradientDescentPanel *>(QStringLiteral("gradientDescentWindow")));
    follow(m_owner->findChild<SoftmaxPanel *>(QStringLiteral("softmaxWindow")));
    follow(m_owner->findChild<NetworkPanel *>(QStringLiteral("networkWindow")));
}

void DemonstrationWindows::setScene(SceneModel *scene)
{
    m_scene = scene;
    if (auto *network = m_owner->findChild<NetworkPanel *>(QStringLiteral("networkWindow")))
        network->setScene(scene);
}

void DemonstrationWindows::setCurrentRow(int row)
{
    m_row = row;
    if (auto *network = m_owner->findChild<NetworkPanel *>(QStringLiteral("networkWindow")))
        network->setCurrentRow(row);
}
