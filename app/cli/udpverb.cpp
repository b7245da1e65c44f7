#include "udpverb.h"

#include "client/udpsession.h"
#include "cliutil.h"
#include "net/payloadcodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace swb::cli {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

namespace {

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3) + QStringLiteral(" ms");
}

} // namespace

int runUdp(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send UDP datagrams to HOST PORT (a number, or a service name looked up for udp) and print every\n"
           "call, every datagram that comes back (with its sender and round-trip time) and what was lost.\n"
           "Unconnected (the default): sendto/recvfrom, a reply from any sender is shown. --connected: connect()\n"
           "first, then send/recv: only the peer's datagrams count, and an ICMP port-unreachable shows as\n"
           "ECONNREFUSED. The seed waited for replies forever; here --wait says how long."));
    parser.addPositionalArgument(QStringLiteral("host"), tr("Host name or address (127.0.0.1, ::1, localhost)."));
    parser.addPositionalArgument(QStringLiteral("port"), tr("Port number or service name (50007, echo)."));
    const QCommandLineOption data(QStringLiteral("data"),
        tr("Text to send; escapes \\r \\n \\t \\\\ \\0 \\xNN work (default: empty, a legal datagram)."), tr("TEXT"));
    const QCommandLineOption hex(QStringLiteral("hex"), tr("Bytes to send, in hex (\"48 69\")."), tr("HEX"));
    const QCommandLineOption connected(
        QStringLiteral("connected"), tr("connect() the socket first, then send/recv (only the peer's replies)."));
    const QCommandLineOption bind(
        QStringLiteral("bind"), tr("bind() to this local port first (default: the system picks)."), tr("PORT"));
    const QCommandLineOption count(
        QStringLiteral("count"), tr("How many datagrams to send (default 1)."), tr("N"), QStringLiteral("1"));
    const QCommandLineOption interval(QStringLiteral("interval"), tr("Milliseconds between datagrams (default 1000)."),
        tr("MS"), QStringLiteral("1000"));
    const QCommandLineOption wait(QStringLiteral("wait"),
        tr("Seconds to keep receiving after the last datagram (default 2)."), tr("S"), QStringLiteral("2"));
    const QCommandLineOption buffer(QStringLiteral("buffer"),
        tr("recv buffer in bytes (default 65536); a smaller one shows a longer reply truncated."), tr("BYTES"),
        QStringLiteral("65536"));
    const QCommandLineOption broadcast(QStringLiteral("broadcast"),
        tr("setsockopt(SO_BROADCAST): needed to send to a broadcast address such as 255.255.255.255."));
    const QCommandLineOption v4(QStringLiteral("4"), tr("IPv4 only (AF_INET)."));
    const QCommandLineOption v6(QStringLiteral("6"), tr("IPv6 only (AF_INET6)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per event, then one for the result."));
    parser.addOptions({ data, hex, connected, bind, count, interval, wait, buffer, broadcast, v4, v6, json });
    if (const int rc = parseVerbArguments(parser, arguments, 2); rc >= 0)
        return rc;

    const Printer out(parser.isSet(json));
    auto usage = [&](const QString &field, const QString &message) {
        out.result(makeUsageError(field, message), {}, {});
        return exitCodeFor(ErrorKind::Usage);
    };
    UdpSessionRequest request;
    request.host = parser.positionalArguments().at(0);
    request.port = parser.positionalArguments().at(1);
    if (parser.isSet(data) && parser.isSet(hex))
        return usage(QStringLiteral("data"), tr("Use --data or --hex, not both."));
    if (parser.isSet(data) || parser.isSet(hex)) {
        const PayloadCodec::Decoded d = parser.isSet(data) ? PayloadCodec::fromEscapedText(parser.value(data))
                                                           : PayloadCodec::fromHex(parser.value(hex));
        if (!d.bytes)
            return usage(parser.isSet(data) ? QStringLiteral("data") : QStringLiteral("hex"), d.error);
        request.payload = *d.bytes;
    }
    request.connected = parser.isSet(connected);
    bool ok = false;
    if (parser.isSet(bind)) {
        const uint local = parser.value(bind).toUInt(&ok);
        if (!ok || local > 65535)
            return usage(QStringLiteral("bind"), tr("--bind takes a port number from 0 to 65535."));
        request.localPort = quint16(local);
    }
    request.count = parser.value(count).toInt(&ok);
    if (!ok || request.count < 1 || request.count > UdpSessionRequest::kMaxCount)
        return usage(QStringLiteral("count"),
            tr("--count must be a whole number from 1 to %1.").arg(UdpSessionRequest::kMaxCount));
    request.intervalMs = parser.value(interval).toInt(&ok);
    if (!ok || request.intervalMs < 0 || request.intervalMs > 3600000)
        return usage(QStringLiteral("interval"), tr("--interval must be milliseconds from 0 to 3600000."));
    const double waitS = parser.value(wait).toDouble(&ok);
    if (!ok || !(waitS >= 0 && waitS <= 3600)) // written so that "nan" fails too
        return usage(QStringLiteral("wait"), tr("--wait must be a number of seconds from 0 to 3600."));
    request.receiveWindowMs = int(std::lround(waitS * 1000));
    request.readBufferSize = parser.value(buffer).toInt(&ok);
    if (!ok || request.readBufferSize < 1 || request.readBufferSize > 65536)
        return usage(QStringLiteral("buffer"), tr("--buffer must be from 1 to 65536 bytes."));
    request.broadcast = parser.isSet(broadcast);
    if (parser.isSet(v4) && parser.isSet(v6))
        return usage(QStringLiteral("family"), tr("Choose -4 or -6, not both."));
    request.family = parser.isSet(v4) ? AddressFamily::IPv4
        : parser.isSet(v6)            ? AddressFamily::IPv6
                                      : AddressFamily::Any;

    UdpSession session;
    SignalWatcher watcher;
    int exitCode = 0;
    QObject::connect(&session, &UdpSession::traced, &session, [&](const TraceEvent &e) { out.event(e); });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &session, [&] { session.cancel(); });
    QObject::connect(&session, &UdpSession::finished, &session, [&](const UdpSessionResult &r) {
        QList<qint64> rtts;
        for (const UdpExchange &x : r.exchanges) {
            if (x.answered())
                rtts << x.rttNs();
        }
        std::sort(rtts.begin(), rtts.end());
        QJsonObject fields;
        fields.insert(QStringLiteral("local"), r.local.toString());
        fields.insert(QStringLiteral("remote"), r.remote.toString());
        fields.insert(QStringLiteral("connected"), r.connected);
        fields.insert(QStringLiteral("sent"), r.sent);
        fields.insert(QStringLiteral("received"), r.received);
        fields.insert(QStringLiteral("unanswered"), r.unanswered);
        fields.insert(QStringLiteral("truncated"), r.truncated);
        QJsonArray rttArray;
        for (const qint64 rtt : std::as_const(rtts))
            rttArray.append(double(rtt) / 1e6);
        fields.insert(QStringLiteral("rtt_ms"), rttArray);
        QStringList summary;
        if (r.sent > 0) {
            summary << tr("Sent %1, received %2, unanswered %3 (%4 % lost)")
                           .arg(r.sent)
                           .arg(r.received)
                           .arg(r.unanswered)
                           .arg(QString::number(100.0 * r.unanswered / r.sent, 'f', 1));
            if (!rtts.isEmpty())
                summary << tr("Round trip: min %1, median %2, max %3")
                               .arg(ms(rtts.first()), ms(rtts.at(rtts.size() / 2)), ms(rtts.last()));
            if (r.truncated > 0)
                summary << tr("%1 replies were longer than the %2-byte buffer: the rest of each was discarded")
                               .arg(r.truncated)
                               .arg(request.readBufferSize);
        }
        out.result(r.error, fields, summary);
        exitCode = exitCodeFor(r.error.kind);
        QCoreApplication::exit(exitCode);
    });
    QTimer::singleShot(0, &session, [&] { session.start(request); });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace swb::cli
