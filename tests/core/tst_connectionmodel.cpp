// ConnectionModel fed the event sequences a ListenServer traces (accept, recv, recv of 0 bytes for the
// client's FIN, shutdown, ECONNRESET, close), under QAbstractItemModelTester; and ConsoleFormat, which
// must show every byte a client sends escaped, never interpreted by the terminal or the log reader.

#include "server/connectionmodel.h"
#include "trace/consoleformat.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace swb;

Q_DECLARE_METATYPE(swb::ConnectionModel::State)

namespace {

const Endpoint kServer { QStringLiteral("127.0.0.1"), 5000 };

Endpoint clientEndpoint(int id)
{
    return { QStringLiteral("127.0.0.1"), quint16(40000 + id) };
}

// Builds events as ListenServer and ServerConnection do, with increasing times.
class Events {
public:
    TraceEvent make(TraceKind kind, int id, const QString &call, const QString &result = {})
    {
        TraceEvent e;
        m_ns += 1000000;
        e.atNs = m_ns;
        e.wallTime = QDateTime::currentDateTimeUtc();
        e.kind = kind;
        e.call = call;
        e.arguments = call.isEmpty() ? QString() : QStringLiteral("()");
        e.result = result;
        e.connectionId = id;
        e.local = kServer;
        e.remote = clientEndpoint(id);
        return e;
    }
    TraceEvent bytes(TraceKind kind, int id, const QString &call, qint64 size)
    {
        TraceEvent e = make(kind, id, call, byteCount(size));
        e.size = size;
        e.payload = QByteArray(int(qMin<qint64>(size, TraceEvent::kMaxPayload)), 'x');
        return e;
    }

    // One step of a script: "accept", "recv 6", "send 6", "fin", "shutdown", "reset", "epipe",
    // "timeout", "toolong", "close", "refuse", "note", "udp-in 6", "udp-out 6".
    TraceEvent step(int id, const QString &verb, qint64 n)
    {
        if (verb == QLatin1String("accept"))
            return make(TraceKind::Opened, id, QStringLiteral("accept"), QStringLiteral("fd 9"));
        if (verb == QLatin1String("recv"))
            return bytes(TraceKind::Received, id, QStringLiteral("recv"), n);
        if (verb == QLatin1String("send"))
            return bytes(TraceKind::Sent, id, QStringLiteral("send"), n);
        if (verb == QLatin1String("fin"))
            return bytes(TraceKind::Received, id, QStringLiteral("recv"), 0);
        if (verb == QLatin1String("shutdown"))
            return make(TraceKind::Call, id, QStringLiteral("shutdown"), QStringLiteral("ok"));
        if (verb == QLatin1String("reset") || verb == QLatin1String("epipe")) {
            TraceEvent e = make(TraceKind::Error, id,
                verb == QLatin1String("reset") ? QStringLiteral("recv") : QStringLiteral("send"),
                verb == QLatin1String("reset") ? QStringLiteral("ECONNRESET") : QStringLiteral("EPIPE"));
            e.error = ErrorKind::Io;
            return e;
        }
        if (verb == QLatin1String("timeout") || verb == QLatin1String("toolong")) {
            TraceEvent e = make(TraceKind::Error, id, QString());
            e.arguments = verb == QLatin1String("timeout") ? QStringLiteral("idle") : QStringLiteral("too long");
            e.error = verb == QLatin1String("timeout") ? ErrorKind::Timeout : ErrorKind::Protocol;
            return e;
        }
        if (verb == QLatin1String("close"))
            return make(TraceKind::Closed, id, QStringLiteral("close"), QStringLiteral("ok"));
        if (verb == QLatin1String("refuse")) {
            TraceEvent e = make(TraceKind::Closed, id, QStringLiteral("close"), QStringLiteral("ok (refused)"));
            e.error = ErrorKind::Local;
            return e;
        }
        if (verb == QLatin1String("note"))
            return make(TraceKind::Note, id, QString(), QStringLiteral("a note"));
        if (verb == QLatin1String("udp-in"))
            return bytes(TraceKind::Received, id, QStringLiteral("recvfrom"), n);
        if (verb == QLatin1String("udp-out"))
            return bytes(TraceKind::Sent, id, QStringLiteral("sendto"), n);
        qFatal("unknown step %s", qPrintable(verb));
    }

    // "1 accept, 1 recv 6, 2 accept": client id, verb, and a size where the verb takes one.
    QVector<TraceEvent> script(const QString &text)
    {
        QVector<TraceEvent> events;
        const QStringList steps = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &s : steps) {
            const QStringList words = s.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (words.isEmpty())
                continue;
            Q_ASSERT(words.size() >= 2);
            events << step(words.at(0).toInt(), words.at(1), words.size() > 2 ? words.at(2).toLongLong() : 0);
        }
        return events;
    }

private:
    qint64 m_ns = 0;
};

QVector<int> idsOf(const ConnectionModel &model)
{
    QVector<int> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.clientAt(row);
    return ids;
}

QString text(const ConnectionModel &model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

bool hasControlCharacter(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f);
    });
}

