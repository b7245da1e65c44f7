// The UDP panel, clicked and typed into against a local lab on ephemeral ports and against UDP
// servers made here: both modes side by side, replies from another port, a closed port, loss,
// mojibake, the size rules, truncation, stop, and the datagram model on its own.

#include "lab/locallab.h"
#include "lookup/privacy.h"
#include "panels/udppanel.h"
#include "paneltest.h"
#include "trace/tracemodel.h"
#include "widgets/codepane.h"
#include "widgets/ladderdiagram.h"
#include "widgets/udpdatagrammodel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <memory>

using namespace swb;

class TestUdpPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void defaultsToTheLabUdpEcho();
    void labServiceComboListsUdpServices();
    void bothModesEchoSideBySide();
    void replyFromAnotherPortOnlyReachesTheUnconnectedSocket();
    void closedPortIsRefusedOnlyWhenConnected();
    void lossyEchoMakesLossVisible();
    void payloadIsReadInTheChosenEncoding();
    void sizeRulesAreShown();
    void emptyDatagramIsLegal();
    void replyLargerThanTheBufferIsShownCut();
    void badFieldsDisableSend();
    void broadcastOptionIsSet();
    void multicastOnLoopbackHearsItself();
    void stopClosesTheSocket();
    void boundLocalPortIsShown();
    void worksWithoutALab();
    void bindingOnePortNeedsOneMode();
    void errorsFoundBySendingMarkTheirFieldOnce();
    void addressesAreMaskedWhenHidden();
    void newSendClearsTheOldColumns();
    void progressFollowsTheRunningRequest();
    void codeFollowsTheFormAndRunsTheSame();
    void modelKeepsTheNewestRowsAndPairsRoundTrips();
    void grabsForReview();

private:
    template<typename T> T *child(const char *name) { return test::named<T>(m_panel.get(), name); }
    void setText(const char *name, const QString &text);
    void setTarget(const QString &host, quint16 port);
    void setMode(UdpPanel::Mode mode);
    void sendAndWait(int timeoutMs = 10000);
    QString label(const char *name) { return child<QLabel>(name)->text(); }
    QStringList stepCalls(const char *table);
    QString cell(bool connected, int row, int column);

    std::unique_ptr<LocalLab> m_lab;
    std::unique_ptr<UdpPanel> m_panel;
};

void TestUdpPanel::initTestCase()
{
    m_lab = test::startLab();
    QVERIFY(m_lab);
    QVERIFY(m_lab->port(QStringLiteral("echo"), Transport::Udp) != 0);
}

void TestUdpPanel::init()
{
    m_panel = std::make_unique<UdpPanel>(m_lab.get());
    QVERIFY(test::showPanel(m_panel.get()));
    // Quick runs: no pause between sends, a short window.
    child<QSpinBox>("intervalSpin")->setValue(0);
    child<QDoubleSpinBox>("windowSpin")->setValue(1.0);
}

void TestUdpPanel::cleanup()
{
    m_panel.reset();
}

void TestUdpPanel::cleanupTestCase()
{
    m_lab->stop();
    m_lab.reset();
}

void TestUdpPanel::setText(const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(name);
    edit->clear();
    // QTest types ASCII only; other text is pasted, as a Chinese input method would commit it.
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

void TestUdpPanel::setTarget(const QString &host, quint16 port)
{
    setText("hostEdit", host);
    setText("portEdit", QString::number(port));
}

void TestUdpPanel::setMode(UdpPanel::Mode mode)
{
    auto *combo = child<QComboBox>("modeCombo");
    combo->setCurrentIndex(combo->findData(int(mode)));
}

void TestUdpPanel::sendAndWait(int timeoutMs)
{
    QSignalSpy finished(m_panel.get(), &UdpPanel::runsFinished);
    auto *button = child<QPushButton>("sendButton");
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_panel->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
    QVERIFY(!m_panel->isRunning());
}

QStringList TestUdpPanel::stepCalls(const char *table)
{
    QAbstractItemModel *model = child<QTableView>(table)->model();
    QStringList calls;
    for (int row = 0; row < model->rowCount(); ++row)
        calls << model->index(row, TraceModel::CallColumn).data().toString() + QLatin1Char(' ')
                + model->index(row, TraceModel::ResultColumn).data().toString();
    return calls;
}

QString TestUdpPanel::cell(bool connected, int row, int column)
{
    UdpDatagramModel *model = m_panel->datagramModel(connected);
    return model->index(row, column).data().toString();
}

void TestUdpPanel::defaultsToTheLabUdpEcho()
{
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(
        child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp)));
    QCOMPARE(child<QComboBox>("modeCombo")->currentData().toInt(), int(UdpPanel::Mode::Both));
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(!child<QPushButton>("stopButton")->isEnabled());
    QVERIFY(child<QWidget>("unconnectedRun")->isVisible());
    QVERIFY(child<QWidget>("connectedRun")->isVisible());
    QVERIFY(label("sizeLabel").contains(QLatin1String("65,507")));
    setMode(UdpPanel::Mode::Connected);
    QVERIFY(!child<QWidget>("unconnectedRun")->isVisible());
    QVERIFY(child<QWidget>("connectedRun")->isVisible());
}

