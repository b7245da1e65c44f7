// libFuzzer target for ServiceCatalog's two table parsers: arbitrary bytes as a services(5) file
// (what a catalog built on a non-default path answers from, as glibc's files backend would) and as
// the bundled IANA TSV (header lines, escapes). The first byte holds the options, the rest is the
// file. Every parsed row must keep the row invariants, each row read back on its own (system) or
// written out again the generator's way (TSV) must give the same row, a catalog on that file must
// hold exactly those rows and find each of them first-match-in-file-order, and lookup() on
// fragments of the input must answer or refuse with a Usage error, never crash.

#include "lookup/servicecatalog.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using swb::ServiceCatalog;
using swb::ServiceEntry;
using swb::ServiceLookup;

namespace {

constexpr size_t kMaxInput = 4096; // also run with -max_len=4096: lookups scan every row
constexpr int kMaxRowsLookedUp = 8;
constexpr int kMaxFragments = 12; // lookup() of an unknown name compares it with every name

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_servicecatalog: %s\n", what);
        std::abort();
    }
}

bool hasSpace(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

bool allDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

// What lookup() takes as a name (not a port, not refused before the tables are asked).
bool lookupTakesAsName(const QString &text)
{
    if (text.isEmpty() || allDigits(text))
        return false;
    if (text.startsWith(QLatin1Char('-')) && allDigits(text.mid(1)))
        return false;
    return std::none_of(text.begin(), text.end(), [](QChar c) { return c.isSpace() || c.isNull(); });
}

bool sameRow(const ServiceEntry &a, const ServiceEntry &b, bool compareLine)
{
    return a.name == b.name && a.port == b.port && a.lastPort == b.lastPort && a.protocols == b.protocols
        && a.aliases == b.aliases && a.description == b.description && a.source == b.source && a.rawLine == b.rawLine
        && (!compareLine || a.line == b.line);
}

bool sameRows(const QList<ServiceEntry> &a, const QList<ServiceEntry> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!sameRow(a.at(i), b.at(i), true))
            return false;
    }
    return true;
}

// The input's lines as both parsers number them (1-based, split at '\n').
QStringList inputLines(const QByteArray &file)
{
    return QString::fromUtf8(file).split(QLatin1Char('\n'));
}

void checkSystemRows(const QList<ServiceEntry> &rows, const QByteArray &file)
{
    const QStringList lines = inputLines(file);
    int previousLine = 0;
    for (const ServiceEntry &e : rows) {
        check(e.source == ServiceEntry::System, "system row: source");
        check(!e.name.isEmpty() && !hasSpace(e.name), "system row: name non-empty, no whitespace");
        check(!e.name.contains(QLatin1Char('#')), "system row: no comment in the name");
        check(e.port == e.lastPort, "system row: a single port");
        check(e.protocols.size() == 1, "system row: one protocol");
        const QString &protocol = e.protocols.first();
        check(!protocol.isEmpty() && !hasSpace(protocol) && !protocol.contains(QLatin1Char('#')),
            "system row: protocol non-empty, no whitespace");
        for (const QString &alias : e.aliases)
            check(!alias.isEmpty() && !hasSpace(alias) && !alias.contains(QLatin1Char('#')),
                "system row: alias non-empty, no whitespace");
        check(e.line > previousLine && e.line <= lines.size(), "system row: line numbers rise, inside the file");
        previousLine = e.line;
        QString raw = lines.at(e.line - 1);
        if (raw.endsWith(QLatin1Char('\r')))
            raw.chop(1);
        check(e.rawLine == raw, "system row: rawLine is the line of the file, without its CR");
        const QStringList fields = e.rawLine.section(QLatin1Char('#'), 0, 0).simplified().split(QLatin1Char(' '));
        check(fields.size() >= 2 && fields.at(0) == e.name, "system row: the name is the line's first field");
        bool numeric = false;
        const uint port = fields.at(1).section(QLatin1Char('/'), 0, 0).toUInt(&numeric);
        check(numeric && port == e.port && port <= 65535, "system row: the port is the line's, 0..65535");
        const qsizetype hash = e.rawLine.indexOf(QLatin1Char('#'));
        check(e.description == (hash < 0 ? QString() : e.rawLine.mid(hash + 1).trimmed()),
            "system row: description is the comment");
        // The line alone parses to the same row (line 1), whatever came before it. It is written with
        // CRLF: a line that still ends in CR had two, and the reader takes off one.
        const QList<ServiceEntry> alone
            = ServiceCatalog::parseSystemTable((e.rawLine + QStringLiteral("\r\n")).toUtf8());
        check(alone.size() == 1 && sameRow(alone.first(), e, false) && alone.first().line == 1,
            "system row: its line alone gives the same row");
    }
}

