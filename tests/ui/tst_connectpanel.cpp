// The Connect & Inspect panel, clicked and typed into against a local lab on ephemeral ports.

#include "lab/locallab.h"
#include "panels/connectpanel.h"
#include "paneltest.h"
#include "trace/tracemodel.h"
#include "widgets/codepane.h"
#include "widgets/ladderview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace swb;

class TestConnectPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void defaultsToTheLabEcho();
    void connectShowsBothEndpointsAndSteps();
    void connectingAgainChangesTheLocalPort();
    void echoesWhatIsSent();
    void welcomeServiceGreetsAndCounts();
    void refusedConnectionIsExplained();
    void portOutOfRangeDisablesConnect();
    void unknownServiceNameIsAnError();
    void hostWithSpacesIsAnError();
    void serviceNameIsAccepted();
    void badHexIsNotSent();
    void halfCloseShowsTheServerClosing();
    void closeButtonCloses();
    void labServiceComboFillsTheTarget();
    void worksWithoutALab();
    void codeFollowsTheFormAndRunsTheSame();
    void diagramDrawsTheConnectionAndSaves();
    void grabsForReview();

private:
    template<typename T> T *child(const char *name)
    {
        T *widget = m_panel->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    void setTarget(const QString &host, const QString &port);
    void connectNow();
    QString label(const char *name) { return child<QLabel>(name)->text(); }
    QString bytesText() { return child<QPlainTextEdit>("bytesText")->toPlainText(); }
    QStringList stepCalls();
    QString historyCell(int row, int column);
    void sendText(const QString &text);

    std::unique_ptr<LocalLab> m_lab;
    std::unique_ptr<ConnectPanel> m_panel;
};

void TestConnectPanel::initTestCase()
{
    m_lab = std::make_unique<LocalLab>();
    m_lab->setEphemeralPorts(true);
    m_lab->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->isReady(), 10000);
    QVERIFY(m_lab->port(QStringLiteral("echo")) != 0);
    QVERIFY(m_lab->port(QStringLiteral("welcome")) != 0);
}

void TestConnectPanel::init()
{
    m_panel = std::make_unique<ConnectPanel>(m_lab.get());
    m_panel->resize(1000, 760);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestConnectPanel::cleanup()
{
    m_panel.reset();
}

void TestConnectPanel::cleanupTestCase()
{
    m_lab->stop();
    m_lab.reset();
}

void TestConnectPanel::setTarget(const QString &host, const QString &port)
{
    QLineEdit *hostLine = child<QComboBox>("hostEdit")->lineEdit();
    hostLine->clear();
    QTest::keyClicks(hostLine, host);
    auto *portEdit = child<QLineEdit>("portEdit");
    portEdit->clear();
    QTest::keyClicks(portEdit, port);
}

void TestConnectPanel::connectNow()
{
    auto *button = child<QPushButton>("connectButton");
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

QStringList TestConnectPanel::stepCalls()
{
    QAbstractItemModel *model = child<QTableView>("stepTable")->model();
    QStringList calls;
    for (int row = 0; row < model->rowCount(); ++row)
        calls << model->index(row, TraceModel::CallColumn).data().toString();
    return calls;
}

QString TestConnectPanel::historyCell(int row, int column)
{
    QTableWidgetItem *item = child<QTableWidget>("historyTable")->item(row, column);
    return item ? item->text() : QString();
}

void TestConnectPanel::sendText(const QString &text)
{
    auto *edit = child<QLineEdit>("sendEdit");
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled(), 10000);
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
}

void TestConnectPanel::defaultsToTheLabEcho()
{
    QCOMPARE(child<QComboBox>("hostEdit")->currentText(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("echo"))));
    QVERIFY(child<QComboBox>("labServiceCombo")->currentText().startsWith(QLatin1String("echo")));
    QCOMPARE(label("localEndpointLabel"), QStringLiteral("\u2014"));
    QCOMPARE(label("remoteEndpointLabel"), QStringLiteral("\u2014"));
    QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    QVERIFY(!child<QPushButton>("closeButton")->isVisible());
    QVERIFY(!child<QLineEdit>("sendEdit")->isEnabled());
    QVERIFY(child<QCheckBox>("appendNewlineCheck")->isChecked());
}

