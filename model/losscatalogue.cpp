#include "losscatalogue.h"

const QList<ActivationSpec> &LossCatalogue::all()
{
    static const QList<ActivationSpec> catalogue;
    return catalogue;
}

const ActivationSpec *LossCatalogue::find(QStringView id)
{
    for (const ActivationSpec &s : all()) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QString LossCatalogue::idList()
{
    QStringList ids;
    for (const ActivationSpec &s : all())
        ids << s.id;
    return ids.join(QLatin1String(", "));
}
