#pragma once
// What a server does with its clients: echo, daytime, time, timestamp, welcome, http, sntp...
// A Behaviour makes one StreamHandler per TCP client and answers UDP datagrams; the ListenServer
// does all the socket work and tracing, so a behaviour only decides which bytes to send.

#include "net/endpoint.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace swb {

// One TCP client as a behaviour sees it. Every method is non-blocking.
class StreamPeer {
public:
    virtual ~StreamPeer() = default;
    // Queue bytes for sending (traced as send()).
    virtual void send(const QByteArray &bytes) = 0;
    // Send a large body without holding it in memory: next() is called whenever the output buffer
    // has drained, and returns the next piece; an empty piece ends the stream and calls done().
    virtual void sendStream(std::function<QByteArray()> next, std::function<void()> done) = 0;
    // Close once everything queued has been sent (shutdown(SHUT_WR) then close()).
    virtual void closeAfterSending() = 0;
    // An error event for this client (e.g. line too long), then close at once.
    virtual void closeWithError(const QString &message) = 0;
    // Run fn after ms milliseconds unless the client is gone by then.
    virtual void after(int ms, std::function<void()> fn) = 0;
    // A note in the trace for this client.
    virtual void note(const QString &text) = 0;
    virtual Endpoint peer() const = 0;
    virtual Endpoint local() const = 0;
    virtual int id() const = 0;
};

class StreamHandler {
public:
    virtual ~StreamHandler() = default;
    virtual void opened(StreamPeer &peer) { Q_UNUSED(peer) }
    virtual void received(StreamPeer &peer, const QByteArray &data) = 0;
    // recv() returned 0: the client will send nothing more. Default: finish sending, then close.
    virtual void peerClosed(StreamPeer &peer) { peer.closeAfterSending(); }
};

// The handler of the "answer once and hang up" protocols (daytime, time): on accept it sends what
// reply() makes and closes; whatever the client sends is ignored.
class SendOnOpenHandler : public StreamHandler {
public:
    explicit SendOnOpenHandler(std::function<QByteArray()> reply)
        : m_reply(std::move(reply))
    {
    }
    void opened(StreamPeer &peer) override
    {
        peer.send(m_reply());
        peer.closeAfterSending();
    }
    void received(StreamPeer &, const QByteArray &) override { }
    void peerClosed(StreamPeer &) override { } // already closing since opened()

private:
    std::function<QByteArray()> m_reply;
};

struct BehaviourOptions {
    int sntpStratum = 1; // 1..15
    qint64 lineCap = 64 * 1024; // a line-based behaviour never buffers more than this from one client
    int slowIntervalMs = 600; // http /slow: time between pieces
};

class Behaviour {
public:
    virtual ~Behaviour() = default;
    virtual QString name() const = 0;
    virtual bool supports(Transport transport) const = 0;
    virtual std::unique_ptr<StreamHandler> newStreamHandler() = 0;
    // UDP: the reply to one datagram, or nothing.
    virtual std::optional<QByteArray> datagram(const QByteArray &data, const Endpoint &from) = 0;
};

// "echo", "discard", "daytime", "time", "timestamp", "welcome", "http", "sntp", "manual"
QStringList behaviourNames();
// One line describing a behaviour, for --help and the UI.
QString behaviourDescription(const QString &name);
// nullptr when the name is unknown.
std::unique_ptr<Behaviour> createBehaviour(const QString &name, const BehaviourOptions &options = {});

// Splits a byte stream into lines ending in '\n', refusing to buffer more than the cap.
class LineSplitter {
public:
    explicit LineSplitter(qint64 cap)
        : m_cap(cap)
    {
    }
    // Appends data; returns the complete lines (each with its '\n'). Sets overflow when the
    // unfinished line has grown past the cap (the buffer is then dropped).
    QList<QByteArray> feed(const QByteArray &data, bool *overflow);
    // What is left without a newline (at end of stream).
    QByteArray takeRest();
    qint64 buffered() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
    qint64 m_cap;
};

// time.ctime() of Python: "Sat Nov 21 23:11:03 2026" (day of month padded with a space), local time.
QByteArray pythonCtime(const QDateTime &when);

} // namespace swb
