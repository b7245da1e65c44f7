// The HTTP GET panel, clicked and typed into against the local lab's web server (ephemeral ports)
// and a few small servers written here (an image, a server that never answers).

#include "lab/locallab.h"
#include "lookup/privacy.h"
#include "panels/httppanel.h"
#include "trace/tracemodel.h"
#include "widgets/codepane.h"
#include "widgets/ladderview.h"
#include "widgets/timingwaterfall.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace swb;

class TestHttpPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void codeAndDiagramFollowTheRequest();
    void cleanupTestCase();

    void defaultsToTheLabWebServer();
    void getShowsStepsStatusHeadersAndBody();
    void urlAndFieldsStayInSync();
    void http11AddsHostAndConnection();
    void extraHeadersGoIntoTheRequest();
    void badUrlIsExplainedAndDisablesGet();
    void badHeaderLineIsExplained();
    void rawRequestIsSentAsWritten();
    void redirectIsFollowedOnlyOnClick();
    void refusedConnectionIsExplained();
    void chunkedBodyShowsItsFraming();
    void largeBodyShowsTheFirstPartAndSaves();
    void hexDumpAndCharset();
    void imageBodyIsPreviewed();
    void silentServerTimesOutWaitingForTheFirstByte();
    void cancelStopsARequest();
    void labPathComboFillsTheUrl();
    void untrustedCertificateNeedsAClick();
    void badFieldBlocksGet();
    void enterWhileRunningIsIgnored();
    void redirectInRawModeIsFollowedWithABuiltRequest();
    void imageArrivingInPiecesIsShownWhenDone();
    void charsetChoiceIsForOneResponse();
    void hideAddressesMasksTheRedirectAndTheBody();
    void grabsForReview();

private:
    template<typename T> T *child(const char *name)
    {
        T *widget = m_panel->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    QString labUrl(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_lab->port(QStringLiteral("http"))).arg(path);
    }
    void typeUrl(const QString &url);
    bool get(int timeoutMs = 15000);
    QStringList stepCalls();
    QString headerValue(const QString &name);
    QString grabDir();
    static int silentListener(quint16 *port);
    void answerEachRequest(QTcpServer *server, const QByteArray &response);

    std::unique_ptr<LocalLab> m_lab;
    std::unique_ptr<HttpPanel> m_panel;
    QTemporaryDir m_scratch;
};

void TestHttpPanel::initTestCase()
{
    m_lab = std::make_unique<LocalLab>();
    m_lab->setEphemeralPorts(true);
    m_lab->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->isReady(), 10000);
    QVERIFY(m_lab->port(QStringLiteral("http")) != 0);
}

void TestHttpPanel::init()
{
    m_panel = std::make_unique<HttpPanel>(m_lab.get());
    m_panel->resize(1100, 760);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestHttpPanel::cleanup()
{
    m_panel.reset();
}

void TestHttpPanel::cleanupTestCase()
{
    m_lab.reset();
}

void TestHttpPanel::codeAndDiagramFollowTheRequest()
{
    auto *code = child<CodePane>("codePane");
    typeUrl(labUrl(QStringLiteral("/headers")));
    QVERIFY2(code->python().contains(QLatin1String("request = b'GET /headers HTTP/1.0\\r\\n\\r\\n'")),
        qPrintable(code->python()));
    QVERIFY(code->python().contains(QLatin1String("s.shutdown(1)")));
    QVERIFY(code->cpp().contains(QLatin1String("QTcpSocket socket;")));
    typeUrl(QStringLiteral("http://bad host/"));
    QVERIFY(code->python().startsWith(QLatin1String("# No program")));
    typeUrl(labUrl(QStringLiteral("/")));
    QVERIFY(get());
    auto *view = child<LadderView>("ladderView");
    QTRY_VERIFY(!view->diagram()->items().isEmpty());
    QStringList labels;
    for (const LadderDiagram::Item &item : view->diagram()->items())
        labels << item.label;
    QVERIFY2(labels.join(QLatin1Char('|')).contains(QLatin1String("send ")), qPrintable(labels.join(QLatin1Char('|'))));
}

void TestHttpPanel::typeUrl(const QString &url)
{
    QLineEdit *edit = child<QLineEdit>("urlEdit");
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, url);
}