void TestConnectPanel::connectShowsBothEndpointsAndSteps()
{
    const quint16 echo = m_lab->port(QStringLiteral("echo"));
    setTarget(QStringLiteral("127.0.0.1"), QString::number(echo));
    connectNow();

    QTRY_COMPARE_WITH_TIMEOUT(label("remoteEndpointLabel"), QStringLiteral("127.0.0.1:%1").arg(echo), 10000);
    const QString local = label("localEndpointLabel");
    QVERIFY2(QRegularExpression(QStringLiteral("^127\\.0\\.0\\.1:\\d+$")).match(local).hasMatch(), qPrintable(local));
    QVERIFY(local != QStringLiteral("127.0.0.1:%1").arg(echo));

    // The steps, in order.
    QTRY_VERIFY_WITH_TIMEOUT(stepCalls().size() >= 5, 10000);
    const QStringList calls = stepCalls();
    int at = -1;
    for (const char *call : { "getaddrinfo", "socket", "connect", "getsockname", "getpeername" }) {
        int found = -1;
        for (int i = at + 1; i < calls.size(); ++i) {
            if (calls.at(i).startsWith(QLatin1String(call))) {
                found = i;
                break;
            }
        }
        QVERIFY2(found > at,
            qPrintable(QStringLiteral("%1 missing or out of order in: %2")
                           .arg(QLatin1String(call), calls.join(QStringLiteral(" | ")))));
        at = found;
    }

    auto *history = child<QTableWidget>("historyTable");
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(historyCell(0, 4), QStringLiteral("connected"));
    QCOMPARE(historyCell(0, 1), local);
    QCOMPARE(historyCell(0, 2), QStringLiteral("127.0.0.1:%1").arg(echo));
    QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    QVERIFY(child<QPushButton>("closeButton")->isVisible());
    QVERIFY(child<QLineEdit>("sendEdit")->isEnabled());
    QVERIFY(child<QPushButton>("halfCloseButton")->isEnabled());
}

void TestConnectPanel::connectingAgainChangesTheLocalPort()
{
    const quint16 echo = m_lab->port(QStringLiteral("echo"));
    setTarget(QStringLiteral("127.0.0.1"), QString::number(echo));
    connectNow();
    auto *history = child<QTableWidget>("historyTable");
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
    const QString first = label("localEndpointLabel");

    // Connect again while connected: the old connection goes, a new one comes with a new port.
    connectNow();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, 10000);
    QCOMPARE(historyCell(1, 4), QStringLiteral("connected"));
    QCOMPARE(historyCell(0, 1), first);
    QVERIFY2(historyCell(1, 1) != historyCell(0, 1), qPrintable(historyCell(1, 1)));
    QTRY_COMPARE(label("localEndpointLabel"), historyCell(1, 1));

    // Close, then connect: a third port.
    QTest::mouseClick(child<QPushButton>("closeButton"), Qt::LeftButton);
    QTRY_VERIFY(!child<QPushButton>("closeButton")->isVisible());
    connectNow();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 3, 10000);
    QCOMPARE(historyCell(2, 4), QStringLiteral("connected"));
    QVERIFY(historyCell(2, 1) != historyCell(1, 1));
    // The steps table shows only the newest attempt.
    QTRY_VERIFY(!stepCalls().isEmpty());
    QVERIFY(stepCalls().first().startsWith(QLatin1String("getaddrinfo")));
}

