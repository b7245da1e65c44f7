#include "http/bodystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryFile>
#include <QThreadPool>

namespace swb {

BodyStore::BodyStore() = default;

BodyStore::~BodyStore()
{
    dropFile();
}

void BodyStore::dropFile()
{
    if (!m_file)
        return;
    // Unlinking a file of 100 MiB frees its page cache and takes milliseconds: a worker does it so
    // the window never waits for it.
    m_file->setAutoRemove(false);
    const QString name = m_file->fileName();
    m_file.reset();
    QThreadPool::globalInstance()->start([name] { QFile::remove(name); });
}

void BodyStore::clear()
{
    m_preview.clear();
    m_size = 0;
    dropFile();
    m_error.clear();
}

bool BodyStore::append(QByteArrayView bytes)
{
    if (!m_error.isEmpty())
        return false;
    if (bytes.isEmpty())
        return true;
    if (m_size + bytes.size() > kMaxFileBytes) {
        m_error = QCoreApplication::translate("BodyStore",
            "The body is larger than %1 GiB, the most kept in a temporary file; stopped there. To save a body "
            "that large, use the command line: socket-workbench http-get URL --output FILE")
                      .arg(kMaxFileBytes >> 30);
        return false;
    }
    if (!m_file && m_size + bytes.size() > kPreviewBytes) {
        m_file = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/socket-workbench-body-XXXXXX"));
        if (!m_file->open() || m_file->write(m_preview) != m_preview.size()) {
            m_error = QCoreApplication::translate("BodyStore", "Could not write the body to a temporary file in %1: %2")
                          .arg(QDir::tempPath(), m_file->errorString());
            m_file.reset();
            return false;
        }
    }
    const qsizetype room = kPreviewBytes - m_preview.size();
    if (room > 0)
        m_preview.append(bytes.first(qMin(room, bytes.size())));
    if (m_file && m_file->write(bytes.data(), bytes.size()) != bytes.size()) {
        m_error = QCoreApplication::translate("BodyStore", "Could not write the body to the temporary file %1: %2")
                      .arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    m_size += bytes.size();
    return true;
}

bool BodyStore::flush()
{
    if (!m_file || m_file->flush())
        return m_error.isEmpty();
    if (m_error.isEmpty())
        m_error = QCoreApplication::translate("BodyStore", "Could not finish the temporary file %1: %2")
                      .arg(m_file->fileName(), m_file->errorString());
    return false;
}

QString BodyStore::filePath() const
{
    return m_file ? m_file->fileName() : QString();
}

bool BodyStore::saveTo(QIODevice *source, const QByteArray &inMemory, const QString &path, QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = out.errorString();
        return false;
    }
    if (!source) {
        if (out.write(inMemory) != inMemory.size()) {
            *error = out.errorString();
            return false;
        }
    } else {
        QIODevice &in = *source;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (;;) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0) {
                *error = in.errorString();
                return false;
            }
            if (n == 0)
                break;
            if (out.write(buffer.constData(), n) != n) {
                *error = out.errorString();
                return false;
            }
        }
    }
    if (!out.commit()) {
        *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace swb
