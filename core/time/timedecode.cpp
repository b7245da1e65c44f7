#include "time/timedecode.h"

#include "net/payloadcodec.h"
#include "server/behaviour.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QtEndian>

#include <cmath>
#include <cstdlib>

namespace swb {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(TimeDecode)
};

// Plurals spelled out: without a translator loaded, "%n byte(s)" would show as is.
QString byteCount(qsizetype n)
{
    return n == 1 ? Tr::tr("1 byte") : Tr::tr("%1 bytes").arg(QString::number(n));
}

// Offsets and delays are sums and differences of 64-bit signed fixed-point values (32.32); 128 bits
// hold them exactly whatever the timestamps are.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr quint32 kTopBit = 0x80000000U;
constexpr int kSntpSize = 48;
constexpr qint64 kSecondsPerYear = 31556952; // 365.2425 days
constexpr int kMaxHexShown = 64;

SessionError protocolError(const QString &message)
{
    SessionError error;
    error.kind = ErrorKind::Protocol;
    error.message = message;
    return error;
}

QString bytesText(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return Tr::tr("nothing");
    if (bytes.size() > kMaxHexShown)
        return PayloadCodec::toHex(bytes.first(kMaxHexShown).toByteArray()) + QStringLiteral(" \u2026");
    return PayloadCodec::toHex(bytes.toByteArray());
}

QString num(qint64 n)
{
    return QString::number(n); // QString::number never groups digits and ignores the locale
}

