#include "server/behaviours/manualbehaviour.h"

#include <QCoreApplication>

namespace swb {

namespace {

class ManualHandler : public StreamHandler {
public:
    void received(StreamPeer &, const QByteArray &) override { }
    // The client's FIN leaves the connection half-open: the operator may still answer, then close.
    void peerClosed(StreamPeer &peer) override
    {
        peer.note(QCoreApplication::translate(
            "Behaviour", "The client will send nothing more (half-closed); you can still send to it, then close it."));
    }
};

} // namespace

bool ManualBehaviour::supports(Transport) const
{
    return true;
}

std::unique_ptr<StreamHandler> ManualBehaviour::newStreamHandler()
{
    return std::make_unique<ManualHandler>();
}

std::optional<QByteArray> ManualBehaviour::datagram(const QByteArray &, const Endpoint &)
{
    return std::nullopt;
}

} // namespace swb