void TestConnectPanel::echoesWhatIsSent()
{
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    sendText(QStringLiteral("hello"));
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("hello")), 10000);
    // The newline was appended and is shown as an escape, followed by a real line break.
    QTRY_VERIFY(bytesText().contains(QLatin1String("hello\\n")));
    QTRY_VERIFY(child<QLabel>("receivedCountLabel")->text().contains(QLatin1String("6 bytes")));
    // The step table shows the send and the receive.
    QTRY_VERIFY(stepCalls().join(QLatin1Char(' ')).contains(QLatin1String("send")));
    QTRY_VERIFY(stepCalls().join(QLatin1Char(' ')).contains(QLatin1String("recv")));

    // Escapes are decoded: \t goes out as a tab and comes back shown as \t.
    sendText(QStringLiteral("a\\tb"));
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("a\\tb\\n")), 10000);

    // Hex dump view of the same bytes.
    QTest::mouseClick(child<QAbstractButton>("bytesHexButton"), Qt::LeftButton);
    QTRY_VERIFY(bytesText().contains(QLatin1String("68 65 6c 6c 6f 0a")));
    QTest::mouseClick(child<QAbstractButton>("bytesTextButton"), Qt::LeftButton);
    QTRY_VERIFY(bytesText().contains(QLatin1String("hello\\n")));
}

void TestConnectPanel::welcomeServiceGreetsAndCounts()
{
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("welcome"))));
    connectNow();
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("Welcome, ('127.0.0.1'")), 10000);
    sendText(QStringLiteral("socket"));
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("You entered")), 10000);
    // The welcome server closes after answering.
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("connectionClosedLabel")->isVisible(), 10000);
    QVERIFY(label("connectionClosedLabel").contains(QLatin1String("recv() returned 0")));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
}

void TestConnectPanel::refusedConnectionIsExplained()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();

    setTarget(QStringLiteral("127.0.0.1"), QString::number(port));
    connectNow();
    auto *error = child<QLabel>("errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(error->text().contains(QLatin1String("Connect")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QLatin1String("ECONNREFUSED")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QLatin1String("socket.error")));
    QVERIFY(error->text().contains(QLatin1String("Nothing is listening")));

    auto *history = child<QTableWidget>("historyTable");
    QCOMPARE(history->rowCount(), 1);
    QVERIFY(historyCell(0, 4).contains(QLatin1String("Connect")));
    QVERIFY(historyCell(0, 4).contains(QLatin1String("ECONNREFUSED")));
    // getpeername() never ran: no remote endpoint is claimed, but the attempt names its target.
    QCOMPARE(label("remoteEndpointLabel"), QStringLiteral("\u2014"));
    QCOMPARE(historyCell(0, 2), QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(!child<QLineEdit>("sendEdit")->isEnabled());
    QVERIFY(!child<QPushButton>("closeButton")->isVisible());

    // A successful attempt hides the error again.
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, 10000);
    QVERIFY(!error->isVisible());
}

void TestConnectPanel::portOutOfRangeDisablesConnect()
{
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("70000"));
    QVERIFY(child<QLabel>("portError")->isVisible());
    QVERIFY(!label("portError").isEmpty());
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
    QVERIFY(!child<QLabel>("hostError")->isVisible());

    // Fixing it clears the message.
    auto *portEdit = child<QLineEdit>("portEdit");
    QTest::keyClick(portEdit, Qt::Key_Backspace);
    QVERIFY(!child<QLabel>("portError")->isVisible());
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
}

void TestConnectPanel::unknownServiceNameIsAnError()
{
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("nosuchservice"));
    QVERIFY(child<QLabel>("portError")->isVisible());
    QVERIFY(!label("portError").isEmpty());
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
}

