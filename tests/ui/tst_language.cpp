// The interface in Simplified Chinese: the language follows the system's, every panel is in Chinese
// with no English sentence left over, and switching at run time rebuilds the panels in the new
// language with what was typed kept — asking first when that would stop a running server.

#include "language.h"
#include "mainwindow.h"
#include "panels/serverconsole.h"
#include "panels/serverpanel.h"
#include "paneltest.h"
#include "server/serversession.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTextDocument>

using namespace swb;

namespace {

bool hasHan(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// Three English words in a row, outside code: a sentence someone forgot to translate. Code, calls,
// constants, addresses and sample values are English in both languages.
bool looksEnglish(const QString &textIn)
{
    QString text = plain(textIn);
    if (hasHan(text))
        return false;
    static const QRegularExpression code(
        QStringLiteral("`[^`]*`|\"[^\"]*\"|'[^']*'|\\b\\w+\\([^)]*\\)|\\b[A-Z_]{2,}\\b"));
    text.remove(code);
    static const QRegularExpression words(
        QStringLiteral("\\b[A-Za-z]{2,}\\b[ ,]+\\b[A-Za-z]{2,}\\b[ ,]+\\b[a-z]{2,}\\b"));
    return words.match(text).hasMatch();
}

// The texts a person reads in a panel (and in its tooltips).
QStringList visibleTexts(QWidget *root)
{
    QStringList texts;
    for (auto *label : root->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (auto *button : root->findChildren<QAbstractButton *>())
        texts << button->text() << button->toolTip();
    for (auto *box : root->findChildren<QGroupBox *>())
        texts << box->title();
    for (auto *tabs : root->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    for (auto *edit : root->findChildren<QLineEdit *>())
        texts << edit->placeholderText() << edit->toolTip();
    for (auto *combo : root->findChildren<QComboBox *>()) {
        texts << combo->toolTip();
        for (int i = 0; i < combo->count(); ++i)
            texts << combo->itemText(i);
    }
    for (auto *view : root->findChildren<QTableView *>()) {
        if (!view->model())
            continue;
        for (int c = 0; c < view->model()->columnCount(); ++c)
            texts << view->model()->headerData(c, Qt::Horizontal).toString();
    }
    texts.removeAll(QString());
    return texts;
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void followsTheSystem_data();
    void followsTheSystem();
    void panelsAreInChinese();
    void noEnglishSentenceLeft();
    void switchingKeepsWhatWasTyped();
    void switchingAsksBeforeStoppingAServer();

private:
    std::unique_ptr<LocalLab> m_lab;
};

void TestLanguage::initTestCase()
{
    m_lab = test::startLab();
    QVERIFY(m_lab);
}

void TestLanguage::cleanup()
{
    QVERIFY(Language::instance()->install(Language::english()));
}

void TestLanguage::followsTheSystem_data()
{
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh-CN") << QStringList { QStringLiteral("zh-CN") } << QStringLiteral("zh_CN");
    QTest::newRow("zh-Hans-CN") << QStringList { QStringLiteral("zh-Hans-CN"), QStringLiteral("en") }
                                << QStringLiteral("zh_CN");
    QTest::newRow("zh-TW") << QStringList { QStringLiteral("zh-TW") } << QStringLiteral("zh_CN");
    QTest::newRow("en-GB") << QStringList { QStringLiteral("en-GB") } << QStringLiteral("en");
    QTest::newRow("en before zh") << QStringList { QStringLiteral("en-US"), QStringLiteral("zh-CN") }
                                  << QStringLiteral("en");
    QTest::newRow("de then zh") << QStringList { QStringLiteral("de-DE"), QStringLiteral("zh-CN") }
                                << QStringLiteral("zh_CN");
    QTest::newRow("fr only") << QStringList { QStringLiteral("fr-FR") } << QStringLiteral("en");
    QTest::newRow("C") << QStringList { QStringLiteral("C") } << QStringLiteral("en");
    QTest::newRow("nothing") << QStringList {} << QStringLiteral("en");
}

void TestLanguage::followsTheSystem()
{
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, expected);
    QCOMPARE(Language::fromLocaleNames(uiLanguages), expected);
}

void TestLanguage::panelsAreInChinese()
{
    QVERIFY(Language::instance()->install(Language::simplifiedChinese()));
    MainWindow window(m_lab.get());
    auto *list = test::named<QListWidget>(&window, "panelList");
    QVERIFY(list);
    const QStringList expected = { QStringLiteral("连接与检查"), QStringLiteral("监听服务器"), QStringLiteral("查询"),
        QStringLiteral("HTTP GET"), QStringLiteral("UDP"), QStringLiteral("时间查询") };
    QCOMPARE(list->count(), expected.size());
    for (int i = 0; i < list->count(); ++i)
        QCOMPARE(list->item(i)->text(), expected.at(i));
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
    // The language menu names itself both ways, and each language in its own script.
    auto *menu = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QVERIFY2(menu->title().contains(QLatin1String("Language")) && menu->title().contains(QStringLiteral("语言")),
        qPrintable(menu->title()));
    auto *chinese = window.findChild<QAction *>(QStringLiteral("language_zh_CN_Action"));
    QVERIFY(chinese);
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    // A control's accelerator survives: Alt+H still reaches the host field.
    auto *connectButton = test::named<QPushButton>(&window, "connectButton");
    QVERIFY(connectButton);
    QVERIFY2(connectButton->text().contains(QStringLiteral("(&C)")), qPrintable(connectButton->text()));
}

void TestLanguage::noEnglishSentenceLeft()
{
    // The detector itself: in English it finds sentences on every panel.
    {
        MainWindow english(m_lab.get());
        for (int i = 0; i < 6; ++i) {
            const QStringList texts = visibleTexts(english.panelAt(i));
            QVERIFY2(std::count_if(texts.cbegin(), texts.cend(), looksEnglish) >= 5,
                qPrintable(english.panelAt(i)->objectName()));
        }
    }
    QVERIFY(Language::instance()->install(Language::simplifiedChinese()));
    MainWindow window(m_lab.get());
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList english;
    for (int i = 0; i < 6; ++i) {
        QWidget *panel = window.panelAt(i);
        QVERIFY(panel);
        const QStringList texts = visibleTexts(panel);
        QVERIFY2(texts.size() > 20, qPrintable(panel->objectName()));
        for (const QString &text : texts) {
            if (looksEnglish(text))
                english << panel->objectName() + QStringLiteral(": ") + text;
        }
    }
    for (QAction *action : window.menuBar()->findChildren<QAction *>()) {
        if (looksEnglish(action->text()) || looksEnglish(action->toolTip()))
            english << QStringLiteral("menu: ") + action->text();
    }
    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
}

void TestLanguage::switchingKeepsWhatWasTyped()
{
    MainWindow window(m_lab.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPanel(QStringLiteral("udp")));
    QWidget *udp = window.panelAt(4);
    test::named<QLineEdit>(udp, "hostEdit")->setText(QStringLiteral("localhost"));
    test::named<QLineEdit>(udp, "payloadEdit")->setText(QStringLiteral("你好 hello\\n"));
    test::named<QSpinBox>(udp, "countSpin")->setValue(7);
    auto *mode = test::named<QComboBox>(udp, "modeCombo");
    mode->setCurrentIndex(mode->count() - 1 == 0 ? 0 : 1);
    const int modeIndex = mode->currentIndex();
    test::named<QLineEdit>(window.panelAt(1), "serverPortEdit")->setText(QStringLiteral("echo"));

    QVERIFY(window.setLanguage(Language::simplifiedChinese()));
    QCOMPARE(Language::instance()->current(), Language::simplifiedChinese());
    QWidget *udpNow = window.panelAt(4);
    QVERIFY(udpNow);
    QCOMPARE(test::named<QListWidget>(&window, "panelList")->currentRow(), 4);
    QCOMPARE(test::named<QListWidget>(&window, "panelList")->item(5)->text(), QStringLiteral("时间查询"));
    QCOMPARE(test::named<QLineEdit>(udpNow, "hostEdit")->text(), QStringLiteral("localhost"));
    QCOMPARE(test::named<QLineEdit>(udpNow, "payloadEdit")->text(), QStringLiteral("你好 hello\\n"));
    QCOMPARE(test::named<QSpinBox>(udpNow, "countSpin")->value(), 7);
    QCOMPARE(test::named<QComboBox>(udpNow, "modeCombo")->currentIndex(), modeIndex);
    QCOMPARE(test::named<QLineEdit>(window.panelAt(1), "serverPortEdit")->text(), QStringLiteral("echo"));
    QVERIFY2(hasHan(test::named<QPushButton>(udpNow, "sendButton")->text()),
        qPrintable(test::named<QPushButton>(udpNow, "sendButton")->text()));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("language_zh_CN_Action"))->isChecked());

    // The language already in use: nothing is rebuilt (results and running jobs stay).
    QWidget *kept = window.panelAt(4);
    QVERIFY(window.setLanguage(Language::simplifiedChinese()));
    QCOMPARE(window.panelAt(4), kept);

    // And back, from the menu.
    window.findChild<QAction *>(QStringLiteral("language_en_Action"))->trigger();
    QCOMPARE(Language::instance()->current(), Language::english());
    QCOMPARE(test::named<QListWidget>(&window, "panelList")->item(5)->text(), QStringLiteral("Time Query"));
    QCOMPARE(test::named<QLineEdit>(window.panelAt(4), "hostEdit")->text(), QStringLiteral("localhost"));
    QCOMPARE(test::named<QSpinBox>(window.panelAt(4), "countSpin")->value(), 7);
}

void TestLanguage::switchingAsksBeforeStoppingAServer()
{
    MainWindow window(m_lab.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *servers = qobject_cast<ServerPanel *>(window.panelAt(1));
    QVERIFY(servers);
    test::named<QLineEdit>(servers, "serverPortEdit")->setText(QStringLiteral("0"));
    QTest::mouseClick(test::named<QPushButton>(servers, "startServerButton"), Qt::LeftButton);
    QCOMPARE(servers->consoles().size(), 1);
    ServerSession *session = servers->consoles().first()->session();
    QVERIFY(QTest::qWaitFor([session] { return session->state() == ServerSession::State::Listening; }, 5000));
    const quint16 port = session->localEndpoint().port;
    QVERIFY(port > 0);

    // Asked first; Cancel changes nothing and the server keeps listening.
    window.findChild<QAction *>(QStringLiteral("language_zh_CN_Action"))->trigger();
    QMessageBox *box = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (box = window.findChild<QMessageBox *>(QStringLiteral("languageBusyBox"))); }, 2000));
    QVERIFY2(box->text().contains(QLatin1String("Listen Server")), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(Language::instance()->current(), Language::english());
    QCOMPARE(servers->consoles().size(), 1);
    QVERIFY(session->isRunning());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("language_zh_CN_Action"))->isChecked());

    // Asked again; this time the change goes ahead, the server stops and its port is free.
    QVERIFY(QTest::qWaitFor([&] { return !window.findChild<QMessageBox *>(QStringLiteral("languageBusyBox")); }, 2000));
    window.findChild<QAction *>(QStringLiteral("language_zh_CN_Action"))->trigger();
    QVERIFY(QTest::qWaitFor(
        [&] { return (box = window.findChild<QMessageBox *>(QStringLiteral("languageBusyBox"))); }, 2000));
    test::named<QPushButton>(box, "languageChangeButton")->click();
    QCOMPARE(Language::instance()->current(), Language::simplifiedChinese());
    auto *fresh = qobject_cast<ServerPanel *>(window.panelAt(1));
    QVERIFY(fresh);
    QVERIFY(fresh->consoles().isEmpty());
    QTcpServer again;
    QVERIFY(QTest::qWaitFor([&] { return again.listen(QHostAddress::LocalHost, port); }, 5000));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
