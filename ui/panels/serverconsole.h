#pragma once
// One running server in the Listen Server panel: its state and counters, how the class connects to
// it, the table of its clients with the operator's send / half-close / close, and the console log
// of every event (filter, search, hex, pause, clear, export).

#include "learn/transcript.h"
#include "server/serversession.h"
#include "trace/consoleformat.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace swb {

class LadderView;

class ConnectionStyleProxy;
class ConsoleFilterProxy;
class TraceStyleProxy;

class ServerConsole : public QWidget {
    Q_OBJECT
public:
    // Takes the session (it becomes this widget's child) and starts it.
    explicit ServerConsole(ServerSession *session, QWidget *parent = nullptr);
    ~ServerConsole() override;

    ServerSession *session() const { return m_session; }
    // The form and program the server was started from; the transcript adds the steps and status.
    void setTranscriptStart(const Transcript &start) { m_transcriptStart = start; }
    Transcript transcript() const;
    // "timestamp · TCP 127.0.0.1:21567", for the tab.
    QString title() const;
    ConsoleFilterProxy *consoleFilter() const { return m_filter; }

    // Writes what the console shows (after its filters) to a file, on a worker thread; emits
    // exportFinished. The Export button asks for the file first.
    void exportLog(const QString &path, ConsoleFormat::Format format);

signals:
    void titleChanged();
    void closeRequested(swb::ServerConsole *console);
    void exportFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void applyFonts();
    void onStateChanged();
    void onEvents(const QVector<swb::TraceEvent> &batch);
    void updateCounters();
    void updateHowToConnect();
    void updateSendControls();
    void updateDropped();
    int selectedClient() const;
    std::optional<QByteArray> payload();
    void send(bool toAll);
    void chooseExportFile();
    void restart();

    ServerSession *m_session;
    Transcript m_transcriptStart;
    ConsoleFilterProxy *m_filter = nullptr;
    TraceStyleProxy *m_consoleStyle = nullptr;
    ConnectionStyleProxy *m_connectionStyle = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_searchDelay = nullptr;
    QTimer *m_countersDelay = nullptr;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_restartButton = nullptr;
    QPushButton *m_closeTabButton = nullptr;
    QLabel *m_countersLabel = nullptr;

    QList<QLabel *> m_headings;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_exposedLabel = nullptr;
    QComboBox *m_clientToolCombo = nullptr;
    QPlainTextEdit *m_commandText = nullptr;
    QPushButton *m_copyButton = nullptr;

    QTableView *m_connectionsView = nullptr;
    QLabel *m_targetLabel = nullptr;
    QLineEdit *m_sendEdit = nullptr;
    QComboBox *m_sendModeCombo = nullptr;
    QCheckBox *m_newlineCheck = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_sendAllButton = nullptr;
    QPushButton *m_halfCloseButton = nullptr;
    QPushButton *m_closeClientButton = nullptr;
    QLabel *m_sendError = nullptr;

    QCheckBox *m_onlySelectedCheck = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QCheckBox *m_hexCheck = nullptr;
    QCheckBox *m_pauseCheck = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_droppedLabel = nullptr;
    QLabel *m_exportLabel = nullptr;
    QTableView *m_consoleView = nullptr;
    QTabWidget *m_consoleTabs = nullptr;
    LadderView *m_ladder = nullptr;
};

} // namespace swb