void TestUdpPanel::labServiceComboListsUdpServices()
{
    auto *combo = child<QComboBox>("labServiceCombo");
    QStringList behaviours;
    for (int i = 0; i < combo->count(); ++i)
        behaviours << combo->itemData(i).toString();
    QVERIFY(behaviours.contains(QStringLiteral("echo")));
    QVERIFY(behaviours.contains(QStringLiteral("time")));
    QVERIFY(behaviours.contains(QStringLiteral("sntp")));
    QVERIFY2(!behaviours.contains(QStringLiteral("http")), "http is TCP only");
    const int time = combo->findData(QStringLiteral("time"));
    combo->setCurrentIndex(time);
    emit combo->activated(time);
    QCOMPARE(
        child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("time"), Transport::Udp)));
    // Typing the echo's port back selects it in the list.
    setText("portEdit", QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp)));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("echo"));
}

void TestUdpPanel::bothModesEchoSideBySide()
{
    child<QSpinBox>("countSpin")->setValue(3);
    setText("payloadEdit", QStringLiteral("ping"));
    sendAndWait();
    for (const bool connected : { false, true }) {
        UdpSession *session = m_panel->session(connected);
        QVERIFY(session);
        const UdpSessionResult &r = session->result();
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.sent, 3);
        QCOMPARE(r.answered, 3);
        UdpDatagramModel *model = m_panel->datagramModel(connected);
        QCOMPARE(model->rowCount(), 6);
        int sentRows = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const UdpDatagramModel::Datagram &d = model->datagram(row);
            QCOMPARE(cell(connected, row, UdpDatagramModel::PayloadColumn), QStringLiteral("ping"));
            QCOMPARE(d.size, 4);
            // Every datagram sent shows the round trip to its reply, as does the reply.
            QVERIFY2(cell(connected, row, UdpDatagramModel::RttColumn).toDouble() > 0,
                qPrintable(cell(connected, row, UdpDatagramModel::RttColumn)));
            if (d.sent)
                ++sentRows;
            else
                QVERIFY(cell(connected, row, UdpDatagramModel::IndexColumn).startsWith(QStringLiteral("\u2190 #")));
        }
        QCOMPARE(sentRows, 3);
        const char *counters = connected ? "connectedCounters" : "unconnectedCounters";
        QVERIFY2(label(counters).contains(QLatin1String("Sent 3")), qPrintable(label(counters)));
        QVERIFY(label(counters).contains(QLatin1String("No reply 0")));
        QVERIFY(label(connected ? "connectedState" : "unconnectedState").contains(QLatin1String("Round trip")));
    }
    // Two sockets, two local ports.
    const QString unconnectedEnds = label("unconnectedEndpoints");
    const QString connectedEnds = label("connectedEndpoints");
    QVERIFY2(unconnectedEnds.contains(QLatin1String("getsockname): 0.0.0.0:")), qPrintable(unconnectedEnds));
    QVERIFY2(connectedEnds.contains(QLatin1String("getsockname): 127.0.0.1:")), qPrintable(connectedEnds));
    QVERIFY(unconnectedEnds != connectedEnds);
    QVERIFY(m_panel->session(false)->result().local.port != m_panel->session(true)->result().local.port);
    const QString calls = stepCalls("connectedSteps").join(QLatin1Char(' '));
    QVERIFY2(calls.contains(QLatin1String("connect")) && calls.contains(QLatin1String("recv")), qPrintable(calls));
    QVERIFY(stepCalls("unconnectedSteps").join(QLatin1Char(' ')).contains(QLatin1String("sendto")));
}

