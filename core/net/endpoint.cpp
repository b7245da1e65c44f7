#include "endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <vector>

namespace swb {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(EndpointParser)
};

// Messages start with the field's name, in the interface's language: "Port is empty", "Bind address
// must not contain spaces". The field itself stays an identifier, which the panels match.
QString capitalized(const QString &field)
{
    if (field == QLatin1String("host"))
        return Tr::tr("Host");
    if (field == QLatin1String("port"))
        return Tr::tr("Port");
    if (field == QLatin1String("address"))
        return Tr::tr("Address");
    if (field == QLatin1String("bind"))
        return Tr::tr("Bind address");
    if (field.isEmpty())
        return field;
    return field.at(0).toUpper() + field.mid(1);
}

// Long input is cut in messages so one mistake does not fill the status bar.
QString quoted(const QString &text)
{
    constexpr int kMax = 40;
    if (text.size() <= kMax)
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    return QLatin1Char('\'') + text.left(kMax) + QStringLiteral("...'");
}

template<typename T> Parsed<T> failed(const QString &field, const QString &message)
{
    return Parsed<T> { std::nullopt, makeUsageError(field, message) };
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return !text.isEmpty();
}

int firstSpace(const QString &text)
{
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace())
            return i;
    }
    return -1;
}

bool isIPv6Literal(const QString &text)
{
    if (!text.contains(QLatin1Char(':')))
        return false;
    QHostAddress address;
    return address.setAddress(text) && address.protocol() == QAbstractSocket::IPv6Protocol;
}

// QHostAddress takes anything after the '%' of an IPv6 address; the parser wants what can name an
// interface: its number, or a name of letters, digits, '.', '_' and '-' that fits IF_NAMESIZE.
bool isValidScope(const QString &host)
{
    const int percent = host.indexOf(QLatin1Char('%'));
    if (percent < 0)
        return true;
    const QStringView scope = QStringView(host).mid(percent + 1);
    if (scope.isEmpty() || scope.size() >= IF_NAMESIZE)
        return false;
    for (const QChar c : scope) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('.') && c != QLatin1Char('_')
            && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

// "fe80::1%eth0" -> address part and scope id (0 when there is none); false when the scope names
// no interface of this machine.
bool splitScope(const QString &host, QByteArray *address, quint32 *scopeId)
{
    const int percent = host.indexOf(QLatin1Char('%'));
    *scopeId = 0;
    if (percent < 0) {
        *address = host.toLatin1();
        return true;
    }
    *address = host.left(percent).toLatin1();
    const QString scope = host.mid(percent + 1);
    if (scope.isEmpty())
        return false;
    if (allDigits(scope)) {
        bool ok = false;
        *scopeId = scope.toUInt(&ok);
        return ok;
    }
    *scopeId = if_nametoindex(scope.toLocal8Bit().constData());
    return *scopeId != 0;
}

} // namespace

QString Endpoint::toString() const
{
    if (port == 0)
        return host;
    if (isIPv6())
        return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
    return host + QLatin1Char(':') + QString::number(port);
}

QString Endpoint::toPythonTuple() const
{
    const QString head = QLatin1Char('(') + QLatin1Char('\'') + host + QStringLiteral("', ") + QString::number(port);
    if (!isIPv6())
        return head + QLatin1Char(')');
    // An AF_INET6 address is a 4-tuple in Python: (host, port, flowinfo, scope_id).
    QByteArray address;
    quint32 scopeId = 0;
    splitScope(host, &address, &scopeId);
    return head + QStringLiteral(", 0, ") + QString::number(scopeId) + QLatin1Char(')');
}

bool Endpoint::isIPv6() const
{
    return isIPv6Literal(host);
}

