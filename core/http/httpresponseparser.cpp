#include "http/httpresponseparser.h"

#include "http/httpsyntax.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <utility>

namespace swb {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(HttpResponseParser)
};

// Neither a reason phrase nor a field value may hold control characters; HTAB is the exception.
bool isControl(char c)
{
    const auto u = uchar(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
}

int hexValue(char c)
{
    if (HttpSyntax::isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArrayView trimBlanks(QByteArrayView v)
{
    qsizetype begin = 0;
    qsizetype end = v.size();
    while (begin < end && HttpSyntax::isBlank(v[begin]))
        ++begin;
    while (end > begin && HttpSyntax::isBlank(v[end - 1]))
        --end;
    return v.sliced(begin, end - begin);
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// How a message shows one byte: 'x' when printable, 0x0b otherwise.
QString describeByte(char c)
{
    const auto u = uchar(c);
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    if (c == ' ')
        return Tr::tr("a space");
    return QStringLiteral("0x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
}

// The byte at index i of a line, or its end when i is past the last byte.
QString describeAt(QByteArrayView line, qsizetype i)
{
    return i < line.size() ? describeByte(line[i]) : Tr::tr("the line end");
}

// Protocol text quoted in a message: printable ASCII as is, the rest escaped, long text cut.
QString printable(QByteArrayView bytes)
{
    constexpr qsizetype kMax = 40;
    QString text;
    for (qsizetype i = 0; i < bytes.size() && i < kMax; ++i) {
        const auto u = uchar(bytes[i]);
        if (u >= 0x20 && u < 0x7f)
            text += QLatin1Char(char(u));
        else
            text += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > kMax)
        text += QStringLiteral("\u2026");
    return text;
}

const char kHttpPrefix[] = "HTTP/";
constexpr qint64 kHttpPrefixSize = 5;

} // namespace

QByteArray HttpResponseHead::value(QByteArrayView name) const
{
    for (const HttpHeaderField &field : headers) {
        if (sameName(field.name, name))
            return field.value;
    }
    return {};
}

QList<QByteArray> HttpResponseHead::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const HttpHeaderField &field : headers) {
        if (sameName(field.name, name))
            result.append(field.value);
    }
    return result;
}

bool HttpResponseHead::has(QByteArrayView name) const
{
    return std::any_of(
        headers.cbegin(), headers.cend(), [name](const HttpHeaderField &field) { return sameName(field.name, name); });
}

QString httpFramingName(HttpFraming framing)
{
    switch (framing) {
    case HttpFraming::Unknown:
        return Tr::tr("unknown");
    case HttpFraming::None:
        return Tr::tr("none");
    case HttpFraming::ContentLength:
        return QStringLiteral("Content-Length");
    case HttpFraming::Chunked:
        return QStringLiteral("chunked");
    case HttpFraming::CloseDelimited:
        return Tr::tr("until close");
    case HttpFraming::Http09:
        return Tr::tr("HTTP/0.9 (until close)");
    }
    return Tr::tr("unknown");
}

HttpResponseParser::HttpResponseParser() = default;

HttpResponseParser::HttpResponseParser(const Limits &limits)
    : m_limits(limits)
{
}

void HttpResponseParser::setHeadRequest(bool head)
{
    m_headRequest = head;
}

void HttpResponseParser::setBodySink(std::function<void(QByteArrayView)> sink)
{
    m_sink = std::move(sink);
}

bool HttpResponseParser::headComplete() const
{
    return m_framing != HttpFraming::Unknown;
}

void HttpResponseParser::fail(qint64 offset, const QString &message)
{
    m_state = State::Error;
    m_errorOffset = offset;
    m_errorMessage = message;
    m_line.clear();
    m_line.squeeze();
}

void HttpResponseParser::warnOnce(const QString &warning)
{
    if (!m_warnings.contains(warning))
        m_warnings.append(warning);
}

void HttpResponseParser::warnBareLf()
{
    if (m_warnedBareLf)
        return;
    m_warnedBareLf = true;
    m_warnings.append(
        Tr::tr("Lines end with a bare LF (first at byte %1); HTTP wants CRLF, but they are accepted.").arg(m_consumed));
}

void HttpResponseParser::deliver(QByteArrayView body)
{
    if (body.isEmpty())
        return;
    m_bodyBytes += body.size();
    if (m_sink)
        m_sink(body);
}

void HttpResponseParser::startSection(State state)
{
    m_state = state;
    m_sectionStart = m_consumed;
    m_sectionBytes = 0;
    m_line.clear();
    m_lineStart = m_consumed;
    m_pendingCR = false;
}

void HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Error)
        return;
    qsizetype pos = 0;
    const qsizetype size = data.size();
    while (pos < size) {
        switch (m_state) {
        case State::Head:
            // Until five bytes have come it is open whether this is a status line or HTTP/0.9.
            if (m_interim.isEmpty() && m_consumed < kHttpPrefixSize && !checkHttpPrefix(data, pos))
                break;
            if (readLine(data, pos, m_limits.maxHeadBytes))
                onHeadLine();
            break;
        case State::Body: {
            // The body goes to the sink as a view of the caller's bytes: never copied here.
            qint64 take = size - pos;
            if (m_framing == HttpFraming::ContentLength)
                take = std::min(take, m_remaining);
            deliver(data.sliced(pos, qsizetype(take)));
            pos += qsizetype(take);
            m_consumed += take;
            if (m_framing == HttpFraming::ContentLength) {
                m_remaining -= take;
                if (m_remaining == 0)
                    m_state = State::Done;
            }
            break;
        }
        case State::ChunkSize:
            if (readLine(data, pos, m_limits.maxChunkLineBytes))
                onChunkSizeLine();
            break;
        case State::ChunkData: {
            const qint64 take = std::min(qint64(size - pos), m_remaining);
            deliver(data.sliced(pos, qsizetype(take)));
            pos += qsizetype(take);
            m_consumed += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
                m_pendingCR = false;
            }
            break;
        }
        case State::ChunkDataEnd: {
            const char c = data[pos];
            if (c == '\r' && !m_pendingCR) {
                m_pendingCR = true;
                ++pos;
                ++m_consumed;
                break;
            }
            if (c != '\n') {
                fail(m_consumed,
                    Tr::tr("The chunk data must be followed by CRLF but %1 came at byte %2.")
                        .arg(describeByte(c))
                        .arg(m_consumed));
                return;
            }
            if (!m_pendingCR)
                warnBareLf();
            ++pos;
            ++m_consumed;
            startSection(State::ChunkSize);
            break;
        }
        case State::Trailers:
            if (readLine(data, pos, m_limits.maxTrailerBytes))
                onTrailerLine();
            break;
        case State::Done:
            m_extra += size - pos;
            return;
        case State::Error:
            return;
        }
    }
}

