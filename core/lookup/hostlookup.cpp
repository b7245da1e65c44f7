#include "hostlookup.h"

#include "net/endpoint.h"
#include "net/sockutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkInterface>
#include <QTimer>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <mutex>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

namespace swb {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(HostLookup)
};

// Python's repr() of a str, for the names and addresses we print (no quotes or control characters
// in them, but escape anyway so a strange alias cannot break the line).
QString pyRepr(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString pyList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &s : items)
        quoted << pyRepr(s);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString familyConstant(AddressFamily family)
{
    switch (family) {
    case AddressFamily::IPv4:
        return QStringLiteral("AF_INET");
    case AddressFamily::IPv6:
        return QStringLiteral("AF_INET6");
    case AddressFamily::Any:
        break;
    }
    return QStringLiteral("AF_UNSPEC");
}

int familyValue(AddressFamily family)
{
    switch (family) {
    case AddressFamily::IPv4:
        return AF_INET;
    case AddressFamily::IPv6:
        return AF_INET6;
    case AddressFamily::Any:
        break;
    }
    return AF_UNSPEC;
}

QString addressFamilyName(AddressFamily family)
{
    switch (family) {
    case AddressFamily::IPv4:
        return QStringLiteral("ipv4");
    case AddressFamily::IPv6:
        return QStringLiteral("ipv6");
    case AddressFamily::Any:
        break;
    }
    return QStringLiteral("any");
}

ResolverError gaiError(const QString &call, int code, int savedErrno)
{
    ResolverError e;
    e.call = call;
    e.code = code;
    e.codeName = HostResolver::eaiName(code);
    // EAI_SYSTEM means "look at errno"; gai_strerror() would only say "System error".
    e.text = code == EAI_SYSTEM && savedErrno != 0 ? errnoText(savedErrno) : QString::fromLocal8Bit(gai_strerror(code));
    if (code == EAI_SYSTEM && savedErrno != 0)
        e.codeName += QStringLiteral(" (%1)").arg(errnoName(savedErrno));
    e.pythonException = QStringLiteral("socket.gaierror");
    return e;
}

ResolverError hError(const QString &call, int code)
{
    ResolverError e;
    e.call = call;
    e.code = code;
    e.codeName = HostResolver::hErrnoName(code);
    e.text = QString::fromLocal8Bit(hstrerror(code));
    e.pythonException = QStringLiteral("socket.herror");
    return e;
}

QString numericAddress(const sockaddr *sa, socklen_t len)
{
    char host[NI_MAXHOST];
    if (::getnameinfo(sa, len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0)
        return {};
    return QString::fromLatin1(host);
}

QString addressText(int family, const char *bytes)
{
    char text[INET6_ADDRSTRLEN];
    if (!::inet_ntop(family, bytes, text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

HostEntry fromHostent(const hostent *h)
{
    HostEntry e;
    e.name = QString::fromLocal8Bit(h->h_name);
    for (char **a = h->h_aliases; a && *a; ++a)
        e.aliases << QString::fromLocal8Bit(*a);
    for (char **a = h->h_addr_list; a && *a; ++a)
        e.addresses << addressText(h->h_addrtype, *a);
    return e;
}

// The gethostby*_r calls report a too-small buffer as ERANGE; start at the size glibc's own
// non-reentrant wrappers use and grow.
template<typename Call> HostEntry callHostent(const QString &callName, Call call)
{
    std::vector<char> buffer(8192);
    for (;;) {
        hostent entry {};
        hostent *result = nullptr;
        int herr = 0;
        const int rc = call(&entry, buffer.data(), buffer.size(), &result, &herr);
        if (rc == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        // h_errno keeps a stale value on success: only a null result is a failure.
        if (result)
            return fromHostent(result);
        HostEntry failed;
        failed.failure = hError(callName, herr != 0 ? herr : HOST_NOT_FOUND);
        return failed;
    }
}

// Python's setipaddr() for a name: the first address getaddrinfo() gives.
QString firstAddress(const QString &name, int family, ResolverError *failure)
{
    addrinfo hints {};
    hints.ai_family = family;
    addrinfo *list = nullptr;
    const QByteArray host = name.toUtf8();
    const int rc = ::getaddrinfo(host.constData(), nullptr, &hints, &list);
    if (rc != 0) {
        if (failure)
            *failure = gaiError(QStringLiteral("getaddrinfo"), rc, errno);
        return {};
    }
    QString first = numericAddress(list->ai_addr, list->ai_addrlen);
    ::freeaddrinfo(list);
    const int percent = first.indexOf(QLatin1Char('%'));
    return percent >= 0 ? first.left(percent) : first;
}

bool isNumeric(const QString &host)
{
    QByteArray bytes = host.toLatin1();
    const int percent = bytes.indexOf('%');
    if (percent >= 0)
        bytes.truncate(percent);
    unsigned char buf[sizeof(in6_addr)];
    return ::inet_pton(AF_INET, bytes.constData(), buf) == 1 || ::inet_pton(AF_INET6, bytes.constData(), buf) == 1;
}

QJsonArray jsonStrings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject errorJson(const SessionError &error)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), errorKindName(error.kind));
    o.insert(QStringLiteral("message"), error.message);
    o.insert(QStringLiteral("explanation"), error.explanation());
    o.insert(QStringLiteral("python"), errorKindPythonName(error.kind));
    if (!error.osError.isEmpty())
        o.insert(QStringLiteral("os_error"), error.osError);
    if (!error.field.isEmpty())
        o.insert(QStringLiteral("field"), error.field);
    return o;
}

QJsonArray traceJson(const QList<TraceEvent> &trace)
{
    QJsonArray a;
    for (const TraceEvent &e : trace)
        a.append(e.toJson());
    return a;
}

std::atomic<int> g_busyWorkers { 0 };

} // namespace

// ---------------------------------------------------------------------------------------------
// Plain results

QString ResolverError::pythonText() const
{
    if (!isError())
        return {};
    return QStringLiteral("%1: [Errno %2] %3").arg(pythonException, QString::number(code), text);
}

QJsonObject ResolverError::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("call"), call);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("code_name"), codeName);
    o.insert(QStringLiteral("text"), text);
    o.insert(QStringLiteral("python"), pythonText());
    return o;
}

