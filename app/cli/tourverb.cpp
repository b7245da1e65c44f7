#include "cli/tourverb.h"

#include "http/httpget.h"
#include "lab/locallab.h"
#include "language.h"
#include "mainwindow.h"
#include "panels/httppanel.h"
#include "panels/serverconsole.h"
#include "panels/serverpanel.h"
#include "panels/udppanel.h"
#include "server/serversession.h"
#include "widgets/screenshot.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

namespace swb {

namespace {

// A batch job, not the app: waiting with a nested event loop is what makes the tour a straight list of steps.
constexpr int kPanelTimeoutMs = 15000;
constexpr int kLabTimeoutMs = 10000;
constexpr int kSettleMs = 100;
constexpr int kWindowWidth = 1100;
constexpr int kWindowHeight = 720;
// Fewer colours than this is a blank picture (one flat colour, or a frame with nothing drawn in it).
constexpr int kMinColours = 64;
// Room left above a widget scrolled to the top of a panel.
constexpr int kScrollMargin = 8;

// The panels in sidebar order, by MainWindow::showPanel's names.
const QStringList &panelOrder()
{
    static const QStringList order = { QStringLiteral("connect"), QStringLiteral("server"), QStringLiteral("lookup"),
        QStringLiteral("http"), QStringLiteral("udp"), QStringLiteral("time") };
    return order;
}

void writeLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

// Runs the event loop until done() is true or the deadline passes; returns done().
bool waitUntil(const std::function<bool()> &done, QDeadlineTimer deadline)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

// Lets queued events, batched table rows and repaints through.
void settle(int ms = kSettleMs)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int distinctColours(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            colours.insert(line[x]);
    }
    return int(colours.size());
}

// The controls of one panel by objectName; the first one missing is the panel's error.
class Controls {
public:
    explicit Controls(QWidget *panel)
        : m_panel(panel)
    {
    }
    template<typename T> T *get(const char *name)
    {
        T *found = m_panel->findChild<T *>(QLatin1String(name));
        if (!found && m_missing.isEmpty())
            m_missing = QStringLiteral("no %1 named '%2' in the panel")
                            .arg(QLatin1String(T::staticMetaObject.className()), QLatin1String(name));
        return found;
    }
    QString missing() const { return m_missing; }

private:
    QWidget *m_panel;
    QString m_missing;
};

struct PanelShot {
    QString name; // "connect"
    QString title; // the sidebar's title
    QString file; // "01-connect.png"
    QString transcript; // "01-connect.md", the run's transcript; empty when there was none
    QString problem; // why the run or the picture failed; empty when both worked
    int colours = 0;
    qint64 elapsedMs = 0;
};

class Tour {
    Q_DECLARE_TR_FUNCTIONS(swb::Tour)
public:
    Tour(MainWindow *window, qreal scale)
        : m_window(window)
        , m_scale(scale)
    {
    }

    PanelShot run(const QString &name, int number, const QDir &out);
    static QString caption(const QString &name);

private:
    QString drive(const QString &name, QWidget *panel, QDeadlineTimer deadline);
    QString driveConnect(QWidget *panel, QDeadlineTimer deadline);
    QString driveServer(QWidget *panel, QDeadlineTimer deadline);
    QString driveLookup(QWidget *panel, QDeadlineTimer deadline);
    QString driveHttp(QWidget *panel, QDeadlineTimer deadline);
    QString driveUdp(QWidget *panel, QDeadlineTimer deadline);
    QString driveTime(QWidget *panel, QDeadlineTimer deadline);
    QImage picture() const;
    QString sidebarTitle(const QString &name) const;

