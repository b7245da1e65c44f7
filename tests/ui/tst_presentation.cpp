// Presentation mode: the View menu's sizes and high contrast, applied to the whole application, remembered,
// and reversible without losing what was typed.

#include "appsettings.h"
#include "mainwindow.h"
#include "presentation.h"
#include "theme.h"
#include "widgets/ladderdiagram.h"
#include "widgets/panelscrollarea.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace swb;

namespace {

QAction *action(const QWidget &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

// Relative luminance contrast, as WCAG defines it.
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void scalesFontsAndBack_data();
    void scalesFontsAndBack();
    void highContrast();
    void highContrastPalette_data();
    void highContrastPalette();
    void thickLinesInDiagrams();
    void rememberedAtStart();
    void shortcuts();
    void typedTextSurvives();
    void fitsProjectorAndScrolls();

private:
    void resetToNormal();

    QFont m_font;
    QPalette m_palette;
};

void TestPresentation::initTestCase()
{
    m_font = QApplication::font();
    m_palette = QApplication::palette();
}

void TestPresentation::resetToNormal()
{
    Presentation *presentation = Presentation::instance();
    presentation->setScale(Presentation::kOff);
    presentation->setHighContrast(false);
    AppSettings::setValue(AppSettings::presentationHighContrastKey(), true);
    AppSettings::setValue(AppSettings::presentationLastScaleKey(), Presentation::kDefaultScale);
    presentation->restore();
}

void TestPresentation::init()
{
    resetToNormal();
    QCOMPARE(QApplication::font(), m_font);
}

void TestPresentation::cleanup()
{
    resetToNormal();
    // Every switch goes back exactly: font and palette as the application started.
    QCOMPARE(QApplication::font(), m_font);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_palette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::WindowText), m_palette.color(QPalette::WindowText));
}

void TestPresentation::scalesFontsAndBack_data()
{
    QTest::addColumn<QString>("actionName");
    QTest::addColumn<double>("factor");
    QTest::newRow("150 %") << "presentation150Action" << 1.5;
    QTest::newRow("200 %") << "presentation200Action" << 2.0;
}

void TestPresentation::scalesFontsAndBack()
{
    QFETCH(QString, actionName);
    QFETCH(double, factor);

    MainWindow window(nullptr);
    auto *stepTable = window.findChild<QTableView *>(QStringLiteral("stepTable"));
    auto *panelList = window.findChild<QListWidget *>(QStringLiteral("panelList"));
    QVERIFY(stepTable);
    const QFont tableFont = stepTable->font();
    const int rowHeight = stepTable->verticalHeader()->defaultSectionSize();
    const int sidebarWidth = panelList->width();
    QVERIFY(action(window, "presentationOffAction")->isChecked());

    QAction *size = window.findChild<QAction *>(actionName);
    QVERIFY(size);
    size->trigger();
    QVERIFY(size->isChecked());
    QVERIFY(!action(window, "presentationOffAction")->isChecked());
    QCOMPARE(Presentation::instance()->scale(), qRound(factor * 100));
    QCOMPARE(QApplication::font().pointSizeF(), m_font.pointSizeF() * factor);
    QCOMPARE(QApplication::font().family(), m_font.family());
    // The panels follow through FontChange: the monospace step table, its rows, the sidebar.
    QCOMPARE(stepTable->font().pointSizeF(), tableFont.pointSizeF() * factor);
    QVERIFY(stepTable->verticalHeader()->defaultSectionSize() > rowHeight);
    QVERIFY(panelList->width() > sidebarWidth);
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("sendEdit"))->font().pointSizeF(),
        tableFont.pointSizeF() * factor);
    // Including widgets never shown yet: every header of every panel, open or not (hidden row headers aside).
    for (const QHeaderView *header : window.findChildren<QHeaderView *>()) {
        if (!header->isHidden() && !header->parentWidget()->testAttribute(Qt::WA_SetFont))
            QVERIFY2(qFuzzyCompare(header->font().pointSizeF(), m_font.pointSizeF() * factor),
                qPrintable(header->parentWidget()->objectName()));
    }

    action(window, "presentationOffAction")->trigger();
    QVERIFY(action(window, "presentationOffAction")->isChecked());
    QCOMPARE(QApplication::font(), m_font);
    QCOMPARE(stepTable->font(), tableFont);
    QCOMPARE(stepTable->verticalHeader()->defaultSectionSize(), rowHeight);
    QCOMPARE(panelList->width(), sidebarWidth);
}

