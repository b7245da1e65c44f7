#pragma once
// Tells when a window has first been put on screen (its first expose, after which it has been
// painted), so start-up time can be measured to the moment a person sees something.

#include <QObject>
#include <QPointer>

class QWindow;

namespace swb {

class FirstExposeWatcher : public QObject {
    Q_OBJECT
public:
    // Watches window; exposed() is emitted once, from the event loop, after the first expose.
    explicit FirstExposeWatcher(QWindow *window, QObject *parent = nullptr);

signals:
    void exposed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fire();

    QPointer<QWindow> m_window;
    bool m_fired = false;
};

} // namespace swb
