// socket-workbench tour, run with QProcess offscreen: a PNG per panel of the expected size that is not
// blank, an index.md that links each one, --scale 2 doubling the pixels, and the usage errors.
// App tests link no Gui module, so the PNGs are read here with a small decoder (zlib via qUncompress).

#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace swb;

namespace {

struct Png {
    QString error; // empty when decoded
    int width = 0;
    int height = 0;
    int colours = 0; // distinct RGB colours
};

int paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = qAbs(p - a);
    const int pb = qAbs(p - b);
    const int pc = qAbs(p - c);
    if (pa <= pb && pa <= pc)
        return a;
    return pb <= pc ? b : c;
}

// 8-bit RGB or RGBA, not interlaced: what QImage writes for the tour's pictures.
Png readPng(const QString &path)
{
    Png png;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        png.error = QStringLiteral("cannot open");
        return png;
    }
    const QByteArray data = file.readAll();
    if (!data.startsWith("\x89PNG\r\n\x1a\n")) {
        png.error = QStringLiteral("not a PNG");
        return png;
    }
    QByteArray idat;
    int bytesPerPixel = 0;
    qsizetype at = 8;
    while (at + 12 <= data.size()) {
        const auto length = qsizetype(qFromBigEndian<quint32>(data.constData() + at));
        const QByteArray type = data.mid(at + 4, 4);
        const QByteArray body = data.mid(at + 8, length);
        if (body.size() != length) {
            png.error = QStringLiteral("truncated chunk ") + QString::fromLatin1(type);
            return png;
        }
        if (type == "IHDR") {
            png.width = int(qFromBigEndian<quint32>(body.constData()));
            png.height = int(qFromBigEndian<quint32>(body.constData() + 4));
            const int depth = quint8(body.at(8));
            const int colourType = quint8(body.at(9));
            if (depth != 8 || (colourType != 2 && colourType != 6) || body.at(12) != 0) {
                png.error = QStringLiteral("unexpected format: depth %1, colour type %2").arg(depth).arg(colourType);
                return png;
            }
            bytesPerPixel = colourType == 6 ? 4 : 3;
        } else if (type == "IDAT") {
            idat += body;
        } else if (type == "IEND") {
            break;
        }
        at += 12 + length;
    }
    if (bytesPerPixel == 0 || idat.isEmpty()) {
        png.error = QStringLiteral("no IHDR or IDAT");
        return png;
    }
    const qsizetype stride = qsizetype(png.width) * bytesPerPixel;
    const qsizetype rawSize = (stride + 1) * png.height;
    QByteArray sized(4, Qt::Uninitialized);
    qToBigEndian(quint32(rawSize), sized.data()); // qUncompress wants the size first
    const QByteArray raw = qUncompress(sized + idat);
    if (raw.size() != rawSize) {
        png.error = QStringLiteral("inflated %1 bytes, expected %2").arg(raw.size()).arg(rawSize);
        return png;
    }
    QByteArray previous(stride, '\0');
    QByteArray row(stride, '\0');
    QSet<quint32> colours;
    for (int y = 0; y < png.height; ++y) {
        const char *in = raw.constData() + y * (stride + 1);
        const int filter = quint8(in[0]);
        for (qsizetype x = 0; x < stride; ++x) {
            const int a = x >= bytesPerPixel ? quint8(row.at(x - bytesPerPixel)) : 0;
            const int b = quint8(previous.at(x));
            const int c = x >= bytesPerPixel ? quint8(previous.at(x - bytesPerPixel)) : 0;
            int predictor = 0;
            switch (filter) {
            case 0:
                break;
            case 1:
                predictor = a;
                break;
            case 2:
                predictor = b;
                break;
            case 3:
                predictor = (a + b) / 2;
                break;
            case 4:
                predictor = paeth(a, b, c);
                break;
            default:
                png.error = QStringLiteral("bad filter %1 in row %2").arg(filter).arg(y);
                return png;
            }
            row[x] = char((quint8(in[1 + x]) + predictor) & 0xff);
        }
        for (int x = 0; x < png.width; ++x) {
            const auto *p = reinterpret_cast<const uchar *>(row.constData() + x * bytesPerPixel);
            colours.insert(quint32(p[0]) << 16 | quint32(p[1]) << 8 | p[2]);
        }
        std::swap(previous, row);
    }
    png.colours = int(colours.size());
    return png;
}