QString hex32(quint32 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

QString utcSecondsText(const QDateTime &utc)
{
    return QLocale::c().toString(utc, QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

// "+3 s", "-2 s", "0 s" with what it means.
QString differenceText(qint64 difference)
{
    if (difference == 0)
        return Tr::tr("0 s: the server and this computer agree to the second");
    if (difference > 0)
        return Tr::tr("+%1 s: the server is %1 s ahead of this computer").arg(num(difference));
    return Tr::tr("%1 s: the server is %2 s behind this computer").arg(num(difference), num(-difference));
}

// Seconds as a short readable duration: "0.954 µs", "64 s".
QString durationText(double seconds)
{
    const double magnitude = std::fabs(seconds);
    // From half a unit up, so that 2^-20 s reads "0.954 µs" rather than "954 ns".
    if (magnitude >= 0.5 || magnitude == 0)
        return QString::number(seconds, 'g', 6) + QStringLiteral(" s");
    if (magnitude >= 0.5e-3)
        return QString::number(seconds * 1e3, 'g', 3) + QStringLiteral(" ms");
    if (magnitude >= 0.5e-6)
        return QString::number(seconds * 1e6, 'g', 3) + QStringLiteral(" \u00b5s");
    return QString::number(seconds * 1e9, 'g', 3) + QStringLiteral(" ns");
}

// A 32.32 fixed-point number of seconds written out exactly to the nanosecond: "-0.000123000 s".
QString fixedSecondsText(Int128 fixed)
{
    const bool negative = fixed < 0;
    const UInt128 magnitude = negative ? UInt128(0) - static_cast<UInt128>(fixed) : static_cast<UInt128>(fixed);
    UInt128 seconds = magnitude >> 32;
    UInt128 nanos = ((magnitude & 0xffffffffU) * 1000000000U + (UInt128(1) << 31)) >> 32;
    if (nanos >= 1000000000U) {
        nanos -= 1000000000U;
        ++seconds;
    }
    // Up to 2^64 s fits in a quint64 after the shift; the sum of two differences is at most 2^64.
    const QString whole = seconds > UInt128(~quint64(0)) ? QStringLiteral("18446744073709551616")
                                                         : QString::number(static_cast<quint64>(seconds));
    const QString sign = negative && magnitude != 0 ? QStringLiteral("-") : QString();
    return sign + whole + QLatin1Char('.')
        + QStringLiteral("%1").arg(static_cast<quint64>(nanos), 9, 10, QLatin1Char('0')) + QStringLiteral(" s");
}

double fixedToDouble(Int128 fixed)
{
    return static_cast<double>(fixed) / 4294967296.0;
}

QString leapMeaning(int li)
{
    switch (li) {
    case 0:
        return Tr::tr("no warning");
    case 1:
        return Tr::tr("the last minute of today has 61 seconds (a leap second is added)");
    case 2:
        return Tr::tr("the last minute of today has 59 seconds (a leap second is removed)");
    default:
        return Tr::tr("alarm: the server's clock is not synchronised");
    }
}

QString modeName(int mode)
{
    switch (mode) {
    case 0:
        return Tr::tr("reserved");
    case 1:
        return Tr::tr("symmetric active");
    case 2:
        return Tr::tr("symmetric passive");
    case 3:
        return Tr::tr("client");
    case 4:
        return Tr::tr("server");
    case 5:
        return Tr::tr("broadcast");
    case 6:
        return Tr::tr("NTP control message");
    default:
        return Tr::tr("reserved for private use");
    }
}

QString stratumMeaning(int stratum)
{
    if (stratum == 0)
        return Tr::tr("kiss-o'-death or unspecified: the reference id holds a kiss code, not a time source");
    if (stratum == 1)
        return Tr::tr("primary reference: the server has its own clock source (GPS, radio, atomic clock)");
    if (stratum <= 15)
        return Tr::tr("secondary reference: %1 step(s) away from a primary server, synchronised by NTP")
            .arg(stratum - 1);
    if (stratum == 16)
        return Tr::tr("unsynchronised");
    return Tr::tr("reserved (not a valid stratum)");
}

struct Kiss {
    const char *code;
    const char *meaning;
};

// RFC 5905 section 7.4 (and RFC 4330 section 8).
const Kiss kKisses[] = {
    { "ACST", QT_TRANSLATE_NOOP("TimeDecode", "the association belongs to an anycast server") },
    { "AUTH", QT_TRANSLATE_NOOP("TimeDecode", "server authentication failed") },
    { "AUTO", QT_TRANSLATE_NOOP("TimeDecode", "Autokey sequence failed") },
    { "BCST", QT_TRANSLATE_NOOP("TimeDecode", "the association belongs to a broadcast server") },
    { "CRYP", QT_TRANSLATE_NOOP("TimeDecode", "cryptographic authentication or identification failed") },
    { "DENY", QT_TRANSLATE_NOOP("TimeDecode", "access denied by the server: stop asking this server") },
    { "DROP", QT_TRANSLATE_NOOP("TimeDecode", "lost peer in symmetric mode") },
    { "RSTR", QT_TRANSLATE_NOOP("TimeDecode", "access denied by a server restriction: stop asking this server") },
    { "INIT", QT_TRANSLATE_NOOP("TimeDecode", "the association has not yet synchronised for the first time") },
    { "MCST", QT_TRANSLATE_NOOP("TimeDecode", "the association belongs to a dynamically discovered server") },
    { "NKEY", QT_TRANSLATE_NOOP("TimeDecode", "no key found: the key was never installed or is not trusted") },
    { "RATE", QT_TRANSLATE_NOOP("TimeDecode", "rate exceeded: you asked too often; wait longer between requests") },
    { "RMOT", QT_TRANSLATE_NOOP("TimeDecode", "somebody is tinkering with the association from a remote host") },
    { "STEP", QT_TRANSLATE_NOOP("TimeDecode", "a step change in system time has occurred, not yet verified") },
};

QString kissMeaning(const QString &code)
{
    for (const Kiss &kiss : kKisses) {
        if (code == QLatin1String(kiss.code))
            return Tr::tr(kiss.meaning);
    }
    return Tr::tr("a kiss code this tool does not know");
}

struct RefSource {
    const char *code;
    const char *meaning;
};

const RefSource kRefSources[] = {
    { "GOES", QT_TRANSLATE_NOOP("TimeDecode", "Geosynchronous Orbit Environment Satellite") },
    { "GPS", QT_TRANSLATE_NOOP("TimeDecode", "Global Positioning System") },
    { "GAL", QT_TRANSLATE_NOOP("TimeDecode", "Galileo positioning system") },
    { "PPS", QT_TRANSLATE_NOOP("TimeDecode", "a generic pulse-per-second signal") },
    { "IRIG", QT_TRANSLATE_NOOP("TimeDecode", "Inter-Range Instrumentation Group time code") },
    { "WWVB", QT_TRANSLATE_NOOP("TimeDecode", "LF radio WWVB, Fort Collins, Colorado, 60 kHz") },
    { "DCF", QT_TRANSLATE_NOOP("TimeDecode", "LF radio DCF77, Mainflingen, Germany, 77.5 kHz") },
    { "HBG", QT_TRANSLATE_NOOP("TimeDecode", "LF radio HBG, Prangins, Switzerland, 75 kHz") },
    { "MSF", QT_TRANSLATE_NOOP("TimeDecode", "LF radio MSF, Anthorn, United Kingdom, 60 kHz") },
    { "JJY", QT_TRANSLATE_NOOP("TimeDecode", "LF radio JJY, Japan, 40 kHz and 60 kHz") },
    { "LORC", QT_TRANSLATE_NOOP("TimeDecode", "MF radio LORAN C station, 100 kHz") },
    { "TDF", QT_TRANSLATE_NOOP("TimeDecode", "MF radio Allouis, France, 162 kHz") },
    { "CHU", QT_TRANSLATE_NOOP("TimeDecode", "HF radio CHU, Ottawa, Ontario") },
    { "WWV", QT_TRANSLATE_NOOP("TimeDecode", "HF radio WWV, Fort Collins, Colorado") },
    { "WWVH", QT_TRANSLATE_NOOP("TimeDecode", "HF radio WWVH, Kauai, Hawaii") },
    { "NIST", QT_TRANSLATE_NOOP("TimeDecode", "NIST telephone modem") },
    { "ACTS", QT_TRANSLATE_NOOP("TimeDecode", "NIST telephone modem") },
    { "USNO", QT_TRANSLATE_NOOP("TimeDecode", "USNO telephone modem") },
    { "PTB", QT_TRANSLATE_NOOP("TimeDecode", "European telephone modem") },
    { "LOCL", QT_TRANSLATE_NOOP("TimeDecode", "the server's own local clock, not an outside reference") },
};

QString referenceSourceMeaning(const QString &code)
{
    for (const RefSource &source : kRefSources) {
        if (code == QLatin1String(source.code))
            return Tr::tr(source.meaning);
    }
    return Tr::tr("a reference source this tool does not know");
}

// The reference id of a stratum 0 or 1 reply: up to 4 ASCII characters, NUL-padded on the right.
QString referenceAscii(quint32 raw)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(raw, bytes.data());
    while (!bytes.isEmpty() && bytes.endsWith('\0'))
        bytes.chop(1);
    if (bytes.isEmpty())
        return QStringLiteral("\\0\\0\\0\\0");
    return PayloadCodec::toEscapedText(bytes);
}

QString ipv4Text(quint32 raw)
{
    return QStringLiteral("%1.%2.%3.%4").arg(raw >> 24).arg((raw >> 16) & 0xff).arg((raw >> 8) & 0xff).arg(raw & 0xff);
}

QString shortFormatText(quint32 raw)
{
    const double seconds = raw / 65536.0;
    return QStringLiteral("%1 = %2/65536 s = %3 ms")
        .arg(hex32(raw), num(raw), QString::number(seconds * 1000.0, 'g', 6));
}

// Ties the timestamps of one reply to calendar time: T4 is read by the RFC 4330 rule and every
// other timestamp in the era closest to it.
NtpTimestampText timestampText(quint64 raw, qint64 pivotUnixSeconds)
{
    NtpTimestampText text;
    text.raw = raw;
    text.hex = QStringLiteral("%1.%2")
                   .arg(static_cast<quint32>(raw >> 32), 8, 16, QLatin1Char('0'))
                   .arg(static_cast<quint32>(raw & 0xffffffffU), 8, 16, QLatin1Char('0'));
    if (raw == 0) {
        text.utcText = Tr::tr("0: not set");
        return text;
    }
    const qint64 seconds = unixSecondsFromNtpSeconds(static_cast<quint32>(raw >> 32), pivotUnixSeconds);
    const quint64 micros = ((raw & 0xffffffffU) * 1000000U) >> 32;
    text.utc = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).addMSecs(qint64(micros / 1000));
    text.utcText
        = QLocale::c().toString(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(".%1 UTC").arg(micros, 6, 10, QLatin1Char('0'));
    return text;
}

qint64 rfc4330UnixSeconds(quint64 timestamp)
{
    const auto seconds = static_cast<quint32>(timestamp >> 32);
    const qint64 era = (seconds & kTopBit) ? 0 : 1;
    return qint64(seconds) - kSecondsFrom1900To1970 + era * kNtpEraSeconds;
}

// 2^n seconds for a signed 8-bit exponent.
QString powerOfTwoText(int exponent)
{
    return QStringLiteral("%1 (2^%1 s \u2248 %2)").arg(exponent).arg(durationText(std::ldexp(1.0, exponent)));
}

} // namespace

qint64 unixSecondsFromNtpSeconds(quint32 ntpSeconds, qint64 pivotUnixSeconds, int *era)
{
    // Keep the arithmetic far from overflow; no clock of interest is a million years away.
    constexpr qint64 kLimit = qint64(1) << 45;
    const qint64 pivot = qBound(-kLimit, pivotUnixSeconds, kLimit);
    const qint64 base = qint64(ntpSeconds) - kSecondsFrom1900To1970;
    const qint64 k = floorDiv(pivot - base + kNtpEraSeconds / 2, kNtpEraSeconds);
    if (era)
        *era = int(k);
    return base + k * kNtpEraSeconds;
}

quint64 ntpTimestampFromMSecsSinceEpoch(qint64 msecs)
{
    const qint64 seconds = floorDiv(msecs, 1000);
    const qint64 millis = msecs - seconds * 1000;
    const auto ntpSeconds = static_cast<quint32>(static_cast<quint64>(seconds + kSecondsFrom1900To1970));
    // Rounded up, so that reading the timestamp back to whole milliseconds (rounding down) gives msecs.
    const quint64 fraction = ((static_cast<quint64>(millis) << 32) + 999U) / 1000U;
    return (quint64(ntpSeconds) << 32) | fraction;
}

qint64 unixMSecsFromNtpTimestamp(quint64 timestamp)
{
    const quint64 millis = ((timestamp & 0xffffffffU) * 1000U) >> 32;
    return rfc4330UnixSeconds(timestamp) * 1000 + qint64(millis);
}

TimeDecoding decodeRfc868(QByteArrayView reply, qint64 receivedUnixSeconds)
{
    TimeDecoding d;
    d.steps.append({ Tr::tr("Reply bytes"), bytesText(reply),
        Tr::tr("%1 came; RFC 868 sends exactly 4: the seconds since 1900-01-01 00:00:00 UTC.")
            .arg(byteCount(reply.size())) });
    if (reply.size() != 4) {
        d.error = protocolError(
            Tr::tr("Wrong-sized reply: %1 bytes (%2) instead of 4").arg(num(reply.size()), bytesText(reply)));
        return d;
    }

    d.value = qFromBigEndian<quint32>(reply.data());
    d.steps.append({ Tr::tr("Big-endian unsigned 32-bit value"), num(d.value),
        Tr::tr("The first byte is the most significant (network byte order), as Python's "
               "struct.unpack(\"!I\", data)[0] reads it: %1 = %2 seconds since 1900.")
            .arg(hex32(d.value), num(d.value)) });

    d.unixSeconds = unixSecondsFromNtpSeconds(d.value, receivedUnixSeconds, &d.era);
    const QString subtraction = d.era == 0
        ? QStringLiteral("%1 \u2212 %2 = %3").arg(num(d.value), num(kSecondsFrom1900To1970), num(d.unixSeconds))
        : QStringLiteral("%1 + %2 \u00d7 %3 \u2212 %4 = %5")
              .arg(num(d.value), num(d.era), num(kNtpEraSeconds), num(kSecondsFrom1900To1970), num(d.unixSeconds));
    d.steps.append({ Tr::tr("Minus 2208988800"), subtraction,
        Tr::tr("2208988800 is the number of seconds from 1900 to 1970: 70 years of 365 days plus 17 leap days, "
               "times 86400 seconds a day.") });
    d.steps.append({ Tr::tr("Unix time"), num(d.unixSeconds),
        Tr::tr("Seconds since 1970-01-01 00:00:00 UTC, the count time.time() and time.ctime() work with.") });

    d.utc = QDateTime::fromSecsSinceEpoch(d.unixSeconds, Qt::UTC);
    d.utcText = utcSecondsText(d.utc);
    d.steps.append(
        { Tr::tr("UTC"), d.utcText, Tr::tr("The same instant as a date and time in Coordinated Universal Time.") });

    d.ctimeText = QString::fromLatin1(pythonCtime(d.utc));
    d.steps.append({ Tr::tr("Local time (ctime)"), d.ctimeText,
        Tr::tr("As C's ctime() and Python's time.ctime() print it, in this computer's time zone.") });

    // The wrap-around: near a boundary or past one, say how the era was chosen.
    if (d.era != 0 || std::llabs(d.unixSeconds - kEra1StartUnixSeconds) < kSecondsPerYear) {
        d.steps.append({ Tr::tr("2036 wrap-around"), Tr::tr("era %1").arg(d.era),
            Tr::tr("A 32-bit count of seconds since 1900 runs out on 2036-02-07 06:28:16 UTC and starts again at 0. "
                   "The value alone cannot tell the two apart, so the era (%1 added, %2 times) was chosen that puts "
                   "the time closest to this computer's clock, as RFC 4330 section 3 suggests.")
                .arg(num(kNtpEraSeconds), num(d.era)) });
    }

    d.differenceSeconds = d.unixSeconds - receivedUnixSeconds;
    d.differenceText = differenceText(d.differenceSeconds);
    d.steps.append({ Tr::tr("Difference from the local clock"), d.differenceText,
        Tr::tr("Server time minus this computer's clock when the reply came; RFC 868 counts whole seconds, so "
               "\u00b1"
               "1 s is as close as it can tell, and the network delay is included.") });
    return d;
}

QByteArray makeSntpRequest(quint64 transmitTimestamp)
{
    QByteArray request(kSntpSize, '\0');
    request[0] = static_cast<char>((0 << 6) | (4 << 3) | 3); // LI 0, VN 4, mode 3 (client)
    qToBigEndian(transmitTimestamp, request.data() + 40);
    return request;
}

SntpDecoding decodeSntp(QByteArrayView reply, quint64 originateT1, quint64 destinationT4)
{
    SntpDecoding d;
    if (reply.size() < kSntpSize) {
        d.error = protocolError(Tr::tr("Short reply: %1 bytes (%2) instead of at least 48; an SNTP header is 48 bytes")
                                    .arg(num(reply.size()), bytesText(reply)));
        return d;
    }
    const auto *bytes = reinterpret_cast<const uchar *>(reply.data());
    d.leapIndicator = bytes[0] >> 6;
    d.version = (bytes[0] >> 3) & 0x07;
    d.mode = bytes[0] & 0x07;
    d.stratum = bytes[1];
    d.poll = static_cast<qint8>(bytes[2]);
    d.precision = static_cast<qint8>(bytes[3]);
    d.rootDelay = qFromBigEndian<quint32>(bytes + 4);
    d.rootDispersion = qFromBigEndian<quint32>(bytes + 8);
    d.referenceIdRaw = qFromBigEndian<quint32>(bytes + 12);

    const qint64 pivot = rfc4330UnixSeconds(destinationT4);
    d.reference = timestampText(qFromBigEndian<quint64>(bytes + 16), pivot);
    d.originate = timestampText(qFromBigEndian<quint64>(bytes + 24), pivot);
    d.receive = timestampText(qFromBigEndian<quint64>(bytes + 32), pivot);
    d.transmit = timestampText(qFromBigEndian<quint64>(bytes + 40), pivot);
    d.destination = timestampText(destinationT4, pivot);

    if (d.stratum == 0) {
        d.kissCode = referenceAscii(d.referenceIdRaw);
        d.referenceId = d.kissCode;
    } else if (d.stratum == 1) {
        d.referenceId = referenceAscii(d.referenceIdRaw);
    } else {
        d.referenceId = ipv4Text(d.referenceIdRaw);
    }

    d.fields.append({ Tr::tr("Leap indicator (LI)"), num(d.leapIndicator), leapMeaning(d.leapIndicator) });
    d.fields.append({ Tr::tr("Version (VN)"), num(d.version),
        d.version == 4 || d.version == 3 ? Tr::tr("NTP/SNTP version %1").arg(d.version)
                                         : Tr::tr("version %1: not one SNTP clients expect (3 or 4)").arg(d.version) });
    d.fields.append({ Tr::tr("Mode"), QStringLiteral("%1 (%2)").arg(num(d.mode), modeName(d.mode)),
        Tr::tr("A server answers a client's request (mode 3) with mode 4; mode 5 is a broadcast nobody asked for.") });
    d.fields.append({ Tr::tr("Stratum"), num(d.stratum), stratumMeaning(d.stratum) });
    d.fields.append({ Tr::tr("Poll"), powerOfTwoText(d.poll),
        Tr::tr("The longest interval between requests the server suggests, as a power of two seconds.") });
    d.fields.append({ Tr::tr("Precision"), powerOfTwoText(d.precision),
        Tr::tr("How finely the server's clock can be read, as a power of two seconds.") });
    d.fields.append({ Tr::tr("Root delay"), shortFormatText(d.rootDelay),
        Tr::tr("Round-trip time to the primary reference, in NTP short format (16 bits of seconds, 16 of "
               "fraction).") });
    d.fields.append({ Tr::tr("Root dispersion"), shortFormatText(d.rootDispersion),
        Tr::tr("The largest error the server admits relative to the primary reference, in NTP short format.") });
    QString referenceExplanation;
    if (d.stratum == 0)
        referenceExplanation = Tr::tr("Kiss code %1: %2.").arg(d.kissCode, kissMeaning(d.kissCode));
    else if (d.stratum == 1)
        referenceExplanation = Tr::tr("For stratum 1, up to 4 ASCII characters naming the clock source: %1.")
                                   .arg(referenceSourceMeaning(d.referenceId));
    else
        referenceExplanation
            = Tr::tr("For stratum 2 and above, the IPv4 address of the server this one synchronises to "
                     "(for an IPv6 server, the first 4 bytes of the MD5 hash of its address).");
    d.fields.append({ Tr::tr("Reference id"), QStringLiteral("%1 (%2)").arg(d.referenceId, hex32(d.referenceIdRaw)),
        referenceExplanation });
    const auto timestampField = [](const QString &label, const NtpTimestampText &ts, const QString &explanation) {
        return DecodeStep { label, ts.hex + QStringLiteral(" = ") + ts.utcText, explanation };
    };
    d.fields.append(timestampField(
        Tr::tr("Reference timestamp"), d.reference, Tr::tr("When the server's clock was last set or corrected.")));
    d.fields.append(timestampField(Tr::tr("Originate timestamp (T1)"), d.originate,
        Tr::tr("The transmit timestamp of the request, copied back by the server so the client knows which request "
               "this answers.")));
    d.fields.append(timestampField(
        Tr::tr("Receive timestamp (T2)"), d.receive, Tr::tr("The server's clock when the request arrived.")));
    d.fields.append(timestampField(
        Tr::tr("Transmit timestamp (T3)"), d.transmit, Tr::tr("The server's clock when the reply left.")));
    if (reply.size() > kSntpSize) {
        d.fields.append({ Tr::tr("Extensions"), byteCount(reply.size() - kSntpSize),
            Tr::tr("Extension fields or a message authentication code after the 48-byte header; not decoded here.") });
    }

    if (d.mode != 4 && d.mode != 5) {
        d.error = protocolError(
            Tr::tr("Not a server reply: mode %1 (%2) instead of 4 (server)").arg(num(d.mode), modeName(d.mode)));
        return d;
    }
    if (d.mode == 4 && d.originate.raw != originateT1) {
        d.error = protocolError(Tr::tr("Not the answer to this request: the originate timestamp %1 is not the transmit "
                                       "timestamp that was sent (%2); it answers someone else's request, or is forged")
                                    .arg(d.originate.hex, timestampText(originateT1, pivot).hex));
        return d;
    }
    if (d.stratum == 0) {
        d.error = protocolError(Tr::tr("Kiss-o'-death %1 (stratum 0): %2. The reply carries no time to use.")
                                    .arg(d.kissCode, kissMeaning(d.kissCode)));
        return d;
    }
    if (d.leapIndicator == 3) {
        d.error
            = protocolError(Tr::tr("The server's clock is not synchronised (leap indicator 3, alarm); RFC 4330 says "
                                   "to discard such a reply"));
        return d;
    }
    if (d.stratum > 15) {
        d.error = protocolError(
            Tr::tr("The server is unsynchronised (stratum %1); RFC 4330 says to discard such a reply").arg(d.stratum));
        return d;
    }
    if (d.transmit.raw == 0) {
        d.error = protocolError(Tr::tr("The transmit timestamp is 0: the server did not say when it sent the reply"));
        return d;
    }

    // RFC 5905 section 8: differences of timestamps less than 68 years apart are right in 64-bit two's
    // complement arithmetic, whatever era each one is in.
    const auto difference = [](quint64 a, quint64 b) { return Int128(static_cast<qint64>(a - b)); };
    const quint64 t1 = originateT1;
    const quint64 t2 = d.receive.raw;
    const quint64 t3 = d.transmit.raw;
    const quint64 t4 = destinationT4;
    d.steps.append(
        { Tr::tr("T1"), timestampText(t1, pivot).utcText, Tr::tr("This computer's clock when the request left.") });
    d.steps.append({ Tr::tr("T2"), d.receive.utcText, Tr::tr("The server's clock when the request arrived.") });
    d.steps.append({ Tr::tr("T3"), d.transmit.utcText, Tr::tr("The server's clock when the reply left.") });
    d.steps.append({ Tr::tr("T4"), d.destination.utcText, Tr::tr("This computer's clock when the reply came.") });

    if (d.mode == 5) {
        const Int128 offset = difference(t3, t4);
        d.offsetSeconds = fixedToDouble(offset);
        d.delaySeconds = 0;
        d.offsetFormula = QStringLiteral("\u03b8 \u2248 T3 \u2212 T4 = %1").arg(fixedSecondsText(offset));
        d.delayFormula = Tr::tr("\u03b4 unknown: a broadcast answers no request, so the delay is taken as 0");
    } else {
        const Int128 d21 = difference(t2, t1);
        const Int128 d34 = difference(t3, t4);
        const Int128 d41 = difference(t4, t1);
        const Int128 d32 = difference(t3, t2);
        const Int128 offset = (d21 + d34) / 2;
        const Int128 delay = d41 - d32;
        d.offsetSeconds = fixedToDouble(offset);
        d.delaySeconds = fixedToDouble(delay);
        d.offsetFormula = QStringLiteral("\u03b8 = ((T2 \u2212 T1) + (T3 \u2212 T4)) / 2 = ((%1) + (%2)) / 2 = %3")
                              .arg(fixedSecondsText(d21), fixedSecondsText(d34), fixedSecondsText(offset));
        d.delayFormula = QStringLiteral("\u03b4 = (T4 \u2212 T1) \u2212 (T3 \u2212 T2) = (%1) \u2212 (%2) = %3")
                             .arg(fixedSecondsText(d41), fixedSecondsText(d32), fixedSecondsText(delay));
    }
    d.steps.append({ Tr::tr("Offset \u03b8"), d.offsetFormula,
        Tr::tr("How far this computer's clock is behind the server's (negative: ahead), assuming the request and "
               "the reply took equally long.") });
    d.steps.append({ Tr::tr("Delay \u03b4"), d.delayFormula,
        Tr::tr("The round trip on the network: the whole wait minus the time the server held the request.") });
    d.steps.append({ Tr::tr("Server clock vs local clock"),
        QStringLiteral("%1 / %2").arg(d.transmit.utcText, d.destination.utcText),
        Tr::tr("The server's transmit time beside this computer's clock when the reply came; the offset \u03b8 "
               "is the better measure of the difference, since it takes the network delay out.") });
    return d;
}

namespace {

const char *const kWeekdays[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
const char *const kMonths[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

int monthNumber(const QString &name)
{
    for (int i = 0; i < 12; ++i) {
        if (name == QLatin1String(kMonths[i]))
            return i + 1;
    }
    return 0;
}

int weekdayNumber(const QString &name)
{
    for (int i = 0; i < 7; ++i) {
        if (name == QLatin1String(kWeekdays[i]))
            return i + 1;
    }
    return 0;
}

// Fills date, time and zone; false when the fields make no valid date and time.
bool setDateTime(
    DaytimeDecoding &d, int year, int month, int day, int hour, int minute, int second, std::optional<int> offset)
{
    const QDate date(year, month, day);
    // 60 seconds happens at a leap second; Qt's QTime has no such time, so it reads as 59.
    const QTime time(hour, minute, second == 60 ? 59 : second);
    if (!date.isValid() || !time.isValid())
        return false;
    d.date = date;
    d.time = time;
    d.utcOffsetSeconds = offset;
    if (offset)
        d.utc = QDateTime(date, time, Qt::OffsetFromUTC, *offset).toUTC();
    return true;
}

QString dateTimeText(const DaytimeDecoding &d)
{
    return QLocale::c().toString(d.date, QStringLiteral("yyyy-MM-dd")) + QLatin1Char(' ')
        + QLocale::c().toString(d.time, QStringLiteral("HH:mm:ss"));
}

bool weekdayMatches(const DaytimeDecoding &d, const QString &weekday)
{
    return weekday.isEmpty() || weekdayNumber(weekday) == d.date.dayOfWeek();
}

void addResultSteps(DaytimeDecoding &d)
{
    if (d.utcOffsetSeconds) {
        d.steps.append({ Tr::tr("UTC"), utcSecondsText(d.utc), Tr::tr("The time the server sent, in UTC.") });
    } else {
        d.steps.append({ Tr::tr("Server's local time"), dateTimeText(d),
            Tr::tr("The text names no time zone: this is the server's local time, whatever zone that is.") });
    }
}

bool parseNist(DaytimeDecoding &d, const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{5}) (\\d{2})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{2}) (\\d) (\\d) +(\\d+(?:\\.\\d+)?) "
        "UTC\\(NIST\\) ?([*#])?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    const int mjd = m.captured(1).toInt();
    // The two-digit year is read from the MJD's century: MJD 51544 is 2000-01-01.
    const QDate fromMjd = QDate::fromJulianDay(qint64(mjd) + 2400001);
    const int yy = m.captured(2).toInt();
    const int year = fromMjd.year() - fromMjd.year() % 100 + yy;
    if (!setDateTime(d, year, m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt(),
            m.captured(6).toInt(), m.captured(7).toInt(), 0))
        return false;
    d.format = DaytimeFormat::Nist;
    d.formatName = Tr::tr("NIST (ACTS)");
    const qint64 dateMjd = d.date.toJulianDay() - 2400001;
    d.steps.append({ Tr::tr("JJJJJ"), m.captured(1),
        dateMjd == mjd ? Tr::tr("The Modified Julian Date: days since 1858-11-17; it matches the date.")
                       : Tr::tr("The Modified Julian Date: days since 1858-11-17; the date says %1, so the two "
                                "disagree.")
                             .arg(num(dateMjd)) });
    d.steps.append({ Tr::tr("YY-MM-DD HH:MM:SS"),
        QStringLiteral("%1-%2-%3 %4:%5:%6")
            .arg(m.captured(2), m.captured(3), m.captured(4), m.captured(5), m.captured(6), m.captured(7)),
        Tr::tr("The date (two-digit year) and the time, in UTC.") });
    const int tt = m.captured(8).toInt();
    QString ttMeaning;
    if (tt == 0)
        ttMeaning = Tr::tr("standard time is in effect in the USA");
    else if (tt == 50)
        ttMeaning = Tr::tr("daylight saving time is in effect in the USA");
    else if (tt < 50)
        ttMeaning = Tr::tr("daylight saving time starts in the USA in %1 day(s)").arg(tt);
    else
        ttMeaning = Tr::tr("standard time returns in the USA in %1 day(s)").arg(tt - 50);
    d.steps.append({ Tr::tr("TT"), m.captured(8), Tr::tr("Daylight saving time code: %1.").arg(ttMeaning) });
    const int leap = m.captured(9).toInt();
    const QString leapText = leap == 0 ? Tr::tr("no leap second is due this month")
        : leap == 1                    ? Tr::tr("a leap second will be added at the end of the month")
        : leap == 2                    ? Tr::tr("a leap second will be removed at the end of the month")
                                       : Tr::tr("an unknown code");
    d.steps.append({ Tr::tr("L"), m.captured(9), Tr::tr("Leap second: %1.").arg(leapText) });
    const int health = m.captured(10).toInt();
    const QString healthText = health == 0 ? Tr::tr("healthy")
        : health == 1                      ? Tr::tr("the time may be off by up to 5 s")
        : health == 2                      ? Tr::tr("the time may be off by more than 5 s")
        : health == 4                      ? Tr::tr("hardware or software failure")
                                           : Tr::tr("not healthy (code not known to this tool)");
    d.steps.append({ Tr::tr("H"), m.captured(10), Tr::tr("Server health: %1.").arg(healthText) });
    d.steps.append({ Tr::tr("msADV"), m.captured(11),
        Tr::tr("Milliseconds the time was sent early to make up for the expected network delay.") });
    d.steps.append(
        { Tr::tr("UTC(NIST)"), QStringLiteral("UTC(NIST)"), Tr::tr("The time scale: UTC as NIST keeps it.") });
    if (!m.captured(12).isEmpty()) {
        d.steps.append({ Tr::tr("OTM"), m.captured(12),
            Tr::tr("The on-time marker: the moment the text was sent is the time given (plus msADV).") });
    }
    addResultSteps(d);
    return true;
}

bool parseCtime(DaytimeDecoding &d, const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \\d]?\\d) "
                       "(\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    if (!setDateTime(d, m.captured(7).toInt(), monthNumber(m.captured(2)), m.captured(3).trimmed().toInt(),
            m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), std::nullopt))
        return false;
    d.format = DaytimeFormat::Ctime;
    d.formatName = Tr::tr("ctime");
    d.steps.append({ Tr::tr("Format"), QStringLiteral("Www Mmm dd hh:mm:ss yyyy"),
        Tr::tr("What C's ctime() and Python's time.ctime() print (the lab's daytime server sends this).") });
    d.steps.append({ Tr::tr("Weekday"), m.captured(1),
        weekdayMatches(d, m.captured(1)) ? Tr::tr("Matches the date.") : Tr::tr("Does not match the date.") });
    d.steps.append({ Tr::tr("Date"), QLocale::c().toString(d.date, QStringLiteral("yyyy-MM-dd")),
        Tr::tr("Month name in English, day of the month padded with a space.") });
    d.steps.append({ Tr::tr("Time"), QLocale::c().toString(d.time, QStringLiteral("HH:mm:ss")),
        Tr::tr("Hours, minutes, seconds.") });
    addResultSteps(d);
    return true;
}

