#include "cliutil.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace swb::cli {

static void writeOut(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void Printer::event(const TraceEvent &event) const
{
    if (m_json)
        writeOut(m_stream, QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact)));
    else
        writeOut(m_stream, event.toLine());
}

void Printer::line(const QString &text) const
{
    if (!m_json)
        writeOut(m_stream, text);
}

void Printer::note(const QString &text) const
{
    writeOut(m_json ? stderr : m_stream, text);
}

void Printer::warning(const QString &text) const
{
    writeOut(stderr, text);
}

void Printer::object(const QJsonObject &object) const
{
    if (m_json)
        writeOut(m_stream, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void Printer::result(const SessionError &error, const QJsonObject &fields, const QStringList &summary) const
{
    if (m_json) {
        QJsonObject o = fields;
        o.insert(QStringLiteral("type"), QStringLiteral("result"));
        o.insert(QStringLiteral("ok"), !error.isError());
        if (error.isError()) {
            o.insert(QStringLiteral("error"), errorKindName(error.kind));
            o.insert(QStringLiteral("message"), error.message);
            o.insert(QStringLiteral("explanation"), error.explanation());
            if (!error.osError.isEmpty())
                o.insert(QStringLiteral("os_error"), error.osError);
            if (!error.field.isEmpty())
                o.insert(QStringLiteral("field"), error.field);
            o.insert(QStringLiteral("python"), errorKindPythonName(error.kind));
        }
        o.insert(QStringLiteral("exit_code"), exitCodeFor(error.kind));
        writeOut(m_stream, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        return;
    }
    for (const QString &s : summary)
        writeOut(m_stream, s);
    if (error.isError()) {
        QString head = QStringLiteral("error: %1").arg(errorKindName(error.kind));
        if (!error.osError.isEmpty())
            head += QStringLiteral(" (%1)").arg(error.osError);
        writeOut(stderr, head + QStringLiteral(": ") + error.message);
        writeOut(stderr, QStringLiteral("  ") + error.explanation());
    }
}

static int s_signalPipe[2] = { -1, -1 };

static void onSignal(int signal)
{
    const int saved = errno;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(s_signalPipe[1], &byte, 1);
    errno = saved;
}

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, s_signalPipe) != 0)
        return;
    // The handler only writes a byte; the event loop reads it and does the real work.
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    m_notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(s_signalPipe[0], &byte, 1) == 1)
            emit interrupted(int(byte));
    });
}

SignalWatcher::~SignalWatcher()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    for (int &fd : s_signalPipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void printUsageError(const QString &verb, const QString &message)
{
    writeOut(stderr, QStringLiteral("socket-workbench %1: %2").arg(verb, message));
    writeOut(stderr, QStringLiteral("Try 'socket-workbench %1 --help'.").arg(verb));
}

int parseVerbArguments(QCommandLineParser &parser, const QStringList &arguments, int positionalCount)
{
    const QString verb = arguments.value(1);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(
        { QStringLiteral("h"), QStringLiteral("help") }, QCoreApplication::translate("cli", "Show this help."));
    parser.addOption(help);
    QStringList args = arguments;
    args.removeAt(1); // the verb
    if (!parser.parse(args)) {
        printUsageError(verb, parser.errorText());
        return 2;
    }
    if (parser.isSet(help)) {
        writeOut(stdout, parser.helpText().replace(QLatin1String("[options]"), verb + QStringLiteral(" [options]")));
        return 0;
    }
    if (positionalCount >= 0 && parser.positionalArguments().size() != positionalCount) {
        printUsageError(verb,
            QCoreApplication::translate("cli", "expected %1 argument(s), got %2")
                .arg(positionalCount)
                .arg(parser.positionalArguments().size()));
        return 2;
    }
    return -1;
}

} // namespace swb::cli
