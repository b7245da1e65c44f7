#include "mainwindow.h"

#include "appsettings.h"
#include "lab/locallab.h"
#include "labdialog.h"
#include "language.h"
#include "learn/transcript.h"
#include "lookup/privacy.h"
#include "panels/connectpanel.h"
#include "panels/httppanel.h"
#include "panels/lookuppanel.h"
#include "panels/serverpanel.h"
#include "panels/timepanel.h"
#include "panels/udppanel.h"
#include "presentation.h"
#include "widgets/formstate.h"
#include "widgets/panelscrollarea.h"
#include "widgets/screenshot.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>

namespace swb {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kLastPanelKey = QStringLiteral("mainWindow/lastPanel");
} // namespace

MainWindow::MainWindow(LocalLab *lab, QWidget *parent)
    : QMainWindow(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("mainWindow"));
    // Never an address here: the title shows in screenshots, task bars and screen shares.
    setWindowTitle(tr("Socket Workbench"));
    // Before any panel is built, so the window opens in the mode it was left in and is laid out once.
    Presentation::instance()->restore();

    m_panelList = new QListWidget(this);
    m_panelList->setObjectName(QStringLiteral("panelList"));
    m_panelList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_panelList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_panelList->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("panelStack"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_panelList);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_labButton = new QPushButton(this);
    m_labButton->setObjectName(QStringLiteral("labStatusButton"));
    m_labButton->setFlat(true);
    m_labButton->setCursor(Qt::PointingHandCursor);
    m_labButton->setToolTip(tr("Show the local lab's services and their ports"));
    statusBar()->addWidget(m_labButton);

    connect(m_panelList, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_labButton, &QPushButton::clicked, this, &MainWindow::showLabDialog);
    if (m_lab)
        connect(m_lab, &LocalLab::ready, this, &MainWindow::updateLabStatus);

    buildMenus();
    buildPanels();
    updateLabStatus();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanels()
{
    // In sidebar order.
    addPanel(tr("Connect & Inspect"), new ConnectPanel(m_lab, this));
    addPanel(tr("Listen Server"), new ServerPanel(m_lab, this));
    addPanel(tr("Lookup"), new LookupPanel(this));
    addPanel(tr("HTTP GET"), new HttpPanel(m_lab, this));
    addPanel(tr("UDP"), new UdpPanel(m_lab, this));
    addPanel(tr("Time Query"), new TimePanel(m_lab, this));
}

void MainWindow::buildMenus()
{
    // A new menu bar each time (the old one goes with its menus and shortcuts): the texts are in the
    // language of the moment.
    setMenuBar(new QMenuBar(this));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *shot = file->addAction(tr("Save &Screenshot of This Panel\u2026"));
    shot->setObjectName(QStringLiteral("saveScreenshotAction"));
    shot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(shot, &QAction::triggered, this, [this] { chooseScreenshotFile(1.0); });
    QAction *shot2 = file->addAction(tr("Save Screenshot at &2\u00d7\u2026"));
    shot2->setObjectName(QStringLiteral("saveScreenshot2xAction"));
    shot2->setToolTip(tr("Twice the pixels, for print and slides"));
    connect(shot2, &QAction::triggered, this, [this] { chooseScreenshotFile(2.0); });
    QAction *copyShot = file->addAction(tr("&Copy Screenshot of This Panel"));
    copyShot->setObjectName(QStringLiteral("copyScreenshotAction"));
    copyShot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyShot, &QAction::triggered, this, &MainWindow::copyScreenshot);
    file->addSeparator();
    QAction *transcript = file->addAction(tr("Save &Transcript of the Last Run\u2026"));
    transcript->setObjectName(QStringLiteral("saveTranscriptAction"));
    transcript->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    transcript->setToolTip(tr("Markdown: the request, every step, the bytes as hex dumps, the result and the "
                              "same program in Python"));
    connect(transcript, &QAction::triggered, this, &MainWindow::chooseTranscriptFile);
    QAction *copyTranscript = file->addAction(tr("Copy Transcript as &Text"));
    copyTranscript->setObjectName(QStringLiteral("copyTranscriptAction"));
    copyTranscript->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    connect(copyTranscript, &QAction::triggered, this, &MainWindow::copyTranscript);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_hideAddressesAction = view->addAction(tr("&Hide Addresses and Host Name"));
    m_hideAddressesAction->setObjectName(QStringLiteral("hideAddressesAction"));
    m_hideAddressesAction->setCheckable(true);
    m_hideAddressesAction->setToolTip(tr("For screenshots and screen sharing: every address other than loopback, "
                                         "and this computer's name, are shown masked"));
    const bool hide = AppSettings::value(AppSettings::hideAddressesKey(), false).toBool();
    m_hideAddressesAction->setChecked(hide);
    Privacy::instance()->setEnabled(hide);
    connect(m_hideAddressesAction, &QAction::toggled, this, [](bool on) {
        Privacy::instance()->setEnabled(on);
        AppSettings::setValue(AppSettings::hideAddressesKey(), on);
    });
    connect(Privacy::instance(), &Privacy::enabledChanged, m_hideAddressesAction, &QAction::setChecked);
    view->addSeparator();
    buildPresentationMenu(view);
    view->addSeparator();
    buildLanguageMenu(view);

    QMenu *lab = menuBar()->addMenu(tr("&Lab"));
    QAction *services = lab->addAction(tr("&Services and Ports\u2026"));
    connect(services, &QAction::triggered, this, &MainWindow::showLabDialog);
    m_startLabAction = lab->addAction(tr("Start the local lab when the app starts"));
    m_startLabAction->setObjectName(QStringLiteral("startLabAction"));
    m_startLabAction->setCheckable(true);
    m_startLabAction->setChecked(AppSettings::value(AppSettings::labEnabledKey(), true).toBool());
    m_startLabAction->setToolTip(tr("Takes effect the next time Socket Workbench starts"));
    connect(m_startLabAction, &QAction::toggled, this, &MainWindow::setStartLabAtLaunch);
}