Endpoint Endpoint::fromSockaddr(const sockaddr *sa)
{
    Endpoint e;
    if (!sa)
        return e;
    char text[INET6_ADDRSTRLEN] = {};
    if (sa->sa_family == AF_INET) {
        sockaddr_in in;
        std::memcpy(&in, sa, sizeof in);
        // A server sees the same few client addresses over and over: the last one's text is kept
        // (and shared, not copied) instead of formatting it for every accept.
        thread_local in_addr lastAddress {};
        thread_local QString lastText;
        if (!lastText.isEmpty() && lastAddress.s_addr == in.sin_addr.s_addr) {
            e.host = lastText;
        } else if (inet_ntop(AF_INET, &in.sin_addr, text, sizeof text)) {
            e.host = QString::fromLatin1(text);
            lastAddress = in.sin_addr;
            lastText = e.host;
        }
        e.port = ntohs(in.sin_port);
    } else if (sa->sa_family == AF_INET6) {
        sockaddr_in6 in6;
        std::memcpy(&in6, sa, sizeof in6);
        if (inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text))
            e.host = QString::fromLatin1(text);
        if (in6.sin6_scope_id != 0 && !e.host.isEmpty()) {
            char name[IF_NAMESIZE] = {};
            e.host += QLatin1Char('%')
                + (if_indextoname(in6.sin6_scope_id, name) ? QString::fromLocal8Bit(name)
                                                           : QString::number(in6.sin6_scope_id));
        }
        e.port = ntohs(in6.sin6_port);
    }
    return e;
}

bool Endpoint::toSockaddr(sockaddr_storage *out, unsigned *length) const
{
    if (!out)
        return false;
    std::memset(out, 0, sizeof *out);
    const QByteArray latin = host.toLatin1();
    sockaddr_in in;
    std::memset(&in, 0, sizeof in);
    if (!host.contains(QLatin1Char(':')) && inet_pton(AF_INET, latin.constData(), &in.sin_addr) == 1) {
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        std::memcpy(out, &in, sizeof in);
        if (length)
            *length = sizeof in;
        return true;
    }
    sockaddr_in6 in6;
    std::memset(&in6, 0, sizeof in6);
    QByteArray address;
    quint32 scopeId = 0;
    if (!host.contains(QLatin1Char(':')) || !splitScope(host, &address, &scopeId)
        || inet_pton(AF_INET6, address.constData(), &in6.sin6_addr) != 1)
        return false;
    in6.sin6_family = AF_INET6;
    in6.sin6_port = htons(port);
    in6.sin6_scope_id = scopeId;
    std::memcpy(out, &in6, sizeof in6);
    if (length)
        *length = sizeof in6;
    return true;
}

QString transportName(Transport t)
{
    switch (t) {
    case Transport::Tcp:
        return QStringLiteral("tcp");
    case Transport::Udp:
        return QStringLiteral("udp");
    }
    return {};
}

namespace EndpointParser {

namespace {

constexpr int kMaxHostLength = 253;
constexpr int kMaxLabelLength = 63;

Parsed<QString> parseIPv4(const QString &text, const QString &field)
{
    in_addr address;
    if (inet_pton(AF_INET, text.toLatin1().constData(), &address) == 1)
        return Parsed<QString> { text, {} };
    return failed<QString>(field,
        Tr::tr("%1 %2 is not a valid IPv4 address: write four numbers from 0 to 255 separated by dots, "
               "such as 127.0.0.1")
            .arg(capitalized(field), quoted(text)));
}

Parsed<QString> badScope(const QString &text, const QString &field)
{
    return failed<QString>(field,
        Tr::tr("%1 %2 needs an interface name or number after the '%', such as %3 or %4")
            .arg(capitalized(field), quoted(text), QStringLiteral("fe80::1%eth0"), QStringLiteral("fe80::1%2")));
}

Parsed<QString> parseName(const QString &text, const QString &field)
{
    const QString name = text.endsWith(QLatin1Char('.')) ? text.chopped(1) : text;
    if (name.size() > kMaxHostLength)
        return failed<QString>(field,
            Tr::tr("%1 is %2 characters long; a host name may have at most %3 (not counting a final dot)")
                .arg(capitalized(field), QString::number(text.size()), QString::number(kMaxHostLength)));
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty())
            return failed<QString>(field,
                Tr::tr("%1 %2 has an empty part: dots must separate names, as in www.example.com, "
                       "not start them or stand two in a row")
                    .arg(capitalized(field), quoted(text)));
        if (label.size() > kMaxLabelLength)
            return failed<QString>(field,
                Tr::tr("%1 part %2 is %3 characters long; each part between dots may have at most %4")
                    .arg(capitalized(field), quoted(label), QString::number(label.size()),
                        QString::number(kMaxLabelLength)));
        for (const QChar c : label) {
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('-') && c != QLatin1Char('_'))
                return failed<QString>(field,
                    Tr::tr("%1 part %2 contains '%3'; host names use only letters a-z, digits, '-' and '_' "
                           "(an international name must be typed in its xn-- form)")
                        .arg(capitalized(field), quoted(label), QString(c)));
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return failed<QString>(field,
                Tr::tr("%1 part %2 starts or ends with '-'; a part of a host name may only have '-' inside it")
                    .arg(capitalized(field), quoted(label)));
    }
    return Parsed<QString> { text, {} };
}

} // namespace

