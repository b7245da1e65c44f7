#include "learn/transcript.h"

#include "net/payloadcodec.h"
#include "trace/tracemodel.h"

#include <QCoreApplication>

#include <algorithm>

namespace swb {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Transcript)
};

QString milliseconds(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3);
}

QString sizeCell(const TraceEvent &e)
{
    return (e.kind == TraceKind::Sent || e.kind == TraceKind::Received || e.size > 0) ? QString::number(e.size)
                                                                                      : QString();
}

// Text from the network or the user in Markdown: one line, a '|' that does not end a table cell,
// and no raw HTML (a previewer would render a tag, and might fetch what it points to).
QString cell(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    text.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    text.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

// A call in a code span inside a table: shown as typed (no entities, no doubled backslashes), but a
// '|' still needs its backslash in a table, and a backtick would end the span.
QString codeCell(QString text)
{
    text.replace(QLatin1Char('`'), QLatin1Char('\''));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return QLatin1Char('`') + text + QLatin1Char('`');
}

// A fence longer than any run of backticks inside, so a payload cannot close the block.
QString fence(const QString &content)
{
    int longest = 0;
    int run = 0;
    for (const QChar c : content) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    return QString(qMax(3, longest + 1), QLatin1Char('`'));
}

QString codeBlock(const QString &content, const QString &language = {})
{
    const QString f = fence(content);
    QString body = content;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return f + language + QLatin1Char('\n') + body + f + QLatin1Char('\n');
}

QString dumpCaption(const TraceEvent &e, int step)
{
    QString caption = e.kind == TraceKind::Sent
        ? Tr::tr("Step %1, %2: %3 sent").arg(step).arg(e.callText(), byteCount(e.size))
        : Tr::tr("Step %1, %2: %3 received").arg(step).arg(e.callText(), byteCount(e.size));
    if (e.payload.size() < e.size)
        caption += Tr::tr(" — the first %1 are shown").arg(byteCount(e.payload.size()));
    return caption;
}

bool hasBytes(const TraceEvent &e)
{
    return (e.kind == TraceKind::Sent || e.kind == TraceKind::Received) && !e.payload.isEmpty();
}

QString header(const Transcript &t)
{
    return Tr::tr("%1, %2").arg(t.title, t.when.toString(Qt::ISODate));
}

QString stepTable(const Transcript::Steps &part)
{
    QString md;
    if (!part.caption.isEmpty())
        md += QStringLiteral("### ") + part.caption + QStringLiteral("\n\n");
    if (part.notKept > 0)
        md += Tr::tr("The first %1 steps were no longer kept; the numbers count from the oldest kept.")
                  .arg(part.notKept)
            + QStringLiteral("\n\n");
    md += QStringLiteral("| # | %1 | %2 | %3 | %4 |\n|---:|---:|---|---|---:|\n")
              .arg(Tr::tr("Time (ms)"), Tr::tr("Call"), Tr::tr("Result"), Tr::tr("Bytes"));
    const int shown = int(qMin<qsizetype>(part.events.size(), TranscriptFormat::kMaxSteps));
    const qint64 more = part.events.size() - shown + part.notCopied;
    for (int i = 0; i < shown; ++i) {
        const TraceEvent &e = part.events.at(i);
        QString call = e.callText();
        if (e.connectionId > 0)
            call = QStringLiteral("#%1 ").arg(e.connectionId) + call;
        // Calls as code; a note (no call) as text.
        call = e.call.isEmpty() ? cell(call) : codeCell(call);
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                  .arg(i + 1)
                  .arg(milliseconds(e.atNs), call, cell(e.result), sizeCell(e));
    }
    if (more > 0)
        md += QStringLiteral("\n") + Tr::tr("… and %1 more steps.").arg(more) + QLatin1Char('\n');
    return md + QLatin1Char('\n');
}

QString dumps(const Transcript::Steps &part)
{
    QString md;
    if (!part.caption.isEmpty())
        md += QStringLiteral("### ") + part.caption + QStringLiteral("\n\n");
    int dumped = 0;
    qint64 withBytes = part.bytesNotCopied;
    for (int i = 0; i < part.events.size(); ++i) {
        const TraceEvent &e = part.events.at(i);
        if (!hasBytes(e))
            continue;
        ++withBytes;
        if (dumped >= TranscriptFormat::kMaxDumps)
            continue;
        ++dumped;
        md += cell(dumpCaption(e, i + 1)) + QStringLiteral("\n\n") + codeBlock(PayloadCodec::hexDump(e.payload))
            + QLatin1Char('\n');
    }
    if (withBytes == 0)
        md += Tr::tr("No bytes were sent or received.") + QStringLiteral("\n\n");
    else if (withBytes > dumped)
        md += Tr::tr("… and %1 more sends and receives.").arg(withBytes - dumped) + QStringLiteral("\n\n");
    return md;
}

} // namespace

