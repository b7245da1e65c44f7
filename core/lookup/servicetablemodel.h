#pragma once
// Every row of both service tables, this system's /etc/services and the bundled IANA registry, for the
// Lookup panel's table; ServiceFilterProxy adds the type-ahead search.

#include "lookup/servicecatalog.h"

#include <QAbstractTableModel>

#include <memory>

namespace swb {

class ServiceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Port, Protocols, Aliases, Description, Source, ColumnCount };
    enum Role {
        SourceRole = Qt::UserRole + 1, // ServiceEntry::Source as int
        PortRole, // first port, as int (sorting)
        LastPortRole, // last port of a range, as int
        LineRole, // line in /etc/services (system) or the bundled table (IANA)
        EntryRole, // the whole ServiceEntry
    };

    // The rows are the catalog's, which parses its tables on first use; the model keeps it alive.
    explicit ServiceTableModel(
        std::shared_ptr<const ServiceCatalog> catalog = ServiceCatalog::shared(), QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows 0..system-1 are /etc/services in file order, then IANA's rows in file order.
    const ServiceEntry &entry(int row) const;
    const ServiceCatalog &catalog() const { return *m_catalog; }

private:
    std::shared_ptr<const ServiceCatalog> m_catalog;
};

} // namespace swb
