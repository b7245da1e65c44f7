// Clients that misbehave on purpose, against a real ListenServer on 127.0.0.1 port 0: a line that never
// ends, slow-loris clients, a flood of connections, resets in the middle of a reply, terminal escape
// sequences, a stop with many clients, a port already taken. Each is bounded in time and count, and
// each ends by checking that the server still serves a fresh client.

#include "net/payloadcodec.h"
#include "net/sockutil.h"
#include "server/connectionmodel.h"
#include "server/listenserver.h"
#include "server/serverconnection.h"
#include "server/serversession.h"
#include "testclient.h"
#include "trace/consoleformat.h"
#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <cerrno>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace swb;
using swb::test::Client;

namespace {

// Resident memory of this process (server and clients alike), in bytes.
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

bool isResetError(const TraceEvent &e)
{
    return e.kind == TraceKind::Error
        && (e.result == QLatin1String("ECONNRESET") || e.result == QLatin1String("EPIPE"));
}

bool hasControlCharacter(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || (u >= 0x7f && u <= 0x9f);
    });
}

// A ListenServer on this thread, its events kept and fed in batches (as ServerSession does) to a
// ConnectionModel under QAbstractItemModelTester.
class Harness {
public:
    explicit Harness(const QString &behaviour, Transport transport = Transport::Tcp,
        const std::function<void(ListenServerOptions &)> &adjust = {})
        : model(transport)
        , m_tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        ListenServerOptions options;
        options.transport = transport;
        options.behaviour = behaviour;
        options.bindAddress = QStringLiteral("127.0.0.1");
        options.port = 0;
        if (adjust)
            adjust(options);
        QObject::connect(&m_buffer, &TraceBuffer::flushed, &model, &ConnectionModel::addEvents);
        m_server = std::make_unique<ListenServer>(options);
        QObject::connect(m_server.get(), &ListenServer::traced, m_server.get(), [this](const TraceEvent &e) {
            events << e;
            m_buffer.append(e);
        });
        QObject::connect(m_server.get(), &ListenServer::failed, m_server.get(),
            [this](const SessionError &error) { failure = error; });
        m_server->start();
    }

    ListenServer *server() const { return m_server.get(); }
    bool isListening() const { return m_server->isListening(); }
    quint16 port() const { return m_server->localEndpoint().port; }
    ListenServerStats stats() const { return m_server->stats(); }
    QString behaviour() const { return m_server->options().behaviour; }

    int count(const std::function<bool(const TraceEvent &)> &match) const
    {
        return int(std::count_if(events.cbegin(), events.cend(), match));
    }
    int countFor(int id, TraceKind kind) const
    {
        return count([&](const TraceEvent &e) { return e.connectionId == id && e.kind == kind; });
    }
    bool hasError(int id, ErrorKind kind) const
    {
        return count([&](const TraceEvent &e) {
            return e.connectionId == id && e.kind == TraceKind::Error && e.error == kind;
        }) > 0;
    }
    // The id the server gave to the client connected from peer (0 until it has accepted it).
    int idOf(const Endpoint &peer) const
    {
        for (const TraceEvent &e : events) {
            if (e.kind == TraceKind::Opened && e.remote == peer)
                return e.connectionId;
        }
        return 0;
    }
    int waitForId(const Client &client) const
    {
        const Endpoint peer = client.local();
        int id = 0;
        return QTest::qWaitFor([&] { return (id = idOf(peer)) > 0; }) ? id : 0;
    }
    ConnectionModel::State modelState(int id) const { return model.stateAt(model.rowOfClient(id)); }

    QList<TraceEvent> events;
    SessionError failure;
    ConnectionModel model;

private:
    QAbstractItemModelTester m_tester;
    TraceBuffer m_buffer;
    std::unique_ptr<ListenServer> m_server; // last: goes first, before what its events reach
};

