#pragma once
// Runs the built binary (SWB_BINARY) with arguments and collects its exit code and output, for the
// tests of the command-line verbs. This thread's event loop keeps running meanwhile, so servers the
// test started on it go on serving.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace swb::test {

struct CliRun {
    int exitCode = -1; // -1: killed by a signal, or timed out
    QString out;
    QString err;
};

inline QString cliBinary()
{
    return qEnvironmentVariable("SWB_BINARY");
}

inline CliRun runCli(const QStringList &args, int timeoutMs = 15000)
{
    QProcess p;
    p.start(cliBinary(), args);
    CliRun r;
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace swb::test
