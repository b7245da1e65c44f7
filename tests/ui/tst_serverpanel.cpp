// The Listen Server panel, clicked through against real loopback clients: start, watch clients arrive,
// operate on them, filter and export the console, and the failures a class meets (port taken, restart
// without SO_REUSEADDR).

#include "lab/locallab.h"
#include "panels/serverconsole.h"
#include "panels/serverpanel.h"
#include "server/connectionmodel.h"
#include "testclient.h"
#include "trace/tracemodel.h"
#include "widgets/codepane.h"
#include "widgets/consolefilterproxy.h"
#include "widgets/ladderview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <memory>

using namespace swb;

using RawClient = swb::test::Client;

class TestServerPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void formDefaults();
    void exposedBindAddressWarns();
    void badPortIsExplained();
    void startShowsTheServerSteps();
    void diagramHasALifelinePerClient();
    void clientAppearsInTableAndConsole();
    void manualRepliesHalfCloseAndClose();
    void sendToAllReachesEveryClient();
    void consoleFilters();
    void hexView();
    void exportTextAndCsv();
    void portInUseSuggestsAnother();
    void restartWithoutReuseAddressFails();
    void udpListsSendersAndReplies();
    void lossyUdpCountsWhatItDrops();
    void codeFollowsTheForm();
    void severalServersHaveTheirOwnTabs();
    void labServersAreListed();
    void grabsForReview();

private:
    template<typename T> T *child(QObject *root, const char *name)
    {
        T *widget = root->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    template<typename T> T *child(const char *name) { return child<T>(m_panel.get(), name); }
    ServerConsole *startFromForm(const QString &behaviour, Transport transport = Transport::Tcp);
    static bool consoleHas(ServerConsole *console, const QString &text);
    static QStringList consoleCalls(ServerConsole *console);
    static void selectClient(ServerConsole *console, int id);

    std::unique_ptr<LocalLab> m_lab;
    std::unique_ptr<ServerPanel> m_panel;
};

void TestServerPanel::initTestCase()
{
    m_lab = std::make_unique<LocalLab>();
    m_lab->setEphemeralPorts(true);
    m_lab->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->isReady(), 10000);
}

