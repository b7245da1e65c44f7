// AddressTools: every valid row is checked against the C library call made here in the test
// (inet_pton, inet_ntop, inet_aton, inet_ntoa, htons..., getprotobyname_r), and every refused row
// both against libc refusing it too and against the words of the reason. Random inputs with a
// fixed seed compare accept/refuse and the value with libc on many more forms than the tables.
// Protocol rows rely on Debian's /etc/protocols (package netbase).

#include "lookup/addresstools.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <vector>

using swb::AddressTools::AddressFamily;
using swb::AddressTools::ByteOrderCall;

Q_DECLARE_METATYPE(AddressFamily)
Q_DECLARE_METATYPE(ByteOrderCall)

namespace {

int afOf(AddressFamily family)
{
    return family == AddressFamily::IPv4 ? AF_INET : AF_INET6;
}

std::optional<QByteArray> libcPton(AddressFamily family, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    unsigned char buffer[16];
    if (inet_pton(afOf(family), utf8.constData(), buffer) != 1)
        return std::nullopt;
    return QByteArray(reinterpret_cast<const char *>(buffer), swb::AddressTools::addressLength(family));
}

QString libcNtop(AddressFamily family, const QByteArray &bytes)
{
    char buffer[INET6_ADDRSTRLEN];
    if (!inet_ntop(afOf(family), bytes.constData(), buffer, sizeof buffer))
        return {};
    return QString::fromLatin1(buffer);
}

std::optional<QByteArray> libcAton(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    in_addr address {};
    if (inet_aton(utf8.constData(), &address) == 0)
        return std::nullopt;
    return QByteArray(reinterpret_cast<const char *>(&address.s_addr), 4);
}

QString libcNtoa(const QByteArray &bytes)
{
    in_addr address {};
    std::memcpy(&address.s_addr, bytes.constData(), 4);
    return QString::fromLatin1(inet_ntoa(address));
}

struct LibcProtocol {
    QString name;
    int number = -1;
    QStringList aliases;
};

std::optional<LibcProtocol> fromEntry(const protoent *entry)
{
    if (!entry)
        return std::nullopt;
    LibcProtocol p { QString::fromLatin1(entry->p_name), entry->p_proto, {} };
    for (char **alias = entry->p_aliases; *alias; ++alias)
        p.aliases << QString::fromLatin1(*alias);
    return p;
}

std::optional<LibcProtocol> libcProtoByName(const QString &name)
{
    protoent entry {};
    protoent *found = nullptr;
    char buffer[4096];
    getprotobyname_r(name.toLatin1().constData(), &entry, buffer, sizeof buffer, &found);
    return fromEntry(found);
}

std::optional<LibcProtocol> libcProtoByNumber(int number)
{
    protoent entry {};
    protoent *found = nullptr;
    char buffer[4096];
    getprotobynumber_r(number, &entry, buffer, sizeof buffer, &found);
    return fromEntry(found);
}

QByteArray hexBytes(const char *hex)
{
    return QByteArray::fromHex(hex);
}

// Every "position N" a message names lies inside the text.
bool positionsInside(const QString &message, const QString &text)
{
    static const QRegularExpression position(QStringLiteral("position (\\d+)"));
    const qsizetype length = text.toStdU32String().size();
    for (auto it = position.globalMatch(message); it.hasNext();) {
        const int n = it.next().captured(1).toInt();
        if (n < 1 || n > length)
            return false;
    }
    return true;
}

} // namespace

class TestAddressTools : public QObject {
    Q_OBJECT

private slots:
    void inetPton_data();
    void inetPton();
    void inetPtonErrors_data();
    void inetPtonErrors();
    void inetPtonMapped();
    void inetNtop_data();
    void inetNtop();
    void inetNtopErrors_data();
    void inetNtopErrors();
    void inetNtopHex();
    void inetAton_data();
    void inetAton();
    void inetAtonErrors_data();
    void inetAtonErrors();
    void inetAtonAndPton_data();
    void inetAtonAndPton();
    void inetNtoa_data();
    void inetNtoa();
    void inetNtoaErrors();
    void byteOrder_data();
    void byteOrder();
    void byteOrderErrors_data();
    void byteOrderErrors();
    void getProtoByName_data();
    void getProtoByName();
    void getProtoByNameErrors_data();
    void getProtoByNameErrors();
    void getProtoByNumber_data();
    void getProtoByNumber();
    void getProtoByNumberErrors_data();
    void getProtoByNumberErrors();
    void convertMapped_data();
    void convertMapped();
    void convertMappedErrors_data();
    void convertMappedErrors();
    void randomTextAgreesWithLibc_data();
    void randomTextAgreesWithLibc();
    void randomBytesAgreeWithLibc();
};

void TestAddressTools::inetPton_data()
{
    QTest::addColumn<AddressFamily>("family");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hex");
    QTest::addColumn<QString>("canonical");

    const auto v4 = AddressFamily::IPv4;
    const auto v6 = AddressFamily::IPv6;
    QTest::newRow("loopback") << v4 << QStringLiteral("127.0.0.1") << QStringLiteral("7f 00 00 01")
                              << QStringLiteral("127.0.0.1");
    QTest::newRow("any") << v4 << QStringLiteral("0.0.0.0") << QStringLiteral("00 00 00 00")
                         << QStringLiteral("0.0.0.0");
    QTest::newRow("broadcast") << v4 << QStringLiteral("255.255.255.255") << QStringLiteral("ff ff ff ff")
                               << QStringLiteral("255.255.255.255");
    QTest::newRow("private") << v4 << QStringLiteral("192.168.1.10") << QStringLiteral("c0 a8 01 0a")
                             << QStringLiteral("192.168.1.10");
    QTest::newRow("v6 any") << v6 << QStringLiteral("::")
                            << QStringLiteral("00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")
                            << QStringLiteral("::");
    QTest::newRow("v6 loopback") << v6 << QStringLiteral("::1")
                                 << QStringLiteral("00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01")
                                 << QStringLiteral("::1");
    QTest::newRow("v6 trailing ::") << v6 << QStringLiteral("1::")
                                    << QStringLiteral("00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00")
                                    << QStringLiteral("1::");
    QTest::newRow("link local") << v6 << QStringLiteral("fe80::1")
                                << QStringLiteral("fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 01")
                                << QStringLiteral("fe80::1");
    QTest::newRow("documentation") << v6 << QStringLiteral("2001:db8::ff00:42:8329")
                                   << QStringLiteral("20 01 0d b8 00 00 00 00 00 00 ff 00 00 42 83 29")
                                   << QStringLiteral("2001:db8::ff00:42:8329");
    QTest::newRow("written out in full") << v6 << QStringLiteral("2001:0db8:0000:0000:0000:ff00:0042:8329")
                                         << QStringLiteral("20 01 0d b8 00 00 00 00 00 00 ff 00 00 42 83 29")
                                         << QStringLiteral("2001:db8::ff00:42:8329");
    QTest::newRow("upper case") << v6 << QStringLiteral("ABCD::EF")
                                << QStringLiteral("ab cd 00 00 00 00 00 00 00 00 00 00 00 00 00 ef")
                                << QStringLiteral("abcd::ef");
    QTest::newRow("eight groups") << v6 << QStringLiteral("1:2:3:4:5:6:7:8")
                                  << QStringLiteral("00 01 00 02 00 03 00 04 00 05 00 06 00 07 00 08")
                                  << QStringLiteral("1:2:3:4:5:6:7:8");
    QTest::newRow(":: for one group") << v6 << QStringLiteral("1::2:3:4:5:6:7")
                                      << QStringLiteral("00 01 00 00 00 02 00 03 00 04 00 05 00 06 00 07")
                                      << QStringLiteral("1:0:2:3:4:5:6:7");
    QTest::newRow("four zeros") << v6 << QStringLiteral("0000::1")
                                << QStringLiteral("00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01")
                                << QStringLiteral("::1");
    QTest::newRow("mapped dotted") << v6 << QStringLiteral("::ffff:127.0.0.1")
                                   << QStringLiteral("00 00 00 00 00 00 00 00 00 00 ff ff 7f 00 00 01")
                                   << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("mapped in hex") << v6 << QStringLiteral("::FFFF:7f00:1")
                                   << QStringLiteral("00 00 00 00 00 00 00 00 00 00 ff ff 7f 00 00 01")
                                   << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("six groups and IPv4") << v6 << QStringLiteral("1:2:3:4:5:6:1.2.3.4")
                                         << QStringLiteral("00 01 00 02 00 03 00 04 00 05 00 06 01 02 03 04")
                                         << QStringLiteral("1:2:3:4:5:6:102:304");
    QTest::newRow("IPv4-compatible") << v6 << QStringLiteral("::1.2.3.4")
                                     << QStringLiteral("00 00 00 00 00 00 00 00 00 00 00 00 01 02 03 04")
                                     << QStringLiteral("::1.2.3.4");
}

