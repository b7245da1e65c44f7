#include "server/behaviours/welcomebehaviour.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace swb {

namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

class WelcomeHandler : public StreamHandler {
public:
    explicit WelcomeHandler(qint64 cap)
        : m_lines(cap)
        , m_cap(cap)
    {
    }

    void opened(StreamPeer &peer) override
    {
        // Two writes, as the seed's unbuffered file object makes two send() calls.
        peer.send("Welcome, " + peer.peer().toPythonTuple().toUtf8() + '\n');
        peer.send("Please enter a string:");
    }

    void received(StreamPeer &peer, const QByteArray &data) override
    {
        if (m_done)
            return;
        bool overflow = false;
        const QList<QByteArray> lines = m_lines.feed(data, &overflow);
        if (!lines.isEmpty()) {
            // readline() reads one line; whatever followed it is never read.
            answer(peer, lines.first());
        } else if (overflow) {
            m_done = true;
            peer.closeWithError(QCoreApplication::translate(
                "Behaviour", "Line longer than %1 bytes without a newline: closing this client")
                                    .arg(m_cap));
        }
    }

    void peerClosed(StreamPeer &peer) override
    {
        if (m_done)
            return;
        // readline() returns what it has at end of file, even nothing.
        answer(peer, m_lines.takeRest());
    }

private:
    void answer(StreamPeer &peer, const QByteArray &line)
    {
        m_done = true;
        peer.send("You entered " + QByteArray::number(WelcomeBehaviour::strippedLength(line)) + " characters. \n");
        peer.closeAfterSending();
    }

    LineSplitter m_lines;
    qint64 m_cap;
    bool m_done = false;
};

} // namespace

WelcomeBehaviour::WelcomeBehaviour(const BehaviourOptions &options)
    : m_options(options)
{
}

int WelcomeBehaviour::strippedLength(const QByteArray &line)
{
    qsizetype begin = 0;
    qsizetype end = line.size();
    while (begin < end && isAsciiSpace(line.at(begin)))
        ++begin;
    while (end > begin && isAsciiSpace(line.at(end - 1)))
        --end;
    const QByteArray stripped = line.mid(begin, end - begin);

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(stripped);
    if (decoder.hasError())
        return int(stripped.size());
    // Python counts code points; QString counts UTF-16 units, so a character outside the BMP
    // (an emoji) would otherwise count twice.
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++count;
    }
    return count;
}

std::unique_ptr<StreamHandler> WelcomeBehaviour::newStreamHandler()
{
    return std::make_unique<WelcomeHandler>(m_options.lineCap);
}

std::optional<QByteArray> WelcomeBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(data)
    Q_UNUSED(from)
    return std::nullopt;
}

} // namespace swb