QString escapeTsv(const QString &text)
{
    // scripts/gen-iana-services.py's escape(): the reader undoes these four.
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    out.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return out;
}

void checkIanaRows(const QList<ServiceEntry> &rows, const QStringList &header, const QByteArray &file)
{
    const QStringList lines = inputLines(file);
    qsizetype headerLines = 0;
    for (const QString &line : lines)
        headerLines += line.startsWith(QLatin1Char('#')) ? 1 : 0;
    check(header.size() == headerLines, "TSV: one header entry per '#' line");
    for (const QString &h : header)
        check(h == h.trimmed(), "TSV: header entries are trimmed");

    int previousLine = 0;
    for (const ServiceEntry &e : rows) {
        check(e.source == ServiceEntry::Iana, "TSV row: source");
        check(e.aliases.isEmpty() && e.rawLine.isEmpty(), "TSV row: no aliases, no raw line");
        check(e.port <= e.lastPort, "TSV row: lastPort >= port");
        // Not checked: a non-empty, blank-free name and a non-empty protocol list. The generator
        // never writes such rows, but the reader does not refuse them (see the README).
        for (const QString &p : e.protocols)
            check(!p.isEmpty() && !p.contains(QLatin1Char(',')) && !p.contains(QLatin1Char('\t')),
                "TSV row: protocols are the comma-separated parts");
        check(e.line > previousLine && e.line <= lines.size(), "TSV row: line numbers rise, inside the file");
        previousLine = e.line;
        const QString &line = lines.at(e.line - 1);
        check(!line.startsWith(QLatin1Char('#')) && line.count(QLatin1Char('\t')) == 3, "TSV row: a four-field line");
        bool okFirst = false;
        bool okLast = false;
        const QString portField = line.section(QLatin1Char('\t'), 1, 1);
        const uint first = portField.section(QLatin1Char('-'), 0, 0).toUInt(&okFirst);
        const uint last = portField.contains(QLatin1Char('-')) ? portField.section(QLatin1Char('-'), 1).toUInt(&okLast)
                                                               : (okLast = okFirst, first);
        check(okFirst && okLast && first == e.port && last == e.lastPort && last <= 65535,
            "TSV row: ports are the line's, 0..65535");

        // Written back the generator's way, the row reads back the same. A name beginning with '#'
        // (only reachable as "\#") would be written as a header line, which the generator never does.
        if (e.name.startsWith(QLatin1Char('#')))
            continue;
        const QString written = escapeTsv(e.name) + QLatin1Char('\t') + e.portText() + QLatin1Char('\t')
            + e.protocols.join(QLatin1Char(',')) + QLatin1Char('\t') + escapeTsv(e.description);
        const QList<ServiceEntry> again = ServiceCatalog::parseIanaTable(written.toUtf8());
        check(again.size() == 1 && sameRow(again.first(), e, false) && again.first().line == 1,
            "TSV row: escaped and written again, it reads back the same");
    }
}

