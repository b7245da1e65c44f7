#include "panels/lookuppanel.h"

#include "learn/equivalentcode.h"
#include "lookup/addresstools.h"
#include "lookup/privacy.h"
#include "lookup/servicecatalog.h"
#include "lookup/servicefilterproxy.h"
#include "lookup/servicetablemodel.h"
#include "net/payloadcodec.h"
#include "theme.h"
#include "widgets/codepane.h"
#include "widgets/transcriptform.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

namespace {

QString protocolsText(const ServiceEntry &e)
{
    return e.protocols.join(QLatin1Char('/'));
}

} // namespace

LookupPanel::LookupPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lookupPanel"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("lookupTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildServicesTab(), tr("Services and ports"));
    m_tabs->addTab(buildHostsTab(), tr("Hosts and addresses"));
    m_tabs->addTab(buildToolsTab(), tr("Address tools"));
    m_code = new CodePane(this);
    m_tabs->addTab(m_code, tr("Code"));
    m_tabs->setTabToolTip(3, tr("The service and host lookups above, as a Python program and as C++"));
    // The page last looked at is the one a transcript describes while the Code tab is in front.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0 && index <= 2)
            m_lastPage = index;
    });
    // The pages take the panel's whole width and height, as every other panel does.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    for (QLineEdit *edit : { m_serviceEdit, m_hostEdit })
        connect(edit, &QLineEdit::textChanged, this, &LookupPanel::updateCode);
    for (QComboBox *combo : { m_protocolCombo, m_familyCombo })
        connect(combo, &QComboBox::currentIndexChanged, this, &LookupPanel::updateCode);
    updateCode();
    // Hiding addresses for a screenshot re-shows what is on screen, masked (a lookup still running
    // keeps its "Resolving..." until its answer comes).
    auto reshow = [this] {
        if (!(m_hostRequest && m_hostLookup->isRunning(m_hostRequest))) {
            showNameResult();
            showAddressResult();
        }
        showLocalHost();
        updateTool();
    };
    connect(Privacy::instance(), &Privacy::enabledChanged, this, reshow);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, reshow);
    applyFonts();
}

LookupPanel::~LookupPanel() = default;

