// PayloadCodec: escaped text, hex and the hexdump -C view, with every rule tried both ways and
// round trips over all 256 byte values. The hexDump expectations were produced by the real
// `hexdump -C` (bsdextrautils 2.38) and pasted in.

#include "net/payloadcodec.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

QByteArray allBytes()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes += char(b);
    return bytes;
}

} // namespace

class TestPayloadCodec : public QObject {
    Q_OBJECT

private slots:
    void fromEscapedText_data();
    void fromEscapedText();
    void fromEscapedTextErrors_data();
    void fromEscapedTextErrors();
    void toEscapedText_data();
    void toEscapedText();
    void escapedRoundTripEveryByte_data();
    void escapedRoundTripEveryByte();
    void escapedRoundTripRandom();
    void fromHex_data();
    void fromHex();
    void fromHexErrors_data();
    void fromHexErrors();
    void toHex_data();
    void toHex();
    void hexRoundTripEveryByte();
    void hexDump_data();
    void hexDump();
    void hexDumpShowsEveryLine();
};

void TestPayloadCodec::fromEscapedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("plain") << QStringLiteral("hello") << QByteArray("hello");
    QTest::newRow("http request") << QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n")
                                  << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("tab") << QStringLiteral("a\\tb") << QByteArray("a\tb");
    QTest::newRow("newline") << QStringLiteral("\\n") << QByteArray("\n");
    QTest::newRow("backslash") << QStringLiteral("C:\\\\dir") << QByteArray("C:\\dir");
    QTest::newRow("nul") << QStringLiteral("a\\0b") << QByteArray("a\0b", 3);
    QTest::newRow("nul then digits") << QStringLiteral("\\012")
                                     << QByteArray("\0"
                                                   "12",
                                            3);
    QTest::newRow("hex lower") << QStringLiteral("\\x0a\\xff") << QByteArray("\x0a\xff");
    QTest::newRow("hex upper") << QStringLiteral("\\xAB\\xcD") << QByteArray("\xab\xcd");
    QTest::newRow("hex takes two digits only") << QStringLiteral("\\x414") << QByteArray("A4");
    QTest::newRow("hex nul") << QStringLiteral("\\x00") << QByteArray("\0", 1);
    QTest::newRow("utf8 two bytes") << QStringLiteral("caf\u00e9") << QByteArray("caf\xc3\xa9");
    QTest::newRow("utf8 euro") << QStringLiteral("\u20ac") << QByteArray("\xe2\x82\xac");
    QTest::newRow("utf8 surrogate pair") << QString::fromUtf8("\xf0\x9f\x98\x80") << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("utf8 then escape") << QStringLiteral("\u00e9\\n\u00e9") << QByteArray("\xc3\xa9\n\xc3\xa9");
    QTest::newRow("literal quote") << QStringLiteral("say \"hi\"") << QByteArray("say \"hi\"");
    QTest::newRow("escaped backslash before n") << QStringLiteral("\\\\n") << QByteArray("\\n");
}

void TestPayloadCodec::fromEscapedText()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromEscapedText(text);
    QVERIFY2(decoded.bytes.has_value(), qPrintable(decoded.error));
    QCOMPARE(*decoded.bytes, bytes);
    QVERIFY(decoded.error.isEmpty());
}