void HttpResponseParser::finish()
{
    switch (m_state) {
    case State::Done:
    case State::Error:
        return;
    case State::Head:
        if (m_interim.isEmpty() && m_consumed == 0) {
            fail(0, Tr::tr("The server closed the connection at byte 0 without sending a response."));
        } else if (m_interim.isEmpty() && m_consumed < kHttpPrefixSize) {
            // Too short to be a status line: a few bytes of HTTP/0.9 body.
            startHttp09();
            m_state = State::Done;
        } else if (m_consumed == m_sectionStart) {
            fail(m_consumed,
                Tr::tr("The server closed the connection at byte %1 after %2 interim (1xx) responses without sending "
                       "the final one.")
                    .arg(m_consumed)
                    .arg(m_interim.size()));
        } else {
            fail(m_consumed,
                Tr::tr("The connection closed in the middle of the response head at byte %1.").arg(m_consumed));
        }
        return;
    case State::Body:
        if (m_framing == HttpFraming::ContentLength) {
            fail(m_consumed,
                Tr::tr("The body ended after %1 of the %2 bytes Content-Length announced (the connection closed at "
                       "byte %3).")
                    .arg(m_bodyBytes)
                    .arg(m_contentLength)
                    .arg(m_consumed));
        } else {
            m_state = State::Done;
        }
        return;
    case State::ChunkSize:
        fail(m_consumed,
            Tr::tr("The chunked body was cut short at byte %1: the connection closed in a chunk-size line.")
                .arg(m_consumed));
        return;
    case State::ChunkData:
        fail(m_consumed,
            Tr::tr(
                "The chunked body was cut short at byte %1: the connection closed %2 bytes before the end of a chunk.")
                .arg(m_consumed)
                .arg(m_remaining));
        return;
    case State::ChunkDataEnd:
        fail(m_consumed,
            Tr::tr("The chunked body was cut short at byte %1: the connection closed before the CRLF after a chunk.")
                .arg(m_consumed));
        return;
    case State::Trailers:
        fail(m_consumed,
            Tr::tr("The chunked body was cut short at byte %1: the connection closed in the trailer section.")
                .arg(m_consumed));
        return;
    }
}

