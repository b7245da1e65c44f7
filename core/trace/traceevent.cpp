#include "traceevent.h"

#include "net/payloadcodec.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <chrono>

namespace swb {

QString traceKindName(TraceKind kind)
{
    switch (kind) {
    case TraceKind::Call:
        return QStringLiteral("call");
    case TraceKind::Sent:
        return QStringLiteral("sent");
    case TraceKind::Received:
        return QStringLiteral("received");
    case TraceKind::Opened:
        return QStringLiteral("opened");
    case TraceKind::Closed:
        return QStringLiteral("closed");
    case TraceKind::Note:
        return QStringLiteral("note");
    case TraceKind::Error:
        return QStringLiteral("error");
    }
    return {};
}

QString byteCount(qint64 n)
{
    return n == 1 ? QCoreApplication::translate("Trace", "1 byte")
                  : QCoreApplication::translate("Trace", "%1 bytes").arg(n);
}

QString TraceEvent::callText() const
{
    if (call.isEmpty())
        return arguments;
    return call + arguments;
}

QString TraceEvent::toLine() const
{
    const QString time = QString::number(double(atNs) / 1e6, 'f', 3).rightJustified(9) + QStringLiteral(" ms  ");
    QString line = time;
    if (connectionId > 0)
        line += QStringLiteral("#%1 ").arg(connectionId);
    const QString text = callText();
    line += text;
    if (!result.isEmpty()) {
        const int pad = qMax(1, 46 - int(text.size()));
        line += QString(pad, QLatin1Char(' ')) + QStringLiteral("-> ") + result;
    }
    if ((kind == TraceKind::Sent || kind == TraceKind::Received) && !payload.isEmpty()) {
        line += QStringLiteral("  \"") + PayloadCodec::toEscapedText(payload, 80) + QLatin1Char('"');
    }
    return line;
}

QJsonObject TraceEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("event"));
    o.insert(QStringLiteral("ms"), double(atNs) / 1e6);
    o.insert(QStringLiteral("time"), wallTime.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("kind"), traceKindName(kind));
    o.insert(QStringLiteral("call"), call);
    o.insert(QStringLiteral("arguments"), arguments);
    o.insert(QStringLiteral("result"), result);
    if (local.isValid())
        o.insert(QStringLiteral("local"), local.toString());
    if (remote.isValid())
        o.insert(QStringLiteral("remote"), remote.toString());
    if (kind == TraceKind::Sent || kind == TraceKind::Received) {
        o.insert(QStringLiteral("size"), double(size));
        o.insert(QStringLiteral("data"), PayloadCodec::toEscapedText(payload));
        o.insert(QStringLiteral("hex"), QString::fromLatin1(payload.toHex()));
    }
    if (error != ErrorKind::None)
        o.insert(QStringLiteral("error"), errorKindName(error));
    if (connectionId > 0)
        o.insert(QStringLiteral("connection"), connectionId);
    return o;
}

static qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

TraceClock::TraceClock()
    : m_startNs(monotonicNs())
{
}

void TraceClock::restart()
{
    m_startNs = monotonicNs();
}

qint64 TraceClock::elapsedNs() const
{
    return monotonicNs() - m_startNs;
}

TraceEvent TraceClock::make(TraceKind kind, const QString &call, const QString &arguments, const QString &result) const
{
    TraceEvent e;
    e.atNs = elapsedNs();
    e.wallTime = QDateTime::currentDateTimeUtc();
    e.kind = kind;
    e.call = call;
    e.arguments = arguments;
    e.result = result;
    return e;
}

TraceEvent TraceClock::makeError(const QString &call, const QString &arguments, const SessionError &error) const
{
    TraceEvent e = make(TraceKind::Error, call, arguments, error.osError.isEmpty() ? error.message : error.osError);
    e.error = error.kind;
    return e;
}

} // namespace swb