// Splits one CSV row into its fields (RFC 4180 quoting).
QStringList parseCsvRow(const QString &row)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < row.size(); ++i) {
        const QChar c = row.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < row.size() && row.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

class TestConnectionModel : public QObject {
    Q_OBJECT

private slots:
    void states_data();
    void states();
    void counters_data();
    void counters();
    void rowShowsPeerAndBytes();
    void oneInsertionPerBatch();
    void closedRowsGoAfterRetention();
    void closedRowCap();
    void closedRowCapKeepsLatestClosed();
    void closedRowIsFrozen();
    void closeOfPrunedRowStillCounted();
    void udpSenders();
    void udpSenderCap();
    void resetForNewRun();

    void consoleDirection_data();
    void consoleDirection();
    void consoleLine();
    void consoleDataEscapes_data();
    void consoleDataEscapes();
    void consoleDataOfCalls_data();
    void consoleDataOfCalls();
    void consoleDataNotKept();
    void csvField_data();
    void csvField();
    void csvRow();
    void writeText();
    void writeCsv();
    void writeLargeLog();
    void writeFailure();
};

void TestConnectionModel::states_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<ConnectionModel::State>("state");
    QTest::addColumn<bool>("closed");
    using S = ConnectionModel::State;
    QTest::newRow("accepted") << "1 accept" << S::Open << false;
    QTest::newRow("talking") << "1 accept, 1 recv 6, 1 send 6, 1 note" << S::Open << false;
    QTest::newRow("client half-closed") << "1 accept, 1 recv 6, 1 fin" << S::PeerHalfClosed << false;
    QTest::newRow("server half-closed") << "1 accept, 1 shutdown" << S::ServerHalfClosed << false;
    QTest::newRow("server half-closed, then client FIN")
        << "1 accept, 1 shutdown, 1 fin" << S::ServerHalfClosed << false;
    QTest::newRow("client closed first") << "1 accept, 1 recv 6, 1 send 6, 1 fin, 1 shutdown, 1 close"
                                         << S::ClosedByPeer << true;
    QTest::newRow("server closed first") << "1 accept, 1 recv 6, 1 send 6, 1 shutdown, 1 fin, 1 close"
                                         << S::ClosedByServer << true;
    QTest::newRow("operator close") << "1 accept, 1 recv 6, 1 close" << S::ClosedByServer << true;
    QTest::newRow("idle timeout") << "1 accept, 1 timeout, 1 close" << S::ClosedByServer << true;
    QTest::newRow("line too long") << "1 accept, 1 recv 65537, 1 toolong, 1 close" << S::ClosedByServer << true;
    QTest::newRow("reset") << "1 accept, 1 recv 6, 1 reset, 1 close" << S::Reset << true;
    QTest::newRow("reset after half-close") << "1 accept, 1 fin, 1 reset, 1 close" << S::Reset << true;
    QTest::newRow("EPIPE") << "1 accept, 1 send 100, 1 epipe, 1 close" << S::Reset << true;
    QTest::newRow("refused") << "1 accept, 1 refuse" << S::Refused << true;
    // A Local error on a client that was served is not a refusal.
    QTest::newRow("local error after data") << "1 accept, 1 recv 6, 1 refuse" << S::ClosedByServer << true;
    // Events after the close change nothing.
    QTest::newRow("late events") << "1 accept, 1 close, 1 fin, 1 reset, 1 close" << S::ClosedByServer << true;
}

void TestConnectionModel::states()
{
    QFETCH(QString, script);
    QFETCH(ConnectionModel::State, state);
    QFETCH(bool, closed);
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Events events;
    // Whether the events come in one batch or one at a time, the row ends the same.
    for (const TraceEvent &e : events.script(script))
        model.addEvents({ e });
    ConnectionModel batched;
    batched.addEvents(events.script(script));

    const ConnectionModel *models[] = { &model, &batched };
    for (const ConnectionModel *m : models) {
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->rowOfClient(1), 0);
        QCOMPARE(m->clientAt(0), 1);
        QCOMPARE(m->stateAt(0), state);
        QCOMPARE(m->isClosedAt(0), closed);
        QCOMPARE(text(*m, 0, ConnectionModel::StateColumn), ConnectionModel::stateText(state));
        QCOMPARE(m->data(m->index(0, 0), ConnectionModel::StateRole).toInt(), int(state));
        QCOMPARE(m->data(m->index(0, 0), ConnectionModel::ClosedRole).toBool(), closed);
        QCOMPARE(m->data(m->index(0, 0), ConnectionModel::ClientIdRole).toInt(), 1);
        QCOMPARE(m->openClients(), closed ? QVector<int>() : QVector<int> { 1 });
        QCOMPARE(m->counters().clientsNow, closed ? 0 : 1);
        QCOMPARE(m->counters().closed, closed ? 1 : 0);
        QCOMPARE(m->counters().refused, state == ConnectionModel::State::Refused ? 1 : 0);
        QCOMPARE(m->counters().clientsTotal, state == ConnectionModel::State::Refused ? 0 : 1);
    }
    const QString tip = model.data(model.index(0, ConnectionModel::StateColumn), Qt::ToolTipRole).toString();
    QCOMPARE(!tip.isEmpty(), state == ConnectionModel::State::Reset || state == ConnectionModel::State::PeerHalfClosed);
}