void TestPayloadCodec::fromEscapedTextErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // a part of the message that must be there

    QTest::newRow("unknown escape") << QStringLiteral(
        "abcd\\q") << QStringLiteral("Unknown escape \\q at character 5; use \\r \\n \\t \\\\ \\0 or \\xNN");
    QTest::newRow("unknown escape first") << QStringLiteral("\\a") << QStringLiteral("\\a at character 1");
    QTest::newRow("escaped space") << QStringLiteral("x\\ y")
                                   << QStringLiteral("character 2: a backslash followed by U+0020");
    QTest::newRow("escaped tab") << QStringLiteral("\\\t") << QStringLiteral("followed by U+0009");
    QTest::newRow("upper case N") << QStringLiteral("\\N") << QStringLiteral("Unknown escape \\N at character 1");
    QTest::newRow("lone backslash") << QStringLiteral("abc\\")
                                    << QStringLiteral("Lone backslash at the end (character 4)");
    QTest::newRow("only backslash") << QStringLiteral("\\") << QStringLiteral("character 1");
    QTest::newRow("x without digits") << QStringLiteral("ab\\x")
                                      << QStringLiteral("\\x at character 3 needs exactly two hex digits");
    QTest::newRow("x with one digit") << QStringLiteral("\\x4") << QStringLiteral("\\x at character 1");
    QTest::newRow("x with one digit then text") << QStringLiteral("\\x4g") << QStringLiteral("two hex digits");
    QTest::newRow("x with non-hex") << QStringLiteral("\\xzz") << QStringLiteral("two hex digits");
    QTest::newRow("position counts characters, not UTF-16 units")
        << QString::fromUtf8("\xf0\x9f\x98\x80\\q") << QStringLiteral("at character 2");
    QTest::newRow("error after valid escapes") << QStringLiteral("\\r\\n\\k") << QStringLiteral("\\k at character 5");
}

void TestPayloadCodec::fromEscapedTextErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromEscapedText(text);
    QVERIFY(!decoded.bytes.has_value());
    QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

void TestPayloadCodec::toEscapedText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << 0 << QString();
    QTest::newRow("plain") << QByteArray("Hello, world!") << 0 << QStringLiteral("Hello, world!");
    QTest::newRow("crlf") << QByteArray("a\r\nb") << 0 << QStringLiteral("a\\r\\nb");
    QTest::newRow("tab") << QByteArray("\t") << 0 << QStringLiteral("\\t");
    QTest::newRow("nul") << QByteArray("\0", 1) << 0 << QStringLiteral("\\0");
    QTest::newRow("backslash doubled") << QByteArray("a\\b") << 0 << QStringLiteral("a\\\\b");
    QTest::newRow("space and tilde as is") << QByteArray(" ~") << 0 << QStringLiteral(" ~");
    QTest::newRow("del is hex") << QByteArray("\x7f") << 0 << QStringLiteral("\\x7f");
    QTest::newRow("control is hex") << QByteArray("\x01\x1b") << 0 << QStringLiteral("\\x01\\x1b");
    QTest::newRow("high bytes lower-case hex") << QByteArray("\xc3\xa9\xff") << 0 << QStringLiteral("\\xc3\\xa9\\xff");
    QTest::newRow("cut") << QByteArray("abcdef") << 3 << QStringLiteral("abc...");
    QTest::newRow("cut exact length") << QByteArray("abc") << 3 << QStringLiteral("abc");
    QTest::newRow("cut shorter") << QByteArray("ab") << 3 << QStringLiteral("ab");
    QTest::newRow("cut counts bytes not text") << QByteArray("\r\n\r\n") << 2 << QStringLiteral("\\r\\n...");
    QTest::newRow("negative max is no limit") << QByteArray("abcdef") << -1 << QStringLiteral("abcdef");
}

void TestPayloadCodec::toEscapedText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxBytes);
    QFETCH(QString, text);
    QCOMPARE(swb::PayloadCodec::toEscapedText(bytes, maxBytes), text);
}

void TestPayloadCodec::escapedRoundTripEveryByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    for (int b = 0; b < 256; ++b)
        QTest::addRow("byte %02x", b) << QByteArray(1, char(b));
    QTest::newRow("all 256 in order") << allBytes();
    QByteArray reversed = allBytes();
    std::reverse(reversed.begin(), reversed.end());
    QTest::newRow("all 256 reversed") << reversed;
    // Sequences whose escaped forms could be misread if an escape swallowed its neighbour.
    QTest::newRow("nul before digits") << QByteArray("\0"
                                                     "00x41",
        6);
    QTest::newRow("backslash before x") << QByteArray("\\x41");
    QTest::newRow("backslash before n") << QByteArray("\\n\\\\");
}

