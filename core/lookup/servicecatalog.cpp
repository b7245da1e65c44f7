#include "servicecatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <netdb.h>
#include <netinet/in.h>
#include <vector>

namespace swb {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ServiceCatalog)
};

const QString kTcp = QStringLiteral("tcp");
const QString kUdp = QStringLiteral("udp");

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool allDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isAsciiDigit);
}

// "a, b and c", for notes.
QString joinedAnd(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + Tr::tr(" and ") + items.last();
}

QString quoted(const QString &text)
{
    constexpr int kMax = 40;
    return QLatin1Char('\'') + (text.size() <= kMax ? text : text.left(kMax) + QStringLiteral("..."))
        + QLatin1Char('\'');
}

// One /etc/services line in services(5) form: "name port/protocol [aliases...] [# comment]".
// Malformed lines are skipped, as the C library skips them.
std::optional<ServiceEntry> parseSystemLine(const QString &raw, int number)
{
    const int hash = raw.indexOf(QLatin1Char('#'));
    const QString body = hash < 0 ? raw : raw.left(hash);
    QStringList fields;
    for (qsizetype i = 0; i < body.size();) {
        while (i < body.size() && body.at(i).isSpace())
            ++i;
        const qsizetype start = i;
        while (i < body.size() && !body.at(i).isSpace())
            ++i;
        if (i > start)
            fields << body.mid(start, i - start);
    }
    if (fields.size() < 2)
        return std::nullopt;
    const int slash = fields.at(1).indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == fields.at(1).size() - 1)
        return std::nullopt;
    const QStringView portText = QStringView(fields.at(1)).left(slash);
    if (!allDigits(portText) || portText.size() > 5 || portText.toUInt() > 65535)
        return std::nullopt;
    ServiceEntry e;
    e.name = fields.at(0);
    e.port = quint16(portText.toUInt());
    e.lastPort = e.port;
    e.protocols = QStringList { fields.at(1).mid(slash + 1) };
    e.aliases = fields.mid(2);
    e.description = hash < 0 ? QString() : raw.mid(hash + 1).trimmed();
    e.source = ServiceEntry::System;
    e.line = number;
    e.rawLine = raw;
    return e;
}

QString unescapeTsv(QStringView field)
{
    if (!field.contains(QLatin1Char('\\')))
        return field.toString();
    QString out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c != QLatin1Char('\\') || i + 1 == field.size()) {
            out += c;
            continue;
        }
        const QChar next = field.at(++i);
        out += next == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
            : next == QLatin1Char('n')  ? QChar(QLatin1Char('\n'))
            : next == QLatin1Char('r')  ? QChar(QLatin1Char('\r'))
                                        : next;
    }
    return out;
}

