#include "http/httpget.h"

#include "net/sockutil.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QSet>
#include <QSignalBlocker>
#include <QSocketNotifier>
#include <QSslCipher>
#include <QSslSocket>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace swb {

namespace {

constexpr int kReadChunk = 65536;
// recv() calls per readiness notification before the event loop gets a turn.
constexpr int kReadRounds = 16;

QSet<QString> &allowedCertificates()
{
    static QSet<QString> allowed;
    return allowed;
}

QString certificateKey(const QString &host, quint16 port, const QByteArray &sha256)
{
    return host.toLower() + QLatin1Char('|') + QString::number(port) + QLatin1Char('|')
        + QString::fromLatin1(sha256.toHex());
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return QStringLiteral("TLS");
    }
}

// Lets go of a child (the probe, a TLS socket) while it is emitting a signal to owner: its own
// code goes on when the signal returns, so it is neither re-entered (restarted, closed) nor
// deleted with owner under its feet, but disconnected and deleted later.
void letGo(QObject *child, QObject *owner)
{
    child->disconnect(owner);
    child->setParent(nullptr);
    child->deleteLater(); // the probe's destructor abandons its lookup and closes its socket
}

QString describeCertificate(const QSslCertificate &c)
{
    const auto join = [](const QStringList &l) { return l.join(QStringLiteral(", ")); };
    QStringList lines;
    lines << HttpGet::tr("Subject: %1").arg(join(c.subjectInfo(QSslCertificate::CommonName)));
    const QStringList organisation = c.subjectInfo(QSslCertificate::Organization);
    if (!organisation.isEmpty())
        lines << HttpGet::tr("Organisation: %1").arg(join(organisation));
    lines << HttpGet::tr("Issued by: %1").arg(join(c.issuerInfo(QSslCertificate::CommonName)))
          << HttpGet::tr("Valid: %1 to %2")
                 .arg(c.effectiveDate().toString(Qt::ISODate), c.expiryDate().toString(Qt::ISODate));
    QStringList names;
    const auto alt = c.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it)
        names << it.value();
    if (!names.isEmpty())
        lines << HttpGet::tr("Names: %1").arg(join(names));
    if (c.isSelfSigned())
        lines << HttpGet::tr("Self-signed");
    lines << HttpGet::tr("SHA-256: %1").arg(QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':')));
    return lines.join(u'\n');
}

} // namespace

QString bodyCheckText(const HttpGetResult &r)
{
    switch (r.bodyCheck) {
    case BodyCheck::NotApplicable:
        return r.headComplete ? HttpGet::tr("no body for this response") : QString();
    case BodyCheck::Matched:
        return HttpGet::tr("%1 received, as Content-Length said").arg(byteCount(r.bodyBytes));
    case BodyCheck::Short:
        return HttpGet::tr("only %1 of the %2 Content-Length announced")
            .arg(byteCount(r.bodyBytes), byteCount(r.contentLength));
    case BodyCheck::ChunkedComplete:
        return (r.chunkCount == 1 ? HttpGet::tr("%1 in 1 chunk, ended by the last (zero-size) chunk")
                                  : HttpGet::tr("%1 in %2 chunks, ended by the last (zero-size) chunk")
                                        .arg(QStringLiteral("%1"), QString::number(r.chunkCount)))
            .arg(byteCount(r.bodyBytes));
    case BodyCheck::UntilClose:
        return HttpGet::tr("%1, ended by the server closing the connection (no length was given)")
            .arg(byteCount(r.bodyBytes));
    }
    return {};
}

HttpGet::HttpGet(QObject *parent)
    : QObject(parent)
{
    m_stageTimer.setSingleShot(true);
    connect(&m_stageTimer, &QTimer::timeout, this, &HttpGet::stageTimedOut);
    m_readBuffer.resize(kReadChunk);
}

HttpGet::~HttpGet()
{
    // Nothing more is reported from here: the sockets are closed without a word to the slots.
    ++m_generation;
    // Deleted by a slot inside a signal of the probe or of the TLS socket: that one outlives us.
    QObject *const from = sender();
    if (m_probe && from == m_probe) {
        letGo(m_probe, this);
        m_probe = nullptr;
    }
    if (m_probe)
        m_probe->disconnect(this);
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        SockUtil::closeFd(m_fd);
    if (m_ssl) {
        m_ssl->disconnect(this);
        m_ssl->abort();
        // Always deleted later: a slot deleting this session may run inside any of the TLS socket's
        // signals, also ones that reach us indirectly (sender() is then not the socket), and the
        // socket goes on touching itself after its signal returns.
        letGo(m_ssl, this);
    }
    if (m_tlsWatchFd >= 0)
        SockUtil::closeFd(m_tlsWatchFd);
}

