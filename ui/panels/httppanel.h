#pragma once
// "HTTP GET": the seed's web client on a bare socket. The person gives a URL (or host, port or
// service, and path), picks HTTP/1.0 or 1.1, may add header lines or write the request bytes
// themselves, and sees every step (getaddrinfo ... recv ... close), the request bytes exactly as
// sent, a timing waterfall, the status and headers, and the body as text, hex or image, with
// each failure explained. A redirect is shown, and followed only when the person clicks.

#include "http/httpget.h"
#include "learn/transcript.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace swb {

class CodePane;
class LadderView;
class LocalLab;
class TimingWaterfall;
class TraceBuffer;
class TraceModel;
class TraceStyleProxy;

class HttpPanel : public QWidget {
    Q_OBJECT
public:
    explicit HttpPanel(LocalLab *lab, QWidget *parent = nullptr);
    ~HttpPanel() override;
    // A job runs that rebuilding the panel (a change of language) would stop.
    Q_INVOKABLE bool isBusy() const;
    // The last run, for File › Save Transcript; empty before the first.
    Q_INVOKABLE swb::Transcript transcript() const;

    // The text view shows at most this much of a body; "Save body as" writes all of it.
    static constexpr int kTextShown = 64 * 1024;
    static constexpr int kHexShown = 64 * 1024;

    HttpGet *session() const { return m_get; }
    // The request the form describes now, or a Usage error naming the wrong field.
    Parsed<HttpGetOptions> formRequest() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void applyFonts();
    void labReady();
    void fillLabPaths();
    void urlEdited();
    void fieldsEdited();
    void syncLabPath(const Parsed<HttpTarget> &target);
    void rawToggled(bool on);
    void refreshRequestPreview();
    void updateCode(const Parsed<HttpGetOptions> &form);
    bool validate();
    void startGet();
    void cancelGet();
    void followRedirect();
    void continueAnyway();
    void onStageChanged(HttpGet::Stage stage);
    void onHeadReceived(const HttpResponseHead &head);
    void onFinished(const HttpGetResult &result);
    void tick();
    void showSummary();
    void showOutcome(); // the error box and the redirect row
    void privacyChanged();
    QString generatedRequestText() const; // the request the form builds, escaped, never masked
    void showHeaders(const HttpGetResult &result);
    void showTls(const HttpGetResult &result);
    void showBody();
    void chooseSaveFile();
    void updateControls();
    QString bodyCharset() const;

    QPointer<LocalLab> m_lab;
    HttpGet *m_get = nullptr;
    TraceBuffer *m_buffer = nullptr;
    TraceModel *m_traceModel = nullptr;
    TraceStyleProxy *m_traceStyle = nullptr;
    QTimer m_tick;
    bool m_syncing = false;
    bool m_urlEdited = false;
    QString m_bodyKey; // what the body view was last rendered from
    QString m_lastRequestText;
    SessionError m_fieldsError; // host, port or path fields that do not make a URL
    bool m_saving = false;

    // Request
    QComboBox *m_labPathCombo = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QPushButton *m_getButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_urlError = nullptr;
    QComboBox *m_schemeCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QLineEdit *m_portEdit = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QComboBox *m_versionCombo = nullptr;
    QCheckBox *m_halfCloseCheck = nullptr;
    QDoubleSpinBox *m_timeoutSpin = nullptr;
    QCheckBox *m_rawCheck = nullptr;
    QPlainTextEdit *m_headersEdit = nullptr;
    QLabel *m_headersLabel = nullptr;
    QLabel *m_requestCaption = nullptr;
    QPlainTextEdit *m_requestView = nullptr;
    QLabel *m_requestError = nullptr;
    QLabel *m_notesLabel = nullptr;

    // Outcome
    QLabel *m_statusLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_continueButton = nullptr;
    QWidget *m_redirectRow = nullptr;
    QLabel *m_redirectLabel = nullptr;
    QPushButton *m_followButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_stepTable = nullptr;
    TimingWaterfall *m_waterfall = nullptr;
    QTableWidget *m_headersTable = nullptr;
    QLabel *m_framingLabel = nullptr;
    QComboBox *m_bodyModeCombo = nullptr;
    QComboBox *m_charsetCombo = nullptr;
    QLabel *m_bodyInfo = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_saveLabel = nullptr;
    QStackedWidget *m_bodyStack = nullptr;
    QPlainTextEdit *m_bodyText = nullptr;
    QLabel *m_bodyImage = nullptr;
    QPlainTextEdit *m_tlsText = nullptr;
    QList<QLabel *> m_headings;
    LadderView *m_ladder = nullptr;
    CodePane *m_code = nullptr;
    Transcript m_lastRun; // the request and program as they were when the run started
};

} // namespace swb
