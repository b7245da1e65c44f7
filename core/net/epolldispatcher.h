#pragma once
// An event dispatcher for the server threads, on Linux epoll: registering, enabling and disabling a
// socket notifier and a timer cost O(1) or O(log n), and a wake-up costs the same with 5 clients or
// 5,000. Qt's default dispatcher on Linux (glib's poll loop) walks every registered descriptor on
// every turn, which is what a class of clients makes slow. Only for threads whose objects use socket
// notifiers, timers and posted events (no GUI): see ServerSession and LocalLab.

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>

#include <map>

namespace swb {

class EpollEventDispatcher : public QAbstractEventDispatcher {
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // A dispatcher for a new server thread: epoll, unless SWB_SERVER_DISPATCHER=qt asks for Qt's
    // default (for comparisons). Give it to QThread::setEventDispatcher() before start().
    static QAbstractEventDispatcher *createForServerThread();

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0; // what epoll watches now (0: not in the epoll set)
    };
    struct Timer {
        qint64 interval = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        std::multimap<qint64, int>::iterator due;
        quint64 serial = 0; // which registration: Qt hands a stopped timer's id to the next one
    };
    void updateWatch(int fd, Watch &watch);
    void deliverSocketEvents(int fd, quint32 events);
    bool activateTimers();
    int msUntilNextTimer() const;
    static qint64 nowMs();

    int m_epoll = -1;
    int m_wakeEpoll = -1; // only the wake-up: for turns that exclude socket notifiers
    int m_wakeFd = -1;
    quint64 m_timerSerial = 0;
    QAtomicInt m_interrupt;
    QHash<int, Watch> m_watches;
    QHash<int, Timer> m_timers;
    std::multimap<qint64, int> m_queue; // due time (ms, monotonic) -> timer id
};

} // namespace swb