// servent -> entry; the buffer grows until the C library has room (ERANGE).
template<typename Call> std::optional<ServiceEntry> callLibc(Call call)
{
    servent entry;
    servent *result = nullptr;
    std::vector<char> buffer(1024);
    for (;;) {
        const int rc = call(&entry, buffer.data(), buffer.size(), &result);
        if (rc == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (rc != 0 || !result)
            return std::nullopt;
        ServiceEntry e;
        e.name = QString::fromUtf8(result->s_name);
        e.port = ntohs(quint16(result->s_port));
        e.lastPort = e.port;
        e.protocols = QStringList { QString::fromUtf8(result->s_proto) };
        for (char **alias = result->s_aliases; alias && *alias; ++alias)
            e.aliases << QString::fromUtf8(*alias);
        e.source = ServiceEntry::System;
        return e;
    }
}

// Optimal string alignment distance: a swapped pair ("htpp") counts as one edit.
int editDistance(const QString &a, const QString &b)
{
    const int n = int(a.size());
    const int m = int(b.size());
    std::vector<int> prev2(size_t(m + 1)), prev(size_t(m + 1)), cur(size_t(m + 1));
    for (int j = 0; j <= m; ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        for (int j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int best = std::min({ prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost });
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                best = std::min(best, prev2[size_t(j - 2)] + 1);
            cur[size_t(j)] = best;
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[size_t(m)];
}

bool protocolMatches(const ServiceEntry &e, const QString &protocol)
{
    return protocol.isEmpty() || e.protocols.contains(protocol);
}

} // namespace

QString ServiceEntry::portText() const
{
    if (lastPort > port)
        return QString::number(port) + QLatin1Char('-') + QString::number(lastPort);
    return QString::number(port);
}

QString ServiceEntry::sourceName() const
{
    return source == System ? QStringLiteral("system") : QStringLiteral("IANA");
}

QString ServiceLookup::systemCall() const
{
    const QString proto = protocol.isEmpty() ? QStringLiteral("NULL") : QLatin1Char('"') + protocol + QLatin1Char('"');
    if (byPort)
        return QStringLiteral("getservbyport(htons(%1), %2)").arg(port).arg(proto);
    return QStringLiteral("getservbyname(\"%1\", %2)").arg(name, proto);
}

QString ServiceCatalog::defaultSystemPath()
{
    return QStringLiteral("/etc/services");
}

QString ServiceCatalog::defaultIanaPath()
{
    return QStringLiteral(":/services/iana-services.tsv");
}

ServiceCatalog::ServiceCatalog(const QString &systemPath, const QString &ianaPath)
    : m_systemPath(systemPath)
    , m_ianaPath(ianaPath)
{
}

std::shared_ptr<const ServiceCatalog> ServiceCatalog::shared()
{
    static const std::shared_ptr<const ServiceCatalog> instance = std::make_shared<const ServiceCatalog>();
    return instance;
}

QList<ServiceEntry> ServiceCatalog::parseSystemTable(const QByteArray &data)
{
    QList<ServiceEntry> rows;
    const QString text = QString::fromUtf8(data);
    int number = 0;
    for (QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        ++number;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (auto e = parseSystemLine(line.toString(), number))
            rows.append(std::move(*e));
    }
    return rows;
}

QList<ServiceEntry> ServiceCatalog::parseIanaTable(const QByteArray &data, QStringList *header)
{
    QList<ServiceEntry> rows;
    const QString text = QString::fromUtf8(data);
    rows.reserve(text.count(QLatin1Char('\n')));
    int number = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        ++number;
        if (line.startsWith(QLatin1Char('#'))) {
            if (header)
                *header << line.mid(1).trimmed().toString();
            continue;
        }
        const QList<QStringView> fields = line.split(QLatin1Char('\t'));
        if (fields.size() != 4)
            continue;
        const QStringView portText = fields.at(1);
        const qsizetype dash = portText.indexOf(QLatin1Char('-'));
        const QStringView first = dash < 0 ? portText : portText.left(dash);
        const QStringView last = dash < 0 ? portText : portText.mid(dash + 1);
        if (!allDigits(first) || !allDigits(last) || first.size() > 5 || last.size() > 5 || last.toUInt() > 65535
            || first.toUInt() > last.toUInt())
            continue;
        ServiceEntry e;
        e.name = unescapeTsv(fields.at(0));
        e.port = quint16(first.toUInt());
        e.lastPort = quint16(last.toUInt());
        e.protocols = fields.at(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        e.description = unescapeTsv(fields.at(3));
        e.source = ServiceEntry::Iana;
        e.line = number;
        rows.append(std::move(e));
    }
    return rows;
}

void ServiceCatalog::loadSystem() const
{
    std::call_once(m_systemOnce, [this] {
        QElapsedTimer timer;
        timer.start();
        QFile file(m_systemPath);
        m_systemExists = file.open(QIODevice::ReadOnly);
        if (m_systemExists)
            m_system = parseSystemTable(file.readAll());
        m_systemLoadNs = qMax<qint64>(1, timer.nsecsElapsed());
    });
}

void ServiceCatalog::loadIana() const
{
    std::call_once(m_ianaOnce, [this] {
        QElapsedTimer timer;
        timer.start();
        QFile file(m_ianaPath);
        if (file.open(QIODevice::ReadOnly))
            m_iana = parseIanaTable(file.readAll(), &m_ianaHeader);
        m_ianaLoadNs = qMax<qint64>(1, timer.nsecsElapsed());
    });
}

const QList<ServiceEntry> &ServiceCatalog::systemEntries() const
{
    loadSystem();
    return m_system;
}

const QList<ServiceEntry> &ServiceCatalog::ianaEntries() const
{
    loadIana();
    return m_iana;
}

bool ServiceCatalog::systemTableExists() const
{
    loadSystem();
    return m_systemExists;
}

QString ServiceCatalog::ianaHeader(const QString &key) const
{
    loadIana();
    const QString prefix = key + QStringLiteral(": ");
    for (const QString &line : m_ianaHeader) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    }
    return {};
}

qint64 ServiceCatalog::systemLoadNs() const
{
    return m_systemLoadNs;
}

qint64 ServiceCatalog::ianaLoadNs() const
{
    return m_ianaLoadNs;
}

std::optional<ServiceEntry> ServiceCatalog::lineFor(const QString &name, quint16 port, const QString &protocol) const
{
    for (const ServiceEntry &e : systemEntries()) {
        if (e.name == name && e.port == port && e.protocols.contains(protocol))
            return e;
    }
    return std::nullopt;
}

std::optional<ServiceEntry> ServiceCatalog::systemByName(const QString &name, const QString &protocol) const
{
    const QByteArray key = name.toUtf8();
    if (key.isEmpty() || key.contains('\0'))
        return std::nullopt;
    if (!usesLibc()) {
        for (const ServiceEntry &e : systemEntries()) {
            if (e.hasName(name) && protocolMatches(e, protocol))
                return e;
        }
        return std::nullopt;
    }
    const QByteArray proto = protocol.toUtf8();
    auto answer = callLibc([&](servent *entry, char *buffer, size_t size, servent **result) {
        return getservbyname_r(
            key.constData(), proto.isEmpty() ? nullptr : proto.constData(), entry, buffer, size, result);
    });
    if (!answer)
        return std::nullopt;
    // libc gives the official name, so the line is found by it even when the query was an alias.
    if (auto line = lineFor(answer->name, answer->port, answer->protocols.value(0)))
        return line;
    return answer; // from another nsswitch source: no line to show
}

std::optional<ServiceEntry> ServiceCatalog::systemByPort(quint16 port, const QString &protocol) const
{
    if (!usesLibc()) {
        for (const ServiceEntry &e : systemEntries()) {
            if (e.port == port && protocolMatches(e, protocol))
                return e;
        }
        return std::nullopt;
    }
    const QByteArray proto = protocol.toUtf8();
    auto answer = callLibc([&](servent *entry, char *buffer, size_t size, servent **result) {
        return getservbyport_r(
            int(htons(port)), proto.isEmpty() ? nullptr : proto.constData(), entry, buffer, size, result);
    });
    if (!answer)
        return std::nullopt;
    if (auto line = lineFor(answer->name, answer->port, answer->protocols.value(0)))
        return line;
    return answer;
}

QList<ServiceEntry> ServiceCatalog::ianaByName(const QString &name, const QString &protocol) const
{
    QList<ServiceEntry> rows;
    for (const ServiceEntry &e : ianaEntries()) {
        if (e.name == name && protocolMatches(e, protocol))
            rows.append(e);
    }
    return rows;
}

QList<ServiceEntry> ServiceCatalog::ianaByPort(quint16 port, const QString &protocol) const
{
    QList<ServiceEntry> rows;
    for (const ServiceEntry &e : ianaEntries()) {
        if (e.coversPort(port) && protocolMatches(e, protocol))
            rows.append(e);
    }
    return rows;
}

QStringList ServiceCatalog::suggestions(const QString &name, int max) const
{
    if (name.isEmpty() || max <= 0)
        return {};
    // Each name with the lowest port it has: among equally close names the low, well-known ports are
    // the likely meaning ("htpp" is http on 80 before htcp on 4827).
    QHash<QString, int> lowestPort;
    QSet<QString> inSystem;
    auto add = [&lowestPort](const QString &n, int port) {
        auto it = lowestPort.find(n);
        if (it == lowestPort.end())
            lowestPort.insert(n, port);
        else
            *it = std::min(*it, port);
    };
    for (const ServiceEntry &e : systemEntries()) {
        add(e.name, e.port);
        inSystem.insert(e.name);
        for (const QString &a : e.aliases) {
            add(a, e.port);
            inSystem.insert(a);
        }
    }
    for (const ServiceEntry &e : ianaEntries())
        add(e.name, e.port);

    // Only close names are worth offering: one edit for short names, up to three for long ones.
    const QString wanted = name.toLower();
    const int limit = std::clamp(int(wanted.size()) / 3, 1, 3);
    struct Candidate {
        int distance;
        bool system;
        int port;
        QString name;
    };
    std::vector<Candidate> close;
    for (auto it = lowestPort.cbegin(); it != lowestPort.cend(); ++it) {
        const QString &candidate = it.key();
        if (std::abs(int(candidate.size()) - int(wanted.size())) > limit || candidate == name)
            continue;
        const int d = editDistance(wanted, candidate.toLower());
        if (d <= limit)
            close.push_back({ d, inSystem.contains(candidate), it.value(), candidate });
    }
    // Nearest first; among equals, names this system knows (the common ones), then the lower port.
    std::sort(close.begin(), close.end(), [](const Candidate &a, const Candidate &b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        if (a.system != b.system)
            return a.system;
        if (a.port != b.port)
            return a.port < b.port;
        return a.name < b.name;
    });
    QStringList out;
    for (size_t i = 0; i < close.size() && out.size() < max; ++i)
        out << close[i].name;
    return out;
}

ServiceLookup ServiceCatalog::lookup(const QString &text, const QString &protocol) const
{
    ServiceLookup r;
    r.input = text;
    r.protocol = protocol;
    const QString serviceField = QStringLiteral("service");
    auto usage = [&r](const QString &field, const QString &message) {
        r.error = makeUsageError(field, message);
        return r;
    };

    if (!protocol.isEmpty() && protocol != kTcp && protocol != kUdp) {
        if (protocol.toLower() == kTcp || protocol.toLower() == kUdp)
            return usage(QStringLiteral("protocol"),
                Tr::tr("Protocol %1 must be written in lower case, %2, as /etc/services writes it")
                    .arg(quoted(protocol), protocol.toLower()));
        return usage(QStringLiteral("protocol"),
            Tr::tr("Protocol %1 is not tcp or udp; leave it empty for either").arg(quoted(protocol)));
    }
    if (text.isEmpty())
        return usage(serviceField, Tr::tr("Service is empty; type a name such as http or a port number such as 80"));
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace() || text.at(i).isNull())
            return usage(serviceField,
                Tr::tr("Service must not contain spaces or control characters (there is one at character %1)")
                    .arg(i + 1));
    }
    if (text.startsWith(QLatin1Char('-')) && allDigits(QStringView(text).mid(1)))
        return usage(serviceField, Tr::tr("Port %1 is negative: ports are 0 to 65535").arg(quoted(text)));

    r.systemTableMissing = !systemTableExists();
    if (allDigits(text)) {
        int first = 0;
        while (first < text.size() - 1 && text.at(first) == QLatin1Char('0'))
            ++first;
        const QStringView digits = QStringView(text).mid(first);
        const uint value = digits.size() <= 5 ? digits.toUInt() : 65536;
        if (value > 65535)
            return usage(serviceField, Tr::tr("Port %1 is too large: ports are 0 to 65535").arg(quoted(text)));
        r.byPort = true;
        r.port = quint16(value);
        r.system = systemByPort(r.port, protocol);
        r.systemTcp = systemByPort(r.port, kTcp);
        r.systemUdp = systemByPort(r.port, kUdp);
        r.iana = ianaByPort(r.port, protocol);
        // An unlisted port is an answer, not a mistake: the notes say what it means.
        r.notes = notesFor(r);
        return r;
    }

    r.name = text;
    r.system = systemByName(text, protocol);
    r.systemTcp = systemByName(text, kTcp);
    r.systemUdp = systemByName(text, kUdp);
    r.iana = ianaByName(text, protocol);
    if (!r.system && r.iana.isEmpty()) {
        // Known for the other protocol only: the name is right, the protocol is not.
        const std::optional<ServiceEntry> other = systemByName(text);
        const QList<ServiceEntry> otherIana = ianaByName(text);
        if (other || !otherIana.isEmpty()) {
            const ServiceEntry &e = other ? *other : otherIana.first();
            r.notes = notesFor(r);
            return usage(QStringLiteral("protocol"),
                Tr::tr("No service %1 for %2: %1 is %3/%4 only")
                    .arg(quoted(text), protocol, e.portText(), e.protocols.join(QLatin1Char('/'))));
        }
        r.suggestions = suggestions(text);
        r.notes = notesFor(r);
        const QString caseMatch = !r.suggestions.isEmpty() && r.suggestions.first().toLower() == text.toLower()
            ? r.suggestions.first()
            : QString();
        if (!caseMatch.isEmpty())
            return usage(serviceField,
                Tr::tr("No service %1; names are case-sensitive: did you mean %2?")
                    .arg(quoted(text), quoted(caseMatch)));
        QStringList quotedNames;
        for (const QString &s : std::as_const(r.suggestions))
            quotedNames << quoted(s);
        if (!quotedNames.isEmpty())
            return usage(serviceField,
                Tr::tr("No service %1 in %2 or IANA's registry; did you mean %3?")
                    .arg(quoted(text), m_systemPath, quotedNames.join(Tr::tr(" or "))));
        return usage(serviceField,
            Tr::tr("No service %1 in %2 or IANA's registry; type a port number or a name such as http")
                .arg(quoted(text), m_systemPath));
    }
    r.notes = notesFor(r);
    return r;
}

