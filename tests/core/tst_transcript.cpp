// The transcript of a run, as Markdown and as plain text: every section, payloads as hex dumps in
// fences no payload can close, table cells that a '|' or a newline cannot break, and limits on long
// runs that say what was left out.

#include "learn/transcript.h"
#include "trace/tracemodel.h"

#include <QRegularExpression>
#include <QTest>

using namespace swb;

namespace {

TraceEvent call(const QString &name, const QString &arguments, const QString &result, qint64 ns)
{
    TraceEvent e;
    e.kind = TraceKind::Call;
    e.call = name;
    e.arguments = arguments;
    e.result = result;
    e.atNs = ns;
    return e;
}

TraceEvent bytes(TraceKind kind, const QByteArray &payload, qint64 ns)
{
    TraceEvent e;
    e.kind = kind;
    e.call = kind == TraceKind::Sent ? QStringLiteral("send") : QStringLiteral("recv");
    e.arguments = QStringLiteral("(%1 bytes)").arg(payload.size());
    e.result = QString::number(payload.size());
    e.payload = payload.left(TraceEvent::kMaxPayload);
    e.size = payload.size();
    e.atNs = ns;
    return e;
}

Transcript sample()
{
    Transcript t;
    t.title = QStringLiteral("Connect & Inspect");
    t.when = QDateTime(QDate(2026, 11, 22), QTime(9, 30, 0));
    t.request
        = { { QStringLiteral("Host"), QStringLiteral("127.0.0.1") }, { QStringLiteral("Port"), QStringLiteral("7") } };
    TraceModel model;
    model.append(
        call(QStringLiteral("socket"), QStringLiteral("(AF_INET, SOCK_STREAM)"), QStringLiteral("fd 3"), 41000));
    model.append(call(QStringLiteral("connect"), QStringLiteral("(127.0.0.1:7)"), QStringLiteral("ok"), 1250000));
    model.append(bytes(TraceKind::Sent, QByteArrayLiteral("hello\n"), 2000000));
    model.append(bytes(TraceKind::Received, QByteArrayLiteral("hello\n"), 2500000));
    t.addSteps(&model);
    t.result = { QStringLiteral("Local: 127.0.0.1:50000") };
    t.python = QStringLiteral("import socket\ns = socket.socket()\n");
    return t;
}

} // namespace

class TestTranscript : public QObject {
    Q_OBJECT
private slots:
    void markdownHasEverySection();
    void plainTextForTheClipboard();
    void cellsAndFencesCannotBreak_data();
    void cellsAndFencesCannotBreak();
    void longRunsAreCut();
    void twoSocketsTwoTables();
    void emptyAndLookupTranscripts();
};

void TestTranscript::markdownHasEverySection()
{
    const QString md = TranscriptFormat::markdown(sample());
    const QStringList expected = {
        QStringLiteral(
            "# Connect & Inspect, 2026-11-22T09:30:00\n\n## Request\n\n- **Host:** 127.0.0.1\n- **Port:** 7\n"),
        QStringLiteral("## Steps\n\n| # | Time (ms) | Call | Result | Bytes |\n|---:|---:|---|---|---:|\n"),
        QStringLiteral("| 1 | 0.041 | `socket(AF_INET, SOCK_STREAM)` | fd 3 |  |\n"),
        QStringLiteral("| 3 | 2.000 | `send(6 bytes)` | 6 | 6 |\n"),
        QStringLiteral("## Bytes\n\nStep 3, send(6 bytes): 6 bytes sent\n\n```\n"
                       "00000000  68 65 6c 6c 6f 0a                                 |hello.|\n00000006\n```\n"),
        QStringLiteral("Step 4, recv(6 bytes): 6 bytes received\n"),
        QStringLiteral("## Result\n\n- Local: 127.0.0.1:50000\n"),
        QStringLiteral("## The same in Python\n\n```python\nimport socket\ns = socket.socket()\n```\n"),
    };
    int at = 0;
    for (const QString &part : expected) {
        const int found = int(md.indexOf(part, at));
        QVERIFY2(found >= at, qPrintable(part + QStringLiteral("\n--- not in order in ---\n") + md));
        at = found + int(part.size());
    }
}

