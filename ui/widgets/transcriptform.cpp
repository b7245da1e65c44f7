#include "widgets/transcriptform.h"

#include "trace/tracebuffer.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextDocument>

#include <algorithm>

namespace swb::TranscriptForm {

namespace {

QString valueOf(const QWidget *field)
{
    if (auto *combo = qobject_cast<const QComboBox *>(field))
        return combo->currentText();
    if (auto *spin = qobject_cast<const QAbstractSpinBox *>(field))
        return spin->text();
    if (auto *edit = qobject_cast<const QLineEdit *>(field))
        return edit->text();
    if (auto *edit = qobject_cast<const QPlainTextEdit *>(field))
        return edit->toPlainText();
    if (auto *check = qobject_cast<const QCheckBox *>(field))
        return check->isChecked() ? QStringLiteral("\u2713") : QStringLiteral("\u2717");
    return {};
}

// Shown by the panel: not hidden by its code. A page a tab widget or the sidebar keeps out of view
// still counts, so a transcript is the same whichever tab is in front.
bool shown(const QWidget *widget)
{
    for (const QWidget *w = widget; w && !w->isWindow(); w = w->parentWidget()) {
        const bool hiddenByCode
            = w->testAttribute(Qt::WA_WState_ExplicitShowHide) && w->testAttribute(Qt::WA_WState_Hidden);
        if (hiddenByCode && !qobject_cast<const QStackedWidget *>(w->parentWidget()))
            return false;
    }
    return true;
}

} // namespace

Transcript begin(const QWidget *form, const QString &python)
{
    Transcript t;
    t.when = QDateTime::currentDateTime();
    t.request = fields(form);
    t.python = python;
    return t;
}

Transcript withSteps(const Transcript &start, TraceBuffer *buffer, const TraceModel *model)
{
    if (!start.when.isValid())
        return {};
    Transcript t = start;
    if (buffer)
        buffer->flush();
    t.addSteps(model);
    return t;
}

QString fieldName(const QString &labelText)
{
    QString name = labelText;
    static const QRegularExpression accelerator(QStringLiteral("\\(&\\w\\)"));
    name.remove(accelerator);
    name.replace(QStringLiteral("&&"), QStringLiteral("\u0001"));
    name.remove(QLatin1Char('&'));
    name.replace(QStringLiteral("\u0001"), QStringLiteral("&"));
    name = name.trimmed();
    while (name.endsWith(QLatin1Char(':')) || name.endsWith(QChar(0xff1a)))
        name.chop(1);
    return name.trimmed();
}

QList<QPair<QString, QString>> fields(const QWidget *root, const QWidget *skip)
{
    QList<QPair<QString, QString>> out;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        const QWidget *field = label->buddy();
        if (!field || !shown(label) || !shown(field) || (skip && skip->isAncestorOf(label)))
            continue;
        out.append({ fieldName(label->text()), valueOf(field) });
    }
    return out;
}

QStringList checkedOptions(const QWidget *root)
{
    QList<const QWidget *> buddies;
    for (const QLabel *label : root->findChildren<QLabel *>())
        buddies.append(label->buddy());
    QStringList out;
    for (const QCheckBox *check : root->findChildren<QCheckBox *>()) {
        if (check->isChecked() && shown(check) && !buddies.contains(check))
            out.append(fieldName(check->text()));
    }
    return out;
}

QString plainText(const QLabel *label)
{
    const QString text = label->text();
    if (label->textFormat() == Qt::PlainText || (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text.trimmed();
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText().trimmed();
}

QStringList lines(std::initializer_list<const QLabel *> labels)
{
    QStringList out;
    for (const QLabel *label : labels) {
        if (!label || !shown(label))
            continue;
        const QString text = plainText(label);
        if (text.isEmpty() || text == QStringLiteral("\u2014"))
            continue;
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out.append(line.trimmed());
    }
    return out;
}

QStringList tableLines(const QTableWidget *table, const QString &separator)
{
    QStringList out;
    if (!table || !shown(table))
        return out;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column) {
            if (table->isColumnHidden(column))
                continue;
            const QTableWidgetItem *item = table->item(row, column);
            QString text = item ? item->text().trimmed() : QString();
            if (!text.isEmpty())
                cells.append(text.replace(QLatin1Char('\n'), QLatin1Char(' ')));
        }
        if (!cells.isEmpty())
            out.append(cells.join(separator));
    }
    return out;
}

} // namespace swb::TranscriptForm
