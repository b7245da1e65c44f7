#pragma once
// What an HTTP GET is aimed at and the exact bytes it sends. HttpTarget is parsed from a URL
// ("http://host:port/path?query", "https://...", or "host/path", taken as http) or built from
// separate host / port-or-service / path fields; HttpRequestSpec turns it into the request: the
// seed's "GET path HTTP/1.0\r\n\r\n", HTTP/1.1 with Host and Connection: close, extra header
// lines, or raw bytes the person wrote themselves.

#include "net/endpoint.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace swb {

struct HttpTarget {
    bool tls = false; // https
    QString host; // a name or a numeric address, without brackets
    QString port; // as typed: a number or a service name; empty means the scheme's default
    QByteArray path = "/"; // "/path?query", percent-encoded as it goes on the wire
    QStringList notes; // what parsing changed: a fragment dropped, characters percent-encoded

    QString scheme() const { return tls ? QStringLiteral("https") : QStringLiteral("http"); }
    quint16 defaultPort() const { return tls ? 443 : 80; }
    // The port text given to getservbyname / the connect step: the one typed, else "80" / "443".
    QString portOrDefault() const;
    // "http://127.0.0.1:8080/x": the port only when it is not the scheme's default.
    QString toUrl() const;
    // The Host field's value: "example.org", "[::1]:8080".
    QByteArray hostHeader(quint16 resolvedPort) const;

    // A URL as typed. Usage errors name the field "url".
    static Parsed<HttpTarget> parseUrl(const QString &text);
    // Separate fields; an empty path means "/". Usage errors name "host", "port" or "path".
    static Parsed<HttpTarget> fromFields(bool tls, const QString &host, const QString &port, const QString &path);
    // A Location field's value read against the URL that returned it (absolute, or relative to it).
    static Parsed<HttpTarget> resolveLocation(const HttpTarget &base, const QByteArray &location);
};

enum class HttpVersion { Http10, Http11 };

struct HttpRequestSpec {
    HttpTarget target;
    HttpVersion version = HttpVersion::Http10;
    QString extraHeaders; // "Name: value" lines, as typed
    bool raw = false; // send rawBytes exactly instead of building the request
    QByteArray rawBytes;

    // The bytes to send, or a Usage error (field "headers" or "raw") saying which line is wrong.
    // resolvedPort is the port the connection uses, for the Host field.
    Parsed<QByteArray> requestBytes(quint16 resolvedPort) const;
    // The extra header lines as name/value pairs, or a Usage error naming the line.
    static Parsed<QList<QPair<QByteArray, QByteArray>>> parseHeaderLines(const QString &text);
};

} // namespace swb
