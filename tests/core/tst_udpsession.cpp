// UdpSession against the lab's UDP servers and small UDP sockets on loopback: the trace of calls,
// replies with their senders and round-trip times, connected and unconnected mode side by side,
// ICMP port-unreachable, the size rules, truncation, repeat sending, binding and cancelling.

#include "client/udpsession.h"
#include "lab/locallab.h"
#include "net/sockutil.h"
#include "server/listenserver.h"

#include <QNetworkDatagram>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace swb;

class TestUdpSession : public QObject {
    Q_OBJECT

private:
    struct Run {
        QList<TraceEvent> events;
        QList<UdpExchange> sent;
        QList<UdpReply> received;
        UdpSessionResult result;
        int finishedCount = 0;
    };

    Run run(const UdpSessionRequest &request)
    {
        Run r;
        UdpSession session;
        connect(&session, &UdpSession::traced, this, [&r](const TraceEvent &e) { r.events.append(e); });
        connect(&session, &UdpSession::datagramSent, this, [&r](const UdpExchange &x) { r.sent.append(x); });
        connect(&session, &UdpSession::datagramReceived, this, [&r](const UdpReply &x) { r.received.append(x); });
        QSignalSpy finished(&session, &UdpSession::finished);
        session.start(request);
        if (finished.isEmpty())
            finished.wait(20000);
        r.finishedCount = int(finished.count());
        if (!finished.isEmpty())
            r.result = finished.first().first().value<UdpSessionResult>();
        return r;
    }

    static QStringList calls(const QList<TraceEvent> &events)
    {
        QStringList out;
        for (const TraceEvent &e : events)
            if (!e.call.isEmpty())
                out << e.call;
        return out;
    }

    static const TraceEvent *find(const QList<TraceEvent> &events, const QString &call)
    {
        for (const TraceEvent &e : events)
            if (e.call == call)
                return &e;
        return nullptr;
    }

    static bool hasNote(const QList<TraceEvent> &events, const QString &text)
    {
        for (const TraceEvent &e : events)
            if (e.kind == TraceKind::Note && e.result.contains(text))
                return true;
        return false;
    }

    UdpSessionRequest echoRequest(bool connected = false) const
    {
        UdpSessionRequest r;
        r.port = QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp));
        r.connected = connected;
        r.payload = "ping";
        r.receiveWindowMs = 10000;
        r.finishWhenAllAnswered = true;
        return r;
    }

    // A UDP port nothing listens on: bound, then closed.
    static QStringList setsockoptArguments(const QList<TraceEvent> &events)
    {
        QStringList options;
        for (const TraceEvent &e : events)
            if (e.call == QLatin1String("setsockopt"))
                options << e.arguments;
        return options;
    }

    static quint16 closedPort()
    {
        QUdpSocket s;
        if (!s.bind(QHostAddress::LocalHost, 0))
            return 0;
        return s.localPort();
    }

    std::unique_ptr<LocalLab> m_lab;

