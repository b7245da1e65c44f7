#include "panels/serverpanel.h"

#include "lab/locallab.h"
#include "learn/equivalentcode.h"
#include "lookup/privacy.h"
#include "net/sockutil.h"
#include "panels/serverconsole.h"
#include "server/behaviour.h"
#include "server/clientcommands.h"
#include "theme.h"
#include "widgets/codepane.h"
#include "widgets/transcriptform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cerrno>

namespace swb {

namespace {

enum LabColumn { LabBehaviour, LabTransport, LabAddress, LabState, LabDescription, LabColumnCount };

void makeMuted(QLabel *label) // and wrapped: the server panel's hints are sentences
{
    Theme::makeMuted(label);
    label->setWordWrap(true);
}

} // namespace

ServerPanel::ServerPanel(LocalLab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("serverPanel"));
    buildUi();
    applyFonts();
    fillBindAddresses();
    updateFormHints();
    fillLabTable();
    if (m_lab)
        connect(m_lab, &LocalLab::ready, this, &ServerPanel::fillLabTable);
    connect(Privacy::instance(), &Privacy::enabledChanged, this, &ServerPanel::fillBindAddresses);
}

ServerPanel::~ServerPanel() = default;

void ServerPanel::buildUi()
{
    auto heading = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        m_headings.append(label);
        return label;
    };
    auto *form = new QGroupBox(tr("New server"), this);
    form->setObjectName(QStringLiteral("newServerBox"));

    m_transportCombo = new QComboBox(form);
    m_transportCombo->setObjectName(QStringLiteral("serverTransportCombo"));
    m_transportCombo->addItem(tr("TCP (SOCK_STREAM)"), int(Transport::Tcp));
    m_transportCombo->addItem(tr("UDP (SOCK_DGRAM)"), int(Transport::Udp));

    m_behaviourCombo = new QComboBox(form);
    m_behaviourCombo->setObjectName(QStringLiteral("serverBehaviourCombo"));
    for (const QString &name : behaviourNames())
        m_behaviourCombo->addItem(name, name);
    m_behaviourCombo->setCurrentIndex(m_behaviourCombo->findData(QStringLiteral("timestamp")));
    m_behaviourHint = new QLabel(form);
    makeMuted(m_behaviourHint);

    m_bindCombo = new QComboBox(form);
    m_bindCombo->setObjectName(QStringLiteral("serverBindCombo"));
    m_bindCombo->setToolTip(tr("Which address the server's socket is bound to: who can reach it"));
    m_bindWarning = new QLabel(form);
    m_bindWarning->setObjectName(QStringLiteral("bindWarning"));
    m_bindWarning->setWordWrap(true);

    m_portEdit = new QLineEdit(QString::number(kDefaultPort), form);
    m_portEdit->setObjectName(QStringLiteral("serverPortEdit"));
    m_portEdit->setToolTip(tr("A port number, a service name (echo, daytime), or 0 to let the system choose a free "
                              "port"));
    m_portHint = new QLabel(form);
    makeMuted(m_portHint);
    m_portError = new QLabel(form);
    m_portError->setObjectName(QStringLiteral("serverPortError"));
    Theme::makeFieldError(m_portError);

    m_backlogSpin = new QSpinBox(form);
    m_backlogSpin->setObjectName(QStringLiteral("serverBacklogSpin"));
    m_backlogSpin->setRange(0, 65535);
    m_backlogSpin->setValue(128);
    m_backlogSpin->setToolTip(tr("listen(backlog): how many finished connections may wait for accept(). The "
                                 "seeds use 5; Linux caps it at net.core.somaxconn."));
    m_reuseCheck = new QCheckBox(tr("SO_REUSEADDR"), form);
    m_reuseCheck->setObjectName(QStringLiteral("serverReuseCheck"));
    m_reuseCheck->setChecked(true);
    m_reuseHint = new QLabel(tr("Lets the server bind its port again at once after a restart, while old "
                                "connections wait in TIME_WAIT (about a minute). To see it: connect a client, Stop, "
                                "then Start again — with it and without it."),
        form);
    makeMuted(m_reuseHint);
    m_maxClientsSpin = new QSpinBox(form);
    m_maxClientsSpin->setObjectName(QStringLiteral("serverMaxClientsSpin"));
    m_maxClientsSpin->setRange(1, 100000);
    m_maxClientsSpin->setValue(1000);
    m_maxClientsSpin->setToolTip(tr("Clients beyond this many are accepted and closed at once, and counted"));
    m_idleSpin = new QDoubleSpinBox(form);
    m_idleSpin->setObjectName(QStringLiteral("serverIdleSpin"));
    m_idleSpin->setRange(0, 86400);
    m_idleSpin->setDecimals(1);
    m_idleSpin->setSuffix(tr(" s"));
    m_idleSpin->setSpecialValueText(tr("never"));
    m_idleSpin->setValue(0);
    m_idleSpin->setToolTip(tr("Close a client that sends and receives nothing for this long (TCP)"));

    m_dropSpin = new QSpinBox(form);
    m_dropSpin->setObjectName(QStringLiteral("serverDropSpin"));
    m_dropSpin->setRange(0, 100);
    m_dropSpin->setSuffix(tr(" %"));
    m_dropSpin->setSpecialValueText(tr("none"));
    m_dropSpin->setValue(0);
    m_dropSpin->setToolTip(tr("UDP: drop this share of the datagrams on purpose, as a busy network might, so a "
                              "class sees loss on one machine. TCP never loses data: it sends again."));

    m_startButton = new QPushButton(tr("Start server"), form);
    m_startButton->setObjectName(QStringLiteral("startServerButton"));
    m_startButton->setDefault(true);
    m_limitNote = new QLabel(form);
    m_limitNote->setObjectName(QStringLiteral("fileLimitNote"));
    makeMuted(m_limitNote);

    auto *grid = new QGridLayout(form);
    int row = 0;
    grid->addWidget(new QLabel(tr("Transport:"), form), row, 0);
    grid->addWidget(m_transportCombo, row, 1);
    grid->addWidget(new QLabel(tr("Behaviour:"), form), row, 2);
    grid->addWidget(m_behaviourCombo, row, 3);
    ++row;
    grid->addWidget(m_behaviourHint, row, 1, 1, 3);
    ++row;
    grid->addWidget(new QLabel(tr("Bind address:"), form), row, 0);
    grid->addWidget(m_bindCombo, row, 1);
    grid->addWidget(new QLabel(tr("Port:"), form), row, 2);
    grid->addWidget(m_portEdit, row, 3);
    ++row;
    grid->addWidget(m_bindWarning, row, 1);
    grid->addWidget(m_portHint, row, 3);
    ++row;
    grid->addWidget(m_portError, row, 1, 1, 3);
    ++row;
    grid->addWidget(new QLabel(tr("Backlog:"), form), row, 0);
    grid->addWidget(m_backlogSpin, row, 1);
    grid->addWidget(new QLabel(tr("Reuse address:"), form), row, 2);
    grid->addWidget(m_reuseCheck, row, 3);
    ++row;
    grid->addWidget(m_reuseHint, row, 1, 1, 3);
    ++row;
    grid->addWidget(new QLabel(tr("Maximum clients:"), form), row, 0);
    grid->addWidget(m_maxClientsSpin, row, 1);
    grid->addWidget(new QLabel(tr("Idle timeout:"), form), row, 2);
    grid->addWidget(m_idleSpin, row, 3);
    ++row;
    grid->addWidget(new QLabel(tr("Lose datagrams:"), form), row, 0);
    grid->addWidget(m_dropSpin, row, 1);
    ++row;
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startButton);
    startRow->addWidget(m_limitNote, 1);
    grid->addLayout(startRow, row, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillBindAddresses();
        updateFormHints();
    });
    connect(m_behaviourCombo, &QComboBox::currentIndexChanged, this, &ServerPanel::updateFormHints);
    connect(m_bindCombo, &QComboBox::currentIndexChanged, this, &ServerPanel::updateFormHints);
    connect(m_portEdit, &QLineEdit::textChanged, m_portError, &QLabel::hide);
    connect(m_portEdit, &QLineEdit::returnPressed, this, &ServerPanel::startFromForm);
    connect(m_startButton, &QPushButton::clicked, this, &ServerPanel::startFromForm);

    // --- The servers: one tab each, and the lab ------------------------------------------------
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("serverTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setMinimumHeight(600);

    auto *labPage = new QWidget(m_tabs);
    auto *labLayout = new QVBoxLayout(labPage);
    auto *labNote = new QLabel(tr("The local lab is made of the same servers as the ones you start here, each a "
                                  "socket bound on 127.0.0.1 with a behaviour. They run while the app runs; this "
                                  "list is read-only (Lab menu: Services and Ports)."),
        labPage);
    labNote->setWordWrap(true);
    m_labTable = new QTableWidget(0, LabColumnCount, labPage);
    m_labTable->setObjectName(QStringLiteral("labServersTable"));
    m_labTable->setHorizontalHeaderLabels(
        { tr("Behaviour"), tr("Transport"), tr("Address"), tr("State"), tr("What it does") });
    m_labTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_labTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_labTable->verticalHeader()->hide();
    m_labTable->setWordWrap(false);
    m_labTable->horizontalHeader()->setStretchLastSection(true);
    labLayout->addWidget(labNote);
    labLayout->addWidget(m_labTable, 1);
    m_tabs->addTab(labPage, tr("Local lab (read-only)"));
    m_code = new CodePane(m_tabs);
    m_tabs->addTab(m_code, tr("Code for this form"));
    m_tabs->setTabToolTip(1,
        tr("The server the form above describes, as a Python program (the seeds' accept loop) "
           "and as C++ with Qt"));
    // The program follows every field of the form.
    connect(m_portEdit, &QLineEdit::textChanged, this, &ServerPanel::updateCode);
    connect(m_backlogSpin, &QSpinBox::valueChanged, this, &ServerPanel::updateCode);
    connect(m_reuseCheck, &QCheckBox::toggled, this, &ServerPanel::updateCode);
    connect(m_bindCombo, &QComboBox::currentIndexChanged, this, &ServerPanel::updateCode);
    updateCode();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Run a server and watch every client arrive")));
    layout->addWidget(form);
    layout->addWidget(m_tabs, 1);
}

