#include "tcpprobe.h"

#include "net/sockutil.h"

#include <QHostInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace swb {

TcpProbe::TcpProbe(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_state != State::Resolving && m_state != State::Connecting)
            return;
        const QString what = m_state == State::Resolving ? QStringLiteral("getaddrinfo") : QStringLiteral("connect");
        SessionError e;
        e.kind = ErrorKind::Timeout;
        e.osError = QStringLiteral("ETIMEDOUT");
        e.message = tr("No answer within %1 s while waiting for %2().")
                        .arg(QString::number(m_request.timeoutMs / 1000.0, 'g', 3), what);
        TraceEvent ev = m_clock.make(TraceKind::Error, what, QString(),
            tr("timed out after %1 s").arg(QString::number(m_request.timeoutMs / 1000.0, 'g', 3)));
        ev.error = ErrorKind::Timeout;
        emitEvent(ev);
        fail(e);
    });
}

// An abandoned lookup is not aborted (QHostInfo::abortHostLookup), which in Qt 6.4 leaks what the
// lookup holds. Its answer still comes, to a destroyed receiver (which Qt drops) or with a lookup
// id that is no longer m_lookupId (which lookedUp() ignores).
TcpProbe::~TcpProbe()
{
    if (m_fd >= 0)
        SockUtil::closeFd(m_fd);
}

void TcpProbe::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TcpProbe::emitEvent(TraceEvent event)
{
    emit traced(event);
}

void TcpProbe::start(const TcpProbeRequest &request)
{
    if (m_fd >= 0 || m_lookupId >= 0)
        close();
    m_request = request;
    m_result = TcpProbeResult();
    m_received.clear();
    m_output.clear();
    m_candidates.clear();
    m_next = 0;
    m_finished = false;
    m_halfClosePending = false;
    m_clock.restart();

    const Parsed<QString> host = EndpointParser::parseHost(request.host);
    if (!host.ok())
        return fail(host.error);
    const Parsed<quint16> port = EndpointParser::parsePort(request.port, Transport::Tcp);
    if (!port.ok())
        return fail(port.error);
    m_result.port = *port.value;
    m_request.host = *host.value;

    const QString portText = request.port.trimmed();
    bool numeric = false;
    portText.toUInt(&numeric);
    if (!numeric)
        emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getservbyname"),
            QStringLiteral("(\"%1\", \"tcp\")").arg(portText), QString::number(m_result.port)));

    setState(State::Resolving);
    if (request.timeoutMs > 0)
        m_timeout.start(request.timeoutMs);
    // The receiver-and-slot form, not a functor: Qt 6.4 never frees the functor of a lookup still
    // running when the program ends (a CLI run whose timeout fired during getaddrinfo).
    m_lookupId = QHostInfo::lookupHost(m_request.host, this, SLOT(lookedUp(QHostInfo)));
}

void TcpProbe::lookedUp(const QHostInfo &info)
{
    if (info.lookupId() != m_lookupId)
        return; // the answer to an earlier, abandoned lookup
    m_lookupId = -1;
    resolved(info.addresses(), info.errorString(), int(info.error()));
}

void TcpProbe::resolved(const QList<QHostAddress> &addresses, const QString &errorText, int lookupError)
{
    if (m_state != State::Resolving)
        return;
    QList<QHostAddress> usable;
    for (const QHostAddress &a : addresses) {
        const bool v6 = a.protocol() == QAbstractSocket::IPv6Protocol;
        if ((m_request.family == AddressFamily::IPv4 && v6) || (m_request.family == AddressFamily::IPv6 && !v6))
            continue;
        usable.append(a);
    }
    const QString family = m_request.family == AddressFamily::IPv4 ? QStringLiteral("AF_INET")
        : m_request.family == AddressFamily::IPv6                  ? QStringLiteral("AF_INET6")
                                                                   : QStringLiteral("AF_UNSPEC");
    const QString args
        = QStringLiteral("(\"%1\", %2, %3, SOCK_STREAM)").arg(m_request.host).arg(m_result.port).arg(family);
    if (lookupError != QHostInfo::NoError || addresses.isEmpty()) {
        SessionError e;
        e.kind = ErrorKind::Resolve;
        e.osError = lookupError == QHostInfo::HostNotFound ? QStringLiteral("EAI_NONAME") : QStringLiteral("EAI_FAIL");
        e.message = tr("Could not find the address of '%1': %2").arg(m_request.host, errorText);
        TraceEvent ev = m_clock.makeError(QStringLiteral("getaddrinfo"), args, e);
        emitEvent(ev);
        return fail(e);
    }
    QStringList shown;
    for (const QHostAddress &a : addresses)
        shown.append(a.toString());
    emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getaddrinfo"), args, shown.join(u", ")));
    if (usable.isEmpty()) {
        SessionError e;
        e.kind = ErrorKind::Resolve;
        e.osError = QStringLiteral("EAI_ADDRFAMILY");
        e.message = m_request.family == AddressFamily::IPv6
            ? tr("'%1' has no IPv6 address. Choose IPv4 or Any.").arg(m_request.host)
            : tr("'%1' has no IPv4 address. Choose IPv6 or Any.").arg(m_request.host);
        return fail(e);
    }
    m_result.addresses = usable;
    m_candidates = usable;
    m_next = 0;
    setState(State::Connecting);
    tryNextAddress();
}

