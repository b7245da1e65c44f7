#include "httpgetverb.h"

#include "cliutil.h"
#include "http/httpget.h"
#include "net/payloadcodec.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace swb::cli {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

namespace {

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

// write(2) until everything is out; false on a real error (a closed pipe, a full disk).
bool writeAll(int fd, QByteArrayView bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += n;
    }
    return true;
}

// The request or response head as curl -v prints it: one line per line, escapes visible where
// a byte is not printable, a final "> " or "< " for the blank line.
void printHead(QChar mark, const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        err(QString(mark) + QLatin1Char(' ') + PayloadCodec::toEscapedText(line, 400));
    }
}

QByteArray headBytes(const HttpResponseHead &head)
{
    QByteArray out = head.statusLine + "\r\n";
    for (const HttpHeaderField &f : head.headers)
        out += f.name + ": " + f.value + "\r\n";
    return out + "\r\n";
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3) + QStringLiteral(" ms");
}

} // namespace

int runHttpGet(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "GET a URL over a bare socket, as the seed's HTTP client does: resolve, connect, send\n"
        "\"GET path HTTP/1.0\\r\\n\\r\\n\", shutdown(SHUT_WR), recv until the server closes. The steps, the request\n"
        "(> lines) and the response head (< lines) go to stderr; the body goes to stdout or --output.\n"
        "An HTTP error status (404) is still a successful exchange: the exit code is 0, as with curl.\n"
        "With --json, one JSON object per step and one for the result go to stderr."));
    parser.addPositionalArgument(
        QStringLiteral("url"), tr("http://host[:port]/path or https://...; the port may be a service name."));
    const QCommandLineOption http(QStringLiteral("http"),
        tr("HTTP version of the request: 1.0 (the seed's, default) or 1.1 (adds Host and Connection: close)."),
        tr("VERSION"), QStringLiteral("1.0"));
    const QCommandLineOption header(
        QStringLiteral("header"), tr("An extra header line \"Name: value\" (repeatable)."), tr("H"));
    const QCommandLineOption raw(QStringLiteral("raw"),
        tr("Send the bytes of FILE exactly as the request (the URL gives host and port)."), tr("FILE"));
    const QCommandLineOption output(
        QStringLiteral("output"), tr("Write the body to FILE instead of stdout."), tr("FILE"));
    const QCommandLineOption noShutdown(
        QStringLiteral("no-shutdown"), tr("Do not half-close (shutdown(SHUT_WR)) after sending."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        tr("Seconds each stage may take: connecting, TLS, the first byte, and any silence while downloading (default "
           "10)."),
        tr("S"), QStringLiteral("10"));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"), tr("https: list certificate problems in the trace, then go on anyway."));
    const QCommandLineOption v4(QStringLiteral("4"), tr("IPv4 only (AF_INET)."));
    const QCommandLineOption v6(QStringLiteral("6"), tr("IPv6 only (AF_INET6)."));
    const QCommandLineOption json(
        QStringLiteral("json"), tr("JSON lines on stderr instead of the curl -v style trace."));
    parser.addOptions({ http, header, raw, output, noShutdown, timeout, insecure, v4, v6, json });
    if (const int rc = parseVerbArguments(parser, arguments, 1); rc >= 0)
        return rc;
    const bool jsonMode = parser.isSet(json);

    // Everything but the body goes to stderr: stdout is the body.
    const Printer printer(jsonMode, stderr);
    auto report = [&](const SessionError &error, const QJsonObject &fields) {
        printer.result(error, fields, {});
        return exitCodeFor(error.kind);
    };
    auto usage
        = [&](const QString &field, const QString &message) { return report(makeUsageError(field, message), {}); };

    const Parsed<HttpTarget> target = HttpTarget::parseUrl(parser.positionalArguments().at(0));
    if (!target.ok())
        return report(target.error, {});
    HttpGetOptions options;
    options.request.target = *target.value;
    const QString version = parser.value(http);
    if (version == QLatin1String("1.0"))
        options.request.version = HttpVersion::Http10;
    else if (version == QLatin1String("1.1"))
        options.request.version = HttpVersion::Http11;
    else
        return usage(QStringLiteral("http"), tr("--http takes 1.0 or 1.1."));
    options.request.extraHeaders = parser.values(header).join(u'\n');
    if (parser.isSet(raw) && (parser.isSet(header) || parser.isSet(http)))
        return usage(QStringLiteral("raw"),
            tr("--raw sends the file's bytes as they are: --header and --http would be ignored. Put the header "
               "lines and the version into the file instead."));
    if (parser.isSet(raw)) {
        QFile file(parser.value(raw));
        if (!file.open(QIODevice::ReadOnly))
            return usage(QStringLiteral("raw"), tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        if (file.size() > (1 << 20))
            return usage(
                QStringLiteral("raw"), tr("%1 is larger than 1 MiB; a request is not that big.").arg(file.fileName()));
        options.request.raw = true;
        options.request.rawBytes = file.readAll();
    }
    bool ok = false;
    const double timeoutS = parser.value(timeout).toDouble(&ok);
    if (!ok || !(timeoutS > 0 && timeoutS <= 3600)) // written so that "nan" fails too
        return usage(QStringLiteral("timeout"), tr("--timeout must be a number of seconds between 0 and 3600."));
    // At least 1 ms: 0 would mean "no timeout at all", the opposite of --timeout 0.0001.
    options.timeoutMs = qMax(1, qRound(timeoutS * 1000));
    options.halfClose = !parser.isSet(noShutdown);
    options.acceptAnyCertificate = parser.isSet(insecure);
    if (parser.isSet(v4) && parser.isSet(v6))
        return usage(QStringLiteral("family"), tr("Choose -4 or -6, not both."));
    options.family = parser.isSet(v4) ? AddressFamily::IPv4
        : parser.isSet(v6)            ? AddressFamily::IPv6
                                      : AddressFamily::Any;

    QFile outFile;
    int outFd = STDOUT_FILENO;
    if (parser.isSet(output)) {
        outFile.setFileName(parser.value(output));
        if (!outFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return report(makeUsageError(QStringLiteral("output"),
                              tr("Cannot write %1: %2").arg(outFile.fileName(), outFile.errorString())),
                {});
        outFd = outFile.handle();
    }

    // A reader that goes away (| head) must end the run with an error, not kill it with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    HttpGet get;
    const bool toTerminal = outFd == STDOUT_FILENO && ::isatty(STDOUT_FILENO);
    bool refusedBinary = false;
    QString outputError;
    QString outputErrno;
    get.setBodySink([&](QByteArrayView bytes) {
        if (toTerminal && bytes.contains('\0')) {
            refusedBinary = true;
            return false;
        }
        if (writeAll(outFd, bytes))
            return true;
        const int e = errno;
        outputErrno = e == EPIPE ? QStringLiteral("OUTPUT_CLOSED") : errnoName(e);
        outputError = e == EPIPE
            ? tr("The program reading the body stopped reading (EPIPE): the rest was not written.")
            : tr("The body could not be written to %1: %2 (%3)")
                  .arg(outFd == STDOUT_FILENO ? tr("stdout") : outFile.fileName(), errnoText(e), errnoName(e));
        return false;
    });

    int recvCalls = 0;
    int recvReported = 0;
    qint64 recvBytes = 0;
    bool requestShown = false;
    QObject::connect(&get, &HttpGet::traced, &get, [&](const TraceEvent &e) {
        if (jsonMode) {
            printer.event(e);
            return;
        }
        if (e.kind == TraceKind::Received && e.size > 0) { // data: summed up at the end
            ++recvCalls;
            recvBytes += e.size;
            return;
        }
        if (recvCalls > recvReported) {
            recvReported = recvCalls;
            err(QStringLiteral("* ")
                + tr("recv() returned data %1 times, %2 in all").arg(recvCalls).arg(byteCount(recvBytes)));
        }
        if (e.kind == TraceKind::Note && e.call.isEmpty())
            err(QStringLiteral("* ") + QString::number(double(e.atNs) / 1e6, 'f', 3) + QStringLiteral(" ms  ")
                + e.result);
        else
            err(QStringLiteral("* ") + e.toLine().trimmed());
        if (e.kind == TraceKind::Sent && !requestShown) {
            requestShown = true;
            printHead(u'>', get.result().request);
        }
    });
    QObject::connect(&get, &HttpGet::headReceived, &get, [&](const HttpResponseHead &head) {
        if (jsonMode)
            return;
        for (const HttpResponseHead &interim :
            get.result().interim.isEmpty() ? QList<HttpResponseHead>() : get.result().interim)
            printHead(u'<', headBytes(interim));
        if (!head.http09)
            printHead(u'<', headBytes(head));
        else
            err(QStringLiteral("* ") + tr("no status line: an HTTP/0.9-style response, all of it body"));
    });

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &get, [&] { get.cancel(); });
    int exitCode = 0;
    QObject::connect(&get, &HttpGet::finished, &get, [&](const HttpGetResult &r) {
        SessionError error = r.error;
        if (refusedBinary) {
            error = makeUsageError(QStringLiteral("output"),
                tr("The body is binary and stdout is a terminal: use --output FILE or redirect stdout."));
        } else if (!outputError.isEmpty()) {
            error.kind = ErrorKind::Local;
            error.osError = outputErrno;
            error.message = outputError;
        }
        if (!jsonMode) {
            for (const HttpHeaderField &f : r.trailers)
                err(QStringLiteral("< ") + QString::fromLatin1(f.name + ": " + f.value) + tr("  (trailer)"));
            for (const QString &w : r.warnings)
                err(QStringLiteral("* ") + tr("note: %1").arg(w));
            if (r.headComplete) {
                err(QStringLiteral("* ")
                    + tr("status %1; body: %2")
                          .arg(r.head.http09 ? tr("none (HTTP/0.9)") : QString::fromLatin1(r.head.statusLine.mid(9)),
                              bodyCheckText(r)));
                if (r.extraBytes > 0)
                    err(QStringLiteral("* ")
                        + tr("%1 after the end of the response, ignored").arg(byteCount(r.extraBytes)));
            }
            QStringList parts;
            for (const HttpStageTiming &t : r.timings.stages) {
                if (t.happened())
                    parts << HttpTimings::stageName(t.stage).toLower() + QLatin1Char(' ') + ms(t.durationNs())
                            + (t.failed ? tr(" (failed)") : QString());
            }
            err(QStringLiteral("* ")
                + tr("timings: %1; total %2").arg(parts.join(QStringLiteral(", ")), ms(r.timings.totalNs)));
            if (r.redirect)
                err(QStringLiteral("* ")
                    + tr("redirect to %1: not followed; run http-get again with that URL").arg(r.redirect->toUrl()));
            if (!r.redirectProblem.isEmpty())
                err(QStringLiteral("* ") + tr("the Location could not be read: %1").arg(r.redirectProblem));
        }
        QJsonObject fields;
        fields.insert(QStringLiteral("url"), r.target.toUrl());
        fields.insert(QStringLiteral("status"), r.head.status);
        fields.insert(QStringLiteral("body_bytes"), double(r.bodyBytes));
        fields.insert(QStringLiteral("received_bytes"), double(r.receivedBytes));
        fields.insert(QStringLiteral("framing"), httpFramingName(r.framing));
        if (r.contentLength >= 0)
            fields.insert(QStringLiteral("content_length"), double(r.contentLength));
        fields.insert(QStringLiteral("total_ms"), double(r.timings.totalNs) / 1e6);
        if (!r.failedStage.isEmpty())
            fields.insert(QStringLiteral("stage"), r.failedStage);
        if (r.redirect)
            fields.insert(QStringLiteral("location"), r.redirect->toUrl());
        exitCode = report(error, fields);
        if (!jsonMode && error.osError == QLatin1String("TLS_CERTIFICATE"))
            err(QStringLiteral("  ")
                + tr("To go on anyway with this server, add --insecure: the problems stay listed in the trace."));
        QCoreApplication::exit(exitCode);
    });

    QTimer::singleShot(0, &get, [&] { get.start(options); });
    QCoreApplication::exec();
    if (outFile.isOpen())
        outFile.close();
    return exitCode;
}

} // namespace swb::cli
