// The explanation under a step table follows the selected row of a real step table (TraceModel and
// TraceStyleProxy), masks addresses with View > Hide Addresses, and explains every step of a real
// TCP session.

#include "client/tcpprobe.h"
#include "learn/stepexplanations.h"
#include "lookup/privacy.h"
#include "trace/tracemodel.h"
#include "widgets/stepexplanation.h"
#include "widgets/steptable.h"
#include "widgets/tracestyleproxy.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace swb;

namespace {

TraceEvent makeEvent(TraceKind kind, const QString &call, const QString &arguments, const QString &result)
{
    TraceEvent e;
    e.kind = kind;
    e.call = call;
    e.arguments = arguments;
    e.result = result;
    return e;
}

// A step table as the panels build it, with the explanation under it.
struct Fixture {
    QWidget window;
    StepTable::Trace trace;
    QTableView *table = nullptr;
    StepExplanationView *view = nullptr;

    Fixture()
    {
        trace = StepTable::makeTrace(&window, 1000);
        auto *layout = new QVBoxLayout(&window);
        table = new QTableView(&window);
        StepTable::setUp(table, trace.styled, trace.model);
        view = new StepExplanationView(&window);
        view->follow(table);
        layout->addWidget(table, 1);
        layout->addWidget(view);
        window.resize(720, 420);
    }

    QString text(const char *name) const
    {
        const auto *label = view->findChild<QLabel *>(QString::fromLatin1(name));
        return label && !label->isHidden() ? label->text() : QString();
    }
    bool hintShown() const { return !text("stepExplanationHint").isEmpty(); }
};

} // namespace

class TestStepExplanation : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void followsTheSelectedRow();
    void hidesAddresses();
    void rebuildsFontsOnFontChange();
    void explainsEveryStepOfARealSession();

private:
    QString grabDir() const;
    QTemporaryDir m_scratch;
};

void TestStepExplanation::init()
{
    // Fixed names: no lookup of this machine's names on a worker thread during the test.
    Privacy::instance()->setHostNames({ QStringLiteral("testhost") });
    Privacy::instance()->setEnabled(false);
}

void TestStepExplanation::cleanup()
{
    Privacy::instance()->setEnabled(false);
}

QString TestStepExplanation::grabDir() const
{
    return qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? m_scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
}

