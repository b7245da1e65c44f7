#pragma once
// Echo (RFC 862): every byte a TCP client sends comes straight back; a UDP datagram is answered
// with the same datagram.

#include "server/behaviour.h"

namespace swb {

class EchoBehaviour : public Behaviour {
public:
    QString name() const override { return QStringLiteral("echo"); }
    bool supports(Transport transport) const override;
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;
};

} // namespace swb
