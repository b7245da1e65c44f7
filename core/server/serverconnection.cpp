#include "serverconnection.h"

#include "net/sockutil.h"
#include "server/listenserver.h"

#include <QSocketNotifier>
#include <QTimer>
#include <QTimerEvent>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace swb {

ServerConnection::ServerConnection(ListenServer *server, int id, int fd, const Endpoint &peer, const Endpoint &local,
    std::unique_ptr<StreamHandler> handler, int idleTimeoutMs)
    : QObject(server)
    , m_server(server)
    , m_id(id)
    , m_fd(fd)
    , m_peer(peer)
    , m_local(local)
    , m_handler(std::move(handler))
    , m_idleTimeoutMs(idleTimeoutMs)
{
}

void ServerConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_linger.timerId()) {
        m_linger.stop();
        finish(tr("the client did not close in time"));
    } else if (event->timerId() == m_stall.timerId()) {
        m_stall.stop();
        trace(TraceKind::Error, QString(),
            tr("The client has read nothing for %1 s while output waits for it.").arg(kStallMs / 1000), QString(), {},
            0, ErrorKind::Timeout);
        finish(tr("the client stopped reading"));
    } else if (event->timerId() == m_idle.timerId()) {
        m_idle.stop();
        trace(TraceKind::Error, QString(),
            tr("Nothing sent or received for %1 s: the idle timeout closes this client.")
                .arg(QString::number(m_idleTimeoutMs / 1000.0, 'f', m_idleTimeoutMs % 1000 == 0 ? 0 : 1)),
            QString(), {}, 0, ErrorKind::Timeout);
        finish(tr("idle timeout"));
    } else {
        QObject::timerEvent(event);
    }
}

void ServerConnection::touch()
{
    if (m_idleTimeoutMs > 0 && m_state != State::Closed)
        m_idle.start(m_idleTimeoutMs, Qt::CoarseTimer, this);
}

ServerConnection::~ServerConnection()
{
    // Notifiers go before their fd is closed, so the dispatcher never watches a number reused.
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        SockUtil::closeFd(m_fd);
}

void ServerConnection::begin()
{
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &ServerConnection::onReadable);
    touch();
    m_handler->opened(*this);
}

void ServerConnection::trace(TraceKind kind, const QString &call, const QString &arguments, const QString &result,
    const QByteArray &payload, qint64 size, ErrorKind error)
{
    TraceEvent e = m_server->m_clock.make(kind, call, arguments, result);
    e.local = m_local;
    e.remote = m_peer;
    e.connectionId = m_id;
    e.payload = payload.left(TraceEvent::kMaxPayload);
    e.size = size;
    e.error = error;
    m_server->emitEvent(std::move(e));
}

void ServerConnection::onReadable()
{
    if (m_state == State::Closed)
        return;
    // A bounded amount per wake-up keeps one fast client from starving the others.
    for (int round = 0; round < 4 && m_fd >= 0; ++round) {
        char buffer[kReadChunk];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            const QByteArray data(buffer, int(n));
            // Idle means no complete line from the client and nothing sent to it: a slow-loris client
            // trickling a byte at a time without ever finishing a line is idle, however busy it looks.
            if (data.contains('\n'))
                touch();
            m_bytesIn += n;
            m_server->m_stats.bytesIn += n;
            if (m_closeRequested) { // the behaviour is done with this client: nothing more reaches it
                trace(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("()"),
                    tr("%1, discarded while closing").arg(byteCount(n)), data, n);
                continue;
            }
            trace(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("()"), byteCount(n), data, n);
            m_handler->received(*this, data);
            if (m_state == State::Closed || m_state == State::PeerHalfClosed)
                return;
            updateReading();
            if (m_readNotifier && !m_readNotifier->isEnabled())
                return;
            // A short read emptied the socket: the next recv() would only say EAGAIN. The notifier
            // reports more when it comes.
            if (n < ssize_t(sizeof buffer))
                return;
            continue;
        }
        if (n == 0) {
            trace(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("()"),
                tr("0 (the client closed its side)"), {}, 0);
            m_readNotifier->setEnabled(false);
            if (m_state == State::Closing || m_shutdownSent) {
                finish(tr("closed after the client's close"));
                return;
            }
            m_state = State::PeerHalfClosed;
            m_handler->peerClosed(*this);
            return;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        fail(errno, QStringLiteral("recv"));
        return;
    }
}

void ServerConnection::send(const QByteArray &bytes)
{
    if (m_state == State::Closed || m_shutdownSent || bytes.isEmpty())
        return;
    m_output.append(bytes);
    flush();
}

void ServerConnection::sendStream(std::function<QByteArray()> next, std::function<void()> done)
{
    m_streamNext = std::move(next);
    m_streamDone = std::move(done);
    pullStream();
}

void ServerConnection::pullStream()
{
    if (m_inPull || !m_streamNext)
        return;
    m_inPull = true;
    while (m_streamNext && m_state != State::Closed && m_output.size() < kStreamHighWater) {
        const QByteArray piece = m_streamNext();
        if (piece.isEmpty()) {
            m_streamNext = nullptr;
            auto done = std::move(m_streamDone);
            m_streamDone = nullptr;
            m_inPull = false;
            if (done)
                done();
            return;
        }
        m_output.append(piece);
        flush();
    }
    m_inPull = false;
}

