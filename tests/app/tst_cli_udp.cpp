// socket-workbench udp, run with QProcess against UDP servers in this process (on its event loop):
// the trace, the counters, connected and unconnected mode, loss, exit codes.

#include "clirun.h"
#include "server/listenserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUdpSocket>
#include <QtTest>

#include <memory>

using namespace swb;

class TestCliUdp : public QObject {
    Q_OBJECT

private:
    using Run = test::CliRun;

    static Run run(const QStringList &args, int timeoutMs = 15000)
    {
        return test::runCli(QStringList { QStringLiteral("udp") } + args, timeoutMs);
    }

    std::unique_ptr<ListenServer> udpServer(const QString &behaviour, int dropPercent = 0)
    {
        ListenServerOptions o;
        o.transport = Transport::Udp;
        o.behaviour = behaviour;
        o.dropPercent = dropPercent;
        o.dropSeed = 11;
        auto s = std::make_unique<ListenServer>(o);
        s->start();
        return s;
    }

    static quint16 closedPort()
    {
        QUdpSocket s;
        return s.bind(QHostAddress::LocalHost, 0) ? s.localPort() : 0;
    }

private slots:
    void echoShowsEveryCallAndTheCounts()
    {
        const auto echo = udpServer(QStringLiteral("echo"));
        QVERIFY(echo->isListening());
        const QString port = QString::number(echo->localEndpoint().port);
        const Run r = run({ QStringLiteral("127.0.0.1"), port, QStringLiteral("--data"), QStringLiteral("hello\\n"),
            QStringLiteral("--wait"), QStringLiteral("0.3") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("socket(AF_INET, SOCK_DGRAM)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("sendto(6 bytes")));
        QVERIFY(r.out.contains(QStringLiteral("recvfrom(")));
        QVERIFY(r.out.contains(QStringLiteral("from ('127.0.0.1', %1)").arg(port)));
        QVERIFY(r.out.contains(QStringLiteral("\"hello\\n\"")));
        QVERIFY(r.out.contains(QStringLiteral("Sent 1, received 1, unanswered 0 (0.0 % lost)")));
        QVERIFY(r.out.contains(QStringLiteral("Round trip: min ")));
    }

    void lossIsCounted()
    {
        const auto lossy = udpServer(QStringLiteral("echo"), 50);
        const Run r
            = run({ QStringLiteral("127.0.0.1"), QString::number(lossy->localEndpoint().port), QStringLiteral("--hex"),
                QStringLiteral("68 69"), QStringLiteral("--count"), QStringLiteral("10"), QStringLiteral("--interval"),
                QStringLiteral("10"), QStringLiteral("--wait"), QStringLiteral("0.3"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        const QJsonObject result = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("sent")).toInt(), 10);
        const int received = result.value(QStringLiteral("received")).toInt();
        QCOMPARE(qint64(received), lossy->stats().datagramsOut);
        QCOMPARE(result.value(QStringLiteral("unanswered")).toInt(), 10 - received);
        QVERIFY(received > 0 && received < 10);
    }

    void connectedHearsThePortIsClosed()
    {
        const Run r = run({ QStringLiteral("127.0.0.1"), QString::number(closedPort()), QStringLiteral("--connected"),
            QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--wait"), QStringLiteral("1") });
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("ECONNREFUSED")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("ICMP")));
    }

    void unconnectedCannotTell()
    {
        const Run r = run({ QStringLiteral("127.0.0.1"), QString::number(closedPort()), QStringLiteral("--data"),
            QStringLiteral("x"), QStringLiteral("--wait"), QStringLiteral("0.3") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("cannot tell")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Sent 1, received 0, unanswered 1 (100.0 % lost)")));
    }

    void emptyDatagramToTheTimeService()
    {
        // RFC 868 over UDP: an empty datagram asks for the time; 4 bytes come back.
        const auto time = udpServer(QStringLiteral("time"));
        const Run r = run({ QStringLiteral("127.0.0.1"), QString::number(time->localEndpoint().port),
            QStringLiteral("--wait"), QStringLiteral("0.3") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("sendto(0 bytes")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("-> 4 bytes from")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port") << QStringList { "127.0.0.1", "70000" };
        QTest::newRow("data and hex") << QStringList { "127.0.0.1", "7", "--data", "a", "--hex", "61" };
        QTest::newRow("bad hex") << QStringList { "127.0.0.1", "7", "--hex", "6g" };
        QTest::newRow("count") << QStringList { "127.0.0.1", "7", "--count", "0" };
        QTest::newRow("wait") << QStringList { "127.0.0.1", "7", "--wait", "nan" };
        QTest::newRow("buffer") << QStringList { "127.0.0.1", "7", "--buffer", "70000" };
        QTest::newRow("families") << QStringList { "127.0.0.1", "7", "-4", "-6" };
        QTest::newRow("too big") << QStringList { "127.0.0.1", "7", "--data", QString(65508, QLatin1Char('a')) };
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("error: Usage")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("sendto(")), qPrintable(r.out)); // refused before sending
    }
};

QTEST_GUILESS_MAIN(TestCliUdp)
#include "tst_cli_udp.moc"
