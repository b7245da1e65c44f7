#pragma once
// The seed's HTTP client, step by step on a real socket: resolve (getservbyname, getaddrinfo),
// socket, connect, a TLS handshake for https, send the request, shutdown(SHUT_WR), recv until the
// server closes (or the response says it is complete), close. Every step is a TraceEvent; the
// response is read by HttpResponseParser as it arrives; the body goes to a BodyStore (or to a
// sink the caller gives, such as a file for the CLI). Each stage has its own timeout, and every
// failure is a SessionError saying in which stage it happened.

#include "client/tcpprobe.h"
#include "http/bodystore.h"
#include "http/httpresponseparser.h"
#include "http/httptarget.h"
#include "http/httptimings.h"
#include "trace/traceevent.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

class QSocketNotifier;
class QSslSocket;
class QSslError;

namespace swb {

struct HttpGetOptions {
    HttpRequestSpec request;
    AddressFamily family = AddressFamily::Any;
    bool halfClose = true; // shutdown(SHUT_WR) after sending, as the seed does (not with TLS)
    int timeoutMs = 10000; // per stage: resolve + connect, TLS, first byte, and silence while downloading
    // The CLI's --insecure: certificate problems are listed in the trace, then ignored.
    bool acceptAnyCertificate = false;
};

struct HttpTlsInfo {
    bool used = false;
    bool handshakeDone = false;
    QString protocol; // "TLSv1.3"
    QString cipher; // "TLS_AES_256_GCM_SHA384"
    QStringList chain; // one multi-line description per certificate, the server's own first
    QStringList certificateErrors; // what was wrong with the certificate, as the TLS library says
    bool errorsIgnored = false; // the person chose "continue anyway" for this host earlier
    QByteArray leafDigest; // SHA-256 of the server's certificate, for "continue anyway"
};

enum class BodyCheck {
    NotApplicable, // no body expected (HEAD, 204, 304) or no response
    Matched, // Content-Length given and the body had exactly that many bytes
    Short, // fewer bytes than Content-Length
    ChunkedComplete, // chunked, ended by the last chunk
    UntilClose, // no length given: the body ended when the server closed
};

struct HttpGetResult {
    SessionError error; // kind None when the response was read completely
    QString failedStage; // "resolve", "connect", "TLS handshake", "send", "shutdown", "response"
    HttpTarget target;
    QByteArray request; // the bytes sent (or that would have been sent)
    Endpoint local;
    Endpoint remote;
    bool headComplete = false;
    HttpResponseHead head;
    QList<HttpResponseHead> interim;
    HttpFraming framing = HttpFraming::Unknown;
    qint64 contentLength = -1;
    qint64 bodyBytes = 0;
    BodyCheck bodyCheck = BodyCheck::NotApplicable;
    int chunkCount = 0;
    QList<QByteArray> chunkExtensions;
    QList<HttpHeaderField> trailers;
    QStringList warnings;
    qint64 extraBytes = 0;
    qint64 receivedBytes = 0; // everything recv() returned: head and body as they came on the wire
    int recvCalls = 0; // recv() calls that returned data
    HttpTimings timings;
    HttpTlsInfo tls;
    std::optional<HttpTarget> redirect; // a 3xx with a Location, resolved against the target
    QString redirectProblem; // a 3xx whose Location could not be read
    bool ok() const { return !error.isError(); }
};

QString bodyCheckText(const HttpGetResult &result);

class HttpGet : public QObject {
    Q_OBJECT
public:
    enum class Stage { Idle, Connecting, Tls, Sending, Waiting, Downloading, Done };
    Q_ENUM(Stage)

    explicit HttpGet(QObject *parent = nullptr);
    ~HttpGet() override;

    // Replaces the BodyStore: body bytes go to sink as they are decoded. A false return stops the
    // request with a Local error (the sink could not write them).
    void setBodySink(std::function<bool(QByteArrayView)> sink);

    void start(const HttpGetOptions &options);
    // Stops a running request; it finishes with a Local error "cancelled".
    void cancel();

    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage != Stage::Idle && m_stage != Stage::Done; }
    const HttpGetResult &result() const { return m_result; } // filled in as the request runs
    const BodyStore &body() const { return m_body; }
    // The timings so far, the running stage ending "now".
    HttpTimings currentTimings() const;

    // "Continue anyway" for a server whose certificate failed: remembered in memory for this
    // run of the program only, for this host and port and this exact certificate.
    static void allowCertificate(const QString &host, quint16 port, const QByteArray &sha256);
    static bool isCertificateAllowed(const QString &host, quint16 port, const QByteArray &sha256);
    static bool tlsAvailable();

signals:
    void traced(const swb::TraceEvent &event);
    void stageChanged(swb::HttpGet::Stage stage);
    void headReceived(const swb::HttpResponseHead &head);
    // Body bytes arrived; how many so far (decoded) and how many came on the wire.
    void progress(qint64 bodyBytes, qint64 receivedBytes);
    void finished(const swb::HttpGetResult &result);

private:
    void onProbeTraced(TraceEvent event);
    void onProbeFinished(const TcpProbeResult &probe);
    void startTls(int fd);
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onSslReadable();
    void onSslError();
    bool tlsPeerReset() const;
    void tlsPeerClosed();
    void startSending();
    void onPlainWritable();
    void onPlainReadable();
    // The steps below emit signals, and a slot may cancel this request, start another or delete
    // this object: those returning bool say whether the same request is still running after.
    bool sent(qint64 n, bool tls);
    void requestSent();
    bool received(const char *data, qint64 n, bool tls);
    bool headIfComplete();
    void endOfStream(bool tls);
    void stageTimedOut();
    bool setStage(Stage stage);
    bool emitEvent(TraceEvent event);
    void beginTiming(HttpStageTiming::Stage stage);
    void endTiming(HttpStageTiming::Stage stage);
    void fail(const QString &stage, const SessionError &error);
    void complete();
    void finishRequest();
    bool closeConnection(); // whether a connection was open
    void settle();
    TraceEvent makeEvent(TraceKind kind, const QString &call, const QString &args, const QString &result) const;

    HttpGetOptions m_options;
    HttpGetResult m_result;
    TraceClock m_clock;
    qint64 m_probeOffsetNs = 0;
    TcpProbe *m_probe = nullptr;
    HttpResponseParser m_parser;
    BodyStore m_body;
    std::function<bool(QByteArrayView)> m_externalSink;
    bool m_sinkFailed = false;
    QString m_sinkError;
    Stage m_stage = Stage::Idle;
    quint64 m_generation = 0; // changes when a request starts or ends
    int m_fd = -1;
    int m_tlsWatchFd = -1; // https: a second descriptor on the socket, to tell a reset from a FIN
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QSslSocket *m_ssl = nullptr;
    QByteArray m_output;
    qint64 m_outputSent = 0;
    QByteArray m_readBuffer;
    QTimer m_stageTimer;
    bool m_headSignalled = false;
    bool m_eofSeen = false;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::HttpGetResult)
Q_DECLARE_METATYPE(swb::HttpResponseHead)
