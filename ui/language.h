#pragma once
// The interface language: English (the source texts) or Simplified Chinese. One per application.
// It follows the system until the user picks one from the menu; the choice is remembered in
// AppSettings. Installing a language swaps the application's translators (ours and Qt's own, for
// the file dialog and context menus); the main window then rebuilds its panels in the new language.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace swb {

class Language : public QObject {
    Q_OBJECT
public:
    static Language *instance();

    static QString english() { return QStringLiteral("en"); }
    static QString simplifiedChinese() { return QStringLiteral("zh_CN"); }
    // Codes, in menu order.
    static QStringList available();
    // The language's own name, the same in every language: "English", "简体中文".
    static QString nativeName(const QString &code);
    // The language for a list of locale names such as QLocale::uiLanguages(): any Chinese one gives
    // zh_CN (a reader of traditional characters reads simplified ones better than English), else en.
    static QString fromLocaleNames(const QStringList &uiLanguages);
    // The language a choice gives: code itself, or the system's for an empty code ("follow the system").
    static QString resolved(const QString &code);

    QString current() const { return m_current; }
    // True when the user picked the language; false when it follows the system.
    bool isChosen() const;

    // Installs the remembered choice, or the system's language; before the first window is built.
    void restore();
    // Installs code (an unknown code means English) and remembers it. Returns false, and changes
    // nothing, when the translation cannot be loaded.
    bool choose(const QString &code);
    // Forgets the choice and installs the system's language.
    bool followSystem();
    // Installs code without remembering it (the tour, the tests).
    bool install(const QString &code);

signals:
    void changed(const QString &code);

private:
    explicit Language(QObject *parent);
    ~Language() override;

    QString m_current = english();
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace swb
