#pragma once
// A small HTTP/1.0 and 1.1 server for the lab: a page at "/" and test paths that show the
// protocol at work (/headers, /bytes/N, /chunked, /status/N, /slow, /redirect), with keep-alive
// and pipelining. GET and HEAD only; TCP only.

#include "server/behaviour.h"

class QDateTime;

namespace swb {

class HttpBehaviour : public Behaviour {
public:
    explicit HttpBehaviour(const BehaviourOptions &options = {});
    QString name() const override { return QStringLiteral("http"); }
    bool supports(Transport transport) const override { return transport == Transport::Tcp; }
    std::unique_ptr<StreamHandler> newStreamHandler() override;
    std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) override;

    static constexpr qint64 kMaxBytes = 1073741824; // /bytes/N: 1 GiB at most
    static constexpr int kPieceSize = 64 * 1024; // what /bytes/N hands to sendStream at a time

    // "Not Found" for 404; a generic phrase for codes without a registered one.
    static QByteArray reasonPhrase(int status);
    // RFC 9110 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    static QByteArray httpDate(const QDateTime &when);
    // /bytes/N sends byte i as bytesPattern()[i % 64].
    static QByteArray bytesPattern();
    // The chunks of /chunked and the pieces of /slow, in order.
    static QList<QByteArray> chunkedPieces();
    static QList<QByteArray> slowPieces();

private:
    BehaviourOptions m_options;
    QByteArray m_indexPage;
};

} // namespace swb
