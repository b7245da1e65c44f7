#include "serveverb.h"

#include "cliutil.h"
#include "lab/locallab.h"
#include "net/endpoint.h"
#include "net/sockutil.h"
#include "server/connectionmodel.h"
#include "server/listenserver.h"
#include "trace/consoleformat.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <unistd.h>

namespace swb::cli {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

static quint16 labPortFor(const QString &behaviour, Transport transport)
{
    for (const LabService &s : LocalLab::defaultServices()) {
        if (s.behaviour == behaviour && s.transport == transport)
            return s.preferredPort;
    }
    for (const LabService &s : LocalLab::defaultServices()) {
        if (s.behaviour == behaviour)
            return s.preferredPort;
    }
    return 0;
}

namespace {

// --log FILE: every console line appended to a file, as text or CSV. Written through QFile's buffer and
// flushed within a second of the first unflushed line, so a quiet server does not wake up for nothing.
class ConsoleLog {
public:
    explicit ConsoleLog(const Printer &out)
        : m_out(out)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(1000);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { flush(); });
    }
    ~ConsoleLog() { flush(); }

    // A Usage error with the OS reason when the file cannot be opened for appending.
    SessionError open(const QString &path, ConsoleFormat::Format format)
    {
        m_format = format;
        // open(2) ourselves: errno then names the reason for certain (ENOENT, EACCES, EISDIR).
        const QByteArray name = QFile::encodeName(path);
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
        if (fd < 0) {
            const int err = errno;
            SessionError e = makeUsageError(
                QStringLiteral("log"), tr("Cannot open the log file '%1': %2.").arg(path, errnoText(err)));
            // errnoName() knows the socket errors; a file's ENOENT or EISDIR comes out as "errno 2".
            if (const QString osName = errnoName(err); !osName.startsWith(QLatin1String("errno ")))
                e.osError = osName;
            return e;
        }
        m_file.setFileName(path);
        if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Append, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return makeUsageError(
                QStringLiteral("log"), tr("Cannot open the log file '%1': %2.").arg(path, m_file.errorString()));
        }
        // A CSV file gets its header once, not again each time the server appends to it.
        if (m_format == ConsoleFormat::Format::Csv && m_file.size() == 0)
            put(ConsoleFormat::csvHeader());
        return {};
    }

    void append(const TraceEvent &event)
    {
        if (m_file.isOpen())
            put(m_format == ConsoleFormat::Format::Csv ? ConsoleFormat::csvRow(event) : ConsoleFormat::line(event));
    }

    void flush()
    {
        m_timer.stop();
        if (m_file.isOpen() && !m_file.flush())
            fail();
    }

private:
    void put(const QString &text)
    {
        const QByteArray bytes = text.toUtf8() + '\n';
        if (m_file.write(bytes) != bytes.size())
            return fail();
        if (!m_timer.isActive())
            m_timer.start();
    }

    // A full disk must not stop the server: say so once and stop logging.
    void fail()
    {
        m_out.warning(tr("socket-workbench serve: writing the log file '%1' failed (%2); the log stops here.")
                          .arg(m_file.fileName(), m_file.errorString()));
        m_timer.stop();
        m_file.close();
    }

    const Printer &m_out;
    QFile m_file;
    QTimer m_timer;
    ConsoleFormat::Format m_format = ConsoleFormat::Format::Text;
};

// --behaviour manual: what the operator types on stdin goes to the clients, a line at a time; lines
// starting with / are commands. stdin is read through a socket notifier and never blocks the server.
class OperatorInput {
public:
    OperatorInput(ListenServer &server, const Printer &out)
        : m_server(server)
        , m_out(out)
        , m_clients(server.options().transport)
    {
        // Closed rows are of no use to /list: drop them at once.
        m_clients.setRetention(0, 0);
    }

    ~OperatorInput()
    {
        // stdin's flags belong to the open file description, which the shell shares: give them back.
        if (m_savedFlags >= 0)
            ::fcntl(STDIN_FILENO, F_SETFL, m_savedFlags);
    }

    void traced(const TraceEvent &event) { m_clients.addEvents({ event }); }

