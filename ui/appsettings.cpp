#include "appsettings.h"

#include <QHash>
#include <QSettings>

namespace swb::AppSettings {

namespace {
// Used instead of QSettings when settings must not persist; GUI thread only, like QSettings use here.
QHash<QString, QVariant> &memoryStore()
{
    static QHash<QString, QVariant> store;
    return store;
}
} // namespace

bool isPersistent()
{
    static const bool persistent = qEnvironmentVariableIsEmpty("SWB_NO_SETTINGS");
    return persistent;
}

QVariant value(const QString &key, const QVariant &defaultValue)
{
    if (!isPersistent())
        return memoryStore().value(key, defaultValue);
    return QSettings().value(key, defaultValue);
}

void setValue(const QString &key, const QVariant &value)
{
    if (!isPersistent()) {
        memoryStore().insert(key, value);
        return;
    }
    QSettings().setValue(key, value);
}

QStringList recentHosts()
{
    return value(recentHostsKey()).toStringList();
}

QStringList rememberHost(const QString &host)
{
    QStringList hosts = recentHosts();
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty())
        return hosts;
    hosts.removeAll(trimmed);
    hosts.prepend(trimmed);
    while (hosts.size() > kMaxRecentHosts)
        hosts.removeLast();
    setValue(recentHostsKey(), hosts);
    return hosts;
}

} // namespace swb::AppSettings
