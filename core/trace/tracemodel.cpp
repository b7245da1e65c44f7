#include "tracemodel.h"

#include "trace/consoleformat.h"

namespace swb {

TraceModel::TraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TraceModel::setCapacity(int capacity)
{
    beginResetModel();
    m_capacity = qMax(1, capacity);
    m_ring.clear();
    m_head = 0;
    m_count = 0;
    m_dropped = 0;
    m_total = 0;
    endResetModel();
    emit droppedChanged(0);
}

const TraceEvent &TraceModel::eventAt(int row) const
{
    return m_ring[size_t(physical(row))];
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceEvent &e = eventAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QString::number(double(e.atNs) / 1e6, 'f', 3);
        case ConnectionColumn:
            return e.connectionId > 0 ? QVariant(e.connectionId) : QVariant();
        case CallColumn:
            return e.callText();
        case ResultColumn:
            return e.result;
        case SizeColumn:
            return (e.kind == TraceKind::Sent || e.kind == TraceKind::Received) ? QVariant(e.size) : QVariant();
        case WallTimeColumn:
            return ConsoleFormat::wallTime(e);
        case PeerColumn:
            return e.remote.isValid() ? e.remote.toString() : QString();
        case DirectionColumn:
            return ConsoleFormat::direction(e);
        case DataColumn:
            return ConsoleFormat::data(e);
        }
        break;
    case Qt::ToolTipRole:
        return e.toLine();
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == SizeColumn || index.column() == ConnectionColumn
            || index.column() == WallTimeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KindRole:
        return int(e.kind);
    case ErrorKindRole:
        return int(e.error);
    case ConnectionIdRole:
        return e.connectionId;
    case PayloadRole:
        return e.payload;
    case EventRole:
        return QVariant::fromValue(e);
    default:
        break;
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (ms)");
    case ConnectionColumn:
        return tr("Client");
    case CallColumn:
        return tr("Call");
    case ResultColumn:
        return tr("Result");
    case SizeColumn:
        return tr("Bytes");
    case WallTimeColumn:
        return tr("Time");
    case PeerColumn:
        return tr("Peer");
    case DirectionColumn:
        return tr("Dir.");
    case DataColumn:
        return tr("Data");
    }
    return {};
}

void TraceModel::append(const TraceEvent &event)
{
    appendBatch(QVector<TraceEvent> { event });
}

void TraceModel::appendBatch(const QVector<TraceEvent> &batch)
{
    if (batch.isEmpty())
        return;
    m_total += batch.size();
    // Only the newest m_capacity events of the batch can survive.
    const int skip = qMax(0, int(batch.size()) - m_capacity);
    const int incoming = int(batch.size()) - skip;
    const int overflow = qMax(0, m_count + incoming - m_capacity);
    const qint64 droppedBefore = m_dropped;
    m_dropped += skip;

    if (overflow > 0) {
        // Remove the oldest rows first, as a log model should, then insert.
        beginRemoveRows({}, 0, overflow - 1);
        for (int i = 0; i < overflow; ++i)
            m_ring[size_t(physical(i))] = TraceEvent();
        m_head = (m_head + size_t(overflow)) % size_t(m_capacity);
        m_count -= overflow;
        m_dropped += overflow;
        endRemoveRows();
    }

    beginInsertRows({}, m_count, m_count + incoming - 1);
    for (int i = skip; i < batch.size(); ++i) {
        const size_t slot = (m_head + size_t(m_count)) % size_t(m_capacity);
        if (slot < m_ring.size())
            m_ring[slot] = batch[i];
        else
            m_ring.push_back(batch[i]); // still growing: slot == size()
        ++m_count;
    }
    endInsertRows();

    if (m_dropped != droppedBefore)
        emit droppedChanged(m_dropped);
}

void TraceModel::clear()
{
    beginResetModel();
    m_ring.clear();
    m_head = 0;
    m_count = 0;
    m_dropped = 0;
    m_total = 0;
    endResetModel();
    emit droppedChanged(0);
}

} // namespace swb