Parsed<QString> parseHost(const QString &text, const QString &field)
{
    if (text.isEmpty())
        return failed<QString>(field,
            Tr::tr("%1 is empty; type a name such as localhost or an address such as 127.0.0.1")
                .arg(capitalized(field)));
    const int space = firstSpace(text);
    if (space >= 0)
        return failed<QString>(field,
            Tr::tr("%1 must not contain spaces (there is one at character %2)")
                .arg(capitalized(field), QString::number(space + 1)));
    if (text.startsWith(QLatin1Char('['))) {
        if (!text.endsWith(QLatin1Char(']')) || text.size() < 2)
            return failed<QString>(field,
                Tr::tr("%1 %2 opens a '[' but does not close it; write an IPv6 address as [::1]")
                    .arg(capitalized(field), quoted(text)));
        const QString inner = text.mid(1, text.size() - 2);
        if (!isIPv6Literal(inner))
            return failed<QString>(field,
                Tr::tr("%1 %2 is not an IPv6 address; brackets are only for IPv6 addresses such as [::1]")
                    .arg(capitalized(field), quoted(text)));
        if (!isValidScope(inner))
            return badScope(text, field);
        return Parsed<QString> { inner, {} };
    }
    if (text.contains(QLatin1Char(']')))
        return failed<QString>(field,
            Tr::tr("%1 %2 has a ']' without a '['; write an IPv6 address as [::1]")
                .arg(capitalized(field), quoted(text)));
    if (text.contains(QLatin1Char(':'))) {
        if (!isIPv6Literal(text))
            return failed<QString>(field,
                Tr::tr("%1 %2 contains ':' but is not a valid IPv6 address such as ::1 or fe80::1%eth0 "
                       "(a port after an IPv6 address needs brackets, as in [::1]:80)")
                    .arg(capitalized(field), quoted(text)));
        if (!isValidScope(text))
            return badScope(text, field);
        return Parsed<QString> { text, {} };
    }
    bool numeric = true;
    bool digits = false;
    for (const QChar c : text) {
        numeric = numeric && (isAsciiDigit(c) || c == QLatin1Char('.'));
        digits = digits || isAsciiDigit(c);
    }
    // All digits and dots is meant as an IPv4 address; the resolver would read "10.1" as 10.0.0.1,
    // which surprises more than it helps, so only the dotted quad is taken.
    if (numeric && digits)
        return parseIPv4(text, field);
    return parseName(text, field);
}

