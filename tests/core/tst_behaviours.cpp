// Every behaviour behind a real ListenServer on 127.0.0.1, port 0, talked to with QTcpSocket and
// QUdpSocket clients: the exact bytes on the wire, and the closes.

#include "server/behaviours/httpbehaviour.h"
#include "server/listenserver.h"

#include <QDateTime>
#include <QNetworkDatagram>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

#include <chrono>
#include <memory>
#include <sys/socket.h>

using namespace swb;

namespace {

// A started server and everything it traced.
class RunningServer {
public:
    RunningServer(const QString &behaviour, Transport transport, const BehaviourOptions &behaviourOptions = {})
    {
        ListenServerOptions options;
        options.transport = transport;
        options.behaviour = behaviour;
        options.bindAddress = QStringLiteral("127.0.0.1");
        options.port = 0;
        options.behaviourOptions = behaviourOptions;
        m_server = std::make_unique<ListenServer>(options);
        QObject::connect(m_server.get(), &ListenServer::traced, m_server.get(),
            [this](const TraceEvent &event) { events << event; });
        QObject::connect(m_server.get(), &ListenServer::failed, m_server.get(),
            [this](const SessionError &error) { failure = error.message; });
        m_server->start();
    }
    RunningServer(const RunningServer &) = delete;
    RunningServer &operator=(const RunningServer &) = delete;

    bool isListening() const { return m_server->isListening(); }
    quint16 port() const { return m_server->localEndpoint().port; }
    ListenServer *server() const { return m_server.get(); }

    int count(TraceKind kind, const QString &call = {}) const
    {
        return int(std::count_if(events.cbegin(), events.cend(),
            [&](const TraceEvent &e) { return e.kind == kind && (call.isEmpty() || e.call == call); }));
    }
    bool hasErrorMentioning(const QString &text) const
    {
        return std::any_of(events.cbegin(), events.cend(), [&](const TraceEvent &e) {
            return e.kind == TraceKind::Error
                && (e.arguments.contains(text) || e.result.contains(text) || e.call.contains(text));
        });
    }

