#pragma once
// socket-workbench lookup SUBCOMMAND ...: the Lookup panel on the command line. Subcommands:
// "service NAME|PORT [--proto tcp|udp]" (getservbyname / getservbyport and IANA's registry).

#include <QStringList>

namespace swb::cli {
int runLookup(const QStringList &arguments);
}
