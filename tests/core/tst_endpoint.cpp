// Endpoint and EndpointParser: formatting, socket addresses, and every host/port rule tried with
// valid and invalid input. Service names rely on facts of Debian's /etc/services (package
// netbase): http is 80/tcp, domain 53/udp, ntp 123/udp.

#include "net/endpoint.h"

#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <cstring>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <vector>

namespace {

// The first interface of this machine, for scope-id tests that must not assume a name.
QString someInterface()
{
    QString name;
    if (struct if_nameindex *list = if_nameindex()) {
        if (list[0].if_name)
            name = QString::fromLocal8Bit(list[0].if_name);
        if_freenameindex(list);
    }
    return name;
}

} // namespace

class TestEndpoint : public QObject {
    Q_OBJECT

private slots:
    void toString_data();
    void toString();
    void toPythonTuple_data();
    void toPythonTuple();
    void isIPv6_data();
    void isIPv6();
    void sockaddrRoundTrip_data();
    void sockaddrRoundTrip();
    void fromSockaddrMappedAndUnknown();
    void scopeId();
    void transportNames();
    void parseHost_data();
    void parseHost();
    void parseHostErrors_data();
    void parseHostErrors();
    void parsePort_data();
    void parsePort();
    void parsePortErrors_data();
    void parsePortErrors();
    void lookupService_data();
    void lookupService();
    void lookupServiceFromThreads();
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
};

void TestEndpoint::toString_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("text");

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << 50007 << QStringLiteral("127.0.0.1:50007");
    QTest::newRow("ipv6") << QStringLiteral("::1") << 50007 << QStringLiteral("[::1]:50007");
    QTest::newRow("name") << QStringLiteral("localhost") << 80 << QStringLiteral("localhost:80");
    QTest::newRow("no port") << QStringLiteral("localhost") << 0 << QStringLiteral("localhost");
    QTest::newRow("ipv6 no port") << QStringLiteral("::1") << 0 << QStringLiteral("::1");
    QTest::newRow("mapped") << QStringLiteral("::ffff:127.0.0.1") << 1 << QStringLiteral("[::ffff:127.0.0.1]:1");
    QTest::newRow("scoped") << QStringLiteral("fe80::1%eth0") << 22 << QStringLiteral("[fe80::1%eth0]:22");
    QTest::newRow("max port") << QStringLiteral("10.0.0.1") << 65535 << QStringLiteral("10.0.0.1:65535");
}

void TestEndpoint::toString()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, text);
    QCOMPARE((swb::Endpoint { host, quint16(port) }.toString()), text);
}

void TestEndpoint::toPythonTuple_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("text");

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << 50007 << QStringLiteral("('127.0.0.1', 50007)");
    QTest::newRow("name") << QStringLiteral("localhost") << 80 << QStringLiteral("('localhost', 80)");
    QTest::newRow("port 0") << QStringLiteral("0.0.0.0") << 0 << QStringLiteral("('0.0.0.0', 0)");
    // Python gives AF_INET6 addresses as (host, port, flowinfo, scope_id).
    QTest::newRow("ipv6") << QStringLiteral("::1") << 50007 << QStringLiteral("('::1', 50007, 0, 0)");
    QTest::newRow("ipv6 numeric scope") << QStringLiteral("fe80::1%3") << 80
                                        << QStringLiteral("('fe80::1%3', 80, 0, 3)");
}

void TestEndpoint::toPythonTuple()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, text);
    QCOMPARE((swb::Endpoint { host, quint16(port) }.toPythonTuple()), text);
}

void TestEndpoint::isIPv6_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("ipv6");

    QTest::newRow("loopback") << QStringLiteral("::1") << true;
    QTest::newRow("any") << QStringLiteral("::") << true;
    QTest::newRow("full") << QStringLiteral("2001:db8:0:0:0:0:0:1") << true;
    QTest::newRow("mapped") << QStringLiteral("::ffff:192.0.2.1") << true;
    QTest::newRow("scoped") << QStringLiteral("fe80::1%eth0") << true;
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("name") << QStringLiteral("localhost") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("bad") << QStringLiteral("1:2") << false;
}

