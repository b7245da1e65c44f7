// The time protocol decoders with known byte strings: RFC 868 around 1900, 1970, today and the
// 2036 wrap-around, wrong sizes; SNTP replies built here and by the lab's server, offsets and
// delays with exact values, kiss-o'-death and the other refusals; daytime texts in each format.

#include "net/endpoint.h"
#include "net/payloadcodec.h"
#include "server/behaviours/daytimebehaviour.h"
#include "server/behaviours/sntpbehaviour.h"
#include "server/behaviours/timebehaviour.h"
#include "time/timedecode.h"

#include <QDateTime>
#include <QTest>
#include <QtEndian>

#include <ctime>
#include <limits>

using namespace swb;

namespace {

constexpr qint64 k2026 = 1795326012; // 2026-11-22 05:40:12 UTC
constexpr quint32 k2026Ntp = 0xeeacfebc;

QByteArray be32(quint32 v)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(v, bytes.data());
    return bytes;
}

quint64 ts(quint32 seconds, quint32 fraction)
{
    return (quint64(seconds) << 32) | fraction;
}

struct SntpFields {
    int li = 0;
    int vn = 4;
    int mode = 4;
    int stratum = 1;
    qint8 poll = 6;
    qint8 precision = -20;
    quint32 rootDelay = 0x00018000;
    quint32 rootDispersion = 0x00000010;
    QByteArray refId = QByteArray("GPS\0", 4);
    quint64 reference = 0;
    quint64 originate = 0;
    quint64 receive = 0;
    quint64 transmit = 0;
};

QByteArray sntpReply(const SntpFields &f)
{
    QByteArray reply(48, '\0');
    reply[0] = static_cast<char>((f.li << 6) | (f.vn << 3) | f.mode);
    reply[1] = static_cast<char>(f.stratum);
    reply[2] = static_cast<char>(f.poll);
    reply[3] = static_cast<char>(f.precision);
    qToBigEndian(f.rootDelay, reply.data() + 4);
    qToBigEndian(f.rootDispersion, reply.data() + 8);
    reply.replace(12, 4, f.refId.left(4));
    qToBigEndian(f.reference, reply.data() + 16);
    qToBigEndian(f.originate, reply.data() + 24);
    qToBigEndian(f.receive, reply.data() + 32);
    qToBigEndian(f.transmit, reply.data() + 40);
    return reply;
}

// A good reply to a request sent at T1 = 2026-11-22 05:40:12.0: the server is 1 s ahead and the
// network took 0.5 s for the round trip.
const quint64 kT1 = ts(k2026Ntp, 0);
const quint64 kT2 = ts(k2026Ntp + 1, 0x40000000); // .25
const quint64 kT3 = ts(k2026Ntp + 1, 0x80000000); // .5
const quint64 kT4 = ts(k2026Ntp, 0xc0000000); // .75

SntpFields goodFields()
{
    SntpFields f;
    f.reference = ts(k2026Ntp - 16, 0);
    f.originate = kT1;
    f.receive = kT2;
    f.transmit = kT3;
    return f;
}

QString fieldValue(const SntpDecoding &d, const QString &label)
{
    for (const DecodeStep &step : d.fields) {
        if (step.label == label)
            return step.value;
    }
    return QStringLiteral("<no field %1>").arg(label);
}

} // namespace

class TestTimeDecode : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc868_data();
    void rfc868();
    void rfc868Steps();
    void rfc868WrongSize_data();
    void rfc868WrongSize();
    void rfc868Lab();
    void era_data();
    void era();
    void ntpTimestampFromMSecs_data();
    void ntpTimestampFromMSecs();
    void sntpRequest();
    void sntpFields();
    void sntpOffsetDelay_data();
    void sntpOffsetDelay();
    void sntpErrors_data();
    void sntpErrors();
    void sntpReferenceId_data();
    void sntpReferenceId();
    void sntpLab();
    void daytime_data();
    void daytime();
    void daytimeLab();
};

void TestTimeDecode::initTestCase()
{
    // ctime() text is local time: fix the zone so the expected strings hold on any machine.
    qputenv("TZ", "UTC");
    tzset();
}

