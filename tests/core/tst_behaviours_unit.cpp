// The server behaviours on their own: each one driven through a fake StreamPeer that records what
// it would have sent, and through datagram(), checking the exact bytes.

#include "server/behaviour.h"
#include "server/behaviours/httpbehaviour.h"
#include "server/behaviours/httprequestparser.h"
#include "server/behaviours/sntpbehaviour.h"
#include "server/behaviours/timebehaviour.h"
#include "server/behaviours/welcomebehaviour.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include <chrono>
#include <cstring>

using namespace swb;

namespace {

// Records everything a handler asks of its client. Streams are pulled to the end at once unless
// autoDrain is off; the bytes are checked piece by piece and kept only when keepBytes is on.
class FakePeer : public StreamPeer {
public:
    QByteArray sent;
    QList<QByteArray> sends;
    QStringList notes;
    QStringList errors;
    int closeAfterSendingCalls = 0;
    int violations = 0; // a send while a stream runs, a second stream, anything after a close
    bool autoDrain = true;
    bool keepBytes = true;
    qint64 streamed = 0;
    qint64 largestPiece = 0;
    int pieces = 0;
    bool patternOk = true;
    Endpoint peerEndpoint { QStringLiteral("127.0.0.1"), 40000 };
    Endpoint localEndpoint { QStringLiteral("127.0.0.1"), 50080 };

    void send(const QByteArray &bytes) override
    {
        if (closed() || streaming())
            ++violations;
        sent += bytes;
        sends << bytes;
    }
    void sendStream(std::function<QByteArray()> next, std::function<void()> done) override
    {
        if (closed() || streaming())
            ++violations;
        m_next = std::move(next);
        m_done = std::move(done);
        m_streamOffset = 0;
        if (autoDrain)
            drain();
    }
    void closeAfterSending() override
    {
        if (!errors.isEmpty())
            ++violations;
        ++closeAfterSendingCalls;
    }
    void closeWithError(const QString &message) override { errors << message; }
    void after(int ms, std::function<void()> fn) override { QTimer::singleShot(ms, &m_context, std::move(fn)); }
    void note(const QString &text) override { notes << text; }
    Endpoint peer() const override { return peerEndpoint; }
    Endpoint local() const override { return localEndpoint; }
    int id() const override { return 1; }

    bool closed() const { return closeAfterSendingCalls > 0 || !errors.isEmpty(); }
    bool streaming() const { return bool(m_next); }

    // Pulls the running stream to its end (as the server does when the socket drains).
    void drain()
    {
        while (m_next) {
            const QByteArray piece = m_next();
            if (piece.isEmpty()) {
                m_next = nullptr;
                auto done = std::move(m_done);
                m_done = nullptr;
                if (done)
                    done();
                return;
            }
            ++pieces;
            largestPiece = std::max<qint64>(largestPiece, piece.size());
            if (!matchesPattern(piece, m_streamOffset))
                patternOk = false;
            m_streamOffset += piece.size();
            streamed += piece.size();
            if (keepBytes)
                sent += piece;
        }
    }

    static QByteArray expectedBytes(qint64 offset, qsizetype size)
    {
        const QByteArray pattern = HttpBehaviour::bytesPattern();
        QByteArray out(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            out[i] = pattern.at((offset + i) % pattern.size());
        return out;
    }

private:
    static bool matchesPattern(const QByteArray &piece, qint64 offset)
    {
        static const QByteArray reference = expectedBytes(0, HttpBehaviour::kPieceSize + 64);
        const qsizetype start = offset % 64;
        if (piece.size() > reference.size() - start)
            return piece == expectedBytes(offset, piece.size());
        return memcmp(piece.constData(), reference.constData() + start, size_t(piece.size())) == 0;
    }

    std::function<QByteArray()> m_next;
    std::function<void()> m_done;
    qint64 m_streamOffset = 0;
    QObject m_context; // after() callbacks die with the peer, as they do with a closed client
};

struct HttpResponse {
    QByteArray statusLine;
    int status = 0;
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool chunked = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &field : headers) {
            if (field.first.compare(name, Qt::CaseInsensitive) == 0)
                return field.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &field : headers) {
            if (field.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

// Takes one complete response off the front of stream; nothing when it is not all there yet.
// A response without length or chunking runs to the end of the stream (the server closes).
std::optional<HttpResponse> takeResponse(QByteArray &stream, bool headRequest = false)
{
    const qsizetype headEnd = stream.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    HttpResponse r;
    QList<QByteArray> lines = stream.left(headEnd).split('\n');
    for (QByteArray &line : lines) {
        if (!line.endsWith('\r') && &line != &lines.last())
            return std::nullopt;
        if (line.endsWith('\r'))
            line.chop(1);
    }
    r.statusLine = lines.takeFirst();
    const QList<QByteArray> parts = r.statusLine.split(' ');
    if (parts.size() < 3 || parts.at(0) != "HTTP/1.1")
        return std::nullopt;
    r.status = parts.at(1).toInt();
    r.reason = r.statusLine.mid(parts.at(0).size() + parts.at(1).size() + 2);
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        r.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }
    qsizetype pos = headEnd + 4;
    if (headRequest || r.status == 204 || r.status == 304) {
        stream.remove(0, pos);
        return r;
    }
    if (r.header("Transfer-Encoding") == "chunked") {
        r.chunked = true;
        for (;;) {
            const qsizetype lineEnd = stream.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return std::nullopt;
            bool ok = false;
            const qsizetype size = stream.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok)
                return std::nullopt;
            pos = lineEnd + 2;
            if (stream.size() < pos + size + 2)
                return std::nullopt;
            if (stream.mid(pos + size, 2) != "\r\n")
                return std::nullopt;
            r.body += stream.mid(pos, size);
            pos += size + 2;
            if (size == 0)
                break;
        }
        stream.remove(0, pos);
        return r;
    }
    if (r.hasHeader("Content-Length")) {
        const qsizetype length = r.header("Content-Length").toLongLong();
        if (stream.size() < pos + length)
            return std::nullopt;
        r.body = stream.mid(pos, length);
        stream.remove(0, pos + length);
        return r;
    }
    r.body = stream.mid(pos);
    stream.clear();
    return r;
}

QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &version = "HTTP/1.1",
    const QByteArray &extraHeaders = {})
{
    return method + ' ' + target + ' ' + version + "\r\nHost: lab.test\r\n" + extraHeaders + "\r\n";
}

QByteArray indexPage()
{
    QFile file(QStringLiteral(":/lab/index.html"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// RFC 868 time now, for comparisons.
qint64 rfc868Now()
{
    return QDateTime::currentSecsSinceEpoch() + 2208988800LL;
}

double ntpToUnix(const QByteArray &packet, int offset)
{
    const quint64 value = qFromBigEndian<quint64>(packet.constData() + offset);
    return double(value >> 32) - 2208988800.0 + double(value & 0xffffffffULL) / 4294967296.0;
}

double unixNow()
{
    using namespace std::chrono;
    return double(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1e6;
}

QByteArray sntpRequest(int version, int mode, quint8 poll, const QByteArray &transmit, int size = 48)
{
    QByteArray packet(48, '\0');
    packet[0] = char((version << 3) | mode);
    packet[2] = char(poll);
    packet.replace(40, 8, transmit);
    packet.resize(size, '\0');
    return packet;
}

const QRegularExpression &ctimePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123]\\d "
                       "[012]\\d:[0-5]\\d:[0-6]\\d \\d{4}$"));
    return re;
}

// The ctime text is one of the seconds between before and after (they are at most a second apart).
bool isCtimeBetween(const QByteArray &text, const QDateTime &before, const QDateTime &after)
{
    return text == pythonCtime(before) || text == pythonCtime(after);
}

} // namespace

