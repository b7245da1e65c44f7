#include "server/connectionmodel.h"

#include "server/listenserver.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <climits>

namespace swb {

namespace {

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("ConnectionModel", "%1 ms").arg(ms);
    if (ms < 60000)
        return QCoreApplication::translate("ConnectionModel", "%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QCoreApplication::translate("ConnectionModel", "%1 min %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("ConnectionModel", "%1 h %2 min")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

bool isReset(const TraceEvent &e)
{
    return e.kind == TraceKind::Error
        && (e.result == QLatin1String("ECONNRESET") || e.result == QLatin1String("EPIPE"));
}

} // namespace

ConnectionModel::ConnectionModel(Transport transport, QObject *parent)
    : QAbstractTableModel(parent)
    , m_transport(transport)
{
    m_clock.start();
}

void ConnectionModel::setRetention(int retentionMs, int maxClosedRows)
{
    m_retentionMs = qMax(0, retentionMs);
    m_maxClosedRows = qMax(0, maxClosedRows);
    prune();
}

QString ConnectionModel::stateText(State state)
{
    switch (state) {
    case State::Open:
        return tr("open");
    case State::PeerHalfClosed:
        return tr("half-closed by client");
    case State::ServerHalfClosed:
        return tr("half-closed by server");
    case State::ClosedByPeer:
        return tr("closed by client");
    case State::ClosedByServer:
        return tr("closed by server");
    case State::Reset:
        return tr("reset");
    case State::Refused:
        return tr("refused (client limit)");
    case State::Sender:
        return tr("sender");
    }
    return {};
}

bool ConnectionModel::isClosed(const Row &row) const
{
    return row.closedAtMs >= 0;
}

int ConnectionModel::clientAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : 0;
}

ConnectionModel::State ConnectionModel::stateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].state : State::Open;
}

bool ConnectionModel::isClosedAt(int row) const
{
    return row >= 0 && row < m_rows.size() && isClosed(m_rows[row]);
}

QVector<int> ConnectionModel::openClients() const
{
    QVector<int> ids;
    for (const Row &row : m_rows) {
        if (!isClosed(row))
            ids.append(row.id);
    }
    return ids;
}

int ConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QStringLiteral("#%1").arg(row.id);
        case PeerColumn:
            return row.peer.toString();
        case LocalColumn:
            return row.local.toString();
        case OpenedColumn:
            return row.openedWall.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case DurationColumn: {
            qint64 ms = 0;
            if (isClosed(row) || m_transport == Transport::Udp)
                ms = (row.lastNs - row.openedNs) / 1000000;
            else
                ms = row.openedWall.msecsTo(QDateTime::currentDateTimeUtc());
            return durationText(qMax<qint64>(0, ms));
        }
        case BytesInColumn:
            return row.bytesIn;
        case BytesOutColumn:
            return row.bytesOut;
        case DatagramsColumn:
            return QStringLiteral("%1 / %2").arg(row.datagramsIn).arg(row.datagramsOut);
        case StateColumn:
            return stateText(row.state);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == BytesInColumn || index.column() == BytesOutColumn || index.column() == IdColumn
            || index.column() == DurationColumn || index.column() == DatagramsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && row.state == State::Reset)
            return tr("The connection ended with a reset (RST): the client's program ended without closing, or "
                      "closed while data was unread.");
        if (index.column() == StateColumn && row.state == State::PeerHalfClosed)
            return tr("The client called shutdown(SHUT_WR) or close(): it sends nothing more, but may still read.");
        break;
    case ClientIdRole:
        return row.id;
    case StateRole:
        return int(row.state);
    case ClosedRole:
        return isClosed(row);
    default:
        break;
    }
    return {};
}

QVariant ConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool udp = m_transport == Transport::Udp;
    switch (section) {
    case IdColumn:
        return udp ? tr("Sender") : tr("Client");
    case PeerColumn:
        return udp ? tr("Sender address") : tr("Client address");
    case LocalColumn:
        return tr("Server address");
    case OpenedColumn:
        return udp ? tr("First seen") : tr("Opened at");
    case DurationColumn:
        return udp ? tr("Active for") : tr("Duration");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    case DatagramsColumn:
        return tr("Datagrams in / out");
    case StateColumn:
        return tr("State");
    }
    return {};
}