void HttpGet::setBodySink(std::function<bool(QByteArrayView)> sink)
{
    m_externalSink = std::move(sink);
}

void HttpGet::allowCertificate(const QString &host, quint16 port, const QByteArray &sha256)
{
    allowedCertificates().insert(certificateKey(host, port, sha256));
}

bool HttpGet::isCertificateAllowed(const QString &host, quint16 port, const QByteArray &sha256)
{
    return allowedCertificates().contains(certificateKey(host, port, sha256));
}

bool HttpGet::tlsAvailable()
{
    return QSslSocket::supportsSsl();
}

TraceEvent HttpGet::makeEvent(TraceKind kind, const QString &call, const QString &args, const QString &result) const
{
    TraceEvent ev = m_clock.make(kind, call, args, result);
    ev.local = m_result.local;
    ev.remote = m_result.remote;
    return ev;
}

bool HttpGet::emitEvent(TraceEvent event)
{
    const QPointer<HttpGet> self(this);
    const quint64 generation = m_generation;
    emit traced(event);
    return self && m_generation == generation && isRunning();
}

bool HttpGet::setStage(Stage stage)
{
    if (m_stage == stage)
        return true;
    m_stage = stage;
    const QPointer<HttpGet> self(this);
    const quint64 generation = m_generation;
    emit stageChanged(stage);
    return self && m_generation == generation && isRunning();
}

void HttpGet::beginTiming(HttpStageTiming::Stage stage)
{
    HttpStageTiming &t = m_result.timings.at(stage);
    if (t.beginNs < 0)
        t.beginNs = m_clock.elapsedNs();
}

void HttpGet::endTiming(HttpStageTiming::Stage stage)
{
    HttpStageTiming &t = m_result.timings.at(stage);
    if (t.beginNs >= 0 && t.endNs < 0)
        t.endNs = m_clock.elapsedNs();
}

HttpTimings HttpGet::currentTimings() const
{
    HttpTimings t = m_result.timings;
    if (isRunning())
        t.totalNs = m_clock.elapsedNs();
    return t;
}

void HttpGet::start(const HttpGetOptions &options)
{
    // A slot on the cancelled request's finished() may start another one: that one is cancelled
    // too, so every start() gets its finished() and this request is the one that runs.
    for (int round = 0; round < 8 && isRunning(); ++round)
        cancel();
    if (isRunning())
        return;
    ++m_generation;
    closeConnection();
    m_options = options;
    m_result = HttpGetResult();
    m_result.target = options.request.target;
    m_body.clear();
    m_sinkFailed = false;
    m_sinkError.clear();
    m_output.clear();
    m_outputSent = 0;
    m_headSignalled = false;
    m_eofSeen = false;
    m_parser = HttpResponseParser();
    m_clock.restart();
    if (m_probe && sender() == m_probe) { // started from a slot on one of the probe's signals
        letGo(m_probe, this);
        m_probe = nullptr; // this request gets a fresh one
    }
    if (!setStage(Stage::Connecting))
        return;

    const Parsed<quint16> port = EndpointParser::parsePort(
        options.request.target.portOrDefault(), Transport::Tcp, false, QStringLiteral("port"));
    if (!port.ok())
        return fail(QStringLiteral("request"), port.error);
    const Parsed<QByteArray> bytes = options.request.requestBytes(*port.value);
    if (!bytes.ok())
        return fail(QStringLiteral("request"), bytes.error);
    m_result.request = *bytes.value;
    if (options.request.target.tls && !tlsAvailable()) {
        SessionError e;
        e.kind = ErrorKind::Local;
        e.message = tr("https needs a TLS library, and none could be loaded (%1). Use http://.")
                        .arg(QSslSocket::sslLibraryVersionString());
        return fail(QStringLiteral("request"), e);
    }
    m_parser.setHeadRequest(m_result.request.startsWith("HEAD "));
    m_parser.setBodySink([this](QByteArrayView view) {
        if (m_sinkFailed)
            return;
        const bool ok = m_externalSink ? m_externalSink(view) : m_body.append(view);
        if (!ok) {
            m_sinkFailed = true;
            m_sinkError
                = m_externalSink ? tr("The body could not be written where it was asked to go.") : m_body.error();
        }
    });

    if (!m_probe) {
        m_probe = new TcpProbe(this);
        connect(m_probe, &TcpProbe::traced, this, &HttpGet::onProbeTraced);
        connect(m_probe, &TcpProbe::finished, this, &HttpGet::onProbeFinished);
    }
    beginTiming(HttpStageTiming::Stage::Resolve);
    TcpProbeRequest probe;
    probe.host = options.request.target.host;
    probe.port = options.request.target.portOrDefault();
    probe.family = options.family;
    probe.timeoutMs = options.timeoutMs;
    m_probeOffsetNs = m_clock.elapsedNs();
    m_stageTimer.stop(); // the probe times resolving and connecting itself
    m_probe->start(probe);
}

