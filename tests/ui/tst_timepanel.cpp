// The Time query panel, clicked and typed into against a local lab on ephemeral ports and against
// small servers made here on 127.0.0.1 port 0. No outside host is ever contacted.

#include "lab/locallab.h"
#include "panels/timepanel.h"
#include "paneltest.h"
#include "time/timedecode.h"
#include "trace/tracemodel.h"
#include "widgets/codepane.h"
#include "widgets/panelscrollarea.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtEndian>
#include <QtTest>

#include <memory>

using namespace swb;

namespace {

// A UDP server on 127.0.0.1 port 0 that counts what comes and answers each datagram with reply()
// (nothing when it returns an empty array).
class UdpResponder : public QObject {
public:
    explicit UdpResponder(std::function<QByteArray()> reply)
        : m_reply(std::move(reply))
    {
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
            while (m_socket.hasPendingDatagrams()) {
                const QNetworkDatagram datagram = m_socket.receiveDatagram();
                ++received;
                const QByteArray answer = m_reply ? m_reply() : QByteArray();
                if (!answer.isEmpty())
                    m_socket.writeDatagram(answer, datagram.senderAddress(), quint16(datagram.senderPort()));
            }
        });
    }
    bool listen() { return m_socket.bind(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_socket.localPort(); }

    int received = 0;

private:
    QUdpSocket m_socket;
    std::function<QByteArray()> m_reply;
};

QByteArray rfc868Now()
{
    QByteArray bytes(4, '\0');
    const auto value = quint32(quint64(QDateTime::currentSecsSinceEpoch() + kSecondsFrom1900To1970));
    qToBigEndian(value, bytes.data());
    return bytes;
}

QString thisYear()
{
    return QString::number(QDateTime::currentDateTimeUtc().date().year());
}

} // namespace

class TestTimePanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void defaultsPointAtTheLabTimeService();
    void protocolAndTransportRefreshTheLabPort();
    void rfc868ShowsTheSteps_data();
    void rfc868ShowsTheSteps();
    void daytimeShowsTheText_data();
    void daytimeShowsTheText();
    void sntpShowsFieldsAndFormulas();
    void sntpKissOfDeathIsExplained();
    void sntpDisablesTcp();
    void silentServerTimesOutAfterEveryAttempt();
    void shortReplyIsAProtocolError();
    void badFieldsDisableAsk();
    void stopCancels();
    void askingAgainShowsOnlyTheNewAnswer();
    void outsidePresetsOnlyFillTheFields();
    void worksWithoutALab();
    void codeFollowsTheFormAndRunsTheSame();
    void grabsForReview();

private:
    template<typename T> T *child(const char *name, QWidget *root = nullptr)
    {
        return test::named<T>(root ? root : m_panel.get(), name);
    }
    QString label(const char *name) { return child<QLabel>(name)->text(); }
    QString tableText(const char *name);
    QString traceText();
    void setTarget(const QString &host, const QString &port);
    void choose(const char *combo, int index);
    void askAndWait();

    std::unique_ptr<LocalLab> m_lab;
    std::unique_ptr<TimePanel> m_panel;
};

void TestTimePanel::initTestCase()
{
    m_lab = test::startLab();
    QVERIFY(m_lab);
    QVERIFY(m_lab->port(QStringLiteral("time"), Transport::Udp) != 0);
    QVERIFY(m_lab->port(QStringLiteral("time"), Transport::Tcp) != 0);
    QVERIFY(m_lab->port(QStringLiteral("daytime"), Transport::Udp) != 0);
    QVERIFY(m_lab->port(QStringLiteral("daytime"), Transport::Tcp) != 0);
    QVERIFY(m_lab->port(QStringLiteral("sntp"), Transport::Udp) != 0);
}

void TestTimePanel::init()
{
    m_panel = std::make_unique<TimePanel>(m_lab.get());
    QVERIFY(test::showPanel(m_panel.get()));
}

void TestTimePanel::cleanup()
{
    m_panel.reset();
}

void TestTimePanel::cleanupTestCase()
{
    m_lab->stop();
    m_lab.reset();
}

QString TestTimePanel::tableText(const char *name)
{
    auto *table = child<QTableWidget>(name);
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            if (QTableWidgetItem *item = table->item(row, column))
                cells << item->text();
        }
    }
    return cells.join(QLatin1Char('\n'));
}

