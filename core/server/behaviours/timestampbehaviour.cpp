#include "server/behaviours/timestampbehaviour.h"

#include <QCoreApplication>
#include <QDateTime>

namespace swb {

namespace {

class TimestampHandler : public StreamHandler {
public:
    explicit TimestampHandler(qint64 cap)
        : m_lines(cap)
        , m_cap(cap)
    {
    }

    void received(StreamPeer &peer, const QByteArray &data) override
    {
        if (m_closing)
            return;
        bool overflow = false;
        const QList<QByteArray> lines = m_lines.feed(data, &overflow);
        // One send per recv, as the seed's loop does, however many lines the recv held.
        QByteArray reply;
        for (const QByteArray &line : lines)
            reply += TimestampBehaviour::stamp(line);
        if (!reply.isEmpty())
            peer.send(reply);
        if (overflow) {
            m_closing = true;
            peer.closeWithError(QCoreApplication::translate(
                "Behaviour", "Line longer than %1 bytes without a newline: closing this client")
                                    .arg(m_cap));
        }
    }

    void peerClosed(StreamPeer &peer) override
    {
        if (m_closing)
            return;
        m_closing = true;
        // The seed stamps whatever recv() returned, newline or not, so a last unfinished line gets
        // its answer too.
        const QByteArray rest = m_lines.takeRest();
        if (!rest.isEmpty())
            peer.send(TimestampBehaviour::stamp(rest));
        peer.closeAfterSending();
    }

private:
    LineSplitter m_lines;
    qint64 m_cap;
    bool m_closing = false;
};

} // namespace

TimestampBehaviour::TimestampBehaviour(const BehaviourOptions &options)
    : m_options(options)
{
}

QByteArray TimestampBehaviour::stamp(const QByteArray &data)
{
    // ctime() changes once a second; a class's worth of lines in that second share one conversion
    // to local time (which reads the time zone each time).
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cachedPrefix;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cachedSecond) {
        cachedSecond = now;
        cachedPrefix = '[' + pythonCtime(QDateTime::fromSecsSinceEpoch(now)) + "] ";
    }
    return cachedPrefix + data;
}

bool TimestampBehaviour::supports(Transport transport) const
{
    Q_UNUSED(transport)
    return true;
}

std::unique_ptr<StreamHandler> TimestampBehaviour::newStreamHandler()
{
    return std::make_unique<TimestampHandler>(m_options.lineCap);
}

std::optional<QByteArray> TimestampBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(from)
    return stamp(data);
}

} // namespace swb
