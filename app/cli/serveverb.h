#pragma once
// socket-workbench serve tcp|udp: one ListenServer in the foreground, its trace on stdout.
// socket-workbench lab: the whole local lab, its services and ports on stdout.

#include <QStringList>

namespace swb::cli {
int runServe(const QStringList &arguments);
int runLab(const QStringList &arguments);
} // namespace swb::cli
