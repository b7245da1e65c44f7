#include "panels/timepanel.h"

#include "lab/locallab.h"
#include "net/payloadcodec.h"
#include "theme.h"
#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"
#include "widgets/codepane.h"
#include "widgets/formfields.h"
#include "widgets/privacytext.h"
#include "widgets/stepexplanation.h"
#include "widgets/steptable.h"
#include "widgets/tracestyleproxy.h"
#include "widgets/transcriptform.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontMetrics>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace swb {

namespace {

constexpr int kStepCapacity = 5000;
enum DecodeColumn { ColumnStep, ColumnValue, ColumnMeaning, ColumnCount };
const char *const kNistHost = "time.nist.gov";
const char *const kPoolHost = "pool.ntp.org";

QString dash()
{
    return QStringLiteral("\u2014");
}

// A small decoding table shown whole: as tall as its rows, the long explanations wrapped, so a
// learner reads every step without scrolling inside it (the panel's scroll area scrolls instead).
// A decoding has at most a few dozen rows, so measuring them all is cheap.
class FitTable : public QTableWidget {
public:
    FitTable(const QStringList &headers, QWidget *parent)
        : QTableWidget(0, ColumnCount, parent)
    {
        setHorizontalHeaderLabels(headers);
        verticalHeader()->hide();
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setSelectionBehavior(QAbstractItemView::SelectRows);
        setEditTriggers(QAbstractItemView::NoEditTriggers);
        setWordWrap(true);
        setTextElideMode(Qt::ElideNone);
        horizontalHeader()->setStretchLastSection(true);
        horizontalHeader()->setHighlightSections(false);
        horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        // The stretched last column is resized after resizeEvent(), from a timer of the header.
        connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this] { fitRows(); });
    }

    void refit()
    {
        if (m_fitting)
            return;
        m_fitting = true;
        const int width = viewport()->width();
        QHeaderView *header = horizontalHeader();
        // Measured from the texts, not sizeHintForColumn(): with word wrap on that follows the width
        // a column already has.
        const auto fit = [&](int column, int percent) {
            int wanted = header->sectionSizeHint(column);
            for (int row = 0; row < rowCount(); ++row) {
                if (const QTableWidgetItem *it = item(row, column)) {
                    const QFontMetrics metrics(it->font());
                    wanted = std::max(wanted, metrics.horizontalAdvance(it->text()) + metrics.averageCharWidth() * 2);
                }
            }
            header->resizeSection(column, std::min(wanted, width * percent / 100));
        };
        fit(ColumnStep, 25);
        fit(ColumnValue, 38);
        m_fitting = false;
        fitRows();
    }

    // The rows' heights follow the widths; the table's height follows the rows.
    void fitRows()
    {
        if (m_fitting)
            return;
        m_fitting = true;
        resizeRowsToContents();
        updateGeometry();
        m_fitting = false;
    }

    QSize sizeHint() const override
    {
        const int header = horizontalHeader()->isHidden() ? 0 : horizontalHeader()->sizeHint().height();
        return { 400, header + verticalHeader()->length() + 2 * frameWidth() };
    }
    QSize minimumSizeHint() const override { return { 240, sizeHint().height() }; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTableWidget::resizeEvent(event);
        if (event->size().width() != event->oldSize().width())
            refit();
    }

private:
    bool m_fitting = false;
};

void fillTable(QTableWidget *table, const QList<DecodeStep> &steps, const QFont &mono)
{
    table->setRowCount(0);
    table->setRowCount(int(steps.size()));
    for (int row = 0; row < steps.size(); ++row) {
        const DecodeStep &step = steps.at(row);
        auto *label = new QTableWidgetItem(step.label);
        auto *value = new QTableWidgetItem;
        PrivacyText::setText(value, step.value); // an SNTP reference id can be an address
        value->setFont(mono);
        auto *meaning = new QTableWidgetItem(step.explanation);
        for (QTableWidgetItem *item : { label, value, meaning })
            item->setToolTip(step.explanation);
        table->setItem(row, ColumnStep, label);
        table->setItem(row, ColumnValue, value);
        table->setItem(row, ColumnMeaning, meaning);
    }
    table->setVisible(!steps.isEmpty());
    static_cast<FitTable *>(table)->refit();
}

QString clockText(const QDateTime &utc, bool millis)
{
    if (!utc.isValid())
        return dash();
    return utc.toUTC().toString(
               millis ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz") : QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(" UTC");
}

// "127.0.0.1:50037", "[::1]:37", or the host alone when the port is still to be looked up.
QString hostPort(const QString &host, const QString &port)
{
    if (port.isEmpty())
        return host;
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + port;
}

} // namespace