void ServerConnection::flush()
{
    while (!m_output.isEmpty() && m_fd >= 0) {
        const ssize_t n = ::send(m_fd, m_output.constData(), size_t(m_output.size()), MSG_NOSIGNAL);
        if (n > 0) {
            touch();
            m_bytesOut += n;
            m_server->m_stats.bytesOut += n;
            trace(TraceKind::Sent, QStringLiteral("send"), QStringLiteral("(%1)").arg(byteCount(m_output.size())),
                QString::number(n), m_output.left(int(n)), n);
            m_output.remove(0, int(n));
            if (m_output.isEmpty())
                m_stall.stop();
            else
                m_stall.start(kStallMs, this); // progress: the client reads
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // Most clients never fill the socket buffer: the write notifier is made only for those that do.
            if (!m_writeNotifier) {
                m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
                connect(m_writeNotifier, &QSocketNotifier::activated, this, &ServerConnection::onWritable);
            }
            m_writeNotifier->setEnabled(true);
            if (!m_stall.isActive())
                m_stall.start(kStallMs, this);
            updateReading();
            return;
        }
        if (n < 0 && errno == EINTR)
            continue;
        fail(errno, QStringLiteral("send"));
        return;
    }
    if (m_writeNotifier && m_output.isEmpty())
        m_writeNotifier->setEnabled(false);
    updateReading();
    if (m_output.isEmpty() && !m_inPull && m_streamNext) {
        pullStream();
        return;
    }
    maybeFinishClosing();
}

void ServerConnection::updateReading()
{
    // Backpressure: while a client does not read what we owe it, stop reading what it sends, so a
    // client that floods without reading can never make us buffer without bound.
    if (!m_readNotifier || m_state == State::Closed || m_state == State::PeerHalfClosed)
        return;
    if (m_shutdownSent) {
        m_readNotifier->setEnabled(true);
        return;
    }
    if (m_output.size() >= kStreamHighWater)
        m_readNotifier->setEnabled(false);
    else if (m_output.size() < kStreamHighWater / 2)
        m_readNotifier->setEnabled(true);
}

void ServerConnection::onWritable()
{
    m_writeNotifier->setEnabled(false);
    flush();
}

void ServerConnection::closeAfterSending()
{
    if (m_state == State::Closed)
        return;
    m_closeRequested = true;
    maybeFinishClosing();
}

void ServerConnection::shutdownWrite()
{
    m_shutdownSent = true;
    if (::shutdown(m_fd, SHUT_WR) == 0)
        trace(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"), QStringLiteral("ok"));
    else
        trace(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"), errnoName(errno));
}

void ServerConnection::maybeFinishClosing()
{
    if (m_halfCloseRequested && !m_shutdownSent && m_output.isEmpty() && !m_streamNext && m_fd >= 0) {
        // The operator's half-close: FIN now, and go on reading until the client closes its side.
        shutdownWrite();
        if (m_state == State::PeerHalfClosed)
            return finish(tr("both sides done"));
        updateReading();
        return;
    }
    if (m_closeRequested && m_shutdownSent && m_state == State::Open && m_fd >= 0) {
        // Already half-closed by the operator, and now the behaviour is done too: wait a little for
        // the client's close, as any orderly close does.
        m_state = State::Closing;
        m_readNotifier->setEnabled(true);
        m_linger.start(kLingerMs, this);
        return;
    }
    if (!m_closeRequested || m_shutdownSent || !m_output.isEmpty() || m_streamNext || m_fd < 0)
        return;
    // Orderly close: say we are done (FIN), then read until the client closes too, so unread
    // bytes never turn our close into a reset that could destroy the reply in flight.
    const bool peerDone = m_state == State::PeerHalfClosed;
    m_state = State::Closing;
    shutdownWrite();
    if (peerDone) {
        finish(tr("both sides done"));
        return;
    }
    m_readNotifier->setEnabled(true);
    m_linger.start(kLingerMs, this);
}

void ServerConnection::closeWithError(const QString &message)
{
    if (m_state == State::Closed)
        return;
    trace(TraceKind::Error, QString(), message, QString(), {}, 0, ErrorKind::Protocol);
    finish(tr("closed by the server after an error"));
}

void ServerConnection::closeForShutdown()
{
    if (m_state == State::Closed)
        return;
    finish(tr("the server is stopping"));
}

void ServerConnection::sendFromOperator(const QByteArray &bytes)
{
    if (m_state == State::Closed)
        return;
    if (m_shutdownSent || m_closeRequested || m_halfCloseRequested) {
        note(tr("Not sent: this connection's sending side is already closed (shutdown)."));
        return;
    }
    send(bytes);
}

void ServerConnection::halfCloseFromOperator()
{
    if (m_state == State::Closed || m_shutdownSent || m_halfCloseRequested || m_closeRequested)
        return;
    m_halfCloseRequested = true;
    maybeFinishClosing();
}

void ServerConnection::closeFromOperator()
{
    finish(tr("closed by the server's operator"));
}

void ServerConnection::after(int ms, std::function<void()> fn)
{
    QTimer::singleShot(ms, this, [this, fn = std::move(fn)] {
        if (m_state != State::Closed)
            fn();
    });
}

void ServerConnection::note(const QString &text)
{
    trace(TraceKind::Note, QString(), text, QString());
}

void ServerConnection::fail(int err, const QString &call)
{
    const SessionError e = makeErrnoError(err, call);
    trace(TraceKind::Error, call, QStringLiteral("()"), e.osError, {}, 0, e.kind);
    finish(err == ECONNRESET ? tr("reset by the client") : tr("after an error"));
}

void ServerConnection::finish(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_linger.stop();
    m_stall.stop();
    m_idle.stop();
    m_streamNext = nullptr;
    m_streamDone = nullptr;
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        SockUtil::closeFd(m_fd);
        m_fd = -1;
    }
    trace(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok (%1)").arg(why));
    m_server->connectionFinished(m_id);
}

} // namespace swb