void ServerPanel::applyFonts()
{
    const QFont caption = Theme::scaledFont(font(), 1.15, true);
    for (QLabel *label : std::as_const(m_headings))
        label->setFont(caption);
    m_labTable->verticalHeader()->setDefaultSectionSize(QFontMetrics(font()).height() + 8);
    m_labTable->resizeColumnsToContents();
}

void ServerPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void ServerPanel::fillBindAddresses()
{
    const QString current = m_bindCombo->currentData().toString();
    m_bindCombo->blockSignals(true);
    m_bindCombo->clear();
    m_bindCombo->addItem(tr("127.0.0.1 \u2014 this computer only"), QStringLiteral("127.0.0.1"));
    m_bindCombo->addItem(tr("::1 \u2014 this computer only (IPv6)"), QStringLiteral("::1"));
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        if (!(iface.flags() & QNetworkInterface::IsUp) || (iface.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            const QHostAddress a = entry.ip();
            if (a.isLinkLocal() || a.isLoopback())
                continue;
            m_bindCombo->addItem(
                tr("%1 \u2014 %2").arg(Privacy::shown(a.toString()), iface.humanReadableName()), a.toString());
        }
    }
    m_bindCombo->addItem(tr("0.0.0.0 \u2014 all IPv4 interfaces"), QStringLiteral("0.0.0.0"));
    m_bindCombo->addItem(tr(":: \u2014 all interfaces, IPv6 and IPv4"), QStringLiteral("::"));
    const int keep = m_bindCombo->findData(current);
    m_bindCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    m_bindCombo->blockSignals(false);
}

