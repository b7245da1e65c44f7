#include "server/behaviours/timebehaviour.h"

#include <QDateTime>
#include <QtEndian>

namespace swb {

namespace {

constexpr qint64 kSecondsFrom1900To1970 = 2208988800LL;

} // namespace

QByteArray TimeBehaviour::encode(qint64 unixSeconds)
{
    const auto seconds = static_cast<quint32>(static_cast<quint64>(unixSeconds + kSecondsFrom1900To1970));
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(seconds, bytes.data());
    return bytes;
}

QByteArray TimeBehaviour::current()
{
    return encode(QDateTime::currentSecsSinceEpoch());
}

bool TimeBehaviour::supports(Transport transport) const
{
    Q_UNUSED(transport)
    return true;
}

std::unique_ptr<StreamHandler> TimeBehaviour::newStreamHandler()
{
    return std::make_unique<SendOnOpenHandler>(&TimeBehaviour::current);
}

std::optional<QByteArray> TimeBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(data)
    Q_UNUSED(from)
    return current();
}

} // namespace swb
