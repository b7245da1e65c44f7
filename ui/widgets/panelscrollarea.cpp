#include "panelscrollarea.h"

#include <QEvent>
#include <QLayout>
#include <QScrollBar>

namespace swb {

PanelScrollArea::PanelScrollArea(QWidget *panel, QWidget *parent)
    : QScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(false);
    setWidget(panel);
    panel->installEventFilter(this);
    fitPanel();
}

void PanelScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitPanel();
}

bool PanelScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    const bool handled = QScrollArea::eventFilter(watched, event);
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fitPanel();
    return handled;
}

void PanelScrollArea::fitPanel()
{
    QWidget *panel = widget();
    if (!panel)
        return;
    // A wrapped label's minimum height assumes a narrow width, so the minimum never clips text.
    const QSize minimum = panel->minimumSizeHint().expandedTo(panel->minimumSize());
    QSize available = maximumViewportSize();
    // A scroll bar in one direction takes room from the other.
    if (minimum.width() > available.width())
        available.rheight() -= horizontalScrollBar()->sizeHint().height();
    if (minimum.height() > available.height())
        available.rwidth() -= verticalScrollBar()->sizeHint().width();
    QSize size = available.expandedTo(minimum);
    // Wrapped labels need more height at a narrow width than their minimum says: ask the layout
    // for the height at the width the panel gets (a vertical scroll bar then takes some width).
    if (QLayout *layout = panel->layout(); layout && layout->hasHeightForWidth()) {
        int needed = layout->totalHeightForWidth(size.width());
        if (needed > size.height() && needed > available.height() && minimum.height() <= available.height()) {
            size.setWidth(qMax(minimum.width(), available.width() - verticalScrollBar()->sizeHint().width()));
            needed = layout->totalHeightForWidth(size.width());
        }
        size.setHeight(qMax(size.height(), needed));
    }
    if (panel->size() != size)
        panel->resize(size);
}

} // namespace swb
