#include "panels/serverconsole.h"

#include "lookup/privacy.h"
#include "net/payloadcodec.h"
#include "server/clientcommands.h"
#include "server/connectionmodel.h"
#include "theme.h"
#include "trace/tracemodel.h"
#include "widgets/consolefilterproxy.h"
#include "widgets/ladderview.h"
#include "widgets/tracestyleproxy.h"
#include "widgets/transcriptform.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

// Closed clients in a quieter colour, resets in the error colour: the table reads at a glance.
class ConnectionStyleProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QPalette palette = QGuiApplication::palette();

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DisplayRole && Privacy::instance()->isEnabled()) {
            const QVariant value = QIdentityProxyModel::data(index, role);
            return value.userType() == QMetaType::QString ? QVariant(Privacy::shown(value.toString())) : value;
        }
        if (role != Qt::ForegroundRole)
            return QIdentityProxyModel::data(index, role);
        const auto state = ConnectionModel::State(QIdentityProxyModel::data(index, ConnectionModel::StateRole).toInt());
        if (state == ConnectionModel::State::Reset || state == ConnectionModel::State::Refused)
            return Theme::errorColor(palette);
        if (QIdentityProxyModel::data(index, ConnectionModel::ClosedRole).toBool())
            return Theme::mutedColor(palette);
        return {};
    }
};

namespace {

enum SendMode { SendText, SendHex };
enum KindChoice { KindAll, KindData, KindConnections, KindErrors, KindCalls };

QStringList interfaceAddresses()
{
    QStringList out;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (!a.isLoopback() && !a.isLinkLocal())
            out << a.toString();
    }
    return out;
}

} // namespace

ServerConsole::ServerConsole(ServerSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("serverConsole"));
    m_session->setParent(this);

    m_filter = new ConsoleFilterProxy(this);
    m_filter->setTraceModel(m_session->traceModel());
    m_consoleStyle = new TraceStyleProxy(this);
    m_consoleStyle->setSourceModel(m_filter);
    m_connectionStyle = new ConnectionStyleProxy(this);
    m_connectionStyle->setSourceModel(m_session->connectionModel());

    buildUi();
    applyFonts();

    connect(m_session, &ServerSession::stateChanged, this, &ServerConsole::onStateChanged);
    connect(Privacy::instance(), &Privacy::enabledChanged, this, &ServerConsole::onStateChanged);
    connect(m_session, &ServerSession::eventsArrived, this, &ServerConsole::onEvents);
    // Counters are read at most five times a second: under a class's load they change with every batch,
    // and re-laying out the labels each time costs more than it shows.
    m_countersDelay = new QTimer(this);
    m_countersDelay->setSingleShot(true);
    m_countersDelay->setInterval(200);
    connect(m_countersDelay, &QTimer::timeout, this, [this] {
        updateCounters();
        updateSendControls();
    });
    connect(m_session->connectionModel(), &ConnectionModel::countersChanged, this, [this] {
        if (!m_countersDelay->isActive())
            m_countersDelay->start();
    });

    // Durations of open connections go on counting; closed rows leave after their retention.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, m_session->connectionModel(), &ConnectionModel::tick);
    m_tick->start();

    onStateChanged();
    updateCounters();
    updateSendControls();
    if (!m_session->isRunning())
        m_session->start();
}

ServerConsole::~ServerConsole()
{
    m_session->disconnect(this);
}

