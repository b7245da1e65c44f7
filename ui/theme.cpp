#include "theme.h"

#include "trace/errorkind.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLabel>

namespace swb::Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QColor errorBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4a, 0x1c, 0x1c) : QColor(0xfd, 0xec, 0xea);
}

QColor sentColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x82, 0xb1, 0xff) : QColor(0x0d, 0x47, 0xa1);
}

QColor receivedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x69, 0xf0, 0xae) : QColor(0x1b, 0x5e, 0x20);
}

QColor noteColor(const QPalette &palette)
{
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QColor mutedColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    // A third of the way from the text colour to the background keeps contrast well above 4.5:1.
    return QColor::fromRgbF(text.redF() + (window.redF() - text.redF()) * 0.33f,
        text.greenF() + (window.greenF() - text.greenF()) * 0.33f,
        text.blueF() + (window.blueF() - text.blueF()) * 0.33f);
}

QColor lifecycleColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
}

QFont monospaceFont(const QFont &base, qreal scale)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * scale);
    else if (base.pixelSize() > 0)
        font.setPixelSize(qRound(base.pixelSize() * scale));
    return font;
}

QFont scaledFont(const QFont &base, qreal scale, bool bold)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * scale);
    else if (base.pixelSize() > 0)
        font.setPixelSize(qRound(base.pixelSize() * scale));
    if (bold)
        font.setBold(true);
    return font;
}

void makeMuted(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, mutedColor(palette));
    label->setPalette(palette);
}

void makeFieldError(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
}

void makeErrorBox(QLabel *label)
{
    const QPalette palette = label->palette();
    label->setStyleSheet(QStringLiteral("QLabel { color: %1; background-color: %2; border: 1px solid %1; "
                                        "border-radius: 4px; padding: 6px; }")
                             .arg(errorColor(palette).name(), errorBackground(palette).name()));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

QString errorTitle(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        break;
    case ErrorKind::Usage:
        return QCoreApplication::translate("Theme", "Usage error");
    case ErrorKind::Resolve:
        return QCoreApplication::translate("Theme", "Resolve error");
    case ErrorKind::Address:
        return QCoreApplication::translate("Theme", "Address error");
    case ErrorKind::Connect:
        return QCoreApplication::translate("Theme", "Connect error");
    case ErrorKind::Timeout:
        return QCoreApplication::translate("Theme", "Timeout");
    case ErrorKind::Io:
        return QCoreApplication::translate("Theme", "I/O error");
    case ErrorKind::Protocol:
        return QCoreApplication::translate("Theme", "Protocol error");
    case ErrorKind::Local:
        return QCoreApplication::translate("Theme", "Local error");
    }
    return {};
}

QString errorHtml(const SessionError &error)
{
    QString html = QStringLiteral("<b>%1</b>").arg(errorTitle(error.kind).toHtmlEscaped());
    const QString python = errorKindPythonName(error.kind);
    if (!python.isEmpty())
        html += QStringLiteral(" &nbsp;\u00b7&nbsp; ")
            + QCoreApplication::translate("Theme", "in Python: %1")
                  .arg(QStringLiteral("<code>%1</code>").arg(python.toHtmlEscaped()));
    QString message = error.message;
    if (!error.osError.isEmpty() && !message.contains(error.osError))
        message += QStringLiteral(" (%1)").arg(error.osError);
    html += QStringLiteral("<br>") + message.toHtmlEscaped();
    const QString explanation = error.explanation();
    if (!explanation.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(explanation.toHtmlEscaped());
    return html;
}

} // namespace swb::Theme
