// ServerSession with its ListenServer on a worker thread, driven from this (the GUI) thread, against
// real loopback sockets on 127.0.0.1 port 0: what the operator does reaches the clients, and what
// the clients do shows in the console (TraceModel) and the clients table (ConnectionModel).

#include "net/sockutil.h"
#include "server/connectionmodel.h"
#include "server/serversession.h"
#include "testclient.h"
#include "trace/tracemodel.h"

#include <QAbstractItemModelTester>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
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

ListenServerOptions serverOptions(const QString &behaviour, Transport transport = Transport::Tcp, quint16 port = 0)
{
    ListenServerOptions options;
    options.transport = transport;
    options.behaviour = behaviour;
    options.bindAddress = QStringLiteral("127.0.0.1");
    options.port = port;
    return options;
}

// The console's events that match.
int countEvents(const ServerSession &session, const std::function<bool(const TraceEvent &)> &match)
{
    int n = 0;
    const TraceModel *trace = session.traceModel();
    for (int row = 0; row < trace->rowCount(); ++row)
        n += match(trace->eventAt(row)) ? 1 : 0;
    return n;
}

// Everything the console shows client id received, in order.
QByteArray receivedFrom(const ServerSession &session, int id)
{
    QByteArray bytes;
    const TraceModel *trace = session.traceModel();
    for (int row = 0; row < trace->rowCount(); ++row) {
        const TraceEvent &e = trace->eventAt(row);
        if (e.connectionId == id && e.kind == TraceKind::Received)
            bytes += e.payload;
    }
    return bytes;
}

QString cell(const ConnectionModel *model, int id, int column)
{
    return model->data(model->index(model->rowOfClient(id), column)).toString();
}

ConnectionModel::State stateOf(const ConnectionModel *model, int id)
{
    return model->stateAt(model->rowOfClient(id));
}

// The id the server gave the client connected from peer, once the model has its row.
int waitForClientId(const ConnectionModel *model, const Endpoint &peer)
{
    int id = 0;
    const bool found = QTest::qWaitFor([&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->data(model->index(row, ConnectionModel::PeerColumn)).toString() == peer.toString())
                id = model->clientAt(row);
        }
        return id > 0;
    });
    return found ? id : 0;
}

// Starts the session and waits until it listens; the port, or 0.
quint16 startAndWait(ServerSession &session)
{
    QSignalSpy started(&session, &ServerSession::started);
    session.start();
    if (!QTest::qWaitFor([&] { return started.count() > 0; }))
        return 0;
    return started.at(0).at(0).value<Endpoint>().port;
}

} // namespace

class TestServerSession : public QObject {
    Q_OBJECT

private slots:
    void startReportsRealPort();
    void clientRowShowsPeer();
    void manualSendHalfCloseClose();
    void clientHalfClosesFirst();
    void sendToAll();
    void udpSenderAndReply();
    void stopClosesClientsAndRestarts();
    void startFailsOnBusyPort();
    void operatorCommandsForUnknownClients();
};

void TestServerSession::startReportsRealPort()
{
    ServerSession session(serverOptions(QStringLiteral("echo")));
    QAbstractItemModelTester tester(session.traceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy started(&session, &ServerSession::started);
    QSignalSpy states(&session, &ServerSession::stateChanged);
    QCOMPARE(session.state(), ServerSession::State::Idle);
    session.start();
    QCOMPARE(session.state(), ServerSession::State::Starting);
    QVERIFY(session.isRunning());
    QTRY_COMPARE(started.count(), 1);
    const Endpoint local = started.at(0).at(0).value<Endpoint>();
    QCOMPARE(local.host, QStringLiteral("127.0.0.1"));
    QVERIFY(local.port != 0);
    QCOMPARE(session.localEndpoint(), local);
    QCOMPARE(session.state(), ServerSession::State::Listening);
    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(0).at(0).value<ServerSession::State>(), ServerSession::State::Starting);
    QCOMPARE(states.at(1).at(0).value<ServerSession::State>(), ServerSession::State::Listening);
    // The console shows the calls, port 0 asked for and the real port got.
    QTRY_COMPARE(countEvents(session,
                     [&](const TraceEvent &e) {
                         return e.call == QLatin1String("getsockname") && e.result == local.toString();
                     }),
        1);
    QCOMPARE(countEvents(session,
                 [](const TraceEvent &e) {
                     return e.call == QLatin1String("bind") && e.arguments == QLatin1String("(127.0.0.1:0)");
                 }),
        1);
    QCOMPARE(countEvents(session, [](const TraceEvent &e) { return e.call == QLatin1String("listen"); }), 1);
    // Starting twice does nothing.
    session.start();
    QCOMPARE(session.state(), ServerSession::State::Listening);
    Client client(local.port);
    QVERIFY(client.isConnected());
    QVERIFY(client.send("ping\n"));
    QVERIFY(client.waitForReceived("ping\n"));
}