QString TestTimePanel::traceText()
{
    QAbstractItemModel *model = child<QTableView>("stepTable")->model();
    QStringList cells;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
    }
    return cells.join(QLatin1Char('\n'));
}

void TestTimePanel::setTarget(const QString &host, const QString &port)
{
    auto *hostEdit = child<QLineEdit>("hostEdit");
    hostEdit->selectAll();
    QTest::keyClick(hostEdit, Qt::Key_Backspace);
    QTest::keyClicks(hostEdit, host);
    auto *portEdit = child<QLineEdit>("portEdit");
    portEdit->selectAll();
    QTest::keyClick(portEdit, Qt::Key_Backspace);
    QTest::keyClicks(portEdit, port);
}

void TestTimePanel::choose(const char *combo, int index)
{
    auto *box = child<QComboBox>(combo);
    QVERIFY(index < box->count());
    box->setCurrentIndex(index);
    QCOMPARE(box->currentIndex(), index);
}

void TestTimePanel::codeFollowsTheFormAndRunsTheSame()
{
    auto *code = child<CodePane>("codePane");
    const QString port = child<QLineEdit>("portEdit")->text();
    QVERIFY2(code->python().contains(QStringLiteral("port = %1").arg(port)), qPrintable(code->python()));
    QVERIFY(code->python().contains(QLatin1String("struct.unpack('!I', buf)")));
    QVERIFY(code->python().contains(QLatin1String("secs -= 2208988800")));
    child<QSpinBox>("retriesSpin")->setValue(5);
    QVERIFY(code->python().contains(QLatin1String("attempts = 5")));
    QVERIFY(code->cpp().contains(QLatin1String("QUdpSocket")));
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("70000"));
    QVERIFY(code->python().startsWith(QLatin1String("# No program while the form has a mistake")));
    setTarget(QStringLiteral("127.0.0.1"), port);

    // The program shown gets the time the panel got.
    askAndWait();
    const QRegularExpressionMatch shown
        = QRegularExpression(QStringLiteral("Server:\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)"))
              .match(label("clockLabel"));
    QVERIFY2(shown.hasMatch(), qPrintable(label("clockLabel")));
    QDateTime server = QDateTime::fromString(shown.captured(1), QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    server.setTimeSpec(Qt::UTC);
    const test::PythonRun run = test::runPython(code->python());
    if (run.exitCode == -2)
        QSKIP("python3 is not installed: the program shown cannot be run");
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    const QRegularExpressionMatch unixTime = QRegularExpression(QStringLiteral("Unix time: (\\d+)")).match(out);
    QVERIFY2(unixTime.hasMatch(), qPrintable(out));
    QVERIFY2(qAbs(unixTime.captured(1).toLongLong() - server.toSecsSinceEpoch()) <= 2, qPrintable(out));
}

void TestTimePanel::askAndWait()
{
    auto *ask = child<QPushButton>("askButton");
    QVERIFY(ask->isEnabled());
    QTest::mouseClick(ask, Qt::LeftButton);
    QVERIFY(child<QPushButton>("stopButton")->isEnabled()); // the query is running
    QTRY_VERIFY_WITH_TIMEOUT(!child<QPushButton>("stopButton")->isEnabled(), 15000);
}

void TestTimePanel::defaultsPointAtTheLabTimeService()
{
    QCOMPARE(child<QComboBox>("protocolCombo")->currentText(), QStringLiteral("RFC 868 time"));
    QVERIFY(child<QComboBox>("transportCombo")->currentText().startsWith(QLatin1String("UDP")));
    QVERIFY(child<QComboBox>("presetCombo")->currentText().startsWith(QLatin1String("Local lab")));
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(
        child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("time"), Transport::Udp)));
    QCOMPARE(child<QSpinBox>("retriesSpin")->value(), 3);
    QCOMPARE(child<QSpinBox>("retriesSpin")->maximum(), TimeQueryRequest::kMaxRetries);
    QCOMPARE(child<QDoubleSpinBox>("timeoutSpin")->value(), 2.0);
    QVERIFY(child<QPushButton>("askButton")->isEnabled());
    QVERIFY(!child<QPushButton>("stopButton")->isEnabled());
    QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    QVERIFY(!child<QTableWidget>("decodeTable")->isVisible());
    QVERIFY(child<QLabel>("wrapNote")->isVisible());
    QVERIFY(label("wrapNote").contains(QLatin1String("2036-02-07 06:28:16 UTC")));
    QCOMPARE(child<QTableView>("stepTable")->model()->rowCount(), 0);
}