ConnectionModel::Row *ConnectionModel::rowFor(int id)
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.cend() ? nullptr : &m_rows[*it];
}

void ConnectionModel::addEvents(const QVector<TraceEvent> &events)
{
    // Count the rows this batch adds first, so the view hears of one insertion for the whole batch.
    QSet<int> newIds;
    for (const TraceEvent &e : events) {
        if (e.connectionId <= 0 || m_rowById.contains(e.connectionId))
            continue;
        const bool opens = m_transport == Transport::Tcp ? e.kind == TraceKind::Opened
                                                         : e.kind == TraceKind::Received && e.remote.isValid();
        if (opens)
            newIds.insert(e.connectionId);
    }
    const int oldCount = int(m_rows.size());
    if (!newIds.isEmpty())
        beginInsertRows({}, oldCount, oldCount + int(newIds.size()) - 1);
    int firstChanged = INT_MAX;
    int lastChanged = -1;
    for (const TraceEvent &e : events)
        apply(e, &firstChanged, &lastChanged);
    if (!newIds.isEmpty())
        endInsertRows();
    lastChanged = qMin(lastChanged, oldCount - 1);
    if (firstChanged <= lastChanged)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (m_closedRows > m_maxClosedRows || (m_transport == Transport::Udp && m_rows.size() > kMaxSenderRows))
        prune();
    if (!events.isEmpty())
        emit countersChanged();
}

void ConnectionModel::apply(const TraceEvent &e, int *firstChanged, int *lastChanged)
{
    const bool bytes = e.kind == TraceKind::Sent || e.kind == TraceKind::Received;
    if (bytes && e.size > 0) {
        (e.kind == TraceKind::Received ? m_counters.bytesIn : m_counters.bytesOut) += e.size;
    }
    if (bytes && (e.call == QLatin1String("recvfrom") || e.call == QLatin1String("sendto")))
        ++(e.kind == TraceKind::Received ? m_counters.datagramsIn : m_counters.datagramsOut);
    if (e.kind == TraceKind::Note && e.call == ListenServer::lossyDropCall())
        ++m_counters.datagramsDropped;
    if (e.connectionId <= 0)
        return;
    if (e.kind == TraceKind::Opened)
        ++m_counters.accepted;

    Row *row = rowFor(e.connectionId);
    if (!row) {
        const bool opens = m_transport == Transport::Tcp ? e.kind == TraceKind::Opened
                                                         : e.kind == TraceKind::Received && e.remote.isValid();
        if (!opens) {
            if (e.kind == TraceKind::Closed)
                ++m_counters.closed; // a row already gone: still counted
            return;
        }
        Row fresh;
        fresh.id = e.connectionId;
        fresh.peer = e.remote;
        fresh.local = e.local;
        fresh.openedWall = e.wallTime;
        fresh.openedNs = e.atNs;
        fresh.lastNs = e.atNs;
        fresh.state = m_transport == Transport::Tcp ? State::Open : State::Sender;
        m_rowById.insert(fresh.id, int(m_rows.size()));
        m_rows.append(fresh);
        if (m_transport == Transport::Tcp) {
            ++m_counters.clientsNow;
            ++m_counters.clientsTotal;
        } else {
            ++m_counters.senders;
        }
        row = &m_rows.last();
        if (m_transport == Transport::Tcp)
            return; // the accept itself
    }
    // A closed TCP row keeps how the client ended: a note that crossed the close (an operator's command
    // for a client just gone) must not stretch its duration.
    if (m_transport == Transport::Tcp && isClosed(*row))
        return;
    const int rowIndex = int(row - m_rows.data());
    *firstChanged = qMin(*firstChanged, rowIndex);
    *lastChanged = qMax(*lastChanged, rowIndex);
    row->lastNs = e.atNs;

    switch (e.kind) {
    case TraceKind::Received:
        row->bytesIn += e.size;
        if (m_transport == Transport::Udp) {
            ++row->datagramsIn;
        } else if (e.size == 0 && e.call == QLatin1String("recv") && !isClosed(*row)) {
            if (!row->serverFin)
                row->peerFinFirst = true;
            if (row->state == State::Open)
                row->state = State::PeerHalfClosed;
        }
        break;
    case TraceKind::Sent:
        row->bytesOut += e.size;
        if (m_transport == Transport::Udp)
            ++row->datagramsOut;
        break;
    case TraceKind::Call:
        if (e.call == QLatin1String("shutdown")) {
            row->serverFin = true;
            if (row->state == State::Open)
                row->state = State::ServerHalfClosed;
        }
        break;
    case TraceKind::Error:
        if (isReset(e))
            row->reset = true;
        break;
    case TraceKind::Closed:
        if (isClosed(*row) || m_transport == Transport::Udp)
            break;
        ++m_counters.closed;
        --m_counters.clientsNow;
        ++m_closedRows;
        row->closedAtMs = m_clock.elapsed();
        if (e.error == ErrorKind::Local && row->bytesIn == 0 && row->bytesOut == 0 && !row->serverFin) {
            row->state = State::Refused;
            ++m_counters.refused;
            --m_counters.clientsTotal;
        } else if (row->reset) {
            row->state = State::Reset;
        } else if (row->peerFinFirst) {
            row->state = State::ClosedByPeer;
        } else {
            row->state = State::ClosedByServer;
        }
        break;
    case TraceKind::Opened:
    case TraceKind::Note:
        break;
    }
}