class TestBehavioursUnit : public QObject {
    Q_OBJECT

private slots:
    void registry();
    void supports_data();
    void supports();
    void lineSplitter_data();
    void lineSplitter();
    void pythonCtime_data();
    void pythonCtime();
    void pythonCtimeIgnoresLocale();

    void echo();
    void discard();
    void daytime();
    void timeEncoding_data();
    void timeEncoding();
    void time();
    void timestampTcp();
    void timestampPartialLineAtClose();
    void timestampLineCap_data();
    void timestampLineCap();
    void timestampUdp();
    void welcomeGreeting();
    void welcomeCount_data();
    void welcomeCount();
    void welcomeSplitInput();
    void welcomeClosesBeforeNewline();
    void welcomeLineCap();

    void httpParser_data();
    void httpParser();
    void httpParserByteByByte();
    void httpParserSkipsBodies();
    void httpPaths_data();
    void httpPaths();
    void httpHead_data();
    void httpHead();
    void httpBadRequests_data();
    void httpBadRequests();
    void httpKeepAlive_data();
    void httpKeepAlive();
    void httpPipelined();
    void httpPipelinedWaitsForStream();
    void httpPipelinedByteByByte();
    void httpChunked();
    void httpChunkedForHttp10();
    void httpSlow();
    void httpAnswersAfterPeerClosed();
    void httpHeaderCap();
    void httpBytesHugeIsStreamed();
    void httpPipelineBacklogCap();
    void httpDate();
    void httpIndexPageIsBundled();

    void sntp_data();
    void sntp();
    void sntpIgnores_data();
    void sntpIgnores();
};

void TestBehavioursUnit::registry()
{
    const QStringList expected { "echo", "discard", "daytime", "time", "timestamp", "welcome", "http", "sntp",
        "manual" };
    QCOMPARE(behaviourNames(), expected);
    for (const QString &name : expected) {
        const auto behaviour = createBehaviour(name);
        QVERIFY2(behaviour, qPrintable(name));
        QCOMPARE(behaviour->name(), name);
        QVERIFY2(!behaviourDescription(name).isEmpty(), qPrintable(name));
    }
    QVERIFY(!createBehaviour(QStringLiteral("chargen")));
    QVERIFY(!createBehaviour(QString()));
    QVERIFY(behaviourDescription(QStringLiteral("chargen")).isEmpty());
}

void TestBehavioursUnit::supports_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<bool>("udp");
    QTest::newRow("echo") << "echo" << true << true;
    QTest::newRow("discard") << "discard" << true << true;
    QTest::newRow("daytime") << "daytime" << true << true;
    QTest::newRow("time") << "time" << true << true;
    QTest::newRow("timestamp") << "timestamp" << true << true;
    QTest::newRow("welcome") << "welcome" << true << false;
    QTest::newRow("http") << "http" << true << false;
    QTest::newRow("sntp") << "sntp" << false << true;
}

void TestBehavioursUnit::supports()
{
    QFETCH(QString, name);
    QFETCH(bool, tcp);
    QFETCH(bool, udp);
    const auto behaviour = createBehaviour(name);
    QVERIFY(behaviour);
    QCOMPARE(behaviour->supports(Transport::Tcp), tcp);
    QCOMPARE(behaviour->supports(Transport::Udp), udp);
    if (tcp)
        QVERIFY(behaviour->newStreamHandler());
}

void TestBehavioursUnit::lineSplitter_data()
{
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<bool>("overflow");

    using L = QList<QByteArray>;
    QTest::newRow("one line") << qint64(100) << L { "hello\n" } << L { "hello\n" } << QByteArray() << false;
    QTest::newRow("two in one chunk") << qint64(100) << L { "a\nb\n" } << L { "a\n", "b\n" } << QByteArray() << false;
    QTest::newRow("split line") << qint64(100) << L { "hel", "lo\nwor", "ld\n" } << L { "hello\n", "world\n" }
                                << QByteArray() << false;
    QTest::newRow("rest") << qint64(100) << L { "a\nbc" } << L { "a\n" } << QByteArray("bc") << false;
    QTest::newRow("empty lines") << qint64(100) << L { "\n\n" } << L { "\n", "\n" } << QByteArray() << false;
    QTest::newRow("crlf kept") << qint64(100) << L { "a\r\n" } << L { "a\r\n" } << QByteArray() << false;
    QTest::newRow("exactly the cap") << qint64(4) << L { "abcd\n" } << L { "abcd\n" } << QByteArray() << false;
    QTest::newRow("cap unfinished") << qint64(4) << L { "abcd" } << L {} << QByteArray("abcd") << false;
    QTest::newRow("over the cap") << qint64(4) << L { "abcde" } << L {} << QByteArray() << true;
    QTest::newRow("over the cap in pieces") << qint64(4) << L { "ab", "cd", "e" } << L {} << QByteArray() << true;
    QTest::newRow("long complete line") << qint64(4) << L { "ok\nabcdef\n" } << L { "ok\n" } << QByteArray() << true;
}

void TestBehavioursUnit::lineSplitter()
{
    QFETCH(qint64, cap);
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QByteArray, rest);
    QFETCH(bool, overflow);

    LineSplitter splitter(cap);
    QList<QByteArray> got;
    bool overflowed = false;
    for (const QByteArray &chunk : std::as_const(chunks)) {
        bool o = false;
        got += splitter.feed(chunk, &o);
        overflowed = overflowed || o;
        QVERIFY(splitter.buffered() <= cap);
    }
    QCOMPARE(got, lines);
    QCOMPARE(overflowed, overflow);
    QCOMPARE(splitter.takeRest(), rest);
    QCOMPARE(splitter.buffered(), qint64(0));
}

void TestBehavioursUnit::pythonCtime_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QByteArray>("expected");
    // Cross-checked with time.ctime(time.mktime(...)) of CPython.
    QTest::newRow("seed style") << QDateTime(QDate(2026, 11, 21), QTime(23, 11, 3))
                                << QByteArray("Sat Nov 21 23:11:03 2026");
    QTest::newRow("day padded with a space")
        << QDateTime(QDate(2026, 11, 1), QTime(8, 5, 9)) << QByteArray("Sun Nov  1 08:05:09 2026");
    QTest::newRow("end of 1999") << QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59))
                                 << QByteArray("Fri Dec 31 23:59:59 1999");
    QTest::newRow("leap day") << QDateTime(QDate(2000, 2, 29), QTime(0, 0, 0))
                              << QByteArray("Tue Feb 29 00:00:00 2000");
    QTest::newRow("july") << QDateTime(QDate(2024, 7, 4), QTime(12, 0, 0)) << QByteArray("Thu Jul  4 12:00:00 2024");
}

void TestBehavioursUnit::pythonCtime()
{
    QFETCH(QDateTime, when);
    QFETCH(QByteArray, expected);
    QCOMPARE(swb::pythonCtime(when), expected);
    // The same instant given in UTC is still shown in local time.
    QCOMPARE(swb::pythonCtime(when.toUTC()), expected);
}

void TestBehavioursUnit::pythonCtimeIgnoresLocale()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QByteArray text = swb::pythonCtime(QDateTime(QDate(2026, 5, 3), QTime(1, 2, 3)));
    QLocale::setDefault(saved);
    QCOMPARE(text, QByteArray("Sun May  3 01:02:03 2026"));
}

