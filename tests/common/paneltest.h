#pragma once
// What the GUI panel tests share: finding a control by its objectName (with a warning naming what is
// missing), a lab of the project's servers on ephemeral ports, showing a panel as a person sees it,
// and a UDP port where nothing listens.

#include "lab/locallab.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QWidget>

#include <memory>

namespace test {

template<typename T> T *named(QObject *root, const char *name)
{
    T *found = root->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

// The local lab on 127.0.0.1, every service on a port the system picks; null when it is not ready
// within 10 s.
inline std::unique_ptr<swb::LocalLab> startLab()
{
    auto lab = std::make_unique<swb::LocalLab>();
    lab->setEphemeralPorts(true);
    lab->start();
    if (!QTest::qWaitFor([&] { return lab->isReady(); }, 10000))
        return nullptr;
    return lab;
}

// Shows the panel at about a 1100x760 window's size and waits until it is on screen.
inline bool showPanel(QWidget *panel)
{
    panel->resize(1000, 760);
    panel->show();
    return QTest::qWaitForWindowExposed(panel);
}

// A UDP port on 127.0.0.1 that was free a moment ago (nothing listens there now).
inline quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : 0;
}

// The program a panel shows, run with python3: its exit code and what it printed. exitCode is -2
// when python3 is not installed (the caller skips, saying so), -1 when it did not finish in 20 s.
struct PythonRun {
    int exitCode = -1;
    QByteArray out;
};
inline PythonRun runPython(const QString &program)
{
    PythonRun r;
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        r.exitCode = -2;
        return r;
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("program.py")));
    if (!file.open(QIODevice::WriteOnly))
        return r;
    file.write(program.toUtf8());
    file.close();
    QProcess run;
    run.start(python, { file.fileName() });
    if (!run.waitForFinished(20000)) {
        run.kill();
        run.waitForFinished(5000);
        return r;
    }
    r.exitCode = run.exitStatus() == QProcess::NormalExit ? run.exitCode() : -1;
    r.out = run.readAllStandardOutput();
    return r;
}

} // namespace test
