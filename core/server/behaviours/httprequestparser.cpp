#include "server/behaviours/httprequestparser.h"

#include "http/httpsyntax.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace swb {

namespace {

bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), HttpSyntax::isTokenChar);
}

// Visible characters only: no spaces, no control characters.
bool isValidTarget(const QByteArray &target)
{
    return !target.isEmpty() && std::all_of(target.cbegin(), target.cend(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u != 0x7f;
    });
}

bool isValidFieldValue(const QByteArray &value)
{
    return std::all_of(value.cbegin(), value.cend(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u != 0x7f);
    });
}

QByteArray trimBlanks(const QByteArray &value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && (value.at(begin) == ' ' || value.at(begin) == '\t'))
        ++begin;
    while (end > begin && (value.at(end - 1) == ' ' || value.at(end - 1) == '\t'))
        --end;
    return value.mid(begin, end - begin);
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}

bool HttpRequest::headerHasToken(const QByteArray &name, const QByteArray &token) const
{
    for (const auto &field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        const QList<QByteArray> parts = field.second.split(',');
        for (const QByteArray &part : parts) {
            if (trimBlanks(part).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    if (headerHasToken("Connection", "close"))
        return false;
    return isHttp11() || headerHasToken("Connection", "keep-alive");
}

HttpRequestParser::HttpRequestParser(qsizetype headerCap)
    : m_headerCap(headerCap)
{
}

void HttpRequestParser::feed(const QByteArray &data)
{
    if (hasError())
        return;
    m_buffer.append(data);
    parse();
}

HttpRequest HttpRequestParser::takeRequest()
{
    Q_ASSERT(!m_requests.empty());
    HttpRequest request = std::move(m_requests.front());
    m_requests.pop_front();
    m_queuedBytes -= request.raw.size();
    return request;
}

void HttpRequestParser::fail(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    m_scanned = 0;
}

void HttpRequestParser::parse()
{
    while (!hasError()) {
        if (m_bodyRemaining > 0) {
            const auto skip = static_cast<qsizetype>(std::min<qint64>(m_bodyRemaining, m_buffer.size()));
            m_buffer.remove(0, skip);
            m_bodyRemaining -= skip;
            if (m_bodyRemaining > 0)
                return;
        }
        // RFC 9112 section 2.2: blank lines before a request line are ignored (some clients send a
        // CRLF after a request body).
        qsizetype lead = 0;
        while (lead < m_buffer.size()) {
            if (m_buffer.at(lead) == '\n')
                ++lead;
            else if (m_buffer.at(lead) == '\r' && lead + 1 < m_buffer.size() && m_buffer.at(lead + 1) == '\n')
                lead += 2;
            else
                break;
        }
        if (lead > 0) {
            m_buffer.remove(0, lead);
            m_scanned = 0;
        }
        if (m_buffer.isEmpty())
            return;

        // The block ends at the first empty line, CRLF or bare LF. Only the newly arrived bytes
        // (and the two before them, which may start the terminator) are searched again.
        const qsizetype from = std::max<qsizetype>(0, m_scanned - 2);
        qsizetype end = -1;
        for (qsizetype i = m_buffer.indexOf('\n', from); i >= 0; i = m_buffer.indexOf('\n', i + 1)) {
            if (i + 1 < m_buffer.size() && m_buffer.at(i + 1) == '\n') {
                end = i + 2;
                break;
            }
            if (i + 2 < m_buffer.size() && m_buffer.at(i + 1) == '\r' && m_buffer.at(i + 2) == '\n') {
                end = i + 3;
                break;
            }
        }
        if (end < 0) {
            if (m_buffer.size() > m_headerCap) {
                fail(431,
                    QCoreApplication::translate(
                        "HttpRequestParser", "The request line and header fields are longer than %1 bytes")
                        .arg(m_headerCap));
                return;
            }
            m_scanned = m_buffer.size();
            return;
        }
        if (end > m_headerCap) {
            fail(431,
                QCoreApplication::translate(
                    "HttpRequestParser", "The request line and header fields are longer than %1 bytes")
                    .arg(m_headerCap));
            return;
        }
        const QByteArray block = m_buffer.left(end);
        m_buffer.remove(0, end);
        m_scanned = 0;
        parseBlock(block);
    }
}

void HttpRequestParser::parseBlock(const QByteArray &block)
{
    QList<QByteArray> lines = block.split('\n');
    // The split leaves the empty line and the empty remainder after it.
    lines.removeLast();
    lines.removeLast();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    HttpRequest request;
    request.raw = block;

    const QList<QByteArray> parts = lines.first().split(' ');
    if (parts.size() != 3) {
        fail(400,
            QCoreApplication::translate("HttpRequestParser", "The request line is not \"METHOD target HTTP/x.y\""));
        return;
    }
    request.method = parts.at(0);
    request.target = parts.at(1);
    const QByteArray &version = parts.at(2);
    if (!isToken(request.method)) {
        fail(400, QCoreApplication::translate("HttpRequestParser", "The method is not a valid token"));
        return;
    }
    if (!isValidTarget(request.target)) {
        fail(400,
            QCoreApplication::translate(
                "HttpRequestParser", "The request target is empty or holds spaces or control characters"));
        return;
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || !HttpSyntax::isDigit(version.at(5))
        || version.at(6) != '.' || !HttpSyntax::isDigit(version.at(7))) {
        fail(400, QCoreApplication::translate("HttpRequestParser", "The protocol version is not \"HTTP/x.y\""));
        return;
    }
    request.versionMajor = version.at(5) - '0';
    request.versionMinor = version.at(7) - '0';
    if (request.versionMajor != 1) {
        fail(505, QCoreApplication::translate("HttpRequestParser", "Only HTTP/1.0 and HTTP/1.1 are spoken here"));
        return;
    }

    QByteArray path = request.target;
    if (path.startsWith('/')) {
        // origin-form, the usual case
    } else if (path.toLower().startsWith("http://") || path.toLower().startsWith("https://")) {
        // absolute-form (RFC 9112 section 3.2.2): servers must accept it, as proxies send it.
        const qsizetype authority = path.indexOf("//") + 2;
        const qsizetype slash = path.indexOf('/', authority);
        path = slash < 0 ? QByteArray("/") : path.mid(slash);
    } else if (path != "*") {
        fail(400, QCoreApplication::translate("HttpRequestParser", "The request target does not start with \"/\""));
        return;
    }
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);
    const qsizetype fragment = path.indexOf('#');
    if (fragment >= 0)
        path.truncate(fragment);
    request.path = path;

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fail(400,
                QCoreApplication::translate(
                    "HttpRequestParser", "A header field is continued on the next line (obsolete line folding)"));
            return;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
        if (!isToken(name)) {
            fail(
                400, QCoreApplication::translate("HttpRequestParser", "Header field %1 is not \"Name: value\"").arg(i));
            return;
        }
        const QByteArray value = trimBlanks(line.mid(colon + 1));
        if (!isValidFieldValue(value)) {
            fail(400,
                QCoreApplication::translate("HttpRequestParser", "Header field %1 holds control characters").arg(i));
            return;
        }
        request.headers.append({ name, value });
    }

    int hosts = 0;
    int transferEncodings = 0;
    QByteArray contentLength;
    for (const auto &field : std::as_const(request.headers)) {
        if (field.first.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (field.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            ++transferEncodings;
        } else if (field.first.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            // Repeated fields must agree, or the body's end is ambiguous (request smuggling).
            if (!contentLength.isNull() && contentLength != field.second) {
                fail(400,
                    QCoreApplication::translate(
                        "HttpRequestParser", "Content-Length is given twice with different values"));
                return;
            }
            contentLength = field.second;
        }
    }
    // RFC 9112 section 3.2: a server must answer 400 to an HTTP/1.1 request without exactly one
    // Host field, and to any request with more than one.
    if (hosts > 1 || (request.isHttp11() && hosts != 1)) {
        fail(400,
            hosts > 1
                ? QCoreApplication::translate("HttpRequestParser", "More than one Host header field")
                : QCoreApplication::translate("HttpRequestParser", "An HTTP/1.1 request needs a Host header field"));
        return;
    }
    if (transferEncodings > 0) {
        if (!contentLength.isNull())
            fail(400,
                QCoreApplication::translate(
                    "HttpRequestParser", "Both Transfer-Encoding and Content-Length are given"));
        else
            fail(501,
                QCoreApplication::translate(
                    "HttpRequestParser", "Request bodies with a Transfer-Encoding are not supported"));
        return;
    }
    if (!contentLength.isNull()) {
        if (contentLength.isEmpty() || contentLength.size() > 18
            || !std::all_of(contentLength.cbegin(), contentLength.cend(), HttpSyntax::isDigit)) {
            fail(400, QCoreApplication::translate("HttpRequestParser", "Content-Length is not a number"));
            return;
        }
        request.contentLength = contentLength.toLongLong();
        m_bodyRemaining = request.contentLength;
    }

    m_queuedBytes += request.raw.size();
    m_requests.push_back(std::move(request));
}

} // namespace swb
