#pragma once
// Presentation mode for projectors: the application font at 150 % or 200 % (panels re-size their
// fonts, tables and columns on FontChange), thick lines in every ladder diagram, and high contrast.
// One per application; the mode is remembered in AppSettings and switching is instant and reversible.

#include <QFont>
#include <QHash>
#include <QObject>
#include <QPalette>
#include <QVector>

namespace swb {

class Presentation : public QObject {
    Q_OBJECT
public:
    static constexpr int kOff = 100; // scales are percent of the original application font
    static constexpr int kDefaultScale = 150;
    static QVector<int> scales(); // 100, 150, 200, smallest first

    // Created on first use, owned by the application.
    static Presentation *instance();

    int scale() const { return m_scale; }
    bool isOn() const { return m_scale != kOff; }
    // The size toggle() turns on: the last one used, 150 % at first.
    int lastScale() const { return m_lastScale; }
    bool highContrast() const { return m_highContrast; }

    // Snaps to the nearest of scales(); high contrast follows the new mode's remembered choice.
    void setScale(int percent);
    void toggle(); // off <-> lastScale()
    void larger();
    void smaller();
    // For the current mode: presentation mode and the normal view each remember their own.
    void setHighContrast(bool on);

    // Applies the remembered mode; before the first window shows, so it opens as it was left.
    void restore();

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit Presentation(QObject *parent);
    void apply();
    void applyFont();
    void applyPalette();
    void applyThickLines();

    int m_scale = kOff;
    int m_lastScale = kDefaultScale;
    bool m_highContrast = false;

    // What the application had before the first change, to go back to exactly.
    bool m_fontCaptured = false;
    QFont m_baseFont;
    QHash<QByteArray, QFont> m_baseClassFonts; // the platform theme's fonts for menus, tool tips, ...
    int m_appliedScale = kOff;
    bool m_paletteCaptured = false;
    QPalette m_basePalette;
    QHash<QByteArray, QPalette> m_baseClassPalettes;
    bool m_appliedHighContrast = false;
    bool m_appliedThick = false;
};

} // namespace swb
