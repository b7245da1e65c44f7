#include "bytesview.h"

#include "net/payloadcodec.h"
#include "theme.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace swb {

BytesView::BytesView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("bytesView"));

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("receivedCountLabel"));

    m_textButton = new QToolButton(this);
    m_textButton->setObjectName(QStringLiteral("bytesTextButton"));
    m_textButton->setText(tr("Text"));
    m_textButton->setToolTip(tr("Show the bytes as text: \\r \\n \\t \\\\ and \\xNN stand for bytes that "
                                "cannot be printed"));
    m_textButton->setCheckable(true);
    m_textButton->setChecked(true);

    m_hexButton = new QToolButton(this);
    m_hexButton->setObjectName(QStringLiteral("bytesHexButton"));
    m_hexButton->setText(tr("Hex dump"));
    m_hexButton->setToolTip(tr("Show the bytes as hexdump -C does: offset, 16 bytes in hex, then as text"));
    m_hexButton->setCheckable(true);

    auto *group = new QButtonGroup(this);
    group->setExclusive(true);
    group->addButton(m_textButton);
    group->addButton(m_hexButton);

    m_clearButton = new QToolButton(this);
    m_clearButton->setObjectName(QStringLiteral("bytesClearButton"));
    m_clearButton->setText(tr("Clear"));
    m_clearButton->setToolTip(tr("Clear this view (the connection is not affected)"));

    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("bytesText"));
    m_edit->setReadOnly(true);
    m_edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_edit->setPlaceholderText(tr("Bytes the other side sends appear here."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_countLabel, 1);
    top->addWidget(m_textButton);
    top->addWidget(m_hexButton);
    top->addSpacing(8);
    top->addWidget(m_clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_edit, 1);

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(30);
    connect(&m_renderTimer, &QTimer::timeout, this, &BytesView::render);
    connect(m_textButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setMode(Mode::Text);
    });
    connect(m_hexButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setMode(Mode::HexDump);
    });
    connect(m_clearButton, &QToolButton::clicked, this, &BytesView::clear);

    applyFonts();
    updateCount();
}

QString BytesView::escapedWithBreaks(const QByteArray &bytes)
{
    QString out;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        out += PayloadCodec::toEscapedText(bytes.mid(start, end - start));
        if (newline >= 0)
            out += QLatin1Char('\n');
        start = end;
    }
    return out;
}

void BytesView::append(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_total += bytes.size();
    m_data += bytes;
    bool rebuild = m_mode == Mode::HexDump;
    if (m_data.size() > kMaxKept) {
        m_data.remove(0, m_data.size() - kMaxKept);
        rebuild = true;
    }
    scheduleRender(rebuild);
}

void BytesView::clear()
{
    m_data.clear();
    m_total = 0;
    m_rendered = 0;
    m_rebuild = false;
    m_renderTimer.stop();
    m_edit->clear();
    updateCount();
}

void BytesView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    m_textButton->setChecked(mode == Mode::Text);
    m_hexButton->setChecked(mode == Mode::HexDump);
    // Hex dump lines must not wrap or the columns fall apart.
    m_edit->setLineWrapMode(mode == Mode::Text ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    scheduleRender(true);
    render();
}

QString BytesView::displayedText()
{
    if (m_renderTimer.isActive())
        render();
    return m_edit->toPlainText();
}

void BytesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void BytesView::applyFonts()
{
    m_edit->setFont(Theme::monospaceFont(font()));
    const QFontMetrics metrics(m_edit->font());
    m_edit->setMinimumHeight(metrics.lineSpacing() * 3 + m_edit->frameWidth() * 2 + 8);
}

void BytesView::scheduleRender(bool rebuild)
{
    m_rebuild = m_rebuild || rebuild;
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void BytesView::render()
{
    m_renderTimer.stop();
    QScrollBar *bar = m_edit->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    if (m_rebuild || m_mode == Mode::HexDump) {
        if (m_data.isEmpty())
            m_edit->clear();
        else
            m_edit->setPlainText(m_mode == Mode::Text ? escapedWithBreaks(m_data) : PayloadCodec::hexDump(m_data));
    } else if (m_rendered < m_data.size()) {
        QTextCursor cursor(m_edit->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(escapedWithBreaks(m_data.mid(m_rendered)));
    }
    m_rendered = int(m_data.size());
    m_rebuild = false;
    if (atBottom)
        bar->setValue(bar->maximum());
    updateCount();
}

void BytesView::updateCount()
{
    const QLocale locale;
    QString text = m_total == 1 ? tr("1 byte received") : tr("%1 bytes received").arg(locale.toString(m_total));
    if (m_total > m_data.size())
        text += QLatin1Char(' ') + tr("(showing the last %1)").arg(locale.toString(m_data.size()));
    m_countLabel->setText(text);
}

} // namespace swb
