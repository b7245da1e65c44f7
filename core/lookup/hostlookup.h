#pragma once
// Host names and addresses as the C library resolves them: forward (getaddrinfo and Python's
// gethostbyname_ex), reverse (getnameinfo and gethostbyaddr) and this machine's own facts
// (gethostname, getfqdn, has_ipv6, interfaces). The calls block, so HostLookup runs each on a
// worker thread and hands the result back on its own thread; the HostResolver functions are the
// blocking calls themselves.

#include "client/tcpprobe.h" // AddressFamily
#include "trace/errorkind.h"
#include "trace/traceevent.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTimer;

namespace swb {

// How one resolver call failed, in the C library's words and as Python raises it.
struct ResolverError {
    QString call; // "getaddrinfo", "gethostbyname2_r", "getnameinfo", "gethostbyaddr_r"; empty: no failure
    int code = 0; // EAI_* (negative on glibc) for getaddrinfo/getnameinfo, h_errno for the gethostby*_r calls
    QString codeName; // "EAI_NONAME", "EAI_AGAIN", "HOST_NOT_FOUND", "TRY_AGAIN"
    QString text; // gai_strerror() / hstrerror(): "Name or service not known", "Unknown host"
    QString pythonException; // "socket.gaierror" (EAI_* codes) or "socket.herror" (h_errno codes)

    bool isError() const { return !call.isEmpty(); }
    // "socket.gaierror: [Errno -2] Name or service not known", the last line of Python's traceback
    QString pythonText() const;
    QJsonObject toJson() const;
};

// One getaddrinfo() result.
struct AddrInfoEntry {
    int family = 0; // AF_INET, AF_INET6
    int socketType = 0; // SOCK_STREAM, SOCK_DGRAM, SOCK_RAW
    int protocol = 0; // IPPROTO_TCP (6), IPPROTO_UDP (17), 0
    QString canonicalName; // AI_CANONNAME: set on the first entry only, as the C library does
    QString address; // numeric; an IPv6 scope is kept as "fe80::1%eth0"
    quint32 scopeId = 0; // sin6_scope_id

    QString familyName() const; // "AF_INET6"
    QString socketTypeName() const; // "SOCK_STREAM"
    QString protocolName() const; // "IPPROTO_TCP", or the number when there is no name
    // Python's tuple: (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'localhost', ('127.0.0.1', 0))
    QString toText() const;
    QJsonObject toJson() const;
};

// The (hostname, aliaslist, ipaddrlist) triple of Python's gethostbyname_ex() and gethostbyaddr(),
// from gethostbyname2_r(AF_INET) / gethostbyaddr_r().
struct HostEntry {
    QString name;
    QStringList aliases;
    QStringList addresses;
    ResolverError failure; // set when the call found nothing

    bool ok() const { return !failure.isError(); }
    // "('localhost', [], ['127.0.0.1'])", or the Python exception line on failure
    QString toText() const;
    QJsonObject toJson() const;
};

struct NameLookupResult {
    int id = 0;
    QString name; // as asked (brackets removed from an IPv6 literal)
    AddressFamily family = AddressFamily::Any;
    SessionError error; // None; Usage (not a host name); Resolve (getaddrinfo failed); Timeout
    ResolverError failure; // getaddrinfo's failure when error.kind is Resolve
    QString canonicalName; // AI_CANONNAME
    QList<AddrInfoEntry> entries; // every getaddrinfo() result, in the C library's order
    HostEntry hostEntry; // gethostbyname_ex(name): IPv4 only, as in Python; may fail on its own
    qint64 durationNs = 0;
    QList<TraceEvent> trace; // the calls made, for a TraceModel or the CLI

