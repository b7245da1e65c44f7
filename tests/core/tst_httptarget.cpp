// HttpTarget and HttpRequestSpec: URLs and fields parsed (or refused, naming the field), Location
// values resolved against the URL that returned them, and the exact request bytes.

#include "http/httptarget.h"

#include <QTest>

using namespace swb;

class TestHttpTarget : public QObject {
    Q_OBJECT

private:
    static HttpTarget target(bool tls, const QString &host, const QString &port, const QByteArray &path)
    {
        HttpTarget t;
        t.tls = tls;
        t.host = host;
        t.port = port;
        t.path = path;
        return t;
    }

private slots:
    void parseUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("note"); // a word one of the notes must hold; empty: no notes

        QTest::newRow("http with port and query") << "http://127.0.0.1:8080/x?y=1" << false << "127.0.0.1"
                                                  << "8080" << QByteArray("/x?y=1") << "";
        QTest::newRow("https, no port") << "https://example.org/a/b" << true << "example.org"
                                        << "" << QByteArray("/a/b") << "";
        QTest::newRow("scheme in capitals, no path") << "HTTPS://example.org" << true << "example.org"
                                                     << "" << QByteArray("/") << "";
        QTest::newRow("surrounding blanks") << "  http://localhost/  " << false << "localhost"
                                            << "" << QByteArray("/") << "";
        QTest::newRow("no scheme") << "localhost:8080/x" << false << "localhost"
                                   << "8080" << QByteArray("/x") << "No scheme";
        QTest::newRow("no scheme, host only") << "example.org" << false << "example.org"
                                              << "" << QByteArray("/") << "No scheme";
        QTest::newRow("service name port") << "http://localhost:http/" << false << "localhost"
                                           << "http" << QByteArray("/") << "";
        QTest::newRow("https service name") << "https://localhost:https/" << true << "localhost"
                                            << "https" << QByteArray("/") << "";
        QTest::newRow("empty port is the default") << "http://localhost:/x" << false << "localhost"
                                                   << "" << QByteArray("/x") << "";
        QTest::newRow("IPv6 with port") << "http://[::1]:8080/p" << false << "::1"
                                        << "8080" << QByteArray("/p") << "";
        QTest::newRow("IPv6 without port") << "http://[2001:db8::1]/" << false << "2001:db8::1"
                                           << "" << QByteArray("/") << "";
        QTest::newRow("fragment dropped") << "http://h/p?q=1#frag" << false << "h"
                                          << "" << QByteArray("/p?q=1") << "#frag";
        QTest::newRow("fragment only") << "http://h#top" << false << "h"
                                       << "" << QByteArray("/") << "#top";
        QTest::newRow("query only") << "http://h?q" << false << "h"
                                    << "" << QByteArray("/?q") << "";
        QTest::newRow("query only with port") << "http://h:81?a=b" << false << "h"
                                              << "81" << QByteArray("/?a=b") << "";
        QTest::newRow("space encoded") << "http://h/a b" << false << "h"
                                       << "" << QByteArray("/a%20b") << "percent-encoded";
        QTest::newRow("non-ASCII as UTF-8") << QString::fromUtf8("http://h/caf\xc3\xa9?q=\xe2\x82\xac") << false << "h"
                                            << "" << QByteArray("/caf%C3%A9?q=%E2%82%AC") << "5 bytes";
        QTest::newRow("quotes and angle brackets") << "http://h/\"<x>\"" << false << "h"
                                                   << "" << QByteArray("/%22%3Cx%3E%22") << "percent-encoded";
        QTest::newRow("no scheme, a URL in the query") << "h/go?to=http://x/" << false << "h"
                                                       << "" << QByteArray("/go?to=http://x/") << "No scheme";
        QTest::newRow("percent escapes kept") << "http://h/a%20b" << false << "h"
                                              << "" << QByteArray("/a%20b") << "";
    }

    void parseUrl()
    {
        QFETCH(QString, text);
        QFETCH(bool, tls);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QByteArray, path);
        QFETCH(QString, note);
        const Parsed<HttpTarget> parsed = HttpTarget::parseUrl(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
        const HttpTarget &t = *parsed.value;
        QCOMPARE(t.tls, tls);
        QCOMPARE(t.host, host);
        QCOMPARE(t.port, port);
        QCOMPARE(t.path, path);
        if (note.isEmpty()) {
            QVERIFY2(t.notes.isEmpty(), qPrintable(t.notes.join(u'|')));
        } else {
            QVERIFY2(t.notes.join(u'|').contains(note), qPrintable(t.notes.join(u'|')));
        }
    }

    void parseUrlErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");

        QTest::newRow("empty") << ""
                               << "Type a URL";
        QTest::newRow("blank") << "   "
                               << "Type a URL";
        QTest::newRow("ftp") << "ftp://x/"
                             << "Unknown scheme 'ftp'";
        QTest::newRow("no host") << "http:///x"
                                 << "no host";
        QTest::newRow("no host, port only") << "http://:80/"
                                            << "no host";
        QTest::newRow("missing ]") << "http://[::1:8080/"
                                   << "no closing ']'";
        QTest::newRow("junk after ]") << "http://[::1]x/"
                                      << "After the ']'";
        QTest::newRow("unbracketed IPv6") << "http://::1:8080/"
                                          << "brackets";
        QTest::newRow("IPv4 in brackets") << "http://[127.0.0.1]/"
                                          << "not an IPv6 address";
        QTest::newRow("user@host") << "http://user@host/"
                                   << "user@host";
        QTest::newRow("user:password@host") << "http://user:pw@host/"
                                            << "user@host";
        QTest::newRow("port zero") << "http://h:0/"
                                   << "Port must be between 1 and 65535";
        QTest::newRow("port too large") << "http://h:99999/"
                                        << "too large";
        QTest::newRow("unknown service") << "http://h:nosuchservice/"
                                         << "nosuchservice";
        QTest::newRow("space in host") << "http://a b/"
                                       << "Host must not contain spaces";
    }

    void parseUrlErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const Parsed<HttpTarget> parsed = HttpTarget::parseUrl(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error.kind, ErrorKind::Usage);
        QCOMPARE(parsed.error.field, QStringLiteral("url"));
        QVERIFY2(parsed.error.message.contains(says), qPrintable(parsed.error.message));
    }

    void toUrlRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("url");
        QTest::newRow("port and query") << "http://127.0.0.1:8080/x?y=1"
                                        << "http://127.0.0.1:8080/x?y=1";
        QTest::newRow("https") << "https://example.org/"
                               << "https://example.org/";
        QTest::newRow("IPv6") << "http://[::1]:8080/p"
                              << "http://[::1]:8080/p";
        QTest::newRow("default port dropped") << "http://h:80/"
                                              << "http://h/";
        QTest::newRow("https default port dropped") << "https://h:443/x"
                                                    << "https://h/x";
        QTest::newRow("80 is not https's default") << "https://h:80/"
                                                   << "https://h:80/";
        QTest::newRow("no scheme gets one") << "h/x"
                                            << "http://h/x";
        QTest::newRow("encoded path") << "http://h/a b"
                                      << "http://h/a%20b";
        QTest::newRow("fragment gone") << "http://h/#x"
                                       << "http://h/";
    }

    void toUrlRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QString, url);
        const Parsed<HttpTarget> parsed = HttpTarget::parseUrl(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
        QCOMPARE(parsed.value->toUrl(), url);
        // What toUrl() gives parses back to the same target, without notes.
        const Parsed<HttpTarget> again = HttpTarget::parseUrl(url);
        QVERIFY(again.ok());
        QCOMPARE(again.value->toUrl(), url);
        QCOMPARE(again.value->path, parsed.value->path);
        QCOMPARE(again.value->host, parsed.value->host);
        QCOMPARE(again.value->tls, parsed.value->tls);
        QVERIFY(again.value->notes.isEmpty());
    }

    void portOrDefault()
    {
        QCOMPARE(target(false, "h", "", "/").portOrDefault(), QStringLiteral("80"));
        QCOMPARE(target(true, "h", "", "/").portOrDefault(), QStringLiteral("443"));
        QCOMPARE(target(false, "h", "http", "/").portOrDefault(), QStringLiteral("http"));
        QCOMPARE(target(false, "h", "8080", "/").portOrDefault(), QStringLiteral("8080"));
    }

    void fromFields_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("wantHost");
        QTest::addColumn<QString>("wantPort");
        QTest::addColumn<QByteArray>("wantPath");
        QTest::addColumn<QString>("note");

        QTest::newRow("all given") << false << "127.0.0.1"
                                   << "8080"
                                   << "/x?y"
                                   << "127.0.0.1"
                                   << "8080" << QByteArray("/x?y") << "";
        QTest::newRow("empty port and path") << true << "example.org"
                                             << ""
                                             << ""
                                             << "example.org"
                                             << "" << QByteArray("/") << "";
        QTest::newRow("service name") << false << "localhost"
                                      << "http"
                                      << "/"
                                      << "localhost"
                                      << "http" << QByteArray("/") << "";
        QTest::newRow("port with blanks") << false << "localhost"
                                          << " 8080 "
                                          << "/"
                                          << "localhost"
                                          << "8080" << QByteArray("/") << "";
        QTest::newRow("bracketed IPv6") << false << "[::1]"
                                        << "81"
                                        << "/"
                                        << "::1"
                                        << "81" << QByteArray("/") << "";
        QTest::newRow("path without slash") << false << "h"
                                            << ""
                                            << "index.html"
                                            << "h"
                                            << "" << QByteArray("/index.html") << "starts with '/'";
        QTest::newRow("path with space") << false << "h"
                                         << ""
                                         << "/a b"
                                         << "h"
                                         << "" << QByteArray("/a%20b") << "percent-encoded";
        QTest::newRow("fragment dropped") << false << "h"
                                          << ""
                                          << "/a?b#c"
                                          << "h"
                                          << "" << QByteArray("/a?b") << "#c";
    }

    void fromFields()
    {
        QFETCH(bool, tls);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, path);
        QFETCH(QString, wantHost);
        QFETCH(QString, wantPort);
        QFETCH(QByteArray, wantPath);
        QFETCH(QString, note);
        const Parsed<HttpTarget> parsed = HttpTarget::fromFields(tls, host, port, path);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
        QCOMPARE(parsed.value->tls, tls);
        QCOMPARE(parsed.value->host, wantHost);
        QCOMPARE(parsed.value->port, wantPort);
        QCOMPARE(parsed.value->path, wantPath);
        if (note.isEmpty())
            QVERIFY2(parsed.value->notes.isEmpty(), qPrintable(parsed.value->notes.join(u'|')));
        else
            QVERIFY2(parsed.value->notes.join(u'|').contains(note), qPrintable(parsed.value->notes.join(u'|')));
    }

    void fromFieldsErrors_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("field");

        QTest::newRow("empty host") << ""
                                    << "80"
                                    << "/"
                                    << "host";
        QTest::newRow("host with space") << "a b"
                                         << "80"
                                         << "/"
                                         << "host";
        QTest::newRow("unbracketed IPv6 with port") << "::1:80:x"
                                                    << ""
                                                    << "/"
                                                    << "host";
        QTest::newRow("port zero") << "h"
                                   << "0"
                                   << "/"
                                   << "port";
        QTest::newRow("port too large") << "h"
                                        << "65536"
                                        << "/"
                                        << "port";
        QTest::newRow("unknown service") << "h"
                                         << "nosuchservice"
                                         << "/"
                                         << "port";
        QTest::newRow("whole URL as the path") << "h"
                                               << ""
                                               << "http://h/x"
                                               << "path";
        QTest::newRow("https URL as the path") << "h"
                                               << ""
                                               << "HTTPS://h/"
                                               << "path";
    }

    void fromFieldsErrors()
    {
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, path);
        QFETCH(QString, field);
        const Parsed<HttpTarget> parsed = HttpTarget::fromFields(false, host, port, path);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error.kind, ErrorKind::Usage);
        QCOMPARE(parsed.error.field, field);
        QVERIFY(!parsed.error.message.isEmpty());
    }

    void resolveLocation_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QByteArray>("location");
        QTest::addColumn<QString>("url");

        const QString base = QStringLiteral("http://h:8080/a/b?x=1");
        QTest::newRow("absolute") << base << QByteArray("http://other/z") << "http://other/z";
        QTest::newRow("absolute https with port")
            << base << QByteArray("https://other:8443/z?q") << "https://other:8443/z?q";
        QTest::newRow("absolute, blanks around") << base << QByteArray("  http://other/  ") << "http://other/";
        QTest::newRow("scheme-relative") << base << QByteArray("//other:81/z") << "http://other:81/z";
        QTest::newRow("scheme-relative from https") << "https://h/a" << QByteArray("//other/z") << "https://other/z";
        QTest::newRow("absolute path") << base << QByteArray("/") << "http://h:8080/";
        QTest::newRow("absolute path with query") << base << QByteArray("/c?d=2") << "http://h:8080/c?d=2";
        QTest::newRow("relative path") << base << QByteArray("c") << "http://h:8080/a/c";
        QTest::newRow("relative path with query") << base << QByteArray("c?y=2") << "http://h:8080/a/c?y=2";
        QTest::newRow("relative to a directory") << "http://h/a/" << QByteArray("c") << "http://h/a/c";
        QTest::newRow("relative, base has a slash in its query")
            << "http://h/a/b?next=/x/y" << QByteArray("c") << "http://h/a/c";
        QTest::newRow("dot segments") << "http://h/a/b/c" << QByteArray("../d") << "http://h/a/d";
        QTest::newRow("dot") << "http://h/a/b" << QByteArray("./d") << "http://h/a/d";
        QTest::newRow("dot segments in an absolute path") << base << QByteArray("/x/../y/./z") << "http://h:8080/y/z";
        QTest::newRow("too many ..") << "http://h/a" << QByteArray("../../d") << "http://h/d";
        QTest::newRow("query only") << base << QByteArray("?y=2") << "http://h:8080/a/b?y=2";
        QTest::newRow("fragment dropped") << base << QByteArray("/c#part") << "http://h:8080/c";
        QTest::newRow("space encoded") << base << QByteArray("/a b") << "http://h:8080/a%20b";
        QTest::newRow("raw UTF-8 bytes encoded once")
            << base << QByteArray("/caf\xc3\xa9") << "http://h:8080/caf%C3%A9";
        QTest::newRow("raw Latin-1 byte") << base << QByteArray("/caf\xe9") << "http://h:8080/caf%E9";
        QTest::newRow("a URL in the query is not absolute")
            << base << QByteArray("/go?to=http://x/") << "http://h:8080/go?to=http://x/";
        QTest::newRow("relative, a URL in the query")
            << base << QByteArray("go?to=https://x/") << "http://h:8080/a/go?to=https://x/";
        QTest::newRow("IPv6 base") << "http://[::1]:8080/a" << QByteArray("/b") << "http://[::1]:8080/b";
    }

    void resolveLocation()
    {
        QFETCH(QString, base);
        QFETCH(QByteArray, location);
        QFETCH(QString, url);
        const Parsed<HttpTarget> b = HttpTarget::parseUrl(base);
        QVERIFY(b.ok());
        const Parsed<HttpTarget> next = HttpTarget::resolveLocation(*b.value, location);
        QVERIFY2(next.ok(), qPrintable(next.error.message));
        QCOMPARE(next.value->toUrl(), url);
    }

    void resolveLocationErrors()
    {
        const HttpTarget base = *HttpTarget::parseUrl(QStringLiteral("http://h/")).value;
        const Parsed<HttpTarget> empty = HttpTarget::resolveLocation(base, "  ");
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error.kind, ErrorKind::Usage);
        QCOMPARE(empty.error.field, QStringLiteral("location"));
        const Parsed<HttpTarget> ftp = HttpTarget::resolveLocation(base, "ftp://x/");
        QVERIFY(!ftp.ok());
        QVERIFY(ftp.error.message.contains(QStringLiteral("ftp")));
        const Parsed<HttpTarget> mail = HttpTarget::resolveLocation(base, "mailto:someone@example.org");
        QVERIFY(!mail.ok());
        QCOMPARE(mail.error.field, QStringLiteral("location"));
        QVERIFY(mail.error.message.contains(QStringLiteral("mailto:")));
    }

    void hostHeader_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("default port omitted") << false << "example.org" << 80 << QByteArray("example.org");
        QTest::newRow("other port") << false << "127.0.0.1" << 8080 << QByteArray("127.0.0.1:8080");
        QTest::newRow("https default") << true << "example.org" << 443 << QByteArray("example.org");
        QTest::newRow("https at 80") << true << "example.org" << 80 << QByteArray("example.org:80");
        QTest::newRow("IPv6 default port") << false << "::1" << 80 << QByteArray("[::1]");
        QTest::newRow("IPv6 other port") << false << "::1" << 8080 << QByteArray("[::1]:8080");
    }

    void hostHeader()
    {
        QFETCH(bool, tls);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, header);
        QCOMPARE(target(tls, host, QString(), "/").hostHeader(quint16(port)), header);
    }

    void requestBytes_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("resolvedPort");
        QTest::addColumn<bool>("http11");
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QByteArray>("bytes");

        QTest::newRow("1.0, the seed's request")
            << "http://h:8080/x" << 8080 << false << "" << QByteArray("GET /x HTTP/1.0\r\n\r\n");
        QTest::newRow("1.0 with a query")
            << "http://h/x?a=1&b" << 80 << false << "" << QByteArray("GET /x?a=1&b HTTP/1.0\r\n\r\n");
        QTest::newRow("1.0 with headers") << "http://h/" << 80 << false << "X-A: 1\nAccept:  */*  "
                                          << QByteArray("GET / HTTP/1.0\r\nX-A: 1\r\nAccept: */*\r\n\r\n");
        QTest::newRow("1.0 keeps a user Host")
            << "http://h/" << 80 << false << "Host: other" << QByteArray("GET / HTTP/1.0\r\nHost: other\r\n\r\n");
        QTest::newRow("1.1, non-default port")
            << "http://127.0.0.1:8080/" << 8080 << true << ""
            << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n");
        QTest::newRow("1.1, default port omitted") << "http://example.org/a" << 80 << true << ""
                                                   << QByteArray("GET /a HTTP/1.1\r\nHost: example.org\r\n"
                                                                 "Connection: close\r\n\r\n");
        QTest::newRow("1.1, service name resolved to 80") << "http://example.org:http/" << 80 << true << ""
                                                          << QByteArray("GET / HTTP/1.1\r\nHost: example.org\r\n"
                                                                        "Connection: close\r\n\r\n");
        QTest::newRow("1.1, https default") << "https://example.org/" << 443 << true << ""
                                            << QByteArray("GET / HTTP/1.1\r\nHost: example.org\r\n"
                                                          "Connection: close\r\n\r\n");
        QTest::newRow("1.1, IPv6") << "http://[::1]:8080/" << 8080 << true << ""
                                   << QByteArray("GET / HTTP/1.1\r\nHost: [::1]:8080\r\nConnection: close\r\n\r\n");
        QTest::newRow("1.1, user Host replaces ours")
            << "http://h/" << 80 << true << "host: other.example"
            << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\nhost: other.example\r\n\r\n");
        QTest::newRow("1.1, user Connection replaces ours")
            << "http://h/" << 80 << true << "Connection: keep-alive"
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\n\r\n");
        QTest::newRow("1.1, CRLF lines, blank lines skipped")
            << "http://h/" << 80 << true << "X-A: 1\r\n\r\n  \r\nX-B: two words\r\n"
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nX-A: 1\r\nX-B: two words\r\n\r\n");
        QTest::newRow("empty value") << "http://h/" << 80 << false
                                     << "X-Empty:" << QByteArray("GET / HTTP/1.0\r\nX-Empty: \r\n\r\n");
        QTest::newRow("Latin-1 value") << "http://h/" << 80 << false << QString::fromUtf8("X-Name: Jos\xc3\xa9")
                                       << QByteArray("GET / HTTP/1.0\r\nX-Name: Jos\xe9\r\n\r\n");
        QTest::newRow("tab in a value") << "http://h/" << 80 << false << "X-T: a\tb"
                                        << QByteArray("GET / HTTP/1.0\r\nX-T: a\tb\r\n\r\n");
    }

    void requestBytes()
    {
        QFETCH(QString, url);
        QFETCH(int, resolvedPort);
        QFETCH(bool, http11);
        QFETCH(QString, headers);
        QFETCH(QByteArray, bytes);
        HttpRequestSpec spec;
        spec.target = *HttpTarget::parseUrl(url).value;
        spec.version = http11 ? HttpVersion::Http11 : HttpVersion::Http10;
        spec.extraHeaders = headers;
        const Parsed<QByteArray> got = spec.requestBytes(quint16(resolvedPort));
        QVERIFY2(got.ok(), qPrintable(got.error.message));
        QCOMPARE(*got.value, bytes);
    }

    void badHeaderLines_data()
    {
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("says");
        QTest::newRow("no colon") << "NoColon"
                                  << "Header line 1: write it as 'Name: value'";
        QTest::newRow("empty name") << ": value"
                                    << "Header line 1: write it as";
        QTest::newRow("second line") << "X-A: 1\nBad Name: v"
                                     << "Header line 2: the name 'Bad Name'";
        QTest::newRow("blank lines counted") << "X-A: 1\n\n\nX(B): v"
                                             << "Header line 4:";
        QTest::newRow("CRLF lines counted") << "X-A: 1\r\nX-B: 2\r\nbad"
                                            << "Header line 3:";
        QTest::newRow("non-Latin-1 value") << QString::fromUtf8("X-A: \xe2\x82\xac") << "not Latin-1";
        QTest::newRow("control character") << QString::fromLatin1("X-A: a\x01"
                                                                  "b")
                                           << "control character";
        QTest::newRow("CR inside a line") << QString::fromLatin1("X-A: a\rX-B: b") << "control character";
        QTest::newRow("non-ASCII name") << QString::fromUtf8("X-\xc3\xa9: v") << "Header line 1: the name";
    }

    void badHeaderLines()
    {
        QFETCH(QString, headers);
        QFETCH(QString, says);
        HttpRequestSpec spec;
        spec.target = *HttpTarget::parseUrl(QStringLiteral("http://h/")).value;
        spec.version = HttpVersion::Http11;
        spec.extraHeaders = headers;
        const Parsed<QByteArray> got = spec.requestBytes(80);
        QVERIFY(!got.ok());
        QCOMPARE(got.error.kind, ErrorKind::Usage);
        QCOMPARE(got.error.field, QStringLiteral("headers"));
        QVERIFY2(got.error.message.contains(says), qPrintable(got.error.message));
        const auto lines = HttpRequestSpec::parseHeaderLines(headers);
        QVERIFY(!lines.ok());
        QCOMPARE(lines.error.message, got.error.message);
    }

    void parseHeaderLines()
    {
        const auto lines = HttpRequestSpec::parseHeaderLines(QStringLiteral("A: 1\n b-c :x\nD:  two  words "));
        // " b-c :x": the name keeps its blanks, so it is not a token.
        QVERIFY(!lines.ok());
        const auto good = HttpRequestSpec::parseHeaderLines(QStringLiteral("A: 1\nB-c:x\nD:  two  words "));
        QVERIFY(good.ok());
        QCOMPARE(good.value->size(), 3);
        QCOMPARE(good.value->at(1).first, QByteArray("B-c"));
        QCOMPARE(good.value->at(1).second, QByteArray("x"));
        QCOMPARE(good.value->at(2).second, QByteArray("two  words"));
        QVERIFY(HttpRequestSpec::parseHeaderLines(QString()).ok());
        QVERIFY(HttpRequestSpec::parseHeaderLines(QString()).value->isEmpty());
    }

    void rawRequest()
    {
        HttpRequestSpec spec;
        spec.target = *HttpTarget::parseUrl(QStringLiteral("http://h/ignored")).value;
        spec.version = HttpVersion::Http11;
        spec.extraHeaders = QStringLiteral("bad line"); // not used in raw mode
        spec.raw = true;
        spec.rawBytes = QByteArray("HEAD /x HTTP/1.1\nHost: y\n\n") + '\0' + "tail";
        const Parsed<QByteArray> got = spec.requestBytes(80);
        QVERIFY2(got.ok(), qPrintable(got.error.message));
        QCOMPARE(*got.value, spec.rawBytes);

        spec.rawBytes.clear();
        const Parsed<QByteArray> empty = spec.requestBytes(80);
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error.kind, ErrorKind::Usage);
        QCOMPARE(empty.error.field, QStringLiteral("raw"));
    }
};

QTEST_GUILESS_MAIN(TestHttpTarget)
#include "tst_httptarget.moc"