void TestStepExplanation::followsTheSelectedRow()
{
    Fixture f;
    QAbstractItemModelTester tester(f.trace.styled, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(f.view->objectName(), QStringLiteral("stepExplanation"));
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    QVERIFY(f.hintShown());
    QCOMPARE(f.text("stepExplanationHint"), QStringLiteral("Select a step to see what it does"));

    TraceEvent connected = makeEvent(
        TraceKind::Opened, QStringLiteral("connect"), QStringLiteral("(127.0.0.1:7)"), QStringLiteral("ok"));
    connected.remote = { QStringLiteral("127.0.0.1"), 7 };
    TraceEvent eof = makeEvent(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("(65536)"),
        QStringLiteral("0: the server closed the connection"));
    TraceEvent refused = makeEvent(
        TraceKind::Error, QStringLiteral("connect"), QStringLiteral("(127.0.0.1:9)"), QStringLiteral("ECONNREFUSED"));
    refused.error = ErrorKind::Connect;
    f.trace.model->appendBatch({ makeEvent(TraceKind::Call, QStringLiteral("socket"),
                                     QStringLiteral("(AF_INET, SOCK_STREAM)"), QStringLiteral("fd 7")),
        connected, eof, refused,
        makeEvent(TraceKind::Note, QString(), QString(), QStringLiteral("trying the next address")) });
    QCOMPARE(f.table->model()->rowCount(), 5);
    QVERIFY(f.hintShown()); // nothing selected yet

    f.table->selectRow(1);
    QCOMPARE(f.text("stepExplanationTitle"), QStringLiteral("connect()"));
    QVERIFY(f.text("stepExplanationWhat").contains(u"three-way handshake"));
    QVERIFY(f.text("stepExplanationResult").contains(u"connection to 127.0.0.1:7 is open"));
    QCOMPARE(f.text("stepExplanationPython"), QStringLiteral("s.connect((host, port))"));
    QVERIFY(!f.hintShown());
    const auto *title = f.view->findChild<QLabel *>(QStringLiteral("stepExplanationTitle"));
    QVERIFY(title->font().bold());
    const auto *python = f.view->findChild<QLabel *>(QStringLiteral("stepExplanationPython"));
    QVERIFY(python->font().fixedPitch() || QFontInfo(python->font()).fixedPitch());
    QVERIFY(f.view->height() < f.window.height() / 2);
    QVERIFY(f.window.grab().save(grabDir() + QStringLiteral("/step-explanation.png")));

    f.table->selectRow(2);
    QCOMPARE(f.text("stepExplanationTitle"), QStringLiteral("recv()"));
    QVERIFY(f.text("stepExplanationResult").contains(u"the other side closed its sending direction"));

    f.table->selectRow(3);
    QVERIFY(f.text("stepExplanationResult").contains(u"Nothing is listening on that port"));

    f.table->selectRow(4);
    QCOMPARE(f.text("stepExplanationTitle"), QStringLiteral("Note"));
    QVERIFY(f.text("stepExplanationWhat").contains(u"not a socket call"));
    QVERIFY(f.text("stepExplanationPython").isEmpty());

    // Keyboard: the person moves up a row.
    f.table->setFocus();
    QTest::keyClick(f.table, Qt::Key_Up);
    QCOMPARE(f.text("stepExplanationTitle"), QStringLiteral("connect()"));
    QVERIFY(f.text("stepExplanationResult").contains(u"Nothing is listening"));

    f.table->clearSelection();
    QVERIFY(f.hintShown());
    QVERIFY(f.text("stepExplanationTitle").isEmpty());

    f.table->selectRow(0);
    QCOMPARE(f.text("stepExplanationTitle"), QStringLiteral("socket()"));
    f.trace.model->clear();
    QVERIFY(f.hintShown());

    // showEvent and clear, without a table.
    StepExplanationView alone;
    alone.showEvent(eof);
    QCOMPARE(alone.findChild<QLabel *>(QStringLiteral("stepExplanationTitle"))->text(), QStringLiteral("recv()"));
    alone.clear();
    QVERIFY(!alone.findChild<QLabel *>(QStringLiteral("stepExplanationHint"))->isHidden());
}

void TestStepExplanation::hidesAddresses()
{
    Fixture f;
    TraceEvent accepted = makeEvent(TraceKind::Opened, QStringLiteral("accept"), QStringLiteral("()"),
        QStringLiteral("fd 9, client 192.168.1.20:40000"));
    accepted.remote = { QStringLiteral("192.168.1.20"), 40000 };
    accepted.connectionId = 1;
    f.trace.model->append(accepted);
    f.table->selectRow(0);
    QVERIFY(f.text("stepExplanationResult").contains(u"192.168.1.20:40000"));

    Privacy::instance()->setEnabled(true);
    QVERIFY(!f.text("stepExplanationResult").contains(u"192.168.1.20"));
    QVERIFY(f.text("stepExplanationResult").contains(PrivacyMasker::ipv4Placeholder() + QStringLiteral(":40000")));
    // Selected while hidden: masked too.
    f.table->clearSelection();
    f.table->selectRow(0);
    QVERIFY(!f.text("stepExplanationResult").contains(u"192.168.1.20"));
    f.view->showEvent(
        makeEvent(TraceKind::Call, QStringLiteral("gethostname"), QStringLiteral("()"), QStringLiteral("testhost")));
    QVERIFY(!f.text("stepExplanationResult").contains(u"testhost"));

    Privacy::instance()->setEnabled(false);
    QVERIFY(f.text("stepExplanationResult").contains(u"testhost"));
    f.table->clearSelection();
    f.table->selectRow(0);
    QVERIFY(f.text("stepExplanationResult").contains(u"192.168.1.20:40000"));
}

void TestStepExplanation::rebuildsFontsOnFontChange()
{
    StepExplanationView view;
    view.showEvent(makeEvent(TraceKind::Call, QStringLiteral("listen"), QStringLiteral("(5)"), QStringLiteral("ok")));
    auto *python = view.findChild<QLabel *>(QStringLiteral("stepExplanationPython"));
    auto *title = view.findChild<QLabel *>(QStringLiteral("stepExplanationTitle"));
    QFont big = view.font();
    big.setPointSizeF(view.font().pointSizeF() * 2);
    view.setFont(big);
    QCOMPARE(python->font().pointSizeF(), big.pointSizeF());
    QCOMPARE(title->font().pointSizeF(), big.pointSizeF());
    QVERIFY(title->font().bold());
    QCOMPARE(python->text(), QStringLiteral("s.listen(5)"));
    // Presentation-size text still wraps within a narrow window.
    view.resize(420, view.heightForWidth(420));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.grab().save(grabDir() + QStringLiteral("/step-explanation-large.png")));
}

