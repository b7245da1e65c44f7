#include "timeverb.h"

#include "cliutil.h"
#include "time/timequery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <cmath>

namespace swb::cli {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

namespace {

void printSteps(const Printer &out, const QString &heading, const QList<DecodeStep> &steps, QJsonArray *json)
{
    if (steps.isEmpty())
        return;
    out.line(heading);
    for (const DecodeStep &s : steps) {
        out.line(QStringLiteral("  %1: %2").arg(s.label, s.value));
        if (!s.explanation.isEmpty())
            out.line(QStringLiteral("      ") + s.explanation);
        QJsonObject o;
        o.insert(QStringLiteral("label"), s.label);
        o.insert(QStringLiteral("value"), s.value);
        o.insert(QStringLiteral("explanation"), s.explanation);
        json->append(o);
    }
}

QString clockText(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral(" UTC (")
        + utc.toLocalTime().toString(QStringLiteral("ddd MMM d HH:mm:ss yyyy")) + QStringLiteral(" local)");
}

} // namespace

int runTime(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Ask a time server what time it is, and decode the answer step by step.\n"
           "time (RFC 868): an empty datagram (or a TCP connection) to port 37, 4 bytes back: seconds since 1900.\n"
           "daytime (RFC 867): port 13, the date as text. sntp (RFC 4330): port 123, UDP only, a 48-byte\n"
           "request and reply with four timestamps. A UDP reply can be lost: --retries tries again for you\n"
           "(the seed said \"you may need to run it several times\")."));
    parser.addPositionalArgument(
        QStringLiteral("host"), tr("Time server (127.0.0.1 for the lab, time.nist.gov, pool.ntp.org)."));
    const QCommandLineOption protocol(QStringLiteral("protocol"), tr("time, daytime or sntp (default time)."),
        tr("PROTOCOL"), QStringLiteral("time"));
    const QCommandLineOption transport(
        QStringLiteral("transport"), tr("udp or tcp (default udp; sntp is UDP only)."), tr("T"), QStringLiteral("udp"));
    const QCommandLineOption port(QStringLiteral("port"),
        tr("Port number or service name (default: the protocol's own, 37, 13 or 123)."), tr("P"));
    const QCommandLineOption retries(
        QStringLiteral("retries"), tr("Attempts in all (default 3)."), tr("N"), QStringLiteral("3"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"), tr("Seconds to wait for each attempt (default 2)."), tr("S"), QStringLiteral("2"));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per event, then one for the result."));
    parser.addOptions({ protocol, transport, port, retries, timeout, json });
    if (const int rc = parseVerbArguments(parser, arguments, 1); rc >= 0)
        return rc;

    const Printer out(parser.isSet(json));
    auto usage = [&](const QString &field, const QString &message) {
        out.result(makeUsageError(field, message), {}, {});
        return exitCodeFor(ErrorKind::Usage);
    };
    TimeQueryRequest request;
    request.host = parser.positionalArguments().at(0);
    const std::optional<TimeProtocol> p = timeProtocolFromName(parser.value(protocol));
    if (!p)
        return usage(QStringLiteral("protocol"), tr("--protocol takes time, daytime or sntp."));
    request.protocol = *p;
    const QString t = parser.value(transport).toLower();
    if (t == QLatin1String("udp"))
        request.transport = Transport::Udp;
    else if (t == QLatin1String("tcp"))
        request.transport = Transport::Tcp;
    else
        return usage(QStringLiteral("transport"), tr("--transport takes udp or tcp."));
    if (parser.isSet(port)) {
        request.port = parser.value(port).trimmed();
        if (request.port.isEmpty())
            return usage(QStringLiteral("port"), tr("--port takes a port number or a service name."));
    }
    bool ok = false;
    request.retries = parser.value(retries).toInt(&ok);
    if (!ok || request.retries < 1 || request.retries > TimeQueryRequest::kMaxRetries)
        return usage(QStringLiteral("retries"),
            tr("--retries must be a whole number of attempts from 1 to %1.").arg(TimeQueryRequest::kMaxRetries));
    const double timeoutS = parser.value(timeout).toDouble(&ok);
    if (!ok || !(timeoutS > 0 && timeoutS <= 3600)) // written so that "nan" fails too
        return usage(QStringLiteral("timeout"), tr("--timeout must be a number of seconds between 0 and 3600."));
    request.timeoutMs = std::max(1, int(std::lround(timeoutS * 1000)));

    TimeQuery query;
    SignalWatcher watcher;
    int exitCode = 0;
    QObject::connect(&query, &TimeQuery::traced, &query, [&](const TraceEvent &e) { out.event(e); });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &query, [&] { query.cancel(); });
    QObject::connect(&query, &TimeQuery::finished, &query, [&](const TimeQueryResult &r) {
        QJsonObject fields;
        fields.insert(QStringLiteral("protocol"), timeProtocolName(r.protocol));
        fields.insert(QStringLiteral("transport"), transportName(r.transport));
        fields.insert(QStringLiteral("port"), r.port);
        fields.insert(QStringLiteral("attempts"), r.attempts);
        fields.insert(QStringLiteral("reply_hex"), QString::fromLatin1(r.reply.toHex(' ')));
        QJsonArray steps;
        if (r.time)
            printSteps(out, tr("RFC 868 decoding:"), r.time->steps, &steps);
        if (r.sntp) {
            printSteps(out, tr("SNTP reply fields:"), r.sntp->fields, &steps);
            printSteps(out, tr("Offset and delay:"), r.sntp->steps, &steps);
        }
        if (r.daytime) {
            out.line(tr("Daytime text: %1").arg(r.daytime->text));
            if (!r.daytime->formatName.isEmpty())
                out.line(tr("Format: %1").arg(r.daytime->formatName));
            printSteps(out, tr("Daytime decoding:"), r.daytime->steps, &steps);
            if (!r.daytime->note.isEmpty())
                out.line(r.daytime->note);
        }
        fields.insert(QStringLiteral("steps"), steps);
        QStringList summary;
        if (r.serverTime.isValid()) {
            summary << tr("Server time: %1").arg(clockText(r.serverTime));
            fields.insert(QStringLiteral("server_time"), r.serverTime.toString(Qt::ISODateWithMs));
        }
        if (r.localClock.isValid()) {
            summary << tr("Local clock: %1").arg(clockText(r.localClock));
            fields.insert(QStringLiteral("local_clock"), r.localClock.toString(Qt::ISODateWithMs));
        }
        if (r.differenceKnown) {
            const double d = r.differenceSeconds;
            summary << tr("Difference: %1 s (%2)")
                           .arg(QString::asprintf("%+.3f", d),
                               std::abs(d) < 0.0005 ? tr("the clocks agree")
                                   : d > 0          ? tr("the server is ahead of the local clock")
                                                    : tr("the server is behind the local clock"));
            fields.insert(QStringLiteral("difference_s"), d);
            if (!r.note.isEmpty())
                summary << r.note;
        }
        if (r.ok())
            summary << tr("Answered on attempt %1 of %2.").arg(r.attempts).arg(request.retries);
        out.result(r.error, fields, summary);
        exitCode = exitCodeFor(r.error.kind);
        QCoreApplication::exit(exitCode);
    });
    QTimer::singleShot(0, &query, [&] { query.start(request); });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace swb::cli