std::optional<int> zoneOffset(const QString &zone)
{
    if (zone == QLatin1String("GMT") || zone == QLatin1String("UT") || zone == QLatin1String("UTC")
        || zone == QLatin1String("Z"))
        return 0;
    if (zone.size() == 5 || (zone.size() == 6 && zone.at(3) == QLatin1Char(':'))) {
        const int sign = zone.at(0) == QLatin1Char('-') ? -1 : 1;
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.right(2).toInt();
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        return sign * (hours * 3600 + minutes * 60);
    }
    return std::nullopt;
}

bool parseRfc1123(DaytimeDecoding &d, const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
        "(\\d{4}|\\d{2}) (\\d{2}):(\\d{2})(?::(\\d{2}))? (GMT|UTC|UT|Z|[+-]\\d{4})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    int year = m.captured(4).toInt();
    if (m.captured(4).size() == 2)
        year += year < 50 ? 2000 : 1900; // RFC 2822 section 4.3
    const std::optional<int> offset = zoneOffset(m.captured(8));
    if (!offset
        || !setDateTime(d, year, monthNumber(m.captured(3)), m.captured(2).toInt(), m.captured(5).toInt(),
            m.captured(6).toInt(), m.captured(7).toInt(), offset))
        return false;
    d.format = DaytimeFormat::Rfc1123;
    d.formatName = Tr::tr("RFC 822/1123");
    d.steps.append({ Tr::tr("Format"), QStringLiteral("Www, dd Mmm yyyy hh:mm:ss zone"),
        Tr::tr("The date format of e-mail and HTTP headers (RFC 822, RFC 1123).") });
    if (!m.captured(1).isEmpty()) {
        d.steps.append({ Tr::tr("Weekday"), m.captured(1),
            weekdayMatches(d, m.captured(1)) ? Tr::tr("Matches the date.") : Tr::tr("Does not match the date.") });
    }
    d.steps.append({ Tr::tr("Date and time"), dateTimeText(d), Tr::tr("As written, in the zone that follows.") });
    d.steps.append({ Tr::tr("Zone"), m.captured(8), Tr::tr("%1 s from UTC.").arg(*offset) });
    addResultSteps(d);
    return true;
}

