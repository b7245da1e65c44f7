// The timing waterfall: a bar per stage that happened, in time order, sized by duration, failures in red,
// and no division by zero for empty, zero or very long requests.

#include "theme.h"
#include "widgets/timingwaterfall.h"

#include <QHelpEvent>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include <initializer_list>

using namespace swb;
using Stage = HttpStageTiming::Stage;

namespace {

struct Span {
    Stage stage;
    double beginMs;
    double endMs; // < 0: still running
};

qint64 ns(double ms)
{
    return qint64(std::llround(ms * 1e6));
}

HttpTimings makeTimings(std::initializer_list<Span> spans, double totalMs)
{
    HttpTimings timings;
    for (const Span &span : spans) {
        timings.at(span.stage).beginNs = ns(span.beginMs);
        timings.at(span.stage).endNs = span.endMs < 0 ? -1 : ns(span.endMs);
    }
    timings.totalNs = ns(totalMs);
    return timings;
}

HttpTimings httpTimings()
{
    return makeTimings({ { Stage::Resolve, 0, 4.2 }, { Stage::Connect, 4.2, 5.0 }, { Stage::Wait, 5.1, 38.7 },
                           { Stage::Download, 38.7, 52.3 } },
        52.3);
}

HttpTimings httpsTimings()
{
    return makeTimings({ { Stage::Resolve, 0, 12.5 }, { Stage::Connect, 12.5, 31.0 }, { Stage::Tls, 31.0, 78.4 },
                           { Stage::Wait, 78.6, 161.2 }, { Stage::Download, 161.2, 203.9 } },
        203.9);
}

const Stage kAllStages[] = { Stage::Resolve, Stage::Connect, Stage::Tls, Stage::Wait, Stage::Download };

bool isRedDominant(QRgb pixel)
{
    return qRed(pixel) > 150 && qRed(pixel) > qGreen(pixel) + 60 && qRed(pixel) > qBlue(pixel) + 60;
}

// The pixels of a grab that lie inside rect (in widget coordinates), whatever the device pixel ratio.
QList<QRgb> pixelsIn(const QImage &image, const QRectF &rect)
{
    const qreal ratio = image.devicePixelRatio();
    const QRect device = QRectF(rect.topLeft() * ratio, rect.size() * ratio).toAlignedRect().adjusted(1, 1, -1, -1);
    QList<QRgb> pixels;
    for (int y = device.top(); y <= device.bottom(); ++y) {
        for (int x = device.left(); x <= device.right(); ++x) {
            if (image.valid(x, y))
                pixels.append(image.pixel(x, y));
        }
    }
    return pixels;
}

} // namespace

class TestTimingWaterfall : public QObject {
    Q_OBJECT

private slots:
    void formatDuration_data();
    void formatDuration();
    void httpHasNoTlsRow();
    void barsInTimeOrderAndProportional();
    void failedStageIsRedAndStriped();
    void runningStageReachesTheTotal();
    void emptyStateAndClear();
    void subMillisecondStagesStayVisible();
    void extremeTotals_data();
    void extremeTotals();
    void toolTipDescribesTheStage();
    void grabsForReview();

private:
    static void place(TimingWaterfall &view, int width = 640) { view.resize(width, view.sizeHint().height()); }
};