void TestTimeDecode::rfc868_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<qint64>("received");
    QTest::addColumn<quint32>("value");
    QTest::addColumn<int>("era");
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("ctime");
    QTest::addColumn<bool>("wrapNote");

    QTest::newRow("0 in 1900") << be32(0) << qint64(-2208988800) << quint32(0) << 0 << qint64(-2208988800)
                               << "1900-01-01 00:00:00 UTC"
                               << "Mon Jan  1 00:00:00 1900" << false;
    QTest::newRow("2208988800 is 1970") << be32(2208988800U) << k2026 << quint32(2208988800U) << 0 << qint64(0)
                                        << "1970-01-01 00:00:00 UTC"
                                        << "Thu Jan  1 00:00:00 1970" << false;
    QTest::newRow("2024") << QByteArray::fromHex("e94f6d7c") << qint64(1705307900) << quint32(3914296700U) << 0
                          << qint64(1705307900) << "2024-01-15 08:38:20 UTC"
                          << "Mon Jan 15 08:38:20 2024" << false;
    QTest::newRow("2026") << QByteArray::fromHex("eeacfebc") << k2026 + 3 << quint32(4004314812U) << 0 << k2026
                          << "2026-11-22 05:40:12 UTC"
                          << "Sun Nov 22 05:40:12 2026" << false;
    QTest::newRow("top bit clear, clock in 1990") << be32(0x7fffffff) << qint64(631152000) << quint32(0x7fffffff) << 0
                                                  << qint64(-61505153) << "1968-01-20 03:14:07 UTC"
                                                  << "Sat Jan 20 03:14:07 1968" << false;
    QTest::newRow("last second of era 0") << be32(0xffffffff) << qint64(2085978495) << quint32(0xffffffff) << 0
                                          << qint64(2085978495) << "2036-02-07 06:28:15 UTC"
                                          << "Thu Feb  7 06:28:15 2036" << true;
    QTest::newRow("last second of era 0, clock just past")
        << be32(0xffffffff) << qint64(2085978500) << quint32(0xffffffff) << 0 << qint64(2085978495)
        << "2036-02-07 06:28:15 UTC"
        << "Thu Feb  7 06:28:15 2036" << true;
    QTest::newRow("0 with a clock in 2036 is era 1")
        << be32(0) << qint64(2085978596) << quint32(0) << 1 << qint64(2085978496) << "2036-02-07 06:28:16 UTC"
        << "Thu Feb  7 06:28:16 2036" << true;
    QTest::newRow("0 with a clock in 2026 is also era 1")
        << be32(0) << k2026 << quint32(0) << 1 << qint64(2085978496) << "2036-02-07 06:28:16 UTC"
        << "Thu Feb  7 06:28:16 2036" << true;
    QTest::newRow("2040 in era 1") << be32(0x0754fd00) << qint64(2208988800 + 5) << quint32(0x0754fd00) << 1
                                   << qint64(2208988800) << "2040-01-01 00:00:00 UTC"
                                   << "Sun Jan  1 00:00:00 2040" << true;
}

void TestTimeDecode::rfc868()
{
    QFETCH(QByteArray, reply);
    QFETCH(qint64, received);
    QFETCH(quint32, value);
    QFETCH(int, era);
    QFETCH(qint64, unixSeconds);
    QFETCH(QString, utc);
    QFETCH(QString, ctime);
    QFETCH(bool, wrapNote);

    const TimeDecoding d = decodeRfc868(reply, received);
    QVERIFY2(d.ok(), qPrintable(d.error.message));
    QCOMPARE(d.error.kind, ErrorKind::None);
    QCOMPARE(d.value, value);
    QCOMPARE(d.era, era);
    QCOMPARE(d.unixSeconds, unixSeconds);
    QCOMPARE(d.utc, QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC));
    QCOMPARE(d.utcText, utc);
    QCOMPARE(d.ctimeText, ctime);
    QCOMPARE(d.differenceSeconds, unixSeconds - received);

    bool noted = false;
    for (const DecodeStep &step : d.steps) {
        QVERIFY(!step.label.isEmpty());
        QVERIFY(!step.value.isEmpty());
        QVERIFY(!step.explanation.isEmpty());
        if (step.label == QLatin1String("2036 wrap-around"))
            noted = true;
    }
    QCOMPARE(noted, wrapNote);
}

