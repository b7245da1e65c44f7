// HttpResponseParser: status lines, fields, every kind of framing and every error, each row parsed
// whole, one byte at a time and split in two at every position, which must all agree. Offsets in
// the tables were counted by hand from the inputs.

#include "http/httpresponseparser.h"

#include <QElapsedTimer>
#include <QTest>

using swb::HttpFraming;
using swb::HttpHeaderField;
using swb::HttpResponseParser;
using State = swb::HttpResponseParser::State;

Q_DECLARE_METATYPE(swb::HttpResponseParser::State)
Q_DECLARE_METATYPE(swb::HttpFraming)

namespace {

const QByteArray kChunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"; // 47 bytes

QString stateName(State state)
{
    switch (state) {
    case State::Head:
        return QStringLiteral("Head");
    case State::Body:
        return QStringLiteral("Body");
    case State::ChunkSize:
        return QStringLiteral("ChunkSize");
    case State::ChunkData:
        return QStringLiteral("ChunkData");
    case State::ChunkDataEnd:
        return QStringLiteral("ChunkDataEnd");
    case State::Trailers:
        return QStringLiteral("Trailers");
    case State::Done:
        return QStringLiteral("Done");
    case State::Error:
        return QStringLiteral("Error");
    }
    return QStringLiteral("?");
}

QByteArrayList fieldLines(const QList<HttpHeaderField> &fields)
{
    QByteArrayList lines;
    for (const HttpHeaderField &field : fields)
        lines.append(field.name + ": " + field.value);
    return lines;
}

// Everything a parser shows once the input is in, as text, so two runs compare in one go and a
// difference reads plainly; the body is kept apart.
struct Outcome {
    QString summary;
    QByteArray body;
    int sinkCalls = 0;
};

Outcome parseInPieces(const QByteArray &input, const QList<qsizetype> &cuts, bool headRequest, bool finish)
{
    HttpResponseParser parser;
    parser.setHeadRequest(headRequest);
    Outcome outcome;
    parser.setBodySink([&outcome](QByteArrayView bytes) {
        outcome.body.append(bytes.data(), bytes.size());
        ++outcome.sinkCalls;
    });
    const QByteArrayView all(input);
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(all.sliced(from, cut - from));
        from = cut;
    }
    parser.feed(all.sliced(from));
    if (finish)
        parser.finish();

    QStringList interim;
    for (const swb::HttpResponseHead &head : parser.interim())
        interim.append(QString::fromLatin1(head.statusLine) + QLatin1Char('/') + QString::number(head.headBytes));
    const swb::HttpResponseHead &head = parser.head();
    outcome.summary = QStringLiteral(
        "state=%1 done=%2 error=%3 offset=%4 message=[%5] status=%6 version=%7.%8 reason=[%9] http09=%10 "
        "headBytes=%11 fields=[%12] interim=[%13] framing=%14 contentLength=%15 bodyBytes=%16 bodySize=%17 "
        "chunks=%18 extensions=[%19] trailers=[%20] consumed=%21 extra=%22 warnings=[%23] headComplete=%24")
                          .arg(stateName(parser.state()))
                          .arg(parser.isDone())
                          .arg(parser.hasError())
                          .arg(parser.errorOffset())
                          .arg(parser.errorMessage())
                          .arg(head.status)
                          .arg(head.versionMajor)
                          .arg(head.versionMinor)
                          .arg(QString::fromLatin1(head.reason))
                          .arg(head.http09)
                          .arg(head.headBytes)
                          .arg(QString::fromLatin1(fieldLines(head.headers).join('|')))
                          .arg(interim.join('|'))
                          .arg(swb::httpFramingName(parser.framing()))
                          .arg(parser.contentLength())
                          .arg(parser.bodyBytes())
                          .arg(outcome.body.size())
                          .arg(parser.chunkCount())
                          .arg(QString::fromLatin1(parser.chunkExtensions().join('|')))
                          .arg(QString::fromLatin1(fieldLines(parser.trailers()).join('|')))
                          .arg(parser.bytesConsumed())
                          .arg(parser.extraBytes())
                          .arg(parser.warnings().join('|'))
                          .arg(parser.headComplete());
    return outcome;
}

// Parses the input whole, one byte at a time, and in two pieces at every split point (at evenly
// spread points for long inputs) and fails the test unless every way gives the same outcome.
// Returns the whole-input outcome for the caller's checks.
Outcome parseEveryWay(const QByteArray &input, bool headRequest = false, bool finish = true)
{
    const Outcome whole = parseInPieces(input, {}, headRequest, finish);
    const auto same = [&whole](const Outcome &other, const QString &how) {
        if (other.summary != whole.summary || other.body != whole.body) {
            QTest::qFail(qPrintable(QStringLiteral("fed %1, the outcome differs from feeding it whole:\n  whole: %2\n  "
                                                   "split: %3\n  bodies equal: %4")
                                        .arg(how, whole.summary, other.summary)
                                        .arg(other.body == whole.body)),
                __FILE__, __LINE__);
            return false;
        }
        return true;
    };

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    if (!same(parseInPieces(input, everyByte, headRequest, finish), QStringLiteral("one byte at a time")))
        return whole;

    const qsizetype step = input.size() > 2048 ? input.size() / 256 : 1;
    for (qsizetype cut = 1; cut < input.size(); cut += step) {
        if (!same(parseInPieces(input, { cut }, headRequest, finish), QStringLiteral("split at %1").arg(cut)))
            return whole;
    }
    return whole;
}

} // namespace

