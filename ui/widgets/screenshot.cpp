#include "widgets/screenshot.h"

#include <QPainter>
#include <QWidget>

namespace swb::Screenshot {

QImage render(QWidget *widget, qreal scale)
{
    const QSize size = widget->size();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    widget->render(&painter);
    painter.end();
    image.setDevicePixelRatio(1.0);
    return image.convertToFormat(QImage::Format_RGB32);
}

} // namespace swb::Screenshot