void TestUdpPanel::replyFromAnotherPortOnlyReachesTheUnconnectedSocket()
{
    // A server that answers from a different socket, as some real servers (TFTP) do.
    QUdpSocket listener;
    QUdpSocket answerer;
    QVERIFY(listener.bind(QHostAddress::LocalHost, 0));
    QVERIFY(answerer.bind(QHostAddress::LocalHost, 0));
    connect(&listener, &QUdpSocket::readyRead, &listener, [&] {
        while (listener.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 port = 0;
            QByteArray data(int(listener.pendingDatagramSize()), '\0');
            listener.readDatagram(data.data(), data.size(), &from, &port);
            answerer.writeDatagram(data, from, port);
        }
    });
    setTarget(QStringLiteral("127.0.0.1"), listener.localPort());
    sendAndWait();
    const UdpSessionResult &unconnected = m_panel->session(false)->result();
    QCOMPARE(unconnected.received, 1);
    QCOMPARE(unconnected.replies.first().sender.port, answerer.localPort());
    QCOMPARE(cell(false, 1, UdpDatagramModel::PeerColumn), QStringLiteral("127.0.0.1:%1").arg(answerer.localPort()));
    // The connected socket's kernel drops a datagram that does not come from its peer.
    const UdpSessionResult &connected = m_panel->session(true)->result();
    QCOMPARE(connected.sent, 1);
    QCOMPARE(connected.received, 0);
    QVERIFY(label("connectedCounters").contains(QLatin1String("No reply 1")));
    QVERIFY(label("connectedCounters").contains(QLatin1String("100.0 % lost")));
}

void TestUdpPanel::closedPortIsRefusedOnlyWhenConnected()
{
    const quint16 port = test::freeUdpPort();
    QVERIFY(port != 0);
    setTarget(QStringLiteral("127.0.0.1"), port);
    child<QSpinBox>("countSpin")->setValue(2);
    sendAndWait();
    auto *connectedError = child<QLabel>("connectedError");
    QVERIFY(connectedError->isVisible());
    QVERIFY2(connectedError->text().contains(QLatin1String("ECONNREFUSED")), qPrintable(connectedError->text()));
    QVERIFY(connectedError->text().contains(QLatin1String("ICMP")));
    // The unconnected socket never hears of it: its datagrams are simply unanswered.
    QVERIFY(!child<QLabel>("unconnectedError")->isVisible());
    QCOMPARE(m_panel->session(false)->result().sent, 2);
    QVERIFY(label("unconnectedCounters").contains(QLatin1String("No reply 2")));
    const QString steps = stepCalls("unconnectedSteps").join(QLatin1Char(' '));
    QVERIFY2(steps.contains(QLatin1String("no reply to 2 datagram")), qPrintable(steps));
}

void TestUdpPanel::lossyEchoMakesLossVisible()
{
    const QString labPort = child<QLineEdit>("portEdit")->text();
    child<QSpinBox>("lossySpin")->setValue(50);
    child<QCheckBox>("lossyCheck")->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>("portEdit")->text() != labPort, 10000);
    QTRY_VERIFY(label("lossyLabel").contains(QLatin1String("50 %")));
    QVERIFY(child<QLabel>("lossyLabel")->isVisible());
    setMode(UdpPanel::Mode::Unconnected);
    child<QSpinBox>("countSpin")->setValue(60);
    child<QDoubleSpinBox>("windowSpin")->setValue(0.5);
    sendAndWait();
    const UdpSessionResult &r = m_panel->session(false)->result();
    QCOMPARE(r.sent, 60);
    // 60 datagrams at 50 %: all or none coming back has a chance of 2^-59.
    QVERIFY2(r.answered > 0 && r.answered < 60, qPrintable(QString::number(r.answered)));
    QCOMPARE(r.unanswered, 60 - r.answered);
    QVERIFY(label("unconnectedCounters").contains(QStringLiteral("No reply %1").arg(60 - r.answered)));

    // A new share restarts the server on a new port; Send waits for it to listen.
    const QString lossyPort = child<QLineEdit>("portEdit")->text();
    child<QSpinBox>("lossySpin")->setValue(100);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(label("lossyLabel").contains(QLatin1String("100 %")), 10000);
    QVERIFY(child<QLineEdit>("portEdit")->text() != lossyPort);
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    // Both modes: the connected socket hears no ICMP port-unreachable, so a server is there, and it
    // drops everything.
    setMode(UdpPanel::Mode::Both);
    child<QSpinBox>("countSpin")->setValue(5);
    sendAndWait();
    for (const bool connected : { false, true }) {
        const UdpSessionResult &all = m_panel->session(connected)->result();
        QVERIFY2(all.ok(), qPrintable(all.error.message));
        QCOMPARE(all.sent, 5);
        QCOMPARE(all.answered, 0);
    }
    QVERIFY(!child<QLabel>("connectedError")->isVisible());

    // Turning it off goes back to the lab's echo.
    child<QCheckBox>("lossyCheck")->setChecked(false);
    QCOMPARE(child<QLineEdit>("portEdit")->text(), labPort);
    QVERIFY(!child<QLabel>("lossyLabel")->isVisible());
}

