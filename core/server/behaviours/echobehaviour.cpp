#include "server/behaviours/echobehaviour.h"

namespace swb {

namespace {

class EchoHandler : public StreamHandler {
public:
    void received(StreamPeer &peer, const QByteArray &data) override { peer.send(data); }
};

} // namespace

bool EchoBehaviour::supports(Transport transport) const
{
    Q_UNUSED(transport)
    return true;
}

std::unique_ptr<StreamHandler> EchoBehaviour::newStreamHandler()
{
    return std::make_unique<EchoHandler>();
}

std::optional<QByteArray> EchoBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(from)
    // An empty datagram is echoed as an empty datagram: it is still a datagram.
    return data;
}

} // namespace swb
