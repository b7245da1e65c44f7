#include "panels/connectpanel.h"

#include "appsettings.h"
#include "lab/locallab.h"
#include "learn/equivalentcode.h"
#include "net/payloadcodec.h"
#include "theme.h"
#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"
#include "widgets/bytesview.h"
#include "widgets/codepane.h"
#include "widgets/formfields.h"
#include "widgets/labservicecombo.h"
#include "widgets/ladderview.h"
#include "widgets/privacytext.h"
#include "widgets/stepexplanation.h"
#include "widgets/steptable.h"
#include "widgets/tracestyleproxy.h"
#include "widgets/transcriptform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontMetrics>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace swb {

namespace {

enum HistoryColumn { HistoryTime, HistoryLocal, HistoryRemote, HistoryDuration, HistoryResult, HistoryColumnCount };
constexpr int kMaxHistoryRows = 500;
constexpr int kStepCapacity = 20000;

QString dash()
{
    return QStringLiteral("\u2014");
}

bool isActive(TcpProbe::State state)
{
    return state == TcpProbe::State::Resolving || state == TcpProbe::State::Connecting
        || state == TcpProbe::State::Connected || state == TcpProbe::State::HalfClosed;
}

} // namespace

ConnectPanel::ConnectPanel(LocalLab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("connectPanel"));

    const StepTable::Trace trace = StepTable::makeTrace(this, kStepCapacity);
    m_buffer = trace.buffer;
    m_traceModel = trace.model;
    m_traceStyle = trace.styled;

    buildUi();
    applyFonts();
    PrivacyText::follow(this);
    setEndpoints({}, {});
    reloadRecentHosts();
    m_hostEdit->setEditText(QStringLiteral("127.0.0.1"));
    m_portEdit->setText(QString::number(kFallbackPort));

    if (m_lab) {
        connect(m_lab, &LocalLab::ready, this, &ConnectPanel::labReady);
        if (m_lab->isReady())
            labReady();
    }
    validate();
    updateCode();
    updateControls();
}

ConnectPanel::~ConnectPanel()
{
    // The probe may report its close while it is destroyed; this panel is half gone by then.
    if (m_probe) {
        m_probe->disconnect();
        delete m_probe;
    }
    m_buffer->disconnect();
}