void TestTimeDecode::rfc868Steps()
{
    const TimeDecoding d = decodeRfc868(QByteArray::fromHex("eeacfebc"), k2026 - 2);
    QVERIFY(d.ok());
    QStringList labels;
    QStringList values;
    for (const DecodeStep &step : d.steps) {
        labels << step.label;
        values << step.value;
    }
    QCOMPARE(labels,
        QStringList({ "Reply bytes", "Big-endian unsigned 32-bit value", "Minus 2208988800", "Unix time", "UTC",
            "Local time (ctime)", "Difference from the local clock" }));
    QCOMPARE(values.at(0), QStringLiteral("ee ac fe bc"));
    QCOMPARE(values.at(1), QStringLiteral("4004314812"));
    QCOMPARE(values.at(2), QStringLiteral("4004314812 \u2212 2208988800 = 1795326012"));
    QCOMPARE(values.at(3), QStringLiteral("1795326012"));
    QCOMPARE(values.at(4), QStringLiteral("2026-11-22 05:40:12 UTC"));
    QCOMPARE(values.at(5), QStringLiteral("Sun Nov 22 05:40:12 2026"));
    QCOMPARE(values.at(6), QStringLiteral("+2 s: the server is 2 s ahead of this computer"));
    QVERIFY(d.steps.at(1).explanation.contains(QLatin1String("struct.unpack(\"!I\", data)[0]")));
    QVERIFY(d.steps.at(1).explanation.contains(QLatin1String("0xeeacfebc")));

    const TimeDecoding behind = decodeRfc868(QByteArrayView("\xee\xac\xfe\xbc", 4), k2026 + 7);
    QCOMPARE(behind.differenceText, QStringLiteral("-7 s: the server is 7 s behind this computer"));

    const TimeDecoding era1 = decodeRfc868(be32(5), k2026);
    QCOMPARE(era1.steps.at(2).value, QStringLiteral("5 + 1 \u00d7 4294967296 \u2212 2208988800 = 2085978501"));
}

void TestTimeDecode::rfc868WrongSize_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("message");

    QTest::newRow("0 bytes") << QByteArray() << "Wrong-sized reply: 0 bytes (nothing) instead of 4";
    QTest::newRow("3 bytes") << QByteArray::fromHex("000102") << "Wrong-sized reply: 3 bytes (00 01 02) instead of 4";
    QTest::newRow("5 bytes") << QByteArray::fromHex("eeacfebc0a")
                             << "Wrong-sized reply: 5 bytes (ee ac fe bc 0a) instead of 4";
    QTest::newRow("8 bytes") << QByteArray::fromHex("eeacfebc00000000")
                             << "Wrong-sized reply: 8 bytes (ee ac fe bc 00 00 00 00) instead of 4";
    QTest::newRow("a daytime text") << QByteArray("Sun Nov 22 05:40:12 2026\r\n")
                                    << "Wrong-sized reply: 26 bytes (53 75 6e 20 4e 6f 76 20 32 32 20 30 35 3a 34 30 "
                                       "3a 31 32 20 32 30 32 36 0d 0a) instead of 4";
    QTest::newRow("100 bytes, cut") << QByteArray(100, 'A')
                                    << "Wrong-sized reply: 100 bytes ("
            + QStringList(QList<QString>(64, "41")).join(' ') + " \u2026) instead of 4";
}

void TestTimeDecode::rfc868WrongSize()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, message);
    const TimeDecoding d = decodeRfc868(reply, k2026);
    QVERIFY(!d.ok());
    QCOMPARE(d.error.kind, ErrorKind::Protocol);
    QCOMPARE(d.error.message, message);
    QCOMPARE(d.steps.size(), 1); // the bytes that came, nothing decoded from them
    QCOMPARE(d.steps.at(0).label, QStringLiteral("Reply bytes"));
}

void TestTimeDecode::rfc868Lab()
{
    // The lab's time server encodes the same way the decoder reads, on both sides of 2036.
    for (const qint64 seconds : { qint64(0), k2026, qint64(2085978495), qint64(2085978496), qint64(2208988800) }) {
        const TimeDecoding d = decodeRfc868(TimeBehaviour::encode(seconds), seconds);
        QVERIFY(d.ok());
        QCOMPARE(d.unixSeconds, seconds);
        QCOMPARE(d.differenceSeconds, 0);
    }
}

void TestTimeDecode::era_data()
{
    QTest::addColumn<quint32>("ntpSeconds");
    QTest::addColumn<qint64>("pivot");
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<int>("era");

    QTest::newRow("1970 from 2026") << quint32(2208988800U) << k2026 << qint64(0) << 0;
    QTest::newRow("0 from 1900") << quint32(0) << qint64(-2208988800) << qint64(-2208988800) << 0;
    QTest::newRow("max from 2036") << quint32(0xffffffff) << qint64(2085978496) << qint64(2085978495) << 0;
    QTest::newRow("0 from 2036") << quint32(0) << qint64(2085978495) << qint64(2085978496) << 1;
    QTest::newRow("era 2") << quint32(0) << qint64(2085978496) + 4294967296LL << qint64(2085978496) + 4294967296LL << 2;
    QTest::newRow("era -1") << quint32(0xffffffff) << qint64(-2208988800) - 100 << qint64(-2208988801) << -1;
    QTest::newRow("absurd pivot") << quint32(0) << std::numeric_limits<qint64>::max()
                                  << qint64(-2208988800) + 8193 * 4294967296LL << 8193;
}

