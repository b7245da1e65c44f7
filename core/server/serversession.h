#pragma once
// One server as the GUI sees it: a ListenServer on its own worker thread, its events arriving on the
// GUI thread in batches (a TraceBuffer) into a TraceModel (the console) and a ConnectionModel (the
// clients), and the operator's commands sent across to it. Nothing here blocks the GUI thread.

#include "server/listenserver.h"

#include <QObject>
#include <QPointer>
#include <QVector>

class QThread;

namespace swb {

class ConnectionModel;
class TraceBuffer;
class TraceModel;

class ServerSession : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Listening, Stopping, Stopped, Failed };

    explicit ServerSession(const ListenServerOptions &options, QObject *parent = nullptr);
    ~ServerSession() override;

    const ListenServerOptions &options() const { return m_options; }
    // Takes effect at the next start().
    void setOptions(const ListenServerOptions &options) { m_options = options; }
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Starting || m_state == State::Listening; }
    Endpoint localEndpoint() const { return m_local; }
    SessionError lastError() const { return m_error; }

    TraceModel *traceModel() const { return m_trace; }
    ConnectionModel *connectionModel() const { return m_connections; }
    // Delivers the events waiting in the batch buffer now (tests, and before an export).
    void flushEvents();

public slots:
    void start();
    void stop();
    void sendTo(int clientId, const QByteArray &bytes);
    void sendToAll(const QByteArray &bytes);
    void halfCloseClient(int clientId);
    void closeClient(int clientId);

signals:
    void stateChanged(swb::ServerSession::State state);
    void started(const swb::Endpoint &local);
    void failed(const swb::SessionError &error);
    void stopped();
    // A batch of events, after both models have taken it.
    void eventsArrived(const QVector<swb::TraceEvent> &batch);

private:
    void setState(State state);
    void onBatch(const QVector<TraceEvent> &batch);
    void onStarted(const Endpoint &local);
    void onFailed(const SessionError &error);
    void onStopped();
    void releaseThread();

    ListenServerOptions m_options;
    State m_state = State::Idle;
    Endpoint m_local;
    SessionError m_error;
    TraceBuffer *m_buffer = nullptr;
    TraceModel *m_trace = nullptr;
    ConnectionModel *m_connections = nullptr;
    QThread *m_thread = nullptr;
    ListenServer *m_server = nullptr; // lives on m_thread; deleted when that thread finishes
    QList<QPointer<QThread>> m_finishing; // released threads, joined (briefly) by the destructor
    // The run a start() began: late signals from an earlier run are ignored.
    QObject *m_run = nullptr;
};

} // namespace swb

Q_DECLARE_METATYPE(swb::ServerSession::State)