void TestPresentation::highContrast()
{
    MainWindow window(nullptr);
    QAction *contrastAction = action(window, "highContrastAction");
    QVERIFY(contrastAction);
    QVERIFY(!contrastAction->isChecked());
    auto *panel = window.findChild<QWidget *>(QStringLiteral("connectPanel"));

    // Presentation mode brings high contrast with it.
    action(window, "presentation150Action")->trigger();
    QVERIFY(contrastAction->isChecked());
    const QPalette on = QApplication::palette();
    QCOMPARE(contrast(on.color(QPalette::Window), on.color(QPalette::WindowText)), 21.0);
    QCOMPARE(contrast(on.color(QPalette::Base), on.color(QPalette::Text)), 21.0);
    QCOMPARE(panel->palette().color(QPalette::WindowText), on.color(QPalette::WindowText));
    QCOMPARE(panel->palette().color(QPalette::Window), on.color(QPalette::Window));
    // Secondary text stays well readable on a projector.
    QVERIFY(contrast(Theme::mutedColor(on), on.color(QPalette::Window)) >= 7.0);

    // Turned off in presentation mode, it stays off there, and the normal view keeps its own choice.
    contrastAction->trigger();
    QVERIFY(!contrastAction->isChecked());
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_palette.color(QPalette::Window));
    action(window, "presentationOffAction")->trigger();
    QVERIFY(!contrastAction->isChecked());
    action(window, "presentation200Action")->trigger();
    QVERIFY(!contrastAction->isChecked());
    contrastAction->trigger();
    QVERIFY(contrastAction->isChecked());
    action(window, "presentationOffAction")->trigger();
    QVERIFY(!contrastAction->isChecked());
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_palette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_palette.color(QPalette::Text));

    // And without presentation mode, on its own.
    contrastAction->trigger();
    QVERIFY(Presentation::instance()->highContrast());
    QCOMPARE(QApplication::font(), m_font);
    QCOMPARE(
        contrast(QApplication::palette().color(QPalette::Window), QApplication::palette().color(QPalette::WindowText)),
        21.0);
    contrastAction->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_palette.color(QPalette::Window));
}

void TestPresentation::highContrastPalette_data()
{
    QTest::addColumn<QColor>("window");
    QTest::addColumn<QColor>("text");
    QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(0x20, 0x20, 0x20);
    QTest::newRow("dark") << QColor(0x35, 0x35, 0x35) << QColor(0xdd, 0xdd, 0xdd);
}

void TestPresentation::highContrastPalette()
{
    QFETCH(QColor, window);
    QFETCH(QColor, text);
    QPalette base;
    base.setColor(QPalette::Window, window);
    base.setColor(QPalette::WindowText, text);
    const QPalette contrasted = Theme::highContrastPalette(base);
    // Keeps the desktop's light or dark choice.
    QCOMPARE(Theme::isDark(contrasted), Theme::isDark(base));
    QCOMPARE(contrast(contrasted.color(QPalette::Window), contrasted.color(QPalette::WindowText)), 21.0);
    for (QPalette::ColorRole role : { QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText }) {
        const QPalette::ColorRole background = role == QPalette::Text ? QPalette::Base
            : role == QPalette::ButtonText                            ? QPalette::Button
                                                                      : QPalette::Highlight;
        QVERIFY2(
            contrast(contrasted.color(role), contrasted.color(background)) >= 7.0, qPrintable(QString::number(role)));
    }
    QVERIFY(contrast(contrasted.color(QPalette::Disabled, QPalette::Text), contrasted.color(QPalette::Base)) >= 7.0);
    QVERIFY(contrast(contrasted.color(QPalette::PlaceholderText), contrasted.color(QPalette::Base)) >= 7.0);
    QVERIFY(contrast(Theme::mutedColor(contrasted), contrasted.color(QPalette::Window)) >= 7.0);
    QVERIFY(contrast(Theme::noteColor(contrasted), contrasted.color(QPalette::Base)) >= 7.0);
}