    MainWindow *m_window;
    qreal m_scale;
    // The tour's own client of the server panel's server, kept connected until the picture is taken.
    std::unique_ptr<QTcpSocket> m_serverClient;
};

QString Tour::caption(const QString &name)
{
    if (name == QLatin1String("connect"))
        return tr("A TCP connection to the lab's echo service: the steps from getaddrinfo() to recv(), both "
                  "endpoints, and \"hello\" sent and echoed back.");
    if (name == QLatin1String("server"))
        return tr("A TCP server of the \"timestamp\" behaviour, started from the form on a port the system chose, "
                  "with one client connected and answered: its row in the client table, how to connect, and the "
                  "console of the server's socket calls.");
    if (name == QLatin1String("lookup"))
        return tr("The service \"http\" looked up in this system's /etc/services and in the IANA registry.");
    if (name == QLatin1String("http"))
        return tr("A GET of the lab web server's / over a bare socket: the request, the status, the steps and "
                  "their timing.");
    if (name == QLatin1String("udp"))
        return tr("Five UDP datagrams 20 ms apart sent to the lab's echo service, with the replies, their "
                  "senders and what was lost.");
    if (name == QLatin1String("time"))
        return tr("The lab's time service asked over UDP (RFC 868): the 4 bytes of the reply decoded step by "
                  "step into a date.");
    return {};
}

QString Tour::sidebarTitle(const QString &name) const
{
    if (auto *list = m_window->findChild<QListWidget *>(QStringLiteral("panelList"))) {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString().startsWith(name))
                return list->item(i)->text();
        }
    }
    return name;
}

QImage Tour::picture() const
{
    // --scale alone sets the size: the same picture on a 1x display, a 2x one, or offscreen.
    return Screenshot::render(m_window, m_scale);
}

PanelShot Tour::run(const QString &name, int number, const QDir &out)
{
    PanelShot shot;
    shot.name = name;
    shot.title = sidebarTitle(name);
    shot.file = QStringLiteral("%1-%2.png").arg(number, 2, 10, QLatin1Char('0')).arg(name);
    QElapsedTimer elapsed;
    elapsed.start();

    QWidget *panel = m_window->findChild<QWidget *>(name + QStringLiteral("Panel"));
    if (!m_window->showPanel(name) || !panel) {
        shot.problem = tr("the main window has no panel named '%1'").arg(name);
    } else {
        settle();
        shot.problem = drive(name, panel, QDeadlineTimer(kPanelTimeoutMs));
        settle();
    }

    const QImage image = picture();
    shot.colours = distinctColours(image);
    const QString path = out.filePath(shot.file);
    if (!image.save(path, "PNG")) {
        shot.problem = tr("could not write %1").arg(QDir::toNativeSeparators(path));
        shot.file.clear();
    } else if (shot.colours < kMinColours && shot.problem.isEmpty()) {
        shot.problem = tr("the picture is blank (%1 colours)").arg(shot.colours);
    }
    // The same run as File › Save Transcript writes it.
    const QString transcript = m_window->transcriptText(true);
    if (!transcript.isEmpty()) {
        shot.transcript = QStringLiteral("%1-%2.md").arg(number, 2, 10, QLatin1Char('0')).arg(name);
        QSaveFile file(out.filePath(shot.transcript));
        if (!file.open(QIODevice::WriteOnly) || file.write(transcript.toUtf8()) < 0 || !file.commit()) {
            if (shot.problem.isEmpty())
                shot.problem = tr("could not write %1").arg(QDir::toNativeSeparators(out.filePath(shot.transcript)));
            shot.transcript.clear();
        }
    } else if (shot.problem.isEmpty()) {
        shot.problem = tr("the panel has no transcript of its run");
    }
    m_serverClient.reset();
    shot.elapsedMs = elapsed.elapsed();
    return shot;
}

QString Tour::drive(const QString &name, QWidget *panel, QDeadlineTimer deadline)
{
    if (name == QLatin1String("connect"))
        return driveConnect(panel, deadline);
    if (name == QLatin1String("server"))
        return driveServer(panel, deadline);
    if (name == QLatin1String("lookup"))
        return driveLookup(panel, deadline);
    if (name == QLatin1String("http"))
        return driveHttp(panel, deadline);
    if (name == QLatin1String("udp"))
        return driveUdp(panel, deadline);
    if (name == QLatin1String("time"))
        return driveTime(panel, deadline);
    return tr("no way to drive the panel '%1'").arg(name);
}

