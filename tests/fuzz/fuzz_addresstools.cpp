// libFuzzer target for AddressTools: arbitrary input, up to its first NUL, is the text a person
// types into the Lookup panel's address tools. Our parsers must agree with the C library on every
// input (inet_pton for both families, inet_aton, getprotobyname_r: accept or refuse, and the value),
// our inet_ntop/inet_ntoa must write what libc writes for the same bytes, and every refusal must be
// a Usage error whose positions lie inside the text.

#include "lookup/addresstools.h"

#include <QRegularExpression>

#include <arpa/inet.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>

using swb::AddressTools::AddressFamily;
using swb::AddressTools::ByteOrderCall;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_addresstools: %s\n", what);
        std::abort();
    }
}

void checkError(const swb::SessionError &error, const char *field, const QString &text, const char *what)
{
    check(error.kind == swb::ErrorKind::Usage, what);
    check(error.field == QLatin1String(field), what);
    check(!error.message.isEmpty(), what);
    static const QRegularExpression position(QStringLiteral("position (\\d+)"));
    const qsizetype length = text.toStdU32String().size();
    for (auto it = position.globalMatch(error.message); it.hasNext();) {
        const int n = it.next().captured(1).toInt();
        check(n >= 1 && n <= length, what);
    }
}

int afOf(AddressFamily family)
{
    return family == AddressFamily::IPv4 ? AF_INET : AF_INET6;
}

QString libcNtop(AddressFamily family, const char *bytes)
{
    char buffer[INET6_ADDRSTRLEN];
    check(inet_ntop(afOf(family), bytes, buffer, sizeof buffer) != nullptr, "libc inet_ntop");
    return QString::fromLatin1(buffer);
}

void checkPton(AddressFamily family, const QByteArray &cut, const QString &text)
{
    unsigned char buffer[16];
    const bool libcOk = inet_pton(afOf(family), cut.constData(), buffer) == 1;
    const swb::AddressTools::PtonResult ours = swb::AddressTools::inetPton(family, text);
    check(ours.ok() == libcOk,
        family == AddressFamily::IPv4 ? "inet_pton(AF_INET) verdict is libc's"
                                      : "inet_pton(AF_INET6) verdict is libc's");
    if (!libcOk) {
        checkError(ours.error, "address", text, "inet_pton refusal is a Usage error inside the text");
        return;
    }
    const int length = swb::AddressTools::addressLength(family);
    check(ours.bytes == QByteArray(reinterpret_cast<const char *>(buffer), length), "inet_pton bytes are libc's");
    check(ours.canonical == libcNtop(family, ours.bytes.constData()), "canonical text is libc's inet_ntop");
    check(ours.mappedIPv4.isEmpty() != swb::AddressTools::isIPv4Mapped(ours.bytes), "mapped is detected");
}

void checkAton(const QByteArray &cut, const QString &text)
{
    in_addr address {};
    const bool libcOk = inet_aton(cut.constData(), &address) != 0;
    const swb::AddressTools::AtonResult ours = swb::AddressTools::inetAton(text);
    check(ours.ok() == libcOk, "inet_aton verdict is libc's");
    if (!libcOk) {
        checkError(ours.error, "address", text, "inet_aton refusal is a Usage error inside the text");
        return;
    }
    check(ours.bytes == QByteArray(reinterpret_cast<const char *>(&address.s_addr), 4), "inet_aton bytes are libc's");
    check(ours.address == QString::fromLatin1(inet_ntoa(address)), "inet_aton address is libc's inet_ntoa");
    check(ours.value == ntohl(address.s_addr), "inet_aton value");
    unsigned char strict[4];
    check(ours.ptonAccepts == (inet_pton(AF_INET, cut.constData(), strict) == 1), "ptonAccepts is libc's");
    check(!ours.explanation.isEmpty() && !ours.parts.isEmpty() && ours.parts.size() <= 4, "aton explains its parts");
}

