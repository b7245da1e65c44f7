#pragma once
// Service names and port numbers from two sources side by side: this system's /etc/services, answered
// the way the C library answers getservbyname()/getservbyport(), and the bundled IANA registry that
// works where the system has no list. Also the learner's notes on a lookup (tcp wins, case matters...).

#include "trace/errorkind.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>

namespace swb {

struct ServiceEntry {
    enum Source { System, Iana };

    QString name;
    quint16 port = 0;
    // IANA registers a few ranges (x11 6000-6063/tcp/udp); lastPort == port for a single port.
    quint16 lastPort = 0;
    QStringList protocols; // one for a system line ("tcp"); IANA merges them ("tcp", "udp", "sctp")
    QStringList aliases; // /etc/services only; IANA's table has none
    QString description; // the line's "# comment"
    Source source = System;
    int line = 0; // 1-based line of /etc/services (or of the IANA table); 0 when unknown
    QString rawLine; // that line as written in /etc/services; empty for IANA rows

    bool coversPort(quint16 p) const { return p >= port && p <= lastPort; }
    bool hasName(const QString &n) const { return name == n || aliases.contains(n); }
    QString portText() const; // "80", "6000-6063"
    QString sourceName() const; // "system", "IANA"
};

// The answer to one "lookup service NAME|PORT [--proto P]", with everything the panel and the CLI show.
struct ServiceLookup {
    QString input; // as typed
    QString protocol; // "", "tcp" or "udp"; "" means any, as getservbyname(name, NULL)
    bool byPort = false;
    QString name; // when !byPort
    quint16 port = 0; // when byPort

    // What libc answers for the protocol asked (NULL when empty), with its /etc/services line.
    std::optional<ServiceEntry> system;
    // libc's answers for tcp and udp separately, so "same port, different service" can be shown.
    std::optional<ServiceEntry> systemTcp;
    std::optional<ServiceEntry> systemUdp;
    QList<ServiceEntry> iana; // every IANA row for the name/port (and protocol, when given)
    bool systemTableMissing = false;

    SessionError error; // Usage (field "service" or "protocol") for bad input or a name no table knows
    QStringList suggestions; // up to 3 closest names when the name is unknown
    QStringList notes; // short plain-English gotchas, see ServiceCatalog::notesFor

    bool ok() const { return !error.isError(); }
    bool found() const { return system || systemTcp || systemUdp || !iana.isEmpty(); }
    // The C call the system answer came from: getservbyname("http", NULL), getservbyport(htons(53), "udp").
    QString systemCall() const;
};

class ServiceCatalog {
public:
    static QString defaultSystemPath(); // "/etc/services"
    static QString defaultIanaPath(); // ":/services/iana-services.tsv", bundled in swb_core

    // With the default system path the answers come from getservbyname_r/getservbyport_r (so the
    // system's nsswitch is honoured) and the file only supplies line numbers. Any other path (tests) is
    // answered from that file alone, exactly as glibc's files backend does: first match in file order.
    explicit ServiceCatalog(
        const QString &systemPath = defaultSystemPath(), const QString &ianaPath = defaultIanaPath());
    ServiceCatalog(const ServiceCatalog &) = delete;
    ServiceCatalog &operator=(const ServiceCatalog &) = delete;

    // The two file formats, parsed from their bytes; the loaders read the file and call these (and
    // the fuzz target calls them directly). parseSystemTable: services(5) lines, malformed ones
    // skipped as the C library skips them. parseIanaTable: the bundled TSV, whose "# key: value"
    // header lines go to header (without the '#') when it is given.
    static QList<ServiceEntry> parseSystemTable(const QByteArray &data);
    static QList<ServiceEntry> parseIanaTable(const QByteArray &data, QStringList *header = nullptr);

    // One catalog with the default paths for the whole process; tables parsed on first use.
    static std::shared_ptr<const ServiceCatalog> shared();

    QString systemPath() const { return m_systemPath; }
    QString ianaPath() const { return m_ianaPath; }

    // Both tables are parsed once, on first use, thread-safely; these are the parsed rows in file order.
    const QList<ServiceEntry> &systemEntries() const;
    const QList<ServiceEntry> &ianaEntries() const;
    bool systemTableExists() const; // false when /etc/services is missing or unreadable
    // The IANA table's "# key: value" header: source-package, source-url, permission, generated...
    QString ianaHeader(const QString &key) const;
    // Nanoseconds the first parse of each table took (0 until then), for the "load time" figure.
    qint64 systemLoadNs() const;
    qint64 ianaLoadNs() const;

    // protocol "" = any: the first entry in file order wins, as libc does (normally the tcp one).
    std::optional<ServiceEntry> systemByName(const QString &name, const QString &protocol = {}) const;
    std::optional<ServiceEntry> systemByPort(quint16 port, const QString &protocol = {}) const;
    // Every IANA row for the name (exact, case-sensitive) or covering the port, filtered by protocol.
    QList<ServiceEntry> ianaByName(const QString &name, const QString &protocol = {}) const;
    QList<ServiceEntry> ianaByPort(quint16 port, const QString &protocol = {}) const;

    // Up to max names and aliases of either table closest to name (edit distance; case-insensitive
    // equals first), for "did you mean". Empty when nothing is close.
    QStringList suggestions(const QString &name, int max = 3) const;

    // "http", "www", "53", "0080" with protocol "", "tcp" or "udp": both sources, notes, or a Usage
    // error (empty or malformed input, port > 65535, unknown protocol, a name neither table knows).
    ServiceLookup lookup(const QString &nameOrPort, const QString &protocol = {}) const;
    // The gotchas a lookup shows, in plain English (also filled in by lookup()).
    QStringList notesFor(const ServiceLookup &result) const;

private:
    void loadSystem() const;
    void loadIana() const;
    bool usesLibc() const { return m_systemPath == defaultSystemPath(); }
    std::optional<ServiceEntry> lineFor(const QString &name, quint16 port, const QString &protocol) const;

    QString m_systemPath;
    QString m_ianaPath;
    mutable std::once_flag m_systemOnce;
    mutable std::once_flag m_ianaOnce;
    mutable QList<ServiceEntry> m_system;
    mutable QList<ServiceEntry> m_iana;
    mutable bool m_systemExists = false;
    mutable QStringList m_ianaHeader;
    mutable qint64 m_systemLoadNs = 0;
    mutable qint64 m_ianaLoadNs = 0;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::ServiceEntry)
