#include "panels/udppanel.h"

#include "lab/locallab.h"
#include "lookup/privacy.h"
#include "net/endpoint.h"
#include "net/payloadcodec.h"
#include "server/serversession.h"
#include "theme.h"
#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"
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
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace swb {

namespace {

constexpr int kStepCapacity = 20000;
constexpr int kFlushIntervalMs = 33; // about one update per frame
constexpr int kMaxFillerBytes = 1000000;

enum PayloadMode { PayloadText, PayloadHex, PayloadFiller };

QString dash()
{
    return QStringLiteral("\u2014");
}

// The bytes the payload field describes in its mode, or the reason it describes none.
std::optional<QByteArray> decodePayload(int mode, const QString &text, QString *error)
{
    if (mode == PayloadFiller) {
        const QString trimmed = text.trimmed();
        bool ok = trimmed.isEmpty();
        const qint64 n = ok ? 0 : trimmed.toLongLong(&ok);
        if (!ok || n < 0) {
            *error = UdpPanel::tr("Type a number of bytes, such as 65508.");
            return std::nullopt;
        }
        if (n > kMaxFillerBytes) {
            *error = UdpPanel::tr("At most %L1 bytes here.").arg(kMaxFillerBytes);
            return std::nullopt;
        }
        return QByteArray(int(n), 'x');
    }
    const PayloadCodec::Decoded decoded
        = mode == PayloadHex ? PayloadCodec::fromHex(text) : PayloadCodec::fromEscapedText(text);
    if (!decoded.bytes)
        *error = decoded.error;
    return decoded.bytes;
}

QString milliseconds(double ns)
{
    return QLocale::c().toString(ns / 1e6, 'f', 3);
}

} // namespace

UdpPanel::UdpPanel(LocalLab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("udpPanel"));
    m_runs[0].connected = false;
    m_runs[1].connected = true;
    for (Run &run : m_runs) {
        const StepTable::Trace trace = StepTable::makeTrace(this, kStepCapacity);
        run.buffer = trace.buffer;
        run.traceModel = trace.model;
        run.traceStyle = trace.styled;
        run.model = new UdpDatagramModel(this);
    }
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &UdpPanel::flushPending);

    buildUi();
    applyFonts();
    PrivacyText::follow(this);
    m_hostEdit->setText(QStringLiteral("127.0.0.1"));
    m_portEdit->setText(QString::number(kFallbackPort));
    m_payloadEdit->setText(QStringLiteral("hello"));

    if (m_lab) {
        connect(m_lab, &LocalLab::ready, this, &UdpPanel::labReady);
        if (m_lab->isReady())
            labReady();
    }
    modeChanged();
    validate();
    updateControls();
}

UdpPanel::~UdpPanel()
{
    // A session reports its cancel while it is destroyed; this panel is half gone by then.
    for (Run &run : m_runs) {
        if (run.session) {
            run.session->disconnect();
            delete run.session;
        }
        run.buffer->disconnect();
    }
}

UdpSession *UdpPanel::session(bool connected) const
{
    return m_runs[connected ? 1 : 0].session;
}

UdpDatagramModel *UdpPanel::datagramModel(bool connected) const
{
    return m_runs[connected ? 1 : 0].model;
}

bool UdpPanel::isRunning() const
{
    return m_runs[0].active || m_runs[1].active;
}

// --- The form ------------------------------------------------------------------------------