void TestConnectionModel::counters_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("clientsNow");
    QTest::addColumn<qint64>("clientsTotal");
    QTest::addColumn<qint64>("refused");
    QTest::addColumn<qint64>("accepted");
    QTest::addColumn<qint64>("closed");
    QTest::addColumn<qint64>("bytesIn");
    QTest::addColumn<qint64>("bytesOut");

    QTest::newRow("empty") << QString() << 0 << qint64(0) << qint64(0) << qint64(0) << qint64(0) << qint64(0)
                           << qint64(0);
    QTest::newRow("three clients, one left")
        << "1 accept, 2 accept, 1 recv 10, 1 send 10, 3 accept, 2 recv 5, 2 fin, 2 shutdown, 2 close, "
           "3 send 7, 3 reset, 3 close"
        << 1 << qint64(3) << qint64(0) << qint64(3) << qint64(2) << qint64(15) << qint64(17);
    QTest::newRow("refused ones are not served")
        << "1 accept, 2 accept, 3 accept, 3 refuse, 4 accept, 4 refuse, 1 recv 3, 1 send 3" << 2 << qint64(2)
        << qint64(2) << qint64(4) << qint64(2) << qint64(3) << qint64(3);
    QTest::newRow("a close is counted once") << "1 accept, 1 close, 1 close, 1 close" << 0 << qint64(1) << qint64(0)
                                             << qint64(1) << qint64(1) << qint64(0) << qint64(0);
    // Bytes of a client the model never saw accepted still count in the totals, without a row.
    QTest::newRow("bytes of an unknown client") << "7 recv 100, 7 send 50, 7 close" << 0 << qint64(0) << qint64(0)
                                                << qint64(0) << qint64(1) << qint64(100) << qint64(50);
}

void TestConnectionModel::counters()
{
    QFETCH(QString, script);
    QFETCH(int, clientsNow);
    QFETCH(qint64, clientsTotal);
    QFETCH(qint64, refused);
    QFETCH(qint64, accepted);
    QFETCH(qint64, closed);
    QFETCH(qint64, bytesIn);
    QFETCH(qint64, bytesOut);
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &ConnectionModel::countersChanged);
    Events events;
    model.addEvents(events.script(script));
    const ConnectionModel::Counters c = model.counters();
    QCOMPARE(c.clientsNow, clientsNow);
    QCOMPARE(c.clientsTotal, clientsTotal);
    QCOMPARE(c.refused, refused);
    QCOMPARE(c.accepted, accepted);
    QCOMPARE(c.closed, closed);
    QCOMPARE(c.bytesIn, bytesIn);
    QCOMPARE(c.bytesOut, bytesOut);
    QCOMPARE(c.datagramsIn, qint64(0));
    QCOMPARE(c.datagramsOut, qint64(0));
    QCOMPARE(c.senders, qint64(0));
    QCOMPARE(changed.count(), script.isEmpty() ? 0 : 1);
    QCOMPARE(model.openClients().size(), clientsNow);
}

void TestConnectionModel::rowShowsPeerAndBytes()
{
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Events events;
    model.addEvents(events.script(QStringLiteral("4 accept, 4 recv 1500, 4 send 6, 4 send 4")));
    QCOMPARE(model.columnCount(), int(ConnectionModel::ColumnCount));
    QCOMPARE(text(model, 0, ConnectionModel::IdColumn), QStringLiteral("#4"));
    QCOMPARE(text(model, 0, ConnectionModel::PeerColumn), QStringLiteral("127.0.0.1:40004"));
    QCOMPARE(text(model, 0, ConnectionModel::LocalColumn), QStringLiteral("127.0.0.1:5000"));
    QCOMPARE(model.data(model.index(0, ConnectionModel::BytesInColumn)).toLongLong(), qint64(1500));
    QCOMPARE(model.data(model.index(0, ConnectionModel::BytesOutColumn)).toLongLong(), qint64(10));
    QVERIFY(!text(model, 0, ConnectionModel::OpenedColumn).isEmpty());
    QVERIFY(text(model, 0, ConnectionModel::DurationColumn).endsWith(QLatin1String("ms")));
    QCOMPARE(model.headerData(ConnectionModel::IdColumn, Qt::Horizontal).toString(), QStringLiteral("Client"));
    QCOMPARE(model.headerData(ConnectionModel::StateColumn, Qt::Horizontal).toString(), QStringLiteral("State"));
    // A closed row's duration is from accept to close (3 ms apart on the scripted clock).
    model.addEvents(events.script(QStringLiteral("4 close")));
    QCOMPARE(text(model, 0, ConnectionModel::DurationColumn), QStringLiteral("4 ms"));
}

void TestConnectionModel::oneInsertionPerBatch()
{
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Events events;

    model.addEvents(events.script(QStringLiteral("1 accept, 2 accept, 1 recv 5, 3 accept, 4 accept, 5 accept, "
                                                 "2 send 3, 5 refuse")));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(idsOf(model), (QVector<int> { 1, 2, 3, 4, 5 }));

    // Events for known rows only: no insertion, one dataChanged spanning what changed.
    inserted.clear();
    changed.clear();
    model.addEvents(events.script(QStringLiteral("2 recv 1, 4 send 1")));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);

    // New rows and old in one batch: one insertion at the end, the old rows reported changed.
    changed.clear();
    model.addEvents(events.script(QStringLiteral("6 accept, 1 fin, 7 accept, 7 recv 2, 8 accept, 8 close")));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 5);
    QCOMPARE(inserted.at(0).at(2).toInt(), 7);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QVERIFY(changed.at(0).at(1).toModelIndex().row() < 5); // the new rows came with rowsInserted
    QCOMPARE(idsOf(model), (QVector<int> { 1, 2, 3, 4, 5, 6, 7, 8 }));
    QCOMPARE(model.stateAt(model.rowOfClient(8)), ConnectionModel::State::ClosedByServer);

    // Events without a client (the server's own calls) add nothing.
    inserted.clear();
    model.addEvents(events.script(QStringLiteral("0 accept, 0 note")));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 8);

    // A large batch is still one insertion.
    QString many;
    for (int id = 100; id < 400; ++id)
        many += QStringLiteral("%1 accept, %1 recv 1, ").arg(id);
    model.addEvents(events.script(many));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 308);
    QCOMPARE(model.counters().clientsNow, 306);
}