QString Tour::driveConnect(QWidget *panel, QDeadlineTimer deadline)
{
    Controls c(panel);
    auto *connectButton = c.get<QAbstractButton>("connectButton");
    auto *sendEdit = c.get<QLineEdit>("sendEdit");
    auto *sendButton = c.get<QAbstractButton>("sendButton");
    auto *bytes = c.get<QPlainTextEdit>("bytesText");
    if (!c.missing().isEmpty())
        return c.missing();
    if (!connectButton->isEnabled())
        return tr("the Connect button is disabled");
    connectButton->click();
    if (!waitUntil([&] { return sendEdit->isEnabled(); }, deadline))
        return tr("not connected to the lab's echo service within %1 s").arg(kPanelTimeoutMs / 1000);
    sendEdit->setText(QStringLiteral("hello"));
    sendButton->click();
    if (!waitUntil([&] { return bytes->toPlainText().contains(QLatin1String("hello")); }, deadline))
        return tr("the echo of \"hello\" did not come back within %1 s").arg(kPanelTimeoutMs / 1000);
    return {};
}

QString Tour::driveServer(QWidget *panel, QDeadlineTimer deadline)
{
    auto *servers = qobject_cast<ServerPanel *>(panel);
    Controls c(panel);
    auto *transport = c.get<QComboBox>("serverTransportCombo");
    auto *behaviour = c.get<QComboBox>("serverBehaviourCombo");
    auto *port = c.get<QLineEdit>("serverPortEdit");
    auto *start = c.get<QAbstractButton>("startServerButton");
    if (!c.missing().isEmpty())
        return c.missing();
    if (!servers)
        return tr("the server panel is not a ServerPanel");
    transport->setCurrentIndex(transport->findData(int(Transport::Tcp)));
    behaviour->setCurrentIndex(behaviour->findData(QStringLiteral("timestamp")));
    port->setText(QStringLiteral("0")); // the system's choice: never taken, never the app's own server
    const qsizetype before = servers->consoles().size();
    start->click();
    if (!waitUntil([&] { return servers->consoles().size() > before; }, deadline))
        return tr("no server started");
    QPointer<ServerConsole> console = servers->consoles().last();
    const auto settled = [&] {
        const ServerSession::State state = console ? console->session()->state() : ServerSession::State::Failed;
        return state != ServerSession::State::Idle && state != ServerSession::State::Starting;
    };
    if (!waitUntil(settled, deadline))
        return tr("the server did not start listening within %1 s").arg(kPanelTimeoutMs / 1000);
    if (!console || console->session()->state() != ServerSession::State::Listening)
        return tr("the server failed to start");

    auto *counters = console->findChild<QLabel *>(QStringLiteral("serverCountersLabel"));
    const QString countersBefore = counters ? counters->text() : QString();
    m_serverClient = std::make_unique<QTcpSocket>();
    QByteArray reply;
    QObject context; // ends the reading below with this function
    QObject::connect(m_serverClient.get(), &QTcpSocket::readyRead, &context,
        [&reply, client = m_serverClient.get()] { reply += client->readAll(); });
    m_serverClient->connectToHost(QHostAddress::LocalHost, console->session()->localEndpoint().port);
    if (!waitUntil([&] { return m_serverClient->state() == QAbstractSocket::ConnectedState; }, deadline))
        return tr("the tour's client could not connect to the server");
    m_serverClient->write("hello from the tour\n");
    if (!waitUntil([&] { return reply.contains("hello from the tour\n"); }, deadline))
        return tr("the server did not answer the tour's client");
    // The client table and the console fill on the next frame.
    auto *table = console ? console->findChild<QAbstractItemView *>(QStringLiteral("connectionsTable")) : nullptr;
    if (table && !waitUntil([&] { return table->model() && table->model()->rowCount() > 0; }, deadline))
        return tr("the client table stayed empty");
    // The counters follow a moment later; a picture without them is still a picture.
    if (counters) {
        const QDeadlineTimer soon(qMin<qint64>(2000, deadline.remainingTime()));
        waitUntil([&] { return counters->text() != countersBefore; }, soon);
    }
    // Scrolled to the server's tab, its client table and console: the form that started it is above.
    auto *tabs = panel->findChild<QWidget *>(QStringLiteral("serverTabs"));
    QScrollArea *area = nullptr;
    for (QWidget *w = panel->parentWidget(); w && !area; w = w->parentWidget())
        area = qobject_cast<QScrollArea *>(w);
    if (tabs && area && area->widget())
        area->verticalScrollBar()->setValue(tabs->mapTo(area->widget(), QPoint(0, 0)).y() - kScrollMargin);
    return {};
}

