#include "lookuphost.h"

#include "cliutil.h"
#include "lookup/hostlookup.h"
#include "lookup/privacy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <optional>

namespace swb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

// What the three kinds of lookup have in common, as far as printing goes.
struct Outcome {
    SessionError error;
    QJsonObject json; // the result's toJson()
    QString text; // the result's toText(): Python's lines
    QList<TraceEvent> trace;
};

template<typename Result> Outcome outcomeOf(const Result &r)
{
    return Outcome { r.error, r.toJson(), r.toText(), r.trace };
}

// What a person means as an address, not a name: [..], anything with ':', or only digits and dots.
// The address check then says exactly what is wrong with "300.1.1.1" or "1::2::3".
bool looksLikeAddress(const QString &text)
{
    if (text.startsWith(QLatin1Char('[')) || text.contains(QLatin1Char(':')))
        return true;
    bool digits = false;
    for (const QChar c : text) {
        if (c != QLatin1Char('.') && !(c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            return false;
        digits = digits || c != QLatin1Char('.');
    }
    return digits;
}

QJsonValue maskedValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return Privacy::shown(value.toString());
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(maskedValue(v));
        return out;
    }
    case QJsonValue::Object: {
        QJsonObject in = value.toObject();
        QJsonObject out;
        for (auto it = in.constBegin(); it != in.constEnd(); ++it)
            out.insert(it.key(), maskedValue(it.value())); // keys are ours: only values are masked
        return out;
    }
    default:
        return value;
    }
}

// Text: the trace of the calls, then Python's lines, then (stderr) the error and its explanation.
// JSON: one object, the result's own toJson() (its trace included) with the error's parts at the
// top level, as every verb's result has them.
int printOutcome(const Printer &out, const Outcome &o, bool hide)
{
    auto shown = [hide](const QString &text) { return hide ? Privacy::shown(text) : text; };
    if (!out.json()) {
        for (TraceEvent e : o.trace) {
            // Masked before the line is built, so the "->" column stays aligned.
            e.arguments = shown(e.arguments);
            e.result = shown(e.result);
            out.event(e);
        }
    }
    QStringList summary;
    if (!o.text.isEmpty()) {
        if (!o.trace.isEmpty())
            summary << QString();
        for (const QString &line : o.text.split(QLatin1Char('\n')))
            summary << shown(line);
    }
    QJsonObject fields = o.json;
    fields.remove(QStringLiteral("error")); // Printer::result puts error, message, explanation, os_error at the top
    if (hide)
        fields = maskedValue(fields).toObject();
    SessionError error = o.error;
    error.message = shown(error.message);
    out.result(error, fields, summary);
    return exitCodeFor(error.kind);
}

} // namespace

