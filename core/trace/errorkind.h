#pragma once
// The error categories every session reports, named after the exceptions the seeds' Python
// programs catch, with the CLI exit code and a plain-language explanation for each.

#include <QMetaType>
#include <QString>

namespace swb {

enum class ErrorKind { None, Usage, Resolve, Address, Connect, Timeout, Io, Protocol, Local };

// What went wrong, as shown to a person: a one-line message, the OS error name where there is
// one (ECONNREFUSED), and what it means and what to try.
struct SessionError {
    ErrorKind kind = ErrorKind::None;
    QString message;
    QString osError; // "ECONNREFUSED", empty when the OS reported nothing
    QString field; // for Usage errors: which input was wrong ("port", "host")

    bool isError() const { return kind != ErrorKind::None; }
    QString explanation() const;
};

QString errorKindName(ErrorKind kind); // "Connect"
QString errorKindPythonName(ErrorKind kind); // "socket.error", "socket.gaierror", ...
int exitCodeFor(ErrorKind kind);

// Plain-language help for an error kind, refined by the OS error name when it is known.
QString explainError(ErrorKind kind, const QString &osError);

// errno -> "ECONNREFUSED"; empty for 0.
QString errnoName(int err);
// The kind a failing socket call's errno belongs to, given which call failed.
ErrorKind kindForErrno(int err, const QString &call);
// strerror() text, in English as the OS gives it.
QString errnoText(int err);

SessionError makeErrnoError(int err, const QString &call);
SessionError makeUsageError(const QString &field, const QString &message);
// A session stopped before its end (Cancel, or another start taking its place): a Local error
// whose osError is "CANCELLED", which views show as a stop, not a failure.
SessionError makeCancelledError(const QString &message);
bool isCancelled(const SessionError &error);

} // namespace swb

Q_DECLARE_METATYPE(swb::ErrorKind)
Q_DECLARE_METATYPE(swb::SessionError)