void TestAddressTools::inetPton()
{
    QFETCH(AddressFamily, family);
    QFETCH(QString, text);
    QFETCH(QString, hex);
    QFETCH(QString, canonical);

    const std::optional<QByteArray> libc = libcPton(family, text);
    QVERIFY(libc.has_value());
    const swb::AddressTools::PtonResult result = swb::AddressTools::inetPton(family, text);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.bytes, *libc);
    QCOMPARE(result.hex, hex);
    QCOMPARE(result.canonical, libcNtop(family, result.bytes));
    QCOMPARE(result.canonical, canonical);
    QVERIFY(!result.explanation.isEmpty());
}

void TestAddressTools::inetPtonErrors_data()
{
    QTest::addColumn<AddressFamily>("family");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // a part of the reason that must be there

    const auto v4 = AddressFamily::IPv4;
    const auto v6 = AddressFamily::IPv6;
    QTest::newRow("v4 empty") << v4 << QString() << QStringLiteral("Empty");
    QTest::newRow("octet 1 too big") << v4 << QStringLiteral("256.0.0.1")
                                     << QStringLiteral("Octet 1 ('256', at position 1) is out of range: an octet is "
                                                       "one byte, 0 to 255");
    QTest::newRow("octet 4 too big") << v4 << QStringLiteral("1.2.3.999")
                                     << QStringLiteral("Octet 4 ('999', at position 7) is out of range");
    QTest::newRow("long octet") << v4 << QStringLiteral("1.12345.3.4")
                                << QStringLiteral("Octet 2 ('12345', at position 3) is out of range");
    QTest::newRow("leading zero") << v4 << QStringLiteral("10.01.2.3")
                                  << QStringLiteral("Octet 2 ('01', at position 4) has a leading zero");
    QTest::newRow("octal-looking") << v4 << QStringLiteral("0177.0.0.1")
                                   << QStringLiteral("inet_aton would read it as 127.0.0.1");
    QTest::newRow("short form") << v4 << QStringLiteral("127.1") << QStringLiteral("Too few octets, 2 of 4");
    QTest::newRow("short form names inet_aton")
        << v4 << QStringLiteral("127.1") << QStringLiteral("inet_aton would read it as 127.0.0.1");
    QTest::newRow("one number") << v4 << QStringLiteral("2130706433") << QStringLiteral("Octet 1 ('2130706433'");
    QTest::newRow("hex") << v4 << QStringLiteral("0x7f.0.0.1") << QStringLiteral("Stray character 'x' at position 2");
    QTest::newRow("trailing dot") << v4 << QStringLiteral("1.2.3.4.")
                                  << QStringLiteral("A '.' at position 8 follows the fourth octet");
    QTest::newRow("five octets") << v4 << QStringLiteral("1.2.3.4.5") << QStringLiteral("'.' at position 8");
    QTest::newRow("ends with dot") << v4 << QStringLiteral("1.2.3.")
                                   << QStringLiteral("ends with a '.' at position 6: octet 4 is missing");
    QTest::newRow("empty octet") << v4 << QStringLiteral("1..2.3")
                                 << QStringLiteral("Octet 2 is empty: the '.' at position 3");
    QTest::newRow("starts with dot") << v4 << QStringLiteral(".1.2.3") << QStringLiteral("Octet 1 is empty");
    QTest::newRow("leading space") << v4 << QStringLiteral(" 1.2.3.4") << QStringLiteral("U+0020 at position 1");
    QTest::newRow("trailing space") << v4 << QStringLiteral("1.2.3.4 ") << QStringLiteral("U+0020 at position 8");
    QTest::newRow("prefix length") << v4 << QStringLiteral("10.0.0.0/8") << QStringLiteral("'/' at position 9");
    QTest::newRow("minus") << v4 << QStringLiteral("1.2.3.-1") << QStringLiteral("'-' at position 7");
    QTest::newRow("IPv6 in AF_INET") << v4 << QStringLiteral("::1") << QStringLiteral("choose AF_INET6");
    QTest::newRow("arabic digit") << v4 << QStringLiteral("\u0661.2.3.4") << QStringLiteral("at position 1");
    QTest::newRow("position after emoji")
        << v4 << QString::fromUtf8("1.2.3.4\xf0\x9f\x98\x80x") << QStringLiteral("at position 8");

    QTest::newRow("v6 empty") << v6 << QString() << QStringLiteral("Empty");
    QTest::newRow("single leading colon")
        << v6 << QStringLiteral(":1::") << QStringLiteral("starts with a single ':' at position 1");
    QTest::newRow("lone colon") << v6 << QStringLiteral(":") << QStringLiteral("single ':' at position 1");
    QTest::newRow("three colons") << v6 << QStringLiteral("1:::2")
                                  << QStringLiteral("Three colons in a row at position 2");
    QTest::newRow("only three colons") << v6 << QStringLiteral(":::")
                                       << QStringLiteral("Three colons in a row at position 1");
    QTest::newRow("two ::") << v6 << QStringLiteral("1::2::3")
                            << QStringLiteral("A second '::' at position 5 (the first is at position 2)");
    QTest::newRow("two :: at the ends") << v6 << QStringLiteral("::1::") << QStringLiteral("second '::' at position 4");
    QTest::newRow("long group") << v6 << QStringLiteral("12345::")
                                << QStringLiteral("Group 1 ('12345', at position 1) has more than four hex digits");
    QTest::newRow("long third group") << v6 << QStringLiteral("1:2:abcde::")
                                      << QStringLiteral("Group 3 ('abcde', at position 5)");
    QTest::newRow("long group after ::") << v6 << QStringLiteral("::00000")
                                         << QStringLiteral("Group 1 ('00000', at position 3)");
    QTest::newRow("nine groups") << v6 << QStringLiteral("1:2:3:4:5:6:7:8:9")
                                 << QStringLiteral("More than eight groups: group 9 starts at position 17");
    QTest::newRow("nine groups, colon") << v6 << QStringLiteral("1:2:3:4:5:6:7:8:9:a")
                                        << QStringLiteral("group 9 starts at position 17");
    QTest::newRow("too few groups") << v6 << QStringLiteral("1:2:3") << QStringLiteral("Too few groups, 3 of 8");
    QTest::newRow("trailing colon") << v6 << QStringLiteral("1:2:")
                                    << QStringLiteral("ends with a single ':' at position 4");
    QTest::newRow(":: for nothing") << v6 << QStringLiteral("1::2:3:4:5:6:7:8")
                                    << QStringLiteral("The '::' at position 2 would stand for no groups");
    QTest::newRow(":: for nothing at the end")
        << v6 << QStringLiteral("1:2:3:4:5:6:7:8::") << QStringLiteral("'::' at position 16 would stand for no groups");
    QTest::newRow("zone") << v6 << QStringLiteral("fe80::1%eth0") << QStringLiteral("'%' at position 8");
    QTest::newRow("zone explained") << v6 << QStringLiteral("fe80::1%eth0") << QStringLiteral("getaddrinfo");
    QTest::newRow("brackets") << v6 << QStringLiteral("[::1]") << QStringLiteral("'[' at position 1");
    QTest::newRow("not hex") << v6 << QStringLiteral("::g") << QStringLiteral("Stray character 'g' at position 3");
    QTest::newRow("0x") << v6 << QStringLiteral("0x1::") << QStringLiteral("'x' at position 2");
    QTest::newRow("IPv4 in AF_INET6") << v6 << QStringLiteral("1.2.3.4")
                                      << QStringLiteral("choose AF_INET, or write its IPv4-mapped form ::ffff:1.2.3.4");
    QTest::newRow("short IPv4 part") << v6 << QStringLiteral("::1.2.3")
                                     << QStringLiteral("In the IPv4 part at position 3: Too few octets, 3 of 4");
    QTest::newRow("IPv4 part out of range") << v6 << QStringLiteral("::ffff:1.2.256.4")
                                            << QStringLiteral("Octet 3 ('256', at position 12) is out of range");
    QTest::newRow("IPv4 part leading zero")
        << v6 << QStringLiteral("::01.2.3.4") << QStringLiteral("Octet 1 ('01', at position 3) has a leading zero");
    QTest::newRow("IPv4 part without room")
        << v6 << QStringLiteral("1:2:3:4:5:6:7:1.2.3.4") << QStringLiteral("The IPv4 part at position 15 has no room");
    QTest::newRow("IPv4 part not last") << v6 << QStringLiteral("::1.2.3.4:5")
                                        << QStringLiteral("Stray character ':' at position 10");
    QTest::newRow("IPv4 part in hex") << v6 << QStringLiteral("::a.1.2.3")
                                      << QStringLiteral("Stray character 'a' at position 3");
    QTest::newRow("IPv4 part too few groups") << v6 << QStringLiteral("1:2:1.2.3.4")
                                              << QStringLiteral("Too few groups, 4 of 8 counting the IPv4 part as two");
}