QString AddrInfoEntry::familyName() const
{
    return SockUtil::familyName(family);
}

QString AddrInfoEntry::socketTypeName() const
{
    return socketType == SOCK_RAW ? QStringLiteral("SOCK_RAW") : SockUtil::typeName(socketType);
}

QString AddrInfoEntry::protocolName() const
{
    switch (protocol) {
    case IPPROTO_TCP:
        return QStringLiteral("IPPROTO_TCP");
    case IPPROTO_UDP:
        return QStringLiteral("IPPROTO_UDP");
    case IPPROTO_SCTP:
        return QStringLiteral("IPPROTO_SCTP");
    default:
        return QString::number(protocol);
    }
}

QString AddrInfoEntry::toText() const
{
    // Python 3.11 prints the socket address without the %scope, the scope as the fourth number.
    const int percent = address.indexOf(QLatin1Char('%'));
    const QString host = percent >= 0 ? address.left(percent) : address;
    const QString sockaddr = family == AF_INET6
        ? QStringLiteral("(%1, 0, 0, %2)").arg(pyRepr(host), QString::number(scopeId))
        : QStringLiteral("(%1, 0)").arg(pyRepr(host));
    return QStringLiteral("(<AddressFamily.%1: %2>, <SocketKind.%3: %4>, %5, %6, %7)")
        .arg(familyName(), QString::number(family), socketTypeName(), QString::number(socketType),
            QString::number(protocol), pyRepr(canonicalName), sockaddr);
}

QJsonObject AddrInfoEntry::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("family"), familyName());
    o.insert(QStringLiteral("socktype"), socketTypeName());
    o.insert(QStringLiteral("protocol"), protocol);
    o.insert(QStringLiteral("protocol_name"), protocolName());
    o.insert(QStringLiteral("canonname"), canonicalName);
    o.insert(QStringLiteral("address"), address);
    if (family == AF_INET6)
        o.insert(QStringLiteral("scope_id"), double(scopeId));
    return o;
}

QString HostEntry::toText() const
{
    if (failure.isError())
        return failure.pythonText();
    return QStringLiteral("(%1, %2, %3)").arg(pyRepr(name), pyList(aliases), pyList(addresses));
}

QJsonObject HostEntry::toJson() const
{
    QJsonObject o;
    if (failure.isError()) {
        o.insert(QStringLiteral("failure"), failure.toJson());
        return o;
    }
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("aliases"), jsonStrings(aliases));
    o.insert(QStringLiteral("addresses"), jsonStrings(addresses));
    return o;
}

QStringList NameLookupResult::addresses() const
{
    QStringList out;
    for (const AddrInfoEntry &e : entries)
        if (!out.contains(e.address))
            out << e.address;
    return out;
}

QString NameLookupResult::toText() const
{
    if (error.kind == ErrorKind::Usage || error.kind == ErrorKind::Timeout)
        return {};
    QStringList lines;
    lines << QStringLiteral("getaddrinfo(%1, None, %2, flags=AI_CANONNAME):").arg(pyRepr(name), familyConstant(family));
    if (failure.isError())
        lines << QStringLiteral("  ") + failure.pythonText();
    for (const AddrInfoEntry &e : entries)
        lines << QStringLiteral("  ") + e.toText();
    if (!failure.isError())
        lines << QStringLiteral("canonical name: %1").arg(canonicalName);
    lines << QStringLiteral("gethostbyname_ex(%1):").arg(pyRepr(name));
    lines << QStringLiteral("  ") + hostEntry.toText();
    return lines.join(QLatin1Char('\n'));
}