void ServerConsole::buildUi()
{
    auto heading = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        m_headings.append(label);
        return label;
    };
    // --- State, with stop / start again / close -----------------------------------------
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("serverStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("serverErrorLabel"));
    Theme::makeErrorBox(m_errorLabel);

    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopServerButton"));
    m_stopButton->setToolTip(tr("Close every client and the listening socket"));
    m_restartButton = new QPushButton(tr("Start again"), this);
    m_restartButton->setObjectName(QStringLiteral("restartServerButton"));
    m_restartButton->setToolTip(tr("Start this server again on the same port. Right after clients were "
                                   "connected, this shows what SO_REUSEADDR changes."));
    m_closeTabButton = new QPushButton(tr("Close tab"), this);
    m_closeTabButton->setObjectName(QStringLiteral("closeServerTabButton"));
    connect(m_stopButton, &QPushButton::clicked, m_session, &ServerSession::stop);
    connect(m_restartButton, &QPushButton::clicked, this, &ServerConsole::restart);
    connect(m_closeTabButton, &QPushButton::clicked, this, [this] { emit closeRequested(this); });

    m_countersLabel = new QLabel(this);
    m_countersLabel->setObjectName(QStringLiteral("serverCountersLabel"));
    m_countersLabel->setWordWrap(true);

    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_statusLabel, 1);
    stateRow->addWidget(m_stopButton);
    stateRow->addWidget(m_restartButton);
    stateRow->addWidget(m_closeTabButton);

    // --- How to connect ---------------------------------------------------------------------
    auto *howBox = new QGroupBox(tr("How to connect"), this);
    howBox->setObjectName(QStringLiteral("howToConnectBox"));
    m_addressLabel = new QLabel(howBox);
    m_addressLabel->setObjectName(QStringLiteral("howToConnectAddress"));
    m_addressLabel->setWordWrap(true);
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exposedLabel = new QLabel(howBox);
    m_exposedLabel->setObjectName(QStringLiteral("exposedWarning"));
    m_exposedLabel->setWordWrap(true);
    m_clientToolCombo = new QComboBox(howBox);
    m_clientToolCombo->setObjectName(QStringLiteral("clientToolCombo"));
    m_commandText = new QPlainTextEdit(howBox);
    m_commandText->setObjectName(QStringLiteral("clientCommandText"));
    m_commandText->setReadOnly(true);
    m_commandText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_copyButton = new QPushButton(tr("Copy"), howBox);
    m_copyButton->setObjectName(QStringLiteral("copyCommandButton"));
    connect(m_copyButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_commandText->toPlainText()); });
    connect(m_clientToolCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_commandText->setPlainText(Privacy::shown(m_clientToolCombo->currentData().toString())); });
    auto *howLayout = new QGridLayout(howBox);
    howLayout->addWidget(m_addressLabel, 0, 0, 1, 3);
    howLayout->addWidget(m_exposedLabel, 1, 0, 1, 3);
    howLayout->addWidget(new QLabel(tr("Client:"), howBox), 2, 0);
    howLayout->addWidget(m_clientToolCombo, 2, 1);
    howLayout->addWidget(m_copyButton, 2, 2);
    howLayout->addWidget(m_commandText, 3, 0, 1, 3);
    howLayout->setColumnStretch(1, 1);

    // --- Clients ------------------------------------------------------------------------------
    m_connectionsView = new QTableView(this);
    m_connectionsView->setObjectName(QStringLiteral("connectionsTable"));
    m_connectionsView->setModel(m_connectionStyle);
    m_connectionsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_connectionsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_connectionsView->verticalHeader()->hide();
    m_connectionsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_connectionsView->horizontalHeader()->setStretchLastSection(true);
    m_connectionsView->setWordWrap(false);
    m_connectionsView->setMinimumHeight(130);
    const bool udp = m_session->options().transport == Transport::Udp;
    m_connectionsView->setColumnHidden(ConnectionModel::DatagramsColumn, !udp);
    connect(m_connectionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateSendControls();
        if (m_onlySelectedCheck->isChecked())
            m_filter->setClient(selectedClient());
    });

    m_targetLabel = new QLabel(this);
    m_targetLabel->setObjectName(QStringLiteral("sendTargetLabel"));
    m_sendEdit = new QLineEdit(this);
    m_sendEdit->setObjectName(QStringLiteral("serverSendEdit"));
    m_sendEdit->setPlaceholderText(tr("Reply to send (\\n \\r \\t \\xNN work in text mode)"));
    m_sendModeCombo = new QComboBox(this);
    m_sendModeCombo->setObjectName(QStringLiteral("serverSendModeCombo"));
    m_sendModeCombo->addItem(tr("Text"), SendText);
    m_sendModeCombo->addItem(tr("Hex"), SendHex);
    m_newlineCheck = new QCheckBox(tr("Add \\n"), this);
    m_newlineCheck->setObjectName(QStringLiteral("serverNewlineCheck"));
    m_newlineCheck->setChecked(true);
    m_newlineCheck->setToolTip(tr("End the text with a newline, as pressing Enter in nc or telnet does"));
    m_sendButton = new QPushButton(tr("Send"), this);
    m_sendButton->setObjectName(QStringLiteral("serverSendButton"));
    m_sendAllButton = new QPushButton(tr("Send to all"), this);
    m_sendAllButton->setObjectName(QStringLiteral("serverSendAllButton"));
    m_halfCloseButton = new QPushButton(tr("Half-close"), this);
    m_halfCloseButton->setObjectName(QStringLiteral("serverHalfCloseButton"));
    m_halfCloseButton->setToolTip(tr("shutdown(SHUT_WR): tell this client we will send nothing more; it can "
                                     "still send, and we still read"));
    m_closeClientButton = new QPushButton(tr("Close client"), this);
    m_closeClientButton->setObjectName(QStringLiteral("serverCloseClientButton"));
    m_closeClientButton->setToolTip(tr("close() this connection now, as conn.close() does in Python"));
    m_sendError = new QLabel(this);
    m_sendError->setObjectName(QStringLiteral("serverSendError"));
    Theme::makeFieldError(m_sendError);
    connect(m_sendButton, &QPushButton::clicked, this, [this] { send(false); });
    connect(m_sendAllButton, &QPushButton::clicked, this, [this] { send(true); });
    connect(m_sendEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_sendButton->isEnabled())
            send(false);
    });
    connect(m_sendEdit, &QLineEdit::textChanged, m_sendError, &QLabel::hide);
    connect(m_halfCloseButton, &QPushButton::clicked, this, [this] {
        if (const int id = selectedClient())
            m_session->halfCloseClient(id);
    });
    connect(m_closeClientButton, &QPushButton::clicked, this, [this] {
        if (const int id = selectedClient())
            m_session->closeClient(id);
    });

    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_sendEdit, 1);
    sendRow->addWidget(m_sendModeCombo);
    sendRow->addWidget(m_newlineCheck);
    sendRow->addWidget(m_sendButton);
    sendRow->addWidget(m_sendAllButton);
    auto *clientButtons = new QHBoxLayout;
    clientButtons->addWidget(m_targetLabel, 1);
    clientButtons->addWidget(m_halfCloseButton);
    clientButtons->addWidget(m_closeClientButton);

    auto *clientsBox = new QWidget(this);
    auto *clientsLayout = new QVBoxLayout(clientsBox);
    clientsLayout->setContentsMargins(0, 0, 0, 0);
    clientsLayout->addWidget(heading(udp ? tr("Recent senders") : tr("Clients")));
    clientsLayout->addWidget(m_connectionsView, 1);
    clientsLayout->addLayout(clientButtons);
    clientsLayout->addLayout(sendRow);
    clientsLayout->addWidget(m_sendError);

    auto *topRow = new QSplitter(Qt::Horizontal, this);
    topRow->setChildrenCollapsible(false);
    topRow->addWidget(clientsBox);
    topRow->addWidget(howBox);
    topRow->setStretchFactor(0, 3);
    topRow->setStretchFactor(1, 1);

    // --- Console log -------------------------------------------------------------------------
    m_onlySelectedCheck = new QCheckBox(tr("Only the selected client"), this);
    m_onlySelectedCheck->setObjectName(QStringLiteral("onlySelectedClientCheck"));
    connect(m_onlySelectedCheck, &QCheckBox::toggled, this,
        [this](bool on) { m_filter->setClient(on ? selectedClient() : 0); });
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("consoleKindCombo"));
    m_kindCombo->addItem(tr("All events"), int(ConsoleFilterProxy::AllKinds));
    m_kindCombo->addItem(tr("Data sent and received"), int(ConsoleFilterProxy::DataKinds));
    m_kindCombo->addItem(tr("Connections opened and closed"), int(ConsoleFilterProxy::ConnectionKinds));
    m_kindCombo->addItem(tr("Errors"), int(ConsoleFilterProxy::ErrorKinds));
    m_kindCombo->addItem(tr("Server calls and notes"), int(ConsoleFilterProxy::CallKinds));
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setKinds(m_kindCombo->currentData().toInt()); });
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("consoleSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_filter->setSearchText(m_searchEdit->text()); });
    m_hexCheck = new QCheckBox(tr("Hex"), this);
    m_hexCheck->setObjectName(QStringLiteral("consoleHexCheck"));
    m_hexCheck->setToolTip(tr("Show the data as hexadecimal bytes instead of text with escapes"));
    connect(m_hexCheck, &QCheckBox::toggled, m_filter, &ConsoleFilterProxy::setHex);
    m_pauseCheck = new QCheckBox(tr("Pause scrolling"), this);
    m_pauseCheck->setObjectName(QStringLiteral("consolePauseCheck"));
    m_pauseCheck->setToolTip(tr("Keep the view still to read; events are still recorded"));
    m_clearButton = new QPushButton(tr("Clear"), this);
    m_clearButton->setObjectName(QStringLiteral("consoleClearButton"));
    connect(m_clearButton, &QPushButton::clicked, m_session->traceModel(), &TraceModel::clear);
    connect(m_clearButton, &QPushButton::clicked, this, &ServerConsole::updateDropped);
    m_exportButton = new QPushButton(tr("Export\u2026"), this);
    m_exportButton->setObjectName(QStringLiteral("consoleExportButton"));
    m_exportButton->setToolTip(tr("Save the console as text or CSV (what the filters show)"));
    connect(m_exportButton, &QPushButton::clicked, this, &ServerConsole::chooseExportFile);
    connect(this, &ServerConsole::exportFinished, this, [this](bool ok, const QString &message) {
        m_exportButton->setEnabled(true);
        QPalette palette = m_exportLabel->palette();
        palette.setColor(
            QPalette::WindowText, ok ? QPalette().color(QPalette::WindowText) : Theme::errorColor(QPalette()));
        m_exportLabel->setPalette(palette);
        m_exportLabel->setText(message);
        m_exportLabel->show();
    });
    m_exportLabel = new QLabel(this);
    m_exportLabel->setObjectName(QStringLiteral("consoleExportLabel"));
    m_exportLabel->setWordWrap(true);
    m_exportLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportLabel->hide();
    m_droppedLabel = new QLabel(this);
    m_droppedLabel->setObjectName(QStringLiteral("consoleDroppedLabel"));
    m_droppedLabel->setWordWrap(true);
    m_droppedLabel->hide();

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_kindCombo);
    filterRow->addWidget(m_onlySelectedCheck);
    filterRow->addWidget(m_searchEdit, 1);
    filterRow->addWidget(m_hexCheck);
    filterRow->addWidget(m_pauseCheck);
    filterRow->addWidget(m_clearButton);
    filterRow->addWidget(m_exportButton);

    m_consoleView = new QTableView(this);
    m_consoleView->setObjectName(QStringLiteral("consoleTable"));
    m_consoleView->setModel(m_consoleStyle);
    m_consoleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_consoleView->setWordWrap(false);
    m_consoleView->setMinimumHeight(200);
    m_consoleView->verticalHeader()->hide();
    // Fixed row heights keep a 100,000-row console as quick as a short one.
    m_consoleView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_consoleView->horizontalHeader()->setStretchLastSection(true);
    for (int column : { int(TraceModel::TimeColumn), int(TraceModel::CallColumn), int(TraceModel::ResultColumn) })
        m_consoleView->setColumnHidden(column, true);
    // The console's order: time, client, peer, direction, size, data.
    int visual = 0;
    for (const int column :
        { int(TraceModel::WallTimeColumn), int(TraceModel::ConnectionColumn), int(TraceModel::PeerColumn),
            int(TraceModel::DirectionColumn), int(TraceModel::SizeColumn), int(TraceModel::DataColumn) }) {
        QHeaderView *header = m_consoleView->horizontalHeader();
        header->moveSection(header->visualIndex(column), visual++);
    }

    auto *consoleBox = new QWidget(this);
    auto *consoleLayout = new QVBoxLayout(consoleBox);
    consoleLayout->setContentsMargins(0, 0, 0, 0);
    consoleLayout->addWidget(heading(tr("Console: every socket call and every byte, as it happens")));
    // The table with its filters, or the same events as a ladder diagram with a lifeline per client.
    auto *tablePage = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_consoleView, 1);
    m_consoleTabs = new QTabWidget(this);
    m_consoleTabs->setObjectName(QStringLiteral("serverConsoleTabs"));
    m_consoleTabs->setDocumentMode(true);
    m_consoleTabs->addTab(tablePage, tr("Events"));
    // The diagram follows the trace only while it is shown: under a class's load, a hidden diagram
    // would lay out thousands of arrows nobody sees.
    m_ladder = new LadderView(LadderDiagram::Mode::Server, nullptr, this);
    m_ladder->setObjectName(QStringLiteral("serverLadderView"));
    m_ladder->followWhileShown(m_session->traceModel());
    m_consoleTabs->addTab(m_ladder, tr("Diagram"));
    m_consoleTabs->setTabToolTip(1,
        tr("The server and its newest clients as lifelines; every accept, recv, send "
           "and close as an arrow or mark in time order"));
    consoleLayout->addWidget(m_consoleTabs, 1);
    consoleLayout->addWidget(m_droppedLabel);
    consoleLayout->addWidget(m_exportLabel);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("serverConsoleSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(topRow);
    split->addWidget(consoleBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(stateRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_countersLabel);
    layout->addWidget(split, 1);
}

void ServerConsole::applyFonts()
{
    const QFont base = font();
    m_statusLabel->setFont(Theme::scaledFont(base, 1.25, true));
    const QFont caption = Theme::scaledFont(base, 1.0, true);
    for (QLabel *label : std::as_const(m_headings))
        label->setFont(caption);
    m_addressLabel->setFont(Theme::monospaceFont(base, 1.3));
    const QFont mono = Theme::monospaceFont(base);
    m_commandText->setFont(mono);
    m_consoleView->setFont(mono);
    m_commandText->setFixedHeight(QFontMetrics(mono).lineSpacing() * 4 + 2 * m_commandText->frameWidth() + 8);
    const int row = QFontMetrics(mono).height() + 6;
    m_consoleView->verticalHeader()->setDefaultSectionSize(row);
    m_connectionsView->verticalHeader()->setDefaultSectionSize(QFontMetrics(base).height() + 8);
    const QFontMetrics m(mono);
    auto *header = m_consoleView->horizontalHeader();
    header->resizeSection(TraceModel::WallTimeColumn, m.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    header->resizeSection(TraceModel::ConnectionColumn, m.horizontalAdvance(QStringLiteral("#00000")) + 16);
    header->resizeSection(TraceModel::PeerColumn, m.horizontalAdvance(QStringLiteral("127.000.000.001:00000")) + 16);
    header->resizeSection(TraceModel::DirectionColumn, m.horizontalAdvance(QStringLiteral("Dir.")) + 16);
    header->resizeSection(TraceModel::SizeColumn, m.horizontalAdvance(QStringLiteral("0000000")) + 16);
    // Wide enough for the usual values and their headers, no wider: the state must stay in view.
    auto *connections = m_connectionsView->horizontalHeader();
    const QFontMetrics b(base);
    const auto fit = [&](int column, const QString &sample) {
        const QString header = m_session->connectionModel()->headerData(column, Qt::Horizontal).toString();
        connections->resizeSection(column, qMax(b.horizontalAdvance(sample), b.horizontalAdvance(header)) + 20);
    };
    fit(ConnectionModel::IdColumn, QStringLiteral("#0000"));
    fit(ConnectionModel::PeerColumn, QStringLiteral("127.0.0.1:00000"));
    fit(ConnectionModel::LocalColumn, QStringLiteral("127.0.0.1:00000"));
    fit(ConnectionModel::OpenedColumn, QStringLiteral("00:00:00"));
    fit(ConnectionModel::DurationColumn, QStringLiteral("00 min 00 s"));
    fit(ConnectionModel::BytesInColumn, QStringLiteral("000000"));
    fit(ConnectionModel::BytesOutColumn, QStringLiteral("000000"));
    fit(ConnectionModel::DatagramsColumn, QStringLiteral("000 / 000"));
}

void ServerConsole::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
    } else if (event->type() == QEvent::PaletteChange) {
        m_consoleStyle->setPalette(palette());
        m_connectionStyle->palette = palette();
    }
}

