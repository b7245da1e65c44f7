#include "locallab.h"

#include "net/epolldispatcher.h"
#include "server/listenserver.h"

#include <QThread>

#include <cerrno>

namespace swb {

QString LabService::label() const
{
    return QStringLiteral("%1 (%2)").arg(behaviour, transportName(transport).toUpper());
}

QList<LabService> LocalLab::defaultServices()
{
    auto service = [](const char *behaviour, Transport transport, quint16 port) {
        LabService s;
        s.behaviour = QString::fromLatin1(behaviour);
        s.transport = transport;
        s.preferredPort = port;
        return s;
    };
    return {
        service("echo", Transport::Tcp, 50007),
        service("echo", Transport::Udp, 50007),
        service("daytime", Transport::Tcp, 50013),
        service("daytime", Transport::Udp, 50013),
        service("time", Transport::Tcp, 50037),
        service("time", Transport::Udp, 50037),
        service("sntp", Transport::Udp, 50123),
        service("http", Transport::Tcp, 50080),
        service("timestamp", Transport::Tcp, 21567),
        service("timestamp", Transport::Udp, 21567),
        service("welcome", Transport::Tcp, 51444),
    };
}

LocalLab::LocalLab(QObject *parent)
    : QObject(parent)
{
}

LocalLab::~LocalLab()
{
    stop();
}

void LocalLab::start()
{
    if (m_thread)
        return;
    m_ready = false;
    m_services = defaultServices();
    m_servers = QList<ListenServer *>(m_services.size(), nullptr);
    m_pending = int(m_services.size());
    m_run = new QObject(this);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("swb-lab"));
    if (QAbstractEventDispatcher *dispatcher = EpollEventDispatcher::createForServerThread())
        m_thread->setEventDispatcher(dispatcher);
    m_thread->start();
    for (int i = 0; i < m_services.size(); ++i)
        startOne(i, m_ephemeral ? 0 : m_services[i].preferredPort);
}

void LocalLab::startOne(int index, quint16 port)
{
    ListenServerOptions options;
    options.transport = m_services[index].transport;
    options.behaviour = m_services[index].behaviour;
    options.bindAddress = m_bindAddress;
    options.port = port;
    // The lab's servers are created here and then handed to the worker thread, where they live.
    auto *server = new ListenServer(options);
    server->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, server, &QObject::deleteLater);
    connect(server, &ListenServer::traced, this, &LocalLab::traced, Qt::DirectConnection);
    connect(server, &ListenServer::started, m_run,
        [this, index](const Endpoint &local) { serviceStarted(index, local.port); });
    connect(server, &ListenServer::failed, m_run, [this, index, port](const SessionError &error) {
        serviceFailed(index, error.message, error.osError == QLatin1String("EADDRINUSE") && port != 0);
    });
    m_servers[index] = server;
    QMetaObject::invokeMethod(server, &ListenServer::start, Qt::QueuedConnection);
}

void LocalLab::serviceStarted(int index, quint16 port)
{
    m_services[index].port = port;
    m_services[index].running = true;
    m_services[index].error.clear();
    if (--m_pending == 0) {
        m_ready = true;
        emit ready();
    }
}

void LocalLab::serviceFailed(int index, const QString &error, bool retryEphemeral)
{
    if (retryEphemeral) {
        // The preferred port is taken (another lab, a learner's own server): take any free port instead.
        ListenServer *old = m_servers[index];
        m_servers[index] = nullptr;
        if (old)
            QMetaObject::invokeMethod(old, &QObject::deleteLater, Qt::QueuedConnection);
        startOne(index, 0);
        return;
    }
    m_services[index].running = false;
    m_services[index].error = error;
    if (--m_pending == 0) {
        m_ready = true;
        emit ready();
    }
}

quint16 LocalLab::port(const QString &behaviour, Transport transport) const
{
    for (const LabService &s : m_services) {
        if (s.behaviour == behaviour && s.transport == transport && s.running)
            return s.port;
    }
    return 0;
}

void LocalLab::stop()
{
    if (!m_thread)
        return;
    delete m_run;
    m_run = nullptr;
    for (ListenServer *server : std::as_const(m_servers)) {
        if (server) {
            server->disconnect(this);
            QMetaObject::invokeMethod(server, &ListenServer::stop, Qt::QueuedConnection);
        }
    }
    // The servers close their sockets on their own thread, then are deleted as it finishes.
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_servers.clear();
    for (LabService &s : m_services)
        s.running = false;
    m_ready = false;
}

} // namespace swb