bool TestHttpPanel::get(int timeoutMs)
{
    QSignalSpy finished(m_panel->session(), &HttpGet::finished);
    QPushButton *button = child<QPushButton>("getButton");
    if (!button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return finished.size() == 1 || finished.wait(timeoutMs);
}

QStringList TestHttpPanel::stepCalls()
{
    QStringList calls;
    QAbstractItemModel *model = child<QTableView>("stepTable")->model();
    for (int row = 0; row < model->rowCount(); ++row)
        calls << model->index(row, TraceModel::CallColumn).data().toString().section(u'(', 0, 0);
    return calls;
}

QString TestHttpPanel::headerValue(const QString &name)
{
    QTableWidget *table = child<QTableWidget>("headersTable");
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text().compare(name, Qt::CaseInsensitive) == 0)
            return table->item(row, 1)->text();
    }
    return {};
}

// A listening socket nobody accepts from: the kernel completes the handshake and queues the
// request, and nothing ever answers or closes.
int TestHttpPanel::silentListener(quint16 *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, 4) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
        return -1;
    *port = ntohs(a.sin_port);
    return fd;
}

// Every client of server gets response once its request head is in, then a close.
void TestHttpPanel::answerEachRequest(QTcpServer *server, const QByteArray &response)
{
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [server, response] {
        while (QTcpSocket *s = server->nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s, response] {
                if (!s->readAll().contains("\r\n\r\n"))
                    return;
                s->write(response);
                s->disconnectFromHost();
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
}

QString TestHttpPanel::grabDir()
{
    return qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? m_scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
}

void TestHttpPanel::defaultsToTheLabWebServer()
{
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), labUrl(QStringLiteral("/")));
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QLineEdit>("pathEdit")->text(), QStringLiteral("/"));
    // The seed's request, exactly, with the escapes visible.
    QCOMPARE(child<QPlainTextEdit>("requestView")->toPlainText(), QStringLiteral("GET / HTTP/1.0\\r\\n\n\\r\\n"));
    QVERIFY(child<QCheckBox>("halfCloseCheck")->isChecked());
    QVERIFY(child<QPushButton>("getButton")->isEnabled());
}

void TestHttpPanel::getShowsStepsStatusHeadersAndBody()
{
    QVERIFY(get());
    QVERIFY2(m_panel->session()->result().ok(), qPrintable(m_panel->session()->result().error.message));
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("HTTP/1.1 200 OK")));
    QTRY_VERIFY(!stepCalls().isEmpty());
    const QStringList calls = stepCalls();
    QStringList order;
    for (const QString &c : calls) {
        if (!c.isEmpty() && (order.isEmpty() || order.last() != c))
            order << c;
    }
    QCOMPARE(order.mid(0, 7),
        QStringList({ "getaddrinfo", "socket", "connect", "getsockname", "getpeername", "send", "shutdown" }));
    QVERIFY(calls.contains(QStringLiteral("recv")));
    QCOMPARE(calls.last(), QStringLiteral("close"));
    QVERIFY(headerValue(QStringLiteral("Content-Type")).startsWith(QStringLiteral("text/html")));
    QVERIFY(child<QLabel>("framingLabel")->text().contains(QStringLiteral("as Content-Length said")));
    QVERIFY(child<QPlainTextEdit>("bodyText")
                ->toPlainText()
                .contains(QStringLiteral("<!doctype html>"), Qt::CaseInsensitive));
    QVERIFY(child<QLabel>("errorLabel")->isHidden());
    // The waterfall got every stage of a plain request, and no TLS.
    const HttpTimings t = child<TimingWaterfall>("waterfall")->timings();
    QVERIFY(t.at(HttpStageTiming::Stage::Connect).happened());
    QVERIFY(t.at(HttpStageTiming::Stage::Download).happened());
    QVERIFY(!t.at(HttpStageTiming::Stage::Tls).happened());
}

void TestHttpPanel::urlAndFieldsStayInSync()
{
    typeUrl(QStringLiteral("http://localhost:http/a b?x=1#top"));
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("localhost"));
    QCOMPARE(child<QLineEdit>("portEdit")->text(), QStringLiteral("http"));
    QCOMPARE(child<QLineEdit>("pathEdit")->text(), QStringLiteral("/a%20b?x=1"));
    QVERIFY(child<QLabel>("notesLabel")->text().contains(QStringLiteral("fragment")));
    QLineEdit *path = child<QLineEdit>("pathEdit");
    path->selectAll();
    QTest::keyClicks(path, QStringLiteral("/headers"));
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("http://localhost:http/headers"));
    child<QComboBox>("schemeCombo")->setCurrentIndex(1);
    emit child<QComboBox>("schemeCombo")->activated(1);
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("https://localhost:http/headers"));
}

