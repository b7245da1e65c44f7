// The built binary's verbs, run with QProcess: output lines and exit codes.

#include "clirun.h"
#include "lab/locallab.h"
#include "server/listenserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace swb;

class TestCli : public QObject {
    Q_OBJECT

private:
    QString m_binary = test::cliBinary();
    using Run = test::CliRun;

    static Run run(const QStringList &args, int timeoutMs = 15000) { return test::runCli(args, timeoutMs); }

    std::unique_ptr<ListenServer> server(const QString &behaviour)
    {
        ListenServerOptions o;
        o.behaviour = behaviour;
        auto s = std::make_unique<ListenServer>(o);
        s->start();
        return s;
    }

    // Starts `serve` and reads its output up to "Serving ... on 127.0.0.1:PORT"; the port, or 0 when the
    // line never came (the output so far is in *out either way).
    quint16 startServe(QProcess &serve, const QStringList &args, QString *out)
    {
        serve.start(m_binary, QStringList { QStringLiteral("serve") } + args);
        const QRegularExpression serving(QStringLiteral(R"(Serving \S+ over \S+ on 127\.0\.0\.1:(\d+)\.)"));
        quint16 port = 0;
        const bool ended = QTest::qWaitFor(
            [&] {
                *out += QString::fromUtf8(serve.readAllStandardOutput());
                if (const auto m = serving.match(*out); m.hasMatch())
                    port = quint16(m.captured(1).toUInt());
                return port != 0 || serve.state() == QProcess::NotRunning;
            },
            10000);
        return ended ? port : 0;
    }

    // Reads what the process printed since the last call; true once out matches.
    static bool outputMatches(QProcess &p, QString *out, const QRegularExpression &pattern)
    {
        *out += QString::fromUtf8(p.readAllStandardOutput());
        return pattern.match(*out).hasMatch();
    }

    static bool outputHas(QProcess &p, QString *out, const QString &text)
    {
        *out += QString::fromUtf8(p.readAllStandardOutput());
        return out->contains(text);
    }

    // One console line: "23:11:03.123  #3     127.0.0.1:40312        <-  6 bytes      hello"
    static QRegularExpression consoleLine(int client, const QString &direction, const QString &rest)
    {
        return QRegularExpression(QStringLiteral(R"((?m)^\d\d:\d\d:\d\d\.\d{3}  #%1\s+127\.0\.0\.1:\d+\s+%2  %3)")
                                      .arg(client)
                                      .arg(QRegularExpression::escape(direction), rest));
    }

    // SIGTERM, as Ctrl-C would: the server closes everything and exits 0.
    static void stopServe(QProcess &serve, QString *out)
    {
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        *out += QString::fromUtf8(serve.readAllStandardOutput());
        QVERIFY2(out->contains(QStringLiteral("close(listening socket) -> ok")), qPrintable(*out));
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
        QString out;
        const quint16 port = startServe(serve,
            { QStringLiteral("tcp"), QStringLiteral("--behaviour"), QStringLiteral("timestamp"),
                QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--reuse-address") },
            &out);
        QVERIFY2(port != 0, qPrintable(out));
        // The server's own calls: no client, "..", the call and its result.
        const QString time = QStringLiteral(R"(\d\d:\d\d:\d\d\.\d{3})");
        QVERIFY2(out.contains(QRegularExpression(
                     QStringLiteral(R"((?m)^%1\s+\.\.\s+socket\(AF_INET, SOCK_STREAM\) -> fd \d+$)").arg(time))),
            qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) -> ok")));
        QVERIFY(out.contains(QStringLiteral("listen(128) -> ok")));
        QVERIFY(out.contains(QStringLiteral("getsockname() -> 127.0.0.1:%1").arg(port)));

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write("hello server\n");
        QTRY_VERIFY(client.canReadLine());
        const QByteArray reply = client.readLine();
        QVERIFY(reply.endsWith("] hello server\n"));
        const quint16 clientPort = client.localPort();
        client.disconnectFromHost();
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(serve, &out, consoleLine(1, QStringLiteral("--"), QStringLiteral(R"(\s+close\(\) -> ok)"))),
            qPrintable(out), 10000);
        QVERIFY2(out.contains(consoleLine(1, QStringLiteral("++"),
                     QStringLiteral(R"(\s+accept\(\) -> fd \d+, client 127\.0\.0\.1:%1$)").arg(clientPort))),
            qPrintable(out));
        QVERIFY(out.contains(consoleLine(1, QStringLiteral("<-"), QStringLiteral(R"(13 bytes\s+hello server\\n$)"))));
        QVERIFY(out.contains(consoleLine(
            1, QStringLiteral("->"), QStringLiteral(R"(%1 bytes\s+\[.*\] hello server\\n$)").arg(reply.size()))));

        stopServe(serve, &out);
        QVERIFY(out.contains(QStringLiteral("Stopped: clients 1,")));
    }