void TestTimePanel::protocolAndTransportRefreshTheLabPort()
{
    auto *port = child<QLineEdit>("portEdit");
    choose("protocolCombo", 1); // daytime
    QCOMPARE(port->text(), QString::number(m_lab->port(QStringLiteral("daytime"), Transport::Udp)));
    choose("transportCombo", 1); // TCP
    QCOMPARE(port->text(), QString::number(m_lab->port(QStringLiteral("daytime"), Transport::Tcp)));
    choose("protocolCombo", 0);
    QCOMPARE(port->text(), QString::number(m_lab->port(QStringLiteral("time"), Transport::Tcp)));
    QVERIFY(!label("protocolHint").isEmpty());
    QVERIFY(label("presetHint").contains(QLatin1String("lab")));
}

void TestTimePanel::rfc868ShowsTheSteps_data()
{
    QTest::addColumn<int>("transportIndex");
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<QString>("call");
    QTest::newRow("udp") << 0 << Transport::Udp << QStringLiteral("socket(AF_INET, SOCK_DGRAM)");
    QTest::newRow("tcp") << 1 << Transport::Tcp << QStringLiteral("socket(AF_INET, SOCK_STREAM)");
}

void TestTimePanel::rfc868ShowsTheSteps()
{
    QFETCH(int, transportIndex);
    QFETCH(Transport, transport);
    QFETCH(QString, call);
    choose("transportCombo", transportIndex);
    QCOMPARE(child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("time"), transport)));
    askAndWait();

    QVERIFY2(!child<QLabel>("errorLabel")->isVisible(), qPrintable(label("errorLabel")));
    QVERIFY(child<QTableWidget>("decodeTable")->isVisible());
    const QString steps = tableText("decodeTable");
    QVERIFY2(steps.contains(QLatin1String("2208988800")), qPrintable(steps));
    QVERIFY2(steps.contains(QLatin1String("Big-endian")), qPrintable(steps));
    QVERIFY2(steps.contains(thisYear()), qPrintable(steps));
    QVERIFY2(label("replyLabel").contains(QLatin1String("4 bytes")), qPrintable(label("replyLabel")));

    const QString clock = label("clockLabel");
    QVERIFY2(clock.contains(QLatin1String("Server:")) && clock.contains(thisYear()), qPrintable(clock));
    QVERIFY2(clock.contains(QLatin1String("Your clock:")), qPrintable(clock));
    // The lab server is this computer's clock: they agree, give or take the second that RFC 868 rounds.
    QVERIFY2(
        clock.contains(QLatin1String("agree")) || clock.contains(QLatin1String("server is 1 s")), qPrintable(clock));
    QVERIFY2(label("statusLabel").contains(QLatin1String("attempt 1 of 3")), qPrintable(label("statusLabel")));
    QTRY_VERIFY2(traceText().contains(call) && traceText().contains(QLatin1String("recv")), qPrintable(traceText()));
    QVERIFY(child<QLabel>("wrapNote")->isVisible());
    QVERIFY(!child<QTableWidget>("sntpFieldsTable")->isVisible());
}

void TestTimePanel::daytimeShowsTheText_data()
{
    QTest::addColumn<int>("transportIndex");
    QTest::newRow("udp") << 0;
    QTest::newRow("tcp") << 1;
}