QString Tour::driveLookup(QWidget *panel, QDeadlineTimer deadline)
{
    Controls c(panel);
    auto *tabs = c.get<QTabWidget>("lookupTabs");
    auto *service = c.get<QLineEdit>("serviceEdit");
    auto *lookUp = c.get<QAbstractButton>("serviceLookUpButton");
    auto *iana = c.get<QLabel>("ianaServiceResult");
    if (!c.missing().isEmpty())
        return c.missing();
    tabs->setCurrentIndex(0);
    service->setText(QStringLiteral("http"));
    lookUp->click();
    if (!waitUntil([&] { return !iana->text().isEmpty(); }, deadline))
        return tr("no answer for the service \"http\"");
    return {};
}

QString Tour::driveHttp(QWidget *panel, QDeadlineTimer deadline)
{
    auto *http = qobject_cast<HttpPanel *>(panel);
    Controls c(panel);
    auto *get = c.get<QAbstractButton>("getButton");
    if (!c.missing().isEmpty())
        return c.missing();
    if (!http || !http->session())
        return tr("the HTTP panel has no session");
    if (!get->isEnabled())
        return tr("the GET button is disabled");
    bool finished = false;
    SessionError error;
    QObject context;
    QObject::connect(http->session(), &HttpGet::finished, &context, [&](const HttpGetResult &result) {
        finished = true;
        error = result.error;
    });
    get->click();
    if (!waitUntil([&] { return finished; }, deadline))
        return tr("no response from the lab's web server within %1 s").arg(kPanelTimeoutMs / 1000);
    if (error.isError())
        return tr("the GET failed: %1").arg(error.message);
    return {};
}

QString Tour::driveUdp(QWidget *panel, QDeadlineTimer deadline)
{
    auto *udp = qobject_cast<UdpPanel *>(panel);
    Controls c(panel);
    auto *count = c.get<QSpinBox>("countSpin");
    auto *interval = c.get<QSpinBox>("intervalSpin");
    auto *send = c.get<QAbstractButton>("sendButton");
    if (!c.missing().isEmpty())
        return c.missing();
    if (!udp)
        return tr("the UDP panel is not a UdpPanel");
    if (!send->isEnabled())
        return tr("the Send button is disabled");
    count->setValue(5);
    interval->setValue(20);
    bool finished = false;
    QObject context;
    QObject::connect(udp, &UdpPanel::runsFinished, &context, [&] { finished = true; });
    send->click();
    if (!waitUntil([&] { return finished; }, deadline))
        return tr("the datagrams' run did not finish within %1 s").arg(kPanelTimeoutMs / 1000);
    udp->flushPending();
    return {};
}

QString Tour::driveTime(QWidget *panel, QDeadlineTimer deadline)
{
    Controls c(panel);
    auto *ask = c.get<QAbstractButton>("askButton");
    auto *stop = c.get<QAbstractButton>("stopButton");
    auto *error = c.get<QLabel>("errorLabel");
    if (!c.missing().isEmpty())
        return c.missing();
    if (!ask->isEnabled())
        return tr("the Ask button is disabled");
    ask->click();
    if (!waitUntil([&] { return !stop->isEnabled(); }, deadline))
        return tr("no answer from the lab's time service within %1 s").arg(kPanelTimeoutMs / 1000);
    if (error->isVisible())
        return tr("the query failed: %1").arg(error->text());
    return {};
}

QString labLine(const LocalLab &lab)
{
    QStringList ports;
    for (const LabService &s : lab.services()) {
        if (s.running)
            ports << QStringLiteral("%1 %2").arg(s.label()).arg(s.port);
    }
    return ports.join(QStringLiteral(", "));
}