QWidget *LookupPanel::buildServicesTab()
{
    auto *page = new QWidget(this);
    auto heading = [this, page](const QString &text) {
        auto *label = new QLabel(text, page);
        m_headings.append(label);
        return label;
    };

    m_serviceEdit = new QLineEdit(QStringLiteral("http"), page);
    m_serviceEdit->setObjectName(QStringLiteral("serviceEdit"));
    m_serviceEdit->setPlaceholderText(tr("A service name (http, ntp) or a port number (53)"));
    m_protocolCombo = new QComboBox(page);
    m_protocolCombo->setObjectName(QStringLiteral("serviceProtocolCombo"));
    m_protocolCombo->addItem(tr("any protocol (NULL)"), QString());
    m_protocolCombo->addItem(QStringLiteral("tcp"), QStringLiteral("tcp"));
    m_protocolCombo->addItem(QStringLiteral("udp"), QStringLiteral("udp"));
    m_lookUpButton = new QPushButton(tr("Look up"), page);
    m_lookUpButton->setObjectName(QStringLiteral("serviceLookUpButton"));
    m_lookUpButton->setDefault(true);
    m_serviceError = new QLabel(page);
    m_serviceError->setObjectName(QStringLiteral("serviceError"));
    Theme::makeErrorBox(m_serviceError);
    connect(m_lookUpButton, &QPushButton::clicked, this,
        [this] { lookUpService(m_serviceEdit->text(), m_protocolCombo->currentData().toString()); });
    connect(m_serviceEdit, &QLineEdit::returnPressed, m_lookUpButton, &QPushButton::click);

    auto *askRow = new QHBoxLayout;
    askRow->addWidget(new QLabel(tr("Service or port:"), page));
    askRow->addWidget(m_serviceEdit, 2);
    askRow->addWidget(m_protocolCombo, 1);
    askRow->addWidget(m_lookUpButton);

    // --- The two answers, side by side ----------------------------------------------------------
    auto *systemBox = new QGroupBox(tr("This system"), page);
    systemBox->setObjectName(QStringLiteral("systemServiceBox"));
    m_systemCallLabel = new QLabel(systemBox);
    m_systemCallLabel->setObjectName(QStringLiteral("systemCallLabel"));
    m_systemCallLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_systemResult = new QLabel(systemBox);
    m_systemResult->setObjectName(QStringLiteral("systemServiceResult"));
    m_systemResult->setWordWrap(true);
    m_systemResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_systemLine = new QLabel(systemBox);
    m_systemLine->setObjectName(QStringLiteral("systemServiceLine"));
    m_systemLine->setTextFormat(Qt::PlainText);
    m_systemLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *systemLayout = new QVBoxLayout(systemBox);
    systemLayout->addWidget(m_systemCallLabel);
    systemLayout->addWidget(m_systemResult);
    systemLayout->addWidget(m_systemLine);

    auto *ianaBox = new QGroupBox(tr("IANA registry (bundled)"), page);
    ianaBox->setObjectName(QStringLiteral("ianaServiceBox"));
    m_ianaResult = new QLabel(ianaBox);
    m_ianaResult->setObjectName(QStringLiteral("ianaServiceResult"));
    m_ianaResult->setWordWrap(true);
    m_ianaResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ianaResult->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *ianaLayout = new QVBoxLayout(ianaBox);
    ianaLayout->addWidget(m_ianaResult, 1);

    auto *answers = new QHBoxLayout;
    answers->addWidget(systemBox, 1);
    answers->addWidget(ianaBox, 1);

    m_notesLabel = new QLabel(page);
    m_notesLabel->setObjectName(QStringLiteral("serviceNotes"));
    m_notesLabel->setWordWrap(true);
    m_notesLabel->setTextFormat(Qt::RichText);

    // --- Type-ahead over both tables ------------------------------------------------------------
    m_serviceModel = new ServiceTableModel(ServiceCatalog::shared(), this);
    m_serviceFilter = new ServiceFilterProxy(this);
    m_serviceFilter->setSourceModel(m_serviceModel);
    m_searchEdit = new QLineEdit(page);
    m_searchEdit->setObjectName(QStringLiteral("serviceSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search both tables: ntp, 123, time, www, 53/udp"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchProtocolCombo = new QComboBox(page);
    m_searchProtocolCombo->setObjectName(QStringLiteral("serviceSearchProtocolCombo"));
    m_searchProtocolCombo->addItem(tr("tcp and udp"), QString());
    m_searchProtocolCombo->addItem(QStringLiteral("tcp"), QStringLiteral("tcp"));
    m_searchProtocolCombo->addItem(QStringLiteral("udp"), QStringLiteral("udp"));
    m_searchCount = new QLabel(page);
    m_searchCount->setObjectName(QStringLiteral("serviceSearchCount"));
    Theme::makeMuted(m_searchCount);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    auto updateCount = [this] {
        m_searchCount->setText(tr("%L1 of %L2 rows").arg(m_serviceFilter->rowCount()).arg(m_serviceModel->rowCount()));
    };
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this, updateCount] {
        m_serviceFilter->setSearchText(m_searchEdit->text().trimmed());
        updateCount();
    });
    connect(m_searchProtocolCombo, &QComboBox::currentIndexChanged, this, [this, updateCount] {
        m_serviceFilter->setProtocol(m_searchProtocolCombo->currentData().toString());
        updateCount();
    });

    m_serviceTable = new QTableView(page);
    m_serviceTable->setObjectName(QStringLiteral("serviceTable"));
    m_serviceTable->setModel(m_serviceFilter);
    m_serviceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serviceTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_serviceTable->setWordWrap(false);
    m_serviceTable->verticalHeader()->hide();
    m_serviceTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_serviceTable->horizontalHeader()->setStretchLastSection(false);
    m_serviceTable->horizontalHeader()->setSectionResizeMode(ServiceTableModel::Description, QHeaderView::Stretch);
    m_serviceTable->setMinimumHeight(240);
    m_serviceTable->setToolTip(tr("Double-click a row to look it up"));
    connect(m_serviceTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto entry = index.data(ServiceTableModel::EntryRole).value<ServiceEntry>();
        const QString protocol = entry.protocols.value(0);
        m_serviceEdit->setText(entry.name);
        m_protocolCombo->setCurrentIndex(qMax(0, m_protocolCombo->findData(protocol)));
        m_lookUpButton->click();
    });
    updateCount();

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchEdit, 2);
    searchRow->addWidget(m_searchProtocolCombo);
    searchRow->addWidget(m_searchCount, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Which port is a service on? getservbyname() and getservbyport()")));
    layout->addLayout(askRow);
    layout->addWidget(m_serviceError);
    layout->addLayout(answers);
    layout->addWidget(m_notesLabel);
    layout->addWidget(heading(tr("Both tables")));
    layout->addLayout(searchRow);
    layout->addWidget(m_serviceTable, 1);

    QTimer::singleShot(0, this, [this] { m_lookUpButton->click(); });
    return page;
}