QJsonObject NameLookupResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("result"));
    o.insert(QStringLiteral("lookup"), QStringLiteral("name"));
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("family"), addressFamilyName(family));
    o.insert(QStringLiteral("ok"), ok());
    o.insert(QStringLiteral("ms"), double(durationNs) / 1e6);
    if (error.isError())
        o.insert(QStringLiteral("error"), errorJson(error));
    if (failure.isError())
        o.insert(QStringLiteral("failure"), failure.toJson());
    if (ok()) {
        o.insert(QStringLiteral("canonname"), canonicalName);
        QJsonArray list;
        for (const AddrInfoEntry &e : entries)
            list.append(e.toJson());
        o.insert(QStringLiteral("getaddrinfo"), list);
        o.insert(QStringLiteral("addresses"), jsonStrings(addresses()));
    }
    if (error.kind != ErrorKind::Usage && error.kind != ErrorKind::Timeout)
        o.insert(QStringLiteral("gethostbyname_ex"), hostEntry.toJson());
    o.insert(QStringLiteral("trace"), traceJson(trace));
    return o;
}

QString AddressLookupResult::toText() const
{
    if (error.kind == ErrorKind::Usage || error.kind == ErrorKind::Timeout)
        return {};
    QStringList lines;
    lines << QStringLiteral("getnameinfo((%1, 0), NI_NAMEREQD):").arg(pyRepr(address));
    lines << QStringLiteral("  ")
            + (failure.isError() ? failure.pythonText() : QStringLiteral("(%1, '0')").arg(pyRepr(name)));
    lines << QStringLiteral("gethostbyaddr(%1):").arg(pyRepr(address));
    lines << QStringLiteral("  ") + hostEntry.toText();
    return lines.join(QLatin1Char('\n'));
}

QJsonObject AddressLookupResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("result"));
    o.insert(QStringLiteral("lookup"), QStringLiteral("address"));
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("address"), address);
    o.insert(QStringLiteral("ok"), ok());
    o.insert(QStringLiteral("ms"), double(durationNs) / 1e6);
    if (error.isError())
        o.insert(QStringLiteral("error"), errorJson(error));
    if (failure.isError())
        o.insert(QStringLiteral("failure"), failure.toJson());
    if (ok())
        o.insert(QStringLiteral("name"), name);
    if (error.kind != ErrorKind::Usage && error.kind != ErrorKind::Timeout)
        o.insert(QStringLiteral("gethostbyaddr"), hostEntry.toJson());
    o.insert(QStringLiteral("trace"), traceJson(trace));
    return o;
}

QString InterfaceAddress::toText() const
{
    QString line = QStringLiteral("%1 %2").arg(ipv6 ? QStringLiteral("inet6") : QStringLiteral("inet"), address);
    if (ipv6) {
        if (prefixLength >= 0)
            line += QStringLiteral("  prefixlen %1").arg(prefixLength);
    } else {
        if (!netmask.isEmpty())
            line += QStringLiteral("  netmask %1").arg(netmask);
        if (prefixLength >= 0)
            line += QStringLiteral(" (/%1)").arg(prefixLength);
        if (!broadcast.isEmpty())
            line += QStringLiteral("  broadcast %1").arg(broadcast);
    }
    return line;
}

QJsonObject InterfaceAddress::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("family"), ipv6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET"));
    o.insert(QStringLiteral("address"), address);
    o.insert(QStringLiteral("netmask"), netmask);
    o.insert(QStringLiteral("prefix_length"), prefixLength);
    if (!broadcast.isEmpty())
        o.insert(QStringLiteral("broadcast"), broadcast);
    return o;
}

QString InterfaceInfo::toText() const
{
    QString head = QStringLiteral("%1: %2 <%3>").arg(QString::number(index), name, flags.join(QLatin1Char(',')));
    if (mtu > 0)
        head += QStringLiteral(" mtu %1").arg(mtu);
    if (!hardwareAddress.isEmpty())
        head += QStringLiteral(" ether %1").arg(hardwareAddress);
    QStringList lines { head };
    for (const InterfaceAddress &a : addresses)
        lines << QStringLiteral("    ") + a.toText();
    return lines.join(QLatin1Char('\n'));
}

QJsonObject InterfaceInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("index"), index);
    o.insert(QStringLiteral("flags"), jsonStrings(flags));
    o.insert(QStringLiteral("hardware_address"), hardwareAddress);
    o.insert(QStringLiteral("mtu"), mtu);
    QJsonArray list;
    for (const InterfaceAddress &a : addresses)
        list.append(a.toJson());
    o.insert(QStringLiteral("addresses"), list);
    return o;
}

