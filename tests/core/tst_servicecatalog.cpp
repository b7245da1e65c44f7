// ServiceCatalog, ServiceTableModel and ServiceFilterProxy. The system answers are checked against
// `getent services`, run here, so the expectation is this machine's and not a copy of Debian's list;
// the notes are checked on a fixture services file, so they do not depend on the machine; the IANA
// rows are the bundled table's (generated from libwireshark-data).

#include "lookup/servicecatalog.h"
#include "lookup/servicefilterproxy.h"
#include "lookup/servicetablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace swb;

namespace {

// getent's answer: "http                  80/tcp www" -> name, port, protocol, aliases; empty name when
// getent found nothing (exit code 2).
struct GetentAnswer {
    QString name;
    int port = -1;
    QString protocol;
    QStringList aliases;
};

GetentAnswer getent(const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("getent"), { QStringLiteral("services"), key });
    if (!p.waitForFinished(10000))
        return {};
    const QStringList fields = QString::fromUtf8(p.readAllStandardOutput())
                                   .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (p.exitCode() != 0 || fields.size() < 2)
        return {};
    const int slash = int(fields.at(1).indexOf(QLatin1Char('/')));
    return { fields.at(0), fields.at(1).left(slash).toInt(), fields.at(1).mid(slash + 1), fields.mid(2) };
}

QStringList fileLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
}

// A services file whose every gotcha is known: an alias, a port with different names per protocol,
// a name on udp only, an alias that names another line's service, malformed lines, a local name.
const char kFixture[] = "# Network services, Internet style (test fixture)\n"
                        "\n"
                        "tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer\n"
                        "domain\t\t53/tcp\t\t\t\t# Domain Name Server\n"
                        "domain\t\t53/udp\n"
                        "http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP\n"
                        "ntp\t\t123/udp\t\t\t\t# Network Time Protocol\n"
                        "exec\t\t512/tcp\n"
                        "biff\t\t512/udp\t\tcomsat\n"
                        "shell\t\t514/tcp\t\tcmd syslog\t# no passwords used\n"
                        "syslog\t\t514/udp\n"
                        "broken line without a port\n"
                        "toolarge\t70000/tcp\n"
                        "noproto\t\t99/\n"
                        "local-only\t40000/tcp\t\t\t# not an IANA name\r\n";

} // namespace

class TestServiceCatalog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_fixturePath;
    std::shared_ptr<const ServiceCatalog> m_fixture;

    const ServiceCatalog &real() const { return *ServiceCatalog::shared(); }

private slots:
    void initTestCase();
    void loadTime();
    void systemMatchesGetent_data();
    void systemMatchesGetent();
    void ianaHeader();
    void ianaByName_data();
    void ianaByName();
    void ianaByPort_data();
    void ianaByPort();
    void fixtureParsing();
    void fixtureAnswersLikeLibc_data();
    void fixtureAnswersLikeLibc();
    void caseSensitive();
    void suggestions_data();
    void suggestions();
    void lookupErrors_data();
    void lookupErrors();
    void lookupPorts_data();
    void lookupPorts();
    void notes_data();
    void notes();
    void missingSystemTable();
    void concurrentFirstUse();
    void model();
    void typeAhead_data();
    void typeAhead();
    void typeAheadProtocolAndSources();
};

void TestServiceCatalog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("getent")).isEmpty(), "getent (libc-bin) is needed");
    m_fixturePath = m_dir.filePath(QStringLiteral("services"));
    QFile f(m_fixturePath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kFixture);
    f.close();
    m_fixture = std::make_shared<const ServiceCatalog>(m_fixturePath);
}

void TestServiceCatalog::loadTime()
{
    // A fresh catalog, so the first parse is measured here. A figure to read, not an assertion.
    ServiceCatalog catalog;
    QElapsedTimer timer;
    timer.start();
    const int system = int(catalog.systemEntries().size());
    const int iana = int(catalog.ianaEntries().size());
    const qint64 totalNs = timer.nsecsElapsed();
    qInfo("load: /etc/services %d rows in %.2f ms, IANA %d rows in %.2f ms (total %.2f ms)", system,
        double(catalog.systemLoadNs()) / 1e6, iana, double(catalog.ianaLoadNs()) / 1e6, double(totalNs) / 1e6);
    QVERIFY(iana > 5000);
    // Parsed once: a second call is the same list.
    QCOMPARE(&catalog.ianaEntries(), &catalog.ianaEntries());
}

