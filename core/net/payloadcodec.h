#pragma once
// Turns what a person types into bytes and bytes into what a person can read: text with escapes
// (\r \n \t \\ \0 \xNN), hex (tolerant of spaces, 0x prefixes and colons), and a hexdump -C view.

#include <QByteArray>
#include <QString>

#include <optional>

namespace swb::PayloadCodec {

struct Decoded {
    std::optional<QByteArray> bytes;
    QString error; // plain words, naming the position, when bytes is empty
};

// "GET / HTTP/1.0\r\n\r\n" -> the bytes; text is encoded as UTF-8. Unknown or cut escapes are errors.
Decoded fromEscapedText(const QString &text);
// Bytes -> printable text: printable ASCII as is, \r \n \t \\ \0 and \xNN for the rest.
// maxBytes > 0 cuts the input and appends "..." when it was longer.
QString toEscapedText(const QByteArray &bytes, int maxBytes = 0);
// "48 65 6c", "0x48,0x65", "48:65:6C", "48656c" -> the bytes. Odd digit counts and non-hex are errors.
Decoded fromHex(const QString &text);
// Bytes -> "48 65 6c" (lower case, one space between bytes).
QString toHex(const QByteArray &bytes);
// The hexdump -C layout: "00000000  48 65 6c 6c 6f 0a  ...  |Hello.|", lines separated by '\n',
// ending with the total length line ("00000006"). Unlike hexdump -C, repeated identical lines are
// not collapsed into a '*' line (every line is shown, as hexdump -Cv does); empty input gives empty
// text, as hexdump -C prints nothing for it.
QString hexDump(const QByteArray &bytes);

} // namespace swb::PayloadCodec