void TestAddressTools::inetPtonErrors()
{
    QFETCH(AddressFamily, family);
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QVERIFY(!libcPton(family, text).has_value());
    const swb::AddressTools::PtonResult result = swb::AddressTools::inetPton(family, text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(result.error.field, QStringLiteral("address"));
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
    QVERIFY2(positionsInside(result.error.message, text), qPrintable(result.error.message));
    QVERIFY(result.bytes.isEmpty());
}

void TestAddressTools::inetPtonMapped()
{
    const swb::AddressTools::PtonResult mapped
        = swb::AddressTools::inetPton(AddressFamily::IPv6, QStringLiteral("::ffff:192.0.2.7"));
    QVERIFY(mapped.ok());
    QCOMPARE(mapped.mappedIPv4, QStringLiteral("192.0.2.7"));
    QVERIFY2(mapped.mappedNote.contains(QLatin1String("dual-stack")), qPrintable(mapped.mappedNote));
    QVERIFY(swb::AddressTools::isIPv4Mapped(mapped.bytes));

    for (const char *notMapped : { "::1", "::1.2.3.4", "::fffe:1.2.3.4", "1::ffff:1.2.3.4", "::ffff:0:1.2.3.4" }) {
        const swb::AddressTools::PtonResult r
            = swb::AddressTools::inetPton(AddressFamily::IPv6, QString::fromLatin1(notMapped));
        QVERIFY2(r.ok(), notMapped);
        QVERIFY2(r.mappedIPv4.isEmpty(), notMapped);
        QVERIFY(!swb::AddressTools::isIPv4Mapped(r.bytes));
        // The same test the kernel headers use.
        in6_addr address;
        std::memcpy(&address, r.bytes.constData(), 16);
        QVERIFY(!IN6_IS_ADDR_V4MAPPED(&address));
    }
    in6_addr address;
    std::memcpy(&address, mapped.bytes.constData(), 16);
    QVERIFY(IN6_IS_ADDR_V4MAPPED(&address));
    QVERIFY(!swb::AddressTools::isIPv4Mapped(QByteArray(4, '\xff')));

    const swb::AddressTools::PtonResult plain
        = swb::AddressTools::inetPton(AddressFamily::IPv6, QStringLiteral("2001:db8::1"));
    QVERIFY(plain.mappedNote.isEmpty());
}

void TestAddressTools::inetNtop_data()
{
    QTest::addColumn<AddressFamily>("family");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("explained"); // a part of the explanation

    const auto v4 = AddressFamily::IPv4;
    const auto v6 = AddressFamily::IPv6;
    QTest::newRow("v4") << v4 << hexBytes("7f000001") << QStringLiteral("127.0.0.1") << QStringLiteral("decimal");
    QTest::newRow("v4 high") << v4 << hexBytes("ffff00fe") << QStringLiteral("255.255.0.254")
                             << QStringLiteral("decimal");
    QTest::newRow("all zero") << v6 << hexBytes("00000000000000000000000000000000") << QStringLiteral("::")
                              << QStringLiteral("groups 1 to 8 are zero");
    QTest::newRow("loopback") << v6 << hexBytes("00000000000000000000000000000001") << QStringLiteral("::1")
                              << QStringLiteral("groups 1 to 7 are zero");
    QTest::newRow("no zeros") << v6 << hexBytes("00010002000300040005000600070008") << QStringLiteral("1:2:3:4:5:6:7:8")
                              << QStringLiteral("no group is zero");
    QTest::newRow("single zero not compressed")
        << v6 << hexBytes("00010000000200030004000500060007") << QStringLiteral("1:0:2:3:4:5:6:7")
        << QStringLiteral("a single zero group is written as 0");
    QTest::newRow("longest run wins") << v6 << hexBytes("00010000000000010000000000000001")
                                      << QStringLiteral("1:0:0:1::1")
                                      << QStringLiteral("groups 5 to 7 are zero (the longest run");
    QTest::newRow("first of equal runs") << v6 << hexBytes("00010000000000020000000000030004")
                                         << QStringLiteral("1::2:0:0:3:4")
                                         << QStringLiteral("(the first of the longest runs");
    QTest::newRow("run at the end") << v6 << hexBytes("00010000000100000000000100000000")
                                    << QStringLiteral("1:0:1::1:0:0") << QStringLiteral("groups 4 to 5");
    QTest::newRow("leading zeros dropped") << v6 << hexBytes("20010db8000000000000000000000001")
                                           << QStringLiteral("2001:db8::1") << QStringLiteral("leading zeros");
    QTest::newRow("lower case") << v6 << hexBytes("fe80000000000000abcdef0000000000")
                                << QStringLiteral("fe80::abcd:ef00:0:0") << QStringLiteral("lower case");
    QTest::newRow("mapped") << v6 << hexBytes("00000000000000000000ffff7f000001") << QStringLiteral("::ffff:127.0.0.1")
                            << QStringLiteral("IPv4-mapped");
    QTest::newRow("mapped zero") << v6 << hexBytes("00000000000000000000ffff00000000")
                                 << QStringLiteral("::ffff:0.0.0.0") << QStringLiteral("IPv4-mapped");
    QTest::newRow("mapped 0.0.0.1") << v6 << hexBytes("00000000000000000000ffff00000001")
                                    << QStringLiteral("::ffff:0.0.0.1") << QStringLiteral("IPv4-mapped");
    QTest::newRow("compatible") << v6 << hexBytes("00000000000000000000000001020304") << QStringLiteral("::1.2.3.4")
                                << QStringLiteral("IPv4-compatible");
    // glibc writes 0:0:0:0:0:0:1:0 in the IPv4-compatible form, which surprises most people.
    QTest::newRow("compatible surprise") << v6 << hexBytes("00000000000000000000000000010000")
                                         << QStringLiteral("::0.1.0.0") << QStringLiteral("IPv4-compatible");
    QTest::newRow("seven zero groups are not IPv4") << v6 << hexBytes("00000000000000000000000000000002")
                                                    << QStringLiteral("::2") << QStringLiteral("groups 1 to 7");
    QTest::newRow("fffe is not mapped") << v6 << hexBytes("00000000000000000000fffe01020304")
                                        << QStringLiteral("::fffe:102:304") << QStringLiteral("groups 1 to 5");
}

void TestAddressTools::inetNtop()
{
    QFETCH(AddressFamily, family);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, explained);

    const swb::AddressTools::NtopResult result = swb::AddressTools::inetNtop(family, bytes);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.text, libcNtop(family, bytes));
    QCOMPARE(result.text, text);
    QVERIFY2(result.explanation.contains(explained), qPrintable(result.explanation));
    // And back: inet_pton of what inet_ntop wrote gives the bytes.
    QCOMPARE(*libcPton(family, result.text), bytes);
}

