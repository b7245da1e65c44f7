// The equivalent code the panels show, tested by running it: the generated Python goes to python3
// against the lab (127.0.0.1, ephemeral ports) and must get what the app got (the same reply bytes,
// the same time within a second); the generated C++ is compiled and linked against Qt, and run.

#include "http/httpget.h"
#include "lab/locallab.h"
#include "learn/equivalentcode.h"

#include <QDir>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtEndian>
#include <QtTest>

#include <memory>

using namespace swb;

namespace {

struct Ran {
    int exitCode = -1;
    QByteArray out;
};

// Runs a program to its end (tests may wait), with a deadline.
Ran runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Ran r;
    if (!process.waitForStarted(10000))
        return r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAll();
    return r;
}

QString python()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

} // namespace

class TestEquivalentCode : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void pythonBytesLiterals_data();
    void pythonBytesLiterals();
    void cppBytesLiteralsCompileToTheSameBytes();

    void udpPythonGetsTheSameEcho_data();
    void udpPythonGetsTheSameEcho();
    void udpPythonHearsTheRefusalOnlyWhenConnected();
    void udpProgramFollowsTheForm();
    void timePythonGetsTheSameTime_data();
    void timePythonGetsTheSameTime();
    void connectPythonGetsTheSameEcho();
    void connectPythonReportsARefusal();
    void serverPythonAnswersLikeTheLab_data();
    void serverPythonAnswersLikeTheLab();
    void httpPythonGetsTheSameBody();
    void lookupPythonGetsTheSameAnswers();
    void cppProgramsCompileAndRun();
    void trickyInputsStillMakeValidPrograms();

private:
    QString writeFile(const QString &name, const QString &text);
    Ran runPython(const QString &program);
    // Compiles and links a generated program against Qt; empty when it failed (the log is printed).
    QString compile(const QString &name, const QString &source);
    UdpSessionResult runUdp(const UdpSessionRequest &request);
    TimeQueryResult runTime(const TimeQueryRequest &request);

    std::unique_ptr<LocalLab> m_lab;
    QTemporaryDir m_dir;
};

void TestEquivalentCode::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lab = std::make_unique<LocalLab>();
    m_lab->setEphemeralPorts(true);
    m_lab->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->isReady(), 10000);
}

void TestEquivalentCode::cleanupTestCase()
{
    m_lab->stop();
}

QString TestEquivalentCode::writeFile(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(text.toUtf8());
    return path;
}

Ran TestEquivalentCode::runPython(const QString &program)
{
    return runProgram(python(), { writeFile(QStringLiteral("program.py"), program) });
}

QString TestEquivalentCode::compile(const QString &name, const QString &source)
{
    const QString file = writeFile(name + QStringLiteral(".cpp"), source);
    const QString binary = m_dir.filePath(name);
    QStringList args { QStringLiteral("-std=c++17"), QStringLiteral("-fPIC"), QStringLiteral("-o"), binary, file };
    for (const QString &dir : QStringLiteral(SWB_QT_INCLUDES).split(u'|', Qt::SkipEmptyParts))
        args << QStringLiteral("-I") + dir;
    args << QStringLiteral(SWB_QT_LIBS).split(u'|', Qt::SkipEmptyParts);
    const Ran r = runProgram(QStringLiteral(SWB_CXX), args, 120000);
    if (r.exitCode != 0) {
        qWarning("compiling %s failed:\n%s", qPrintable(name), r.out.constData());
        return {};
    }
    return binary;
}

UdpSessionResult TestEquivalentCode::runUdp(const UdpSessionRequest &request)
{
    UdpSession session;
    QSignalSpy finished(&session, &UdpSession::finished);
    session.start(request);
    if (finished.isEmpty())
        finished.wait(20000);
    return session.result();
}

TimeQueryResult TestEquivalentCode::runTime(const TimeQueryRequest &request)
{
    TimeQuery query;
    QSignalSpy finished(&query, &TimeQuery::finished);
    query.start(request);
    if (finished.isEmpty())
        finished.wait(20000);
    return finished.isEmpty() ? TimeQueryResult() : finished.first().first().value<TimeQueryResult>();
}

