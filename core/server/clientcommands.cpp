#include "server/clientcommands.h"

#include <QHostAddress>

namespace swb::ClientCommands {

bool isWildcard(const QString &bindAddress)
{
    return bindAddress == QLatin1String("0.0.0.0") || bindAddress == QLatin1String("::");
}

bool isLoopback(const QString &address)
{
    return QHostAddress(address).isLoopback();
}

QStringList reachableAddresses(const QString &bindAddress, const QStringList &interfaceAddresses)
{
    if (!isWildcard(bindAddress))
        return { bindAddress };
    // On Linux a socket bound to :: also takes IPv4 clients (unless IPV6_V6ONLY), so both families count.
    const bool v4 = true;
    const bool v6 = bindAddress == QLatin1String("::");
    QStringList out;
    if (v4)
        out << QStringLiteral("127.0.0.1");
    if (v6)
        out << QStringLiteral("::1");
    for (const QString &address : interfaceAddresses) {
        const QHostAddress a(address);
        if (a.isNull() || a.isLoopback() || out.contains(address))
            continue;
        if (a.protocol() == QAbstractSocket::IPv4Protocol && v4)
            out << address;
        else if (a.protocol() == QAbstractSocket::IPv6Protocol && v6 && !a.isLinkLocal())
            out << address;
    }
    return out;
}

QList<ClientCommand> forServer(const QString &host, quint16 port, Transport transport)
{
    const bool v6 = host.contains(QLatin1Char(':'));
    const QString family = v6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
    const QString p = QString::number(port);
    QList<ClientCommand> commands;
    if (transport == Transport::Tcp) {
        commands << ClientCommand { QStringLiteral("nc"), QStringLiteral("nc %1 %2").arg(host, p) };
        commands << ClientCommand { QStringLiteral("telnet"), QStringLiteral("telnet %1 %2").arg(host, p) };
        commands << ClientCommand { QStringLiteral("Python 3"),
            QStringLiteral("python3 -c \"from socket import *\n"
                           "s = socket(%1, SOCK_STREAM); s.connect(('%2', %3))\n"
                           "s.sendall(b'hello\\n'); print(s.recv(1024)); s.close()\"")
                .arg(family, host, p) };
        commands << ClientCommand { QStringLiteral("socket-workbench"),
            QStringLiteral("socket-workbench connect %1 %2 --send 'hello\\n'").arg(host, p) };
    } else {
        commands << ClientCommand { QStringLiteral("nc"), QStringLiteral("nc -u %1 %2").arg(host, p) };
        commands << ClientCommand { QStringLiteral("Python 3"),
            QStringLiteral("python3 -c \"from socket import *\n"
                           "s = socket(%1, SOCK_DGRAM); s.sendto(b'hello\\n', ('%2', %3))\n"
                           "s.settimeout(3); print(s.recvfrom(2048))\"")
                .arg(family, host, p) };
    }
    return commands;
}

} // namespace swb::ClientCommands