void TestServiceCatalog::systemMatchesGetent_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("protocol");
    const char *const rows[][2] = {
        { "http", "" },
        { "http", "tcp" },
        { "http", "udp" },
        { "https", "" },
        { "ssh", "" },
        { "domain", "" },
        { "domain", "udp" },
        { "ntp", "" },
        { "ntp", "tcp" },
        { "ntp", "udp" },
        { "www", "" }, // an alias of http
        { "syslog", "" }, // an alias on shell's tcp line comes before syslog's own udp line
        { "syslog", "udp" },
        { "time", "" },
        { "nosuchservice", "" },
        { "53", "" },
        { "53", "udp" },
        { "123", "" },
        { "80", "" },
        { "22", "tcp" },
        { "512", "tcp" }, // exec
        { "512", "udp" }, // biff: the same port, another service
        { "514", "udp" },
        { "21567", "" }, // the seeds' timestamp server: not a listed port
        { "0", "" },
    };
    for (const auto &row : rows) {
        const QString key = QString::fromLatin1(row[0]);
        const QString protocol = QString::fromLatin1(row[1]);
        QTest::newRow(qPrintable(protocol.isEmpty() ? key : key + QLatin1Char('/') + protocol)) << key << protocol;
    }
}

void TestServiceCatalog::systemMatchesGetent()
{
    QFETCH(QString, key);
    QFETCH(QString, protocol);
    const GetentAnswer expected = getent(protocol.isEmpty() ? key : key + QLatin1Char('/') + protocol);
    bool numeric = false;
    const int port = key.toInt(&numeric);
    const std::optional<ServiceEntry> got
        = numeric ? real().systemByPort(quint16(port), protocol) : real().systemByName(key, protocol);
    if (expected.name.isEmpty()) {
        QVERIFY2(!got, qPrintable(got ? got->rawLine : QString()));
        return;
    }
    QVERIFY2(got,
        qPrintable(
            QStringLiteral("getent found %1 %2/%3").arg(expected.name).arg(expected.port).arg(expected.protocol)));
    QCOMPARE(got->name, expected.name);
    QCOMPARE(int(got->port), expected.port);
    QCOMPARE(got->protocols, QStringList { expected.protocol });
    QCOMPARE(got->aliases, expected.aliases);
    QCOMPARE(got->source, ServiceEntry::System);
    // The line shown is the one that matched, word for word.
    QVERIFY(got->line > 0);
    const QStringList lines = fileLines(ServiceCatalog::defaultSystemPath());
    QCOMPARE(got->rawLine, lines.value(got->line - 1));
    QVERIFY(got->rawLine.startsWith(expected.name));
    QVERIFY(got->rawLine.contains(QStringLiteral("%1/%2").arg(expected.port).arg(expected.protocol)));
}

void TestServiceCatalog::ianaHeader()
{
    QVERIFY2(real().ianaHeader(QStringLiteral("source-package")).startsWith(QStringLiteral("libwireshark-data ")),
        qPrintable(real().ianaHeader(QStringLiteral("source-package"))));
    QVERIFY(real().ianaHeader(QStringLiteral("source-url")).contains(QStringLiteral("iana.org")));
    QVERIFY(real().ianaHeader(QStringLiteral("permission")).contains(QStringLiteral("IANA's permission")));
    QVERIFY(real().ianaHeader(QStringLiteral("generated")).contains(QRegularExpression(QStringLiteral("^\\d{4}-"))));
    QCOMPARE(real().ianaHeader(QStringLiteral("entries")).toInt(), int(real().ianaEntries().size()));
    QVERIFY(real().ianaHeader(QStringLiteral("no-such-key")).isEmpty());
}

