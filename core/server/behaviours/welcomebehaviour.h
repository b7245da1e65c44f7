#pragma once
// The seed's welcome server (port 51444): greets the client with its address, asks for a string,
// reads one line and answers "You entered N characters. " before closing. TCP only.

#include "server/behaviour.h"

namespace swb {

class WelcomeBehaviour : public Behaviour {
public:
    explicit WelcomeBehaviour(const BehaviourOptions &options = {});
    QString name() const override { return QStringLiteral("welcome"); }
    bool supports(Transport transport) const override { return transport == Transport::Tcp; }
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;

    // len(line.strip()) as Python 3 computes it for the UTF-8 decoded line: ASCII whitespace is
    // stripped at both ends and code points are counted (bytes when the line is not valid UTF-8).
    static int strippedLength(const QByteArray &line);

private:
    BehaviourOptions m_options;
};

} // namespace swb
