#include "panels/httppanel.h"

#include "lab/locallab.h"
#include "learn/equivalentcode.h"
#include "lookup/privacy.h"
#include "net/payloadcodec.h"
#include "theme.h"
#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"
#include "widgets/bytesview.h"
#include "widgets/codepane.h"
#include "widgets/ladderview.h"
#include "widgets/privacytext.h"
#include "widgets/stepexplanation.h"
#include "widgets/steptable.h"
#include "widgets/timingwaterfall.h"
#include "widgets/tracestyleproxy.h"
#include "widgets/transcriptform.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <memory>

namespace swb {

namespace {

constexpr int kStepCapacity = 20000;
constexpr int kTickMs = 100;

enum BodyMode { BodyText, BodyHex, BodyImage };

// The lab's HTTP paths, with what each one teaches.
struct LabPath {
    const char *path;
    const char *what;
};
const LabPath kLabPaths[] = {
    { "/", QT_TRANSLATE_NOOP("swb::HttpPanel", "the lab's page (HTML, with Content-Length)") },
    { "/headers", QT_TRANSLATE_NOOP("swb::HttpPanel", "echoes the request you sent") },
    { "/chunked", QT_TRANSLATE_NOOP("swb::HttpPanel", "a body in chunks (HTTP/1.1 only; 1.0 gets it until close)") },
    { "/status/404", QT_TRANSLATE_NOOP("swb::HttpPanel", "a 404 Not Found status") },
    { "/redirect", QT_TRANSLATE_NOOP("swb::HttpPanel", "a 302 redirect with a Location") },
    { "/bytes/1048576", QT_TRANSLATE_NOOP("swb::HttpPanel", "1 MiB of bytes") },
    { "/bytes/104857600", QT_TRANSLATE_NOOP("swb::HttpPanel", "100 MiB: a body too big to show (save it)") },
    { "/slow", QT_TRANSLATE_NOOP("swb::HttpPanel", "a body that arrives slowly") },
};

const char *const kCharsets[]
    = { "UTF-8", "ISO-8859-1", "windows-1252", "GBK", "GB18030", "Big5", "Shift_JIS", "EUC-KR", "UTF-16" };

QString dash()
{
    return QStringLiteral("\u2014");
}

QString humanBytes(qint64 n)
{
    if (n < 1024)
        return byteCount(n);
    if (n < 1024 * 1024)
        return HttpPanel::tr("%1 KiB").arg(QString::number(double(n) / 1024.0, 'f', 1));
    if (n < qint64(1024) * 1024 * 1024)
        return HttpPanel::tr("%1 MiB").arg(QString::number(double(n) / 1048576.0, 'f', 1));
    return HttpPanel::tr("%1 GiB").arg(QString::number(double(n) / 1073741824.0, 'f', 2));
}

// "text/html; charset=ISO-8859-1" -> "ISO-8859-1"
QString charsetOf(const QByteArray &contentType)
{
    for (const QByteArray &part : contentType.split(';')) {
        const QByteArray p = part.trimmed();
        if (p.toLower().startsWith("charset=")) {
            QByteArray value = p.mid(8).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return QString::fromLatin1(value);
        }
    }
    return {};
}

// The text view lays out only the paragraphs it shows, but a paragraph as a whole: one 64 KiB line
// (a minified page, /bytes/N) would be shaped in one go and stall the window for tens of
// milliseconds. Lines longer than this are split into paragraphs of this size; the view wraps
// them as it would have wrapped the long line.
constexpr int kMaxParagraph = 1024;

QString withShortBlocks(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / kMaxParagraph + 1);
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n') {
            lineStart = i + 1;
        } else if (i - lineStart == kMaxParagraph) {
            out += u'\n';
            lineStart = i;
        }
        out += text.at(i);
    }
    return out;
}

} // namespace

HttpPanel::HttpPanel(LocalLab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("httpPanel"));
    const StepTable::Trace trace = StepTable::makeTrace(this, kStepCapacity);
    m_buffer = trace.buffer;
    m_traceModel = trace.model;
    m_traceStyle = trace.styled;

    m_get = new HttpGet(this);
    connect(m_get, &HttpGet::traced, m_buffer, &TraceBuffer::append);
    connect(m_get, &HttpGet::stageChanged, this, &HttpPanel::onStageChanged);
    connect(m_get, &HttpGet::headReceived, this, &HttpPanel::onHeadReceived);
    connect(m_get, &HttpGet::finished, this, &HttpPanel::onFinished);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &HttpPanel::tick);

    buildUi();
    applyFonts();
    PrivacyText::follow(this);
    connect(Privacy::instance(), &Privacy::enabledChanged, this, &HttpPanel::privacyChanged);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, &HttpPanel::privacyChanged);

    m_hostEdit->setText(QStringLiteral("127.0.0.1"));
    m_portEdit->setText(QStringLiteral("50080")); // the lab's preferred port, should another process run it
    m_pathEdit->setText(QStringLiteral("/"));
    fieldsEdited();
    if (m_lab) {
        connect(m_lab, &LocalLab::ready, this, &HttpPanel::labReady);
        if (m_lab->isReady())
            labReady();
    }
    fillLabPaths();
    updateControls();
}

HttpPanel::~HttpPanel()
{
    m_get->disconnect(this);
    m_buffer->disconnect();
}