void TestBehavioursUnit::echo()
{
    const auto behaviour = createBehaviour(QStringLiteral("echo"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    QVERIFY(peer.sent.isEmpty());
    handler->received(peer, "hello");
    handler->received(peer, QByteArray("\x00\xff\r\n", 4));
    QCOMPARE(peer.sent, QByteArray("hello\x00\xff\r\n", 9));
    QCOMPARE(peer.closeAfterSendingCalls, 0);
    handler->peerClosed(peer);
    QCOMPARE(peer.closeAfterSendingCalls, 1);

    const Endpoint from { QStringLiteral("127.0.0.1"), 1234 };
    QCOMPARE(behaviour->datagram("ping", from), std::optional<QByteArray>("ping"));
    const auto empty = behaviour->datagram(QByteArray(), from);
    QVERIFY(empty.has_value());
    QVERIFY(empty->isEmpty());
}

void TestBehavioursUnit::discard()
{
    const auto behaviour = createBehaviour(QStringLiteral("discard"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    handler->received(peer, "anything at all\n");
    QVERIFY(peer.sends.isEmpty());
    handler->peerClosed(peer);
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    QVERIFY(peer.sends.isEmpty());
    QVERIFY(!behaviour->datagram("ping", {}).has_value());
}

void TestBehavioursUnit::daytime()
{
    const auto behaviour = createBehaviour(QStringLiteral("daytime"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    const QDateTime before = QDateTime::currentDateTime();
    handler->opened(peer);
    const QDateTime after = QDateTime::currentDateTime();
    QCOMPARE(peer.sends.size(), 1);
    QVERIFY(peer.sent.endsWith("\r\n"));
    const QByteArray text = peer.sent.chopped(2);
    QVERIFY2(ctimePattern().match(QString::fromLatin1(text)).hasMatch(), text.constData());
    QVERIFY2(isCtimeBetween(text, before, after), text.constData());
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    // What the client says changes nothing; its close does not close twice.
    handler->received(peer, "hello\n");
    handler->peerClosed(peer);
    QCOMPARE(peer.sends.size(), 1);
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    QCOMPARE(peer.violations, 0);

    const QDateTime udpBefore = QDateTime::currentDateTime();
    const auto reply = behaviour->datagram(QByteArray(), {});
    const QDateTime udpAfter = QDateTime::currentDateTime();
    QVERIFY(reply.has_value());
    QVERIFY(reply->endsWith("\r\n"));
    QVERIFY(isCtimeBetween(reply->chopped(2), udpBefore, udpAfter));
}

void TestBehavioursUnit::timeEncoding_data()
{
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("unix epoch") << qint64(0) << QByteArray::fromHex("83aa7e80");
    QTest::newRow("2000-01-01") << qint64(946684800) << QByteArray::fromHex("bc17c200");
    QTest::newRow("last second of era 0") << qint64(2085978495) << QByteArray::fromHex("ffffffff");
    QTest::newRow("era 1 wraps to 0") << qint64(2085978496) << QByteArray::fromHex("00000000");
}

void TestBehavioursUnit::timeEncoding()
{
    QFETCH(qint64, unixSeconds);
    QFETCH(QByteArray, bytes);
    QCOMPARE(TimeBehaviour::encode(unixSeconds), bytes);
}

void TestBehavioursUnit::time()
{
    const auto behaviour = createBehaviour(QStringLiteral("time"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    QCOMPARE(peer.sent.size(), 4);
    const qint64 sent = qFromBigEndian<quint32>(peer.sent.constData());
    QVERIFY2(qAbs(sent - rfc868Now()) <= 1, qPrintable(QString::number(sent)));
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    handler->peerClosed(peer);
    QCOMPARE(peer.closeAfterSendingCalls, 1);

    for (const QByteArray &datagram : { QByteArray(), QByteArray("x"), QByteArray(100, 'y') }) {
        const auto reply = behaviour->datagram(datagram, {});
        QVERIFY(reply.has_value());
        QCOMPARE(reply->size(), 4);
        QVERIFY(qAbs(qint64(qFromBigEndian<quint32>(reply->constData())) - rfc868Now()) <= 1);
    }
}

void TestBehavioursUnit::timestampTcp()
{
    const auto behaviour = createBehaviour(QStringLiteral("timestamp"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    QVERIFY(peer.sends.isEmpty());

    const QDateTime before = QDateTime::currentDateTime();
    handler->received(peer, "hello\n");
    const QDateTime after = QDateTime::currentDateTime();
    QCOMPARE(peer.sends.size(), 1);
    const QRegularExpression re(QStringLiteral("^\\[([^\\]]+)\\] hello\\n$"));
    const auto match = re.match(QString::fromLatin1(peer.sends.at(0)));
    QVERIFY2(match.hasMatch(), peer.sends.at(0).constData());
    QVERIFY(ctimePattern().match(match.captured(1)).hasMatch());
    QVERIFY(isCtimeBetween(match.captured(1).toLatin1(), before, after));

    // Lines arrive cut anywhere; each complete one is answered, with its own newline kept.
    peer.sends.clear();
    handler->received(peer, "par");
    QVERIFY(peer.sends.isEmpty());
    handler->received(peer, "tial\nsecond\r\nthi");
    QCOMPARE(peer.sends.size(), 1);
    const QList<QByteArray> stamped = peer.sends.at(0).split('\n');
    QCOMPARE(stamped.size(), 3);
    QVERIFY(stamped.at(0).endsWith("] partial"));
    QVERIFY(stamped.at(1).endsWith("] second\r"));
    QVERIFY(stamped.at(2).isEmpty());
    QCOMPARE(peer.closeAfterSendingCalls, 0);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::timestampPartialLineAtClose()
{
    const auto behaviour = createBehaviour(QStringLiteral("timestamp"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, "one\nlast words");
    handler->peerClosed(peer);
    QCOMPARE(peer.sends.size(), 2);
    QVERIFY(peer.sends.at(1).startsWith('['));
    QVERIFY(peer.sends.at(1).endsWith("] last words"));
    QCOMPARE(peer.closeAfterSendingCalls, 1);

    // Nothing unfinished: just the close.
    FakePeer quiet;
    auto other = behaviour->newStreamHandler();
    other->received(quiet, "done\n");
    other->peerClosed(quiet);
    QCOMPARE(quiet.sends.size(), 1);
    QCOMPARE(quiet.closeAfterSendingCalls, 1);
}

void TestBehavioursUnit::timestampLineCap_data()
{
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<QString>("message");
    QTest::newRow("default") << qint64(64 * 1024)
                             << "Line longer than 65536 bytes without a newline: closing this client";
    QTest::newRow("small") << qint64(10) << "Line longer than 10 bytes without a newline: closing this client";
}

void TestBehavioursUnit::timestampLineCap()
{
    QFETCH(qint64, cap);
    QFETCH(QString, message);
    BehaviourOptions options;
    options.lineCap = cap;
    const auto behaviour = createBehaviour(QStringLiteral("timestamp"), options);
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, "fine\n");
    handler->received(peer, QByteArray(cap, 'x'));
    QVERIFY(peer.errors.isEmpty());
    handler->received(peer, "y");
    QCOMPARE(peer.errors, QStringList { message });
    QCOMPARE(peer.sends.size(), 1);
    // Whatever comes after the error is not looked at.
    handler->received(peer, "more\n");
    handler->peerClosed(peer);
    QCOMPARE(peer.sends.size(), 1);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::timestampUdp()
{
    const auto behaviour = createBehaviour(QStringLiteral("timestamp"));
    const QDateTime before = QDateTime::currentDateTime();
    const auto reply = behaviour->datagram("hello", { QStringLiteral("127.0.0.1"), 5000 });
    const QDateTime after = QDateTime::currentDateTime();
    QVERIFY(reply.has_value());
    QVERIFY(reply->startsWith('['));
    QVERIFY(reply->endsWith("] hello"));
    const QByteArray stamp = reply->mid(1, reply->size() - 1 - 7);
    QVERIFY2(isCtimeBetween(stamp, before, after), stamp.constData());
    QVERIFY(behaviour->datagram(QByteArray(), {})->endsWith("] "));
}

void TestBehavioursUnit::welcomeGreeting()
{
    const auto behaviour = createBehaviour(QStringLiteral("welcome"));
    FakePeer peer;
    peer.peerEndpoint = { QStringLiteral("127.0.0.1"), 51234 };
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    QCOMPARE(peer.sends, (QList<QByteArray> { "Welcome, ('127.0.0.1', 51234)\n", "Please enter a string:" }));
    handler->received(peer, "  hello  \n");
    QCOMPARE(peer.sends.size(), 3);
    QCOMPARE(peer.sends.at(2), QByteArray("You entered 5 characters. \n"));
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    // readline() read one line; the rest is never looked at.
    handler->received(peer, "more\n");
    handler->peerClosed(peer);
    QCOMPARE(peer.sends.size(), 3);
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    QVERIFY(!behaviour->datagram("x", {}).has_value());
}

void TestBehavioursUnit::welcomeCount_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("count");
    QTest::newRow("spaces around") << QByteArray("  hello  \n") << 5;
    QTest::newRow("telnet crlf") << QByteArray("hello\r\n") << 5;
    QTest::newRow("inner spaces kept") << QByteArray("a b  c\n") << 6;
    QTest::newRow("tabs and form feeds") << QByteArray("\t\v\fx\f\v\t\n") << 1;
    QTest::newRow("empty line") << QByteArray("\n") << 0;
    QTest::newRow("only blanks") << QByteArray(" \t \r\n") << 0;
    QTest::newRow("chinese") << QByteArray("你好，世界\n") << 5;
    QTest::newRow("chinese padded") << QByteArray("  网络编程 \r\n") << 4;
    QTest::newRow("emoji is one code point") << QByteArray("😀!\n") << 2;
    QTest::newRow("invalid utf-8 counts bytes") << QByteArray("\xff\xfe\xfd\n") << 3;
}

void TestBehavioursUnit::welcomeCount()
{
    QFETCH(QByteArray, line);
    QFETCH(int, count);
    QCOMPARE(WelcomeBehaviour::strippedLength(line), count);

    const auto behaviour = createBehaviour(QStringLiteral("welcome"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    handler->received(peer, line);
    QCOMPARE(peer.sends.size(), 3);
    QCOMPARE(peer.sends.at(2), QByteArray("You entered " + QByteArray::number(count) + " characters. \n"));
    QCOMPARE(peer.closeAfterSendingCalls, 1);
}

void TestBehavioursUnit::welcomeSplitInput()
{
    const auto behaviour = createBehaviour(QStringLiteral("welcome"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    const QByteArray line = "你好，世界\n";
    // Cut in the middle of a multi-byte character: the count is of the whole line.
    handler->received(peer, line.left(4));
    QCOMPARE(peer.sends.size(), 2);
    handler->received(peer, line.mid(4));
    QCOMPARE(peer.sends.size(), 3);
    QCOMPARE(peer.sends.at(2), QByteArray("You entered 5 characters. \n"));
}

void TestBehavioursUnit::welcomeClosesBeforeNewline()
{
    const auto behaviour = createBehaviour(QStringLiteral("welcome"));
    {
        FakePeer peer;
        auto handler = behaviour->newStreamHandler();
        handler->opened(peer);
        handler->received(peer, " abc");
        QCOMPARE(peer.sends.size(), 2);
        handler->peerClosed(peer);
        QCOMPARE(peer.sends.size(), 3);
        QCOMPARE(peer.sends.at(2), QByteArray("You entered 3 characters. \n"));
        QCOMPARE(peer.closeAfterSendingCalls, 1);
    }
    {
        // readline() at end of file with nothing read returns "".
        FakePeer peer;
        auto handler = behaviour->newStreamHandler();
        handler->opened(peer);
        handler->peerClosed(peer);
        QCOMPARE(peer.sends.size(), 3);
        QCOMPARE(peer.sends.at(2), QByteArray("You entered 0 characters. \n"));
        QCOMPARE(peer.closeAfterSendingCalls, 1);
    }
}

void TestBehavioursUnit::welcomeLineCap()
{
    BehaviourOptions options;
    options.lineCap = 8;
    const auto behaviour = createBehaviour(QStringLiteral("welcome"), options);
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    handler->received(peer, "123456789");
    QCOMPARE(peer.errors, QStringList { "Line longer than 8 bytes without a newline: closing this client" });
    handler->peerClosed(peer);
    QCOMPARE(peer.sends.size(), 2);
    QCOMPARE(peer.violations, 0);
}

// ---- HTTP ----

void TestBehavioursUnit::httpParser_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("errorStatus");

    QTest::newRow("simple") << request("GET", "/") << 1 << QByteArray("GET") << QByteArray("/") << 1 << 0;
    QTest::newRow("http/1.0 without host")
        << QByteArray("GET /headers HTTP/1.0\r\n\r\n") << 1 << QByteArray("GET") << QByteArray("/headers") << 0 << 0;
    QTest::newRow("bare LF") << QByteArray("HEAD /x HTTP/1.1\nHost: a\n\n") << 1 << QByteArray("HEAD")
                             << QByteArray("/x") << 1 << 0;
    QTest::newRow("query dropped") << request("GET", "/status/201?a=1&b") << 1 << QByteArray("GET")
                                   << QByteArray("/status/201") << 1 << 0;
    QTest::newRow("absolute form") << request("GET", "http://lab.test:50080/bytes/3?x") << 1 << QByteArray("GET")
                                   << QByteArray("/bytes/3") << 1 << 0;
    QTest::newRow("absolute form, no path")
        << request("GET", "HTTP://lab.test") << 1 << QByteArray("GET") << QByteArray("/") << 1 << 0;
    QTest::newRow("leading blank lines") << QByteArray("\r\n\n" + request("GET", "/")) << 1 << QByteArray("GET")
                                         << QByteArray("/") << 1 << 0;
    QTest::newRow("two pipelined") << request("GET", "/a") + request("GET", "/b") << 2 << QByteArray("GET")
                                   << QByteArray("/a") << 1 << 0;
    QTest::newRow("incomplete") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << 0 << QByteArray() << QByteArray() << 0
                                << 0;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 0 << QByteArray() << QByteArray() << 0 << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") << 0 << QByteArray() << QByteArray()
                                << 0 << 400;
    QTest::newRow("bad version") << QByteArray("GET / HTTP/1.x\r\nHost: a\r\n\r\n") << 0 << QByteArray() << QByteArray()
                                 << 0 << 400;
    QTest::newRow("lowercase version") << QByteArray("GET / http/1.1\r\nHost: a\r\n\r\n") << 0 << QByteArray()
                                       << QByteArray() << 0 << 400;
    QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 0 << QByteArray() << QByteArray()
                              << 0 << 505;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: a\r\n\r\n") << 0 << QByteArray() << QByteArray()
                                << 0 << 400;
    QTest::newRow("relative target") << QByteArray("GET index.html HTTP/1.1\r\nHost: a\r\n\r\n") << 0 << QByteArray()
                                     << QByteArray() << 0 << 400;
    QTest::newRow("no host in 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 0 << QByteArray() << QByteArray() << 0
                                    << 400;
    QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n") << 0 << QByteArray()
                               << QByteArray() << 0 << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n") << 0
                                          << QByteArray() << QByteArray() << 0 << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 0 << QByteArray()
                                        << QByteArray() << 0 << 400;
    QTest::newRow("line folding") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n  2\r\n\r\n") << 0 << QByteArray()
                                  << QByteArray() << 0 << 400;
    QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n") << 0 << QByteArray()
                                       << QByteArray() << 0 << 400;
    QTest::newRow("bad content-length") << request("POST", "/", "HTTP/1.1", "Content-Length: 1x\r\n") << 0
                                        << QByteArray() << QByteArray() << 0 << 400;
    QTest::newRow("two content-lengths") << request(
        "POST", "/", "HTTP/1.1", "Content-Length: 1\r\nContent-Length: 2\r\n")
                                         << 0 << QByteArray() << QByteArray() << 0 << 400;
    QTest::newRow("transfer-encoding") << request("POST", "/", "HTTP/1.1", "Transfer-Encoding: chunked\r\n") << 0
                                       << QByteArray() << QByteArray() << 0 << 501;
    QTest::newRow("good then bad") << QByteArray(request("GET", "/ok") + "BAD\r\n\r\n") << 1 << QByteArray("GET")
                                   << QByteArray("/ok") << 1 << 400;
}

void TestBehavioursUnit::httpParser()
{
    QFETCH(QByteArray, input);
    QFETCH(int, requests);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, minor);
    QFETCH(int, errorStatus);

    HttpRequestParser parser;
    parser.feed(input);
    int count = 0;
    while (parser.hasRequest()) {
        const HttpRequest r = parser.takeRequest();
        if (count == 0) {
            QCOMPARE(r.method, method);
            QCOMPARE(r.path, path);
            QCOMPARE(r.versionMinor, minor);
            QVERIFY(input.contains(r.raw));
            QVERIFY(r.raw.endsWith("\n\n") || r.raw.endsWith("\r\n\r\n"));
        }
        ++count;
    }
    QCOMPARE(count, requests);
    QCOMPARE(parser.errorStatus(), errorStatus);
    QCOMPARE(parser.hasError(), errorStatus != 0);
    if (errorStatus != 0)
        QVERIFY(!parser.errorMessage().isEmpty());
}

void TestBehavioursUnit::httpParserByteByByte()
{
    const QByteArray input = request("GET", "/a") + "\r\n" + QByteArray("GET /b HTTP/1.0\n\n")
        + request("HEAD", "/c", "HTTP/1.1", "Connection: close\r\nX-Long: " + QByteArray(300, 'v') + "\r\n");
    HttpRequestParser whole;
    whole.feed(input);
    HttpRequestParser bytewise;
    for (char c : input)
        bytewise.feed(QByteArray(1, c));
    QList<QByteArray> a;
    QList<QByteArray> b;
    while (whole.hasRequest())
        a << whole.takeRequest().raw;
    while (bytewise.hasRequest())
        b << bytewise.takeRequest().raw;
    QCOMPARE(a.size(), 3);
    QCOMPARE(b, a);
    QVERIFY(!bytewise.hasError());
    QCOMPARE(bytewise.heldBytes(), qsizetype(0));
}

void TestBehavioursUnit::httpParserSkipsBodies()
{
    HttpRequestParser parser;
    const QByteArray body(1000, 'b');
    parser.feed(request("POST", "/upload", "HTTP/1.1", "Content-Length: 1000\r\n") + body.left(10));
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().contentLength, qint64(1000));
    parser.feed(body.mid(10) + request("GET", "/after"));
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().path, QByteArray("/after"));
    QVERIFY(!parser.hasError());
    QCOMPARE(parser.heldBytes(), qsizetype(0));
}

namespace {

// The headers every response has, and a Content-Length that matches the body.
void checkCommonHeaders(const HttpResponse &r, bool keepAlive)
{
    static const QRegularExpression imfDate(QStringLiteral(
        "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
        "\\d\\d:\\d\\d:\\d\\d GMT$"));
    const QByteArray date = r.header("Date");
    QVERIFY2(imfDate.match(QString::fromLatin1(date)).hasMatch(), date.constData());
    const QDateTime parsed
        = QLocale::c().toDateTime(QString::fromLatin1(date), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    QVERIFY(parsed.isValid());
    const QDateTime utc(parsed.date(), parsed.time(), Qt::UTC);
    QVERIFY2(qAbs(utc.secsTo(QDateTime::currentDateTimeUtc())) <= 2, date.constData());
    QCOMPARE(r.header("Server"), QByteArray("socket-workbench-lab"));
    QCOMPARE(r.header("Connection"), QByteArray(keepAlive ? "keep-alive" : "close"));
    if (r.status == 204 || r.status == 304) {
        QVERIFY(!r.hasHeader("Content-Length"));
        QVERIFY(r.body.isEmpty());
    } else {
        QVERIFY(!r.header("Content-Type").isEmpty());
    }
}

} // namespace

void TestBehavioursUnit::httpPaths_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body"); // exact, unless empty and bodyContains is set
    QTest::addColumn<QByteArray>("bodyContains");

    const QByteArray text = "text/plain; charset=utf-8";
    const QByteArray html = "text/html; charset=utf-8";
    const QByteArray octets = "application/octet-stream";
    QTest::newRow("/") << QByteArray("/") << 200 << QByteArray("OK") << html << indexPage()
                       << QByteArray("Socket Workbench lab");
    QTest::newRow("/?query") << QByteArray("/?lang=en") << 200 << QByteArray("OK") << html << indexPage()
                             << QByteArray();
    QTest::newRow("/headers") << QByteArray("/headers") << 200 << QByteArray("OK") << text << request("GET", "/headers")
                              << QByteArray();
    QTest::newRow("/bytes/0") << QByteArray("/bytes/0") << 200 << QByteArray("OK") << octets << QByteArray()
                              << QByteArray();
    QTest::newRow("/bytes/1") << QByteArray("/bytes/1") << 200 << QByteArray("OK") << octets << QByteArray("0")
                              << QByteArray();
    QTest::newRow("/bytes/100") << QByteArray("/bytes/100") << 200 << QByteArray("OK") << octets
                                << FakePeer::expectedBytes(0, 100) << QByteArray();
    QTest::newRow("/bytes/65536") << QByteArray("/bytes/65536") << 200 << QByteArray("OK") << octets
                                  << FakePeer::expectedBytes(0, 65536) << QByteArray();
    QTest::newRow("/bytes/200001") << QByteArray("/bytes/200001") << 200 << QByteArray("OK") << octets
                                   << FakePeer::expectedBytes(0, 200001) << QByteArray();
    QTest::newRow("/bytes/007") << QByteArray("/bytes/007") << 200 << QByteArray("OK") << octets
                                << FakePeer::expectedBytes(0, 7) << QByteArray();
    QTest::newRow("/bytes too many") << QByteArray("/bytes/1073741825") << 400 << QByteArray("Bad Request") << text
                                     << QByteArray() << QByteArray("1073741824");
    QTest::newRow("/bytes far too many") << QByteArray("/bytes/99999999999999") << 400 << QByteArray("Bad Request")
                                         << text << QByteArray() << QByteArray("/bytes/N");
    QTest::newRow("/bytes/-1") << QByteArray("/bytes/-1") << 400 << QByteArray("Bad Request") << text << QByteArray()
                               << QByteArray("/bytes/N");
    QTest::newRow("/bytes/abc") << QByteArray("/bytes/abc") << 400 << QByteArray("Bad Request") << text << QByteArray()
                                << QByteArray("/bytes/N");
    QTest::newRow("/bytes/") << QByteArray("/bytes/") << 400 << QByteArray("Bad Request") << text << QByteArray()
                             << QByteArray("/bytes/N");
    QTest::newRow("/chunked") << QByteArray("/chunked") << 200 << QByteArray("OK") << text
                              << HttpBehaviour::chunkedPieces().join() << QByteArray();
    QTest::newRow("/redirect") << QByteArray("/redirect") << 302 << QByteArray("Found") << html << QByteArray()
                               << QByteArray("href=\"/\"");
    QTest::newRow("404") << QByteArray("/nothing/<here>") << 404 << QByteArray("Not Found") << html << QByteArray()
                         << QByteArray("<code>/nothing/&lt;here&gt;</code>");
    QTest::newRow("/headers/ is not /headers")
        << QByteArray("/headers/") << 404 << QByteArray("Not Found") << html << QByteArray() << QByteArray("Not Found");

    const QList<QPair<int, QByteArray>> statuses { { 200, "OK" }, { 201, "Created" }, { 204, "No Content" },
        { 299, "Success" }, { 301, "Moved Permanently" }, { 304, "Not Modified" }, { 400, "Bad Request" },
        { 404, "Not Found" }, { 418, "I'm a teapot" }, { 431, "Request Header Fields Too Large" },
        { 500, "Internal Server Error" }, { 503, "Service Unavailable" }, { 599, "Server Error" } };
    for (const auto &[code, reason] : statuses) {
        const QByteArray body
            = (code == 204 || code == 304) ? QByteArray() : QByteArray::number(code) + ' ' + reason + '\n';
        QTest::addRow("/status/%d", code)
            << QByteArray("/status/" + QByteArray::number(code)) << code << reason << text << body << QByteArray();
    }
    for (const char *bad : { "/status/199", "/status/600", "/status/abc", "/status/", "/status/2000", "/status/-200" })
        QTest::addRow("%s", bad) << QByteArray(bad) << 400 << QByteArray("Bad Request") << text << QByteArray()
                                 << QByteArray("200 to 599");
}

void TestBehavioursUnit::httpPaths()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, bodyContains);

    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->opened(peer);
    QVERIFY(peer.sent.isEmpty());
    handler->received(peer, request("GET", target));

    auto response = takeResponse(peer.sent);
    QVERIFY(response);
    QVERIFY(peer.sent.isEmpty()); // exactly one response, nothing after it
    QCOMPARE(response->status, status);
    QCOMPARE(response->reason, reason);
    checkCommonHeaders(*response, true);
    if (status != 204 && status != 304)
        QCOMPARE(response->header("Content-Type"), contentType);
    if (bodyContains.isEmpty() || !body.isEmpty())
        QCOMPARE(response->body, body);
    if (!bodyContains.isEmpty())
        QVERIFY2(response->body.contains(bodyContains), response->body.constData());
    if (status == 302)
        QCOMPARE(response->header("Location"), QByteArray("/"));
    if (target == "/chunked")
        QVERIFY(response->chunked);
    else if (status != 204 && status != 304)
        QCOMPARE(response->header("Content-Length"), QByteArray::number(response->body.size()));
    QCOMPARE(peer.closeAfterSendingCalls, 0);
    QCOMPARE(peer.violations, 0);
    QCOMPARE(peer.notes.size(), 1);
    QVERIFY(peer.notes.at(0).endsWith(QString::number(status) + QLatin1Char(' ') + QString::fromLatin1(reason)));
}

void TestBehavioursUnit::httpHead_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentLength"); // empty: no Content-Length
    QTest::newRow("/") << QByteArray("/") << 200 << QByteArray::number(indexPage().size());
    QTest::newRow("/bytes/1073741824") << QByteArray("/bytes/1073741824") << 200 << QByteArray("1073741824");
    QTest::newRow("/slow") << QByteArray("/slow") << 200
                           << QByteArray::number(HttpBehaviour::slowPieces().join().size());
    QTest::newRow("/chunked") << QByteArray("/chunked") << 200 << QByteArray();
    QTest::newRow("/status/201") << QByteArray("/status/201") << 201 << QByteArray("12");
    QTest::newRow("404") << QByteArray("/nope") << 404 << QByteArray();
}

void TestBehavioursUnit::httpHead()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, contentLength);

    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    // A second request proves no body bytes were left between the two heads.
    handler->received(peer, request("HEAD", target) + request("GET", "/status/202"));
    auto head = takeResponse(peer.sent, true);
    QVERIFY(head);
    QCOMPARE(head->status, status);
    checkCommonHeaders(*head, true);
    if (!contentLength.isEmpty())
        QCOMPARE(head->header("Content-Length"), contentLength);
    if (target == "/chunked")
        QCOMPARE(head->header("Transfer-Encoding"), QByteArray("chunked"));
    auto next = takeResponse(peer.sent);
    QVERIFY(next);
    QCOMPARE(next->status, 202);
    QVERIFY(peer.sent.isEmpty());
    QCOMPARE(peer.streamed, qint64(0));
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpBadRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("closes");

    QTest::newRow("POST") << QByteArray(request("POST", "/", "HTTP/1.1", "Content-Length: 3\r\n") + "abc") << 501
                          << false;
    QTest::newRow("PUT") << request("PUT", "/x") << 501 << false;
    QTest::newRow("lowercase get") << request("get", "/") << 501 << false;
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400 << true;
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << true;
    QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nno colon\r\n\r\n") << 400 << true;
    QTest::newRow("bad version") << QByteArray("GET / HTTP/1.\r\nHost: a\r\n\r\n") << 400 << true;
    QTest::newRow("HTTP/3.0") << QByteArray("GET / HTTP/3.0\r\nHost: a\r\n\r\n") << 505 << true;
    QTest::newRow("chunked request body")
        << request("POST", "/", "HTTP/1.1", "Transfer-Encoding: chunked\r\n") << 501 << true;
}

void TestBehavioursUnit::httpBadRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    QFETCH(bool, closes);

    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, input + request("GET", "/status/200"));
    auto response = takeResponse(peer.sent);
    QVERIFY(response);
    QCOMPARE(response->status, status);
    checkCommonHeaders(*response, !closes);
    QVERIFY(response->body.startsWith(QByteArray(QByteArray::number(status) + ' ' + response->reason + '\n')));
    if (status == 501 && !closes)
        QCOMPARE(response->header("Allow"), QByteArray("GET, HEAD"));
    if (closes) {
        // The connection lost its framing: nothing after the bad request is answered.
        QVERIFY(peer.sent.isEmpty());
        QCOMPARE(peer.closeAfterSendingCalls, 1);
    } else {
        auto next = takeResponse(peer.sent);
        QVERIFY(next);
        QCOMPARE(next->status, 200);
        QCOMPARE(peer.closeAfterSendingCalls, 0);
    }
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpKeepAlive_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("connection");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << QByteArray("HTTP/1.1") << QByteArray() << true;
    QTest::newRow("1.1 close") << QByteArray("HTTP/1.1") << QByteArray("close") << false;
    QTest::newRow("1.1 Close, upgrade") << QByteArray("HTTP/1.1") << QByteArray("Upgrade, Close") << false;
    QTest::newRow("1.1 keep-alive") << QByteArray("HTTP/1.1") << QByteArray("keep-alive") << true;
    QTest::newRow("1.0") << QByteArray("HTTP/1.0") << QByteArray() << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("HTTP/1.0") << QByteArray("Keep-Alive") << true;
    QTest::newRow("1.0 close") << QByteArray("HTTP/1.0") << QByteArray("close") << false;
}

void TestBehavioursUnit::httpKeepAlive()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, connection);
    QFETCH(bool, keepAlive);

    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    const QByteArray extra = connection.isEmpty() ? QByteArray() : "Connection: " + connection + "\r\n";
    handler->received(
        peer, request("GET", "/status/200", version, extra) + request("GET", "/status/201", version, extra));
    auto first = takeResponse(peer.sent);
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    checkCommonHeaders(*first, keepAlive);
    if (keepAlive) {
        auto second = takeResponse(peer.sent);
        QVERIFY(second);
        QCOMPARE(second->status, 201);
        QCOMPARE(peer.closeAfterSendingCalls, 0);
    } else {
        QVERIFY(peer.sent.isEmpty());
        QCOMPARE(peer.closeAfterSendingCalls, 1);
    }
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpPipelined()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    const QByteArray headersRequest = request("GET", "/headers", "HTTP/1.1", "X-Order: 4\r\n");
    handler->received(peer,
        request("GET", "/status/201") + request("GET", "/bytes/100000") + request("HEAD", "/") + headersRequest
            + request("GET", "/chunked") + request("GET", "/redirect", "HTTP/1.1", "Connection: close\r\n")
            + request("GET", "/never-answered"));
    const QList<int> expected { 201, 200, 200, 200, 200, 302 };
    for (int i = 0; i < expected.size(); ++i) {
        auto r = takeResponse(peer.sent, i == 2);
        QVERIFY2(r, qPrintable(QString::number(i)));
        QCOMPARE(r->status, expected.at(i));
        if (i == 1)
            QCOMPARE(r->body, FakePeer::expectedBytes(0, 100000));
        if (i == 3)
            QCOMPARE(r->body, headersRequest);
        if (i == 4)
            QCOMPARE(r->body, HttpBehaviour::chunkedPieces().join());
    }
    QVERIFY(peer.sent.isEmpty());
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpPipelinedWaitsForStream()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    peer.autoDrain = false;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, request("GET", "/bytes/150000") + request("GET", "/status/203"));
    // Only the first head so far: the second response waits for the stream to end.
    QVERIFY(peer.streaming());
    QVERIFY(peer.sent.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(peer.sent.endsWith("\r\n\r\n"));
    QCOMPARE(peer.sends.size(), 1);
    // More requests arriving meanwhile wait too.
    handler->received(peer, request("GET", "/status/204"));
    QCOMPARE(peer.sends.size(), 1);
    peer.drain();
    QVERIFY(!peer.streaming());
    auto first = takeResponse(peer.sent);
    QVERIFY(first);
    QCOMPARE(first->body.size(), 150000);
    auto second = takeResponse(peer.sent);
    QVERIFY(second);
    QCOMPARE(second->status, 203);
    auto third = takeResponse(peer.sent);
    QVERIFY(third);
    QCOMPARE(third->status, 204);
    QVERIFY(peer.sent.isEmpty());
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpPipelinedByteByByte()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    const QByteArray input = request("GET", "/status/201") + QByteArray("GET /bytes/10 HTTP/1.1\nHost: x\n\n")
        + request("GET", "/status/202", "HTTP/1.0");
    for (char c : input)
        handler->received(peer, QByteArray(1, c));
    QCOMPARE(takeResponse(peer.sent)->status, 201);
    QCOMPARE(takeResponse(peer.sent)->body, FakePeer::expectedBytes(0, 10));
    QCOMPARE(takeResponse(peer.sent)->status, 202);
    QVERIFY(peer.sent.isEmpty());
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpChunked()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, request("GET", "/chunked"));
    const QList<QByteArray> pieces = HttpBehaviour::chunkedPieces();
    QVERIFY(pieces.size() >= 3);
    // The exact wire form: the head, then one send per chunk, then the last chunk.
    QCOMPARE(peer.sends.size(), 1 + pieces.size() + 1);
    QVERIFY(peer.sends.at(0).contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY(!peer.sends.at(0).contains("Content-Length"));
    for (int i = 0; i < pieces.size(); ++i)
        QCOMPARE(peer.sends.at(1 + i),
            QByteArray(QByteArray::number(pieces.at(i).size(), 16) + "\r\n" + pieces.at(i) + "\r\n"));
    QCOMPARE(peer.sends.last(), QByteArray("0\r\n\r\n"));
    QCOMPARE(peer.closeAfterSendingCalls, 0);
}

void TestBehavioursUnit::httpChunkedForHttp10()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    // Even asked to keep the connection, a close-delimited body has to end with a close.
    handler->received(peer, request("GET", "/chunked", "HTTP/1.0", "Connection: keep-alive\r\n") + request("GET", "/"));
    auto r = takeResponse(peer.sent);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(!r->chunked);
    QVERIFY(!r->hasHeader("Content-Length"));
    QVERIFY(!r->hasHeader("Transfer-Encoding"));
    checkCommonHeaders(*r, false);
    QCOMPARE(r->body, HttpBehaviour::chunkedPieces().join());
    QCOMPARE(peer.closeAfterSendingCalls, 1);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpSlow()
{
    BehaviourOptions options;
    options.slowIntervalMs = 30;
    const auto behaviour = createBehaviour(QStringLiteral("http"), options);
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    QElapsedTimer timer;
    timer.start();
    handler->received(peer, request("GET", "/slow") + request("GET", "/status/200"));
    QCOMPARE(peer.sends.size(), 2); // the head and the first piece, at once
    QByteArray stream = peer.sent;
    QVERIFY(!takeResponse(stream));
    QTRY_COMPARE(peer.sends.size(), 7);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 4 * 30 - 10, qPrintable(QString::number(elapsed)));
    const QList<QByteArray> pieces = HttpBehaviour::slowPieces();
    QCOMPARE(pieces.size(), 5);
    for (int i = 0; i < pieces.size(); ++i)
        QCOMPARE(peer.sends.at(1 + i), pieces.at(i));
    auto slow = takeResponse(peer.sent);
    QVERIFY(slow);
    QCOMPARE(slow->body, pieces.join());
    QCOMPARE(slow->header("Content-Length"), QByteArray::number(pieces.join().size()));
    auto next = takeResponse(peer.sent);
    QVERIFY(next);
    QCOMPARE(next->status, 200);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpAnswersAfterPeerClosed()
{
    BehaviourOptions options;
    options.slowIntervalMs = 10;
    const auto behaviour = createBehaviour(QStringLiteral("http"), options);
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    // "printf 'GET /slow ...' | nc": the request and the end of input come together.
    handler->received(peer, request("GET", "/slow") + request("GET", "/status/201") + "GET /incompl");
    handler->peerClosed(peer);
    QCOMPARE(peer.closeAfterSendingCalls, 0);
    QTRY_COMPARE(peer.closeAfterSendingCalls, 1);
    QCOMPARE(takeResponse(peer.sent)->body, HttpBehaviour::slowPieces().join());
    QCOMPARE(takeResponse(peer.sent)->status, 201);
    QVERIFY(peer.sent.isEmpty());
    QCOMPARE(peer.violations, 0);

    FakePeer idle;
    auto other = behaviour->newStreamHandler();
    other->peerClosed(idle);
    QCOMPARE(idle.closeAfterSendingCalls, 1);
    QVERIFY(idle.sent.isEmpty());
}

void TestBehavioursUnit::httpHeaderCap()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    {
        // Just under the cap is fine, however it arrives.
        FakePeer peer;
        auto handler = behaviour->newStreamHandler();
        QByteArray block = request("GET", "/status/200", "HTTP/1.1", "X-Fill: ");
        block.chop(2);
        block += QByteArray(64 * 1024 - block.size() - 4, 'f') + "\r\n\r\n";
        QCOMPARE(block.size(), 64 * 1024);
        handler->received(peer, block.left(30000));
        handler->received(peer, block.mid(30000));
        auto r = takeResponse(peer.sent);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }
    {
        FakePeer peer;
        auto handler = behaviour->newStreamHandler();
        handler->received(peer, "GET / HTTP/1.1\r\nHost: a\r\nX-Fill: " + QByteArray(40000, 'f'));
        QVERIFY(peer.sent.isEmpty());
        handler->received(peer, QByteArray(30000, 'f'));
        auto r = takeResponse(peer.sent);
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        checkCommonHeaders(*r, false);
        QVERIFY(r->body.contains("65536"));
        QCOMPARE(peer.closeAfterSendingCalls, 1);
        handler->received(peer, "\r\n\r\n");
        QVERIFY(peer.sent.isEmpty());
        QCOMPARE(peer.violations, 0);
    }
}

void TestBehavioursUnit::httpBytesHugeIsStreamed()
{
    const auto behaviour = createBehaviour(QStringLiteral("http"));
    FakePeer peer;
    peer.keepBytes = false;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, request("GET", "/bytes/1073741824") + request("GET", "/bytes/100001"));
    // The heads of both, the body of the first only counted, the second kept as well.
    QCOMPARE(peer.streamed, qint64(1073741824) + 100001);
    QVERIFY(peer.largestPiece <= HttpBehaviour::kPieceSize);
    QVERIFY(peer.pieces >= 1073741824 / HttpBehaviour::kPieceSize);
    QVERIFY(peer.patternOk);
    QCOMPARE(peer.sends.size(), 2);
    QVERIFY(peer.sends.at(0).contains("\r\nContent-Length: 1073741824\r\n"));
    QVERIFY(peer.sends.at(1).contains("\r\nContent-Length: 100001\r\n"));
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpPipelineBacklogCap()
{
    BehaviourOptions options;
    options.lineCap = 1024;
    options.slowIntervalMs = 10000;
    const auto behaviour = createBehaviour(QStringLiteral("http"), options);
    FakePeer peer;
    auto handler = behaviour->newStreamHandler();
    handler->received(peer, request("GET", "/slow"));
    QVERIFY(peer.errors.isEmpty());
    const QByteArray more = request("GET", "/status/200");
    qsizetype queued = 0;
    while (queued <= 16 * 1024 && peer.errors.isEmpty()) {
        handler->received(peer, more);
        queued += more.size();
    }
    QCOMPARE(peer.errors.size(), 1);
    QVERIFY(queued > 16 * 1024);
    QCOMPARE(peer.violations, 0);
}

void TestBehavioursUnit::httpDate()
{
    QCOMPARE(HttpBehaviour::httpDate(QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC)),
        QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
    QCOMPARE(HttpBehaviour::httpDate(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)),
        QByteArray("Fri, 02 Jan 2026 03:04:05 GMT"));
}

void TestBehavioursUnit::httpIndexPageIsBundled()
{
    const QByteArray page = indexPage();
    QVERIFY(!page.isEmpty());
    QVERIFY(page.contains("<title>Socket Workbench lab</title>"));
    for (const char *link : { "href=\"/headers\"", "href=\"/bytes/", "href=\"/chunked\"", "href=\"/status/",
             "href=\"/slow\"", "href=\"/redirect\"" })
        QVERIFY2(page.contains(link), link);
    // Served by a lab with no network: nothing may come from elsewhere.
    QVERIFY(!page.contains("http://"));
    QVERIFY(!page.contains("https://"));
    QVERIFY(!page.contains("src="));
    QVERIFY(!page.contains("@import"));
}

// ---- SNTP ----

void TestBehavioursUnit::sntp_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("stratumOption");
    QTest::addColumn<int>("replyVersion");
    QTest::addColumn<int>("replyStratum");
    QTest::addColumn<int>("size");
    QTest::newRow("v4") << 4 << 1 << 4 << 1 << 48;
    QTest::newRow("v3 kept") << 3 << 2 << 3 << 2 << 48;
    QTest::newRow("v1 answered as v4") << 1 << 1 << 4 << 1 << 48;
    QTest::newRow("v5 answered as v4") << 5 << 1 << 4 << 1 << 48;
    QTest::newRow("stratum 0 clamped") << 4 << 0 << 4 << 1 << 48;
    QTest::newRow("stratum 99 clamped") << 4 << 99 << 4 << 15 << 48;
    QTest::newRow("with key and digest") << 4 << 3 << 4 << 3 << 68;
}