void TestTimeDecode::era()
{
    QFETCH(quint32, ntpSeconds);
    QFETCH(qint64, pivot);
    QFETCH(qint64, unixSeconds);
    QFETCH(int, era);
    int gotEra = -99;
    QCOMPARE(unixSecondsFromNtpSeconds(ntpSeconds, pivot, &gotEra), unixSeconds);
    QCOMPARE(gotEra, era);
}

void TestTimeDecode::ntpTimestampFromMSecs_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<quint64>("timestamp");

    QTest::newRow("1970") << qint64(0) << ts(0x83aa7e80, 0);
    QTest::newRow("2026 and a half") << k2026 * 1000 + 500 << ts(k2026Ntp, 0x80000000);
    QTest::newRow("1 ms") << qint64(1) << ts(0x83aa7e80, 4294968);
    QTest::newRow("999 ms") << qint64(999) << ts(0x83aa7e80, 4290672329U);
    QTest::newRow("before 1970") << qint64(-500) << ts(0x83aa7e7f, 0x80000000);
    QTest::newRow("2036 wrap") << qint64(2085978496) * 1000 + 250 << ts(0, 0x40000000);
}

void TestTimeDecode::ntpTimestampFromMSecs()
{
    QFETCH(qint64, msecs);
    QFETCH(quint64, timestamp);
    QCOMPARE(ntpTimestampFromMSecsSinceEpoch(msecs), timestamp);
    QCOMPARE(unixMSecsFromNtpTimestamp(timestamp), msecs);
}

void TestTimeDecode::sntpRequest()
{
    const quint64 t1 = ts(k2026Ntp, 0x12345678);
    const QByteArray request = makeSntpRequest(t1);
    QCOMPARE(request.size(), 48);
    QCOMPARE(quint8(request.at(0)), quint8(0x23)); // LI 0, VN 4, mode 3
    QCOMPARE(request.mid(1, 39), QByteArray(39, '\0'));
    QCOMPARE(request.mid(40), QByteArray::fromHex("eeacfebc12345678"));
}

void TestTimeDecode::sntpFields()
{
    const SntpDecoding d = decodeSntp(sntpReply(goodFields()), kT1, kT4);
    QVERIFY2(d.ok(), qPrintable(d.error.message));
    QCOMPARE(d.leapIndicator, 0);
    QCOMPARE(d.version, 4);
    QCOMPARE(d.mode, 4);
    QCOMPARE(d.stratum, 1);
    QCOMPARE(d.poll, 6);
    QCOMPARE(d.precision, -20);
    QCOMPARE(d.rootDelay, quint32(0x00018000));
    QCOMPARE(d.rootDispersion, quint32(0x10));
    QCOMPARE(d.referenceId, QStringLiteral("GPS"));
    QVERIFY(d.kissCode.isEmpty());
    QCOMPARE(d.reference.hex, QStringLiteral("eeacfeac.00000000"));
    QCOMPARE(d.reference.utcText, QStringLiteral("2026-11-22 05:39:56.000000 UTC"));
    QCOMPARE(d.originate.raw, kT1);
    QCOMPARE(d.originate.utcText, QStringLiteral("2026-11-22 05:40:12.000000 UTC"));
    QCOMPARE(d.receive.hex, QStringLiteral("eeacfebd.40000000"));
    QCOMPARE(d.receive.utcText, QStringLiteral("2026-11-22 05:40:13.250000 UTC"));
    QCOMPARE(d.transmit.utcText, QStringLiteral("2026-11-22 05:40:13.500000 UTC"));
    QCOMPARE(d.transmit.utc, QDateTime::fromMSecsSinceEpoch(k2026 * 1000 + 1500, Qt::UTC));
    QCOMPARE(d.destination.utcText, QStringLiteral("2026-11-22 05:40:12.750000 UTC"));

    QCOMPARE(fieldValue(d, "Leap indicator (LI)"), QStringLiteral("0"));
    QCOMPARE(fieldValue(d, "Version (VN)"), QStringLiteral("4"));
    QCOMPARE(fieldValue(d, "Mode"), QStringLiteral("4 (server)"));
    QCOMPARE(fieldValue(d, "Stratum"), QStringLiteral("1"));
    QCOMPARE(fieldValue(d, "Poll"), QStringLiteral("6 (2^6 s \u2248 64 s)"));
    QCOMPARE(fieldValue(d, "Precision"), QStringLiteral("-20 (2^-20 s \u2248 0.954 \u00b5s)"));
    QCOMPARE(fieldValue(d, "Root delay"), QStringLiteral("0x00018000 = 98304/65536 s = 1500 ms"));
    QCOMPARE(fieldValue(d, "Root dispersion"), QStringLiteral("0x00000010 = 16/65536 s = 0.244141 ms"));
    QCOMPARE(fieldValue(d, "Reference id"), QStringLiteral("GPS (0x47505300)"));
    QCOMPARE(
        fieldValue(d, "Transmit timestamp (T3)"), QStringLiteral("eeacfebd.80000000 = 2026-11-22 05:40:13.500000 UTC"));
    QCOMPARE(d.fields.size(), 13);
    for (const DecodeStep &field : d.fields) {
        QVERIFY(!field.label.isEmpty());
        QVERIFY(!field.value.isEmpty());
        QVERIFY2(!field.explanation.isEmpty(), qPrintable(field.label));
    }
    QVERIFY(d.fields.at(0).explanation.contains(QLatin1String("no warning")));
    QVERIFY(d.fields.at(3).explanation.contains(QLatin1String("primary reference")));
    QVERIFY(d.fields.at(8).explanation.contains(QLatin1String("Global Positioning System")));

    // A longer reply (extensions, a MAC) is read for its header and says what follows.
    const SntpDecoding longer = decodeSntp(QByteArray(sntpReply(goodFields()) + QByteArray(20, 'x')), kT1, kT4);
    QVERIFY(longer.ok());
    QCOMPARE(fieldValue(longer, "Extensions"), QStringLiteral("20 bytes"));
}