TimePanel::TimePanel(LocalLab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("timePanel"));

    const StepTable::Trace trace = StepTable::makeTrace(this, kStepCapacity);
    m_buffer = trace.buffer;
    m_traceModel = trace.model;
    m_traceStyle = trace.styled;

    m_query = new TimeQuery(this);
    connect(m_query, &TimeQuery::traced, m_buffer, &TraceBuffer::append);
    connect(m_query, &TimeQuery::finished, this, &TimePanel::onFinished);

    buildUi();
    applyFonts();
    PrivacyText::follow(this);

    if (m_lab) {
        connect(m_lab, &LocalLab::ready, this, [this] {
            if (m_presetCombo->currentData().toInt() == PresetLab)
                fillFromPreset();
            updateHints();
            updateControls();
        });
    }
    protocolChanged(); // fills the lab's host and port, the hints and the buttons
    clearResults();
}

TimePanel::~TimePanel()
{
    // A query still running must not report into a half-destroyed panel.
    m_query->disconnect(this);
    m_query->disconnect(m_buffer);
    m_buffer->disconnect();
}

void TimePanel::buildUi()
{
    auto heading = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setWordWrap(true);
        m_headings.append(label);
        return label;
    };
    auto muted = [this](const char *name) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        Theme::makeMuted(label);
        return label;
    };

    // --- What to ask, and whom ----------------------------------------------------------------
    m_protocolCombo = new QComboBox(this);
    m_protocolCombo->setObjectName(QStringLiteral("protocolCombo"));
    m_protocolCombo->addItem(tr("RFC 868 time"), int(TimeProtocol::Rfc868Time));
    m_protocolCombo->setItemData(0, tr("4 bytes: the seconds since 1900, big-endian (port 37)"), Qt::ToolTipRole);
    m_protocolCombo->addItem(tr("RFC 867 daytime"), int(TimeProtocol::Daytime));
    m_protocolCombo->setItemData(1, tr("The date and time as a line of text (port 13)"), Qt::ToolTipRole);
    m_protocolCombo->addItem(tr("SNTP v4 (RFC 4330)"), int(TimeProtocol::Sntp));
    m_protocolCombo->setItemData(
        2, tr("48 bytes with four timestamps: offset and delay (port 123, UDP only)"), Qt::ToolTipRole);
    m_protocolCombo->setToolTip(tr("Which time protocol to speak"));
    m_protocolCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_protocolCombo->setMinimumContentsLength(12);

    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(QStringLiteral("transportCombo"));
    m_transportCombo->addItem(tr("UDP (SOCK_DGRAM)"), int(Transport::Udp));
    m_transportCombo->addItem(tr("TCP (SOCK_STREAM)"), int(Transport::Tcp));
    m_transportCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_transportCombo->setMinimumContentsLength(10);
    m_transportCombo->setToolTip(
        tr("UDP: sendto() one datagram, recvfrom() the reply. TCP: connect(), then recv() until the server closes."));

    m_retriesSpin = new QSpinBox(this);
    m_retriesSpin->setObjectName(QStringLiteral("retriesSpin"));
    m_retriesSpin->setRange(1, TimeQueryRequest::kMaxRetries);
    m_retriesSpin->setValue(3);
    m_retriesSpin->setToolTip(tr("Attempts in all. UDP does not resend a lost datagram, so the panel asks again after "
                                 "each timeout (the seed said \"you may need to run it several times\")."));

    m_timeoutSpin = new QDoubleSpinBox(this);
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeoutSpin->setRange(0.1, 3600.0);
    m_timeoutSpin->setDecimals(1);
    m_timeoutSpin->setSingleStep(0.5);
    m_timeoutSpin->setValue(2.0);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setToolTip(tr("How long to wait for each attempt's reply, like s.settimeout()"));

    m_presetCombo = new QComboBox(this);
    m_presetCombo->setObjectName(QStringLiteral("presetCombo"));
    m_presetCombo->addItem(m_lab ? tr("Local lab (127.0.0.1)") : tr("Local lab (off: 127.0.0.1)"), int(PresetLab));
    m_presetCombo->addItem(
        tr("%1 (needs Internet; firewalls may block UDP)").arg(QLatin1String(kNistHost)), int(PresetNist));
    m_presetCombo->addItem(
        tr("%1 (needs Internet; firewalls may block UDP)").arg(QLatin1String(kPoolHost)), int(PresetPool));
    m_presetCombo->addItem(tr("Other: the host and port typed below"), int(PresetCustom));
    m_presetCombo->setItemData(
        1, tr("The US National Institute of Standards and Technology: time, daytime and SNTP"), Qt::ToolTipRole);
    m_presetCombo->setItemData(2, tr("A volunteer pool of NTP servers: SNTP only"), Qt::ToolTipRole);
    m_presetCombo->setToolTip(tr("Fills in the host and port. Nothing is sent until you press Ask."));
    m_presetCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presetCombo->setMinimumContentsLength(16);
    m_presetCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setToolTip(tr("The time server: a host name or an address. Names are resolved with getaddrinfo()."));

    m_portEdit = new QLineEdit(this);
    m_portEdit->setObjectName(QStringLiteral("portEdit"));
    m_portEdit->setClearButtonEnabled(true);
    m_portEdit->setToolTip(tr("A port number (1 to 65535) or a service name. Empty: the protocol's own service "
                              "(time, daytime or ntp), looked up with getservbyname()."));

    m_askButton = new QPushButton(tr("&Ask"), this);
    m_askButton->setObjectName(QStringLiteral("askButton"));
    m_askButton->setDefault(true);
    m_askButton->setToolTip(tr("socket(), then sendto() a request and recvfrom() the reply with a timeout (UDP), or "
                               "connect() and recv() until the server closes (TCP)"));
    m_stopButton = new QPushButton(tr("S&top"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop waiting: the query is cancelled and its socket closed with close()"));

    m_hostError = new QLabel(this);
    m_hostError->setObjectName(QStringLiteral("hostError"));
    Theme::makeFieldError(m_hostError);
    m_portError = new QLabel(this);
    m_portError->setObjectName(QStringLiteral("portError"));
    Theme::makeFieldError(m_portError);

    m_protocolHint = muted("protocolHint");
    m_presetHint = muted("presetHint");

    auto buddy
        = [this](const QString &text, QWidget *widget) { return FormFields::makeBuddyLabel(text, widget, this); };
    // Four columns, so the form still fits beside the panel list with a presentation font.
    auto *askRow = new QHBoxLayout;
    askRow->addWidget(buddy(tr("Atte&mpts:"), m_retriesSpin));
    askRow->addWidget(m_retriesSpin);
    askRow->addSpacing(12);
    askRow->addWidget(buddy(tr("Time&out each:"), m_timeoutSpin));
    askRow->addWidget(m_timeoutSpin);
    askRow->addStretch(1);
    askRow->addWidget(m_askButton);
    askRow->addWidget(m_stopButton);

    auto *target = new QGroupBox(tr("Ask a time server"), this);
    auto *form = new QGridLayout(target);
    form->addWidget(buddy(tr("&Protocol:"), m_protocolCombo), 0, 0);
    form->addWidget(m_protocolCombo, 0, 1);
    form->addWidget(buddy(tr("T&ransport:"), m_transportCombo), 0, 2);
    form->addWidget(m_transportCombo, 0, 3);
    form->addWidget(buddy(tr("&Server:"), m_presetCombo), 1, 0);
    form->addWidget(m_presetCombo, 1, 1);
    form->addWidget(m_presetHint, 1, 2, 1, 2);
    form->addWidget(buddy(tr("&Host:"), m_hostEdit), 2, 0);
    form->addWidget(m_hostEdit, 2, 1);
    form->addWidget(buddy(tr("Port or ser&vice:"), m_portEdit), 2, 2);
    form->addWidget(m_portEdit, 2, 3);
    form->addWidget(m_hostError, 3, 1);
    form->addWidget(m_portError, 3, 2, 1, 2);
    form->addLayout(askRow, 4, 0, 1, 4);
    form->addWidget(m_protocolHint, 5, 0, 1, 4);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 2);

    // --- The answer ---------------------------------------------------------------------------
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    Theme::makeErrorBox(m_errorLabel);

    m_clockLabel = new QLabel(this);
    m_clockLabel->setObjectName(QStringLiteral("clockLabel"));
    m_clockLabel->setTextFormat(Qt::PlainText);
    m_clockLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clockLabel->setToolTip(tr("The server's time beside this computer's clock when the reply came"));
    m_clockNote = muted("clockNote");

    m_decodeHeading = heading(QString());
    m_decodeHeading->setObjectName(QStringLiteral("decodeHeading"));
    m_decodeHint = muted("decodeHint");

    m_replyLabel = new QLabel(this);
    m_replyLabel->setObjectName(QStringLiteral("replyLabel"));
    m_replyLabel->setTextFormat(Qt::PlainText);
    m_replyLabel->setWordWrap(true);
    m_replyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_daytimeFormatLabel = new QLabel(this);
    m_daytimeFormatLabel->setObjectName(QStringLiteral("daytimeFormatLabel"));
    m_daytimeFormatLabel->setTextFormat(Qt::PlainText);
    m_daytimeFormatLabel->setWordWrap(true);

    m_sntpFieldsTable = new FitTable({ tr("Field"), tr("Value"), tr("What it means") }, this);
    m_sntpFieldsTable->setObjectName(QStringLiteral("sntpFieldsTable"));

    m_offsetHeading = heading(tr("Offset and delay: the four timestamps"));
    m_offsetHeading->setObjectName(QStringLiteral("offsetHeading"));

    m_decodeTable = new FitTable({ tr("Step"), tr("Value"), tr("What it means") }, this);
    m_decodeTable->setObjectName(QStringLiteral("decodeTable"));

    m_formulaLabel = new QLabel(this);
    m_formulaLabel->setObjectName(QStringLiteral("formulaLabel"));
    m_formulaLabel->setTextFormat(Qt::PlainText);
    m_formulaLabel->setWordWrap(true);
    m_formulaLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formulaNote = muted("formulaNote");

    m_wrapNote = muted("wrapNote");
    m_wrapNote->setText(tr("The 32-bit count of seconds since 1900 wraps around on 2036-02-07 06:28:16 UTC and "
                           "starts again at 0; the decoding picks the era that puts the time closest to your "
                           "clock (RFC 4330 section 3)."));

    m_stepTable = new QTableView(this);
    m_stepTable->setObjectName(QStringLiteral("stepTable"));
    StepTable::setUp(m_stepTable, m_traceStyle, m_traceModel);

    auto *clocks = new QVBoxLayout;
    clocks->setSpacing(2);
    clocks->addWidget(heading(tr("The server's clock and yours")));
    clocks->addWidget(m_clockLabel);
    clocks->addWidget(m_clockNote);

    auto *decoding = new QVBoxLayout;
    decoding->setSpacing(4);
    decoding->addWidget(m_decodeHeading);
    decoding->addWidget(m_decodeHint);
    decoding->addWidget(m_replyLabel);
    decoding->addWidget(m_daytimeFormatLabel);
    decoding->addWidget(m_sntpFieldsTable);
    decoding->addWidget(m_offsetHeading);
    decoding->addWidget(m_decodeTable);
    decoding->addWidget(m_formulaLabel);
    decoding->addWidget(m_formulaNote);
    decoding->addWidget(m_wrapNote);

    auto *steps = new QVBoxLayout;
    steps->setSpacing(2);
    steps->addWidget(heading(tr("Steps: the socket calls, in order (each attempt too)")));
    steps->addWidget(m_stepTable, 1);
    auto *explanation = new StepExplanationView(this);
    explanation->follow(m_stepTable);
    steps->addWidget(explanation);

    m_code = new CodePane(this);
    m_code->setMinimumHeight(QFontMetrics(Theme::monospaceFont(font())).height() * 16);
    auto *code = new QVBoxLayout;
    code->setSpacing(2);
    code->addWidget(heading(tr("The same as a program")));
    code->addWidget(m_code);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(target);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(clocks);
    layout->addSpacing(4);
    layout->addLayout(decoding);
    layout->addSpacing(4);
    layout->addLayout(steps, 1);
    layout->addSpacing(4);
    layout->addLayout(code);

    connect(m_protocolCombo, &QComboBox::currentIndexChanged, this, &TimePanel::protocolChanged);
    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, &TimePanel::protocolChanged);
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this, &TimePanel::presetChosen);
    connect(m_hostEdit, &QLineEdit::textEdited, this, &TimePanel::fieldEdited);
    connect(m_portEdit, &QLineEdit::textEdited, this, &TimePanel::fieldEdited);
    connect(m_hostEdit, &QLineEdit::textChanged, this, &TimePanel::updateControls);
    connect(m_portEdit, &QLineEdit::textChanged, this, &TimePanel::updateControls);
    connect(m_hostEdit, &QLineEdit::returnPressed, this, &TimePanel::ask);
    connect(m_portEdit, &QLineEdit::returnPressed, this, &TimePanel::ask);
    connect(m_askButton, &QPushButton::clicked, this, &TimePanel::ask);
    connect(m_stopButton, &QPushButton::clicked, this, &TimePanel::stop);
    // The program follows every field.
    connect(m_protocolCombo, &QComboBox::currentIndexChanged, this, &TimePanel::updateCode);
    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, &TimePanel::updateCode);
    connect(m_hostEdit, &QLineEdit::textChanged, this, &TimePanel::updateCode);
    connect(m_portEdit, &QLineEdit::textChanged, this, &TimePanel::updateCode);
    connect(m_retriesSpin, &QSpinBox::valueChanged, this, &TimePanel::updateCode);
    connect(m_timeoutSpin, &QDoubleSpinBox::valueChanged, this, &TimePanel::updateCode);
}