void TestServiceCatalog::ianaByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QStringList>("rows"); // "port protocols description"

    QTest::newRow("http") << "http" << QString() << QStringList { "80 tcp,udp,sctp World Wide Web HTTP" };
    QTest::newRow("http udp") << "http"
                              << "udp" << QStringList { "80 tcp,udp,sctp World Wide Web HTTP" };
    QTest::newRow("ntp") << "ntp" << QString() << QStringList { "123 tcp,udp Network Time Protocol" };
    QTest::newRow("domain") << "domain" << QString() << QStringList { "53 tcp,udp Domain Name Server" };
    QTest::newRow("ssh") << "ssh" << QString() << QStringList { "22 tcp,udp,sctp The Secure Shell (SSH) Protocol" };
    QTest::newRow("time") << "time" << QString() << QStringList { "37 tcp,udp Time" };
    QTest::newRow("exec tcp only") << "exec"
                                   << "udp" << QStringList {};
    // One name, three ports.
    QTest::newRow("http-alt") << "http-alt" << QString()
                              << QStringList { "591 tcp,udp FileMaker, Inc. - HTTP Alternate (see Port 80)",
                                     "8008 tcp,udp HTTP Alternate", "8080 tcp,udp HTTP Alternate (see port 80)" };
    QTest::newRow("a range") << "x11" << QString() << QStringList { "6000-6063 tcp,udp X Window System" };
    QTest::newRow("an alias of the system's is no IANA name") << "www" << QString() << QStringList {};
    QTest::newRow("case-sensitive") << "HTTP" << QString() << QStringList {};
}

void TestServiceCatalog::ianaByName()
{
    QFETCH(QString, name);
    QFETCH(QString, protocol);
    QFETCH(QStringList, rows);
    QStringList got;
    for (const ServiceEntry &e : real().ianaByName(name, protocol)) {
        QCOMPARE(e.source, ServiceEntry::Iana);
        QCOMPARE(e.name, name);
        QVERIFY(e.aliases.isEmpty());
        got << QStringLiteral("%1 %2 %3").arg(e.portText(), e.protocols.join(QLatin1Char(',')), e.description);
    }
    QCOMPARE(got, rows);
}

void TestServiceCatalog::ianaByPort_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QStringList>("names"); // "name/protocols"

    QTest::newRow("53") << 53 << QString() << QStringList { "domain/tcp,udp" };
    QTest::newRow("80") << 80 << QString() << QStringList { "http/tcp,udp,sctp" };
    QTest::newRow("123") << 123 << QString() << QStringList { "ntp/tcp,udp" };
    QTest::newRow("512: two services") << 512 << QString() << QStringList { "exec/tcp", "comsat/udp" };
    QTest::newRow("512 udp") << 512 << "udp" << QStringList { "comsat/udp" };
    QTest::newRow("514: two services") << 514 << QString() << QStringList { "shell/tcp", "syslog/udp" };
    QTest::newRow("inside x11's range") << 6010 << QString() << QStringList { "x11/tcp,udp" };
    // The seeds' timestamp server (tsTserv) and welcome server use ports IANA leaves unassigned.
    QTest::newRow("21567 unassigned") << 21567 << QString() << QStringList {};
    QTest::newRow("51444 unassigned") << 51444 << QString() << QStringList {};
    QTest::newRow("dynamic range") << 50007 << QString() << QStringList {};
    QTest::newRow("0") << 0 << QString() << QStringList {};
}

void TestServiceCatalog::ianaByPort()
{
    QFETCH(int, port);
    QFETCH(QString, protocol);
    QFETCH(QStringList, names);
    QStringList got;
    for (const ServiceEntry &e : real().ianaByPort(quint16(port), protocol))
        got << e.name + QLatin1Char('/') + e.protocols.join(QLatin1Char(','));
    QCOMPARE(got, names);
}