void TestTimePanel::daytimeShowsTheText()
{
    QFETCH(int, transportIndex);
    choose("protocolCombo", 1);
    choose("transportCombo", transportIndex);
    askAndWait();

    QVERIFY2(!child<QLabel>("errorLabel")->isVisible(), qPrintable(label("errorLabel")));
    const QString reply = label("replyLabel");
    QVERIFY2(reply.startsWith(QLatin1String("Text as received")), qPrintable(reply));
    QVERIFY2(reply.contains(thisYear()) && reply.contains(QLatin1String("\\r\\n")), qPrintable(reply));
    QVERIFY2(label("daytimeFormatLabel").contains(QLatin1String("ctime")), qPrintable(label("daytimeFormatLabel")));
    const QString steps = tableText("decodeTable");
    QVERIFY2(steps.contains(QLatin1String("Text as received")) && steps.contains(QLatin1String("Weekday")),
        qPrintable(steps));
    QVERIFY2(label("clockLabel").contains(QLatin1String("Difference:")), qPrintable(label("clockLabel")));
    QVERIFY(!child<QLabel>("wrapNote")->isVisible());
}

void TestTimePanel::sntpShowsFieldsAndFormulas()
{
    choose("protocolCombo", 2);
    QCOMPARE(
        child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("sntp"), Transport::Udp)));
    askAndWait();

    QVERIFY2(!child<QLabel>("errorLabel")->isVisible(), qPrintable(label("errorLabel")));
    QVERIFY(child<QTableWidget>("sntpFieldsTable")->isVisible());
    const QString fields = tableText("sntpFieldsTable");
    for (const char *field : { "Leap indicator (LI)", "Version (VN)", "Mode", "Stratum", "Poll", "Precision",
             "Root delay", "Root dispersion", "Reference id", "Reference timestamp", "Originate timestamp (T1)",
             "Receive timestamp (T2)", "Transmit timestamp (T3)" })
        QVERIFY2(fields.contains(QLatin1String(field)), field);
    QCOMPARE(child<QTableWidget>("sntpFieldsTable")->item(2, 1)->text(), QStringLiteral("4 (server)"));

    const QString formulas = label("formulaLabel");
    QVERIFY(child<QLabel>("formulaLabel")->isVisible());
    QVERIFY2(
        formulas.contains(QStringLiteral("\u03b8 = ((T2 \u2212 T1) + (T3 \u2212 T4)) / 2 = ((")), qPrintable(formulas));
    QVERIFY2(
        formulas.contains(QStringLiteral("\u03b4 = (T4 \u2212 T1) \u2212 (T3 \u2212 T2) = (")), qPrintable(formulas));
    QVERIFY2(tableText("decodeTable").contains(QLatin1String("T4")), qPrintable(tableText("decodeTable")));
    const QString clock = label("clockLabel");
    QVERIFY2(clock.contains(thisYear()) && clock.contains(QLatin1String("Difference:")), qPrintable(clock));
    QTRY_VERIFY2(traceText().contains(QLatin1String("send(")) && traceText().contains(QLatin1String("recv")),
        qPrintable(traceText()));
}

void TestTimePanel::sntpKissOfDeathIsExplained()
{
    // A server that answers every request with a kiss-o'-death RATE, echoing the request's transmit
    // timestamp as the originate timestamp, as a real one would.
    QUdpSocket server;
    QVERIFY(server.bind(QHostAddress::LocalHost, 0));
    int requests = 0;
    connect(&server, &QUdpSocket::readyRead, this, [&] {
        while (server.hasPendingDatagrams()) {
            const QNetworkDatagram request = server.receiveDatagram();
            ++requests;
            QByteArray reply(48, '\0');
            reply[0] = char((0 << 6) | (4 << 3) | 4); // LI 0, VN 4, mode 4
            reply.replace(12, 4, "RATE");
            if (request.data().size() >= 48)
                reply.replace(24, 8, request.data().mid(40, 8));
            server.writeDatagram(reply, request.senderAddress(), quint16(request.senderPort()));
        }
    });
    choose("protocolCombo", 2);
    setTarget(QStringLiteral("127.0.0.1"), QString::number(server.localPort()));
    askAndWait();

    QCOMPARE(requests, 1);
    QVERIFY(child<QLabel>("errorLabel")->isVisible());
    const QString error = label("errorLabel");
    QVERIFY2(error.contains(QLatin1String("Kiss-o")) && error.contains(QLatin1String("RATE")), qPrintable(error));
    const QString fields = tableText("sntpFieldsTable");
    QVERIFY2(fields.contains(QLatin1String("Kiss code RATE")), qPrintable(fields));
    QVERIFY(child<QTableWidget>("sntpFieldsTable")->isVisible());
    QVERIFY(!child<QLabel>("formulaLabel")->isVisible()); // no time to compute with
}

