#include "http/bodystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryFile>

namespace swb {

BodyStore::BodyStore() = default;
BodyStore::~BodyStore() = default;

void BodyStore::clear()
{
    m_preview.clear();
    m_size = 0;
    m_file.reset();
    m_error.clear();
}

bool BodyStore::append(QByteArrayView bytes)
{
    if (!m_error.isEmpty())
        return false;
    if (bytes.isEmpty())
        return true;
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
    return !m_file || m_file->flush();
}

QString BodyStore::filePath() const
{
    return m_file ? m_file->fileName() : QString();
}

bool BodyStore::saveTo(const QString &sourceFile, const QByteArray &inMemory, const QString &path, QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = out.errorString();
        return false;
    }
    if (sourceFile.isEmpty()) {
        if (out.write(inMemory) != inMemory.size()) {
            *error = out.errorString();
            return false;
        }
    } else {
        QFile in(sourceFile);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = in.errorString();
            return false;
        }
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