void TestHttpPanel::http11AddsHostAndConnection()
{
    typeUrl(labUrl(QStringLiteral("/headers")));
    child<QComboBox>("versionCombo")->setCurrentIndex(1);
    const QString request = child<QPlainTextEdit>("requestView")->toPlainText();
    QVERIFY2(request.contains(QStringLiteral("GET /headers HTTP/1.1\\r\\n")), qPrintable(request));
    QVERIFY(request.contains(QStringLiteral("Host: 127.0.0.1:%1\\r\\n").arg(m_lab->port(QStringLiteral("http")))));
    QVERIFY(request.contains(QStringLiteral("Connection: close\\r\\n")));
    QVERIFY(get());
    // /headers answers with the request it got: the same bytes.
    QVERIFY(
        child<QPlainTextEdit>("bodyText")->toPlainText().startsWith(QStringLiteral("GET /headers HTTP/1.1\nHost: ")));
}

void TestHttpPanel::extraHeadersGoIntoTheRequest()
{
    typeUrl(labUrl(QStringLiteral("/headers")));
    child<QPlainTextEdit>("headersEdit")->setPlainText(QStringLiteral("X-Lesson: sockets\nAccept: text/plain"));
    QVERIFY(child<QPlainTextEdit>("requestView")->toPlainText().contains(QStringLiteral("X-Lesson: sockets\\r\\n")));
    QVERIFY(get());
    QVERIFY(child<QPlainTextEdit>("bodyText")->toPlainText().contains(QStringLiteral("X-Lesson: sockets")));
}

void TestHttpPanel::badUrlIsExplainedAndDisablesGet()
{
    typeUrl(QStringLiteral("ftp://127.0.0.1/"));
    QLabel *error = child<QLabel>("urlError");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("ftp")));
    QVERIFY(!child<QPushButton>("getButton")->isEnabled());
    typeUrl(QStringLiteral("http://[::1/"));
    QVERIFY(child<QLabel>("urlError")->text().contains(QStringLiteral("]")));
    typeUrl(labUrl(QStringLiteral("/")));
    QVERIFY(child<QLabel>("urlError")->isHidden());
    QVERIFY(child<QPushButton>("getButton")->isEnabled());
}

void TestHttpPanel::badHeaderLineIsExplained()
{
    child<QPlainTextEdit>("headersEdit")->setPlainText(QStringLiteral("Good: yes\nno colon here"));
    QLabel *error = child<QLabel>("requestError");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("line 2")));
    QVERIFY(!child<QPushButton>("getButton")->isEnabled());
}

void TestHttpPanel::rawRequestIsSentAsWritten()
{
    child<QCheckBox>("rawCheck")->setChecked(true);
    QPlainTextEdit *raw = child<QPlainTextEdit>("requestView");
    QVERIFY(!raw->isReadOnly());
    QVERIFY(!child<QComboBox>("versionCombo")->isEnabled());
    raw->setPlainText(QStringLiteral("HELLO SERVER\\r\\n\n\\r\\n"));
    QVERIFY(get());
    const HttpGetResult &r = m_panel->session()->result();
    QCOMPARE(r.request, QByteArray("HELLO SERVER\r\n\r\n"));
    QCOMPARE(r.head.status, 400);
    // A bad escape is refused before anything is sent.
    raw->setPlainText(QStringLiteral("GET / HTTP/1.0\\q"));
    QVERIFY(child<QLabel>("requestError")->isVisible());
    QVERIFY(!child<QPushButton>("getButton")->isEnabled());
}

void TestHttpPanel::redirectIsFollowedOnlyOnClick()
{
    typeUrl(labUrl(QStringLiteral("/redirect")));
    QVERIFY(get());
    QCOMPARE(m_panel->session()->result().head.status, 302);
    QLabel *redirect = child<QLabel>("redirectLabel");
    QVERIFY(redirect->isVisible());
    QVERIFY(redirect->text().contains(labUrl(QStringLiteral("/"))));
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), labUrl(QStringLiteral("/redirect"))); // not followed by itself
    QSignalSpy finished(m_panel->session(), &HttpGet::finished);
    QTest::mouseClick(child<QPushButton>("followButton"), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), labUrl(QStringLiteral("/")));
    QCOMPARE(m_panel->session()->result().head.status, 200);
    QVERIFY(!child<QLabel>("redirectLabel")->isVisible());
}

