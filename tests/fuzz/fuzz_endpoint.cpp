// libFuzzer target for EndpointParser: arbitrary UTF-8 as a person might type it into the address
// field. The first byte picks the options (transport, default port, port 0 allowed). A parse
// either gives an endpoint that survives toString() -> parse() and the sockaddr round trip, or a
// Usage error that names its field.

#include "net/endpoint.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_endpoint: %s\n", what);
        std::abort();
    }
}

void checkError(const swb::SessionError &error, const char *what)
{
    check(error.kind == swb::ErrorKind::Usage, what);
    check(!error.message.isEmpty(), what);
    check(error.message.contains(error.field, Qt::CaseInsensitive), what);
}

void checkSockaddr(const swb::Endpoint &endpoint)
{
    sockaddr_storage first;
    unsigned firstLength = 0;
    if (!endpoint.toSockaddr(&first, &firstLength))
        return;
    const swb::Endpoint back = swb::Endpoint::fromSockaddr(reinterpret_cast<const sockaddr *>(&first));
    check(back.port == endpoint.port, "sockaddr keeps the port");
    sockaddr_storage second;
    unsigned secondLength = 0;
    check(back.toSockaddr(&second, &secondLength), "an address from the kernel is numeric");
    check(firstLength == secondLength && std::memcmp(&first, &second, firstLength) == 0, "sockaddr round trip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t options = data[0];
    const swb::Transport transport = (options & 1) ? swb::Transport::Udp : swb::Transport::Tcp;
    const quint16 defaultPort = (options & 2) ? 50007 : 0;
    const bool allowZero = options & 4;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const swb::Parsed<swb::Endpoint> parsed = swb::EndpointParser::parse(text, transport, defaultPort, allowZero);
    if (parsed.ok()) {
        check(!parsed.error.isError(), "no error with a result");
        const swb::Endpoint &endpoint = *parsed.value;
        check(endpoint.isValid(), "a parsed endpoint has a host");
        check(endpoint.port != 0 || allowZero, "port 0 only when allowed");
        check(!endpoint.toPythonTuple().isEmpty(), "python tuple");
        if (endpoint.port != 0) {
            const swb::Parsed<swb::Endpoint> again
                = swb::EndpointParser::parse(endpoint.toString(), transport, 0, allowZero);
            check(again.ok() && *again.value == endpoint, "toString() -> parse() round trip");
        }
        checkSockaddr(endpoint);
    } else {
        checkError(parsed.error, "parse error is a Usage error naming its field");
        check(parsed.error.field == QLatin1String("host") || parsed.error.field == QLatin1String("port"),
            "parse error field is host or port");
    }

    const swb::Parsed<QString> host = swb::EndpointParser::parseHost(text, QStringLiteral("bind address"));
    if (host.ok()) {
        check(!host.value->isEmpty(), "a parsed host is not empty");
        const swb::Parsed<QString> again = swb::EndpointParser::parseHost(*host.value);
        check(again.ok() && *again.value == *host.value, "a parsed host parses again");
    } else {
        checkError(host.error, "host error is a Usage error naming its field");
        check(host.error.field == QLatin1String("bind address"), "host error keeps the field");
    }

    const swb::Parsed<quint16> port = swb::EndpointParser::parsePort(text, transport, allowZero);
    if (port.ok())
        check(*port.value != 0 || allowZero, "port 0 only when allowed");
    else
        checkError(port.error, "port error is a Usage error naming its field");
    return 0;
}
