#include "stepexplanations.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

#include <iterator>

namespace swb::StepExplanations {

namespace {

// Texts::tr() with the context "StepExplanations", which lupdate sees too (a free Texts::tr() here would be
// filed under the namespace).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(StepExplanations)
};

// The table: what each call does and the Python line that makes it. The what texts are marked
// for translation here and translated when shown.
struct Entry {
    const char *call;
    const char *what;
    const char *python;
};

// clang-format off
const Entry kEntries[] = {
    { "getservbyname",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Looks up the port number of a service name (such as \"http\" or \"daytime\") in this machine's "
          "service table, /etc/services. No packet is sent."),
      "port = socket.getservbyname(name, protocol)" },
    { "getaddrinfo",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Turns a host name into the addresses to connect to, by asking /etc/hosts and then DNS (name "
          "resolution). A name can have several addresses, IPv4 and IPv6."),
      "infos = socket.getaddrinfo(host, port, family, type)" },
    { "socket",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Creates a socket: the program's end of a network conversation. AF_INET means IPv4, AF_INET6 "
          "IPv6; SOCK_STREAM means TCP (a reliable stream of bytes), SOCK_DGRAM UDP (separate datagrams). "
          "Nothing is sent yet."),
      "s = socket.socket(family, type)" },
    { "setsockopt",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Changes an option of the socket, which changes how the system treats it. Nothing is sent."),
      "s.setsockopt(level, option, value)" },
    { "bind",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Gives the socket its own address and port on this machine, so that what arrives there is "
          "delivered to it. A server binds the port clients will use; port 0 asks the system to choose "
          "a free one."),
      "s.bind((host, port))" },
    { "listen",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Turns a bound TCP socket into a listening socket: the system now answers connection requests "
          "(the handshake) on its port, and queues the finished connections until accept() takes them."),
      "s.listen(backlog)" },
    { "getsockname",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Asks the socket for its own address and port on this machine. Nothing is sent."),
      "address = s.getsockname()" },
    { "getpeername",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Asks a connected socket for the address and port of the other side. Nothing is sent."),
      "address = s.getpeername()" },
    { "connect",
      QT_TRANSLATE_NOOP("StepExplanations",
          "For TCP, opens a connection to the address and port: this machine sends a SYN, the other "
          "side answers SYN-ACK, and this machine replies ACK (the three-way handshake). For UDP it only "
          "records the default destination; nothing is sent."),
      "s.connect((host, port))" },
    { "accept",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Takes the next client whose connection has been made from the listening socket's queue, and "
          "gives a new socket just for talking to that client. The listening socket keeps waiting for "
          "others."),
      "conn, address = s.accept()" },
    { "send",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Hands bytes to the system to send on a connected socket. The system copies them into the "
          "socket's send buffer and sends them when it can; send() returns how many it took."),
      "n = s.send(data)" },
    { "sendto",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Sends one UDP datagram to the address and port given with it. UDP has no connection: each "
          "datagram travels alone, whole or not at all, and may be lost without anyone being told."),
      "n = s.sendto(data, (host, port))" },
    { "recv",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Takes bytes that have arrived from the socket's receive buffer (waiting until some come). TCP "
          "is a stream: one recv() may return part of what the other side sent, or several sends joined "
          "together. 0 bytes means the other side will send nothing more."),
      "data = s.recv(bufsize)" },
    { "recvfrom",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Takes one UDP datagram that has arrived, together with the address and port of its sender. "
          "Each call returns exactly one datagram, never part of two."),
      "data, address = s.recvfrom(bufsize)" },
    { "read",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Reads bytes from an encrypted (TLS) connection: the encrypted bytes are received from the "
          "socket and decrypted, and the readable text is returned."),
      "data = tls.recv(bufsize)" },
    { "write",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Writes bytes to an encrypted (TLS) connection: they are encrypted, then sent on the socket."),
      "n = tls.send(data)" },
    { "shutdown",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Closes one direction of a TCP connection. SHUT_WR means: this side will send nothing more. "
          "The other side then reads the end (recv() returns 0), but this side can still receive its "
          "answer."),
      "s.shutdown(socket.SHUT_WR)" },
    { "close",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Closes the socket and frees its number. For TCP the other side is told (a FIN): nothing more "
          "can be sent or received on this socket."),
      "s.close()" },
    { "getsockopt",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Reads an option of the socket. SO_ERROR reads (and clears) an error the system has noted for "
          "the socket but not yet reported, such as an ICMP port-unreachable for a UDP datagram."),
      "err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)" },
    { "TLS handshake",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Starts encryption (TLS, the S in HTTPS) on a connected TCP socket: client and server agree on "
          "how to encrypt, and the server proves who it is with its certificate."),
      "tls = ssl.create_default_context().wrap_socket(s, server_hostname=host)" },
    { "parse",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Not a socket call: Socket Workbench reads the received bytes as an HTTP response (status line, "
          "headers, body) and checks they follow the rules of HTTP."),
      "" },
    { "drop",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Not a socket call: the lab server was asked to be lossy, so it threw this datagram away on "
          "purpose, as a busy network might. UDP does not notice and does not send it again."),
      "" },
    { "gethostbyname2_r",
      QT_TRANSLATE_NOOP("StepExplanations",
          "The older way to look up a name (before getaddrinfo): it returns the official name, its "
          "aliases and its IPv4 addresses."),
      "name, aliases, addresses = socket.gethostbyname_ex(host)" },
    { "gethostbyaddr_r",
      QT_TRANSLATE_NOOP("StepExplanations",
          "The older way to turn an address back into a name (a reverse lookup): it returns the name, "
          "its aliases and addresses."),
      "name, aliases, addresses = socket.gethostbyaddr(address)" },
    { "getnameinfo",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Turns an address back into a host name (a reverse lookup), asking /etc/hosts and then DNS "
          "for the address's PTR entry."),
      "host, port = socket.getnameinfo((address, 0), 0)" },
    { "gethostname",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Asks for this machine's own name, as it is set on this machine. Nothing is sent."),
      "name = socket.gethostname()" },
    { "getfqdn",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Asks for this machine's fully qualified domain name (the name with its domain, such as "
          "pc.example.org), looked up from its short name."),
      "name = socket.getfqdn()" },
    { "getifaddrs",
      QT_TRANSLATE_NOOP("StepExplanations",
          "Lists this machine's network interfaces (loopback, Ethernet, Wi-Fi, ...) with their "
          "addresses. Nothing is sent."),
      "names = socket.if_nameindex()" },
};
// clang-format on