void TestAddressTools::inetNtopErrors_data()
{
    QTest::addColumn<AddressFamily>("family");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("v4 empty") << AddressFamily::IPv4 << QByteArray()
                              << QStringLiteral("AF_INET addresses are 4 bytes, not 0");
    QTest::newRow("v4 five") << AddressFamily::IPv4 << QByteArray(5, 'a')
                             << QStringLiteral("AF_INET addresses are 4 bytes, not 5");
    QTest::newRow("v4 given 16") << AddressFamily::IPv4 << QByteArray(16, '\0')
                                 << QStringLiteral("the size of an AF_INET6 address: choose AF_INET6");
    QTest::newRow("v6 fifteen") << AddressFamily::IPv6 << QByteArray(15, '\0')
                                << QStringLiteral("AF_INET6 addresses are 16 bytes, not 15");
    QTest::newRow("v6 given 4") << AddressFamily::IPv6 << hexBytes("7f000001") << QStringLiteral("choose AF_INET");
}

void TestAddressTools::inetNtopErrors()
{
    QFETCH(AddressFamily, family);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);

    const swb::AddressTools::NtopResult result = swb::AddressTools::inetNtop(family, bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(result.error.field, QStringLiteral("bytes"));
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
    QVERIFY(result.text.isEmpty());
}

void TestAddressTools::inetNtopHex()
{
    using swb::AddressTools::inetNtopHex;
    QCOMPARE(inetNtopHex(AddressFamily::IPv4, QStringLiteral("7f 00 00 01")).text, QStringLiteral("127.0.0.1"));
    QCOMPARE(
        inetNtopHex(AddressFamily::IPv4, QStringLiteral("0xc0,0xa8,0x01,0x0a")).text, QStringLiteral("192.168.1.10"));
    QCOMPARE(inetNtopHex(AddressFamily::IPv6, QStringLiteral("00000000 00000000 0000ffff 7f000001")).text,
        QStringLiteral("::ffff:127.0.0.1"));

    const swb::AddressTools::NtopResult badHex = inetNtopHex(AddressFamily::IPv4, QStringLiteral("7f 00 0g 01"));
    QCOMPARE(badHex.error.kind, swb::ErrorKind::Usage);
    QVERIFY2(badHex.error.message.contains(QLatin1String("'g' at character 8")), qPrintable(badHex.error.message));
    const swb::AddressTools::NtopResult shortHex = inetNtopHex(AddressFamily::IPv6, QStringLiteral("7f 00 00 01"));
    QVERIFY2(shortHex.error.message.contains(QLatin1String("16 bytes, not 4")), qPrintable(shortHex.error.message));
    QCOMPARE(shortHex.error.field, QStringLiteral("bytes"));
}

void TestAddressTools::inetAton_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("explained"); // a part of the explanation or of a part's description

    QTest::newRow("dotted quad") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1")
                                 << QStringLiteral("127.0.0.1: four parts, one byte each: 127.0.0.1");
    QTest::newRow("two parts") << QStringLiteral("127.1") << QStringLiteral("127.0.0.1")
                               << QStringLiteral("127.1: two parts, so the last part fills the last three bytes: "
                                                 "127.0.0.1");
    QTest::newRow("three parts") << QStringLiteral("127.0.1") << QStringLiteral("127.0.0.1")
                                 << QStringLiteral("127.0.1: three parts, so the last part fills the last two bytes");
    QTest::newRow("hex part") << QStringLiteral("0x7f.1") << QStringLiteral("127.0.0.1")
                              << QStringLiteral("0x7f: hexadecimal (0x prefix) = 127");
    QTest::newRow("upper hex") << QStringLiteral("0X7F.1") << QStringLiteral("127.0.0.1")
                               << QStringLiteral("0X7F: hexadecimal");
    QTest::newRow("one octal number") << QStringLiteral("017700000001") << QStringLiteral("127.0.0.1")
                                      << QStringLiteral("017700000001: octal (leading 0) = 2130706433");
    QTest::newRow("one decimal number") << QStringLiteral("2130706433") << QStringLiteral("127.0.0.1")
                                        << QStringLiteral("one part, so it is the whole 32-bit address");
    QTest::newRow("one hex number") << QStringLiteral("0x7f000001") << QStringLiteral("127.0.0.1")
                                    << QStringLiteral("the whole address: 7f 00 00 01");
    QTest::newRow("octal octet") << QStringLiteral("0177.0.0.1") << QStringLiteral("127.0.0.1")
                                 << QStringLiteral("0177: octal (leading 0) = 127");
    QTest::newRow("octal 010 is 8") << QStringLiteral("010.0.0.1") << QStringLiteral("8.0.0.1")
                                    << QStringLiteral("010: octal (leading 0) = 8");
    QTest::newRow("mixed bases") << QStringLiteral("1.0x10.0377.4") << QStringLiteral("1.16.255.4")
                                 << QStringLiteral("0377: octal (leading 0) = 255");
    QTest::newRow("last part bytes") << QStringLiteral("10.65535") << QStringLiteral("10.0.255.255")
                                     << QStringLiteral("filling the last three bytes: 00 ff ff");
    QTest::newRow("three-part max") << QStringLiteral("1.2.65535") << QStringLiteral("1.2.255.255")
                                    << QStringLiteral("filling the last two bytes: ff ff");
    QTest::newRow("largest") << QStringLiteral("4294967295") << QStringLiteral("255.255.255.255")
                             << QStringLiteral("4294967295: decimal = 4294967295");
    QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0.0.0.0") << QStringLiteral("one part");
    QTest::newRow("long leading zeros") << QStringLiteral("00000000000000000000000001.1") << QStringLiteral("1.0.0.1")
                                        << QStringLiteral("octal");
    QTest::newRow("long hex zeros") << QStringLiteral("0x00000000000000000000ff") << QStringLiteral("0.0.0.255")
                                    << QStringLiteral("hexadecimal");
    // glibc stops at the first whitespace and ignores the rest.
    QTest::newRow("junk after a space") << QStringLiteral("1.2.3.4 junk") << QStringLiteral("1.2.3.4")
                                        << QStringLiteral("Everything from the U+0020 at position 8 on is ignored");
    QTest::newRow("tab") << QStringLiteral("127.1\tx") << QStringLiteral("127.0.0.1")
                         << QStringLiteral("U+0009 at position 6");
    QTest::newRow("newline") << QStringLiteral("1.2.3.4\n") << QStringLiteral("1.2.3.4") << QStringLiteral("U+000A");
    QTest::newRow("vertical tab") << QStringLiteral("1.2.3.4\v") << QStringLiteral("1.2.3.4")
                                  << QStringLiteral("U+000B");
}

