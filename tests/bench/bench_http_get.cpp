// HTTP GET benchmark: the CLI and the panel against the lab's web server in this process (127.0.0.1,
// port 0), side by side with curl in the same run:
//   1. `socket-workbench http-get URL --output /dev/null`  vs  `curl -s -o /dev/null URL` on the lab's
//      /bytes/104857600 (100 MiB), interleaved: median wall time, the ratio, peak RSS of the child
//      (wait4's ru_maxrss), throughput
//   2. the HTTP GET panel (shown, offscreen) downloading the same 100 MiB: the GUI event-loop stall
//      (lateness of a 5 ms timer), the download's wall time, this process's VmRSS / VmHWM around it
//   3. status and body bytes of each lab path, ours (--http 1.1) vs curl
// Usage: bench_http_get [RUNS]   (default 5 runs each in 1). Targets: wall time <= 1.5x curl's, peak
// RSS <= 150 MB, stall p99 <= 50 ms, every path identical to curl.
//
// Children are started by a small spawner process forked at the top of main, before Qt allocates
// anything: a forked child keeps its parent's anonymous pages until exec, and Linux counts them in
// the child's ru_maxrss, so forked from this process (Qt, the lab, the panel) curl would look as big
// as the bench. The floor that remains is measured with /bin/true and printed.

#include "benchutil.h"
#include "http/httpget.h"
#include "lab/locallab.h"
#include "panels/httppanel.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace swb;
using namespace bench;

