// Listen-server load benchmark: our server under classroom load, side by side in one run with named
// peers measured on the same machine. Ours is the app's own: a ServerPanel as the central widget of
// a shown (offscreen) main window, each server started with ServerPanel::startServer into a
// ServerConsole tab (ServerSession, its connections table and its console table), as the Start
// button does.
//   1. TCP exchanges/s (connect, "hello\n", timestamp reply, close)  vs  a minimal epoll server in
//      this process, socat (fork per client) and ncat --sh-exec (fork per client)
//   2. 5,000 connections held open: RSS growth of this process per connection, time to accept them
//   3. UDP datagrams blasted at the timestamp server: received, replied, dropped  vs  a minimal
//      epoll UDP server and socat
//   4. GUI event-loop stall during each phase (a 5 ms timer on the GUI thread)
//   5. nothing lost: the panel's accepted/closed counters vs connections the generator made, and the
//      console's TraceModel total = events delivered = rows kept + rows dropped from its ring
// Besides wall-clock rates it prints thread CPU time per exchange (server, GUI, load generator), which
// other load on the machine does not skew, and splits late timer ticks into GUI work and CPU waiting.
// Usage: bench_server_load [RUNS]   (default 3 runs of phase 1 for ours and the reference).
// Targets: ours >= 0.5x the reference and ahead of socat and ncat; stall p99 <= 50 ms; nothing lost.

#include "panels/serverconsole.h"
#include "panels/serverpanel.h"
#include "server/connectionmodel.h"
#include "server/listenserver.h"
#include "server/serversession.h"
#include "trace/tracemodel.h"

#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <malloc.h>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

extern char **environ;

using namespace swb;

namespace {

// --- Sizes of the runs -------------------------------------------------------------------------
constexpr int kExchanges = 20000;
constexpr int kConcurrency = 500;
constexpr int kForkExchanges = 2000; // socat and ncat fork a shell per client: fewer, fewer at once
constexpr int kForkConcurrency = 50;
constexpr int kHeld = 5000;
constexpr int kDatagrams = 200000;
constexpr int kForkDatagrams = 5000; // socat forks per datagram
constexpr int kRunDeadlineMs = 120000;
constexpr int kExchangeTimeoutMs = 10000;
constexpr int kBudgetMs = 540000; // whole program: phases not started by then are skipped, and say so
constexpr int kBacklog = 4096; // the panel's form starts at 128; a teacher expecting a class raises it
constexpr int kMaxClients = 10000;
constexpr int kTickMs = 5;
constexpr double kStallTargetMs = 50;

const char kShellReply[] = "read l; echo \"[$(date '+%a %b %e %H:%M:%S %Y')] $l\"";

using Clock = std::chrono::steady_clock;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

double msSince(qint64 startNs)
{
    return double(nowNs() - startNs) / 1e6;
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// Polls pred every 10 ms until it holds or timeoutMs pass; true when it held.
template<typename Pred> bool waitUntil(Pred pred, int timeoutMs)
{
    const qint64 start = nowNs();
    while (!pred()) {
        if (msSince(start) > timeoutMs)
            return false;
        sleepMs(10);
    }
    return true;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::max(0.0, std::ceil(p * double(v.size())) - 1));
    return v[std::min(i, v.size() - 1)];
}

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void say(const char *format, ...) __attribute__((format(printf, 1, 2)));
void say(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    std::vprintf(format, args);
    va_end(args);
    std::fflush(stdout);
}

// Runs f on the GUI thread and waits for it (the harness thread only).
template<typename F> auto onGui(F f) -> decltype(f())
{
    using R = decltype(f());
    if constexpr (std::is_void_v<R>) {
        QMetaObject::invokeMethod(qApp, std::move(f), Qt::BlockingQueuedConnection);
    } else {
        R result {};
        QMetaObject::invokeMethod(qApp, std::move(f), Qt::BlockingQueuedConnection, &result);
        return result;
    }
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

// VmRSS after handing the heap's free pages back to the system: otherwise memory an earlier phase
// freed (a 100,000-event console, say) stays resident and is reused, and growth would not show.
qint64 rssKiB()
{
    ::malloc_trim(0);
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atoll(line.c_str() + 6);
    return -1;
}

// The 1, 5 and 15 minute load averages: how busy the machine was apart from us.
std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// TcpExt ListenOverflows from /proc/net/netstat: handshakes dropped because a listening socket's
// accept queue was full (the client then retransmits, after 200 ms or 1 s). System-wide.
qint64 listenOverflows()
{
    std::ifstream in("/proc/net/netstat");
    std::string names, values;
    while (std::getline(in, names) && std::getline(in, values)) {
        if (names.rfind("TcpExt:", 0) != 0)
            continue;
        std::istringstream n(names), v(values);
        std::string name, value;
        while (n >> name && v >> value)
            if (name == "ListenOverflows")
                return std::atoll(value.c_str());
    }
    return -1;
}

// CPU time of the calling thread: unlike wall time, not skewed by other load on the machine.
qint64 threadCpuNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A port that was free a moment ago, for the programs that cannot report theirs.
quint16 freePort(int type)
{
    const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

struct ProcSocket {
    bool found = false;
    bool listening = false;
    qint64 drops = 0;
};

// The sockets bound to a local port in /proc/net/tcp or /proc/net/udp (drops summed, UDP only).
ProcSocket procSocket(const char *table, quint16 port)
{
    ProcSocket out;
    std::ifstream in(table);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::vector<std::string> f;
        std::string w;
        while (fields >> w)
            f.push_back(w);
        if (f.size() < 10)
            continue;
        const size_t colon = f[1].find(':');
        if (colon == std::string::npos || std::stoul(f[1].substr(colon + 1), nullptr, 16) != port)
            continue;
        out.found = true;
        if (f[3] == "0A")
            out.listening = true;
        if (f.size() >= 13)
            out.drops += std::atoll(f[12].c_str());
    }
    return out;
}

// --- The GUI thread's responsiveness ------------------------------------------------------------

enum Phase { PIdle, P1Ours, P1Ref, P1Socat, P1Ncat, P2Ours, P3Ours, P3Ref, P3Socat, PhaseCount };
const char *const kPhaseNames[PhaseCount]
    = { "idle, before any load", "1 TCP: our server", "1 TCP: reference server", "1 TCP: socat", "1 TCP: ncat",
          "2 hold 5000: our server", "3 UDP: our server", "3 UDP: reference server", "3 UDP: socat" };

// A 5 ms timer on the GUI thread; each tick records how late it came, for the phase then running.
// For the late ticks it also splits the interval, from the thread's schedstat, into time the GUI
// thread ran (its own work) and time it waited for a CPU (other threads and processes), so a stall
// can be blamed on the GUI's work or on CPU contention.
class StallMonitor {
public:
    struct Late {
        int ticks = 0; // ticks more than kLateMs late
        double intervalMs = 0;
        double runningMs = 0;
        double waitingMs = 0;
    };
    static constexpr double kLateMs = 10;

    // GUI thread.
    void start()
    {
        m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
        m_last = nowNs();
        readSchedstat(&m_lastRunNs, &m_lastWaitNs);
        m_timer.start();
    }
    void setPhase(int phase) { m_phase.store(phase); } // any thread; -1: not measured
    // GUI thread, or after the event loop has ended.
    const std::vector<double> &samples(int phase) const { return m_samples[size_t(phase)]; }
    const Late &late(int phase) const { return m_late[size_t(phase)]; }
    // Per tick: how long the GUI thread ran since the previous tick, the part of a stall its own work
    // explains whatever else the machine does.
    const std::vector<double> &running(int phase) const { return m_running[size_t(phase)]; }

private:
    void readSchedstat(qint64 *runNs, qint64 *waitNs) const
    {
        char buf[128] = {};
        if (m_schedstat < 0 || ::pread(m_schedstat, buf, sizeof buf - 1, 0) <= 0)
            return;
        long long run = 0, wait = 0;
        if (std::sscanf(buf, "%lld %lld", &run, &wait) == 2) {
            *runNs = run;
            *waitNs = wait;
        }
    }

    void tick()
    {
        const qint64 now = nowNs();
        qint64 runNs = m_lastRunNs, waitNs = m_lastWaitNs;
        readSchedstat(&runNs, &waitNs);
        const int phase = m_phase.load();
        // The first interval after a switch straddles two phases (and whatever set-up ran between).
        if (phase >= 0 && phase == m_lastPhase) {
            const double interval = double(now - m_last) / 1e6;
            const double lateMs = std::max(0.0, interval - kTickMs);
            m_samples[size_t(phase)].push_back(lateMs);
            if (m_schedstat >= 0)
                m_running[size_t(phase)].push_back(double(runNs - m_lastRunNs) / 1e6);
            if (lateMs > kLateMs) {
                Late &l = m_late[size_t(phase)];
                ++l.ticks;
                l.intervalMs += interval;
                l.runningMs += double(runNs - m_lastRunNs) / 1e6;
                l.waitingMs += double(waitNs - m_lastWaitNs) / 1e6;
            }
        }
        m_lastPhase = phase;
        m_last = now;
        m_lastRunNs = runNs;
        m_lastWaitNs = waitNs;
    }

    QTimer m_timer;
    int m_schedstat = -1;
    qint64 m_last = 0;
    qint64 m_lastRunNs = 0;
    qint64 m_lastWaitNs = 0;
    int m_lastPhase = -1;
    std::atomic<int> m_phase { -1 };
    std::vector<double> m_samples[PhaseCount];
    std::vector<double> m_running[PhaseCount];
    Late m_late[PhaseCount];
};

// --- Our server, as the app runs it -------------------------------------------------------------

// The tids of this process's threads with this name (/proc/self/task/*/comm).
std::vector<int> threadsNamed(const char *name)
{
    std::vector<int> tids;
    DIR *dir = ::opendir("/proc/self/task");
    if (!dir)
        return tids;
    while (dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        std::ifstream in(std::string("/proc/self/task/") + entry->d_name + "/comm");
        std::string comm;
        std::getline(in, comm);
        if (comm == name)
            tids.push_back(std::atoi(entry->d_name));
    }
    ::closedir(dir);
    return tids;
}

// CPU time of another thread of this process, from its tid (the clock pthread_getcpuclockid gives,
// built from the tid as glibc does: CPUCLOCK_PERTHREAD | CPUCLOCK_SCHED); -1 when it is gone.
qint64 tidCpuNs(int tid)
{
    if (tid <= 0)
        return -1;
    const clockid_t clock = clockid_t(((~unsigned(tid)) << 3) | 6u);
    timespec ts {};
    if (::clock_gettime(clock, &ts) != 0)
        return -1;
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// When the GUI thread began the timer event it is handling: a trace batch arrives from the
// TraceBuffer's 33 ms timer, and ServerSession connects to the buffer before anyone else can, so the
// start of a batch is taken here, from an application-wide event filter, and its end in a slot that
// runs after the session's models and the console's own reaction. Nested timer events do not happen
// (no processEvents in these paths); a batch delivered by a direct flush (stop) is not timed.
class BatchClock : public QObject {
public:
    // GUI thread.
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if (type == QEvent::Timer || type == QEvent::MetaCall) {
            m_startNs = nowNs();
            m_inTimer = type == QEvent::Timer && qobject_cast<QTimer *>(watched) != nullptr;
        }
        return false;
    }
    // Milliseconds since the current QTimer's timer event began; -1 when not inside one.
    double msInTimerEvent() const { return m_inTimer ? msSince(m_startNs) : -1; }

private:
    qint64 m_startNs = 0;
    bool m_inTimer = false;
};

// One server started as the app starts it: ServerPanel::startServer opens a ServerConsole tab, which
// takes a new ServerSession (ListenServer on its "swb-server" worker QThread, TraceBuffer, TraceModel
// of the default capacity, ConnectionModel) and starts it; the tab shows the connections table and
// the console table. The bench only listens to the session's public signals and reads its models.
class ServerUnderTest {
public:
    struct ModelCounts {
        ConnectionModel::Counters counters; // the panel's counters, built from the trace events
        qint64 delivered = 0; // events in the batches eventsArrived announced
        qint64 total = 0; // TraceModel::totalCount()
        qint64 dropped = 0; // TraceModel::droppedCount(): fell out of the console's ring
        qint64 rows = 0;
        int capacity = 0;
    };
    struct Batches {
        std::vector<double> ms; // per batch from the buffer's timer: both models, the views' reactions
        qint64 events = 0;
        qint64 largest = 0;
        int untimed = 0; // delivered by a direct flush (stop), not from the timer
    };

    // GUI thread.
    ServerUnderTest(const ListenServerOptions &options, ServerPanel *panel, BatchClock *clock)
        : m_clock(clock)
    {
        m_before = threadsNamed(kWorkerName);
        m_console = panel->startServer(options);
        m_session = m_console->session();
        // The session reports its start on the GUI thread, after this constructor returns.
        QObject::connect(m_session, &ServerSession::started, m_session, [this](const Endpoint &local) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_port = local.port;
            m_startDone = true;
            m_cv.notify_all();
        });
        QObject::connect(m_session, &ServerSession::failed, m_session, [this](const SessionError &error) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_error = error.message.toStdString();
            m_startDone = true;
            m_cv.notify_all();
        });
        // Connected after the console's own slot: runs once the models and the console have the batch.
        QObject::connect(m_session, &ServerSession::eventsArrived, m_session, [this](const QVector<TraceEvent> &batch) {
            const double ms = m_clock->msInTimerEvent();
            if (ms >= 0)
                m_batches.ms.push_back(ms);
            else
                ++m_batches.untimed;
            m_batches.events += batch.size();
            m_batches.largest = std::max(m_batches.largest, qint64(batch.size()));
        });
    }

