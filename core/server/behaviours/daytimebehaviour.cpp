#include "server/behaviours/daytimebehaviour.h"

#include <QDateTime>

namespace swb {

QByteArray DaytimeBehaviour::currentDaytime()
{
    return pythonCtime(QDateTime::currentDateTime()) + "\r\n";
}

bool DaytimeBehaviour::supports(Transport transport) const
{
    Q_UNUSED(transport)
    return true;
}

std::unique_ptr<StreamHandler> DaytimeBehaviour::newStreamHandler()
{
    return std::make_unique<SendOnOpenHandler>(&DaytimeBehaviour::currentDaytime);
}

std::optional<QByteArray> DaytimeBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(data)
    Q_UNUSED(from)
    return currentDaytime();
}

} // namespace swb
