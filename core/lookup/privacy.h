#pragma once
// Privacy for screenshots: masks what would identify this machine (its non-loopback addresses,
// hardware addresses and host names) in any text the app shows, and holds the one global on/off
// switch the UI and the CLI read.
//
// What is replaced, and by what:
//   IPv4 address            192.168.1.20      -> «IPv4»
//   IPv6 address            2001:db8::1       -> «IPv6»         (a %zone stays: «IPv6»%eth0)
//   IPv4-mapped IPv6        ::ffff:10.0.0.5   -> ::ffff:«IPv4»  (the mapping is what the app teaches)
//   hardware (MAC) address  00:16:3e:12:34:56 -> «MAC»
//   host names              vm, vm.example.org -> «hostname»  (whole names, any letter case)
// Also:
//   an address glued to a label and its colon: IPv6:2001:db8::1, inet6:fe80::5, src:10.0.0.1 ->
//     IPv6:«IPv6», inet6:«IPv6», src:«IPv4» (after a word any single ':' may end the label; a
//     "::" never does, so Foo::bar, std::vector and a::b::c stay);
//   any dotted name whose first label is one of this machine's names: with the name vm,
//     vm.lan, Vm.Local, vm.lab.example.org -> «hostname» (before getfqdn() answers, and in any
//     domain), so also a file such as vm.log; not when a label has a '_' (vm.max_map_count);
//   addresses inside reverse-DNS and cloud names: 20.1.168.192.in-addr.arpa -> «IPv4».in-addr.arpa,
//     the 32 nibbles before .ip6.arpa -> «IPv6».ip6.arpa, ip-10-0-0-5 -> ip-«IPv4»,
//     ec2-54-1-2-3.compute-1.amazonaws.com -> ec2-«IPv4».compute-1.amazonaws.com (a dashed quad
//     ending a label, after a word with a letter);
//   eight colon-separated byte pairs after a hardware-address label (ether, HWaddr, lladdr,
//     address, hardware_address, mac): an EUI-64 -> «MAC».
// What stays: 127.0.0.0/8, ::1, 0.0.0.0, ::, ::ffff:127.x.x.x, netmasks (255.255.255.0,
// ffff:ffff:ffff:ffff::: they identify no one), 00:00:00:00:00:00 and ff:ff:ff:ff:ff:ff, port numbers
// ("[«IPv6»]:443", "«IPv4»:50007"), the loopback names (localhost, ip6-localhost, ...), times
// (12:30:45), lists of numbers (1:2:3:4:5:6:7:8:9), and words that merely look like addresses
// (abc10.0.0.1, 10.0.0.1x, Foo::bar). In particular:
//   versions: a four-part number after the whole word "version", "ver", "ver.", "v" or "Qt" (any
//     case; then spaces, ':' or '=') and with no port after it is a version: "version 1.2.3.4",
//     "Qt 6.4.2.1", "ver: 1.2.3.4" stay, as does v1.2.3.4 (glued to a word). Everywhere else it
//     is an address: "connect(10.0.0.1:80)", "from 192.168.1.5", "version 10.0.0.1:80", and
//     "nc -v 10.0.0.1" (an option, not a version) are masked;
//   hex dumps: spaced bytes never look like addresses; colon-separated ones that do stay when
//     - they are eight byte pairs (Data: 48:65:6c:6c:6f:0a:00:01): inet_ntop never writes an
//       address so, unless after a hardware-address label (above);
//     - they are six pairs (a MAC's shape) beside more of the dump on the same line: a byte pair
//       with a digit ("0a"), or a colon list of pairs that is not six long
//       ("48:65:6c:6c:6f:0a 0d 0a", "0d 0a 48:65:6c:6c:6f:0a"). A lone six pairs is a MAC, and two
//       MACs side by side are two MACs ("ether 00:16:3e:12:34:56", "link/ether ... brd ...").
// Masked although they may be meant otherwise (accepted: they are valid IPv6 addresses, and a
// screenshot loses little): "a::b", "dead::beef", "cafe::1" standing alone.
// The « » placeholders cannot be mistaken for a real address or name and survive copy and paste.

#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace swb {

// The masking itself: a plain value, thread-safe to use from many threads once set up.
class PrivacyMasker {
public:
    static QString ipv4Placeholder() { return QStringLiteral("«IPv4»"); }
    static QString ipv6Placeholder() { return QStringLiteral("«IPv6»"); }
    static QString macPlaceholder() { return QStringLiteral("«MAC»"); }
    static QString hostNamePlaceholder() { return QStringLiteral("«hostname»"); }

    PrivacyMasker() = default;
    explicit PrivacyMasker(const QStringList &hostNames) { setHostNames(hostNames); }

    // The names to mask. Each dotted name also masks its first label ("vm.example.org" masks "vm"),
    // and a first label masks every dotted name that starts with it ("vm" masks "vm.lan");
    // loopback names and numeric addresses are left out.
    void setHostNames(const QStringList &names);
    QStringList hostNames() const { return m_names; }

    QString mask(const QString &text) const;

    // Kept as they are (host byte order for IPv4; 16 network-order bytes for IPv6).
    static bool isKeptIPv4(quint32 address);
    static bool isKeptIPv6(const unsigned char *bytes);

private:
    QStringList m_names; // longest first, so "vm.example.org" wins over "vm"
};

// apply() and shown() may be called from any thread; the setters from the application's thread.
class Privacy : public QObject {
    Q_OBJECT
public:
    // The process-wide switch; lives on the application's thread; never destroyed.
    static Privacy *instance();
    // Shorthand for instance()->apply(text), for every cell and line the app shows.
    static QString shown(const QString &text) { return instance()->apply(text); }

    bool isEnabled() const { return m_enabled.load(std::memory_order_relaxed); }
    // The text masked when privacy is on, as it is when off. Thread-safe.
    QString apply(const QString &text) const;

    QStringList hostNames() const;
    // Mask these names instead of this machine's (tests; or a caller that already resolved them).
    void setHostNames(const QStringList &names);
    // Back to this machine's names: gethostname() at once; its getfqdn() (which may wait for DNS) is
    // looked up on a worker thread when masking is first switched on, and added when it comes.
    void useSystemHostNames();

public slots:
    void setEnabled(bool enabled);

signals:
    void enabledChanged(bool enabled);
    // The masked text may differ now: views repaint.
    void hostNamesChanged();

private:
    Privacy();
    void setMaskerNames(const QStringList &names);
    void startSystemNames();
    void systemFqdnFound(const QString &hostName, const QString &fqdn);

    std::atomic<bool> m_enabled { false };
    mutable QMutex m_mutex;
    std::shared_ptr<const PrivacyMasker> m_masker; // swapped and copied under m_mutex; masking runs outside it
    bool m_overridden = false;
    bool m_systemNamesStarted = false;
};

} // namespace swb
