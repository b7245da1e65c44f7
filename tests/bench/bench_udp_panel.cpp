// UDP panel benchmark: the panel (shown, offscreen) sends 100,000 datagrams to the lab's UDP echo in
// this process (127.0.0.1, port 0) with its receive window open, and we count what came back and how
// late a 5 ms timer on the GUI thread ran meanwhile. Side by side in the same run, the same 100,000
// datagrams sent by:
//   - the seed's way in Python (python3: sendto, then recvfrom with a timeout, one at a time), and
//   - the `socket-workbench udp` CLI (the same UdpSession, no GUI).
// Usage: bench_udp_panel [RUNS] [DATAGRAMS]   (defaults 3 and 100000). Target: stall p99 <= 50 ms
// with every count exact (sent = DATAGRAMS; received and lost printed as they are).

#include "benchutil.h"
#include "lab/locallab.h"
#include "panels/udppanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace swb;
using namespace bench;

namespace {

constexpr int kWindowMs = 2000;
constexpr int kRunTimeoutMs = 120000;
constexpr double kStallTargetMs = 50;

// The system's count of UDP datagrams dropped because a socket's receive buffer was full
// (/proc/net/snmp, this network namespace): where datagrams sent as fast as possible are lost.
qint64 rcvbufErrors()
{
    std::ifstream in("/proc/net/snmp");
    std::string header;
    std::string values;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Udp: ", 0) != 0)
            continue;
        if (header.empty()) {
            header = line;
        } else {
            values = line;
            break;
        }
    }
    const QList<QByteArray> names = QByteArray::fromStdString(header).split(' ');
    const QList<QByteArray> numbers = QByteArray::fromStdString(values).split(' ');
    const qsizetype i = names.indexOf("RcvbufErrors");
    return i >= 0 && i < numbers.size() ? numbers[i].toLongLong() : -1;
}

struct Counts {
    bool done = false;
    qint64 bufferDrops = -1; // RcvbufErrors during the run, both ends together
    qint64 sent = 0;
    qint64 received = 0;
    qint64 answered = 0;
    double wallMs = 0;
    QString note;
};

void printCounts(const char *who, int run, const Counts &c, const char *extra = "")
{
    std::printf("  %-26s %3d %9.1f %10.0f %9lld %9lld %9lld %8lld %8lld  %s%s\n", who, run, c.wallMs,
        c.wallMs > 0 ? double(c.sent) / (c.wallMs / 1000) : 0.0, c.sent, c.received, c.answered, c.sent - c.answered,
        c.bufferDrops, extra, c.done ? "" : qPrintable(QStringLiteral(" FAILED: ") + c.note));
}

// Measures f()'s run, adding the receive-buffer drops that happened during it.
template<typename F> Counts withBufferDrops(F f)
{
    const qint64 before = rcvbufErrors();
    Counts c = f();
    const qint64 after = rcvbufErrors();
    c.bufferDrops = before >= 0 && after >= 0 ? after - before : -1;
    return c;
}

// --- The panel ---------------------------------------------------------------------------------------

Counts panelRun(UdpPanel &panel, StallMonitor &monitor, StallMonitor::Stalls *stalls, double *cpuMs, long *rssGrowth)
{
    Counts c;
    auto *send = panel.findChild<QPushButton *>(QStringLiteral("sendButton"));
    QEventLoop loop;
    bool finished = false;
    qint64 endNs = 0;
    const QMetaObject::Connection connection = QObject::connect(&panel, &UdpPanel::runsFinished, &loop, [&] {
        finished = true;
        endNs = nowNs();
        loop.quit();
    });
    QTimer::singleShot(kRunTimeoutMs, &loop, &QEventLoop::quit);
    resetPeakRss();
    const long rssBefore = procStatusKiB("VmRSS:");
    const qint64 cpu0 = threadCpuNs();
    monitor.begin();
    const qint64 start = nowNs();
    QTest::mouseClick(send, Qt::LeftButton);
    if (!finished)
        loop.exec();
    c.wallMs = double((finished ? endNs : nowNs()) - start) / 1e6;
    *stalls = monitor.end();
    *cpuMs = double(threadCpuNs() - cpu0) / 1e6;
    *rssGrowth = procStatusKiB("VmHWM:") - rssBefore;
    QObject::disconnect(connection);
    if (!finished) {
        panel.findChild<QPushButton *>(QStringLiteral("stopButton"))->click();
        c.note = QStringLiteral("timed out");
        return c;
    }
    const UdpSessionResult &r = panel.session(false)->result();
    c.done = r.ok();
    c.note = r.error.message;
    c.sent = r.sent;
    c.received = r.received;
    c.answered = r.answered;
    // Every datagram the session counted is in the panel's model too (its newest rows) or was trimmed.
    const UdpDatagramModel *model = panel.datagramModel(false);
    if (model->rowCount() + model->droppedRows() != r.sent + r.received) {
        c.done = false;
        c.note = QStringLiteral("the table has %1 rows (+%2 trimmed) for %3 datagrams")
                     .arg(model->rowCount())
                     .arg(model->droppedRows())
                     .arg(r.sent + r.received);
    }
    return c;
}

