#include "udpsession.h"

#include "net/sockutil.h"

#include <QHostInfo>
#include <QNetworkInterface>
#include <QPointer>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace swb {

namespace {

// Datagrams read per wake-up of the read notifier, so a flood cannot starve the event loop.
constexpr int kReadsPerWakeUp = 64;

int maxPayloadFor(int family)
{
    return family == AF_INET6 ? kMaxUdpPayloadIPv6 : kMaxUdpPayloadIPv4;
}

QString familyArg(AddressFamily f)
{
    switch (f) {
    case AddressFamily::IPv4:
        return QStringLiteral("AF_INET");
    case AddressFamily::IPv6:
        return QStringLiteral("AF_INET6");
    case AddressFamily::Any:
        break;
    }
    return QStringLiteral("AF_UNSPEC");
}

SessionError sizeError(qsizetype size, int family)
{
    const bool v6 = family == AF_INET6;
    return makeUsageError(QStringLiteral("payload"),
        UdpSession::tr("The payload is %1, but a UDP datagram over %2 carries at most %3: 65,535 (the largest "
                       "IP packet) minus the 8-byte UDP header%4. Send less, or split it into several datagrams.")
            .arg(byteCount(size), v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4"),
                byteCount(maxPayloadFor(family)), v6 ? QString() : UdpSession::tr(" and the 20-byte IPv4 header")));
}

} // namespace

UdpSession::UdpSession(QObject *parent)
    : QObject(parent)
{
    // Precise: a coarse timer may fire 5% early, and the window and the interval are promises.
    m_sendTimer.setTimerType(Qt::PreciseTimer);
    m_windowTimer.setTimerType(Qt::PreciseTimer);
    m_windowTimer.setSingleShot(true);
    m_resolveTimer.setSingleShot(true);
    connect(&m_sendTimer, &QTimer::timeout, this, &UdpSession::sendNext);
    connect(&m_windowTimer, &QTimer::timeout, this, &UdpSession::windowClosed);
    connect(&m_resolveTimer, &QTimer::timeout, this, [this] {
        if (!m_running || m_lookupId < 0)
            return;
        SessionError e;
        e.kind = ErrorKind::Timeout;
        e.osError = QStringLiteral("ETIMEDOUT");
        e.message = tr("No answer from the resolver within %1 s.")
                        .arg(QString::number(m_request.resolveTimeoutMs / 1000.0, 'g', 3));
        if (emitEvent(m_clock.makeError(QStringLiteral("getaddrinfo"), QString(), e)))
            fail(e);
    });
}

// An abandoned lookup is not aborted (see TcpProbe's destructor): its answer comes to a destroyed
// receiver, which Qt drops, or with a stale id, which lookedUp() ignores.
UdpSession::~UdpSession()
{
    ++m_generation; // nothing more is reported from here
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        SockUtil::closeFd(m_fd);
}

TraceEvent UdpSession::event(TraceKind kind, const QString &call, const QString &args, const QString &result) const
{
    TraceEvent ev = m_clock.make(kind, call, args, result);
    ev.local = m_result.local;
    ev.remote = m_result.remote;
    return ev;
}

bool UdpSession::emitEvent(TraceEvent event)
{
    const QPointer<UdpSession> self(this);
    const quint64 generation = m_generation;
    emit traced(event);
    return self && m_generation == generation && m_running;
}