void TestUdpPanel::payloadIsReadInTheChosenEncoding()
{
    setMode(UdpPanel::Mode::Unconnected);
    setText("payloadEdit", QStringLiteral("\u4f60\u597d")); // 你好, sent as UTF-8: e4 bd a0 e5 a5 bd
    sendAndWait();
    QCOMPARE(m_panel->session(false)->result().received, 1);
    QCOMPARE(cell(false, 1, UdpDatagramModel::PayloadColumn), QStringLiteral("\u4f60\u597d"));
    QVERIFY(!child<QLabel>("encodingHint")->isVisible());
    auto *encoding = child<QComboBox>("encodingCombo");
    encoding->setCurrentIndex(encoding->findData(QByteArray("GBK")));
    // The same six bytes read as GBK: the classic mojibake.
    QCOMPARE(cell(false, 1, UdpDatagramModel::PayloadColumn), QStringLiteral("\u6d63\u72b2\u30bd"));
    QVERIFY(child<QLabel>("encodingHint")->isVisible());
    QVERIFY(label("encodingHint").contains(QLatin1String("mojibake")));
    encoding->setCurrentIndex(encoding->findData(QByteArray("ISO-8859-1")));
    QCOMPARE(cell(false, 1, UdpDatagramModel::PayloadColumn), QStringLiteral("\u00e4\u00bd\u00a0\u00e5\u00a5\u00bd"));
    // Control bytes are shown as symbols, not as nothing.
    encoding->setCurrentIndex(0);
    setText("payloadEdit", QStringLiteral("a\\r\\n\\x00"));
    sendAndWait();
    QCOMPARE(cell(false, 1, UdpDatagramModel::PayloadColumn), QStringLiteral("a\u240d\u240a\u2400"));
}

void TestUdpPanel::sizeRulesAreShown()
{
    auto *payloadMode = child<QComboBox>("payloadModeCombo");
    payloadMode->setCurrentIndex(2); // a size
    setText("payloadEdit", QStringLiteral("65507"));
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(label("sizeLabel").contains(QLatin1String("65,507 bytes in each datagram")));
    setText("payloadEdit", QStringLiteral("65508"));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(child<QLabel>("payloadError")->isVisible());
    QVERIFY2(label("payloadError").contains(QLatin1String("IPv4"))
            && label("payloadError").contains(QLatin1String("EMSGSIZE")),
        qPrintable(label("payloadError")));
    // IPv6's limit is 20 bytes higher.
    auto *family = child<QComboBox>("familyCombo");
    family->setCurrentIndex(family->findData(int(AddressFamily::IPv6)));
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    setText("payloadEdit", QStringLiteral("65528"));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(label("payloadError").contains(QLatin1String("65,527")));
    setText("payloadEdit", QStringLiteral("many"));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());

    // The largest IPv4 datagram really goes and comes back whole.
    family->setCurrentIndex(0);
    setText("payloadEdit", QStringLiteral("65507"));
    setMode(UdpPanel::Mode::Unconnected);
    sendAndWait();
    const UdpSessionResult &r = m_panel->session(false)->result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.received, 1);
    QCOMPARE(r.replies.first().size, 65507);
    QCOMPARE(cell(false, 1, UdpDatagramModel::SizeColumn), QStringLiteral("65507"));
}

void TestUdpPanel::emptyDatagramIsLegal()
{
    setText("payloadEdit", QString());
    QVERIFY(label("sizeLabel").contains(QLatin1String("empty datagram")));
    setMode(UdpPanel::Mode::Unconnected);
    sendAndWait();
    const UdpSessionResult &r = m_panel->session(false)->result();
    QCOMPARE(r.sent, 1);
    QCOMPARE(r.received, 1);
    QCOMPARE(cell(false, 0, UdpDatagramModel::SizeColumn), QStringLiteral("0"));
    QCOMPARE(cell(false, 1, UdpDatagramModel::SizeColumn), QStringLiteral("0"));
}

