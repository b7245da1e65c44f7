#include "learn/equivalentcode.h"

#include <QHostAddress>
#include <QLocale>
#include <QStringList>

namespace swb::EquivalentCode {

namespace {

constexpr int kRunThreshold = 64; // a run of one byte longer than this is written as a repetition
constexpr int kHexThreshold = 200; // longer binary data is written as hex

bool isRunOfOneByte(const QByteArray &bytes)
{
    return bytes.size() > kRunThreshold && bytes.count(bytes.front()) == bytes.size();
}

bool isMostlyText(const QByteArray &bytes)
{
    int printable = 0;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 0x20 && u < 0x7f) || c == '\r' || c == '\n' || c == '\t')
            ++printable;
    }
    return printable * 10 >= bytes.size() * 9;
}

QString seconds(int ms)
{
    return QLocale::c().toString(ms / 1000.0, 'g', 6);
}

// The port line of a Python program: a number as it is, a service name looked up as the seeds do.
QStringList pythonPort(const QString &port, const QString &protocol, quint16 fallback = 0)
{
    bool numeric = false;
    const uint number = port.toUInt(&numeric);
    if (port.isEmpty())
        return { QStringLiteral("port = %1  # the protocol's own port").arg(fallback) };
    if (numeric)
        return { QStringLiteral("port = %1").arg(number) };
    return {
        QStringLiteral("try:"),
        QStringLiteral("    port = socket.getservbyname(%1, '%2')").arg(pythonString(port), protocol),
        QStringLiteral("except socket.error as e:"),
        QStringLiteral("    print(\"Couldn't find your port: %s\" % e)"),
        QStringLiteral("    sys.exit(1)"),
    };
}

QString indent(const QStringList &lines, int spaces)
{
    QStringList out;
    const QString pad(spaces, QLatin1Char(' '));
    for (const QString &line : lines)
        out << (line.isEmpty() ? line : pad + line);
    return out.join(QLatin1Char('\n'));
}

bool isIPv6Request(AddressFamily family, const QString &host)
{
    return family == AddressFamily::IPv6 || QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol;
}

// C++: the port as a number, or the service looked up in /etc/services (the C library's getservbyname).
QStringList cppPort(const QString &port, const QString &protocol, quint16 fallback = 0)
{
    bool numeric = false;
    const uint number = port.toUInt(&numeric);
    if (port.isEmpty())
        return { QStringLiteral("    const quint16 port = %1; // the protocol's own port").arg(fallback) };
    if (numeric)
        return { QStringLiteral("    const quint16 port = %1;").arg(number) };
    return {
        QStringLiteral("    const servent *service = getservbyname(%1, %2);").arg(cString(port), cString(protocol)),
        QStringLiteral("    if (!service) {"),
        QStringLiteral("        std::fprintf(stderr, \"Couldn't find your port: %s\\n\", %1);").arg(cString(port)),
        QStringLiteral("        return 1;"),
        QStringLiteral("    }"),
        QStringLiteral("    const quint16 port = ntohs(quint16(service->s_port));"),
    };
}

} // namespace

// --- Literals ---------------------------------------------------------------------------------

QString pythonBytes(const QByteArray &bytes)
{
    if (isRunOfOneByte(bytes))
        return QStringLiteral("%1 * %2").arg(pythonBytes(bytes.left(1))).arg(bytes.size());
    if (bytes.size() > kHexThreshold && !isMostlyText(bytes))
        return QStringLiteral("bytes.fromhex('%1')").arg(QString::fromLatin1(bytes.toHex()));
    QString out = QStringLiteral("b'");
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\'':
            out += QStringLiteral("\\'");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (u >= 0x20 && u < 0x7f)
                out += QLatin1Char(c);
            else
                out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        }
    }
    return out + QLatin1Char('\'');
}

QString pythonString(const QString &text)
{
    QString out = QStringLiteral("'");
    for (QChar c : text) {
        if (c == u'\\' || c == u'\'') {
            out += QLatin1Char('\\');
            out += c;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')); // a pasted line break, a NUL
        } else {
            out += c;
        }
    }
    return out + QLatin1Char('\'');
}

QString cppBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QStringLiteral("QByteArray()");
    if (isRunOfOneByte(bytes)) {
        const auto u = static_cast<unsigned char>(bytes.front());
        const bool plain = u >= 0x20 && u < 0x7f && u != '\'' && u != '\\';
        return QStringLiteral("QByteArray(%1, %2)")
            .arg(bytes.size())
            .arg(plain ? QStringLiteral("'%1'").arg(QLatin1Char(char(u)))
                       : QStringLiteral("char(0x%1)").arg(u, 2, 16, QLatin1Char('0')));
    }
    if (bytes.size() > kHexThreshold && !isMostlyText(bytes))
        return QStringLiteral("QByteArray::fromHex(\"%1\")").arg(QString::fromLatin1(bytes.toHex()));
    QString out = QStringLiteral("QByteArray(\"");
    bool lastWasHex = false;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        QString piece;
        switch (c) {
        case '\\':
            piece = QStringLiteral("\\\\");
            break;
        case '"':
            piece = QStringLiteral("\\\"");
            break;
        case '\r':
            piece = QStringLiteral("\\r");
            break;
        case '\n':
            piece = QStringLiteral("\\n");
            break;
        case '\t':
            piece = QStringLiteral("\\t");
            break;
        default:
            if (u >= 0x20 && u < 0x7f) {
                // A hex escape would swallow a following hex digit: end the literal and start another.
                if (lastWasHex && QChar(QLatin1Char(c)).isLetterOrNumber())
                    piece = QStringLiteral("\" \"");
                piece += QLatin1Char(c);
            } else {
                out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
                lastWasHex = true;
                continue;
            }
        }
        lastWasHex = false;
        out += piece;
    }
    return out + QStringLiteral("\", %1)").arg(bytes.size());
}

