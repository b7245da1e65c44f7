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

// A strict dotted quad (what inet_pton accepts): four decimal parts 0..255 without leading zeros.
bool parseDottedQuad(const QChar *p, int length, quint32 *out)
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
        if (p[i] != QLatin1Char('.') || parts == 4)
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

bool isMac(const QChar *p, int length)
{
    if (length != 17)
        return false;
    for (int i = 0; i < 17; ++i) {
        const bool separator = i % 3 == 2;
        if (separator ? p[i] != QLatin1Char(':') : !isHex(p[i]))
            return false;
    }
    return true;
}

bool isKeptMac(const QChar *p)
{
    bool zero = true;
    bool ones = true;
    for (int i = 0; i < 17; ++i) {
        if (i % 3 == 2)
            continue;
        zero = zero && p[i] == QLatin1Char('0');
        ones = ones && (p[i] == QLatin1Char('f') || p[i] == QLatin1Char('F'));
    }
    return zero || ones;
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
            while (j < m_n && isRunChar(m_p[j]))
                ++j;
            i = candidate(i, j);
        }
    }

private:
    QChar at(int i) const { return i >= 0 && i < m_n ? m_p[i] : QChar(); }

    // Looks at the run [start, end); returns where scanning goes on.
    int candidate(int start, int end)
    {
        int colons = 0;
        int dots = 0;
        for (int k = start; k < end; ++k) {
            colons += m_p[k] == QLatin1Char(':');
            dots += m_p[k] == QLatin1Char('.');
        }
        if (colons == 0 && dots < 3)
            return end; // a number, a hex word, a sentence's dot: the common case, decided at once
        const bool wordBefore = isWordChar(at(start - 1));
        const bool wordAfter = isWordChar(at(end));
        if (colons >= 2 && !wordBefore) {
            const int resume = ipv6(start, end, wordAfter);
            if (resume >= 0)
                return resume;
        }
        // "addr:fe80::1": a label and its colon glued to the address.
        if (colons >= 3 && wordBefore && m_p[start] == QLatin1Char(':') && m_p[start + 1] != QLatin1Char(':')) {
            const int resume = ipv6(start + 1, end, wordAfter);
            if (resume >= 0)
                return resume;
        }
        if (colons == 5 && dots == 0 && !wordBefore && !wordAfter && isMac(m_p + start, end - start)) {
            if (!isKeptMac(m_p + start))
                m_out->push_back({ start, end, PrivacyMasker::macPlaceholder() });
            return end;
        }
        if (dots >= 3)
            ipv4Pieces(start, end, wordBefore, wordAfter);
        return end;
    }

    // An IPv6 address in [start, end), perhaps with one trailing '.' or ':' of punctuation
    // ("... at 2001:db8::1." or "2001:db8::1: refused"); -1 when there is none.
    int ipv6(int start, int end, bool wordAfter)
    {
        unsigned char bytes[16];
        int stop = end;
        bool found = !wordAfter && parseIPv6(m_p + start, end - start, bytes);
        // Only before a space, the end, or closing punctuation: in "::ffff:«IPv4»" the colon is the
        // address's own.
        const QChar next = at(end);
        const bool punctuationMayFollow = next.isNull() || next.isSpace() || QStringView(u")]\"',;").contains(next);
        if (!found && punctuationMayFollow && end - start > 2) {
            const QChar last = m_p[end - 1];
            const bool trailingColon = last == QLatin1Char(':') && m_p[end - 2] != QLatin1Char(':');
            if (last == QLatin1Char('.') || trailingColon) {
                stop = end - 1;
                found = parseIPv6(m_p + start, stop - start, bytes);
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
                if (parseDottedQuad(m_p + a, stop - a, &address) && !PrivacyMasker::isKeptIPv4(address))
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
            const qsizetype end = at + name.size();
            from = at + 1;
            // A whole name: not part of a longer name ("my-vm", "vm2", "x.vm", "vm.other.org"),
            // though a sentence may end with it ("... on vm.").
            if (at > 0 && (isNameChar(view[at - 1]) || (!dotted && view[at - 1] == QLatin1Char('.'))))
                continue;
            if (end < view.size() && isNameChar(view[end]))
                continue;
            if (end + 1 < view.size() && view[end] == QLatin1Char('.') && isNameChar(view[end + 1]))
                continue;
            if (overlaps(found, int(at), int(end)))
                continue;
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
