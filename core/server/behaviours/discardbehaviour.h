#pragma once
// Discard (RFC 863): reads whatever a client sends and throws it away; never answers.

#include "server/behaviour.h"

namespace swb {

class DiscardBehaviour : public Behaviour {
public:
    QString name() const override { return QStringLiteral("discard"); }
    bool supports(Transport transport) const override;
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;
};

} // namespace swb