QString cString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (QChar c : text) {
        if (c == u'\\' || c == u'"') {
            out += QLatin1Char('\\');
            out += c;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            // Octal, three digits: a hex escape would swallow a following hex digit.
            out += QStringLiteral("\\%1").arg(c.unicode(), 3, 8, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString cppString(const QString &text)
{
    return QStringLiteral("QStringLiteral(%1)").arg(cString(text));
}

// --- UDP --------------------------------------------------------------------------------------

Program forUdp(const UdpSessionRequest &r)
{
    const bool v6 = isIPv6Request(r.family, r.host);
    const QString family = v6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
    const bool group = !r.multicastGroup.isEmpty() && !v6;
    Program p;

    // Python.
    QStringList py;
    py << QStringLiteral("#!/usr/bin/env python3")
       << (r.connected ? QStringLiteral("# UDP client, connected: connect() once, then send() and recv().")
                       : QStringLiteral("# UDP client, unconnected: sendto() and recvfrom(), as in the seeds."))
       << QStringLiteral("# Written by Socket Workbench from the UDP panel's form.") << QStringLiteral("import socket")
       << QStringLiteral("import sys") << QStringLiteral("import time");
    if (group)
        py << QStringLiteral("import struct");
    py << QString() << QStringLiteral("host = %1").arg(pythonString(r.host));
    py << pythonPort(r.port, QStringLiteral("udp"));
    py << QStringLiteral("data = %1").arg(pythonBytes(r.payload)) << QStringLiteral("count = %1").arg(r.count)
       << QStringLiteral("interval = %1  # seconds between two sends").arg(seconds(r.intervalMs))
       << QStringLiteral("window = %1  # seconds to keep receiving after the last send").arg(seconds(r.receiveWindowMs))
       << QStringLiteral("bufsize = %1").arg(r.readBufferSize) << QString();
    py << QStringLiteral("s = socket.socket(socket.%1, socket.SOCK_DGRAM)").arg(family);
    if (r.broadcast)
        py << QStringLiteral("s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)");
    if (r.localPort != 0)
        py << QStringLiteral("s.bind(('', %1))").arg(r.localPort);
    if (group) {
        const QString iface = r.multicastInterface.isEmpty() ? QStringLiteral("0.0.0.0") : r.multicastInterface;
        py << QStringLiteral("mreq = struct.pack('4s4s', socket.inet_aton(%1), socket.inet_aton(%2))")
                  .arg(pythonString(r.multicastGroup), pythonString(iface))
           << QStringLiteral("s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)");
        if (!r.multicastInterface.isEmpty())
            py << QStringLiteral("s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(%1))")
                      .arg(pythonString(r.multicastInterface));
    }
    if (r.multicastTtl >= 0 && !v6)
        py << QStringLiteral("s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, %1)").arg(r.multicastTtl);
    if (r.multicastLoop >= 0 && !v6)
        py << QStringLiteral("s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, %1)").arg(r.multicastLoop);
    if (r.connected) {
        py << QStringLiteral("try:")
           << QStringLiteral("    s.connect((host, port))  # sends nothing: it only records the peer")
           << QStringLiteral("except socket.gaierror as e:")
           << QStringLiteral("    print(\"Address-related error connecting to server: %s\" % e)")
           << QStringLiteral("    sys.exit(1)");
    }
    py << QString() << QStringLiteral("received = 0") << QStringLiteral("try:")
       << QStringLiteral("    for i in range(1, count + 1):")
       << (r.connected ? QStringLiteral("        s.send(data)")
                       : QStringLiteral("        s.sendto(data, (host, port))"))
       << QStringLiteral("        print('Sent datagram #%d (%d bytes)' % (i, len(data)))")
       << QStringLiteral("        if i == 1:") << QStringLiteral("            print('Local address:', s.getsockname())")
       << QStringLiteral("        # Wait for replies until the next send, or for the window after the last one:")
       << QStringLiteral("        # UDP never says that the other side is done.")
       << QStringLiteral("        deadline = time.monotonic() + (interval if i < count else window)")
       << QStringLiteral("        while True:");
    if (r.finishWhenAllAnswered)
        py << QStringLiteral("            if i == count and received >= count:")
           << QStringLiteral("                break  # every datagram has its reply");
    py << QStringLiteral("            remaining = deadline - time.monotonic()")
       << QStringLiteral("            if remaining <= 0:") << QStringLiteral("                break")
       << QStringLiteral("            s.settimeout(remaining)") << QStringLiteral("            try:");
    if (r.connected)
        py << QStringLiteral(
            "                buf = s.recv(bufsize)  # only the peer's datagrams reach a connected socket")
           << QStringLiteral("                address = s.getpeername()");
    else
        py << QStringLiteral("                buf, address = s.recvfrom(bufsize)  # from anyone");
    py << QStringLiteral("            except socket.timeout:") << QStringLiteral("                break")
       << QStringLiteral("            received += 1")
       << QStringLiteral("            print('Received %d bytes from %s: %r' % (len(buf), address, buf))")
       << QStringLiteral("except ConnectionRefusedError as e:")
       << QStringLiteral("    # A connected socket hears the ICMP port-unreachable; an unconnected one never does.")
       << QStringLiteral("    print('Nothing listens there (ECONNREFUSED): %s' % e)")
       << QStringLiteral("    sys.exit(4)") << QStringLiteral("except socket.error as e:")
       << QStringLiteral("    print('Error sending or receiving: %s' % e)") << QStringLiteral("    sys.exit(6)")
       << QStringLiteral("finally:") << QStringLiteral("    s.close()")
       << QStringLiteral("print('Sent %d, received %d' % (count, received))");
    p.python = py.join(QLatin1Char('\n')) + QLatin1Char('\n');

    // C++ with Qt.
    QStringList cpp;
    cpp << (r.connected
            ? QStringLiteral("// UDP client with Qt, connected: QUdpSocket::connectToHost, then write() and read().")
            : QStringLiteral("// UDP client with Qt, unconnected: writeDatagram() and receiveDatagram()."))
        << QStringLiteral("// Written by Socket Workbench from the UDP panel's form. Build: link Qt6::Network.")
        << QStringLiteral("#include <QCoreApplication>") << QStringLiteral("#include <QHostAddress>")
        << QStringLiteral("#include <QHostInfo>") << QStringLiteral("#include <QNetworkDatagram>")
        << QStringLiteral("#include <QTimer>") << QStringLiteral("#include <QUdpSocket>")
        << QStringLiteral("#include <QVariant>") << QString() << QStringLiteral("#include <cstdio>");
    bool numeric = false;
    r.port.toUInt(&numeric);
    if (!numeric)
        cpp << QStringLiteral("#include <netdb.h>") << QStringLiteral("#include <arpa/inet.h>");
    cpp << QString() << QStringLiteral("int main(int argc, char *argv[])") << QStringLiteral("{")
        << QStringLiteral("    QCoreApplication app(argc, argv);")
        << QStringLiteral("    const QString host = %1;").arg(cppString(r.host));
    cpp << cppPort(r.port, QStringLiteral("udp"));
    cpp << QStringLiteral("    const QByteArray data = %1;").arg(cppBytes(r.payload))
        << QStringLiteral("    const int count = %1;").arg(r.count)
        << QStringLiteral("    const int intervalMs = %1;").arg(r.intervalMs)
        << QStringLiteral("    const int windowMs = %1; // keep receiving this long after the last send")
               .arg(r.receiveWindowMs)
        << QStringLiteral("    const qint64 bufsize = %1;").arg(r.readBufferSize) << QString()
        << QStringLiteral("    QUdpSocket socket;") << QStringLiteral("    int sent = 0;")
        << QStringLiteral("    int received = 0;") << QStringLiteral("    QHostAddress address;");
    // Qt joins groups and sets options only on a bound socket: bind first (port 0: the system picks).
    if (r.localPort != 0 || group || r.multicastTtl >= 0 || r.multicastLoop >= 0)
        cpp << QStringLiteral("    if (!socket.bind(QHostAddress::%1, %2)) {")
                   .arg(v6 ? QStringLiteral("AnyIPv6") : QStringLiteral("AnyIPv4"))
                   .arg(r.localPort)
            << QStringLiteral("        std::printf(\"bind: %s\\n\", qPrintable(socket.errorString()));")
            << QStringLiteral("        return 1;") << QStringLiteral("    }");
    if (r.broadcast)
        cpp << QStringLiteral("    // writeDatagram() to a broadcast address sets SO_BROADCAST itself.");
    if (group)
        cpp << QStringLiteral("    socket.joinMulticastGroup(QHostAddress(%1));").arg(cppString(r.multicastGroup));
    if (r.multicastTtl >= 0)
        cpp << QStringLiteral("    socket.setSocketOption(QAbstractSocket::MulticastTtlOption, %1);")
                   .arg(r.multicastTtl);
    if (r.multicastLoop >= 0)
        cpp << QStringLiteral("    socket.setSocketOption(QAbstractSocket::MulticastLoopbackOption, %1);")
                   .arg(r.multicastLoop);
    cpp << QString() << QStringLiteral("    auto finish = [&] {")
        << QStringLiteral("        std::printf(\"Sent %d, received %d\\n\", sent, received);")
        << QStringLiteral("        app.quit();") << QStringLiteral("    };")
        << QStringLiteral("    QObject::connect(&socket, &QUdpSocket::readyRead, [&] {")
        << QStringLiteral("        while (socket.hasPendingDatagrams()) {")
        << QStringLiteral("            const QNetworkDatagram datagram = socket.receiveDatagram(bufsize);")
        << QStringLiteral("            ++received;")
        << QStringLiteral(
               "            std::printf(\"Received %lld bytes from %s:%u: %s\\n\", qlonglong(datagram.data().size()),")
        << QStringLiteral("                qPrintable(datagram.senderAddress().toString()), datagram.senderPort(),")
        << QStringLiteral("                datagram.data().toPercentEncoding(\" \").constData());")
        << QStringLiteral("        }");
    if (r.finishWhenAllAnswered)
        cpp << QStringLiteral("        if (sent == count && received >= count)")
            << QStringLiteral("            finish(); // every datagram has its reply");
    cpp << QStringLiteral("    });")
        << QStringLiteral(
               "    QObject::connect(&socket, &QUdpSocket::errorOccurred, [&](QAbstractSocket::SocketError error) {")
        << QStringLiteral("        // Connected: an ICMP port-unreachable comes back as ConnectionRefusedError.")
        << QStringLiteral("        std::printf(\"Error: %s\\n\", qPrintable(socket.errorString()));")
        << QStringLiteral("        if (error == QAbstractSocket::ConnectionRefusedError)")
        << QStringLiteral("            app.exit(4);") << QStringLiteral("    });") << QString()
        << QStringLiteral("    QTimer sender;") << QStringLiteral("    auto sendOne = [&] {");
    if (r.connected)
        cpp << QStringLiteral("        socket.write(data);");
    else
        cpp << QStringLiteral("        socket.writeDatagram(data, address, port);");
    cpp << QStringLiteral("        std::printf(\"Sent datagram #%d (%lld bytes)\\n\", ++sent, qlonglong(data.size()));")
        << QStringLiteral("        if (sent == 1)")
        << QStringLiteral(
               "            std::printf(\"Local address: %s:%u\\n\", qPrintable(socket.localAddress().toString()),")
        << QStringLiteral("                socket.localPort());") << QStringLiteral("        if (sent == count) {")
        << QStringLiteral("            sender.stop();")
        << QStringLiteral("            QTimer::singleShot(windowMs, &app, finish);") << QStringLiteral("        }")
        << QStringLiteral("    };") << QStringLiteral("    QObject::connect(&sender, &QTimer::timeout, sendOne);")
        << QString() << QStringLiteral("    // Resolve the name without blocking, then start sending.")
        << QStringLiteral("    QHostInfo::lookupHost(host, &app, [&](const QHostInfo &info) {")
        << QStringLiteral("        for (const QHostAddress &a : info.addresses()) {")
        << QStringLiteral("            if (a.protocol() == QAbstractSocket::%1) {")
               .arg(v6 ? QStringLiteral("IPv6Protocol") : QStringLiteral("IPv4Protocol"))
        << QStringLiteral("                address = a;") << QStringLiteral("                break;")
        << QStringLiteral("            }") << QStringLiteral("        }")
        << QStringLiteral("        if (address.isNull()) {")
        << QStringLiteral("            std::printf(\"Couldn't resolve %s: %s\\n\", qPrintable(host), "
                          "qPrintable(info.errorString()));")
        << QStringLiteral("            app.exit(3);") << QStringLiteral("            return;")
        << QStringLiteral("        }");
    if (r.connected)
        cpp << QStringLiteral("        socket.connectToHost(address, port); // sends nothing: it records the peer");
    cpp << QStringLiteral("        sendOne(); // the first one now, the others every intervalMs")
        << QStringLiteral("        if (sent < count)") << QStringLiteral("            sender.start(intervalMs);")
        << QStringLiteral("    });") << QStringLiteral("    return app.exec();") << QStringLiteral("}");
    p.cpp = cpp.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return p;
}

// --- Time ---------------------------------------------------------------------------------------

namespace {

QStringList pythonTimeDecode(TimeProtocol protocol)
{
    switch (protocol) {
    case TimeProtocol::Rfc868Time:
        return {
            QStringLiteral("if len(buf) != 4:"),
            QStringLiteral("    print('Wrong-sized reply %d: %r' % (len(buf), buf))"),
            QStringLiteral("    sys.exit(7)"),
            QStringLiteral("secs = struct.unpack('!I', buf)[0]  # big-endian unsigned 32 bits: seconds since 1900"),
            QStringLiteral("print('Value: %d' % secs)"),
            QStringLiteral("if secs < 2**31:"),
            QStringLiteral(
                "    secs += 2**32  # top bit clear: counted after the wrap-around of 2036-02-07 (RFC 4330)"),
            QStringLiteral("secs -= 2208988800  # seconds from 1900 to 1970"),
            QStringLiteral("print('Unix time: %d' % secs)"),
            QStringLiteral("print(time.ctime(secs))"),
        };
    case TimeProtocol::Daytime:
        return {
            QStringLiteral("# RFC 867 fixes no format: the text is shown as it came."),
            QStringLiteral("print('Daytime: %r' % buf)"),
            QStringLiteral("print(buf.decode('ascii', 'replace').strip())"),
        };
    case TimeProtocol::Sntp:
        return {
            QStringLiteral("t4 = time.time()  # T4: this computer's clock when the reply came"),
            QStringLiteral("if len(buf) < 48:"),
            QStringLiteral("    print('Wrong-sized reply %d: %r' % (len(buf), buf))"),
            QStringLiteral("    sys.exit(7)"),
            QStringLiteral("first, stratum, poll, precision = struct.unpack('!BBbb', buf[:4])"),
            QStringLiteral(
                "print('LI %d, VN %d, mode %d, stratum %d' % (first >> 6, (first >> 3) & 7, first & 7, stratum))"),
            QStringLiteral("if stratum == 0:"),
            QStringLiteral("    print('Kiss-o\\'-death: %s' % buf[12:16].decode('ascii', 'replace'))"),
            QStringLiteral("    sys.exit(7)"),
            QStringLiteral(
                "t2 = from_ntp(struct.unpack('!Q', buf[32:40])[0])  # T2: the server's clock when the request came"),
            QStringLiteral(
                "t3 = from_ntp(struct.unpack('!Q', buf[40:48])[0])  # T3: the server's clock when the reply left"),
            QStringLiteral("offset = ((t2 - t1) + (t3 - t4)) / 2"),
            QStringLiteral("delay = (t4 - t1) - (t3 - t2)"),
            QStringLiteral("print('Offset %.6f s, delay %.6f s' % (offset, delay))"),
            QStringLiteral("print('Unix time: %.3f' % t3)"),
            QStringLiteral("print(time.ctime(t3))"),
        };
    }
    return {};
}

QStringList cppTimeDecode(TimeProtocol protocol)
{
    switch (protocol) {
    case TimeProtocol::Rfc868Time:
        return {
            QStringLiteral("    if (reply.size() != 4) {"),
            QStringLiteral("        std::printf(\"Wrong-sized reply %lld: %s\\n\", qlonglong(reply.size()), "
                           "reply.toHex(' ').constData());"),
            QStringLiteral("        return 7;"),
            QStringLiteral("    }"),
            QStringLiteral("    // Big-endian unsigned 32 bits: seconds since 1900."),
            QStringLiteral("    const quint32 value = qFromBigEndian<quint32>(reply.constData());"),
            QStringLiteral("    std::printf(\"Value: %u\\n\", value);"),
            QStringLiteral("    qint64 secs = value;"),
            QStringLiteral("    if (value < 0x80000000u)"),
            QStringLiteral(
                "        secs += qint64(1) << 32; // top bit clear: after the wrap-around of 2036-02-07 (RFC 4330)"),
            QStringLiteral("    secs -= 2208988800LL; // seconds from 1900 to 1970"),
            QStringLiteral("    std::printf(\"Unix time: %lld\\n\", secs);"),
            QStringLiteral("    std::printf(\"%s\\n\", qPrintable(QDateTime::fromSecsSinceEpoch(secs).toString()));"),
            QStringLiteral("    return 0;"),
        };
    case TimeProtocol::Daytime:
        return {
            QStringLiteral("    // RFC 867 fixes no format: the text is shown as it came."),
            QStringLiteral("    std::printf(\"Daytime: %s\\n\", reply.trimmed().constData());"),
            QStringLiteral("    return 0;"),
        };
    case TimeProtocol::Sntp:
        return {
            QStringLiteral("    const double t4 = QDateTime::currentMSecsSinceEpoch() / 1000.0; // T4"),
            QStringLiteral("    if (reply.size() < 48) {"),
            QStringLiteral("        std::printf(\"Wrong-sized reply %lld\\n\", qlonglong(reply.size()));"),
            QStringLiteral("        return 7;"),
            QStringLiteral("    }"),
            QStringLiteral("    const auto *b = reinterpret_cast<const uchar *>(reply.constData());"),
            QStringLiteral("    std::printf(\"LI %d, VN %d, mode %d, stratum %d\\n\", b[0] >> 6, (b[0] >> 3) & 7, b[0] "
                           "& 7, b[1]);"),
            QStringLiteral("    if (b[1] == 0) {"),
            QStringLiteral("        std::printf(\"Kiss-o'-death: %s\\n\", reply.mid(12, 4).constData());"),
            QStringLiteral("        return 7;"),
            QStringLiteral("    }"),
            QStringLiteral("    const double t2 = fromNtp(qFromBigEndian<quint64>(b + 32)); // T2: request arrived"),
            QStringLiteral("    const double t3 = fromNtp(qFromBigEndian<quint64>(b + 40)); // T3: reply left"),
            QStringLiteral("    const double offset = ((t2 - t1) + (t3 - t4)) / 2;"),
            QStringLiteral("    const double delay = (t4 - t1) - (t3 - t2);"),
            QStringLiteral("    std::printf(\"Offset %.6f s, delay %.6f s\\n\", offset, delay);"),
            QStringLiteral("    std::printf(\"Unix time: %.3f\\n\", t3);"),
            QStringLiteral("    return 0;"),
        };
    }
    return {};
}

} // namespace

Program forTime(const TimeQueryRequest &r)
{
    const bool tcp = r.transport == Transport::Tcp && r.protocol != TimeProtocol::Sntp;
    const bool v6 = QHostAddress(r.host).protocol() == QAbstractSocket::IPv6Protocol;
    const QString family = v6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
    const QString protocolName = tcp ? QStringLiteral("tcp") : QStringLiteral("udp");
    const QString service = timeServiceName(r.protocol);
    const QString port = r.port.isEmpty() ? service : r.port;
    QString title;
    switch (r.protocol) {
    case TimeProtocol::Rfc868Time:
        title = QStringLiteral("RFC 868 time client");
        break;
    case TimeProtocol::Daytime:
        title = QStringLiteral("RFC 867 daytime client");
        break;
    case TimeProtocol::Sntp:
        title = QStringLiteral("SNTP v4 client (RFC 4330)");
        break;
    }
    Program p;

    // Python.
    QStringList py;
    py << QStringLiteral("#!/usr/bin/env python3")
       << QStringLiteral("# %1 over %2, with the seed's \"run it several times\" done as attempts.")
              .arg(title, protocolName.toUpper())
       << QStringLiteral("# Written by Socket Workbench from the Time Query panel's form.")
       << QStringLiteral("import socket") << QStringLiteral("import struct") << QStringLiteral("import sys")
       << QStringLiteral("import time") << QString() << QStringLiteral("host = %1").arg(pythonString(r.host));
    py << pythonPort(port, protocolName);
    py << QStringLiteral("attempts = %1").arg(r.retries)
       << QStringLiteral("timeout = %1  # seconds for each attempt").arg(seconds(r.timeoutMs));
    if (r.protocol == TimeProtocol::Sntp) {
        py << QString() << QStringLiteral("def to_ntp(t):")
           << QStringLiteral("    return int((t + 2208988800) * 2**32)  # seconds since 1900, 32.32 fixed point")
           << QString() << QStringLiteral("def from_ntp(v):") << QStringLiteral("    return v / 2**32 - 2208988800");
    }
    py << QString() << QStringLiteral("buf = None") << QStringLiteral("for attempt in range(1, attempts + 1):");
    QStringList body;
    body << QStringLiteral("s = socket.socket(socket.%1, socket.%2)")
                .arg(family, tcp ? QStringLiteral("SOCK_STREAM") : QStringLiteral("SOCK_DGRAM"))
         << QStringLiteral("s.settimeout(timeout)") << QStringLiteral("try:");
    if (tcp) {
        body << QStringLiteral("    s.connect((host, port))")
             << QStringLiteral("    # The server sends and closes: read until recv() returns b''.")
             << QStringLiteral("    chunks = []") << QStringLiteral("    while True:")
             << QStringLiteral("        chunk = s.recv(2048)") << QStringLiteral("        if not chunk:")
             << QStringLiteral("            break") << QStringLiteral("        chunks.append(chunk)")
             << QStringLiteral("    buf = b''.join(chunks)");
    } else if (r.protocol == TimeProtocol::Sntp) {
        body << QStringLiteral("    t1 = time.time()  # T1: this computer's clock when the request left")
             << QStringLiteral("    request = struct.pack('!B39xQ', 0x23, to_ntp(t1))  # LI 0, VN 4, mode 3 (client)")
             << QStringLiteral("    s.sendto(request, (host, port))")
             << QStringLiteral("    buf, address = s.recvfrom(2048)");
    } else {
        body << QStringLiteral("    s.sendto(b'', (host, port))  # an empty datagram asks for the time")
             << QStringLiteral("    buf, address = s.recvfrom(2048)");
    }
    body << QStringLiteral("    break") << QStringLiteral("except socket.timeout:")
         << QStringLiteral("    print('Attempt %d of %d: no reply within %s s' % (attempt, attempts, timeout))")
         << QStringLiteral("except socket.gaierror as e:")
         << QStringLiteral("    print('Address-related error: %s' % e)") << QStringLiteral("    sys.exit(3)")
         << QStringLiteral("except socket.error as e:") << QStringLiteral("    print('Error: %s' % e)")
         << QStringLiteral("    sys.exit(4)") << QStringLiteral("finally:") << QStringLiteral("    s.close()");
    py << indent(body, 4);
    py << QStringLiteral("if buf is None:")
       << QStringLiteral("    print('No reply after %d attempts: a firewall may block UDP' % attempts)")
       << QStringLiteral("    sys.exit(5)") << QStringLiteral("print('Reply bytes: %s' % buf.hex())");
    py << pythonTimeDecode(r.protocol);
    p.python = py.join(QLatin1Char('\n')) + QLatin1Char('\n');

    // C++ with Qt: one attempt at a time, each with its timer.
    QStringList cpp;
    cpp << QStringLiteral("// %1 with Qt over %2: each attempt with a timeout, the next one after it.")
               .arg(title, protocolName.toUpper())
        << QStringLiteral("// Written by Socket Workbench from the Time Query panel's form. Build: link Qt6::Network.")
        << QStringLiteral("#include <QCoreApplication>") << QStringLiteral("#include <QDateTime>")
        << QStringLiteral("#include <QHostAddress>") << QStringLiteral("#include <QTimer>")
        << (tcp ? QStringLiteral("#include <QTcpSocket>") : QStringLiteral("#include <QUdpSocket>"))
        << QStringLiteral("#include <QtEndian>") << QString() << QStringLiteral("#include <cstdio>");
    bool numeric = false;
    port.toUInt(&numeric);
    if (!numeric)
        cpp << QStringLiteral("#include <netdb.h>") << QStringLiteral("#include <arpa/inet.h>");
    cpp << QString();
    if (r.protocol == TimeProtocol::Sntp)
        cpp << QStringLiteral("static double fromNtp(quint64 v)") << QStringLiteral("{")
            << QStringLiteral("    return double(v >> 32) + double(v & 0xffffffffu) / 4294967296.0 - 2208988800.0;")
            << QStringLiteral("}") << QString() << QStringLiteral("static quint64 toNtp(double t)")
            << QStringLiteral("{") << QStringLiteral("    return quint64((t + 2208988800.0) * 4294967296.0);")
            << QStringLiteral("}") << QString();
    cpp << QStringLiteral("static int decode(const QByteArray &reply%1)")
               .arg(r.protocol == TimeProtocol::Sntp ? QStringLiteral(", double t1") : QString())
        << QStringLiteral("{") << QStringLiteral("    std::printf(\"Reply bytes: %s\\n\", reply.toHex().constData());");
    cpp << cppTimeDecode(r.protocol);
    cpp << QStringLiteral("}") << QString() << QStringLiteral("int main(int argc, char *argv[])") << QStringLiteral("{")
        << QStringLiteral("    QCoreApplication app(argc, argv);")
        << QStringLiteral("    const QString host = %1;").arg(cppString(r.host));
    cpp << cppPort(port, protocolName);
    cpp << QStringLiteral("    const int attempts = %1;").arg(r.retries)
        << QStringLiteral("    const int timeoutMs = %1;").arg(r.timeoutMs) << QStringLiteral("    int attempt = 0;")
        << QStringLiteral("    QTimer timer;") << QStringLiteral("    timer.setSingleShot(true);");
    if (tcp) {
        cpp << QStringLiteral("    QTcpSocket *socket = nullptr;")
            << QStringLiteral("    std::function<void()> next = [&] {")
            << QStringLiteral("        if (++attempt > attempts) {")
            << QStringLiteral("            std::printf(\"No reply after %d attempts\\n\", attempts);")
            << QStringLiteral("            app.exit(5);") << QStringLiteral("            return;")
            << QStringLiteral("        }") << QStringLiteral("        delete socket;")
            << QStringLiteral("        socket = new QTcpSocket(&app);")
            << QStringLiteral("        // The server sends and closes: the reply is all that came before the close.")
            << QStringLiteral("        QObject::connect(socket, &QTcpSocket::disconnected, &app, [&] {")
            << QStringLiteral("            timer.stop();")
            << QStringLiteral("            app.exit(decode(socket->readAll()));") << QStringLiteral("        });")
            << QStringLiteral("        QObject::connect(socket, &QTcpSocket::errorOccurred, &app, "
                              "[&](QAbstractSocket::SocketError e) {")
            << QStringLiteral("            if (e == QAbstractSocket::RemoteHostClosedError)")
            << QStringLiteral("                return; // the end of the reply: disconnected() follows")
            << QStringLiteral("            timer.stop();")
            << QStringLiteral("            std::printf(\"Error: %s\\n\", qPrintable(socket->errorString()));")
            << QStringLiteral("            app.exit(e == QAbstractSocket::HostNotFoundError ? 3 : 4);")
            << QStringLiteral("        });") << QStringLiteral("        socket->connectToHost(host, port);")
            << QStringLiteral("        timer.start(timeoutMs);") << QStringLiteral("    };");
    } else {
        cpp << QStringLiteral("    QUdpSocket socket;") << QStringLiteral("    QHostAddress address;");
        if (r.protocol == TimeProtocol::Sntp)
            cpp << QStringLiteral("    double t1 = 0; // T1: this computer's clock when the request left");
        cpp << QStringLiteral("    std::function<void()> next = [&] {")
            << QStringLiteral("        if (++attempt > attempts) {")
            << QStringLiteral(
                   "            std::printf(\"No reply after %d attempts: a firewall may block UDP\\n\", attempts);")
            << QStringLiteral("            app.exit(5);") << QStringLiteral("            return;")
            << QStringLiteral("        }");
        if (r.protocol == TimeProtocol::Sntp)
            cpp << QStringLiteral("        QByteArray request(48, '\\0');")
                << QStringLiteral("        request[0] = char(0x23); // LI 0, VN 4, mode 3 (client)")
                << QStringLiteral("        t1 = QDateTime::currentMSecsSinceEpoch() / 1000.0;")
                << QStringLiteral("        qToBigEndian<quint64>(toNtp(t1), request.data() + 40);")
                << QStringLiteral("        socket.writeDatagram(request, address, port);");
        else
            cpp << QStringLiteral(
                "        socket.writeDatagram(QByteArray(), address, port); // an empty datagram asks");
        cpp << QStringLiteral("        timer.start(timeoutMs);") << QStringLiteral("    };")
            << QStringLiteral("    QObject::connect(&socket, &QUdpSocket::readyRead, &app, [&] {")
            << QStringLiteral("        QByteArray reply(int(qMax<qint64>(0, socket.pendingDatagramSize())), '\\0');")
            << QStringLiteral("        socket.readDatagram(reply.data(), reply.size());")
            << QStringLiteral("        timer.stop();")
            << QStringLiteral("        app.exit(decode(reply%1));")
                   .arg(r.protocol == TimeProtocol::Sntp ? QStringLiteral(", t1") : QString())
            << QStringLiteral("    });");
    }
    cpp << QStringLiteral("    QObject::connect(&timer, &QTimer::timeout, &app, [&] {")
        << QStringLiteral(
               "        std::printf(\"Attempt %d of %d: no reply within %d ms\\n\", attempt, attempts, timeoutMs);")
        << QStringLiteral("        next();") << QStringLiteral("    });");
    if (tcp) {
        cpp << QStringLiteral("    next();");
    } else {
        cpp << QStringLiteral("    // Resolve the name without blocking, then ask.")
            << QStringLiteral("    QHostInfo::lookupHost(host, &app, [&](const QHostInfo &info) {")
            << QStringLiteral("        for (const QHostAddress &a : info.addresses()) {")
            << QStringLiteral("            if (a.protocol() == QAbstractSocket::%1) {")
                   .arg(v6 ? QStringLiteral("IPv6Protocol") : QStringLiteral("IPv4Protocol"))
            << QStringLiteral("                address = a;") << QStringLiteral("                break;")
            << QStringLiteral("            }") << QStringLiteral("        }")
            << QStringLiteral("        if (address.isNull()) {")
            << QStringLiteral("            std::printf(\"Couldn't resolve %s\\n\", qPrintable(host));")
            << QStringLiteral("            app.exit(3);") << QStringLiteral("            return;")
            << QStringLiteral("        }") << QStringLiteral("        next();") << QStringLiteral("    });");
        cpp.insert(cpp.indexOf(QStringLiteral("#include <QTimer>")), QStringLiteral("#include <QHostInfo>"));
    }
    cpp << QStringLiteral("    return app.exec();") << QStringLiteral("}");
    cpp.insert(cpp.indexOf(QStringLiteral("#include <cstdio>")) + 1, QStringLiteral("#include <functional>"));
    p.cpp = cpp.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return p;
}

// --- TCP client -------------------------------------------------------------------------------

namespace {

QString pythonFamily(AddressFamily family, const QString &host)
{
    return isIPv6Request(family, host) ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
}

// The seed's socket() and connect() with its three kinds of error.
QStringList pythonConnect(const QString &family, int timeoutMs)
{
    return {
        QStringLiteral("try:"),
        QStringLiteral("    s = socket.socket(socket.%1, socket.SOCK_STREAM)").arg(family),
        QStringLiteral("except socket.error as e:"),
        QStringLiteral("    print('Strange error creating socket: %s' % e)"),
        QStringLiteral("    sys.exit(1)"),
        QStringLiteral("s.settimeout(%1)  # seconds, for connecting and each recv()").arg(seconds(timeoutMs)),
        QStringLiteral("try:"),
        QStringLiteral("    s.connect((host, port))"),
        QStringLiteral("except socket.gaierror as e:"),
        QStringLiteral("    print('Address-related error connecting to server: %s' % e)"),
        QStringLiteral("    sys.exit(3)"),
        QStringLiteral("except socket.timeout:"),
        QStringLiteral("    print('Timed out connecting to server')"),
        QStringLiteral("    sys.exit(5)"),
        QStringLiteral("except socket.error as e:"),
        QStringLiteral("    print('Connection error: %s' % e)"),
        QStringLiteral("    sys.exit(4)"),
    };
}

QStringList pythonReadUntilClosed(const QString &print)
{
    return {
        QStringLiteral("while True:"),
        QStringLiteral("    try:"),
        QStringLiteral("        buf = s.recv(2048)"),
        QStringLiteral("    except socket.error as e:"),
        QStringLiteral("        print('Error receiving data: %s' % e)"),
        QStringLiteral("        sys.exit(6)"),
        QStringLiteral("    if not len(buf):"),
        QStringLiteral("        break  # b'': the other side closed"),
        QStringLiteral("    %1").arg(print),
    };
}

QStringList cppHeader(const QString &what, const QString &port, const QStringList &includes)
{
    QStringList lines { what,
        QStringLiteral("// Written by Socket Workbench from the panel's form. Build: link Qt6::Network.") };
    lines << includes << QString() << QStringLiteral("#include <cstdio>");
    bool numeric = false;
    port.toUInt(&numeric);
    if (!numeric && !port.isEmpty())
        lines << QStringLiteral("#include <netdb.h>") << QStringLiteral("#include <arpa/inet.h>");
    return lines;
}

} // namespace

Program forConnect(const TcpProbeRequest &r, const QByteArray &payload)
{
    const bool send = !payload.isEmpty();
    Program p;
    QStringList py;
    py << QStringLiteral("#!/usr/bin/env python3")
       << (send ? QStringLiteral("# TCP client: connect, show both ends, send, half-close and read the answer.")
                : QStringLiteral("# TCP client: connect and show both ends of the connection."))
       << QStringLiteral("# Written by Socket Workbench from the Connect & Inspect form.")
       << QStringLiteral("import socket") << QStringLiteral("import sys") << QString()
       << QStringLiteral("host = %1").arg(pythonString(r.host));
    py << pythonPort(r.port, QStringLiteral("tcp"));
    if (send)
        py << QStringLiteral("data = %1").arg(pythonBytes(payload));
    py << QString() << pythonConnect(pythonFamily(r.family, r.host), r.timeoutMs)
       << QStringLiteral("print('Connected from', s.getsockname())  # this end: the port the system picked")
       << QStringLiteral("print('Connected to', s.getpeername())");
    if (send) {
        py << QStringLiteral("try:") << QStringLiteral("    s.sendall(data)")
           << QStringLiteral("    s.shutdown(1)  # half-close (SHUT_WR): nothing more to send; the answer still comes")
           << QStringLiteral("except socket.error as e:") << QStringLiteral("    print('Error sending data: %s' % e)")
           << QStringLiteral("    sys.exit(6)");
        py << pythonReadUntilClosed(QStringLiteral("print('Received %r' % buf)"));
    }
    py << QStringLiteral("s.close()");
    p.python = py.join(QLatin1Char('\n')) + QLatin1Char('\n');

    QStringList cpp = cppHeader(send
            ? QStringLiteral("// TCP client with Qt: connect, both ends, send, half-close, read until closed.")
            : QStringLiteral("// TCP client with Qt: connect and show both ends."),
        r.port,
        { QStringLiteral("#include <QCoreApplication>"), QStringLiteral("#include <QHostAddress>"),
            QStringLiteral("#include <QTcpSocket>"), QStringLiteral("#include <QTimer>") });
    if (send)
        cpp << QStringLiteral("#include <sys/socket.h> // shutdown(): QTcpSocket has no half-close");
    cpp << QString() << QStringLiteral("int main(int argc, char *argv[])") << QStringLiteral("{")
        << QStringLiteral("    QCoreApplication app(argc, argv);")
        << QStringLiteral("    const QString host = %1;").arg(cppString(r.host));
    cpp << cppPort(r.port, QStringLiteral("tcp"));
    if (send)
        cpp << QStringLiteral("    const QByteArray data = %1;").arg(cppBytes(payload));
    cpp << QStringLiteral("    QTcpSocket socket;")
        << QStringLiteral("    QTimer::singleShot(%1, &app, [&] {").arg(r.timeoutMs)
        << QStringLiteral("        if (socket.state() != QAbstractSocket::ConnectedState) {")
        << QStringLiteral("            std::printf(\"Timed out connecting to server\\n\");")
        << QStringLiteral("            app.exit(5);") << QStringLiteral("        }") << QStringLiteral("    });")
        << QStringLiteral("    QObject::connect(&socket, &QTcpSocket::connected, [&] {")
        << QStringLiteral("        std::printf(\"Connected from %s:%u\\n\", "
                          "qPrintable(socket.localAddress().toString()), socket.localPort());")
        << QStringLiteral("        std::printf(\"Connected to %s:%u\\n\", qPrintable(socket.peerAddress().toString()), "
                          "socket.peerPort());");
    if (send)
        cpp << QStringLiteral("        socket.write(data);");
    else
        cpp << QStringLiteral("        socket.disconnectFromHost();");
    cpp << QStringLiteral("    });");
    if (send)
        cpp << QStringLiteral("    QObject::connect(&socket, &QTcpSocket::bytesWritten, [&] {")
            << QStringLiteral("        if (socket.bytesToWrite() == 0)")
            << QStringLiteral("            ::shutdown(int(socket.socketDescriptor()), SHUT_WR); // half-close")
            << QStringLiteral("    });")
            << QStringLiteral("    QObject::connect(&socket, &QTcpSocket::readyRead, [&] {")
            << QStringLiteral("        const QByteArray buf = socket.readAll();")
            << QStringLiteral("        std::printf(\"Received %lld bytes: %s\\n\", qlonglong(buf.size()), "
                              "buf.toPercentEncoding(\" \").constData());")
            << QStringLiteral("    });");
    cpp << QStringLiteral("    QObject::connect(&socket, &QTcpSocket::disconnected, &app, &QCoreApplication::quit);")
        << QStringLiteral(
               "    QObject::connect(&socket, &QTcpSocket::errorOccurred, [&](QAbstractSocket::SocketError error) {")
        << QStringLiteral("        if (error == QAbstractSocket::RemoteHostClosedError)")
        << QStringLiteral("            return; // the server closed after answering: disconnected() follows")
        << QStringLiteral("        std::printf(\"Connection error: %s\\n\", qPrintable(socket.errorString()));")
        << QStringLiteral("        app.exit(error == QAbstractSocket::HostNotFoundError ? 3 : 4);")
        << QStringLiteral("    });") << QStringLiteral("    socket.connectToHost(host, port);")
        << QStringLiteral("    return app.exec();") << QStringLiteral("}");
    p.cpp = cpp.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return p;
}

// --- Servers -------------------------------------------------------------------------------------

namespace {

enum class Answer { Echo, Timestamp, Daytime, Time, Discard };

Answer answerOf(const QString &behaviour)
{
    if (behaviour == QLatin1String("timestamp"))
        return Answer::Timestamp;
    if (behaviour == QLatin1String("daytime"))
        return Answer::Daytime;
    if (behaviour == QLatin1String("time"))
        return Answer::Time;
    if (behaviour == QLatin1String("discard"))
        return Answer::Discard;
    return Answer::Echo;
}

} // namespace

Program forServer(const ListenServerOptions &o)
{
    const bool udp = o.transport == Transport::Udp;
    const Answer answer = answerOf(o.behaviour);
    const bool v6 = QHostAddress(o.bindAddress).protocol() == QAbstractSocket::IPv6Protocol;
    const QString family = v6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
    const QString host
        = o.bindAddress == QLatin1String("0.0.0.0") || o.bindAddress == QLatin1String("::") ? QString() : o.bindAddress;
    const bool asEcho = answer == Answer::Echo && o.behaviour != QLatin1String("echo");
    Program p;

    // Python: the seeds' loop.
    QStringList py;
    py << QStringLiteral("#!/usr/bin/env python3")
       << (udp ? QStringLiteral("# UDP server: bind, then recvfrom() and sendto() in a loop.")
               : QStringLiteral("# TCP server, the seeds' loop: bind, listen, accept one client at a time."))
       << QStringLiteral("# Written by Socket Workbench from the Listen Server form (behaviour: %1).").arg(o.behaviour);
    if (asEcho)
        py << QStringLiteral("# The %1 behaviour is not written out here: this program echoes instead.")
                  .arg(o.behaviour);
    py << QStringLiteral("import socket") << QStringLiteral("import struct") << QStringLiteral("import sys")
       << QStringLiteral("import time") << QStringLiteral("import traceback") << QString()
       << QStringLiteral("host = %1  # '' means every interface").arg(pythonString(host))
       << QStringLiteral("port = %1  # 0: the system picks a free one").arg(o.port) << QString();
    QStringList reply;
    switch (answer) {
    case Answer::Echo:
        reply << QStringLiteral("def answer(data):") << QStringLiteral("    return data  # echo (RFC 862)");
        break;
    case Answer::Timestamp:
        reply << QStringLiteral("def answer(data):")
              << QStringLiteral("    return ('[%s] ' % time.ctime()).encode() + data  # the seeds' tsTserv");
        break;
    case Answer::Daytime:
        reply << QStringLiteral("def answer(data):")
              << QStringLiteral("    return (time.ctime() + '\\r\\n').encode()  # daytime (RFC 867)");
        break;
    case Answer::Time:
        reply << QStringLiteral("def answer(data):")
              << QStringLiteral(
                     "    return struct.pack('!I', (int(time.time()) + 2208988800) % 2**32)  # time (RFC 868)");
        break;
    case Answer::Discard:
        reply << QStringLiteral("def answer(data):")
              << QStringLiteral("    return b''  # discard (RFC 863): nothing back");
        break;
    }
    py << reply << QString();
    py << QStringLiteral("s = socket.socket(socket.%1, socket.%2)")
              .arg(family, udp ? QStringLiteral("SOCK_DGRAM") : QStringLiteral("SOCK_STREAM"));
    if (o.reuseAddress && !udp)
        py << QStringLiteral("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)");
    py << QStringLiteral("s.bind((host, port))");
    if (!udp)
        py << QStringLiteral("s.listen(%1)").arg(o.backlog);
    py << QStringLiteral("print('Listening on', s.getsockname(), flush=True)") << QString()
       << QStringLiteral("while True:");
    if (udp) {
        py << QStringLiteral("    data, address = s.recvfrom(65536)")
           << QStringLiteral("    print('Datagram of %d bytes from %s' % (len(data), address), flush=True)")
           << QStringLiteral("    reply = answer(data)");
        if (answer == Answer::Echo)
            py << QStringLiteral("    s.sendto(reply, address)  # an empty datagram is echoed too");
        else
            py << QStringLiteral("    if reply:") << QStringLiteral("        s.sendto(reply, address)");
    } else {
        const bool once = answer == Answer::Daytime || answer == Answer::Time;
        py << QStringLiteral("    try:") << QStringLiteral("        clientsock, clientaddr = s.accept()")
           << QStringLiteral("    except KeyboardInterrupt:") << QStringLiteral("        raise")
           << QStringLiteral("    except:") << QStringLiteral("        traceback.print_exc()")
           << QStringLiteral("        continue") << QStringLiteral("    try:")
           << QStringLiteral("        print('Got connection from', clientsock.getpeername(), flush=True)");
        if (once)
            py << QStringLiteral("        clientsock.sendall(answer(b''))  # the answer comes at once; then close");
        else
            py << QStringLiteral("        while True:") << QStringLiteral("            data = clientsock.recv(4096)")
               << QStringLiteral("            if not len(data):")
               << QStringLiteral("                break  # the client closed (or half-closed)")
               << QStringLiteral("            clientsock.sendall(answer(data))");
        py << QStringLiteral("    except (KeyboardInterrupt, SystemExit):") << QStringLiteral("        raise")
           << QStringLiteral("    except:") << QStringLiteral("        traceback.print_exc()")
           << QStringLiteral("    try:") << QStringLiteral("        clientsock.close()")
           << QStringLiteral("    except KeyboardInterrupt:") << QStringLiteral("        raise")
           << QStringLiteral("    except:") << QStringLiteral("        traceback.print_exc()");
    }
    p.python = py.join(QLatin1Char('\n')) + QLatin1Char('\n');

    // C++ with Qt.
    QStringList cpp
        = cppHeader(udp ? QStringLiteral("// UDP server with Qt: QUdpSocket::bind, then answer each datagram.")
                        : QStringLiteral("// TCP server with Qt: QTcpServer, each client answered as it sends."),
            QString::number(o.port),
            { QStringLiteral("#include <QCoreApplication>"), QStringLiteral("#include <QDateTime>"),
                QStringLiteral("#include <QHostAddress>"), QStringLiteral("#include <QNetworkDatagram>"),
                udp ? QStringLiteral("#include <QUdpSocket>") : QStringLiteral("#include <QTcpServer>"),
                QStringLiteral("#include <QTcpSocket>"), QStringLiteral("#include <QtEndian>") });
    if (asEcho)
        cpp.insert(2,
            QStringLiteral("// The %1 behaviour is not written out here: this program echoes instead.")
                .arg(o.behaviour));
    cpp << QString() << QStringLiteral("static QByteArray answer(const QByteArray &data)") << QStringLiteral("{");
    switch (answer) {
    case Answer::Echo:
        cpp << QStringLiteral("    return data; // echo (RFC 862)");
        break;
    case Answer::Timestamp:
        cpp << QStringLiteral(
            "    // As Python's time.ctime() writes it: \"Sun Nov  2 07:10:16 2026\" (the day padded with a space).")
            << QStringLiteral("    const QDateTime now = QDateTime::currentDateTime();")
            << QStringLiteral("    const QString ctime = QLocale::c().toString(now, QStringLiteral(\"ddd MMM \"))")
            << QStringLiteral("        + QString::number(now.date().day()).rightJustified(2, QLatin1Char(' '))")
            << QStringLiteral("        + QLocale::c().toString(now, QStringLiteral(\" hh:mm:ss yyyy\"));")
            << QStringLiteral("    return '[' + ctime.toLatin1() + \"] \" + data; // the seeds' tsTserv");
        break;
    case Answer::Daytime:
        cpp << QStringLiteral("    Q_UNUSED(data)")
            << QStringLiteral(
                   "    return QDateTime::currentDateTime().toString().toLatin1() + \"\\r\\n\"; // daytime (RFC 867)");
        break;
    case Answer::Time:
        cpp << QStringLiteral("    Q_UNUSED(data)") << QStringLiteral("    QByteArray reply(4, '\\0');")
            << QStringLiteral("    qToBigEndian<quint32>(quint32(QDateTime::currentSecsSinceEpoch() + 2208988800LL), "
                              "reply.data());")
            << QStringLiteral("    return reply; // time (RFC 868): seconds since 1900, big-endian");
        break;
    case Answer::Discard:
        cpp << QStringLiteral("    Q_UNUSED(data)") << QStringLiteral("    return {}; // discard (RFC 863)");
        break;
    }
    cpp << QStringLiteral("}") << QString() << QStringLiteral("int main(int argc, char *argv[])") << QStringLiteral("{")
        << QStringLiteral("    QCoreApplication app(argc, argv);")
        << QStringLiteral("    const QHostAddress address(%1);")
               .arg(host.isEmpty() ? (v6 ? QStringLiteral("QHostAddress::Any /* IPv6 and IPv4 */")
                                         : QStringLiteral("QHostAddress::AnyIPv4"))
                                   : cppString(host))
        << QStringLiteral("    const quint16 port = %1; // 0: the system picks a free one").arg(o.port);
    if (udp) {
        cpp << QStringLiteral("    QUdpSocket socket;") << QStringLiteral("    if (!socket.bind(address, port)) {")
            << QStringLiteral("        std::printf(\"bind: %s\\n\", qPrintable(socket.errorString()));")
            << QStringLiteral("        return 1;") << QStringLiteral("    }")
            << QStringLiteral("    std::printf(\"Listening on %s:%u\\n\", "
                              "qPrintable(socket.localAddress().toString()), socket.localPort());")
            << QStringLiteral("    std::fflush(stdout);")
            << QStringLiteral("    QObject::connect(&socket, &QUdpSocket::readyRead, [&] {")
            << QStringLiteral("        while (socket.hasPendingDatagrams()) {")
            << QStringLiteral("            const QNetworkDatagram d = socket.receiveDatagram();")
            << QStringLiteral("            const QByteArray reply = answer(d.data());")
            << (answer == Answer::Echo ? QStringLiteral("            // An empty datagram is echoed too.")
                                       : QStringLiteral("            if (!reply.isEmpty())"))
            << QStringLiteral("                socket.writeDatagram(d.makeReply(reply));")
            << QStringLiteral("        }") << QStringLiteral("    });");
    } else {
        const bool once = answer == Answer::Daytime || answer == Answer::Time;
        cpp << QStringLiteral("    QTcpServer server;")
            << QStringLiteral("    server.setMaxPendingConnections(%1);").arg(o.backlog)
            << QStringLiteral("    if (!server.listen(address, port)) { // QTcpServer sets SO_REUSEADDR itself")
            << QStringLiteral("        std::printf(\"listen: %s\\n\", qPrintable(server.errorString()));")
            << QStringLiteral("        return 1;") << QStringLiteral("    }")
            << QStringLiteral("    std::printf(\"Listening on %s:%u\\n\", "
                              "qPrintable(server.serverAddress().toString()), server.serverPort());")
            << QStringLiteral("    std::fflush(stdout);")
            << QStringLiteral("    QObject::connect(&server, &QTcpServer::newConnection, [&] {")
            << QStringLiteral("        while (QTcpSocket *client = server.nextPendingConnection()) {")
            << QStringLiteral("            std::printf(\"Got connection from %s:%u\\n\", "
                              "qPrintable(client->peerAddress().toString()), client->peerPort());")
            << QStringLiteral("            std::fflush(stdout);")
            << QStringLiteral(
                   "            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);");
        if (once)
            cpp << QStringLiteral("            client->write(answer({})); // the answer comes at once; then close")
                << QStringLiteral("            client->disconnectFromHost();");
        else
            cpp << QStringLiteral("            QObject::connect(client, &QTcpSocket::readyRead, client, [client] {")
                << QStringLiteral("                client->write(answer(client->readAll()));")
                << QStringLiteral("            });");
        cpp << QStringLiteral("        }") << QStringLiteral("    });");
    }
    cpp << QStringLiteral("    return app.exec();") << QStringLiteral("}");
    if (answer == Answer::Timestamp)
        cpp.insert(cpp.indexOf(QStringLiteral("#include <QHostAddress>")) + 1, QStringLiteral("#include <QLocale>"));
    p.cpp = cpp.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return p;
}

// --- HTTP GET ------------------------------------------------------------------------------------

Program forHttpGet(const HttpTarget &target, const QByteArray &request, bool halfClose)
{
    const bool shut = halfClose && !target.tls;
    const QString port = target.portOrDefault();
    Program p;
    QStringList py;
    py << QStringLiteral("#!/usr/bin/env python3")
       << QStringLiteral("# The seeds' web client: GET over a bare socket, every byte of the request written out.")
       << QStringLiteral("# Written by Socket Workbench from the HTTP GET form (%1).").arg(target.toUrl())
       << QStringLiteral("import socket");
    if (target.tls)
        py << QStringLiteral("import ssl");
    py << QStringLiteral("import sys") << QString() << QStringLiteral("host = %1").arg(pythonString(target.host));
    py << pythonPort(port, QStringLiteral("tcp"));
    py << QStringLiteral("request = %1").arg(pythonBytes(request)) << QString();
    py << pythonConnect(pythonFamily(AddressFamily::Any, target.host), 10000);
    if (target.tls)
        py << QStringLiteral("context = ssl.create_default_context()  # checks the certificate, as the panel does")
           << QStringLiteral("s = context.wrap_socket(s, server_hostname=host)");
    py << QStringLiteral("s.sendall(request)");
    if (shut)
        py << QStringLiteral("s.shutdown(1)  # half-close: the request is complete");
    py << QStringLiteral("chunks = []");
    py << pythonReadUntilClosed(QStringLiteral("chunks.append(buf)"));
    py << QStringLiteral("s.close()") << QStringLiteral("response = b''.join(chunks)")
       << QStringLiteral("head, _, body = response.partition(b'\\r\\n\\r\\n')")
       << QStringLiteral("print(head.decode('iso-8859-1'))")
       << QStringLiteral("print('-- %d bytes of body --' % len(body), flush=True)")
       << QStringLiteral("sys.stdout.buffer.write(body)");
    p.python = py.join(QLatin1Char('\n')) + QLatin1Char('\n');

    QStringList cpp
        = cppHeader(QStringLiteral("// The web client with Qt: GET over a %1, the request bytes written out.")
                        .arg(target.tls ? QStringLiteral("QSslSocket") : QStringLiteral("QTcpSocket")),
            port,
            { QStringLiteral("#include <QCoreApplication>"),
                target.tls ? QStringLiteral("#include <QSslSocket>") : QStringLiteral("#include <QTcpSocket>") });
    if (shut)
        cpp << QStringLiteral("#include <sys/socket.h> // shutdown(): QTcpSocket has no half-close");
    cpp << QString() << QStringLiteral("int main(int argc, char *argv[])") << QStringLiteral("{")
        << QStringLiteral("    QCoreApplication app(argc, argv);")
        << QStringLiteral("    const QString host = %1;").arg(cppString(target.host));
    cpp << cppPort(port, QStringLiteral("tcp"));
    cpp << QStringLiteral("    const QByteArray request = %1;").arg(cppBytes(request))
        << QStringLiteral("    %1 socket;")
               .arg(target.tls ? QStringLiteral("QSslSocket") : QStringLiteral("QTcpSocket"))
        << QStringLiteral("    QByteArray response;")
        << QStringLiteral("    QObject::connect(&socket, &%1, [&] {")
               .arg(target.tls ? QStringLiteral("QSslSocket::encrypted") : QStringLiteral("QTcpSocket::connected"))
        << QStringLiteral("        socket.write(request);") << QStringLiteral("    });");
    if (shut)
        cpp << QStringLiteral("    QObject::connect(&socket, &QTcpSocket::bytesWritten, [&] {")
            << QStringLiteral("        if (socket.bytesToWrite() == 0)")
            << QStringLiteral("            ::shutdown(int(socket.socketDescriptor()), SHUT_WR); // half-close: the "
                              "request is complete")
            << QStringLiteral("    });");
    cpp << QStringLiteral(
        "    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { response += socket.readAll(); });")
        << QStringLiteral("    QObject::connect(&socket, &QTcpSocket::disconnected, [&] {")
        << QStringLiteral("        const qsizetype end = response.indexOf(\"\\r\\n\\r\\n\");")
        << QStringLiteral("        std::printf(\"%s\\n-- %lld bytes of body --\\n\", response.left(end).constData(),")
        << QStringLiteral("            qlonglong(end < 0 ? 0 : response.size() - end - 4));")
        << QStringLiteral("        app.quit();") << QStringLiteral("    });")
        << QStringLiteral(
               "    QObject::connect(&socket, &QTcpSocket::errorOccurred, [&](QAbstractSocket::SocketError error) {")
        << QStringLiteral("        if (error == QAbstractSocket::RemoteHostClosedError)")
        << QStringLiteral("            return; // the end of the response: disconnected() follows")
        << QStringLiteral("        std::printf(\"Error: %s\\n\", qPrintable(socket.errorString()));")
        << QStringLiteral("        app.exit(4);") << QStringLiteral("    });");
    cpp << (target.tls ? QStringLiteral("    socket.connectToHostEncrypted(host, port);")
                       : QStringLiteral("    socket.connectToHost(host, port);"))
        << QStringLiteral("    return app.exec();") << QStringLiteral("}");
    p.cpp = cpp.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return p;
}

// --- Lookup ---------------------------------------------------------------------------------------

Program forLookup(const QString &serviceOrPort, const QString &protocol, const QString &host, AddressFamily family)
{
    bool isPort = false;
    const uint port = serviceOrPort.trimmed().toUInt(&isPort);
    isPort = isPort && port <= 65535; // a larger number is looked up as a name, and not found
    const bool isAddress = !QHostAddress(host).isNull();
    const QString proto = protocol.isEmpty() ? QString() : QStringLiteral(", %1").arg(pythonString(protocol));
    const QString af = family == AddressFamily::IPv4 ? QStringLiteral("AF_INET")
        : family == AddressFamily::IPv6              ? QStringLiteral("AF_INET6")
                                                     : QStringLiteral("AF_UNSPEC");
    Program p;
    QStringList py;
    py << QStringLiteral("#!/usr/bin/env python3")
       << QStringLiteral("# What the socket module's lookup functions return.")
       << QStringLiteral("# Written by Socket Workbench from the Lookup panel's fields.")
       << QStringLiteral("import socket") << QStringLiteral("import sys") << QString();
    if (isPort) {
        py << QStringLiteral("port = %1").arg(port) << QStringLiteral("try:")
           << QStringLiteral("    name = socket.getservbyport(port%1)  # from /etc/services").arg(proto)
           << QStringLiteral("    print('port %d -> service %s' % (port, name))")
           << QStringLiteral("except OSError as e:")
           << QStringLiteral("    print('No service for port %d: %s' % (port, e))");
    } else {
        py << QStringLiteral("service = %1").arg(pythonString(serviceOrPort.trimmed())) << QStringLiteral("try:")
           << QStringLiteral("    port = socket.getservbyname(service%1)  # from /etc/services").arg(proto)
           << QStringLiteral("    print('%s -> port %d' % (service, port))") << QStringLiteral("except OSError as e:")
           << QStringLiteral("    print(\"Couldn't find your port: %s\" % e)");
    }
    py << QString() << QStringLiteral("host = %1").arg(pythonString(host.trimmed())) << QStringLiteral("try:");
    if (isAddress) {
        py << QStringLiteral("    name, aliases, addresses = socket.gethostbyaddr(host)  # the reverse lookup")
           << QStringLiteral("    print('%s -> %s, aliases %s, addresses %s' % (host, name, aliases, addresses))");
    } else {
        py << QStringLiteral(
            "    for family, socktype, proto, canonname, sockaddr in socket.getaddrinfo(host, None, socket.%1):")
                  .arg(af)
           << QStringLiteral("        print('%s %s %s' % (family.name, socktype.name, sockaddr[0]))");
        if (family != AddressFamily::IPv6)
            py << QStringLiteral("    print('gethostbyname_ex:', socket.gethostbyname_ex(host))  # IPv4 only");
    }
    py << QStringLiteral("except socket.gaierror as e:") << QStringLiteral("    print('Address-related error: %s' % e)")
       << QStringLiteral("    sys.exit(3)") << QStringLiteral("except socket.herror as e:")
       << QStringLiteral("    print('No name for this address: %s' % e)") << QStringLiteral("    sys.exit(3)");
    p.python = py.join(QLatin1Char('\n')) + QLatin1Char('\n');

    QStringList cpp {
        QStringLiteral(
            "// Lookups with Qt (QHostInfo, without blocking) and the C library (getservbyname: Qt has none)."),
        QStringLiteral("// Written by Socket Workbench from the Lookup panel's fields. Build: link Qt6::Network."),
        QStringLiteral("#include <QCoreApplication>"), QStringLiteral("#include <QHostAddress>"),
        QStringLiteral("#include <QHostInfo>"), QString(), QStringLiteral("#include <arpa/inet.h>"),
        QStringLiteral("#include <cstdio>"), QStringLiteral("#include <netdb.h>"), QString(),
        QStringLiteral("int main(int argc, char *argv[])"), QStringLiteral("{"),
        QStringLiteral("    QCoreApplication app(argc, argv);")
    };
    const QString cproto = protocol.isEmpty() ? QStringLiteral("nullptr") : cString(protocol);
    if (isPort)
        cpp << QStringLiteral("    if (const servent *s = getservbyport(int(htons(%1)), %2))").arg(port).arg(cproto)
            << QStringLiteral("        std::printf(\"port %1 -> service %s\\n\", s->s_name);").arg(port)
            << QStringLiteral("    else")
            << QStringLiteral("        std::printf(\"No service for port %1\\n\");").arg(port);
    else
        cpp << QStringLiteral("    if (const servent *s = getservbyname(%1, %2))")
                   .arg(cString(serviceOrPort.trimmed()), cproto)
            << QStringLiteral("        std::printf(\"%s -> port %d\\n\", s->s_name, ntohs(quint16(s->s_port)));")
            << QStringLiteral("    else") << QStringLiteral("        std::printf(\"Couldn't find your port\\n\");");
    cpp << QStringLiteral("    QHostInfo::lookupHost(%1, &app, [&](const QHostInfo &info) {")
               .arg(cppString(host.trimmed()))
        << QStringLiteral("        if (info.error() != QHostInfo::NoError) {")
        << QStringLiteral("            std::printf(\"Address-related error: %s\\n\", qPrintable(info.errorString()));")
        << QStringLiteral("            app.exit(3);") << QStringLiteral("            return;")
        << QStringLiteral("        }");
    if (isAddress)
        cpp << QStringLiteral("        std::printf(\"%s -> %s\\n\", qPrintable(%1), qPrintable(info.hostName()));")
                   .arg(cppString(host.trimmed()));
    else
        cpp << QStringLiteral("        for (const QHostAddress &address : info.addresses())")
            << QStringLiteral("            std::printf(\"%s\\n\", qPrintable(address.toString()));");
    cpp << QStringLiteral("        app.quit();") << QStringLiteral("    });")
        << QStringLiteral("    return app.exec();") << QStringLiteral("}");
    p.cpp = cpp.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return p;
}

} // namespace swb::EquivalentCode