void ConnectPanel::buildUi()
{
    auto heading = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        m_headings.append(label);
        return label;
    };
    // --- What to connect to ---------------------------------------------------------------
    m_labServiceCombo = new LabServiceCombo(m_lab, Transport::Tcp, this);

    m_hostEdit = new QComboBox(this);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setEditable(true);
    m_hostEdit->setInsertPolicy(QComboBox::NoInsert);
    m_hostEdit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_hostEdit->setToolTip(tr("A host name (localhost, example.com) or an address (127.0.0.1, ::1). "
                              "Names are resolved with getaddrinfo()."));

    m_portEdit = new QLineEdit(this);
    m_portEdit->setObjectName(QStringLiteral("portEdit"));
    m_portEdit->setToolTip(tr("A port number (1 to 65535) or a service name such as http, "
                              "looked up with getservbyname()"));

    m_familyCombo = FormFields::makeFamilyCombo(this, QStringLiteral("familyCombo"), tr("Any"));

    m_timeoutSpin = new QDoubleSpinBox(this);
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeoutSpin->setRange(0.1, 300.0);
    m_timeoutSpin->setDecimals(1);
    m_timeoutSpin->setSingleStep(0.5);
    m_timeoutSpin->setValue(5.0);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setToolTip(tr("How long resolving and connecting may take together, like s.settimeout()"));

    m_connectButton = new QPushButton(tr("&Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    m_connectButton->setToolTip(tr("getaddrinfo(), socket(), connect(), then getsockname() and getpeername()"));

    m_closeButton = new QPushButton(tr("C&lose"), this);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    // Keep its place while hidden so the fields do not jump on every connect.
    QSizePolicy closePolicy = m_closeButton->sizePolicy();
    closePolicy.setRetainSizeWhenHidden(true);
    m_closeButton->setSizePolicy(closePolicy);

    m_hostError = new QLabel(this);
    m_hostError->setObjectName(QStringLiteral("hostError"));
    Theme::makeFieldError(m_hostError);
    m_portError = new QLabel(this);
    m_portError->setObjectName(QStringLiteral("portError"));
    Theme::makeFieldError(m_portError);

    auto *labLabel = new QLabel(tr("Lab &service:"), this);
    labLabel->setBuddy(m_labServiceCombo);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_hostEdit);
    auto *portLabel = new QLabel(tr("&Port or service:"), this);
    portLabel->setBuddy(m_portEdit);
    auto *familyLabel = new QLabel(tr("&Family:"), this);
    familyLabel->setBuddy(m_familyCombo);
    auto *timeoutLabel = new QLabel(tr("&Timeout:"), this);
    timeoutLabel->setBuddy(m_timeoutSpin);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_closeButton);

    auto *target = new QGroupBox(tr("Connect to"), this);
    auto *form = new QGridLayout(target);
    form->addWidget(labLabel, 0, 0);
    form->addWidget(m_labServiceCombo, 0, 1);
    form->addWidget(familyLabel, 0, 2);
    form->addWidget(m_familyCombo, 0, 3);
    form->addWidget(timeoutLabel, 0, 4);
    form->addWidget(m_timeoutSpin, 0, 5);
    form->addWidget(hostLabel, 1, 0);
    form->addWidget(m_hostEdit, 1, 1);
    form->addWidget(portLabel, 1, 2);
    form->addWidget(m_portEdit, 1, 3);
    form->addLayout(buttons, 1, 4, 1, 2);
    form->addWidget(m_hostError, 2, 1);
    form->addWidget(m_portError, 2, 2, 1, 4);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 1);

    // --- Both ends of the connection -------------------------------------------------------
    auto makeEnd = [this](QLabel *&caption, QLabel *&value, QLabel *&python, const QString &captionText,
                       const QString &objectName) {
        auto *frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        caption = new QLabel(captionText, frame);
        caption->setWordWrap(true);
        value = new QLabel(dash(), frame);
        value->setObjectName(objectName);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        python = new QLabel(frame);
        python->setTextFormat(Qt::PlainText);
        python->setWordWrap(true);
        python->setTextInteractionFlags(Qt::TextSelectableByMouse);
        Theme::makeMuted(python);
        auto *layout = new QVBoxLayout(frame);
        layout->addWidget(caption);
        layout->addWidget(value);
        layout->addWidget(python);
        return frame;
    };
    QFrame *localFrame = makeEnd(
        m_localCaption, m_localLabel, m_localPython, tr("Local (getsockname)"), QStringLiteral("localEndpointLabel"));
    QFrame *remoteFrame = makeEnd(m_remoteCaption, m_remoteLabel, m_remotePython, tr("Remote (getpeername)"),
        QStringLiteral("remoteEndpointLabel"));
    localFrame->setToolTip(tr("This program's end of the connection"));
    remoteFrame->setToolTip(tr("The server's end of the connection"));
    m_localLabel->setToolTip(tr("The address and port the system gave this socket. The port is picked "
                                "anew for every connection."));
    m_remoteLabel->setToolTip(tr("The address and port of the server this socket is connected to"));

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setWordWrap(true);
    Theme::makeMuted(m_stateLabel);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    Theme::makeErrorBox(m_errorLabel);

    auto *ends = new QHBoxLayout;
    ends->addWidget(localFrame, 1);
    ends->addWidget(remoteFrame, 1);

    // --- Steps and history -----------------------------------------------------------------
    m_stepTable = new QTableView(this);
    m_stepTable->setObjectName(QStringLiteral("stepTable"));
    StepTable::setUp(m_stepTable, m_traceStyle, m_traceModel);

    // Sections are a bold heading over their content, without frames: every line of height counts
    // at 1100x720 and more so with a presentation font.
    auto *steps = new QWidget(this);
    auto *stepsLayout = new QVBoxLayout(steps);
    stepsLayout->setContentsMargins(0, 4, 0, 0);
    stepsLayout->addWidget(heading(tr("Steps: the socket calls, in order")));
    stepsLayout->addWidget(m_stepTable, 1);
    auto *explanation = new StepExplanationView(steps);
    explanation->follow(m_stepTable);
    stepsLayout->addWidget(explanation);

    m_historyHint
        = new QLabel(tr("Connect again: the local port changes each time \u2014 the system picks a free one."), this);
    m_historyHint->setObjectName(QStringLiteral("historyHint"));
    m_historyHint->setWordWrap(true);
    Theme::makeMuted(m_historyHint);

    m_historyTable = new QTableWidget(0, HistoryColumnCount, this);
    m_historyTable->setObjectName(QStringLiteral("historyTable"));
    m_historyTable->setHorizontalHeaderLabels(
        { tr("Time"), tr("Local (getsockname)"), tr("Remote (getpeername)"), tr("Duration"), tr("Result") });
    m_historyTable->horizontalHeaderItem(HistoryDuration)->setToolTip(tr("From the start to connected (or failed)"));
    m_historyTable->verticalHeader()->hide();
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyTable->setWordWrap(false);
    m_historyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    m_historyTable->horizontalHeader()->setHighlightSections(false);

    auto *history = new QWidget(this);
    auto *historyHeader = new QHBoxLayout;
    historyHeader->addWidget(heading(tr("Attempts")));
    historyHeader->addSpacing(12);
    historyHeader->addWidget(m_historyHint, 1);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 4, 0, 0);
    historyLayout->addLayout(historyHeader);
    historyLayout->addWidget(m_historyTable);

    // --- Send and receive ------------------------------------------------------------------
    m_sendEdit = new QLineEdit(this);
    m_sendEdit->setObjectName(QStringLiteral("sendEdit"));
    m_sendEdit->setPlaceholderText(tr("Text to send, e.g. hello"));
    m_sendEdit->setClearButtonEnabled(true);

    m_sendModeCombo = new QComboBox(this);
    m_sendModeCombo->setObjectName(QStringLiteral("sendModeCombo"));
    m_sendModeCombo->addItem(tr("Text (\\r \\n \\t \\xNN escapes)"));
    m_sendModeCombo->addItem(tr("Hex"));
    m_sendModeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents); // the escapes it names must show
    m_sendModeCombo->setToolTip(tr("Text: type \\r, \\n, \\t or \\xNN for bytes you cannot type. "
                                   "Hex: bytes as hex digits, e.g. 48 65 6c 6c 6f"));

    m_appendNewlineCheck = new QCheckBox(tr("Append \\n"), this);
    m_appendNewlineCheck->setObjectName(QStringLiteral("appendNewlineCheck"));
    m_appendNewlineCheck->setChecked(true);
    m_appendNewlineCheck->setToolTip(tr("Add a newline byte after the text, as pressing Enter in telnet does; "
                                        "line-based servers wait for it"));

    m_sendButton = new QPushButton(tr("&Send"), this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("s.sendall(bytes)"));

    m_halfCloseButton = new QPushButton(tr("Half-close (shutdown SHUT_WR)"), this);
    m_halfCloseButton->setObjectName(QStringLiteral("halfCloseButton"));
    m_halfCloseButton->setToolTip(tr("s.shutdown(socket.SHUT_WR): tell the server you will send nothing more, "
                                     "and keep receiving its answer"));

    m_sendError = new QLabel(this);
    m_sendError->setObjectName(QStringLiteral("sendError"));
    Theme::makeFieldError(m_sendError);

    m_closedLabel = new QLabel(this);
    m_closedLabel->setObjectName(QStringLiteral("connectionClosedLabel"));
    m_closedLabel->setWordWrap(true);
    m_closedLabel->setTextFormat(Qt::PlainText);
    m_closedLabel->hide();

    m_bytesView = new BytesView(this);

    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_sendEdit, 1);
    sendRow->addWidget(m_sendModeCombo);
    sendRow->addWidget(m_appendNewlineCheck);
    sendRow->addWidget(m_sendButton);
    sendRow->addSpacing(12);
    sendRow->addWidget(m_halfCloseButton);

    auto *io = new QWidget(this);
    auto *ioHeader = new QHBoxLayout;
    ioHeader->addWidget(heading(tr("Send and receive")));
    ioHeader->addSpacing(12);
    ioHeader->addWidget(m_stateLabel, 1);
    auto *ioLayout = new QVBoxLayout(io);
    ioLayout->setContentsMargins(0, 4, 0, 0);
    ioLayout->addLayout(ioHeader);
    ioLayout->addLayout(sendRow);
    ioLayout->addWidget(m_sendError);
    ioLayout->addWidget(m_closedLabel);
    ioLayout->addWidget(m_bytesView, 1);

    // Full width each: the calls must be readable, and the attempts sit in a column of ports to compare.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("connectSplitter"));
    splitter->setChildrenCollapsible(false);
    m_code = new CodePane(this);
    auto *stepsTabs = new QTabWidget(this);
    stepsTabs->setObjectName(QStringLiteral("connectTabs"));
    stepsTabs->addTab(steps, tr("Steps"));
    stepsTabs->addTab(new LadderView(LadderDiagram::Mode::Client, m_traceModel, this), tr("Diagram"));
    stepsTabs->addTab(m_code, tr("Code"));
    stepsTabs->setTabToolTip(1, tr("The steps as a sequence diagram: this program and the server"));
    stepsTabs->setTabToolTip(2, tr("What this form does, as a Python program and as C++ with Qt"));
    splitter->addWidget(stepsTabs);
    splitter->addWidget(history);
    splitter->addWidget(io);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    // Proportions, not pixels: the splitter scales them to the space it gets.
    splitter->setSizes({ 450, 200, 350 });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(target);
    layout->addLayout(ends);
    layout->addWidget(m_errorLabel);
    layout->addWidget(splitter, 1);

    // --- Behaviour -------------------------------------------------------------------------
    connect(m_hostEdit, &QComboBox::editTextChanged, this, [this] {
        validate();
        m_labServiceCombo->sync(m_hostEdit->currentText(), m_portEdit->text());
    });
    connect(m_portEdit, &QLineEdit::textChanged, this, [this] {
        validate();
        m_labServiceCombo->sync(m_hostEdit->currentText(), m_portEdit->text());
    });
    connect(m_portEdit, &QLineEdit::textEdited, this, [this] { m_portEdited = true; });
    // The code follows every field, the text to send too.
    connect(m_hostEdit, &QComboBox::editTextChanged, this, &ConnectPanel::updateCode);
    connect(m_portEdit, &QLineEdit::textChanged, this, &ConnectPanel::updateCode);
    connect(m_sendEdit, &QLineEdit::textChanged, this, &ConnectPanel::updateCode);
    connect(m_sendModeCombo, &QComboBox::currentIndexChanged, this, &ConnectPanel::updateCode);
    connect(m_appendNewlineCheck, &QCheckBox::toggled, this, &ConnectPanel::updateCode);
    connect(m_familyCombo, &QComboBox::currentIndexChanged, this, &ConnectPanel::updateCode);
    connect(m_timeoutSpin, &QDoubleSpinBox::valueChanged, this, &ConnectPanel::updateCode);
    connect(m_labServiceCombo, &LabServiceCombo::serviceChosen, this, [this](const QString &host, quint16 port) {
        m_hostEdit->setEditText(host);
        m_portEdit->setText(QString::number(port));
        m_portEdited = true;
    });
    connect(m_hostEdit->lineEdit(), &QLineEdit::returnPressed, this, &ConnectPanel::startConnect);
    connect(m_portEdit, &QLineEdit::returnPressed, this, &ConnectPanel::startConnect);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectPanel::startConnect);
    connect(m_closeButton, &QPushButton::clicked, this, &ConnectPanel::closeConnection);
    connect(m_sendButton, &QPushButton::clicked, this, &ConnectPanel::sendPayload);
    connect(m_sendEdit, &QLineEdit::returnPressed, this, &ConnectPanel::sendPayload);
    connect(m_sendEdit, &QLineEdit::textEdited, m_sendError, &QLabel::hide);
    connect(m_halfCloseButton, &QPushButton::clicked, this, &ConnectPanel::halfCloseConnection);
    connect(m_sendModeCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        // In hex the person writes every byte, the newline too.
        m_appendNewlineCheck->setEnabled(index == 0 && m_sendButton->isEnabled());
        m_sendError->hide();
    });
}

void ConnectPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::PaletteChange && m_traceStyle)
        m_traceStyle->setPalette(palette());
}

void ConnectPanel::applyFonts()
{
    const QFont base = font();
    const QFont big = [&] {
        QFont f = Theme::monospaceFont(base, 1.7);
        f.setBold(true);
        return f;
    }();
    m_localLabel->setFont(big);
    m_remoteLabel->setFont(big);
    const QFont caption = Theme::scaledFont(base, 1.0, true);
    m_localCaption->setFont(caption);
    m_remoteCaption->setFont(caption);
    for (QLabel *label : qAsConst(m_headings))
        label->setFont(caption);
    m_closedLabel->setFont(caption);
    const QFont mono = Theme::monospaceFont(base);
    m_localPython->setFont(mono);
    m_remotePython->setFont(mono);
    StepTable::applyFont(m_stepTable, mono);
    m_historyTable->verticalHeader()->setDefaultSectionSize(QFontMetrics(base).height() + 6);
    for (int row = 0; row < m_historyTable->rowCount(); ++row) {
        for (int column : { int(HistoryLocal), int(HistoryRemote) }) {
            if (QTableWidgetItem *item = m_historyTable->item(row, column))
                item->setFont(mono);
        }
    }
    m_sendEdit->setFont(mono);
    m_portEdit->setMinimumWidth(QFontMetrics(m_portEdit->font()).horizontalAdvance(QStringLiteral("http-alt00")));
    m_hostEdit->setMinimumWidth(QFontMetrics(m_hostEdit->font()).horizontalAdvance(QLatin1Char('x')) * 16);
    // Enough rows to read a connect sequence, two attempts to compare, a few received lines.
    const int monoRow = m_stepTable->verticalHeader()->defaultSectionSize();
    const int headerHeight = QFontMetrics(base).height() + 10;
    m_stepTable->setMinimumHeight(headerHeight + monoRow * 4 + 4);
    m_historyTable->setMinimumHeight(headerHeight + m_historyTable->verticalHeader()->defaultSectionSize() * 2 + 4);
}