void TestUdpPanel::replyLargerThanTheBufferIsShownCut()
{
    setMode(UdpPanel::Mode::Unconnected);
    setText("payloadEdit", QStringLiteral("hello"));
    child<QSpinBox>("bufferSpin")->setValue(3);
    sendAndWait();
    QCOMPARE(cell(false, 1, UdpDatagramModel::SizeColumn), QStringLiteral("5 (cut to 3)"));
    QCOMPARE(cell(false, 1, UdpDatagramModel::PayloadColumn), QStringLiteral("hel"));
    QVERIFY2(label("unconnectedCounters").contains(QLatin1String("Cut 1")), qPrintable(label("unconnectedCounters")));
    // A buffer larger than what the table shows of a payload: the size says what the buffer took.
    child<QComboBox>("payloadModeCombo")->setCurrentIndex(2);
    setText("payloadEdit", QStringLiteral("2000"));
    child<QSpinBox>("bufferSpin")->setValue(1000);
    sendAndWait();
    QCOMPARE(cell(false, 1, UdpDatagramModel::SizeColumn), QStringLiteral("2000 (cut to 1000)"));
    // The form offers no buffer larger than a datagram can be.
    QCOMPARE(child<QSpinBox>("bufferSpin")->maximum(), 65536);
}

void TestUdpPanel::badFieldsDisableSend()
{
    auto *send = child<QPushButton>("sendButton");
    setText("hostEdit", QStringLiteral("no such host"));
    QVERIFY(!send->isEnabled());
    QVERIFY(child<QLabel>("hostError")->isVisible());
    setText("hostEdit", QStringLiteral("127.0.0.1"));
    QVERIFY(send->isEnabled());
    setText("portEdit", QStringLiteral("70000"));
    QVERIFY(!send->isEnabled());
    QVERIFY(child<QLabel>("portError")->isVisible());
    setText("portEdit", QStringLiteral("nosuchservice"));
    QVERIFY(!send->isEnabled());
    setText("portEdit", QStringLiteral("echo")); // getservbyname("echo", "udp") is 7
    QVERIFY(send->isEnabled());
    child<QComboBox>("payloadModeCombo")->setCurrentIndex(1);
    setText("payloadEdit", QStringLiteral("4g"));
    QVERIFY(!send->isEnabled());
    QVERIFY(child<QLabel>("payloadError")->isVisible());
    setText("payloadEdit", QStringLiteral("68 69"));
    QVERIFY(send->isEnabled());
    QVERIFY(label("sizeLabel").contains(QLatin1String("2 bytes")));
    setText("groupEdit", QStringLiteral("10.0.0.1"));
    QVERIFY(!send->isEnabled());
    QVERIFY(child<QLabel>("lanError")->text().contains(QLatin1String("not a multicast group")));
    QVERIFY(child<QWidget>("lanError")->isVisible()); // the options open to show it
    setText("groupEdit", QStringLiteral("239.1.2.3"));
    QVERIFY(send->isEnabled());
}

void TestUdpPanel::broadcastOptionIsSet()
{
    QTest::mouseClick(child<QPushButton>("lanButton"), Qt::LeftButton);
    QVERIFY(child<QCheckBox>("broadcastCheck")->isVisible());
    child<QCheckBox>("broadcastCheck")->setChecked(true);
    child<QSpinBox>("ttlSpin")->setValue(3);
    setMode(UdpPanel::Mode::Unconnected);
    sendAndWait();
    const QString calls = stepCalls("unconnectedSteps").join(QLatin1Char(' '));
    QVERIFY2(calls.contains(QLatin1String("SO_BROADCAST")), qPrintable(calls));
    QVERIFY2(calls.contains(QLatin1String("IP_MULTICAST_TTL")), qPrintable(calls));
    QCOMPARE(m_panel->session(false)->result().received, 1);
}

void TestUdpPanel::multicastOnLoopbackHearsItself()
{
    const quint16 port = test::freeUdpPort();
    QVERIFY(port != 0);
    setMode(UdpPanel::Mode::Unconnected);
    child<QSpinBox>("localPortSpin")->setValue(port);
    setTarget(QStringLiteral("239.255.42.98"), port);
    QTest::mouseClick(child<QPushButton>("lanButton"), Qt::LeftButton);
    setText("groupEdit", QStringLiteral("239.255.42.98"));
    setText("interfaceEdit", QStringLiteral("127.0.0.1"));
    sendAndWait();
    const UdpSessionResult &r = m_panel->session(false)->result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.received, 1);
    QCOMPARE(cell(false, 1, UdpDatagramModel::PeerColumn), QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(stepCalls("unconnectedSteps").join(QLatin1Char(' ')).contains(QLatin1String("IP_ADD_MEMBERSHIP")));
}