const Entry *find(const QString &call)
{
    for (const Entry &entry : kEntries) {
        if (call == QLatin1String(entry.call))
            return &entry;
    }
    return nullptr;
}

QString titleOf(const QString &call)
{
    if (call == QLatin1String("TLS handshake"))
        return Texts::tr("TLS handshake");
    if (call == QLatin1String("parse"))
        return Texts::tr("Reading the HTTP response");
    if (call == QLatin1String("drop"))
        return Texts::tr("Datagram dropped");
    return call + QStringLiteral("()");
}

bool looksLikeErrorName(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^(E[A-Z0-9_]+|TLS_[A-Z_]+)$"));
    return name.match(text).hasMatch();
}

bool isTls(const TraceEvent &e)
{
    return e.call == QLatin1String("read") || e.call == QLatin1String("write") || e.arguments.contains(u"TLS");
}

bool isUdp(const TraceEvent &e)
{
    return e.call == QLatin1String("sendto") || e.call == QLatin1String("recvfrom")
        || e.arguments.contains(u"MSG_TRUNC") || e.arguments.contains(u"SOCK_DGRAM");
}

// The first number in text ("fd 7" -> 7), or -1.
qint64 firstNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("(\\d+)"));
    const QRegularExpressionMatch m = number.match(text);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

