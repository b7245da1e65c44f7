#pragma once
// Shows every service of the local lab with its real address and port (or why it could not start),
// and the setting that starts the lab with the app. Non-modal: it stays open beside the panels.

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace swb {

class LocalLab;

class LabDialog : public QDialog {
    Q_OBJECT
public:
    // lab is null when the lab is off.
    explicit LabDialog(LocalLab *lab, QWidget *parent = nullptr);

    bool startAtLaunch() const;

public slots:
    void setStartAtLaunch(bool on);
    void refresh();

signals:
    // The person changed the setting in this dialog (it is already saved).
    void startAtLaunchChanged(bool on);

private:
    QPointer<LocalLab> m_lab;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_startCheck = nullptr;
};

} // namespace swb
