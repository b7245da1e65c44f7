// socket-workbench lookup service, run with QProcess: both sources, the notes, JSON, and Usage errors
// with suggestions. The system's answers are compared with getent's, run here, not with a copy of a list.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

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
        QTest::newRow("no subcommand") << QStringList {} << "the subcommands are: service";
        QTest::newRow("unknown subcommand") << QStringList { "frobnicate" } << "the subcommands are: service";
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
    }
};

QTEST_GUILESS_MAIN(TestCliLookup)
#include "tst_cli_lookup.moc"