void HttpPanel::buildUi()
{
    auto heading = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        m_headings.append(label);
        return label;
    };

    // --- The request ---------------------------------------------------------------------
    m_labPathCombo = new QComboBox(this);
    m_labPathCombo->setObjectName(QStringLiteral("labPathCombo"));
    m_labPathCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_labPathCombo->setMinimumContentsLength(16);
    m_labPathCombo->setToolTip(tr("The local lab's web server and its test paths: picking one fills in the URL"));

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(tr("http://127.0.0.1:8080/"));
    m_urlEdit->setClearButtonEnabled(true);
    m_urlEdit->setToolTip(tr("http://host:port/path?query or https://\u2026; the port may be a service name "
                             "(http) looked up with getservbyname()"));

    m_getButton = new QPushButton(tr("&Get"), this);
    m_getButton->setObjectName(QStringLiteral("getButton"));
    m_getButton->setDefault(true);
    m_getButton->setToolTip(tr("getaddrinfo(), socket(), connect(), sendall(request), shutdown(SHUT_WR), "
                               "recv() until the server closes, close()"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    QSizePolicy keep = m_cancelButton->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_cancelButton->setSizePolicy(keep);

    m_urlError = new QLabel(this);
    m_urlError->setObjectName(QStringLiteral("urlError"));
    Theme::makeFieldError(m_urlError);

    m_schemeCombo = new QComboBox(this);
    m_schemeCombo->setObjectName(QStringLiteral("schemeCombo"));
    m_schemeCombo->addItem(QStringLiteral("http"));
    m_schemeCombo->addItem(QStringLiteral("https"));
    m_schemeCombo->setToolTip(tr("https adds a TLS handshake after connect(): the bytes on the wire are encrypted"));
    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setToolTip(tr("A host name or an address; resolved with getaddrinfo()"));
    m_portEdit = new QLineEdit(this);
    m_portEdit->setObjectName(QStringLiteral("portEdit"));
    m_portEdit->setPlaceholderText(tr("80"));
    m_portEdit->setToolTip(tr("A port number, or a service name such as http, as the seed's "
                              "getservbyname(textport, 'tcp'); empty means 80 (443 for https)"));
    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    m_pathEdit->setToolTip(tr("The file to ask for: the seed's filename, as in GET /index.html"));

    m_versionCombo = new QComboBox(this);
    m_versionCombo->setObjectName(QStringLiteral("versionCombo"));
    m_versionCombo->addItem(tr("HTTP/1.0 (the seed's request)"), int(HttpVersion::Http10));
    m_versionCombo->addItem(tr("HTTP/1.1 (Host, Connection: close)"), int(HttpVersion::Http11));
    m_versionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_halfCloseCheck = new QCheckBox(tr("Half-close after sending (shutdown SHUT_WR)"), this);
    m_halfCloseCheck->setObjectName(QStringLiteral("halfCloseCheck"));
    m_halfCloseCheck->setChecked(true);

    m_timeoutSpin = new QDoubleSpinBox(this);
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeoutSpin->setRange(0.1, 300.0);
    m_timeoutSpin->setDecimals(1);
    m_timeoutSpin->setValue(10.0);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setToolTip(tr("How long each stage may take: connecting, the TLS handshake, the first byte of "
                                 "the answer, and any silence while downloading"));

    m_rawCheck = new QCheckBox(tr("Edit the raw request"), this);
    m_rawCheck->setObjectName(QStringLiteral("rawCheck"));
    m_rawCheck->setToolTip(tr("Write the request bytes yourself, to see what a server does with a bad request"));

    m_headersLabel = new QLabel(tr("Extra &headers:"), this);
    m_headersEdit = new QPlainTextEdit(this);
    m_headersEdit->setObjectName(QStringLiteral("headersEdit"));
    m_headersEdit->setPlaceholderText(tr("One per line, e.g. User-Agent: socket-workbench"));
    m_headersEdit->setTabChangesFocus(true);
    m_headersLabel->setBuddy(m_headersEdit);

    m_requestCaption = new QLabel(this);
    m_requestView = new QPlainTextEdit(this);
    m_requestView->setObjectName(QStringLiteral("requestView"));
    m_requestView->setReadOnly(true);
    m_requestView->setTabChangesFocus(true);
    m_requestView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_requestError = new QLabel(this);
    m_requestError->setObjectName(QStringLiteral("requestError"));
    Theme::makeFieldError(m_requestError);
    m_notesLabel = new QLabel(this);
    m_notesLabel->setObjectName(QStringLiteral("notesLabel"));
    m_notesLabel->setWordWrap(true);
    Theme::makeMuted(m_notesLabel);

    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_urlEdit);
    auto *labLabel = new QLabel(tr("&Lab page:"), this);
    labLabel->setBuddy(m_labPathCombo);
    auto *hostLabel = new QLabel(tr("H&ost:"), this);
    hostLabel->setBuddy(m_hostEdit);
    auto *portLabel = new QLabel(tr("&Port or service:"), this);
    portLabel->setBuddy(m_portEdit);
    auto *pathLabel = new QLabel(tr("P&ath:"), this);
    pathLabel->setBuddy(m_pathEdit);
    auto *timeoutLabel = new QLabel(tr("&Timeout:"), this);
    timeoutLabel->setBuddy(m_timeoutSpin);

    auto *request = new QGroupBox(tr("Request"), this);
    auto *grid = new QGridLayout(request);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_urlEdit, 1);
    urlRow->addWidget(m_getButton);
    urlRow->addWidget(m_cancelButton);
    grid->addWidget(labLabel, 0, 0);
    grid->addWidget(m_labPathCombo, 0, 1, 1, 3);
    grid->addWidget(urlLabel, 1, 0);
    grid->addLayout(urlRow, 1, 1, 1, 3);
    grid->addWidget(m_urlError, 2, 1, 1, 3);
    auto *fields = new QHBoxLayout;
    fields->addWidget(m_schemeCombo);
    fields->addWidget(hostLabel);
    fields->addWidget(m_hostEdit, 3);
    fields->addWidget(portLabel);
    fields->addWidget(m_portEdit, 1);
    fields->addWidget(pathLabel);
    fields->addWidget(m_pathEdit, 3);
    grid->addLayout(fields, 3, 0, 1, 4);
    auto *options = new QHBoxLayout;
    options->addWidget(m_versionCombo);
    options->addWidget(m_halfCloseCheck);
    options->addWidget(timeoutLabel);
    options->addWidget(m_timeoutSpin);
    options->addStretch(1);
    options->addWidget(m_rawCheck);
    grid->addLayout(options, 4, 0, 1, 4);
    auto *headersBox = new QVBoxLayout;
    headersBox->addWidget(m_headersLabel);
    headersBox->addWidget(m_headersEdit);
    auto *requestBox = new QVBoxLayout;
    requestBox->addWidget(m_requestCaption);
    requestBox->addWidget(m_requestView);
    auto *texts = new QHBoxLayout;
    texts->addLayout(headersBox, 2);
    texts->addLayout(requestBox, 3);
    grid->addLayout(texts, 5, 0, 1, 4);
    grid->addWidget(m_requestError, 6, 0, 1, 4);
    grid->addWidget(m_notesLabel, 7, 0, 1, 4);
    grid->setColumnStretch(1, 1);

    // --- The outcome ---------------------------------------------------------------------
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    Theme::makeErrorBox(m_errorLabel);
    m_continueButton = new QPushButton(tr("Continue anyway for this server (this session only)"), this);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_continueButton->setToolTip(tr("Trust this exact certificate for this host and port until the program "
                                    "ends, and run the request again"));
    m_continueButton->hide();

    m_redirectRow = new QWidget(this);
    m_redirectLabel = new QLabel(m_redirectRow);
    m_redirectLabel->setObjectName(QStringLiteral("redirectLabel"));
    m_redirectLabel->setWordWrap(true);
    m_redirectLabel->setTextFormat(Qt::PlainText);
    m_followButton = new QPushButton(tr("&Follow the redirect"), m_redirectRow);
    m_followButton->setObjectName(QStringLiteral("followButton"));
    m_followButton->setToolTip(tr("Put the Location into the URL and GET it: a browser does this by itself"));
    auto *redirectLayout = new QHBoxLayout(m_redirectRow);
    redirectLayout->setContentsMargins(0, 0, 0, 0);
    redirectLayout->addWidget(m_redirectLabel, 1);
    redirectLayout->addWidget(m_followButton);
    m_redirectRow->hide();

    // Steps
    m_stepTable = new QTableView(this);
    m_stepTable->setObjectName(QStringLiteral("stepTable"));
    StepTable::setUp(m_stepTable, m_traceStyle, m_traceModel);

    m_waterfall = new TimingWaterfall(this);
    m_waterfall->setObjectName(QStringLiteral("waterfall"));

    // Headers
    m_headersTable = new QTableWidget(0, 2, this);
    m_headersTable->setObjectName(QStringLiteral("headersTable"));
    m_headersTable->setHorizontalHeaderLabels({ tr("Field"), tr("Value") });
    m_headersTable->verticalHeader()->hide();
    m_headersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headersTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headersTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_headersTable->horizontalHeader()->setStretchLastSection(true);
    m_headersTable->horizontalHeader()->setHighlightSections(false);
    m_framingLabel = new QLabel(this);
    m_framingLabel->setObjectName(QStringLiteral("framingLabel"));
    m_framingLabel->setWordWrap(true);
    m_framingLabel->setTextFormat(Qt::PlainText);
    m_framingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *headersPage = new QWidget(this);
    auto *headersLayout = new QVBoxLayout(headersPage);
    headersLayout->addWidget(m_framingLabel);
    headersLayout->addWidget(m_headersTable, 1);

    // Body
    m_bodyModeCombo = new QComboBox(this);
    m_bodyModeCombo->setObjectName(QStringLiteral("bodyModeCombo"));
    m_bodyModeCombo->addItem(tr("Text"), int(BodyText));
    m_bodyModeCombo->addItem(tr("Hex dump"), int(BodyHex));
    m_bodyModeCombo->addItem(tr("Image"), int(BodyImage));
    m_bodyModeCombo->setToolTip(tr("HTML is shown as its source text, never rendered"));
    m_charsetCombo = new QComboBox(this);
    m_charsetCombo->setObjectName(QStringLiteral("charsetCombo"));
    m_charsetCombo->addItem(tr("Charset from Content-Type"), QString());
    for (const char *name : kCharsets) {
        if (QStringDecoder(name).isValid())
            m_charsetCombo->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    }
    m_charsetCombo->setToolTip(tr("How the body's bytes are turned into text. The server names it in "
                                  "Content-Type (charset=...); without it UTF-8 is assumed. Pick another to "
                                  "see what a wrong guess looks like."));
    m_saveButton = new QPushButton(tr("&Save body as\u2026"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_bodyInfo = new QLabel(this);
    m_bodyInfo->setObjectName(QStringLiteral("bodyInfo"));
    m_bodyInfo->setWordWrap(true);
    m_bodyInfo->setTextFormat(Qt::PlainText);
    m_saveLabel = new QLabel(this);
    m_saveLabel->setObjectName(QStringLiteral("saveLabel"));
    m_saveLabel->setWordWrap(true);
    m_saveLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveLabel->hide();
    m_bodyText = new QPlainTextEdit(this);
    m_bodyText->setObjectName(QStringLiteral("bodyText"));
    m_bodyText->setReadOnly(true);
    m_bodyText->setUndoRedoEnabled(false);
    m_bodyImage = new QLabel(this);
    m_bodyImage->setObjectName(QStringLiteral("bodyImage"));
    m_bodyImage->setAlignment(Qt::AlignCenter);
    m_bodyImage->setWordWrap(true);
    m_bodyStack = new QStackedWidget(this);
    m_bodyStack->addWidget(m_bodyText);
    m_bodyStack->addWidget(m_bodyImage);
    auto *bodyPage = new QWidget(this);
    auto *bodyBar = new QHBoxLayout;
    bodyBar->addWidget(m_bodyModeCombo);
    bodyBar->addWidget(m_charsetCombo);
    bodyBar->addWidget(m_bodyInfo, 1);
    bodyBar->addWidget(m_saveButton);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->addLayout(bodyBar);
    bodyLayout->addWidget(m_saveLabel);
    bodyLayout->addWidget(m_bodyStack, 1);

    // TLS
    m_tlsText = new QPlainTextEdit(this);
    m_tlsText->setObjectName(QStringLiteral("tlsText"));
    m_tlsText->setReadOnly(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("httpTabs"));
    auto *stepsPage = new QWidget(this);
    auto *stepsLayout = new QVBoxLayout(stepsPage);
    stepsLayout->setContentsMargins(0, 0, 0, 0);
    stepsLayout->addWidget(m_stepTable, 1);
    auto *explanation = new StepExplanationView(stepsPage);
    explanation->follow(m_stepTable);
    stepsLayout->addWidget(explanation);
    m_tabs->addTab(stepsPage, tr("Steps"));
    m_tabs->addTab(m_waterfall, tr("Timing"));
    m_tabs->addTab(headersPage, tr("Status and headers"));
    m_tabs->addTab(bodyPage, tr("Body"));
    m_tabs->addTab(m_tlsText, tr("TLS"));
    m_ladder = new LadderView(LadderDiagram::Mode::Client, m_traceModel, this);
    m_tabs->addTab(m_ladder, tr("Diagram"));
    m_code = new CodePane(this);
    m_tabs->addTab(m_code, tr("Code"));
    m_tabs->setTabToolTip(
        m_tabs->indexOf(m_ladder), tr("The steps as a sequence diagram: this program and the server"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_code), tr("What this form does, as a Python program and as C++ with Qt"));

    auto *outcomeHeader = new QHBoxLayout;
    outcomeHeader->addWidget(heading(tr("Response")));
    outcomeHeader->addSpacing(12);
    outcomeHeader->addWidget(m_statusLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(request);
    layout->addLayout(outcomeHeader);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_continueButton, 0, Qt::AlignLeft);
    layout->addWidget(m_redirectRow);
    layout->addWidget(m_tabs, 1);

    // --- Behaviour -----------------------------------------------------------------------
    connect(m_urlEdit, &QLineEdit::textEdited, this, [this] {
        m_urlEdited = true;
        urlEdited();
    });
    for (QLineEdit *edit : { m_hostEdit, m_portEdit, m_pathEdit })
        connect(edit, &QLineEdit::textEdited, this, &HttpPanel::fieldsEdited);
    connect(m_schemeCombo, &QComboBox::activated, this, &HttpPanel::fieldsEdited);
    connect(m_labPathCombo, &QComboBox::activated, this, [this](int index) {
        const QString path = m_labPathCombo->itemData(index).toString();
        if (path.isEmpty() || !m_lab || !m_lab->isReady())
            return;
        m_schemeCombo->setCurrentIndex(0);
        m_hostEdit->setText(m_lab->bindAddress());
        m_portEdit->setText(QString::number(m_lab->port(QStringLiteral("http"), Transport::Tcp)));
        m_pathEdit->setText(path);
        fieldsEdited();
    });
    connect(m_versionCombo, &QComboBox::currentIndexChanged, this, &HttpPanel::refreshRequestPreview);
    connect(m_headersEdit, &QPlainTextEdit::textChanged, this, &HttpPanel::refreshRequestPreview);
    connect(m_requestView, &QPlainTextEdit::textChanged, this, [this] {
        if (m_rawCheck->isChecked() && !m_syncing)
            validate();
    });
    connect(m_rawCheck, &QCheckBox::toggled, this, &HttpPanel::rawToggled);
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &HttpPanel::startGet);
    for (QLineEdit *edit : { m_hostEdit, m_portEdit, m_pathEdit })
        connect(edit, &QLineEdit::returnPressed, this, &HttpPanel::startGet);
    connect(m_getButton, &QPushButton::clicked, this, &HttpPanel::startGet);
    connect(m_cancelButton, &QPushButton::clicked, this, &HttpPanel::cancelGet);
    connect(m_followButton, &QPushButton::clicked, this, &HttpPanel::followRedirect);
    connect(m_continueButton, &QPushButton::clicked, this, &HttpPanel::continueAnyway);
    connect(m_bodyModeCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_bodyKey.clear();
        showBody();
    });
    connect(m_charsetCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_bodyKey.clear();
        showBody();
    });
    connect(m_saveButton, &QPushButton::clicked, this, &HttpPanel::chooseSaveFile);
}

void HttpPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::PaletteChange && m_traceStyle)
        m_traceStyle->setPalette(palette());
}

void HttpPanel::applyFonts()
{
    const QFont base = font();
    const QFont caption = Theme::scaledFont(base, 1.0, true);
    for (QLabel *label : qAsConst(m_headings))
        label->setFont(caption);
    m_statusLabel->setFont(Theme::scaledFont(base, 1.2, true));
    const QFont mono = Theme::monospaceFont(base);
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_urlEdit, m_headersEdit, m_requestView, m_bodyText, m_tlsText, m_headersTable })
        w->setFont(mono);
    StepTable::applyFont(m_stepTable, mono);
    m_headersTable->verticalHeader()->setDefaultSectionSize(QFontMetrics(mono).height() + 6);
    const int lines = QFontMetrics(mono).lineSpacing();
    // Room for an HTTP/1.1 request (four lines) without a scroll bar.
    m_headersEdit->setFixedHeight(lines * 4 + 12);
    m_requestView->setFixedHeight(lines * 4 + 12);
    m_portEdit->setMinimumWidth(QFontMetrics(m_portEdit->font()).horizontalAdvance(QStringLiteral("http-alt00")));
    m_tabs->setMinimumHeight(QFontMetrics(base).height() * 12);
}