// --- The lab -----------------------------------------------------------------------------

void ConnectPanel::labReady()
{
    m_labServiceCombo->refill();
    if (!m_portEdited && m_lab) {
        const quint16 echo = m_lab->port(QStringLiteral("echo"), Transport::Tcp);
        if (echo != 0) {
            m_hostEdit->setEditText(m_lab->bindAddress());
            m_portEdit->setText(QString::number(echo));
        }
    }
    m_labServiceCombo->sync(m_hostEdit->currentText(), m_portEdit->text());
}

// --- Input -------------------------------------------------------------------------------

bool ConnectPanel::validate()
{
    const Parsed<QString> host = EndpointParser::parseHost(m_hostEdit->currentText().trimmed());
    const Parsed<quint16> port = EndpointParser::parsePort(m_portEdit->text().trimmed(), Transport::Tcp);
    m_hostError->setText(host.ok() ? QString() : host.error.message);
    m_hostError->setVisible(!host.ok());
    m_portError->setText(port.ok() ? QString() : port.error.message);
    m_portError->setVisible(!port.ok());
    const bool valid = host.ok() && port.ok();
    m_connectButton->setEnabled(valid);
    return valid;
}

void ConnectPanel::reloadRecentHosts()
{
    QStringList hosts = AppSettings::recentHosts();
    for (const QString &loopback :
        { QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("::1") }) {
        if (!hosts.contains(loopback))
            hosts.append(loopback);
    }
    const QString text = m_hostEdit->currentText();
    const QSignalBlocker blocker(m_hostEdit);
    m_hostEdit->clear();
    m_hostEdit->addItems(hosts);
    m_hostEdit->setEditText(text);
}

