#pragma once
// Collects trace events from any thread and hands them on in batches, at most ~30 times a second,
// so a flood of events costs one model update per frame instead of one per packet.

#include "trace/traceevent.h"

#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QVector>

namespace swb {

class TraceBuffer : public QObject {
    Q_OBJECT
public:
    explicit TraceBuffer(QObject *parent = nullptr);

    // Thread-safe: may be called from any thread (connect with Qt::DirectConnection).
    void append(const TraceEvent &event);
    void setIntervalMs(int ms);
    // Delivers whatever is pending now (on this object's thread).
    void flush();

signals:
    // Emitted on this object's thread.
    void flushed(const QVector<swb::TraceEvent> &batch);

private:
    void schedule();

    QMutex m_mutex;
    QVector<TraceEvent> m_pending;
    bool m_scheduled = false;
    QTimer m_timer;
};

} // namespace swb