QString ServerConsole::title() const
{
    const ListenServerOptions &o = m_session->options();
    const QString where = m_session->localEndpoint().isValid() ? m_session->localEndpoint().toString()
                                                               : Endpoint { o.bindAddress, o.port }.toString();
    return QStringLiteral("%1 \u00b7 %2 %3")
        .arg(o.behaviour, transportName(o.transport).toUpper(), Privacy::shown(where));
}

void ServerConsole::onStateChanged()
{
    const ListenServerOptions &o = m_session->options();
    const QString what = tr("%1 over %2").arg(o.behaviour, transportName(o.transport).toUpper());
    switch (m_session->state()) {
    case ServerSession::State::Idle:
    case ServerSession::State::Starting:
        m_statusLabel->setText(tr("Starting %1\u2026").arg(what));
        break;
    case ServerSession::State::Listening:
        m_statusLabel->setText(o.transport == Transport::Tcp
                ? tr("Listening on %1 \u2014 %2").arg(Privacy::shown(m_session->localEndpoint().toString()), what)
                : tr("Bound to %1 \u2014 %2").arg(Privacy::shown(m_session->localEndpoint().toString()), what));
        m_errorLabel->hide();
        break;
    case ServerSession::State::Stopping:
        m_statusLabel->setText(tr("Stopping\u2026"));
        break;
    case ServerSession::State::Stopped:
        m_statusLabel->setText(tr("Stopped \u2014 %1").arg(what));
        break;
    case ServerSession::State::Failed: {
        const SessionError e = m_session->lastError();
        m_statusLabel->setText(tr("Not running \u2014 %1").arg(what));
        m_errorLabel->setText(Theme::errorHtml(e));
        m_errorLabel->show();
        break;
    }
    }
    const bool running = m_session->isRunning();
    m_stopButton->setEnabled(m_session->state() == ServerSession::State::Listening);
    m_restartButton->setEnabled(!running && m_session->state() != ServerSession::State::Stopping);
    updateHowToConnect();
    updateSendControls();
    emit titleChanged();
}

