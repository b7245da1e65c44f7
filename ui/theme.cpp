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

QPalette highContrastPalette(const QPalette &base)
{
    const bool dark = isDark(base);
    const QColor background = dark ? QColor(Qt::black) : QColor(Qt::white);
    const QColor text = dark ? QColor(Qt::white) : QColor(Qt::black);
    // Greys at 7:1 or more against the background: disabled and placeholder text stay legible.
    const QColor quiet = dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x50, 0x50, 0x50);
    const QColor alternate = dark ? QColor(0x26, 0x26, 0x26) : QColor(0xf0, 0xf0, 0xf0);
    // Fusion outlines controls with the window colour darkened, which vanishes on black: dark fields and
    // buttons are lifted off the window a little instead (white text on them stays above 15:1).
    const QColor field = dark ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
    const QColor button = dark ? QColor(0x33, 0x33, 0x33) : QColor(Qt::white);
    QPalette palette;
    for (QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        const bool disabled = group == QPalette::Disabled;
        palette.setColor(group, QPalette::Window, background);
        palette.setColor(group, QPalette::Base, field);
        palette.setColor(group, QPalette::AlternateBase, alternate);
        palette.setColor(group, QPalette::Button, button);
        palette.setColor(group, QPalette::ToolTipBase, background);
        palette.setColor(group, QPalette::WindowText, disabled ? quiet : text);
        palette.setColor(group, QPalette::Text, disabled ? quiet : text);
        palette.setColor(group, QPalette::ButtonText, disabled ? quiet : text);
        palette.setColor(group, QPalette::ToolTipText, text);
        palette.setColor(group, QPalette::BrightText, dark ? QColor(0xff, 0xff, 0x00) : QColor(0xc0, 0x00, 0x00));
        palette.setColor(group, QPalette::PlaceholderText, quiet);
        // Frames and separators are drawn from these: strong lines instead of pale ones.
        palette.setColor(group, QPalette::Light, dark ? QColor(0x60, 0x60, 0x60) : QColor(Qt::white));
        palette.setColor(group, QPalette::Midlight, dark ? QColor(0x40, 0x40, 0x40) : QColor(0xd0, 0xd0, 0xd0));
        palette.setColor(group, QPalette::Mid, quiet);
        palette.setColor(group, QPalette::Dark, dark ? QColor(0xd0, 0xd0, 0xd0) : QColor(0x30, 0x30, 0x30));
        palette.setColor(group, QPalette::Shadow, Qt::black);
        palette.setColor(group, QPalette::Highlight, dark ? QColor(0xff, 0xd6, 0x00) : QColor(0x00, 0x3d, 0xb8));
        palette.setColor(group, QPalette::HighlightedText, dark ? QColor(Qt::black) : QColor(Qt::white));
        palette.setColor(group, QPalette::Link, dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x00, 0x2a, 0xa0));
        palette.setColor(group, QPalette::LinkVisited, dark ? QColor(0xd8, 0xa8, 0xff) : QColor(0x55, 0x1a, 0x8b));
    }
    return palette;
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