void checkLookup(const ServiceLookup &r, const QString &text, const QString &protocol, bool protocolValid)
{
    check(r.input == text && r.protocol == protocol, "lookup keeps its input");
    if (!r.ok()) {
        check(r.error.kind == swb::ErrorKind::Usage, "lookup refusal is a Usage error");
        check(r.error.field == QLatin1String("service") || r.error.field == QLatin1String("protocol"),
            "lookup refusal names service or protocol");
        check(!r.error.message.isEmpty(), "lookup refusal has a message");
        check(protocolValid || r.error.field == QLatin1String("protocol"), "a bad protocol is refused first");
        check(r.suggestions.size() <= 3, "at most three suggestions");
        return;
    }
    check(protocolValid, "a bad protocol is never accepted");
    if (r.byPort) {
        check(allDigits(text) && r.name.isEmpty(), "a port lookup is digits");
        check(!r.system || r.system->coversPort(r.port), "the system answer has the port");
        for (const ServiceEntry &e : r.iana)
            check(e.coversPort(r.port), "IANA answers cover the port");
    } else {
        check(r.name == text && lookupTakesAsName(text), "a name lookup keeps the name");
        check(r.system || !r.iana.isEmpty(), "an accepted name was found");
        check(!r.system || r.system->hasName(text), "the system answer has the name");
        for (const ServiceEntry &e : r.iana)
            check(e.name == text, "IANA answers have the name");
    }
    for (const QString &note : r.notes)
        check(!note.isEmpty(), "notes are not empty");
}

// The system rows looked up by name, alias and port in a catalog on the same file: found, and the
// first match in file order.
void checkSystemLookups(const ServiceCatalog &catalog, const QList<ServiceEntry> &rows)
{
    for (qsizetype i = 0; i < rows.size() && i < kMaxRowsLookedUp; ++i) {
        const ServiceEntry &e = rows.at(i);
        const QString &protocol = e.protocols.first();
        QStringList names { e.name };
        names += e.aliases;
        for (const QString &name : names) {
            if (name.contains(QChar(0)))
                continue; // never reaches the C library's string compare, nor ours
            for (const QString &p : { QString(), protocol }) {
                const std::optional<ServiceEntry> found = catalog.systemByName(name, p);
                check(found && found->hasName(name) && found->line <= e.line
                        && (p.isEmpty() || found->protocols.contains(p)),
                    "systemByName finds the first row with the name");
            }
            if (lookupTakesAsName(name)) {
                const ServiceLookup r = catalog.lookup(name);
                checkLookup(r, name, QString(), true);
                check(r.ok() && r.system && r.system->hasName(name), "lookup(name) finds a listed name");
            }
        }
        const std::optional<ServiceEntry> byPort = catalog.systemByPort(e.port, protocol);
        check(byPort && byPort->port == e.port && byPort->line <= e.line && byPort->protocols.contains(protocol),
            "systemByPort finds the first row with the port");
        const ServiceLookup r = catalog.lookup(QString::number(e.port));
        checkLookup(r, QString::number(e.port), QString(), true);
        check(r.ok() && r.byPort && r.port == e.port && r.system, "lookup(port) finds a listed port");
    }
}

void checkIanaLookups(const ServiceCatalog &catalog, const QList<ServiceEntry> &rows)
{
    auto hasLine = [](const QList<ServiceEntry> &found, int line) {
        return std::any_of(found.begin(), found.end(), [line](const ServiceEntry &f) { return f.line == line; });
    };
    for (qsizetype i = 0; i < rows.size() && i < kMaxRowsLookedUp; ++i) {
        const ServiceEntry &e = rows.at(i);
        check(hasLine(catalog.ianaByName(e.name), e.line), "ianaByName finds the row");
        check(hasLine(catalog.ianaByPort(e.port), e.line) && hasLine(catalog.ianaByPort(e.lastPort), e.line),
            "ianaByPort finds the row at both ends of its range");
        for (const QString &p : e.protocols)
            check(hasLine(catalog.ianaByName(e.name, p), e.line), "ianaByName finds the row for each protocol");
        if (lookupTakesAsName(e.name)) {
            const ServiceLookup r = catalog.lookup(e.name);
            checkLookup(r, e.name, QString(), true);
            check(r.ok() && hasLine(r.iana, e.line), "lookup(name) finds an IANA name");
        }
    }
}

// Pieces of the input as someone might type them: its whitespace/'/'/'#'/','-separated tokens,
// and a few raw slices picked by the input's own bytes.
QStringList fragments(const QString &text)
{
    QStringList out;
    QString token;
    for (const QChar c : text) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('#') || c == QLatin1Char(',')) {
            if (!token.isEmpty() && !out.contains(token))
                out << token;
            token.clear();
            if (out.size() >= kMaxFragments / 2)
                break;
        } else {
            token += c;
        }
    }
    if (!token.isEmpty() && out.size() < kMaxFragments / 2)
        out << token;
    out << QString() << QStringLiteral("-1") << QStringLiteral("65536");
    for (int i = 0; i < 4 && !text.isEmpty(); ++i) {
        const qsizetype start = text.at(i % text.size()).unicode() % text.size();
        const qsizetype length = 1 + text.at((i + 1) % text.size()).unicode() % 24;
        out << text.mid(start, length);
    }
    return out;
}

