#include "lookupverb.h"

#include "cliutil.h"
#include "lookup/servicecatalog.h"
#include "lookuphost.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cstdio>

namespace swb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

// Tabs as a terminal would show them at the start of a line, so an /etc/services line keeps its columns
// after a prefix.
QString expandTabs(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == QLatin1Char('\t'))
            out += QString(8 - out.size() % 8, QLatin1Char(' '));
        else
            out += c;
    }
    return out;
}

QJsonValue entryJson(const std::optional<ServiceEntry> &e)
{
    if (!e)
        return QJsonValue::Null;
    QJsonObject o;
    o.insert(QStringLiteral("name"), e->name);
    o.insert(QStringLiteral("port"), int(e->port));
    if (e->lastPort != e->port)
        o.insert(QStringLiteral("last_port"), int(e->lastPort));
    o.insert(QStringLiteral("protocols"), QJsonArray::fromStringList(e->protocols));
    if (e->source == ServiceEntry::System)
        o.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(e->aliases));
    o.insert(QStringLiteral("description"), e->description);
    o.insert(QStringLiteral("source"), e->sourceName());
    o.insert(QStringLiteral("line"), e->line);
    if (e->source == ServiceEntry::System)
        o.insert(QStringLiteral("raw_line"), e->rawLine);
    return o;
}

// "http 80/tcp, aliases www"
QString entryText(const ServiceEntry &e)
{
    QString text = e.name + QLatin1Char(' ') + e.portText() + QLatin1Char('/') + e.protocols.join(QLatin1Char('/'));
    if (!e.aliases.isEmpty())
        text += tr(", aliases %1").arg(e.aliases.join(QLatin1Char(' ')));
    return text;
}

QStringList systemLines(const ServiceCatalog &catalog, const ServiceLookup &r)
{
    QStringList lines;
    if (!catalog.systemTableExists()) {
        lines << tr("This system: no %1, so %2 finds nothing.").arg(catalog.systemPath(), r.systemCall());
        return lines;
    }
    const QString notFound = r.byPort ? tr("NULL (Python: OSError: port/proto not found)")
                                      : tr("NULL (Python: OSError: service/proto not found)");
    lines << tr("This system: %1 -> %2").arg(r.systemCall(), r.system ? entryText(*r.system) : notFound);
    if (r.system && r.system->line > 0)
        lines << tr("  %1 line %2: ").arg(catalog.systemPath()).arg(r.system->line) + expandTabs(r.system->rawLine);
    if (r.protocol.isEmpty()) {
        auto perProtocol = [&](const QString &protocol, const std::optional<ServiceEntry> &e) {
            if (!e)
                return tr("%1 -> not listed").arg(protocol);
            return tr("%1 -> %2 (line %3)").arg(protocol, entryText(*e)).arg(e->line);
        };
        lines << tr("  per protocol: %1; %2")
                     .arg(perProtocol(QStringLiteral("tcp"), r.systemTcp),
                         perProtocol(QStringLiteral("udp"), r.systemUdp));
    }
    return lines;
}

QStringList ianaLines(const ServiceCatalog &catalog, const ServiceLookup &r)
{
    QStringList lines;
    lines << tr("IANA registry (bundled; from %1, generated %2):")
                 .arg(catalog.ianaHeader(QStringLiteral("source-package")),
                     catalog.ianaHeader(QStringLiteral("generated")).section(QLatin1Char(' '), 0, 0));
    if (r.iana.isEmpty()) {
        lines << tr("  no entry");
        return lines;
    }
    int nameWidth = 0;
    int portWidth = 0;
    int protocolWidth = 0;
    for (const ServiceEntry &e : r.iana) {
        nameWidth = qMax(nameWidth, int(e.name.size()));
        portWidth = qMax(portWidth, int(e.portText().size()));
        protocolWidth = qMax(protocolWidth, int(e.protocols.join(QLatin1Char('/')).size()));
    }
    for (const ServiceEntry &e : r.iana) {
        QString row = QStringLiteral("  ") + e.name.leftJustified(nameWidth) + QStringLiteral("  ")
            + e.portText().rightJustified(portWidth) + QStringLiteral("  ")
            + e.protocols.join(QLatin1Char('/')).leftJustified(protocolWidth) + QStringLiteral("  ") + e.description;
        while (row.endsWith(QLatin1Char(' ')))
            row.chop(1);
        lines << row;
    }
    return lines;
}

