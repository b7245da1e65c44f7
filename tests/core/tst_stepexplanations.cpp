// The plain-language explanations of trace steps: one row per call and typical result, and a scan of
// the sessions' and servers' sources so that a newly traced call without an explanation fails here.

#include "learn/stepexplanations.h"
#include "server/listenserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace swb;

namespace {

struct Row {
    Row() = default;
    Row(TraceKind kind, const QString &call, const QString &arguments, const QString &result, qint64 size = 0,
        const Endpoint &remote = {}, ErrorKind error = ErrorKind::None, int connectionId = 0)
        : kind(kind)
        , call(call)
        , arguments(arguments)
        , result(result)
        , size(size)
        , remote(remote)
        , error(error)
        , connectionId(connectionId)
    {
    }

    TraceKind kind = TraceKind::Call;
    QString call;
    QString arguments;
    QString result;
    qint64 size = 0;
    Endpoint remote;
    ErrorKind error = ErrorKind::None;
    int connectionId = 0;
};

} // namespace

Q_DECLARE_METATYPE(Row)

namespace {

TraceEvent eventOf(const Row &row)
{
    TraceEvent e;
    e.kind = row.kind;
    e.call = row.call;
    e.arguments = row.arguments;
    e.result = row.result;
    e.size = row.size;
    e.payload = QByteArray(int(qMin<qint64>(row.size, 16)), 'x');
    e.remote = row.remote;
    e.error = row.error;
    e.connectionId = row.connectionId;
    return e;
}

// The arguments of the call that starts at text[from] (just after its '('), split at the commas at
// depth 0, at most count of them.
QStringList leadingArguments(const QString &text, int from, int count)
{
    QStringList args;
    QString current;
    int depth = 0;
    bool inString = false;
    for (int i = from; i < text.size() && args.size() < count; ++i) {
        const QChar c = text.at(i);
        if (inString) {
            current += c;
            if (c == QLatin1Char('\\') && i + 1 < text.size())
                current += text.at(++i);
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            if (depth == 0) {
                args.append(current.trimmed());
                break;
            }
            --depth;
        } else if (c == QLatin1Char(',') && depth == 0) {
            args.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    return args;
}

void addLiterals(const QString &code, QSet<QString> *calls)
{
    static const QRegularExpression literal(QStringLiteral("QStringLiteral\\(\"([^\"]+)\"\\)"));
    auto it = literal.globalMatch(code);
    while (it.hasNext())
        calls->insert(it.next().captured(1));
}

// The call names a source file gives its TraceEvents: the call argument of TraceClock::make /
// makeError and of the sessions' own event helpers (event, makeEvent, trace, fail(errno, ...)), and
// what is assigned to the variables those are given (call, what).
QSet<QString> tracedCalls(const QString &code)
{
    QSet<QString> calls;
    static const QRegularExpression maker(QStringLiteral("\\b(make|makeError|makeEvent|event|trace|fail)\\("));
    auto it = maker.globalMatch(code);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringList args = leadingArguments(code, int(m.capturedEnd()), 2);
        if (args.isEmpty())
            continue;
        const QString &first = args.first();
        const bool firstIsKind = first.contains(u"TraceKind") || first == QLatin1String("kind");
        const bool firstIsErrno = first == QLatin1String("errno") || first == QLatin1String("err");
        if (m.captured(1) == QLatin1String("fail") && !firstIsErrno)
            continue; // fail(stage, error): a stage name, not a call
        addLiterals(firstIsKind || firstIsErrno ? args.value(1) : first, &calls);
    }
    static const QRegularExpression variable(QStringLiteral("\\b(?:call|what)\\s*=\\s*(?!=)([^;]*);"));
    auto vars = variable.globalMatch(code);
    while (vars.hasNext())
        addLiterals(vars.next().captured(1), &calls);
    return calls;
}

QString sourceRoot()
{
    // This file is tests/core/tst_stepexplanations.cpp in the source tree.
    return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(QStringLiteral("../.."));
}

} // namespace

class TestStepExplanations : public QObject {
    Q_OBJECT
private slots:
    void explains_data();
    void explains();
    void scannerFindsTracedCalls();
    void everyTracedCallIsExplained();
    void tableHasNoStrayCalls();
    void notesAndProblemsAreNotCalls();
    void unknownCallIsHonest();
    void pythonLineFollowsArguments();
};

void TestStepExplanations::explains_data()
{
    QTest::addColumn<Row>("row");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("resultMentions"); // a regular expression, case-insensitive

    const Endpoint local { QStringLiteral("127.0.0.1"), 40000 };
    const Endpoint server { QStringLiteral("127.0.0.1"), 50007 };
    auto add = [](const char *name, const Row &row, const char *title, const char *mentions) {
        QTest::newRow(name) << row << QString::fromUtf8(title) << QString::fromUtf8(mentions);
    };
    using K = TraceKind;
    using E = ErrorKind;
    const QString timedOut = QStringLiteral("timed out after 5 s");

    add("getservbyname", { K::Call, "getservbyname", "(\"daytime\", \"tcp\")", "13" }, "getservbyname()", "port 13");
    add("getservbyname unknown",
        { K::Call, "getservbyname", "(\"ntp\", \"udp\")", "not in the service table: the well-known port 123 is used" },
        "getservbyname()", "does not list.*123");
    add("getaddrinfo", { K::Call, "getaddrinfo", "(\"localhost\", 80, AF_UNSPEC, SOCK_STREAM)", "127.0.0.1, ::1" },
        "getaddrinfo()", "127\\.0\\.0\\.1, ::1.*tries them in this order");
    add("getaddrinfo udp", { K::Call, "getaddrinfo", "(\"localhost\", 7, AF_UNSPEC, SOCK_DGRAM)", "127.0.0.1" },
        "getaddrinfo()", "UDP uses the first");
    add("getaddrinfo EAI_NONAME", { K::Error, "getaddrinfo", "(\"nope.invalid\")", "EAI_NONAME", 0, {}, E::Resolve },
        "getaddrinfo()", "no such name");
    add("getaddrinfo timeout", { K::Error, "getaddrinfo", "", timedOut, 0, {}, E::Timeout }, "getaddrinfo()",
        "did not answer");
    add("socket", { K::Call, "socket", "(AF_INET, SOCK_STREAM)", "fd 7" }, "socket()", "number 7.*file descriptor");
    add("socket ipv6 check", { K::Call, "socket", "(AF_INET6, SOCK_DGRAM)", "ok" }, "socket()", "supports");
    add("socket EMFILE", { K::Error, "socket", "(AF_INET, SOCK_STREAM)", "EMFILE", 0, {}, E::Local }, "socket()",
        "too many");
    add("setsockopt SO_REUSEADDR", { K::Call, "setsockopt", "(SOL_SOCKET, SO_REUSEADDR, 1)", "ok" }, "setsockopt()",
        "SO_REUSEADDR.*TIME_WAIT");
    add("setsockopt SO_BROADCAST", { K::Call, "setsockopt", "(SOL_SOCKET, SO_BROADCAST, 1)", "ok" }, "setsockopt()",
        "broadcast address");
    add("setsockopt multicast ttl", { K::Call, "setsockopt", "(IPPROTO_IP, IP_MULTICAST_TTL, 4)", "ok" },
        "setsockopt()", "time to live is set to 4");
    add("setsockopt join", { K::Call, "setsockopt", "(IPPROTO_IP, IP_ADD_MEMBERSHIP, 239.1.2.3 on 0.0.0.0)", "ok" },
        "setsockopt()", "joined the multicast group");
    add("bind port 0", { K::Call, "bind", "(127.0.0.1:0)", "ok" }, "bind()", "pick a free port");
    add("bind udp port 0", { K::Call, "bind", "(('', 0))", "ok" }, "bind()", "pick a free port");
    add("bind port", { K::Call, "bind", "(127.0.0.1:50007)", "ok" }, "bind()", "owns the address and port 127");
    add("bind EADDRINUSE", { K::Error, "bind", "(127.0.0.1:50007)", "EADDRINUSE", 0, {}, E::Local }, "bind()",
        "could not.*already uses that address");
    add("listen", { K::Call, "listen", "(5)", "ok" }, "listen()", "backlog 5");
    add("getsockname", { K::Call, "getsockname", "()", "127.0.0.1:40000" }, "getsockname()",
        "127\\.0\\.0\\.1:40000.*picked by the system");
    add("getpeername", { K::Call, "getpeername", "()", "127.0.0.1:50007" }, "getpeername()",
        "other side.*127\\.0\\.0\\.1:50007");
    add("connect ok", { K::Opened, "connect", "(127.0.0.1:50007)", "ok", 0, server }, "connect()",
        "three-way handshake.*open");
    add("connect ECONNREFUSED", { K::Error, "connect", "(127.0.0.1:50007)", "ECONNREFUSED", 0, {}, E::Connect },
        "connect()", "reset.*nothing is listening");
    add("connect timeout", { K::Error, "connect", "", timedOut, 0, {}, E::Timeout }, "connect()",
        "no answer to the connection request \\(SYN\\)");
    add("connect ENETUNREACH", { K::Error, "connect", "(10.9.9.9:80)", "ENETUNREACH", 0, {}, E::Connect }, "connect()",
        "no route");
    add("connect udp", { K::Call, "connect", "(('127.0.0.1', 7))", "ok", 0, server }, "connect()",
        "nothing was sent.*only records the destination");
    add("accept", { K::Opened, "accept", "()", "fd 8, client 127.0.0.1:40000", 0, local, E::None, 1 }, "accept()",
        "client connected from 127\\.0\\.0\\.1:40000.*fd 8");
    add("accept EMFILE", { K::Error, "accept", "()", "EMFILE", 0, {}, E::Local }, "accept()", "too many");
    add("send", { K::Sent, "send", "(5 bytes)", "5", 5, server }, "send()", "5 bytes into the send buffer");
    add("send partial", { K::Sent, "send", "(100 bytes)", "60", 60, server }, "send()", "only part");
    add("send EPIPE", { K::Error, "send", "", "EPIPE", 0, {}, E::Io }, "send()", "already closed");
    add("send timeout", { K::Error, "send", "", timedOut, 0, {}, E::Timeout }, "send()", "not reading");
    add("sendto", { K::Sent, "sendto", "(4 bytes, ('127.0.0.1', 7))", "4", 4, server }, "sendto()",
        "one datagram of 4 bytes went to 127\\.0\\.0\\.1:50007");
    add("sendto broadcast",
        { K::Sent, "sendto", "(4 bytes, ('255.255.255.255', 9))", "4", 4, { QStringLiteral("255.255.255.255"), 9 } },
        "sendto()", "broadcast address 255\\.255\\.255\\.255:9.*every machine");
    add("sendto multicast",
        { K::Sent, "sendto", "(4 bytes, ('239.1.2.3', 5000))", "4", 4, { QStringLiteral("239.1.2.3"), 5000 } },
        "sendto()", "multicast group");
    add("sendto EACCES", { K::Error, "sendto", "(4 bytes, ('255.255.255.255', 9))", "EACCES", 0, {}, E::Local },
        "sendto()", "SO_BROADCAST");
    add("recv", { K::Received, "recv", "(65536)", "5 bytes", 5, server }, "recv()", "5 bytes arrived.*stream");
    add("recv 0", { K::Received, "recv", "(65536)", "0: the server closed the connection", 0, server }, "recv()",
        "other side closed its sending direction \\(end of file\\)");
    add("recv 0 server", { K::Received, "recv", "()", "0 (the client closed its side)", 0, local, E::None, 1 },
        "recv()", "end of file");
    add("recv ECONNRESET", { K::Error, "recv", "(65536)", "ECONNRESET", 0, {}, E::Io }, "recv()", "reset");
    add("recv timeout", { K::Error, "recv", "", timedOut, 0, {}, E::Timeout }, "recv()", "nothing arrived");
    add("recv udp", { K::Received, "recv", "(65536, MSG_TRUNC)", "4 bytes", 4, server }, "recv()",
        "one whole datagram");
    add("recv udp ECONNREFUSED", { K::Error, "recv", "", "ECONNREFUSED", 0, {}, E::Connect }, "recv()",
        "port-unreachable.*nothing listens");
    add("recvfrom", { K::Received, "recvfrom", "(65536, MSG_TRUNC)", "4 bytes from ('127.0.0.1', 50007)", 4, server },
        "recvfrom()", "one whole datagram of 4 bytes; its sender is 127\\.0\\.0\\.1:50007");
    add("recvfrom truncated",
        { K::Received, "recvfrom", "(8, MSG_TRUNC)", "20 bytes, truncated to 8 bytes (MSG_TRUNC): the rest is lost", 20,
            server },
        "recvfrom()", "cut");
    add("read", { K::Received, "read", "(TLS, 16384)", "100 bytes", 100, server }, "read()", "decrypted");
    add("read 0", { K::Received, "read", "(TLS, 16384)", "0: the server closed the connection", 0, server }, "read()",
        "end of file");
    add("write", { K::Sent, "write", "(TLS, 18 bytes)", "18", 18, server }, "write()", "encrypted and sent");
    add("shutdown", { K::Call, "shutdown", "(SHUT_WR)", "ok" }, "shutdown()", "send nothing more.*end of file");
    add("shutdown ENOTCONN", { K::Error, "shutdown", "(SHUT_WR)", "ENOTCONN", 0, {}, E::Io }, "shutdown()",
        "could not be closed");
    add("shutdown not called",
        { K::Note, "shutdown", "", "not called: with TLS, closing the sending side would end the encrypted channel" },
        "shutdown()", "did not make this call");
    add("close", { K::Closed, "close", "()", "ok" }, "close()", "closed");
    add("close listening", { K::Closed, "close", "(listening socket)", "ok" }, "close()", "stopped listening");
    add("close with reason", { K::Closed, "close", "()", "ok (closed after the client's close)", 0, local, E::None, 2 },
        "close()", "why: closed after the client's close");
    add("close refused", { K::Closed, "close", "()", "ok (refused: maximum)", 0, local, E::Local, 3 }, "close()",
        "maximum number of clients");
    add("getsockopt", { K::Call, "getsockopt", "(SOL_SOCKET, SO_ERROR)", "0" }, "getsockopt()", "no error");
    add("getsockopt ECONNREFUSED", { K::Call, "getsockopt", "(SOL_SOCKET, SO_ERROR)", "ECONNREFUSED" }, "getsockopt()",
        "nothing listens");
    add("tls hello", { K::Call, "TLS handshake", "(server name example.org)", "ClientHello sent" }, "TLS handshake",
        "ClientHello");
    add("tls done", { K::Call, "TLS handshake", "", "TLSv1.3, TLS_AES_256_GCM_SHA384" }, "TLS handshake",
        "agreed on TLSv1\\.3.*encrypted");
    add("tls untrusted", { K::Error, "TLS handshake", "", "certificate not trusted", 0, {}, E::Protocol },
        "TLS handshake", "certificate");
    add("tls accepted anyway", { K::Note, "TLS handshake", "", "certificate accepted for this session" },
        "TLS handshake", "remark");
    add("tls timeout", { K::Error, "TLS handshake", "", timedOut, 0, {}, E::Timeout }, "TLS handshake",
        "did not finish");
    add("parse", { K::Error, "parse", "", "malformed response at byte 12", 0, {}, E::Protocol },
        "Reading the HTTP response", "not a valid HTTP response.*byte 12");
    add("drop",
        { K::Note, ListenServer::lossyDropCall(), "", "dropped on purpose (lossy: 50% of datagrams are lost)", 0,
            server, E::None, 1 },
        "Datagram dropped", "lost");
    add("gethostbyname2_r", { K::Call, "gethostbyname2_r", "(\"localhost\", AF_INET)", "localhost [] [127.0.0.1]" },
        "gethostbyname2_r()", "answered: localhost");
    add("gethostbyname2_r nothing", { K::Note, "gethostbyname2_r", "(\"x.invalid\", AF_INET)", "HOST_NOT_FOUND" },
        "gethostbyname2_r()", "found nothing \\(HOST_NOT_FOUND\\)");
    add("gethostbyaddr_r", { K::Call, "gethostbyaddr_r", "(127.0.0.1)", "localhost [] [127.0.0.1]" },
        "gethostbyaddr_r()", "answered");
    add("getnameinfo", { K::Call, "getnameinfo", "(127.0.0.1)", "localhost" }, "getnameinfo()", "name localhost");
    add("getnameinfo EAI_NONAME", { K::Error, "getnameinfo", "(192.0.2.1)", "EAI_NONAME", 0, {}, E::Address },
        "getnameinfo()", "no name is known for this address");
    add("getnameinfo timeout", { K::Error, "getnameinfo", "(192.0.2.1)", timedOut, 0, {}, E::Timeout }, "getnameinfo()",
        "did not answer");
    add("gethostname", { K::Call, "gethostname", "()", "vm" }, "gethostname()", "calls itself vm");
    add("getfqdn", { K::Call, "getfqdn", "()", "vm.example.org" }, "getfqdn()", "full name is vm\\.example\\.org");
    add("getifaddrs", { K::Call, "getifaddrs", "()", "3 interfaces" }, "getifaddrs()", "has 3 interfaces");
}

void TestStepExplanations::explains()
{
    QFETCH(Row, row);
    QFETCH(QString, title);
    QFETCH(QString, resultMentions);
    const StepExplanations::Explanation x = StepExplanations::explain(eventOf(row));
    QCOMPARE(x.title, title);
    QVERIFY(x.known);
    QVERIFY2(x.what.size() > 40, qPrintable(x.what));
    const QRegularExpression mentions(resultMentions, QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(mentions.match(x.result).hasMatch(), qPrintable(x.result));
    const bool notACall = row.call == QLatin1String("parse") || row.call == ListenServer::lossyDropCall();
    QCOMPARE(x.python.isEmpty(), notACall);
    QVERIFY(!x.result.contains(u"%1"));
    QVERIFY(!x.what.contains(u"%1"));
}

void TestStepExplanations::scannerFindsTracedCalls()
{
    // The shapes the sessions use; a new call in any of them must show up in the scan.
    const QString code = QString::fromUtf8(R"code(
        emitEvent(m_clock.make(TraceKind::Call, QStringLiteral("alpha"), args, QStringLiteral("ok")));
        TraceEvent ev = m_clock.makeError(QStringLiteral("beta"), QStringLiteral("()"), e);
    r.trace << clock.make(ok ? TraceKind::Call : TraceKind::Note, QStringLiteral("gamma"), hArgs, x);
    TraceEvent t = makeEvent(TraceKind::Sent, tls ? QStringLiteral("delta") : QStringLiteral("epsilon"),
        QStringLiteral("(%1)").arg(n), QString::number(n));
    const QString call = connected ? QStringLiteral("zeta") : QStringLiteral("eta");
    trace(TraceKind::Received, QStringLiteral("theta"), QStringLiteral("()"), byteCount(n), data, n);
    return void(fail(errno, QStringLiteral("iota"), args));
    fail(QStringLiteral("response"), e);
    if (event.call == QLatin1String("x")) {
        o.insert(QStringLiteral("json"), 1);
    }
    emitEvent(m_clock.make(TraceKind::Note, QString(), tr("a remark")));
    )code");
    const QSet<QString> found = tracedCalls(code);
    const QSet<QString> expected { QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"),
        QStringLiteral("delta"), QStringLiteral("epsilon"), QStringLiteral("zeta"), QStringLiteral("eta"),
        QStringLiteral("theta"), QStringLiteral("iota") };
    QCOMPARE(found, expected);
}

void TestStepExplanations::everyTracedCallIsExplained()
{
    const QDir core(sourceRoot() + QStringLiteral("/core"));
    QVERIFY2(core.exists(), qPrintable(core.path()));
    QSet<QString> traced;
    for (const char *dir : { "client", "http", "server", "time", "lookup" }) {
        QDirIterator it(core.filePath(QString::fromLatin1(dir)), { QStringLiteral("*.cpp"), QStringLiteral("*.h") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            traced += tracedCalls(QString::fromUtf8(file.readAll()));
        }
    }
    traced.insert(ListenServer::lossyDropCall());
    // The scan must see the calls every session makes, or it proves nothing.
    for (const char *call : { "getaddrinfo", "socket", "connect", "accept", "recvfrom", "sendto", "shutdown", "close",
             "TLS handshake", "gethostbyname2_r", "getsockopt" })
        QVERIFY2(traced.contains(QString::fromLatin1(call)), call);
    QStringList missing;
    for (const QString &call : std::as_const(traced)) {
        TraceEvent e;
        e.kind = TraceKind::Call;
        e.call = call;
        e.result = QStringLiteral("ok");
        const StepExplanations::Explanation x = StepExplanations::explain(e);
        if (!x.known || x.what.isEmpty() || x.result.isEmpty())
            missing.append(call);
    }
    missing.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no explanation for: ") + missing.join(u", ")));
    QStringList all = traced.values();
    all.sort();
    qInfo("%lld traced call names explained: %s", qint64(all.size()), qPrintable(all.join(u", ")));
}

void TestStepExplanations::tableHasNoStrayCalls()
{
    const QStringList known = StepExplanations::knownCalls();
    QCOMPARE(QSet<QString>(known.cbegin(), known.cend()).size(), known.size());
    for (const QString &call : known) {
        TraceEvent e;
        e.kind = TraceKind::Call;
        e.call = call;
        QVERIFY2(StepExplanations::explain(e).known, qPrintable(call));
    }
}

void TestStepExplanations::notesAndProblemsAreNotCalls()
{
    TraceEvent note;
    note.kind = TraceKind::Note;
    note.result = QStringLiteral("UDP has no connection to try: the first AF_INET address, 127.0.0.1, is used");
    StepExplanations::Explanation x = StepExplanations::explain(note);
    QCOMPARE(x.title, QStringLiteral("Note"));
    QVERIFY(x.what.contains(u"not a socket call"));
    QCOMPARE(x.result, note.result);
    QVERIFY(x.python.isEmpty());

    note.result.clear();
    note.arguments = QStringLiteral("echo server listening on 127.0.0.1:50007: waiting in accept()");
    QCOMPARE(StepExplanations::explain(note).result, note.arguments);

    TraceEvent problem;
    problem.kind = TraceKind::Error;
    problem.arguments = QStringLiteral("Nothing sent or received for 30 s: the idle timeout closes this client.");
    problem.error = ErrorKind::Timeout;
    x = StepExplanations::explain(problem);
    QVERIFY(x.result.startsWith(problem.arguments));
    QVERIFY(x.result.contains(explainError(ErrorKind::Timeout, QString())));
    QVERIFY(x.python.isEmpty());
}

void TestStepExplanations::unknownCallIsHonest()
{
    TraceEvent e;
    e.kind = TraceKind::Call;
    e.call = QStringLiteral("frobnicate");
    e.result = QStringLiteral("42");
    StepExplanations::Explanation x = StepExplanations::explain(e);
    QVERIFY(!x.known);
    QCOMPARE(x.title, QStringLiteral("frobnicate()"));
    QVERIFY(x.what.contains(u"no explanation"));
    QVERIFY(x.result.contains(u"42"));
    QVERIFY(x.python.isEmpty());

    e.kind = TraceKind::Error;
    e.result = QStringLiteral("ECONNRESET");
    x = StepExplanations::explain(e);
    QVERIFY(!x.known);
    QVERIFY(x.result.contains(explainError(ErrorKind::Io, QStringLiteral("ECONNRESET"))));
}

void TestStepExplanations::pythonLineFollowsArguments()
{
    TraceEvent e;
    e.kind = TraceKind::Call;
    e.call = QStringLiteral("socket");
    e.arguments = QStringLiteral("(AF_INET6, SOCK_DGRAM)");
    e.result = QStringLiteral("fd 3");
    QCOMPARE(
        StepExplanations::explain(e).python, QStringLiteral("s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)"));
    e.call = QStringLiteral("setsockopt");
    e.arguments = QStringLiteral("(SOL_SOCKET, SO_REUSEADDR, 1)");
    e.result = QStringLiteral("ok");
    QCOMPARE(
        StepExplanations::explain(e).python, QStringLiteral("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"));
    e.call = QStringLiteral("listen");
    e.arguments = QStringLiteral("(5)");
    QCOMPARE(StepExplanations::explain(e).python, QStringLiteral("s.listen(5)"));
    e.call = QStringLiteral("connect");
    e.arguments = QStringLiteral("(127.0.0.1:50007)");
    QCOMPARE(StepExplanations::explain(e).python, QStringLiteral("s.connect((host, port))"));
    e.kind = TraceKind::Received;
    e.call = QStringLiteral("recvfrom");
    QCOMPARE(StepExplanations::explain(e).python, QStringLiteral("data, address = s.recvfrom(bufsize)"));
    // A server's client socket is the one accept() returned: conn.
    e.call = QStringLiteral("recv");
    e.connectionId = 1;
    QCOMPARE(StepExplanations::explain(e).python, QStringLiteral("data = conn.recv(bufsize)"));
}

QTEST_GUILESS_MAIN(TestStepExplanations)
#include "tst_stepexplanations.moc"