void TestEndpoint::isIPv6()
{
    QFETCH(QString, host);
    QFETCH(bool, ipv6);
    QCOMPARE((swb::Endpoint { host, 1 }.isIPv6()), ipv6);
}

void TestEndpoint::sockaddrRoundTrip_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("numeric");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("back"); // the host as inet_ntop writes it

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << 50007 << true << int(AF_INET)
                          << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv4 any") << QStringLiteral("0.0.0.0") << 0 << true << int(AF_INET) << QStringLiteral("0.0.0.0");
    QTest::newRow("ipv6") << QStringLiteral("::1") << 80 << true << int(AF_INET6) << QStringLiteral("::1");
    QTest::newRow("ipv6 long form") << QStringLiteral("2001:0db8:0000:0000:0000:0000:0000:0001") << 443 << true
                                    << int(AF_INET6) << QStringLiteral("2001:db8::1");
    QTest::newRow("mapped") << QStringLiteral("::ffff:127.0.0.1") << 7 << true << int(AF_INET6)
                            << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("name") << QStringLiteral("localhost") << 80 << false << 0 << QString();
    QTest::newRow("empty") << QString() << 80 << false << 0 << QString();
    QTest::newRow("short ipv4 form") << QStringLiteral("127.1") << 80 << false << 0 << QString();
    QTest::newRow("unknown scope") << QStringLiteral("fe80::1%no-such-if0") << 80 << false << 0 << QString();
}

void TestEndpoint::sockaddrRoundTrip()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, numeric);
    QFETCH(int, family);
    QFETCH(QString, back);

    sockaddr_storage storage;
    unsigned length = 0;
    const swb::Endpoint endpoint { host, quint16(port) };
    QCOMPARE(endpoint.toSockaddr(&storage, &length), numeric);
    if (!numeric)
        return;
    QCOMPARE(int(storage.ss_family), family);
    QCOMPARE(length, unsigned(family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6)));
    const swb::Endpoint again = swb::Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&storage));
    QCOMPARE(again.host, back);
    QCOMPARE(int(again.port), port);
}

void TestEndpoint::fromSockaddrMappedAndUnknown()
{
    sockaddr_in6 in6;
    std::memset(&in6, 0, sizeof in6);
    in6.sin6_family = AF_INET6;
    in6.sin6_port = htons(50007);
    QCOMPARE(inet_pton(AF_INET6, "::ffff:10.1.2.3", &in6.sin6_addr), 1);
    const swb::Endpoint mapped = swb::Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&in6));
    QCOMPARE(mapped.host, QStringLiteral("::ffff:10.1.2.3"));
    QCOMPARE(mapped.toString(), QStringLiteral("[::ffff:10.1.2.3]:50007"));

    QVERIFY(!swb::Endpoint::fromSockaddr(nullptr).isValid());
    sockaddr_storage local;
    std::memset(&local, 0, sizeof local);
    local.ss_family = AF_UNIX;
    QVERIFY(!swb::Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&local)).isValid());
}

void TestEndpoint::scopeId()
{
    const QString name = someInterface();
    QVERIFY(!name.isEmpty());
    const unsigned index = if_nametoindex(name.toLocal8Bit().constData());
    QVERIFY(index != 0);

    const swb::Endpoint scoped { QStringLiteral("fe80::1%") + name, 8080 };
    QVERIFY(scoped.isIPv6());
    sockaddr_storage storage;
    unsigned length = 0;
    QVERIFY(scoped.toSockaddr(&storage, &length));
    sockaddr_in6 in6;
    std::memcpy(&in6, &storage, sizeof in6);
    QCOMPARE(unsigned(in6.sin6_scope_id), index);
    QCOMPARE(swb::Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&storage)), scoped);
    QCOMPARE(scoped.toPythonTuple(), QStringLiteral("('fe80::1%%1', 8080, 0, %2)").arg(name, QString::number(index)));

    // A numeric scope id goes in as it is and comes back as the interface's name.
    const swb::Endpoint numeric { QStringLiteral("fe80::1%") + QString::number(index), 1 };
    QVERIFY(numeric.toSockaddr(&storage, &length));
    QCOMPARE(swb::Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&storage)).host,
        QStringLiteral("fe80::1%") + name);
}

