#pragma once
// The UDP panel's datagram list: one row per datagram sent or received, with its time, direction,
// peer, size, payload (read in a chosen text encoding) and round-trip time. Rows come in batches and
// only the newest capacity() are kept, so a flood of 100,000 datagrams costs one update per frame.

#include "client/udpsession.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QStringDecoder>
#include <QVector>

#include <deque>

namespace swb {

class UdpDatagramModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // IndexColumn: "→ #3" for the third datagram sent, "← #3" for the reply to it.
    enum Column { IndexColumn, TimeColumn, PeerColumn, SizeColumn, RttColumn, PayloadColumn, ColumnCount };

    // A datagram on its way to the model.
    struct Datagram {
        bool sent = true;
        int index = 0; // sent: its number (1, 2, ...); received: the send it answers, 0 when none
        qint64 atNs = 0; // session time
        QString peer; // where it went, or who sent it (recvfrom)
        qint64 size = 0; // the datagram's real size
        QByteArray payload; // the first kMaxShownBytes
        bool truncated = false; // received: larger than the read buffer
        qint64 kept = -1; // received: the bytes the read buffer took (the payload may be cut shorter to show)
        qint64 rttNs = -1;
    };
    static constexpr int kMaxShownBytes = 256;
    static constexpr int kDefaultCapacity = 20000;

    explicit UdpDatagramModel(QObject *parent = nullptr);

    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    // "UTF-8", "GBK", "ISO-8859-1": how payload bytes are read as text. Unknown names fall back to UTF-8.
    void setEncoding(const QByteArray &name);
    QByteArray encoding() const { return m_encoding; }
    // A reply row that answers a send also fills in that send's round-trip time, when it is still kept.
    void append(const QVector<Datagram> &batch);
    void clear();
    // Rows dropped to stay within capacity since the last clear().
    qint64 droppedRows() const { return m_dropped; }
    const Datagram &datagram(int row) const { return m_rows[size_t(row)]; }
    // The payload as the view shows it: decoded with the encoding, control characters as symbols.
    QString payloadText(const QByteArray &payload) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refreshMaskedColumns();

    std::deque<Datagram> m_rows;
    QHash<int, qint64> m_sentRow; // send number -> absolute row number (m_dropped + row)
    qint64 m_dropped = 0;
    int m_capacity = kDefaultCapacity;
    QByteArray m_encoding = "UTF-8";
};

} // namespace swb