QString peerText(const TraceEvent &e)
{
    return e.remote.isValid() ? e.remote.toString() : Texts::tr("the other side");
}

enum class Cast { None, Broadcast, Multicast };

Cast castOf(const QString &host)
{
    const QHostAddress address(host);
    if (address.isNull())
        return Cast::None;
    if (address.isMulticast())
        return Cast::Multicast;
    if (address.protocol() == QAbstractSocket::IPv4Protocol && (address.toIPv4Address() & 0xffu) == 0xffu)
        return Cast::Broadcast; // 255.255.255.255, or a network's directed broadcast (x.y.z.255)
    return Cast::None;
}

// The OS error name this failed event reports, as explainError() knows them.
QString errorNameOf(const TraceEvent &e)
{
    if (e.error == ErrorKind::Timeout)
        return QStringLiteral("ETIMEDOUT");
    if (e.call == QLatin1String("TLS handshake"))
        return e.result.contains(u"certificate") ? QStringLiteral("TLS_CERTIFICATE") : QStringLiteral("TLS_HANDSHAKE");
    if (looksLikeErrorName(e.result))
        return e.result;
    return {};
}

bool isFailure(const TraceEvent &e)
{
    if (e.kind == TraceKind::Error)
        return true;
    // getsockopt(SO_ERROR) succeeds and reports a pending error: that is its result, not its failure.
    if (e.call == QLatin1String("getsockopt"))
        return false;
    return e.kind != TraceKind::Note && looksLikeErrorName(e.result);
}

QString joined(const QString &first, const QString &second)
{
    if (first.isEmpty())
        return second;
    if (second.isEmpty())
        return first;
    return first + QLatin1Char(' ') + second;
}

// A sentence about this call's failure that the general explanation of the error cannot know.
QString failureLead(const TraceEvent &e, const QString &os)
{
    const QString &call = e.call;
    if (e.error == ErrorKind::Timeout) {
        if (call == QLatin1String("connect"))
            return Texts::tr("No answer to the connection request (SYN) came within the time limit: the connection "
                             "was not made.");
        if (call == QLatin1String("getaddrinfo") || call == QLatin1String("getnameinfo")
            || call == QLatin1String("getfqdn"))
            return Texts::tr("The name lookup (DNS) did not answer within the time limit.");
        if (call == QLatin1String("recv") || call == QLatin1String("read") || call == QLatin1String("recvfrom"))
            return Texts::tr("Nothing arrived within the time limit while waiting to receive.");
        if (call == QLatin1String("send") || call == QLatin1String("write"))
            return Texts::tr(
                "The bytes could not be handed over within the time limit: the other side is not reading.");
        if (call == QLatin1String("TLS handshake"))
            return Texts::tr("The TLS handshake did not finish within the time limit.");
        return Texts::tr("It timed out: nothing happened within the time limit.");
    }
    if (os == QLatin1String("ECONNREFUSED")) {
        if (call == QLatin1String("connect") && !isUdp(e))
            return Texts::tr("The connection request (SYN) was answered at once with a reset (RST).");
        return Texts::tr("An ICMP port-unreachable came back for an earlier datagram: the other machine answered that "
                         "nothing listens on that UDP port.");
    }
    if (call == QLatin1String("bind"))
        return Texts::tr("bind() could not give the socket that address and port.");
    if (call == QLatin1String("parse"))
        return Texts::tr("The bytes that came are not a valid HTTP response at this point (%1).").arg(e.result);
    if (call == QLatin1String("shutdown"))
        return Texts::tr("The sending direction could not be closed.");
    if (call == QLatin1String("accept"))
        return Texts::tr("No client could be taken from the queue this time; the server keeps listening.");
    return {};
}

