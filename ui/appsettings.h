#pragma once
// The one door to persistent settings. When the environment variable SWB_NO_SETTINGS is set (the
// tests), QSettings is never touched: values live in memory for the life of the process.

#include <QString>
#include <QStringList>
#include <QVariant>

namespace swb::AppSettings {

// False when SWB_NO_SETTINGS is set.
bool isPersistent();
QVariant value(const QString &key, const QVariant &defaultValue = {});
void setValue(const QString &key, const QVariant &value);

// Keys shared by more than one place.
inline QString labEnabledKey()
{
    return QStringLiteral("lab/enabled");
}
inline QString recentHostsKey()
{
    return QStringLiteral("connect/recentHosts");
}
constexpr int kMaxRecentHosts = 10;
inline QString hideAddressesKey()
{
    return QStringLiteral("view/hideAddresses");
}

// Puts host first in the recent hosts list (no duplicates, at most kMaxRecentHosts) and returns the list.
QStringList rememberHost(const QString &host);
QStringList recentHosts();

} // namespace swb::AppSettings
