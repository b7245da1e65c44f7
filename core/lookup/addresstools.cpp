#include "addresstools.h"

#include "net/payloadcodec.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <netdb.h>
#include <optional>
#include <string>
#include <vector>

namespace swb::AddressTools {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(AddressTools)
};

// The text as code points, so positions in messages count characters as a person sees them,
// from 1, the same as PayloadCodec's.
using Text = std::u32string;

Text toText(const QString &text)
{
    return text.toStdU32String();
}

QString fromText(const Text &text, size_t from, size_t to)
{
    return QString::fromUcs4(text.data() + from, qsizetype(to - from));
}

QString pos(size_t index)
{
    return QString::number(quint64(index) + 1);
}

bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char32_t c)
{
    if (c >= '0' && c <= '9')
        return int(c - '0');
    if (c >= 'a' && c <= 'f')
        return int(c - 'a') + 10;
    if (c >= 'A' && c <= 'F')
        return int(c - 'A') + 10;
    return -1;
}

int digitValue(char32_t c, int base)
{
    const int v = hexValue(c);
    return v < base ? v : -1;
}

// isspace() in the C locale, which is where glibc's inet_aton stops reading.
bool isCSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// A character as a message names it: itself in quotes when it can be seen, its code point when
// not (a space or a no-break space must be findable).
QString describeChar(char32_t c)
{
    if (c > 0x20 && c != 0x7f && QChar::isPrint(c) && !QChar::isSpace(c))
        return QLatin1Char('\'') + QString::fromUcs4(&c, 1) + QLatin1Char('\'');
    return QStringLiteral("U+") + QString::number(quint32(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

// Long input is cut in messages so one mistake does not fill the panel.
QString quoted(const QString &text)
{
    constexpr int kMax = 40;
    if (text.size() <= kMax)
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    return QLatin1Char('\'') + text.left(kMax) + QStringLiteral("...'");
}

QString quotedSlice(const Text &text, size_t from, size_t to)
{
    return quoted(fromText(text, from, to));
}

// The end of the run of digits of a base that starts at from.
size_t digitRunEnd(const Text &text, size_t from, size_t to, int base)
{
    while (from < to && digitValue(text[from], base) >= 0)
        ++from;
    return from;
}

const QLatin1String kAddressField("address");
const QLatin1String kBytesField("bytes");
const QLatin1String kValueField("value");
const QLatin1String kProtocolField("protocol");

QString ipv4Text(const quint8 *b)
{
    return QStringLiteral("%1.%2.%3.%4").arg(b[0]).arg(b[1]).arg(b[2]).arg(b[3]);
}

QByteArray toBytes(const quint8 *b, int size)
{
    return QByteArray(reinterpret_cast<const char *>(b), size);
}

const quint8 *rawBytes(const QByteArray &bytes)
{
    return reinterpret_cast<const quint8 *>(bytes.constData());
}

QString mappedExplanation(const QString &ipv4)
{
    return Tr::tr("::ffff:%1 is the IPv4-mapped IPv6 form of %1 (RFC 4291): 80 zero bits, 16 one bits (ffff), then "
                  "the 32-bit IPv4 address. A dual-stack socket (AF_INET6 with IPV6_V6ONLY off) reports an IPv4 client "
                  "this way: accept() or recvfrom() gives ::ffff:%1 for a peer at %1, while on the wire it is plain "
                  "IPv4.")
        .arg(ipv4);
}

// ---------------------------------------------------------------------------------------------
// inet_pton, IPv4: glibc's inet_pton4, step by step, with the reason for each refusal. It works on
// [from, to) of a longer text and names absolute positions, so the same words serve the dotted
// quad at the end of an IPv6 address.

struct V4Parse {
    bool ok = false;
    std::array<quint8, 4> bytes {};
    QString reason;
};

V4Parse parseStrictIPv4(const Text &text, size_t from, size_t to)
{
    V4Parse r;
    if (from == to) {
        r.reason = Tr::tr("Empty: an IPv4 address is four numbers from 0 to 255 separated by dots, as in 127.0.0.1");
        return r;
    }
    int octets = 0;
    bool sawDigit = false;
    unsigned current = 0;
    size_t octetStart = from;
    for (size_t i = from; i < to; ++i) {
        const char32_t c = text[i];
        if (isDigit(c)) {
            // Only a second digit can make an octet wrong, so octets and octetStart name this one.
            const auto octet = [&]() { return quotedSlice(text, octetStart, digitRunEnd(text, i, to, 10)); };
            if (sawDigit && current == 0) {
                r.reason = Tr::tr("Octet %1 (%2, at position %3) has a leading zero: inet_pton refuses it, because "
                                  "inet_aton would read a leading 0 as octal (010 is 8)")
                               .arg(QString::number(octets), octet(), pos(octetStart));
                return r;
            }
            const unsigned next = current * 10 + unsigned(c - '0');
            if (next > 255) {
                r.reason = Tr::tr("Octet %1 (%2, at position %3) is out of range: an octet is one byte, 0 to 255")
                               .arg(QString::number(octets), octet(), pos(octetStart));
                return r;
            }
            current = next;
            if (!sawDigit) {
                ++octets; // never a fifth: a '.' after the fourth octet is refused below
                sawDigit = true;
                octetStart = i;
            }
            r.bytes[size_t(octets - 1)] = quint8(current);
        } else if (c == '.' && sawDigit) {
            if (octets == 4) {
                r.reason = Tr::tr("A '.' at position %1 follows the fourth octet: an IPv4 address has exactly four")
                               .arg(pos(i));
                return r;
            }
            sawDigit = false;
            current = 0;
        } else if (c == '.') {
            r.reason = Tr::tr("Octet %1 is empty: the '.' at position %2 has no digits before it")
                           .arg(QString::number(octets + 1), pos(i));
            return r;
        } else {
            r.reason = Tr::tr("Stray character %1 at position %2: inet_pton reads IPv4 as decimal digits and dots only")
                           .arg(describeChar(c), pos(i));
            if (c == ':')
                r.reason += Tr::tr(" (a ':' means IPv6: choose AF_INET6)");
            return r;
        }
    }
    if (octets < 4) {
        if (!sawDigit)
            r.reason = Tr::tr("The address ends with a '.' at position %1: octet %2 is missing")
                           .arg(pos(to - 1), QString::number(octets + 1));
        else
            r.reason = Tr::tr("Too few octets, %1 of 4: inet_pton needs all four, as in 127.0.0.1")
                           .arg(QString::number(octets));
        return r;
    }
    r.ok = true;
    return r;
}

// ---------------------------------------------------------------------------------------------
// inet_pton, IPv6: glibc's inet_pton6, step by step.

struct V6Parse {
    bool ok = false;
    std::array<quint8, 16> bytes {};
    QString reason;
    QString explanation;
};

QString strayIPv6Reason(char32_t c, size_t index)
{
    QString reason = Tr::tr("Stray character %1 at position %2: an IPv6 address is groups of hex digits (0-9, a-f) "
                            "separated by ':', optionally ending in an IPv4 part as in ::ffff:127.0.0.1")
                         .arg(describeChar(c), pos(index));
    if (c == '%')
        reason += Tr::tr(". A zone such as %eth0 is not part of the address: inet_pton refuses it (getaddrinfo "
                         "takes it and sets sin6_scope_id)");
    else if (c == '[' || c == ']')
        reason += Tr::tr(". Write the address without brackets: they belong to URLs and host:port text");
    return reason;
}

V6Parse parseStrictIPv6(const Text &text)
{
    V6Parse r;
    const size_t n = text.size();
    if (n == 0) {
        r.reason = Tr::tr("Empty: an IPv6 address is up to eight groups of hex digits separated by ':', as in ::1 or "
                          "fe80::1");
        return r;
    }
    size_t i = 0;
    if (text[0] == ':') {
        if (n == 1 || text[1] != ':') {
            r.reason = Tr::tr("The address starts with a single ':' at position 1: only '::' may start an address, "
                              "as in ::1");
            return r;
        }
        i = 1;
    }
    std::array<quint8, 16> tmp {};
    int written = 0; // bytes of groups written out so far
    int compressedAt = -1; // where '::' stands, in bytes
    size_t compressedIndex = 0;
    size_t token = i; // where the current group starts, for an IPv4 part
    int digits = 0;
    unsigned value = 0;
    size_t groupStart = i;
    size_t ipv4Start = n;
    const auto pushGroup = [&]() {
        tmp[size_t(written++)] = quint8(value >> 8);
        tmp[size_t(written++)] = quint8(value & 0xff);
    };
    const auto tooManyGroups = [&]() {
        r.reason = Tr::tr("More than eight groups: group 9 starts at position %1, and an IPv6 address is 128 bits, "
                          "eight groups of 16")
                       .arg(pos(groupStart));
    };
    while (i < n) {
        const char32_t c = text[i++];
        const int d = hexValue(c);
        if (d >= 0) {
            if (digits == 0)
                groupStart = i - 1;
            if (digits == 4) {
                r.reason
                    = Tr::tr("Group %1 (%2, at position %3) has more than four hex digits: a group is 16 bits, "
                             "0 to ffff")
                          .arg(QString::number(written / 2 + 1),
                              quotedSlice(text, groupStart, digitRunEnd(text, groupStart, n, 16)), pos(groupStart));
                return r;
            }
            value = (value << 4) | unsigned(d);
            ++digits;
            continue;
        }
        if (c == ':') {
            token = i;
            if (digits == 0) {
                // The character before is a ':' too: this colon ends a '::'.
                if (compressedAt >= 0) {
                    if (i >= 3 && text[i - 3] == ':')
                        r.reason = Tr::tr("Three colons in a row at position %1: '::' is two colons").arg(pos(i - 3));
                    else
                        r.reason = Tr::tr("A second '::' at position %1 (the first is at position %2): '::' may appear "
                                          "only once, because it stands for as many zero groups as needed and two "
                                          "would be ambiguous")
                                       .arg(pos(i - 2), pos(compressedIndex));
                    return r;
                }
                compressedAt = written;
                compressedIndex = i - 2;
                continue;
            }
            if (i == n) {
                r.reason = Tr::tr("The address ends with a single ':' at position %1: a group must follow it (or end "
                                  "with '::' for zero groups)")
                               .arg(pos(i - 1));
                return r;
            }
            if (written + 2 > 16) {
                tooManyGroups();
                return r;
            }
            pushGroup();
            digits = 0;
            value = 0;
            continue;
        }
        if (c == '.') {
            if (written + 4 > 16) {
                r.reason = Tr::tr("The IPv4 part at position %1 has no room: it takes the place of two groups, so at "
                                  "most six groups may come before it, and here there are %2")
                               .arg(pos(token), QString::number(written / 2));
                return r;
            }
            const V4Parse v4 = parseStrictIPv4(text, token, n);
            if (!v4.ok) {
                r.reason = Tr::tr("In the IPv4 part at position %1: %2").arg(pos(token), v4.reason);
                return r;
            }
            std::memcpy(tmp.data() + written, v4.bytes.data(), 4);
            written += 4;
            digits = 0;
            ipv4Start = token;
            break;
        }
        r.reason = strayIPv6Reason(c, i - 1);
        return r;
    }
    if (digits > 0) {
        if (written + 2 > 16) {
            tooManyGroups();
            return r;
        }
        pushGroup();
    }
    QStringList steps;
    if (compressedAt >= 0) {
        if (written == 16) {
            r.reason = Tr::tr("The '::' at position %1 would stand for no groups at all: the address already has eight "
                              "without it, so write it without '::'")
                           .arg(pos(compressedIndex));
            return r;
        }
        const int moved = written - compressedAt;
        std::memmove(tmp.data() + 16 - moved, tmp.data() + compressedAt, size_t(moved));
        std::memset(tmp.data() + compressedAt, 0, size_t(16 - moved - compressedAt));
        const int zeroGroups = (16 - written) / 2;
        steps << (zeroGroups == 1 ? Tr::tr("'::' at position %1 stands for one zero group").arg(pos(compressedIndex))
                                  : Tr::tr("'::' at position %1 stands for %2 zero groups")
                                        .arg(pos(compressedIndex), QString::number(zeroGroups)));
        written = 16;
    }
    if (written != 16) {
        r.reason = ipv4Start < n
            ? Tr::tr("Too few groups, %1 of 8 counting the IPv4 part as two: without '::' an IPv6 "
                     "address needs all eight")
                  .arg(QString::number(written / 2))
            : Tr::tr("Too few groups, %1 of 8: without '::' an IPv6 address needs all eight; write "
                     "'::' where the zero groups go")
                  .arg(QString::number(written / 2));
        if (ipv4Start == 0)
            r.reason += Tr::tr(". For an IPv4 address choose AF_INET, or write its IPv4-mapped form ::ffff:%1")
                            .arg(fromText(text, 0, n));
        return r;
    }
    if (ipv4Start < n)
        steps << Tr::tr("the IPv4 part at position %1 fills the last two groups").arg(pos(ipv4Start));
    if (steps.isEmpty())
        steps << Tr::tr("all eight groups are written out");
    r.explanation = steps.join(QStringLiteral("; "));
    r.bytes = tmp;
    r.ok = true;
    return r;
}

// ---------------------------------------------------------------------------------------------
// inet_ntop, IPv6: glibc's inet_ntop6. The longest run of two or more zero groups (the first of
// equal runs) becomes "::"; when the first six groups are zero, or the first five and then ffff,
// the last 32 bits are written as IPv4.

QString formatIPv6(const quint8 *b, QString *explanation)
{
    std::array<unsigned, 8> words {};
    for (size_t i = 0; i < 8; ++i)
        words[i] = unsigned(b[2 * i]) << 8 | b[2 * i + 1];
    int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0, zeroRuns = 0, bestCount = 0;
    const auto endRun = [&]() {
        if (curBase < 0)
            return;
        ++zeroRuns;
        if (bestBase < 0 || curLen > bestLen) {
            bestBase = curBase;
            bestLen = curLen;
            bestCount = 1;
        } else if (curLen == bestLen) {
            ++bestCount;
        }
        curBase = -1;
    };
    for (int i = 0; i < 8; ++i) {
        if (words[size_t(i)] == 0) {
            if (curBase < 0) {
                curBase = i;
                curLen = 1;
            } else {
                ++curLen;
            }
        } else {
            endRun();
        }
    }
    endRun();
    const bool lonelyZeros = bestBase >= 0 && bestLen < 2;
    if (lonelyZeros)
        bestBase = -1;

    const bool mapped = bestBase == 0 && bestLen == 5 && words[5] == 0xffff;
    const bool compatible = bestBase == 0 && bestLen == 6;
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
            if (i == bestBase)
                out += QLatin1Char(':');
            continue;
        }
        if (i != 0)
            out += QLatin1Char(':');
        if (i == 6 && (mapped || compatible)) {
            out += ipv4Text(b + 12);
            break;
        }
        out += QString::number(words[size_t(i)], 16);
    }
    if (bestBase >= 0 && bestBase + bestLen == 8)
        out += QLatin1Char(':');

    if (explanation) {
        QStringList steps;
        if (bestBase >= 0) {
            QString which;
            if (bestCount > 1)
                which = Tr::tr(" (the first of the longest runs of zero groups)");
            else if (zeroRuns > 1)
                which = Tr::tr(" (the longest run of zero groups)");
            steps << Tr::tr("groups %1 to %2 are zero%3, so they are written as '::'")
                         .arg(QString::number(bestBase + 1), QString::number(bestBase + bestLen), which);
        } else if (lonelyZeros) {
            steps << Tr::tr("no two zero groups are next to each other, and a single zero group is written as 0, not "
                            "'::'");
        } else {
            steps << Tr::tr("no group is zero, so there is nothing to shorten with '::'");
        }
        steps << Tr::tr("leading zeros in each group are dropped and hex digits are written in lower case");
        if (mapped)
            steps << Tr::tr("the first 80 bits are zero and the next 16 are ffff: an IPv4-mapped address, so the last "
                            "32 bits are written as IPv4");
        else if (compatible)
            steps << Tr::tr("the first six groups are zero and the seventh is not, so glibc writes the last 32 bits as "
                            "IPv4: the old IPv4-compatible form, deprecated by RFC 4291");
        *explanation = steps.join(QStringLiteral("; "));
    }
    return out;
}

NtopResult ntopFailure(const QString &message)
{
    NtopResult r;
    r.error = makeUsageError(kBytesField, message);
    return r;
}

// ---------------------------------------------------------------------------------------------
// inet_aton: glibc's inet_aton_end with strtoul(…, 0) for each part.

struct AtonPart {
    size_t start = 0;
    size_t end = 0;
    int base = 10;
    quint64 value = 0;
};

QString describePart(const Text &text, const AtonPart &part)
{
    const QString written = fromText(text, part.start, part.end);
    const QString value = QString::number(part.value);
    if (part.base == 16)
        return Tr::tr("%1: hexadecimal (0x prefix) = %2").arg(written, value);
    if (part.base == 8 && part.end - part.start > 1)
        return Tr::tr("%1: octal (leading 0) = %2").arg(written, value);
    return Tr::tr("%1: decimal = %2").arg(written, value);
}

QString ptonFormHint(const QByteArray &bytes)
{
    return Tr::tr(
        "; inet_aton would read it as %1 (it also takes shorter, octal and hex forms, and ignores what follows "
        "a space), but inet_pton takes only four decimal octets")
        .arg(ipv4Text(rawBytes(bytes)));
}

// ---------------------------------------------------------------------------------------------
// Numbers typed in a field: decimal or 0x hex, surrounding spaces allowed.

struct NumberParse {
    bool ok = false;
    bool negative = false;
    quint64 value = 0; // saturated at 2^32 so "too large" can still be told
    QString written;
    QString reason;
};

NumberParse parseNumber(const QString &input, bool allowHex)
{
    NumberParse r;
    const Text text = toText(input);
    size_t from = 0, to = text.size();
    while (from < to && isCSpace(text[from]))
        ++from;
    while (to > from && isCSpace(text[to - 1]))
        --to;
    if (from == to) {
        r.reason = allowHex ? Tr::tr("Empty: type a number, in decimal (4660) or in hex with 0x (0x1234)")
                            : Tr::tr("Empty: type a number in decimal");
        return r;
    }
    r.written = fromText(text, from, to);
    if (text[from] == '-') {
        r.negative = true;
        r.reason = Tr::tr("%1 is negative").arg(quoted(r.written));
        return r;
    }
    int base = 10;
    size_t i = from;
    if (allowHex && to - from >= 2 && text[from] == '0' && (text[from + 1] == 'x' || text[from + 1] == 'X')) {
        base = 16;
        i += 2;
        if (i == to) {
            r.reason = Tr::tr("'0x' at position %1 needs hex digits after it, as in 0x1234").arg(pos(from));
            return r;
        }
    }
    for (; i < to; ++i) {
        const int d = digitValue(text[i], base);
        if (d < 0) {
            r.reason = base == 16
                ? Tr::tr("%1 at position %2 is not a hex digit (0-9, a-f)").arg(describeChar(text[i]), pos(i))
                : Tr::tr("%1 at position %2 is not a decimal digit%3")
                      .arg(describeChar(text[i]), pos(i),
                          allowHex ? Tr::tr(" (write hex with 0x, as in 0x1234)") : QString());
            return r;
        }
        r.value = qMin<quint64>(r.value * quint64(base) + quint64(d), quint64(1) << 32);
    }
    r.ok = true;
    return r;
}

ByteOrderResult byteOrderFailure(const QString &message)
{
    ByteOrderResult r;
    r.error = makeUsageError(kValueField, message);
    return r;
}

QByteArray memoryBytes(quint32 value, int width)
{
    if (width == 2) {
        const quint16 v = quint16(value);
        return QByteArray(reinterpret_cast<const char *>(&v), 2);
    }
    return QByteArray(reinterpret_cast<const char *>(&value), 4);
}

QByteArray bigEndianBytes(quint32 value, int width)
{
    QByteArray out(width, '\0');
    for (int i = 0; i < width; ++i)
        out[i] = char(value >> (8 * (width - 1 - i)));
    return out;
}

quint32 readMemory(const QByteArray &bytes)
{
    if (bytes.size() == 2) {
        quint16 v;
        std::memcpy(&v, bytes.constData(), 2);
        return v;
    }
    quint32 v;
    std::memcpy(&v, bytes.constData(), 4);
    return v;
}

quint32 readBigEndian(const QByteArray &bytes)
{
    quint32 v = 0;
    for (const char c : bytes)
        v = v << 8 | quint8(c);
    return v;
}

// ---------------------------------------------------------------------------------------------
// The protocols database.

ProtocolResult protocolFailure(const QString &message)
{
    ProtocolResult r;
    r.error = makeUsageError(kProtocolField, message);
    return r;
}

// Calls one of glibc's getprotoby*_r with a buffer that grows while it says ERANGE.
template<typename Call> std::optional<ProtocolResult> lookupProtocol(Call call)
{
    std::vector<char> buffer(1024);
    for (;;) {
        protoent entry {};
        protoent *found = nullptr;
        const int rc = call(&entry, buffer.data(), buffer.size(), &found);
        if (rc == ERANGE && buffer.size() < (size_t(1) << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (rc != 0 || !found)
            return std::nullopt;
        ProtocolResult r;
        r.name = QString::fromLocal8Bit(found->p_name);
        r.number = found->p_proto;
        for (char **alias = found->p_aliases; alias && *alias; ++alias)
            r.aliases << QString::fromLocal8Bit(*alias);
        return r;
    }
}

QString protocolExplanation(const ProtocolResult &r)
{
    QString text = r.number <= 255
        ? Tr::tr("%1 is protocol number %2: the value of the Protocol field in an IPv4 header (Next Header in IPv6), "
                 "and what socket() takes as its third argument")
              .arg(r.name, QString::number(r.number))
        : Tr::tr("%1 is number %2, which does not fit the one-byte protocol field of an IP header: Linux uses it only "
                 "as socket()'s third argument")
              .arg(r.name, QString::number(r.number));
    if (!r.aliases.isEmpty())
        text += Tr::tr(". Aliases: %1").arg(r.aliases.join(QStringLiteral(", ")));
    return text;
}

} // namespace

QString familyName(AddressFamily family)
{
    return family == AddressFamily::IPv4 ? QStringLiteral("AF_INET") : QStringLiteral("AF_INET6");
}

int addressLength(AddressFamily family)
{
    return family == AddressFamily::IPv4 ? 4 : 16;
}

bool isIPv4Mapped(const QByteArray &bytes)
{
    static const char kPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\xff', '\xff' };
    return bytes.size() == 16 && std::memcmp(bytes.constData(), kPrefix, sizeof kPrefix) == 0;
}

PtonResult inetPton(AddressFamily family, const QString &input)
{
    PtonResult r;
    const Text text = toText(input);
    if (family == AddressFamily::IPv4) {
        const V4Parse v4 = parseStrictIPv4(text, 0, text.size());
        if (!v4.ok) {
            QString reason = v4.reason;
            const AtonResult aton = inetAton(input);
            if (aton.ok())
                reason += ptonFormHint(aton.bytes);
            r.error = makeUsageError(kAddressField, reason);
            return r;
        }
        r.bytes = toBytes(v4.bytes.data(), 4);
        r.explanation = Tr::tr("four decimal octets, one byte each");
    } else {
        const V6Parse v6 = parseStrictIPv6(text);
        if (!v6.ok) {
            r.error = makeUsageError(kAddressField, v6.reason);
            return r;
        }
        r.bytes = toBytes(v6.bytes.data(), 16);
        r.explanation = v6.explanation;
    }
    r.hex = PayloadCodec::toHex(r.bytes);
    r.canonical = inetNtop(family, r.bytes).text;
    if (isIPv4Mapped(r.bytes)) {
        r.mappedIPv4 = ipv4Text(rawBytes(r.bytes) + 12);
        r.mappedNote = mappedExplanation(r.mappedIPv4);
    }
    return r;
}

NtopResult inetNtop(AddressFamily family, const QByteArray &bytes)
{
    const int expected = addressLength(family);
    if (bytes.size() != expected) {
        QString message = Tr::tr("%1 addresses are %2 bytes, not %3")
                              .arg(familyName(family), QString::number(expected), QString::number(bytes.size()));
        const AddressFamily other = family == AddressFamily::IPv4 ? AddressFamily::IPv6 : AddressFamily::IPv4;
        if (bytes.size() == addressLength(other))
            message += Tr::tr(", the size of an %1 address: choose %1").arg(familyName(other));
        return ntopFailure(message);
    }
    NtopResult r;
    if (family == AddressFamily::IPv4) {
        r.text = ipv4Text(rawBytes(bytes));
        r.explanation = Tr::tr("each byte written in decimal, separated by dots");
        return r;
    }
    r.text = formatIPv6(rawBytes(bytes), &r.explanation);
    if (isIPv4Mapped(bytes)) {
        r.mappedIPv4 = ipv4Text(rawBytes(bytes) + 12);
        r.mappedNote = mappedExplanation(r.mappedIPv4);
    }
    return r;
}

NtopResult inetNtopHex(AddressFamily family, const QString &hexText)
{
    const PayloadCodec::Decoded decoded = PayloadCodec::fromHex(hexText);
    if (!decoded.bytes)
        return ntopFailure(decoded.error);
    return inetNtop(family, *decoded.bytes);
}

AtonResult inetAton(const QString &input)
{
    AtonResult r;
    const auto fail = [&r](const QString &message) {
        r.error = makeUsageError(kAddressField, message);
        return r;
    };
    const Text text = toText(input);
    const size_t n = text.size();
    if (n == 0)
        return fail(Tr::tr("Empty: inet_aton takes one to four numbers separated by dots, as in 127.0.0.1 or 127.1"));

    std::vector<AtonPart> parts;
    size_t i = 0;
    for (;;) {
        const int partNumber = int(parts.size()) + 1;
        if (i >= n || !isDigit(text[i])) {
            if (i >= n)
                return fail(Tr::tr("The address ends with a '.' at position %1: part %2 is missing")
                                .arg(pos(i - 1), QString::number(partNumber)));
            if (text[i] == '.')
                return fail(Tr::tr("Part %1 is empty: the '.' at position %2 has no number before it")
                                .arg(QString::number(partNumber), pos(i)));
            QString message = Tr::tr("Part %1 starts with %2 at position %3: each part must start with a digit (0x for "
                                     "hex, 0 for octal, otherwise decimal)")
                                  .arg(QString::number(partNumber), describeChar(text[i]), pos(i));
            if (i == 0 && isCSpace(text[i]))
                message += Tr::tr(". inet_aton ignores what comes after a space, but not a space before the address");
            return fail(message);
        }
        // strtoul with base 0: 0x and a hex digit start hex, a leading 0 octal, anything else decimal.
        AtonPart part;
        part.start = i;
        size_t j = i;
        if (text[j] == '0') {
            part.base = 8;
            if (j + 2 < n && (text[j + 1] == 'x' || text[j + 1] == 'X') && hexValue(text[j + 2]) >= 0) {
                part.base = 16;
                j += 2;
            }
        }
        for (; j < n; ++j) {
            const int d = digitValue(text[j], part.base);
            if (d < 0)
                break;
            part.value = qMin<quint64>(part.value * quint64(part.base) + quint64(d), quint64(1) << 32);
        }
        part.end = j;
        if (part.value > 0xffffffffu)
            return fail(Tr::tr("Part %1 (%2, at position %3) is too large: no part may be more than 32 bits, "
                               "4294967295 (0xffffffff)")
                            .arg(QString::number(partNumber), quotedSlice(text, part.start, part.end), pos(i)));
        i = j;
        if (i < n && text[i] == '.') {
            if (parts.size() == 3)
                return fail(Tr::tr("A '.' at position %1 follows the fourth part: inet_aton takes at most four parts")
                                .arg(pos(i)));
            if (part.value > 255)
                return fail(
                    Tr::tr("Part %1 (%2, at position %3) is out of range: every part but the last is one byte, "
                           "0 to 255")
                        .arg(QString::number(partNumber), quotedSlice(text, part.start, part.end), pos(part.start)));
            parts.push_back(part);
            ++i;
            continue;
        }
        parts.push_back(part);
        break;
    }

    const AtonPart &last = parts.back();
    const int partCount = int(parts.size());
    if (i < n && !isCSpace(text[i])) {
        const char32_t c = text[i];
        const QString partNumber = QString::number(partCount);
        if (last.base == 8 && (c == '8' || c == '9'))
            return fail(Tr::tr("%1 at position %2 is not an octal digit: part %3 starts with 0, so inet_aton reads it "
                               "as octal (digits 0 to 7)")
                            .arg(describeChar(c), pos(i), partNumber));
        if (last.base == 8 && last.end - last.start == 1 && (c == 'x' || c == 'X'))
            return fail(
                Tr::tr("'0%1' at position %2 has no hex digits after it").arg(QChar(char16_t(c)), pos(last.start)));
        if (last.base == 16)
            return fail(Tr::tr("%1 at position %2 is not a hex digit (part %3 is hexadecimal because of its 0x prefix)")
                            .arg(describeChar(c), pos(i), partNumber));
        QString message
            = Tr::tr("Stray character %1 at position %2 after part %3: a part ends at a '.', at the end, or "
                     "at a space (inet_aton ignores everything after a space)")
                  .arg(describeChar(c), pos(i), partNumber);
        if (c == ':')
            message += Tr::tr(". inet_aton is IPv4 only; for IPv6 use inet_pton with AF_INET6");
        return fail(message);
    }
    static const quint64 kLastMax[4] = { 0xffffffffu, 0xffffffu, 0xffffu, 0xffu };
    if (last.value > kLastMax[partCount - 1]) {
        const QString written = quotedSlice(text, last.start, last.end);
        if (partCount == 2)
            return fail(
                Tr::tr("The last part (%1, at position %2) is too large: with two parts (a.b) it fills the last "
                       "three bytes, 0 to 16777215 (0xffffff)")
                    .arg(written, pos(last.start)));
        if (partCount == 3)
            return fail(Tr::tr("The last part (%1, at position %2) is too large: with three parts (a.b.c) it fills the "
                               "last two bytes, 0 to 65535 (0xffff)")
                            .arg(written, pos(last.start)));
        return fail(Tr::tr("Part 4 (%1, at position %2) is out of range: with four parts each is one byte, 0 to 255")
                        .arg(written, pos(last.start)));
    }

    quint32 value = 0;
    for (int k = 0; k + 1 < partCount; ++k)
        value |= quint32(parts[size_t(k)].value) << (24 - 8 * k);
    value |= quint32(last.value);
    r.value = value;
    r.bytes = bigEndianBytes(value, 4);
    r.address = ipv4Text(rawBytes(r.bytes));
    for (const AtonPart &part : parts)
        r.parts << describePart(text, part);
    if (partCount < 4) {
        static const char *const kFills[3] = {
            QT_TRANSLATE_NOOP("AddressTools", ", the whole address: %1"),
            QT_TRANSLATE_NOOP("AddressTools", ", filling the last three bytes: %1"),
            QT_TRANSLATE_NOOP("AddressTools", ", filling the last two bytes: %1"),
        };
        r.parts.last() += Tr::tr(kFills[partCount - 1]).arg(PayloadCodec::toHex(r.bytes.right(4 - (partCount - 1))));
    }
    const QString accepted = fromText(text, 0, i);
    static const char *const kExplanations[4] = {
        QT_TRANSLATE_NOOP("AddressTools", "%1: one part, so it is the whole 32-bit address: %2"),
        QT_TRANSLATE_NOOP("AddressTools", "%1: two parts, so the last part fills the last three bytes: %2"),
        QT_TRANSLATE_NOOP("AddressTools", "%1: three parts, so the last part fills the last two bytes: %2"),
        QT_TRANSLATE_NOOP("AddressTools", "%1: four parts, one byte each: %2"),
    };
    r.explanation = Tr::tr(kExplanations[partCount - 1]).arg(accepted, r.address);
    if (i < n) {
        r.ignoredTail = fromText(text, i, n);
        r.explanation += Tr::tr(". Everything from the %1 at position %2 on is ignored: glibc's inet_aton stops at the "
                                "first space, tab or newline")
                             .arg(describeChar(text[i]), pos(i));
    }
    const V4Parse strict = parseStrictIPv4(text, 0, n);
    r.ptonAccepts = strict.ok;
    r.ptonNote = strict.ok ? Tr::tr("inet_pton(AF_INET) reads it the same way: four decimal octets")
                           : Tr::tr("inet_pton(AF_INET) refuses this form, which only inet_aton knows (%1); it takes "
                                    "only four decimal octets, so write %2")
                                 .arg(strict.reason, r.address);
    return r;
}

NtopResult inetNtoa(const QByteArray &bytes)
{
    if (bytes.size() != 4)
        return ntopFailure(Tr::tr("inet_ntoa takes exactly 4 bytes (an IPv4 address), not %1").arg(bytes.size()));
    NtopResult r;
    r.text = ipv4Text(rawBytes(bytes));
    r.explanation = Tr::tr("each byte written in decimal, separated by dots");
    return r;
}

NtopResult inetNtoaHex(const QString &hexText)
{
    const PayloadCodec::Decoded decoded = PayloadCodec::fromHex(hexText);
    if (!decoded.bytes)
        return ntopFailure(decoded.error);
    return inetNtoa(*decoded.bytes);
}

QString byteOrderCallName(ByteOrderCall call)
{
    switch (call) {
    case ByteOrderCall::Htons:
        return QStringLiteral("htons");
    case ByteOrderCall::Ntohs:
        return QStringLiteral("ntohs");
    case ByteOrderCall::Htonl:
        return QStringLiteral("htonl");
    case ByteOrderCall::Ntohl:
        return QStringLiteral("ntohl");
    }
    return {};
}

int byteOrderWidth(ByteOrderCall call)
{
    return call == ByteOrderCall::Htons || call == ByteOrderCall::Ntohs ? 2 : 4;
}

QString formatValue(quint32 value, int width)
{
    return QStringLiteral("0x") + QString::number(value, 16).rightJustified(width * 2, QLatin1Char('0'));
}

ByteOrderResult byteOrder(ByteOrderCall call, const QString &text)
{
    const int width = byteOrderWidth(call);
    const QString range = width == 2 ? Tr::tr("a 16-bit value, 0 to 65535 (0xffff)")
                                     : Tr::tr("a 32-bit value, 0 to 4294967295 (0xffffffff)");
    const NumberParse number = parseNumber(text, true);
    if (!number.ok) {
        if (number.negative)
            return byteOrderFailure(Tr::tr("%1: %2 takes %3").arg(number.reason, byteOrderCallName(call), range));
        return byteOrderFailure(number.reason);
    }
    const quint64 max = width == 2 ? 0xffffu : 0xffffffffu;
    if (number.value > max) {
        QString message = Tr::tr("%1 is out of range for %2: it takes %3")
                              .arg(quoted(number.written), byteOrderCallName(call), range);
        if (width == 2 && number.value <= 0xffffffffu)
            message += Tr::tr("; htonl and ntohl take 32 bits");
        return byteOrderFailure(message);
    }
    return byteOrder(call, quint32(number.value));
}

ByteOrderResult byteOrder(ByteOrderCall call, quint32 value)
{
    const int width = byteOrderWidth(call);
    if (width == 2 && value > 0xffffu)
        return byteOrderFailure(Tr::tr("%1 is out of range for %2: it takes a 16-bit value, 0 to 65535 (0xffff)")
                                    .arg(formatValue(value, 4), byteOrderCallName(call)));
    ByteOrderResult r;
    r.value = value;
    r.width = width;
    r.hostBytes = memoryBytes(value, width);
    r.networkBytes = bigEndianBytes(value, width);
    const bool toNetwork = call == ByteOrderCall::Htons || call == ByteOrderCall::Htonl;
    // htons returns the number whose bytes in memory are the value's network order; ntohs reads the
    // bytes in memory as network order. On any machine the two are the same swap (or no swap).
    r.converted = toNetwork ? readMemory(r.networkBytes) : readBigEndian(r.hostBytes);
    r.convertedHostBytes = memoryBytes(r.converted, width);
    const bool little = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
    r.hostOrderName = little ? Tr::tr("little-endian") : Tr::tr("big-endian");

    const QString name = byteOrderCallName(call);
    const QString shown = formatValue(value, width);
    const QString converted = formatValue(r.converted, width) + QStringLiteral(" = ") + QString::number(r.converted);
    const QString bits = width == 2 ? Tr::tr("16-bit") : Tr::tr("32-bit");
    const QString field = width == 2 ? QStringLiteral("sin_port") : QStringLiteral("sin_addr.s_addr");
    if (!little) {
        r.explanation = Tr::tr("%1(%2): this machine is big-endian, the same order as the network, so %1 returns its "
                               "argument unchanged; on a little-endian machine it would swap the bytes")
                            .arg(name, shown);
    } else if (toNetwork) {
        r.explanation = Tr::tr("%1(%2): in network order (big-endian, most significant byte first) its bytes are %3. "
                               "This machine is little-endian, so a %4 number whose memory holds %3 reads as %5: that "
                               "is what %1 returns, ready for %6")
                            .arg(name, shown, PayloadCodec::toHex(r.networkBytes), bits, converted, field);
    } else {
        r.explanation = Tr::tr("%1(%2): this machine is little-endian, so the number lies in memory as %3. Read in "
                               "network order (big-endian, most significant byte first) those bytes mean %4: that is "
                               "what %1 returns, the number a person means")
                            .arg(name, shown, PayloadCodec::toHex(r.hostBytes), converted);
    }
    return r;
}

ProtocolResult getProtoByName(const QString &name)
{
    if (name.isEmpty())
        return protocolFailure(Tr::tr("Empty: type a protocol name such as tcp, udp or icmp"));
    const Text text = toText(name);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == 0 || isCSpace(text[i]))
            return protocolFailure(Tr::tr("%1 at position %2: protocol names have no spaces or control characters")
                                       .arg(describeChar(text[i]), pos(i)));
    }
    const QByteArray key = name.toLocal8Bit();
    std::optional<ProtocolResult> found
        = lookupProtocol([&key](protoent *entry, char *buf, size_t size, protoent **out) {
              return getprotobyname_r(key.constData(), entry, buf, size, out);
          });
    if (!found)
        return protocolFailure(Tr::tr("No protocol named %1 in this system's protocol database (/etc/protocols): names "
                                      "are matched exactly as listed there, such as tcp, udp, icmp or ipv6-icmp")
                                   .arg(quoted(name)));
    found->explanation = protocolExplanation(*found);
    if (found->name != name)
        found->explanation = Tr::tr("%1 is an alias of %2. ").arg(name, found->name) + found->explanation;
    return *found;
}

