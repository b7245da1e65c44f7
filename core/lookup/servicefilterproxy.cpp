#include "servicefilterproxy.h"

#include "lookup/servicetablemodel.h"

#include <algorithm>

namespace swb {

namespace {

constexpr int kNotComputed = -2;

bool isProtocolName(const QString &text)
{
    return text == QLatin1String("tcp") || text == QLatin1String("udp") || text == QLatin1String("sctp")
        || text == QLatin1String("dccp");
}

} // namespace

ServiceFilterProxy::ServiceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Port order, as /etc/services lists them, until the view asks for another column.
    sort(ServiceTableModel::Port, Qt::AscendingOrder);
}

void ServiceFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_rankCache.clear();
    QSortFilterProxyModel::setSourceModel(model);
}

const ServiceTableModel *ServiceFilterProxy::services() const
{
    return qobject_cast<const ServiceTableModel *>(sourceModel());
}

void ServiceFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    m_text = trimmed;
    m_textProtocol.clear();
    const int slash = int(trimmed.lastIndexOf(QLatin1Char('/')));
    if (slash >= 0 && isProtocolName(trimmed.mid(slash + 1).toLower())) {
        m_text = trimmed.left(slash);
        m_textProtocol = trimmed.mid(slash + 1).toLower();
    }
    m_port = -1;
    bool digits = !m_text.isEmpty() && m_text.size() <= 5;
    for (const QChar c : std::as_const(m_text))
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (digits && m_text.toInt() <= 65535)
        m_port = m_text.toInt();
    refresh();
}

void ServiceFilterProxy::setProtocol(const QString &protocol)
{
    if (protocol == m_protocol)
        return;
    m_protocol = protocol;
    refresh();
}

void ServiceFilterProxy::setShowSystem(bool show)
{
    if (show == m_showSystem)
        return;
    m_showSystem = show;
    refresh();
}

void ServiceFilterProxy::setShowIana(bool show)
{
    if (show == m_showIana)
        return;
    m_showIana = show;
    refresh();
}

void ServiceFilterProxy::refresh()
{
    m_rankCache.clear();
    // The ranks decide the order as well as the rows, so both are redone.
    invalidate();
}

int ServiceFilterProxy::matchRank(int sourceRow) const
{
    const ServiceTableModel *model = services();
    if (!model || sourceRow < 0 || sourceRow >= model->rowCount())
        return -1;
    if (m_rankCache.size() != size_t(model->rowCount()))
        m_rankCache.assign(size_t(model->rowCount()), kNotComputed);
    int &cached = m_rankCache[size_t(sourceRow)];
    if (cached != kNotComputed)
        return cached;

    const ServiceEntry &e = model->entry(sourceRow);
    cached = -1;
    if ((e.source == ServiceEntry::System && !m_showSystem) || (e.source == ServiceEntry::Iana && !m_showIana))
        return cached;
    if (!m_protocol.isEmpty() && !e.protocols.contains(m_protocol))
        return cached;
    if (!m_textProtocol.isEmpty() && !e.protocols.contains(m_textProtocol))
        return cached;
    if (m_text.isEmpty()) {
        cached = 0;
        return cached;
    }
    if (m_port >= 0) {
        cached = e.coversPort(quint16(m_port)) ? 0 : -1;
        return cached;
    }
    constexpr auto ci = Qt::CaseInsensitive;
    auto best = [&](int rank) { cached = cached < 0 ? rank : std::min(cached, rank); };
    if (e.name.compare(m_text, ci) == 0)
        best(0);
    else if (e.name.startsWith(m_text, ci))
        best(2);
    else if (e.name.contains(m_text, ci))
        best(4);
    for (const QString &alias : e.aliases) {
        if (alias.compare(m_text, ci) == 0)
            best(1);
        else if (alias.startsWith(m_text, ci))
            best(3);
        else if (alias.contains(m_text, ci))
            best(5);
    }
    if (cached < 0 && e.description.contains(m_text, ci))
        best(6);
    return cached;
}

bool ServiceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && matchRank(sourceRow) >= 0;
}

bool ServiceFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const ServiceTableModel *model = services();
    if (!model)
        return QSortFilterProxyModel::lessThan(left, right);
    const int l = left.row();
    const int r = right.row();
    const int rankL = matchRank(l);
    const int rankR = matchRank(r);
    // Best matches stay on top whichever way the column is sorted.
    if (rankL != rankR)
        return (sortOrder() == Qt::AscendingOrder) == (rankL < rankR);
    const ServiceEntry &a = model->entry(l);
    const ServiceEntry &b = model->entry(r);
    int c = 0;
    switch (left.column()) {
    case ServiceTableModel::Port:
        c = int(a.port) - int(b.port);
        break;
    case ServiceTableModel::Name:
    case ServiceTableModel::Protocols:
    case ServiceTableModel::Aliases:
    case ServiceTableModel::Description:
    case ServiceTableModel::Source:
        c = left.data().toString().compare(right.data().toString(), Qt::CaseInsensitive);
        break;
    default:
        break;
    }
    if (c == 0)
        c = int(a.source) - int(b.source);
    if (c == 0)
        c = int(a.port) - int(b.port);
    if (c == 0)
        c = l - r;
    return c < 0;
}

} // namespace swb