const QStringList kPictures
    = { QStringLiteral("01-connect.png"), QStringLiteral("02-server.png"), QStringLiteral("03-lookup.png"),
          QStringLiteral("04-http.png"), QStringLiteral("05-udp.png"), QStringLiteral("06-time.png") };

// A real panel after a run has text, controls and tables: hundreds of colours, not one.
constexpr int kMinColours = 64;

} // namespace

class TestCliTour : public QObject {
    Q_OBJECT

private:
    static test::CliRun tour(const QStringList &args, int timeoutMs = 15000)
    {
        return test::runCli(QStringList { QStringLiteral("tour") } + args, timeoutMs);
    }

    static void checkPicture(const QDir &dir, const QString &name, int width, int height)
    {
        const QString path = dir.filePath(name);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const Png png = readPng(path);
        QVERIFY2(png.error.isEmpty(), qPrintable(name + QStringLiteral(": ") + png.error));
        QCOMPARE(png.width, width);
        QCOMPARE(png.height, height);
        QVERIFY2(png.colours >= kMinColours, qPrintable(QStringLiteral("%1: %2 colours").arg(name).arg(png.colours)));
    }

    static QString readText(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private slots:
    void initTestCase()
    {
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the tour is inherited by the process it starts
        // Run by hand from the build folder (not by CTest): the binary next door.
        if (test::cliBinary().isEmpty())
            qputenv("SWB_BINARY",
                QFile::encodeName(
                    QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/socket-workbench")));
        QVERIFY2(QFile::exists(test::cliBinary()), "SWB_BINARY is not set to the built socket-workbench");
    }

    void everyPanelGivesAPicture()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("tour"));
        const test::CliRun r = tour({ QStringLiteral("--out"), out }, 60000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QDir::toNativeSeparators(QDir(out).absolutePath())), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("index.md")), qPrintable(r.out));
        for (const QString &name : kPictures)
            checkPicture(QDir(out), name, 1100, 720);

        const QString index = readText(QDir(out).filePath(QStringLiteral("index.md")));
        QVERIFY(index.startsWith(QStringLiteral("# ")));
        QVERIFY2(index.contains(QStringLiteral("127.0.0.1")), qPrintable(index));
        for (const QString &name : kPictures)
            QVERIFY2(index.contains(QStringLiteral("](%1)").arg(name)), qPrintable(name));
        QVERIFY2(!index.contains(QStringLiteral("Note:")), qPrintable(index));