QWidget *LookupPanel::buildHostsTab()
{
    auto *page = new QWidget(this);
    auto heading = [this, page](const QString &text) {
        auto *label = new QLabel(text, page);
        m_headings.append(label);
        return label;
    };
    m_hostLookup = new HostLookup(this);
    connect(m_hostLookup, &HostLookup::nameLookupFinished, this, [this](const NameLookupResult &r) {
        if (r.id != m_hostRequest)
            return;
        m_nameResult = r;
        m_addressResult.reset();
        showNameResult();
    });
    connect(m_hostLookup, &HostLookup::addressLookupFinished, this, [this](const AddressLookupResult &r) {
        if (r.id != m_hostRequest)
            return;
        m_addressResult = r;
        m_nameResult.reset();
        showAddressResult();
    });
    connect(m_hostLookup, &HostLookup::localHostFinished, this, [this](const LocalHostResult &r) {
        if (r.id != m_localRequest)
            return; // an older Refresh answering late
        m_localResult = r;
        showLocalHost();
    });
    connect(m_hostLookup, &HostLookup::stateChanged, this, [this] { updateHostControls(); });

    m_hostEdit = new QLineEdit(QStringLiteral("localhost"), page);
    m_hostEdit->setObjectName(QStringLiteral("hostLookupEdit"));
    m_hostEdit->setPlaceholderText(tr("A host name (localhost) or an address (127.0.0.1, ::1)"));
    m_familyCombo = new QComboBox(page);
    m_familyCombo->setObjectName(QStringLiteral("hostFamilyCombo"));
    m_familyCombo->addItem(tr("Any (AF_UNSPEC)"), int(AddressFamily::Any));
    m_familyCombo->addItem(tr("IPv4 (AF_INET)"), int(AddressFamily::IPv4));
    m_familyCombo->addItem(tr("IPv6 (AF_INET6)"), int(AddressFamily::IPv6));
    m_hostButton = new QPushButton(tr("Look up"), page);
    m_hostButton->setObjectName(QStringLiteral("hostLookUpButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), page);
    m_cancelButton->setObjectName(QStringLiteral("hostCancelButton"));
    m_cancelButton->setToolTip(tr("Stop waiting: the answer, when it comes, is ignored"));
    m_hostState = new QLabel(page);
    m_hostState->setObjectName(QStringLiteral("hostLookupState"));
    Theme::makeMuted(m_hostState);
    m_hostError = new QLabel(page);
    m_hostError->setObjectName(QStringLiteral("hostLookupError"));
    Theme::makeErrorBox(m_hostError);
    connect(m_hostButton, &QPushButton::clicked, this, [this] { lookUpHost(m_hostEdit->text()); });
    connect(m_hostEdit, &QLineEdit::returnPressed, m_hostButton, &QPushButton::click);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_hostRequest)
            m_hostLookup->cancel(m_hostRequest);
        m_hostState->setText(tr("Cancelled: the resolver's answer will be ignored."));
    });

    auto *askRow = new QHBoxLayout;
    askRow->addWidget(new QLabel(tr("Host or address:"), page));
    askRow->addWidget(m_hostEdit, 2);
    askRow->addWidget(m_familyCombo, 1);
    askRow->addWidget(m_hostButton);
    askRow->addWidget(m_cancelButton);

    m_hostCall = new QLabel(page);
    m_hostCall->setObjectName(QStringLiteral("hostLookupCall"));
    m_hostCall->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addrInfoTable = new QTableWidget(0, 4, page);
    m_addrInfoTable->setObjectName(QStringLiteral("addrInfoTable"));
    m_addrInfoTable->setHorizontalHeaderLabels({ tr("Family"), tr("Socket type"), tr("Protocol"), tr("Address") });
    m_addrInfoTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_addrInfoTable->verticalHeader()->hide();
    m_addrInfoTable->horizontalHeader()->setStretchLastSection(true);
    m_addrInfoTable->setMinimumHeight(130);
    m_hostPython = new QLabel(page);
    m_hostPython->setObjectName(QStringLiteral("hostPythonLabel"));
    m_hostPython->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hostPython->setWordWrap(true);

    auto *localBox = new QGroupBox(tr("This computer"), page);
    localBox->setObjectName(QStringLiteral("localHostBox"));
    m_localLabel = new QLabel(localBox);
    m_localLabel->setObjectName(QStringLiteral("localHostLabel"));
    m_localLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_localLabel->setWordWrap(true);
    m_interfaceTable = new QTableWidget(0, 4, localBox);
    m_interfaceTable->setObjectName(QStringLiteral("interfaceTable"));
    m_interfaceTable->setHorizontalHeaderLabels({ tr("Interface"), tr("Flags"), tr("Address"), tr("Netmask") });
    m_interfaceTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_interfaceTable->verticalHeader()->hide();
    m_interfaceTable->horizontalHeader()->setStretchLastSection(true);
    m_interfaceTable->setMinimumHeight(110);
    auto *refresh = new QPushButton(tr("Refresh"), localBox);
    refresh->setObjectName(QStringLiteral("localHostRefreshButton"));
    connect(refresh, &QPushButton::clicked, this, [this] {
        if (m_localRequest)
            m_hostLookup->cancel(m_localRequest);
        m_localRequest = m_hostLookup->lookupLocalHost();
    });
    auto *localLayout = new QGridLayout(localBox);
    localLayout->addWidget(m_localLabel, 0, 0);
    localLayout->addWidget(refresh, 0, 1, Qt::AlignTop);
    localLayout->addWidget(m_interfaceTable, 1, 0, 1, 2);
    localLayout->setColumnStretch(0, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Names and addresses: getaddrinfo(), getnameinfo(), gethostbyname_ex()")));
    layout->addLayout(askRow);
    layout->addWidget(m_hostState);
    layout->addWidget(m_hostError);
    layout->addWidget(m_hostCall);
    layout->addWidget(m_addrInfoTable, 1);
    layout->addWidget(m_hostPython);
    layout->addWidget(localBox, 1);

    m_localRequest = m_hostLookup->lookupLocalHost();
    updateHostControls();
    return page;
}

