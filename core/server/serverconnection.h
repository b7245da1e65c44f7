#pragma once
// One accepted TCP client of a ListenServer: a non-blocking fd driven by socket notifiers, with an
// output queue, pull-based streaming for large bodies, and an orderly (lingering) close.

#include "server/behaviour.h"
#include "trace/traceevent.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace swb {

class ListenServer;

class ServerConnection : public QObject, public StreamPeer {
    Q_OBJECT
public:
    enum class State { Open, PeerHalfClosed, Closing, Closed };

    ServerConnection(ListenServer *server, int id, int fd, const Endpoint &peer, const Endpoint &local,
        std::unique_ptr<StreamHandler> handler, int idleTimeoutMs = 0);
    ~ServerConnection() override;

    void begin(); // after the accept event is traced: let the behaviour greet the client
    // Close now because the server stops (traced).
    void closeForShutdown();
    // The console operator's commands (see ListenServer::sendTo and friends).
    void sendFromOperator(const QByteArray &bytes);
    void halfCloseFromOperator();
    void closeFromOperator();
    State state() const { return m_state; }
    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }

    // StreamPeer
    void send(const QByteArray &bytes) override;
    void sendStream(std::function<QByteArray()> next, std::function<void()> done) override;
    void closeAfterSending() override;
    void closeWithError(const QString &message) override;
    void after(int ms, std::function<void()> fn) override;
    void note(const QString &text) override;
    Endpoint peer() const override { return m_peer; }
    Endpoint local() const override { return m_local; }
    int id() const override { return m_id; }

    // How long an orderly close waits for the client's own close after shutdown(SHUT_WR).
    static constexpr int kLingerMs = 2000;
    static constexpr int kReadChunk = 64 * 1024;
    static constexpr int kStreamHighWater = 256 * 1024;
    // A client that stops reading while we have output for it is closed after this long.
    static constexpr int kStallMs = 30000;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadable();
    void onWritable();
    void flush();
    void pullStream();
    void maybeFinishClosing();
    void shutdownWrite();
    void touch(); // activity: restart the idle timer
    void updateReading();
    void fail(int err, const QString &call);
    void finish(const QString &why);
    void trace(TraceKind kind, const QString &call, const QString &arguments, const QString &result,
        const QByteArray &payload = {}, qint64 size = 0, ErrorKind error = ErrorKind::None);

    ListenServer *m_server;
    int m_id;
    int m_fd;
    Endpoint m_peer;
    Endpoint m_local;
    std::unique_ptr<StreamHandler> m_handler;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_output;
    std::function<QByteArray()> m_streamNext;
    std::function<void()> m_streamDone;
    bool m_inPull = false;
    State m_state = State::Open;
    bool m_closeRequested = false;
    bool m_shutdownSent = false;
    bool m_halfCloseRequested = false; // by the operator: FIN once the output is sent, keep reading
    // QBasicTimer, not QTimer: a class of clients should not cost three QObjects each.
    QBasicTimer m_linger;
    QBasicTimer m_stall;
    QBasicTimer m_idle;
    int m_idleTimeoutMs = 0; // 0: no idle timeout
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
};

} // namespace swb