// A new client gets its answer: the server survived whatever came before. The line is short enough
// for the smallest line cap a test sets.
bool servesFreshClient(quint16 port, const QString &behaviour)
{
    Client client(port);
    if (!client.isConnected())
        return false;
    if (behaviour == QLatin1String("http")) {
        if (!client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") || !client.waitUntilDone())
            return false;
        return client.received().startsWith("HTTP/1.1 200 OK\r\n") && client.error() == 0;
    }
    if (!client.send("ping\n") || !client.waitForReceived("ping\n"))
        return false;
    if (behaviour == QLatin1String("timestamp"))
        return client.received().startsWith('[') && client.received().endsWith("] ping\n");
    return client.received() == "ping\n";
}

bool udpServesFreshClient(quint16 port)
{
    QUdpSocket client;
    if (!client.bind(QHostAddress::LocalHost, 0))
        return false;
    client.writeDatagram("are you there?", QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return client.hasPendingDatagrams(); }))
        return false;
    return client.receiveDatagram().data() == "are you there?";
}

} // namespace

class TestHostileClients : public QObject {
    Q_OBJECT

private slots:
    void hugeLineWithoutNewline();
    void floodWithoutReading();
    void slowLorisSilent();
    void slowLorisTrickle_data();
    void slowLorisTrickle();
    void connectionFlood();
    void resetMidReply_data();
    void resetMidReply();
    void binaryGarbageAndEscapes();
    void stopWithManyClients();
    void portInUse_data();
    void portInUse();
};

void TestHostileClients::hugeLineWithoutNewline()
{
    Harness h(QStringLiteral("timestamp"));
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    const qint64 cap = BehaviourOptions().lineCap;
    const qint64 rssBefore = residentBytes();
    QVERIFY(rssBefore > 0);

    // 100 MB without a newline, a megabyte at a time, for as long as the server takes it.
    constexpr qint64 total = 100 * 1000 * 1000;
    const QByteArray chunk(1024 * 1024, 'x');
    Client client(h.port());
    QVERIFY(client.isConnected());
    const int id = h.waitForId(client);
    QVERIFY(id > 0);
    qint64 sent = 0;
    const bool ended = QTest::qWaitFor(
        [&] {
            while (sent < total) {
                const qint64 n = client.trySend(chunk.constData(), qMin<qint64>(chunk.size(), total - sent));
                if (n < 0)
                    return true;
                if (n == 0)
                    return false;
                sent += n;
            }
            return true;
        },
        10000);
    QVERIFY(ended);
    // The server closed it long before the end: the next send found the connection reset.
    QVERIFY2(sent < total, qPrintable(QString::number(sent)));
    QVERIFY2(client.error() == ECONNRESET || client.error() == EPIPE, qPrintable(errnoName(client.error())));

    QTRY_VERIFY(h.hasError(id, ErrorKind::Protocol));
    QCOMPARE(h.count([&](const TraceEvent &e) {
        return e.connectionId == id && e.kind == TraceKind::Error
            && e.arguments
            == QStringLiteral("Line longer than %1 bytes without a newline: closing this client").arg(cap);
    }),
        1);
    QCOMPARE(h.countFor(id, TraceKind::Closed), 1);
    QCOMPARE(h.countFor(id, TraceKind::Sent), 0);
    // What the server read is bounded by the cap and one read, and so is its memory.
    QVERIFY2(h.stats().bytesIn <= cap + ServerConnection::kReadChunk, qPrintable(QString::number(h.stats().bytesIn)));
    const qint64 growth = residentBytes() - rssBefore;
    QVERIFY2(growth < 32 * 1024 * 1024, qPrintable(QStringLiteral("RSS grew by %1 bytes").arg(growth)));
    QTRY_COMPARE(h.modelState(id), ConnectionModel::State::ClosedByServer);
    QCOMPARE(h.stats().clientsNow, 0);

    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
}