void TestTimeDecode::sntpOffsetDelay_data()
{
    QTest::addColumn<quint64>("t1");
    QTest::addColumn<quint64>("t2");
    QTest::addColumn<quint64>("t3");
    QTest::addColumn<quint64>("t4");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("delay");
    QTest::addColumn<QString>("offsetFormula");
    QTest::addColumn<QString>("delayFormula");

    QTest::newRow("server 1 s ahead") << kT1 << kT2 << kT3 << kT4 << 1.0 << 0.5
                                      << "\u03b8 = ((T2 \u2212 T1) + (T3 \u2212 T4)) / 2 = ((1.250000000 s) + "
                                         "(0.750000000 s)) / 2 = 1.000000000 s"
                                      << "\u03b4 = (T4 \u2212 T1) \u2212 (T3 \u2212 T2) = (0.750000000 s) \u2212 "
                                         "(0.250000000 s) = 0.500000000 s";
    // T2 - T1 = -9.875, T3 - T4 = -10.125: the server is 10 s behind, 0.25 s round trip.
    QTest::newRow("server 10 s behind") << ts(k2026Ntp, 0) << ts(k2026Ntp - 10, 0x20000000)
                                        << ts(k2026Ntp - 10, 0x40000000) << ts(k2026Ntp, 0x60000000) << -10.0 << 0.25
                                        << "\u03b8 = ((T2 \u2212 T1) + (T3 \u2212 T4)) / 2 = ((-9.875000000 s) + "
                                           "(-10.125000000 s)) / 2 = -10.000000000 s"
                                        << "\u03b4 = (T4 \u2212 T1) \u2212 (T3 \u2212 T2) = (0.375000000 s) \u2212 "
                                           "(0.125000000 s) = 0.250000000 s";
    QTest::newRow("across the 2036 wrap")
        << ts(0xffffffff, 0x80000000) << ts(0, 0x40000000) << ts(0, 0x80000000) << ts(1, 0) << 0.125 << 1.25
        << "\u03b8 = ((T2 \u2212 T1) + (T3 \u2212 T4)) / 2 = ((0.750000000 s) + "
           "(-0.500000000 s)) / 2 = 0.125000000 s"
        << "\u03b4 = (T4 \u2212 T1) \u2212 (T3 \u2212 T2) = (1.500000000 s) \u2212 "
           "(0.250000000 s) = 1.250000000 s";
    // 123 µs is not a whole number of 2^-32 s: the text rounds to the nanosecond.
    QTest::newRow("microseconds") << ts(k2026Ntp, 0) << ts(k2026Ntp, 528280) << ts(k2026Ntp, 528280) << ts(k2026Ntp, 0)
                                  << 528280 / 4294967296.0 << 0.0
                                  << "\u03b8 = ((T2 \u2212 T1) + (T3 \u2212 T4)) / 2 = ((0.000123000 s) + "
                                     "(0.000123000 s)) / 2 = 0.000123000 s"
                                  << "\u03b4 = (T4 \u2212 T1) \u2212 (T3 \u2212 T2) = (0.000000000 s) \u2212 "
                                     "(0.000000000 s) = 0.000000000 s";
}