// --- The lab -----------------------------------------------------------------------------

void HttpPanel::labReady()
{
    fillLabPaths();
    const quint16 port = m_lab ? m_lab->port(QStringLiteral("http"), Transport::Tcp) : 0;
    if (!m_urlEdited && port != 0) {
        m_schemeCombo->setCurrentIndex(0);
        m_hostEdit->setText(m_lab->bindAddress());
        m_portEdit->setText(QString::number(port));
        m_pathEdit->setText(QStringLiteral("/"));
        fieldsEdited();
    }
}

void HttpPanel::fillLabPaths()
{
    m_labPathCombo->clear();
    const quint16 port = m_lab && m_lab->isReady() ? m_lab->port(QStringLiteral("http"), Transport::Tcp) : 0;
    if (!m_lab || (m_lab->isReady() && port == 0)) {
        m_labPathCombo->addItem(tr("The local lab's web server is off"));
        m_labPathCombo->setEnabled(false);
        return;
    }
    if (!m_lab->isReady()) {
        m_labPathCombo->addItem(tr("The lab is starting\u2026"));
        m_labPathCombo->setEnabled(false);
        return;
    }
    m_labPathCombo->setEnabled(true);
    m_labPathCombo->addItem(tr("Other: type a URL"));
    for (const LabPath &p : kLabPaths) {
        m_labPathCombo->addItem(
            QStringLiteral("%1 \u2014 %2").arg(QString::fromLatin1(p.path), tr(p.what)), QString::fromLatin1(p.path));
    }
}

// --- The form ----------------------------------------------------------------------------