// The first bytes of the stream: as long as they match "HTTP/" a status line may follow; the first
// byte that does not turns the whole stream into an HTTP/0.9 body. Returns false when that
// happened (the state is then Body) or when the data ran out.
bool HttpResponseParser::checkHttpPrefix(QByteArrayView data, qsizetype &pos)
{
    while (pos < data.size() && m_consumed < kHttpPrefixSize) {
        if (data[pos] != kHttpPrefix[m_consumed]) {
            startHttp09();
            return false;
        }
        if (m_sectionBytes >= m_limits.maxHeadBytes) {
            failLimit(m_limits.maxHeadBytes);
            return false;
        }
        m_line.append(data[pos]);
        ++pos;
        ++m_consumed;
        ++m_sectionBytes;
    }
    return pos < data.size();
}

void HttpResponseParser::startHttp09()
{
    m_head = HttpResponseHead();
    m_head.http09 = true;
    m_framing = HttpFraming::Http09;
    m_state = State::Body;
    const QByteArray start = m_line; // the few bytes that looked like "HTTP/" so far
    m_line.clear();
    deliver(start);
}

void HttpResponseParser::failLimit(qsizetype limit)
{
    QString message;
    switch (m_state) {
    case State::Trailers:
        message = Tr::tr("The trailer section is longer than the limit of %1 bytes at byte %2.");
        break;
    case State::ChunkSize:
        message = Tr::tr("The chunk-size line is longer than the limit of %1 bytes at byte %2.");
        break;
    default:
        message = Tr::tr("The response head is longer than the limit of %1 bytes at byte %2.");
        break;
    }
    fail(m_consumed, message.arg(limit).arg(m_consumed));
}

// Collects one line into m_line (without its line ending), counting every byte against the
// section's limit. Returns true when the line is complete; false when the data ran out or the
// parser failed. Bytes go through as runs, but the outcome is the same as one byte at a time,
// so where the input was split never matters.
bool HttpResponseParser::readLine(QByteArrayView data, qsizetype &pos, qsizetype limit)
{
    if (m_line.isEmpty() && !m_pendingCR)
        m_lineStart = m_consumed;
    while (pos < data.size()) {
        const char c = data[pos];
        if (m_pendingCR && c != '\n') {
            fail(m_consumed - 1, Tr::tr("The CR at byte %1 is not followed by LF.").arg(m_consumed - 1));
            return false;
        }
        if (m_sectionBytes >= limit) {
            failLimit(limit);
            return false;
        }
        if (c == '\n') {
            if (!m_pendingCR)
                warnBareLf();
            m_pendingCR = false;
            ++pos;
            ++m_consumed;
            ++m_sectionBytes;
            return true;
        }
        if (c == '\r') {
            m_pendingCR = true;
            ++pos;
            ++m_consumed;
            ++m_sectionBytes;
            continue;
        }
        const qsizetype stop = pos + std::min(data.size() - pos, limit - m_sectionBytes);
        qsizetype end = pos + 1;
        while (end < stop && data[end] != '\r' && data[end] != '\n')
            ++end;
        m_line.append(data.data() + pos, end - pos);
        m_consumed += end - pos;
        m_sectionBytes += end - pos;
        pos = end;
    }
    return false;
}

