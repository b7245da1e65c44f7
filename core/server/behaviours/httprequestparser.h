#pragma once
// Reads HTTP/1.x requests from a byte stream as they arrive: request line and header fields up to
// the blank line, bodies framed by Content-Length skipped without being kept. Pipelined requests
// queue up in order; the first malformed one stops the parser with the status to answer it with.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <deque>

namespace swb {

struct HttpRequest {
    QByteArray method; // "GET", case as sent
    QByteArray target; // "/bytes/10?x=1", as sent
    QByteArray path; // "/bytes/10": no query, and an absolute-form target reduced to its path
    int versionMajor = 1;
    int versionMinor = 1;
    QList<QPair<QByteArray, QByteArray>> headers; // names as sent, values without surrounding blanks
    QByteArray raw; // the request line and header fields exactly as received, blank line included
    qint64 contentLength = 0; // a body the parser skipped

    bool isHttp11() const { return versionMajor == 1 && versionMinor >= 1; }
    // The first field of that name (case-insensitive), empty when absent.
    QByteArray header(const QByteArray &name) const;
    // Whether a comma-separated field ("Connection: keep-alive, Upgrade") lists the token.
    bool headerHasToken(const QByteArray &name, const QByteArray &token) const;
    // HTTP/1.1 keeps the connection unless "Connection: close"; 1.0 closes unless "keep-alive".
    bool keepAlive() const;
};

class HttpRequestParser {
public:
    static constexpr qsizetype kDefaultHeaderCap = 64 * 1024;

    explicit HttpRequestParser(qsizetype headerCap = kDefaultHeaderCap);

    void feed(const QByteArray &data);

    bool hasRequest() const { return !m_requests.empty(); }
    HttpRequest takeRequest();

    // Set once a request could not be read; requests before it are still queued. Nothing more is
    // read after it: the connection has lost its framing and has to be closed.
    bool hasError() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; } // 400, 431, 501 or 505
    QString errorMessage() const { return m_errorMessage; }

    // Bytes held: queued requests plus an unfinished header block.
    qsizetype heldBytes() const { return m_queuedBytes + m_buffer.size(); }

private:
    void parse();
    void parseBlock(const QByteArray &block);
    void fail(int status, const QString &message);

    qsizetype m_headerCap;
    QByteArray m_buffer;
    qsizetype m_scanned = 0; // how much of m_buffer is known to hold no blank line
    qint64 m_bodyRemaining = 0;
    std::deque<HttpRequest> m_requests;
    qsizetype m_queuedBytes = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace swb
