#pragma once
// Holds one panel: the panel fills the visible area, and scroll bars appear only when the panel's
// minimum size does not fit (a large presentation font in a small window). QScrollArea's own
// resizable mode sizes a panel with wrapped labels to its preferred height instead, which would
// make every panel scroll at the default window size.

#include <QScrollArea>

namespace swb {

class PanelScrollArea : public QScrollArea {
    Q_OBJECT
public:
    explicit PanelScrollArea(QWidget *panel, QWidget *parent = nullptr);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitPanel();
};

} // namespace swb
