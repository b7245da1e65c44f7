#include "timequery.h"

#include "net/payloadcodec.h"

#include <QHostAddress>
#include <QPointer>

namespace swb {

namespace {
constexpr int kMaxReplyBytes = 64 * 1024;
}

QString timeProtocolName(TimeProtocol protocol)
{
    switch (protocol) {
    case TimeProtocol::Rfc868Time:
        return QStringLiteral("time");
    case TimeProtocol::Daytime:
        return QStringLiteral("daytime");
    case TimeProtocol::Sntp:
        return QStringLiteral("sntp");
    }
    return {};
}

std::optional<TimeProtocol> timeProtocolFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("time") || key == QLatin1String("rfc868"))
        return TimeProtocol::Rfc868Time;
    if (key == QLatin1String("daytime") || key == QLatin1String("rfc867"))
        return TimeProtocol::Daytime;
    if (key == QLatin1String("sntp") || key == QLatin1String("ntp"))
        return TimeProtocol::Sntp;
    return std::nullopt;
}

QString timeServiceName(TimeProtocol protocol)
{
    return protocol == TimeProtocol::Sntp ? QStringLiteral("ntp") : timeProtocolName(protocol);
}

quint16 timeDefaultPort(TimeProtocol protocol)
{
    switch (protocol) {
    case TimeProtocol::Rfc868Time:
        return 37;
    case TimeProtocol::Daytime:
        return 13;
    case TimeProtocol::Sntp:
        return 123;
    }
    return 0;
}

namespace {

// Loopback and the lab need no Internet; anything else might be blocked on the way out.
bool isOutsideHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return false;
    QString h = host;
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    const QHostAddress address(h);
    return address.isNull() || !address.isLoopback();
}

} // namespace

TimeQuery::TimeQuery(QObject *parent)
    : QObject(parent)
{
    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, &TimeQuery::tcpTimedOut);
}

TimeQuery::~TimeQuery()
{
    ++m_generation;
    dropChildren();
}

void TimeQuery::start(const TimeQueryRequest &request)
{
    // A slot on the cancelled query's finished() may start another one: that one is cancelled too,
    // so every start() gets its finished() and this request is the one that runs.
    for (int round = 0; round < 8 && m_running; ++round)
        cancel();
    if (m_running) { // a slot that always restarts: this request gives way, and says so
        const QPointer<TimeQuery> self(this);
        TimeQueryResult refused;
        refused.protocol = request.protocol;
        refused.transport = request.transport;
        refused.error = makeCancelledError(tr("Not started: another query took its place."));
        emit finished(refused);
        return;
    }
    ++m_generation;
    m_request = request;
    m_result = TimeQueryResult();
    m_result.protocol = request.protocol;
    m_result.transport = request.transport;
    m_clock.restart();
    m_running = true;

    if (request.host.trimmed().isEmpty()) {
        fail(makeUsageError(QStringLiteral("host"), tr("Give a host name or address (127.0.0.1, time.nist.gov).")));
        return;
    }
    if (request.protocol == TimeProtocol::Sntp && request.transport == Transport::Tcp) {
        fail(makeUsageError(QStringLiteral("transport"),
            tr("SNTP runs over UDP only (RFC 4330); use --transport udp, or the time or daytime protocol over TCP.")));
        return;
    }
    if (request.retries < 1 || request.retries > TimeQueryRequest::kMaxRetries) {
        fail(makeUsageError(QStringLiteral("retries"),
            tr("Retries must be a number of attempts from 1 to %1.").arg(TimeQueryRequest::kMaxRetries)));
        return;
    }
    if (request.timeoutMs < 1 || request.timeoutMs > TimeQueryRequest::kMaxTimeoutMs) {
        fail(makeUsageError(QStringLiteral("timeout"), tr("The timeout must be from 1 ms to one hour.")));
        return;
    }

    if (request.port.trimmed().isEmpty()) {
        // The seed's getservbyname(): the service table knows the well-known port for the transport.
        const QString service = timeServiceName(request.protocol);
        const std::optional<quint16> port = EndpointParser::lookupService(service, request.transport);
        const quint16 number = port.value_or(timeDefaultPort(request.protocol));
        m_result.port = QString::number(number);
        TraceEvent e = m_clock.make(TraceKind::Call, QStringLiteral("getservbyname"),
            QStringLiteral("(\"%1\", \"%2\")").arg(service, transportName(request.transport)),
            port ? QStringLiteral("-> %1").arg(number)
                 : tr("not in the service table: the well-known port %1 is used").arg(number));
        const quint64 generation = m_generation;
        emit traced(e);
        if (generation != m_generation)
            return;
    } else {
        m_result.port = request.port.trimmed();
    }
    nextAttempt();
}

void TimeQuery::note(const QString &text)
{
    emit traced(m_clock.make(TraceKind::Note, QString(), QString(), text));
}

