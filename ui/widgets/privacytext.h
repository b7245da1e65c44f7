#pragma once
// Text that may show an address or this computer's name: set through here, it is shown masked while
// View > Hide Addresses is on, and shown again as it was when it is turned off.

#include <QString>

class QLabel;
class QTableWidgetItem;
class QWidget;

namespace swb::PrivacyText {

void setText(QLabel *label, const QString &text);
void setText(QTableWidgetItem *item, const QString &text);
// Re-shows every label and table item below root that was set through setText when the switch (or
// the host names it masks) changes. Once per panel.
void follow(QWidget *root);

} // namespace swb::PrivacyText
