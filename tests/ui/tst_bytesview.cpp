// The received-bytes view: escaped text with real line breaks, hex dump, counts, the cap.

#include "widgets/bytesview.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPlainTextEdit>
#include <QtTest>

using namespace swb;

class TestBytesView : public QObject {
    Q_OBJECT

private slots:
    void escapedWithBreaks_data();
    void escapedWithBreaks();
    void chunksRenderLikeTheWhole();
    void hexDumpAndBack();
    void countsAndClears();
    void keepsOnlyTheNewestBytes();
};

void TestBytesView::escapedWithBreaks_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shown");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("plain") << QByteArray("hello") << QStringLiteral("hello");
    QTest::newRow("one line") << QByteArray("hello\n") << QStringLiteral("hello\\n\n");
    QTest::newRow("two lines") << QByteArray("a\r\nb\r\n") << QStringLiteral("a\\r\\n\nb\\r\\n\n");
    QTest::newRow("backslash n is not a newline") << QByteArray("a\\nb") << QStringLiteral("a\\\\nb");
    QTest::newRow("tab and binary") << QByteArray("\t\x01\xff", 3) << QStringLiteral("\\t\\x01\\xff");
    QTest::newRow("only newlines") << QByteArray("\n\n") << QStringLiteral("\\n\n\\n\n");
}

void TestBytesView::escapedWithBreaks()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shown);
    QCOMPARE(BytesView::escapedWithBreaks(bytes), shown);
}

void TestBytesView::chunksRenderLikeTheWhole()
{
    const QByteArray all("Welcome, ('127.0.0.1', 5000)\nPlease enter a string:You entered 3 characters. \n");
    BytesView view;
    for (int i = 0; i < all.size(); i += 7)
        view.append(all.mid(i, 7));
    QCOMPARE(view.displayedText(), BytesView::escapedWithBreaks(all));
    QCOMPARE(view.data(), all);
    QCOMPARE(view.totalBytes(), qint64(all.size()));
}

void TestBytesView::hexDumpAndBack()
{
    BytesView view;
    view.show();
    view.append("hello\n");
    QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("bytesHexButton")), Qt::LeftButton);
    QCOMPARE(view.mode(), BytesView::Mode::HexDump);
    QVERIFY2(view.displayedText().startsWith(QLatin1String("00000000  68 65 6c 6c 6f 0a")),
        qPrintable(view.displayedText()));
    view.append("!");
    QVERIFY(view.displayedText().contains(QLatin1String("0a 21")));
    QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("bytesTextButton")), Qt::LeftButton);
    QCOMPARE(view.displayedText(), QStringLiteral("hello\\n\n!"));
}

void TestBytesView::countsAndClears()
{
    BytesView view;
    auto *count = view.findChild<QLabel *>(QStringLiteral("receivedCountLabel"));
    QVERIFY(count->text().startsWith(QLatin1String("0 bytes")));
    view.append("x");
    QTRY_VERIFY(count->text().startsWith(QLatin1String("1 byte ")));
    view.append("yz");
    QTRY_VERIFY(count->text().startsWith(QLatin1String("3 bytes")));
    QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("bytesClearButton")), Qt::LeftButton);
    QCOMPARE(view.displayedText(), QString());
    QVERIFY(count->text().startsWith(QLatin1String("0 bytes")));
}

void TestBytesView::keepsOnlyTheNewestBytes()
{
    BytesView view;
    const QByteArray block(BytesView::kMaxKept / 2 + 1, 'a');
    view.append(block);
    view.append(block);
    view.append("tail");
    QCOMPARE(view.data().size(), BytesView::kMaxKept);
    QVERIFY(view.data().endsWith("tail"));
    QCOMPARE(view.totalBytes(), qint64(block.size()) * 2 + 4);
    QVERIFY(view.displayedText().endsWith(QLatin1String("tail")));
    QTRY_VERIFY(
        view.findChild<QLabel *>(QStringLiteral("receivedCountLabel"))->text().contains(QLatin1String("showing")));
}

QTEST_MAIN(TestBytesView)
#include "tst_bytesview.moc"
