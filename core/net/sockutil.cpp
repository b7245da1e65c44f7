#include "sockutil.h"

#include <QHostAddress>

#include <arpa/inet.h>
#include <cerrno>
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

} // namespace swb::SockUtil