void TcpProbe::tryNextAddress()
{
    while (m_next < m_candidates.size()) {
        const QHostAddress address = m_candidates.at(m_next++);
        const Endpoint target { address.toString(), m_result.port };
        sockaddr_storage ss {};
        unsigned len = 0;
        target.toSockaddr(&ss, &len);
        const QString socketArgs = QStringLiteral("(%1, SOCK_STREAM)").arg(SockUtil::familyName(ss.ss_family));
        m_fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            const SessionError e = makeErrnoError(errno, QStringLiteral("socket"));
            TraceEvent ev = m_clock.makeError(QStringLiteral("socket"), socketArgs, e);
            emitEvent(ev);
            if (m_next < m_candidates.size())
                continue;
            return fail(e);
        }
        emitEvent(
            m_clock.make(TraceKind::Call, QStringLiteral("socket"), socketArgs, QStringLiteral("fd %1").arg(m_fd)));
        m_result.remote = target;
        const int rc = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&ss), socklen_t(len));
        if (rc == 0 || errno == EINPROGRESS) {
            // Non-blocking connect: the socket becomes writable when the handshake ends either way.
            m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this, &TcpProbe::onWritable);
            return;
        }
        const int err = errno;
        const SessionError e = makeErrnoError(err, QStringLiteral("connect"));
        TraceEvent ev = m_clock.makeError(QStringLiteral("connect"), QStringLiteral("(%1)").arg(target.toString()), e);
        ev.remote = target;
        emitEvent(ev);
        closeSocket();
        if (m_next >= m_candidates.size())
            return fail(e);
    }
}

void TcpProbe::onWritable()
{
    if (m_state == State::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
            err = errno;
        const QString args = QStringLiteral("(%1)").arg(m_result.remote.toString());
        if (err != 0) {
            SessionError e = makeErrnoError(err, QStringLiteral("connect"));
            e.message
                = tr("connect() to %1 failed: %2 (%3)").arg(m_result.remote.toString(), errnoText(err), errnoName(err));
            TraceEvent ev = m_clock.makeError(QStringLiteral("connect"), args, e);
            ev.remote = m_result.remote;
            emitEvent(ev);
            closeSocket();
            if (m_next < m_candidates.size()) {
                emitEvent(m_clock.make(TraceKind::Note, QString(), tr("trying the next address getaddrinfo returned")));
                tryNextAddress();
                return;
            }
            return fail(e);
        }
        m_timeout.stop();
        TraceEvent ok = m_clock.make(TraceKind::Opened, QStringLiteral("connect"), args, QStringLiteral("ok"));
        ok.remote = m_result.remote;
        emitEvent(ok);
        int nameErr = 0;
        m_result.local = SockUtil::localEndpoint(m_fd, &nameErr);
        emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getsockname"), QStringLiteral("()"),
            nameErr ? errnoName(nameErr) : m_result.local.toString()));
        const Endpoint peer = SockUtil::peerEndpoint(m_fd, &nameErr);
        if (peer.isValid())
            m_result.remote = peer;
        emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getpeername"), QStringLiteral("()"),
            nameErr ? errnoName(nameErr) : m_result.remote.toString()));
        m_writeNotifier->setEnabled(false);
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &TcpProbe::onReadable);
        setState(State::Connected);
        finish();
        return;
    }
    m_writeNotifier->setEnabled(false);
    flushOutput();
}

bool TcpProbe::send(const QByteArray &bytes)
{
    if (m_state != State::Connected || m_fd < 0 || m_halfClosePending)
        return false;
    m_output.append(bytes);
    flushOutput();
    return true;
}