void TestConnectPanel::hostWithSpacesIsAnError()
{
    setTarget(QStringLiteral("no such host"), QStringLiteral("80"));
    QVERIFY(child<QLabel>("hostError")->isVisible());
    QVERIFY(!label("hostError").isEmpty());
    QVERIFY(!child<QLabel>("portError")->isVisible());
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
    // Return does not connect either.
    QTest::keyClick(child<QComboBox>("hostEdit")->lineEdit(), Qt::Key_Return);
    QCOMPARE(child<QTableWidget>("historyTable")->rowCount(), 0);
}

void TestConnectPanel::serviceNameIsAccepted()
{
    setTarget(QStringLiteral("localhost"), QStringLiteral("http"));
    QVERIFY(!child<QLabel>("portError")->isVisible());
    QVERIFY(!child<QLabel>("hostError")->isVisible());
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
}

void TestConnectPanel::badHexIsNotSent()
{
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    auto *edit = child<QLineEdit>("sendEdit");
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled(), 10000);
    child<QComboBox>("sendModeCombo")->setCurrentIndex(1);
    QVERIFY(!child<QCheckBox>("appendNewlineCheck")->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("4x"));
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("sendError")->isVisible());
    QCOMPARE(edit->text(), QStringLiteral("4x")); // kept for correcting

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("68 69"));
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QVERIFY(!child<QLabel>("sendError")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("hi")), 10000);
    QVERIFY(!bytesText().contains(QLatin1String("hi\\n")));
}

void TestConnectPanel::halfCloseShowsTheServerClosing()
{
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    sendText(QStringLiteral("bye"));
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("bye")), 10000);
    QTest::mouseClick(child<QPushButton>("halfCloseButton"), Qt::LeftButton);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QTRY_VERIFY(stepCalls().join(QLatin1Char(' ')).contains(QLatin1String("shutdown")));
    // The echo server sees end of stream and closes its side.
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("connectionClosedLabel")->isVisible(), 10000);
    QVERIFY2(label("connectionClosedLabel").contains(QLatin1String("recv() returned 0")),
        qPrintable(label("connectionClosedLabel")));
}

void TestConnectPanel::closeButtonCloses()
{
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    auto *close = child<QPushButton>("closeButton");
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>("sendEdit")->isEnabled(), 10000);
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!close->isVisible());
    QVERIFY(!child<QLineEdit>("sendEdit")->isEnabled());
    QTRY_VERIFY(stepCalls().join(QLatin1Char(' ')).contains(QLatin1String("close")));
}

void TestConnectPanel::labServiceComboFillsTheTarget()
{
    auto *combo = child<QComboBox>("labServiceCombo");
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    for (const char *name : { "echo", "daytime", "time", "timestamp", "welcome", "http" }) {
        bool found = false;
        for (const QString &item : items)
            found = found || item.startsWith(QLatin1String(name) + QLatin1Char(' '));
        QVERIFY2(found, name);
    }
    int welcome = -1;
    for (int i = 0; i < items.size() && welcome < 0; ++i) {
        if (items.at(i).startsWith(QLatin1String("welcome ")))
            welcome = i;
    }
    QVERIFY(welcome > 0);
    combo->setCurrentIndex(welcome);
    emit combo->activated(welcome);
    QCOMPARE(child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("welcome"))));
    QCOMPARE(child<QComboBox>("hostEdit")->currentText(), m_lab->bindAddress());

    // Typing another port un-selects the service.
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("1"));
    QCOMPARE(combo->currentIndex(), 0);
}

void TestConnectPanel::worksWithoutALab()
{
    ConnectPanel panel(nullptr);
    QCOMPARE(panel.findChild<QLineEdit *>(QStringLiteral("portEdit"))->text(), QStringLiteral("50007"));
    QVERIFY(!panel.findChild<QComboBox *>(QStringLiteral("labServiceCombo"))->isEnabled());
}

