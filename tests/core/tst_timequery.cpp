// TimeQuery against the lab's time, daytime and SNTP servers over UDP and TCP, and against small
// sockets on loopback that stay silent or answer wrongly: retries, timeouts, the seed's
// "Wrong-sized reply", SNTP over TCP refused as a usage error, and cancelling.

#include "lab/locallab.h"
#include "time/timequery.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <cmath>
#include <memory>

using namespace swb;

class TestTimeQuery : public QObject {
    Q_OBJECT

private:
    struct Run {
        QList<TraceEvent> events;
        TimeQueryResult result;
        int finishedCount = 0;
    };

    Run run(const TimeQueryRequest &request)
    {
        Run r;
        TimeQuery query;
        connect(&query, &TimeQuery::traced, this, [&r](const TraceEvent &e) { r.events.append(e); });
        QSignalSpy finished(&query, &TimeQuery::finished);
        query.start(request);
        if (finished.isEmpty())
            finished.wait(20000);
        QTest::qWait(50); // a second finished() would show here
        r.finishedCount = int(finished.count());
        if (!finished.isEmpty())
            r.result = finished.first().first().value<TimeQueryResult>();
        return r;
    }

    static int notesContaining(const QList<TraceEvent> &events, const QString &text)
    {
        int n = 0;
        for (const TraceEvent &e : events)
            if (e.kind == TraceKind::Note && e.result.contains(text))
                ++n;
        return n;
    }