void TestEndpoint::transportNames()
{
    QCOMPARE(swb::transportName(swb::Transport::Tcp), QStringLiteral("tcp"));
    QCOMPARE(swb::transportName(swb::Transport::Udp), QStringLiteral("udp"));
}

void TestEndpoint::parseHost_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");

    QTest::newRow("localhost") << QStringLiteral("localhost") << QStringLiteral("localhost");
    QTest::newRow("dotted name") << QStringLiteral("www.example.com") << QStringLiteral("www.example.com");
    QTest::newRow("trailing dot") << QStringLiteral("example.com.") << QStringLiteral("example.com.");
    QTest::newRow("hyphen inside") << QStringLiteral("my-host.lan") << QStringLiteral("my-host.lan");
    QTest::newRow("underscore") << QStringLiteral("_srv.example") << QStringLiteral("_srv.example");
    QTest::newRow("digits in labels") << QStringLiteral("host1.123.example") << QStringLiteral("host1.123.example");
    QTest::newRow("upper case") << QStringLiteral("LocalHost") << QStringLiteral("LocalHost");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv4 broadcast") << QStringLiteral("255.255.255.255") << QStringLiteral("255.255.255.255");
    QTest::newRow("ipv6") << QStringLiteral("::1") << QStringLiteral("::1");
    QTest::newRow("ipv6 brackets removed") << QStringLiteral("[::1]") << QStringLiteral("::1");
    QTest::newRow("ipv6 full") << QStringLiteral("2001:db8::42") << QStringLiteral("2001:db8::42");
    QTest::newRow("ipv6 mapped") << QStringLiteral("::ffff:127.0.0.1") << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("ipv6 scoped") << QStringLiteral("fe80::1%eth0") << QStringLiteral("fe80::1%eth0");
    QTest::newRow("ipv6 scoped in brackets") << QStringLiteral("[fe80::1%eth0]") << QStringLiteral("fe80::1%eth0");
    QTest::newRow("63-character label") << QString(63, QLatin1Char('a')) << QString(63, QLatin1Char('a'));
    const QString longest = QString(63, QLatin1Char('a')) + QLatin1Char('.') + QString(63, QLatin1Char('b'))
        + QLatin1Char('.') + QString(63, QLatin1Char('c')) + QLatin1Char('.') + QString(61, QLatin1Char('d'));
    QTest::newRow("253 characters") << longest << longest;
    QTest::newRow("253 characters and a final dot") << longest + QLatin1Char('.') << longest + QLatin1Char('.');
}

void TestEndpoint::parseHost()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    const swb::Parsed<QString> parsed = swb::EndpointParser::parseHost(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(*parsed.value, host);
    QVERIFY(!parsed.error.isError());
}

