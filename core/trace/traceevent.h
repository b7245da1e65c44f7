#pragma once
// One socket-level step of a session (a call, bytes sent or received, a connection opened or
// closed, an error), the unit every view, the CLI and the tests consume.

#include "net/endpoint.h"
#include "trace/errorkind.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace swb {

enum class TraceKind { Call, Sent, Received, Opened, Closed, Note, Error };
QString traceKindName(TraceKind kind);
// "1 byte", "6 bytes": how the trace names a size.
QString byteCount(qint64 n);

struct TraceEvent {
    qint64 atNs = 0; // monotonic, from the start of the session (or server)
    QDateTime wallTime;
    TraceKind kind = TraceKind::Note;
    QString call; // "getaddrinfo", "socket", "connect", "send", "recv", "accept", ...
    QString arguments; // human-readable: "(127.0.0.1, 50007)"
    QString result; // "ok", "-> 127.0.0.1:43122", "ECONNREFUSED"
    Endpoint local;
    Endpoint remote;
    QByteArray payload; // Sent / Received: the bytes, at most kMaxPayload of them
    qint64 size = 0; // the real number of bytes sent or received (payload may be cut)
    ErrorKind error = ErrorKind::None;
    int connectionId = 0; // servers: which client; 0 for client sessions

    // Trace events keep at most this much of a payload; the size field keeps the truth.
    static constexpr int kMaxPayload = 1024;

    // "0.041 ms  socket(AF_INET, SOCK_STREAM)  -> fd 7", the line the CLI prints and the step table shows
    QString toLine() const;
    QString callText() const; // "socket(AF_INET, SOCK_STREAM)"
    QJsonObject toJson() const;
};

// Builds events with a shared clock so a session's steps carry increasing times.
class TraceClock {
public:
    TraceClock();
    void restart();
    qint64 elapsedNs() const;
    TraceEvent make(
        TraceKind kind, const QString &call, const QString &arguments = {}, const QString &result = {}) const;
    // The Error event of a failed call: its result is the OS error name (or the message when there is none).
    TraceEvent makeError(const QString &call, const QString &arguments, const SessionError &error) const;

private:
    qint64 m_startNs = 0;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::TraceEvent)