namespace {

constexpr qint64 kBigBytes = qint64(100) << 20;
constexpr int kChildTimeoutMs = 60000;
constexpr int kGuiRuns = 3;
constexpr double kRatioTarget = 1.5;
constexpr double kRssTargetMB = 150;
constexpr double kStallTargetMs = 50;

// --- Children: fork/exec + wait4 in a small process ---------------------------------------------

struct ChildRun {
    bool started = false;
    bool timedOut = false;
    int status = 0; // as wait4 gives it
    double wallMs = 0; // fork to wait4
    long maxRssKiB = 0; // ru_maxrss
    double cpuMs = 0; // ru_utime + ru_stime: less disturbed by other load than wall time
    bool ok() const { return started && !timedOut && WIFEXITED(status) && WEXITSTATUS(status) == 0; }
    std::string outcome() const
    {
        if (!started)
            return "not started";
        if (timedOut)
            return "killed after " + std::to_string(kChildTimeoutMs / 1000) + " s";
        if (WIFSIGNALED(status))
            return "signal " + std::to_string(WTERMSIG(status));
        return "exit " + std::to_string(WEXITSTATUS(status));
    }
};

class Spawner {
public:
    // First thing in main: forks the spawner. False when it could not.
    bool start()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
            return false;
        m_pid = ::fork();
        if (m_pid < 0)
            return false;
        if (m_pid == 0) {
            ::close(fds[0]);
            serve(fds[1]);
        }
        ::close(fds[1]);
        m_fd = fds[0];
        return true;
    }
    ~Spawner()
    {
        if (m_fd >= 0) {
            ::close(m_fd); // the spawner sees end of file and exits
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    // Runs argv[0] (an absolute path) with stdin from /dev/null and stdout, stderr to files.
    ChildRun run(const std::vector<std::string> &argv, const std::string &out = "/dev/null",
        const std::string &err = "/dev/null") const
    {
        std::string request = out + '\0' + err + '\0';
        for (const std::string &a : argv)
            request += a + '\0';
        ChildRun r;
        if (m_fd < 0 || ::send(m_fd, request.data(), request.size(), 0) != ssize_t(request.size()))
            return r;
        pollfd p { m_fd, POLLIN, 0 };
        if (::poll(&p, 1, kChildTimeoutMs + 10000) != 1 || ::recv(m_fd, &r, sizeof r, 0) != ssize_t(sizeof r))
            return ChildRun {};
        return r;
    }

private:
    [[noreturn]] static void serve(int fd)
    {
        sigset_t chld;
        ::sigemptyset(&chld);
        ::sigaddset(&chld, SIGCHLD);
        ::sigprocmask(SIG_BLOCK, &chld, nullptr); // a blocked SIGCHLD stays pending for sigtimedwait
        static char buf[65536];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf - 1, 0);
            if (n <= 0)
                ::_exit(0);
            buf[n] = '\0';
            std::vector<char *> parts;
            for (char *s = buf; s < buf + n; s += std::strlen(s) + 1)
                parts.push_back(s);
            ChildRun r;
            if (parts.size() < 3) {
                ::send(fd, &r, sizeof r, 0);
                continue;
            }
            parts.push_back(nullptr);
            const timespec zero {};
            while (::sigtimedwait(&chld, nullptr, &zero) > 0) { }
            const qint64 start = nowNs();
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::sigprocmask(SIG_UNBLOCK, &chld, nullptr);
                ::setpgid(0, 0);
                const int in = ::open("/dev/null", O_RDONLY);
                const int o = ::open(parts[0], O_WRONLY | O_CREAT | O_TRUNC, 0644);
                const int e = ::open(parts[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (in < 0 || o < 0 || e < 0 || ::dup2(in, 0) < 0 || ::dup2(o, 1) < 0 || ::dup2(e, 2) < 0)
                    ::_exit(126);
                ::execv(parts[2], parts.data() + 2);
                ::_exit(127);
            }
            if (pid > 0) {
                r.started = true;
                rusage ru {};
                for (;;) {
                    if (::wait4(pid, &r.status, WNOHANG, &ru) == pid)
                        break;
                    const qint64 leftNs = qint64(kChildTimeoutMs) * 1000000 - (nowNs() - start);
                    if (leftNs <= 0) {
                        ::kill(-pid, SIGKILL);
                        ::kill(pid, SIGKILL);
                        ::wait4(pid, &r.status, 0, &ru);
                        r.timedOut = true;
                        break;
                    }
                    const timespec wait { time_t(leftNs / 1000000000), long(leftNs % 1000000000) };
                    ::sigtimedwait(&chld, nullptr, &wait);
                }
                r.wallMs = double(nowNs() - start) / 1e6;
                r.maxRssKiB = ru.ru_maxrss;
                r.cpuMs = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3
                    + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
            }
            ::send(fd, &r, sizeof r, 0);
        }
    }

    int m_fd = -1;
    pid_t m_pid = -1;
};

// --- The GUI thread's responsiveness ------------------------------------------------------------

// --- 1. CLI vs curl, 100 MiB --------------------------------------------------------------------

void benchBigDownload(const Spawner &spawner, const std::string &binary, const std::string &curl,
    const std::string &url, int runs, std::vector<std::string> *verdicts)
{
    std::printf(
        "\n=== 1. CLI vs curl: GET %s (100 MiB) to /dev/null, %d runs each, interleaved ===\n", url.c_str(), runs);
    if (curl.empty()) {
        std::printf("  SKIPPED: curl is not installed (apt-get install -y curl; listed in scripts/deps.sh "
                    "SWB_TEST_DEPS)\n");
        verdicts->push_back("wall time    SKIPPED: curl is not installed");
        verdicts->push_back("peak RSS     SKIPPED: curl is not installed");
        return;
    }
    const std::vector<std::string> ours { binary, "http-get", url, "--output", "/dev/null" };
    const std::vector<std::string> theirs { curl, "-s", "-o", "/dev/null", url };
    const ChildRun floor = spawner.run({ "/bin/true" });
    std::printf("  RSS floor: /bin/true started the same way peaks at %.1f MB\n", mb(floor.maxRssKiB));
    spawner.run(ours); // warm-up: page cache, the lab's pattern block; not counted
    spawner.run(theirs);

    // Alternated: each pair shares the machine's noise, and neither always runs first.
    auto interleave = [&](const std::vector<std::string> &a, const std::vector<std::string> &b, int n, bool print) {
        std::vector<ChildRun> ra, rb;
        for (int i = 0; i < n; ++i) {
            if (i % 2 == 0) {
                ra.push_back(spawner.run(a));
                rb.push_back(spawner.run(b));
            } else {
                rb.push_back(spawner.run(b));
                ra.push_back(spawner.run(a));
            }
            const ChildRun &x = ra.back(), &y = rb.back();
            if (print)
                std::printf("  %-4d %10.1f %10.1f %10.1f %10.1f %12.1f %12.1f%s%s\n", i + 1, x.wallMs, y.wallMs,
                    x.cpuMs, y.cpuMs, mb(x.maxRssKiB), mb(y.maxRssKiB),
                    x.ok() ? "" : ("   ours FAILED: " + x.outcome()).c_str(),
                    y.ok() ? "" : ("   curl FAILED: " + y.outcome()).c_str());
        }
        return std::make_pair(ra, rb);
    };
    struct Figures {
        std::vector<double> wall, cpu, rss;
        int failures = 0;
    };
    auto figures = [](const std::vector<ChildRun> &runs) {
        Figures f;
        for (const ChildRun &r : runs) {
            if (!r.ok()) {
                ++f.failures;
                continue;
            }
            f.wall.push_back(r.wallMs);
            f.cpu.push_back(r.cpuMs);
            f.rss.push_back(mb(r.maxRssKiB));
        }
        return f;
    };
    std::printf("  %-4s %10s %10s %10s %10s %12s %12s\n", "run", "ours ms", "curl ms", "ours CPU", "curl CPU",
        "ours RSS MB", "curl RSS MB");
    const auto [o, c] = interleave(ours, theirs, runs, true);
    const Figures of = figures(o), cf = figures(c);
    const double om = median(of.wall), cm = median(cf.wall);
    const double ratio = om > 0 && cm > 0 ? om / cm : -1;
    auto summary = [runs](const char *what, const Figures &f) {
        const double m = median(f.wall);
        std::printf("  %-28s median %7.1f ms (min %.1f, max %.1f) %7.1f MiB/s; CPU %.1f ms; failed %d/%d\n", what, m,
            f.wall.empty() ? -1 : *std::min_element(f.wall.begin(), f.wall.end()), maxOf(f.wall),
            m > 0 ? 100 / (m / 1000) : 0, median(f.cpu), f.failures, runs);
    };
    summary("socket-workbench http-get", of);
    summary("curl -s -o /dev/null", cf);
    std::printf("  %-28s %.2fx   (target <= %.1fx); CPU time %.2fx\n", "ratio ours / curl (medians)", ratio,
        kRatioTarget, median(cf.cpu) > 0 ? median(of.cpu) / median(cf.cpu) : -1);
    std::printf("  %-28s median %.1f MB, max %.1f MB   (target <= %.0f MB; MB = 10^6 bytes)\n",
        "peak RSS, socket-workbench", median(of.rss), maxOf(of.rss), kRssTargetMB);
    std::printf("  %-28s median %.1f MB, max %.1f MB   (reference)\n", "peak RSS, curl", median(cf.rss), maxOf(cf.rss));

    // The fixed cost in those figures: start-up, connect, an empty body.
    std::string empty = url.substr(0, url.rfind('/') + 1) + "0";
    const auto [o0, c0] = interleave(
        { binary, "http-get", empty, "--output", "/dev/null" }, { curl, "-s", "-o", "/dev/null", empty }, runs, false);
    const Figures of0 = figures(o0), cf0 = figures(c0);
    std::printf("  %-28s ours median %.1f ms (CPU %.1f), curl %.1f ms (CPU %.1f): the start-up part of the above\n",
        "fixed cost: GET /bytes/0", median(of0.wall), median(of0.cpu), median(cf0.wall), median(cf0.cpu));
    const std::vector<double> &oRss = of.rss, &cRss = cf.rss;
    const int oursFailed = of.failures;

    const bool wallOk = ratio > 0 && ratio <= kRatioTarget && oursFailed == 0;
    char line[300];
    std::snprintf(line, sizeof line,
        "wall time    %s: ours %.1f ms = %.2fx curl's %.1f ms (target <= %.1fx); %d of %d runs failed",
        wallOk ? "PASS" : "FAIL", om, ratio, cm, kRatioTarget, oursFailed, runs);
    verdicts->push_back(line);
    const bool rssOk = !oRss.empty() && maxOf(oRss) <= kRssTargetMB;
    std::snprintf(line, sizeof line, "peak RSS     %s: ours max %.1f MB (target <= %.0f MB); curl %.1f MB",
        rssOk ? "PASS" : "FAIL", maxOf(oRss), kRssTargetMB, maxOf(cRss));
    verdicts->push_back(line);
}

// --- 2. The panel, 100 MiB ----------------------------------------------------------------------

void benchPanel(LocalLab *lab, const QString &url, std::vector<std::string> *verdicts)
{
    std::printf(
        "\n=== 2. GUI stall while the HTTP GET panel downloads %s (100 MiB), %d runs ===\n", qPrintable(url), kGuiRuns);
    HttpPanel panel(lab);
    panel.resize(1100, 760);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::printf("  (the panel was not exposed; measuring anyway)\n");
    auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *get = panel.findChild<QPushButton *>(QStringLiteral("getButton"));
    if (!edit || !get) {
        std::printf("  FAILED: no urlEdit or getButton in the panel\n");
        verdicts->push_back("GUI stall    FAIL: the panel has no urlEdit / getButton");
        return;
    }
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, url);

