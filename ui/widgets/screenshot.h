#pragma once
// A picture of a widget at a chosen scale (1x for the screen, 2x for print and slides), rendered at
// an explicit pixel ratio so the size does not depend on the display: the same on a 1x screen, a 2x
// one or offscreen. What the widget shows is what the picture shows, so Hide Addresses applies.

#include <QImage>

class QWidget;

namespace swb::Screenshot {

QImage render(QWidget *widget, qreal scale = 1.0);

} // namespace swb::Screenshot
