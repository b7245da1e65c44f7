#include "payloadcodec.h"

#include <QCoreApplication>

namespace swb::PayloadCodec {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PayloadCodec)
};

const char kHexDigits[] = "0123456789abcdef";

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

bool isPrintableAscii(unsigned char b)
{
    return b >= 0x20 && b <= 0x7e;
}

char32_t codePointAt(const QString &text, int index)
{
    if (text.at(index).isHighSurrogate() && index + 1 < text.size() && text.at(index + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(text.at(index), text.at(index + 1));
    return text.at(index).unicode();
}

bool isVisible(char32_t cp)
{
    return cp > 0x20 && cp != 0x7f && QChar::isPrint(cp);
}

// How a character is named in an error: itself when it can be seen, its code point when not (a
// tab or a zero-width space in a message is invisible, and the person needs to find it).
QString describeChar(const QString &text, int index)
{
    const char32_t cp = codePointAt(text, index);
    if (isVisible(cp))
        return QLatin1Char('\'') + QString::fromUcs4(&cp, 1) + QLatin1Char('\'');
    return QStringLiteral("U+") + QString::number(quint32(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

// Positions in messages count characters as a person sees them (code points), from 1, so an
// emoji before the mistake does not shift the number by two.
class Positions {
public:
    explicit Positions(const QString &text)
        : m_text(text)
    {
    }
    int at(int index)
    {
        while (m_index < index) {
            if (m_text.at(m_index).isHighSurrogate() && m_index + 1 < m_text.size()
                && m_text.at(m_index + 1).isLowSurrogate())
                ++m_index;
            ++m_index;
            ++m_count;
        }
        return m_count + 1;
    }

private:
    const QString &m_text;
    int m_index = 0;
    int m_count = 0;
};

Decoded failure(const QString &message)
{
    return Decoded { std::nullopt, message };
}

} // namespace

Decoded fromEscapedText(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    Positions positions(text);
    int runStart = 0; // plain text is encoded a run at a time so surrogate pairs stay together
    const auto flushRun = [&](int end) {
        if (end > runStart)
            out += QStringView(text).mid(runStart, end - runStart).toUtf8();
    };
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('\\'))
            continue;
        flushRun(i);
        if (i + 1 >= text.size())
            return failure(Tr::tr("Lone backslash at the end (character %1); write \\\\ for a backslash")
                               .arg(QString::number(positions.at(i))));
        const char16_t e = text.at(i + 1).unicode();
        switch (e) {
        case 'r':
            out += '\r';
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case '\\':
            out += '\\';
            break;
        case '0':
            out += '\0';
            break;
        case 'x': {
            const int hi = i + 2 < text.size() ? hexValue(text.at(i + 2)) : -1;
            const int lo = i + 3 < text.size() ? hexValue(text.at(i + 3)) : -1;
            if (hi < 0 || lo < 0)
                return failure(
                    Tr::tr("Escape \\x at character %1 needs exactly two hex digits after it, as in \\x0a or \\xff")
                        .arg(QString::number(positions.at(i))));
            out += char(hi * 16 + lo);
            i += 2;
            break;
        }
        default: {
            const QString position = QString::number(positions.at(i));
            const char32_t escaped = codePointAt(text, i + 1);
            if (isVisible(escaped))
                return failure(Tr::tr("Unknown escape \\%1 at character %2; use \\r \\n \\t \\\\ \\0 or \\xNN")
                                   .arg(QString::fromUcs4(&escaped, 1), position));
            return failure(Tr::tr("Unknown escape at character %1: a backslash followed by %2; use \\r \\n \\t \\\\ "
                                  "\\0 or \\xNN")
                               .arg(position, describeChar(text, i + 1)));
        }
        }
        ++i;
        runStart = i + 1;
    }
    flushRun(text.size());
    return Decoded { out, {} };
}

QString toEscapedText(const QByteArray &bytes, int maxBytes)
{
    const bool cut = maxBytes > 0 && bytes.size() > maxBytes;
    const qsizetype n = cut ? maxBytes : bytes.size();
    QString out;
    out.reserve(n + 8);
    for (qsizetype i = 0; i < n; ++i) {
        const auto b = static_cast<unsigned char>(bytes.at(i));
        switch (b) {
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\0':
            out += QLatin1String("\\0");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        default:
            if (isPrintableAscii(b)) {
                out += QLatin1Char(char(b));
            } else {
                out += QLatin1String("\\x");
                out += QLatin1Char(kHexDigits[b >> 4]);
                out += QLatin1Char(kHexDigits[b & 0xf]);
            }
        }
    }
    if (cut)
        out += QLatin1String("...");
    return out;
}

Decoded fromHex(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    Positions positions(text);
    int pending = -1; // the first digit of a byte whose second digit has not come yet
    int pendingIndex = 0;
    const auto lonely = [&]() {
        const QChar digit = text.at(pendingIndex);
        return failure(Tr::tr("Hex digit '%1' at character %2 stands alone: each byte needs two hex digits "
                              "(write 0%1 for a single digit)")
                           .arg(QString(digit), QString::number(positions.at(pendingIndex))));
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == ':' || u == ',' || u == '-') {
            if (pending >= 0)
                return lonely();
            continue;
        }
        // A 0x prefix can only start a byte: mid-byte, "0x" would be a digit and then a non-digit.
        if (pending < 0 && u == '0' && i + 1 < text.size()
            && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))) {
            if (i + 2 >= text.size() || hexValue(text.at(i + 2)) < 0)
                return failure(Tr::tr("Prefix 0x at character %1 must be followed by two hex digits, as in 0x4f")
                                   .arg(QString::number(positions.at(i))));
            ++i;
            continue;
        }
        const int v = hexValue(c);
        if (v < 0)
            return failure(Tr::tr("%1 at character %2 is not a hex digit; use 0-9 and a-f, optionally separated "
                                  "by spaces, colons, commas or dashes")
                               .arg(describeChar(text, i), QString::number(positions.at(i))));
        if (pending < 0) {
            pending = v;
            pendingIndex = i;
        } else {
            out += char(pending * 16 + v);
            pending = -1;
        }
    }
    if (pending >= 0)
        return lonely();
    return Decoded { out, {} };
}

QString toHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

// Like hexdump -C, except that repeated identical lines are all shown instead of being folded
// into a '*' line (that is hexdump -Cv): a learner looking for byte 0x30 of a run of zeros must
// find it, and a view that hides lines needs explaining. Empty input gives empty text, as
// hexdump -C prints nothing for it.
QString hexDump(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    const auto offset = [](qsizetype n) { return QStringLiteral("%1").arg(quint64(n), 8, 16, QLatin1Char('0')); };
    constexpr qsizetype kLineWidth = 78; // "xxxxxxxx  " + 16 * "xx " + " " + " |" + 16 + "|"
    QString out;
    out.reserve((bytes.size() / 16 + 2) * (kLineWidth + 1));
    for (qsizetype line = 0; line < bytes.size(); line += 16) {
        out += offset(line);
        out += QLatin1String("  ");
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (line + i < bytes.size()) {
                const auto b = static_cast<unsigned char>(bytes.at(line + i));
                out += QLatin1Char(kHexDigits[b >> 4]);
                out += QLatin1Char(kHexDigits[b & 0xf]);
                out += QLatin1Char(' ');
                ascii += isPrintableAscii(b) ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1String(" |");
        out += ascii;
        out += QLatin1String("|\n");
    }
    out += offset(bytes.size());
    return out;
}

} // namespace swb::PayloadCodec
