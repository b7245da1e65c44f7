#include "presentation.h"

#include "appsettings.h"
#include "theme.h"
#include "widgets/ladderdiagram.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>

#include <cstdlib>

namespace swb {

namespace {

// The classes a platform theme may give their own font or palette (QApplicationPrivate's widget font
// and palette hashes). Setting the application font or palette clears those, so they are kept here and
// scaled or put back too: menus and tool tips grow with everything else and return exactly.
const char *const kThemedClasses[] = { "QMenu", "QMenuBar", "QMenuItem", "QMessageBox", "QMessageBoxLabel", "QLabel",
    "QTipLabel", "QToolTip", "QStatusBar", "QMdiSubWindowTitleBar", "QDockWidgetTitle", "QPushButton", "QCheckBox",
    "QRadioButton", "QToolButton", "QAbstractButton", "QAbstractItemView", "QListView", "QHeaderView", "QListBox",
    "QComboMenuItem", "QComboLineEdit", "QSmallFont", "QMiniFont", "QTabBar", "QGroupBox", "QTextEdit", "QTextControl",
    "QLineEdit" };

// Qt 6 delivers the change to top-level widgets through posted events, and a widget inside a page that has
// never been shown (a table header in a tab not opened yet) can keep the old font. Sent to every widget,
// parents before their children (a child resolves against its parent), the whole application has switched
// when the call returns; the posted events that follow find nothing left to change.
void notifyWidgets(QEvent::Type type)
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        QWidgetList tree = window->findChildren<QWidget *>(); // depth first: each parent before its children
        tree.prepend(window);
        for (QWidget *widget : std::as_const(tree)) {
            QEvent event(type);
            QCoreApplication::sendEvent(widget, &event);
        }
    }
}

int snapScale(int percent)
{
    int best = Presentation::kOff;
    for (int scale : Presentation::scales()) {
        if (std::abs(scale - percent) < std::abs(best - percent))
            best = scale;
    }
    return best;
}

bool rememberedHighContrast(bool presentation)
{
    return presentation ? AppSettings::value(AppSettings::presentationHighContrastKey(), true).toBool()
                        : AppSettings::value(AppSettings::highContrastKey(), false).toBool();
}

} // namespace

QVector<int> Presentation::scales()
{
    return { kOff, 150, 200 };
}

Presentation *Presentation::instance()
{
    static QPointer<Presentation> presentation;
    if (!presentation)
        presentation = new Presentation(qApp);
    return presentation;
}

Presentation::Presentation(QObject *parent)
    : QObject(parent)
{
    // Diagrams made after the mode is set (a panel opened later) get thick lines as they are first polished.
    qApp->installEventFilter(this);
}

void Presentation::setScale(int percent)
{
    const int scale = snapScale(percent);
    if (scale == m_scale)
        return;
    const bool wasOn = isOn();
    m_scale = scale;
    AppSettings::setValue(AppSettings::presentationScaleKey(), m_scale);
    if (isOn()) {
        m_lastScale = m_scale;
        AppSettings::setValue(AppSettings::presentationLastScaleKey(), m_lastScale);
    }
    if (wasOn != isOn())
        m_highContrast = rememberedHighContrast(isOn());
    apply();
    emit changed();
}

void Presentation::toggle()
{
    setScale(isOn() ? kOff : m_lastScale);
}

void Presentation::larger()
{
    const QVector<int> all = scales();
    const int index = int(all.indexOf(m_scale));
    if (index + 1 < all.size())
        setScale(all.at(index + 1));
}

void Presentation::smaller()
{
    const QVector<int> all = scales();
    const int index = int(all.indexOf(m_scale));
    if (index > 0)
        setScale(all.at(index - 1));
}

void Presentation::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    AppSettings::setValue(isOn() ? AppSettings::presentationHighContrastKey() : AppSettings::highContrastKey(), on);
    apply();
    emit changed();
}

void Presentation::restore()
{
    const int scale = snapScale(AppSettings::value(AppSettings::presentationScaleKey(), kOff).toInt());
    const int last = snapScale(AppSettings::value(AppSettings::presentationLastScaleKey(), kDefaultScale).toInt());
    const bool highContrast = rememberedHighContrast(scale != kOff);
    const bool same = scale == m_scale && highContrast == m_highContrast;
    m_scale = scale;
    m_lastScale = last == kOff ? kDefaultScale : last;
    m_highContrast = highContrast;
    apply();
    if (!same)
        emit changed();
}

void Presentation::apply()
{
    applyFont();
    applyPalette();
    applyThickLines();
}

void Presentation::applyFont()
{
    if (m_scale == m_appliedScale)
        return;
    if (!m_fontCaptured) {
        m_baseFont = QApplication::font();
        for (const char *name : kThemedClasses) {
            const QFont font = QApplication::font(name);
            if (font != m_baseFont)
                m_baseClassFonts.insert(name, font);
        }
        m_fontCaptured = true;
    }
    const qreal factor = m_scale / qreal(kOff);
    // Every widget gets FontChange; the panels re-size their own fonts, tables and columns from it.
    QApplication::setFont(m_scale == kOff ? m_baseFont : Theme::scaledFont(m_baseFont, factor));
    for (auto it = m_baseClassFonts.cbegin(); it != m_baseClassFonts.cend(); ++it)
        QApplication::setFont(m_scale == kOff ? it.value() : Theme::scaledFont(it.value(), factor), it.key());
    notifyWidgets(QEvent::ApplicationFontChange);
    m_appliedScale = m_scale;
}

void Presentation::applyPalette()
{
    if (m_highContrast == m_appliedHighContrast)
        return;
    if (!m_paletteCaptured) {
        m_basePalette = QApplication::palette();
        for (const char *name : kThemedClasses) {
            const QPalette palette = QApplication::palette(name);
            if (palette != m_basePalette)
                m_baseClassPalettes.insert(name, palette);
        }
        m_paletteCaptured = true;
    }
    const QPalette contrast = Theme::highContrastPalette(m_basePalette);
    QApplication::setPalette(m_highContrast ? contrast : m_basePalette);
    for (auto it = m_baseClassPalettes.cbegin(); it != m_baseClassPalettes.cend(); ++it)
        QApplication::setPalette(m_highContrast ? contrast : it.value(), it.key());
    notifyWidgets(QEvent::ApplicationPaletteChange);
    m_appliedHighContrast = m_highContrast;
}

void Presentation::applyThickLines()
{
    // Only on a change of mode: a diagram's own choice outside presentation mode is left alone otherwise.
    if (isOn() == m_appliedThick)
        return;
    m_appliedThick = isOn();
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (auto *diagram = qobject_cast<LadderDiagram *>(widget))
            diagram->setThickLines(isOn());
    }
}

bool Presentation::eventFilter(QObject *watched, QEvent *event)
{
    // Only ever turns thick lines on, so a diagram outside presentation mode keeps what its owner chose.
    if (event->type() == QEvent::Polish && isOn()) {
        if (auto *diagram = qobject_cast<LadderDiagram *>(watched))
            diagram->setThickLines(true);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace swb