void TestHttpPanel::refusedConnectionIsExplained()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    typeUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QVERIFY(get());
    QLabel *error = child<QLabel>("errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("ECONNREFUSED")));
    QCOMPARE(m_panel->session()->result().failedStage, QStringLiteral("connect"));
    QVERIFY(child<TimingWaterfall>("waterfall")->timings().at(HttpStageTiming::Stage::Connect).failed);
}

void TestHttpPanel::chunkedBodyShowsItsFraming()
{
    typeUrl(labUrl(QStringLiteral("/chunked")));
    child<QComboBox>("versionCombo")->setCurrentIndex(1);
    QVERIFY(get());
    const QString framing = child<QLabel>("framingLabel")->text();
    QVERIFY2(framing.contains(QStringLiteral("chunked")), qPrintable(framing));
    QVERIFY(framing.contains(QStringLiteral("5 chunks")));
    QVERIFY(child<QPlainTextEdit>("bodyText")
                ->toPlainText()
                .startsWith(QStringLiteral("This body was sent in five chunks.")));
}

void TestHttpPanel::largeBodyShowsTheFirstPartAndSaves()
{
    typeUrl(labUrl(QStringLiteral("/bytes/3000000")));
    QVERIFY(get());
    QCOMPARE(m_panel->session()->result().bodyBytes, qint64(3000000));
    QVERIFY(m_panel->session()->body().spilled());
    const QString info = child<QLabel>("bodyInfo")->text();
    QVERIFY2(info.contains(QStringLiteral("not shown")), qPrintable(info));
    // The first 64 KiB, in paragraphs of at most 1,024 characters so the view stays quick.
    QString shown = child<QPlainTextEdit>("bodyText")->toPlainText();
    QCOMPARE(shown.section(u'\n', 0, 0).size(), 1024);
    shown.remove(u'\n');
    QCOMPARE(shown.size(), HttpPanel::kTextShown);
    QPushButton *save = child<QPushButton>("saveButton");
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QFileDialog *dialog = m_panel->findChild<QFileDialog *>();
    QVERIFY(dialog);
    const QString path = m_scratch.filePath(QStringLiteral("saved.bin"));
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept");
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("saveLabel")->text().startsWith(QStringLiteral("Saved to")), 10000);
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.size(), qint64(3000000));
    const QByteArray start = saved.read(64);
    QCOMPARE(start, QByteArray("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/"));
}

void TestHttpPanel::hexDumpAndCharset()
{
    typeUrl(labUrl(QStringLiteral("/status/404")));
    QVERIFY(get());
    QComboBox *mode = child<QComboBox>("bodyModeCombo");
    mode->setCurrentIndex(1);
    QVERIFY(child<QPlainTextEdit>("bodyText")->toPlainText().startsWith(QStringLiteral("00000000  34 30 34 20")));
    QVERIFY(!child<QComboBox>("charsetCombo")->isEnabled());
    mode->setCurrentIndex(0);
    QComboBox *charset = child<QComboBox>("charsetCombo");
    QVERIFY(charset->isEnabled());
    const int latin1 = charset->findData(QStringLiteral("ISO-8859-1"));
    QVERIFY(latin1 > 0);
    charset->setCurrentIndex(latin1);
    QCOMPARE(child<QPlainTextEdit>("bodyText")->toPlainText(), QStringLiteral("404 Not Found\n"));

    // Bytes that mean different letters in different charsets: the declared one is used, and a
    // wrong choice shows the mojibake a learner should recognise.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    answerEachRequest(&server,
        "HTTP/1.0 200 OK\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Length: 5\r\n\r\ncaf\xe9\n");
    typeUrl(QStringLiteral("http://127.0.0.1:%1/menu.txt").arg(server.serverPort()));
    QVERIFY(get());
    QCOMPARE(charset->currentIndex(), 0);
    QPlainTextEdit *text = child<QPlainTextEdit>("bodyText");
    QCOMPARE(text->toPlainText(), QStringLiteral("caf\u00e9\n"));
    charset->setCurrentIndex(charset->findData(QStringLiteral("UTF-8")));
    QCOMPARE(text->toPlainText(), QStringLiteral("caf\ufffd\n")); // 0xE9 alone is not UTF-8
}

