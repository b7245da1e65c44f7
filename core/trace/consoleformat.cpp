#include "trace/consoleformat.h"

#include "net/payloadcodec.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace swb::ConsoleFormat {

QString direction(const TraceEvent &event)
{
    switch (event.kind) {
    case TraceKind::Received:
        return QStringLiteral("<-");
    case TraceKind::Sent:
        return QStringLiteral("->");
    case TraceKind::Opened:
        return QStringLiteral("++");
    case TraceKind::Closed:
        return QStringLiteral("--");
    case TraceKind::Error:
        return QStringLiteral("!!");
    case TraceKind::Call:
    case TraceKind::Note:
        break;
    }
    return QStringLiteral("..");
}

QString wallTime(const TraceEvent &event)
{
    if (!event.wallTime.isValid())
        return QString();
    return event.wallTime.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString client(const TraceEvent &event)
{
    return event.connectionId > 0 ? QStringLiteral("#%1").arg(event.connectionId) : QString();
}

QString data(const TraceEvent &event, bool hex)
{
    const bool bytes = event.kind == TraceKind::Sent || event.kind == TraceKind::Received;
    if (!bytes || event.size == 0) {
        const QString call = event.callText();
        if (event.result.isEmpty())
            return call;
        if (call.isEmpty())
            return event.result;
        return call + QStringLiteral(" -> ") + event.result;
    }
    QString text = hex ? PayloadCodec::toHex(event.payload) : PayloadCodec::toEscapedText(event.payload);
    const qint64 missing = event.size - event.payload.size();
    if (missing > 0)
        text += QCoreApplication::translate("Console", " \u2026 (%1 more not kept)").arg(byteCount(missing));
    return text;
}

QString line(const TraceEvent &event, bool hex)
{
    const bool bytes = event.kind == TraceKind::Sent || event.kind == TraceKind::Received;
    const QString peer = event.remote.isValid() ? event.remote.toString() : QString();
    return QStringLiteral("%1  %2  %3  %4  %5  %6")
        .arg(wallTime(event), client(event).leftJustified(5), peer.leftJustified(21), direction(event),
            (bytes ? byteCount(event.size) : QString()).leftJustified(11), data(event, hex));
}

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvHeader()
{
    return QStringLiteral("time_utc,elapsed_ms,client,peer,local,kind,direction,call,result,size,error,data_escaped,"
                          "data_hex");
}

QString csvRow(const TraceEvent &event)
{
    const bool bytes = event.kind == TraceKind::Sent || event.kind == TraceKind::Received;
    const QStringList fields {
        event.wallTime.isValid() ? event.wallTime.toUTC().toString(Qt::ISODateWithMs) : QString(),
        QString::number(double(event.atNs) / 1e6, 'f', 3),
        event.connectionId > 0 ? QString::number(event.connectionId) : QString(),
        event.remote.isValid() ? event.remote.toString() : QString(),
        event.local.isValid() ? event.local.toString() : QString(),
        traceKindName(event.kind),
        direction(event),
        event.callText(),
        event.result,
        bytes ? QString::number(event.size) : QString(),
        event.error == ErrorKind::None ? QString() : errorKindName(event.error),
        bytes ? PayloadCodec::toEscapedText(event.payload) : QString(),
        bytes ? PayloadCodec::toHex(event.payload) : QString(),
    };
    QString row;
    for (const QString &field : fields) {
        if (!row.isEmpty() || &field != &fields.front())
            row += QLatin1Char(',');
        row += csvField(field);
    }
    return row;
}

bool write(QIODevice *device, const QVector<TraceEvent> &events, Format format)
{
    QByteArray chunk;
    auto put = [&](const QString &text) {
        chunk += text.toUtf8();
        chunk += '\n';
        if (chunk.size() < 64 * 1024)
            return true;
        const bool ok = device->write(chunk) == chunk.size();
        chunk.clear();
        return ok;
    };
    if (format == Format::Csv && !put(csvHeader()))
        return false;
    for (const TraceEvent &event : events) {
        if (!put(format == Format::Csv ? csvRow(event) : line(event)))
            return false;
    }
    return chunk.isEmpty() || device->write(chunk) == chunk.size();
}

} // namespace swb::ConsoleFormat
