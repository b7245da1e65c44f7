#pragma once
// What a panel's transcript takes from its widgets: the form as a person reads it (each visible
// label that names a field, with the field's value) and result lines from labels (rich text made
// plain; hidden and empty labels left out).

#include "learn/transcript.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <initializer_list>

class QLabel;
class QTableWidget;
class QWidget;

namespace swb {
class TraceBuffer;
class TraceModel;
} // namespace swb

namespace swb::TranscriptForm {

// The start of a run's transcript: now, the form as it is (fields(form)), and the program.
Transcript begin(const QWidget *form, const QString &python);
// A copy of start with the steps of the run so far (the buffer's pending batch first); empty when
// no run started.
Transcript withSteps(const Transcript &start, TraceBuffer *buffer, const TraceModel *model);

// Label text without its accelerator ("&Host:", "主机(&H)：") and its colon: "Host", "主机".
QString fieldName(const QString &labelText);
// Every visible label with a buddy under root, in creation order, with its field's value: the text
// of a line edit or combo box, a spin box's text with its suffix, a check box's state.
// Labels inside skip (a page of results, say) are left out.
QList<QPair<QString, QString>> fields(const QWidget *root, const QWidget *skip = nullptr);
// Checked, visible check boxes under root that are not the buddy of a label: "Stop waiting …".
QStringList checkedOptions(const QWidget *root);
QStringList lines(std::initializer_list<const QLabel *> labels);
// One line per row of a table shown under root, its non-empty cells joined by separator; nothing
// when the table is hidden.
QStringList tableLines(const QTableWidget *table, const QString &separator);
// A label's text as plain text (rich text rendered), one line per paragraph.
QString plainText(const QLabel *label);

} // namespace swb::TranscriptForm
