#pragma once
// Time (RFC 868): the seconds since 1900-01-01 00:00 UTC as a 32-bit big-endian number. TCP sends
// it on connect and closes; UDP answers every datagram with it, an empty one included.

#include "server/behaviour.h"

namespace swb {

class TimeBehaviour : public Behaviour {
public:
    QString name() const override { return QStringLiteral("time"); }
    bool supports(Transport transport) const override;
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;

    // The 4 bytes for a Unix time; wraps modulo 2^32 (in 2036) as the protocol does.
    static QByteArray encode(qint64 unixSeconds);
    static QByteArray current();
};

} // namespace swb