QString tempDir()
{
    static QTemporaryDir dir;
    check(dir.isValid(), "a temporary directory");
    return dir.path();
}

QString writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = tempDir() + QLatin1Char('/') + name;
    QFile f(path);
    check(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size(), "write the table");
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > kMaxInput + 1)
        return 0;
    // Options: bits 0-1 the tables the file is (0 system, 1 IANA, 2-3 both), bits 2-4 the protocol
    // the fragments are looked up with ("", tcp, udp, or a refused one).
    const uint8_t options = data[0];
    const bool asSystem = (options & 3) != 1;
    const bool asIana = (options & 3) != 0;
    static const char *const kProtocols[] = { "", "tcp", "udp", "UDP", "", "tcp", "udp", "sctp" };
    const QString protocol = QString::fromLatin1(kProtocols[(options >> 2) & 7]);
    const bool protocolValid
        = protocol.isEmpty() || protocol == QLatin1String("tcp") || protocol == QLatin1String("udp");
    const QByteArray file(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const QList<ServiceEntry> systemRows = ServiceCatalog::parseSystemTable(file);
    checkSystemRows(systemRows, file);
    QStringList header;
    const QList<ServiceEntry> ianaRows = ServiceCatalog::parseIanaTable(file, &header);
    checkIanaRows(ianaRows, header, file);

    // A catalog on the file: a non-default system path, so it answers from the file alone.
    const QString missing = tempDir() + QStringLiteral("/no-such-table");
    const ServiceCatalog catalog(asSystem ? writeFile(QStringLiteral("services"), file) : missing,
        asIana ? writeFile(QStringLiteral("iana.tsv"), file) : missing);
    check(catalog.systemTableExists() == asSystem, "the table exists when written");
    check(sameRows(catalog.systemEntries(), asSystem ? systemRows : QList<ServiceEntry>()),
        "the catalog holds the parsed system rows");
    check(sameRows(catalog.ianaEntries(), asIana ? ianaRows : QList<ServiceEntry>()),
        "the catalog holds the parsed TSV rows");
    // ianaHeader(key) is the first "key: value" header line's value.
    QSet<QString> keys;
    for (qsizetype i = 0; i < header.size() && asIana; ++i) {
        const qsizetype colon = header.at(i).indexOf(QStringLiteral(": "));
        const QString key = header.at(i).left(colon);
        if (colon < 0 || keys.contains(key))
            continue;
        keys.insert(key);
        const QString prefix = key + QStringLiteral(": ");
        const auto first = std::find_if(
            header.begin(), header.end(), [&prefix](const QString &other) { return other.startsWith(prefix); });
        check(first - header.begin() == i && catalog.ianaHeader(key) == first->mid(prefix.size()),
            "ianaHeader is the first line with the key");
    }

    if (asSystem)
        checkSystemLookups(catalog, systemRows);
    if (asIana)
        checkIanaLookups(catalog, ianaRows);
    // Suggestions are names (or aliases) of the catalog's rows. Not "never empty": an IANA row may
    // have an empty name, and then "" is one edit from any one-letter name (see the README).
    QSet<QString> known;
    for (const ServiceEntry &e : catalog.systemEntries()) {
        known.insert(e.name);
        for (const QString &alias : e.aliases)
            known.insert(alias);
    }
    for (const ServiceEntry &e : catalog.ianaEntries())
        known.insert(e.name);
    for (const QString &fragment : fragments(QString::fromUtf8(file))) {
        const ServiceLookup r = catalog.lookup(fragment, protocol);
        checkLookup(r, fragment, protocol, protocolValid);
        check(!r.suggestions.contains(fragment), "a name is not its own suggestion");
        for (const QString &suggestion : r.suggestions)
            check(known.contains(suggestion), "suggestions are the catalog's names");
    }
    return 0;
}
