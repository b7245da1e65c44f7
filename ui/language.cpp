#include "language.h"

#include "appsettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace swb {

namespace {

QString languageKey()
{
    return QStringLiteral("view/language");
}

} // namespace

Language *Language::instance()
{
    static Language *language = new Language(QCoreApplication::instance());
    return language;
}

Language::Language(QObject *parent)
    : QObject(parent)
{
}

Language::~Language() = default;

QStringList Language::available()
{
    return { english(), simplifiedChinese() };
}

QString Language::nativeName(const QString &code)
{
    if (code == simplifiedChinese())
        return QStringLiteral("\u7b80\u4f53\u4e2d\u6587"); // 简体中文
    return QStringLiteral("English");
}

QString Language::fromLocaleNames(const QStringList &uiLanguages)
{
    // uiLanguages is in the user's order of preference; the first we have wins.
    for (const QString &name : uiLanguages) {
        const QString lower = name.toLower();
        if (lower.startsWith(QLatin1String("zh")))
            return simplifiedChinese();
        if (lower.startsWith(QLatin1String("en")))
            return english();
    }
    return english();
}

QString Language::resolved(const QString &code)
{
    return code.isEmpty() ? fromLocaleNames(QLocale::system().uiLanguages()) : code;
}

bool Language::isChosen() const
{
    return available().contains(AppSettings::value(languageKey()).toString());
}

void Language::restore()
{
    const QString chosen = AppSettings::value(languageKey()).toString();
    install(available().contains(chosen) ? chosen : resolved(QString()));
}

bool Language::choose(const QString &code)
{
    if (!install(code))
        return false;
    AppSettings::setValue(languageKey(), m_current);
    return true;
}

bool Language::followSystem()
{
    if (!install(resolved(QString())))
        return false;
    AppSettings::setValue(languageKey(), QString());
    return true;
}

bool Language::install(const QString &code)
{
    const QString wanted = available().contains(code) ? code : english();
    if (wanted == m_current && (wanted == english() || m_app))
        return true;

    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    if (wanted != english()) {
        app = std::make_unique<QTranslator>();
        if (!app->load(QStringLiteral(":/i18n/socket-workbench_%1.qm").arg(wanted)))
            return false;
        // Qt's own texts (the file dialog's buttons, a line edit's context menu); optional.
        qt = std::make_unique<QTranslator>();
        if (!qt->load(QStringLiteral("qtbase_%1").arg(wanted), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset();
    }
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app = std::move(app);
    m_qt = std::move(qt);
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    if (m_app)
        QCoreApplication::installTranslator(m_app.get());
    m_current = wanted;
    QLocale::setDefault(QLocale(wanted == english() ? QStringLiteral("en_US") : wanted));
    emit changed(m_current);
    return true;
}

} // namespace swb