    void serveJsonIsUnchanged()
    {
        QProcess serve;
        serve.start(m_binary,
            { QStringLiteral("serve"), QStringLiteral("tcp"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--json") });
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += serve.readAllStandardOutput()).contains("\"call\":\"getsockname\""), 10000);
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        out += serve.readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QVERIFY(o.contains(QStringLiteral("type")));
        }
        QCOMPARE(QJsonDocument::fromJson(lines.last()).object().value(QStringLiteral("type")).toString(),
            QStringLiteral("result"));
    }

    void serveIdleTimeout()
    {
        QProcess serve;
        QString out;
        const quint16 port = startServe(serve,
            { QStringLiteral("tcp"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--idle-timeout"),
                QStringLiteral("0.3") },
            &out);
        QVERIFY2(port != 0, qPrintable(out));
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE(silent.state(), QAbstractSocket::ConnectedState);
        QElapsedTimer connected;
        connected.start();
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 10000);
        // Not closed at once: the server waited for the silence to last (the timer may fire a little early).
        QVERIFY2(connected.elapsed() >= 200, qPrintable(QString::number(connected.elapsed())));
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(serve, &out,
                consoleLine(1, QStringLiteral("--"), QStringLiteral(R"(\s+close\(\) -> ok \(idle timeout\))"))),
            qPrintable(out), 10000);
        QVERIFY2(
            out.contains(consoleLine(1, QStringLiteral("!!"),
                QStringLiteral(R"(\s+Nothing sent or received for 0\.3 s: the idle timeout closes this client\.)"))),
            qPrintable(out));
        stopServe(serve, &out);
    }

    void serveLog_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("csv");
        QTest::newRow("text") << "console.log" << QStringList {} << false;
        QTest::newRow("csv by extension") << "console.CSV" << QStringList {} << true;
        QTest::newRow("csv by option") << "console.txt" << QStringList { "--log-format", "csv" } << true;
        QTest::newRow("text by option") << "console.csv" << QStringList { "--log-format", "text" } << false;
    }

    void serveLog()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, extra);
        QFETCH(bool, csv);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(file);
        {
            // --log appends: what is in the file already stays (and a CSV that has rows gets no second header).
            QFile earlier(path);
            QVERIFY(earlier.open(QIODevice::WriteOnly));
            earlier.write(csv ? "time_utc,earlier\n" : "an earlier line\n");
        }
        QProcess serve;
        QString out;
        const quint16 port = startServe(serve,
            QStringList {
                QStringLiteral("tcp"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"), path }
                + extra,
            &out);
        QVERIFY2(port != 0, qPrintable(out));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write("ping \xc3\xa9\n");
        QTRY_VERIFY(client.canReadLine());
        client.disconnectFromHost();

        // Flushed within a second or so while the server runs, not only when it stops.
        auto logText = [&path] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        const QString received = csv
            ? QStringLiteral(",received,<-,recv(),8 bytes,8,,ping \\xc3\\xa9\\n,70 69 6e 67 20 c3 a9 0a")
            : QStringLiteral("<-  8 bytes      ping \\xc3\\xa9\\n");
        QTRY_VERIFY2_WITH_TIMEOUT(logText().contains(received), qPrintable(logText()), 10000);

        stopServe(serve, &out);
        const QStringList lines = logText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 10, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.first(), csv ? QStringLiteral("time_utc,earlier") : QStringLiteral("an earlier line"));
        if (csv) {
            QCOMPARE(lines.filter(QStringLiteral("time_utc,")).size(), 1);
            QVERIFY(lines.last().endsWith(QStringLiteral(",closed,--,close(listening socket),ok,,,,")));
        } else {
            // The same lines as on the console, every one.
            for (const QString &line : lines.mid(1))
                QVERIFY2(out.contains(line), qPrintable(line));
            QVERIFY(lines.last().endsWith(QStringLiteral("close(listening socket) -> ok")));
        }
    }

    void serveLogCsvHeader()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("new.csv"));
        QProcess serve;
        QString out;
        QVERIFY(
            startServe(serve,
                { QStringLiteral("udp"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"), path },
                &out)
            != 0);
        stopServe(serve, &out);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine(),
            QByteArray("time_utc,elapsed_ms,client,peer,local,kind,direction,call,result,size,error,data_escaped,"
                       "data_hex\n"));
        QVERIFY(f.readLine().contains(",call,..,\"socket(AF_INET, SOCK_DGRAM)\",fd "));
    }

    void serveManual()
    {
        QProcess serve;
        QString out;
        const quint16 port = startServe(serve,
            { QStringLiteral("tcp"), QStringLiteral("--behaviour"), QStringLiteral("manual"), QStringLiteral("--port"),
                QStringLiteral("0") },
            &out);
        QVERIFY2(port != 0, qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("/close ID")));

        // Typed before anyone is connected: said so, sent nowhere.
        serve.write("too early\n");
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputHas(serve, &out, QStringLiteral("Not sent: no client is connected.")), qPrintable(out), 10000);

        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, port);
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(serve, &out, consoleLine(1, QStringLiteral("++"), QStringLiteral(".*"))), qPrintable(out),
            10000);
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, port);
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(serve, &out, consoleLine(2, QStringLiteral("++"), QStringLiteral(".*"))), qPrintable(out),
            10000);

        // A typed line goes to every client as typed, newline included; the manual server answers nothing itself.
        first.write("anyone there?\n");
        serve.write("hello from the console\n");
        QTRY_VERIFY(first.canReadLine());
        QCOMPARE(first.readLine(), QByteArray("hello from the console\n"));
        QTRY_VERIFY(second.canReadLine());
        QCOMPARE(second.readLine(), QByteArray("hello from the console\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(
                serve, &out, consoleLine(1, QStringLiteral("<-"), QStringLiteral(R"(14 bytes\s+anyone there\?\\n$)"))),
            qPrintable(out), 10000);

        serve.write("/to 2 just you\n//slash\n");
        QTRY_VERIFY(second.bytesAvailable() >= 16);
        QCOMPARE(second.readAll(), QByteArray("just you\n/slash\n"));
        QTRY_VERIFY(first.canReadLine());
        QCOMPARE(first.readAll(), QByteArray("/slash\n"));

        serve.write("/list\n");
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputHas(serve, &out, QStringLiteral("Clients connected: 2")), qPrintable(out), 10000);
        QVERIFY2(out.contains(QRegularExpression(
                     QStringLiteral(R"((?m)^  #1\s+127\.0\.0\.1:%1\s+since .* 14 bytes in, 30 bytes out, open$)")
                         .arg(first.localPort()))),
            qPrintable(out));

        serve.write("/close 1\n");
        QTRY_COMPARE_WITH_TIMEOUT(first.state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(outputMatches(serve, &out,
                                      consoleLine(1, QStringLiteral("--"),
                                          QStringLiteral(R"(\s+close\(\) -> ok \(closed by the server's operator\))"))),
            qPrintable(out), 10000);
        QCOMPARE(second.state(), QAbstractSocket::ConnectedState);

        // Half-close: the client reads end-of-file (and Qt's socket then closes its side too).
        serve.write("/half 2\n/frobnicate\n");
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputHas(serve, &out, QStringLiteral("Unknown command '/frobnicate'")), qPrintable(out), 10000);
        QVERIFY(out.contains(consoleLine(2, QStringLiteral(".."), QStringLiteral(R"(\s+shutdown\(SHUT_WR\) -> ok)"))));

        // The server has seen client 2 go (its close line) before the list is asked for.
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(serve, &out, consoleLine(2, QStringLiteral("--"), QStringLiteral(R"(\s+close\(\) -> ok.*)"))),
            qPrintable(out), 10000);
        // End of stdin ends the typing, not the server.
        serve.write("/list");
        serve.closeWriteChannel();
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputHas(serve, &out, QStringLiteral("End of standard input")), qPrintable(out), 10000);
        QVERIFY(out.contains(QStringLiteral("No client is connected.")));
        QTcpSocket third;
        third.connectToHost(QHostAddress::LocalHost, port);
        QTRY_VERIFY2_WITH_TIMEOUT(
            outputMatches(serve, &out, consoleLine(3, QStringLiteral("++"), QStringLiteral(".*"))), qPrintable(out),
            10000);
        QCOMPARE(serve.state(), QProcess::Running);
        stopServe(serve, &out);
    }

    void serveFileLimitNote()
    {
        QProcess serve;
        // A hard limit of 256 descriptors, which main() cannot raise: serve says what that means.
        serve.setChildProcessModifier([] {
            const rlimit small { 256, 256 };
            ::setrlimit(RLIMIT_NOFILE, &small);
        });
        QString out;
        QVERIFY(startServe(serve, { QStringLiteral("tcp"), QStringLiteral("--port"), QStringLiteral("0") }, &out) != 0);
        QVERIFY2(out.contains(QStringLiteral("this system lets one program hold at most 256 sockets; 1000 clients")),
            qPrintable(out));
        stopServe(serve, &out);

        QProcess enough;
        enough.setChildProcessModifier([] {
            const rlimit small { 256, 256 };
            ::setrlimit(RLIMIT_NOFILE, &small);
        });
        QString out2;
        QVERIFY(startServe(enough,
                    { QStringLiteral("tcp"), QStringLiteral("--port"), QStringLiteral("0"),
                        QStringLiteral("--max-clients"), QStringLiteral("100") },
                    &out2)
            != 0);
        QVERIFY2(!out2.contains(QStringLiteral("lets one program hold")), qPrintable(out2));
        stopServe(enough, &out2);
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
        QTest::newRow("idle timeout word") << QStringList { "tcp", "--port", "0", "--idle-timeout", "soon" };
        QTest::newRow("idle timeout negative") << QStringList { "tcp", "--port", "0", "--idle-timeout", "-1" };
        QTest::newRow("idle timeout nan") << QStringList { "tcp", "--port", "0", "--idle-timeout", "nan" };
        QTest::newRow("idle timeout comma") << QStringList { "tcp", "--port", "0", "--idle-timeout", "0,5" };
        QTest::newRow("idle timeout too long") << QStringList { "tcp", "--port", "0", "--idle-timeout", "86401" };
        QTest::newRow("idle timeout udp") << QStringList { "udp", "--port", "0", "--idle-timeout", "1" };
        QTest::newRow("both reuse flags")
            << QStringList { "tcp", "--port", "0", "--reuse-address", "--no-reuse-address" };
        QTest::newRow("log in no directory")
            << QStringList { "tcp", "--port", "0", "--log", "/nonexistent-swb-dir/console.log" };
        QTest::newRow("log is a directory") << QStringList { "tcp", "--port", "0", "--log", QDir::tempPath() };
        QTest::newRow("log format") << QStringList { "tcp", "--port", "0", "--log", "x.log", "--log-format", "xml" };
        QTest::newRow("log format alone") << QStringList { "tcp", "--port", "0", "--log-format", "csv" };
        QTest::newRow("drop over 100") << QStringList { "udp", "--port", "0", "--drop", "101" };
        QTest::newRow("drop word") << QStringList { "udp", "--port", "0", "--drop", "some" };
        QTest::newRow("drop tcp") << QStringList { "tcp", "--port", "0", "--drop", "10" };
    }

    void serveUsageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(QStringList { QStringLiteral("serve") } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("error: Usage")), qPrintable(r.err));
        // Refused before the server starts.
        QVERIFY2(!r.out.contains(QStringLiteral("socket(")), qPrintable(r.out));
        if (args.contains(QStringLiteral("--log")) && !args.contains(QStringLiteral("--log-format")))
            QVERIFY2(r.err.contains(QStringLiteral("Cannot open the log file"))
                    && (r.err.contains(QStringLiteral("No such file or directory"))
                        || r.err.contains(QStringLiteral("Is a directory"))),
                qPrintable(r.err));
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
