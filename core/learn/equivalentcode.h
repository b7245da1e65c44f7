#pragma once
// The program a learner would type to do what a panel's form describes: Python 3 in the seeds'
// style (socket.socket, getservbyname, sendto/recvfrom, struct.unpack, the seeds' error handling),
// and C++ with Qt (QUdpSocket, QTcpSocket, signals and slots). The values come from the form, so
// the code changes as the form does. Pure functions: text in, text out.

#include "client/tcpprobe.h"
#include "client/udpsession.h"
#include "http/httptarget.h"
#include "server/listenserver.h"
#include "time/timequery.h"

#include <QByteArray>
#include <QString>

namespace swb::EquivalentCode {

struct Program {
    QString python;
    QString cpp;
};

// The UDP panel: one socket, unconnected (sendto/recvfrom) or connected (connect, send/recv).
Program forUdp(const UdpSessionRequest &request);
// The Time Query panel: RFC 868 time, RFC 867 daytime (UDP or TCP), SNTP v4, with its attempts.
Program forTime(const TimeQueryRequest &request);

// Connect & Inspect: connect, both ends; with a payload, sendall, half-close and read the answer.
Program forConnect(const TcpProbeRequest &request, const QByteArray &payload);
// The Listen Server panel: the seeds' server loop (bind, listen, accept, one client at a time) or
// the UDP recvfrom loop, answering as the behaviour does (echo, timestamp, daytime, time, discard;
// the others are written as echo, and the program says so).
Program forServer(const ListenServerOptions &options);
// HTTP GET: the seed's web client, sending these exact request bytes.
Program forHttpGet(const HttpTarget &target, const QByteArray &request, bool halfClose);

// Lookup: a service's port (getservbyname) or a port's service (getservbyport) for a protocol
// (empty: any), and a host's addresses (getaddrinfo, gethostbyname_ex) or an address's name
// (gethostbyaddr).
Program forLookup(const QString &serviceOrPort, const QString &protocol, const QString &host, AddressFamily family);

// bytes as a Python literal: b'GET / HTTP/1.0\r\n\r\n', b'x' * 65507 for a run of one byte,
// bytes.fromhex('...') for long binary data.
QString pythonBytes(const QByteArray &bytes);
// A Python string literal: 'text' with quotes and backslashes escaped.
QString pythonString(const QString &text);
// A C++ string literal for a QByteArray, with the length given so NUL bytes survive:
// QByteArray("a\0b", 3). Long runs of one byte are QByteArray(65507, 'x').
QString cppBytes(const QByteArray &bytes);
// A C string literal "...", with quotes, backslashes and control characters escaped.
QString cString(const QString &text);
// A C++ string literal for a QString: QStringLiteral("...").
QString cppString(const QString &text);

} // namespace swb::EquivalentCode