    StallMonitor monitor;
    monitor.begin();
    {
        QEventLoop idleLoop;
        QTimer::singleShot(1000, &idleLoop, &QEventLoop::quit);
        idleLoop.exec();
    }
    const std::vector<double> idle = monitor.end().lateMs;
    std::printf("  idle baseline (1 s, nothing running): stall p50 %.2f / p99 %.1f / max %.1f ms over %zu ticks\n",
        percentile(idle, 0.5), percentile(idle, 0.99), maxOf(idle), idle.size());
    std::printf("  %-4s %9s %8s %32s %7s %9s %26s  %s\n", "run", "wall ms", "MiB/s", "stall p50/p99/max ms (max at)",
        "ticks", "GUI CPU", "VmRSS before->peak->after", "result");

    HttpGet *session = panel.session();
    std::vector<double> p99s, walls;
    int failures = 0;
    long worstGrowth = 0;
    const bool peakReset = resetPeakRss();
    for (int i = 0; i < kGuiRuns; ++i) {
        // Connected after the panel: the wall time includes its reaction to the end (the last render).
        QEventLoop loop;
        bool done = false;
        qint64 endNs = 0;
        const QMetaObject::Connection c = QObject::connect(session, &HttpGet::finished, &loop, [&] {
            done = true;
            endNs = nowNs();
            loop.quit();
        });
        QTimer::singleShot(kChildTimeoutMs, &loop, &QEventLoop::quit);
        resetPeakRss();
        const long rssBefore = procStatusKiB("VmRSS:");
        const qint64 cpu0 = threadCpuNs();
        monitor.begin();
        const qint64 start = nowNs();
        QTest::mouseClick(get, Qt::LeftButton);
        if (!done)
            loop.exec();
        const double wallMs = double((done ? endNs : nowNs()) - start) / 1e6;
        const StallMonitor::Stalls stalls = monitor.end();
        const std::vector<double> &stall = stalls.lateMs;
        const double cpuMs = double(threadCpuNs() - cpu0) / 1e6;
        const long peak = procStatusKiB("VmHWM:");
        const long rssAfter = procStatusKiB("VmRSS:");
        QObject::disconnect(c);
        if (!done)
            session->cancel();
        const HttpGetResult &r = session->result();
        const bool ok = done && r.ok() && r.head.status == 200 && r.bodyBytes == kBigBytes;
        failures += ok ? 0 : 1;
        if (ok) {
            walls.push_back(wallMs);
            p99s.push_back(percentile(stall, 0.99));
        }
        worstGrowth = std::max(worstGrowth, peak - rssBefore);
        const std::string result = !done ? std::string("TIMED OUT after 60 s")
            : ok
            ? "200, " + std::to_string(r.bodyBytes) + " bytes" + (session->body().spilled() ? ", in a temp file" : "")
            : "FAILED: status " + std::to_string(r.head.status) + ", " + std::to_string(r.bodyBytes) + " bytes, "
                + r.error.message.toStdString();
        char rss[64];
        std::snprintf(rss, sizeof rss, "%ld->%ld->%ld MB", long(mb(rssBefore)), long(mb(peak)), long(mb(rssAfter)));
        char st[80];
        std::snprintf(st, sizeof st, "%.2f / %.1f / %.1f (%.0f ms)", percentile(stall, 0.5), percentile(stall, 0.99),
            maxOf(stall), stalls.worstAtMs);
        std::printf("  %-4d %9.1f %8.1f %32s %7zu %6.0f ms %26s  %s\n", i + 1, wallMs, 100 / (wallMs / 1000), st,
            stall.size(), cpuMs, rss, result.c_str());
    }
    const double p99 = median(p99s);
    std::printf("  median of p99s %.1f ms (target <= %.0f ms); median wall %.1f ms (%.1f MiB/s); worst RSS growth "
                "%.1f MB (peak - before%s)\n",
        p99, kStallTargetMs, median(walls), walls.empty() ? 0 : 100 / (median(walls) / 1000), mb(worstGrowth),
        peakReset ? ", VmHWM reset before each run" : "; VmHWM could not be reset, so peak is the process's");
    char line[300];
    std::snprintf(line, sizeof line,
        "GUI stall    %s: median p99 %.1f ms over %d runs (target <= %.0f ms); idle p99 %.1f ms; "
        "%d failed; RSS growth <= %.1f MB",
        p99 >= 0 && p99 <= kStallTargetMs && failures == 0 ? "PASS" : "FAIL", p99, kGuiRuns, kStallTargetMs,
        percentile(idle, 0.99), failures, mb(worstGrowth));
    verdicts->push_back(line);
}