void TestServiceCatalog::fixtureParsing()
{
    const QList<ServiceEntry> &rows = m_fixture->systemEntries();
    QVERIFY(m_fixture->systemTableExists());
    QStringList names;
    for (const ServiceEntry &e : rows)
        names << e.name + QLatin1Char('/') + e.protocols.join(QLatin1Char(','));
    // The broken, too-large and protocol-less lines are skipped, as the C library skips them.
    QCOMPARE(names,
        (QStringList { "tcpmux/tcp", "domain/tcp", "domain/udp", "http/tcp", "ntp/udp", "exec/tcp", "biff/udp",
            "shell/tcp", "syslog/udp", "local-only/tcp" }));
    const ServiceEntry &http = rows.at(3);
    QCOMPARE(http.port, quint16(80));
    QCOMPARE(http.lastPort, quint16(80));
    QCOMPARE(http.aliases, QStringList { "www" });
    QCOMPARE(http.description, QStringLiteral("WorldWideWeb HTTP"));
    QCOMPARE(http.line, 6);
    QCOMPARE(http.rawLine, QStringLiteral("http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP"));
    QCOMPARE(rows.at(7).aliases, (QStringList { "cmd", "syslog" }));
    // A CRLF line loses its CR.
    QCOMPARE(rows.last().rawLine, QStringLiteral("local-only\t40000/tcp\t\t\t# not an IANA name"));
    QCOMPARE(rows.last().line, 15);
}

void TestServiceCatalog::fixtureAnswersLikeLibc_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("answer"); // "name port/protocol line", or "" for none

    QTest::newRow("first line wins") << "domain" << QString() << "domain 53/tcp 4";
    QTest::newRow("udp asked") << "domain"
                               << "udp"
                               << "domain 53/udp 5";
    QTest::newRow("alias") << "www" << QString() << "http 80/tcp 6";
    QTest::newRow("udp only") << "ntp" << QString() << "ntp 123/udp 7";
    QTest::newRow("not for tcp") << "ntp"
                                 << "tcp" << QString();
    QTest::newRow("an alias before the name") << "syslog" << QString() << "shell 514/tcp 10";
    QTest::newRow("the name for udp") << "syslog"
                                      << "udp"
                                      << "syslog 514/udp 11";
    QTest::newRow("case-sensitive") << "HTTP" << QString() << QString();
    QTest::newRow("port, first line") << "512" << QString() << "exec 512/tcp 8";
    QTest::newRow("port udp") << "512"
                              << "udp"
                              << "biff 512/udp 9";
    QTest::newRow("skipped line") << "70000" << QString() << QString();
    QTest::newRow("unknown port") << "21567" << QString() << QString();
}

void TestServiceCatalog::fixtureAnswersLikeLibc()
{
    QFETCH(QString, key);
    QFETCH(QString, protocol);
    QFETCH(QString, answer);
    bool numeric = false;
    const uint port = key.toUInt(&numeric);
    if (numeric && port > 65535) {
        QVERIFY(answer.isEmpty());
        return;
    }
    const std::optional<ServiceEntry> got
        = numeric ? m_fixture->systemByPort(quint16(port), protocol) : m_fixture->systemByName(key, protocol);
    const QString text = got
        ? QStringLiteral("%1 %2/%3 %4").arg(got->name).arg(got->port).arg(got->protocols.value(0)).arg(got->line)
        : QString();
    QCOMPARE(text, answer);
}

void TestServiceCatalog::caseSensitive()
{
    QVERIFY(!real().systemByName(QStringLiteral("HTTP")));
    QVERIFY(real().ianaByName(QStringLiteral("HTTP")).isEmpty());
    const ServiceLookup r = real().lookup(QStringLiteral("HTTP"));
    QCOMPARE(r.error.kind, ErrorKind::Usage);
    QCOMPARE(r.error.field, QStringLiteral("service"));
    QCOMPARE(r.error.message, QStringLiteral("No service 'HTTP'; names are case-sensitive: did you mean 'http'?"));
    QCOMPARE(r.suggestions.value(0), QStringLiteral("http"));
    QVERIFY(!r.found());
    // The same name in lower case is found in both sources.
    const ServiceLookup lower = real().lookup(QStringLiteral("http"));
    QVERIFY(lower.ok());
    QVERIFY(!lower.iana.isEmpty());
}