void TestHostileClients::floodWithoutReading()
{
    // Echo to a client that sends and never reads: once its replies back up, the server stops
    // reading from it, so neither side's buffers (nor our memory) grow without bound.
    Harness h(QStringLiteral("echo"));
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    const qint64 rssBefore = residentBytes();
    constexpr qint64 total = 100 * 1000 * 1000;
    const QByteArray chunk(1024 * 1024, 'y');
    Client client(h.port());
    QVERIFY(client.isConnected());
    const int id = h.waitForId(client);
    QVERIFY(id > 0);
    qint64 sent = 0;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    // Until 100 MB went, or the server has taken nothing more for half a second.
    const bool settled = QTest::qWaitFor(
        [&] {
            while (sent < total) {
                const qint64 n = client.trySend(chunk.constData(), qMin<qint64>(chunk.size(), total - sent));
                if (n < 0)
                    return true;
                if (n == 0)
                    return sinceProgress.elapsed() > 500;
                sent += n;
                sinceProgress.restart();
            }
            return true;
        },
        10000);
    QVERIFY(settled);
    QCOMPARE(client.error(), 0);
    QVERIFY2(sent < total, qPrintable(QString::number(sent)));
    const ListenServerStats stats = h.stats();
    // What the server holds for this client: read but not yet sent back.
    QVERIFY2(stats.bytesIn - stats.bytesOut <= ServerConnection::kStreamHighWater + ServerConnection::kReadChunk,
        qPrintable(QStringLiteral("in %1, out %2").arg(stats.bytesIn).arg(stats.bytesOut)));
    const qint64 growth = residentBytes() - rssBefore;
    QVERIFY2(growth < 32 * 1024 * 1024, qPrintable(QStringLiteral("RSS grew by %1 bytes").arg(growth)));
    QCOMPARE(stats.clientsNow, 1);

    // The client goes away with everything unread: a reset, and the server lets it go.
    client.resetClose();
    QTRY_COMPARE(h.stats().clientsNow, 0);
    QTRY_COMPARE(h.modelState(id), ConnectionModel::State::Reset);
    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
}

void TestHostileClients::slowLorisSilent()
{
    Harness h(QStringLiteral("timestamp"), Transport::Tcp, [](ListenServerOptions &o) { o.idleTimeoutMs = 500; });
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    QElapsedTimer timer;
    timer.start();
    Client silent(h.port());
    QVERIFY(silent.isConnected());
    const int id = h.waitForId(silent);
    QVERIFY(id > 0);
    QVERIFY(silent.waitUntilDone(5000));
    const qint64 elapsed = timer.elapsed();
    QVERIFY(silent.atEof());
    QVERIFY2(elapsed >= 450, qPrintable(QString::number(elapsed)));
    QVERIFY(h.hasError(id, ErrorKind::Timeout));
    QCOMPARE(h.countFor(id, TraceKind::Closed), 1);
    QTRY_COMPARE(h.modelState(id), ConnectionModel::State::ClosedByServer);
    QCOMPARE(h.stats().clientsNow, 0);
    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
}

void TestHostileClients::slowLorisTrickle_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<int>("bytes"); // how many the client trickles before it stops
    QTest::addColumn<bool>("echoed"); // the server answers every byte, which is activity
    // Idle means no complete line received and nothing sent: a line that never ends, a byte at a
    // time, is closed by the idle timeout while the client is still trickling...
    QTest::newRow("timestamp") << QStringLiteral("timestamp") << 20 << false;
    QTest::newRow("http") << QStringLiteral("http") << 20 << false;
    // ...but echo answers each byte, so the connection is busy until the trickle stops.
    QTest::newRow("echo") << QStringLiteral("echo") << 8 << true;
}