void TestAddressTools::inetAton()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(QString, explained);

    const std::optional<QByteArray> libc = libcAton(text);
    QVERIFY(libc.has_value());
    const swb::AddressTools::AtonResult result = swb::AddressTools::inetAton(text);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.bytes, *libc);
    QCOMPARE(result.address, libcNtoa(*libc));
    QCOMPARE(result.address, address);
    QCOMPARE(result.value, qFromBigEndian<quint32>(libc->constData()));
    const QString all = result.explanation + QLatin1Char('\n') + result.parts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(explained), qPrintable(all));
    QVERIFY(!result.ptonNote.isEmpty());
}

void TestAddressTools::inetAtonErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QStringLiteral("Empty");
    QTest::newRow("leading space") << QStringLiteral(" 1.2.3.4")
                                   << QStringLiteral("Part 1 starts with U+0020 at position 1");
    QTest::newRow("leading space explained")
        << QStringLiteral(" 1.2.3.4") << QStringLiteral("not a space before the address");
    QTest::newRow("letter") << QStringLiteral("localhost") << QStringLiteral("Part 1 starts with 'l' at position 1");
    QTest::newRow("sign") << QStringLiteral("1.+2") << QStringLiteral("Part 2 starts with '+' at position 3");
    QTest::newRow("first part too big") << QStringLiteral("256.1.1.1")
                                        << QStringLiteral("Part 1 ('256', at position 1) is out of range: every part "
                                                          "but the last is one byte, 0 to 255");
    QTest::newRow("hex part too big") << QStringLiteral("1.0x100.1")
                                      << QStringLiteral("Part 2 ('0x100', at position 3) is out of range");
    QTest::newRow("fourth part too big") << QStringLiteral("1.2.3.256")
                                         << QStringLiteral("Part 4 ('256', at position 7) is out of range");
    QTest::newRow("two-part last too big")
        << QStringLiteral("1.16777216")
        << QStringLiteral("The last part ('16777216', at position 3) is too large: with two parts (a.b) it fills the "
                          "last three bytes, 0 to 16777215");
    QTest::newRow("three-part last too big") << QStringLiteral("1.2.65536")
                                             << QStringLiteral("three parts (a.b.c) it fills the last two bytes, 0 to "
                                                               "65535");
    QTest::newRow("more than 32 bits") << QStringLiteral("4294967296")
                                       << QStringLiteral("Part 1 ('4294967296', at position 1) is too large");
    QTest::newRow("huge") << QStringLiteral("1.99999999999999999999999999")
                          << QStringLiteral("Part 2 ('99999999999999999999999999', at position 3) is too large");
    QTest::newRow("five parts") << QStringLiteral("1.2.3.4.5")
                                << QStringLiteral("A '.' at position 8 follows the fourth part");
    QTest::newRow("trailing dot") << QStringLiteral("1.2.3.4.") << QStringLiteral("'.' at position 8");
    QTest::newRow("ends with dot") << QStringLiteral("1.2.")
                                   << QStringLiteral("ends with a '.' at position 4: part 3 is missing");
    QTest::newRow("empty part") << QStringLiteral("1..2") << QStringLiteral("Part 2 is empty: the '.' at position 3");
    QTest::newRow("starts with dot") << QStringLiteral(".1") << QStringLiteral("Part 1 is empty");
    QTest::newRow("8 in octal") << QStringLiteral("08")
                                << QStringLiteral("'8' at position 2 is not an octal digit: part 1 starts with 0");
    QTest::newRow("9 in octal part 3") << QStringLiteral("1.2.019") << QStringLiteral("'9' at position 7");
    QTest::newRow("bare 0x") << QStringLiteral("0x") << QStringLiteral("'0x' at position 1 has no hex digits");
    QTest::newRow("0x then dot") << QStringLiteral("1.0x.1") << QStringLiteral("'0x' at position 3");
    QTest::newRow("0X then g") << QStringLiteral("0Xg") << QStringLiteral("'0X' at position 1");
    QTest::newRow("bad hex digit") << QStringLiteral("0x1g")
                                   << QStringLiteral("'g' at position 4 is not a hex digit (part 1 is hexadecimal");
    QTest::newRow("stray letter") << QStringLiteral("1.2.3.4x")
                                  << QStringLiteral("Stray character 'x' at position 8 after part 4");
    QTest::newRow("IPv6") << QStringLiteral("::1") << QStringLiteral("Part 1 starts with ':'");
    QTest::newRow("colon after number") << QStringLiteral("1::") << QStringLiteral("inet_aton is IPv4 only");
    QTest::newRow("no-break space is not a space")
        << QStringLiteral("1.2.3.4\u00a0") << QStringLiteral("U+00A0 at position 8");
    QTest::newRow("arabic digit") << QStringLiteral("1.\u0662") << QStringLiteral("at position 3");
}

void TestAddressTools::inetAtonErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QVERIFY(!libcAton(text).has_value());
    const swb::AddressTools::AtonResult result = swb::AddressTools::inetAton(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(result.error.field, QStringLiteral("address"));
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
    QVERIFY2(positionsInside(result.error.message, text), qPrintable(result.error.message));
    QVERIFY(result.address.isEmpty());
}

void TestAddressTools::inetAtonAndPton_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ptonAccepts");
    QTest::addColumn<QString>("note");

    QTest::newRow("dotted quad") << QStringLiteral("10.0.0.1") << true << QStringLiteral("reads it the same way");
    QTest::newRow("short") << QStringLiteral("127.1") << false
                           << QStringLiteral("inet_pton(AF_INET) refuses this form, which only inet_aton knows (Too "
                                             "few octets, 2 of 4");
    QTest::newRow("octal") << QStringLiteral("010.0.0.1") << false << QStringLiteral("so write 8.0.0.1");
    QTest::newRow("hex") << QStringLiteral("0x7f.0.0.1") << false << QStringLiteral("'x' at position 2");
    QTest::newRow("trailing junk") << QStringLiteral("1.2.3.4 x") << false << QStringLiteral("U+0020 at position 8");
}