void HttpGet::onProbeTraced(TraceEvent event)
{
    event.atNs += m_probeOffsetNs;
    if (event.call == QLatin1String("getaddrinfo")) {
        HttpStageTiming &resolve = m_result.timings.at(HttpStageTiming::Stage::Resolve);
        if (resolve.endNs < 0)
            resolve.endNs = event.atNs;
        if (event.kind != TraceKind::Error)
            m_result.timings.at(HttpStageTiming::Stage::Connect).beginNs = event.atNs;
    } else if (event.kind == TraceKind::Opened && event.call == QLatin1String("connect")) {
        m_result.timings.at(HttpStageTiming::Stage::Connect).endNs = event.atNs;
    }
    emitEvent(event);
}

void HttpGet::onProbeFinished(const TcpProbeResult &probe)
{
    if (m_stage != Stage::Connecting)
        return;
    m_result.local = probe.local;
    m_result.remote = probe.remote;
    if (!probe.ok()) {
        if (probe.error.kind == ErrorKind::Usage) { // a host or port the probe refused before any lookup
            m_result.timings.at(HttpStageTiming::Stage::Resolve) = HttpStageTiming { HttpStageTiming::Stage::Resolve };
            return fail(QStringLiteral("request"), probe.error);
        }
        // Connecting began once getaddrinfo answered with addresses (its Error event, a timeout
        // included, ends the resolve stage but starts no connect).
        const bool resolved = m_result.timings.at(HttpStageTiming::Stage::Connect).beginNs >= 0
            && probe.error.kind != ErrorKind::Resolve;
        return fail(resolved ? QStringLiteral("connect") : QStringLiteral("resolve"), probe.error);
    }
    const int fd = m_probe->detachSocket();
    if (fd < 0) {
        SessionError e;
        e.kind = ErrorKind::Local;
        e.message = tr("The connected socket could not be taken over.");
        return fail(QStringLiteral("connect"), e);
    }
    if (m_options.request.target.tls)
        return startTls(fd);
    m_fd = fd;
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &HttpGet::onPlainReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &HttpGet::onPlainWritable);
    startSending();
}

void HttpGet::startTls(int fd)
{
    m_result.tls.used = true;
    m_ssl = new QSslSocket(this);
    m_ssl->setPeerVerifyName(m_options.request.target.host);
    connect(m_ssl, &QSslSocket::encrypted, this, &HttpGet::onEncrypted);
    connect(m_ssl, &QSslSocket::sslErrors, this, &HttpGet::onSslErrors);
    connect(m_ssl, &QSslSocket::readyRead, this, &HttpGet::onSslReadable);
    connect(m_ssl, &QSslSocket::errorOccurred, this, &HttpGet::onSslError);
    connect(m_ssl, &QSslSocket::disconnected, this, [this] {
        if (m_ssl && isRunning() && !m_eofSeen && m_result.tls.handshakeDone)
            tlsPeerClosed();
    });
    // Qt reports a reset and an orderly close alike; a second descriptor on the same socket lets
    // the kernel tell them apart (TCP_INFO) after Qt has closed its own.
    m_tlsWatchFd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (!m_ssl->setSocketDescriptor(fd, QAbstractSocket::ConnectedState)) {
        SockUtil::closeFd(fd);
        SessionError e;
        e.kind = ErrorKind::Local;
        e.message = tr("The TLS library could not take the socket: %1").arg(m_ssl->errorString());
        return fail(QStringLiteral("TLS handshake"), e);
    }
    beginTiming(HttpStageTiming::Stage::Tls);
    if (!setStage(Stage::Tls))
        return;
    if (!emitEvent(makeEvent(TraceKind::Call, QStringLiteral("TLS handshake"),
            QStringLiteral("(server name %1)").arg(m_options.request.target.host), tr("ClientHello sent"))))
        return;
    if (m_options.timeoutMs > 0)
        m_stageTimer.start(m_options.timeoutMs);
    m_ssl->startClientEncryption();
}

