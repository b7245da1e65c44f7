#pragma once
// "Connect & Inspect": connect a TCP socket to a host and port (a lab service by default), show the
// calls it makes step by step and both of its endpoints (getsockname / getpeername), keep a history
// of attempts so the changing client port is visible, then send, receive, half-close and close.

#include "client/tcpprobe.h"
#include "learn/transcript.h"

#include <QList>
#include <QPointer>
#include <QTime>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace swb {

class BytesView;
class CodePane;
class LabServiceCombo;
class LocalLab;
class TraceBuffer;
class TraceModel;
class TraceStyleProxy;

class ConnectPanel : public QWidget {
    Q_OBJECT
public:
    // lab may be null (the lab is off); the panel then defaults to port 50007.
    explicit ConnectPanel(LocalLab *lab, QWidget *parent = nullptr);
    ~ConnectPanel() override;
    // A job runs that rebuilding the panel (a change of language) would stop.
    Q_INVOKABLE bool isBusy() const;
    // The last run, for File › Save Transcript; empty before the first.
    Q_INVOKABLE swb::Transcript transcript() const;

    static constexpr quint16 kFallbackPort = 50007;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void applyFonts();
    void labReady();
    bool validate();
    void reloadRecentHosts();

    TcpProbeRequest formRequest() const;
    // The bytes the send field describes (with the newline when asked), or why there are none.
    std::optional<QByteArray> sendBytes(QString *error) const;
    void updateCode();
    void startConnect();
    void closeConnection();
    void halfCloseConnection();
    void sendPayload();
    void discardProbe();

    void onFinished(const swb::TcpProbeResult &result);
    void onStateChanged(swb::TcpProbe::State state);
    void onConnectionClosed(const swb::SessionError &why);

    void addHistoryRow(const TcpProbeResult &result);
    void showError(const SessionError &error);
    void setEndpoints(const Endpoint &local, const Endpoint &remote);
    void updateControls();

    QPointer<LocalLab> m_lab;
    QPointer<TcpProbe> m_probe;
    TraceBuffer *m_buffer = nullptr;
    TraceModel *m_traceModel = nullptr;
    TraceStyleProxy *m_traceStyle = nullptr;
    QTime m_attemptTime;
    bool m_portEdited = false;
    bool m_closingByUs = false;

    LabServiceCombo *m_labServiceCombo = nullptr;
    QComboBox *m_hostEdit = nullptr;
    QLineEdit *m_portEdit = nullptr;
    QComboBox *m_familyCombo = nullptr;
    QDoubleSpinBox *m_timeoutSpin = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLabel *m_hostError = nullptr;
    QLabel *m_portError = nullptr;

    QList<QLabel *> m_headings;
    QLabel *m_localCaption = nullptr;
    QLabel *m_remoteCaption = nullptr;
    QLabel *m_localLabel = nullptr;
    QLabel *m_remoteLabel = nullptr;
    QLabel *m_localPython = nullptr;
    QLabel *m_remotePython = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_errorLabel = nullptr;

    QTableView *m_stepTable = nullptr;
    QLabel *m_historyHint = nullptr;
    QTableWidget *m_historyTable = nullptr;

    QLineEdit *m_sendEdit = nullptr;
    QComboBox *m_sendModeCombo = nullptr;
    QCheckBox *m_appendNewlineCheck = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_halfCloseButton = nullptr;
    QLabel *m_sendError = nullptr;
    QLabel *m_closedLabel = nullptr;
    BytesView *m_bytesView = nullptr;
    CodePane *m_code = nullptr;
    Transcript m_lastRun; // the request and program as they were when the run started
};

} // namespace swb
