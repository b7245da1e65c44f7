#pragma once
// Colours the rows of a TraceModel by event kind (errors red, sent and received bytes in their own
// colours) for the views; the model in core only says what each row is.

#include <QIdentityProxyModel>
#include <QPalette>

namespace swb {

class TraceStyleProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit TraceStyleProxy(QObject *parent = nullptr);

    // The palette the colours are chosen for (light or dark).
    void setPalette(const QPalette &palette);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QPalette m_palette;
};

} // namespace swb