void UdpSession::start(const UdpSessionRequest &request)
{
    // A slot on the cancelled session's finished() may start another one: that one is cancelled
    // too, so every start() gets its finished() and this request is the one that runs.
    for (int round = 0; round < 8 && m_running; ++round)
        cancel();
    if (m_running) { // a slot that always restarts: this request gives way, and says so
        UdpSessionResult refused;
        refused.error = makeCancelledError(tr("Not started: another session took its place."));
        emit finished(refused);
        return;
    }
    ++m_generation;
    closeSocket();
    m_request = request;
    m_result = UdpSessionResult();
    m_result.connected = request.connected;
    m_port = 0;
    m_family = 0;
    m_lookupId = -1;
    m_localKnown = false;
    m_sendPending = false;
    m_clock.restart();
    m_running = true;

    const Parsed<QString> host = EndpointParser::parseHost(request.host);
    if (!host.ok())
        return fail(host.error);
    m_request.host = *host.value;
    const Parsed<quint16> port = EndpointParser::parsePort(request.port, Transport::Udp);
    if (!port.ok())
        return fail(port.error);
    m_port = *port.value;
    if (request.count < 1 || request.count > UdpSessionRequest::kMaxCount)
        return fail(makeUsageError(
            QStringLiteral("count"), tr("Send between 1 and %1 datagrams.").arg(UdpSessionRequest::kMaxCount)));
    if (request.intervalMs < 0 || request.receiveWindowMs < 0)
        return fail(makeUsageError(QStringLiteral("interval"), tr("The interval and the window cannot be negative.")));
    if (request.readBufferSize < 1 || request.readBufferSize > 65536)
        return fail(makeUsageError(QStringLiteral("buffer"),
            tr("The read buffer must hold between 1 and 65,536 bytes (the largest datagram).")));
    if (request.multicastTtl > 255)
        return fail(makeUsageError(QStringLiteral("ttl"), tr("The multicast TTL is at most 255.")));
    if (!request.multicastGroup.isEmpty()) {
        const QHostAddress group(request.multicastGroup.trimmed());
        if (group.isNull() || !group.isMulticast())
            return fail(makeUsageError(QStringLiteral("group"),
                tr("'%1' is not a multicast address (224.0.0.0/4 or ff00::/8).").arg(request.multicastGroup)));
        if (!request.multicastInterface.isEmpty() && QHostAddress(request.multicastInterface.trimmed()).isNull())
            return fail(makeUsageError(QStringLiteral("interface"),
                tr("'%1' is not an address of an interface.").arg(request.multicastInterface)));
    }
    // The size rule before anything is resolved when the family is already known; with Any and a
    // name, once the address is chosen (still before any socket).
    const int knownFamily = request.family == AddressFamily::IPv4 ? AF_INET
        : request.family == AddressFamily::IPv6                   ? AF_INET6
                                                                  : SockUtil::familyOf(m_request.host);
    const int limit = knownFamily == AF_INET ? kMaxUdpPayloadIPv4 : kMaxUdpPayloadIPv6;
    if (request.payload.size() > limit)
        return fail(sizeError(request.payload.size(), knownFamily == AF_INET ? AF_INET : AF_INET6));
    m_readBuffer.resize(request.readBufferSize);

    const QString portText = request.port.trimmed();
    bool numeric = false;
    portText.toUInt(&numeric);
    if (!numeric
        && !emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getservbyname"),
            QStringLiteral("(\"%1\", \"udp\")").arg(portText), QString::number(m_port))))
        return;

    if (request.resolveTimeoutMs > 0)
        m_resolveTimer.start(request.resolveTimeoutMs);
    // The receiver-and-slot form, not a functor: see TcpProbe::start.
    m_lookupId = QHostInfo::lookupHost(m_request.host, this, SLOT(lookedUp(QHostInfo)));
}

void UdpSession::lookedUp(const QHostInfo &info)
{
    if (!m_running || info.lookupId() != m_lookupId)
        return; // the answer to an earlier, abandoned lookup
    m_lookupId = -1;
    m_resolveTimer.stop();
    if (resolved(info.addresses(), info.errorString(), int(info.error())))
        openSocket();
}

