// The Simplified Chinese translation is complete and well-formed: no unfinished or vanished entry,
// the same placeholders, HTML tags and keyboard accelerators as the English, and nothing in the
// sources that lupdate would add as new (a visible string changed without its translation).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type; // "", "unfinished", "vanished", "obsolete"
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message { context, {}, {}, {} };
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text, or numerusform children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (current.translations.isEmpty())
                current.translations.append(text);
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QStringList matches(const QRegularExpression &re, const QString &text)
{
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(1).toLower());
    return found;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(%L?(?:\\d|n))"));
    return sorted(matches(re, text));
}

QStringList tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(</?[a-zA-Z][a-zA-Z0-9]*)"));
    return sorted(matches(re, text));
}

QStringList accelerators(QString text)
{
    static const QRegularExpression entity(QStringLiteral("&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);"));
    text.remove(entity);
    text.remove(QStringLiteral("&&"));
    static const QRegularExpression re(QStringLiteral("&(\\w)"));
    return matches(re, text);
}

bool hasHan(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

bool fullWidthPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xff0f) || (u >= 0xff1a && u <= 0xff20);
}

const QString kTs = QStringLiteral(SWB_SOURCE_DIR "/resources/i18n/socket-workbench_zh_CN.ts");

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everyMessageIsTranslated();
    void translationsKeepPlaceholdersTagsAndAccelerators();
    void sourcesHaveNothingNew();
};

void TestTranslations::everyMessageIsTranslated()
{
    QString error;
    const QList<Message> messages = readTs(kTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 1000, qPrintable(QString::number(messages.size())));
    int withHan = 0;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source.left(80);
        QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" — ") + where));
        for (const QString &t : m.translations)
            QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty — ") + where));
        if (hasHan(m.translations.first()))
            ++withHan;
    }
    // Some entries are rightly the same in both (TLS, "&150 %", IPv4 (AF_INET)); nearly all are Chinese.
    QVERIFY2(withHan * 100 >= messages.size() * 95,
        qPrintable(QStringLiteral("%1 of %2").arg(withHan).arg(messages.size())));
}

void TestTranslations::translationsKeepPlaceholdersTagsAndAccelerators()
{
    QString error;
    const QList<Message> messages = readTs(kTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const Message &m : messages) {
        for (const QString &t : m.translations) {
            const QString where
                = m.context + QStringLiteral(": ") + m.source.left(80) + QStringLiteral(" -> ") + t.left(80);
            QVERIFY2(placeholders(m.source) == placeholders(t), qPrintable(QStringLiteral("placeholders — ") + where));
            QVERIFY2(tags(m.source) == tags(t), qPrintable(QStringLiteral("HTML tags — ") + where));
            QVERIFY2(accelerators(m.source) == accelerators(t), qPrintable(QStringLiteral("accelerator — ") + where));
            // A suffix such as " s" keeps its space, or the number runs into the unit; full-width
            // punctuation ("，只显示…") brings its own space.
            const bool spaced = t.startsWith(QLatin1Char(' ')) || (!t.isEmpty() && fullWidthPunctuation(t.front()));
            if (m.source.startsWith(QLatin1Char(' ')))
                QVERIFY2(spaced, qPrintable(QStringLiteral("leading space — ") + where));
            else
                QVERIFY2(!t.startsWith(QLatin1Char(' ')), qPrintable(QStringLiteral("leading space — ") + where));
        }
    }
}

void TestTranslations::sourcesHaveNothingNew()
{
    const QString lupdate = QStringLiteral(SWB_LUPDATE);
    if (!QFile::exists(lupdate))
        QSKIP(qPrintable(QStringLiteral("lupdate not found at %1").arg(lupdate)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("check.ts"));
    QVERIFY(QFile::copy(kTs, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    // The same sources as qt_add_translations in ui/CMakeLists.txt.
    const QString root = QStringLiteral(SWB_SOURCE_DIR);
    QProcess run;
    run.start(lupdate,
        { QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-no-obsolete"), root + QStringLiteral("/core"), root + QStringLiteral("/ui"),
            root + QStringLiteral("/app/cli/tourverb.cpp"), QStringLiteral("-ts"), copy });
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitCode(), 0);
    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList unfinished;
    for (const Message &m : messages) {
        if (!m.type.isEmpty())
            unfinished.append(m.context + QStringLiteral(": ") + m.source);
    }
    QVERIFY2(unfinished.isEmpty(),
        qPrintable(QStringLiteral("run `cmake --build --preset dev --target update_translations` and translate:\n")
            + unfinished.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