void HttpGet::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_ssl)
        return;
    const QSslCertificate leaf = m_ssl->peerCertificate();
    m_result.tls.leafDigest = leaf.digest(QCryptographicHash::Sha256);
    m_result.tls.chain.clear();
    for (const QSslCertificate &c : m_ssl->peerCertificateChain())
        m_result.tls.chain << describeCertificate(c);
    m_result.tls.certificateErrors.clear();
    for (const QSslError &e : errors)
        m_result.tls.certificateErrors << e.errorString();
    const quint16 port = m_result.remote.port;
    const bool allowed
        = !leaf.isNull() && isCertificateAllowed(m_options.request.target.host, port, m_result.tls.leafDigest);
    if (allowed || m_options.acceptAnyCertificate) {
        m_result.tls.errorsIgnored = true;
        m_ssl->ignoreSslErrors(errors);
        const QString why = allowed
            ? tr("certificate problems ignored because you chose to continue for this server in this session: %1")
            : tr("certificate problems ignored because --insecure was given: %1");
        emitEvent(makeEvent(TraceKind::Note, QStringLiteral("TLS handshake"), QString(),
            why.arg(m_result.tls.certificateErrors.join(QStringLiteral("; ")))));
        return;
    }
    SessionError e;
    e.kind = ErrorKind::Protocol;
    e.osError = QStringLiteral("TLS_CERTIFICATE");
    e.message = tr("The server's certificate is not trusted: %1")
                    .arg(m_result.tls.certificateErrors.join(QStringLiteral("; ")));
    TraceEvent ev
        = makeEvent(TraceKind::Error, QStringLiteral("TLS handshake"), QString(), tr("certificate not trusted"));
    ev.error = ErrorKind::Protocol;
    if (emitEvent(ev))
        fail(QStringLiteral("TLS handshake"), e);
}

void HttpGet::onEncrypted()
{
    if (!m_ssl)
        return;
    m_result.tls.handshakeDone = true;
    m_result.tls.protocol = protocolName(m_ssl->sessionProtocol());
    m_result.tls.cipher = m_ssl->sessionCipher().name();
    if (m_result.tls.chain.isEmpty()) {
        for (const QSslCertificate &c : m_ssl->peerCertificateChain())
            m_result.tls.chain << describeCertificate(c);
        m_result.tls.leafDigest = m_ssl->peerCertificate().digest(QCryptographicHash::Sha256);
    }
    endTiming(HttpStageTiming::Stage::Tls);
    if (emitEvent(makeEvent(TraceKind::Call, QStringLiteral("TLS handshake"), QString(),
            QStringLiteral("%1, %2").arg(m_result.tls.protocol, m_result.tls.cipher))))
        startSending();
}

void HttpGet::startSending()
{
    beginTiming(HttpStageTiming::Stage::Wait);
    if (!setStage(Stage::Sending))
        return;
    if (m_options.timeoutMs > 0)
        m_stageTimer.start(m_options.timeoutMs);
    m_output = m_result.request;
    m_outputSent = 0;
    if (m_ssl) {
        const qint64 n = m_ssl->write(m_output);
        if (n != m_output.size()) {
            SessionError e;
            e.kind = ErrorKind::Io;
            e.message = tr("The request could not be handed to the TLS library: %1").arg(m_ssl->errorString());
            return fail(QStringLiteral("send"), e);
        }
        if (sent(n, true))
            requestSent();
        return;
    }
    onPlainWritable();
}

bool HttpGet::sent(qint64 n, bool tls)
{
    TraceEvent ev = makeEvent(TraceKind::Sent, tls ? QStringLiteral("write") : QStringLiteral("send"),
        tls ? QStringLiteral("(TLS, %1)").arg(byteCount(m_output.size() - m_outputSent))
            : QStringLiteral("(%1)").arg(byteCount(m_output.size() - m_outputSent)),
        QString::number(n));
    ev.payload = m_output.mid(m_outputSent, qMin<qint64>(n, TraceEvent::kMaxPayload));
    ev.size = n;
    m_outputSent += n;
    return emitEvent(ev);
}

