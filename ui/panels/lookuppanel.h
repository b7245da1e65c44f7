#pragma once
// "Lookup": what the socket module's lookup functions return. Services: a service name or port
// answered by this system (getservbyname / getservbyport and the /etc/services line that matched)
// beside the bundled IANA registry, with a type-ahead table over both.

#include "learn/transcript.h"
#include "lookup/hostlookup.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace swb {

class CodePane;
class ServiceFilterProxy;
class ServiceTableModel;
struct ServiceLookup;

class LookupPanel : public QWidget {
    Q_OBJECT
public:
    explicit LookupPanel(QWidget *parent = nullptr);
    ~LookupPanel() override;
    // What the shown page (services, hosts or address tools) last found, for File › Save Transcript;
    // empty when it has found nothing yet. The page is the last one used when the Code tab is shown.
    Q_INVOKABLE swb::Transcript transcript() const;
    // A host lookup is running (rebuilding the panel would drop its answer).
    Q_INVOKABLE bool isBusy() const;

    // What the Look up button does, for tests and the table's double-click.
    void updateCode();
    void lookUpService(const QString &nameOrPort, const QString &protocol = {});
    // The address tool by its call name ("inet_pton", "htons", ...) run on text, as the form does.
    void runAddressTool(const QString &call, const QString &text);
    // A host name (getaddrinfo) or a numeric address (getnameinfo); returns the request id.
    int lookUpHost(const QString &nameOrAddress);
    HostLookup *hostLookup() const { return m_hostLookup; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildServicesTab();
    QWidget *buildHostsTab();
    QWidget *buildToolsTab();
    void updateTool();
    void applyFonts();
    void showServiceResult(const ServiceLookup &result);
    void showNameResult();
    void showAddressResult();
    void showLocalHost();
    void showHostError(const SessionError &error, const ResolverError &failure);
    void updateHostControls();

    QTabWidget *m_tabs = nullptr;
    QList<QLabel *> m_headings;

    // Services
    QLineEdit *m_serviceEdit = nullptr;
    QComboBox *m_protocolCombo = nullptr;
    QPushButton *m_lookUpButton = nullptr;
    QLabel *m_serviceError = nullptr;
    QLabel *m_systemCallLabel = nullptr;
    QLabel *m_systemResult = nullptr;
    QLabel *m_systemLine = nullptr;
    QLabel *m_ianaResult = nullptr;
    QLabel *m_notesLabel = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QComboBox *m_searchProtocolCombo = nullptr;
    QLabel *m_searchCount = nullptr;
    QTableView *m_serviceTable = nullptr;
    ServiceTableModel *m_serviceModel = nullptr;
    ServiceFilterProxy *m_serviceFilter = nullptr;
    QTimer *m_searchDelay = nullptr;

    // Hosts
    HostLookup *m_hostLookup = nullptr;
    int m_hostRequest = 0;
    int m_localRequest = 0;
    std::optional<NameLookupResult> m_nameResult;
    std::optional<AddressLookupResult> m_addressResult;
    std::optional<LocalHostResult> m_localResult;
    QLineEdit *m_hostEdit = nullptr;
    QComboBox *m_familyCombo = nullptr;
    QPushButton *m_hostButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_hostState = nullptr;
    QLabel *m_hostError = nullptr;
    QLabel *m_hostCall = nullptr;
    QTableWidget *m_addrInfoTable = nullptr;
    QLabel *m_hostPython = nullptr;
    QLabel *m_localLabel = nullptr;
    QTableWidget *m_interfaceTable = nullptr;

    // Address tools
    QComboBox *m_toolCombo = nullptr;
    QComboBox *m_toolFamilyCombo = nullptr;
    QLineEdit *m_toolEdit = nullptr;
    QLabel *m_toolHint = nullptr;
    QLabel *m_toolResult = nullptr;
    QLabel *m_toolError = nullptr;
    CodePane *m_code = nullptr;
    int m_lastPage = 0; // the page of the last lookup
    // For the services page [0] and the hosts page [1]: when the last lookup ran, what it asked, and
    // the program as it was then.
    QDateTime m_lastWhen[2];
    QList<QPair<QString, QString>> m_lastRequest[2];
    QString m_lastPython[2];
};

} // namespace swb
