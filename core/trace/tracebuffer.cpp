#include "tracebuffer.h"

#include <QMutexLocker>

namespace swb {

TraceBuffer::TraceBuffer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &TraceBuffer::flush);
}

void TraceBuffer::setIntervalMs(int ms)
{
    m_timer.setInterval(ms);
}

void TraceBuffer::append(const TraceEvent &event)
{
    bool first = false;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.append(event);
        if (!m_scheduled) {
            m_scheduled = true;
            first = true;
        }
    }
    // Only the first event of a batch wakes the owning thread; the rest ride along.
    if (first)
        QMetaObject::invokeMethod(this, &TraceBuffer::schedule, Qt::QueuedConnection);
}

void TraceBuffer::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void TraceBuffer::flush()
{
    QVector<TraceEvent> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
        // The next batch is likely as big as this one: no regrowing from empty, event by event.
        m_pending.reserve(qMin<qsizetype>(batch.size(), 65536));
        m_scheduled = false;
    }
    m_timer.stop();
    if (!batch.isEmpty())
        emit flushed(batch);
}

} // namespace swb
