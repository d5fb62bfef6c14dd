#include "initializationpreset.h"

const QList<InitializationPreset> &InitializationPresets::all()
{
    static const QList<InitializationPreset> presets{
        {QStringLiteral("pytorch_default"), QStringLiteral("PyTorch default (nn.Linear)"),
         QStringLiteral("nn.Linear.reset_parameters: kaiming_uniform_(weight, a=√5) draws "
                        "U(±gain·√(3/fan_in)) with gain = √(2/(1 + a²)) = √(1/3), i.e. "
                        "U(±1/√fan_in), variance 1/(3·fan_in); the bias draws U(±1/√fan_in), "
                        "variance 1/(3·fan_in)"),
         1.0 / 3.0, 1.0 / 3.0},
        {QStringLiteral("xavier_normal"), QStringLiteral("Xavier/Glorot normal"),
         QStringLiteral("Glorot & Bengio 2010; torch.nn.init.xavier_normal_: std = "
                        "√(2/(fan_in + fan_out)) = 1/√N for equal widths; bias zero"),
         1.0, 0.0},
        {QStringLiteral("xavier_uniform"), QStringLiteral("Xavier/Glorot uniform"),
         QStringLiteral("Glorot & Bengio 2010; torch.nn.init.xavier_uniform_: "
                        "U(±√(6/(fan_in + fan_out))), variance 1/N for equal widths; bias zero"),
         1.0, 0.0},
        {QStringLiteral("kaiming_normal"), QStringLiteral("Kaiming/He normal"),
         QStringLiteral("He et al. 2015; torch.nn.init.kaiming_normal_(mode='fan_in', "
                        "nonlinearity='relu'): std = √2/√fan_in; bias zero"),
         2.0, 0.0},
        {QStringLiteral("lecun_normal"), QStringLiteral("LeCun normal"),
         QStringLiteral("LeCun et al. 1998; the initialisation SELU is made for (Klambauer et al. "
                        "2017): std = 1/√fan_in; bias zero"),
         1.0, 0.0},
    };
    return presets;
}

const InitializationPreset *InitializationPresets::find(QStringView id)
{
    for (const InitializationPreset &p : all()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}