void TestConnectPanel::codeFollowsTheFormAndRunsTheSame()
{
    auto *code = child<CodePane>("codePane");
    const QString port = QString::number(m_lab->port(QStringLiteral("echo")));
    setTarget(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(code->python().contains(QStringLiteral("port = %1").arg(port)), qPrintable(code->python()));
    QVERIFY(!code->python().contains(QLatin1String("sendall")));
    child<QLineEdit>("sendEdit")->setText(QStringLiteral("hello"));
    QVERIFY(code->python().contains(QLatin1String("data = b'hello\\n'")));
    QVERIFY(code->python().contains(QLatin1String("s.shutdown(1)")));
    QVERIFY(code->cpp().contains(QLatin1String("SHUT_WR")));
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("http"));
    QVERIFY(code->python().contains(QLatin1String("socket.getservbyname('http', 'tcp')")));
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("70000"));
    QVERIFY(code->python().startsWith(QLatin1String("# No program")));
    setTarget(QStringLiteral("127.0.0.1"), port);

    const test::PythonRun run = test::runPython(code->python());
    if (run.exitCode == -2)
        QSKIP("python3 is not installed: the program shown cannot be run");
    QCOMPARE(run.exitCode, 0);
    const QByteArray out = run.out;
    const QByteArray peer = QByteArray("Connected to ('127.0.0.1', ") + port.toLatin1() + ")";
    QVERIFY2(out.contains(peer), out.constData());
    QVERIFY2(out.contains("Received b'hello\\n'"), out.constData());
}

void TestConnectPanel::diagramDrawsTheConnectionAndSaves()
{
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    sendText(QStringLiteral("hello"));
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("hello")), 10000);
    auto *view = child<LadderView>("ladderView");
    QTRY_VERIFY(view->diagram()->items().size() >= 3);
    QStringList labels;
    for (const LadderDiagram::Item &item : view->diagram()->items())
        labels << item.label;
    const QString all = labels.join(QLatin1Char('|'));
    QVERIFY2(all.contains(QLatin1String("connect()")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("send 6 bytes")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("recv 6 bytes")), qPrintable(all));
    QTemporaryDir dir;
    QVERIFY(view->save(dir.filePath(QStringLiteral("ladder.png")), 2.0));
    QVERIFY(view->save(dir.filePath(QStringLiteral("ladder.svg"))));
    QImage png(dir.filePath(QStringLiteral("ladder.png")));
    QVERIFY(!png.isNull());
    QFile svg(dir.filePath(QStringLiteral("ladder.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("send 6 bytes"));
    QVERIFY(child<QLabel>("ladderSavedLabel")->text().startsWith(QLatin1String("Saved")));
}

void TestConnectPanel::grabsForReview()
{
    // Pictures of the connected and the failed state, for a person to look at (not compared): kept in
    // SWB_GRAB_DIR when it is set, else written to a temporary folder so the path is exercised every run.
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    m_panel->resize(920, 650); // about what a 1100x720 window leaves for the panel
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("welcome"))));
    connectNow();
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("Welcome")), 10000);
    setTarget(QStringLiteral("127.0.0.1"), QString::number(m_lab->port(QStringLiteral("echo"))));
    connectNow();
    sendText(QStringLiteral("hello"));
    QTRY_VERIFY_WITH_TIMEOUT(bytesText().contains(QLatin1String("hello")), 10000);
    QTRY_VERIFY(stepCalls().join(QLatin1Char(' ')).contains(QLatin1String("recv")));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/connect-connected.png")));
    auto *tabs = child<QTabWidget>("connectTabs");
    tabs->setCurrentIndex(1);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/connect-diagram.png")));
    tabs->setCurrentIndex(2);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/connect-code.png")));
    tabs->setCurrentIndex(0);

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    setTarget(QStringLiteral("127.0.0.1"), QString::number(port));
    connectNow();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("errorLabel")->isVisible(), 10000);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/connect-refused.png")));

    setTarget(QStringLiteral("no such host"), QStringLiteral("70000"));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/connect-invalid.png")));
}

QTEST_MAIN(TestConnectPanel)
#include "tst_connectpanel.moc"