void TestConnectionModel::closedRowsGoAfterRetention()
{
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRetention(0, 100);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    Events events;
    model.addEvents(
        events.script(QStringLiteral("1 accept, 2 accept, 3 accept, 4 accept, 5 accept, 2 close, 4 fin, 4 close")));
    // Closed rows stay, marked, until the next tick.
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.isClosedAt(1));
    QCOMPARE(removed.count(), 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QCOMPARE(idsOf(model), (QVector<int> { 1, 3, 5 }));
    QCOMPARE(removed.count(), 2);
    // The id index follows the rows that moved up.
    QCOMPARE(model.rowOfClient(1), 0);
    QCOMPARE(model.rowOfClient(2), -1);
    QCOMPARE(model.rowOfClient(3), 1);
    QCOMPARE(model.rowOfClient(5), 2);
    // The live durations are refreshed.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(ConnectionModel::DurationColumn));
    // Counters are totals: pruning does not change them.
    QCOMPARE(model.counters().closed, qint64(2));
    QCOMPARE(model.counters().clientsTotal, qint64(5));

    // Later events still reach the right rows.
    model.addEvents(events.script(QStringLiteral("5 recv 9, 3 reset, 3 close")));
    QCOMPARE(model.data(model.index(2, ConnectionModel::BytesInColumn)).toLongLong(), qint64(9));
    QCOMPARE(model.stateAt(1), ConnectionModel::State::Reset);
    model.tick();
    QCOMPARE(idsOf(model), (QVector<int> { 1, 5 }));

    // With a long retention nothing goes; shortening it prunes at once.
    ConnectionModel kept;
    QAbstractItemModelTester keptTester(&kept, QAbstractItemModelTester::FailureReportingMode::QtTest);
    kept.addEvents(events.script(QStringLiteral("1 accept, 2 accept, 1 close")));
    kept.tick();
    QCOMPARE(kept.rowCount(), 2);
    kept.setRetention(0, ConnectionModel::kDefaultMaxClosedRows);
    QCOMPARE(idsOf(kept), QVector<int> { 2 });
}

void TestConnectionModel::closedRowCap()
{
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRetention(ConnectionModel::kDefaultRetentionMs, 3);
    Events events;
    QString script;
    for (int id = 1; id <= 10; ++id)
        script += QStringLiteral("%1 accept, ").arg(id);
    model.addEvents(events.script(script));
    QCOMPARE(model.rowCount(), 10);

    // Eight close, one batch: only the three most recent closed rows stay, beside the open ones.
    script.clear();
    for (int id = 1; id <= 8; ++id)
        script += QStringLiteral("%1 close, ").arg(id);
    model.addEvents(events.script(script));
    QCOMPARE(idsOf(model), (QVector<int> { 6, 7, 8, 9, 10 }));
    QCOMPARE(model.counters().closed, qint64(8));
    QCOMPARE(model.counters().clientsNow, 2);

    // One more close: the oldest closed row goes, at once, without a tick.
    model.addEvents(events.script(QStringLiteral("9 close")));
    QCOMPARE(idsOf(model), (QVector<int> { 7, 8, 9, 10 }));

    // Open rows are never pruned, however many there are.
    model.setRetention(0, 0);
    QCOMPARE(idsOf(model), QVector<int> { 10 });
    QCOMPARE(model.openClients(), QVector<int> { 10 });
}

void TestConnectionModel::closedRowCapKeepsLatestClosed()
{
    // Past the cap, the rows closed longest ago go: a long-lived client that has just closed stays, to
    // show how it ended, though it is first in the table.
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRetention(ConnectionModel::kDefaultRetentionMs, 2);
    Events events;
    model.addEvents(events.script(QStringLiteral("1 accept, 2 accept, 3 accept, 4 accept, 5 accept")));
    model.addEvents(events.script(QStringLiteral("3 close, 2 close")));
    QCOMPARE(model.rowCount(), 5);
    model.addEvents(events.script(QStringLiteral("1 recv 3, 1 fin, 1 shutdown, 1 close")));
    QCOMPARE(idsOf(model), (QVector<int> { 1, 2, 4, 5 }));
    QCOMPARE(model.stateAt(0), ConnectionModel::State::ClosedByPeer);
    model.addEvents(events.script(QStringLiteral("5 close, 4 close")));
    QCOMPARE(idsOf(model), (QVector<int> { 4, 5 }));
}