class TestHttpResponseParser : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void chunked_data();
    void chunked();
    void headFields_data();
    void headFields();
    void interimResponses();
    void afterTheEnd();
    void framingNames();
    void sinkSetLater();
    void largeBodyIsNotCopied();
};

void TestHttpResponseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("headRequest");
    QTest::addColumn<bool>("finish"); // the server closes the connection after the input
    QTest::addColumn<State>("state");
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpFraming>("framing");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("contentLength");
    QTest::addColumn<qint64>("errorOffset");
    QTest::addColumn<QString>("messageHas"); // part of the error message, when an error is expected
    QTest::addColumn<QString>("warningHas"); // part of a warning; empty: no warnings at all
    QTest::addColumn<qint64>("extra");

    const QByteArray ok = "HTTP/1.1 200 OK\r\n"; // 17 bytes
    const QString none;

    // Content-Length
    QTest::newRow("200 Content-Length") << ok + "Content-Length: 5\r\n\r\nhello" << false << false << State::Done << 200
                                        << HttpFraming::ContentLength << QByteArray("hello") << qint64(5) << qint64(-1)
                                        << none << none << qint64(0);
    QTest::newRow("404 with reason") << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found")
                                     << false << false << State::Done << 404 << HttpFraming::ContentLength
                                     << QByteArray("not found") << qint64(9) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("empty reason") << QByteArray("HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok") << false << false
                                  << State::Done << 200 << HttpFraming::ContentLength << QByteArray("ok") << qint64(2)
                                  << qint64(-1) << none << none << qint64(0);
    QTest::newRow("no space after code") << QByteArray("HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok") << false << false
                                         << State::Done << 200 << HttpFraming::ContentLength << QByteArray("ok")
                                         << qint64(2) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("Content-Length 0") << ok + "Content-Length: 0\r\n\r\n"
                                      << false << false << State::Done << 200 << HttpFraming::ContentLength
                                      << QByteArray() << qint64(0) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("extra bytes after the body")
        << ok + "Content-Length: 2\r\n\r\nokEXTRA" << false << true << State::Done << 200 << HttpFraming::ContentLength
        << QByteArray("ok") << qint64(2) << qint64(-1) << none << none << qint64(5);
    QTest::newRow("body not complete yet")
        << ok + "Content-Length: 10\r\n\r\nhello" << false << false << State::Body << 200 << HttpFraming::ContentLength
        << QByteArray("hello") << qint64(10) << qint64(-1) << none << none << qint64(0);
    // 17 + "Content-Length: 10\r\n" (20) + 2 + 5 bytes of body: the close comes at byte 44.
    QTest::newRow("body shorter than Content-Length")
        << ok + "Content-Length: 10\r\n\r\nhello" << false << true << State::Error << 200 << HttpFraming::ContentLength
        << QByteArray("hello") << qint64(10) << qint64(44)
        << QStringLiteral("The body ended after 5 of the 10 bytes Content-Length announced") << none << qint64(0);
    QTest::newRow("duplicate Content-Length, equal")
        << ok + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc" << false << false << State::Done << 200
        << HttpFraming::ContentLength << QByteArray("abc") << qint64(3) << qint64(-1) << none
        << QStringLiteral("Content-Length is sent 2 times") << qint64(0);
    QTest::newRow("Content-Length list, equal")
        << ok + "Content-Length: 3, 3\r\n\r\nabc" << false << false << State::Done << 200 << HttpFraming::ContentLength
        << QByteArray("abc") << qint64(3) << qint64(-1) << none << QStringLiteral("Content-Length is sent 2 times")
        << qint64(0);
    QTest::newRow("Content-Length with blanks and leading zeros")
        << ok + "Content-Length: \t 003 \r\n\r\nabc" << false << false << State::Done << 200
        << HttpFraming::ContentLength << QByteArray("abc") << qint64(3) << qint64(-1) << none << none << qint64(0);
    // The second field starts at 17 + 19 = 36, its value at 52.
    QTest::newRow("duplicate Content-Length, differing")
        << ok + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd" << false << false << State::Error << 200
        << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(52) << QStringLiteral("disagree (3 and 4)")
        << QStringLiteral("Fields sent more than once: Content-Length.") << qint64(0);
    QTest::newRow("Content-Length list, differing")
        << ok + "Content-Length: 3, 4\r\n\r\nabcd" << false << false << State::Error << 200 << HttpFraming::Unknown
        << QByteArray() << qint64(-1) << qint64(36) << QStringLiteral("disagree") << none << qint64(0);
    QTest::newRow("Content-Length not digits")
        << ok + "Content-Length: 12a\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(35)
        << QStringLiteral("only hold digits but has 'a'") << none << qint64(0);
    QTest::newRow("Content-Length negative")
        << ok + "Content-Length: -5\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(33)
        << QStringLiteral("'-'") << none << qint64(0);
    QTest::newRow("Content-Length empty")
        << ok + "Content-Length:\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(32)
        << QStringLiteral("empty") << none << qint64(0);
    QTest::newRow("Content-Length at the limit")
        << ok + "Content-Length: 1125899906842624\r\n\r\n"
        << false << false << State::Body << 200 << HttpFraming::ContentLength << QByteArray() << (qint64(1) << 50)
        << qint64(-1) << none << none << qint64(0);
    QTest::newRow("Content-Length over the limit")
        << ok + "Content-Length: 1125899906842625\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(33)
        << QStringLiteral("larger than the limit of 1125899906842624 bytes") << none << qint64(0);
    QTest::newRow("Content-Length of 30 digits")
        << ok + "Content-Length: 123456789012345678901234567890\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(33)
        << QStringLiteral("larger than the limit") << none << qint64(0);

    // Until close
    QTest::newRow("HTTP/1.0 until close")
        << QByteArray("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the end") << false << true << State::Done << 200
        << HttpFraming::CloseDelimited << QByteArray("until the end") << qint64(-1) << qint64(-1) << none << none
        << qint64(0);
    QTest::newRow("until close, not closed yet")
        << QByteArray("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the end") << false << false << State::Body << 200
        << HttpFraming::CloseDelimited << QByteArray("until the end") << qint64(-1) << qint64(-1) << none << none
        << qint64(0);
    QTest::newRow("Transfer-Encoding gzip")
        << ok + "Transfer-Encoding: gzip\r\n\r\n\x1f\x8b\x08" << false << true << State::Done << 200
        << HttpFraming::CloseDelimited << QByteArray("\x1f\x8b\x08") << qint64(-1) << qint64(-1) << none
        << QStringLiteral("gzip, which is not decoded") << qint64(0);

    // Chunked
    QTest::newRow("chunked with extensions and trailers")
        << kChunkedHead + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nExpires: never\r\n\r\n"
        << false << false << State::Done << 200 << HttpFraming::Chunked << QByteArray("hello world") << qint64(-1)
        << qint64(-1) << none << none << qint64(0);
    QTest::newRow("chunked, uppercase hex and leading zeros")
        << kChunkedHead + "000A\r\n0123456789\r\n00B\r\nabcdefghijk\r\n000\r\n\r\n"
        << false << false << State::Done << 200 << HttpFraming::Chunked << QByteArray("0123456789abcdefghijk")
        << qint64(-1) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("chunked, then extra bytes")
        << kChunkedHead + "2\r\nok\r\n0\r\n\r\nHTTP/1.1" << false << false << State::Done << 200 << HttpFraming::Chunked
        << QByteArray("ok") << qint64(-1) << qint64(-1) << none << none << qint64(8);
    QTest::newRow("Transfer-Encoding and Content-Length")
        << ok + "Content-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
        << false << false << State::Done << 200 << HttpFraming::Chunked << QByteArray("ok") << qint64(-1) << qint64(-1)
        << none << QStringLiteral("chunked framing wins") << qint64(0);
    QTest::newRow("Transfer-Encoding over two fields")
        << ok + "Transfer-Encoding: gzip\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
        << false << false << State::Done << 200 << HttpFraming::Chunked << QByteArray("ok") << qint64(-1) << qint64(-1)
        << none << QStringLiteral("gzip, which is not decoded") << qint64(0);
    QTest::newRow("Transfer-Encoding chunked, gzip")
        << ok + "Transfer-Encoding: chunked, gzip\r\n\r\n2\r\nok\r\n"
        << false << true << State::Done << 200 << HttpFraming::CloseDelimited << QByteArray("2\r\nok\r\n") << qint64(-1)
        << qint64(-1) << none << QStringLiteral("does not end with chunked") << qint64(0);
    // kChunkedHead is 47 bytes, "5\r\n" 3 more, "hello" 5: the X is at 55.
    QTest::newRow("chunk data not followed by CRLF")
        << kChunkedHead + "5\r\nhelloXX\r\n"
        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray("hello") << qint64(-1)
        << qint64(55) << QStringLiteral("followed by CRLF but 'X'") << none << qint64(0);
    QTest::newRow("chunk data followed by CR alone")
        << kChunkedHead + "5\r\nhello\rX" << false << false << State::Error << 200 << HttpFraming::Chunked
        << QByteArray("hello") << qint64(-1) << qint64(56) << QStringLiteral("followed by CRLF") << none << qint64(0);
    QTest::newRow("chunk size not hex") << kChunkedHead + "xyz\r\n"
                                        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray()
                                        << qint64(-1) << qint64(47)
                                        << QStringLiteral("hexadecimal chunk size but found 'x'") << none << qint64(0);
    QTest::newRow("chunk size with junk")
        << kChunkedHead + "5x\r\nhello\r\n"
        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray() << qint64(-1) << qint64(48)
        << QStringLiteral("after the chunk size but found 'x'") << none << qint64(0);
    QTest::newRow("chunk size missing") << kChunkedHead + "\r\n"
                                        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray()
                                        << qint64(-1) << qint64(47) << QStringLiteral("found the line end") << none
                                        << qint64(0);
    // Four leading zeros, then the 16th significant digit at 47 + 4 + 15 = 66.
    QTest::newRow("chunk size of 16 hex digits")
        << kChunkedHead + "0000ffffffffffffffff\r\n"
        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray() << qint64(-1) << qint64(66)
        << QStringLiteral("more than 15") << none << qint64(0);
    QTest::newRow("chunk size over the limit")
        << kChunkedHead + "fffffffffffffff\r\n"
        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray() << qint64(-1) << qint64(47)
        << QStringLiteral("larger than the limit") << none << qint64(0);
    QTest::newRow("chunk-size line too long")
        << kChunkedHead + "1;" + QByteArray(5000, 'x') + "\r\nx\r\n"
        << false << false << State::Error << 200 << HttpFraming::Chunked << QByteArray() << qint64(-1)
        << qint64(47 + 4096) << QStringLiteral("chunk-size line is longer than the limit of 4096 bytes") << none
        << qint64(0);
    QTest::newRow("chunked cut short in data") << kChunkedHead + "5\r\nhel" << false << true << State::Error << 200
                                               << HttpFraming::Chunked << QByteArray("hel") << qint64(-1) << qint64(53)
                                               << QStringLiteral("chunked body was cut short") << none << qint64(0);
    QTest::newRow("chunked cut short in trailers")
        << kChunkedHead + "0\r\nX-A: b\r\n"
        << false << true << State::Error << 200 << HttpFraming::Chunked << QByteArray() << qint64(-1) << qint64(58)
        << QStringLiteral("trailer section") << none << qint64(0);

    // Bodyless
    QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n") << false << false
                         << State::Done << 204 << HttpFraming::None << QByteArray() << qint64(-1) << qint64(-1) << none
                         << none << qint64(0);
    QTest::newRow("304") << QByteArray("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n") << false << false
                         << State::Done << 304 << HttpFraming::None << QByteArray() << qint64(-1) << qint64(-1) << none
                         << none << qint64(0);
    QTest::newRow("HEAD") << ok + "Content-Length: 1000\r\n\r\n"
                          << true << false << State::Done << 200 << HttpFraming::None << QByteArray() << qint64(-1)
                          << qint64(-1) << none << none << qint64(0);
    QTest::newRow("HEAD, then more bytes")
        << ok + "Transfer-Encoding: chunked\r\n\r\nabc" << true << true << State::Done << 200 << HttpFraming::None
        << QByteArray() << qint64(-1) << qint64(-1) << none << none << qint64(3);
    QTest::newRow("100 Continue then 200")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") << false << false
        << State::Done << 200 << HttpFraming::ContentLength << QByteArray("ok") << qint64(2) << qint64(-1) << none
        << none << qint64(0);
    QTest::newRow("101 is final") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"
                                                "\x81\x05hello")
                                  << false << false << State::Done << 101 << HttpFraming::None << QByteArray()
                                  << qint64(-1) << qint64(-1) << none << none << qint64(7);

    // HTTP/0.9
    QTest::newRow("HTTP/0.9") << QByteArray("<html>hello") << false << true << State::Done << 0 << HttpFraming::Http09
                              << QByteArray("<html>hello") << qint64(-1) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("HTTP/0.9, not closed yet")
        << QByteArray("<html>hello") << false << false << State::Body << 0 << HttpFraming::Http09
        << QByteArray("<html>hello") << qint64(-1) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("HTTP/0.9 that starts like HTTP/")
        << QByteArray("HTTPS is not HTTP") << false << true << State::Done << 0 << HttpFraming::Http09
        << QByteArray("HTTPS is not HTTP") << qint64(-1) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("HTTP/0.9, lowercase http")
        << QByteArray("http/1.1 200 OK\r\n\r\n") << false << true << State::Done << 0 << HttpFraming::Http09
        << QByteArray("http/1.1 200 OK\r\n\r\n") << qint64(-1) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("HTTP/0.9, shorter than HTTP/")
        << QByteArray("HTT") << false << true << State::Done << 0 << HttpFraming::Http09 << QByteArray("HTT")
        << qint64(-1) << qint64(-1) << none << none << qint64(0);
    QTest::newRow("HTTP/ prefix, undecided")
        << QByteArray("HTT") << false << false << State::Head << 0 << HttpFraming::Unknown << QByteArray() << qint64(-1)
        << qint64(-1) << none << none << qint64(0);
    QTest::newRow("empty stream") << QByteArray() << false << true << State::Error << 0 << HttpFraming::Unknown
                                  << QByteArray() << qint64(-1) << qint64(0)
                                  << QStringLiteral("without sending a response") << none << qint64(0);

    // Line endings and fields
    QTest::newRow("bare LF") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << false << false << State::Done
                             << 200 << HttpFraming::ContentLength << QByteArray("ok") << qint64(2) << qint64(-1) << none
                             << QStringLiteral("bare LF (first at byte 15)") << qint64(0);
    QTest::newRow("bare CR in the head") << QByteArray("HTTP/1.1 200 OK\rX-A: b\r\n\r\n") << false << false
                                         << State::Error << 0 << HttpFraming::Unknown << QByteArray() << qint64(-1)
                                         << qint64(15) << QStringLiteral("CR at byte 15 is not followed by LF") << none
                                         << qint64(0);
    QTest::newRow("folded field") << ok + "X-Long: one\r\n two\r\n\tthree\r\nContent-Length: 0\r\n\r\n"
                                  << false << false << State::Done << 200 << HttpFraming::ContentLength << QByteArray()
                                  << qint64(0) << qint64(-1) << none << QStringLiteral("obsolete line folding")
                                  << qint64(0);
    QTest::newRow("fold as the first line")
        << ok + " folded\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(17)
        << QStringLiteral("no field before it") << none << qint64(0);
    QTest::newRow("duplicate fields") << ok + "Via: a\r\nSet-Cookie: a=1\r\nvia: b\r\nSet-Cookie: b=2\r\n\r\n"
                                      << false << true << State::Done << 200 << HttpFraming::CloseDelimited
                                      << QByteArray() << qint64(-1) << qint64(-1) << none
                                      << QStringLiteral("Fields sent more than once: Via.") << qint64(0);
    // "Content-Length: 0\r\n" is 19 bytes, so the line without a colon starts at 36.
    QTest::newRow("field without colon") << ok + "Content-Length: 0\r\nNoColonHere\r\n\r\n"
                                         << false << false << State::Error << 200 << HttpFraming::Unknown
                                         << QByteArray() << qint64(-1) << qint64(36) << QStringLiteral("has no colon")
                                         << none << qint64(0);
    QTest::newRow("space before colon") << ok + "Content-Length : 0\r\n\r\n"
                                        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray()
                                        << qint64(-1) << qint64(31)
                                        << QStringLiteral("between the field name and the colon") << none << qint64(0);
    QTest::newRow("space inside a name") << ok + "Bad Name: x\r\n\r\n"
                                         << false << false << State::Error << 200 << HttpFraming::Unknown
                                         << QByteArray() << qint64(-1) << qint64(20)
                                         << QStringLiteral("a space, which a name may not hold") << none << qint64(0);
    QTest::newRow("empty name") << ok + ": x\r\n\r\n"
                                << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray()
                                << qint64(-1) << qint64(17) << QStringLiteral("empty name") << none << qint64(0);
    QTest::newRow("control character in a value")
        << ok
            + "X-A: a\x01"
              "b\r\n\r\n"
        << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(23)
        << QStringLiteral("control character 0x01") << none << qint64(0);
    // The limit is 65536 bytes: the first byte past it is at offset 65536.
    QTest::newRow("head over 64 KiB") << ok + "X-Big: " + QByteArray(70000, 'a') + "\r\n\r\n"
                                      << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray()
                                      << qint64(-1) << qint64(65536)
                                      << QStringLiteral("longer than the limit of 65536 bytes") << none << qint64(0);
    QByteArray manyFields = ok;
    for (int i = 0; i < 1001; ++i)
        manyFields += "F: v\r\n";
    QTest::newRow("too many fields") << manyFields + "\r\n"
                                     << false << false << State::Error << 200 << HttpFraming::Unknown << QByteArray()
                                     << qint64(-1) << qint64(17 + 1000 * 6)
                                     << QStringLiteral("more than 1000 header fields") << none << qint64(0);
    QTest::newRow("head cut short") << ok + "Content-Le" << false << true << State::Error << 200 << HttpFraming::Unknown
                                    << QByteArray() << qint64(-1) << qint64(27)
                                    << QStringLiteral("middle of the response head") << none << qint64(0);
    QTest::newRow("closed after an interim response")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\n") << false << true << State::Error << 0 << HttpFraming::Unknown
        << QByteArray() << qint64(-1) << qint64(25) << QStringLiteral("without sending the final one") << none
        << qint64(0);
    QTest::newRow("too many interim responses")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(17) + ok + "\r\n"
        << false << true << State::Error << 100 << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(16 * 25)
        << QStringLiteral("More than 16 interim") << none << qint64(0);

    // Status lines
    QTest::newRow("status of two digits") << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << false << false << State::Error << 0
                                          << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(11)
                                          << QStringLiteral("three digits but a space came") << none << qint64(0);
    QTest::newRow("version HTTP/1.x") << QByteArray("HTTP/1.x 200 OK\r\n\r\n") << false << false << State::Error << 0
                                      << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(7)
                                      << QStringLiteral("version") << none << qint64(0);
    QTest::newRow("version HTTP/11") << QByteArray("HTTP/11 200 OK\r\n\r\n") << false << false << State::Error << 0
                                     << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(6)
                                     << QStringLiteral("version") << none << qint64(0);
    QTest::newRow("status abc") << QByteArray("HTTP/1.1 abc\r\n\r\n") << false << false << State::Error << 0
                                << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(9)
                                << QStringLiteral("'a'") << none << qint64(0);
    QTest::newRow("status 099") << QByteArray("HTTP/1.1 099 Low\r\n\r\n") << false << false << State::Error << 0
                                << HttpFraming::Unknown << QByteArray() << qint64(-1) << qint64(9)
                                << QStringLiteral("outside 100 to 999") << none << qint64(0);
    QTest::newRow("status of four digits")
        << QByteArray("HTTP/1.1 2000 OK\r\n\r\n") << false << false << State::Error << 0 << HttpFraming::Unknown
        << QByteArray() << qint64(-1) << qint64(12) << QStringLiteral("'0'") << none << qint64(0);
    QTest::newRow("two spaces before the status")
        << QByteArray("HTTP/1.1  200 OK\r\n\r\n") << false << false << State::Error << 0 << HttpFraming::Unknown
        << QByteArray() << qint64(-1) << qint64(9) << QStringLiteral("three digits") << none << qint64(0);
    QTest::newRow("status line ends after the version")
        << QByteArray("HTTP/1.1\r\n\r\n") << false << false << State::Error << 0 << HttpFraming::Unknown << QByteArray()
        << qint64(-1) << qint64(8) << QStringLiteral("the line end") << none << qint64(0);
    QTest::newRow("status 999") << QByteArray("HTTP/1.1 999 Odd\r\nContent-Length: 1\r\n\r\nx") << false << false
                                << State::Done << 999 << HttpFraming::ContentLength << QByteArray("x") << qint64(1)
                                << qint64(-1) << none << none << qint64(0);
}

void TestHttpResponseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, headRequest);
    QFETCH(bool, finish);
    QFETCH(State, state);
    QFETCH(int, status);
    QFETCH(HttpFraming, framing);
    QFETCH(QByteArray, body);
    QFETCH(qint64, contentLength);
    QFETCH(qint64, errorOffset);
    QFETCH(QString, messageHas);
    QFETCH(QString, warningHas);
    QFETCH(qint64, extra);

    parseEveryWay(input, headRequest, finish);
    if (QTest::currentTestFailed())
        return;

    HttpResponseParser parser;
    parser.setHeadRequest(headRequest);
    QByteArray received;
    qint64 sunk = 0;
    parser.setBodySink([&](QByteArrayView bytes) {
        received.append(bytes.data(), bytes.size());
        sunk += bytes.size();
    });
    parser.feed(input);
    if (finish)
        parser.finish();

    QCOMPARE(stateName(parser.state()), stateName(state));
    QCOMPARE(parser.isDone(), state == State::Done);
    QCOMPARE(parser.hasError(), state == State::Error);
    QCOMPARE(parser.head().status, status);
    QCOMPARE(swb::httpFramingName(parser.framing()), swb::httpFramingName(framing));
    QCOMPARE(received, body);
    QCOMPARE(parser.bodyBytes(), qint64(body.size()));
    QCOMPARE(sunk, parser.bodyBytes());
    QCOMPARE(parser.contentLength(), contentLength);
    QCOMPARE(parser.errorOffset(), errorOffset);
    QCOMPARE(parser.extraBytes(), extra);
    QCOMPARE(parser.head().http09, framing == HttpFraming::Http09);
    if (state == State::Error) {
        QVERIFY2(parser.errorMessage().contains(messageHas), qPrintable(parser.errorMessage()));
        const QString atByte = QStringLiteral("at byte %1").arg(errorOffset);
        QVERIFY2(parser.errorMessage().contains(atByte), qPrintable(parser.errorMessage()));
    } else {
        QVERIFY(parser.errorMessage().isEmpty());
    }
    if (warningHas.isEmpty()) {
        QVERIFY2(parser.warnings().isEmpty(), qPrintable(parser.warnings().join('\n')));
    } else {
        QVERIFY2(parser.warnings().join('\n').contains(warningHas), qPrintable(parser.warnings().join('\n')));
    }
    if (state == State::Done && framing == HttpFraming::ContentLength)
        QCOMPARE(parser.bodyBytes(), parser.contentLength());
    if (state == State::Done)
        QCOMPARE(parser.bytesConsumed() + parser.extraBytes(), qint64(input.size()));
    QVERIFY(parser.bytesConsumed() + parser.extraBytes() <= input.size());

    // Once finished or failed, nothing more changes.
    if (state == State::Done || state == State::Error) {
        const qint64 consumed = parser.bytesConsumed();
        const qint64 bodyBytes = parser.bodyBytes();
        parser.feed("more");
        parser.finish();
        QCOMPARE(stateName(parser.state()), stateName(state));
        QCOMPARE(parser.bytesConsumed(), consumed);
        QCOMPARE(parser.bodyBytes(), bodyBytes);
        QCOMPARE(parser.errorOffset(), errorOffset);
        QCOMPARE(parser.extraBytes(), state == State::Done ? extra + 4 : extra);
    }
}