void TestTimeDecode::sntpOffsetDelay()
{
    QFETCH(quint64, t1);
    QFETCH(quint64, t2);
    QFETCH(quint64, t3);
    QFETCH(quint64, t4);
    QFETCH(double, offset);
    QFETCH(double, delay);
    QFETCH(QString, offsetFormula);
    QFETCH(QString, delayFormula);

    SntpFields f = goodFields();
    f.originate = t1;
    f.receive = t2;
    f.transmit = t3;
    const SntpDecoding d = decodeSntp(sntpReply(f), t1, t4);
    QVERIFY2(d.ok(), qPrintable(d.error.message));
    QCOMPARE(d.offsetSeconds, offset);
    QCOMPARE(d.delaySeconds, delay);
    QCOMPARE(d.offsetFormula, offsetFormula);
    QCOMPARE(d.delayFormula, delayFormula);
    for (const DecodeStep &step : d.steps) {
        QVERIFY(!step.label.isEmpty());
        QVERIFY(!step.value.isEmpty());
        QVERIFY(!step.explanation.isEmpty());
    }
}

void TestTimeDecode::sntpErrors_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("hasFields");

    const QByteArray good = sntpReply(goodFields());
    QTest::newRow("empty") << QByteArray()
                           << "Short reply: 0 bytes (nothing) instead of at least 48; an SNTP header is 48 bytes"
                           << false;
    QTest::newRow("4 bytes of RFC 868") << QByteArray::fromHex("eeacfebc")
                                        << "Short reply: 4 bytes (ee ac fe bc) instead of at least 48; an SNTP "
                                           "header is 48 bytes"
                                        << false;
    QTest::newRow("47 bytes") << good.left(47)
                              << "Short reply: 47 bytes (" + PayloadCodec::toHex(good.left(47))
            + ") instead of at least 48; an SNTP header is 48 bytes"
                              << false;

    SntpFields f = goodFields();
    f.mode = 3;
    QTest::newRow("mode 3: our own request reflected")
        << sntpReply(f) << "Not a server reply: mode 3 (client) instead of 4 (server)" << true;
    f.mode = 0;
    QTest::newRow("mode 0") << sntpReply(f) << "Not a server reply: mode 0 (reserved) instead of 4 (server)" << true;
    f.mode = 6;
    QTest::newRow("mode 6") << sntpReply(f) << "Not a server reply: mode 6 (NTP control message) instead of 4 (server)"
                            << true;

    f = goodFields();
    f.originate = kT1 + 1;
    QTest::newRow("originate mismatch")
        << sntpReply(f)
        << "Not the answer to this request: the originate timestamp eeacfebc.00000001 is not the transmit timestamp "
           "that was sent (eeacfebc.00000000); it answers someone else's request, or is forged"
        << true;

    f = goodFields();
    f.stratum = 0;
    f.refId = "RATE";
    f.transmit = 0;
    QTest::newRow("kiss-o'-death RATE")
        << sntpReply(f)
        << "Kiss-o'-death RATE (stratum 0): rate exceeded: you asked too often; wait longer between requests. The "
           "reply carries no time to use."
        << true;
    f.refId = "DENY";
    QTest::newRow("kiss-o'-death DENY") << sntpReply(f)
                                        << "Kiss-o'-death DENY (stratum 0): access denied by the server: stop asking "
                                           "this server. The reply carries no time to use."
                                        << true;
    f.refId = "RSTR";
    QTest::newRow("kiss-o'-death RSTR") << sntpReply(f)
                                        << "Kiss-o'-death RSTR (stratum 0): access denied by a server restriction: "
                                           "stop asking this server. The reply carries no time to use."
                                        << true;
    f.refId = QByteArray("XY\0\0", 4);
    QTest::newRow("kiss-o'-death unknown") << sntpReply(f)
                                           << "Kiss-o'-death XY (stratum 0): a kiss code this tool does not know. The "
                                              "reply carries no time to use."
                                           << true;

    f = goodFields();
    f.li = 3;
    QTest::newRow("alarm") << sntpReply(f)
                           << "The server's clock is not synchronised (leap indicator 3, alarm); RFC 4330 says to "
                              "discard such a reply"
                           << true;
    f = goodFields();
    f.stratum = 16;
    QTest::newRow("stratum 16") << sntpReply(f)
                                << "The server is unsynchronised (stratum 16); RFC 4330 says to discard such a reply"
                                << true;
    f = goodFields();
    f.transmit = 0;
    QTest::newRow("transmit 0") << sntpReply(f)
                                << "The transmit timestamp is 0: the server did not say when it sent the reply" << true;
}

void TestTimeDecode::sntpErrors()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, message);
    QFETCH(bool, hasFields);
    const SntpDecoding d = decodeSntp(reply, kT1, kT4);
    QVERIFY(!d.ok());
    QCOMPARE(d.error.kind, ErrorKind::Protocol);
    QCOMPARE(d.error.message, message);
    QCOMPARE(!d.fields.isEmpty(), hasFields); // the fields of a refused reply are still shown
    QVERIFY(d.steps.isEmpty()); // but no offset is computed from it
}

