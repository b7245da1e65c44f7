#pragma once
// The clients of one server as a table, built from its trace events: who connected from where, when,
// for how long, how many bytes each way, and how it ended (closed by the client, by the server, or
// reset). Closed rows stay a while, marked, then go, so a class's worth of clients stays bounded.
// Over UDP, the rows are the recent senders with their datagram counts.

#include "trace/traceevent.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QVector>

namespace swb {

class ConnectionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        PeerColumn,
        LocalColumn,
        OpenedColumn,
        DurationColumn,
        BytesInColumn,
        BytesOutColumn,
        DatagramsColumn, // UDP: in / out
        StateColumn,
        ColumnCount
    };
    enum class State { Open, PeerHalfClosed, ServerHalfClosed, ClosedByPeer, ClosedByServer, Reset, Refused, Sender };
    enum Role { ClientIdRole = Qt::UserRole + 1, StateRole, ClosedRole };

    struct Counters {
        int clientsNow = 0;
        qint64 clientsTotal = 0; // accepted and served (refused ones not included)
        qint64 refused = 0; // accepted and closed at once, over the client limit
        qint64 accepted = 0; // every accept event
        qint64 closed = 0; // every client close event
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        qint64 datagramsIn = 0;
        qint64 datagramsOut = 0;
        qint64 datagramsDropped = 0; // UDP: received, then dropped on purpose (lossy)
        qint64 senders = 0; // UDP: distinct senders seen
    };

    static constexpr int kDefaultRetentionMs = 60000;
    static constexpr int kDefaultMaxClosedRows = 500;
    static constexpr int kMaxSenderRows = 1000;

    explicit ConnectionModel(Transport transport = Transport::Tcp, QObject *parent = nullptr);

    Transport transport() const { return m_transport; }
    // Closed rows are removed after retentionMs, and at once beyond maxClosedRows, oldest first.
    // UDP senders stay until there are more than kMaxSenderRows; then the quietest go.
    void setRetention(int retentionMs, int maxClosedRows);
    Counters counters() const { return m_counters; }

    int rowOfClient(int clientId) const { return m_rowById.value(clientId, -1); }
    int clientAt(int row) const;
    State stateAt(int row) const;
    bool isClosedAt(int row) const;
    QVector<int> openClients() const;
    static QString stateText(State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void addEvents(const QVector<swb::TraceEvent> &events);
    // Once a second or so: refreshes the live durations and drops rows past their retention.
    void tick();
    void clear();
    // Empty, for a server (re)started over transport; the counters start again too.
    void reset(Transport transport);

signals:
    void countersChanged();

private:
    struct Row {
        int id = 0;
        Endpoint peer;
        Endpoint local;
        QDateTime openedWall;
        qint64 openedNs = 0;
        qint64 lastNs = 0; // closed: when; UDP: last datagram
        qint64 closedAtMs = -1; // on m_clock, for retention
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        qint64 datagramsIn = 0;
        qint64 datagramsOut = 0;
        State state = State::Open;
        bool peerFinFirst = false; // the client's FIN came before ours
        bool serverFin = false;
        bool reset = false;
    };
    bool isClosed(const Row &row) const;
    Row *rowFor(int id);
    void apply(const TraceEvent &event, int *firstChanged, int *lastChanged);
    void prune();
    void removeRows(const QVector<bool> &remove);
    void rebuildIndex();

    Transport m_transport;
    QVector<Row> m_rows;
    QHash<int, int> m_rowById;
    Counters m_counters;
    int m_retentionMs = kDefaultRetentionMs;
    int m_maxClosedRows = kDefaultMaxClosedRows;
    int m_closedRows = 0;
    QElapsedTimer m_clock;
};

} // namespace swb
