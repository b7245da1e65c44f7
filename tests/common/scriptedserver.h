#pragma once
// A misbehaving server for the tests, in plain POSIX on 127.0.0.1, port 0: it collects each request
// until the blank line (or the client's end of stream) and hands the connection to onRequest, which
// may answer, stall, close or reset. Unlike QTcpSocket, it keeps a connection whose client has
// half-closed (shutdown(SHUT_WR)) open, as a real server does. Event driven on the test's thread.
// ScriptedTlsServer is the same for https, with the test-only certificate in tests/data/tls.

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include <cerrno>
#include <functional>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace swb::test {

class ScriptedServer : public QObject {
public:
    struct Conn {
        int fd = -1;
        QByteArray received;
        bool eof = false;
        bool answered = false;
        QSocketNotifier *notifier = nullptr;
    };

    std::function<void(ScriptedServer &, Conn &)> onRequest;
    bool answerAtOnce = false; // call onRequest on the first bytes, without waiting for a blank line

    ScriptedServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof sa;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 || ::listen(m_fd, 16) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&sa), &len) != 0)
            return;
        m_port = ntohs(sa.sin_port);
        m_acceptor = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_acceptor, &QSocketNotifier::activated, this, &ScriptedServer::acceptAll);
    }
    ~ScriptedServer() override
    {
        for (const auto &c : m_conns)
            closeConn(*c);
        delete m_acceptor;
        if (m_fd >= 0)
            ::close(m_fd);
    }

    quint16 port() const { return m_port; }
    int connectionCount() const { return int(m_conns.size()); }
    Conn &conn(int i) { return *m_conns.at(i); }

    // All of bytes; waits (bounded) while the socket buffer is full.
    static bool send(Conn &c, const QByteArray &bytes)
    {
        qsizetype done = 0;
        return QTest::qWaitFor(
                   [&] {
                       while (done < bytes.size()) {
                           const ssize_t n
                               = ::send(c.fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
                           if (n < 0)
                               return errno != EAGAIN && errno != EINTR;
                           done += n;
                       }
                       return true;
                   },
                   5000)
            && done == bytes.size();
    }
    static void closeConn(Conn &c)
    {
        if (c.notifier) {
            c.notifier->setEnabled(false);
            c.notifier->deleteLater();
            c.notifier = nullptr;
        }
        if (c.fd >= 0)
            ::close(c.fd);
        c.fd = -1;
    }
    // An abortive close: SO_LINGER with a zero timeout makes close() send RST.
    static void reset(Conn &c)
    {
        const linger l { 1, 0 };
        ::setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        closeConn(c);
    }

private:
    void acceptAll()
    {
        for (;;) {
            const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return;
            auto c = std::make_unique<Conn>();
            c->fd = fd;
            Conn *raw = c.get();
            c->notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
            connect(c->notifier, &QSocketNotifier::activated, this, [this, raw] { readFrom(*raw); });
            m_conns.push_back(std::move(c));
        }
    }

    void readFrom(Conn &c)
    {
        char buffer[65536];
        for (;;) {
            if (c.fd < 0)
                return;
            const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                c.received.append(buffer, int(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            c.eof = true; // or an error: either way nothing more comes
            c.notifier->setEnabled(false);
            break;
        }
        if (!c.answered && (c.eof || answerAtOnce || c.received.contains("\r\n\r\n"))) {
            c.answered = true;
            if (onRequest)
                onRequest(*this, c);
        }
    }

    int m_fd = -1;
    quint16 m_port = 0;
    QSocketNotifier *m_acceptor = nullptr;
    std::vector<std::unique_ptr<Conn>> m_conns;
};

// An HTTPS server on 127.0.0.1, port 0: onRequest gets the QSslSocket once the request head has
// come, and may answer, stall, close (disconnectFromHost: close_notify, then FIN) or reset. The
// sockets live as long as the server, so a script may keep one after its peer has gone.
class ScriptedTlsServer : public QTcpServer {
public:
    std::function<void(ScriptedTlsServer &, QSslSocket &)> onRequest;
    QByteArray lastRequest;
    int handshakes = 0;
    int disconnects = 0; // connections that ended, closed by either side

    explicit ScriptedTlsServer(const QSslConfiguration &config = testConfig())
        : m_config(config)
    {
        if (!m_config.localCertificate().isNull() && !m_config.privateKey().isNull())
            listen(QHostAddress::LocalHost, 0);
    }

    // The self-signed certificate and key in tests/data/tls, found from this header's own path.
    static QSslConfiguration testConfig()
    {
        const QString dir = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + QStringLiteral("/../data/tls/");
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(dir + QStringLiteral("server-cert.pem"));
        QFile keyFile(dir + QStringLiteral("server-key.pem"));
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
            return config;
        config.setLocalCertificate(certs.first());
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        return config;
    }

    // Encrypts all of bytes and hands them to the kernel; waits (bounded) while its buffer is full.
    static bool send(QSslSocket &s, const QByteArray &bytes)
    {
        if (s.write(bytes) != bytes.size())
            return false;
        return QTest::qWaitFor(
            [&s] {
                s.flush();
                return s.bytesToWrite() == 0 && s.encryptedBytesToWrite() == 0;
            },
            5000);
    }
    // An abortive close on the socket's own descriptor, with no close_notify before it:
    // SO_LINGER with a zero timeout makes close() send RST.
    static void reset(QSslSocket &s)
    {
        const linger l { 1, 0 };
        ::setsockopt(int(s.socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        s.abort();
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(fd)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_config);
        auto received = std::make_shared<QByteArray>();
        auto answered = std::make_shared<bool>(false);
        connect(socket, &QSslSocket::encrypted, this, [this] { ++handshakes; });
        connect(socket, &QSslSocket::readyRead, this, [this, socket, received, answered] {
            received->append(socket->readAll());
            if (*answered || !received->contains("\r\n\r\n"))
                return;
            *answered = true;
            lastRequest = *received;
            if (onRequest)
                onRequest(*this, *socket);
        });
        connect(socket, &QSslSocket::disconnected, this, [this] { ++disconnects; });
        socket->startServerEncryption();
    }

private:
    QSslConfiguration m_config;
};

} // namespace swb::test