void ServerConsole::restart()
{
    // The same port as before, so "Address already in use" can be seen without SO_REUSEADDR.
    ListenServerOptions o = m_session->options();
    if (m_session->localEndpoint().isValid())
        o.port = m_session->localEndpoint().port;
    m_session->setOptions(o);
    // The console goes on, so the transcript does too: it says when the server was started again.
    m_transcriptStart.request.append({ tr("Started again"),
        tr("%1, port %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))).arg(o.port) });
    m_session->start();
}

void ServerConsole::updateHowToConnect()
{
    const ListenServerOptions &o = m_session->options();
    const bool listening = m_session->state() == ServerSession::State::Listening;
    const quint16 port = listening ? m_session->localEndpoint().port : o.port;
    const QStringList hosts = ClientCommands::reachableAddresses(o.bindAddress, interfaceAddresses());
    const QString first = hosts.value(0, o.bindAddress);
    if (!listening) {
        m_addressLabel->setText(tr("Not listening"));
    } else {
        QStringList addresses;
        for (const QString &h : hosts)
            addresses << QStringLiteral("<b>%1</b>").arg(Privacy::shown(h).toHtmlEscaped());
        m_addressLabel->setText(
            tr("Address %1<br>Port <b>%2</b>").arg(addresses.join(QStringLiteral("<br>")), QString::number(port)));
    }
    const bool exposed = !ClientCommands::isLoopback(o.bindAddress);
    m_exposedLabel->setVisible(exposed);
    m_exposedLabel->setText(tr("Bound to %1: other computers on the network can connect, not only this one.")
                                .arg(Privacy::shown(o.bindAddress)));
    // The classmates' command uses a reachable address; loopback is for this machine only.
    QString host = first;
    if (ClientCommands::isWildcard(o.bindAddress)) {
        for (const QString &h : hosts) {
            if (!ClientCommands::isLoopback(h)) {
                host = h;
                break;
            }
        }
    }
    const QString tool = m_clientToolCombo->currentText();
    m_clientToolCombo->blockSignals(true);
    m_clientToolCombo->clear();
    for (const ClientCommand &c : ClientCommands::forServer(host, port, o.transport))
        m_clientToolCombo->addItem(c.tool, c.command);
    const int keep = m_clientToolCombo->findText(tool);
    m_clientToolCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    m_clientToolCombo->blockSignals(false);
    m_commandText->setPlainText(listening ? Privacy::shown(m_clientToolCombo->currentData().toString()) : QString());
    m_clientToolCombo->setEnabled(listening);
    m_copyButton->setEnabled(listening);
}

void ServerConsole::updateCounters()
{
    const ConnectionModel::Counters c = m_session->connectionModel()->counters();
    if (m_session->options().transport == Transport::Tcp) {
        m_countersLabel->setText(tr("Clients now %1 \u00b7 total %2 \u00b7 refused over the limit %3 \u00b7 "
                                    "bytes in %4 \u00b7 bytes out %5")
                                     .arg(c.clientsNow)
                                     .arg(c.clientsTotal)
                                     .arg(c.refused)
                                     .arg(c.bytesIn)
                                     .arg(c.bytesOut));
    } else {
        QString text = tr("Senders %1 \u00b7 datagrams in %2 \u00b7 datagrams out %3 \u00b7 bytes in %4 "
                          "\u00b7 bytes out %5")
                           .arg(c.senders)
                           .arg(c.datagramsIn)
                           .arg(c.datagramsOut)
                           .arg(c.bytesIn)
                           .arg(c.bytesOut);
        if (m_session->options().dropPercent > 0 || c.datagramsDropped > 0)
            text += tr(" \u00b7 lost on purpose %1 (%2 %)")
                        .arg(c.datagramsDropped)
                        .arg(m_session->options().dropPercent);
        m_countersLabel->setText(text);
    }
}

void ServerConsole::onEvents(const QVector<TraceEvent> &batch)
{
    Q_UNUSED(batch)
    updateDropped();
    if (!m_pauseCheck->isChecked())
        m_consoleView->scrollToBottom();
}

void ServerConsole::updateDropped()
{
    const qint64 dropped = m_session->traceModel()->droppedCount();
    if (dropped == 0) {
        m_droppedLabel->hide();
    } else {
        m_droppedLabel->setText(tr("The console keeps the newest %L1 events; %L2 older ones are no longer shown "
                                   "(the counters above still include them).")
                                    .arg(m_session->traceModel()->capacity())
                                    .arg(dropped));
        m_droppedLabel->show();
    }
}

int ServerConsole::selectedClient() const
{
    const QModelIndexList rows = m_connectionsView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(ConnectionModel::ClientIdRole).toInt();
}

void ServerConsole::updateSendControls()
{
    const bool listening = m_session->state() == ServerSession::State::Listening;
    const bool tcp = m_session->options().transport == Transport::Tcp;
    const int id = selectedClient();
    const int row = m_session->connectionModel()->rowOfClient(id);
    const bool open = id > 0 && row >= 0 && !m_session->connectionModel()->isClosedAt(row);
    m_sendButton->setEnabled(listening && open);
    m_sendAllButton->setEnabled(listening
        && (tcp ? m_session->connectionModel()->counters().clientsNow > 0
                : m_session->connectionModel()->rowCount() > 0));
    m_halfCloseButton->setEnabled(
        listening && open && tcp && m_session->connectionModel()->stateAt(row) == ConnectionModel::State::Open);
    m_closeClientButton->setEnabled(listening && open && tcp);
    m_halfCloseButton->setVisible(tcp);
    m_closeClientButton->setVisible(tcp);
    if (id == 0)
        m_targetLabel->setText(tcp ? tr("Select a client to send to it, half-close it or close it.")
                                   : tr("Select a sender to reply to it."));
    else
        m_targetLabel->setText(tr("Selected: client #%1").arg(id));
}

std::optional<QByteArray> ServerConsole::payload()
{
    const bool hex = m_sendModeCombo->currentData().toInt() == SendHex;
    const PayloadCodec::Decoded d
        = hex ? PayloadCodec::fromHex(m_sendEdit->text()) : PayloadCodec::fromEscapedText(m_sendEdit->text());
    if (!d.bytes) {
        m_sendError->setText(d.error);
        m_sendError->show();
        return std::nullopt;
    }
    QByteArray bytes = *d.bytes;
    if (!hex && m_newlineCheck->isChecked())
        bytes += '\n';
    if (bytes.isEmpty()) {
        m_sendError->setText(tr("Nothing to send: type some text first."));
        m_sendError->show();
        return std::nullopt;
    }
    m_sendError->hide();
    return bytes;
}

void ServerConsole::send(bool toAll)
{
    const std::optional<QByteArray> bytes = payload();
    if (!bytes)
        return;
    if (toAll)
        m_session->sendToAll(*bytes);
    else if (const int id = selectedClient())
        m_session->sendTo(id, *bytes);
}

void ServerConsole::chooseExportFile()
{
    auto *dialog = new QFileDialog(this, tr("Export the console"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({ tr("Text (*.txt *.log)"), tr("CSV (*.csv)") });
    dialog->selectFile(QStringLiteral("server-console.txt"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &path) {
        const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
            || dialog->selectedNameFilter().contains(QLatin1String("csv"), Qt::CaseInsensitive);
        exportLog(path, csv ? ConsoleFormat::Format::Csv : ConsoleFormat::Format::Text);
    });
    dialog->open(); // window-modal, no nested event loop
}

void ServerConsole::exportLog(const QString &path, ConsoleFormat::Format format)
{
    m_session->flushEvents();
    QVector<TraceEvent> events;
    events.reserve(m_filter->rowCount());
    const TraceModel *trace = m_session->traceModel();
    for (int row = 0; row < m_filter->rowCount(); ++row)
        events.append(trace->eventAt(m_filter->mapToSource(m_filter->index(row, 0)).row()));
    m_exportButton->setEnabled(false);
    // Formatting and writing a large log takes a moment: do it off the GUI thread.
    QPointer<ServerConsole> self(this);
    QThreadPool::globalInstance()->start([self, path, format, events = std::move(events)] {
        QSaveFile file(path);
        bool ok = file.open(QIODevice::WriteOnly) && ConsoleFormat::write(&file, events, format) && file.commit();
        const QString message = ok ? ServerConsole::tr("Saved %L1 events to %2.").arg(events.size()).arg(path)
                                   : ServerConsole::tr("Could not save %1: %2").arg(path, file.errorString());
        QMetaObject::invokeMethod(qApp, [self, ok, message] {
            if (self)
                emit self->exportFinished(ok, message);
        });
    });
}

Transcript ServerConsole::transcript() const
{
    Transcript t = m_transcriptStart;
    m_session->flushEvents(); // the newest batch too
    t.addSteps(m_session->traceModel());
    t.result = TranscriptForm::lines({ m_statusLabel, m_addressLabel, m_countersLabel, m_errorLabel, m_droppedLabel });
    return t;
}

} // namespace swb
