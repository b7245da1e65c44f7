// HostLookup and HostResolver: forward and reverse lookups of loopback names and addresses, this
// machine's own name and facts, Usage errors before any lookup, and the asynchronous machinery
// (ids, cancel, timeout, results on the caller's thread) driven by a resolver hook that blocks.
//
// Where Python 3 is installed, what we print is checked against what Python prints for the same
// call, in the same network namespace. Nothing here may send a packet off this machine: names and
// addresses the resolver would ask DNS about (an unknown name, an address without a name, the host's
// own name when /etc/hosts does not list it) are only looked up in tests/run-isolated.sh's private
// namespace (SWB_ISOLATED=1), where the only interface is loopback and a DNS query fails at once.

#include "lookup/hostlookup.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <atomic>
#include <net/if.h>
#include <netdb.h>

using namespace swb;

namespace {

bool isolated()
{
    return !qEnvironmentVariableIsEmpty("SWB_ISOLATED");
}

// /etc/hosts as name (lower case) -> addresses: a name listed there never reaches DNS (nsswitch
// "files" comes first), so it is safe to look up anywhere.
QMultiHash<QString, QString> hostsFile()
{
    QMultiHash<QString, QString> out;
    QFile file(QStringLiteral("/etc/hosts"));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        QString line = QString::fromLocal8Bit(raw);
        line.truncate(line.indexOf(QLatin1Char('#')) < 0 ? line.size() : line.indexOf(QLatin1Char('#')));
        const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (int i = 1; i < fields.size(); ++i)
            out.insert(fields.at(i).toLower(), fields.at(0));
    }
    return out;
}

// Runs one socket-module call in Python and returns what it prints: the result's repr, one line per
// getaddrinfo tuple, or "socket.gaierror: [Errno -2] ..." as the traceback's last line would say.
const char *const kPythonScript = R"(
import socket, sys
mode, arg = sys.argv[1], sys.argv[2]
try:
    if mode == 'gai':
        family = {'any': 0, '4': socket.AF_INET, '6': socket.AF_INET6}[sys.argv[3]]
        for entry in socket.getaddrinfo(arg, None, family, 0, 0, socket.AI_CANONNAME):
            print(entry)
    elif mode == 'ex':
        print(socket.gethostbyname_ex(arg))
    elif mode == 'addr':
        print(socket.gethostbyaddr(arg))
    elif mode == 'fqdn':
        print(socket.getfqdn(arg))
except OSError as e:
    print(f'socket.{type(e).__name__}: {e}')
)";

QString python3()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QStringList runPython(const QStringList &args)
{
    QProcess p;
    p.start(python3(), QStringList { QStringLiteral("-c"), QString::fromLatin1(kPythonScript) } + args);
    if (!p.waitForFinished(30000))
        return { QStringLiteral("python3 did not finish") };
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A resolver hook that blocks until the test opens the gate, and says where it ran.
struct Gate {
    QSemaphore open;
    std::atomic<int> entered { 0 };
    std::atomic<QThread *> thread { nullptr };

    void release(int n = 64) { open.release(n); }
};

NameLookupResult fakeNameResult(const QString &name)
{
    NameLookupResult r;
    AddrInfoEntry v4;
    v4.family = AF_INET;
    v4.socketType = SOCK_STREAM;
    v4.protocol = IPPROTO_TCP;
    v4.canonicalName = name;
    v4.address = QStringLiteral("192.0.2.7");
    AddrInfoEntry v6;
    v6.family = AF_INET6;
    v6.socketType = SOCK_DGRAM;
    v6.protocol = IPPROTO_UDP;
    v6.address = QStringLiteral("fe80::1%eth9");
    v6.scopeId = 3;
    r.entries << v4 << v6 << v4;
    r.entries.last().canonicalName.clear();
    r.canonicalName = name;
    r.hostEntry.name = name;
    r.hostEntry.aliases << QStringLiteral("alias.test");
    r.hostEntry.addresses << QStringLiteral("192.0.2.7");
    return r;
}

HostLookup::NameResolver gatedNameResolver(const std::shared_ptr<Gate> &gate)
{
    return [gate](const QString &name, AddressFamily) {
        gate->thread = QThread::currentThread();
        ++gate->entered;
        gate->open.tryAcquire(1, 20000); // never forever: a failed test must still end
        return fakeNameResult(name);
    };
}

} // namespace

