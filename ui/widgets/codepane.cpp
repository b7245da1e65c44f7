#include "widgets/codepane.h"

#include "lookup/privacy.h"
#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

CodePane::CodePane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("codePane"));
    auto makeEdit = [this](const char *name) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        return edit;
    };
    m_python = makeEdit("pythonCode");
    m_cpp = makeEdit("cppCode");
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("codeTabs"));
    m_tabs->addTab(m_python, tr("Python 3"));
    m_tabs->addTab(m_cpp, tr("C++ with Qt"));
    m_tabs->setTabToolTip(0, tr("The program a learner would type: the socket module, in the seeds' style"));
    m_tabs->setTabToolTip(1, tr("The same with Qt's sockets and signals; link Qt6::Network"));

    m_copyButton = new QPushButton(tr("&Copy code"), this);
    m_copyButton->setObjectName(QStringLiteral("copyCodeButton"));
    m_copyButton->setToolTip(tr("Copy the program shown to the clipboard"));
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("codeCopiedLabel"));
    Theme::makeMuted(m_copied);
    auto *hint = new QLabel(tr("What this form does, as a program: it changes as you edit the form."), this);
    hint->setWordWrap(true);
    Theme::makeMuted(hint);

    auto *row = new QHBoxLayout;
    row->addWidget(hint, 1);
    row->addWidget(m_copied);
    row->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_tabs, 1);

    connect(m_copyButton, &QPushButton::clicked, this, &CodePane::copyShown);
    connect(Privacy::instance(), &Privacy::enabledChanged, this, &CodePane::render);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, &CodePane::render);
    applyFonts();
}

void CodePane::setProgram(const EquivalentCode::Program &program)
{
    m_program = program;
    m_available = true;
    render();
}

void CodePane::render()
{
    // Shown masked while Hide Addresses is on (the pane is what gets projected); Copy copies the real one.
    const QString python = Privacy::shown(m_program.python);
    const QString cpp = Privacy::shown(m_program.cpp);
    // Keep the reader's place when the text changes under them.
    for (auto [edit, text] : { std::pair { m_python, python }, std::pair { m_cpp, cpp } }) {
        if (edit->toPlainText() == text)
            continue;
        const int position = edit->verticalScrollBar()->value();
        edit->setPlainText(text);
        edit->verticalScrollBar()->setValue(position);
    }
    m_copyButton->setEnabled(m_available);
    m_copyButton->setToolTip(Privacy::instance()->isEnabled()
            ? tr("Copy the program shown to the clipboard, with the real addresses (the view hides them)")
            : tr("Copy the program shown to the clipboard"));
}

void CodePane::setUnavailable(const QString &why)
{
    const QString text = tr("No program while the form has a mistake: %1").arg(why);
    m_program = { QStringLiteral("# ") + text, QStringLiteral("// ") + text };
    m_available = false;
    render();
}

QString CodePane::python() const
{
    return m_program.python;
}

QString CodePane::cpp() const
{
    return m_program.cpp;
}

int CodePane::currentLanguage() const
{
    return m_tabs->currentIndex();
}

void CodePane::copyShown()
{
    QApplication::clipboard()->setText(m_tabs->currentIndex() == 0 ? python() : cpp());
    m_copied->setText(tr("Copied."));
    QTimer::singleShot(2000, m_copied, &QLabel::clear);
}

void CodePane::applyFonts()
{
    const QFont mono = Theme::monospaceFont(font());
    m_python->setFont(mono);
    m_cpp->setFont(mono);
}

void CodePane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

} // namespace swb
