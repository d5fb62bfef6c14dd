#include "lessons.h"

#include "scenemodel.h"

#include <QCoreApplication>

const QList<Lesson> &Lessons::all()
{
    static const QList<Lesson> lessons = {
        {"step-cannot-learn",
         QT_TRANSLATE_NOOP("Lessons", "1. Why the step function cannot learn"),
         QT_TRANSLATE_NOOP("Lessons",
                           "The perceptron fires when its weighted sum is positive: f(x) = 1 if "
                           "x > 0, else 0. Its gradient is 0 everywhere, and at 0 it has none at "
                           "all: the curve jumps. Gradient descent updates θ′ = θ − η·f′ = θ, so "
                           "nothing moves. The whole range is one “zero” band, which is why "
                           "single-layer perceptrons were trained by heuristic search instead."),
         {{"step", {}, {}}},
         -6, 6, 0.01, 1001, 0},
        {"sigmoid-saturates",
         QT_TRANSLATE_NOOP("Lessons", "2. Sigmoid saturates"),
         QT_TRANSLATE_NOOP("Lessons",
                           "σ(x) = 1/(1 + e⁻ˣ) squeezes every input into (0, 1). Its gradient "
                           "σ′ = σ(1 − σ) is at most 0.25, at x = 0, and falls below ε = 0.01 "
                           "beyond |x| ≈ 4.6. Over torch.linspace(−100, 100, 10), as in the "
                           "tutorial, almost the whole range is saturated: there θ′ = θ − η·σ′ ≈ θ, "
                           "the vanishing gradient. (The tutorial says sigmoid(100) is close to 0; "
                           "it is close to 1.) The Values tab shows the tensor torch prints."),
         {{"sigmoid", {}, {}}},
         -100, 100, 0.01, 10, 0},
        {"tanh-is-scaled-sigmoid",
         QT_TRANSLATE_NOOP("Lessons", "3. tanh is a rescaled sigmoid"),
         QT_TRANSLATE_NOOP("Lessons",
                           "tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = 2σ(2x) − 1. The two curves coincide: "
                           "the same range (−1, 1) and the same gradient 1 − tanh² x, which peaks at "
                           "1, four times sigmoid's 0.25, but still saturates beyond |x| ≈ 3. "
                           "tanh is common in recurrent networks."),
         {{"tanh", {}, {}}, {"sigmoid", {}, {2, 2, -1}}},
         -4, 4, 0.01, 10, 0},
        {"relu-gradient",
         QT_TRANSLATE_NOOP("Lessons", "4. ReLU: gradient 1 or 0"),
         QT_TRANSLATE_NOOP("Lessons",
                           "relu(x) = max(0, x). For x > 0 the gradient is exactly 1, so it neither "
                           "shrinks nor explodes through many layers. For x ≤ 0 it is exactly 0, a "
                           "“zero” band: a unit whose input stays negative is dead and stops "
                           "learning. PyTorch uses relu′(0) = 0; the tutorial says 1."),
         {{"relu", {}, {}}},
         -1, 1, 0.01, 10, 0},
        {"smooth-relus",
         QT_TRANSLATE_NOOP("Lessons", "5. Smooth ReLUs"),
         QT_TRANSLATE_NOOP("Lessons",
                           "gelu, silu (swish), mish, softplus and elu keep ReLU's straight right "
                           "side but bend smoothly through 0, so the gradient exists everywhere. "
                           "On the left their gradient fades towards 0 instead of dropping to it: "
                           "saturated rather than dead. gelu, silu and mish even dip slightly "
                           "below 0 there."),
         {{"gelu", {}, {}}, {"silu", {}, {}}, {"mish", {}, {}}, {"softplus", {}, {}}, {"elu", {}, {}}},
         -10, 4, 0.01, 1001, 0},
        {"hard-approximations",
         QT_TRANSLATE_NOOP("Lessons", "6. Hard approximations against the smooth originals"),
         QT_TRANSLATE_NOOP("Lessons",
                           "hardsigmoid, hardswish and hardtanh replace sigmoid, silu and tanh by "
                           "straight pieces, which are cheaper on phones. Compare each pair: the "
                           "hard versions have a gradient that is exactly 0 outside a window (a "
                           "“zero” band), where the smooth originals only saturate."),
         {{"hardsigmoid", {}, {}}, {"sigmoid", {}, {}}, {"hardswish", {}, {}}, {"silu", {}, {}},
          {"hardtanh", {}, {}}, {"tanh", {}, {}}},
         -6, 6, 0.01, 1001, 0},
        {"mse-vs-bce-logits",
         QT_TRANSLATE_NOOP("Lessons", "7. MSE after sigmoid vs BCE with logits"),
         QT_TRANSLATE_NOOP("Lessons",
                           "A classifier outputs a logit x; σ(x) is its probability and the "
                           "target is y = 1. MSE on the probability, (σ(x) − y)², has the gradient "
                           "2(σ − y)·σ′ in x: sigmoid's saturation comes with it. Look at the f′ "
                           "chart: left of x ≈ −5.3 there is a saturated band, although there the "
                           "prediction is completely wrong (f′(−8) ≈ −0.0007). "
                           "binary_cross_entropy_with_logits has the gradient σ − y, which stays "
                           "near −1 on the left: the worse the prediction, the stronger the push. "
                           "On the right, where the prediction is right, both fade, as they should. "
                           "This is why classifiers are trained on logits with BCE, not with MSE."),
         {{"expr:(sigmoid(x) - y)^2", {{"y", 1.0}}, {}},
          {"binary_cross_entropy_with_logits", {{"target", 1.0}}, {}}},
         -8, 8, 0.01, 1001, 0},
        {"deep-network-init",
         QT_TRANSLATE_NOOP("Lessons", "8. A deep network at initialization"),
         QT_TRANSLATE_NOOP("Lessons",
                           "Stack L layers hˡ⁺¹ = W·φ(hˡ) + b, weights drawn with variance σ_w²/N "
                           "and biases with σ_b². For relu E[relu(h)²] = q/2, so each layer "
                           "multiplies the variance q by σ_w²/2. PyTorch's default nn.Linear "
                           "draws its weights from U(±1/√N): σ_w² = 1/3, and q shrinks by 1/6 a "
                           "layer (6⁻¹⁰ ≈ 1.7·10⁻⁸ after ten layers) until its default bias, of "
                           "variance 1/(3N), holds it near q* = 2/(5N); the gradients shrink by "
                           "the same 1/6 a layer (χ₁ = 1/6). Kaiming's σ_w² = 2 keeps q and the "
                           "gradients as they are (χ₁ = 1). tanh has an edge of chaos instead: at "
                           "σ_b² = 0.05 the critical σ_w² is about 1.76; below it gradients "
                           "vanish with depth (ordered), above it they explode (chaotic). Open "
                           "Demonstrations → Deep Network at Initialization with relu selected, "
                           "try the PyTorch default and Kaiming presets, then select tanh and "
                           "set σ_b² = 0.05."),
         {{"relu", {}, {}}, {"tanh", {}, {}}},
         -3, 3, 0.01, 1001, 0},
    };
    return lessons;
}

