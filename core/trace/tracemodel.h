#pragma once
// The table of trace events every view draws: a bounded ring buffer (oldest rows dropped and
// counted) that takes events in batches from a TraceBuffer.

#include "trace/traceevent.h"

#include <QAbstractTableModel>
#include <QVector>

#include <vector>

namespace swb {

class TraceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The step tables show the first five; a server console shows wall time, client, peer, direction,
    // size and data (see ConsoleFormat).
    enum Column {
        TimeColumn,
        ConnectionColumn,
        CallColumn,
        ResultColumn,
        SizeColumn,
        WallTimeColumn,
        PeerColumn,
        DirectionColumn,
        DataColumn,
        ColumnCount
    };
    enum Role {
        KindRole = Qt::UserRole + 1, // TraceKind as int
        ErrorKindRole, // ErrorKind as int
        ConnectionIdRole,
        PayloadRole, // QByteArray
        EventRole, // QVariant<TraceEvent>
    };
    static constexpr int kDefaultCapacity = 100000;

    explicit TraceModel(QObject *parent = nullptr);

    void setCapacity(int capacity); // clears
    int capacity() const { return m_capacity; }
    qint64 droppedCount() const { return m_dropped; }
    qint64 totalCount() const { return m_total; }

    const TraceEvent &eventAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void append(const swb::TraceEvent &event);
    void appendBatch(const QVector<swb::TraceEvent> &batch);
    void clear();

signals:
    void droppedChanged(qint64 dropped);

private:
    int physical(int row) const { return int((m_head + size_t(row)) % size_t(m_capacity)); }

    std::vector<TraceEvent> m_ring; // grows up to m_capacity, then wraps
    size_t m_head = 0; // physical index of row 0
    int m_count = 0;
    int m_capacity = kDefaultCapacity;
    qint64 m_dropped = 0;
    qint64 m_total = 0;
};

} // namespace swb