// --- The peers ---------------------------------------------------------------------------------------

// Runs a program to its end (a benchmark may wait), with a deadline.
QByteArray runProgram(const QString &program, const QStringList &arguments, double *wallMs, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 start = nowNs();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = process.errorString();
        return {};
    }
    if (!process.waitForFinished(kRunTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *error = QStringLiteral("timed out");
        return {};
    }
    *wallMs = double(nowNs() - start) / 1e6;
    if (process.exitStatus() != QProcess::NormalExit)
        *error = QStringLiteral("crashed");
    return process.readAllStandardOutput();
}

// The seed's client, in a loop: sendto, then recvfrom with a timeout (a lost reply costs the timeout).
const char *kPythonClient = R"PY(
import socket, sys, time
host, port, n, wait = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(wait)
sent = received = 0
for i in range(n):
    s.sendto(b'hello', (host, port))
    sent += 1
    try:
        data, addr = s.recvfrom(65536)
        received += 1
    except socket.timeout:
        pass
print(sent, received)
)PY";

Counts pythonRun(const QString &script, quint16 port, int datagrams)
{
    Counts c;
    QString error;
    const QByteArray out = runProgram(QStringLiteral("python3"),
        { script, QStringLiteral("127.0.0.1"), QString::number(port), QString::number(datagrams),
            QString::number(kWindowMs / 1000.0) },
        &c.wallMs, &error);
    const QList<QByteArray> parts = out.trimmed().split(' ');
    if (!error.isEmpty() || parts.size() != 2) {
        c.note = error.isEmpty() ? QString::fromUtf8(out) : error;
        return c;
    }
    c.done = true;
    c.sent = parts[0].toLongLong();
    c.received = parts[1].toLongLong();
    c.answered = c.received; // lock-step: each reply answers the datagram just sent
    return c;
}