void TestServiceCatalog::suggestions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("first");

    QTest::newRow("swapped letters") << "htpp"
                                     << "http";
    QTest::newRow("domian") << "domian"
                            << "domain";
    QTest::newRow("telent") << "telent"
                            << "telnet";
    QTest::newRow("upper case") << "SSH"
                                << "ssh";
    QTest::newRow("mixed case") << "Domain"
                                << "domain";
    QTest::newRow("nothing close") << "qqqqqqqqqqqqxyz" << QString();
}

void TestServiceCatalog::suggestions()
{
    QFETCH(QString, name);
    QFETCH(QString, first);
    const QStringList got = real().suggestions(name);
    QVERIFY(got.size() <= 3);
    QCOMPARE(got.value(0), first);
    QVERIFY(!got.contains(name));
    QVERIFY(real().suggestions(name, 1).size() <= 1);

    const ServiceLookup r = real().lookup(name);
    QCOMPARE(r.error.kind, ErrorKind::Usage);
    QCOMPARE(r.error.field, QStringLiteral("service"));
    QCOMPARE(r.suggestions, got);
    if (!first.isEmpty())
        QVERIFY2(r.error.message.contains(QLatin1Char('\'') + first + QLatin1Char('\'')), qPrintable(r.error.message));
}

void TestServiceCatalog::lookupErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << ""
                           << ""
                           << "service"
                           << "empty";
    QTest::newRow("too large") << "65536"
                               << ""
                               << "service"
                               << "0 to 65535";
    QTest::newRow("far too large") << "99999999999999999999"
                                   << ""
                                   << "service"
                                   << "too large";
    QTest::newRow("negative") << "-1"
                              << ""
                              << "service"
                              << "negative";
    QTest::newRow("space") << "ht tp"
                           << ""
                           << "service"
                           << "character 3";
    QTest::newRow("nul") << QString(QStringLiteral("http") + QChar(0)) << ""
                         << "service"
                         << "character 5";
    QTest::newRow("upper-case protocol") << "http"
                                         << "TCP"
                                         << "protocol"
                                         << "lower case";
    QTest::newRow("other protocol") << "http"
                                    << "icmp"
                                    << "protocol"
                                    << "not tcp or udp";
    // exec is 512/tcp in both sources: the name is right, the protocol is not.
    QTest::newRow("tcp only") << "exec"
                              << "udp"
                              << "protocol"
                              << "512/tcp only";
}

void TestServiceCatalog::lookupErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, protocol);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    const ServiceLookup r = real().lookup(input, protocol);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ErrorKind::Usage);
    QCOMPARE(exitCodeFor(r.error.kind), 2);
    QCOMPARE(r.error.field, field);
    QVERIFY2(r.error.message.contains(mentions), qPrintable(r.error.message));
}

void TestServiceCatalog::lookupPorts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("port");

    QTest::newRow("plain") << "80" << 80;
    QTest::newRow("leading zeros") << "0080" << 80;
    QTest::newRow("zero") << "0" << 0;
    QTest::newRow("max") << "65535" << 65535;
    QTest::newRow("unassigned") << "21567" << 21567;
}

void TestServiceCatalog::lookupPorts()
{
    QFETCH(QString, input);
    QFETCH(int, port);
    const ServiceLookup r = real().lookup(input);
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QVERIFY(r.byPort);
    QCOMPARE(int(r.port), port);
    QCOMPARE(r.systemCall(), QStringLiteral("getservbyport(htons(%1), NULL)").arg(port));
}