// --- Literals -----------------------------------------------------------------------------------

void TestEquivalentCode::pythonBytesLiterals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("literal");
    QTest::newRow("text") << QByteArray("hello") << QStringLiteral("b'hello'");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("b''");
    QTest::newRow("line ends") << QByteArray("GET / HTTP/1.0\r\n\r\n")
                               << QStringLiteral("b'GET / HTTP/1.0\\r\\n\\r\\n'");
    QTest::newRow("quote and backslash") << QByteArray("a'b\\c\"") << QStringLiteral("b'a\\'b\\\\c\"'");
    QTest::newRow("control and high") << QByteArray("\x00\x01\x7f\xff", 4) << QStringLiteral("b'\\x00\\x01\\x7f\\xff'");
    QTest::newRow("utf-8") << QByteArray("\xe4\xbd\xa0") << QStringLiteral("b'\\xe4\\xbd\\xa0'");
    QTest::newRow("a run") << QByteArray(65507, 'x') << QStringLiteral("b'x' * 65507");
    QTest::newRow("a run of zeros") << QByteArray(100, '\0') << QStringLiteral("b'\\x00' * 100");
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    QTest::newRow("binary") << binary << QStringLiteral("bytes.fromhex('%1')").arg(QString::fromLatin1(binary.toHex()));
}

void TestEquivalentCode::pythonBytesLiterals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, literal);
    QCOMPARE(EquivalentCode::pythonBytes(bytes), literal);
    if (python().isEmpty())
        QSKIP("python3 is not installed: the literal is not checked by Python itself");
    const Ran r = runPython(QStringLiteral("import sys\nsys.stdout.buffer.write(%1)\n").arg(literal));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, bytes);
}

void TestEquivalentCode::cppBytesLiteralsCompileToTheSameBytes()
{
    const QList<QByteArray> samples { QByteArray("hello"), QByteArray(), QByteArray("a'b\\c\"d"), QByteArray("\r\n\t"),
        QByteArray("\x00\x01\x7f\xff", 4),
        QByteArray("\x01"
                   "abc",
            4),
        QByteArray(65507, 'x'), QByteArray(100, '\0'), QByteArray(80, '\'') };
    QString program = QStringLiteral("#include <QByteArray>\n#include <cstdio>\nint main()\n{\n");
    for (const QByteArray &b : samples)
        program += QStringLiteral(
            "    { const QByteArray b = %1; std::fwrite(b.constData(), 1, size_t(b.size()), stdout); }\n")
                       .arg(EquivalentCode::cppBytes(b));
    program += QStringLiteral("}\n");
    const QString binary = compile(QStringLiteral("literals"), program);
    QVERIFY(!binary.isEmpty());
    const Ran r = runProgram(binary, {});
    QCOMPARE(r.exitCode, 0);
    QByteArray expected;
    for (const QByteArray &b : samples)
        expected += b;
    QCOMPARE(r.out, expected);
    QCOMPARE(EquivalentCode::cppBytes(QByteArray(65507, 'x')), QStringLiteral("QByteArray(65507, 'x')"));
    QCOMPARE(EquivalentCode::cppString(QStringLiteral("a\"b")), QStringLiteral("QStringLiteral(\"a\\\"b\")"));
}

// --- UDP ----------------------------------------------------------------------------------------

void TestEquivalentCode::udpPythonGetsTheSameEcho_data()
{
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("unconnected") << false << QByteArray("hello");
    QTest::newRow("connected") << true << QByteArray("hello");
    QTest::newRow("binary, unconnected") << false << QByteArray("\x00\xff'\\\r\n", 6);
    QTest::newRow("empty, connected") << true << QByteArray();
}

