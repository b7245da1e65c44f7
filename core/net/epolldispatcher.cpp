#include "net/epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <cerrno>
#include <climits>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace swb {

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeEpoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = m_wakeFd;
    if (m_epoll < 0 || m_wakeEpoll < 0 || m_wakeFd < 0 || ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0
        || ::epoll_ctl(m_wakeEpoll, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd (errno %d)", errno);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_wakeEpoll);
    ::close(m_epoll);
}

QAbstractEventDispatcher *EpollEventDispatcher::createForServerThread()
{
    if (qEnvironmentVariable("SWB_SERVER_DISPATCHER") == QLatin1String("qt"))
        return nullptr; // QThread makes Qt's default
    return new EpollEventDispatcher;
}

qint64 EpollEventDispatcher::nowMs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    quint32 want = 0;
    if (watch.read)
        want |= EPOLLIN;
    if (watch.write)
        want |= EPOLLOUT;
    if (watch.exception)
        want |= EPOLLPRI;
    if (want == watch.events)
        return;
    epoll_event ev {};
    ev.events = want;
    ev.data.fd = fd;
    // An fd with nothing to watch leaves the set: epoll would still report its hang-up and errors,
    // and a level-triggered hang-up nobody reads would wake the loop forever.
    int rc = 0;
    if (want == 0) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // ENOENT/EBADF: already gone with its fd
    } else if (watch.events == 0) {
        rc = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        if (rc != 0 && errno == EEXIST)
            rc = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
    } else {
        // The kernel forgets a closed fd by itself; its number may be back as another socket.
        rc = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
        if (rc != 0 && errno == ENOENT)
            rc = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    }
    if (rc != 0) {
        qWarning("EpollEventDispatcher: cannot watch fd %d (errno %d)", fd, errno);
        want = 0;
    }
    watch.events = want;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateWatch(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = *it;
    if (watch.read == notifier)
        watch.read = nullptr;
    if (watch.write == notifier)
        watch.write = nullptr;
    if (watch.exception == notifier)
        watch.exception = nullptr;
    updateWatch(fd, watch);
    if (watch.events == 0)
        m_watches.erase(it);
}

void EpollEventDispatcher::deliverSocketEvents(int fd, quint32 events)
{
    // Look the fd up before each delivery: the previous one may have removed or replaced a notifier.
    const auto send = [&](QSocketNotifier *Watch::*which) {
        const auto it = m_watches.constFind(fd);
        if (it == m_watches.cend() || !((*it).*which))
            return;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent((*it).*which, &event);
    };
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP))
        send(&Watch::read);
    if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
        send(&Watch::write);
    if (events & (EPOLLPRI | EPOLLHUP | EPOLLERR))
        send(&Watch::exception);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    unregisterTimer(timerId);
    Timer timer;
    timer.interval = qMax<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    timer.serial = ++m_timerSerial;
    timer.due = m_queue.emplace(nowMs() + timer.interval, timerId);
    m_timers.insert(timerId, timer);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_queue.erase(it->due);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_queue.erase(it->due);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            out.append(TimerInfo(it.key(), int(it->interval), it->type));
    }
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return int(qBound<qint64>(qint64(0), it->due->first - nowMs(), qint64(INT_MAX)));
}

int EpollEventDispatcher::msUntilNextTimer() const
{
    if (m_queue.empty())
        return -1;
    return int(qBound<qint64>(qint64(0), m_queue.begin()->first - nowMs(), qint64(INT_MAX)));
}

bool EpollEventDispatcher::activateTimers()
{
    // Take every timer due now out of the queue first, then put each back at its next time, so
    // that one with interval 0 fires once per turn and not in a loop.
    const qint64 now = nowMs();
    struct Due {
        int id;
        qint64 when;
        quint64 serial;
    };
    QVarLengthArray<Due, 64> due;
    while (!m_queue.empty() && m_queue.begin()->first <= now && due.size() < 4096) {
        const int id = m_queue.begin()->second;
        due.append({ id, m_queue.begin()->first, m_timers.value(id).serial });
        m_queue.erase(m_queue.begin());
    }
    for (const Due &d : due) {
        Timer &timer = m_timers[d.id];
        // Keep to the timer's rhythm when it is on time; after a late turn, count from now.
        const qint64 next = d.when + timer.interval > now ? d.when + timer.interval : now + timer.interval;
        timer.due = m_queue.emplace(next, d.id);
    }
    for (const Due &d : due) {
        // Stopped by an earlier timer of this turn, or stopped and started again (same id, a new
        // registration that is not due yet): not this one's turn.
        const auto it = m_timers.constFind(d.id);
        if (it == m_timers.cend() || it->serial != d.serial)
            continue;
        const int id = d.id;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(it->object, &event);
    }
    return !due.isEmpty();
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    emit awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupt.fetchAndStoreRelaxed(0))
        return false;

    const bool canWait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    const bool sockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const int timeout = canWait ? msUntilNextTimer() : 0;
    if (canWait)
        emit aboutToBlock();
    epoll_event events[256];
    // Without socket notifiers, wait on the wake-up alone: a readable socket must not end the wait.
    int n = ::epoll_wait(sockets ? m_epoll : m_wakeEpoll, events, 256, timeout);
    if (n < 0)
        n = 0; // EINTR: just go round again
    emit awake();

    bool handled = false;
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            quint64 value = 0;
            const ssize_t r = ::read(m_wakeFd, &value, sizeof value);
            Q_UNUSED(r)
            continue;
        }
        deliverSocketEvents(fd, events[i].events);
        handled = true;
    }
    if (activateTimers())
        handled = true;
    QCoreApplication::sendPostedEvents();
    return handled;
}

void EpollEventDispatcher::wakeUp()
{
    const quint64 one = 1;
    const ssize_t r = ::write(m_wakeFd, &one, sizeof one);
    Q_UNUSED(r)
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.storeRelaxed(1);
    wakeUp();
}

} // namespace swb
