// TraceModel: a bounded ring buffer under QAbstractItemModelTester; TraceBuffer: batching across threads.

#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace swb;

class TestTraceModel : public QObject {
    Q_OBJECT

private:
    static TraceEvent event(int n)
    {
        TraceEvent e;
        e.atNs = n * 1000;
        e.kind = n % 2 ? TraceKind::Sent : TraceKind::Received;
        e.call = QStringLiteral("send");
        e.arguments = QStringLiteral("(%1)").arg(n);
        e.result = QString::number(n);
        e.connectionId = n % 7;
        e.size = n;
        return e;
    }
    static QVector<TraceEvent> events(int from, int count)
    {
        QVector<TraceEvent> v;
        for (int i = 0; i < count; ++i)
            v.append(event(from + i));
        return v;
    }

private slots:
    void appendsInOrder()
    {
        TraceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch(events(0, 10));
        model.append(event(10));
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.eventAt(0).result, QStringLiteral("0"));
        QCOMPARE(model.eventAt(10).result, QStringLiteral("10"));
        QCOMPARE(model.data(model.index(3, TraceModel::CallColumn)).toString(), QStringLiteral("send(3)"));
        QCOMPARE(model.data(model.index(3, 0), TraceModel::KindRole).toInt(), int(TraceKind::Sent));
        QCOMPARE(model.droppedCount(), 0);
    }

    void dropsOldestPastCapacity_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QList<int>>("batches");
        QTest::addColumn<int>("expectedFirst");
        QTest::addColumn<int>("expectedRows");
        QTest::addColumn<int>("expectedDropped");
        QTest::newRow("one by one") << 5 << QList<int> { 1, 1, 1, 1, 1, 1, 1 } << 2 << 5 << 2;
        QTest::newRow("exact fill") << 5 << QList<int> { 5 } << 0 << 5 << 0;
        QTest::newRow("batch bigger than capacity") << 5 << QList<int> { 12 } << 7 << 5 << 7;
        QTest::newRow("partial then overflow") << 10 << QList<int> { 5, 8 } << 3 << 10 << 3;
        QTest::newRow("wraps many times") << 4 << QList<int> { 3, 3, 3, 3, 3 } << 11 << 4 << 11;
        QTest::newRow("capacity one") << 1 << QList<int> { 2, 1 } << 2 << 1 << 2;
    }

    void dropsOldestPastCapacity()
    {
        QFETCH(int, capacity);
        QFETCH(QList<int>, batches);
        QFETCH(int, expectedFirst);
        QFETCH(int, expectedRows);
        QFETCH(int, expectedDropped);
        TraceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(capacity);
        QSignalSpy dropped(&model, &TraceModel::droppedChanged);
        int next = 0;
        for (int n : batches) {
            model.appendBatch(events(next, n));
            next += n;
        }
        QCOMPARE(model.rowCount(), expectedRows);
        QCOMPARE(model.droppedCount(), qint64(expectedDropped));
        QCOMPARE(model.totalCount(), qint64(next));
        QCOMPARE(model.eventAt(0).result, QString::number(expectedFirst));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.eventAt(r).result, QString::number(expectedFirst + r));
        if (expectedDropped > 0)
            QCOMPARE(dropped.last().first().toLongLong(), qint64(expectedDropped));
    }

    void defaultCapacityIsHundredThousand()
    {
        TraceModel model;
        QCOMPARE(model.capacity(), 100000);
        model.appendBatch(events(0, 100010));
        QCOMPARE(model.rowCount(), 100000);
        QCOMPARE(model.droppedCount(), 10);
        QCOMPARE(model.eventAt(0).result, QStringLiteral("10"));
    }

    void clearResets()
    {
        TraceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(3);
        model.appendBatch(events(0, 5));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedCount(), 0);
        model.appendBatch(events(0, 2));
        QCOMPARE(model.rowCount(), 2);
    }

    void bufferBatchesAcrossThreads()
    {
        TraceBuffer buffer;
        TraceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&buffer, &TraceBuffer::flushed, &model, &TraceModel::appendBatch);
        QSignalSpy flushes(&buffer, &TraceBuffer::flushed);
        constexpr int kThreads = 4;
        constexpr int kPerThread = 5000;
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.append(QThread::create([&buffer, t] {
                for (int i = 0; i < kPerThread; ++i)
                    buffer.append(event(t * kPerThread + i));
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(10000));
            delete t;
        }
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kThreads * kPerThread, 5000);
        // 20,000 events arrive in a handful of batches, not one signal each.
        QVERIFY2(flushes.count() < 50, qPrintable(QString::number(flushes.count())));
    }

    void bufferFlushRateIsBounded()
    {
        TraceBuffer buffer;
        QSignalSpy flushes(&buffer, &TraceBuffer::flushed);
        QElapsedTimer clock;
        clock.start();
        // Keep appending for ~300 ms from this thread while the event loop runs.
        int n = 0;
        while (clock.elapsed() < 300) {
            buffer.append(event(n++));
            QTest::qWait(1);
        }
        buffer.flush();
        int total = 0;
        for (const QList<QVariant> &args : flushes)
            total += int(args.first().value<QVector<TraceEvent>>().size());
        QCOMPARE(total, n);
        // At most ~30 per second (+1 for the final explicit flush, +1 for timer slack).
        QVERIFY2(flushes.count() <= 12, qPrintable(QString::number(flushes.count())));
    }
};

QTEST_GUILESS_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