bool UdpSession::resolved(const QList<QHostAddress> &addresses, const QString &errorText, int lookupError)
{
    const QString args = QStringLiteral("(\"%1\", %2, %3, SOCK_DGRAM)")
                             .arg(m_request.host)
                             .arg(m_port)
                             .arg(familyArg(m_request.family));
    if (lookupError != QHostInfo::NoError || addresses.isEmpty()) {
        SessionError e;
        e.kind = ErrorKind::Resolve;
        e.osError = lookupError == QHostInfo::HostNotFound ? QStringLiteral("EAI_NONAME") : QStringLiteral("EAI_FAIL");
        e.message = tr("Could not find the address of '%1': %2").arg(m_request.host, errorText);
        if (emitEvent(m_clock.makeError(QStringLiteral("getaddrinfo"), args, e)))
            fail(e);
        return false;
    }
    QStringList shown;
    for (const QHostAddress &a : addresses)
        shown.append(a.toString());
    m_result.addresses = addresses;
    if (!emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("getaddrinfo"), args, shown.join(u", "))))
        return false;
    // UDP tries one address, not each in turn as connect() does. With any family, IPv4 first,
    // as the seeds' gethostbyname() does: "localhost" is 127.0.0.1 where the lab listens, not ::1.
    for (const bool wantV6 : { false, true }) {
        for (const QHostAddress &a : addresses) {
            const bool v6 = a.protocol() == QAbstractSocket::IPv6Protocol;
            if (v6 != wantV6 || (m_request.family == AddressFamily::IPv4 && v6)
                || (m_request.family == AddressFamily::IPv6 && !v6))
                continue;
            m_result.remote = Endpoint { a.toString(), m_port };
            m_family = v6 ? AF_INET6 : AF_INET;
            break;
        }
        if (m_family != 0)
            break;
    }
    if (m_family == 0) {
        SessionError e;
        e.kind = ErrorKind::Resolve;
        e.osError = QStringLiteral("EAI_ADDRFAMILY");
        e.message = m_request.family == AddressFamily::IPv6
            ? tr("'%1' has no IPv6 address. Choose IPv4 or Any.").arg(m_request.host)
            : tr("'%1' has no IPv4 address. Choose IPv6 or Any.").arg(m_request.host);
        fail(e);
        return false;
    }
    if (m_request.payload.size() > maxPayloadFor(m_family)) {
        fail(sizeError(m_request.payload.size(), m_family));
        return false;
    }
    if (addresses.size() > 1
        && !emitEvent(m_clock.make(TraceKind::Note, QString(), QString(),
            tr("UDP has no connection to try: the first %1 address, %2, is used")
                .arg(SockUtil::familyName(m_family), m_result.remote.host))))
        return false;
    return true;
}

bool UdpSession::setOption(int level, int name, const void *value, unsigned length, const QString &args)
{
    if (::setsockopt(m_fd, level, name, value, socklen_t(length)) == 0)
        return emitEvent(event(TraceKind::Call, QStringLiteral("setsockopt"), args, QStringLiteral("ok")));
    const int err = errno;
    SessionError e = makeErrnoError(err, QStringLiteral("setsockopt"));
    e.message = tr("setsockopt%1 failed: %2 (%3)").arg(args, errnoText(err), errnoName(err));
    if (emitEvent(m_clock.makeError(QStringLiteral("setsockopt"), args, e)))
        fail(e);
    return false;
}

bool UdpSession::traceLocalName(const QString &note)
{
    int err = 0;
    const Endpoint local = SockUtil::localEndpoint(m_fd, &err);
    if (local.isValid())
        m_result.local = local;
    m_localKnown = true;
    if (!emitEvent(event(TraceKind::Call, QStringLiteral("getsockname"), QStringLiteral("()"),
            err ? errnoName(err) : local.toString())))
        return false;
    return note.isEmpty() || emitEvent(event(TraceKind::Note, QString(), QString(), note));
}