// --- Actions -----------------------------------------------------------------------------

TcpProbeRequest ConnectPanel::formRequest() const
{
    TcpProbeRequest request;
    request.host = m_hostEdit->currentText().trimmed();
    request.port = m_portEdit->text().trimmed();
    request.family = AddressFamily(m_familyCombo->currentData().toInt());
    request.timeoutMs = qRound(m_timeoutSpin->value() * 1000.0);
    return request;
}

std::optional<QByteArray> ConnectPanel::sendBytes(QString *error) const
{
    const bool hex = m_sendModeCombo->currentIndex() == 1;
    const PayloadCodec::Decoded decoded
        = hex ? PayloadCodec::fromHex(m_sendEdit->text()) : PayloadCodec::fromEscapedText(m_sendEdit->text());
    if (!decoded.bytes) {
        *error = decoded.error;
        return std::nullopt;
    }
    QByteArray bytes = *decoded.bytes;
    if (!hex && m_appendNewlineCheck->isChecked() && !bytes.isEmpty())
        bytes.append('\n');
    return bytes;
}

void ConnectPanel::updateCode()
{
    if (!m_hostError->text().isEmpty() || !m_portError->text().isEmpty()) {
        m_code->setUnavailable(!m_hostError->text().isEmpty() ? m_hostError->text() : m_portError->text());
        return;
    }
    QString error;
    const std::optional<QByteArray> bytes = sendBytes(&error);
    if (!bytes) {
        m_code->setUnavailable(error);
        return;
    }
    m_code->setProgram(EquivalentCode::forConnect(formRequest(), *bytes));
}

