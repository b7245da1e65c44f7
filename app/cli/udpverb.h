#pragma once

#include <QStringList>

namespace swb::cli {

// socket-workbench udp HOST PORT [...]: the seeds' UDP client. Sends datagrams (sendto, or send on
// a connected socket), prints every call and every datagram that comes back with its sender and
// round-trip time, then what was lost.
int runUdp(const QStringList &arguments);

} // namespace swb::cli