void TestUdpPanel::stopClosesTheSocket()
{
    child<QSpinBox>("countSpin")->setValue(100);
    child<QSpinBox>("intervalSpin")->setValue(1000);
    QSignalSpy finished(m_panel.get(), &UdpPanel::runsFinished);
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    auto *stop = child<QPushButton>("stopButton");
    QVERIFY(stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->session(false)->result().sent >= 1, 5000);
    QTRY_VERIFY(label("unconnectedState").contains(QLatin1String("Sending: 1 of 100")));
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!stop->isEnabled());
    QVERIFY(label("unconnectedState").startsWith(QLatin1String("Stopped")));
    QVERIFY(label("connectedState").startsWith(QLatin1String("Stopped")));
    QVERIFY(!child<QLabel>("unconnectedError")->isVisible());
    QVERIFY(m_panel->session(false)->result().sent < 100);
}

void TestUdpPanel::boundLocalPortIsShown()
{
    const quint16 free = test::freeUdpPort();
    QVERIFY(free != 0);
    setMode(UdpPanel::Mode::Unconnected);
    child<QSpinBox>("localPortSpin")->setValue(free);
    sendAndWait();
    QCOMPARE(m_panel->session(false)->result().local.port, free);
    QVERIFY2(label("unconnectedEndpoints").contains(QStringLiteral(":%1").arg(free)),
        qPrintable(label("unconnectedEndpoints")));
    QVERIFY(stepCalls("unconnectedSteps").join(QLatin1Char(' ')).contains(QLatin1String("bind")));
}

void TestUdpPanel::worksWithoutALab()
{
    m_panel = std::make_unique<UdpPanel>(nullptr);
    m_panel->show();
    QVERIFY(!child<QComboBox>("labServiceCombo")->isEnabled());
    QCOMPARE(child<QLineEdit>("portEdit")->text(), QString::number(UdpPanel::kFallbackPort));
    QUdpSocket echo;
    QVERIFY(echo.bind(QHostAddress::LocalHost, 0));
    connect(&echo, &QUdpSocket::readyRead, &echo, [&echo] {
        while (echo.hasPendingDatagrams()) {
            const QNetworkDatagram d = echo.receiveDatagram();
            echo.writeDatagram(d.makeReply(d.data()));
        }
    });
    child<QSpinBox>("intervalSpin")->setValue(0);
    setTarget(QStringLiteral("127.0.0.1"), echo.localPort());
    sendAndWait();
    QCOMPARE(m_panel->session(true)->result().answered, 1);
}

void TestUdpPanel::bindingOnePortNeedsOneMode()
{
    child<QSpinBox>("localPortSpin")->setValue(40000);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(child<QLabel>("bindError")->isVisible());
    QVERIFY(label("bindError").contains(QLatin1String("two sockets cannot bind the same port")));
    setMode(UdpPanel::Mode::Connected);
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(!child<QLabel>("bindError")->isVisible());
}

void TestUdpPanel::errorsFoundBySendingMarkTheirFieldOnce()
{
    // A multicast group of the other family: only the socket can tell, at setsockopt time.
    setText("hostEdit", QStringLiteral("::1"));
    setText("groupEdit", QStringLiteral("239.1.2.3"));
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QSignalSpy finished(m_panel.get(), &UdpPanel::runsFinished);
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->isRunning());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1); // once for the Send, not once per socket
    QVERIFY(child<QLabel>("connectedError")->isVisible());
    QVERIFY(child<QLabel>("lanError")->isVisible());
    QVERIFY2(label("lanError").contains(QLatin1String("239.1.2.3")), qPrintable(label("lanError")));
    // No loss is claimed for a run that never sent.
    QVERIFY(!label("connectedCounters").contains(QLatin1String("lost")));
}