    bool ok() const { return !error.isError(); }
    QStringList addresses() const; // the distinct addresses of entries, in order
    // Lines for the CLI: the getaddrinfo tuples, the canonical name, the gethostbyname_ex triple.
    QString toText() const;
    QJsonObject toJson() const;
};

struct AddressLookupResult {
    int id = 0;
    QString address; // as asked (brackets removed)
    SessionError error; // None; Usage (not a numeric address); Address (no name); Timeout
    ResolverError failure; // getnameinfo's failure when error.kind is Address
    QString name; // getnameinfo(NI_NAMEREQD)
    HostEntry hostEntry; // gethostbyaddr(address): Python's triple; may fail on its own
    qint64 durationNs = 0;
    QList<TraceEvent> trace;

    bool ok() const { return !error.isError(); }
    QString toText() const;
    QJsonObject toJson() const;
};

// One address of an interface (QNetworkAddressEntry).
struct InterfaceAddress {
    QString address; // with the scope for link-local IPv6: "fe80::1%eth0"
    bool ipv6 = false;
    QString netmask; // "255.0.0.0", "ffff:ffff:ffff:ffff::"
    int prefixLength = -1; // 8, 64; -1 when unknown
    QString broadcast; // IPv4 only; empty when none

    // ifconfig's words: "inet 127.0.0.1  netmask 255.0.0.0 (/8)", "inet6 ::1  prefixlen 128"
    QString toText() const;
    QJsonObject toJson() const;
};

struct InterfaceInfo {
    QString name; // "lo", "eth0"
    int index = 0; // if_nametoindex(), Python's socket.if_nameindex()
    QStringList flags; // in ifconfig's order and words: UP, BROADCAST, LOOPBACK, POINTOPOINT, RUNNING, MULTICAST
    QString hardwareAddress; // "00:11:22:33:44:55"; empty when the interface has none
    int mtu = 0;
    QList<InterfaceAddress> addresses;

    // "2: eth0 <UP,BROADCAST,RUNNING,MULTICAST> mtu 1500 ether 00:11:22:33:44:55", then one line per address
    QString toText() const;
    QJsonObject toJson() const;
};

struct LocalHostResult {
    int id = 0;
    SessionError error; // None, or Timeout (getfqdn may wait for DNS)
    QString hostName; // gethostname()
    QString fqdn; // Python's socket.getfqdn()
    bool hasIPv6 = false; // could a socket(AF_INET6, SOCK_DGRAM) be made
    QString ipv6Error; // why not: "EAFNOSUPPORT"
    QList<InterfaceInfo> interfaces;
    qint64 durationNs = 0;
    QList<TraceEvent> trace;

    bool ok() const { return !error.isError(); }
    QString toText() const;
    QJsonObject toJson() const;
};

// The blocking calls. Thread-safe; never call them on a GUI thread (a DNS timeout is 5 s or more per
// attempt). They validate their input as HostLookup does.
namespace HostResolver {
NameLookupResult resolveName(const QString &name, AddressFamily family = AddressFamily::Any);
AddressLookupResult resolveAddress(const QString &address);
LocalHostResult localHost();

HostEntry hostByName(const QString &name); // gethostbyname2_r(name, AF_INET)
HostEntry hostByAddress(const QString &numericAddress); // gethostbyaddr_r()
QString hostName(); // gethostname(): a system call, does not block on the network
// Python's socket.getfqdn(name): gethostbyaddr(name) (which first resolves a name with getaddrinfo),
// then the first of its hostname and aliases that contains a '.', else that hostname; the name
// itself (gethostname() when empty) when the lookup fails.
QString fqdn(const QString &name = {});
bool hasIPv6(QString *why = nullptr);
QList<InterfaceInfo> interfaces();

// Usage checks, done before any lookup. A name: EndpointParser::parseHost. An address: a numeric
// IPv4 dotted quad or IPv6 literal, brackets and a %scope allowed.
Parsed<QString> checkName(const QString &text);
Parsed<QString> checkAddress(const QString &text);

QString eaiName(int code); // EAI_NONAME
QString hErrnoName(int code); // HOST_NOT_FOUND
} // namespace HostResolver

// Runs lookups without blocking the thread it lives in (call it from that thread): each request
// gets an id, runs on a worker thread, and its result comes back by signal on this object's thread.
// A request can be cancelled, and one that outlasts the timeout ends as a Timeout error at once.
class HostLookup : public QObject {
    Q_OBJECT
public:
    enum class State { Running, Finished, Cancelled };
    Q_ENUM(State)