bool parseIso8601(DaytimeDecoding &d, const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)? ?(Z|UTC|[+-]\\d{2}:?\\d{2})?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    std::optional<int> offset;
    if (!m.captured(8).isEmpty()) {
        offset = zoneOffset(m.captured(8));
        if (!offset)
            return false;
    }
    if (!setDateTime(d, m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
            m.captured(5).toInt(), m.captured(6).toInt(), offset))
        return false;
    d.format = DaytimeFormat::Iso8601;
    d.formatName = Tr::tr("ISO 8601");
    d.steps.append({ Tr::tr("Format"), QStringLiteral("yyyy-MM-ddThh:mm:ss[.fff][zone]"),
        Tr::tr("The international date format: biggest unit first.") });
    d.steps.append({ Tr::tr("Date and time"), dateTimeText(d),
        m.captured(7).isEmpty() ? Tr::tr("As written.")
                                : Tr::tr("As written; the fraction %1 is left out.").arg(m.captured(7)) });
    d.steps.append({ Tr::tr("Zone"), m.captured(8).isEmpty() ? Tr::tr("none") : m.captured(8),
        offset ? Tr::tr("%1 s from UTC.").arg(*offset) : Tr::tr("No zone given.") });
    addResultSteps(d);
    return true;
}

} // namespace

DaytimeDecoding decodeDaytime(QByteArrayView reply)
{
    DaytimeDecoding d;
    const QByteArray bytes = reply.toByteArray();
    d.text = PayloadCodec::toEscapedText(bytes);
    d.steps.append({ Tr::tr("Text as received"), bytes.isEmpty() ? Tr::tr("nothing") : d.text,
        Tr::tr("%1; \\r\\n and other control characters shown as escapes.").arg(byteCount(bytes.size())) });
    // NIST puts a newline before and after the line; most servers end it with \r\n.
    const QString text = QString::fromUtf8(bytes).trimmed();
    if (parseNist(d, text) || parseCtime(d, text) || parseRfc1123(d, text) || parseIso8601(d, text))
        return d;
    d.note = Tr::tr("Not a format this tool knows; RFC 867 does not fix one.");
    d.steps.append({ Tr::tr("Format"), Tr::tr("unknown"), d.note });
    return d;
}

} // namespace swb
