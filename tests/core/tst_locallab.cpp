// LocalLab: every service starts on its worker thread, reports its real port, answers, and falls
// back to an ephemeral port when its preferred one is taken.

#include "lab/locallab.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

using namespace swb;

class TestLocalLab : public QObject {
    Q_OBJECT

private slots:
    void everyServiceRuns()
    {
        LocalLab lab;
        lab.setEphemeralPorts(true);
        QSignalSpy ready(&lab, &LocalLab::ready);
        lab.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
        const QList<LabService> services = lab.services();
        QCOMPARE(services.size(), LocalLab::defaultServices().size());
        for (const LabService &s : services) {
            QVERIFY2(s.running, qPrintable(s.label() + QStringLiteral(": ") + s.error));
            QVERIFY(s.port != 0);
        }
        // The echo service answers over TCP and UDP.
        QTcpSocket tcp;
        tcp.connectToHost(QHostAddress::LocalHost, lab.port(QStringLiteral("echo")));
        QTRY_COMPARE(tcp.state(), QAbstractSocket::ConnectedState);
        tcp.write("ping\n");
        QTRY_COMPARE(tcp.bytesAvailable(), qint64(5));
        QCOMPARE(tcp.readAll(), QByteArrayLiteral("ping\n"));

        QUdpSocket udp;
        udp.writeDatagram("dgram", QHostAddress::LocalHost, lab.port(QStringLiteral("echo"), Transport::Udp));
        QTRY_VERIFY(udp.hasPendingDatagrams());
        QCOMPARE(udp.receiveDatagram().data(), QByteArrayLiteral("dgram"));
        lab.stop();
        QVERIFY(!lab.isReady());
    }

    void eventsComeFromTheWorkerThread()
    {
        LocalLab lab;
        lab.setEphemeralPorts(true);
        QThread *seenOn = nullptr;
        QAtomicInt count;
        connect(
            &lab, &LocalLab::traced, this,
            [&](const TraceEvent &) {
                seenOn = QThread::currentThread();
                count.ref();
            },
            Qt::DirectConnection);
        QSignalSpy ready(&lab, &LocalLab::ready);
        lab.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
        QVERIFY(count.loadRelaxed() > 0);
        QVERIFY(seenOn != QThread::currentThread());
        lab.stop();
    }

    void takenPortFallsBackToEphemeral()
    {
        // Occupy the preferred welcome port if we can; if something else already has it, fine too.
        QTcpServer squatter;
        const bool squatting = squatter.listen(QHostAddress::LocalHost, 51444);
        LocalLab lab;
        QSignalSpy ready(&lab, &LocalLab::ready);
        lab.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
        const quint16 port = lab.port(QStringLiteral("welcome"));
        QVERIFY(port != 0);
        if (squatting)
            QVERIFY(port != 51444);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QTRY_VERIFY(client.bytesAvailable() > 0);
        QVERIFY(client.readAll().startsWith("Welcome, ('127.0.0.1', "));
        lab.stop();
    }
};

QTEST_GUILESS_MAIN(TestLocalLab)
#include "tst_locallab.moc"