void TestEquivalentCode::udpPythonGetsTheSameEcho()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    QFETCH(bool, connected);
    QFETCH(QByteArray, payload);
    UdpSessionRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.port = QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp));
    request.connected = connected;
    request.payload = payload;
    request.count = 2;
    request.intervalMs = 50;
    request.receiveWindowMs = 2000;
    request.finishWhenAllAnswered = true;
    const UdpSessionResult app = runUdp(request);
    QVERIFY2(app.ok(), qPrintable(app.error.message));
    QCOMPARE(app.received, 2);

    const Ran r = runPython(EquivalentCode::forUdp(request).python);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(r.out.contains("Sent 2, received 2"), r.out.constData());
    // The same reply, as Python's repr of the bytes that came back.
    const Ran repr
        = runPython(QStringLiteral("print(repr(%1))").arg(EquivalentCode::pythonBytes(app.replies.first().payload)));
    const QByteArray line = "Received " + QByteArray::number(payload.size()) + " bytes from ('127.0.0.1', "
        + request.port.toLatin1() + "): " + repr.out.trimmed();
    QVERIFY2(r.out.contains(line), qPrintable(QString::fromUtf8(r.out + "\nexpected: " + line)));
}

void TestEquivalentCode::udpPythonHearsTheRefusalOnlyWhenConnected()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    quint16 closed = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        closed = probe.localPort();
    }
    UdpSessionRequest request;
    request.port = QString::number(closed);
    request.count = 2;
    request.intervalMs = 100;
    request.receiveWindowMs = 300;
    request.connected = true;
    QCOMPARE(runUdp(request).error.osError, QStringLiteral("ECONNREFUSED"));
    Ran r = runPython(EquivalentCode::forUdp(request).python);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.out.contains("ECONNREFUSED"), r.out.constData());
    request.connected = false;
    r = runPython(EquivalentCode::forUdp(request).python);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Sent 2, received 0"), r.out.constData());
}

void TestEquivalentCode::udpProgramFollowsTheForm()
{
    UdpSessionRequest request;
    request.host = QStringLiteral("239.1.2.3");
    request.port = QStringLiteral("echo");
    request.localPort = 40000;
    request.broadcast = true;
    request.multicastGroup = QStringLiteral("239.1.2.3");
    request.multicastInterface = QStringLiteral("127.0.0.1");
    request.multicastTtl = 3;
    request.payload = QByteArray(65507, 'x');
    const EquivalentCode::Program p = EquivalentCode::forUdp(request);
    for (const char *line : { "port = socket.getservbyname('echo', 'udp')", "s.bind(('', 40000))",
             "socket.SO_BROADCAST, 1", "IP_ADD_MEMBERSHIP", "IP_MULTICAST_IF", "IP_MULTICAST_TTL, 3",
             "data = b'x' * 65507", "except socket.error as e:" })
        QVERIFY2(p.python.contains(QLatin1String(line)), line);
    QVERIFY(!p.python.contains(QLatin1String("s.connect(")));
    for (const char *line : { "getservbyname(\"echo\", \"udp\")", "socket.bind(QHostAddress::AnyIPv4, 40000)",
             "joinMulticastGroup", "QByteArray(65507, 'x')" })
        QVERIFY2(p.cpp.contains(QLatin1String(line)), line);
    request.connected = true;
    request.family = AddressFamily::IPv6;
    request.host = QStringLiteral("::1");
    const EquivalentCode::Program c = EquivalentCode::forUdp(request);
    QVERIFY(c.python.contains(QLatin1String("socket.AF_INET6")));
    QVERIFY(c.python.contains(QLatin1String("s.connect((host, port))")));
    QVERIFY(c.python.contains(QLatin1String("s.recv(bufsize)")));
    QVERIFY(c.cpp.contains(QLatin1String("socket.connectToHost(address, port)")));
}

// --- Time ---------------------------------------------------------------------------------------

void TestEquivalentCode::timePythonGetsTheSameTime_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("transport");
    QTest::newRow("time, udp") << int(TimeProtocol::Rfc868Time) << int(Transport::Udp);
    QTest::newRow("time, tcp") << int(TimeProtocol::Rfc868Time) << int(Transport::Tcp);
    QTest::newRow("daytime, udp") << int(TimeProtocol::Daytime) << int(Transport::Udp);
    QTest::newRow("daytime, tcp") << int(TimeProtocol::Daytime) << int(Transport::Tcp);
    QTest::newRow("sntp") << int(TimeProtocol::Sntp) << int(Transport::Udp);
}