void TestServiceCatalog::notes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("protocol");
    // Each must be one of the notes, word for word; FIXTURE stands for the fixture file's path.
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("tcp wins") << "domain" << QString()
                              << QStringList { "No protocol given: the tcp entry wins (the first match in FIXTURE), "
                                               "as getent services domain shows.",
                                     "domain is port 53 on both tcp and udp." };
    QTest::newRow("one line only") << "http" << QString()
                                   << QStringList { "No protocol given: the first matching line of FIXTURE is taken "
                                                    "(tcp), as getent services http shows.",
                                          "http is listed for tcp only in FIXTURE: getservbyname('http', 'udp') "
                                          "fails.",
                                          "IANA also registers http for udp and sctp." };
    QTest::newRow("alias") << "www" << QString()
                           << QStringList { "'www' is an alias of http: getservbyport(80, 'tcp') answers with the "
                                            "official name, http." };
    QTest::newRow("alias before the name")
        << "syslog" << QString()
        << QStringList { "'syslog' is an alias of shell: getservbyport(514, 'tcp') answers with the official name, "
                         "shell.",
               "'syslog' means shell 514/tcp but syslog 514/udp: which service you get depends on the protocol." };
    QTest::newRow("same port both") << "53" << QString()
                                    << QStringList { "No protocol given: the tcp entry wins (the first match in "
                                                     "FIXTURE), as getent services 53 shows.",
                                           "Port 53 means domain on both tcp and udp.",
                                           "Ports below 1024 are well-known ports: on Linux a server normally "
                                           "needs root rights to use one." };
    QTest::newRow("different per protocol")
        << "512" << QString()
        << QStringList { "Port 512 means exec on tcp but biff on udp: the same number can name different services per "
                         "protocol.",
               "IANA: port 512 is exec on tcp and comsat on udp." };
    QTest::newRow("only IANA") << "compressnet" << QString()
                               << QStringList { "Not in this system's FIXTURE but in IANA's registry: getservbyname() "
                                                "fails here (Python: OSError: service/proto not found); use the port "
                                                "number, 2.",
                                      "IANA lists compressnet on 2 ports: 2 and 3." };
    QTest::newRow("only the system") << "local-only" << QString()
                                     << QStringList { "In this system's FIXTURE but not under this name in IANA's "
                                                      "registry." };
    QTest::newRow("unassigned port") << "21567" << QString()
                                     << QStringList { "Port 21567 is not in this system's FIXTURE: getservbyport() "
                                                      "fails (Python: OSError: port/proto not found).",
                                            "IANA's registry names no service on port 21567 (unassigned or "
                                            "reserved)." };
    QTest::newRow("dynamic port") << "50007" << QString()
                                  << QStringList { "IANA never assigns ports 49152-65535 (the dynamic or private "
                                                   "range): any program may use them." };
    QTest::newRow("port zero") << "0" << QString()
                               << QStringList { "Port 0 is reserved: a server that binds to port 0 asks the system "
                                                "for any free port." };
    QTest::newRow("udp only, IANA both") << "ntp" << QString()
                                         << QStringList { "ntp is listed for udp only in FIXTURE: getservbyname('ntp',"
                                                          " 'tcp') fails.",
                                                "IANA also registers ntp for tcp." };
}

void TestServiceCatalog::notes()
{
    QFETCH(QString, input);
    QFETCH(QString, protocol);
    QFETCH(QStringList, expected);
    const ServiceLookup r = m_fixture->lookup(input, protocol);
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.notes, m_fixture->notesFor(r));
    for (QString note : expected) {
        note.replace(QStringLiteral("FIXTURE"), m_fixturePath);
        QVERIFY2(r.notes.contains(note), qPrintable(note + QStringLiteral("\nnot in:\n") + r.notes.join('\n')));
    }
}