void TestTimeDecode::sntpReferenceId_data()
{
    QTest::addColumn<int>("stratum");
    QTest::addColumn<QByteArray>("refId");
    QTest::addColumn<QString>("text");

    QTest::newRow("stratum 1 GPS") << 1 << QByteArray("GPS\0", 4) << "GPS";
    QTest::newRow("stratum 1 LOCL") << 1 << QByteArray("LOCL") << "LOCL";
    QTest::newRow("stratum 1 zeros") << 1 << QByteArray(4, '\0') << "\\0\\0\\0\\0";
    QTest::newRow("stratum 1 binary") << 1 << QByteArray("\x01\xff\x20\x41", 4) << "\\x01\\xff A";
    QTest::newRow("stratum 2 address") << 2 << QByteArray::fromHex("c0000201") << "192.0.2.1";
    QTest::newRow("stratum 15 address") << 15 << QByteArray::fromHex("0a000001") << "10.0.0.1";
}

void TestTimeDecode::sntpReferenceId()
{
    QFETCH(int, stratum);
    QFETCH(QByteArray, refId);
    QFETCH(QString, text);
    SntpFields f = goodFields();
    f.stratum = stratum;
    f.refId = refId;
    const SntpDecoding d = decodeSntp(sntpReply(f), kT1, kT4);
    QVERIFY(d.ok());
    QCOMPARE(d.referenceId, text);
}

void TestTimeDecode::sntpLab()
{
    // A real request through the lab's SNTP server, read back by the decoder.
    SntpBehaviour server;
    const qint64 sent = QDateTime::currentMSecsSinceEpoch();
    const quint64 t1 = ntpTimestampFromMSecsSinceEpoch(sent);
    const std::optional<QByteArray> reply = server.datagram(makeSntpRequest(t1), Endpoint {});
    QVERIFY(reply.has_value());
    const qint64 came = QDateTime::currentMSecsSinceEpoch();
    const SntpDecoding d = decodeSntp(*reply, t1, ntpTimestampFromMSecsSinceEpoch(came));
    QVERIFY2(d.ok(), qPrintable(d.error.message));
    QCOMPARE(d.version, 4);
    QCOMPARE(d.mode, 4);
    QCOMPARE(d.stratum, 1);
    QCOMPARE(d.referenceId, QStringLiteral("LOCL"));
    QCOMPARE(d.precision, -20);
    QCOMPARE(d.originate.raw, t1);
    // Same clock on both sides: the offset is within the millisecond the client timestamps round to.
    QVERIFY2(qAbs(d.offsetSeconds) < 0.01, qPrintable(d.offsetFormula));
    QVERIFY2(qAbs(d.delaySeconds) < 1.0, qPrintable(d.delayFormula));
    QVERIFY(qAbs(d.transmit.utc.toMSecsSinceEpoch() - came) < 1000);

    // Someone else's request: the lab copies its transmit timestamp, which is not ours.
    const std::optional<QByteArray> other = server.datagram(makeSntpRequest(t1 + 1), Endpoint {});
    QVERIFY(other.has_value());
    const SntpDecoding spoofed = decodeSntp(*other, t1, ntpTimestampFromMSecsSinceEpoch(came));
    QCOMPARE(spoofed.error.kind, ErrorKind::Protocol);
    QVERIFY(spoofed.error.message.startsWith(QLatin1String("Not the answer to this request")));
}

