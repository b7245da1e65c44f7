#pragma once
// socket-workbench lookup SUBCOMMAND ...: the Lookup panel on the command line. Subcommands:
// "service NAME|PORT [--proto tcp|udp]" (getservbyname / getservbyport and IANA's registry) and
// "host [NAME|ADDRESS] [-4|-6]" (getaddrinfo, gethostbyname_ex, getnameinfo, gethostbyaddr, or this
// machine's own facts; see lookuphost.h).

#include <QStringList>

namespace swb::cli {
int runLookup(const QStringList &arguments);
}