void HttpResponseParser::onHeadLine()
{
    if (m_head.status == 0) {
        if (parseStatusLine()) {
            m_line.clear();
        }
        return;
    }
    if (m_line.isEmpty()) {
        onHeadComplete();
        return;
    }
    if (parseField(m_head.headers, &m_fieldPositions))
        m_line.clear();
}

bool HttpResponseParser::parseStatusLine()
{
    const QByteArrayView line = m_line;
    const auto failAt = [this, line](qsizetype i, const QString &message) {
        const qint64 offset = m_lineStart + i;
        fail(offset, message.arg(describeAt(line, i)).arg(offset));
        return false;
    };
    for (qsizetype i = 0; i < kHttpPrefixSize; ++i) {
        if (i >= line.size() || line[i] != kHttpPrefix[i])
            return failAt(i, Tr::tr("The status line must start with \"HTTP/\" but has %1 at byte %2."));
    }
    const QString versionMessage
        = Tr::tr("The HTTP version must be a digit, a dot and a digit, but %1 came at byte %2.");
    if (line.size() <= 5 || !HttpSyntax::isDigit(line[5]))
        return failAt(5, versionMessage);
    if (line.size() <= 6 || line[6] != '.')
        return failAt(6, versionMessage);
    if (line.size() <= 7 || !HttpSyntax::isDigit(line[7]))
        return failAt(7, versionMessage);
    if (line.size() <= 8 || line[8] != ' ')
        return failAt(8, Tr::tr("Expected a space after the HTTP version but found %1 at byte %2."));
    for (qsizetype i = 9; i < 12; ++i) {
        if (i >= line.size() || !HttpSyntax::isDigit(line[i]))
            return failAt(i, Tr::tr("The status code must be three digits but %1 came at byte %2."));
    }
    const int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    if (status < 100) {
        fail(m_lineStart + 9,
            Tr::tr("The status code %1 at byte %2 is outside 100 to 999.")
                .arg(printable(line.sliced(9, 3)))
                .arg(m_lineStart + 9));
        return false;
    }
    if (line.size() > 12 && line[12] != ' ')
        return failAt(12, Tr::tr("Expected a space or the line end after the status code but found %1 at byte %2."));
    for (qsizetype i = 13; i < line.size(); ++i) {
        if (isControl(line[i]))
            return failAt(i, Tr::tr("The reason phrase has the control character %1 at byte %2."));
    }
    m_head.versionMajor = line[5] - '0';
    m_head.versionMinor = line[7] - '0';
    m_head.status = status;
    m_head.reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    m_head.statusLine = m_line;
    return true;
}