int runService(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Look up a service name or port number in two sources side by side: this system's /etc/services,\n"
           "answered as getservbyname() / getservbyport() answer (with the line that matched), and the bundled\n"
           "IANA registry. Names are case-sensitive; with no --proto the first matching line wins (normally tcp)."));
    parser.addPositionalArgument(QStringLiteral("name|port"), tr("A service name (http, www) or a port (53)."));
    const QCommandLineOption proto(
        QStringLiteral("proto"), tr("tcp or udp (default: either, as getservbyname(name, NULL))."), tr("P"));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object with both sources and the notes."));
    parser.addOptions({ proto, json });
    if (const int rc = parseVerbArguments(parser, arguments, 1); rc >= 0)
        return rc;

    const Printer out(parser.isSet(json));
    const std::shared_ptr<const ServiceCatalog> catalog = ServiceCatalog::shared();
    const ServiceLookup r = catalog->lookup(parser.positionalArguments().at(0), parser.value(proto));

    QJsonObject fields;
    fields.insert(QStringLiteral("service"), r.input);
    fields.insert(QStringLiteral("protocol"), r.protocol.isEmpty() ? QJsonValue::Null : QJsonValue(r.protocol));
    if (r.ok() || !r.suggestions.isEmpty())
        fields.insert(QStringLiteral("suggestions"), QJsonArray::fromStringList(r.suggestions));
    if (!r.ok()) {
        out.result(r.error, fields, {});
        return exitCodeFor(r.error.kind);
    }
    fields.insert(QStringLiteral("by"), r.byPort ? QStringLiteral("port") : QStringLiteral("name"));
    fields.insert(QStringLiteral("found"), r.found());
    fields.insert(QStringLiteral("system_table"), catalog->systemPath());
    fields.insert(QStringLiteral("system_table_exists"), catalog->systemTableExists());
    fields.insert(QStringLiteral("system_call"), r.systemCall());
    fields.insert(QStringLiteral("system"), entryJson(r.system));
    fields.insert(QStringLiteral("system_tcp"), entryJson(r.systemTcp));
    fields.insert(QStringLiteral("system_udp"), entryJson(r.systemUdp));
    QJsonArray iana;
    for (const ServiceEntry &e : r.iana)
        iana.append(entryJson(e));
    fields.insert(QStringLiteral("iana"), iana);
    fields.insert(QStringLiteral("notes"), QJsonArray::fromStringList(r.notes));

    QStringList summary = systemLines(*catalog, r);
    summary << QString() << ianaLines(*catalog, r);
    if (!r.notes.isEmpty()) {
        summary << QString() << tr("Notes:");
        for (const QString &note : r.notes)
            summary << QStringLiteral("  - ") + note;
    }
    out.result(r.error, fields, summary);
    return exitCodeFor(r.error.kind);
}

void printLookupHelp()
{
    const QString text
        = tr("Usage: socket-workbench lookup SUBCOMMAND [options]\n"
             "The Lookup panel on the command line.\n\n"
             "Subcommands:\n"
             "  service NAME|PORT [--proto tcp|udp] [--json]\n"
             "      a service name to its port or a port to its name: this system's /etc/services\n"
             "      (getservbyname / getservbyport) and the bundled IANA registry, side by side\n"
             "  host [NAME|ADDRESS] [-4|-6] [--timeout S] [--hide-addresses] [--json]\n"
             "      a name forward (every getaddrinfo result, the canonical name, gethostbyname_ex),\n"
             "      an address in reverse (getnameinfo, gethostbyaddr), or with no argument this\n"
             "      machine's gethostname, getfqdn, has_ipv6 and interfaces; with a trace of the calls\n\n"
             "socket-workbench lookup SUBCOMMAND --help shows a subcommand's options.");
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
}

} // namespace

int runLookup(const QStringList &arguments)
{
    // arguments: program, "lookup", subcommand, the subcommand's own arguments.
    const QString subcommand = arguments.value(2);
    if (subcommand == QLatin1String("service")) {
        QStringList rest = arguments;
        rest.removeAt(2);
        rest[1] = QStringLiteral("lookup service"); // names the verb in --help and usage errors
        return runService(rest);
    }
    if (subcommand == QLatin1String("host")) {
        QStringList rest = arguments;
        rest.removeAt(2);
        rest[1] = QStringLiteral("lookup host");
        return runLookupHost(rest);
    }
    if (subcommand == QLatin1String("--help") || subcommand == QLatin1String("-h")
        || subcommand == QLatin1String("help")) {
        printLookupHelp();
        return 0;
    }
    printUsageError(QStringLiteral("lookup"),
        subcommand.isEmpty() ? tr("a subcommand is needed; the subcommands are: service, host")
                             : tr("unknown subcommand '%1'; the subcommands are: service, host").arg(subcommand));
    return exitCodeFor(ErrorKind::Usage);
}

} // namespace swb::cli
