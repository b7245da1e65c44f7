#include "widgets/udpdatagrammodel.h"

#include "lookup/privacy.h"
#include "net/payloadcodec.h"
#include "theme.h"

#include <QGuiApplication>
#include <QLocale>

namespace swb {

UdpDatagramModel::UdpDatagramModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(Privacy::instance(), &Privacy::enabledChanged, this, &UdpDatagramModel::refreshMaskedColumns);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, &UdpDatagramModel::refreshMaskedColumns);
}

void UdpDatagramModel::setCapacity(int rows)
{
    m_capacity = qMax(1, rows);
}

void UdpDatagramModel::setEncoding(const QByteArray &name)
{
    m_encoding = QStringDecoder(name.constData()).isValid() ? name : QByteArray("UTF-8");
    if (!m_rows.empty())
        emit dataChanged(index(0, PayloadColumn), index(rowCount() - 1, PayloadColumn));
}

void UdpDatagramModel::refreshMaskedColumns()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, PeerColumn), index(rowCount() - 1, PayloadColumn));
}

void UdpDatagramModel::append(const QVector<Datagram> &batch)
{
    if (batch.isEmpty())
        return;
    // Room first: drop the oldest rows the batch would push out, in one removal.
    const qint64 overflow = qint64(m_rows.size()) + batch.size() - m_capacity;
    if (overflow > 0) {
        const int removeFromModel = int(qMin<qint64>(overflow, qint64(m_rows.size())));
        if (removeFromModel > 0) {
            beginRemoveRows({}, 0, removeFromModel - 1);
            m_rows.erase(m_rows.begin(), m_rows.begin() + removeFromModel);
            m_dropped += removeFromModel;
            endRemoveRows();
        }
    }
    // A batch larger than the capacity keeps only its newest rows.
    const int skip = int(qMax<qint64>(0, qint64(batch.size()) - m_capacity));
    m_dropped += skip;

    int firstChanged = -1;
    int lastChanged = -1;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(batch.size()) - skip - 1);
    for (int i = skip; i < batch.size(); ++i) {
        const Datagram &d = batch[i];
        if (d.sent) {
            m_sentRow.insert(d.index, m_dropped + qint64(m_rows.size()));
        } else if (d.index > 0) {
            // The send this reply answers gets its round-trip time too, when it is still shown.
            const auto it = m_sentRow.constFind(d.index);
            if (it != m_sentRow.cend()) {
                const qint64 row = it.value() - m_dropped;
                if (row >= 0 && row < qint64(m_rows.size())) {
                    m_rows[size_t(row)].rttNs = d.rttNs;
                    if (row < first) {
                        firstChanged = firstChanged < 0 ? int(row) : qMin(firstChanged, int(row));
                        lastChanged = qMax(lastChanged, int(row));
                    }
                }
                m_sentRow.erase(it);
            }
        }
        m_rows.push_back(d);
    }
    endInsertRows();
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, RttColumn), index(lastChanged, RttColumn));
    // Sends that scrolled out of the model will never show their reply's time.
    if (m_sentRow.size() > m_capacity * 2) {
        for (auto it = m_sentRow.begin(); it != m_sentRow.end();) {
            if (it.value() < m_dropped)
                it = m_sentRow.erase(it);
            else
                ++it;
        }
    }
}

void UdpDatagramModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_sentRow.clear();
    m_dropped = 0;
    endResetModel();
}

QString UdpDatagramModel::payloadText(const QByteArray &payload) const
{
    QStringDecoder decoder(m_encoding.constData());
    QString text = decoder.isValid() ? QString(decoder(payload)) : QString::fromUtf8(payload);
    for (QChar &c : text) {
        if (c.unicode() < 0x20)
            c = QChar(0x2400 + c.unicode()); // the Unicode "control picture": ␊ for \n, ␀ for \0
        else if (c.unicode() == 0x7f)
            c = QChar(0x2421);
    }
    return text;
}

int UdpDatagramModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UdpDatagramModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UdpDatagramModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Datagram &d = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IndexColumn:
            if (d.sent)
                return QStringLiteral("\u2192 #%1").arg(d.index);
            return d.index > 0 ? QStringLiteral("\u2190 #%1").arg(d.index) : QStringLiteral("\u2190 ?");
        case TimeColumn:
            return QLocale::c().toString(double(d.atNs) / 1e9, 'f', 3);
        case PeerColumn:
            return Privacy::shown(d.peer);
        case SizeColumn:
            return d.truncated ? tr("%1 (cut to %2)").arg(d.size).arg(d.kept >= 0 ? d.kept : d.payload.size())
                               : QString::number(d.size);
        case RttColumn:
            return d.rttNs >= 0 ? QLocale::c().toString(double(d.rttNs) / 1e6, 'f', 3) : QStringLiteral("\u2014");
        case PayloadColumn: {
            QString text = payloadText(d.payload);
            if (d.size > d.payload.size() && !d.truncated)
                text += QStringLiteral("\u2026");
            return Privacy::shown(text);
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case IndexColumn:
            if (d.sent)
                return tr("\u2192 sent: datagram number %1 of this socket").arg(d.index);
            return d.index > 0 ? tr("\u2190 received: the reply to #%1. UDP has no sequence numbers: this is taken "
                                    "as the reply to #%1 because it "
                                    "echoes its bytes, or came while #%1 was the newest waiting for a reply")
                                     .arg(d.index)
                               : tr("\u2190 received, but every datagram sent already had a reply: this one "
                                    "answers none of them");
        case PeerColumn:
            return d.sent ? tr("Where sendto() sent it") : tr("Who sent it, as recvfrom() returns it");
        case SizeColumn:
            return d.truncated ? tr("The datagram had %1 bytes but the read buffer took only %2: recvfrom() "
                                    "discards the rest of a datagram (MSG_TRUNC)")
                                     .arg(d.size)
                                     .arg(d.kept >= 0 ? d.kept : d.payload.size())
                               : (d.size == 1 ? tr("1 byte") : tr("%L1 bytes").arg(d.size));
        case RttColumn:
            return tr("Round-trip time: from sending the datagram to receiving its reply");
        case PayloadColumn:
            return Privacy::shown(tr("Bytes: %1\nRead as %2")
                                      .arg(PayloadCodec::toHex(d.payload.left(64)), QString::fromLatin1(m_encoding)));
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == IndexColumn) {
        const QPalette palette = QGuiApplication::palette();
        return d.sent ? Theme::sentColor(palette) : Theme::receivedColor(palette);
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case TimeColumn:
        case SizeColumn:
        case RttColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}

QVariant UdpDatagramModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IndexColumn:
            return tr("Datagram");
        case TimeColumn:
            return tr("Time (s)");
        case PeerColumn:
            return tr("Peer");
        case SizeColumn:
            return tr("Bytes");
        case RttColumn:
            return tr("RTT (ms)");
        case PayloadColumn:
            return tr("Payload");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IndexColumn:
            return tr("\u2192 #3: the third datagram sent; \u2190 #3: the reply to it");
        case PeerColumn:
            return tr("Where a datagram went, or who sent it (recvfrom returns it)");
        case RttColumn:
            return tr("Round-trip time in milliseconds: from sending a datagram to receiving its reply");
        case PayloadColumn:
            return tr("The bytes read as text in the chosen encoding; control characters are shown as symbols");
        default:
            return {};
        }
    }
    return {};
}

} // namespace swb