// One "name: value" line, or a folded continuation of the field before it. Headers and trailers
// follow the same rules; trailers pass a null positions list.
bool HttpResponseParser::parseField(QList<HttpHeaderField> &fields, QList<FieldPosition> *positions)
{
    const bool trailer = positions == nullptr;
    const QByteArrayView line = m_line;
    if (HttpSyntax::isBlank(line[0])) {
        if (fields.isEmpty()) {
            fail(m_lineStart,
                (trailer
                        ? Tr::tr("The trailer line at byte %1 starts with whitespace but there is no field before it "
                                 "to continue.")
                        : Tr::tr("The header line at byte %1 starts with whitespace but there is no field before it to "
                                 "continue."))
                    .arg(m_lineStart));
            return false;
        }
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (isControl(line[i])) {
                fail(m_lineStart + i,
                    Tr::tr("The field value has the control character %1 at byte %2.")
                        .arg(describeByte(line[i]))
                        .arg(m_lineStart + i));
                return false;
            }
        }
        if (!m_warnedFolding) {
            m_warnedFolding = true;
            m_warnings.append(Tr::tr("A field value is folded onto the next line (obsolete line folding, first at byte "
                                     "%1); the lines are joined with one space.")
                                  .arg(m_lineStart));
        }
        const QByteArrayView more = trimBlanks(line);
        HttpHeaderField &last = fields.last();
        if (!more.isEmpty()) {
            if (!last.value.isEmpty())
                last.value += ' ';
            last.value += more;
        }
        if (positions)
            positions->last().folded = true;
        return true;
    }

    if (fields.size() >= m_limits.maxFields) {
        fail(m_lineStart,
            (trailer ? Tr::tr("The response has more than %1 trailer fields at byte %2.")
                     : Tr::tr("The response has more than %1 header fields at byte %2."))
                .arg(m_limits.maxFields)
                .arg(m_lineStart));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        fail(m_lineStart,
            (trailer ? Tr::tr("The trailer line at byte %1 has no colon.")
                     : Tr::tr("The header line at byte %1 has no colon."))
                .arg(m_lineStart));
        return false;
    }
    if (colon == 0) {
        fail(m_lineStart, Tr::tr("The field at byte %1 has an empty name.").arg(m_lineStart));
        return false;
    }
    for (qsizetype i = 0; i < colon; ++i) {
        if (HttpSyntax::isTokenChar(line[i]))
            continue;
        const qint64 offset = m_lineStart + i;
        if (HttpSyntax::isBlank(line[i])) {
            qsizetype j = i;
            while (j < colon && HttpSyntax::isBlank(line[j]))
                ++j;
            if (j == colon) {
                fail(offset,
                    Tr::tr("Whitespace between the field name and the colon at byte %1 is not allowed.").arg(offset));
                return false;
            }
        }
        fail(offset,
            Tr::tr("The field name has %1, which a name may not hold, at byte %2.")
                .arg(describeByte(line[i]))
                .arg(offset));
        return false;
    }
    qsizetype valueStart = colon + 1;
    while (valueStart < line.size() && HttpSyntax::isBlank(line[valueStart]))
        ++valueStart;
    for (qsizetype i = valueStart; i < line.size(); ++i) {
        if (isControl(line[i])) {
            fail(m_lineStart + i,
                Tr::tr("The field value has the control character %1 at byte %2.")
                    .arg(describeByte(line[i]))
                    .arg(m_lineStart + i));
            return false;
        }
    }
    fields.append({ line.first(colon).toByteArray(), trimBlanks(line.sliced(valueStart)).toByteArray() });
    if (positions)
        positions->append({ m_lineStart + valueStart, false });
    return true;
}

void HttpResponseParser::onHeadComplete()
{
    m_head.headBytes = m_consumed - m_sectionStart;
    if (m_head.status >= 100 && m_head.status < 200 && m_head.status != 101) {
        if (m_interim.size() >= m_limits.maxInterim) {
            fail(m_sectionStart,
                Tr::tr("More than %1 interim (1xx) responses came; the one at byte %2 is one too many.")
                    .arg(m_limits.maxInterim)
                    .arg(m_sectionStart));
            return;
        }
        m_interim.append(m_head);
        m_head = HttpResponseHead();
        m_fieldPositions.clear();
        startSection(State::Head);
        return;
    }

    // Several fields of one name are usually a mistake; Set-Cookie is the one meant to repeat.
    QHash<QByteArray, QByteArray> firstSpelling; // lowercase name -> the name as first sent
    QStringList repeated;
    for (const HttpHeaderField &field : std::as_const(m_head.headers)) {
        const QByteArray lower = field.name.toLower();
        if (lower == "set-cookie")
            continue;
        const auto it = firstSpelling.constFind(lower);
        if (it == firstSpelling.cend()) {
            firstSpelling.insert(lower, field.name);
        } else if (!repeated.contains(QString::fromLatin1(it.value()))) {
            repeated.append(QString::fromLatin1(it.value()));
        }
    }
    if (!repeated.isEmpty())
        warnOnce(Tr::tr("Fields sent more than once: %1.").arg(repeated.join(QStringLiteral(", "))));

    m_line.clear();
    chooseFraming();
}