void ConnectPanel::startConnect()
{
    if (!validate())
        return;
    const TcpProbeRequest request = formRequest();
    const QString host = request.host;

    AppSettings::rememberHost(host);
    reloadRecentHosts();

    discardProbe();
    m_buffer->flush(); // whatever the old connection still had pending goes before the clear
    m_traceModel->clear();
    m_bytesView->clear();
    m_errorLabel->hide();
    m_sendError->hide();
    m_closedLabel->hide();
    m_closingByUs = false;
    setEndpoints({}, {});

    m_probe = new TcpProbe(this);
    connect(m_probe, &TcpProbe::traced, m_buffer, &TraceBuffer::append);
    connect(m_probe, &TcpProbe::finished, this, &ConnectPanel::onFinished);
    connect(m_probe, &TcpProbe::stateChanged, this, &ConnectPanel::onStateChanged);
    connect(m_probe, &TcpProbe::dataReceived, m_bytesView, &BytesView::append);
    connect(m_probe, &TcpProbe::connectionClosed, this, &ConnectPanel::onConnectionClosed);
    m_attemptTime = QTime::currentTime();
    m_lastRun = TranscriptForm::begin(this, m_code->python());
    m_probe->start(request);
    updateControls();
}

void ConnectPanel::discardProbe()
{
    if (!m_probe)
        return;
    TcpProbe *old = m_probe;
    m_probe = nullptr;
    old->disconnect();
    old->close();
    old->deleteLater();
}

void ConnectPanel::closeConnection()
{
    if (!m_probe)
        return;
    m_closingByUs = true;
    m_probe->close();
    updateControls();
}