void TestTranscript::plainTextForTheClipboard()
{
    const QString text = TranscriptFormat::plainText(sample());
    QVERIFY2(text.startsWith(QStringLiteral("Connect & Inspect, 2026-11-22T09:30:00\n\nRequest:\n  Host: 127.0.0.1\n")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nSteps:\n      0.041 ms  socket(AF_INET, SOCK_STREAM)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("|hello.|")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nResult:\n  Local: 127.0.0.1:50000\n")), qPrintable(text));
    QVERIFY(text.endsWith(QStringLiteral("s = socket.socket()\n")));
    QVERIFY(!text.contains(QLatin1String("```")));
    QVERIFY(!text.contains(QLatin1String("| #")));
}

void TestTranscript::cellsAndFencesCannotBreak_data()
{
    QTest::addColumn<QString>("result");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("pipe") << QStringLiteral("a | b") << QByteArrayLiteral("x");
    QTest::newRow("newline") << QStringLiteral("line one\nline two") << QByteArrayLiteral("x");
    QTest::newRow("backticks in the payload") << QStringLiteral("ok") << QByteArrayLiteral("```\n````` end");
    QTest::newRow("backslash before pipe") << QStringLiteral("a\\|b") << QByteArrayLiteral("\\");
    QTest::newRow("html from the network")
        << QStringLiteral("<img src=http://example.com/x>") << QByteArrayLiteral("<b>");
}

void TestTranscript::cellsAndFencesCannotBreak()
{
    QFETCH(QString, result);
    QFETCH(QByteArray, payload);
    Transcript t = sample();
    TraceModel model;
    model.append(call(QStringLiteral("recv"), QStringLiteral("(1)"), result, 1));
    model.append(bytes(TraceKind::Received, payload, 2));
    t.steps.clear();
    t.addSteps(&model);
    const QString md = TranscriptFormat::markdown(t);
    // Every table row has exactly six unescaped pipes.
    for (const QString &line : md.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("| ")))
            continue;
        int pipes = 0;
        for (int i = 0; i < line.size(); ++i) {
            if (line.at(i) == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (line.at(i) == QLatin1Char('|'))
                ++pipes;
        }
        QVERIFY2(pipes == 6, qPrintable(line));
    }
    // No raw HTML: a previewer would render it (and fetch what it points to).
    QString outsideCode = md;
    outsideCode.remove(
        QRegularExpression(QStringLiteral("(`{3,})\\n.*?\\1\\n"), QRegularExpression::DotMatchesEverythingOption));
    QVERIFY2(!outsideCode.contains(QLatin1String("<img")) && !outsideCode.contains(QLatin1String("<b>")),
        qPrintable(outsideCode));
    // The dump's fence is longer than any run of backticks inside it.
    const qsizetype open = md.indexOf(QLatin1String("\n`"), md.indexOf(QLatin1String("## Bytes")));
    QVERIFY(open > 0);
    qsizetype fence = 0;
    while (md.at(open + 1 + fence) == QLatin1Char('`'))
        ++fence;
    const QString body
        = md.mid(open + 1 + fence, md.indexOf(QString(fence, QLatin1Char('`')), open + 1 + fence) - open - 1 - fence);
    QVERIFY2(!body.contains(QString(fence, QLatin1Char('`'))), qPrintable(md));
    QVERIFY2(body.contains(QLatin1String("00000000")), qPrintable(body));
}

void TestTranscript::longRunsAreCut()
{
    TraceModel model;
    model.setCapacity(1000);
    for (int i = 0; i < 1200; ++i)
        model.append(bytes(i % 2 ? TraceKind::Received : TraceKind::Sent, QByteArray(2000, 'x'), i));
    Transcript t = sample();
    t.steps.clear();
    t.addSteps(&model);
    QCOMPARE(t.steps.first().notKept, qint64(200));
    const QString md = TranscriptFormat::markdown(t);
    QVERIFY(md.contains(QStringLiteral("The first 200 steps were no longer kept")));
    QVERIFY(md.contains(QStringLiteral("| %1 | ").arg(TranscriptFormat::kMaxSteps)));
    QVERIFY(!md.contains(QStringLiteral("| %1 | ").arg(TranscriptFormat::kMaxSteps + 1)));
    QVERIFY2(md.contains(QStringLiteral("… and %1 more steps.").arg(1000 - TranscriptFormat::kMaxSteps)),
        qPrintable(md.right(3000)));
    QCOMPARE(md.count(QStringLiteral("\n00000000  ")), TranscriptFormat::kMaxDumps);
    QVERIFY(md.contains(QStringLiteral("… and %1 more sends and receives.").arg(1000 - TranscriptFormat::kMaxDumps)));
    // A payload the trace cut says so.
    QVERIFY(md.contains(QStringLiteral("2000 bytes sent — the first 1024 bytes are shown")));
    QVERIFY2(md.size() < 200000, qPrintable(QString::number(md.size())));
}

void TestTranscript::twoSocketsTwoTables()
{
    TraceModel one;
    one.append(call(QStringLiteral("sendto"), QStringLiteral("(5 bytes)"), QStringLiteral("5"), 1));
    TraceModel two;
    two.append(call(QStringLiteral("send"), QStringLiteral("(5 bytes)"), QStringLiteral("5"), 1));
    Transcript t = sample();
    t.steps.clear();
    t.addSteps(&one, QStringLiteral("Unconnected socket"));
    t.addSteps(&two, QStringLiteral("Connected socket"));
    const QString md = TranscriptFormat::markdown(t);
    QCOMPARE(md.count(QStringLiteral("### Unconnected socket\n")), 2); // under Steps and under Bytes
    QVERIFY(md.indexOf(QStringLiteral("`sendto(5 bytes)`")) < md.indexOf(QStringLiteral("### Connected socket")));
    QCOMPARE(md.count(QStringLiteral("| # |")), 2);
    QVERIFY(TranscriptFormat::plainText(t).contains(QStringLiteral("\nConnected socket:\n")));
}

void TestTranscript::emptyAndLookupTranscripts()
{
    QVERIFY(Transcript().isEmpty());
    Transcript lookup;
    lookup.title = QStringLiteral("Lookup");
    lookup.when = QDateTime::currentDateTime();
    lookup.result = { QStringLiteral("→ port 80 (tcp)") };
    QVERIFY(!lookup.isEmpty());
    const QString md = TranscriptFormat::markdown(lookup);
    QVERIFY(!md.contains(QStringLiteral("## Steps")));
    QVERIFY(!md.contains(QStringLiteral("## Bytes")));
    QVERIFY(md.contains(QStringLiteral("## Result\n\n- → port 80 (tcp)\n")));
    QVERIFY(!md.contains(QStringLiteral("Python")));
}

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
