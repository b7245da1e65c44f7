#pragma once
// Which console rows a person wants to see: one client or all, some kinds of event, and rows
// containing a search text; and whether the data column shows escaped text or hex.

#include <QSortFilterProxyModel>

namespace swb {

class TraceModel;

class ConsoleFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    // Groups of event kinds, as the filter menu offers them.
    enum KindGroup {
        DataKinds = 0x1, // sent and received bytes
        ConnectionKinds = 0x2, // accepted and closed
        ErrorKinds = 0x4,
        CallKinds = 0x8, // the server's own calls (socket, bind, listen, shutdown) and notes
        AllKinds = 0xf
    };

    explicit ConsoleFilterProxy(QObject *parent = nullptr);

    void setTraceModel(TraceModel *model);
    void setClient(int clientId); // 0: every client
    int client() const { return m_client; }
    void setKinds(int kindGroups);
    int kinds() const { return m_kinds; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setHex(bool hex);
    bool isHex() const { return m_hex; }
    bool isFiltering() const { return m_client != 0 || m_kinds != AllKinds || !m_search.isEmpty(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TraceModel *m_trace = nullptr;
    int m_client = 0;
    int m_kinds = AllKinds;
    QString m_search;
    bool m_hex = false;
};

} // namespace swb
