#include "listenserver.h"

#include "net/sockutil.h"
#include "server/serverconnection.h"

#include <QTimer>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace swb {

ListenServer::ListenServer(const ListenServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_dropRandom(options.dropSeed != 0 ? options.dropSeed : QRandomGenerator::global()->generate())
{
    m_options.dropPercent = qBound(0, m_options.dropPercent, 100);
}

ListenServer::~ListenServer()
{
    // Destroyed without stop(): close quietly, nobody listens to our signals any more.
    for (ServerConnection *c : std::as_const(m_connections))
        delete c;
    m_connections.clear();
    delete m_notifier;
    if (m_fd >= 0)
        SockUtil::closeFd(m_fd);
}

void ListenServer::emitEvent(TraceEvent event)
{
    emit traced(event);
}

bool ListenServer::fail(int err, const QString &call, const QString &arguments)
{
    SessionError e = makeErrnoError(err, call);
    if (err == EADDRINUSE)
        e.message = tr("Port %1 is already in use on %2: another server listens there. Stop it, choose another "
                       "port, or use port 0 for a free one.")
                        .arg(m_options.port)
                        .arg(m_options.bindAddress);
    else if (err == EACCES && m_options.port < 1024)
        e.message
            = tr("Port %1 is below 1024 and needs administrator rights. Use a port above 1024.").arg(m_options.port);
    TraceEvent ev = m_clock.makeError(call, arguments, e);
    emitEvent(ev);
    if (m_fd >= 0) {
        SockUtil::closeFd(m_fd);
        m_fd = -1;
    }
    emit failed(e);
    return false;
}

void ListenServer::start()
{
    if (m_fd >= 0)
        return;
    m_clock.restart();
    m_stats = {};
    m_behaviour = createBehaviour(m_options.behaviour, m_options.behaviourOptions);
    if (!m_behaviour) {
        emit failed(makeUsageError(QStringLiteral("behaviour"),
            tr("Unknown behaviour '%1'; choose one of: %2").arg(m_options.behaviour, behaviourNames().join(u", "))));
        return;
    }
    if (!m_behaviour->supports(m_options.transport)) {
        emit failed(makeUsageError(QStringLiteral("behaviour"),
            tr("The %1 behaviour does not work over %2.")
                .arg(m_options.behaviour, transportName(m_options.transport).toUpper())));
        return;
    }
    const Endpoint want { m_options.bindAddress, m_options.port };
    sockaddr_storage ss {};
    unsigned len = 0;
    if (!want.toSockaddr(&ss, &len)) {
        emit failed(makeUsageError(QStringLiteral("bind address"),
            tr("Bind address '%1' is not a numeric IPv4 or IPv6 address of this machine.").arg(m_options.bindAddress)));
        return;
    }
    const int family = ss.ss_family;
    const int type = m_options.transport == Transport::Tcp ? SOCK_STREAM : SOCK_DGRAM;
    const QString socketArgs = QStringLiteral("(%1, %2)").arg(SockUtil::familyName(family), SockUtil::typeName(type));

    m_fd = ::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return void(fail(errno, QStringLiteral("socket"), socketArgs));
    emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("socket"), socketArgs, QStringLiteral("fd %1").arg(m_fd)));

    // Only for TCP: on Linux two UDP sockets with SO_REUSEADDR may share a port silently.
    if (m_options.reuseAddress && m_options.transport == Transport::Tcp) {
        const int one = 1;
        const QString args = QStringLiteral("(SOL_SOCKET, SO_REUSEADDR, 1)");
        if (::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
            return void(fail(errno, QStringLiteral("setsockopt"), args));
        emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("setsockopt"), args, QStringLiteral("ok")));
    }

    // Port 0 is shown too: asking for "any free port" is part of the lesson.
    const QString bindArgs = want.port != 0 ? QStringLiteral("(%1)").arg(want.toString())
        : want.isIPv6()                     ? QStringLiteral("([%1]:0)").arg(want.host)
                                            : QStringLiteral("(%1:0)").arg(want.host);
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&ss), socklen_t(len)) != 0)
        return void(fail(errno, QStringLiteral("bind"), bindArgs));
    emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("bind"), bindArgs, QStringLiteral("ok")));

    if (m_options.transport == Transport::Tcp) {
        const QString args = QStringLiteral("(%1)").arg(m_options.backlog);
        if (::listen(m_fd, m_options.backlog) != 0)
            return void(fail(errno, QStringLiteral("listen"), args));
        emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("listen"), args, QStringLiteral("ok")));
    }

    m_local = SockUtil::localEndpoint(m_fd);
    emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getsockname"), QStringLiteral("()"), m_local.toString()));

    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    if (m_options.transport == Transport::Tcp)
        connect(m_notifier, &QSocketNotifier::activated, this, &ListenServer::onAcceptable);
    else
        connect(m_notifier, &QSocketNotifier::activated, this, &ListenServer::onDatagramReadable);
    TraceEvent ready = m_clock.make(TraceKind::Note, QString(),
        m_options.transport == Transport::Tcp
            ? tr("%1 server listening on %2: waiting in accept()").arg(m_options.behaviour, m_local.toString())
            : tr("%1 server bound to %2: waiting in recvfrom()").arg(m_options.behaviour, m_local.toString()));
    ready.local = m_local;
    emitEvent(ready);
    emit started(m_local);
}