void TestStepExplanation::explainsEveryStepOfARealSession()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    // The peer answers one line and closes: the probe sees recv(), then recv() of 0 bytes.
    connect(&server, &QTcpServer::newConnection, &server, [&server] {
        QTcpSocket *client = server.nextPendingConnection();
        connect(client, &QTcpSocket::readyRead, client, [client] {
            if (client->canReadLine()) {
                client->write("pong\n");
                client->disconnectFromHost();
            }
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    });

    Fixture f;
    TcpProbe probe;
    connect(&probe, &TcpProbe::traced, f.trace.model, &TraceModel::append);
    QSignalSpy finished(&probe, &TcpProbe::finished);
    QSignalSpy closed(&probe, &TcpProbe::connectionClosed);
    TcpProbeRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.port = QString::number(server.serverPort());
    probe.start(request);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(probe.result().ok());
    QVERIFY(probe.send("ping\n"));
    QTRY_COMPARE(closed.size(), 1);

    QStringList calls;
    for (int row = 0; row < f.table->model()->rowCount(); ++row) {
        f.table->selectRow(row);
        const TraceEvent e = f.table->model()->index(row, 0).data(TraceModel::EventRole).value<TraceEvent>();
        calls << e.call;
        QVERIFY2(StepExplanations::explain(e).known, qPrintable(e.call));
        QCOMPARE(f.text("stepExplanationTitle"), StepExplanations::explain(e).title);
        QVERIFY2(!f.text("stepExplanationWhat").isEmpty(), qPrintable(e.call));
        QVERIFY2(!f.text("stepExplanationResult").isEmpty(), qPrintable(e.call));
        if (e.kind != TraceKind::Note)
            QVERIFY2(!f.text("stepExplanationPython").isEmpty(), qPrintable(e.call));
        QVERIFY(!f.text("stepExplanationWhat").contains(u"no explanation"));
    }
    for (const char *call :
        { "getaddrinfo", "socket", "connect", "getsockname", "getpeername", "send", "recv", "close" })
        QVERIFY2(calls.contains(QString::fromLatin1(call)), qPrintable(calls.join(u", ")));

    // The end of the stream, as the person sees it.
    const int eofRow = int(calls.lastIndexOf(QStringLiteral("recv")));
    f.table->selectRow(eofRow);
    QVERIFY2(f.text("stepExplanationResult").contains(u"end of file"), qPrintable(f.text("stepExplanationResult")));
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    QVERIFY(f.window.grab().save(grabDir() + QStringLiteral("/step-explanation-session.png")));
}

QTEST_MAIN(TestStepExplanation)
#include "tst_stepexplanation.moc"
