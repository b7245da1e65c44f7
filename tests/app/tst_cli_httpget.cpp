// The http-get verb of the built binary, run with QProcess against the lab's HTTP server and small
// misbehaving servers in this process: the body on stdout (or --output), the curl -v style trace
// on stderr, exit codes by error kind, and the same status and body bytes as curl gets.

#include "scriptedserver.h"
#include "server/behaviours/httpbehaviour.h"
#include "server/listenserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace swb;
using swb::test::ScriptedServer;
using swb::test::ScriptedTlsServer;

class TestCliHttpGet : public QObject {
    Q_OBJECT

private:
    QString m_binary = qEnvironmentVariable("SWB_BINARY");
    std::unique_ptr<ListenServer> m_lab;
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QString errText() const { return QString::fromUtf8(err); }
    };

    Run run(const QString &program, const QStringList &args, int timeoutMs = 20000)
    {
        QProcess p;
        Run r;
        // A clean environment for curl too: no proxy, no ~/.curlrc.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            env.remove(QString::fromLatin1(name));
        p.setProcessEnvironment(env);
        p.start(program, args);
        // Keep this thread's event loop running: the servers under test live on it. Read as we go
        // so a large body never fills the pipe.
        const bool ended = QTest::qWaitFor(
            [&] {
                r.out += p.readAllStandardOutput();
                r.err += p.readAllStandardError();
                return p.state() == QProcess::NotRunning;
            },
            timeoutMs);
        if (!ended) {
            p.kill();
            p.waitForFinished();
            r.err += "(timed out)";
            return r;
        }
        r.out += p.readAllStandardOutput();
        r.err += p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return r;
    }

    Run httpGet(const QStringList &args, int timeoutMs = 20000)
    {
        return run(m_binary, QStringList { QStringLiteral("http-get") } + args, timeoutMs);
    }

    quint16 labPort() const { return m_lab->localEndpoint().port; }
    QString labUrl(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(labPort()).arg(path);
    }

    static QByteArray indexPage()
    {
        QFile page(QStringLiteral(":/lab/index.html"));
        return page.open(QIODevice::ReadOnly) ? page.readAll() : QByteArray();
    }

    static quint16 closedPort()
    {
        QTcpServer t;
        t.listen(QHostAddress::LocalHost, 0);
        return t.serverPort();
    }

    // The stderr lines, each parsed as one JSON object; empty when one does not parse.
    static QList<QJsonObject> jsonLines(const QByteArray &err)
    {
        QList<QJsonObject> out;
        for (const QByteArray &line : err.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return {};
            out << doc.object();
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
        QVERIFY(m_dir.isValid());
        ListenServerOptions o;
        o.behaviour = QStringLiteral("http");
        m_lab = std::make_unique<ListenServer>(o);
        m_lab->start();
        QVERIFY(m_lab->isListening());
    }

    void bodyOnStdoutTraceOnStderr()
    {
        const Run r = httpGet({ labUrl("/") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!indexPage().isEmpty());
        QVERIFY(r.out == indexPage());
        const QString err = r.errText();
        QVERIFY2(err.contains(QStringLiteral("\n> GET / HTTP/1.0\n> \n")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("\n< HTTP/1.1 200 OK\n")), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("\n< Content-Length: %1\n").arg(indexPage().size())));
        for (const char *step : { "getaddrinfo(", "socket(", "connect(", "send(", "shutdown(SHUT_WR)", "close()" })
            QVERIFY2(err.contains(QLatin1String(step)), step);
        QVERIFY(err.contains(QStringLiteral("* recv() returned data")));
        QVERIFY(err.contains(QStringLiteral("as Content-Length said")));
        QVERIFY(err.contains(QStringLiteral("* timings: resolve ")));
        // Every stderr line is a step ("* "), a request line ("> ") or a response line ("< ").
        for (const QString &line : err.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QStringLiteral("* ")) || line.startsWith(QStringLiteral("> "))
                    || line.startsWith(QStringLiteral("< ")) || line == QStringLiteral(">")
                    || line == QStringLiteral("<"),
                qPrintable(line));
    }

    void outputFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("body.bin"));
        const Run r = httpGet({ labUrl("/bytes/100000"), QStringLiteral("--output"), path });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray body = file.readAll();
        QCOMPARE(body.size(), 100000);
        const QByteArray pattern = HttpBehaviour::bytesPattern();
        for (qsizetype i = 0; i < body.size(); i += 997)
            QCOMPARE(body.at(i), pattern.at(i % pattern.size()));
    }

    void http11SendsHost()
    {
        const Run r = httpGet({ labUrl("/headers"), QStringLiteral("--http"), QStringLiteral("1.1") });
        QCOMPARE(r.exitCode, 0);
        // /headers echoes the request head: what the server got, byte for byte.
        QCOMPARE(r.out,
            QByteArray("GET /headers HTTP/1.1\r\nHost: 127.0.0.1:") + QByteArray::number(labPort())
                + "\r\nConnection: close\r\n\r\n");
        QVERIFY(r.errText().contains(QStringLiteral("> Host: 127.0.0.1:%1\n").arg(labPort())));
    }

    void extraHeaders()
    {
        const Run r = httpGet({ labUrl("/headers"), QStringLiteral("--header"), QStringLiteral("X-One: 1"),
            QStringLiteral("--header"), QStringLiteral("X-Two:  two words ") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("GET /headers HTTP/1.0\r\nX-One: 1\r\nX-Two: two words\r\n\r\n"));
    }

    void rawRequestFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("request.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray request = "GET /headers HTTP/1.0\r\nX-Raw: exactly this\r\n\r\n";
        file.write(request);
        file.close();
        const Run r = httpGet({ labUrl("/ignored"), QStringLiteral("--raw"), path });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, request);
        QVERIFY(r.errText().contains(QStringLiteral("> X-Raw: exactly this\n")));
    }

    void noShutdown()
    {
        const Run with = httpGet({ labUrl("/status/200") });
        QCOMPARE(with.exitCode, 0);
        QVERIFY(with.errText().contains(QStringLiteral("shutdown(SHUT_WR)")));
        const Run without = httpGet({ labUrl("/status/200"), QStringLiteral("--no-shutdown") });
        QCOMPARE(without.exitCode, 0);
        QVERIFY2(!without.errText().contains(QStringLiteral("shutdown")), qPrintable(without.errText()));
        QCOMPARE(without.out, QByteArray("200 OK\n"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("ftp URL") << QStringList { "ftp://x/" } << 2 << "error: Usage: Unknown scheme 'ftp'";
        QTest::newRow("no URL") << QStringList {} << 2 << "";
        QTest::newRow("bad --http") << QStringList { "http://127.0.0.1:1/", "--http", "2.0" } << 2
                                    << "--http takes 1.0 or 1.1";
        QTest::newRow("bad --timeout") << QStringList { "http://127.0.0.1:1/", "--timeout", "0" } << 2
                                       << "--timeout must be";
        QTest::newRow("nan --timeout") << QStringList { "http://127.0.0.1:1/", "--timeout", "nan" } << 2
                                       << "--timeout must be";
        QTest::newRow("bad --header") << QStringList { "http://127.0.0.1:1/", "--header", "no colon" } << 2
                                      << "Header line 1";
        QTest::newRow("missing --raw file")
            << QStringList { "http://127.0.0.1:1/", "--raw", "/nonexistent/x" } << 2 << "Cannot read /nonexistent/x";
        QTest::newRow("-4 and -6") << QStringList { "http://127.0.0.1:1/", "-4", "-6" } << 2 << "not both";
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const Run r = httpGet(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(says), qPrintable(r.errText()));
    }

    void notFoundExitsZero()
    {
        const Run r = httpGet({ labUrl("/status/404") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("404 Not Found\n"));
        QVERIFY(r.errText().contains(QStringLiteral("< HTTP/1.1 404 Not Found\n")));
    }

    void refusedExitsFour()
    {
        const Run r = httpGet({ QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()) });
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.errText().contains(QStringLiteral("error: Connect (ECONNREFUSED)")), qPrintable(r.errText()));
    }

    void silentServerTimesOut()
    {
        ScriptedServer silent;
        silent.onRequest = [](ScriptedServer &, ScriptedServer::Conn &) {};
        const Run r = httpGet({ QStringLiteral("http://127.0.0.1:%1/").arg(silent.port()), QStringLiteral("--timeout"),
            QStringLiteral("0.5") });
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.errText().contains(QStringLiteral("error: Timeout (ETIMEDOUT)")), qPrintable(r.errText()));
        QVERIFY(r.errText().contains(QStringLiteral("first byte")));
        QVERIFY2(r.errText().contains(QRegularExpression(QStringLiteral("waiting [0-9.]+ ms \\(failed\\)"))),
            qPrintable(r.errText()));
    }

    void tinyTimeoutIsStillATimeout()
    {
        // 0.0001 s rounds to 0 ms, which would mean "no timeout at all": it is 1 ms instead.
        ScriptedServer silent;
        silent.onRequest = [](ScriptedServer &, ScriptedServer::Conn &) {};
        const Run r = httpGet({ QStringLiteral("http://127.0.0.1:%1/").arg(silent.port()), QStringLiteral("--timeout"),
            QStringLiteral("0.0001") });
        QCOMPARE(r.exitCode, 5);
    }

    void malformedExitsSeven()
    {
        ScriptedServer server;
        server.onRequest = [](ScriptedServer &, ScriptedServer::Conn &c) {
            ScriptedServer::send(c, "HTTP/1.1 abc\r\n\r\n");
            ScriptedServer::closeConn(c);
        };
        const Run r = httpGet({ QStringLiteral("http://127.0.0.1:%1/").arg(server.port()) });
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.errText().contains(QStringLiteral("error: Protocol: ")), qPrintable(r.errText()));
        QVERIFY(r.errText().contains(QStringLiteral("at byte 9")));
        QVERIFY(r.out.isEmpty());
    }

    void interimResponseShown()
    {
        ScriptedServer server;
        server.onRequest = [](ScriptedServer &, ScriptedServer::Conn &c) {
            ScriptedServer::send(c, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            ScriptedServer::closeConn(c);
        };
        const Run r = httpGet({ QStringLiteral("http://127.0.0.1:%1/").arg(server.port()) });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("ok"));
        const QString err = r.errText();
        QVERIFY2(err.contains(QStringLiteral("< HTTP/1.1 100 Continue\n<\n< HTTP/1.1 200 OK\n"))
                || err.contains(QStringLiteral("< HTTP/1.1 100 Continue\n< \n< HTTP/1.1 200 OK\n")),
            qPrintable(err));
    }

    void jsonLines()
    {
        const Run r = httpGet({ labUrl("/status/201"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("201 Created\n"));
        const QList<QJsonObject> lines = jsonLines(r.err);
        QVERIFY2(lines.size() > 3, r.err.constData());
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            QVERIFY(lines.at(i).value(QStringLiteral("type")).toString() != QLatin1String("result"));
        const QJsonObject result = lines.last();
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("status")).toInt(), 201);
        QCOMPARE(result.value(QStringLiteral("exit_code")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("body_bytes")).toInt(), 12);
        QCOMPARE(result.value(QStringLiteral("url")).toString(), labUrl("/status/201"));

        const Run refused
            = httpGet({ QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()), QStringLiteral("--json") });
        QCOMPARE(refused.exitCode, 4);
        const QList<QJsonObject> failed = jsonLines(refused.err);
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.last().value(QStringLiteral("error")).toString(), QStringLiteral("Connect"));
        QCOMPARE(failed.last().value(QStringLiteral("os_error")).toString(), QStringLiteral("ECONNREFUSED"));
        QCOMPARE(failed.last().value(QStringLiteral("stage")).toString(), QStringLiteral("connect"));
        QCOMPARE(failed.last().value(QStringLiteral("exit_code")).toInt(), 4);

        const Run usage = httpGet({ QStringLiteral("ftp://x/"), QStringLiteral("--json") });
        QCOMPARE(usage.exitCode, 2);
        const QList<QJsonObject> bad = jsonLines(usage.err);
        QCOMPARE(bad.size(), 1);
        QCOMPARE(bad.first().value(QStringLiteral("field")).toString(), QStringLiteral("url"));
    }

    void readerGoesAway()
    {
        // http-get URL/bytes/10485760 | head -c 10: the reader takes ten bytes and closes the pipe.
        // The run ends with a Local error naming EPIPE, not killed by SIGPIPE.
        int pipeFds[2];
        QVERIFY(::pipe2(pipeFds, O_CLOEXEC) == 0);
        QVERIFY(::fcntl(pipeFds[0], F_SETFL, O_NONBLOCK) == 0);
        QProcess p;
        // QProcess opens this in the test: a second descriptor on the pipe's writing end, which
        // becomes the child's stdout. closeReadChannel() would not do: it drops what comes, but
        // keeps the pipe open.
        p.setStandardOutputFile(QStringLiteral("/proc/self/fd/%1").arg(pipeFds[1]));
        p.start(m_binary, { QStringLiteral("http-get"), labUrl("/bytes/10485760") });
        ::close(pipeFds[1]);
        QByteArray head;
        const bool gotTen = QTest::qWaitFor(
            [&] {
                char buffer[10];
                const ssize_t n = ::read(pipeFds[0], buffer, size_t(10 - head.size()));
                if (n > 0)
                    head.append(buffer, int(n));
                return head.size() == 10 || n == 0;
            },
            20000);
        ::close(pipeFds[0]);
        QByteArray err;
        const bool ended = QTest::qWaitFor(
            [&] {
                err += p.readAllStandardError();
                return p.state() == QProcess::NotRunning;
            },
            20000);
        if (!ended) {
            p.kill();
            p.waitForFinished();
        }
        err += p.readAllStandardError();
        QVERIFY(gotTen);
        QCOMPARE(head, HttpBehaviour::bytesPattern().left(10));
        QVERIFY2(ended, err.constData());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // not a signal
        QCOMPARE(p.exitCode(), 8);
        const QString text = QString::fromUtf8(err);
        QVERIFY2(text.contains(QStringLiteral("error: Local (OUTPUT_CLOSED): ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("EPIPE")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("stopped reading")));
    }

    void rawRefusesHeaderAndHttp_data()
    {
        QTest::addColumn<QStringList>("more");
        QTest::newRow("--header") << QStringList { "--header", "X: y" };
        QTest::newRow("--http 1.1") << QStringList { "--http", "1.1" };
    }

    void rawRefusesHeaderAndHttp()
    {
        // --raw sends the file as it is: a --header or --http beside it would be silently ignored.
        QFETCH(QStringList, more);
        const QString path = m_dir.filePath(QStringLiteral("raw-request.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("GET /headers HTTP/1.0\r\n\r\n");
        file.close();
        const Run r = httpGet(QStringList { labUrl("/headers"), QStringLiteral("--raw"), path } + more);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(QStringLiteral("error: Usage: --raw sends")), qPrintable(r.errText()));
        QVERIFY2(r.errText().contains(more.first()), qPrintable(r.errText()));
    }

    void certificateProblemSuggestsInsecure()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend with OpenSSL here (QSslSocket::supportsSsl() is false)");
        ScriptedTlsServer server;
        QVERIFY2(server.isListening(), "tests/data/tls/server-cert.pem and server-key.pem could not be loaded");
        server.onRequest = [](ScriptedTlsServer &, QSslSocket &s) {
            ScriptedTlsServer::send(s, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nsecret\n");
            s.disconnectFromHost();
        };
        const QString url = QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort());

        const Run refused = httpGet({ url });
        QCOMPARE(refused.exitCode, 7);
        QVERIFY(refused.out.isEmpty());
        const QString err = refused.errText();
        QVERIFY2(err.contains(QStringLiteral("error: Protocol (TLS_CERTIFICATE): ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("\n  To go on anyway with this server, add --insecure")), qPrintable(err));
        QCOMPARE(server.lastRequest, QByteArray()); // nothing was sent

        // In JSON mode every line stays one JSON object: the hint is not printed there.
        const Run json = httpGet({ url, QStringLiteral("--json") });
        QCOMPARE(json.exitCode, 7);
        const QList<QJsonObject> lines = jsonLines(json.err);
        QVERIFY2(!lines.isEmpty(), json.err.constData());
        QCOMPARE(lines.last().value(QStringLiteral("os_error")).toString(), QStringLiteral("TLS_CERTIFICATE"));

        // And the hint is right: with --insecure the page comes.
        const Run insecure = httpGet({ url, QStringLiteral("--insecure") });
        QCOMPARE(insecure.exitCode, 0);
        QCOMPARE(insecure.out, QByteArray("secret\n"));
        QVERIFY(!insecure.errText().contains(QStringLiteral("add --insecure")));
    }

    void sameAsCurl_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("/") << "/" << 200;
        QTest::newRow("/headers") << "/headers" << 200;
        QTest::newRow("/chunked") << "/chunked" << 200;
        QTest::newRow("/status/404") << "/status/404" << 404;
        QTest::newRow("/redirect") << "/redirect" << 302;
        QTest::newRow("/bytes/100000") << "/bytes/100000" << 200;
    }

    void sameAsCurl()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty())
            QSKIP("curl is not on PATH (scripts/deps.sh lists it in SWB_TEST_DEPS): no side-by-side comparison");
        // The same request bytes from both: HTTP/1.1 with Host and Connection: close and nothing
        // else (curl's User-Agent and Accept removed), which /headers shows.
        const QString curlBody = m_dir.filePath(QStringLiteral("curl-body"));
        const Run c = run(curl,
            { QStringLiteral("-q"), QStringLiteral("-s"), QStringLiteral("-S"), QStringLiteral("--noproxy"),
                QStringLiteral("*"), QStringLiteral("-H"), QStringLiteral("User-Agent:"), QStringLiteral("-H"),
                QStringLiteral("Accept:"), QStringLiteral("-H"), QStringLiteral("Connection: close"),
                QStringLiteral("-o"), curlBody, QStringLiteral("-w"), QStringLiteral("%{http_code}"), labUrl(path) });
        QCOMPARE(c.exitCode, 0);
        QFile curlFile(curlBody);
        QVERIFY(curlFile.open(QIODevice::ReadOnly));
        const QByteArray curlBytes = curlFile.readAll();

        const Run ours
            = httpGet({ labUrl(path), QStringLiteral("--http"), QStringLiteral("1.1"), QStringLiteral("--json") });
        QCOMPARE(ours.exitCode, 0);
        const QList<QJsonObject> lines = jsonLines(ours.err);
        QVERIFY(!lines.isEmpty());
        const int ourStatus = lines.last().value(QStringLiteral("status")).toInt();

        QCOMPARE(c.out.toInt(), status);
        QCOMPARE(ourStatus, status);
        QCOMPARE(ours.out.size(), curlBytes.size());
        QVERIFY(ours.out == curlBytes);
        if (path == QLatin1String("/headers")) {
            QCOMPARE(ours.out,
                QByteArray("GET /headers HTTP/1.1\r\nHost: 127.0.0.1:") + QByteArray::number(labPort())
                    + "\r\nConnection: close\r\n\r\n");
        }
    }
};

QTEST_GUILESS_MAIN(TestCliHttpGet)
#include "tst_cli_httpget.moc"