QSize TimePanel::minimumSizeHint() const
{
    QSize size = QWidget::minimumSizeHint();
    if (layout() && layout()->hasHeightForWidth())
        size.setHeight(std::max(size.height(), layout()->totalHeightForWidth(std::max(width(), size.width()))));
    return size;
}

void TimePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Narrower, the texts wrap onto more lines: the minimum height changes with the width.
    if (event->size().width() != event->oldSize().width() && layout())
        layout()->invalidate();
}

void TimePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::PaletteChange && m_traceStyle)
        m_traceStyle->setPalette(palette());
}

void TimePanel::applyFonts()
{
    const QFont base = font();
    const QFont bold = Theme::scaledFont(base, 1.0, true);
    for (QLabel *label : qAsConst(m_headings))
        label->setFont(bold);
    const QFont mono = Theme::monospaceFont(base);
    m_replyLabel->setFont(mono);
    m_formulaLabel->setFont(Theme::monospaceFont(base, 1.1));
    QFont clock = Theme::monospaceFont(base, 1.25);
    clock.setBold(true);
    m_clockLabel->setFont(clock);
    m_daytimeFormatLabel->setFont(bold);
    for (QTableWidget *table : { m_sntpFieldsTable, m_decodeTable }) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (QTableWidgetItem *item = table->item(row, ColumnValue))
                item->setFont(mono);
        }
        static_cast<FitTable *>(table)->refit();
    }
    StepTable::applyFont(m_stepTable, mono);
    const QFontMetrics metrics(m_portEdit->font());
    m_portEdit->setMinimumWidth(metrics.horizontalAdvance(QStringLiteral("daytime0000")));
    m_hostEdit->setMinimumWidth(metrics.horizontalAdvance(QLatin1Char('x')) * 16);
    // Enough rows to follow one attempt (socket, sendto, recvfrom, close) without scrolling.
    const int headerHeight = QFontMetrics(base).height() + 10;
    m_stepTable->setMinimumHeight(headerHeight + m_stepTable->verticalHeader()->defaultSectionSize() * 6 + 4);
}

