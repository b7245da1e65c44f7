#include "server/behaviour.h"

#include "server/behaviours/daytimebehaviour.h"
#include "server/behaviours/discardbehaviour.h"
#include "server/behaviours/echobehaviour.h"
#include "server/behaviours/httpbehaviour.h"
#include "server/behaviours/manualbehaviour.h"
#include "server/behaviours/sntpbehaviour.h"
#include "server/behaviours/timebehaviour.h"
#include "server/behaviours/timestampbehaviour.h"
#include "server/behaviours/welcomebehaviour.h"

#include <QCoreApplication>
#include <QDateTime>

namespace swb {

QStringList behaviourNames()
{
    return { QStringLiteral("echo"), QStringLiteral("discard"), QStringLiteral("daytime"), QStringLiteral("time"),
        QStringLiteral("timestamp"), QStringLiteral("welcome"), QStringLiteral("http"), QStringLiteral("sntp"),
        QStringLiteral("manual") };
}

QString behaviourDescription(const QString &name)
{
    const QString key = name.toLower();
    if (key == QLatin1String("echo"))
        return QCoreApplication::translate("Behaviour", "Echo (RFC 862): sends every byte back");
    if (key == QLatin1String("discard"))
        return QCoreApplication::translate("Behaviour", "Discard (RFC 863): reads everything and answers nothing");
    if (key == QLatin1String("daytime"))
        return QCoreApplication::translate("Behaviour", "Daytime (RFC 867): sends the date and time as text");
    if (key == QLatin1String("time"))
        return QCoreApplication::translate("Behaviour", "Time (RFC 868): sends the seconds since 1900 as 4 bytes");
    if (key == QLatin1String("timestamp"))
        return QCoreApplication::translate("Behaviour", "Timestamp (tsTserv): answers every line with [ctime] line");
    if (key == QLatin1String("welcome"))
        return QCoreApplication::translate(
            "Behaviour", "Welcome: greets the client, reads one line and says how many characters it had");
    if (key == QLatin1String("http"))
        return QCoreApplication::translate(
            "Behaviour", "HTTP/1.1: a small page and test paths (/headers, /bytes/N, /chunked, /status/N, /slow)");
    if (key == QLatin1String("sntp"))
        return QCoreApplication::translate("Behaviour", "SNTP v4 (RFC 4330): answers time requests over UDP");
    if (key == QLatin1String("manual"))
        return QCoreApplication::translate(
            "Behaviour", "Manual: answers nothing by itself; you type the replies and close the clients");
    return {};
}

std::unique_ptr<Behaviour> createBehaviour(const QString &name, const BehaviourOptions &options)
{
    const QString key = name.toLower();
    if (key == QLatin1String("echo"))
        return std::make_unique<EchoBehaviour>();
    if (key == QLatin1String("discard"))
        return std::make_unique<DiscardBehaviour>();
    if (key == QLatin1String("daytime"))
        return std::make_unique<DaytimeBehaviour>();
    if (key == QLatin1String("time"))
        return std::make_unique<TimeBehaviour>();
    if (key == QLatin1String("timestamp"))
        return std::make_unique<TimestampBehaviour>(options);
    if (key == QLatin1String("welcome"))
        return std::make_unique<WelcomeBehaviour>(options);
    if (key == QLatin1String("http"))
        return std::make_unique<HttpBehaviour>(options);
    if (key == QLatin1String("sntp"))
        return std::make_unique<SntpBehaviour>(options);
    if (key == QLatin1String("manual"))
        return std::make_unique<ManualBehaviour>();
    return nullptr;
}

QList<QByteArray> LineSplitter::feed(const QByteArray &data, bool *overflow)
{
    // A line counts against the cap without its '\n', and the same line overflows whether it came in
    // one piece or many: the check is on the line, not on how recv() happened to cut it.
    if (overflow)
        *overflow = false;
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype newline = data.indexOf('\n', start);
        const qsizetype end = newline < 0 ? data.size() : newline;
        if (m_buffer.size() + (end - start) > m_cap) {
            m_buffer.clear();
            if (overflow)
                *overflow = true;
            return lines;
        }
        if (newline < 0) {
            m_buffer.append(data.constData() + start, data.size() - start);
            break;
        }
        QByteArray line = std::move(m_buffer);
        m_buffer = QByteArray();
        line.append(data.constData() + start, newline + 1 - start);
        lines.append(std::move(line));
        start = newline + 1;
    }
    return lines;
}

QByteArray LineSplitter::takeRest()
{
    QByteArray rest = std::move(m_buffer);
    m_buffer = QByteArray();
    return rest;
}

QByteArray pythonCtime(const QDateTime &when)
{
    // Not QLocale: ctime() names are English whatever the user's locale is.
    static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char *const months[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDateTime local = when.toLocalTime();
    const QDate date = local.date();
    const QTime time = local.time();
    if (!date.isValid() || !time.isValid())
        return {};
    // The format of CPython's time.asctime(): "%s %s%3d %.2d:%.2d:%.2d %d".
    return QByteArray(days[date.dayOfWeek() - 1]) + ' ' + months[date.month() - 1] + ' '
        + QByteArray::number(date.day()).rightJustified(2, ' ') + ' '
        + QByteArray::number(time.hour()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.minute()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.second()).rightJustified(2, '0') + ' ' + QByteArray::number(date.year());
}

} // namespace swb