QString LocalHostResult::toText() const
{
    QStringList lines;
    lines << QStringLiteral("gethostname(): %1").arg(pyRepr(hostName));
    if (error.kind == ErrorKind::Timeout)
        return lines.join(QLatin1Char('\n'));
    lines << QStringLiteral("getfqdn(): %1").arg(pyRepr(fqdn));
    lines << QStringLiteral("has_ipv6: %1").arg(hasIPv6 ? QStringLiteral("True") : QStringLiteral("False"))
            + (ipv6Error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(ipv6Error));
    lines << QStringLiteral("interfaces:");
    for (const InterfaceInfo &i : interfaces)
        for (const QString &line : i.toText().split(QLatin1Char('\n')))
            lines << QStringLiteral("  ") + line;
    return lines.join(QLatin1Char('\n'));
}

QJsonObject LocalHostResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("result"));
    o.insert(QStringLiteral("lookup"), QStringLiteral("local"));
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("ok"), ok());
    o.insert(QStringLiteral("ms"), double(durationNs) / 1e6);
    if (error.isError())
        o.insert(QStringLiteral("error"), errorJson(error));
    o.insert(QStringLiteral("hostname"), hostName);
    if (error.kind != ErrorKind::Timeout) {
        o.insert(QStringLiteral("fqdn"), fqdn);
        o.insert(QStringLiteral("has_ipv6"), hasIPv6);
        if (!ipv6Error.isEmpty())
            o.insert(QStringLiteral("ipv6_error"), ipv6Error);
        QJsonArray list;
        for (const InterfaceInfo &i : interfaces)
            list.append(i.toJson());
        o.insert(QStringLiteral("interfaces"), list);
    }
    o.insert(QStringLiteral("trace"), traceJson(trace));
    return o;
}

// ---------------------------------------------------------------------------------------------
// The blocking calls

namespace HostResolver {

QString eaiName(int code)
{
    switch (code) {
    case 0:
        return {};
#define SWB_EAI(name)                                                                                                  \
    case name:                                                                                                         \
        return QStringLiteral(#name);
        SWB_EAI(EAI_BADFLAGS)
        SWB_EAI(EAI_NONAME)
        SWB_EAI(EAI_AGAIN)
        SWB_EAI(EAI_FAIL)
        SWB_EAI(EAI_FAMILY)
        SWB_EAI(EAI_SOCKTYPE)
        SWB_EAI(EAI_SERVICE)
        SWB_EAI(EAI_MEMORY)
        SWB_EAI(EAI_SYSTEM)
        SWB_EAI(EAI_OVERFLOW)
#ifdef EAI_NODATA
        SWB_EAI(EAI_NODATA)
#endif
#ifdef EAI_ADDRFAMILY
        SWB_EAI(EAI_ADDRFAMILY)
#endif
#ifdef EAI_INPROGRESS
        SWB_EAI(EAI_INPROGRESS)
        SWB_EAI(EAI_CANCELED)
        SWB_EAI(EAI_NOTCANCELED)
        SWB_EAI(EAI_ALLDONE)
        SWB_EAI(EAI_INTR)
#endif
#ifdef EAI_IDN_ENCODE
        SWB_EAI(EAI_IDN_ENCODE)
#endif
#undef SWB_EAI
    default:
        return QStringLiteral("EAI %1").arg(code);
    }
}

QString hErrnoName(int code)
{
    switch (code) {
    case NETDB_INTERNAL:
        return QStringLiteral("NETDB_INTERNAL");
    case NETDB_SUCCESS:
        return {};
    case HOST_NOT_FOUND:
        return QStringLiteral("HOST_NOT_FOUND");
    case TRY_AGAIN:
        return QStringLiteral("TRY_AGAIN");
    case NO_RECOVERY:
        return QStringLiteral("NO_RECOVERY");
    case NO_DATA:
        return QStringLiteral("NO_DATA");
    default:
        return QStringLiteral("h_errno %1").arg(code);
    }
}

Parsed<QString> checkName(const QString &text)
{
    return EndpointParser::parseHost(text, QStringLiteral("host"));
}

Parsed<QString> checkAddress(const QString &text)
{
    const Parsed<QString> host = EndpointParser::parseHost(text, QStringLiteral("address"));
    if (!host.ok())
        return host;
    if (!isNumeric(*host.value))
        return Parsed<QString> { std::nullopt,
            makeUsageError(QStringLiteral("address"),
                Tr::tr("'%1' is a name, not an address: a reverse lookup takes a numeric address such as 127.0.0.1 "
                       "or ::1 (look a name up forward instead)")
                    .arg(text)) };
    return host;
}

HostEntry hostByName(const QString &name)
{
    // As Python's gethostbyname_ex(): what is not a dotted quad is resolved with getaddrinfo(AF_INET)
    // first, so a name that does not resolve (or "::1") raises its socket.gaierror, not an herror;
    // then gethostbyname_r gives the triple.
    const QByteArray ascii = name.toLatin1();
    in_addr v4 {};
    if (::inet_pton(AF_INET, ascii.constData(), &v4) != 1) {
        HostEntry failed;
        firstAddress(name, AF_INET, &failed.failure);
        if (failed.failure.isError())
            return failed;
    }
    const QByteArray host = name.toUtf8();
    return callHostent(QStringLiteral("gethostbyname2_r"),
        [&host](hostent *entry, char *buffer, size_t size, hostent **result, int *herr) {
            return ::gethostbyname2_r(host.constData(), AF_INET, entry, buffer, size, result, herr);
        });
}

HostEntry hostByAddress(const QString &numericAddress)
{
    QByteArray text = numericAddress.toLatin1();
    const int percent = text.indexOf('%');
    if (percent >= 0)
        text.truncate(percent);
    unsigned char bytes[sizeof(in6_addr)];
    int family = AF_INET;
    socklen_t length = sizeof(in_addr);
    if (::inet_pton(AF_INET, text.constData(), bytes) != 1) {
        family = AF_INET6;
        length = sizeof(in6_addr);
        if (::inet_pton(AF_INET6, text.constData(), bytes) != 1) {
            HostEntry failed;
            failed.failure = hError(QStringLiteral("gethostbyaddr_r"), HOST_NOT_FOUND);
            return failed;
        }
    }
    return callHostent(
        QStringLiteral("gethostbyaddr_r"), [&](hostent *entry, char *buffer, size_t size, hostent **result, int *herr) {
            return ::gethostbyaddr_r(bytes, length, family, entry, buffer, size, result, herr);
        });
}

QString hostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return {};
    return QString::fromLocal8Bit(name);
}

QString fqdn(const QString &nameIn)
{
    // Python's socket.getfqdn(), line for line.
    QString name = nameIn.trimmed();
    if (name.isEmpty() || name == QLatin1String("0.0.0.0") || name == QLatin1String("::"))
        name = hostName();
    const QString address = isNumeric(name) ? name : firstAddress(name, AF_UNSPEC, nullptr);
    if (address.isEmpty())
        return name;
    const HostEntry entry = hostByAddress(address);
    if (!entry.ok())
        return name;
    const QStringList candidates = QStringList { entry.name } + entry.aliases;
    for (const QString &candidate : candidates)
        if (candidate.contains(QLatin1Char('.')))
            return candidate;
    return entry.name;
}

bool hasIPv6(QString *why)
{
    // Python's socket.has_ipv6 is fixed when Python is built; what a learner wants to know is
    // whether this machine, now, lets a program make an IPv6 socket.
    const int fd = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        if (why)
            *why = errnoName(errno);
        return false;
    }
    SockUtil::closeFd(fd);
    if (why)
        why->clear();
    return true;
}

