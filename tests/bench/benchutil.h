#pragma once
// What the GUI benchmarks share: clocks, medians and percentiles, this process's memory and CPU, and
// the GUI thread's responsiveness (StallMonitor). Header-only; each benchmark is one program.

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace bench {

constexpr int kTickMs = 5;

inline qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::max(0.0, std::ceil(p * double(v.size())) - 1));
    return v[std::min(i, v.size() - 1)];
}

inline double maxOf(const std::vector<double> &v)
{
    return v.empty() ? -1 : *std::max_element(v.begin(), v.end());
}

inline double mb(long kib)
{
    return double(kib) * 1024 / 1e6;
}

inline qint64 threadCpuNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A "VmRSS:"-style field of /proc/self/status, in KiB.
inline long procStatusKiB(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::atol(line.c_str() + std::strlen(field));
    return -1;
}

// Resets VmHWM to the current VmRSS, so the next reading is the peak of what follows.
inline bool resetPeakRss()
{
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return bool(out);
}

inline std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// A 5 ms timer on the GUI thread; while recording, each tick keeps how late it came. The intervals
// from begin() to the first tick and from the last tick to end() count too: the click's own work and
// the panel's reaction to the end run there.
class StallMonitor {
public:
    struct Stalls {
        std::vector<double> lateMs;
        double worstAtMs = 0; // when the worst interval ended, after begin()
    };
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sample(); });
        m_timer.start();
    }
    void begin()
    {
        m_stalls = {};
        m_begin = m_last = nowNs();
        m_recording = true;
    }
    Stalls end()
    {
        sample();
        m_recording = false;
        return m_stalls;
    }

private:
    void sample()
    {
        const qint64 now = nowNs();
        if (m_recording) {
            const double late = std::max(0.0, double(now - m_last) / 1e6 - kTickMs);
            if (m_stalls.lateMs.empty() || late > maxOf(m_stalls.lateMs))
                m_stalls.worstAtMs = double(now - m_begin) / 1e6;
            m_stalls.lateMs.push_back(late);
        }
        m_last = now;
    }

    QTimer m_timer;
    qint64 m_begin = 0;
    qint64 m_last = 0;
    bool m_recording = false;
    Stalls m_stalls;
};

// Runs the event loop until done() holds or timeoutMs pass (no qWait: it sleeps 10 ms between rounds).
template<typename Pred> inline bool spin(Pred done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

} // namespace bench
