#pragma once
// The equivalent code of a panel's form: the Python 3 program and the C++/Qt one, each in a tab
// of read-only text with a Copy button. The panel sets the programs again whenever its form changes.

#include "learn/equivalentcode.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace swb {

class CodePane : public QWidget {
    Q_OBJECT
public:
    explicit CodePane(QWidget *parent = nullptr);

    void setProgram(const EquivalentCode::Program &program);
    // Shown instead of code while the form cannot describe a program (a field is wrong).
    void setUnavailable(const QString &why);
    // The programs as generated (Copy copies these); the view masks addresses while View > Hide
    // Addresses is on.
    QString python() const;
    QString cpp() const;
    // The tab shown: 0 Python, 1 C++.
    int currentLanguage() const;

    // Copies the program of the tab shown to the clipboard.
    void copyShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();
    void render();

    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_python = nullptr;
    QPlainTextEdit *m_cpp = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_copied = nullptr;
    EquivalentCode::Program m_program;
    bool m_available = false;
};

} // namespace swb