QString failureResult(const TraceEvent &e)
{
    const QString os = errorNameOf(e);
    if (e.call == QLatin1String("sendto") && os == QLatin1String("EACCES")) {
        // explainError's EACCES is about ports below 1024; for sendto it is about broadcast.
        return Texts::tr("The system refused to send: sending to a broadcast address is allowed only after "
                         "setsockopt(SOL_SOCKET, SO_BROADCAST, 1).");
    }
    ErrorKind kind = e.error;
    if (kind == ErrorKind::None)
        kind = os.startsWith(u"EAI_")            ? ErrorKind::Resolve
            : e.call == QLatin1String("connect") ? ErrorKind::Connect
                                                 : ErrorKind::Io;
    QString text = joined(failureLead(e, os), explainError(kind, os));
    if (os.isEmpty() && !e.result.isEmpty() && e.call != QLatin1String("parse"))
        text = joined(Texts::tr("It reported: %1.").arg(e.result), text);
    return text;
}

QString setsockoptResult(const TraceEvent &e)
{
    const QString &a = e.arguments;
    if (a.contains(u"SO_REUSEADDR"))
        return Texts::tr("SO_REUSEADDR is on: the server may bind its port again at once, even while connections of an "
                         "earlier run still linger in the TIME_WAIT state (which would otherwise give EADDRINUSE).");
    if (a.contains(u"SO_BROADCAST"))
        return Texts::tr("SO_BROADCAST is on: this socket may now send datagrams to a broadcast address, which every "
                         "machine on the local network receives.");
    if (a.contains(u"MULTICAST_TTL") || a.contains(u"MULTICAST_HOPS"))
        return Texts::tr("The multicast time to live is set to %1: how many routers a multicast datagram may cross "
                         "(1: it stays on the local network).")
            .arg(firstNumber(a.mid(a.lastIndexOf(QLatin1Char(',')))));
    if (a.contains(u"MULTICAST_LOOP"))
        return Texts::tr("Multicast loopback is set: whether this machine also receives the multicast datagrams it "
                         "sends itself.");
    if (a.contains(u"ADD_MEMBERSHIP") || a.contains(u"JOIN_GROUP"))
        return Texts::tr("The socket joined the multicast group: datagrams sent to the group's address now reach it.");
    if (a.contains(u"MULTICAST_IF"))
        return Texts::tr("Multicast datagrams now leave through the interface given.");
    return Texts::tr("The option is set.");
}

QString getaddrinfoResult(const TraceEvent &e)
{
    const QStringList addresses = e.result.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    const QString list = addresses.size() == 1
        ? Texts::tr("The name has one address: %1.").arg(e.result)
        : Texts::tr("The name has %1 addresses: %2.").arg(addresses.size()).arg(e.result);
    return joined(list,
        isUdp(e)
            ? Texts::tr("UDP uses the first one.")
            : Texts::tr("A TCP client tries them in this order until one answers (IPv4 and IPv6 may both appear)."));
}

QString bindResult(const TraceEvent &e)
{
    static const QRegularExpression portZero(QStringLiteral("(:0\\)|, 0\\)\\))$"));
    if (portZero.match(e.arguments).hasMatch())
        return Texts::tr("The socket has its address. Port 0 asked the system to pick a free port: getsockname() tells "
                         "which.");
    return Texts::tr("The socket now owns the address and port %1: what arrives there is delivered to it.")
        .arg(e.arguments.mid(1, e.arguments.size() - 2));
}

QString connectResult(const TraceEvent &e)
{
    if (e.kind == TraceKind::Call || isUdp(e))
        return Texts::tr("Nothing was sent: a UDP connect() only records the destination. From now on send() goes to "
                         "%1, and the system keeps only datagrams that come from there.")
            .arg(e.remote.isValid() ? e.remote.toString() : e.arguments);
    return Texts::tr("The three-way handshake finished (SYN, SYN-ACK, ACK): the connection to %1 is open and both "
                     "sides may send.")
        .arg(peerText(e));
}

