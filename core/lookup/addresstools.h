#pragma once
// The Python socket module's address functions (inet_pton/ntop, inet_aton/ntoa, htons and friends,
// getprotobyname/number, IPv4-mapped IPv6) as pure functions for the Lookup panel: each gives the
// value the C library gives, says how it got there, and on bad input names the exact reason.

#include "trace/errorkind.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace swb::AddressTools {

enum class AddressFamily { IPv4, IPv6 };
QString familyName(AddressFamily family); // "AF_INET", "AF_INET6"
int addressLength(AddressFamily family); // 4, 16

// Every result carries a Usage error (field "address", "bytes", "value" or "protocol") when the
// input was refused; the other members are then empty.

struct PtonResult {
    QByteArray bytes; // 4 or 16 bytes, network order
    QString hex; // "7f 00 00 01"
    QString canonical; // the bytes written back by inet_ntop: "::1" for "0:0:0:0:0:0:0:1"
    QString explanation; // how the text was read ("'::' at character 1 stands for 7 zero groups")
    QString mappedIPv4; // the IPv4 address when the result is IPv4-mapped IPv6 (::ffff:a.b.c.d)
    QString mappedNote; // what an IPv4-mapped address is, when mappedIPv4 is set
    SessionError error;
    bool ok() const { return !error.isError(); }
};

struct NtopResult {
    QString text; // inet_ntop's text, with glibc's choice of zero compression and IPv4 forms
    QString explanation;
    QString mappedIPv4;
    QString mappedNote;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

struct AtonResult {
    QByteArray bytes; // 4 bytes, network order
    QString address; // dotted decimal: "127.0.0.1"
    quint32 value = 0; // the address as one 32-bit number (host order): 2130706433
    QStringList parts; // how each part was read: "0x7f: hexadecimal (0x prefix) = 127"
    // "127.1: two parts, so the last part fills the last three bytes: 127.0.0.1"
    QString explanation;
    QString ignoredTail; // what glibc skipped after the first whitespace ("" when nothing)
    bool ptonAccepts = false; // whether inet_pton(AF_INET) takes the same text
    QString ptonNote; // "inet_pton(AF_INET) refuses this form: ..." or that it agrees
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// socket.inet_pton(family, text): the strict numeric forms only. IPv4: four decimal octets 0-255
// without leading zeros. IPv6: up to eight groups of at most four hex digits, one '::', an IPv4
// dotted quad in place of the last two groups; no brackets or %scope.
PtonResult inetPton(AddressFamily family, const QString &text);
// socket.inet_ntop(family, bytes): 4 or 16 bytes; any other length is refused.
NtopResult inetNtop(AddressFamily family, const QByteArray &bytes);
// inet_ntop with the bytes typed as hex ("7f 00 00 01", "0x7f,0,0,1" as PayloadCodec::fromHex reads).
NtopResult inetNtopHex(AddressFamily family, const QString &hexText);

// socket.inet_aton(text), glibc's rules: one to four parts, each decimal, octal (leading 0) or hex
// (0x); all but the last part are one byte, the last fills the remaining bytes. Like glibc it
// stops at the first whitespace and ignores what follows ("1.2.3.4 junk" is 1.2.3.4).
AtonResult inetAton(const QString &text);
// socket.inet_ntoa(bytes): exactly 4 bytes.
NtopResult inetNtoa(const QByteArray &bytes);
NtopResult inetNtoaHex(const QString &hexText);

enum class ByteOrderCall { Htons, Ntohs, Htonl, Ntohl };
QString byteOrderCallName(ByteOrderCall call); // "htons"
int byteOrderWidth(ByteOrderCall call); // 2 or 4 bytes

struct ByteOrderResult {
    quint32 value = 0; // what was typed
    quint32 converted = 0; // what the call returns
    int width = 0; // 2 or 4
    QByteArray hostBytes; // value as it lies in this machine's memory
    QByteArray networkBytes; // value in network order (big-endian, most significant byte first)
    QByteArray convertedHostBytes; // converted as it lies in memory
    QString hostOrderName; // "little-endian" on x86 and most ARM
    QString explanation;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// htons/ntohs take 0..65535, htonl/ntohl 0..4294967295, typed in decimal or as 0x hex.
ByteOrderResult byteOrder(ByteOrderCall call, const QString &text);
ByteOrderResult byteOrder(ByteOrderCall call, quint32 value); // value must fit the width
// "0x1234" with the call's width in digits: formatValue(0x12, 2) is "0x0012"
QString formatValue(quint32 value, int width);

struct ProtocolResult {
    QString name; // the official name: "tcp"
    int number = -1; // the IP header's protocol field: 6
    QStringList aliases; // "TCP"
    QString explanation;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// socket.getprotobyname / getprotobynumber through glibc's reentrant calls (the protocols
// database, /etc/protocols from netbase on Debian). Names are matched as the database has them.
ProtocolResult getProtoByName(const QString &name);
ProtocolResult getProtoByNumber(int number); // 0..255
ProtocolResult getProtoByNumber(const QString &text); // decimal 0..255

struct MappedResult {
    QString ipv4; // "127.0.0.1"
    QString ipv6; // "::ffff:127.0.0.1"
    QByteArray ipv6Bytes; // 16 bytes
    bool fromIPv4 = false; // true when the text was IPv4 and was mapped, false when it was unmapped
    QString explanation;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// Either direction, chosen by the text: an IPv4 address gives its IPv4-mapped IPv6 form, an
// IPv4-mapped IPv6 address gives the IPv4 address inside it. Both parsed as inet_pton does.
MappedResult convertMapped(const QString &text);
// ::ffff:0:0/96, how a dual-stack (AF_INET6) socket sees an IPv4 peer.
bool isIPv4Mapped(const QByteArray &bytes);

} // namespace swb::AddressTools