void UdpPanel::buildUi()
{
    auto label = [this](const QString &text, QWidget *buddy) { return FormFields::makeBuddyLabel(text, buddy, this); };

    m_labServiceCombo = new LabServiceCombo(m_lab, Transport::Udp, this);

    m_familyCombo = FormFields::makeFamilyCombo(this, QStringLiteral("familyCombo"), tr("Any"));
    m_familyCombo->setToolTip(tr("Which kind of address to use: the first argument of socket.socket(). "
                                 "Any uses the first IPv4 address, as gethostbyname() does."));

    m_modeCombo = new QComboBox(this);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItem(tr("Unconnected: sendto / recvfrom"), int(Mode::Unconnected));
    m_modeCombo->addItem(tr("Connected: connect, send / recv"), int(Mode::Connected));
    m_modeCombo->addItem(tr("Both, side by side"), int(Mode::Both));
    m_modeCombo->setCurrentIndex(2);
    m_modeCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modeCombo->setMinimumContentsLength(12);
    m_modeCombo->setToolTip(
        tr("Unconnected: every datagram names its destination (sendto) and replies from anyone are read "
           "(recvfrom). Connected: connect() only records the peer; the system then keeps only the peer's "
           "datagrams and reports an ICMP port-unreachable as ECONNREFUSED. Both: the same send from two "
           "sockets at once."));

    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setToolTip(tr("A host name or an address (127.0.0.1, ::1, or a broadcast address such as "
                              "255.255.255.255 with the broadcast option)"));
    m_portEdit = new QLineEdit(this);
    m_portEdit->setObjectName(QStringLiteral("portEdit"));
    m_portEdit->setToolTip(tr("A port number (1 to 65535) or a service name, looked up with "
                              "getservbyname(name, 'udp')"));

    m_localPortSpin = new QSpinBox(this);
    m_localPortSpin->setObjectName(QStringLiteral("localPortSpin"));
    m_localPortSpin->setRange(0, 65535);
    m_localPortSpin->setSpecialValueText(tr("system picks"));
    m_localPortSpin->setToolTip(tr("s.bind(('', port)) before sending. Left at \u201csystem picks\u201d, the "
                                   "system gives the socket a free port at its first send."));

    m_payloadEdit = new QLineEdit(this);
    m_payloadEdit->setObjectName(QStringLiteral("payloadEdit"));
    m_payloadEdit->setClearButtonEnabled(true);
    m_payloadEdit->setPlaceholderText(tr("Empty: an empty datagram (legal; RFC 868 time sends one)"));
    m_payloadModeCombo = new QComboBox(this);
    m_payloadModeCombo->setObjectName(QStringLiteral("payloadModeCombo"));
    m_payloadModeCombo->addItem(tr("Text (\\r \\n \\t \\xNN escapes)"), PayloadText);
    m_payloadModeCombo->addItem(tr("Hex"), PayloadHex);
    m_payloadModeCombo->addItem(tr("Size: that many 'x' bytes"), PayloadFiller);
    m_payloadModeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_payloadModeCombo->setToolTip(tr("Text is sent as UTF-8, with escapes for bytes you cannot type. Hex: "
                                      "bytes as hex digits. Size: a number, to try the size limits."));

    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setObjectName(QStringLiteral("sizeLabel"));
    m_sizeLabel->setWordWrap(true);
    Theme::makeMuted(m_sizeLabel);

    m_countSpin = new QSpinBox(this);
    m_countSpin->setObjectName(QStringLiteral("countSpin"));
    m_countSpin->setRange(1, UdpSessionRequest::kMaxCount);
    m_countSpin->setGroupSeparatorShown(true);
    m_countSpin->setToolTip(tr("How many times to send the payload"));

    m_intervalSpin = new QSpinBox(this);
    m_intervalSpin->setObjectName(QStringLiteral("intervalSpin"));
    m_intervalSpin->setRange(0, 3600000);
    m_intervalSpin->setValue(1000);
    m_intervalSpin->setSingleStep(100);
    m_intervalSpin->setSuffix(tr(" ms"));
    m_intervalSpin->setToolTip(tr("The pause between two sends (0: as fast as the socket takes them)"));

    m_windowSpin = new QDoubleSpinBox(this);
    m_windowSpin->setObjectName(QStringLiteral("windowSpin"));
    m_windowSpin->setRange(0.0, 3600.0);
    m_windowSpin->setDecimals(1);
    m_windowSpin->setValue(2.0);
    m_windowSpin->setSuffix(tr(" s"));
    m_windowSpin->setToolTip(tr("How long to keep reading after the last send. UDP never says that the other "
                                "side is done, so a client can only wait (the seed's program waits for ever)."));

    m_bufferSpin = new QSpinBox(this);
    m_bufferSpin->setObjectName(QStringLiteral("bufferSpin"));
    m_bufferSpin->setRange(1, 65536); // a datagram is never larger
    m_bufferSpin->setValue(65536);
    m_bufferSpin->setGroupSeparatorShown(true);
    m_bufferSpin->setSuffix(tr(" bytes"));
    m_bufferSpin->setToolTip(tr("recvfrom(bufsize): a datagram larger than this is cut, and the rest is lost"));

    m_finishWhenAnsweredCheck = new QCheckBox(tr("Stop waiting once every datagram has a reply"), this);
    m_finishWhenAnsweredCheck->setObjectName(QStringLiteral("finishWhenAnsweredCheck"));
    m_finishWhenAnsweredCheck->setChecked(true);

    m_sendButton = new QPushButton(tr("&Send"), this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    m_stopButton = new QPushButton(tr("S&top"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop sending and receiving, and close the socket"));

    m_hostError = new QLabel(this);
    m_hostError->setObjectName(QStringLiteral("hostError"));
    Theme::makeFieldError(m_hostError);
    m_portError = new QLabel(this);
    m_portError->setObjectName(QStringLiteral("portError"));
    Theme::makeFieldError(m_portError);
    m_bindError = new QLabel(this);
    m_bindError->setObjectName(QStringLiteral("bindError"));
    Theme::makeFieldError(m_bindError);
    m_payloadError = new QLabel(this);
    m_payloadError->setObjectName(QStringLiteral("payloadError"));
    Theme::makeFieldError(m_payloadError);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopButton);

    auto *target = new QGroupBox(tr("Send datagrams"), this);
    auto *form = new QGridLayout(target);
    form->addWidget(label(tr("Lab &service:"), m_labServiceCombo), 0, 0);
    form->addWidget(m_labServiceCombo, 0, 1);
    form->addWidget(label(tr("&Family:"), m_familyCombo), 0, 2);
    form->addWidget(m_familyCombo, 0, 3);
    form->addWidget(label(tr("&Mode:"), m_modeCombo), 0, 4);
    form->addWidget(m_modeCombo, 0, 5);
    form->addWidget(label(tr("&Host:"), m_hostEdit), 1, 0);
    form->addWidget(m_hostEdit, 1, 1);
    form->addWidget(label(tr("&Port or service:"), m_portEdit), 1, 2);
    form->addWidget(m_portEdit, 1, 3);
    form->addWidget(label(tr("&Bind local port:"), m_localPortSpin), 1, 4);
    form->addWidget(m_localPortSpin, 1, 5);
    form->addWidget(m_hostError, 2, 1);
    form->addWidget(m_portError, 2, 2, 1, 2);
    form->addWidget(m_bindError, 2, 4, 1, 2);
    form->addWidget(label(tr("P&ayload:"), m_payloadEdit), 3, 0);
    form->addWidget(m_payloadEdit, 3, 1, 1, 3);
    form->addWidget(m_payloadModeCombo, 3, 4, 1, 2);
    form->addWidget(m_sizeLabel, 4, 1, 1, 5);
    form->addWidget(m_payloadError, 5, 1, 1, 5);
    form->addWidget(label(tr("Datagrams to se&nd:"), m_countSpin), 6, 0);
    form->addWidget(m_countSpin, 6, 1);
    form->addWidget(label(tr("&Every:"), m_intervalSpin), 6, 2);
    form->addWidget(m_intervalSpin, 6, 3);
    form->addWidget(label(tr("&Receive for:"), m_windowSpin), 6, 4);
    form->addWidget(m_windowSpin, 6, 5);
    form->addWidget(label(tr("Read b&uffer:"), m_bufferSpin), 7, 0);
    form->addWidget(m_bufferSpin, 7, 1);
    form->addWidget(m_finishWhenAnsweredCheck, 7, 2, 1, 2);
    form->addLayout(buttons, 7, 4, 1, 2);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 1);
    form->setColumnStretch(5, 1);

    // --- Loss, display and the LAN options ---------------------------------------------------
    m_lossyCheck = new QCheckBox(tr("Lossy lab echo, losing"), this);
    m_lossyCheck->setObjectName(QStringLiteral("lossyCheck"));
    m_lossyCheck->setToolTip(tr("Start an echo server for this panel that drops a share of the datagrams it "
                                "receives, as a busy network would, and send to it"));
    m_lossySpin = new QSpinBox(this);
    m_lossySpin->setObjectName(QStringLiteral("lossySpin"));
    m_lossySpin->setRange(1, 100);
    m_lossySpin->setValue(30);
    m_lossySpin->setSuffix(tr(" %"));
    m_lossyLabel = new QLabel(this);
    m_lossyLabel->setObjectName(QStringLiteral("lossyLabel"));
    m_lossyLabel->setWordWrap(true);
    Theme::makeMuted(m_lossyLabel);

    m_encodingCombo = new QComboBox(this);
    m_encodingCombo->setObjectName(QStringLiteral("encodingCombo"));
    m_encodingCombo->addItem(tr("UTF-8"), QByteArray("UTF-8"));
    m_encodingCombo->addItem(tr("GBK"), QByteArray("GBK"));
    m_encodingCombo->addItem(tr("Latin-1 (ISO-8859-1)"), QByteArray("ISO-8859-1"));
    m_encodingCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_encodingCombo->setToolTip(tr("How the payload bytes are read as characters in the table"));
    m_encodingHint = new QLabel(this);
    m_encodingHint->setObjectName(QStringLiteral("encodingHint"));
    m_encodingHint->setWordWrap(true);
    Theme::makeMuted(m_encodingHint);

    m_lanButton = new QPushButton(tr("Broadcast and multicast\u2026"), this);
    m_lanButton->setObjectName(QStringLiteral("lanButton"));
    m_lanButton->setCheckable(true);
    m_lanButton->setToolTip(tr("Options for the LAN lessons: SO_BROADCAST, and joining a multicast group"));
    m_lanOptions = buildLanOptions();
    m_lanOptions->hide();

    auto *extras = new QHBoxLayout;
    extras->addWidget(m_lossyCheck);
    extras->addWidget(m_lossySpin);
    extras->addSpacing(16);
    extras->addWidget(label(tr("Sho&w payloads as:"), m_encodingCombo));
    extras->addWidget(m_encodingCombo);
    extras->addStretch(1);
    extras->addWidget(m_lanButton);

    // --- Results: one column per mode ---------------------------------------------------------
    auto *results = new QHBoxLayout;
    results->addWidget(buildRun(m_runs[0]), 1);
    results->addWidget(buildRun(m_runs[1]), 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(target);
    layout->addLayout(extras);
    layout->addWidget(m_lossyLabel);
    layout->addWidget(m_encodingHint);
    layout->addWidget(m_lanOptions);
    layout->addLayout(results, 1);

    connect(m_labServiceCombo, &LabServiceCombo::serviceChosen, this, [this](const QString &host, quint16 port) {
        if (m_lossyCheck->isChecked())
            m_lossyCheck->setChecked(false); // the person chose another server
        m_hostEdit->setText(host);
        m_portEdit->setText(QString::number(port));
    });
    for (QLineEdit *edit : { m_hostEdit, m_portEdit, m_payloadEdit, m_groupEdit, m_interfaceEdit }) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            m_labServiceCombo->sync(m_hostEdit->text(), m_portEdit->text());
        });
        connect(edit, &QLineEdit::returnPressed, this, &UdpPanel::send);
    }
    connect(m_payloadModeCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &UdpPanel::validate);
    connect(m_familyCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &UdpPanel::validate);
    connect(m_modeCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        modeChanged();
        validate();
    });
    connect(m_localPortSpin, QOverload<int>::of(&QSpinBox::valueChanged), this, &UdpPanel::validate);
    connect(m_encodingCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &UdpPanel::encodingChanged);
    connect(m_sendButton, &QPushButton::clicked, this, &UdpPanel::send);
    connect(m_stopButton, &QPushButton::clicked, this, &UdpPanel::stop);
    connect(m_lossyCheck, &QCheckBox::toggled, this, &UdpPanel::lossyToggled);
    connect(m_lossySpin, QOverload<int>::of(&QSpinBox::valueChanged), this, [this] {
        if (m_lossyCheck->isChecked())
            startLossyEcho();
    });
    connect(m_lanButton, &QPushButton::toggled, m_lanOptions, &QWidget::setVisible);
    // The code follows every field.
    for (QSpinBox *spin : { m_countSpin, m_intervalSpin, m_bufferSpin, m_ttlSpin })
        connect(spin, QOverload<int>::of(&QSpinBox::valueChanged), this, &UdpPanel::updateCode);
    connect(m_windowSpin, QOverload<double>::of(&QDoubleSpinBox::valueChanged), this, &UdpPanel::updateCode);
    for (QCheckBox *check : { m_finishWhenAnsweredCheck, m_broadcastCheck })
        connect(check, &QCheckBox::toggled, this, &UdpPanel::updateCode);
    connect(m_loopCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &UdpPanel::updateCode);
    encodingChanged();
}

