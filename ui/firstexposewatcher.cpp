#include "firstexposewatcher.h"

#include <QEvent>
#include <QTimer>
#include <QWindow>

namespace swb {

FirstExposeWatcher::FirstExposeWatcher(QWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (!window)
        return;
    window->installEventFilter(this);
    if (window->isExposed())
        fire();
}

bool FirstExposeWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Expose && m_window->isExposed())
        fire();
    return QObject::eventFilter(watched, event);
}

void FirstExposeWatcher::fire()
{
    if (m_fired)
        return;
    m_fired = true;
    if (m_window)
        m_window->removeEventFilter(this);
    // The expose handler paints the window after this filter returns; report once that is done.
    QTimer::singleShot(0, this, &FirstExposeWatcher::exposed);
}

} // namespace swb