void TestEquivalentCode::timePythonGetsTheSameTime()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    QFETCH(int, protocol);
    QFETCH(int, transport);
    TimeQueryRequest request;
    request.protocol = TimeProtocol(protocol);
    request.transport = Transport(transport);
    request.port = QString::number(m_lab->port(timeProtocolName(request.protocol), request.transport));
    const TimeQueryResult app = runTime(request);
    QVERIFY2(app.ok(), qPrintable(app.error.message));
    const Ran r = runPython(EquivalentCode::forTime(request).python);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    if (request.protocol == TimeProtocol::Daytime) {
        // The lab's daytime text, in the shape the app received (a second may have passed between the two).
        const QRegularExpression ctime(QStringLiteral("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"));
        QVERIFY2(ctime.match(QString::fromLatin1(app.reply)).hasMatch(), app.reply.constData());
        QVERIFY2(ctime.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
        QVERIFY(r.out.contains(app.reply.left(11))); // "Sun Nov 22 ": the same day
        return;
    }
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Unix time: ([0-9.]+)")).match(QString::fromUtf8(r.out));
    QVERIFY2(m.hasMatch(), r.out.constData());
    const double pythonTime = m.captured(1).toDouble();
    const double appTime = double(app.serverTime.toMSecsSinceEpoch()) / 1000.0;
    QVERIFY2(qAbs(pythonTime - appTime) <= 1.5,
        qPrintable(QStringLiteral("python %1, app %2").arg(pythonTime).arg(appTime)));
    if (request.protocol == TimeProtocol::Rfc868Time)
        QVERIFY(r.out.contains("Value: "));
    else
        QVERIFY(r.out.contains("stratum 1"));
}

// --- TCP client, servers, HTTP --------------------------------------------------------------------

void TestEquivalentCode::connectPythonGetsTheSameEcho()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    TcpProbeRequest request;
    request.port = QString::number(m_lab->port(QStringLiteral("echo")));
    const Ran r = runPython(EquivalentCode::forConnect(request, "hello\n").python);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    const QByteArray peer = QByteArray("Connected to ('127.0.0.1', ") + request.port.toLatin1() + ")";
    QVERIFY2(r.out.contains(peer), r.out.constData());
    QVERIFY(r.out.contains("Connected from ('127.0.0.1', "));
    QVERIFY2(r.out.contains("Received b'hello\\n'"), r.out.constData());
    // Without a payload: connect, both ends, close.
    const EquivalentCode::Program bare = EquivalentCode::forConnect(request, {});
    QVERIFY(!bare.python.contains(QLatin1String("sendall")));
    QCOMPARE(runPython(bare.python).exitCode, 0);
}

void TestEquivalentCode::connectPythonReportsARefusal()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    quint16 closed = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closed = probe.serverPort();
    }
    TcpProbeRequest request;
    request.port = QString::number(closed);
    const Ran r = runPython(EquivalentCode::forConnect(request, "x").python);
    QCOMPARE(r.exitCode, 4); // as the app's exit code for a Connect error
    QVERIFY2(r.out.contains("Connection error"), r.out.constData());
}

void TestEquivalentCode::serverPythonAnswersLikeTheLab_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<int>("transport");
    QTest::newRow("echo, tcp") << QStringLiteral("echo") << int(Transport::Tcp);
    QTest::newRow("timestamp, tcp") << QStringLiteral("timestamp") << int(Transport::Tcp);
    QTest::newRow("time, tcp") << QStringLiteral("time") << int(Transport::Tcp);
    QTest::newRow("echo, udp") << QStringLiteral("echo") << int(Transport::Udp);
    QTest::newRow("timestamp, udp") << QStringLiteral("timestamp") << int(Transport::Udp);
}