QWidget *UdpPanel::buildLanOptions()
{
    auto *box = new QGroupBox(tr("Broadcast and multicast (LAN lessons)"), this);
    m_broadcastCheck = new QCheckBox(tr("Allow broadcast (SO_BROADCAST)"), box);
    m_broadcastCheck->setObjectName(QStringLiteral("broadcastCheck"));
    m_broadcastCheck->setToolTip(
        tr("s.setsockopt(SOL_SOCKET, SO_BROADCAST, 1): needed to send to 255.255.255.255 or to the broadcast "
           "address of your network (such as 192.168.1.255); without it the system refuses with EACCES"));
    m_groupEdit = new QLineEdit(box);
    m_groupEdit->setObjectName(QStringLiteral("groupEdit"));
    m_groupEdit->setPlaceholderText(tr("none, e.g. 239.1.2.3"));
    m_groupEdit->setToolTip(tr("Join this multicast group (IP_ADD_MEMBERSHIP) to receive what is sent to it; "
                               "left empty, the socket joins none"));
    m_interfaceEdit = new QLineEdit(box);
    m_interfaceEdit->setObjectName(QStringLiteral("interfaceEdit"));
    m_interfaceEdit->setPlaceholderText(tr("any"));
    m_interfaceEdit->setToolTip(tr("The address of the interface to join the group on, and to send to the group "
                                   "by (IP_MULTICAST_IF); empty: the system chooses. 127.0.0.1 keeps it all on "
                                   "this computer."));
    m_ttlSpin = new QSpinBox(box);
    m_ttlSpin->setObjectName(QStringLiteral("ttlSpin"));
    m_ttlSpin->setRange(-1, 255);
    m_ttlSpin->setValue(-1);
    m_ttlSpin->setSpecialValueText(tr("default (1)"));
    m_ttlSpin->setToolTip(tr("IP_MULTICAST_TTL: how many routers a multicast datagram may cross. 1 keeps it on "
                             "the local network."));
    m_loopCombo = new QComboBox(box);
    m_loopCombo->setObjectName(QStringLiteral("loopCombo"));
    m_loopCombo->addItem(tr("default (on)"), -1);
    m_loopCombo->addItem(tr("on"), 1);
    m_loopCombo->addItem(tr("off"), 0);
    m_loopCombo->setToolTip(tr("IP_MULTICAST_LOOP: whether this computer also receives what it sends to a group. "
                               "On the interface 127.0.0.1 it changes nothing: what leaves by the loopback "
                               "interface always comes back in."));
    m_lanError = new QLabel(box);
    m_lanError->setObjectName(QStringLiteral("lanError"));
    Theme::makeFieldError(m_lanError);

    auto *grid = new QGridLayout(box);
    grid->addWidget(m_broadcastCheck, 0, 0, 1, 2);
    auto *groupLabel = new QLabel(tr("Multicast &group:"), box);
    groupLabel->setBuddy(m_groupEdit);
    auto *interfaceLabel = new QLabel(tr("&Interface:"), box);
    interfaceLabel->setBuddy(m_interfaceEdit);
    auto *ttlLabel = new QLabel(tr("TT&L:"), box);
    ttlLabel->setBuddy(m_ttlSpin);
    auto *loopLabel = new QLabel(tr("L&oopback:"), box);
    loopLabel->setBuddy(m_loopCombo);
    grid->addWidget(groupLabel, 1, 0);
    grid->addWidget(m_groupEdit, 1, 1);
    grid->addWidget(interfaceLabel, 1, 2);
    grid->addWidget(m_interfaceEdit, 1, 3);
    grid->addWidget(ttlLabel, 1, 4);
    grid->addWidget(m_ttlSpin, 1, 5);
    grid->addWidget(loopLabel, 1, 6);
    grid->addWidget(m_loopCombo, 1, 7);
    grid->addWidget(m_lanError, 2, 1, 1, 7);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 2);
    return box;
}