void TestConnectionModel::closedRowIsFrozen()
{
    // After its close, a row shows how the client ended: a later note for that id (the operator's
    // command that crossed the close) changes neither its duration nor its state.
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Events events;
    model.addEvents(events.script(QStringLiteral("1 accept, 1 recv 5, 1 close")));
    QCOMPARE(text(model, 0, ConnectionModel::DurationColumn), QStringLiteral("2 ms"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addEvents(events.script(QStringLiteral("1 note, 1 note, 1 note, 1 reset")));
    QCOMPARE(text(model, 0, ConnectionModel::DurationColumn), QStringLiteral("2 ms"));
    QCOMPARE(model.stateAt(0), ConnectionModel::State::ClosedByServer);
    QCOMPARE(changed.count(), 0);
}

void TestConnectionModel::closeOfPrunedRowStillCounted()
{
    // A client whose accept fell outside the model (cleared view) still counts when it closes.
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Events events;
    model.addEvents(events.script(QStringLiteral("1 accept, 2 accept")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.addEvents(events.script(QStringLiteral("1 close, 3 accept")));
    QCOMPARE(idsOf(model), QVector<int> { 3 });
    QCOMPARE(model.counters().closed, qint64(1));
    QCOMPARE(model.counters().accepted, qint64(3));
}

void TestConnectionModel::udpSenders()
{
    ConnectionModel model(Transport::Udp);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    Events events;
    model.addEvents(events.script(QStringLiteral("1 udp-in 10, 1 udp-out 10, 2 udp-in 3, 1 udp-in 4")));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(idsOf(model), (QVector<int> { 1, 2 }));
    QCOMPARE(model.stateAt(0), ConnectionModel::State::Sender);
    QCOMPARE(text(model, 0, ConnectionModel::StateColumn), QStringLiteral("sender"));
    QCOMPARE(text(model, 0, ConnectionModel::PeerColumn), QStringLiteral("127.0.0.1:40001"));
    QCOMPARE(text(model, 0, ConnectionModel::DatagramsColumn), QStringLiteral("2 / 1"));
    QCOMPARE(text(model, 1, ConnectionModel::DatagramsColumn), QStringLiteral("1 / 0"));
    QCOMPARE(model.data(model.index(0, ConnectionModel::BytesInColumn)).toLongLong(), qint64(14));
    QCOMPARE(model.data(model.index(0, ConnectionModel::BytesOutColumn)).toLongLong(), qint64(10));
    // From the first datagram to the last (events 1 ms apart).
    QCOMPARE(text(model, 0, ConnectionModel::DurationColumn), QStringLiteral("3 ms"));
    QCOMPARE(model.headerData(ConnectionModel::IdColumn, Qt::Horizontal).toString(), QStringLiteral("Sender"));
    const ConnectionModel::Counters c = model.counters();
    QCOMPARE(c.senders, qint64(2));
    QCOMPARE(c.datagramsIn, qint64(3));
    QCOMPARE(c.datagramsOut, qint64(1));
    QCOMPARE(c.bytesIn, qint64(17));
    QCOMPARE(c.bytesOut, qint64(10));
    QCOMPARE(c.clientsNow, 0);
    QCOMPARE(c.accepted, qint64(0));
    // A sendto to a sender not (or no longer) in the table does not make a row; neither does an
    // error of recvfrom (an ICMP report), which has no sender.
    TraceEvent icmp = events.make(TraceKind::Error, 0, QStringLiteral("recvfrom"), QStringLiteral("ECONNREFUSED"));
    icmp.remote = {};
    model.addEvents({ events.step(9, QStringLiteral("udp-out"), 5), icmp });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.counters().datagramsOut, qint64(2));
    // Senders are never "closed", and a tick keeps them.
    model.setRetention(0, 0);
    model.tick();
    QCOMPARE(model.rowCount(), 2);
}

void TestConnectionModel::udpSenderCap()
{
    ConnectionModel model(Transport::Udp);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Events events;
    QVector<TraceEvent> batch;
    for (int id = 1; id <= ConnectionModel::kMaxSenderRows; ++id)
        batch << events.step(id, QStringLiteral("udp-in"), 1);
    model.addEvents(batch);
    QCOMPARE(model.rowCount(), ConnectionModel::kMaxSenderRows);

    // Sender 1 speaks again, so it is no longer the quietest; five newcomers push out senders 2 to 6.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    batch = { events.step(1, QStringLiteral("udp-in"), 1) };
    for (int id = 2001; id <= 2005; ++id)
        batch << events.step(id, QStringLiteral("udp-in"), 1);
    model.addEvents(batch);
    QCOMPARE(model.rowCount(), ConnectionModel::kMaxSenderRows);
    QVERIFY(model.rowOfClient(1) >= 0);
    for (int id = 2; id <= 6; ++id)
        QCOMPARE(model.rowOfClient(id), -1);
    QVERIFY(model.rowOfClient(7) >= 0);
    for (int id = 2001; id <= 2005; ++id)
        QVERIFY(model.rowOfClient(id) >= 0);
    QVERIFY(removed.count() >= 1);
    QCOMPARE(model.counters().senders, qint64(1005));
    QCOMPARE(model.counters().datagramsIn, qint64(1006));
    // The index still matches the rows.
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOfClient(model.clientAt(row)), row);

    // A sender pushed out comes back as a new row when it speaks again.
    model.addEvents({ events.step(2, QStringLiteral("udp-in"), 1) });
    QCOMPARE(model.rowCount(), ConnectionModel::kMaxSenderRows);
    QVERIFY(model.rowOfClient(2) >= 0);
    QCOMPARE(model.counters().senders, qint64(1006));
}

void TestConnectionModel::resetForNewRun()
{
    ConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Events events;
    model.addEvents(events.script(QStringLiteral("1 accept, 1 recv 4, 2 accept, 2 refuse")));
    QSignalSpy counters(&model, &ConnectionModel::countersChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    model.reset(Transport::Udp);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.transport(), Transport::Udp);
    QCOMPARE(model.counters().accepted, qint64(0));
    QCOMPARE(model.counters().bytesIn, qint64(0));
    QCOMPARE(counters.count(), 1);
    QCOMPARE(headers.count(), 1);
    QCOMPARE(model.headerData(ConnectionModel::OpenedColumn, Qt::Horizontal).toString(), QStringLiteral("First seen"));
    // clear() keeps the counters.
    model.addEvents(events.script(QStringLiteral("1 udp-in 2")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.counters().senders, qint64(1));
}

// ConsoleFormat

void TestConnectionModel::consoleDirection_data()
{
    QTest::addColumn<TraceKind>("kind");
    QTest::addColumn<QString>("mark");
    QTest::newRow("received") << TraceKind::Received << "<-";
    QTest::newRow("sent") << TraceKind::Sent << "->";
    QTest::newRow("opened") << TraceKind::Opened << "++";
    QTest::newRow("closed") << TraceKind::Closed << "--";
    QTest::newRow("error") << TraceKind::Error << "!!";
    QTest::newRow("call") << TraceKind::Call << "..";
    QTest::newRow("note") << TraceKind::Note << "..";
}

void TestConnectionModel::consoleDirection()
{
    QFETCH(TraceKind, kind);
    QFETCH(QString, mark);
    TraceEvent e;
    e.kind = kind;
    QCOMPARE(ConsoleFormat::direction(e), mark);
}

void TestConnectionModel::consoleLine()
{
    TraceEvent e;
    e.wallTime = QDateTime(QDate(2026, 11, 21), QTime(23, 11, 3, 123));
    e.kind = TraceKind::Received;
    e.call = QStringLiteral("recv");
    e.arguments = QStringLiteral("()");
    e.result = QStringLiteral("7 bytes");
    e.connectionId = 3;
    e.remote = { QStringLiteral("127.0.0.1"), 40312 };
    e.payload = "hello\r\n";
    e.size = 7;
    QCOMPARE(ConsoleFormat::wallTime(e), QStringLiteral("23:11:03.123"));
    QCOMPARE(ConsoleFormat::client(e), QStringLiteral("#3"));
    QCOMPARE(ConsoleFormat::line(e),
        QStringLiteral("23:11:03.123  #3     127.0.0.1:40312        <-  7 bytes      hello\\r\\n"));
    QCOMPARE(ConsoleFormat::line(e, true),
        QStringLiteral("23:11:03.123  #3     127.0.0.1:40312        <-  7 bytes      68 65 6c 6c 6f 0d 0a"));

    // The server's own event: no client, no peer, no size.
    TraceEvent call;
    call.kind = TraceKind::Call;
    call.call = QStringLiteral("listen");
    call.arguments = QStringLiteral("(128)");
    call.result = QStringLiteral("ok");
    QCOMPARE(ConsoleFormat::client(call), QString());
    QCOMPARE(ConsoleFormat::wallTime(call), QString());
    // Empty time, client, peer and size columns keep their widths, so the marks line up.
    QCOMPARE(ConsoleFormat::line(call),
        QString(2 + 5 + 2 + 21 + 2, QLatin1Char(' ')) + QStringLiteral("..  ") + QString(11, QLatin1Char(' '))
            + QStringLiteral("  listen(128) -> ok"));
}

void TestConnectionModel::consoleDataEscapes_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("shown");
    QTest::newRow("text") << QByteArray("GET / HTTP/1.0") << "GET / HTTP/1.0";
    QTest::newRow("line ends and tab") << QByteArray("a\tb\r\n") << "a\\tb\\r\\n";
    QTest::newRow("clear screen") << QByteArray("\x1b[2J\x1b[H") << "\\x1b[2J\\x1b[H";
    QTest::newRow("window title") << QByteArray("\x1b]0;pwned\x07") << "\\x1b]0;pwned\\x07";
    QTest::newRow("colour") << QByteArray("\x1b[31mred\x1b[0m") << "\\x1b[31mred\\x1b[0m";
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << "a\\0b";
    QTest::newRow("backslash") << QByteArray("C:\\x41") << "C:\\\\x41";
    QTest::newRow("backspace and bell") << QByteArray("\b\b\a") << "\\x08\\x08\\x07";
    QTest::newRow("DEL") << QByteArray("\x7f") << "\\x7f";
    QTest::newRow("0xff") << QByteArray("\xff\xfe") << "\\xff\\xfe";
    QTest::newRow("C1 CSI") << QByteArray("\xc2\x9b"
                                          "2J")
                            << "\\xc2\\x9b2J";
    QTest::newRow("8-bit CSI") << QByteArray("\x9b"
                                             "2J")
                               << "\\x9b2J";
    QTest::newRow("UTF-8") << QByteArray("caf\xc3\xa9") << "caf\\xc3\\xa9";
    QTest::newRow("bidi override") << QByteArray("\xe2\x80\xae") << "\\xe2\\x80\\xae";
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    QString allShown;
    for (int b = 0; b < 256; ++b) {
        if (b == '\r')
            allShown += QStringLiteral("\\r");
        else if (b == '\n')
            allShown += QStringLiteral("\\n");
        else if (b == '\t')
            allShown += QStringLiteral("\\t");
        else if (b == 0)
            allShown += QStringLiteral("\\0");
        else if (b == '\\')
            allShown += QStringLiteral("\\\\");
        else if (b >= 0x20 && b < 0x7f)
            allShown += QLatin1Char(char(b));
        else
            allShown += QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0'));
    }
    QTest::newRow("every byte") << all << allShown;
}

void TestConnectionModel::consoleDataEscapes()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, shown);
    for (TraceKind kind : { TraceKind::Received, TraceKind::Sent }) {
        TraceEvent e;
        e.wallTime = QDateTime::currentDateTimeUtc();
        e.kind = kind;
        e.call = QStringLiteral("recv");
        e.connectionId = 1;
        e.remote = clientEndpoint(1);
        e.payload = payload;
        e.size = payload.size();
        QCOMPARE(ConsoleFormat::data(e), shown);
        const QString line = ConsoleFormat::line(e);
        QVERIFY2(line.endsWith(shown), qPrintable(line));
        QVERIFY2(!hasControlCharacter(line), qPrintable(line));
        // Only ASCII: nothing a terminal or viewer could take for a command or reorder.
        QVERIFY(std::all_of(line.cbegin(), line.cend(), [](QChar c) { return c.unicode() < 0x7f; }));
        const QString csv = ConsoleFormat::csvRow(e);
        QVERIFY2(!hasControlCharacter(csv), qPrintable(csv));
    }
}