void TestPayloadCodec::escapedRoundTripEveryByte()
{
    QFETCH(QByteArray, bytes);
    const QString text = swb::PayloadCodec::toEscapedText(bytes);
    for (const QChar c : text)
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() <= 0x7e, qPrintable(text));
    const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromEscapedText(text);
    QVERIFY2(decoded.bytes.has_value(), qPrintable(decoded.error));
    QCOMPARE(*decoded.bytes, bytes);
}

void TestPayloadCodec::escapedRoundTripRandom()
{
    QRandomGenerator random(20240611); // fixed seed: a failure repeats
    for (int round = 0; round < 2000; ++round) {
        QByteArray bytes(int(random.bounded(64)), '\0');
        for (char &b : bytes)
            b = char(random.bounded(256));
        const swb::PayloadCodec::Decoded decoded
            = swb::PayloadCodec::fromEscapedText(swb::PayloadCodec::toEscapedText(bytes));
        QVERIFY(decoded.bytes.has_value());
        QCOMPARE(*decoded.bytes, bytes);
        const swb::PayloadCodec::Decoded hex = swb::PayloadCodec::fromHex(swb::PayloadCodec::toHex(bytes));
        QVERIFY(hex.bytes.has_value());
        QCOMPARE(*hex.bytes, bytes);
    }
}

void TestPayloadCodec::fromHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("only spaces") << QStringLiteral("  \t\n ") << QByteArray();
    QTest::newRow("run") << QStringLiteral("48656c") << QByteArray("Hel");
    QTest::newRow("spaced") << QStringLiteral("48 65 6c") << QByteArray("Hel");
    QTest::newRow("upper case") << QStringLiteral("48:65:6C") << QByteArray("Hel");
    QTest::newRow("0x and commas") << QStringLiteral("0x48,0x65") << QByteArray("He");
    QTest::newRow("0X upper prefix") << QStringLiteral("0X48 0X65") << QByteArray("He");
    QTest::newRow("0x comma space") << QStringLiteral("0x48, 0x65, 0x6c") << QByteArray("Hel");
    QTest::newRow("dashes") << QStringLiteral("48-65-6c") << QByteArray("Hel");
    QTest::newRow("tabs and newlines") << QStringLiteral("48\t65\n6c\r\n") << QByteArray("Hel");
    QTest::newRow("mixed groups") << QStringLiteral("4865 6c6c6f") << QByteArray("Hello");
    QTest::newRow("prefix before a run") << QStringLiteral("0x4865") << QByteArray("He");
    QTest::newRow("prefixes back to back") << QStringLiteral("0x480x65") << QByteArray("He");
    QTest::newRow("repeated separators") << QStringLiteral("48,, 65") << QByteArray("He");
    QTest::newRow("zero byte") << QStringLiteral("00") << QByteArray("\0", 1);
    QTest::newRow("0x00") << QStringLiteral("0x00") << QByteArray("\0", 1);
    QTest::newRow("ff") << QStringLiteral("ff FF") << QByteArray("\xff\xff");
    QTest::newRow("mac address") << QStringLiteral("00:1a:2B:3c:4D:5e") << QByteArray("\x00\x1a\x2b\x3c\x4d\x5e", 6);
}

void TestPayloadCodec::fromHex()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromHex(text);
    QVERIFY2(decoded.bytes.has_value(), qPrintable(decoded.error));
    QCOMPARE(*decoded.bytes, bytes);
}

