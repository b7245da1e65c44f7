// libFuzzer target for the time decoders: the first 16 bytes are T1 and T4, the rest a reply fed to
// decodeSntp, and the same rest to decodeRfc868 (with T4's seconds as the local clock) and
// decodeDaytime. A success must be a reply RFC 4330 allows; an error must be Protocol and explain.

#include "time/timedecode.h"

#include <QtEndian>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_sntp: %s\n", what);
        std::abort();
    }
}

void checkSteps(const QList<swb::DecodeStep> &steps, const char *what)
{
    for (const swb::DecodeStep &step : steps)
        check(!step.label.isEmpty() && !step.value.isEmpty() && !step.explanation.isEmpty(), what);
}

void checkSntp(QByteArrayView reply, quint64 t1, quint64 t4)
{
    const swb::SntpDecoding d = swb::decodeSntp(reply, t1, t4);
    checkSteps(d.fields, "SNTP field texts are not empty");
    checkSteps(d.steps, "SNTP step texts are not empty");
    if (d.ok()) {
        check(reply.size() >= 48, "an SNTP success has 48 bytes or more");
        check(d.mode == 4 || d.mode == 5, "an SNTP success is mode 4 or 5");
        check(d.stratum >= 1 && d.stratum <= 15, "an SNTP success has stratum 1..15");
        check(d.leapIndicator != 3, "an SNTP success is synchronised");
        check(d.transmit.raw != 0, "an SNTP success has a transmit timestamp");
        check(d.mode == 5 || d.originate.raw == t1, "an SNTP server reply answers our request");
        check(d.fields.size() >= 13, "every field is shown");
        check(!d.offsetFormula.isEmpty() && !d.delayFormula.isEmpty(), "the formulas are shown");
        check(d.offsetSeconds == d.offsetSeconds && d.delaySeconds == d.delaySeconds, "offset and delay are numbers");
        check(!d.referenceId.isEmpty(), "the reference id has a text");
    } else {
        check(d.error.kind == swb::ErrorKind::Protocol, "an SNTP error is Protocol");
        check(!d.error.message.isEmpty(), "an SNTP error has a message");
        check(d.steps.isEmpty(), "no offset is computed from a refused reply");
        check((reply.size() < 48) == d.fields.isEmpty(), "a long enough reply shows its fields");
    }
}

void checkRfc868(QByteArrayView reply, qint64 received)
{
    const swb::TimeDecoding d = swb::decodeRfc868(reply, received);
    checkSteps(d.steps, "RFC 868 step texts are not empty");
    if (d.ok()) {
        check(reply.size() == 4, "an RFC 868 success has 4 bytes");
        check(d.value == qFromBigEndian<quint32>(reply.data()), "the value is big-endian");
        check(d.unixSeconds == qint64(d.value) - swb::kSecondsFrom1900To1970 + qint64(d.era) * swb::kNtpEraSeconds,
            "the Unix time is value - 2208988800 in its era");
        check(d.differenceSeconds == d.unixSeconds - received, "the difference is from the local clock");
        check(d.differenceSeconds >= -swb::kNtpEraSeconds / 2 && d.differenceSeconds <= swb::kNtpEraSeconds / 2,
            "the era chosen is the closest");
        check(d.utc.isValid() && !d.ctimeText.isEmpty() && !d.utcText.isEmpty(), "the dates are shown");
    } else {
        check(reply.size() != 4, "only a wrong size is an RFC 868 error");
        check(d.error.kind == swb::ErrorKind::Protocol, "an RFC 868 error is Protocol");
        check(d.error.message.startsWith(QLatin1String("Wrong-sized reply: ")), "the message names the size");
    }
}

void checkDaytime(QByteArrayView reply)
{
    const swb::DaytimeDecoding d = swb::decodeDaytime(reply);
    checkSteps(d.steps, "daytime step texts are not empty");
    if (d.format == swb::DaytimeFormat::Unknown) {
        check(!d.note.isEmpty() && !d.date.isValid(), "an unknown daytime text says so");
    } else {
        check(d.date.isValid() && d.time.isValid() && !d.formatName.isEmpty(), "a parsed daytime text has a date");
        check(d.utcOffsetSeconds.has_value() == d.utc.isValid(), "UTC is known exactly when the zone is");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 16)
        return 0;
    const quint64 t1 = qFromBigEndian<quint64>(data);
    const quint64 t4 = qFromBigEndian<quint64>(data + 8);
    const QByteArrayView reply(reinterpret_cast<const char *>(data + 16), qsizetype(size - 16));
    checkSntp(reply, t1, t4);
    checkRfc868(reply, swb::unixMSecsFromNtpTimestamp(t4) / 1000);
    checkDaytime(reply);
    // A reply that answers T1 exercises the offset and delay: put T1 in the originate field.
    if (reply.size() >= 48) {
        QByteArray answered = reply.toByteArray();
        qToBigEndian(t1, answered.data() + 24);
        checkSntp(answered, t1, t4);
    }
    return 0;
}