void TimeQuery::nextAttempt()
{
    ++m_result.attempts;
    m_reply.clear();
    m_gotReply = false;
    m_replyMs = 0;
    const quint64 generation = m_generation;
    note(tr("attempt %1 of %2 (%3 over %4, timeout %5 ms)")
             .arg(m_result.attempts)
             .arg(m_request.retries)
             .arg(timeProtocolName(m_request.protocol), transportName(m_request.transport).toUpper())
             .arg(m_request.timeoutMs));
    if (generation != m_generation)
        return;
    if (m_request.transport == Transport::Udp)
        startUdp();
    else
        startTcp();
}

void TimeQuery::startUdp()
{
    dropChildren();
    auto *session = new UdpSession(this);
    m_udp = session;
    const quint64 generation = m_generation;
    connect(session, &UdpSession::traced, this, [this, generation](const TraceEvent &e) {
        if (generation == m_generation)
            emit traced(e);
    });
    connect(session, &UdpSession::datagramReceived, this, [this, generation](const UdpReply &reply) {
        if (generation != m_generation || m_gotReply)
            return;
        m_gotReply = true;
        m_reply = reply.payload;
        m_replyMs = QDateTime::currentMSecsSinceEpoch();
    });
    connect(session, &UdpSession::finished, this, [this, generation](const UdpSessionResult &r) {
        if (generation == m_generation)
            udpFinished(r);
    });

    UdpSessionRequest request;
    request.host = m_request.host;
    request.port = m_result.port;
    // Connected, so that an ICMP port-unreachable comes back as ECONNREFUSED instead of silence.
    request.connected = true;
    request.count = 1;
    request.receiveWindowMs = m_request.timeoutMs;
    request.finishWhenAllAnswered = true;
    if (m_request.protocol == TimeProtocol::Sntp) {
        m_t1 = ntpTimestampFromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch());
        request.payload = makeSntpRequest(m_t1);
    }
    session->start(request);
}

void TimeQuery::udpFinished(const UdpSessionResult &r)
{
    if (r.error.isError()) {
        fail(r.error); // refused, unresolvable, bad input: another attempt would fail the same way
        return;
    }
    if (!m_gotReply) {
        noReply(tr("no reply within %1 ms").arg(m_request.timeoutMs));
        return;
    }
    decode(m_reply, m_replyMs);
}

void TimeQuery::startTcp()
{
    dropChildren();
    auto *probe = new TcpProbe(this);
    m_tcp = probe;
    const quint64 generation = m_generation;
    connect(probe, &TcpProbe::traced, this, [this, generation](const TraceEvent &e) {
        if (generation == m_generation)
            emit traced(e);
    });
    connect(probe, &TcpProbe::finished, this, [this, generation](const TcpProbeResult &r) {
        if (generation == m_generation)
            tcpConnected(r);
    });
    connect(probe, &TcpProbe::dataReceived, this, [this, generation](const QByteArray &bytes) {
        if (generation != m_generation)
            return;
        // A time reply is 4 bytes and a daytime line under 100: a server that keeps sending is
        // not one of those, and is not allowed to fill the memory.
        if (m_reply.size() + bytes.size() > kMaxReplyBytes) {
            SessionError e;
            e.kind = ErrorKind::Protocol;
            e.message = tr("The server sent more than %1 bytes; a time or daytime reply is a few bytes. It "
                           "began with: %2")
                            .arg(kMaxReplyBytes)
                            .arg(PayloadCodec::toEscapedText(m_reply.left(64), 80));
            fail(e);
            return;
        }
        m_reply.append(bytes);
        m_gotReply = true;
        m_replyMs = QDateTime::currentMSecsSinceEpoch();
    });
    connect(probe, &TcpProbe::connectionClosed, this, [this, generation](const SessionError &why) {
        if (generation == m_generation)
            tcpClosed(why);
    });
    TcpProbeRequest request;
    request.host = m_request.host;
    request.port = m_result.port;
    request.timeoutMs = m_request.timeoutMs;
    probe->start(request);
}

void TimeQuery::tcpConnected(const TcpProbeResult &r)
{
    if (r.error.isError()) {
        if (r.error.kind == ErrorKind::Timeout)
            noReply(tr("no connection within %1 ms").arg(m_request.timeoutMs));
        else
            fail(r.error);
        return;
    }
    // The server sends its answer unasked and closes: read until recv() returns 0.
    m_readTimer.start(m_request.timeoutMs);
}

void TimeQuery::tcpClosed(const SessionError &why)
{
    m_readTimer.stop();
    if (why.isError() && m_reply.isEmpty()) {
        fail(why);
        return;
    }
    if (m_reply.isEmpty()) {
        noReply(tr("the server closed the connection without sending anything"));
        return;
    }
    decode(m_reply, m_replyMs);
}

