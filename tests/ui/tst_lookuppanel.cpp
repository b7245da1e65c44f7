// The Lookup panel clicked through: services from both tables, a host name and an address resolved
// without blocking, and addresses hidden for a screenshot.

#include "lookup/privacy.h"
#include "lookup/servicefilterproxy.h"
#include "panels/lookuppanel.h"
#include "widgets/codepane.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

#include <memory>

using namespace swb;

class TestLookupPanel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void servicePortFromBothTables();
    void codeFollowsTheFields();
    void unknownServiceSuggests();
    void portToName();
    void typeAheadFindsAliasesAndPorts();
    void hostNameResolves();
    void addressResolvesBackwards();
    void invalidHostIsAUsageError();
    void localFactsAndPrivacy();
    void addressTools_data();
    void addressTools();
    void addressToolErrorsSayWhy();
    void grabsForReview();

private:
    template<typename T> T *child(const char *name)
    {
        T *widget = m_panel->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    QString text(const char *name) { return child<QLabel>(name)->text(); }
    void lookUp(const QString &service, int protocolIndex = 0);

    std::unique_ptr<LookupPanel> m_panel;
};

void TestLookupPanel::init()
{
    Privacy::instance()->setEnabled(false);
    m_panel = std::make_unique<LookupPanel>();
    m_panel->resize(1000, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestLookupPanel::cleanup()
{
    m_panel.reset();
    Privacy::instance()->setEnabled(false);
}

void TestLookupPanel::lookUp(const QString &service, int protocolIndex)
{
    child<QLineEdit>("serviceEdit")->setText(service);
    child<QComboBox>("serviceProtocolCombo")->setCurrentIndex(protocolIndex);
    QTest::mouseClick(child<QPushButton>("serviceLookUpButton"), Qt::LeftButton);
}

void TestLookupPanel::servicePortFromBothTables()
{
    lookUp(QStringLiteral("http"));
    QCOMPARE(text("systemCallLabel"), QStringLiteral("getservbyname(\"http\", NULL)"));
    QVERIFY(text("systemServiceResult").contains(QLatin1String("<b>80</b>")));
    QVERIFY(text("systemServiceLine").contains(QLatin1String("/etc/services line")));
    QVERIFY(text("ianaServiceResult").contains(QLatin1String("80/tcp")));
    QVERIFY(text("serviceNotes").contains(QLatin1String("tcp")));
    QVERIFY(!child<QLabel>("serviceError")->isVisible());
}

void TestLookupPanel::unknownServiceSuggests()
{
    lookUp(QStringLiteral("htpp"));
    QVERIFY(child<QLabel>("serviceError")->isVisible());
    QVERIFY(text("serviceError").contains(QLatin1String("Usage")));
    QVERIFY(text("serviceError").contains(QLatin1String("http")));
}

void TestLookupPanel::portToName()
{
    lookUp(QStringLiteral("53"), 2); // udp
    QCOMPARE(text("systemCallLabel"), QStringLiteral("getservbyport(htons(53), \"udp\")"));
    QVERIFY(text("systemServiceResult").contains(QLatin1String("domain")));
}

void TestLookupPanel::typeAheadFindsAliasesAndPorts()
{
    auto *table = child<QTableView>("serviceTable");
    auto *search = child<QLineEdit>("serviceSearchEdit");
    const int all = table->model()->rowCount();
    QVERIFY(all > 1000);
    for (const QString &term : { QStringLiteral("ntp"), QStringLiteral("123"), QStringLiteral("www") }) {
        search->setText(term);
        QTRY_VERIFY(table->model()->rowCount() < all);
        QVERIFY2(table->model()->rowCount() > 0, qPrintable(term));
    }
    search->setText(QStringLiteral("123"));
    QTRY_COMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("123"));
    QVERIFY(text("serviceSearchCount").contains(QLatin1String(" of ")));
}

void TestLookupPanel::hostNameResolves()
{
    QSignalSpy finished(m_panel->hostLookup(), &HostLookup::nameLookupFinished);
    const int id = m_panel->lookUpHost(QStringLiteral("localhost"));
    QVERIFY(id > 0);
    QTRY_COMPARE(finished.size(), 1);
    auto *table = child<QTableWidget>("addrInfoTable");
    QVERIFY(table->rowCount() > 0);
    QStringList addresses;
    for (int row = 0; row < table->rowCount(); ++row)
        addresses << table->item(row, 3)->text();
    QVERIFY2(addresses.contains(QStringLiteral("127.0.0.1")), qPrintable(addresses.join(u' ')));
    QVERIFY(text("hostPythonLabel").contains(QLatin1String("gethostbyname_ex('localhost')")));
}

void TestLookupPanel::addressResolvesBackwards()
{
    QSignalSpy finished(m_panel->hostLookup(), &HostLookup::addressLookupFinished);
    m_panel->lookUpHost(QStringLiteral("127.0.0.1"));
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(text("hostLookupCall").startsWith(QLatin1String("getnameinfo(127.0.0.1")));
    QVERIFY(text("hostPythonLabel").contains(QLatin1String("localhost")));
}

void TestLookupPanel::invalidHostIsAUsageError()
{
    QSignalSpy finished(m_panel->hostLookup(), &HostLookup::nameLookupFinished);
    child<QLineEdit>("hostLookupEdit")->setText(QStringLiteral("no such host"));
    QTest::mouseClick(child<QPushButton>("hostLookUpButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!child<QLabel>("hostLookupError")->isHidden()); // on a tab not shown
    QVERIFY(text("hostLookupError").contains(QLatin1String("Usage")));
}

void TestLookupPanel::localFactsAndPrivacy()
{
    QTRY_VERIFY(text("localHostLabel").contains(QLatin1String("gethostname()")));
    auto *interfaces = child<QTableWidget>("interfaceTable");
    QVERIFY(interfaces->rowCount() > 0);
    Privacy::instance()->setHostNames({ QStringLiteral("classroom-pc.school.example") });
    m_panel->hostLookup()->setLocalResolver([] {
        LocalHostResult r;
        r.hostName = QStringLiteral("classroom-pc");
        r.fqdn = QStringLiteral("classroom-pc.school.example");
        r.hasIPv6 = true;
        InterfaceInfo eth;
        eth.name = QStringLiteral("eth0");
        eth.index = 2;
        InterfaceAddress a;
        a.address = QStringLiteral("192.168.1.23");
        a.netmask = QStringLiteral("255.255.255.0");
        a.prefixLength = 24;
        eth.addresses << a;
        r.interfaces << eth;
        return r;
    });
    QTest::mouseClick(child<QPushButton>("localHostRefreshButton"), Qt::LeftButton);
    QTRY_VERIFY(text("localHostLabel").contains(QLatin1String("classroom-pc")));
    QCOMPARE(interfaces->item(0, 2)->text(), QStringLiteral("192.168.1.23"));
    Privacy::instance()->setEnabled(true);
    QVERIFY(!text("localHostLabel").contains(QLatin1String("classroom-pc")));
    QVERIFY(!interfaces->item(0, 2)->text().contains(QLatin1String("192.168")));
    QCOMPARE(interfaces->item(0, 3)->text(), QStringLiteral("255.255.255.0 (/24)")); // netmasks stay
    Privacy::instance()->setEnabled(false);
    QVERIFY(text("localHostLabel").contains(QLatin1String("classroom-pc")));
    Privacy::instance()->useSystemHostNames();
}

void TestLookupPanel::addressTools_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("inet_pton v6") << "inet_pton"
                                  << "::1" << QStringList { "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01" };
    QTest::newRow("inet_aton short form") << "inet_aton"
                                          << "127.1" << QStringList { "127.0.0.1", "2130706433" };
    // The bytes are cells of a table: as plain text, one after the other.
    QTest::newRow("htons") << "htons"
                           << "0x1234" << QStringList { "little-endian) 34 12", "big-endian) 12 34", "13330" };
    QTest::newRow("getprotobyname") << "getprotobyname"
                                    << "udp" << QStringList { "17" };
    QTest::newRow("mapped") << "IPv4-mapped IPv6"
                            << "127.0.0.1" << QStringList { "::ffff:127.0.0.1" };
    QTest::newRow("inet_ntoa") << "inet_ntoa"
                               << "c0 a8 00 01" << QStringList { "192.168.0.1" };
}

void TestLookupPanel::addressTools()
{
    QFETCH(QString, call);
    QFETCH(QString, input);
    QFETCH(QStringList, shown);
    m_panel->runAddressTool(call, input);
    QVERIFY(child<QLabel>("addressToolError")->isHidden());
    QTextDocument document;
    document.setHtml(text("addressToolResult"));
    const QString result = document.toPlainText().simplified(); // table cells as words
    for (const QString &s : shown)
        QVERIFY2(result.contains(s), qPrintable(result));
}

void TestLookupPanel::addressToolErrorsSayWhy()
{
    m_panel->runAddressTool(QStringLiteral("inet_pton"), QString());
    child<QComboBox>("addressToolFamilyCombo")->setCurrentIndex(1); // AF_INET
    child<QLineEdit>("addressToolEdit")->setText(QStringLiteral("10.300.0.1"));
    QVERIFY(!child<QLabel>("addressToolError")->isHidden());
    QVERIFY2(text("addressToolError").contains(QLatin1String("300")), qPrintable(text("addressToolError")));
    QVERIFY(text("addressToolResult").isEmpty());
}

void TestLookupPanel::codeFollowsTheFields()
{
    auto *code = m_panel->findChild<CodePane *>(QStringLiteral("codePane"));
    QVERIFY(code);
    auto *service = m_panel->findChild<QLineEdit *>(QStringLiteral("serviceEdit"));
    auto *host = m_panel->findChild<QLineEdit *>(QStringLiteral("hostLookupEdit"));
    service->setText(QStringLiteral("ntp"));
    QVERIFY2(code->python().contains(QLatin1String("service = 'ntp'")), qPrintable(code->python()));
    QVERIFY(code->python().contains(QLatin1String("socket.getservbyname(service)")));
    service->setText(QStringLiteral("53"));
    QVERIFY(code->python().contains(QLatin1String("socket.getservbyport(port)")));
    host->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(code->python().contains(QLatin1String("socket.gethostbyaddr(host)")));
    host->setText(QStringLiteral("localhost"));
    QVERIFY(code->python().contains(QLatin1String("socket.getaddrinfo(host, None, socket.AF_UNSPEC)")));
    QVERIFY(code->cpp().contains(QLatin1String("QHostInfo::lookupHost")));
    host->clear();
    QVERIFY(code->python().startsWith(QLatin1String("# No program")));
}

void TestLookupPanel::grabsForReview()
{
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    lookUp(QStringLiteral("ntp"));
    child<QLineEdit>("serviceSearchEdit")->setText(QStringLiteral("time"));
    QTest::qWait(300);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/lookup-services.png")));
    child<QTabWidget>("lookupTabs")->setCurrentIndex(1);
    QSignalSpy finished(m_panel->hostLookup(), &HostLookup::nameLookupFinished);
    m_panel->lookUpHost(QStringLiteral("localhost"));
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/lookup-hosts.png")));
    child<QTabWidget>("lookupTabs")->setCurrentIndex(2);
    m_panel->runAddressTool(QStringLiteral("htons"), QStringLiteral("0x1234"));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/lookup-tools.png")));
}

QTEST_MAIN(TestLookupPanel)
#include "tst_lookuppanel.moc"
