#pragma once
// Reads one HTTP/1.x response from a byte stream as it arrives, in pieces of any size: the status
// line, the header fields, then the body framed by Content-Length, by chunked transfer coding
// (extensions and trailers included) or by the server closing the connection. A response with no
// status line at all is read as HTTP/0.9: everything is body. Body bytes are handed to a sink as
// they are decoded and are never kept, so a body of any size costs no memory here.
//
// Malformed input stops the parser with a Protocol error naming the byte offset (from the first
// byte of the response) where it went wrong. Every length is bounded: the header section, the
// trailer section, a chunk-size line, Content-Length and each chunk size.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace swb {

struct HttpHeaderField {
    QByteArray name; // as sent
    QByteArray value; // surrounding blanks removed; obsolete folded lines joined with one space
};

struct HttpResponseHead {
    bool http09 = false; // no status line came: HTTP/0.9 style, the whole stream is the body
    int versionMajor = 0;
    int versionMinor = 9;
    int status = 0; // 0 for HTTP/0.9
    QByteArray reason; // "Not Found"
    QByteArray statusLine; // "HTTP/1.1 404 Not Found", without the line ending
    QList<HttpHeaderField> headers; // in order, duplicates kept
    qint64 headBytes = 0; // status line + fields + the blank line, as they came on the wire

    // The value of the first field of that name (case-insensitive); empty when absent.
    QByteArray value(QByteArrayView name) const;
    // Every value of that name, in order.
    QList<QByteArray> values(QByteArrayView name) const;
    bool has(QByteArrayView name) const;
};

enum class HttpFraming {
    Unknown, // the head is not complete yet
    None, // no body: HEAD, 1xx, 204, 304
    ContentLength,
    Chunked,
    CloseDelimited, // the body ends when the server closes the connection
    Http09, // no head at all; the body ends at the close
};
QString httpFramingName(HttpFraming framing); // "Content-Length", "chunked", ...

class HttpResponseParser {
public:
    struct Limits {
        qsizetype maxHeadBytes = 64 * 1024; // status line and header fields with their line endings
        qsizetype maxTrailerBytes = 64 * 1024;
        int maxFields = 1000; // header fields (and trailer fields)
        qsizetype maxChunkLineBytes = 4096; // "1a2b;ext=value\r\n"
        qint64 maxContentLength = qint64(1) << 50; // 1 PiB; larger is a Protocol error
        qint64 maxChunkSize = qint64(1) << 50;
        int maxInterim = 16; // 1xx interim responses skipped before the final one
    };

    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Error };

    HttpResponseParser();
    explicit HttpResponseParser(const Limits &limits);

    // Whether the request was HEAD: the response then has no body whatever its fields say.
    void setHeadRequest(bool head);
    // Receives decoded body bytes (chunk framing removed) as they are parsed. The view is valid
    // only during the call. May be set at any time; bytes parsed with no sink are counted only.
    void setBodySink(std::function<void(QByteArrayView)> sink);

    // The next bytes from the connection. Bytes after the end of the response are counted in
    // extraBytes() and not parsed. Does nothing once done or failed.
    void feed(QByteArrayView data);
    // The server closed the connection (recv returned 0). Ends a close-delimited body; anything
    // unfinished (head, chunk, a body shorter than Content-Length) becomes a Protocol error.
    void finish();

    State state() const { return m_state; }
    bool headComplete() const; // the final response's head has been read
    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    QString errorMessage() const { return m_errorMessage; } // plain English, names the offset
    qint64 errorOffset() const { return m_errorOffset; } // -1 when no error

    const HttpResponseHead &head() const { return m_head; }
    // The 1xx responses skipped before the final one ("HTTP/1.1 100 Continue").
    const QList<HttpResponseHead> &interim() const { return m_interim; }
    HttpFraming framing() const { return m_framing; }
    qint64 contentLength() const { return m_contentLength; } // -1 when the response has none
    bool chunked() const { return m_framing == HttpFraming::Chunked; }
    int chunkCount() const { return m_chunkCount; } // data chunks, the last zero-size one not counted
    QList<QByteArray> chunkExtensions() const { return m_chunkExtensions; } // ";name=value" as sent, first 16
    const QList<HttpHeaderField> &trailers() const { return m_trailers; }
    qint64 bodyBytes() const { return m_bodyBytes; } // decoded body bytes so far
    qint64 bytesConsumed() const { return m_consumed; } // response bytes parsed so far
    qint64 extraBytes() const { return m_extra; } // bytes that came after the end of the response
    // Things a learner should know that are not errors: bare LF line endings, folded or
    // duplicate fields, Content-Length beside chunked, codings other than chunked not decoded.
    QStringList warnings() const { return m_warnings; }

private:
    // Implementation state; see the .cpp.
    struct FieldPosition {
        qint64 valueOffset = 0; // offset of the value's first byte (after the blanks)
        bool folded = false; // continued on more lines: only valueOffset is exact
    };

    void fail(qint64 offset, const QString &message);
    void warnOnce(const QString &warning);
    void warnBareLf(); // once, naming the first
    bool checkHttpPrefix(QByteArrayView data, qsizetype &pos);
    void startHttp09();
    bool readLine(QByteArrayView data, qsizetype &pos, qsizetype limit);
    void failLimit(qsizetype limit);
    void deliver(QByteArrayView body);
    void onHeadLine();
    bool parseStatusLine();
    bool parseField(QList<HttpHeaderField> &fields, QList<FieldPosition> *positions);
    void onHeadComplete();
    void chooseFraming();
    bool readContentLength();
    void onChunkSizeLine();
    void onTrailerLine();
    void startSection(State state);

    Limits m_limits;
    State m_state = State::Head;
    bool m_headRequest = false;
    std::function<void(QByteArrayView)> m_sink;
    QByteArray m_line; // a partial line (head, chunk-size line, trailer) waiting for its end
    HttpResponseHead m_head;
    QList<HttpResponseHead> m_interim;
    HttpFraming m_framing = HttpFraming::Unknown;
    qint64 m_contentLength = -1;
    qint64 m_remaining = 0; // of the Content-Length body or the current chunk
    int m_chunkCount = 0;
    QList<QByteArray> m_chunkExtensions;
    QList<HttpHeaderField> m_trailers;
    qint64 m_bodyBytes = 0;
    qint64 m_consumed = 0;
    qint64 m_extra = 0;
    QStringList m_warnings;
    QString m_errorMessage;
    qint64 m_errorOffset = -1;

    qint64 m_sectionStart = 0; // where the current head, chunk-size line or trailer section began
    qsizetype m_sectionBytes = 0; // bytes of it so far, line endings included
    qint64 m_lineStart = 0; // offset of m_line's first byte
    bool m_pendingCR = false; // the line so far ended with CR; LF must come next
    bool m_warnedBareLf = false;
    bool m_warnedFolding = false;
    QList<FieldPosition> m_fieldPositions; // beside m_head.headers, for offsets in Content-Length errors
};

} // namespace swb
