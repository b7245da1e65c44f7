#pragma once
// "Listen Server": the seeds' server chapters in one panel. A form sets up a server (TCP or UDP,
// bind address, port, backlog, SO_REUSEADDR, client limit, idle timeout, behaviour); each started
// server gets its own console tab; the local lab's servers are listed beside them, read-only.

#include "learn/transcript.h"
#include "server/listenserver.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace swb {

class CodePane;
class LocalLab;
class ServerConsole;

class ServerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ServerPanel(LocalLab *lab, QWidget *parent = nullptr);
    ~ServerPanel() override;
    // A job runs that rebuilding the panel (a change of language) would stop.
    Q_INVOKABLE bool isBusy() const;
    // The shown console's server (else the newest), for File › Save Transcript; empty when none ran.
    Q_INVOKABLE swb::Transcript transcript() const;

    // The form's server, or a Usage error naming the field.
    std::optional<ListenServerOptions> formOptions(SessionError *error = nullptr) const;
    // Starts a server with these options in a new console tab (the Start button does this).
    ServerConsole *startServer(const ListenServerOptions &options);
    QList<ServerConsole *> consoles() const;

    static constexpr quint16 kDefaultPort = 0;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void applyFonts();
    void fillBindAddresses();
    void fillLabTable();
    void updateFormHints();
    void updateCode();
    void startFromForm();
    void closeConsole(ServerConsole *console);
    void consoleFailed(ServerConsole *console);

    QPointer<LocalLab> m_lab;

    QList<QLabel *> m_headings;
    QComboBox *m_transportCombo = nullptr;
    QComboBox *m_behaviourCombo = nullptr;
    QLabel *m_behaviourHint = nullptr;
    QComboBox *m_bindCombo = nullptr;
    QLabel *m_bindWarning = nullptr;
    QLineEdit *m_portEdit = nullptr;
    QLabel *m_portHint = nullptr;
    QLabel *m_portError = nullptr;
    QSpinBox *m_backlogSpin = nullptr;
    QCheckBox *m_reuseCheck = nullptr;
    QLabel *m_reuseHint = nullptr;
    QSpinBox *m_maxClientsSpin = nullptr;
    QSpinBox *m_dropSpin = nullptr;
    QDoubleSpinBox *m_idleSpin = nullptr;
    QPushButton *m_startButton = nullptr;
    QLabel *m_limitNote = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_labTable = nullptr;
    CodePane *m_code = nullptr;
};

} // namespace swb