// --- 3. Correctness against curl ----------------------------------------------------------------

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray escaped(QByteArray b)
{
    return b.replace("\r", "\\r").replace("\n", "\\n");
}

void benchCorrectness(const Spawner &spawner, const std::string &binary, const std::string &curl, const QString &base,
    std::vector<std::string> *verdicts)
{
    std::printf("\n=== 3. Status and body bytes, ours (--http 1.1) vs curl (-H 'User-Agent:' -H 'Accept:' -H "
                "'Connection: close') ===\n");
    if (curl.empty()) {
        std::printf("  SKIPPED: curl is not installed\n");
        verdicts->push_back("correctness  SKIPPED: curl is not installed");
        return;
    }
    QTemporaryDir dir;
    const QString oursBody = dir.filePath(QStringLiteral("ours.body")),
                  oursErr = dir.filePath(QStringLiteral("ours.err"));
    const QString curlBody = dir.filePath(QStringLiteral("curl.body")),
                  curlCode = dir.filePath(QStringLiteral("curl.code"));
    int identical = 0;
    const QStringList paths { QStringLiteral("/"), QStringLiteral("/headers"), QStringLiteral("/chunked"),
        QStringLiteral("/status/404"), QStringLiteral("/redirect"), QStringLiteral("/bytes/1048576") };
    for (const QString &path : paths) {
        const std::string url = QString(base + path).toStdString();
        const ChildRun c = spawner.run({ curl, "-s", "-o", curlBody.toStdString(), "-w", "%{http_code}", "-H",
                                           "User-Agent:", "-H", "Accept:", "-H", "Connection: close", url },
            curlCode.toStdString());
        const ChildRun o
            = spawner.run({ binary, "http-get", url, "--http", "1.1", "--output", oursBody.toStdString(), "--json" },
                "/dev/null", oursErr.toStdString());
        int oursStatus = -1;
        for (const QByteArray &line : readAll(oursErr).split('\n')) {
            const QJsonObject j = QJsonDocument::fromJson(line).object();
            if (j.value(QStringLiteral("type")).toString() == QLatin1String("result"))
                oursStatus = j.value(QStringLiteral("status")).toInt(-1);
        }
        const int curlStatus = c.ok() ? readAll(curlCode).trimmed().toInt() : -1;
        const QByteArray ob = readAll(oursBody), cb = readAll(curlBody);
        const bool same = o.ok() && c.ok() && oursStatus == curlStatus && ob == cb;
        identical += same ? 1 : 0;
        if (same) {
            std::printf("  %-16s identical   status %d, %lld body bytes\n", qPrintable(path), curlStatus,
                static_cast<long long>(cb.size()));
        } else {
            qsizetype at = 0;
            while (at < ob.size() && at < cb.size() && ob[at] == cb[at])
                ++at;
            std::printf("  %-16s DIFFERENT   status ours %d curl %d; body ours %lld curl %lld bytes, first difference "
                        "at byte %lld; ours %s, curl %s\n",
                qPrintable(path), oursStatus, curlStatus, static_cast<long long>(ob.size()),
                static_cast<long long>(cb.size()), static_cast<long long>(at), o.outcome().c_str(),
                c.outcome().c_str());
        }
        if (path == QLatin1String("/headers")) {
            std::printf("  %-16s the request the lab echoed: curl \"%s\"\n", "", escaped(cb).constData());
            if (ob != cb)
                std::printf("  %-16s                               ours \"%s\"\n", "", escaped(ob).constData());
        }
    }
    char line[200];
    std::snprintf(line, sizeof line, "correctness  %s: %d of %lld paths identical to curl (status and body bytes)",
        identical == paths.size() ? "PASS" : "FAIL", identical, static_cast<long long>(paths.size()));
    verdicts->push_back(line);
}

} // namespace

