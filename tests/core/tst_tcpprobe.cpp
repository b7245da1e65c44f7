// TcpProbe against real servers on loopback: the trace of calls, both endpoints, sending,
// half-closing, the peer's close, and every failure classified.

#include "client/tcpprobe.h"
#include "server/listenserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <sys/socket.h>

using namespace swb;

class TestTcpProbe : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ListenServer> startServer(
        const QString &behaviour, const QString &bind = QStringLiteral("127.0.0.1"))
    {
        ListenServerOptions o;
        o.behaviour = behaviour;
        o.bindAddress = bind;
        auto server = std::make_unique<ListenServer>(o);
        QSignalSpy started(server.get(), &ListenServer::started);
        server->start();
        if (started.isEmpty())
            started.wait(2000);
        return server;
    }

    static QStringList calls(const QList<TraceEvent> &events)
    {
        QStringList out;
        for (const TraceEvent &e : events)
            if (!e.call.isEmpty())
                out << e.call;
        return out;
    }

    struct Run {
        QList<TraceEvent> events;
        TcpProbeResult result;
    };

    Run connectTo(TcpProbe &probe, const TcpProbeRequest &request)
    {
        Run run;
        auto c = connect(&probe, &TcpProbe::traced, this, [&run](const TraceEvent &e) { run.events.append(e); });
        QSignalSpy finished(&probe, &TcpProbe::finished);
        probe.start(request);
        if (finished.isEmpty())
            finished.wait(10000);
        disconnect(c);
        if (!finished.isEmpty())
            run.result = finished.first().first().value<TcpProbeResult>();
        return run;
    }