bool writeIndex(
    const QDir &out, const QString &labAddress, const QString &labPorts, const QList<PanelShot> &shots, qreal scale)
{
    QString md;
    md += Tour::tr("# Socket Workbench: a tour of the panels") + QStringLiteral("\n\n");
    md += Tour::tr("Taken %1 with socket-workbench %2, at scale %3.")
              .arg(QDateTime::currentDateTime().toString(Qt::ISODate), QStringLiteral(SWB_VERSION))
              .arg(scale)
        + QStringLiteral("\n\n");
    md += Tour::tr("Every run went to the local lab on %1 only (%2).").arg(labAddress, labPorts) + QLatin1Char('\n');
    int number = 0;
    for (const PanelShot &shot : shots) {
        ++number;
        md += QStringLiteral("\n## %1. %2\n\n").arg(number).arg(shot.title);
        md += Tour::caption(shot.name) + QStringLiteral("\n\n");
        if (!shot.problem.isEmpty())
            md += QStringLiteral("> **%1** %2.\n\n").arg(Tour::tr("Note:"), shot.problem);
        if (!shot.file.isEmpty())
            md += QStringLiteral("![%1](%2)\n").arg(shot.title, shot.file);
        if (!shot.transcript.isEmpty())
            md += QStringLiteral("\n[%1](%2)\n").arg(Tour::tr("Transcript of the run"), shot.transcript);
    }
    QSaveFile file(out.filePath(QStringLiteral("index.md")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write(md.toUtf8());
    return file.commit();
}

// Qt's notes about the offscreen platform and a missing XDG_RUNTIME_DIR say nothing about the tour.
QtMessageHandler g_previousHandler = nullptr;

void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg
        && (message.startsWith(QLatin1String("This plugin does not support"))
            || message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

int usageError(const QString &message)
{
    writeLine(stderr, QStringLiteral("socket-workbench tour: %1").arg(message));
    writeLine(stderr, QStringLiteral("Try 'socket-workbench tour --help'."));
    return 2;
}

} // namespace

int runTour(int &argc, char **argv)
{
    QElapsedTimer total;
    total.start();
    // Before the application object: the platform and the settings are read while it is built.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("SWB_NO_SETTINGS", "1"); // a tour neither reads the person's settings nor changes them
    g_previousHandler = qInstallMessageHandler(quietHandler);

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SocketWorkbench"));
    QApplication::setApplicationName(QStringLiteral("socket-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tour::tr("Starts the local lab, drives every panel through a real run against it and saves a picture "
                 "of each (NN-panel.png) with an index.md that shows them. Needs no display."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, Tour::tr("Show this help."));
    const QCommandLineOption outOption(QStringLiteral("out"),
        Tour::tr("The folder for the pictures and index.md (created if needed)."), QStringLiteral("DIR"));
    const QCommandLineOption langOption(QStringLiteral("lang"), Tour::tr("The language of the app: en or zh_CN."),
        QStringLiteral("LANG"), QStringLiteral("en"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
        Tour::tr("1 or 2: pictures of 1100x720 or 2200x1440 pixels."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption panelsOption(QStringLiteral("panels"),
        Tour::tr("Only these panels, comma-separated: %1.").arg(panelOrder().join(QStringLiteral(", "))),
        QStringLiteral("LIST"), panelOrder().join(QLatin1Char(',')));
    parser.addOptions({ help, outOption, langOption, scaleOption, panelsOption });

    QStringList args = QCoreApplication::arguments();
    args.removeAt(1); // the verb
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        writeLine(stdout, parser.helpText().replace(QLatin1String("[options]"), QStringLiteral("tour [options]")));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(Tour::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(outOption) || parser.value(outOption).trimmed().isEmpty())
        return usageError(Tour::tr("--out DIR is required: the folder for the pictures"));
    const QString lang = parser.value(langOption);
    if (lang != QLatin1String("en") && lang != QLatin1String("zh_CN"))
        return usageError(Tour::tr("--lang takes en or zh_CN, not '%1'").arg(lang));
    const QString scaleText = parser.value(scaleOption).trimmed();
    if (scaleText != QLatin1String("1") && scaleText != QLatin1String("2"))
        return usageError(Tour::tr("--scale takes 1 or 2, not '%1'").arg(scaleText));
    const qreal scale = scaleText.toInt();
    QStringList panels;
    for (const QString &part : parser.value(panelsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (!panelOrder().contains(name))
            return usageError(
                Tour::tr("--panels: no panel named '%1' (%2)").arg(name, panelOrder().join(QStringLiteral(", "))));
        if (!panels.contains(name))
            panels << name;
    }
    if (panels.isEmpty())
        return usageError(Tour::tr("--panels names no panel"));
    // Sidebar order, whatever order they were given in.
    std::sort(panels.begin(), panels.end(),
        [](const QString &a, const QString &b) { return panelOrder().indexOf(a) < panelOrder().indexOf(b); });

    QDir out(parser.value(outOption));
    if (!out.mkpath(QStringLiteral("."))) {
        writeLine(stderr,
            Tour::tr("socket-workbench tour: cannot create the folder %1")
                .arg(QDir::toNativeSeparators(out.absolutePath())));
        return 1;
    }

    if (!Language::instance()->install(lang)) {
        writeLine(stderr, Tour::tr("socket-workbench tour: the translation for %1 could not be loaded").arg(lang));
        return 1;
    }

    LocalLab lab;
    lab.setEphemeralPorts(true); // never in the way of an app (or another tour) already running
    lab.start();
    if (!waitUntil([&] { return lab.isReady(); }, QDeadlineTimer(kLabTimeoutMs))) {
        writeLine(stderr,
            Tour::tr("socket-workbench tour: the local lab did not start within %1 s").arg(kLabTimeoutMs / 1000));
        return 1;
    }
    const QString labPorts = labLine(lab);
    writeLine(stdout, Tour::tr("Lab on %1: %2").arg(lab.bindAddress(), labPorts));

    QList<PanelShot> shots;
    {
        MainWindow window(&lab);
        window.resize(kWindowWidth, kWindowHeight);
        window.show();
        waitUntil(
            [&] { return window.windowHandle() && window.windowHandle()->isExposed(); }, QDeadlineTimer(kLabTimeoutMs));
        settle();
        Tour tour(&window, scale);
        for (const QString &name : panels) {
            const int number = int(panelOrder().indexOf(name)) + 1;
            const PanelShot shot = tour.run(name, number, out);
            writeLine(stdout,
                QStringLiteral("%1  %2  %3 ms%4")
                    .arg(shot.file.isEmpty() ? name : shot.file, shot.title)
                    .arg(shot.elapsedMs)
                    .arg(shot.problem.isEmpty() ? QString() : QStringLiteral("  PROBLEM: ") + shot.problem));
            shots << shot;
        }
        window.close();
    } // the window's sessions go before the lab they talk to
    lab.stop();

    const bool indexed = writeIndex(out, lab.bindAddress(), labPorts, shots, scale);
    QStringList failed;
    for (const PanelShot &shot : shots) {
        if (!shot.problem.isEmpty())
            failed << QStringLiteral("%1 (%2)").arg(shot.name, shot.problem);
    }
    const QString where = QDir::toNativeSeparators(out.absolutePath());
    writeLine(stdout,
        Tour::tr("Pictures in %1, shown by %2 (%3 ms in all).")
            .arg(where, QDir::toNativeSeparators(out.absoluteFilePath(QStringLiteral("index.md"))))
            .arg(total.elapsed()));
    if (!indexed)
        writeLine(stderr, Tour::tr("socket-workbench tour: could not write index.md in %1").arg(where));
    if (!failed.isEmpty())
        writeLine(stderr,
            Tour::tr("socket-workbench tour: these panels did not give a good picture: %1")
                .arg(failed.join(QStringLiteral("; "))));
    return failed.isEmpty() && indexed ? 0 : 1;
}

} // namespace swb