void TestHostileClients::slowLorisTrickle()
{
    QFETCH(QString, behaviour);
    QFETCH(int, bytes);
    QFETCH(bool, echoed);
    constexpr int idleMs = 500;
    constexpr int trickleMs = 200;
    Harness h(behaviour, Transport::Tcp, [&](ListenServerOptions &o) { o.idleTimeoutMs = idleMs; });
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    Client loris(h.port());
    QVERIFY(loris.isConnected());
    const int id = h.waitForId(loris);
    QVERIFY(id > 0);

    QElapsedTimer timer;
    timer.start();
    int trickled = 0;
    QTimer trickle;
    trickle.setTimerType(Qt::PreciseTimer);
    trickle.setInterval(trickleMs);
    QObject::connect(&trickle, &QTimer::timeout, &trickle, [&] {
        if (trickled < bytes && loris.trySend("z", 1) == 1)
            ++trickled;
    });
    trickle.start();
    QVERIFY(QTest::qWaitFor(
        [&] {
            loris.pump();
            return loris.isDone() || h.countFor(id, TraceKind::Closed) > 0 || trickled == bytes;
        },
        bytes * trickleMs + 5000));
    const qint64 trickling = timer.elapsed();

    if (!echoed) {
        // Closed by the idle timeout in the middle of the trickle.
        QTRY_COMPARE(h.countFor(id, TraceKind::Closed), 1);
        QVERIFY(h.hasError(id, ErrorKind::Timeout));
        QVERIFY2(trickled < bytes, qPrintable(QString::number(trickled)));
        // (The idle timer runs from the accept, a little before this test started its clock.)
        QVERIFY2(trickling >= idleMs / 2 && trickling < bytes * trickleMs, qPrintable(QString::number(trickling)));
    } else {
        // Still open after all of it: every byte was echoed.
        QCOMPARE(trickled, bytes);
        QVERIFY2(trickling >= 2 * idleMs, qPrintable(QString::number(trickling)));
        QCOMPARE(h.countFor(id, TraceKind::Closed), 0);
        QVERIFY(!h.hasError(id, ErrorKind::Timeout));
        QVERIFY(loris.waitForReceived(QByteArray(bytes, 'z')));
        QCOMPARE(h.modelState(id), ConnectionModel::State::Open);
        // Once it stops, the idle timeout closes it.
        trickle.stop();
        QVERIFY(loris.waitUntilDone(5000));
        QVERIFY(loris.atEof());
        QVERIFY(h.hasError(id, ErrorKind::Timeout));
    }
    trickle.stop();
    QCOMPARE(h.countFor(id, TraceKind::Closed), 1);
    QTRY_COMPARE(h.modelState(id), ConnectionModel::State::ClosedByServer);
    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
}

void TestHostileClients::connectionFlood()
{
    constexpr int maxClients = 5;
    constexpr int flood = 50;
    Harness h(QStringLiteral("echo"), Transport::Tcp, [](ListenServerOptions &o) { o.maxClients = maxClients; });
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    // All connect before the server runs again, so it accepts them in this order.
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < flood; ++i) {
        clients.push_back(std::make_unique<Client>(h.port()));
        QVERIFY(clients.back()->isConnected());
    }
    QTRY_COMPARE(h.stats().refused, qint64(flood - maxClients));
    const ListenServerStats stats = h.stats();
    QCOMPARE(stats.clientsNow, maxClients);
    QCOMPARE(stats.clientsTotal, qint64(maxClients));
    // The refused ones are accepted and closed at once, each with a close event saying why.
    QCOMPARE(h.count([](const TraceEvent &e) { return e.kind == TraceKind::Opened; }), flood);
    QCOMPARE(h.count([](const TraceEvent &e) { return e.kind == TraceKind::Closed && e.error == ErrorKind::Local; }),
        flood - maxClients);
    for (int i = maxClients; i < flood; ++i)
        QVERIFY(clients[size_t(i)]->waitUntilDone());
    // The first five are served.
    for (int i = 0; i < maxClients; ++i) {
        const QByteArray line = "client " + QByteArray::number(i) + '\n';
        QVERIFY(clients[size_t(i)]->send(line));
        QVERIFY(clients[size_t(i)]->waitForReceived(line));
    }
    QTRY_COMPARE(h.model.counters().refused, qint64(flood - maxClients));
    const ConnectionModel::Counters c = h.model.counters();
    QCOMPARE(c.accepted, qint64(flood));
    QCOMPARE(c.clientsTotal, qint64(maxClients));
    QCOMPARE(c.clientsNow, maxClients);
    QCOMPARE(c.closed, qint64(flood - maxClients));
    int refusedRows = 0;
    for (int row = 0; row < h.model.rowCount(); ++row)
        refusedRows += h.model.stateAt(row) == ConnectionModel::State::Refused ? 1 : 0;
    QCOMPARE(refusedRows, flood - maxClients);
    for (int i = 0; i < maxClients; ++i)
        QCOMPARE(h.modelState(h.idOf(clients[size_t(i)]->local())), ConnectionModel::State::Open);

    // One of the five leaves: there is room for a fresh client.
    clients[0]->close();
    QTRY_COMPARE(h.stats().clientsNow, maxClients - 1);
    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
    QCOMPARE(h.stats().refused, qint64(flood - maxClients));
}

