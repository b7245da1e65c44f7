#pragma once
// A host and port as the person typed them or as a socket reported them, and the parser that
// turns "host", "host:port", "[v6]:port" and service names ("http") into one, or says which
// field is wrong and why.

#include "trace/errorkind.h"

#include <QMetaType>
#include <QString>

#include <optional>

struct sockaddr;
struct sockaddr_storage;

namespace swb {

struct Endpoint {
    QString host; // a name or a numeric address, without brackets
    quint16 port = 0;

    bool isValid() const { return !host.isEmpty(); }
    // "127.0.0.1:50007", "[::1]:50007", "localhost" when there is no port
    QString toString() const;
    // Python's tuple form, as getsockname() prints it: ('127.0.0.1', 50007)
    QString toPythonTuple() const;
    bool isIPv6() const;

    // From a socket address the kernel filled in (getsockname, accept, recvfrom).
    static Endpoint fromSockaddr(const sockaddr *sa);
    // Numeric host only; false when host is not a numeric IPv4/IPv6 address.
    bool toSockaddr(sockaddr_storage *out, unsigned *length) const;

    friend bool operator==(const Endpoint &a, const Endpoint &b) { return a.host == b.host && a.port == b.port; }
    friend bool operator!=(const Endpoint &a, const Endpoint &b) { return !(a == b); }
};

enum class Transport { Tcp, Udp };
QString transportName(Transport t); // "tcp" / "udp"

template<typename T> struct Parsed {
    std::optional<T> value;
    SessionError error; // Usage, naming the field, when value is empty
    bool ok() const { return value.has_value(); }
};

namespace EndpointParser {
// A host name or numeric address: not empty, no spaces, at most 253 characters, labels at most 63,
// labels of letters, digits, '-' and '_' not starting or ending with '-'. IPv6 literals may be
// written with or without brackets.
Parsed<QString> parseHost(const QString &text, const QString &field = QStringLiteral("host"));
// A port number 1..65535 or a service name looked up with getservbyname() for the transport.
// allowZero lets servers ask for an ephemeral port.
Parsed<quint16> parsePort(const QString &text, Transport transport = Transport::Tcp, bool allowZero = false,
    const QString &field = QStringLiteral("port"));
// "host", "host:port", "[v6]:port"; defaultPort is used when no port is given (0: port required).
Parsed<Endpoint> parse(
    const QString &text, Transport transport = Transport::Tcp, quint16 defaultPort = 0, bool allowZeroPort = false);
// The OS service table (getservbyname), thread-safe. Empty when the name is unknown.
std::optional<quint16> lookupService(const QString &name, Transport transport);
} // namespace EndpointParser

} // namespace swb

Q_DECLARE_METATYPE(swb::Endpoint)