QString acceptResult(const TraceEvent &e)
{
    const qint64 fd = firstNumber(e.result);
    return Texts::tr("A client connected from %1 (its address and the port its system picked). The new socket fd %2 "
                     "is just for this client.")
        .arg(peerText(e))
        .arg(fd);
}

QString sendResult(const TraceEvent &e)
{
    const qint64 asked = firstNumber(e.arguments);
    QString text = isTls(e)
        ? Texts::tr("%1 were encrypted and sent.").arg(byteCount(e.size))
        : Texts::tr("The system took %1 into the send buffer; it sends them when it can.").arg(byteCount(e.size));
    if (asked > e.size)
        text = joined(text, Texts::tr("Only part of the %1 was taken: the rest is sent next.").arg(byteCount(asked)));
    return text;
}

QString sendtoResult(const TraceEvent &e)
{
    const QString to = peerText(e);
    switch (castOf(e.remote.host)) {
    case Cast::Broadcast:
        return Texts::tr("One datagram of %1 went to the broadcast address %2: every machine on the local network "
                         "receives it (which needs SO_BROADCAST).")
            .arg(byteCount(e.size), to);
    case Cast::Multicast:
        return Texts::tr("One datagram of %1 went to the multicast group %2: every machine that joined the group "
                         "receives it.")
            .arg(byteCount(e.size), to);
    case Cast::None:
        break;
    }
    return Texts::tr("One datagram of %1 went to %2. Whether it arrives, UDP does not say: only a reply tells.")
        .arg(byteCount(e.size), to);
}

QString receiveResult(const TraceEvent &e)
{
    const bool datagram = isUdp(e);
    if (!datagram && e.size == 0 && e.payload.isEmpty())
        return Texts::tr("0 bytes: the other side closed its sending direction (end of file). Nothing more will come "
                         "on this connection.");
    QString text;
    if (e.call == QLatin1String("recvfrom"))
        text = Texts::tr("One whole datagram of %1; its sender is %2.").arg(byteCount(e.size), peerText(e));
    else if (datagram)
        text = Texts::tr("One whole datagram of %1 from %2.").arg(byteCount(e.size), peerText(e));
    else if (isTls(e))
        text = Texts::tr("%1 arrived and were decrypted. Like TCP, this may be part of what the server sent.")
                   .arg(byteCount(e.size));
    else
        text = Texts::tr("%1 arrived. TCP is a stream: this may be part of what the other side sent, or several of its "
                         "sends together.")
                   .arg(byteCount(e.size));
    if (e.result.contains(u"truncated"))
        text = joined(text,
            Texts::tr("It was larger than the buffer, so it was cut: the rest of the datagram is lost (UDP never "
                      "returns it later)."));
    else if (e.result.contains(u"discarded"))
        text = joined(text, Texts::tr("The server is closing this client, so it threw these bytes away."));
    return text;
}

QString closeResult(const TraceEvent &e)
{
    if (e.error == ErrorKind::Local)
        return Texts::tr("The server already had its maximum number of clients, so it closed this one at once.");
    if (e.arguments.contains(u"listening"))
        return Texts::tr("The server stopped listening: new clients are now refused.");
    static const QRegularExpression why(QStringLiteral("^ok \\((.*)\\)$"));
    const QRegularExpressionMatch m = why.match(e.result);
    const QString closed = Texts::tr("The socket is closed: nothing more can be sent or received on it.");
    return m.hasMatch() ? joined(closed, Texts::tr("Why: %1.").arg(m.captured(1))) : closed;
}