void ConnectPanel::halfCloseConnection()
{
    if (m_probe && m_probe->state() == TcpProbe::State::Connected)
        m_probe->halfClose();
    updateControls();
}

void ConnectPanel::sendPayload()
{
    if (!m_probe || m_probe->state() != TcpProbe::State::Connected)
        return;
    QString error;
    const std::optional<QByteArray> decoded = sendBytes(&error);
    if (!decoded) {
        m_sendError->setText(tr("Not sent: %1").arg(error));
        m_sendError->show();
        return;
    }
    const QByteArray bytes = *decoded;
    if (bytes.isEmpty()) {
        m_sendError->setText(tr("Nothing to send: type some text or hex first."));
        m_sendError->show();
        return;
    }
    if (!m_probe->send(bytes)) {
        m_sendError->setText(tr("Not sent: the socket is not connected."));
        m_sendError->show();
        return;
    }
    m_sendError->hide();
    // Keep the text so Enter sends it again; typing replaces it.
    m_sendEdit->selectAll();
}

// --- What the probe reports --------------------------------------------------------------

void ConnectPanel::onFinished(const TcpProbeResult &result)
{
    m_buffer->flush();
    addHistoryRow(result);
    if (result.ok()) {
        setEndpoints(result.local, result.remote);
        m_errorLabel->hide();
    } else {
        // getsockname()/getpeername() only count once connected; what was tried goes in the history.
        setEndpoints({}, {});
        showError(result.error);
        if (result.error.kind == ErrorKind::Usage) {
            QLabel *field = result.error.field == QLatin1String("host") ? m_hostError : m_portError;
            field->setText(result.error.message);
            field->show();
        }
    }
    updateControls();
}

void ConnectPanel::onStateChanged(TcpProbe::State)
{
    updateControls();
}

void ConnectPanel::onConnectionClosed(const SessionError &why)
{
    m_buffer->flush();
    QPalette palette = m_closedLabel->palette();
    QString text;
    if (m_closingByUs) {
        text = tr("You closed the connection (close()).");
        palette.setColor(QPalette::WindowText, QPalette().color(QPalette::WindowText));
    } else if (why.isError()) {
        text = tr("The connection ended with an error: %1").arg(why.message);
        if (!why.osError.isEmpty() && !why.message.contains(why.osError))
            text += QStringLiteral(" (%1)").arg(why.osError);
        const QString explanation = why.explanation();
        if (!explanation.isEmpty())
            text += QLatin1Char('\n') + explanation;
        palette.setColor(QPalette::WindowText, Theme::errorColor(palette));
    } else {
        text = tr("The server closed the connection (recv() returned 0).");
        palette.setColor(QPalette::WindowText, QPalette().color(QPalette::WindowText));
    }
    m_closedLabel->setPalette(palette);
    m_closedLabel->setText(text);
    m_closedLabel->show();
    updateControls();
}

// --- Display -----------------------------------------------------------------------------

void ConnectPanel::showError(const SessionError &error)
{
    m_errorLabel->setText(Theme::errorHtml(error));
    m_errorLabel->show();
}

void ConnectPanel::setEndpoints(const Endpoint &local, const Endpoint &remote)
{
    PrivacyText::setText(m_localLabel, local.isValid() ? local.toString() : dash());
    PrivacyText::setText(m_remoteLabel, remote.isValid() ? remote.toString() : dash());
    // What the seeds' Python prints for s.getsockname() / s.getpeername().
    // A no-break space keeps the line's height, so nothing moves when the values arrive.
    const QString blank = QStringLiteral("\u00a0");
    PrivacyText::setText(m_localPython, local.isValid() ? tr("Python: %1").arg(local.toPythonTuple()) : blank);
    PrivacyText::setText(m_remotePython, remote.isValid() ? tr("Python: %1").arg(remote.toPythonTuple()) : blank);
}

