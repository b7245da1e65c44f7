#pragma once
// socket-workbench connect HOST PORT|SERVICE: the Connect & Inspect session on the command line.

#include <QStringList>

namespace swb::cli {
int runConnect(const QStringList &arguments);
}
