#pragma once
// Manual: the server answers nothing by itself; the person at the console types the replies and
// decides when to half-close or close each client.

#include "server/behaviour.h"

namespace swb {

class ManualBehaviour : public Behaviour {
public:
    QString name() const override { return QStringLiteral("manual"); }
    bool supports(Transport transport) const override;
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;
};

} // namespace swb