const Lesson *Lessons::find(QStringView id)
{
    for (const Lesson &lesson : all()) {
        if (id == QLatin1String(lesson.id))
            return &lesson;
    }
    return nullptr;
}

QString Lessons::title(const Lesson &lesson)
{
    return QCoreApplication::translate("Lessons", lesson.title);
}

QString Lessons::text(const Lesson &lesson)
{
    return QCoreApplication::translate("Lessons", lesson.text);
}

bool Lessons::apply(const Lesson &lesson, SceneModel &scene, QString *error)
{
    // Build the new scene aside and take it over whole, so a failure leaves the old one intact.
    // Range, ε and view first, so that each function is analysed and sampled once.
    SceneModel next;
    if (!next.setRange(lesson.xMin, lesson.xMax, error) || !next.setEpsilon(lesson.epsilon, error)
        || !next.setSampleCount(lesson.sampleCount, error))
        return false;
    for (int order = 0; order <= SceneModel::MaxOrder; ++order)
        next.setPlotSize(order, scene.plotSize(order));
    next.setMaxOrder(scene.maxOrder());
    {
        const SceneModel::UpdateBatch batch(next); // one pass over the curves, at its end
        for (const Lesson::Function &f : lesson.functions) {
            const QString id = QString::fromLatin1(f.id);
            const ActivationSpec *spec = ActivationCatalogue::find(id);
            if (!spec) {
                if (error)
                    *error = QStringLiteral("lesson %1: unknown function '%2'").arg(QLatin1String(lesson.id), id);
                return false;
            }
            ParameterValues p = spec->defaults();
            for (const auto &[name, value] : f.parameters)
                p[spec->parameterIndex(QString::fromLatin1(name))] = value;
            if (!next.insertFunction(next.rowCount(), id, p, error, f.map))
                return false;
        }
    }
    // The rows come with their curves, sampled for this scene's plot size: nothing is redone.
    scene.assign(next);
    return true;
}