void TestHttpPanel::imageBodyIsPreviewed()
{
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    answerEachRequest(&server,
        "HTTP/1.0 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + QByteArray::number(png.size()) + "\r\n\r\n"
            + png);
    typeUrl(QStringLiteral("http://127.0.0.1:%1/picture.png").arg(server.serverPort()));
    QVERIFY(get());
    QVERIFY2(m_panel->session()->result().ok(), qPrintable(m_panel->session()->result().error.message));
    QCOMPARE(child<QComboBox>("bodyModeCombo")->currentIndex(), 2); // image/* picks the image view
    QLabel *shown = child<QLabel>("bodyImage");
    QVERIFY(shown->isVisible());
    QCOMPARE(shown->pixmap().size(), QSize(40, 20));
}

void TestHttpPanel::silentServerTimesOutWaitingForTheFirstByte()
{
    quint16 port = 0;
    const int fd = silentListener(&port);
    QVERIFY(fd >= 0);
    const auto closeLater = qScopeGuard([fd] { ::close(fd); });
    typeUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    child<QDoubleSpinBox>("timeoutSpin")->setValue(0.3);
    QVERIFY(get());
    const HttpGetResult &r = m_panel->session()->result();
    QCOMPARE(r.error.kind, ErrorKind::Timeout);
    QCOMPARE(r.failedStage, QStringLiteral("waiting"));
    QVERIFY(child<QLabel>("errorLabel")->text().contains(QStringLiteral("first byte")));
}

void TestHttpPanel::cancelStopsARequest()
{
    quint16 port = 0;
    const int fd = silentListener(&port);
    QVERIFY(fd >= 0);
    const auto closeLater = qScopeGuard([fd] { ::close(fd); });
    typeUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QSignalSpy finished(m_panel->session(), &HttpGet::finished);
    QTest::mouseClick(child<QPushButton>("getButton"), Qt::LeftButton);
    QPushButton *cancel = child<QPushButton>("cancelButton");
    QTRY_VERIFY(cancel->isVisible());
    QTRY_COMPARE(m_panel->session()->stage(), HttpGet::Stage::Waiting);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_panel->session()->result().error.kind, ErrorKind::Local);
    QVERIFY(cancel->isHidden());
    QVERIFY(child<QPushButton>("getButton")->isEnabled());
}

void TestHttpPanel::labPathComboFillsTheUrl()
{
    QComboBox *paths = child<QComboBox>("labPathCombo");
    QVERIFY(paths->isEnabled());
    const int chunked = paths->findData(QStringLiteral("/chunked"));
    QVERIFY(chunked > 0);
    paths->setCurrentIndex(chunked);
    emit paths->activated(chunked);
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), labUrl(QStringLiteral("/chunked")));
    typeUrl(labUrl(QStringLiteral("/redirect")));
    QCOMPARE(paths->currentData().toString(), QStringLiteral("/redirect")); // a lab URL typed is named
    typeUrl(QStringLiteral("http://127.0.0.1:1/redirect"));
    QCOMPARE(paths->currentData().toString(), QString()); // any other shows "Other"
}

void TestHttpPanel::untrustedCertificateNeedsAClick()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS library could be loaded (QSslSocket::supportsSsl() is false)");
    QFile certFile(QStringLiteral(SWB_TEST_DATA_DIR "/tls/server-cert.pem"));
    QFile keyFile(QStringLiteral(SWB_TEST_DATA_DIR "/tls/server-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certFile.readAll()));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer server;
    server.setSslConfiguration(config);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    answerEachRequest(&server,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
        "encrypted!\r\n");
    typeUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort()));
    QVERIFY(get());
    const HttpGetResult &first = m_panel->session()->result();
    QCOMPARE(first.error.osError, QStringLiteral("TLS_CERTIFICATE"));
    QVERIFY(child<QLabel>("errorLabel")->text().contains(QStringLiteral("not trusted")));
    QPushButton *carryOn = child<QPushButton>("continueButton");
    QVERIFY(carryOn->isVisible());
    QVERIFY(child<QPlainTextEdit>("tlsText")->toPlainText().contains(QStringLiteral("Subject: localhost")));
    QVERIFY(m_panel->grab().save(grabDir() + QStringLiteral("/http-certificate.png")));

    QSignalSpy finished(m_panel->session(), &HttpGet::finished);
    QTest::mouseClick(carryOn, Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    const HttpGetResult &second = m_panel->session()->result();
    QVERIFY2(second.ok(), qPrintable(second.error.message));
    QVERIFY(second.tls.errorsIgnored);
    QVERIFY(!carryOn->isVisible());
    QCOMPARE(child<QPlainTextEdit>("bodyText")->toPlainText(), QStringLiteral("encrypted!\n"));
    const QString tls = child<QPlainTextEdit>("tlsText")->toPlainText();
    QVERIFY2(tls.contains(QStringLiteral("Protocol: TLS")), qPrintable(tls));
    QVERIFY(tls.contains(QStringLiteral("ignored")));
    QVERIFY(child<TimingWaterfall>("waterfall")->timings().at(HttpStageTiming::Stage::Tls).happened());
    child<QTabWidget>("httpTabs")->setCurrentIndex(4);
    QVERIFY(m_panel->grab().save(grabDir() + QStringLiteral("/http-tls.png")));
    child<QTabWidget>("httpTabs")->setCurrentIndex(1);
    QVERIFY(m_panel->grab().save(grabDir() + QStringLiteral("/http-tls-timing.png")));
}