void TestPayloadCodec::fromHexErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("single digit between separators")
        << QStringLiteral("4 65") << QStringLiteral("'4' at character 1 stands alone: each byte needs two hex digits");
    QTest::newRow("single digit at the end") << QStringLiteral("48 6") << QStringLiteral("'6' at character 4");
    QTest::newRow("odd run") << QStringLiteral("48656") << QStringLiteral("each byte needs two hex digits");
    QTest::newRow("0x with one digit") << QStringLiteral("0x4,0x65") << QStringLiteral("two hex digits");
    QTest::newRow("non-hex letter") << QStringLiteral("48 6g")
                                    << QStringLiteral("'g' at character 5 is not a hex digit");
    QTest::newRow("non-hex first") << QStringLiteral("zz") << QStringLiteral("'z' at character 1");
    QTest::newRow("semicolon") << QStringLiteral("48;65") << QStringLiteral("';' at character 3");
    QTest::newRow("bare 0x") << QStringLiteral("0x") << QStringLiteral("0x at character 1 must be followed");
    QTest::newRow("0x then separator") << QStringLiteral("48 0x 65") << QStringLiteral("0x at character 4");
    QTest::newRow("x without 0") << QStringLiteral("x48") << QStringLiteral("'x' at character 1");
    QTest::newRow("invisible character named")
        << QStringLiteral("48\u200b65") << QStringLiteral("U+200B at character 3");
    QTest::newRow("non-ASCII digit") << QStringLiteral("4\u0665")
                                     << QStringLiteral("at character 2 is not a hex digit");
    QTest::newRow("position after emoji") << QString::fromUtf8("\xf0\x9f\x98\x80") << QStringLiteral("at character 1");
}

void TestPayloadCodec::fromHexErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromHex(text);
    QVERIFY(!decoded.bytes.has_value());
    QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

void TestPayloadCodec::toHex_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("one") << QByteArray("\x0a") << QStringLiteral("0a");
    QTest::newRow("hel") << QByteArray("Hel") << QStringLiteral("48 65 6c");
    QTest::newRow("high and nul") << QByteArray("\xff\0\x80", 3) << QStringLiteral("ff 00 80");
}

void TestPayloadCodec::toHex()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(swb::PayloadCodec::toHex(bytes), text);
}

void TestPayloadCodec::hexRoundTripEveryByte()
{
    const QByteArray bytes = allBytes();
    for (int b = 0; b < 256; ++b) {
        const QByteArray one(1, char(b));
        const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromHex(swb::PayloadCodec::toHex(one));
        QVERIFY(decoded.bytes.has_value());
        QCOMPARE(*decoded.bytes, one);
    }
    const swb::PayloadCodec::Decoded decoded = swb::PayloadCodec::fromHex(swb::PayloadCodec::toHex(bytes));
    QVERIFY(decoded.bytes.has_value());
    QCOMPARE(*decoded.bytes, bytes);
    const swb::PayloadCodec::Decoded upper = swb::PayloadCodec::fromHex(QString::fromLatin1(bytes.toHex().toUpper()));
    QVERIFY(upper.bytes.has_value());
    QCOMPARE(*upper.bytes, bytes);
}