void TestEquivalentCode::serverPythonAnswersLikeTheLab()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    QFETCH(QString, behaviour);
    QFETCH(int, transport);
    ListenServerOptions options;
    options.behaviour = behaviour;
    options.transport = Transport(transport);
    options.port = 0;
    QProcess server;
    server.start(python(),
        { QStringLiteral("-u"), writeFile(QStringLiteral("server.py"), EquivalentCode::forServer(options).python) });
    const auto stop = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished(5000);
    });
    QVERIFY(server.waitForStarted(10000));
    QVERIFY(QTest::qWaitFor([&] { return server.canReadLine(); }, 10000));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Listening on \\('127.0.0.1', (\\d+)\\)"))
                                          .match(QString::fromUtf8(server.readLine()));
    QVERIFY(m.hasMatch());
    const quint16 port = quint16(m.captured(1).toUInt());

    // Ask the program and the lab the same thing.
    auto ask = [&](quint16 to) -> QByteArray {
        if (Transport(transport) == Transport::Udp) {
            QUdpSocket s;
            s.writeDatagram("hi\n", QHostAddress::LocalHost, to);
            if (!QTest::qWaitFor([&] { return s.hasPendingDatagrams(); }, 5000))
                return "(no reply)";
            return s.receiveDatagram().data();
        }
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, to);
        if (!s.waitForConnected(5000))
            return "(no connection)";
        s.write("hi\n");
        QByteArray got;
        (void)QTest::qWaitFor(
            [&] {
                got += s.readAll();
                return behaviour == QLatin1String("time") ? got.size() >= 4 : got.endsWith('\n');
            },
            5000);
        return got;
    };
    const QByteArray fromProgram = ask(port);
    const QByteArray fromLab = ask(m_lab->port(behaviour, Transport(transport)));
    if (behaviour == QLatin1String("echo")) {
        QCOMPARE(fromProgram, QByteArray("hi\n"));
        QCOMPARE(fromLab, fromProgram);
    } else if (behaviour == QLatin1String("time")) {
        QCOMPARE(fromProgram.size(), 4);
        const qint64 a = qFromBigEndian<quint32>(fromProgram.constData());
        const qint64 b = qFromBigEndian<quint32>(fromLab.constData());
        QVERIFY(qAbs(a - b) <= 2);
    } else {
        // "[Sun Nov 22 07:10:16 2026] hi\n": the same shape as the lab's, within a second or two.
        const QRegularExpression shape(
            QStringLiteral("^\\[\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\] hi\\n$"));
        QVERIFY2(shape.match(QString::fromLatin1(fromProgram)).hasMatch(), fromProgram.constData());
        QVERIFY2(shape.match(QString::fromLatin1(fromLab)).hasMatch(), fromLab.constData());
        QCOMPARE(fromProgram.left(12), fromLab.left(12)); // "[Sun Nov 22 ": the same day
    }
}

void TestEquivalentCode::httpPythonGetsTheSameBody()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(m_lab->port(QStringLiteral("http")));
    const Parsed<HttpTarget> target = HttpTarget::parseUrl(url);
    QVERIFY(target.ok());
    HttpGetOptions options;
    options.request.target = *target.value;
    HttpGet get;
    QSignalSpy finished(&get, &HttpGet::finished);
    get.start(options);
    QVERIFY(finished.wait(20000) || !finished.isEmpty());
    QVERIFY(get.body().isComplete());
    const QByteArray appBody = get.body().preview();
    QVERIFY(!appBody.isEmpty());

    const Parsed<QByteArray> request = options.request.requestBytes(m_lab->port(QStringLiteral("http")));
    QVERIFY(request.ok());
    const Ran r = runPython(EquivalentCode::forHttpGet(*target.value, *request.value, true).python);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(r.out.startsWith("HTTP/1.0 200") || r.out.startsWith("HTTP/1.1 200"), r.out.left(200).constData());
    const QByteArray marker = "-- " + QByteArray::number(appBody.size()) + " bytes of body --\n";
    const qsizetype at = r.out.indexOf(marker);
    QVERIFY2(at >= 0, r.out.left(400).constData());
    QCOMPARE(r.out.mid(at + marker.size()), appBody);
}