void ConnectionModel::tick()
{
    prune();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, DurationColumn), index(int(m_rows.size()) - 1, DurationColumn));
}

void ConnectionModel::prune()
{
    if (m_rows.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    QVector<bool> remove(m_rows.size(), false);
    bool any = false;
    if (m_transport == Transport::Tcp) {
        int excess = m_closedRows - m_maxClosedRows;
        QVector<int> kept; // closed rows still within their retention
        for (int i = 0; i < m_rows.size(); ++i) {
            const Row &row = m_rows[i];
            if (!isClosed(row))
                continue;
            if (now - row.closedAtMs >= m_retentionMs) {
                remove[i] = true;
                any = true;
                --excess;
            } else {
                kept.append(i);
            }
        }
        // Over the cap, the rows closed longest ago go, not the first in the table: a client open for
        // an hour that has just closed stays to show how it ended. lastNs is when a closed row closed.
        if (excess > 0) {
            std::stable_sort(
                kept.begin(), kept.end(), [this](int a, int b) { return m_rows[a].lastNs < m_rows[b].lastNs; });
            for (int k = 0; k < excess && k < kept.size(); ++k) {
                remove[kept[k]] = true;
                any = true;
            }
        }
    } else {
        // Senders: the quietest go first when there are too many.
        const int excess = int(m_rows.size()) - kMaxSenderRows;
        if (excess > 0) {
            QVector<qint64> last;
            last.reserve(m_rows.size());
            for (const Row &row : std::as_const(m_rows))
                last.append(row.lastNs);
            std::nth_element(last.begin(), last.begin() + (excess - 1), last.end());
            const qint64 cutoff = last[excess - 1];
            int left = excess;
            for (int i = 0; i < m_rows.size() && left > 0; ++i) {
                if (m_rows[i].lastNs <= cutoff) {
                    remove[i] = true;
                    any = true;
                    --left;
                }
            }
        }
    }
    if (any)
        removeRows(remove);
}

void ConnectionModel::removeRows(const QVector<bool> &remove)
{
    // From the end, one contiguous run at a time, so every signal names rows that still exist.
    int i = int(m_rows.size()) - 1;
    while (i >= 0) {
        if (!remove[i]) {
            --i;
            continue;
        }
        const int last = i;
        while (i >= 0 && remove[i])
            --i;
        const int first = i + 1;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            if (isClosed(m_rows[r]))
                --m_closedRows;
        }
        m_rows.remove(first, last - first + 1);
        rebuildIndex(); // before endRemoveRows: its listeners may look clients up
        endRemoveRows();
    }
}

void ConnectionModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, i);
}

void ConnectionModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_closedRows = 0;
    endResetModel();
}

void ConnectionModel::reset(Transport transport)
{
    beginResetModel();
    m_transport = transport;
    m_rows.clear();
    m_rowById.clear();
    m_closedRows = 0;
    m_counters = {};
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit countersChanged();
}

} // namespace swb