void TestEndpoint::parseHostErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QString host = QStringLiteral("host");
    const QString bind = QStringLiteral("bind address");
    QTest::newRow("empty") << QString() << host
                           << QStringLiteral(
                                  "Host is empty; type a name such as localhost or an address such as 127.0.0.1");
    QTest::newRow("empty, other field") << QString() << bind << QStringLiteral("Bind address is empty");
    QTest::newRow("leading space") << QStringLiteral(" localhost") << host
                                   << QStringLiteral("Host must not contain spaces");
    QTest::newRow("trailing space") << QStringLiteral("localhost ") << host
                                    << QStringLiteral("must not contain spaces (there is one at character 10)");
    QTest::newRow("inner space") << QStringLiteral("local host") << bind
                                 << QStringLiteral("Bind address must not contain spaces");
    QTest::newRow("tab") << QStringLiteral("a\tb") << host << QStringLiteral("must not contain spaces");
    QTest::newRow("too long") << QString(254, QLatin1Char('a')) << host
                              << QStringLiteral("is 254 characters long; a host name may have at most 253");
    QTest::newRow("label too long") << QString(64, QLatin1Char('x')) + QStringLiteral(".com") << host
                                    << QStringLiteral(
                                           "is 64 characters long; each part between dots may have at most 63");
    QTest::newRow("double dot") << QStringLiteral("a..b") << host << QStringLiteral("has an empty part");
    QTest::newRow("leading dot") << QStringLiteral(".example") << host << QStringLiteral("has an empty part");
    QTest::newRow("only a dot") << QStringLiteral(".") << host << QStringLiteral("has an empty part");
    QTest::newRow("label starts with hyphen")
        << QStringLiteral("-bad.example") << host << QStringLiteral("part '-bad' starts or ends with '-'");
    QTest::newRow("label ends with hyphen")
        << QStringLiteral("bad-.example") << host << QStringLiteral("part 'bad-' starts or ends with '-'");
    QTest::newRow("slash") << QStringLiteral("http://x") << host << QStringLiteral("not a valid IPv6 address");
    QTest::newRow("bang") << QStringLiteral("exa!mple") << host << QStringLiteral("contains '!'");
    QTest::newRow("non-ascii") << QStringLiteral("b\u00fccher.de") << host << QStringLiteral("xn--");
    QTest::newRow("ipv4 out of range") << QStringLiteral("256.1.1.1") << host
                                       << QStringLiteral("Host '256.1.1.1' is not a valid IPv4 address");
    QTest::newRow("ipv4 three parts") << QStringLiteral("10.1.1") << host << QStringLiteral("four numbers");
    QTest::newRow("ipv4 leading zero") << QStringLiteral("010.0.0.1") << host << QStringLiteral("not a valid IPv4");
    QTest::newRow("all digits") << QStringLiteral("12345") << host << QStringLiteral("not a valid IPv4");
    QTest::newRow("bad ipv6") << QStringLiteral("1:2:3") << host << QStringLiteral("not a valid IPv6 address");
    QTest::newRow("ipv6 two double colons") << QStringLiteral("1::2::3") << host << QStringLiteral("IPv6");
    QTest::newRow("unclosed bracket") << QStringLiteral("[::1") << host << QStringLiteral("does not close it");
    QTest::newRow("ipv4 in brackets") << QStringLiteral("[127.0.0.1]") << host
                                      << QStringLiteral("brackets are only for IPv6 addresses");
    QTest::newRow("empty brackets") << QStringLiteral("[]") << host << QStringLiteral("brackets are only for IPv6");
    QTest::newRow("stray close bracket") << QStringLiteral("::1]") << host << QStringLiteral("']' without a '['");
    QTest::newRow("ipv6 empty scope") << QStringLiteral("fe80::1%") << host
                                      << QStringLiteral("interface name or number");
    QTest::newRow("ipv6 scope with slash")
        << QStringLiteral("[fe80::1%a/b]") << host
        << QStringLiteral("Host '[fe80::1%a/b]' needs an interface name or number after the '%', "
                          "such as fe80::1%eth0 or fe80::1%2");
    QTest::newRow("ipv6 scope too long") << QStringLiteral("fe80::1%abcdefghijklmnop") << host
                                         << QStringLiteral("interface name or number");
    QTest::newRow("percent in a name") << QStringLiteral("a%b") << host << QStringLiteral("contains '%'");
}

void TestEndpoint::parseHostErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const swb::Parsed<QString> parsed = swb::EndpointParser::parseHost(text, field);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(parsed.error.field, field);
    QVERIFY2(parsed.error.message.contains(field, Qt::CaseInsensitive), qPrintable(parsed.error.message));
    QVERIFY2(parsed.error.message.contains(expected), qPrintable(parsed.error.message));
}

void TestEndpoint::parsePort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("udp");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<int>("port");

    QTest::newRow("80") << QStringLiteral("80") << false << false << 80;
    QTest::newRow("1") << QStringLiteral("1") << false << false << 1;
    QTest::newRow("65535") << QStringLiteral("65535") << true << false << 65535;
    QTest::newRow("leading zeros") << QStringLiteral("0080") << false << false << 80;
    QTest::newRow("zero allowed") << QStringLiteral("0") << false << true << 0;
    QTest::newRow("zeros allowed") << QStringLiteral("000") << true << true << 0;
    QTest::newRow("http tcp") << QStringLiteral("http") << false << false << 80;
    QTest::newRow("www alias") << QStringLiteral("www") << false << false << 80;
    QTest::newRow("domain udp") << QStringLiteral("domain") << true << false << 53;
    QTest::newRow("ntp udp") << QStringLiteral("ntp") << true << false << 123;
}