void checkBytes(const uint8_t *data, size_t size)
{
    const auto *bytes = reinterpret_cast<const char *>(data);
    if (size >= 4) {
        const QByteArray v4(bytes, 4);
        check(swb::AddressTools::inetNtop(AddressFamily::IPv4, v4).text == libcNtop(AddressFamily::IPv4, bytes),
            "inet_ntop(AF_INET) is libc's");
        in_addr address {};
        std::memcpy(&address.s_addr, bytes, 4);
        check(swb::AddressTools::inetNtoa(v4).text == QString::fromLatin1(inet_ntoa(address)), "inet_ntoa is libc's");
    }
    if (size >= 16) {
        const QByteArray v6(bytes, 16);
        const swb::AddressTools::NtopResult text = swb::AddressTools::inetNtop(AddressFamily::IPv6, v6);
        check(text.text == libcNtop(AddressFamily::IPv6, bytes), "inet_ntop(AF_INET6) is libc's");
        check(swb::AddressTools::inetPton(AddressFamily::IPv6, text.text).bytes == v6, "ntop -> pton round trip");
    }
    for (const qsizetype wrong : { qsizetype(0), qsizetype(size % 32) }) {
        const QByteArray bytesOfSize(bytes, qMin<qsizetype>(wrong, qsizetype(size)));
        for (const AddressFamily family : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
            const swb::AddressTools::NtopResult r = swb::AddressTools::inetNtop(family, bytesOfSize);
            check(r.ok() == (bytesOfSize.size() == swb::AddressTools::addressLength(family)), "ntop length rule");
        }
    }
}

void checkByteOrder(const QString &text)
{
    for (const ByteOrderCall call :
        { ByteOrderCall::Htons, ByteOrderCall::Ntohs, ByteOrderCall::Htonl, ByteOrderCall::Ntohl }) {
        const swb::AddressTools::ByteOrderResult r = swb::AddressTools::byteOrder(call, text);
        if (!r.ok()) {
            checkError(r.error, "value", text, "byte order refusal is a Usage error inside the text");
            continue;
        }
        const int width = swb::AddressTools::byteOrderWidth(call);
        check(r.width == width && r.hostBytes.size() == width && r.networkBytes.size() == width, "byte widths");
        quint32 libc = 0;
        switch (call) {
        case ByteOrderCall::Htons:
            check(r.value <= 0xffff, "htons range");
            libc = htons(quint16(r.value));
            break;
        case ByteOrderCall::Ntohs:
            check(r.value <= 0xffff, "ntohs range");
            libc = ntohs(quint16(r.value));
            break;
        case ByteOrderCall::Htonl:
            libc = htonl(r.value);
            break;
        case ByteOrderCall::Ntohl:
            libc = ntohl(r.value);
            break;
        }
        check(r.converted == libc, "byte order conversion is libc's");
        const swb::AddressTools::ByteOrderResult again
            = swb::AddressTools::byteOrder(call, swb::AddressTools::formatValue(r.value, width));
        check(again.ok() && again.value == r.value, "formatValue -> byteOrder round trip");
    }
}

void checkProtocol(const QByteArray &cut, const QString &text)
{
    // A name that is not valid UTF-8 reaches libc as other bytes than ours: both refuse it, but
    // the comparison below would not be of the same name.
    if (cut.size() > 40 || text.toUtf8() != cut)
        return;
    protoent entry {};
    protoent *found = nullptr;
    char buffer[4096];
    getprotobyname_r(cut.constData(), &entry, buffer, sizeof buffer, &found);
    const swb::AddressTools::ProtocolResult ours = swb::AddressTools::getProtoByName(text);
    check(ours.ok() == (found != nullptr), "getprotobyname verdict is libc's");
    if (!found) {
        checkError(ours.error, "protocol", text, "protocol refusal is a Usage error");
        return;
    }
    check(ours.number == found->p_proto && ours.name == QString::fromLocal8Bit(found->p_name), "protocol is libc's");
    const swb::AddressTools::ProtocolResult byNumber = swb::AddressTools::getProtoByNumber(ours.number);
    check(byNumber.ok() && byNumber.number == ours.number, "the number of a protocol gives a protocol");
}

void checkMapped(const QString &text)
{
    const swb::AddressTools::MappedResult r = swb::AddressTools::convertMapped(text);
    if (!r.ok()) {
        checkError(r.error, "address", text, "mapped refusal is a Usage error inside the text");
        return;
    }
    check(swb::AddressTools::isIPv4Mapped(r.ipv6Bytes), "mapped bytes are ::ffff:0:0/96");
    check(r.ipv6 == libcNtop(AddressFamily::IPv6, r.ipv6Bytes.constData()), "mapped text is libc's");
    check(r.ipv4 == libcNtop(AddressFamily::IPv4, r.ipv6Bytes.constData() + 12), "the IPv4 inside");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto *chars = reinterpret_cast<const char *>(data);
    const void *nul = std::memchr(chars, 0, size);
    const QByteArray cut(chars, nul ? static_cast<const char *>(nul) - chars : qsizetype(size));
    const QString text = QString::fromUtf8(cut);

    checkPton(AddressFamily::IPv4, cut, text);
    checkPton(AddressFamily::IPv6, cut, text);
    checkAton(cut, text);
    checkBytes(data, size);
    checkByteOrder(text);
    checkProtocol(cut, text);
    checkMapped(text);
    return 0;
}