void TestConnectionModel::consoleDataOfCalls_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("shown");
    QTest::newRow("accept") << int(TraceKind::Opened) << "accept"
                            << "()"
                            << "fd 9, client 127.0.0.1:40312"
                            << "accept() -> fd 9, client 127.0.0.1:40312";
    QTest::newRow("client FIN") << int(TraceKind::Received) << "recv"
                                << "()"
                                << "0 (the client closed its side)"
                                << "recv() -> 0 (the client closed its side)";
    QTest::newRow("error message") << int(TraceKind::Error) << ""
                                   << "Line longer than 65536 bytes"
                                   << ""
                                   << "Line longer than 65536 bytes";
    QTest::newRow("note") << int(TraceKind::Note) << ""
                          << ""
                          << "Client 4 is no longer connected."
                          << "Client 4 is no longer connected.";
    QTest::newRow("reset") << int(TraceKind::Error) << "recv"
                           << "()"
                           << "ECONNRESET"
                           << "recv() -> ECONNRESET";
}

void TestConnectionModel::consoleDataOfCalls()
{
    QFETCH(int, kind);
    QFETCH(QString, call);
    QFETCH(QString, arguments);
    QFETCH(QString, result);
    QFETCH(QString, shown);
    TraceEvent e;
    e.kind = TraceKind(kind);
    e.call = call;
    e.arguments = arguments;
    e.result = result;
    QCOMPARE(ConsoleFormat::data(e), shown);
}