void TestPayloadCodec::hexDump_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("dump");

    // hexdump -C prints nothing for empty input.
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("hello") << QByteArray("Hello\n")
                           << QStringLiteral("00000000  48 65 6c 6c 6f 0a                                 |Hello.|\n"
                                             "00000006");
    QTest::newRow("8 bytes") << QByteArray("01234567")
                             << QStringLiteral(
                                    "00000000  30 31 32 33 34 35 36 37                           |01234567|\n"
                                    "00000008");
    QTest::newRow("9 bytes") << QByteArray("012345678")
                             << QStringLiteral(
                                    "00000000  30 31 32 33 34 35 36 37  38                       |012345678|\n"
                                    "00000009");
    QTest::newRow("16 bytes") << QByteArray("0123456789abcdef")
                              << QStringLiteral(
                                     "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                                     "00000010");
    QTest::newRow("17 bytes") << QByteArray("0123456789abcdefg")
                              << QStringLiteral(
                                     "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                                     "00000010  67                                                |g|\n"
                                     "00000011");
    QTest::newRow("http request")
        << QByteArray("GET / HTTP/1.0\r\n\r\n")
        << QStringLiteral("00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 30 0d 0a  |GET / HTTP/1.0..|\n"
                          "00000010  0d 0a                                             |..|\n"
                          "00000012");
    QTest::newRow("high bytes and marks")
        << QByteArray("\xff\xfe\x7f\x80 ~\\\"")
        << QStringLiteral("00000000  ff fe 7f 80 20 7e 5c 22                           |.... ~\\\"|\n"
                          "00000008");
    QTest::newRow("utf8 euro") << QByteArray("\xe2\x82\xac")
                               << QStringLiteral("00000000  e2 82 ac                                          |...|\n"
                                                 "00000003");
    QTest::newRow("all 256") << allBytes()
                             << QStringLiteral(
                                    "00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|\n"
                                    "00000010  10 11 12 13 14 15 16 17  18 19 1a 1b 1c 1d 1e 1f  |................|\n"
                                    "00000020  20 21 22 23 24 25 26 27  28 29 2a 2b 2c 2d 2e 2f  | !\"#$%&'()*+,-./|\n"
                                    "00000030  30 31 32 33 34 35 36 37  38 39 3a 3b 3c 3d 3e 3f  |0123456789:;<=>?|\n"
                                    "00000040  40 41 42 43 44 45 46 47  48 49 4a 4b 4c 4d 4e 4f  |@ABCDEFGHIJKLMNO|\n"
                                    "00000050  50 51 52 53 54 55 56 57  58 59 5a 5b 5c 5d 5e 5f  |PQRSTUVWXYZ[\\]^_|\n"
                                    "00000060  60 61 62 63 64 65 66 67  68 69 6a 6b 6c 6d 6e 6f  |`abcdefghijklmno|\n"
                                    "00000070  70 71 72 73 74 75 76 77  78 79 7a 7b 7c 7d 7e 7f  |pqrstuvwxyz{|}~.|\n"
                                    "00000080  80 81 82 83 84 85 86 87  88 89 8a 8b 8c 8d 8e 8f  |................|\n"
                                    "00000090  90 91 92 93 94 95 96 97  98 99 9a 9b 9c 9d 9e 9f  |................|\n"
                                    "000000a0  a0 a1 a2 a3 a4 a5 a6 a7  a8 a9 aa ab ac ad ae af  |................|\n"
                                    "000000b0  b0 b1 b2 b3 b4 b5 b6 b7  b8 b9 ba bb bc bd be bf  |................|\n"
                                    "000000c0  c0 c1 c2 c3 c4 c5 c6 c7  c8 c9 ca cb cc cd ce cf  |................|\n"
                                    "000000d0  d0 d1 d2 d3 d4 d5 d6 d7  d8 d9 da db dc dd de df  |................|\n"
                                    "000000e0  e0 e1 e2 e3 e4 e5 e6 e7  e8 e9 ea eb ec ed ee ef  |................|\n"
                                    "000000f0  f0 f1 f2 f3 f4 f5 f6 f7  f8 f9 fa fb fc fd fe ff  |................|\n"
                                    "00000100");
    // Where hexdump -C would print '*' for the repeated line, we print it (this is hexdump -Cv).
    QTest::newRow("40 zeros, not collapsed")
        << QByteArray(40, '\0')
        << QStringLiteral("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
                          "00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
                          "00000020  00 00 00 00 00 00 00 00                           |........|\n"
                          "00000028");
}

void TestPayloadCodec::hexDump()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, dump);
    QCOMPARE(swb::PayloadCodec::hexDump(bytes), dump);
}

void TestPayloadCodec::hexDumpShowsEveryLine()
{
    const QByteArray bytes(16 * 100 + 3, 'A');
    const QStringList lines = swb::PayloadCodec::hexDump(bytes).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 100 + 1 + 1);
    QVERIFY(!lines.contains(QStringLiteral("*")));
    for (int i = 0; i < lines.size() - 1; ++i) {
        QCOMPARE(lines.at(i).left(8), QStringLiteral("%1").arg(i * 16, 8, 16, QLatin1Char('0')));
        QCOMPARE(lines.at(i).size(), i < 100 ? 78 : 10 + 16 * 3 + 1 + 2 + 3 + 1);
    }
    QCOMPARE(lines.last(), QStringLiteral("00000643"));
}

QTEST_GUILESS_MAIN(TestPayloadCodec)
#include "tst_payloadcodec.moc"