void TestTimePanel::sntpDisablesTcp()
{
    auto *transport = child<QComboBox>("transportCombo");
    auto *model = qobject_cast<QStandardItemModel *>(transport->model());
    QVERIFY(model);
    choose("transportCombo", 1);
    QVERIFY(model->item(1)->isEnabled());
    choose("protocolCombo", 2);
    QCOMPARE(transport->currentIndex(), 0); // back to UDP
    QVERIFY(!model->item(1)->isEnabled());
    QVERIFY(model->item(1)->toolTip().contains(QLatin1String("UDP only")));
    QVERIFY(label("protocolHint").contains(QLatin1String("UDP only")));
    QVERIFY(transport->toolTip().contains(QLatin1String("UDP only")));
    choose("protocolCombo", 0);
    QVERIFY(model->item(1)->isEnabled());
}

void TestTimePanel::silentServerTimesOutAfterEveryAttempt()
{
    UdpResponder silent(nullptr);
    QVERIFY(silent.listen());
    setTarget(QStringLiteral("127.0.0.1"), QString::number(silent.port()));
    QVERIFY(child<QComboBox>("presetCombo")->currentText().startsWith(QLatin1String("Other")));
    child<QSpinBox>("retriesSpin")->setValue(2);
    child<QDoubleSpinBox>("timeoutSpin")->setValue(0.3);
    askAndWait();

    QVERIFY(child<QLabel>("errorLabel")->isVisible());
    const QString error = label("errorLabel");
    QVERIFY2(error.contains(QLatin1String("Timeout")) && error.contains(QLatin1String("2 attempts"))
            && error.contains(QLatin1String("firewall")),
        qPrintable(error));
    QCOMPARE(silent.received, 2); // both attempts really went out
    const QString trace = traceText();
    QVERIFY2(trace.contains(QLatin1String("attempt 1 of 2")) && trace.contains(QLatin1String("attempt 2 of 2")),
        qPrintable(trace));
    QVERIFY2(label("statusLabel").contains(QLatin1String("2 of 2 attempts")), qPrintable(label("statusLabel")));
    QVERIFY(!child<QTableWidget>("decodeTable")->isVisible());
    QVERIFY(child<QPushButton>("askButton")->isEnabled());
}

void TestTimePanel::shortReplyIsAProtocolError()
{
    UdpResponder three([] { return QByteArray("\x01\x02\x03", 3); });
    QVERIFY(three.listen());
    setTarget(QStringLiteral("127.0.0.1"), QString::number(three.port()));
    askAndWait();

    QVERIFY(child<QLabel>("errorLabel")->isVisible());
    const QString error = label("errorLabel");
    QVERIFY2(error.contains(QLatin1String("Protocol")) && error.contains(QLatin1String("01 02 03")), qPrintable(error));
    QVERIFY2(label("replyLabel").contains(QLatin1String("3 bytes"))
            && label("replyLabel").contains(QLatin1String("01 02 03")),
        qPrintable(label("replyLabel")));
    const QString steps = tableText("decodeTable");
    QVERIFY2(
        steps.contains(QLatin1String("Reply bytes")) && steps.contains(QLatin1String("01 02 03")), qPrintable(steps));
    QVERIFY(!steps.contains(QLatin1String("2208988800")));
    QCOMPARE(three.received, 1);
}

void TestTimePanel::badFieldsDisableAsk()
{
    auto *ask = child<QPushButton>("askButton");
    auto *portError = child<QLabel>("portError");
    auto *hostError = child<QLabel>("hostError");
    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("70000"));
    QVERIFY(!ask->isEnabled());
    QVERIFY(portError->isVisible());
    QVERIFY(!portError->text().isEmpty());

    setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("nosuchservice"));
    QVERIFY(!ask->isEnabled());
    QVERIFY2(portError->text().contains(QLatin1String("nosuchservice")), qPrintable(portError->text()));

    // Empty: the protocol's own service, looked up when asked.
    setTarget(QStringLiteral("127.0.0.1"), QString());
    QVERIFY(ask->isEnabled());
    QVERIFY(!portError->isVisible());
    QVERIFY(child<QLineEdit>("portEdit")->placeholderText().contains(QLatin1String("37")));

    setTarget(QString(), QStringLiteral("37"));
    QVERIFY(!ask->isEnabled());
    QVERIFY(hostError->isVisible());
    QVERIFY(!hostError->text().isEmpty());

    setTarget(QStringLiteral("no such host"), QStringLiteral("37"));
    QVERIFY(!ask->isEnabled());
    QVERIFY(hostError->isVisible());

    // Enter in a bad field sends nothing either.
    QTest::keyClick(child<QLineEdit>("hostEdit"), Qt::Key_Return);
    QVERIFY(!child<QPushButton>("stopButton")->isEnabled());
    QCOMPARE(child<QTableView>("stepTable")->model()->rowCount(), 0);
}

