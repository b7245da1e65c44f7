#pragma once
// How a server console shows one trace event: wall time, client, peer, a direction mark, size and
// the data (escaped, so a client's control characters are shown, never interpreted). The panel's
// columns, the exported log (text or CSV) and `serve` on the command line all use these.

#include "trace/traceevent.h"

#include <QIODevice>
#include <QString>

namespace swb::ConsoleFormat {

// "<-" from the client, "->" to the client, "++" accepted, "--" closed, "!!" error, ".." a call or note.
QString direction(const TraceEvent &event);
// "23:11:03.123" in local time.
QString wallTime(const TraceEvent &event);
// "#3", or empty for the server's own events.
QString client(const TraceEvent &event);
// Sent/received: the bytes (escaped text, or hex), with how many were not kept; otherwise the call
// and its result ("accept() -> fd 9, client 127.0.0.1:40312").
QString data(const TraceEvent &event, bool hex = false);
// One console line, columns aligned: "23:11:03.123  #3    127.0.0.1:40312  <-  6 bytes   hello\n".
QString line(const TraceEvent &event, bool hex = false);

QString csvHeader();
QString csvRow(const TraceEvent &event);
// Double quotes around a field that needs them (comma, quote, line break), quotes doubled.
QString csvField(const QString &field);

enum class Format { Text, Csv };
// Writes the events to device as text lines or CSV (UTF-8); false when the device fails.
bool write(QIODevice *device, const QVector<TraceEvent> &events, Format format);

} // namespace swb::ConsoleFormat
