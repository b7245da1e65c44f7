#pragma once
// "How to connect": what a teacher gives the class for a running server, the address and port to
// use and ready-to-copy client commands (nc, telnet, a three-line Python client, our own CLI).

#include "net/endpoint.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace swb {

struct ClientCommand {
    QString tool; // "nc", "telnet", "Python 3", "socket-workbench"
    QString command; // ready to paste into a terminal
};

namespace ClientCommands {

// True for 0.0.0.0 and ::, which accept clients on every interface.
bool isWildcard(const QString &bindAddress);
// True for 127.0.0.0/8 and ::1: only programs on this machine can connect.
bool isLoopback(const QString &address);

// The addresses a client can use for a server bound to bindAddress: the address itself, or for a
// wildcard bind, loopback and then the given interface addresses of the right families.
QStringList reachableAddresses(const QString &bindAddress, const QStringList &interfaceAddresses);

// The client commands for host:port (host numeric; IPv6 without brackets).
QList<ClientCommand> forServer(const QString &host, quint16 port, Transport transport);

} // namespace ClientCommands
} // namespace swb