void TestTimePanel::stopCancels()
{
    UdpResponder silent(nullptr);
    QVERIFY(silent.listen());
    setTarget(QStringLiteral("127.0.0.1"), QString::number(silent.port()));
    // A short timeout: without the stop, attempt 2 would come 0.3 s later.
    child<QDoubleSpinBox>("timeoutSpin")->setValue(0.3);
    QTest::mouseClick(child<QPushButton>("askButton"), Qt::LeftButton);
    auto *stop = child<QPushButton>("stopButton");
    QVERIFY(stop->isEnabled());
    QTRY_COMPARE(silent.received, 1);
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!stop->isEnabled());
    QVERIFY2(label("statusLabel").contains(QLatin1String("Stopped")), qPrintable(label("statusLabel")));
    QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    QVERIFY(child<QPushButton>("askButton")->isEnabled());
    QTest::qWait(1000);
    QCOMPARE(silent.received, 1); // no further attempt after the stop
}

void TestTimePanel::askingAgainShowsOnlyTheNewAnswer()
{
    UdpResponder silent(nullptr);
    QVERIFY(silent.listen());
    setTarget(QStringLiteral("127.0.0.1"), QString::number(silent.port()));
    child<QDoubleSpinBox>("timeoutSpin")->setValue(30.0);
    QTest::mouseClick(child<QPushButton>("askButton"), Qt::LeftButton);
    QTRY_COMPARE(silent.received, 1);

    // The lab preset again, and Ask while the first query still waits: the old one's cancel is not shown.
    choose("presetCombo", 0);
    child<QDoubleSpinBox>("timeoutSpin")->setValue(2.0);
    askAndWait();
    QVERIFY2(!child<QLabel>("errorLabel")->isVisible(), qPrintable(label("errorLabel")));
    QVERIFY2(label("statusLabel").contains(QLatin1String("answered")), qPrintable(label("statusLabel")));
    QVERIFY(tableText("decodeTable").contains(QLatin1String("2208988800")));
}

void TestTimePanel::outsidePresetsOnlyFillTheFields()
{
    auto *preset = child<QComboBox>("presetCombo");
    QVERIFY(preset->itemText(1).contains(QLatin1String("needs Internet")));
    QVERIFY(preset->itemText(2).contains(QLatin1String("needs Internet")));
    choose("presetCombo", 1);
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("time.nist.gov"));
    QCOMPARE(child<QLineEdit>("portEdit")->text(), QString()); // the protocol's own service
    QVERIFY(label("presetHint").contains(QLatin1String("Internet")));
    choose("protocolCombo", 2);
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("time.nist.gov"));
    choose("presetCombo", 2);
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("pool.ntp.org"));
    QVERIFY(child<QLineEdit>("portEdit")->placeholderText().contains(QLatin1String("123")));

    // Nothing was sent: no step, no query running, the panel still waits for Ask.
    QTest::qWait(50);
    QCOMPARE(child<QTableView>("stepTable")->model()->rowCount(), 0);
    QVERIFY(!child<QPushButton>("stopButton")->isEnabled());
    QCOMPARE(label("statusLabel"), QStringLiteral("Not asked yet."));

    // Back to the lab: its host and port.
    choose("presetCombo", 0);
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(
        child<QLineEdit>("portEdit")->text(), QString::number(m_lab->port(QStringLiteral("sntp"), Transport::Udp)));
}

