#pragma once
// Type-ahead over a ServiceTableModel: "123" finds the rows for port 123, "ntp" or "www" the names and
// aliases that start with or contain it, "time" also descriptions; best matches first. The search is
// case-insensitive, though the lookups themselves are not.

#include <QSortFilterProxyModel>

#include <vector>

namespace swb {

class ServiceTableModel;

class ServiceFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ServiceFilterProxy(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *model) override;

    // "" shows every row. A number matches the port exactly (ranges included); other text matches a name
    // or alias (prefix or substring) or a description (substring). "53/udp" or "http/tcp" also narrows
    // to that protocol.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // "", "tcp", "udp" (or "sctp", "dccp" for IANA rows).
    void setProtocol(const QString &protocol);
    QString protocol() const { return m_protocol; }
    void setShowSystem(bool show);
    void setShowIana(bool show);

    // How well a source row matches the search: 0 best (exact name, or the port), -1 no match.
    int matchRank(int sourceRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Better matches first, then the column's own order (ports numerically), then system before IANA.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refresh();
    const ServiceTableModel *services() const;

    QString m_search;
    QString m_protocol;
    QString m_text; // the search without a "/protocol" suffix
    QString m_textProtocol; // that suffix
    int m_port = -1; // when the search is a number
    bool m_showSystem = true;
    bool m_showIana = true;
    mutable std::vector<int> m_rankCache; // per source row; -2 = not computed for this search yet
};

} // namespace swb