void TestEndpoint::parsePort()
{
    QFETCH(QString, text);
    QFETCH(bool, udp);
    const swb::Transport transport = udp ? swb::Transport::Udp : swb::Transport::Tcp;
    QFETCH(bool, allowZero);
    QFETCH(int, port);
    const swb::Parsed<quint16> parsed = swb::EndpointParser::parsePort(text, transport, allowZero);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(int(*parsed.value), port);
}

void TestEndpoint::parsePortErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("udp");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QString port = QStringLiteral("port");
    QTest::newRow("empty") << QString() << false << false << port << QStringLiteral("Port is empty");
    QTest::newRow("zero") << QStringLiteral("0") << false << false << port
                          << QStringLiteral("Port must be between 1 and 65535");
    QTest::newRow("zero, other field") << QStringLiteral("0") << false << false << QStringLiteral("local port")
                                       << QStringLiteral("Local port must be between 1 and 65535");
    QTest::newRow("too large") << QStringLiteral("70000") << false << false << port
                               << QStringLiteral("Port '70000' is too large: it must be between 1 and 65535");
    QTest::newRow("65536") << QStringLiteral("65536") << false << true << port
                           << QStringLiteral("'65536' is too large: it must be between 0 and 65535");
    QTest::newRow("huge") << QStringLiteral("99999999999999999999999") << false << false << port
                          << QStringLiteral("'99999999999999999999999' is too large");
    QTest::newRow("negative") << QStringLiteral("-1") << false << false << port
                              << QStringLiteral("Port '-1' is negative");
    QTest::newRow("negative zero") << QStringLiteral("-0") << false << true << port << QStringLiteral("is negative");
    QTest::newRow("plus sign") << QStringLiteral("+80") << false << false << port << QStringLiteral("has a sign");
    QTest::newRow("space inside") << QStringLiteral("8 0") << false << false << port
                                  << QStringLiteral("Port must not contain spaces");
    QTest::newRow("leading space") << QStringLiteral(" 80") << false << false << port
                                   << QStringLiteral("must not contain spaces (there is one at character 1)");
    QTest::newRow("unknown service")
        << QStringLiteral("foo") << false << false << port
        << QStringLiteral(
               "Unknown service 'foo' for tcp: type a port number or a name from /etc/services such as http");
    QTest::newRow("unknown for udp") << QStringLiteral("nosuchservice") << true << false << port
                                     << QStringLiteral("Unknown service 'nosuchservice' for udp");
    QTest::newRow("service field named") << QStringLiteral("nosuchservice") << false << false
                                         << QStringLiteral("server port")
                                         << QStringLiteral("type a server port number");
    QTest::newRow("hex is not a port") << QStringLiteral("0x50") << false << false << port
                                       << QStringLiteral("Unknown service '0x50'");
    QTest::newRow("decimal point") << QStringLiteral("80.5") << false << false << port
                                   << QStringLiteral("Unknown service '80.5'");
    QTest::newRow("punctuation") << QStringLiteral("ht:tp") << false << false << port
                                 << QStringLiteral("is neither a number nor a service name");
    QTest::newRow("nul inside") << QStringLiteral("http") + QChar(0) + QStringLiteral("x") << false << false << port
                                << QStringLiteral("is neither a number nor a service name");
    QTest::newRow("non-ascii digits") << QStringLiteral("\u0668\u0660") << false << false << port
                                      << QStringLiteral("is neither a number nor a service name");
}

void TestEndpoint::parsePortErrors()
{
    QFETCH(QString, text);
    QFETCH(bool, udp);
    const swb::Transport transport = udp ? swb::Transport::Udp : swb::Transport::Tcp;
    QFETCH(bool, allowZero);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const swb::Parsed<quint16> parsed = swb::EndpointParser::parsePort(text, transport, allowZero, field);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(parsed.error.field, field);
    QVERIFY2(parsed.error.message.contains(field, Qt::CaseInsensitive), qPrintable(parsed.error.message));
    QVERIFY2(parsed.error.message.contains(expected), qPrintable(parsed.error.message));
}