void MainWindow::buildPresentationMenu(QMenu *view)
{
    Presentation *presentation = Presentation::instance();
    QMenu *menu = view->addMenu(tr("&Presentation Mode"));
    menu->setObjectName(QStringLiteral("presentationMenu"));

    QAction *toggle = menu->addAction(tr("&Presentation Mode On/Off"));
    toggle->setObjectName(QStringLiteral("presentationToggleAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    toggle->setToolTip(tr("Switches between the normal view and the last presentation size"));
    connect(toggle, &QAction::triggered, this, [this, presentation] {
        presentation->toggle();
        announcePresentation();
    });
    menu->addSeparator();

    m_presentationGroup = new QActionGroup(menu);
    m_presentationGroup->setExclusive(true);
    const struct {
        int scale;
        const char *objectName;
        QString text;
    } sizes[] = {
        { Presentation::kOff, "presentationOffAction", tr("&Off") },
        { 150, "presentation150Action", tr("&150 %") },
        { 200, "presentation200Action", tr("&200 %") },
    };
    for (const auto &size : sizes) {
        QAction *action = menu->addAction(size.text);
        action->setObjectName(QString::fromLatin1(size.objectName));
        action->setCheckable(true);
        action->setData(size.scale);
        m_presentationGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, presentation, scale = size.scale] {
            presentation->setScale(scale);
            announcePresentation();
        });
    }
    menu->addSeparator();

    // Shift+= is "+" on many keyboards, and Shift+- is "_": both spellings are bound.
    QAction *larger = menu->addAction(tr("&Larger"));
    larger->setObjectName(QStringLiteral("presentationLargerAction"));
    larger->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus) });
    connect(larger, &QAction::triggered, this, [this, presentation] {
        presentation->larger();
        announcePresentation();
    });
    QAction *smaller = menu->addAction(tr("&Smaller"));
    smaller->setObjectName(QStringLiteral("presentationSmallerAction"));
    smaller->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Underscore) });
    connect(smaller, &QAction::triggered, this, [this, presentation] {
        presentation->smaller();
        announcePresentation();
    });

    m_highContrastAction = view->addAction(tr("High &Contrast"));
    m_highContrastAction->setObjectName(QStringLiteral("highContrastAction"));
    m_highContrastAction->setCheckable(true);
    m_highContrastAction->setToolTip(tr("Black on white (white on black on a dark desktop), for projectors; "
                                        "presentation mode turns it on unless you turn it off there"));
    connect(m_highContrastAction, &QAction::triggered, presentation, &Presentation::setHighContrast);

    connect(presentation, &Presentation::changed, menu, [this] {
        updatePresentationActions();
        fitOnScreen();
    });
    updatePresentationActions();
}

