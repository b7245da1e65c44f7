// The epoll event dispatcher of the server threads: timers, socket notifiers, posted events, quitting,
// and that an idle thread sleeps (no busy loop on a hung-up socket nobody watches).

#include "net/epolldispatcher.h"

#include <QBasicTimer>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <ctime>
#include <sys/socket.h>
#include <unistd.h>

using namespace swb;

namespace {

qint64 threadCpuNs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A thread running the epoll dispatcher, and a context object living on it.
struct EpollThread {
    EpollThread()
    {
        thread.setEventDispatcher(new EpollEventDispatcher);
        context = new QObject;
        context->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, context, &QObject::deleteLater);
        thread.start();
    }
    ~EpollThread()
    {
        thread.quit();
        thread.wait();
    }
    // Runs fn on the thread and waits for it (tests only).
    template<typename F> void run(F fn) { QMetaObject::invokeMethod(context, fn, Qt::BlockingQueuedConnection); }
    QThread thread;
    QObject *context = nullptr;
};

} // namespace

class TestEpollDispatcher : public QObject {
    Q_OBJECT

private slots:
    void isTheServerThreadsDispatcher();
    void postedEventsAndQueuedCalls();
    void singleShotAndRepeatingTimers();
    void zeroTimerFiresEveryTurnWithoutStarvingOthers();
    void stoppingATimerFromAnotherTimer();
    void restartedTimerWaitsItsNewInterval();
    void readAndWriteNotifiers();
    void disabledNotifierOnAHungUpSocketDoesNotSpin();
    void deleteLaterRunsAndThreadQuits();
};

void TestEpollDispatcher::isTheServerThreadsDispatcher()
{
    qputenv("SWB_SERVER_DISPATCHER", "qt");
    QVERIFY(!EpollEventDispatcher::createForServerThread());
    qunsetenv("SWB_SERVER_DISPATCHER");
    std::unique_ptr<QAbstractEventDispatcher> d(EpollEventDispatcher::createForServerThread());
    QVERIFY(qobject_cast<EpollEventDispatcher *>(d.get()));
}

void TestEpollDispatcher::postedEventsAndQueuedCalls()
{
    EpollThread t;
    std::atomic<int> calls { 0 };
    for (int i = 0; i < 1000; ++i)
        QMetaObject::invokeMethod(t.context, [&] { ++calls; });
    QTRY_COMPARE(calls.load(), 1000);
    bool onThread = false;
    t.run([&] { onThread = QThread::currentThread() == &t.thread; });
    QVERIFY(onThread);
}

void TestEpollDispatcher::singleShotAndRepeatingTimers()
{
    EpollThread t;
    std::atomic<int> single { 0 };
    std::atomic<int> repeating { 0 };
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> singleAt { 0 };
    t.run([&] {
        QTimer::singleShot(50, t.context, [&] {
            ++single;
            singleAt = clock.elapsed();
        });
        auto *timer = new QTimer(t.context);
        timer->setInterval(10);
        QObject::connect(timer, &QTimer::timeout, timer, [&, timer] {
            if (++repeating == 5)
                timer->stop();
        });
        timer->start();
    });
    QTRY_COMPARE(single.load(), 1);
    QVERIFY2(singleAt >= 49, qPrintable(QString::number(singleAt)));
    QTRY_COMPARE(repeating.load(), 5);
    QTest::qWait(60);
    QCOMPARE(repeating.load(), 5); // stopped means stopped
    QCOMPARE(single.load(), 1);
    int remaining = -2;
    t.run([&] {
        auto *timer = new QTimer(t.context);
        timer->start(10000);
        remaining = timer->remainingTime();
    });
    QVERIFY2(remaining > 9000 && remaining <= 10000, qPrintable(QString::number(remaining)));
}

void TestEpollDispatcher::zeroTimerFiresEveryTurnWithoutStarvingOthers()
{
    EpollThread t;
    std::atomic<int> zero { 0 };
    std::atomic<bool> other { false };
    t.run([&] {
        auto *timer = new QTimer(t.context);
        timer->setInterval(0);
        QObject::connect(timer, &QTimer::timeout, timer, [&, timer] {
            if (++zero >= 100000)
                timer->stop();
        });
        timer->start();
        QTimer::singleShot(20, t.context, [&] { other = true; });
    });
    QTRY_VERIFY(other.load());
    QVERIFY(zero.load() > 0);
}