void TestAddressTools::inetAtonAndPton()
{
    QFETCH(QString, text);
    QFETCH(bool, ptonAccepts);
    QFETCH(QString, note);

    const swb::AddressTools::AtonResult result = swb::AddressTools::inetAton(text);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.ptonAccepts, ptonAccepts);
    QCOMPARE(result.ptonAccepts, libcPton(AddressFamily::IPv4, text).has_value());
    QVERIFY2(result.ptonNote.contains(note), qPrintable(result.ptonNote));
}

void TestAddressTools::inetNtoa_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("loopback") << hexBytes("7f000001") << QStringLiteral("127.0.0.1");
    QTest::newRow("zero") << hexBytes("00000000") << QStringLiteral("0.0.0.0");
    QTest::newRow("broadcast") << hexBytes("ffffffff") << QStringLiteral("255.255.255.255");
    QTest::newRow("mixed") << hexBytes("c0000207") << QStringLiteral("192.0.2.7");
}

void TestAddressTools::inetNtoa()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    const swb::AddressTools::NtopResult result = swb::AddressTools::inetNtoa(bytes);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.text, libcNtoa(bytes));
    QCOMPARE(result.text, text);
    QCOMPARE(swb::AddressTools::inetNtoaHex(QString::fromLatin1(bytes.toHex(' '))).text, text);
}

void TestAddressTools::inetNtoaErrors()
{
    for (const int size : { 0, 3, 5, 16 }) {
        const swb::AddressTools::NtopResult r = swb::AddressTools::inetNtoa(QByteArray(size, '\1'));
        QCOMPARE(r.error.kind, swb::ErrorKind::Usage);
        QVERIFY2(r.error.message.contains(QStringLiteral("exactly 4 bytes (an IPv4 address), not %1").arg(size)),
            qPrintable(r.error.message));
    }
    const swb::AddressTools::NtopResult badHex = swb::AddressTools::inetNtoaHex(QStringLiteral("7f 0 0 1"));
    QVERIFY2(badHex.error.message.contains(QLatin1String("'0' at character 4 stands alone")),
        qPrintable(badHex.error.message));
}

void TestAddressTools::byteOrder_data()
{
    QTest::addColumn<ByteOrderCall>("call");
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint32>("value");
    QTest::addColumn<QByteArray>("networkBytes");

    QTest::newRow("htons hex") << ByteOrderCall::Htons << QStringLiteral("0x1234") << 0x1234u << hexBytes("1234");
    QTest::newRow("htons decimal") << ByteOrderCall::Htons << QStringLiteral("4660") << 0x1234u << hexBytes("1234");
    QTest::newRow("htons port") << ByteOrderCall::Htons << QStringLiteral("50007") << 50007u << hexBytes("c357");
    QTest::newRow("htons zero") << ByteOrderCall::Htons << QStringLiteral("0") << 0u << hexBytes("0000");
    QTest::newRow("htons max") << ByteOrderCall::Htons << QStringLiteral("0xFFFF") << 0xffffu << hexBytes("ffff");
    QTest::newRow("htons spaces") << ByteOrderCall::Htons << QStringLiteral("  80 ") << 80u << hexBytes("0050");
    QTest::newRow("ntohs") << ByteOrderCall::Ntohs << QStringLiteral("0x1234") << 0x1234u << hexBytes("1234");
    QTest::newRow("ntohs one byte") << ByteOrderCall::Ntohs << QStringLiteral("0x0050") << 0x50u << hexBytes("0050");
    QTest::newRow("htonl") << ByteOrderCall::Htonl << QStringLiteral("0x12345678") << 0x12345678u
                           << hexBytes("12345678");
    QTest::newRow("htonl loopback") << ByteOrderCall::Htonl << QStringLiteral("2130706433") << 0x7f000001u
                                    << hexBytes("7f000001");
    QTest::newRow("htonl max") << ByteOrderCall::Htonl << QStringLiteral("4294967295") << 0xffffffffu
                               << hexBytes("ffffffff");
    QTest::newRow("ntohl") << ByteOrderCall::Ntohl << QStringLiteral("0x0a000001") << 0x0a000001u
                           << hexBytes("0a000001");
    QTest::newRow("leading zeros are decimal")
        << ByteOrderCall::Ntohl << QStringLiteral("010") << 10u << hexBytes("0000000a");
}

void TestAddressTools::byteOrder()
{
    QFETCH(ByteOrderCall, call);
    QFETCH(QString, text);
    QFETCH(quint32, value);
    QFETCH(QByteArray, networkBytes);

    const swb::AddressTools::ByteOrderResult result = swb::AddressTools::byteOrder(call, text);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.value, value);
    quint32 libc = 0;
    QByteArray hostBytes;
    switch (call) {
    case ByteOrderCall::Htons:
        libc = htons(quint16(value));
        break;
    case ByteOrderCall::Ntohs:
        libc = ntohs(quint16(value));
        break;
    case ByteOrderCall::Htonl:
        libc = htonl(value);
        break;
    case ByteOrderCall::Ntohl:
        libc = ntohl(value);
        break;
    }
    const int width = swb::AddressTools::byteOrderWidth(call);
    if (width == 2) {
        const quint16 v = quint16(value);
        hostBytes = QByteArray(reinterpret_cast<const char *>(&v), 2);
    } else {
        hostBytes = QByteArray(reinterpret_cast<const char *>(&value), 4);
    }
    QCOMPARE(result.width, width);
    QCOMPARE(result.converted, libc);
    QCOMPARE(result.hostBytes, hostBytes);
    QCOMPARE(result.networkBytes, networkBytes);
    // What htons returns lies in memory in network order; that is the point of it.
    if (call == ByteOrderCall::Htons || call == ByteOrderCall::Htonl)
        QCOMPARE(result.convertedHostBytes, networkBytes);
    QVERIFY(result.explanation.startsWith(swb::AddressTools::byteOrderCallName(call) + QLatin1Char('(')));
    QCOMPARE(swb::AddressTools::byteOrder(call, value).converted, libc);
}

void TestAddressTools::byteOrderErrors_data()
{
    QTest::addColumn<ByteOrderCall>("call");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << ByteOrderCall::Htons << QString() << QStringLiteral("Empty");
    QTest::newRow("spaces") << ByteOrderCall::Htonl << QStringLiteral("   ") << QStringLiteral("Empty");
    QTest::newRow("16 bits") << ByteOrderCall::Htons << QStringLiteral("65536")
                             << QStringLiteral("'65536' is out of range for htons: it takes a 16-bit value, 0 to 65535 "
                                               "(0xffff); htonl and ntohl take 32 bits");
    QTest::newRow("16 bits hex") << ByteOrderCall::Ntohs << QStringLiteral("0x10000")
                                 << QStringLiteral("out of range for ntohs");
    QTest::newRow("32 bits") << ByteOrderCall::Htonl << QStringLiteral("4294967296")
                             << QStringLiteral("out of range for htonl: it takes a 32-bit value, 0 to 4294967295");
    QTest::newRow("huge") << ByteOrderCall::Ntohl << QStringLiteral("0x123456789abcdef0123")
                          << QStringLiteral("out of range for ntohl");
    QTest::newRow("negative") << ByteOrderCall::Htons << QStringLiteral("-1")
                              << QStringLiteral("'-1' is negative: htons takes a 16-bit value, 0 to 65535");
    QTest::newRow("not decimal") << ByteOrderCall::Htons << QStringLiteral("12a4")
                                 << QStringLiteral("'a' at position 3 is not a decimal digit (write hex with 0x");
    QTest::newRow("not hex") << ByteOrderCall::Htonl << QStringLiteral("0x12g4")
                             << QStringLiteral("'g' at position 5 is not a hex digit");
    QTest::newRow("bare 0x") << ByteOrderCall::Htonl << QStringLiteral(" 0x") << QStringLiteral("'0x' at position 2");
    QTest::newRow("inner space") << ByteOrderCall::Htonl << QStringLiteral("12 34")
                                 << QStringLiteral("U+0020 at position 3");
}

