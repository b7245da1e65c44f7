// Feeds arbitrary bytes to HttpResponseParser in two or three pieces, then closes the connection,
// and checks its invariants: the sink got exactly bodyBytes, an error names an offset inside the
// input, a finished Content-Length body has its announced size, and feeding the same bytes whole or
// one at a time ends in the same place. The first byte holds the options (see README.md).

#include "http/httpresponseparser.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {

struct Run {
    swb::HttpResponseParser::State state;
    int status;
    swb::HttpFraming framing;
    qint64 bodyBytes;
    qint64 contentLength;
    qint64 errorOffset;
    qint64 consumed;
    qint64 extra;
    QString message;
    QStringList warnings;
    QByteArray body;
    int chunkCount;
    qsizetype trailers;
    qsizetype interim;

    bool operator==(const Run &o) const
    {
        return state == o.state && status == o.status && framing == o.framing && bodyBytes == o.bodyBytes
            && contentLength == o.contentLength && errorOffset == o.errorOffset && consumed == o.consumed
            && extra == o.extra && message == o.message && warnings == o.warnings && body == o.body
            && chunkCount == o.chunkCount && trailers == o.trailers && interim == o.interim;
    }
};

void check(bool ok)
{
    if (!ok)
        std::abort();
}

Run parse(const QByteArray &input, const QList<qsizetype> &cuts, bool headRequest,
    const swb::HttpResponseParser::Limits &limits)
{
    swb::HttpResponseParser parser(limits);
    parser.setHeadRequest(headRequest);
    QByteArray body;
    qint64 sunk = 0;
    parser.setBodySink([&](QByteArrayView bytes) {
        check(!bytes.isEmpty());
        sunk += bytes.size();
        body.append(bytes.data(), bytes.size());
    });
    const QByteArrayView all(input);
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(all.sliced(from, cut - from));
        from = cut;
    }
    parser.feed(all.sliced(from));
    parser.finish();

    const qint64 total = input.size();
    // finish() settles everything.
    check(parser.isDone() || parser.hasError());
    check(sunk == parser.bodyBytes());
    check(parser.bodyBytes() <= parser.bytesConsumed());
    check(parser.bytesConsumed() >= 0 && parser.extraBytes() >= 0);
    check(parser.bytesConsumed() + parser.extraBytes() <= total);
    if (parser.hasError()) {
        check(parser.errorOffset() >= 0 && parser.errorOffset() <= total);
        check(!parser.errorMessage().isEmpty());
        check(parser.errorMessage().contains(QStringLiteral("at byte %1").arg(parser.errorOffset())));
        check(parser.extraBytes() == 0);
    } else {
        check(parser.errorOffset() == -1 && parser.errorMessage().isEmpty());
        check(parser.bytesConsumed() + parser.extraBytes() == total);
        check(parser.headComplete());
        if (parser.framing() == swb::HttpFraming::ContentLength)
            check(parser.bodyBytes() == parser.contentLength());
        if (parser.framing() == swb::HttpFraming::None)
            check(parser.bodyBytes() == 0);
        check(parser.head().headBytes <= limits.maxHeadBytes);
    }
    if (parser.framing() == swb::HttpFraming::ContentLength)
        check(parser.contentLength() >= 0 && parser.contentLength() <= limits.maxContentLength);
    else
        check(parser.contentLength() == -1);
    check(parser.head().http09 == (parser.framing() == swb::HttpFraming::Http09));
    check(parser.interim().size() <= limits.maxInterim);
    for (const swb::HttpResponseHead &head : parser.interim())
        check(head.status >= 100 && head.status < 200 && head.status != 101);
    check(parser.head().headers.size() <= limits.maxFields);
    check(parser.trailers().size() <= limits.maxFields);
    check(parser.chunkExtensions().size() <= 16);

    const Run run { parser.state(), parser.head().status, parser.framing(), parser.bodyBytes(), parser.contentLength(),
        parser.errorOffset(), parser.bytesConsumed(), parser.extraBytes(), parser.errorMessage(), parser.warnings(),
        body, parser.chunkCount(), parser.trailers().size(), parser.interim().size() };

    // Nothing changes after the end but the count of extra bytes once done.
    parser.feed("HTTP/1.1 200 OK\r\n\r\n");
    parser.finish();
    check(parser.state() == run.state && parser.bytesConsumed() == run.consumed && parser.bodyBytes() == run.bodyBytes
        && parser.errorOffset() == run.errorOffset);
    check(parser.extraBytes() == run.extra + (parser.isDone() ? 19 : 0));
    return run;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // Options byte: bit 0 three pieces instead of two, bit 1 a HEAD request, bits 2-3 limits
    // (01 small, 10 tiny), the rest moves the cuts.
    const uint8_t options = data[0];
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype n = input.size();
    const bool headRequest = options & 2;

    swb::HttpResponseParser::Limits limits;
    switch ((options >> 2) & 3) {
    case 1:
        limits.maxHeadBytes = 256;
        limits.maxTrailerBytes = 128;
        limits.maxFields = 8;
        limits.maxChunkLineBytes = 32;
        limits.maxContentLength = 4096;
        limits.maxChunkSize = 1024;
        limits.maxInterim = 2;
        break;
    case 2:
        limits.maxHeadBytes = 24;
        limits.maxTrailerBytes = 8;
        limits.maxFields = 1;
        limits.maxChunkLineBytes = 4;
        limits.maxContentLength = 16;
        limits.maxChunkSize = 8;
        limits.maxInterim = 0;
        break;
    default:
        break;
    }

    QList<qsizetype> cuts;
    const auto spread = [n](uint64_t x) { return qsizetype(x % uint64_t(n + 1)); };
    cuts.append(spread(uint64_t(options) * 7919u + uint64_t(n) * 31u));
    if (options & 1)
        cuts.append(spread(uint64_t(options) * 104729u + uint64_t(n) * 17u + 3u));
    std::sort(cuts.begin(), cuts.end());

    const Run split = parse(input, cuts, headRequest, limits);
    const Run whole = parse(input, {}, headRequest, limits);
    check(split == whole);
    if (n <= 1024) {
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < n; ++i)
            everyByte.append(i);
        check(parse(input, everyByte, headRequest, limits) == whole);
    }
    return 0;
}
