// The ladder diagram: each step of a trace as an arrow between lifelines or a mark on one, in time order,
// errors in red, bounded however long the trace, and exported as PNG and as SVG that parses.

#include "client/tcpprobe.h"
#include "theme.h"
#include "trace/tracemodel.h"
#include "widgets/ladderdiagram.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QImage>
#include <QImageReader>
#include <QScrollArea>
#include <QScrollBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QToolTip>
#include <QXmlStreamReader>
#include <QtTest>

using namespace swb;
using Item = LadderDiagram::Item;

namespace {

const Endpoint kClient { QStringLiteral("127.0.0.1"), 40312 };
const Endpoint kServer { QStringLiteral("127.0.0.1"), 50007 };

TraceEvent ev(TraceKind kind, const QString &call, const QString &arguments, const QString &result, qint64 size = 0,
    ErrorKind error = ErrorKind::None)
{
    static qint64 clock = 0;
    TraceEvent e;
    e.atNs = (clock += 41'000);
    e.kind = kind;
    e.call = call;
    e.arguments = arguments;
    e.result = result;
    e.size = size;
    e.error = error;
    if (kind == TraceKind::Sent || kind == TraceKind::Received) {
        e.payload = QByteArray("hello").left(int(size));
        e.local = kClient;
        e.remote = kServer;
    }
    return e;
}

// getaddrinfo, socket, connect ok, send 5, recv 5, recv 0, close: the echo client of the first lesson.
QVector<TraceEvent> echoClientTrace()
{
    QVector<TraceEvent> trace;
    trace << ev(TraceKind::Call, QStringLiteral("getaddrinfo"), QStringLiteral("(127.0.0.1, 50007)"),
        QStringLiteral("127.0.0.1"));
    trace << ev(
        TraceKind::Call, QStringLiteral("socket"), QStringLiteral("(AF_INET, SOCK_STREAM)"), QStringLiteral("fd 7"));
    TraceEvent connected
        = ev(TraceKind::Opened, QStringLiteral("connect"), QStringLiteral("(127.0.0.1:50007)"), QStringLiteral("ok"));
    connected.local = kClient;
    connected.remote = kServer;
    trace << connected;
    trace << ev(TraceKind::Note, QString(), QString(), QStringLiteral("connected in 0.1 ms"));
    trace << ev(TraceKind::Sent, QStringLiteral("send"), QStringLiteral("(5 bytes)"), QStringLiteral("5"), 5);
    trace << ev(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("(65536)"), QStringLiteral("5 bytes"), 5);
    trace << ev(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("(65536)"),
        QStringLiteral("0: the server closed the connection"), 0);
    trace << ev(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok"));
    return trace;
}

QVector<TraceEvent> refusedTrace()
{
    QVector<TraceEvent> trace;
    trace << ev(
        TraceKind::Call, QStringLiteral("getaddrinfo"), QStringLiteral("(127.0.0.1, 1)"), QStringLiteral("127.0.0.1"));
    trace << ev(
        TraceKind::Call, QStringLiteral("socket"), QStringLiteral("(AF_INET, SOCK_STREAM)"), QStringLiteral("fd 7"));
    trace << ev(TraceKind::Error, QStringLiteral("connect"), QStringLiteral("(127.0.0.1:1)"),
        QStringLiteral("ECONNREFUSED"), 0, ErrorKind::Connect);
    return trace;
}

// A TCP echo server's trace with clients 1..clients, each accepted, echoing "hi\n" and closed.
QVector<TraceEvent> serverTrace(int clients)
{
    QVector<TraceEvent> trace;
    trace << ev(
        TraceKind::Call, QStringLiteral("socket"), QStringLiteral("(AF_INET, SOCK_STREAM)"), QStringLiteral("fd 5"));
    trace << ev(TraceKind::Call, QStringLiteral("bind"), QStringLiteral("(127.0.0.1, 50007)"), QStringLiteral("ok"));
    trace << ev(TraceKind::Call, QStringLiteral("listen"), QStringLiteral("(5)"), QStringLiteral("ok"));
    for (int id = 1; id <= clients; ++id) {
        const Endpoint peer { QStringLiteral("127.0.0.1"), quint16(40000 + id) };
        const auto add = [&](TraceEvent e) {
            e.connectionId = id;
            e.local = kServer;
            e.remote = peer;
            trace << e;
        };
        add(ev(TraceKind::Opened, QStringLiteral("accept"), QStringLiteral("()"),
            QStringLiteral("fd %1, client %2").arg(5 + id).arg(peer.toString())));
        add(ev(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("()"), QStringLiteral("3 bytes"), 3));
        add(ev(TraceKind::Sent, QStringLiteral("send"), QStringLiteral("(3 bytes)"), QStringLiteral("3"), 3));
        add(ev(TraceKind::Received, QStringLiteral("recv"), QStringLiteral("()"),
            QStringLiteral("0 (the client closed its side)"), 0));
        add(ev(TraceKind::Closed, QStringLiteral("close"), QStringLiteral("()"), QStringLiteral("ok (done)")));
    }
    return trace;
}

// Times as a real session on one machine has them: a few tens of microseconds apart, from zero.
QVector<TraceEvent> restamped(QVector<TraceEvent> trace)
{
    for (int i = 0; i < trace.size(); ++i)
        trace[i].atNs = 18'000 + qint64(i) * 37'000 + qint64(i / 3) * 120'000;
    return trace;
}

QString describe(const Item &item)
{
    return QStringLiteral("%1 %2->%3 %4%5")
        .arg(item.kind == Item::Arrow ? QStringLiteral("arrow") : QStringLiteral("mark"))
        .arg(item.fromLane)
        .arg(item.toLane)
        .arg(item.label, item.error ? QStringLiteral(" [error]") : QString());
}

QStringList describe(const QVector<Item> &items)
{
    QStringList out;
    for (const Item &item : items)
        out << describe(item);
    return out;
}

int countColour(const QImage &image, const QColor &colour, int tolerance = 24)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            if (std::abs(qRed(p) - colour.red()) <= tolerance && std::abs(qGreen(p) - colour.green()) <= tolerance
                && std::abs(qBlue(p) - colour.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

QPalette darkPalette(QPalette palette)
{
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    palette.setColor(QPalette::Base, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    return palette;
}

} // namespace

class TestLadderDiagram : public QObject {
    Q_OBJECT

private slots:
    void clientTraceItems();
    void laneTitlesShowAddresses();
    void refusedConnectIsOneRedItem();
    void singleStepsAreMarks_data();
    void singleStepsAreMarks();
    void serverShowsNewestClients();
    void emptyDiagram();
    void followsModelInBatches();
    void svgIsValidAndEscaped();
    void imageScalesAndShowsErrors();
    void hugeTraceIsBounded();
    void realTcpSession();
    void presentationScales();
    void growsInsideAScrollArea();
    void toolTipShowsTheStep();
    void grabsForReview();
};

void TestLadderDiagram::clientTraceItems()
{
    LadderDiagram view;
    view.setEvents(echoClientTrace());
    // The note is left to the step table; everything else is one row, in time order.
    const QStringList expected {
        QStringLiteral("mark 0->0 getaddrinfo() \u2192 127.0.0.1"),
        QStringLiteral("mark 0->0 socket() \u2192 fd 7"),
        QStringLiteral("arrow 0->1 connect() \u2192 ok"),
        QStringLiteral("arrow 0->1 send 5 bytes"),
        QStringLiteral("arrow 1->0 recv 5 bytes"),
        QStringLiteral("arrow 1->0 recv \u2192 b'' (the other side closed)"),
        QStringLiteral("mark 0->0 close()"),
    };
    QCOMPARE(describe(view.items()), expected);
    const QVector<Item> items = view.items();
    QCOMPARE(items.at(3).traceKind, TraceKind::Sent);
    QCOMPARE(items.at(4).traceKind, TraceKind::Received);
    for (int i = 1; i < items.size(); ++i)
        QVERIFY(items.at(i).atNs > items.at(i - 1).atNs);
    QVERIFY(std::none_of(items.cbegin(), items.cend(), [](const Item &item) { return item.error; }));

    // Half-closing first: shutdown is an arrow (it sends a FIN), dashed, from this program.
    QVector<TraceEvent> halfClose = echoClientTrace();
    halfClose.insert(
        5, ev(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"), QStringLiteral("ok")));
    view.setEvents(halfClose);
    QCOMPARE(describe(view.items().at(4)), QStringLiteral("arrow 0->1 shutdown(SHUT_WR)"));

    // The view grows with the rows and keeps its lanes' width.
    const QSize before = view.sizeHint();
    halfClose << ev(TraceKind::Sent, QStringLiteral("send"), QStringLiteral("(5 bytes)"), QStringLiteral("5"), 5);
    view.setEvents(halfClose);
    QVERIFY(view.sizeHint().height() > before.height());
    QCOMPARE(view.sizeHint().width(), before.width());
}

void TestLadderDiagram::laneTitlesShowAddresses()
{
    LadderDiagram view;
    QCOMPARE(view.laneTitles(), QStringList({ QStringLiteral("This program (client)"), QStringLiteral("Server") }));
    view.setEvents(echoClientTrace());
    QCOMPARE(view.laneTitles(),
        QStringList(
            { QStringLiteral("This program (client) 127.0.0.1:40312"), QStringLiteral("Server 127.0.0.1:50007") }));
}

void TestLadderDiagram::refusedConnectIsOneRedItem()
{
    LadderDiagram view;
    view.setEvents(refusedTrace());
    const QVector<Item> items = view.items();
    QCOMPARE(items.size(), 3);
    QCOMPARE(std::count_if(items.cbegin(), items.cend(), [](const Item &item) { return item.error; }), 1);
    QCOMPARE(describe(items.last()), QStringLiteral("arrow 0->1 connect() \u2192 ECONNREFUSED [error]"));
    QCOMPARE(items.last().traceKind, TraceKind::Error);

    view.resize(view.sizeHint());
    const QImage image = view.toImage();
    QVERIFY2(countColour(image, Theme::errorColor(view.palette())) > 20, "no red in the picture");
}

void TestLadderDiagram::singleStepsAreMarks_data()
{
    QTest::addColumn<TraceEvent>("event");
    QTest::addColumn<QString>("drawn");
    QTest::newRow("bind") << ev(
        TraceKind::Call, QStringLiteral("bind"), QStringLiteral("(0.0.0.0, 0)"), QStringLiteral("ok"))
                          << QStringLiteral("mark 0->0 bind() \u2192 ok");
    QTest::newRow("udp connect is local")
        << ev(TraceKind::Call, QStringLiteral("connect"), QStringLiteral("(127.0.0.1:7)"), QStringLiteral("ok"))
        << QStringLiteral("mark 0->0 connect() \u2192 ok");
    QTest::newRow("lookup fails") << ev(TraceKind::Error, QStringLiteral("getaddrinfo"),
        QStringLiteral("(nowhere, 80)"), QStringLiteral("EAI_NONAME"), 0, ErrorKind::Resolve)
                                  << QStringLiteral("mark 0->0 getaddrinfo() \u2192 EAI_NONAME [error]");
    QTest::newRow("reset") << ev(TraceKind::Error, QStringLiteral("recv"), QStringLiteral("(65536)"),
        QStringLiteral("ECONNRESET"), 0, ErrorKind::Io)
                           << QStringLiteral("arrow 1->0 recv() \u2192 ECONNRESET [error]");
    QTest::newRow("sendto") << ev(
        TraceKind::Sent, QStringLiteral("sendto"), QStringLiteral("(b'hi', ...)"), QStringLiteral("2"), 2)
                            << QStringLiteral("arrow 0->1 sendto 2 bytes");
    QTest::newRow("empty datagram is not an end") << ev(TraceKind::Received, QStringLiteral("recvfrom"),
        QStringLiteral("(65536)"), QStringLiteral("0 bytes from ('127.0.0.1', 7)"), 0)
                                                  << QStringLiteral("arrow 1->0 recvfrom 0 bytes");
    TraceEvent shutdownFailed = ev(TraceKind::Error, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"),
        QStringLiteral("ENOTCONN"), 0, ErrorKind::Io);
    QTest::newRow("shutdown says more") << ev(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"),
        QStringLiteral("ok: nothing more will be sent"))
                                        << QStringLiteral("arrow 0->1 shutdown(SHUT_WR)");
    QTest::newRow("server shutdown fails")
        << ev(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"), QStringLiteral("ENOTCONN"))
        << QStringLiteral("arrow 0->1 shutdown(SHUT_WR) → ENOTCONN [error]");
    QTest::newRow("refused udp") << ev(TraceKind::Error, QStringLiteral("recvfrom"), QStringLiteral("(65536)"),
        QStringLiteral("ECONNREFUSED"), 0, ErrorKind::Connect)
                                 << QStringLiteral("arrow 1->0 recvfrom() → ECONNREFUSED [error]");
    QTest::newRow("shutdown fails") << shutdownFailed
                                    << QStringLiteral("arrow 0->1 shutdown() \u2192 ENOTCONN [error]");
}

void TestLadderDiagram::singleStepsAreMarks()
{
    QFETCH(TraceEvent, event);
    QFETCH(QString, drawn);
    LadderDiagram view;
    view.setEvents({ event });
    QCOMPARE(view.items().size(), 1);
    QCOMPARE(describe(view.items().first()), drawn);
}

void TestLadderDiagram::serverShowsNewestClients()
{
    LadderDiagram view;
    view.setMode(LadderDiagram::Mode::Server);
    QCOMPARE(view.maxClients(), 4);
    view.setEvents(serverTrace(6));
    QCOMPARE(view.laneTitles(),
        QStringList({ QStringLiteral("Server 127.0.0.1:50007"), QStringLiteral("#3 127.0.0.1:40003"),
            QStringLiteral("#4 127.0.0.1:40004"), QStringLiteral("#5 127.0.0.1:40005"),
            QStringLiteral("#6 127.0.0.1:40006") }));
    const QVector<Item> items = view.items();
    // socket, bind, listen, then five steps for each of the four newest clients.
    QCOMPARE(items.size(), 3 + 4 * 5);
    QCOMPARE(describe(items.at(3)), QStringLiteral("arrow 1->0 connect \u2192 accept() fd 8"));
    QCOMPARE(describe(items.at(4)), QStringLiteral("arrow 1->0 recv 3 bytes"));
    QCOMPARE(describe(items.at(5)), QStringLiteral("arrow 0->1 send 3 bytes"));
    QCOMPARE(describe(items.at(6)), QStringLiteral("arrow 1->0 recv \u2192 b'' (the other side closed)"));
    QCOMPARE(describe(items.at(7)), QStringLiteral("mark 0->0 #3 close() \u2192 ok (done)"));
    QCOMPARE(describe(items.last()), QStringLiteral("mark 0->0 #6 close() \u2192 ok (done)"));
    QCOMPARE(items.at(items.size() - 4).fromLane, 4); // client #6's recv comes from the last lane

    view.setMaxClients(2);
    QCOMPARE(view.laneTitles().size(), 3);
    QVERIFY(view.laneTitles().at(1).startsWith(QStringLiteral("#5 ")));
    QCOMPARE(view.items().size(), 3 + 2 * 5);

    // The same trace in Client mode is two lanes again.
    view.setMode(LadderDiagram::Mode::Client);
    QCOMPARE(view.laneTitles().size(), 2);
}

void TestLadderDiagram::emptyDiagram()
{
    LadderDiagram view;
    QVERIFY(view.items().isEmpty());
    view.setMode(LadderDiagram::Mode::Server);
    QCOMPARE(view.laneTitles(), QStringList({ QStringLiteral("Server"), QStringLiteral("Clients") }));
    view.resize(view.sizeHint());
    QVERIFY(!view.grab().isNull());
    QVERIFY(!view.toImage().isNull());
    QXmlStreamReader xml(view.toSvg());
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
}

void TestLadderDiagram::followsModelInBatches()
{
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(10);
    LadderDiagram view;
    view.setModel(&model);
    QVERIFY(view.items().isEmpty());

    const auto sent = [](int n) {
        TraceEvent e = ev(TraceKind::Sent, QStringLiteral("send"), QString(), QString::number(n), n);
        return e;
    };
    model.appendBatch({ sent(1), sent(2), sent(3), sent(4) });
    QCOMPARE(view.items().size(), 4);
    model.appendBatch({ sent(5), sent(6), sent(7), sent(8) });
    QCOMPARE(view.items().size(), 8);
    // Past capacity the model drops its oldest rows; the diagram drops their arrows with them.
    model.appendBatch({ sent(9), sent(10), sent(11), sent(12) });
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(view.items().size(), 10);
    QCOMPARE(view.items().first().label, QStringLiteral("send 3 bytes"));
    QCOMPARE(view.items().last().label, QStringLiteral("send 12 bytes"));
    // A batch larger than the capacity: only its newest rows survive.
    QVector<TraceEvent> big;
    for (int i = 13; i <= 40; ++i)
        big << sent(i);
    model.appendBatch(big);
    QCOMPARE(view.items().size(), 10);
    QCOMPARE(view.items().first().label, QStringLiteral("send 31 bytes"));
    // Notes make no rows but keep their place in the model.
    model.appendBatch({ ev(TraceKind::Note, QString(), QString(), QStringLiteral("a note")) });
    QCOMPARE(view.items().size(), 9);

    model.clear();
    QVERIFY(view.items().isEmpty());
    model.appendBatch(echoClientTrace());
    QCOMPARE(view.items().size(), 7);
    QCOMPARE(view.laneTitles().first(), QStringLiteral("This program (client) 127.0.0.1:40312"));

    // Detached: the model's later rows do not reach the view.
    view.setModel(nullptr);
    QVERIFY(view.items().isEmpty());
    view.setModel(&model);
    QCOMPARE(view.items().size(), 7);
    {
        auto doomed = std::make_unique<TraceModel>();
        doomed->appendBatch(refusedTrace());
        view.setModel(doomed.get());
        QCOMPARE(view.items().size(), 3);
    }
    QVERIFY(view.model() == nullptr);
    QVERIFY(view.items().isEmpty());
}

void TestLadderDiagram::svgIsValidAndEscaped()
{
    QVector<TraceEvent> trace = echoClientTrace();
    trace << ev(TraceKind::Error, QString(), QStringLiteral("bad <&> \"input\""), QString(), 0, ErrorKind::Protocol);
    trace.last().error = ErrorKind::Protocol;
    LadderDiagram view;
    view.setEvents(trace);
    const QVector<Item> items = view.items();
    QCOMPARE(items.last().label, QStringLiteral("bad <&> \"input\""));
    QVERIFY(items.last().error);

    const QByteArray svg = view.toSvg();
    QVERIFY(svg.contains("&lt;&amp;&gt;"));
    QXmlStreamReader xml(svg);
    QStringList texts;
    int lines = 0;
    int polygons = 0;
    QStringList fills;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("line"))
            ++lines;
        else if (xml.name() == QLatin1String("polygon"))
            ++polygons;
        if (xml.name() == QLatin1String("text")) {
            fills << xml.attributes().value(QLatin1String("fill")).toString();
            texts << xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const Item &item : items)
        QVERIFY2(texts.contains(item.label), qPrintable(item.label));
    for (const QString &title : view.laneTitles())
        QVERIFY2(texts.contains(title.section(u' ', 0, -2)) || texts.contains(title), qPrintable(title));
    QCOMPARE(lines, 2 + 4); // two lifelines, four arrows
    QVERIFY(polygons >= 4); // their heads (and the error's diamond)
    const int errorText = int(texts.indexOf(QStringLiteral("bad <&> \"input\"")));
    QCOMPARE(fills.at(errorText), Theme::errorColor(view.palette()).name());

    QTemporaryDir dir;
    QVERIFY(view.exportSvg(dir.filePath(QStringLiteral("ladder.svg"))));
    QFile file(dir.filePath(QStringLiteral("ladder.svg")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), svg);
    QVERIFY(!view.exportSvg(dir.filePath(QStringLiteral("missing/ladder.svg"))));
}

void TestLadderDiagram::imageScalesAndShowsErrors()
{
    LadderDiagram view;
    QVector<TraceEvent> trace = echoClientTrace();
    trace << refusedTrace().last();
    view.setEvents(trace);
    const QImage one = view.toImage(1.0);
    const QImage two = view.toImage(2.0);
    QCOMPARE(one.size(), view.sizeHint());
    QCOMPARE(two.width(), one.width() * 2);
    QCOMPARE(two.height(), one.height() * 2);
    const QRgb background = view.palette().color(view.backgroundRole()).rgb();
    int ink = 0;
    for (int y = 0; y < one.height(); ++y) {
        for (int x = 0; x < one.width(); ++x)
            ink += one.pixel(x, y) != background ? 1 : 0;
    }
    QVERIFY2(ink > one.width() * one.height() / 100, qPrintable(QString::number(ink)));
    const QColor red = Theme::errorColor(view.palette());
    QVERIFY(countColour(one, red) > 20);
    QVERIFY(countColour(two, red) > countColour(one, red) * 2);
    // The other arrows keep their own colours.
    QVERIFY(countColour(one, Theme::sentColor(view.palette())) > 20);
    QVERIFY(countColour(one, Theme::receivedColor(view.palette())) > 20);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ladder.png"));
    QVERIFY(view.exportPng(path, 2.0));
    QCOMPARE(QImage(path).size(), two.size());

    // Thick lines: the same layout, bolder ink.
    view.setThickLines(true);
    QVERIFY(countColour(view.toImage(), Theme::sentColor(view.palette()))
        > countColour(one, Theme::sentColor(view.palette())));
}

void TestLadderDiagram::hugeTraceIsBounded()
{
    QVector<TraceEvent> trace;
    trace.reserve(100'000);
    trace << echoClientTrace().mid(0, 3);
    for (int i = 0; trace.size() < 100'000; ++i) {
        TraceEvent e = i % 2
            ? ev(TraceKind::Received, QStringLiteral("recv"), QString(), QString(), 1 + i % 50, ErrorKind::None)
            : ev(TraceKind::Sent, QStringLiteral("send"), QString(), QString(), 1 + i % 50);
        e.atNs = qint64(i) * 1000;
        trace << e;
    }
    LadderDiagram view;
    QElapsedTimer timer;
    timer.start();
    view.setEvents(trace);
    QVERIFY(view.sizeHint().height() > 0); // the layout is computed when first asked for
    const qint64 layoutMs = timer.elapsed();
    QVERIFY(view.items().size() <= LadderDiagram::kMaxItems);
    QCOMPARE(view.items().size(), LadderDiagram::kMaxItems);
    QCOMPARE(view.items().last().atNs, trace.last().atNs);
    QCOMPARE(view.laneTitles().first(), QStringLiteral("This program (client) 127.0.0.1:40312"));
    view.resize(view.sizeHint().width(), 600);
    timer.restart();
    const QPixmap visible = view.grab();
    const qint64 visibleMs = timer.elapsed();
    timer.restart();
    const QPixmap whole = view.grab(QRect(QPoint(0, 0), view.sizeHint()));
    const qint64 wholeMs = timer.elapsed();
    QVERIFY(!visible.isNull() && !whole.isNull());
    qInfo("100,000 events: setEvents and layout %lld ms, paint of a 600 px view %lld ms, paint of all %d rows (%d px) "
          "%lld ms",
        layoutMs, visibleMs, int(view.items().size()), view.sizeHint().height(), wholeMs);
}

void TestLadderDiagram::realTcpSession()
{
    // An echo server that closes when the client half-closes, as the lab's echo does.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray serverReceived;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &serverReceived] {
                const QByteArray data = socket->readAll();
                serverReceived += data;
                socket->write(data);
            });
            connect(socket, &QTcpSocket::readChannelFinished, socket, [socket] { socket->disconnectFromHost(); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });

    TraceModel model;
    LadderDiagram view;
    view.setModel(&model);
    TcpProbe probe;
    connect(&probe, &TcpProbe::traced, &model, &TraceModel::append);
    QSignalSpy finished(&probe, &TcpProbe::finished);
    QSignalSpy closed(&probe, &TcpProbe::connectionClosed);
    TcpProbeRequest request;
    request.port = QString::number(server.serverPort());
    probe.start(request);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<TcpProbeResult>().ok());
    QVERIFY(probe.send("hello"));
    QTRY_COMPARE(probe.received(), QByteArray("hello"));
    probe.halfClose();
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(serverReceived, QByteArray("hello"));

    const QStringList drawn = describe(view.items());
    const auto indexOf = [&drawn](const QString &text) { return int(drawn.indexOf(text)); };
    const int connectRow = indexOf(QStringLiteral("arrow 0->1 connect() \u2192 ok"));
    const int sendRow = indexOf(QStringLiteral("arrow 0->1 send 5 bytes"));
    const int recvRow = indexOf(QStringLiteral("arrow 1->0 recv 5 bytes"));
    const int shutdownRow = indexOf(QStringLiteral("arrow 0->1 shutdown(SHUT_WR)"));
    const int eofRow = indexOf(QStringLiteral("arrow 1->0 recv \u2192 b'' (the other side closed)"));
    const int closeRow = indexOf(QStringLiteral("mark 0->0 close()"));
    QVERIFY2(connectRow >= 0 && sendRow > connectRow && recvRow > sendRow && shutdownRow > recvRow
            && eofRow > shutdownRow && closeRow > eofRow,
        qPrintable(drawn.join(u'\n')));
    QVERIFY(drawn.first().startsWith(QStringLiteral("mark 0->0 getaddrinfo()")));
    for (const Item &item : view.items())
        QVERIFY2(!item.error, qPrintable(item.label + QStringLiteral(" in\n") + drawn.join(u'\n')));
    QCOMPARE(view.laneTitles().at(1), QStringLiteral("Server 127.0.0.1:%1").arg(server.serverPort()));
    QVERIFY(view.laneTitles().at(0).startsWith(QStringLiteral("This program (client) 127.0.0.1:")));
}

void TestLadderDiagram::presentationScales()
{
    LadderDiagram view;
    view.setEvents(echoClientTrace());
    const QSize normal = view.sizeHint();
    const int sentInk = countColour(view.toImage(), Theme::sentColor(view.palette()));
    view.setThickLines(true);
    QVERIFY(view.thickLines());
    QVERIFY(countColour(view.toImage(), Theme::sentColor(view.palette())) > sentInk * 3 / 2);
    // A larger font (presentation mode sets it on the window) enlarges everything: a FontChange relayout.
    view.setFont(Theme::scaledFont(view.font(), 2.0));
    QVERIFY(view.sizeHint().width() > normal.width() * 3 / 2);
    QVERIFY(view.sizeHint().height() > normal.height() * 3 / 2);
    view.setFont(QFont());
    view.setThickLines(false);
    QCOMPARE(view.sizeHint(), normal);
}

void TestLadderDiagram::growsInsideAScrollArea()
{
    TraceModel model;
    QScrollArea area;
    area.setWidgetResizable(true);
    auto *view = new LadderDiagram;
    view->setModel(&model);
    area.setWidget(view);
    area.resize(700, 300);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    const int empty = view->height();
    model.appendBatch(echoClientTrace());
    model.appendBatch(echoClientTrace());
    QTRY_COMPARE(view->height(), view->sizeHint().height());
    QVERIFY(view->height() > empty);
    QVERIFY(view->height() > area.viewport()->height()); // it scrolls rather than squeezing the rows
    QVERIFY(view->width() >= view->sizeHint().width());
    area.verticalScrollBar()->setValue(area.verticalScrollBar()->maximum());
    QVERIFY(!area.grab().isNull());
}

void TestLadderDiagram::toolTipShowsTheStep()
{
    LadderDiagram view;
    const QVector<TraceEvent> trace = echoClientTrace();
    view.setEvents(trace);
    view.resize(view.sizeHint());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Down the middle of the widget, some row's tooltip is the send's whole trace line.
    bool found = false;
    for (int y = 0; y < view.height() && !found; y += 3) {
        QHelpEvent help(QEvent::ToolTip, QPoint(view.width() / 2, y), view.mapToGlobal(QPoint(view.width() / 2, y)));
        QApplication::sendEvent(&view, &help);
        found = QToolTip::isVisible() && QToolTip::text() == trace.at(4).toLine();
    }
    QVERIFY2(found, qPrintable(trace.at(4).toLine()));
    QToolTip::hideText();
}

void TestLadderDiagram::grabsForReview()
{
    // Pictures for a person to look at (not compared): kept in SWB_GRAB_DIR when it is set, else written to a
    // temporary folder so the path is exercised every run.
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    const auto save = [&dir](LadderDiagram &view, const char *name) {
        view.resize(view.sizeHint());
        return view.grab().save(dir + QStringLiteral("/ladder-%1.png").arg(QLatin1String(name)));
    };

    QVector<TraceEvent> halfClose = echoClientTrace();
    halfClose.insert(
        6, ev(TraceKind::Call, QStringLiteral("shutdown"), QStringLiteral("(SHUT_WR)"), QStringLiteral("ok")));
    QVector<TraceEvent> server = serverTrace(6);
    server << ev(TraceKind::Error, QString(),
        QStringLiteral("Nothing sent or received for 30 s: the idle timeout closes this client."), QString(), 0,
        ErrorKind::Timeout);
    server.last().connectionId = 6;

    halfClose = restamped(halfClose);
    server = restamped(server);
    LadderDiagram view;
    QVERIFY(save(view, "empty"));
    view.setEvents(halfClose);
    QVERIFY(save(view, "client"));
    QVERIFY(view.exportSvg(dir + QStringLiteral("/ladder-client.svg")));
    view.setEvents(restamped(refusedTrace()));
    QVERIFY(save(view, "refused"));
    view.setMode(LadderDiagram::Mode::Server);
    view.setEvents(server);
    QVERIFY(save(view, "server"));
    QVERIFY(view.exportPng(dir + QStringLiteral("/ladder-server-export.png"), 2.0));
    QVERIFY(view.exportSvg(dir + QStringLiteral("/ladder-server.svg")));
    // Where Qt's SVG image plugin happens to be installed, the SVG is drawn too, to compare with the PNG.
    if (QImageReader::supportedImageFormats().contains("svg")) {
        const QImage rendered(dir + QStringLiteral("/ladder-server.svg"));
        QCOMPARE(rendered.size(), view.sizeHint());
        QVERIFY(rendered.save(dir + QStringLiteral("/ladder-server-svg.png")));
    }

    view.setPalette(darkPalette(view.palette()));
    QVERIFY(Theme::isDark(view.palette()));
    QVERIFY(save(view, "server-dark"));
    view.setMode(LadderDiagram::Mode::Client);
    view.setEvents(halfClose);
    QVERIFY(save(view, "client-dark"));

    view.setPalette(QPalette());
    view.setThickLines(true);
    view.setFont(Theme::scaledFont(view.font(), 1.6));
    QVERIFY(save(view, "client-presentation"));
    QVector<TraceEvent> failing = restamped(refusedTrace());
    view.setEvents(failing);
    QVERIFY(save(view, "refused-presentation"));
}

QTEST_MAIN(TestLadderDiagram)
#include "tst_ladderdiagram.moc"
