#pragma once
// A TCP or UDP server with a chosen behaviour, traced call by call: socket, setsockopt, bind,
// listen, then every accept, recv, send and close (or recvfrom/sendto), each with a client id.
// Lives on whatever thread it was created on (the lab moves it to a network worker thread).

#include "net/endpoint.h"
#include "server/behaviour.h"
#include "trace/traceevent.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <memory>

namespace swb {

class ServerConnection;

struct ListenServerOptions {
    Transport transport = Transport::Tcp;
    QString behaviour = QStringLiteral("echo");
    QString bindAddress = QStringLiteral("127.0.0.1"); // numeric; "0.0.0.0" or "::" for all interfaces
    quint16 port = 0; // 0: ephemeral
    int backlog = 128;
    bool reuseAddress = true;
    int maxClients = 1000; // beyond this, new clients are accepted and closed at once, and counted
    int idleTimeoutMs = 0; // TCP: close a client that sends and receives nothing this long; 0: never
    // UDP: the share of received datagrams (0..100 %) dropped before the behaviour sees them, so a
    // class sees loss on one machine. dropSeed makes the choice repeatable (tests); 0: random.
    int dropPercent = 0;
    quint32 dropSeed = 0;
    BehaviourOptions behaviourOptions;
};

struct ListenServerStats {
    int clientsNow = 0;
    qint64 clientsTotal = 0;
    qint64 refused = 0; // over the client limit
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 datagramsIn = 0;
    qint64 datagramsOut = 0;
    qint64 datagramsDropped = 0; // by dropPercent
};

class ListenServer : public QObject {
    Q_OBJECT
public:
    // The call name of the Note a lossy server traces for each datagram it drops on purpose, so
    // views can count them.
    static QString lossyDropCall() { return QStringLiteral("drop"); }
    explicit ListenServer(const ListenServerOptions &options, QObject *parent = nullptr);
    ~ListenServer() override;

    const ListenServerOptions &options() const { return m_options; }
    bool isListening() const { return m_fd >= 0; }
    Endpoint localEndpoint() const { return m_local; } // the real bound port after start()
    ListenServerStats stats() const { return m_stats; }

public slots:
    // Emits started() or failed(); never blocks.
    void start();
    // Closes every client (traced) and the listening socket; emits stopped().
    void stop();

    // The operator's hand on one client (TCP: an accepted connection; UDP: a recent sender). Call on
    // the server's thread (QMetaObject::invokeMethod from elsewhere); an unknown id is noted in the trace.
    void sendTo(int clientId, const QByteArray &bytes);
    void sendToAll(const QByteArray &bytes);
    // shutdown(SHUT_WR) once the queued bytes are sent; the client may still send, and is read.
    void halfCloseClient(int clientId);
    // close() now, as Python's conn.close(): queued bytes are dropped.
    void closeClient(int clientId);

signals:
    void traced(const swb::TraceEvent &event);
    void started(const swb::Endpoint &local);
    void failed(const swb::SessionError &error);
    void stopped();

private:
    friend class ServerConnection;
    // UDP: an id per sender, like a client id, found by the raw socket address (no formatting per
    // datagram); the sender's Endpoint and its text are made once.
    struct UdpSender {
        Endpoint peer;
        QString text;
    };

    void emitEvent(TraceEvent event);
    bool fail(int err, const QString &call, const QString &arguments);
    void onAcceptable();
    void onDatagramReadable();
    void connectionFinished(int id);
    void sendDatagram(int id, const UdpSender &sender, const QByteArray &bytes);
    void noteUnknownClient(int clientId);

    ListenServerOptions m_options;
    std::unique_ptr<Behaviour> m_behaviour;
    TraceClock m_clock;
    int m_fd = -1;
    Endpoint m_local;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, ServerConnection *> m_connections;
    int m_nextId = 1;
    ListenServerStats m_stats;
    QByteArray m_datagramBuffer;
    QHash<QByteArray, int> m_udpSenders;
    QRandomGenerator m_dropRandom;
    QHash<int, UdpSender> m_udpSenderById;
};

} // namespace swb