ProtocolResult getProtoByNumber(int number)
{
    if (number < 0)
        return protocolFailure(Tr::tr("Protocol number %1 is negative: protocol numbers start at 0").arg(number));
    std::optional<ProtocolResult> found
        = lookupProtocol([number](protoent *entry, char *buf, size_t size, protoent **out) {
              return getprotobynumber_r(number, entry, buf, size, out);
          });
    if (!found) {
        QString message
            = Tr::tr("No protocol with number %1 in this system's protocol database (/etc/protocols)").arg(number);
        if (number > 255)
            message += Tr::tr("; the protocol field of an IP header is one byte, 0 to 255");
        return protocolFailure(message);
    }
    found->explanation = protocolExplanation(*found);
    return *found;
}

ProtocolResult getProtoByNumber(const QString &text)
{
    const NumberParse number = parseNumber(text, false);
    if (!number.ok)
        return protocolFailure(
            number.negative ? Tr::tr("%1: protocol numbers start at 0").arg(number.reason) : number.reason);
    if (number.value > quint64(std::numeric_limits<int>::max()))
        return protocolFailure(Tr::tr("%1 is too large: protocol numbers are 0 to 255 in an IP header (Linux adds a "
                                      "few above, such as 262 for MPTCP)")
                                   .arg(quoted(number.written)));
    return getProtoByNumber(int(number.value));
}

