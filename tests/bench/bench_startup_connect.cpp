// Start-up and connect benchmark. Prints medians over several runs, side by side with named peers
// measured in the same run:
//   start-up to the first shown main window (offscreen, lab on)  vs  an empty Qt Widgets window
//   the same start-up in Simplified Chinese (the translation loaded and every panel built in it)
//   `socket-workbench tour` (every panel driven through a real run, pictures and transcripts saved),
//     in English and in Chinese, beside the start-up alone
//   `socket-workbench connect` to the lab's echo service          vs  ncat -z and socat
// Usage: bench_startup_connect [RUNS]   (default 15; the tour runs a third as often, at least 3 times).
// Targets: start-up <= 200 ms, connect <= 20 ms.

#include "lab/locallab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace swb;

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Timing {
    std::vector<double> wallMs;
    std::vector<double> reportedMs; // what the program printed as "shown N", if anything
    int failures = 0;
};

Timing timeCommand(const QString &program, const QStringList &args, const QProcessEnvironment &env, int runs,
    const QByteArray &reportedKey = {})
{
    Timing t;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        p.start(program, args);
        if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            p.kill();
            p.waitForFinished();
            ++t.failures;
            continue;
        }
        t.wallMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!reportedKey.isEmpty()) {
            for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
                if (line.startsWith(QByteArray(reportedKey + ' ')))
                    t.reportedMs.push_back(line.mid(reportedKey.size() + 1).toDouble());
        }
    }
    return t;
}

void printRow(const char *what, const Timing &t, const char *note = "")
{
    std::printf("  %-50s median %8.2f ms   (min %7.2f, max %7.2f, n=%zu%s%s)\n", what, median(t.wallMs),
        t.wallMs.empty() ? -1.0 : *std::min_element(t.wallMs.begin(), t.wallMs.end()),
        t.wallMs.empty() ? -1.0 : *std::max_element(t.wallMs.begin(), t.wallMs.end()), t.wallMs.size(),
        t.failures ? ", FAILURES" : "", note);
}

int baselineWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1100, 720);
    window.show();
    QTimer::singleShot(0, &app, [] { QCoreApplication::quit(); });
    return QApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--baseline-window") == 0)
        return baselineWindow(argc, argv);

    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, QByteArray(argv[1]).toInt()) : 15;
    const QString binary = QStringLiteral(SWB_BINARY);

    QTemporaryDir home; // fresh settings: the lab is on, as for a newcomer
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    env.remove(QStringLiteral("SWB_NO_SETTINGS"));

    std::printf("Socket Workbench start-up and connect benchmark, %d runs each\n\n", runs);

    std::printf("Start-up to the first shown main window (offscreen, local lab on):\n");
    QProcessEnvironment guiEnv = env;
    guiEnv.insert(QStringLiteral("SWB_EXIT_AFTER_SHOW"), QStringLiteral("1"));
    const Timing ours = timeCommand(binary, {}, guiEnv, runs, "shown");
    const Timing peer
        = timeCommand(QCoreApplication::applicationFilePath(), { QStringLiteral("--baseline-window") }, env, runs);
    printRow("socket-workbench (process start to exit)", ours);
    std::printf("  %-50s median %8.2f ms   (target <= 200 ms)\n", "socket-workbench: runGui() to window shown",
        median(ours.reportedMs));
    printRow("peer: empty Qt QMainWindow (start to exit)", peer);
    QProcessEnvironment chineseEnv = guiEnv;
    chineseEnv.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    chineseEnv.insert(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
    const Timing chinese = timeCommand(binary, {}, chineseEnv, runs, "shown");
    printRow("socket-workbench in Chinese (start to exit)", chinese);
    std::printf("  %-50s median %8.2f ms   (target <= 200 ms)\n", "in Chinese: runGui() to window shown",
        median(chinese.reportedMs));

    // The tour: its own lab, six panels each through a real run, a PNG and a transcript each.
    const int tourRuns = std::max(3, runs / 3);
    std::printf("\nThe tour, %d runs (six panels, lab on ephemeral ports, offscreen):\n", tourRuns);
    QTemporaryDir tourDir;
    for (const char *lang : { "en", "zh_CN" }) {
        const Timing tour = timeCommand(binary,
            { QStringLiteral("tour"), QStringLiteral("--out"), tourDir.filePath(QString::fromLatin1(lang)),
                QStringLiteral("--lang"), QString::fromLatin1(lang) },
            env, tourRuns);
        printRow(qPrintable(
                     QStringLiteral("socket-workbench tour --lang %1 (whole process)").arg(QString::fromLatin1(lang))),
            tour);
    }
    std::printf("  %-50s median %8.2f ms   (what the tour adds is six runs, six pictures, six transcripts)\n",
        "reference: start-up alone (above)", median(ours.wallMs));

    // The lab for the connect runs lives in this process, on its own worker thread.
    LocalLab lab;
    lab.setEphemeralPorts(true);
    bool ready = false;
    QObject::connect(&lab, &LocalLab::ready, &app, [&] { ready = true; });
    lab.start();
    QElapsedTimer wait;
    wait.start();
    while (!ready && wait.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const QString port = QString::number(lab.port(QStringLiteral("echo")));
    if (!ready || port == QLatin1String("0")) {
        std::printf("the lab did not start\n");
        return 1;
    }

    std::printf("\nOne TCP connect to the lab's echo service (127.0.0.1:%s), whole process:\n", qPrintable(port));
    printRow("socket-workbench connect 127.0.0.1 PORT",
        timeCommand(binary, { QStringLiteral("connect"), QStringLiteral("127.0.0.1"), port }, env, runs),
        "; target <= 20 ms");
    const QString ncat = QStandardPaths::findExecutable(QStringLiteral("ncat"));
    if (!ncat.isEmpty())
        printRow("peer: ncat -z 127.0.0.1 PORT",
            timeCommand(ncat, { QStringLiteral("-z"), QStringLiteral("127.0.0.1"), port }, env, runs));
    else
        std::printf("  peer ncat: not installed\n");
    const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
    if (!socat.isEmpty())
        printRow("peer: socat /dev/null TCP:127.0.0.1:PORT",
            timeCommand(socat,
                { QStringLiteral("-u"), QStringLiteral("/dev/null"), QStringLiteral("TCP:127.0.0.1:") + port }, env,
                runs));
    else
        std::printf("  peer socat: not installed\n");
    lab.stop();
    return 0;
}