// --- Input -------------------------------------------------------------------------------------

TimeProtocol TimePanel::protocol() const
{
    return TimeProtocol(m_protocolCombo->currentData().toInt());
}

Transport TimePanel::transport() const
{
    return Transport(m_transportCombo->currentData().toInt());
}

void TimePanel::protocolChanged()
{
    // SNTP has no TCP transport (RFC 4330): the choice is there, greyed, with the reason.
    const bool sntp = protocol() == TimeProtocol::Sntp;
    if (auto *model = qobject_cast<QStandardItemModel *>(m_transportCombo->model())) {
        if (QStandardItem *tcp = model->item(1)) {
            tcp->setEnabled(!sntp);
            tcp->setToolTip(sntp ? tr("SNTP runs over UDP only: RFC 4330 defines no TCP transport") : QString());
        }
    }
    if (sntp && transport() == Transport::Tcp) {
        const QSignalBlocker blocker(m_transportCombo);
        m_transportCombo->setCurrentIndex(0);
    }
    m_transportCombo->setToolTip(sntp
            ? tr("SNTP runs over UDP only: RFC 4330 defines no TCP transport, so TCP cannot be chosen.")
            : tr("UDP: sendto() one datagram, recvfrom() the reply. TCP: connect(), then recv() until the server "
                 "closes."));
    m_portEdit->setPlaceholderText(
        tr("empty: the %1 service (port %2)").arg(timeServiceName(protocol())).arg(timeDefaultPort(protocol())));
    if (m_presetCombo->currentData().toInt() == PresetLab)
        fillFromPreset();
    updateHints();
    updateControls();
}

