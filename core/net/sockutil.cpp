#include "sockutil.h"

#include <QHostAddress>

#include <arpa/inet.h>
#include <cerrno>
#include <limits>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace swb::SockUtil {

QString familyName(int family)
{
    switch (family) {
    case AF_INET:
        return QStringLiteral("AF_INET");
    case AF_INET6:
        return QStringLiteral("AF_INET6");
    case AF_UNSPEC:
        return QStringLiteral("AF_UNSPEC");
    default:
        return QString::number(family);
    }
}

QString typeName(int type)
{
    switch (type) {
    case SOCK_STREAM:
        return QStringLiteral("SOCK_STREAM");
    case SOCK_DGRAM:
        return QStringLiteral("SOCK_DGRAM");
    default:
        return QString::number(type);
    }
}

int familyOf(const QString &numericHost)
{
    QHostAddress address;
    if (!address.setAddress(numericHost))
        return AF_UNSPEC;
    return address.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
}

static Endpoint nameOf(int fd, bool peer, int *errnoOut)
{
    sockaddr_storage ss {};
    socklen_t len = sizeof ss;
    auto *sa = reinterpret_cast<sockaddr *>(&ss);
    const int rc = peer ? ::getpeername(fd, sa, &len) : ::getsockname(fd, sa, &len);
    if (rc != 0) {
        if (errnoOut)
            *errnoOut = errno;
        return {};
    }
    if (errnoOut)
        *errnoOut = 0;
    return Endpoint::fromSockaddr(sa);
}

Endpoint localEndpoint(int fd, int *errnoOut)
{
    return nameOf(fd, false, errnoOut);
}

Endpoint peerEndpoint(int fd, int *errnoOut)
{
    return nameOf(fd, true, errnoOut);
}

void closeFd(int fd)
{
    if (fd < 0)
        return;
    const int saved = errno;
    ::close(fd);
    errno = saved;
}

quint16 findFreePort(const QString &address, Transport transport, quint16 after, int tries)
{
    for (int port = int(after) + 1; port <= 65535 && tries-- > 0; ++port) {
        sockaddr_storage ss {};
        unsigned len = 0;
        if (!Endpoint { address, quint16(port) }.toSockaddr(&ss, &len))
            return 0;
        const int fd
            = ::socket(ss.ss_family, (transport == Transport::Tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return 0;
        const int one = 1;
        if (transport == Transport::Tcp)
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        const bool free = ::bind(fd, reinterpret_cast<const sockaddr *>(&ss), socklen_t(len)) == 0;
        closeFd(fd);
        if (free)
            return quint16(port);
    }
    return 0;
}

FileLimit openFileLimit()
{
    FileLimit limit;
    rlimit rl {};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        limit.soft = rl.rlim_cur == RLIM_INFINITY ? std::numeric_limits<qint64>::max() : qint64(rl.rlim_cur);
        limit.hard = rl.rlim_max == RLIM_INFINITY ? std::numeric_limits<qint64>::max() : qint64(rl.rlim_max);
    }
    limit.before = limit.soft;
    return limit;
}

FileLimit raiseOpenFileLimit()
{
    FileLimit limit = openFileLimit();
    rlimit rl {};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == rl.rlim_max)
        return limit;
    // An unlimited hard limit still stops at the kernel's nr_open; a million is far past any class.
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? rlim_t(1048576) : rl.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &rl) != 0 && rl.rlim_cur > 65536) {
        rl.rlim_cur = 65536; // above the kernel's fs.nr_open: settle for a class-sized limit
        if (::setrlimit(RLIMIT_NOFILE, &rl) != 0)
            return limit;
    }
    limit.soft = qint64(rl.rlim_cur);
    return limit;
}

} // namespace swb::SockUtil