void TestHttpPanel::badFieldBlocksGet()
{
    QLineEdit *port = child<QLineEdit>("portEdit");
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("99999"));
    QVERIFY(child<QLabel>("urlError")->isVisible());
    QVERIFY(!child<QPushButton>("getButton")->isEnabled());
    // The URL keeps the last port that made sense while typing ("9999").
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("http://127.0.0.1:9999/"));
    // Enter in the field does not send the old URL either.
    QSignalSpy started(m_panel->session(), &HttpGet::stageChanged);
    QTest::keyClick(port, Qt::Key_Return);
    QCOMPARE(started.size(), 0);
    port->selectAll();
    QTest::keyClicks(port, QString::number(m_lab->port(QStringLiteral("http"))));
    QVERIFY(child<QLabel>("urlError")->isHidden());
    QVERIFY(child<QPushButton>("getButton")->isEnabled());
}

void TestHttpPanel::enterWhileRunningIsIgnored()
{
    quint16 port = 0;
    const int fd = silentListener(&port);
    QVERIFY(fd >= 0);
    const auto closeLater = qScopeGuard([fd] { ::close(fd); });
    typeUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QSignalSpy finished(m_panel->session(), &HttpGet::finished);
    QTest::mouseClick(child<QPushButton>("getButton"), Qt::LeftButton);
    QTRY_COMPARE(m_panel->session()->stage(), HttpGet::Stage::Waiting);
    QTest::keyClick(child<QLineEdit>("urlEdit"), Qt::Key_Return);
    QTest::keyClick(child<QLineEdit>("pathEdit"), Qt::Key_Return);
    QCOMPARE(finished.size(), 0); // the running request goes on
    QCOMPARE(m_panel->session()->stage(), HttpGet::Stage::Waiting);
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY(child<QLabel>("errorLabel")->text().contains(QStringLiteral("stopped it")));
}

