#pragma once
// socket-workbench lookup host [NAME|ADDRESS] [-4|-6] [--json] [--timeout S] [--hide-addresses]:
// a name forward (getaddrinfo and gethostbyname_ex), a numeric address in reverse (getnameinfo and
// gethostbyaddr), or with no argument this machine's own facts (gethostname, getfqdn, has_ipv6,
// interfaces). The lookups run on swb::HostLookup's worker threads, never on the main thread.

#include <QStringList>

namespace swb::cli {
// arguments: program, "lookup host", then the subcommand's own arguments.
int runLookupHost(const QStringList &arguments);
} // namespace swb::cli