private slots:
    void initTestCase()
    {
        m_lab = std::make_unique<LocalLab>();
        m_lab->setEphemeralPorts(true);
        QSignalSpy ready(m_lab.get(), &LocalLab::ready);
        m_lab->start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QVERIFY(m_lab->port(QStringLiteral("echo"), Transport::Udp) != 0);
        QVERIFY(m_lab->port(QStringLiteral("time"), Transport::Udp) != 0);
    }

    void cleanupTestCase()
    {
        m_lab->stop();
        m_lab.reset();
    }

    void unconnectedEcho()
    {
        const Run r = run(echoRequest());
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(
            calls(r.events), (QStringList { "getaddrinfo", "socket", "sendto", "getsockname", "recvfrom", "close" }));
        QVERIFY(hasNote(r.events, QStringLiteral("implicit bind")));
        const Endpoint lab { QStringLiteral("127.0.0.1"), m_lab->port(QStringLiteral("echo"), Transport::Udp) };
        QCOMPARE(r.result.remote, lab);
        QCOMPARE(r.result.local.host, QStringLiteral("0.0.0.0"));
        QVERIFY(r.result.local.port != 0);
        QCOMPARE(r.result.sent, 1);
        QCOMPARE(r.result.received, 1);
        QCOMPARE(r.result.answered, 1);
        QCOMPARE(r.result.unanswered, 0);
        QCOMPARE(r.sent.size(), 1);
        QCOMPARE(r.received.size(), 1);
        const UdpReply &reply = r.received.first();
        QCOMPARE(reply.payload, QByteArrayLiteral("ping"));
        QCOMPARE(reply.sender, lab);
        QCOMPARE(reply.answers, 1);
        QVERIFY(reply.rttNs >= 0);
        QVERIFY(!reply.truncated);
        QCOMPARE(r.result.exchanges.size(), 1);
        QVERIFY(r.result.exchanges.first().answered());
        QCOMPARE(r.result.exchanges.first().rttNs(), reply.rttNs);
        QCOMPARE(r.result.exchanges.first().replySender, lab);
        const TraceEvent *recv = find(r.events, QStringLiteral("recvfrom"));
        QVERIFY(recv);
        QCOMPARE(recv->remote, lab);
        QCOMPARE(recv->size, qint64(4));
        QVERIFY2(recv->result.contains(lab.toPythonTuple()), qPrintable(recv->result));
        const TraceEvent *send = find(r.events, QStringLiteral("sendto"));
        QCOMPARE(send->payload, QByteArrayLiteral("ping"));
        QCOMPARE(send->arguments, QStringLiteral("(4 bytes, %1)").arg(lab.toPythonTuple()));
        QCOMPARE(r.events.at(1).arguments, QStringLiteral("(AF_INET, SOCK_DGRAM)"));
    }

    void connectedEcho()
    {
        const Run r = run(echoRequest(true));
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(calls(r.events),
            (QStringList { "getaddrinfo", "socket", "connect", "getsockname", "send", "recv", "close" }));
        QVERIFY(hasNote(r.events, QStringLiteral("nothing is sent")));
        // connect() picked the source address and port: getsockname shows both before anything was sent.
        QCOMPARE(r.result.local.host, QStringLiteral("127.0.0.1"));
        QVERIFY(r.result.local.port != 0);
        QCOMPARE(r.result.received, 1);
        QCOMPARE(r.received.first().payload, QByteArrayLiteral("ping"));
        QCOMPARE(r.received.first().sender, r.result.remote);
        QVERIFY(r.received.first().rttNs >= 0);
    }

    void emptyDatagramToTheTimeService()
    {
        UdpSessionRequest q;
        q.port = QString::number(m_lab->port(QStringLiteral("time"), Transport::Udp));
        q.receiveWindowMs = 10000;
        q.finishWhenAllAnswered = true;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.sent.first().size, qint64(0));
        QCOMPARE(find(r.events, QStringLiteral("sendto"))->result, QStringLiteral("0"));
        QCOMPARE(r.received.size(), 1);
        QCOMPARE(r.received.first().size, qint64(4));
        QCOMPARE(r.received.first().payload.size(), 4);
    }

    // A server that answers from another socket: the unconnected client takes the reply and shows
    // who sent it; the connected one never sees it (the kernel drops it), only the peer's own reply.
    void replyFromAnotherSender_data()
    {
        QTest::addColumn<bool>("connected");
        QTest::newRow("unconnected") << false;
        QTest::newRow("connected") << true;
    }

    void replyFromAnotherSender()
    {
        QFETCH(bool, connected);
        QUdpSocket server;
        QUdpSocket other;
        QVERIFY(server.bind(QHostAddress::LocalHost, 0));
        QVERIFY(other.bind(QHostAddress::LocalHost, 0));
        QByteArray seen;
        connect(&server, &QUdpSocket::readyRead, this, [&] {
            while (server.hasPendingDatagrams()) {
                const QNetworkDatagram d = server.receiveDatagram();
                seen = d.data();
                other.writeDatagram("from other", d.senderAddress(), quint16(d.senderPort()));
                server.writeDatagram("from server", d.senderAddress(), quint16(d.senderPort()));
            }
        });
        UdpSessionRequest q;
        q.port = QString::number(server.localPort());
        q.connected = connected;
        q.payload = "who answers?";
        q.receiveWindowMs = 10000;
        q.finishWhenAllAnswered = connected; // unconnected: the window stays open for both replies
        if (!connected)
            q.receiveWindowMs = 1500;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(seen, QByteArrayLiteral("who answers?"));
        const Endpoint serverEnd { QStringLiteral("127.0.0.1"), server.localPort() };
        const Endpoint otherEnd { QStringLiteral("127.0.0.1"), other.localPort() };
        if (connected) {
            // "from other" was sent first; had it been let through it would be the first reply.
            QCOMPARE(r.received.size(), 1);
            QCOMPARE(r.received.first().payload, QByteArrayLiteral("from server"));
            QCOMPARE(r.received.first().sender, serverEnd);
            QCOMPARE(r.result.unanswered, 0);
        } else {
            QCOMPARE(r.received.size(), 2);
            QCOMPARE(r.received.at(0).payload, QByteArrayLiteral("from other"));
            QCOMPARE(r.received.at(0).sender, otherEnd);
            QCOMPARE(r.received.at(0).answers, 1);
            QCOMPARE(r.received.at(1).sender, serverEnd);
            QCOMPARE(r.received.at(1).answers, 0); // the only send was already answered
            QCOMPARE(r.result.received, 2);
            QCOMPARE(r.result.answered, 1);
            QCOMPARE(r.result.exchanges.first().replySender, otherEnd);
            QVERIFY(hasNote(r.events, QStringLiteral("accepts datagrams from any sender")));
        }
    }

    void connectedToAClosedPortIsRefused()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        UdpSessionRequest q;
        q.port = QString::number(port);
        q.connected = true;
        q.payload = "anyone?";
        q.count = 3;
        q.intervalMs = 100;
        q.receiveWindowMs = 5000;
        const Run r = run(q);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Connect);
        QCOMPARE(r.result.error.osError, QStringLiteral("ECONNREFUSED"));
        QVERIFY2(r.result.error.message.contains(QStringLiteral("ICMP port-unreachable")),
            qPrintable(r.result.error.message));
        QVERIFY(!r.result.error.explanation().isEmpty());
        QVERIFY(r.result.sent >= 1);
        QCOMPARE(r.result.received, 0);
        QCOMPARE(r.events.last().call, QStringLiteral("close"));
        bool errorTraced = false;
        for (const TraceEvent &e : r.events)
            errorTraced |= e.kind == TraceKind::Error && e.result == QLatin1String("ECONNREFUSED");
        QVERIFY(errorTraced);
    }

    void unconnectedToAClosedPortHearsNothing()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        UdpSessionRequest q;
        q.port = QString::number(port);
        q.payload = "anyone?";
        q.receiveWindowMs = 300;
        const Run r = run(q);
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.result.sent, 1);
        QCOMPARE(r.result.received, 0);
        QCOMPARE(r.result.unanswered, 1);
        QVERIFY(!r.result.exchanges.first().answered());
        QCOMPARE(r.result.exchanges.first().rttNs(), qint64(-1));
        QVERIFY(hasNote(r.events, QStringLiteral("cannot tell")));
        QVERIFY(r.result.durationNs >= 300 * 1000000LL);
    }

    void oversizePayloadIsAUsageError_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("size");
        QTest::newRow("IPv4 numeric") << QStringLiteral("127.0.0.1") << int(AddressFamily::Any) << 65508;
        QTest::newRow("IPv4 chosen") << QStringLiteral("localhost") << int(AddressFamily::IPv4) << 65508;
        QTest::newRow("IPv6 numeric") << QStringLiteral("::1") << int(AddressFamily::Any) << 65528;
        QTest::newRow("any family, over both") << QStringLiteral("localhost") << int(AddressFamily::Any) << 70000;
    }

    void oversizePayloadIsAUsageError()
    {
        QFETCH(QString, host);
        QFETCH(int, family);
        QFETCH(int, size);
        UdpSessionRequest q;
        q.host = host;
        q.family = AddressFamily(family);
        q.port = QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp));
        q.payload = QByteArray(size, 'x');
        const Run r = run(q);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Usage);
        QCOMPARE(r.result.error.field, QStringLiteral("payload"));
        QVERIFY2(r.result.error.message.contains(QStringLiteral("UDP header")), qPrintable(r.result.error.message));
        QVERIFY(!find(r.events, QStringLiteral("socket")));
        QCOMPARE(r.result.sent, 0);
    }

    void largestIPv4PayloadIsSent()
    {
        UdpSessionRequest q = echoRequest();
        q.payload = QByteArray(kMaxUdpPayloadIPv4, 'y');
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.result.exchanges.first().size, qint64(kMaxUdpPayloadIPv4));
        QCOMPARE(r.received.first().size, qint64(kMaxUdpPayloadIPv4));
        QCOMPARE(r.received.first().payload, q.payload);
    }

    void smallBufferTruncates()
    {
        UdpSessionRequest q = echoRequest();
        q.payload = QByteArray(2000, 'z');
        q.readBufferSize = 100;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.received.size(), 1);
        QVERIFY(r.received.first().truncated);
        QCOMPARE(r.received.first().size, qint64(2000));
        QCOMPARE(r.received.first().payload, QByteArray(100, 'z'));
        QCOMPARE(r.result.truncated, 1);
        const TraceEvent *recv = find(r.events, QStringLiteral("recvfrom"));
        QCOMPARE(recv->arguments, QStringLiteral("(100, MSG_TRUNC)"));
        QCOMPARE(recv->size, qint64(2000));
        QVERIFY2(recv->result.contains(QStringLiteral("truncated")), qPrintable(recv->result));
    }

    void repeatSendsInOrder_data()
    {
        QTest::addColumn<bool>("connected");
        QTest::newRow("unconnected") << false;
        QTest::newRow("connected") << true;
    }

    void repeatSendsInOrder()
    {
        QFETCH(bool, connected);
        UdpSessionRequest q = echoRequest(connected);
        q.count = 5;
        q.intervalMs = 20;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.result.sent, 5);
        QCOMPARE(r.result.received, 5);
        QCOMPARE(r.result.unanswered, 0);
        QCOMPARE(r.sent.size(), 5);
        QCOMPARE(r.received.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(r.sent.at(i).index, i + 1);
            QCOMPARE(r.received.at(i).answers, i + 1);
            const UdpExchange &x = r.result.exchanges.at(i);
            QVERIFY(x.answered());
            QVERIFY(x.rttNs() >= 0);
            if (i > 0) {
                QVERIFY(x.sentNs > r.result.exchanges.at(i - 1).sentNs);
                QVERIFY(x.replyNs >= r.result.exchanges.at(i - 1).replyNs);
            }
        }
        // Four intervals of 20 ms between the first send and the last (timers never fire early by much).
        QVERIFY(r.result.exchanges.last().sentNs - r.result.exchanges.first().sentNs >= 70 * 1000000LL);
    }

    void lossPairsRepliesWithTheirOwnDatagrams()
    {
        // A lossy echo on this machine: every other datagram is dropped. The payloads are all alike,
        // so each reply is paired with the newest datagram still waiting: the one just sent, with
        // a round trip far below the interval, not an older, lost one.
        ListenServerOptions options;
        options.transport = Transport::Udp;
        options.behaviour = QStringLiteral("echo");
        options.dropPercent = 50;
        options.dropSeed = 7;
        ListenServer lossy(options);
        lossy.start();
        QVERIFY(lossy.isListening());
        UdpSessionRequest request;
        request.port = QString::number(lossy.localEndpoint().port);
        request.payload = "same";
        request.count = 12;
        request.intervalMs = 60;
        request.receiveWindowMs = 400;
        const Run r = run(request);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.result.sent, 12);
        QCOMPARE(r.result.received, int(lossy.stats().datagramsOut));
        QVERIFY(r.result.received > 0 && r.result.received < 12);
        QCOMPARE(r.result.unanswered, 12 - r.result.received);
        for (const UdpReply &reply : r.received) {
            QVERIFY(reply.answers > 0);
            QVERIFY2(reply.rttNs < 40 * 1000000LL, qPrintable(QString::number(reply.rttNs)));
        }
    }

    void bindsAChosenLocalPort()
    {
        const quint16 port = SockUtil::findFreePort(QStringLiteral("0.0.0.0"), Transport::Udp, 40000);
        QVERIFY(port != 0);
        UdpSessionRequest q = echoRequest();
        q.localPort = port;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(calls(r.events),
            (QStringList { "getaddrinfo", "socket", "bind", "getsockname", "sendto", "recvfrom", "close" }));
        QCOMPARE(find(r.events, QStringLiteral("bind"))->arguments, QStringLiteral("(('', %1))").arg(port));
        QCOMPARE(r.result.local.port, port);
        QCOMPARE(find(r.events, QStringLiteral("getsockname"))->result, QStringLiteral("0.0.0.0:%1").arg(port));
        QVERIFY(!hasNote(r.events, QStringLiteral("implicit bind")));
        QCOMPARE(r.result.received, 1);
    }

    void bindingATakenPortFails()
    {
        QUdpSocket taken;
        QVERIFY(taken.bind(QHostAddress::AnyIPv4, 0));
        UdpSessionRequest q = echoRequest();
        q.localPort = taken.localPort();
        const Run r = run(q);
        QCOMPARE(r.result.error.kind, ErrorKind::Local);
        QCOMPARE(r.result.error.osError, QStringLiteral("EADDRINUSE"));
        QCOMPARE(r.result.sent, 0);
        QCOMPARE(r.events.last().call, QStringLiteral("close"));
    }

    void serviceNameIsLookedUpForUdp()
    {
        if (EndpointParser::lookupService(QStringLiteral("echo"), Transport::Udp) != quint16(7))
            QSKIP("/etc/services has no echo/udp");
        if (qEnvironmentVariableIsEmpty("SWB_ISOLATED"))
            QSKIP("binds port 7: only in the private network namespace of tests/run-isolated.sh");
        QUdpSocket echo;
        if (!echo.bind(QHostAddress::LocalHost, 7))
            QSKIP("cannot bind UDP port 7 here");
        connect(&echo, &QUdpSocket::readyRead, this, [&echo] {
            while (echo.hasPendingDatagrams()) {
                const QNetworkDatagram d = echo.receiveDatagram();
                echo.writeDatagram(d.makeReply(d.data()));
            }
        });
        UdpSessionRequest q = echoRequest();
        q.port = QStringLiteral("echo");
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.events.first().call, QStringLiteral("getservbyname"));
        QCOMPARE(r.events.first().arguments, QStringLiteral("(\"echo\", \"udp\")"));
        QCOMPARE(r.events.first().result, QStringLiteral("7"));
        QCOMPARE(r.result.remote.port, quint16(7));
        QCOMPARE(r.received.first().payload, QByteArrayLiteral("ping"));
    }

    void unknownServiceIsAUsageError()
    {
        UdpSessionRequest q = echoRequest();
        q.port = QStringLiteral("no-such-service-here");
        const Run r = run(q);
        QCOMPARE(r.result.error.kind, ErrorKind::Usage);
        QCOMPARE(r.result.error.field, QStringLiteral("port"));
        QVERIFY(r.events.isEmpty());
    }

    void cancelInTheWindow()
    {
        const quint16 port = closedPort();
        UdpSession session;
        QSignalSpy finished(&session, &UdpSession::finished);
        QSignalSpy sent(&session, &UdpSession::datagramSent);
        QList<TraceEvent> events;
        connect(&session, &UdpSession::traced, this, [&events](const TraceEvent &e) { events.append(e); });
        UdpSessionRequest q;
        q.port = QString::number(port);
        q.receiveWindowMs = 30000;
        session.start(q);
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 1, 10000);
        QVERIFY(session.isRunning());
        session.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!session.isRunning());
        const UdpSessionResult result = finished.first().first().value<UdpSessionResult>();
        QCOMPARE(result.error.kind, ErrorKind::Local);
        QCOMPARE(result.error.osError, QStringLiteral("CANCELLED"));
        QVERIFY(!result.error.explanation().isEmpty());
        QCOMPARE(result.sent, 1);
        QCOMPARE(events.last().call, QStringLiteral("close"));
        session.cancel(); // nothing runs: no second finished()
        QVERIFY(!finished.wait(200));
        QCOMPARE(finished.count(), 1);
    }

    void cancelWhileResolving()
    {
        UdpSession session;
        QSignalSpy finished(&session, &UdpSession::finished);
        UdpSessionRequest q = echoRequest();
        q.host = QStringLiteral("localhost");
        session.start(q);
        session.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<UdpSessionResult>().error.osError, QStringLiteral("CANCELLED"));
        QVERIFY(!finished.wait(300)); // the lookup's late answer is ignored
    }

    // Slots may cancel, restart or delete the session from inside any of its signals.
    void slotsMayRestartOrDelete()
    {
        // Restart from finished(): each start() gets exactly one finished().
        {
            UdpSession session;
            QSignalSpy finished(&session, &UdpSession::finished);
            int restarts = 0;
            connect(&session, &UdpSession::finished, this, [&] {
                if (restarts++ < 2)
                    session.start(echoRequest());
            });
            session.start(echoRequest());
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
            for (const QList<QVariant> &args : finished)
                QVERIFY(args.first().value<UdpSessionResult>().ok());
            QVERIFY(!finished.wait(200));
            QCOMPARE(finished.count(), 3);
        }
        // Restart from traced() while the first session is sending: the first is cancelled.
        {
            UdpSession session;
            QSignalSpy finished(&session, &UdpSession::finished);
            bool restarted = false;
            connect(&session, &UdpSession::traced, this, [&](const TraceEvent &e) {
                if (!restarted && e.call == QLatin1String("sendto")) {
                    restarted = true;
                    session.start(echoRequest(true));
                }
            });
            session.start(echoRequest());
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
            QCOMPARE(finished.at(0).first().value<UdpSessionResult>().error.osError, QStringLiteral("CANCELLED"));
            const UdpSessionResult second = finished.at(1).first().value<UdpSessionResult>();
            QVERIFY2(second.ok(), qPrintable(second.error.message));
            QVERIFY(second.connected);
            QCOMPARE(second.received, 1);
        }
        // Delete from each kind of signal: no crash, nothing after.
        const QStringList where { "traced", "datagramSent", "datagramReceived", "finished" };
        for (const QString &when : where) {
            QPointer<UdpSession> session = new UdpSession;
            bool deleted = false;
            auto kill = [&] {
                if (!deleted) {
                    deleted = true;
                    delete session.data();
                }
            };
            if (when == QLatin1String("traced"))
                connect(session, &UdpSession::traced, this, [&](const TraceEvent &e) {
                    if (e.call == QLatin1String("socket"))
                        kill();
                });
            else if (when == QLatin1String("datagramSent"))
                connect(session, &UdpSession::datagramSent, this, kill);
            else if (when == QLatin1String("datagramReceived"))
                connect(session, &UdpSession::datagramReceived, this, kill);
            else
                connect(session, &UdpSession::finished, this, kill);
            session->start(echoRequest());
            QTRY_VERIFY2_WITH_TIMEOUT(session.isNull(), qPrintable(when), 10000);
        }
    }

    void broadcastNeedsTheOption_data()
    {
        QTest::addColumn<bool>("broadcast");
        QTest::newRow("without SO_BROADCAST") << false;
        QTest::newRow("with SO_BROADCAST") << true;
    }

    // 127.255.255.255 is the loopback network's broadcast address in the kernel's local table, so
    // the rule shows without a LAN: sending there needs SO_BROADCAST (EACCES otherwise).
    void broadcastNeedsTheOption()
    {
        QFETCH(bool, broadcast);
        UdpSessionRequest q;
        q.host = QStringLiteral("127.255.255.255");
        q.port = QString::number(closedPort());
        q.broadcast = broadcast;
        q.receiveWindowMs = 100;
        const Run r = run(q);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(bool(find(r.events, QStringLiteral("setsockopt"))), broadcast);
        if (broadcast) {
            QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
            QCOMPARE(find(r.events, QStringLiteral("setsockopt"))->arguments,
                QStringLiteral("(SOL_SOCKET, SO_BROADCAST, 1)"));
            QCOMPARE(r.result.sent, 1);
        } else {
            QCOMPARE(r.result.error.osError, QStringLiteral("EACCES"));
            QVERIFY2(
                r.result.error.message.contains(QStringLiteral("SO_BROADCAST")), qPrintable(r.result.error.message));
            QCOMPARE(r.result.sent, 0);
        }
    }

    void multicastOptionsAreTraced()
    {
        UdpSessionRequest q = echoRequest();
        q.multicastTtl = 4;
        q.multicastLoop = 0;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        const QStringList options = setsockoptArguments(r.events);
        QCOMPARE(options, (QStringList { "(IPPROTO_IP, IP_MULTICAST_TTL, 4)", "(IPPROTO_IP, IP_MULTICAST_LOOP, 0)" }));
    }

    // The LAN lesson on one machine: a socket bound to a port joins a group on 127.0.0.1 and sends
    // to that group and port; with loopback on it hears its own datagram, from its own address.
    void multicastOnLoopbackHearsItself()
    {
        const quint16 port = closedPort();
        UdpSessionRequest q;
        q.host = QStringLiteral("239.255.42.99");
        q.port = QString::number(port);
        q.localPort = port;
        q.payload = "to the group";
        q.multicastGroup = QStringLiteral("239.255.42.99");
        q.multicastInterface = QStringLiteral("127.0.0.1");
        q.multicastLoop = 1;
        q.receiveWindowMs = 300;
        q.finishWhenAllAnswered = true;
        const Run r = run(q);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        const QStringList options = setsockoptArguments(r.events);
        QVERIFY2(options.contains(QStringLiteral("(IPPROTO_IP, IP_ADD_MEMBERSHIP, 239.255.42.99 on 127.0.0.1)")),
            qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY(options.contains(QStringLiteral("(IPPROTO_IP, IP_MULTICAST_IF, 127.0.0.1)")));
        QCOMPARE(r.result.sent, 1);
        QCOMPARE(r.result.received, 1);
        QCOMPARE(r.received.first().payload, QByteArray("to the group"));
        QCOMPARE(r.received.first().sender.port, port);
        // (IP_MULTICAST_LOOP off changes nothing here: what leaves by lo always comes back in.)
    }

    void badRequestsAreUsageErrors_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("buffer");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("field");
        QTest::newRow("count 0") << 0 << 65536 << QString() << QStringLiteral("count");
        QTest::newRow("buffer 0") << 1 << 0 << QString() << QStringLiteral("buffer");
        QTest::newRow("not multicast") << 1 << 65536 << QStringLiteral("10.0.0.1") << QStringLiteral("group");
    }

    void badRequestsAreUsageErrors()
    {
        QFETCH(int, count);
        QFETCH(int, buffer);
        QFETCH(QString, group);
        QFETCH(QString, field);
        UdpSessionRequest q = echoRequest();
        q.count = count;
        q.readBufferSize = buffer;
        q.multicastGroup = group;
        const Run r = run(q);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Usage);
        QCOMPARE(r.result.error.field, field);
        QVERIFY(r.events.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUdpSession)
#include "tst_udpsession.moc"
