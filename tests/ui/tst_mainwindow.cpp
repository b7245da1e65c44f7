// The main window: its panel list, the lab indicator and the lab dialog.

#include "lab/locallab.h"
#include "labdialog.h"
#include "lookup/privacy.h"
#include "mainwindow.h"
#include "paneltest.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace swb;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void showsPanelsAndLabState();
    void labOffSaysSo();
    void panelsByName();
    void screenshotsOfThePanel();
    void hideAddressesIsRemembered();
    void presentationMenu();
    void transcriptOfTheLastRun();
    void transcriptIsMasked();
};

void TestMainWindow::screenshotsOfThePanel()
{
    MainWindow window(nullptr);
    window.resize(1100, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPanel(QStringLiteral("udp")));
    auto *panel = window.findChild<QWidget *>(QStringLiteral("udpPanel"));
    QVERIFY(panel);
    const QImage one = window.panelScreenshot(1.0);
    const QImage two = window.panelScreenshot(2.0);
    QCOMPARE(one.size(), panel->size()); // the whole panel, also what is scrolled out of view
    QCOMPARE(two.size(), panel->size() * 2);
    // Not one flat colour: the panel is drawn.
    QSet<QRgb> colours;
    for (int y = 0; y < one.height(); y += 7)
        for (int x = 0; x < one.width(); x += 7)
            colours.insert(one.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("udp@2x.png"));
    QVERIFY(window.saveScreenshot(path, 2.0));
    QCOMPARE(QImage(path).size(), panel->size() * 2);
    QVERIFY(!window.saveScreenshot(QStringLiteral("/nonexistent-dir/x.png"), 1.0));
    window.copyScreenshot();
    QCOMPARE(QGuiApplication::clipboard()->image().size(), panel->size());
    auto *save = window.findChild<QAction *>(QStringLiteral("saveScreenshotAction"));
    QVERIFY(save);
    QCOMPARE(save->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
}

void TestMainWindow::panelsByName()
{
    MainWindow window(nullptr);
    auto *panels = window.findChild<QListWidget *>(QStringLiteral("panelList"));
    QStringList titles;
    for (int i = 0; i < panels->count(); ++i)
        titles << panels->item(i)->text();
    QCOMPARE(titles, (QStringList { "Connect & Inspect", "Listen Server", "Lookup", "HTTP GET", "UDP", "Time Query" }));
    QVERIFY(window.showPanel(QStringLiteral("lookup")));
    QCOMPARE(panels->currentRow(), 2);
    QVERIFY(window.showPanel(QStringLiteral("http")));
    QCOMPARE(panels->currentRow(), 3);
    QVERIFY(window.showPanel(QStringLiteral("udp")));
    QCOMPARE(panels->currentRow(), 4);
    QVERIFY(window.showPanel(QStringLiteral("time")));
    QCOMPARE(panels->currentRow(), 5);
    QVERIFY(window.showPanel(QStringLiteral("server")));
    QCOMPARE(panels->currentRow(), 1);
    QVERIFY(!window.showPanel(QStringLiteral("nonsense")));
    QCOMPARE(panels->currentRow(), 1);
}

void TestMainWindow::hideAddressesIsRemembered()
{
    // SWB_NO_SETTINGS keeps the settings in memory for this process: a second window sees the first's.
    {
        MainWindow window(nullptr);
        auto *action = window.findChild<QAction *>(QStringLiteral("hideAddressesAction"));
        QVERIFY(action);
        QVERIFY(!action->isChecked());
        action->trigger();
        QVERIFY(Privacy::instance()->isEnabled());
    }
    {
        MainWindow window(nullptr);
        auto *action = window.findChild<QAction *>(QStringLiteral("hideAddressesAction"));
        QVERIFY(action->isChecked());
        QVERIFY(Privacy::instance()->isEnabled());
        action->trigger();
        QVERIFY(!Privacy::instance()->isEnabled());
    }
    MainWindow window(nullptr);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("hideAddressesAction"))->isChecked());
}

