#include "server/serversession.h"

#include "net/epolldispatcher.h"
#include "server/connectionmodel.h"
#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"

#include <QThread>

namespace swb {

ServerSession::ServerSession(const ListenServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_buffer(new TraceBuffer(this))
    , m_trace(new TraceModel(this))
    , m_connections(new ConnectionModel(options.transport, this))
{
    connect(m_buffer, &TraceBuffer::flushed, this, &ServerSession::onBatch);
}

ServerSession::~ServerSession()
{
    delete m_run;
    m_run = nullptr;
    if (m_thread) {
        // Closing the app with the server running: close its sockets on its thread, then wait for
        // that thread (a few milliseconds) so nothing outlives the session.
        if (m_server) {
            m_server->disconnect(this);
            QMetaObject::invokeMethod(m_server, &ListenServer::stop, Qt::QueuedConnection);
        }
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    // Threads of earlier runs are quitting already: make sure they are gone before the buffer is.
    for (const QPointer<QThread> &thread : std::as_const(m_finishing)) {
        if (thread) {
            thread->wait();
            delete thread;
        }
    }
}

void ServerSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ServerSession::start()
{
    if (isRunning() || m_state == State::Stopping)
        return;
    releaseThread();
    m_error = {};
    m_local = {};
    // A new run numbers its clients from 1 again.
    m_connections->reset(m_options.transport);
    m_run = new QObject(this);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("swb-server"));
    if (QAbstractEventDispatcher *dispatcher = EpollEventDispatcher::createForServerThread())
        m_thread->setEventDispatcher(dispatcher);
    auto *server = new ListenServer(m_options);
    server->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, server, &QObject::deleteLater);
    // Events are collected on the worker thread and reach the GUI thread in batches.
    TraceBuffer *buffer = m_buffer;
    connect(
        server, &ListenServer::traced, server, [buffer](const TraceEvent &e) { buffer->append(e); },
        Qt::DirectConnection);
    connect(server, &ListenServer::started, m_run, [this](const Endpoint &local) { onStarted(local); });
    connect(server, &ListenServer::failed, m_run, [this](const SessionError &e) { onFailed(e); });
    connect(server, &ListenServer::stopped, m_run, [this] { onStopped(); });
    m_server = server;
    m_thread->start();
    setState(State::Starting);
    QMetaObject::invokeMethod(server, &ListenServer::start, Qt::QueuedConnection);
}

void ServerSession::stop()
{
    if (!isRunning() || !m_server)
        return;
    setState(State::Stopping);
    QMetaObject::invokeMethod(m_server, &ListenServer::stop, Qt::QueuedConnection);
}

void ServerSession::onStarted(const Endpoint &local)
{
    m_local = local;
    if (m_state == State::Stopping)
        return; // stopped before it started: stopped() follows
    setState(State::Listening);
    emit started(local);
}

void ServerSession::onFailed(const SessionError &error)
{
    m_error = error;
    flushEvents();
    releaseThread();
    setState(State::Failed);
    emit failed(error);
}

void ServerSession::onStopped()
{
    // The stop's own close events are in the buffer by now (emitted before stopped()).
    flushEvents();
    releaseThread();
    setState(State::Stopped);
    emit stopped();
}

void ServerSession::releaseThread()
{
    delete m_run;
    m_run = nullptr;
    if (!m_thread)
        return;
    // The thread ends on its own; the server is deleted on it as it finishes, and the thread object
    // once it has finished, without waiting here.
    QThread *thread = m_thread;
    m_thread = nullptr;
    m_server = nullptr;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->quit();
    m_finishing.removeAll(nullptr);
    m_finishing.append(thread);
}

void ServerSession::flushEvents()
{
    m_buffer->flush();
}

void ServerSession::onBatch(const QVector<TraceEvent> &batch)
{
    m_connections->addEvents(batch);
    m_trace->appendBatch(batch);
    emit eventsArrived(batch);
}

void ServerSession::sendTo(int clientId, const QByteArray &bytes)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server, clientId, bytes] { server->sendTo(clientId, bytes); });
}

void ServerSession::sendToAll(const QByteArray &bytes)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server, bytes] { server->sendToAll(bytes); });
}

void ServerSession::halfCloseClient(int clientId)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server, clientId] { server->halfCloseClient(clientId); });
}

void ServerSession::closeClient(int clientId)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server, clientId] { server->closeClient(clientId); });
}

} // namespace swb