void TestPresentation::thickLinesInDiagrams()
{
    MainWindow window(nullptr);
    auto *panel = window.findChild<QWidget *>(QStringLiteral("connectPanel"));
    auto *before = new LadderDiagram(panel);
    QVERIFY(!before->thickLines());

    const QList<LadderDiagram *> diagrams = window.findChildren<LadderDiagram *>();
    QVERIFY(diagrams.size() >= 2); // the panels' own, and the one above

    action(window, "presentation200Action")->trigger();
    QVERIFY(before->thickLines());
    for (const LadderDiagram *diagram : diagrams)
        QVERIFY(diagram->thickLines());
    // A diagram made later (a panel or dialog opened afterwards) is thick as soon as it is polished.
    LadderDiagram later;
    later.ensurePolished();
    QVERIFY(later.thickLines());

    action(window, "presentationOffAction")->trigger();
    for (const LadderDiagram *diagram : diagrams)
        QVERIFY(!diagram->thickLines());
    QVERIFY(!later.thickLines());
    // Outside presentation mode a new diagram is left as its owner made it.
    LadderDiagram plain;
    plain.setThickLines(true);
    plain.ensurePolished();
    QVERIFY(plain.thickLines());
}

void TestPresentation::rememberedAtStart()
{
    {
        MainWindow window(nullptr);
        action(window, "presentation200Action")->trigger();
        QCOMPARE(AppSettings::value(AppSettings::presentationScaleKey()).toInt(), 200);
        QCOMPARE(AppSettings::value(AppSettings::presentationLastScaleKey()).toInt(), 200);
        action(window, "highContrastAction")->trigger();
        QCOMPARE(AppSettings::value(AppSettings::presentationHighContrastKey()).toBool(), false);
    }
    // A new start: the settings say 200 % without high contrast; the (hidden) process state says normal.
    Presentation::instance()->setScale(Presentation::kOff);
    AppSettings::setValue(AppSettings::presentationScaleKey(), 200);
    QCOMPARE(QApplication::font(), m_font);

    MainWindow window(nullptr);
    // Applied in the constructor, before the window is shown.
    QVERIFY(!window.isVisible());
    QCOMPARE(QApplication::font().pointSizeF(), m_font.pointSizeF() * 2);
    QVERIFY(action(window, "presentation200Action")->isChecked());
    QVERIFY(!action(window, "highContrastAction")->isChecked());
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_palette.color(QPalette::Window));
    QCOMPARE(window.findChild<QTableView *>(QStringLiteral("stepTable"))->font().pointSizeF(),
        Theme::monospaceFont(m_font).pointSizeF() * 2);
}

void TestPresentation::shortcuts()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Presentation *presentation = Presentation::instance();
    const auto ctrlShift = Qt::ControlModifier | Qt::ShiftModifier;

    QTest::keyClick(&window, Qt::Key_P, ctrlShift);
    QCOMPARE(presentation->scale(), 150);
    QVERIFY(presentation->highContrast());
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("150 %")));
    QTest::keyClick(&window, Qt::Key_P, ctrlShift);
    QCOMPARE(presentation->scale(), Presentation::kOff);
    QCOMPARE(QApplication::font(), m_font);

    // Larger and smaller step through the sizes; the toggle comes back to the last one used.
    QTest::keyClick(&window, Qt::Key_Equal, ctrlShift);
    QCOMPARE(presentation->scale(), 150);
    QTest::keyClick(&window, Qt::Key_Plus, ctrlShift);
    QCOMPARE(presentation->scale(), 200);
    QTest::keyClick(&window, Qt::Key_Equal, ctrlShift);
    QCOMPARE(presentation->scale(), 200);
    QVERIFY(action(window, "presentation200Action")->isChecked());
    QTest::keyClick(&window, Qt::Key_P, ctrlShift);
    QCOMPARE(presentation->scale(), Presentation::kOff);
    QTest::keyClick(&window, Qt::Key_P, ctrlShift);
    QCOMPARE(presentation->scale(), 200);
    QTest::keyClick(&window, Qt::Key_Minus, ctrlShift);
    QCOMPARE(presentation->scale(), 150);
    QTest::keyClick(&window, Qt::Key_Underscore, ctrlShift);
    QCOMPARE(presentation->scale(), Presentation::kOff);
    QVERIFY(action(window, "presentationOffAction")->isChecked());
    QCOMPARE(QApplication::font(), m_font);
}