void TestConnectionModel::consoleDataNotKept()
{
    TraceEvent e;
    e.kind = TraceKind::Received;
    e.payload = QByteArray(TraceEvent::kMaxPayload, 'a');
    e.size = 5000;
    QCOMPARE(ConsoleFormat::data(e),
        QString(TraceEvent::kMaxPayload, QLatin1Char('a')) + QStringLiteral(" \u2026 (3976 bytes more not kept)"));
    QVERIFY(ConsoleFormat::line(e).contains(QLatin1String("5000 bytes")));
}

void TestConnectionModel::csvField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "plain text"
                           << "plain text";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("only a quote") << "\""
                                  << "\"\"\"\"";
    QTest::newRow("newline") << "line\nbreak"
                             << "\"line\nbreak\"";
    QTest::newRow("carriage return") << "a\rb"
                                     << "\"a\rb\"";
    QTest::newRow("escaped text stays") << "hello\\r\\n"
                                        << "hello\\r\\n";
    QTest::newRow("leading space") << " x"
                                   << " x";
}

void TestConnectionModel::csvField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(ConsoleFormat::csvField(field), expected);
    QCOMPARE(parseCsvRow(ConsoleFormat::csvField(field)), QStringList { field });
}

void TestConnectionModel::csvRow()
{
    const QStringList header = ConsoleFormat::csvHeader().split(QLatin1Char(','));
    QCOMPARE(header.size(), 13);

    TraceEvent e;
    e.atNs = 1234567;
    e.wallTime = QDateTime(QDate(2026, 11, 21), QTime(22, 11, 3, 5), Qt::UTC);
    e.kind = TraceKind::Received;
    e.call = QStringLiteral("recv");
    e.arguments = QStringLiteral("()");
    e.result = QStringLiteral("8 bytes");
    e.connectionId = 12;
    e.remote = clientEndpoint(1);
    e.local = kServer;
    e.payload = QByteArray("a,\"b\"\r\n\x1b");
    e.size = 8;
    const QString row = ConsoleFormat::csvRow(e);
    QVERIFY2(!row.contains(QLatin1Char('\n')) && !row.contains(QLatin1Char('\r')), qPrintable(row));
    const QStringList fields = parseCsvRow(row);
    QCOMPARE(fields.size(), header.size());
    QCOMPARE(fields.at(0), QStringLiteral("2026-11-21T22:11:03.005Z"));
    QCOMPARE(fields.at(1), QStringLiteral("1.235"));
    QCOMPARE(fields.at(2), QStringLiteral("12"));
    QCOMPARE(fields.at(3), QStringLiteral("127.0.0.1:40001"));
    QCOMPARE(fields.at(4), QStringLiteral("127.0.0.1:5000"));
    QCOMPARE(fields.at(5), QStringLiteral("received"));
    QCOMPARE(fields.at(6), QStringLiteral("<-"));
    QCOMPARE(fields.at(7), QStringLiteral("recv()"));
    QCOMPARE(fields.at(8), QStringLiteral("8 bytes"));
    QCOMPARE(fields.at(9), QStringLiteral("8"));
    QCOMPARE(fields.at(10), QString());
    QCOMPARE(fields.at(11), QStringLiteral("a,\"b\"\\r\\n\\x1b"));
    QCOMPARE(fields.at(12), QStringLiteral("61 2c 22 62 22 0d 0a 1b"));

    // An error of the server itself: no client, no peer, no size, the error kind named.
    TraceEvent error;
    error.kind = TraceKind::Error;
    error.call = QStringLiteral("bind");
    error.arguments = QStringLiteral("(127.0.0.1:80)");
    error.result = QStringLiteral("EACCES");
    error.error = ErrorKind::Local;
    const QStringList errorFields = parseCsvRow(ConsoleFormat::csvRow(error));
    QCOMPARE(errorFields.size(), header.size());
    QCOMPARE(errorFields.at(0), QString());
    QCOMPARE(errorFields.at(2), QString());
    QCOMPARE(errorFields.at(3), QString());
    QCOMPARE(errorFields.at(6), QStringLiteral("!!"));
    QCOMPARE(errorFields.at(7), QStringLiteral("bind(127.0.0.1:80)"));
    QCOMPARE(errorFields.at(9), QString());
    QCOMPARE(errorFields.at(10), QStringLiteral("Local"));
    QCOMPARE(errorFields.at(11), QString());
}