void TimeQuery::tcpTimedOut()
{
    if (!m_running)
        return;
    if (!m_reply.isEmpty()) {
        const quint64 generation = m_generation;
        note(tr("the server did not close the connection within %1 ms; decoding the %2 that came")
                 .arg(m_request.timeoutMs)
                 .arg(byteCount(m_reply.size())));
        if (generation != m_generation)
            return;
        decode(m_reply, m_replyMs);
        return;
    }
    noReply(tr("nothing received within %1 ms").arg(m_request.timeoutMs));
}

void TimeQuery::noReply(const QString &why)
{
    const quint64 generation = m_generation;
    note(tr("attempt %1 of %2: %3").arg(m_result.attempts).arg(m_request.retries).arg(why));
    if (generation != m_generation)
        return;
    if (m_result.attempts < m_request.retries) {
        // Not from inside the finishing session's own signal: it is deleted before the next starts.
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation && m_running)
                nextAttempt();
        });
        return;
    }
    // Spelled out rather than tr("%n attempt(s)"): without a loaded translation %n does not pluralise.
    const QString attempts = m_result.attempts == 1 ? tr("1 attempt") : tr("%1 attempts").arg(m_result.attempts);
    SessionError e;
    e.kind = ErrorKind::Timeout;
    e.message = m_request.transport == Transport::Udp
        ? tr("No reply after %1 of %2 ms each. UDP does not resend a lost datagram, and a firewall may block UDP.")
              .arg(attempts)
              .arg(m_request.timeoutMs)
        : tr("No answer after %1 of %2 ms each; a firewall may block the port.").arg(attempts).arg(m_request.timeoutMs);
    if (isOutsideHost(m_request.host))
        e.message += QLatin1Char(' ') + tr("%1 is an outside host: this needs Internet access.").arg(m_request.host);
    fail(e);
}

void TimeQuery::decode(const QByteArray &reply, qint64 replyMs)
{
    m_result.reply = reply;
    m_result.localClock = QDateTime::fromMSecsSinceEpoch(replyMs, Qt::UTC);
    switch (m_request.protocol) {
    case TimeProtocol::Rfc868Time: {
        TimeDecoding d = decodeRfc868(reply, replyMs / 1000);
        m_result.error = d.error;
        if (d.ok()) {
            m_result.serverTime = d.utc;
            m_result.differenceKnown = true;
            m_result.differenceSeconds = double(d.differenceSeconds);
            m_result.note = tr("RFC 868 counts whole seconds: the difference is exact only to a second.");
        }
        m_result.time = std::move(d);
        break;
    }
    case TimeProtocol::Sntp: {
        SntpDecoding d = decodeSntp(reply, m_t1, ntpTimestampFromMSecsSinceEpoch(replyMs));
        m_result.error = d.error;
        if (d.ok()) {
            m_result.serverTime = d.transmit.utc;
            m_result.differenceKnown = true;
            m_result.differenceSeconds = d.offsetSeconds;
            m_result.note = tr("The offset θ allows for the time the request and reply spent on the way.");
        }
        m_result.sntp = std::move(d);
        break;
    }
    case TimeProtocol::Daytime: {
        DaytimeDecoding d = decodeDaytime(reply);
        if (d.utc.isValid()) {
            m_result.serverTime = d.utc;
        } else if (d.date.isValid() && d.time.isValid()) {
            // RFC 867 gives no zone: read it as this machine's local time, and say so.
            m_result.serverTime = QDateTime(d.date, d.time, Qt::LocalTime).toUTC();
            m_result.note = tr("The reply names no time zone: it was read as this machine's local time.");
        }
        if (m_result.serverTime.isValid()) {
            m_result.differenceKnown = true;
            const qint64 serverMs = m_result.serverTime.toMSecsSinceEpoch();
            if (serverMs % 1000 == 0) {
                // A text in whole seconds: compare it with the local clock cut to the second too, or a
                // server that agrees would look up to a second behind.
                m_result.differenceSeconds = double(serverMs / 1000 - replyMs / 1000);
            } else {
                m_result.differenceSeconds = double(serverMs - replyMs) / 1000.0;
            }
        }
        m_result.daytime = std::move(d);
        break;
    }
    }
    finish();
}

void TimeQuery::cancel()
{
    if (!m_running)
        return;
    fail(makeCancelledError(tr("Cancelled.")));
}

void TimeQuery::fail(const SessionError &error)
{
    m_result.error = error;
    finish();
}

void TimeQuery::finish()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // late signals of the children are ignored from here on
    m_readTimer.stop();
    dropChildren();
    emit finished(m_result);
}

void TimeQuery::dropChildren()
{
    // Disconnected first, so a child cancelled here cannot call back; deleted later because this
    // may run inside one of the child's own signals.
    if (UdpSession *udp = m_udp.data()) {
        disconnect(udp, nullptr, this, nullptr);
        udp->cancel();
        udp->deleteLater();
    }
    if (TcpProbe *tcp = m_tcp.data()) {
        disconnect(tcp, nullptr, this, nullptr);
        tcp->close();
        tcp->deleteLater();
    }
    m_udp = nullptr;
    m_tcp = nullptr;
}

} // namespace swb
