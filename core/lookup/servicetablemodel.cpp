#include "servicetablemodel.h"

namespace swb {

ServiceTableModel::ServiceTableModel(std::shared_ptr<const ServiceCatalog> catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog ? std::move(catalog) : ServiceCatalog::shared())
{
}

int ServiceTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_catalog->systemEntries().size() + m_catalog->ianaEntries().size());
}

int ServiceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ServiceEntry &ServiceTableModel::entry(int row) const
{
    const QList<ServiceEntry> &system = m_catalog->systemEntries();
    return row < system.size() ? system.at(row) : m_catalog->ianaEntries().at(row - system.size());
}

QVariant ServiceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return e.name;
        case Port:
            return e.portText();
        case Protocols:
            return e.protocols.join(QStringLiteral(", "));
        case Aliases:
            return e.aliases.join(QStringLiteral(", "));
        case Description:
            return e.description;
        case Source:
            return e.source == ServiceEntry::System ? tr("system") : tr("IANA");
        }
        return {};
    case Qt::ToolTipRole:
        if (e.source == ServiceEntry::System)
            return tr("%1, line %2:\n%3").arg(m_catalog->systemPath()).arg(e.line).arg(e.rawLine);
        return tr("IANA service name and port number registry (bundled, from %1)")
            .arg(m_catalog->ianaHeader(QStringLiteral("source-package")));
    case Qt::TextAlignmentRole:
        if (index.column() == Port)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SourceRole:
        return int(e.source);
    case PortRole:
        return int(e.port);
    case LastPortRole:
        return int(e.lastPort);
    case LineRole:
        return e.line;
    case EntryRole:
        return QVariant::fromValue(e);
    }
    return {};
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Port:
        return tr("Port");
    case Protocols:
        return tr("Protocols");
    case Aliases:
        return tr("Aliases");
    case Description:
        return tr("Description");
    case Source:
        return tr("Source");
    }
    return {};
}

} // namespace swb
