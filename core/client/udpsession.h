#pragma once
// The seeds' UDP client, step by step on a real SOCK_DGRAM socket: resolve, socket, bind, connect (or
// not), sendto/send a number of times, recvfrom/recv for a receive window, close. Every call is a
// TraceEvent; each datagram sent and received is a row with its round-trip time; the outcome is one
// finished() with a UdpSessionResult.

#include "client/tcpprobe.h" // AddressFamily
#include "net/endpoint.h"
#include "trace/traceevent.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

class QHostInfo;
class QSocketNotifier;

namespace swb {

struct UdpSessionRequest {
    QString host = QStringLiteral("127.0.0.1");
    QString port; // a number or a service name, looked up for "udp"
    AddressFamily family = AddressFamily::Any;
    // connect() first, then send/recv: the kernel keeps only the peer's datagrams and reports an
    // ICMP port-unreachable as ECONNREFUSED. Unconnected: sendto/recvfrom, replies from anyone.
    bool connected = false;
    quint16 localPort = 0; // bind() to this port first; 0: the system picks one at the first send
    QByteArray payload; // empty is legal (RFC 868 time sends an empty datagram)
    int count = 1; // datagrams to send, 1..kMaxCount
    int intervalMs = 1000; // between sends
    int receiveWindowMs = 2000; // how long to keep receiving after the last send
    // Ends the window early once every datagram sent has had a reply (the seed waits on instead).
    bool finishWhenAllAnswered = false;
    int readBufferSize = 65536; // recv buffer; a smaller one shows a reply truncated
    int resolveTimeoutMs = 5000;
    bool broadcast = false; // setsockopt(SO_BROADCAST): needed to send to a broadcast address
    // Multicast: join this group (empty: none) on the interface with this address (empty: any).
    QString multicastGroup;
    QString multicastInterface;
    int multicastTtl = -1; // IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS; -1 leaves the default (1)
    int multicastLoop = -1; // IP_MULTICAST_LOOP: 0 off, 1 on, -1 leaves the default (on)

    static constexpr int kMaxCount = 1000000;
};

// The largest UDP payload: 65535 (the IP length field) minus the UDP header (8) and, over IPv4, the
// IPv4 header (20). IPv6's 16-bit payload length does not count its 40-byte header.
constexpr int kMaxUdpPayloadIPv4 = 65507;
constexpr int kMaxUdpPayloadIPv6 = 65527;

// One datagram sent, and the reply that answered it. UDP carries no sequence numbers, so which send
// a reply answers is inferred: the newest unanswered send with the same payload as the reply (an
// echo), else the newest unanswered send. On one machine a reply comes back long before the next
// send, so this stays right when datagrams are lost; give each datagram different text to be sure.
struct UdpExchange {
    int index = 0; // 1, 2, ... in sending order
    qint64 sentNs = -1; // session time of sendto/send
    qint64 size = 0;
    size_t payloadHash = 0; // qHash of what was sent, to pair an echo with its datagram
    qint64 replyNs = -1; // -1: no reply (yet)
    qint64 replySize = 0;
    Endpoint replySender;
    bool answered() const { return replyNs >= 0; }
    qint64 rttNs() const { return answered() ? replyNs - sentNs : -1; }
};

// One datagram received.
struct UdpReply {
    int answers = 0; // the index of the send it answers; 0 when every send already had a reply
    qint64 atNs = 0;
    qint64 rttNs = -1; // when it answers a send
    Endpoint sender; // what recvfrom returned (connected mode: the peer)
    QByteArray payload; // what fitted in the read buffer (finished() keeps kMaxPayload of it)
    qint64 size = 0; // the datagram's real size, even when truncated
    bool truncated = false; // larger than the read buffer: the rest was discarded (MSG_TRUNC)
};

struct UdpSessionResult {
    SessionError error; // kind None when the window closed normally (with or without replies)
    QList<QHostAddress> addresses; // what getaddrinfo returned
    Endpoint local; // getsockname()
    Endpoint remote; // where the datagrams went
    bool connected = false;
    QList<UdpExchange> exchanges; // one per datagram sent
    QList<UdpReply> replies; // the first kMaxKeptReplies received, payloads cut to TraceEvent::kMaxPayload
    int sent = 0;
    int received = 0;
    int answered = 0;
    int unanswered = 0; // sent - answered
    int truncated = 0;
    qint64 durationNs = 0;
    bool ok() const { return !error.isError(); }

    static constexpr int kMaxKeptReplies = 10000;
};

class UdpSession : public QObject {
    Q_OBJECT
public:
    explicit UdpSession(QObject *parent = nullptr);
    ~UdpSession() override;

    // Validates the request (Usage errors come through finished() too) and runs it. A session
    // still running is cancelled first, and gets its own finished().
    void start(const UdpSessionRequest &request);
    // Stops a running session: it finishes with a Local error (CANCELLED).
    void cancel();

    bool isRunning() const { return m_running; }
    const UdpSessionResult &result() const { return m_result; } // filled in as it runs

signals:
    void traced(const swb::TraceEvent &event);
    void datagramSent(const swb::UdpExchange &exchange);
    void datagramReceived(const swb::UdpReply &reply);
    // Exactly once per start().
    void finished(const swb::UdpSessionResult &result);

private slots:
    void lookedUp(const QHostInfo &info);

private:
    // Those returning bool say whether the same session still runs after the signals they emitted
    // (a slot may cancel it, start another or delete this object).
    bool emitEvent(TraceEvent event);
    bool resolved(const QList<QHostAddress> &addresses, const QString &errorText, int lookupError);
    bool openSocket();
    bool setOption(int level, int name, const void *value, unsigned length, const QString &args);
    bool traceLocalName(const QString &note);
    bool sendNext();
    void onReadable();
    UdpExchange *pairReply(const QByteArray &payload, bool truncated);
    void onWritable();
    void windowClosed();
    bool connectionRefused(const QString &call);
    void fail(const SessionError &error);
    void finishSession();
    bool closeSocket(); // whether a socket was open
    TraceEvent event(TraceKind kind, const QString &call, const QString &args, const QString &result) const;

    UdpSessionRequest m_request;
    UdpSessionResult m_result;
    TraceClock m_clock;
    quint16 m_port = 0;
    int m_family = 0; // AF_INET or AF_INET6 of the socket
    int m_fd = -1;
    int m_lookupId = -1;
    bool m_running = false;
    bool m_localKnown = false; // getsockname traced
    bool m_sendPending = false; // a send waits for the socket to become writable
    quint64 m_generation = 0; // changes when a session starts or ends
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_sendTimer;
    QTimer m_windowTimer;
    QTimer m_resolveTimer;
    QByteArray m_readBuffer;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::UdpExchange)
Q_DECLARE_METATYPE(swb::UdpReply)
Q_DECLARE_METATYPE(swb::UdpSessionResult)