void ListenServer::onAcceptable()
{
    // Accept what is waiting, but a bounded number per wake-up so clients already connected are served too.
    for (int i = 0; i < 64 && m_fd >= 0; ++i) {
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            const int err = errno;
            if (err == EAGAIN || err == EWOULDBLOCK || err == EINTR)
                return;
            if (err == ECONNABORTED || err == EPROTO)
                continue;
            SessionError e = makeErrnoError(err, QStringLiteral("accept"));
            TraceEvent ev = m_clock.makeError(QStringLiteral("accept"), QStringLiteral("()"), e);
            emitEvent(ev);
            if (err == EMFILE || err == ENFILE || err == ENOBUFS || err == ENOMEM) {
                // Out of descriptors: pause accepting briefly instead of spinning on the same error.
                m_notifier->setEnabled(false);
                QTimer::singleShot(100, this, [this] {
                    if (m_notifier)
                        m_notifier->setEnabled(true);
                });
            }
            return;
        }
        const Endpoint peer = Endpoint::fromSockaddr(reinterpret_cast<sockaddr *>(&ss));
        // An accepted socket's local address is the listening one's, unless that is a wildcard.
        const bool wildcard
            = m_options.bindAddress == QLatin1String("0.0.0.0") || m_options.bindAddress == QLatin1String("::");
        const Endpoint local = wildcard ? SockUtil::localEndpoint(fd) : m_local;
        const int id = m_nextId++;
        TraceEvent ev = m_clock.make(TraceKind::Opened, QStringLiteral("accept"), QStringLiteral("()"),
            tr("fd %1, client %2").arg(fd).arg(peer.toString()));
        ev.local = local;
        ev.remote = peer;
        ev.connectionId = id;
        emitEvent(ev);
        if (m_connections.size() >= m_options.maxClients) {
            ++m_stats.refused;
            SockUtil::closeFd(fd);
            TraceEvent closed = m_clock.make(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"),
                tr("ok (refused: the server already has its maximum of %1 clients)").arg(m_options.maxClients));
            closed.local = local;
            closed.remote = peer;
            closed.connectionId = id;
            closed.error = ErrorKind::Local;
            emitEvent(closed);
            continue;
        }
        ++m_stats.clientsTotal;
        auto *connection
            = new ServerConnection(this, id, fd, peer, local, m_behaviour->newStreamHandler(), m_options.idleTimeoutMs);
        m_connections.insert(id, connection);
        m_stats.clientsNow = int(m_connections.size());
        connection->begin();
    }
}

void ListenServer::onDatagramReadable()
{
    if (m_datagramBuffer.size() < 65536)
        m_datagramBuffer.resize(65536);
    for (int i = 0; i < 256 && m_fd >= 0; ++i) {
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        const ssize_t n = ::recvfrom(m_fd, m_datagramBuffer.data(), size_t(m_datagramBuffer.size()), MSG_TRUNC,
            reinterpret_cast<sockaddr *>(&ss), &len);
        if (n < 0) {
            const int err = errno;
            if (err == EAGAIN || err == EWOULDBLOCK || err == EINTR)
                return;
            // An ICMP error from an earlier sendto (e.g. the client's port is closed): note it, go on.
            SessionError e = makeErrnoError(err, QStringLiteral("recvfrom"));
            TraceEvent ev = m_clock.makeError(QStringLiteral("recvfrom"), QStringLiteral("()"), e);
            emitEvent(ev);
            continue;
        }
        const qint64 realSize = n;
        const QByteArray data(m_datagramBuffer.constData(), int(qMin<qint64>(n, m_datagramBuffer.size())));
        ++m_stats.datagramsIn;
        m_stats.bytesIn += realSize;
        const QByteArray key(reinterpret_cast<const char *>(&ss), int(len));
        auto found = m_udpSenders.constFind(key);
        if (found == m_udpSenders.cend()) {
            if (m_udpSenders.size() >= 10000) { // forget old senders rather than grow without bound
                m_udpSenders.clear();
                m_udpSenderById.clear();
            }
            found = m_udpSenders.insert(key, m_nextId++);
            const Endpoint peer = Endpoint::fromSockaddr(reinterpret_cast<sockaddr *>(&ss));
            m_udpSenderById.insert(*found, UdpSender { peer, peer.toString() });
        }
        const int id = *found;
        const UdpSender sender = m_udpSenderById[id]; // a copy: a slot may stop the server and clear the table
        TraceEvent in = m_clock.make(TraceKind::Received, QStringLiteral("recvfrom"), QStringLiteral("()"),
            tr("%1 from %2").arg(byteCount(realSize), sender.text));
        in.payload = data.left(TraceEvent::kMaxPayload);
        in.size = realSize;
        in.local = m_local;
        in.remote = sender.peer;
        in.connectionId = id;
        emitEvent(in);
        if (m_fd < 0)
            return; // stopped by a slot on that event

        if (m_options.dropPercent > 0 && int(m_dropRandom.bounded(100)) < m_options.dropPercent) {
            ++m_stats.datagramsDropped;
            TraceEvent dropped = m_clock.make(TraceKind::Note, lossyDropCall(), QString(),
                tr("dropped on purpose (lossy: %1% of datagrams are lost), as a busy network might")
                    .arg(m_options.dropPercent));
            dropped.local = m_local;
            dropped.remote = sender.peer;
            dropped.connectionId = id;
            emitEvent(dropped);
            continue;
        }
        const std::optional<QByteArray> reply = m_behaviour->datagram(data, sender.peer);
        if (reply)
            sendDatagram(id, sender, *reply);
    }
}

