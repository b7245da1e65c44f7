// Feeds arbitrary bytes to the lab HTTP server's request parser, split at a point the input
// chooses, and checks its invariants: never more held than the cap allows, an error is final,
// and every request it returns has a method and a path starting with '/'.

#include "server/behaviours/httprequestparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t split = data[0] % size;
    const QByteArray all(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    swb::HttpRequestParser parser(1024);
    parser.feed(all.left(qsizetype(split)));
    parser.feed(all.mid(qsizetype(split)));
    int requests = 0;
    while (parser.hasRequest()) {
        const swb::HttpRequest r = parser.takeRequest();
        if (r.method.isEmpty() || !r.path.startsWith('/'))
            std::abort();
        if (r.raw.size() > 1024 + 4)
            std::abort();
        ++requests;
    }
    if (parser.hasError()) {
        const int status = parser.errorStatus();
        if (status != 400 && status != 431 && status != 501 && status != 505)
            std::abort();
        parser.feed(QByteArrayLiteral("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        if (parser.hasRequest()) // nothing is read after an error
            std::abort();
    }
    return 0;
}