void TestHttpResponseParser::chunked_data()
{
    QTest::addColumn<QByteArray>("chunks"); // after kChunkedHead
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("chunkCount");
    QTest::addColumn<QByteArrayList>("extensions");
    QTest::addColumn<QByteArrayList>("trailers");

    QTest::newRow("extensions and trailers")
        << QByteArray("5;name=value\r\nhello\r\n6 ; foo;bar=\"x y\"\r\n world\r\n0;last\r\nExpires: never\r\n"
                      "X-Checksum:  abc \r\n\r\n")
        << QByteArray("hello world") << 2 << QByteArrayList { ";name=value", "; foo;bar=\"x y\"", ";last" }
        << QByteArrayList { "Expires: never", "X-Checksum: abc" };
    QTest::newRow("no trailers") << QByteArray("3\r\nabc\r\n0\r\n\r\n") << QByteArray("abc") << 1 << QByteArrayList()
                                 << QByteArrayList();
    QTest::newRow("only the last chunk") << QByteArray("0\r\n\r\n") << QByteArray() << 0 << QByteArrayList()
                                         << QByteArrayList();
    QTest::newRow("bare LF everywhere") << QByteArray("3\nabc\n0\nA: b\n\n") << QByteArray("abc") << 1
                                        << QByteArrayList() << QByteArrayList { "A: b" };
    QTest::newRow("whitespace after the size")
        << QByteArray("3 \t\r\nabc\r\n0\r\n\r\n") << QByteArray("abc") << 1 << QByteArrayList() << QByteArrayList();
    QTest::newRow("folded trailer") << QByteArray("1\r\nx\r\n0\r\nX-T: a\r\n  b\r\n\r\n") << QByteArray("x") << 1
                                    << QByteArrayList() << QByteArrayList { "X-T: a b" };
    QTest::newRow("CRLF inside the data") << QByteArray("4\r\n\r\n\r\n\r\n0\r\n\r\n") << QByteArray("\r\n\r\n") << 1
                                          << QByteArrayList() << QByteArrayList();
    QByteArray many;
    QByteArray manyBody;
    QByteArrayList first16;
    for (int i = 0; i < 20; ++i) {
        many += "1;n=" + QByteArray::number(i) + "\r\n" + char('a' + i) + "\r\n";
        manyBody += char('a' + i);
        if (i < 16)
            first16.append(";n=" + QByteArray::number(i));
    }
    QTest::newRow("only 16 extensions kept") << many + "0\r\n\r\n" << manyBody << 20 << first16 << QByteArrayList();
}

