// Trace rows are coloured by kind in the views; the proxy must not change anything else.

#include "theme.h"
#include "trace/tracemodel.h"
#include "widgets/tracestyleproxy.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QtTest>

using namespace swb;

class TestTraceStyleProxy : public QObject {
    Q_OBJECT

private slots:
    void coloursByKind();
};

static TraceEvent makeEvent(TraceKind kind, const char *call, ErrorKind error = ErrorKind::None)
{
    TraceEvent e;
    e.kind = kind;
    e.call = QString::fromLatin1(call);
    e.result = QStringLiteral("ok");
    e.error = error;
    return e;
}

void TestTraceStyleProxy::coloursByKind()
{
    TraceModel model;
    TraceStyleProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QPalette palette = QGuiApplication::palette();
    proxy.setPalette(palette);

    model.appendBatch({ makeEvent(TraceKind::Call, "socket"), makeEvent(TraceKind::Sent, "send"),
        makeEvent(TraceKind::Received, "recv"), makeEvent(TraceKind::Error, "connect", ErrorKind::Connect) });
    QCOMPARE(proxy.rowCount(), 4);
    QCOMPARE(proxy.index(0, TraceModel::CallColumn).data().toString(), QStringLiteral("socket"));
    QVERIFY(!proxy.index(0, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(proxy.index(1, 0).data(Qt::ForegroundRole).value<QColor>(), Theme::sentColor(palette));
    QCOMPARE(proxy.index(2, 0).data(Qt::ForegroundRole).value<QColor>(), Theme::receivedColor(palette));
    QCOMPARE(proxy.index(3, 0).data(Qt::ForegroundRole).value<QColor>(), Theme::errorColor(palette));
    QCOMPARE(proxy.index(3, 0).data(Qt::BackgroundRole).value<QColor>(), Theme::errorBackground(palette));
    QVERIFY(!proxy.index(1, 0).data(Qt::BackgroundRole).isValid());
    // Errors are colours in the view, not different data.
    QCOMPARE(proxy.index(3, TraceModel::ResultColumn).data().toString(), QStringLiteral("ok"));

    // A light and a dark palette give different, readable colours.
    QPalette dark = palette;
    dark.setColor(QPalette::Window, Qt::black);
    dark.setColor(QPalette::WindowText, Qt::white);
    QVERIFY(Theme::isDark(dark));
    QVERIFY(Theme::errorColor(dark) != Theme::errorColor(palette));
    proxy.setPalette(dark);
    QCOMPARE(proxy.index(3, 0).data(Qt::ForegroundRole).value<QColor>(), Theme::errorColor(dark));

    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_MAIN(TestTraceStyleProxy)
#include "tst_tracestyleproxy.moc"