void TestUdpPanel::addressesAreMaskedWhenHidden()
{
    Privacy::instance()->setEnabled(true);
    const auto restore = qScopeGuard([] { Privacy::instance()->setEnabled(false); });
    // A field message that quotes an address.
    setText("groupEdit", QStringLiteral("192.168.1.20"));
    QVERIFY(child<QLabel>("lanError")->isVisible());
    QVERIFY2(!label("lanError").contains(QLatin1String("192.168.1.20")), qPrintable(label("lanError")));
    QVERIFY(label("lanError").contains(QStringLiteral("\u00abIPv4\u00bb")));
    // An error box from the socket that quotes one.
    setText("hostEdit", QStringLiteral("::1"));
    setText("groupEdit", QStringLiteral("239.1.2.3"));
    sendAndWait();
    const QString error = label("connectedError");
    QVERIFY2(error.contains(QStringLiteral("\u00abIPv4\u00bb")) && !error.contains(QLatin1String("239.1.2.3")),
        qPrintable(error));
    // The code pane shows the program masked, and copies the real one.
    setText("groupEdit", QString());
    setText("hostEdit", QStringLiteral("192.168.1.20"));
    auto *code = child<CodePane>("unconnectedCode");
    QVERIFY(code->python().contains(QLatin1String("host = '192.168.1.20'")));
    const QString shown = code->findChild<QPlainTextEdit *>(QStringLiteral("pythonCode"))->toPlainText();
    QVERIFY2(!shown.contains(QLatin1String("192.168.1.20")) && shown.contains(QStringLiteral("\u00abIPv4\u00bb")),
        qPrintable(shown));
    // The diagram's lanes too.
    LadderDiagram diagram;
    TraceEvent connected;
    connected.kind = TraceKind::Opened;
    connected.call = QStringLiteral("connect");
    connected.result = QStringLiteral("ok");
    connected.local = { QStringLiteral("192.168.1.5"), 40000 };
    connected.remote = { QStringLiteral("192.168.1.20"), 80 };
    diagram.setEvents({ connected });
    QVERIFY2(!diagram.laneTitles().join(QLatin1Char(' ')).contains(QLatin1String("192.168.1.")),
        qPrintable(diagram.laneTitles().join(QLatin1Char(' '))));
    // Turned off, the real text comes back.
    Privacy::instance()->setEnabled(false);
    QVERIFY(label("connectedError").contains(QLatin1String("239.1.2.3")));
    QVERIFY(code->findChild<QPlainTextEdit *>(QStringLiteral("pythonCode"))
                ->toPlainText()
                .contains(QLatin1String("192.168.1.20")));
    QVERIFY(diagram.laneTitles().join(QLatin1Char(' ')).contains(QLatin1String("192.168.1.20")));
}

void TestUdpPanel::newSendClearsTheOldColumns()
{
    sendAndWait();
    QVERIFY(label("unconnectedCounters").contains(QLatin1String("Sent 1")));
    setMode(UdpPanel::Mode::Connected);
    sendAndWait();
    setMode(UdpPanel::Mode::Both);
    // The unconnected column took no part in the last Send: nothing of the one before stays.
    QVERIFY2(label("unconnectedCounters").contains(QLatin1String("Sent 0")), qPrintable(label("unconnectedCounters")));
    QVERIFY(label("unconnectedEndpoints").startsWith(QLatin1String("Not sent yet")));
    QCOMPARE(m_panel->datagramModel(false)->rowCount(), 0);
    QVERIFY(label("connectedCounters").contains(QLatin1String("Sent 1")));
}

void TestUdpPanel::progressFollowsTheRunningRequest()
{
    setMode(UdpPanel::Mode::Unconnected);
    child<QSpinBox>("countSpin")->setValue(100);
    child<QSpinBox>("intervalSpin")->setValue(1000);
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QTRY_VERIFY(label("unconnectedState").contains(QLatin1String("of 100")));
    child<QSpinBox>("countSpin")->setValue(3); // the next Send's count, not this one's
    QTest::qWait(60);
    m_panel->flushPending();
    QVERIFY2(label("unconnectedState").contains(QLatin1String("of 100")), qPrintable(label("unconnectedState")));
    QTest::mouseClick(child<QPushButton>("stopButton"), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->isRunning());
}