void TimePanel::presetChosen()
{
    fillFromPreset();
    updateHints();
    updateControls();
}

void TimePanel::fillFromPreset()
{
    switch (m_presetCombo->currentData().toInt()) {
    case PresetLab: {
        m_hostEdit->setText(m_lab ? m_lab->bindAddress() : QStringLiteral("127.0.0.1"));
        const quint16 port
            = m_lab && m_lab->isReady() ? m_lab->port(timeProtocolName(protocol()), transport()) : quint16(0);
        // No lab port yet: empty means the protocol's own port, which is on this computer too.
        m_portEdit->setText(port ? QString::number(port) : QString());
        break;
    }
    case PresetNist:
        m_hostEdit->setText(QLatin1String(kNistHost));
        m_portEdit->clear();
        break;
    case PresetPool:
        m_hostEdit->setText(QLatin1String(kPoolHost));
        m_portEdit->clear();
        break;
    default:
        break;
    }
}

void TimePanel::fieldEdited()
{
    // What the person types is theirs: no preset overwrites it until one is chosen again.
    if (m_presetCombo->currentData().toInt() != PresetCustom) {
        const QSignalBlocker blocker(m_presetCombo);
        m_presetCombo->setCurrentIndex(m_presetCombo->findData(int(PresetCustom)));
        updateHints();
    }
}