void TestHttpPanel::redirectInRawModeIsFollowedWithABuiltRequest()
{
    child<QCheckBox>("rawCheck")->setChecked(true);
    child<QPlainTextEdit>("requestView")->setPlainText(QStringLiteral("GET /redirect HTTP/1.0\\r\\n\\r\\n"));
    QVERIFY(get());
    QCOMPARE(m_panel->session()->result().head.status, 302);
    QSignalSpy finished(m_panel->session(), &HttpGet::finished);
    QTest::mouseClick(child<QPushButton>("followButton"), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY(!child<QCheckBox>("rawCheck")->isChecked());
    QCOMPARE(m_panel->session()->result().request, QByteArray("GET / HTTP/1.0\r\n\r\n"));
    QCOMPARE(m_panel->session()->result().head.status, 200);
}

void TestHttpPanel::imageArrivingInPiecesIsShownWhenDone()
{
    // A picture larger than the text view's 64 KiB, sent in pieces over several refreshes.
    QImage image(300, 300, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            seed = seed * 1103515245u + 12345u;
            image.setPixel(x, y, seed >> 8);
        }
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    QVERIFY(png.size() > HttpPanel::kTextShown);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QByteArray response = "HTTP/1.0 200 OK\r\nContent-Type: image/png\r\nContent-Length: "
        + QByteArray::number(png.size()) + "\r\n\r\n" + png;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = server.nextPendingConnection();
        auto *pace = new QTimer(s);
        auto sentBytes = std::make_shared<qsizetype>(0);
        connect(pace, &QTimer::timeout, s, [s, pace, sentBytes, response] {
            s->write(response.mid(*sentBytes, 16384));
            *sentBytes += 16384;
            if (*sentBytes >= response.size()) {
                pace->stop();
                s->disconnectFromHost();
            }
        });
        connect(s, &QTcpSocket::readyRead, s, [s, pace] {
            if (s->readAll().contains("\r\n\r\n"))
                pace->start(40); // a few of the panel's 100 ms refreshes happen during the download
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    });
    child<QComboBox>("bodyModeCombo")->setCurrentIndex(2); // Image before the request
    // QTcpSocket closes when it reads the client's FIN, before this server's paced answer is out.
    child<QCheckBox>("halfCloseCheck")->setChecked(false);
    typeUrl(QStringLiteral("http://127.0.0.1:%1/noise.png").arg(server.serverPort()));
    QVERIFY(get());
    QVERIFY2(m_panel->session()->result().ok(), qPrintable(m_panel->session()->result().error.message));
    QCOMPARE(m_panel->session()->result().bodyBytes, qint64(png.size()));
    QLabel *shown = child<QLabel>("bodyImage");
    QVERIFY(!shown->pixmap().isNull());
    QVERIFY(shown->toolTip().contains(QStringLiteral("300")));
}

void TestHttpPanel::charsetChoiceIsForOneResponse()
{
    typeUrl(labUrl(QStringLiteral("/status/404")));
    QVERIFY(get());
    QComboBox *charset = child<QComboBox>("charsetCombo");
    const int latin1 = charset->findData(QStringLiteral("ISO-8859-1"));
    QVERIFY(latin1 > 0);
    charset->setCurrentIndex(latin1);
    QVERIFY(get());
    QCOMPARE(charset->currentIndex(), 0); // back to "from Content-Type"
}

void TestHttpPanel::hideAddressesMasksTheRedirectAndTheBody()
{
    // A redirect to a documentation address (never followed: only its text is shown).
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    answerEachRequest(&server,
        "HTTP/1.0 302 Found\r\nLocation: http://192.0.2.7/elsewhere\r\nContent-Length: 24\r\n\r\n"
        "moved to 192.0.2.7 now\r\n");
    typeUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.serverPort()));
    QVERIFY(get());
    QLabel *redirect = child<QLabel>("redirectLabel");
    QPlainTextEdit *body = child<QPlainTextEdit>("bodyText");
    QVERIFY(redirect->text().contains(QStringLiteral("192.0.2.7")));
    Privacy::instance()->setEnabled(true);
    const auto off = qScopeGuard([] { Privacy::instance()->setEnabled(false); });
    QVERIFY2(!redirect->text().contains(QStringLiteral("192.0.2.7")), qPrintable(redirect->text()));
    QVERIFY(redirect->text().contains(PrivacyMasker::ipv4Placeholder()));
    QVERIFY(!body->toPlainText().contains(QStringLiteral("192.0.2.7")));
    QVERIFY(child<QLineEdit>("urlEdit")->text().contains(QStringLiteral("127.0.0.1"))); // loopback stays
    Privacy::instance()->setEnabled(false);
    QVERIFY(redirect->text().contains(QStringLiteral("192.0.2.7")));
    QVERIFY(body->toPlainText().contains(QStringLiteral("192.0.2.7")));
}

void TestHttpPanel::grabsForReview()
{
    const QString dir = grabDir();
    QTabWidget *tabs = child<QTabWidget>("httpTabs");
    child<QComboBox>("versionCombo")->setCurrentIndex(1);
    QVERIFY(get());
    tabs->setCurrentIndex(0);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/http-steps.png")));
    tabs->setCurrentIndex(1);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/http-timing.png")));
    tabs->setCurrentIndex(2);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/http-headers.png")));
    tabs->setCurrentIndex(3);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/http-body.png")));
    typeUrl(labUrl(QStringLiteral("/redirect")));
    QVERIFY(get());
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/http-redirect.png")));
    typeUrl(QStringLiteral("http://127.0.0.1:1/"));
    QVERIFY(get());
    tabs->setCurrentIndex(1);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/http-refused.png")));
}

QTEST_MAIN(TestHttpPanel)
#include "tst_httppanel.moc"