void TestEndpoint::lookupService_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("udp");
    QTest::addColumn<int>("port"); // -1: unknown

    QTest::newRow("http tcp") << QStringLiteral("http") << false << 80;
    QTest::newRow("domain udp") << QStringLiteral("domain") << true << 53;
    QTest::newRow("domain tcp") << QStringLiteral("domain") << false << 53;
    QTest::newRow("ntp udp") << QStringLiteral("ntp") << true << 123;
    QTest::newRow("ssh tcp") << QStringLiteral("ssh") << false << 22;
    QTest::newRow("unknown") << QStringLiteral("no-such-service") << false << -1;
    QTest::newRow("empty") << QString() << false << -1;
    QTest::newRow("nul cuts nothing") << QStringLiteral("http") + QChar(0) << false << -1;
}

void TestEndpoint::lookupService()
{
    QFETCH(QString, name);
    QFETCH(bool, udp);
    const swb::Transport transport = udp ? swb::Transport::Udp : swb::Transport::Tcp;
    QFETCH(int, port);
    const std::optional<quint16> found = swb::EndpointParser::lookupService(name, transport);
    QCOMPARE(found.has_value(), port >= 0);
    if (found)
        QCOMPARE(int(*found), port);
}

void TestEndpoint::lookupServiceFromThreads()
{
    // getservbyname_r keeps its state in our buffers, so threads looking up different names at
    // once each get their own answer.
    std::atomic<int> wrong { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&wrong, t] {
            const bool http = t % 2 == 0;
            for (int i = 0; i < 200; ++i) {
                const auto port
                    = swb::EndpointParser::lookupService(http ? QStringLiteral("http") : QStringLiteral("ntp"),
                        http ? swb::Transport::Tcp : swb::Transport::Udp);
                if (!port || *port != (http ? 80 : 123))
                    ++wrong;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

void TestEndpoint::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("udp");
    QTest::addColumn<int>("defaultPort");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("host:port") << QStringLiteral("localhost:50007") << false << 0 << false
                               << QStringLiteral("localhost") << 50007;
    QTest::newRow("ipv4:port") << QStringLiteral("127.0.0.1:80") << false << 0 << false << QStringLiteral("127.0.0.1")
                               << 80;
    QTest::newRow("host, default port") << QStringLiteral("localhost") << false << 50080 << false
                                        << QStringLiteral("localhost") << 50080;
    QTest::newRow("given port beats default")
        << QStringLiteral("localhost:81") << false << 80 << false << QStringLiteral("localhost") << 81;
    QTest::newRow("[v6]:port") << QStringLiteral("[::1]:50007") << false << 0 << false << QStringLiteral("::1")
                               << 50007;
    QTest::newRow("[v6] alone") << QStringLiteral("[::1]") << false << 80 << false << QStringLiteral("::1") << 80;
    QTest::newRow("v6 without brackets") << QStringLiteral("::1") << false << 80 << false << QStringLiteral("::1")
                                         << 80;
    QTest::newRow("v6 with trailing number is an address")
        << QStringLiteral("fe80::1:80") << false << 7 << false << QStringLiteral("fe80::1:80") << 7;
    QTest::newRow("scoped v6 with port") << QStringLiteral("[fe80::1%eth0]:22") << false << 0 << false
                                         << QStringLiteral("fe80::1%eth0") << 22;
    QTest::newRow("service name") << QStringLiteral("example.com:http") << false << 0 << false
                                  << QStringLiteral("example.com") << 80;
    QTest::newRow("udp service") << QStringLiteral("pool.ntp.org:ntp") << true << 0 << false
                                 << QStringLiteral("pool.ntp.org") << 123;
    QTest::newRow("[v6]:service") << QStringLiteral("[::1]:domain") << true << 0 << false << QStringLiteral("::1")
                                  << 53;
    QTest::newRow("port zero for a server")
        << QStringLiteral("0.0.0.0:0") << false << 0 << true << QStringLiteral("0.0.0.0") << 0;
    QTest::newRow("trailing dot name") << QStringLiteral("localhost.:1") << false << 0 << false
                                       << QStringLiteral("localhost.") << 1;
}

void TestEndpoint::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, udp);
    const swb::Transport transport = udp ? swb::Transport::Udp : swb::Transport::Tcp;
    QFETCH(int, defaultPort);
    QFETCH(bool, allowZero);
    QFETCH(QString, host);
    QFETCH(int, port);
    const swb::Parsed<swb::Endpoint> parsed
        = swb::EndpointParser::parse(text, transport, quint16(defaultPort), allowZero);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(parsed.value->host, host);
    QCOMPARE(int(parsed.value->port), port);
    if (port != 0) {
        // What toString() writes, parse() reads back.
        const swb::Parsed<swb::Endpoint> again = swb::EndpointParser::parse(parsed.value->toString(), transport);
        QVERIFY2(again.ok(), qPrintable(again.error.message));
        QCOMPARE(*again.value, *parsed.value);
    }
}

