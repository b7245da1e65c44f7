#include "tracestyleproxy.h"

#include "lookup/privacy.h"
#include "theme.h"
#include "trace/tracemodel.h"

#include <QGuiApplication>

namespace swb {

TraceStyleProxy::TraceStyleProxy(QObject *parent)
    : QIdentityProxyModel(parent)
    , m_palette(QGuiApplication::palette())
{
    auto repaint = [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::DisplayRole });
    };
    connect(Privacy::instance(), &Privacy::enabledChanged, this, repaint);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, repaint);
}

void TraceStyleProxy::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::ForegroundRole, Qt::BackgroundRole });
}

QVariant TraceStyleProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        const QVariant value = QIdentityProxyModel::data(index, role);
        // Hidden addresses for screenshots: every trace table goes through here.
        if (Privacy::instance()->isEnabled() && value.userType() == QMetaType::QString)
            return Privacy::shown(value.toString());
        return value;
    }
    if (role != Qt::ForegroundRole && role != Qt::BackgroundRole)
        return QIdentityProxyModel::data(index, role);
    const auto kind = TraceKind(QIdentityProxyModel::data(index, TraceModel::KindRole).toInt());
    const auto error = ErrorKind(QIdentityProxyModel::data(index, TraceModel::ErrorKindRole).toInt());
    const bool isError = kind == TraceKind::Error || error != ErrorKind::None;
    if (role == Qt::BackgroundRole)
        return isError ? QVariant(Theme::errorBackground(m_palette)) : QVariant();
    if (isError)
        return Theme::errorColor(m_palette);
    switch (kind) {
    case TraceKind::Sent:
        return Theme::sentColor(m_palette);
    case TraceKind::Received:
        return Theme::receivedColor(m_palette);
    case TraceKind::Note:
        return Theme::noteColor(m_palette);
    case TraceKind::Opened:
    case TraceKind::Closed:
        return Theme::lifecycleColor(m_palette);
    case TraceKind::Call:
    case TraceKind::Error:
        break;
    }
    return {};
}

} // namespace swb