private slots:
    void connectsAndShowsBothEndpoints()
    {
        auto server = startServer(QStringLiteral("echo"));
        QVERIFY(server->isListening());
        TcpProbe probe;
        const Run run
            = connectTo(probe, { QStringLiteral("127.0.0.1"), QString::number(server->localEndpoint().port) });
        QVERIFY2(run.result.ok(), qPrintable(run.result.error.message));
        QCOMPARE(calls(run.events), (QStringList { "getaddrinfo", "socket", "connect", "getsockname", "getpeername" }));
        QCOMPARE(run.result.remote, server->localEndpoint());
        QCOMPARE(run.result.local.host, QStringLiteral("127.0.0.1"));
        QVERIFY(run.result.local.port != 0);
        QCOMPARE(probe.state(), TcpProbe::State::Connected);
        QCOMPARE(run.events.at(1).result.left(3), QStringLiteral("fd "));
        QCOMPARE(run.events.at(1).arguments, QStringLiteral("(AF_INET, SOCK_STREAM)"));
        QCOMPARE(run.events.at(3).result, run.result.local.toString());
    }

    void localPortChangesEachTime()
    {
        auto server = startServer(QStringLiteral("echo"));
        TcpProbe probe;
        const TcpProbeRequest request { QStringLiteral("127.0.0.1"), QString::number(server->localEndpoint().port) };
        const Run first = connectTo(probe, request);
        const Run second = connectTo(probe, request);
        QVERIFY(first.result.ok() && second.result.ok());
        QVERIFY(first.result.local.port != second.result.local.port);
    }

    void sendsReceivesAndSeesThePeerClose()
    {
        auto server = startServer(QStringLiteral("echo"));
        TcpProbe probe;
        QVERIFY(connectTo(probe, { QStringLiteral("127.0.0.1"), QString::number(server->localEndpoint().port) })
                    .result.ok());
        QList<TraceEvent> events;
        connect(&probe, &TcpProbe::traced, this, [&events](const TraceEvent &e) { events.append(e); });
        QSignalSpy closed(&probe, &TcpProbe::connectionClosed);
        QVERIFY(probe.send(QByteArrayLiteral("hello\r\n")));
        QTRY_COMPARE(probe.received(), QByteArrayLiteral("hello\r\n"));
        probe.halfClose();
        QCOMPARE(probe.state(), TcpProbe::State::HalfClosed);
        // The echo server finishes and closes once it has seen our end of stream.
        QTRY_COMPARE(closed.count(), 1);
        const SessionError why = closed.first().first().value<SessionError>();
        QVERIFY(!why.isError());
        QVERIFY(why.message.contains(QStringLiteral("recv() returned 0")));
        QStringList seen = calls(events);
        QCOMPARE(seen.first(), QStringLiteral("send"));
        QVERIFY(seen.contains(QStringLiteral("shutdown")));
        QCOMPARE(seen.last(), QStringLiteral("close"));
        QCOMPARE(events.first().payload, QByteArrayLiteral("hello\r\n"));
    }

    void welcomeServerConversation()
    {
        auto server = startServer(QStringLiteral("welcome"));
        TcpProbe probe;
        const Run run
            = connectTo(probe, { QStringLiteral("127.0.0.1"), QString::number(server->localEndpoint().port) });
        QVERIFY(run.result.ok());
        const QByteArray greeting = QByteArrayLiteral("Welcome, ('127.0.0.1', ")
            + QByteArray::number(run.result.local.port) + QByteArrayLiteral(")\nPlease enter a string:");
        QTRY_COMPARE(probe.received(), greeting);
        probe.send(QByteArrayLiteral("  socket  \n"));
        QTRY_COMPARE(probe.received(), greeting + QByteArrayLiteral("You entered 6 characters. \n"));
        QTRY_COMPARE(probe.state(), TcpProbe::State::Closed);
    }

    void refusedIsAConnectError()
    {
        QTcpServer placeholder;
        QVERIFY(placeholder.listen(QHostAddress::LocalHost, 0));
        const quint16 port = placeholder.serverPort();
        placeholder.close(); // nothing listens there now
        TcpProbe probe;
        const Run run = connectTo(probe, { QStringLiteral("127.0.0.1"), QString::number(port) });
        QCOMPARE(run.result.error.kind, ErrorKind::Connect);
        QCOMPARE(run.result.error.osError, QStringLiteral("ECONNREFUSED"));
        QVERIFY(run.result.error.explanation().contains(QStringLiteral("Nothing is listening")));
        QCOMPARE(run.events.last().result, QStringLiteral("ECONNREFUSED"));
        QCOMPARE(probe.state(), TcpProbe::State::Closed);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("field");
        QTest::newRow("port too big") << "127.0.0.1"
                                      << "70000"
                                      << "port";
        QTest::newRow("port zero") << "127.0.0.1"
                                   << "0"
                                   << "port";
        QTest::newRow("unknown service") << "127.0.0.1"
                                         << "nosuchservice"
                                         << "port";
        QTest::newRow("empty host") << ""
                                    << "80"
                                    << "host";
        QTest::newRow("host with space") << "local host"
                                         << "80"
                                         << "host";
    }

    void usageErrors()
    {
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, field);
        TcpProbe probe;
        const Run run = connectTo(probe, { host, port });
        QCOMPARE(run.result.error.kind, ErrorKind::Usage);
        QCOMPARE(run.result.error.field, field);
        QVERIFY(run.events.isEmpty()); // nothing was attempted
    }

    void serviceNameIsLookedUp()
    {
        TcpProbe probe;
        QList<TraceEvent> events;
        connect(&probe, &TcpProbe::traced, this, [&events](const TraceEvent &e) { events.append(e); });
        QSignalSpy finished(&probe, &TcpProbe::finished);
        probe.start({ QStringLiteral("127.0.0.1"), QStringLiteral("http"), AddressFamily::IPv4, 3000 });
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(events.first().call, QStringLiteral("getservbyname"));
        QCOMPARE(events.first().result, QStringLiteral("80"));
        QCOMPARE(probe.result().port, quint16(80));
    }

    void familyFilter()
    {
        TcpProbe probe;
        TcpProbeRequest request { QStringLiteral("127.0.0.1"), QStringLiteral("50007"), AddressFamily::IPv6, 3000 };
        const Run run = connectTo(probe, request);
        QCOMPARE(run.result.error.kind, ErrorKind::Resolve);
        QCOMPARE(run.result.error.osError, QStringLiteral("EAI_ADDRFAMILY"));
    }

    void ipv6Loopback()
    {
        auto server = startServer(QStringLiteral("echo"), QStringLiteral("::1"));
        if (!server->isListening())
            QSKIP("this machine has no IPv6 loopback");
        TcpProbe probe;
        const Run run = connectTo(
            probe, { QStringLiteral("::1"), QString::number(server->localEndpoint().port), AddressFamily::IPv6, 3000 });
        QVERIFY2(run.result.ok(), qPrintable(run.result.error.message));
        QCOMPARE(run.events.at(1).arguments, QStringLiteral("(AF_INET6, SOCK_STREAM)"));
        QCOMPARE(run.result.remote.toString(), QStringLiteral("[::1]:%1").arg(server->localEndpoint().port));
    }

    void unknownHostIsAResolveError()
    {
        if (qEnvironmentVariableIsEmpty("SWB_ISOLATED"))
            QSKIP("needs the private network namespace of tests/run-isolated.sh: a lookup of an unknown name would "
                  "otherwise send a DNS query off this machine");
        TcpProbe probe;
        const Run run = connectTo(probe, { QStringLiteral("no-such-host.invalid"), QStringLiteral("80") });
        QCOMPARE(run.result.error.kind, ErrorKind::Resolve);
        QCOMPARE(run.events.last().call, QStringLiteral("getaddrinfo"));
    }

    void noAnswerIsATimeout()
    {
        // A listener whose backlog is full and never accepts: further SYNs go unanswered.
        QTcpServer full;
        full.setListenBacklogSize(0);
        QVERIFY(full.listen(QHostAddress::LocalHost, 0));
        full.pauseAccepting();
        const QString port = QString::number(full.serverPort());
        QList<QTcpSocket *> fillers;
        for (int i = 0; i < 8; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(QHostAddress::LocalHost, full.serverPort());
            fillers.append(s);
        }
        QTest::qWait(200);
        TcpProbe probe;
        const Run run = connectTo(probe, { QStringLiteral("127.0.0.1"), port, AddressFamily::IPv4, 700 });
        qDeleteAll(fillers);
        QCOMPARE(run.result.error.kind, ErrorKind::Timeout);
        QCOMPARE(run.events.last().error, ErrorKind::Timeout);
    }

    void resetByPeerIsAnIoError()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        TcpProbe probe;
        const Run run = connectTo(probe, { QStringLiteral("127.0.0.1"), QString::number(server.serverPort()) });
        QVERIFY(run.result.ok());
        QTRY_VERIFY(server.hasPendingConnections());
        QTcpSocket *accepted = server.nextPendingConnection();
        QSignalSpy closed(&probe, &TcpProbe::connectionClosed);
        // SO_LINGER with a zero timeout turns close() into a reset (RST) instead of an orderly FIN.
        const linger hard { 1, 0 };
        QCOMPARE(::setsockopt(int(accepted->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard), 0);
        accepted->abort();
        QTRY_COMPARE(closed.count(), 1);
        const SessionError why = closed.first().first().value<SessionError>();
        QCOMPARE(why.kind, ErrorKind::Io);
        QCOMPARE(why.osError, QStringLiteral("ECONNRESET"));
    }
};

QTEST_GUILESS_MAIN(TestTcpProbe)
#include "tst_tcpprobe.moc"