void TestEndpoint::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("defaultPort");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QString host = QStringLiteral("host");
    const QString port = QStringLiteral("port");
    QTest::newRow("empty") << QString() << 80 << false << host << QStringLiteral("Host is empty");
    QTest::newRow("no port and no default")
        << QStringLiteral("localhost") << 0 << false << port << QStringLiteral("Port is missing");
    QTest::newRow("[v6] without port or default")
        << QStringLiteral("[::1]") << 0 << false << port << QStringLiteral("Port is missing");
    QTest::newRow("empty port") << QStringLiteral("localhost:") << 80 << false << port
                                << QStringLiteral("Port is empty");
    QTest::newRow("empty host") << QStringLiteral(":80") << 0 << false << host << QStringLiteral("Host is empty");
    QTest::newRow("port zero for a client")
        << QStringLiteral("localhost:0") << 0 << false << port << QStringLiteral("Port must be between 1 and 65535");
    QTest::newRow("port too large") << QStringLiteral("localhost:70000") << 0 << false << port
                                    << QStringLiteral("'70000' is too large");
    QTest::newRow("unknown service") << QStringLiteral("localhost:foo") << 0 << false << port
                                     << QStringLiteral("Unknown service 'foo' for tcp");
    QTest::newRow("space before port") << QStringLiteral("localhost: 80") << 0 << false << port
                                       << QStringLiteral("must not contain spaces");
    QTest::newRow("space-separated") << QStringLiteral("localhost 80") << 0 << false << host
                                     << QStringLiteral("must not contain spaces");
    QTest::newRow("unclosed bracket") << QStringLiteral("[::1:80") << 0 << false << host
                                      << QStringLiteral("does not close it");
    QTest::newRow("junk after bracket") << QStringLiteral("[::1]80") << 0 << false << port
                                        << QStringLiteral("only ':' and a port may follow");
    QTest::newRow("bracketed ipv4") << QStringLiteral("[127.0.0.1]:80") << 0 << false << host
                                    << QStringLiteral("brackets are only for IPv6");
    QTest::newRow("bad v6 without brackets")
        << QStringLiteral("1:2:3") << 80 << false << host << QStringLiteral("not a valid IPv6 address");
    QTest::newRow("bad host with port") << QStringLiteral("-x-:80") << 0 << false << host
                                        << QStringLiteral("starts or ends with '-'");
    QTest::newRow("negative port") << QStringLiteral("localhost:-5") << 0 << false << port
                                   << QStringLiteral("is negative");
    QTest::newRow("url, not host:port") << QStringLiteral("http://example.com") << 0 << false << host
                                        << QStringLiteral("looks like a web address");
    QTest::newRow("url with port") << QStringLiteral("http://example.com:8080/") << 0 << false << host
                                   << QStringLiteral("type only the host");
}

void TestEndpoint::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, defaultPort);
    QFETCH(bool, allowZero);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const swb::Parsed<swb::Endpoint> parsed
        = swb::EndpointParser::parse(text, swb::Transport::Tcp, quint16(defaultPort), allowZero);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(parsed.error.field, field);
    QVERIFY2(parsed.error.message.contains(field, Qt::CaseInsensitive), qPrintable(parsed.error.message));
    QVERIFY2(parsed.error.message.contains(expected), qPrintable(parsed.error.message));
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