void TestPresentation::typedTextSurvives()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *host = window.findChild<QComboBox *>(QStringLiteral("hostEdit"));
    auto *port = window.findChild<QLineEdit *>(QStringLiteral("portEdit"));
    QVERIFY(host && port);
    host->setEditText(QString());
    QTest::keyClicks(host->lineEdit(), QStringLiteral("example.test"));
    port->clear();
    QTest::keyClicks(port, QStringLiteral("8080"));
    port->setCursorPosition(2);

    action(window, "presentation200Action")->trigger();
    action(window, "highContrastAction")->trigger();
    action(window, "presentation150Action")->trigger();
    action(window, "presentationOffAction")->trigger();

    QCOMPARE(host->currentText(), QStringLiteral("example.test"));
    QCOMPARE(port->text(), QStringLiteral("8080"));
    QCOMPARE(port->cursorPosition(), 2);
}

void TestPresentation::fitsProjectorAndScrolls()
{
    // A 1280x800 projector at 200 %: the window fits, and each panel is at least its minimum size inside
    // its scroll area, so what does not fit is reached by scrolling rather than cut off.
    QTemporaryDir scratch;
    const QString dir
        = qEnvironmentVariableIsEmpty("SWB_GRAB_DIR") ? scratch.path() : qEnvironmentVariable("SWB_GRAB_DIR");
    const QSize projector(1280, 800);

    MainWindow window(nullptr);
    auto *panels = window.findChild<QListWidget *>(QStringLiteral("panelList"));
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("panelStack"));
    for (int scale : { 150, 200 }) {
        Presentation::instance()->setScale(scale);
        QVERIFY2(window.minimumSizeHint().width() <= projector.width()
                && window.minimumSizeHint().height() <= projector.height(),
            qPrintable(
                QStringLiteral("%1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
        window.resize(projector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Shown or not, every widget has switched when setScale returns.
        QCOMPARE(panels->font().pointSizeF(), m_font.pointSizeF() * scale / 100);
        QCOMPARE(window.size(), projector);
        for (int row = 0; row < panels->count(); ++row) {
            panels->setCurrentRow(row);
            auto *area = qobject_cast<PanelScrollArea *>(stack->currentWidget());
            QVERIFY(area);
            QWidget *panel = area->widget();
            QTRY_VERIFY(area->isVisible());
            // Layouts settle in the event loop, as after any font change.
            auto fits = [panel] {
                const QSize minimum = panel->minimumSizeHint().expandedTo(panel->minimumSize());
                return panel->width() >= minimum.width() && panel->height() >= minimum.height();
            };
            QTRY_VERIFY2(fits(), qPrintable(panel->objectName()));
            // What the viewport does not show, the scroll bars reach (once they have settled: a bar that
            // appears takes room from the other direction).
            QTRY_VERIFY2(area->horizontalScrollBar()->maximum() >= panel->width() - area->viewport()->width(),
                qPrintable(QStringLiteral("%1 %2 panel %3 viewport %4 max %5")
                               .arg(panel->objectName())
                               .arg(scale)
                               .arg(panel->width())
                               .arg(area->viewport()->width())
                               .arg(area->horizontalScrollBar()->maximum())));
            QTRY_VERIFY(area->verticalScrollBar()->maximum() >= panel->height() - area->viewport()->height());
            QTest::qWait(100); // height-for-width layouts settle in a second pass; the grab shows the result
            const QString name = QStringLiteral("/presentation-%1-%2.png").arg(scale).arg(panel->objectName());
            QVERIFY(window.grab().save(dir + name));
        }
    }
    panels->setCurrentRow(0);
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
