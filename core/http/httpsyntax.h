#pragma once
// The character classes of HTTP/1.1's grammar (RFC 9110, RFC 9112) that the request parser, the
// response parser and the request builder share.

#include <QByteArrayView>

namespace swb::HttpSyntax {

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isBlank(char c) // SP or HTAB: what may surround a field value
{
    return c == ' ' || c == '\t';
}

// RFC 9110 section 5.6.2: the characters of a token (a method, a field name).
inline bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c))
        return true;
    return c != '\0' && QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace swb::HttpSyntax