void TestEquivalentCode::lookupPythonGetsTheSameAnswers()
{
    if (python().isEmpty())
        QSKIP("python3 is not installed: the generated Python cannot be run");
    const std::optional<quint16> http = EndpointParser::lookupService(QStringLiteral("http"), Transport::Tcp);
    QVERIFY(http);
    Ran r = runPython(EquivalentCode::forLookup(
        QStringLiteral("http"), QStringLiteral("tcp"), QStringLiteral("localhost"), AddressFamily::IPv4)
                          .python);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    const QByteArray httpLine = QByteArray("http -> port ") + QByteArray::number(*http);
    QVERIFY2(r.out.contains(httpLine), r.out.constData());
    QVERIFY2(r.out.contains("AF_INET SOCK_STREAM 127.0.0.1"), r.out.constData());
    QVERIFY(r.out.contains("gethostbyname_ex: ('localhost'"));
    r = runPython(EquivalentCode::forLookup(
        QStringLiteral("53"), QStringLiteral("udp"), QStringLiteral("127.0.0.1"), AddressFamily::Any)
                      .python);
    QVERIFY2(r.out.contains("port 53 -> service domain"), r.out.constData());
    QVERIFY2(r.out.contains("127.0.0.1 -> "), r.out.constData());
    r = runPython(EquivalentCode::forLookup(
        QStringLiteral("no-such-service"), QString(), QStringLiteral("localhost"), AddressFamily::Any)
                      .python);
    QVERIFY2(r.out.contains("Couldn't find your port"), r.out.constData());
}

// --- C++ ----------------------------------------------------------------------------------------

void TestEquivalentCode::cppProgramsCompileAndRun()
{
    UdpSessionRequest udp;
    udp.port = QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp));
    udp.payload = "hello";
    udp.count = 2;
    udp.intervalMs = 50;
    udp.finishWhenAllAnswered = true;
    UdpSessionRequest connected = udp;
    connected.connected = true;
    connected.port = QStringLiteral("echo"); // compiled only: the service name path
    struct Case {
        QString name;
        QString source;
        bool run;
        QByteArray expect;
    };
    QList<Case> cases { { QStringLiteral("udp"), EquivalentCode::forUdp(udp).cpp, true, "Sent 2, received 2" },
        { QStringLiteral("udp_connected"), EquivalentCode::forUdp(connected).cpp, false, {} } };
    for (const auto &[protocol, transport] : { std::pair { TimeProtocol::Rfc868Time, Transport::Udp },
             std::pair { TimeProtocol::Rfc868Time, Transport::Tcp },
             std::pair { TimeProtocol::Daytime, Transport::Tcp }, std::pair { TimeProtocol::Sntp, Transport::Udp } }) {
        TimeQueryRequest t;
        t.protocol = protocol;
        t.transport = transport;
        t.port = QString::number(m_lab->port(timeProtocolName(protocol), transport));
        cases.append({ QStringLiteral("time_%1_%2").arg(timeProtocolName(protocol), transportName(transport)),
            EquivalentCode::forTime(t).cpp, true,
            protocol == TimeProtocol::Daytime ? QByteArray("Daytime: ") : QByteArray("Unix time: ") });
    }
    TcpProbeRequest echo;
    echo.port = QString::number(m_lab->port(QStringLiteral("echo")));
    cases.append(
        { QStringLiteral("connect"), EquivalentCode::forConnect(echo, "hello\n").cpp, true, "Received 6 bytes" });
    for (const char *behaviour : { "echo", "timestamp", "time", "discard" }) {
        for (const Transport transport : { Transport::Tcp, Transport::Udp }) {
            ListenServerOptions o;
            o.behaviour = QLatin1String(behaviour);
            o.transport = transport;
            cases.append({ QStringLiteral("server_%1_%2").arg(QLatin1String(behaviour), transportName(transport)),
                EquivalentCode::forServer(o).cpp, false, {} });
        }
    }
    const Parsed<HttpTarget> page
        = HttpTarget::parseUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_lab->port(QStringLiteral("http"))));
    cases.append({ QStringLiteral("http"), EquivalentCode::forHttpGet(*page.value, "GET / HTTP/1.0\r\n\r\n", true).cpp,
        true, "bytes of body --" });
    cases.append({ QStringLiteral("lookup"),
        EquivalentCode::forLookup(
            QStringLiteral("http"), QStringLiteral("tcp"), QStringLiteral("localhost"), AddressFamily::Any)
            .cpp,
        true, "http -> port 80" });
    TimeQueryRequest byName;
    byName.port.clear(); // the service name "time", looked up
    cases.append({ QStringLiteral("time_by_name"), EquivalentCode::forTime(byName).cpp, false, {} });
    for (const Case &c : cases) {
        const QString binary = compile(c.name, c.source);
        QVERIFY2(!binary.isEmpty(), qPrintable(c.name));
        if (!c.run)
            continue;
        const Ran r = runProgram(binary, {}, 20000);
        QVERIFY2(r.exitCode == 0, qPrintable(c.name + QLatin1Char('\n') + QString::fromUtf8(r.out)));
        QVERIFY2(r.out.contains(c.expect), qPrintable(c.name + QLatin1Char('\n') + QString::fromUtf8(r.out)));
    }
}

