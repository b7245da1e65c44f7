#include "server/behaviours/sntpbehaviour.h"

#include <QtEndian>

#include <algorithm>
#include <chrono>

namespace swb {

namespace {

constexpr quint64 kSecondsFrom1900To1970 = 2208988800ULL;
constexpr int kModeClient = 3;
constexpr int kModeServer = 4;
constexpr qint8 kPrecision = -20; // about a microsecond: 2^-20 s
constexpr quint32 kRootDispersion = 0x00000010; // 16/65536 s, a little under a millisecond

void putTimestamp(QByteArray &packet, int offset, quint64 timestamp)
{
    qToBigEndian(timestamp, packet.data() + offset);
}

} // namespace

SntpBehaviour::SntpBehaviour(const BehaviourOptions &options)
    : m_stratum(std::clamp(options.sntpStratum, 1, 15))
{
}

quint64 SntpBehaviour::ntpNow()
{
    using namespace std::chrono;
    const auto sinceEpoch = duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
    const auto seconds = static_cast<quint64>(sinceEpoch / 1000000000);
    const auto nanos = static_cast<quint64>(sinceEpoch % 1000000000);
    // The era wraps in 2036; RFC 4330 section 3 covers how clients read that.
    const quint64 ntpSeconds = (seconds + kSecondsFrom1900To1970) & 0xffffffffULL;
    const quint64 fraction = (nanos << 32) / 1000000000ULL;
    return (ntpSeconds << 32) | fraction;
}

std::optional<QByteArray> SntpBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(from)
    const quint64 received = ntpNow();
    if (data.size() < kPacketSize)
        return std::nullopt;
    const auto first = static_cast<quint8>(data.at(0));
    if ((first & 0x07) != kModeClient)
        return std::nullopt;
    int version = (first >> 3) & 0x07;
    if (version != 3 && version != 4)
        version = 4;

    QByteArray reply(kPacketSize, '\0');
    reply[0] = static_cast<char>((0 << 6) | (version << 3) | kModeServer); // LI 0: no leap second warning
    reply[1] = static_cast<char>(m_stratum);
    reply[2] = data.at(2); // poll interval, copied as RFC 4330 asks
    reply[3] = static_cast<char>(kPrecision);
    // Root delay (bytes 4..7) stays 0: this clock is its own reference.
    qToBigEndian(kRootDispersion, reply.data() + 8);
    reply.replace(12, 4, "LOCL", 4);
    putTimestamp(reply, 16, received); // reference: when this clock was last set, i.e. always now
    reply.replace(24, 8, data.constData() + 40, 8); // originate = the client's transmit, verbatim
    putTimestamp(reply, 32, received);
    putTimestamp(reply, 40, ntpNow());
    return reply;
}

} // namespace swb