QList<InterfaceInfo> interfaces()
{
    QList<InterfaceInfo> out;
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : all) {
        InterfaceInfo info;
        info.name = iface.name();
        info.index = iface.index();
        info.mtu = iface.maximumTransmissionUnit();
        info.hardwareAddress = iface.hardwareAddress();
        const QNetworkInterface::InterfaceFlags f = iface.flags();
        const std::pair<QNetworkInterface::InterfaceFlag, const char *> names[] = {
            { QNetworkInterface::IsUp, "UP" },
            { QNetworkInterface::CanBroadcast, "BROADCAST" },
            { QNetworkInterface::IsLoopBack, "LOOPBACK" },
            { QNetworkInterface::IsPointToPoint, "POINTOPOINT" },
            { QNetworkInterface::IsRunning, "RUNNING" },
            { QNetworkInterface::CanMulticast, "MULTICAST" },
        };
        for (const auto &[flag, text] : names)
            if (f.testFlag(flag))
                info.flags << QString::fromLatin1(text);
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            InterfaceAddress a;
            a.ipv6 = entry.ip().protocol() == QAbstractSocket::IPv6Protocol;
            a.address = entry.ip().toString();
            a.netmask = entry.netmask().toString();
            a.prefixLength = entry.prefixLength();
            // Qt derives a broadcast address even for interfaces that cannot broadcast (lo):
            // show one only where the interface says it can, as ifconfig does.
            if (!entry.broadcast().isNull() && f.testFlag(QNetworkInterface::CanBroadcast))
                a.broadcast = entry.broadcast().toString();
            info.addresses << a;
        }
        out << info;
    }
    return out;
}