namespace {

struct ToolInfo {
    const char *call;
    const char *example;
    bool usesFamily;
    const char *hint;
};

const ToolInfo kTools[] = {
    { "inet_pton", "::ffff:127.0.0.1", true, QT_TRANSLATE_NOOP("swb::LookupPanel", "Text to packed bytes") },
    { "inet_ntop", "20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01", true,
        QT_TRANSLATE_NOOP("swb::LookupPanel", "Packed bytes (hex) to text") },
    { "inet_aton", "127.1", false,
        QT_TRANSLATE_NOOP("swb::LookupPanel", "IPv4 text, with the old forms: 127.1, 0x7f.1, 2130706433") },
    { "inet_ntoa", "7f 00 00 01", false, QT_TRANSLATE_NOOP("swb::LookupPanel", "4 bytes (hex) to dotted text") },
    { "htons", "0x1234", false, QT_TRANSLATE_NOOP("swb::LookupPanel", "16-bit value, host to network order") },
    { "ntohs", "0x1234", false, QT_TRANSLATE_NOOP("swb::LookupPanel", "16-bit value, network to host order") },
    { "htonl", "0x7f000001", false, QT_TRANSLATE_NOOP("swb::LookupPanel", "32-bit value, host to network order") },
    { "ntohl", "0x0100007f", false, QT_TRANSLATE_NOOP("swb::LookupPanel", "32-bit value, network to host order") },
    { "getprotobyname", "tcp", false, QT_TRANSLATE_NOOP("swb::LookupPanel", "Protocol name to number") },
    { "getprotobynumber", "17", false,
        QT_TRANSLATE_NOOP(
            "swb::LookupPanel", "Protocol number to name (the C library's; Python has no getprotobynumber)") },
    { "IPv4-mapped IPv6", "127.0.0.1", false,
        QT_TRANSLATE_NOOP("swb::LookupPanel", "IPv4 to ::ffff:a.b.c.d, or back") },
};

QString code(const QString &text)
{
    return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped());
}

QString hexOf(const QByteArray &bytes)
{
    return PayloadCodec::toHex(bytes);
}

// Bytes in boxes, one cell each, with their offsets above: byte order is seen, not told.
QString byteTable(const QList<QPair<QString, QByteArray>> &rows)
{
    int width = 0;
    for (const auto &row : rows)
        width = qMax(width, int(row.second.size()));
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=4 style='margin-top:6px'><tr><td></td>");
    for (int i = 0; i < width; ++i)
        html += QStringLiteral("<td align=center><small>[%1]</small></td>").arg(i);
    html += QStringLiteral("</tr>");
    for (const auto &row : rows) {
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td>").arg(row.first.toHtmlEscaped());
        for (const char byte : row.second)
            html += QStringLiteral("<td align=center style='border:1px solid gray'><code>%1</code></td>")
                        .arg(QStringLiteral("%1").arg(quint8(byte), 2, 16, QLatin1Char('0')));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QWidget *LookupPanel::buildToolsTab()
{
    auto *page = new QWidget(this);
    auto *heading = new QLabel(tr("The socket module's address tools: what each one returns, byte by byte"), page);
    m_headings.append(heading);
    m_toolCombo = new QComboBox(page);
    m_toolCombo->setObjectName(QStringLiteral("addressToolCombo"));
    for (const ToolInfo &tool : kTools)
        m_toolCombo->addItem(QString::fromLatin1(tool.call), QString::fromLatin1(tool.call));
    m_toolFamilyCombo = new QComboBox(page);
    m_toolFamilyCombo->setObjectName(QStringLiteral("addressToolFamilyCombo"));
    m_toolFamilyCombo->addItem(QStringLiteral("AF_INET6"), int(AddressTools::AddressFamily::IPv6));
    m_toolFamilyCombo->addItem(QStringLiteral("AF_INET"), int(AddressTools::AddressFamily::IPv4));
    m_toolEdit = new QLineEdit(page);
    m_toolEdit->setObjectName(QStringLiteral("addressToolEdit"));
    m_toolHint = new QLabel(page);
    Theme::makeMuted(m_toolHint);
    m_toolError = new QLabel(page);
    m_toolError->setObjectName(QStringLiteral("addressToolError"));
    Theme::makeErrorBox(m_toolError);
    m_toolResult = new QLabel(page);
    m_toolResult->setObjectName(QStringLiteral("addressToolResult"));
    m_toolResult->setTextFormat(Qt::RichText);
    m_toolResult->setWordWrap(true);
    m_toolResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_toolResult->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    // Each tool starts with an example; the answer follows every keystroke (these calls are instant).
    connect(m_toolCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || index >= int(std::size(kTools)))
            return;
        const ToolInfo &tool = kTools[index];
        m_toolFamilyCombo->setEnabled(tool.usesFamily);
        m_toolHint->setText(tr(tool.hint));
        if (tool.usesFamily)
            m_toolFamilyCombo->setCurrentIndex(QString::fromLatin1(tool.example).contains(QLatin1Char(':'))
                        || QString::fromLatin1(tool.example).size() > 12
                    ? 0
                    : 1);
        m_toolEdit->setText(QString::fromLatin1(tool.example));
        updateTool();
    });
    connect(m_toolFamilyCombo, &QComboBox::currentIndexChanged, this, &LookupPanel::updateTool);
    connect(m_toolEdit, &QLineEdit::textChanged, this, &LookupPanel::updateTool);

    auto *row = new QHBoxLayout;
    row->addWidget(m_toolCombo);
    row->addWidget(m_toolFamilyCombo);
    row->addWidget(m_toolEdit, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading);
    layout->addLayout(row);
    layout->addWidget(m_toolHint);
    layout->addWidget(m_toolError);
    layout->addWidget(m_toolResult, 1);
    m_toolCombo->setCurrentIndex(0);
    m_toolEdit->setText(QString::fromLatin1(kTools[0].example));
    m_toolHint->setText(tr(kTools[0].hint));
    updateTool();
    return page;
}