void ServerPanel::updateFormHints()
{
    const QString behaviour = m_behaviourCombo->currentData().toString();
    m_behaviourHint->setText(behaviourDescription(behaviour));
    const auto transport = Transport(m_transportCombo->currentData().toInt());
    const bool tcp = transport == Transport::Tcp;
    m_backlogSpin->setEnabled(tcp);
    m_reuseCheck->setEnabled(tcp);
    m_reuseHint->setVisible(tcp);
    m_maxClientsSpin->setEnabled(tcp);
    m_idleSpin->setEnabled(tcp);
    m_dropSpin->setEnabled(!tcp);
    const bool supported = createBehaviour(behaviour) && createBehaviour(behaviour)->supports(transport);
    m_startButton->setEnabled(supported);
    if (!supported)
        m_behaviourHint->setText(tr("%1 works over TCP only; choose TCP or another behaviour.").arg(behaviour));

    const QString bind = m_bindCombo->currentData().toString();
    const bool exposed = !ClientCommands::isLoopback(bind);
    m_bindWarning->setVisible(exposed);
    m_bindWarning->setText(ClientCommands::isWildcard(bind)
            ? tr("\u26a0 Every network this computer is on can reach the server: classmates, and anyone else "
                 "on the same network.")
            : tr("\u26a0 Other computers on this network can reach the server, not only this one."));
    QPalette palette = m_bindWarning->palette();
    palette.setColor(QPalette::WindowText, Theme::errorColor(palette));
    m_bindWarning->setPalette(palette);
    m_portHint->setText(tr("0 = any free port, chosen by the system"));

    const SockUtil::FileLimit limit = SockUtil::openFileLimit();
    if (limit.soft < m_maxClientsSpin->value() + 64)
        m_limitNote->setText(tr("This system lets one program hold at most %1 sockets, fewer than the maximum of "
                                "clients.")
                                 .arg(limit.soft));
    else
        m_limitNote->clear();
    updateCode();
}