void TestServerPanel::init()
{
    m_panel = std::make_unique<ServerPanel>(m_lab.get());
    m_panel->resize(1100, 900);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestServerPanel::cleanup()
{
    m_panel.reset();
}

void TestServerPanel::cleanupTestCase()
{
    m_lab.reset();
}

ServerConsole *TestServerPanel::startFromForm(const QString &behaviour, Transport transport)
{
    auto *transportCombo = child<QComboBox>("serverTransportCombo");
    transportCombo->setCurrentIndex(transportCombo->findData(int(transport)));
    auto *behaviourCombo = child<QComboBox>("serverBehaviourCombo");
    behaviourCombo->setCurrentIndex(behaviourCombo->findData(behaviour));
    const int before = int(m_panel->consoles().size());
    QTest::mouseClick(child<QPushButton>("startServerButton"), Qt::LeftButton);
    if (m_panel->consoles().size() != before + 1)
        return nullptr;
    ServerConsole *console = m_panel->consoles().last();
    if (!QTest::qWaitFor([console] { return console->session()->state() != ServerSession::State::Starting; }, 5000))
        return nullptr;
    return console;
}

bool TestServerPanel::consoleHas(ServerConsole *console, const QString &text)
{
    const TraceModel *trace = console->session()->traceModel();
    for (int row = 0; row < trace->rowCount(); ++row) {
        if (ConsoleFormat::line(trace->eventAt(row)).contains(text))
            return true;
    }
    return false;
}

QStringList TestServerPanel::consoleCalls(ServerConsole *console)
{
    QStringList calls;
    const TraceModel *trace = console->session()->traceModel();
    for (int row = 0; row < trace->rowCount(); ++row) {
        if (!trace->eventAt(row).call.isEmpty())
            calls << trace->eventAt(row).call;
    }
    return calls;
}

void TestServerPanel::selectClient(ServerConsole *console, int id)
{
    auto *view = console->findChild<QTableView *>(QStringLiteral("connectionsTable"));
    const int row = console->session()->connectionModel()->rowOfClient(id);
    QVERIFY(row >= 0);
    view->selectRow(row);
}

void TestServerPanel::formDefaults()
{
    QCOMPARE(child<QComboBox>("serverTransportCombo")->currentData().toInt(), int(Transport::Tcp));
    QCOMPARE(child<QComboBox>("serverBehaviourCombo")->currentData().toString(), QStringLiteral("timestamp"));
    QCOMPARE(child<QComboBox>("serverBindCombo")->currentData().toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QLineEdit>("serverPortEdit")->text(), QStringLiteral("0"));
    QVERIFY(child<QCheckBox>("serverReuseCheck")->isChecked());
    QVERIFY(!child<QLabel>("bindWarning")->isVisible());
    const std::optional<ListenServerOptions> o = m_panel->formOptions();
    QVERIFY(o);
    QCOMPARE(o->idleTimeoutMs, 0);
    QCOMPARE(o->backlog, 128);
    QCOMPARE(o->dropPercent, 0);
    // Losing datagrams is a UDP lesson: the box only counts for UDP.
    auto *drop = child<QSpinBox>("serverDropSpin");
    QVERIFY(!drop->isEnabled());
    drop->setValue(30);
    QCOMPARE(m_panel->formOptions()->dropPercent, 0);
    auto *transport = child<QComboBox>("serverTransportCombo");
    transport->setCurrentIndex(transport->findData(int(Transport::Udp)));
    QVERIFY(drop->isEnabled());
    QCOMPARE(m_panel->formOptions()->dropPercent, 30);
    transport->setCurrentIndex(transport->findData(int(Transport::Tcp)));
    drop->setValue(0);
    // Every behaviour is offered, manual included.
    auto *behaviours = child<QComboBox>("serverBehaviourCombo");
    for (const QString &name : behaviourNames())
        QVERIFY2(behaviours->findData(name) >= 0, qPrintable(name));
}

void TestServerPanel::exposedBindAddressWarns()
{
    auto *bind = child<QComboBox>("serverBindCombo");
    bind->setCurrentIndex(bind->findData(QStringLiteral("0.0.0.0")));
    QVERIFY(child<QLabel>("bindWarning")->isVisible());
    QVERIFY(child<QLabel>("bindWarning")->text().contains(QLatin1String("classmates")));
    bind->setCurrentIndex(bind->findData(QStringLiteral("::1")));
    QVERIFY(!child<QLabel>("bindWarning")->isVisible());
}

void TestServerPanel::badPortIsExplained()
{
    child<QLineEdit>("serverPortEdit")->setText(QStringLiteral("70000"));
    QTest::mouseClick(child<QPushButton>("startServerButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("serverPortError")->isVisible());
    QVERIFY(child<QLabel>("serverPortError")->text().contains(QLatin1String("65535")));
    QCOMPARE(m_panel->consoles().size(), 0);
    child<QLineEdit>("serverPortEdit")->setText(QStringLiteral("no-such-service-xyz"));
    QTest::mouseClick(child<QPushButton>("startServerButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("serverPortError")->isVisible());
    QCOMPARE(m_panel->consoles().size(), 0);
}

void TestServerPanel::startShowsTheServerSteps()
{
    ServerConsole *console = startFromForm(QStringLiteral("timestamp"));
    QVERIFY(console);
    QCOMPARE(console->session()->state(), ServerSession::State::Listening);
    const quint16 port = console->session()->localEndpoint().port;
    QVERIFY(port != 0);
    QTRY_VERIFY(consoleCalls(console).contains(QStringLiteral("listen")));
    const QStringList calls = consoleCalls(console);
    QCOMPARE(calls.mid(0, 5), (QStringList { "socket", "setsockopt", "bind", "listen", "getsockname" }));
    QVERIFY(child<QLabel>(console, "serverStatusLabel")->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    QVERIFY(child<QLabel>(console, "howToConnectAddress")->text().contains(QString::number(port)));
    QVERIFY(!child<QLabel>(console, "exposedWarning")->isVisible());
    const QString command = child<QPlainTextEdit>(console, "clientCommandText")->toPlainText();
    QCOMPARE(command, QStringLiteral("nc 127.0.0.1 %1").arg(port));
    auto *tabs = child<QTabWidget>("serverTabs");
    QVERIFY(tabs->tabText(tabs->currentIndex()).contains(QString::number(port)));

    QTest::mouseClick(child<QPushButton>(console, "stopServerButton"), Qt::LeftButton);
    QTRY_COMPARE(console->session()->state(), ServerSession::State::Stopped);
    QVERIFY(consoleHas(console, QStringLiteral("close(listening socket)")));
}

void TestServerPanel::clientAppearsInTableAndConsole()
{
    ServerConsole *console = startFromForm(QStringLiteral("timestamp"));
    QVERIFY(console);
    RawClient client(console->session()->localEndpoint().port);
    QVERIFY(client.send("hello\n"));
    QTRY_VERIFY(client.readAll().contains("hello\n"));
    QVERIFY(client.received().startsWith('['));
    ConnectionModel *model = console->session()->connectionModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ConnectionModel::PeerColumn).data().toString(),
        QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
    QCOMPARE(model->stateAt(0), ConnectionModel::State::Open);
    QTRY_COMPARE(model->index(0, ConnectionModel::BytesInColumn).data().toLongLong(), 6);
    QVERIFY(consoleHas(console, QStringLiteral("hello\\n")));
    QTRY_VERIFY(child<QLabel>(console, "serverCountersLabel")->text().contains(QLatin1String("Clients now 1")));

    client.close();
    QTRY_COMPARE(model->stateAt(0), ConnectionModel::State::ClosedByPeer);
    QTRY_VERIFY(child<QLabel>(console, "serverCountersLabel")->text().contains(QLatin1String("Clients now 0")));
}

void TestServerPanel::diagramHasALifelinePerClient()
{
    ServerConsole *console = startFromForm(QStringLiteral("echo"));
    QVERIFY(console);
    auto *tabs = child<QTabWidget>(console, "serverConsoleTabs");
    auto *view = child<LadderView>(console, "serverLadderView");
    QVERIFY(tabs && view);
    // Hidden, the diagram follows nothing: a class's load costs it nothing.
    QVERIFY(!view->diagram()->model());
    RawClient first(console->session()->localEndpoint().port);
    RawClient second(console->session()->localEndpoint().port);
    QVERIFY(first.send("one\n"));
    QVERIFY(second.send("two\n"));
    QTRY_VERIFY(first.readAll().contains("one\n"));
    QTRY_VERIFY(second.readAll().contains("two\n"));
    QTRY_VERIFY(consoleHas(console, QStringLiteral("two\\n")));

    tabs->setCurrentWidget(view);
    QCOMPARE(view->diagram()->model(), console->session()->traceModel());
    const QStringList lanes = view->diagram()->laneTitles();
    QCOMPARE(lanes.size(), 3);
    QVERIFY2(lanes.at(0).startsWith(QLatin1String("Server")), qPrintable(lanes.join(QLatin1Char('|'))));
    QVERIFY2(lanes.at(1).startsWith(QLatin1String("#1")) && lanes.at(2).startsWith(QLatin1String("#2")),
        qPrintable(lanes.join(QLatin1Char('|'))));
    // Each client's bytes go along its own lane: an arrow from lane 1 and one from lane 2.
    int fromFirst = 0;
    int fromSecond = 0;
    for (const LadderDiagram::Item &item : view->diagram()->items()) {
        if (item.kind == LadderDiagram::Item::Arrow && item.traceKind == TraceKind::Received) {
            fromFirst += item.fromLane == 1 ? 1 : 0;
            fromSecond += item.fromLane == 2 ? 1 : 0;
        }
    }
    QVERIFY(fromFirst >= 1 && fromSecond >= 1);
    // Back to the table: the diagram lets go of the model again.
    tabs->setCurrentIndex(0);
    QVERIFY(!view->diagram()->model());
}

void TestServerPanel::manualRepliesHalfCloseAndClose()
{
    ServerConsole *console = startFromForm(QStringLiteral("manual"));
    QVERIFY(console);
    const quint16 port = console->session()->localEndpoint().port;
    RawClient first(port);
    RawClient second(port);
    ConnectionModel *model = console->session()->connectionModel();
    QTRY_COMPARE(model->rowCount(), 2);
    QVERIFY(!child<QPushButton>(console, "serverSendButton")->isEnabled()); // nobody selected yet

    selectClient(console, model->clientAt(0));
    QVERIFY(child<QPushButton>(console, "serverSendButton")->isEnabled());
    child<QLineEdit>(console, "serverSendEdit")->setText(QStringLiteral("hi\\tthere"));
    QTest::mouseClick(child<QPushButton>(console, "serverSendButton"), Qt::LeftButton);
    QTRY_COMPARE(first.readAll(), QByteArray("hi\tthere\n"));
    QCOMPARE(second.readAll(), QByteArray()); // manual answers nothing by itself, and only the chosen client

    // Half-close: the client reads EOF but can still send, and the server still reads it.
    QTest::mouseClick(child<QPushButton>(console, "serverHalfCloseButton"), Qt::LeftButton);
    QVERIFY(first.waitForEof());
    QVERIFY(first.send("still here\n"));
    QTRY_VERIFY(consoleHas(console, QStringLiteral("still here")));

    selectClient(console, model->clientAt(1));
    QTest::mouseClick(child<QPushButton>(console, "serverCloseClientButton"), Qt::LeftButton);
    QVERIFY(second.waitForEof());
    QTRY_COMPARE(model->stateAt(1), ConnectionModel::State::ClosedByServer);

    // Bad hex is refused beside the field, and nothing is sent.
    selectClient(console, model->clientAt(0));
    auto *mode = child<QComboBox>(console, "serverSendModeCombo");
    mode->setCurrentIndex(1);
    child<QLineEdit>(console, "serverSendEdit")->setText(QStringLiteral("zz"));
    QTest::mouseClick(child<QPushButton>(console, "serverSendButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(console, "serverSendError")->isVisible());
}

void TestServerPanel::sendToAllReachesEveryClient()
{
    ServerConsole *console = startFromForm(QStringLiteral("manual"));
    QVERIFY(console);
    const quint16 port = console->session()->localEndpoint().port;
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 5; ++i)
        clients.push_back(std::make_unique<RawClient>(port));
    QTRY_COMPARE(console->session()->connectionModel()->counters().clientsNow, 5);
    child<QLineEdit>(console, "serverSendEdit")->setText(QStringLiteral("class dismissed"));
    QTRY_VERIFY(child<QPushButton>(console, "serverSendAllButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(console, "serverSendAllButton"), Qt::LeftButton);
    for (auto &c : clients)
        QTRY_COMPARE(c->readAll(), QByteArray("class dismissed\n"));
}

void TestServerPanel::consoleFilters()
{
    ServerConsole *console = startFromForm(QStringLiteral("echo"));
    QVERIFY(console);
    const quint16 port = console->session()->localEndpoint().port;
    RawClient a(port);
    RawClient b(port);
    QVERIFY(a.send("apple\n"));
    QVERIFY(b.send("banana\n"));
    QTRY_VERIFY(a.readAll() == "apple\n" && b.readAll() == "banana\n");
    console->session()->flushEvents();
    ConsoleFilterProxy *filter = console->consoleFilter();
    const int all = filter->rowCount();
    QVERIFY(all > 8);

    auto *kinds = child<QComboBox>(console, "consoleKindCombo");
    kinds->setCurrentIndex(kinds->findData(int(ConsoleFilterProxy::DataKinds)));
    QCOMPARE(filter->rowCount(), 4); // two received, two sent
    kinds->setCurrentIndex(kinds->findData(int(ConsoleFilterProxy::ErrorKinds)));
    QCOMPARE(filter->rowCount(), 0);
    kinds->setCurrentIndex(0);
    QCOMPARE(filter->rowCount(), all);

    child<QLineEdit>(console, "consoleSearchEdit")->setText(QStringLiteral("BANANA"));
    QTRY_COMPARE(filter->rowCount(), 2); // case-insensitive, after the typing pause
    child<QLineEdit>(console, "consoleSearchEdit")->clear();
    QTRY_COMPARE(filter->rowCount(), all);

    const int idA = console->session()->connectionModel()->clientAt(0);
    selectClient(console, idA);
    child<QCheckBox>(console, "onlySelectedClientCheck")->setChecked(true);
    QVERIFY(filter->rowCount() > 0 && filter->rowCount() < all);
    for (int row = 0; row < filter->rowCount(); ++row)
        QCOMPARE(filter->index(row, 0).data(TraceModel::ConnectionIdRole).toInt(), idA);

    // Clear empties the console; the counters stay.
    child<QCheckBox>(console, "onlySelectedClientCheck")->setChecked(false);
    QTest::mouseClick(child<QPushButton>(console, "consoleClearButton"), Qt::LeftButton);
    QCOMPARE(filter->rowCount(), 0);
    QCOMPARE(console->session()->connectionModel()->counters().clientsNow, 2);
}

void TestServerPanel::hexView()
{
    ServerConsole *console = startFromForm(QStringLiteral("echo"));
    QVERIFY(console);
    RawClient client(console->session()->localEndpoint().port);
    QVERIFY(client.send(QByteArray("hi\x1b[2J\x07\n")));
    QTRY_VERIFY(client.readAll().endsWith('\n'));
    console->session()->flushEvents();
    ConsoleFilterProxy *filter = console->consoleFilter();
    auto dataTexts = [&] {
        QStringList out;
        for (int row = 0; row < filter->rowCount(); ++row)
            out << filter->index(row, TraceModel::DataColumn).data().toString();
        return out;
    };
    // Control characters are shown escaped, never passed to the screen.
    QVERIFY(dataTexts().contains(QStringLiteral("hi\\x1b[2J\\x07\\n")));
    for (const QString &text : dataTexts())
        QVERIFY(!text.contains(QChar(0x1b)));
    child<QCheckBox>(console, "consoleHexCheck")->setChecked(true);
    QVERIFY(dataTexts().contains(QStringLiteral("68 69 1b 5b 32 4a 07 0a")));
}

void TestServerPanel::exportTextAndCsv()
{
    ServerConsole *console = startFromForm(QStringLiteral("echo"));
    QVERIFY(console);
    RawClient client(console->session()->localEndpoint().port);
    QVERIFY(client.send("a,\"quoted\" line\n"));
    QTRY_VERIFY(client.readAll().endsWith('\n'));
    QTemporaryDir dir;
    QSignalSpy finished(console, &ServerConsole::exportFinished);
    console->exportLog(dir.filePath(QStringLiteral("log.txt")), ConsoleFormat::Format::Text);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QFile text(dir.filePath(QStringLiteral("log.txt")));
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QString log = QString::fromUtf8(text.readAll());
    QVERIFY(log.contains(QLatin1String("listen(128)")));
    QVERIFY(log.contains(QLatin1String("<-  16 bytes")));
    QVERIFY(log.contains(QLatin1String("a,\"quoted\" line\\n")));

    console->exportLog(dir.filePath(QStringLiteral("log.csv")), ConsoleFormat::Format::Csv);
    QTRY_COMPARE(finished.size(), 2);
    QFile csv(dir.filePath(QStringLiteral("log.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), ConsoleFormat::csvHeader());
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("\"a,\"\"quoted\"\" line\\n\"")));

    // A folder that does not exist: a message, not a crash.
    console->exportLog(dir.filePath(QStringLiteral("missing/log.txt")), ConsoleFormat::Format::Text);
    QTRY_COMPARE(finished.size(), 3);
    QVERIFY(!finished.at(2).at(0).toBool());
    QVERIFY(child<QLabel>(console, "consoleExportLabel")->text().contains(QLatin1String("Could not save")));
}

void TestServerPanel::portInUseSuggestsAnother()
{
    ServerConsole *first = startFromForm(QStringLiteral("echo"));
    QVERIFY(first);
    const quint16 port = first->session()->localEndpoint().port;
    child<QLineEdit>("serverPortEdit")->setText(QString::number(port));
    ServerConsole *second = startFromForm(QStringLiteral("echo"));
    QVERIFY(second);
    QCOMPARE(second->session()->state(), ServerSession::State::Failed);
    QCOMPARE(second->session()->lastError().kind, ErrorKind::Local);
    QCOMPARE(second->session()->lastError().osError, QStringLiteral("EADDRINUSE"));
    QVERIFY(child<QLabel>(second, "serverErrorLabel")->isVisible());
    const QString hint = child<QLabel>("serverPortError")->text();
    QVERIFY2(hint.contains(QLatin1String("EADDRINUSE")) && hint.contains(QLatin1String("is free")), qPrintable(hint));
    QVERIFY(consoleCalls(second).contains(QStringLiteral("bind")));
    // The first server is untouched and still serves.
    RawClient client(port);
    QVERIFY(client.send("still\n"));
    QTRY_COMPARE(client.readAll(), QByteArray("still\n"));

    // The lab's own port: the hint names the lab's server.
    child<QLineEdit>("serverPortEdit")->setText(QString::number(m_lab->port(QStringLiteral("echo"))));
    QVERIFY(startFromForm(QStringLiteral("echo")));
    QVERIFY(child<QLabel>("serverPortError")->text().contains(QLatin1String("local lab")));
}

void TestServerPanel::restartWithoutReuseAddressFails()
{
    // The seeds' lesson: stop a server right after a client was connected, and its port is held in
    // TIME_WAIT; binding it again at once works only when the sockets have SO_REUSEADDR (on Linux the old
    // one as well as the new one).
    for (const bool reuse : { false, true }) {
        child<QCheckBox>("serverReuseCheck")->setChecked(reuse);
        ServerConsole *console = startFromForm(QStringLiteral("echo"));
        QVERIFY(console);
        QTRY_VERIFY(consoleCalls(console).contains(QStringLiteral("listen")));
        QCOMPARE(consoleCalls(console).contains(QStringLiteral("setsockopt")), reuse);
        const quint16 port = console->session()->localEndpoint().port;
        {
            RawClient client(port);
            QVERIFY(client.send("x\n"));
            QTRY_COMPARE(client.readAll(), QByteArray("x\n"));
            QTest::mouseClick(
                child<QPushButton>(console, "stopServerButton"), Qt::LeftButton); // the server closes first
            QTRY_COMPARE(console->session()->state(), ServerSession::State::Stopped);
            QVERIFY(client.waitForEof());
        }
        QTest::mouseClick(child<QPushButton>(console, "restartServerButton"), Qt::LeftButton);
        if (reuse) {
            QTRY_COMPARE(console->session()->state(), ServerSession::State::Listening);
            QCOMPARE(console->session()->localEndpoint().port, port);
        } else {
            QTRY_COMPARE(console->session()->state(), ServerSession::State::Failed);
            QCOMPARE(console->session()->lastError().osError, QStringLiteral("EADDRINUSE"));
        }
    }
}

void TestServerPanel::udpListsSendersAndReplies()
{
    ServerConsole *console = startFromForm(QStringLiteral("timestamp"), Transport::Udp);
    QVERIFY(console);
    QCOMPARE(console->session()->state(), ServerSession::State::Listening);
    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    const quint16 port = console->session()->localEndpoint().port;
    socket.writeDatagram("ping", QHostAddress::LocalHost, port);
    QTRY_VERIFY(socket.hasPendingDatagrams());
    QVERIFY(socket.receiveDatagram().data().endsWith("ping"));
    ConnectionModel *model = console->session()->connectionModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ConnectionModel::PeerColumn).data().toString(),
        QStringLiteral("127.0.0.1:%1").arg(socket.localPort()));
    QCOMPARE(model->index(0, ConnectionModel::DatagramsColumn).data().toString(), QStringLiteral("1 / 1"));
    QVERIFY(!child<QPushButton>(console, "serverHalfCloseButton")->isVisible());

    selectClient(console, model->clientAt(0));
    child<QLineEdit>(console, "serverSendEdit")->setText(QStringLiteral("from the operator"));
    QTest::mouseClick(child<QPushButton>(console, "serverSendButton"), Qt::LeftButton);
    QTRY_VERIFY(socket.hasPendingDatagrams());
    QCOMPARE(socket.receiveDatagram().data(), QByteArray("from the operator\n"));
    QVERIFY(child<QPlainTextEdit>(console, "clientCommandText")->toPlainText().startsWith(QLatin1String("nc -u")));
}

void TestServerPanel::lossyUdpCountsWhatItDrops()
{
    child<QSpinBox>("serverDropSpin")->setValue(100);
    ServerConsole *console = startFromForm(QStringLiteral("echo"), Transport::Udp);
    QVERIFY(console);
    QCOMPARE(console->session()->options().dropPercent, 100);
    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    for (int i = 0; i < 3; ++i)
        socket.writeDatagram("ping", QHostAddress::LocalHost, console->session()->localEndpoint().port);
    auto *counters = child<QLabel>(console, "serverCountersLabel");
    QTRY_VERIFY2(counters->text().contains(QLatin1String("lost on purpose 3 (100 %)")), qPrintable(counters->text()));
    QVERIFY(counters->text().contains(QLatin1String("datagrams in 3")));
    QVERIFY(counters->text().contains(QLatin1String("datagrams out 0")));
    QVERIFY(!socket.hasPendingDatagrams());
}

void TestServerPanel::codeFollowsTheForm()
{
    auto *code = child<CodePane>("codePane");
    auto *behaviours = child<QComboBox>("serverBehaviourCombo");
    behaviours->setCurrentIndex(behaviours->findData(QStringLiteral("timestamp")));
    child<QLineEdit>("serverPortEdit")->setText(QStringLiteral("21567"));
    QVERIFY2(code->python().contains(QLatin1String("port = 21567")), qPrintable(code->python()));
    QVERIFY(code->python().contains(QLatin1String("time.ctime()")));
    QVERIFY(code->python().contains(QLatin1String("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)")));
    QVERIFY(code->python().contains(QLatin1String("clientsock, clientaddr = s.accept()")));
    child<QCheckBox>("serverReuseCheck")->setChecked(false);
    QVERIFY(!code->python().contains(QLatin1String("SO_REUSEADDR")));
    auto *transport = child<QComboBox>("serverTransportCombo");
    transport->setCurrentIndex(transport->findData(int(Transport::Udp)));
    QVERIFY(code->python().contains(QLatin1String("s.recvfrom(65536)")));
    QVERIFY(code->cpp().contains(QLatin1String("QUdpSocket socket;")));
    child<QLineEdit>("serverPortEdit")->setText(QStringLiteral("70000"));
    QVERIFY(code->python().startsWith(QLatin1String("# No program")));
}

void TestServerPanel::severalServersHaveTheirOwnTabs()
{
    ServerConsole *tcp = startFromForm(QStringLiteral("timestamp"), Transport::Tcp);
    ServerConsole *udp = startFromForm(QStringLiteral("timestamp"), Transport::Udp);
    QVERIFY(tcp && udp);
    QCOMPARE(m_panel->consoles().size(), 2);
    auto *tabs = child<QTabWidget>("serverTabs");
    QCOMPARE(tabs->count(), 4); // the lab, the form's code and two servers
    QVERIFY(tabs->tabText(2).contains(QLatin1String("TCP")));
    QVERIFY(tabs->tabText(3).contains(QLatin1String("UDP")));
    QTest::mouseClick(child<QPushButton>(tcp, "closeServerTabButton"), Qt::LeftButton);
    QTRY_COMPARE(m_panel->consoles().size(), 1);
    QCOMPARE(udp->session()->state(), ServerSession::State::Listening);
}

void TestServerPanel::labServersAreListed()
{
    auto *table = child<QTableWidget>("labServersTable");
    QCOMPARE(table->rowCount(), int(LocalLab::defaultServices().size()));
    QStringList addresses;
    for (int row = 0; row < table->rowCount(); ++row)
        addresses << table->item(row, 2)->text();
    QVERIFY(addresses.contains(QStringLiteral("127.0.0.1:%1").arg(m_lab->port(QStringLiteral("echo")))));
}

void TestServerPanel::grabsForReview()
{
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    ServerConsole *console = startFromForm(QStringLiteral("timestamp"));
    QVERIFY(console);
    const quint16 port = console->session()->localEndpoint().port;
    RawClient a(port);
    RawClient b(port);
    RawClient c(port);
    QVERIFY(a.send("hello\n"));
    QVERIFY(b.send("good morning\n"));
    QVERIFY(c.send(QByteArray("\x1b[31mred?\n")));
    QTRY_VERIFY(!c.readAll().isEmpty());
    b.close();
    QTRY_COMPARE(console->session()->connectionModel()->counters().clientsNow, 2);
    selectClient(console, console->session()->connectionModel()->clientAt(0));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/server-tcp.png")));

    ServerConsole *udp = startFromForm(QStringLiteral("echo"), Transport::Udp);
    QVERIFY(udp);
    QUdpSocket socket;
    socket.writeDatagram("ping", QHostAddress::LocalHost, udp->session()->localEndpoint().port);
    QTRY_COMPARE(udp->session()->connectionModel()->rowCount(), 1);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/server-udp.png")));

    child<QLineEdit>("serverPortEdit")->setText(QString::number(port));
    QVERIFY(startFromForm(QStringLiteral("timestamp")));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/server-port-in-use.png")));
}

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