void LookupPanel::runAddressTool(const QString &call, const QString &text)
{
    m_toolCombo->setCurrentIndex(m_toolCombo->findData(call));
    m_toolEdit->setText(text);
    updateTool();
}

void LookupPanel::updateTool()
{
    using namespace AddressTools;
    const QString call = m_toolCombo->currentData().toString();
    const QString text = m_toolEdit->text();
    const auto family = AddressTools::AddressFamily(m_toolFamilyCombo->currentData().toInt());
    const QString fam = familyName(family);
    SessionError error;
    QStringList lines;
    auto add = [&lines](const QString &label, const QString &value) {
        lines << QStringLiteral("%1 %2").arg(label.toHtmlEscaped(), value);
    };
    if (call == QLatin1String("inet_pton")) {
        const PtonResult r = inetPton(family, text);
        error = r.error;
        if (r.ok()) {
            add(QStringLiteral("inet_pton(%1, '%2') →").arg(fam, text), code(r.hex));
            lines << byteTable({ { tr("packed, network order"), r.bytes } });
            add(tr("Back with inet_ntop:"), code(r.canonical));
            lines << r.explanation.toHtmlEscaped();
            if (!r.mappedIPv4.isEmpty())
                lines << tr("IPv4-mapped: %1. %2").arg(code(r.mappedIPv4), r.mappedNote.toHtmlEscaped());
        }
    } else if (call == QLatin1String("inet_ntop") || call == QLatin1String("inet_ntoa")) {
        const bool ntoa = call == QLatin1String("inet_ntoa");
        const NtopResult r = ntoa ? inetNtoaHex(text) : inetNtopHex(family, text);
        error = r.error;
        if (r.ok()) {
            add(ntoa ? QStringLiteral("inet_ntoa(%1) →").arg(text)
                     : QStringLiteral("inet_ntop(%1, %2) →").arg(fam, text),
                code(r.text));
            lines << r.explanation.toHtmlEscaped();
            if (!r.mappedIPv4.isEmpty())
                lines << tr("IPv4-mapped: %1. %2").arg(code(r.mappedIPv4), r.mappedNote.toHtmlEscaped());
        }
    } else if (call == QLatin1String("inet_aton")) {
        const AtonResult r = inetAton(text);
        error = r.error;
        if (r.ok()) {
            add(QStringLiteral("inet_aton('%1') →").arg(text),
                code(hexOf(r.bytes)) + QStringLiteral(" = ") + code(r.address));
            lines << byteTable({ { tr("packed, network order"), r.bytes } });
            add(tr("As one 32-bit number:"), code(QString::number(r.value)));
            for (const QString &part : r.parts)
                lines << QStringLiteral("• ") + part.toHtmlEscaped();
            lines << r.explanation.toHtmlEscaped();
            if (!r.ignoredTail.isEmpty())
                lines << tr("Ignored after the whitespace: %1").arg(code(r.ignoredTail));
            lines << r.ptonNote.toHtmlEscaped();
        }
    } else if (call.startsWith(QLatin1String("hton")) || call.startsWith(QLatin1String("ntoh"))) {
        const ByteOrderCall which = call == QLatin1String("htons") ? ByteOrderCall::Htons
            : call == QLatin1String("ntohs")                       ? ByteOrderCall::Ntohs
            : call == QLatin1String("htonl")                       ? ByteOrderCall::Htonl
                                                                   : ByteOrderCall::Ntohl;
        const ByteOrderResult r = byteOrder(which, text);
        error = r.error;
        if (r.ok()) {
            add(QStringLiteral("%1(%2) →").arg(call, formatValue(r.value, r.width)),
                code(QStringLiteral("%1 = %2").arg(formatValue(r.converted, r.width)).arg(r.converted)));
            lines << byteTable({
                { tr("%1 in this machine's memory (%2)").arg(formatValue(r.value, r.width), r.hostOrderName),
                    r.hostBytes },
                { tr("%1 in network order (big-endian)").arg(formatValue(r.value, r.width)), r.networkBytes },
                { tr("%1's result in memory").arg(call), r.convertedHostBytes },
            });
            lines << r.explanation.toHtmlEscaped();
        }
    } else if (call.startsWith(QLatin1String("getprotoby"))) {
        const ProtocolResult r
            = call == QLatin1String("getprotobyname") ? getProtoByName(text) : getProtoByNumber(text);
        error = r.error;
        if (r.ok()) {
            add(QStringLiteral("%1('%2') →").arg(call, text),
                code(call == QLatin1String("getprotobyname") ? QString::number(r.number) : r.name));
            if (!r.aliases.isEmpty())
                add(tr("Aliases:"), code(r.aliases.join(QStringLiteral(", "))));
            lines << r.explanation.toHtmlEscaped();
        }
    } else {
        const MappedResult r = convertMapped(text);
        error = r.error;
        if (r.ok()) {
            add(r.fromIPv4 ? tr("IPv4 %1 as IPv6:").arg(r.ipv4) : tr("Inside %1:").arg(r.ipv6),
                code(r.fromIPv4 ? r.ipv6 : r.ipv4));
            add(tr("The 16 bytes:"), code(hexOf(r.ipv6Bytes)));
            lines << r.explanation.toHtmlEscaped();
        }
    }
    if (error.isError()) {
        error.message = Privacy::shown(error.message);
        m_toolError->setText(Theme::errorHtml(error));
        m_toolError->show();
        m_toolResult->clear();
    } else {
        m_toolError->hide();
        lines.removeAll(QString());
        m_toolResult->setText(Privacy::shown(lines.join(QStringLiteral("<br>"))));
    }
}