bool UdpSession::openSocket()
{
    const QString socketArgs = QStringLiteral("(%1, SOCK_DGRAM)").arg(SockUtil::familyName(m_family));
    m_fd = ::socket(m_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        const SessionError e = makeErrnoError(errno, QStringLiteral("socket"));
        if (emitEvent(m_clock.makeError(QStringLiteral("socket"), socketArgs, e)))
            fail(e);
        return false;
    }
    if (!emitEvent(event(TraceKind::Call, QStringLiteral("socket"), socketArgs, QStringLiteral("fd %1").arg(m_fd))))
        return false;

    const int one = 1;
    if (m_request.broadcast
        && !setOption(SOL_SOCKET, SO_BROADCAST, &one, sizeof one, QStringLiteral("(SOL_SOCKET, SO_BROADCAST, 1)")))
        return false;
    const bool v6 = m_family == AF_INET6;
    if (m_request.multicastTtl >= 0) {
        const int ttl = m_request.multicastTtl;
        const bool ok = v6 ? setOption(IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &ttl, sizeof ttl,
                            QStringLiteral("(IPPROTO_IPV6, IPV6_MULTICAST_HOPS, %1)").arg(ttl))
                           : setOption(IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl,
                               QStringLiteral("(IPPROTO_IP, IP_MULTICAST_TTL, %1)").arg(ttl));
        if (!ok)
            return false;
    }
    if (m_request.multicastLoop >= 0) {
        const int loop = m_request.multicastLoop ? 1 : 0;
        const bool ok = v6 ? setOption(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, &loop, sizeof loop,
                            QStringLiteral("(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, %1)").arg(loop))
                           : setOption(IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof loop,
                               QStringLiteral("(IPPROTO_IP, IP_MULTICAST_LOOP, %1)").arg(loop));
        if (!ok)
            return false;
    }

    if (m_request.localPort != 0) {
        const Endpoint any { v6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0"), m_request.localPort };
        sockaddr_storage ss {};
        unsigned len = 0;
        any.toSockaddr(&ss, &len);
        const QString args = QStringLiteral("(('%1', %2))").arg(v6 ? QStringLiteral("::") : QString()).arg(any.port);
        if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&ss), socklen_t(len)) != 0) {
            const int err = errno;
            SessionError e = makeErrnoError(err, QStringLiteral("bind"));
            e.message = tr("Could not bind UDP port %1: %2 (%3)").arg(any.port).arg(errnoText(err), errnoName(err));
            if (emitEvent(m_clock.makeError(QStringLiteral("bind"), args, e)))
                fail(e);
            return false;
        }
        if (!emitEvent(event(TraceKind::Call, QStringLiteral("bind"), args, QStringLiteral("ok"))))
            return false;
    }

    if (!m_request.multicastGroup.isEmpty()) {
        const QHostAddress group(m_request.multicastGroup.trimmed());
        const QHostAddress iface(m_request.multicastInterface.trimmed());
        if ((group.protocol() == QAbstractSocket::IPv6Protocol) != v6) {
            SessionError e = makeUsageError(QStringLiteral("group"),
                tr("The group %1 is not of the socket's family (%2).")
                    .arg(group.toString(), SockUtil::familyName(m_family)));
            fail(e);
            return false;
        }
        bool ok = false;
        if (v6) {
            ipv6_mreq mreq {};
            const Q_IPV6ADDR bytes = group.toIPv6Address();
            memcpy(&mreq.ipv6mr_multiaddr, &bytes, sizeof bytes);
            if (!iface.isNull()) {
                for (const QNetworkInterface &ni : QNetworkInterface::allInterfaces())
                    for (const QNetworkAddressEntry &entry : ni.addressEntries())
                        if (entry.ip().isEqual(iface))
                            mreq.ipv6mr_interface = unsigned(ni.index());
            }
            ok = setOption(IPPROTO_IPV6, IPV6_JOIN_GROUP, &mreq, sizeof mreq,
                QStringLiteral("(IPPROTO_IPV6, IPV6_JOIN_GROUP, %1 on interface %2)")
                    .arg(group.toString())
                    .arg(mreq.ipv6mr_interface));
        } else {
            ip_mreq mreq {};
            mreq.imr_multiaddr.s_addr = htonl(group.toIPv4Address());
            mreq.imr_interface.s_addr = iface.isNull() ? htonl(INADDR_ANY) : htonl(iface.toIPv4Address());
            ok = setOption(IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq, sizeof mreq,
                QStringLiteral("(IPPROTO_IP, IP_ADD_MEMBERSHIP, %1 on %2)")
                    .arg(group.toString(), iface.isNull() ? QStringLiteral("0.0.0.0") : iface.toString()));
        }
        if (!ok)
            return false;
        // With an interface named, what this socket sends to a group leaves by that interface too
        // (on 127.0.0.1 a class can try multicast on one machine).
        if (!iface.isNull()) {
            if (v6) {
                int index = 0;
                for (const QNetworkInterface &ni : QNetworkInterface::allInterfaces())
                    for (const QNetworkAddressEntry &entry : ni.addressEntries())
                        if (entry.ip().isEqual(iface))
                            index = ni.index();
                ok = setOption(IPPROTO_IPV6, IPV6_MULTICAST_IF, &index, sizeof index,
                    QStringLiteral("(IPPROTO_IPV6, IPV6_MULTICAST_IF, %1)").arg(index));
            } else {
                in_addr out {};
                out.s_addr = htonl(iface.toIPv4Address());
                ok = setOption(IPPROTO_IP, IP_MULTICAST_IF, &out, sizeof out,
                    QStringLiteral("(IPPROTO_IP, IP_MULTICAST_IF, %1)").arg(iface.toString()));
            }
            if (!ok)
                return false;
        }
    }

    if (m_request.connected) {
        sockaddr_storage ss {};
        unsigned len = 0;
        m_result.remote.toSockaddr(&ss, &len);
        const QString args = QStringLiteral("(%1)").arg(m_result.remote.toPythonTuple());
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&ss), socklen_t(len)) != 0) {
            const SessionError e = makeErrnoError(errno, QStringLiteral("connect"));
            if (emitEvent(m_clock.makeError(QStringLiteral("connect"), args, e)))
                fail(e);
            return false;
        }
        if (!emitEvent(event(TraceKind::Call, QStringLiteral("connect"), args, QStringLiteral("ok"))))
            return false;
        if (!emitEvent(event(TraceKind::Note, QString(), QString(),
                tr("A connected UDP socket only initialises some parameters: nothing is sent. From now on send() "
                   "goes to %1, and the kernel keeps only datagrams from there.")
                    .arg(m_result.remote.toString()))))
            return false;
    }
    if ((m_request.connected || m_request.localPort != 0) && !traceLocalName(QString()))
        return false;

    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &UdpSession::onReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &UdpSession::onWritable);

    if (!sendNext())
        return false;
    if (m_fd >= 0 && !m_sendPending && m_result.exchanges.size() < m_request.count)
        m_sendTimer.start(m_request.intervalMs);
    return true;
}