    // GUI thread: closes the tab; the session stops its server and waits for its thread.
    ~ServerUnderTest() { delete m_console; }

    // Harness thread: the bound port, or 0 (error() says why). Also finds the worker thread.
    quint16 waitStarted(int timeoutMs)
    {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_startDone; });
            if (m_port == 0)
                return 0;
        }
        for (int tid : threadsNamed(kWorkerName))
            if (std::find(m_before.begin(), m_before.end(), tid) == m_before.end())
                m_workerTid = tid;
        return m_port;
    }
    std::string error()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_startDone ? m_error : std::string("no started() within the time limit");
    }
    // Any thread: the session's worker thread's CPU time; -1 when it was not found.
    qint64 workerCpuNs() const { return tidCpuNs(m_workerTid); }
    int workerTid() const { return m_workerTid; }

    // GUI thread.
    ModelCounts counts() const
    {
        ModelCounts c;
        c.counters = m_session->connectionModel()->counters();
        c.delivered = m_batches.events;
        c.total = m_session->traceModel()->totalCount();
        c.dropped = m_session->traceModel()->droppedCount();
        c.rows = m_session->traceModel()->rowCount();
        c.capacity = m_session->traceModel()->capacity();
        return c;
    }
    Batches batches() const { return m_batches; }

    // Harness thread.
    ConnectionModel::Counters counters() const
    {
        return onGui([this] { return m_session->connectionModel()->counters(); });
    }
    // Harness thread: until the panel's counters have not moved for quietMs (bounded wait).
    bool waitCountersQuiet(int quietMs, int timeoutMs) const
    {
        auto key = [this] {
            const ConnectionModel::Counters c = counters();
            return std::vector<qint64> { c.accepted, c.closed, c.clientsNow, c.datagramsIn, c.datagramsOut };
        };
        const qint64 start = nowNs();
        std::vector<qint64> last = key();
        qint64 since = nowNs();
        while (msSince(start) < timeoutMs) {
            sleepMs(20);
            std::vector<qint64> now = key();
            if (now != last) {
                last = now;
                since = nowNs();
            } else if (msSince(since) >= quietMs) {
                return true;
            }
        }
        return false;
    }

private:
    static constexpr const char *kWorkerName = "swb-server"; // ServerSession's thread's objectName

    BatchClock *m_clock;
    ServerConsole *m_console = nullptr;
    ServerSession *m_session = nullptr;
    std::vector<int> m_before;
    int m_workerTid = -1;
    Batches m_batches;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_startDone = false;
    quint16 m_port = 0;
    std::string m_error;
};

// --- The reference: a minimal single-threaded epoll timestamp server ------------------------------

// What a careful C programmer writes in an afternoon: accept, read a line, answer
// "[<ctime>] <line>", shutdown and close. No tracing, no Qt.
class ReferenceServer {
public:
    ~ReferenceServer() { stop(); }

    quint16 start()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a = loopback(0);
        socklen_t len = sizeof a;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(m_listen, 1024) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
            ::close(m_listen);
            m_listen = -1;
            return 0;
        }
        m_thread = std::thread([this] {
            ::pthread_setname_np(::pthread_self(), "reference");
            loop();
        });
        return ntohs(a.sin_port);
    }

    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
        for (auto &c : m_clients)
            ::close(c.first);
        m_clients.clear();
        if (m_listen >= 0)
            ::close(m_listen);
        m_listen = -1;
    }

    int open() const { return m_open.load(); } // clients accepted and not yet closed
    qint64 cpuNs() const { return m_cpuNs.load(); } // the server thread's, once stopped