void TestServiceCatalog::missingSystemTable()
{
    const QString path = m_dir.filePath(QStringLiteral("no-such-dir/services"));
    const ServiceCatalog catalog(path);
    QVERIFY(!catalog.systemTableExists());
    QVERIFY(catalog.systemEntries().isEmpty());
    QVERIFY(!catalog.systemByName(QStringLiteral("http")));
    QVERIFY(!catalog.systemByPort(80));
    // The IANA table still answers, and the learner is told why the system does not.
    const ServiceLookup r = catalog.lookup(QStringLiteral("http"));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QVERIFY(r.systemTableMissing);
    QVERIFY(!r.system);
    QCOMPARE(r.iana.size(), 1);
    QCOMPARE(r.notes.value(0),
        QStringLiteral("This system has no %1, so getservbyname() and getservbyport() know no services here; the "
                       "bundled IANA table still answers.")
            .arg(path));
    QVERIFY(!r.notes.join('\n').contains(QStringLiteral("Not in this system's")));
    const ServiceLookup port = catalog.lookup(QStringLiteral("53"), QStringLiteral("udp"));
    QVERIFY(port.ok());
    QCOMPARE(port.iana.value(0).name, QStringLiteral("domain"));
    // Unknown names are still Usage errors, with IANA's names as suggestions.
    const ServiceLookup bad = catalog.lookup(QStringLiteral("htpp"));
    QCOMPARE(bad.error.kind, ErrorKind::Usage);
    QCOMPARE(bad.suggestions.value(0), QStringLiteral("http"));

    ServiceTableModel model(std::make_shared<const ServiceCatalog>(path));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(real().ianaEntries().size()));
}

void TestServiceCatalog::concurrentFirstUse()
{
    // Threads racing to the first parse of a fresh catalog all see the one table.
    const ServiceCatalog catalog(m_fixturePath);
    std::atomic<int> good { 0 };
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&catalog, &good, i] {
            const ServiceLookup r = catalog.lookup(i % 2 ? QStringLiteral("www") : QStringLiteral("53"));
            // www is the fixture's alias of http (not an IANA name); 53 is domain in both sources.
            const bool right = i % 2 ? r.system && r.system->name == QLatin1String("http")
                                     : r.system && r.system->name == QLatin1String("domain") && !r.iana.isEmpty();
            if (r.ok() && right)
                ++good;
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(good.load(), 8);
}

void TestServiceCatalog::model()
{
    ServiceTableModel model(m_fixture);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int systemRows = int(m_fixture->systemEntries().size());
    QCOMPARE(model.rowCount(), systemRows + int(m_fixture->ianaEntries().size()));
    QCOMPARE(model.columnCount(), int(ServiceTableModel::ColumnCount));
    QCOMPARE(model.headerData(ServiceTableModel::Aliases, Qt::Horizontal).toString(), QStringLiteral("Aliases"));

    const int http = 3; // the fixture's fourth entry
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(http, ServiceTableModel::Name), QStringLiteral("http"));
    QCOMPARE(cell(http, ServiceTableModel::Port), QStringLiteral("80"));
    QCOMPARE(cell(http, ServiceTableModel::Protocols), QStringLiteral("tcp"));
    QCOMPARE(cell(http, ServiceTableModel::Aliases), QStringLiteral("www"));
    QCOMPARE(cell(http, ServiceTableModel::Description), QStringLiteral("WorldWideWeb HTTP"));
    QCOMPARE(cell(http, ServiceTableModel::Source), QStringLiteral("system"));
    QCOMPARE(model.index(http, 0).data(ServiceTableModel::LineRole).toInt(), 6);
    QVERIFY(model.index(http, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("80/tcp\t\twww")));
    QCOMPARE(
        model.index(http, 0).data(ServiceTableModel::EntryRole).value<ServiceEntry>().aliases, QStringList { "www" });

    const int firstIana = systemRows;
    QCOMPARE(cell(firstIana, ServiceTableModel::Source), QStringLiteral("IANA"));
    QCOMPARE(model.index(firstIana, 0).data(ServiceTableModel::SourceRole).toInt(), int(ServiceEntry::Iana));
    QCOMPARE(cell(firstIana, ServiceTableModel::Name), QStringLiteral("tcpmux"));
    QCOMPARE(cell(firstIana, ServiceTableModel::Protocols), QStringLiteral("tcp, udp"));
    bool sawRange = false;
    for (int row = firstIana; row < model.rowCount() && !sawRange; ++row)
        sawRange = cell(row, ServiceTableModel::Port) == QLatin1String("6000-6063");
    QVERIFY(sawRange);
}