class TestHostLookup : public QObject {
    Q_OBJECT

private:
    NameLookupResult runName(HostLookup &lookup, const QString &name, AddressFamily family = AddressFamily::Any)
    {
        QSignalSpy spy(&lookup, &HostLookup::nameLookupFinished);
        const int id = lookup.lookupName(name, family);
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return !spy.isEmpty(); }, 30000);
        if (spy.isEmpty())
            return {};
        NameLookupResult r = spy.first().first().value<NameLookupResult>();
        if (r.id != id)
            qWarning("result of request %d while waiting for %d", r.id, id);
        return r;
    }

    AddressLookupResult runAddress(HostLookup &lookup, const QString &address)
    {
        QSignalSpy spy(&lookup, &HostLookup::addressLookupFinished);
        lookup.lookupAddress(address);
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return !spy.isEmpty(); }, 30000);
        return spy.isEmpty() ? AddressLookupResult {} : spy.first().first().value<AddressLookupResult>();
    }

    LocalHostResult runLocal(HostLookup &lookup)
    {
        QSignalSpy spy(&lookup, &HostLookup::localHostFinished);
        lookup.lookupLocalHost();
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return !spy.isEmpty(); }, 30000);
        return spy.isEmpty() ? LocalHostResult {} : spy.first().first().value<LocalHostResult>();
    }

    static QStringList entryLines(const NameLookupResult &r)
    {
        if (r.failure.isError())
            return { r.failure.pythonText() };
        QStringList lines;
        for (const AddrInfoEntry &e : r.entries)
            lines << e.toText();
        return lines;
    }

    int m_baselineWorkers = 0;