void TestMainWindow::presentationMenu()
{
    MainWindow window(nullptr);
    auto *menu = window.findChild<QMenu *>(QStringLiteral("presentationMenu"));
    QVERIFY(menu);
    QStringList names;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names << action->objectName();
    }
    QCOMPARE(names,
        (QStringList { "presentationToggleAction", "presentationOffAction", "presentation150Action",
            "presentation200Action", "presentationLargerAction", "presentationSmallerAction" }));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("presentationToggleAction"))->shortcut(),
        QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("presentationOffAction"))->isChecked());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("presentation150Action"))->actionGroup()->isExclusive());
    auto *contrast = window.findChild<QAction *>(QStringLiteral("highContrastAction"));
    QVERIFY(contrast && contrast->isCheckable() && !contrast->isChecked());

    // Switching and back leaves the application font as it was.
    const QFont font = QApplication::font();
    window.findChild<QAction *>(QStringLiteral("presentation200Action"))->trigger();
    QCOMPARE(QApplication::font().pointSizeF(), font.pointSizeF() * 2);
    QVERIFY(contrast->isChecked());
    window.findChild<QAction *>(QStringLiteral("presentationOffAction"))->trigger();
    QCOMPARE(QApplication::font(), font);
    QVERIFY(!contrast->isChecked());
}

void TestMainWindow::showsPanelsAndLabState()
{
    LocalLab lab;
    lab.setEphemeralPorts(true);
    lab.start();

    MainWindow window(&lab);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Socket Workbench"));

    auto *panels = window.findChild<QListWidget *>(QStringLiteral("panelList"));
    QVERIFY(panels);
    QVERIFY(panels->count() >= 1);
    QCOMPARE(panels->item(0)->text(), QStringLiteral("Connect & Inspect"));
    QCOMPARE(panels->currentRow(), 0);
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("connectPanel"))->isVisible());

    auto *button = window.findChild<QPushButton *>(QStringLiteral("labStatusButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(lab.isReady(), 10000);
    QTRY_VERIFY2(button->text().contains(QLatin1String("services on 127.0.0.1")), qPrintable(button->text()));
    QCOMPARE(button->text(), QStringLiteral("Lab: %1 services on 127.0.0.1").arg(lab.services().size()));

    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("labDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("labTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), int(lab.services().size()));
    const QString echoAt = QStringLiteral("127.0.0.1:%1").arg(lab.port(QStringLiteral("echo")));
    bool found = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == QLatin1String("echo")
            && table->item(row, 1)->text() == QLatin1String("TCP")) {
            QCOMPARE(table->item(row, 2)->text(), echoAt);
            QVERIFY(table->item(row, 3)->text().startsWith(QLatin1String("running")));
            found = true;
        }
    }
    QVERIFY2(found, "echo (TCP) not listed");

    // The start-at-launch setting is one setting, shown in the menu and in the dialog.
    auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("labEnabledCheck"));
    auto *action = window.findChild<QAction *>(QStringLiteral("startLabAction"));
    QVERIFY(check && action);
    QVERIFY(check->isChecked());
    QVERIFY(action->isChecked());
    check->click();
    QVERIFY(!action->isChecked());
    action->trigger();
    QVERIFY(check->isChecked());

    // Clicking again shows the same dialog.
    dialog->close();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(window.findChildren<QDialog *>(QStringLiteral("labDialog")).size(), 1);

    window.close();
    lab.stop();
}

void TestMainWindow::labOffSaysSo()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("labStatusButton"));
    QCOMPARE(button->text(), QStringLiteral("Lab: off"));
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("labDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("labTable"));
    QCOMPARE(table->rowCount(), int(LocalLab::defaultServices().size()));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("off"));
}