NameLookupResult resolveName(const QString &nameIn, AddressFamily family)
{
    const TraceClock clock;
    NameLookupResult r;
    r.family = family;
    r.name = nameIn;
    const Parsed<QString> checked = checkName(nameIn);
    if (!checked.ok()) {
        r.error = checked.error;
        return r;
    }
    r.name = *checked.value;

    addrinfo hints {};
    hints.ai_family = familyValue(family);
    hints.ai_flags = AI_CANONNAME;
    addrinfo *list = nullptr;
    const QByteArray host = r.name.toUtf8();
    const QString args = QStringLiteral("(\"%1\", NULL, %2, AI_CANONNAME)").arg(r.name, familyConstant(family));
    const int rc = ::getaddrinfo(host.constData(), nullptr, &hints, &list);
    const int savedErrno = errno;
    if (rc != 0) {
        r.failure = gaiError(QStringLiteral("getaddrinfo"), rc, savedErrno);
        r.error.kind = ErrorKind::Resolve;
        r.error.osError = r.failure.codeName;
        r.error.field = QStringLiteral("host");
        r.error.message
            = Tr::tr("Could not find the address of '%1': %2 (%3)").arg(r.name, r.failure.text, r.failure.codeName);
        r.trace << clock.makeError(QStringLiteral("getaddrinfo"), args, r.error);
    } else {
        for (const addrinfo *p = list; p; p = p->ai_next) {
            AddrInfoEntry e;
            e.family = p->ai_family;
            e.socketType = p->ai_socktype;
            e.protocol = p->ai_protocol;
            if (p->ai_canonname)
                e.canonicalName = QString::fromLocal8Bit(p->ai_canonname);
            e.address = numericAddress(p->ai_addr, p->ai_addrlen);
            if (p->ai_family == AF_INET6)
                e.scopeId = reinterpret_cast<const sockaddr_in6 *>(p->ai_addr)->sin6_scope_id;
            r.entries << e;
        }
        if (list && list->ai_canonname)
            r.canonicalName = QString::fromLocal8Bit(list->ai_canonname);
        ::freeaddrinfo(list);
        r.trace << clock.make(TraceKind::Call, QStringLiteral("getaddrinfo"), args, r.addresses().join(u", "));
    }

    // Where getaddrinfo(AF_UNSPEC or AF_INET) already failed, Python's gethostbyname_ex() fails the
    // same way at its own getaddrinfo(AF_INET): show that without waiting for the resolver twice.
    if (rc != 0 && family != AddressFamily::IPv6) {
        r.hostEntry.failure = r.failure;
    } else {
        r.hostEntry = hostByName(r.name);
        const QString hArgs = QStringLiteral("(\"%1\", AF_INET)").arg(r.name);
        r.trace << clock.make(r.hostEntry.ok() ? TraceKind::Call : TraceKind::Note, QStringLiteral("gethostbyname2_r"),
            hArgs, r.hostEntry.ok() ? r.hostEntry.toText() : r.hostEntry.failure.codeName);
    }
    return r;
}

AddressLookupResult resolveAddress(const QString &addressIn)
{
    const TraceClock clock;
    AddressLookupResult r;
    r.address = addressIn;
    const Parsed<QString> checked = checkAddress(addressIn);
    if (!checked.ok()) {
        r.error = checked.error;
        return r;
    }
    r.address = *checked.value;

    // getaddrinfo(AI_NUMERICHOST) only parses: it turns the text (and a %scope) into a sockaddr
    // without asking any resolver.
    addrinfo hints {};
    hints.ai_flags = AI_NUMERICHOST;
    addrinfo *list = nullptr;
    const QByteArray host = r.address.toLatin1();
    const int prc = ::getaddrinfo(host.constData(), nullptr, &hints, &list);
    if (prc != 0) {
        r.error = makeUsageError(QStringLiteral("address"),
            Tr::tr("'%1' is not an address this machine can use: %2")
                .arg(r.address, QString::fromLocal8Bit(gai_strerror(prc))));
        return r;
    }
    char name[NI_MAXHOST] = {};
    const int rc = ::getnameinfo(list->ai_addr, list->ai_addrlen, name, sizeof name, nullptr, 0, NI_NAMEREQD);
    const int savedErrno = errno;
    ::freeaddrinfo(list);
    const QString args = QStringLiteral("((%1, 0), NI_NAMEREQD)").arg(r.address);
    if (rc != 0) {
        r.failure = gaiError(QStringLiteral("getnameinfo"), rc, savedErrno);
        r.error.kind = ErrorKind::Address;
        r.error.osError = r.failure.codeName;
        r.error.field = QStringLiteral("address");
        r.error.message = Tr::tr("No name found for %1: %2 (%3)").arg(r.address, r.failure.text, r.failure.codeName);
        r.trace << clock.makeError(QStringLiteral("getnameinfo"), args, r.error);
    } else {
        r.name = QString::fromLocal8Bit(name);
        r.trace << clock.make(TraceKind::Call, QStringLiteral("getnameinfo"), args, r.name);
    }
    r.hostEntry = hostByAddress(r.address);
    r.trace << clock.make(r.hostEntry.ok() ? TraceKind::Call : TraceKind::Note, QStringLiteral("gethostbyaddr_r"),
        QStringLiteral("(%1)").arg(r.address), r.hostEntry.ok() ? r.hostEntry.toText() : r.hostEntry.failure.codeName);
    return r;
}