        // Each run's transcript, as File › Save Transcript writes it: the request, the steps and
        // the bytes as hex dumps (a lookup makes no socket calls), the result, and the Python.
        for (QString name : kPictures) {
            name.replace(QStringLiteral(".png"), QStringLiteral(".md"));
            QVERIFY2(index.contains(QStringLiteral("](%1)").arg(name)), qPrintable(name));
            const QString md = readText(QDir(out).filePath(name));
            for (const char *section :
                { "## Request\n\n- **", "## Result\n\n- ", "## The same in Python\n\n```python\n" })
                QVERIFY2(md.contains(QLatin1String(section)), qPrintable(name + QStringLiteral(": ") + md));
            if (name.contains(QLatin1String("lookup"))) {
                QVERIFY2(md.contains(QStringLiteral("getservbyname")), qPrintable(md));
                continue;
            }
            QVERIFY2(md.contains(QStringLiteral("## Steps\n\n")), qPrintable(md));
            QVERIFY2(md.contains(QStringLiteral("| # |")), qPrintable(md));
            QVERIFY2(md.contains(QStringLiteral("```\n00000000  ")), qPrintable(name + QStringLiteral(": ") + md));
        }
        // What was asked and what came back, from pages and tables the picture may not show.
        const QString lookup = readText(QDir(out).filePath(QStringLiteral("03-lookup.md")));
        QVERIFY2(lookup.contains(QStringLiteral("- **Service or port:** http\n")), qPrintable(lookup));
        QVERIFY2(lookup.contains(QStringLiteral("→ port 80")), qPrintable(lookup));
        const QString http = readText(QDir(out).filePath(QStringLiteral("04-http.md")));
        QVERIFY2(
            http.contains(QStringLiteral("- Content-Length: ")) || http.contains(QStringLiteral("- Content-Type: ")),
            qPrintable(http));
        // The server's client sent this line; the transcript shows it in the hex dump's text column.
        QVERIFY(readText(QDir(out).filePath(QStringLiteral("02-server.md")))
                    .contains(QStringLiteral("|hello from the t|")));
    }

    void scaleTwoDoublesThePixels()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const test::CliRun r
            = tour({ QStringLiteral("--out"), dir.path(), QStringLiteral("--scale"), QStringLiteral("2"),
                       QStringLiteral("--panels"), QStringLiteral("udp,connect") },
                30000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        checkPicture(QDir(dir.path()), QStringLiteral("01-connect.png"), 2200, 1440);
        checkPicture(QDir(dir.path()), QStringLiteral("05-udp.png"), 2200, 1440);
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("02-server.png"))));
        const QString index = readText(QDir(dir.path()).filePath(QStringLiteral("index.md")));
        // Sidebar order, whatever order --panels gave.
        QVERIFY2(index.indexOf(QStringLiteral("01-connect.png")) < index.indexOf(QStringLiteral("05-udp.png")),
            qPrintable(index));
    }

    void chineseTour()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const test::CliRun r = tour({ QStringLiteral("--out"), dir.path(), QStringLiteral("--lang"),
                                        QStringLiteral("zh_CN"), QStringLiteral("--panels"), QStringLiteral("lookup") },
            30000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        checkPicture(QDir(dir.path()), QStringLiteral("03-lookup.png"), 1100, 720);
        // The index and the progress lines are in Chinese, with the panel's Chinese name.
        const QString index = readText(QDir(dir.path()).filePath(QStringLiteral("index.md")));
        QVERIFY2(index.contains(QStringLiteral("## 1. 查询")), qPrintable(index));
        QVERIFY2(index.contains(QStringLiteral("各面板一览")), qPrintable(index));
        QVERIFY2(r.out.contains(QStringLiteral("03-lookup.png  查询")), qPrintable(r.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString out = QStringLiteral("--out");
        const QString dir = QDir::tempPath() + QStringLiteral("/swb-tour-never-written");
        QTest::newRow("no --out") << QStringList() << QStringLiteral("--out");
        QTest::newRow("scale 3") << QStringList { out, dir, QStringLiteral("--scale"), QStringLiteral("3") }
                                 << QStringLiteral("--scale takes 1 or 2");
        QTest::newRow("lang fr") << QStringList { out, dir, QStringLiteral("--lang"), QStringLiteral("fr") }
                                 << QStringLiteral("--lang takes en or zh_CN");
        QTest::newRow("unknown panel") << QStringList { out, dir, QStringLiteral("--panels"), QStringLiteral("ftp") }
                                       << QStringLiteral("no panel named 'ftp'");
        QTest::newRow("unknown option") << QStringList { out, dir, QStringLiteral("--colour") }
                                        << QStringLiteral("colour");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const test::CliRun r = tour(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("socket-workbench tour --help")), qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir::tempPath() + QStringLiteral("/swb-tour-never-written")));
    }

    void helpNamesTheOptions()
    {
        const test::CliRun r = tour({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        for (const char *option : { "--out", "--lang", "--scale", "--panels" })
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
        QVERIFY(r.out.contains(QStringLiteral("tour [options]")));
    }
};

QTEST_GUILESS_MAIN(TestCliTour)
#include "tst_cli_tour.moc"