bool TimePanel::validate()
{
    const Parsed<QString> host = EndpointParser::parseHost(m_hostEdit->text().trimmed());
    const QString portText = m_portEdit->text().trimmed();
    SessionError portError;
    if (!portText.isEmpty()) {
        const Parsed<quint16> port = EndpointParser::parsePort(portText, transport());
        if (!port.ok())
            portError = port.error;
    }
    PrivacyText::setText(m_hostError, host.ok() ? QString() : host.error.message);
    m_hostError->setVisible(!host.ok());
    PrivacyText::setText(m_portError, portError.message);
    m_portError->setVisible(portError.isError());
    return host.ok() && !portError.isError();
}

void TimePanel::updateHints()
{
    QString protocolText;
    switch (protocol()) {
    case TimeProtocol::Rfc868Time:
        protocolText = tr("RFC 868: an empty datagram (or just a TCP connection) to port 37; 4 bytes come back, the "
                          "seconds since 1900 as a big-endian number.");
        break;
    case TimeProtocol::Daytime:
        protocolText = tr("RFC 867: an empty datagram (or just a TCP connection) to port 13; the date comes back as a "
                          "line of text, in a format the RFC leaves to the server.");
        break;
    case TimeProtocol::Sntp:
        protocolText = tr("SNTP v4: a 48-byte request to port 123, a 48-byte reply with four timestamps. UDP only: "
                          "RFC 4330 defines no TCP transport, so TCP is off.");
        break;
    }
    m_protocolHint->setText(protocolText);

    QString presetText;
    switch (m_presetCombo->currentData().toInt()) {
    case PresetLab:
        if (!m_lab) {
            presetText = tr("The local lab is off: 127.0.0.1 at the protocol's own port.");
        } else if (!m_lab->isReady()) {
            presetText = tr("The lab is starting\u2026");
        } else if (m_lab->port(timeProtocolName(protocol()), transport()) == 0) {
            presetText = tr("The lab has no %1 server over %2 running.")
                             .arg(timeProtocolName(protocol()), transportName(transport()).toUpper());
        } else {
            presetText
                = tr("The lab's %1 server on this computer: no Internet needed.").arg(timeProtocolName(protocol()));
        }
        break;
    case PresetNist:
        presetText = tr("An outside server: needs Internet, and firewalls often block UDP. Nothing is sent until you "
                        "press Ask.");
        break;
    case PresetPool:
        presetText
            = tr("An outside server that answers SNTP only: needs Internet. Nothing is sent until you press Ask.");
        break;
    default:
        break;
    }
    m_presetHint->setText(presetText);
    m_presetHint->setVisible(!presetText.isEmpty());
}

void TimePanel::updateControls()
{
    const bool valid = validate();
    m_askButton->setEnabled(valid);
    m_stopButton->setEnabled(m_query->isRunning());
}

// --- Actions -----------------------------------------------------------------------------------

TimeQueryRequest TimePanel::formRequest() const
{
    TimeQueryRequest request;
    request.host = m_hostEdit->text().trimmed();
    request.port = m_portEdit->text().trimmed();
    request.protocol = protocol();
    request.transport = transport();
    request.retries = m_retriesSpin->value();
    request.timeoutMs = std::max(1, int(std::lround(m_timeoutSpin->value() * 1000.0)));
    return request;
}

void TimePanel::updateCode()
{
    if (!validate()) {
        const QString why = !m_hostError->text().isEmpty() ? m_hostError->text() : m_portError->text();
        m_code->setUnavailable(why);
        return;
    }
    m_code->setProgram(EquivalentCode::forTime(formRequest()));
}

