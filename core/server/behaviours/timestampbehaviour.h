#pragma once
// The seed's tsTserv / tsUserv: every line a TCP client sends (every datagram over UDP) comes back
// as "[<ctime>] <data>". A TCP client stays connected until it closes.

#include "server/behaviour.h"

namespace swb {

class TimestampBehaviour : public Behaviour {
public:
    explicit TimestampBehaviour(const BehaviourOptions &options = {});
    QString name() const override { return QStringLiteral("timestamp"); }
    bool supports(Transport transport) const override;
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;

    // "[Sat Nov 21 23:11:03 2026] " + data, stamped now.
    static QByteArray stamp(const QByteArray &data);

private:
    BehaviourOptions m_options;
};

} // namespace swb
