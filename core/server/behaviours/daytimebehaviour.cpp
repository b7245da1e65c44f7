#include "server/behaviours/daytimebehaviour.h"

#include <QDateTime>

namespace swb {

namespace {

class DaytimeHandler : public StreamHandler {
public:
    void opened(StreamPeer &peer) override
    {
        peer.send(DaytimeBehaviour::currentDaytime());
        peer.closeAfterSending();
    }
    // RFC 867: whatever the client sends is ignored.
    void received(StreamPeer &peer, const QByteArray &data) override
    {
        Q_UNUSED(peer)
        Q_UNUSED(data)
    }
    // Already closing since opened().
    void peerClosed(StreamPeer &peer) override { Q_UNUSED(peer) }
};

} // namespace

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
    return std::make_unique<DaytimeHandler>();
}

std::optional<QByteArray> DaytimeBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(data)
    Q_UNUSED(from)
    return currentDaytime();
}

} // namespace swb
