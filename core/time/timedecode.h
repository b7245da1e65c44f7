#pragma once
// The decoding core of the Time query panel: RFC 868 time, SNTP v4 (RFC 4330) and RFC 867 daytime
// replies turned into steps a learner can follow, byte by byte. Pure functions, no sockets.

#include "trace/errorkind.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace swb {

// Seconds from 1900-01-01 to 1970-01-01 UTC: (70 * 365 + 17 leap days) * 86400.
constexpr qint64 kSecondsFrom1900To1970 = 2208988800LL;
// A 32-bit count of seconds since 1900 wraps every 2^32 s; era 1 starts at 2036-02-07 06:28:16 UTC.
constexpr qint64 kNtpEraSeconds = 4294967296LL;
constexpr qint64 kEra1StartUnixSeconds = kNtpEraSeconds - kSecondsFrom1900To1970; // 2085978496

// One line of a decoding: "Big-endian value" | "3914296700" | "Most significant byte first...".
struct DecodeStep {
    QString label;
    QString value;
    QString explanation;
};

// RFC 868: 4 bytes, seconds since 1900 as a big-endian unsigned 32-bit number.
struct TimeDecoding {
    SessionError error; // Protocol when the reply is not exactly 4 bytes
    QList<DecodeStep> steps; // in order; on an error only the bytes that came
    quint32 value = 0; // as struct.unpack("!I", data)[0]
    int era = 0; // 0: 1900-2036, 1: 2036-2172 (RFC 4330 section 3)
    qint64 unixSeconds = 0;
    QDateTime utc; // Qt::UTC
    QString utcText; // "2026-11-22 05:40:12 UTC"
    QString ctimeText; // local time as time.ctime() prints it: "Sun Nov 22 05:40:12 2026"
    qint64 differenceSeconds = 0; // server minus local clock: positive when the server is ahead
    QString differenceText;

    bool ok() const { return !error.isError(); }
};

// receivedUnixSeconds is the local clock when the reply came: the era that puts the time
// closest to it is chosen, so the decoding keeps working past the 2036 wrap-around.
TimeDecoding decodeRfc868(QByteArrayView reply, qint64 receivedUnixSeconds);

// The Unix time of a 32-bit seconds-since-1900 count, in the era (k * 2^32 added) closest to
// pivotUnixSeconds. era receives k when given.
qint64 unixSecondsFromNtpSeconds(quint32 ntpSeconds, qint64 pivotUnixSeconds, int *era = nullptr);

// 64-bit NTP timestamps: seconds since 1900 (mod 2^32) in the high 32 bits, fraction of a second
// in the low 32.
quint64 ntpTimestampFromMSecsSinceEpoch(qint64 msecs);
// RFC 4330 section 3: top bit set -> era 0 (1968-2036), clear -> era 1 (2036-2104).
qint64 unixMSecsFromNtpTimestamp(quint64 timestamp);

// A 48-byte SNTP v4 client request (LI 0, VN 4, mode 3) carrying transmitTimestamp (T1).
QByteArray makeSntpRequest(quint64 transmitTimestamp);

struct NtpTimestampText {
    quint64 raw = 0;
    QString hex; // "eeacfebc.80000000"
    QDateTime utc; // invalid for 0 ("not set")
    QString utcText; // "2026-11-22 05:40:12.500000 UTC" or "not set"
};

struct SntpDecoding {
    SessionError error; // Protocol: short, wrong mode, not our request, kiss-o'-death, unsynchronised
    QList<DecodeStep> fields; // every header field in wire order; empty when the reply is short
    QList<DecodeStep> steps; // offset and delay, formulas with the numbers filled in; only on success

    int leapIndicator = 0;
    int version = 0;
    int mode = 0;
    int stratum = 0;
    int poll = 0; // log2 seconds
    int precision = 0; // log2 seconds
    quint32 rootDelay = 0; // NTP short format, 16.16 seconds
    quint32 rootDispersion = 0;
    quint32 referenceIdRaw = 0;
    QString referenceId; // "GPS", "192.0.2.1" or the kiss code
    QString kissCode; // "RATE" when stratum is 0
    NtpTimestampText reference;
    NtpTimestampText originate; // T1 as the server echoes it
    NtpTimestampText receive; // T2
    NtpTimestampText transmit; // T3
    NtpTimestampText destination; // T4, the local clock when the reply came

    double offsetSeconds = 0; // theta: server clock minus local clock
    double delaySeconds = 0; // delta: round trip minus the server's own time
    QString offsetFormula; // "θ = ((T2 − T1) + (T3 − T4)) / 2 = ((…) + (…)) / 2 = 0.000123000 s"
    QString delayFormula;

    bool ok() const { return !error.isError(); }
};

// originateT1: the transmit timestamp of the request that was sent; destinationT4: the local clock
// when the reply came. Timestamps are read in the era closest to T4.
SntpDecoding decodeSntp(QByteArrayView reply, quint64 originateT1, quint64 destinationT4);

// RFC 867 fixes no format; these are the ones recognised.
enum class DaytimeFormat { Unknown, Nist, Ctime, Rfc1123, Iso8601 };

struct DaytimeDecoding {
    QString text; // as received, escaped (\r\n shown as such)
    DaytimeFormat format = DaytimeFormat::Unknown;
    QString formatName; // "NIST (ACTS)", "ctime", ...; empty when unknown
    QList<DecodeStep> steps; // the parts of the text, explained
    QDate date;
    QTime time;
    std::optional<int> utcOffsetSeconds; // empty: the server's local time, zone unknown
    QDateTime utc; // valid only when the zone is known
    QString note; // "not a format this tool knows; RFC 867 does not fix one" when unknown
};

DaytimeDecoding decodeDaytime(QByteArrayView reply);

} // namespace swb