void TestHttpResponseParser::chunked()
{
    QFETCH(QByteArray, chunks);
    QFETCH(QByteArray, body);
    QFETCH(int, chunkCount);
    QFETCH(QByteArrayList, extensions);
    QFETCH(QByteArrayList, trailers);

    const QByteArray input = kChunkedHead + chunks;
    const Outcome outcome = parseEveryWay(input, false, false);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.body, body);

    HttpResponseParser parser;
    parser.feed(input);
    QVERIFY2(parser.isDone(), qPrintable(parser.errorMessage()));
    QVERIFY(parser.chunked());
    QCOMPARE(parser.chunkCount(), chunkCount);
    QCOMPARE(parser.bodyBytes(), qint64(body.size()));
    QCOMPARE(parser.chunkExtensions(), extensions);
    QCOMPARE(fieldLines(parser.trailers()), trailers);
    QCOMPARE(parser.bytesConsumed(), qint64(input.size()));
    QCOMPARE(parser.contentLength(), qint64(-1));
}

void TestHttpResponseParser::headFields_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("name"); // looked up as given
    QTest::addColumn<QByteArrayList>("values");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<int>("minor");

    QTest::newRow("simple") << QByteArray("HTTP/1.1 200 OK\r\nServer: lab\r\n\r\n") << QByteArray("server")
                            << QByteArrayList { "lab" } << QByteArray("HTTP/1.1 200 OK") << QByteArray("OK") << 1;
    QTest::newRow("case-insensitive names")
        << QByteArray("HTTP/1.0 404 Not Found\r\nCONTENT-type: text/plain\r\n\r\n") << QByteArray("Content-Type")
        << QByteArrayList { "text/plain" } << QByteArray("HTTP/1.0 404 Not Found") << QByteArray("Not Found") << 0;
    QTest::newRow("duplicates in order") << QByteArray(
        "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX: y\r\nset-cookie: b=2\r\n\r\n")
                                         << QByteArray("Set-Cookie") << QByteArrayList { "a=1", "b=2" }
                                         << QByteArray("HTTP/1.1 200 OK") << QByteArray("OK") << 1;
    QTest::newRow("folded value joined") << QByteArray("HTTP/1.1 200 OK\r\nX-Long: one  \r\n   two\r\n\tthree\r\n\r\n")
                                         << QByteArray("x-long") << QByteArrayList { "one two three" }
                                         << QByteArray("HTTP/1.1 200 OK") << QByteArray("OK") << 1;
    QTest::newRow("empty value") << QByteArray("HTTP/1.1 200 OK\r\nX-Empty:\r\nX-Blank: \t \r\n\r\n")
                                 << QByteArray("x-blank") << QByteArrayList { "" } << QByteArray("HTTP/1.1 200 OK")
                                 << QByteArray("OK") << 1;
    QTest::newRow("absent") << QByteArray("HTTP/1.1 200 OK\r\n\r\n") << QByteArray("Server") << QByteArrayList()
                            << QByteArray("HTTP/1.1 200 OK") << QByteArray("OK") << 1;
    QTest::newRow("reason with blanks and obs-text")
        << QByteArray("HTTP/1.1 200 Tr\xc3\xa8s\tbien \r\nA: b\r\n\r\n") << QByteArray("a") << QByteArrayList { "b" }
        << QByteArray("HTTP/1.1 200 Tr\xc3\xa8s\tbien ") << QByteArray("Tr\xc3\xa8s\tbien ") << 1;
    QTest::newRow("value with colons") << QByteArray("HTTP/1.1 200 OK\r\nLocation: http://x:80/a\r\n\r\n")
                                       << QByteArray("location") << QByteArrayList { "http://x:80/a" }
                                       << QByteArray("HTTP/1.1 200 OK") << QByteArray("OK") << 1;
}