QStringList ServiceCatalog::notesFor(const ServiceLookup &r) const
{
    QStringList notes;
    const bool tableExists = systemTableExists();
    if (!tableExists)
        notes << Tr::tr("This system has no %1, so getservbyname() and getservbyport() know no services here; "
                        "the bundled IANA table still answers.")
                     .arg(m_systemPath);
    const QString getent = QStringLiteral("getent services ") + (r.byPort ? QString::number(r.port) : r.name);

    if (r.byPort) {
        const QString port = QString::number(r.port);
        if (r.protocol.isEmpty() && r.system && r.systemTcp && r.systemUdp)
            notes << Tr::tr("No protocol given: the %1 entry wins (the first match in %2), as %3 shows.")
                         .arg(r.system->protocols.value(0), m_systemPath, getent);
        else if (r.protocol.isEmpty() && r.system)
            notes << Tr::tr("No protocol given: the first matching line of %1 is taken (%2), as %3 shows.")
                         .arg(m_systemPath, r.system->protocols.value(0), getent);
        if (r.systemTcp && r.systemUdp) {
            if (r.systemTcp->name == r.systemUdp->name)
                notes << Tr::tr("Port %1 means %2 on both tcp and udp.").arg(port, r.systemTcp->name);
            else
                notes << Tr::tr("Port %1 means %2 on tcp but %3 on udp: the same number can name different services "
                                "per protocol.")
                             .arg(port, r.systemTcp->name, r.systemUdp->name);
        } else if (r.systemTcp || r.systemUdp) {
            const ServiceEntry &e = r.systemTcp ? *r.systemTcp : *r.systemUdp;
            notes << Tr::tr("Port %1 is listed for %2 only in %3 (%4).")
                         .arg(port, e.protocols.value(0), m_systemPath, e.name);
        } else if (tableExists && !r.system) {
            notes << Tr::tr(
                "Port %1 is not in this system's %2: getservbyport() fails (Python: OSError: port/proto not "
                "found).")
                         .arg(port, m_systemPath);
        }
        QStringList ianaNames;
        for (const ServiceEntry &e : r.iana) {
            if (!ianaNames.contains(e.name))
                ianaNames << e.name;
        }
        if (ianaNames.size() > 1) {
            QStringList parts;
            for (const ServiceEntry &e : r.iana)
                parts << Tr::tr("%1 on %2").arg(e.name, e.protocols.join(QLatin1Char('/')));
            notes << Tr::tr("IANA: port %1 is %2.").arg(port, joinedAnd(parts));
        }
        if (r.iana.isEmpty()) {
            if (r.port >= 49152)
                notes << Tr::tr("IANA never assigns ports 49152-65535 (the dynamic or private range): any program may "
                                "use them.");
            else
                notes << Tr::tr("IANA's registry names no service on port %1%2 (unassigned or reserved).")
                             .arg(port, r.protocol.isEmpty() ? QString() : QLatin1Char('/') + r.protocol);
        } else if (!r.system && tableExists && (r.protocol.isEmpty() || !(r.systemTcp || r.systemUdp))) {
            notes << Tr::tr("Not in this system's %1 but in IANA's registry.").arg(m_systemPath);
        }
        if (r.port == 0)
            notes << Tr::tr("Port 0 is reserved: a server that binds to port 0 asks the system for any free port.");
        else if (r.port < 1024)
            notes << Tr::tr(
                "Ports below 1024 are well-known ports: on Linux a server normally needs root rights to use one.");
        return notes;
    }

    if (r.name.isEmpty())
        return notes;
    const std::optional<ServiceEntry> &sys = r.system;
    if (sys && r.protocol.isEmpty() && r.systemTcp && r.systemUdp)
        notes << Tr::tr("No protocol given: the %1 entry wins (the first match in %2), as %3 shows.")
                     .arg(sys->protocols.value(0), m_systemPath, getent);
    else if (sys && r.protocol.isEmpty())
        notes << Tr::tr("No protocol given: the first matching line of %1 is taken (%2), as %3 shows.")
                     .arg(m_systemPath, sys->protocols.value(0), getent);
    const std::optional<ServiceEntry> &any = sys ? sys : (r.systemTcp ? r.systemTcp : r.systemUdp);
    if (any && any->name != r.name)
        notes << Tr::tr("'%1' is an alias of %2: getservbyport(%3, '%4') answers with the official name, %2.")
                     .arg(r.name, any->name)
                     .arg(any->port)
                     .arg(any->protocols.value(0));
    if (sys && sys->line == 0)
        notes << Tr::tr("The C library answered from a source other than %1 (see services: in /etc/nsswitch.conf).")
                     .arg(m_systemPath);
    if (r.systemTcp && r.systemUdp) {
        if (r.systemTcp->name != r.systemUdp->name)
            notes << Tr::tr("'%1' means %2 %3/tcp but %4 %5/udp: which service you get depends on the protocol.")
                         .arg(r.name, r.systemTcp->name)
                         .arg(r.systemTcp->port)
                         .arg(r.systemUdp->name)
                         .arg(r.systemUdp->port);
        else if (r.systemTcp->port == r.systemUdp->port)
            notes << Tr::tr("%1 is port %2 on both tcp and udp.").arg(r.name).arg(r.systemTcp->port);
        else
            notes << Tr::tr("%1 is port %2 on tcp but port %3 on udp.")
                         .arg(r.name)
                         .arg(r.systemTcp->port)
                         .arg(r.systemUdp->port);
    } else if (r.systemTcp || r.systemUdp) {
        const ServiceEntry &e = r.systemTcp ? *r.systemTcp : *r.systemUdp;
        const QString listed = e.protocols.value(0);
        const QString missing = listed == kTcp ? kUdp : kTcp;
        notes << Tr::tr("%1 is listed for %2 only in %3: getservbyname('%1', '%4') fails.")
                     .arg(r.name, listed, m_systemPath, missing);
    }
    if (!any && !r.iana.isEmpty() && tableExists)
        notes << Tr::tr("Not in this system's %1 but in IANA's registry: getservbyname() fails here (Python: OSError: "
                        "service/proto not found); use the port number, %2.")
                     .arg(m_systemPath, r.iana.first().portText());
    const QList<ServiceEntry> ianaAll = ianaByName(r.name);
    if (any && ianaAll.isEmpty()) {
        notes << Tr::tr("In this system's %1 but not under this name in IANA's registry.").arg(m_systemPath);
        QStringList official;
        for (const ServiceEntry &e : ianaByPort(any->port, any->protocols.value(0))) {
            if (!official.contains(e.name))
                official << e.name;
        }
        if (!official.isEmpty())
            notes << Tr::tr("IANA's name for port %1/%2 is %3.")
                         .arg(any->port)
                         .arg(any->protocols.value(0), official.join(Tr::tr(", ")));
    }
    if (any && !ianaAll.isEmpty()) {
        bool samePort = false;
        QStringList ianaProtocols;
        for (const ServiceEntry &e : ianaAll) {
            samePort = samePort || e.coversPort(any->port);
            for (const QString &p : e.protocols) {
                if (!ianaProtocols.contains(p))
                    ianaProtocols << p;
            }
        }
        if (!samePort)
            notes << Tr::tr("IANA registers %1 on port %2; this system says %3.")
                         .arg(r.name, ianaAll.first().portText())
                         .arg(any->port);
        QStringList extra;
        for (const QString &p : std::as_const(ianaProtocols)) {
            if (!(p == kTcp && r.systemTcp) && !(p == kUdp && r.systemUdp))
                extra << p;
        }
        if (!extra.isEmpty())
            notes << Tr::tr("IANA also registers %1 for %2.").arg(r.name, joinedAnd(extra));
    }
    if (ianaAll.size() > 1) {
        QStringList ports;
        for (const ServiceEntry &e : ianaAll)
            ports << e.portText();
        notes << Tr::tr("IANA lists %1 on %2 ports: %3.").arg(r.name).arg(ianaAll.size()).arg(joinedAnd(ports));
    }
    return notes;
}

} // namespace swb
