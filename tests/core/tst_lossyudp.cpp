// The UDP server's "lossy" option (ListenServerOptions::dropPercent, serve --drop): the share of
// datagrams it drops on purpose, chosen by a seeded generator so the test knows which ones.

#include "server/connectionmodel.h"
#include "server/listenserver.h"

#include <QRandomGenerator>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace swb;

class TestLossyUdp : public QObject {
    Q_OBJECT

private slots:
    void dropsTheChosenShare_data();
    void dropsTheChosenShare();
    void percentIsClamped();
};

namespace {

constexpr int kDatagrams = 200;

// Sends kDatagrams numbered datagrams to port and collects the echoes until none has come for a
// while (bounded): the numbers that came back.
QSet<int> echoes(quint16 port)
{
    QSet<int> back;
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return back;
    sockaddr_in to {};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < kDatagrams; ++i) {
        const QByteArray text = QByteArray::number(i);
        ::sendto(fd, text.constData(), size_t(text.size()), 0, reinterpret_cast<const sockaddr *>(&to), sizeof to);
        // The server runs on this thread's event loop: let it answer as we go.
        QCoreApplication::processEvents();
    }
    QElapsedTimer quiet;
    quiet.start();
    while (quiet.elapsed() < 300) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        char buffer[64];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            back.insert(QByteArray(buffer, int(n)).toInt());
            quiet.restart();
        }
    }
    ::close(fd);
    return back;
}

} // namespace

void TestLossyUdp::dropsTheChosenShare_data()
{
    QTest::addColumn<int>("percent");
    QTest::newRow("none") << 0;
    QTest::newRow("a third") << 33;
    QTest::newRow("all") << 100;
}

void TestLossyUdp::dropsTheChosenShare()
{
    QFETCH(int, percent);
    const quint32 seed = 20261122;
    ListenServerOptions options;
    options.transport = Transport::Udp;
    options.behaviour = QStringLiteral("echo");
    options.dropPercent = percent;
    options.dropSeed = seed;
    ListenServer server(options);
    int droppedNotes = 0;
    QVector<TraceEvent> events;
    connect(&server, &ListenServer::traced, this, [&](const TraceEvent &e) {
        events.append(e);
        if (e.kind == TraceKind::Note && e.result.contains(QStringLiteral("dropped on purpose")))
            ++droppedNotes;
    });
    server.start();
    QVERIFY(server.isListening());

    // The same generator, the same draws: exactly these datagrams are lost.
    QRandomGenerator replay(seed);
    QSet<int> expected;
    for (int i = 0; i < kDatagrams; ++i) {
        if (percent == 0 || int(replay.bounded(100)) >= percent)
            expected.insert(i);
    }
    const QSet<int> back = echoes(server.localEndpoint().port);
    QCOMPARE(back, expected);
    QCOMPARE(server.stats().datagramsIn, qint64(kDatagrams));
    QCOMPARE(server.stats().datagramsDropped, qint64(kDatagrams - expected.size()));
    QCOMPARE(droppedNotes, kDatagrams - int(expected.size()));
    // The Listen Server panel's counters line reads its numbers from the same events.
    ConnectionModel model(Transport::Udp);
    model.addEvents(events);
    QCOMPARE(model.counters().datagramsIn, qint64(kDatagrams));
    QCOMPARE(model.counters().datagramsDropped, server.stats().datagramsDropped);
    if (percent == 33) // about a third, not all or none
        QVERIFY(expected.size() > kDatagrams / 2 && expected.size() < kDatagrams * 5 / 6);
}

void TestLossyUdp::percentIsClamped()
{
    ListenServerOptions options;
    options.transport = Transport::Udp;
    options.dropPercent = 250; // more than everything is everything
    options.dropSeed = 1;
    ListenServer server(options);
    QStringList notes;
    connect(&server, &ListenServer::traced, this, [&](const TraceEvent &e) {
        if (e.kind == TraceKind::Note && e.result.contains(QStringLiteral("dropped on purpose")))
            notes << e.result;
    });
    server.start();
    QVERIFY(server.isListening());
    QVERIFY(echoes(server.localEndpoint().port).isEmpty());
    QCOMPARE(server.stats().datagramsDropped, qint64(kDatagrams));
    QVERIFY(!notes.isEmpty());
    QVERIFY2(notes.first().contains(QStringLiteral("100%")), qPrintable(notes.first())); // not 250%
}

QTEST_GUILESS_MAIN(TestLossyUdp)
#include "tst_lossyudp.moc"