void HttpResponseParser::chooseFraming()
{
    const int status = m_head.status;
    if (m_headRequest || status < 200 || status == 204 || status == 304) {
        m_framing = HttpFraming::None;
        m_state = State::Done;
        return;
    }

    const bool hasContentLength = m_head.has("content-length");
    const QList<QByteArray> transferEncodings = m_head.values("transfer-encoding");
    if (!transferEncodings.isEmpty()) {
        QList<QByteArray> codings;
        for (const QByteArray &value : transferEncodings) {
            for (const QByteArray &part : value.split(',')) {
                QByteArrayView coding = part;
                const qsizetype semicolon = coding.indexOf(';');
                if (semicolon >= 0)
                    coding = coding.first(semicolon);
                coding = trimBlanks(coding);
                if (!coding.isEmpty())
                    codings.append(coding.toByteArray().toLower());
            }
        }
        if (codings.isEmpty()) {
            warnOnce(Tr::tr("An empty Transfer-Encoding field is ignored."));
        } else {
            const bool chunked = codings.last() == "chunked";
            if (chunked)
                codings.removeLast();
            QStringList others;
            for (const QByteArray &coding : std::as_const(codings)) {
                if (coding != "identity" && !others.contains(QString::fromLatin1(coding)))
                    others.append(QString::fromLatin1(coding));
            }
            if (!others.isEmpty()) {
                warnOnce(
                    Tr::tr("The body is encoded with %1, which is not decoded here: the body bytes are shown as sent.")
                        .arg(others.join(QStringLiteral(", "))));
            }
            if (chunked) {
                if (hasContentLength)
                    warnOnce(
                        Tr::tr("The response has both Transfer-Encoding: chunked and Content-Length; chunked framing "
                               "wins and Content-Length is ignored."));
                m_framing = HttpFraming::Chunked;
                startSection(State::ChunkSize);
            } else {
                warnOnce(Tr::tr("Transfer-Encoding does not end with chunked, so the body is read until the server "
                                "closes the connection."));
                if (hasContentLength)
                    warnOnce(Tr::tr("Content-Length is ignored because Transfer-Encoding is present."));
                m_framing = HttpFraming::CloseDelimited;
                m_state = State::Body;
            }
            return;
        }
    }

    if (hasContentLength) {
        if (!readContentLength())
            return;
        m_framing = HttpFraming::ContentLength;
        m_remaining = m_contentLength;
        m_state = m_contentLength == 0 ? State::Done : State::Body;
        return;
    }
    m_framing = HttpFraming::CloseDelimited;
    m_state = State::Body;
}

