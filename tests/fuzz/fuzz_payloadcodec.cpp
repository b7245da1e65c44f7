// libFuzzer target for PayloadCodec: arbitrary bytes go through every direction, and the round
// trips the bytes view relies on must hold (bytes -> escaped text -> bytes, bytes -> hex -> bytes).
// The same bytes, read as UTF-8, are fed to the two parsers, which must either decode or explain.

#include "net/payloadcodec.h"

#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_payloadcodec: %s\n", what);
        std::abort();
    }
}

void checkHexDump(const QByteArray &bytes)
{
    const QString dump = swb::PayloadCodec::hexDump(bytes);
    if (bytes.isEmpty()) {
        check(dump.isEmpty(), "hexDump of nothing is empty");
        return;
    }
    const QStringList lines = dump.split(QLatin1Char('\n'));
    const qsizetype dataLines = (bytes.size() + 15) / 16;
    check(lines.size() == dataLines + 1, "hexDump has one line per 16 bytes and a length line");
    check(lines.last() == QStringLiteral("%1").arg(quint64(bytes.size()), 8, 16, QLatin1Char('0')),
        "hexDump ends with the length");
    for (qsizetype i = 0; i < dataLines; ++i) {
        const qsizetype inLine = qMin<qsizetype>(16, bytes.size() - i * 16);
        check(lines.at(i).size() == 62 + inLine, "hexDump line has the hexdump -C width");
        check(lines.at(i).at(60) == QLatin1Char('|') && lines.at(i).endsWith(QLatin1Char('|')),
            "hexDump ASCII column is aligned");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // Bytes -> text -> bytes.
    const QString escaped = swb::PayloadCodec::toEscapedText(bytes);
    for (const QChar c : escaped)
        check(c.unicode() >= 0x20 && c.unicode() <= 0x7e, "escaped text is printable ASCII");
    const swb::PayloadCodec::Decoded unescaped = swb::PayloadCodec::fromEscapedText(escaped);
    check(unescaped.bytes.has_value(), "escaped text decodes");
    check(*unescaped.bytes == bytes, "escaped text round trip");

    if (size > 0) {
        const int maxBytes = data[0] % 32 + 1;
        const QString cut = swb::PayloadCodec::toEscapedText(bytes, maxBytes);
        if (qsizetype(size) > maxBytes)
            check(cut == swb::PayloadCodec::toEscapedText(bytes.left(maxBytes)) + QLatin1String("..."),
                "cut text is the first bytes and ...");
        else
            check(cut == escaped, "text shorter than the limit is not cut");
    }

    const swb::PayloadCodec::Decoded fromHex = swb::PayloadCodec::fromHex(swb::PayloadCodec::toHex(bytes));
    check(fromHex.bytes.has_value() && *fromHex.bytes == bytes, "hex round trip");

    checkHexDump(bytes);

    // The same input as typed text.
    const QString text = QString::fromUtf8(bytes);
    const swb::PayloadCodec::Decoded typed = swb::PayloadCodec::fromEscapedText(text);
    if (typed.bytes) {
        check(typed.error.isEmpty(), "no error with a result");
        if (!text.contains(QLatin1Char('\\')))
            check(*typed.bytes == text.toUtf8(), "text without escapes is its UTF-8");
        const swb::PayloadCodec::Decoded again
            = swb::PayloadCodec::fromEscapedText(swb::PayloadCodec::toEscapedText(*typed.bytes));
        check(again.bytes && *again.bytes == *typed.bytes, "decoded text round trip");
    } else {
        check(typed.error.contains(QLatin1String("character")), "escape error names the position");
    }

    const swb::PayloadCodec::Decoded typedHex = swb::PayloadCodec::fromHex(text);
    if (typedHex.bytes) {
        check(typedHex.bytes->size() <= text.size() / 2, "hex gives at most one byte per two characters");
        const swb::PayloadCodec::Decoded again = swb::PayloadCodec::fromHex(swb::PayloadCodec::toHex(*typedHex.bytes));
        check(again.bytes && *again.bytes == *typedHex.bytes, "decoded hex round trip");
    } else {
        check(typedHex.error.contains(QLatin1String("character")), "hex error names the position");
    }
    return 0;
}