void TimePanel::ask()
{
    if (!validate())
        return;
    const TimeQueryRequest request = formRequest();

    if (m_query->isRunning()) {
        // The query being replaced reports its cancel; this new one is what the panel shows.
        m_replacing = true;
        m_query->cancel();
        m_replacing = false;
    }
    m_buffer->flush(); // whatever the old query still had pending goes before the clear
    m_traceModel->clear();
    clearResults();
    m_running = request;
    PrivacyText::setText(m_statusLabel,
        tr("Asking %1 (%2 over %3)\u2026")
            .arg(hostPort(request.host, request.port), timeProtocolName(request.protocol),
                transportName(request.transport).toUpper()));
    m_lastRun = TranscriptForm::begin(this, m_code->python());
    m_query->start(request);
    updateControls();
}

void TimePanel::stop()
{
    m_query->cancel();
}

void TimePanel::onFinished(const TimeQueryResult &result)
{
    if (m_replacing)
        return;
    m_buffer->flush();
    showDecoding(result);
    showClocks(result);
    const QString who = hostPort(m_running.host, result.port);
    if (result.ok()) {
        m_errorLabel->hide();
        PrivacyText::setText(m_statusLabel,
            tr("%1 answered on attempt %2 of %3 (%4 over %5).")
                .arg(who)
                .arg(result.attempts)
                .arg(m_running.retries)
                .arg(timeProtocolName(result.protocol), transportName(result.transport).toUpper()));
    } else if (isCancelled(result.error)) {
        // The person pressed Stop: nothing went wrong, so no error box.
        m_errorLabel->hide();
        PrivacyText::setText(m_statusLabel,
            tr("Stopped: you cancelled the query during attempt %1 of %2.")
                .arg(result.attempts)
                .arg(m_running.retries));
    } else {
        showError(result.error);
        PrivacyText::setText(m_statusLabel,
            result.attempts > 0
                ? tr("No time from %1 after %2 of %3 attempts.").arg(who).arg(result.attempts).arg(m_running.retries)
                : tr("Not asked: see the message below."));
    }
    m_stopButton->setEnabled(false);
    m_askButton->setEnabled(validate());
    // A field the session found wrong (after the form's own checks) is marked too.
    if (!result.ok() && result.error.kind == ErrorKind::Usage) {
        QLabel *field = result.error.field == QLatin1String("host") ? m_hostError
            : result.error.field == QLatin1String("port")           ? m_portError
                                                                    : nullptr;
        if (field) {
            PrivacyText::setText(field, result.error.message);
            field->show();
        }
    }
}

// --- Display -----------------------------------------------------------------------------------

void TimePanel::clearResults()
{
    m_errorLabel->hide();
    m_clockLabel->setText(tr("Server: %1\nYour clock: %1\nDifference: %1").arg(dash()));
    m_clockNote->hide();
    m_replyLabel->hide();
    m_daytimeFormatLabel->hide();
    m_sntpFieldsTable->setRowCount(0);
    m_sntpFieldsTable->hide();
    m_offsetHeading->hide();
    m_decodeTable->setRowCount(0);
    m_decodeTable->hide();
    m_formulaLabel->hide();
    m_formulaNote->hide();
    m_decodeHeading->setText(tr("The reply, decoded step by step"));
    m_decodeHint->setText(tr("Press Ask: the reply is decoded here, byte by byte."));
    m_decodeHint->show();
    m_wrapNote->setVisible(protocol() != TimeProtocol::Daytime);
    PrivacyText::setText(m_statusLabel, tr("Not asked yet."));
}