void MainWindow::buildLanguageMenu(QMenu *view)
{
    // Both ways, so someone who cannot read the current language still finds it.
    QMenu *menu = view->addMenu(tr("&Language / \u8bed\u8a00"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(menu);
    m_languageGroup->setExclusive(true);

    QAction *system
        = menu->addAction(tr("Follow the &System (%1)").arg(Language::nativeName(Language::resolved(QString()))));
    system->setObjectName(QStringLiteral("languageSystemAction"));
    system->setCheckable(true);
    m_languageGroup->addAction(system);
    connect(system, &QAction::triggered, this, [this] { requestLanguage(QString()); });
    menu->addSeparator();
    for (const QString &code : Language::available()) {
        // Each language in its own script: the same in every language.
        QAction *action = menu->addAction(Language::nativeName(code));
        action->setObjectName(QStringLiteral("language_%1_Action").arg(code));
        action->setCheckable(true);
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { requestLanguage(code); });
    }
    menu->setToolTip(tr("The panels are rebuilt in the new language: what you typed is kept, the results "
                        "of earlier runs are cleared"));
    menu->setToolTipsVisible(true);
    updateLanguageActions();
}

void MainWindow::updateLanguageActions()
{
    const Language *language = Language::instance();
    for (QAction *action : m_languageGroup->actions()) {
        const QString code = action->data().toString();
        action->setChecked(
            code.isEmpty() ? !language->isChosen() : language->isChosen() && language->current() == code);
    }
}

void MainWindow::requestLanguage(const QString &code)
{
    // The same language (English chosen while the system's is English): only the choice is remembered.
    if (Language::resolved(code) == Language::instance()->current()) {
        setLanguage(code);
        return;
    }
    // Nothing runs: switch at once. Something runs: say what would stop, and switch only when asked.
    QStringList busy;
    for (int i = 0; i < m_stack->count(); ++i) {
        bool isBusy = false;
        QWidget *panel = panelAt(i);
        if (panel && QMetaObject::invokeMethod(panel, "isBusy", Q_RETURN_ARG(bool, isBusy)) && isBusy)
            busy.append(m_panelList->item(i)->text());
    }
    if (busy.isEmpty()) {
        setLanguage(code);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Change the language?"),
        tr("Changing the language rebuilds the panels, and stops what runs in: %1. What you typed is kept.")
            .arg(busy.join(QStringLiteral(", "))),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("languageBusyBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *change = box->addButton(tr("Stop and Change"), QMessageBox::AcceptRole);
    change->setObjectName(QStringLiteral("languageChangeButton"));
    box->addButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, change, code] {
        if (box->clickedButton() == change)
            setLanguage(code);
        else
            updateLanguageActions(); // the check mark goes back to the language in use
    });
    box->open();
}

bool MainWindow::setLanguage(const QString &code)
{
    Language *language = Language::instance();
    const QString before = language->current();
    const bool ok = code.isEmpty() ? language->followSystem() : language->choose(code);
    if (!ok) {
        statusBar()->showMessage(
            tr("The translation for %1 could not be loaded").arg(Language::nativeName(Language::resolved(code))), 6000);
        updateLanguageActions();
        return false;
    }
    // Rebuilt only when the language changed: results and running jobs stay otherwise.
    if (language->current() != before)
        retranslate();
    else
        updateLanguageActions();
    statusBar()->showMessage(tr("Language: %1").arg(Language::nativeName(language->current())), 4000);
    return true;
}

void MainWindow::retranslate()
{
    // Everything with text is built again: the menus, the panels, the lab button and dialog. What
    // was typed and chosen goes from each old panel to its new one.
    const int row = m_panelList->currentRow();
    QHash<QString, FormState::Values> forms;
    for (int i = 0; i < m_stack->count(); ++i) {
        if (QWidget *panel = panelAt(i))
            forms.insert(panel->objectName(), FormState::capture(panel));
    }
    const bool labDialogShown = m_labDialog && m_labDialog->isVisible();
    delete m_labDialog;

    {
        const QSignalBlocker blocker(m_panelList);
        m_panelList->clear();
    }
    while (m_stack->count() > 0) {
        QWidget *page = m_stack->widget(0);
        m_stack->removeWidget(page);
        delete page; // the panel and its sessions, at once: a server's port is free again
    }

    setWindowTitle(tr("Socket Workbench"));
    QApplication::setApplicationDisplayName(tr("Socket Workbench"));
    m_labButton->setToolTip(tr("Show the local lab's services and their ports"));
    buildMenus();
    buildPanels();
    for (int i = 0; i < m_stack->count(); ++i) {
        if (QWidget *panel = panelAt(i))
            FormState::restore(panel, forms.value(panel->objectName()));
    }
    m_panelList->setCurrentRow(qBound(0, row, m_panelList->count() - 1));
    updateLabStatus();
    if (labDialogShown)
        showLabDialog();
}

QWidget *MainWindow::panelAt(int index) const
{
    auto *area = qobject_cast<QScrollArea *>(m_stack->widget(index));
    return area ? area->widget() : m_stack->widget(index);
}

void MainWindow::updatePresentationActions()
{
    const Presentation *presentation = Presentation::instance();
    for (QAction *action : m_presentationGroup->actions())
        action->setChecked(action->data().toInt() == presentation->scale());
    m_highContrastAction->setChecked(presentation->highContrast());
}

void MainWindow::announcePresentation()
{
    const Presentation *presentation = Presentation::instance();
    const QString shortcut = QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString(QKeySequence::NativeText);
    statusBar()->showMessage(presentation->isOn()
            ? tr("Presentation mode: %1 % (%2 leaves it)").arg(presentation->scale()).arg(shortcut)
            : tr("Presentation mode off (%1 turns it on)").arg(shortcut),
        4000);
}

void MainWindow::fitOnScreen()
{
    // Larger fonts must never push the window past the screen: the panels scroll instead.
    const QScreen *screen = this->screen();
    if (!screen || !isVisible() || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    const QSize frameExtra = frameGeometry().size() - geometry().size();
    const QSize fits = size().boundedTo(available.size() - frameExtra);
    if (fits != size())
        resize(fits);
}

void MainWindow::addPanel(const QString &title, QWidget *panel)
{
    // Scroll bars keep every control reachable when a large presentation font outgrows the window.
    m_stack->addWidget(new PanelScrollArea(panel, m_stack));
    auto *item = new QListWidgetItem(title, m_panelList);
    item->setData(Qt::UserRole, panel->objectName());
    if (m_panelList->currentRow() < 0)
        m_panelList->setCurrentRow(0);
    updateSidebarWidth();
}

QImage MainWindow::panelScreenshot(qreal scale) const
{
    QWidget *panel = panelAt(m_stack->currentIndex());
    return panel ? Screenshot::render(panel, scale) : QImage();
}

bool MainWindow::saveScreenshot(const QString &path, qreal scale)
{
    const bool ok = panelScreenshot(scale).save(path, "PNG");
    statusBar()->showMessage(ok ? tr("Screenshot saved: %1").arg(path) : tr("Could not write %1").arg(path), 5000);
    return ok;
}

void MainWindow::copyScreenshot()
{
    QGuiApplication::clipboard()->setImage(panelScreenshot(1.0));
    statusBar()->showMessage(tr("Screenshot of this panel copied to the clipboard"), 4000);
}

void MainWindow::chooseSaveFile(const QString &title, const QString &filter, const QString &fileName,
    const std::function<void(const QString &)> &save)
{
    // Not exec(): the dialog is shown and its answer comes as a signal, so nothing waits.
    auto *dialog = new QFileDialog(this, title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(filter);
    dialog->setDefaultSuffix(QFileInfo(fileName).suffix());
    dialog->selectFile(fileName);
    connect(dialog, &QFileDialog::fileSelected, this, save);
    dialog->open();
}

QString MainWindow::currentPanelName() const
{
    QString name;
    if (QListWidgetItem *item = m_panelList->currentItem())
        name = item->data(Qt::UserRole).toString().remove(QLatin1String("Panel"));
    return name.isEmpty() ? QStringLiteral("panel") : name;
}

void MainWindow::chooseScreenshotFile(qreal scale)
{
    chooseSaveFile(scale > 1 ? tr("Save a 2\u00d7 screenshot") : tr("Save a screenshot"), tr("PNG pictures (*.png)"),
        currentPanelName() + (scale > 1 ? QStringLiteral("@2x.png") : QStringLiteral(".png")),
        [this, scale](const QString &path) { saveScreenshot(path, scale); });
}

Transcript MainWindow::panelTranscript() const
{
    Transcript transcript;
    QWidget *panel = panelAt(m_stack->currentIndex());
    if (!panel || !QMetaObject::invokeMethod(panel, "transcript", Q_RETURN_ARG(swb::Transcript, transcript)))
        return {};
    if (QListWidgetItem *item = m_panelList->currentItem())
        transcript.title = item->text();
    return transcript;
}

QString MainWindow::transcriptText(bool markdown) const
{
    Transcript transcript = panelTranscript();
    if (transcript.isEmpty())
        return {};
    // Addresses and host names also hide in the bytes (a Host: header); masking the finished text
    // would miss them, split over the dump's lines and spelled in hex.
    if (Privacy::instance()->isEnabled()) {
        for (Transcript::Steps &part : transcript.steps) {
            for (TraceEvent &e : part.events) {
                if (e.payload.isEmpty())
                    continue;
                const QString text = QString::fromLatin1(e.payload);
                const QString masked = Privacy::shown(text);
                if (masked != text)
                    e.payload = masked.toUtf8();
            }
        }
    }
    // Masked as the panel is: with Hide Addresses on, no address but loopback and no host name.
    return Privacy::shown(markdown ? TranscriptFormat::markdown(transcript) : TranscriptFormat::plainText(transcript));
}

bool MainWindow::saveTranscript(const QString &path)
{
    const QString text = transcriptText(true);
    if (text.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to write yet: run this panel first"), 5000);
        return false;
    }
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit();
    statusBar()->showMessage(ok ? tr("Transcript saved: %1").arg(path) : tr("Could not write %1").arg(path), 5000);
    return ok;
}

void MainWindow::copyTranscript()
{
    const QString text = transcriptText(false);
    if (text.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to copy yet: run this panel first"), 5000);
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Transcript of the last run copied to the clipboard as text"), 4000);
}

void MainWindow::chooseTranscriptFile()
{
    if (panelTranscript().isEmpty()) {
        statusBar()->showMessage(tr("Nothing to write yet: run this panel first"), 5000);
        return;
    }
    chooseSaveFile(tr("Save the transcript"), tr("Markdown (*.md)"),
        currentPanelName() + QStringLiteral("-transcript.md"), [this](const QString &path) { saveTranscript(path); });
}

bool MainWindow::showPanel(const QString &name)
{
    for (int i = 0; i < m_panelList->count(); ++i) {
        if (!name.isEmpty() && m_panelList->item(i)->data(Qt::UserRole).toString().startsWith(name)) {
            m_panelList->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void MainWindow::updateSidebarWidth()
{
    int widest = 0;
    const QFontMetrics metrics(m_panelList->font());
    for (int i = 0; i < m_panelList->count(); ++i)
        widest = qMax(widest, metrics.horizontalAdvance(m_panelList->item(i)->text()));
    m_panelList->setFixedWidth(widest + metrics.height() * 2 + m_panelList->frameWidth() * 2);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_panelList) // not while the constructor applies presentation mode
        updateSidebarWidth();
}

void MainWindow::updateLabStatus()
{
    QString text;
    if (!m_lab) {
        text = tr("Lab: off");
    } else if (!m_lab->isReady()) {
        text = tr("Lab: starting\u2026");
    } else {
        int running = 0;
        int failed = 0;
        for (const LabService &service : m_lab->services()) {
            if (service.running)
                ++running;
            else
                ++failed;
        }
        if (failed == 1)
            text = tr("Lab: 1 service could not start");
        else if (failed > 1)
            text = tr("Lab: %1 services could not start").arg(failed);
        else if (running == 1)
            text = tr("Lab: 1 service on %1").arg(m_lab->bindAddress());
        else
            text = tr("Lab: %1 services on %2").arg(running).arg(m_lab->bindAddress());
    }
    m_labButton->setText(text);
}

LabDialog *MainWindow::showLabDialog()
{
    if (!m_labDialog) {
        m_labDialog = new LabDialog(m_lab, this);
        connect(m_labDialog, &LabDialog::startAtLaunchChanged, m_startLabAction, &QAction::setChecked);
    }
    m_labDialog->refresh();
    m_labDialog->show();
    m_labDialog->raise();
    m_labDialog->activateWindow();
    return m_labDialog;
}

void MainWindow::setStartLabAtLaunch(bool on)
{
    AppSettings::setValue(AppSettings::labEnabledKey(), on);
    if (m_labDialog)
        m_labDialog->setStartAtLaunch(on);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = AppSettings::value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1100, 720);
    const QString last = AppSettings::value(kLastPanelKey).toString();
    for (int i = 0; i < m_panelList->count(); ++i) {
        if (m_panelList->item(i)->data(Qt::UserRole).toString() == last)
            m_panelList->setCurrentRow(i);
    }
}

void MainWindow::saveSettings()
{
    AppSettings::setValue(kGeometryKey, saveGeometry());
    if (QListWidgetItem *item = m_panelList->currentItem())
        AppSettings::setValue(kLastPanelKey, item->data(Qt::UserRole));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace swb