QString successResult(const TraceEvent &e)
{
    const QString &call = e.call;
    if (call == QLatin1String("getservbyname")) {
        if (e.result.contains(u"not in"))
            return Texts::tr("The service table does not list this name: the well-known port %1 is used instead.")
                .arg(firstNumber(e.result));
        return Texts::tr("The service table gives port %1 for this name.").arg(firstNumber(e.result));
    }
    if (call == QLatin1String("getaddrinfo"))
        return getaddrinfoResult(e);
    if (call == QLatin1String("socket")) {
        if (e.result.startsWith(u"fd"))
            return Texts::tr("The socket exists and has the number %1 (a file descriptor): every later call names the "
                             "socket by this number.")
                .arg(firstNumber(e.result));
        return Texts::tr("A socket of this kind can be made: this machine supports it.");
    }
    if (call == QLatin1String("setsockopt"))
        return setsockoptResult(e);
    if (call == QLatin1String("bind"))
        return bindResult(e);
    if (call == QLatin1String("listen"))
        return Texts::tr("The socket is listening. The backlog %1 is how many finished connections may wait for "
                         "accept() at once; when the queue is full, new ones wait or are refused.")
            .arg(firstNumber(e.arguments));
    if (call == QLatin1String("getsockname"))
        return Texts::tr("This socket's own address and port: %1. Unless the program bound a port itself, the port "
                         "was picked by the system (an ephemeral port).")
            .arg(e.result);
    if (call == QLatin1String("getpeername"))
        return Texts::tr("The other side's address and port: %1.").arg(e.result);
    if (call == QLatin1String("connect"))
        return connectResult(e);
    if (call == QLatin1String("accept"))
        return acceptResult(e);
    if (call == QLatin1String("send") || call == QLatin1String("write"))
        return sendResult(e);
    if (call == QLatin1String("sendto"))
        return sendtoResult(e);
    if (call == QLatin1String("recv") || call == QLatin1String("recvfrom") || call == QLatin1String("read"))
        return receiveResult(e);
    if (call == QLatin1String("shutdown"))
        return Texts::tr("This side will send nothing more: the other side's recv() now returns 0 (end of file), and "
                         "this side can still receive the answer.");
    if (call == QLatin1String("close"))
        return closeResult(e);
    if (call == QLatin1String("getsockopt")) {
        if (e.result == QLatin1String("ECONNREFUSED"))
            return Texts::tr(
                "An error was waiting: ECONNREFUSED, an ICMP port-unreachable came back. The other machine "
                "answered that nothing listens on that UDP port.");
        if (looksLikeErrorName(e.result))
            return joined(Texts::tr("An error was waiting: %1.").arg(e.result), explainError(ErrorKind::Io, e.result));
        return Texts::tr("No error was waiting: no ICMP port-unreachable came back for the datagrams sent.");
    }
    if (call == QLatin1String("TLS handshake")) {
        if (e.result.contains(u"ClientHello"))
            return Texts::tr("The client sent its ClientHello (the TLS versions and ciphers it knows, and the server's "
                             "name) and waits for the server's answer and certificate.");
        return Texts::tr("The handshake finished: both sides agreed on %1 and on keys. From now on everything sent "
                         "on this connection is encrypted.")
            .arg(e.result);
    }
    if (call == QLatin1String("gethostbyname2_r") || call == QLatin1String("gethostbyaddr_r"))
        return Texts::tr("It answered: %1.").arg(e.result);
    if (call == QLatin1String("getnameinfo"))
        return Texts::tr("The address has the name %1.").arg(e.result);
    if (call == QLatin1String("gethostname"))
        return Texts::tr("This machine calls itself %1.").arg(e.result);
    if (call == QLatin1String("getfqdn"))
        return Texts::tr("This machine's full name is %1.").arg(e.result);
    if (call == QLatin1String("getifaddrs"))
        return Texts::tr("This machine has %1: each one is a way onto a network, with its own addresses.")
            .arg(e.result);
    return Texts::tr("It returned: %1.").arg(e.result);
}