void TimePanel::showDecoding(const TimeQueryResult &result)
{
    const QFont mono = Theme::monospaceFont(font());
    const bool replied = result.time || result.sntp || result.daytime;
    m_wrapNote->setVisible(result.protocol != TimeProtocol::Daytime);
    if (!replied) {
        m_decodeHint->setText(
            result.attempts > 0 ? tr("No reply came, so there is nothing to decode.") : tr("Nothing was sent."));
        m_decodeHint->show();
        return;
    }
    m_decodeHint->hide();
    const QString size = byteCount(result.reply.size());
    if (result.daytime) {
        m_replyLabel->setText(tr("Text as received (%1): %2").arg(size, result.daytime->text));
    } else {
        m_replyLabel->setText(tr("Reply bytes (%1): %2").arg(size, PayloadCodec::toHex(result.reply)));
    }
    m_replyLabel->show();

    if (result.time) {
        m_decodeHeading->setText(tr("RFC 868 decoding, step by step"));
        fillTable(m_decodeTable, result.time->steps, mono);
    } else if (result.daytime) {
        const DaytimeDecoding &d = *result.daytime;
        m_decodeHeading->setText(tr("RFC 867 daytime: the text and its parts"));
        m_daytimeFormatLabel->setText(d.formatName.isEmpty() ? tr("Format not recognised: %1").arg(d.note)
                                                             : tr("Recognised format: %1").arg(d.formatName));
        m_daytimeFormatLabel->show();
        fillTable(m_decodeTable, d.steps, mono);
    } else if (result.sntp) {
        const SntpDecoding &d = *result.sntp;
        m_decodeHeading->setText(tr("SNTP reply: every field of the 48-byte header"));
        fillTable(m_sntpFieldsTable, d.fields, mono);
        // The two formulas get a label of their own, large enough to follow the arithmetic.
        QList<DecodeStep> timestamps;
        QStringList formulaMeaning;
        for (const DecodeStep &step : d.steps) {
            if (!d.offsetFormula.isEmpty() && step.value == d.offsetFormula)
                formulaMeaning << tr("\u03b8 (offset): %1").arg(step.explanation);
            else if (!d.delayFormula.isEmpty() && step.value == d.delayFormula)
                formulaMeaning << tr("\u03b4 (delay): %1").arg(step.explanation);
            else
                timestamps.append(step);
        }
        m_offsetHeading->setVisible(!timestamps.isEmpty() || !d.offsetFormula.isEmpty());
        fillTable(m_decodeTable, timestamps, mono);
        const QStringList formulas = QStringList { d.offsetFormula, d.delayFormula };
        if (!d.offsetFormula.isEmpty() || !d.delayFormula.isEmpty()) {
            m_formulaLabel->setText(formulas.join(QLatin1Char('\n')).trimmed());
            m_formulaLabel->show();
        }
        m_formulaNote->setText(formulaMeaning.join(QLatin1Char('\n')));
        m_formulaNote->setVisible(!formulaMeaning.isEmpty());
    }
}

void TimePanel::showClocks(const TimeQueryResult &result)
{
    if (!result.serverTime.isValid() && !result.localClock.isValid())
        return;
    const bool millis = result.protocol == TimeProtocol::Sntp;
    QString difference;
    if (!result.differenceKnown) {
        difference = tr("unknown: the reply held no time to compare");
    } else {
        const double d = result.differenceSeconds;
        const int decimals = millis ? 3 : 0;
        const double unit = millis ? 0.0005 : 0.5;
        const QString amount = QString::number(std::abs(d), 'f', decimals);
        if (std::abs(d) < unit)
            difference = millis ? tr("the clocks agree to the millisecond") : tr("the clocks agree to the second");
        else if (d > 0)
            difference = tr("server is %1 s ahead").arg(amount);
        else
            difference = tr("server is %1 s behind").arg(amount);
    }
    const QStringList captions = { tr("Server:"), tr("Your clock:"), tr("Difference:") };
    // Padded by the width on screen, not by characters: a Chinese caption is twice as wide per character.
    const QFontMetrics metrics(m_clockLabel->font());
    int width = 0;
    for (const QString &caption : captions)
        width = std::max(width, metrics.horizontalAdvance(caption));
    const int space = std::max(1, metrics.horizontalAdvance(QLatin1Char(' ')));
    const QStringList values
        = { clockText(result.serverTime, millis), clockText(result.localClock, millis), difference };
    QStringList lines;
    for (int i = 0; i < captions.size(); ++i) {
        const int gap = width - metrics.horizontalAdvance(captions.at(i));
        lines << captions.at(i) + QString(1 + (gap + space / 2) / space, QLatin1Char(' ')) + values.at(i);
    }
    m_clockLabel->setText(lines.join(QLatin1Char('\n')));
    m_clockNote->setText(result.note);
    m_clockNote->setVisible(!result.note.isEmpty());
}

void TimePanel::showError(const SessionError &error)
{
    PrivacyText::setText(m_errorLabel, Theme::errorHtml(error));
    m_errorLabel->show();
}

Transcript TimePanel::transcript() const
{
    Transcript t = TranscriptForm::withSteps(m_lastRun, m_buffer, m_traceModel);
    if (!t.when.isValid())
        return {};
    t.result = TranscriptForm::lines({ m_statusLabel, m_errorLabel, m_clockLabel, m_replyLabel, m_daytimeFormatLabel });
    t.result += TranscriptForm::tableLines(m_decodeTable, QStringLiteral(" \u2014 "));
    t.result += TranscriptForm::tableLines(m_sntpFieldsTable, QStringLiteral(" \u2014 "));
    t.result += TranscriptForm::lines({ m_formulaLabel });
    return t;
}

bool TimePanel::isBusy() const
{
    return m_query && m_query->isRunning();
}

} // namespace swb