void TestConnectionModel::writeText()
{
    Events events;
    const QVector<TraceEvent> log
        = events.script(QStringLiteral("1 accept, 1 recv 6, 1 send 6, 1 fin, 1 shutdown, 1 close"));
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ConsoleFormat::write(&buffer, log, ConsoleFormat::Format::Text));
    QString expected;
    for (const TraceEvent &e : log)
        expected += ConsoleFormat::line(e) + QLatin1Char('\n');
    QCOMPARE(QString::fromUtf8(buffer.data()), expected);
    QCOMPARE(buffer.data().count('\n'), log.size());

    QBuffer empty;
    QVERIFY(empty.open(QIODevice::WriteOnly));
    QVERIFY(ConsoleFormat::write(&empty, {}, ConsoleFormat::Format::Text));
    QVERIFY(empty.data().isEmpty());
}

void TestConnectionModel::writeCsv()
{
    Events events;
    QVector<TraceEvent> log = events.script(QStringLiteral("1 accept, 1 recv 3, 1 close"));
    log[1].payload = "a\nb";
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ConsoleFormat::write(&buffer, log, ConsoleFormat::Format::Csv));
    const QList<QByteArray> lines = buffer.data().split('\n');
    // Header, three rows, and the empty piece after the last newline; the payload's newline is escaped.
    QCOMPARE(lines.size(), 5);
    QCOMPARE(QString::fromUtf8(lines.at(0)), ConsoleFormat::csvHeader());
    for (int i = 0; i < log.size(); ++i)
        QCOMPARE(QString::fromUtf8(lines.at(i + 1)), ConsoleFormat::csvRow(log.at(i)));
    QVERIFY(lines.at(2).contains("a\\nb"));
    QVERIFY(lines.at(4).isEmpty());

    QBuffer headerOnly;
    QVERIFY(headerOnly.open(QIODevice::WriteOnly));
    QVERIFY(ConsoleFormat::write(&headerOnly, {}, ConsoleFormat::Format::Csv));
    QCOMPARE(headerOnly.data(), ConsoleFormat::csvHeader().toUtf8() + '\n');
}

void TestConnectionModel::writeLargeLog()
{
    // Past the 64 KiB chunk the writer flushes at: nothing lost or doubled at the seams.
    Events events;
    QVector<TraceEvent> log;
    for (int i = 0; i < 3000; ++i) {
        TraceEvent e = events.step(1 + i % 5, QStringLiteral("recv"), 100);
        e.payload = QByteArray::number(i).rightJustified(100, '\x1b');
        log << e;
    }
    for (const auto format : { ConsoleFormat::Format::Text, ConsoleFormat::Format::Csv }) {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(ConsoleFormat::write(&buffer, log, format));
        QString expected
            = format == ConsoleFormat::Format::Csv ? ConsoleFormat::csvHeader() + QLatin1Char('\n') : QString();
        for (const TraceEvent &e : std::as_const(log))
            expected += (format == ConsoleFormat::Format::Csv ? ConsoleFormat::csvRow(e) : ConsoleFormat::line(e))
                + QLatin1Char('\n');
        QVERIFY(buffer.data().size() > 3 * 64 * 1024);
        QCOMPARE(buffer.data(), expected.toUtf8());
    }
}

void TestConnectionModel::writeFailure()
{
    Events events;
    const QVector<TraceEvent> log = events.script(QStringLiteral("1 accept, 1 close"));
    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
    QVERIFY(!ConsoleFormat::write(&readOnly, log, ConsoleFormat::Format::Text));
}

QTEST_GUILESS_MAIN(TestConnectionModel)
#include "tst_connectionmodel.moc"