bool UdpSession::sendNext()
{
    if (!m_running || m_fd < 0 || m_sendPending)
        return m_running;
    if (m_result.exchanges.size() >= m_request.count) {
        m_sendTimer.stop();
        return true;
    }
    const QByteArray &payload = m_request.payload;
    const bool connected = m_request.connected;
    const QString call = connected ? QStringLiteral("send") : QStringLiteral("sendto");
    const QString args = connected
        ? QStringLiteral("(%1)").arg(byteCount(payload.size()))
        : QStringLiteral("(%1, %2)").arg(byteCount(payload.size()), m_result.remote.toPythonTuple());
    ssize_t n = -1;
    if (connected) {
        n = ::send(m_fd, payload.constData(), size_t(payload.size()), MSG_NOSIGNAL);
    } else {
        sockaddr_storage ss {};
        unsigned len = 0;
        m_result.remote.toSockaddr(&ss, &len);
        n = ::sendto(m_fd, payload.constData(), size_t(payload.size()), MSG_NOSIGNAL,
            reinterpret_cast<const sockaddr *>(&ss), socklen_t(len));
    }
    if (n < 0) {
        const int err = errno;
        if (err == EAGAIN || err == EWOULDBLOCK || err == EINTR || err == ENOBUFS) {
            // The send queue is full: this datagram goes when the socket can take it.
            m_sendPending = true;
            m_sendTimer.stop();
            m_writeNotifier->setEnabled(true);
            return true;
        }
        if (err == ECONNREFUSED && connected)
            return connectionRefused(call);
        SessionError e = makeErrnoError(err, call);
        if (err == EACCES)
            e.message = tr("%1() to %2 was refused: %3 (EACCES). Sending to a broadcast address needs the "
                           "broadcast option (SO_BROADCAST).")
                            .arg(call, m_result.remote.host, errnoText(err));
        if (emitEvent(m_clock.makeError(call, args, e)))
            fail(e);
        return false;
    }
    UdpExchange x;
    x.index = int(m_result.exchanges.size()) + 1;
    x.sentNs = m_clock.elapsedNs();
    x.size = n;
    x.payloadHash = qHash(m_request.payload);
    m_result.exchanges.append(x);
    m_result.sent = x.index;
    m_result.unanswered = m_result.sent - m_result.answered;
    const bool last = x.index >= m_request.count;
    if (last) {
        m_sendTimer.stop();
        m_windowTimer.start(m_request.receiveWindowMs);
    }

    TraceEvent ev = event(TraceKind::Sent, call, args, QString::number(n));
    ev.payload = payload.left(TraceEvent::kMaxPayload);
    ev.size = n;
    if (!emitEvent(ev))
        return false;
    if (!m_localKnown
        && !traceLocalName(tr("The socket was not bound, so the first sendto() bound it to a port the system chose "
                              "(an implicit bind).")))
        return false;
    const QPointer<UdpSession> self(this);
    const quint64 generation = m_generation;
    emit datagramSent(x);
    return self && m_generation == generation && m_running;
}