private:
    static std::string stamp(const std::string &line)
    {
        const time_t t = ::time(nullptr);
        tm local {};
        ::localtime_r(&t, &local);
        char when[64];
        ::strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", &local);
        return std::string("[") + when + "] " + line;
    }

    void answer(int fd, const std::string &line)
    {
        const std::string reply = stamp(line);
        ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL); // ~35 bytes into an empty socket buffer
        ::shutdown(fd, SHUT_WR);
        drop(fd);
    }

    void drop(int fd)
    {
        ::close(fd);
        m_clients.erase(fd);
        m_open.fetch_sub(1, std::memory_order_relaxed);
    }

    void loop()
    {
        const int ep = ::epoll_create1(EPOLL_CLOEXEC);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.fd = m_listen;
        ::epoll_ctl(ep, EPOLL_CTL_ADD, m_listen, &ev);
        epoll_event events[256];
        while (!m_stop.load()) {
            const int n = ::epoll_wait(ep, events, 256, 50);
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_listen) {
                    for (int k = 0; k < 256; ++k) {
                        const int c = ::accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                        if (c < 0)
                            break;
                        epoll_event cev {};
                        cev.events = EPOLLIN;
                        cev.data.fd = c;
                        ::epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                        m_clients[c].clear();
                        m_open.fetch_add(1, std::memory_order_relaxed);
                    }
                    continue;
                }
                std::string &buffer = m_clients[fd];
                char chunk[4096];
                const ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
                if (got > 0) {
                    buffer.append(chunk, size_t(got));
                    const size_t nl = buffer.find('\n');
                    if (nl != std::string::npos)
                        answer(fd, buffer.substr(0, nl + 1));
                    else if (buffer.size() > 65536)
                        answer(fd, buffer);
                } else if (got == 0) {
                    answer(fd, buffer); // a last line without its newline still gets its stamp
                } else if (errno != EAGAIN && errno != EINTR) {
                    drop(fd);
                }
            }
        }
        ::close(ep);
        m_cpuNs.store(threadCpuNs());
    }

    int m_listen = -1;
    std::atomic<qint64> m_cpuNs { 0 };
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_open { 0 };
    std::unordered_map<int, std::string> m_clients; // the server thread's, until it is joined
};

// The UDP counterpart: recvfrom, stamp, sendto, with the kernel's default socket buffer as ours has.
class ReferenceUdpServer {
public:
    ~ReferenceUdpServer() { stop(); }

    quint16 start()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in a = loopback(0);
        socklen_t len = sizeof a;
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
            ::close(m_fd);
            m_fd = -1;
            return 0;
        }
        m_thread = std::thread([this] {
            ::pthread_setname_np(::pthread_self(), "reference udp");
            loop();
        });
        return ntohs(a.sin_port);
    }

    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    qint64 received() const { return m_received.load(); }
    qint64 cpuNs() const { return m_cpuNs.load(); }

private:
    void loop()
    {
        char buf[65536];
        while (!m_stop.load()) {
            pollfd p { m_fd, POLLIN, 0 };
            ::poll(&p, 1, 50);
            for (int k = 0; k < 256; ++k) {
                sockaddr_storage from {};
                socklen_t len = sizeof from;
                const ssize_t n = ::recvfrom(m_fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);
                if (n < 0)
                    break;
                m_received.fetch_add(1, std::memory_order_relaxed);
                const time_t t = ::time(nullptr);
                tm local {};
                ::localtime_r(&t, &local);
                char reply[512];
                size_t size = ::strftime(reply, 64, "[%a %b %e %H:%M:%S %Y] ", &local);
                const size_t take = std::min(size_t(n), sizeof reply - size);
                std::memcpy(reply + size, buf, take);
                size += take;
                ::sendto(m_fd, reply, size, 0, reinterpret_cast<sockaddr *>(&from), len);
            }
        }
        m_cpuNs.store(threadCpuNs());
    }

    int m_fd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<qint64> m_received { 0 };
    std::atomic<qint64> m_cpuNs { 0 };
};

// --- socat and ncat -----------------------------------------------------------------------------

// A program in its own process group, so it and the children it forks per client end together.
class Peer {
public:
    bool start(const std::vector<std::string> &argv)
    {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        std::vector<char *> args;
        for (const std::string &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, args[0], &actions, &attr, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
        if (rc != 0)
            m_pid = -1;
        return m_pid > 0;
    }

    ~Peer()
    {
        if (m_pid <= 0)
            return;
        ::kill(-m_pid, SIGTERM);
        bool gone = waitUntil([this] { return ::waitpid(m_pid, nullptr, WNOHANG) == m_pid; }, 3000);
        if (!gone) {
            ::kill(-m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }

private:
    pid_t m_pid = -1;
};

// --- Load generators ----------------------------------------------------------------------------

struct TcpLoadResult {
    int total = 0;
    int concurrency = 0;
    int completed = 0; // a reply "[...] hello\n" read
    int connected = 0; // connect() completed: the server should have accepted each of these
    int failed = 0; // refused, reset, closed without a reply, or a wrong reply
    int timedOut = 0; // no reply within the per-exchange limit, or cut by the run's deadline
    int notStarted = 0; // never launched before the deadline
    bool deadlineHit = false;
    double seconds = 0;
    std::vector<double> latencyMs;
    double rate() const { return seconds > 0 ? completed / seconds : 0; }
};

bool looksLikeStamp(const char *reply, int size)
{
    static const char tail[] = "] hello\n";
    const int t = int(sizeof tail) - 1;
    return size > t + 1 && reply[0] == '[' && std::memcmp(reply + size - t, tail, size_t(t)) == 0;
}

// One thread, epoll, non-blocking connects: `total` exchanges with at most `concurrency` at once.
TcpLoadResult runTcpLoad(quint16 port, int total, int concurrency, int deadlineMs)
{
    TcpLoadResult r;
    r.total = total;
    r.concurrency = concurrency;
    r.latencyMs.reserve(size_t(total));

    struct Slot {
        int fd = -1;
        bool connected = false;
        qint64 startNs = 0;
        int got = 0;
        char buf[256];
    };
    std::vector<Slot> conns(static_cast<size_t>(concurrency));
    std::vector<int> idle;
    for (int i = concurrency - 1; i >= 0; --i)
        idle.push_back(i);
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    const sockaddr_in server = loopback(port);
    int launched = 0;
    int finished = 0;

    enum class Outcome { Done, Failed, TimedOut };
    auto finish = [&](int i, Outcome outcome) {
        Slot &s = conns[size_t(i)];
        if (s.fd >= 0)
            ::close(s.fd);
        s.fd = -1;
        if (outcome == Outcome::Done) {
            ++r.completed;
            r.latencyMs.push_back(msSince(s.startNs));
        } else if (outcome == Outcome::Failed) {
            ++r.failed;
        } else {
            ++r.timedOut;
        }
        ++finished;
        idle.push_back(i);
    };
    auto launch = [&](int i) {
        ++launched;
        Slot &s = conns[size_t(i)];
        s = Slot();
        s.startNs = nowNs();
        s.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (s.fd < 0)
            return finish(i, Outcome::Failed);
        if (::connect(s.fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) != 0 && errno != EINPROGRESS)
            return finish(i, Outcome::Failed);
        epoll_event ev {};
        ev.events = EPOLLOUT;
        ev.data.u32 = uint32_t(i);
        ::epoll_ctl(ep, EPOLL_CTL_ADD, s.fd, &ev);
    };
    auto fill = [&] {
        while (!idle.empty() && launched < total) {
            const int i = idle.back();
            idle.pop_back();
            launch(i);
        }
    };
    auto handle = [&](int i) {
        Slot &s = conns[size_t(i)];
        if (s.fd < 0)
            return;
        if (!s.connected) {
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0)
                return finish(i, Outcome::Failed);
            s.connected = true;
            ++r.connected;
            if (::send(s.fd, "hello\n", 6, MSG_NOSIGNAL) != 6)
                return finish(i, Outcome::Failed);
            epoll_event ev {};
            ev.events = EPOLLIN;
            ev.data.u32 = uint32_t(i);
            ::epoll_ctl(ep, EPOLL_CTL_MOD, s.fd, &ev);
            return;
        }
        for (int round = 0; round < 4; ++round) {
            const ssize_t n = ::recv(s.fd, s.buf + s.got, sizeof s.buf - size_t(s.got), 0);
            if (n > 0) {
                s.got += int(n);
                if (std::memchr(s.buf, '\n', size_t(s.got)) || s.got == int(sizeof s.buf))
                    return finish(i, looksLikeStamp(s.buf, s.got) ? Outcome::Done : Outcome::Failed);
                continue;
            }
            if (n == 0)
                return finish(i, looksLikeStamp(s.buf, s.got) ? Outcome::Done : Outcome::Failed);
            if (errno == EAGAIN || errno == EINTR)
                return;
            return finish(i, Outcome::Failed);
        }
    };

    const qint64 start = nowNs();
    qint64 lastScan = start;
    fill();
    epoll_event events[512];
    while (finished < total) {
        if (msSince(start) > deadlineMs) {
            r.deadlineHit = true;
            break;
        }
        const int n = ::epoll_wait(ep, events, 512, 20);
        for (int k = 0; k < n; ++k)
            handle(int(events[k].data.u32));
        if (double(nowNs() - lastScan) / 1e6 > 100) {
            lastScan = nowNs();
            for (int i = 0; i < concurrency; ++i)
                if (conns[size_t(i)].fd >= 0 && msSince(conns[size_t(i)].startNs) > kExchangeTimeoutMs)
                    finish(i, Outcome::TimedOut);
        }
        fill();
    }
    r.seconds = msSince(start) / 1000;
    for (int i = 0; i < concurrency; ++i)
        if (conns[size_t(i)].fd >= 0)
            finish(i, Outcome::TimedOut);
    r.notStarted = total - launched;
    ::close(ep);
    return r;
}

struct HoldResult {
    int wanted = 0;
    int connected = 0;
    int failed = 0;
    double seconds = 0;
    std::vector<int> fds;
};

// Opens `count` connections and keeps them, at most 256 handshakes in flight (a class logging in).
HoldResult openConnections(quint16 port, int count, int deadlineMs)
{
    HoldResult r;
    r.wanted = count;
    r.fds.reserve(size_t(count));
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    const sockaddr_in server = loopback(port);
    int launched = 0;
    int pending = 0;
    const qint64 start = nowNs();
    epoll_event events[256];
    while (r.connected + r.failed < count && msSince(start) < deadlineMs) {
        while (pending < 256 && launched < count) {
            ++launched;
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0
                || (::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) != 0
                    && errno != EINPROGRESS)) {
                if (fd >= 0)
                    ::close(fd);
                ++r.failed;
                continue;
            }
            epoll_event ev {};
            ev.events = EPOLLOUT;
            ev.data.fd = fd;
            ::epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
            ++pending;
        }
        const int n = ::epoll_wait(ep, events, 256, 20);
        for (int k = 0; k < n; ++k) {
            const int fd = events[k].data.fd;
            ::epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
            --pending;
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0) {
                ::close(fd);
                ++r.failed;
            } else {
                r.fds.push_back(fd);
                ++r.connected;
            }
        }
    }
    r.seconds = msSince(start) / 1000;
    ::close(ep); // handshakes still pending after the deadline are left to their own retries
    return r;
}