int main(int argc, char **argv)
{
    Spawner spawner; // before Qt allocates anything: see the top of the file
    const bool spawnerOk = spawner.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    const std::string binary = SWB_BINARY;
    const std::string curl = QStandardPaths::findExecutable(QStringLiteral("curl")).toStdString();
    const qint64 start = nowNs();
    const std::string loadStart = loadAverage();

    std::printf("Socket Workbench HTTP GET benchmark (%u cores, load average %s, QT_QPA_PLATFORM=%s)\n",
        std::thread::hardware_concurrency(), loadStart.c_str(), qgetenv("QT_QPA_PLATFORM").constData());
    std::printf("  ours: %s\n  peer: %s\n", binary.c_str(), curl.empty() ? "curl: not installed" : curl.c_str());
    if (!spawnerOk) {
        std::printf("could not fork the spawner process\n");
        return 1;
    }

    // The lab in this process; its servers run on their own worker thread.
    LocalLab lab;
    lab.setEphemeralPorts(true);
    lab.start();
    if (!spin([&lab] { return lab.isReady(); }, 10000) || lab.port(QStringLiteral("http")) == 0) {
        std::printf("the lab's HTTP server did not start\n");
        return 1;
    }
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(lab.port(QStringLiteral("http")));
    const QString big = base + QStringLiteral("/bytes/") + QString::number(kBigBytes);
    std::printf("  lab HTTP server: %s\n", qPrintable(base));

    std::vector<std::string> verdicts;
    benchBigDownload(spawner, binary, curl, big.toStdString(), runs, &verdicts);
    benchPanel(&lab, big, &verdicts);
    benchCorrectness(spawner, binary, curl, base, &verdicts);
    lab.stop();

    std::printf("\n=== Verdicts (%.0f s in all; load average %s at the start, %s at the end) ===\n",
        double(nowNs() - start) / 1e9, loadStart.c_str(), loadAverage().c_str());
    for (const std::string &v : verdicts)
        std::printf("  %s\n", v.c_str());
    return 0;
}