void HttpPanel::urlEdited()
{
    const Parsed<HttpTarget> t = HttpTarget::parseUrl(m_urlEdit->text());
    if (t.ok()) {
        m_syncing = true;
        m_schemeCombo->setCurrentIndex(t.value->tls ? 1 : 0);
        m_hostEdit->setText(t.value->host);
        m_portEdit->setText(t.value->port);
        m_pathEdit->setText(QString::fromLatin1(t.value->path));
        m_syncing = false;
    }
    m_fieldsError = SessionError(); // the URL speaks for the target now
    syncLabPath(t);
    refreshRequestPreview();
}

void HttpPanel::syncLabPath(const Parsed<HttpTarget> &t)
{
    // The lab combo names the path when the URL is the lab's.
    int match = 0;
    if (t.ok() && m_lab && m_lab->isReady() && t.value->host == m_lab->bindAddress() && !t.value->tls
        && t.value->portOrDefault() == QString::number(m_lab->port(QStringLiteral("http"), Transport::Tcp))) {
        match = qMax(0, m_labPathCombo->findData(QString::fromLatin1(t.value->path)));
    }
    if (m_labPathCombo->isEnabled())
        m_labPathCombo->setCurrentIndex(match);
}

void HttpPanel::fieldsEdited()
{
    if (m_syncing)
        return;
    const Parsed<HttpTarget> t = HttpTarget::fromFields(
        m_schemeCombo->currentIndex() == 1, m_hostEdit->text(), m_portEdit->text(), m_pathEdit->text());
    if (t.ok()) {
        m_syncing = true;
        m_urlEdit->setText(t.value->toUrl());
        m_syncing = false;
        m_fieldsError = SessionError();
    } else {
        m_fieldsError = t.error; // the URL keeps its last good value, and Get waits for a fix
    }
    syncLabPath(t);
    refreshRequestPreview();
}

Parsed<HttpGetOptions> HttpPanel::formRequest() const
{
    Parsed<HttpGetOptions> out;
    if (m_fieldsError.isError()) {
        out.error = m_fieldsError;
        return out;
    }
    const Parsed<HttpTarget> target = HttpTarget::parseUrl(m_urlEdit->text());
    if (!target.ok()) {
        out.error = target.error;
        return out;
    }
    HttpGetOptions o;
    o.request.target = *target.value;
    o.request.version = HttpVersion(m_versionCombo->currentData().toInt());
    o.request.extraHeaders = m_headersEdit->toPlainText();
    o.halfClose = m_halfCloseCheck->isChecked();
    o.timeoutMs = qRound(m_timeoutSpin->value() * 1000.0);
    if (m_rawCheck->isChecked()) {
        // Line breaks in the editor are for reading only; the escapes say what the bytes are.
        QString text = m_requestView->toPlainText();
        text.remove(QLatin1Char('\n'));
        const PayloadCodec::Decoded bytes = PayloadCodec::fromEscapedText(text);
        if (!bytes.bytes) {
            out.error = makeUsageError(QStringLiteral("raw"), bytes.error);
            return out;
        }
        o.request.raw = true;
        o.request.rawBytes = *bytes.bytes;
    }
    const Parsed<quint16> port = EndpointParser::parsePort(o.request.target.portOrDefault(), Transport::Tcp);
    const Parsed<QByteArray> bytes = o.request.requestBytes(port.ok() ? *port.value : o.request.target.defaultPort());
    if (!bytes.ok()) {
        out.error = bytes.error;
        return out;
    }
    out.value = o;
    return out;
}

void HttpPanel::rawToggled(bool on)
{
    if (on) {
        // The bytes to start from, never the masked view of them (Hide Addresses).
        m_syncing = true;
        m_requestView->setPlainText(generatedRequestText());
        m_syncing = false;
    }
    m_requestView->setReadOnly(!on);
    m_versionCombo->setEnabled(!on);
    m_headersEdit->setEnabled(!on);
    m_headersLabel->setEnabled(!on);
    refreshRequestPreview();
    if (on)
        m_requestView->setFocus();
}

void HttpPanel::refreshRequestPreview()
{
    // With TLS there is no half-close: it would end the encrypted channel before the answer.
    const bool tls = m_schemeCombo->currentIndex() == 1;
    m_halfCloseCheck->setEnabled(!tls);
    m_halfCloseCheck->setToolTip(tls ? tr("Not with https: closing the sending side would end the encrypted "
                                          "channel before the answer comes")
                                     : tr("As the seed's s.shutdown(1): tell the server nothing more is coming, "
                                          "and surface a sending error that sendall() did not report"));
    if (m_rawCheck->isChecked()) {
        m_requestCaption->setText(tr("Request bytes (yours: line breaks are for reading; write \\r\\n):"));
        validate();
        return;
    }
    m_requestCaption->setText(tr("Request bytes, exactly as they will be sent:"));
    const QString generated = generatedRequestText();
    if (!generated.isEmpty())
        m_lastRequestText = generated; // the last good request stays while the URL is being typed
    const QString shown = Privacy::shown(m_lastRequestText);
    if (m_requestView->toPlainText() != shown) {
        m_syncing = true;
        m_requestView->setPlainText(shown);
        m_syncing = false;
    }
    validate();
}

QString HttpPanel::generatedRequestText() const
{
    const Parsed<HttpGetOptions> form = formRequest();
    if (!form.ok() && m_rawCheck->isChecked())
        return m_lastRequestText;
    if (!form.ok())
        return {};
    HttpRequestSpec spec = form.value->request;
    spec.raw = false;
    const Parsed<quint16> port = EndpointParser::parsePort(spec.target.portOrDefault(), Transport::Tcp);
    const Parsed<QByteArray> bytes = spec.requestBytes(port.ok() ? *port.value : spec.target.defaultPort());
    if (!bytes.ok())
        return m_lastRequestText;
    QString text = BytesView::escapedWithBreaks(*bytes.value);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1); // the break after the last \r\n would only add an empty line
    return text;
}

