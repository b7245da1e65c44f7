#pragma once
// "Time query": asks a time server (RFC 868 time, RFC 867 daytime, SNTP v4) over UDP or TCP, with
// retries, and shows the reply decoded step by step beside this computer's clock, with the socket
// calls it took. The lab's time servers by default; an outside server only when the person picks it.

#include "learn/transcript.h"
#include "net/endpoint.h"
#include "time/timequery.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace swb {

class CodePane;
class LocalLab;
class TraceBuffer;
class TraceModel;
class TraceStyleProxy;

class TimePanel : public QWidget {
    Q_OBJECT
public:
    // lab may be null (the lab is off): "Local lab" then means 127.0.0.1 at the protocol's own port.
    explicit TimePanel(LocalLab *lab, QWidget *parent = nullptr);
    ~TimePanel() override;
    // A job runs that rebuilding the panel (a change of language) would stop.
    Q_INVOKABLE bool isBusy() const;
    // The last run, for File › Save Transcript; empty before the first.
    Q_INVOKABLE swb::Transcript transcript() const;

    // At least the height the wrapped texts and the decoding tables take at the current width: a
    // wrapped label's own minimum is one line, which would squeeze the tables in a scroll area.
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum Preset { PresetLab, PresetNist, PresetPool, PresetCustom };

    void buildUi();
    void applyFonts();
    void protocolChanged();
    void presetChosen();
    void fillFromPreset();
    void fieldEdited();
    bool validate();
    void updateHints();
    void updateControls();

    TimeQueryRequest formRequest() const;
    void updateCode();
    void ask();
    void stop();
    void onFinished(const swb::TimeQueryResult &result);

    void clearResults();
    void showDecoding(const TimeQueryResult &result);
    void showClocks(const TimeQueryResult &result);
    void showError(const SessionError &error);

    TimeProtocol protocol() const;
    Transport transport() const;

    QPointer<LocalLab> m_lab;
    TimeQuery *m_query = nullptr;
    TraceBuffer *m_buffer = nullptr;
    TraceModel *m_traceModel = nullptr;
    TraceStyleProxy *m_traceStyle = nullptr;
    TimeQueryRequest m_running; // what the query in flight was asked
    bool m_replacing = false; // the old query's finished() while a new one starts is not shown

    QComboBox *m_protocolCombo = nullptr;
    QComboBox *m_transportCombo = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QLineEdit *m_portEdit = nullptr;
    QSpinBox *m_retriesSpin = nullptr;
    QDoubleSpinBox *m_timeoutSpin = nullptr;
    QPushButton *m_askButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_hostError = nullptr;
    QLabel *m_portError = nullptr;
    QLabel *m_protocolHint = nullptr;
    QLabel *m_presetHint = nullptr;

    QList<QLabel *> m_headings;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_clockLabel = nullptr;
    QLabel *m_clockNote = nullptr;
    QLabel *m_decodeHeading = nullptr;
    QLabel *m_decodeHint = nullptr;
    QLabel *m_replyLabel = nullptr;
    QLabel *m_daytimeFormatLabel = nullptr;
    QTableWidget *m_sntpFieldsTable = nullptr;
    QLabel *m_offsetHeading = nullptr;
    QTableWidget *m_decodeTable = nullptr;
    QLabel *m_formulaLabel = nullptr;
    QLabel *m_formulaNote = nullptr;
    QLabel *m_wrapNote = nullptr;
    QTableView *m_stepTable = nullptr;
    CodePane *m_code = nullptr;
    Transcript m_lastRun; // the request and program as they were when the run started
};

} // namespace swb