LocalHostResult localHost()
{
    const TraceClock clock;
    LocalHostResult r;
    r.hostName = hostName();
    r.trace << clock.make(TraceKind::Call, QStringLiteral("gethostname"), QStringLiteral("()"), r.hostName);
    r.fqdn = fqdn(r.hostName);
    r.trace << clock.make(TraceKind::Call, QStringLiteral("getfqdn"), QStringLiteral("()"), r.fqdn);
    r.hasIPv6 = hasIPv6(&r.ipv6Error);
    r.trace << clock.make(TraceKind::Call, QStringLiteral("socket"), QStringLiteral("(AF_INET6, SOCK_DGRAM)"),
        r.hasIPv6 ? QStringLiteral("ok") : r.ipv6Error);
    r.interfaces = interfaces();
    r.trace << clock.make(TraceKind::Call, QStringLiteral("getifaddrs"), QStringLiteral("()"),
        r.interfaces.size() == 1 ? Tr::tr("1 interface") : Tr::tr("%1 interfaces").arg(r.interfaces.size()));
    return r;
}

} // namespace HostResolver

// ---------------------------------------------------------------------------------------------
// HostLookup

// A worker thread holds this after its HostLookup may be gone: it posts the result only while
// owner is set, under the lock, so the object it posts to is alive at that moment (and Qt drops
// events posted to an object when the object is destroyed).
struct HostLookup::Channel {
    std::mutex mutex;
    HostLookup *owner = nullptr;
};

HostLookup::HostLookup(QObject *parent)
    : QObject(parent)
    , m_channel(std::make_shared<Channel>())
{
    m_channel->owner = this;
}

HostLookup::~HostLookup()
{
    std::lock_guard<std::mutex> lock(m_channel->mutex);
    m_channel->owner = nullptr;
}

int HostLookup::busyWorkers()
{
    return g_busyWorkers.load();
}

int HostLookup::begin(Kind kind, const QString &subject, AddressFamily family)
{
    const int id = m_nextId++;
    Pending p;
    p.kind = kind;
    p.subject = subject;
    p.family = family;
    if (m_timeoutMs > 0) {
        p.timer = new QTimer(this);
        p.timer->setSingleShot(true);
        connect(p.timer, &QTimer::timeout, this, [this, id] { timedOut(id); });
        p.timer->start(m_timeoutMs);
    }
    m_pending.insert(id, p);
    emit stateChanged(id, State::Running);
    return id;
}

template<typename Result> void HostLookup::runOnWorker(int id, std::function<Result()> job)
{
    std::shared_ptr<Channel> channel = m_channel;
    // A learner pressing Look up again and again against a resolver that never answers must not
    // pile up threads: past a few calls still waiting, a new request is refused and says why.
    if (g_busyWorkers.fetch_add(1) >= kMaxBusyWorkers) {
        g_busyWorkers.fetch_sub(1);
        Result result;
        result.id = id;
        result.error.kind = ErrorKind::Local;
        result.error.message = tr("%1 earlier lookups are still waiting for the resolver (a cancelled lookup "
                                  "waits until the resolver gives up). Try again when they have finished.")
                                   .arg(kMaxBusyWorkers);
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
        return;
    }
    // getaddrinfo() and its kin cannot be interrupted: a cancelled or timed-out request's thread
    // runs the call to its end (the resolver's own timeouts bound it) and its answer is dropped,
    // because deliver() no longer finds the id. A detached thread, not a pool, so that a stuck
    // call delays neither this object's destruction nor the application's exit.
    try {
        std::thread([channel, id, job = std::move(job)] {
            Result result = job();
            result.id = id;
            {
                std::lock_guard<std::mutex> lock(channel->mutex);
                if (HostLookup *owner = channel->owner)
                    QMetaObject::invokeMethod(
                        owner, [owner, result] { owner->deliver(result); }, Qt::QueuedConnection);
            }
            g_busyWorkers.fetch_sub(1);
        }).detach();
    } catch (const std::system_error &e) {
        g_busyWorkers.fetch_sub(1);
        Result result;
        result.id = id;
        result.error.kind = ErrorKind::Local;
        result.error.message = tr("Could not start a thread for the lookup: %1").arg(QString::fromLocal8Bit(e.what()));
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
    }
}

int HostLookup::lookupName(const QString &name, AddressFamily family)
{
    const int id = begin(Kind::Name, name, family);
    const Parsed<QString> checked = HostResolver::checkName(name);
    if (!checked.ok()) {
        NameLookupResult r;
        r.id = id;
        r.name = name;
        r.family = family;
        r.error = checked.error;
        QMetaObject::invokeMethod(
            this, [this, r] { deliver(r); }, Qt::QueuedConnection);
        return id;
    }
    NameResolver resolver = m_nameResolver ? m_nameResolver : NameResolver(&HostResolver::resolveName);
    const QString host = *checked.value;
    runOnWorker<NameLookupResult>(id, [resolver, host, family] {
        NameLookupResult r = resolver(host, family);
        r.name = host;
        r.family = family;
        return r;
    });
    return id;
}