void TestAddressTools::byteOrderErrors()
{
    QFETCH(ByteOrderCall, call);
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const swb::AddressTools::ByteOrderResult result = swb::AddressTools::byteOrder(call, text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(result.error.field, QStringLiteral("value"));
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
    QVERIFY(result.hostBytes.isEmpty());
}

void TestAddressTools::getProtoByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("official");
    QTest::addColumn<int>("number");

    QTest::newRow("tcp") << QStringLiteral("tcp") << QStringLiteral("tcp") << 6;
    QTest::newRow("udp") << QStringLiteral("udp") << QStringLiteral("udp") << 17;
    QTest::newRow("icmp") << QStringLiteral("icmp") << QStringLiteral("icmp") << 1;
    QTest::newRow("ipv6-icmp") << QStringLiteral("ipv6-icmp") << QStringLiteral("ipv6-icmp") << 58;
    QTest::newRow("alias TCP") << QStringLiteral("TCP") << QStringLiteral("tcp") << 6;
    QTest::newRow("alias IPv6-ICMP") << QStringLiteral("IPv6-ICMP") << QStringLiteral("ipv6-icmp") << 58;
    QTest::newRow("ip") << QStringLiteral("ip") << QStringLiteral("ip") << 0;
    QTest::newRow("sctp") << QStringLiteral("sctp") << QStringLiteral("sctp") << 132;
}

void TestAddressTools::getProtoByName()
{
    QFETCH(QString, name);
    QFETCH(QString, official);
    QFETCH(int, number);

    const std::optional<LibcProtocol> libc = libcProtoByName(name);
    QVERIFY(libc.has_value());
    const swb::AddressTools::ProtocolResult result = swb::AddressTools::getProtoByName(name);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.name, libc->name);
    QCOMPARE(result.number, libc->number);
    QCOMPARE(result.aliases, libc->aliases);
    QCOMPARE(result.name, official);
    QCOMPARE(result.number, number);
    QCOMPARE(getprotobyname(name.toLatin1().constData())->p_proto, number); // the plain call agrees too
    QVERIFY2(
        result.explanation.contains(QStringLiteral("protocol number %1").arg(number)), qPrintable(result.explanation));
    if (name != official)
        QVERIFY2(result.explanation.startsWith(QStringLiteral("%1 is an alias of %2").arg(name, official)),
            qPrintable(result.explanation));
}

void TestAddressTools::getProtoByNameErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QStringLiteral("Empty");
    QTest::newRow("unknown") << QStringLiteral("nosuchproto")
                             << QStringLiteral("No protocol named 'nosuchproto' in this system's protocol database");
    QTest::newRow("mixed case is not listed") << QStringLiteral("Tcp") << QStringLiteral("No protocol named 'Tcp'");
    QTest::newRow("leading space") << QStringLiteral(" tcp") << QStringLiteral("U+0020 at position 1");
    QTest::newRow("newline") << QStringLiteral("tcp\n") << QStringLiteral("U+000A at position 4");
}

void TestAddressTools::getProtoByNameErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QVERIFY(!libcProtoByName(name).has_value());
    const swb::AddressTools::ProtocolResult result = swb::AddressTools::getProtoByName(name);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(result.error.field, QStringLiteral("protocol"));
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
    QCOMPARE(result.number, -1);
}

void TestAddressTools::getProtoByNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");

    QTest::newRow("6") << QStringLiteral("6") << QStringLiteral("tcp");
    QTest::newRow("17") << QStringLiteral("17") << QStringLiteral("udp");
    QTest::newRow("1") << QStringLiteral("1") << QStringLiteral("icmp");
    QTest::newRow("58") << QStringLiteral("58") << QStringLiteral("ipv6-icmp");
    // ip and hopopt are both 0: a number lookup gives the first line of /etc/protocols.
    QTest::newRow("0 is ip") << QStringLiteral("0") << QStringLiteral("ip");
    QTest::newRow("spaces") << QStringLiteral(" 17 ") << QStringLiteral("udp");
    // Linux lists MPTCP as 262, a socket() argument that no IP header can carry.
    QTest::newRow("262 mptcp") << QStringLiteral("262") << QStringLiteral("mptcp");
}

void TestAddressTools::getProtoByNumber()
{
    QFETCH(QString, text);
    QFETCH(QString, name);

    const int number = text.trimmed().toInt();
    const std::optional<LibcProtocol> libc = libcProtoByNumber(number);
    QVERIFY(libc.has_value());
    const swb::AddressTools::ProtocolResult result = swb::AddressTools::getProtoByNumber(text);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.name, libc->name);
    QCOMPARE(result.aliases, libc->aliases);
    QCOMPARE(result.number, number);
    QCOMPARE(result.name, name);
    QCOMPARE(swb::AddressTools::getProtoByNumber(number).name, name);
    if (number > 255)
        QVERIFY2(result.explanation.contains(QLatin1String("does not fit the one-byte protocol field")),
            qPrintable(result.explanation));
}

void TestAddressTools::getProtoByNumberErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QStringLiteral("Empty");
    QTest::newRow("unassigned") << QStringLiteral("200")
                                << QStringLiteral("No protocol with number 200 in this system's protocol database");
    QTest::newRow("above a byte") << QStringLiteral("300")
                                  << QStringLiteral("the protocol field of an IP header is one byte, 0 to 255");
    QTest::newRow("negative") << QStringLiteral("-1")
                              << QStringLiteral("'-1' is negative: protocol numbers start at 0");
    QTest::newRow("name") << QStringLiteral("tcp") << QStringLiteral("'t' at position 1 is not a decimal digit");
    QTest::newRow("no hex") << QStringLiteral("0x6") << QStringLiteral("'x' at position 2");
    QTest::newRow("too large") << QStringLiteral("99999999999") << QStringLiteral("is too large");
}

void TestAddressTools::getProtoByNumberErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    bool isNumber = false;
    const int number = text.toInt(&isNumber);
    if (isNumber)
        QVERIFY(!libcProtoByNumber(number).has_value());
    const swb::AddressTools::ProtocolResult result = swb::AddressTools::getProtoByNumber(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QCOMPARE(result.error.field, QStringLiteral("protocol"));
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
}

void TestAddressTools::convertMapped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("ipv4");
    QTest::addColumn<QString>("ipv6");
    QTest::addColumn<bool>("fromIPv4");

    QTest::newRow("map loopback") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1")
                                  << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("map zero") << QStringLiteral("0.0.0.0") << QStringLiteral("0.0.0.0")
                              << QStringLiteral("::ffff:0.0.0.0") << true;
    QTest::newRow("unmap") << QStringLiteral("::ffff:127.0.0.1") << QStringLiteral("127.0.0.1")
                           << QStringLiteral("::ffff:127.0.0.1") << false;
    QTest::newRow("unmap hex") << QStringLiteral("::ffff:c000:207") << QStringLiteral("192.0.2.7")
                               << QStringLiteral("::ffff:192.0.2.7") << false;
    QTest::newRow("unmap written out") << QStringLiteral("0:0:0:0:0:FFFF:10.1.2.3") << QStringLiteral("10.1.2.3")
                                       << QStringLiteral("::ffff:10.1.2.3") << false;
}

