#pragma once
// A ladder diagram as a panel shows it: scrolling, following the newest step, with buttons to save
// it as PNG (1x or 2x) or SVG.

#include "widgets/ladderdiagram.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace swb {

class TraceModel;

class LadderView : public QWidget {
    Q_OBJECT
public:
    LadderView(LadderDiagram::Mode mode, TraceModel *model, QWidget *parent = nullptr);

    LadderDiagram *diagram() const { return m_diagram; }
    // Follows model only while this view is on screen (a busy server's diagram costs nothing while
    // another tab, console or panel is in front); when shown again it is drawn from the model's rows.
    void followWhileShown(TraceModel *model);
    // Saves to path: .svg as SVG, anything else as PNG at scale (1 or 2). Says what happened below.
    bool save(const QString &path, qreal scale = 1.0);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void chooseFile(bool svg);
    void followNewest();

    LadderDiagram *m_diagram = nullptr;
    QScrollArea *m_scroll = nullptr;
    QPushButton *m_pngButton = nullptr;
    QPushButton *m_svgButton = nullptr;
    QLabel *m_saved = nullptr;
    bool m_follow = true;
    QPointer<TraceModel> m_lazyModel; // set by followWhileShown
};

} // namespace swb