void ServerPanel::updateCode()
{
    if (!m_code)
        return;
    SessionError error;
    const std::optional<ListenServerOptions> options = formOptions(&error);
    if (!options) {
        m_code->setUnavailable(error.message);
        return;
    }
    m_code->setProgram(EquivalentCode::forServer(*options));
}

std::optional<ListenServerOptions> ServerPanel::formOptions(SessionError *error) const
{
    ListenServerOptions o;
    o.transport = Transport(m_transportCombo->currentData().toInt());
    o.behaviour = m_behaviourCombo->currentData().toString();
    o.bindAddress = m_bindCombo->currentData().toString();
    const Parsed<quint16> port = EndpointParser::parsePort(m_portEdit->text().trimmed(), o.transport, true);
    if (!port.ok()) {
        if (error)
            *error = port.error;
        return std::nullopt;
    }
    o.port = *port.value;
    o.backlog = m_backlogSpin->value();
    o.reuseAddress = m_reuseCheck->isChecked();
    o.maxClients = m_maxClientsSpin->value();
    o.idleTimeoutMs = qRound(m_idleSpin->value() * 1000);
    o.dropPercent = o.transport == Transport::Udp ? m_dropSpin->value() : 0;
    return o;
}

void ServerPanel::startFromForm()
{
    SessionError error;
    const std::optional<ListenServerOptions> options = formOptions(&error);
    if (!options) {
        m_portError->setText(error.message);
        m_portError->show();
        return;
    }
    m_portError->hide();
    startServer(*options);
}

ServerConsole *ServerPanel::startServer(const ListenServerOptions &options)
{
    auto *console = new ServerConsole(new ServerSession(options), m_tabs);
    // What the transcript will say was asked for: the options themselves, however they were given.
    Transcript start;
    start.when = QDateTime::currentDateTime();
    const bool tcp = options.transport == Transport::Tcp;
    start.request = {
        { tr("Transport"), tcp ? QStringLiteral("TCP") : QStringLiteral("UDP") },
        { tr("Behaviour"), options.behaviour },
        { tr("Bind address"), options.bindAddress },
        { tr("Port"), options.port == 0 ? tr("0 (the system picks one)") : QString::number(options.port) },
    };
    if (tcp) {
        start.request.append({ tr("Backlog"), QString::number(options.backlog) });
        start.request.append({ QStringLiteral("SO_REUSEADDR"), options.reuseAddress ? tr("on") : tr("off") });
        start.request.append({ tr("Maximum clients"), QString::number(options.maxClients) });
        start.request.append({ tr("Idle timeout"),
            options.idleTimeoutMs > 0 ? tr("%1 s").arg(options.idleTimeoutMs / 1000.0) : tr("never") });
    } else if (options.dropPercent > 0) {
        start.request.append({ tr("Datagrams dropped on purpose"), QStringLiteral("%1 %").arg(options.dropPercent) });
    }
    start.python = EquivalentCode::forServer(options).python;
    console->setTranscriptStart(start);
    const int index = m_tabs->addTab(console, console->title());
    m_tabs->setCurrentIndex(index);
    connect(console, &ServerConsole::titleChanged, this, [this, console] {
        const int i = m_tabs->indexOf(console);
        if (i >= 0)
            m_tabs->setTabText(i, console->title());
    });
    connect(console, &ServerConsole::closeRequested, this, &ServerPanel::closeConsole);
    connect(console->session(), &ServerSession::failed, this, [this, console] { consoleFailed(console); });
    return console;
}

