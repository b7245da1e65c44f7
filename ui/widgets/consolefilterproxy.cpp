#include "consolefilterproxy.h"

#include "trace/consoleformat.h"
#include "trace/tracemodel.h"

namespace swb {

namespace {

int groupOf(TraceKind kind)
{
    switch (kind) {
    case TraceKind::Sent:
    case TraceKind::Received:
        return ConsoleFilterProxy::DataKinds;
    case TraceKind::Opened:
    case TraceKind::Closed:
        return ConsoleFilterProxy::ConnectionKinds;
    case TraceKind::Error:
        return ConsoleFilterProxy::ErrorKinds;
    case TraceKind::Call:
    case TraceKind::Note:
        break;
    }
    return ConsoleFilterProxy::CallKinds;
}

} // namespace

ConsoleFilterProxy::ConsoleFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ConsoleFilterProxy::setTraceModel(TraceModel *model)
{
    m_trace = model;
    setSourceModel(model);
}

void ConsoleFilterProxy::setClient(int clientId)
{
    if (m_client == clientId)
        return;
    m_client = clientId;
    invalidateRowsFilter();
}

void ConsoleFilterProxy::setKinds(int kindGroups)
{
    if (m_kinds == kindGroups)
        return;
    m_kinds = kindGroups;
    invalidateRowsFilter();
}

void ConsoleFilterProxy::setSearchText(const QString &text)
{
    if (m_search == text)
        return;
    m_search = text;
    invalidateRowsFilter();
}

void ConsoleFilterProxy::setHex(bool hex)
{
    if (m_hex == hex)
        return;
    m_hex = hex;
    if (!m_search.isEmpty())
        invalidateRowsFilter(); // the search looks at the data as shown
    if (rowCount() > 0)
        emit dataChanged(index(0, TraceModel::DataColumn), index(rowCount() - 1, TraceModel::DataColumn));
}

QVariant ConsoleFilterProxy::data(const QModelIndex &index, int role) const
{
    if (m_hex && m_trace && index.column() == TraceModel::DataColumn && role == Qt::DisplayRole)
        return ConsoleFormat::data(m_trace->eventAt(mapToSource(index).row()), true);
    if (role == Qt::ToolTipRole && m_trace && index.isValid())
        return ConsoleFormat::line(m_trace->eventAt(mapToSource(index).row()), m_hex);
    return QSortFilterProxyModel::data(index, role);
}

bool ConsoleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_trace || sourceParent.isValid())
        return true;
    if (!isFiltering())
        return true;
    const TraceEvent &e = m_trace->eventAt(sourceRow);
    if (m_client != 0 && e.connectionId != m_client)
        return false;
    if (!(groupOf(e.kind) & m_kinds))
        return false;
    if (m_search.isEmpty())
        return true;
    const auto has = [this](const QString &text) { return text.contains(m_search, Qt::CaseInsensitive); };
    return has(e.callText()) || has(e.result) || (e.remote.isValid() && has(e.remote.toString()))
        || has(ConsoleFormat::data(e, m_hex)) || has(ConsoleFormat::client(e));
}

} // namespace swb
