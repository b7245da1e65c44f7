#include "privacy.h"

#include "lookup/hostlookup.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <system_error>
#include <thread>
#include <vector>

namespace swb {

namespace {

bool isHex(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

// The characters an address is made of; a maximal run of them is one candidate.
bool isRunChar(QChar c)
{
    return isHex(c) || c == QLatin1Char(':') || c == QLatin1Char('.');
}

// A letter, digit or '_' next to a candidate makes it part of a word (v1.2.3.4, Foo::bar, 1.2.3.4x).
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool isZoneChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.'
        || u == '-';
}

bool isNameChar(QChar c)
{
    return isWordChar(c) || c == QLatin1Char('-');
}

struct Replacement {
    int start;
    int end;
    QString text;
};

// A strict dotted quad (what inet_pton accepts): four decimal parts 0..255 without leading zeros;
// with '-' as the separator, the quad inside a name (ip-10-0-0-5).
bool parseDottedQuad(const QChar *p, int length, quint32 *out, char16_t separator = u'.')
{
    quint32 value = 0;
    int parts = 0;
    int i = 0;
    while (i <= length) {
        int digits = 0;
        quint32 part = 0;
        const int first = i;
        while (i < length && isDigit(p[i])) {
            part = part * 10 + quint32(p[i].unicode() - '0');
            if (++digits > 3)
                return false;
            ++i;
        }
        if (digits == 0 || part > 255 || (digits > 1 && p[first] == QLatin1Char('0')))
            return false;
        value = (value << 8) | part;
        ++parts;
        if (i == length)
            break;
        if (p[i] != separator || parts == 4)
            return false;
        ++i;
    }
    if (parts != 4)
        return false;
    *out = value;
    return true;
}

bool parseIPv6(const QChar *p, int length, unsigned char *bytes)
{
    // The longest textual form: eight groups, or six and a dotted quad (45 characters).
    if (length > 45)
        return false;
    char text[46];
    for (int i = 0; i < length; ++i)
        text[i] = char(p[i].unicode()); // run characters are ASCII
    text[length] = '\0';
    return ::inet_pton(AF_INET6, text, bytes) == 1;
}

// Colon-separated byte pairs ("00:16:3e:12:34:56"): how many pairs, or 0 when [p, p + length) is not one.
int bytePairs(const QChar *p, int length)
{
    if (length < 2 || length % 3 != 2)
        return 0;
    for (int i = 0; i < length; ++i) {
        const bool separator = i % 3 == 2;
        if (separator ? p[i] != QLatin1Char(':') : !isHex(p[i]))
            return 0;
    }
    return (length + 1) / 3;
}

// All zeros or all ones: 00:00:00:00:00:00 and ff:ff:ff:ff:ff:ff identify no one.
bool isKeptMac(const QChar *p, int length)
{
    bool zero = true;
    bool ones = true;
    for (int i = 0; i < length; ++i) {
        if (i % 3 == 2)
            continue;
        zero = zero && p[i] == QLatin1Char('0');
        ones = ones && (p[i] == QLatin1Char('f') || p[i] == QLatin1Char('F'));
    }
    return zero || ones;
}

// Where the whole word that ends just before position 'end' starts, when it is one of 'words'
// (any letter case); -1 when it is none.
template<size_t N> int wordEndingAt(const QChar *p, int end, const char *const (&words)[N])
{
    int k = end;
    while (k > 0 && k > end - 24 && isWordChar(p[k - 1]))
        --k;
    if (k == end || (k > 0 && isWordChar(p[k - 1])))
        return -1;
    const QStringView word(p + k, end - k);
    for (const char *w : words)
        if (word.compare(QLatin1String(w), Qt::CaseInsensitive) == 0)
            return k;
    return -1;
}

bool isSpaceOnLine(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

bool isLoopbackName(const QString &name)
{
    static const char *const names[] = { "localhost", "localhost6", "ip6-localhost", "ip6-loopback",
        "localhost.localdomain", "localhost6.localdomain6" };
    for (const char *n : names)
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return true;
    return name.startsWith(QLatin1String("localhost."), Qt::CaseInsensitive);
}

bool isNumericAddress(const QString &name)
{
    const QByteArray text = name.toLatin1();
    unsigned char bytes[16];
    return ::inet_pton(AF_INET, text.constData(), bytes) == 1 || ::inet_pton(AF_INET6, text.constData(), bytes) == 1;
}

class Scanner {
public:
    Scanner(const QString &text, std::vector<Replacement> *out)
        : m_p(text.constData())
        , m_n(int(text.size()))
        , m_out(out)
    {
    }

    void run()
    {
        int i = 0;
        while (i < m_n) {
            if (!isRunChar(m_p[i])) {
                ++i;
                continue;
            }
            int j = i;
            int colons = 0;
            int dots = 0;
            int lastDouble = -1; // where the run's last "::" starts
            for (; j < m_n && isRunChar(m_p[j]); ++j) {
                if (m_p[j] == QLatin1Char(':')) {
                    if (colons > 0 && m_p[j - 1] == QLatin1Char(':'))
                        lastDouble = j - 1;
                    ++colons;
                } else if (m_p[j] == QLatin1Char('.')) {
                    ++dots;
                }
            }
            if (colons == 0 && dots < 3) {
                // A number, a hex word, a sentence's dot: the common case, decided at once; unless
                // it starts a dashed quad inside a name (ip-10-0-0-5).
                const bool dashed = j < m_n && m_p[j] == QLatin1Char('-') && i > 0 && m_p[i - 1] == QLatin1Char('-');
                i = dashed ? dashedQuad(i, j) : j;
                continue;
            }
            i = candidate(i, j, colons, dots, lastDouble);
        }
    }

private:
    QChar at(int i) const { return i >= 0 && i < m_n ? m_p[i] : QChar(); }

    // Looks at the run [start, end) with a colon or three dots; returns where scanning goes on.
    int candidate(int start, int end, int colons, int dots, int lastDouble)
    {
        const bool wordBefore = isWordChar(at(start - 1));
        const bool wordAfter = isWordChar(at(end));
        if (colons >= 2) {
            if (!wordBefore) {
                const int resume = ipv6(start, end, wordAfter);
                if (resume >= 0)
                    return resume;
            }
            // An address after a label has a "::" or seven colons (six before a dotted quad) and the
            // label's: times (12:30:45) and MACs are passed over at once.
            if (!wordAfter && (lastDouble >= 0 || colons >= 7)) {
                const int resume = labelledIPv6(start, end, colons, lastDouble, wordBefore);
                if (resume >= 0)
                    return resume;
            }
        }
        if (colons >= 5 && dots <= 1 && !wordAfter) {
            const int resume = hardwareAddress(start, end, wordBefore);
            if (resume >= 0)
                return resume;
        }
        if (dots >= 3) {
            if (at(end - 1) == QLatin1Char('.') && !wordBefore && reversePointer(start, end))
                return end;
            ipv4Pieces(start, end, wordBefore, wordAfter);
        }
        return end;
    }

    // An IPv6 address after a label and its colon, glued in one run: "IPv6:2001:db8::1",
    // "inet6:fe80::5", "src:2001:db8::1", "added:fe80::1" (and the address itself when the label
    // happens to be a valid group: "add:fe80::1" is one address). In a run glued to a word each
    // single ':' may end the label, and so may the first of ":::" ("IPv6:::ffff:c0a8:105"); a "::"
    // never does, so "Foo::bad" and "a::b::c" (C++ scopes) stay. A run that starts a word has one
    // label at most, before its first colon, with a hex letter: "1:2:3:4:5:6:7:8:9" is a list of
    // numbers. -1 when none.
    // The caller checks that no word follows: "std::vector", "Foo::bar" are no addresses.
    int labelledIPv6(int start, int end, int colons, int lastDouble, bool wordBefore)
    {
        int after = colons; // the colons after k
        for (int k = start; k < end; ++k) {
            if (m_p[k] != QLatin1Char(':'))
                continue;
            --after;
            if (after < 2)
                break; // "a::b" is the shortest address with a colon before it: two left
            if (!wordBefore) {
                bool number = true;
                for (int i = start; i < k; ++i)
                    number = number && isDigit(m_p[i]);
                if (number || at(k + 1) == QLatin1Char(':'))
                    return -1;
            }
            if (k > start && m_p[k - 1] == QLatin1Char(':'))
                continue;
            if (at(k + 1) == QLatin1Char(':') && at(k + 2) != QLatin1Char(':'))
                continue;
            // Without a "::" an address has seven colons (six before a dotted quad).
            if (lastDouble < k && after < 6)
                continue;
            const int resume = ipv6(k + 1, end, false);
            if (resume >= 0 || !wordBefore)
                return resume;
        }
        return -1;
    }

    // An address in [start, stop) as inet_pton reads it, but eight byte pairs (48:65:6c:6c:6f:0a:00:01)
    // are bytes: inet_ntop never writes an address so, and hex dumps and EUI-64s do.
    bool parse6(int start, int stop, unsigned char *bytes) const
    {
        if (stop - start == 23 && bytePairs(m_p + start, 23) == 8)
            return false;
        return parseIPv6(m_p + start, stop - start, bytes);
    }

    // An IPv6 address in [start, end), perhaps with one trailing '.' or ':' of punctuation
    // ("... at 2001:db8::1." or "2001:db8::1: refused"); -1 when there is none.
    int ipv6(int start, int end, bool wordAfter)
    {
        unsigned char bytes[16];
        int stop = end;
        bool found = !wordAfter && parse6(start, end, bytes);
        // Only before a space, the end, or closing punctuation: in "::ffff:«IPv4»" the colon is the
        // address's own.
        const QChar next = at(end);
        const bool punctuationMayFollow = next.isNull() || next.isSpace() || QStringView(u")]\"',;").contains(next);
        if (!found && punctuationMayFollow && end - start > 2) {
            const QChar last = m_p[end - 1];
            const bool trailingColon = last == QLatin1Char(':') && m_p[end - 2] != QLatin1Char(':');
            if (last == QLatin1Char('.') || trailingColon) {
                stop = end - 1;
                found = parse6(start, stop, bytes);
            }
        }
        if (!found)
            return -1;
        int resume = stop;
        if (stop == end && at(end) == QLatin1Char('%')) {
            // The zone names an interface of this machine, not the machine: it stays.
            int z = end + 1;
            while (z < m_n && isZoneChar(m_p[z]))
                ++z;
            if (z > end + 1)
                resume = z;
        }
        if (PrivacyMasker::isKeptIPv6(bytes))
            return resume;
        static const unsigned char mappedPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
        if (std::memcmp(bytes, mappedPrefix, 12) == 0) {
            int lastColon = stop - 1;
            while (lastColon > start && m_p[lastColon] != QLatin1Char(':'))
                --lastColon;
            bool dotted = false;
            for (int k = lastColon; k < stop; ++k)
                dotted = dotted || m_p[k] == QLatin1Char('.');
            if (dotted) {
                m_out->push_back({ lastColon + 1, stop, PrivacyMasker::ipv4Placeholder() });
                return resume;
            }
        }
        m_out->push_back({ start, stop, PrivacyMasker::ipv6Placeholder() });
        return resume;
    }

    // A hardware address in the run, alone ("ether 00:16:3e:12:34:56", perhaps ending a sentence) or
    // after a glued label ("HWaddr:00:16:3e:12:34:56"). Six pairs are a MAC unless a hex dump goes on
    // beside them on the line; eight pairs (an EUI-64, or eight bytes of a dump) only after a
    // hardware-address label. -1 when the run is no hardware address.
    int hardwareAddress(int start, int end, bool wordBefore)
    {
        int stop = end;
        if (m_p[end - 1] == QLatin1Char('.'))
            stop = end - 1;
        int from = start;
        if (wordBefore) {
            // "mac:", "eth0:", "HWaddr:": the address starts after the run's first colon.
            while (m_p[from] != QLatin1Char(':'))
                ++from;
            ++from;
        }
        if (std::find(m_p + from, m_p + stop, QLatin1Char('.')) != m_p + stop)
            return -1;
        const int pairs = bytePairs(m_p + from, stop - from);
        if (pairs == 6) {
            if (!isKeptMac(m_p + from, stop - from) && !hexDumpBeside(from, stop))
                m_out->push_back({ from, stop, PrivacyMasker::macPlaceholder() });
            return end;
        }
        if (pairs == 8) {
            if (!isKeptMac(m_p + from, stop - from) && hardwareLabelBefore(from))
                m_out->push_back({ from, stop, PrivacyMasker::macPlaceholder() });
            return end;
        }
        return -1;
    }

    // A dump's bytes beside [start, end) on the same line: a byte pair with a digit ("0a", "00") or
    // a colon list of byte pairs that is not itself a MAC (so two MACs in a row are two MACs).
    bool hexDumpBeside(int start, int end) const
    {
        auto isDumpToken = [this](int a, int b) {
            const int pairs = bytePairs(m_p + a, b - a);
            if (pairs == 1)
                return isDigit(m_p[a]) || isDigit(m_p[a + 1]);
            return pairs > 0 && pairs != 6;
        };
        int a = end;
        while (a < m_n && isSpaceOnLine(m_p[a]))
            ++a;
        if (a > end) {
            int b = a;
            while (b < m_n && !m_p[b].isSpace())
                ++b;
            if (b > a && isDumpToken(a, b))
                return true;
        }
        int b = start;
        while (b > 0 && isSpaceOnLine(m_p[b - 1]))
            --b;
        if (b < start) {
            int a2 = b;
            while (a2 > 0 && !m_p[a2 - 1].isSpace())
                --a2;
            if (a2 < b && isDumpToken(a2, b))
                return true;
        }
        return false;
    }

    // "ether ", "HWaddr ", "lladdr ", "hardware address ", "\"hardware_address\": \"", "mac=" before 'pos'.
    bool hardwareLabelBefore(int pos) const
    {
        int k = pos;
        while (k > 0 && k > pos - 6 && QStringView(u" \t:=\"'/").contains(m_p[k - 1]))
            --k;
        static const char *const labels[] = { "ether", "hwaddr", "lladdr", "address", "hardware_address", "mac" };
        return wordEndingAt(m_p, k, labels) >= 0;
    }

    // "1.2.3.4" after "version", "ver", "ver.", "v" or "Qt" (any case, then spaces, ':' or '=') is
    // a version number. The keyword must be a whole word ("server 10.0.0.1" is an address) and no
    // command-line option ("nc -v 10.0.0.1 80"), and something must part it from the number
    // (v1.2.3.4 is a word, kept anyway).
    bool versionBefore(int pos) const
    {
        int k = pos;
        while (k > 0 && isSpaceOnLine(m_p[k - 1]))
            --k;
        if (k > 0 && (m_p[k - 1] == QLatin1Char(':') || m_p[k - 1] == QLatin1Char('='))) {
            --k;
            while (k > 0 && isSpaceOnLine(m_p[k - 1]))
                --k;
        }
        if (k > 0 && m_p[k - 1] == QLatin1Char('.'))
            --k;
        if (k == pos)
            return false;
        static const char *const keywords[] = { "version", "ver", "v", "qt" };
        const int word = wordEndingAt(m_p, k, keywords);
        return word == 0 || (word > 0 && m_p[word - 1] != QLatin1Char('-') && m_p[word - 1] != QLatin1Char('/'));
    }

    // Reverse-DNS names: "20.1.168.192.in-addr.arpa" (the quad reversed) and the 32 nibbles of
    // "...8.b.d.0.1.0.0.2.ip6.arpa". [start, end) ends with the '.' before "in-addr" or "ip6".
    bool reversePointer(int start, int end)
    {
        auto suffixIs = [this, end](QLatin1String suffix) {
            const int size = int(suffix.size());
            if (end + size > m_n || QStringView(m_p + end, size).compare(suffix, Qt::CaseInsensitive) != 0)
                return false;
            const QChar next = at(end + size);
            return !isNameChar(next) && !(next == QLatin1Char('.') && isNameChar(at(end + size + 1)));
        };
        if (end - start == 64 && suffixIs(QLatin1String("ip6.arpa"))) {
            unsigned char bytes[16] = {};
            for (int i = 0; i < 32; ++i) {
                const QChar c = m_p[start + 2 * i];
                if (!isHex(c) || m_p[start + 2 * i + 1] != QLatin1Char('.'))
                    return false;
                const char16_t u = c.unicode();
                const unsigned v = u <= '9' ? u - '0' : (u | 0x20) - 'a' + 10;
                bytes[15 - i / 2] |= static_cast<unsigned char>(i % 2 == 0 ? v : v << 4);
            }
            if (!PrivacyMasker::isKeptIPv6(bytes))
                m_out->push_back({ start, end - 1, PrivacyMasker::ipv6Placeholder() });
            return true;
        }
        if (suffixIs(QLatin1String("in-addr.arpa"))) {
            quint32 reversed = 0;
            if (!parseDottedQuad(m_p + start, end - 1 - start, &reversed))
                return false;
            const quint32 address = ((reversed & 0xff) << 24) | ((reversed & 0xff00) << 8) | ((reversed >> 8) & 0xff00)
                | (reversed >> 24);
            if (!PrivacyMasker::isKeptIPv4(address))
                m_out->push_back({ start, end - 1, PrivacyMasker::ipv4Placeholder() });
            return true;
        }
        return false;
    }

    // A quad written with dashes at the end of a name's label, after a word with a letter:
    // "ip-10-0-0-5", "ec2-54-1-2-3.compute-1.amazonaws.com". The run [start, end) starts it.
    int dashedQuad(int start, int end)
    {
        int k = start - 1; // the '-'
        bool letter = false;
        while (k > 0 && isWordChar(m_p[k - 1])) {
            letter = letter || m_p[k - 1].isLetter();
            --k;
        }
        if (!letter)
            return end;
        int stop = start;
        while (stop < m_n && stop - start <= 15 && (isDigit(m_p[stop]) || m_p[stop] == QLatin1Char('-')))
            ++stop; // "255-255-255-255" is the longest
        quint32 address = 0;
        if (isWordChar(at(stop)) || !parseDottedQuad(m_p + start, stop - start, &address, u'-'))
            return end;
        if (!PrivacyMasker::isKeptIPv4(address))
            m_out->push_back({ start, stop, PrivacyMasker::ipv4Placeholder() });
        return stop;
    }

    // Dotted quads between the colons of a run: "10.0.0.1", "10.0.0.1:80", "addr:10.0.0.1".
    void ipv4Pieces(int start, int end, bool wordBefore, bool wordAfter)
    {
        int a = start;
        while (a < end) {
            int b = a;
            while (b < end && m_p[b] != QLatin1Char(':'))
                ++b;
            const bool okBefore = a > start || !wordBefore;
            const bool okAfter = b < end || !wordAfter;
            if (okBefore && okAfter && b - a >= 7) {
                int stop = b;
                if (b == end && m_p[b - 1] == QLatin1Char('.'))
                    stop = b - 1; // the sentence's full stop
                quint32 address = 0;
                // A version: the whole run (no port after it) after a version keyword.
                const bool version = b == end && (a == start || a == start + 1) && versionBefore(a);
                if (!version && parseDottedQuad(m_p + a, stop - a, &address) && !PrivacyMasker::isKeptIPv4(address))
                    m_out->push_back({ a, stop, PrivacyMasker::ipv4Placeholder() });
            }
            a = b + 1;
        }
    }

    const QChar *m_p;
    int m_n;
    std::vector<Replacement> *m_out;
};

bool overlaps(const std::vector<Replacement> &list, int start, int end)
{
    for (const Replacement &r : list)
        if (start < r.end && r.start < end)
            return true;
    return false;
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool PrivacyMasker::isKeptIPv4(quint32 a)
{
    if ((a >> 24) == 127 || a == 0)
        return true;
    // A netmask: ones, then zeros.
    const quint32 inverted = ~a;
    return (a & 0x80000000u) && (inverted & (inverted + 1)) == 0;
}

bool PrivacyMasker::isKeptIPv6(const unsigned char *b)
{
    bool zeroHead = true;
    for (int i = 0; i < 15; ++i)
        zeroHead = zeroHead && b[i] == 0;
    if (zeroHead && (b[15] == 0 || b[15] == 1))
        return true; // :: and ::1
    static const unsigned char mappedPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (std::memcmp(b, mappedPrefix, 12) == 0) {
        const quint32 v4 = (quint32(b[12]) << 24) | (quint32(b[13]) << 16) | (quint32(b[14]) << 8) | b[15];
        return (v4 >> 24) == 127 || v4 == 0;
    }
    // A netmask: ones, then zeros.
    if (!(b[0] & 0x80))
        return false;
    bool zeros = false;
    for (int i = 0; i < 16; ++i) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool one = b[i] & (1u << bit);
            if (one && zeros)
                return false;
            zeros = zeros || !one;
        }
    }
    return true;
}

void PrivacyMasker::setHostNames(const QStringList &names)
{
    QStringList out;
    auto add = [&out](const QString &name) {
        if (name.isEmpty() || isLoopbackName(name) || isNumericAddress(name))
            return;
        for (const QString &have : std::as_const(out))
            if (have.compare(name, Qt::CaseInsensitive) == 0)
                return;
        out << name;
    };
    for (QString name : names) {
        name = name.trimmed();
        if (name.endsWith(QLatin1Char('.')))
            name.chop(1);
        if (name.isEmpty() || isLoopbackName(name) || isNumericAddress(name))
            continue;
        add(name);
        const int dot = name.indexOf(QLatin1Char('.'));
        if (dot > 0)
            add(name.left(dot));
    }
    std::stable_sort(out.begin(), out.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_names = out;
}

QString PrivacyMasker::mask(const QString &text) const
{
    std::vector<Replacement> found;
    Scanner(text, &found).run();
    const QStringView view(text);
    for (const QString &name : m_names) {
        // A full name may sit under another label (www.vm.example.org); a short one after a dot
        // is the start of someone else's name (x.vm).
        const bool dotted = name.contains(QLatin1Char('.'));
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = view.indexOf(name, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            qsizetype end = at + name.size();
            from = at + 1;
            // A whole name: not part of a longer name ("my-vm", "vm2", "x.vm"), though a sentence
            // may end with it ("... on vm.").
            if (at > 0 && (isNameChar(view[at - 1]) || (!dotted && view[at - 1] == QLatin1Char('.'))))
                continue;
            if (end < view.size() && isNameChar(view[end]))
                continue;
            if (overlaps(found, int(at), int(end)))
                continue;
            if (end + 1 < view.size() && view[end] == QLatin1Char('.') && isNameChar(view[end + 1])) {
                // More labels follow. A dotted name whose first label is this machine's short name
                // is this machine, in whatever domain (vm.lan, vm.local, vm.lab.example.org before
                // getfqdn() answers): the whole name goes. A full name with more labels after it
                // (vm.example.org.other) is left to its short name.
                if (dotted)
                    continue;
                // A label with '_' is no host's (vm.max_map_count is a setting): the name stays.
                qsizetype longer = end;
                bool hostLabels = true;
                while (longer + 1 < view.size() && view[longer] == QLatin1Char('.') && isNameChar(view[longer + 1])) {
                    ++longer;
                    while (longer < view.size() && isNameChar(view[longer])) {
                        if (view[longer] == QLatin1Char('_'))
                            hostLabels = false;
                        ++longer;
                    }
                }
                if (!hostLabels || overlaps(found, int(at), int(longer)))
                    continue;
                end = longer;
            }
            found.push_back({ int(at), int(end), hostNamePlaceholder() });
            from = end;
        }
    }
    if (found.empty())
        return text;
    std::sort(found.begin(), found.end(), [](const Replacement &a, const Replacement &b) { return a.start < b.start; });
    QString out;
    out.reserve(text.size() + qsizetype(found.size()) * 8);
    int pos = 0;
    for (const Replacement &r : found) {
        out += view.mid(pos, r.start - pos);
        out += r.text;
        pos = r.end;
    }
    out += view.mid(pos);
    return out;
}

// ---------------------------------------------------------------------------------------------

Privacy::Privacy()
    : m_masker(std::make_shared<const PrivacyMasker>())
{
}

Privacy *Privacy::instance()
{
    // Never destroyed: the worker that looks up the FQDN may post to it at any time, even at exit.
    static Privacy *const privacy = [] {
        auto *p = new Privacy;
        if (QCoreApplication *app = QCoreApplication::instance())
            p->moveToThread(app->thread());
        return p;
    }();
    return privacy;
}

QString Privacy::apply(const QString &text) const
{
    if (!isEnabled())
        return text;
    std::shared_ptr<const PrivacyMasker> masker;
    {
        QMutexLocker lock(&m_mutex);
        masker = m_masker;
    }
    return masker->mask(text);
}

QStringList Privacy::hostNames() const
{
    QMutexLocker lock(&m_mutex);
    return m_masker->hostNames();
}

void Privacy::setMaskerNames(const QStringList &names)
{
    auto masker = std::make_shared<const PrivacyMasker>(names);
    {
        QMutexLocker lock(&m_mutex);
        m_masker = masker;
    }
    emit hostNamesChanged();
}

void Privacy::setHostNames(const QStringList &names)
{
    m_overridden = true;
    setMaskerNames(names);
}

void Privacy::useSystemHostNames()
{
    m_overridden = false;
    m_systemNamesStarted = false;
    setMaskerNames({ HostResolver::hostName() });
    if (isEnabled())
        startSystemNames();
}

void Privacy::setEnabled(bool enabled)
{
    if (enabled && !m_overridden && !m_systemNamesStarted) {
        setMaskerNames({ HostResolver::hostName() });
        startSystemNames();
    }
    if (m_enabled.exchange(enabled) == enabled)
        return;
    emit enabledChanged(enabled);
}

void Privacy::startSystemNames()
{
    m_systemNamesStarted = true;
    const QString host = HostResolver::hostName();
    // getfqdn() may wait for DNS: never on the caller's thread. The singleton outlives the worker.
    try {
        std::thread([this, host] {
            const QString fqdn = HostResolver::fqdn(host);
            QMetaObject::invokeMethod(
                this, [this, host, fqdn] { systemFqdnFound(host, fqdn); }, Qt::QueuedConnection);
        }).detach();
    } catch (const std::system_error &) {
        // No thread, no FQDN: gethostname()'s name is masked all the same.
    }
}

void Privacy::systemFqdnFound(const QString &hostName, const QString &fqdn)
{
    if (m_overridden || !m_systemNamesStarted)
        return;
    setMaskerNames({ hostName, fqdn });
}

} // namespace swb
