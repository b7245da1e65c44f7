#include "server/behaviours/discardbehaviour.h"

namespace swb {

namespace {

class DiscardHandler : public StreamHandler {
public:
    void received(StreamPeer &peer, const QByteArray &data) override
    {
        Q_UNUSED(peer)
        Q_UNUSED(data)
    }
};

} // namespace

bool DiscardBehaviour::supports(Transport transport) const
{
    Q_UNUSED(transport)
    return true;
}

std::unique_ptr<StreamHandler> DiscardBehaviour::newStreamHandler()
{
    return std::make_unique<DiscardHandler>();
}

std::optional<QByteArray> DiscardBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(data)
    Q_UNUSED(from)
    return std::nullopt;
}

} // namespace swb