void TestEpollDispatcher::stoppingATimerFromAnotherTimer()
{
    EpollThread t;
    std::atomic<int> fired { 0 };
    t.run([&] {
        auto *victim = new QTimer(t.context);
        victim->setInterval(5);
        QObject::connect(victim, &QTimer::timeout, victim, [&] { ++fired; });
        auto *killer = new QTimer(t.context);
        killer->setInterval(5);
        QObject::connect(killer, &QTimer::timeout, killer, [victim, killer] {
            delete victim; // due in the same turn, maybe: must not fire once deleted
            killer->stop();
        });
        killer->start();
        victim->start();
    });
    QTest::qWait(100);
    QVERIFY(fired.load() <= 1);
}

namespace {
// Two timers due in the same turn; the first restarts the second, which Qt gives the same id again.
class Restarter : public QObject {
public:
    QBasicTimer first;
    QBasicTimer second;
    std::atomic<int> secondFired { 0 };

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() == first.timerId()) {
            first.stop();
            second.start(1000, this); // as an idle timer is restarted by activity
        } else if (event->timerId() == second.timerId()) {
            ++secondFired;
            second.stop();
        }
    }
};
} // namespace

void TestEpollDispatcher::restartedTimerWaitsItsNewInterval()
{
    EpollThread t;
    Restarter *r = nullptr;
    t.run([&] {
        r = new Restarter;
        r->setParent(t.context);
        r->first.start(10, r);
        r->second.start(10, r);
        // Keep the thread busy past both due times, so they fall due in one turn.
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < 40) { }
    });
    QTest::qWait(200);
    QCOMPARE(r->secondFired.load(), 0);
}

void TestEpollDispatcher::readAndWriteNotifiers()
{
    EpollThread t;
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
    std::atomic<int> reads { 0 };
    std::atomic<int> writes { 0 };
    QSocketNotifier *reader = nullptr;
    t.run([&] {
        reader = new QSocketNotifier(fds[0], QSocketNotifier::Read, t.context);
        QObject::connect(reader, &QSocketNotifier::activated, reader, [&] {
            char buffer[64];
            while (::read(fds[0], buffer, sizeof buffer) > 0) { }
            ++reads;
        });
        auto *writer = new QSocketNotifier(fds[0], QSocketNotifier::Write, t.context);
        QObject::connect(writer, &QSocketNotifier::activated, writer, [&, writer] {
            ++writes;
            writer->setEnabled(false); // writable at once; off after the first report
        });
    });
    QTRY_COMPARE(writes.load(), 1);
    QCOMPARE(::write(fds[1], "x", 1), 1);
    QTRY_COMPARE(reads.load(), 1);
    t.run([&] { reader->setEnabled(false); });
    QCOMPARE(::write(fds[1], "y", 1), 1);
    QTest::qWait(50);
    QCOMPARE(reads.load(), 1); // disabled: not reported
    t.run([&] { reader->setEnabled(true); });
    QTRY_COMPARE(reads.load(), 2); // level-triggered: still there once enabled again
    t.run([&] { delete reader; });
    ::close(fds[0]);
    ::close(fds[1]);
}

void TestEpollDispatcher::disabledNotifierOnAHungUpSocketDoesNotSpin()
{
    EpollThread t;
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
    QSocketNotifier *reader = nullptr;
    clockid_t cpu {};
    t.run([&] {
        pthread_getcpuclockid(pthread_self(), &cpu);
        reader = new QSocketNotifier(fds[0], QSocketNotifier::Read, t.context);
        reader->setEnabled(false);
    });
    ::close(fds[1]); // fds[0] is now hung up, and nobody reads it
    const qint64 before = threadCpuNs(cpu);
    QTest::qWait(300);
    const qint64 used = threadCpuNs(cpu) - before;
    QVERIFY2(used < 30000000, qPrintable(QStringLiteral("%1 ms of CPU while idle").arg(used / 1e6)));
    t.run([&] { delete reader; });
    ::close(fds[0]);
}

void TestEpollDispatcher::deleteLaterRunsAndThreadQuits()
{
    QPointer<QObject> doomed;
    {
        EpollThread t;
        t.run([&] {
            doomed = new QObject;
            doomed->deleteLater();
        });
        QTRY_VERIFY(doomed.isNull());
    }
    // The destructor quit and joined the thread; getting here is the test.
    QVERIFY(true);
}

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