void HttpGet::onPlainWritable()
{
    if (m_fd < 0)
        return;
    m_writeNotifier->setEnabled(false);
    while (m_outputSent < m_output.size()) {
        const ssize_t n
            = ::send(m_fd, m_output.constData() + m_outputSent, size_t(m_output.size() - m_outputSent), MSG_NOSIGNAL);
        if (n >= 0) {
            if (!sent(n, false))
                return;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            m_writeNotifier->setEnabled(true);
            return;
        }
        const int err = errno;
        SessionError e = makeErrnoError(err, QStringLiteral("send"));
        e.message = tr("send() failed after %1 of the request: %2 (%3)")
                        .arg(byteCount(m_outputSent), errnoText(err), errnoName(err));
        TraceEvent ev = makeEvent(TraceKind::Error, QStringLiteral("send"), QString(), errnoName(err));
        ev.error = e.kind;
        if (emitEvent(ev))
            fail(QStringLiteral("send"), e);
        return;
    }
    requestSent();
}

void HttpGet::requestSent()
{
    if (m_options.halfClose && m_ssl) {
        if (!emitEvent(makeEvent(TraceKind::Note, QStringLiteral("shutdown"), QString(),
                tr("not called: with TLS, closing the sending side would end the encrypted channel before the "
                   "answer comes"))))
            return;
    } else if (m_options.halfClose) {
        if (::shutdown(m_fd, SHUT_WR) != 0) {
            const int err = errno;
            SessionError e = makeErrnoError(err, QStringLiteral("shutdown"));
            e.kind = ErrorKind::Io;
            e.message = tr("shutdown(SHUT_WR) after sending failed: %1 (%2). The request may not have reached the "
                           "server; this is the error the seed's shutdown(1) is there to catch.")
                            .arg(errnoText(err), errnoName(err));
            TraceEvent ev
                = makeEvent(TraceKind::Error, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"), errnoName(err));
            ev.error = ErrorKind::Io;
            if (emitEvent(ev))
                fail(QStringLiteral("shutdown"), e);
            return;
        }
        if (!emitEvent(makeEvent(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"),
                tr("ok: nothing more will be sent"))))
            return;
    }
    if (m_stage == Stage::Sending)
        setStage(Stage::Waiting);
}

void HttpGet::onPlainReadable()
{
    for (int round = 0; round < kReadRounds && m_fd >= 0; ++round) {
        const ssize_t n = ::recv(m_fd, m_readBuffer.data(), size_t(m_readBuffer.size()), 0);
        if (n > 0) {
            if (!received(m_readBuffer.constData(), n, false))
                return;
            continue;
        }
        if (n == 0)
            return endOfStream(false);
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        const int err = errno;
        SessionError e = makeErrnoError(err, QStringLiteral("recv"));
        if (err == ECONNRESET) {
            e.message = m_parser.headComplete()
                ? tr("The server reset the connection in the middle of the body, after %1 of it.")
                      .arg(byteCount(m_parser.bodyBytes()))
                : tr("The server reset the connection before the response was complete (%1 received).")
                      .arg(byteCount(m_result.receivedBytes));
        }
        TraceEvent ev = makeEvent(
            TraceKind::Error, QStringLiteral("recv"), QStringLiteral("(%1)").arg(kReadChunk), errnoName(err));
        ev.error = e.kind;
        if (emitEvent(ev))
            fail(QStringLiteral("response"), e);
        return;
    }
}

void HttpGet::onSslReadable()
{
    while (m_ssl && isRunning() && m_ssl->bytesAvailable() > 0) {
        const qint64 n = m_ssl->read(m_readBuffer.data(), m_readBuffer.size());
        if (n <= 0)
            break;
        if (!received(m_readBuffer.constData(), n, true))
            return;
    }
}

bool HttpGet::tlsPeerReset() const
{
    if (m_tlsWatchFd < 0)
        return false;
    tcp_info info {};
    socklen_t len = sizeof info;
    if (::getsockopt(m_tlsWatchFd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return false;
    // A FIN leaves the socket in CLOSE_WAIT while a descriptor holds it; a reset closes it at once.
    return info.tcpi_state == TCP_CLOSE;
}

void HttpGet::tlsPeerClosed()
{
    const QPointer<HttpGet> self(this);
    const quint64 generation = m_generation;
    onSslReadable(); // what the TLS library still holds comes first
    if (!self || m_generation != generation || !isRunning() || !m_ssl || m_eofSeen)
        return;
    if (!tlsPeerReset())
        return endOfStream(true);
    SessionError e = makeErrnoError(ECONNRESET, QStringLiteral("recv"));
    e.message = m_parser.headComplete()
        ? tr("The server reset the connection in the middle of the body, after %1 of it.")
              .arg(byteCount(m_parser.bodyBytes()))
        : tr("The server reset the connection before the response was complete (%1 received).")
              .arg(byteCount(m_result.receivedBytes));
    TraceEvent ev = makeEvent(TraceKind::Error, QStringLiteral("read"), QStringLiteral("(TLS, %1)").arg(kReadChunk),
        QStringLiteral("ECONNRESET"));
    ev.error = e.kind;
    if (emitEvent(ev))
        fail(QStringLiteral("response"), e);
}

void HttpGet::onSslError()
{
    if (!m_ssl || !isRunning())
        return;
    const QAbstractSocket::SocketError error = m_ssl->error();
    if (error == QAbstractSocket::RemoteHostClosedError && m_result.tls.handshakeDone)
        return tlsPeerClosed();
    SessionError e;
    if (!m_result.tls.handshakeDone) {
        e.kind = ErrorKind::Protocol;
        e.osError = QStringLiteral("TLS_HANDSHAKE");
        e.message = tr("The TLS handshake failed: %1").arg(m_ssl->errorString());
    } else {
        e.kind = ErrorKind::Io;
        e.message = tr("The encrypted connection failed: %1").arg(m_ssl->errorString());
    }
    TraceEvent ev = makeEvent(TraceKind::Error,
        m_result.tls.handshakeDone ? QStringLiteral("read") : QStringLiteral("TLS handshake"), QString(),
        m_ssl->errorString());
    ev.error = e.kind;
    if (emitEvent(ev))
        fail(m_result.tls.handshakeDone ? QStringLiteral("response") : QStringLiteral("TLS handshake"), e);
}

bool HttpGet::headIfComplete()
{
    if (m_headSignalled || !m_parser.headComplete())
        return true;
    m_headSignalled = true;
    m_result.headComplete = true;
    m_result.head = m_parser.head();
    m_result.interim = m_parser.interim(); // for whoever shows the head now: the 1xx came first
    const QPointer<HttpGet> self(this);
    const quint64 generation = m_generation;
    emit headReceived(m_result.head);
    return self && m_generation == generation && isRunning();
}

bool HttpGet::received(const char *data, qint64 n, bool tls)
{
    if (m_result.receivedBytes == 0) {
        endTiming(HttpStageTiming::Stage::Wait);
        beginTiming(HttpStageTiming::Stage::Download);
        if (!setStage(Stage::Downloading))
            return false;
    }
    if (m_options.timeoutMs > 0)
        m_stageTimer.start(m_options.timeoutMs);
    m_result.receivedBytes += n;
    ++m_result.recvCalls;
    TraceEvent ev = makeEvent(TraceKind::Received, tls ? QStringLiteral("read") : QStringLiteral("recv"),
        tls ? QStringLiteral("(TLS, %1)").arg(kReadChunk) : QStringLiteral("(%1)").arg(kReadChunk), byteCount(n));
    ev.payload = QByteArray(data, int(qMin<qint64>(n, TraceEvent::kMaxPayload)));
    ev.size = n;
    if (!emitEvent(ev))
        return false;

    m_parser.feed(QByteArrayView(data, n));
    if (!headIfComplete())
        return false;
    if (m_sinkFailed) {
        SessionError e;
        e.kind = ErrorKind::Local;
        e.message = m_sinkError;
        fail(QStringLiteral("response"), e);
        return false;
    }
    if (m_parser.hasError()) {
        SessionError e;
        e.kind = ErrorKind::Protocol;
        e.message = m_parser.errorMessage();
        TraceEvent bad = makeEvent(TraceKind::Error, QStringLiteral("parse"), QString(),
            tr("malformed response at byte %1").arg(m_parser.errorOffset()));
        bad.error = ErrorKind::Protocol;
        if (emitEvent(bad))
            fail(QStringLiteral("response"), e);
        return false;
    }
    {
        const QPointer<HttpGet> self(this);
        const quint64 generation = m_generation;
        emit progress(m_parser.bodyBytes(), m_result.receivedBytes);
        if (!self || m_generation != generation || !isRunning())
            return false;
    }
    if (!m_parser.isDone())
        return true;
    if (emitEvent(makeEvent(TraceKind::Note, QString(), QString(),
            m_parser.framing() == HttpFraming::Chunked ? tr("complete: the last chunk came, so close() now")
                : m_parser.framing() == HttpFraming::ContentLength
                ? tr("complete: Content-Length reached, so close() now")
                : tr("complete: no body to wait for, so close() now"))))
        complete();
    return false;
}

void HttpGet::endOfStream(bool tls)
{
    m_eofSeen = true;
    if (!emitEvent(makeEvent(TraceKind::Received, tls ? QStringLiteral("read") : QStringLiteral("recv"),
            tls ? QStringLiteral("(TLS, %1)").arg(kReadChunk) : QStringLiteral("(%1)").arg(kReadChunk),
            tr("0: the server closed the connection"))))
        return;
    m_parser.finish();
    if (m_parser.hasError()) {
        SessionError e;
        e.kind = ErrorKind::Protocol;
        e.message = m_parser.errorMessage();
        TraceEvent bad = makeEvent(TraceKind::Error, QStringLiteral("parse"), QString(),
            tr("incomplete response at byte %1").arg(m_parser.errorOffset()));
        bad.error = ErrorKind::Protocol;
        if (emitEvent(bad))
            fail(QStringLiteral("response"), e);
        return;
    }
    if (headIfComplete())
        complete();
}

void HttpGet::stageTimedOut()
{
    if (!isRunning() || m_stage == Stage::Connecting)
        return;
    const QString seconds = QString::number(m_options.timeoutMs / 1000.0, 'g', 3);
    QString what;
    QString call;
    switch (m_stage) {
    case Stage::Tls:
        what = tr("No answer within %1 s during the TLS handshake. A server that does not speak TLS on this port "
                  "(a plain HTTP server, say) waits like this for a request it can read.")
                   .arg(seconds);
        call = QStringLiteral("TLS handshake");
        break;
    case Stage::Sending:
        what = tr("The request could not be sent within %1 s: the server is not reading.").arg(seconds);
        call = QStringLiteral("send");
        break;
    case Stage::Waiting:
        what = tr("The request was sent, but no byte of a response came within %1 s (waiting for the first "
                  "byte).")
                   .arg(seconds);
        call = QStringLiteral("recv");
        break;
    default:
        what = tr("The download stalled: nothing arrived for %1 s after %2.")
                   .arg(seconds, byteCount(m_result.receivedBytes));
        call = QStringLiteral("recv");
        break;
    }
    SessionError e;
    e.kind = ErrorKind::Timeout;
    e.osError = QStringLiteral("ETIMEDOUT");
    e.message = what;
    TraceEvent ev = makeEvent(TraceKind::Error, call, QString(), tr("timed out after %1 s").arg(seconds));
    ev.error = ErrorKind::Timeout;
    if (!emitEvent(ev))
        return;
    const QString stage = m_stage == Stage::Tls ? QStringLiteral("TLS handshake")
        : m_stage == Stage::Sending             ? QStringLiteral("send")
        : m_stage == Stage::Waiting             ? QStringLiteral("waiting")
                                                : QStringLiteral("download");
    fail(stage, e);
}

void HttpGet::cancel()
{
    if (!isRunning())
        return;
    const SessionError e = makeCancelledError(tr("Cancelled."));
    if (m_stage == Stage::Connecting && m_probe && sender() == m_probe) {
        // Cancelled from a slot on one of the probe's signals: closing it now would pull its
        // socket from under the code that emitted the signal.
        letGo(m_probe, this);
        m_probe = nullptr;
    } else if (m_stage == Stage::Connecting && m_probe) {
        // Before our finished(): a slot on it may start the next request on this same probe.
        // The probe's own finished() for the abandoned connect is not ours to pass on.
        const QSignalBlocker quiet(m_probe);
        m_probe->close();
    }
    fail(QStringLiteral("cancelled"), e);
}

bool HttpGet::closeConnection()
{
    m_stageTimer.stop();
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    const bool open = m_fd >= 0 || m_ssl;
    if (m_fd >= 0) {
        SockUtil::closeFd(m_fd);
        m_fd = -1;
    }
    if (m_ssl) {
        QSslSocket *ssl = m_ssl;
        m_ssl = nullptr;
        ssl->disconnect(this);
        ssl->abort();
        ssl->deleteLater();
    }
    if (m_tlsWatchFd >= 0) {
        SockUtil::closeFd(m_tlsWatchFd);
        m_tlsWatchFd = -1;
    }
    return open;
}

void HttpGet::settle()
{
    m_result.interim = m_parser.interim();
    m_result.framing = m_parser.framing();
    m_result.contentLength = m_parser.contentLength();
    m_result.bodyBytes = m_parser.bodyBytes();
    m_result.chunkCount = m_parser.chunkCount();
    m_result.chunkExtensions = m_parser.chunkExtensions();
    m_result.trailers = m_parser.trailers();
    m_result.warnings = m_parser.warnings();
    m_result.extraBytes = m_parser.extraBytes();
    if (m_parser.headComplete()) {
        m_result.headComplete = true;
        m_result.head = m_parser.head();
    }
    switch (m_result.framing) {
    case HttpFraming::ContentLength:
        m_result.bodyCheck = m_result.bodyBytes == m_result.contentLength ? BodyCheck::Matched : BodyCheck::Short;
        break;
    case HttpFraming::Chunked:
        m_result.bodyCheck = m_parser.isDone() ? BodyCheck::ChunkedComplete : BodyCheck::NotApplicable;
        break;
    case HttpFraming::CloseDelimited:
    case HttpFraming::Http09:
        m_result.bodyCheck = m_eofSeen ? BodyCheck::UntilClose : BodyCheck::NotApplicable;
        break;
    default:
        m_result.bodyCheck = BodyCheck::NotApplicable;
        break;
    }
    const int status = m_result.head.status;
    if (m_result.headComplete && status >= 300 && status < 400) {
        const QByteArray location = m_result.head.value("Location");
        if (!location.isEmpty()) {
            const Parsed<HttpTarget> next = HttpTarget::resolveLocation(m_result.target, location);
            if (next.ok())
                m_result.redirect = *next.value;
            else
                m_result.redirectProblem = next.error.message;
        }
    }
    if (!m_body.flush() && !m_result.error.isError()) {
        m_result.error.kind = ErrorKind::Local;
        m_result.error.message = m_body.error();
        m_result.failedStage = QStringLiteral("response");
    }
    m_result.timings.totalNs = m_clock.elapsedNs();
}

void HttpGet::complete()
{
    endTiming(HttpStageTiming::Stage::Wait);
    endTiming(HttpStageTiming::Stage::Download);
    finishRequest();
}

void HttpGet::fail(const QString &stage, const SessionError &error)
{
    if (stage == QLatin1String("resolve")) {
        // getaddrinfo answered, but with no address of the family asked for: no connect began.
        HttpStageTiming &connect = m_result.timings.at(HttpStageTiming::Stage::Connect);
        if (connect.endNs < 0)
            connect = HttpStageTiming { HttpStageTiming::Stage::Connect };
    }
    for (HttpStageTiming &t : m_result.timings.stages) {
        if (t.beginNs >= 0 && t.endNs < 0) {
            t.endNs = m_clock.elapsedNs();
            t.failed = true;
        }
    }
    if (stage == QLatin1String("resolve") || stage == QLatin1String("connect")) {
        HttpStageTiming &t = m_result.timings.at(
            stage == QLatin1String("resolve") ? HttpStageTiming::Stage::Resolve : HttpStageTiming::Stage::Connect);
        if (t.beginNs < 0)
            t.beginNs = m_probeOffsetNs;
        if (t.endNs < 0)
            t.endNs = m_clock.elapsedNs();
        t.failed = true;
    }
    m_result.error = error;
    m_result.failedStage = stage;
    finishRequest();
}

void HttpGet::finishRequest()
{
    // The session is over before anyone hears of it: a slot may start the next request or delete
    // this object, and the result it gets is a copy that stays this request's.
    const bool wasOpen = closeConnection();
    settle();
    m_stage = Stage::Done;
    const quint64 generation = ++m_generation;
    const HttpGetResult result = m_result;
    const QPointer<HttpGet> self(this);
    if (wasOpen) {
        emit traced(makeEvent(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok")));
        if (!self)
            return;
    }
    if (m_generation == generation) {
        emit stageChanged(Stage::Done);
        if (!self)
            return;
    }
    emit finished(result);
}

} // namespace swb