    std::unique_ptr<LocalLab> m_lab;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<TimeQueryResult>();
        m_lab = std::make_unique<LocalLab>();
        m_lab->setEphemeralPorts(true);
        QSignalSpy ready(m_lab.get(), &LocalLab::ready);
        m_lab->start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    }

    void cleanupTestCase()
    {
        m_lab->stop();
        m_lab.reset();
    }

    void againstTheLab_data()
    {
        QTest::addColumn<TimeProtocol>("protocol");
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<QString>("service");
        QTest::newRow("time udp") << TimeProtocol::Rfc868Time << Transport::Udp << QStringLiteral("time");
        QTest::newRow("time tcp") << TimeProtocol::Rfc868Time << Transport::Tcp << QStringLiteral("time");
        QTest::newRow("daytime udp") << TimeProtocol::Daytime << Transport::Udp << QStringLiteral("daytime");
        QTest::newRow("daytime tcp") << TimeProtocol::Daytime << Transport::Tcp << QStringLiteral("daytime");
        QTest::newRow("sntp udp") << TimeProtocol::Sntp << Transport::Udp << QStringLiteral("sntp");
    }

    void againstTheLab()
    {
        QFETCH(TimeProtocol, protocol);
        QFETCH(Transport, transport);
        QFETCH(QString, service);
        const quint16 port = m_lab->port(service, transport);
        QVERIFY(port != 0);
        TimeQueryRequest request;
        request.port = QString::number(port);
        request.protocol = protocol;
        request.transport = transport;
        request.timeoutMs = 5000;
        const Run r = run(request);
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result.ok(), qPrintable(r.result.error.message));
        QCOMPARE(r.result.attempts, 1);
        QCOMPARE(notesContaining(r.events, QStringLiteral("attempt 1 of 3")), 1);
        QVERIFY(!r.result.reply.isEmpty());
        QVERIFY(r.result.serverTime.isValid());
        QVERIFY(r.result.localClock.isValid());
        QVERIFY(r.result.differenceKnown);
        QVERIFY2(std::abs(r.result.differenceSeconds) < 5, qPrintable(QString::number(r.result.differenceSeconds)));
        QVERIFY(std::abs(r.result.serverTime.secsTo(QDateTime::currentDateTimeUtc())) < 5);
        switch (protocol) {
        case TimeProtocol::Rfc868Time:
            QVERIFY(r.result.time.has_value());
            QCOMPARE(r.result.reply.size(), 4);
            break;
        case TimeProtocol::Sntp:
            QVERIFY(r.result.sntp.has_value());
            QCOMPARE(r.result.reply.size(), 48);
            break;
        case TimeProtocol::Daytime:
            QVERIFY(r.result.daytime.has_value());
            break;
        }
        // The socket calls of the session underneath are forwarded.
        bool sawReceive = false;
        for (const TraceEvent &e : r.events)
            sawReceive = sawReceive || e.kind == TraceKind::Received;
        QVERIFY(sawReceive);
    }

    void silentPortTimesOutAfterEveryAttempt()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        TimeQueryRequest request;
        request.port = QString::number(silent.localPort());
        request.retries = 2;
        request.timeoutMs = 200;
        const Run r = run(request);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Timeout);
        QCOMPARE(r.result.attempts, 2);
        QCOMPARE(notesContaining(r.events, QStringLiteral("attempt 1 of 2 (")), 1);
        QCOMPARE(notesContaining(r.events, QStringLiteral("attempt 2 of 2 (")), 1);
        QVERIFY(notesContaining(r.events, QStringLiteral("attempt 3")) == 0);
        QVERIFY2(r.result.error.message.contains(QStringLiteral("a firewall may block UDP")),
            qPrintable(r.result.error.message));
        QVERIFY(r.result.error.message.contains(QStringLiteral("2 attempts")));
        QVERIFY(!r.result.error.message.contains(QStringLiteral("Internet")));
        QTRY_COMPARE_WITH_TIMEOUT(silent.hasPendingDatagrams(), true, 1000); // the empty datagrams did arrive
    }

    void wrongSizedReplyIsAProtocolError()
    {
        QUdpSocket server;
        QVERIFY(server.bind(QHostAddress::LocalHost, 0));
        connect(&server, &QUdpSocket::readyRead, this, [&server] {
            while (server.hasPendingDatagrams()) {
                const QNetworkDatagram d = server.receiveDatagram();
                server.writeDatagram(QByteArray("abc"), d.senderAddress(), quint16(d.senderPort()));
            }
        });
        TimeQueryRequest request;
        request.port = QString::number(server.localPort());
        request.timeoutMs = 5000;
        const Run r = run(request);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Protocol);
        QVERIFY2(
            r.result.error.message.contains(QStringLiteral("Wrong-sized reply")), qPrintable(r.result.error.message));
        QCOMPARE(r.result.reply, QByteArray("abc"));
        QVERIFY(r.result.time.has_value());
        QVERIFY(!r.result.time->steps.isEmpty()); // the bytes that came
        QVERIFY(!r.result.differenceKnown);
    }

    void sntpOverTcpIsAUsageError()
    {
        TimeQueryRequest request;
        request.port = QStringLiteral("1");
        request.protocol = TimeProtocol::Sntp;
        request.transport = Transport::Tcp;
        const Run r = run(request);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Usage);
        QCOMPARE(r.result.error.field, QStringLiteral("transport"));
        QCOMPARE(r.result.attempts, 0);
    }

    void closedTcpPortIsRefusedAtOnce()
    {
        quint16 port = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            port = s.serverPort();
        }
        TimeQueryRequest request;
        request.port = QString::number(port);
        request.transport = Transport::Tcp;
        const Run r = run(request);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Connect);
        QCOMPARE(r.result.attempts, 1);
    }

    void endlessTcpReplyIsCut()
    {
        // A server that streams (a wrong port, a chargen) is not a time server: the reply is cut
        // at 64 KiB with a Protocol error, not kept until the timeout.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QByteArray chunk(16384, 'x');
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                auto *pump = new QTimer(s);
                connect(pump, &QTimer::timeout, s, [s, chunk] {
                    if (s->bytesToWrite() < 4 * chunk.size())
                        s->write(chunk);
                });
                pump->start(1);
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        TimeQueryRequest request;
        request.port = QString::number(server.serverPort());
        request.transport = Transport::Tcp;
        request.timeoutMs = 10000;
        const Run r = run(request);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result.error.kind, ErrorKind::Protocol);
        QVERIFY2(r.result.error.message.contains(QStringLiteral("65536")), qPrintable(r.result.error.message));
    }

    void cancelFinishesOnce()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        TimeQuery query;
        QSignalSpy finished(&query, &TimeQuery::finished);
        TimeQueryRequest request;
        request.port = QString::number(silent.localPort());
        request.timeoutMs = 10000;
        query.start(request);
        QVERIFY(query.isRunning());
        QTest::qWait(50);
        query.cancel();
        QCOMPARE(finished.count(), 1);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        const auto r = finished.first().first().value<TimeQueryResult>();
        QCOMPARE(r.error.kind, ErrorKind::Local);
        QCOMPARE(r.error.osError, QStringLiteral("CANCELLED"));
        QVERIFY(!query.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestTimeQuery)
#include "tst_timequery.moc"