private slots:
    void initTestCase()
    {
        m_baselineWorkers = HostLookup::busyWorkers();
        qInfo("isolated: %s; hostname %s; /etc/hosts lists it: %s; python3: %s", isolated() ? "yes" : "no",
            qPrintable(HostResolver::hostName()),
            hostsFile().contains(HostResolver::hostName().toLower()) ? "yes" : "no",
            python3().isEmpty() ? "no" : qPrintable(python3()));
    }

    void cleanup()
    {
        // No test may leave a worker inside a blocking call for the next one.
        QTRY_COMPARE_WITH_TIMEOUT(HostLookup::busyWorkers(), m_baselineWorkers, 30000);
    }

    void localhostForward()
    {
        HostLookup lookup;
        const NameLookupResult r = runName(lookup, QStringLiteral("localhost"), AddressFamily::IPv4);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.name, QStringLiteral("localhost"));
        QVERIFY(r.addresses().contains(QStringLiteral("127.0.0.1")));
        for (const AddrInfoEntry &e : r.entries) {
            QCOMPARE(e.family, AF_INET);
            QVERIFY2(e.address.startsWith(QLatin1String("127.")), qPrintable(e.address));
        }
        // One entry per socket type, each with its protocol, the canonical name on the first.
        QStringList kinds;
        for (const AddrInfoEntry &e : r.entries)
            if (e.address == QLatin1String("127.0.0.1"))
                kinds << e.socketTypeName() + QLatin1Char('/') + e.protocolName();
        QCOMPARE(kinds, (QStringList { "SOCK_STREAM/IPPROTO_TCP", "SOCK_DGRAM/IPPROTO_UDP", "SOCK_RAW/0" }));
        QVERIFY(!r.canonicalName.isEmpty());
        QCOMPARE(r.entries.first().canonicalName, r.canonicalName);
        QVERIFY(r.hostEntry.ok());
        QVERIFY(r.hostEntry.addresses.contains(QStringLiteral("127.0.0.1")));
        QVERIFY(r.durationNs > 0);
        QCOMPARE(r.trace.first().call, QStringLiteral("getaddrinfo"));
        QCOMPARE(r.trace.first().arguments, QStringLiteral("(\"localhost\", NULL, AF_INET, AI_CANONNAME)"));
    }

    void numericForward_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<AddressFamily>("family");
        QTest::addColumn<bool>("needsIPv6");
        QTest::addColumn<QString>("address"); // empty: a Resolve error is expected
        QTest::addColumn<QString>("hostEntry");

        QTest::newRow("127.0.0.1") << "127.0.0.1" << AddressFamily::Any << false << "127.0.0.1"
                                   << "('127.0.0.1', [], ['127.0.0.1'])";
        QTest::newRow("127.0.0.1 -4") << "127.0.0.1" << AddressFamily::IPv4 << false << "127.0.0.1"
                                      << "('127.0.0.1', [], ['127.0.0.1'])";
        QTest::newRow("127.0.0.1 -6") << "127.0.0.1" << AddressFamily::IPv6 << false << ""
                                      << "('127.0.0.1', [], ['127.0.0.1'])";
        QTest::newRow("::1") << "::1" << AddressFamily::Any << true << "::1"
                             << "socket.gaierror: [Errno -9] Address family for hostname not supported";
        QTest::newRow("[::1]") << "[::1]" << AddressFamily::IPv6 << true << "::1"
                               << "socket.gaierror: [Errno -9] Address family for hostname not supported";
        QTest::newRow("::1 -4") << "::1" << AddressFamily::IPv4 << true << ""
                                << "socket.gaierror: [Errno -9] Address family for hostname not supported";
    }

    void numericForward()
    {
        QFETCH(QString, name);
        QFETCH(AddressFamily, family);
        QFETCH(bool, needsIPv6);
        QFETCH(QString, address);
        QFETCH(QString, hostEntry);
        if (needsIPv6 && !HostResolver::hasIPv6())
            QSKIP("this machine cannot make IPv6 sockets");
        HostLookup lookup;
        const NameLookupResult r = runName(lookup, name, family);
        if (address.isEmpty()) {
            QCOMPARE(r.error.kind, ErrorKind::Resolve);
            QCOMPARE(r.failure.call, QStringLiteral("getaddrinfo"));
            QCOMPARE(r.failure.codeName, QStringLiteral("EAI_ADDRFAMILY"));
            QCOMPARE(r.error.osError, QStringLiteral("EAI_ADDRFAMILY"));
            QCOMPARE(r.failure.pythonText(),
                QStringLiteral("socket.gaierror: [Errno -9] Address family for hostname not supported"));
            QVERIFY(r.entries.isEmpty());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.error.message));
            QCOMPARE(r.addresses(), QStringList { address });
            QCOMPARE(r.canonicalName, address);
            QCOMPARE(r.entries.size(), 3);
        }
        QCOMPARE(r.hostEntry.toText(), hostEntry);
    }

    void usageErrorsBeforeAnyLookup_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << "";
        QTest::newRow("space") << "local host";
        QTest::newRow("leading dash") << "-bad.example";
        QTest::newRow("empty label") << "a..b";
        QTest::newRow("unclosed bracket") << "[::1";
        QTest::newRow("short dotted number") << "10.1";
        QTest::newRow("octet too big") << "300.1.1.1";
        QTest::newRow("bad character") << "what?.example";
        QTest::newRow("label too long") << QString(64, QLatin1Char('a')) + QStringLiteral(".example");
        QTest::newRow("colon but not IPv6") << "host:80";
    }

    void usageErrorsBeforeAnyLookup()
    {
        QFETCH(QString, name);
        HostLookup lookup;
        std::atomic<int> called { 0 };
        lookup.setNameResolver([&called](const QString &, AddressFamily) {
            ++called;
            return NameLookupResult {};
        });
        QSignalSpy finished(&lookup, &HostLookup::nameLookupFinished);
        QSignalSpy states(&lookup, &HostLookup::stateChanged);
        const int id = lookup.lookupName(name);
        QVERIFY(id > 0);
        QCOMPARE(finished.size(), 0); // after the call returns, like every result
        QTRY_COMPARE(finished.size(), 1);
        const NameLookupResult r = finished.first().first().value<NameLookupResult>();
        QCOMPARE(r.id, id);
        QCOMPARE(r.error.kind, ErrorKind::Usage);
        QCOMPARE(r.error.field, QStringLiteral("host"));
        QVERIFY(!r.error.message.isEmpty());
        QVERIFY(r.toText().isEmpty());
        QCOMPARE(called.load(), 0);
        QCOMPARE(states.last().at(1).value<HostLookup::State>(), HostLookup::State::Finished);
        // The blocking function checks the same way.
        QCOMPARE(HostResolver::resolveName(name).error.kind, ErrorKind::Usage);
    }

    void unknownNameIsResolveError()
    {
        if (!isolated())
            QSKIP("needs tests/run-isolated.sh's network namespace: an unknown name would be asked of DNS");
        HostLookup lookup;
        const NameLookupResult r = runName(lookup, QStringLiteral("no-such-host.invalid"));
        qInfo("no-such-host.invalid: %s / %s", qPrintable(r.failure.codeName), qPrintable(r.failure.pythonText()));
        QCOMPARE(r.error.kind, ErrorKind::Resolve);
        QCOMPARE(errorKindPythonName(r.error.kind), QStringLiteral("socket.gaierror"));
        QCOMPARE(exitCodeFor(r.error.kind), 3);
        QCOMPARE(r.failure.call, QStringLiteral("getaddrinfo"));
        QCOMPARE(r.failure.pythonException, QStringLiteral("socket.gaierror"));
        QVERIFY2(r.failure.codeName.startsWith(QLatin1String("EAI_")), qPrintable(r.failure.codeName));
        QCOMPARE(r.failure.text, QString::fromLocal8Bit(gai_strerror(r.failure.code)));
        QCOMPARE(r.error.osError, r.failure.codeName);
        QVERIFY(r.error.message.contains(r.failure.text));
        QVERIFY(r.entries.isEmpty());
        QCOMPARE(r.hostEntry.failure.pythonException, QStringLiteral("socket.gaierror"));
        QCOMPARE(r.trace.first().kind, TraceKind::Error);
        QCOMPARE(r.trace.first().result, r.failure.codeName);
    }

    void reverseOfLoopback()
    {
        HostLookup lookup;
        const AddressLookupResult r = runAddress(lookup, QStringLiteral("127.0.0.1"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        // Debian's /etc/hosts names 127.0.0.1 "localhost"; some systems say "localhost.localdomain".
        QVERIFY2(r.name.startsWith(QLatin1String("localhost")), qPrintable(r.name));
        QVERIFY(r.hostEntry.ok());
        QCOMPARE(r.hostEntry.name, r.name);
        QCOMPARE(r.hostEntry.addresses, QStringList { "127.0.0.1" });
        QCOMPARE(r.toText().split(QLatin1Char('\n')).at(1), QStringLiteral("  ('%1', '0')").arg(r.name));
    }

    void reverseOfIPv6Loopback()
    {
        if (!HostResolver::hasIPv6())
            QSKIP("this machine cannot make IPv6 sockets");
        const bool listed = hostsFile().values().contains(QStringLiteral("::1"));
        if (!isolated() && !listed)
            QSKIP("/etc/hosts does not name ::1, so the reverse lookup would ask DNS: runs only isolated");
        HostLookup lookup;
        const AddressLookupResult r = runAddress(lookup, QStringLiteral("[::1]"));
        QCOMPARE(r.address, QStringLiteral("::1"));
        qInfo("reverse ::1: %s", qPrintable(r.ok() ? r.name : r.failure.pythonText()));
        if (listed) {
            QVERIFY2(r.ok(), qPrintable(r.error.message));
        } else {
            QCOMPARE(r.error.kind, ErrorKind::Address);
        }
    }

    void reverseWithoutNameIsAddressError()
    {
        if (!isolated())
            QSKIP("needs tests/run-isolated.sh's network namespace: the reverse lookup would be asked of DNS");
        HostLookup lookup;
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): no name anywhere, and in the namespace DNS is unreachable.
        const AddressLookupResult r = runAddress(lookup, QStringLiteral("192.0.2.1"));
        qInfo("reverse 192.0.2.1: %s; gethostbyaddr: %s", qPrintable(r.failure.pythonText()),
            qPrintable(r.hostEntry.toText()));
        QCOMPARE(r.error.kind, ErrorKind::Address);
        QCOMPARE(errorKindPythonName(r.error.kind), QStringLiteral("socket.herror"));
        QCOMPARE(exitCodeFor(r.error.kind), 3);
        QCOMPARE(r.failure.call, QStringLiteral("getnameinfo"));
        QVERIFY(r.failure.codeName.startsWith(QLatin1String("EAI_")));
        QVERIFY(r.name.isEmpty());
        QVERIFY(!r.hostEntry.ok());
        QCOMPARE(r.hostEntry.failure.call, QStringLiteral("gethostbyaddr_r"));
        QCOMPARE(r.hostEntry.failure.pythonException, QStringLiteral("socket.herror"));
        QCOMPARE(r.hostEntry.failure.text, QString::fromLocal8Bit(hstrerror(r.hostEntry.failure.code)));
        QVERIFY(QStringList({ "HOST_NOT_FOUND", "TRY_AGAIN", "NO_DATA" }).contains(r.hostEntry.failure.codeName));
        QVERIFY(!r.error.explanation().isEmpty());
        if (r.error.osError == QLatin1String("EAI_AGAIN")) // DNS out of reach: not "there is no reverse entry"
            QVERIFY2(r.error.explanation().contains(QStringLiteral("DNS could not be asked")),
                qPrintable(r.error.explanation()));
    }

    // The resolver's EAI_ codes land in SessionError::osError: each gets its own explanation, so a
    // reverse lookup that could not reach DNS does not claim the address has no name.
    void resolverErrorsAreExplained_data()
    {
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("osError");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("doesNotSay");

        QTest::newRow("Address EAI_AGAIN") << ErrorKind::Address << "EAI_AGAIN"
                                           << "DNS could not be asked"
                                           << "no reverse entry";
        QTest::newRow("Resolve EAI_AGAIN") << ErrorKind::Resolve << "EAI_AGAIN"
                                           << "does not mean the name does not exist"
                                           << "getaddrinfo failed";
        QTest::newRow("Address EAI_NONAME") << ErrorKind::Address << "EAI_NONAME"
                                            << "reverse (PTR) entry"
                                            << "No such name";
        QTest::newRow("Resolve EAI_NONAME") << ErrorKind::Resolve << "EAI_NONAME"
                                            << "No such name"
                                            << "reverse";
        QTest::newRow("EAI_FAIL") << ErrorKind::Resolve << "EAI_FAIL"
                                  << "failed for good"
                                  << "temporary";
        QTest::newRow("EAI_ADDRFAMILY") << ErrorKind::Resolve << "EAI_ADDRFAMILY"
                                        << "no address of the family"
                                        << "spelling";
        QTest::newRow("EAI_NODATA") << ErrorKind::Resolve << "EAI_NODATA"
                                    << "has no addresses"
                                    << "spelling";
        QTest::newRow("EAI_FAMILY") << ErrorKind::Resolve << "EAI_FAMILY"
                                    << "AF_UNSPEC"
                                    << "spelling";
        QTest::newRow("EAI_SERVICE") << ErrorKind::Resolve << "EAI_SERVICE"
                                     << "/etc/services"
                                     << "spelling";
        // Unchanged: no OS error, and errno names.
        QTest::newRow("Address, no code") << ErrorKind::Address << ""
                                          << "no reverse entry"
                                          << "DNS could not";
        QTest::newRow("Resolve, no code") << ErrorKind::Resolve << ""
                                          << "getaddrinfo failed"
                                          << "DNS could not";
        QTest::newRow("ECONNREFUSED") << ErrorKind::Connect << "ECONNREFUSED"
                                      << "Nothing is listening"
                                      << "DNS";
        QTest::newRow("EAI_SYSTEM falls back") << ErrorKind::Resolve << "EAI_SYSTEM (ENOENT)"
                                               << "getaddrinfo failed"
                                               << "DNS could not";
    }

    void resolverErrorsAreExplained()
    {
        QFETCH(ErrorKind, kind);
        QFETCH(QString, osError);
        QFETCH(QString, says);
        QFETCH(QString, doesNotSay);
        SessionError e;
        e.kind = kind;
        e.osError = osError;
        const QString text = e.explanation();
        QCOMPARE(text, explainError(kind, osError));
        QVERIFY2(text.contains(says), qPrintable(text));
        QVERIFY2(!text.contains(doesNotSay), qPrintable(text));
    }

    void reverseUsageErrors_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("empty") << "";
        QTest::newRow("a name") << "localhost";
        QTest::newRow("three octets") << "1.2.3";
        QTest::newRow("octet too big") << "256.0.0.1";
        QTest::newRow("bad group") << "::g";
        QTest::newRow("two double colons") << "1::2::3";
        QTest::newRow("space") << "127.0.0.1 ";
    }

    void reverseUsageErrors()
    {
        QFETCH(QString, address);
        HostLookup lookup;
        std::atomic<int> called { 0 };
        lookup.setAddressResolver([&called](const QString &) {
            ++called;
            return AddressLookupResult {};
        });
        const AddressLookupResult r = runAddress(lookup, address);
        QCOMPARE(r.error.kind, ErrorKind::Usage);
        QCOMPARE(r.error.field, QStringLiteral("address"));
        QCOMPARE(called.load(), 0);
    }

    void ownHostName()
    {
        const QString name = HostResolver::hostName();
        QVERIFY(!name.isEmpty());
        const QStringList listed = hostsFile().values(name.toLower());
        if (!isolated() && listed.isEmpty())
            QSKIP("/etc/hosts does not list this host's name, so looking it up would ask DNS: runs only isolated");
        HostLookup lookup;
        const NameLookupResult r = runName(lookup, name);
        qInfo("own name %s: %s", qPrintable(name),
            qPrintable(r.ok()
                    ? r.addresses().join(QStringLiteral(", ")) + QStringLiteral(" canonical ") + r.canonicalName
                    : r.failure.pythonText()));
        if (!listed.isEmpty()) {
            // nsswitch asks /etc/hosts first: what it lists is what we get.
            QVERIFY2(r.ok(), qPrintable(r.error.message));
            for (const QString &a : listed)
                if (!a.contains(QLatin1Char(':')))
                    QVERIFY2(r.addresses().contains(a), qPrintable(a));
        } else {
            // Isolated and not listed: a module such as nss-myhostname may still answer; DNS cannot.
            QVERIFY2(r.ok() || r.error.kind == ErrorKind::Resolve, qPrintable(r.error.message));
            QVERIFY(r.ok() ? !r.entries.isEmpty() : r.failure.codeName.startsWith(QLatin1String("EAI_")));
        }
    }

    void localFacts()
    {
        const QString name = HostResolver::hostName();
        if (!isolated() && !hostsFile().contains(name.toLower()))
            QSKIP("getfqdn() would ask DNS about this host's name: runs only isolated");
        HostLookup lookup;
        const LocalHostResult r = runLocal(lookup);
        QVERIFY(r.ok());
        QCOMPARE(r.hostName, QSysInfo::machineHostName());
        QVERIFY(!r.fqdn.isEmpty());
        QCOMPARE(r.hasIPv6, HostResolver::hasIPv6());
        QVERIFY(r.hasIPv6 || !r.ipv6Error.isEmpty());
        qInfo("gethostname %s, getfqdn %s, has_ipv6 %d", qPrintable(r.hostName), qPrintable(r.fqdn), r.hasIPv6);

        const InterfaceInfo *lo = nullptr;
        for (const InterfaceInfo &i : r.interfaces)
            if (i.flags.contains(QStringLiteral("LOOPBACK")))
                lo = &i;
        QVERIFY(lo);
        QCOMPARE(lo->index, int(if_nametoindex(lo->name.toLocal8Bit().constData())));
        QVERIFY(lo->flags.contains(QStringLiteral("UP")));
        QVERIFY(lo->flags.contains(QStringLiteral("RUNNING")));
        QVERIFY(!lo->flags.contains(QStringLiteral("BROADCAST")));
        const InterfaceAddress *v4 = nullptr;
        for (const InterfaceAddress &a : lo->addresses)
            if (a.address == QLatin1String("127.0.0.1"))
                v4 = &a;
        QVERIFY(v4);
        QCOMPARE(v4->netmask, QStringLiteral("255.0.0.0"));
        QCOMPARE(v4->prefixLength, 8);
        QCOMPARE(v4->toText(), QStringLiteral("inet 127.0.0.1  netmask 255.0.0.0 (/8)"));
        QVERIFY(lo->toText().startsWith(QStringLiteral("%1: %2 <").arg(lo->index).arg(lo->name)));
        const QString text = r.toText();
        QVERIFY(text.startsWith(QStringLiteral("gethostname(): '%1'\ngetfqdn(): '%2'").arg(r.hostName, r.fqdn)));
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("hostname")).toString(), r.hostName);
        QCOMPARE(json.value(QStringLiteral("interfaces")).toArray().size(), r.interfaces.size());
    }

    // Our lines against Python's for the same call, where Python is installed.
    void matchesPython_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("arg");
        QTest::addColumn<QString>("family");
        QTest::addColumn<bool>("onlyIsolated"); // the lookup would ask DNS

        QTest::newRow("getaddrinfo localhost -4") << "gai"
                                                  << "localhost"
                                                  << "4" << false;
        QTest::newRow("getaddrinfo localhost") << "gai"
                                               << "localhost"
                                               << "any" << false;
        QTest::newRow("getaddrinfo 127.0.0.1") << "gai"
                                               << "127.0.0.1"
                                               << "any" << false;
        QTest::newRow("getaddrinfo ::1") << "gai"
                                         << "::1"
                                         << "any" << false;
        QTest::newRow("getaddrinfo 127.0.0.1 -6") << "gai"
                                                  << "127.0.0.1"
                                                  << "6" << false;
        QTest::newRow("getaddrinfo localhost -6") << "gai"
                                                  << "localhost"
                                                  << "6" << true;
        QTest::newRow("getaddrinfo .invalid") << "gai"
                                              << "no-such-host.invalid"
                                              << "any" << true;
        QTest::newRow("gethostbyname_ex localhost") << "ex"
                                                    << "localhost"
                                                    << "any" << false;
        QTest::newRow("gethostbyname_ex 127.0.0.1") << "ex"
                                                    << "127.0.0.1"
                                                    << "any" << false;
        QTest::newRow("gethostbyname_ex ::1") << "ex"
                                              << "::1"
                                              << "any" << false;
        QTest::newRow("gethostbyname_ex .invalid") << "ex"
                                                   << "no-such-host.invalid"
                                                   << "any" << true;
        QTest::newRow("gethostbyaddr 127.0.0.1") << "addr"
                                                 << "127.0.0.1"
                                                 << "any" << false;
        QTest::newRow("gethostbyaddr ::1") << "addr"
                                           << "::1"
                                           << "any" << true;
        QTest::newRow("gethostbyaddr 192.0.2.1") << "addr"
                                                 << "192.0.2.1"
                                                 << "any" << true;
        QTest::newRow("getfqdn") << "fqdn" << HostResolver::hostName() << "any" << true;
        QTest::newRow("getaddrinfo own name") << "gai" << HostResolver::hostName() << "any" << true;
    }

    void matchesPython()
    {
        QFETCH(QString, mode);
        QFETCH(QString, arg);
        QFETCH(QString, family);
        QFETCH(bool, onlyIsolated);
        if (onlyIsolated && !isolated())
            QSKIP("would ask DNS: runs only in tests/run-isolated.sh's namespace");
        if (python3().isEmpty())
            QSKIP("python3 is not installed");
        if (arg.contains(QLatin1Char(':')) && !HostResolver::hasIPv6())
            QSKIP("this machine cannot make IPv6 sockets");
        const QStringList expected = runPython({ mode, arg, family });
        HostLookup lookup;
        QStringList actual;
        if (mode == QLatin1String("gai")) {
            const AddressFamily f = family == QLatin1String("4") ? AddressFamily::IPv4
                : family == QLatin1String("6")                   ? AddressFamily::IPv6
                                                                 : AddressFamily::Any;
            actual = entryLines(runName(lookup, arg, f));
        } else if (mode == QLatin1String("ex")) {
            actual << runName(lookup, arg).hostEntry.toText();
        } else if (mode == QLatin1String("addr")) {
            actual << runAddress(lookup, arg).hostEntry.toText();
        } else {
            actual << HostResolver::fqdn(arg);
        }
        QCOMPARE(actual, expected);
    }

    void textAndJson()
    {
        HostLookup lookup;
        lookup.setNameResolver([](const QString &name, AddressFamily) { return fakeNameResult(name); });
        const NameLookupResult r = runName(lookup, QStringLiteral("fake.test"));
        QVERIFY(r.ok());
        QCOMPARE(r.toText(),
            QStringLiteral(
                "getaddrinfo('fake.test', None, AF_UNSPEC, flags=AI_CANONNAME):\n"
                "  (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'fake.test', ('192.0.2.7', 0))\n"
                "  (<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('fe80::1', 0, 0, 3))\n"
                "  (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('192.0.2.7', 0))\n"
                "canonical name: fake.test\n"
                "gethostbyname_ex('fake.test'):\n"
                "  ('fake.test', ['alias.test'], ['192.0.2.7'])"));
        QCOMPARE(r.addresses(), (QStringList { "192.0.2.7", "fe80::1%eth9" }));
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("fake.test"));
        QCOMPARE(json.value(QStringLiteral("family")).toString(), QStringLiteral("any"));
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray entries = json.value(QStringLiteral("getaddrinfo")).toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("family")).toString(), QStringLiteral("AF_INET6"));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("socktype")).toString(), QStringLiteral("SOCK_DGRAM"));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("protocol")).toInt(), 17);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("scope_id")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("gethostbyname_ex")).toObject().value(QStringLiteral("aliases")).toArray(),
            QJsonArray { QStringLiteral("alias.test") });

        ResolverError e;
        e.call = QStringLiteral("gethostbyaddr_r");
        e.code = HOST_NOT_FOUND;
        e.codeName = HostResolver::hErrnoName(HOST_NOT_FOUND);
        e.text = QString::fromLocal8Bit(hstrerror(HOST_NOT_FOUND));
        e.pythonException = QStringLiteral("socket.herror");
        QCOMPARE(e.pythonText(), QStringLiteral("socket.herror: [Errno 1] Unknown host"));
        QCOMPARE(e.codeName, QStringLiteral("HOST_NOT_FOUND"));
        QCOMPARE(HostResolver::eaiName(EAI_NONAME), QStringLiteral("EAI_NONAME"));
        QCOMPARE(HostResolver::eaiName(EAI_AGAIN), QStringLiteral("EAI_AGAIN"));
    }

    void resultsArriveOnTheCallersThread()
    {
        auto gate = std::make_shared<Gate>();
        gate->release();
        HostLookup lookup;
        lookup.setNameResolver(gatedNameResolver(gate));
        QThread *deliveredOn = nullptr;
        connect(&lookup, &HostLookup::nameLookupFinished, this,
            [&deliveredOn](const NameLookupResult &) { deliveredOn = QThread::currentThread(); });
        lookup.lookupName(QStringLiteral("localhost"));
        QTRY_VERIFY(deliveredOn);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(gate->thread.load());
        QVERIFY(gate->thread.load() != QThread::currentThread()); // the call itself ran on a worker

        // A HostLookup living on another thread answers on that thread.
        QThread other;
        other.start();
        auto *remote = new HostLookup;
        remote->setNameResolver(gatedNameResolver(gate));
        remote->moveToThread(&other);
        std::atomic<QThread *> remoteDeliveredOn { nullptr };
        connect(
            remote, &HostLookup::nameLookupFinished, remote,
            [&remoteDeliveredOn](const NameLookupResult &) { remoteDeliveredOn = QThread::currentThread(); },
            Qt::DirectConnection);
        QMetaObject::invokeMethod(remote, [remote] { remote->lookupName(QStringLiteral("localhost")); });
        QTRY_VERIFY(remoteDeliveredOn.load());
        QCOMPARE(remoteDeliveredOn.load(), &other);
        QMetaObject::invokeMethod(remote, &QObject::deleteLater);
        other.quit();
        QVERIFY(other.wait(10000));
    }

    void hammeringIsBounded()
    {
        // A learner pressing Look up again and again while the resolver hangs: at most
        // kMaxBusyWorkers calls wait at once; the others are refused at once, saying why.
        auto gate = std::make_shared<Gate>();
        HostLookup lookup;
        lookup.setNameResolver(gatedNameResolver(gate));
        QSignalSpy finished(&lookup, &HostLookup::nameLookupFinished);
        const int extra = 3;
        const int free = HostLookup::kMaxBusyWorkers - HostLookup::busyWorkers();
        QVERIFY(free > 0);
        for (int i = 0; i < free + extra; ++i)
            lookup.lookupName(QStringLiteral("hammer%1.test").arg(i));
        QTRY_COMPARE(finished.size(), extra);
        for (const QList<QVariant> &args : finished) {
            const NameLookupResult r = args.first().value<NameLookupResult>();
            QCOMPARE(r.error.kind, ErrorKind::Local);
            QVERIFY(r.error.message.contains(QLatin1String("still waiting")));
        }
        QCOMPARE(HostLookup::busyWorkers(), HostLookup::kMaxBusyWorkers);
        gate->release();
        QTRY_COMPARE(finished.size(), free + extra);
        QTRY_COMPARE(HostLookup::busyWorkers(), m_baselineWorkers);
    }

    void idsAndConcurrentRequests()
    {
        auto gate = std::make_shared<Gate>();
        HostLookup lookup;
        lookup.setNameResolver(gatedNameResolver(gate));
        QSignalSpy finished(&lookup, &HostLookup::nameLookupFinished);
        const int a = lookup.lookupName(QStringLiteral("a.test"));
        const int b = lookup.lookupName(QStringLiteral("b.test"));
        const int c = lookup.lookupName(QStringLiteral("c.test"));
        QVERIFY(a > 0 && b > a && c > b);
        QTRY_COMPARE(gate->entered.load(), 3); // all three calls block at once: none waits for another
        QCOMPARE(lookup.runningCount(), 3);
        QVERIFY(lookup.isRunning(b));
        gate->release();
        QTRY_COMPARE(finished.size(), 3);
        QHash<int, QString> names;
        for (const QList<QVariant> &args : finished) {
            const NameLookupResult r = args.first().value<NameLookupResult>();
            names.insert(r.id, r.name);
        }
        QCOMPARE(names.value(a), QStringLiteral("a.test"));
        QCOMPARE(names.value(b), QStringLiteral("b.test"));
        QCOMPARE(names.value(c), QStringLiteral("c.test"));
        QCOMPARE(lookup.runningCount(), 0);
    }

    void cancelDropsTheResult()
    {
        auto gate = std::make_shared<Gate>();
        HostLookup lookup;
        lookup.setNameResolver(gatedNameResolver(gate));
        QSignalSpy finished(&lookup, &HostLookup::nameLookupFinished);
        QSignalSpy states(&lookup, &HostLookup::stateChanged);
        QSignalSpy traced(&lookup, &HostLookup::traced);
        const int id = lookup.lookupName(QStringLiteral("localhost"));
        const int other = lookup.lookupName(QStringLiteral("other.test"));
        QTRY_COMPARE(gate->entered.load(), 2);
        QVERIFY(lookup.cancel(id));
        QVERIFY(!lookup.isRunning(id));
        QVERIFY(!lookup.cancel(id)); // once
        QVERIFY(!lookup.cancel(9999));
        QCOMPARE(states.last().at(0).toInt(), id);
        QCOMPARE(states.last().at(1).value<HostLookup::State>(), HostLookup::State::Cancelled);
        QCOMPARE(traced.last().first().value<TraceEvent>().kind, TraceKind::Note);
        gate->release();
        QTRY_COMPARE(finished.size(), 1); // the other request still answers
        QTRY_COMPARE(HostLookup::busyWorkers(), m_baselineWorkers); // and the cancelled call ended too
        QTest::qWait(50); // let its (dropped) answer reach the event loop
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<NameLookupResult>().id, other);
    }

    void timeoutDoesNotWaitForTheCall_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("name") << "name";
        QTest::newRow("address") << "address";
        QTest::newRow("local") << "local";
    }

    void timeoutDoesNotWaitForTheCall()
    {
        QFETCH(QString, kind);
        auto gate = std::make_shared<Gate>();
        HostLookup lookup;
        QCOMPARE(lookup.timeoutMs(), HostLookup::kDefaultTimeoutMs);
        lookup.setTimeoutMs(200);
        lookup.setNameResolver(gatedNameResolver(gate));
        lookup.setAddressResolver([gate](const QString &) {
            ++gate->entered;
            gate->open.tryAcquire(1, 20000);
            AddressLookupResult r;
            r.name = QStringLiteral("late.test");
            return r;
        });
        lookup.setLocalResolver([gate] {
            ++gate->entered;
            gate->open.tryAcquire(1, 20000);
            return LocalHostResult {};
        });
        QSignalSpy names(&lookup, &HostLookup::nameLookupFinished);
        QSignalSpy addresses(&lookup, &HostLookup::addressLookupFinished);
        QSignalSpy locals(&lookup, &HostLookup::localHostFinished);
        const int id = kind == QLatin1String("name") ? lookup.lookupName(QStringLiteral("slow.test"))
            : kind == QLatin1String("address")       ? lookup.lookupAddress(QStringLiteral("192.0.2.9"))
                                                     : lookup.lookupLocalHost();
        QTRY_COMPARE(names.size() + addresses.size() + locals.size(), 1);
        // The blocked call is still inside the resolver: the timeout did not wait for it.
        QCOMPARE(gate->entered.load(), 1);
        QVERIFY(HostLookup::busyWorkers() > m_baselineWorkers);
        SessionError error;
        QList<TraceEvent> trace;
        if (!names.isEmpty()) {
            const auto r = names.first().first().value<NameLookupResult>();
            QCOMPARE(r.id, id);
            QCOMPARE(r.name, QStringLiteral("slow.test"));
            error = r.error;
            trace = r.trace;
        } else if (!addresses.isEmpty()) {
            const auto r = addresses.first().first().value<AddressLookupResult>();
            QCOMPARE(r.id, id);
            QCOMPARE(r.address, QStringLiteral("192.0.2.9"));
            error = r.error;
            trace = r.trace;
        } else {
            const auto r = locals.first().first().value<LocalHostResult>();
            QCOMPARE(r.id, id);
            QCOMPARE(r.hostName, HostResolver::hostName());
            error = r.error;
            trace = r.trace;
        }
        QCOMPARE(error.kind, ErrorKind::Timeout);
        QCOMPARE(errorKindPythonName(error.kind), QStringLiteral("socket.timeout"));
        QVERIFY(error.message.contains(QLatin1String("0.2 s")));
        QCOMPARE(trace.size(), 1);
        QCOMPARE(trace.first().kind, TraceKind::Error);
        QVERIFY(!lookup.isRunning(id));
        gate->release();
        QTRY_COMPARE(HostLookup::busyWorkers(), m_baselineWorkers);
        QTest::qWait(50);
        QCOMPARE(names.size() + addresses.size() + locals.size(), 1); // the late answer is dropped
    }

    void destroyedWhileRunning()
    {
        auto gate = std::make_shared<Gate>();
        auto lookup = std::make_unique<HostLookup>();
        lookup->setNameResolver(gatedNameResolver(gate));
        lookup->lookupName(QStringLiteral("localhost"));
        QTRY_COMPARE(gate->entered.load(), 1);
        lookup.reset(); // must neither wait for the call nor be touched by its answer
        gate->release();
        QTRY_COMPARE(HostLookup::busyWorkers(), m_baselineWorkers);
        QTest::qWait(20);
    }
};

QTEST_GUILESS_MAIN(TestHostLookup)
#include "tst_hostlookup.moc"