void HttpPanel::updateCode(const Parsed<HttpGetOptions> &form)
{
    if (!m_code)
        return;
    if (!form.ok()) {
        m_code->setUnavailable(form.error.message);
        return;
    }
    const HttpRequestSpec &spec = form.value->request;
    const Parsed<quint16> port = EndpointParser::parsePort(spec.target.portOrDefault(), Transport::Tcp);
    const Parsed<QByteArray> bytes = spec.requestBytes(port.ok() ? *port.value : spec.target.defaultPort());
    if (!bytes.ok()) {
        m_code->setUnavailable(bytes.error.message);
        return;
    }
    m_code->setProgram(EquivalentCode::forHttpGet(spec.target, *bytes.value, form.value->halfClose));
}

bool HttpPanel::validate()
{
    const Parsed<HttpGetOptions> form = formRequest();
    const QString field = form.ok() ? QString() : form.error.field;
    const bool urlProblem = !form.ok() && field != QLatin1String("headers") && field != QLatin1String("raw");
    m_urlError->setText(urlProblem ? form.error.message : QString());
    m_urlError->setVisible(urlProblem);
    const bool requestProblem = !form.ok() && !urlProblem;
    m_requestError->setText(requestProblem ? form.error.message : QString());
    m_requestError->setVisible(requestProblem);
    const QStringList notes = form.ok() ? form.value->request.target.notes : QStringList();
    m_notesLabel->setText(notes.join(QLatin1Char(' ')));
    m_notesLabel->setVisible(!notes.isEmpty());
    m_getButton->setEnabled(form.ok() && !m_get->isRunning());
    updateCode(form);
    return form.ok();
}

// --- Running -----------------------------------------------------------------------------

void HttpPanel::startGet()
{
    if (m_get->isRunning())
        return; // Enter in a field while a request runs: Cancel first
    const Parsed<HttpGetOptions> form = formRequest();
    if (!form.ok()) {
        validate();
        return;
    }
    m_lastRun = TranscriptForm::begin(this, m_code->python());
    m_buffer->flush();
    m_traceModel->clear();
    m_errorLabel->hide();
    m_continueButton->hide();
    m_redirectRow->hide();
    if (!m_saving)
        m_saveLabel->hide();
    m_headersTable->setRowCount(0);
    m_framingLabel->clear();
    m_bodyText->clear();
    m_bodyImage->clear();
    m_bodyKey.clear();
    {
        const QSignalBlocker quiet(m_charsetCombo);
        m_charsetCombo->setCurrentIndex(0); // each response says its own charset
    }
    m_tlsText->clear();
    m_waterfall->clear();
    m_statusLabel->setText(tr("Connecting\u2026"));
    m_tabs->setCurrentIndex(0); // the steps
    m_get->start(*form.value);
    if (m_get->isRunning())
        m_tick.start();
    updateControls();
}

void HttpPanel::cancelGet()
{
    m_get->cancel();
}

void HttpPanel::followRedirect()
{
    const std::optional<HttpTarget> next = m_get->result().redirect;
    if (!next || m_get->isRunning())
        return;
    // A raw request names the old path and host: the redirect is followed with a built request.
    m_rawCheck->setChecked(false);
    m_urlEdit->setText(next->toUrl());
    m_urlEdited = true;
    urlEdited();
    startGet();
}

void HttpPanel::continueAnyway()
{
    const HttpGetResult &r = m_get->result();
    if (r.tls.leafDigest.isEmpty())
        return;
    HttpGet::allowCertificate(r.target.host, r.remote.port, r.tls.leafDigest);
    startGet();
}

void HttpPanel::onStageChanged(HttpGet::Stage stage)
{
    switch (stage) {
    case HttpGet::Stage::Connecting:
        m_statusLabel->setText(tr("Resolving and connecting\u2026"));
        break;
    case HttpGet::Stage::Tls:
        m_statusLabel->setText(tr("TLS handshake\u2026"));
        break;
    case HttpGet::Stage::Sending:
        m_statusLabel->setText(tr("Sending the request\u2026"));
        break;
    case HttpGet::Stage::Waiting:
        m_statusLabel->setText(tr("Waiting for the first byte of the answer\u2026"));
        break;
    default:
        break;
    }
    updateControls();
}

void HttpPanel::onHeadReceived(const HttpResponseHead &head)
{
    showHeaders(m_get->result());
    // A picture is shown as one; anything else as text, unless the person chose the hex dump.
    const bool image = head.value("Content-Type").trimmed().toLower().startsWith("image/");
    const auto mode = BodyMode(m_bodyModeCombo->currentData().toInt());
    if (image && mode != BodyImage)
        m_bodyModeCombo->setCurrentIndex(m_bodyModeCombo->findData(int(BodyImage)));
    else if (!image && mode == BodyImage)
        m_bodyModeCombo->setCurrentIndex(m_bodyModeCombo->findData(int(BodyText)));
}

void HttpPanel::tick()
{
    m_waterfall->setTimings(m_get->currentTimings());
    if (m_get->stage() == HttpGet::Stage::Downloading) {
        const HttpGetResult &r = m_get->result();
        m_statusLabel->setText(tr("%1 \u2014 downloading: %2 so far")
                                   .arg(QString::fromLatin1(r.head.statusLine), humanBytes(m_get->body().size())));
        showBody();
    }
}

void HttpPanel::onFinished(const HttpGetResult &result)
{
    m_tick.stop();
    m_buffer->flush();
    m_waterfall->setTimings(result.timings);
    showHeaders(result);
    showTls(result);
    showBody();
    showSummary();
    showOutcome();
    if (!result.ok()) {
        if (result.error.kind == ErrorKind::Usage) {
            QLabel *where = result.error.field == QLatin1String("headers") || result.error.field == QLatin1String("raw")
                ? m_requestError
                : m_urlError;
            where->setText(result.error.message);
            where->show();
        }
    }
    m_continueButton->setVisible(
        result.error.osError == QLatin1String("TLS_CERTIFICATE") && !result.tls.leafDigest.isEmpty());
    if (result.ok())
        m_tabs->setCurrentIndex(m_tabs->indexOf(m_bodyStack->parentWidget()));
    updateControls();
}