void TestHttpResponseParser::headFields()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, name);
    QFETCH(QByteArrayList, values);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, reason);
    QFETCH(int, minor);

    parseEveryWay(input, false, true);
    if (QTest::currentTestFailed())
        return;

    HttpResponseParser parser;
    parser.feed(input);
    QVERIFY(parser.headComplete());
    const swb::HttpResponseHead &head = parser.head();
    QCOMPARE(head.values(name), values);
    QCOMPARE(head.has(name), !values.isEmpty());
    QCOMPARE(head.value(name), values.value(0));
    QCOMPARE(head.statusLine, statusLine);
    QCOMPARE(head.reason, reason);
    QCOMPARE(head.versionMajor, 1);
    QCOMPARE(head.versionMinor, minor);
    QCOMPARE(head.headBytes, qint64(input.size()));
    QVERIFY(!head.http09);
}

void TestHttpResponseParser::interimResponses()
{
    const QByteArray input = "HTTP/1.1 100 Continue\r\n\r\n" // 25 bytes
                             "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                             "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    parseEveryWay(input, false, false);
    if (QTest::currentTestFailed())
        return;

    HttpResponseParser parser;
    parser.feed(input);
    QVERIFY(parser.isDone());
    QCOMPARE(parser.interim().size(), 2);
    QCOMPARE(parser.interim().at(0).status, 100);
    QCOMPARE(parser.interim().at(0).headBytes, qint64(25));
    QCOMPARE(parser.interim().at(1).status, 103);
    QCOMPARE(parser.interim().at(1).value("link"), QByteArray("</s.css>; rel=preload"));
    QCOMPARE(parser.head().status, 200);
    QVERIFY(parser.head().headers.size() == 1);
    QCOMPARE(parser.bodyBytes(), qint64(2));

    // A HEAD request still skips interim responses before the bodyless final one.
    HttpResponseParser head;
    head.setHeadRequest(true);
    head.feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");
    QVERIFY(head.isDone());
    QCOMPARE(head.interim().size(), 1);
    QCOMPARE(head.framing(), HttpFraming::None);
}

