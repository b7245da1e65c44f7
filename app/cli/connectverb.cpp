#include "connectverb.h"

#include "client/tcpprobe.h"
#include "cliutil.h"
#include "net/payloadcodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

namespace swb::cli {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

int runConnect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Resolve HOST, create a TCP socket, connect to PORT (a number or a service name such as http) and show\n"
           "both endpoints (getsockname / getpeername). With --send, send bytes, half-close, and print what comes\n"
           "back until the server closes or --wait runs out."));
    parser.addPositionalArgument(QStringLiteral("host"), tr("Host name or address (localhost, 127.0.0.1, ::1)."));
    parser.addPositionalArgument(QStringLiteral("port"), tr("Port number or service name (50007, http)."));
    const QCommandLineOption v4(QStringLiteral("4"), tr("IPv4 only (AF_INET)."));
    const QCommandLineOption v6(QStringLiteral("6"), tr("IPv6 only (AF_INET6)."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"), tr("Seconds to wait for resolving and connecting (default 5)."), tr("S"), tr("5"));
    const QCommandLineOption send(QStringLiteral("send"),
        tr("Text to send after connecting; escapes \\r \\n \\t \\\\ \\0 \\xNN work."), tr("TEXT"));
    const QCommandLineOption hex(QStringLiteral("hex"), tr("Bytes to send, in hex (\"48 65 6c 6c 6f\")."), tr("HEX"));
    const QCommandLineOption wait(QStringLiteral("wait"),
        tr("Seconds to keep reading after connecting (default 2 with --send/--hex, else 0)."), tr("S"));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per event, then one for the result."));
    parser.addOptions({ v4, v6, timeout, send, hex, wait, json });
    if (const int rc = parseVerbArguments(parser, arguments, 2); rc >= 0)
        return rc;

    const Printer out(parser.isSet(json));
    auto usage = [&](const QString &field, const QString &message) {
        out.result(makeUsageError(field, message), {}, {});
        return exitCodeFor(ErrorKind::Usage);
    };
    if (parser.isSet(v4) && parser.isSet(v6))
        return usage(QStringLiteral("family"), tr("Choose -4 or -6, not both."));
    bool ok = false;
    const double timeoutS = parser.value(timeout).toDouble(&ok);
    if (!ok || timeoutS <= 0 || timeoutS > 3600)
        return usage(QStringLiteral("timeout"), tr("--timeout must be a number of seconds between 0 and 3600."));
    QByteArray payload;
    bool sending = false;
    if (parser.isSet(send) && parser.isSet(hex))
        return usage(QStringLiteral("data"), tr("Use --send or --hex, not both."));
    if (parser.isSet(send) || parser.isSet(hex)) {
        const PayloadCodec::Decoded d = parser.isSet(send) ? PayloadCodec::fromEscapedText(parser.value(send))
                                                           : PayloadCodec::fromHex(parser.value(hex));
        if (!d.bytes)
            return usage(parser.isSet(send) ? QStringLiteral("send") : QStringLiteral("hex"), d.error);
        payload = *d.bytes;
        sending = true;
    }
    double waitS = sending ? 2.0 : 0.0;
    if (parser.isSet(wait)) {
        waitS = parser.value(wait).toDouble(&ok);
        if (!ok || waitS < 0 || waitS > 3600)
            return usage(QStringLiteral("wait"), tr("--wait must be a number of seconds between 0 and 3600."));
    }

    TcpProbeRequest request;
    request.host = parser.positionalArguments().at(0);
    request.port = parser.positionalArguments().at(1);
    request.family = parser.isSet(v4) ? AddressFamily::IPv4
        : parser.isSet(v6)            ? AddressFamily::IPv6
                                      : AddressFamily::Any;
    request.timeoutMs = int(timeoutS * 1000);

    TcpProbe probe;
    SignalWatcher watcher;
    QTimer waitTimer;
    waitTimer.setSingleShot(true);
    int exitCode = 0;
    SessionError outcome;
    TcpProbeResult result;
    qint64 receivedBytes = 0;

    bool done = false;
    auto finishRun = [&] {
        if (done)
            return;
        done = true;
        if (probe.state() == TcpProbe::State::Connected || probe.state() == TcpProbe::State::HalfClosed)
            probe.close();
        QJsonObject fields;
        fields.insert(QStringLiteral("host"), request.host);
        fields.insert(QStringLiteral("port"), int(result.port));
        QJsonArray addresses;
        for (const QHostAddress &a : result.addresses)
            addresses.append(a.toString());
        fields.insert(QStringLiteral("addresses"), addresses);
        QStringList summary;
        if (result.ok()) {
            fields.insert(QStringLiteral("local"), result.local.toString());
            fields.insert(QStringLiteral("remote"), result.remote.toString());
            fields.insert(QStringLiteral("connect_ms"), double(result.durationNs) / 1e6);
            fields.insert(QStringLiteral("received_bytes"), double(receivedBytes));
            summary << tr("Connected from %1").arg(result.local.toPythonTuple())
                    << tr("Connected to   %1").arg(result.remote.toPythonTuple());
        }
        out.result(outcome, fields, summary);
        exitCode = exitCodeFor(outcome.kind);
        QCoreApplication::exit(exitCode);
    };

    QObject::connect(&probe, &TcpProbe::traced, &probe, [&](const TraceEvent &e) { out.event(e); });
    QObject::connect(&probe, &TcpProbe::dataReceived, &probe, [&](const QByteArray &d) { receivedBytes += d.size(); });
    QObject::connect(&probe, &TcpProbe::finished, &probe, [&](const TcpProbeResult &r) {
        result = r;
        if (!r.ok()) {
            outcome = r.error;
            finishRun();
            return;
        }
        if (sending) {
            probe.send(payload);
            probe.halfClose(); // as the seed advises: shutdown(1) surfaces errors sendall() missed
        }
        if (waitS <= 0) {
            finishRun();
            return;
        }
        waitTimer.start(int(waitS * 1000));
    });
    QObject::connect(&probe, &TcpProbe::connectionClosed, &probe, [&](const SessionError &why) {
        waitTimer.stop();
        if (why.isError())
            outcome = why;
        finishRun();
    });
    QObject::connect(&waitTimer, &QTimer::timeout, &probe, [&] {
        out.line(tr("(stopped reading after %1 s; the server had not closed)").arg(waitS));
        finishRun();
    });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &probe, [&] {
        outcome.kind = ErrorKind::Local;
        outcome.message = tr("Interrupted.");
        finishRun();
    });

    QTimer::singleShot(0, &probe, [&] { probe.start(request); });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace swb::cli