void HttpPanel::showOutcome()
{
    const HttpGetResult &result = m_get->result();
    if (m_get->stage() != HttpGet::Stage::Done)
        return;
    if (result.ok()) {
        m_errorLabel->hide();
    } else {
        SessionError shown = result.error;
        shown.message = Privacy::shown(shown.message);
        m_errorLabel->setText(Theme::errorHtml(shown));
        m_errorLabel->show();
    }
    if (result.redirect) {
        m_redirectLabel->setText(tr("Redirect (%1): the server says the page is at %2. A browser would follow it "
                                    "at once; here you decide.")
                                     .arg(result.head.status)
                                     .arg(Privacy::shown(result.redirect->toUrl())));
        m_followButton->show();
        m_redirectRow->show();
    } else if (!result.redirectProblem.isEmpty()) {
        m_redirectLabel->setText(
            tr("Redirect, but its Location cannot be followed: %1").arg(Privacy::shown(result.redirectProblem)));
        m_followButton->hide();
        m_redirectRow->show();
    }
}

void HttpPanel::privacyChanged()
{
    refreshRequestPreview();
    showOutcome();
    showTls(m_get->result());
    m_bodyKey.clear();
    showBody();
}

void HttpPanel::showSummary()
{
    const HttpGetResult &r = m_get->result();
    const QString total = QString::number(double(r.timings.totalNs) / 1e6, 'f', 1);
    if (!r.headComplete) {
        m_statusLabel->setText(r.ok() ? QString() : tr("No response (%1 ms)").arg(total));
        return;
    }
    const QString status
        = r.head.http09 ? tr("HTTP/0.9-style answer: no status line") : QString::fromLatin1(r.head.statusLine);
    m_statusLabel->setText(tr("%1 \u00b7 body %2 \u00b7 %3 ms").arg(status, humanBytes(r.bodyBytes), total));
}

void HttpPanel::showHeaders(const HttpGetResult &r)
{
    m_headersTable->setRowCount(0);
    auto addRow = [this](const QString &name, const QString &value, bool muted) {
        const int row = m_headersTable->rowCount();
        m_headersTable->insertRow(row);
        auto *n = new QTableWidgetItem(name);
        auto *v = new QTableWidgetItem;
        PrivacyText::setText(v, value);
        v->setToolTip(value);
        if (muted) {
            n->setForeground(Theme::mutedColor(palette()));
            v->setForeground(Theme::mutedColor(palette()));
        }
        m_headersTable->setItem(row, 0, n);
        m_headersTable->setItem(row, 1, v);
    };
    for (const HttpResponseHead &interim : r.interim) {
        addRow(tr("(interim)"), QString::fromLatin1(interim.statusLine), true);
    }
    if (!r.headComplete)
        return;
    if (r.head.http09) {
        addRow(tr("(no head)"), tr("The answer has no status line and no fields: everything is body, as in HTTP/0.9."),
            true);
    } else {
        addRow(tr("Status line"), QString::fromLatin1(r.head.statusLine), false);
        for (const HttpHeaderField &f : r.head.headers)
            addRow(QString::fromLatin1(f.name), QString::fromLatin1(f.value), false);
    }
    for (const HttpHeaderField &f : r.trailers)
        addRow(tr("%1 (trailer)").arg(QString::fromLatin1(f.name)), QString::fromLatin1(f.value), true);

    QStringList lines;
    if (m_get->stage() == HttpGet::Stage::Done) {
        lines << tr("Body framing: %1").arg(httpFramingName(r.framing));
        lines << tr("Content-Length: %1").arg(r.contentLength >= 0 ? QString::number(r.contentLength) : dash());
        const QByteArray te = r.head.value("Transfer-Encoding");
        lines << tr("Transfer-Encoding: %1").arg(te.isEmpty() ? dash() : QString::fromLatin1(te));
        const QString check = bodyCheckText(r);
        if (!check.isEmpty())
            lines << tr("Body: %1").arg(check);
        lines << (r.recvCalls == 1 ? tr("On the wire: %1 in 1 recv() call, head %2")
                                   : tr("On the wire: %1 in %3 recv() calls, head %2")
                                         .arg(QStringLiteral("%1"), QStringLiteral("%2"), QString::number(r.recvCalls)))
                     .arg(byteCount(r.receivedBytes), byteCount(r.head.headBytes));
        if (r.extraBytes > 0)
            lines << tr("%1 came after the end of the response and were ignored").arg(byteCount(r.extraBytes));
        for (const QString &w : r.warnings)
            lines << tr("Note: %1").arg(w);
    }
    m_framingLabel->setText(lines.join(QLatin1Char('\n')));
}

void HttpPanel::showTls(const HttpGetResult &r)
{
    if (!r.tls.used) {
        m_tlsText->setPlainText(tr("Not used: http:// sends the request and the answer as plain bytes that anyone "
                                   "on the path can read. Use https:// to add a TLS handshake."));
        return;
    }
    QStringList lines;
    if (r.tls.handshakeDone)
        lines << tr("Protocol: %1").arg(r.tls.protocol) << tr("Cipher: %1").arg(r.tls.cipher);
    else
        lines << tr("The handshake did not finish.");
    if (!r.tls.certificateErrors.isEmpty()) {
        lines << QString()
              << (r.tls.errorsIgnored ? tr("Certificate problems (ignored: you chose to continue):")
                                      : tr("Certificate problems:"));
        for (const QString &e : r.tls.certificateErrors)
            lines << QStringLiteral("  \u2022 ") + e;
    }
    for (int i = 0; i < r.tls.chain.size(); ++i) {
        lines << QString()
              << (i == 0 ? tr("The server's certificate:") : tr("Certificate %1 of the chain:").arg(i + 1));
        for (const QString &line : r.tls.chain.at(i).split(QLatin1Char('\n')))
            lines << QStringLiteral("  ") + line;
    }
    m_tlsText->setPlainText(Privacy::shown(lines.join(QLatin1Char('\n'))));
}

QString HttpPanel::bodyCharset() const
{
    const QString chosen = m_charsetCombo->currentData().toString();
    if (!chosen.isEmpty())
        return chosen;
    const QString declared = charsetOf(m_get->result().head.value("Content-Type"));
    return declared.isEmpty() ? QStringLiteral("UTF-8") : declared;
}