struct UdpResult {
    qint64 wanted = 0;
    qint64 sent = 0;
    qint64 sendErrors = 0; // other than "buffer full, try again"
    qint64 replies = 0;
    qint64 badReplies = 0;
    qint64 blasterDrops = 0; // replies dropped at the blaster's own socket
    double sendSeconds = 0;
    double seconds = 0; // until no reply for idleMs
    bool deadlineHit = false;
};

// One connected UDP socket: send as fast as the kernel takes them, read replies in between, then
// wait for the tail of replies until idleMs pass without one.
UdpResult blastUdp(quint16 port, qint64 count, int deadlineMs, int idleMs)
{
    UdpResult r;
    r.wanted = count;
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int size = 4 << 20;
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    const sockaddr_in server = loopback(port);
    ::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server);
    sockaddr_in self {};
    socklen_t len = sizeof self;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&self), &len);

    char buf[2048];
    auto drain = [&] {
        int got = 0;
        for (; got < 4096; ++got) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n < 0)
                break;
            ++r.replies;
            if (!looksLikeStamp(buf, int(n)))
                ++r.badReplies;
        }
        return got;
    };
    const qint64 start = nowNs();
    while (r.sent < count) {
        if (msSince(start) > deadlineMs) {
            r.deadlineHit = true;
            break;
        }
        for (int burst = 0; burst < 64 && r.sent < count; ++burst) {
            if (::send(fd, "hello\n", 6, 0) == 6) {
                ++r.sent;
                continue;
            }
            if (errno == EAGAIN || errno == ENOBUFS) {
                pollfd p { fd, POLLOUT, 0 };
                ::poll(&p, 1, 1);
            } else {
                ++r.sendErrors; // e.g. ECONNREFUSED from an ICMP error for an earlier datagram
            }
            break;
        }
        drain();
    }
    r.sendSeconds = msSince(start) / 1000;
    qint64 lastReply = nowNs();
    while (msSince(lastReply) < idleMs) {
        if (msSince(start) > deadlineMs) {
            r.deadlineHit = true;
            break;
        }
        pollfd p { fd, POLLIN, 0 };
        ::poll(&p, 1, 20);
        if (drain() > 0)
            lastReply = nowNs();
    }
    r.seconds = double(lastReply - start) / 1e9;
    r.blasterDrops = procSocket("/proc/net/udp", ntohs(self.sin_port)).drops;
    ::close(fd);
    return r;
}

// --- The benchmark ------------------------------------------------------------------------------