int LookupPanel::lookUpHost(const QString &nameOrAddress)
{
    if (m_hostRequest)
        m_hostLookup->cancel(m_hostRequest);
    const QString text = nameOrAddress.trimmed();
    m_lastPage = 1;
    m_lastWhen[1] = QDateTime::currentDateTime();
    m_lastRequest[1] = { { tr("Host or address"), text }, { tr("Family"), m_familyCombo->currentText() } };
    m_lastPython[1] = m_code->python();
    // A numeric address asks the other way round: which name has it (getnameinfo).
    const bool numeric = HostResolver::checkAddress(text).ok();
    m_hostRequest = numeric ? m_hostLookup->lookupAddress(text)
                            : m_hostLookup->lookupName(text, AddressFamily(m_familyCombo->currentData().toInt()));
    m_hostState->setText(numeric ? tr("Asking which name has %1\u2026").arg(Privacy::shown(text))
                                 : tr("Resolving %1\u2026").arg(Privacy::shown(text)));
    updateHostControls();
    return m_hostRequest;
}

void LookupPanel::updateHostControls()
{
    const bool running = m_hostRequest && m_hostLookup->isRunning(m_hostRequest);
    m_cancelButton->setEnabled(running);
}

void LookupPanel::showHostError(const SessionError &error, const ResolverError &failure)
{
    if (!error.isError()) {
        m_hostError->hide();
        return;
    }
    SessionError shown = error;
    shown.message = Privacy::shown(error.message);
    QString html = Theme::errorHtml(shown);
    if (failure.isError())
        html += QStringLiteral("<br><code>%1</code>").arg(Privacy::shown(failure.pythonText()).toHtmlEscaped());
    m_hostError->setText(html);
    m_hostError->show();
}

void LookupPanel::showNameResult()
{
    if (!m_nameResult)
        return;
    const NameLookupResult &r = *m_nameResult;
    m_hostState->setText(r.ok()
            ? tr("%1 answered in %2 ms.").arg(Privacy::shown(r.name)).arg(QString::number(r.durationNs / 1e6, 'f', 1))
            : QString());
    showHostError(r.error, r.failure);
    m_hostCall->setText(
        tr("getaddrinfo(\"%1\", NULL, hints with AI_CANONNAME) \u2192 canonical name: %2")
            .arg(Privacy::shown(r.name), r.canonicalName.isEmpty() ? tr("(none)") : Privacy::shown(r.canonicalName)));
    m_addrInfoTable->setRowCount(int(r.entries.size()));
    for (int i = 0; i < r.entries.size(); ++i) {
        const AddrInfoEntry &e = r.entries[i];
        m_addrInfoTable->setItem(i, 0, new QTableWidgetItem(e.familyName()));
        m_addrInfoTable->setItem(i, 1, new QTableWidgetItem(e.socketTypeName()));
        m_addrInfoTable->setItem(i, 2, new QTableWidgetItem(e.protocolName()));
        m_addrInfoTable->setItem(i, 3, new QTableWidgetItem(Privacy::shown(e.address)));
    }
    // Only for a lookup that was made: a Usage error or our timeout has no Python answer to show.
    const bool asked = r.error.kind == ErrorKind::None || r.error.kind == ErrorKind::Resolve;
    m_hostPython->setText(asked ? tr("Python: socket.gethostbyname_ex('%1') \u2192 %2")
                                      .arg(Privacy::shown(r.name), Privacy::shown(r.hostEntry.toText()))
                                : QString());
}