void ServerPanel::consoleFailed(ServerConsole *console)
{
    // A taken port: say who holds it when it is the lab, and which port is free now.
    const SessionError e = console->session()->lastError();
    if (e.osError != QLatin1String("EADDRINUSE"))
        return;
    const ListenServerOptions &o = console->session()->options();
    QString holder;
    if (m_lab) {
        for (const LabService &s : m_lab->services()) {
            if (s.running && s.port == o.port && s.transport == o.transport)
                holder = tr(" The local lab's %1 server listens there.").arg(s.label());
        }
    }
    const quint16 free = SockUtil::findFreePort(o.bindAddress, o.transport, o.port);
    const QString suggestion
        = free ? tr(" Port %1 is free now; or use 0 for any free port.").arg(free) : tr(" Use 0 for any free port.");
    m_portError->setText(tr("Port %1 is already in use (Local error, EADDRINUSE).").arg(o.port) + holder + suggestion);
    m_portError->show();
}

void ServerPanel::closeConsole(ServerConsole *console)
{
    const int index = m_tabs->indexOf(console);
    if (index >= 0)
        m_tabs->removeTab(index);
    // The session stops its server as it is destroyed.
    console->deleteLater();
}

QList<ServerConsole *> ServerPanel::consoles() const
{
    QList<ServerConsole *> out;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *c = qobject_cast<ServerConsole *>(m_tabs->widget(i)))
            out << c;
    }
    return out;
}

void ServerPanel::fillLabTable()
{
    m_labTable->setRowCount(0);
    if (!m_lab) {
        m_labTable->setRowCount(1);
        m_labTable->setItem(0, LabBehaviour, new QTableWidgetItem(tr("The local lab is off (Lab menu).")));
        return;
    }
    const QList<LabService> services = m_lab->services();
    m_labTable->setRowCount(int(services.size()));
    for (int i = 0; i < services.size(); ++i) {
        const LabService &s = services[i];
        m_labTable->setItem(i, LabBehaviour, new QTableWidgetItem(s.behaviour));
        m_labTable->setItem(i, LabTransport, new QTableWidgetItem(transportName(s.transport).toUpper()));
        m_labTable->setItem(i, LabAddress,
            new QTableWidgetItem(s.running ? Endpoint { m_lab->bindAddress(), s.port }.toString() : QString()));
        m_labTable->setItem(i, LabState,
            new QTableWidgetItem(s.running ? tr("listening") : (s.error.isEmpty() ? tr("starting") : s.error)));
        m_labTable->setItem(i, LabDescription, new QTableWidgetItem(behaviourDescription(s.behaviour)));
    }
    m_labTable->resizeColumnsToContents();
}

Transcript ServerPanel::transcript() const
{
    auto *console = qobject_cast<ServerConsole *>(m_tabs->currentWidget());
    const QList<ServerConsole *> all = consoles();
    if (!console && !all.isEmpty())
        console = all.last();
    if (!console)
        return {};
    return console->transcript();
}

bool ServerPanel::isBusy() const
{
    const QList<ServerConsole *> all = consoles();
    return std::any_of(all.cbegin(), all.cend(), [](const ServerConsole *c) { return c->session()->isRunning(); });
}

} // namespace swb