void TcpProbe::flushOutput()
{
    while (!m_output.isEmpty() && m_fd >= 0) {
        const ssize_t n = ::send(m_fd, m_output.constData(), size_t(m_output.size()), MSG_NOSIGNAL);
        if (n >= 0) {
            TraceEvent ev = m_clock.make(TraceKind::Sent, QStringLiteral("send"),
                QStringLiteral("(%1)").arg(byteCount(m_output.size())), QString::number(n));
            ev.payload = m_output.left(int(qMin<qint64>(n, TraceEvent::kMaxPayload)));
            ev.size = n;
            ev.local = m_result.local;
            ev.remote = m_result.remote;
            emitEvent(ev);
            m_output.remove(0, int(n));
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            m_writeNotifier->setEnabled(true);
            return;
        }
        const SessionError e = makeErrnoError(errno, QStringLiteral("send"));
        TraceEvent ev = m_clock.makeError(QStringLiteral("send"), QString(), e);
        emitEvent(ev);
        lostConnection(e);
        return;
    }
    if (m_output.isEmpty() && m_halfClosePending)
        shutdownWrite();
}

void TcpProbe::onReadable()
{
    for (int round = 0; round < 8 && m_fd >= 0; ++round) {
        char buffer[65536];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            const QByteArray data(buffer, int(n));
            TraceEvent ev
                = m_clock.make(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("(65536)"), byteCount(n));
            ev.payload = data.left(TraceEvent::kMaxPayload);
            ev.size = n;
            ev.local = m_result.local;
            ev.remote = m_result.remote;
            emitEvent(ev);
            m_received.append(data);
            if (m_received.size() > kMaxKept)
                m_received.remove(0, m_received.size() - kMaxKept);
            emit dataReceived(data);
            continue;
        }
        if (n == 0) {
            emitEvent(m_clock.make(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("(65536)"),
                tr("0: the server closed the connection")));
            SessionError why;
            why.message = tr("The server closed the connection (recv() returned 0).");
            lostConnection(why);
            return;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        const int err = errno;
        SessionError e = makeErrnoError(err, QStringLiteral("recv"));
        if (err == ECONNRESET)
            e.message = tr("The server reset the connection (recv() failed with ECONNRESET).");
        TraceEvent ev = m_clock.makeError(QStringLiteral("recv"), QStringLiteral("(65536)"), e);
        emitEvent(ev);
        lostConnection(e);
        return;
    }
}

void TcpProbe::lostConnection(const SessionError &why)
{
    closeSocket();
    emitEvent(m_clock.make(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok")));
    setState(State::Closed);
    emit connectionClosed(why);
}

void TcpProbe::halfClose()
{
    if (m_state != State::Connected || m_fd < 0)
        return;
    if (!m_output.isEmpty()) {
        m_halfClosePending = true; // after the bytes already queued have gone out
        return;
    }
    shutdownWrite();
}

void TcpProbe::shutdownWrite()
{
    m_halfClosePending = false;
    const int rc = ::shutdown(m_fd, SHUT_WR);
    TraceEvent ev = m_clock.make(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"),
        rc == 0 ? QStringLiteral("ok") : errnoName(errno));
    if (rc != 0) {
        ev.kind = TraceKind::Error;
        ev.error = ErrorKind::Io;
    }
    emitEvent(ev);
    if (rc == 0)
        setState(State::HalfClosed);
}

void TcpProbe::close()
{
    m_lookupId = -1; // abandoned, not aborted: see the destructor
    const bool wasConnecting = m_state == State::Resolving || m_state == State::Connecting;
    const bool wasOpen = m_fd >= 0 && !wasConnecting;
    closeSocket();
    m_timeout.stop();
    if (wasConnecting) {
        SessionError e;
        e.kind = ErrorKind::Local;
        e.message = tr("Cancelled before the connection was made.");
        fail(e);
        return;
    }
    if (wasOpen) {
        emitEvent(m_clock.make(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok")));
        setState(State::Closed);
        SessionError why;
        why.message = tr("You closed the connection.");
        emit connectionClosed(why);
    }
}

int TcpProbe::detachSocket()
{
    if (m_fd < 0 || m_state != State::Connected)
        return -1;
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    const int fd = m_fd;
    m_fd = -1;
    m_output.clear();
    setState(State::Idle);
    return fd;
}

void TcpProbe::closeSocket()
{
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        SockUtil::closeFd(m_fd);
        m_fd = -1;
    }
}

void TcpProbe::fail(const SessionError &error)
{
    m_timeout.stop();
    m_lookupId = -1; // abandoned, not aborted: see the destructor
    closeSocket();
    m_result.error = error;
    setState(State::Closed);
    finish();
}

void TcpProbe::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.durationNs = m_clock.elapsedNs();
    emit finished(m_result);
}

} // namespace swb
