#include "http/httptarget.h"

#include "http/httpsyntax.h"

#include <QCoreApplication>

namespace swb {

namespace {

// lupdate files every Tr::tr() string of this file under this context, as the lookup does.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(HttpTarget)
};

Parsed<HttpTarget> usage(const QString &field, const QString &message)
{
    Parsed<HttpTarget> out;
    out.error = makeUsageError(field, message);
    return out;
}

bool mustEncode(unsigned char c)
{
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`';
}

// The path as it goes on the wire: spaces, control characters, quotes and non-ASCII bytes
// percent-encoded, the way a browser sends them; says so in notes.
QByteArray encodeBytes(const QByteArray &utf8, QStringList *notes)
{
    QByteArray out;
    out.reserve(utf8.size());
    int encoded = 0;
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (mustEncode(c)) {
            out += '%';
            out += QByteArray::number(c, 16).rightJustified(2, '0').toUpper();
            ++encoded;
        } else {
            out += ch;
        }
    }
    if (encoded > 0)
        notes->append((encoded == 1 ? Tr::tr("1 byte of the path percent-encoded")
                                    : Tr::tr("%1 bytes of the path percent-encoded").arg(encoded))
            + Tr::tr(" (spaces, quotes, control characters and non-ASCII letters cannot go into a request line as they "
                     "are)."));
    return out;
}

// Non-ASCII letters as UTF-8, as a browser sends them.
QByteArray encodePath(const QString &path, QStringList *notes)
{
    return encodeBytes(path.toUtf8(), notes);
}

// "http://", "HTTPS://": a whole URL where only a path belongs.
bool startsWithWebScheme(const QString &text)
{
    return text.startsWith(QStringLiteral("http://"), Qt::CaseInsensitive)
        || text.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive);
}

// The length of the scheme a URI reference starts with ("http" in "http://x", RFC 3986 section
// 3.1); 0 when it has none.
qsizetype schemeLength(QByteArrayView ref)
{
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (ref.isEmpty() || !letter(ref.at(0)))
        return 0;
    qsizetype i = 1;
    while (i < ref.size()
        && (letter(ref.at(i)) || (ref.at(i) >= '0' && ref.at(i) <= '9') || ref.at(i) == '+' || ref.at(i) == '-'
            || ref.at(i) == '.'))
        ++i;
    return i < ref.size() && ref.at(i) == ':' ? i : 0;
}

// RFC 3986 section 5.2.4 on a path without its query: "/a/b/../c" is "/a/c". A relative
// Location such as "../x" is resolved the way a browser does, not sent with its dots.
QByteArray removeDotSegments(const QByteArray &path)
{
    QList<QByteArray> out;
    const QList<QByteArray> segments = path.split('/');
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QByteArray &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == "." || segment == "..") {
            if (segment == ".." && !out.isEmpty())
                out.removeLast();
            if (last)
                out.append(QByteArray()); // "/a/.." is "/", a directory
            continue;
        }
        out.append(segment);
    }
    return '/' + out.join('/');
}

QString bracketed(const QString &host)
{
    return host.contains(u':') ? QLatin1Char('[') + host + QLatin1Char(']') : host;
}

} // namespace

QString HttpTarget::portOrDefault() const
{
    return port.trimmed().isEmpty() ? QString::number(defaultPort()) : port.trimmed();
}

QString HttpTarget::toUrl() const
{
    QString url = scheme() + QStringLiteral("://") + bracketed(host);
    const QString p = port.trimmed();
    if (!p.isEmpty() && p != QString::number(defaultPort()))
        url += QLatin1Char(':') + p;
    return url + QString::fromLatin1(path);
}

QByteArray HttpTarget::hostHeader(quint16 resolvedPort) const
{
    QByteArray h = bracketed(host).toUtf8();
    if (resolvedPort != defaultPort())
        h += ':' + QByteArray::number(resolvedPort);
    return h;
}

Parsed<HttpTarget> HttpTarget::parseUrl(const QString &typed)
{
    const QString text = typed.trimmed();
    const QString field = QStringLiteral("url");
    if (text.isEmpty())
        return usage(field, Tr::tr("Type a URL such as http://127.0.0.1:8080/."));
    HttpTarget t;
    QString rest = text;
    qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    // "host/go?to=http://x" has no scheme: a scheme comes before any '/', '?' or '#'.
    for (const QChar stop : { u'/', u'?', u'#' }) {
        if (schemeEnd >= 0 && text.left(schemeEnd).contains(stop))
            schemeEnd = -1;
    }
    if (schemeEnd >= 0) {
        const QString scheme = text.left(schemeEnd).toLower();
        if (scheme == QStringLiteral("https")) {
            t.tls = true;
        } else if (scheme != QStringLiteral("http")) {
            return usage(field,
                Tr::tr("Unknown scheme '%1': only http:// and https:// URLs can be fetched here.")
                    .arg(text.left(schemeEnd)));
        }
        rest = text.mid(schemeEnd + 3);
    } else {
        t.notes.append(Tr::tr("No scheme given: using http://."));
    }
    qsizetype authorityEnd = rest.size();
    for (const QChar stop : { u'/', u'?', u'#' }) {
        const qsizetype at = rest.indexOf(stop);
        if (at >= 0 && at < authorityEnd)
            authorityEnd = at;
    }
    const QString authority = rest.left(authorityEnd);
    QString pathText = rest.mid(authorityEnd);
    if (authority.contains(u'@'))
        return usage(field, Tr::tr("User names and passwords in a URL (user@host) are not supported here."));
    QString host;
    QString hostText; // as parseHost should see it: with its brackets, which are for IPv6 only
    QString portText;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0)
            return usage(field, Tr::tr("The IPv6 address has no closing ']'."));
        host = authority.mid(1, close - 1);
        hostText = host.isEmpty() ? QString() : authority.left(close + 1);
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':'))
            return usage(field, Tr::tr("After the ']' of an IPv6 address comes ':' and the port, or nothing."));
        portText = after.mid(1);
    } else {
        if (authority.count(u':') > 1)
            return usage(field, Tr::tr("Write an IPv6 address in brackets: http://[::1]:8080/."));
        const qsizetype colon = authority.indexOf(u':');
        host = colon >= 0 ? authority.left(colon) : authority;
        portText = colon >= 0 ? authority.mid(colon + 1) : QString();
        hostText = host;
    }
    if (host.isEmpty())
        return usage(field, Tr::tr("The URL has no host: write it after the scheme, as in http://127.0.0.1:8080/."));
    // The messages name the part of the URL that is wrong ("Port must be ..."); the error names the field.
    const Parsed<QString> h = EndpointParser::parseHost(hostText, QStringLiteral("host"));
    if (!h.ok())
        return usage(field, h.error.message);
    t.host = *h.value;
    if (!portText.isEmpty()) {
        const Parsed<quint16> p = EndpointParser::parsePort(portText, Transport::Tcp, false, QStringLiteral("port"));
        if (!p.ok())
            return usage(field, p.error.message);
        t.port = portText;
    }
    const qsizetype hash = pathText.indexOf(u'#');
    if (hash >= 0) {
        t.notes.append(Tr::tr("The fragment '%1' is not sent: it is for the browser only.").arg(pathText.mid(hash)));
        pathText.truncate(hash);
    }
    if (pathText.startsWith(u'?'))
        pathText.prepend(u'/');
    if (pathText.isEmpty())
        pathText = QStringLiteral("/");
    t.path = encodePath(pathText, &t.notes);
    Parsed<HttpTarget> out;
    out.value = t;
    return out;
}

Parsed<HttpTarget> HttpTarget::fromFields(
    bool tls, const QString &hostText, const QString &portText, const QString &pathText)
{
    HttpTarget t;
    t.tls = tls;
    const Parsed<QString> h = EndpointParser::parseHost(hostText, QStringLiteral("host"));
    if (!h.ok()) {
        Parsed<HttpTarget> out;
        out.error = h.error;
        return out;
    }
    t.host = *h.value;
    const QString port = portText.trimmed();
    if (!port.isEmpty()) {
        const Parsed<quint16> p = EndpointParser::parsePort(port, Transport::Tcp, false, QStringLiteral("port"));
        if (!p.ok()) {
            Parsed<HttpTarget> out;
            out.error = p.error;
            return out;
        }
        t.port = port;
    }
    QString path = pathText.trimmed();
    if (startsWithWebScheme(path))
        return usage(QStringLiteral("path"),
            Tr::tr("The path field takes only the path, such as /index.html: put a whole URL in the URL field."));
    const qsizetype hash = path.indexOf(u'#');
    if (hash >= 0) {
        t.notes.append(Tr::tr("The fragment '%1' is not sent: it is for the browser only.").arg(path.mid(hash)));
        path.truncate(hash);
    }
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (!path.startsWith(u'/')) {
        t.notes.append(Tr::tr("A path starts with '/': sending /%1.").arg(path));
        path.prepend(u'/');
    }
    t.path = encodePath(path, &t.notes);
    Parsed<HttpTarget> out;
    out.value = t;
    return out;
}

Parsed<HttpTarget> HttpTarget::resolveLocation(const HttpTarget &base, const QByteArray &location)
{
    QByteArray loc = location.trimmed();
    if (loc.isEmpty())
        return usage(QStringLiteral("location"), Tr::tr("The Location field is empty."));
    QStringList notes;
    const qsizetype hash = loc.indexOf('#');
    if (hash >= 0) {
        notes.append(
            Tr::tr("The fragment '%1' is not sent: it is for the browser only.").arg(QString::fromUtf8(loc.mid(hash))));
        loc.truncate(hash);
    }
    // An absolute URL starts with a scheme; "/go?to=http://x" does not.
    if (const qsizetype schemeEnd = schemeLength(loc); schemeEnd > 0) {
        if (!loc.mid(schemeEnd).startsWith("://"))
            return usage(QStringLiteral("location"),
                Tr::tr("The Location '%1' is not an http:// or https:// URL.").arg(QString::fromUtf8(loc)));
        Parsed<HttpTarget> out = parseUrl(QString::fromUtf8(loc));
        if (out.ok())
            out.value->notes = notes + out.value->notes;
        return out;
    }
    if (loc.startsWith("//")) {
        Parsed<HttpTarget> out = parseUrl(base.scheme() + QLatin1Char(':') + QString::fromUtf8(loc));
        if (out.ok())
            out.value->notes = notes + out.value->notes;
        return out;
    }
    HttpTarget t = base;
    t.notes = notes;
    QByteArray basePath = base.path;
    const qsizetype baseQuery = basePath.indexOf('?');
    if (baseQuery >= 0)
        basePath.truncate(baseQuery);
    QByteArray path;
    if (loc.startsWith('/'))
        path = loc;
    else if (loc.startsWith('?'))
        path = basePath + loc; // the same path with another query
    else
        path = basePath.left(basePath.lastIndexOf('/') + 1) + loc;
    const qsizetype query = path.indexOf('?');
    const QByteArray pathOnly = query >= 0 ? path.left(query) : path;
    path = removeDotSegments(pathOnly) + (query >= 0 ? path.mid(query) : QByteArray());
    // The bytes as the server sent them: a raw UTF-8 (or Latin-1) byte is encoded once, as it is.
    t.path = encodeBytes(path, &t.notes);
    Parsed<HttpTarget> out;
    out.value = t;
    return out;
}

Parsed<QList<QPair<QByteArray, QByteArray>>> HttpRequestSpec::parseHeaderLines(const QString &text)
{
    Parsed<QList<QPair<QByteArray, QByteArray>>> out;
    QList<QPair<QByteArray, QByteArray>> fields;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const auto bad = [&](const QString &why) {
            out.error = makeUsageError(QStringLiteral("headers"), Tr::tr("Header line %1: %2").arg(i + 1).arg(why));
            return out;
        };
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return bad(Tr::tr("write it as 'Name: value'."));
        const QByteArray name = line.left(colon).toLatin1();
        for (const char c : name) {
            if (!HttpSyntax::isTokenChar(c))
                return bad(Tr::tr("the name '%1' may hold letters, digits and !#$%&'*+-.^_`|~ only (no spaces).")
                               .arg(line.left(colon)));
        }
        const QString valueText = line.mid(colon + 1).trimmed();
        for (const QChar c : valueText) {
            if (c.unicode() > 0xff)
                return bad(Tr::tr("the value holds '%1', which is not Latin-1; write it percent-encoded.").arg(c));
            if (c.unicode() < 0x20 && c != u'\t')
                return bad(Tr::tr("the value holds a control character."));
        }
        fields.append({ name, valueText.toLatin1() });
    }
    out.value = fields;
    return out;
}

Parsed<QByteArray> HttpRequestSpec::requestBytes(quint16 resolvedPort) const
{
    Parsed<QByteArray> out;
    if (raw) {
        if (rawBytes.isEmpty()) {
            out.error = makeUsageError(
                QStringLiteral("raw"), Tr::tr("The raw request is empty: write at least a request line."));
            return out;
        }
        out.value = rawBytes;
        return out;
    }
    const auto extra = parseHeaderLines(extraHeaders);
    if (!extra.ok()) {
        out.error = extra.error;
        return out;
    }
    const auto has = [&](QByteArrayView name) {
        for (const auto &f : *extra.value) {
            if (QByteArrayView(f.first).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QByteArray bytes = "GET " + target.path;
    if (version == HttpVersion::Http10) {
        bytes += " HTTP/1.0\r\n";
    } else {
        bytes += " HTTP/1.1\r\n";
        if (!has("Host"))
            bytes += "Host: " + target.hostHeader(resolvedPort) + "\r\n";
        if (!has("Connection"))
            bytes += "Connection: close\r\n";
    }
    for (const auto &f : *extra.value)
        bytes += f.first + ": " + f.second + "\r\n";
    bytes += "\r\n";
    out.value = bytes;
    return out;
}

} // namespace swb