    QList<TraceEvent> events;
    QString failure;

private:
    std::unique_ptr<ListenServer> m_server;
};

bool connectTo(QTcpSocket &socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}

// Reads until the server has closed the connection (or the time is up).
bool readUntilClosed(QTcpSocket &socket, QByteArray *out, int timeoutMs = 10000)
{
    const bool closed = QTest::qWaitFor(
        [&] {
            *out += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    *out += socket.readAll();
    return closed;
}

bool readAtLeast(QTcpSocket &socket, QByteArray *out, qsizetype size, int timeoutMs = 10000)
{
    const bool enough = QTest::qWaitFor(
        [&] {
            *out += socket.readAll();
            return out->size() >= size;
        },
        timeoutMs);
    return enough;
}

// Reads until what arrived ends with a newline.
bool readLine(QTcpSocket &socket, QByteArray *out)
{
    return QTest::qWaitFor(
        [&] {
            *out += socket.readAll();
            return out->endsWith('\n');
        },
        5000);
}

// shutdown(SHUT_WR): the server's recv() returns 0 while we can still read its answer.
void halfClose(QTcpSocket &socket)
{
    socket.flush();
    ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
}

bool waitForDatagram(QUdpSocket &socket, QNetworkDatagram *out)
{
    if (!QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, 5000))
        return false;
    *out = socket.receiveDatagram();
    return true;
}

bool isCtimeBetween(const QByteArray &text, const QDateTime &before, const QDateTime &after)
{
    return text == pythonCtime(before) || text == pythonCtime(after);
}

QByteArray httpRequest(const QByteArray &target, const QByteArray &version = "HTTP/1.1", const QByteArray &extra = {})
{
    return "GET " + target + ' ' + version + "\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

struct Response {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// One complete response (Content-Length or chunked) off the front of stream.
std::optional<Response> takeResponse(QByteArray &stream)
{
    const qsizetype end = stream.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    Response r;
    r.head = stream.left(end + 4);
    r.status = r.head.mid(9, 3).toInt();
    static const QRegularExpression lengthRe(QStringLiteral("\r\nContent-Length: (\\d+)\r\n"));
    const auto length = lengthRe.match(QString::fromLatin1(r.head));
    qsizetype pos = end + 4;
    if (length.hasMatch()) {
        const qsizetype n = length.captured(1).toLongLong();
        if (stream.size() < pos + n)
            return std::nullopt;
        r.body = stream.mid(pos, n);
        stream.remove(0, pos + n);
        return r;
    }
    if (r.head.contains("\r\nTransfer-Encoding: chunked\r\n")) {
        for (;;) {
            const qsizetype lineEnd = stream.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return std::nullopt;
            const qsizetype n = stream.mid(pos, lineEnd - pos).toLongLong(nullptr, 16);
            if (stream.size() < lineEnd + 2 + n + 2)
                return std::nullopt;
            r.body += stream.mid(lineEnd + 2, n);
            pos = lineEnd + 2 + n + 2;
            if (n == 0)
                break;
        }
        stream.remove(0, pos);
        return r;
    }
    r.body = stream.mid(pos);
    stream.clear();
    return r;
}

double ntpToUnix(const QByteArray &packet, int offset)
{
    const quint64 value = qFromBigEndian<quint64>(packet.constData() + offset);
    return double(value >> 32) - 2208988800.0 + double(value & 0xffffffffULL) / 4294967296.0;
}

double unixNow()
{
    using namespace std::chrono;
    return double(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1e6;
}

} // namespace

class TestBehaviours : public QObject {
    Q_OBJECT

private slots:
    void echoTcp();
    void echoUdp();
    void discardTcp();
    void discardUdp();
    void daytimeTcp();
    void daytimeUdp();
    void timeTcp();
    void timeUdp();
    void timestampTcp();
    void timestampTcpPartialLineAtClose();
    void timestampTcpLineTooLong();
    void timestampUdp();
    void welcome_data();
    void welcome();
    void welcomeClientClosesFirst();
    void httpPage();
    void httpPipelinedKeepAlive();
    void httpBytesOverRealSocket();
    void httpChunkedHttp10();
    void httpSlow();
    void httpBadRequest();
    void sntp();
    void sntpIgnoresShortRequests();
};

void TestBehaviours::echoTcp()
{
    RunningServer server(QStringLiteral("echo"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    QByteArray payload = "hello\r\n";
    for (int i = 0; i < 200000; ++i)
        payload += char(i * 7);
    client.write(payload);
    QByteArray got;
    QVERIFY(readAtLeast(client, &got, payload.size()));
    QCOMPARE(got, payload);
    // The client closes; the server closes its side and says so.
    client.disconnectFromHost();
    QTRY_COMPARE(server.count(TraceKind::Closed, QStringLiteral("close")), 1);
    QTRY_COMPARE(server.server()->stats().clientsNow, 0);
    QCOMPARE(server.server()->stats().bytesIn, qint64(payload.size()));
    QCOMPARE(server.server()->stats().bytesOut, qint64(payload.size()));
}

void TestBehaviours::echoUdp()
{
    RunningServer server(QStringLiteral("echo"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    const QByteArray payload("\x00\x01 datagram \xff", 14);
    client.writeDatagram(payload, QHostAddress::LocalHost, server.port());
    QNetworkDatagram reply;
    QVERIFY(waitForDatagram(client, &reply));
    QCOMPARE(reply.data(), payload);
    QCOMPARE(reply.senderPort(), int(server.port()));
}

void TestBehaviours::discardTcp()
{
    RunningServer server(QStringLiteral("discard"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write(QByteArray(100000, 'd'));
    halfClose(client);
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    QVERIFY(got.isEmpty());
    QTRY_COMPARE(server.server()->stats().bytesIn, qint64(100000));
    QCOMPARE(server.server()->stats().bytesOut, qint64(0));
}

void TestBehaviours::discardUdp()
{
    RunningServer server(QStringLiteral("discard"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("into the void", QHostAddress::LocalHost, server.port());
    // The server handles a datagram in one go: once its recvfrom is traced, any reply would be too.
    QTRY_COMPARE(server.count(TraceKind::Received, QStringLiteral("recvfrom")), 1);
    QCOMPARE(server.count(TraceKind::Sent), 0);
    QCOMPARE(server.server()->stats().datagramsOut, qint64(0));
    QVERIFY(!client.hasPendingDatagrams());
}

void TestBehaviours::daytimeTcp()
{
    RunningServer server(QStringLiteral("daytime"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    const QDateTime before = QDateTime::currentDateTime();
    QVERIFY(connectTo(client, server.port()));
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    const QDateTime after = QDateTime::currentDateTime();
    QVERIFY2(got.endsWith("\r\n"), got.constData());
    QVERIFY2(isCtimeBetween(got.chopped(2), before, after), got.constData());
}

void TestBehaviours::daytimeUdp()
{
    RunningServer server(QStringLiteral("daytime"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    const QDateTime before = QDateTime::currentDateTime();
    client.writeDatagram("?", QHostAddress::LocalHost, server.port());
    QNetworkDatagram reply;
    QVERIFY(waitForDatagram(client, &reply));
    const QDateTime after = QDateTime::currentDateTime();
    QVERIFY(reply.data().endsWith("\r\n"));
    QVERIFY2(isCtimeBetween(reply.data().chopped(2), before, after), reply.data().constData());
}

void TestBehaviours::timeTcp()
{
    RunningServer server(QStringLiteral("time"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    QCOMPARE(got.size(), 4);
    const qint64 seconds = qFromBigEndian<quint32>(got.constData());
    QVERIFY(qAbs(seconds - (QDateTime::currentSecsSinceEpoch() + 2208988800LL)) <= 1);
}

void TestBehaviours::timeUdp()
{
    RunningServer server(QStringLiteral("time"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    // RFC 868 over UDP: the request is an empty datagram.
    client.writeDatagram(QByteArray(), QHostAddress::LocalHost, server.port());
    QNetworkDatagram reply;
    QVERIFY(waitForDatagram(client, &reply));
    QCOMPARE(reply.data().size(), 4);
    const qint64 seconds = qFromBigEndian<quint32>(reply.data().constData());
    QVERIFY(qAbs(seconds - (QDateTime::currentSecsSinceEpoch() + 2208988800LL)) <= 1);
}

void TestBehaviours::timestampTcp()
{
    RunningServer server(QStringLiteral("timestamp"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    const QDateTime before = QDateTime::currentDateTime();
    client.write("hello\n");
    QByteArray got;
    QVERIFY(readLine(client, &got));
    const QDateTime after = QDateTime::currentDateTime();
    QVERIFY2(got.startsWith('[') && got.endsWith("] hello\n"), got.constData());
    QVERIFY2(isCtimeBetween(got.mid(1, got.size() - 1 - 8), before, after), got.constData());
    // The connection stays open for more lines.
    got.clear();
    client.write("second line\r\n");
    QVERIFY(readLine(client, &got));
    QVERIFY2(got.endsWith("] second line\r\n"), got.constData());
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.disconnectFromHost();
    QTRY_COMPARE(server.server()->stats().clientsNow, 0);
}

void TestBehaviours::timestampTcpPartialLineAtClose()
{
    RunningServer server(QStringLiteral("timestamp"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write("one\ntwo");
    halfClose(client);
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    const QList<QByteArray> lines = got.split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith('[') && lines.at(0).endsWith("] one"), got.constData());
    QVERIFY2(lines.at(1).startsWith('[') && lines.at(1).endsWith("] two"), got.constData());
}

void TestBehaviours::timestampTcpLineTooLong()
{
    RunningServer server(QStringLiteral("timestamp"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write(QByteArray(64 * 1024 + 1, 'x'));
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    QVERIFY(got.isEmpty());
    QTRY_VERIFY(server.hasErrorMentioning(
        QStringLiteral("Line longer than 65536 bytes without a newline: closing this client")));
    QTRY_COMPARE(server.server()->stats().clientsNow, 0);
}

void TestBehaviours::timestampUdp()
{
    RunningServer server(QStringLiteral("timestamp"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    const QDateTime before = QDateTime::currentDateTime();
    client.writeDatagram("hi there", QHostAddress::LocalHost, server.port());
    QNetworkDatagram reply;
    QVERIFY(waitForDatagram(client, &reply));
    const QDateTime after = QDateTime::currentDateTime();
    const QByteArray data = reply.data();
    QVERIFY2(data.startsWith('[') && data.endsWith("] hi there"), data.constData());
    QVERIFY(isCtimeBetween(data.mid(1, data.size() - 1 - 10), before, after));
}

void TestBehaviours::welcome_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("count");
    QTest::newRow("padded") << QByteArray("  hello  \n") << 5;
    QTest::newRow("telnet") << QByteArray("hello world\r\n") << 11;
    QTest::newRow("chinese") << QByteArray("你好，世界\r\n") << 5;
}

void TestBehaviours::welcome()
{
    QFETCH(QByteArray, line);
    QFETCH(int, count);
    RunningServer server(QStringLiteral("welcome"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    const QByteArray greeting
        = "Welcome, ('127.0.0.1', " + QByteArray::number(client.localPort()) + ")\nPlease enter a string:";
    QByteArray got;
    QVERIFY(readAtLeast(client, &got, greeting.size()));
    QCOMPARE(got, greeting);
    got.clear();
    client.write(line);
    QVERIFY(readUntilClosed(client, &got));
    QCOMPARE(got, QByteArray("You entered " + QByteArray::number(count) + " characters. \n"));
}

void TestBehaviours::welcomeClientClosesFirst()
{
    RunningServer server(QStringLiteral("welcome"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write(" abc ");
    halfClose(client);
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    QVERIFY2(got.endsWith(":You entered 3 characters. \n"), got.constData());
}

void TestBehaviours::httpPage()
{
    RunningServer server(QStringLiteral("http"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write(httpRequest("/", "HTTP/1.1", "Connection: close\r\n"));
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    auto r = takeResponse(got);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(r->head.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(r->head.contains("\r\nContent-Type: text/html; charset=utf-8\r\n"));
    QVERIFY(r->head.contains("\r\nConnection: close\r\n"));
    QVERIFY(r->body.contains("<title>Socket Workbench lab</title>"));
    QVERIFY(got.isEmpty());
}

void TestBehaviours::httpPipelinedKeepAlive()
{
    RunningServer server(QStringLiteral("http"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    const QByteArray headers = httpRequest("/headers", "HTTP/1.1", "X-Test: pipelined\r\n");
    client.write(httpRequest("/status/201") + httpRequest("/bytes/300000") + headers + httpRequest("/chunked"));
    QByteArray stream;
    QList<Response> responses;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            stream += client.readAll();
            while (auto r = takeResponse(stream))
                responses << *r;
            return responses.size() == 4;
        }(),
        10000);
    QCOMPARE(responses.at(0).status, 201);
    QCOMPARE(responses.at(1).body.size(), 300000);
    QCOMPARE(responses.at(1).body.left(64), HttpBehaviour::bytesPattern());
    QCOMPARE(responses.at(2).body, headers);
    QCOMPARE(responses.at(3).body, HttpBehaviour::chunkedPieces().join());
    QVERIFY(stream.isEmpty());
    // Kept alive: one more request on the same connection.
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.write(httpRequest("/redirect", "HTTP/1.1", "Connection: close\r\n"));
    QVERIFY(readUntilClosed(client, &stream));
    auto last = takeResponse(stream);
    QVERIFY(last);
    QCOMPARE(last->status, 302);
    QVERIFY(last->head.contains("\r\nLocation: /\r\n"));
    QCOMPARE(server.server()->stats().clientsTotal, qint64(1));
}

void TestBehaviours::httpBytesOverRealSocket()
{
    RunningServer server(QStringLiteral("http"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    constexpr qint64 total = 10000000;
    client.write(httpRequest("/bytes/" + QByteArray::number(total), "HTTP/1.1", "Connection: close\r\n"));

    // Count the body as it arrives and check the pattern, keeping none of it.
    QByteArray head;
    qint64 bodyBytes = 0;
    bool patternOk = true;
    const QByteArray pattern = HttpBehaviour::bytesPattern();
    auto consume = [&] {
        QByteArray data = client.readAll();
        if (!head.endsWith("\r\n\r\n")) {
            head += data;
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            data = head.mid(end + 4);
            head.truncate(end + 4);
        }
        for (qsizetype i = 0; i < data.size(); i += 4099) {
            if (data.at(i) != pattern.at((bodyBytes + i) % pattern.size()))
                patternOk = false;
        }
        bodyBytes += data.size();
    };
    const bool closed = QTest::qWaitFor(
        [&] {
            consume();
            return client.state() == QAbstractSocket::UnconnectedState;
        },
        60000);
    consume();
    QVERIFY(closed);
    QVERIFY2(head.startsWith("HTTP/1.1 200 OK\r\n"), head.constData());
    QVERIFY(head.contains("\r\nContent-Length: 10000000\r\n"));
    QCOMPARE(bodyBytes, total);
    QVERIFY(patternOk);
    QTRY_COMPARE(server.server()->stats().bytesOut, total + head.size());
}

void TestBehaviours::httpChunkedHttp10()
{
    RunningServer server(QStringLiteral("http"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write("GET /chunked HTTP/1.0\r\n\r\n");
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    const qsizetype end = got.indexOf("\r\n\r\n");
    QVERIFY(end > 0);
    const QByteArray head = got.left(end + 4);
    QVERIFY(!head.contains("Content-Length"));
    QVERIFY(!head.contains("Transfer-Encoding"));
    QVERIFY(head.contains("\r\nConnection: close\r\n"));
    QCOMPARE(got.mid(end + 4), HttpBehaviour::chunkedPieces().join());
}

void TestBehaviours::httpSlow()
{
    BehaviourOptions options;
    options.slowIntervalMs = 20;
    RunningServer server(QStringLiteral("http"), Transport::Tcp, options);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write(httpRequest("/slow"));
    halfClose(client); // still owed the whole answer
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    auto r = takeResponse(got);
    QVERIFY(r);
    QCOMPARE(r->body, HttpBehaviour::slowPieces().join());
    QVERIFY(got.isEmpty());
    // Five pieces, five send() calls after the head.
    QVERIFY(server.count(TraceKind::Sent, QStringLiteral("send")) >= 6);
}

void TestBehaviours::httpBadRequest()
{
    RunningServer server(QStringLiteral("http"), Transport::Tcp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QTcpSocket client;
    QVERIFY(connectTo(client, server.port()));
    client.write("HELLO THERE\r\n\r\n");
    QByteArray got;
    QVERIFY(readUntilClosed(client, &got));
    QVERIFY2(got.startsWith("HTTP/1.1 400 Bad Request\r\n"), got.constData());
    QVERIFY(got.contains("\r\nConnection: close\r\n"));
}

void TestBehaviours::sntp()
{
    RunningServer server(QStringLiteral("sntp"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    QByteArray request(48, '\0');
    request[0] = char((4 << 3) | 3);
    request[2] = char(10);
    const QByteArray transmit = QByteArray::fromHex("0102030405060708");
    request.replace(40, 8, transmit);
    const double before = unixNow();
    client.writeDatagram(request, QHostAddress::LocalHost, server.port());
    QNetworkDatagram reply;
    QVERIFY(waitForDatagram(client, &reply));
    const double after = unixNow();
    const QByteArray data = reply.data();
    QCOMPARE(data.size(), 48);
    QCOMPARE(quint8(data.at(0)), quint8((4 << 3) | 4));
    QCOMPARE(int(data.at(1)), 1);
    QCOMPARE(int(data.at(2)), 10);
    QCOMPARE(data.mid(12, 4), QByteArray("LOCL"));
    QCOMPARE(data.mid(24, 8), transmit);
    QVERIFY(ntpToUnix(data, 32) >= before - 0.001 && ntpToUnix(data, 32) <= after + 0.001);
    QVERIFY(ntpToUnix(data, 40) >= before - 0.001 && ntpToUnix(data, 40) <= after + 0.001);
}

void TestBehaviours::sntpIgnoresShortRequests()
{
    RunningServer server(QStringLiteral("sntp"), Transport::Udp);
    QVERIFY2(server.isListening(), qPrintable(server.failure));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram(QByteArray(47, '\x23'), QHostAddress::LocalHost, server.port());
    QTRY_COMPARE(server.count(TraceKind::Received, QStringLiteral("recvfrom")), 1);
    QCOMPARE(server.count(TraceKind::Sent), 0);
    QVERIFY(!client.hasPendingDatagrams());
}

QTEST_GUILESS_MAIN(TestBehaviours)
#include "tst_behaviours.moc"