// A Note that names a call: a remark about that call (not made, found nothing, accepted anyway).
QString noteResult(const TraceEvent &e)
{
    const QString text = e.result.isEmpty() ? e.arguments : e.result;
    if (e.call == QLatin1String("drop"))
        return Texts::tr("This datagram is lost: the server neither answers nor reports it. The client waits and, "
                         "after its receive window, counts it as unanswered.");
    if (e.call == QLatin1String("gethostbyname2_r") || e.call == QLatin1String("gethostbyaddr_r"))
        return Texts::tr("It found nothing (%1). The older call may know less than getaddrinfo(), so this is only a "
                         "remark.")
            .arg(text);
    if (e.call == QLatin1String("shutdown"))
        return Texts::tr("Socket Workbench did not make this call: %1.").arg(text);
    return Texts::tr("A remark by Socket Workbench about this call: %1").arg(text);
}

QString pythonFor(const TraceEvent &e, const Entry &entry)
{
    const QString line = QString::fromLatin1(entry.python);
    if (e.call == QLatin1String("socket")) {
        static const QRegularExpression args(QStringLiteral("^\\((AF_\\w+), (SOCK_\\w+)\\)$"));
        const QRegularExpressionMatch m = args.match(e.arguments);
        if (m.hasMatch())
            return QStringLiteral("s = socket.socket(socket.%1, socket.%2)").arg(m.captured(1), m.captured(2));
    } else if (e.call == QLatin1String("setsockopt")) {
        static const QRegularExpression args(QStringLiteral("^\\((\\w+), (\\w+), (\\d+)\\)$"));
        const QRegularExpressionMatch m = args.match(e.arguments);
        if (m.hasMatch())
            return QStringLiteral("s.setsockopt(socket.%1, socket.%2, %3)")
                .arg(m.captured(1), m.captured(2), m.captured(3));
    } else if (e.call == QLatin1String("listen")) {
        const qint64 backlog = firstNumber(e.arguments);
        if (backlog >= 0)
            return QStringLiteral("s.listen(%1)").arg(backlog);
    } else if (e.call == QLatin1String("close") && e.arguments == QLatin1String("()") && e.connectionId > 0) {
        return QStringLiteral("conn.close()"); // a server's client socket, as accept() named it
    } else if (e.connectionId > 0 && (e.call == QLatin1String("recv") || e.call == QLatin1String("send"))) {
        return QString(line).replace(QStringLiteral("s."), QStringLiteral("conn."));
    } else if (e.connectionId > 0 && e.call == QLatin1String("shutdown")) {
        return QStringLiteral("conn.shutdown(socket.SHUT_WR)");
    }
    return line;
}

} // namespace

QStringList knownCalls()
{
    QStringList calls;
    calls.reserve(int(std::size(kEntries)));
    for (const Entry &entry : kEntries)
        calls.append(QString::fromLatin1(entry.call));
    return calls;
}

Explanation explain(const TraceEvent &event)
{
    Explanation x;
    if (event.call.isEmpty()) {
        const QString text = event.result.isEmpty() ? event.arguments : event.result;
        if (event.kind == TraceKind::Error) {
            x.title = Texts::tr("Problem");
            x.what = Texts::tr("A problem Socket Workbench noticed, not the result of one socket call.");
            x.result = joined(text, explainError(event.error, QString()));
        } else {
            x.title = Texts::tr("Note");
            x.what
                = Texts::tr("A remark by Socket Workbench, not a socket call: it says what happened around the steps "
                            "before and after it. Nothing is sent or received here.");
            x.result = text;
        }
        return x;
    }
    const Entry *entry = find(event.call);
    x.title = titleOf(event.call);
    if (!entry) {
        x.known = false;
        x.what = Texts::tr("A step Socket Workbench has no explanation for yet; the call and result columns show what "
                           "happened.");
        x.result = isFailure(event)  ? failureResult(event)
            : event.result.isEmpty() ? QString()
                                     : Texts::tr("It returned: %1.").arg(event.result);
        return x;
    }
    x.what = Texts::tr(entry->what);
    x.python = pythonFor(event, *entry);
    if (event.kind == TraceKind::Note)
        x.result = noteResult(event);
    else if (isFailure(event))
        x.result = failureResult(event);
    else
        x.result = successResult(event);
    return x;
}

} // namespace swb::StepExplanations