void LookupPanel::showAddressResult()
{
    if (!m_addressResult)
        return;
    const AddressLookupResult &r = *m_addressResult;
    m_hostState->setText(r.ok() ? tr("%1 answered in %2 ms.")
                                      .arg(Privacy::shown(r.address))
                                      .arg(QString::number(r.durationNs / 1e6, 'f', 1))
                                : QString());
    showHostError(r.error, r.failure);
    m_hostCall->setText(
        tr("getnameinfo(%1, NI_NAMEREQD) \u2192 %2")
            .arg(Privacy::shown(r.address), r.name.isEmpty() ? tr("(no name)") : Privacy::shown(r.name)));
    m_addrInfoTable->setRowCount(0);
    const bool asked = r.error.kind == ErrorKind::None || r.error.kind == ErrorKind::Address;
    m_hostPython->setText(!asked ? QString()
                                 : tr("Python: socket.gethostbyaddr('%1') \u2192 %2")
                                       .arg(Privacy::shown(r.address), Privacy::shown(r.hostEntry.toText())));
}

void LookupPanel::showLocalHost()
{
    if (!m_localResult)
        return;
    const LocalHostResult &r = *m_localResult;
    m_localLabel->setText(tr("gethostname() \u2192 %1\ngetfqdn() \u2192 %2\nhas_ipv6 \u2192 %3")
                              .arg(Privacy::shown(r.hostName), Privacy::shown(r.fqdn),
                                  r.hasIPv6 ? QStringLiteral("True") : QStringLiteral("False (%1)").arg(r.ipv6Error)));
    int rows = 0;
    for (const InterfaceInfo &i : r.interfaces)
        rows += qMax(1, int(i.addresses.size()));
    m_interfaceTable->setRowCount(rows);
    int row = 0;
    for (const InterfaceInfo &i : r.interfaces) {
        const int n = qMax(1, int(i.addresses.size()));
        for (int k = 0; k < n; ++k, ++row) {
            m_interfaceTable->setItem(
                row, 0, new QTableWidgetItem(k == 0 ? QStringLiteral("%1: %2").arg(i.index).arg(i.name) : QString()));
            m_interfaceTable->setItem(
                row, 1, new QTableWidgetItem(k == 0 ? i.flags.join(QLatin1Char(',')) : QString()));
            const InterfaceAddress a = k < i.addresses.size() ? i.addresses[k] : InterfaceAddress();
            m_interfaceTable->setItem(row, 2, new QTableWidgetItem(Privacy::shown(a.address)));
            m_interfaceTable->setItem(row, 3,
                new QTableWidgetItem(
                    a.prefixLength >= 0 ? QStringLiteral("%1 (/%2)").arg(a.netmask).arg(a.prefixLength) : a.netmask));
        }
    }
    m_interfaceTable->resizeColumnsToContents();
}

void LookupPanel::applyFonts()
{
    const QFont base = font();
    const QFont caption = Theme::scaledFont(base, 1.0, true);
    for (QLabel *label : std::as_const(m_headings))
        label->setFont(caption);
    const QFont mono = Theme::monospaceFont(base);
    m_systemCallLabel->setFont(mono);
    m_systemLine->setFont(mono);
    m_hostCall->setFont(mono);
    m_hostPython->setFont(mono);
    m_localLabel->setFont(mono);
    m_toolResult->setFont(Theme::scaledFont(base, 1.15));
    m_systemResult->setFont(Theme::scaledFont(base, 1.2));
    for (QTableView *table : { static_cast<QTableView *>(m_serviceTable), static_cast<QTableView *>(m_addrInfoTable),
             static_cast<QTableView *>(m_interfaceTable) })
        table->verticalHeader()->setDefaultSectionSize(QFontMetrics(base).height() + 8);
    const QFontMetrics m(base);
    auto *header = m_serviceTable->horizontalHeader();
    header->resizeSection(ServiceTableModel::Name, m.horizontalAdvance(QStringLiteral("xxxxxxxxxxxxxxxx")));
    header->resizeSection(ServiceTableModel::Port, m.horizontalAdvance(QStringLiteral("00000-00000")) + 16);
    header->resizeSection(ServiceTableModel::Protocols, m.horizontalAdvance(QStringLiteral("tcp/udp/sctp")) + 16);
    header->resizeSection(ServiceTableModel::Aliases, m.horizontalAdvance(QStringLiteral("xxxxxxxxxxxx")));
    header->resizeSection(ServiceTableModel::Source, m.horizontalAdvance(QStringLiteral("system")) + 24);
}

void LookupPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void LookupPanel::updateCode()
{
    if (m_serviceEdit->text().trimmed().isEmpty() || m_hostEdit->text().trimmed().isEmpty()) {
        m_code->setUnavailable(tr("type a service or port, and a host or address"));
        return;
    }
    m_code->setProgram(EquivalentCode::forLookup(m_serviceEdit->text(), m_protocolCombo->currentData().toString(),
        m_hostEdit->text(), AddressFamily(m_familyCombo->currentData().toInt())));
}

void LookupPanel::lookUpService(const QString &nameOrPort, const QString &protocol)
{
    const ServiceLookup result = ServiceCatalog::shared()->lookup(nameOrPort.trimmed(), protocol);
    m_lastPage = 0;
    m_lastWhen[0] = QDateTime::currentDateTime();
    m_lastRequest[0] = { { tr("Service or port"), nameOrPort.trimmed() },
        { tr("Protocol"), protocol.isEmpty() ? QStringLiteral("NULL") : protocol } };
    m_lastPython[0] = m_code->python();
    showServiceResult(result);
}

void LookupPanel::showServiceResult(const ServiceLookup &r)
{
    if (!r.ok()) {
        QString html = Theme::errorHtml(r.error);
        if (!r.suggestions.isEmpty())
            html += QStringLiteral("<br>")
                + tr("Did you mean: %1?").arg(r.suggestions.join(QStringLiteral(", ")).toHtmlEscaped());
        m_serviceError->setText(html);
        m_serviceError->show();
    } else {
        m_serviceError->hide();
    }
    m_systemCallLabel->setText(r.ok() ? r.systemCall() : QString());
    if (r.system) {
        const ServiceEntry &e = *r.system;
        m_systemResult->setText(r.byPort ? tr("→ <b>%1</b> (%2)").arg(e.name.toHtmlEscaped(), protocolsText(e))
                                         : tr("→ port <b>%1</b> (%2)").arg(e.port).arg(protocolsText(e)));
        // Tabs as spaces, so the line reads as in a terminal.
        QString raw = e.rawLine;
        raw.replace(QLatin1Char('\t'), QStringLiteral("    "));
        m_systemLine->setText(e.line > 0 ? tr("/etc/services line %1:\n%2").arg(e.line).arg(raw) : QString());
    } else if (r.ok()) {
        m_systemResult->setText(r.systemTableMissing ? tr("This system has no /etc/services.")
                                                     : tr("→ not found (Python: OSError: service/proto not found)"));
        m_systemLine->clear();
    } else {
        m_systemResult->clear();
        m_systemLine->clear();
    }
    QStringList iana;
    for (const ServiceEntry &e : r.iana) {
        iana << tr("<b>%1</b> %2/%3 \u2014 %4")
                    .arg(e.name.toHtmlEscaped(), e.portText(), protocolsText(e), e.description.toHtmlEscaped());
    }
    if (iana.isEmpty() && r.ok())
        iana << tr("Not in the registry.");
    m_ianaResult->setText(iana.join(QStringLiteral("<br>")));
    QStringList notes;
    for (const QString &note : r.notes)
        notes << QStringLiteral("\u2022 ") + note.toHtmlEscaped();
    m_notesLabel->setText(notes.join(QStringLiteral("<br>")));
}

Transcript LookupPanel::transcript() const
{
    const int page = m_tabs->currentIndex() <= 2 ? m_tabs->currentIndex() : m_lastPage;
    Transcript t;
    t.when = page == 2 || !m_lastWhen[page].isValid() ? QDateTime::currentDateTime() : m_lastWhen[page];
    t.request = { { tr("Page"), m_tabs->tabText(page).remove(QLatin1Char('&')) } };
    if (page == 2)
        t.request += { { tr("Function"), m_toolCombo->currentText() }, { tr("Input"), m_toolEdit->text() } };
    else
        t.request += m_lastRequest[page];
    if (page == 0) {
        t.result = TranscriptForm::lines(
            { m_serviceError, m_systemCallLabel, m_systemResult, m_systemLine, m_ianaResult, m_notesLabel });
    } else if (page == 1) {
        t.result = TranscriptForm::lines({ m_hostCall, m_hostState, m_hostError });
        t.result += TranscriptForm::tableLines(m_addrInfoTable, QStringLiteral(" \u00b7 "));
        t.result += TranscriptForm::lines({ m_hostPython, m_localLabel });
        t.result += TranscriptForm::tableLines(m_interfaceTable, QStringLiteral(" \u00b7 "));
    } else {
        t.result = TranscriptForm::lines({ m_toolResult, m_toolError });
    }
    if (!t.result.isEmpty() && page != 2)
        t.python = m_lastPython[page];
    return t;
}

bool LookupPanel::isBusy() const
{
    return m_hostRequest && m_hostLookup->isRunning(m_hostRequest);
}

} // namespace swb