void TestServerSession::clientRowShowsPeer()
{
    ServerSession session(serverOptions(QStringLiteral("echo")));
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);

    Client client(port);
    QVERIFY(client.isConnected());
    QTRY_COMPARE(model->rowCount(), 1);
    const int id = model->clientAt(0);
    QCOMPARE(id, 1);
    QCOMPARE(cell(model, id, ConnectionModel::PeerColumn), client.local().toString());
    QCOMPARE(cell(model, id, ConnectionModel::LocalColumn), session.localEndpoint().toString());
    QCOMPARE(cell(model, id, ConnectionModel::IdColumn), QStringLiteral("#1"));
    QCOMPARE(stateOf(model, id), ConnectionModel::State::Open);
    QCOMPARE(model->counters().clientsNow, 1);

    QVERIFY(client.send("hello\n"));
    QVERIFY(client.waitForReceived("hello\n"));
    QTRY_COMPARE(model->data(model->index(0, ConnectionModel::BytesOutColumn)).toLongLong(), qint64(6));
    QCOMPARE(model->data(model->index(0, ConnectionModel::BytesInColumn)).toLongLong(), qint64(6));

    // The client's FIN: echo finishes and closes at once, the client's close having come first.
    client.shutdownWrite();
    QVERIFY(client.waitForEof());
    QTRY_COMPARE(stateOf(model, id), ConnectionModel::State::ClosedByPeer);
    QCOMPARE(model->counters().clientsNow, 0);
    QCOMPARE(model->counters().closed, qint64(1));
    QVERIFY(model->isClosedAt(0));
}

void TestServerSession::manualSendHalfCloseClose()
{
    ServerSession session(serverOptions(QStringLiteral("manual")));
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);

    Client client(port);
    QVERIFY(client.isConnected());
    const int id = waitForClientId(model, client.local());
    QVERIFY(id > 0);

    // The operator's bytes reach the client; the client's reach the console.
    session.sendTo(id, "hello from the operator\r\n");
    QVERIFY(client.waitForReceived("hello from the operator\r\n"));
    QVERIFY(client.send("question?\n"));
    QTRY_COMPARE(receivedFrom(session, id), QByteArray("question?\n"));
    QCOMPARE(stateOf(model, id), ConnectionModel::State::Open);

    // Half-close: the client reads EOF but can still send, and the server still reads it.
    session.halfCloseClient(id);
    QVERIFY(client.waitForEof());
    QTRY_COMPARE(countEvents(session,
                     [&](const TraceEvent &e) { return e.connectionId == id && e.call == QLatin1String("shutdown"); }),
        1);
    QCOMPARE(stateOf(model, id), ConnectionModel::State::ServerHalfClosed);
    QVERIFY(client.send("still talking\n"));
    QTRY_COMPARE(receivedFrom(session, id), QByteArray("question?\nstill talking\n"));
    QTRY_COMPARE(cell(model, id, ConnectionModel::BytesInColumn).toLongLong(), qint64(24));
    QCOMPARE(client.error(), 0);

    // The sending side is shut: the operator is told, nothing is sent.
    session.sendTo(id, "too late");
    QTRY_COMPARE(
        countEvents(session, [&](const TraceEvent &e) { return e.connectionId == id && e.kind == TraceKind::Note; }),
        1);
    QCOMPARE(cell(model, id, ConnectionModel::BytesOutColumn).toLongLong(), qint64(25));

    // The client closes too: the server's FIN came first, so the server closed it.
    client.close();
    QTRY_COMPARE(stateOf(model, id), ConnectionModel::State::ClosedByServer);
    QCOMPARE(model->counters().clientsNow, 0);

    // Another client; the operator closes it outright.
    Client second(port);
    const int secondId = waitForClientId(model, second.local());
    QCOMPARE(secondId, id + 1);
    session.sendTo(secondId, "bye\n");
    QVERIFY(second.waitForReceived("bye\n"));
    session.closeClient(secondId);
    QVERIFY(second.waitForEof());
    QTRY_COMPARE(stateOf(model, secondId), ConnectionModel::State::ClosedByServer);
    QCOMPARE(model->counters().closed, qint64(2));
    QCOMPARE(model->counters().clientsTotal, qint64(2));
}