    // Replace the blocking calls (tests: a slow or failing resolver). They run on a worker thread
    // and must not touch the caller's objects. Empty: the HostResolver functions.
    using NameResolver = std::function<NameLookupResult(const QString &name, AddressFamily family)>;
    using AddressResolver = std::function<AddressLookupResult(const QString &address)>;
    using LocalResolver = std::function<LocalHostResult()>;

    explicit HostLookup(QObject *parent = nullptr);
    // Running lookups are abandoned: their worker threads finish on their own and drop the answer.
    ~HostLookup() override;

    // Each returns the request's id (> 0). Invalid input finishes as a Usage error, like every
    // result, after the call returns.
    int lookupName(const QString &name, AddressFamily family = AddressFamily::Any);
    int lookupAddress(const QString &address);
    int lookupLocalHost();

    // Drops the result of a running request and reports it Cancelled. Returns false when the id is
    // not running (finished, timed out, cancelled already, or unknown).
    bool cancel(int id);
    void cancelAll();
    bool isRunning(int id) const { return m_pending.contains(id); }
    int runningCount() const { return int(m_pending.size()); }

    // For requests started from now on; 0: no limit. Default kDefaultTimeoutMs.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    // Above the resolver's own worst case (glibc: 5 s x 2 attempts per nameserver, times the search
    // domains), so a failing resolver is reported in its own words, not as our timeout.
    static constexpr int kDefaultTimeoutMs = 30000;
    // At most this many blocking calls wait at once (all HostLookup objects together).
    static constexpr int kMaxBusyWorkers = 8;

    void setNameResolver(NameResolver resolver) { m_nameResolver = std::move(resolver); }
    void setAddressResolver(AddressResolver resolver) { m_addressResolver = std::move(resolver); }
    void setLocalResolver(LocalResolver resolver) { m_localResolver = std::move(resolver); }

    // Worker threads still inside a blocking call, across all HostLookup objects (abandoned ones included).
    static int busyWorkers();

signals:
    // Running is emitted inside lookup*(), before it returns the id; Finished after the result
    // signal; Cancelled from cancel(). A timed-out request finishes (with a Timeout error).
    void stateChanged(int id, swb::HostLookup::State state);
    // The steps of a request, emitted just before its result.
    void traced(const swb::TraceEvent &event);
    void nameLookupFinished(const swb::NameLookupResult &result);
    void addressLookupFinished(const swb::AddressLookupResult &result);
    void localHostFinished(const swb::LocalHostResult &result);

private:
    enum class Kind { Name, Address, Local };
    struct Pending {
        Kind kind = Kind::Name;
        QString subject;
        AddressFamily family = AddressFamily::Any;
        TraceClock clock;
        QTimer *timer = nullptr;
    };
    struct Channel; // what a worker thread shares with this object

    int begin(Kind kind, const QString &subject, AddressFamily family);
    template<typename Result> void runOnWorker(int id, std::function<Result()> job);
    // Takes the request off the pending list, stamps its duration and emits its trace; false when it
    // was cancelled or timed out meanwhile.
    template<typename Result> bool settle(Result &result);
    void deliver(NameLookupResult result);
    void deliver(AddressLookupResult result);
    void deliver(LocalHostResult result);
    bool takePending(int id, Pending *out);
    void timedOut(int id);
    void emitTrace(const QList<TraceEvent> &trace);

    QHash<int, Pending> m_pending;
    std::shared_ptr<Channel> m_channel;
    int m_nextId = 1;
    int m_timeoutMs = kDefaultTimeoutMs;
    NameResolver m_nameResolver;
    AddressResolver m_addressResolver;
    LocalResolver m_localResolver;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::NameLookupResult)
Q_DECLARE_METATYPE(swb::AddressLookupResult)
Q_DECLARE_METATYPE(swb::LocalHostResult)