void TestTimeDecode::daytime_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("local"); // date and time as written, zone ignored
    QTest::addColumn<QDateTime>("utc"); // invalid when the zone is unknown

    const QDateTime written(QDate(2026, 11, 22), QTime(5, 40, 12), Qt::UTC);
    QTest::newRow("NIST") << QByteArray("\n61366 26-11-22 05:40:12 00 0 0 123.4 UTC(NIST) * \n")
                          << int(DaytimeFormat::Nist) << "\\n61366 26-11-22 05:40:12 00 0 0 123.4 UTC(NIST) * \\n"
                          << written << written;
    QTest::newRow("NIST without OTM, DST")
        << QByteArray("61366 26-11-22 05:40:12 50 1 0 0.0 UTC(NIST)") << int(DaytimeFormat::Nist)
        << "61366 26-11-22 05:40:12 50 1 0 0.0 UTC(NIST)" << written << written;
    QTest::newRow("ctime, the lab's") << QByteArray("Sun Nov 22 05:40:12 2026\r\n") << int(DaytimeFormat::Ctime)
                                      << "Sun Nov 22 05:40:12 2026\\r\\n"
                                      << written << QDateTime();
    QTest::newRow("ctime, padded day") << QByteArray("Mon Nov  2 05:40:12 2026\r\n") << int(DaytimeFormat::Ctime)
                                       << "Mon Nov  2 05:40:12 2026\\r\\n"
                                       << QDateTime(QDate(2026, 11, 2), QTime(5, 40, 12), Qt::UTC) << QDateTime();
    QTest::newRow("RFC 1123 GMT") << QByteArray("Sun, 22 Nov 2026 05:40:12 GMT\r\n") << int(DaytimeFormat::Rfc1123)
                                  << "Sun, 22 Nov 2026 05:40:12 GMT\\r\\n"
                                  << written << written;
    QTest::newRow("RFC 822 offset") << QByteArray("22 Nov 2026 06:40:12 +0100") << int(DaytimeFormat::Rfc1123)
                                    << "22 Nov 2026 06:40:12 +0100"
                                    << QDateTime(QDate(2026, 11, 22), QTime(6, 40, 12), Qt::UTC) << written;
    QTest::newRow("ISO 8601 Z") << QByteArray("2026-11-22T05:40:12Z\n") << int(DaytimeFormat::Iso8601)
                                << "2026-11-22T05:40:12Z\\n"
                                << written << written;
    QTest::newRow("ISO 8601 offset, fraction")
        << QByteArray("2026-11-22 00:40:12.25-05:00") << int(DaytimeFormat::Iso8601) << "2026-11-22 00:40:12.25-05:00"
        << QDateTime(QDate(2026, 11, 22), QTime(0, 40, 12), Qt::UTC) << written;
    QTest::newRow("ISO 8601 no zone") << QByteArray("2026-11-22T05:40:12") << int(DaytimeFormat::Iso8601)
                                      << "2026-11-22T05:40:12" << written << QDateTime();
    QTest::newRow("garbage") << QByteArray("hello\x01\xff") << int(DaytimeFormat::Unknown) << "hello\\x01\\xff"
                             << QDateTime() << QDateTime();
    QTest::newRow("empty") << QByteArray() << int(DaytimeFormat::Unknown) << "" << QDateTime() << QDateTime();
    QTest::newRow("ctime, 30 February") << QByteArray("Mon Feb 30 05:40:12 2026") << int(DaytimeFormat::Unknown)
                                        << "Mon Feb 30 05:40:12 2026" << QDateTime() << QDateTime();
    QTest::newRow("German ctime") << QByteArray("So Nov 22 05:40:12 2026") << int(DaytimeFormat::Unknown)
                                  << "So Nov 22 05:40:12 2026" << QDateTime() << QDateTime();
}

void TestTimeDecode::daytime()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, format);
    QFETCH(QString, text);
    QFETCH(QDateTime, local);
    QFETCH(QDateTime, utc);

    const DaytimeDecoding d = decodeDaytime(reply);
    QCOMPARE(int(d.format), format);
    QCOMPARE(d.text, text);
    if (d.format == DaytimeFormat::Unknown) {
        QCOMPARE(d.note, QStringLiteral("Not a format this tool knows; RFC 867 does not fix one."));
        QVERIFY(d.formatName.isEmpty());
        QVERIFY(!d.date.isValid());
    } else {
        QVERIFY(d.note.isEmpty());
        QVERIFY(!d.formatName.isEmpty());
        QCOMPARE(d.date, local.date());
        QCOMPARE(d.time, local.time());
    }
    QCOMPARE(d.utcOffsetSeconds.has_value(), utc.isValid());
    if (utc.isValid())
        QCOMPARE(d.utc, utc);
    else
        QVERIFY(!d.utc.isValid());
    for (const DecodeStep &step : d.steps) {
        QVERIFY(!step.label.isEmpty());
        QVERIFY(!step.value.isEmpty());
        QVERIFY(!step.explanation.isEmpty());
    }
}

void TestTimeDecode::daytimeLab()
{
    const QDateTime before = QDateTime::currentDateTime();
    const DaytimeDecoding d = decodeDaytime(DaytimeBehaviour::currentDaytime());
    const QDateTime after = QDateTime::currentDateTime();
    QCOMPARE(d.format, DaytimeFormat::Ctime);
    QVERIFY(!d.utcOffsetSeconds.has_value()); // the lab's text says nothing of its zone
    const QDateTime sent(d.date, d.time, Qt::LocalTime);
    QVERIFY(sent >= before.addSecs(-1) && sent <= after);
}

QTEST_GUILESS_MAIN(TestTimeDecode)
#include "tst_timedecode.moc"