// What a person can type or paste into a field must still give programs that parse and compile:
// quotes, backslashes, a percent sign, a pasted line break, a NUL, non-ASCII.
void TestEquivalentCode::trickyInputsStillMakeValidPrograms()
{
    const QStringList tricky { QStringLiteral("ht\"tp"), QStringLiteral("it's"), QStringLiteral("back\\slash\\"),
        QStringLiteral("%s%s%n"), QStringLiteral("line\nbreak"),
        QStringLiteral("nul\0x") + QChar(0) + QStringLiteral("y"), QStringLiteral("\u4f60\u597d"),
        QStringLiteral("70000") };
    QList<EquivalentCode::Program> programs;
    for (const QString &text : tricky)
        programs << EquivalentCode::forLookup(text, text, text, AddressFamily::Any);
    UdpSessionRequest udp;
    udp.multicastTtl = 2;
    udp.multicastLoop = 0;
    udp.multicastGroup = QStringLiteral("239.1.2.3");
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char(i * 7));
    udp.payload = binary;
    programs << EquivalentCode::forUdp(udp);
    ListenServerOptions everywhere;
    everywhere.bindAddress = QStringLiteral("::");
    everywhere.transport = Transport::Udp;
    everywhere.behaviour = QStringLiteral("discard");
    const EquivalentCode::Program server = EquivalentCode::forServer(everywhere);
    programs << server;
    // "::" means every interface, IPv4 too; discard sends nothing back, not even to an empty datagram.
    QVERIFY(server.cpp.contains(QLatin1String("QHostAddress::Any ")));
    QVERIFY(server.cpp.contains(QLatin1String("if (!reply.isEmpty())")));
    QVERIFY(EquivalentCode::forUdp(udp).cpp.contains(QLatin1String("QByteArray::fromHex(")));
    QVERIFY(EquivalentCode::forUdp(udp).cpp.contains(QLatin1String("socket.bind(QHostAddress::AnyIPv4, 0)")));

    for (int i = 0; i < programs.size(); ++i) {
        const EquivalentCode::Program &p = programs.at(i);
        if (!python().isEmpty()) {
            const QString file = writeFile(QStringLiteral("tricky%1.py").arg(i), p.python);
            const Ran r = runProgram(python(),
                { QStringLiteral("-c"),
                    QStringLiteral("import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())"), file });
            QVERIFY2(r.exitCode == 0,
                qPrintable(QStringLiteral("program %1: %2\n%3").arg(i).arg(QString::fromUtf8(r.out), p.python)));
        }
        const QString source = writeFile(QStringLiteral("tricky%1.cpp").arg(i), p.cpp);
        QStringList args { QStringLiteral("-std=c++17"), QStringLiteral("-fPIC"), QStringLiteral("-fsyntax-only"),
            QStringLiteral("-Wformat"), QStringLiteral("-Werror=format-security"), source };
        for (const QString &dir : QStringLiteral(SWB_QT_INCLUDES).split(u'|', Qt::SkipEmptyParts))
            args << QStringLiteral("-I") + dir;
        const Ran c = runProgram(QStringLiteral(SWB_CXX), args, 120000);
        QVERIFY2(c.exitCode == 0,
            qPrintable(QStringLiteral("program %1: %2\n%3").arg(i).arg(QString::fromUtf8(c.out), p.cpp)));
        QVERIFY2(!c.out.contains("warning"), c.out.constData());
    }
}

QTEST_MAIN(TestEquivalentCode)
#include "tst_equivalentcode.moc"
