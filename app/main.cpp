// socket-workbench: the GUI when started without a verb; a headless command-line verb otherwise.

#include "cli/connectverb.h"
#include "cli/httpgetverb.h"
#include "cli/lookupverb.h"
#include "cli/serveverb.h"
#include "cli/timeverb.h"
#include "cli/tourverb.h"
#include "cli/udpverb.h"
#include "guiapp.h"
#include "net/sockutil.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace {

const char *const kVersion = "socket-workbench " SWB_VERSION;

void printHelp()
{
    std::printf(
        "%s\n"
        "Learn network programming by doing it: every socket call, traced.\n\n"
        "Usage:\n"
        "  socket-workbench                      start the app (the local lab starts with it)\n"
        "  socket-workbench connect HOST PORT    resolve, connect, show both endpoints\n"
        "  socket-workbench lookup service NAME|PORT\n"
        "                                        a service's port or a port's service (/etc/services, IANA)\n"
        "  socket-workbench lookup host [NAME|ADDRESS]\n"
        "                                        a name's addresses, an address's name, or this machine's\n"
        "                                        names and interfaces (getaddrinfo, getnameinfo, ...)\n"
        "  socket-workbench http-get URL         a web request over a bare socket, every step shown\n"
        "  socket-workbench udp HOST PORT        send UDP datagrams, see the replies, their senders and what\n"
        "                                        was lost (sendto/recvfrom, or --connected)\n"
        "  socket-workbench time HOST            ask a time server (time, daytime, sntp), decoded step by step\n"
        "  socket-workbench serve tcp|udp        run a server and print its trace\n"
        "  socket-workbench lab                  run the whole local lab\n"
        "  socket-workbench tour --out DIR       every panel run against the lab: a picture of each, and index.md\n"
        "  socket-workbench VERB --help          the options of a verb\n"
        "  socket-workbench --version\n\n"
        "Every verb takes --json. Exit codes: 0 ok, 2 usage, 3 resolve/address, 4 connect, 5 timeout,\n"
        "6 I/O, 7 protocol, 8 local.\n",
        kVersion);
}

} // namespace

int main(int argc, char **argv)
{
    // Every socket is a file descriptor: a server for a class, or many probes at once, outgrows the usual
    // soft limit of 1024 long before the hard limit, so take what the system allows, in every mode.
    swb::SockUtil::raiseOpenFileLimit();
    const char *verb = argc > 1 ? argv[1] : "";
    using Runner = int (*)(const QStringList &);
    Runner runner = nullptr;
    if (std::strcmp(verb, "connect") == 0)
        runner = swb::cli::runConnect;
    else if (std::strcmp(verb, "lookup") == 0)
        runner = swb::cli::runLookup;
    else if (std::strcmp(verb, "serve") == 0)
        runner = swb::cli::runServe;
    else if (std::strcmp(verb, "lab") == 0)
        runner = swb::cli::runLab;
    else if (std::strcmp(verb, "http-get") == 0)
        runner = swb::cli::runHttpGet;
    else if (std::strcmp(verb, "udp") == 0)
        runner = swb::cli::runUdp;
    else if (std::strcmp(verb, "time") == 0)
        runner = swb::cli::runTime;

    // Widgets need a QApplication, which the tour makes itself (like the GUI), so no QCoreApplication here.
    if (std::strcmp(verb, "tour") == 0)
        return swb::runTour(argc, argv);
    if (runner) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("SocketWorkbench"));
        QCoreApplication::setApplicationName(QStringLiteral("socket-workbench"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));
        return runner(QCoreApplication::arguments());
    }
    if (std::strcmp(verb, "--version") == 0 || std::strcmp(verb, "-v") == 0) {
        std::printf("%s\n", kVersion);
        return 0;
    }
    if (std::strcmp(verb, "--help") == 0 || std::strcmp(verb, "-h") == 0 || std::strcmp(verb, "help") == 0) {
        printHelp();
        return 0;
    }
    if (verb[0] != '\0' && verb[0] != '-') {
        std::fprintf(stderr,
            "socket-workbench: unknown verb '%s'. Verbs: connect, lookup, http-get, udp, time, serve, lab, tour. Try "
            "--help.\n",
            verb);
        return 2;
    }
    return swb::runGui(argc, argv); // Qt's own options (-platform, -style ...) go to the GUI
}
