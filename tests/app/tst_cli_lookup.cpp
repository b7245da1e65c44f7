// socket-workbench lookup service and lookup host, run with QProcess.
// service: both sources, the notes, JSON, and Usage errors with suggestions. The system's answers are
// compared with getent's, run here, not with a copy of a list.
// host: loopback names and addresses, this machine's facts, Usage/Resolve/Address/Timeout errors and
// --hide-addresses. Nothing may reach another machine: what the resolver would ask DNS about (an
// unknown name, an address without a name, this host's name when /etc/hosts does not list it) runs
// only in tests/run-isolated.sh's private namespace (SWB_ISOLATED=1), where the only interface is
// loopback; there the test may also add addresses to lo and play a DNS server that never answers.

#include "lookup/hostlookup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

bool isolated()
{
    return !qEnvironmentVariableIsEmpty("SWB_ISOLATED");
}

// /etc/hosts as name (lower case) -> addresses: what it lists never reaches DNS ("files" comes first).
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

// A forward lookup of NAME stays on this machine: /etc/hosts lists it, or DNS is out of reach.
bool mayLookUp(const QString &name)
{
    return isolated() || hostsFile().contains(name.toLower());
}

// A reverse lookup of ADDRESS stays on this machine.
bool mayLookUpAddress(const QString &address)
{
    return isolated() || hostsFile().values().contains(address);
}

// gethostname() and getfqdn() (the local facts, and what --hide-addresses masks) stay on this machine.
bool mayAskOwnName()
{
    return mayLookUp(swb::HostResolver::hostName());
}

} // namespace

class TestCliLookup : public QObject {
    Q_OBJECT

private:
    QString m_binary = qEnvironmentVariable("SWB_BINARY");

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(15000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    Run lookup(const QStringList &args) const { return run(m_binary, QStringList { QStringLiteral("lookup") } + args); }

    // "http 80/tcp www" from `getent services KEY`; empty when getent knows nothing.
    static QString getent(const QString &key)
    {
        const Run r = run(QStringLiteral("getent"), { QStringLiteral("services"), key });
        if (r.exitCode != 0)
            return {};
        return r.out.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).join(QLatin1Char(' '));
    }

    static QJsonObject lastJson(const QString &out)
    {
        const QStringList lines = out.trimmed().split(QLatin1Char('\n'));
        return QJsonDocument::fromJson(lines.last().toUtf8()).object();
    }

    // The one JSON object a --json run prints, parsed strictly.
    static QJsonObject onlyJson(const Run &r)
    {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not one JSON object (%s): %s", qPrintable(error.errorString()), qPrintable(r.out));
        return doc.object();
    }

    // An extra address on lo for the length of a test: only in tests/run-isolated.sh's namespace,
    // which is this process's own and has nothing but loopback.
    class LoopbackAddress {
    public:
        explicit LoopbackAddress(const QString &cidr)
            : m_cidr(cidr)
        {
            if (isolated())
                m_added = run(QStringLiteral("ip"), { "addr", "add", cidr, "dev", "lo" }).exitCode == 0;
        }
        ~LoopbackAddress()
        {
            if (m_added)
                run(QStringLiteral("ip"), { "addr", "del", m_cidr, "dev", "lo" });
        }
        LoopbackAddress(const LoopbackAddress &) = delete;
        LoopbackAddress &operator=(const LoopbackAddress &) = delete;
        bool added() const { return m_added; }

    private:
        QString m_cidr;
        bool m_added = false;
    };

