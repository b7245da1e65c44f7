#pragma once
// What a person typed and chose in a panel, so a rebuilt panel (after a change of language) comes
// back as it was left: the text of line edits and editable text boxes, combo boxes, spin boxes, check
// and radio buttons, and the current tab. A list's choice is found again by its item data when it
// has some, so a list whose items changed meanwhile never lands on a different item. Widgets are found by their path
// from the panel (object names where set, else the class and the position among siblings), so it works for any panel
// built by the same code. Results of runs are not part of it.

#include <QHash>
#include <QString>
#include <QVariant>

class QWidget;

namespace swb::FormState {

using Values = QHash<QString, QVariant>;

Values capture(const QWidget *root);
// Twice over: a restored choice (a mode, a lab service) may rebuild or refill other fields, which the
// second pass sets again. Returns how many widgets were set.
int restore(QWidget *root, const Values &values);

} // namespace swb::FormState
