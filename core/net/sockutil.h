#pragma once
// Small helpers over POSIX socket calls: the names the trace prints (AF_INET, SOCK_STREAM) and the
// endpoints a file descriptor is bound or connected to.

#include "net/endpoint.h"

#include <QString>

namespace swb::SockUtil {

QString familyName(int family); // "AF_INET"
QString typeName(int type); // "SOCK_STREAM"
int familyOf(const QString &numericHost); // AF_INET, AF_INET6, or AF_UNSPEC when not numeric
// getsockname() / getpeername(); errnoOut receives errno on failure (invalid Endpoint returned).
Endpoint localEndpoint(int fd, int *errnoOut = nullptr);
Endpoint peerEndpoint(int fd, int *errnoOut = nullptr);
// close() that retries nothing and keeps errno out of the caller's way.
void closeFd(int fd);

// Every socket is a file descriptor, and RLIMIT_NOFILE caps them per process: a server holding a
// class of clients needs more than the usual soft limit of 1024.
struct FileLimit {
    qint64 soft = 0; // after raising
    qint64 hard = 0;
    qint64 before = 0; // the soft limit as found
};
// The first port after `after` that can be bound on the numeric address now (TCP with
// SO_REUSEADDR, as our servers bind), trying at most `tries`; 0 when none is free.
quint16 findFreePort(const QString &address, Transport transport, quint16 after, int tries = 100);

// Raises the soft limit as far as the hard limit allows (once per process is enough).
FileLimit raiseOpenFileLimit();
FileLimit openFileLimit();

} // namespace swb::SockUtil
