// socket-workbench time, run with QProcess against time, daytime and SNTP servers in this process
// (on its event loop): the decoding steps with the numbers in full, the date, and the exit codes.

#include "clirun.h"
#include "server/listenserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QProcess>
#include <QTcpServer>
#include <QUdpSocket>
#include <QtTest>

#include <memory>

using namespace swb;

class TestCliTime : public QObject {
    Q_OBJECT

private:
    using Run = test::CliRun;

    static Run run(const QStringList &args, int timeoutMs = 15000)
    {
        return test::runCli(QStringList { QStringLiteral("time") } + args, timeoutMs);
    }

    static std::unique_ptr<ListenServer> server(const QString &behaviour, Transport transport)
    {
        ListenServerOptions o;
        o.transport = transport;
        o.behaviour = behaviour;
        auto s = std::make_unique<ListenServer>(o);
        s->start();
        return s;
    }

    static QString year() { return QString::number(QDateTime::currentDateTimeUtc().date().year()); }

private slots:
    void rfc868_data()
    {
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<QString>("name");
        QTest::newRow("udp") << Transport::Udp << QStringLiteral("udp");
        QTest::newRow("tcp") << Transport::Tcp << QStringLiteral("tcp");
    }

    void rfc868()
    {
        QFETCH(Transport, transport);
        QFETCH(QString, name);
        const auto time = server(QStringLiteral("time"), transport);
        QVERIFY(time->isListening());
        const Run r = run({ QStringLiteral("127.0.0.1"), QStringLiteral("--transport"), name, QStringLiteral("--port"),
            QString::number(time->localEndpoint().port) });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("2208988800")), qPrintable(r.out));
        QVERIFY(r.out.contains(year()));
        QVERIFY(r.out.contains(QStringLiteral("attempt 1 of 3")));
        QVERIFY(r.out.contains(QStringLiteral("Server time: ")));
        QVERIFY(r.out.contains(QStringLiteral("Local clock: ")));
        QVERIFY(r.out.contains(QStringLiteral("Difference: ")));
    }

    void daytimeAndSntp_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<QString>("expected");
        QTest::newRow("daytime udp") << QStringLiteral("daytime") << Transport::Udp << QStringLiteral("Daytime text: ");
        QTest::newRow("daytime tcp") << QStringLiteral("daytime") << Transport::Tcp << QStringLiteral("Daytime text: ");
        QTest::newRow("sntp") << QStringLiteral("sntp") << Transport::Udp << QStringLiteral("Stratum");
    }

    void daytimeAndSntp()
    {
        QFETCH(QString, protocol);
        QFETCH(Transport, transport);
        QFETCH(QString, expected);
        const auto s = server(protocol, transport);
        QVERIFY(s->isListening());
        const Run r = run({ QStringLiteral("127.0.0.1"), QStringLiteral("--protocol"), protocol,
            QStringLiteral("--transport"), transport == Transport::Udp ? QStringLiteral("udp") : QStringLiteral("tcp"),
            QStringLiteral("--port"), QString::number(s->localEndpoint().port) });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(expected, Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY(r.out.contains(year()));
        QVERIFY(r.out.contains(QStringLiteral("Difference: ")));
    }

    void jsonResult()
    {
        const auto time = server(QStringLiteral("time"), Transport::Udp);
        const Run r = run({ QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
            QString::number(time->localEndpoint().port), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        const QJsonObject result = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY(result.value(QStringLiteral("steps")).toArray().size() > 3);
    }

    void silentServerTimesOut()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        const Run r = run({ QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(silent.localPort()),
            QStringLiteral("--retries"), QStringLiteral("2"), QStringLiteral("--timeout"), QStringLiteral("0.2") });
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.contains(QStringLiteral("attempt 2 of 2")));
        QVERIFY2(r.err.contains(QStringLiteral("a firewall may block UDP")), qPrintable(r.err));
    }

    void wrongSizedReply()
    {
        QUdpSocket bad;
        QVERIFY(bad.bind(QHostAddress::LocalHost, 0));
        connect(&bad, &QUdpSocket::readyRead, this, [&bad] {
            while (bad.hasPendingDatagrams()) {
                const QNetworkDatagram d = bad.receiveDatagram();
                bad.writeDatagram(QByteArray("abc"), d.senderAddress(), quint16(d.senderPort()));
            }
        });
        const Run r = run({ QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(bad.localPort()) });
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains(QStringLiteral("Wrong-sized reply")), qPrintable(r.err));
    }

    void refusedOverTcp()
    {
        quint16 port = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            port = s.serverPort();
        }
        const Run r = run({ QStringLiteral("127.0.0.1"), QStringLiteral("--transport"), QStringLiteral("tcp"),
            QStringLiteral("--port"), QString::number(port) });
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains(QStringLiteral("ECONNREFUSED")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("sntp over tcp") << QStringList { QStringLiteral("127.0.0.1"), QStringLiteral("--protocol"),
            QStringLiteral("sntp"), QStringLiteral("--transport"), QStringLiteral("tcp") };
        QTest::newRow("bad protocol") << QStringList { QStringLiteral("127.0.0.1"), QStringLiteral("--protocol"),
            QStringLiteral("ptp") };
        QTest::newRow("bad retries") << QStringList { QStringLiteral("127.0.0.1"), QStringLiteral("--retries"),
            QStringLiteral("0") };
        QTest::newRow("bad timeout") << QStringList { QStringLiteral("127.0.0.1"), QStringLiteral("--timeout"),
            QStringLiteral("nan") };
        QTest::newRow("no host") << QStringList {};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTime)
#include "tst_cli_time.moc"
