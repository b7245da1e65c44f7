#include "errorkind.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

namespace swb {

namespace {
// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ErrorKind)
};
} // namespace

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("None");
    case ErrorKind::Usage:
        return QStringLiteral("Usage");
    case ErrorKind::Resolve:
        return QStringLiteral("Resolve");
    case ErrorKind::Address:
        return QStringLiteral("Address");
    case ErrorKind::Connect:
        return QStringLiteral("Connect");
    case ErrorKind::Timeout:
        return QStringLiteral("Timeout");
    case ErrorKind::Io:
        return QStringLiteral("Io");
    case ErrorKind::Protocol:
        return QStringLiteral("Protocol");
    case ErrorKind::Local:
        return QStringLiteral("Local");
    }
    return {};
}

QString errorKindPythonName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Resolve:
        return QStringLiteral("socket.gaierror");
    case ErrorKind::Address:
        return QStringLiteral("socket.herror");
    case ErrorKind::Connect:
    case ErrorKind::Io:
    case ErrorKind::Local:
        return QStringLiteral("socket.error");
    case ErrorKind::Timeout:
        return QStringLiteral("socket.timeout");
    case ErrorKind::Usage:
        return QStringLiteral("ValueError");
    case ErrorKind::Protocol:
    case ErrorKind::None:
        break;
    }
    return {};
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return 0;
    case ErrorKind::Usage:
        return 2;
    case ErrorKind::Resolve:
    case ErrorKind::Address:
        return 3;
    case ErrorKind::Connect:
        return 4;
    case ErrorKind::Timeout:
        return 5;
    case ErrorKind::Io:
        return 6;
    case ErrorKind::Protocol:
        return 7;
    case ErrorKind::Local:
        return 8;
    }
    return 1;
}

QString explainError(ErrorKind kind, const QString &os)
{
    if (os == QLatin1String("ECONNREFUSED"))
        return Tr::tr("Nothing is listening on that port: the other machine answered \"no\" at once. "
                      "Is the server started? Is the port right?");
    if (os == QLatin1String("ECONNRESET"))
        return Tr::tr("The other side reset the connection: it closed abruptly, perhaps because it crashed, "
                      "was stopped, or did not want what it was sent. Connect again to retry.");
    if (os == QLatin1String("EPIPE"))
        return Tr::tr("You wrote to a connection the other side has already closed. Nothing more can be sent on it.");
    if (os == QLatin1String("EADDRINUSE"))
        return Tr::tr("Another socket already uses that address and port. Stop the other server, pick another "
                      "port, or use port 0 to let the system choose a free one.");
    if (os == QLatin1String("EACCES") || os == QLatin1String("EPERM"))
        return Tr::tr("The system does not allow this. Ports below 1024 need administrator rights: use a port "
                      "above 1024.");
    if (os == QLatin1String("ENETUNREACH") || os == QLatin1String("EHOSTUNREACH"))
        return Tr::tr("There is no route to that network or host. Check the address and the network connection.");
    if (os == QLatin1String("EADDRNOTAVAIL"))
        return Tr::tr("That address does not belong to this machine (or the port range is exhausted). "
                      "Choose an address from this machine's interfaces.");
    if (os == QLatin1String("EAFNOSUPPORT"))
        return Tr::tr("This machine cannot make a socket of that family (often: IPv6 is switched off).");
    if (os == QLatin1String("EMFILE") || os == QLatin1String("ENFILE"))
        return Tr::tr("Too many files and sockets are open. Close some connections or raise the limit (ulimit -n).");
    if (os == QLatin1String("OUTPUT_CLOSED"))
        return Tr::tr("The program reading the output (head, less, a closed pipe) stopped reading before the end, "
                      "so the rest could not be written. That is normal with head; use --output FILE to keep it all.");
    if (os == QLatin1String("CANCELLED"))
        return Tr::tr("You stopped it before it finished. Nothing is wrong with the other side; run it again "
                      "when you are ready.");
    if (os == QLatin1String("TLS_CERTIFICATE"))
        return Tr::tr("The server's certificate could not be checked: it may be self-signed, expired, issued for "
                      "another name, or signed by an authority this machine does not trust. Anyone between you and "
                      "the server could be pretending to be it. Continue only if you know this server (a lab or test "
                      "server), and only for this session.");
    if (os == QLatin1String("TLS_HANDSHAKE"))
        return Tr::tr("The TLS handshake failed: the server and this program could not agree on how to encrypt, or "
                      "the server is not speaking TLS on this port (try http:// instead of https://).");
    // The resolver's EAI_ codes (getaddrinfo / getnameinfo), as host lookups report them.
    const bool reverse = kind == ErrorKind::Address;
    if (os == QLatin1String("EAI_NONAME"))
        return reverse ? Tr::tr("No name is known for this address: neither /etc/hosts nor DNS has a reverse (PTR) "
                                "entry for it. Many addresses have none; that is normal.")
                       : Tr::tr("No such name: neither /etc/hosts nor DNS knows an address for it. Check the spelling; "
                                "without Internet only local names such as localhost work.");
    if (os == QLatin1String("EAI_AGAIN"))
        return reverse
            ? Tr::tr(
                "DNS could not be asked, or did not answer in time (a temporary failure), so it is unknown whether "
                "the address has a name. Check the network connection and the DNS server in /etc/resolv.conf, "
                "then try again.")
            : Tr::tr("DNS could not be asked, or did not answer in time (a temporary failure): this does not mean the "
                     "name does not exist. Check the network connection and the DNS server in /etc/resolv.conf, "
                     "then try again.");
    if (os == QLatin1String("EAI_FAIL"))
        return Tr::tr("The DNS server failed for good (a non-recoverable error, such as a refused or broken answer). "
                      "Trying again will not help until the server or its configuration is fixed.");
    if (os == QLatin1String("EAI_ADDRFAMILY"))
        return Tr::tr("The name has no address of the family asked for: for example -6 (AF_INET6) for a name that "
                      "only has IPv4 addresses, or an IPv6 address where only IPv4 is allowed (gethostbyname_ex). "
                      "Ask for the other family, or for any.");
    if (os == QLatin1String("EAI_NODATA"))
        return Tr::tr("The name exists, but has no addresses (DNS knows it, for mail perhaps, but not as a host). "
                      "Check that this is the host you mean.");
    if (os == QLatin1String("EAI_FAMILY"))
        return Tr::tr("The resolver does not support this address family: ask for AF_INET, AF_INET6 or AF_UNSPEC.");
    if (os == QLatin1String("EAI_SERVICE"))
        return Tr::tr("The service is not available for this socket type: the name is not listed in /etc/services "
                      "for this protocol (tcp or udp). Check the name, or give the port number instead.");
    switch (kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::Usage:
        return Tr::tr("The input is not valid. Correct the field shown and try again.");
    case ErrorKind::Resolve:
        return Tr::tr("The name could not be turned into an address (getaddrinfo failed). Check the spelling; "
                      "without Internet only local names such as localhost work.");
    case ErrorKind::Address:
        return Tr::tr("The address could not be turned back into a name: there is no reverse entry for it.");
    case ErrorKind::Connect:
        return Tr::tr("The connection could not be made. Check the host, the port, and that the server runs.");
    case ErrorKind::Timeout:
        return Tr::tr("No answer came in time. The host may be down, a firewall may drop the packets silently, "
                      "or the server is slow. Try a longer timeout or check the address.");
    case ErrorKind::Io:
        return Tr::tr("Sending or receiving failed on an open connection. The other side may have gone away.");
    case ErrorKind::Protocol:
        return Tr::tr("The other side answered, but not in the format the protocol requires.");
    case ErrorKind::Local:
        return Tr::tr("This machine refused the request (a local limit or setting).");
    }
    return {};
}

