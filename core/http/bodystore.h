#pragma once
// Where a response body goes while it arrives: in memory while it is small, and once it grows
// past kPreviewBytes, into a temporary file as well, so a body of any size costs a bounded
// amount of memory. The views read the first kPreviewBytes; "save as" copies the whole.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

class QIODevice;
class QTemporaryFile;

namespace swb {

class BodyStore {
public:
    static constexpr qsizetype kPreviewBytes = 1 << 20; // kept in memory for the views
    // The temporary file stops here: /tmp may be memory (tmpfs), and a server may never stop.
    static constexpr qint64 kMaxFileBytes = qint64(2) << 30;

    BodyStore();
    ~BodyStore();
    BodyStore(const BodyStore &) = delete;
    BodyStore &operator=(const BodyStore &) = delete;

    void clear();
    // False when the temporary file cannot be written; error() says why.
    bool append(QByteArrayView bytes);
    // Flushes the temporary file so another thread may copy it; false (and error()) when that fails.
    bool flush();

    qint64 size() const { return m_size; }
    const QByteArray &preview() const { return m_preview; } // the first kPreviewBytes at most
    bool isComplete() const { return m_size == m_preview.size(); } // preview() is the whole body
    bool spilled() const { return bool(m_file); }
    QString filePath() const; // the temporary file holding the whole body once spilled
    QString error() const { return m_error; }

    // Writes the whole body to path: from source (the temporary file, opened), or inMemory when
    // source is null. Blocking file I/O: callers on the GUI thread run it on a worker.
    static bool saveTo(QIODevice *source, const QByteArray &inMemory, const QString &path, QString *error);

private:
    void dropFile();

    QByteArray m_preview;
    qint64 m_size = 0;
    std::unique_ptr<QTemporaryFile> m_file;
    QString m_error;
};

} // namespace swb
