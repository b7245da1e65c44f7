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
// Presentation mode: the font scale in percent (100 = off), the size Ctrl+Shift+P turns on, and high
// contrast, remembered separately for presentation mode (on unless turned off) and the normal view.
inline QString presentationScaleKey()
{
    return QStringLiteral("view/presentationScale");
}
inline QString presentationLastScaleKey()
{
    return QStringLiteral("view/presentationLastScale");
}
inline QString presentationHighContrastKey()
{
    return QStringLiteral("view/presentationHighContrast");
}
inline QString highContrastKey()
{
    return QStringLiteral("view/highContrast");
}

// Puts host first in the recent hosts list (no duplicates, at most kMaxRecentHosts) and returns the list.
QStringList rememberHost(const QString &host);
QStringList recentHosts();

} // namespace swb::AppSettings