void TestAddressTools::convertMapped()
{
    QFETCH(QString, text);
    QFETCH(QString, ipv4);
    QFETCH(QString, ipv6);
    QFETCH(bool, fromIPv4);

    const swb::AddressTools::MappedResult result = swb::AddressTools::convertMapped(text);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.ipv4, ipv4);
    QCOMPARE(result.ipv6, ipv6);
    QCOMPARE(result.fromIPv4, fromIPv4);
    QCOMPARE(result.ipv6Bytes, *libcPton(AddressFamily::IPv6, ipv6));
    QCOMPARE(libcNtop(AddressFamily::IPv6, result.ipv6Bytes), ipv6);
    QCOMPARE(result.ipv6Bytes.right(4), *libcPton(AddressFamily::IPv4, ipv4));
    QVERIFY2(result.explanation.contains(QLatin1String("dual-stack")), qPrintable(result.explanation));
}

void TestAddressTools::convertMappedErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QStringLiteral("Empty");
    QTest::newRow("not mapped") << QStringLiteral("2001:db8::1")
                                << QStringLiteral("2001:db8::1 is not an IPv4-mapped address");
    QTest::newRow("compatible") << QStringLiteral("::1.2.3.4")
                                << QStringLiteral("::1.2.3.4 is the old IPv4-compatible form");
    QTest::newRow("bad IPv4") << QStringLiteral("127.1") << QStringLiteral("Too few octets");
    QTest::newRow("bad IPv6") << QStringLiteral("::ffff:1.2.3.4.5") << QStringLiteral("follows the fourth octet");
}

void TestAddressTools::convertMappedErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const swb::AddressTools::MappedResult result = swb::AddressTools::convertMapped(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, swb::ErrorKind::Usage);
    QVERIFY2(result.error.message.contains(expected), qPrintable(result.error.message));
}

void TestAddressTools::randomTextAgreesWithLibc_data()
{
    QTest::addColumn<QStringList>("pieces");
    QTest::addColumn<int>("maxPieces");

    const QStringList numbers { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("10"),
        QStringLiteral("01"), QStringLiteral("255"), QStringLiteral("256"), QStringLiteral("99") };
    QTest::newRow("dotted") << (numbers + QStringList { QStringLiteral("."), QStringLiteral("."), QStringLiteral(".") })
                            << 9;
    QTest::newRow("aton forms") << (numbers
        + QStringList { QStringLiteral("."), QStringLiteral("."), QStringLiteral("0x"), QStringLiteral("0X1f"),
            QStringLiteral("017"), QStringLiteral("08"), QStringLiteral("4294967295"), QStringLiteral("4294967296"),
            QStringLiteral("65535"), QStringLiteral("16777216"), QStringLiteral(" "), QStringLiteral("\t"),
            QStringLiteral("g"), QStringLiteral("x") })
                                << 9;
    QTest::newRow("ipv6") << QStringList { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("ffff"),
        QStringLiteral("FfFf"), QStringLiteral("12345"), QStringLiteral("abc"), QStringLiteral(":"),
        QStringLiteral(":"), QStringLiteral(":"), QStringLiteral("::"), QStringLiteral("g"), QStringLiteral("%") }
                          << 18;
    QTest::newRow("ipv6 with IPv4") << QStringList { QStringLiteral("0"), QStringLiteral("ffff"), QStringLiteral(":"),
        QStringLiteral(":"), QStringLiteral("::"), QStringLiteral("1.2.3.4"), QStringLiteral("127.0.0.1"),
        QStringLiteral("."), QStringLiteral("1"), QStringLiteral("256"), QStringLiteral("01") }
                                    << 12;
}

// Thousands of strings put together from pieces reach the corners no table lists: the verdict and
// the value must be libc's, and every reason must name a position inside the text.
void TestAddressTools::randomTextAgreesWithLibc()
{
    QFETCH(QStringList, pieces);
    QFETCH(int, maxPieces);
    QRandomGenerator random(20240612); // fixed seed: a failure repeats
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QString text;
        for (int n = int(random.bounded(maxPieces + 1)); n > 0; --n)
            text += pieces.at(random.bounded(int(pieces.size())));
        for (const AddressFamily family : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
            const swb::AddressTools::PtonResult ours = swb::AddressTools::inetPton(family, text);
            const std::optional<QByteArray> libc = libcPton(family, text);
            QVERIFY2(ours.ok() == libc.has_value(), qPrintable(text + QLatin1String(" -> ") + ours.error.message));
            if (libc) {
                ++accepted;
                QCOMPARE(ours.bytes, *libc);
                QCOMPARE(ours.canonical, libcNtop(family, *libc));
            } else {
                QVERIFY2(positionsInside(ours.error.message, text), qPrintable(text + ours.error.message));
            }
        }
        const swb::AddressTools::AtonResult aton = swb::AddressTools::inetAton(text);
        const std::optional<QByteArray> libc = libcAton(text);
        QVERIFY2(aton.ok() == libc.has_value(), qPrintable(text + QLatin1String(" -> ") + aton.error.message));
        if (libc) {
            ++accepted;
            QCOMPARE(aton.bytes, *libc);
            QCOMPARE(aton.ptonAccepts, libcPton(AddressFamily::IPv4, text).has_value());
        } else {
            QVERIFY2(positionsInside(aton.error.message, text), qPrintable(text + aton.error.message));
        }
    }
    qInfo("%d of 60000 verdicts were accepted by libc", accepted);
    QVERIFY(accepted > 500); // the pieces must keep producing valid addresses, not only refusals
}

void TestAddressTools::randomBytesAgreeWithLibc()
{
    QRandomGenerator random(20240613);
    for (int round = 0; round < 20000; ++round) {
        // Mostly zero groups, some ffff, so runs of zeros and the IPv4 forms come up often.
        QByteArray bytes;
        for (int group = 0; group < 8; ++group) {
            const quint32 pick = random.bounded(8);
            const quint16 word = pick < 4 ? 0 : pick == 4 ? 0xffff : quint16(random.bounded(0x10000));
            bytes += char(word >> 8);
            bytes += char(word & 0xff);
        }
        const swb::AddressTools::NtopResult v6 = swb::AddressTools::inetNtop(AddressFamily::IPv6, bytes);
        QCOMPARE(v6.text, libcNtop(AddressFamily::IPv6, bytes));
        QCOMPARE(v6.mappedIPv4.isEmpty(), !swb::AddressTools::isIPv4Mapped(bytes));
        const swb::AddressTools::PtonResult back = swb::AddressTools::inetPton(AddressFamily::IPv6, v6.text);
        QCOMPARE(back.bytes, bytes);
        const QByteArray v4 = bytes.right(4);
        QCOMPARE(swb::AddressTools::inetNtop(AddressFamily::IPv4, v4).text, libcNtop(AddressFamily::IPv4, v4));
        QCOMPARE(swb::AddressTools::inetNtoa(v4).text, libcNtoa(v4));
    }
}

QTEST_GUILESS_MAIN(TestAddressTools)
#include "tst_addresstools.moc"