// Every Content-Length field, each possibly a comma list: all must be digits and all the same.
bool HttpResponseParser::readContentLength()
{
    qint64 length = -1;
    QByteArray first;
    int count = 0;
    for (qsizetype f = 0; f < m_head.headers.size(); ++f) {
        const HttpHeaderField &field = m_head.headers.at(f);
        if (!sameName(field.name, "content-length"))
            continue;
        const FieldPosition position = m_fieldPositions.value(f);
        // Offsets inside a folded value are not known exactly; its start is.
        const auto offsetOf
            = [&position](qsizetype i) { return position.folded ? position.valueOffset : position.valueOffset + i; };
        const QByteArray &value = field.value;
        if (value.isEmpty()) {
            fail(position.valueOffset,
                Tr::tr("The Content-Length value is empty at byte %1.").arg(position.valueOffset));
            return false;
        }
        qsizetype begin = 0;
        while (begin <= value.size()) {
            qsizetype end = value.indexOf(',', begin);
            if (end < 0)
                end = value.size();
            qsizetype a = begin;
            qsizetype b = end;
            while (a < b && HttpSyntax::isBlank(value[a]))
                ++a;
            while (b > a && HttpSyntax::isBlank(value[b - 1]))
                --b;
            if (a == b) {
                fail(offsetOf(a),
                    Tr::tr("Content-Length may only hold digits but has %1 at byte %2.")
                        .arg(describeAt(value, end))
                        .arg(offsetOf(a)));
                return false;
            }
            qint64 n = 0;
            bool tooLarge = false;
            for (qsizetype i = a; i < b; ++i) {
                if (!HttpSyntax::isDigit(value[i])) {
                    fail(offsetOf(i),
                        Tr::tr("Content-Length may only hold digits but has %1 at byte %2.")
                            .arg(describeByte(value[i]))
                            .arg(offsetOf(i)));
                    return false;
                }
                const int digit = value[i] - '0';
                if (!tooLarge && n > (m_limits.maxContentLength - digit) / 10)
                    tooLarge = true;
                if (!tooLarge)
                    n = n * 10 + digit;
            }
            const QByteArrayView text = QByteArrayView(value).sliced(a, b - a);
            if (tooLarge) {
                fail(offsetOf(a),
                    Tr::tr("Content-Length %1 at byte %2 is larger than the limit of %3 bytes.")
                        .arg(printable(text))
                        .arg(offsetOf(a))
                        .arg(m_limits.maxContentLength));
                return false;
            }
            if (length >= 0 && n != length) {
                fail(offsetOf(a),
                    Tr::tr("Content-Length values disagree (%1 and %2) at byte %3.")
                        .arg(printable(first))
                        .arg(printable(text))
                        .arg(offsetOf(a)));
                return false;
            }
            if (length < 0) {
                length = n;
                first = text.toByteArray();
            }
            ++count;
            begin = end + 1;
        }
    }
    if (count > 1)
        warnOnce(Tr::tr("Content-Length is sent %1 times with the same value.").arg(count));
    m_contentLength = length;
    return true;
}

void HttpResponseParser::onChunkSizeLine()
{
    const QByteArrayView line = m_line;
    const auto failAt = [this, line](qsizetype i, const QString &message) {
        const qint64 offset = m_lineStart + i;
        fail(offset, message.arg(describeAt(line, i)).arg(offset));
    };
    qsizetype i = 0;
    while (i < line.size() && line[i] == '0')
        ++i;
    if (line.isEmpty() || (i == 0 && hexValue(line[0]) < 0)) {
        failAt(0, Tr::tr("Expected a hexadecimal chunk size but found %1 at byte %2."));
        return;
    }
    qint64 size = 0;
    int digits = 0;
    for (; i < line.size() && hexValue(line[i]) >= 0; ++i) {
        if (++digits > 15) {
            fail(m_lineStart + i,
                Tr::tr("The chunk size has more than 15 hexadecimal digits at byte %1.").arg(m_lineStart + i));
            return;
        }
        size = size * 16 + hexValue(line[i]);
    }
    if (size > m_limits.maxChunkSize) {
        fail(m_lineStart,
            Tr::tr("The chunk size %1 at byte %2 is larger than the limit of %3 bytes.")
                .arg(size)
                .arg(m_lineStart)
                .arg(m_limits.maxChunkSize));
        return;
    }
    while (i < line.size() && HttpSyntax::isBlank(line[i]))
        ++i;
    if (i < line.size()) {
        if (line[i] != ';') {
            failAt(i, Tr::tr("Expected ';', whitespace or the line end after the chunk size but found %1 at byte %2."));
            return;
        }
        for (qsizetype j = i; j < line.size(); ++j) {
            if (isControl(line[j])) {
                failAt(j, Tr::tr("The chunk extension has the control character %1 at byte %2."));
                return;
            }
        }
        if (m_chunkExtensions.size() < 16)
            m_chunkExtensions.append(trimBlanks(line.sliced(i)).toByteArray());
    }
    if (size == 0) {
        startSection(State::Trailers);
        return;
    }
    ++m_chunkCount;
    m_remaining = size;
    m_line.clear();
    m_state = State::ChunkData;
}

void HttpResponseParser::onTrailerLine()
{
    if (m_line.isEmpty()) {
        m_state = State::Done;
        return;
    }
    if (parseField(m_trailers, nullptr))
        m_line.clear();
}

} // namespace swb