void TestHttpResponseParser::afterTheEnd()
{
    HttpResponseParser done;
    done.feed("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
    QVERIFY(done.isDone());
    done.feed("abc");
    done.feed(QByteArrayView());
    done.finish();
    done.finish();
    QVERIFY(done.isDone());
    QCOMPARE(done.extraBytes(), qint64(3));
    QCOMPARE(done.bodyBytes(), qint64(1));

    HttpResponseParser failed;
    failed.feed("HTTP/1.1 2");
    failed.feed("x0 OK\r\n");
    QVERIFY(failed.hasError());
    const QString message = failed.errorMessage();
    failed.feed("00 OK\r\n\r\n");
    failed.finish();
    QVERIFY(failed.hasError());
    QCOMPARE(failed.errorMessage(), message);
    QCOMPARE(failed.errorOffset(), qint64(10));
    QCOMPARE(failed.extraBytes(), qint64(0));

    HttpResponseParser closed;
    closed.feed("HTTP/1.0 200 OK\r\n\r\nbody");
    closed.finish();
    QVERIFY(closed.isDone());
    closed.feed("late");
    QCOMPARE(closed.bodyBytes(), qint64(4));
    QCOMPARE(closed.extraBytes(), qint64(4));
}

void TestHttpResponseParser::framingNames()
{
    QCOMPARE(swb::httpFramingName(HttpFraming::Unknown), QStringLiteral("unknown"));
    QCOMPARE(swb::httpFramingName(HttpFraming::None), QStringLiteral("none"));
    QCOMPARE(swb::httpFramingName(HttpFraming::ContentLength), QStringLiteral("Content-Length"));
    QCOMPARE(swb::httpFramingName(HttpFraming::Chunked), QStringLiteral("chunked"));
    QCOMPARE(swb::httpFramingName(HttpFraming::CloseDelimited), QStringLiteral("until close"));
    QCOMPARE(swb::httpFramingName(HttpFraming::Http09), QStringLiteral("HTTP/0.9 (until close)"));
}

void TestHttpResponseParser::sinkSetLater()
{
    HttpResponseParser parser;
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nabc");
    QByteArray received;
    parser.setBodySink([&received](QByteArrayView bytes) { received.append(bytes.data(), bytes.size()); });
    parser.feed("def");
    QVERIFY(parser.isDone());
    QCOMPARE(received, QByteArray("def"));
    QCOMPARE(parser.bodyBytes(), qint64(6));
}

// 100 MiB of Content-Length body in 64 KiB pieces: every byte reaches the sink as a view into the
// piece it came in, never copied, so this takes a few milliseconds even in a sanitized Debug build.
void TestHttpResponseParser::largeBodyIsNotCopied()
{
    constexpr qint64 total = qint64(100) * 1024 * 1024;
    HttpResponseParser parser;
    const QByteArray piece(64 * 1024, 'b');
    qint64 sunk = 0;
    bool viewsIntoPiece = true;
    parser.setBodySink([&](QByteArrayView bytes) {
        sunk += bytes.size();
        if (bytes.data() < piece.constData() || bytes.data() + bytes.size() > piece.constData() + piece.size())
            viewsIntoPiece = false;
    });
    QElapsedTimer timer;
    timer.start();
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n");
    for (qint64 fed = 0; fed < total; fed += piece.size())
        parser.feed(piece);
    const qint64 ms = timer.elapsed();
    QVERIFY2(parser.isDone(), qPrintable(parser.errorMessage()));
    QCOMPARE(parser.bodyBytes(), total);
    QCOMPARE(sunk, total);
    QCOMPARE(parser.extraBytes(), qint64(0));
    QVERIFY(viewsIntoPiece);
    qInfo("100 MiB body parsed in %lld ms", ms);
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
