#pragma once
// The Time query panel's engine: asks a time server (RFC 868 time, RFC 867 daytime, SNTP v4) over
// UDP or TCP, retries with a timeout each (the seed's "run it several times", done for you), and
// decodes the reply step by step. Every attempt and every socket call is a TraceEvent.

#include "client/tcpprobe.h"
#include "client/udpsession.h"
#include "net/endpoint.h"
#include "time/timedecode.h"
#include "trace/traceevent.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace swb {

enum class TimeProtocol { Rfc868Time, Daytime, Sntp };

QString timeProtocolName(TimeProtocol protocol); // "time", "daytime", "sntp"
std::optional<TimeProtocol> timeProtocolFromName(const QString &name);
// The service name looked up when no port is given: "time", "daytime", "ntp".
QString timeServiceName(TimeProtocol protocol);
// The well-known port when the service table does not know the name: 37, 13, 123.
quint16 timeDefaultPort(TimeProtocol protocol);

struct TimeQueryRequest {
    QString host = QStringLiteral("127.0.0.1");
    QString port; // a number or service name; empty: the protocol's own port for the transport
    TimeProtocol protocol = TimeProtocol::Rfc868Time;
    Transport transport = Transport::Udp; // SNTP is UDP only
    int retries = 3; // attempts in all
    int timeoutMs = 2000; // per attempt

    static constexpr int kMaxRetries = 100;
    static constexpr int kMaxTimeoutMs = 3600000;
};

struct TimeQueryResult {
    SessionError error;
    TimeProtocol protocol = TimeProtocol::Rfc868Time;
    Transport transport = Transport::Udp;
    QString port; // the port used, as a number
    int attempts = 0; // attempts made
    QByteArray reply; // the raw reply bytes
    QDateTime localClock; // the local wall clock (UTC) when the reply came
    // The decoding of the reply; exactly one is set once a reply came.
    std::optional<TimeDecoding> time;
    std::optional<SntpDecoding> sntp;
    std::optional<DaytimeDecoding> daytime;
    QDateTime serverTime; // UTC; invalid when the reply could not be read as a time
    bool differenceKnown = false;
    double differenceSeconds = 0; // server minus local clock: positive when the server is ahead
    QString note; // how the difference was found, when it needs saying

    bool ok() const { return !error.isError(); }
};

class TimeQuery : public QObject {
    Q_OBJECT
public:
    explicit TimeQuery(QObject *parent = nullptr);
    ~TimeQuery() override;

    // Validates the request (Usage errors come through finished() too) and runs it. A query still
    // running is cancelled first, and gets its own finished().
    void start(const TimeQueryRequest &request);
    // Stops a running query: it finishes with a Local error (CANCELLED).
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void traced(const swb::TraceEvent &event);
    // Exactly once per start().
    void finished(const swb::TimeQueryResult &result);

private:
    void nextAttempt();
    void startUdp();
    void startTcp();
    void udpFinished(const UdpSessionResult &r);
    void tcpConnected(const TcpProbeResult &r);
    void tcpClosed(const SessionError &why);
    void tcpTimedOut();
    void noReply(const QString &why);
    void decode(const QByteArray &reply, qint64 replyMs);
    void note(const QString &text);
    void fail(const SessionError &error);
    void finish();
    void dropChildren();

    TimeQueryRequest m_request;
    TimeQueryResult m_result;
    TraceClock m_clock;
    bool m_running = false;
    quint64 m_generation = 0;
    quint64 m_t1 = 0; // SNTP: the transmit timestamp of the request in flight
    QByteArray m_reply; // what came in the current attempt
    bool m_gotReply = false;
    qint64 m_replyMs = 0;
    QPointer<UdpSession> m_udp;
    QPointer<TcpProbe> m_tcp;
    QTimer m_readTimer;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::TimeQueryResult)