QWidget *UdpPanel::buildRun(Run &run)
{
    const QString prefix = run.connected ? QStringLiteral("connected") : QStringLiteral("unconnected");
    auto name = [&prefix](const char *suffix) -> QString { return prefix + QLatin1String(suffix); };

    run.box = new QWidget(this);
    run.box->setObjectName(name("Run"));
    run.title = new QLabel(run.connected ? tr("Connected socket") : tr("Unconnected socket"), run.box);
    m_headings.append(run.title);
    run.python = new QLabel(run.connected ? QStringLiteral("s.connect(addr); s.send(data); s.recv(bufsize)")
                                          : QStringLiteral("s.sendto(data, addr); s.recvfrom(bufsize)"),
        run.box);
    run.python->setTextInteractionFlags(Qt::TextSelectableByMouse);
    run.python->setWordWrap(true);
    Theme::makeMuted(run.python);
    run.python->setToolTip(run.connected ? tr("connect() sends nothing: it records the peer, so send() needs no "
                                              "address and recv() keeps only the peer's datagrams")
                                         : tr("Each sendto() names the destination; recvfrom() also returns who "
                                              "sent each datagram, which may be anyone"));
    run.endpoints = new QLabel(dash(), run.box);
    run.endpoints->setObjectName(name("Endpoints"));
    run.endpoints->setWordWrap(true);
    run.endpoints->setTextInteractionFlags(Qt::TextSelectableByMouse);
    run.counters = new QLabel(run.box);
    run.counters->setObjectName(name("Counters"));
    run.counters->setWordWrap(true);
    run.counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    run.state = new QLabel(run.box);
    run.state->setObjectName(name("State"));
    run.state->setWordWrap(true);
    Theme::makeMuted(run.state);
    run.error = new QLabel(run.box);
    run.error->setObjectName(name("Error"));
    Theme::makeErrorBox(run.error);

    run.datagrams = new QTableView(run.box);
    run.datagrams->setObjectName(name("Datagrams"));
    run.datagrams->setModel(run.model);
    run.datagrams->verticalHeader()->hide();
    run.datagrams->setSelectionBehavior(QAbstractItemView::SelectRows);
    run.datagrams->setEditTriggers(QAbstractItemView::NoEditTriggers);
    run.datagrams->setWordWrap(false);
    run.datagrams->horizontalHeader()->setStretchLastSection(true);
    run.datagrams->horizontalHeader()->setHighlightSections(false);
    run.datagrams->setTextElideMode(Qt::ElideMiddle);
    // recv() on a connected socket does not say who sent a datagram: only the peer can have.
    run.datagrams->setColumnHidden(UdpDatagramModel::PeerColumn, run.connected);
    QTableView *table = run.datagrams;
    // Follow new rows unless the person has scrolled up to read.
    connect(run.model, &QAbstractItemModel::rowsInserted, table, [table] { table->scrollToBottom(); });

    run.steps = new QTableView(run.box);
    run.steps->setObjectName(name("Steps"));
    StepTable::setUp(run.steps, run.traceStyle, run.traceModel);

    run.tabs = new QTabWidget(run.box);
    run.tabs->setObjectName(name("Tabs"));
    run.tabs->addTab(run.datagrams, tr("Datagrams"));
    auto *stepsPage = new QWidget(run.box);
    auto *stepsLayout = new QVBoxLayout(stepsPage);
    stepsLayout->setContentsMargins(0, 0, 0, 0);
    stepsLayout->addWidget(run.steps, 1);
    auto *explanation = new StepExplanationView(stepsPage);
    explanation->follow(run.steps);
    stepsLayout->addWidget(explanation);
    run.tabs->addTab(stepsPage, tr("Steps"));
    run.tabs->addTab(new LadderView(LadderDiagram::Mode::Client, run.traceModel, run.box), tr("Diagram"));
    run.code = new CodePane(run.box);
    run.code->setObjectName(name("Code"));
    run.tabs->addTab(run.code, tr("Code"));
    run.tabs->setTabToolTip(3,
        run.connected ? tr("This column's send as a program: connect, send, recv")
                      : tr("This column's send as a program: sendto, recvfrom"));

    auto *layout = new QVBoxLayout(run.box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(run.title);
    layout->addWidget(run.python);
    layout->addWidget(run.endpoints);
    layout->addWidget(run.counters);
    layout->addWidget(run.state);
    layout->addWidget(run.error);
    layout->addWidget(run.tabs, 1);
    updateCounters(run);
    return run.box;
}

void UdpPanel::applyFonts()
{
    const QFont base = font();
    const QFont bold = Theme::scaledFont(base, 1.0, true);
    for (QLabel *label : std::as_const(m_headings))
        label->setFont(bold);
    const QFont mono = Theme::monospaceFont(base);
    const QFontMetrics metrics(mono);
    const int pad = metrics.averageCharWidth();
    for (Run &run : m_runs) {
        run.python->setFont(mono);
        run.endpoints->setFont(mono);
        StepTable::applyFont(run.steps, mono);
        // Fixed widths from the font: measuring every row of a flood again would stall the window.
        QTableView *table = run.datagrams;
        table->setFont(mono);
        table->verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
        QHeaderView *header = table->horizontalHeader();
        // As wide as the widest value or the column's title, whichever is wider (a Chinese title may be).
        const QFontMetrics titleMetrics(header->font());
        const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + pad;
        auto width = [&](int column, const QString &sample) {
            const QString title = run.model->headerData(column, Qt::Horizontal).toString();
            return std::max(metrics.horizontalAdvance(sample) + pad, titleMetrics.horizontalAdvance(title) + margins);
        };
        header->resizeSection(
            UdpDatagramModel::IndexColumn, width(UdpDatagramModel::IndexColumn, QStringLiteral("\u2190 #999999")));
        header->resizeSection(
            UdpDatagramModel::TimeColumn, width(UdpDatagramModel::TimeColumn, QStringLiteral("999.999")));
        header->resizeSection(
            UdpDatagramModel::PeerColumn, width(UdpDatagramModel::PeerColumn, QStringLiteral("127.0.0.1:65535  ")));
        header->resizeSection(
            UdpDatagramModel::SizeColumn, width(UdpDatagramModel::SizeColumn, QStringLiteral("65507")));
        header->resizeSection(
            UdpDatagramModel::RttColumn, width(UdpDatagramModel::RttColumn, QStringLiteral("99.999")));
    }
    m_payloadEdit->setFont(mono);
    m_portEdit->setMinimumWidth(QFontMetrics(m_portEdit->font()).horizontalAdvance(QStringLiteral("http-alt00")));
}

void UdpPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

// --- The lab ----------------------------------------------------------------------------------

void UdpPanel::labReady()
{
    m_labServiceCombo->refill();
    if (m_fieldsFromLossy)
        return;
    const quint16 port = m_lab ? m_lab->port(QStringLiteral("echo"), Transport::Udp) : 0;
    if (port != 0) {
        m_hostEdit->setText(m_lab->bindAddress());
        m_portEdit->setText(QString::number(port));
    }
    m_labServiceCombo->sync(m_hostEdit->text(), m_portEdit->text());
}

// --- The lossy echo ---------------------------------------------------------------------------

void UdpPanel::lossyToggled(bool on)
{
    if (on) {
        startLossyEcho();
        return;
    }
    if (m_lossy)
        m_lossy->stop();
    m_lossyLabel->clear();
    m_lossyLabel->hide();
    if (m_fieldsFromLossy) {
        m_fieldsFromLossy = false;
        labReady(); // back to the lab's echo
    }
    validate();
}

void UdpPanel::startLossyEcho()
{
    ListenServerOptions options;
    options.transport = Transport::Udp;
    options.behaviour = QStringLiteral("echo");
    options.bindAddress = QStringLiteral("127.0.0.1");
    options.port = 0;
    options.dropPercent = m_lossySpin->value();
    if (!m_lossy) {
        m_lossy = new ServerSession(options, this);
        connect(m_lossy, &ServerSession::started, this, &UdpPanel::lossyStarted);
        connect(m_lossy, &ServerSession::stateChanged, this, &UdpPanel::validate);
        connect(m_lossy, &ServerSession::stopped, this, [this] {
            // A new share of loss: the server starts again with it.
            if (m_lossyCheck->isChecked())
                m_lossy->start();
        });
        connect(m_lossy, &ServerSession::failed, this, [this](const SessionError &error) {
            PrivacyText::setText(m_lossyLabel, tr("The lossy echo could not start: %1").arg(error.message));
            validate();
            m_lossyLabel->show();
        });
    }
    m_lossy->setOptions(options);
    PrivacyText::setText(m_lossyLabel, tr("Starting a lossy echo\u2026 Send waits until it listens."));
    m_lossyLabel->show();
    if (m_lossy->isRunning())
        m_lossy->stop(); // started again with the new options once it has stopped
    else
        m_lossy->start();
    validate();
}

void UdpPanel::lossyStarted()
{
    const Endpoint at = m_lossy->localEndpoint();
    m_fieldsFromLossy = true;
    m_hostEdit->setText(at.host);
    m_portEdit->setText(QString::number(at.port));
    PrivacyText::setText(m_lossyLabel,
        tr("An echo server for this panel runs on %1 and throws away %2 % of the datagrams "
           "it receives, at random. The counters below show the loss.")
            .arg(at.toString())
            .arg(m_lossy->options().dropPercent));
    validate();
}

// --- Input ------------------------------------------------------------------------------------

void UdpPanel::encodingChanged()
{
    const QByteArray encoding = m_encodingCombo->currentData().toByteArray();
    for (Run &run : m_runs)
        run.model->setEncoding(encoding);
    if (encoding == "UTF-8") {
        m_encodingHint->hide();
        return;
    }
    m_encodingHint->setText(tr("The bytes are the same; only how they are read as characters changes. Text "
                               "sent as UTF-8 and read as %1 turns into mojibake (\u4e71\u7801): each encoding "
                               "maps bytes to characters its own way, and only ASCII reads the same in all three.")
                                .arg(m_encodingCombo->currentText()));
    m_encodingHint->show();
}

void UdpPanel::updateCode()
{
    const std::optional<UdpSessionRequest> request = formRequest();
    QString why;
    for (QLabel *error : { m_hostError, m_portError, m_payloadError, m_lanError }) {
        if (why.isEmpty() && !error->text().isEmpty())
            why = error->text();
    }
    for (Run &run : m_runs) {
        if (!request || !why.isEmpty()) {
            run.code->setUnavailable(why.isEmpty() ? tr("the payload cannot be read") : why);
            continue;
        }
        UdpSessionRequest r = *request;
        r.connected = run.connected;
        run.code->setProgram(EquivalentCode::forUdp(r));
    }
}

void UdpPanel::modeChanged()
{
    const auto mode = Mode(m_modeCombo->currentData().toInt());
    m_runs[0].box->setVisible(mode != Mode::Connected);
    m_runs[1].box->setVisible(mode != Mode::Unconnected);
}

std::optional<UdpSessionRequest> UdpPanel::formRequest() const
{
    UdpSessionRequest request;
    request.host = m_hostEdit->text().trimmed();
    request.port = m_portEdit->text().trimmed();
    request.family = AddressFamily(m_familyCombo->currentData().toInt());
    request.localPort = quint16(m_localPortSpin->value());
    QString error;
    const std::optional<QByteArray> payload
        = decodePayload(m_payloadModeCombo->currentData().toInt(), m_payloadEdit->text(), &error);
    if (!payload)
        return std::nullopt;
    request.payload = *payload;
    request.count = m_countSpin->value();
    request.intervalMs = m_intervalSpin->value();
    request.receiveWindowMs = qRound(m_windowSpin->value() * 1000.0);
    request.finishWhenAllAnswered = m_finishWhenAnsweredCheck->isChecked();
    request.readBufferSize = m_bufferSpin->value();
    request.broadcast = m_broadcastCheck->isChecked();
    request.multicastGroup = m_groupEdit->text().trimmed();
    request.multicastInterface = m_interfaceEdit->text().trimmed();
    request.multicastTtl = m_ttlSpin->value();
    request.multicastLoop = m_loopCombo->currentData().toInt();
    return request;
}

bool UdpPanel::validate()
{
    const Parsed<QString> host = EndpointParser::parseHost(m_hostEdit->text().trimmed());
    const Parsed<quint16> port = EndpointParser::parsePort(m_portEdit->text().trimmed(), Transport::Udp);
    PrivacyText::setText(m_hostError, host.ok() ? QString() : host.error.message);
    m_hostError->setVisible(!host.ok());
    PrivacyText::setText(m_portError, port.ok() ? QString() : port.error.message);
    m_portError->setVisible(!port.ok());

    // The payload and the size rules.
    QString payloadError;
    const std::optional<QByteArray> payload
        = decodePayload(m_payloadModeCombo->currentData().toInt(), m_payloadEdit->text(), &payloadError);
    const qint64 size = payload ? payload->size() : -1;
    const bool ipv6 = AddressFamily(m_familyCombo->currentData().toInt()) == AddressFamily::IPv6
        || (host.ok() && QHostAddress(*host.value).protocol() == QAbstractSocket::IPv6Protocol);
    const int limit = ipv6 ? kMaxUdpPayloadIPv6 : kMaxUdpPayloadIPv4;
    if (size > limit) {
        payloadError = ipv6 ? tr("%L1 bytes do not fit in one UDP datagram over IPv6: the most is %L2 (65,535 "
                                 "in the length field, less the 8-byte UDP header). sendto() would fail with "
                                 "EMSGSIZE.")
                                  .arg(size)
                                  .arg(limit)
                            : tr("%L1 bytes do not fit in one UDP datagram over IPv4: the most is %L2 (65,535, "
                                 "less the 20-byte IPv4 header and the 8-byte UDP header). sendto() would fail "
                                 "with EMSGSIZE.")
                                  .arg(size)
                                  .arg(limit);
    }
    PrivacyText::setText(m_payloadError, payloadError);
    m_payloadError->setVisible(!payloadError.isEmpty());
    if (size >= 0) {
        m_sizeLabel->setText(size == 0 ? tr("An empty datagram: legal in UDP (RFC 868 time sends one). One datagram "
                                            "carries at most %L1 bytes over IPv4, %L2 over IPv6.")
                                             .arg(kMaxUdpPayloadIPv4)
                                             .arg(kMaxUdpPayloadIPv6)
                                       : tr("%1 in each datagram. One datagram carries at most %L2 bytes over "
                                            "IPv4, %L3 over IPv6; an empty one is legal.")
                                             .arg(size == 1 ? tr("1 byte") : tr("%L1 bytes").arg(size))
                                             .arg(kMaxUdpPayloadIPv4)
                                             .arg(kMaxUdpPayloadIPv6));
    }

    // The multicast group must be one.
    QString lanError;
    const QString group = m_groupEdit->text().trimmed();
    if (!group.isEmpty() && !QHostAddress(group).isMulticast())
        lanError = tr("%1 is not a multicast group: IPv4 groups are 224.0.0.0 to 239.255.255.255, IPv6 ones "
                      "start with ff.")
                       .arg(group);
    const QString iface = m_interfaceEdit->text().trimmed();
    if (lanError.isEmpty() && !iface.isEmpty() && QHostAddress(iface).isNull())
        lanError = tr("The interface is given by its address, such as 192.168.1.20.");
    PrivacyText::setText(m_lanError, lanError);
    m_lanError->setVisible(!lanError.isEmpty());
    if (!lanError.isEmpty())
        m_lanButton->setChecked(true);

    // Two sockets cannot both bind one port (no SO_REUSEADDR here, as in the seeds).
    const bool both = Mode(m_modeCombo->currentData().toInt()) == Mode::Both;
    const QString bindError = both && m_localPortSpin->value() != 0
        ? tr("Both modes at once use two sockets, and two sockets cannot bind the same port: choose one mode, "
             "or let the system pick.")
        : QString();
    m_bindError->setText(bindError);
    m_bindError->setVisible(!bindError.isEmpty());
    // While the lossy echo (re)starts, its port is not known yet: Send waits for it.
    const bool lossyReady
        = !m_lossyCheck->isChecked() || (m_lossy && m_lossy->state() == ServerSession::State::Listening);

    const bool valid
        = host.ok() && port.ok() && payloadError.isEmpty() && lanError.isEmpty() && bindError.isEmpty() && lossyReady;
    updateCode();
    m_sendButton->setEnabled(valid);
    return valid;
}

// --- Running ----------------------------------------------------------------------------------

void UdpPanel::send()
{
    if (!validate())
        return;
    const std::optional<UdpSessionRequest> request = formRequest();
    if (!request)
        return;
    const auto mode = Mode(m_modeCombo->currentData().toInt());
    m_lastRun = TranscriptForm::begin(this, QString());
    for (const QString &option : TranscriptForm::checkedOptions(this))
        m_lastRun.request.append({ option, QStringLiteral("\u2713") });
    // Both columns' programs, one after the other, in "both" mode.
    for (const Run &run : m_runs) {
        if ((run.connected && mode != Mode::Unconnected) || (!run.connected && mode != Mode::Connected))
            m_lastRun.python += (m_lastRun.python.isEmpty() ? QString() : QStringLiteral("\n")) + run.code->python();
    }
    // Both runs are cleared, so a column left from an earlier mode never shows old results.
    for (Run &run : m_runs) {
        if (run.session) {
            run.session->disconnect(this);
            run.session->cancel();
            run.session->deleteLater();
            run.session = nullptr;
        }
        run.active = false;
        run.pending.clear();
        run.buffer->flush();
        run.model->clear();
        run.traceModel->clear();
        PrivacyText::setText(run.error, QString());
        run.error->hide();
        run.state->clear();
        updateCounters(run);
    }
    // A run that fails at once (a Usage error) finishes inside startRun: runsFinished waits for both.
    m_starting = true;
    if (mode != Mode::Connected)
        startRun(m_runs[0], *request);
    if (mode != Mode::Unconnected)
        startRun(m_runs[1], *request);
    m_starting = false;
    updateControls();
    if (!isRunning())
        emit runsFinished();
}

void UdpPanel::startRun(Run &run, const UdpSessionRequest &form)
{
    UdpSessionRequest request = form;
    request.connected = run.connected;
    auto *session = new UdpSession(this);
    run.session = session;
    run.active = true;
    run.count = request.count;
    run.windowMs = request.receiveWindowMs;
    const int which = run.connected ? 1 : 0;
    const QByteArray shown = request.payload.left(UdpDatagramModel::kMaxShownBytes);
    // The text of the last peer, made once per peer rather than once per datagram.
    auto peerCache = std::make_shared<std::pair<Endpoint, QString>>();
    auto peerText = [peerCache](const Endpoint &peer) {
        if (peerCache->second.isEmpty() || peerCache->first != peer)
            *peerCache = { peer, peer.toString() };
        return peerCache->second;
    };
    TraceBuffer *buffer = run.buffer;
    connect(session, &UdpSession::traced, buffer, &TraceBuffer::append);
    connect(session, &UdpSession::datagramSent, this, [this, which, session, shown, peerText](const UdpExchange &x) {
        UdpDatagramModel::Datagram d;
        d.sent = true;
        d.index = x.index;
        d.atNs = x.sentNs;
        d.peer = peerText(session->result().remote);
        d.size = x.size;
        d.payload = shown;
        queueDatagram(m_runs[which], std::move(d));
    });
    connect(session, &UdpSession::datagramReceived, this, [this, which, peerText](const UdpReply &r) {
        UdpDatagramModel::Datagram d;
        d.sent = false;
        d.index = r.answers;
        d.atNs = r.atNs;
        d.peer = peerText(r.sender);
        d.size = r.size;
        d.kept = r.payload.size();
        d.payload = r.payload.left(UdpDatagramModel::kMaxShownBytes);
        d.truncated = r.truncated;
        d.rttNs = r.rttNs;
        queueDatagram(m_runs[which], std::move(d));
    });
    connect(session, &UdpSession::finished, this, [this, which, session](const UdpSessionResult &result) {
        if (m_runs[which].session == session)
            runFinished(m_runs[which], result);
    });
    run.state->setText(tr("Sending\u2026"));
    session->start(request);
}

void UdpPanel::queueDatagram(Run &run, UdpDatagramModel::Datagram datagram)
{
    run.pending.append(std::move(datagram));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void UdpPanel::flushPending()
{
    m_flushTimer.stop();
    for (Run &run : m_runs) {
        run.buffer->flush();
        if (!run.pending.isEmpty()) {
            run.model->append(run.pending);
            run.pending.clear();
        }
        if (run.active)
            updateCounters(run);
    }
}

void UdpPanel::updateCounters(Run &run)
{
    if (!run.session) {
        run.endpoints->setText(tr("Not sent yet: this socket's two ends show here."));
        run.counters->setText(tr("Sent 0 \u00b7 Received 0"));
        return;
    }
    const UdpSessionResult &r = run.session->result();
    const QString local = r.local.isValid() ? r.local.toString() : tr("not bound yet");
    const QString remote = r.remote.isValid() ? r.remote.toString() : dash();
    PrivacyText::setText(run.endpoints,
        tr("Local (getsockname): %1\nRemote (%2): %3")
            .arg(local, run.connected ? tr("getpeername") : tr("sendto"), remote));
    QString counters = tr("Sent %L1 \u00b7 Received %L2 \u00b7 Answered %L3 \u00b7 No reply %L4")
                           .arg(r.sent)
                           .arg(r.received)
                           .arg(r.answered)
                           .arg(r.unanswered);
    // Only a window that closed normally measures loss: a stop or an error cuts it short.
    if (r.sent > 0 && !run.active && !run.session->isRunning() && r.ok())
        counters += tr(" (%1 % lost)").arg(QLocale::c().toString(100.0 * r.unanswered / r.sent, 'f', 1));
    if (r.truncated > 0)
        counters += tr(" \u00b7 Cut %L1").arg(r.truncated);
    run.counters->setText(counters);
    if (run.active) {
        run.state->setText(r.sent < run.count ? tr("Sending: %L1 of %L2 sent\u2026").arg(r.sent).arg(run.count)
                                              : tr("All sent; receiving for up to %1 s\u2026")
                                                    .arg(QLocale::c().toString(run.windowMs / 1000.0, 'f', 1)));
    }
}

void UdpPanel::runFinished(Run &run, const UdpSessionResult &result)
{
    run.active = false;
    flushPending();
    updateCounters(run);
    // Round-trip times of the replies, as a learner compares them.
    QVector<qint64> rtts;
    rtts.reserve(result.answered);
    for (const UdpExchange &x : result.exchanges) {
        if (x.answered())
            rtts.append(x.rttNs());
    }
    QString state = tr("Finished in %1 s.").arg(QLocale::c().toString(double(result.durationNs) / 1e9, 'f', 2));
    if (!rtts.isEmpty()) {
        std::sort(rtts.begin(), rtts.end());
        state += QLatin1Char(' ')
            + tr("Round trip min / median / max: %1 / %2 / %3 ms.")
                  .arg(milliseconds(double(rtts.first())), milliseconds(double(rtts.at(rtts.size() / 2))),
                      milliseconds(double(rtts.last())));
    }
    if (isCancelled(result.error)) {
        state = tr("Stopped: the socket is closed.");
    } else if (result.error.isError()) {
        PrivacyText::setText(run.error, Theme::errorHtml(result.error));
        run.error->show();
    }
    run.state->setText(state);
    // A mistake the form could not see (say, a multicast group of the other family) marks its field.
    if (result.error.kind == ErrorKind::Usage) {
        const QString &field = result.error.field;
        QLabel *label = field == QLatin1String("host") ? m_hostError
            : field == QLatin1String("port")           ? m_portError
            : field == QLatin1String("payload")        ? m_payloadError
            : field == QLatin1String("group") || field == QLatin1String("interface") || field == QLatin1String("ttl")
            ? m_lanError
            : nullptr;
        if (label) {
            PrivacyText::setText(label, result.error.message);
            label->show();
            if (label == m_lanError)
                m_lanButton->setChecked(true);
        }
    }
    updateControls();
    if (!isRunning() && !m_starting)
        emit runsFinished();
}

void UdpPanel::stop()
{
    for (Run &run : m_runs) {
        if (run.session && run.active)
            run.session->cancel();
    }
}

void UdpPanel::updateControls()
{
    m_stopButton->setEnabled(isRunning());
}

Transcript UdpPanel::transcript() const
{
    if (!m_lastRun.when.isValid())
        return {};
    Transcript t = m_lastRun;
    for (const Run &run : m_runs) {
        if (!run.box->isVisibleTo(run.box->window()) && run.traceModel->rowCount() == 0)
            continue;
        run.buffer->flush();
        const QString title = TranscriptForm::plainText(run.title);
        t.addSteps(run.traceModel, title);
        const QStringList lines = TranscriptForm::lines({ run.endpoints, run.counters, run.state, run.error });
        for (const QString &line : lines)
            t.result.append(title + QStringLiteral(": ") + line);
    }
    return t;
}

bool UdpPanel::isBusy() const
{
    return isRunning();
}

} // namespace swb
