#pragma once
// The local lab: one ListenServer per lab service on 127.0.0.1, on a network worker thread, at
// preferred ports (falling back to an ephemeral port when one is taken), so every panel's first
// click works with no network and no set-up.

#include "net/endpoint.h"
#include "trace/traceevent.h"

#include <QList>
#include <QObject>
#include <QString>

class QThread;

namespace swb {

class ListenServer;

struct LabService {
    QString behaviour; // "echo"
    Transport transport = Transport::Tcp;
    quint16 preferredPort = 0;
    quint16 port = 0; // the real port, once running
    bool running = false;
    QString error; // why it could not start
    QString label() const; // "echo (TCP)"
};

class LocalLab : public QObject {
    Q_OBJECT
public:
    // The services of the lab and their preferred ports, as in docs/architecture.md.
    static QList<LabService> defaultServices();

    explicit LocalLab(QObject *parent = nullptr);
    ~LocalLab() override;

    // Bind every service to port 0 instead of its preferred port (tests).
    void setEphemeralPorts(bool ephemeral) { m_ephemeral = ephemeral; }
    void setBindAddress(const QString &address) { m_bindAddress = address; }

    // Starts the worker thread and the servers; emits ready() once every service has started or failed.
    void start();
    void stop();
    bool isReady() const { return m_ready; }
    QList<LabService> services() const { return m_services; }
    // The real port of a service, 0 when it is not running.
    quint16 port(const QString &behaviour, Transport transport = Transport::Tcp) const;
    QString bindAddress() const { return m_bindAddress; }

signals:
    void ready();
    // Every event of every lab server, emitted on the worker thread (use a TraceBuffer or a
    // direct connection).
    void traced(const swb::TraceEvent &event);

private:
    void serviceStarted(int index, quint16 port);
    void serviceFailed(int index, const QString &error, bool retryEphemeral);
    void startOne(int index, quint16 port);

    QList<LabService> m_services;
    QList<ListenServer *> m_servers;
    QThread *m_thread = nullptr;
    // Context of one start()..stop() run: deleting it drops replies still queued from the old servers.
    QObject *m_run = nullptr;
    QString m_bindAddress = QStringLiteral("127.0.0.1");
    bool m_ephemeral = false;
    bool m_ready = false;
    int m_pending = 0;
};

} // namespace swb