bool Transcript::isEmpty() const
{
    const bool noSteps = std::all_of(steps.cbegin(), steps.cend(), [](const Steps &s) { return s.events.isEmpty(); });
    return noSteps && result.isEmpty();
}

void Transcript::addSteps(const TraceModel *model, const QString &caption)
{
    if (!model)
        return;
    Steps part;
    part.caption = caption;
    const int rows = model->rowCount();
    const int copied = qMin(rows, TranscriptFormat::kMaxSteps);
    part.events.reserve(copied); // events share their strings and payloads: a copy is cheap
    for (int row = 0; row < copied; ++row)
        part.events.append(model->eventAt(row));
    // A loaded server keeps tens of thousands of steps; what is not written is only counted.
    part.notCopied = rows - copied;
    for (int row = copied; row < rows; ++row) {
        if (hasBytes(model->eventAt(row)))
            ++part.bytesNotCopied;
    }
    part.notKept = model->droppedCount();
    steps.append(part);
}

namespace TranscriptFormat {

QString markdown(const Transcript &t)
{
    QString md = QStringLiteral("# ") + header(t) + QStringLiteral("\n\n");

    md += QStringLiteral("## ") + Tr::tr("Request") + QStringLiteral("\n\n");
    for (const auto &[label, value] : t.request)
        md += QStringLiteral("- **%1:** %2\n").arg(cell(label), value.isEmpty() ? QStringLiteral("—") : cell(value));
    md += QLatin1Char('\n');

    // A lookup makes no socket calls of its own: no steps and no bytes to show.
    if (!t.steps.isEmpty()) {
        md += QStringLiteral("## ") + Tr::tr("Steps") + QStringLiteral("\n\n");
        for (const Transcript::Steps &part : t.steps)
            md += stepTable(part);
        md += QStringLiteral("## ") + Tr::tr("Bytes") + QStringLiteral("\n\n");
        for (const Transcript::Steps &part : t.steps)
            md += dumps(part);
    }

    md += QStringLiteral("## ") + Tr::tr("Result") + QStringLiteral("\n\n");
    for (const QString &line : t.result)
        md += QStringLiteral("- ") + cell(line) + QLatin1Char('\n');
    if (t.result.isEmpty())
        md += QStringLiteral("—\n");
    md += QLatin1Char('\n');

    if (!t.python.isEmpty()) {
        md += QStringLiteral("## ") + Tr::tr("The same in Python") + QStringLiteral("\n\n");
        md += codeBlock(t.python, QStringLiteral("python"));
    }
    return md;
}

QString plainText(const Transcript &t)
{
    QString text = header(t) + QStringLiteral("\n\n");
    text += Tr::tr("Request") + QStringLiteral(":\n");
    for (const auto &[label, value] : t.request)
        text += QStringLiteral("  %1: %2\n").arg(label, value);
    for (const Transcript::Steps &part : t.steps) {
        text += QLatin1Char('\n') + (part.caption.isEmpty() ? Tr::tr("Steps") : part.caption) + QStringLiteral(":\n");
        const int shown = int(qMin<qsizetype>(part.events.size(), kMaxSteps));
        for (int i = 0; i < shown; ++i)
            text += QStringLiteral("  ") + part.events.at(i).toLine() + QLatin1Char('\n');
        if (part.events.size() - shown + part.notCopied > 0)
            text += QStringLiteral("  ")
                + Tr::tr("… and %1 more steps.").arg(part.events.size() - shown + part.notCopied) + QLatin1Char('\n');
        int dumps = 0;
        for (int i = 0; i < part.events.size() && dumps < kMaxDumps; ++i) {
            const TraceEvent &e = part.events.at(i);
            if (!hasBytes(e))
                continue;
            ++dumps;
            text += dumpCaption(e, i + 1) + QLatin1Char('\n') + PayloadCodec::hexDump(e.payload);
            if (!text.endsWith(QLatin1Char('\n')))
                text += QLatin1Char('\n');
        }
    }
    text += QLatin1Char('\n') + Tr::tr("Result") + QStringLiteral(":\n");
    for (const QString &line : t.result)
        text += QStringLiteral("  ") + line + QLatin1Char('\n');
    if (!t.python.isEmpty())
        text += QLatin1Char('\n') + Tr::tr("The same in Python") + QStringLiteral(":\n") + t.python;
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

} // namespace TranscriptFormat

} // namespace swb
