#pragma once
// SNTP version 4 server (RFC 4330) over UDP: answers each client request (mode 3) with a 48-byte
// server reply (mode 4) carrying the local clock. Anything else gets no answer.

#include "server/behaviour.h"

namespace swb {

class SntpBehaviour : public Behaviour {
public:
    explicit SntpBehaviour(const BehaviourOptions &options = {});
    QString name() const override { return QStringLiteral("sntp"); }
    bool supports(Transport transport) const override { return transport == Transport::Udp; }
    std::unique_ptr<StreamHandler> newStreamHandler() override { return nullptr; }
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;

    static constexpr int kPacketSize = 48;
    // Seconds since 1900 in the high 32 bits, the fraction of a second in the low 32.
    static quint64 ntpNow();

private:
    int m_stratum;
};

} // namespace swb