QString SessionError::explanation() const
{
    return explainError(kind, osError);
}

QString errnoName(int err)
{
    switch (err) {
    case 0:
        return {};
#define SWB_ERRNO(name)                                                                                                \
    case name:                                                                                                         \
        return QStringLiteral(#name);
        SWB_ERRNO(ECONNREFUSED)
        SWB_ERRNO(ECONNRESET)
        SWB_ERRNO(ECONNABORTED)
        SWB_ERRNO(ETIMEDOUT)
        SWB_ERRNO(EPIPE)
        SWB_ERRNO(EADDRINUSE)
        SWB_ERRNO(EADDRNOTAVAIL)
        SWB_ERRNO(EACCES)
        SWB_ERRNO(EPERM)
        SWB_ERRNO(ENETUNREACH)
        SWB_ERRNO(EHOSTUNREACH)
        SWB_ERRNO(ENETDOWN)
        SWB_ERRNO(EAFNOSUPPORT)
        SWB_ERRNO(EPROTONOSUPPORT)
        SWB_ERRNO(EMFILE)
        SWB_ERRNO(ENFILE)
        SWB_ERRNO(ENOBUFS)
        SWB_ERRNO(ENOMEM)
        SWB_ERRNO(EINVAL)
        SWB_ERRNO(EMSGSIZE)
        SWB_ERRNO(ENOTCONN)
        SWB_ERRNO(EINPROGRESS)
        SWB_ERRNO(EAGAIN)
        SWB_ERRNO(EINTR)
        SWB_ERRNO(EBADF)
        SWB_ERRNO(ENOENT)
        SWB_ERRNO(EISDIR)
        SWB_ERRNO(ENOTDIR)
        SWB_ERRNO(ENOSPC)
        SWB_ERRNO(EROFS)
#undef SWB_ERRNO
    default:
        return QStringLiteral("errno %1").arg(err);
    }
}

ErrorKind kindForErrno(int err, const QString &call)
{
    switch (err) {
    case EADDRINUSE:
    case EACCES:
    case EPERM:
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
    case EAFNOSUPPORT:
    case EPROTONOSUPPORT:
        return ErrorKind::Local;
    case EADDRNOTAVAIL:
        return call == QLatin1String("connect") ? ErrorKind::Connect : ErrorKind::Local;
    case ETIMEDOUT:
        return call == QLatin1String("connect") ? ErrorKind::Timeout : ErrorKind::Io;
    case ECONNREFUSED:
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
        return call == QLatin1String("connect") ? ErrorKind::Connect : ErrorKind::Io;
    default:
        break;
    }
    if (call == QLatin1String("connect"))
        return ErrorKind::Connect;
    if (call == QLatin1String("socket") || call == QLatin1String("bind") || call == QLatin1String("listen")
        || call == QLatin1String("setsockopt"))
        return ErrorKind::Local;
    return ErrorKind::Io;
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

SessionError makeErrnoError(int err, const QString &call)
{
    SessionError e;
    e.kind = kindForErrno(err, call);
    e.osError = errnoName(err);
    e.message = QStringLiteral("%1() failed: %2 (%3)").arg(call, errnoText(err), e.osError);
    return e;
}

SessionError makeCancelledError(const QString &message)
{
    SessionError e;
    e.kind = ErrorKind::Local;
    e.osError = QStringLiteral("CANCELLED");
    e.message = message;
    return e;
}

bool isCancelled(const SessionError &error)
{
    return error.kind == ErrorKind::Local && error.osError == QLatin1String("CANCELLED");
}

SessionError makeUsageError(const QString &field, const QString &message)
{
    SessionError e;
    e.kind = ErrorKind::Usage;
    e.field = field;
    e.message = message;
    return e;
}

} // namespace swb