void UdpSession::onWritable()
{
    m_writeNotifier->setEnabled(false);
    if (!m_sendPending)
        return;
    m_sendPending = false;
    if (!sendNext())
        return;
    if (m_fd >= 0 && !m_sendPending && m_result.exchanges.size() < m_request.count)
        m_sendTimer.start(m_request.intervalMs);
}

bool UdpSession::connectionRefused(const QString &call)
{
    SessionError e;
    e.kind = ErrorKind::Connect;
    e.osError = QStringLiteral("ECONNREFUSED");
    e.message = tr("Nothing listens on UDP port %1 at %2: that host said so with an ICMP port-unreachable, which a "
                   "connected socket hears as ECONNREFUSED on its next call (here %3()). An unconnected socket "
                   "never hears of it.")
                    .arg(m_result.remote.port)
                    .arg(m_result.remote.host, call);
    if (emitEvent(m_clock.makeError(call, QString(), e)))
        fail(e);
    return false;
}

UdpExchange *UdpSession::pairReply(const QByteArray &payload, bool truncated)
{
    // The newest unanswered sends, at most kPairWindow of them: an echo of one of them first, else
    // the newest. Looking no further back keeps a flood of replies from costing a scan each.
    constexpr int kPairWindow = 4096;
    const size_t hash = qHash(payload);
    UdpExchange *newest = nullptr;
    const qsizetype stop = qMax<qsizetype>(0, m_result.exchanges.size() - kPairWindow);
    for (qsizetype i = m_result.exchanges.size() - 1; i >= stop; --i) {
        UdpExchange &x = m_result.exchanges[i];
        if (x.answered())
            continue;
        if (!truncated && x.payloadHash == hash)
            return &x;
        if (!newest)
            newest = &x;
    }
    return newest;
}

void UdpSession::onReadable()
{
    const bool connected = m_request.connected;
    const QString call = connected ? QStringLiteral("recv") : QStringLiteral("recvfrom");
    const QString args = QStringLiteral("(%1, MSG_TRUNC)").arg(m_readBuffer.size());
    for (int round = 0; round < kReadsPerWakeUp && m_running && m_fd >= 0; ++round) {
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        // MSG_TRUNC: Linux returns the datagram's real length even when the buffer holds less.
        const ssize_t n = connected ? ::recv(m_fd, m_readBuffer.data(), size_t(m_readBuffer.size()), MSG_TRUNC)
                                    : ::recvfrom(m_fd, m_readBuffer.data(), size_t(m_readBuffer.size()), MSG_TRUNC,
                                        reinterpret_cast<sockaddr *>(&ss), &len);
        if (n < 0) {
            const int err = errno;
            if (err == EAGAIN || err == EWOULDBLOCK)
                return;
            if (err == EINTR)
                continue;
            if (err == ECONNREFUSED && connected) {
                connectionRefused(call);
                return;
            }
            // Anything else (an ICMP error an unconnected socket sees only with IP_RECVERR, ENOMEM):
            // shown, and the session keeps listening.
            const SessionError e = makeErrnoError(err, call);
            if (!emitEvent(m_clock.makeError(call, args, e)))
                return;
            continue;
        }
        UdpReply reply;
        reply.atNs = m_clock.elapsedNs();
        reply.size = n;
        reply.truncated = n > m_readBuffer.size();
        reply.payload = QByteArray(m_readBuffer.constData(), int(qMin<qint64>(n, m_readBuffer.size())));
        reply.sender = connected ? m_result.remote : Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&ss));
        ++m_result.received;
        if (reply.truncated)
            ++m_result.truncated;
        if (UdpExchange *answered = pairReply(reply.payload, reply.truncated)) {
            UdpExchange &x = *answered;
            x.replyNs = reply.atNs;
            x.replySize = n;
            x.replySender = reply.sender;
            reply.answers = x.index;
            reply.rttNs = x.rttNs();
            ++m_result.answered;
            m_result.unanswered = m_result.sent - m_result.answered;
        }
        if (m_result.replies.size() < UdpSessionResult::kMaxKeptReplies) {
            UdpReply kept = reply;
            kept.payload.truncate(TraceEvent::kMaxPayload);
            m_result.replies.append(kept);
        }

        QString shown = byteCount(n);
        if (reply.truncated)
            shown = tr("%1, truncated to %2 (MSG_TRUNC): the rest of the datagram is lost")
                        .arg(shown, byteCount(m_readBuffer.size()));
        if (!connected)
            shown += QStringLiteral(" from ") + reply.sender.toPythonTuple();
        TraceEvent ev = event(TraceKind::Received, call, args, shown);
        ev.remote = reply.sender;
        ev.payload = reply.payload.left(TraceEvent::kMaxPayload);
        ev.size = n;
        if (!emitEvent(ev))
            return;
        if (!connected && reply.sender != m_result.remote
            && !emitEvent(event(TraceKind::Note, QString(), QString(),
                tr("This datagram came from %1, not from %2 where ours went: an unconnected socket accepts "
                   "datagrams from any sender.")
                    .arg(reply.sender.toString(), m_result.remote.toString()))))
            return;
        {
            const QPointer<UdpSession> self(this);
            const quint64 generation = m_generation;
            emit datagramReceived(reply);
            if (!self || m_generation != generation || !m_running)
                return;
        }
        if (m_request.finishWhenAllAnswered && m_result.sent >= m_request.count && m_result.unanswered == 0) {
            finishSession();
            return;
        }
    }
}