void TestHostileClients::resetMidReply_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("http /bytes/10000000")
        << QStringLiteral("http") << QByteArray("GET /bytes/10000000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("echo of 8 MB") << QStringLiteral("echo") << QByteArray(8 * 1024 * 1024, 'e');
}

void TestHostileClients::resetMidReply()
{
    QFETCH(QString, behaviour);
    QFETCH(QByteArray, request);
    Harness h(behaviour);
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    Client client(h.port());
    QVERIFY(client.isConnected());
    const int id = h.waitForId(client);
    QVERIFY(id > 0);
    // Send what we can of the request, reading nothing, until the server is in the middle of its reply.
    qsizetype done = 0;
    QVERIFY(QTest::qWaitFor([&] {
        while (done < request.size()) {
            const qint64 n = client.trySend(request.constData() + done, request.size() - done);
            if (n <= 0)
                break;
            done += n;
        }
        return h.stats().bytesOut > 0 && h.countFor(id, TraceKind::Sent) > 0;
    }));
    QCOMPARE(client.error(), 0);
    client.resetClose();

    QTRY_VERIFY(h.count([&](const TraceEvent &e) { return e.connectionId == id && isResetError(e); }) > 0);
    QTRY_COMPARE(h.countFor(id, TraceKind::Closed), 1);
    QTRY_COMPARE(h.modelState(id), ConnectionModel::State::Reset);
    QCOMPARE(h.stats().clientsNow, 0);
    QVERIFY(h.stats().bytesOut < (behaviour == QLatin1String("http") ? 10000000 : request.size()));
    // The console names what happened.
    const auto reset = std::find_if(h.events.cbegin(), h.events.cend(), isResetError);
    QVERIFY(reset != h.events.cend());
    QVERIFY(ConsoleFormat::line(*reset).contains(reset->result));
    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
}

void TestHostileClients::binaryGarbageAndEscapes()
{
    Harness h(QStringLiteral("echo"));
    QVERIFY2(h.isListening(), qPrintable(h.failure.message));
    QByteArray garbage("\x1b[2J\x1b[H"
                       "\x1b]0;title\x07"
                       "\x1b[?1049h\x1b[31mred\x1b[0m"
                       "\x9b"
                       "2J\r\b\x7f\xff\xfe\xc2\x9b\xe2\x80\xae");
    garbage += QByteArray("\0\0\0", 3);
    for (int b = 0; b < 256; ++b)
        garbage += char(b);
    Client client(h.port());
    QVERIFY(client.isConnected());
    QVERIFY(client.send(garbage));
    QVERIFY(QTest::qWaitFor([&] {
        client.pump();
        return client.received().size() >= garbage.size() || client.isDone();
    }));
    QCOMPARE(client.received(), garbage);
    const int id = h.waitForId(client);

    // The events keep the bytes as they were; the console shows them escaped, never raw.
    QByteArray in;
    QByteArray out;
    QString shownIn;
    for (const TraceEvent &e : std::as_const(h.events)) {
        if (e.connectionId != id)
            continue;
        const QString line = ConsoleFormat::line(e);
        QVERIFY2(!hasControlCharacter(line), qPrintable(line));
        QVERIFY2(!line.contains(QChar(0x1b)) && !line.contains(QChar(0x9b)), qPrintable(line));
        const QString csv = ConsoleFormat::csvRow(e);
        QVERIFY2(!hasControlCharacter(csv), qPrintable(csv));
        if (e.kind == TraceKind::Received) {
            in += e.payload;
            shownIn += ConsoleFormat::data(e);
        } else if (e.kind == TraceKind::Sent) {
            out += e.payload;
        }
    }
    QCOMPARE(in, garbage);
    QCOMPARE(out, garbage);
    QCOMPARE(shownIn, PayloadCodec::toEscapedText(garbage));
    QVERIFY(shownIn.startsWith(QLatin1String("\\x1b[2J\\x1b[H\\x1b]0;title\\x07")));
    QVERIFY(shownIn.contains(QLatin1String("\\0\\0\\0")));
    QVERIFY(shownIn.contains(QLatin1String("\\xff\\xfe")));
    QCOMPARE(h.stats().bytesIn, qint64(garbage.size()));
    QCOMPARE(h.stats().clientsNow, 1);
    QVERIFY(servesFreshClient(h.port(), h.behaviour()));
}

