#include "server/behaviours/httpbehaviour.h"

#include "server/behaviours/httprequestparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <algorithm>

namespace swb {

namespace {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

const QByteArray &patternBlock()
{
    // One shared 64 KiB block: every full piece of /bytes/N is a reference to it, not a copy.
    static const QByteArray block = [] {
        const QByteArray pattern = HttpBehaviour::bytesPattern();
        QByteArray bytes;
        bytes.reserve(HttpBehaviour::kPieceSize);
        while (bytes.size() < HttpBehaviour::kPieceSize)
            bytes += pattern;
        return bytes;
    }();
    return block;
}

// The number after a prefix such as "/bytes/": digits only, at most maxDigits of them.
std::optional<qint64> parseNumber(const QByteArray &text, int maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    if (!std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return text.toLongLong();
}

bool isBodyless(int status)
{
    return status == 204 || status == 304;
}

class HttpHandler : public StreamHandler {
public:
    HttpHandler(const BehaviourOptions &options, const QByteArray &indexPage)
        : m_parser(options.lineCap)
        , m_options(options)
        , m_indexPage(indexPage)
    {
    }

    void received(StreamPeer &peer, const QByteArray &data) override
    {
        if (m_closing)
            return;
        m_parser.feed(data);
        // Pipelined requests wait while a response is being sent; a client that keeps sending
        // them faster than it reads the answers is not allowed to fill the server's memory.
        if (m_parser.heldBytes() > 16 * m_options.lineCap) {
            m_closing = true;
            peer.closeWithError(QCoreApplication::translate(
                "Behaviour", "More than %1 bytes of pipelined requests waiting: closing this client")
                                    .arg(16 * m_options.lineCap));
            return;
        }
        pump(peer);
    }

    void peerClosed(StreamPeer &peer) override
    {
        // Not the default close: a client may send its requests and shut down its side at once,
        // and is still owed every answer.
        m_peerClosed = true;
        if (!m_closing)
            pump(peer);
    }

private:
    // Serves queued requests one at a time. A response that completes at once lets the loop go
    // on; one that completes later (a stream, /slow) calls finish(), which comes back here.
    void pump(StreamPeer &peer)
    {
        if (m_pumping)
            return;
        m_pumping = true;
        while (!m_busy && !m_closing) {
            if (m_parser.hasRequest()) {
                serve(peer, m_parser.takeRequest());
            } else if (m_parser.hasError()) {
                m_busy = true;
                m_keepAlive = false;
                m_headOnly = false;
                m_line = "(a request that could not be read)";
                const int status = m_parser.errorStatus();
                respond(peer, status, "text/plain; charset=utf-8",
                    QByteArray::number(status) + ' ' + HttpBehaviour::reasonPhrase(status) + '\n'
                        + m_parser.errorMessage().toUtf8() + '\n');
            } else {
                if (m_peerClosed) {
                    m_closing = true;
                    peer.closeAfterSending();
                }
                break;
            }
        }
        m_pumping = false;
    }

    void finish(StreamPeer &peer)
    {
        m_busy = false;
        if (!m_keepAlive) {
            m_closing = true;
            peer.closeAfterSending();
            return;
        }
        pump(peer);
    }

    void serve(StreamPeer &peer, const HttpRequest &request)
    {
        m_busy = true;
        m_keepAlive = request.keepAlive();
        m_headOnly = request.method == "HEAD";
        m_line = request.method + ' ' + request.target + " HTTP/" + QByteArray::number(request.versionMajor) + '.'
            + QByteArray::number(request.versionMinor);

        if (request.method != "GET" && request.method != "HEAD") {
            respond(peer, 501, "text/plain; charset=utf-8",
                "501 Not Implemented\nThis server knows the methods GET and HEAD only.\n",
                { { "Allow", "GET, HEAD" } });
            return;
        }
        const QByteArray &path = request.path;
        if (path == "/") {
            respond(peer, 200, "text/html; charset=utf-8", m_indexPage);
        } else if (path == "/headers") {
            respond(peer, 200, "text/plain; charset=utf-8", request.raw);
        } else if (path.startsWith("/bytes/")) {
            const auto count = parseNumber(path.mid(7), 10);
            if (!count || *count > HttpBehaviour::kMaxBytes) {
                respond(peer, 400, "text/plain; charset=utf-8",
                    "400 Bad Request\n/bytes/N takes N from 0 to " + QByteArray::number(HttpBehaviour::kMaxBytes)
                        + ".\n");
                return;
            }
            serveBytes(peer, *count);
        } else if (path == "/chunked") {
            serveChunked(peer, request.isHttp11());
        } else if (path.startsWith("/status/")) {
            const auto status = parseNumber(path.mid(8), 3);
            if (!status || *status < 200 || *status > 599) {
                respond(
                    peer, 400, "text/plain; charset=utf-8", "400 Bad Request\n/status/N takes N from 200 to 599.\n");
                return;
            }
            const int code = int(*status);
            respond(peer, code, "text/plain; charset=utf-8",
                QByteArray::number(code) + ' ' + HttpBehaviour::reasonPhrase(code) + '\n');
        } else if (path == "/slow") {
            serveSlow(peer);
        } else if (path == "/redirect") {
            respond(peer, 302, "text/html; charset=utf-8",
                "<!doctype html>\n<title>302 Found</title>\n<p>The lab page is at <a href=\"/\">/</a>.</p>\n",
                { { "Location", "/" } });
        } else {
            const QByteArray shown = QString::fromUtf8(path).toHtmlEscaped().toUtf8();
            respond(peer, 404, "text/html; charset=utf-8",
                "<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>Nothing is served at <code>"
                    + shown + "</code>. The test paths are listed on <a href=\"/\">the lab page</a>.</p>\n");
        }
    }

    // contentLength < 0: no Content-Length (chunked, or ended by closing the connection).
    QByteArray head(int status, const QByteArray &contentType, qint64 contentLength, bool chunked,
        const HeaderList &extra = {}) const
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpBehaviour::reasonPhrase(status)
            + "\r\nDate: " + HttpBehaviour::httpDate(QDateTime::currentDateTimeUtc())
            + "\r\nServer: socket-workbench-lab\r\n";
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        if (contentLength >= 0)
            out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        if (chunked)
            out += "Transfer-Encoding: chunked\r\n";
        for (const auto &field : extra)
            out += field.first + ": " + field.second + "\r\n";
        out += "Connection: " + QByteArray(m_keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        return out;
    }

    void note(StreamPeer &peer, int status)
    {
        peer.note(QString::fromLatin1(m_line) + QStringLiteral(" -> ") + QString::number(status) + QLatin1Char(' ')
            + QString::fromLatin1(HttpBehaviour::reasonPhrase(status)));
    }

    // A whole response at once. 204 and 304 never have a body (RFC 9110 sections 15.3.5 and
    // 15.4.5), so they go without Content-Type and Content-Length.
    void respond(StreamPeer &peer, int status, const QByteArray &contentType, const QByteArray &body,
        const HeaderList &extra = {})
    {
        note(peer, status);
        const bool bodyless = isBodyless(status);
        QByteArray out = head(status, bodyless ? QByteArray() : contentType, bodyless ? -1 : body.size(), false, extra);
        if (!m_headOnly && !bodyless)
            out += body;
        peer.send(out);
        finish(peer);
    }

    void serveBytes(StreamPeer &peer, qint64 count)
    {
        note(peer, 200);
        peer.send(head(200, "application/octet-stream", count, false));
        if (m_headOnly || count == 0) {
            finish(peer);
            return;
        }
        peer.sendStream(
            [remaining = count]() mutable -> QByteArray {
                if (remaining <= 0)
                    return {};
                const qint64 size = std::min<qint64>(remaining, HttpBehaviour::kPieceSize);
                remaining -= size;
                return size == HttpBehaviour::kPieceSize ? patternBlock() : patternBlock().left(size);
            },
            [this, &peer] { finish(peer); });
    }

    void serveChunked(StreamPeer &peer, bool http11)
    {
        note(peer, 200);
        const QList<QByteArray> pieces = HttpBehaviour::chunkedPieces();
        if (!http11) {
            // HTTP/1.0 has no chunked coding (RFC 9112 section 6.1): the same body, ended by closing.
            m_keepAlive = false;
            peer.send(head(200, "text/plain; charset=utf-8", -1, false));
            if (!m_headOnly) {
                for (const QByteArray &piece : pieces)
                    peer.send(piece);
            }
            finish(peer);
            return;
        }
        peer.send(head(200, "text/plain; charset=utf-8", -1, true));
        if (!m_headOnly) {
            for (const QByteArray &piece : pieces)
                peer.send(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            peer.send("0\r\n\r\n");
        }
        finish(peer);
    }

    void serveSlow(StreamPeer &peer)
    {
        note(peer, 200);
        const QList<QByteArray> pieces = HttpBehaviour::slowPieces();
        qint64 length = 0;
        for (const QByteArray &piece : pieces)
            length += piece.size();
        peer.send(head(200, "text/plain; charset=utf-8", length, false));
        if (m_headOnly) {
            finish(peer);
            return;
        }
        sendSlowPiece(peer, 0);
    }

    void sendSlowPiece(StreamPeer &peer, int index)
    {
        const QList<QByteArray> pieces = HttpBehaviour::slowPieces();
        peer.send(pieces.at(index));
        if (index + 1 == pieces.size()) {
            finish(peer);
            return;
        }
        peer.after(m_options.slowIntervalMs, [this, &peer, index] { sendSlowPiece(peer, index + 1); });
    }

    HttpRequestParser m_parser;
    BehaviourOptions m_options;
    QByteArray m_indexPage;
    QByteArray m_line; // the request line of the response being sent, for the trace note
    bool m_busy = false; // a response is being sent; the next request waits
    bool m_keepAlive = true;
    bool m_headOnly = false;
    bool m_closing = false;
    bool m_peerClosed = false;
    bool m_pumping = false;
};

} // namespace

HttpBehaviour::HttpBehaviour(const BehaviourOptions &options)
    : m_options(options)
{
    QFile page(QStringLiteral(":/lab/index.html"));
    if (page.open(QIODevice::ReadOnly))
        m_indexPage = page.readAll();
    if (m_indexPage.isEmpty())
        m_indexPage = "<!doctype html>\n<title>Socket Workbench lab</title>\n<h1>Socket Workbench lab</h1>\n";
}

std::unique_ptr<StreamHandler> HttpBehaviour::newStreamHandler()
{
    return std::make_unique<HttpHandler>(m_options, m_indexPage);
}

std::optional<QByteArray> HttpBehaviour::datagram(const QByteArray &data, const Endpoint &from)
{
    Q_UNUSED(data)
    Q_UNUSED(from)
    return std::nullopt;
}

QByteArray HttpBehaviour::reasonPhrase(int status)
{
    // RFC 9110 section 15, plus the few other registered codes a person is likely to try.
    struct Reason {
        int status;
        const char *phrase;
    };
    static constexpr Reason reasons[] = {
        { 100, "Continue" },
        { 101, "Switching Protocols" },
        { 200, "OK" },
        { 201, "Created" },
        { 202, "Accepted" },
        { 203, "Non-Authoritative Information" },
        { 204, "No Content" },
        { 205, "Reset Content" },
        { 206, "Partial Content" },
        { 207, "Multi-Status" },
        { 208, "Already Reported" },
        { 226, "IM Used" },
        { 300, "Multiple Choices" },
        { 301, "Moved Permanently" },
        { 302, "Found" },
        { 303, "See Other" },
        { 304, "Not Modified" },
        { 305, "Use Proxy" },
        { 307, "Temporary Redirect" },
        { 308, "Permanent Redirect" },
        { 400, "Bad Request" },
        { 401, "Unauthorized" },
        { 402, "Payment Required" },
        { 403, "Forbidden" },
        { 404, "Not Found" },
        { 405, "Method Not Allowed" },
        { 406, "Not Acceptable" },
        { 407, "Proxy Authentication Required" },
        { 408, "Request Timeout" },
        { 409, "Conflict" },
        { 410, "Gone" },
        { 411, "Length Required" },
        { 412, "Precondition Failed" },
        { 413, "Content Too Large" },
        { 414, "URI Too Long" },
        { 415, "Unsupported Media Type" },
        { 416, "Range Not Satisfiable" },
        { 417, "Expectation Failed" },
        { 418, "I'm a teapot" },
        { 421, "Misdirected Request" },
        { 422, "Unprocessable Content" },
        { 423, "Locked" },
        { 424, "Failed Dependency" },
        { 425, "Too Early" },
        { 426, "Upgrade Required" },
        { 428, "Precondition Required" },
        { 429, "Too Many Requests" },
        { 431, "Request Header Fields Too Large" },
        { 451, "Unavailable For Legal Reasons" },
        { 500, "Internal Server Error" },
        { 501, "Not Implemented" },
        { 502, "Bad Gateway" },
        { 503, "Service Unavailable" },
        { 504, "Gateway Timeout" },
        { 505, "HTTP Version Not Supported" },
        { 506, "Variant Also Negotiates" },
        { 507, "Insufficient Storage" },
        { 508, "Loop Detected" },
        { 510, "Not Extended" },
        { 511, "Network Authentication Required" },
    };
    for (const Reason &reason : reasons) {
        if (reason.status == status)
            return reason.phrase;
    }
    // A reason phrase is only a hint (RFC 9112 section 4): the class is the honest one.
    if (status >= 200 && status < 300)
        return "Success";
    if (status >= 300 && status < 400)
        return "Redirection";
    if (status >= 400 && status < 500)
        return "Client Error";
    if (status >= 500 && status < 600)
        return "Server Error";
    return "Unknown";
}

QByteArray HttpBehaviour::httpDate(const QDateTime &when)
{
    static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char *const months[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDateTime utc = when.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    return QByteArray(days[date.dayOfWeek() - 1]) + ", " + QByteArray::number(date.day()).rightJustified(2, '0') + ' '
        + months[date.month() - 1] + ' ' + QByteArray::number(date.year()).rightJustified(4, '0') + ' '
        + QByteArray::number(time.hour()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.minute()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.second()).rightJustified(2, '0') + " GMT";
}

QByteArray HttpBehaviour::bytesPattern()
{
    return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/";
}

QList<QByteArray> HttpBehaviour::chunkedPieces()
{
    return { "This body was sent in five chunks.\n", "Each chunk starts with its size in hexadecimal.\n",
        "The server did not have to know the whole length up front.\n",
        "A chunk of size zero marks the end of the body.\n", "That is all.\n" };
}

QList<QByteArray> HttpBehaviour::slowPieces()
{
    return { "This body comes slowly, ", "in five pieces, ", "with a pause ", "between each ", "piece.\n" };
}

} // namespace swb