void TestMainWindow::transcriptOfTheLastRun()
{
    const auto lab = test::startLab();
    QVERIFY(lab);
    MainWindow window(lab.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPanel(QStringLiteral("connect")));
    // Before the first run there is nothing to write, and the status bar says so.
    QVERIFY(window.transcriptText(true).isEmpty());
    QTemporaryDir dir;
    QVERIFY(!window.saveTranscript(dir.filePath(QStringLiteral("none.md"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.md"))));

    QWidget *panel = window.panelAt(0);
    test::named<QComboBox>(panel, "hostEdit")->setEditText(QStringLiteral("127.0.0.1"));
    test::named<QLineEdit>(panel, "portEdit")
        ->setText(QString::number(lab->port(QStringLiteral("echo"), Transport::Tcp)));
    QTest::mouseClick(test::named<QPushButton>(panel, "connectButton"), Qt::LeftButton);
    QVERIFY(
        QTest::qWaitFor([&] { return window.transcriptText(true).contains(QLatin1String("`getpeername()`")); }, 5000));

    const QString md = window.transcriptText(true);
    QVERIFY2(md.startsWith(QStringLiteral("# Connect & Inspect, ")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("- **Host:** 127.0.0.1\n")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("`connect(127.0.0.1:")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("```python\n")) && md.contains(QStringLiteral("s.connect((host, port))")),
        qPrintable(md));
    const QString path = dir.filePath(QStringLiteral("connect.md"));
    QVERIFY(window.saveTranscript(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), md);

    window.copyTranscript();
    const QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Connect & Inspect, ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  Host: 127.0.0.1\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" ms  connect(127.0.0.1:")), qPrintable(text)); // the CLI's step lines
    QVERIFY2(!text.contains(QStringLiteral("```")) && !text.contains(QStringLiteral("| # |")), qPrintable(text));
    auto *save = window.findChild<QAction *>(QStringLiteral("saveTranscriptAction"));
    QVERIFY(save);
    QCOMPARE(save->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));

    // Bytes that name a private address (a Host: header, say) are masked in the dump too, where the
    // address is split over two lines and spelled in hex.
    test::named<QLineEdit>(panel, "sendEdit")->setText(QStringLiteral("GET / HTTP/1.1\\r\\nHost: 192.168.1.20\\r\\n"));
    QTest::mouseClick(test::named<QPushButton>(panel, "sendButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor(
        [&] { return window.transcriptText(true).count(QLatin1String("|GET / HTTP/1.1..|")) == 2; }, 5000));
    const QString open = window.transcriptText(true);
    QVERIFY2(open.contains(QLatin1String("|Host: 192.168.1.|")) && open.contains(QLatin1String("2e 31 36 38 2e")),
        qPrintable(open));
    Privacy::instance()->setEnabled(true);
    const QString masked = window.transcriptText(true);
    Privacy::instance()->setEnabled(false);
    QVERIFY2(!masked.contains(QLatin1String("2e 31 36 38 2e")) && !masked.contains(QLatin1String("192.168")),
        qPrintable(masked));
    QVERIFY2(masked.contains(QStringLiteral("|Host: ..IPv4..")), qPrintable(masked)); // «IPv4», in UTF-8
}

void TestMainWindow::transcriptIsMasked()
{
    // inet_aton on a private address: nothing goes on the network, and the address is in the form,
    // the result and the transcript.
    MainWindow window(nullptr);
    QVERIFY(window.showPanel(QStringLiteral("lookup")));
    QWidget *panel = window.panelAt(2);
    auto *tools = test::named<QComboBox>(panel, "addressToolCombo");
    tools->setCurrentIndex(tools->findData(QStringLiteral("inet_aton")));
    test::named<QLineEdit>(panel, "addressToolEdit")->setText(QStringLiteral("10.1.2.3"));
    test::named<QTabWidget>(panel, "lookupTabs")->setCurrentIndex(2);
    Privacy::instance()->setEnabled(false);
    const QString open = window.transcriptText(true);
    QVERIFY2(
        open.contains(QStringLiteral("10.1.2.3")) && open.contains(QStringLiteral("0a 01 02 03")), qPrintable(open));
    Privacy::instance()->setEnabled(true);
    const QString masked = window.transcriptText(true);
    Privacy::instance()->setEnabled(false);
    QVERIFY2(!masked.contains(QStringLiteral("10.1.2.3")), qPrintable(masked));
    QVERIFY2(masked.contains(PrivacyMasker::ipv4Placeholder()), qPrintable(masked));
    QGuiApplication::clipboard()->clear();
    Privacy::instance()->setEnabled(true);
    window.copyTranscript();
    Privacy::instance()->setEnabled(false);
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(QStringLiteral("Lookup, ")) && !copied.contains(QStringLiteral("10.1.2.3")),
        qPrintable(copied));
    // The request says what was asked, whichever tab is in front.
    QVERIFY2(masked.contains(QStringLiteral("- **Function:** inet_aton")), qPrintable(masked));
    test::named<QTabWidget>(panel, "lookupTabs")->setCurrentIndex(3); // the Code tab
    QVERIFY2(window.transcriptText(true).contains(QStringLiteral("- **Function:** inet_aton")),
        qPrintable(window.transcriptText(true)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
