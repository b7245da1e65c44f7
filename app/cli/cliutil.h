#pragma once
// What every command-line verb shares: printing trace events as text or JSON lines, printing the
// final result or error, and stopping cleanly on SIGINT/SIGTERM.

#include "trace/errorkind.h"
#include "trace/traceevent.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <cstdio>

class QSocketNotifier;

namespace swb::cli {

class Printer {
public:
    // stream: where events, lines and results go (stdout; stderr for a verb whose stdout is data).
    explicit Printer(bool json, FILE *stream = stdout)
        : m_json(json)
        , m_stream(stream)
    {
    }
    bool json() const { return m_json; }
    void event(const TraceEvent &event) const;
    // A plain line for people (text mode only).
    void line(const QString &text) const;
    // A line for people that JSON mode must not lose either: stdout in text mode, stderr in JSON mode.
    void note(const QString &text) const;
    // Something went wrong but the run goes on: stderr in both modes.
    void warning(const QString &text) const;
    // One JSON object on stdout (JSON mode only).
    void object(const QJsonObject &object) const;
    // The final object of a run: {"type":"result", ...} in JSON mode; in text mode, the summary
    // lines given (stdout) or the error with its explanation (stderr).
    void result(const SessionError &error, const QJsonObject &fields, const QStringList &summary) const;

private:
    bool m_json;
    FILE *m_stream;
};

// Emits interrupted() on the main thread when SIGINT or SIGTERM arrives.
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

// Parses the verb's arguments; prints --help or a usage error itself. Returns -1 to go on,
// otherwise the exit code to return.
int parseVerbArguments(QCommandLineParser &parser, const QStringList &arguments, int positionalCount);
void printUsageError(const QString &verb, const QString &message);

} // namespace swb::cli