std::optional<quint16> lookupService(const QString &name, Transport transport)
{
    const QByteArray key = name.toUtf8();
    if (key.isEmpty() || key.contains('\0'))
        return std::nullopt;
    const QByteArray proto = transportName(transport).toLatin1();
    servent entry;
    servent *result = nullptr;
    std::vector<char> buffer(1024);
    for (;;) {
        const int rc
            = getservbyname_r(key.constData(), proto.constData(), &entry, buffer.data(), buffer.size(), &result);
        if (rc == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (rc != 0 || !result)
            return std::nullopt;
        return quint16(ntohs(quint16(result->s_port)));
    }
}

Parsed<quint16> parsePort(const QString &text, Transport transport, bool allowZero, const QString &field)
{
    const QString range = Tr::tr("%1 and %2").arg(allowZero ? 0 : 1).arg(65535);
    if (text.isEmpty())
        return failed<quint16>(field,
            Tr::tr("%1 is empty; type a number such as 80 or a service name such as http").arg(capitalized(field)));
    const int space = firstSpace(text);
    if (space >= 0)
        return failed<quint16>(field,
            Tr::tr("%1 must not contain spaces (there is one at character %2)")
                .arg(capitalized(field), QString::number(space + 1)));
    if (text.startsWith(QLatin1Char('-')) && allDigits(QStringView(text).mid(1)))
        return failed<quint16>(
            field, Tr::tr("%1 %2 is negative; type a number between %3").arg(capitalized(field), quoted(text), range));
    if (text.startsWith(QLatin1Char('+')) && allDigits(QStringView(text).mid(1)))
        return failed<quint16>(field,
            Tr::tr("%1 %2 has a sign; type a plain number between %3").arg(capitalized(field), quoted(text), range));
    if (allDigits(text)) {
        // Leading zeros are harmless ("080" is 80); past five significant digits the number is too
        // large whatever it is, so it is never converted and cannot overflow.
        int first = 0;
        while (first < text.size() - 1 && text.at(first) == QLatin1Char('0'))
            ++first;
        const QStringView digits = QStringView(text).mid(first);
        const uint value = digits.size() <= 5 ? digits.toUInt() : 65536;
        if (value == 0) {
            if (allowZero)
                return Parsed<quint16> { quint16(0), {} };
            return failed<quint16>(field,
                Tr::tr("%1 must be between 1 and 65535; 0 asks the system to choose a free port, "
                       "which only a server can do")
                    .arg(capitalized(field)));
        }
        if (value > 65535)
            return failed<quint16>(field,
                Tr::tr("%1 %2 is too large: it must be between %3").arg(capitalized(field), quoted(text), range));
        return Parsed<quint16> { quint16(value), {} };
    }
    // Service names in /etc/services are letters, digits and a few marks; anything else cannot be
    // one, and a NUL in the middle would cut the name short for the C lookup.
    for (const QChar c : text) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('-') && c != QLatin1Char('_')
            && c != QLatin1Char('.') && c != QLatin1Char('+'))
            return failed<quint16>(field,
                Tr::tr("%1 %2 is neither a number nor a service name: type a number between %3 or a name "
                       "such as http")
                    .arg(capitalized(field), quoted(text), range));
    }
    const std::optional<quint16> port = lookupService(text, transport);
    if (!port)
        return failed<quint16>(field,
            Tr::tr("Unknown service %1 for %2: type a %3 number or a name from /etc/services such as http")
                .arg(quoted(text), transportName(transport), capitalized(field).toLower()));
    if (*port == 0 && !allowZero)
        return failed<quint16>(
            field, Tr::tr("%1 %2 names port 0, which only a server can ask for").arg(capitalized(field), quoted(text)));
    return Parsed<quint16> { port, {} };
}

Parsed<Endpoint> parse(const QString &text, Transport transport, quint16 defaultPort, bool allowZeroPort)
{
    const QString hostField = QStringLiteral("host");
    const QString portField = QStringLiteral("port");
    if (text.contains(QLatin1String("://")))
        return failed<Endpoint>(hostField,
            Tr::tr("Host %1 looks like a web address; type only the host and port, such as example.com:80")
                .arg(quoted(text)));
    QString hostText;
    QString portText;
    bool hasPort = false;
    if (text.startsWith(QLatin1Char('['))) {
        const int close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return failed<Endpoint>(hostField,
                Tr::tr("Host %1 opens a '[' but does not close it; write an IPv6 address and port as [::1]:50007")
                    .arg(quoted(text)));
        hostText = text.left(close + 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return failed<Endpoint>(portField,
                    Tr::tr("After the ']' of %1 only ':' and a port may follow, as in [::1]:50007").arg(quoted(text)));
            portText = rest.mid(1);
            hasPort = true;
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        const int colon = text.indexOf(QLatin1Char(':'));
        hostText = text.left(colon);
        portText = text.mid(colon + 1);
        hasPort = true;
    } else {
        // No colon: a host alone. Several: an IPv6 literal without a port, since "::1:80" cannot
        // be split unambiguously; a port after an IPv6 address needs the brackets.
        hostText = text;
    }

    const Parsed<QString> host = parseHost(hostText, hostField);
    if (!host.ok())
        return Parsed<Endpoint> { std::nullopt, host.error };
    quint16 port = defaultPort;
    if (hasPort) {
        const Parsed<quint16> parsed = parsePort(portText, transport, allowZeroPort, portField);
        if (!parsed.ok())
            return Parsed<Endpoint> { std::nullopt, parsed.error };
        port = *parsed.value;
    } else if (defaultPort == 0) {
        return failed<Endpoint>(portField,
            Tr::tr("Port is missing: type the host, a ':' and the port, such as localhost:50007 or [::1]:50007"));
    }
    return Parsed<Endpoint> { Endpoint { *host.value, port }, {} };
}

} // namespace EndpointParser

} // namespace swb