void TestServerSession::clientHalfClosesFirst()
{
    ServerSession session(serverOptions(QStringLiteral("manual")));
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);

    Client client(port);
    const int id = waitForClientId(model, client.local());
    QVERIFY(id > 0);
    QVERIFY(client.send("all I have to say"));
    client.shutdownWrite();
    // Manual keeps the connection half-open: the operator may still answer.
    QTRY_COMPARE(stateOf(model, id), ConnectionModel::State::PeerHalfClosed);
    QVERIFY(!cell(model, id, ConnectionModel::StateColumn).isEmpty());
    session.sendTo(id, "an answer after your FIN\n");
    QVERIFY(client.waitForReceived("an answer after your FIN\n"));
    QVERIFY(!client.atEof());
    session.closeClient(id);
    QVERIFY(client.waitForEof());
    QTRY_COMPARE(stateOf(model, id), ConnectionModel::State::ClosedByPeer);
}

void TestServerSession::sendToAll()
{
    ServerSession session(serverOptions(QStringLiteral("manual")));
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(std::make_unique<Client>(port));
    QTRY_COMPARE(model->counters().clientsNow, 3);
    // One that left does not stop the others getting it.
    session.closeClient(model->clientAt(1));
    QVERIFY(clients[1]->waitForEof());
    QTRY_COMPARE(model->counters().clientsNow, 2);

    session.sendToAll("to everyone\n");
    QVERIFY(clients[0]->waitForReceived("to everyone\n"));
    QVERIFY(clients[2]->waitForReceived("to everyone\n"));
    QTRY_COMPARE(model->counters().bytesOut, qint64(2 * 12));
    QVERIFY(clients[1]->received().isEmpty());
}

void TestServerSession::udpSenderAndReply()
{
    ServerSession session(serverOptions(QStringLiteral("manual"), Transport::Udp));
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);
    QCOMPARE(model->transport(), Transport::Udp);

    QUdpSocket first;
    QVERIFY(first.bind(QHostAddress::LocalHost, 0));
    first.writeDatagram("ping", QHostAddress::LocalHost, port);
    QTRY_COMPARE(model->rowCount(), 1);
    const int id = model->clientAt(0);
    QCOMPARE(stateOf(model, id), ConnectionModel::State::Sender);
    QCOMPARE(cell(model, id, ConnectionModel::PeerColumn), QStringLiteral("127.0.0.1:%1").arg(first.localPort()));
    QCOMPARE(receivedFrom(session, id), QByteArray("ping"));

    session.sendTo(id, "pong");
    QVERIFY(QTest::qWaitFor([&] { return first.hasPendingDatagrams(); }));
    const QNetworkDatagram reply = first.receiveDatagram();
    QCOMPARE(reply.data(), QByteArray("pong"));
    QCOMPARE(reply.senderPort(), int(port));
    QTRY_COMPARE(cell(model, id, ConnectionModel::DatagramsColumn), QStringLiteral("1 / 1"));

    // A second sender is a second row; sendToAll reaches both.
    QUdpSocket second;
    QVERIFY(second.bind(QHostAddress::LocalHost, 0));
    second.writeDatagram("me too", QHostAddress::LocalHost, port);
    first.writeDatagram("again", QHostAddress::LocalHost, port);
    QTRY_COMPARE(model->rowCount(), 2);
    QTRY_COMPARE(model->counters().datagramsIn, qint64(3));
    session.sendToAll("everyone");
    QVERIFY(QTest::qWaitFor([&] { return first.hasPendingDatagrams() && second.hasPendingDatagrams(); }));
    QCOMPARE(first.receiveDatagram().data(), QByteArray("everyone"));
    QCOMPARE(second.receiveDatagram().data(), QByteArray("everyone"));
    QTRY_COMPARE(model->counters().datagramsOut, qint64(3));
    QCOMPARE(model->counters().senders, qint64(2));
}

