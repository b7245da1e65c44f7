#pragma once
// The main window: a sidebar of panels, the current panel, and a status bar whose lab button says
// whether the local lab runs and opens the list of its services.

#include "learn/transcript.h"

#include <QImage>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QActionGroup;
class QListWidget;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace swb {

class LabDialog;
class LocalLab;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // lab is null when the lab is off; it must outlive the window or be deleted with QObject rules.
    explicit MainWindow(LocalLab *lab, QWidget *parent = nullptr);
    ~MainWindow() override;

    // One sidebar entry and one page; the panel's objectName names it in the settings.
    void addPanel(const QString &title, QWidget *panel);
    LabDialog *showLabDialog();
    // Shows the panel whose objectName starts with name ("connect", "server"); false when none does.
    bool showPanel(const QString &name);
    // The panel shown, whole (also what is scrolled out of view), at scale 1 or 2.
    QImage panelScreenshot(qreal scale) const;
    bool saveScreenshot(const QString &path, qreal scale);
    void copyScreenshot();
    // The shown panel's last run (empty before its first), titled with its sidebar name.
    Transcript panelTranscript() const;
    // As Markdown or plain text, masked when Hide Addresses is on; empty when there is no run.
    QString transcriptText(bool markdown) const;
    bool saveTranscript(const QString &path);
    void copyTranscript();
    // The page's panel, inside its scroll area.
    QWidget *panelAt(int index) const;
    // Installs the language (an empty code follows the system) and rebuilds the menus and panels in
    // it, keeping what was typed. False, with a message, when the translation cannot be loaded.
    bool setLanguage(const QString &code);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildPanels();
    void buildLanguageMenu(QMenu *view);
    // From the menu: asks first when a panel runs something the rebuild would stop.
    void requestLanguage(const QString &code);
    void updateLanguageActions();
    void retranslate();
    // A save dialog, non-modal; save gets the chosen path.
    void chooseSaveFile(const QString &title, const QString &filter, const QString &fileName,
        const std::function<void(const QString &)> &save);
    QString currentPanelName() const; // "connect", "udp": for file names
    void chooseScreenshotFile(qreal scale);
    void chooseTranscriptFile();
    void updateLabStatus();
    void updateSidebarWidth();
    void restoreSettings();
    void saveSettings();
    void setStartLabAtLaunch(bool on);
    void buildPresentationMenu(QMenu *view);
    void updatePresentationActions();
    void announcePresentation();
    void fitOnScreen();

    QPointer<LocalLab> m_lab;
    QListWidget *m_panelList = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPushButton *m_labButton = nullptr;
    QAction *m_startLabAction = nullptr;
    QAction *m_hideAddressesAction = nullptr;
    QActionGroup *m_presentationGroup = nullptr; // Off, 150 %, 200 %; each action's data is its scale
    QAction *m_highContrastAction = nullptr;
    QActionGroup *m_languageGroup = nullptr; // "follow the system" (no data), then each language (its code)
    QPointer<LabDialog> m_labDialog;
};

} // namespace swb