void HttpPanel::showBody()
{
    const BodyStore &body = m_get->body();
    const QByteArray &preview = body.preview();
    const auto mode = BodyMode(m_bodyModeCombo->currentData().toInt());
    const int cap = mode == BodyHex ? kHexShown : kTextShown;
    const QByteArray shown = preview.left(cap);
    const QString charset = bodyCharset();
    const bool done = m_get->stage() == HttpGet::Stage::Done;
    // What the view was rendered from. The preview only grows during a request, so its size says
    // whether the shown part changed; an image is decoded once, when the download is over.
    const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(int(mode))
                            .arg(charset)
                            .arg(mode == BodyImage ? body.size() : shown.size())
                            .arg(done)
                            .arg(Privacy::instance()->isEnabled());
    const bool unchanged = key == m_bodyKey;

    const qint64 size = body.size();
    QStringList info;
    const QByteArray type = m_get->result().head.value("Content-Type");
    info << (type.isEmpty() ? tr("no Content-Type") : QString::fromLatin1(type));
    if (size > shown.size() && mode != BodyImage)
        info << tr("showing the first %1 of %2; %3 not shown")
                    .arg(humanBytes(shown.size()), humanBytes(size), humanBytes(size - shown.size()));
    else
        info << humanBytes(size);
    m_bodyInfo->setText(info.join(QStringLiteral(" \u00b7 ")));
    m_saveButton->setEnabled(size > 0 && m_get->stage() == HttpGet::Stage::Done);
    m_charsetCombo->setEnabled(mode == BodyText);
    if (unchanged)
        return;
    m_bodyKey = key;

    if (mode == BodyImage) {
        m_bodyStack->setCurrentWidget(m_bodyImage);
        if (!done) {
            m_bodyImage->setText(tr("The picture is shown when the download is over."));
            return;
        }
        if (size == 0) {
            m_bodyImage->setText(tr("No body."));
            return;
        }
        if (!body.isComplete()) {
            m_bodyImage->setText(
                tr("The body is larger than %1: save it to view it.").arg(humanBytes(BodyStore::kPreviewBytes)));
            return;
        }
        const QImage image = QImage::fromData(preview);
        if (image.isNull()) {
            m_bodyImage->setText(type.startsWith("image/")
                    ? tr("The body says it is %1, but it cannot be read as an image.").arg(QString::fromLatin1(type))
                    : tr("Not an image (Content-Type: %1).").arg(type.isEmpty() ? dash() : QString::fromLatin1(type)));
            return;
        }
        QPixmap pixmap = QPixmap::fromImage(image);
        const QSize room = m_bodyStack->size() - QSize(8, 8);
        if (pixmap.width() > room.width() || pixmap.height() > room.height())
            pixmap = pixmap.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        m_bodyImage->setPixmap(pixmap);
        m_bodyImage->setToolTip(tr("%1 \u00d7 %2 pixels").arg(image.width()).arg(image.height()));
        return;
    }
    m_bodyStack->setCurrentWidget(m_bodyText);
    if (mode == BodyHex) {
        m_bodyText->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_bodyText->setPlainText(Privacy::shown(PayloadCodec::hexDump(shown)));
        return;
    }
    m_bodyText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QStringDecoder decoder(charset.toLatin1().constData());
    QString text;
    if (decoder.isValid()) {
        text = decoder(shown);
    } else {
        text = QString::fromUtf8(shown);
        info << tr("charset %1 is unknown here: shown as UTF-8").arg(charset);
        m_bodyInfo->setText(info.join(QStringLiteral(" \u00b7 ")));
    }
    // Control characters other than line breaks and tabs would be invisible or disturb the view.
    for (QChar &c : text) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r')
            c = QChar(0x2400 + c.unicode()); // the Unicode "control picture" of the character
    }
    text.remove(u'\r');
    m_bodyText->setPlainText(withShortBlocks(Privacy::shown(text)));
}

void HttpPanel::chooseSaveFile()
{
    auto *dialog = new QFileDialog(this, tr("Save the body"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    QString name = QFileInfo(QString::fromLatin1(m_get->result().target.path).section(u'?', 0, 0)).fileName();
    if (name.isEmpty())
        name = QStringLiteral("index.html");
    dialog->selectFile(name);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const BodyStore &body = m_get->body();
        // Opened here, so a new request deleting the temporary file cannot pull it away from the copy.
        std::shared_ptr<QFile> source;
        if (body.spilled()) {
            source = std::make_shared<QFile>(body.filePath());
            if (!source->open(QIODevice::ReadOnly)) {
                m_saveLabel->setText(
                    tr("Could not read the temporary file %1: %2").arg(body.filePath(), source->errorString()));
                m_saveLabel->show();
                return;
            }
        }
        const QByteArray inMemory = body.spilled() ? QByteArray() : body.preview();
        m_saveButton->setEnabled(false);
        m_saving = true;
        m_saveLabel->setText(tr("Saving\u2026"));
        m_saveLabel->show();
        QPointer<HttpPanel> self(this);
        // Copying a large body is file I/O: it runs on a worker so the window stays responsive.
        QThreadPool::globalInstance()->start([self, source, inMemory, path] {
            QString error;
            const bool ok = BodyStore::saveTo(source.get(), inMemory, path, &error);
            QMetaObject::invokeMethod(qApp, [self, ok, error, path] {
                if (!self)
                    return;
                self->m_saving = false;
                self->m_saveLabel->show();
                self->m_saveButton->setEnabled(self->m_get->stage() == HttpGet::Stage::Done);
                self->m_saveLabel->setText(
                    ok ? tr("Saved to %1").arg(path) : tr("Could not save to %1: %2").arg(path, error));
            });
        });
    });
    dialog->open();
}

void HttpPanel::updateControls()
{
    const bool running = m_get->isRunning();
    m_cancelButton->setVisible(running);
    m_getButton->setEnabled(!running && formRequest().ok());
}

Transcript HttpPanel::transcript() const
{
    Transcript t = TranscriptForm::withSteps(m_lastRun, m_buffer, m_traceModel);
    if (!t.when.isValid())
        return {};
    t.result = TranscriptForm::lines(
        { m_statusLabel, m_errorLabel, m_redirectLabel, m_framingLabel, m_bodyInfo, m_saveLabel });
    t.result += TranscriptForm::tableLines(m_headersTable, QStringLiteral(": "));
    return t;
}

bool HttpPanel::isBusy() const
{
    return m_get && m_get->isRunning();
}

} // namespace swb
