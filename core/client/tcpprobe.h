#pragma once
// Connect & Inspect: resolve a host, create a socket, connect, and ask the socket who it is
// (getsockname / getpeername); then optionally stay connected to send, receive, half-close and close.
// Every step is a TraceEvent; the outcome is one finished() with a TcpProbeResult.

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

enum class AddressFamily { Any, IPv4, IPv6 };

struct TcpProbeRequest {
    QString host = QStringLiteral("127.0.0.1");
    QString port; // a number or a service name ("http")
    AddressFamily family = AddressFamily::Any;
    int timeoutMs = 5000; // for resolving plus connecting
};

struct TcpProbeResult {
    SessionError error; // kind None on success
    QList<QHostAddress> addresses; // what getaddrinfo returned (after the family filter)
    Endpoint local; // getsockname()
    Endpoint remote; // getpeername()
    quint16 port = 0;
    qint64 durationNs = 0; // from start to connected (or failure)
    bool ok() const { return !error.isError(); }
};

class TcpProbe : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Resolving, Connecting, Connected, HalfClosed, Closed };
    Q_ENUM(State)

    explicit TcpProbe(QObject *parent = nullptr);
    ~TcpProbe() override;

    // Validates the request (Usage errors are reported through finished() too), then runs.
    void start(const TcpProbeRequest &request);
    State state() const { return m_state; }
    const TcpProbeResult &result() const { return m_result; }
    // Everything received since connecting, up to kMaxKept bytes (older bytes are dropped).
    QByteArray received() const { return m_received; }
    static constexpr int kMaxKept = 1 << 20;
    // Hands the connected socket over to the caller (who then owns and closes it) and stops
    // watching it; the probe goes back to Idle. -1 when not connected.
    int detachSocket();

public slots:
    // While connected: queue bytes for send(); traced. Returns false when not connected.
    bool send(const QByteArray &bytes);
    // shutdown(SHUT_WR): we send nothing more; the peer sees end of stream.
    void halfClose();
    // close() the socket; also aborts a connect in progress.
    void close();

signals:
    void traced(const swb::TraceEvent &event);
    // Once per start(): connected or failed.
    void finished(const swb::TcpProbeResult &result);
    void stateChanged(swb::TcpProbe::State state);
    void dataReceived(const QByteArray &bytes);
    // The connection ended after it was made: by the peer (recv returned 0), a reset, or close().
    void connectionClosed(const swb::SessionError &why);

private slots:
    void lookedUp(const QHostInfo &info);

private:
    void resolved(const QList<QHostAddress> &addresses, const QString &errorText, int lookupError);
    void tryNextAddress();
    void onWritable();
    void onReadable();
    void fail(const SessionError &error);
    void finish();
    void setState(State state);
    void emitEvent(TraceEvent event);
    void closeSocket();
    void flushOutput();
    void lostConnection(const SessionError &why);
    void shutdownWrite();

    TcpProbeRequest m_request;
    TcpProbeResult m_result;
    TraceClock m_clock;
    State m_state = State::Idle;
    QList<QHostAddress> m_candidates;
    int m_next = 0;
    int m_fd = -1;
    int m_lookupId = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_timeout;
    QByteArray m_received;
    QByteArray m_output;
    bool m_finished = false;
    bool m_halfClosePending = false; // shutdown(SHUT_WR) once the queued output is sent
};

} // namespace swb

Q_DECLARE_METATYPE(swb::TcpProbeResult)
