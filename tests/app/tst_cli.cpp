// The built binary's verbs, run with QProcess: output lines and exit codes.

#include "lab/locallab.h"
#include "server/listenserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace swb;

class TestCli : public QObject {
    Q_OBJECT

private:
    QString m_binary = qEnvironmentVariable("SWB_BINARY");

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList &args, int timeoutMs = 15000)
    {
        QProcess p;
        p.start(m_binary, args);
        Run r;
        // Keep this thread's event loop running: the servers under test live on it.
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
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

    std::unique_ptr<ListenServer> server(const QString &behaviour)
    {
        ListenServerOptions o;
        o.behaviour = behaviour;
        auto s = std::make_unique<ListenServer>(o);
        s->start();
        return s;
    }

    static quint16 closedPort()
    {
        QTcpServer t;
        t.listen(QHostAddress::LocalHost, 0);
        return t.serverPort();
    }

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary)); }

    void version()
    {
        const Run r = run({ QStringLiteral("--version") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("socket-workbench ")));
    }

    void helpOnEveryVerb_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("connect") << "connect"
                                 << "getsockname";
        QTest::newRow("serve") << "serve"
                               << "timestamp";
        QTest::newRow("lab") << "lab"
                             << "welcome";
    }

    void helpOnEveryVerb()
    {
        QFETCH(QString, verb);
        QFETCH(QString, mentions);
        const Run r = run({ verb, QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--json")));
    }

    void unknownVerb()
    {
        const Run r = run({ QStringLiteral("frobnicate") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown verb")));
    }

    void connectSucceeds()
    {
        auto echo = server(QStringLiteral("echo"));
        const QString port = QString::number(echo->localEndpoint().port);
        const Run r = run({ QStringLiteral("connect"), QStringLiteral("127.0.0.1"), port });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 7, qPrintable(r.out));
        QVERIFY(lines.at(0).contains(QStringLiteral("getaddrinfo(\"127.0.0.1\", %1").arg(port)));
        QVERIFY(lines.at(1).contains(QStringLiteral("socket(AF_INET, SOCK_STREAM)")));
        QVERIFY(lines.at(2).contains(QStringLiteral("connect(127.0.0.1:%1)").arg(port)));
        QVERIFY(lines.at(2).endsWith(QStringLiteral("-> ok")));
        QVERIFY(lines.at(3).contains(QStringLiteral("getsockname()")));
        QVERIFY(lines.at(4).contains(QStringLiteral("getpeername()")));
        QVERIFY(r.out.contains(QStringLiteral("Connected to   ('127.0.0.1', %1)").arg(port)));
        QVERIFY(r.out.contains(QStringLiteral("Connected from ('127.0.0.1', ")));
    }

    void connectSendsAndReads()
    {
        auto ts = server(QStringLiteral("timestamp"));
        const Run r = run({ QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
            QString::number(ts->localEndpoint().port), QStringLiteral("--send"), QStringLiteral("hi\\n") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("shutdown(SHUT_WR)")));
        QVERIFY2(r.out.contains(
                     QRegularExpression(QStringLiteral(R"("\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] hi\\n")"))),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("0: the server closed the connection")));
    }

    void connectJson()
    {
        auto echo = server(QStringLiteral("echo"));
        const Run r = run({ QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
            QString::number(echo->localEndpoint().port), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            QJsonParseError error;
            QJsonDocument::fromJson(line.toUtf8(), &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
        }
        const QJsonObject first = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(first.value(QStringLiteral("call")).toString(), QStringLiteral("getaddrinfo"));
        const QJsonObject last = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(last.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(last.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(last.value(QStringLiteral("remote")).toString(),
            QStringLiteral("127.0.0.1:%1").arg(echo->localEndpoint().port));
    }

    void connectFailures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("refused") << QStringList { "127.0.0.1", QString::number(closedPort()) } << 4
                                 << "error: Connect (ECONNREFUSED)";
        QTest::newRow("bad port") << QStringList { "127.0.0.1", "70000" } << 2 << "error: Usage";
        QTest::newRow("unknown service") << QStringList { "127.0.0.1", "nosuchservice" } << 2 << "Unknown service";
        QTest::newRow("empty host") << QStringList { "", "80" } << 2 << "error: Usage";
        QTest::newRow("no ipv6 address") << QStringList { "127.0.0.1", "80", "-6" } << 3 << "error: Resolve";
        QTest::newRow("bad hex") << QStringList { "127.0.0.1", "80", "--hex", "zz" } << 2 << "error: Usage";
        QTest::newRow("missing port") << QStringList { "127.0.0.1" } << 2 << "expected 2 argument";
        if (!qEnvironmentVariableIsEmpty("SWB_ISOLATED"))
            QTest::newRow("unknown host") << QStringList { "no-such-host.invalid", "80" } << 3 << "error: Resolve";
    }

    void connectFailures()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = run(QStringList { QStringLiteral("connect") } + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void serveAndAClient()
    {
        QProcess serve;
        serve.start(m_binary,
            { QStringLiteral("serve"), QStringLiteral("tcp"), QStringLiteral("--behaviour"),
                QStringLiteral("timestamp"), QStringLiteral("--port"), QStringLiteral("0") });
        QVERIFY(serve.waitForStarted());
        QString out;
        quint16 port = 0;
        const QRegularExpression listening(QStringLiteral(R"(getsockname\(\)\s+-> 127\.0\.0\.1:(\d+))"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                out += QString::fromUtf8(serve.readAllStandardOutput());
                const auto m = listening.match(out);
                if (m.hasMatch())
                    port = quint16(m.captured(1).toUInt());
                return port != 0;
            }(),
            10000);
        QVERIFY(out.contains(QStringLiteral("socket(AF_INET, SOCK_STREAM)")));
        QVERIFY(out.contains(QStringLiteral("setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)")));
        QVERIFY(out.contains(QStringLiteral("listen(128)")));

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write("hello server\n");
        QTRY_VERIFY(client.canReadLine());
        QVERIFY(client.readLine().endsWith("] hello server\n"));
        client.disconnectFromHost();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                out += QString::fromUtf8(serve.readAllStandardOutput());
                return out.contains(QStringLiteral("close()"));
            }(),
            10000);
        QVERIFY(out.contains(QStringLiteral("#1 accept()")));
        QVERIFY(out.contains(QStringLiteral("\"hello server\\n\"")));

        serve.terminate(); // SIGTERM: close cleanly
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        out += QString::fromUtf8(serve.readAllStandardOutput());
        QVERIFY(out.contains(QStringLiteral("close(listening socket)")));
        QVERIFY(out.contains(QStringLiteral("Stopped: clients 1,")));
    }

    void servePortInUse()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const Run r = run({ QStringLiteral("serve"), QStringLiteral("tcp"), QStringLiteral("--port"),
            QString::number(taken.serverPort()), QStringLiteral("--no-reuse-address") });
        QCOMPARE(r.exitCode, 8);
        QVERIFY2(r.err.contains(QStringLiteral("EADDRINUSE")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("already in use")));
    }

    void serveUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("transport") << QStringList { "sctp" };
        QTest::newRow("behaviour") << QStringList { "tcp", "--behaviour", "chargen" };
        QTest::newRow("udp welcome") << QStringList { "udp", "--behaviour", "welcome", "--port", "0" };
        QTest::newRow("bind") << QStringList { "tcp", "--bind", "not an address" };
        QTest::newRow("port") << QStringList { "tcp", "--port", "65536" };
    }

    void serveUsageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(QStringList { QStringLiteral("serve") } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("error: Usage")), qPrintable(r.err));
    }

    void labListsServices()
    {
        QProcess lab;
        lab.start(m_binary, { QStringLiteral("lab"), QStringLiteral("--ephemeral") });
        QVERIFY(lab.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                out += QString::fromUtf8(lab.readAllStandardOutput());
                return out.contains(QStringLiteral("Lab ready"));
            }(),
            10000);
        for (const LabService &s : LocalLab::defaultServices())
            QVERIFY2(out.contains(QRegularExpression(
                         QStringLiteral("%1\\s+%2 127\\.0\\.0\\.1:\\d+").arg(s.behaviour, transportName(s.transport)))),
                qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("11 of 11 services")));
        lab.kill(); // SIGKILL is not the test here; SIGINT below is
        lab.waitForFinished();

        QProcess lab2;
        lab2.start(m_binary, { QStringLiteral("lab"), QStringLiteral("--ephemeral") });
        QVERIFY(lab2.waitForStarted());
        QByteArray out2;
        QTRY_VERIFY_WITH_TIMEOUT((out2 += lab2.readAllStandardOutput()).contains("Lab ready"), 10000);
        ::kill(pid_t(lab2.processId()), SIGINT);
        QVERIFY(lab2.waitForFinished(10000));
        QCOMPARE(lab2.exitStatus(), QProcess::NormalExit);
        QCOMPARE(lab2.exitCode(), 0);
        QVERIFY(lab2.readAllStandardOutput().contains("Lab stopped."));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
