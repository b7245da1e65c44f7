#pragma once
// Daytime (RFC 867): the local date and time as text, formatted as Python's time.ctime() does,
// followed by CRLF. TCP sends it on connect and closes; UDP answers every datagram with it.

#include "server/behaviour.h"

namespace swb {

class DaytimeBehaviour : public Behaviour {
public:
    QString name() const override { return QStringLiteral("daytime"); }
    bool supports(Transport transport) const override;
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;

    // "Sat Nov 21 23:11:03 2026\r\n" for now.
    static QByteArray currentDaytime();
};

} // namespace swb