void TestTimePanel::worksWithoutALab()
{
    TimePanel panel(nullptr);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(child<QComboBox>("presetCombo", &panel)->currentText().contains(QLatin1String("off")));
    QCOMPARE(child<QLineEdit>("hostEdit", &panel)->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QLineEdit>("portEdit", &panel)->text(), QString());
    QVERIFY(child<QPushButton>("askButton", &panel)->isEnabled());

    // Pointed at a server of its own, it decodes as with the lab.
    UdpResponder server(rfc868Now);
    QVERIFY(server.listen());
    auto *port = child<QLineEdit>("portEdit", &panel);
    QTest::keyClicks(port, QString::number(server.port()));
    QTest::mouseClick(child<QPushButton>("askButton", &panel), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableWidget>("decodeTable", &panel)->isVisible(), 10000);
    QCOMPARE(server.received, 1);
    QVERIFY(!child<QLabel>("errorLabel", &panel)->isVisible());
    // Made from this computer's clock: they agree, or differ by the second the reply crossed.
    const QString clock = child<QLabel>("clockLabel", &panel)->text();
    QVERIFY2(clock.contains(QLatin1String("agree")) || clock.contains(QLatin1String("server is 1 s behind")),
        qPrintable(clock));
}

void TestTimePanel::grabsForReview()
{
    // Pictures for a person to look at (not compared): kept in SWB_GRAB_DIR when it is set, else
    // written to a temporary folder so the path is exercised every run.
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");

    // As the main window holds it: in a scroll area, about what a 1100x720 window leaves for a panel.
    auto *panel = new TimePanel(m_lab.get());
    PanelScrollArea area(panel);
    area.resize(920, 650);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QTest::mouseClick(child<QPushButton>("askButton", panel), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableWidget>("decodeTable", panel)->isVisible(), 10000);
    QTest::qWait(100);
    // Every row of the decoding shows: the panel grows (and the area scrolls) rather than cut the table.
    auto *decode = child<QTableWidget>("decodeTable", panel);
    QTRY_VERIFY2(decode->viewport()->height() >= decode->verticalHeader()->length(),
        qPrintable(
            QStringLiteral("%1 < %2").arg(decode->viewport()->height()).arg(decode->verticalHeader()->length())));
    QVERIFY(area.grab().save(dir + QStringLiteral("/time-rfc868.png")));
    QVERIFY(panel->grab().save(dir + QStringLiteral("/time-rfc868-whole.png")));

    child<QComboBox>("protocolCombo", panel)->setCurrentIndex(2);
    QTest::mouseClick(child<QPushButton>("askButton", panel), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableWidget>("sntpFieldsTable", panel)->isVisible(), 10000);
    QTest::qWait(100);
    auto *fields = child<QTableWidget>("sntpFieldsTable", panel);
    QTRY_VERIFY(fields->viewport()->height() >= fields->verticalHeader()->length());
    QVERIFY(area.grab().save(dir + QStringLiteral("/time-sntp.png")));
    QVERIFY(panel->grab().save(dir + QStringLiteral("/time-sntp-whole.png")));

    // A presentation font: larger text, still every row.
    QFont big = panel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    panel->setFont(big);
    QTRY_VERIFY(fields->viewport()->height() >= fields->verticalHeader()->length());
    QTRY_VERIFY(decode->viewport()->height() >= decode->verticalHeader()->length());
    QTest::qWait(100);
    QVERIFY(area.grab().save(dir + QStringLiteral("/time-sntp-bigfont.png")));
    QVERIFY(panel->grab().save(dir + QStringLiteral("/time-sntp-bigfont-whole.png")));

    // The panel alone at 1100x720, as the brief's window size.
    m_panel->resize(1100, 720);
    choose("protocolCombo", 1);
    askAndWait();
    QTest::qWait(100);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/time-daytime-1100.png")));

    UdpResponder silent(nullptr);
    QVERIFY(silent.listen());
    choose("protocolCombo", 0);
    setTarget(QStringLiteral("127.0.0.1"), QString::number(silent.port()));
    child<QSpinBox>("retriesSpin")->setValue(2);
    child<QDoubleSpinBox>("timeoutSpin")->setValue(0.2);
    askAndWait();
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/time-timeout-1100.png")));
}

QTEST_MAIN(TestTimePanel)
#include "tst_timepanel.moc"
