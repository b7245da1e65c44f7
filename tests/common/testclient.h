#pragma once
// The tests' TCP client: plain POSIX, so a test sees exactly what a server does (EOF apart from a
// reset, reading EOF and still sending after a half-close, an abortive close). connect() blocks (on
// loopback the kernel completes it whether or not the server has called accept() yet); reads and
// writes are non-blocking and waited for with QTest::qWaitFor, so a server on the test's own thread
// keeps running while the test waits.

#include "net/endpoint.h"
#include "net/sockutil.h"

#include <QByteArray>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace swb::test {

class Client {
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) != 0) {
            m_error = errno;
            close();
            return;
        }
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    }
    ~Client() { close(); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    bool isConnected() const { return m_fd >= 0; }
    // getsockname(): the address the server sees as its peer.
    Endpoint local() const { return SockUtil::localEndpoint(m_fd); }
    quint16 localPort() const { return local().port; }
    const QByteArray &received() const { return m_received; }
    bool atEof() const { return m_eof; }
    int error() const { return m_error; }
    // Closed or reset by the server, as far as this side has seen.
    bool isDone() const { return m_eof || m_error != 0; }

    // One non-blocking send: the bytes taken, 0 when the buffers are full, -1 on an error (kept).
    qint64 trySend(const char *data, qint64 size)
    {
        const ssize_t n = ::send(m_fd, data, size_t(size), MSG_NOSIGNAL);
        if (n >= 0)
            return n;
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return 0;
        m_error = errno;
        return -1;
    }
    // All of bytes, waiting (at most 5 s) while the buffers are full.
    bool send(const QByteArray &bytes)
    {
        qsizetype done = 0;
        const bool finished = QTest::qWaitFor(
            [&] {
                while (done < bytes.size()) {
                    const qint64 n = trySend(bytes.constData() + done, bytes.size() - done);
                    if (n < 0)
                        return true;
                    if (n == 0)
                        return false;
                    done += n;
                }
                return true;
            },
            5000);
        return finished && done == bytes.size();
    }
    // Reads whatever has arrived, without waiting.
    void pump()
    {
        char buffer[64 * 1024];
        while (m_fd >= 0 && !m_eof) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                m_received.append(buffer, int(n));
            } else if (n == 0) {
                m_eof = true;
            } else {
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                    m_error = errno;
                return;
            }
        }
    }
    // What has arrived so far.
    QByteArray readAll()
    {
        pump();
        return m_received;
    }
    bool waitForReceived(const QByteArray &bytes)
    {
        return QTest::qWaitFor([&] {
            pump();
            return m_received.contains(bytes) || isDone();
        }) && m_received.contains(bytes);
    }
    // The server closed its sending side (or the whole connection): recv() returned 0.
    bool waitForEof()
    {
        return QTest::qWaitFor([&] {
            pump();
            return isDone();
        }) && m_eof;
    }
    // The server closed the connection: EOF, or a reset if bytes we sent were still unread.
    bool waitUntilDone(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return isDone();
            },
            timeoutMs);
    }
    void shutdownWrite() { ::shutdown(m_fd, SHUT_WR); }
    // close() with SO_LINGER 0: the kernel sends RST instead of FIN and drops what is queued.
    void resetClose()
    {
        const linger abortive { 1, 0 };
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
        close();
    }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
    QByteArray m_received;
    bool m_eof = false;
    int m_error = 0;
};

} // namespace swb::test