void TestTimingWaterfall::formatDuration_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 ns");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("0 ns");
    QTest::newRow("nanoseconds") << qint64(420) << QStringLiteral("420 ns");
    QTest::newRow("microseconds") << qint64(850'000) << QStringLiteral("850 µs");
    QTest::newRow("rounds up to ms") << qint64(999'700) << QStringLiteral("1.0 ms");
    QTest::newRow("milliseconds") << qint64(12'340'000) << QStringLiteral("12.3 ms");
    QTest::newRow("hundreds of ms") << qint64(123'400'000) << QStringLiteral("123.4 ms");
    QTest::newRow("rounds up to s") << qint64(999'970'000) << QStringLiteral("1.00 s");
    QTest::newRow("seconds") << qint64(1'420'000'000) << QStringLiteral("1.42 s");
    QTest::newRow("tens of seconds") << qint64(12'340'000'000) << QStringLiteral("12.3 s");
}

void TestTimingWaterfall::formatDuration()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(TimingWaterfall::formatDuration(ns), text);
}

void TestTimingWaterfall::httpHasNoTlsRow()
{
    TimingWaterfall view;
    place(view);
    view.setTimings(httpTimings());
    QVERIFY(view.barRect(Stage::Tls).isEmpty());
    QVERIFY(view.barRect(Stage::Tls).isNull());
    for (const Stage stage : { Stage::Resolve, Stage::Connect, Stage::Wait, Stage::Download })
        QVERIFY2(!view.barRect(stage).isEmpty(), qPrintable(HttpTimings::stageName(stage)));
    // The skipped stage leaves no gap: Waiting sits in the row right under Connect.
    const qreal rowStep = view.barRect(Stage::Connect).top() - view.barRect(Stage::Resolve).top();
    QVERIFY(rowStep > 0);
    QCOMPARE(view.barRect(Stage::Wait).top() - view.barRect(Stage::Connect).top(), rowStep);

    // A name that needed no lookup: no Resolve row either.
    HttpTimings noLookup = httpTimings();
    noLookup.at(Stage::Resolve) = HttpStageTiming { Stage::Resolve, -1, -1, false };
    view.setTimings(noLookup);
    QVERIFY(view.barRect(Stage::Resolve).isEmpty());
    QVERIFY(!view.barRect(Stage::Connect).isEmpty());
    QVERIFY(!view.grab().isNull());
}

void TestTimingWaterfall::barsInTimeOrderAndProportional()
{
    TimingWaterfall view;
    place(view);
    const HttpTimings timings = httpsTimings();
    view.setTimings(timings);
    QCOMPARE(view.timings().totalNs, timings.totalNs);

    // The axis runs from the start of Resolve (time zero) to the end of Download (the total).
    const qreal zeroX = view.barRect(Stage::Resolve).left();
    const qreal pxPerNs = (view.barRect(Stage::Download).right() - zeroX) / double(timings.totalNs);
    QVERIFY(pxPerNs > 0);
    QRectF previous;
    for (const Stage stage : kAllStages) {
        const QRectF bar = view.barRect(stage);
        const HttpStageTiming &timing = timings.at(stage);
        const QByteArray name = HttpTimings::stageName(stage).toUtf8();
        QVERIFY2(!bar.isEmpty(), name.constData());
        QVERIFY2(bar.left() >= 0 && bar.right() <= view.width(), name.constData());
        QVERIFY2(qAbs(bar.left() - (zeroX + timing.beginNs * pxPerNs)) <= 2, name.constData());
        QVERIFY2(qAbs(bar.width() - timing.durationNs() * pxPerNs) <= 2, name.constData());
        if (!previous.isNull()) {
            QVERIFY2(bar.left() >= previous.right() - 1, name.constData()); // later in time: further right
            QVERIFY2(bar.top() > previous.top(), name.constData()); // and one row down
        }
        previous = bar;
    }
    // The axis fills most of the widget: the label column and margins take the rest.
    QVERIFY(view.barRect(Stage::Download).right() - zeroX > view.width() / 2);

    // Wider widget, wider bars, same proportions.
    const qreal narrowTls = view.barRect(Stage::Tls).width();
    place(view, 1000);
    QVERIFY(view.barRect(Stage::Tls).width() > narrowTls);
}

void TestTimingWaterfall::failedStageIsRedAndStriped()
{
    TimingWaterfall view;
    place(view);
    // The TLS handshake started and never finished.
    view.setTimings(
        makeTimings({ { Stage::Resolve, 0, 12.5 }, { Stage::Connect, 12.5, 31.0 }, { Stage::Tls, 31.0, -1 } }, 140.0));
    const QImage healthy = view.grab().toImage();
    QVERIFY(!pixelsIn(healthy, view.barRect(Stage::Tls)).isEmpty());

    HttpTimings timings = view.timings();
    timings.at(Stage::Tls).failed = true;
    view.setTimings(timings);
    const QRectF bar = view.barRect(Stage::Tls);
    QVERIFY(!bar.isEmpty());
    // It reaches the moment the request gave up.
    QVERIFY(bar.right() >= view.barRect(Stage::Connect).right() + 10);

    const QImage image = view.grab().toImage();
    const QList<QRgb> pixels = pixelsIn(image, bar);
    QVERIFY(pixels.size() > 20);
    const qsizetype red = std::count_if(pixels.cbegin(), pixels.cend(), isRedDominant);
    QVERIFY2(red > pixels.size() / 2, qPrintable(QStringLiteral("%1 of %2 red").arg(red).arg(pixels.size())));
    // Striped, not flat: more than one colour inside the bar.
    QSet<QRgb> colours(pixels.cbegin(), pixels.cend());
    QVERIFY(colours.size() > 2);
    // The same bar while it was merely running was not red.
    const QList<QRgb> before = pixelsIn(healthy, view.barRect(Stage::Tls));
    QCOMPARE(std::count_if(before.cbegin(), before.cend(), isRedDominant), qsizetype(0));
}

void TestTimingWaterfall::runningStageReachesTheTotal()
{
    TimingWaterfall view;
    place(view);
    view.setTimings(makeTimings({ { Stage::Resolve, 0, 2 }, { Stage::Connect, 2, 3 }, { Stage::Wait, 3, -1 } }, 10));
    const QRectF early = view.barRect(Stage::Wait);
    QVERIFY(!early.isEmpty());
    QVERIFY(early.right() > view.barRect(Stage::Connect).right());
    // It ends where the axis ends: at "now".
    view.setTimings(makeTimings({ { Stage::Resolve, 0, 2 }, { Stage::Connect, 2, 3 }, { Stage::Wait, 3, 10 } }, 10));
    QCOMPARE(early, view.barRect(Stage::Wait));

    // As time passes, the earlier stages shrink on the growing axis and the running one grows.
    view.setTimings(makeTimings({ { Stage::Resolve, 0, 2 }, { Stage::Connect, 2, 3 }, { Stage::Wait, 3, -1 } }, 40));
    QVERIFY(view.barRect(Stage::Wait).width() > early.width());
    QVERIFY(view.barRect(Stage::Resolve).width() < view.barRect(Stage::Wait).width() / 10);
    QVERIFY(!view.grab().isNull());
}

void TestTimingWaterfall::emptyStateAndClear()
{
    TimingWaterfall view;
    place(view);
    for (const Stage stage : kAllStages)
        QVERIFY(view.barRect(stage).isEmpty());
    const QImage empty = view.grab().toImage();
    QVERIFY(!empty.isNull());
    // The sentence is drawn: not every pixel is the background.
    const QRgb background = empty.pixel(0, 0);
    bool drawn = false;
    for (int y = 0; y < empty.height() && !drawn; ++y) {
        for (int x = 0; x < empty.width() && !drawn; ++x)
            drawn = empty.pixel(x, y) != background;
    }
    QVERIFY(drawn);

    view.setTimings(httpsTimings());
    QVERIFY(!view.barRect(Stage::Tls).isEmpty());
    view.clear();
    for (const Stage stage : kAllStages)
        QVERIFY(view.barRect(stage).isEmpty());
    QCOMPARE(view.timings().totalNs, qint64(0));
    QCOMPARE(view.grab().toImage(), empty);

    // Malformed input (no stage entries at all) is also just empty.
    HttpTimings none;
    none.stages.clear();
    none.totalNs = ns(5);
    view.setTimings(none);
    QVERIFY(view.barRect(Stage::Resolve).isEmpty());
    QVERIFY(!view.grab().isNull());
    // And a widget too small for anything still paints.
    view.setTimings(httpsTimings());
    view.resize(10, 10);
    QVERIFY(!view.grab().isNull());
}

void TestTimingWaterfall::subMillisecondStagesStayVisible()
{
    TimingWaterfall view;
    place(view);
    // A cached lookup (20 µs) and a loopback connect (80 µs) next to a slow server.
    view.setTimings(makeTimings({ { Stage::Resolve, 0, 0.02 }, { Stage::Connect, 0.02, 0.1 },
                                    { Stage::Wait, 0.1, 10'000 }, { Stage::Download, 10'000, 10'000.3 } },
        10'000.3));
    for (const Stage stage : { Stage::Resolve, Stage::Connect, Stage::Download }) {
        const QRectF bar = view.barRect(stage);
        QVERIFY2(bar.width() >= 2, qPrintable(HttpTimings::stageName(stage)));
        QVERIFY2(bar.right() <= view.width(), qPrintable(HttpTimings::stageName(stage)));
    }
    QVERIFY(view.barRect(Stage::Download).left() >= view.barRect(Stage::Connect).right());
}

void TestTimingWaterfall::extremeTotals_data()
{
    QTest::addColumn<HttpTimings>("timings");
    QTest::newRow("zero total") << makeTimings(
        { { Stage::Resolve, 0, 0 }, { Stage::Connect, 0, 0 }, { Stage::Wait, 0, 0 } }, 0);
    QTest::newRow("zero total, running") << makeTimings({ { Stage::Resolve, 0, -1 } }, 0);
    QTest::newRow("ten seconds") << makeTimings({ { Stage::Resolve, 0, 1 }, { Stage::Connect, 1, 9'000 },
                                                    { Stage::Wait, 9'000, 9'999 }, { Stage::Download, 9'999, 10'000 } },
        10'000);
    QTest::newRow("an hour") << makeTimings({ { Stage::Connect, 0, 3'600'000 } }, 3'600'000);
    QTest::newRow("one nanosecond") << makeTimings({ { Stage::Connect, 0, 0.000001 } }, 0.000001);
    QTest::newRow("total behind the stages") << makeTimings({ { Stage::Connect, 0, 5 }, { Stage::Wait, 5, 9 } }, 2);
}

void TestTimingWaterfall::extremeTotals()
{
    QFETCH(HttpTimings, timings);
    for (const int width : { 640, 200, 1 }) {
        TimingWaterfall view;
        place(view, width);
        view.setTimings(timings);
        for (const Stage stage : kAllStages) {
            const QRectF bar = view.barRect(stage);
            if (!timings.at(stage).happened()) {
                QVERIFY(bar.isEmpty());
                continue;
            }
            QVERIFY(std::isfinite(bar.left()) && std::isfinite(bar.width()));
            QVERIFY(bar.width() >= 2);
            if (width > 100)
                QVERIFY(bar.left() >= 0 && bar.right() <= width);
        }
        QVERIFY(!view.grab().isNull());
    }
}

void TestTimingWaterfall::toolTipDescribesTheStage()
{
    TimingWaterfall view;
    place(view);
    view.setTimings(httpsTimings());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QPoint onTls = view.barRect(Stage::Tls).center().toPoint();
    QHelpEvent help(QEvent::ToolTip, onTls, view.mapToGlobal(onTls));
    QApplication::sendEvent(&view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(tip.contains(QLatin1String("TLS")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("31.0 ms")), qPrintable(tip)); // began
    QVERIFY2(tip.contains(QLatin1String("78.4 ms")), qPrintable(tip)); // ended
    QVERIFY2(tip.contains(QLatin1String("47.4 ms")), qPrintable(tip)); // took

    // Below the last row there is nothing to explain.
    const QPoint below(onTls.x(), view.height() - 2);
    QHelpEvent nothing(QEvent::ToolTip, below, view.mapToGlobal(below));
    QApplication::sendEvent(&view, &nothing);
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestTimingWaterfall::grabsForReview()
{
    // Pictures for a person to look at (not compared): kept in SWB_GRAB_DIR when it is set, else written to a
    // temporary folder so the path is exercised every run.
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    const auto save = [&dir](TimingWaterfall &view, const char *name) {
        return view.grab().save(dir + QStringLiteral("/waterfall-%1.png").arg(QLatin1String(name)));
    };

    TimingWaterfall view;
    place(view);
    QVERIFY(save(view, "empty"));
    view.setTimings(httpTimings());
    QVERIFY(save(view, "http"));
    view.setTimings(httpsTimings());
    QVERIFY(save(view, "https"));
    view.setTimings(
        makeTimings({ { Stage::Resolve, 0, 0.02 }, { Stage::Connect, 0.02, 0.1 }, { Stage::Wait, 0.1, -1 } }, 1'742));
    QVERIFY(save(view, "running"));
    HttpTimings failed = makeTimings(
        { { Stage::Resolve, 0, 12.5 }, { Stage::Connect, 12.5, 31.0 }, { Stage::Tls, 31.0, -1 } }, 10'031);
    failed.at(Stage::Tls).failed = true;
    view.setTimings(failed);
    QVERIFY(save(view, "failed"));

    view.setTimings(makeTimings({ { Stage::Resolve, 0, 0.02 }, { Stage::Connect, 0.02, 0.1 },
                                    { Stage::Wait, 0.1, 0.45 }, { Stage::Download, 0.45, 0.61 } },
        0.61));
    QVERIFY(save(view, "loopback"));

    view.setTimings(httpsTimings());
    place(view, view.minimumSizeHint().width());
    QVERIFY(save(view, "narrow"));

    QPalette dark = view.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    view.setPalette(dark);
    view.setAutoFillBackground(true);
    QVERIFY(Theme::isDark(view.palette()));
    place(view);
    QVERIFY(save(view, "https-dark"));
    view.setTimings(failed);
    QVERIFY(save(view, "failed-dark"));
}

QTEST_MAIN(TestTimingWaterfall)
#include "tst_timingwaterfall.moc"
