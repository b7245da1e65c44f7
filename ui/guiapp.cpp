#include "guiapp.h"

#include "appsettings.h"
#include "firstexposewatcher.h"
#include "lab/locallab.h"
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <memory>

namespace swb {

namespace {

// Longest the start-up benchmark waits for the window and the lab.
constexpr int kExitAfterShowLabWaitMs = 10000;

void printTiming(const char *what, const QElapsedTimer &since)
{
    std::printf("%s %lld\n", what, static_cast<long long>(since.elapsed()));
    std::fflush(stdout);
}

} // namespace

int runGui(int &argc, char **argv)
{
    // First, so "shown" and "lab" count from the start of runGui.
    QElapsedTimer sinceStart;
    sinceStart.start();

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SocketWorkbench"));
    QApplication::setApplicationName(QStringLiteral("socket-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));
    // Before any text is made: the remembered language, or the system's.
    Language::instance()->restore();
    QApplication::setApplicationDisplayName(QCoreApplication::translate("swb::GuiApp", "Socket Workbench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socket-workbench.svg")));

    const bool exitAfterShow = qEnvironmentVariable("SWB_EXIT_AFTER_SHOW") == QLatin1String("1");
    bool shown = false;
    bool labSettled = true;

    auto quitWhenMeasured = [&] {
        if (exitAfterShow && shown && labSettled)
            QCoreApplication::quit();
    };

    std::unique_ptr<LocalLab> lab;
    if (AppSettings::value(AppSettings::labEnabledKey(), true).toBool()) {
        lab = std::make_unique<LocalLab>();
        if (exitAfterShow) {
            labSettled = false;
            QObject::connect(lab.get(), &LocalLab::ready, lab.get(), [&] {
                printTiming("lab", sinceStart);
                labSettled = true;
                quitWhenMeasured();
            });
        }
        lab->start();
    }

    auto window = std::make_unique<MainWindow>(lab.get());
    // --panel NAME opens a panel directly (tutorial authors, screenshots): connect, server, lookup, http, udp, time.
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype panelArg = arguments.indexOf(QStringLiteral("--panel"));
    if (panelArg > 0 && panelArg + 1 < arguments.size() && !window->showPanel(arguments.at(panelArg + 1)))
        std::fprintf(stderr, "socket-workbench: no panel named '%s' (connect, server, lookup, http, udp, time)\n",
            qPrintable(arguments.at(panelArg + 1)));
    std::unique_ptr<FirstExposeWatcher> watcher;
    if (exitAfterShow) {
        window->winId(); // creates the native window, so its first expose can be watched
        watcher = std::make_unique<FirstExposeWatcher>(window->windowHandle());
        QObject::connect(watcher.get(), &FirstExposeWatcher::exposed, window.get(), [&] {
            printTiming("shown", sinceStart);
            shown = true;
            quitWhenMeasured();
        });
        // A lab that never settles (or a window never exposed) must not keep the benchmark waiting forever.
        QTimer::singleShot(kExitAfterShowLabWaitMs, window.get(), [] { QCoreApplication::quit(); });
    }
    window->show();

    const int code = QApplication::exec();

    // The window's sessions go before the lab they may be talking to.
    watcher.reset();
    window.reset();
    if (lab)
        lab->stop();
    lab.reset();
    return code;
}

} // namespace swb