void TestBehavioursUnit::sntp()
{
    QFETCH(int, version);
    QFETCH(int, stratumOption);
    QFETCH(int, replyVersion);
    QFETCH(int, replyStratum);
    QFETCH(int, size);

    BehaviourOptions options;
    options.sntpStratum = stratumOption;
    const auto behaviour = createBehaviour(QStringLiteral("sntp"), options);
    const QByteArray transmit = QByteArray::fromHex("e1b2c3d4a5f60718");
    const double before = unixNow();
    const auto reply = behaviour->datagram(sntpRequest(version, 3, 6, transmit, size), {});
    const double after = unixNow();
    QVERIFY(reply.has_value());
    QCOMPARE(reply->size(), 48);
    const auto first = quint8(reply->at(0));
    QCOMPARE(first >> 6, 0); // LI
    QCOMPARE((first >> 3) & 7, replyVersion);
    QCOMPARE(first & 7, 4); // mode: server
    QCOMPARE(int(quint8(reply->at(1))), replyStratum);
    QCOMPARE(int(reply->at(2)), 6); // poll copied
    QCOMPARE(int(qint8(reply->at(3))), -20);
    QCOMPARE(qFromBigEndian<quint32>(reply->constData() + 4), quint32(0));
    QCOMPARE(qFromBigEndian<quint32>(reply->constData() + 8), quint32(0x10));
    QCOMPARE(reply->mid(12, 4), QByteArray("LOCL"));
    QCOMPARE(reply->mid(24, 8), transmit);
    const double reference = ntpToUnix(*reply, 16);
    const double receive = ntpToUnix(*reply, 32);
    const double transmitted = ntpToUnix(*reply, 40);
    for (double t : { reference, receive, transmitted })
        QVERIFY2(t >= before - 0.001 && t <= after + 0.001, qPrintable(QString::number(t - before)));
    QVERIFY(receive <= transmitted);
    // The fraction is really used: two replies are not both on whole seconds.
    QVERIFY((qFromBigEndian<quint64>(reply->constData() + 40) & 0xffffffffULL) != 0
        || (qFromBigEndian<quint64>(behaviour->datagram(sntpRequest(4, 3, 6, transmit), {})->constData() + 40)
               & 0xffffffffULL)
            != 0);
}

void TestBehavioursUnit::sntpIgnores_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("47 bytes") << sntpRequest(4, 3, 6, QByteArray(8, 'x'), 47);
    QTest::newRow("mode 4 (a server reply)") << sntpRequest(4, 4, 6, QByteArray(8, 'x'));
    QTest::newRow("mode 1 (symmetric active)") << sntpRequest(4, 1, 6, QByteArray(8, 'x'));
    QTest::newRow("mode 5 (broadcast)") << sntpRequest(4, 5, 6, QByteArray(8, 'x'));
    QTest::newRow("text") << QByteArray("what time is it? what time is it? what time is it?");
}

void TestBehavioursUnit::sntpIgnores()
{
    QFETCH(QByteArray, datagram);
    const auto behaviour = createBehaviour(QStringLiteral("sntp"));
    QVERIFY(!behaviour->datagram(datagram, {}).has_value());
    QVERIFY(!behaviour->supports(Transport::Tcp));
}

QTEST_GUILESS_MAIN(TestBehavioursUnit)
#include "tst_behaviours_unit.moc"