Counts cliRun(quint16 port, int datagrams)
{
    Counts c;
    QString error;
    const QByteArray out = runProgram(QStringLiteral(SWB_BINARY),
        { QStringLiteral("udp"), QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("--data"),
            QStringLiteral("hello"), QStringLiteral("--count"), QString::number(datagrams),
            QStringLiteral("--interval"), QStringLiteral("0"), QStringLiteral("--wait"),
            QString::number(kWindowMs / 1000.0), QStringLiteral("--json") },
        &c.wallMs, &error);
    // The last JSON line is the result.
    const QList<QByteArray> lines = out.trimmed().split('\n');
    const QJsonObject result = lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last()).object();
    if (!error.isEmpty() || !result.contains(QStringLiteral("sent"))) {
        c.note = error.isEmpty() ? QStringLiteral("no result line: ") + QString::fromUtf8(lines.value(lines.size() - 1))
                                 : error;
        return c;
    }
    c.done = true;
    c.sent = result.value(QStringLiteral("sent")).toInteger();
    c.received = result.value(QStringLiteral("received")).toInteger();
    c.answered = c.sent - result.value(QStringLiteral("unanswered")).toInteger();
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("SWB_NO_SETTINGS", "1");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const int datagrams = argc > 2 ? std::max(1, std::atoi(argv[2])) : 100000;

    LocalLab lab;
    lab.setEphemeralPorts(true);
    lab.start();
    if (!spin([&] { return lab.isReady(); }, 10000) || lab.port(QStringLiteral("echo"), Transport::Udp) == 0) {
        std::printf("FAILED: the lab's UDP echo did not start\n");
        return 1;
    }
    const quint16 port = lab.port(QStringLiteral("echo"), Transport::Udp);
    std::printf("UDP panel benchmark: %d datagrams of 5 bytes to the lab's UDP echo on 127.0.0.1:%u, interval 0, "
                "receive window %d ms (ended early once every datagram has a reply)\nload average before: %s\n",
        datagrams, port, kWindowMs, loadAverage().c_str());

    UdpPanel panel(&lab);
    panel.resize(1100, 760);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::printf("  (the panel was not exposed; measuring anyway)\n");
    auto *mode = panel.findChild<QComboBox *>(QStringLiteral("modeCombo"));
    mode->setCurrentIndex(mode->findData(int(UdpPanel::Mode::Unconnected)));
    panel.findChild<QSpinBox *>(QStringLiteral("countSpin"))->setValue(datagrams);
    panel.findChild<QSpinBox *>(QStringLiteral("intervalSpin"))->setValue(0);
    panel.findChild<QDoubleSpinBox *>(QStringLiteral("windowSpin"))->setValue(kWindowMs / 1000.0);
    panel.findChild<QCheckBox *>(QStringLiteral("finishWhenAnsweredCheck"))->setChecked(true);

    StallMonitor monitor;
    monitor.begin();
    spin([] { return false; }, 1000);
    const std::vector<double> idle = monitor.end().lateMs;
    std::printf("idle baseline (1 s): stall p50 %.2f / p99 %.1f / max %.1f ms\n\n", percentile(idle, 0.5),
        percentile(idle, 0.99), maxOf(idle));

    std::printf("  %-26s %3s %9s %10s %9s %9s %9s %8s %8s  %s\n", "who", "run", "wall ms", "datagr/s", "sent",
        "received", "answered", "lost", "rcvbuf", "GUI stall p50/p99/max ms, GUI CPU, RSS growth");
    std::vector<double> p99s;
    int failures = 0;
    QTemporaryDir scratch;
    const QString script = scratch.filePath(QStringLiteral("seed_udp_client.py"));
    {
        QFile f(script);
        if (f.open(QIODevice::WriteOnly))
            f.write(kPythonClient);
    }
    const bool havePython = !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
    for (int i = 1; i <= runs; ++i) {
        StallMonitor::Stalls stalls;
        double cpuMs = 0;
        long growth = 0;
        const Counts c = withBufferDrops([&] { return panelRun(panel, monitor, &stalls, &cpuMs, &growth); });
        char extra[160];
        std::snprintf(extra, sizeof extra, "%.2f / %.1f / %.1f, %.0f ms, %.1f MB", percentile(stalls.lateMs, 0.5),
            percentile(stalls.lateMs, 0.99), maxOf(stalls.lateMs), cpuMs, mb(growth));
        printCounts("UDP panel (unconnected)", i, c, extra);
        if (c.done && c.sent == datagrams)
            p99s.push_back(percentile(stalls.lateMs, 0.99));
        else
            ++failures;
        printCounts("socket-workbench udp CLI", i, withBufferDrops([&] { return cliRun(port, datagrams); }));
        if (havePython)
            printCounts("python3 seed client", i, withBufferDrops([&] { return pythonRun(script, port, datagrams); }));
        else
            std::printf("  python3 seed client        SKIPPED: python3 is not installed\n");
    }
    const double p99 = median(p99s);
    std::printf("\nwall ms includes the receive window after the last send when a reply is missing (the panel ends "
                "early once every datagram has a reply; the CLI always waits it out). lost = sent - answered; rcvbuf = "
                "datagrams the system dropped during the run because a receive buffer was full (RcvbufErrors in "
                "/proc/net/snmp, either end).\n");
    std::printf("\nGUI stall %s: median of %zu p99s %.1f ms (target <= %.0f ms); %d run(s) failed or sent fewer "
                "than %d\n",
        p99 >= 0 && p99 <= kStallTargetMs && failures == 0 ? "PASS" : "FAIL", p99s.size(), p99, kStallTargetMs,
        failures, datagrams);
    lab.stop();
    return failures == 0 && p99 <= kStallTargetMs ? 0 : 1;
}