std::string num(double v, int decimals = 0)
{
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

// Thread CPU time per exchange (TCP) or per datagram (UDP), in microseconds; -1: not measured.
struct CpuPer {
    double server = -1;
    double gui = -1;
    double generator = -1;
};

struct TcpRun {
    TcpLoadResult load;
    CpuPer cpu;
    qint64 listenOverflows = 0;
};

struct TcpFigures {
    std::vector<TcpRun> runs;
    bool ran = false;
    std::string skipped; // why not, when it did not run
    double medianRate() const
    {
        std::vector<double> v;
        for (const TcpRun &r : runs)
            v.push_back(r.load.rate());
        return median(v);
    }
    double medianCpu(double CpuPer::*field) const
    {
        std::vector<double> v;
        for (const TcpRun &r : runs)
            if (r.cpu.*field >= 0)
                v.push_back(r.cpu.*field);
        return median(v);
    }
};

// Both halves of "nothing lost": the panel's connection counters against what the generator did,
// and the console's trace model against the events the session delivered.
struct LostCheck {
    int run = 0;
    int connected = 0;
    ServerUnderTest::ModelCounts counts;
    bool drained = true;
    bool connectionsOk() const
    {
        const ConnectionModel::Counters &c = counts.counters;
        return c.accepted == connected && c.closed == c.accepted && c.refused == 0 && c.clientsNow == 0;
    }
    bool traceOk() const
    {
        return counts.total == counts.delivered && counts.rows + counts.dropped == counts.total
            && counts.rows <= counts.capacity;
    }
    bool ok() const { return drained && connectionsOk() && traceOk(); }
};

struct HoldFigures {
    bool ran = false;
    std::string skipped;
    rlim_t limit = 0;
    int wanted = 0;
    HoldResult hold;
    int serverClients = 0; // the panel's "clients now"
    double serverReadySeconds = -1; // from the first connect until the panel counted them all
    double serverCpuPerConnUs = -1; // worker thread: accepting, holding and closing them
    double closeSeconds = -1; // from closing them all until the panel shows none
    qint64 listenOverflows = 0;
    qint64 refListenOverflows = 0;
    double refClientSeconds = -1; // the same against the reference server
    double refReadySeconds = -1;
    double refCpuPerConnUs = -1;
    qint64 rssBeforeKiB = 0;
    qint64 rssHeldKiB = 0;
    qint64 rssAfterKiB = 0;
    int clientsAfterClose = -1;
};

struct UdpFigures {
    bool ran = false;
    std::string skipped;
    UdpResult blast;
    qint64 serverReceived = -1; // ours: the panel's "datagrams in"; reference: its own; -1 for socat
    qint64 repliesSent = -1; // ours: the panel's "datagrams out"
    qint64 traceTotal = -1; // ours: events the console's trace model took, and how many its ring dropped
    qint64 traceDropped = -1;
    qint64 serverDrops = 0; // /proc/net/udp of the server's socket
    CpuPer cpu; // per datagram the server received
};

class Bench {
public:
    Bench(ServerPanel *panel, BatchClock *clock, StallMonitor *monitor, int runs)
        : m_panel(panel)
        , m_clock(clock)
        , m_monitor(monitor)
        , m_runs(runs)
    {
    }

    void run()
    {
        m_start = nowNs();
        m_loadStart = loadAverage();
        m_socat = QStandardPaths::findExecutable(QStringLiteral("socat")).toStdString();
        m_ncat = QStandardPaths::findExecutable(QStringLiteral("ncat")).toStdString();

        const qint64 guiBefore = onGui([] { return threadCpuNs(); });
        m_monitor->setPhase(PIdle);
        sleepMs(1000);
        m_monitor->setPhase(-1);
        m_guiIdleCpuPercent = double(onGui([] { return threadCpuNs(); }) - guiBefore) / 1e7;

        describeOurs();
        phaseThroughput();
        phaseHold();
        phaseUdp();
        m_totalSeconds = msSince(m_start) / 1000;
        m_loadEnd = loadAverage();
    }

    void printSummary() const;

private:
    bool overBudget(const char *what)
    {
        if (msSince(m_start) < kBudgetMs)
            return false;
        say("  %s: SKIPPED, the program's time budget of %d s is spent\n", what, kBudgetMs / 1000);
        return true;
    }

    static void printRun(const char *who, int i, const TcpRun &run)
    {
        const TcpLoadResult &r = run.load;
        say("  %-10s run %d: %5d/%d replies, %d failed, %d timed out%s, %5.2f s, %6.0f exchanges/s, latency p50 "
            "%6.2f ms p99 %6.2f ms",
            who, i, r.completed, r.total, r.failed, r.timedOut, r.deadlineHit ? " (DEADLINE)" : "", r.seconds, r.rate(),
            percentile(r.latencyMs, 0.5), percentile(r.latencyMs, 0.99));
        if (run.cpu.server >= 0)
            say("; CPU/exchange: server %.1f us%s", run.cpu.server,
                run.cpu.gui >= 0 ? (", GUI " + num(run.cpu.gui, 1) + " us").c_str() : "");
        say("; accept queue overflows %lld\n", static_cast<long long>(run.listenOverflows));
    }

    void keepBatches(int phase, ServerUnderTest *sut)
    {
        const ServerUnderTest::Batches b = onGui([sut] { return sut->batches(); });
        ServerUnderTest::Batches &all = m_batches[phase];
        all.ms.insert(all.ms.end(), b.ms.begin(), b.ms.end());
        all.events += b.events;
        all.largest = std::max(all.largest, b.largest);
        all.untimed += b.untimed;
    }

    static ListenServerOptions oursOptions(Transport transport)
    {
        ListenServerOptions options;
        options.transport = transport;
        options.behaviour = QStringLiteral("timestamp");
        options.bindAddress = QStringLiteral("127.0.0.1");
        options.port = 0;
        options.backlog = kBacklog;
        options.maxClients = kMaxClients;
        return options;
    }

    // Harness thread: a new console tab on the panel, started, and its port; null (and *why) when it
    // did not start.
    ServerUnderTest *startOurs(Transport transport, quint16 *port, std::string *why)
    {
        auto *sut = onGui([this, transport] { return new ServerUnderTest(oursOptions(transport), m_panel, m_clock); });
        *port = sut->waitStarted(5000);
        if (*port == 0) {
            *why = "our server did not start: " + sut->error();
            onGui([sut] { delete sut; });
            return nullptr;
        }
        if (sut->workerTid() <= 0)
            say("  (the session's \"swb-server\" thread was not found: no server CPU figures)\n");
        return sut;
    }

    // Thread CPU of our server's worker over a span, per item; -1 when the thread was not found.
    static double workerCpuPer(qint64 before, qint64 after, double n)
    {
        return before >= 0 && after >= 0 ? double(after - before) / 1e3 / n : -1;
    }

    void runOurs(int i)
    {
        std::string why;
        quint16 port = 0;
        ServerUnderTest *sut = startOurs(Transport::Tcp, &port, &why);
        if (!sut) {
            say("  ours: %s\n", why.c_str());
            return;
        }
        const qint64 workerBefore = sut->workerCpuNs();
        const qint64 guiBefore = onGui([] { return threadCpuNs(); });
        const qint64 selfBefore = threadCpuNs();
        const qint64 overflowsBefore = listenOverflows();
        m_monitor->setPhase(P1Ours);
        TcpRun run;
        run.load = runTcpLoad(port, kExchanges, kConcurrency, kRunDeadlineMs);
        const qint64 selfAfter = threadCpuNs();
        run.listenOverflows = listenOverflows() - overflowsBefore;
        // Let the server finish its closes (it lingers at most 2 s) and the panel take the last batch.
        LostCheck check;
        check.run = i;
        check.connected = run.load.connected;
        const int connected = run.load.connected;
        check.drained = waitUntil(
            [sut, connected] {
                const ConnectionModel::Counters c = sut->counters();
                return c.accepted >= connected && c.closed >= c.accepted && c.clientsNow == 0;
            },
            10000);
        m_monitor->setPhase(-1);
        const double n = std::max(1, run.load.completed);
        run.cpu.server = workerCpuPer(workerBefore, sut->workerCpuNs(), n);
        run.cpu.gui = double(onGui([] { return threadCpuNs(); }) - guiBefore) / 1e3 / n;
        run.cpu.generator = double(selfAfter - selfBefore) / 1e3 / n;
        check.counts = onGui([sut] { return sut->counts(); });
        keepBatches(P1Ours, sut);
        onGui([sut] { delete sut; });
        m_ours.runs.push_back(run);
        m_ours.ran = true;
        m_lost.push_back(check);
        printRun("ours", i, run);
    }

    void runReference(int i)
    {
        ReferenceServer ref;
        const quint16 port = ref.start();
        if (port == 0) {
            say("  reference: could not listen\n");
            return;
        }
        const qint64 selfBefore = threadCpuNs();
        const qint64 overflowsBefore = listenOverflows();
        m_monitor->setPhase(P1Ref);
        TcpRun run;
        run.load = runTcpLoad(port, kExchanges, kConcurrency, kRunDeadlineMs);
        run.listenOverflows = listenOverflows() - overflowsBefore;
        m_monitor->setPhase(-1);
        const double n = std::max(1, run.load.completed);
        run.cpu.generator = double(threadCpuNs() - selfBefore) / 1e3 / n;
        ref.stop();
        run.cpu.server = double(ref.cpuNs()) / 1e3 / n;
        m_ref.runs.push_back(run);
        m_ref.ran = true;
        printRun("reference", i, run);
    }

    void runForking(const char *name, const std::string &binary, TcpFigures *figures, int phase)
    {
        if (binary.empty()) {
            figures->skipped = std::string(name) + " is not installed (apt-get install -y socat ncat)";
            say("  %-10s SKIPPED: not installed\n", name);
            return;
        }
        if (overBudget(name)) {
            figures->skipped = "time budget spent";
            return;
        }
        const quint16 port = freePort(SOCK_STREAM);
        const std::string p = std::to_string(port);
        Peer peer;
        const bool started = std::string(name) == "socat"
            ? peer.start({ binary, "TCP-LISTEN:" + p + ",bind=127.0.0.1,reuseaddr,fork,backlog=1024",
                std::string("SYSTEM:") + kShellReply })
            : peer.start({ binary, "-l", "127.0.0.1", p, "-k", "--sh-exec", kShellReply });
        if (!started || !waitUntil([port] { return procSocket("/proc/net/tcp", port).listening; }, 5000)) {
            figures->skipped = std::string(name) + " did not start listening";
            say("  %-10s SKIPPED: did not start listening on %u\n", name, unsigned(port));
            return;
        }
        const qint64 overflowsBefore = listenOverflows();
        m_monitor->setPhase(phase);
        TcpRun run;
        run.load = runTcpLoad(port, kForkExchanges, kForkConcurrency, kRunDeadlineMs);
        run.listenOverflows = listenOverflows() - overflowsBefore;
        m_monitor->setPhase(-1);
        figures->runs.push_back(run);
        figures->ran = true;
        printRun(name, 1, run);
    }

    // What our server is started with, against the panel's own form defaults.
    void describeOurs()
    {
        const ListenServerOptions form
            = onGui([this] { return m_panel->formOptions().value_or(ListenServerOptions()); });
        std::ifstream in("/proc/sys/net/core/somaxconn");
        long somaxconn = -1;
        in >> somaxconn;
        m_somaxconn = somaxconn;
        m_panelBacklog = form.backlog;
        say("\nOur server: the app's ServerPanel (central widget of a shown %s main window, 1280x800), started with "
            "ServerPanel::startServer into a ServerConsole tab, as its Start button does: timestamp, 127.0.0.1, port "
            "0; backlog %d and client limit %d. The panel's form defaults are backlog %d and %d clients: the bench "
            "raises them as a teacher expecting a class would (the kernel caps the backlog at net.core.somaxconn = "
            "%ld; the reference server and socat listen with backlog 1024). Console ring: TraceModel default "
            "capacity %d events.\n",
            qgetenv("QT_QPA_PLATFORM").constData(), kBacklog, kMaxClients, form.backlog, form.maxClients, somaxconn,
            TraceModel::kDefaultCapacity);
    }

    void phaseThroughput()
    {
        say("\nPhase 1: TCP exchanges (connect, send \"hello\\n\", read the timestamp reply, close)\n"
            "  ours and reference: %d exchanges, %d at once, %d runs each (interleaved); socat and ncat: %d "
            "exchanges, %d at once, 1 run (they fork a shell and date(1) per client)\n",
            kExchanges, kConcurrency, m_runs, kForkExchanges, kForkConcurrency);
        for (int i = 1; i <= m_runs; ++i) {
            if (overBudget("phase 1 run"))
                break;
            runOurs(i);
            runReference(i);
        }
        runForking("socat", m_socat, &m_socatTcp, P1Socat);
        runForking("ncat", m_ncat, &m_ncatTcp, P1Ncat);
    }

    void phaseHold()
    {
        say("\nPhase 2: %d connections held open to our server\n", kHeld);
        rlimit rl {};
        ::getrlimit(RLIMIT_NOFILE, &rl);
        m_hold.limit = rl.rlim_cur;
        // Both ends live in this process: two descriptors per connection, plus Qt's and ours.
        const rlim_t need = rlim_t(kHeld) * 2 + 256;
        m_hold.wanted = kHeld;
        if (rl.rlim_cur < need) {
            m_hold.wanted = int(rl.rlim_cur > 512 ? (rl.rlim_cur - 256) / 2 : 0);
            say("  RLIMIT_NOFILE is %llu: TOO LOW to hold %d connections in one process (needs %llu); holding %d "
                "instead\n",
                static_cast<unsigned long long>(rl.rlim_cur), kHeld, static_cast<unsigned long long>(need),
                m_hold.wanted);
        }
        if (m_hold.wanted <= 0 || overBudget("phase 2")) {
            m_hold.skipped = m_hold.wanted <= 0 ? "descriptor limit too low" : "time budget spent";
            return;
        }
        quint16 port = 0;
        ServerUnderTest *sut = startOurs(Transport::Tcp, &port, &m_hold.skipped);
        if (!sut) {
            say("  %s\n", m_hold.skipped.c_str());
            return;
        }
        sleepMs(200);
        m_hold.rssBeforeKiB = rssKiB();
        const qint64 workerBefore = sut->workerCpuNs();
        m_monitor->setPhase(P2Ours);
        const qint64 start = nowNs();
        const qint64 overflowsBefore = listenOverflows();
        m_hold.hold = openConnections(port, m_hold.wanted, 30000);
        const int connected = m_hold.hold.connected;
        if (waitUntil([&] { return sut->counters().clientsNow >= connected; }, 30000))
            m_hold.serverReadySeconds = msSince(start) / 1000;
        m_hold.serverClients = sut->counters().clientsNow;
        m_hold.listenOverflows = listenOverflows() - overflowsBefore;
        sleepMs(1000); // held and idle: what the GUI does meanwhile counts too
        m_hold.rssHeldKiB = rssKiB();
        const qint64 closeStart = nowNs();
        for (int fd : m_hold.hold.fds)
            ::close(fd);
        if (waitUntil([&] { return sut->counters().clientsNow == 0; }, 15000))
            m_hold.closeSeconds = msSince(closeStart) / 1000;
        m_hold.clientsAfterClose = sut->counters().clientsNow;
        m_hold.serverCpuPerConnUs = workerCpuPer(workerBefore, sut->workerCpuNs(), std::max(1, connected));
        m_monitor->setPhase(-1);
        m_hold.rssAfterKiB = rssKiB();
        keepBatches(P2Ours, sut);
        onGui([sut] { delete sut; });
        m_hold.ran = true;
        holdReference();
        say("  connected %d/%d in %.2f s (%d failed); the panel counted %d clients now after %.2f s; it showed none "
            "%.2f s after the clients closed\n"
            "  RSS %lld -> %lld KiB (%.2f KiB per connection), %lld KiB after they closed; %.1f us worker CPU per "
            "connection\n",
            connected, m_hold.wanted, m_hold.hold.seconds, m_hold.hold.failed, m_hold.serverClients,
            m_hold.serverReadySeconds, m_hold.closeSeconds, static_cast<long long>(m_hold.rssBeforeKiB),
            static_cast<long long>(m_hold.rssHeldKiB),
            connected ? double(m_hold.rssHeldKiB - m_hold.rssBeforeKiB) / connected : 0.0,
            static_cast<long long>(m_hold.rssAfterKiB), m_hold.serverCpuPerConnUs);
        say("  accept queue overflows %lld; reference server: connected in %.2f s, held them all after %.2f s (%.1f us "
            "server CPU per connection), accept queue overflows %lld\n",
            static_cast<long long>(m_hold.listenOverflows), m_hold.refClientSeconds, m_hold.refReadySeconds,
            m_hold.refCpuPerConnUs, static_cast<long long>(m_hold.refListenOverflows));
    }

    // The same connections against the reference server, for the time and CPU it takes to accept them.
    void holdReference()
    {
        ReferenceServer ref;
        const quint16 port = ref.start();
        if (port == 0)
            return;
        const qint64 start = nowNs();
        const qint64 overflowsBefore = listenOverflows();
        HoldResult h = openConnections(port, m_hold.wanted, 30000);
        m_hold.refClientSeconds = h.seconds;
        if (waitUntil([&] { return ref.open() >= h.connected; }, 30000))
            m_hold.refReadySeconds = msSince(start) / 1000;
        m_hold.refListenOverflows = listenOverflows() - overflowsBefore;
        for (int fd : h.fds)
            ::close(fd);
        waitUntil([&] { return ref.open() == 0; }, 15000);
        ref.stop();
        m_hold.refCpuPerConnUs = double(ref.cpuNs()) / 1e3 / std::max(1, h.connected);
    }

    void udpOurs()
    {
        quint16 port = 0;
        ServerUnderTest *sut = startOurs(Transport::Udp, &port, &m_udpOurs.skipped);
        if (!sut) {
            say("  %s\n", m_udpOurs.skipped.c_str());
            return;
        }
        const qint64 workerBefore = sut->workerCpuNs();
        const qint64 guiBefore = onGui([] { return threadCpuNs(); });
        m_monitor->setPhase(P3Ours);
        m_udpOurs.blast = blastUdp(port, kDatagrams, 60000, 1000);
        m_udpOurs.serverDrops = procSocket("/proc/net/udp", port).drops;
        // The blast ended with a second without replies: the server is idle; let the panel catch up.
        sut->waitCountersQuiet(300, 5000);
        m_monitor->setPhase(-1);
        const ServerUnderTest::ModelCounts c = onGui([sut] { return sut->counts(); });
        m_udpOurs.serverReceived = c.counters.datagramsIn;
        m_udpOurs.repliesSent = c.counters.datagramsOut;
        m_udpOurs.traceTotal = c.total;
        m_udpOurs.traceDropped = c.dropped;
        const double n = double(std::max<qint64>(1, c.counters.datagramsIn));
        m_udpOurs.cpu.server = workerCpuPer(workerBefore, sut->workerCpuNs(), n);
        m_udpOurs.cpu.gui = double(onGui([] { return threadCpuNs(); }) - guiBefore) / 1e3 / n;
        m_udpOurs.ran = true;
        keepBatches(P3Ours, sut);
        onGui([sut] { delete sut; });
        printUdp("ours", m_udpOurs);
    }

    void udpReference()
    {
        ReferenceUdpServer ref;
        const quint16 port = ref.start();
        if (port == 0) {
            m_udpRef.skipped = "could not bind";
            return;
        }
        m_monitor->setPhase(P3Ref);
        m_udpRef.blast = blastUdp(port, kDatagrams, 60000, 1000);
        m_udpRef.serverDrops = procSocket("/proc/net/udp", port).drops;
        m_monitor->setPhase(-1);
        ref.stop();
        m_udpRef.serverReceived = ref.received();
        m_udpRef.cpu.server = double(ref.cpuNs()) / 1e3 / double(std::max<qint64>(1, ref.received()));
        m_udpRef.ran = true;
        printUdp("reference", m_udpRef);
    }

    void udpSocat()
    {
        if (m_socat.empty()) {
            m_udpSocat.skipped = "socat is not installed";
            say("  socat      SKIPPED: not installed\n");
            return;
        }
        const quint16 port = freePort(SOCK_DGRAM);
        Peer peer;
        if (!peer.start({ m_socat, "UDP-RECVFROM:" + std::to_string(port) + ",bind=127.0.0.1,fork",
                std::string("SYSTEM:") + kShellReply })
            || !waitUntil([port] { return procSocket("/proc/net/udp", port).found; }, 5000)) {
            m_udpSocat.skipped = "socat did not bind";
            say("  socat      SKIPPED: did not bind UDP port %u\n", unsigned(port));
            return;
        }
        m_monitor->setPhase(P3Socat);
        m_udpSocat.blast = blastUdp(port, kForkDatagrams, 60000, 2000);
        m_udpSocat.serverDrops = procSocket("/proc/net/udp", port).drops;
        m_monitor->setPhase(-1);
        m_udpSocat.ran = true;
        printUdp("socat", m_udpSocat);
    }

    void phaseUdp()
    {
        say("\nPhase 3: UDP datagrams \"hello\\n\" blasted at the timestamp server (ours and reference %d, socat %d: "
            "it forks per datagram)\n",
            kDatagrams, kForkDatagrams);
        if (overBudget("phase 3, ours"))
            m_udpOurs.skipped = "time budget spent";
        else
            udpOurs();
        if (overBudget("phase 3, reference"))
            m_udpRef.skipped = "time budget spent";
        else
            udpReference();
        if (overBudget("phase 3, socat"))
            m_udpSocat.skipped = "time budget spent";
        else
            udpSocat();
    }

    static void printUdp(const char *who, const UdpFigures &f)
    {
        const UdpResult &b = f.blast;
        say("  %-10s sent %lld in %.2f s (%.0f/s); server received %s; replies %lld (%lld malformed); drops at the "
            "server socket %lld, at the blaster %lld%s",
            who, static_cast<long long>(b.sent), b.sendSeconds, b.sendSeconds > 0 ? double(b.sent) / b.sendSeconds : 0,
            f.serverReceived >= 0 ? std::to_string(f.serverReceived).c_str() : "n/a", static_cast<long long>(b.replies),
            static_cast<long long>(b.badReplies), static_cast<long long>(f.serverDrops),
            static_cast<long long>(b.blasterDrops), b.deadlineHit ? " (DEADLINE)" : "");
        if (f.cpu.server >= 0)
            say("; server CPU %.1f us/datagram", f.cpu.server);
        say("\n");
    }

    ServerPanel *m_panel;
    BatchClock *m_clock;
    StallMonitor *m_monitor;
    long m_somaxconn = -1;
    int m_panelBacklog = -1;
    int m_runs;
    qint64 m_start = 0;
    double m_totalSeconds = 0;
    double m_guiIdleCpuPercent = 0;
    std::string m_loadStart, m_loadEnd;
    std::string m_socat;
    std::string m_ncat;
    TcpFigures m_ours, m_ref, m_socatTcp, m_ncatTcp;
    std::vector<LostCheck> m_lost;
    HoldFigures m_hold;
    UdpFigures m_udpOurs, m_udpRef, m_udpSocat;
    ServerUnderTest::Batches m_batches[PhaseCount];
};

// --- The table ----------------------------------------------------------------------------------

void row(const std::string &what, const std::string &value, const char *unit, const std::string &against)
{
    std::printf("  %-50s %20s  %-15s %s\n", what.c_str(), value.c_str(), unit, against.c_str());
}

std::string runList(const TcpFigures &f)
{
    std::string s = "runs:";
    for (const TcpRun &r : f.runs)
        s += " " + num(r.load.rate());
    return s;
}

// Where the time of the late ticks went: the GUI thread's own work, or waiting for a CPU.
std::string lateText(const StallMonitor::Late &l)
{
    if (l.ticks == 0 || l.intervalMs <= 0)
        return std::string();
    return "; " + std::to_string(l.ticks) + " ticks > " + num(StallMonitor::kLateMs) + " ms late: GUI ran "
        + num(100 * l.runningMs / l.intervalMs) + "%, waited for a CPU " + num(100 * l.waitingMs / l.intervalMs)
        + "% of their time";
}

void Bench::printSummary() const
{
    const StallMonitor &mon = *m_monitor;
    std::printf("\n=== Summary (%.0f s in all; load average %s at the start, %s at the end, on %u cores) ===\n",
        m_totalSeconds, m_loadStart.c_str(), m_loadEnd.c_str(), std::thread::hardware_concurrency());
    std::printf("  Wall-clock rates and stalls suffer when other programs compete for the CPU; thread CPU times per\n"
                "  exchange do not.\n");
    row("figure", "value", "unit", "measured against / notes");

    const double ours = m_ours.medianRate();
    const double ref = m_ref.medianRate();
    auto tcpRow = [&](const char *what, const TcpFigures &f, const std::string &note) {
        if (!f.ran) {
            row(what, "-", "", "SKIPPED: " + f.skipped);
            return;
        }
        row(what, num(f.medianRate()), "exchanges/s",
            (ref > 0 ? num(f.medianRate() / ref, 2) + "x reference; " : std::string()) + note);
    };
    const std::string nc = "N=" + std::to_string(kExchanges) + " C=" + std::to_string(kConcurrency) + "; ";
    const std::string forkNc = "N=" + std::to_string(kForkExchanges) + " C=" + std::to_string(kForkConcurrency)
        + " (capped: fork per client), 1 run";
    tcpRow("1 TCP our server (median)", m_ours, nc + runList(m_ours));
    tcpRow("1 TCP reference epoll server (median)", m_ref, nc + runList(m_ref));
    tcpRow("1 TCP socat fork + sh + date", m_socatTcp, forkNc);
    tcpRow("1 TCP ncat --sh-exec + date", m_ncatTcp, forkNc);
    auto errors = [](const TcpFigures &f) {
        int failed = 0, timedOut = 0, notStarted = 0;
        for (const TcpRun &r : f.runs) {
            failed += r.load.failed;
            timedOut += r.load.timedOut;
            notStarted += r.load.notStarted;
        }
        return std::to_string(failed) + "/" + std::to_string(timedOut) + "/" + std::to_string(notStarted);
    };
    auto latencies = [](const TcpFigures &f) {
        std::vector<double> all;
        for (const TcpRun &r : f.runs)
            all.insert(all.end(), r.load.latencyMs.begin(), r.load.latencyMs.end());
        return num(percentile(all, 0.5), 2) + " / " + num(percentile(all, 0.99), 2);
    };
    if (m_ours.ran) {
        row("1 TCP exchange latency p50 / p99, ours", latencies(m_ours), "ms",
            "reference " + latencies(m_ref) + " ms; connect to reply read, all runs");
        row("1 TCP failed / timed out / not started, ours", errors(m_ours), "exchanges",
            "all runs; reference " + errors(m_ref));
        auto overflows = [](const TcpFigures &f) {
            qint64 n = 0;
            for (const TcpRun &r : f.runs)
                n += r.listenOverflows;
            return std::to_string(n);
        };
        row("1 TCP accept queue overflows, ours", overflows(m_ours), "handshakes",
            "all runs, TcpExt ListenOverflows (system-wide; a dropped handshake costs the client a 200 ms+ "
            "retransmit); reference "
                + overflows(m_ref));
        row("1 TCP server thread CPU per exchange, ours", num(m_ours.medianCpu(&CpuPer::server), 1), "us",
            "reference " + num(m_ref.medianCpu(&CpuPer::server), 1)
                + " us (thread CPU time, median of runs; not skewed by other load)");
        row("1 TCP GUI thread CPU per exchange, ours", num(m_ours.medianCpu(&CpuPer::gui), 1), "us",
            "the panel: session models, connections + console tables; GUI idle baseline " + num(m_guiIdleCpuPercent, 1)
                + "% of a core");
        row("1 TCP load generator CPU per exchange", num(m_ours.medianCpu(&CpuPer::generator), 1), "us",
            "against ours; against the reference " + num(m_ref.medianCpu(&CpuPer::generator), 1) + " us");
    }

    if (m_hold.ran) {
        const int c = m_hold.hold.connected;
        row("2 connections held", std::to_string(c) + "/" + std::to_string(m_hold.wanted), "connections",
            "the panel counted " + std::to_string(m_hold.serverClients) + " clients now; RLIMIT_NOFILE "
                + std::to_string(static_cast<unsigned long long>(m_hold.limit)));
        row("2 time until the panel showed them all", num(m_hold.serverReadySeconds, 2), "s",
            "client connects done in " + num(m_hold.hold.seconds, 2) + " s (<= 256 handshakes in flight); reference "
                + num(m_hold.refReadySeconds, 2) + " s");
        row("2 accept queue overflows while connecting", std::to_string(m_hold.listenOverflows), "handshakes",
            "TcpExt ListenOverflows (system-wide); ours backlog " + std::to_string(kBacklog) + " (panel default "
                + std::to_string(m_panelBacklog) + ", somaxconn " + std::to_string(m_somaxconn)
                + "); reference (backlog 1024) " + std::to_string(m_hold.refListenOverflows));
        row("2 server CPU per connection, open + close", num(m_hold.serverCpuPerConnUs, 1), "us",
            "ours: worker thread, accept to close, " + std::to_string(c) + " at once; reference "
                + num(m_hold.refCpuPerConnUs, 1) + " us (accept, hold, close)");
        row("2 RSS growth per held connection", c ? num(double(m_hold.rssHeldKiB - m_hold.rssBeforeKiB) / c, 2) : "-",
            "KiB/connection",
            "VmRSS " + std::to_string(m_hold.rssBeforeKiB) + " -> " + std::to_string(m_hold.rssHeldKiB)
                + " KiB after malloc_trim; server + connection and trace rows + GUI (socket buffers are kernel "
                  "memory)");
        row("2 RSS after all closed", std::to_string(m_hold.rssAfterKiB), "KiB",
            "the panel showed none " + num(m_hold.closeSeconds, 2) + " s after the clients closed; clients now "
                + std::to_string(m_hold.clientsAfterClose) + "; the console ring holds up to "
                + std::to_string(TraceModel::kDefaultCapacity) + " events");
    } else {
        row("2 connections held", "-", "", "SKIPPED: " + m_hold.skipped);
    }

    auto udpRows = [&](const std::string &w, const UdpFigures &f, const std::string &cap) {
        if (!f.ran) {
            row("3 UDP " + w, "-", "", "SKIPPED: " + f.skipped);
            return;
        }
        const UdpResult &b = f.blast;
        row("3 UDP " + w + ": sent", std::to_string(b.sent), "datagrams",
            "of " + std::to_string(b.wanted) + cap + ", " + num(b.sendSeconds > 0 ? double(b.sent) / b.sendSeconds : 0)
                + "/s from one socket");
        std::string received = "no count of its own: each datagram it handles gets one reply";
        if (f.repliesSent >= 0)
            received = "the panel's datagrams in (from the trace); " + std::to_string(f.repliesSent)
                + " out; console ring took " + std::to_string(f.traceTotal) + " events, dropped "
                + std::to_string(f.traceDropped);
        else if (f.serverReceived >= 0)
            received = "its own count";
        if (f.cpu.server >= 0)
            received += "; " + num(f.cpu.server, 1) + " us server CPU each";
        if (f.cpu.gui >= 0)
            received += ", " + num(f.cpu.gui, 1) + " us GUI CPU each";
        row("3 UDP " + w + ": received by server",
            f.serverReceived >= 0 ? std::to_string(f.serverReceived) : std::string("n/a"), "datagrams", received);
        row("3 UDP " + w + ": replies received", std::to_string(b.replies), "datagrams",
            std::to_string(b.badReplies) + " malformed; " + std::to_string(b.blasterDrops)
                + " dropped at the blaster's socket");
        const qint64 accounted = f.serverReceived >= 0 ? f.serverReceived + f.serverDrops : -1;
        row("3 UDP " + w + ": dropped at server socket", std::to_string(f.serverDrops), "datagrams",
            num(b.sent ? 100.0 * double(f.serverDrops) / double(b.sent) : 0, 1) + "% of sent, /proc/net/udp drops"
                + (accounted >= 0 ? "; sent - received - dropped = " + std::to_string(b.sent - accounted)
                                  : std::string()));
    };
    udpRows("our server", m_udpOurs, "");
    udpRows("reference", m_udpRef, "");
    udpRows("socat", m_udpSocat, " (capped: fork per datagram)");

    double worstP99 = -1;
    for (int p = 0; p < PhaseCount; ++p) {
        const std::vector<double> &s = mon.samples(p);
        if (s.empty())
            continue;
        const double p99 = percentile(s, 0.99);
        const bool oursPhase = p == P1Ours || p == P2Ours || p == P3Ours;
        if (oursPhase)
            worstP99 = std::max(worstP99, p99);
        row(std::string("4 GUI stall, ") + kPhaseNames[p],
            num(percentile(s, 0.5), 2) + " / " + num(p99, 1) + " / " + num(*std::max_element(s.begin(), s.end()), 1),
            "ms p50/p99/max",
            "lateness of a 5 ms timer, " + std::to_string(s.size()) + " ticks" + (oursPhase ? "; target p99 <= 50" : "")
                + lateText(mon.late(p)));
    }
    double worstOwnP99 = -1;
    for (int p = 0; p < PhaseCount; ++p) {
        const std::vector<double> &r = mon.running(p);
        if (r.empty() || !(p == P1Ours || p == P2Ours || p == P3Ours || p == PIdle))
            continue;
        if (p != PIdle)
            worstOwnP99 = std::max(worstOwnP99, percentile(r, 0.99));
        row(std::string("4 GUI own work per tick, ") + kPhaseNames[p],
            num(percentile(r, 0.5), 2) + " / " + num(percentile(r, 0.99), 1) + " / "
                + num(*std::max_element(r.begin(), r.end()), 1),
            "ms p50/p99/max", "GUI thread CPU time between two ticks (schedstat): the stall its own work makes");
    }
    for (int p = 0; p < PhaseCount; ++p) {
        const ServerUnderTest::Batches &b = m_batches[p];
        if (b.ms.empty())
            continue;
        double total = 0;
        for (double ms : b.ms)
            total += ms;
        row(std::string("4 GUI per trace batch, ") + kPhaseNames[p],
            num(percentile(b.ms, 0.5), 2) + " / " + num(percentile(b.ms, 0.99), 1) + " / "
                + num(*std::max_element(b.ms.begin(), b.ms.end()), 1),
            "ms p50/p99/max",
            std::to_string(b.ms.size()) + " timed batches (+" + std::to_string(b.untimed) + " at stop), "
                + num(double(b.events) / double(b.ms.size() + size_t(b.untimed)), 0)
                + " events each on average, largest " + std::to_string(b.largest) + "; "
                + num(b.events ? total * 1000 / double(b.events) : 0, 2)
                + " us per event: timer event to after the console's eventsArrived slot");
    }

    bool allOk = !m_lost.empty();
    for (const LostCheck &c : m_lost) {
        allOk = allOk && c.ok();
        const ConnectionModel::Counters &k = c.counts.counters;
        row("5 nothing lost, run " + std::to_string(c.run) + ": connections", c.connectionsOk() ? "OK" : "MISMATCH", "",
            "generator connected " + std::to_string(c.connected) + "; panel counters: accepted "
                + std::to_string(k.accepted) + ", closed " + std::to_string(k.closed) + ", refused "
                + std::to_string(k.refused) + ", clients now " + std::to_string(k.clientsNow)
                + (c.drained ? "" : "; NOT DRAINED in time"));
        row("5 nothing lost, run " + std::to_string(c.run) + ": console trace", c.traceOk() ? "OK" : "MISMATCH", "",
            "TraceModel total " + std::to_string(c.counts.total) + " = events delivered "
                + std::to_string(c.counts.delivered) + " = rows " + std::to_string(c.counts.rows)
                + " + dropped from the ring " + std::to_string(c.counts.dropped) + " (capacity "
                + std::to_string(c.counts.capacity) + ")");
    }

    std::printf("\n=== Verdicts ===\n");
    const double socat = m_socatTcp.ran ? m_socatTcp.medianRate() : -1;
    const double ncat = m_ncatTcp.ran ? m_ncatTcp.medianRate() : -1;
    const bool tput = m_ours.ran && m_ref.ran && ours >= 0.5 * ref && ours > socat && ours > ncat;
    std::printf("  throughput   %s: ours %.0f/s = %.2fx reference %.0f/s (target >= 0.50x); socat %s/s, ncat %s/s "
                "(target: ours ahead of both)\n",
        tput ? "PASS" : "FAIL", ours, ref > 0 ? ours / ref : 0.0, ref, socat >= 0 ? num(socat).c_str() : "skipped",
        ncat >= 0 ? num(ncat).c_str() : "skipped");
    std::printf(
        "  GUI stall    %s: worst p99 over our server's phases %.1f ms (target <= %.0f ms); of that the GUI's own "
        "work: p99 %.1f ms per tick\n",
        worstP99 >= 0 && worstP99 <= kStallTargetMs ? "PASS" : "FAIL", worstP99, kStallTargetMs, worstOwnP99);
    double peerP99 = -1;
    for (int p : { P1Ref, P1Socat, P1Ncat, P3Ref, P3Socat })
        if (!mon.samples(p).empty())
            peerP99 = std::max(peerP99, percentile(mon.samples(p), 0.99));
    if (peerP99 > kStallTargetMs / 2)
        std::printf("               note: the GUI stalled up to p99 %.1f ms while it had no work at all (peer phases):"
                    " the machine is short of CPU (load %s), so the stall figures above overstate ours\n",
            peerP99, m_loadEnd.c_str());
    std::printf("  nothing lost %s: %zu run(s) checked\n", allOk ? "PASS" : "FAIL", m_lost.size());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::signal(SIGPIPE, SIG_IGN);
    rlimit rl {};
    ::getrlimit(RLIMIT_NOFILE, &rl);
    const rlim_t softBefore = rl.rlim_cur;
    rl.rlim_cur = rl.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &rl);
    ::getrlimit(RLIMIT_NOFILE, &rl);

    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 3;

    std::printf("Socket Workbench listen-server load benchmark (%d cores, QT_QPA_PLATFORM=%s)\n",
        std::thread::hardware_concurrency(), qgetenv("QT_QPA_PLATFORM").constData());
    std::printf("RLIMIT_NOFILE: soft %llu -> %llu (hard %llu)\n", static_cast<unsigned long long>(softBefore),
        static_cast<unsigned long long>(rl.rlim_cur), static_cast<unsigned long long>(rl.rlim_max));

    // The app's Listen Server panel, without the local lab (nullptr), as the window's only content.
    QMainWindow window;
    auto *panel = new ServerPanel(nullptr, &window);
    window.setCentralWidget(panel);
    window.resize(1280, 800);
    window.show();

    BatchClock batchClock;
    app.installEventFilter(&batchClock);
    StallMonitor monitor;
    monitor.start();

    Bench bench(panel, &batchClock, &monitor, runs);
    std::thread harness([&bench] {
        ::pthread_setname_np(::pthread_self(), "harness"); // the load generators run here; named for perf
        bench.run();
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    QApplication::exec();
    harness.join();
    bench.printSummary();
    return 0;
}
