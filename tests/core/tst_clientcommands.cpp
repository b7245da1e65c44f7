// "How to connect": the addresses a class can use, the client commands offered, and the Python one
// run for real against a server on loopback (skipped only where python3 is missing).

#include "server/clientcommands.h"
#include "server/listenserver.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace swb;

class TestClientCommands : public QObject {
    Q_OBJECT

private slots:
    void wildcards();
    void reachable_data();
    void reachable();
    void commandsName_data();
    void commandsName();
    void pythonCommandsWork_data();
    void pythonCommandsWork();

private:
    static QByteArray runShell(const QString &command, const QByteArray &input = {});
};

void TestClientCommands::wildcards()
{
    QVERIFY(ClientCommands::isWildcard(QStringLiteral("0.0.0.0")));
    QVERIFY(ClientCommands::isWildcard(QStringLiteral("::")));
    QVERIFY(!ClientCommands::isWildcard(QStringLiteral("127.0.0.1")));
    QVERIFY(ClientCommands::isLoopback(QStringLiteral("127.0.0.1")));
    QVERIFY(ClientCommands::isLoopback(QStringLiteral("127.1.2.3")));
    QVERIFY(ClientCommands::isLoopback(QStringLiteral("::1")));
    QVERIFY(!ClientCommands::isLoopback(QStringLiteral("192.168.1.5")));
    QVERIFY(!ClientCommands::isLoopback(QStringLiteral("0.0.0.0")));
}

void TestClientCommands::reachable_data()
{
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QStringList>("interfaces");
    QTest::addColumn<QStringList>("expected");
    const QStringList lan { "192.168.1.5", "fe80::1", "2001:db8::5", "10.0.0.7" };
    QTest::newRow("loopback") << "127.0.0.1" << lan << QStringList { "127.0.0.1" };
    QTest::newRow("one interface") << "192.168.1.5" << lan << QStringList { "192.168.1.5" };
    QTest::newRow("all IPv4") << "0.0.0.0" << lan << QStringList { "127.0.0.1", "192.168.1.5", "10.0.0.7" };
    QTest::newRow("all, IPv6 too") << "::" << lan
                                   << QStringList { "127.0.0.1", "::1", "192.168.1.5", "2001:db8::5", "10.0.0.7" };
    // A machine with no network: only loopback is left (and nothing may index past it).
    QTest::newRow("offline, all IPv4") << "0.0.0.0" << QStringList {} << QStringList { "127.0.0.1" };
    QTest::newRow("offline, all") << "::" << QStringList {} << QStringList { "127.0.0.1", "::1" };
}

void TestClientCommands::reachable()
{
    QFETCH(QString, bind);
    QFETCH(QStringList, interfaces);
    QFETCH(QStringList, expected);
    QCOMPARE(ClientCommands::reachableAddresses(bind, interfaces), expected);
}

void TestClientCommands::commandsName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QStringList>("tools");
    QTest::addColumn<QString>("first");
    QTest::newRow("tcp") << "127.0.0.1" << int(Transport::Tcp)
                         << QStringList { "nc", "telnet", "Python 3", "socket-workbench" } << "nc 127.0.0.1 9000";
    QTest::newRow("udp") << "127.0.0.1" << int(Transport::Udp) << QStringList { "nc", "Python 3" }
                         << "nc -u 127.0.0.1 9000";
    QTest::newRow("ipv6") << "::1" << int(Transport::Tcp)
                          << QStringList { "nc", "telnet", "Python 3", "socket-workbench" } << "nc ::1 9000";
}

void TestClientCommands::commandsName()
{
    QFETCH(QString, host);
    QFETCH(int, transport);
    QFETCH(QStringList, tools);
    QFETCH(QString, first);
    const QList<ClientCommand> commands = ClientCommands::forServer(host, 9000, Transport(transport));
    QStringList names;
    for (const ClientCommand &c : commands)
        names << c.tool;
    QCOMPARE(names, tools);
    QCOMPARE(commands.first().command, first);
    if (host.contains(QLatin1Char(':')))
        QVERIFY(commands.at(2).command.contains(QLatin1String("AF_INET6")));
}

QByteArray TestClientCommands::runShell(const QString &command, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
    if (!process.waitForStarted(5000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    // The server lives on this thread: keep its event loop turning while the client runs.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 10000))
        process.kill();
    return process.readAllStandardOutput();
}

void TestClientCommands::pythonCommandsWork_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("host");
    QTest::newRow("tcp") << int(Transport::Tcp) << "127.0.0.1";
    QTest::newRow("udp") << int(Transport::Udp) << "127.0.0.1";
    QTest::newRow("tcp ipv6") << int(Transport::Tcp) << "::1";
}

void TestClientCommands::pythonCommandsWork()
{
    QFETCH(int, transport);
    QFETCH(QString, host);
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed: the Python client command cannot be run here");
    ListenServerOptions options;
    options.transport = Transport(transport);
    options.behaviour = QStringLiteral("timestamp");
    options.bindAddress = host;
    ListenServer server(options);
    QSignalSpy started(&server, &ListenServer::started);
    QSignalSpy failed(&server, &ListenServer::failed);
    server.start();
    if (!failed.isEmpty() && host == QLatin1String("::1"))
        QSKIP("no IPv6 loopback here");
    QCOMPARE(started.size(), 1);
    const QList<ClientCommand> commands
        = ClientCommands::forServer(host, server.localEndpoint().port, Transport(transport));
    const QString python = commands.at(transport == int(Transport::Tcp) ? 2 : 1).command;
    const QByteArray out = runShell(python);
    // The seeds' timestamp reply, as Python prints bytes: b'[Sun Nov 22 01:35:39 2026] hello\n'
    QVERIFY2(out.contains("] hello\\n"), out.constData());
    if (transport == int(Transport::Tcp))
        QVERIFY2(out.startsWith("b'["), out.constData());
    server.stop();
}

QTEST_GUILESS_MAIN(TestClientCommands)
#include "tst_clientcommands.moc"