    // The first nameserver of /etc/resolv.conf (glibc's default: 127.0.0.1).
    static QString nameserver()
    {
        QFile file(QStringLiteral("/etc/resolv.conf"));
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &raw : file.readAll().split('\n')) {
                const QStringList f = QString::fromLocal8Bit(raw).simplified().split(QLatin1Char(' '));
                if (f.size() >= 2 && f.at(0) == QLatin1String("nameserver"))
                    return f.at(1);
            }
        }
        return QStringLiteral("127.0.0.1");
    }

    // Python's own lines for getaddrinfo(name, None, 0, 0, 0, AI_CANONNAME) and gethostbyname_ex(name).
    static QStringList pythonLines(const QString &name)
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            return {};
        const Run r = run(python,
            { "-c",
                "import socket, sys\n"
                "for e in socket.getaddrinfo(sys.argv[1], None, 0, 0, 0, socket.AI_CANONNAME): print(e)\n"
                "print(socket.gethostbyname_ex(sys.argv[1]))\n",
                name });
        return r.exitCode == 0 ? r.out.trimmed().split(QLatin1Char('\n')) : QStringList {};
    }

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary)); }

    void serviceHttp()
    {
        const Run r = lookup({ QStringLiteral("service"), QStringLiteral("http") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QString expected = getent(QStringLiteral("http")); // "http 80/tcp www" on Debian
        if (expected.isEmpty()) {
            QVERIFY2(r.out.contains(QStringLiteral("getservbyname(\"http\", NULL) -> NULL")), qPrintable(r.out));
        } else {
            const QStringList f = expected.split(QLatin1Char(' '));
            QVERIFY2(r.out.contains(
                         QStringLiteral("This system: getservbyname(\"http\", NULL) -> %1 %2").arg(f.at(0), f.at(1))),
                qPrintable(r.out));
            // The /etc/services line that matched, with its number.
            QVERIFY2(r.out.contains(QRegularExpression(
                         QStringLiteral("(?m)^  /etc/services line \\d+: %1\\s+%2").arg(f.at(0), f.at(1)))),
                qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("No protocol given")), qPrintable(r.out));
        }
        QVERIFY2(
            r.out.contains(QRegularExpression(QStringLiteral("(?m)^  http  80  tcp/udp/sctp  World Wide Web HTTP$"))),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("IANA registry (bundled; from libwireshark-data")));
    }

    void servicePortUdp()
    {
        const Run r = lookup(
            { QStringLiteral("service"), QStringLiteral("53"), QStringLiteral("--proto"), QStringLiteral("udp") });
        QCOMPARE(r.exitCode, 0);
        const QString expected = getent(QStringLiteral("53/udp")); // "domain 53/udp"
        QVERIFY(!expected.isEmpty());
        QVERIFY2(r.out.contains(QStringLiteral("getservbyport(htons(53), \"udp\") -> ") + expected), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("(?m)^  domain  53  tcp/udp  Domain Name Server$"))),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Port 53 means domain on both tcp and udp.")), qPrintable(r.out));
        // A protocol was given: no per-protocol line.
        QVERIFY(!r.out.contains(QStringLiteral("per protocol")));
    }

    void json()
    {
        const Run r = lookup({ QStringLiteral("service"), QStringLiteral("www"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().count(QLatin1Char('\n')), 0); // one object
        const QJsonObject o = lastJson(r.out);
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("www"));
        QCOMPARE(o.value(QStringLiteral("by")).toString(), QStringLiteral("name"));
        QVERIFY(o.value(QStringLiteral("protocol")).isNull());
        QCOMPARE(o.value(QStringLiteral("system_call")).toString(), QStringLiteral("getservbyname(\"www\", NULL)"));
        const QString expected = getent(QStringLiteral("www")); // www is an alias: "http 80/tcp www"
        const QJsonValue system = o.value(QStringLiteral("system"));
        if (expected.isEmpty()) {
            QVERIFY(system.isNull());
        } else {
            const QStringList f = expected.split(QLatin1Char(' '));
            const QJsonObject s = system.toObject();
            QCOMPARE(s.value(QStringLiteral("name")).toString(), f.at(0));
            QCOMPARE(QStringLiteral("%1/%2")
                         .arg(s.value(QStringLiteral("port")).toInt())
                         .arg(s.value(QStringLiteral("protocols")).toArray().at(0).toString()),
                f.at(1));
            QVERIFY(s.value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("www")));
            QVERIFY(s.value(QStringLiteral("line")).toInt() > 0);
            QVERIFY(s.value(QStringLiteral("raw_line")).toString().startsWith(f.at(0)));
            QCOMPARE(s.value(QStringLiteral("source")).toString(), QStringLiteral("system"));
        }
        // www is no IANA name: the IANA list is empty, and the notes say it is an alias.
        QVERIFY(o.value(QStringLiteral("iana")).toArray().isEmpty());
        const QJsonArray notes = o.value(QStringLiteral("notes")).toArray();
        QVERIFY(!notes.isEmpty());
        QVERIFY2(QJsonDocument(notes).toJson().contains("is an alias of"), QJsonDocument(notes).toJson().constData());

        const Run port = lookup({ QStringLiteral("service"), QStringLiteral("123"), QStringLiteral("--json") });
        QCOMPARE(port.exitCode, 0);
        const QJsonObject p = lastJson(port.out);
        QCOMPARE(p.value(QStringLiteral("by")).toString(), QStringLiteral("port"));
        const QJsonArray iana = p.value(QStringLiteral("iana")).toArray();
        QCOMPARE(iana.size(), 1);
        QCOMPARE(iana.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("ntp"));
        QCOMPARE(iana.at(0).toObject().value(QStringLiteral("protocols")).toArray(),
            (QJsonArray { QStringLiteral("tcp"), QStringLiteral("udp") }));
    }

    void unknownNameSuggests()
    {
        const Run r = lookup({ QStringLiteral("service"), QStringLiteral("htpp") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("error: Usage: No service 'htpp'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("did you mean 'http'")), qPrintable(r.err));

        const Run j = lookup({ QStringLiteral("service"), QStringLiteral("HTTP"), QStringLiteral("--json") });
        QCOMPARE(j.exitCode, 2);
        const QJsonObject o = lastJson(j.out);
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("Usage"));
        QCOMPARE(o.value(QStringLiteral("field")).toString(), QStringLiteral("service"));
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("message")).toString(),
            QStringLiteral("No service 'HTTP'; names are case-sensitive: did you mean 'http'?"));
        QCOMPARE(o.value(QStringLiteral("suggestions")).toArray().at(0).toString(), QStringLiteral("http"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("port too large") << QStringList { "service", "70000" } << "0 to 65535";
        QTest::newRow("bad protocol") << QStringList { "service", "http", "--proto", "icmp" } << "not tcp or udp";
        QTest::newRow("no argument") << QStringList { "service" } << "expected 1 argument";
        QTest::newRow("no subcommand") << QStringList {} << "the subcommands are: service, host";
        QTest::newRow("unknown subcommand") << QStringList { "frobnicate" } << "the subcommands are: service, host";
        QTest::newRow("host: space in name") << QStringList { "host", "no such host" } << "must not contain spaces";
        QTest::newRow("host: empty label") << QStringList { "host", "a..b" } << "error: Usage";
        QTest::newRow("host: octet too big") << QStringList { "host", "300.1.1.1" } << "error: Usage";
        QTest::newRow("host: two arguments") << QStringList { "host", "a", "b" } << "at most 1 argument";
        QTest::newRow("host: -4 and -6") << QStringList { "host", "localhost", "-4", "-6" } << "not both";
        QTest::newRow("host: family without a name") << QStringList { "host", "-6" } << "forward lookup";
        QTest::newRow("host: ::1 with -4") << QStringList { "host", "::1", "-4" } << "is an IPv6 address";
        QTest::newRow("host: 127.0.0.1 with -6") << QStringList { "host", "127.0.0.1", "-6" } << "is an IPv4 address";
        QTest::newRow("host: bad timeout") << QStringList { "host", "localhost", "--timeout", "0" } << "--timeout";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run r = lookup(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    }

    void help()
    {
        const Run top = lookup({ QStringLiteral("--help") });
        QCOMPARE(top.exitCode, 0);
        QVERIFY2(top.out.contains(QStringLiteral("service NAME|PORT")), qPrintable(top.out));
        QVERIFY(top.out.contains(QStringLiteral("--json")));
        const Run service = lookup({ QStringLiteral("service"), QStringLiteral("--help") });
        QCOMPARE(service.exitCode, 0);
        QVERIFY2(service.out.contains(QStringLiteral("lookup service [options]")), qPrintable(service.out));
        QVERIFY(service.out.contains(QStringLiteral("--proto")));
        const Run main = run(m_binary, { QStringLiteral("--help") });
        QVERIFY(main.out.contains(QStringLiteral("lookup service NAME|PORT")));
        QVERIFY(main.out.contains(QStringLiteral("lookup host [NAME|ADDRESS]")));
        QVERIFY(top.out.contains(QStringLiteral("host [NAME|ADDRESS] [-4|-6]")));
        const Run host = lookup({ QStringLiteral("host"), QStringLiteral("--help") });
        QCOMPARE(host.exitCode, 0);
        QVERIFY2(host.out.contains(QStringLiteral("lookup host [options] [name|address]")), qPrintable(host.out));
        for (const char *option : { "--timeout", "--hide-addresses", "--json", "-4", "-6" })
            QVERIFY2(host.out.contains(QLatin1String(option)), option);
    }

    // ---- lookup host

    void hostLocalhost()
    {
        if (!mayLookUp(QStringLiteral("localhost")))
            QSKIP("/etc/hosts does not list localhost: runs only isolated");
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("localhost"), QStringLiteral("-4") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // The trace first, then Python's lines.
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                     "(?m)^ +[0-9.]+ ms  getaddrinfo\\(\"localhost\", NULL, AF_INET, AI_CANONNAME\\) +-> "
                     "127\\.0\\.0\\.1$"))),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("(?m)^ +[0-9.]+ ms  gethostbyname2_r\\("))),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\n  (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, "
                                               "'localhost', ('127.0.0.1', 0))\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("<SocketKind.SOCK_DGRAM: 2>, 17, '', ('127.0.0.1', 0))")));
        QVERIFY(r.out.contains(QStringLiteral("\ncanonical name: localhost\n")));
        QVERIFY2(r.out.contains(QStringLiteral("gethostbyname_ex('localhost'):\n  ('localhost', [], ['127.0.0.1'])")),
            qPrintable(r.out));
    }

    void hostLikePython()
    {
        if (!mayLookUp(QStringLiteral("localhost")))
            QSKIP("/etc/hosts does not list localhost: runs only isolated");
        const QStringList python = pythonLines(QStringLiteral("localhost"));
        if (python.isEmpty())
            QSKIP("no python3");
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("localhost") });
        QCOMPARE(r.exitCode, 0);
        // Every line Python prints, in the same words (getaddrinfo tuples, then the triple).
        for (const QString &line : python)
            QVERIFY2(r.out.contains(QStringLiteral("\n  ") + line + QLatin1Char('\n')),
                qPrintable(line + QStringLiteral("\nnot in\n") + r.out));
    }

    void hostReverseLoopback()
    {
        if (!mayLookUpAddress(QStringLiteral("127.0.0.1")))
            QSKIP("/etc/hosts does not name 127.0.0.1: runs only isolated");
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("127.0.0.1") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("getnameinfo(('127.0.0.1', 0), NI_NAMEREQD):\n  ('localhost")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("gethostbyaddr('127.0.0.1'):\n  ('localhost")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("['127.0.0.1'])")));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("(?m)^ +[0-9.]+ ms  getnameinfo\\(.*-> localhost"))),
            qPrintable(r.out));
    }

    void hostIPv6_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("address"); // asked in reverse; empty: a forward lookup of localhost
        QTest::newRow("::1 -6") << QStringList { "::1", "-6" } << "::1";
        QTest::newRow("[::1]") << QStringList { "[::1]" } << "::1";
        QTest::newRow("localhost -6") << QStringList { "localhost", "-6" } << "";
    }

    void hostIPv6()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, address);
        if (!swb::HostResolver::hasIPv6())
            QSKIP("this machine cannot make IPv6 sockets");
        const QMultiHash<QString, QString> hosts = hostsFile();
        const bool listed = address.isEmpty()
            ? hosts.values(QStringLiteral("localhost")).contains(QStringLiteral("::1"))
            : hosts.values().contains(address);
        if (!listed && !isolated())
            QSKIP("/etc/hosts does not list ::1 for this, so the resolver would ask DNS: runs only isolated");
        const Run r = lookup(QStringList { QStringLiteral("host") } + args);
        qInfo("%s -> exit %d", qPrintable(args.join(QLatin1Char(' '))), r.exitCode);
        if (address.isEmpty()) {
            QVERIFY(r.out.contains(QStringLiteral("getaddrinfo('localhost', None, AF_INET6, flags=AI_CANONNAME):")));
            if (listed) {
                QCOMPARE(r.exitCode, 0);
                QVERIFY2(r.out.contains(QStringLiteral("<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, "
                                                       "'localhost', ('::1', 0, 0, 0))")),
                    qPrintable(r.out));
            } else {
                QCOMPARE(r.exitCode, 3);
                QVERIFY2(r.err.contains(QStringLiteral("error: Resolve (EAI_")), qPrintable(r.err));
            }
            // gethostbyname_ex is IPv4 only, whatever the family asked.
            QVERIFY(
                r.out.contains(QStringLiteral("gethostbyname_ex('localhost'):\n  ('localhost', [], ['127.0.0.1'])")));
            return;
        }
        QVERIFY2(
            r.out.contains(QStringLiteral("getnameinfo(('%1', 0), NI_NAMEREQD):").arg(address)), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("gethostbyaddr('%1'):").arg(address)));
        if (listed) {
            QCOMPARE(r.exitCode, 0);
        } else {
            // No name for ::1 anywhere the namespace can reach: an Address error, not a crash or a hang.
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains(QStringLiteral("error: Address (EAI_")), qPrintable(r.err));
        }
    }

    void hostUnknownNameIsResolveError()
    {
        if (!isolated())
            QSKIP("needs tests/run-isolated.sh's network namespace: an unknown name would be asked of DNS");
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("x.invalid") });
        QCOMPARE(r.exitCode, 3);
        // The resolver's own message and its EAI_ name, then what it means.
        const QRegularExpressionMatch m = QRegularExpression(
            QStringLiteral(
                "error: Resolve \\((EAI_[A-Z]+)\\): Could not find the address of 'x.invalid': (.+) \\(\\1\\)"))
                                              .match(r.err);
        QVERIFY2(m.hasMatch(), qPrintable(r.err));
        qInfo("x.invalid: %s", qPrintable(m.captured(1)));
        QVERIFY2(r.out.contains(QStringLiteral("socket.gaierror: [Errno ")), qPrintable(r.out));
        QVERIFY(r.out.contains(m.captured(2)));
        QVERIFY(!r.err.contains(QStringLiteral("no reverse entry")));

        const Run j = lookup({ QStringLiteral("host"), QStringLiteral("x.invalid"), QStringLiteral("--json") });
        QCOMPARE(j.exitCode, 3);
        const QJsonObject o = onlyJson(j);
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("Resolve"));
        QCOMPARE(o.value(QStringLiteral("os_error")).toString(), m.captured(1));
        QCOMPARE(o.value(QStringLiteral("python")).toString(), QStringLiteral("socket.gaierror"));
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("failure")).toObject().value(QStringLiteral("call")).toString(),
            QStringLiteral("getaddrinfo"));
    }

    void hostReverseWithoutNameIsAddressError()
    {
        if (!isolated())
            QSKIP("needs tests/run-isolated.sh's network namespace: the reverse lookup would be asked of DNS");
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): no name anywhere, and DNS is out of reach.
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("192.0.2.1") });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("error: Address (EAI_")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("No name found for 192.0.2.1")));
        QVERIFY(r.out.contains(QStringLiteral("getnameinfo(('192.0.2.1', 0), NI_NAMEREQD):\n  socket.gaierror")));
        QVERIFY(r.out.contains(QStringLiteral("gethostbyaddr('192.0.2.1'):\n  socket.herror")));
        // EAI_AGAIN (DNS unreachable) must not be explained as "no reverse entry".
        if (r.err.contains(QStringLiteral("(EAI_AGAIN)")))
            QVERIFY2(r.err.contains(QStringLiteral("DNS could not be asked")), qPrintable(r.err));
    }

    void hostTimeout()
    {
        if (!isolated())
            QSKIP("needs tests/run-isolated.sh's network namespace, to play a DNS server that never answers");
        // Be resolv.conf's nameserver, on lo, and never answer: the resolver waits, --timeout ends the run.
        const QString server = nameserver();
        in_addr a {};
        if (::inet_pton(AF_INET, server.toLatin1().constData(), &a) != 1)
            QSKIP("resolv.conf's first nameserver is not an IPv4 address");
        std::unique_ptr<LoopbackAddress> alias;
        if ((ntohl(a.s_addr) >> 24) != 127) {
            alias = std::make_unique<LoopbackAddress>(server + QStringLiteral("/32"));
            if (!alias->added())
                QSKIP("cannot add the nameserver's address to lo");
        }
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(53);
        sa.sin_addr = a;
        if (::bind(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) != 0) {
            const QByteArray why = std::strerror(errno);
            ::close(fd);
            QSKIP(qPrintable(QStringLiteral("cannot bind %1:53: %2").arg(server, QString::fromLocal8Bit(why))));
        }
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("slow.invalid"), QStringLiteral("--timeout"),
            QStringLiteral("0.5") });
        const Run j = lookup({ QStringLiteral("host"), QStringLiteral("slow.invalid"), QStringLiteral("--timeout"),
            QStringLiteral("0.5"), QStringLiteral("--json") });
        ::close(fd);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("error: Timeout (ETIMEDOUT): The resolver did not answer within 0.5 s")),
            qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("getaddrinfo(slow.invalid)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("-> timed out after 0.5 s")));
        QCOMPARE(j.exitCode, 5);
        const QJsonObject o = onlyJson(j);
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("Timeout"));
        QCOMPARE(o.value(QStringLiteral("python")).toString(), QStringLiteral("socket.timeout"));
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 5);
    }

    void hostJson()
    {
        if (!mayLookUp(QStringLiteral("localhost")))
            QSKIP("/etc/hosts does not list localhost: runs only isolated");
        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("localhost"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().count(QLatin1Char('\n')), 0); // one object, the trace inside it
        const QJsonObject o = onlyJson(r);
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("lookup")).toString(), QStringLiteral("name"));
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("localhost"));
        QCOMPARE(o.value(QStringLiteral("canonname")).toString(), QStringLiteral("localhost"));
        QVERIFY(o.value(QStringLiteral("addresses")).toArray().contains(QStringLiteral("127.0.0.1")));
        const QJsonArray gai = o.value(QStringLiteral("getaddrinfo")).toArray();
        QVERIFY(!gai.isEmpty());
        QSet<QString> types;
        for (const QJsonValue &v : gai)
            types << v.toObject().value(QStringLiteral("socktype")).toString();
        QVERIFY(types.contains(QStringLiteral("SOCK_STREAM")));
        const QJsonObject ex = o.value(QStringLiteral("gethostbyname_ex")).toObject();
        QCOMPARE(ex.value(QStringLiteral("name")).toString(), QStringLiteral("localhost"));
        QVERIFY(ex.value(QStringLiteral("addresses")).toArray().contains(QStringLiteral("127.0.0.1")));
        const QJsonArray trace = o.value(QStringLiteral("trace")).toArray();
        QVERIFY(trace.size() >= 2);
        QCOMPARE(trace.first().toObject().value(QStringLiteral("call")).toString(), QStringLiteral("getaddrinfo"));

        const Run bad = lookup({ QStringLiteral("host"), QStringLiteral("no such host"), QStringLiteral("--json") });
        QCOMPARE(bad.exitCode, 2);
        const QJsonObject b = onlyJson(bad);
        QCOMPARE(b.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(b.value(QStringLiteral("error")).toString(), QStringLiteral("Usage"));
        QCOMPARE(b.value(QStringLiteral("field")).toString(), QStringLiteral("host"));
        QCOMPARE(b.value(QStringLiteral("exit_code")).toInt(), 2);

        if (mayLookUpAddress(QStringLiteral("127.0.0.1"))) {
            const Run rev = lookup({ QStringLiteral("host"), QStringLiteral("127.0.0.1"), QStringLiteral("--json") });
            QCOMPARE(rev.exitCode, 0);
            const QJsonObject v = onlyJson(rev);
            QCOMPARE(v.value(QStringLiteral("lookup")).toString(), QStringLiteral("address"));
            QVERIFY(v.value(QStringLiteral("name")).toString().startsWith(QLatin1String("localhost")));
            QVERIFY(v.value(QStringLiteral("gethostbyaddr")).toObject().contains(QStringLiteral("addresses")));
        }
    }

    void hostLocalFacts()
    {
        if (!mayAskOwnName())
            QSKIP("getfqdn() would ask DNS about this host's name: runs only isolated");
        const QString name = swb::HostResolver::hostName();
        const Run r = lookup({ QStringLiteral("host") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("\ngethostname(): '%1'\ngetfqdn(): '").arg(name)), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("(?m)^ +[0-9.]+ ms  gethostname\\(\\) +-> "))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("(?m)^has_ipv6: (True|False)"))));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("(?m)^  \\d+: lo <UP,LOOPBACK,RUNNING>"))),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("      inet 127.0.0.1  netmask 255.0.0.0 (/8)\n")));

        const Run j = lookup({ QStringLiteral("host"), QStringLiteral("--json") });
        QCOMPARE(j.exitCode, 0);
        const QJsonObject o = onlyJson(j);
        QCOMPARE(o.value(QStringLiteral("lookup")).toString(), QStringLiteral("local"));
        QCOMPARE(o.value(QStringLiteral("hostname")).toString(), name);
        QVERIFY(o.value(QStringLiteral("has_ipv6")).isBool());
        QVERIFY(!o.value(QStringLiteral("interfaces")).toArray().isEmpty());
    }

    void hostHideAddresses()
    {
        if (!mayAskOwnName())
            QSKIP("getfqdn() would ask DNS about this host's name: runs only isolated");
        const QString name = swb::HostResolver::hostName();
        // In the namespace lo is the only interface: give it an address that is not loopback (TEST-NET-2).
        LoopbackAddress injected(QStringLiteral("198.51.100.7/32"));

        // What masking must hide: every non-loopback interface address, as the unmasked run lists them.
        const Run plain = lookup({ QStringLiteral("host"), QStringLiteral("--json") });
        QCOMPARE(plain.exitCode, 0);
        QStringList secrets;
        for (const QJsonValue &i : onlyJson(plain).value(QStringLiteral("interfaces")).toArray())
            for (const QJsonValue &a : i.toObject().value(QStringLiteral("addresses")).toArray()) {
                const QString address = a.toObject().value(QStringLiteral("address")).toString().section('%', 0, 0);
                if (!address.startsWith(QLatin1String("127.")) && address != QLatin1String("::1"))
                    secrets << address;
            }
        if (injected.added())
            QVERIFY2(secrets.contains(QStringLiteral("198.51.100.7")), qPrintable(plain.out));

        const Run r = lookup({ QStringLiteral("host"), QStringLiteral("--hide-addresses") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("\ngethostname(): '«hostname»'\n")), qPrintable(r.out));
        // Loopback and netmasks stay: they identify no one.
        QVERIFY2(r.out.contains(QStringLiteral("      inet 127.0.0.1  netmask 255.0.0.0 (/8)\n")), qPrintable(r.out));
        for (const QString &secret : secrets)
            QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret),
                qPrintable(secret + QStringLiteral(" in\n") + r.out));
        if (injected.added())
            QVERIFY2(r.out.contains(QStringLiteral("inet «IPv4»  netmask 255.255.255.255 (/32)")), qPrintable(r.out));
        if (name != QLatin1String("localhost"))
            QVERIFY2(
                !r.out.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name)))),
                qPrintable(r.out));

        // JSON: the values are masked, the keys and the structure are not.
        const Run j = lookup({ QStringLiteral("host"), QStringLiteral("--hide-addresses"), QStringLiteral("--json") });
        QCOMPARE(j.exitCode, 0);
        const QJsonObject o = onlyJson(j);
        QCOMPARE(o.value(QStringLiteral("hostname")).toString(), QStringLiteral("«hostname»"));
        QVERIFY(o.contains(QStringLiteral("interfaces")));
        for (const QString &secret : secrets)
            QVERIFY2(!j.out.contains(secret), qPrintable(secret));

        // A name lookup of localhost keeps its loopback answer.
        if (mayLookUp(QStringLiteral("localhost"))) {
            const Run l = lookup({ QStringLiteral("host"), QStringLiteral("localhost"), QStringLiteral("-4"),
                QStringLiteral("--hide-addresses") });
            QCOMPARE(l.exitCode, 0);
            QVERIFY2(l.out.contains(QStringLiteral("('localhost', [], ['127.0.0.1'])")), qPrintable(l.out));
        }
        // An address that is not this machine's is masked too, in the error message as well.
        if (isolated()) {
            const Run a
                = lookup({ QStringLiteral("host"), QStringLiteral("192.0.2.1"), QStringLiteral("--hide-addresses") });
            QCOMPARE(a.exitCode, 3);
            QVERIFY2(!a.out.contains(QStringLiteral("192.0.2.1")) && !a.err.contains(QStringLiteral("192.0.2.1")),
                qPrintable(a.out + a.err));
            QVERIFY(a.out.contains(QStringLiteral("getnameinfo(('«IPv4»', 0), NI_NAMEREQD):")));
            QVERIFY(a.err.contains(QStringLiteral("No name found for «IPv4»")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliLookup)
#include "tst_cli_lookup.moc"