int HostLookup::lookupAddress(const QString &address)
{
    const int id = begin(Kind::Address, address, AddressFamily::Any);
    const Parsed<QString> checked = HostResolver::checkAddress(address);
    if (!checked.ok()) {
        AddressLookupResult r;
        r.id = id;
        r.address = address;
        r.error = checked.error;
        QMetaObject::invokeMethod(
            this, [this, r] { deliver(r); }, Qt::QueuedConnection);
        return id;
    }
    AddressResolver resolver = m_addressResolver ? m_addressResolver : AddressResolver(&HostResolver::resolveAddress);
    const QString numeric = *checked.value;
    runOnWorker<AddressLookupResult>(id, [resolver, numeric] {
        AddressLookupResult r = resolver(numeric);
        r.address = numeric;
        return r;
    });
    return id;
}

int HostLookup::lookupLocalHost()
{
    const int id = begin(Kind::Local, QString(), AddressFamily::Any);
    LocalResolver resolver = m_localResolver ? m_localResolver : LocalResolver(&HostResolver::localHost);
    runOnWorker<LocalHostResult>(id, [resolver] { return resolver(); });
    return id;
}

bool HostLookup::takePending(int id, Pending *out)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return false;
    *out = it.value();
    m_pending.erase(it);
    if (out->timer) {
        out->timer->stop();
        out->timer->deleteLater();
        out->timer = nullptr;
    }
    return true;
}

bool HostLookup::cancel(int id)
{
    Pending p;
    if (!takePending(id, &p))
        return false;
    TraceEvent note = p.clock.make(TraceKind::Note, QString(),
        tr("cancelled; the C library cannot interrupt a lookup, so the call runs on in the background and its "
           "answer will be ignored"));
    emit traced(note);
    emit stateChanged(id, State::Cancelled);
    return true;
}

void HostLookup::cancelAll()
{
    const QList<int> ids = m_pending.keys();
    for (int id : ids)
        cancel(id);
}

void HostLookup::emitTrace(const QList<TraceEvent> &trace)
{
    for (const TraceEvent &e : trace)
        emit traced(e);
}

template<typename Result> bool HostLookup::settle(Result &result)
{
    Pending p;
    if (!takePending(result.id, &p))
        return false; // cancelled or timed out: the worker finished after all
    result.durationNs = p.clock.elapsedNs();
    emitTrace(result.trace);
    return true;
}

void HostLookup::deliver(NameLookupResult result)
{
    if (!settle(result))
        return;
    emit nameLookupFinished(result);
    emit stateChanged(result.id, State::Finished);
}

void HostLookup::deliver(AddressLookupResult result)
{
    if (!settle(result))
        return;
    emit addressLookupFinished(result);
    emit stateChanged(result.id, State::Finished);
}

void HostLookup::deliver(LocalHostResult result)
{
    if (!settle(result))
        return;
    emit localHostFinished(result);
    emit stateChanged(result.id, State::Finished);
}

void HostLookup::timedOut(int id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending p = it.value();
    const QString seconds = QString::number(m_timeoutMs / 1000.0, 'g', 3);
    SessionError e;
    e.kind = ErrorKind::Timeout;
    e.osError = QStringLiteral("ETIMEDOUT");
    const QString call = p.kind == Kind::Name ? QStringLiteral("getaddrinfo")
        : p.kind == Kind::Address             ? QStringLiteral("getnameinfo")
                                              : QStringLiteral("getfqdn");
    e.message = tr("The resolver did not answer within %1 s (%2() is still waiting; its answer will be ignored).")
                    .arg(seconds, call);
    TraceEvent ev = p.clock.makeError(
        call, p.subject.isEmpty() ? QStringLiteral("()") : QStringLiteral("(%1)").arg(p.subject), e);
    ev.result = tr("timed out after %1 s").arg(seconds);
    // deliver() takes the pending entry; the worker's own answer, when it comes, finds nothing.
    switch (p.kind) {
    case Kind::Name: {
        NameLookupResult r;
        r.id = id;
        r.name = p.subject;
        r.family = p.family;
        r.error = e;
        r.trace << ev;
        deliver(r);
        break;
    }
    case Kind::Address: {
        AddressLookupResult r;
        r.id = id;
        r.address = p.subject;
        r.error = e;
        r.trace << ev;
        deliver(r);
        break;
    }
    case Kind::Local: {
        LocalHostResult r;
        r.id = id;
        r.hostName = HostResolver::hostName(); // a system call: it does not wait for the network
        r.error = e;
        r.trace << ev;
        deliver(r);
        break;
    }
    }
}

} // namespace swb