void TestHostileClients::stopWithManyClients()
{
    constexpr int count = 20;
    ListenServerOptions options;
    options.behaviour = QStringLiteral("echo");
    options.bindAddress = QStringLiteral("127.0.0.1");
    ServerSession session(options);
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy started(&session, &ServerSession::started);
    session.start();
    QTRY_COMPARE(started.count(), 1);
    const quint16 port = session.localEndpoint().port;

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < count; ++i) {
        clients.push_back(std::make_unique<Client>(port));
        QVERIFY(clients.back()->isConnected());
    }
    // Some are mid-conversation, with a reply still owed.
    for (int i = 0; i < count; i += 4)
        QVERIFY(clients[size_t(i)]->send(QByteArray(100000, 'q')));
    QTRY_COMPARE(model->counters().clientsNow, count);

    QSignalSpy stopped(&session, &ServerSession::stopped);
    session.stop();
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(session.state(), ServerSession::State::Stopped);
    for (const auto &client : clients)
        QVERIFY(client->waitUntilDone());

    const TraceModel *trace = session.traceModel();
    int clientCloses = 0;
    QSet<int> closedIds;
    for (int row = 0; row < trace->rowCount(); ++row) {
        const TraceEvent &e = trace->eventAt(row);
        if (e.kind == TraceKind::Closed && e.connectionId > 0) {
            ++clientCloses;
            closedIds.insert(e.connectionId);
        }
    }
    QCOMPARE(clientCloses, count);
    QCOMPARE(closedIds.size(), count);
    const ConnectionModel::Counters c = model->counters();
    QCOMPARE(c.accepted, qint64(count));
    QCOMPARE(c.closed, qint64(count));
    QCOMPARE(c.clientsNow, 0);
    QVERIFY(model->openClients().isEmpty());

    // Commands after the stop reach nothing and break nothing.
    session.sendToAll("anyone?");
    session.closeClient(1);

    options.port = port;
    session.setOptions(options);
    QSignalSpy restarted(&session, &ServerSession::started);
    session.start();
    QTRY_COMPARE(restarted.count(), 1);
    QCOMPARE(session.localEndpoint().port, port);
    QVERIFY(servesFreshClient(port, options.behaviour));
}

void TestHostileClients::portInUse_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("tcp") << Transport::Tcp;
    QTest::newRow("udp") << Transport::Udp;
}

void TestHostileClients::portInUse()
{
    QFETCH(Transport, transport);
    Harness first(QStringLiteral("echo"), transport);
    QVERIFY2(first.isListening(), qPrintable(first.failure.message));
    const quint16 port = first.port();

    Harness second(QStringLiteral("echo"), transport, [port](ListenServerOptions &o) { o.port = port; });
    QVERIFY(!second.isListening());
    QCOMPARE(second.failure.kind, ErrorKind::Local);
    QCOMPARE(second.failure.osError, QStringLiteral("EADDRINUSE"));
    QVERIFY2(second.failure.message.contains(QString::number(port)), qPrintable(second.failure.message));
    QCOMPARE(second.count([](const TraceEvent &e) {
        return e.kind == TraceKind::Error && e.call == QLatin1String("bind") && e.error == ErrorKind::Local;
    }),
        1);

    QVERIFY(transport == Transport::Tcp ? servesFreshClient(port, first.behaviour()) : udpServesFreshClient(port));
}

QTEST_GUILESS_MAIN(TestHostileClients)
#include "tst_hostileclients.moc"
