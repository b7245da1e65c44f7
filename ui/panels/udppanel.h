#pragma once
// "UDP": send datagrams with sendto() and read replies with recvfrom() (unconnected), or connect()
// first and use send() / recv() (connected), or both side by side to see the difference: which
// replies are accepted, and whether an ICMP port-unreachable is heard. Every datagram is a row with
// its round-trip time; counters make loss visible, and a lossy lab echo lets a class see it on one
// machine. Broadcast and multicast options are there for the LAN lessons.

#include "client/udpsession.h"
#include "learn/transcript.h"
#include "widgets/udpdatagrammodel.h"

#include <QPointer>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace swb {

class CodePane;
class LabServiceCombo;
class LocalLab;
class ServerSession;
class TraceBuffer;
class TraceModel;
class TraceStyleProxy;

class UdpPanel : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Unconnected, Connected, Both };
    Q_ENUM(Mode)
    // A job runs that rebuilding the panel (a change of language) would stop.
    Q_INVOKABLE bool isBusy() const;
    // The last run, for File › Save Transcript; empty before the first.
    Q_INVOKABLE swb::Transcript transcript() const;

    // lab may be null (the lab is off); the panel then defaults to port 50007.
    explicit UdpPanel(LocalLab *lab, QWidget *parent = nullptr);
    ~UdpPanel() override;

    static constexpr quint16 kFallbackPort = 50007;

    // The runs of the last Send (tests and the benchmark read them).
    UdpSession *session(bool connected) const;
    UdpDatagramModel *datagramModel(bool connected) const;
    bool isRunning() const;
    // Delivers the rows and steps waiting for the next frame now.
    void flushPending();

signals:
    // When every run a Send started has finished.
    void runsFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    // One column of results: a UdpSession and what it shows.
    struct Run {
        bool connected = false;
        QPointer<UdpSession> session;
        UdpDatagramModel *model = nullptr;
        TraceBuffer *buffer = nullptr;
        TraceModel *traceModel = nullptr;
        TraceStyleProxy *traceStyle = nullptr;
        QVector<UdpDatagramModel::Datagram> pending;
        bool active = false; // started by the last Send and not finished yet
        int count = 0; // of the running request
        int windowMs = 0;
        QWidget *box = nullptr;
        QLabel *title = nullptr;
        QLabel *python = nullptr;
        QLabel *endpoints = nullptr;
        QLabel *counters = nullptr;
        QLabel *state = nullptr;
        QLabel *error = nullptr;
        QTabWidget *tabs = nullptr;
        QTableView *datagrams = nullptr;
        QTableView *steps = nullptr;
        CodePane *code = nullptr;
    };

    void buildUi();
    QWidget *buildRun(Run &run);
    QWidget *buildLanOptions();
    void applyFonts();
    void labReady();
    bool validate();
    std::optional<UdpSessionRequest> formRequest() const;
    void modeChanged();
    void updateCode();
    void encodingChanged();

    void startLossyEcho();
    void lossyToggled(bool on);
    void lossyStarted();

    void send();
    void stop();
    void startRun(Run &run, const UdpSessionRequest &request);
    void runFinished(Run &run, const UdpSessionResult &result);
    void queueDatagram(Run &run, UdpDatagramModel::Datagram datagram);
    void updateCounters(Run &run);
    void updateControls();

    QPointer<LocalLab> m_lab;
    std::array<Run, 2> m_runs; // [0] unconnected, [1] connected
    QTimer m_flushTimer;
    ServerSession *m_lossy = nullptr;
    bool m_fieldsFromLossy = false;
    Transcript m_lastRun; // the request and programs as they were when the run started
    bool m_starting = false; // inside send(): runsFinished waits until every run has started

    LabServiceCombo *m_labServiceCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QLineEdit *m_portEdit = nullptr;
    QComboBox *m_familyCombo = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QSpinBox *m_localPortSpin = nullptr;
    QLineEdit *m_payloadEdit = nullptr;
    QComboBox *m_payloadModeCombo = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QSpinBox *m_countSpin = nullptr;
    QSpinBox *m_intervalSpin = nullptr;
    QDoubleSpinBox *m_windowSpin = nullptr;
    QSpinBox *m_bufferSpin = nullptr;
    QCheckBox *m_finishWhenAnsweredCheck = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_hostError = nullptr;
    QLabel *m_portError = nullptr;
    QLabel *m_payloadError = nullptr;
    QLabel *m_bindError = nullptr;

    QCheckBox *m_lossyCheck = nullptr;
    QSpinBox *m_lossySpin = nullptr;
    QLabel *m_lossyLabel = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QLabel *m_encodingHint = nullptr;
    QPushButton *m_lanButton = nullptr;
    QWidget *m_lanOptions = nullptr;
    QCheckBox *m_broadcastCheck = nullptr;
    QLineEdit *m_groupEdit = nullptr;
    QLineEdit *m_interfaceEdit = nullptr;
    QSpinBox *m_ttlSpin = nullptr;
    QComboBox *m_loopCombo = nullptr;
    QLabel *m_lanError = nullptr;
    QList<QLabel *> m_headings;
};

} // namespace swb