void ConnectPanel::addHistoryRow(const TcpProbeResult &result)
{
    if (m_historyTable->rowCount() >= kMaxHistoryRows)
        m_historyTable->removeRow(0);
    const int row = m_historyTable->rowCount();
    m_historyTable->insertRow(row);
    const QFont mono = Theme::monospaceFont(font());
    auto set = [&](int column, const QString &text, bool monospace = false) {
        auto *item = new QTableWidgetItem;
        PrivacyText::setText(item, text);
        if (monospace)
            item->setFont(mono);
        if (!result.ok())
            item->setForeground(Theme::errorColor(palette()));
        m_historyTable->setItem(row, column, item);
        return item;
    };
    set(HistoryTime, m_attemptTime.toString(QStringLiteral("HH:mm:ss")));
    set(HistoryLocal, result.local.isValid() ? result.local.toString() : dash(), true);
    QTableWidgetItem *remote = set(HistoryRemote, result.remote.isValid() ? result.remote.toString() : dash(), true);
    if (!result.ok() && result.remote.isValid())
        remote->setToolTip(tr("The address connect() tried"));
    set(HistoryDuration, tr("%1 ms").arg(double(result.durationNs) / 1e6, 0, 'f', 1))
        ->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QString outcome;
    if (result.ok())
        outcome = tr("connected");
    else if (result.error.osError.isEmpty())
        outcome = Theme::errorTitle(result.error.kind);
    else
        outcome = tr("%1: %2").arg(Theme::errorTitle(result.error.kind), result.error.osError);
    set(HistoryResult, outcome)->setToolTip(result.error.message);
    m_historyTable->scrollToBottom();
}

void ConnectPanel::updateControls()
{
    const TcpProbe::State state = m_probe ? m_probe->state() : TcpProbe::State::Idle;
    const bool active = isActive(state);
    const bool connected = state == TcpProbe::State::Connected;
    const bool connecting = state == TcpProbe::State::Resolving || state == TcpProbe::State::Connecting;

    m_closeButton->setVisible(active);
    m_closeButton->setText(connecting ? tr("C&ancel") : tr("C&lose"));
    m_closeButton->setToolTip(connecting ? tr("Stop trying to connect") : tr("s.close(): end the connection"));
    m_sendEdit->setEnabled(connected);
    m_sendModeCombo->setEnabled(connected);
    m_appendNewlineCheck->setEnabled(connected && m_sendModeCombo->currentIndex() == 0);
    m_sendButton->setEnabled(connected);
    m_halfCloseButton->setEnabled(connected);

    QString text;
    switch (state) {
    case TcpProbe::State::Idle:
        text = tr("Not connected: press Connect first.");
        break;
    case TcpProbe::State::Resolving:
        text = tr("Resolving the name (getaddrinfo)\u2026");
        break;
    case TcpProbe::State::Connecting:
        text = tr("Connecting (connect)\u2026");
        break;
    case TcpProbe::State::Connected:
        text = tr("Connected: type text and press Send; what the server sends appears below.");
        break;
    case TcpProbe::State::HalfClosed:
        text = tr("Half-closed: you send nothing more (shutdown SHUT_WR), but still receive.");
        break;
    case TcpProbe::State::Closed:
        text = m_probe && m_probe->result().ok() ? tr("Closed.") : tr("Not connected.");
        break;
    }
    m_stateLabel->setText(text);
}

Transcript ConnectPanel::transcript() const
{
    Transcript t = TranscriptForm::withSteps(m_lastRun, m_buffer, m_traceModel);
    if (!t.when.isValid())
        return {};
    for (const auto &[caption, value] :
        { std::pair(m_localCaption, m_localLabel), std::pair(m_remoteCaption, m_remoteLabel) })
        t.result.append(
            TranscriptForm::fieldName(TranscriptForm::plainText(caption)) + QStringLiteral(": ") + value->text());
    t.result += TranscriptForm::lines({ m_stateLabel, m_errorLabel, m_closedLabel });
    return t;
}

bool ConnectPanel::isBusy() const
{
    return m_probe && isActive(m_probe->state());
}

} // namespace swb