    void start()
    {
        const int flags = ::fcntl(STDIN_FILENO, F_GETFL);
        if (flags < 0) {
            m_out.note(tr("No standard input to read: typed replies are off."));
            return;
        }
        if (!(flags & O_NONBLOCK) && ::fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK) == 0)
            m_savedFlags = flags;
        m_notifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] { readInput(); });
    }

    static QString help()
    {
        return tr("Type a line and Enter: it goes to every client, newline included. Commands:\n"
                  "  /to ID TEXT   send TEXT and a newline to client ID only\n"
                  "  /half ID      shutdown(SHUT_WR): the client reads end-of-file, and may still send\n"
                  "  /close ID     close() the client now (what is still queued for it is dropped)\n"
                  "  /list         the clients still connected\n"
                  "  /help         this help\n"
                  "  //TEXT        send a line that starts with /\n"
                  "Ctrl-D ends the typing only; Ctrl-C stops the server.");
    }

private:
    void readInput()
    {
        // A bounded amount per wake-up: a large file piped in must not starve the clients.
        for (int round = 0; round < 16; ++round) {
            char buffer[4096];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            const int err = n < 0 ? errno : 0;
            if (n > 0) {
                m_pending.append(buffer, int(n));
                takeLines();
                continue;
            }
            if (err == EINTR)
                continue;
            if (err == EAGAIN || err == EWOULDBLOCK)
                return;
            // End of input (or an error reading it): the last unfinished line goes as typed, and the
            // server keeps running; only Ctrl-C stops it. Disabled, not deleted: we are in its signal.
            m_notifier->setEnabled(false);
            if (!m_pending.isEmpty())
                handleLine(std::exchange(m_pending, {}));
            m_out.note(n == 0 ? tr("End of standard input: nothing more will be typed. Ctrl-C stops the server.")
                              : tr("Standard input failed (%1): nothing more will be typed. Ctrl-C stops the server.")
                                    .arg(errnoName(err)));
            return;
        }
    }

    void takeLines()
    {
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(end + 1);
            m_pending.remove(0, end + 1);
            handleLine(line);
        }
        // No newline in a megabyte: send it as it is rather than hold on to it without bound.
        if (m_pending.size() >= 1024 * 1024)
            handleLine(std::exchange(m_pending, {}));
    }

    static QByteArray withoutLineEnd(QByteArray line)
    {
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return line;
    }

    void handleLine(const QByteArray &line)
    {
        if (line.startsWith("//"))
            return sendToAll(line.mid(1));
        if (!line.startsWith('/'))
            return sendToAll(line);
        const QByteArray body = withoutLineEnd(line);
        const qsizetype space = body.indexOf(' ');
        const QByteArray name = space < 0 ? body : body.left(space);
        QByteArray rest = space < 0 ? QByteArray() : body.mid(space + 1);
        while (rest.startsWith(' '))
            rest.remove(0, 1);
        const bool tcp = m_server.options().transport == Transport::Tcp;

        if (name == "/help")
            return m_out.note(help());
        if (name == "/list")
            return list();
        if (name == "/to") {
            const qsizetype idEnd = rest.indexOf(' ');
            const int id = idEnd < 0 ? 0 : clientId(rest.left(idEnd));
            if (id <= 0)
                return m_out.note(tr("Usage: /to ID TEXT, e.g. /to 3 hello (see /list for the ids)."));
            return m_server.sendTo(id, rest.mid(idEnd + 1) + '\n');
        }
        if (name == "/half" || name == "/close") {
            const int id = clientId(rest.trimmed());
            if (id <= 0)
                return m_out.note(tr("Usage: %1 ID, e.g. %1 3 (see /list for the ids).").arg(QString::fromUtf8(name)));
            if (!tcp)
                return m_out.note(tr("UDP has no connections: there is nothing to half-close or close."));
            return name == "/half" ? m_server.halfCloseClient(id) : m_server.closeClient(id);
        }
        m_out.note(tr("Unknown command '%1'. /help lists the commands; //TEXT sends a line starting with /.")
                       .arg(QString::fromUtf8(name)));
    }

    static int clientId(QByteArray text)
    {
        if (text.startsWith('#'))
            text.remove(0, 1);
        bool ok = false;
        const int id = text.toInt(&ok);
        return ok && id > 0 ? id : 0;
    }

    void sendToAll(const QByteArray &bytes)
    {
        if (m_clients.openClients().isEmpty()) {
            m_out.note(m_server.options().transport == Transport::Tcp
                    ? tr("Not sent: no client is connected.")
                    : tr("Not sent: no client has sent a datagram yet, so there is no address to send to."));
            return;
        }
        m_server.sendToAll(bytes);
    }

    void list()
    {
        const QVector<int> ids = m_clients.openClients();
        auto cell = [this](int row, int column) { return m_clients.index(row, column).data().toString(); };
        if (m_out.json()) {
            QJsonArray clients;
            for (const int id : ids) {
                const int row = m_clients.rowOfClient(id);
                QJsonObject o;
                o.insert(QStringLiteral("id"), id);
                o.insert(QStringLiteral("peer"), cell(row, ConnectionModel::PeerColumn));
                o.insert(
                    QStringLiteral("bytes_in"), m_clients.index(row, ConnectionModel::BytesInColumn).data().toDouble());
                o.insert(QStringLiteral("bytes_out"),
                    m_clients.index(row, ConnectionModel::BytesOutColumn).data().toDouble());
                o.insert(QStringLiteral("state"), cell(row, ConnectionModel::StateColumn));
                clients.append(o);
            }
            QJsonObject o;
            o.insert(QStringLiteral("type"), QStringLiteral("clients"));
            o.insert(QStringLiteral("clients"), clients);
            return m_out.object(o);
        }
        const bool tcp = m_server.options().transport == Transport::Tcp;
        if (ids.isEmpty())
            return m_out.note(tcp ? tr("No client is connected.") : tr("No client has sent a datagram yet."));
        QStringList lines { (tcp ? tr("Clients connected: %1") : tr("Senders seen: %1")).arg(ids.size()) };
        for (const int id : ids) {
            const int row = m_clients.rowOfClient(id);
            lines << tr("  %1 %2 since %3 (%4), %5 in, %6 out, %7")
                         .arg(cell(row, ConnectionModel::IdColumn).leftJustified(5),
                             cell(row, ConnectionModel::PeerColumn).leftJustified(21),
                             cell(row, ConnectionModel::OpenedColumn), cell(row, ConnectionModel::DurationColumn),
                             byteCount(m_clients.index(row, ConnectionModel::BytesInColumn).data().toLongLong()),
                             byteCount(m_clients.index(row, ConnectionModel::BytesOutColumn).data().toLongLong()),
                             cell(row, ConnectionModel::StateColumn));
        }
        m_out.note(lines.join(QLatin1Char('\n')));
    }

    ListenServer &m_server;
    const Printer &m_out;
    ConnectionModel m_clients;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QByteArray m_pending;
    int m_savedFlags = -1;
};

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    QString behaviours;
    for (const QString &name : behaviourNames())
        behaviours += QStringLiteral("\n  %1  %2").arg(name.leftJustified(10), behaviourDescription(name));
    parser.setApplicationDescription(
        tr("Run a TCP or UDP server with a behaviour and print every socket call it makes (socket, setsockopt, bind,\n"
           "listen, accept, recv, send, close; or recvfrom/sendto) until Ctrl-C, one console line each:\n"
           "time, client, peer, direction (<- from the client, -> to it, ++ accepted, -- closed, !! error), size, "
           "data.\n"
           "With --behaviour manual, every line typed on stdin goes to the clients (/help lists the commands).\n"
           "Behaviours:")
        + behaviours);
    parser.addPositionalArgument(QStringLiteral("transport"), tr("tcp or udp."));
    const QCommandLineOption bind(QStringLiteral("bind"),
        tr("Address to bind (default 127.0.0.1; 0.0.0.0 or :: for every interface)."), tr("ADDR"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
        tr("Port or service name; 0 lets the system choose (default: the lab's port for the behaviour)."), tr("P"));
    const QCommandLineOption behaviour(
        QStringLiteral("behaviour"), tr("What the server does (default echo)."), tr("NAME"), QStringLiteral("echo"));
    const QCommandLineOption maxClients(
        QStringLiteral("max-clients"), tr("Most clients at once (default 1000)."), tr("N"), QStringLiteral("1000"));
    const QCommandLineOption backlog(
        QStringLiteral("backlog"), tr("listen() backlog (default 128)."), tr("N"), QStringLiteral("128"));
    const QCommandLineOption reuse(QStringLiteral("reuse-address"),
        tr("Set SO_REUSEADDR, so a restarted server can bind while old connections wait in TIME_WAIT (the "
           "default; TCP)."));
    const QCommandLineOption noReuse(QStringLiteral("no-reuse-address"), tr("Do not set SO_REUSEADDR."));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
        tr("Close a TCP client that sends and receives nothing this long; decimals allowed (default 0: never)."),
        tr("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption log(
        QStringLiteral("log"), tr("Also append every console line to FILE (UTF-8), flushed every second."), tr("FILE"));
    const QCommandLineOption logFormat(
        QStringLiteral("log-format"), tr("text or csv (default: csv for a .csv file, text otherwise)."), tr("FORMAT"));
    const QCommandLineOption stratum(
        QStringLiteral("stratum"), tr("SNTP stratum 1-15 (default 1)."), tr("N"), QStringLiteral("1"));
    const QCommandLineOption drop(QStringLiteral("drop"),
        tr("UDP: drop this share of the datagrams received, 0-100 % (default 0), to see loss on one machine."),
        tr("PERCENT"), QStringLiteral("0"));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per event."));
    parser.addOptions({ bind, port, behaviour, maxClients, backlog, reuse, noReuse, idleTimeout, log, logFormat,
        stratum, drop, json });
    if (const int rc = parseVerbArguments(parser, arguments, 1); rc >= 0)
        return rc;
    const Printer out(parser.isSet(json));
    auto usage = [&](const QString &field, const QString &message) {
        out.result(makeUsageError(field, message), {}, {});
        return exitCodeFor(ErrorKind::Usage);
    };

    ListenServerOptions options;
    const QString transport = parser.positionalArguments().at(0).toLower();
    if (transport == QLatin1String("tcp"))
        options.transport = Transport::Tcp;
    else if (transport == QLatin1String("udp"))
        options.transport = Transport::Udp;
    else
        return usage(QStringLiteral("transport"), tr("Transport must be tcp or udp, not '%1'.").arg(transport));
    options.behaviour = parser.value(behaviour);
    if (!behaviourNames().contains(options.behaviour))
        return usage(QStringLiteral("behaviour"),
            tr("Unknown behaviour '%1'; choose one of: %2").arg(options.behaviour, behaviourNames().join(u", ")));
    const Parsed<QString> host = EndpointParser::parseHost(parser.value(bind), QStringLiteral("bind"));
    if (!host.ok())
        return usage(QStringLiteral("bind"), host.error.message);
    options.bindAddress = *host.value;
    if (parser.isSet(port)) {
        const Parsed<quint16> p = EndpointParser::parsePort(parser.value(port), options.transport, true);
        if (!p.ok())
            return usage(QStringLiteral("port"), p.error.message);
        options.port = *p.value;
    } else {
        options.port = labPortFor(options.behaviour, options.transport);
    }
    bool ok = false;
    options.maxClients = parser.value(maxClients).toInt(&ok);
    if (!ok || options.maxClients < 1 || options.maxClients > 1000000)
        return usage(QStringLiteral("max-clients"), tr("--max-clients must be between 1 and 1000000."));
    options.backlog = parser.value(backlog).toInt(&ok);
    if (!ok || options.backlog < 0 || options.backlog > 65535)
        return usage(QStringLiteral("backlog"), tr("--backlog must be between 0 and 65535."));
    if (parser.isSet(reuse) && parser.isSet(noReuse))
        return usage(QStringLiteral("reuse-address"), tr("Give --reuse-address or --no-reuse-address, not both."));
    options.reuseAddress = !parser.isSet(noReuse);
    // The panel's range: up to a day, in seconds with decimals.
    const double idleSeconds = parser.value(idleTimeout).toDouble(&ok);
    if (!ok || !std::isfinite(idleSeconds) || idleSeconds < 0 || idleSeconds > 86400)
        return usage(QStringLiteral("idle-timeout"),
            tr("--idle-timeout must be a number of seconds from 0 (never) to 86400, such as 30 or 0.5; not '%1'.")
                .arg(parser.value(idleTimeout)));
    // A positive timeout stays positive: 0.0001 means "very soon", not "never".
    options.idleTimeoutMs = idleSeconds > 0 ? qMax(1, int(std::lround(idleSeconds * 1000))) : 0;
    if (options.idleTimeoutMs > 0 && options.transport == Transport::Udp)
        return usage(QStringLiteral("idle-timeout"),
            tr("--idle-timeout is for TCP clients: a UDP server has no connections to close."));
    options.dropPercent = parser.value(drop).toInt(&ok);
    if (!ok || options.dropPercent < 0 || options.dropPercent > 100)
        return usage(QStringLiteral("drop"), tr("--drop must be a whole percentage from 0 to 100."));
    if (options.dropPercent > 0 && options.transport != Transport::Udp)
        return usage(
            QStringLiteral("drop"), tr("--drop is for UDP: TCP does not lose data, it resends what the network lost."));
    options.behaviourOptions.sntpStratum = parser.value(stratum).toInt(&ok);
    if (!ok || options.behaviourOptions.sntpStratum < 1 || options.behaviourOptions.sntpStratum > 15)
        return usage(QStringLiteral("stratum"), tr("--stratum must be between 1 and 15."));
    ConsoleFormat::Format format = ConsoleFormat::Format::Text;
    if (parser.isSet(logFormat)) {
        const QString f = parser.value(logFormat).toLower();
        if (!parser.isSet(log))
            return usage(QStringLiteral("log-format"), tr("--log-format goes with --log FILE."));
        if (f == QLatin1String("csv"))
            format = ConsoleFormat::Format::Csv;
        else if (f != QLatin1String("text"))
            return usage(QStringLiteral("log-format"), tr("--log-format must be text or csv, not '%1'.").arg(f));
    } else if (parser.value(log).endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        format = ConsoleFormat::Format::Csv;
    }

    // Before the server starts: a log that cannot be written is a mistake to fix first.
    ConsoleLog consoleLog(out);
    if (parser.isSet(log)) {
        const SessionError e = consoleLog.open(parser.value(log), format);
        if (e.isError()) {
            out.result(e, {}, {});
            return exitCodeFor(e.kind);
        }
    }

    // main() has raised the soft limit as far as it goes; say so when that is still not enough.
    const SockUtil::FileLimit limit = SockUtil::openFileLimit();
    if (options.transport == Transport::Tcp && limit.soft < qint64(options.maxClients) + 64)
        out.note(tr("Note: this system lets one program hold at most %1 sockets; %2 clients need about %3. Raise the "
                    "limit (ulimit -Hn, LimitNOFILE=) or lower --max-clients.")
                     .arg(limit.soft)
                     .arg(options.maxClients)
                     .arg(qint64(options.maxClients) + 64));

    // Declared before the server, so the server's last trace events never find it gone.
    std::unique_ptr<OperatorInput> input;
    ListenServer server(options);
    if (options.behaviour == QLatin1String("manual"))
        input = std::make_unique<OperatorInput>(server, out);
    SignalWatcher watcher;
    int exitCode = 0;
    SessionError outcome;
    QObject::connect(&server, &ListenServer::traced, &server, [&](const TraceEvent &e) {
        if (out.json())
            out.event(e);
        else
            out.line(ConsoleFormat::line(e));
        consoleLog.append(e);
        if (input)
            input->traced(e);
    });
    QObject::connect(&server, &ListenServer::started, &server, [&](const Endpoint &local) {
        const QString client = options.transport == Transport::Tcp
            ? QStringLiteral("socket-workbench connect %1 %2").arg(local.host).arg(local.port)
            : QStringLiteral("nc -u %1 %2").arg(local.host).arg(local.port);
        out.line(tr("Serving %1 over %2 on %3. Try: %4   (Ctrl-C stops)")
                     .arg(options.behaviour, transport.toUpper(), local.toString(), client));
        if (input) {
            out.line(OperatorInput::help());
            input->start();
        }
    });
    QObject::connect(&server, &ListenServer::failed, &server, [&](const SessionError &e) {
        outcome = e;
        out.result(e, {}, {});
        exitCode = exitCodeFor(e.kind);
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &server, [&] { server.stop(); });
    QObject::connect(&server, &ListenServer::stopped, &server, [&] {
        consoleLog.flush();
        const ListenServerStats s = server.stats();
        QJsonObject fields;
        fields.insert(QStringLiteral("clients_total"), double(s.clientsTotal));
        fields.insert(QStringLiteral("refused"), double(s.refused));
        fields.insert(QStringLiteral("bytes_in"), double(s.bytesIn));
        fields.insert(QStringLiteral("bytes_out"), double(s.bytesOut));
        fields.insert(QStringLiteral("datagrams_in"), double(s.datagramsIn));
        fields.insert(QStringLiteral("datagrams_dropped"), double(s.datagramsDropped));
        QString summary = tr("Stopped: clients %1, refused %2, bytes in %3, bytes out %4, datagrams %5")
                              .arg(s.clientsTotal)
                              .arg(s.refused)
                              .arg(s.bytesIn)
                              .arg(s.bytesOut)
                              .arg(s.datagramsIn);
        if (options.dropPercent > 0)
            summary += tr(", dropped on purpose %1").arg(s.datagramsDropped);
        out.result(outcome, fields, { summary + QLatin1Char('.') });
        // Let the closed connections' deferred deletes run before leaving.
        QTimer::singleShot(0, &server, [] { QCoreApplication::exit(0); });
    });
    QTimer::singleShot(0, &server, [&] { server.start(); });
    const int rc = QCoreApplication::exec();
    return exitCode ? exitCode : rc;
}

int runLab(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Start the whole local lab on 127.0.0.1 (echo, daytime, time, sntp, http, timestamp, welcome), print each\n"
           "service with its real port, and run until Ctrl-C."));
    const QCommandLineOption trace(QStringLiteral("trace"), tr("Also print every event of every lab server."));
    const QCommandLineOption ephemeral(
        QStringLiteral("ephemeral"), tr("Let the system choose every port instead of the preferred ones."));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per service and per event."));
    parser.addOptions({ trace, ephemeral, json });
    if (const int rc = parseVerbArguments(parser, arguments, 0); rc >= 0)
        return rc;
    const Printer out(parser.isSet(json));
    LocalLab lab;
    lab.setEphemeralPorts(parser.isSet(ephemeral));
    SignalWatcher watcher;
    if (parser.isSet(trace))
        QObject::connect(&lab, &LocalLab::traced, &lab, [&](const TraceEvent &e) { out.event(e); });
    QObject::connect(&lab, &LocalLab::ready, &lab, [&] {
        int running = 0;
        QJsonArray services;
        for (const LabService &s : lab.services()) {
            const QString address = Endpoint { lab.bindAddress(), s.port }.toString();
            if (s.running) {
                ++running;
                out.line(
                    QStringLiteral("%1 %2 %3").arg(s.behaviour.leftJustified(10), transportName(s.transport), address));
            } else {
                out.line(QStringLiteral("%1 %2 not running: %3")
                             .arg(s.behaviour.leftJustified(10), transportName(s.transport), s.error));
            }
            QJsonObject o;
            o.insert(QStringLiteral("service"), s.behaviour);
            o.insert(QStringLiteral("transport"), transportName(s.transport));
            o.insert(QStringLiteral("port"), int(s.port));
            o.insert(QStringLiteral("preferred_port"), int(s.preferredPort));
            o.insert(QStringLiteral("running"), s.running);
            if (!s.running)
                o.insert(QStringLiteral("error"), s.error);
            services.append(o);
        }
        if (out.json()) {
            QJsonObject fields;
            fields.insert(QStringLiteral("address"), lab.bindAddress());
            fields.insert(QStringLiteral("services"), services);
            out.result({}, fields, {});
        } else {
            out.line(tr("Lab ready: %1 of %2 services on %3. Ctrl-C stops.")
                         .arg(running)
                         .arg(lab.services().size())
                         .arg(lab.bindAddress()));
        }
    });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &lab, [&] {
        lab.stop();
        out.line(tr("Lab stopped."));
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(0, &lab, [&] { lab.start(); });
    return QCoreApplication::exec();
}

} // namespace swb::cli