int runLookupHost(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Look up a host as Python's socket module does, on a worker thread, with a trace of the calls.\n"
           "A name: every getaddrinfo() result (family, socket type, protocol, address) and the canonical name,\n"
           "then gethostbyname_ex()'s (name, aliases, addresses). A numeric address: the reverse lookup,\n"
           "getnameinfo(NI_NAMEREQD) and gethostbyaddr(). No argument: this machine's gethostname(), getfqdn(),\n"
           "has_ipv6 and its interfaces with their addresses, netmasks and flags.\n"
           "Exit codes: 0 ok, 2 not a valid name or address, 3 the resolver failed or the address has no name,\n"
           "5 no answer within --timeout."));
    parser.addPositionalArgument(QStringLiteral("name|address"),
        tr("A host name (localhost) or a numeric address (127.0.0.1, ::1); none: this machine."),
        QStringLiteral("[name|address]"));
    const QCommandLineOption v4(QStringLiteral("4"), tr("Forward lookup for IPv4 only (AF_INET)."));
    const QCommandLineOption v6(QStringLiteral("6"), tr("Forward lookup for IPv6 only (AF_INET6)."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        tr("Seconds to wait for the resolver (default %1).").arg(HostLookup::kDefaultTimeoutMs / 1000), tr("S"),
        QString::number(HostLookup::kDefaultTimeoutMs / 1000));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object: the result, with its trace."));
    const QCommandLineOption hide(QStringLiteral("hide-addresses"),
        tr("Mask non-loopback addresses, hardware addresses and this machine's names in the output (as the "
           "app's privacy switch does), for output to paste into a tutorial."));
    parser.addOptions({ v4, v6, timeout, json, hide });
    if (const int rc = parseVerbArguments(parser, arguments, -1); rc >= 0)
        return rc;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        printUsageError(arguments.value(1),
            tr("expected at most 1 argument (a name or an address), got %1").arg(positional.size()));
        return exitCodeFor(ErrorKind::Usage);
    }

    const Printer out(parser.isSet(json));
    auto usage = [&](const QString &field, const QString &message) {
        out.result(makeUsageError(field, message), {}, {});
        return exitCodeFor(ErrorKind::Usage);
    };
    if (parser.isSet(v4) && parser.isSet(v6))
        return usage(QStringLiteral("family"), tr("Choose -4 or -6, not both."));
    bool ok = false;
    const double timeoutS = parser.value(timeout).toDouble(&ok);
    if (!ok || timeoutS <= 0 || timeoutS > 3600)
        return usage(QStringLiteral("timeout"), tr("--timeout must be a number of seconds between 0 and 3600."));
    const AddressFamily family = parser.isSet(v4) ? AddressFamily::IPv4
        : parser.isSet(v6)                        ? AddressFamily::IPv6
                                                  : AddressFamily::Any;

    enum class Mode { Local, Name, Address };
    const QString subject = positional.value(0);
    const Mode mode = positional.isEmpty() ? Mode::Local : looksLikeAddress(subject) ? Mode::Address : Mode::Name;
    if (mode == Mode::Local && family != AddressFamily::Any)
        return usage(QStringLiteral("family"),
            tr("-4 and -6 choose the family of a forward lookup: give a name, or leave them out to see this "
               "machine's facts."));
    if (mode == Mode::Address && family != AddressFamily::Any) {
        // A reverse lookup asks about the address given; a family that contradicts it is a mistake.
        const Parsed<QString> checked = HostResolver::checkAddress(subject);
        if (checked.ok()) {
            const bool isV6 = checked.value->contains(QLatin1Char(':'));
            if (isV6 != (family == AddressFamily::IPv6))
                return usage(QStringLiteral("family"),
                    isV6 ? tr("%1 is an IPv6 address, but -4 asks for IPv4 only.").arg(subject)
                         : tr("%1 is an IPv4 address, but -6 asks for IPv6 only.").arg(subject));
        }
    }

    const bool hiding = parser.isSet(hide);
    const int timeoutMs = qMax(1, qRound(timeoutS * 1000));

    HostLookup lookup;
    lookup.setTimeoutMs(timeoutMs);
    SignalWatcher watcher;
    QTimer namesTimer;
    namesTimer.setSingleShot(true);
    std::optional<Outcome> waiting;
    // With --hide-addresses, the names to mask are gethostname()'s at once and getfqdn()'s when it
    // comes (Privacy looks it up on a worker thread): a result waits for it, within the timeout.
    bool namesReady = !hiding;
    bool done = false;
    int exitCode = 0;

    auto finishRun = [&](const Outcome &o) {
        if (done)
            return;
        done = true;
        namesTimer.stop();
        exitCode = printOutcome(out, o, hiding);
        QCoreApplication::exit(exitCode);
    };
    auto arrived = [&](const Outcome &o) {
        if (namesReady)
            finishRun(o);
        else
            waiting = o;
    };
    auto namesSettled = [&] {
        if (namesReady)
            return;
        namesReady = true;
        if (waiting)
            finishRun(*waiting);
    };

    if (hiding) {
        Privacy *privacy = Privacy::instance();
        privacy->setEnabled(true);
        QObject::connect(privacy, &Privacy::hostNamesChanged, &lookup, namesSettled);
        QObject::connect(&namesTimer, &QTimer::timeout, &lookup, [&] {
            if (!namesReady)
                out.warning(tr("(getfqdn() did not answer within %1 s: --hide-addresses masks only gethostname()'s "
                               "name)")
                                .arg(timeoutS));
            namesSettled();
        });
        namesTimer.start(timeoutMs);
    }

    QObject::connect(
        &lookup, &HostLookup::nameLookupFinished, &lookup, [&](const NameLookupResult &r) { arrived(outcomeOf(r)); });
    QObject::connect(&lookup, &HostLookup::addressLookupFinished, &lookup,
        [&](const AddressLookupResult &r) { arrived(outcomeOf(r)); });
    QObject::connect(
        &lookup, &HostLookup::localHostFinished, &lookup, [&](const LocalHostResult &r) { arrived(outcomeOf(r)); });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &lookup, [&] {
        lookup.cancelAll();
        Outcome o;
        o.error.kind = ErrorKind::Local;
        o.error.message = tr("Interrupted.");
        namesReady = true;
        finishRun(o);
    });

    QTimer::singleShot(0, &lookup, [&] {
        switch (mode) {
        case Mode::Local:
            lookup.lookupLocalHost();
            break;
        case Mode::Name:
            lookup.lookupName(subject, family);
            break;
        case Mode::Address:
            lookup.lookupAddress(subject);
            break;
        }
    });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace swb::cli