void TestServiceCatalog::typeAhead_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("firstRow"); // "name port source"
    QTest::addColumn<QStringList>("mustInclude");

    QTest::newRow("ntp") << "ntp"
                         << "ntp 123 system" << QStringList { "ntp 123 IANA" };
    QTest::newRow("123") << "123"
                         << "ntp 123 system" << QStringList { "ntp 123 IANA" };
    QTest::newRow("time") << "time"
                          << "time 37 IANA"
                          << QStringList { "daytime 13 IANA", "ntp 123 system" }; // ntp: "Network Time Protocol"
    QTest::newRow("www, an alias") << "www"
                                   << "http 80 system" << QStringList {};
    QTest::newRow("case-insensitive") << "NTP"
                                      << "ntp 123 system" << QStringList { "ntp 123 IANA" };
    QTest::newRow("a port in a range") << "6010"
                                       << "x11 6000-6063 IANA" << QStringList {};
    QTest::newRow("port and protocol") << "53/udp"
                                       << "domain 53 system" << QStringList { "domain 53 IANA" };
}

void TestServiceCatalog::typeAhead()
{
    QFETCH(QString, search);
    QFETCH(QString, firstRow);
    QFETCH(QStringList, mustInclude);
    ServiceTableModel model(m_fixture);
    ServiceFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), model.rowCount());

    QElapsedTimer timer;
    timer.start();
    proxy.setSearchText(search);
    const qint64 filterNs = timer.nsecsElapsed();
    // With the tester attached, which checks every row again on each change: the proxy alone takes a
    // fraction of this (about 1 ms in a release build).
    qInfo("filter '%s': %d rows in %.2f ms, tester included", qPrintable(search), proxy.rowCount(),
        double(filterNs) / 1e6);
    QVERIFY(proxy.rowCount() > 0);
    QStringList rows;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        rows << QStringLiteral("%1 %2 %3")
                    .arg(proxy.index(row, ServiceTableModel::Name).data().toString(),
                        proxy.index(row, ServiceTableModel::Port).data().toString(),
                        proxy.index(row, ServiceTableModel::Source).data().toString());
    }
    QCOMPARE(rows.first(), firstRow);
    for (const QString &row : std::as_const(mustInclude))
        QVERIFY2(rows.contains(row), qPrintable(row + QStringLiteral(" not in: ") + rows.mid(0, 20).join(", ")));
    bool numeric = false;
    const int port = search.section(QLatin1Char('/'), 0, 0).toInt(&numeric);
    if (numeric) {
        // A number matches the port exactly: no row with "123" only in its description.
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const ServiceEntry e = proxy.index(row, 0).data(ServiceTableModel::EntryRole).value<ServiceEntry>();
            QVERIFY(e.coversPort(quint16(port)));
        }
    }
    // Clearing the search shows every row again.
    proxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TestServiceCatalog::typeAheadProtocolAndSources()
{
    ServiceTableModel model(m_fixture);
    ServiceFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSearchText(QStringLiteral("512"));
    QCOMPARE(proxy.rowCount(), 4); // exec/tcp and biff/udp twice: system and IANA
    proxy.setProtocol(QStringLiteral("udp"));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(0, ServiceTableModel::Name).data().toString(), QStringLiteral("biff"));
    QCOMPARE(proxy.index(1, ServiceTableModel::Name).data().toString(), QStringLiteral("comsat"));
    proxy.setShowSystem(false);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setShowIana(false);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setShowSystem(true);
    proxy.setShowIana(true);
    proxy.setProtocol(QString());
    // Sorting by name keeps the best match first, then orders the rest.
    proxy.setSearchText(QStringLiteral("http"));
    proxy.sort(ServiceTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, ServiceTableModel::Name).data().toString(), QStringLiteral("http"));
    QVERIFY(proxy.matchRank(proxy.mapToSource(proxy.index(0, 0)).row()) == 0);
    proxy.sort(ServiceTableModel::Port, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, ServiceTableModel::Name).data().toString(), QStringLiteral("http"));
}

QTEST_GUILESS_MAIN(TestServiceCatalog)
#include "tst_servicecatalog.moc"