void TestServerSession::stopClosesClientsAndRestarts()
{
    ServerSession session(serverOptions(QStringLiteral("echo")));
    ConnectionModel *model = session.connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<Client>(port));
        QVERIFY(clients.back()->send("line " + QByteArray::number(i) + '\n'));
        QVERIFY(clients.back()->waitForReceived("line " + QByteArray::number(i) + '\n'));
    }
    QTRY_COMPARE(model->counters().clientsNow, 3);

    QSignalSpy stopped(&session, &ServerSession::stopped);
    session.stop();
    QCOMPARE(session.state(), ServerSession::State::Stopping);
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(session.state(), ServerSession::State::Stopped);
    QVERIFY(!session.isRunning());
    for (const auto &client : clients)
        QVERIFY(client->waitForEof());
    // Every close is in the console and the table by the time stopped() arrives.
    QCOMPARE(
        countEvents(session, [](const TraceEvent &e) { return e.kind == TraceKind::Closed && e.connectionId > 0; }), 3);
    QCOMPARE(countEvents(session,
                 [](const TraceEvent &e) {
                     return e.kind == TraceKind::Closed && e.arguments == QLatin1String("(listening socket)");
                 }),
        1);
    const ConnectionModel::Counters c = model->counters();
    QCOMPARE(c.accepted, qint64(3));
    QCOMPARE(c.closed, c.accepted);
    QCOMPARE(c.clientsNow, 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->stateAt(row), ConnectionModel::State::ClosedByServer);

    // Start again on the same port: address reuse lets the server bind beside its old connections.
    ListenServerOptions options = session.options();
    options.port = port;
    session.setOptions(options);
    QCOMPARE(startAndWait(session), port);
    QCOMPARE(session.state(), ServerSession::State::Listening);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->counters().accepted, qint64(0));
    Client fresh(port);
    QVERIFY(fresh.send("again\n"));
    QVERIFY(fresh.waitForReceived("again\n"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->clientAt(0), 1); // a new run numbers its clients from 1
}

void TestServerSession::startFailsOnBusyPort()
{
    ServerSession first(serverOptions(QStringLiteral("echo")));
    const quint16 port = startAndWait(first);
    QVERIFY(port != 0);

    ServerSession second(serverOptions(QStringLiteral("echo"), Transport::Tcp, port));
    QSignalSpy failed(&second, &ServerSession::failed);
    second.start();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(second.state(), ServerSession::State::Failed);
    const SessionError error = failed.at(0).at(0).value<SessionError>();
    QCOMPARE(error.kind, ErrorKind::Local);
    QCOMPARE(error.osError, QStringLiteral("EADDRINUSE"));
    QVERIFY2(error.message.contains(QString::number(port)), qPrintable(error.message));
    QCOMPARE(second.lastError().osError, error.osError);
    // The failed bind is in its console.
    QCOMPARE(countEvents(second,
                 [](const TraceEvent &e) {
                     return e.kind == TraceKind::Error && e.call == QLatin1String("bind")
                         && e.result == QLatin1String("EADDRINUSE");
                 }),
        1);

    // The first server is untouched; once it stops, the second can start there.
    Client client(port);
    QVERIFY(client.send("still here\n"));
    QVERIFY(client.waitForReceived("still here\n"));
    QSignalSpy stopped(&first, &ServerSession::stopped);
    first.stop();
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(startAndWait(second), port);
}

void TestServerSession::operatorCommandsForUnknownClients()
{
    ServerSession session(serverOptions(QStringLiteral("manual")));
    const quint16 port = startAndWait(session);
    QVERIFY(port != 0);
    session.sendTo(42, "nobody");
    session.halfCloseClient(43);
    session.closeClient(44);
    QTRY_COMPARE(countEvents(session,
                     [](const TraceEvent &e) {
                         return e.kind == TraceKind::Note && e.connectionId >= 42
                             && e.arguments.contains(QLatin1String("no longer connected"));
                     }),
        3);
    QCOMPARE(session.connectionModel()->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestServerSession)
#include "tst_serversession.moc"