void TestUdpPanel::codeFollowsTheFormAndRunsTheSame()
{
    auto *unconnected = child<CodePane>("unconnectedCode");
    auto *connected = child<CodePane>("connectedCode");
    setText("payloadEdit", QStringLiteral("ping\\n"));
    QVERIFY2(unconnected->python().contains(QLatin1String("data = b'ping\\n'")), qPrintable(unconnected->python()));
    QVERIFY(unconnected->python().contains(QLatin1String("s.sendto(data, (host, port))")));
    QVERIFY(connected->python().contains(QLatin1String("s.connect((host, port))")));
    QVERIFY(connected->cpp().contains(QLatin1String("socket.connectToHost(address, port)")));
    child<QSpinBox>("countSpin")->setValue(3);
    QVERIFY(unconnected->python().contains(QLatin1String("count = 3")));
    // A mistake in the form: no program, and the reason.
    setText("portEdit", QStringLiteral("70000"));
    QVERIFY2(unconnected->python().startsWith(QLatin1String("# No program while the form has a mistake")),
        qPrintable(unconnected->python()));
    QVERIFY(!child<QPushButton>("copyCodeButton")->isEnabled());
    setText("portEdit", QString::number(m_lab->port(QStringLiteral("echo"), Transport::Udp)));
    QTest::mouseClick(unconnected->findChild<QPushButton *>(QStringLiteral("copyCodeButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), unconnected->python());

    // The program shown does what the panel does: the same replies.
    sendAndWait();
    QCOMPARE(m_panel->session(false)->result().received, 3);
    const test::PythonRun run = test::runPython(unconnected->python());
    if (run.exitCode == -2)
        QSKIP("python3 is not installed: the program shown cannot be run");
    QCOMPARE(run.exitCode, 0);
    const QByteArray out = run.out;
    QVERIFY2(out.contains("Sent 3, received 3"), out.constData());
    const QByteArray expected = QByteArray("Received 5 bytes from ('127.0.0.1', ")
        + child<QLineEdit>("portEdit")->text().toLatin1() + "): b'ping\\n'";
    QVERIFY2(out.contains(expected), out.constData());
}

void TestUdpPanel::modelKeepsTheNewestRowsAndPairsRoundTrips()
{
    UdpDatagramModel model;
    model.setCapacity(10);
    QVector<UdpDatagramModel::Datagram> batch;
    for (int i = 1; i <= 8; ++i) {
        UdpDatagramModel::Datagram d;
        d.index = i;
        d.payload = "x";
        d.size = 1;
        batch.append(d);
    }
    model.append(batch);
    QCOMPARE(model.rowCount(), 8);
    // A reply in a later batch fills in its send's round trip.
    UdpDatagramModel::Datagram reply;
    reply.sent = false;
    reply.index = 8;
    reply.rttNs = 1500000;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append({ reply });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(7, UdpDatagramModel::RttColumn).data().toString(), QStringLiteral("1.500"));
    QCOMPARE(model.index(8, UdpDatagramModel::RttColumn).data().toString(), QStringLiteral("1.500"));
    // Past the capacity the oldest rows go; a reply to a send no longer shown still gets its row.
    batch.clear();
    for (int i = 9; i <= 12; ++i) {
        UdpDatagramModel::Datagram d;
        d.index = i;
        batch.append(d);
    }
    model.append(batch);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.droppedRows(), 3);
    QCOMPARE(model.index(0, UdpDatagramModel::IndexColumn).data().toString(), QStringLiteral("\u2192 #4"));
    reply.index = 1;
    model.append({ reply });
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(9, UdpDatagramModel::IndexColumn).data().toString(), QStringLiteral("\u2190 #1"));
    // A batch larger than the whole capacity keeps its newest rows.
    batch.clear();
    for (int i = 100; i < 125; ++i) {
        UdpDatagramModel::Datagram d;
        d.index = i;
        batch.append(d);
    }
    model.append(batch);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, UdpDatagramModel::IndexColumn).data().toString(), QStringLiteral("\u2192 #115"));
    QCOMPARE(model.index(9, UdpDatagramModel::IndexColumn).data().toString(), QStringLiteral("\u2192 #124"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedRows(), 0);
}

void TestUdpPanel::grabsForReview()
{
    // Pictures for a person to look at (not compared): kept in SWB_GRAB_DIR when it is set, else
    // written to a temporary folder so the path is exercised every run.
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    m_panel->resize(920, 650); // about what a 1100x720 window leaves for the panel
    child<QSpinBox>("countSpin")->setValue(5);
    child<QSpinBox>("intervalSpin")->setValue(20);
    setText("payloadEdit", QStringLiteral("\u4f60\u597d hello"));
    sendAndWait();
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/udp-both.png")));
    for (const char *name : { "unconnectedTabs", "connectedTabs" })
        child<QTabWidget>(name)->setCurrentIndex(2);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/udp-diagram.png")));
    for (const char *name : { "unconnectedTabs", "connectedTabs" })
        child<QTabWidget>(name)->setCurrentIndex(3);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/udp-code.png")));
    for (const char *name : { "unconnectedTabs", "connectedTabs" })
        child<QTabWidget>(name)->setCurrentIndex(0);

    const quint16 closed = test::freeUdpPort();
    QVERIFY(closed != 0);
    setTarget(QStringLiteral("127.0.0.1"), closed);
    child<QSpinBox>("countSpin")->setValue(2);
    sendAndWait();
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/udp-refused.png")));

    auto *encoding = child<QComboBox>("encodingCombo");
    encoding->setCurrentIndex(encoding->findData(QByteArray("GBK")));
    child<QSpinBox>("lossySpin")->setValue(40);
    child<QCheckBox>("lossyCheck")->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(label("lossyLabel").contains(QLatin1String("40 %")), 10000);
    child<QSpinBox>("countSpin")->setValue(20);
    child<QSpinBox>("intervalSpin")->setValue(5);
    sendAndWait();
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/udp-lossy-gbk.png")));
}

QTEST_MAIN(TestUdpPanel)
#include "tst_udppanel.moc"