void ListenServer::sendDatagram(int id, const UdpSender &sender, const QByteArray &bytes)
{
    const Endpoint &peer = sender.peer;
    sockaddr_storage to {};
    unsigned toLen = 0;
    peer.toSockaddr(&to, &toLen);
    const ssize_t sent = ::sendto(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL,
        reinterpret_cast<const sockaddr *>(&to), socklen_t(toLen));
    const int sendErr = sent < 0 ? errno : 0;
    TraceEvent out = m_clock.make(TraceKind::Sent, QStringLiteral("sendto"),
        QStringLiteral("(%1, %2)").arg(sender.text, byteCount(bytes.size())),
        sent >= 0 ? QString::number(sent) : errnoName(sendErr));
    out.local = m_local;
    out.remote = peer;
    out.connectionId = id;
    if (sent >= 0) {
        ++m_stats.datagramsOut;
        m_stats.bytesOut += sent;
        out.payload = bytes.left(TraceEvent::kMaxPayload);
        out.size = sent;
    } else {
        out.kind = TraceKind::Error;
        out.error = ErrorKind::Io;
    }
    emitEvent(out);
}

void ListenServer::connectionFinished(int id)
{
    if (ServerConnection *c = m_connections.take(id))
        c->deleteLater();
    m_stats.clientsNow = int(m_connections.size());
}

void ListenServer::stop()
{
    if (m_fd < 0) {
        emit stopped();
        return;
    }
    const auto connections = m_connections.values();
    for (ServerConnection *c : connections)
        c->closeForShutdown();
    delete m_notifier;
    m_notifier = nullptr;
    SockUtil::closeFd(m_fd);
    m_fd = -1;
    TraceEvent ev = m_clock.make(
        TraceKind::Closed, QStringLiteral("close"), QStringLiteral("(listening socket)"), QStringLiteral("ok"));
    ev.local = m_local;
    emitEvent(ev);
    m_udpSenders.clear();
    m_udpSenderById.clear();
    emit stopped();
}

void ListenServer::noteUnknownClient(int clientId)
{
    QString text;
    if (m_fd < 0)
        text = tr("The server is not running.");
    else if (m_options.transport == Transport::Udp && m_udpSenderById.contains(clientId))
        text = tr("UDP has no connections: there is nothing to half-close or close for sender %1.").arg(clientId);
    else
        text = tr("Client %1 is no longer connected.").arg(clientId);
    TraceEvent ev = m_clock.make(TraceKind::Note, QString(), text);
    ev.connectionId = clientId;
    emitEvent(ev);
}

void ListenServer::sendTo(int clientId, const QByteArray &bytes)
{
    if (m_fd >= 0 && m_options.transport == Transport::Udp) {
        const auto peer = m_udpSenderById.constFind(clientId);
        if (peer != m_udpSenderById.cend())
            return sendDatagram(clientId, *peer, bytes);
    } else if (ServerConnection *c = m_connections.value(clientId)) {
        c->sendFromOperator(bytes);
        return;
    }
    noteUnknownClient(clientId);
}

void ListenServer::sendToAll(const QByteArray &bytes)
{
    if (m_fd < 0)
        return noteUnknownClient(0);
    if (m_options.transport == Transport::Udp) {
        const auto senders = m_udpSenderById; // sending may not change it, but iterate a copy anyway
        for (auto it = senders.cbegin(); it != senders.cend(); ++it)
            sendDatagram(it.key(), it.value(), bytes);
        return;
    }
    const auto connections = m_connections.values();
    for (ServerConnection *c : connections)
        c->sendFromOperator(bytes);
}

void ListenServer::halfCloseClient(int clientId)
{
    if (ServerConnection *c = m_connections.value(clientId))
        return c->halfCloseFromOperator();
    noteUnknownClient(clientId);
}

void ListenServer::closeClient(int clientId)
{
    if (ServerConnection *c = m_connections.value(clientId))
        return c->closeFromOperator();
    noteUnknownClient(clientId);
}

} // namespace swb
