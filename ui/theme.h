#pragma once
// Colours and fonts the views share, chosen from the current palette so they stay readable on
// light and dark themes, and sized from the current font so presentation mode enlarges them too.

#include <QColor>
#include <QFont>
#include <QPalette>

class QLabel;

namespace swb {
enum class ErrorKind;
struct SessionError;
} // namespace swb

namespace swb::Theme {

bool isDark(const QPalette &palette);
QColor errorColor(const QPalette &palette);
QColor errorBackground(const QPalette &palette);
QColor sentColor(const QPalette &palette);
QColor receivedColor(const QPalette &palette);
QColor noteColor(const QPalette &palette);
// Secondary text: still easy to read, but quieter than the main text.
QColor mutedColor(const QPalette &palette);
QColor lifecycleColor(const QPalette &palette); // connection opened / closed
// For projectors: black on white (white on black when base is dark), a saturated highlight, and secondary
// and disabled text dark enough (7:1 or more) not to wash out. Keeps base's light or dark choice.
QPalette highContrastPalette(const QPalette &base);

// The system's fixed-width font at base's size times scale.
QFont monospaceFont(const QFont &base, qreal scale = 1.0);
// base scaled (and optionally bold), keeping its family.
QFont scaledFont(const QFont &base, qreal scale, bool bold = false);

// Secondary text (hints, notes): the muted colour of the label's palette.
void makeMuted(QLabel *label);
// Red text for a message beside a field; hidden until it has text.
void makeFieldError(QLabel *label);
// A boxed error message (red border and tint); hidden until it has text.
void makeErrorBox(QLabel *label);
// "Connect error", "Local error", ...: the heading of an error box.
QString errorTitle(ErrorKind kind);
// An error box's text: the kind and its Python exception, the message with the OS error name, and the
// plain-language explanation.
QString errorHtml(const SessionError &error);

} // namespace swb::Theme
