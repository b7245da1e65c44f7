#include "serveverb.h"

#include "cliutil.h"
#include "lab/locallab.h"
#include "net/endpoint.h"
#include "server/listenserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

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

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    QString behaviours;
    for (const QString &name : behaviourNames())
        behaviours += QStringLiteral("\n  %1  %2").arg(name.leftJustified(10), behaviourDescription(name));
    parser.setApplicationDescription(
        tr("Run a TCP or UDP server with a behaviour and print every socket call it makes (socket, setsockopt, bind,\n"
           "listen, accept, recv, send, close; or recvfrom/sendto) until Ctrl-C. Behaviours:")
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
    const QCommandLineOption noReuse(QStringLiteral("no-reuse-address"), tr("Do not set SO_REUSEADDR."));
    const QCommandLineOption stratum(
        QStringLiteral("stratum"), tr("SNTP stratum 1-15 (default 1)."), tr("N"), QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per event."));
    parser.addOptions({ bind, port, behaviour, maxClients, backlog, noReuse, stratum, json });
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
    options.reuseAddress = !parser.isSet(noReuse);
    options.behaviourOptions.sntpStratum = parser.value(stratum).toInt(&ok);
    if (!ok || options.behaviourOptions.sntpStratum < 1 || options.behaviourOptions.sntpStratum > 15)
        return usage(QStringLiteral("stratum"), tr("--stratum must be between 1 and 15."));

    ListenServer server(options);
    SignalWatcher watcher;
    int exitCode = 0;
    SessionError outcome;
    QObject::connect(&server, &ListenServer::traced, &server, [&](const TraceEvent &e) { out.event(e); });
    QObject::connect(&server, &ListenServer::started, &server, [&](const Endpoint &local) {
        const QString client = options.transport == Transport::Tcp
            ? QStringLiteral("socket-workbench connect %1 %2").arg(local.host).arg(local.port)
            : QStringLiteral("nc -u %1 %2").arg(local.host).arg(local.port);
        out.line(tr("Serving %1 over %2 on %3. Try: %4   (Ctrl-C stops)")
                     .arg(options.behaviour, transport.toUpper(), local.toString(), client));
    });
    QObject::connect(&server, &ListenServer::failed, &server, [&](const SessionError &e) {
        outcome = e;
        out.result(e, {}, {});
        exitCode = exitCodeFor(e.kind);
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &server, [&] { server.stop(); });
    QObject::connect(&server, &ListenServer::stopped, &server, [&] {
        const ListenServerStats s = server.stats();
        QJsonObject fields;
        fields.insert(QStringLiteral("clients_total"), double(s.clientsTotal));
        fields.insert(QStringLiteral("refused"), double(s.refused));
        fields.insert(QStringLiteral("bytes_in"), double(s.bytesIn));
        fields.insert(QStringLiteral("bytes_out"), double(s.bytesOut));
        fields.insert(QStringLiteral("datagrams_in"), double(s.datagramsIn));
        out.result(outcome, fields,
            { tr("Stopped: clients %1, refused %2, bytes in %3, bytes out %4, datagrams %5.")
                    .arg(s.clientsTotal)
                    .arg(s.refused)
                    .arg(s.bytesIn)
                    .arg(s.bytesOut)
                    .arg(s.datagramsIn) });
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