void UdpSession::windowClosed()
{
    if (!m_running || m_fd < 0)
        return;
    if (m_request.connected) {
        // An ICMP error that came without waking the reader is still pending on the socket.
        int err = 0;
        socklen_t len = sizeof err;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
            err = errno;
        if (!emitEvent(event(TraceKind::Call, QStringLiteral("getsockopt"), QStringLiteral("(SOL_SOCKET, SO_ERROR)"),
                err ? errnoName(err) : QStringLiteral("0"))))
            return;
        if (err == ECONNREFUSED) {
            connectionRefused(QStringLiteral("getsockopt"));
            return;
        }
    }
    if (m_result.unanswered > 0) {
        const QString why = m_request.connected
            ? tr("no reply to %n datagram(s) within %1 ms: lost on the way, or the server did not answer "
                 "(no ICMP port-unreachable came back, so something may listen there)",
                nullptr, m_result.unanswered)
            : tr("no reply to %n datagram(s) within %1 ms: lost, or nothing listens — an unconnected socket cannot "
                 "tell (connect it to hear of an ICMP port-unreachable)",
                nullptr, m_result.unanswered);
        if (!emitEvent(event(TraceKind::Note, QString(), QString(), why.arg(m_request.receiveWindowMs))))
            return;
    }
    finishSession();
}

void UdpSession::cancel()
{
    if (!m_running)
        return;
    fail(makeCancelledError(tr("Cancelled.")));
}

void UdpSession::fail(const SessionError &error)
{
    m_result.error = error;
    finishSession();
}

bool UdpSession::closeSocket()
{
    m_sendTimer.stop();
    m_windowTimer.stop();
    m_resolveTimer.stop();
    m_lookupId = -1; // abandoned, not aborted: see the destructor
    m_sendPending = false;
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd < 0)
        return false;
    SockUtil::closeFd(m_fd);
    m_fd = -1;
    return true;
}

void UdpSession::finishSession()
{
    if (!m_running)
        return;
    // The session is over before anyone hears of it: a slot may start the next one or delete this
    // object, and the result it gets is a copy that stays this session's.
    const bool wasOpen = closeSocket();
    m_running = false;
    m_result.unanswered = m_result.sent - m_result.answered;
    m_result.durationNs = m_clock.elapsedNs();
    ++m_generation;
    const UdpSessionResult result = m_result;
    const QPointer<UdpSession> self(this);
    if (wasOpen) {
        emit traced(event(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok")));
        if (!self)
            return; // deleted: nobody is left to tell
    }
    emit finished(result);
}

} // namespace swb
