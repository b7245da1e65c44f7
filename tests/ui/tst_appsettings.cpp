// Settings go through one helper that never touches QSettings when SWB_NO_SETTINGS is set.

#include "appsettings.h"

#include <QtTest>

using namespace swb;

class TestAppSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void inMemoryWhenDisabled();
    void recentHostsAreDedupedAndCapped();
};

void TestAppSettings::initTestCase()
{
    // ctest sets it; make the test safe to run by hand too.
    QVERIFY2(!qEnvironmentVariableIsEmpty("SWB_NO_SETTINGS"), "run with SWB_NO_SETTINGS=1 (ctest sets it)");
}

void TestAppSettings::inMemoryWhenDisabled()
{
    QVERIFY(!AppSettings::isPersistent());
    QCOMPARE(AppSettings::value(QStringLiteral("test/missing"), 7).toInt(), 7);
    AppSettings::setValue(QStringLiteral("lab/enabled"), false);
    QCOMPARE(AppSettings::value(AppSettings::labEnabledKey(), true).toBool(), false);
}

void TestAppSettings::recentHostsAreDedupedAndCapped()
{
    for (int i = 0; i < 15; ++i)
        AppSettings::rememberHost(QStringLiteral("host%1").arg(i));
    AppSettings::rememberHost(QStringLiteral(" host10 "));
    const QStringList hosts = AppSettings::recentHosts();
    QCOMPARE(hosts.size(), AppSettings::kMaxRecentHosts);
    QCOMPARE(hosts.first(), QStringLiteral("host10"));
    QCOMPARE(hosts.at(1), QStringLiteral("host14"));
    QCOMPARE(hosts.count(QStringLiteral("host10")), 1);
    QVERIFY(!hosts.contains(QStringLiteral("host0")));
    AppSettings::rememberHost(QString());
    QCOMPARE(AppSettings::recentHosts(), hosts);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