MappedResult convertMapped(const QString &input)
{
    MappedResult r;
    const auto fail = [&r](const QString &message) {
        r.error = makeUsageError(kAddressField, message);
        return r;
    };
    if (input.isEmpty())
        return fail(
            Tr::tr("Empty: type an IPv4 address (127.0.0.1) or an IPv4-mapped IPv6 address (::ffff:127.0.0.1)"));
    if (!input.contains(QLatin1Char(':'))) {
        const PtonResult v4 = inetPton(AddressFamily::IPv4, input);
        if (!v4.ok())
            return fail(v4.error.message);
        QByteArray bytes(10, '\0');
        bytes += "\xff\xff";
        bytes += v4.bytes;
        r.ipv4 = v4.canonical;
        r.ipv6Bytes = bytes;
        r.ipv6 = formatIPv6(rawBytes(bytes), nullptr);
        r.fromIPv4 = true;
        r.explanation = mappedExplanation(r.ipv4);
        return r;
    }
    const PtonResult v6 = inetPton(AddressFamily::IPv6, input);
    if (!v6.ok())
        return fail(v6.error.message);
    if (!isIPv4Mapped(v6.bytes)) {
        QString message
            = Tr::tr("%1 is not an IPv4-mapped address: that is ::ffff: followed by an IPv4 address (80 zero "
                     "bits, then 16 one bits)")
                  .arg(v6.canonical);
        if (v6.bytes.startsWith(QByteArray(12, '\0')))
            message += Tr::tr(". ::%1 is the old IPv4-compatible form, deprecated by RFC 4291; the mapped form is "
                              "::ffff:%1")
                           .arg(ipv4Text(rawBytes(v6.bytes) + 12));
        return fail(message);
    }
    r.ipv4 = v6.mappedIPv4;
    r.ipv6 = v6.canonical;
    r.ipv6Bytes = v6.bytes;
    r.explanation = mappedExplanation(r.ipv4);
    return r;
}

} // namespace swb::AddressTools
